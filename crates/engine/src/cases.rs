//! Table-driven coding cases (`crates/coding/tests/cases/*.tsv`, format in that
//! directory's README): `DATE<TAB>SENTENCE<TAB>EXPECTED`, where EXPECTED is `-` or
//! events `SOURCE TARGET CODE [!MODE]` separated by ` ; `.
//!
//! A case passes when the engine's events (asserted and marked ones alike) and the
//! expected events pair up one to one: same source and target (country, and sector
//! when the case writes one; `-` = no actor), a code that starts with the expected
//! digits, and the same mode (none for asserted events). Events marked `alleged` (the
//! content of an accusation) are ignored unless the case lists one.

use crate::Engine;
use chrono::NaiveDate;
use flashpoint_model::{Article, Event, EventActor};

/// One expected event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub source: String,
    pub target: String,
    pub code: String,
    pub mode: Option<String>,
}

/// One case.
#[derive(Clone, Debug)]
pub struct Case {
    pub at: String,
    pub date: NaiveDate,
    pub sentence: String,
    pub expected: Vec<Expected>,
}

/// Parses a case file; problems are `file:line: what`.
pub fn parse_cases(file: &str, text: &str) -> Result<Vec<Case>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = format!("{file}:{}", i + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 3 {
            return Err(format!(
                "{at}: expected 3 tab-separated fields, found {}",
                f.len()
            ));
        }
        let date = NaiveDate::parse_from_str(f[0].trim(), "%Y-%m-%d")
            .map_err(|e| format!("{at}: bad date {:?}: {e}", f[0]))?;
        let mut expected = Vec::new();
        if f[2].trim() != "-" {
            for ev in f[2].split(" ; ") {
                let w: Vec<&str> = ev.split_whitespace().collect();
                let (mode, w) = match w.last() {
                    Some(m) if m.starts_with('!') => (Some(m[1..].to_string()), &w[..w.len() - 1]),
                    _ => (None, &w[..]),
                };
                if w.len() != 3 {
                    return Err(format!(
                        "{at}: event {ev:?} is not `SOURCE TARGET CODE [!MODE]`"
                    ));
                }
                expected.push(Expected {
                    source: w[0].to_string(),
                    target: w[1].to_string(),
                    code: w[2].to_string(),
                    mode,
                });
            }
        }
        out.push(Case {
            at,
            date,
            sentence: f[1].to_string(),
            expected,
        });
    }
    Ok(out)
}

/// Whether an actor agrees with an expected actor code.
fn actor_ok(want: &str, got: Option<&EventActor>) -> bool {
    match (want, got) {
        ("-", None) => true,
        ("-", Some(_)) | (_, None) => false,
        (w, Some(a)) => {
            let country = a.country.as_deref().unwrap_or("");
            if a.code.starts_with(w) {
                return true;
            }
            let (wc, ws) = w.split_at(w.len().min(3));
            let sector_ok = ws.is_empty() || a.sector.as_deref() == Some(ws);
            (country == wc || a.code.starts_with(wc)) && sector_ok
        }
    }
}

fn event_ok(x: &Expected, e: &Event) -> bool {
    actor_ok(&x.source, e.source.as_ref())
        && actor_ok(&x.target, e.target.as_ref())
        && e.cameo.starts_with(&x.code)
        && x.mode == e.modality
}

/// Short text of an event: `SRC TGT CODE [!mode]`.
pub fn show_event(e: &Event) -> String {
    let a = |x: Option<&EventActor>| x.map_or("-".to_string(), |a| a.code.clone());
    format!(
        "{} {} {}{}",
        a(e.source.as_ref()),
        a(e.target.as_ref()),
        e.cameo,
        e.modality
            .as_ref()
            .map(|m| format!(" !{m}"))
            .unwrap_or_default()
    )
}

/// The outcome of one case.
#[derive(Debug)]
pub struct Outcome {
    pub pass: bool,
    pub got: Vec<Event>,
}

/// Runs one case through `engine` (which should keep modal events).
pub fn run_case(engine: &Engine, c: &Case) -> Outcome {
    let article = Article::new("case", c.date, c.sentence.clone());
    let mut got = engine.process(&article).events;
    // The content of an accusation is not listed in the cases (the accusation is the
    // event) unless a case asks for it.
    if !c
        .expected
        .iter()
        .any(|x| x.mode.as_deref() == Some("alleged"))
    {
        got.retain(|e| e.modality.as_deref() != Some("alleged"));
    }
    let mut used = vec![false; got.len()];
    let mut pass = true;
    for x in &c.expected {
        match (0..got.len()).find(|&i| !used[i] && event_ok(x, &got[i])) {
            Some(i) => used[i] = true,
            None => pass = false,
        }
    }
    if used.iter().any(|u| !u) {
        pass = false;
    }
    Outcome { pass, got }
}
