//! The CAMEO event-code table and its PLOVER mapping (`data/ontology/cameo.tsv`).

use std::collections::HashMap;

include!(concat!(env!("OUT_DIR"), "/ontology.rs"));

/// One CAMEO event code with its PLOVER mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f32,
    pub quad_class: u8,
    pub plover_type: String,
    pub plover_mode: Option<String>,
    pub plover_context: Option<String>,
}

/// The code table.
#[derive(Debug, Default)]
pub struct Ontology {
    codes: HashMap<String, CameoCode>,
}

/// A problem in an ontology table, with its line.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct OntologyError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Ontology {
    /// The embedded table (parsed once).
    pub fn bundled() -> &'static Ontology {
        static O: std::sync::OnceLock<Ontology> = std::sync::OnceLock::new();
        O.get_or_init(|| {
            Ontology::parse("data/ontology/cameo.tsv", CAMEO_TSV).unwrap_or_else(|e| {
                eprintln!("warning: bundled ontology: {e}");
                Ontology::default()
            })
        })
    }

    /// Parses a `cameo.tsv` table (header: code, name, goldstein, quad_class,
    /// plover_type, plover_mode, plover_context).
    pub fn parse(file: &str, text: &str) -> Result<Ontology, OntologyError> {
        let mut codes = HashMap::new();
        let err = |line: usize, message: String| OntologyError {
            file: file.to_string(),
            line,
            message,
        };
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            if i == 0 || line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 5 {
                return Err(err(
                    line_no,
                    format!(
                        "expected at least 5 tab-separated fields, found {}",
                        f.len()
                    ),
                ));
            }
            let goldstein = f[2]
                .trim()
                .parse::<f32>()
                .map_err(|_| err(line_no, format!("bad Goldstein value {:?}", f[2])))?;
            let quad_class = f[3]
                .trim()
                .parse::<u8>()
                .map_err(|_| err(line_no, format!("bad quad class {:?}", f[3])))?;
            let opt = |k: usize| {
                f.get(k)
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(String::from)
            };
            let code = f[0].trim().to_string();
            codes.insert(
                code.clone(),
                CameoCode {
                    code,
                    name: f[1].trim().to_string(),
                    goldstein,
                    quad_class,
                    plover_type: f[4].trim().to_string(),
                    plover_mode: opt(5),
                    plover_context: opt(6),
                },
            );
        }
        Ok(Ontology { codes })
    }

    /// Looks a code up; falls back to its parent (4→3→2 digits) for missing codes.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        let mut c = code;
        loop {
            if let Some(x) = self.codes.get(c) {
                return Some(x);
            }
            if c.len() <= 2 {
                return None;
            }
            c = &c[..c.len() - 1];
        }
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// All codes, sorted.
    pub fn codes(&self) -> Vec<&CameoCode> {
        let mut v: Vec<&CameoCode> = self.codes.values().collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_fallback() {
        let t = "code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n19\tFight\t-10.0\t4\tASSAULT\t\t\n190\tUse conventional military force\t-10\t4\tASSAULT\t\tmilitary\n";
        let o = Ontology::parse("t.tsv", t).unwrap();
        assert_eq!(o.get("190").unwrap().plover_type, "ASSAULT");
        assert_eq!(o.get("1909").unwrap().code, "190");
        assert!(o.get("99").is_none());
        let e = Ontology::parse("t.tsv", "h\n19\tFight\tx\t4\tASSAULT\n").unwrap_err();
        assert_eq!(e.to_string(), "t.tsv:2: bad Goldstein value \"x\"");
    }

    #[test]
    fn bundled_table_is_complete() {
        let o = Ontology::bundled();
        for root in 1..=20 {
            assert!(
                o.get(&format!("{root:02}")).is_some(),
                "root {root:02} missing"
            );
        }
        assert!(o.len() >= 250, "only {} codes", o.len());
    }
}
