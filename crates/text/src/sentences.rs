//! Sentence splitting over tokens.
//!
//! A sentence ends at `.`, `!`, `?` or `...` (plus any closing quotes or brackets
//! right after it) when the next token starts a new sentence (capital letter, digit or
//! opening quote), and always at a paragraph break. Abbreviations (`Gen.`, `Jan.`)
//! keep their period inside the token, so they never end a sentence. A dotted acronym
//! (`U.S.`) ends a sentence only when the next word is a typical sentence opener
//! ("... in the U.S. The talks ...").

use crate::tokenize::{Token, TokenKind};
use crate::Sentence;
use flashpoint_model::Span;

const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "When",
    "While",
    "However",
    "Meanwhile",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "Officials",
    "Some",
    "Many",
];

fn is_terminal(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "..." | "?!" | "!?")
}

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "'" | ")" | "]" | "}")
}

fn starts_sentence(t: &str) -> bool {
    t.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '(' | '[' | '\'' | '-')
    })
}

fn ends_with_acronym(t: &str) -> bool {
    t.len() >= 3 && t.ends_with('.') && t[..t.len() - 1].contains('.')
}

/// Splits `tokens` into sentences. `paragraph_breaks` lists token indices where a
/// new paragraph (content region) starts.
pub fn split(text: &str, tokens: &[Token], paragraph_breaks: &[usize]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pb = paragraph_breaks.iter().peekable();
    let mut i = 0;
    while i < tokens.len() {
        // paragraph break before token i
        while pb.peek().is_some_and(|&&b| b < i) {
            pb.next();
        }
        if pb.peek().is_some_and(|&&b| b == i) && i > start {
            out.push(make(tokens, start, i));
            start = i;
        }
        let t = tokens[i].text(text);
        let mut end_here = false;
        let mut last = i;
        if is_terminal(t) || (tokens[i].kind == TokenKind::Word && ends_with_acronym(t)) {
            // absorb closing quotes/brackets
            while last + 1 < tokens.len()
                && !tokens[last].space_after
                && is_closer(tokens[last + 1].text(text))
            {
                last += 1;
            }
            match tokens.get(last + 1) {
                None => end_here = true,
                Some(next) => {
                    let nt = next.text(text);
                    end_here = if is_terminal(t) {
                        starts_sentence(nt)
                            || nt
                                .chars()
                                .next()
                                .is_some_and(|c| !c.is_alphanumeric() && !c.is_ascii_punctuation())
                    } else {
                        OPENERS.contains(&nt)
                    };
                    // "10 a.m. on Friday": lowercase follow-ups never split.
                    if nt.chars().next().is_some_and(|c| c.is_lowercase()) {
                        end_here = false;
                    }
                }
            }
        }
        if end_here {
            out.push(make(tokens, start, last + 1));
            start = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if start < tokens.len() {
        out.push(make(tokens, start, tokens.len()));
    }
    out
}

fn make(tokens: &[Token], start: usize, end: usize) -> Sentence {
    Sentence {
        span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
        tokens: start..end,
    }
}

#[cfg(test)]
mod tests {
    use crate::Document;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Gen. Smith spoke. He left.",
                &["Gen. Smith spoke.", "He left."],
            ),
            (
                "It came from the U.S. The talks failed.",
                &["It came from the U.S.", "The talks failed."],
            ),
            ("The U.S. Navy sailed.", &["The U.S. Navy sailed."]),
            (
                "At 10 a.m. on Jan. 3 troops left. Mr. Roe said so.",
                &["At 10 a.m. on Jan. 3 troops left.", "Mr. Roe said so."],
            ),
            (
                "\"Leave now.\" The crowd left.",
                &["\"Leave now.\"", "The crowd left."],
            ),
            ("Why? Because.", &["Why?", "Because."]),
            (
                "No terminal\n\nNew paragraph",
                &["No terminal", "New paragraph"],
            ),
            (
                "It cost $3.5 million. Ok.",
                &["It cost $3.5 million.", "Ok."],
            ),
        ];
        for (text, want) in cases {
            let doc = Document::analyze(text);
            let got: Vec<&str> = doc.sentences.iter().map(|s| s.span.slice(text)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }
}
