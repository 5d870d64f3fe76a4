//! Embeds the ontology tables of `data/ontology/` and the event patterns of
//! `data/patterns/` so the binary needs no data files.
use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../data/ontology");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("ontology.rs");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut code = String::new();
    for (konst, file) in [("CAMEO_TSV", "cameo.tsv"), ("PLOVER_TSV", "plover.tsv")] {
        let p = root.join(file);
        println!("cargo:rerun-if-changed={}", p.display());
        if p.exists() {
            code.push_str(&format!(
                "pub static {konst}: &str = include_str!({:?});\n",
                p.canonicalize().unwrap()
            ));
        } else {
            code.push_str(&format!("pub static {konst}: &str = \"\";\n"));
        }
    }
    std::fs::write(out, code).unwrap();

    // The pattern files of data/patterns/, sorted by name.
    let dir =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../data/patterns");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    files.sort();
    let mut code = String::from("pub static PATTERN_FILES: &[(&str, &str)] = &[\n");
    for p in files {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            p.canonicalize().unwrap()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("patterns.rs");
    std::fs::write(out, code).unwrap();
}
