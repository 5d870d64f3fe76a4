//! Lemmatizer: exceptions learnt from the treebank (form+tag -> lemma where the rules are
//! wrong) on top of suffix-rewrite rules learnt per tag (longest matching suffix wins),
//! with a hand-written English fallback for unseen suffixes.
use crate::hash::{combine, hash_str, U64Map};
use crate::ser::{Reader, Writer};
use crate::tagger::lower;
use crate::SyntaxError;
use std::collections::{BTreeMap, HashMap};

const MAX_SUFFIX: usize = 6;

#[derive(Default)]
pub struct Lemmatizer {
    /// (tag, suffix) -> (strip chars, append)
    rules: HashMap<(u16, String), (u8, String)>,
    /// (tag, form) -> lemma
    exceptions: HashMap<(u16, String), String>,
    /// Run-time indexes of `rules` / `exceptions` keyed by a hash of (tag, string), so
    /// lookups need no allocation; the string is kept to confirm the match.
    rule_ix: U64Map<(String, u8, String)>,
    exc_ix: U64Map<(String, String)>,
}

#[inline]
fn key(tag: u16, s: &str) -> u64 {
    combine(tag as u64 + 1, hash_str(s))
}

/// Keep case for proper nouns; lowercase everything else.
fn base(form: &str, keep_case: bool) -> String {
    if keep_case {
        form.to_string()
    } else {
        lower(form)
    }
}

fn transform(b: &str, lemma: &str) -> (u8, String) {
    let bc: Vec<char> = b.chars().collect();
    let lc: Vec<char> = lemma.chars().collect();
    let mut p = 0;
    while p < bc.len() && p < lc.len() && bc[p] == lc[p] {
        p += 1;
    }
    let strip = (bc.len() - p).min(255) as u8;
    (strip, lc[p..].iter().collect())
}

fn apply(b: &str, strip: u8, add: &str) -> Option<String> {
    let n = b.chars().count();
    let strip = strip as usize;
    if strip > n || (strip == n && add.is_empty()) {
        return None;
    }
    let cut = b.char_indices().nth(n - strip).map_or(b.len(), |(i, _)| i);
    let mut s = b[..cut].to_string();
    s.push_str(add);
    Some(s)
}

fn suffix(b: &str, k: usize) -> Option<&str> {
    if k == 0 {
        return Some("");
    }
    let n = b.chars().count();
    if k > n {
        return None;
    }
    b.char_indices().nth(n - k).map(|(i, _)| &b[i..])
}

impl Lemmatizer {
    /// `is_propn[tag]` says whether the tag is a proper noun (case kept).
    pub fn lemma(&self, form: &str, tag: u16, keep_case: bool) -> String {
        if let Some(l) = self.exception(tag, form) {
            return l.to_string();
        }
        let b = base(form, keep_case);
        if !keep_case && b != form {
            if let Some(l) = self.exception(tag, &b) {
                return l.to_string();
            }
        }
        self.by_rule(b, tag)
    }

    #[inline]
    fn exception(&self, tag: u16, form: &str) -> Option<&str> {
        match self.exc_ix.get(&key(tag, form)) {
            Some((f, l)) if f == form => Some(l),
            _ => None,
        }
    }

    fn by_rule(&self, b: String, tag: u16) -> String {
        let n = b.chars().count();
        for k in (0..=MAX_SUFFIX.min(n)).rev() {
            let Some(suf) = suffix(&b, k) else { continue };
            if let Some((s, strip, add)) = self.rule_ix.get(&key(tag, suf)) {
                if s != suf {
                    continue;
                }
                if let Some(s) = apply(&b, *strip, add) {
                    return s;
                }
            }
        }
        b
    }

    /// Rebuild the run-time indexes from `rules` and `exceptions`.
    fn reindex(&mut self) {
        self.rule_ix = self
            .rules
            .iter()
            .map(|((t, s), (strip, add))| (key(*t, s), (s.clone(), *strip, add.clone())))
            .collect();
        self.exc_ix = self
            .exceptions
            .iter()
            .map(|((t, f), l)| (key(*t, f), (f.clone(), l.clone())))
            .collect();
    }

    /// Learn from (form, tag, lemma, keep_case) tokens.
    pub fn train(tokens: &[(String, u16, String, bool)]) -> Self {
        // distinct types with counts
        let mut types: BTreeMap<(u16, String, String), (u32, bool)> = BTreeMap::new();
        for (f, t, l, kc) in tokens {
            if l == "_" || l.is_empty() {
                continue;
            }
            let e = types.entry((*t, f.clone(), l.clone())).or_insert((0, *kc));
            e.0 += 1;
        }
        // suffix statistics over types: (tag, suffix) -> transform -> count
        let mut stats: BTreeMap<(u16, String), BTreeMap<(u8, String), u32>> = BTreeMap::new();
        for ((t, f, l), (_, kc)) in &types {
            let b = base(f, *kc);
            let tr = transform(&b, l);
            let n = b.chars().count();
            for k in 0..=MAX_SUFFIX.min(n) {
                let Some(suf) = suffix(&b, k) else { continue };
                *stats
                    .entry((*t, suf.to_string()))
                    .or_default()
                    .entry(tr.clone())
                    .or_default() += 1;
            }
        }
        let mut lem = Lemmatizer::default();
        // choose argmax per node; keep only nodes that differ from their parent's choice
        let mut best: BTreeMap<(u16, String), (u8, String)> = BTreeMap::new();
        for (key, m) in &stats {
            let tot: u32 = m.values().sum();
            let (tr, c) = m
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(k, v)| (k.clone(), *v))
                .unwrap_or(((0, String::new()), 0));
            // require some support for long suffixes to generalise
            if key.1.chars().count() >= 2 && tot < 2 {
                continue;
            }
            let _ = c;
            best.insert(key.clone(), tr);
        }
        for (key, tr) in &best {
            let (t, suf) = key;
            // nearest kept ancestor
            let mut parent: Option<&(u8, String)> = None;
            let chars: Vec<char> = suf.chars().collect();
            for k in (0..chars.len()).rev() {
                let s: String = chars[chars.len() - k..].iter().collect();
                if let Some(p) = best.get(&(*t, s)) {
                    parent = Some(p);
                    break;
                }
            }
            let identity = tr.0 == 0 && tr.1.is_empty();
            let keep = match parent {
                Some(p) => p != tr,
                None => !identity,
            };
            if keep {
                lem.rules.insert(key.clone(), tr.clone());
            }
        }
        lem.reindex();
        // exceptions: most frequent lemma per (tag, form) where rules are wrong
        let mut per_form: BTreeMap<(u16, String), (String, u32, bool)> = BTreeMap::new();
        for ((t, f, l), (c, kc)) in &types {
            let e = per_form
                .entry((*t, f.clone()))
                .or_insert((l.clone(), 0, *kc));
            if *c > e.1 {
                *e = (l.clone(), *c, *kc);
            }
        }
        for ((t, f), (l, _, kc)) in per_form {
            if lem.lemma(&f, t, kc) != l {
                lem.exceptions.insert((t, f), l);
            }
        }
        lem.reindex();
        lem
    }

    pub fn num_rules(&self) -> usize {
        self.rules.len()
    }
    pub fn num_exceptions(&self) -> usize {
        self.exceptions.len()
    }

    pub fn write(&self, w: &mut Writer) {
        let mut r: Vec<_> = self.rules.iter().collect();
        r.sort();
        w.u32(r.len() as u32);
        for ((t, s), (strip, add)) in r {
            w.u32(*t as u32);
            w.str(s);
            w.u8(*strip);
            w.str(add);
        }
        let mut e: Vec<_> = self.exceptions.iter().collect();
        e.sort();
        w.u32(e.len() as u32);
        for ((t, f), l) in e {
            w.u32(*t as u32);
            w.str(f);
            w.str(l);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Self, SyntaxError> {
        let mut lem = Lemmatizer::default();
        let n = r.len(10)?;
        for _ in 0..n {
            let t = r.u32()? as u16;
            let s = r.str()?;
            let strip = r.u8()?;
            let add = r.str()?;
            lem.rules.insert((t, s), (strip, add));
        }
        let n = r.len(12)?;
        for _ in 0..n {
            let t = r.u32()? as u16;
            let f = r.str()?;
            let l = r.str()?;
            lem.exceptions.insert((t, f), l);
        }
        lem.reindex();
        Ok(lem)
    }
}
