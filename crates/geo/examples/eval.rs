//! `cargo run --release -p flashpoint-geo --example eval -- places FILE.xml [--json]`
//! `cargo run --release -p flashpoint-geo --example eval -- dates DIR [--json]`
//! `cargo run --release -p flashpoint-geo --example eval -- text "some text" [YYYY-MM-DD]`
//! `cargo run --release -p flashpoint-geo --example eval -- bench [SENTENCES.conllu|.txt]`

use flashpoint_geo::{eval_dates, eval_places, find_dates, find_places, Gazetteer, PlaceContext};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let usage = "usage: eval places FILE.xml | dates DIR | text TEXT [DATE] | bench [--json]";
    match args.first().map(String::as_str) {
        Some("places") => {
            let r = eval_places(args.get(1).expect(usage)).expect("eval places");
            if json {
                println!("{}", serde_json::to_string_pretty(&r).unwrap());
            } else {
                println!("{r:#?}");
            }
        }
        Some("dates") => {
            let r = eval_dates(args.get(1).expect(usage)).expect("eval dates");
            if json {
                println!("{}", serde_json::to_string_pretty(&r).unwrap());
            } else {
                println!("{r:#?}");
            }
        }
        Some("text") => {
            let text = args.get(1).expect(usage);
            let date = args
                .get(2)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
            let t0 = std::time::Instant::now();
            let g = Gazetteer::bundled();
            eprintln!("gazetteer loaded in {:?}: {g:?}", t0.elapsed());
            for p in find_places(g, text, &PlaceContext::default()) {
                println!("{}", serde_json::to_string(&p).unwrap());
            }
            for d in find_dates(text, date) {
                println!("{}", serde_json::to_string(&d).unwrap());
            }
        }
        Some("bench") if args.get(1).is_some_and(|a| a != "--json") => {
            // sentences from a CoNLL-U file ("# text = ...") or one per line
            let path = &args[1];
            let src = std::fs::read_to_string(path).expect("read bench file");
            let sents: Vec<&str> = if path.ends_with(".conllu") {
                src.lines()
                    .filter_map(|l| l.strip_prefix("# text = "))
                    .collect()
            } else {
                src.lines().filter(|l| !l.trim().is_empty()).collect()
            };
            let g = Gazetteer::bundled();
            let d = chrono::NaiveDate::from_ymd_opt(2020, 1, 3).unwrap();
            let (mut np, mut nd) = (0usize, 0usize);
            let t1 = std::time::Instant::now();
            for s in &sents {
                np += find_places(g, s, &PlaceContext::default()).len();
            }
            let places = t1.elapsed().as_secs_f64() / sents.len().max(1) as f64 * 1e6;
            let t2 = std::time::Instant::now();
            for s in &sents {
                nd += find_dates(s, d).len();
            }
            let dates = t2.elapsed().as_secs_f64() / sents.len().max(1) as f64 * 1e6;
            println!(
                "{} sentences: find_places {places:.2} us/sentence ({np} places), find_dates {dates:.2} us/sentence ({nd} dates)",
                sents.len()
            );
        }
        Some("bench") => {
            let t0 = std::time::Instant::now();
            let g = Gazetteer::bundled();
            let load = t0.elapsed();
            let sents = [
                "Suspected bombs exploded outside the U.S. embassies in Nairobi, Kenya and Dar es Salaam on Friday, killing dozens of people, witnesses said.",
                "The ministry said on Tuesday that troops had been sent to the border with Syria after clashes near Tripoli, Lebanon.",
                "Officials in Washington and Brussels discussed sanctions against Russia over the fighting in Donbas last week.",
                "He said the talks would continue next month in Geneva, according to a statement released by the foreign ministry.",
                "heavy rain has caused flooding across large parts of the region, and the authorities expect further damage.",
            ];
            let d = chrono::NaiveDate::from_ymd_opt(2020, 1, 3).unwrap();
            let n = 20_000;
            let mut k = 0usize;
            let t1 = std::time::Instant::now();
            for i in 0..n {
                k += find_places(g, sents[i % sents.len()], &PlaceContext::default()).len();
            }
            let places = t1.elapsed().as_secs_f64() / n as f64 * 1e6;
            let t2 = std::time::Instant::now();
            for i in 0..n {
                k += find_dates(sents[i % sents.len()], d).len();
            }
            let dates = t2.elapsed().as_secs_f64() / n as f64 * 1e6;
            if json {
                println!(
                    "{{\"load_ms\": {:.1}, \"places_us_per_sentence\": {places:.2}, \"dates_us_per_sentence\": {dates:.2}, \"mentions\": {k}}}",
                    load.as_secs_f64() * 1e3
                );
            } else {
                println!("load {load:?}; find_places {places:.2} us/sentence; find_dates {dates:.2} us/sentence; {k} mentions");
            }
        }
        _ => eprintln!("{usage}"),
    }
}
