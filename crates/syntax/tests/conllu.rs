use flashpoint_syntax::{conllu, SyntaxError};

const FIXTURE: &str = include_str!("fixtures/news.conllu");

#[test]
fn reads_fixture_skipping_multiword_tokens_and_empty_nodes() {
    let s = conllu::read(FIXTURE).unwrap();
    assert_eq!(s.len(), 26);
    assert_eq!(
        s[0].forms(),
        ["The", "minister", "condemned", "the", "attack", "."]
    );
    assert!(s[0]
        .comments
        .iter()
        .any(|c| c.starts_with("text = The minister")));
    // "Protesters don't trust the army ." -> the 2-3 range line is skipped, words kept
    let mwt = s
        .iter()
        .find(|x| x.tokens.iter().any(|t| t.form == "n't"))
        .unwrap();
    assert_eq!(
        mwt.forms(),
        ["Protesters", "do", "n't", "trust", "the", "army", "."]
    );
    assert_eq!(mwt.tokens[1].id, 2);
    // empty node 8.1 skipped: ids stay contiguous
    let e = s
        .iter()
        .find(|x| x.tokens.iter().any(|t| t.form == "Hebron"))
        .unwrap();
    assert_eq!(e.tokens.len(), 11);
    assert!(e
        .tokens
        .iter()
        .enumerate()
        .all(|(i, t)| t.id == i as u32 + 1));
    assert_eq!(e.tokens[9].deprel, "orphan");
    let passive = &s[1];
    assert_eq!(passive.tokens[1].deprel, "nsubj:pass");
    assert_eq!(passive.tokens[3].head, 0);
}

#[test]
fn roundtrips_through_writer() {
    let s = conllu::read(FIXTURE).unwrap();
    let again = conllu::read(&conllu::write(&s)).unwrap();
    assert_eq!(s.len(), again.len());
    for (a, b) in s.iter().zip(&again) {
        assert_eq!(a.tokens, b.tokens);
        assert_eq!(a.comments, b.comments);
    }
}

fn err_line(text: &str) -> (usize, String) {
    match conllu::read(text) {
        Err(SyntaxError::Conllu { line, msg, .. }) => (line, msg),
        other => panic!("expected a CoNLL-U error, got {other:?}"),
    }
}

#[test]
fn errors_carry_line_numbers() {
    let ok = "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n";
    // wrong column count on line 3
    let bad = format!("# c\n{ok}2\tthere\tthere\n");
    let (line, msg) = err_line(&bad);
    assert_eq!(line, 3);
    assert!(msg.contains("10 tab-separated columns"), "{msg}");
    // out-of-sequence ID on line 2
    let (line, _) = err_line(&format!("{ok}3\tx\tx\tX\tX\t_\t1\tdep\t_\t_\n"));
    assert_eq!(line, 2);
    // non-integer head
    let (line, msg) = err_line(&format!("{ok}2\tx\tx\tX\tX\t_\tone\tdep\t_\t_\n"));
    assert_eq!(line, 2);
    assert!(msg.contains("HEAD"));
    // head out of range is reported at the sentence start, with the file name
    let e = conllu::read_named(
        &format!("\n\n{ok}2\tx\tx\tX\tX\t_\t9\tdep\t_\t_\n"),
        "f.conllu",
    )
    .unwrap_err();
    let text = e.to_string();
    assert!(text.starts_with("f.conllu:3:"), "{text}");
    // malformed range
    let (line, _) = err_line("1-x\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n");
    assert_eq!(line, 1);
}

#[test]
fn tolerates_crlf_and_missing_final_blank_line() {
    let t =
        "# x\r\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\r\n\r\n1\tYo\tyo\tINTJ\tUH\t_\t0\troot\t_\t_";
    let s = conllu::read(t).unwrap();
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].tokens[0].form, "Yo");
    assert!(conllu::read("").unwrap().is_empty());
}
