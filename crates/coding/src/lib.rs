//! Event coding: from a sentence with actor mentions to CAMEO/PLOVER events.
//!
//! * [`ontology`]: the CAMEO code table (names, Goldstein scale, quad class) and the
//!   CAMEO→PLOVER mapping, embedded from `data/ontology/`.
//! * [`Coder`]: the seam between the pipeline and a coding strategy.
//! * [`PatternCoder`] (the default): the event patterns of `data/patterns/` matched
//!   against the dependency parse, with negation, modality, reported speech, compound
//!   actors and nominal events ([`patterns`]).
//! * [`BasicCoder`]: the first, parse-free coder (a verb list per CAMEO root with
//!   word-order heuristics), kept as a baseline.

pub mod basic;
pub mod linguistics;
pub mod ontology;
pub mod patterns;
pub mod petrarch_verbs;

pub use basic::BasicCoder;
pub use ontology::{CameoCode, Ontology};
pub use patterns::{CoderOptions, PatternCoder, PatternError};

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

    /// Whether the sentence may carry an event for this coder (a cheap test before
    /// parsing; the engine skips the parse and the coder when it is false).
    fn wants_sentence(&self, _ctx: &SentenceContext<'_>) -> bool {
        true
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

/// The event actor for a mention of the article `text`.
pub(crate) fn event_actor(m: &Mention, text: &str) -> flashpoint_model::EventActor {
    flashpoint_model::EventActor {
        text: m.span.slice(text).to_string(),
        code: m.code.clone(),
        country: m.country.clone(),
        sector: m.sector.clone(),
        span: m.span,
    }
}

/// Recodes an event as CAMEO code `c` (name, PLOVER type and mode, Goldstein, quad
/// class follow the code).
pub(crate) fn set_code(e: &mut Event, c: &CameoCode) {
    e.cameo = c.code.clone();
    e.cameo_name = c.name.clone();
    e.plover = c.plover_type.clone();
    e.mode = c.plover_mode.clone();
    e.goldstein = c.goldstein;
    e.quad_class = c.quad_class;
}

/// A shared coder (e.g. the bundled `&'static PatternCoder`) is a coder.
impl<T: Coder + ?Sized> Coder for &T {
    fn needs_parse(&self) -> bool {
        (**self).needs_parse()
    }

    fn wants_sentence(&self, ctx: &SentenceContext<'_>) -> bool {
        (**self).wants_sentence(ctx)
    }

    fn code_sentence(
        &self,
        ctx: &SentenceContext<'_>,
        out: &mut Vec<Event>,
        trace: Option<&mut Vec<String>>,
    ) {
        (**self).code_sentence(ctx, out, trace)
    }
}
