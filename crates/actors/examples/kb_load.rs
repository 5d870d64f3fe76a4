//! Times loading the bundled knowledge base:
//! `cargo run --release -p flashpoint-actors --example kb_load`.
fn main() {
    let t = std::time::Instant::now();
    let kb = flashpoint_actors::KnowledgeBase::bundled();
    let built = t.elapsed();
    let _r = flashpoint_actors::Recognizer::new(kb);
    let all = t.elapsed();
    println!(
        "knowledge base {:?} + recognizer {:?} = {:?}; {} entries, {} names",
        built,
        all - built,
        all,
        kb.entries.len(),
        kb.names.len()
    );
}
