//! PETRARCH compatibility: translates a PETRARCH verb dictionary (the `CAMEO.2.0.txt` /
//! `PETR.Validate.verbs.txt` format) into our pattern-file text (docs/patterns.md), as
//! far as the patterns translate.
//!
//! # What is read
//!
//! * Comments: `#…`, `;…` (legacy) and `<!-- … -->` (also over several lines).
//! * Synsets: a line `&NAME` followed by `+WORD` / `+TWO WORDS` / `+TWO_WORDS` lines.
//!   PETRARCH adds plurals to the members unless the label or the member ends with `_`;
//!   we write lemmas, so such members are singularised instead (`+TROOPS` → `troop`).
//!   A member `+&OTHER` is replaced by the members of `&OTHER`. Every synset becomes
//!   `@name = …` at the top of the output (name lowercased, `_` trimmed); a synset
//!   defined twice is merged, as PETRARCH does.
//! * Verb blocks: `--- NAME [CODE] ---`, then verb lines and `- pattern [CODE]` lines.
//!   A verb line is `VERB {irregular forms} [own code]`; the braces are dropped (the
//!   first word is the base form, lowercased). `+ASK_FOR` / `+CALL_OFF` (the `+` marks the
//!   verb) become the trigger plus particles (`ask for`, `call off`); words before the
//!   `+` form a multiword lemma with the verb (`WIRE_+TAP` → `wire_tap`, `RE_+ARREST` →
//!   `re-arrest`). A verb line of two words (`LASH OUT`) is read as verb + particle.
//!   As in PETRARCH, a verb listed again in a later block keeps its first block.
//!
//! # What is written
//!
//! * Each verb with a code (its own, else the block's) becomes a bare pattern
//!   `CODE  verb`. **No `TGT` is written**: PETRARCH takes the target of a bare verb
//!   from its object or prepositional phrases, and a pattern without `TGT` gets exactly
//!   that from our engine (an actor object, else an actor prepositional object), while a
//!   `TGT` slot would demand a direct object. A null code `[---]` writes no pattern.
//! * The patterns of a block apply to every verb of the block: the single-word verbs
//!   are gathered in a set `@verb_<block>` used as the trigger (one line per pattern);
//!   particle verbs get one line each.
//! * In a pattern, `*` is the verb. Before it only `$` (the subject, our default
//!   source) is accepted. After it, words become required words in order (objects,
//!   particles, prepositions, `to VERB`), lowercased and singularised; PETRARCH 2's
//!   `( … )` prepositional phrases are flattened into their words, `{A B}` noun phrases
//!   become a multiword lemma `a_b` (a synset inside one expands to an alternative
//!   `(x_b|y_b)`), `A_B` becomes `a_b` unless it holds a preposition (`FOR_ASYLUM` →
//!   `for asylum`), `+` is `TGT`, `&SET` is `@set`, `^` (skip a phrase) and the
//!   determiners `the`, `a`, `an` are dropped.
//! * Codes: `[042]` must exist in `data/ontology/cameo.tsv`. In a paired code
//!   `[042:043]` the second code (the reversed, target → source event) cannot be
//!   expressed: the first is used and the pair noted.
//! * Where PETRARCH lists the same words twice in a block with different codes, the
//!   last line wins (PETRARCH overwrites), the earlier one is reported as skipped.
//!
//! # What is skipped (listed in [`Translation::skipped`] as `file:line: why`)
//!
//! Words before the verb (subject nouns, auxiliaries, `SAID *`), `+` before the verb,
//! `$` after the verb (source after the verb), `%` (compound-actor marker), negation
//! (`NOT`, `N'T`, `NEVER`: our engine decides negation), null `[---]`, reverse-only
//! `[:173]` and unknown codes (WEIS codes of the validation dictionary, `[s]`, `[210a]`),
//! undefined or empty synsets, unbalanced brackets, verb transformations (`~ …`), and
//! anything else our language cannot say.

use crate::linguistics::is_preposition;
use crate::ontology::Ontology;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// The result of [`translate_verbs`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translation {
    /// Our pattern-file text (sets first, then one section per PETRARCH verb block).
    pub patterns: String,
    /// Verb lines read in the verb blocks.
    pub verbs: usize,
    /// `- …` pattern lines read.
    pub patterns_in: usize,
    /// Pattern lines written (bare verbs included; a block pattern written for several
    /// triggers counts once per line).
    pub patterns_out: usize,
    /// What was not translated: `file:line: why`.
    pub skipped: Vec<String>,
}

/// Largest alternative a noun phrase with a synset may expand to.
const MAX_ALTERNATIVES: usize = 64;

/// Words that end in `s` but are not plurals (kept as they are).
const NOT_PLURAL: &[&str] = &[
    "this",
    "thus",
    "always",
    "perhaps",
    "across",
    "towards",
    "afterwards",
    "besides",
    "unless",
    "whereas",
    "news",
    "series",
    "species",
    "headquarters",
    "means",
    "politics",
    "economics",
    "aids",
    "chaos",
    "gas",
    "bus",
    "lens",
    "atlas",
    "alias",
    "canvas",
    "arms",
];

/// Lemma check of our parser (docs/patterns.md: lowercase lemmas, `_`, `-`, `'`, `.`).
fn valid_lemma(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-' | '\'' | '.'))
        && w.chars().any(|c| c.is_alphanumeric())
}

/// Naive singular of a lowercase noun (`talks` → `talk`, `ties` → `tie`, `parties` →
/// `party`, `churches` → `church`).
fn singular(w: &str) -> String {
    if w.len() <= 3
        || !w.ends_with('s')
        || !w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        || NOT_PLURAL.contains(&w)
        || ["ss", "us", "is", "ous"].iter().any(|e| w.ends_with(e))
    {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return if w.len() > 4 {
            format!("{stem}y")
        } else {
            format!("{stem}ie")
        };
    }
    if let Some(stem) = w.strip_suffix("es") {
        if ["ch", "sh", "ss", "x", "z"]
            .iter()
            .any(|e| stem.ends_with(e))
        {
            return stem.to_string();
        }
    }
    w[..w.len() - 1].to_string()
}

/// Singularises the last part of a multiword lemma.
fn singular_head(w: &str) -> String {
    match w.rsplit_once('_') {
        Some((mods, head)) => format!("{mods}_{}", singular(head)),
        None => singular(w),
    }
}

/// `[a-z0-9_]` form of a PETRARCH label.
fn set_name(label: &str) -> String {
    let s: String = label
        .trim_start_matches('&')
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let s = s.trim_matches('_').to_string();
    if s.is_empty() {
        "set".to_string()
    } else {
        s
    }
}

/// A PETRARCH code → our code, with a note for paired codes.
fn map_code(raw: &str, ontology: &Ontology) -> Result<(String, Option<String>), String> {
    let raw = raw.trim();
    if raw.is_empty() || raw.chars().all(|c| c == '-') {
        return Err("null code [---] (no event in PETRARCH)".into());
    }
    let (first, second) = match raw.split_once(':') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (raw, None),
    };
    if first.is_empty() {
        return Err(format!(
            "reverse-only code [{raw}] (target-to-source event) cannot be expressed"
        ));
    }
    let known = (2..=4).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && ontology.get(first).is_some_and(|c| c.code == first);
    if !known {
        return Err(format!("code [{raw}] is not in data/ontology/cameo.tsv"));
    }
    let note = second.map(|b| format!("petrarch [{raw}]: reverse event {b} not coded"));
    Ok((first.to_string(), note))
}

/// Removes `<!-- … -->` comments; `in_comment` carries an open comment across lines.
fn strip_xml_comments(line: &str, in_comment: &mut bool) -> String {
    let mut out = String::new();
    let mut rest = line;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(e) => {
                    rest = &rest[e + 3..];
                    *in_comment = false;
                }
                None => return out,
            }
        } else {
            match rest.find("<!--") {
                Some(s) => {
                    out.push_str(&rest[..s]);
                    rest = &rest[s + 4..];
                    *in_comment = true;
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            }
        }
    }
}

/// Cuts `#` and `;` comments.
fn strip_comment(s: &str) -> &str {
    let end = s.find(['#', ';']).unwrap_or(s.len());
    &s[..end]
}

/// A synset as read: our name and lemmas.
#[derive(Default)]
struct Synsets {
    /// PETRARCH label (uppercase, trailing `_` trimmed) → our name.
    names: HashMap<String, String>,
    /// Our name → members, in order, deduplicated.
    members: HashMap<String, Vec<String>>,
    /// Our names in definition order.
    order: Vec<String>,
    /// Sets whose label ends with `_` (members are not nouns: no plurals).
    no_plural: HashSet<String>,
}

impl Synsets {
    fn key(label: &str) -> String {
        label
            .trim()
            .trim_start_matches('&')
            .trim_end_matches('_')
            .to_uppercase()
    }

    fn define(&mut self, label: &str, used: &mut HashSet<String>) -> String {
        let key = Self::key(label);
        if let Some(n) = self.names.get(&key) {
            return n.clone();
        }
        let name = unique(set_name(&key), used);
        if label.trim().ends_with('_') {
            self.no_plural.insert(name.clone());
        }
        self.names.insert(key, name.clone());
        self.members.entry(name.clone()).or_default();
        self.order.push(name.clone());
        name
    }

    /// Our name of a defined, non-empty synset.
    fn lookup(&self, label: &str) -> Result<&str, String> {
        let name = self
            .names
            .get(&Self::key(label))
            .ok_or_else(|| format!("synset {label} is not defined before use"))?;
        if self.members.get(name).is_none_or(|m| m.is_empty()) {
            return Err(format!("synset {label} has no usable members"));
        }
        Ok(name)
    }

    fn members_of(&self, label: &str) -> Result<Vec<String>, String> {
        let name = self.lookup(label)?;
        Ok(self.members.get(name).cloned().unwrap_or_default())
    }
}

fn unique(base: String, used: &mut HashSet<String>) -> String {
    let mut name = base.clone();
    let mut k = 2;
    while used.contains(&name) {
        name = format!("{base}_{k}");
        k += 1;
    }
    used.insert(name.clone());
    name
}

/// One verb of a block: the trigger word and the particles after it.
#[derive(Clone)]
struct Verb {
    line: usize,
    lemma: String,
    particles: Vec<String>,
    code: String,
}

impl Verb {
    fn key(&self) -> String {
        let mut k = self.lemma.clone();
        for p in &self.particles {
            k.push(' ');
            k.push_str(p);
        }
        k
    }
}

/// A translated block pattern.
struct BlockPattern {
    line: usize,
    code: String,
    rest: String,
    note: Option<String>,
}

struct Block {
    name: String,
    line: usize,
    code: String,
    verbs: Vec<Verb>,
    patterns: Vec<BlockPattern>,
    /// Pattern lines not yet translated (translated when the block closes, once
    /// every verb is known): (line, body, code).
    raw: Vec<(usize, String, String)>,
}

/// Parses a verb line (`VERB {forms} [code]`, `+ASK_FOR`, `WIRE_+TAP`, `LASH OUT`).
fn parse_verb_line(text: &str, block_code: &str) -> Result<Verb, String> {
    let mut s = strip_comment(text).to_string();
    let mut code = block_code.to_string();
    if let (Some(a), Some(b)) = (s.find('['), s.rfind(']')) {
        if a < b {
            code = s[a + 1..b].to_string();
            s.replace_range(a..=b, " ");
        } else {
            return Err("unbalanced [ ] in verb line".into());
        }
    }
    if let Some(a) = s.find('{') {
        let Some(b) = s[a..].find('}') else {
            return Err("unclosed '{' in verb line".into());
        };
        s.replace_range(a..=a + b, " ");
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let Some(first) = words.first() else {
        return Err("empty verb line".into());
    };
    let first = first.to_lowercase();
    let (lemma, mut particles) = if first.contains('+') {
        let (front, back) = first.split_once('+').unwrap_or(("", &first));
        let mut back_parts = back.split('_').filter(|p| !p.is_empty());
        let stem = back_parts.next().unwrap_or("").to_string();
        let particles: Vec<String> = back_parts.map(String::from).collect();
        let front: Vec<&str> = front.split('_').filter(|p| !p.is_empty()).collect();
        let lemma = match front.as_slice() {
            [] => stem,
            ["re"] => format!("re-{stem}"),
            f => format!("{}_{stem}", f.join("_")),
        };
        (lemma, particles)
    } else {
        (first.trim_matches('_').to_string(), Vec::new())
    };
    particles.extend(words[1..].iter().map(|w| w.to_lowercase()));
    if !valid_lemma(&lemma) || lemma.contains('+') {
        return Err(format!("bad verb {lemma:?}"));
    }
    if let Some(p) = particles
        .iter()
        .find(|p| !valid_lemma(p) || p.contains('_'))
    {
        return Err(format!("bad particle {p:?} of verb {lemma}"));
    }
    Ok(Verb {
        line: 0,
        lemma,
        particles,
        code,
    })
}

/// A piece of a pattern after the verb.
enum Piece {
    Word(String),
    Phrase(Vec<String>),
}

/// Splits the part after `*` into words and `{…}` noun phrases; `( … )` prepositional
/// phrases are flattened.
fn lex_after(post: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut in_pp = false;
    let mut np: Option<Vec<String>> = None;
    let mut word = String::new();
    let flush = |word: &mut String, np: &mut Option<Vec<String>>, out: &mut Vec<Piece>| {
        if !word.is_empty() {
            let w = std::mem::take(word);
            match np {
                Some(v) => v.push(w),
                None => out.push(Piece::Word(w)),
            }
        }
    };
    for c in post.chars() {
        match c {
            '(' => {
                flush(&mut word, &mut np, &mut out);
                if in_pp || np.is_some() {
                    return Err("nested brackets".into());
                }
                in_pp = true;
            }
            ')' => {
                flush(&mut word, &mut np, &mut out);
                if !in_pp || np.is_some() {
                    return Err("')' without '('".into());
                }
                in_pp = false;
            }
            '{' => {
                flush(&mut word, &mut np, &mut out);
                if np.is_some() {
                    return Err("nested '{'".into());
                }
                np = Some(Vec::new());
            }
            '}' => {
                flush(&mut word, &mut np, &mut out);
                let Some(v) = np.take() else {
                    return Err("'}' without '{'".into());
                };
                out.push(Piece::Phrase(v));
            }
            '|' => return Err("disjunction '|' (not allowed in PETRARCH patterns)".into()),
            c if c.is_whitespace() => flush(&mut word, &mut np, &mut out),
            c => word.push(c),
        }
    }
    flush(&mut word, &mut np, &mut out);
    if in_pp {
        return Err("unclosed '('".into());
    }
    if np.is_some() {
        return Err("unclosed '{'".into());
    }
    Ok(out)
}

fn is_marker(p: &str) -> bool {
    matches!(p, "+" | "$" | "%" | "^" | "*") || p.starts_with('&')
}

const DETERMINERS: &[&str] = &["the", "a", "an"];
const NEGATIONS: &[&str] = &["not", "n't", "never"];

/// One PETRARCH word → our token (None: dropped).
fn map_word(raw: &str, sets: &Synsets, tgts: &mut usize) -> Result<Option<String>, String> {
    match raw {
        "+" => {
            *tgts += 1;
            if *tgts > 1 {
                return Err("more than one target '+'".into());
            }
            return Ok(Some("TGT".into()));
        }
        "$" => return Err("source '$' after the verb cannot be expressed".into()),
        "%" => return Err("compound-actor marker '%' cannot be expressed".into()),
        "^" => return Ok(None),
        _ => {}
    }
    if raw.starts_with('&') {
        return Ok(Some(format!("@{}", sets.lookup(raw)?)));
    }
    let w = raw.to_lowercase();
    if w.contains('/') {
        // `BY/WITH`, `FAVOUR/FAVOR`: an alternative.
        let alts: Vec<String> = w.split('/').map(singular).collect();
        if alts.iter().any(|a| !valid_lemma(a) || a.contains('_')) {
            return Err(format!("bad word {raw:?}"));
        }
        return Ok(Some(format!("({})", alts.join("|"))));
    }
    if DETERMINERS.contains(&w.as_str()) {
        return Ok(None);
    }
    if NEGATIONS.contains(&w.as_str()) {
        return Err(format!("negation {raw:?} (decided by the engine)"));
    }
    let w = singular(&w);
    if !valid_lemma(&w) || w.contains('_') {
        return Err(format!("bad word {raw:?}"));
    }
    Ok(Some(w))
}

/// `{A &SET B}` → a multiword lemma or an alternative of multiword lemmas.
fn map_phrase(parts: &[String], sets: &Synsets) -> Result<Option<String>, String> {
    let parts: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.split('_'))
        .filter(|p| !p.is_empty() && !DETERMINERS.contains(&p.to_lowercase().as_str()))
        .collect();
    let n = parts.len();
    let mut combos: Vec<String> = vec![String::new()];
    for (i, p) in parts.iter().enumerate() {
        let opts: Vec<String> = if p.starts_with('&') {
            sets.members_of(p)?
        } else if is_marker(p) {
            return Err(format!("marker {p:?} inside a noun phrase {{…}}"));
        } else {
            let w = p.to_lowercase();
            if NEGATIONS.contains(&w.as_str()) {
                return Err(format!("negation {p:?} (decided by the engine)"));
            }
            vec![if i + 1 == n { singular(&w) } else { w }]
        };
        let mut next = Vec::new();
        for c in &combos {
            for o in &opts {
                next.push(if c.is_empty() {
                    o.clone()
                } else {
                    format!("{c}_{o}")
                });
            }
        }
        if next.len() > MAX_ALTERNATIVES {
            return Err(format!(
                "noun phrase expands to more than {MAX_ALTERNATIVES} alternatives"
            ));
        }
        combos = next;
    }
    combos.retain(|c| !c.is_empty());
    combos.dedup();
    if let Some(bad) = combos.iter().find(|c| !valid_lemma(c)) {
        return Err(format!("bad word {bad:?}"));
    }
    Ok(match combos.len() {
        0 => None,
        1 => combos.pop(),
        _ => Some(format!("({})", combos.join("|"))),
    })
}

/// The body of a PETRARCH pattern (between `-` and the code) → our tokens after the
/// trigger, space-separated (empty: the bare verb).
fn translate_body(body: &str, sets: &Synsets) -> Result<String, String> {
    let body = body.replace("_*", " *").replace("*_", "* ");
    let stars = body.matches('*').count();
    if stars != 1 {
        return Err(if stars == 0 {
            "no verb marker '*'".into()
        } else {
            "more than one verb marker '*'".into()
        });
    }
    let (pre, post) = body.split_once('*').unwrap_or(("", ""));
    let pre: Vec<&str> = pre.split_whitespace().filter(|w| *w != "$").collect();
    if !pre.is_empty() {
        let pieces: Vec<&str> = pre.iter().flat_map(|w| w.split('_')).collect();
        return Err(if pieces.contains(&"+") {
            "target '+' before the verb cannot be expressed".into()
        } else if pieces.contains(&"%") {
            "compound-actor marker '%' cannot be expressed".into()
        } else {
            format!(
                "words before the verb ({}) cannot be expressed",
                pre.join(" ")
            )
        });
    }
    let mut out: Vec<String> = Vec::new();
    let mut tgts = 0;
    for piece in lex_after(post)? {
        match piece {
            Piece::Phrase(parts) => {
                if let Some(t) = map_phrase(&parts, sets)? {
                    out.push(t);
                }
            }
            Piece::Word(w) => {
                let parts: Vec<&str> = w
                    .split('_')
                    .filter(|p| !p.is_empty() && !DETERMINERS.contains(&p.to_lowercase().as_str()))
                    .collect();
                let split = parts.len() > 1
                    && parts.iter().any(|p| {
                        let l = p.to_lowercase();
                        is_marker(p) || is_preposition(&l) || NEGATIONS.contains(&l.as_str())
                    });
                if parts.len() > 1 && !split {
                    let joined = parts.join("_");
                    if let Some(t) = map_phrase(&[joined], sets)? {
                        out.push(t);
                    }
                    continue;
                }
                for p in parts {
                    if let Some(t) = map_word(p, sets, &mut tgts)? {
                        out.push(t);
                    }
                }
            }
        }
    }
    Ok(out.join(" "))
}

/// Translates one PETRARCH verb dictionary (`file` names it in the notes and in
/// [`Translation::skipped`]). Never fails: what cannot be translated is skipped with
/// a reason. The result parses with [`crate::patterns::parse::parse_file`] and
/// compiles with [`crate::PatternCoder::from_files`].
pub fn translate_verbs(file: &str, text: &str) -> Translation {
    let ontology = Ontology::bundled();
    let mut tr = Translation::default();
    let mut sets = Synsets::default();
    let mut used_names: HashSet<String> = HashSet::new();
    let mut current_set: Option<String> = None;
    let mut block: Option<Block> = None;
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_comment = false;
    let skip = |tr: &mut Translation, line: usize, why: String| {
        tr.skipped.push(format!("{file}:{line}: {why}"));
    };

    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = strip_xml_comments(raw, &mut in_comment);
        let l = l.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if l.starts_with("---") {
            // A block header: --- NAME [CODE] ---
            blocks.extend(block.take());
            current_set = None;
            let inner = l.trim_matches('-').trim();
            let inner = strip_comment(inner);
            let (name, code) = match (inner.find('['), inner.find(']')) {
                (Some(a), Some(b)) if a < b => (inner[..a].trim(), inner[a + 1..b].trim()),
                _ => (inner.trim(), "---"),
            };
            block = Some(Block {
                name: name.to_string(),
                line,
                code: code.to_string(),
                verbs: Vec::new(),
                patterns: Vec::new(),
                raw: Vec::new(),
            });
            continue;
        }
        if let Some(p) = l.strip_prefix('-') {
            tr.patterns_in += 1;
            let Some(b) = block.as_mut() else {
                skip(&mut tr, line, "pattern outside a verb block".into());
                continue;
            };
            let (body, code) = match (p.find('['), p.find(']')) {
                (Some(a), Some(e)) if a < e => (p[..a].to_string(), p[a + 1..e].to_string()),
                _ => {
                    skip(&mut tr, line, "pattern without a [code]".into());
                    continue;
                }
            };
            let body = strip_comment(&body).to_string();
            match translate_body(&body, &sets) {
                Ok(rest) => b.raw.push((line, rest, code)),
                Err(why) => skip(&mut tr, line, why),
            }
            continue;
        }
        if l.starts_with('~') {
            skip(
                &mut tr,
                line,
                "verb transformation (~ …) is not translated".into(),
            );
            continue;
        }
        let l = strip_comment(l).trim();
        if l.is_empty() {
            continue;
        }
        if l.starts_with('&') {
            // A synset label ends the current verb block.
            blocks.extend(block.take());
            let label = l.split_whitespace().next().unwrap_or(l);
            current_set = Some(sets.define(label, &mut used_names));
            continue;
        }
        if let Some(member) = l.strip_prefix('+') {
            if let Some(name) = current_set.clone() {
                let mut new: Vec<String> = Vec::new();
                let m = member.trim();
                if m.starts_with('&') {
                    match sets.members_of(m) {
                        Ok(v) => new.extend(v),
                        Err(why) => skip(&mut tr, line, why),
                    }
                } else {
                    let keep_plural = m.ends_with('_') || sets.no_plural.contains(&name);
                    let lemma = m
                        .to_lowercase()
                        .split([' ', '_', '\t'])
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join("_");
                    let lemma = if keep_plural {
                        lemma
                    } else {
                        singular_head(&lemma)
                    };
                    if valid_lemma(&lemma) {
                        new.push(lemma);
                    } else {
                        skip(&mut tr, line, format!("bad synset member {m:?}"));
                    }
                }
                let list = sets.members.entry(name).or_default();
                for w in new {
                    if !list.contains(&w) {
                        list.push(w);
                    }
                }
                continue;
            }
        }
        // A verb line.
        let Some(b) = block.as_mut() else {
            skip(&mut tr, line, "line outside a verb block or synset".into());
            continue;
        };
        tr.verbs += 1;
        match parse_verb_line(l, &b.code) {
            Ok(mut v) => {
                v.line = line;
                b.verbs.push(v);
            }
            Err(why) => skip(&mut tr, line, why),
        }
    }
    blocks.extend(block.take());

    // Verbs keep their first block (PETRARCH stores the first); duplicates are dropped.
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    for b in &mut blocks {
        let mut keep = Vec::new();
        for v in std::mem::take(&mut b.verbs) {
            let k = v.key();
            if let Some((blk, at)) = seen.get(&k) {
                if *at != v.line {
                    tr.skipped.push(format!(
                        "{file}:{}: verb {k:?} already listed in block {blk} (line {at}); PETRARCH keeps the first",
                        v.line
                    ));
                }
                continue;
            }
            seen.insert(k, (b.name.clone(), v.line));
            keep.push(v);
        }
        b.verbs = keep;
    }

    // Block patterns: codes, and the last of equal patterns wins (PETRARCH overwrites).
    for b in &mut blocks {
        let raw = std::mem::take(&mut b.raw);
        let mut last: HashMap<&str, usize> = HashMap::new();
        for (k, (_, rest, _)) in raw.iter().enumerate() {
            last.insert(rest.as_str(), k);
        }
        for (k, (line, rest, code)) in raw.iter().enumerate() {
            let winner = last[rest.as_str()];
            if winner != k {
                let why = if raw[winner].2.trim() == code.trim() {
                    format!("duplicate of line {}", raw[winner].0)
                } else {
                    format!(
                        "overridden by line {} (same words; PETRARCH keeps the last)",
                        raw[winner].0
                    )
                };
                tr.skipped.push(format!("{file}:{line}: {why}"));
                continue;
            }
            match map_code(code, ontology) {
                Ok((code, note)) => b.patterns.push(BlockPattern {
                    line: *line,
                    code,
                    rest: rest.clone(),
                    note,
                }),
                Err(why) => tr.skipped.push(format!("{file}:{line}: {why}")),
            }
        }
    }

    // Output.
    let mut body = String::new();
    let mut set_lines: Vec<String> = Vec::new();
    for b in &blocks {
        let mut section = String::new();
        // Bare verbs.
        for v in &b.verbs {
            match map_code(&v.code, ontology) {
                Ok((code, note)) => {
                    let note = note.map_or(String::new(), |n| format!(" ; {n}"));
                    let _ = writeln!(
                        section,
                        "{code:<6}{}  ; petrarch {file}:{}{note}",
                        v.key(),
                        v.line
                    );
                    tr.patterns_out += 1;
                }
                Err(why) if why.starts_with("null code") => {}
                Err(why) => {
                    tr.skipped
                        .push(format!("{file}:{}: verb {:?}: {why}", v.line, v.key()))
                }
            }
        }
        // Triggers of the block patterns.
        if !b.patterns.is_empty() {
            let singles: Vec<&Verb> = b.verbs.iter().filter(|v| v.particles.is_empty()).collect();
            let mut triggers: Vec<String> = Vec::new();
            match singles.as_slice() {
                [] => {}
                [v] => triggers.push(v.lemma.clone()),
                vs => {
                    let name = unique(format!("verb_{}", set_name(&b.name)), &mut used_names);
                    let members: Vec<&str> = vs.iter().map(|v| v.lemma.as_str()).collect();
                    set_lines.push(format!("@{name} = {}", members.join(" ")));
                    triggers.push(format!("@{name}"));
                }
            }
            let particle_verbs: Vec<&Verb> =
                b.verbs.iter().filter(|v| !v.particles.is_empty()).collect();
            triggers.extend(particle_verbs.iter().map(|v| v.key()));
            if triggers.is_empty() {
                for p in &b.patterns {
                    tr.skipped.push(format!(
                        "{file}:{}: block {} has no verbs of its own (listed in earlier blocks)",
                        p.line, b.name
                    ));
                }
            }
            for t in &triggers {
                // A particle verb does not repeat its particles (`ask for` + `FOR HELP`).
                let particles = particle_verbs
                    .iter()
                    .find(|v| v.key() == *t)
                    .map_or(String::new(), |v| v.particles.join(" "));
                for p in &b.patterns {
                    let rest = match p.rest.strip_prefix(particles.as_str()) {
                        Some(r)
                            if !particles.is_empty() && (r.is_empty() || r.starts_with(' ')) =>
                        {
                            r.trim_start()
                        }
                        _ => p.rest.as_str(),
                    };
                    let pat = if rest.is_empty() {
                        t.clone()
                    } else {
                        format!("{t} {rest}")
                    };
                    let note = p.note.as_ref().map_or(String::new(), |n| format!(" ; {n}"));
                    let _ = writeln!(
                        section,
                        "{:<6}{pat}  ; petrarch {file}:{}{note}",
                        p.code, p.line
                    );
                    tr.patterns_out += 1;
                }
            }
        }
        if !section.is_empty() {
            let _ = writeln!(body, "\n# --- {} ({file}:{})", b.name, b.line);
            body.push_str(&section);
        }
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Translated from the PETRARCH verb dictionary {file} (flashpoint petrarch_verbs)."
    );
    let _ = writeln!(
        out,
        "# {} verbs, {} patterns in, {} pattern lines out, {} items skipped.",
        tr.verbs,
        tr.patterns_in,
        tr.patterns_out,
        tr.skipped.len()
    );
    out.push('\n');
    for name in &sets.order {
        let m = &sets.members[name];
        if !m.is_empty() {
            let _ = writeln!(out, "@{name} = {}", m.join(" "));
        }
    }
    for s in &set_lines {
        let _ = writeln!(out, "{s}");
    }
    out.push_str(&body);
    tr.patterns = out;
    tr
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::parse::parse_file;
    use crate::{CoderOptions, PatternCoder};

    /// A small dictionary in the PETRARCH format, written for this test.
    const DICT: &str = "\
<!-- test verbs -->
&WEAPON
+GUN
+MISSILES
+CAR_BOMB

&AUX_
+WAS

--- ATTACK  [190] ---
ATTACK   # a comment
STRIKE {STRIKES STRUCK STRIKING}
+BEAT_UP [1823]
SHELL  [195]
- * + (WITH &WEAPON)    [195]  # pas
- * {NAVAL BASES}       [192]
- SAID * +              [190]
- * + (FROM $)          [190]
- * PEACE               [---]
- * TALKS               [046:046]
- * DEMONSTRATORS       [zzz]
- * (WITH +             [190]
- * NOT_* TALKS         [190]

--- MEET  [---] ---
MEET {MET MEETING}
+ASK_FOR [020]
- * (WITH +)  [040]
- * (WITH +)  [043]
- $ * FOR_ASYLUM [0233]
- * (BY/WITH +) THE_PEACE_TALKS [046]

--- HIT [---] ---
ATTACK
";

    #[test]
    fn translates_a_small_dictionary() {
        let t = translate_verbs("test.verbs", DICT);
        eprintln!("{}", t.patterns);
        for s in &t.skipped {
            eprintln!("{s}");
        }
        let lines: Vec<&str> = t
            .patterns
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        let want = [
            "@weapon = gun missile car_bomb",
            "@aux = was",
            "@verb_attack = attack strike shell",
            "190   attack  ; petrarch test.verbs:11",
            "190   strike  ; petrarch test.verbs:12",
            "1823  beat up  ; petrarch test.verbs:13",
            "195   shell  ; petrarch test.verbs:14",
            "195   @verb_attack TGT with @weapon  ; petrarch test.verbs:15",
            "192   @verb_attack naval_base  ; petrarch test.verbs:16",
            "046   @verb_attack talk  ; petrarch test.verbs:20 ; petrarch [046:046]: reverse event 046 not coded",
            "195   beat up TGT with @weapon  ; petrarch test.verbs:15",
            "192   beat up naval_base  ; petrarch test.verbs:16",
            "046   beat up talk  ; petrarch test.verbs:20 ; petrarch [046:046]: reverse event 046 not coded",
            "020   ask for  ; petrarch test.verbs:27",
            "043   meet with TGT  ; petrarch test.verbs:29",
            "0233  meet for asylum  ; petrarch test.verbs:30",
            "046   meet (by|with) TGT peace_talk  ; petrarch test.verbs:31",
            "043   ask for with TGT  ; petrarch test.verbs:29",
            "0233  ask for asylum  ; petrarch test.verbs:30",
            "046   ask for (by|with) TGT peace_talk  ; petrarch test.verbs:31",
        ];
        assert_eq!(lines, want);
        assert_eq!(t.verbs, 7);
        assert_eq!(t.patterns_in, 13);
        assert_eq!(t.patterns_out, 17);
        let why: Vec<&str> = t.skipped.iter().map(|s| s.as_str()).collect();
        let expect_skips = [
            "test.verbs:17: words before the verb (SAID) cannot be expressed",
            "test.verbs:18: source '$' after the verb cannot be expressed",
            "test.verbs:22: unclosed '('",
            "test.verbs:23: more than one verb marker '*'",
            "test.verbs:19: null code [---] (no event in PETRARCH)",
            "test.verbs:21: code [zzz] is not in data/ontology/cameo.tsv",
            "test.verbs:28: overridden by line 29 (same words; PETRARCH keeps the last)",
            "test.verbs:34: verb \"attack\" already listed in block ATTACK (line 11); PETRARCH keeps the first",
        ];
        for e in expect_skips {
            assert!(why.contains(&e), "missing skip {e:?} in {why:#?}");
        }
        assert_eq!(why.len(), expect_skips.len(), "{why:#?}");
        parse_file("test.verbs", &t.patterns).expect("parses");
        PatternCoder::from_files(
            [("test.verbs".to_string(), t.patterns.clone())],
            Ontology::bundled(),
            CoderOptions::default(),
        )
        .expect("compiles");
    }

    #[test]
    fn helpers() {
        assert_eq!(singular("talks"), "talk");
        assert_eq!(singular("parties"), "party");
        assert_eq!(singular("ties"), "tie");
        assert_eq!(singular("churches"), "church");
        assert_eq!(singular("forces"), "force");
        assert_eq!(singular("news"), "news");
        assert_eq!(singular("crisis"), "crisis");
        assert_eq!(singular("was"), "was");
        assert_eq!(set_name("&PREPOSIT1_"), "preposit1");
        let o = Ontology::bundled();
        assert_eq!(map_code("0211", o), Ok(("0211".into(), None)));
        assert!(map_code(":173", o).unwrap_err().starts_with("reverse-only"));
        assert!(map_code("223", o).is_err());
        assert!(map_code("0x19", o).is_err());
        assert!(parse_verb_line("RE_+ARREST", "190").unwrap().lemma == "re-arrest");
        let v = parse_verb_line("WIRE_+TAP {WIRE_+TAPS} [1711]", "---").unwrap();
        assert_eq!((v.lemma.as_str(), v.code.as_str()), ("wire_tap", "1711"));
        let v = parse_verb_line("+CORDON_OFF {+CORDONED_OFF}", "---").unwrap();
        assert_eq!(v.key(), "cordon off");
    }

    #[test]
    fn never_panics_and_always_parses() {
        let odd = [
            "",
            "\0\u{1}\u{fffd}\u{7f}",
            "---",
            "--- [",
            "--- X [190] ---\n- * (A (B) [190]",
            "--- X [190] ---\n- * {A {B}} [190]\n- * } [190]\n- * ) [190]",
            "--- X [190] ---\nX {unclosed\n- * [",
            "--- X [190] ---\n- * [190",
            "&\n+\n+&\n&&\n+&&",
            "<!-- open\n--- X [190] ---",
            "--- É [190] ---\nÉCRASER\n- * ÀB [190]",
            "--- X [190] ---\n+\n+_\n_+_\nX_+\n- *",
            "- * A [190]",
            "--- X [19:] ---\nX [:]\n- * + + [190]\n- * &NOPE [190]",
            "--- X [190] ---\nX\n- * {&A &A &A} [190]",
        ];
        for s in odd {
            let t = translate_verbs("odd.txt", s);
            parse_file("odd.txt", &t.patterns)
                .unwrap_or_else(|e| panic!("{s:?}: {e}\n{}", t.patterns));
            PatternCoder::from_files(
                [("odd.txt".to_string(), t.patterns.clone())],
                Ontology::bundled(),
                CoderOptions::default(),
            )
            .unwrap_or_else(|e| panic!("{s:?}: {e}\n{}", t.patterns));
        }
        // Every byte prefix of the test dictionary, too.
        for k in 0..DICT.len() {
            if DICT.is_char_boundary(k) {
                let t = translate_verbs("cut.txt", &DICT[..k]);
                parse_file("cut.txt", &t.patterns).unwrap_or_else(|e| panic!("{k}: {e}"));
            }
        }
    }

    /// Translates the PETRARCH dictionaries when they are present (they are not part
    /// of the repository).
    #[test]
    fn petrarch_dictionaries_compile() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/petrarch/dicts");
        for name in ["PETR.Validate.verbs.txt", "CAMEO.2.0.txt"] {
            let path = dir.join(name);
            let Ok(text) = std::fs::read_to_string(&path) else {
                eprintln!("skipped: {} is absent", path.display());
                continue;
            };
            let t = translate_verbs(name, &text);
            eprintln!(
                "{name}: {} verbs, {} patterns in, {} pattern lines out, {} skipped",
                t.verbs,
                t.patterns_in,
                t.patterns_out,
                t.skipped.len()
            );
            // PETRARCH_DUMP=dir writes the translation there, for inspection.
            if let Ok(dump) = std::env::var("PETRARCH_DUMP") {
                let out = std::path::Path::new(&dump).join(format!("{name}.patterns"));
                let skipped = t.skipped.join("\n");
                std::fs::write(&out, &t.patterns).expect("write dump");
                std::fs::write(out.with_extension("skipped"), skipped).expect("write dump");
            }
            let raw = parse_file(name, &t.patterns).expect("parses");
            assert_eq!(raw.len(), t.patterns_out);
            PatternCoder::from_files(
                [(name.to_string(), t.patterns.clone())],
                Ontology::bundled(),
                CoderOptions::default(),
            )
            .expect("compiles");
        }
    }
}
