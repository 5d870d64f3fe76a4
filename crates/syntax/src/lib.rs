//! flashpoint-syntax: English POS tagging (UPOS + Penn XPOS), lemmatisation and labelled
//! dependency parsing into Universal Dependencies relations.
//!
//! * Tagger: greedy averaged perceptron over a joint `UPOS|XPOS` tag set, with word, affix,
//!   shape, context-word, previous-tag and ambiguity-class features, plus a second pass that
//!   also sees the first pass's tags to the right.
//! * Parser: greedy arc-hybrid transition system with labelled transitions, trained with
//!   a dynamic oracle and error exploration (Goldberg & Nivre 2013) on jackknifed tags,
//!   Zhang & Nivre (2011)-style feature templates.
//! * Lemmatizer: suffix rules learnt per tag + exception table learnt from the treebank.
//!
//! The model is trained by [`train`] on UD English-EWT (CC BY-SA 4.0) and bundled as
//! `model/en_ewt.fpsyn`; see the crate README.
//!
//! ```no_run
//! let m = flashpoint_syntax::SyntaxModel::bundled();
//! let a = m.analyze(&["The", "minister", "condemned", "the", "attack", "."]);
//! assert_eq!(a.tokens[2].deprel, "root");
//! ```

pub mod conllu;
mod error;
mod hash;
mod labels;
mod lemma;
mod parser;
mod perceptron;
mod ser;
mod tagger;
mod weights;

pub use error::SyntaxError;

use hash::{checksum, hash_bytes, U64Map};
use parser::{Input, Parser, TrainSent, NONE};
use perceptron::Sparse;
use ser::{Reader, Writer};
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;
use std::time::Instant;
use tagger::{Tagger, WordInfo};

const MAGIC: &[u8; 8] = b"FPSYN\x00\x01\x00";
const FORMAT_VERSION: u32 = 3;
/// Oldest format this build still reads (version 2 has no tag dictionary).
const MIN_FORMAT_VERSION: u32 = 2;

/// A trained tagger + lemmatizer + parser.
pub struct SyntaxModel {
    /// Joint tags: (UPOS, XPOS).
    tags: Vec<(&'static str, &'static str)>,
    labels: Vec<&'static str>,
    root_label: usize,
    tagger: Tagger,
    parser: Parser,
    lemmatizer: lemma::Lemmatizer,
}

/// Analysis of one sentence, one entry per input word.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Analysis {
    pub tokens: Vec<TokenAnalysis>,
}

/// Analysis of one word.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TokenAnalysis {
    /// Universal POS tag, e.g. `NOUN`.
    pub upos: &'static str,
    /// Penn Treebank tag, e.g. `NNS`.
    pub xpos: &'static str,
    pub lemma: String,
    /// 0 = root, else the 1-based index of the head word.
    pub head: u32,
    /// UD relation including subtypes (`nsubj:pass`, `obl:agent`, `compound:prt`, ...).
    pub deprel: &'static str,
}

static BUNDLED_BYTES: &[u8] = include_bytes!("../model/en_ewt.fpsyn");
static BUNDLED: OnceLock<Result<SyntaxModel, String>> = OnceLock::new();

impl SyntaxModel {
    /// The bundled model (UD English-EWT), decoded once and cached.
    ///
    /// # Panics
    /// Only if the model file compiled into the crate is corrupt (a packaging bug);
    /// use [`SyntaxModel::try_bundled`] to get an error instead.
    pub fn bundled() -> &'static SyntaxModel {
        match Self::try_bundled() {
            Ok(m) => m,
            Err(e) => panic!("bundled syntax model unusable: {e}"),
        }
    }

    /// The bundled model, or an error if the compiled-in file is unusable.
    pub fn try_bundled() -> Result<&'static SyntaxModel, SyntaxError> {
        BUNDLED
            .get_or_init(|| SyntaxModel::from_bytes(BUNDLED_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| SyntaxError::BadModel(e.clone()))
    }

    pub fn load(path: &Path) -> Result<SyntaxModel, SyntaxError> {
        let bytes = std::fs::read(path).map_err(|source| SyntaxError::Io {
            action: "read syntax model",
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_bytes(&bytes)
    }

    pub fn save(&self, path: &Path) -> Result<(), SyntaxError> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|source| SyntaxError::Io {
                    action: "create directory for",
                    path: path.to_path_buf(),
                    source,
                })?;
            }
        }
        std::fs::write(path, self.to_bytes()).map_err(|source| SyntaxError::Io {
            action: "write syntax model",
            path: path.to_path_buf(),
            source,
        })
    }

    /// Serialise deterministically (same model -> same bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(MAGIC);
        w.u32(FORMAT_VERSION);
        w.u32(self.tags.len() as u32);
        for (u, x) in &self.tags {
            w.str(u);
            w.str(x);
        }
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        w.u32(self.root_label as u32);
        let mut amb: Vec<(u64, u64)> = self.tagger.amb.iter().map(|(a, b)| (*a, *b)).collect();
        amb.sort_unstable();
        w.u32(amb.len() as u32);
        for (a, b) in amb {
            w.u64(a);
            w.u64(b);
        }
        let mut dict: Vec<(u64, u16)> = self.tagger.dict.iter().map(|(a, b)| (*a, *b)).collect();
        dict.sort_unstable();
        w.u32(dict.len() as u32);
        for (a, b) in dict {
            w.u64(a);
            w.u32(b as u32);
        }
        self.tagger.model.write(&mut w);
        match &self.tagger.model2 {
            Some(m2) => {
                w.u8(1);
                m2.write(&mut w);
            }
            None => w.u8(0),
        }
        self.parser.model.write(&mut w);
        self.lemmatizer.write(&mut w);
        let sum = checksum(&w.buf);
        w.u64(sum);
        w.buf
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SyntaxModel, SyntaxError> {
        if bytes.len() < MAGIC.len() + 12 || &bytes[..MAGIC.len()] != MAGIC {
            return Err(SyntaxError::BadModel(
                "not a flashpoint syntax model (bad magic bytes)".into(),
            ));
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let mut t = [0u8; 8];
        t.copy_from_slice(tail);
        // format version (bytes after the magic) decides the checksum: v2 used byte-wise FNV
        let ver = u32::from_le_bytes([
            bytes[MAGIC.len()],
            bytes[MAGIC.len() + 1],
            bytes[MAGIC.len() + 2],
            bytes[MAGIC.len() + 3],
        ]);
        let sum = if ver <= 2 {
            hash_bytes(body)
        } else {
            checksum(body)
        };
        if sum != u64::from_le_bytes(t) {
            return Err(SyntaxError::BadModel(
                "checksum mismatch (file truncated or corrupted)".into(),
            ));
        }
        let mut r = Reader::new(body);
        r.take(MAGIC.len())?;
        let v = r.u32()?;
        if !(MIN_FORMAT_VERSION..=FORMAT_VERSION).contains(&v) {
            return Err(SyntaxError::BadModel(format!(
                "format version {v}, this build reads versions {MIN_FORMAT_VERSION}-{FORMAT_VERSION}"
            )));
        }
        let nt = r.len(8)?;
        let mut tags = Vec::with_capacity(nt);
        for _ in 0..nt {
            let u = labels::intern(&r.str()?);
            let x = labels::intern(&r.str()?);
            tags.push((u, x));
        }
        let nl = r.len(4)?;
        let mut labs = Vec::with_capacity(nl);
        for _ in 0..nl {
            labs.push(labels::intern(&r.str()?));
        }
        let root_label = r.u32()? as usize;
        if root_label >= nl.max(1) {
            return Err(SyntaxError::BadModel(
                "root label index out of range".into(),
            ));
        }
        let na = r.len(16)?;
        let mut amb = U64Map::default();
        amb.reserve(na);
        for _ in 0..na {
            let a = r.u64()?;
            let b = r.u64()?;
            amb.insert(a, b);
        }
        let mut dict = U64Map::default();
        if v >= 3 {
            let nd = r.len(12)?;
            dict.reserve(nd);
            for _ in 0..nd {
                let a = r.u64()?;
                let t = r.u32()?;
                if t as usize >= nt {
                    return Err(SyntaxError::BadModel(
                        "tag dictionary entry out of range".into(),
                    ));
                }
                dict.insert(a, t as u16);
            }
        }
        let tmodel = Sparse::read(&mut r)?;
        let tmodel2 = match r.u8()? {
            0 => None,
            1 => Some(Sparse::read(&mut r)?),
            x => return Err(SyntaxError::BadModel(format!("bad second-pass flag {x}"))),
        };
        if tmodel2.as_ref().is_some_and(|m| m.nclasses != nt.max(1)) {
            return Err(SyntaxError::BadModel(
                "second-pass tagger class count mismatch".into(),
            ));
        }
        let pmodel = Sparse::read(&mut r)?;
        let lemmatizer = lemma::Lemmatizer::read(&mut r)?;
        if !r.done() {
            return Err(SyntaxError::BadModel(
                "trailing bytes after model sections".into(),
            ));
        }
        if tmodel.nclasses != nt.max(1) || pmodel.nclasses != parser::nclasses(nl) {
            return Err(SyntaxError::BadModel(
                "class counts do not match tag/label inventories".into(),
            ));
        }
        Ok(SyntaxModel {
            tags,
            labels: labs,
            root_label,
            tagger: Tagger::new(tmodel, tmodel2, amb, dict),
            parser: Parser {
                model: pmodel,
                root_label,
            },
            lemmatizer,
        })
    }

    /// Joint tag inventory (UPOS, XPOS).
    pub fn tagset(&self) -> &[(&'static str, &'static str)] {
        &self.tags
    }
    /// Dependency relation inventory.
    pub fn relations(&self) -> &[&'static str] {
        &self.labels
    }
    /// (tagger features, tagger weights, parser features, parser weights, lemma rules, lemma exceptions)
    pub fn stats(&self) -> [usize; 6] {
        [
            self.tagger.model.num_features(),
            self.tagger.model.num_entries(),
            self.parser.model.num_features(),
            self.parser.model.num_entries(),
            self.lemmatizer.num_rules(),
            self.lemmatizer.num_exceptions(),
        ]
    }

    fn tag_ids(&self, words: &[&str]) -> (Vec<WordInfo>, Vec<u16>) {
        let mut infos = tagger::sentence_infos(words);
        tagger::apply_amb(&mut infos, &self.tagger.amb);
        let mut tags = Vec::with_capacity(words.len());
        self.tagger.tag(&infos, &mut tags);
        (infos, tags)
    }

    /// Tag, lemmatise and parse one sentence given its word forms.
    /// Never panics; empty input gives an empty analysis.
    pub fn analyze(&self, words: &[&str]) -> Analysis {
        if words.is_empty() {
            return Analysis { tokens: Vec::new() };
        }
        let (infos, tags) = self.tag_ids(words);
        let lw: Vec<u64> = infos.iter().map(|i| i.lw).collect();
        let input = Input::new(&lw, &tags);
        let (heads, labs) = self.parser.parse(&input, words.len());
        let mut tokens = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            let (upos, xpos) = self
                .tags
                .get(tags[i] as usize)
                .copied()
                .unwrap_or(("X", "_"));
            let h = heads.get(i + 1).copied().unwrap_or(NONE);
            let l = labs.get(i + 1).copied().unwrap_or(parser::NO_LABEL) as usize;
            let (head, deprel) = if h == NONE {
                (0, "dep")
            } else {
                (h, self.labels.get(l).copied().unwrap_or("dep"))
            };
            tokens.push(TokenAnalysis {
                upos,
                xpos,
                lemma: self.lemmatizer.lemma(w, tags[i], upos == "PROPN"),
                head,
                deprel,
            });
        }
        Analysis { tokens }
    }
}

/// Training options. Defaults are the settings used for the bundled model.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs_tagger: usize,
    pub epochs_parser: usize,
    pub seed: u64,
    /// Folds for jackknifed training tags for the parser (0 or 1 = train parser on gold tags).
    pub jackknife_folds: usize,
    /// Epochs for the jackknife taggers (0 = same as `epochs_tagger`).
    pub epochs_jackknife: usize,
    /// Dynamic-oracle exploration: follow wrong predictions from this epoch on ...
    pub explore_from_epoch: usize,
    /// ... with this probability.
    pub explore_p: f64,
    /// Averaged weights with |w| below these are pruned.
    pub tagger_prune: f32,
    pub parser_prune: f32,
    /// Minimum word count for ambiguity-class features.
    pub amb_min_count: u32,
    /// Tag dictionary: words seen at least this often with one tag in at least
    /// `dict_min_share` of the cases are tagged without scoring (0 = no dictionary).
    pub dict_min_count: u32,
    pub dict_min_share: f64,
    /// Evaluate on dev after each parser epoch (slower; for tuning).
    pub dev_each_epoch: bool,
    /// Add a second tagging pass that sees first-pass tags to the right (needs jackknifing).
    pub two_pass_tagger: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs_tagger: 10,
            epochs_parser: 15,
            seed: 42,
            jackknife_folds: 10,
            epochs_jackknife: 0,
            explore_from_epoch: 1,
            explore_p: 0.9,
            tagger_prune: 0.0,
            parser_prune: 1.0,
            amb_min_count: 5,
            dict_min_count: 20,
            dict_min_share: 0.99,
            dev_each_epoch: false,
            two_pass_tagger: true,
        }
    }
}

fn freq_sorted(counts: HashMap<String, usize>) -> Vec<String> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter().map(|x| x.0).collect()
}

/// Train a model on gold CoNLL-U sentences. Deterministic for a given input and options.
pub fn train(
    train: &[conllu::Sentence],
    dev: Option<&[conllu::Sentence]>,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&str),
) -> SyntaxModel {
    let t0 = Instant::now();
    // inventories
    let mut tc: HashMap<String, usize> = HashMap::new();
    let mut lc: HashMap<String, usize> = HashMap::new();
    for s in train {
        for t in &s.tokens {
            *tc.entry(format!("{}\t{}", t.upos, t.xpos)).or_default() += 1;
            if t.deprel != "root" {
                *lc.entry(t.deprel.clone()).or_default() += 1;
            }
        }
    }
    let tag_names = freq_sorted(tc);
    let mut label_names = freq_sorted(lc);
    label_names.push("root".to_string());
    let root_label = label_names.len() - 1;
    let tag_index: HashMap<&str, u16> = tag_names
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i as u16))
        .collect();
    let label_index: HashMap<&str, u8> = label_names
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i.min(254) as u8))
        .collect();
    let tags: Vec<(&'static str, &'static str)> = tag_names
        .iter()
        .map(|s| {
            let (u, x) = s.split_once('\t').unwrap_or((s.as_str(), "_"));
            (labels::intern(u), labels::intern(x))
        })
        .collect();
    let ntags = tags.len();
    progress(&format!(
        "{} sentences, {} joint tags, {} relations",
        train.len(),
        ntags,
        label_names.len()
    ));

    // tagger data
    let mut tdata: Vec<(Vec<WordInfo>, Vec<u16>)> = train
        .iter()
        .map(|s| {
            let forms = s.forms();
            let gold = s
                .tokens
                .iter()
                .map(|t| tag_index[format!("{}\t{}", t.upos, t.xpos).as_str()])
                .collect();
            (tagger::sentence_infos(&forms), gold)
        })
        .collect();

    // jackknifed tags for parser training
    let mut jk_tags: Vec<Vec<u16>> = tdata.iter().map(|(_, g)| g.clone()).collect();
    let folds = opts.jackknife_folds;
    if folds >= 2 && train.len() >= folds {
        let ep = if opts.epochs_jackknife == 0 {
            opts.epochs_tagger
        } else {
            opts.epochs_jackknife
        };
        let (mut right, mut total) = (0usize, 0usize);
        for k in 0..folds {
            let rest: Vec<(Vec<WordInfo>, Vec<u16>)> = tdata
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != k)
                .map(|(_, d)| d.clone())
                .collect();
            let amb = tagger::build_amb(&rest, opts.amb_min_count);
            let mut rest = rest;
            for (inf, _) in rest.iter_mut() {
                tagger::apply_amb(inf, &amb);
            }
            let model = tagger::train(
                &rest,
                None,
                ntags,
                ep,
                opts.seed + k as u64,
                opts.tagger_prune,
                &mut |_| {},
            );
            let tg = Tagger::new(model, None, amb, U64Map::default());
            for (i, (inf, gold)) in tdata.iter().enumerate() {
                if i % folds != k {
                    continue;
                }
                let mut inf = inf.clone();
                tagger::apply_amb(&mut inf, &tg.amb);
                let mut out = Vec::new();
                tg.tag(&inf, &mut out);
                right += out.iter().zip(gold).filter(|(a, b)| a == b).count();
                total += gold.len();
                jk_tags[i] = out;
            }
            progress(&format!(
                "  jackknife fold {}/{} done ({:.0}s)",
                k + 1,
                folds,
                t0.elapsed().as_secs_f64()
            ));
        }
        progress(&format!(
            "jackknifed tag accuracy on train: {:.2}%",
            100.0 * right as f64 / total.max(1) as f64
        ));
    }

    // final tagger
    let amb = tagger::build_amb(&tdata, opts.amb_min_count);
    for (inf, _) in tdata.iter_mut() {
        tagger::apply_amb(inf, &amb);
    }
    progress("training tagger");
    let tmodel = tagger::train(
        &tdata,
        None,
        ntags,
        opts.epochs_tagger,
        opts.seed,
        opts.tagger_prune,
        progress,
    );
    let jackknifed = folds >= 2 && train.len() >= folds;
    let tmodel2 = if jackknifed && opts.two_pass_tagger {
        progress("training second-pass tagger (right context from jackknifed first-pass tags)");
        Some(tagger::train(
            &tdata,
            Some(&jk_tags),
            ntags,
            opts.epochs_tagger,
            opts.seed ^ 2,
            opts.tagger_prune,
            progress,
        ))
    } else {
        None
    };
    progress(&format!(
        "tagger: {} features, {} weights ({:.0}s)",
        tmodel.num_features(),
        tmodel.num_entries(),
        t0.elapsed().as_secs_f64()
    ));
    let dict = tagger::build_dict(&tdata, opts.dict_min_count, opts.dict_min_share);
    progress(&format!("tag dictionary: {} words", dict.len()));
    let tagger = Tagger::new(tmodel, tmodel2, amb, dict);

    // lemmatizer
    let lem_tokens: Vec<(String, u16, String, bool)> = train
        .iter()
        .flat_map(|s| s.tokens.iter())
        .map(|t| {
            (
                t.form.clone(),
                tag_index[format!("{}\t{}", t.upos, t.xpos).as_str()],
                t.lemma.clone(),
                t.upos == "PROPN",
            )
        })
        .collect();
    let lemmatizer = lemma::Lemmatizer::train(&lem_tokens);
    progress(&format!(
        "lemmatizer: {} rules, {} exceptions",
        lemmatizer.num_rules(),
        lemmatizer.num_exceptions()
    ));

    // parser data
    let mut nonproj = 0usize;
    let pdata: Vec<TrainSent> = train
        .iter()
        .zip(&tdata)
        .zip(&jk_tags)
        .map(|((s, (inf, _)), tg)| {
            let n = s.tokens.len();
            let mut heads = vec![0u32; n + 1];
            let mut labs = vec![0u8; n + 1];
            for (i, t) in s.tokens.iter().enumerate() {
                heads[i + 1] = t.head;
                labs[i + 1] = if t.head == 0 {
                    root_label as u8
                } else {
                    label_index.get(t.deprel.as_str()).copied().unwrap_or(0)
                };
            }
            let before = heads.clone();
            parser::projectivize(&mut heads);
            if before != heads {
                nonproj += 1;
            }
            let lw: Vec<u64> = inf.iter().map(|i| i.lw).collect();
            TrainSent {
                input: Input::new(&lw, tg),
                n,
                heads,
                labels: labs,
            }
        })
        .filter(|s| s.heads.iter().skip(1).filter(|&&h| h == 0).count() == 1)
        .collect();
    progress(&format!(
        "training parser on {} sentences ({} projectivised by lifting)",
        pdata.len(),
        nonproj
    ));
    let mut model = SyntaxModel {
        tags,
        labels: label_names.iter().map(|s| labels::intern(s)).collect(),
        root_label,
        tagger,
        parser: Parser {
            model: perceptron::Trainer::new(parser::nclasses(label_names.len())).finish(0.0),
            root_label,
        },
        lemmatizer,
    };
    let popts = parser::ParserTrainOpts {
        epochs: opts.epochs_parser,
        seed: opts.seed,
        explore_from_epoch: opts.explore_from_epoch,
        explore_p: opts.explore_p,
    };
    let mut dev_msgs: Vec<String> = Vec::new();
    let pmodel = {
        let model_ref = &mut model;
        let mut hook = |ep: usize, tr: &perceptron::Trainer| {
            if let (true, Some(d)) = (opts.dev_each_epoch, dev) {
                model_ref.parser.model = tr.finish(opts.parser_prune);
                let r = evaluate(model_ref, d);
                dev_msgs.push(format!(
                    "  dev after parser epoch {}: UAS {:.2} LAS {:.2}",
                    ep + 1,
                    r.uas,
                    r.las
                ));
            }
        };
        let mut prog = |m: &str| {
            progress(m);
        };
        parser::train(
            &pdata,
            label_names.len(),
            root_label,
            &popts,
            &mut prog,
            &mut hook,
        )
    };
    for m in &dev_msgs {
        progress(m);
    }
    if let (Ok(sweep), Some(d)) = (std::env::var("FPSYN_PRUNE_SWEEP"), dev) {
        for th in sweep
            .split(',')
            .filter_map(|x| x.trim().parse::<f32>().ok())
        {
            model.parser.model = pmodel.finish(th);
            let r = evaluate(&model, d);
            progress(&format!(
                "  prune {th}: parser {} features {} weights, ~{:.1} MB; dev UAS {:.2} LAS {:.2} {:.0} tok/s",
                model.parser.model.num_features(),
                model.parser.model.num_entries(),
                (model.parser.model.num_features() * 9 + model.parser.model.num_entries() * 3) as f64 / 1e6,
                r.uas,
                r.las,
                r.tokens_per_sec
            ));
        }
    }
    model.parser.model = pmodel.finish(opts.parser_prune);
    progress(&format!(
        "parser: {} features, {} weights ({:.0}s total)",
        model.parser.model.num_features(),
        model.parser.model.num_entries(),
        t0.elapsed().as_secs_f64()
    ));
    if let Some(d) = dev {
        let r = evaluate(&model, d);
        progress(&format!(
            "dev: UPOS {:.2} XPOS {:.2} lemma {:.2} UAS {:.2} LAS {:.2} ({:.0} tok/s)",
            r.upos, r.xpos, r.lemma, r.uas, r.las, r.tokens_per_sec
        ));
    }
    model
}

/// Scores against a gold treebank (CoNLL 2018 convention: all words incl. punctuation,
/// gold tokenisation, predicted tags). Percentages in 0..=100.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct EvalReport {
    pub upos: f64,
    pub xpos: f64,
    /// UPOS and XPOS both right.
    pub upos_xpos: f64,
    pub uas: f64,
    /// LAS on universal relations (subtypes stripped, as the CoNLL 2018 evaluation does).
    pub las: f64,
    /// LAS requiring the full relation including subtype (e.g. `nsubj:pass`).
    pub las_full: f64,
    pub lemma: f64,
    pub sentences: usize,
    pub tokens: usize,
    /// Tag + lemmatise + parse throughput, single thread.
    pub tokens_per_sec: f64,
}

/// Evaluate `model` on gold sentences.
pub fn evaluate(model: &SyntaxModel, gold: &[conllu::Sentence]) -> EvalReport {
    let mut r = EvalReport::default();
    let (mut up, mut xp, mut ux, mut ua, mut la, mut lf, mut lm, mut n) =
        (0usize, 0, 0, 0, 0, 0, 0, 0);
    let mut secs = 0f64;
    for s in gold {
        let forms = s.forms();
        let t = Instant::now();
        let a = model.analyze(&forms);
        secs += t.elapsed().as_secs_f64();
        for (g, p) in s.tokens.iter().zip(&a.tokens) {
            n += 1;
            up += (g.upos == p.upos) as usize;
            xp += (g.xpos == p.xpos) as usize;
            ux += (g.upos == p.upos && g.xpos == p.xpos) as usize;
            lm += (g.lemma == p.lemma) as usize;
            if g.head == p.head {
                ua += 1;
                let gu = g.deprel.split(':').next().unwrap_or("");
                let pu = p.deprel.split(':').next().unwrap_or("");
                la += (gu == pu) as usize;
                lf += (g.deprel == p.deprel) as usize;
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    r.upos = pct(up);
    r.xpos = pct(xp);
    r.upos_xpos = pct(ux);
    r.uas = pct(ua);
    r.las = pct(la);
    r.las_full = pct(lf);
    r.lemma = pct(lm);
    r.sentences = gold.len();
    r.tokens = n;
    r.tokens_per_sec = if secs > 0.0 { n as f64 / secs } else { 0.0 };
    r
}
