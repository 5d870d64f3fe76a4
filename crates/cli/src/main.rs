//! The `flashpoint` command line. Presentation lives here and only here.

mod code;
mod dicts;
mod eval;
mod explain;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// flashpoint: dated news articles in, political event data out.
#[derive(Parser)]
#[command(name = "flashpoint", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into events (JSONL, CSV, TSV or Parquet).
    Code(code::CodeArgs),
    /// Show the full analysis of one text: sentences, tokens, actors, rules tried, events.
    Explain(explain::ExplainArgs),
    /// Evaluate a component against gold data.
    Eval {
        #[command(subcommand)]
        what: eval::EvalWhat,
    },
    /// Train a model.
    Train {
        #[command(subcommand)]
        what: eval::TrainWhat,
    },
    /// Validate knowledge files.
    Check {
        #[command(subcommand)]
        what: CheckWhat,
    },
}

#[derive(Subcommand)]
enum CheckWhat {
    /// Validate actor knowledge-base files (default: the bundled knowledge base).
    Actors {
        /// TOML files to check together (as one knowledge base).
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: Result<ExitCode> = match cli.command {
        Command::Code(args) => code::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Check {
            what: CheckWhat::Actors { files },
        } => check_actors(files),
        Command::Eval { what } => eval::eval(what),
        Command::Train { what } => eval::train(what),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn check_actors(files: Vec<PathBuf>) -> Result<ExitCode> {
    use flashpoint_actors::KbBuilder;
    let mut b = KbBuilder::new();
    let mut errors = Vec::new();
    if files.is_empty() {
        for (name, text) in flashpoint_actors::KnowledgeBase::bundled_files() {
            if let Err(e) = b.add_toml(name, text, 0) {
                errors.push(e.to_string());
            }
        }
    } else {
        for f in &files {
            if let Err(e) = b.add_file(f, 0) {
                errors.push(e.to_string());
            }
        }
    }
    errors.extend(b.problems().iter().map(|p| p.to_string()));
    let kb = b.build_lenient();
    for e in &errors {
        println!("{e}");
    }
    let count = |k| kb.entries.iter().filter(|e| e.kind == k).count();
    use flashpoint_actors::EntryKind::*;
    eprintln!(
        "{} problem(s); {} countries, {} bodies, {} organisations, {} groups, {} people, {} agent entries, {} names",
        errors.len(),
        count(Country),
        count(Body),
        count(Org),
        count(Group),
        count(Person),
        kb.agents.len(),
        kb.names.len()
    );
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
