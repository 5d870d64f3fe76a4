//! `flashpoint code`.

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use flashpoint_engine::Engine;
use flashpoint_io::read::{InputFormat, Inputs, ReaderConfig, Record};
use flashpoint_io::write::{create_sink, OutputFormat};
use flashpoint_io::{Reject, RejectWriter};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Jsonl,
    Csv,
    Tsv,
    Parquet,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum InputFormatArg {
    Jsonl,
    Csv,
    Text,
}

#[derive(Args)]
pub struct CodeArgs {
    /// Input files or directories (`-` or nothing = standard input). JSONL, CSV or
    /// plain text starting with `date YYYY-MM-DD`; `.gz` is read transparently.
    pub inputs: Vec<PathBuf>,
    /// Output file (default: standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Output format (default: from the output file's extension, else jsonl).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Input format, overriding detection by extension and content.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
    /// Where rejected records go (JSONL). Default: OUTPUT.rejects.jsonl, or
    /// ./rejects.jsonl when writing to standard output. Created only if needed.
    #[arg(long)]
    pub rejects: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Write run statistics as JSON to this file.
    #[arg(long)]
    pub stats: Option<PathBuf>,
    /// Exit with status 3 if any record was rejected.
    #[arg(long)]
    pub strict: bool,
    /// Do not load the bundled actor knowledge base.
    #[arg(long)]
    pub no_default_actors: bool,
    /// Reject articles longer than this many bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_article_bytes: usize,
    /// Skip event locations and dates from temporal expressions (every event gets the
    /// article date and no location). Faster.
    #[arg(long)]
    pub no_places: bool,
    /// Also write events that are not asserted (negated, hypothetical, future,
    /// historical, alleged), marked in the `modality` field.
    #[arg(long)]
    pub modal_events: bool,
    /// PETRARCH convention for reported speech: "X said Y attacked Z" also codes X→Y
    /// 112 (accuse).
    #[arg(long)]
    pub accuse_reported: bool,
    /// One event per evidence sentence: do not merge repeats within an article.
    #[arg(long)]
    pub no_merge: bool,
    /// Use the parse-free baseline coder (a verb list) instead of the pattern coder.
    #[arg(long)]
    pub basic_coder: bool,
    #[command(flatten)]
    pub dicts: crate::dicts::DictArgs,
    /// Hide the progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Lazily created rejects file.
struct Rejects {
    path: PathBuf,
    writer: Option<RejectWriter<BufWriter<File>>>,
    count: u64,
}

impl Rejects {
    fn write(&mut self, r: &Reject) -> Result<()> {
        if self.writer.is_none() {
            let f = File::create(&self.path)
                .with_context(|| format!("cannot create rejects file {}", self.path.display()))?;
            self.writer = Some(RejectWriter::new(BufWriter::new(f)));
        }
        self.writer
            .as_mut()
            .unwrap()
            .write(r)
            .with_context(|| format!("cannot write rejects file {}", self.path.display()))?;
        self.count += 1;
        Ok(())
    }
}

pub fn run(args: CodeArgs) -> Result<ExitCode> {
    let start = Instant::now();
    let mut inputs = args.inputs.clone();
    if inputs.is_empty() {
        if std::io::stdin().is_terminal() {
            bail!("no input: give input files or directories (e.g. `flashpoint code examples/`), or pipe articles on standard input");
        }
        inputs.push(PathBuf::from("-"));
    }
    let format = match (args.format, &args.output) {
        (Some(FormatArg::Jsonl), _) => OutputFormat::Jsonl,
        (Some(FormatArg::Csv), _) => OutputFormat::Csv,
        (Some(FormatArg::Tsv), _) => OutputFormat::Tsv,
        (Some(FormatArg::Parquet), _) => OutputFormat::Parquet,
        (None, Some(p)) => {
            OutputFormat::from_path(&p.to_string_lossy()).unwrap_or(OutputFormat::Jsonl)
        }
        (None, None) => OutputFormat::Jsonl,
    };
    if format == OutputFormat::Parquet && args.output.is_none() && std::io::stdout().is_terminal() {
        bail!("refusing to write Parquet to a terminal: give an output file with -o FILE.parquet");
    }
    let engine = Engine::builder()
        .no_default_actors(args.no_default_actors)
        .no_places(args.no_places)
        .modal_events(args.modal_events)
        .accuse_reported(args.accuse_reported)
        .no_merge(args.no_merge)
        .basic_coder(args.basic_coder)
        .pipe(|b| args.dicts.apply(b))
        .build()
        .context("cannot build the engine")?;
    crate::dicts::report_imports(&engine);
    let config = ReaderConfig {
        max_article_bytes: args.max_article_bytes,
        format: args.input_format.map(|f| match f {
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Csv => InputFormat::Csv,
            InputFormatArg::Text => InputFormat::Text,
        }),
    };
    let mut records = Inputs::open(&inputs, config)?;
    let (out, out_name): (Box<dyn Write + Send>, String) = match &args.output {
        Some(p) => (
            Box::new(BufWriter::with_capacity(
                1 << 16,
                File::create(p)
                    .with_context(|| format!("cannot create output file {}", p.display()))?,
            )),
            p.display().to_string(),
        ),
        None => (
            Box::new(BufWriter::with_capacity(1 << 16, std::io::stdout())),
            "stdout".into(),
        ),
    };
    let mut sink = create_sink(format, out, &out_name)?;
    let rejects_path = args.rejects.clone().unwrap_or_else(|| match &args.output {
        Some(p) => PathBuf::from(format!("{}.rejects.jsonl", p.display())),
        None => PathBuf::from("rejects.jsonl"),
    });
    let mut rejects = Rejects {
        path: rejects_path,
        writer: None,
        count: 0,
    };

    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;

    let progress = if !args.quiet && std::io::stderr().is_terminal() {
        let pb = ProgressBar::new_spinner();
        pb.set_style(ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}").unwrap());
        pb.enable_steady_tick(std::time::Duration::from_millis(200));
        pb
    } else {
        ProgressBar::hidden()
    };

    let (mut n_records, mut n_articles, mut n_sentences, mut n_events) = (0u64, 0u64, 0u64, 0u64);
    let mut n_parsed = 0u64;
    const CHUNK: usize = 512;
    // Reading (JSON parsing, decompression) runs on its own thread, one chunk ahead of
    // the workers; chunks are processed and written in input order.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Record>>(2);
    let reader = std::thread::spawn(move || loop {
        let chunk: Vec<Record> = records.by_ref().take(CHUNK).collect();
        if chunk.is_empty() || tx.send(chunk).is_err() {
            break;
        }
    });
    for chunk in rx {
        n_records += chunk.len() as u64;
        let results: Vec<
            Option<Result<flashpoint_engine::ArticleOutput, flashpoint_engine::EngineError>>,
        > = pool.install(|| {
            chunk
                .par_iter()
                .map(|r| match r {
                    Record::Article(a) => Some(engine.process_guarded(a)),
                    Record::Reject(_) => None,
                })
                .collect()
        });
        for (rec, res) in chunk.into_iter().zip(results) {
            match (rec, res) {
                (Record::Reject(r), _) => rejects.write(&r)?,
                (Record::Article(a), Some(Ok(out))) => {
                    n_articles += 1;
                    n_sentences += out.sentences as u64;
                    n_parsed += out.parsed as u64;
                    n_events += out.events.len() as u64;
                    sink.write_article(&a, &out.events)?;
                }
                (Record::Article(a), Some(Err(e))) => {
                    let raw =
                        serde_json::json!({"id": a.id, "date": a.date.to_string(), "text": a.text})
                            .to_string();
                    rejects.write(&Reject::new(
                        &a.origin.file,
                        a.origin.record,
                        e.to_string(),
                        raw.as_bytes(),
                    ))?;
                }
                (Record::Article(_), None) => unreachable!("every article gets a result"),
            }
        }
        progress.set_message(format!(
            "{n_articles} articles, {n_sentences} sentences, {n_events} events, {} rejected",
            rejects.count
        ));
    }
    reader
        .join()
        .map_err(|_| anyhow::anyhow!("the input reader thread failed"))?;
    sink.finish()?;
    if let Some(w) = rejects.writer.take() {
        w.finish()
            .with_context(|| format!("cannot write rejects file {}", rejects.path.display()))?;
    }
    progress.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    debug_assert_eq!(n_records, n_articles + rejects.count);
    let rate = n_sentences as f64 / secs.max(1e-9);
    let rejected_note = if rejects.count > 0 {
        format!(" (see {})", rejects.path.display())
    } else {
        String::new()
    };
    eprintln!(
        "flashpoint: {n_articles} articles, {n_sentences} sentences, {n_events} events, {} rejected{rejected_note} in {secs:.2} s ({rate:.0} sentences/s)",
        rejects.count
    );
    if let Some(p) = &args.stats {
        let stats = serde_json::json!({
            "records": n_records,
            "articles": n_articles,
            "sentences": n_sentences,
            "events": n_events,
            "rejected": rejects.count,
            "seconds": secs,
            "sentences_per_sec": rate,
            "parsed_sentences": n_parsed,
            "threads": threads,
            "rejects_file": if rejects.count > 0 { Some(rejects.path.display().to_string()) } else { None },
        });
        std::fs::write(p, serde_json::to_string_pretty(&stats)? + "\n")
            .with_context(|| format!("cannot write stats file {}", p.display()))?;
    }
    if args.strict && rejects.count > 0 {
        eprintln!(
            "error: {} record(s) rejected and --strict is set",
            rejects.count
        );
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl<T> Pipe for T {}
