//! Event-coding evaluation against gold records (`flashpoint eval events`).
//!
//! Two gold formats are read:
//! * **PLOVER** gold records (a JSON array; `PLOVER_GSR_CAMEO.txt`): `text`, `date`,
//!   `event` (a PLOVER type, legacy 0.x names allowed), `source`/`target` arrays of
//!   `{actorText, code, sector}`;
//! * **PETRARCH** validation XML (`PETR.UnitTest.records.xml`): `<Sentence date id
//!   category>` with `<EventCoding sourcecode targetcode eventcode>` (or `noevents`)
//!   and `<Text>`.
//!
//! Each record's text is coded on its own with the record's date. Figures (all
//! fractions):
//! * `type_precision` / `type_recall` / `type_f1`: distinct PLOVER types produced per
//!   record against the gold types;
//! * `type_accuracy`: the record's most confident event has the gold type;
//! * `exact_f1`: (source country, target country, type) triples;
//! * `source_country_acc` / `target_country_acc` / `source_sector_acc`: over events
//!   whose type matched a gold event;
//! * `no_event_acc`: records with no gold event that got none;
//! * `categories`: PETRARCH records' pass rate per category (a record passes when its
//!   gold triples and ours are the same set).

use crate::Engine;
use chrono::NaiveDate;
use flashpoint_model::{Article, Event};
use serde::Serialize;
use std::collections::BTreeMap;

/// A gold actor: country or organisation code (3 letters) and an optional sector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldActor {
    pub code: String,
    pub sector: Option<String>,
}

/// One gold event.
#[derive(Clone, Debug)]
pub struct GoldEvent {
    pub sources: Vec<GoldActor>,
    pub targets: Vec<GoldActor>,
    /// PLOVER type (current names).
    pub plover: String,
    /// CAMEO code when the gold gives one (PETRARCH).
    pub cameo: Option<String>,
}

/// One gold record: a text and its events (none = the text carries no event).
#[derive(Clone, Debug)]
pub struct GoldRecord {
    pub id: String,
    pub category: String,
    pub date: NaiveDate,
    pub text: String,
    pub events: Vec<GoldEvent>,
}

/// Current PLOVER type for a legacy 0.x / CAMEO cue-category name.
pub fn plover_type(name: &str) -> String {
    match name {
        "DEMAND" | "APPEAL" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        "YIELD" => "CONCEDE",
        "THREAT" => "THREATEN",
        "RESTRICT" => "COERCE",
        other => other,
    }
    .to_string()
}

/// Gold country codes that predate ISO 3166 in CAMEO dictionaries.
fn normalise_code(code: &str) -> String {
    match code {
        "JAP" => "JPN".to_string(),
        c => c.to_string(),
    }
}

/// Reads PLOVER gold records (JSON array). Records without text or date (the
/// documentation record) are skipped.
pub fn read_plover(text: &str) -> Result<Vec<GoldRecord>, String> {
    let records: Vec<serde_json::Value> = serde_json::from_str(text)
        .map_err(|e| format!("not a JSON array of PLOVER records: {e}"))?;
    let actors = |v: &serde_json::Value| -> Vec<GoldActor> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|g| {
                        let code = g["code"].as_str()?;
                        Some(GoldActor {
                            code: normalise_code(&code.chars().take(3).collect::<String>()),
                            sector: g["sector"]
                                .as_str()
                                .map(|s| s.chars().take(3).collect::<String>())
                                .filter(|s| s.len() == 3),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for r in &records {
        let (Some(t), Some(d)) = (r["text"].as_str(), r["date"].as_str()) else {
            continue;
        };
        let Ok(date) = NaiveDate::parse_from_str(d, "%Y-%m-%d") else {
            continue;
        };
        let event = r["event"].as_str().unwrap_or("");
        let events = if event.is_empty() || event == "NONE" {
            Vec::new()
        } else {
            vec![GoldEvent {
                sources: actors(&r["source"]),
                targets: actors(&r["target"]),
                plover: plover_type(event),
                cameo: None,
            }]
        };
        out.push(GoldRecord {
            id: r["id"].as_str().unwrap_or("").to_string(),
            category: plover_type(event),
            date,
            text: t.to_string(),
            events,
        });
    }
    Ok(out)
}

/// Reads PETRARCH validation records (XML). `cameo_to_plover` maps a CAMEO code to
/// its PLOVER type.
pub fn read_petrarch(
    text: &str,
    cameo_to_plover: impl Fn(&str) -> Option<String>,
) -> Result<Vec<GoldRecord>, String> {
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("not valid XML: {e}"))?;
    let mut out = Vec::new();
    for s in doc.descendants().filter(|n| n.has_tag_name("Sentence")) {
        let id = s.attribute("id").unwrap_or("").to_string();
        let category = s.attribute("category").unwrap_or("").to_string();
        let Some(date) = s
            .attribute("date")
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok())
        else {
            continue;
        };
        let Some(text) = s
            .children()
            .find(|n| n.has_tag_name("Text"))
            .and_then(|n| n.text())
        else {
            continue;
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let actor = |c: &str| {
            let code = c.trim_start_matches('-');
            GoldActor {
                code: code.chars().take(3).collect(),
                sector: (code.len() >= 6).then(|| code[3..6].to_string()),
            }
        };
        let mut events = Vec::new();
        for e in s.children().filter(|n| n.has_tag_name("EventCoding")) {
            if e.attribute("noevents").is_some() {
                continue;
            }
            let (Some(src), Some(tgt), Some(code)) = (
                e.attribute("sourcecode"),
                e.attribute("targetcode"),
                e.attribute("eventcode"),
            ) else {
                continue;
            };
            events.push(GoldEvent {
                sources: vec![actor(src)],
                targets: vec![actor(tgt)],
                plover: cameo_to_plover(code).unwrap_or_default(),
                cameo: Some(code.to_string()),
            });
        }
        out.push(GoldRecord {
            id,
            category,
            date,
            text,
            events,
        });
    }
    Ok(out)
}

/// The figures of `flashpoint eval events`.
#[derive(Debug, Default, Serialize)]
pub struct EventsReport {
    pub records: usize,
    pub gold_events: usize,
    pub type_precision: f64,
    pub type_recall: f64,
    pub type_f1: f64,
    pub type_accuracy: f64,
    pub exact_precision: f64,
    pub exact_recall: f64,
    pub exact_f1: f64,
    pub source_country_acc: f64,
    pub target_country_acc: f64,
    pub source_sector_acc: f64,
    /// `null` when the gold has no record without events.
    pub no_event_acc: Option<f64>,
    pub no_event_records: usize,
    /// Category → (records, passed, pass rate).
    pub categories: BTreeMap<String, (usize, usize, f64)>,
    /// Records whose type was missed or wrong (first 40), for error analysis.
    pub errors: Vec<String>,
    pub sentences_per_sec: f64,
}

fn actor_matches(g: &GoldActor, e: Option<&flashpoint_model::EventActor>) -> bool {
    let Some(a) = e else { return false };
    match g.code.as_str() {
        "IGO" | "NGO" => a.code.starts_with(&g.code),
        c => a.country.as_deref() == Some(c) || a.code.starts_with(c),
    }
}

fn any_matches(gs: &[GoldActor], e: Option<&flashpoint_model::EventActor>) -> bool {
    if gs.is_empty() {
        return e.is_none();
    }
    gs.iter().any(|g| actor_matches(g, e))
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn short(e: &Event) -> String {
    let a =
        |x: Option<&flashpoint_model::EventActor>| x.map_or("-".to_string(), |a| a.code.clone());
    format!(
        "{}→{} {} {}",
        a(e.source.as_ref()),
        a(e.target.as_ref()),
        e.cameo,
        e.plover
    )
}

/// Codes every record with `engine` and scores it against the gold.
pub fn evaluate(engine: &Engine, records: &[GoldRecord]) -> EventsReport {
    let mut r = EventsReport {
        records: records.len(),
        ..Default::default()
    };
    let (mut tp_types, mut pred_types, mut gold_types, mut top_ok) =
        (0usize, 0usize, 0usize, 0usize);
    let (mut exact_tp, mut exact_pred, mut exact_gold) = (0usize, 0usize, 0usize);
    let (mut src_n, mut src_ok, mut tgt_n, mut tgt_ok, mut sec_n, mut sec_ok) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut none_n, mut none_ok) = (0usize, 0usize);
    let mut cats: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut sentences = 0usize;
    let start = std::time::Instant::now();
    for rec in records {
        let out = engine.process(&Article::new(rec.id.clone(), rec.date, rec.text.clone()));
        sentences += out.sentences;
        let events = out.events;
        r.gold_events += rec.events.len();
        // types
        let mut ours: Vec<&str> = events
            .iter()
            .map(|e| e.plover.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        ours.sort_unstable();
        ours.dedup();
        let mut gold: Vec<&str> = rec.events.iter().map(|e| e.plover.as_str()).collect();
        gold.sort_unstable();
        gold.dedup();
        pred_types += ours.len();
        gold_types += gold.len();
        tp_types += ours.iter().filter(|t| gold.contains(t)).count();
        if rec.events.is_empty() {
            none_n += 1;
            if events.is_empty() {
                none_ok += 1;
            }
        } else {
            let top = events
                .iter()
                .filter(|e| !e.plover.is_empty())
                .max_by(|a, b| a.confidence.total_cmp(&b.confidence));
            if top.is_some_and(|e| gold.contains(&e.plover.as_str())) {
                top_ok += 1;
            } else if r.errors.len() < 400 {
                r.errors.push(format!(
                    "{} gold {} | ours [{}] | {}",
                    rec.id,
                    gold.join(","),
                    events.iter().map(short).collect::<Vec<_>>().join("; "),
                    rec.text
                ));
            }
        }
        // exact triples and actor agreement on type-matched events
        let mut used = vec![false; rec.events.len()];
        for e in &events {
            exact_pred += 1;
            if let Some(i) = (0..rec.events.len()).find(|&i| {
                !used[i]
                    && rec.events[i].plover == e.plover
                    && any_matches(&rec.events[i].sources, e.source.as_ref())
                    && any_matches(&rec.events[i].targets, e.target.as_ref())
            }) {
                used[i] = true;
                exact_tp += 1;
            }
            if let Some(g) = rec.events.iter().find(|g| g.plover == e.plover) {
                if !g.sources.is_empty() {
                    src_n += 1;
                    if any_matches(&g.sources, e.source.as_ref()) {
                        src_ok += 1;
                    }
                    if let Some(gs) = g.sources.iter().find_map(|a| a.sector.clone()) {
                        sec_n += 1;
                        if e.source.as_ref().and_then(|a| a.sector.as_deref()) == Some(gs.as_str())
                        {
                            sec_ok += 1;
                        }
                    }
                }
                if !g.targets.is_empty() {
                    tgt_n += 1;
                    if any_matches(&g.targets, e.target.as_ref()) {
                        tgt_ok += 1;
                    }
                }
            }
        }
        exact_gold += rec.events.len();
        // PETRARCH-style pass: every gold event found with its CAMEO code (or type) and
        // actors, and nothing else produced.
        let pass = {
            let mut used = vec![false; events.len()];
            let all_found = rec.events.iter().all(|g| {
                let hit = (0..events.len()).find(|&i| {
                    !used[i]
                        && match &g.cameo {
                            Some(c) => events[i].cameo == *c,
                            None => events[i].plover == g.plover,
                        }
                        && any_matches(&g.sources, events[i].source.as_ref())
                        && any_matches(&g.targets, events[i].target.as_ref())
                });
                if let Some(i) = hit {
                    used[i] = true;
                }
                hit.is_some()
            });
            all_found && used.iter().all(|u| *u)
        };
        let c = cats.entry(rec.category.clone()).or_default();
        c.0 += 1;
        if pass {
            c.1 += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let frac = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    r.type_precision = frac(tp_types, pred_types);
    r.type_recall = frac(tp_types, gold_types);
    r.type_f1 = f1(r.type_precision, r.type_recall);
    r.type_accuracy = frac(top_ok, records.len() - none_n);
    r.exact_precision = frac(exact_tp, exact_pred);
    r.exact_recall = frac(exact_tp, exact_gold);
    r.exact_f1 = f1(r.exact_precision, r.exact_recall);
    r.source_country_acc = frac(src_ok, src_n);
    r.target_country_acc = frac(tgt_ok, tgt_n);
    r.source_sector_acc = frac(sec_ok, sec_n);
    r.no_event_records = none_n;
    r.no_event_acc = (none_n > 0).then(|| frac(none_ok, none_n));
    r.categories = cats
        .into_iter()
        .map(|(k, (n, p))| (k, (n, p, frac(p, n))))
        .collect();
    r.sentences_per_sec = if secs > 0.0 {
        sentences as f64 / secs
    } else {
        0.0
    };
    r
}
