//! Dictionary options shared by `code` and `eval events`.
use clap::Args;
use flashpoint_engine::{Engine, EngineBuilder};
use std::path::PathBuf;

#[derive(Args, Clone, Debug, Default)]
pub struct DictArgs {
    /// Extra actor knowledge-base file (TOML; repeatable; overrides the defaults by id).
    #[arg(long = "actors")]
    pub actors: Vec<PathBuf>,
    /// Import a PETRARCH/Phoenix actor dictionary (`*.actors.txt`; repeatable), e.g.
    /// `dicts/PETR.Validate.actors.txt` for the PETRARCH unit-test records.
    #[arg(long)]
    pub petrarch_actors: Vec<PathBuf>,
    /// Import a PETRARCH/Phoenix agent dictionary (`*.agents.txt`; repeatable).
    #[arg(long)]
    pub petrarch_agents: Vec<PathBuf>,
    /// Add the patterns of a PETRARCH verb dictionary (`CAMEO.2.0.txt` format;
    /// repeatable), as far as they translate to ours.
    #[arg(long)]
    pub petrarch_verbs: Vec<PathBuf>,
}

impl DictArgs {
    /// Adds the dictionaries to an engine builder.
    pub fn apply(&self, mut b: EngineBuilder) -> EngineBuilder {
        for f in &self.actors {
            b = b.actors_file(f);
        }
        for f in &self.petrarch_actors {
            b = b.petrarch_actors(f);
        }
        for f in &self.petrarch_agents {
            b = b.petrarch_agents(f);
        }
        for f in &self.petrarch_verbs {
            b = b.petrarch_verbs(f);
        }
        b
    }
}

/// Says on standard error what each PETRARCH import added and skipped.
pub fn report_imports(engine: &Engine) {
    for line in engine.imports() {
        eprintln!("imported {line}");
    }
}
