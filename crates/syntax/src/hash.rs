//! Small, deterministic hashing helpers (no external dependency).
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// MurmurHash3 64-bit finaliser.
#[inline]
pub const fn fmix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// FNV-1a over bytes, finalised.
#[inline]
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h ^ (b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Fast checksum over bytes, 8 bytes at a time (model files from format version 3).
pub fn checksum(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut it = b.chunks_exact(8);
    for c in &mut it {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }
    for &x in it.remainder() {
        h = (h ^ x as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h ^ (b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

const fn make_seeds() -> [u64; 256] {
    let mut a = [0u64; 256];
    let mut i = 0;
    while i < 256 {
        a[i] = fmix((i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x51ed_2701);
        i += 1;
    }
    a
}
static SEEDS: [u64; 256] = make_seeds();

/// Feature key from a template id and up to three values. Never returns 0.
#[inline]
pub fn feat(t: u8, a: u64, b: u64, c: u64) -> u64 {
    let k = fmix(SEEDS[t as usize] ^ a ^ b.rotate_left(21) ^ c.rotate_left(42));
    if k == 0 {
        1
    } else {
        k
    }
}

/// Combine two hashes into one (order-sensitive).
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    fmix(a.rotate_left(17) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Identity hasher for keys that are already well-mixed u64 hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 ^= hash_bytes(bytes);
    }
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}
pub type U64Map<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// SplitMix64 generator: deterministic shuffling without a `rand` dependency.
pub struct SplitMix(pub u64);
impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        fmix(self.0)
    }
    /// Uniform in [0, n).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}
