//! Readers and writers: articles in, events and rejects out.
//!
//! * [`read`]: JSONL, CSV, plain-text (`date YYYY-MM-DD` headed) files and directories,
//!   stdin, `.gz` transparently. Every input record becomes either an
//!   [`Article`](flashpoint_model::Article) or a [`Reject`]: nothing is dropped silently,
//!   so *records in = articles + rejects* always holds.
//! * [`write`]: event sinks for JSONL, CSV, TSV and Parquet, all built from the same
//!   flat column list ([`write::COLUMNS`]) so the formats never drift apart.
//! * [`dates`]: the article-date formats accepted by the readers.

pub mod dates;
pub mod read;
pub mod reject;
pub mod write;

pub use read::{InputFormat, Inputs, ReaderConfig, Record};
pub use reject::{Reject, RejectWriter};
pub use write::{EventSink, OutputFormat};

use std::path::PathBuf;

/// Errors of the io crate. Data problems in individual records are never errors:
/// they become [`Reject`]s. These are problems with whole inputs or outputs.
#[derive(Debug, thiserror::Error)]
pub enum IoError {
    #[error("{path}: cannot open input: {source}. Check that the path exists and is readable.")]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: cannot write output: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot encode {format} output: {message}")]
    Encode {
        format: &'static str,
        message: String,
    },
}
