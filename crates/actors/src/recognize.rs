//! Actor recognition: longest match of knowledge-base names over normalised tokens,
//! then composition of adjacent pieces into one mention.

use crate::kb::{CaseRule, EntryKind, KnowledgeBase, NameHow, NameRef};
use crate::normalize::norm_token;
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use flashpoint_model::Span;
use flashpoint_text::Document;
use std::ops::Range;

/// One recognised piece of a mention (for `explain`).
#[derive(Clone, Debug, PartialEq)]
pub struct MentionPart {
    pub span: Span,
    /// `country`, `adjective`, `metonym`, `agent`, `entity`, `person`, `name`.
    pub how: &'static str,
    /// Knowledge-base id (entities) or the agent's sector.
    pub entry: Option<String>,
}

/// An actor mention in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    /// Token indices (into [`Document::tokens`]).
    pub tokens: Range<usize>,
    /// CAMEO-style code (`USAGOV`, `IGOUNO`, `IRN`, or a bare sector like `REB`).
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// The knowledge-base id of the main entry, if any.
    pub entry: Option<String>,
    /// True if the mention is only a country name or a capital: it may also be a place.
    pub place_like: bool,
    pub parts: Vec<MentionPart>,
    /// Why the sector/code was chosen.
    pub why: String,
}

/// Finds actor mentions. Build once per knowledge base; cheap to share across threads.
pub struct Recognizer<'kb> {
    kb: &'kb KnowledgeBase,
    ac: AhoCorasick,
    keys: Vec<&'kb str>,
}

#[derive(Clone, Debug)]
struct Item {
    tokens: Range<usize>,
    r: NameRef,
    /// Index of the matched key in [`Recognizer::keys`].
    key: u32,
}

fn kind_rank(kb: &KnowledgeBase, r: &NameRef) -> u8 {
    if r.how == NameHow::Agent {
        return 9;
    }
    match kb.entry(r.target).kind {
        EntryKind::Person => 0,
        EntryKind::Group => 1,
        EntryKind::Body => 2,
        EntryKind::Org => 3,
        EntryKind::Country => 4,
    }
}

/// Place names that contain a country name but are not actors. They take part in the
/// leftmost-longest match so that "Latin America" does not yield "America" (USA).
const PLACE_NAMES: &[&str] = &[
    "latin america",
    "south america",
    "north america",
    "central america",
    "south china sea",
    "east china sea",
    "gulf of guinea",
    "niger delta",
    "gulf of mexico",
    "new guinea",
    "indochina",
    "east timor sea",
    "sea of japan",
    "korean peninsula",
    "arabian peninsula",
    "arabian sea",
    "persian gulf",
    "gulf of oman",
    "horn of africa",
    "west africa",
    "east africa",
    "north africa",
    "southern africa",
    "central africa",
    "south asia",
    "southeast asia",
    "central asia",
    "east asia",
    "middle east",
    "indian ocean",
    "americas",
    "congo river",
    "jordan river",
    "nile river",
    "british columbia",
    "new england",
    "new south wales",
    "western australia",
    // Not places, but phrases whose words are role words only by accident.
    "general election",
    "general elections",
    "artificial intelligence",
];

/// Country names that are also given names: "Chad Smith", "Jordan Henderson".
const GIVEN_NAMES: &[&str] = &["jordan", "chad", "georgia", "israel"];

/// Words after a country name that do not make it a given name ("in Syria Monday").
const NOT_SURNAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
    "On",
    "In",
    "And",
    "But",
];

/// Sectors of actors that are local to where they are: "rebels in Chad" are Chadian,
/// "troops in Iraq" need not be Iraqi.
const LOCAL_SECTORS: &[&str] = &[
    "REB", "OPP", "CVL", "EDU", "LAB", "PTY", "GOV", "LEG", "JUD", "COP", "AGR", "BUS", "REL",
    "MED", "JRN",
];

const CONNECTORS: &[&str] = &["'s", "'", "the"];

impl<'kb> Recognizer<'kb> {
    pub fn new(kb: &'kb KnowledgeBase) -> Recognizer<'kb> {
        let mut keys: Vec<&str> = kb
            .names
            .keys()
            .map(String::as_str)
            .chain(PLACE_NAMES.iter().copied())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let patterns: Vec<String> = keys.iter().map(|k| format!(" {k}")).collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("aho-corasick automaton over knowledge-base names");
        Recognizer { kb, ac, keys }
    }

    pub fn kb(&self) -> &'kb KnowledgeBase {
        self.kb
    }

    /// Mentions in sentence `s` of `doc`, resolving dated roles on `date`.
    pub fn find(&self, doc: &Document, s: usize, date: NaiveDate) -> Vec<Mention> {
        let range = doc.sentences[s].tokens.clone();
        let mut items = self.match_items(doc, range.clone());
        let drop: Vec<bool> = (0..items.len())
            .map(|i| self.given_name(doc, &range, &items[i], items.get(i + 1)))
            .collect();
        let mut keep = drop.iter().map(|d| !d);
        items.retain(|_| keep.next().unwrap_or(true));
        self.compose(doc, range, &items, date)
    }

    fn match_items(&self, doc: &Document, range: Range<usize>) -> Vec<Item> {
        // Key string " tok tok tok" with token boundaries.
        let mut key = String::with_capacity(64);
        let mut starts: Vec<(usize, usize)> = Vec::new(); // (key offset of the space, token)
        let mut ends: Vec<(usize, usize)> = Vec::new(); // (key end offset, token)
        for k in range {
            let n = norm_token(doc.token_text(k));
            if n.is_empty() {
                continue;
            }
            starts.push((key.len(), k));
            key.push(' ');
            key.push_str(&n);
            ends.push((key.len(), k));
        }
        let mut items = Vec::new();
        for m in self.ac.find_iter(&key) {
            if key.as_bytes().get(m.end()).is_some_and(|&b| b != b' ') {
                continue;
            }
            let Ok(si) = starts.binary_search_by_key(&m.start(), |&(o, _)| o) else {
                continue;
            };
            let Ok(ei) = ends.binary_search_by_key(&m.end(), |&(o, _)| o) else {
                continue;
            };
            let tokens = starts[si].1..ends[ei].1 + 1;
            let name = self.keys[m.pattern().as_usize()];
            let Some(refs) = self.kb.names.get(name) else {
                continue;
            };
            let best = refs
                .iter()
                .filter(|r| self.case_ok(doc, &tokens, r.case))
                .min_by_key(|r| kind_rank(self.kb, r));
            if let Some(r) = best {
                items.push(Item {
                    tokens,
                    r: *r,
                    key: m.pattern().as_usize() as u32,
                });
            }
        }
        items
    }

    fn case_ok(&self, doc: &Document, tokens: &Range<usize>, rule: CaseRule) -> bool {
        match rule {
            CaseRule::Any => true,
            CaseRule::Upper => tokens.clone().all(|k| {
                doc.token_text(k)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            }),
            CaseRule::Capitalised => tokens
                .clone()
                .any(|k| doc.token_text(k).starts_with(|c: char| c.is_uppercase())),
        }
    }

    fn can_follow(&self, prev: &Item, next: &Item) -> bool {
        use NameHow::*;
        let next_kind = (next.r.how != Agent).then(|| self.kb.entry(next.r.target).kind);
        match prev.r.how {
            // Iran / Iranian / Tehran + role, person, national body or organisation
            Name | Adjective | Metonym
                if prev.r.how == Adjective
                    || self.kb.entry(prev.r.target).kind == EntryKind::Country =>
            {
                next.r.how == Agent
                    || matches!(
                        next_kind,
                        Some(EntryKind::Person | EntryKind::Body | EntryKind::Group)
                    )
            }
            Agent => next.r.how == Agent || next_kind == Some(EntryKind::Person),
            // Hamas + leader, the Pentagon + spokesman, ISIL + fighters
            Name => next.r.how == Agent,
            _ => false,
        }
    }

    /// "forces of Iran", "rebels in Chad", "opposition parties in the Ivory Coast": a
    /// role word without a country followed by of/in + a country name.
    fn of_country(&self, doc: &Document, group: &[Item], next: &Item) -> bool {
        let Some(last) = group.last() else {
            return false;
        };
        if last.r.how != NameHow::Agent
            || next.r.how != NameHow::Name
            || self.kb.entry(next.r.target).kind != EntryKind::Country
            || group.iter().any(|g| g.r.how != NameHow::Agent)
        {
            return false;
        }
        let gap: Vec<String> = (last.tokens.end..next.tokens.start)
            .map(|k| doc.token_text(k).to_ascii_lowercase())
            .collect();
        let gap: Vec<&str> = gap.iter().map(String::as_str).collect();
        match gap.as_slice() {
            ["of"] | ["of", "the"] => true,
            ["in"] | ["in", "the"] => {
                let a = &self.kb.agents[group[0].r.target as usize];
                LOCAL_SECTORS.contains(&a.sector.as_str())
            }
            _ => false,
        }
    }

    /// The person a matched name means: among the people with that name, one of the
    /// country named before it, then one holding a role on the date ("King Abdullah").
    fn pick_person(
        &self,
        doc: &Document,
        it: &Item,
        country: Option<&str>,
        date: NaiveDate,
    ) -> &'kb crate::Entry {
        let first = self.kb.entry(it.r.target);
        let Some(refs) = self.kb.names.get(self.keys[it.key as usize]) else {
            return first;
        };
        let people: Vec<&crate::Entry> = refs
            .iter()
            .filter(|r| r.how != NameHow::Agent && self.case_ok(doc, &it.tokens, r.case))
            .map(|r| self.kb.entry(r.target))
            .filter(|e| e.kind == EntryKind::Person)
            .collect();
        if people.len() < 2 {
            return first;
        }
        people
            .iter()
            .enumerate()
            .max_by_key(|(i, e)| {
                (
                    country.is_some() && e.country.as_deref() == country,
                    e.role_on(date).is_some(),
                    std::cmp::Reverse(*i),
                )
            })
            .map_or(first, |(_, e)| e)
    }

    /// Drops country names used as given names: "Chad Smith", "Jordan Henderson".
    fn given_name(
        &self,
        doc: &Document,
        range: &Range<usize>,
        it: &Item,
        next: Option<&Item>,
    ) -> bool {
        if it.r.how != NameHow::Name
            || it.tokens.len() != 1
            || self.kb.entry(it.r.target).kind != EntryKind::Country
            || !GIVEN_NAMES.contains(&self.keys[it.key as usize])
        {
            return false;
        }
        let k = it.tokens.end;
        k < range.end
            && next.is_none_or(|n| n.tokens.start != k)
            && is_name_token(doc.token_text(k))
            && !NOT_SURNAMES.contains(&doc.token_text(k))
    }

    fn compose(
        &self,
        doc: &Document,
        range: Range<usize>,
        items: &[Item],
        date: NaiveDate,
    ) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < items.len() {
            // Coordinated adjectives sharing a head: "Hungarian and Romanian officials" →
            // one mention per adjective, each composed with the shared head.
            let mut chain = i;
            while chain + 1 < items.len()
                && items[chain].r.how == NameHow::Adjective
                && items[chain + 1].r.how == NameHow::Adjective
                && is_coordination(doc, items[chain].tokens.end..items[chain + 1].tokens.start)
            {
                chain += 1;
            }
            if chain > i {
                let head = items.get(chain + 1).filter(|h| {
                    h.tokens.start == items[chain].tokens.end && self.can_follow(&items[chain], h)
                });
                if let Some(head) = head {
                    for adj in &items[i..chain] {
                        if let Some(mut m) =
                            self.resolve(doc, &range, &[adj.clone(), head.clone()], date)
                        {
                            m.span = Span::new(
                                doc.tokens[adj.tokens.start].span.start,
                                doc.tokens[adj.tokens.end - 1].span.end,
                            );
                            m.tokens = adj.tokens.clone();
                            m.why.push_str("; coordinated with the head that follows");
                            out.push(m);
                        }
                    }
                    i = chain;
                }
            }
            let mut group = vec![items[i].clone()];
            let mut j = i + 1;
            while j < items.len() {
                let last = group.last().unwrap();
                let gap_ok = (last.tokens.end..items[j].tokens.start)
                    .all(|k| CONNECTORS.contains(&doc.token_text(k).to_ascii_lowercase().as_str()));
                if gap_ok && self.can_follow(last, &items[j]) {
                    group.push(items[j].clone());
                    j += 1;
                } else if self.of_country(doc, &group, &items[j]) {
                    // "forces of Iran", "rebels in Chad"
                    group.push(items[j].clone());
                    j += 1;
                } else {
                    break;
                }
            }
            if let Some(m) = self.resolve(doc, &range, &group, date) {
                out.push(m);
            }
            i = j;
        }
        out
    }

    fn resolve(
        &self,
        doc: &Document,
        range: &Range<usize>,
        group: &[Item],
        date: NaiveDate,
    ) -> Option<Mention> {
        let mut country: Option<String> = None;
        let mut sector: Option<String> = None;
        let mut agent_code: Option<String> = None;
        let mut entry: Option<String> = None;
        let mut entity_code: Option<String> = None;
        let mut parts = Vec::new();
        let mut why = Vec::new();
        let mut tokens = group[0].tokens.start..group.last().unwrap().tokens.end;
        let mut has_agent = false;
        let mut metonym = false;
        let mut only_adjective = true;
        for it in group {
            let span = Span::new(
                doc.tokens[it.tokens.start].span.start,
                doc.tokens[it.tokens.end - 1].span.end,
            );
            if it.r.how != NameHow::Adjective {
                only_adjective = false;
            }
            if it.r.how == NameHow::Agent {
                let a = &self.kb.agents[it.r.target as usize];
                // The first role word sets the sector: "army spokesman" is MIL,
                // "opposition leader" OPP.
                // After a body, group or organisation the entity keeps its own sector:
                // "Hamas leader" is Hamas, "Pentagon spokesman" is the Pentagon.
                if !has_agent && entity_code.is_none() {
                    sector = Some(a.sector.clone());
                    agent_code = Some(a.agent.clone().unwrap_or_else(|| a.sector.clone()));
                }
                has_agent = true;
                why.push(format!(
                    "role word {:?} → {}",
                    span.slice(doc.text),
                    a.sector
                ));
                parts.push(MentionPart {
                    span,
                    how: "agent",
                    entry: Some(a.sector.clone()),
                });
                continue;
            }
            let e = self.kb.entry(it.r.target);
            match (it.r.how, e.kind) {
                (NameHow::Adjective, _) => {
                    country = Some(e.code.clone());
                    parts.push(MentionPart {
                        span,
                        how: "adjective",
                        entry: Some(e.id.clone()),
                    });
                }
                (NameHow::Metonym, _) => {
                    country = Some(e.code.clone());
                    metonym = true;
                    if sector.is_none() {
                        sector = Some("GOV".into());
                        why.push(format!(
                            "{:?} is a seat of government → GOV",
                            span.slice(doc.text)
                        ));
                    }
                    parts.push(MentionPart {
                        span,
                        how: "metonym",
                        entry: Some(e.id.clone()),
                    });
                }
                (_, EntryKind::Country) => {
                    country = e.country.clone();
                    parts.push(MentionPart {
                        span,
                        how: "country",
                        entry: Some(e.id.clone()),
                    });
                }
                (_, EntryKind::Person) => {
                    let e = self.pick_person(doc, it, country.as_deref(), date);
                    if country.is_none() {
                        country = e.country.clone();
                    }
                    let (s, role) = e.sector_on(date);
                    match role {
                        Some(r) => why.push(format!(
                            "{} was {} on {date} → {}",
                            e.name, r.title, r.sector
                        )),
                        None => why.push(format!(
                            "{}: no role on {date}{}",
                            e.name,
                            s.as_ref().map(|s| format!(" → {s}")).unwrap_or_default()
                        )),
                    }
                    if let Some(c) = role.and_then(|r| r.country.clone()) {
                        country = Some(c);
                    }
                    if !has_agent {
                        sector = s;
                    }
                    entry = Some(e.id.clone());
                    parts.push(MentionPart {
                        span,
                        how: "person",
                        entry: Some(e.id.clone()),
                    });
                }
                (_, EntryKind::Body)
                    if country.is_some() && e.country.is_some() && country != e.country =>
                {
                    // "Peru's Congress", "Russia's Ministry of Defence": a body named with a
                    // generic name; the explicit country wins, the body gives the sector.
                    if !has_agent {
                        sector = e.sector.clone();
                    }
                    why.push(format!(
                        "{} is {}'s; the country before it wins → {}",
                        e.name,
                        e.country.as_deref().unwrap_or("?"),
                        e.sector.as_deref().unwrap_or("-")
                    ));
                    parts.push(MentionPart {
                        span,
                        how: "entity",
                        entry: Some(e.id.clone()),
                    });
                }
                (_, _) => {
                    if e.country.is_some() {
                        country = e.country.clone();
                    }
                    if !has_agent {
                        sector = e.sector.clone();
                    }
                    entity_code = Some(e.code.clone());
                    entry = Some(e.id.clone());
                    why.push(format!("{} ({})", e.name, e.code));
                    parts.push(MentionPart {
                        span,
                        how: "entity",
                        entry: Some(e.id.clone()),
                    });
                }
            }
        }
        // A lone adjective modifies something that is not an actor ("Iranian oil"),
        // except plural demonyms ("Iranians") which mean the people.
        if only_adjective {
            let t = doc.token_text(tokens.end - 1);
            if !(t.ends_with('s') && t.starts_with(|c: char| c.is_uppercase())) {
                return None;
            }
            sector = Some("CVL".into());
            why.push("plural demonym → CVL".into());
        }
        // Unknown capitalised name after a role word: "Prime Minister Adel Abdul Mahdi".
        if group.last().is_some_and(|g| g.r.how == NameHow::Agent) {
            let mut k = tokens.end;
            while k < range.end && k < tokens.end + 4 && is_name_token(doc.token_text(k)) {
                k += 1;
            }
            if k > tokens.end {
                let span = Span::new(
                    doc.tokens[tokens.end].span.start,
                    doc.tokens[k - 1].span.end,
                );
                parts.push(MentionPart {
                    span,
                    how: "name",
                    entry: None,
                });
                why.push(format!(
                    "unknown name {:?} after role word",
                    span.slice(doc.text)
                ));
                tokens.end = k;
            }
        }
        // "former US President Barack Obama", "ex-minister": a former office-holder.
        let has_person_or_role = has_agent || parts.iter().any(|p| p.how == "person");
        if has_person_or_role && sector.as_deref() != Some("ELI") {
            let mut k = tokens.start;
            if k > range.start && matches!(doc.token_text(k - 1), "-" | "\u{2010}" | "\u{2011}") {
                k -= 1;
            }
            if k > range.start
                && matches!(
                    doc.token_text(k - 1).to_ascii_lowercase().as_str(),
                    "former" | "ex"
                )
            {
                tokens.start = k - 1;
                sector = Some("ELI".into());
                why.push(format!("{:?} → ELI", doc.token_text(k - 1)));
            }
        }
        let code = match (&entity_code, &country, has_agent) {
            (Some(c), _, false) => c.clone(),
            (_, Some(c), _) => format!("{c}{}", sector.as_deref().unwrap_or("")),
            (Some(c), None, true) => c.clone(),
            (None, None, _) => agent_code.clone().unwrap_or_default(),
        };
        let span = Span::new(
            doc.tokens[tokens.start].span.start,
            doc.tokens[tokens.end - 1].span.end,
        );
        Some(Mention {
            span,
            tokens,
            code,
            country,
            sector,
            entry,
            place_like: group.len() == 1
                && (metonym || parts.first().is_some_and(|p| p.how == "country")),
            parts,
            why: why.join("; "),
        })
    }
}

/// Tokens between two coordinated items: "and", "or", ",", ", and".
fn is_coordination(doc: &Document, gap: Range<usize>) -> bool {
    !gap.is_empty()
        && gap.len() <= 2
        && gap.into_iter().all(|k| {
            matches!(
                doc.token_text(k).to_ascii_lowercase().as_str(),
                "and" | "or" | ","
            )
        })
}

fn is_name_token(t: &str) -> bool {
    let mut chars = t.chars();
    chars.next().is_some_and(char::is_uppercase)
        && t.len() > 1
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !matches!(
            t,
            "The" | "On" | "In" | "At" | "And" | "But" | "Said" | "Says"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::KbBuilder;

    const KB: &str = r#"
[[country]]
id = "irn"
code = "IRN"
name = "Iran"
adjectives = ["Iranian", "Iranians"]
capital = "Tehran"
metonyms = ["Tehran"]

[[country]]
id = "usa"
code = "USA"
name = "United States"
aliases = ["US", "U.S.", "America"]
adjectives = ["American"]
metonyms = ["Washington", "the White House"]

[[country]]
id = "irq"
code = "IRQ"
name = "Iraq"
adjectives = ["Iraqi"]

[[body]]
id = "irn-irgc"
name = "Revolutionary Guards"
aliases = ["IRGC"]
country = "IRN"
sector = "MIL"

[[org]]
id = "igo-un"
name = "United Nations"
aliases = ["UN", "U.N."]
code = "IGOUNO"
kind = "IGO"
sector = "IGO"

[[person]]
id = "p-trump"
name = "Donald Trump"
aliases = ["Trump"]
country = "USA"
roles = [
  { title = "businessman", kind = "business", sector = "BUS", to = "2017-01-19" },
  { title = "President", kind = "head_of_state", sector = "GOV", from = "2017-01-20", to = "2021-01-20" },
]

[[agent]]
words = ["forces", "troops", "general", "army"]
sector = "MIL"

[[agent]]
words = ["spokesman"]
sector = "GOV"

[[agent]]
words = ["prime minister", "president", "secretary of state", "foreign minister"]
sector = "GOV"
"#;

    fn kb() -> KnowledgeBase {
        let mut b = KbBuilder::new();
        b.add_toml("test.toml", KB, 0).unwrap();
        b.build().unwrap()
    }

    fn mentions(
        kb: &KnowledgeBase,
        text: &str,
        date: &str,
    ) -> Vec<(String, String, Option<String>)> {
        let r = Recognizer::new(kb);
        let doc = Document::analyze(text);
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        (0..doc.sentences.len())
            .flat_map(|s| r.find(&doc, s, date))
            .map(|m| (m.span.slice(text).to_string(), m.code, m.sector))
            .collect()
    }

    #[test]
    fn composition_and_dates() {
        let kb = kb();
        type Want<'a> = &'a [(&'a str, &'a str, Option<&'a str>)];
        let cases: &[(&str, &str, Want)] = &[
            (
                "Iran's forces attacked.",
                "2020-01-03",
                &[("Iran's forces", "IRNMIL", Some("MIL"))],
            ),
            (
                "Iraqi Prime Minister Adel Abdul Mahdi spoke.",
                "2020-01-03",
                &[(
                    "Iraqi Prime Minister Adel Abdul Mahdi",
                    "IRQGOV",
                    Some("GOV"),
                )],
            ),
            (
                "Tehran condemned the UN.",
                "2020-01-03",
                &[
                    ("Tehran", "IRNGOV", Some("GOV")),
                    ("UN", "IGOUNO", Some("IGO")),
                ],
            ),
            (
                "Iran's Revolutionary Guards fired.",
                "2020-01-03",
                &[("Iran's Revolutionary Guards", "IRNMIL", Some("MIL"))],
            ),
            (
                "Trump spoke.",
                "2015-06-01",
                &[("Trump", "USABUS", Some("BUS"))],
            ),
            (
                "Trump spoke.",
                "2020-01-03",
                &[("Trump", "USAGOV", Some("GOV"))],
            ),
            (
                "Trump spoke.",
                "2023-01-03",
                &[("Trump", "USAELI", Some("ELI"))],
            ),
            (
                "Iranian oil fell but Iranians protested.",
                "2020-01-03",
                &[("Iranians", "IRNCVL", Some("CVL"))],
            ),
            ("tell us more", "2020-01-03", &[]),
            ("Trade with Latin America grew.", "2020-01-03", &[]),
            (
                "Iranian and Iraqi troops met.",
                "2020-01-03",
                &[
                    ("Iranian", "IRNMIL", Some("MIL")),
                    ("Iraqi troops", "IRQMIL", Some("MIL")),
                ],
            ),
            (
                "The army spokesman said so.",
                "2020-01-03",
                &[("army spokesman", "MIL", Some("MIL"))],
            ),
            (
                "US troops left.",
                "2020-01-03",
                &[("US troops", "USAMIL", Some("MIL"))],
            ),
            (
                "The forces of Iran left.",
                "2020-01-03",
                &[("forces of Iran", "IRNMIL", Some("MIL"))],
            ),
        ];
        for (text, date, want) in cases {
            let got = mentions(&kb, text, date);
            let want: Vec<(String, String, Option<String>)> = want
                .iter()
                .map(|(a, b, c)| (a.to_string(), b.to_string(), c.map(String::from)))
                .collect();
            assert_eq!(got, want, "{text} @ {date}");
        }
    }

    #[test]
    fn validator_problems() {
        let bad = r#"
[[person]]
id = "p-x"
name = "X"
country = "ZZZ"
roles = [
  { title = "President", kind = "head_of_state", sector = "GOV", from = "2010-01-01", to = "2015-01-01" },
  { title = "President again", kind = "head_of_state", sector = "GOVX", from = "2014-01-01", to = "2013-13-01" },
]

[[person]]
id = "p-x"
name = "X2"
country = "IRN"
"#;
        let mut b = KbBuilder::new();
        b.add_toml("test.toml", KB, 0).unwrap();
        b.add_toml("bad.toml", bad, 1).unwrap();
        let problems: Vec<String> = b.problems().iter().map(|p| p.to_string()).collect();
        assert!(problems.iter().any(|p| p.starts_with("bad.toml:2:") && p.contains("unknown sector code \"GOVX\"")), "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("bad date \"2013-13-01\"")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("overlap")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("bad.toml:11:") && p.contains("duplicate id")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("unknown country code \"ZZZ\"")),
            "{problems:?}"
        );
        let err = KbBuilder::new()
            .add_toml("syntax.toml", "[[country]\n", 0)
            .err()
            .unwrap();
        assert!(err.to_string().starts_with("syntax.toml:1:"), "{err}");
    }
}
