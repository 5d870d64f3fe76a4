//! Toponym recognition/resolution rules, table-driven.

use flashpoint_geo::{find_places, locate_event, Gazetteer, Kind, PlaceContext, PlaceMention};

fn places(text: &str) -> Vec<PlaceMention> {
    find_places(Gazetteer::bundled(), text, &PlaceContext::default())
}

fn find<'a>(ms: &'a [PlaceMention], surface: &str) -> &'a PlaceMention {
    ms.iter().find(|m| m.text == surface).unwrap_or_else(|| {
        panic!(
            "{surface:?} not found in {:#?}",
            ms.iter().map(|m| &m.text).collect::<Vec<_>>()
        )
    })
}

#[test]
fn gazetteer_loads_and_looks_up_case_and_diacritics_insensitively() {
    let g = Gazetteer::bundled();
    assert!(g.len() > 200_000, "{g:?}");
    for q in ["sao paulo", "SÃO PAULO", "São Paulo"] {
        let c = g.lookup(q);
        assert!(
            c.iter()
                .any(|c| c.entry.country == "BRA" && c.entry.kind == Kind::Place),
            "{q}"
        );
    }
    let fr = g.country("FRA").expect("France");
    assert_eq!(fr.name, "France");
    assert!(g
        .lookup("Baghdad airport")
        .iter()
        .any(|c| c.entry.kind == Kind::Landmark));
    assert!(g
        .lookup("Strait of Hormuz")
        .iter()
        .any(|c| c.entry.feature_class == 'H'));
}

#[test]
fn resolution_rules() {
    // (text, surface, expected ISO3, expected admin1 (if any), precision)
    let cases: &[(&str, &str, &str, Option<&str>, &str)] = &[
        ("Protesters gathered in Paris on Sunday.", "Paris", "FRA", None, "place"),
        ("The storm hit Paris, Texas overnight.", "Paris", "USA", Some("Texas"), "place"),
        ("Clashes erupted in Tripoli as militias fought.", "Tripoli", "LBY", None, "place"),
        ("Clashes erupted in Tripoli, Lebanon as militias fought.", "Tripoli", "LBN", None, "place"),
        ("Russian troops remain in Georgia, the foreign ministry in Tbilisi said.", "Georgia", "GEO", None, "country"),
        ("Voters in Atlanta and Savannah backed the Georgia senator; Georgia counted ballots in Texas and Ohio too.", "Georgia", "USA", Some("Georgia"), "admin1"),
        ("Soldiers crossed from Niger into Nigeria.", "Niger", "NER", None, "country"),
        ("Soldiers crossed from Niger into Nigeria.", "Nigeria", "NGA", None, "country"),
        ("Ships were attacked in the Strait of Hormuz.", "Strait of Hormuz", "", None, "region"),
        ("Aid trucks waited at the Rafah crossing.", "Rafah crossing", "PSE", None, "place"),
        ("The U.S. embassy was closed.", "U.S.", "USA", None, "country"),
        ("Shelling continued in Donbas.", "Donbas", "UKR", None, "place"),
        ("Fighting in Syria's Idlib province", "Syria", "SYR", None, "country"),
    ];
    for &(text, surface, iso3, admin1, precision) in cases {
        let ms = places(text);
        let m = find(&ms, surface);
        assert_eq!(m.country.as_deref().unwrap_or(""), iso3, "{text}: {m:#?}");
        if let Some(a) = admin1 {
            assert_eq!(m.admin1.as_deref(), Some(a), "{text}: {m:#?}");
        }
        assert_eq!(m.precision, precision, "{text}: {m:#?}");
        assert_eq!(&text[m.span.0..m.span.1], surface);
    }
}

#[test]
fn caller_context_countries_disambiguate() {
    let g = Gazetteer::bundled();
    let text = "Georgia reported new cases.";
    let none = find_places(g, text, &PlaceContext::default());
    assert_eq!(find(&none, "Georgia").country.as_deref(), Some("GEO"));
    let ctx = PlaceContext {
        countries: vec!["USA".into()],
        ..Default::default()
    };
    let us = find_places(g, text, &ctx);
    assert_eq!(find(&us, "Georgia").country.as_deref(), Some("USA"));
}

#[test]
fn rejects_demonyms_stopwords_and_person_contexts() {
    let texts = [
        "Iranian officials met Nigerian and Kenyan diplomats.",
        "In May, the Man said he may go.",
        "President Jackson spoke to Mr. Lincoln.",
        "Of course, Reading is fun.",
    ];
    for t in texts {
        let ms = places(t);
        assert!(ms.is_empty(), "{t}: {:#?}", ms);
    }
}

#[test]
fn more_recognition_rules() {
    // one sense per text: a surname seen as "Bruce Ivins" is not a place elsewhere
    let ms = places("Scientist Bruce Ivins worked at Fort Detrick. Ivins died in July.");
    assert!(ms.iter().all(|m| m.text != "Ivins"), "{ms:#?}");
    // disease names are not places
    let ms = places("West Nile virus and Reston ebolavirus were found.");
    assert!(ms.is_empty(), "{ms:#?}");
    // names only known as alternate names need a cue
    let ms = places("Google and Hamas issued statements.");
    assert!(ms.is_empty(), "{ms:#?}");
    // possessives: the span stops before 's; names with 's inside stay whole
    let text = "Syria's army and the People's Republic of China";
    let ms = places(text);
    assert_eq!(find(&ms, "Syria").span, (0, 5));
    assert_eq!(
        find(&ms, "People's Republic of China").country.as_deref(),
        Some("CHN")
    );
    // a much smaller namesake does not win through context (London, Ontario)
    let ms = places("Officials in Toronto and Ottawa said London was ready.");
    assert_eq!(
        find(&ms, "London").country.as_deref(),
        Some("GBR"),
        "{ms:#?}"
    );
    // common given names are places only after a locative word
    assert!(places("Laura said no.").is_empty());
}

#[test]
fn actor_spans_are_not_places() {
    let g = Gazetteer::bundled();
    let text = "Washington said it would send aid to Kenya.";
    let ctx = PlaceContext {
        actor_spans: vec![(0, 10)],
        ..Default::default()
    };
    let ms = find_places(g, text, &ctx);
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].text, "Kenya");
}

#[test]
fn spans_are_on_char_boundaries_with_non_ascii_text() {
    let text =
        "«Zürich» — les manifestants à Genève et à Côte d’Ivoire, puis São Paulo… 東京 Kraków.";
    let ms = places(text);
    for m in &ms {
        assert!(text.is_char_boundary(m.span.0) && text.is_char_boundary(m.span.1));
        assert_eq!(&text[m.span.0..m.span.1], m.text);
    }
    let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
    for n in ["Zürich", "Genève", "Côte d’Ivoire", "São Paulo", "Kraków"] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
}

#[test]
fn multiword_and_possessive() {
    let ms = places("Bosnia and Herzegovina's leaders met in Rio de Janeiro and New York City.");
    let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        names,
        ["Bosnia and Herzegovina", "Rio de Janeiro", "New York City"]
    );
}

#[test]
fn locate_event_prefers_governed_place_near_trigger() {
    let g = Gazetteer::bundled();
    let text = "Officials in Moscow said a bomb exploded in Grozny on Monday.";
    let ms = find_places(g, text, &PlaceContext::default());
    let trig = text.find("exploded").unwrap();
    let p = locate_event(g, text, &ms, (trig, trig + 8), (0, text.len()), &[]).unwrap();
    assert_eq!(p.place.text, "Grozny");
    assert_eq!(p.how, "governed");
    // no place in the sentence: country fallback
    let p = locate_event(
        g,
        text,
        &[],
        (trig, trig + 8),
        (0, text.len()),
        &["RUS".to_string()],
    )
    .unwrap();
    assert_eq!(p.how, "country");
    assert_eq!(p.place.country.as_deref(), Some("RUS"));
    // a sentence place that is not governed
    let text2 = "Kenya's police fired tear gas.";
    let ms2 = find_places(g, text2, &PlaceContext::default());
    let p = locate_event(g, text2, &ms2, (15, 20), (0, text2.len()), &[]).unwrap();
    assert_eq!(p.how, "sentence");
    assert_eq!(p.place.text, "Kenya");
}

#[test]
fn eval_places_on_fixture() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/geovirus_tiny.xml"
    );
    let r = flashpoint_geo::eval_places(path).unwrap();
    assert_eq!(r.gold_toponyms, 6);
    assert_eq!(r.offset_shift_used, -1);
    assert!(r.toponym_f1 > 0.99, "{r:#?}");
    assert!(r.acc_161km > 0.99, "{r:#?}");
    let j = serde_json_like(&r);
    assert!(j.contains("toponym_f1") && j.contains("acc_161km") && j.contains("mean_error_km"));
}

fn serde_json_like<T: serde::Serialize>(t: &T) -> String {
    serde_json::to_string(t).unwrap()
}
