//! Run-time weight index of a quantised perceptron: feature key -> weight row, built at
//! load time from the serialised sparse rows (the file format does not depend on it).
//!
//! Scoring is the hot loop of both the tagger and the parser (~40 feature lookups per
//! tagged word, ~74 per parser transition), and the rows that are hit most often are also
//! the longest ones (tag-only features carry weights for most classes). Rows are therefore
//! stored in one of three forms, chosen by their length:
//!
//! * **inline** (1–2 weights): inside the 16-byte hash slot itself, one cache miss;
//! * **sparse** (up to `dense_min - 1` weights): packed `(class, weight)` pairs in
//!   `sparse`, added one by one;
//! * **dense** (`dense_min` or more weights): a full row of `stride` i16 weights (zeros for
//!   absent classes) in 64-byte aligned lines, added with wide vector adds.
//!
//! Sums are exact i32 additions, so the representation never changes a score.
//!
//! Lookups are memory-bound, so [`WeightTable::score`] works in phases over chunks of
//! features (prefetch slots; probe and prefetch rows; accumulate) to overlap cache misses.
//! (Backing the arrays with transparent huge pages was measured at +3 %, within noise, and
//! left out.)

/// One open-addressing slot (16 bytes, four per cache line). `fp` is the low half of the
/// feature key (the high bits pick the home slot); `info` is 0 for an empty slot, else
/// `len << 24 | offset` where `len` is the number of weights of the row (capped at 255;
/// longer rows are always dense) and `offset` locates a sparse or dense row (see
/// [`RowKind`]).
#[repr(C, align(16))]
#[derive(Clone, Copy, Default)]
struct Slot {
    fp: u32,
    info: u32,
    e: [u32; INLINE],
}

/// Rows of at most this many weights are stored inside their slot.
const INLINE: usize = 2;
/// i16 weights per 64-byte line of a dense row.
const LANES: usize = 32;
/// Longest row `len` field (8 bits); longer rows must be dense.
const MAX_LEN: usize = 255;
/// Largest `offset` field (24 bits); models with more features or weights are rejected.
pub const MAX_OFFSET: usize = 0x00ff_ffff;
/// Features scored per phase; bounds the on-stack list of pending long rows.
const CHUNK: usize = 128;

/// One cache line of a dense row.
#[repr(C, align(64))]
#[derive(Clone, Copy)]
struct Line([i16; LANES]);

/// Pack a `(class, weight)` pair as stored in sparse and inline rows.
#[inline]
pub fn pack(class: u16, q: i16) -> u32 {
    ((class as u32) << 16) | (q as u16 as u32)
}

/// Where a row of `len` weights lives, given the table's dense threshold.
#[derive(Debug, PartialEq, Eq)]
enum RowKind {
    Inline,
    Sparse,
    Dense,
}

#[inline(always)]
fn row_kind(len: usize, dense_min: usize) -> RowKind {
    if len <= INLINE {
        RowKind::Inline
    } else if len < dense_min {
        RowKind::Sparse
    } else {
        RowKind::Dense
    }
}

/// Home slot of key `k` in a table of `cap` slots (high bits of the key; the low 32 bits
/// are the fingerprint stored in the slot).
#[inline(always)]
fn home(k: u64, cap: usize) -> usize {
    ((k as u128 * cap as u128) >> 64) as usize
}

/// Read-only feature -> weight-row index. Invariants: every non-empty slot's row is
/// in bounds of `sparse` / `dense`; dense rows are `lines_per_row` lines long.
pub struct WeightTable {
    nclasses: usize,
    /// Dense rows hold `lines_per_row * LANES` weights (>= `nclasses`).
    lines_per_row: usize,
    /// Rows with at least this many weights are dense.
    dense_min: usize,
    slots: Vec<Slot>,
    sparse: Vec<u32>,
    dense: Vec<Line>,
    /// Use the AVX2 build of the scoring loop (detected once at construction).
    avx2: bool,
}

/// Rows this long or longer are stored dense (~10 % of the classes; 12 of the parser's
/// 103 classes). Thresholds of 8–16 measured alike on EWT test, 24+ was slower.
fn dense_threshold(stride: usize) -> usize {
    (stride * 3 / 32).clamp(INLINE + 1, MAX_LEN)
}

impl WeightTable {
    /// Build from sorted, distinct, non-zero `keys`; row `i` is
    /// `entries[starts[i]..starts[i + 1]]` (packed, see [`pack`]), classes `< nclasses`.
    ///
    /// # Panics
    /// If a sparse row offset or the dense row count exceeds the 24-bit slot field
    /// (callers check the entry count first, see `Sparse::read`).
    pub fn new(nclasses: usize, keys: &[u64], starts: &[u32], entries: &[u32]) -> Self {
        let lines_per_row = nclasses.div_ceil(LANES).max(1);
        let dense_min = dense_threshold(lines_per_row * LANES);
        let row_len = |i: usize| (starts[i + 1] - starts[i]) as usize;
        let (mut n_sparse, mut n_dense) = (0, 0);
        for i in 0..keys.len() {
            match row_kind(row_len(i), dense_min) {
                RowKind::Inline => {}
                RowKind::Sparse => n_sparse += row_len(i),
                RowKind::Dense => n_dense += 1,
            }
        }
        // load factor ~0.7, any size (the slot is picked by multiply-shift, not a mask)
        let cap = keys.len() * 10 / 7 + 16;
        let mut t = WeightTable {
            nclasses,
            lines_per_row,
            dense_min,
            slots: vec![Slot::default(); cap],
            sparse: vec![0; n_sparse],
            dense: vec![Line([0; LANES]); n_dense * lines_per_row],
            avx2: detect_avx2(),
        };
        let (mut next_sparse, mut next_dense) = (0, 0);
        for (i, &k) in keys.iter().enumerate() {
            let row = &entries[starts[i] as usize..starts[i + 1] as usize];
            let slot = t.store_row(k, row, &mut next_sparse, &mut next_dense);
            t.insert(k, slot);
        }
        t
    }

    /// Store `row` in the form its length calls for at the next free sparse offset or
    /// dense row (advancing it) and return its slot.
    fn store_row(
        &mut self,
        k: u64,
        row: &[u32],
        next_sparse: &mut usize,
        next_dense: &mut usize,
    ) -> Slot {
        let len = row.len();
        let mut slot = Slot {
            fp: k as u32,
            info: (len.min(MAX_LEN) as u32) << 24,
            e: [0; INLINE],
        };
        let offset = match row_kind(len, self.dense_min) {
            RowKind::Inline => {
                slot.e[..len].copy_from_slice(row);
                0
            }
            RowKind::Sparse => {
                let o = *next_sparse;
                self.sparse[o..o + len].copy_from_slice(row);
                *next_sparse += len;
                o
            }
            RowKind::Dense => {
                let o = *next_dense;
                let lines = &mut self.dense[o * self.lines_per_row..];
                for &e in row {
                    let c = (e >> 16) as usize;
                    lines[c / LANES].0[c % LANES] = e as u16 as i16;
                }
                *next_dense += 1;
                o
            }
        };
        assert!(offset <= MAX_OFFSET, "weight table offset overflow");
        slot.info |= offset as u32;
        slot
    }

    /// Linear probing from the home slot; keys are distinct.
    fn insert(&mut self, k: u64, slot: Slot) {
        let cap = self.slots.len();
        let mut p = home(k, cap);
        while self.slots[p].info != 0 {
            p = if p + 1 == cap { 0 } else { p + 1 };
        }
        self.slots[p] = slot;
    }

    /// Length of the score buffer [`WeightTable::score`] works on (>= `nclasses`).
    pub fn stride(&self) -> usize {
        self.lines_per_row * LANES
    }

    /// Sum the rows of all `feats` into `acc` (resized to [`WeightTable::stride`] and
    /// zeroed first) and return the scores of the `nclasses` classes.
    #[inline]
    pub fn score<'a>(&self, feats: &[u64], acc: &'a mut Vec<i32>) -> &'a [i32] {
        acc.clear();
        acc.resize(self.stride(), 0);
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is only set when the CPU supports AVX2 (`detect_avx2`).
            unsafe { self.score_avx2(feats, acc) };
            return &acc[..self.nclasses];
        }
        self.score_impl::<false>(feats, acc);
        &acc[..self.nclasses]
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn score_avx2(&self, feats: &[u64], acc: &mut [i32]) {
        self.score_impl::<true>(feats, acc)
    }

    /// The scoring loop; `acc.len() == self.stride()`. `AVX2` must only be true when
    /// the CPU supports AVX2.
    #[inline(always)]
    fn score_impl<const AVX2: bool>(&self, feats: &[u64], acc: &mut [i32]) {
        let mut long = [0u32; CHUNK];
        for chunk in feats.chunks(CHUNK) {
            for &f in chunk {
                if let Some(s) = self.slots.get(home(f, self.slots.len())) {
                    prefetch(s);
                }
            }
            let mut m = 0;
            for &f in chunk {
                if let Some(s) = self.find(f) {
                    if (s.info >> 24) as usize <= INLINE {
                        add_inline(acc, s);
                    } else {
                        self.prefetch_row(s.info);
                        long[m] = s.info;
                        m += 1;
                    }
                }
            }
            for &info in &long[..m] {
                self.add_row::<AVX2>(acc, info);
            }
        }
    }

    /// The slot of key `f`, if present (matched on the 32-bit fingerprint).
    #[inline(always)]
    fn find(&self, f: u64) -> Option<&Slot> {
        let cap = self.slots.len();
        let fp = f as u32;
        let mut p = home(f, cap);
        loop {
            let s = self.slots.get(p)?;
            if s.info == 0 {
                return None;
            }
            if s.fp == fp {
                return Some(s);
            }
            p = if p + 1 == cap { 0 } else { p + 1 };
        }
    }

    #[inline(always)]
    fn prefetch_row(&self, info: u32) {
        let (len, off) = ((info >> 24) as usize, (info & 0x00ff_ffff) as usize);
        if row_kind(len, self.dense_min) == RowKind::Dense {
            if let Some(row) = self.dense.get(off * self.lines_per_row..) {
                for line in row.iter().take(self.lines_per_row) {
                    prefetch(line);
                }
            }
        } else if let Some(e) = self.sparse.get(off) {
            prefetch(e);
        }
    }

    /// Add a sparse or dense row (slot `info`) into `acc`.
    #[inline(always)]
    fn add_row<const AVX2: bool>(&self, acc: &mut [i32], info: u32) {
        let (len, off) = ((info >> 24) as usize, (info & 0x00ff_ffff) as usize);
        if row_kind(len, self.dense_min) == RowKind::Dense {
            let a = off * self.lines_per_row;
            if let Some(row) = self.dense.get(a..a + self.lines_per_row) {
                for (line, out) in row.iter().zip(acc.chunks_exact_mut(LANES)) {
                    add_line::<AVX2>(out, line);
                }
            }
        } else if let Some(row) = self.sparse.get(off..off + len) {
            for &e in row {
                add_packed(acc, e);
            }
        }
    }

    /// Hint that `feats` will be scored soon: start loading their slots.
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        for &f in feats {
            if let Some(s) = self.slots.get(home(f, self.slots.len())) {
                prefetch(s);
            }
        }
    }
}

/// `out += line`, lane by lane (widening i16 -> i32). `AVX2` selects the explicit AVX2
/// version; it must only be true when the CPU supports AVX2.
#[inline(always)]
fn add_line<const AVX2: bool>(out: &mut [i32], line: &Line) {
    let Ok(out) = <&mut [i32; LANES]>::try_from(out) else {
        return;
    };
    #[cfg(target_arch = "x86_64")]
    if AVX2 {
        // SAFETY: `AVX2` is only true when the CPU supports AVX2 (see `WeightTable::score`).
        unsafe { add_line_avx2(out, line) };
        return;
    }
    let mut o = *out;
    for (o, &w) in o.iter_mut().zip(&line.0) {
        *o += i32::from(w);
    }
    *out = o;
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn add_line_avx2(out: &mut [i32; LANES], line: &Line) {
    use core::arch::x86_64::*;
    for k in (0..LANES).step_by(8) {
        // SAFETY: `k + 8 <= LANES`, so all accesses are in bounds of `line` and `out`;
        // the loads and stores are unaligned variants.
        unsafe {
            let w = _mm_loadu_si128(line.0.as_ptr().add(k) as *const __m128i);
            let p = out.as_mut_ptr().add(k) as *mut __m256i;
            let sum = _mm256_add_epi32(_mm256_loadu_si256(p), _mm256_cvtepi16_epi32(w));
            _mm256_storeu_si256(p, sum);
        }
    }
}

#[inline(always)]
fn add_inline(acc: &mut [i32], s: &Slot) {
    let len = (s.info >> 24) as usize;
    for &e in s.e.iter().take(len) {
        add_packed(acc, e);
    }
}

#[inline(always)]
fn add_packed(acc: &mut [i32], e: u32) {
    if let Some(o) = acc.get_mut((e >> 16) as usize) {
        *o += i32::from(e as u16 as i16);
    }
}

fn detect_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

#[inline(always)]
fn prefetch<T>(r: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: prefetching is a hint; it never faults and reads no data.
        unsafe {
            core::arch::x86_64::_mm_prefetch(
                r as *const T as *const i8,
                core::arch::x86_64::_MM_HINT_T0,
            )
        };
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = r;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference scorer: sum the rows of all present keys, class by class.
    fn naive(nclasses: usize, rows: &[(u64, Vec<(u16, i16)>)], feats: &[u64]) -> Vec<i32> {
        let mut out = vec![0i32; nclasses];
        for f in feats {
            if let Some((_, row)) = rows.iter().find(|(k, _)| k == f) {
                for &(c, w) in row {
                    out[c as usize] += i32::from(w);
                }
            }
        }
        out
    }

    fn build(nclasses: usize, rows: &[(u64, Vec<(u16, i16)>)]) -> WeightTable {
        let mut keys = Vec::new();
        let mut starts = vec![0u32];
        let mut entries = Vec::new();
        for (k, row) in rows {
            keys.push(*k);
            entries.extend(row.iter().map(|&(c, w)| pack(c, w)));
            starts.push(entries.len() as u32);
        }
        WeightTable::new(nclasses, &keys, &starts, &entries)
    }

    /// Rows of every length 1..=nclasses with varied weights, keyed by well-mixed keys.
    fn rows(nclasses: usize) -> Vec<(u64, Vec<(u16, i16)>)> {
        (1..=nclasses)
            .map(|len| {
                let key = crate::hash::fmix(len as u64 * 7919) | 1;
                let row = (0..len)
                    .map(|j| {
                        let c = ((j * 37 + len) % nclasses) as u16;
                        let w = ((j as i32 * 977 - 15000 + len as i32) % 32000) as i16;
                        (c, w)
                    })
                    .collect::<std::collections::BTreeMap<u16, i16>>()
                    .into_iter()
                    .collect();
                (key, row)
            })
            .collect()
    }

    #[test]
    fn all_row_kinds_score_like_the_naive_sum() {
        for nclasses in [1, 3, 40, 103, 300] {
            let rows = rows(nclasses);
            let t = build(nclasses, &rows);
            let mut feats: Vec<u64> = rows.iter().map(|r| r.0).collect();
            feats.extend([12345, 999, rows[0].0]); // absent keys and a repeat
            let mut acc = Vec::new();
            let got = t.score(&feats, &mut acc).to_vec();
            assert_eq!(got, naive(nclasses, &rows, &feats), "nclasses {nclasses}");
            // one feature at a time, too
            for f in &feats {
                assert_eq!(t.score(&[*f], &mut acc), &naive(nclasses, &rows, &[*f])[..]);
            }
        }
    }

    #[test]
    fn many_features_span_several_chunks() {
        let rows = rows(103);
        let t = build(103, &rows);
        let feats: Vec<u64> = (0..3 * CHUNK + 5).map(|i| rows[i % rows.len()].0).collect();
        let mut acc = Vec::new();
        assert_eq!(t.score(&feats, &mut acc), &naive(103, &rows, &feats)[..]);
    }

    #[test]
    fn row_kinds_follow_length() {
        let t = build(103, &rows(103));
        assert_eq!(t.stride(), 128);
        assert_eq!(row_kind(2, t.dense_min), RowKind::Inline);
        assert_eq!(row_kind(3, t.dense_min), RowKind::Sparse);
        assert_eq!(row_kind(t.dense_min, t.dense_min), RowKind::Dense);
        assert_eq!(row_kind(MAX_LEN, t.dense_min), RowKind::Dense);
    }
}
