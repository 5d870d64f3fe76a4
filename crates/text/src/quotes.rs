//! Quote detection: quoted spans and their speakers.
//!
//! Recognised shapes (speaker search is limited to the quote's sentence and the next
//! one for a trailing attribution):
//! * `"…," X said.` / `"…," said X.` — attribution after the quote;
//! * `X said: "…"` / `X wrote: "…"` / `X said "…"` — attribution before the quote;
//! * `…, according to X.` — the whole clause is attributed to X (the quote span is the
//!   sentence up to "according").

use crate::tokenize::Token;
use crate::Sentence;
use flashpoint_model::Span;

/// A quoted (or attributed) span and who said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted content (without the quote marks).
    pub span: Span,
    /// The speaker's noun phrase, if found.
    pub speaker: Option<Span>,
    /// The attribution cue as written ("said", "wrote", "according to").
    pub cue: Option<Span>,
}

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "stated",
    "states",
    "warned",
    "warns",
    "declared",
    "declares",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "noted",
    "notes",
    "tweeted",
    "posted",
    "announced",
    "announces",
    "asserted",
    "argued",
    "argues",
    "explained",
    "vowed",
    "vows",
    "urged",
    "urges",
    "replied",
    "responded",
    "remarked",
    "stressed",
    "stresses",
    "quoted",
    "continued",
    "concluded",
    "cautioned",
];

fn is_speech_verb(t: &str) -> bool {
    SPEECH_VERBS.contains(&t.to_ascii_lowercase().as_str())
}

fn is_np_stop(t: &str) -> bool {
    matches!(
        t,
        "," | "." | ";" | ":" | "\"" | "!" | "?" | "(" | ")" | "--"
    ) || matches!(
        t.to_ascii_lowercase().as_str(),
        "in" | "on"
            | "at"
            | "to"
            | "when"
            | "after"
            | "before"
            | "while"
            | "who"
            | "that"
            | "which"
            | "during"
            | "as"
            | "late"
            | "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "on friday"
    )
}

/// Finds quotes in the token stream.
pub fn find(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Quote> {
    let tt = |i: usize| tokens[i].text(text);
    let mut out = Vec::new();
    // Pair double quotes: an opening quote is one not preceded by a word glued to it.
    let mut open: Option<usize> = None;
    for i in 0..tokens.len() {
        if tt(i) != "\"" {
            continue;
        }
        let glued_left =
            i > 0 && tokens[i - 1].span.end == tokens[i].span.start && !tokens[i - 1].space_after;
        let orig = tokens[i].span.slice(text);
        let is_open = match orig {
            "\u{201C}" | "\u{201E}" | "«" => true,
            "\u{201D}" | "»" => false,
            _ => open.is_none() && !(glued_left && open.is_some()),
        };
        match (is_open, open) {
            (true, None) => open = Some(i),
            (true, Some(_)) => open = Some(i), // unbalanced: restart
            (false, Some(o)) if i > o + 1 => {
                let content = Span::new(tokens[o + 1].span.start, tokens[i - 1].span.end);
                let (speaker, cue) = attribution(text, tokens, o, i);
                out.push(Quote {
                    span: content,
                    speaker,
                    cue,
                });
                open = None;
            }
            _ => open = None,
        }
    }
    // "according to X"
    for s in sentences {
        let r = s.tokens.clone();
        for i in r.clone() {
            if tt(i).eq_ignore_ascii_case("according")
                && i + 1 < r.end
                && tt(i + 1).eq_ignore_ascii_case("to")
            {
                let np_start = i + 2;
                let mut np_end = np_start;
                while np_end < r.end && np_end < np_start + 8 && !is_np_stop(tt(np_end)) {
                    np_end += 1;
                }
                if np_end > np_start {
                    let before_end = if i > r.start && tt(i - 1) == "," {
                        i - 1
                    } else {
                        i
                    };
                    let span = if before_end > r.start {
                        Span::new(tokens[r.start].span.start, tokens[before_end - 1].span.end)
                    } else {
                        // "According to X, ..." : the rest of the sentence
                        let rest = (np_end..r.end).find(|&k| tt(k) != ",").unwrap_or(r.end - 1);
                        Span::new(tokens[rest].span.start, s.span.end)
                    };
                    if out.iter().all(|q: &Quote| !q.span.overlaps(span)) {
                        out.push(Quote {
                            span,
                            speaker: Some(Span::new(
                                tokens[np_start].span.start,
                                tokens[np_end - 1].span.end,
                            )),
                            cue: Some(Span::new(tokens[i].span.start, tokens[i + 1].span.end)),
                        });
                    }
                }
            }
        }
    }
    out.sort_by_key(|q| q.span.start);
    out
}

fn attribution(
    text: &str,
    tokens: &[Token],
    open: usize,
    close: usize,
) -> (Option<Span>, Option<Span>) {
    let tt = |i: usize| tokens[i].text(text);
    let sp = |a: usize, b: usize| Span::new(tokens[a].span.start, tokens[b - 1].span.end);
    // After: [,] said X | [,] X said
    let mut j = close + 1;
    if j < tokens.len() && tt(j) == "," {
        j += 1;
    }
    if j < tokens.len() {
        if is_speech_verb(tt(j)) {
            let np_start = j + 1;
            let mut np_end = np_start;
            while np_end < tokens.len() && np_end < np_start + 8 && !is_np_stop(tt(np_end)) {
                np_end += 1;
            }
            if np_end > np_start {
                return (Some(sp(np_start, np_end)), Some(tokens[j].span));
            }
        } else {
            let np_start = j;
            let mut k = j;
            while k < tokens.len()
                && k < np_start + 8
                && !is_np_stop(tt(k))
                && !is_speech_verb(tt(k))
            {
                k += 1;
            }
            if k < tokens.len() && k > np_start && is_speech_verb(tt(k)) {
                return (Some(sp(np_start, k)), Some(tokens[k].span));
            }
        }
    }
    // Before: X said: "…" / X wrote "…"
    let mut k = open;
    if k > 0 && matches!(tt(k - 1), ":" | ",") {
        k -= 1;
    }
    if k > 0 && is_speech_verb(tt(k - 1)) {
        let verb = k - 1;
        let np_end = verb;
        let mut np_start = verb;
        while np_start > 0 && np_start + 8 > verb && !is_np_stop(tt(np_start - 1)) {
            np_start -= 1;
        }
        if np_start < np_end {
            return (Some(sp(np_start, np_end)), Some(tokens[verb].span));
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use crate::Document;

    #[test]
    fn table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "\"We will respond,\" the minister said.",
                "We will respond,",
                Some("the minister"),
            ),
            (
                "\"We will respond,\" said Foreign Minister Javad Zarif.",
                "We will respond,",
                Some("Foreign Minister Javad Zarif"),
            ),
            (
                "Trump wrote: \"Soleimani killed thousands.\"",
                "Soleimani killed thousands.",
                Some("Trump"),
            ),
            (
                "The army shelled the town, according to local officials.",
                "The army shelled the town",
                Some("local officials"),
            ),
            (
                "According to the UN, 12 people died.",
                "12 people died.",
                Some("the UN"),
            ),
            ("He called it \"madness\" and left.", "madness", None),
        ];
        for (text, quote, speaker) in cases {
            let doc = Document::analyze(text);
            assert_eq!(doc.quotes.len(), 1, "{text}: {:?}", doc.quotes);
            let q = &doc.quotes[0];
            assert_eq!(q.span.slice(text), *quote, "{text}");
            assert_eq!(q.speaker.map(|s| s.slice(text)), *speaker, "{text}");
        }
    }
}
