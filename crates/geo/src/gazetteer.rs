//! The embedded gazetteer: a zero-copy view over `data/gazetteer/gazetteer.bin`, compiled into
//! the binary with `include_bytes!` (no decoding at load: only a validation pass), built by
//! `scripts/build_gazetteer.py`.
//!
//! Layout (little-endian): `FPGZ`, then u32 version, n_entries, n_keys, n_postings, keyblob_len,
//! strings_len, n_countries, n_admin1; entries (24 bytes each: lat f32, lon f32, population u32,
//! name string offset u32, geonameid u32, admin1 index u16 (0xFFFF none), country index u8
//! (0xFF none), kind in the low nibble + feature-class index into "APHLSTVR" in the high
//! nibble); key offsets (n_keys+1 u32); posting offsets (n_keys+1 u32); postings (u32 entry
//! id, high bit = matched through an alternate name); admin1 name string offsets (u32 each);
//! ISO3 codes (3 bytes each); key blob (sorted folded names, ASCII); strings (u16 len + UTF-8).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::normalize::fold;
use crate::GeoError;

static BUNDLED_BIN: &[u8] = include_bytes!("../../../data/gazetteer/gazetteer.bin");
static BUNDLED: OnceLock<Gazetteer> = OnceLock::new();

const ENTRY_SIZE: usize = 24;
const HEADER_SIZE: usize = 36;
const ALT_FLAG: u32 = 0x8000_0000;
const FCLASS: &[u8; 8] = b"APHLSTVR";

/// What kind of gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Country,
    Admin1,
    Admin2,
    Place,
    Landmark,
    Continent,
}

impl Kind {
    fn from_u8(v: u8) -> Kind {
        match v {
            0 => Kind::Country,
            1 => Kind::Admin1,
            2 => Kind::Admin2,
            3 => Kind::Place,
            4 => Kind::Landmark,
            _ => Kind::Continent,
        }
    }
}

/// One gazetteer entry (borrowed from the gazetteer).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry<'g> {
    pub id: u32,
    pub name: &'g str,
    /// ISO 3166-1 alpha-3; empty for continents and international waters.
    pub country: &'g str,
    pub admin1: Option<&'g str>,
    pub lat: f64,
    pub lon: f64,
    /// 0 when unknown.
    pub population: u64,
    pub kind: Kind,
    /// GeoNames feature class: `A` (country/region), `P` (populated place), `H` (water),
    /// `L` (area), `S` (spot/building), `T` (terrain).
    pub feature_class: char,
    /// GeoNames id (0 for derived regions and hand-written landmarks).
    pub geonameid: u32,
}

/// Numeric view of an entry used while ranking candidates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Core {
    pub id: u32,
    pub population: u64,
    /// admin1 name index (0xFFFF: none)
    pub admin1: u16,
    /// country index (0xFF: none)
    pub country: u8,
    pub kind: Kind,
}

pub(crate) const NO_COUNTRY: u8 = 0xFF;
pub(crate) const NO_ADMIN1: u16 = 0xFFFF;

/// A candidate for a looked-up name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate<'g> {
    pub entry: Entry<'g>,
    /// Matched through an alternate name rather than the entry's main name.
    pub alternate: bool,
}

/// The gazetteer. Obtain the bundled one with [`Gazetteer::bundled`].
pub struct Gazetteer {
    data: Cow<'static, [u8]>,
    n_entries: usize,
    n_keys: usize,
    key_offs: usize,
    post_offs: usize,
    postings: usize,
    admin1_offs: usize,
    n_admin1: usize,
    ccodes: usize,
    n_countries: usize,
    keyblob: usize,
    strings: usize,
    /// (ISO3, entry id) of country entries, sorted
    countries: Vec<([u8; 3], u32)>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.n_entries)
            .field("names", &self.n_keys)
            .finish()
    }
}

#[inline]
fn u32_at(d: &[u8], off: usize) -> u32 {
    u32::from_le_bytes([d[off], d[off + 1], d[off + 2], d[off + 3]])
}

impl Gazetteer {
    /// The gazetteer embedded in the binary, validated once on first use (a few ms).
    pub fn bundled() -> &'static Gazetteer {
        BUNDLED.get_or_init(|| {
            Gazetteer::from_cow(Cow::Borrowed(BUNDLED_BIN))
                .expect("bundled gazetteer artefact is valid")
        })
    }

    /// Use an artefact held in memory (e.g. a rebuilt `gazetteer.bin`).
    pub fn from_bytes(data: Vec<u8>) -> Result<Gazetteer, GeoError> {
        Gazetteer::from_cow(Cow::Owned(data))
    }

    fn from_cow(data: Cow<'static, [u8]>) -> Result<Gazetteer, GeoError> {
        let bad = |m: &str| GeoError::Artefact(m.to_string());
        if data.len() < HEADER_SIZE || &data[0..4] != b"FPGZ" {
            return Err(bad("bad magic"));
        }
        if u32_at(&data, 4) != 2 {
            return Err(bad("unsupported version"));
        }
        let h = |i: usize| u32_at(&data, 8 + 4 * i) as usize;
        let (n_entries, n_keys, n_post, blob_len, str_len, n_countries, n_admin1) =
            (h(0), h(1), h(2), h(3), h(4), h(5), h(6));
        let key_offs = HEADER_SIZE
            .checked_add(
                n_entries
                    .checked_mul(ENTRY_SIZE)
                    .ok_or_else(|| bad("size"))?,
            )
            .ok_or_else(|| bad("size"))?;
        let post_offs = key_offs + (n_keys + 1) * 4;
        let postings = post_offs + (n_keys + 1) * 4;
        let admin1_offs = postings + n_post * 4;
        let ccodes = admin1_offs + n_admin1 * 4;
        let keyblob = ccodes + n_countries * 3;
        let strings = keyblob + blob_len;
        if strings + str_len != data.len() {
            return Err(bad("section sizes do not add up"));
        }
        let d: &[u8] = &data;
        // validate once so that accessors can index without further checks
        let check_str = |s: usize| -> bool {
            if s + 2 > str_len {
                return false;
            }
            let at = strings + s;
            let len = u16::from_le_bytes([d[at], d[at + 1]]) as usize;
            s + 2 + len <= str_len && std::str::from_utf8(&d[at + 2..at + 2 + len]).is_ok()
        };
        let mut prev = (0usize, 0usize);
        for i in 0..=n_keys {
            let k = u32_at(d, key_offs + i * 4) as usize;
            let p = u32_at(d, post_offs + i * 4) as usize;
            if k > blob_len || p > n_post || k < prev.0 || p < prev.1 {
                return Err(bad("offset out of range"));
            }
            prev = (k, p);
        }
        for i in 0..n_post {
            if (u32_at(d, postings + i * 4) & !ALT_FLAG) as usize >= n_entries {
                return Err(bad("posting out of range"));
            }
        }
        if !d[keyblob..strings].is_ascii() || !d[ccodes..keyblob].is_ascii() {
            return Err(bad("key blob or country codes not ASCII"));
        }
        for i in 0..n_admin1 {
            if !check_str(u32_at(d, admin1_offs + i * 4) as usize) {
                return Err(bad("bad admin1 string"));
            }
        }
        let mut countries = Vec::new();
        for id in 0..n_entries {
            let b = HEADER_SIZE + id * ENTRY_SIZE;
            let name = u32_at(d, b + 12) as usize;
            if !check_str(name) {
                return Err(bad("bad name string"));
            }
            let a1 = u16::from_le_bytes([d[b + 20], d[b + 21]]) as usize;
            let cc = d[b + 22] as usize;
            if a1 != 0xFFFF && a1 >= n_admin1
                || cc != 0xFF && cc >= n_countries
                || d[b + 23] >> 4 >= 8
            {
                return Err(bad("bad entry"));
            }
            if d[b + 23] & 0x0F == 0 && cc != 0xFF {
                let c = &d[ccodes + cc * 3..ccodes + cc * 3 + 3];
                countries.push(([c[0], c[1], c[2]], id as u32));
            }
        }
        countries.sort();
        Ok(Gazetteer {
            data,
            n_entries,
            n_keys,
            key_offs,
            post_offs,
            postings,
            admin1_offs,
            n_admin1,
            ccodes,
            n_countries,
            keyblob,
            strings,
            countries,
        })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.n_entries
    }

    /// True if the gazetteer has no entries.
    pub fn is_empty(&self) -> bool {
        self.n_entries == 0
    }

    /// Number of distinct folded names.
    pub fn name_count(&self) -> usize {
        self.n_keys
    }

    fn string(&self, off: u32) -> &str {
        let at = self.strings + off as usize;
        let len = u16::from_le_bytes([self.data[at], self.data[at + 1]]) as usize;
        // validated in from_cow
        std::str::from_utf8(&self.data[at + 2..at + 2 + len]).unwrap_or("")
    }

    /// Entry by id. Panics if `id >= len()`.
    pub fn entry(&self, id: u32) -> Entry<'_> {
        let b = HEADER_SIZE + id as usize * ENTRY_SIZE;
        let d: &[u8] = &self.data;
        let a1 = u16::from_le_bytes([d[b + 20], d[b + 21]]) as usize;
        let cc = d[b + 22] as usize;
        let country = if cc < self.n_countries {
            std::str::from_utf8(&d[self.ccodes + cc * 3..self.ccodes + cc * 3 + 3]).unwrap_or("")
        } else {
            ""
        };
        let admin1 =
            (a1 < self.n_admin1).then(|| self.string(u32_at(d, self.admin1_offs + a1 * 4)));
        Entry {
            id,
            lat: f32::from_bits(u32_at(d, b)) as f64,
            lon: f32::from_bits(u32_at(d, b + 4)) as f64,
            population: u32_at(d, b + 8) as u64,
            name: self.string(u32_at(d, b + 12)),
            geonameid: u32_at(d, b + 16),
            admin1,
            country,
            kind: Kind::from_u8(d[b + 23] & 0x0F),
            feature_class: FCLASS[(d[b + 23] >> 4) as usize & 7] as char,
        }
    }

    /// The numeric part of an entry (no string decoding), for scoring many candidates cheaply.
    #[inline]
    pub(crate) fn core(&self, id: u32) -> Core {
        let b = HEADER_SIZE + id as usize * ENTRY_SIZE;
        let d: &[u8] = &self.data;
        Core {
            id,
            population: u32_at(d, b + 8) as u64,
            admin1: u16::from_le_bytes([d[b + 20], d[b + 21]]),
            country: d[b + 22],
            kind: Kind::from_u8(d[b + 23] & 0x0F),
        }
    }

    /// Internal index of an ISO3 country code (countries are stored sorted).
    pub(crate) fn country_index(&self, iso3: &str) -> Option<u8> {
        let (mut lo, mut hi) = (0usize, self.n_countries);
        let k = iso3.as_bytes();
        while lo < hi {
            let mid = (lo + hi) / 2;
            let c = &self.data[self.ccodes + mid * 3..self.ccodes + mid * 3 + 3];
            match c.cmp(k) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return u8::try_from(mid).ok(),
            }
        }
        None
    }

    fn key(&self, i: usize) -> &[u8] {
        let a = u32_at(&self.data, self.key_offs + i * 4) as usize;
        let b = u32_at(&self.data, self.key_offs + (i + 1) * 4) as usize;
        &self.data[self.keyblob + a..self.keyblob + b]
    }

    /// Index of the first key `>= k`.
    fn lower_bound(&self, k: &[u8]) -> usize {
        let (mut lo, mut hi) = (0, self.n_keys);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key(mid) < k {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Key index of an exact folded key.
    pub(crate) fn find_key(&self, k: &str) -> Option<usize> {
        let i = self.lower_bound(k.as_bytes());
        (i < self.n_keys && self.key(i) == k.as_bytes()).then_some(i)
    }

    /// One binary search answering both: the key index of `k` if it is a name, and whether some
    /// longer name starts with `k` followed by a space (keys sort `k` < `k …`, and no byte
    /// below the space occurs in keys, so the first such name follows `k` directly).
    pub(crate) fn find_and_extend(&self, k: &str) -> (Option<usize>, bool) {
        let kb = k.as_bytes();
        let i = self.lower_bound(kb);
        let exact = i < self.n_keys && self.key(i) == kb;
        let next = if exact { i + 1 } else { i };
        let more = next < self.n_keys && {
            let nk = self.key(next);
            nk.len() > kb.len() && nk.starts_with(kb) && nk[kb.len()] == b' '
        };
        (exact.then_some(i), more)
    }

    /// True if some key starts with `prefix` (used to stop extending multi-word names early).
    #[allow(dead_code)]
    pub(crate) fn has_prefix(&self, prefix: &str) -> bool {
        let i = self.lower_bound(prefix.as_bytes());
        i < self.n_keys && self.key(i).starts_with(prefix.as_bytes())
    }

    /// Candidates of a key index: `(entry id, matched through an alternate name)`.
    pub(crate) fn postings(&self, key_index: usize) -> impl Iterator<Item = (u32, bool)> + '_ {
        let a = u32_at(&self.data, self.post_offs + key_index * 4) as usize;
        let b = u32_at(&self.data, self.post_offs + (key_index + 1) * 4) as usize;
        (a..b).map(move |i| {
            let v = u32_at(&self.data, self.postings + i * 4);
            (v & !ALT_FLAG, v & ALT_FLAG != 0)
        })
    }

    /// All entries whose name or alternate name folds to the same key as `name`
    /// (case-, diacritics- and punctuation-insensitive).
    pub fn lookup(&self, name: &str) -> Vec<Candidate<'_>> {
        let Some(k) = fold(name) else {
            return Vec::new();
        };
        match self.find_key(&k) {
            Some(i) => self
                .postings(i)
                .map(|(id, alternate)| Candidate {
                    entry: self.entry(id),
                    alternate,
                })
                .collect(),
            None => Vec::new(),
        }
    }

    /// The country entry for an ISO 3166-1 alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<Entry<'_>> {
        self.countries
            .binary_search_by(|(c, _)| c.as_slice().cmp(iso3.as_bytes()))
            .ok()
            .map(|i| self.entry(self.countries[i].1))
    }
}
