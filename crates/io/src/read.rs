//! Input readers.
//!
//! [`Inputs`] walks the given paths (directories recursively, in sorted order so runs
//! are deterministic) and yields one [`Record`] per input record: an article or a
//! reject. Formats are chosen by extension (`.jsonl`/`.ndjson`/`.json`, `.csv`,
//! `.txt`/`.text`; a trailing `.gz` is decompressed), and by sniffing the content
//! for stdin and unknown extensions.

use crate::dates::parse_date;
use crate::reject::Reject;
use crate::IoError;
use flashpoint_model::{Article, RecordOrigin};
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// An input record: an article ready for processing, or a reject.
#[derive(Debug)]
pub enum Record {
    Article(Box<Article>),
    Reject(Reject),
}

/// Input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON object per line: `id`, `date`, `text` required.
    Jsonl,
    /// CSV with a header row containing `id`, `date`, `text`.
    Csv,
    /// Plain text: each article starts with a line `date YYYY-MM-DD` (the text may
    /// follow on the same line).
    Text,
}

/// Reader settings.
#[derive(Clone, Debug)]
pub struct ReaderConfig {
    /// Articles whose text is longer than this (bytes) are rejected.
    pub max_article_bytes: usize,
    /// Force a format instead of choosing by extension/content.
    pub format: Option<InputFormat>,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        ReaderConfig {
            max_article_bytes: 10 * 1024 * 1024,
            format: None,
        }
    }
}

/// The stream of records from all inputs, in order.
pub struct Inputs {
    files: VecDeque<PathBuf>,
    current: Option<Box<dyn Iterator<Item = Record> + Send>>,
    config: ReaderConfig,
}

impl Inputs {
    /// Expands `paths` (`-` = stdin; directories recursively, sorted). A path that
    /// does not exist is an error: nothing would be read from it at all.
    pub fn open(paths: &[PathBuf], config: ReaderConfig) -> Result<Inputs, IoError> {
        let mut files = VecDeque::new();
        for p in paths {
            if p.as_os_str() == "-" {
                files.push_back(p.clone());
                continue;
            }
            let meta = std::fs::metadata(p).map_err(|e| IoError::Open {
                path: p.clone(),
                source: e,
            })?;
            if meta.is_dir() {
                let mut found = Vec::new();
                walk(p, &mut found).map_err(|e| IoError::Open {
                    path: p.clone(),
                    source: e,
                })?;
                found.sort();
                files.extend(found);
            } else {
                files.push_back(p.clone());
            }
        }
        Ok(Inputs {
            files,
            current: None,
            config,
        })
    }

    /// Total size in bytes of the (on-disk) inputs, for progress reporting.
    pub fn total_bytes(&self) -> u64 {
        self.files
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum()
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue; // hidden files and folders
        }
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

impl Iterator for Inputs {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(cur) = &mut self.current {
                if let Some(r) = cur.next() {
                    return Some(r);
                }
                self.current = None;
            }
            let path = self.files.pop_front()?;
            self.current = Some(open_file(&path, &self.config));
        }
    }
}

/// Format from the file name (ignoring a trailing `.gz`).
pub fn format_from_name(name: &str) -> Option<InputFormat> {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = base.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "jsonl" | "ndjson" | "json" | "jsonlines" => Some(InputFormat::Jsonl),
        "csv" => Some(InputFormat::Csv),
        "txt" | "text" => Some(InputFormat::Text),
        _ => None,
    }
}

fn sniff(head: &[u8]) -> InputFormat {
    let trimmed = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&head[..0], |i| &head[i..]);
    if trimmed.starts_with(b"{") {
        InputFormat::Jsonl
    } else if trimmed.len() >= 5 && trimmed[..5].eq_ignore_ascii_case(b"date ") {
        InputFormat::Text
    } else {
        InputFormat::Csv
    }
}

fn one(r: Record) -> Box<dyn Iterator<Item = Record> + Send> {
    Box::new(std::iter::once(r))
}

fn open_file(path: &Path, config: &ReaderConfig) -> Box<dyn Iterator<Item = Record> + Send> {
    let name = path.display().to_string();
    let is_stdin = path.as_os_str() == "-";
    let raw: Box<dyn Read + Send> = if is_stdin {
        Box::new(std::io::stdin())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                return one(Record::Reject(Reject::new(
                    &name,
                    0,
                    format!("cannot open file: {e}; check permissions"),
                    b"",
                )))
            }
        }
    };
    let mut reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, raw));
    // gzip: by magic number, whatever the name.
    let is_gz = matches!(reader.fill_buf(), Ok(b) if b.starts_with(&[0x1f, 0x8b]));
    if is_gz {
        reader = Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(reader),
        ));
    }
    let head = match reader.fill_buf() {
        Ok(b) => b.to_vec(),
        Err(e) => {
            return one(Record::Reject(Reject::new(
                &name,
                0,
                format!(
                    "cannot read file: {e}{}",
                    if is_gz { " (corrupt gzip data?)" } else { "" }
                ),
                b"",
            )))
        }
    };
    if head.iter().all(|b| b.is_ascii_whitespace()) {
        return one(Record::Reject(Reject::new(
            &name,
            0,
            "empty input: the file has no records; check that the right file was given",
            b"",
        )));
    }
    let sample = &head[..head.len().min(8192)];
    if sample.contains(&0) {
        let mut raw = sample.to_vec();
        raw.truncate(1024);
        return one(Record::Reject(Reject::new(
            &name,
            0,
            "binary file: contains NUL bytes; flashpoint reads UTF-8 text (JSONL, CSV, plain text, optionally gzip-compressed)",
            &raw,
        )));
    }
    let format = config
        .format
        .or_else(|| {
            if is_stdin {
                None
            } else {
                format_from_name(&name)
            }
        })
        .unwrap_or_else(|| sniff(&head));
    let max = config.max_article_bytes;
    match format {
        InputFormat::Jsonl => Box::new(JsonlReader {
            name,
            reader,
            line: 0,
            max,
        }),
        InputFormat::Csv => csv_records(name, reader, max),
        InputFormat::Text => text_records(name, path, reader, max),
    }
}

/// Checks the article text; returns a reason if it must be rejected.
fn check_text(text: &str, max: usize) -> Option<String> {
    if text.trim().is_empty() {
        return Some("empty text: the record has no article text".into());
    }
    if text.len() > max {
        return Some(format!(
            "article too large: {} bytes, the limit is {} bytes (raise it with --max-article-bytes)",
            text.len(),
            max
        ));
    }
    None
}

struct JsonlReader {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: u64,
    max: usize,
}

impl Iterator for JsonlReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let mut buf = Vec::new();
        loop {
            buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // A corrupt gzip stream or an I/O error: report and stop this file.
                    let r = Reject::new(
                        &self.name,
                        self.line,
                        format!("read error: {e}; the rest of this file was not read"),
                        &buf,
                    );
                    self.reader = Box::new(std::io::empty());
                    return Some(Record::Reject(r));
                }
            }
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some(self.record(&buf));
        }
    }
}

impl JsonlReader {
    fn record(&self, buf: &[u8]) -> Record {
        let reject =
            |reason: String| Record::Reject(Reject::new(&self.name, self.line, reason, buf));
        let Ok(line) = std::str::from_utf8(buf) else {
            let at = std::str::from_utf8(buf).unwrap_err().valid_up_to();
            return reject(format!(
                "invalid UTF-8 at byte {at} of the line; re-encode the file as UTF-8"
            ));
        };
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                return reject(format!(
                    "invalid JSON: {e}; each line must be one complete JSON object"
                ))
            }
        };
        let Value::Object(obj) = value else {
            return reject(
                "not a JSON object: each line must be an object with id, date and text".into(),
            );
        };
        match article_from_fields(obj, self.max) {
            Ok(mut a) => {
                a.origin = RecordOrigin {
                    file: self.name.clone(),
                    record: self.line,
                };
                Record::Article(Box::new(a))
            }
            Err(reason) => reject(reason),
        }
    }
}

fn field_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Builds an article from named fields (JSONL object or CSV row).
fn article_from_fields(mut obj: Map<String, Value>, max: usize) -> Result<Article, String> {
    let id = match obj.remove("id") {
        None | Some(Value::Null) => return Err("missing required field `id`".into()),
        Some(v) => field_string(&v).ok_or("field `id` must be a string or a number")?,
    };
    if id.trim().is_empty() {
        return Err("field `id` is empty".into());
    }
    let date = match obj.remove("date") {
        None | Some(Value::Null) => {
            return Err("missing required field `date` (e.g. \"2020-01-03\")".into())
        }
        Some(v) => {
            let s = field_string(&v).ok_or("field `date` must be a string")?;
            parse_date(&s).ok_or_else(|| {
                format!("unparseable date {s:?}: use YYYY-MM-DD, an ISO datetime, YYYYMMDD, RFC 2822 or DD-MON-YYYY hh:mm:ss")
            })?
        }
    };
    let text = match obj.remove("text") {
        None | Some(Value::Null) => return Err("missing required field `text`".into()),
        Some(Value::String(s)) => s,
        Some(_) => return Err("field `text` must be a string".into()),
    };
    if let Some(reason) = check_text(&text, max) {
        return Err(reason);
    }
    let mut opt = |k: &str| obj.remove(k).and_then(|v| field_string(&v));
    let title = opt("title");
    let source = opt("source");
    let url = opt("url");
    Ok(Article {
        id,
        date,
        text,
        title,
        source,
        url,
        extra: obj,
        origin: RecordOrigin::default(),
    })
}

fn csv_records(
    name: String,
    reader: Box<dyn BufRead + Send>,
    max: usize,
) -> Box<dyn Iterator<Item = Record> + Send> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let headers = match rdr.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return one(Record::Reject(Reject::new(
                &name,
                1,
                format!("cannot read CSV header: {e}"),
                b"",
            )))
        }
    };
    let headers: Vec<String> = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_ascii_lowercase())
        .collect();
    for required in ["id", "date", "text"] {
        if !headers.iter().any(|h| h == required) {
            let raw = headers.join(",");
            return one(Record::Reject(Reject::new(
                &name,
                1,
                format!("CSV header has no `{required}` column (found: {raw}); the header must name id, date and text"),
                raw.as_bytes(),
            )));
        }
    }
    let mut record = csv::ByteRecord::new();
    let mut done = false;
    Box::new(std::iter::from_fn(move || {
        if done {
            return None;
        }
        match rdr.read_byte_record(&mut record) {
            Ok(false) => {
                done = true;
                None
            }
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line());
                let raw = record
                    .iter()
                    .map(|f| f.to_vec())
                    .collect::<Vec<_>>()
                    .join(&b","[..]);
                if record.len() != headers.len() {
                    return Some(Record::Reject(Reject::new(
                        &name,
                        line,
                        format!(
                            "CSV record has {} fields but the header has {}",
                            record.len(),
                            headers.len()
                        ),
                        &raw,
                    )));
                }
                let mut obj = Map::new();
                for (h, f) in headers.iter().zip(record.iter()) {
                    match std::str::from_utf8(f) {
                        Ok(s) => {
                            obj.insert(h.clone(), Value::String(s.to_string()));
                        }
                        Err(e) => {
                            return Some(Record::Reject(Reject::new(
                                &name,
                                line,
                                format!("invalid UTF-8 in column `{h}` at byte {}; re-encode the file as UTF-8", e.valid_up_to()),
                                &raw,
                            )))
                        }
                    }
                }
                Some(match article_from_fields(obj, max) {
                    Ok(mut a) => {
                        a.origin = RecordOrigin {
                            file: name.clone(),
                            record: line,
                        };
                        Record::Article(Box::new(a))
                    }
                    Err(reason) => Record::Reject(Reject::new(&name, line, reason, &raw)),
                })
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                // A CSV syntax error: report it and stop this file (the parser cannot resync safely).
                done = true;
                Some(Record::Reject(Reject::new(
                    &name,
                    line,
                    format!("CSV error: {e}; the rest of this file was not read"),
                    b"",
                )))
            }
        }
    }))
}

/// Plain text: `date YYYY-MM-DD` lines start articles; the text runs to the next such line.
fn text_records(
    name: String,
    path: &Path,
    mut reader: Box<dyn BufRead + Send>,
    max: usize,
) -> Box<dyn Iterator<Item = Record> + Send> {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return one(Record::Reject(Reject::new(
            &name,
            0,
            format!("read error: {e}"),
            &bytes,
        )));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            return one(Record::Reject(Reject::new(
                &name,
                line as u64,
                format!("invalid UTF-8 at byte {at} (line {line}); re-encode the file as UTF-8"),
                e.as_bytes(),
            )));
        }
    };
    let stem = path
        .file_name()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "stdin".into());
    let stem = stem.strip_suffix(".gz").unwrap_or(&stem).to_string();
    let stem = stem
        .rsplit_once('.')
        .map_or(stem.clone(), |(s, _)| s.to_string());
    let stem = if stem == "-" {
        "stdin".to_string()
    } else {
        stem
    };

    // Find article starts: (line number, byte offset of "date", date, byte offset of text).
    let mut starts: Vec<(u64, usize, Option<chrono::NaiveDate>, usize)> = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let lead = line.len() - line.trim_start().len();
        let rest = &line[lead..];
        if rest.len() >= 5 && rest[..5].eq_ignore_ascii_case("date ") {
            let after = rest[5..].trim_start();
            let token_end = after.find(char::is_whitespace).unwrap_or(after.len());
            let token = &after[..token_end];
            let date = parse_date(token);
            if date.is_some() || starts.is_empty() {
                let text_start = offset + lead + 5 + (rest[5..].len() - after.len()) + token_end;
                starts.push((i as u64 + 1, offset + lead, date, text_start));
            }
        }
        offset += line.len();
    }
    let mut out = Vec::new();
    if starts.is_empty() || !text[..starts[0].1].trim().is_empty() {
        // Text before the first date line (or no date line at all).
        let end = starts.first().map_or(text.len(), |s| s.1);
        let raw = &text[..end];
        out.push(Record::Reject(Reject::new(
            &name,
            1,
            "plain-text article without a date: start it with a line `date YYYY-MM-DD`",
            raw.as_bytes(),
        )));
    }
    let many = starts.len() > 1;
    for (k, &(line, start, date, text_start)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |s| s.1);
        let raw = &text[start..end];
        let body = text[text_start.min(end)..end].trim();
        let Some(date) = date else {
            out.push(Record::Reject(Reject::new(
                &name,
                line,
                "unparseable date after `date`: use `date YYYY-MM-DD` (or another accepted date format without spaces)",
                raw.as_bytes(),
            )));
            continue;
        };
        if let Some(reason) = check_text(body, max) {
            out.push(Record::Reject(Reject::new(
                &name,
                line,
                reason,
                raw.as_bytes(),
            )));
            continue;
        }
        let id = if many {
            format!("{stem}#{}", k + 1)
        } else {
            stem.clone()
        };
        let mut a = Article::new(id, date, body.to_string());
        a.origin = RecordOrigin {
            file: name.clone(),
            record: line,
        };
        out.push(Record::Article(Box::new(a)));
    }
    Box::new(out.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn read_str(name: &str, content: &[u8]) -> Vec<Record> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(name);
        std::fs::File::create(&p)
            .unwrap()
            .write_all(content)
            .unwrap();
        Inputs::open(&[p], ReaderConfig::default())
            .unwrap()
            .collect()
    }

    fn summary(records: &[Record]) -> Vec<String> {
        records
            .iter()
            .map(|r| match r {
                Record::Article(a) => format!("A {} {} {:?}", a.id, a.date, a.text),
                Record::Reject(r) => {
                    format!("R {} {}", r.record, r.reason.split(':').next().unwrap())
                }
            })
            .collect()
    }

    #[test]
    fn jsonl() {
        let recs = read_str(
            "a.jsonl",
            b"{\"id\":\"a1\",\"date\":\"2020-01-03\",\"text\":\"Hello.\",\"lang\":\"en\"}\n\n{\"id\":2,\"date\":\"20200104\",\"text\":\"Hi.\"}\n{\"id\":\"x\",\"date\":\"2020-01-0\n{\"id\":\"y\",\"text\":\"t\"}\n{\"id\":\"z\",\"date\":\"soon\",\"text\":\"t\"}\n[1]\n",
        );
        assert_eq!(
            summary(&recs),
            vec![
                "A a1 2020-01-03 \"Hello.\"",
                "A 2 2020-01-04 \"Hi.\"",
                "R 4 invalid JSON",
                "R 5 missing required field `date` (e.g. \"2020-01-03\")",
                "R 6 unparseable date \"soon\"",
                "R 7 not a JSON object",
            ]
        );
        let Record::Article(a) = &recs[0] else {
            panic!()
        };
        assert_eq!(a.extra.get("lang"), Some(&Value::String("en".into())));
    }

    #[test]
    fn csv_and_text() {
        let recs = read_str(
            "a.csv",
            b"id,date,text,title\n1,2020-01-03,\"Hello, world.\",T\n2,bad,x,T\n3,2020-01-03\n",
        );
        assert_eq!(
            summary(&recs),
            vec![
                "A 1 2020-01-03 \"Hello, world.\"",
                "R 3 unparseable date \"bad\"",
                "R 4 CSV record has 2 fields but the header has 4"
            ]
        );
        let recs = read_str(
            "art.txt",
            b"  date 2020-01-03 The minister said.\nMore text.\n date 2020-01-04\nSecond.\n",
        );
        assert_eq!(
            summary(&recs),
            vec![
                "A art#1 2020-01-03 \"The minister said.\\nMore text.\"",
                "A art#2 2020-01-04 \"Second.\""
            ]
        );
        let recs = read_str("b.txt", b"no date here\n");
        assert_eq!(
            summary(&recs),
            vec!["R 1 plain-text article without a date"]
        );
    }

    #[test]
    fn gzip_empty_binary_utf8() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"id\":\"g\",\"date\":\"2020-01-03\",\"text\":\"Zipped.\"}\n")
            .unwrap();
        let recs = read_str("a.jsonl.gz", &gz.finish().unwrap());
        assert_eq!(summary(&recs), vec!["A g 2020-01-03 \"Zipped.\""]);
        assert_eq!(summary(&read_str("e.jsonl", b"")), vec!["R 0 empty input"]);
        assert_eq!(
            summary(&read_str("b.bin", b"\x00\x01\x02abc")),
            vec!["R 0 binary file"]
        );
        let recs = read_str(
            "u.jsonl",
            b"{\"id\":\"u\",\"date\":\"2020-01-03\",\"text\":\"caf\xe9\"}\n",
        );
        assert_eq!(
            summary(&recs),
            vec!["R 1 invalid UTF-8 at byte 41 of the line; re-encode the file as UTF-8"]
        );
        let Record::Reject(r) = &recs[0] else {
            panic!()
        };
        assert!(r.raw.is_none() && r.raw_base64.is_some());
    }
}
