//! `flashpoint explain`: the analysis of one text, for people building dictionaries.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args;
use flashpoint_engine::Engine;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ExplainArgs {
    /// The text to analyse (`-` = standard input).
    pub text: String,
    /// The article date (YYYY-MM-DD); default: today.
    #[arg(long)]
    pub date: Option<String>,
    /// Extra actor knowledge-base file (repeatable).
    #[arg(long = "actors")]
    pub actors: Vec<PathBuf>,
    /// Print the events as JSON lines after the report.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: ExplainArgs) -> Result<ExitCode> {
    let text = if args.text == "-" {
        std::io::read_to_string(std::io::stdin()).context("cannot read standard input")?
    } else {
        args.text.clone()
    };
    let date = match &args.date {
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .with_context(|| format!("bad --date {d:?}: use YYYY-MM-DD"))?,
        None => chrono::Utc::now().date_naive(),
    };
    let engine = args
        .actors
        .iter()
        .fold(Engine::builder(), |b, f| b.actors_file(f))
        .build()?;
    let ex = engine.explain("explain", &text, date);
    let mut o = String::new();
    writeln!(o, "article date: {date}")?;
    if !ex.removed.is_empty() {
        writeln!(o, "\nboilerplate removed:")?;
        for r in &ex.removed {
            writeln!(
                o,
                "  [{}..{}] {}: {:?}",
                r.span.start,
                r.span.end,
                r.reason,
                r.span.slice(&text)
            )?;
        }
    }
    if !ex.quotes.is_empty() {
        writeln!(o, "\nquotes:")?;
        for q in &ex.quotes {
            let speaker = q
                .speaker
                .map(|s| s.slice(&text).to_string())
                .unwrap_or_else(|| "(unknown speaker)".into());
            writeln!(o, "  {:?} — {speaker}", q.span.slice(&text))?;
        }
    }
    for (i, (sent, (mentions, trace))) in ex.doc.sentences.iter().zip(&ex.sentences).enumerate() {
        writeln!(
            o,
            "\nsentence {i} [{}..{}]: {}",
            sent.span.start,
            sent.span.end,
            sent.span.slice(&text)
        )?;
        match &ex.parses[i] {
            Some(parse) => {
                writeln!(
                    o,
                    "  {:>3}  {:<16} {:<16} {:<6} {:<5} {:>4}  {:<12} span",
                    "id", "form", "lemma", "upos", "xpos", "head", "deprel"
                )?;
                for (j, (k, a)) in sent.tokens.clone().zip(&parse.tokens).enumerate() {
                    let t = &ex.doc.tokens[k];
                    writeln!(
                        o,
                        "  {:>3}  {:<16} {:<16} {:<6} {:<5} {:>4}  {:<12} {}..{}",
                        j + 1,
                        ex.doc.token_text(k),
                        a.lemma,
                        a.upos,
                        a.xpos,
                        a.head,
                        a.deprel,
                        t.span.start,
                        t.span.end
                    )?;
                }
            }
            None => {
                if let Err(e) = flashpoint_syntax::SyntaxModel::try_bundled() {
                    writeln!(o, "  (no parse: {e})")?;
                }
                let toks: Vec<String> = sent
                    .tokens
                    .clone()
                    .map(|k| ex.doc.token_text(k).to_string())
                    .collect();
                writeln!(o, "  tokens: {}", toks.join(" | "))?;
            }
        }
        if mentions.is_empty() {
            writeln!(o, "  actors: none")?;
        }
        for m in mentions {
            writeln!(
                o,
                "  actor {:?} [{}..{}] → {} (country {}, sector {})",
                m.span.slice(&text),
                m.span.start,
                m.span.end,
                m.code,
                m.country.as_deref().unwrap_or("-"),
                m.sector.as_deref().unwrap_or("-")
            )?;
            for p in &m.parts {
                writeln!(
                    o,
                    "      {} {:?}{}",
                    p.how,
                    p.span.slice(&text),
                    p.entry
                        .as_ref()
                        .map(|e| format!(" = {e}"))
                        .unwrap_or_default()
                )?;
            }
            if !m.why.is_empty() {
                writeln!(o, "      why: {}", m.why)?;
            }
        }
        for t in trace {
            writeln!(o, "  rule: {t}")?;
        }
    }
    writeln!(o, "\nevents: {}", ex.events.len())?;
    for e in &ex.events {
        let actor = |a: Option<&flashpoint_model::EventActor>| {
            a.map(|t| format!("{} ({:?})", t.code, t.text))
                .unwrap_or_else(|| "-".into())
        };
        let modality = e
            .modality
            .as_ref()
            .map(|m| format!(" [{m}, not asserted]"))
            .unwrap_or_default();
        writeln!(
            o,
            "  {} {} → {}  CAMEO {} {:?}, PLOVER {}, Goldstein {}, confidence {:.2}{modality}  [rule {}, trigger {:?}]",
            e.date, actor(e.source.as_ref()), actor(e.target.as_ref()), e.cameo, e.cameo_name, e.plover, e.goldstein, e.confidence, e.why.rule, e.why.trigger
        )?;
    }
    print!("{o}");
    if args.json {
        for e in &ex.events {
            println!("{}", serde_json::to_string(e)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}
