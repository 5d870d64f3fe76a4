//! Who is who: the actor knowledge base and actor recognition.
//!
//! * [`config`]: the human-editable TOML format (docs/actors.md).
//! * [`KnowledgeBase`]: the runtime form, built and validated by [`KbBuilder`]; the
//!   default one is embedded in the binary ([`KnowledgeBase::bundled`]).
//! * [`Recognizer`]: finds actor mentions in tokenised sentences — longest match over
//!   normalised tokens (Aho-Corasick, leftmost-longest), then composition
//!   (country adjective + role + name), with dated roles resolved against the article date.
//!
//! # Invariants
//! * Mention spans index the original article text.
//! * Recognition never panics on any text.

pub mod config;
pub mod coref;
pub mod eval;
mod kb;
mod normalize;
pub mod petrarch;
mod recognize;

pub use kb::{
    Agent, DateBound, Entry, EntryKind, KbBuilder, KnowledgeBase, Problem, Role, SECTORS,
};
pub use normalize::{fold_key, norm_token};
pub use recognize::{Mention, MentionPart, Recognizer};

/// Errors loading a knowledge base.
#[derive(Debug, thiserror::Error)]
pub enum ActorsError {
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: cannot read: {source}")]
    Read {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{} problem(s) in the knowledge base; first: {}", .0.len(), .0.first().map(|p| p.to_string()).unwrap_or_default())]
    Invalid(Vec<Problem>),
}
