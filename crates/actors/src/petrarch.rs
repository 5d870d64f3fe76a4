//! Import of PETRARCH / Phoenix (TABARI-format) dictionaries into a [`KbBuilder`].
//!
//! **Actor dictionaries** (`*.actors.txt`): an entry is a primary line (`JOHN_KERRY_`),
//! optional synonym lines (`+KERRY_`), and codes, on the primary line or on following
//! indented lines: `[USAGOV]`, `[USAGOV 20130201-20170120]`, `[USAELI <20130201]`,
//! `[USAGOV >130201]`. Dates are `YYYYMMDD` or `YYMMDD` (years `00`–`29` are 20xx, the
//! rest 19xx). `#` starts a comment; `<!-- … -->` and other `<` lines are markers and
//! skipped. An entry becomes:
//! * names of an existing country, if its only code is a bare country code (`[AFG]`);
//! * an organisation, if its only code starts with `IGO`/`NGO` and has no date;
//! * a national body, if it has one undated `country + sector` code (`[AFGMIL]`);
//! * otherwise a person with one dated role per code (`<` → `to` the day before,
//!   `>` → `from`); an undated code with a sector becomes the person's default sector.
//!
//! **Agent dictionaries** (`*.agents.txt`): `PRESIDENT_ [~GOV]`, `FOREIGN_MINISTER {}
//! [~GOVFRM]`, `ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]`, `HUMAN_RIGHTS_BODY [NGO~]`,
//! with substitution sets `!PERSON! = MAN, MEN, WOMAN`. `~` marks where a country code
//! goes; `{}` means "no plural", `{…}` gives the plurals, otherwise a regular plural is
//! made. Each entry becomes a role word (`[[agent]]`) whose sector is the PLOVER sector
//! of the first three letters of the code (CAMEO `MED` media → `JRN`, `HLH` health →
//! `MED`, religions → `REL`…) and whose agent code is the whole code.
//!
//! Names are title-cased ("John Kerry"); one- to three-letter words and words with
//! periods keep their capitals ("UN", "U.S."). Problems (bad lines, codes without a
//! PLOVER sector, unknown country codes) are returned with `file:line`; they never stop
//! the import.

use crate::config::{AgentConfig, EntityConfig, PersonConfig, RoleConfig};
use crate::kb::{EntryKind, KbBuilder, Problem};
use crate::ActorsError;
use chrono::NaiveDate;
use std::path::Path;

/// What an import added, and the lines it could not use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PetrarchStats {
    /// Entries read (actor entries or agent lines).
    pub entries: usize,
    pub people: usize,
    pub bodies: usize,
    pub orgs: usize,
    /// Entries added as names of an existing country.
    pub country_names: usize,
    /// Role-word entries added (agent dictionaries).
    pub agents: usize,
    /// Entries or codes skipped (null codes, codes without a sector...), with a problem.
    pub skipped: usize,
    pub problems: Vec<Problem>,
}

/// The lines of a dictionary with their 1-based numbers, without `<!-- … -->` comment
/// blocks and other `<…>` marker lines.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut in_comment = false;
    text.lines().enumerate().filter_map(move |(i, raw)| {
        let trimmed = raw.trim();
        if in_comment {
            if trimmed.contains("-->") {
                in_comment = false;
            }
            return None;
        }
        if trimmed.starts_with('<') {
            in_comment = trimmed.starts_with("<!--") && !trimmed.contains("-->");
            return None;
        }
        Some((i + 1, raw))
    })
}

fn read(path: &Path) -> Result<String, ActorsError> {
    let bytes = std::fs::read(path).map_err(|source| ActorsError::Read {
        file: path.display().to_string(),
        source,
    })?;
    // The dictionaries are mostly ASCII with some Latin-1 bytes.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| e.into_bytes().iter().map(|&b| b as char).collect()))
}

/// Reads a PETRARCH actor dictionary file into `b` as layer `layer`.
pub fn add_petrarch_actors(
    b: &mut KbBuilder,
    path: &Path,
    layer: u32,
) -> Result<PetrarchStats, ActorsError> {
    let text = read(path)?;
    Ok(add_petrarch_actors_str(
        b,
        &path.display().to_string(),
        &text,
        layer,
    ))
}

/// Reads a PETRARCH agent dictionary file into `b`.
pub fn add_petrarch_agents(
    b: &mut KbBuilder,
    path: &Path,
    layer: u32,
) -> Result<PetrarchStats, ActorsError> {
    let text = read(path)?;
    Ok(add_petrarch_agents_str(
        b,
        &path.display().to_string(),
        &text,
        layer,
    ))
}

/// One `[CODE date]` of an entry.
#[derive(Clone, Debug, PartialEq)]
struct CodeSpec {
    code: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    line: usize,
}

#[derive(Debug, Default)]
struct RawEntry {
    line: usize,
    names: Vec<String>,
    codes: Vec<CodeSpec>,
}

/// The PLOVER sector of the code that follows a country code: the first three-letter
/// group that is a sector ("GOV", or "ASMGOV" after a region code "ASM").
fn sector_after_country(code: &str) -> Option<&'static str> {
    [3, 6, 9]
        .iter()
        .find_map(|&i| code.get(i..i + 3).and_then(plover_sector))
}

/// The PLOVER sector of a CAMEO sector/agent code (its first three letters).
pub fn plover_sector(cameo: &str) -> Option<&'static str> {
    let c = cameo.get(..3)?;
    if let Some(s) = crate::SECTORS.iter().find(|s| **s == c) {
        // CAMEO MED is media; PLOVER MED is medical.
        return Some(if *s == "MED" { "JRN" } else { s });
    }
    Some(match c {
        "HLH" => "MED",
        "CIV" => "CVL",
        "HRI" | "ENV" => "NGO",
        "SEP" | "INS" | "RAD" => "REB",
        "MOD" => "OPP",
        "UIS" => "UNK",
        "CHR" | "CTH" | "DOX" | "PRO" | "JEW" | "MOS" | "MUS" | "SHI" | "SUN" | "SUF" | "ALE"
        | "BUD" | "HIN" | "SIK" | "BAH" | "JAN" | "JIN" | "CON" | "SHN" | "TAO" | "ZRO" | "ATH"
        | "ITR" | "DRZ" | "REL" => "REL",
        _ => return None,
    })
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s.get(..4)?.parse::<i32>().ok()?, s.get(4..)?),
        6 => {
            let yy = s.get(..2)?.parse::<i32>().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
        }
        _ => return None,
    };
    let m = rest.get(..2)?.parse().ok()?;
    let d = rest.get(2..4)?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses the inside of `[...]`: `CODE`, `CODE <date`, `CODE >date`, `CODE a-b`.
fn parse_code(inner: &str) -> Result<(String, Option<NaiveDate>, Option<NaiveDate>), String> {
    let inner = inner.trim();
    let split = inner
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .unwrap_or(inner.len());
    let (code, rest) = inner.split_at(split);
    let code = code.trim().to_string();
    if code.is_empty() {
        return Err("empty code".into());
    }
    let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let bad = |d: &str| format!("bad date {d:?} (YYYYMMDD or YYMMDD)");
    if rest.is_empty() {
        return Ok((code, None, None));
    }
    if let Some(d) = rest.strip_prefix('<') {
        let d = parse_date(d).ok_or_else(|| bad(d))?;
        return Ok((code, None, d.pred_opt()));
    }
    if let Some(d) = rest.strip_prefix('>') {
        let d = parse_date(d).ok_or_else(|| bad(d))?;
        return Ok((code, Some(d), None));
    }
    if let Some((a, z)) = rest.split_once('-') {
        let a = parse_date(a).ok_or_else(|| bad(a))?;
        let z = parse_date(z).ok_or_else(|| bad(z))?;
        return Ok((code, Some(a), Some(z)));
    }
    Err(bad(&rest))
}

/// "JOHN_KERRY_" → "John Kerry"; "U.N._" → "U.N."; "UN_" → "UN".
fn petrarch_name(raw: &str) -> String {
    let words: Vec<&str> = raw
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let single = words.len() == 1;
    words
        .into_iter()
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            // Acronyms: "U.S.", or a one-word name of two or three letters ("UN").
            if w.contains('.') || (single && (2..=3).contains(&letters)) {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            if matches!(
                lower.as_str(),
                "of" | "the" | "and" | "for" | "on" | "in" | "de" | "la"
            ) {
                return lower;
            }
            // Title-case each hyphen-separated piece: "AL-QAEDA" → "Al-Qaeda".
            lower
                .split('-')
                .map(|p| {
                    let mut c = p.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Removes a `#` comment.
fn strip_comment(line: &str) -> &str {
    line.split_once('#').map_or(line, |(a, _)| a)
}

/// Splits `text` into code brackets and the text outside them.
fn brackets(line: &str) -> (String, Vec<String>, bool) {
    let mut outside = String::new();
    let mut inside = Vec::new();
    let mut cur: Option<String> = None;
    for c in line.chars() {
        match (c, &mut cur) {
            ('[', None) => cur = Some(String::new()),
            (']', Some(s)) => {
                inside.push(std::mem::take(s));
                cur = None;
            }
            (c, Some(s)) => s.push(c),
            (c, None) => outside.push(c),
        }
    }
    let unclosed = cur.is_some();
    (outside, inside, unclosed)
}

/// Parses an actor dictionary into entries, reporting bad lines.
fn parse_actors(file: &str, text: &str, problems: &mut Vec<Problem>) -> Vec<RawEntry> {
    let mut entries: Vec<RawEntry> = Vec::new();
    let mut problem = |line: usize, message: String| {
        problems.push(Problem {
            at: format!("{file}:{line}"),
            message,
        })
    };
    for (line_no, raw) in content_lines(text) {
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let (outside, codes, unclosed) = brackets(line);
        if unclosed {
            problem(line_no, "unclosed '['".into());
            continue;
        }
        let outside = outside.trim();
        let starts_indented = raw.starts_with(|c: char| c.is_whitespace());
        if let Some(syn) = outside.strip_prefix('+') {
            let Some(e) = entries.last_mut() else {
                problem(line_no, "synonym before any entry".into());
                continue;
            };
            let n = petrarch_name(syn);
            if !n.is_empty() {
                e.names.push(n);
            }
        } else if !outside.is_empty() {
            if starts_indented && codes.is_empty() {
                problem(line_no, format!("unexpected indented text {outside:?}"));
                continue;
            }
            let n = petrarch_name(outside);
            entries.push(RawEntry {
                line: line_no,
                names: vec![n],
                codes: vec![],
            });
        }
        if codes.is_empty() {
            continue;
        }
        let Some(e) = entries.last_mut() else {
            problem(line_no, "code before any entry".into());
            continue;
        };
        for c in codes {
            match parse_code(&c) {
                Ok((code, from, to)) => e.codes.push(CodeSpec {
                    code,
                    from,
                    to,
                    line: line_no,
                }),
                Err(m) => problem(line_no, format!("[{c}]: {m}")),
            }
        }
    }
    entries
}

fn is_country_code(c: &str) -> bool {
    c.len() >= 3 && c.as_bytes()[..3].iter().all(u8::is_ascii_uppercase)
}

fn org_prefix(code: &str) -> bool {
    matches!(code.get(..3), Some("IGO" | "NGO"))
}

/// Adds the entries of a PETRARCH actor dictionary given as text (see the module
/// documentation). `file` is used for `file:line` in problems and entry locations.
pub fn add_petrarch_actors_str(
    b: &mut KbBuilder,
    file: &str,
    text: &str,
    layer: u32,
) -> PetrarchStats {
    let mut st = PetrarchStats::default();
    let entries = parse_actors(file, text, &mut st.problems);
    let stem = slug(
        Path::new(file)
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default()
            .trim_end_matches(".txt"),
    );
    let problem = |st: &mut PetrarchStats, line: usize, message: String| {
        st.skipped += 1;
        st.problems.push(Problem {
            at: format!("{file}:{line}"),
            message,
        });
    };
    for e in entries {
        st.entries += 1;
        let at = format!("{file}:{}", e.line);
        let mut names: Vec<String> = Vec::new();
        for n in e.names {
            if !n.is_empty() && !names.contains(&n) {
                names.push(n);
            }
        }
        let Some(name) = names.first().cloned() else {
            problem(&mut st, e.line, "entry without a name".into());
            continue;
        };
        let aliases: Vec<String> = names[1..].to_vec();
        // Null codes ("---") say "not an actor".
        let codes: Vec<CodeSpec> = e
            .codes
            .into_iter()
            .filter(|c| !c.code.chars().all(|ch| matches!(ch, '-' | '+' | '*')))
            .collect();
        if codes.is_empty() {
            problem(&mut st, e.line, format!("{name:?}: no usable code"));
            continue;
        }
        let dated = codes.iter().any(|c| c.from.is_some() || c.to.is_some());
        let id = format!("pt-{stem}-{}", e.line);
        // A country (its current, undated code is a bare country code), whatever
        // historical codes it also has ("[USRARM <911221] [ARM]").
        let bare = codes.iter().rev().find(|c| {
            c.from.is_none() && c.to.is_none() && c.code.len() == 3 && is_country_code(&c.code)
        });
        if let Some(c) = bare.filter(|_| dated || codes.len() > 1) {
            if b.add_country_names(&c.code, &names) {
                st.country_names += 1;
                continue;
            }
        }
        if !dated && codes.len() == 1 {
            let c = &codes[0].code;
            if c.len() == 3 && is_country_code(c) {
                if b.add_country_names(c, &names) {
                    st.country_names += 1;
                } else {
                    problem(
                        &mut st,
                        e.line,
                        format!("{name:?}: unknown country code {c:?}"),
                    );
                }
                continue;
            }
            if org_prefix(c) {
                let kind = c[..3].to_string();
                b.add_entity(
                    EntityConfig {
                        id,
                        name,
                        aliases,
                        code: Some(c.clone()),
                        country: None,
                        sector: Some(kind.clone()),
                        agent: None,
                        kind: Some(kind),
                        other_sectors: vec![],
                        active_from: None,
                        active_to: None,
                        note: Some(format!("imported from PETRARCH code {c}")),
                    },
                    EntryKind::Org,
                    at,
                    layer,
                );
                st.orgs += 1;
                continue;
            }
            if !is_country_code(c) {
                problem(
                    &mut st,
                    e.line,
                    format!("{name:?}: code {c:?} has no country"),
                );
                continue;
            }
            let Some(sector) = sector_after_country(c) else {
                problem(
                    &mut st,
                    e.line,
                    format!("{name:?}: code {c:?} has no PLOVER sector"),
                );
                continue;
            };
            b.add_entity(
                EntityConfig {
                    id,
                    name,
                    aliases,
                    code: Some(format!("{}{sector}", &c[..3])),
                    country: Some(c[..3].to_string()),
                    sector: Some(sector.to_string()),
                    agent: (c.len() > 3 && c[3..] != *sector).then(|| c[3..].to_string()),
                    kind: None,
                    other_sectors: vec![],
                    active_from: None,
                    active_to: None,
                    note: Some(format!("imported from PETRARCH code {c}")),
                },
                EntryKind::Body,
                at,
                layer,
            );
            st.bodies += 1;
            continue;
        }
        // A person with dated roles.
        let country = codes
            .iter()
            .rev()
            .find(|c| {
                c.from.is_none()
                    && c.to.is_none()
                    && is_country_code(&c.code)
                    && !org_prefix(&c.code)
            })
            .or_else(|| {
                codes
                    .iter()
                    .find(|c| is_country_code(&c.code) && !org_prefix(&c.code))
            })
            .map(|c| c.code[..3].to_string());
        let Some(country) = country else {
            problem(
                &mut st,
                e.line,
                format!("{name:?}: no country code among its codes"),
            );
            continue;
        };
        let mut roles = Vec::new();
        let mut default_sector = None;
        for c in &codes {
            if org_prefix(&c.code) || !is_country_code(&c.code) {
                problem(
                    &mut st,
                    c.line,
                    format!("{name:?}: code {:?} skipped (not a country code)", c.code),
                );
                continue;
            }
            let sector = sector_after_country(&c.code);
            let Some(sector) = sector else {
                if c.code.len() > 3 {
                    problem(
                        &mut st,
                        c.line,
                        format!("{name:?}: code {:?} has no PLOVER sector", c.code),
                    );
                }
                continue;
            };
            if c.from.is_none() && c.to.is_none() {
                default_sector = Some(sector.to_string());
                continue;
            }
            let cc = &c.code[..3];
            roles.push(RoleConfig {
                title: format!("PETRARCH {}", c.code),
                kind: None,
                sector: sector.to_string(),
                org: None,
                from: c.from.map(|d| d.format("%Y-%m-%d").to_string()),
                to: c.to.map(|d| d.format("%Y-%m-%d").to_string()),
                confidence: None,
                country: (cc != country).then(|| cc.to_string()),
            });
        }
        b.add_person(
            PersonConfig {
                id,
                name,
                aliases,
                country,
                roles,
                default_sector,
                confidence: None,
                note: None,
            },
            at,
            layer,
        );
        st.people += 1;
    }
    st
}

/// Regular English plural of the last word: "minister" → "ministers", "party" →
/// "parties", "policeman" → "policemen".
fn plural(words: &str) -> String {
    let (head, last) = match words.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), words),
    };
    let p = if let Some(s) = last.strip_suffix("man") {
        format!("{s}men")
    } else if last.ends_with('y')
        && !last.ends_with("ay")
        && !last.ends_with("ey")
        && !last.ends_with("oy")
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if ["s", "x", "ch", "sh", "z"]
        .iter()
        .any(|e| last.ends_with(e))
    {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    format!("{head}{p}")
}

fn agent_words(raw: &str) -> String {
    raw.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Expands `!MACRO!` references with every alternative.
fn expand(s: &str, macros: &[(String, Vec<String>)], depth: usize) -> Vec<String> {
    if depth > 4 {
        return vec![s.to_string()];
    }
    for (name, alts) in macros {
        if let Some(pos) = s.find(name.as_str()) {
            let (a, z) = (&s[..pos], &s[pos + name.len()..]);
            return alts
                .iter()
                .flat_map(|alt| expand(&format!("{a}{alt}{z}"), macros, depth + 1))
                .collect();
        }
    }
    vec![s.to_string()]
}

/// Adds the entries of a PETRARCH agent dictionary given as text.
pub fn add_petrarch_agents_str(
    b: &mut KbBuilder,
    file: &str,
    text: &str,
    _layer: u32,
) -> PetrarchStats {
    let mut st = PetrarchStats::default();
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    for (line_no, raw) in content_lines(text) {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let problem = |st: &mut PetrarchStats, message: String| {
            st.skipped += 1;
            st.problems.push(Problem {
                at: format!("{file}:{line_no}"),
                message,
            });
        };
        if line.starts_with('!') && line.contains('=') && !line.contains('[') {
            let (name, alts) = line.split_once('=').unwrap_or_default();
            let alts: Vec<String> = alts
                .split(',')
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect();
            macros.push((name.trim().to_string(), alts));
            continue;
        }
        st.entries += 1;
        let Some((before, after)) = line.split_once('[') else {
            problem(&mut st, format!("no [code] in {line:?}"));
            continue;
        };
        let Some((code, _)) = after.split_once(']') else {
            problem(&mut st, "unclosed '['".into());
            continue;
        };
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let bare: String = code.chars().filter(|&c| c != '~').collect();
        if bare.is_empty() || !code.contains('~') {
            problem(&mut st, format!("agent code {code:?} has no '~'"));
            continue;
        }
        let Some(sector) = plover_sector(&bare) else {
            problem(
                &mut st,
                format!(
                    "agent code {code:?}: no PLOVER sector for {:?}",
                    bare.get(..3).unwrap_or(&bare)
                ),
            );
            continue;
        };
        // Words, then optional {plurals}.
        let (word_part, plurals) = match before.split_once('{') {
            Some((w, rest)) => (w, Some(rest.split_once('}').map_or(rest, |(p, _)| p))),
            None => (before, None),
        };
        let mut words = Vec::new();
        for form in expand(word_part.trim(), &macros, 0) {
            let w = agent_words(&form);
            if w.is_empty() || w.contains('!') {
                continue;
            }
            match plurals {
                Some(p) => {
                    for pl in p.split([',', ' ']).filter(|s| !s.trim().is_empty()) {
                        for e in expand(pl.trim(), &macros, 0) {
                            words.push(agent_words(&e));
                        }
                    }
                }
                // Macros already list the plural forms ("MAN, MEN").
                None if word_part.contains('!') => {}
                None => words.push(plural(&w)),
            }
            words.push(w);
        }
        words.retain(|w| !w.is_empty() && !w.contains('!'));
        words.sort();
        words.dedup();
        if words.is_empty() {
            problem(&mut st, format!("no words in {line:?}"));
            continue;
        }
        b.add_agent(
            AgentConfig {
                words,
                sector: sector.to_string(),
                agent: (bare != sector).then_some(bare),
                kind: None,
                note: None,
            },
            format!("{file}:{line_no}"),
        );
        st.agents += 1;
    }
    st
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_dates_and_names() {
        assert_eq!(parse_date("20130201"), NaiveDate::from_ymd_opt(2013, 2, 1));
        assert_eq!(parse_date("130201"), NaiveDate::from_ymd_opt(2013, 2, 1));
        assert_eq!(parse_date("730717"), NaiveDate::from_ymd_opt(1973, 7, 17));
        assert_eq!(parse_date("2004017"), None);
        let (c, f, t) = parse_code("USAELI <20130201").unwrap();
        assert_eq!(
            (c.as_str(), f, t),
            ("USAELI", None, NaiveDate::from_ymd_opt(2013, 1, 31))
        );
        let (_, f, t) = parse_code("XYZGOV 20130201 - 20170120").unwrap();
        assert_eq!(f, NaiveDate::from_ymd_opt(2013, 2, 1));
        assert_eq!(t, NaiveDate::from_ymd_opt(2017, 1, 20));
        assert!(parse_code("XYZGOV 2013x").is_err());
        assert_eq!(petrarch_name("JOHN_Q_PUBLIC_"), "John Q Public");
        assert_eq!(petrarch_name("U.N._"), "U.N.");
        assert_eq!(petrarch_name("UN_"), "UN");
        assert_eq!(
            petrarch_name("AL-FOO_BRIGADE_OF_THE_NORTH"),
            "Al-Foo Brigade of the North"
        );
        assert_eq!(plural("party"), "parties");
        assert_eq!(plural("foreign minister"), "foreign ministers");
        assert_eq!(plural("policeman"), "policemen");
        assert_eq!(plover_sector("MED"), Some("JRN"));
        assert_eq!(plover_sector("GOVFRM"), Some("GOV"));
        assert_eq!(plover_sector("QQQ"), None);
    }
}
