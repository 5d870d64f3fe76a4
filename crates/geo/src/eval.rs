//! Scorers: GeoVirus/LGL-style XML for toponyms, TimeML (TempEval-3) for DATE expressions.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::{find_dates, find_places, haversine_km, Gazetteer, GeoError, PlaceContext, Result};

/// Precision/recall/F1 triple.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn prf(tp: usize, n_pred: usize, n_gold: usize) -> Prf {
    let p = if n_pred == 0 {
        0.0
    } else {
        tp as f64 / n_pred as f64
    };
    let r = if n_gold == 0 {
        0.0
    } else {
        tp as f64 / n_gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    Prf {
        precision: p,
        recall: r,
        f1: f,
    }
}

/// Result of [`eval_places`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PlacesReport {
    pub articles: usize,
    pub gold_toponyms: usize,
    pub predicted_toponyms: usize,
    /// Overlapping-span F1 (one-to-one matching).
    pub toponym_f1: f64,
    pub toponym_precision: f64,
    pub toponym_recall: f64,
    /// Exact-span scores.
    pub exact: Prf,
    /// Share of span-matched (overlap) toponyms resolved within 161 km of the gold point.
    pub acc_161km: f64,
    /// Same, over all gold toponyms (missed ones count as wrong).
    pub acc_161km_all_gold: f64,
    pub mean_error_km: f64,
    pub median_error_km: f64,
    /// Area under the log-error curve (lower is better, 0..1), as in the GeoVirus literature.
    pub auc: f64,
    /// Gold offsets were shifted by this many chars to match the names (GeoVirus is 1-based).
    pub offset_shift_used: i64,
    pub seconds: f64,
}

/// Overlap-based one-to-one matching: returns (exact tp, pairs (pred idx, gold idx)).
fn match_spans(pred: &[(usize, usize)], gold: &[(usize, usize)]) -> (usize, Vec<(usize, usize)>) {
    let exact = pred.iter().filter(|p| gold.contains(p)).count();
    let mut used = vec![false; gold.len()];
    let mut pairs = Vec::new();
    for (pi, p) in pred.iter().enumerate() {
        // prefer an exact match, then the largest overlap
        let mut best: Option<(usize, usize)> = None;
        for (gi, g) in gold.iter().enumerate() {
            if used[gi] || !(p.0 < g.1 && g.0 < p.1) {
                continue;
            }
            let ov = p.1.min(g.1) - p.0.max(g.0) + if p == g { 1_000_000 } else { 0 };
            if best.is_none_or(|b| ov > b.1) {
                best = Some((gi, ov));
            }
        }
        if let Some((gi, _)) = best {
            used[gi] = true;
            pairs.push((pi, gi));
        }
    }
    (exact, pairs)
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| GeoError::Io {
        path: path.display().to_string(),
        source: e,
    })
}

fn parse_err(path: &Path, msg: impl std::fmt::Display) -> GeoError {
    GeoError::Parse {
        path: path.display().to_string(),
        msg: msg.to_string(),
    }
}

struct GoldLoc {
    name: String,
    start: usize,
    end: usize,
    lat: f64,
    lon: f64,
}

fn char_to_byte(text: &str, ci: i64) -> Option<usize> {
    if ci < 0 {
        return None;
    }
    let ci = ci as usize;
    if ci == text.chars().count() {
        return Some(text.len());
    }
    text.char_indices().nth(ci).map(|(b, _)| b)
}

/// Score toponym recognition and resolution on a GeoVirus/LGL-style XML file:
/// `<articles><article><text>…</text><locations><location><name/><start/><end/><lat/><lon/>…`.
/// Gold `start`/`end` are character offsets; the shift (GeoVirus's are off by one) is detected
/// per file by checking that the names match the text.
pub fn eval_places(xml_path: impl AsRef<Path>) -> Result<PlacesReport> {
    let path = xml_path.as_ref();
    let src = read(path)?;
    let doc = roxmltree::Document::parse(&src).map_err(|e| parse_err(path, e))?;
    let gaz = Gazetteer::bundled();
    let mut articles: Vec<(String, Vec<GoldLoc>)> = Vec::new();
    for art in doc.descendants().filter(|n| n.has_tag_name("article")) {
        let text = art
            .children()
            .find(|n| n.has_tag_name("text"))
            .and_then(|n| n.text())
            .unwrap_or("")
            .to_string();
        let mut locs = Vec::new();
        for l in art.descendants().filter(|n| n.has_tag_name("location")) {
            let field = |t: &str| {
                l.children()
                    .find(|n| n.has_tag_name(t))
                    .and_then(|n| n.text())
                    .unwrap_or("")
                    .trim()
                    .to_string()
            };
            let num = |t: &str| field(t).parse::<f64>().ok();
            let (Some(s), Some(e), Some(lat), Some(lon)) =
                (num("start"), num("end"), num("lat"), num("lon"))
            else {
                continue;
            };
            locs.push(GoldLoc {
                name: field("name"),
                start: s as usize,
                end: e as usize,
                lat,
                lon,
            });
        }
        articles.push((text, locs));
    }
    // detect the offset shift
    let mut best_shift = (0i64, 0usize);
    for shift in [0i64, -1, 1, -2, 2] {
        let mut ok = 0;
        for (text, locs) in &articles {
            let chars: Vec<char> = text.chars().collect();
            for l in locs {
                let (s, e) = (l.start as i64 + shift, l.end as i64 + shift);
                if s >= 0 && e as usize <= chars.len() && s < e {
                    let got: String = chars[s as usize..e as usize].iter().collect();
                    if got == l.name {
                        ok += 1;
                    }
                }
            }
        }
        if ok > best_shift.1 {
            best_shift = (shift, ok);
        }
    }
    let shift = best_shift.0;
    let t0 = std::time::Instant::now();
    let (mut n_gold, mut n_pred, mut exact_tp) = (0, 0, 0);
    let mut matched = 0usize;
    let mut errors: Vec<f64> = Vec::new();
    for (text, locs) in &articles {
        let gold: Vec<(usize, usize)> = locs
            .iter()
            .filter_map(|l| {
                Some((
                    char_to_byte(text, l.start as i64 + shift)?,
                    char_to_byte(text, l.end as i64 + shift)?,
                ))
            })
            .collect();
        let preds = find_places(gaz, text, &PlaceContext::default());
        let pspans: Vec<(usize, usize)> = preds.iter().map(|p| p.span).collect();
        let (ex, pairs) = match_spans(&pspans, &gold);
        n_gold += gold.len();
        n_pred += pspans.len();
        exact_tp += ex;
        matched += pairs.len();
        let debug = std::env::var_os("FLASHPOINT_GEO_DEBUG").is_some();
        for &(pi, gi) in &pairs {
            let g = &locs[gi];
            let err = haversine_km(preds[pi].lat, preds[pi].lon, g.lat, g.lon);
            if debug && err > 161.0 {
                let p = &preds[pi];
                eprintln!(
                    "ERR\t{:.0}\t{}\t{}\t{},{}\t-> {} ({}, {:?}) {:.2},{:.2}\t{}",
                    err,
                    g.name,
                    p.text,
                    g.lat,
                    g.lon,
                    p.name,
                    p.country.as_deref().unwrap_or(""),
                    p.kind,
                    p.lat,
                    p.lon,
                    p.why
                );
            }
            errors.push(err);
        }
        if debug {
            for (gi, g) in gold.iter().enumerate() {
                if !pairs.iter().any(|&(_, x)| x == gi) {
                    eprintln!(
                        "FN\t{}\t{}",
                        locs[gi].name,
                        &text[g.0.saturating_sub(30)..(g.1 + 30).min(text.len())]
                            .replace('\n', " ")
                            .chars()
                            .collect::<String>()
                    );
                }
            }
            for (pi, p) in preds.iter().enumerate() {
                if !pairs.iter().any(|&(x, _)| x == pi) {
                    eprintln!(
                        "FP\t{}\t{} ({}, {:?})\t{}",
                        p.text,
                        p.name,
                        p.country.as_deref().unwrap_or(""),
                        p.kind,
                        p.why
                    );
                }
            }
        }
    }
    let seconds = t0.elapsed().as_secs_f64();
    let ov = prf(matched, n_pred, n_gold);
    let within = errors.iter().filter(|&&e| e <= 161.0).count();
    let mut sorted = errors.clone();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let median = if sorted.is_empty() {
        0.0
    } else if sorted.len() % 2 == 1 {
        sorted[sorted.len() / 2]
    } else {
        (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2.0
    };
    let max_err: f64 = 20039.0;
    let auc = if errors.is_empty() {
        0.0
    } else {
        errors
            .iter()
            .map(|e| (e + 1.0).ln() / (max_err + 1.0).ln())
            .sum::<f64>()
            / errors.len() as f64
    };
    Ok(PlacesReport {
        articles: articles.len(),
        gold_toponyms: n_gold,
        predicted_toponyms: n_pred,
        toponym_f1: ov.f1,
        toponym_precision: ov.precision,
        toponym_recall: ov.recall,
        exact: prf(exact_tp, n_pred, n_gold),
        acc_161km: if errors.is_empty() {
            0.0
        } else {
            within as f64 / errors.len() as f64
        },
        acc_161km_all_gold: if n_gold == 0 {
            0.0
        } else {
            within as f64 / n_gold as f64
        },
        mean_error_km: if errors.is_empty() {
            0.0
        } else {
            errors.iter().sum::<f64>() / errors.len() as f64
        },
        median_error_km: median,
        auc,
        offset_shift_used: shift,
        seconds,
    })
}

/// Result of [`eval_dates`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DatesReport {
    pub documents: usize,
    pub gold_dates: usize,
    pub predicted: usize,
    /// Predictions overlapping a gold TIMEX3 of another type (TIME, DURATION, SET); left out of
    /// precision.
    pub predicted_other_type: usize,
    /// Overlapping-span scores (one-to-one).
    pub span_f1: f64,
    pub span_precision: f64,
    pub span_recall: f64,
    pub exact: Prf,
    /// Share of overlap-matched DATE expressions whose value equals the gold value (gold time of
    /// day suffixes such as `T13:00`/`TNI` dropped; ISO week numbers zero-padded).
    pub value_accuracy: f64,
    pub value_matched: usize,
}

struct Timex {
    start: usize,
    end: usize,
    typ: String,
    value: String,
}

/// Plain text of the `TEXT` element and the TIMEX3s inside it (byte spans into that text).
fn timeml_text(doc: &roxmltree::Document<'_>) -> (String, Vec<Timex>) {
    fn walk(n: roxmltree::Node<'_, '_>, out: &mut String, tx: &mut Vec<Timex>) {
        for c in n.children() {
            if c.is_text() {
                out.push_str(c.text().unwrap_or(""));
            } else if c.is_element() {
                let start = out.len();
                walk(c, out, tx);
                if c.has_tag_name("TIMEX3") {
                    tx.push(Timex {
                        start,
                        end: out.len(),
                        typ: c.attribute("type").unwrap_or("").to_string(),
                        value: c.attribute("value").unwrap_or("").to_string(),
                    });
                }
            }
        }
    }
    let mut out = String::new();
    let mut tx = Vec::new();
    if let Some(t) = doc.descendants().find(|n| n.has_tag_name("TEXT")) {
        walk(t, &mut out, &mut tx);
    }
    (out, tx)
}

fn norm_value(v: &str) -> String {
    let v = v.split('T').next().unwrap_or(v);
    if let Some((y, w)) = v.split_once("-W") {
        if let Ok(n) = w.parse::<u32>() {
            return format!("{y}-W{n:02}");
        }
    }
    v.to_string()
}

fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let rd = std::fs::read_dir(dir).map_err(|e| GeoError::Io {
        path: dir.display().to_string(),
        source: e,
    })?;
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            tml_files(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Score [`find_dates`] on a directory (searched recursively) of TimeML `.tml` files. The
/// article date is the TIMEX3 with `functionInDocument="CREATION_TIME"`; gold are the
/// `type="DATE"` TIMEX3s inside `<TEXT>`.
pub fn eval_dates(dir: impl AsRef<Path>) -> Result<DatesReport> {
    let mut files = Vec::new();
    tml_files(dir.as_ref(), &mut files)?;
    let mut r = DatesReport::default();
    let (mut tp, mut exact_tp, mut value_ok, mut n_pred_counted) = (0usize, 0usize, 0usize, 0usize);
    for f in &files {
        let src = read(f)?;
        let doc = roxmltree::Document::parse(&src).map_err(|e| parse_err(f, e))?;
        let Some(dct) = doc
            .descendants()
            .find(|n| {
                n.has_tag_name("TIMEX3")
                    && n.attribute("functionInDocument") == Some("CREATION_TIME")
            })
            .and_then(|n| n.attribute("value"))
            .and_then(|v| NaiveDate::parse_from_str(v.get(..10).unwrap_or(v), "%Y-%m-%d").ok())
        else {
            continue;
        };
        r.documents += 1;
        let (text, timexes) = timeml_text(&doc);
        let gold: Vec<&Timex> = timexes.iter().filter(|t| t.typ == "DATE").collect();
        let other: Vec<&Timex> = timexes.iter().filter(|t| t.typ != "DATE").collect();
        let preds: Vec<_> = find_dates(&text, dct)
            .into_iter()
            .filter(|p| {
                let o = other.iter().any(|t| p.span.0 < t.end && t.start < p.span.1)
                    && !gold.iter().any(|t| p.span.0 < t.end && t.start < p.span.1);
                if o {
                    r.predicted_other_type += 1;
                }
                !o
            })
            .collect();
        let pspans: Vec<(usize, usize)> = preds.iter().map(|p| p.span).collect();
        let gspans: Vec<(usize, usize)> = gold.iter().map(|t| (t.start, t.end)).collect();
        let (ex, pairs) = match_spans(&pspans, &gspans);
        exact_tp += ex;
        tp += pairs.len();
        n_pred_counted += pspans.len();
        r.gold_dates += gold.len();
        let debug = std::env::var_os("FLASHPOINT_GEO_DEBUG").is_some();
        for &(pi, gi) in &pairs {
            if norm_value(&preds[pi].value) == norm_value(&gold[gi].value) {
                value_ok += 1;
            } else if debug {
                let g = gold[gi];
                eprintln!(
                    "VAL\t{dct}\t{:?}\t{}\t{:?}\t{}\t{}",
                    &text[g.start..g.end],
                    g.value,
                    preds[pi].text,
                    preds[pi].value,
                    preds[pi].why
                );
            }
        }
        if debug {
            for (gi, g) in gold.iter().enumerate() {
                if !pairs.iter().any(|&(_, x)| x == gi) {
                    eprintln!("FN\t{:?}\t{}", &text[g.start..g.end], g.value);
                }
            }
            for (pi, p) in preds.iter().enumerate() {
                if !pairs.iter().any(|&(x, _)| x == pi) {
                    eprintln!("FP\t{:?}\t{}", p.text, p.value);
                }
            }
        }
    }
    r.predicted = n_pred_counted;
    let ov = prf(tp, n_pred_counted, r.gold_dates);
    r.span_f1 = ov.f1;
    r.span_precision = ov.precision;
    r.span_recall = ov.recall;
    r.exact = prf(exact_tp, n_pred_counted, r.gold_dates);
    r.value_matched = tp;
    r.value_accuracy = if tp == 0 {
        0.0
    } else {
        value_ok as f64 / tp as f64
    };
    Ok(r)
}
