//! Throughput benchmark: analyse a CoNLL-U file several times, report the best pass.
//!
//! cargo run --release -p flashpoint-syntax --example bench -- [MODEL] FILE.conllu [REPS]
use flashpoint_syntax::{conllu, SyntaxModel};
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (model, data, reps) = match args.as_slice() {
        [d] => (None, d.clone(), 5),
        [m, d] => (Some(m.clone()), d.clone(), 5),
        [m, d, r] => (Some(m.clone()), d.clone(), r.parse().unwrap_or(5)),
        _ => {
            eprintln!("usage: bench [MODEL] FILE.conllu [REPS]");
            std::process::exit(2);
        }
    };
    let t = Instant::now();
    let owned;
    let m: &SyntaxModel = match model {
        Some(p) => {
            owned = SyntaxModel::load(Path::new(&p)).expect("model");
            &owned
        }
        None => SyntaxModel::bundled(),
    };
    println!("load {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let gold = conllu::read_file(Path::new(&data)).expect("data");
    let sents: Vec<Vec<&str>> = gold.iter().map(|s| s.forms()).collect();
    let ntok: usize = sents.iter().map(|s| s.len()).sum();
    let mut best = 0f64;
    let mut best_cpu = 0f64;
    for _ in 0..reps {
        let c0 = cpu_ns();
        let t = Instant::now();
        let mut h = 0usize;
        for s in &sents {
            h += m.analyze(s).tokens.len();
        }
        assert_eq!(h, ntok);
        let tps = ntok as f64 / t.elapsed().as_secs_f64();
        best = best.max(tps);
        if let (Some(a), Some(b)) = (c0, cpu_ns()) {
            best_cpu = best_cpu.max(ntok as f64 / ((b - a) as f64 / 1e9));
        }
    }
    println!(
        "{} sentences, {} tokens: best {:.0} tokens/s, {:.0} sentences/s",
        sents.len(),
        ntok,
        best,
        best * sents.len() as f64 / ntok as f64
    );
    if best_cpu > 0.0 {
        println!("per CPU-second of this thread: best {best_cpu:.0} tokens/s");
    }
}

/// CPU time of the current thread in ns (Linux `/proc/thread-self/schedstat`), so that
/// other jobs on a shared machine distort the figure less than wall-clock time.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
