//! The CLI integration tests: every reader, every writer, bad input, determinism,
//! and golden files for the bundled examples.
//!
//! Golden files live in `tests/golden/`; after an intended change, re-bless them with
//! `FLASHPOINT_BLESS=1 cargo test -p flashpoint-cli --test cli` and review the diff.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_flashpoint"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run flashpoint")
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::File::create(&p)
        .unwrap()
        .write_all(content)
        .unwrap();
    p
}

fn stats(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn lines(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const ARTICLE: &str = r#"{"id":"a1","date":"2020-01-03","text":"Iran's forces attacked Iraq. Russia condemned Iran.","feed":"x"}"#;

#[test]
fn every_reader() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    write(dir, "a.jsonl", format!("{ARTICLE}\n").as_bytes());
    write(
        dir,
        "b.csv",
        b"id,date,text\nb1,20200103,\"Iran's forces attacked Iraq.\"\n",
    );
    write(
        dir,
        "c.txt",
        b" date 2020-01-03 Iran's forces attacked Iraq.\n",
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(ARTICLE.replace("a1", "g1").as_bytes())
        .unwrap();
    write(dir, "d.jsonl.gz", &gz.finish().unwrap());
    let out = dir.join("out.jsonl");
    let st = dir.join("stats.json");
    let o = run(&[
        "code",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--stats",
        st.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = stats(&st);
    assert_eq!(s["articles"], 4, "{s}");
    assert_eq!(s["rejected"], 0, "{s}");
    let ids: std::collections::BTreeSet<String> = lines(&out)
        .iter()
        .map(|e| e["article_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids.into_iter().collect::<Vec<_>>(),
        vec!["a1", "b1", "c", "g1"]
    );

    // stdin
    let mut child = bin()
        .args(["code", "-", "--stats", st.to_str().unwrap()])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ARTICLE.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&o.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["article_id"], "a1");
    assert_eq!(
        first["article_meta"]["feed"], "x",
        "unknown fields carried through"
    );
    assert_eq!(first["schema_version"], 2);
}

#[test]
fn every_writer_and_parquet_reads_back() {
    let d = tempfile::tempdir().unwrap();
    let input = write(d.path(), "in.jsonl", format!("{ARTICLE}\n").as_bytes());
    let mut counts = Vec::new();
    for ext in ["jsonl", "csv", "tsv", "parquet"] {
        let out = d.path().join(format!("out.{ext}"));
        let o = run(&["code", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert!(
            o.status.success(),
            "{ext}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let n = match ext {
            "jsonl" => lines(&out).len(),
            "csv" | "tsv" => {
                let text = std::fs::read_to_string(&out).unwrap();
                let header = text.lines().next().unwrap();
                let sep = if ext == "csv" { ',' } else { '\t' };
                assert!(
                    header.starts_with(&format!(
                        "schema_version{sep}article_id{sep}sentence{sep}date"
                    )),
                    "{header}"
                );
                text.lines().count() - 1
            }
            _ => {
                use parquet::file::reader::{FileReader, SerializedFileReader};
                let r = SerializedFileReader::new(std::fs::File::open(&out).unwrap()).unwrap();
                let meta = r.metadata().file_metadata();
                assert!(meta
                    .schema_descr()
                    .columns()
                    .iter()
                    .any(|c| c.name() == "cameo"));
                let reader =
                    parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
                        std::fs::File::open(&out).unwrap(),
                    )
                    .unwrap()
                    .build()
                    .unwrap();
                let mut rows = 0;
                for batch in reader {
                    let batch = batch.unwrap();
                    let col = batch.column_by_name("article_id").unwrap();
                    let ids = col
                        .as_any()
                        .downcast_ref::<arrow_array::StringArray>()
                        .unwrap();
                    assert_eq!(ids.value(0), "a1");
                    rows += batch.num_rows();
                }
                meta.num_rows() as usize + rows - rows
            }
        };
        counts.push(n);
    }
    assert!(counts[0] > 0, "the example must code at least one event");
    assert!(
        counts.iter().all(|&c| c == counts[0]),
        "same events in every format: {counts:?}"
    );
}

#[test]
fn bad_input_is_rejected_and_counted() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    let big = format!(
        r#"{{"id":"big","date":"2020-01-03","text":"{}"}}"#,
        "word ".repeat(4 * 1024 * 1024)
    );
    write(
        &dir,
        "mixed.jsonl",
        format!(
            "{ARTICLE}\n{{\"id\":\"t\",\"date\":\"2020-01-0\n{{\"id\":\"nd\",\"text\":\"Iran attacked Iraq.\"}}\n{big}\n{}\n",
            r#"{"id":"bd","date":"next week","text":"x"}"#
        )
        .as_bytes(),
    );
    write(
        &dir,
        "utf8.jsonl",
        b"{\"id\":\"u\",\"date\":\"2020-01-03\",\"text\":\"caf\xe9\"}\n",
    );
    write(&dir, "empty.jsonl", b"");
    write(&dir, "binary.dat", b"\x7fELF\x02\x01\x00\x00\x00binary");
    let out = d.path().join("out.jsonl");
    let rej = d.path().join("rejects.jsonl");
    let st = d.path().join("stats.json");
    let o = run(&[
        "code",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--rejects",
        rej.to_str().unwrap(),
        "--stats",
        st.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rejects = lines(&rej);
    let reasons: Vec<String> = rejects
        .iter()
        .map(|r| {
            format!(
                "{}:{} {}",
                Path::new(r["file"].as_str().unwrap())
                    .file_name()
                    .unwrap()
                    .to_string_lossy(),
                r["record"],
                r["reason"].as_str().unwrap()
            )
        })
        .collect();
    let expect = [
        "binary.dat:0 binary file",
        "empty.jsonl:0 empty input",
        "mixed.jsonl:2 invalid JSON",
        "mixed.jsonl:3 missing required field `date`",
        "mixed.jsonl:4 article too large",
        "mixed.jsonl:5 unparseable date",
        "utf8.jsonl:1 invalid UTF-8",
    ];
    assert_eq!(reasons.len(), expect.len(), "{reasons:#?}");
    for (got, want) in reasons.iter().zip(expect) {
        assert!(got.starts_with(want), "{got} should start with {want}");
    }
    assert!(
        rejects
            .iter()
            .all(|r| r.get("raw").is_some() || r.get("raw_base64").is_some()),
        "raw record kept"
    );
    let s = stats(&st);
    assert_eq!(s["records"], 8);
    assert_eq!(
        s["articles"].as_u64().unwrap() + s["rejected"].as_u64().unwrap(),
        s["records"].as_u64().unwrap(),
        "records in = coded + rejected"
    );
    assert_eq!(s["articles"], 1);

    // --strict turns rejects into a failure
    let o = run(&[
        "code",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--rejects",
        rej.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--strict"));
}

#[test]
fn missing_input_is_a_clear_error() {
    let o = run(&["code", "/no/such/file.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("/no/such/file.jsonl") && err.contains("cannot open input"),
        "{err}"
    );
}

#[test]
fn deterministic_across_threads() {
    let d = tempfile::tempdir().unwrap();
    let mut content = String::new();
    for i in 0..300 {
        content.push_str(&format!(
            "{{\"id\":\"n{i}\",\"date\":\"2020-01-{:02}\",\"text\":\"Iran's forces attacked Iraq. Russia condemned Iran. Turkish troops shelled Syria on day {i}.\"}}\n",
            1 + i % 28
        ));
    }
    let input = write(d.path(), "in.jsonl", content.as_bytes());
    let mut outs = Vec::new();
    for t in ["1", "2"] {
        let out = d.path().join(format!("out{t}.jsonl"));
        let o = run(&[
            "code",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--threads",
            t,
        ]);
        assert!(o.status.success());
        outs.push(std::fs::read(&out).unwrap());
    }
    assert!(!outs[0].is_empty());
    assert_eq!(
        outs[0], outs[1],
        "--threads 1 and --threads 2 must give byte-identical output"
    );
}

#[test]
fn golden_examples() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out.jsonl");
    let examples = root().join("examples");
    let o = run(&[
        "code",
        examples.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--threads",
        "1",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let got = std::fs::read_to_string(&out)
        .unwrap()
        .replace(&*examples.to_string_lossy(), "examples");
    check_golden("examples.jsonl", &got);

    let text = std::fs::read_to_string(examples.join("baghdad-strike.txt")).unwrap();
    let o = run(&[
        "explain",
        "--date",
        "2020-01-03",
        text.trim_start().trim_start_matches("date 2020-01-03 "),
    ]);
    assert!(o.status.success());
    check_golden("explain-baghdad.txt", &String::from_utf8_lossy(&o.stdout));
}

fn check_golden(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("FLASHPOINT_BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with FLASHPOINT_BLESS=1",
            path.display()
        )
    });
    if want != got {
        let first = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(got.lines().count()));
        panic!(
            "golden file {name} differs at line {}:\n want: {}\n  got: {}\nRe-bless with FLASHPOINT_BLESS=1 if the change is intended.",
            first + 1,
            want.lines().nth(first).unwrap_or("<eof>"),
            got.lines().nth(first).unwrap_or("<eof>")
        );
    }
}

#[test]
fn check_actors_reports_file_and_line() {
    let d = tempfile::tempdir().unwrap();
    let f = write(d.path(), "bad.toml", b"[[person]]\nid = \"p-a\"\nname = \"A\"\ncountry = \"USA\"\nroles = [{ title = \"x\", sector = \"NOPE\" }]\n");
    let o = run(&["check", "actors", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("bad.toml:1: unknown sector code \"NOPE\""),
        "{out}"
    );
    let o = run(&["check", "actors"]);
    assert!(
        o.status.success(),
        "the bundled knowledge base must validate: {}",
        String::from_utf8_lossy(&o.stdout)
    );
}
