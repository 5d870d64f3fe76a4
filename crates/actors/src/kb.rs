//! The runtime knowledge base, built and validated from [`crate::config`] files.

use crate::config::{AgentConfig, CountryConfig, EntityConfig, KbFile, KbFilePlain, PersonConfig};
use crate::normalize::fold_key;
use crate::ActorsError;
use chrono::NaiveDate;
use std::collections::HashMap;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// PLOVER sector codes, plus IGO and NGO for international organisations.
pub const SECTORS: &[&str] = &[
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO",
    "NGO",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    Country,
    Body,
    Org,
    Group,
    Person,
}

/// A date as precise as it was written: `2020`, `2020-01` or `2020-01-03`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateBound {
    /// First day the written date can mean.
    pub first: NaiveDate,
    /// Last day the written date can mean.
    pub last: NaiveDate,
}

impl DateBound {
    pub fn parse(s: &str) -> Option<DateBound> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str| p.parse::<u32>().ok();
        match parts.as_slice() {
            [y] if y.len() == 4 => {
                let y = y.parse().ok()?;
                Some(DateBound {
                    first: NaiveDate::from_ymd_opt(y, 1, 1)?,
                    last: NaiveDate::from_ymd_opt(y, 12, 31)?,
                })
            }
            [y, m] if y.len() == 4 => {
                let y = y.parse().ok()?;
                let m = num(m)?;
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)?
                };
                Some(DateBound {
                    first,
                    last: next.pred_opt()?,
                })
            }
            [y, m, d] if y.len() == 4 => {
                let day = NaiveDate::from_ymd_opt(y.parse().ok()?, num(m)?, num(d)?)?;
                Some(DateBound {
                    first: day,
                    last: day,
                })
            }
            _ => None,
        }
    }
}

/// A dated role of a person.
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    pub title: String,
    pub kind: Option<String>,
    pub sector: String,
    pub org: Option<String>,
    pub country: Option<String>,
    pub from: Option<DateBound>,
    pub to: Option<DateBound>,
    pub confidence: Option<String>,
}

impl Role {
    /// Whether the role holds on `date` (both ends inclusive).
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f.first <= date) && self.to.is_none_or(|t| date <= t.last)
    }
}

/// An actor of the knowledge base.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub kind: EntryKind,
    pub name: String,
    /// CAMEO-style code without sector for countries (`IRN`), full code otherwise
    /// (`IGOUNO`, `IRQREB`, `USAMIL`).
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub roles: Vec<Role>,
    pub default_sector: Option<String>,
    /// `file:line` where the entry is defined.
    pub defined_at: String,
}

impl Entry {
    /// The role that holds on `date`: an office is preferred to a party leadership held
    /// at the same time (Erdogan is president, not AKP leader), then the latest-starting
    /// role, then the one listed first.
    pub fn role_on(&self, date: NaiveDate) -> Option<&Role> {
        self.roles
            .iter()
            .enumerate()
            .filter(|(_, r)| r.holds_on(date))
            .max_by_key(|(i, r)| {
                (
                    r.kind.as_deref() != Some("party_leader"),
                    r.from.map(|f| f.first),
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(_, r)| r)
    }

    /// The person's (or entity's) sector on `date`, and the role that gave it.
    pub fn sector_on(&self, date: NaiveDate) -> (Option<String>, Option<&Role>) {
        if self.kind != EntryKind::Person {
            return (self.sector.clone(), None);
        }
        if let Some(r) = self.role_on(date) {
            return (Some(r.sector.clone()), Some(r));
        }
        if let Some(d) = &self.default_sector {
            return (Some(d.clone()), None);
        }
        // After a government role: former official (ELI).
        let had_role_before = self.roles.iter().any(|r| {
            r.to.is_some_and(|t| t.last < date)
                && matches!(
                    r.sector.as_str(),
                    "GOV" | "MIL" | "SPY" | "LEG" | "JUD" | "COP"
                )
        });
        if had_role_before {
            return (Some("ELI".into()), None);
        }
        (None, None)
    }
}

/// A role word ("president", "troops") and what it says about an actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Agent {
    pub words: Vec<String>,
    pub sector: String,
    pub agent: Option<String>,
    pub kind: Option<String>,
}

/// How a name refers to its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameHow {
    /// The entity's name or alias.
    Name,
    /// A country adjective or demonym ("Iranian").
    Adjective,
    /// A place used for the government ("Tehran", "the Kremlin").
    Metonym,
    /// A role word (an [`Agent`]).
    Agent,
}

/// Case constraint of a name: acronyms must be uppercase in the text ("US", not "us");
/// proper names must start with a capital; role words match any case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseRule {
    Upper,
    Capitalised,
    Any,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRef {
    pub target: u32,
    pub how: NameHow,
    pub case: CaseRule,
}

/// A problem found while building or checking a knowledge base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// The runtime knowledge base.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    pub entries: Vec<Entry>,
    pub agents: Vec<Agent>,
    /// Normalised name key → what it can refer to.
    pub names: HashMap<String, Vec<NameRef>>,
    /// ISO3 → entry index of the country.
    pub countries: HashMap<String, u32>,
    by_id: HashMap<String, u32>,
}

impl KnowledgeBase {
    /// The default knowledge base embedded in the binary (built once).
    pub fn bundled() -> &'static KnowledgeBase {
        static KB: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
        KB.get_or_init(|| {
            let mut b = KbBuilder::new();
            for (name, _, json) in BUNDLED {
                // The bundled files are validated in CI; a broken one must not take the engine down.
                if let Err(e) = b.add_json(name, json, 0) {
                    eprintln!("warning: bundled knowledge base: {e}");
                }
            }
            b.build_lenient()
        })
    }

    /// The bundled files (name, TOML text), e.g. for `flashpoint check actors`.
    pub fn bundled_files() -> impl Iterator<Item = (&'static str, &'static str)> {
        BUNDLED.iter().map(|(name, toml, _)| (*name, *toml))
    }

    /// Adds the bundled files (fast path) to a builder as layer 0.
    pub fn add_bundled(b: &mut KbBuilder) -> Result<(), ActorsError> {
        for (name, _, json) in BUNDLED {
            b.add_json(name, json, 0)?;
        }
        Ok(())
    }

    pub fn entry(&self, i: u32) -> &Entry {
        &self.entries[i as usize]
    }

    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i as usize])
    }

    pub fn country(&self, iso3: &str) -> Option<&Entry> {
        self.countries.get(iso3).map(|&i| &self.entries[i as usize])
    }
}

/// Builds a [`KnowledgeBase`] from TOML files; later layers override earlier ones by id.
/// An entry being built: the entry, its layer, and its names.
type Pending = (Entry, u32, Vec<(String, NameHow)>);

#[derive(Default)]
pub struct KbBuilder {
    entries: Vec<Pending>,
    agents: Vec<(Agent, String)>,
    by_id: HashMap<String, usize>,
    problems: Vec<Problem>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl KbBuilder {
    pub fn new() -> KbBuilder {
        KbBuilder::default()
    }

    /// Reads a file from disk (see [`KbBuilder::add_toml`]).
    pub fn add_file(
        &mut self,
        path: &std::path::Path,
        layer: u32,
    ) -> Result<&mut Self, ActorsError> {
        let text = std::fs::read_to_string(path).map_err(|source| ActorsError::Read {
            file: path.display().to_string(),
            source,
        })?;
        self.add_toml(&path.display().to_string(), &text, layer)
    }

    /// Adds one TOML file. `layer` 0 is the default knowledge base; entries of a
    /// higher layer replace entries with the same id (user overrides). A syntax error
    /// is returned at once; semantic problems are collected for [`KbBuilder::build`].
    pub fn add_toml(
        &mut self,
        file: &str,
        text: &str,
        layer: u32,
    ) -> Result<&mut Self, ActorsError> {
        let parsed: KbFile = toml::from_str(text).map_err(|e| ActorsError::Parse {
            file: file.to_string(),
            line: e.span().map_or(0, |s| line_of(text, s.start)),
            message: e.message().to_string(),
        })?;
        let at = |span: std::ops::Range<usize>| format!("{file}:{}", line_of(text, span.start));
        for c in parsed.country {
            let a = at(c.span());
            self.add_country(c.into_inner(), a, layer);
        }
        for (list, kind) in [
            (parsed.body, EntryKind::Body),
            (parsed.org, EntryKind::Org),
            (parsed.group, EntryKind::Group),
        ] {
            for e in list {
                let a = at(e.span());
                self.add_entity(e.into_inner(), kind, a, layer);
            }
        }
        for p in parsed.person {
            let a = at(p.span());
            self.add_person(p.into_inner(), a, layer);
        }
        for g in parsed.agent {
            let a = at(g.span());
            self.add_agent(g.into_inner(), a);
        }
        Ok(self)
    }

    /// Adds a file in the JSON translation of the TOML format (no line numbers:
    /// entries are located as `file#kind[index]`).
    pub fn add_json(
        &mut self,
        file: &str,
        json: &str,
        layer: u32,
    ) -> Result<&mut Self, ActorsError> {
        let parsed: KbFilePlain = serde_json::from_str(json).map_err(|e| ActorsError::Parse {
            file: file.to_string(),
            line: 0,
            message: e.to_string(),
        })?;
        for (i, c) in parsed.country.into_iter().enumerate() {
            self.add_country(c, format!("{file}#country[{i}]"), layer);
        }
        for (list, kind, k) in [
            (parsed.body, EntryKind::Body, "body"),
            (parsed.org, EntryKind::Org, "org"),
            (parsed.group, EntryKind::Group, "group"),
        ] {
            for (i, e) in list.into_iter().enumerate() {
                self.add_entity(e, kind, format!("{file}#{k}[{i}]"), layer);
            }
        }
        for (i, p) in parsed.person.into_iter().enumerate() {
            self.add_person(p, format!("{file}#person[{i}]"), layer);
        }
        for (i, g) in parsed.agent.into_iter().enumerate() {
            self.add_agent(g, format!("{file}#agent[{i}]"));
        }
        Ok(self)
    }

    fn problem(&mut self, at: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            at: at.to_string(),
            message: message.into(),
        });
    }

    fn check_sector(&mut self, at: &str, s: &str) {
        if !SECTORS.contains(&s) {
            self.problem(
                at,
                format!(
                    "unknown sector code {s:?} (expected one of {})",
                    SECTORS.join(" ")
                ),
            );
        }
    }

    fn insert(&mut self, entry: Entry, layer: u32, names: Vec<(String, NameHow)>) {
        if entry.id.trim().is_empty() {
            self.problem(&entry.defined_at.clone(), "empty id");
        }
        if let Some(&i) = self.by_id.get(&entry.id) {
            let (prev, prev_layer, _) = &self.entries[i];
            if *prev_layer == layer {
                let msg = format!(
                    "duplicate id {:?} (first defined at {})",
                    entry.id, prev.defined_at
                );
                self.problem(&entry.defined_at.clone(), msg);
                return;
            }
            self.entries[i] = (entry, layer, names);
            return;
        }
        self.by_id.insert(entry.id.clone(), self.entries.len());
        self.entries.push((entry, layer, names));
    }

    fn add_country(&mut self, c: CountryConfig, at: String, layer: u32) {
        if c.code.len() != 3 || !c.code.bytes().all(|b| b.is_ascii_uppercase()) {
            self.problem(
                &at,
                format!(
                    "country code {:?} is not an ISO 3166-1 alpha-3 code",
                    c.code
                ),
            );
        }
        let mut names = vec![(c.name.clone(), NameHow::Name)];
        names.extend(c.aliases.iter().map(|a| (a.clone(), NameHow::Name)));
        names.extend(c.adjectives.iter().map(|a| (a.clone(), NameHow::Adjective)));
        names.extend(c.metonyms.iter().map(|a| (a.clone(), NameHow::Metonym)));
        self.insert(
            Entry {
                id: c.id,
                kind: EntryKind::Country,
                name: c.name,
                code: c.code.clone(),
                country: Some(
                    c.parent
                        .filter(|_| c.status.as_deref() == Some("partial"))
                        .unwrap_or(c.code),
                ),
                sector: None,
                roles: vec![],
                default_sector: None,
                defined_at: at,
            },
            layer,
            names,
        );
    }

    pub(crate) fn add_entity(&mut self, e: EntityConfig, kind: EntryKind, at: String, layer: u32) {
        let sector = e.sector.clone().or_else(|| match kind {
            EntryKind::Org => e.kind.clone(),
            _ => None,
        });
        if let Some(s) = &sector {
            self.check_sector(&at, s);
        } else {
            self.problem(&at, format!("{:?} has no sector", e.id));
        }
        for s in &e.other_sectors {
            self.check_sector(&at, s);
        }
        for d in [&e.active_from, &e.active_to].into_iter().flatten() {
            if DateBound::parse(d).is_none() {
                self.problem(
                    &at,
                    format!("bad date {d:?} (use YYYY, YYYY-MM or YYYY-MM-DD)"),
                );
            }
        }
        let code = e
            .code
            .clone()
            .unwrap_or_else(|| match (&e.country, &sector) {
                (Some(c), Some(s)) => format!("{c}{s}"),
                (Some(c), None) => c.clone(),
                (None, Some(s)) => s.clone(),
                (None, None) => String::new(),
            });
        let mut names = vec![(e.name.clone(), NameHow::Name)];
        names.extend(e.aliases.iter().map(|a| (a.clone(), NameHow::Name)));
        self.insert(
            Entry {
                id: e.id,
                kind,
                name: e.name,
                code,
                country: e.country,
                sector,
                roles: vec![],
                default_sector: None,
                defined_at: at,
            },
            layer,
            names,
        );
    }

    pub(crate) fn add_person(&mut self, p: PersonConfig, at: String, layer: u32) {
        let mut roles = Vec::new();
        for r in p.roles {
            self.check_sector(&at, &r.sector);
            let parse = |s: &Option<String>, this: &mut Self| -> Option<DateBound> {
                let s = s.as_ref()?;
                let d = DateBound::parse(s);
                if d.is_none() {
                    this.problem(
                        &at,
                        format!(
                            "{}: bad date {s:?} in role {:?} (use YYYY, YYYY-MM or YYYY-MM-DD)",
                            p.id, r.title
                        ),
                    );
                }
                d
            };
            let from = parse(&r.from, self);
            let to = parse(&r.to, self);
            if let (Some(f), Some(t)) = (from, to) {
                if f.first > t.last {
                    self.problem(
                        &at,
                        format!("{}: role {:?} ends before it starts", p.id, r.title),
                    );
                }
            }
            roles.push(Role {
                title: r.title,
                kind: r.kind,
                sector: r.sector,
                org: r.org,
                country: r.country,
                from,
                to,
                confidence: r.confidence,
            });
        }
        // Overlapping roles of the same kind.
        for i in 0..roles.len() {
            for j in i + 1..roles.len() {
                let (a, b) = (&roles[i], &roles[j]);
                if a.kind.is_some() && a.kind == b.kind {
                    let a_start = a.from.map(|d| d.first);
                    let b_start = b.from.map(|d| d.first);
                    let a_end = a.to.map(|d| d.first);
                    let b_end = b.to.map(|d| d.first);
                    let before = |end: Option<NaiveDate>, start: Option<NaiveDate>| matches!((end, start), (Some(e), Some(s)) if e <= s);
                    if !before(a_end, b_start) && !before(b_end, a_start) {
                        let msg =
                            format!("{}: roles {:?} and {:?} overlap", p.id, a.title, b.title);
                        self.problem(&at, msg);
                    }
                }
            }
        }
        if let Some(s) = &p.default_sector {
            self.check_sector(&at, s);
        }
        let mut names = vec![(p.name.clone(), NameHow::Name)];
        names.extend(p.aliases.iter().map(|a| (a.clone(), NameHow::Name)));
        self.insert(
            Entry {
                id: p.id,
                kind: EntryKind::Person,
                name: p.name,
                code: p.country.clone(),
                country: Some(p.country),
                sector: None,
                roles,
                default_sector: p.default_sector,
                defined_at: at,
            },
            layer,
            names,
        );
    }

    pub(crate) fn add_agent(&mut self, a: AgentConfig, at: String) {
        self.check_sector(&at, &a.sector);
        if a.words.is_empty() {
            self.problem(&at, "agent entry has no words");
        }
        self.agents.push((
            Agent {
                words: a.words,
                sector: a.sector,
                agent: a.agent,
                kind: a.kind,
            },
            at,
        ));
    }

    /// Adds names (and adjectives) to the country with ISO3 `code` defined so far (the
    /// last one with that code). Returns false if no such country has been added.
    pub(crate) fn add_country_names(&mut self, code: &str, names: &[String]) -> bool {
        let Some((_, _, list)) = self
            .entries
            .iter_mut()
            .rev()
            .find(|(e, _, _)| e.kind == EntryKind::Country && e.code == code)
        else {
            return false;
        };
        for n in names {
            let pair = (n.clone(), NameHow::Name);
            if !list.contains(&pair) {
                list.push(pair);
            }
        }
        true
    }

    /// Problems found so far plus cross-file checks (unknown country codes).
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = self.problems.clone();
        let countries: std::collections::HashSet<&str> = self
            .entries
            .iter()
            .filter(|(e, _, _)| e.kind == EntryKind::Country)
            .map(|(e, _, _)| e.code.as_str())
            .collect();
        if !countries.is_empty() {
            for (e, _, _) in &self.entries {
                if let Some(c) = &e.country {
                    if e.kind != EntryKind::Country && !countries.contains(c.as_str()) {
                        problems.push(Problem {
                            at: e.defined_at.clone(),
                            message: format!("{}: unknown country code {c:?}", e.id),
                        });
                    }
                }
            }
        }
        problems
    }

    /// Builds the knowledge base, failing on any problem.
    pub fn build(self) -> Result<KnowledgeBase, ActorsError> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(ActorsError::Invalid(problems));
        }
        Ok(self.build_lenient())
    }

    /// Builds the knowledge base, ignoring problems (entries with problems are still used).
    pub fn build_lenient(self) -> KnowledgeBase {
        let mut kb = KnowledgeBase::default();
        for (i, (entry, _, names)) in self.entries.into_iter().enumerate() {
            for (name, how) in names {
                add_name(
                    &mut kb.names,
                    &name,
                    NameRef {
                        target: i as u32,
                        how,
                        case: case_rule(&name, how),
                    },
                );
            }
            if entry.kind == EntryKind::Country {
                kb.countries.insert(entry.code.clone(), i as u32);
            }
            kb.by_id.insert(entry.id.clone(), i as u32);
            kb.entries.push(entry);
        }
        for (i, (agent, _)) in self.agents.into_iter().enumerate() {
            for w in &agent.words {
                add_name(
                    &mut kb.names,
                    w,
                    NameRef {
                        target: i as u32,
                        how: NameHow::Agent,
                        case: case_rule(w, NameHow::Agent),
                    },
                );
            }
            kb.agents.push(agent);
        }
        kb
    }
}

fn case_rule(name: &str, how: NameHow) -> CaseRule {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase()) {
        CaseRule::Upper
    } else if how == NameHow::Agent {
        CaseRule::Any
    } else if name
        .trim_start_matches("the ")
        .starts_with(|c: char| c.is_uppercase())
    {
        CaseRule::Capitalised
    } else {
        CaseRule::Any
    }
}

fn add_name(names: &mut HashMap<String, Vec<NameRef>>, name: &str, r: NameRef) {
    let key = fold_key(name);
    if key.is_empty() {
        return;
    }
    let v = names.entry(key).or_default();
    if !v.contains(&r) {
        v.push(r);
    }
}
