//! Temporal expressions, table-driven.

use chrono::NaiveDate;
use flashpoint_geo::{find_dates, TimeMention};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn one(text: &str, article: &str) -> TimeMention {
    let ms = find_dates(text, d(article));
    assert_eq!(ms.len(), 1, "{text} @ {article}: {ms:#?}");
    let m = ms.into_iter().next().unwrap();
    assert_eq!(&text[m.span.0..m.span.1], m.text);
    m
}

#[test]
fn relative_dates_table() {
    // (text, article date, expected span text, value, precision)
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            "He left yesterday.",
            "2020-01-01",
            "yesterday",
            "2019-12-31",
            "day",
        ),
        (
            "He left yesterday.",
            "2020-03-01",
            "yesterday",
            "2020-02-29",
            "day",
        ),
        (
            "He leaves tomorrow.",
            "2019-12-31",
            "tomorrow",
            "2020-01-01",
            "day",
        ),
        (
            "Shops opened today.",
            "2020-05-05",
            "today",
            "2020-05-05",
            "day",
        ),
        (
            "Rockets fell last night.",
            "2020-01-01",
            "last night",
            "2019-12-31",
            "day",
        ),
        (
            "Rockets fell overnight.",
            "2020-01-01",
            "overnight",
            "2020-01-01",
            "day",
        ),
        // 2020-01-03 is a Friday
        (
            "Troops attacked on Friday.",
            "2020-01-03",
            "Friday",
            "2020-01-03",
            "day",
        ),
        (
            "Troops attacked last Friday.",
            "2020-01-03",
            "last Friday",
            "2019-12-27",
            "day",
        ),
        (
            "Talks resume next Friday.",
            "2020-01-03",
            "next Friday",
            "2020-01-10",
            "day",
        ),
        (
            "Troops attacked on Thursday.",
            "2020-01-03",
            "Thursday",
            "2020-01-02",
            "day",
        ),
        (
            "Troops attacked on Saturday.",
            "2020-01-03",
            "Saturday",
            "2019-12-28",
            "day",
        ),
        (
            "The vote will be held on Monday.",
            "2020-01-03",
            "Monday",
            "2020-01-06",
            "day",
        ),
        (
            "It began in the early hours of Friday morning.",
            "2020-01-03",
            "Friday morning",
            "2020-01-03",
            "day",
        ),
        (
            "Talks failed last week.",
            "2020-01-03",
            "last week",
            "2019-W52",
            "week",
        ),
        (
            "Talks are held this week.",
            "2020-01-03",
            "this week",
            "2020-W01",
            "week",
        ),
        (
            "Talks resume next week.",
            "2019-12-30",
            "next week",
            "2020-W02",
            "week",
        ),
        (
            "Prices rose last month.",
            "2020-01-15",
            "last month",
            "2019-12",
            "month",
        ),
        (
            "Prices rose earlier this month.",
            "2020-01-15",
            "earlier this month",
            "2020-01",
            "month",
        ),
        (
            "Prices rose last year.",
            "2020-01-15",
            "last year",
            "2019",
            "year",
        ),
        (
            "It was signed on Jan. 3.",
            "2020-01-10",
            "Jan. 3",
            "2020-01-03",
            "day",
        ),
        (
            "It was signed on January 3, 2019.",
            "2020-01-10",
            "January 3, 2019",
            "2019-01-03",
            "day",
        ),
        (
            "It was signed on 3 January.",
            "2020-01-10",
            "3 January",
            "2020-01-03",
            "day",
        ),
        (
            "It was signed on Dec. 30.",
            "2020-01-02",
            "Dec. 30",
            "2019-12-30",
            "day",
        ),
        (
            "It was signed in March.",
            "2020-10-01",
            "March",
            "2020-03",
            "month",
        ),
        (
            "It was signed in November.",
            "2020-01-20",
            "November",
            "2019-11",
            "month",
        ),
        (
            "It was signed in March 2018.",
            "2020-10-01",
            "March 2018",
            "2018-03",
            "month",
        ),
        (
            "The war began in 2019.",
            "2020-10-01",
            "2019",
            "2019",
            "year",
        ),
        (
            "He died two days ago.",
            "2020-03-01",
            "two days ago",
            "2020-02-28",
            "day",
        ),
        (
            "He died a week ago.",
            "2020-01-03",
            "a week ago",
            "2019-12-27",
            "day",
        ),
        (
            "It was reported on 2019-12-31.",
            "2020-01-03",
            "2019-12-31",
            "2019-12-31",
            "day",
        ),
    ];
    for &(text, art, span, value, precision) in cases {
        let m = one(text, art);
        assert_eq!(m.text, span, "{text} @ {art}");
        assert_eq!(m.value, value, "{text} @ {art}: {m:#?}");
        assert_eq!(m.precision, precision, "{text} @ {art}");
    }
}

#[test]
fn day_precision_carries_the_date_and_others_the_first_day() {
    let m = one("Prices rose last month.", "2020-01-15");
    assert_eq!(m.date, d("2019-12-01"));
    let m = one("Talks failed last week.", "2020-01-03");
    assert_eq!(m.date, d("2019-12-23"));
    let m = one("He left yesterday.", "2020-01-01");
    assert_eq!(m.date, d("2019-12-31"));
}

#[test]
fn skips_ambiguous_and_non_dates() {
    for t in [
        "It happened on 3/1.",
        "He may go.",
        "They paid $2019 for 1,2019 items.",
        "March on!",
    ] {
        let ms = find_dates(t, d("2020-01-03"));
        assert!(ms.is_empty(), "{t}: {ms:#?}");
    }
}

#[test]
fn non_ascii_spans() {
    let t = "Le président a parlé — «yesterday» à Zürich, le 3 January 2020.";
    for m in find_dates(t, d("2020-01-05")) {
        assert!(t.is_char_boundary(m.span.0) && t.is_char_boundary(m.span.1));
    }
}

#[test]
fn eval_dates_on_fixture() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/timeml");
    let r = flashpoint_geo::eval_dates(dir).unwrap();
    assert_eq!(r.documents, 1);
    assert_eq!(r.gold_dates, 5, "{r:#?}");
    // yesterday, Friday, last month, 2018 found with the right values; "now" is not produced
    assert_eq!(r.value_matched, 4, "{r:#?}");
    assert!((r.value_accuracy - 1.0).abs() < 1e-9, "{r:#?}");
    assert!((r.span_recall - 0.8).abs() < 1e-9, "{r:#?}");
    let j = serde_json::to_string(&r).unwrap();
    assert!(j.contains("span_f1") && j.contains("value_accuracy"));
}
