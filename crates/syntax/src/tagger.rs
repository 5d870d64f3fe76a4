//! Greedy left-to-right averaged-perceptron tagger predicting a joint UPOS|XPOS tag.
use crate::hash::{combine, feat, hash_str, SplitMix, U64Map};
use crate::perceptron::{Sparse, Trainer};

/// Per-word precomputed hashes.
#[derive(Clone, Copy, Debug)]
pub struct WordInfo {
    pub w: u64,
    pub lw: u64,
    pub suf: [u64; 4],
    pub pre: [u64; 3],
    pub shape: u64,
    pub flags: u64,
    pub amb: u64,
}

const PAD: WordInfo = WordInfo {
    w: 0x1111,
    lw: 0x2222,
    suf: [0x3333; 4],
    pre: [0x4444; 3],
    shape: 0x5555,
    flags: 0x6666,
    amb: 0x7777,
};
pub const UNK_AMB: u64 = 0x8888;

/// Lowercase form (cheap path for ASCII).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

pub fn word_info(form: &str, first: bool) -> WordInfo {
    let lw_s = lower(form);
    let lw = hash_str(&lw_s);
    // char boundaries from the end / start
    let idx: Vec<usize> = lw_s.char_indices().map(|(i, _)| i).collect();
    let nch = idx.len();
    let mut suf = [0u64; 4];
    for (k, s) in suf.iter_mut().enumerate() {
        let k1 = k + 1;
        *s = if nch >= k1 {
            hash_str(&lw_s[idx[nch - k1]..]) ^ (k1 as u64)
        } else {
            lw ^ 0xABCD ^ (k1 as u64)
        };
    }
    let mut pre = [0u64; 3];
    for (k, p) in pre.iter_mut().enumerate() {
        let k1 = k + 1;
        *p = if nch > k1 {
            hash_str(&lw_s[..idx[k1]]) ^ (k1 as u64)
        } else {
            lw ^ 0xDCBA ^ (k1 as u64)
        };
    }
    // shape: X x d or the char itself; runs capped at 2, total length capped
    let mut shape: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = '\0';
    let mut run = 0;
    let mut len = 0;
    let (mut digit, mut upper, mut lowerc, mut hyph, mut period) =
        (false, false, false, false, false);
    for ch in form.chars() {
        let c = if ch.is_uppercase() {
            upper = true;
            'X'
        } else if ch.is_lowercase() {
            lowerc = true;
            'x'
        } else if ch.is_numeric() {
            digit = true;
            'd'
        } else {
            if ch == '-' {
                hyph = true;
            }
            if ch == '.' {
                period = true;
            }
            if ch.is_alphabetic() {
                'a'
            } else {
                ch
            }
        };
        if c == last {
            run += 1;
        } else {
            run = 1;
            last = c;
        }
        if run <= 2 && len < 10 {
            shape = (shape ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
            len += 1;
        }
    }
    let title = form.chars().next().is_some_and(|c| c.is_uppercase());
    let flags = (digit as u64)
        | (upper as u64) << 1
        | ((upper && !lowerc) as u64) << 2
        | (title as u64) << 3
        | (hyph as u64) << 4
        | (period as u64) << 5
        | (first as u64) << 6
        | ((nch > 8) as u64) << 7;
    WordInfo {
        w: hash_str(form),
        lw,
        suf,
        pre,
        shape: combine(shape, 0x5a),
        flags,
        amb: UNK_AMB,
    }
}

pub fn sentence_infos(words: &[&str]) -> Vec<WordInfo> {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| word_info(w, i == 0))
        .collect()
}

/// Ambiguity-class dictionary: lowercase form -> hash of the set of tags seen with it
/// (only for words with at least `min_count` occurrences; tags under 5% share dropped).
pub fn build_amb(data: &[(Vec<WordInfo>, Vec<u16>)], min_count: u32) -> U64Map<u64> {
    let mut counts: U64Map<Vec<(u16, u32)>> = U64Map::default();
    for (infos, tags) in data {
        for (wi, &t) in infos.iter().zip(tags) {
            let v = counts.entry(wi.lw).or_default();
            match v.iter_mut().find(|(c, _)| *c == t) {
                Some(e) => e.1 += 1,
                None => v.push((t, 1)),
            }
        }
    }
    let mut out = U64Map::default();
    for (k, mut v) in counts {
        let tot: u32 = v.iter().map(|x| x.1).sum();
        if tot < min_count {
            continue;
        }
        v.retain(|x| x.1 * 20 >= tot);
        v.sort_unstable();
        let mut h = 0x9999u64;
        for (t, _) in v {
            h = combine(h, t as u64 + 1);
        }
        out.insert(k, h);
    }
    out
}

/// Tag dictionary: lowercase forms seen at least `min_count` times with one tag in at
/// least `min_share` of the occurrences.
pub fn build_dict(
    data: &[(Vec<WordInfo>, Vec<u16>)],
    min_count: u32,
    min_share: f64,
) -> U64Map<u16> {
    let mut counts: U64Map<Vec<(u16, u32)>> = U64Map::default();
    let mut out = U64Map::default();
    if min_count == 0 {
        return out;
    }
    for (infos, tags) in data {
        for (wi, &t) in infos.iter().zip(tags) {
            let v = counts.entry(wi.lw).or_default();
            match v.iter_mut().find(|(c, _)| *c == t) {
                Some(e) => e.1 += 1,
                None => v.push((t, 1)),
            }
        }
    }
    for (k, v) in counts {
        let tot: u32 = v.iter().map(|x| x.1).sum();
        if let Some(&(t, c)) = v.iter().max_by_key(|x| (x.1, std::cmp::Reverse(x.0))) {
            if tot >= min_count && c as f64 >= min_share * tot as f64 {
                out.insert(k, t);
            }
        }
    }
    out
}

pub fn apply_amb(infos: &mut [WordInfo], amb: &U64Map<u64>) {
    for wi in infos {
        wi.amb = amb.get(&wi.lw).copied().unwrap_or(UNK_AMB);
    }
}

#[inline]
fn at(infos: &[WordInfo], i: isize) -> &WordInfo {
    if i < 0 || i as usize >= infos.len() {
        &PAD
    } else {
        &infos[i as usize]
    }
}

/// Which features of a word a caller wants: those that depend on the tags already
/// predicted to the left (`p1`, `p2`) change during greedy decoding; the others are
/// fixed for the sentence (the second pass's right-context tags included).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    All,
    /// Features that do not read `p1` / `p2`.
    Static,
    /// Features that read `p1` / `p2`.
    Dynamic,
}

/// Emit the first-pass feature keys for position `i`, in template order, each with a flag
/// saying whether it reads the previous tags. `p1`/`p2`: previous two tags (+1; 0 = start).
/// Single definition of the templates; callers filter by [`Part`] (unused keys are
/// optimised away after inlining).
#[inline(always)]
fn templates(infos: &[WordInfo], i: usize, p1: u64, p2: u64, mut f: impl FnMut(bool, u64)) {
    let ii = i as isize;
    let c = &infos[i];
    let m1 = at(infos, ii - 1);
    let m2 = at(infos, ii - 2);
    let n1 = at(infos, ii + 1);
    let n2 = at(infos, ii + 2);
    let (fixed, prev) = (false, true);
    f(fixed, feat(0, 0, 0, 0));
    f(fixed, feat(1, c.w, 0, 0));
    f(fixed, feat(2, c.lw, 0, 0));
    for k in 0..4 {
        f(fixed, feat(3 + k as u8, c.suf[k], 0, 0));
    }
    for k in 0..3 {
        f(fixed, feat(7 + k as u8, c.pre[k], 0, 0));
    }
    f(fixed, feat(10, c.shape, 0, 0));
    f(fixed, feat(11, c.flags, 0, 0));
    f(fixed, feat(12, m1.lw, 0, 0));
    f(fixed, feat(13, n1.lw, 0, 0));
    f(fixed, feat(14, m2.lw, 0, 0));
    f(fixed, feat(15, n2.lw, 0, 0));
    f(fixed, feat(16, m1.suf[2], 0, 0));
    f(fixed, feat(17, n1.suf[2], 0, 0));
    f(fixed, feat(18, n1.shape, 0, 0));
    f(fixed, feat(19, m1.shape, 0, 0));
    f(prev, feat(20, p1, 0, 0));
    f(prev, feat(21, p1, p2, 0));
    f(prev, feat(22, c.lw, p1, 0));
    f(fixed, feat(23, c.amb, 0, 0));
    f(fixed, feat(24, n1.amb, 0, 0));
    f(fixed, feat(25, n2.amb, 0, 0));
    f(fixed, feat(26, n1.amb, c.lw, 0));
    f(prev, feat(27, n1.amb, p1, 0));
    f(fixed, feat(28, c.lw, n1.lw, 0));
    f(fixed, feat(29, m1.lw, c.lw, 0));
    f(prev, feat(30, c.suf[2], p1, 0));
    f(fixed, feat(31, c.amb, n1.amb, 0));
    f(prev, feat(32, c.amb, p1, 0));
    f(fixed, feat(33, c.suf[1], n1.amb, 0));
    f(prev, feat(34, c.shape, p1, 0));
    f(fixed, feat(35, n1.w, 0, 0));
    f(fixed, feat(36, c.amb, n1.amb, n2.amb));
    f(fixed, feat(37, c.flags, n1.lw, 0));
}

/// Second-pass templates: first-pass tags of the right context (`right[i]` + 1; 0 = end).
#[inline(always)]
fn right_templates(
    infos: &[WordInfo],
    i: usize,
    p1: u64,
    right: &[u16],
    mut f: impl FnMut(bool, u64),
) {
    let r = |k: usize| right.get(i + k).map_or(0, |&t| t as u64 + 1);
    let (r1, r2) = (r(1), r(2));
    let c = &infos[i];
    let n1 = at(infos, i as isize + 1);
    let (fixed, prev) = (false, true);
    f(fixed, feat(44, r1, 0, 0));
    f(fixed, feat(45, r1, r2, 0));
    f(fixed, feat(46, c.lw, r1, 0));
    f(prev, feat(47, p1, r1, 0));
    f(fixed, feat(48, r1, n1.lw, 0));
    f(fixed, feat(49, c.suf[2], r1, 0));
    f(prev, feat(50, p1, r1, r2));
}

#[inline(always)]
fn keep(part: Part, reads_prev: bool) -> bool {
    match part {
        Part::All => true,
        Part::Static => !reads_prev,
        Part::Dynamic => reads_prev,
    }
}

/// Append the first-pass feature keys of `part` for position `i` to `out`.
#[inline]
pub fn push_features(
    infos: &[WordInfo],
    i: usize,
    p1: u64,
    p2: u64,
    part: Part,
    out: &mut Vec<u64>,
) {
    templates(infos, i, p1, p2, |d, k| {
        if keep(part, d) {
            out.push(k)
        }
    });
}

/// Append the second-pass (right-context) feature keys of `part` to `out`.
#[inline]
pub fn push_right_features(
    infos: &[WordInfo],
    i: usize,
    p1: u64,
    right: &[u16],
    part: Part,
    out: &mut Vec<u64>,
) {
    right_templates(infos, i, p1, right, |d, k| {
        if keep(part, d) {
            out.push(k)
        }
    });
}

/// All first-pass feature keys for position `i` (training order).
pub fn features(infos: &[WordInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    push_features(infos, i, p1, p2, Part::All, out);
}

/// Second-pass features: first-pass tags of the right context (`right[i]` + 1; 0 = end).
pub fn right_features(infos: &[WordInfo], i: usize, p1: u64, right: &[u16], out: &mut Vec<u64>) {
    push_right_features(infos, i, p1, right, Part::All, out);
}

pub struct Tagger {
    pub model: Sparse,
    /// Optional second pass that also sees the first pass's tags to the right.
    pub model2: Option<Sparse>,
    pub amb: U64Map<u64>,
    /// Tag dictionary: lowercase form -> tag for words that are (almost) unambiguous in
    /// training (see [`build_dict`]); they are tagged without scoring.
    pub dict: U64Map<u16>,
}

impl Tagger {
    pub fn new(model: Sparse, model2: Option<Sparse>, amb: U64Map<u64>, dict: U64Map<u16>) -> Self {
        Tagger {
            model,
            model2,
            amb,
            dict,
        }
    }

    /// Greedy tagging; `infos` must already carry ambiguity classes.
    pub fn tag(&self, infos: &[WordInfo], out: &mut Vec<u16>) {
        let fixed: Vec<u16> = infos
            .iter()
            .map(|w| self.dict.get(&w.lw).copied().unwrap_or(u16::MAX))
            .collect();
        tag_with(&self.model, infos, None, &fixed, out);
        if let Some(m2) = &self.model2 {
            let first = std::mem::take(out);
            tag_with(m2, infos, Some(&first), &fixed, out);
        }
    }
}

/// One greedy left-to-right pass. Words with a dictionary tag in `fixed` are not scored.
///
/// The features that do not depend on the tags predicted so far are computed for the
/// whole sentence first, so that the slots of the next word's features can be prefetched
/// while the current word is scored (scores are exact integer sums: the order of the
/// features does not matter).
fn tag_with(
    model: &Sparse,
    infos: &[WordInfo],
    right: Option<&[u16]>,
    fixed: &[u16],
    out: &mut Vec<u16>,
) {
    out.clear();
    let nclasses = model.nclasses;
    let dict_tag = |i: usize| fixed.get(i).copied().filter(|&t| (t as usize) < nclasses);
    let is_fixed = |i: usize| dict_tag(i).is_some();
    // static features of every scored word: `stat[starts[i]..starts[i + 1]]`
    let mut stat = Vec::with_capacity(infos.len() * 48);
    let mut starts = Vec::with_capacity(infos.len() + 1);
    starts.push(0);
    for i in 0..infos.len() {
        if !is_fixed(i) {
            push_features(infos, i, 0, 0, Part::Static, &mut stat);
            if let Some(r) = right {
                push_right_features(infos, i, 0, r, Part::Static, &mut stat);
            }
        }
        starts.push(stat.len());
    }
    let static_of = |i: usize| &stat[starts[i]..starts[i + 1]];
    let mut feats = Vec::with_capacity(64);
    let mut acc = Vec::new();
    let (mut p1, mut p2) = (0u64, 0u64);
    for i in 0..infos.len() {
        let t = if let Some(t) = dict_tag(i) {
            t
        } else {
            if let Some(next) = (i + 1..infos.len()).find(|&j| !is_fixed(j)) {
                model.prefetch(static_of(next));
            }
            feats.clear();
            feats.extend_from_slice(static_of(i));
            push_features(infos, i, p1, p2, Part::Dynamic, &mut feats);
            if let Some(r) = right {
                push_right_features(infos, i, p1, r, Part::Dynamic, &mut feats);
            }
            argmax_i(model.score(&feats, &mut acc)) as u16
        };
        out.push(t);
        p2 = p1;
        p1 = t as u64 + 1;
    }
}

fn argmax_i(s: &[i32]) -> usize {
    let mut b = 0;
    for i in 1..s.len() {
        if s[i] > s[b] {
            b = i;
        }
    }
    b
}

fn argmax_f(s: &[f32]) -> usize {
    let mut b = 0;
    for i in 1..s.len() {
        if s[i] > s[b] {
            b = i;
        }
    }
    b
}

/// Train a tagger model; `data` infos must already carry ambiguity classes.
pub fn train(
    data: &[(Vec<WordInfo>, Vec<u16>)],
    right: Option<&[Vec<u16>]>,
    ntags: usize,
    epochs: usize,
    seed: u64,
    threshold: f32,
    progress: &mut dyn FnMut(&str),
) -> Sparse {
    let mut tr = Trainer::new(ntags.max(1));
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = SplitMix(seed ^ 0x7a99);
    let mut feats = Vec::with_capacity(48);
    let mut scores = vec![0f32; ntags.max(1)];
    for ep in 0..epochs {
        rng.shuffle(&mut order);
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let (infos, gold) = &data[si];
            let (mut p1, mut p2) = (0u64, 0u64);
            for (i, &g) in gold.iter().enumerate().take(infos.len()) {
                features(infos, i, p1, p2, &mut feats);
                if let Some(r) = right {
                    right_features(infos, i, p1, &r[si], &mut feats);
                }
                tr.score(&feats, &mut scores);
                let guess = argmax_f(&scores);
                let g = g as usize;
                if guess != g {
                    tr.update(&feats, g, guess);
                } else {
                    correct += 1;
                }
                total += 1;
                tr.tick();
                p2 = p1;
                p1 = guess as u64 + 1;
            }
        }
        progress(&format!(
            "  tagger epoch {}/{}: train acc {:.2}% ({} features)",
            ep + 1,
            epochs,
            100.0 * correct as f64 / total.max(1) as f64,
            tr.num_features()
        ));
    }
    tr.finish(threshold)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut v: Vec<u64>) -> Vec<u64> {
        v.sort_unstable();
        v
    }

    #[test]
    fn static_and_dynamic_parts_partition_all_features() {
        let infos = sentence_infos(&["The", "U.S.", "economy", "grew", "3.5", "%", "."]);
        let right = [3u16, 1, 4, 1, 5, 9, 2];
        for i in 0..infos.len() {
            let (p1, p2) = (7, 11);
            let mut all = Vec::new();
            features(&infos, i, p1, p2, &mut all);
            right_features(&infos, i, p1, &right, &mut all);
            let mut parts = Vec::new();
            for part in [Part::Static, Part::Dynamic] {
                push_features(&infos, i, p1, p2, part, &mut parts);
                push_right_features(&infos, i, p1, &right, part, &mut parts);
            }
            assert_eq!(sorted(all), sorted(parts), "word {i}");
            // the static part really ignores the previous tags
            let (mut a, mut b) = (Vec::new(), Vec::new());
            push_features(&infos, i, p1, p2, Part::Static, &mut a);
            push_features(&infos, i, 0, 0, Part::Static, &mut b);
            assert_eq!(a, b);
        }
    }
}
