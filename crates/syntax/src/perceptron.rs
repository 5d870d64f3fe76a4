//! Averaged multiclass perceptron with sparse per-feature rows (training) and a compact,
//! quantised (i16) read-only form with an open-addressing index (inference, see
//! [`crate::weights`]).
use crate::hash::U64Map;
use crate::ser::{Reader, Writer};
use crate::weights::{pack, WeightTable, MAX_OFFSET as MAX_ROWS};
use crate::SyntaxError;

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    /// Sum of c * delta (Daumé's averaging trick): avg = w - u / c.
    u: f64,
}

pub struct Trainer {
    pub nclasses: usize,
    index: U64Map<u32>,
    rows: Vec<Vec<Entry>>,
    c: f64,
}

impl Trainer {
    pub fn new(nclasses: usize) -> Self {
        Trainer {
            nclasses,
            index: U64Map::default(),
            rows: Vec::new(),
            c: 1.0,
        }
    }

    pub fn score(&self, feats: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    out[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Perceptron update: +1 for `good`, -1 for `bad`.
    pub fn update(&mut self, feats: &[u64], good: usize, bad: usize) {
        let c = self.c;
        for f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(*f).or_insert(next);
            if r == next {
                self.rows.push(Vec::with_capacity(2));
            }
            let row = &mut self.rows[r as usize];
            bump(row, good as u16, 1.0, c);
            bump(row, bad as u16, -1.0, c);
        }
    }

    /// Count one training instance (for averaging).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    pub fn num_features(&self) -> usize {
        self.rows.len()
    }

    /// Average, prune entries with |w| < `threshold`, quantise to i16.
    pub fn finish(&self, threshold: f32) -> Sparse {
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(k, v)| (*k, *v)).collect();
        keys.sort_unstable();
        let mut max_abs = 0f32;
        let avg = |e: &Entry| (e.w as f64 - e.u / self.c) as f32;
        for row in &self.rows {
            for e in row {
                max_abs = max_abs.max(avg(e).abs());
            }
        }
        let scale = if max_abs > 0.0 {
            32000.0 / max_abs
        } else {
            1.0
        };
        let mut out_keys = Vec::new();
        let mut starts = vec![0u32];
        let mut entries = Vec::new();
        let mut tmp: Vec<(u16, i16)> = Vec::new();
        for (k, r) in keys {
            tmp.clear();
            for e in &self.rows[r as usize] {
                let a = avg(e);
                if a.abs() < threshold {
                    continue;
                }
                let q = (a * scale).round().clamp(-32767.0, 32767.0) as i16;
                if q != 0 {
                    tmp.push((e.class, q));
                }
            }
            if tmp.is_empty() {
                continue;
            }
            tmp.sort_unstable();
            out_keys.push(k);
            for &(c, q) in &tmp {
                entries.push(pack(c, q));
            }
            starts.push(entries.len() as u32);
        }
        Sparse::new(self.nclasses, 1.0 / scale, out_keys, starts, entries)
    }
}

#[inline]
fn bump(row: &mut Vec<Entry>, class: u16, delta: f32, c: f64) {
    for e in row.iter_mut() {
        if e.class == class {
            e.w += delta;
            e.u += c * delta as f64;
            return;
        }
    }
    row.push(Entry {
        class,
        w: delta,
        u: c * delta as f64,
    });
}

/// Read-only quantised model: the serialised sparse rows plus their run-time index.
pub struct Sparse {
    pub nclasses: usize,
    /// Multiply integer scores by this to get perceptron units.
    pub unit: f32,
    keys: Vec<u64>,
    starts: Vec<u32>,
    entries: Vec<u32>,
    table: WeightTable,
}

impl Sparse {
    fn new(
        nclasses: usize,
        unit: f32,
        keys: Vec<u64>,
        starts: Vec<u32>,
        entries: Vec<u32>,
    ) -> Self {
        let table = WeightTable::new(nclasses, &keys, &starts, &entries);
        Sparse {
            nclasses,
            unit,
            keys,
            starts,
            entries,
            table,
        }
    }

    pub fn num_features(&self) -> usize {
        self.keys.len()
    }
    pub fn num_entries(&self) -> usize {
        self.entries.len()
    }

    /// Scores of all classes for `feats`; `acc` is a reusable buffer (its contents on
    /// entry do not matter). See [`WeightTable::score`].
    #[inline]
    pub fn score<'a>(&self, feats: &[u64], acc: &'a mut Vec<i32>) -> &'a [i32] {
        self.table.score(feats, acc)
    }

    /// Start loading the index slots of `feats` (see [`WeightTable::prefetch`]).
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        self.table.prefetch(feats)
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.nclasses as u32);
        w.f32(self.unit);
        w.u32(self.keys.len() as u32);
        w.u32(self.entries.len() as u32);
        for &k in &self.keys {
            w.u64(k);
        }
        let wide = self.nclasses > 256;
        for i in 0..self.keys.len() {
            let n = self.starts[i + 1] - self.starts[i];
            if wide {
                w.u32(n);
            } else {
                w.u8((n - 1) as u8);
            }
        }
        for &e in &self.entries {
            let c = (e >> 16) as u16;
            if wide {
                w.bytes(&c.to_le_bytes());
            } else {
                w.u8(c as u8);
            }
        }
        for &e in &self.entries {
            w.bytes(&(e as u16).to_le_bytes());
        }
    }

    pub fn read(r: &mut Reader) -> Result<Self, SyntaxError> {
        let nclasses = r.u32()? as usize;
        let unit = r.f32()?;
        let nk = r.len(8)?;
        let ne = r.len(2)?;
        if nk > MAX_ROWS || ne > MAX_ROWS {
            return Err(SyntaxError::BadModel(
                "too many features for the run-time weight index".into(),
            ));
        }
        let wide = nclasses > 256;
        let kb = r.take(nk * 8)?;
        let keys: Vec<u64> = kb
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect();
        let mut starts = Vec::with_capacity(nk + 1);
        starts.push(0u32);
        let mut tot = 0u64;
        for _ in 0..nk {
            let n = if wide {
                r.u32()? as u64
            } else {
                r.u8()? as u64 + 1
            };
            tot += n;
            if tot > ne as u64 {
                return Err(SyntaxError::BadModel(
                    "feature rows exceed entry count".into(),
                ));
            }
            starts.push(tot as u32);
        }
        if tot != ne as u64 {
            return Err(SyntaxError::BadModel(
                "feature rows do not cover all entries".into(),
            ));
        }
        let cls: Vec<u16> = if wide {
            r.take(ne * 2)?
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect()
        } else {
            r.take(ne)?.iter().map(|&c| c as u16).collect()
        };
        let wb = r.take(ne * 2)?;
        let mut entries = Vec::with_capacity(ne);
        for (i, c) in wb.chunks_exact(2).enumerate() {
            let q = i16::from_le_bytes([c[0], c[1]]);
            if cls[i] as usize >= nclasses {
                return Err(SyntaxError::BadModel("class id out of range".into()));
            }
            entries.push(pack(cls[i], q));
        }
        if keys.windows(2).any(|w| w[0] >= w[1]) || keys.first() == Some(&0) {
            return Err(SyntaxError::BadModel(
                "feature keys not strictly sorted".into(),
            ));
        }
        Ok(Sparse::new(nclasses, unit, keys, starts, entries))
    }
}
