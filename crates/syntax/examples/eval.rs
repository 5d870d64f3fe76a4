//! Evaluate a syntax model on a gold CoNLL-U file.
//!
//! cargo run --release -p flashpoint-syntax --example eval -- [MODEL] FILE.conllu [--json]
//! Without MODEL the bundled model is used.
use flashpoint_syntax::{conllu, evaluate, SyntaxModel};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let pos: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (model_path, data) = match pos.as_slice() {
        [d] => (None, d.as_str()),
        [m, d] => (Some(m.as_str()), d.as_str()),
        _ => {
            eprintln!("usage: eval [MODEL] FILE.conllu [--json]");
            return ExitCode::from(2);
        }
    };
    let t = Instant::now();
    let owned;
    let model: &SyntaxModel = match model_path {
        Some(p) => match SyntaxModel::load(Path::new(p)) {
            Ok(m) => {
                owned = m;
                &owned
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => match SyntaxModel::try_bundled() {
            Ok(m) => m,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let gold = match conllu::read_file(Path::new(data)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let r = evaluate(model, &gold);
    if json {
        match serde_json::to_string_pretty(&r) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        println!("model load: {load_ms:.1} ms");
        println!("sentences {}  tokens {}", r.sentences, r.tokens);
        println!("UPOS   {:6.2}", r.upos);
        println!("XPOS   {:6.2}", r.xpos);
        println!("UPOS+XPOS {:6.2}", r.upos_xpos);
        println!("Lemma  {:6.2}", r.lemma);
        println!("UAS    {:6.2}", r.uas);
        println!("LAS    {:6.2}  (universal relations, CoNLL 2018)", r.las);
        println!("LASfull {:6.2} (relation incl. subtype)", r.las_full);
        println!(
            "speed  {:.0} tokens/s (tag+lemma+parse, 1 thread)",
            r.tokens_per_sec
        );
    }
    ExitCode::SUCCESS
}
