//! Property test: recognisers never panic and spans are valid on arbitrary input.

use flashpoint_geo::{find_dates, find_places, Gazetteer, PlaceContext};
use proptest::prelude::*;

fn words() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Paris",
        ", ",
        "Texas",
        " ",
        "in ",
        "U.S.",
        "Friday",
        "last ",
        "week",
        "Jan. ",
        "3",
        "2020",
        "’s",
        "'",
        "-",
        ".",
        "São",
        "Côte d’Ivoire",
        "東京",
        "\u{301}",
        "ago",
        "two days ",
        "\n",
        "Georgia",
        "May",
        "of",
        "the ",
        "Strait of Hormuz",
        "1999",
        "-12-",
        "31",
        "St. ",
        "Louis",
    ]);
    prop::collection::vec(pieces, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(s in any::<String>(), y in 1i32..3000, doy in 1u32..366) {
        let g = Gazetteer::bundled();
        for m in find_places(g, &s, &PlaceContext::default()) {
            prop_assert!(s.is_char_boundary(m.span.0) && s.is_char_boundary(m.span.1) && m.span.0 <= m.span.1);
        }
        let date = chrono::NaiveDate::from_yo_opt(y, doy).unwrap_or_default();
        for m in find_dates(&s, date) {
            prop_assert!(s.is_char_boundary(m.span.0) && s.is_char_boundary(m.span.1) && m.span.0 <= m.span.1);
        }
    }

    #[test]
    fn word_soup(s in words(), y in 1i32..3000, doy in 1u32..366) {
        let g = Gazetteer::bundled();
        for m in find_places(g, &s, &PlaceContext::default()) {
            prop_assert!(s.is_char_boundary(m.span.0) && s.is_char_boundary(m.span.1));
            prop_assert_eq!(&s[m.span.0..m.span.1], m.text.as_str());
        }
        let date = chrono::NaiveDate::from_yo_opt(y, doy).unwrap_or_default();
        for m in find_dates(&s, date) {
            prop_assert!(s.is_char_boundary(m.span.0) && s.is_char_boundary(m.span.1));
        }
    }
}

#[test]
fn extreme_dates_do_not_panic() {
    let texts = [
        "yesterday tomorrow next week last year two years ago Friday next Friday Dec. 31 in March",
    ];
    for d in [chrono::NaiveDate::MIN, chrono::NaiveDate::MAX] {
        for t in texts {
            let _ = find_dates(t, d);
        }
    }
}
