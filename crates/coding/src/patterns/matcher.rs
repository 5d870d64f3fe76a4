//! Matching compiled patterns against one parsed sentence.

use super::compile::{Compiled, Multi, Obj, Pattern, Step, WordId, NO_WORD};
use crate::linguistics::is_clause_rel;
use flashpoint_syntax::TokenAnalysis;
use flashpoint_text::Document;

pub const ROOT: u32 = u32::MAX;

/// A parsed sentence prepared for matching: word ids per token and a child index.
pub struct Sent<'a> {
    pub toks: &'a [TokenAnalysis],
    /// Word ids each token stands for (lemma, surface form, inflection); `NO_WORD` pads.
    pub ids: Vec<[WordId; 3]>,
    /// Head of each token (0-based), [`ROOT`] for the root.
    pub heads: Vec<u32>,
    kid_start: Vec<u32>,
    kids: Vec<u32>,
    pub dash: Vec<bool>,
}

impl<'a> Sent<'a> {
    pub fn new(
        c: &Compiled,
        doc: &Document,
        first_token: usize,
        toks: &'a [TokenAnalysis],
        buf: &mut String,
    ) -> Sent<'a> {
        let n = toks.len();
        let mut ids = Vec::with_capacity(n);
        let mut heads = Vec::with_capacity(n);
        let mut dash = Vec::with_capacity(n);
        for (i, t) in toks.iter().enumerate() {
            let mut a = [NO_WORD; 3];
            let mut k = 0;
            buf.clear();
            buf.extend(t.lemma.chars().flat_map(char::to_lowercase));
            c.lookup(buf, &mut a, &mut k);
            let text = doc.token_text(first_token + i);
            buf.clear();
            for ch in text.chars() {
                // typographic apostrophes as ASCII
                let ch = if ch == '\u{2019}' { '\'' } else { ch };
                buf.extend(ch.to_lowercase());
            }
            c.lookup(buf, &mut a, &mut k);
            ids.push(a);
            dash.push(text == "-" || text == "\u{2010}" || text == "\u{2011}");
            let h = t.head as usize;
            heads.push(if h == 0 || h > n || h == i + 1 {
                ROOT
            } else {
                (h - 1) as u32
            });
        }
        // CSR children
        let mut count = vec![0u32; n + 1];
        for &h in &heads {
            if h != ROOT {
                count[h as usize + 1] += 1;
            }
        }
        for i in 0..n {
            count[i + 1] += count[i];
        }
        let mut fill = count.clone();
        let mut kids = vec![0u32; count[n] as usize];
        for (i, &h) in heads.iter().enumerate() {
            if h != ROOT {
                kids[fill[h as usize] as usize] = i as u32;
                fill[h as usize] += 1;
            }
        }
        Sent {
            toks,
            ids,
            heads,
            kid_start: count,
            kids,
            dash,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub fn children(&self, k: u32) -> &[u32] {
        let k = k as usize;
        &self.kids[self.kid_start[k] as usize..self.kid_start[k + 1] as usize]
    }

    pub fn rel(&self, k: u32) -> &'static str {
        self.toks[k as usize].deprel
    }

    pub fn lemma(&self, k: u32) -> &str {
        &self.toks[k as usize].lemma
    }

    pub fn head(&self, k: u32) -> u32 {
        self.heads[k as usize]
    }

    pub fn has_id(&self, k: u32, id: WordId) -> bool {
        self.ids[k as usize].contains(&id)
    }

    /// Children with the given relation (base relation match when `rel` has no ':').
    pub fn kids_with<'s>(&'s self, k: u32, rel: &'s str) -> impl Iterator<Item = u32> + 's {
        self.children(k).iter().copied().filter(move |&c| {
            let r = self.rel(c);
            r == rel || (!rel.contains(':') && r.split(':').next() == Some(rel))
        })
    }

    /// Whether `k` is `anc` or below it.
    pub fn under(&self, mut k: u32, anc: u32) -> bool {
        for _ in 0..self.len() + 1 {
            if k == anc {
                return true;
            }
            if k == ROOT {
                return false;
            }
            k = self.head(k);
        }
        false
    }
}

/// The outcome of matching one pattern on one trigger.
#[derive(Debug, Clone, Default)]
pub struct Match {
    /// The token of the target slot, if the slot was filled.
    pub tgt: Option<u32>,
    /// Tokens used by the pattern (trigger first).
    pub tokens: Vec<u32>,
}

struct St {
    used: Vec<u32>,
    tgt: Option<u32>,
    deepest: usize,
}

/// A few candidate tokens (no heap allocation).
struct Cands {
    buf: [u32; 32],
    n: usize,
}

impl Cands {
    fn new() -> Cands {
        Cands { buf: [0; 32], n: 0 }
    }
    fn push(&mut self, x: u32) {
        if self.n < self.buf.len() && !self.buf[..self.n].contains(&x) {
            self.buf[self.n] = x;
            self.n += 1;
        }
    }
    fn as_slice(&self) -> &[u32] {
        &self.buf[..self.n]
    }
}

const SKIP_WORD: &[&str] = &[
    "punct",
    "det",
    "cc",
    "aux",
    "aux:pass",
    "cop",
    "mark",
    "nsubj",
    "expl",
    "discourse",
    "case",
];

pub struct Matcher<'c, 's, 'a> {
    pub c: &'c Compiled,
    pub s: &'s Sent<'a>,
}

impl Matcher<'_, '_, '_> {
    pub fn alt_matches(&self, alt: u32, k: u32) -> bool {
        let a = &self.c.alts[alt as usize];
        let ids = &self.s.ids[k as usize];
        if ids
            .iter()
            .any(|&i| i != NO_WORD && a.singles.binary_search(&i).is_ok())
        {
            return true;
        }
        a.multis
            .iter()
            .any(|&m| self.multi_matches(&self.c.multis[m as usize], k))
    }

    fn multi_matches(&self, m: &Multi, k: u32) -> bool {
        let s = self.s;
        if !s.has_id(k, m.parts[m.head]) {
            return false;
        }
        let mut j = k as usize;
        for &p in m.parts[..m.head].iter().rev() {
            loop {
                if j == 0 {
                    return false;
                }
                j -= 1;
                if !s.dash[j] {
                    break;
                }
            }
            if !s.ids[j].contains(&p) {
                return false;
            }
        }
        let mut j = k as usize;
        for &p in &m.parts[m.head + 1..] {
            loop {
                j += 1;
                if j >= s.len() {
                    return false;
                }
                if !s.dash[j] {
                    break;
                }
            }
            if !s.ids[j].contains(&p) {
                return false;
            }
        }
        true
    }

    /// The anchor and its ancestors up to the trigger (at most 4 steps).
    fn chain(&self, anchor: u32, trigger: u32) -> ([u32; 5], usize) {
        let mut out = [0u32; 5];
        let mut n = 0;
        let mut k = anchor;
        while n < 5 {
            out[n] = k;
            n += 1;
            if k == trigger {
                break;
            }
            k = self.s.head(k);
            if k == ROOT {
                break;
            }
        }
        (out, n)
    }

    /// Dependents within two levels of the chain nodes that satisfy `ok`.
    fn near(
        &self,
        anchor: u32,
        trigger: u32,
        cross_clauses: bool,
        st: &St,
        ok: impl Fn(u32) -> bool,
    ) -> Cands {
        let mut c = Cands::new();
        let (chain, n) = self.chain(anchor, trigger);
        let allowed = |x: u32| {
            let r = self.s.rel(x);
            !SKIP_WORD.contains(&r) && (cross_clauses || !is_clause_rel(r) || r == "xcomp")
        };
        for &a in &chain[..n] {
            for &x in self.s.children(a) {
                if !allowed(x) || st.used.contains(&x) {
                    continue;
                }
                if ok(x) {
                    c.push(x);
                }
            }
        }
        for &a in &chain[..n] {
            for &x in self.s.children(a) {
                if !allowed(x) || st.used.contains(&x) && x != a {
                    continue;
                }
                for &y in self.s.children(x) {
                    if allowed(y) && !st.used.contains(&y) && ok(y) {
                        c.push(y);
                    }
                }
            }
        }
        c
    }

    /// Matches a pattern on trigger `t`. On failure returns the index of the deepest
    /// step reached.
    pub fn run(&self, p: &Pattern, t: u32, passive: bool) -> Result<Match, usize> {
        let mut st = St {
            used: vec![t],
            tgt: None,
            deepest: 0,
        };
        if self.m(p, 0, t, t, passive, &mut st) {
            Ok(Match {
                tgt: st.tgt,
                tokens: st.used,
            })
        } else {
            Err(st.deepest)
        }
    }

    fn has_case(&self, x: u32, preps: u32) -> bool {
        self.s.children(x).iter().any(|&c| {
            matches!(self.s.rel(c), "case" | "mark" | "fixed") && self.alt_matches(preps, c)
        })
    }

    fn is_nominal(&self, x: u32) -> bool {
        matches!(
            self.s.toks[x as usize].upos,
            "NOUN" | "PROPN" | "PRON" | "NUM" | "X" | "ADJ" | "SYM"
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn m(&self, p: &Pattern, i: usize, anchor: u32, t: u32, passive: bool, st: &mut St) -> bool {
        if i >= p.steps.len() {
            return true;
        }
        st.deepest = st.deepest.max(i);
        let mark = st.used.len();
        let tgt0 = st.tgt;
        let restore = |st: &mut St| {
            st.used.truncate(mark);
            st.tgt = tgt0;
        };
        match p.steps[i] {
            Step::Opt(n) => {
                if self.m(p, i + 1, anchor, t, passive, st) {
                    return true;
                }
                restore(st);
                self.m(p, i + 1 + n as usize, anchor, t, passive, st)
            }
            Step::Word(a) => self.word_then(p, i + 1, a, anchor, t, passive, st, false),
            Step::ToVerb(a) => self.word_then(p, i + 1, a, anchor, t, passive, st, true),
            Step::Tgt => self.tgt_then(p, i + 1, anchor, t, passive, st),
            Step::Prep {
                preps,
                obj,
                optional_prep,
            } => {
                // 1. Preposition reading: a dependent with that case marker.
                if obj != Obj::None {
                    let cands = self.near(anchor, t, true, st, |x| {
                        !matches!(self.s.rel(x), "ccomp" | "parataxis")
                            && self.has_case(x, preps)
                            && match obj {
                                Obj::Word(a) => self.alt_matches(a, x),
                                _ => self.is_nominal(x),
                            }
                    });
                    for &x in cands.as_slice() {
                        st.used.push(x);
                        let next_anchor = match obj {
                            Obj::Tgt => {
                                st.tgt = Some(x);
                                anchor
                            }
                            _ => x,
                        };
                        if self.m(p, i + 1, next_anchor, t, passive, st) {
                            return true;
                        }
                        restore(st);
                    }
                }
                // 2. Particle reading: the word itself near the anchor, then the object.
                let parts = self.near(anchor, t, false, st, |x| {
                    self.alt_matches(preps, x)
                        && matches!(
                            self.s.toks[x as usize].upos,
                            "ADP" | "ADV" | "PART" | "SCONJ"
                        )
                });
                for &x in parts.as_slice() {
                    st.used.push(x);
                    if self.obj_then(p, i, obj, anchor, t, passive, st) {
                        return true;
                    }
                    restore(st);
                }
                // 3. `[with] TGT`: no preposition at all.
                if optional_prep && self.obj_then(p, i, obj, anchor, t, passive, st) {
                    return true;
                }
                restore(st);
                false
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn obj_then(
        &self,
        p: &Pattern,
        i: usize,
        obj: Obj,
        anchor: u32,
        t: u32,
        passive: bool,
        st: &mut St,
    ) -> bool {
        match obj {
            Obj::None => self.m(p, i + 1, anchor, t, passive, st),
            Obj::Word(a) => self.word_then(p, i + 1, a, anchor, t, passive, st, false),
            Obj::Tgt => self.tgt_then(p, i + 1, anchor, t, passive, st),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn word_then(
        &self,
        p: &Pattern,
        next: usize,
        a: u32,
        anchor: u32,
        t: u32,
        passive: bool,
        st: &mut St,
        cross: bool,
    ) -> bool {
        let cands = self.near(anchor, t, cross, st, |x| self.alt_matches(a, x));
        let mark = st.used.len();
        let tgt0 = st.tgt;
        for &x in cands.as_slice() {
            st.used.push(x);
            if self.m(p, next, x, t, passive, st) {
                return true;
            }
            st.used.truncate(mark);
            st.tgt = tgt0;
        }
        false
    }

    fn tgt_then(
        &self,
        p: &Pattern,
        next: usize,
        anchor: u32,
        t: u32,
        passive: bool,
        st: &mut St,
    ) -> bool {
        let mut cands = Cands::new();
        for &x in self.s.children(anchor) {
            let r = self.s.rel(x);
            let ok = r == "iobj"
                || r == "obj"
                || (passive && anchor == t && r == "nsubj:pass")
                || (p.noun && anchor == t && r == "nmod");
            if ok && !st.used.contains(&x) {
                cands.push(x);
            }
        }
        let mark = st.used.len();
        let tgt0 = st.tgt;
        for &x in cands.as_slice() {
            st.used.push(x);
            st.tgt = Some(x);
            if self.m(p, next, anchor, t, passive, st) {
                return true;
            }
            st.used.truncate(mark);
            st.tgt = tgt0;
        }
        // The slot may stay empty (the target then comes from context).
        self.m(p, next, anchor, t, passive, st)
    }
}
