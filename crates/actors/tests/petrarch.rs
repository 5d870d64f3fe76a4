//! PETRARCH/Phoenix dictionary import. The fixtures are made up for these tests; the
//! Phoenix test reads the real dictionaries only when they are present.
use chrono::NaiveDate;
use flashpoint_actors::petrarch::{
    add_petrarch_actors, add_petrarch_actors_str, add_petrarch_agents, add_petrarch_agents_str,
};
use flashpoint_actors::{KbBuilder, KnowledgeBase, Recognizer};
use flashpoint_text::Document;
use proptest::prelude::*;

const ACTORS: &str = "\
<!-- MADE-UP TEST ACTORS -->
<!--
# a block comment
-->
# a line comment
ESTONIA_OF_THE_NORTH_ [EST]  # extra country name
+NORTHERN_ESTONIANS_

MARIA_VANTERPOOL_  # made-up person
+VANTERPOOL_
\t[ESTLEG <20150301]
\t[ESTGOV 20150301-20190915]
\t[ESTELI >190916]

KALEVI_HARBOUR_WATCH_ [ESTCOPSEA]
GRAND_COUNCIL_OF_LANTERNS_ [IGOGCL]
+GCL_
NOBODY_IN_PARTICULAR_ [---]
BROKEN_DATE_PERSON_
\t[ESTGOV 2015x]
NOWHERELAND_ [ZZQ]
+ORPHAN_SYNONYM_WITH_NO_PROBLEM_
";

const AGENTS: &str = "\
<!-- MADE-UP TEST AGENTS -->
!KEEPER! = KEEPER, KEEPERS, WARDEN, WARDENS
CHIEF_LIGHTHOUSE_KEEPER [~GOV] # made up
HARBOUR_!KEEPER! [~COP]
ROYAL_FALCONER {ROYAL_FALCONERS} [~ELI]
SEA_SCOUT {} [~EDU]
TELEGRAPH_CLERK [~MED]
LANTERN_MONK [~BUD]
GLOBAL_LANTERN_CORPS [IGO~]
LINE_WITHOUT_CODE
ODD_CODE [~QQQ]
";

fn base() -> KbBuilder {
    let mut b = KbBuilder::new();
    KnowledgeBase::add_bundled(&mut b).unwrap();
    b
}

fn codes(kb: &KnowledgeBase, text: &str, date: &str) -> Vec<(String, String)> {
    let r = Recognizer::new(kb);
    let doc = Document::analyze(text);
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    (0..doc.sentences.len())
        .flat_map(|s| r.find(&doc, s, date))
        .map(|m| (m.span.slice(text).to_string(), m.code))
        .collect()
}

#[test]
fn actors_dictionary() {
    let mut b = base();
    let st = add_petrarch_actors_str(&mut b, "test.actors.txt", ACTORS, 1);
    assert_eq!(st.country_names, 1, "{st:#?}");
    assert_eq!(st.people, 1, "{st:#?}");
    assert_eq!(st.bodies, 1, "{st:#?}");
    assert_eq!(st.orgs, 1, "{st:#?}");
    let problems: Vec<String> = st.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("test.actors.txt:20:") && p.contains("bad date")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("test.actors.txt:18:") && p.contains("no usable code")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("test.actors.txt:21:")
                && p.contains("unknown country code \"ZZQ\"")),
        "{problems:?}"
    );
    let kb = b.build_lenient();
    assert_eq!(
        codes(&kb, "Vanterpool spoke.", "2012-05-01"),
        [("Vanterpool".into(), "ESTLEG".into())]
    );
    assert_eq!(
        codes(&kb, "Maria Vanterpool spoke.", "2017-05-01"),
        [("Maria Vanterpool".into(), "ESTGOV".into())]
    );
    assert_eq!(
        codes(&kb, "Vanterpool spoke.", "2020-05-01"),
        [("Vanterpool".into(), "ESTELI".into())]
    );
    assert_eq!(
        codes(&kb, "Estonia of the North protested.", "2020-05-01"),
        [("Estonia of the North".into(), "EST".into())]
    );
    assert_eq!(
        codes(&kb, "The Kalevi Harbour Watch fired.", "2020-05-01"),
        [("Kalevi Harbour Watch".into(), "ESTCOP".into())]
    );
    assert_eq!(
        codes(&kb, "The GCL met.", "2020-05-01"),
        [("GCL".into(), "IGOGCL".into())]
    );
}

#[test]
fn agents_dictionary() {
    let mut b = base();
    let st = add_petrarch_agents_str(&mut b, "test.agents.txt", AGENTS, 1);
    assert_eq!(st.agents, 7, "{st:#?}");
    let problems: Vec<String> = st.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("test.agents.txt:10:") && p.contains("no [code]")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("test.agents.txt:11:") && p.contains("QQQ")),
        "{problems:?}"
    );
    let kb = b.build_lenient();
    let d = "2020-05-01";
    assert_eq!(
        codes(&kb, "The chief lighthouse keepers left.", d),
        [("chief lighthouse keepers".into(), "GOV".into())]
    );
    assert_eq!(
        codes(&kb, "Estonian harbour wardens left.", d),
        [("Estonian harbour wardens".into(), "ESTCOP".into())]
    );
    assert_eq!(
        codes(&kb, "Royal falconers left.", d),
        [("Royal falconers".into(), "ELI".into())]
    );
    assert_eq!(codes(&kb, "Sea scouts left.", d), []);
    assert_eq!(
        codes(&kb, "A sea scout left.", d),
        [("sea scout".into(), "EDU".into())]
    );
    // CAMEO MED (media) is PLOVER JRN; the agent keeps the CAMEO code.
    let clerk = kb
        .agents
        .iter()
        .find(|a| a.words.contains(&"telegraph clerk".to_string()))
        .unwrap();
    assert_eq!(
        (clerk.sector.as_str(), clerk.agent.as_deref()),
        ("JRN", Some("MED"))
    );
    let monk = kb
        .agents
        .iter()
        .find(|a| a.words.contains(&"lantern monks".to_string()))
        .unwrap();
    assert_eq!(
        (monk.sector.as_str(), monk.agent.as_deref()),
        ("REL", Some("BUD"))
    );
}

#[test]
fn missing_file_is_a_read_error() {
    let mut b = KbBuilder::new();
    let e = add_petrarch_actors(&mut b, std::path::Path::new("/nonexistent/x.actors.txt"), 1)
        .unwrap_err();
    assert!(e.to_string().contains("/nonexistent/x.actors.txt"), "{e}");
}

/// Loads the Phoenix dictionaries when /work/shared is present; reports counts and the
/// first problems (file:line).
#[test]
fn phoenix_dictionaries_load() {
    let dir = std::path::Path::new("/work/shared/data/petrarch/dicts");
    let actors = dir.join("Phoenix.Countries.actors.txt");
    let agents = dir.join("Phoenix.agents.txt");
    if !actors.exists() || !agents.exists() {
        eprintln!("skipped: {} not present", dir.display());
        return;
    }
    let t = std::time::Instant::now();
    let mut b = base();
    let sa = add_petrarch_actors(&mut b, &actors, 1).unwrap();
    let sg = add_petrarch_agents(&mut b, &agents, 1).unwrap();
    let kb = b.build_lenient();
    eprintln!(
        "Phoenix.Countries.actors: {} entries → {} people, {} bodies, {} orgs, {} country names; {} skipped, {} problems",
        sa.entries, sa.people, sa.bodies, sa.orgs, sa.country_names, sa.skipped, sa.problems.len()
    );
    eprintln!(
        "Phoenix.agents: {} entries → {} role words; {} problems; total {:?}, {} names",
        sg.entries,
        sg.agents,
        sg.problems.len(),
        t.elapsed(),
        kb.names.len()
    );
    for p in sa.problems.iter().chain(&sg.problems).take(15) {
        eprintln!("  {p}");
    }
    assert!(
        sa.entries > 5000 && sa.people > 3000,
        "{} {}",
        sa.entries,
        sa.people
    );
    assert!(sg.agents > 1000, "{}", sg.agents);
    // Problems are a small share of what was read.
    assert!(sa.problems.len() * 10 < sa.entries, "{}", sa.problems.len());
    assert!(sg.problems.len() * 10 < sg.entries, "{}", sg.problems.len());
    for p in sa.problems.iter().chain(&sg.problems) {
        assert!(p.at.contains(".txt:"), "{p}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn parser_never_panics(text in "([A-Z_+!~#<>\\[\\]{}=,.\\- \t\n0-9a-z-]|--|<!--|-->|\\[~|~\\]){0,300}") {
        let mut b = KbBuilder::new();
        let _ = add_petrarch_actors_str(&mut b, "p.txt", &text, 1);
        let _ = add_petrarch_agents_str(&mut b, "p.txt", &text, 1);
        let _ = b.build_lenient();
    }

    #[test]
    fn parser_never_panics_on_any_string(text in any::<String>()) {
        let mut b = KbBuilder::new();
        let _ = add_petrarch_actors_str(&mut b, "p.txt", &text, 1);
        let _ = add_petrarch_agents_str(&mut b, "p.txt", &text, 1);
    }
}
