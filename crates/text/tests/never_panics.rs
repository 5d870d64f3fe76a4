//! Property tests: the text layer never panics and every span is valid.

use flashpoint_text::Document;
use proptest::prelude::*;

fn check(text: &str) {
    let doc = Document::analyze(text);
    for t in &doc.tokens {
        assert!(t.span.start < t.span.end && t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
    }
    for s in &doc.sentences {
        assert!(s.span.end <= text.len() && !s.tokens.is_empty());
    }
    for q in &doc.quotes {
        assert!(q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
    }
    for w in doc.tokens.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "tokens overlap or are out of order"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn any_string(s in "\\PC{0,300}") { check(&s); }

    #[test]
    fn newsy_alphabet(s in "[A-Za-z.,'’“”\"()\\- \n:;!?0-9$%…—–/@]{0,400}") { check(&s); }
}

#[test]
fn edge_cases() {
    for s in [
        "",
        " ",
        "\n\n\n",
        ".",
        "\"",
        "'",
        "“",
        "-",
        "--",
        "U.S.",
        "n't",
        "'s",
        "a.",
        "...",
        "“”",
        "\u{FEFF}",
        "é.É",
        "https://",
        "@@",
        "$",
        "’’’",
        "Advertisement",
        "By X",
    ] {
        check(s);
    }
}
