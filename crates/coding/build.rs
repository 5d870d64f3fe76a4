//! Embeds the ontology tables of `data/ontology/` so the binary needs no data files.
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
}
