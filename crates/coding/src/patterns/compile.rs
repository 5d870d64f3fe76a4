//! Compilation: [`RawPattern`]s → interned words, alternatives and matching steps, and
//! an index from trigger word id to candidate patterns.

use super::parse::{PatternError, RawPattern, Tok};
use crate::basic::inflect;
use crate::linguistics::is_preposition;
use crate::ontology::Ontology;
use std::collections::HashMap;

/// Word id (interned lemma or multiword part).
pub type WordId = u32;
pub const NO_WORD: WordId = u32::MAX;

/// A multiword lemma (`air_strike`, `state_of_emergency`, `cease-fire`): its parts in
/// surface order and which part is the syntactic head.
#[derive(Debug, Clone)]
pub struct Multi {
    pub parts: Vec<WordId>,
    pub head: usize,
}

/// A set of acceptable words (one lemma, an alternative or a set).
#[derive(Debug, Clone, Default)]
pub struct Alt {
    /// Sorted single-word ids.
    pub singles: Vec<WordId>,
    /// Indices into [`Compiled::multis`].
    pub multis: Vec<u32>,
}

/// What follows a preposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Obj {
    /// Nothing (a particle, or a preposition whose object is not named).
    None,
    Word(u32),
    Tgt,
}

/// One matching step after the trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// An object or other dependent word (alt index).
    Word(u32),
    /// A preposition (or particle) with its object.
    Prep {
        preps: u32,
        obj: Obj,
        /// `[with] TGT`: the preposition itself may be missing.
        optional_prep: bool,
    },
    /// `to VERB`: a complement clause (or a `to` phrase) headed by the word.
    ToVerb(u32),
    /// The target slot as direct / indirect object.
    Tgt,
    /// The next `n` steps form an optional group.
    Opt(u32),
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// `file:line`.
    pub id: String,
    pub code: String,
    pub prio: i32,
    /// Required tokens (trigger included, optional parts excluded).
    pub spec: u8,
    pub noun: bool,
    pub trigger: u32,
    pub steps: Vec<Step>,
    pub text: String,
    /// Position of the pattern in the compiled order (ties are broken by it).
    pub order: u32,
}

/// All patterns, compiled.
#[derive(Debug, Default)]
pub struct Compiled {
    pub words: HashMap<String, WordId>,
    /// Inflected forms of pattern words → the word (e.g. `shelled` → `shell`).
    pub forms: HashMap<String, WordId>,
    pub names: Vec<String>,
    pub multis: Vec<Multi>,
    pub alts: Vec<Alt>,
    pub patterns: Vec<Pattern>,
    /// Trigger head-word id → patterns (indices, in file order).
    pub index: HashMap<WordId, Vec<u32>>,
}

impl Compiled {
    fn intern(&mut self, w: &str) -> WordId {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = self.names.len() as WordId;
        self.names.push(w.to_string());
        self.words.insert(w.to_string(), id);
        id
    }

    pub fn name(&self, id: WordId) -> &str {
        self.names.get(id as usize).map_or("?", |s| s.as_str())
    }

    /// The word ids a lowercase token string stands for (itself, or the lemma of an
    /// inflected form).
    pub fn lookup(&self, lower: &str, out: &mut [WordId; 3], n: &mut usize) {
        for id in [self.words.get(lower), self.forms.get(lower)]
            .into_iter()
            .flatten()
        {
            if *n < 3 && !out[..*n].contains(id) {
                out[*n] = *id;
                *n += 1;
            }
        }
    }

    fn alt(&mut self, words: &[String]) -> u32 {
        let mut a = Alt::default();
        for w in words {
            let parts: Vec<&str> = w.split(['_', '-']).filter(|p| !p.is_empty()).collect();
            if parts.len() <= 1 {
                a.singles.push(self.intern(w));
                continue;
            }
            // A hyphenated word kept whole by the tokenizer ("counter-offensive").
            if w.contains('-') && !w.contains('_') {
                a.singles.push(self.intern(w));
            }
            let ids: Vec<WordId> = parts.iter().map(|p| self.intern(p)).collect();
            let head = match parts.iter().position(|p| is_preposition(p)) {
                Some(k) if k > 0 => k - 1,
                _ => parts.len() - 1,
            };
            a.multis.push(self.multis.len() as u32);
            self.multis.push(Multi { parts: ids, head });
        }
        a.singles.sort_unstable();
        a.singles.dedup();
        self.alts.push(a);
        (self.alts.len() - 1) as u32
    }

    /// The head-word ids of an alternative (for the trigger index).
    fn heads(&self, alt: u32) -> Vec<WordId> {
        let a = &self.alts[alt as usize];
        let mut v = a.singles.clone();
        for &m in &a.multis {
            let mu = &self.multis[m as usize];
            v.push(mu.parts[mu.head]);
        }
        v.sort_unstable();
        v.dedup();
        v
    }

    fn steps(&mut self, toks: &[Tok], out: &mut Vec<Step>, spec: &mut u8, required: bool) {
        let mut i = 0;
        let all_preps = |w: &[String]| w.iter().all(|x| is_preposition(x));
        while i < toks.len() {
            let next = toks.get(i + 1);
            let next_obj = |c: &mut Compiled| -> Option<Obj> {
                match next {
                    Some(Tok::Tgt) => Some(Obj::Tgt),
                    Some(Tok::Word(w)) if !all_preps(w) => Some(Obj::Word(c.alt(w))),
                    _ => None,
                }
            };
            match &toks[i] {
                Tok::Tgt => {
                    out.push(Step::Tgt);
                    if required {
                        *spec += 1;
                    }
                    i += 1;
                }
                Tok::Word(w) if all_preps(w) => {
                    let preps = self.alt(w);
                    let is_to = w.len() == 1 && w[0] == "to";
                    match next_obj(self) {
                        Some(Obj::Word(a)) if is_to => {
                            out.push(Step::ToVerb(a));
                            if required {
                                *spec += 2;
                            }
                            i += 2;
                        }
                        Some(obj) => {
                            out.push(Step::Prep {
                                preps,
                                obj,
                                optional_prep: false,
                            });
                            if required {
                                *spec += 2;
                            }
                            i += 2;
                        }
                        None => {
                            out.push(Step::Prep {
                                preps,
                                obj: Obj::None,
                                optional_prep: false,
                            });
                            if required {
                                *spec += 1;
                            }
                            i += 1;
                        }
                    }
                }
                Tok::Word(w) => {
                    let a = self.alt(w);
                    out.push(Step::Word(a));
                    if required {
                        *spec += 1;
                    }
                    i += 1;
                }
                Tok::Opt(inner) => {
                    // `[with] TGT`: an optional preposition before a required object.
                    if let [Tok::Word(w)] = inner.as_slice() {
                        if all_preps(w) {
                            if let Some(obj) = next_obj(self) {
                                let preps = self.alt(w);
                                out.push(Step::Prep {
                                    preps,
                                    obj,
                                    optional_prep: true,
                                });
                                if required {
                                    *spec += 1;
                                }
                                i += 2;
                                continue;
                            }
                        }
                    }
                    let at = out.len();
                    out.push(Step::Opt(0));
                    self.steps(inner, out, spec, false);
                    out[at] = Step::Opt((out.len() - at - 1) as u32);
                    i += 1;
                }
            }
        }
    }
}

/// Compiles parsed patterns; checks codes against the ontology.
pub fn compile(raw: &[RawPattern], ontology: &Ontology) -> Result<Compiled, PatternError> {
    let mut c = Compiled::default();
    for r in raw {
        if ontology.get(&r.code).map(|x| x.code.as_str()) != Some(r.code.as_str()) {
            return Err(PatternError {
                file: r.file.clone(),
                line: r.line,
                message: format!("event code {} is not in data/ontology/cameo.tsv", r.code),
            });
        }
        let trigger = c.alt(&r.trigger);
        let mut steps = Vec::new();
        let mut spec = 1u8;
        c.steps(&r.rest, &mut steps, &mut spec, true);
        let order = c.patterns.len() as u32;
        for h in c.heads(trigger) {
            c.index.entry(h).or_default().push(order);
        }
        c.patterns.push(Pattern {
            id: format!("{}:{}", r.file, r.line),
            code: r.code.clone(),
            prio: r.prio,
            spec,
            noun: r.noun,
            trigger,
            steps,
            text: r.text.clone(),
            order,
        });
    }
    // Inflected forms of every word (verbs and noun plurals), for lemmatiser errors.
    let mut forms = HashMap::new();
    for (id, w) in c.names.iter().enumerate() {
        if w.len() < 3 || !w.chars().all(|ch| ch.is_ascii_lowercase()) {
            continue;
        }
        for f in inflect(w) {
            if f != *w {
                forms.entry(f).or_insert(id as WordId);
            }
        }
    }
    for (lemma, irregular) in crate::linguistics::IRREGULAR_VERBS {
        if let Some(&id) = c.words.get(*lemma) {
            for f in *irregular {
                forms.entry(f.to_string()).or_insert(id);
            }
        }
    }
    c.forms = forms;
    Ok(c)
}
