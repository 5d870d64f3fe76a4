use flashpoint_syntax::{Analysis, SyntaxModel};
use proptest::prelude::*;

fn model() -> &'static SyntaxModel {
    SyntaxModel::bundled()
}

fn rel(a: &Analysis, dep: usize) -> (u32, &'static str) {
    (a.tokens[dep].head, a.tokens[dep].deprel)
}

#[test]
fn parses_simple_transitive_clause() {
    let a = model().analyze(&["The", "minister", "condemned", "the", "attack", "."]);
    assert_eq!(a.tokens.len(), 6);
    assert_eq!(rel(&a, 2), (0, "root"), "{a:#?}");
    assert_eq!(rel(&a, 1), (3, "nsubj"), "{a:#?}");
    assert_eq!(rel(&a, 4), (3, "obj"), "{a:#?}");
    assert_eq!(rel(&a, 0), (2, "det"));
    assert_eq!(rel(&a, 5), (3, "punct"));
    assert_eq!(a.tokens[2].upos, "VERB");
    assert_eq!(a.tokens[2].xpos, "VBD");
    assert_eq!(a.tokens[2].lemma, "condemn");
    assert_eq!(a.tokens[0].lemma, "the");
}

#[test]
fn parses_passive_with_agent() {
    let a = model().analyze(&["Two", "soldiers", "were", "killed", "by", "rebels", "."]);
    assert_eq!(rel(&a, 3), (0, "root"), "{a:#?}");
    assert_eq!(rel(&a, 1), (4, "nsubj:pass"), "{a:#?}");
    assert_eq!(rel(&a, 2), (4, "aux:pass"), "{a:#?}");
    let (h, r) = rel(&a, 5);
    assert_eq!(h, 4, "{a:#?}");
    assert!(r == "obl:agent" || r == "obl", "{a:#?}");
    assert_eq!(rel(&a, 4), (6, "case"));
    assert_eq!(a.tokens[3].lemma, "kill");
    assert_eq!(a.tokens[1].lemma, "soldier");
    assert_eq!(a.tokens[2].lemma, "be");
}

#[test]
fn proper_noun_lemmas_keep_case() {
    let a = model().analyze(&["Russia", "sent", "troops", "to", "Syria", "."]);
    assert_eq!(a.tokens[0].upos, "PROPN");
    assert_eq!(a.tokens[0].lemma, "Russia");
    assert_eq!(a.tokens[1].lemma, "send");
}

fn check_tree(a: &Analysis, n: usize) {
    assert_eq!(a.tokens.len(), n);
    if n == 0 {
        return;
    }
    let roots = a.tokens.iter().filter(|t| t.head == 0).count();
    assert_eq!(roots, 1, "exactly one root");
    for (i, t) in a.tokens.iter().enumerate() {
        assert!(t.head as usize <= n && t.head as usize != i + 1);
        assert_eq!(t.head == 0, t.deprel == "root");
        // no cycles: walking up reaches the root within n steps
        let mut x = i + 1;
        for _ in 0..=n {
            if x == 0 {
                break;
            }
            x = a.tokens[x - 1].head as usize;
        }
        assert_eq!(x, 0, "cycle through word {}", i + 1);
    }
}

#[test]
fn edge_cases_never_panic_and_give_trees() {
    let m = model();
    assert!(m.analyze(&[]).tokens.is_empty());
    check_tree(&m.analyze(&[""]), 1);
    check_tree(&m.analyze(&["", " ", "\t", "\u{0}"]), 4);
    let long: Vec<String> = (0..1000).map(|i| format!("w{}", i % 37)).collect();
    let refs: Vec<&str> = long.iter().map(|s| s.as_str()).collect();
    check_tree(&m.analyze(&refs), 1000);
    let weird = [
        "Ünïcödé",
        "战争",
        "🙂",
        "İstanbul",
        "ǅ",
        "ﬃ",
        "\u{202e}",
        "a\u{301}",
    ];
    check_tree(&m.analyze(&weird), weird.len());
}

#[test]
fn try_bundled_is_ok() {
    assert!(SyntaxModel::try_bundled().is_ok());
    assert!(model().tagset().len() > 40);
    assert!(model().relations().contains(&"nsubj:pass"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn analyze_never_panics(words in proptest::collection::vec(".{0,12}", 0..40)) {
        let refs: Vec<&str> = words.iter().map(|s| s.as_str()).collect();
        let a = model().analyze(&refs);
        check_tree(&a, refs.len());
    }
}
