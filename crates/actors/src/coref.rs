//! Coreference within one article, and compound (coordinated) actors.
//!
//! [`resolve_coreference`] links later, shorter references to the nearest compatible
//! earlier mention of the same article:
//! * a **surname** or other tail of a name ("Abdul Mahdi", "Pompeo") that is not itself a
//!   mention → a new mention with the antecedent's code (`parts[0].how == "surname"`);
//! * a **definite role word** without a country ("the minister", "the general", "the
//!   rebels") → that mention is completed in place with the antecedent's country and
//!   code, when the antecedent carries the same role word head ("Foreign Minister
//!   Zarif" → "the minister") or role kind;
//! * a **personal pronoun** (he, she, him, her) → a new mention with the code of the
//!   last mention of a person (`parts[0].how == "pronoun"`).
//!
//! Every resolved mention says in `why` what it refers to. The antecedent must come
//! earlier in the article (an earlier sentence, or earlier in the same sentence).
//!
//! [`compound_groups`] groups the mentions of a sentence joined by "and" / "," ("the
//! US and Britain") so a coder can treat them as one compound actor.

use crate::{EntryKind, KnowledgeBase, Mention, MentionPart};
use flashpoint_model::Span;
use flashpoint_text::Document;

/// How far back (in sentences) an antecedent is looked for.
const WINDOW: usize = 8;

const PRONOUNS: &[&str] = &["he", "she", "him", "her"];

/// Tokens that may separate the members of a compound actor.
const CONJ: &[&str] = &["and", ",", "&", "the", "both"];

/// Whether the mention refers to one person: a person of the knowledge base or a role
/// word followed by a name ("Prime Minister Adel Abdul Mahdi").
fn is_person(m: &Mention) -> bool {
    m.parts
        .iter()
        .any(|p| matches!(p.how, "person" | "name" | "surname" | "pronoun"))
}

/// The role words of a mention as matching keys ("foreign minister").
fn role_keys(doc: &Document, m: &Mention) -> Vec<String> {
    m.parts
        .iter()
        .filter(|p| p.how == "agent")
        .map(|p| crate::fold_key(p.span.slice(doc.text)))
        .collect()
}

/// The head of the role word(s) of a mention, lowercased and singular ("ministers" →
/// "minister").
fn role_heads(doc: &Document, m: &Mention) -> Vec<String> {
    m.parts
        .iter()
        .filter(|p| p.how == "agent")
        .filter_map(|p| {
            let text = p.span.slice(doc.text);
            let last = text.split([' ', '-']).next_back()?.to_lowercase();
            Some(singular(&last))
        })
        .collect()
}

fn singular(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies") {
        format!("{s}y")
    } else if w.ends_with("ss") {
        w.to_string()
    } else {
        w.strip_suffix('s').unwrap_or(w).to_string()
    }
}

/// The role kinds of a mention: agent kinds of its role words, and the kind of the
/// person's role (not dated here: any role of the person).
fn role_kinds(kb: &KnowledgeBase, m: &Mention) -> Vec<String> {
    let mut kinds = Vec::new();
    if let Some(e) = m.entry.as_deref().and_then(|id| kb.by_id(id)) {
        if e.kind == EntryKind::Person {
            kinds.extend(e.roles.iter().filter_map(|r| r.kind.clone()));
        }
    }
    kinds
}

/// A mention that is only role words, with no country, entity or person: "the
/// minister", "the rebels".
fn is_bare_role(m: &Mention) -> bool {
    m.country.is_none() && m.entry.is_none() && m.parts.iter().all(|p| p.how == "agent")
}

fn name_tokens(doc: &Document, m: &Mention) -> Vec<String> {
    m.parts
        .iter()
        .filter(|p| matches!(p.how, "person" | "name"))
        .flat_map(|p| {
            p.span
                .slice(doc.text)
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn resolved(
    doc: &Document,
    ante: &Mention,
    ante_sentence: usize,
    k: std::ops::Range<usize>,
    how: &'static str,
) -> Mention {
    let span = Span::new(
        doc.tokens[k.start].span.start,
        doc.tokens[k.end - 1].span.end,
    );
    Mention {
        span,
        tokens: k,
        code: ante.code.clone(),
        country: ante.country.clone(),
        sector: ante.sector.clone(),
        entry: ante.entry.clone(),
        place_like: false,
        parts: vec![MentionPart {
            span,
            how,
            entry: ante.entry.clone(),
        }],
        why: format!(
            "{how} refers to {:?} (sentence {}) → {}",
            ante.span.slice(doc.text),
            ante_sentence + 1,
            ante.code
        ),
    }
}

/// Resolves later references to earlier mentions of the same article (see the module
/// documentation). `mentions_per_sentence[s]` are the mentions of sentence `s` of
/// `doc`, as [`crate::Recognizer::find`] returns them; new mentions are inserted in
/// token order and bare role words are completed in place. Returns how many mentions
/// were added or completed.
pub fn resolve_coreference(
    doc: &Document,
    mentions_per_sentence: &mut [Vec<Mention>],
    kb: &KnowledgeBase,
) -> usize {
    let n = mentions_per_sentence.len().min(doc.sentences.len());
    let mut changed = 0;
    for s in 0..n {
        let sentence = doc.sentences[s].tokens.clone();
        // Antecedents: (sentence, mention) pairs before token `k`, nearest first.
        let antecedents = |ms: &[Vec<Mention>], k: usize| -> Vec<(usize, Mention)> {
            let mut v = Vec::new();
            for t in (s.saturating_sub(WINDOW)..=s).rev() {
                let mut here: Vec<&Mention> = ms[t]
                    .iter()
                    .filter(|m| t < s || m.tokens.end <= k)
                    .collect();
                here.sort_by_key(|m| std::cmp::Reverse(m.tokens.start));
                v.extend(here.into_iter().map(|m| (t, m.clone())));
            }
            v
        };
        // 1. Bare definite role words: "the minister".
        for i in 0..mentions_per_sentence[s].len() {
            let m = mentions_per_sentence[s][i].clone();
            if !is_bare_role(&m)
                || m.tokens.start == sentence.start
                || !doc
                    .token_text(m.tokens.start - 1)
                    .eq_ignore_ascii_case("the")
            {
                continue;
            }
            let heads = role_heads(doc, &m);
            let kinds: Vec<String> = m
                .parts
                .iter()
                .filter(|p| p.how == "agent")
                .filter_map(|p| {
                    let key = crate::fold_key(p.span.slice(doc.text));
                    let refs = kb.names.get(&key)?;
                    refs.iter()
                        .filter(|r| r.how == crate::kb::NameHow::Agent)
                        .find_map(|r| kb.agents[r.target as usize].kind.clone())
                })
                .collect();
            let keys = role_keys(doc, &m);
            let candidates: Vec<(usize, Mention)> =
                antecedents(mentions_per_sentence, m.tokens.start)
                    .into_iter()
                    .filter(|(_, a)| !is_bare_role(a) && (a.country.is_some() || a.entry.is_some()))
                    .collect();
            // The same role words first ("the foreign minister" → "Foreign Minister
            // Zarif"), then the same head or role kind ("the minister").
            let found = candidates
                .iter()
                .find(|(_, a)| role_keys(doc, a).iter().any(|k| keys.contains(k)))
                .or_else(|| {
                    candidates.iter().find(|(_, a)| {
                        role_heads(doc, a).iter().any(|h| heads.contains(h))
                            || role_kinds(kb, a).iter().any(|k| kinds.contains(k))
                    })
                })
                .cloned();
            if let Some((t, a)) = found {
                let target = &mut mentions_per_sentence[s][i];
                target.country = a.country.clone();
                target.code = match (&a.country, &target.sector) {
                    (Some(c), Some(sec)) => format!("{c}{sec}"),
                    _ => a.code.clone(),
                };
                target.entry = a.entry.clone();
                target.why.push_str(&format!(
                    "; refers to {:?} (sentence {})",
                    a.span.slice(doc.text),
                    t + 1
                ));
                changed += 1;
            }
        }
        // 2. Surnames and pronouns: tokens not covered by any mention.
        let mut added = Vec::new();
        let mut k = sentence.start;
        while k < sentence.end {
            if mentions_per_sentence[s]
                .iter()
                .any(|m| m.tokens.contains(&k))
            {
                k += 1;
                continue;
            }
            let text = doc.token_text(k);
            if PRONOUNS.contains(&text.to_ascii_lowercase().as_str()) {
                let ante = antecedents(mentions_per_sentence, k)
                    .into_iter()
                    .find(|(_, a)| is_person(a));
                if let Some((t, a)) = ante {
                    added.push(resolved(doc, &a, t, k..k + 1, "pronoun"));
                }
                k += 1;
                continue;
            }
            if !text.starts_with(|c: char| c.is_uppercase()) || text.len() < 3 {
                k += 1;
                continue;
            }
            // The longest run of capitalised tokens starting here.
            let mut end = k;
            while end < sentence.end
                && doc.token_text(end).starts_with(|c: char| c.is_uppercase())
                && !mentions_per_sentence[s]
                    .iter()
                    .any(|m| m.tokens.contains(&end))
            {
                end += 1;
            }
            let run: Vec<&str> = (k..end).map(|j| doc.token_text(j)).collect();
            let ante = antecedents(mentions_per_sentence, k)
                .into_iter()
                .find(|(t, a)| {
                    let names = name_tokens(doc, a);
                    is_person(a)
                        && (*t < s || a.tokens.end <= k)
                        && names.len() > run.len()
                        && names[names.len() - run.len()..]
                            .iter()
                            .zip(&run)
                            .all(|(x, y)| x == y)
                });
            if let Some((t, a)) = ante {
                added.push(resolved(doc, &a, t, k..end, "surname"));
            }
            k = end.max(k + 1);
        }
        changed += added.len();
        let v = &mut mentions_per_sentence[s];
        v.extend(added);
        v.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    }
    changed
}

/// Groups the mentions of sentence `sentence` that are joined by "and" or commas ("the
/// US and Britain", "Egypt, Qatar and the US"). `mentions` are that sentence's mentions
/// in token order; the result partitions their indices into groups (a mention joined
/// to nothing is a group of one), in order.
pub fn compound_groups(doc: &Document, sentence: usize, mentions: &[Mention]) -> Vec<Vec<usize>> {
    let range = doc
        .sentences
        .get(sentence)
        .map(|s| s.tokens.clone())
        .unwrap_or(0..0);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let joined = i > 0 && {
            let prev = &mentions[i - 1];
            let gap = prev.tokens.end..m.tokens.start;
            prev.tokens.end <= m.tokens.start
                && range.start <= gap.start
                && gap.end <= range.end
                && !gap.is_empty()
                && gap.len() <= 3
                && gap.clone().any(|k| {
                    matches!(
                        doc.token_text(k).to_ascii_lowercase().as_str(),
                        "and" | "," | "&"
                    )
                })
                && gap
                    .clone()
                    .all(|k| CONJ.contains(&doc.token_text(k).to_ascii_lowercase().as_str()))
        };
        match groups.last_mut() {
            Some(g) if joined => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
}
