//! Scoring the recognizer against gold actor mentions.
//!
//! Two gold formats:
//! * our own test set (`crates/actors/tests/cases/mentions.tsv`, parsed by
//!   [`parse_mention_cases`]): one mention in context per line, with the expected
//!   country and sector (`-` = none) — see [`eval_mentions`];
//! * the PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`, a JSON array of records
//!   with `text`, `date`, `source`/`target` actor lists) — see [`eval_plover_actors`].
//!
//! For every gold actor the mention of ours that covers (or best overlaps) the gold
//! text in the sentence is compared on country and sector. Figures are given twice:
//! over the gold actors we found a mention for (`country_acc`, `sector_acc`) and over
//! all gold actors, a miss counting as wrong (`country_acc_all`, `sector_acc_all`).

use crate::{ActorsError, KnowledgeBase, Mention, Recognizer};
use chrono::NaiveDate;
use flashpoint_model::Span;
use flashpoint_text::Document;
use serde::Serialize;
use std::collections::BTreeMap;

/// Expected sector of a gold actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoldSector {
    /// This sector.
    Is(String),
    /// No sector (a bare country, an organisation without one).
    None,
    /// The gold does not say (PLOVER `***`): not scored.
    Unscored,
}

/// One gold mention in context.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionCase {
    /// Where the case comes from (`file:line` or a record id).
    pub at: String,
    pub date: NaiveDate,
    pub sentence: String,
    /// The mention text; its first occurrence (at word boundaries) in `sentence` is used.
    pub text: String,
    /// Expected country: ISO3, `IGO`/`NGO` for organisations (matched on the code
    /// prefix), or `None` for no country (also used for "no actor at all").
    pub country: Option<String>,
    pub sector: GoldSector,
    /// Free-form category (`metonym`, `false_friend`, ...), for per-kind figures.
    pub kind: String,
}

/// Figures of one category.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KindScore {
    pub cases: usize,
    pub country_ok: usize,
    pub sector_ok: usize,
    pub sector_scored: usize,
}

/// One case we got wrong.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorFailure {
    pub at: String,
    pub kind: String,
    pub sentence: String,
    pub text: String,
    pub gold_country: String,
    pub gold_sector: String,
    /// Our mention text (empty if none overlapped).
    pub ours_text: String,
    pub ours_code: String,
    pub ours_country: String,
    pub ours_sector: String,
    pub why: String,
}

/// The result of an actor evaluation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActorReport {
    /// Gold cases scored (gold actors, including "no actor here" cases of our set).
    pub cases: usize,
    /// Gold cases that expect an actor (country or sector).
    pub gold_actors: usize,
    /// Gold actors for which one of our mentions overlaps the gold text.
    pub found: usize,
    /// `found / gold_actors`.
    pub coverage: f64,
    /// Country accuracy over the cases where we found a mention.
    pub country_acc: f64,
    /// Sector accuracy over the found mentions whose gold sector is scored.
    pub sector_acc: f64,
    /// Country accuracy over all cases (a missing mention counts as "no country").
    pub country_acc_all: f64,
    /// Sector accuracy over all cases with a scored sector.
    pub sector_acc_all: f64,
    /// Gold texts that could not be located in their sentence (not scored).
    pub unlocated: usize,
    pub by_kind: BTreeMap<String, KindScore>,
    /// Every failure, in input order.
    pub failures: Vec<ActorFailure>,
}

fn dash(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

/// Parses the mention test set: `date<TAB>sentence<TAB>mention text<TAB>country<TAB>sector<TAB>kind`,
/// `-` for none. Blank lines and lines starting with `#` are skipped.
pub fn parse_mention_cases(file: &str, text: &str) -> Result<Vec<MentionCase>, ActorsError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| ActorsError::Parse {
            file: file.to_string(),
            line: line_no,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 6 {
            return Err(err(format!(
                "expected 6 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let date = NaiveDate::parse_from_str(cols[0].trim(), "%Y-%m-%d")
            .map_err(|_| err(format!("bad date {:?} (YYYY-MM-DD)", cols[0])))?;
        let (sentence, mention) = (cols[1].to_string(), cols[2].to_string());
        if locate(&sentence, &mention).is_none() {
            return Err(err(format!(
                "mention {mention:?} not found in the sentence"
            )));
        }
        let sector = match dash(cols[4]) {
            Some(s) if crate::SECTORS.contains(&s.as_str()) => GoldSector::Is(s),
            Some(s) => return Err(err(format!("unknown sector code {s:?}"))),
            None => GoldSector::None,
        };
        out.push(MentionCase {
            at: format!("{file}:{line_no}"),
            date,
            sentence,
            text: mention,
            country: dash(cols[3]),
            sector,
            kind: cols[5].trim().to_string(),
        });
    }
    Ok(out)
}

/// First occurrence of `needle` in `hay` that starts and ends at word boundaries
/// (falling back to any occurrence).
pub fn locate(hay: &str, needle: &str) -> Option<Span> {
    if needle.is_empty() {
        return None;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut first = None;
    for (pos, _) in hay.match_indices(needle) {
        let end = pos + needle.len();
        first.get_or_insert(Span::new(pos, end));
        let before = hay[..pos].chars().next_back();
        let after = hay[end..].chars().next();
        let starts_word = !(word(before) && word(needle.chars().next()));
        let ends_word = !(word(after) && word(needle.chars().next_back()));
        if starts_word && ends_word {
            return Some(Span::new(pos, end));
        }
    }
    first
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Our mention for a gold span: one that covers it, else the one with the largest
/// overlap (ties: the shorter mention).
pub fn best_mention(mentions: &[Mention], gold: Span) -> Option<&Mention> {
    mentions
        .iter()
        .filter(|m| overlap(m.span, gold) > 0)
        .max_by_key(|m| {
            let covers = m.span.start <= gold.start && gold.end <= m.span.end;
            (
                covers,
                overlap(m.span, gold),
                std::cmp::Reverse(m.span.end - m.span.start),
            )
        })
}

fn country_matches(gold: Option<&str>, m: Option<&Mention>) -> bool {
    match (gold, m) {
        (None, None) => true,
        (None, Some(m)) => {
            m.country.is_none() && !m.code.starts_with("IGO") && !m.code.starts_with("NGO")
        }
        (Some(_), None) => false,
        (Some(g @ ("IGO" | "NGO")), Some(m)) => m.code.starts_with(g),
        (Some(g), Some(m)) => m.country.as_deref() == Some(g),
    }
}

/// Scores `cases` with the recognizer of `kb`.
pub fn eval_mentions(kb: &KnowledgeBase, cases: &[MentionCase]) -> ActorReport {
    let rec = Recognizer::new(kb);
    let mut report = ActorReport::default();
    let (mut country_found_ok, mut sector_found_n, mut sector_found_ok) = (0, 0, 0);
    let (mut country_all_ok, mut sector_all_n, mut sector_all_ok) = (0, 0, 0);
    // Cases where one of our mentions overlaps the gold text (also wrong mentions on
    // "no actor here" cases): the denominator of `country_acc`.
    let mut mentioned = 0;
    // Sentences repeat across cases; analyse each (sentence, date) once.
    let mut cache: Option<(String, NaiveDate, Vec<Mention>)> = None;
    for c in cases {
        let Some(gold) = locate(&c.sentence, &c.text) else {
            report.unlocated += 1;
            continue;
        };
        let fresh = !matches!(&cache, Some((s, d, _)) if *s == c.sentence && *d == c.date);
        if fresh {
            let doc = Document::analyze(&c.sentence);
            let ms = (0..doc.sentences.len())
                .flat_map(|s| rec.find(&doc, s, c.date))
                .collect();
            cache = Some((c.sentence.clone(), c.date, ms));
        }
        let mentions = cache.as_ref().map(|(_, _, m)| m.as_slice()).unwrap_or(&[]);
        let m = best_mention(mentions, gold);
        report.cases += 1;
        if m.is_some() {
            mentioned += 1;
        }
        let expects_actor = c.country.is_some() || matches!(c.sector, GoldSector::Is(_));
        if expects_actor {
            report.gold_actors += 1;
            if m.is_some() {
                report.found += 1;
            }
        }
        let k = report.by_kind.entry(c.kind.clone()).or_default();
        k.cases += 1;
        let c_ok = country_matches(c.country.as_deref(), m);
        if c_ok {
            country_all_ok += 1;
            k.country_ok += 1;
            if m.is_some() {
                country_found_ok += 1;
            }
        }
        let s_ok = match &c.sector {
            GoldSector::Unscored => None,
            GoldSector::None => Some(m.is_none_or(|m| m.sector.is_none())),
            GoldSector::Is(s) => Some(m.is_some_and(|m| m.sector.as_deref() == Some(s))),
        };
        if let Some(ok) = s_ok {
            sector_all_n += 1;
            k.sector_scored += 1;
            if m.is_some() {
                sector_found_n += 1;
            }
            if ok {
                sector_all_ok += 1;
                k.sector_ok += 1;
                if m.is_some() {
                    sector_found_ok += 1;
                }
            }
        }
        if !c_ok || s_ok == Some(false) {
            report.failures.push(ActorFailure {
                at: c.at.clone(),
                kind: c.kind.clone(),
                sentence: c.sentence.clone(),
                text: c.text.clone(),
                gold_country: c.country.clone().unwrap_or_else(|| "-".into()),
                gold_sector: match &c.sector {
                    GoldSector::Is(s) => s.clone(),
                    GoldSector::None => "-".into(),
                    GoldSector::Unscored => "?".into(),
                },
                ours_text: m
                    .map(|m| m.span.slice(&c.sentence).to_string())
                    .unwrap_or_default(),
                ours_code: m.map(|m| m.code.clone()).unwrap_or_default(),
                ours_country: m
                    .and_then(|m| m.country.clone())
                    .unwrap_or_else(|| "-".into()),
                ours_sector: m
                    .and_then(|m| m.sector.clone())
                    .unwrap_or_else(|| "-".into()),
                why: m.map(|m| m.why.clone()).unwrap_or_default(),
            });
        }
    }
    let f = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    report.coverage = f(report.found, report.gold_actors);
    report.country_acc = f(country_found_ok, mentioned);
    report.sector_acc = f(sector_found_ok, sector_found_n);
    report.country_acc_all = f(country_all_ok, report.cases);
    report.sector_acc_all = f(sector_all_ok, sector_all_n);
    report
}

/// CAMEO country codes of the PLOVER gold that differ from ISO 3166-1 alpha-3.
const CAMEO_COUNTRY: &[(&str, &str)] = &[("JAP", "JPN"), ("ROM", "ROU"), ("SER", "SRB")];

/// PLOVER/CAMEO sector codes with another name in our set.
fn plover_sector(raw: Option<&str>) -> GoldSector {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return GoldSector::None;
    };
    let head: String = raw.chars().take(3).collect::<String>().to_ascii_uppercase();
    if head.len() < 3 || !head.chars().all(|c| c.is_ascii_uppercase()) {
        return GoldSector::Unscored;
    }
    let head = match head.as_str() {
        "CIV" => "CVL".to_string(),
        _ => head,
    };
    if crate::SECTORS.contains(&head.as_str()) {
        GoldSector::Is(head)
    } else {
        // Religion codes (MOS, CHR...) and other CAMEO-only codes are not sectors of ours.
        GoldSector::Unscored
    }
}

/// Turns the PLOVER gold records into mention cases (skipping the `DOCUMENT`
/// record, records without text or date, and actors without `actorText`).
pub fn plover_cases(json_text: &str) -> Result<Vec<MentionCase>, ActorsError> {
    let records: Vec<serde_json::Value> =
        serde_json::from_str(json_text).map_err(|e| ActorsError::Parse {
            file: "PLOVER gold".into(),
            line: e.line(),
            message: e.to_string(),
        })?;
    let mut out = Vec::new();
    for r in &records {
        if r["event"].as_str() == Some("DOCUMENT") {
            continue;
        }
        let (Some(text), Some(date)) = (r["text"].as_str(), r["date"].as_str()) else {
            continue;
        };
        let Ok(date) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
            continue;
        };
        let id = r["id"].as_str().unwrap_or("?");
        for side in ["source", "target"] {
            let Some(list) = r[side].as_array() else {
                continue;
            };
            for a in list {
                let Some(at) = a["actorText"].as_str().filter(|s| !s.trim().is_empty()) else {
                    continue;
                };
                let code = a["code"].as_str().map(str::trim).unwrap_or("");
                let country: String = code.chars().take(3).collect();
                let country = CAMEO_COUNTRY
                    .iter()
                    .find(|(c, _)| *c == country)
                    .map_or(country.clone(), |(_, iso)| iso.to_string());
                out.push(MentionCase {
                    at: format!("{id}/{side}"),
                    date,
                    sentence: text.to_string(),
                    text: at.trim().to_string(),
                    country: dash(&country),
                    sector: plover_sector(a["sector"].as_str()),
                    kind: side.to_string(),
                });
            }
        }
    }
    Ok(out)
}

/// Scores the recognizer of `kb` on the PLOVER gold records (`PLOVER_GSR_CAMEO.txt`).
/// Gold actors whose text is not in the record's sentence are counted in `unlocated`.
pub fn eval_plover_actors(
    kb: &KnowledgeBase,
    plover_json_text: &str,
) -> Result<ActorReport, ActorsError> {
    Ok(eval_mentions(kb, &plover_cases(plover_json_text)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_locate() {
        let tsv = "# comment\n2020-01-03\tTehran said no.\tTehran\tIRN\tGOV\tmetonym\n";
        let c = parse_mention_cases("t.tsv", tsv).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].at, "t.tsv:2");
        assert_eq!(c[0].sector, GoldSector::Is("GOV".into()));
        let e = parse_mention_cases("t.tsv", "2020-01-03\tx\ty\t-\t-\tk\n").unwrap_err();
        assert!(e.to_string().starts_with("t.tsv:1:"), "{e}");
        assert_eq!(
            locate("Romania and Romanian men", "Romanian"),
            Some(Span::new(12, 20))
        );
        assert_eq!(plover_sector(Some("CVLalb")), GoldSector::Is("CVL".into()));
        assert_eq!(plover_sector(Some("***")), GoldSector::Unscored);
        assert_eq!(plover_sector(None), GoldSector::None);
    }

    #[test]
    fn plover_records() {
        let json = r#"[{"id":"D","event":"DOCUMENT"},
          {"id":"X-1","date":"2000-01-01","text":"Iran condemned the United Nations.",
           "source":[{"actorText":"Iran","code":"IRN"}],
           "target":[{"actorText":"United Nations","code":"IGO","sector":"***"}]}]"#;
        let cases = plover_cases(json).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[1].country.as_deref(), Some("IGO"));
        assert_eq!(cases[1].sector, GoldSector::Unscored);
        let r = eval_plover_actors(KnowledgeBase::bundled(), json).unwrap();
        assert_eq!(r.found, 2, "{r:?}");
        assert_eq!(r.country_acc, 1.0, "{r:?}");
    }
}
