//! The dependency-pattern coder: pattern files (docs/patterns.md) are parsed
//! ([`parse`]), compiled to word ids and matching steps ([`compile`]), matched against
//! a parsed sentence ([`matcher`]), and turned into events with actors, mood and an
//! explanation ([`coder`]).
pub mod coder;
pub mod compile;
pub mod matcher;
pub mod parse;

pub use coder::{CoderOptions, PatternCoder};
pub use parse::PatternError;
