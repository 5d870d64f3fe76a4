use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

/// Where a record came from: the input file (or `-` for stdin) and the 1-based
/// record number (line number for JSONL and text, record line for CSV).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RecordOrigin {
    pub file: String,
    pub record: u64,
}

impl std::fmt::Display for RecordOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.record)
    }
}

/// One dated news article, as read from the input.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    pub id: String,
    /// The article (publication) date: the anchor for relative dates.
    pub date: NaiveDate,
    /// The article text exactly as given (valid UTF-8). All spans index this string.
    pub text: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Input fields flashpoint does not know, carried through to the output unchanged.
    pub extra: Map<String, Value>,
    #[serde(skip)]
    pub origin: RecordOrigin,
}

impl Article {
    /// A minimal article (used by `explain`, tests and library users).
    pub fn new(id: impl Into<String>, date: NaiveDate, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            date,
            text: text.into(),
            title: None,
            source: None,
            url: None,
            extra: Map::new(),
            origin: RecordOrigin::default(),
        }
    }
}
