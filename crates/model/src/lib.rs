//! Core data types of flashpoint: articles, spans, actors, events.
//!
//! This crate has no I/O and no processing logic. Every other crate speaks in these
//! types, so they are kept small, serialisable and documented field by field.
//!
//! # Invariants
//! * A [`Span`] is a half-open byte range `[start, end)` into the **original** article
//!   text as the user gave it (after UTF-8 validation, before any normalisation), with
//!   `start <= end` and both ends on `char` boundaries. Constructors enforce `start <= end`.
//! * An [`Event`] always carries both codings: CAMEO (`cameo`) and PLOVER (`plover`).

mod article;
mod event;
mod span;

pub use article::{Article, RecordOrigin};
pub use event::{DatePrecision, DateSource, Event, EventActor, EventLocation, Why, SCHEMA_VERSION};
pub use span::Span;
