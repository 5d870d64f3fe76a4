//! Greedy arc-hybrid transition parser with labelled transitions, a dynamic oracle
//! (Goldberg & Nivre 2013) and Zhang & Nivre (2011)-style rich features.
//!
//! Transitions: SHIFT; LEFT-l (s0 <- b0, pop s0); RIGHT-l (s0 <- s1, pop s0).
//! The root (0) starts on the stack; it may receive its single dependent only when
//! the buffer is empty, which guarantees exactly one root word.
use crate::hash::{combine, feat, SplitMix};
use crate::perceptron::{Sparse, Trainer};

pub const NONE: u32 = u32::MAX;
pub const NO_LABEL: u8 = 255;

pub const SHIFT: usize = 0;

#[cfg_attr(not(test), allow(dead_code))]
#[inline]
pub fn left(l: usize) -> usize {
    1 + 2 * l
}
#[cfg_attr(not(test), allow(dead_code))]
#[inline]
pub fn right(l: usize) -> usize {
    2 + 2 * l
}
pub fn nclasses(nlabels: usize) -> usize {
    1 + 2 * nlabels
}

/// Parser configuration. Token ids are 1..=n; 0 is the root.
pub struct State {
    pub n: u32,
    pub stack: Vec<u32>,
    /// Front of the buffer (n+1 when empty).
    pub b: u32,
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    pub fn new(n: usize) -> Self {
        let m = n + 1;
        let mut stack = Vec::with_capacity(m);
        stack.push(0);
        State {
            n: n as u32,
            stack,
            b: 1,
            heads: vec![NONE; m],
            labels: vec![NO_LABEL; m],
            lc1: vec![NONE; m],
            lc2: vec![NONE; m],
            rc1: vec![NONE; m],
            rc2: vec![NONE; m],
            nl: vec![0; m],
            nr: vec![0; m],
            lset: vec![0; m],
            rset: vec![0; m],
        }
    }
    #[inline]
    pub fn buffer_empty(&self) -> bool {
        self.b > self.n
    }
    #[inline]
    pub fn terminal(&self) -> bool {
        self.buffer_empty() && self.stack.len() == 1
    }
    #[inline]
    fn s(&self, k: usize) -> u32 {
        let l = self.stack.len();
        if l > k {
            self.stack[l - 1 - k]
        } else {
            NONE
        }
    }
    #[inline]
    fn nb(&self, k: u32) -> u32 {
        let i = self.b + k;
        if i <= self.n {
            i
        } else {
            NONE
        }
    }

    pub fn can_shift(&self) -> bool {
        !self.buffer_empty()
    }
    pub fn can_left(&self) -> bool {
        self.stack.len() >= 2 && !self.buffer_empty()
    }
    /// RIGHT is possible; if `to_root`, only the root label is allowed, else any other label.
    pub fn can_right(&self) -> (bool, bool) {
        if self.stack.len() < 2 {
            return (false, false);
        }
        let s1 = self.stack[self.stack.len() - 2];
        if s1 == 0 {
            (self.buffer_empty(), true)
        } else {
            (true, false)
        }
    }

    fn add_arc(&mut self, h: u32, d: u32, l: u8) {
        let (hu, du) = (h as usize, d as usize);
        self.heads[du] = h;
        self.labels[du] = l;
        let bit = 1u64 << (l as u32 % 64);
        if d < h {
            self.nl[hu] = self.nl[hu].saturating_add(1);
            self.lset[hu] |= bit;
            if self.lc1[hu] == NONE || d < self.lc1[hu] {
                self.lc2[hu] = self.lc1[hu];
                self.lc1[hu] = d;
            } else if self.lc2[hu] == NONE || d < self.lc2[hu] {
                self.lc2[hu] = d;
            }
        } else {
            self.nr[hu] = self.nr[hu].saturating_add(1);
            self.rset[hu] |= bit;
            if self.rc1[hu] == NONE || d > self.rc1[hu] {
                self.rc2[hu] = self.rc1[hu];
                self.rc1[hu] = d;
            } else if self.rc2[hu] == NONE || d > self.rc2[hu] {
                self.rc2[hu] = d;
            }
        }
    }

    /// Apply a (valid) transition class.
    pub fn apply(&mut self, t: usize) {
        if t == SHIFT {
            self.stack.push(self.b);
            self.b += 1;
        } else {
            let l = ((t - 1) / 2) as u8;
            let s0 = self.stack.pop().unwrap_or(0);
            if t % 2 == 1 {
                self.add_arc(self.b, s0, l);
            } else {
                let s1 = *self.stack.last().unwrap_or(&0);
                self.add_arc(s1, s0, l);
            }
        }
    }

    /// Validity of a transition class given the root label index.
    #[inline]
    pub fn valid(&self, t: usize, root_label: usize) -> bool {
        if t == SHIFT {
            return self.can_shift();
        }
        let l = (t - 1) / 2;
        if t % 2 == 1 {
            l != root_label && self.can_left()
        } else {
            let (ok, to_root) = self.can_right();
            ok && (to_root == (l == root_label))
        }
    }
}

/// Unlabelled costs (SHIFT, LEFT, RIGHT) under the dynamic oracle, `usize::MAX` if invalid.
pub fn costs(st: &State, gold: &[u32]) -> [usize; 3] {
    let mut c = [usize::MAX; 3];
    let n = st.n;
    let in_buffer = |x: u32| x != NONE && x >= st.b && x <= n && x != 0;
    if st.can_shift() {
        let b0 = st.b;
        let s0 = *st.stack.last().unwrap_or(&0);
        let mut cost = 0;
        let h = gold[b0 as usize];
        // b0's head deeper in the stack than s0 becomes unreachable
        if h != s0 && st.stack.contains(&h) {
            cost += 1;
        }
        // stack words (not root) whose head is b0 lose it
        for &k in &st.stack {
            if k != 0 && gold[k as usize] == b0 {
                cost += 1;
            }
        }
        c[0] = cost;
    }
    if st.stack.len() >= 2 {
        let s0 = st.stack[st.stack.len() - 1];
        let s1 = st.stack[st.stack.len() - 2];
        let mut deps_in_b = 0;
        for d in st.b..=n {
            if gold[d as usize] == s0 {
                deps_in_b += 1;
            }
        }
        let h = gold[s0 as usize];
        if st.can_left() {
            let b0 = st.b;
            let lost_head = h != b0 && (h == s1 || in_buffer(h));
            c[1] = deps_in_b + lost_head as usize;
        }
        if st.can_right().0 {
            let lost_head = h != s1 && in_buffer(h);
            c[2] = deps_in_b + lost_head as usize;
        }
    }
    c
}

/// Static oracle (used by tests and as a sanity check): returns the gold transition class.
#[cfg_attr(not(test), allow(dead_code))]
pub fn static_oracle(st: &State, gold: &[u32], gold_labels: &[u8], root_label: usize) -> usize {
    if st.stack.len() >= 2 {
        let s0 = st.stack[st.stack.len() - 1];
        let s1 = st.stack[st.stack.len() - 2];
        if !st.buffer_empty() && gold[s0 as usize] == st.b {
            return left(gold_labels[s0 as usize] as usize);
        }
        let all_deps_done = (st.b..=st.n).all(|d| gold[d as usize] != s0);
        if gold[s0 as usize] == s1 && all_deps_done && (s1 != 0 || st.buffer_empty()) {
            let l = if s1 == 0 {
                root_label
            } else {
                gold_labels[s0 as usize] as usize
            };
            return right(l);
        }
    }
    if st.can_shift() {
        SHIFT
    } else {
        // unreachable for projective gold trees; fall back to something valid
        let s1 = st.stack[st.stack.len().saturating_sub(2)];
        if s1 == 0 {
            right(root_label)
        } else {
            right(gold_labels[st.stack[st.stack.len() - 1] as usize] as usize)
        }
    }
}

/// Labelled cost of class `t`.
pub fn labelled_cost(
    st: &State,
    t: usize,
    uc: &[usize; 3],
    gold: &[u32],
    gold_labels: &[u8],
) -> usize {
    if t == SHIFT {
        return uc[0];
    }
    let l = ((t - 1) / 2) as u8;
    let s0 = *st.stack.last().unwrap_or(&0) as usize;
    if t % 2 == 1 {
        let base = uc[1];
        if base == usize::MAX {
            return base;
        }
        base + (gold[s0] == st.b && gold_labels[s0] != l) as usize
    } else {
        let base = uc[2];
        if base == usize::MAX {
            return base;
        }
        let s1 = st.stack[st.stack.len() - 2];
        base + (gold[s0] == s1 && gold_labels[s0] != l) as usize
    }
}

/// Per-sentence token arrays used by the feature extractor: index 0 = ROOT,
/// 1..=n words, n+1 = NONE padding.
pub struct Input {
    pub w: Vec<u64>,
    pub p: Vec<u64>,
    pub wp: Vec<u64>,
}

const ROOT_W: u64 = 0x0B00_7001;
const NONE_W: u64 = 0x404E;

impl Input {
    pub fn new(words: &[u64], tags: &[u16]) -> Self {
        let n = words.len().min(tags.len());
        let mut w = Vec::with_capacity(n + 2);
        let mut p = Vec::with_capacity(n + 2);
        w.push(ROOT_W);
        p.push(1000);
        for i in 0..n {
            w.push(words[i]);
            p.push(tags[i] as u64 + 1);
        }
        w.push(NONE_W);
        p.push(1001);
        let wp = w.iter().zip(&p).map(|(&a, &b)| combine(a, b)).collect();
        Input { w, p, wp }
    }
}

#[inline]
fn bucket(d: u32) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

/// Zhang & Nivre (2011) style feature templates adapted to arc-hybrid.
pub fn features(st: &State, x: &Input, out: &mut Vec<u64>) {
    out.clear();
    let none = (st.n + 1) as usize;
    let ix = |t: u32| if t == NONE { none } else { t as usize };
    let s0 = st.s(0);
    let s1 = st.s(1);
    let s2 = st.s(2);
    let n0 = st.nb(0);
    let n1 = st.nb(1);
    let n2 = st.nb(2);
    let (is0, is1, is2, in0, in1, in2) = (ix(s0), ix(s1), ix(s2), ix(n0), ix(n1), ix(n2));
    let ch = |v: &Vec<u32>, t: u32| if t == NONE { NONE } else { v[t as usize] };
    let lab = |t: u32| {
        if t == NONE {
            NO_LABEL as u64
        } else {
            st.labels[t as usize] as u64
        }
    };
    let s0l1 = ch(&st.lc1, s0);
    let s0l2 = ch(&st.lc2, s0);
    let s0r1 = ch(&st.rc1, s0);
    let s0r2 = ch(&st.rc2, s0);
    let n0l1 = ch(&st.lc1, n0);
    let n0l2 = ch(&st.lc2, n0);
    let s1r1 = ch(&st.rc1, s1);
    let s1l1 = ch(&st.lc1, s1);
    let (w, p, wp) = (&x.w, &x.p, &x.wp);
    let (s0w, s0p, s0wp) = (w[is0], p[is0], wp[is0]);
    let (n0w, n0p, n0wp) = (w[in0], p[in0], wp[in0]);
    let (n1w, n1p, n1wp) = (w[in1], p[in1], wp[in1]);
    let n2p = p[in2];
    let (s1w, s1p, s1wp) = (w[is1], p[is1], wp[is1]);
    let s2p = p[is2];
    let d = if s0 != NONE && n0 != NONE {
        bucket(n0 - s0)
    } else {
        15
    };
    let d1 = if s0 != NONE && s1 != NONE {
        bucket(s0 - s1)
    } else {
        15
    };
    let v = |a: &Vec<u8>, t: u32| if t == NONE { 99 } else { a[t as usize] as u64 };
    let sets = |a: &Vec<u64>, t: u32| if t == NONE { 1 << 63 } else { a[t as usize] };
    let (s0vl, s0vr, n0vl, s1vr) = (v(&st.nl, s0), v(&st.nr, s0), v(&st.nl, n0), v(&st.nr, s1));
    let (s0sl, s0sr, n0sl) = (sets(&st.lset, s0), sets(&st.rset, s0), sets(&st.lset, n0));
    let (s0l1p, s0l1w, s0l1l) = (p[ix(s0l1)], w[ix(s0l1)], lab(s0l1));
    let (s0l2p, s0l2l) = (p[ix(s0l2)], lab(s0l2));
    let (s0r1p, s0r1w, s0r1l) = (p[ix(s0r1)], w[ix(s0r1)], lab(s0r1));
    let (s0r2p, s0r2l) = (p[ix(s0r2)], lab(s0r2));
    let (n0l1p, n0l1w, n0l1l) = (p[ix(n0l1)], w[ix(n0l1)], lab(n0l1));
    let (n0l2p, n0l2l) = (p[ix(n0l2)], lab(n0l2));
    let (s1r1p, s1r1l) = (p[ix(s1r1)], lab(s1r1));
    let s1l1p = p[ix(s1l1)];

    let mut f = |t: u8, a: u64, b: u64, c: u64| out.push(feat(t, a, b, c));
    f(0, 0, 0, 0);
    // single words
    f(1, s0wp, 0, 0);
    f(2, s0w, 0, 0);
    f(3, s0p, 0, 0);
    f(4, n0wp, 0, 0);
    f(5, n0w, 0, 0);
    f(6, n0p, 0, 0);
    f(7, n1wp, 0, 0);
    f(8, n1w, 0, 0);
    f(9, n1p, 0, 0);
    f(12, n2p, 0, 0);
    f(13, s1wp, 0, 0);
    f(14, s1w, 0, 0);
    f(15, s1p, 0, 0);
    f(16, s2p, 0, 0);
    // pairs
    f(19, s0wp, n0w, 0);
    f(20, s0w, n0wp, 0);
    f(21, s0wp, n0p, 0);
    f(22, s0p, n0wp, 0);
    f(24, s0p, n0p, 0);
    f(25, n0p, n1p, 0);
    f(27, s1p, s0p, 0);
    f(28, s1wp, s0p, 0);
    f(29, s1p, s0wp, 0);
    f(31, s1p, n0p, 0);
    // triples of tags
    f(33, n0p, n1p, n2p);
    f(34, s0p, n0p, n1p);
    f(35, s1p, s0p, n0p);
    f(36, s0p, s0l1p, n0p);
    f(37, s0p, s0r1p, n0p);
    f(38, s0p, n0p, n0l1p);
    f(39, s1p, s1r1p, s0p);
    f(40, s2p, s1p, s0p);
    f(41, s1p, s0p, s0l1p);
    f(42, s1p, s0p, s0r1p);
    f(43, s0w, n0p, n1p);
    f(44, s0p, n0w, n1p);
    // distance
    f(46, s0p, d, 0);
    f(48, n0p, d, 0);
    f(50, s0p, n0p, d);
    f(51, s1p, s0p, d1);
    // valency
    f(54, s0p, s0vr, 0);
    f(56, s0p, s0vl, 0);
    f(58, n0p, n0vl, 0);
    f(59, s1p, s1vr, 0);
    // children unigrams
    f(60, s0l1w, 0, 0);
    f(61, s0l1p, 0, 0);
    f(62, s0l1l, 0, 0);
    f(63, s0r1w, 0, 0);
    f(64, s0r1p, 0, 0);
    f(65, s0r1l, 0, 0);
    f(66, n0l1w, 0, 0);
    f(67, n0l1p, 0, 0);
    f(68, n0l1l, 0, 0);
    f(69, s1r1p, 0, 0);
    f(70, s1r1l, 0, 0);
    f(72, s1l1p, 0, 0);
    // third order
    f(74, s0l2p, 0, 0);
    f(75, s0l2l, 0, 0);
    f(77, s0r2p, 0, 0);
    f(78, s0r2l, 0, 0);
    f(80, n0l2p, 0, 0);
    f(81, n0l2l, 0, 0);
    f(82, s0p, s0l1p, s0l2p);
    f(83, s0p, s0r1p, s0r2p);
    f(84, n0p, n0l1p, n0l2p);
    // label sets
    f(85, s0w, s0sr, 0);
    f(86, s0p, s0sr, 0);
    f(87, s0w, s0sl, 0);
    f(88, s0p, s0sl, 0);
    f(89, n0w, n0sl, 0);
    f(90, n0p, n0sl, 0);
    // extras
    f(91, s0p, s0l1l, s0r1l);
    f(95, s1p, s0p, s0r1l);
}

/// Highest-scoring valid class (ties: lowest class id), `usize::MAX` if none is valid.
/// Equivalent to filtering every class with [`State::valid`], but checks the three
/// transition types once instead of per label.
#[inline]
fn best_valid_i(st: &State, scores: &[i32], root_label: usize) -> usize {
    let shift = st.can_shift();
    let left_ok = st.can_left();
    let (right_ok, to_root) = st.can_right();
    let mut best = usize::MAX;
    let mut bs = i32::MIN;
    let mut consider = |t: usize, ok: bool| {
        if ok {
            if let Some(&s) = scores.get(t) {
                if best == usize::MAX || s > bs || (s == bs && t < best) {
                    best = t;
                    bs = s;
                }
            }
        }
    };
    consider(SHIFT, shift);
    let nl = scores.len().saturating_sub(1) / 2;
    for l in 0..nl {
        let is_root = l == root_label;
        consider(1 + 2 * l, left_ok && !is_root);
        consider(2 + 2 * l, right_ok && to_root == is_root);
    }
    best
}

pub struct Parser {
    pub model: Sparse,
    pub root_label: usize,
}

impl Parser {
    /// Parse; returns (heads, labels) indexed 1..=n (index 0 unused).
    pub fn parse(&self, x: &Input, n: usize) -> (Vec<u32>, Vec<u8>) {
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(100);
        let mut acc = Vec::new();
        while !st.terminal() {
            // forced moves need no scoring: only SHIFT (stack = [root]) or only the
            // root attachment (buffer empty, stack = [root, w])
            if st.stack.len() == 1 && st.can_shift() {
                st.apply(SHIFT);
                continue;
            }
            if st.stack.len() == 2 && st.buffer_empty() {
                st.apply(2 + 2 * self.root_label);
                continue;
            }
            features(&st, x, &mut feats);
            let scores = self.model.score(&feats, &mut acc);
            let t = best_valid_i(&st, scores, self.root_label);
            if t == usize::MAX {
                break; // cannot happen: some transition is always valid
            }
            st.apply(t);
        }
        (st.heads, st.labels)
    }
}

/// Lift non-projective arcs (dependent re-attached to its head's head) until projective.
pub fn projectivize(heads: &mut [u32]) {
    // heads indexed 1..=n, heads[0] unused
    let n = heads.len() - 1;
    for _ in 0..(n * 2 + 2) {
        let mut worst: Option<(usize, usize)> = None; // (len, dep)
        for d in 1..=n {
            let h = heads[d] as usize;
            let (a, b) = if h < d { (h, d) } else { (d, h) };
            let mut proj = true;
            for k in a + 1..b {
                // is k dominated by h?
                let mut x = k;
                let mut steps = 0;
                while x != h && x != 0 && steps <= n {
                    x = heads[x] as usize;
                    steps += 1;
                }
                if x != h {
                    proj = false;
                    break;
                }
            }
            let shorter = match worst {
                None => true,
                Some((l, _)) => b - a < l,
            };
            if !proj && shorter {
                worst = Some((b - a, d));
            }
        }
        match worst {
            None => return,
            Some((_, d)) => {
                let h = heads[d] as usize;
                if h == 0 {
                    return;
                }
                heads[d] = heads[h];
            }
        }
    }
}

pub struct TrainSent {
    pub input: Input,
    pub n: usize,
    /// gold heads 1..=n (index 0 unused), projectivised
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
}

pub struct ParserTrainOpts {
    pub epochs: usize,
    pub seed: u64,
    pub explore_from_epoch: usize,
    pub explore_p: f64,
}

pub fn train(
    data: &[TrainSent],
    nlabels: usize,
    root_label: usize,
    o: &ParserTrainOpts,
    progress: &mut dyn FnMut(&str),
    mut epoch_hook: impl FnMut(usize, &Trainer),
) -> Trainer {
    let nc = nclasses(nlabels);
    let mut tr = Trainer::new(nc);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = SplitMix(o.seed ^ 0x9a55);
    let mut feats = Vec::with_capacity(100);
    let mut scores = vec![0f32; nc];
    for ep in 0..o.epochs {
        rng.shuffle(&mut order);
        let (mut right_n, mut total) = (0usize, 0usize);
        for &si in &order {
            let s = &data[si];
            let mut st = State::new(s.n);
            while !st.terminal() {
                features(&st, &s.input, &mut feats);
                tr.score(&feats, &mut scores);
                let uc = costs(&st, &s.heads);
                let mut pred = usize::MAX;
                let mut ps = f32::MIN;
                let mut gbest = usize::MAX;
                let mut gs = f32::MIN;
                let mut min_cost = usize::MAX;
                // first pass: min cost over valid transitions
                for t in 0..nc {
                    if st.valid(t, root_label) {
                        let c = labelled_cost(&st, t, &uc, &s.heads, &s.labels);
                        min_cost = min_cost.min(c);
                    }
                }
                for (t, &sc) in scores.iter().enumerate() {
                    if !st.valid(t, root_label) {
                        continue;
                    }
                    if pred == usize::MAX || sc > ps {
                        pred = t;
                        ps = sc;
                    }
                    if labelled_cost(&st, t, &uc, &s.heads, &s.labels) == min_cost
                        && (gbest == usize::MAX || sc > gs)
                    {
                        gbest = t;
                        gs = sc;
                    }
                }
                if pred == usize::MAX {
                    break;
                }
                let pred_ok = labelled_cost(&st, pred, &uc, &s.heads, &s.labels) == min_cost;
                let next = if pred_ok {
                    right_n += 1;
                    pred
                } else {
                    tr.update(&feats, gbest, pred);
                    if ep >= o.explore_from_epoch && rng.unit() < o.explore_p {
                        pred
                    } else {
                        gbest
                    }
                };
                total += 1;
                tr.tick();
                st.apply(next);
            }
        }
        progress(&format!(
            "  parser epoch {}/{}: oracle agreement {:.2}% ({} features)",
            ep + 1,
            o.epochs,
            100.0 * right_n as f64 / total.max(1) as f64,
            tr.num_features()
        ));
        epoch_hook(ep, &tr);
    }
    tr
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    const FIXTURE: &str = include_str!("../tests/fixtures/news.conllu");

    fn gold(s: &conllu::Sentence, labels: &mut Vec<String>) -> (Vec<u32>, Vec<u8>) {
        let n = s.tokens.len();
        let mut h = vec![0u32; n + 1];
        let mut l = vec![0u8; n + 1];
        for (i, t) in s.tokens.iter().enumerate() {
            h[i + 1] = t.head;
            let pos = match labels.iter().position(|x| *x == t.deprel) {
                Some(p) => p,
                None => {
                    labels.push(t.deprel.clone());
                    labels.len() - 1
                }
            };
            l[i + 1] = pos as u8;
        }
        (h, l)
    }

    /// Gold heads as the parser state stores them (index 0, the root, has no head).
    fn h_with_none_root(h: &[u32]) -> Vec<u32> {
        let mut v = h.to_vec();
        v[0] = NONE;
        v
    }

    fn is_projective(h: &[u32]) -> bool {
        let mut p = h.to_vec();
        projectivize(&mut p);
        p == h
    }

    #[test]
    fn static_oracle_reproduces_projective_gold_trees() {
        let sents = conllu::read(FIXTURE).unwrap();
        let mut labels = vec!["root".to_string()];
        let mut checked = 0;
        for s in &sents {
            let (h, l) = gold(s, &mut labels);
            if !is_projective(&h) {
                continue;
            }
            let root = 0usize;
            let mut st = State::new(s.tokens.len());
            let mut steps = 0;
            while !st.terminal() {
                let t = static_oracle(&st, &h, &l, root);
                assert!(st.valid(t, root), "oracle proposed invalid transition {t}");
                // every static-oracle transition has zero cost under the dynamic oracle
                let uc = costs(&st, &h);
                assert_eq!(
                    labelled_cost(&st, t, &uc, &h, &l),
                    0,
                    "nonzero cost for gold transition"
                );
                st.apply(t);
                steps += 1;
                assert!(steps <= 2 * s.tokens.len());
            }
            for i in 1..=s.tokens.len() {
                assert_eq!(st.heads[i], h[i], "head of word {i} in {:?}", s.comments);
                let want = if h[i] == 0 { root as u8 } else { l[i] };
                assert_eq!(st.labels[i], want, "label of word {i}");
            }
            checked += 1;
        }
        assert!(checked >= 20);
    }

    #[test]
    fn dynamic_oracle_min_cost_is_zero_on_gold_paths_and_reaches_gold() {
        // Follow zero-cost transitions chosen in an arbitrary (reverse) order: must still
        // yield the gold tree for projective sentences.
        let sents = conllu::read(FIXTURE).unwrap();
        let mut labels = vec!["root".to_string()];
        for s in &sents {
            let (h, l) = gold(s, &mut labels);
            if !is_projective(&h) {
                continue;
            }
            let nl = labels.len().max(64);
            let mut st = State::new(s.tokens.len());
            while !st.terminal() {
                let uc = costs(&st, &h);
                let t = (0..nclasses(nl))
                    .rev()
                    .find(|&t| st.valid(t, 0) && labelled_cost(&st, t, &uc, &h, &l) == 0)
                    .expect("a zero-cost transition exists");
                st.apply(t);
            }
            assert_eq!(st.heads, h_with_none_root(&h));
        }
    }

    #[test]
    fn wrong_transitions_have_positive_cost() {
        let sents = conllu::read(FIXTURE).unwrap();
        let mut labels = vec!["root".to_string()];
        let (h, l) = gold(&sents[0], &mut labels);
        // "The minister condemned the attack ." : at the start SHIFT is the only choice,
        // after shifting "The", RIGHT (The <- root) is invalid and LEFT (The <- minister) is gold.
        let mut st = State::new(6);
        st.apply(SHIFT);
        let uc = costs(&st, &h);
        assert_eq!(uc[1], 0);
        assert!(uc[0] > 0, "shifting 'minister' loses det(minister, The)");
        assert_eq!(labelled_cost(&st, left(l[1] as usize), &uc, &h, &l), 0);
        assert_eq!(labelled_cost(&st, left(l[1] as usize + 1), &uc, &h, &l), 1);
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 1 <- 3, 2 <- 4 (crossing), 4 root, 3 <- 4
        let mut h = vec![0, 3, 4, 4, 0];
        projectivize(&mut h);
        assert!(is_projective(&h));
        assert_eq!(h[4], 0);
    }
}
