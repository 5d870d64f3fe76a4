//! Event writers.
//!
//! JSONL writes one nested JSON object per event (docs/output.md). CSV, TSV and
//! Parquet write the flat columns of [`COLUMNS`], in that order; their names are
//! stable (new columns are only ever appended).

use crate::IoError;
use arrow_array::builder::{
    Float32Builder, Float64Builder, StringBuilder, UInt32Builder, UInt64Builder, UInt8Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use flashpoint_model::{Article, Event, EventActor, SCHEMA_VERSION};
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::Write;
use std::sync::Arc;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Jsonl,
    Csv,
    Tsv,
    Parquet,
}

impl OutputFormat {
    /// Guesses the format from an output file name.
    pub fn from_path(path: &str) -> Option<OutputFormat> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Some(OutputFormat::Csv)
        } else if lower.ends_with(".tsv") || lower.ends_with(".tab") {
            Some(OutputFormat::Tsv)
        } else if lower.ends_with(".parquet") || lower.ends_with(".pq") {
            Some(OutputFormat::Parquet)
        } else if lower.ends_with(".jsonl")
            || lower.ends_with(".ndjson")
            || lower.ends_with(".json")
        {
            Some(OutputFormat::Jsonl)
        } else {
            None
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Csv => "csv",
            OutputFormat::Tsv => "tsv",
            OutputFormat::Parquet => "parquet",
        }
    }
}

/// Receives the events of each article, in input order.
pub trait EventSink: Send {
    fn write_article(&mut self, article: &Article, events: &[Event]) -> Result<(), IoError>;
    /// Flushes and closes the output (Parquet writes its footer here).
    fn finish(self: Box<Self>) -> Result<(), IoError>;
}

/// Creates a sink of `format` writing to `out`; `name` is used in error messages.
pub fn create_sink(
    format: OutputFormat,
    out: Box<dyn Write + Send>,
    name: &str,
) -> Result<Box<dyn EventSink>, IoError> {
    Ok(match format {
        OutputFormat::Jsonl => Box::new(JsonlSink {
            out,
            name: name.to_string(),
        }),
        OutputFormat::Csv | OutputFormat::Tsv => {
            let delim = if format == OutputFormat::Csv {
                b','
            } else {
                b'\t'
            };
            let mut w = csv::WriterBuilder::new().delimiter(delim).from_writer(out);
            w.write_record(COLUMNS.iter().map(|c| c.0))
                .map_err(|e| csv_err(name, e))?;
            Box::new(CsvSink {
                w,
                name: name.to_string(),
            })
        }
        OutputFormat::Parquet => Box::new(ParquetSink::new(out)?),
    })
}

fn csv_err(name: &str, e: csv::Error) -> IoError {
    IoError::Write {
        path: name.to_string(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// The `article_meta` object: title, source, url and unknown input fields.
pub fn article_meta(a: &Article) -> Map<String, Value> {
    let mut m = Map::new();
    for (k, v) in [("title", &a.title), ("source", &a.source), ("url", &a.url)] {
        if let Some(v) = v {
            m.insert(k.to_string(), Value::String(v.clone()));
        }
    }
    for (k, v) in &a.extra {
        m.insert(k.clone(), v.clone());
    }
    m
}

/// One JSONL output record (docs/output.md).
#[derive(Serialize)]
struct JsonRecord<'a> {
    schema_version: u32,
    #[serde(flatten)]
    event: &'a Event,
    #[serde(skip_serializing_if = "Map::is_empty")]
    article_meta: Map<String, Value>,
}

struct JsonlSink {
    out: Box<dyn Write + Send>,
    name: String,
}

impl EventSink for JsonlSink {
    fn write_article(&mut self, article: &Article, events: &[Event]) -> Result<(), IoError> {
        let meta = article_meta(article);
        for e in events {
            let rec = JsonRecord {
                schema_version: SCHEMA_VERSION,
                event: e,
                article_meta: meta.clone(),
            };
            let err = |source| IoError::Write {
                path: self.name.clone(),
                source,
            };
            serde_json::to_writer(&mut self.out, &rec)
                .map_err(|e| err(std::io::Error::other(e)))?;
            self.out.write_all(b"\n").map_err(err)?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), IoError> {
        self.out.flush().map_err(|source| IoError::Write {
            path: self.name.clone(),
            source,
        })
    }
}

/// Column types of the flat formats.
#[derive(Clone, Copy)]
pub enum Col {
    Str,
    U8,
    U32,
    U64,
    F32,
    F64,
}

/// The flat columns, in order. Names are stable.
pub const COLUMNS: &[(&str, Col)] = &[
    ("schema_version", Col::U32),
    ("article_id", Col::Str),
    ("sentence", Col::U64),
    ("date", Col::Str),
    ("date_precision", Col::Str),
    ("date_source", Col::Str),
    ("source_text", Col::Str),
    ("source_code", Col::Str),
    ("source_country", Col::Str),
    ("source_sector", Col::Str),
    ("source_start", Col::U64),
    ("source_end", Col::U64),
    ("target_text", Col::Str),
    ("target_code", Col::Str),
    ("target_country", Col::Str),
    ("target_sector", Col::Str),
    ("target_start", Col::U64),
    ("target_end", Col::U64),
    ("cameo", Col::Str),
    ("cameo_name", Col::Str),
    ("plover", Col::Str),
    ("mode", Col::Str),
    ("goldstein", Col::F32),
    ("quad_class", Col::U8),
    ("location_name", Col::Str),
    ("location_country", Col::Str),
    ("location_admin1", Col::Str),
    ("location_lat", Col::F64),
    ("location_lon", Col::F64),
    ("location_precision", Col::Str),
    ("evidence", Col::Str),
    ("evidence_start", Col::U64),
    ("evidence_end", Col::U64),
    ("quote_speaker", Col::Str),
    ("confidence", Col::F32),
    ("why_rule", Col::Str),
    ("why_trigger", Col::Str),
    ("why", Col::Str),
    ("article_meta", Col::Str),
    ("modality", Col::Str),
    ("reported_by", Col::Str),
    ("sentences", Col::Str),
];

/// A cell value of a flat row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Str(String),
    Int(u64),
    Float(f64),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Str(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => {
                let s = format!("{f:.6}");
                let s = s.trim_end_matches('0');
                s.strip_suffix('.').unwrap_or(s).to_string()
            }
        }
    }
}

fn opt_str(s: &Option<String>) -> Cell {
    s.as_ref().map_or(Cell::Null, |s| Cell::Str(s.clone()))
}

fn actor_cells(a: Option<&EventActor>) -> [Cell; 6] {
    match a {
        None => [
            Cell::Null,
            Cell::Null,
            Cell::Null,
            Cell::Null,
            Cell::Null,
            Cell::Null,
        ],
        Some(a) => [
            Cell::Str(a.text.clone()),
            Cell::Str(a.code.clone()),
            opt_str(&a.country),
            opt_str(&a.sector),
            Cell::Int(a.span.start as u64),
            Cell::Int(a.span.end as u64),
        ],
    }
}

/// The flat row of an event, matching [`COLUMNS`].
pub fn flat_row(e: &Event, meta: &Map<String, Value>) -> Vec<Cell> {
    let mut row = Vec::with_capacity(COLUMNS.len());
    row.push(Cell::Int(SCHEMA_VERSION as u64));
    row.push(Cell::Str(e.article_id.clone()));
    row.push(Cell::Int(e.sentence as u64));
    row.push(Cell::Str(e.date.to_string()));
    row.push(Cell::Str(
        serde_json::to_value(e.date_precision)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
    ));
    row.push(Cell::Str(
        serde_json::to_value(e.date_source)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
    ));
    row.extend(actor_cells(e.source.as_ref()));
    row.extend(actor_cells(e.target.as_ref()));
    row.push(Cell::Str(e.cameo.clone()));
    row.push(Cell::Str(e.cameo_name.clone()));
    row.push(Cell::Str(e.plover.clone()));
    row.push(opt_str(&e.mode));
    row.push(Cell::Float(e.goldstein as f64));
    row.push(Cell::Int(e.quad_class as u64));
    match &e.location {
        None => row.extend([
            Cell::Null,
            Cell::Null,
            Cell::Null,
            Cell::Null,
            Cell::Null,
            Cell::Null,
        ]),
        Some(l) => row.extend([
            Cell::Str(l.name.clone()),
            opt_str(&l.country),
            opt_str(&l.admin1),
            l.lat.map_or(Cell::Null, Cell::Float),
            l.lon.map_or(Cell::Null, Cell::Float),
            Cell::Str(l.precision.clone()),
        ]),
    }
    row.push(Cell::Str(e.evidence.clone()));
    row.push(Cell::Int(e.evidence_span.start as u64));
    row.push(Cell::Int(e.evidence_span.end as u64));
    row.push(opt_str(&e.quote_speaker));
    row.push(Cell::Float(e.confidence as f64));
    row.push(Cell::Str(e.why.rule.clone()));
    row.push(Cell::Str(e.why.trigger.clone()));
    row.push(Cell::Str(serde_json::to_string(&e.why).unwrap_or_default()));
    row.push(if meta.is_empty() {
        Cell::Null
    } else {
        Cell::Str(Value::Object(meta.clone()).to_string())
    });
    row.push(opt_str(&e.modality));
    row.push(opt_str(&e.reported_by));
    row.push(Cell::Str(
        e.sentences
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(";"),
    ));
    debug_assert_eq!(row.len(), COLUMNS.len());
    row
}

struct CsvSink {
    w: csv::Writer<Box<dyn Write + Send>>,
    name: String,
}

impl EventSink for CsvSink {
    fn write_article(&mut self, article: &Article, events: &[Event]) -> Result<(), IoError> {
        let meta = article_meta(article);
        for e in events {
            let row = flat_row(e, &meta);
            self.w
                .write_record(row.iter().map(Cell::text))
                .map_err(|e| csv_err(&self.name, e))?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), IoError> {
        self.w.flush().map_err(|source| IoError::Write {
            path: self.name.clone(),
            source,
        })
    }
}

/// Parquet: rows are buffered and written as record batches of `BATCH` rows.
struct ParquetSink {
    writer: parquet::arrow::ArrowWriter<Box<dyn Write + Send>>,
    schema: Arc<Schema>,
    rows: Vec<Vec<Cell>>,
}

const BATCH: usize = 8192;

fn arrow_type(c: Col) -> DataType {
    match c {
        Col::Str => DataType::Utf8,
        Col::U8 => DataType::UInt8,
        Col::U32 => DataType::UInt32,
        Col::U64 => DataType::UInt64,
        Col::F32 => DataType::Float32,
        Col::F64 => DataType::Float64,
    }
}

/// The Arrow schema of the flat columns.
pub fn arrow_schema() -> Schema {
    Schema::new(
        COLUMNS
            .iter()
            .map(|(n, c)| Field::new(*n, arrow_type(*c), true))
            .collect::<Vec<_>>(),
    )
}

fn pq_err(e: impl std::fmt::Display) -> IoError {
    IoError::Encode {
        format: "parquet",
        message: e.to_string(),
    }
}

/// Builds an Arrow array of a numeric column from the cells of `variant`, nulls elsewhere.
macro_rules! numeric {
    ($cells:expr, $builder:ident, $variant:ident, $conv:expr) => {{
        let mut b = $builder::new();
        for c in $cells {
            b.append_option(if let Cell::$variant(x) = c {
                Some($conv(*x))
            } else {
                None
            });
        }
        Arc::new(b.finish()) as ArrayRef
    }};
}

impl ParquetSink {
    fn new(out: Box<dyn Write + Send>) -> Result<Self, IoError> {
        let schema = Arc::new(arrow_schema());
        let writer =
            parquet::arrow::ArrowWriter::try_new(out, schema.clone(), None).map_err(pq_err)?;
        Ok(ParquetSink {
            writer,
            schema,
            rows: Vec::new(),
        })
    }

    fn flush_rows(&mut self) -> Result<(), IoError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(COLUMNS.len());
        for (i, (_, col)) in COLUMNS.iter().enumerate() {
            let cells = self.rows.iter().map(|r| &r[i]);
            let arr: ArrayRef = match col {
                Col::Str => {
                    let mut b = StringBuilder::new();
                    for c in cells {
                        match c {
                            Cell::Str(s) => b.append_value(s),
                            _ => b.append_null(),
                        }
                    }
                    Arc::new(b.finish())
                }
                Col::U8 => numeric!(cells, UInt8Builder, Int, |i: u64| i as u8),
                Col::U32 => numeric!(cells, UInt32Builder, Int, |i: u64| i as u32),
                Col::U64 => numeric!(cells, UInt64Builder, Int, |i: u64| i),
                Col::F32 => numeric!(cells, Float32Builder, Float, |f: f64| f as f32),
                Col::F64 => numeric!(cells, Float64Builder, Float, |f: f64| f),
            };
            arrays.push(arr);
        }
        let batch = RecordBatch::try_new(self.schema.clone(), arrays).map_err(pq_err)?;
        self.writer.write(&batch).map_err(pq_err)?;
        self.rows.clear();
        Ok(())
    }
}

impl EventSink for ParquetSink {
    fn write_article(&mut self, article: &Article, events: &[Event]) -> Result<(), IoError> {
        let meta = article_meta(article);
        for e in events {
            self.rows.push(flat_row(e, &meta));
        }
        if self.rows.len() >= BATCH {
            self.flush_rows()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), IoError> {
        self.flush_rows()?;
        let mut out = self.writer.into_inner().map_err(pq_err)?;
        out.flush().map_err(pq_err)
    }
}
