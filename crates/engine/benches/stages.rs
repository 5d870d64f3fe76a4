//! Per-stage micro-benchmarks on the bundled example articles (text we wrote):
//! `cargo bench -p flashpoint-engine --bench stages`. Each stage runs on the output of
//! the previous ones, prepared outside the timed loop, so the figures add up to the
//! pipeline's cost per article (docs/benchmarks.md).
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use flashpoint_actors::{KnowledgeBase, Recognizer};
use flashpoint_coding::{Coder, PatternCoder, SentenceContext};
use flashpoint_engine::Engine;
use flashpoint_model::Article;
use flashpoint_syntax::SyntaxModel;
use flashpoint_text::Document;

fn text() -> String {
    let raw = include_str!("../../../examples/baghdad-strike.txt");
    let body = raw
        .trim_start()
        .strip_prefix("date 2020-01-03")
        .unwrap_or(raw);
    // A few more sentences in wire style, so every stage has work.
    format!(
        "{body}\nRussian forces shelled the Ukrainian city of Kharkiv on Friday. Germany condemned \
         Russia and summoned its ambassador. Nigerian troops killed 20 Boko Haram fighters near \
         Maiduguri, the army said. The United States and Britain imposed new sanctions on Iran. \
         Egypt and Qatar held talks in Cairo on a ceasefire in Gaza."
    )
}

fn stages(c: &mut Criterion) {
    let text = text();
    let date = NaiveDate::from_ymd_opt(2020, 1, 3).unwrap();
    let kb = KnowledgeBase::bundled();
    let recognizer = Recognizer::new(kb);
    let model = SyntaxModel::try_bundled().expect("bundled syntax model");
    let coder = PatternCoder::bundled();
    let gaz = flashpoint_geo::Gazetteer::bundled();
    let doc = Document::analyze(&text);
    let n = doc.sentences.len();
    let words: Vec<Vec<&str>> = doc
        .sentences
        .iter()
        .map(|s| s.tokens.clone().map(|k| doc.token_text(k)).collect())
        .collect();
    let mentions: Vec<_> = (0..n).map(|s| recognizer.find(&doc, s, date)).collect();
    let parses: Vec<_> = words.iter().map(|w| model.analyze(w)).collect();
    let engine = Engine::builder().build().unwrap();
    let article = Article::new("bench", date, text.clone());
    let events = engine.process(&article).events;

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("text: boilerplate, tokens, sentences, quotes", |b| {
        b.iter(|| Document::analyze(&text))
    });
    g.bench_function("actors: recognition", |b| {
        b.iter(|| {
            (0..n)
                .map(|s| recognizer.find(&doc, s, date).len())
                .sum::<usize>()
        })
    });
    g.bench_function("syntax: tag + lemma + parse", |b| {
        b.iter(|| {
            words
                .iter()
                .map(|w| model.analyze(w).tokens.len())
                .sum::<usize>()
        })
    });
    g.bench_function("coding: prefilter + patterns", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for s in 0..n {
                let ctx = SentenceContext {
                    article_id: "bench",
                    date,
                    doc: &doc,
                    sentence: s,
                    mentions: &mentions[s],
                    parse: Some(&parses[s]),
                };
                if coder.wants_sentence(&ctx) {
                    coder.code_sentence(&ctx, &mut out, None);
                }
            }
            out.len()
        })
    });
    g.bench_function("places + dates", |b| {
        let ctx = flashpoint_geo::PlaceContext::default();
        b.iter(|| {
            flashpoint_geo::find_places(gaz, &text, &ctx).len()
                + flashpoint_geo::find_dates(&text, date).len()
        })
    });
    g.bench_function("write: JSONL", |b| {
        b.iter(|| {
            let mut sink = flashpoint_io::write::create_sink(
                flashpoint_io::write::OutputFormat::Jsonl,
                Box::new(std::io::sink()),
                "bench",
            )
            .unwrap();
            sink.write_article(&article, &events).unwrap();
            sink.finish().unwrap();
        })
    });
    g.bench_function("end to end: Engine::process", |b| {
        b.iter(|| engine.process(&article).events.len())
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
