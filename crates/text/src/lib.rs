//! The text layer: from an article's raw text to sentences and tokens.
//!
//! The stages run in this order, each a plain function so they can be tested and
//! replaced one at a time:
//!
//! 1. [`boilerplate::find`] marks lines that are not article content ("Read more: …",
//!    "Advertisement", bylines, datelines) as *removed*. Nothing is deleted: removed
//!    regions are simply skipped by the later stages and reported by `explain`.
//! 2. [`tokenize::tokenize`] splits the remaining regions into tokens in the UD English
//!    style (clitics, hyphens and punctuation split off, abbreviations such as `U.S.`,
//!    `Gen.`, `a.m.` kept whole). Each token keeps its byte span into the **original**
//!    text; typographic variants (curly quotes, dashes, ellipsis) are normalised into
//!    [`Token::norm`] without moving any offset.
//! 3. [`sentences::split`] groups tokens into sentences, surviving news abbreviations.
//! 4. [`quotes::find`] finds quoted spans and their speakers ("X said", "X wrote:",
//!    "according to X").
//!
//! # Invariants
//! * Every span indexes the original text and lies on `char` boundaries.
//! * No function here panics on any input (property-tested).

pub mod boilerplate;
pub mod quotes;
pub mod sentences;
pub mod tokenize;

use flashpoint_model::Span;
use std::ops::Range;

pub use boilerplate::Removed;
pub use quotes::Quote;
pub use tokenize::{Token, TokenKind};

/// A sentence: its span in the original text and its tokens (indices into
/// [`Document::tokens`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// The text layer's view of one article.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    /// The original text; every span indexes it.
    pub text: &'t str,
    pub removed: Vec<Removed>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
}

impl<'t> Document<'t> {
    /// Runs all text stages on `text`.
    pub fn analyze(text: &'t str) -> Document<'t> {
        let removed = boilerplate::find(text);
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        let mut paragraph_breaks = Vec::new();
        for region in boilerplate::content_regions(text, &removed) {
            paragraph_breaks.push(tokens.len());
            tokenize::tokenize_into(text, region, &mut tokens);
        }
        let sentences = sentences::split(text, &tokens, &paragraph_breaks);
        let quotes = quotes::find(text, &tokens, &sentences);
        Document {
            text,
            removed,
            tokens,
            sentences,
            quotes,
        }
    }

    /// The normalised form of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        &self.tokens[self.sentences[s].tokens.clone()]
    }

    /// The quote (if any) whose content contains `span`.
    pub fn quote_containing(&self, span: Span) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.span.contains(span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_to_end_example() {
        let text =
            "BAGHDAD (Reuters) - U.S. forces killed 12 people in Iraq on Friday, officials said. \
                    Gen. Smith arrived at 10 a.m. in Baghdad.\n\nAdvertisement\n\n\
                    “We will respond,” Iran’s foreign minister said.";
        let doc = Document::analyze(text);
        let sents: Vec<&str> = doc.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            sents,
            vec![
                "U.S. forces killed 12 people in Iraq on Friday, officials said.",
                "Gen. Smith arrived at 10 a.m. in Baghdad.",
                "“We will respond,” Iran’s foreign minister said.",
            ]
        );
        assert_eq!(doc.removed.len(), 2, "{:?}", doc.removed);
        assert_eq!(doc.quotes.len(), 1);
        let q = &doc.quotes[0];
        assert_eq!(q.span.slice(text), "We will respond,");
        assert_eq!(q.speaker.unwrap().slice(text), "Iran’s foreign minister");
    }
}
