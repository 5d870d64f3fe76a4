//! The pattern-file parser (docs/patterns.md): text → [`RawPattern`]s, with typed errors
//! `file:line: what`.

use std::collections::HashMap;

/// A problem in a pattern file, with its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct PatternError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// One token of a pattern after the trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// The target slot.
    Tgt,
    /// A word: one lemma, an alternative `(a|b)` or a synonym set (expanded). Each
    /// member is a lemma, possibly a multiword lemma joined with `_`.
    Word(Vec<String>),
    /// `[...]`: an optional sequence.
    Opt(Vec<Tok>),
}

/// A pattern line as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPattern {
    pub file: String,
    pub line: usize,
    pub code: String,
    pub prio: i32,
    pub note: Option<String>,
    /// `~` trigger: a noun.
    pub noun: bool,
    /// The trigger lemma(s) (a set or an alternative expands to several).
    pub trigger: Vec<String>,
    /// The tokens after the trigger.
    pub rest: Vec<Tok>,
    /// The pattern text (without code and notes).
    pub text: String,
}

fn valid_lemma(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-' | '\'' | '.'))
        && w.chars().any(|c| c.is_alphanumeric())
}

fn valid_set_name(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Splits a pattern into lexical pieces: words, `(`…`)` groups, `[`, `]`.
#[derive(Debug)]
enum Lex<'a> {
    Word(&'a str),
    Group(&'a str),
    Open,
    Close,
}

fn lex(s: &str) -> Result<Vec<Lex<'_>>, String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' => i += 1,
            b'[' => {
                out.push(Lex::Open);
                i += 1;
            }
            b']' => {
                out.push(Lex::Close);
                i += 1;
            }
            b'(' => {
                let Some(end) = s[i..].find(')') else {
                    return Err("unclosed '('".into());
                };
                let inner = &s[i + 1..i + end];
                if inner.contains(['(', '[', ']']) {
                    return Err(format!("nested brackets inside ({inner})"));
                }
                out.push(Lex::Group(inner));
                i += end + 1;
            }
            b')' => return Err("')' without '('".into()),
            _ => {
                let end = s[i..]
                    .find([' ', '\t', '[', ']', '(', ')'])
                    .map_or(s.len(), |e| i + e);
                out.push(Lex::Word(&s[i..end]));
                i = end;
            }
        }
    }
    Ok(out)
}

/// Parses one pattern file. Sets are local to the file and must be defined before use.
pub fn parse_file(file: &str, text: &str) -> Result<Vec<RawPattern>, PatternError> {
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let err = |message: String| PatternError {
            file: file.to_string(),
            line,
            message,
        };
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if let Some(def) = l.strip_prefix('@') {
            let def = def.split('#').next().unwrap_or("");
            let Some((name, members)) = def.split_once('=') else {
                return Err(err("synonym set without '='".into()));
            };
            let name = name.trim();
            if !valid_set_name(name) {
                return Err(err(format!("bad set name @{name}")));
            }
            let members: Vec<String> = members.split_whitespace().map(String::from).collect();
            if members.is_empty() {
                return Err(err(format!("set @{name} has no members")));
            }
            if let Some(bad) = members.iter().find(|m| !valid_lemma(m)) {
                return Err(err(format!("bad lemma {bad:?} in set @{name}")));
            }
            if let Some(old) = sets.get(name) {
                if *old != members {
                    return Err(err(format!("set @{name} redefined differently")));
                }
            }
            sets.insert(name.to_string(), members);
            continue;
        }
        out.push(parse_pattern_line(l, &sets).map_err(|m| {
            let mut e = err(m);
            e.message.shrink_to_fit();
            e
        })?);
        let p = out.last_mut().expect("just pushed");
        p.file = file.to_string();
        p.line = line;
    }
    Ok(out)
}

fn parse_pattern_line(l: &str, sets: &HashMap<String, Vec<String>>) -> Result<RawPattern, String> {
    let mut parts = l.split(';');
    let head = parts.next().unwrap_or("");
    // A '#' comment after the pattern (documentation style) is tolerated.
    let head = head.split(" #").next().unwrap_or(head).trim();
    let mut prio = 0;
    let mut notes = Vec::new();
    for p in parts {
        let p = p.trim();
        if let Some(v) = p.strip_prefix("prio=") {
            prio = v
                .trim()
                .parse::<i32>()
                .map_err(|_| format!("bad priority {v:?}"))?;
        } else if !p.is_empty() {
            notes.push(p.to_string());
        }
    }
    let (code, pat) = head
        .split_once([' ', '\t'])
        .ok_or_else(|| format!("expected CODE PATTERN, found {head:?}"))?;
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|c| c.is_ascii_digit()) {
        return Err(format!("bad event code {code:?} (2 to 4 digits)"));
    }
    let pat = pat.trim();
    if pat.is_empty() {
        return Err("empty pattern".into());
    }
    let lx = lex(pat)?;
    let expand = |w: &str| -> Result<Vec<String>, String> {
        if let Some(name) = w.strip_prefix('@') {
            sets.get(name)
                .cloned()
                .ok_or_else(|| format!("unknown set @{name} (sets must be defined before use)"))
        } else if valid_lemma(w) {
            Ok(vec![w.to_string()])
        } else {
            Err(format!("bad word {w:?} (lowercase lemmas only)"))
        }
    };
    // Tokens with nesting.
    let mut stack: Vec<Vec<Tok>> = vec![Vec::new()];
    let mut trigger: Option<(bool, Vec<String>)> = None;
    let mut seen_src = false;
    let mut tgts = 0;
    for x in lx {
        let top_level = stack.len() == 1;
        match x {
            Lex::Open => {
                if trigger.is_none() {
                    return Err("optional part before the trigger".into());
                }
                stack.push(Vec::new());
            }
            Lex::Close => {
                if stack.len() == 1 {
                    return Err("']' without '['".into());
                }
                let inner = stack.pop().unwrap_or_default();
                if inner.is_empty() {
                    return Err("empty optional part []".into());
                }
                stack.last_mut().expect("non-empty").push(Tok::Opt(inner));
            }
            Lex::Word("SRC") => {
                if trigger.is_some() || seen_src {
                    return Err("SRC must lead the pattern".into());
                }
                seen_src = true;
            }
            Lex::Word("TGT") => {
                if trigger.is_none() {
                    return Err("TGT before the trigger".into());
                }
                tgts += 1;
                if tgts > 1 {
                    return Err("more than one TGT".into());
                }
                stack.last_mut().expect("non-empty").push(Tok::Tgt);
            }
            Lex::Word(w) => {
                let (noun, w) = match w.strip_prefix('~') {
                    Some(r) => (true, r),
                    None => (false, w),
                };
                let words = expand(w)?;
                if trigger.is_none() {
                    if !top_level {
                        return Err("trigger inside brackets".into());
                    }
                    trigger = Some((noun, words));
                } else {
                    if noun {
                        return Err(format!("'~' only on the trigger (~{w})"));
                    }
                    stack.last_mut().expect("non-empty").push(Tok::Word(words));
                }
            }
            Lex::Group(inner) => {
                let mut alts = Vec::new();
                for a in inner.split('|') {
                    let a = a.trim();
                    if a == "TGT" || a == "SRC" || a.starts_with('@') || a.starts_with('~') {
                        return Err(format!("({inner}): alternatives hold plain lemmas only"));
                    }
                    if !valid_lemma(a) {
                        return Err(format!("bad alternative {a:?} in ({inner})"));
                    }
                    alts.push(a.to_string());
                }
                if trigger.is_none() {
                    if !top_level {
                        return Err("trigger inside brackets".into());
                    }
                    trigger = Some((false, alts));
                } else {
                    stack.last_mut().expect("non-empty").push(Tok::Word(alts));
                }
            }
        }
    }
    if stack.len() != 1 {
        return Err("unclosed '['".into());
    }
    let Some((noun, trigger)) = trigger else {
        return Err("pattern without a trigger word".into());
    };
    Ok(RawPattern {
        file: String::new(),
        line: 0,
        code: code.to_string(),
        prio,
        note: if notes.is_empty() {
            None
        } else {
            Some(notes.join("; "))
        },
        noun,
        trigger,
        rest: stack.pop().unwrap_or_default(),
        text: pat.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sets_and_patterns() {
        let t = "# c\n@x = a b_c\n\n190   launch @x (on|against) TGT  ; prio=-1 ; note\n195  ~@x [of TGT]\n";
        let p = parse_file("t.txt", t).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].line, 4);
        assert_eq!(p[0].prio, -1);
        assert_eq!(p[0].note.as_deref(), Some("note"));
        assert_eq!(p[0].trigger, vec!["launch"]);
        assert_eq!(
            p[0].rest,
            vec![
                Tok::Word(vec!["a".into(), "b_c".into()]),
                Tok::Word(vec!["on".into(), "against".into()]),
                Tok::Tgt
            ]
        );
        assert!(p[1].noun);
        assert_eq!(
            p[1].rest,
            vec![Tok::Opt(vec![Tok::Word(vec!["of".into()]), Tok::Tgt])]
        );
    }

    #[test]
    fn errors_have_file_and_line() {
        let cases = [
            ("190 attack TGT TGT", "t.txt:1: more than one TGT"),
            (
                "\n19x attack",
                "t.txt:2: bad event code \"19x\" (2 to 4 digits)",
            ),
            (
                "190 launch @y",
                "t.txt:1: unknown set @y (sets must be defined before use)",
            ),
            ("190 attack [TGT", "t.txt:1: unclosed '['"),
            (
                "190 attack (a|TGT)",
                "t.txt:1: (a|TGT): alternatives hold plain lemmas only",
            ),
            (
                "190 Attack",
                "t.txt:1: bad word \"Attack\" (lowercase lemmas only)",
            ),
            ("190 attack ; prio=x", "t.txt:1: bad priority \"x\""),
            ("@ = a", "t.txt:1: bad set name @"),
        ];
        for (text, want) in cases {
            let e = parse_file("t.txt", text).unwrap_err();
            assert_eq!(e.to_string(), want, "{text}");
        }
    }
}
