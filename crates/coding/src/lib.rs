//! Event coding: from a sentence with actor mentions to CAMEO/PLOVER events.
//!
//! * [`ontology`]: the CAMEO code table (names, Goldstein scale, quad class) and the
//!   CAMEO→PLOVER mapping, embedded from `data/ontology/`.
//! * [`Coder`]: the seam between the pipeline and a coding strategy. [`BasicCoder`] is
//!   the first one: a verb list per CAMEO root with subject-before / object-after
//!   heuristics. It will be replaced by dependency-tree patterns; its place in the
//!   pipeline stays.

pub mod basic;
pub mod ontology;

pub use basic::BasicCoder;
pub use ontology::{CameoCode, Ontology};

use chrono::NaiveDate;
use flashpoint_actors::Mention;
use flashpoint_model::Event;
use flashpoint_text::Document;

/// Everything a coder sees of one sentence.
pub struct SentenceContext<'a> {
    pub article_id: &'a str,
    pub date: NaiveDate,
    pub doc: &'a Document<'a>,
    pub sentence: usize,
    /// Actor mentions of this sentence, in text order.
    pub mentions: &'a [Mention],
    /// The dependency parse of the sentence (one entry per sentence token, in order),
    /// when the coder asked for it ([`Coder::needs_parse`]).
    pub parse: Option<&'a flashpoint_syntax::Analysis>,
}

/// A coding strategy.
pub trait Coder: Send + Sync {
    /// Whether the coder needs [`SentenceContext::parse`] (parsing costs time, so the
    /// engine parses only for coders that use it).
    fn needs_parse(&self) -> bool {
        false
    }

    /// Appends the events of one sentence to `out`. When `trace` is given, records
    /// every rule tried and why it failed or fired (for `flashpoint explain`).
    fn code_sentence(
        &self,
        ctx: &SentenceContext<'_>,
        out: &mut Vec<Event>,
        trace: Option<&mut Vec<String>>,
    );
}
