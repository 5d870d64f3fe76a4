//! Normalisation of tokens and names for matching: lowercase, diacritics folded,
//! periods dropped (`U.S.` → `us`), typographic apostrophes unified.

use unicode_normalization::UnicodeNormalization;

/// The matching key of one token. Returns an empty string for tokens that are
/// ignored when matching names (hyphens, periods).
pub fn norm_token(tok: &str) -> String {
    if tok
        .chars()
        .all(|c| matches!(c, '-' | '.' | '\u{2010}' | '\u{2011}' | '\u{2013}'))
    {
        return String::new();
    }
    let mut out = String::with_capacity(tok.len());
    if tok.is_ascii() {
        for b in tok.bytes() {
            match b {
                b'.' => {}
                b'A'..=b'Z' => out.push((b + 32) as char),
                _ => out.push(b as char),
            }
        }
        return out;
    }
    for c in tok.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) || c == '.' {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The key of a whole name: its tokens normalised and joined by single spaces,
/// with a leading "the" dropped.
pub fn fold_key(name: &str) -> String {
    let toks = flashpoint_text::tokenize::tokenize(name);
    let mut parts: Vec<String> = toks
        .iter()
        .map(|t| norm_token(t.text(name)))
        .filter(|s| !s.is_empty())
        .collect();
    if parts.len() > 1 && parts[0] == "the" {
        parts.remove(0);
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(fold_key("U.S."), "us");
        assert_eq!(fold_key("the United Nations"), "united nations");
        assert_eq!(fold_key("al-Shabaab"), "al shabaab");
        assert_eq!(fold_key("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold_key("Iran's"), "iran 's");
    }
}
