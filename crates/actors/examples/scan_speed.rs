//! Measures the recognizer's dictionary scan on generated news-like text:
//! `cargo run --release -p flashpoint-actors --example scan_speed [-- MB]`.
//! Tokenisation (`Document::analyze`) is timed separately: it belongs to the text layer.
use chrono::NaiveDate;
use flashpoint_actors::{KnowledgeBase, Recognizer};
use flashpoint_text::Document;

/// Ordinary words (most of a news text) and actor words (about one word in twelve, so
/// a mention every 60-80 bytes, denser than wire news).
const WORDS: &[&str] = &[
    "the",
    "said",
    "on",
    "Tuesday",
    "in",
    "a",
    "statement",
    "after",
    "talks",
    "with",
    "and",
    "village",
    "near",
    "border",
    "called",
    "for",
    "calm",
    "economy",
    "prices",
    "rose",
    "percent",
    "market",
    "attacked",
    "arrested",
    "of",
    "to",
    "was",
    "that",
    "by",
    "from",
    "week",
    "year",
    "new",
    "plan",
    "would",
    "not",
    "it",
    "has",
    "been",
    "its",
    "at",
    "an",
    "Monday",
    "people",
    "killed",
    "least",
    "two",
    "city",
    "north",
    "south",
    "oil",
    "deal",
];
const ACTORS: &[&str] = &[
    "officials",
    "Iranian foreign minister",
    "troops",
    "rebels",
    "United Nations",
    "Russia",
    "Ukraine",
    "police",
    "protesters",
    "Prime Minister",
    "government forces",
    "Hamas",
    "Israel",
    "Pentagon spokesman",
    "Biden",
    "the Kremlin",
    "EU",
    "Houthi rebels",
];

fn main() {
    let mb: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(8.0);
    // Deterministic pseudo-random text: sentences of 12-30 words.
    let mut x: u64 = 0x9e3779b97f4a7c15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut text = String::new();
    while (text.len() as f64) < mb * 1e6 {
        let n = 12 + next() % 19;
        for i in 0..n {
            if i > 0 {
                text.push(' ');
            }
            let r = next();
            if r % 12 == 0 {
                text.push_str(ACTORS[((r >> 8) % ACTORS.len() as u64) as usize]);
            } else {
                text.push_str(WORDS[((r >> 8) % WORDS.len() as u64) as usize]);
            }
        }
        text.push_str(". ");
    }
    let t = std::time::Instant::now();
    let kb = KnowledgeBase::bundled();
    let rec = Recognizer::new(kb);
    let load = t.elapsed();
    let t = std::time::Instant::now();
    let doc = Document::analyze(&text);
    let tok = t.elapsed();
    let date = NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for s in 0..doc.sentences.len() {
        n += rec.find(&doc, s, date).len();
    }
    let scan = t.elapsed();
    let mbs = |d: std::time::Duration| text.len() as f64 / 1e6 / d.as_secs_f64();
    println!(
        "{:.1} MB, {} sentences: KB + recognizer load {load:?}; tokenise {tok:?} ({:.1} MB/s); actor scan {scan:?} ({:.1} MB/s, one core), {n} mentions",
        text.len() as f64 / 1e6,
        doc.sentences.len(),
        mbs(tok),
        mbs(scan)
    );
}
