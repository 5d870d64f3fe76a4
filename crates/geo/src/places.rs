//! Toponym recognition and resolution.
//!
//! Recognition: tokens are runs of letters/digits (apostrophes inside a word kept, a final
//! possessive `'s` optionally dropped). A candidate name starts at a capitalised token, may span
//! up to 7 tokens joined by spaces, hyphens or periods ("Bosnia and Herzegovina", "Al-Minya",
//! "U.S.") and ends at a token with an upper-case letter or a generic word ("Rafah crossing");
//! the longest gazetteer name wins. Stop-words that are also place names ("May", "Of", "Male",
//! "Man", months, weekdays, titles, compass words, demonyms, politicians' surnames), given
//! names without a locative cue, common sentence-initial words, disease names ("West Nile
//! virus") and person-like contexts ("President X", "Andrew Jackson", and then "Jackson"
//! everywhere in the text) are rejected. Small places (< 50,000 inhabitants) and names known
//! only as alternate names need a cue: a locative word before them ("in X", "near X"), an
//! "X, Region" pattern, or their country already in the text.
//!
//! Resolution: each candidate gets a score — see `docs/geo-notes.md` for the full list: a prior
//! by kind and population, −0.7 for alternate names, +1.5 / +2.5 when its country / admin1 is in
//! the article context (caller's countries plus countries resolved for *other* names of the same
//! text; not for much smaller namesakes), +10 for the "X, Y" containment pattern ("Paris,
//! Texas", "Tripoli, Lebanon"). A first-level region beats a same-named country (Georgia) only
//! when its own country is in context, the other country is not, and the region is more
//! populous than the country.

use std::fmt::Write as _;

use serde::Serialize;

use crate::gazetteer::{Core, Entry, Gazetteer, Kind, NO_ADMIN1, NO_COUNTRY};
use crate::words::{
    in_list, COMMON_INITIAL, DISEASE_NEXT, GENERIC_END, GIVEN_NAMES, LOCATIVE, PLACE_SUFFIX, STOP,
    TITLES,
};

/// What the caller knows about the article.
#[derive(Clone, Debug, Default)]
pub struct PlaceContext {
    /// ISO3 codes of countries known to be relevant to the article (e.g. from its metadata or
    /// from the actor coder).
    pub countries: Vec<String>,
    /// Byte spans (into the text given to [`find_places`]) that are actors and must not be read
    /// as places (metonymy: "Washington said", "the Kremlin denied").
    pub actor_spans: Vec<(usize, usize)>,
}

impl PlaceContext {
    fn is_actor_span(&self, span: (usize, usize)) -> bool {
        self.actor_spans
            .iter()
            .any(|&(s, e)| s < span.1 && span.0 < e)
    }
}

/// A resolved place mention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceMention {
    /// Byte offsets `[start, end)` into the original text, on char boundaries.
    pub span: (usize, usize),
    /// The surface text.
    pub text: String,
    /// The gazetteer name of the resolved entry.
    pub name: String,
    /// ISO3 country code (None for continents and international waters).
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// `place`, `admin1`, `country`, or `region` (continents, international waters/regions).
    pub precision: &'static str,
    pub population: u64,
    pub kind: Kind,
    pub feature_class: char,
    pub geonameid: u32,
    /// Short explanation of the decision.
    pub why: String,
}

#[derive(Clone, Debug)]
struct Tok {
    start: usize,
    end: usize,
    key: String,
    cap: bool,
    /// contains an upper-case letter anywhere ("d’Ivoire")
    has_upper: bool,
    all_caps: bool,
    sent_start: bool,
    /// the token ends in a possessive 's: `base_end`/`base_key` are without it
    possessive: bool,
    base_end: usize,
    base_key: String,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut last_end = 0usize;
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut base_end = None;
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                it.next();
            } else if crate::normalize::is_apostrophe(d) {
                // keep an apostrophe only between letters; remember a final possessive 's
                let after = j + d.len_utf8();
                match text[after..].chars().next() {
                    Some(n) if n.is_alphanumeric() => {
                        let next2 = text[after + n.len_utf8()..].chars().next();
                        if (n == 's' || n == 'S') && !next2.is_some_and(|x| x.is_alphanumeric()) {
                            base_end = Some(end);
                        }
                        it.next();
                        end = after;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        let s = &text[start..end];
        let mut key = String::with_capacity(s.len());
        if !crate::normalize::fold_into(s, &mut key) || key.contains(' ') {
            key.clear();
        }
        let (possessive, base_end, base_key) = match base_end {
            Some(b) => {
                let mut bk = String::with_capacity(b - start);
                if !crate::normalize::fold_into(&text[start..b], &mut bk) || bk.contains(' ') {
                    bk.clear();
                }
                (true, b, bk)
            }
            None => (false, end, String::new()),
        };
        let first = s.chars().next().unwrap_or(' ');
        let cap = first.is_uppercase();
        let has_upper = s.chars().any(char::is_uppercase);
        let all_caps = s
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
        let gap = &text[last_end..start];
        let sent_start = toks.is_empty() || is_sentence_break(gap, toks.last());
        toks.push(Tok {
            start,
            end,
            key,
            cap,
            has_upper,
            all_caps,
            sent_start,
            possessive,
            base_end,
            base_key,
        });
        last_end = end;
    }
    toks
}

fn is_sentence_break(gap: &str, prev: Option<&Tok>) -> bool {
    if gap.contains('\n') {
        return true;
    }
    let has_end = gap.contains(['.', '!', '?']);
    if !has_end {
        return false;
    }
    // "U.S. troops", "Mr. Smith": a period after a one-letter token or a title is no break
    match prev {
        Some(p) => {
            let plen = p.end - p.start;
            !(plen == 1 || in_list(TITLES, p.key.as_str()) && gap.trim_start().starts_with('.'))
        }
        None => true,
    }
}

fn joinable(gap: &str, prev: &Tok) -> bool {
    if gap == ". " && prev.end - prev.start <= 3 && prev.cap {
        return true;
    }
    !gap.is_empty()
        && gap.len() <= 3
        && gap.chars().all(|c| matches!(c, ' ' | '-' | '.' | '\u{a0}' | '‐' | '–'))
        && !gap.starts_with(". ") // a sentence end
        || gap == "."
}

#[derive(Clone, Copy, Debug)]
struct Cand {
    c: Core,
    alt: bool,
}

#[derive(Clone, Debug)]
struct RawMatch {
    t1: usize,
    span: (usize, usize),
    /// gazetteer key index of the matched name (identifies "the same name" within a text)
    ki: usize,
    cands: Vec<Cand>,
    locative_cue: bool,
    /// a candidate forced by an "X, Y" pattern, and a note
    forced: Option<u32>,
    why_forced: Option<String>,
    prev_cap: bool,
    next_cap: bool,
    /// the same single word is a person's name elsewhere in the text
    person_like: bool,
    single: bool,
}

fn score(c: &Core, alternate: bool) -> f64 {
    let lp = ((c.population as f64) + 1.0).log10();
    let base = match c.kind {
        Kind::Country => 9.0,
        Kind::Continent => 8.5,
        Kind::Landmark => 8.0,
        Kind::Admin1 => 4.5 + 0.25 * lp,
        Kind::Place => lp,
        Kind::Admin2 => lp - 0.5,
    };
    if alternate {
        base - 0.7
    } else {
        base
    }
}

fn contains(outer: &Core, inner: &Core) -> bool {
    if outer.id == inner.id || outer.country == NO_COUNTRY || outer.country != inner.country {
        return false;
    }
    match outer.kind {
        Kind::Country => inner.kind != Kind::Country,
        Kind::Admin1 => {
            matches!(inner.kind, Kind::Place | Kind::Admin2 | Kind::Landmark)
                && inner.admin1 != NO_ADMIN1
                && inner.admin1 == outer.admin1
        }
        Kind::Admin2 => inner.kind == Kind::Place && inner.admin1 == outer.admin1,
        _ => false,
    }
}

/// Article context: countries and admin1 regions with the name (key index) that put them there.
#[derive(Default)]
struct Ctx {
    caller: Vec<u8>,
    countries: Vec<(u8, usize)>,
    admin1: Vec<(u16, usize)>,
}

impl Ctx {
    /// Is `c` in context through the caller or through a *different* name than `own`?
    fn has_country(&self, c: u8, own: usize) -> bool {
        c != NO_COUNTRY
            && (self.caller.contains(&c) || self.countries.iter().any(|&(x, k)| x == c && k != own))
    }
    fn has_admin1(&self, a: u16, own: usize) -> bool {
        a != NO_ADMIN1 && self.admin1.iter().any(|&(x, k)| x == a && k != own)
    }
}

const SMALL_PLACE: u64 = 50_000;
/// Places at least this big are not dropped for a following capitalised word ("Mumbai Police")
/// or for a person reading elsewhere in the text.
const PERSON_POP: u64 = 200_000;
/// Candidates looked at per name (postings are ordered main names first, then by population).
const MAX_CANDIDATES: usize = 256;
const CTX_PLACE: u64 = 10_000;

const W_ALT: u8 = 1;
const W_FORCED: u8 = 2;
const W_CTX: u8 = 4;
const W_FLIP: u8 = 8;
const W_ADMIN1_CTX: u8 = 16;

fn why_text(e: &Entry<'_>, flags: u8, forced: Option<&str>) -> String {
    let mut why = match e.kind {
        Kind::Country => String::from("country"),
        Kind::Admin1 => String::from("admin1"),
        Kind::Admin2 => String::from("admin2"),
        Kind::Place => String::from("place"),
        Kind::Landmark => String::from("landmark"),
        Kind::Continent => String::from("continent"),
    };
    if flags & W_ALT != 0 {
        why.push_str(", alt name");
    }
    if flags & W_FORCED != 0 {
        why.push_str(", ");
        why.push_str(forced.unwrap_or("pattern"));
    }
    if flags & W_CTX != 0 {
        why.push_str(", country in context");
    }
    if flags & W_FLIP != 0 {
        why.push_str(" (region beats same-named country)");
    }
    if flags & W_ADMIN1_CTX != 0 {
        why.push_str(", admin1 in context");
    }
    why
}

/// A region named after its big city (Tripoli, Baghdad, Kano): the city is meant.
fn namesake_city_dominates(cands: &[Cand], region: &Core) -> bool {
    cands.iter().any(|x| {
        x.c.kind == Kind::Place
            && x.c.country == region.country
            && x.c.population >= 100_000
            && x.c.population * 10 >= region.population * 3
    })
}

type Ranked = Option<(f64, Core, u8)>;

/// Best candidate surviving the prominence/person filters, and the runner-up:
/// (score, entry, why flags).
fn ranked(m: &RawMatch, ctx: &Ctx) -> (Ranked, Ranked) {
    let mut best: Ranked = None;
    let mut second: Ranked = None;
    let country_cand = m
        .cands
        .iter()
        .find(|x| x.c.kind == Kind::Country)
        .map(|x| x.c);
    // a name that is primarily a country or first-level region: its weaker namesakes get no
    // context bonus ("Oregon" is the state even in an article about Ohio)
    let strong_prior = m
        .cands
        .iter()
        .filter(|x| !x.alt && matches!(x.c.kind, Kind::Country | Kind::Admin1))
        .map(|x| score(&x.c, x.alt))
        .fold(f64::MIN, f64::max);
    let alt_only = m.cands.iter().all(|x| x.alt);
    let max_place_pop = m
        .cands
        .iter()
        .filter(|x| x.c.kind == Kind::Place)
        .map(|x| x.c.population)
        .max()
        .unwrap_or(0);
    for x in &m.cands {
        let (e, alt) = (x.c, x.alt);
        if m.forced.is_some_and(|f| f != e.id) {
            continue;
        }
        let weak = matches!(e.kind, Kind::Place | Kind::Admin2);
        let prior = score(&e, alt);
        // a much smaller namesake of a famous place (London, Ontario) gets no context bonus
        let shadowed = weak
            && (prior < strong_prior || e.kind == Kind::Place && e.population * 20 < max_place_pop);
        let in_ctx = ctx.has_country(e.country, m.ki) && !shadowed;
        if weak && m.forced.is_none() {
            // person/organisation-like contexts
            if m.single
                && (m.prev_cap
                    || m.next_cap && alt
                    || (m.next_cap || m.person_like) && e.population < PERSON_POP)
            {
                continue;
            }
            let multi_admin2 = e.kind == Kind::Admin2 && !m.single;
            // a name known only as an alternate name ("Google" was once Topeka's nickname)
            // needs a cue: a locative word or its country in the text
            let ok = if alt_only && m.single {
                m.locative_cue || in_ctx && e.population >= CTX_PLACE
            } else {
                multi_admin2
                    || e.population >= SMALL_PLACE && e.kind == Kind::Place
                    || e.population >= 500_000
                    || m.locative_cue
                    || in_ctx && e.population >= CTX_PLACE
            };
            if !ok {
                continue;
            }
        }
        if e.kind == Kind::Admin1 && m.single && m.prev_cap && m.forced.is_none() {
            continue;
        }
        let mut s = prior;
        let mut flags = if alt { W_ALT } else { 0 };
        if e.kind == Kind::Admin1 && namesake_city_dominates(&m.cands, &e) {
            s -= 1.5;
        }
        if m.forced.is_some() {
            s += 10.0;
            flags |= W_FORCED;
        }
        if in_ctx {
            s += 1.5;
            flags |= W_CTX;
            if let Some(c) = country_cand.filter(|_| e.kind == Kind::Admin1) {
                if c.id != e.id && !ctx.has_country(c.country, m.ki) && e.population > c.population
                {
                    s += 4.0;
                    flags |= W_FLIP;
                }
            }
        }
        // the region bonus resolves among small namesakes, it does not turn "Rome" or
        // "Boston" into a village 20 times smaller than the famous one
        if weak
            && !shadowed
            && !alt
            && e.population * 20 >= max_place_pop
            && ctx.has_admin1(e.admin1, m.ki)
        {
            s += 2.5;
            flags |= W_ADMIN1_CTX;
        }
        let better = |a: &(f64, Core, u8), s: f64, e: &Core| {
            s > a.0
                || s == a.0
                    && (e.population, std::cmp::Reverse(e.id))
                        > (a.1.population, std::cmp::Reverse(a.1.id))
        };
        match best {
            Some(b) if !better(&b, s, &e) => {
                if second.as_ref().is_none_or(|x| better(x, s, &e)) {
                    second = Some((s, e, flags));
                }
            }
            _ => {
                second = best;
                best = Some((s, e, flags));
            }
        }
    }
    (best, second)
}

/// Find and resolve the place names in `text`.
pub fn find_places(gaz: &Gazetteer, text: &str, ctx: &PlaceContext) -> Vec<PlaceMention> {
    let toks = tokenize(text);
    let (mut raw, mut person_keys) = recognise(gaz, text, &toks, ctx);
    if raw.is_empty() {
        return Vec::new();
    }
    apply_patterns(text, &mut raw);
    // one sense per text: a single-word name seen after a title or a given name ("Dr Dunn",
    // "Bruce Ivins") is a person's name everywhere in the text (for places < 200,000)
    person_keys.extend(raw.iter().filter(|m| m.single && m.prev_cap).map(|m| m.ki));
    for m in raw.iter_mut() {
        if m.single && person_keys.contains(&m.ki) {
            m.person_like = true;
        }
    }

    let mut c = Ctx {
        caller: ctx
            .countries
            .iter()
            .filter_map(|s| gaz.country_index(s))
            .collect(),
        ..Ctx::default()
    };
    // pass A: resolve with the caller's context only, to learn the article's countries/regions
    let mut countries = Vec::new();
    let mut admin1 = Vec::new();
    for m in &raw {
        if let (Some((_, e, _)), _) = ranked(m, &c) {
            if e.country != NO_COUNTRY && e.kind != Kind::Continent {
                countries.push((e.country, m.ki));
            }
            if e.kind == Kind::Admin1 {
                admin1.push((e.admin1, m.ki));
            }
        }
    }
    c.countries = countries;
    c.admin1 = admin1;
    // pass B
    let mut out = Vec::with_capacity(raw.len());
    for m in &raw {
        let (Some((s, e, flags)), second) = ranked(m, &c) else {
            continue;
        };
        let e = gaz.entry(e.id);
        let mut why = why_text(&e, flags, m.why_forced.as_deref());
        let _ = write!(why, "; score {s:.1}");
        if let Some((s2, e2, _)) = second {
            let e2 = gaz.entry(e2.id);
            let _ = write!(why, "; beat {} ({}) {s2:.1}", e2.name, e2.country);
        }
        out.push(mention(text, m.span, &e, why));
    }
    out
}

fn mention(text: &str, span: (usize, usize), e: &Entry<'_>, why: String) -> PlaceMention {
    let precision = match e.kind {
        Kind::Country => "country",
        Kind::Admin1 => "admin1",
        Kind::Continent => "region",
        Kind::Landmark if e.country.is_empty() => "region",
        _ => "place",
    };
    PlaceMention {
        span,
        text: text[span.0..span.1].to_string(),
        name: e.name.to_string(),
        country: (!e.country.is_empty()).then(|| e.country.to_string()),
        admin1: if e.kind == Kind::Country {
            None
        } else {
            e.admin1.map(str::to_string)
        },
        lat: e.lat,
        lon: e.lon,
        precision,
        population: e.population,
        kind: e.kind,
        feature_class: e.feature_class,
        geonameid: e.geonameid,
        why,
    }
}

/// Is token `i` directly preceded by a locative word ("in", "near", …)?
fn prev_locative(text: &str, toks: &[Tok], i: usize) -> bool {
    i > 0 && {
        let p = &toks[i - 1];
        !p.cap && text[p.end..toks[i].start].trim().is_empty() && in_list(LOCATIVE, p.key.as_str())
    }
}

fn key_len(t: &Tok, at_base: bool) -> usize {
    if at_base {
        t.base_key.len()
    } else {
        t.key.len()
    }
}

/// Candidate names, and the key indexes of single words read as persons after a title.
fn recognise(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Tok],
    ctx: &PlaceContext,
) -> (Vec<RawMatch>, Vec<usize>) {
    let mut out: Vec<RawMatch> = Vec::new();
    let mut person_keys = Vec::new();
    let n = toks.len();
    let mut i = 0;
    let mut key = String::new();
    while i < n {
        let t = &toks[i];
        if !t.cap || t.key.is_empty() {
            i += 1;
            continue;
        }
        key.clear();
        // (last token, key index, ends at the possessive base)
        let mut best: Option<(usize, usize, bool)> = None;
        for j in i..n.min(i + 7) {
            if j > i {
                let gap = &text[toks[j - 1].end..toks[j].start];
                if !joinable(gap, &toks[j - 1]) || toks[j].key.is_empty() {
                    break;
                }
                key.push(' ');
            }
            let plen = key.len();
            let endable = toks[j].has_upper
                || j > i
                    && (toks[j].key.bytes().all(|b| b.is_ascii_digit())
                        || in_list(GENERIC_END, toks[j].key.as_str()));
            if toks[j].possessive && !toks[j].base_key.is_empty() && endable {
                key.push_str(&toks[j].base_key);
                if let (Some(ki), _) = gaz.find_and_extend(&key) {
                    best = Some((j, ki, true));
                }
                key.truncate(plen);
            }
            key.push_str(&toks[j].key);
            let (exact, more) = gaz.find_and_extend(&key);
            if endable && best.is_none_or(|b| b.0 != j) {
                // (a possessive base match at this token wins over "Canadas", "Frances")
                if let Some(ki) = exact {
                    best = Some((j, ki, false));
                }
            }
            if !more || j + 1 >= n {
                break;
            }
        }
        let Some((j, ki, at_base)) = best else {
            i += 1;
            continue;
        };
        let single = j == i;
        let mut accept = !toks[j].key.bytes().all(|b| b.is_ascii_digit()); // "October 6"
        if single {
            let k = if at_base {
                t.base_key.as_str()
            } else {
                t.key.as_str()
            };
            let short_caps = t.all_caps && t.end - t.start <= 4;
            if !short_caps
                && (in_list(STOP, k) || in_list(GIVEN_NAMES, k) && !prev_locative(text, toks, i))
                || t.sent_start && in_list(COMMON_INITIAL, k)
                || k.len() < 2
            {
                accept = false;
            }
        }
        // previous word
        let prev = if i > 0 { Some(&toks[i - 1]) } else { None };
        let prev_gap = prev.map(|p| &text[p.end..t.start]).unwrap_or("");
        let prev_word = prev.filter(|_| prev_gap.trim().is_empty() || prev_gap.trim() == ".");
        if let Some(p) = prev_word {
            if in_list(TITLES, p.key.as_str()) && p.cap {
                accept = false;
                if single {
                    person_keys.push(ki);
                }
            }
        }
        let mut span = (
            t.start,
            if at_base {
                toks[j].base_end
            } else {
                toks[j].end
            },
        );
        // "U.S." keeps its final period
        if toks[j].end - toks[j].start == 1 && text[toks[j].end..].starts_with('.') {
            span.1 += 1;
        }
        if ctx.is_actor_span(span) {
            accept = false;
        }
        if !accept {
            i += 1;
            continue;
        }
        let mut cands: Vec<Cand> = gaz
            .postings(ki)
            .take(MAX_CANDIDATES)
            .map(|(id, alt)| Cand {
                c: gaz.core(id),
                alt,
            })
            .collect();
        // short all-caps tokens ("WHO", "CDC", "AP") and letter abbreviations ("B.B."): only
        // hand aliases of strong entries ("US", "U.K.", "DRC", "NSW")
        let letters = toks[i..=j].iter().all(|x| x.end - x.start == 1);
        if single && t.all_caps && t.end - t.start <= 4 || !single && letters {
            cands.retain(|x| !x.alt && !matches!(x.c.kind, Kind::Place | Kind::Admin2));
        }
        // very short alternate names of places ("Lu", "Jin"): usually something else; two-letter
        // names ("Bo", "Lu") need a locative word before them
        if single && key_len(t, at_base) <= 3 {
            let cue = prev_locative(text, toks, i);
            let two = key_len(t, at_base) <= 2 && !t.all_caps;
            cands.retain(|x| {
                !matches!(x.c.kind, Kind::Place | Kind::Admin2) || !x.alt && (!two || cue)
            });
        }
        // "West Nile virus", "Reston ebolavirus", "Spanish flu": a disease, not a place
        if let Some(nx) = toks.get(j + 1) {
            if !nx.cap
                && text[toks[j].end..nx.start].trim().is_empty()
                && in_list(DISEASE_NEXT, &nx.key)
            {
                cands.clear();
            }
        }
        if cands.is_empty() {
            i += 1;
            continue;
        }
        let locative_cue = prev
            .filter(|p| !p.cap && text[p.end..t.start].trim().is_empty())
            .is_some_and(|p| in_list(LOCATIVE, p.key.as_str()));
        let prev_cap = prev_word.is_some_and(|p| {
            p.cap
                && !p.all_caps
                && !in_list(PLACE_SUFFIX, p.key.as_str())
                && !p.sent_start
                && text[p.end..t.start] == *" "
                && !in_list(LOCATIVE, p.key.as_str())
                && out.last().is_none_or(|m| m.t1 != i - 1)
        });
        let next = toks.get(j + 1);
        let next_cap = next.is_some_and(|nx| {
            nx.cap
                && &text[toks[j].end..nx.start] == " "
                && !(toks[j].possessive && at_base)
                && !in_list(PLACE_SUFFIX, nx.key.as_str())
        });
        out.push(RawMatch {
            t1: j,
            span,
            ki,
            cands,
            locative_cue,
            forced: None,
            why_forced: None,
            prev_cap,
            next_cap,
            person_like: false,
            single,
        });
        i = j + 1;
    }
    (out, person_keys)
}

fn best_prior(cands: &[Cand]) -> (f64, bool) {
    let mut best = f64::MIN;
    let mut strong = false;
    for x in cands {
        best = best.max(score(&x.c, x.alt));
        strong |= !x.alt
            && (x.c.kind == Kind::Country
                || x.c.kind == Kind::Admin1 && !namesake_city_dominates(cands, &x.c));
    }
    (best, strong)
}

/// "X, Y" where Y is a country/region containing a candidate of X: fix both. Not applied to
/// lists ("Texas, Oklahoma and Kansas", "A, X, Y"), nor when X is primarily a country or
/// first-level region name, nor when a reading is far less likely (> 4 points) than the
/// name's best reading.
fn apply_patterns(text: &str, raw: &mut [RawMatch]) {
    for k in 0..raw.len().saturating_sub(1) {
        let gap = &text[raw[k].span.1..raw[k + 1].span.0];
        if !gap.starts_with(',') || !gap[1..].trim().is_empty() || gap.len() > 3 {
            continue;
        }
        // list-like: a mention right before X with a comma, or Y followed by ", Z"/"and Z"
        if k > 0 && text[raw[k - 1].span.1..raw[k].span.0].trim() == "," {
            continue;
        }
        if let Some(z) = raw.get(k + 2) {
            let g2 = text[raw[k + 1].span.1..z.span.0].trim();
            if matches!(g2, "," | "and" | "or" | ", and" | ", or") {
                continue;
            }
        }
        let (x_best, x_strong) = best_prior(&raw[k].cands);
        if x_strong {
            continue;
        }
        let (y_best, _) = best_prior(&raw[k + 1].cands);
        let mut best: Option<(f64, u32, u32)> = None;
        for x in &raw[k].cands {
            let xs = score(&x.c, x.alt);
            if xs < x_best - 4.0 {
                continue;
            }
            for y in &raw[k + 1].cands {
                if !matches!(y.c.kind, Kind::Country | Kind::Admin1 | Kind::Admin2)
                    || !contains(&y.c, &x.c)
                {
                    continue;
                }
                let ys = score(&y.c, y.alt);
                if ys < y_best - 4.0 {
                    continue;
                }
                if best.is_none_or(|b| xs + ys > b.0) {
                    best = Some((xs + ys, x.c.id, y.c.id));
                }
            }
        }
        if let Some((_, xa, ya)) = best {
            raw[k].forced = Some(xa);
            raw[k].why_forced = Some("\"X, Y\" pattern (Y contains X)".to_string());
            if raw[k + 1].forced.is_none() {
                raw[k + 1].forced = Some(ya);
                raw[k + 1].why_forced = Some("contains the preceding place".to_string());
            }
        }
    }
}

/// How [`locate_event`] chose the place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventPlace {
    pub place: PlaceMention,
    /// `governed` ("in/at/near X" closest to the trigger), `sentence` (first place of the
    /// sentence) or `country` (fallback to the article's first known country).
    pub how: &'static str,
}

const EVENT_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "into",
    "from",
    "on",
    "off",
    "within",
];

/// Pick the place of an event.
///
/// 1. Among `mentions` inside `sentence` (byte span into `text`), those directly governed by a
///    locative preposition (in, at, near, outside, inside, across, around, throughout, into, from,
///    on, off, within — allowing "the" and direction words in between: "in northern Syria") —
///    the one closest to the trigger span (ties: after the trigger).
/// 2. Else the first mention in the sentence.
/// 3. Else the first of `fallback_countries` (ISO3) known to the gazetteer, at country
///    precision, with an empty span.
pub fn locate_event(
    gaz: &Gazetteer,
    text: &str,
    mentions: &[PlaceMention],
    trigger: (usize, usize),
    sentence: (usize, usize),
    fallback_countries: &[String],
) -> Option<EventPlace> {
    let in_sent: Vec<&PlaceMention> = mentions
        .iter()
        .filter(|m| m.span.0 >= sentence.0 && m.span.1 <= sentence.1)
        .collect();
    let governed = |m: &PlaceMention| -> bool {
        let before = text.get(sentence.0.min(m.span.0)..m.span.0).unwrap_or("");
        let mut words = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev();
        for _ in 0..3 {
            match words.next() {
                Some(w) => {
                    let w = w.to_ascii_lowercase();
                    if EVENT_PREPS.contains(&w.as_str()) {
                        return true;
                    }
                    if !(w == "the"
                        || matches!(
                            w.as_str(),
                            "northern"
                                | "southern"
                                | "eastern"
                                | "western"
                                | "central"
                                | "north"
                                | "south"
                                | "east"
                                | "west"
                                | "northeastern"
                                | "northwestern"
                                | "southeastern"
                                | "southwestern"
                                | "downtown"
                                | "rural"
                        ))
                    {
                        return false;
                    }
                }
                None => return false,
            }
        }
        false
    };
    let dist = |m: &PlaceMention| -> (usize, u8) {
        if m.span.0 >= trigger.1 {
            (m.span.0 - trigger.1, 0)
        } else {
            (trigger.0.saturating_sub(m.span.1), 1)
        }
    };
    if let Some(m) = in_sent
        .iter()
        .filter(|m| governed(m))
        .min_by_key(|m| dist(m))
    {
        return Some(EventPlace {
            place: (*m).clone(),
            how: "governed",
        });
    }
    if let Some(m) = in_sent.first() {
        return Some(EventPlace {
            place: (*m).clone(),
            how: "sentence",
        });
    }
    for c in fallback_countries {
        if let Some(e) = gaz.country(c) {
            let mut p = mention(text, (0, 0), &e, "fallback: article country".to_string());
            p.text.clear();
            return Some(EventPlace {
                place: p,
                how: "country",
            });
        }
    }
    None
}
