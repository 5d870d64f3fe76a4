use crate::Span;
use chrono::NaiveDate;
use serde::Serialize;

/// Version of the event record schema (docs/output.md). Bump on any breaking change.
pub const SCHEMA_VERSION: u32 = 2;

/// One side of an event: who acted (source) or who was acted upon (target).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventActor {
    /// The text of the mention, as written in the article.
    pub text: String,
    /// CAMEO-style actor code: country (ISO3) or organisation code, plus sector,
    /// e.g. `USAGOV`, `IRNMIL`, `IGOUNO`. Empty when the actor is unknown.
    pub code: String,
    /// ISO 3166-1 alpha-3 country, if any.
    pub country: Option<String>,
    /// PLOVER sector code (GOV, MIL, REB, ...), if any.
    pub sector: Option<String>,
    /// Byte offsets of the mention in the article text.
    pub span: Span,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventLocation {
    pub name: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// `place`, `admin1` or `country`.
    pub precision: String,
    pub span: Option<Span>,
}

/// How precisely the event date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

/// Where the event date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A temporal expression attached to the event ("on Friday").
    Expression,
    /// No expression: the article date.
    Article,
}

/// Why an event was coded: the rule and the dictionary entries that fired.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Why {
    /// Identifier of the pattern or rule (e.g. `verbs:190:kill`).
    pub rule: String,
    /// The trigger words as written, and their span.
    pub trigger: String,
    pub trigger_span: Span,
    /// Knowledge-base entries used for the source and target (ids).
    pub source_entry: Option<String>,
    pub target_entry: Option<String>,
    /// Free-text notes (e.g. "target: first actor after the verb").
    pub notes: Vec<String>,
}

/// A coded event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub article_id: String,
    /// Index of the (first) evidence sentence within the article, 0-based.
    pub sentence: usize,
    /// Event date (ISO 8601 in output).
    pub date: NaiveDate,
    pub date_precision: DatePrecision,
    pub date_source: DateSource,
    /// The actor who acts; `None` when the sentence does not say (an agentless
    /// passive such as "was killed in an air strike").
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    /// CAMEO event code, e.g. "195".
    pub cameo: String,
    /// CAMEO code name, e.g. "Employ aerial weapons".
    pub cameo_name: String,
    /// PLOVER event type, e.g. "ASSAULT".
    pub plover: String,
    /// PLOVER mode (e.g. "visit", "violence"), if any.
    pub mode: Option<String>,
    pub goldstein: f32,
    /// CAMEO quad class: 1 verbal cooperation, 2 material cooperation,
    /// 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub location: Option<EventLocation>,
    /// The evidence sentence text.
    pub evidence: String,
    /// Span of the evidence sentence in the article text.
    pub evidence_span: Span,
    /// If the event was reported inside a quotation: the speaker's text.
    pub quote_speaker: Option<String>,
    /// PLOVER auxiliary mode when the event is not asserted as having happened:
    /// `negated`, `hypothetical`, `future`, `historical` or `alleged`. `None` for
    /// asserted events (the only ones written unless asked for).
    pub modality: Option<String>,
    /// In reported speech ("X said Y attacked Z"): who reported it (X, as written).
    pub reported_by: Option<String>,
    /// Every evidence sentence (0-based) after per-article merging; the first is
    /// [`Event::sentence`].
    pub sentences: Vec<usize>,
    /// 0–1, see docs/output.md for how it is computed.
    pub confidence: f32,
    pub why: Why,
}
