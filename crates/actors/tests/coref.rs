//! Coreference within an article and compound actors, on the bundled knowledge base.
use chrono::NaiveDate;
use flashpoint_actors::coref::{compound_groups, resolve_coreference};
use flashpoint_actors::{KnowledgeBase, Mention, Recognizer};
use flashpoint_text::Document;

fn analyse<'t>(text: &'t str, date: &str) -> (Document<'t>, Vec<Vec<Mention>>) {
    let kb = KnowledgeBase::bundled();
    let r = Recognizer::new(kb);
    let doc = Document::analyze(text);
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    let ms = (0..doc.sentences.len())
        .map(|s| r.find(&doc, s, date))
        .collect();
    (doc, ms)
}

fn find<'a>(doc: &Document, ms: &'a [Vec<Mention>], text: &str, nth: usize) -> Option<&'a Mention> {
    ms.iter()
        .flatten()
        .filter(|m| m.span.slice(doc.text) == text)
        .nth(nth)
}

#[test]
fn surname_pronoun_and_role_word() {
    let text = "Malawian Foreign Minister Eisenhower Mkaka met Iraqi Prime Minister Adel Abdul Mahdi in Baghdad. \
                Mkaka said the talks went well. The foreign minister later flew home. \
                He said nothing more. The minister of Iraq stayed.";
    let (doc, mut ms) = analyse(text, "2019-06-10");
    let n = resolve_coreference(&doc, &mut ms, KnowledgeBase::bundled());
    assert!(n >= 3, "{n}: {ms:#?}");
    let m = find(&doc, &ms, "Mkaka", 0).expect("surname resolved");
    assert_eq!(m.code, "MWIGOV");
    assert_eq!(m.parts[0].how, "surname");
    assert!(
        m.why.contains("Malawian Foreign Minister Eisenhower Mkaka"),
        "{}",
        m.why
    );
    let m = find(&doc, &ms, "foreign minister", 0).expect("role word mention");
    assert_eq!(m.country.as_deref(), Some("MWI"), "{m:?}");
    assert!(m.why.contains("refers to"), "{}", m.why);
    let m = find(&doc, &ms, "He", 0).expect("pronoun resolved");
    assert_eq!(m.country.as_deref(), Some("MWI"), "{m:?}");
    assert!(m.why.starts_with("pronoun refers to"), "{}", m.why);
    assert_eq!(m.parts[0].how, "pronoun");
}

#[test]
fn pronoun_takes_last_person_and_never_looks_ahead() {
    let text = "She spoke first. Angela Merkel met Emmanuel Macron in Paris. He thanked her.";
    let (doc, mut ms) = analyse(text, "2019-06-10");
    resolve_coreference(&doc, &mut ms, KnowledgeBase::bundled());
    assert!(
        find(&doc, &ms, "She", 0).is_none(),
        "no antecedent before the first sentence"
    );
    assert_eq!(
        find(&doc, &ms, "He", 0).unwrap().country.as_deref(),
        Some("FRA")
    );
    // "her": nearest person before it is "He" (resolved to Macron) — pronouns are
    // added after the pass over the sentence, so the nearest recognised person wins.
    assert!(find(&doc, &ms, "her", 0).is_some());
}

#[test]
fn role_word_needs_a_compatible_antecedent() {
    let text = "General Qasem Soleimani arrived in Baghdad. The minister said nothing.";
    let (doc, mut ms) = analyse(text, "2019-12-20");
    resolve_coreference(&doc, &mut ms, KnowledgeBase::bundled());
    let m = find(&doc, &ms, "minister", 0).unwrap();
    assert_eq!(m.country, None, "a general is not a minister: {m:?}");
    let text = "General Qasem Soleimani arrived in Baghdad. The general met militia leaders.";
    let (doc, mut ms) = analyse(text, "2019-12-20");
    resolve_coreference(&doc, &mut ms, KnowledgeBase::bundled());
    let m = find(&doc, &ms, "general", 0).unwrap();
    assert_eq!(m.country.as_deref(), Some("IRN"), "{m:?}");
    assert_eq!(m.entry.as_deref(), Some("p-qassem-soleimani"), "{m:?}");
}

#[test]
fn compounds() {
    let text =
        "The US and Britain struck Houthi targets, and Egypt, Qatar and the UN called for calm.";
    let (doc, ms) = analyse(text, "2024-01-12");
    let groups = compound_groups(&doc, 0, &ms[0]);
    let names: Vec<Vec<&str>> = groups
        .iter()
        .map(|g| g.iter().map(|&i| ms[0][i].span.slice(text)).collect())
        .collect();
    assert_eq!(
        names,
        vec![
            vec!["US", "Britain"],
            vec!["Houthi"],
            vec!["Egypt", "Qatar", "UN"]
        ],
        "{ms:#?}"
    );
    // Every mention is in exactly one group.
    assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), ms[0].len());
    assert!(compound_groups(&doc, 5, &[]).is_empty());
}
