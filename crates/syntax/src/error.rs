use std::path::PathBuf;

/// Errors raised by the syntax crate. Messages say what went wrong, where, and what to do.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    /// Malformed CoNLL-U input.
    #[error("{source_name}:{line}: {msg} (expected CoNLL-U: 10 tab-separated columns per token line, sentences separated by a blank line)")]
    Conllu {
        source_name: String,
        line: usize,
        msg: String,
    },
    /// A file could not be read or written.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A model file is truncated, corrupted or from an incompatible version.
    #[error("invalid syntax model: {0} (rebuild it with `cargo run --release -p flashpoint-syntax --example train -- --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu -o crates/syntax/model/en_ewt.fpsyn`)")]
    BadModel(String),
}
