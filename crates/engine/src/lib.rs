//! The pipeline: article → text layer → actor mentions → events.
//!
//! [`Engine`] owns the knowledge base, recogniser and coder, is built once with
//! [`EngineBuilder`], and is shared read-only across threads. [`Engine::process`]
//! handles one article; [`Engine::process_guarded`] additionally turns a panic into an
//! error so one bad article can never abort a run. [`Engine::explain`] returns the
//! full analysis of a text as data (the CLI renders it).

pub mod cases;
pub mod eval;

pub use flashpoint_coding::{CoderOptions, Ontology, PatternCoder};

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
    /// A user-supplied file could not be used.
    #[error("{0}")]
    Input(String),
    #[error(
        "internal error while processing the article: {0} (please report this with the article)"
    )]
    Internal(String),
}

/// The result for one article.
#[derive(Debug, Default)]
pub struct ArticleOutput {
    pub sentences: usize,
    /// Sentences that were parsed (an actor and a trigger candidate).
    pub parsed: usize,
    pub events: Vec<Event>,
}

/// Builds an [`Engine`].
#[derive(Default)]
pub struct EngineBuilder {
    actor_files: Vec<PathBuf>,
    no_default_actors: bool,
    no_places: bool,
    modal_events: bool,
    basic_coder: bool,
    no_merge: bool,
    accuse_reported: bool,
    petrarch_actors: Vec<PathBuf>,
    petrarch_agents: Vec<PathBuf>,
    petrarch_verbs: Vec<PathBuf>,
}

impl EngineBuilder {
    /// Also outputs events that are not asserted (negated, hypothetical, future,
    /// historical, alleged), marked in [`Event::modality`].
    pub fn modal_events(mut self, yes: bool) -> Self {
        self.modal_events = yes;
        self
    }

    /// Imports a PETRARCH/Phoenix actor dictionary (`*.actors.txt`) over the defaults.
    pub fn petrarch_actors(mut self, path: impl Into<PathBuf>) -> Self {
        self.petrarch_actors.push(path.into());
        self
    }

    /// Imports a PETRARCH/Phoenix agent dictionary (`*.agents.txt`).
    pub fn petrarch_agents(mut self, path: impl Into<PathBuf>) -> Self {
        self.petrarch_agents.push(path.into());
        self
    }

    /// Adds the patterns translated from a PETRARCH verb dictionary (`CAMEO.2.0.txt`
    /// format) to the bundled ones, as far as they translate.
    pub fn petrarch_verbs(mut self, path: impl Into<PathBuf>) -> Self {
        self.petrarch_verbs.push(path.into());
        self
    }

    /// PETRARCH convention: "X said Y attacked Z" also codes X→Y 112 (accuse).
    pub fn accuse_reported(mut self, yes: bool) -> Self {
        self.accuse_reported = yes;
        self
    }

    /// Uses the parse-free baseline coder instead of the pattern coder.
    pub fn basic_coder(mut self, yes: bool) -> Self {
        self.basic_coder = yes;
        self
    }

    /// Keeps one event per evidence sentence instead of merging repeats within an
    /// article.
    pub fn no_merge(mut self, yes: bool) -> Self {
        self.no_merge = yes;
        self
    }

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

    /// Skips event locations and dates from expressions (event date = article date).
    pub fn no_places(mut self, yes: bool) -> Self {
        self.no_places = yes;
        self
    }

    pub fn build(self) -> Result<Engine, EngineError> {
        let mut imports = Vec::new();
        let custom = !self.actor_files.is_empty()
            || self.no_default_actors
            || !self.petrarch_actors.is_empty()
            || !self.petrarch_agents.is_empty();
        let kb: &'static KnowledgeBase = if !custom {
            KnowledgeBase::bundled()
        } else {
            let mut b = KbBuilder::new();
            if !self.no_default_actors {
                KnowledgeBase::add_bundled(&mut b)?;
            }
            for (i, f) in self.actor_files.iter().enumerate() {
                b.add_file(f, 1 + i as u32)?;
            }
            // User knowledge bases must be valid.
            let problems = b.problems();
            if !problems.is_empty() {
                return Err(ActorsError::Invalid(problems).into());
            }
            // PETRARCH dictionaries are imported as far as they translate; what does not
            // is reported, not fatal.
            let layer = 1 + self.actor_files.len() as u32;
            for f in &self.petrarch_actors {
                let st = flashpoint_actors::petrarch::add_petrarch_actors(&mut b, f, layer)?;
                imports.push(format!(
                    "{}: {} entries → {} people, {} bodies, {} organisations, {} country names; {} skipped",
                    f.display(), st.entries, st.people, st.bodies, st.orgs, st.country_names, st.skipped
                ));
            }
            for f in &self.petrarch_agents {
                let st = flashpoint_actors::petrarch::add_petrarch_agents(&mut b, f, layer)?;
                imports.push(format!(
                    "{}: {} entries → {} role words; {} skipped",
                    f.display(),
                    st.entries,
                    st.agents,
                    st.skipped
                ));
            }
            // Leaked once per process (engines are long-lived).
            Box::leak(Box::new(b.build_lenient()))
        };
        let coder: Box<dyn Coder> = if self.basic_coder {
            Box::new(BasicCoder::default())
        } else if self.accuse_reported || !self.petrarch_verbs.is_empty() {
            let options = flashpoint_coding::CoderOptions {
                accuse_reported: self.accuse_reported,
            };
            let mut files: Vec<(String, String)> = PatternCoder::bundled_files()
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect();
            for f in &self.petrarch_verbs {
                let bytes = std::fs::read(f).map_err(|e| {
                    EngineError::Input(format!(
                        "cannot read PETRARCH verb dictionary {}: {e}",
                        f.display()
                    ))
                })?;
                // The dictionaries are mostly ASCII with some Latin-1 bytes.
                let text = String::from_utf8(bytes)
                    .unwrap_or_else(|e| e.into_bytes().iter().map(|&b| b as char).collect());
                let name = f.display().to_string();
                let t = flashpoint_coding::petrarch_verbs::translate_verbs(&name, &text);
                imports.push(format!(
                    "{name}: {} verbs, {} patterns → {} pattern lines; {} skipped",
                    t.verbs,
                    t.patterns_in,
                    t.patterns_out,
                    t.skipped.len()
                ));
                files.push((name, t.patterns));
            }
            Box::new(
                PatternCoder::from_files(files, flashpoint_coding::Ontology::bundled(), options)
                    .map_err(|e| EngineError::Input(e.to_string()))?,
            )
        } else {
            Box::new(PatternCoder::bundled())
        };
        Ok(Engine {
            places_and_dates: !self.no_places,
            modal_events: self.modal_events,
            merge: !self.no_merge,
            imports,
            recognizer: Recognizer::new(kb),
            coder,
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

/// Attaches a location and a date to each event: places are found in the article
/// (actor spans that are event sources or targets, and actors that are not place
/// names, are excluded), the event's place is the one governing its trigger ("in/at/near
/// X"), else the sentence's first place, else the target's or source's country. The
/// event date comes from the temporal expression in the evidence sentence nearest to the
/// trigger, else the article date.
fn where_and_when(doc: &Document, date: NaiveDate, mentions: &[Mention], events: &mut [Event]) {
    use flashpoint_model::{DatePrecision, DateSource, EventLocation};
    let gaz = flashpoint_geo::Gazetteer::bundled();
    let mut actor_spans: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| !m.place_like)
        .map(|m| (m.span.start, m.span.end))
        .collect();
    for e in events.iter() {
        if let Some(a) = &e.source {
            actor_spans.push((a.span.start, a.span.end));
        }
        if let Some(t) = &e.target {
            actor_spans.push((t.span.start, t.span.end));
        }
    }
    let mut countries: Vec<String> = mentions.iter().filter_map(|m| m.country.clone()).collect();
    countries.dedup();
    let ctx = flashpoint_geo::PlaceContext {
        countries,
        actor_spans,
    };
    // Only the evidence sentences are searched (the article's countries still guide
    // disambiguation through `ctx`): most sentences carry no event.
    let mut sentence_spans: Vec<(usize, usize)> = events
        .iter()
        .map(|e| (e.evidence_span.start, e.evidence_span.end))
        .collect();
    sentence_spans.sort_unstable();
    sentence_spans.dedup();
    let mut places = Vec::new();
    let mut times = Vec::new();
    for &(a, b) in &sentence_spans {
        let Some(slice) = doc.text.get(a..b) else {
            continue;
        };
        let local = flashpoint_geo::PlaceContext {
            countries: ctx.countries.clone(),
            actor_spans: ctx
                .actor_spans
                .iter()
                .filter(|s| s.0 >= a && s.1 <= b)
                .map(|s| (s.0 - a, s.1 - a))
                .collect(),
        };
        for mut p in flashpoint_geo::find_places(gaz, slice, &local) {
            p.span = (p.span.0 + a, p.span.1 + a);
            places.push(p);
        }
        for mut t in flashpoint_geo::find_dates(slice, date) {
            t.span = (t.span.0 + a, t.span.1 + a);
            times.push(t);
        }
    }
    for e in events.iter_mut() {
        let trigger = (e.why.trigger_span.start, e.why.trigger_span.end);
        let sentence = (e.evidence_span.start, e.evidence_span.end);
        let fallback: Vec<String> = e
            .target
            .iter()
            .chain(e.source.iter())
            .filter_map(|a| a.country.clone())
            .collect();
        if let Some(p) =
            flashpoint_geo::locate_event(gaz, doc.text, &places, trigger, sentence, &fallback)
        {
            let span = (p.place.span.1 > p.place.span.0)
                .then(|| flashpoint_model::Span::new(p.place.span.0, p.place.span.1));
            e.location = Some(EventLocation {
                name: p.place.name.clone(),
                country: p.place.country.clone(),
                admin1: p.place.admin1.clone(),
                lat: Some(p.place.lat),
                lon: Some(p.place.lon),
                precision: p.place.precision.to_string(),
                span,
            });
            e.why
                .notes
                .push(format!("location: {} ({})", p.how, p.place.why));
        }
        let dist =
            |t: &flashpoint_geo::TimeMention| (t.span.0 as i64 - trigger.0 as i64).unsigned_abs();
        if let Some(t) = times
            .iter()
            .filter(|t| t.span.0 >= sentence.0 && t.span.1 <= sentence.1)
            .min_by_key(|t| dist(t))
        {
            e.date = t.date;
            e.date_precision = match t.precision {
                "week" => DatePrecision::Week,
                "month" => DatePrecision::Month,
                "year" => DatePrecision::Year,
                _ => DatePrecision::Day,
            };
            e.date_source = DateSource::Expression;
            e.why
                .notes
                .push(format!("date: {:?} → {} ({})", t.text, t.value, t.why));
        }
    }
}

/// Merges events of one article with the same source, target, code, date and
/// modality into the first one: its `sentences` lists every evidence sentence, and its
/// confidence becomes 1 − Π(1 − cᵢ) over the merged events (capped at 0.99), since
/// independent evidence sentences make the event more certain.
fn merge_events(events: &mut Vec<Event>) {
    let key = |e: &Event| {
        (
            e.source.as_ref().map(|a| a.code.clone()),
            e.target.as_ref().map(|a| a.code.clone()),
            e.cameo.clone(),
            e.date,
            e.modality.clone(),
        )
    };
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events.drain(..) {
        let k = key(&e);
        if let Some(first) = out.iter_mut().find(|f| key(f) == k) {
            if !first.sentences.contains(&e.sentence) {
                first.sentences.push(e.sentence);
                first.confidence =
                    (1.0 - (1.0 - first.confidence) * (1.0 - e.confidence)).min(0.99);
            }
        } else {
            out.push(e);
        }
    }
    *events = out;
}

/// The configured pipeline.
pub struct Engine {
    /// What the PETRARCH dictionary imports added (one line per file).
    imports: Vec<String>,
    places_and_dates: bool,
    modal_events: bool,
    merge: bool,
    recognizer: Recognizer<'static>,
    coder: Box<dyn Coder>,
}

impl Engine {
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// One line per imported PETRARCH dictionary: what it added and skipped.
    pub fn imports(&self) -> &[String] {
        &self.imports
    }

    pub fn knowledge_base(&self) -> &KnowledgeBase {
        self.recognizer.kb()
    }

    /// Processes one article.
    pub fn process(&self, article: &Article) -> ArticleOutput {
        let doc = Document::analyze(&article.text);
        let mentions = self.mentions(&doc, article.date);
        let mut events = Vec::new();
        let mut parsed = 0;
        for (s, ms) in mentions.iter().enumerate() {
            if ms.is_empty() {
                continue;
            }
            let mut ctx = SentenceContext {
                article_id: &article.id,
                date: article.date,
                doc: &doc,
                sentence: s,
                mentions: ms,
                parse: None,
            };
            if !self.coder.wants_sentence(&ctx) {
                continue;
            }
            let parse = self.parse_sentence(&doc, s);
            parsed += usize::from(parse.is_some());
            ctx.parse = parse.as_ref();
            self.coder.code_sentence(&ctx, &mut events, None);
        }
        self.finish(
            &doc,
            article.date,
            &mentions,
            &mut events,
            self.modal_events,
        );
        ArticleOutput {
            sentences: doc.sentences.len(),
            parsed,
            events,
        }
    }

    /// Actor mentions of every sentence, with coreference resolved across the article.
    fn mentions(&self, doc: &Document, date: NaiveDate) -> Vec<Vec<Mention>> {
        let mut all: Vec<Vec<Mention>> = (0..doc.sentences.len())
            .map(|s| self.recognizer.find(doc, s, date))
            .collect();
        if all.iter().any(|m| !m.is_empty()) {
            flashpoint_actors::coref::resolve_coreference(doc, &mut all, self.recognizer.kb());
        }
        all
    }

    /// After coding: drops events that are not asserted (unless asked for), attaches
    /// places and dates, and merges repeats.
    fn finish(
        &self,
        doc: &Document,
        date: NaiveDate,
        mentions: &[Vec<Mention>],
        events: &mut Vec<Event>,
        keep_modal: bool,
    ) {
        if !keep_modal {
            events.retain(|e| e.modality.is_none());
        }
        if !events.is_empty() && self.places_and_dates {
            let all: Vec<Mention> = mentions.iter().flatten().cloned().collect();
            where_and_when(doc, date, &all, events);
        }
        if self.merge {
            merge_events(events);
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
        let mentions = self.mentions(&doc, date);
        for (s, parse) in parses.iter().enumerate() {
            let mut trace = Vec::new();
            let ctx = SentenceContext {
                article_id: id,
                date,
                doc: &doc,
                sentence: s,
                mentions: &mentions[s],
                parse: parse.as_ref(),
            };
            if mentions[s].is_empty() {
                trace.push("no actor mention: not coded".into());
            } else if !self.coder.wants_sentence(&ctx) {
                trace.push("no trigger word: not parsed for coding".into());
            } else {
                self.coder
                    .code_sentence(&ctx, &mut events, Some(&mut trace));
            }
            sentences.push((mentions[s].clone(), trace));
        }
        // explain shows events that are not asserted too, marked as such
        self.finish(&doc, date, &mentions, &mut events, true);
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
