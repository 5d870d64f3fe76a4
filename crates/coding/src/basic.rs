//! The first coder: a verb list per CAMEO root and word-order heuristics.
//!
//! For each trigger verb form in a sentence:
//! * negated ("did not attack", "never", "denied attacking") or modal/hypothetical
//!   ("could strike", "may attack", "threatened to") → no event;
//! * passive ("were killed by X") → source = the actor after "by", target = the actor
//!   before the verb;
//! * otherwise source = the nearest actor before the verb that is not the object of a
//!   preposition, target = the first actor after the verb.
//!
//! An event needs a source actor. This coder is deliberately simple; the
//! dependency-pattern coder replaces it behind the same [`Coder`](crate::Coder) trait.

use crate::ontology::Ontology;
use crate::{Coder, SentenceContext};
use flashpoint_actors::Mention;
use flashpoint_model::{DatePrecision, DateSource, Event, Span, Why};
use std::collections::HashMap;

/// (CAMEO code, verb lemmas).
const VERBS: &[(&str, &[&str])] = &[
    ("010", &["comment"]),
    ("020", &["appeal", "urge"]),
    ("030", &["pledge", "promise", "vow"]),
    ("036", &["offer"]),
    ("040", &["consult", "discuss"]),
    ("042", &["visit", "tour"]),
    ("043", &["host", "welcome"]),
    ("046", &["negotiate"]),
    ("051", &["praise", "hail", "commend", "applaud", "endorse"]),
    ("055", &["apologize", "apologise"]),
    ("057", &["sign"]),
    ("061", &["trade"]),
    ("070", &["aid", "assist"]),
    ("0841", &["release", "free"]),
    ("0874", &["surrender"]),
    ("087", &["withdraw", "retreat"]),
    ("090", &["investigate", "probe"]),
    ("100", &["demand"]),
    (
        "111",
        &[
            "condemn",
            "criticize",
            "criticise",
            "denounce",
            "slam",
            "decry",
            "rebuke",
        ],
    ),
    ("112", &["accuse", "blame"]),
    ("115", &["sue"]),
    ("120", &["reject", "dismiss"]),
    ("129", &["veto"]),
    ("130", &["threaten", "warn"]),
    ("140", &["protest"]),
    ("141", &["demonstrate", "rally", "march"]),
    ("145", &["riot"]),
    ("150", &["mobilize", "mobilise"]),
    ("154", &["deploy"]),
    ("161", &["downgrade"]),
    ("163", &["sanction", "embargo", "boycott"]),
    ("166", &["expel"]),
    ("173", &["arrest", "detain", "jail", "imprison"]),
    ("171", &["seize", "confiscate"]),
    ("174", &["deport"]),
    ("181", &["abduct", "kidnap", "hijack"]),
    ("182", &["beat"]),
    ("1822", &["torture"]),
    ("186", &["assassinate"]),
    (
        "190",
        &[
            "attack", "fight", "kill", "strike", "ambush", "raid", "storm",
        ],
    ),
    ("192", &["occupy"]),
    ("193", &["shoot", "fire"]),
    ("194", &["shell", "bombard"]),
    ("195", &["bomb", "airstrike"]),
    ("190", &["invade"]),
    ("202", &["massacre", "slaughter"]),
];

/// Irregular past tense and participle forms: (lemma, forms).
const IRREGULAR: &[(&str, &[&str])] = &[
    ("fight", &["fought"]),
    ("strike", &["struck", "stricken"]),
    ("shoot", &["shot"]),
    ("beat", &["beaten"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("free", &["freed"]),
    ("hold", &["held"]),
];

/// All surface forms of a regular verb lemma: base, 3rd person, past, gerund.
pub fn inflect(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    let (stem_e, ends_e) = match lemma.strip_suffix('e') {
        Some(s) => (s, true),
        None => (lemma, false),
    };
    let last = lemma.chars().last().unwrap_or(' ');
    let es = matches!(last, 's' | 'x' | 'z' | 'h') || lemma.ends_with("o");
    if lemma.ends_with('y')
        && !lemma.ends_with("ay")
        && !lemma.ends_with("ey")
        && !lemma.ends_with("oy")
    {
        let stem = &lemma[..lemma.len() - 1];
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
        v.push(format!("{lemma}ing"));
    } else if ends_e {
        v.push(format!("{lemma}s"));
        v.push(format!("{lemma}d"));
        v.push(format!("{stem_e}ing"));
    } else {
        v.push(format!("{lemma}{}", if es { "es" } else { "s" }));
        // consonant doubling for short CVC verbs (kidnap, expel, ship)
        let b = lemma.as_bytes();
        let n = b.len();
        let vowel = |c: u8| b"aeiou".contains(&c);
        let double = n >= 3
            && !vowel(b[n - 1])
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
            && !b"wxy".contains(&b[n - 1])
            && (n <= 4
                || matches!(
                    lemma,
                    "kidnap" | "expel" | "compel" | "repel" | "patrol" | "control" | "rebel"
                ));
        if double {
            let c = b[n - 1] as char;
            v.push(format!("{lemma}{c}ed"));
            v.push(format!("{lemma}{c}ing"));
        } else {
            v.push(format!("{lemma}ed"));
            v.push(format!("{lemma}ing"));
        }
    }
    if let Some((_, forms)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        v.extend(forms.iter().map(|s| s.to_string()));
    }
    v
}

const NEGATORS: &[&str] = &[
    "not", "n't", "never", "no", "deny", "denied", "denies", "denying", "refused", "refuse",
    "refuses",
];
const MODALS: &[&str] = &[
    "could", "might", "may", "would", "should", "will", "shall", "to", "if", "unless", "ca", "can",
    "'ll", "wo",
];
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "'s", "any",
    "every", "each", "new", "further", "first",
];
const BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "got"];
const PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "from", "of", "on", "into", "across", "outside", "inside", "to", "with",
    "for", "over", "against", "by", "since", "after", "before",
];

/// The verb-list coder.
pub struct BasicCoder {
    ontology: &'static Ontology,
    forms: HashMap<String, (&'static str, &'static str)>, // form → (code, lemma)
}

impl Default for BasicCoder {
    fn default() -> Self {
        Self::new(Ontology::bundled())
    }
}

impl BasicCoder {
    pub fn new(ontology: &'static Ontology) -> BasicCoder {
        let mut forms = HashMap::new();
        for (code, lemmas) in VERBS {
            for lemma in *lemmas {
                for f in inflect(lemma) {
                    forms.entry(f).or_insert((*code, *lemma));
                }
            }
        }
        BasicCoder { ontology, forms }
    }
}

impl Coder for BasicCoder {
    fn code_sentence(
        &self,
        ctx: &SentenceContext<'_>,
        out: &mut Vec<Event>,
        mut trace: Option<&mut Vec<String>>,
    ) {
        let doc = ctx.doc;
        let sent = &doc.sentences[ctx.sentence];
        let lower: Vec<String> = sent
            .tokens
            .clone()
            .map(|k| doc.token_text(k).to_lowercase())
            .collect();
        let base = sent.tokens.start;
        let mut note = |s: String| {
            if let Some(t) = trace.as_deref_mut() {
                t.push(s);
            }
        };
        for (i, w) in lower.iter().enumerate() {
            let Some(&(code, lemma)) = self.forms.get(w.as_str()) else {
                continue;
            };
            let k = base + i;
            // Inside an actor mention ("Strike Force") is not a trigger.
            if ctx.mentions.iter().any(|m| m.tokens.contains(&k)) {
                continue;
            }
            let trig = doc.tokens[k].span;
            let rule = format!("basic:{code}:{lemma}");
            let prev = if i > 0 { lower[i - 1].as_str() } else { "" };
            if DETERMINERS.contains(&prev) || prev == "air" {
                note(format!(
                    "{rule} on {w:?}: after {prev:?}, a noun → not a verb trigger"
                ));
                continue;
            }
            if matches!(prev, "that" | "which") {
                note(format!(
                    "{rule} on {w:?}: relative clause (\"{prev} {w}\") → subject unknown, no event"
                ));
                continue;
            }
            let window = &lower[i.saturating_sub(3)..i];
            if let Some(neg) = window.iter().find(|t| NEGATORS.contains(&t.as_str())) {
                note(format!("{rule} on {w:?}: negated by {neg:?} → no event"));
                continue;
            }
            if let Some(m) = lower[i.saturating_sub(2)..i]
                .iter()
                .find(|t| MODALS.contains(&t.as_str()))
            {
                note(format!(
                    "{rule} on {w:?}: modal/intention {m:?} → not the act itself, no event"
                ));
                continue;
            }
            let passive = i > 0
                && BE.contains(&lower[i - 1].as_str())
                && (w.ends_with("ed")
                    || w.ends_with("en")
                    || IRREGULAR.iter().any(|(_, f)| f.contains(&w.as_str())));
            let before: Vec<&Mention> = ctx.mentions.iter().filter(|m| m.tokens.end <= k).collect();
            let after: Vec<&Mention> = ctx.mentions.iter().filter(|m| m.tokens.start > k).collect();
            let (source, target, how) = if passive {
                let by = after
                    .iter()
                    .find(|m| {
                        m.tokens.start > 0
                            && doc
                                .token_text(m.tokens.start - 1)
                                .eq_ignore_ascii_case("by")
                    })
                    .copied();
                (
                    by,
                    before.last().copied(),
                    "passive: source after \"by\", target before the verb",
                )
            } else {
                let subj = before.iter().rev().find(|m| {
                    m.tokens.start == sent.tokens.start
                        || !PREPOSITIONS
                            .contains(&doc.token_text(m.tokens.start - 1).to_lowercase().as_str())
                });
                (
                    subj.copied(),
                    after.first().copied(),
                    "source before the verb, target after it",
                )
            };
            let Some(source) = source else {
                note(format!("{rule} on {w:?}: no source actor → no event"));
                continue;
            };
            let target = target.filter(|t| t.span != source.span);
            let Some(c) = self.ontology.get(code) else {
                note(format!("{rule}: code {code} missing from the ontology"));
                continue;
            };
            let mut confidence: f32 = 0.45;
            if target.is_some() {
                confidence += 0.15;
            }
            if source.country.is_some() {
                confidence += 0.1;
            }
            if target.is_some_and(|t| t.country.is_some()) {
                confidence += 0.05;
            }
            let quote = doc.quote_containing(trig);
            note(format!("{rule} on {w:?}: fired ({how})"));
            out.push(Event {
                article_id: ctx.article_id.to_string(),
                sentence: ctx.sentence,
                date: ctx.date,
                date_precision: DatePrecision::Day,
                date_source: DateSource::Article,
                source: Some(crate::event_actor(source, doc.text)),
                target: target.map(|t| crate::event_actor(t, doc.text)),
                cameo: c.code.clone(),
                cameo_name: c.name.clone(),
                plover: c.plover_type.clone(),
                mode: c.plover_mode.clone(),
                goldstein: c.goldstein,
                quad_class: c.quad_class,
                location: None,
                evidence: sent.span.slice(doc.text).to_string(),
                evidence_span: sent.span,
                quote_speaker: quote
                    .and_then(|q| q.speaker)
                    .map(|s: Span| s.slice(doc.text).to_string()),
                modality: None,
                reported_by: None,
                sentences: vec![ctx.sentence],
                confidence,
                why: Why {
                    rule,
                    trigger: trig.slice(doc.text).to_string(),
                    trigger_span: trig,
                    source_entry: source.entry.clone(),
                    target_entry: target.and_then(|t| t.entry.clone()),
                    notes: vec![how.to_string(), source.why.clone()],
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert!(inflect("kill").contains(&"killed".to_string()));
        assert!(inflect("kidnap").contains(&"kidnapped".to_string()));
        assert!(inflect("condemn").contains(&"condemns".to_string()));
        assert!(inflect("criticize").contains(&"criticizing".to_string()));
        assert!(inflect("occupy").contains(&"occupied".to_string()));
        assert!(inflect("fight").contains(&"fought".to_string()));
        assert!(inflect("bomb").contains(&"bombed".to_string()));
    }
}
