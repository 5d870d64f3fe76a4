//! The pipeline: article → text layer → actor mentions → events.
//!
//! [`Engine`] owns the knowledge base, recogniser and coder, is built once with
//! [`EngineBuilder`], and is shared read-only across threads. [`Engine::process`]
//! handles one article; [`Engine::process_guarded`] additionally turns a panic into an
//! error so one bad article can never abort a run. [`Engine::explain`] returns the
//! full analysis of a text as data (the CLI renders it).

use chrono::NaiveDate;
use flashpoint_actors::{ActorsError, KbBuilder, KnowledgeBase, Mention, Recognizer};
use flashpoint_coding::{BasicCoder, Coder, SentenceContext};
use flashpoint_model::{Article, Event};
use flashpoint_text::{Document, Quote, Removed};
use std::path::PathBuf;

/// Errors of the engine.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Actors(#[from] ActorsError),
    #[error(
        "internal error while processing the article: {0} (please report this with the article)"
    )]
    Internal(String),
}

/// The result for one article.
#[derive(Debug, Default)]
pub struct ArticleOutput {
    pub sentences: usize,
    pub events: Vec<Event>,
}

/// Builds an [`Engine`].
#[derive(Default)]
pub struct EngineBuilder {
    actor_files: Vec<PathBuf>,
    no_default_actors: bool,
}

impl EngineBuilder {
    /// Adds a user actor file (merged over the defaults; same id = override).
    pub fn actors_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.actor_files.push(path.into());
        self
    }

    /// Starts from an empty knowledge base instead of the bundled one.
    pub fn no_default_actors(mut self, yes: bool) -> Self {
        self.no_default_actors = yes;
        self
    }

    pub fn build(self) -> Result<Engine, EngineError> {
        let kb: &'static KnowledgeBase = if self.actor_files.is_empty() && !self.no_default_actors {
            KnowledgeBase::bundled()
        } else {
            let mut b = KbBuilder::new();
            if !self.no_default_actors {
                KnowledgeBase::add_bundled(&mut b)?;
            }
            for (i, f) in self.actor_files.iter().enumerate() {
                b.add_file(f, 1 + i as u32)?;
            }
            // User knowledge bases must be valid; leaked once per process (engines are long-lived).
            Box::leak(Box::new(b.build()?))
        };
        Ok(Engine {
            recognizer: Recognizer::new(kb),
            coder: Box::new(BasicCoder::default()),
        })
    }
}

/// The analysis of one text, for `flashpoint explain`.
#[derive(Debug)]
pub struct Explanation<'t> {
    pub doc: Document<'t>,
    pub removed: Vec<Removed>,
    pub quotes: Vec<Quote>,
    /// Per sentence: mentions and the coder's trace.
    pub sentences: Vec<(Vec<Mention>, Vec<String>)>,
    /// Per sentence: tags, lemmas and dependency tree from the bundled syntax model
    /// (`None` if the model could not be loaded).
    pub parses: Vec<Option<flashpoint_syntax::Analysis>>,
    pub events: Vec<Event>,
}

/// The configured pipeline.
pub struct Engine {
    recognizer: Recognizer<'static>,
    coder: Box<dyn Coder>,
}

impl Engine {
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    pub fn knowledge_base(&self) -> &KnowledgeBase {
        self.recognizer.kb()
    }

    /// Processes one article.
    pub fn process(&self, article: &Article) -> ArticleOutput {
        let doc = Document::analyze(&article.text);
        let mut events = Vec::new();
        for s in 0..doc.sentences.len() {
            let mentions = self.recognizer.find(&doc, s, article.date);
            if mentions.is_empty() {
                continue;
            }
            let parse = self.parse_sentence(&doc, s);
            let ctx = SentenceContext {
                article_id: &article.id,
                date: article.date,
                doc: &doc,
                sentence: s,
                mentions: &mentions,
                parse: parse.as_ref(),
            };
            self.coder.code_sentence(&ctx, &mut events, None);
        }
        ArticleOutput {
            sentences: doc.sentences.len(),
            events,
        }
    }

    fn parse_sentence(&self, doc: &Document, s: usize) -> Option<flashpoint_syntax::Analysis> {
        if !self.coder.needs_parse() {
            return None;
        }
        let model = flashpoint_syntax::SyntaxModel::try_bundled().ok()?;
        let words: Vec<&str> = doc.sentences[s]
            .tokens
            .clone()
            .map(|k| doc.token_text(k))
            .collect();
        Some(model.analyze(&words))
    }

    /// [`Engine::process`], with any panic turned into [`EngineError::Internal`].
    pub fn process_guarded(&self, article: &Article) -> Result<ArticleOutput, EngineError> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.process(article))).map_err(
            |p| {
                let msg = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into());
                EngineError::Internal(msg)
            },
        )
    }

    /// The full analysis of `text` dated `date`.
    pub fn explain<'t>(&self, id: &str, text: &'t str, date: NaiveDate) -> Explanation<'t> {
        let doc = Document::analyze(text);
        let mut sentences = Vec::new();
        let mut events = Vec::new();
        let model = flashpoint_syntax::SyntaxModel::try_bundled().ok();
        let parses = (0..doc.sentences.len())
            .map(|s| {
                let words: Vec<&str> = doc.sentences[s]
                    .tokens
                    .clone()
                    .map(|k| doc.token_text(k))
                    .collect();
                model.map(|m| m.analyze(&words))
            })
            .collect::<Vec<_>>();
        for s in 0..doc.sentences.len() {
            let mentions = self.recognizer.find(&doc, s, date);
            let mut trace = Vec::new();
            let ctx = SentenceContext {
                article_id: id,
                date,
                doc: &doc,
                sentence: s,
                mentions: &mentions,
                parse: parses[s].as_ref(),
            };
            self.coder
                .code_sentence(&ctx, &mut events, Some(&mut trace));
            sentences.push((mentions, trace));
        }
        Explanation {
            removed: doc.removed.clone(),
            quotes: doc.quotes.clone(),
            doc,
            sentences,
            parses,
            events,
        }
    }
}
