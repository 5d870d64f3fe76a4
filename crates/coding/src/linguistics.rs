//! Closed word lists the pattern coder uses to decide negation, modality, reported
//! speech and the like. All lists are lowercase lemmas.

/// Prepositions and verb particles as they occur in patterns.
pub const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "ahead",
    "along",
    "alongside",
    "amid",
    "amidst",
    "among",
    "apart",
    "around",
    "as",
    "aside",
    "at",
    "away",
    "back",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "down",
    "during",
    "for",
    "forward",
    "from",
    "in",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "past",
    "per",
    "since",
    "through",
    "throughout",
    "to",
    "together",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

pub fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

/// Negators attached to a predicate (advmod / neg / det).
pub const NEGATORS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];

/// Verbs whose complement did not happen ("denied attacking", "refused to withdraw").
pub const NEGATING_GOVERNORS: &[&str] = &[
    "deny", "refuse", "reject", "decline", "fail", "avoid", "rule_out", "stop", "halt", "prevent",
    "forbid", "oppose", "dismiss", "refrain", "cease", "abandon",
];

/// Modal auxiliaries: the act is hypothetical.
pub const HYPOTHETICAL_AUX: &[&str] = &[
    "could", "may", "might", "would", "should", "can", "must", "ca", "ought",
];

/// Future auxiliaries.
pub const FUTURE_AUX: &[&str] = &["will", "shall", "'ll", "wo"];

/// Verbs whose `to`-complement happens (aspect and achievement): "continued to shell".
pub const REALIS_GOVERNORS: &[&str] = &[
    "begin",
    "start",
    "continue",
    "resume",
    "keep",
    "manage",
    "proceed",
    "go",
    "step_up",
    "escalate",
    "intensify",
    "renew",
    "repeat",
    "help",
    "use",
];

/// Governors that make a complement an intention or plan (future).
pub const FUTURE_GOVERNORS: &[&str] = &[
    "plan",
    "vow",
    "pledge",
    "promise",
    "intend",
    "prepare",
    "threaten",
    "aim",
    "decide",
    "agree",
    "want",
    "seek",
    "hope",
    "expect",
    "offer",
    "propose",
    "mull",
    "consider",
    "weigh",
    "warn",
    "swear",
    "resolve",
    "announce",
    "schedule",
    "set",
    "be_set",
    "willing",
    "ready",
    "prepared",
    "committed",
    "determined",
    "poised",
    "due",
    "expected",
    "eager",
    "going",
];

/// Speech and report verbs: their `ccomp` is reported speech.
pub const SPEECH_VERBS: &[&str] = &[
    "say",
    "tell",
    "state",
    "write",
    "tweet",
    "claim",
    "allege",
    "insist",
    "add",
    "announce",
    "report",
    "declare",
    "assert",
    "argue",
    "note",
    "suggest",
    "contend",
    "maintain",
    "charge",
    "reiterate",
    "stress",
    "post",
    "explain",
    "confirm",
    "acknowledge",
];

/// Verbs whose complement is an accusation, not an established fact.
pub const ACCUSATION_GOVERNORS: &[&str] = &[
    "accuse", "blame", "allege", "suspect", "charge", "claim", "fear", "believe", "suspect",
];

/// Nominal modifiers that make a nominal event unreal ("a planned attack").
pub const IRREALIS_MODIFIERS: &[&str] = &[
    "planned",
    "possible",
    "potential",
    "alleged",
    "threatened",
    "would-be",
    "future",
    "imminent",
    "proposed",
    "hypothetical",
    "feared",
    "rumoured",
    "rumored",
    "purported",
    "attempted",
    "foiled",
    "failed",
    "thwarted",
];

/// Verbs that govern a nominal event that did not (yet) happen ("threatened an attack",
/// "called for a strike", "denied the killing").
pub const IRREALIS_NOUN_GOVERNORS: &[&str] = &[
    "threaten",
    "plan",
    "vow",
    "promise",
    "pledge",
    "prepare",
    "warn",
    "fear",
    "call",
    "demand",
    "urge",
    "seek",
    "want",
    "deny",
    "prevent",
    "avoid",
    "foil",
    "thwart",
    "consider",
    "propose",
    "rule_out",
    "reject",
    "risk",
    "contemplate",
    "order",
    "authorize",
    "authorise",
    "approve",
    "request",
    "avert",
];

/// Subordinators of a conditional clause.
pub const CONDITIONAL_MARKS: &[&str] = &["if", "unless", "whether", "lest"];

/// Relations that start a new clause (pattern words are not looked for across them).
pub fn is_clause_rel(deprel: &str) -> bool {
    let base = deprel.split(':').next().unwrap_or(deprel);
    matches!(
        base,
        "ccomp" | "advcl" | "parataxis" | "csubj" | "acl" | "xcomp" | "list" | "reparandum"
    ) || deprel == "acl:relcl"
}

/// Subject relations.
pub fn is_subject(deprel: &str) -> bool {
    matches!(deprel, "nsubj" | "csubj") || deprel.starts_with("nsubj:") && deprel != "nsubj:pass"
}

/// Personal pronouns that refer back to an actor.
pub const PRONOUNS: &[&str] = &[
    "it", "they", "he", "she", "we", "i", "who", "which", "that", "them", "him", "her", "us",
];

/// Irregular verb forms (lemma, past and participle forms) for the trigger prefilter
/// and for surface-form matching when the lemmatiser errs.
pub const IRREGULAR_VERBS: &[(&str, &[&str])] = &[
    ("arise", &["arose", "arisen"]),
    ("beat", &["beaten"]),
    ("become", &["became"]),
    ("begin", &["began", "begun"]),
    ("bend", &["bent"]),
    ("bid", &["bade"]),
    ("bind", &["bound"]),
    ("bite", &["bit", "bitten"]),
    ("bleed", &["bled"]),
    ("blow", &["blew", "blown"]),
    ("break", &["broke", "broken"]),
    ("bring", &["brought"]),
    ("build", &["built"]),
    ("burn", &["burnt"]),
    ("buy", &["bought"]),
    ("catch", &["caught"]),
    ("choose", &["chose", "chosen"]),
    ("come", &["came"]),
    ("deal", &["dealt"]),
    ("dig", &["dug"]),
    ("draw", &["drew", "drawn"]),
    ("drive", &["drove", "driven"]),
    ("eat", &["ate", "eaten"]),
    ("fall", &["fell", "fallen"]),
    ("feed", &["fed"]),
    ("feel", &["felt"]),
    ("fight", &["fought"]),
    ("find", &["found"]),
    ("flee", &["fled"]),
    ("fly", &["flew", "flown"]),
    ("forbid", &["forbade", "forbidden"]),
    ("forgive", &["forgave", "forgiven"]),
    ("freeze", &["froze", "frozen"]),
    ("get", &["got", "gotten"]),
    ("give", &["gave", "given"]),
    ("go", &["went", "gone"]),
    ("grow", &["grew", "grown"]),
    ("hang", &["hung"]),
    ("have", &["had", "has"]),
    ("hear", &["heard"]),
    ("hide", &["hid", "hidden"]),
    ("hold", &["held"]),
    ("keep", &["kept"]),
    ("know", &["knew", "known"]),
    ("lay", &["laid"]),
    ("lead", &["led"]),
    ("leave", &["left"]),
    ("lend", &["lent"]),
    ("lose", &["lost"]),
    ("make", &["made"]),
    ("mean", &["meant"]),
    ("meet", &["met"]),
    ("mislead", &["misled"]),
    ("overrun", &["overran"]),
    ("overthrow", &["overthrew", "overthrown"]),
    ("pay", &["paid"]),
    ("ride", &["rode", "ridden"]),
    ("rise", &["rose", "risen"]),
    ("run", &["ran"]),
    ("say", &["said"]),
    ("see", &["saw", "seen"]),
    ("seek", &["sought"]),
    ("sell", &["sold"]),
    ("send", &["sent"]),
    ("shake", &["shook", "shaken"]),
    ("shoot", &["shot"]),
    ("sink", &["sank", "sunk"]),
    ("slay", &["slew", "slain"]),
    ("speak", &["spoke", "spoken"]),
    ("spend", &["spent"]),
    ("stand", &["stood"]),
    ("steal", &["stole", "stolen"]),
    ("stick", &["stuck"]),
    ("strike", &["struck", "stricken"]),
    ("swear", &["swore", "sworn"]),
    ("sweep", &["swept"]),
    ("take", &["took", "taken"]),
    ("teach", &["taught"]),
    ("tear", &["tore", "torn"]),
    ("tell", &["told"]),
    ("think", &["thought"]),
    ("throw", &["threw", "thrown"]),
    ("undertake", &["undertook", "undertaken"]),
    ("uphold", &["upheld"]),
    ("wage", &["waged"]),
    ("win", &["won"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("withhold", &["withheld"]),
    ("write", &["wrote", "written"]),
];

/// Verbs whose complement is requested, not asserted ("demanded that X refuse …",
/// "urged Israel to withdraw"): the complement's event is hypothetical.
pub const REQUEST_GOVERNORS: &[&str] = &[
    "demand",
    "urge",
    "call",
    "ask",
    "request",
    "insist",
    "press",
    "appeal",
    "plead",
    "implore",
    "exhort",
    "encourage",
    "order",
    "instruct",
    "command",
    "require",
    "invite",
    "recommend",
    "advise",
    "push",
    "pressure",
    "lobby",
];
