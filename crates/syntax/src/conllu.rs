//! Minimal CoNLL-U reader/writer. Multiword-token lines (`1-2`) and empty nodes (`8.1`)
//! are accepted and skipped; comments are kept per sentence.
use crate::SyntaxError;
use std::path::Path;

/// One syntactic word (a CoNLL-U line with an integer ID).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Token {
    pub id: u32,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 = root; heads given as `_` are read as 0.
    pub head: u32,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// A sentence: its comment lines (without `# `) and its syntactic words, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    pub comments: Vec<String>,
    pub tokens: Vec<Token>,
    /// 1-based line number of the sentence's first line in the source.
    pub line: usize,
}

impl Sentence {
    pub fn forms(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| t.form.as_str()).collect()
    }
}

/// Parse CoNLL-U text. Errors carry `<input>:line`.
pub fn read(text: &str) -> Result<Vec<Sentence>, SyntaxError> {
    read_named(text, "<input>")
}

/// Read and parse a CoNLL-U file. Errors carry `path:line`.
pub fn read_file(path: &Path) -> Result<Vec<Sentence>, SyntaxError> {
    let text = std::fs::read_to_string(path).map_err(|source| SyntaxError::Io {
        action: "read CoNLL-U file",
        path: path.to_path_buf(),
        source,
    })?;
    read_named(&text, &path.display().to_string())
}

/// Parse CoNLL-U text; `name` is used in error messages.
pub fn read_named(text: &str, name: &str) -> Result<Vec<Sentence>, SyntaxError> {
    let err = |line: usize, msg: String| SyntaxError::Conllu {
        source_name: name.to_string(),
        line,
        msg,
    };
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut started = false;
    let finish = |cur: &mut Sentence, out: &mut Vec<Sentence>| -> Result<(), SyntaxError> {
        let n = cur.tokens.len() as u32;
        for t in &cur.tokens {
            if t.head > n {
                return Err(SyntaxError::Conllu {
                    source_name: name.to_string(),
                    line: cur.line,
                    msg: format!(
                        "in the sentence starting here, token {} has head {} but the sentence has only {} words",
                        t.id, t.head, n
                    ),
                });
            }
        }
        if !cur.tokens.is_empty() {
            out.push(std::mem::take(cur));
        } else {
            *cur = Sentence::default();
        }
        Ok(())
    };
    for (lno, raw) in text.lines().enumerate() {
        let lno = lno + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if started {
                finish(&mut cur, &mut out)?;
                started = false;
            }
            continue;
        }
        if !started {
            cur.line = lno;
            started = true;
        }
        if let Some(c) = line.strip_prefix('#') {
            cur.comments.push(c.trim_start().to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(
                lno,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            // multiword token range or empty node: validate shape, then skip
            let ok = id
                .split(['-', '.'])
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                return Err(err(lno, format!("malformed ID '{id}'")));
            }
            continue;
        }
        let id: u32 = id
            .parse()
            .map_err(|_| err(lno, format!("ID '{}' is not a positive integer", cols[0])))?;
        let expected = cur.tokens.len() as u32 + 1;
        if id != expected {
            return Err(err(
                lno,
                format!("word ID {id} out of sequence (expected {expected}); is a blank line missing between sentences?"),
            ));
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse::<u32>()
                .map_err(|_| err(lno, format!("HEAD '{}' is not an integer", cols[6])))?
        };
        if head == id {
            return Err(err(lno, format!("word {id} is its own head")));
        }
        if cols[1].is_empty() {
            return Err(err(lno, "empty FORM column".to_string()));
        }
        cur.tokens.push(Token {
            id,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if started {
        finish(&mut cur, &mut out)?;
    }
    Ok(out)
}

/// Serialise sentences as CoNLL-U (multiword tokens are not reconstructed).
pub fn write(sentences: &[Sentence]) -> String {
    let mut s = String::new();
    for sent in sentences {
        for c in &sent.comments {
            s.push_str("# ");
            s.push_str(c);
            s.push('\n');
        }
        for t in &sent.tokens {
            s.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                t.id, t.form, t.lemma, t.upos, t.xpos, t.feats, t.head, t.deprel, t.deps, t.misc
            ));
        }
        s.push('\n');
    }
    s
}
