//! [`PatternCoder`]: events from dependency patterns (docs/patterns.md) over the parse.
//!
//! For every token whose lemma (or surface form) is a pattern trigger:
//! 1. **Match.** Every pattern indexed under the trigger is matched against the
//!    dependency tree ([`super::matcher`]); verb patterns only on verbs, `~` patterns
//!    only on nouns. The winner is the highest `prio`, then the most specific, then
//!    the first in file order. Every attempt is traced for `flashpoint explain`.
//! 2. **Actors.** Verbs: the subject is the source (the `by` agent in a passive; the
//!    controller for `to`-clauses, conjuncts and relative clauses); the pattern's `TGT`
//!    slot is the target, else an actor object or prepositional object of the verb.
//!    Nouns: the source is the possessor, an actor adjective or compound ("Israeli
//!    strikes", "US sanctions"), the `by` phrase, or the subject of a light verb whose
//!    object the noun is ("Israel carried out strikes"). Conjoined actors ("the US and
//!    Britain") give one event per source/target pair; a symmetric event with two or
//!    more sources and no target ("X and Y held talks") gives both directions.
//! 3. **Mood.** Negation, modals, conditionals, intentions ("vowed to strike"),
//!    denials and refusals, accusations and past-perfect reports mark the event with a
//!    PLOVER auxiliary mode ([`Event::modality`]) instead of asserting it. Reported
//!    speech keeps the reporter ([`Event::reported_by`]); inside a quotation a
//!    first-person subject is the speaker.
//!
//! Invariants: the coder never panics on any parse (heads out of range are treated as
//! roots); an event has a source or a target actor; every event says in `why` which
//! pattern fired, on which tokens, and how its actors were chosen.

use super::compile::{compile, Compiled, WordId, NO_WORD};
use super::matcher::{Matcher, Sent, ROOT};
use super::parse::{parse_file, PatternError};
use crate::linguistics::*;
use crate::ontology::Ontology;
use crate::{event_actor, set_code, Coder, SentenceContext};
use flashpoint_actors::Mention;
use flashpoint_model::{DatePrecision, DateSource, Event, Span, Why};
use std::collections::HashSet;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/patterns.rs"));

/// Options of the pattern coder (the configuration side; [`PatternCoder`] is the
/// compiled runtime).
#[derive(Clone, Debug, Default)]
pub struct CoderOptions {
    /// PETRARCH convention for reported speech: "X said Y attacked Z" also codes
    /// X→Y 112 (accuse) besides Y→Z. Off by default.
    pub accuse_reported: bool,
}

/// Codes that are symmetric: "X and Y held talks" is X→Y and Y→X.
fn symmetric(code: &str) -> bool {
    code.starts_with("04")
        || code.starts_with("057")
        || code.starts_with("06")
        || code == "190"
        || code == "0871"
        || code == "0311"
}

/// Prepositions whose object can be an event's target when the pattern names none.
const TARGET_CASES: &[&str] = &[
    "against", "on", "with", "to", "at", "toward", "towards", "into", "upon", "over", "for",
    "from", "of", "onto", "inside",
];

/// Verbs whose nominal object is the event they "carry out": "Israel launched strikes".
const LIGHT_VERBS: &[&str] = &[
    "launch",
    "carry",
    "conduct",
    "stage",
    "mount",
    "hold",
    "make",
    "begin",
    "start",
    "continue",
    "resume",
    "step",
    "intensify",
    "escalate",
    "order",
    "unleash",
    "commit",
    "perpetrate",
    "impose",
    "issue",
    "deliver",
    "give",
    "sign",
    "have",
    "wage",
    "pay",
    "announce",
    "declare",
    "undertake",
    "extend",
    "provide",
    "send",
    "offer",
    "lodge",
    "file",
    "initiate",
    "open",
    "renew",
    "announce",
];

/// Subject pronouns that stand for the speaker inside a quotation.
const FIRST_PERSON: &[&str] = &["we", "i", "us", "me"];

/// One actor of an event: the mention (index into the sentence's mentions) and how it
/// was found.
#[derive(Clone, Copy, Debug)]
struct Role {
    mention: usize,
    how: &'static str,
}

/// The pattern coder. Build once ([`PatternCoder::bundled`] or
/// [`PatternCoder::from_files`]); share across threads.
pub struct PatternCoder {
    ontology: &'static Ontology,
    compiled: Compiled,
    options: CoderOptions,
    /// Lowercase surface forms of every trigger word (prefilter before parsing).
    trigger_forms: HashSet<String>,
    /// Number of patterns.
    count: usize,
    /// Per pattern: the alternatives (word sets) it requires besides the trigger, for
    /// the bag-of-words prefilter.
    required: Vec<Vec<u32>>,
}

/// The alternatives a pattern requires (required objects, `to` verbs and
/// prepositional objects; optional groups and `TGT` excluded).
fn required_alts(steps: &[super::compile::Step]) -> Vec<u32> {
    use super::compile::{Obj, Step};
    let mut out = Vec::new();
    let mut i = 0;
    while i < steps.len() {
        match steps[i] {
            Step::Opt(n) => i += n as usize,
            Step::Word(a) | Step::ToVerb(a) => out.push(a),
            Step::Prep {
                obj: Obj::Word(a), ..
            } => out.push(a),
            _ => {}
        }
        i += 1;
    }
    out
}

impl PatternCoder {
    /// The bundled patterns of `data/patterns/` with default options, compiled once.
    ///
    /// # Panics
    /// Only if the bundled pattern files are invalid (a packaging bug, tested in CI).
    pub fn bundled() -> &'static PatternCoder {
        static CODER: OnceLock<PatternCoder> = OnceLock::new();
        CODER.get_or_init(|| {
            PatternCoder::from_files(
                PATTERN_FILES
                    .iter()
                    .map(|(n, t)| (n.to_string(), t.to_string())),
                Ontology::bundled(),
                CoderOptions::default(),
            )
            .expect("bundled pattern files are valid")
        })
    }

    /// The bundled pattern files (name, text).
    pub fn bundled_files() -> &'static [(&'static str, &'static str)] {
        PATTERN_FILES
    }

    /// Compiles pattern files (name, text) in order.
    pub fn from_files(
        files: impl IntoIterator<Item = (String, String)>,
        ontology: &'static Ontology,
        options: CoderOptions,
    ) -> Result<PatternCoder, PatternError> {
        let mut raw = Vec::new();
        for (name, text) in files {
            raw.extend(parse_file(&name, &text)?);
        }
        let compiled = compile(&raw, ontology)?;
        let mut trigger_forms = HashSet::new();
        for &id in compiled.index.keys() {
            trigger_forms.insert(compiled.name(id).to_string());
        }
        for (form, id) in &compiled.forms {
            if compiled.index.contains_key(id) {
                trigger_forms.insert(form.clone());
            }
        }
        let required = compiled
            .patterns
            .iter()
            .map(|p| required_alts(&p.steps))
            .collect();
        Ok(PatternCoder {
            ontology,
            required,
            count: compiled.patterns.len(),
            compiled,
            options,
            trigger_forms,
        })
    }

    /// Returns a copy with other options.
    pub fn with_options(mut self, options: CoderOptions) -> PatternCoder {
        self.options = options;
        self
    }

    /// Number of compiled patterns.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Whether some pattern may match the sentence, judged on surface forms alone
    /// (used to skip parsing sentences that cannot carry an event): a token is a
    /// trigger of a pattern whose required words all occur in the sentence, or "must" /
    /// "should" occur (a possible reported obligation). Capitalised words inside the
    /// sentence ("March", "Trade Minister") are not triggers.
    pub fn has_trigger_candidate(&self, doc: &flashpoint_text::Document, sentence: usize) -> bool {
        let range = doc.sentences[sentence].tokens.clone();
        let mut buf = String::new();
        let mut present: Vec<WordId> = Vec::new();
        let mut triggers: Vec<WordId> = Vec::new();
        for k in range.clone() {
            let t = doc.token_text(k);
            buf.clear();
            buf.extend(t.chars().flat_map(char::to_lowercase));
            let mut ids = [NO_WORD; 3];
            let mut n = 0;
            self.compiled.lookup(&buf, &mut ids, &mut n);
            present.extend_from_slice(&ids[..n]);
            if matches!(buf.as_str(), "must" | "should") {
                // a possible reported obligation (`deontic_reports`)
                return true;
            }
            let capitalised = k != range.start && t.chars().next().is_some_and(char::is_uppercase);
            if !capitalised && self.trigger_forms.contains(buf.as_str()) {
                triggers.extend(
                    ids[..n]
                        .iter()
                        .filter(|i| self.compiled.index.contains_key(i)),
                );
            }
        }
        if triggers.is_empty() {
            return false;
        }
        present.sort_unstable();
        present.dedup();
        let alt_ok = |a: u32| {
            let alt = &self.compiled.alts[a as usize];
            alt.singles.iter().any(|i| present.binary_search(i).is_ok())
                || alt.multis.iter().any(|&m| {
                    let mu = &self.compiled.multis[m as usize];
                    present.binary_search(&mu.parts[mu.head]).is_ok()
                })
        };
        triggers.iter().any(|id| {
            self.compiled.index[id]
                .iter()
                .any(|&p| self.required[p as usize].iter().all(|&a| alt_ok(a)))
        })
    }
}

/// How far an event is asserted.
#[derive(Clone, Copy, Debug, Default)]
struct Mood {
    /// The auxiliary mode (`None` = asserted).
    mode: Option<&'static str>,
    /// Token of the reporter's subject in reported speech.
    reporter: Option<u32>,
    /// A future marker or an intention was seen (even if negation won).
    intended: bool,
}

impl Mood {
    fn only(mode: &'static str) -> Mood {
        Mood {
            mode: Some(mode),
            ..Mood::default()
        }
    }
}

/// Per-sentence state shared by the steps of [`PatternCoder::code_sentence`].
struct Ctx<'x, 'a> {
    ctx: &'x SentenceContext<'a>,
    s: &'x Sent<'x>,
    /// Sentence token → index of the mention covering it.
    owner: Vec<Option<usize>>,
    /// First token of the sentence in the document.
    base: usize,
    /// Compound actors: groups of mention indices joined by "and" / commas.
    groups: Vec<Vec<usize>>,
}

impl Ctx<'_, '_> {
    fn lemma(&self, k: u32) -> &str {
        self.s.lemma(k)
    }

    fn lower_text(&self, k: u32) -> String {
        self.ctx
            .doc
            .token_text(self.base + k as usize)
            .to_lowercase()
    }

    fn kids<'s>(&'s self, k: u32) -> impl Iterator<Item = u32> + 's {
        self.s.children(k).iter().copied()
    }

    fn kid_rel(&self, k: u32, pred: impl Fn(&str) -> bool) -> Option<u32> {
        self.kids(k).find(|&c| pred(self.s.rel(c)))
    }

    /// The case marker (preposition) of a nominal, lowercased.
    fn case_of(&self, k: u32) -> Option<String> {
        self.kids(k)
            .find(|&c| matches!(self.s.rel(c), "case"))
            .map(|c| self.lower_text(c))
    }

    fn is_passive(&self, t: u32) -> bool {
        self.kids(t)
            .any(|c| matches!(self.s.rel(c), "aux:pass" | "nsubj:pass" | "csubj:pass"))
            || (self.s.rel(t) == "acl"
                && self.s.toks[t as usize].xpos == "VBN"
                && !self.kids(t).any(|c| self.s.rel(c) == "obj")
                && !self.headline_participle(t))
    }

    /// A participle the parser hung under a root noun although it is the main verb
    /// ("Palestinian protesters marched toward the fence": root "protesters", acl
    /// "marched"): the sentence has no other verb, so it is read as active.
    fn headline_participle(&self, t: u32) -> bool {
        let h = self.s.head(t);
        h != ROOT
            && self.s.head(h) == ROOT
            && matches!(self.s.toks[h as usize].upos, "NOUN" | "PROPN")
            && !self
                .kids(t)
                .any(|c| matches!(self.s.rel(c), "aux" | "aux:pass" | "obl:agent"))
            && !self
                .kids(t)
                .any(|c| self.case_of(c).as_deref() == Some("by"))
    }

    /// The mention a token belongs to or, for a nominal head that is not itself a
    /// mention, the mention among its close modifiers ("the leader of Hezbollah",
    /// "the embassy of Iran", "Iranian-backed militias").
    fn actor_at(&self, x: u32) -> Option<usize> {
        if let Some(m) = self.owner[x as usize] {
            return Some(m);
        }
        let near = |k: u32| -> Option<usize> {
            self.kids(k).find_map(|c| {
                let r = self.s.rel(c);
                let ok = matches!(
                    r,
                    "compound" | "amod" | "nmod:poss" | "flat" | "appos" | "nmod" | "obl:npmod"
                ) && (r != "nmod"
                    || self.case_of(c).is_none_or(|p| p == "of" || p == "from"));
                if ok {
                    self.owner[c as usize]
                } else {
                    None
                }
            })
        };
        near(x).or_else(|| {
            // one level further: "the head of the Iranian army"
            self.kids(x)
                .filter(|&c| matches!(self.s.rel(c), "nmod" | "compound" | "appos"))
                .find_map(near)
        })
    }

    /// The actors of a nominal and its conjuncts ("the US and Britain", "Egypt, Qatar
    /// and the US"). Deduplicated, in order.
    fn actors_of(&self, x: u32, how: &'static str) -> Vec<Role> {
        let mut out: Vec<Role> = Vec::new();
        let push = |m: usize, out: &mut Vec<Role>| {
            if !out.iter().any(|r| r.mention == m) {
                out.push(Role { mention: m, how });
            }
        };
        if let Some(m) = self.actor_at(x) {
            push(m, &mut out);
        }
        for c in self.kids(x) {
            if self.s.rel(c) == "conj" && self.is_nominal(c) {
                if let Some(m) = self.actor_at(c) {
                    push(m, &mut out);
                }
            }
        }
        // Mentions joined to a found one by "and" / commas in the text ("Saudi Arabia,
        // the UAE, Bahrain and Egypt"), whatever the parser made of the coordination.
        let found: Vec<usize> = out.iter().map(|r| r.mention).collect();
        for g in &self.groups {
            if g.len() > 1 && g.iter().any(|m| found.contains(m)) {
                for &m in g {
                    push(m, &mut out);
                }
            }
        }
        out
    }

    /// Only actors with a country or an organisation code (not a bare role word such as
    /// "troops"), for targets found far from the trigger.
    fn named(&self, mut roles: Vec<Role>) -> Vec<Role> {
        roles.retain(|r| {
            let m = &self.ctx.mentions[r.mention];
            m.country.is_some() || m.code.len() > 3
        });
        roles
    }

    fn is_nominal(&self, x: u32) -> bool {
        matches!(
            self.s.toks[x as usize].upos,
            "NOUN" | "PROPN" | "PRON" | "NUM" | "X" | "ADJ"
        )
    }

    fn subject_of(&self, v: u32) -> Option<u32> {
        self.kid_rel(v, |r| {
            r == "nsubj" || (r.starts_with("nsubj:") && r != "nsubj:pass")
        })
    }

    fn agent_of(&self, v: u32) -> Option<u32> {
        self.kids(v).find(|&c| {
            let r = self.s.rel(c);
            r == "obl:agent" || (r == "obl" && self.case_of(c).as_deref() == Some("by"))
        })
    }

    /// The source of a verb trigger, walking to the controller when the verb has no
    /// subject of its own.
    fn verb_source(&self, t: u32, passive: bool, notes: &mut Vec<String>) -> Vec<Role> {
        if passive {
            if let Some(a) = self.agent_of(t) {
                return self.actors_of(a, "agent of the passive (by …)");
            }
            // "was killed in a US air strike": the actor of the instrument.
            for c in self.kids(t) {
                if self.s.rel(c) == "obl"
                    && matches!(self.case_of(c).as_deref(), Some("in" | "by" | "during"))
                {
                    if let Some(m) = self.kids(c).find_map(|d| {
                        matches!(self.s.rel(d), "amod" | "compound" | "nmod:poss")
                            .then(|| self.owner[d as usize])
                            .flatten()
                    }) {
                        return vec![Role {
                            mention: m,
                            how: "actor of the means of a passive (\"in a US strike\")",
                        }];
                    }
                }
            }
            notes.push("passive without a by-agent: source unknown".into());
            return Vec::new();
        }
        let mut v = t;
        for _ in 0..6 {
            if let Some(subj) = self.subject_of(v) {
                let roles = self.actors_of(
                    subj,
                    if v == t {
                        "subject"
                    } else {
                        "subject of the governing verb"
                    },
                );
                if roles.is_empty() {
                    if let Some(r) = self.speaker_for_pronoun(subj) {
                        return vec![r];
                    }
                    if let Some(r) = self.reporter_for_pronoun(v, subj) {
                        return r;
                    }
                }
                return roles;
            }
            let rel = self.s.rel(v);
            let h = self.s.head(v);
            if h == ROOT {
                break;
            }
            match rel {
                // "urged Israel to withdraw": the object controls; "vowed to strike":
                // the subject does.
                "xcomp" => {
                    if let Some(o) = self.kid_rel(h, |r| r == "obj" || r == "iobj") {
                        return self.actors_of(o, "object of the governing verb (controller)");
                    }
                    if self.is_passive(h) {
                        if let Some(sp) = self.kid_rel(h, |r| r == "nsubj:pass") {
                            return self.actors_of(sp, "subject of the governing passive");
                        }
                    }
                }
                // "accused Ukraine of shelling", "blamed Iran for attacking": the object
                // of the governing verb is the doer.
                "advcl" | "acl"
                    if self.kids(v).any(|c| {
                        matches!(self.s.rel(c), "mark" | "case")
                            && matches!(self.lower_text(c).as_str(), "of" | "for")
                    }) && self.kid_rel(h, |r| r == "obj").is_some() =>
                {
                    let o = self.kid_rel(h, |r| r == "obj").unwrap_or(h);
                    return self.actors_of(o, "object of the governing verb (accused of …)");
                }
                "conj" | "advcl" => {}
                "acl:relcl" => {
                    return self.actors_of(h, "the noun the relative clause modifies");
                }
                "acl" => {
                    return self.actors_of(h, "the noun the participle modifies");
                }
                _ => break,
            }
            v = h;
        }
        Vec::new()
    }

    /// "Syria says it is willing to withdraw", "the rebels said they would meet": a
    /// pronoun subject of a reported clause is the reporter.
    fn reporter_for_pronoun(&self, v: u32, subj: u32) -> Option<Vec<Role>> {
        let w = self.lower_text(subj);
        if !matches!(w.as_str(), "it" | "they" | "he" | "she" | "we") {
            return None;
        }
        let mut k = v;
        for _ in 0..4 {
            let rel = self.s.rel(k);
            let h = self.s.head(k);
            if h == ROOT {
                return None;
            }
            if rel.starts_with("ccomp") || rel == "parataxis" {
                let gov = self.lemma(h).to_lowercase();
                if SPEECH_VERBS.contains(&gov.as_str()) || gov == "confirm" || gov == "announce" {
                    let s = self.subject_of(h)?;
                    let roles =
                        self.actors_of(s, "the reporter (pronoun subject of the reported clause)");
                    return (!roles.is_empty()).then_some(roles);
                }
                return None;
            }
            if !matches!(rel, "xcomp" | "conj") {
                return None;
            }
            k = h;
        }
        None
    }

    /// Inside a quotation with a known speaker, "we"/"I" is the speaker.
    fn speaker_for_pronoun(&self, x: u32) -> Option<Role> {
        if !FIRST_PERSON.contains(&self.lower_text(x).as_str()) {
            return None;
        }
        let span = self.ctx.doc.tokens[self.base + x as usize].span;
        let q = self.ctx.doc.quote_containing(span)?;
        let sp = q.speaker?;
        let m = self
            .ctx
            .mentions
            .iter()
            .position(|m| m.span.start < sp.end && sp.start < m.span.end)?;
        Some(Role {
            mention: m,
            how: "first person inside a quotation: the speaker",
        })
    }

    /// The source of a noun trigger.
    fn noun_source(&self, t: u32) -> Vec<Role> {
        for c in self.kids(t) {
            let r = self.s.rel(c);
            if r == "nmod:poss" {
                let roles = self.actors_of(c, "possessor");
                if !roles.is_empty() {
                    return roles;
                }
            }
        }
        for c in self.kids(t) {
            if matches!(self.s.rel(c), "nmod" | "acl") && self.case_of(c).as_deref() == Some("by") {
                let roles = self.actors_of(c, "by-phrase of the noun");
                if !roles.is_empty() {
                    return roles;
                }
            }
        }
        for c in self.kids(t) {
            if matches!(self.s.rel(c), "amod" | "compound") {
                if let Some(m) = self.owner[c as usize] {
                    return vec![Role {
                        mention: m,
                        how: "actor modifier of the noun",
                    }];
                }
            }
        }
        // "Israel launched strikes on Gaza": the subject of a light verb.
        let h = self.s.head(t);
        if h != ROOT && matches!(self.s.rel(t), "obj" | "nsubj:pass") {
            let lemma = self.lemma(h).to_lowercase();
            if LIGHT_VERBS.contains(&lemma.as_str()) {
                let passive = self.is_passive(h);
                let mut notes = Vec::new();
                let roles = self.verb_source(h, passive, &mut notes);
                if !roles.is_empty() {
                    return roles
                        .into_iter()
                        .map(|r| Role {
                            mention: r.mention,
                            how: "subject of the light verb governing the noun",
                        })
                        .collect();
                }
            }
        }
        Vec::new()
    }

    /// The target when the pattern's slot is empty: an actor object, or an actor
    /// prepositional object of the trigger.
    fn fallback_target(&self, t: u32, noun: bool, passive: bool) -> Vec<Role> {
        if passive && !noun {
            if let Some(sp) = self.kid_rel(t, |r| r == "nsubj:pass") {
                let roles = self.actors_of(sp, "passive subject");
                if !roles.is_empty() {
                    return roles;
                }
            }
        }
        if !noun {
            for c in self.kids(t) {
                if matches!(self.s.rel(c), "obj" | "iobj") {
                    let roles = self.actors_of(c, "object");
                    if !roles.is_empty() {
                        return roles;
                    }
                }
            }
        }
        // "demanded that the US cancel …", "urged that Iran …": the clause's subject.
        if !noun && self.s.toks[t as usize].upos == "VERB" {
            for c in self.kids(t) {
                if self.s.rel(c) == "ccomp"
                    && self
                        .kids(c)
                        .any(|d| self.s.rel(d) == "mark" && self.lower_text(d) == "that")
                {
                    if let Some(subj) = self.subject_of(c) {
                        let roles = self.actors_of(subj, "subject of the that-clause");
                        if !roles.is_empty() {
                            return roles;
                        }
                    }
                }
            }
        }
        for c in self.kids(t) {
            let r = self.s.rel(c);
            if (r == "obl" || r == "nmod") && !(passive && self.case_of(c).as_deref() == Some("by"))
            {
                let Some(case) = self.case_of(c) else {
                    continue;
                };
                if TARGET_CASES.contains(&case.as_str()) {
                    let roles = self.actors_of(c, "prepositional object");
                    if !roles.is_empty() {
                        return roles;
                    }
                }
            }
        }
        // One level further: a prepositional phrase of the object ("aid to Mozambique",
        // "the removal of President X"), or the objects of an intended act ("offered to
        // hand over … to Britain").
        let mut inner: Vec<u32> = self
            .kids(t)
            .filter(|&c| matches!(self.s.rel(c), "obj" | "obl" | "nmod"))
            .collect();
        if !noun {
            for x in self.kids(t).filter(|&c| self.s.rel(c) == "xcomp") {
                for c in self.kids(x) {
                    if matches!(self.s.rel(c), "obj" | "iobj") {
                        let roles = self.named(self.actors_of(c, "object of the intended act"));
                        if !roles.is_empty() {
                            return roles;
                        }
                    }
                    if matches!(self.s.rel(c), "obl" | "obj") {
                        inner.push(c);
                    }
                }
            }
        }
        for c in inner {
            for d in self.kids(c) {
                if !matches!(self.s.rel(d), "nmod" | "obl") {
                    continue;
                }
                let Some(case) = self.case_of(d) else {
                    continue;
                };
                // not "on"/"over" here: "a summit on Syria" is about Syria
                if matches!(
                    case.as_str(),
                    "to" | "against" | "with" | "for" | "of" | "from"
                ) {
                    let roles =
                        self.named(self.actors_of(d, "prepositional object inside the object"));
                    if !roles.is_empty() {
                        return roles;
                    }
                }
            }
            if matches!(self.s.rel(c), "obl") {
                if let Some(case) = self.case_of(c) {
                    if TARGET_CASES.contains(&case.as_str()) {
                        let roles = self
                            .named(self.actors_of(c, "prepositional object of the intended act"));
                        if !roles.is_empty() {
                            return roles;
                        }
                    }
                }
            }
        }
        Vec::new()
    }

    /// The auxiliary mode of a verb trigger (None = asserted), the reporter (token of
    /// the speech verb's subject) and notes.
    fn verb_mood(&self, t: u32, notes: &mut Vec<String>) -> Mood {
        let mut mode: Option<&'static str> = None;
        let mut reporter = None;
        let mut would = false;
        // a future marker or an intention, even when negation wins ("will not accept")
        let mut intended = false;
        let perfect = self
            .kids(t)
            .any(|c| self.s.rel(c) == "aux" && self.lower_text(c) == "had");
        let mut v = t;
        let mut own_clause = true;
        for _ in 0..8 {
            // Markers on this verb: negation, modals, future, conditionals, perfect.
            for c in self.kids(v) {
                let r = self.s.rel(c);
                let w = self.lower_text(c);
                if own_clause
                    && matches!(r, "advmod" | "neg" | "det" | "cc:preconj")
                    && NEGATORS.contains(&w.as_str())
                    && r != "det"
                {
                    set_mode(
                        &mut mode,
                        "negated",
                        format!("{w:?} on {:?}", self.lemma(v)),
                        notes,
                    );
                }
                if own_clause && matches!(r, "aux" | "aux:pass") {
                    if w == "would" && own_clause {
                        would = true;
                    } else if HYPOTHETICAL_AUX.contains(&w.as_str()) {
                        set_mode(&mut mode, "hypothetical", format!("modal {w:?}"), notes);
                    } else if FUTURE_AUX.contains(&w.as_str()) {
                        intended = true;
                        set_mode(&mut mode, "future", format!("{w:?}"), notes);
                    } else if w == "having" {
                        set_mode(
                            &mut mode,
                            "historical",
                            "\"having\" + participle".into(),
                            notes,
                        );
                    }
                }
                if matches!(r, "mark") && CONDITIONAL_MARKS.contains(&w.as_str()) {
                    set_mode(
                        &mut mode,
                        "hypothetical",
                        format!("conditional {w:?}"),
                        notes,
                    );
                }
            }
            // "no troops were deployed"
            if own_clause {
                for c in self.kids(v) {
                    if matches!(self.s.rel(c), "nsubj:pass" | "obj" | "nsubj")
                        && self
                            .kids(c)
                            .any(|d| self.s.rel(d) == "det" && self.lower_text(d) == "no")
                        && self.s.rel(c) != "obj"
                    {
                        set_mode(&mut mode, "negated", "\"no\" on the subject".into(), notes);
                    }
                }
            }
            let rel = self.s.rel(v);
            let h = self.s.head(v);
            if h == ROOT {
                break;
            }
            let gov = self.lemma(h).to_lowercase();
            let gov = gov.as_str();
            match rel.split(':').next().unwrap_or(rel) {
                "xcomp" | "ccomp" | "advcl" | "acl" | "csubj" => {
                    let is_ccomp = rel.starts_with("ccomp");
                    if NEGATING_GOVERNORS.contains(&gov) {
                        set_mode(&mut mode, "negated", format!("under {gov:?}"), notes);
                    } else if ACCUSATION_GOVERNORS.contains(&gov) && !is_ccomp_speech(gov, is_ccomp)
                    {
                        set_mode(&mut mode, "alleged", format!("under {gov:?}"), notes);
                    } else if REQUEST_GOVERNORS.contains(&gov) {
                        set_mode(
                            &mut mode,
                            "hypothetical",
                            format!("requested by {gov:?}"),
                            notes,
                        );
                    } else if FUTURE_GOVERNORS.contains(&gov) && !is_ccomp {
                        intended = true;
                        set_mode(
                            &mut mode,
                            "future",
                            format!("intention under {gov:?}"),
                            notes,
                        );
                    } else if SPEECH_VERBS.contains(&gov)
                        || is_ccomp && ACCUSATION_GOVERNORS.contains(&gov)
                    {
                        if reporter.is_none() {
                            reporter = self.subject_of(h).or(Some(u32::MAX));
                            notes.push(format!("reported speech under {gov:?}"));
                        }
                        // a modal on the speech verb does not change the report
                    } else if REALIS_GOVERNORS.contains(&gov) {
                    } else if rel == "xcomp" {
                        // "tried to attack", "wanted to meet": not asserted
                        set_mode(
                            &mut mode,
                            "hypothetical",
                            format!("intended under {gov:?}"),
                            notes,
                        );
                    }
                    own_clause = rel.starts_with("xcomp") && mode.is_none();
                    if is_ccomp && mode.is_none() && reporter.is_some() {
                        // markers on the speech verb itself do not apply
                        own_clause = false;
                    }
                }
                "conj" => {
                    // conjuncts share the first verb's auxiliaries
                    own_clause = true;
                }
                _ => break,
            }
            if self.s.rel(v) == "advcl" && mode.is_none() {
                // "X attacked Y after Z …": the governing clause's mood is not ours
                break;
            }
            v = h;
        }
        if would {
            // "said it would allow …": the future of the past; otherwise conditional
            let m = if reporter.is_some() {
                "future"
            } else {
                "hypothetical"
            };
            set_mode(&mut mode, m, "\"would\"".into(), notes);
        }
        if perfect && reporter.is_some() {
            set_mode(
                &mut mode,
                "historical",
                "past perfect in reported speech".into(),
                notes,
            );
        }
        Mood {
            mode,
            reporter: reporter.filter(|&r| r != u32::MAX),
            intended: intended || (would && reporter.is_some()),
        }
    }

    /// The auxiliary mode of a noun trigger.
    fn noun_mood(&self, t: u32, notes: &mut Vec<String>) -> Mood {
        for c in self.kids(t) {
            let w = self.lower_text(c);
            if self.s.rel(c) == "amod" && IRREALIS_MODIFIERS.contains(&w.as_str()) {
                notes.push(format!("hypothetical: {w:?} on the noun"));
                return Mood::only("hypothetical");
            }
            if self.s.rel(c) == "det" && w == "no" {
                notes.push("negated: \"no\" on the noun".into());
                return Mood::only("negated");
            }
        }
        let h = self.s.head(t);
        if h != ROOT && matches!(self.s.rel(t), "obj" | "nsubj:pass" | "obl") {
            let gov = self.lemma(h).to_lowercase();
            if IRREALIS_NOUN_GOVERNORS.contains(&gov.as_str()) {
                let m = match gov.as_str() {
                    "deny" | "prevent" | "avoid" | "foil" | "thwart" | "rule_out" | "reject"
                    | "avert" => "negated",
                    "threaten" | "plan" | "vow" | "promise" | "pledge" | "prepare" | "order"
                    | "authorize" | "authorise" | "approve" => "future",
                    _ => "hypothetical",
                };
                notes.push(format!("{m}: the noun is governed by {gov:?}"));
                return Mood::only(m);
            }
            // the governing verb's own mood ("could launch strikes")
            return self.verb_mood(h, notes);
        }
        Mood::default()
    }
}

/// The CAMEO refusal a declared negated act amounts to ("will not meet" → 125).
pub fn refusal_code(code: &str) -> Option<&'static str> {
    let c = |p: &str| code.starts_with(p);
    Some(match () {
        _ if c("04") => "125",
        _ if c("061") => "1211",
        _ if c("062") => "1212",
        _ if c("06") => "121",
        _ if c("07") => "122",
        _ if c("081") => "1241",
        _ if c("082") => "1242",
        _ if c("083") => "1243",
        _ if c("084") => "1244",
        _ if c("085") => "1245",
        _ if c("086") => "1246",
        _ if c("08") => "124",
        _ if c("03") || c("05") => "120",
        _ => return None,
    })
}

/// Compound actors of a sentence: groups of mentions joined by commas and a final
/// "and"/"or" ("Saudi Arabia, the UAE, Bahrain and Egypt"). Groups joined by commas
/// alone ("Iran, the US said") are not lists.
fn coordinated_groups(
    doc: &flashpoint_text::Document,
    sentence: usize,
    mentions: &[Mention],
) -> Vec<Vec<usize>> {
    let mut groups = flashpoint_actors::coref::compound_groups(doc, sentence, mentions);
    groups.retain(|g| {
        g.len() > 1 && {
            let (a, b) = (&mentions[g[g.len() - 2]], &mentions[g[g.len() - 1]]);
            let gap = doc.text.get(a.span.end..b.span.start).unwrap_or("");
            gap.split(|c: char| !c.is_alphanumeric() && c != '&')
                .any(|w| matches!(w, "and" | "or" | "&"))
        }
    });
    groups
}

/// The asserted CAMEO code a declared future act amounts to (PLOVER: AGREE ≈
/// cooperation + future, THREATEN ≈ coercion or force + future): "X will provide aid to
/// Y" is X→Y 033 now, besides the 07x act marked `future`.
pub fn intent_code(code: &str) -> Option<&'static str> {
    let c = |p: &str| code.starts_with(p);
    Some(match () {
        _ if c("04") => "036",
        _ if c("045") || c("046") => "036",
        _ if c("05") => "032",
        _ if c("061") => "0311",
        _ if c("062") => "0312",
        _ if c("063") => "0313",
        _ if c("064") => "0314",
        _ if c("06") => "031",
        _ if c("071") => "0331",
        _ if c("072") => "0332",
        _ if c("073") => "0333",
        _ if c("074") => "0334",
        _ if c("07") => "033",
        _ if c("081") => "0351",
        _ if c("082") => "0352",
        _ if c("084") => "0353",
        _ if c("085") => "0354",
        _ if c("086") => "0355",
        _ if c("087") => "0356",
        _ if c("08") => "035",
        _ if c("161") || c("164") => "1313",
        _ if c("162") => "1311",
        _ if c("163") => "1312",
        _ if c("165") => "135",
        _ if c("166") => "1313",
        _ if c("16") => "131",
        _ if c("172") => "132",
        _ if c("17") => "137",
        _ if c("14") => "133",
        _ if c("1912") || c("191") => "1381",
        _ if c("192") => "1382",
        _ if c("18") => "1383",
        _ if c("19") => "1384",
        _ if c("20") => "1385",
        _ => return None,
    })
}

/// Sets the mode unless one is set already (the innermost marker wins, except that
/// negation overrides a future or modal marker).
fn set_mode(
    mode: &mut Option<&'static str>,
    m: &'static str,
    why: String,
    notes: &mut Vec<String>,
) {
    // A negated future or modal act is negated ("will not accept").
    let overrides = m == "negated" && matches!(*mode, Some("future" | "hypothetical"));
    if mode.is_none() || overrides {
        *mode = Some(m);
        notes.push(format!("{m}: {why}"));
    }
}

fn is_ccomp_speech(gov: &str, is_ccomp: bool) -> bool {
    is_ccomp && SPEECH_VERBS.contains(&gov)
}

impl PatternCoder {
    /// "X said Y must drop the barriers": a reported obligation is X's demand on Y
    /// (CAMEO 100, PLOVER REQUEST), whatever Y is asked to do.
    fn deontic_reports(&self, cx: &Ctx<'_, '_>, out: &mut Vec<Event>) {
        let Some(code) = self.ontology.get("100") else {
            return;
        };
        let doc = cx.ctx.doc;
        for c in 0..cx.s.len() as u32 {
            let h = cx.s.head(c);
            if h == ROOT || cx.s.rel(c) != "ccomp" {
                continue;
            }
            let gov = cx.lemma(h).to_lowercase();
            if !SPEECH_VERBS.contains(&gov.as_str()) && gov != "insist" {
                continue;
            }
            let must = cx.kids(c).find(|&d| {
                cx.s.rel(d) == "aux" && matches!(cx.lower_text(d).as_str(), "must" | "should")
            });
            let Some(must) = must else { continue };
            let (Some(sa), Some(sb)) = (cx.subject_of(h), cx.subject_of(c)) else {
                continue;
            };
            let (Some(a), Some(b)) = (cx.actor_at(sa), cx.actor_at(sb)) else {
                continue;
            };
            let (ma, mb) = (&cx.ctx.mentions[a], &cx.ctx.mentions[b]);
            if ma.code == mb.code {
                continue;
            }
            let sent = &doc.sentences[cx.ctx.sentence];
            let trig = doc.tokens[cx.base + must as usize].span;
            out.push(Event {
                article_id: cx.ctx.article_id.to_string(),
                sentence: cx.ctx.sentence,
                date: cx.ctx.date,
                date_precision: DatePrecision::Day,
                date_source: DateSource::Article,
                source: Some(event_actor(ma, doc.text)),
                target: Some(event_actor(mb, doc.text)),
                cameo: code.code.clone(),
                cameo_name: code.name.clone(),
                plover: code.plover_type.clone(),
                mode: code.plover_mode.clone(),
                goldstein: code.goldstein,
                quad_class: code.quad_class,
                location: None,
                evidence: sent.span.slice(doc.text).to_string(),
                evidence_span: sent.span,
                quote_speaker: None,
                modality: None,
                reported_by: None,
                sentences: vec![cx.ctx.sentence],
                confidence: 0.6,
                why: Why {
                    rule: "engine:reported-obligation".into(),
                    trigger: format!("{} … {}", doc.token_text(cx.base + h as usize), doc.token_text(cx.base + must as usize)),
                    trigger_span: trig,
                    source_entry: ma.entry.clone(),
                    target_entry: mb.entry.clone(),
                    notes: vec![format!(
                        "source: subject of {gov:?}; target: subject of the clause with {:?} (a reported obligation is a demand)",
                        cx.lower_text(must)
                    )],
                },
            });
        }
    }
}

impl Coder for PatternCoder {
    fn needs_parse(&self) -> bool {
        true
    }

    fn wants_sentence(&self, ctx: &SentenceContext<'_>) -> bool {
        self.has_trigger_candidate(ctx.doc, ctx.sentence)
    }

    fn code_sentence(
        &self,
        ctx: &SentenceContext<'_>,
        out: &mut Vec<Event>,
        mut trace: Option<&mut Vec<String>>,
    ) {
        // Trace lines are only formatted when explaining.
        macro_rules! note {
            ($($arg:tt)*) => {
                if let Some(t) = trace.as_deref_mut() {
                    t.push(format!($($arg)*));
                }
            };
        }
        let Some(parse) = ctx.parse else {
            note!("no parse: the pattern coder needs the syntax model");
            return;
        };
        let doc = ctx.doc;
        let sent = &doc.sentences[ctx.sentence];
        let base = sent.tokens.start;
        if parse.tokens.len() != sent.tokens.len() {
            note!("parse and sentence disagree in length; sentence skipped");
            return;
        }
        let mut buf = String::new();
        let s = Sent::new(&self.compiled, doc, base, &parse.tokens, &mut buf);
        let mut owner = vec![None; s.len()];
        for (i, m) in ctx.mentions.iter().enumerate() {
            for k in m.tokens.clone() {
                if k >= base && k - base < owner.len() {
                    owner[k - base] = Some(i);
                }
            }
        }
        let cx = Ctx {
            ctx,
            s: &s,
            owner,
            base,
            groups: coordinated_groups(doc, ctx.sentence, ctx.mentions),
        };
        let matcher = Matcher {
            c: &self.compiled,
            s: &s,
        };
        let first_event = out.len();
        self.deontic_reports(&cx, out);
        for t in 0..s.len() as u32 {
            let ids = s.ids[t as usize];
            let mut cands: Vec<u32> = ids
                .iter()
                .filter(|&&i| i != NO_WORD)
                .filter_map(|i: &WordId| self.compiled.index.get(i))
                .flatten()
                .copied()
                .collect();
            if cands.is_empty() {
                continue;
            }
            cands.sort_unstable();
            cands.dedup();
            let word = doc.token_text(base + t as usize);
            if cx.owner[t as usize].is_some() {
                note!("{word:?}: part of an actor mention, not a trigger");
                continue;
            }
            let upos = s.toks[t as usize].upos;
            let is_noun = matches!(upos, "NOUN" | "PROPN");
            let is_verb = upos == "VERB" || (upos == "ADJ" && s.toks[t as usize].xpos == "VBN");
            if !is_noun && !is_verb {
                note!("{word:?}: tagged {upos}, neither verb nor noun");
                continue;
            }
            let passive = is_verb && cx.is_passive(t);
            let mut best: Option<(usize, super::matcher::Match)> = None;
            for &pi in &cands {
                let p = &self.compiled.patterns[pi as usize];
                if p.noun != is_noun {
                    continue;
                }
                if !matcher.alt_matches(p.trigger, t) {
                    note!(
                        "{} {} `{}` on {word:?}: multiword trigger incomplete",
                        p.id,
                        p.code,
                        p.text
                    );
                    continue;
                }
                match matcher.run(p, t, passive) {
                    Ok(m) => {
                        let better = match &best {
                            None => true,
                            Some((bi, _)) => {
                                let b = &self.compiled.patterns[*bi];
                                (p.prio, p.spec, std::cmp::Reverse(p.order))
                                    > (b.prio, b.spec, std::cmp::Reverse(b.order))
                            }
                        };
                        note!(
                            "{} {} `{}` on {word:?}: matched (prio {}, specificity {}){}",
                            p.id,
                            p.code,
                            p.text,
                            p.prio,
                            p.spec,
                            if better { "" } else { ", outranked" }
                        );
                        if better {
                            best = Some((pi as usize, m));
                        }
                    }
                    Err(step) => note!(
                        "{} {} `{}` on {word:?}: failed at step {}",
                        p.id,
                        p.code,
                        p.text,
                        step + 1
                    ),
                }
            }
            let Some((pi, m)) = best else { continue };
            let p = &self.compiled.patterns[pi];
            let mut notes = Vec::new();
            let sources = if is_noun {
                cx.noun_source(t)
            } else {
                cx.verb_source(t, passive, &mut notes)
            };
            let (mut targets, tgt_how) = match m.tgt {
                Some(x) => {
                    let r = cx.actors_of(x, "the pattern's TGT slot");
                    if r.is_empty() {
                        (cx.fallback_target(t, is_noun, passive), "fallback")
                    } else {
                        (r, "slot")
                    }
                }
                None => (cx.fallback_target(t, is_noun, passive), "fallback"),
            };
            targets.retain(|r| !sources.iter().any(|s| s.mention == r.mention));
            let mood = if is_noun {
                cx.noun_mood(t, &mut notes)
            } else {
                cx.verb_mood(t, &mut notes)
            };
            let (modality, reporter) = (mood.mode, mood.reporter);
            if sources.is_empty() && targets.is_empty() {
                note!(
                    "{} on {word:?}: no source and no target actor → no event",
                    p.id
                );
                continue;
            }
            if sources.is_empty() && !passive {
                note!(
                    "{} on {word:?}: no source actor (only agentless passives keep a target alone) → no event",
                    p.id
                );
                continue;
            }
            if p.spec == 1 && targets.is_empty() && sources.len() < 2 && symmetric(&p.code) {
                note!(
                    "{} on {word:?}: a bare symmetric verb needs two parties → no event",
                    p.id
                );
                continue;
            }
            let Some(code) = self.ontology.get(&p.code) else {
                continue;
            };
            let trig = doc.tokens[base + t as usize].span;
            let quote = doc.quote_containing(trig);
            let reported_by = reporter.map(|r| {
                cx.actor_at(r)
                    .map(|m| ctx.mentions[m].span.slice(doc.text).to_string())
                    .unwrap_or_else(|| doc.token_text(base + r as usize).to_string())
            });
            let mut confidence: f32 = 0.40 + 0.05 * f32::from(p.spec.min(4));
            if !sources.is_empty() {
                confidence += 0.15;
            }
            if !targets.is_empty() {
                confidence += if tgt_how == "slot" { 0.15 } else { 0.08 };
            }
            if reported_by.is_some() {
                confidence -= 0.1;
            }
            if is_noun {
                confidence -= 0.05;
            }
            // The main clause carries the sentence's news; embedded clauses less so.
            match s.rel(t) {
                "root" => confidence += 0.05,
                "advcl" | "acl" | "acl:relcl" | "ccomp" | "csubj" => confidence -= 0.05,
                _ => {}
            }
            let confidence = confidence.clamp(0.05, 0.95);
            // Pairs: sources × targets; symmetric events between co-sources.
            let mut pairs: Vec<(Option<Role>, Option<Role>)> = Vec::new();
            if targets.is_empty() && sources.len() >= 2 && symmetric(&p.code) {
                for a in &sources {
                    for b in &sources {
                        if a.mention != b.mention {
                            pairs.push((Some(*a), Some(*b)));
                        }
                    }
                }
                notes.push("symmetric event between conjoined actors".into());
            } else if sources.is_empty() {
                pairs.extend(targets.iter().map(|t| (None, Some(*t))));
            } else if targets.is_empty() {
                pairs.extend(sources.iter().map(|s| (Some(*s), None)));
            } else {
                for a in &sources {
                    for b in &targets {
                        pairs.push((Some(*a), Some(*b)));
                    }
                }
            }
            let tokens: Vec<String> = m
                .tokens
                .iter()
                .map(|&k| doc.token_text(base + k as usize).to_string())
                .collect();
            note!(
                "{} {} on {word:?}: fires{}; pattern words {:?}",
                p.id,
                p.code,
                modality
                    .map(|m| format!(" as {m} (not asserted)"))
                    .unwrap_or_default(),
                tokens
            );
            for (a, b) in pairs {
                let src = a.map(|r| &ctx.mentions[r.mention]);
                let tgt = b.map(|r| &ctx.mentions[r.mention]);
                if let (Some(x), Some(y)) = (src, tgt) {
                    if x.code == y.code && x.entry == y.entry && x.code.len() > 3 {
                        continue;
                    }
                }
                let mut why_notes = notes.clone();
                if let Some(r) = a {
                    why_notes.push(format!("source: {}", r.how));
                }
                if let Some(r) = b {
                    why_notes.push(format!("target: {}", r.how));
                }
                why_notes.push(format!("pattern: `{}`; words {:?}", p.text, tokens));
                out.push(Event {
                    article_id: ctx.article_id.to_string(),
                    sentence: ctx.sentence,
                    date: ctx.date,
                    date_precision: DatePrecision::Day,
                    date_source: DateSource::Article,
                    source: src.map(|m| event_actor(m, doc.text)),
                    target: tgt.map(|m| event_actor(m, doc.text)),
                    cameo: code.code.clone(),
                    cameo_name: code.name.clone(),
                    plover: code.plover_type.clone(),
                    mode: code.plover_mode.clone(),
                    goldstein: code.goldstein,
                    quad_class: code.quad_class,
                    location: None,
                    evidence: sent.span.slice(doc.text).to_string(),
                    evidence_span: sent.span,
                    quote_speaker: quote
                        .and_then(|q| q.speaker)
                        .map(|s: Span| s.slice(doc.text).to_string()),
                    modality: modality.map(String::from),
                    reported_by: reported_by.clone(),
                    sentences: vec![ctx.sentence],
                    confidence,
                    why: Why {
                        rule: p.id.clone(),
                        trigger: word.to_string(),
                        trigger_span: trig,
                        source_entry: src.and_then(|m| m.entry.clone()),
                        target_entry: tgt.and_then(|m| m.entry.clone()),
                        notes: why_notes,
                    },
                });
            }
            // A declared future act is an asserted intent now (AGREE / THREATEN); a
            // negated one ("will not accept refugees") is a refusal (REJECT).
            let declared = match modality {
                Some("future") => intent_code(&p.code),
                Some("negated") if mood.intended => refusal_code(&p.code),
                _ => None,
            };
            if declared.is_some() && !sources.is_empty() {
                if let Some(ic) = declared.and_then(|c| self.ontology.get(c)) {
                    let n = out.len();
                    for i in (first_event..n).rev() {
                        if out[i].why.trigger_span != trig || out[i].modality.is_none() {
                            break;
                        }
                        let mut e = out[i].clone();
                        set_code(&mut e, ic);
                        e.modality = None;
                        e.why.notes.push(format!(
                            "declared {} {} → asserted {} (PLOVER: future cooperation is AGREE, future force or coercion is THREATEN, a refused one is REJECT)",
                            modality.unwrap_or(""), p.code, ic.code
                        ));
                        out.push(e);
                    }
                }
            }
            // PETRARCH convention: the reporter accuses the reported source.
            if self.options.accuse_reported && modality.is_none() {
                if let (Some(r), Some(s0)) = (reporter, sources.first()) {
                    if let (Some(rm), Some(c112)) = (cx.actor_at(r), self.ontology.get("112")) {
                        if rm != s0.mention {
                            let mut e = out.last().cloned().expect("an event was just pushed");
                            e.source = Some(event_actor(&ctx.mentions[rm], doc.text));
                            e.target = Some(event_actor(&ctx.mentions[s0.mention], doc.text));
                            set_code(&mut e, c112);
                            e.reported_by = None;
                            e.why
                                .notes
                                .push("reported-speech accusation (PETRARCH convention)".into());
                            out.push(e);
                        }
                    }
                }
            }
        }
        // "students staged demonstrations to demand reforms": a demand made by
        // protesting is the protest (PLOVER: demands expressed as protests are PROTEST).
        let protesters: Vec<Option<String>> = out[first_event..]
            .iter()
            .filter(|e| e.cameo.starts_with("14") && e.modality.is_none())
            .map(|e| e.source.as_ref().map(|a| a.code.clone()))
            .collect();
        if !protesters.is_empty() {
            let mut i = first_event;
            while i < out.len() {
                let src = out[i].source.as_ref().map(|a| a.code.clone());
                if out[i].cameo.starts_with("10") && protesters.contains(&src) {
                    out.remove(i);
                } else {
                    i += 1;
                }
            }
        }
        dedup_sentence_events(&mut out[first_event..].to_vec(), out, first_event);
    }
}

/// Keeps one event per (source, target, code, modality) within a sentence: the one
/// with the highest confidence.
fn dedup_sentence_events(events: &mut Vec<Event>, out: &mut Vec<Event>, from: usize) {
    let key = |e: &Event| {
        (
            e.source.as_ref().map(|a| (a.code.clone(), a.span)),
            e.target.as_ref().map(|a| (a.code.clone(), a.span)),
            e.cameo.clone(),
            e.modality.clone(),
        )
    };
    let mut kept: Vec<Event> = Vec::new();
    for e in events.drain(..) {
        if let Some(k) = kept.iter_mut().find(|k| key(k) == key(&e)) {
            if e.confidence > k.confidence {
                *k = e;
            }
        } else {
            kept.push(e);
        }
    }
    out.truncate(from);
    out.extend(kept);
}
