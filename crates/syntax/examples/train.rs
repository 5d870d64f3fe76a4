//! Train the syntax model.
//!
//! cargo run --release -p flashpoint-syntax --example train -- \
//!   --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu -o crates/syntax/model/en_ewt.fpsyn
//!   [--epochs-tagger N] [--epochs-parser N] [--folds N] [--seed N] [--dev-each-epoch]
use flashpoint_syntax::{conllu, train, TrainOptions};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut tr, mut dev, mut out) = (None, None, None);
    let mut o = TrainOptions::default();
    while let Some(a) = args.next() {
        let mut val = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        let r: Result<(), String> = (|| {
            match a.as_str() {
                "--train" => tr = Some(PathBuf::from(val("--train")?)),
                "--dev" => dev = Some(PathBuf::from(val("--dev")?)),
                "-o" | "--out" => out = Some(PathBuf::from(val("-o")?)),
                "--epochs-tagger" => {
                    o.epochs_tagger = val(&a)?.parse().map_err(|e| format!("{a}: {e}"))?
                }
                "--epochs-parser" => {
                    o.epochs_parser = val(&a)?.parse().map_err(|e| format!("{a}: {e}"))?
                }
                "--epochs-jackknife" => {
                    o.epochs_jackknife = val(&a)?.parse().map_err(|e| format!("{a}: {e}"))?
                }
                "--folds" => {
                    o.jackknife_folds = val(&a)?.parse().map_err(|e| format!("{a}: {e}"))?
                }
                "--seed" => o.seed = val(&a)?.parse().map_err(|e| format!("{a}: {e}"))?,
                "--explore-p" => o.explore_p = val(&a)?.parse().map_err(|e| format!("{a}: {e}"))?,
                "--parser-prune" => {
                    o.parser_prune = val(&a)?.parse().map_err(|e| format!("{a}: {e}"))?
                }
                "--tagger-prune" => {
                    o.tagger_prune = val(&a)?.parse().map_err(|e| format!("{a}: {e}"))?
                }
                "--amb-min" => {
                    o.amb_min_count = val(&a)?.parse().map_err(|e| format!("{a}: {e}"))?
                }
                "--one-pass" => o.two_pass_tagger = false,
                "--dev-each-epoch" => o.dev_each_epoch = true,
                _ => return Err(format!("unknown argument '{a}'")),
            }
            Ok(())
        })();
        if let Err(e) = r {
            eprintln!("error: {e}\nusage: train --train FILE [--dev FILE] -o MODEL [--epochs-tagger N] [--epochs-parser N] [--folds N] [--seed N]");
            return ExitCode::from(2);
        }
    }
    let (Some(tr), Some(out)) = (tr, out) else {
        eprintln!("usage: train --train FILE [--dev FILE] -o MODEL");
        return ExitCode::from(2);
    };
    let t0 = Instant::now();
    let train_s = match conllu::read_file(&tr) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let dev_s = match dev.as_deref().map(conllu::read_file).transpose() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("options: {o:?}");
    let model = train(&train_s, dev_s.as_deref(), &o, &mut |m| {
        eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64())
    });
    if let Err(e) = model.save(&out) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "wrote {} ({:.1} MB) in {:.1}s total; stats {:?}",
        out.display(),
        size as f64 / 1e6,
        t0.elapsed().as_secs_f64(),
        model.stats()
    );
    ExitCode::SUCCESS
}
