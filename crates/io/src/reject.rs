//! Rejected records: why, where, and the raw record, written as JSONL.

use base64::Engine as _;
use serde::Serialize;
use std::io::Write;

/// A record that could not be turned into an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reject {
    /// Input file (`-` for stdin).
    pub file: String,
    /// 1-based record number (line for JSONL/text, record for CSV; 0 = the whole file).
    pub record: u64,
    /// What is wrong and what to do about it.
    pub reason: String,
    /// The raw record as text, if it was valid UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    /// The raw record base64-encoded, if it was not valid UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_base64: Option<String>,
}

impl Reject {
    /// Builds a reject keeping `raw` bytes (as text when valid UTF-8, else base64).
    pub fn new(file: &str, record: u64, reason: impl Into<String>, raw: &[u8]) -> Reject {
        let (raw, raw_base64) = match std::str::from_utf8(raw) {
            Ok(s) => (Some(s.to_string()), None),
            Err(_) => (
                None,
                Some(base64::engine::general_purpose::STANDARD.encode(raw)),
            ),
        };
        Reject {
            file: file.to_string(),
            record,
            reason: reason.into(),
            raw,
            raw_base64,
        }
    }
}

impl std::fmt::Display for Reject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.record, self.reason)
    }
}

/// Writes rejects as JSON lines.
pub struct RejectWriter<W: Write> {
    out: W,
}

impl<W: Write> RejectWriter<W> {
    pub fn new(out: W) -> Self {
        RejectWriter { out }
    }

    pub fn write(&mut self, r: &Reject) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.out, r)?;
        self.out.write_all(b"\n")
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
