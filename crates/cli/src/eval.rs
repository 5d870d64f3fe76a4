//! `flashpoint eval …` and `flashpoint train …`: evaluation and training as features.

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use flashpoint_syntax::{conllu, SyntaxModel, TrainOptions};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EvalWhat {
    /// Tagger and parser against a CoNLL-U treebank (gold tokenisation):
    /// UPOS, XPOS, UAS, LAS (all tokens, CoNLL 2018), tokens/s on one thread.
    Syntax(EvalSyntaxArgs),
    /// Toponym recognition and resolution against GeoVirus/LGL-style XML: span P/R/F1,
    /// accuracy within 161 km, mean and median error.
    Places(EvalFileArgs),
    /// Temporal expressions against TimeML documents (a file or a directory): DATE span
    /// F1 and value accuracy, with each document's creation time as the article date.
    Dates(EvalFileArgs),
    /// Actor recognition against PLOVER gold records (JSON): for every gold source/target
    /// actor, the mention covering its text — coverage, country and sector agreement.
    Actors(EvalFileArgs),
    /// Event coding against gold records: PLOVER JSON (`PLOVER_GSR_CAMEO.txt`) or
    /// PETRARCH validation XML (`PETR.UnitTest.records.xml`). Prints type
    /// precision/recall/F1, exact-triple F1, actor agreement, no-event accuracy and
    /// per-category pass rates.
    Events(EvalEventsArgs),
    /// flashpoint's tokenizer against the tokens of a CoNLL-U treebank, on each
    /// sentence's raw `# text`.
    Tokenizer(EvalTokenizerArgs),
}

#[derive(Args)]
pub struct EvalSyntaxArgs {
    /// Gold CoNLL-U file.
    pub file: PathBuf,
    /// Model to evaluate (default: the bundled one).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Print one JSON object (fractions 0–1) instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct EvalFileArgs {
    /// Gold file or directory.
    pub path: PathBuf,
    /// Print one JSON object instead of the readable report.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct EvalEventsArgs {
    /// Gold file: a JSON array of PLOVER records, or PETRARCH XML (`.xml`).
    pub path: PathBuf,
    /// Print one JSON object instead of the readable report.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub dicts: crate::dicts::DictArgs,
    /// Also code the PETRARCH reported-speech accusation (X said Y … → X→Y 112).
    #[arg(long)]
    pub accuse_reported: bool,
    /// Print the first records whose type was missed (error analysis).
    #[arg(long)]
    pub errors: bool,
}

#[derive(Args)]
pub struct EvalTokenizerArgs {
    /// Gold CoNLL-U file with `# text =` comments.
    pub file: PathBuf,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum TrainWhat {
    /// Train the tagger, lemmatizer and parser on a CoNLL-U treebank (deterministic).
    Syntax(TrainSyntaxArgs),
}

#[derive(Args)]
pub struct TrainSyntaxArgs {
    #[arg(long)]
    pub train: PathBuf,
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long)]
    pub output: PathBuf,
}

pub fn eval(what: EvalWhat) -> Result<ExitCode> {
    match what {
        EvalWhat::Syntax(a) => eval_syntax(a),
        EvalWhat::Tokenizer(a) => eval_tokenizer(a),
        EvalWhat::Actors(a) => eval_actors(a),
        EvalWhat::Events(a) => eval_events(a),
        EvalWhat::Places(a) => {
            let r = flashpoint_geo::eval_places(&a.path)
                .with_context(|| format!("cannot evaluate places on {}", a.path.display()))?;
            print_report(&r, a.json)
        }
        EvalWhat::Dates(a) => {
            let r = flashpoint_geo::eval_dates(&a.path)
                .with_context(|| format!("cannot evaluate dates on {}", a.path.display()))?;
            print_report(&r, a.json)
        }
    }
}

/// Prints a serialisable report: one JSON line, or one `key: value` line per field.
fn print_report<T: serde::Serialize>(r: &T, json: bool) -> Result<ExitCode> {
    let v = serde_json::to_value(r)?;
    if json {
        println!("{v}");
    } else if let serde_json::Value::Object(m) = v {
        for (k, v) in m {
            match v {
                serde_json::Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() != 0.0) => {
                    println!("{k:<24} {:.4}", n.as_f64().unwrap())
                }
                v => println!("{k:<24} {v}"),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_events(a: EvalEventsArgs) -> Result<ExitCode> {
    use flashpoint_engine::eval::{evaluate, read_petrarch, read_plover};
    let text = std::fs::read_to_string(&a.path).with_context(|| {
        format!(
            "cannot read {} (eval events needs a gold file; see docs/evaluation.md)",
            a.path.display()
        )
    })?;
    let xml = a.path.extension().is_some_and(|e| e == "xml") || text.trim_start().starts_with('<');
    let records = if xml {
        let onto = flashpoint_engine::Ontology::bundled();
        read_petrarch(&text, |c| onto.get(c).map(|x| x.plover_type.clone()))
    } else {
        read_plover(&text)
    }
    .map_err(|e| anyhow::anyhow!("{}: {e}", a.path.display()))?;
    let b = flashpoint_engine::Engine::builder()
        .no_places(true)
        .accuse_reported(a.accuse_reported);
    let engine = a.dicts.apply(b).build()?;
    crate::dicts::report_imports(&engine);
    let mut r = evaluate(&engine, &records);
    if a.errors && !a.json {
        for e in &r.errors {
            eprintln!("  {e}");
        }
    }
    r.errors.clear();
    print_report(&r, a.json)
}

fn eval_syntax(a: EvalSyntaxArgs) -> Result<ExitCode> {
    let gold = conllu::read_file(&a.file)?;
    let loaded;
    let t = std::time::Instant::now();
    let model: &SyntaxModel = match &a.model {
        Some(p) => {
            loaded = SyntaxModel::load(p)?;
            &loaded
        }
        None => SyntaxModel::try_bundled()?,
    };
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let r = flashpoint_syntax::evaluate(model, &gold);
    if a.json {
        let j = serde_json::json!({
            "upos": r.upos / 100.0, "xpos": r.xpos / 100.0, "uas": r.uas / 100.0, "las": r.las / 100.0,
            "las_full": r.las_full / 100.0, "lemma": r.lemma / 100.0,
            "tokens": r.tokens, "sentences": r.sentences, "tokens_per_sec": r.tokens_per_sec, "load_ms": load_ms,
        });
        println!("{j}");
    } else {
        println!(
            "{}: {} sentences, {} tokens (gold tokenisation, all tokens)",
            a.file.display(),
            r.sentences,
            r.tokens
        );
        println!("UPOS   {:6.2}", r.upos);
        println!("XPOS   {:6.2}", r.xpos);
        println!("lemma  {:6.2}", r.lemma);
        println!("UAS    {:6.2}", r.uas);
        println!(
            "LAS    {:6.2}  (universal relations; with subtypes {:.2})",
            r.las, r.las_full
        );
        println!(
            "speed  {:.0} tokens/s tag+lemma+parse, one thread; model load {load_ms:.0} ms",
            r.tokens_per_sec
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Token-level agreement: our token spans vs the gold words' spans in the raw text.
fn eval_tokenizer(a: EvalTokenizerArgs) -> Result<ExitCode> {
    let gold = conllu::read_file(&a.file)?;
    let (mut tp, mut n_gold, mut n_ours, mut exact, mut n_sent) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut examples = Vec::new();
    for s in &gold {
        let Some(text) = s.comments.iter().find_map(|c| {
            c.strip_prefix("# text = ")
                .or_else(|| c.strip_prefix("text = "))
        }) else {
            continue;
        };
        // Gold word spans: words appear in order as substrings of the text.
        let mut spans = Vec::new();
        let mut pos = 0;
        let mut ok = true;
        for w in s.forms() {
            match text[pos..].find(w) {
                Some(i) => {
                    spans.push((pos + i, pos + i + w.len()));
                    pos += i + w.len();
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue; // gold words that are not substrings (rare normalisations)
        }
        n_sent += 1;
        let ours: Vec<(usize, usize)> = flashpoint_text::tokenize::tokenize(text)
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        let gold_set: std::collections::HashSet<_> = spans.iter().collect();
        let hit = ours.iter().filter(|s| gold_set.contains(s)).count();
        tp += hit;
        n_gold += spans.len();
        n_ours += ours.len();
        if hit == spans.len() && hit == ours.len() {
            exact += 1;
        } else if examples.len() < 15 {
            let o: Vec<&str> = ours.iter().map(|&(a, b)| &text[a..b]).collect();
            let g: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
            let diff: Vec<String> = o
                .iter()
                .filter(|t| !g.contains(t))
                .map(|t| format!("{t:?}"))
                .take(4)
                .collect();
            examples.push(format!("{text}\n    ours not in gold: {}", diff.join(" ")));
        }
    }
    let p = tp as f64 / n_ours.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let sent_acc = exact as f64 / n_sent.max(1) as f64;
    if a.json {
        println!(
            "{}",
            serde_json::json!({"precision": p, "recall": r, "f1": f1, "sentence_exact": sent_acc, "sentences": n_sent, "gold_tokens": n_gold})
        );
    } else {
        println!(
            "{}: {n_sent} sentences, {n_gold} gold tokens",
            a.file.display()
        );
        println!(
            "token precision {:.2}%, recall {:.2}%, F1 {:.2}%; sentences tokenised exactly: {:.2}%",
            p * 100.0,
            r * 100.0,
            f1 * 100.0,
            sent_acc * 100.0
        );
        println!("first differences:");
        for e in examples {
            println!("  {e}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn train(what: TrainWhat) -> Result<ExitCode> {
    let TrainWhat::Syntax(a) = what;
    let train = conllu::read_file(&a.train)?;
    let dev = a.dev.as_ref().map(|d| conllu::read_file(d)).transpose()?;
    let model =
        flashpoint_syntax::train(&train, dev.as_deref(), &TrainOptions::default(), &mut |m| {
            eprintln!("train: {m}")
        });
    model
        .save(&a.output)
        .with_context(|| format!("cannot write model {}", a.output.display()))?;
    if let Some(dev) = &dev {
        let r = flashpoint_syntax::evaluate(&model, dev);
        eprintln!("dev: UPOS {:.2} UAS {:.2} LAS {:.2}", r.upos, r.uas, r.las);
    }
    eprintln!("wrote {}", a.output.display());
    Ok(ExitCode::SUCCESS)
}

/// Gold country code as flashpoint writes it: ISO3, or the IGO/NGO prefix of our codes.
fn actor_country_matches(gold: &str, m: &flashpoint_actors::Mention) -> bool {
    match gold {
        "IGO" | "NGO" => m.code.starts_with(gold),
        g => m.country.as_deref() == Some(g),
    }
}

fn eval_actors(a: EvalFileArgs) -> Result<ExitCode> {
    use flashpoint_actors::{KnowledgeBase, Recognizer};
    let text = std::fs::read_to_string(&a.path)
        .with_context(|| format!("cannot read {}", a.path.display()))?;
    let records: Vec<serde_json::Value> = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a JSON array of PLOVER records", a.path.display()))?;
    let recognizer = Recognizer::new(KnowledgeBase::bundled());
    let (mut gold_n, mut found, mut country_ok, mut sector_n, mut sector_found, mut sector_ok) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for r in &records {
        let (Some(sent), Some(date)) = (r["text"].as_str(), r["date"].as_str()) else {
            continue;
        };
        let Ok(date) = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
            continue;
        };
        let doc = flashpoint_text::Document::analyze(sent);
        let mentions: Vec<_> = (0..doc.sentences.len())
            .flat_map(|s| recognizer.find(&doc, s, date))
            .collect();
        for side in ["source", "target"] {
            let Some(actors) = r[side].as_array() else {
                continue;
            };
            for g in actors {
                let (Some(at), Some(code)) = (g["actorText"].as_str(), g["code"].as_str()) else {
                    continue;
                };
                let Some(pos) = sent.find(at) else { continue };
                let span = flashpoint_model::Span::new(pos, pos + at.len());
                gold_n += 1;
                let gold_sector = g["sector"]
                    .as_str()
                    .map(|s| s.chars().take(3).collect::<String>())
                    .filter(|s| s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase()));
                if gold_sector.is_some() {
                    sector_n += 1;
                }
                let Some(m) = mentions.iter().find(|m| m.span.overlaps(span)) else {
                    if misses.len() < 25 {
                        misses.push(format!(
                            "missed {at:?} ({code} {}) in: {sent}",
                            gold_sector.as_deref().unwrap_or("-")
                        ));
                    }
                    continue;
                };
                found += 1;
                if actor_country_matches(code, m) {
                    country_ok += 1;
                } else if misses.len() < 25 {
                    misses.push(format!(
                        "country {:?}: gold {code}, ours {} ({})",
                        at,
                        m.code,
                        m.country.as_deref().unwrap_or("-")
                    ));
                }
                if let Some(gs) = &gold_sector {
                    sector_found += 1;
                    if m.sector.as_deref() == Some(gs.as_str()) {
                        sector_ok += 1;
                    }
                }
            }
        }
    }
    let f = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let report = serde_json::json!({
        "gold_actors": gold_n,
        "coverage": f(found, gold_n),
        "country_acc": f(country_ok, found),
        "country_acc_all_gold": f(country_ok, gold_n),
        "sector_acc": f(sector_ok, sector_found),
        "sector_acc_all_gold": f(sector_ok, sector_n),
    });
    if a.json {
        println!("{report}");
    } else {
        print_report(&report, false)?;
        println!("first misses:");
        for m in misses {
            println!("  {m}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
