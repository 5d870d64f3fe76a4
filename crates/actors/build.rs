//! Embeds every `*.toml` file of `data/actors/` (sorted by name) into the binary, twice:
//! the TOML source (for `flashpoint check actors`, with line numbers) and a JSON
//! translation made here at build time, which loads ~20× faster at run time.
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../data/actors");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    let mut code = String::from("/// (file name, TOML source, JSON translation) of the bundled knowledge base.\npub static BUNDLED: &[(&str, &str, &str)] = &[\n");
    for (i, f) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        let text = std::fs::read_to_string(f).unwrap();
        // A file that does not parse is embedded as an empty JSON object; the TOML
        // source still goes in, so `flashpoint check actors` reports the error.
        let json = toml::from_str::<toml::Value>(&text)
            .map(|v| serde_json::to_string(&v).unwrap())
            .unwrap_or_else(|e| {
                println!("cargo:warning=data/actors/{name}: {e}");
                "{}".to_string()
            });
        let json_path = out_dir.join(format!("actors-{i}.json"));
        std::fs::write(&json_path, json).unwrap();
        code.push_str(&format!(
            "    (\"data/actors/{name}\", include_str!({:?}), include_str!({:?})),\n",
            f.canonicalize().unwrap(),
            json_path
        ));
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("bundled.rs"), code).unwrap();
}
