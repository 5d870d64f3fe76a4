//! Tokenisation in the UD English style, with byte offsets into the original text.
//!
//! Rules, in the order they apply to each whitespace-delimited chunk:
//! * URLs, e-mail addresses and @handles stay whole.
//! * Leading and trailing punctuation is split off, one token per mark
//!   (except runs of dots: `...` is one token).
//! * A final period stays attached to known abbreviations (`Gen.`, `Jan.`, `Inc.`),
//!   to dotted acronyms (`U.S.`, `a.m.`) and to single-letter initials (`J.`).
//! * Clitics split as in UD: `don't` → `do` `n't`, `can't` → `ca` `n't`,
//!   `cannot` → `can` `not`, `Iran's` → `Iran` `'s`, `soldiers'` → `soldiers` `'`.
//! * Hyphens and slashes between word characters are separate tokens (`al-Ani` → `al` `-` `Ani`),
//!   as in UD English-EWT.
//!
//! Typographic normalisation (curly quotes, dashes, ellipsis, primes) is kept in
//! [`Token::norm`]; the span always points at the original characters.

use flashpoint_model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

/// A token: a span of the original text plus, when typography differs, its
/// normalised form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// The normalised form if it differs from the original text (rare).
    pub norm: Option<Box<str>>,
    /// True if whitespace follows this token in the original text.
    pub space_after: bool,
}

impl Token {
    /// The normalised text of the token.
    pub fn text<'a>(&'a self, original: &'a str) -> &'a str {
        match &self.norm {
            Some(n) => n,
            None => self.span.slice(original),
        }
    }
}

/// Abbreviations that keep their final period (lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "st", "sr", "jr", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd", "llc",
    "plc", "bros", "no", "nos", "vs", "etc", "approx", "est", "dept", "univ", "ave", "blvd", "rd",
    "mt", "ft", "fig", "vol", "pp", "ed", "eds", "mln", "bln", "pct", "cf", "al", "ext", "gov't",
    "govt", "messrs", "mme", "mlle", "sheikh", "amb",
];

/// Abbreviations also recognised in lowercase.
const LOWERCASE_ABBREVIATIONS: &[&str] = &[
    "etc", "vs", "approx", "cf", "pp", "pct", "mln", "bln", "est",
];

fn is_abbreviation(word: &str) -> bool {
    if word.len() > 8 {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    if word.starts_with(|c: char| c.is_uppercase()) {
        ABBREVIATIONS.contains(&lower.as_str())
    } else {
        LOWERCASE_ABBREVIATIONS.contains(&lower.as_str())
    }
}

/// "U.S", "a.m", "e.g", "U.N" (the final period not included): letters separated by single periods.
fn is_dotted_acronym(word: &str) -> bool {
    let mut letters = 0;
    let mut expect_letter = true;
    for c in word.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            letters += 1;
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else if c.is_alphabetic() && letters == 1 && word.len() <= 4 {
            // allow "Ph.D", "Ft" style short chunks
            continue;
        } else {
            return false;
        }
    }
    letters >= 2 && !expect_letter
}

fn normalise_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => "-",
        '\u{2014}' | '\u{2015}' => "--",
        '\u{2026}' => "...",
        '\u{00A0}' => " ",
        _ => return None,
    })
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

fn kind_of(s: &str) -> TokenKind {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => TokenKind::Number,
        Some(c) if c.is_alphanumeric() => TokenKind::Word,
        Some('\'') | Some('\u{2019}') if s.len() > 1 => TokenKind::Word, // 's, 're
        Some(c) if c.is_ascii_punctuation() || is_punct_unicode(c) => {
            if matches!(
                c,
                '$' | '%' | '&' | '+' | '=' | '<' | '>' | '#' | '@' | '*' | '^' | '~' | '|'
            ) {
                TokenKind::Symbol
            } else {
                TokenKind::Punct
            }
        }
        Some(_) => TokenKind::Symbol,
        None => TokenKind::Punct,
    }
}

fn is_punct_unicode(c: char) -> bool {
    normalise_char(c).is_some() || matches!(c, '«' | '»' | '¿' | '¡' | '•' | '·' | '€' | '£' | '¥')
}

/// Tokenises `region` of `text`, appending to `out`.
pub fn tokenize_into(text: &str, region: Span, out: &mut Vec<Token>) {
    let Some(slice) = text.get(region.start..region.end) else {
        return;
    };
    let mut chunk_start: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        if is_space(c) {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, region.start + s, region.start + i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, region.start + s, region.end, out);
    }
}

/// Tokenises a whole text (no boilerplate removal).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, Span::new(0, text.len()), &mut out);
    out
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    let s = &text[start..end];
    let norm = if s.is_ascii() {
        None
    } else {
        let mut changed = false;
        let mut n = String::with_capacity(s.len());
        for c in s.chars() {
            match normalise_char(c) {
                Some(r) => {
                    changed = true;
                    n.push_str(r);
                }
                None => n.push(c),
            }
        }
        changed.then(|| n.into_boxed_str())
    };
    let space_after = text[end..].chars().next().is_none_or(is_space);
    out.push(Token {
        span: Span::new(start, end),
        kind: kind_of(norm.as_deref().unwrap_or(s)),
        norm,
        space_after,
    });
}

fn is_leading_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '<'
            | '`'
            | '«'
            | '¿'
            | '¡'
            | '$'
            | '£'
            | '€'
            | '¥'
            | '#'
            | '*'
            | '•'
            | '-'
            | '–'
            | '—'
    ) || matches!(c, '\u{2018}' | '\u{201C}' | '\u{201E}' | '\u{2014}')
}

fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '>'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '»'
            | '%'
            | '*'
            | '–'
            | '—'
    ) || matches!(c, '\u{2019}' | '\u{201D}' | '\u{2014}' | '\u{2026}')
}

fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let chunk = &text[start..end];
    if chunk.len() > 1
        && chunk
            .chars()
            .all(|c| c == '-' || c == '.' || c == '*' || c == '=')
    {
        push(text, start, end, out);
        return;
    }
    // URLs, e-mails and handles stay whole (minus trailing sentence punctuation).
    if chunk.contains("://")
        || chunk.starts_with("www.")
        || (chunk.contains('@') && chunk.contains('.') && !chunk.starts_with('@'))
    {
        let trimmed = chunk.trim_end_matches(['.', ',', ';', ':', ')', '"', '!', '?']);
        push(text, start, start + trimmed.len(), out);
        split_chunk_trailing(text, start + trimmed.len(), end, out);
        return;
    }
    // Leading punctuation.
    let mut s = start;
    while s < end {
        let c = text[s..end].chars().next().unwrap_or(' ');
        if is_leading_punct(c) && s + c.len_utf8() < end
            || (is_leading_punct(c) && s + c.len_utf8() == end)
        {
            // '-' leading only when followed by non-digit ("-5" is a number)
            if c == '-' && text[s + 1..end].starts_with(|d: char| d.is_ascii_digit()) {
                break;
            }
            // "'s" at chunk start is a clitic, not a quote (rare, after a split by space)
            if is_apostrophe(c) && is_clitic_start(&text[s..end]) {
                break;
            }
            push(text, s, s + c.len_utf8(), out);
            s += c.len_utf8();
        } else {
            break;
        }
    }
    if s >= end {
        return;
    }
    // Trailing punctuation, collected right to left.
    let mut e = end;
    let mut trailing: Vec<(usize, usize)> = Vec::new();
    loop {
        if e <= s {
            break;
        }
        let word = &text[s..e];
        let c = word.chars().next_back().unwrap_or(' ');
        if c == '.' {
            // run of dots
            let dots = word.len() - word.trim_end_matches('.').len();
            if dots >= 2 {
                trailing.push((e - dots, e));
                e -= dots;
                continue;
            }
            let stem = &word[..word.len() - 1];
            if stem.is_empty() {
                trailing.push((e - 1, e));
                e -= 1;
                continue;
            }
            let keep = is_abbreviation(stem)
                || is_dotted_acronym(stem)
                || (stem.chars().count() == 1 && stem.chars().all(|c| c.is_alphabetic()));
            if !keep {
                trailing.push((e - 1, e));
                e -= 1;
            }
            break;
        }
        if is_trailing_punct(c) {
            // Plural possessive "soldiers'" : keep "'" as its own token (it is one anyway).
            trailing.push((e - c.len_utf8(), e));
            e -= c.len_utf8();
            continue;
        }
        break;
    }
    split_core(text, s, e, out);
    for &(a, b) in trailing.iter().rev() {
        push(text, a, b, out);
    }
}

fn split_chunk_trailing(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let mut i = start;
    for (off, c) in text[start..end].char_indices() {
        let _ = off;
        push(text, i, i + c.len_utf8(), out);
        i += c.len_utf8();
    }
}

fn is_clitic_start(s: &str) -> bool {
    let mut it = s.chars();
    let Some(a) = it.next() else { return false };
    if !is_apostrophe(a) {
        return false;
    }
    let rest: String = it.take(3).collect::<String>().to_ascii_lowercase();
    let rest = rest.as_str();
    (rest.starts_with('s') || rest.starts_with('m') || rest.starts_with('d'))
        && rest[1..].chars().next().is_none_or(|c| !c.is_alphabetic())
        || rest.starts_with("re") && rest[2..].chars().next().is_none_or(|c| !c.is_alphabetic())
        || rest.starts_with("ve") && rest[2..].chars().next().is_none_or(|c| !c.is_alphabetic())
        || rest.starts_with("ll") && rest[2..].chars().next().is_none_or(|c| !c.is_alphabetic())
}

/// Splits the core of a chunk (no leading/trailing punctuation) at hyphens, slashes,
/// clitics and internal punctuation.
fn split_core(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    let core = &text[start..end];
    // Numbers such as 1,000 / 3.5 / 10:30 / 1990s stay whole.
    if core.starts_with(|c: char| c.is_ascii_digit())
        && core
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ',' | '.' | ':'))
    {
        push(text, start, end, out);
        return;
    }
    // Dotted acronyms with their dot: "U.S." handled by caller; "U.S" here stays whole.
    if is_dotted_acronym(core) || is_dotted_acronym(core.trim_end_matches('.')) {
        push(text, start, end, out);
        return;
    }
    let lower = core.to_lowercase();
    // Special contractions.
    for (word, cut) in [("cannot", 3usize), ("gonna", 3), ("wanna", 3), ("gotta", 3)] {
        if lower == word {
            push(text, start, start + cut, out);
            push(text, start + cut, end, out);
            return;
        }
    }
    // Split into pieces at internal separators.
    let mut piece_start = start;
    let mut iter = core.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let abs = start + i;
        let prev_word = abs > start && text[..abs].chars().next_back().is_some_and(is_word_char);
        let next = iter.peek().map(|&(_, n)| n);
        let next_word = next.is_some_and(is_word_char);
        let is_sep = match c {
            // UD English keeps prefixes ("anti-war", "e-mail") and number ranges ("9-11") whole.
            '-' if prev_word
                && next_word
                && (is_prefix(&text[piece_start..abs])
                    || (text[..abs].ends_with(|d: char| d.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit()))) =>
            {
                false
            }
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '/' | '\\' => true,
            ',' | ';' | '!' | '?' | '(' | ')' | '[' | ']' | '"' | '\u{201C}' | '\u{201D}' => true,
            ':' => !(prev_word && next.is_some_and(|n| n.is_ascii_digit())),
            _ => false,
        };
        if is_sep {
            push_word(text, piece_start, abs, out);
            // "--" runs
            let mut e = abs + c.len_utf8();
            if c == '-' {
                while text[e..].starts_with('-') && e < end {
                    e += 1;
                    iter.next();
                }
            }
            push(text, abs, e, out);
            piece_start = e;
            let _ = (prev_word, next_word);
        }
    }
    push_word(text, piece_start, end, out);
}

/// Prefixes that UD English keeps attached with their hyphen.
const PREFIXES: &[&str] = &[
    "e", "non", "mid", "pre", "anti", "re", "post", "co", "pro", "multi", "ex", "sub", "semi",
    "neo", "psycho", "inter", "intra", "counter", "un", "de", "bi", "tri", "micro", "macro",
    "mini", "ultra", "trans", "cross",
];

fn is_prefix(piece: &str) -> bool {
    piece.len() <= 7 && PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(piece))
}

/// Pushes a word, splitting English clitics off its end.
fn push_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    let w = &text[start..end];
    // n't
    if let Some(pos) = find_nt(w) {
        let lower = w[..pos].to_ascii_lowercase();
        // can't → ca n't, won't → wo n't, don't → do n't
        let stem_end = start + pos;
        if !lower.is_empty() {
            push(text, start, stem_end, out);
            push(text, stem_end, end, out);
            return;
        }
    }
    // 's 're 've 'll 'd 'm and the plural possessive '
    if let Some((pos, _)) = w.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) {
        let after = &w[pos..];
        let a_len = after.chars().next().map_or(1, char::len_utf8);
        let suffix = after[a_len..].to_ascii_lowercase();
        if pos > 0 && matches!(suffix.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m") {
            push(text, start, start + pos, out);
            push(text, start + pos, end, out);
            return;
        }
        if pos > 0 && suffix.is_empty() {
            push(text, start, start + pos, out);
            push(text, start + pos, end, out);
            return;
        }
    }
    push(text, start, end, out);
}

/// Byte position of "n't" (with any apostrophe) at the end of `w`.
fn find_nt(w: &str) -> Option<usize> {
    let mut chars = w.char_indices().rev();
    let (_, t) = chars.next()?;
    if t != 't' && t != 'T' {
        return None;
    }
    let (ai, a) = chars.next()?;
    if !is_apostrophe(a) {
        return None;
    }
    let (ni, n) = chars.next()?;
    if n != 'n' && n != 'N' {
        return None;
    }
    let _ = ai;
    Some(ni)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("The U.S. said no.", &["The", "U.S.", "said", "no", "."]),
            (
                "Gen. Smith met Dr. Jones at 10 a.m. on Jan. 3.",
                &[
                    "Gen.", "Smith", "met", "Dr.", "Jones", "at", "10", "a.m.", "on", "Jan.", "3",
                    ".",
                ],
            ),
            (
                "Iran's army didn't attack.",
                &["Iran", "'s", "army", "did", "n't", "attack", "."],
            ),
            (
                "They can't, won't, cannot.",
                &[
                    "They", "ca", "n't", ",", "wo", "n't", ",", "can", "not", ".",
                ],
            ),
            ("the soldiers' base", &["the", "soldiers", "'", "base"]),
            (
                "al-Shabaab's pro-government",
                &["al", "-", "Shabaab", "'s", "pro-government"],
            ),
            (
                "anti-war e-mail 9-11 x-ray",
                &["anti-war", "e-mail", "9-11", "x", "-", "ray"],
            ),
            (
                "\"We will respond,\" he said.",
                &["\"", "We", "will", "respond", ",", "\"", "he", "said", "."],
            ),
            (
                "1,000 people (3.5%) left...",
                &["1,000", "people", "(", "3.5", "%", ")", "left", "..."],
            ),
            ("$5 and/or 10:30", &["$", "5", "and", "/", "or", "10:30"]),
            (
                "see https://example.org/a-b.",
                &["see", "https://example.org/a-b", "."],
            ),
            ("J. Smith", &["J.", "Smith"]),
            ("attack -- and", &["attack", "--", "and"]),
        ];
        for (text, want) in cases {
            assert_eq!(&toks(text), want, "{text}");
        }
    }

    #[test]
    fn typography_normalised_offsets_kept() {
        let text = "“We won’t” — Iran’s";
        let t = tokenize(text);
        let norms: Vec<&str> = t.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            norms,
            vec!["\"", "We", "wo", "n't", "\"", "--", "Iran", "'s"]
        );
        for tok in &t {
            assert!(text.is_char_boundary(tok.span.start) && text.is_char_boundary(tok.span.end));
        }
        assert_eq!(t[3].span.slice(text), "n’t");
    }
}
