//! Write the model's predictions for a CoNLL-U file as CoNLL-U (gold tokenisation), for
//! checking that a refactoring leaves the output bit-for-bit unchanged.
//!
//! cargo run --release -p flashpoint-syntax --example dump -- [MODEL] FILE.conllu > out.conllu
use flashpoint_syntax::{conllu, SyntaxModel};
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (model, data) = match args.as_slice() {
        [d] => (None, d.as_str()),
        [m, d] => (Some(m.as_str()), d.as_str()),
        _ => {
            eprintln!("usage: dump [MODEL] FILE.conllu");
            std::process::exit(2);
        }
    };
    let owned;
    let m: &SyntaxModel = match model {
        Some(p) => {
            owned = SyntaxModel::load(Path::new(p)).expect("model");
            &owned
        }
        None => SyntaxModel::bundled(),
    };
    let gold = conllu::read_file(Path::new(data)).expect("data");
    let mut out = String::new();
    for s in &gold {
        let forms = s.forms();
        let a = m.analyze(&forms);
        for (i, (f, t)) in forms.iter().zip(&a.tokens).enumerate() {
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_",
                i + 1,
                f,
                t.lemma,
                t.upos,
                t.xpos,
                t.head,
                t.deprel
            );
        }
        out.push('\n');
    }
    print!("{out}");
}
