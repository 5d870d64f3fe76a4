//! Word lists used by toponym recognition. Each list is kept sorted (checked by a test) and
//! searched with a binary search.

/// Never a single-word place: function words, months, weekdays, titles, demonyms, generic
/// nouns that are also small places, and surnames of much-reported politicians.
#[rustfmt::skip]
pub(crate) const STOP: &[&str] = &[
    "a", "about", "administration", "afghan", "afp", "african", "after", "agent", "aids", "airport",
    "albanian", "algerian", "all", "allah", "also", "am", "american", "americans", "an", "and",
    "angolan", "any", "ap", "apple", "apr", "april", "arab", "arabs", "arafat", "are", "argentine",
    "armenian", "army", "as", "asian", "at", "aug", "august", "aussie", "australian", "austrian",
    "azerbaijani", "bangladeshi", "bank", "bay", "bbc", "be", "beach", "been", "before",
    "belarusian", "belgian", "biden", "black", "blair", "blue", "bosnian", "brazilian", "bridge",
    "british", "brother", "buddhist", "bulgarian", "burmese", "bush", "but", "by", "cambodian",
    "can", "canadian", "capital", "captain", "care", "castle", "castro", "catholic", "cdc", "cell",
    "center", "central", "centre", "chadian", "chavez", "cheney", "chief", "chinese", "christ",
    "christian", "christmas", "church", "city", "clinton", "cloud", "cnn", "co", "coast", "college",
    "colombian", "colonel", "commerce", "congolese", "corona", "corp", "could", "county", "court",
    "covid", "croatian", "cross", "cuban", "czech", "daily", "danish", "daughter", "deal", "dec",
    "december", "deja", "dengue", "department", "did", "district", "do", "doctor", "does", "down",
    "dr", "drug", "drugs", "dutch", "east", "easter", "eastern", "ebola", "egyptian", "email",
    "english", "enterprise", "erdogan", "ethiopian", "european", "facebook", "fao", "father", "feb",
    "february", "federal", "filipino", "finnish", "flu", "food", "for", "french", "friday",
    "friendship", "from", "gaddafi", "general", "georgian", "german", "ghanaian", "god", "gold",
    "golden", "google", "government", "governor", "greater", "greek", "green", "guinean", "gulf",
    "h1n1", "h5n1", "h7n9", "had", "haitian", "hall", "hamas", "harbor", "harbour", "has", "have",
    "he", "health", "hendra", "her", "herald", "here", "him", "hindu", "his", "hispanic", "hiv",
    "hope", "hospital", "house", "how", "hungarian", "hussein", "i", "icelandic", "if", "in", "inc",
    "independence", "indian", "indonesian", "industry", "international", "internet", "iranian",
    "iraqi", "irish", "is", "islam", "island", "islands", "israeli", "it", "italian", "its", "jan",
    "january", "japanese", "jesus", "jew", "jewish", "jews", "jr", "jul", "july", "jun", "june",
    "just", "justice", "kazakh", "kenyan", "kerry", "king", "kiwi", "korean", "kurd", "kurds",
    "lake", "lankan", "laotian", "lassa", "latino", "lebanese", "liberian", "liberty", "libyan",
    "line", "lord", "lower", "ltd", "lyme", "macron", "major", "make", "malaysian", "male",
    "malian", "man", "mandela", "many", "mar", "marburg", "march", "may", "me", "media", "medical",
    "merkel", "mers", "mexican", "middle", "might", "mine", "minister", "ministry", "mission",
    "mobile", "modi", "monday", "mongolian", "more", "moroccan", "mosque", "most", "mother",
    "mount", "mr", "mrs", "ms", "mt", "mubarak", "much", "muslim", "must", "my", "nasrallah",
    "national", "nato", "navy", "nepali", "netanyahu", "new", "news", "nigerian", "nigerien",
    "nipah", "no", "normal", "north", "northern", "norwegian", "not", "nov", "november", "obama",
    "ocean", "oct", "october", "of", "officer", "oie", "ok", "old", "on", "one", "online", "only",
    "or", "orange", "ottoman", "our", "out", "over", "pakistani", "palace", "palestinian",
    "paradise", "park", "peace", "persian", "philippine", "pm", "police", "polish", "pope", "port",
    "portuguese", "post", "president", "press", "prince", "princess", "professor", "progress",
    "protestant", "province", "putin", "qaddafi", "queen", "reading", "red", "region", "republic",
    "reverend", "rift", "river", "road", "roman", "romanian", "rumsfeld", "russian", "rwandan",
    "saddam", "santa", "sarkozy", "sars", "saturday", "saudi", "school", "scottish", "sea",
    "secretary", "section", "senator", "senegalese", "sep", "sept", "september", "serbian", "shall",
    "she", "shia", "shiite", "should", "silver", "since", "sister", "slovak", "so", "somali",
    "some", "son", "south", "southern", "soviet", "spanish", "square", "sr", "sri", "st", "star",
    "state", "states", "station", "street", "success", "such", "sudanese", "sun", "sunday", "sunni",
    "swedish", "swiss", "syrian", "taiwanese", "tanzanian", "temple", "ten", "thai", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "three", "thursday",
    "tibetan", "times", "to", "tower", "town", "trump", "tuesday", "tunisian", "turkish", "tv",
    "twitter", "two", "ugandan", "ukrainian", "un", "under", "union", "unity", "university",
    "until", "up", "upper", "us", "uzbek", "valley", "venezuelan", "via", "victory", "vietnamese",
    "village", "virus", "was", "we", "web", "wednesday", "welcome", "welsh", "were", "west",
    "western", "what", "when", "where", "which", "while", "white", "who", "why", "will", "with",
    "world", "would", "xinhua", "yankee", "yemeni", "you", "zelensky", "zika", "zimbabwean",
];

/// Words that are rejected as a single-token place when they start a sentence.
#[rustfmt::skip]
pub(crate) const COMMON_INITIAL: &[&str] = &[
    "above", "according", "accordingly", "across", "additional", "additionally", "again", "against",
    "aid", "almost", "along", "already", "although", "always", "among", "analysts", "animals",
    "another", "anyone", "apparently", "around", "asked", "attacks", "authorities", "bad", "bath",
    "bats", "because", "behind", "below", "beside", "besides", "best", "between", "beyond", "big",
    "birds", "both", "camels", "cases", "cats", "cattle", "certain", "certainly", "chickens",
    "children", "citizens", "clashes", "clearly", "clinics", "consequently", "crews", "critics",
    "current", "currently", "data", "dear", "deaths", "despite", "different", "disease", "diseases",
    "doctors", "dogs", "dozens", "drought", "during", "each", "earlier", "early", "eight", "either",
    "entire", "especially", "even", "eventually", "every", "everyone", "everything", "experts",
    "extra", "families", "farmers", "farms", "few", "fighting", "figures", "finally", "fire",
    "first", "five", "floods", "following", "food", "forces", "former", "four", "fresh", "further",
    "furthermore", "future", "generally", "given", "goats", "good", "great", "half", "heavy",
    "hello", "help", "hence", "here", "high", "horses", "hospitals", "however", "hundreds",
    "including", "indeed", "infection", "infections", "initially", "inside", "instead", "into",
    "junior", "key", "large", "last", "late", "later", "leaders", "less", "like", "likely",
    "likewise", "little", "local", "long", "low", "main", "markets", "maybe", "meanwhile",
    "members", "men", "military", "millions", "monkeys", "moreover", "mosquitoes", "near", "nearly",
    "neither", "never", "nevertheless", "next", "nice", "nine", "nobody", "none", "nonetheless",
    "notably", "nothing", "now", "officers", "officials", "often", "once", "only", "onto",
    "opponents", "other", "otherwise", "outbreak", "outbreaks", "outside", "overall", "parents",
    "particular", "particularly", "patients", "people", "per", "perhaps", "pigs", "please",
    "possible", "poultry", "previous", "protesters", "rain", "rebels", "recent", "recently",
    "reportedly", "reporting", "reports", "researchers", "residents", "results", "said", "same",
    "samples", "says", "schools", "scientists", "second", "security", "senior", "seven", "several",
    "sheep", "short", "similar", "similarly", "since", "six", "small", "soldiers", "someone",
    "something", "sometimes", "soon", "sources", "speaking", "special", "specific", "specifically",
    "split", "staff", "still", "storms", "students", "support", "supporters", "symptoms", "talks",
    "team", "teams", "tests", "thanks", "then", "there", "third", "though", "thousands",
    "throughout", "thus", "today", "told", "tomorrow", "tonight", "top", "total", "toward",
    "towards", "treatment", "troops", "unless", "unlike", "unlikely", "until", "upon", "usually",
    "vaccination", "vaccines", "various", "vets", "victims", "villagers", "violence", "volunteers",
    "voters", "war", "water", "welcome", "well", "whether", "whole", "why", "within", "without",
    "witnesses", "women", "workers", "yes", "yesterday", "yet", "young",
];

#[rustfmt::skip]
pub(crate) const TITLES: &[&str] = &[
    "admiral", "ambassador", "archbishop", "ayatollah", "bishop", "brother", "capt", "captain",
    "cardinal", "chairman", "chairwoman", "chief", "coach", "col", "colonel", "commander",
    "congressman", "congresswoman", "constable", "corporal", "councillor", "councilor", "cpl",
    "crown", "cyclone", "dame", "dean", "detective", "director", "dr", "emir", "father", "gen",
    "general", "gov", "governor", "hurricane", "imam", "inspector", "judge", "justice", "king",
    "lieutenant", "lord", "lt", "marshal", "mayor", "mep", "minister", "miss", "mp", "mr", "mrs",
    "ms", "officer", "operation", "pope", "premier", "president", "prince", "princess", "private",
    "prof", "professor", "pvt", "queen", "rabbi", "rep", "rev", "reverend", "secretary", "sen",
    "senator", "sergeant", "sgt", "sheik", "sheikh", "sir", "sister", "spokesman", "spokesperson",
    "spokeswoman", "storm", "sultan", "superintendent", "tropical", "typhoon",
];

#[rustfmt::skip]
pub(crate) const LOCATIVE: &[&str] = &[
    "across", "along", "and", "around", "arrived", "at", "between", "beyond", "central", "downtown",
    "east", "eastern", "entered", "fled", "flew", "from", "in", "including", "inside", "into",
    "left", "near", "nearby", "neighboring", "neighbouring", "north", "northeast", "northeastern",
    "northern", "northwest", "northwestern", "of", "off", "on", "outside", "reached", "returned",
    "rural", "south", "southeast", "southeastern", "southern", "southwest", "southwestern",
    "suburban", "through", "throughout", "to", "toward", "towards", "traveled", "travelled", "via",
    "visit", "visited", "west", "western", "within",
];

/// Words after a single capitalised token that make it part of a longer name that is still a
/// place ("Kano State", "Lake Chad" is in the gazetteer anyway).
#[rustfmt::skip]
pub(crate) const PLACE_SUFFIX: &[&str] = &[
    "airport", "area", "basin", "bay", "bays", "border", "camp", "city", "coast", "county", "delta",
    "department", "desert", "district", "falls", "governorate", "harbor", "harbour", "heights",
    "hills", "hospital", "island", "islands", "laboratory", "lake", "lakes", "market", "mountains",
    "municipality", "nature", "oblast", "parish", "park", "peninsula", "plateau", "port",
    "prefecture", "province", "racecourse", "region", "reserve", "reserves", "river", "springs",
    "state", "territory", "town", "township", "valley", "valleys", "village", "zone",
];

/// Lower-case words that may end a multi-word gazetteer name ("Rafah crossing",
/// "Baghdad airport", "Idlib province").
#[rustfmt::skip]
pub(crate) const GENERIC_END: &[&str] = &[
    "airfield", "airport", "base", "border", "bridge", "camp", "canal", "checkpoint", "corridor",
    "county", "crossing", "district", "facility", "governorate", "island", "islands", "mountains",
    "peninsula", "plant", "province", "region", "river", "sea", "square", "state", "strait",
    "straits", "valley",
];

/// Lower-case words after a place name that make the phrase a disease or pathogen name.
#[rustfmt::skip]
pub(crate) const DISEASE_NEXT: &[&str] = &[
    "disease", "ebolavirus", "encephalitis", "fever", "flu", "influenza", "strain", "syndrome",
    "variant", "virus",
];

/// Common English given names that are also (small) place names ("Sharon", "Laura"):
/// rejected as a single-word place unless a locative word precedes ("in Sharon").
#[rustfmt::skip]
pub(crate) const GIVEN_NAMES: &[&str] = &[
    "aaron", "adam", "alan", "albert", "alex", "alexander", "alice", "allen", "amanda", "amy",
    "andrea", "andrew", "angela", "ann", "anna", "anne", "anthony", "arthur", "ashley", "barbara",
    "betty", "beverly", "bill", "billy", "bob", "bobby", "brandon", "brenda", "brian", "bruce",
    "carl", "carol", "caroline", "catherine", "charles", "cheryl", "chris", "christina",
    "christine", "christopher", "cynthia", "dan", "daniel", "david", "deborah", "debra", "denise",
    "dennis", "diana", "diane", "donald", "donna", "doris", "dorothy", "douglas", "edward",
    "elizabeth", "emily", "emma", "eric", "eugene", "evelyn", "frances", "frank", "fred", "gary",
    "george", "gerald", "gloria", "grace", "gregory", "harold", "harry", "heather", "helen",
    "henry", "jack", "jacqueline", "james", "jane", "janet", "janice", "jason", "jean", "jeff",
    "jeffrey", "jennifer", "jeremy", "jerry", "jessica", "jim", "joan", "joe", "john", "johnny",
    "jonathan", "jose", "joseph", "joshua", "joyce", "juan", "judith", "judy", "julia", "julie",
    "justin", "karen", "katherine", "kathleen", "kathy", "keith", "kelly", "kenneth", "kevin",
    "kimberly", "larry", "laura", "lauren", "lawrence", "linda", "lisa", "louis", "louise",
    "margaret", "maria", "marie", "marilyn", "mark", "martha", "mary", "matthew", "melissa",
    "michael", "michelle", "mike", "nancy", "nathan", "nicholas", "nicole", "norma", "pamela",
    "patricia", "patrick", "paul", "peter", "philip", "phillip", "rachel", "ralph", "randy",
    "raymond", "rebecca", "richard", "robert", "roger", "ronald", "rose", "roy", "russell", "ruth",
    "ryan", "samuel", "sandra", "sara", "sarah", "scott", "sean", "sharon", "shirley", "stephanie",
    "stephen", "steve", "steven", "susan", "teresa", "terry", "theresa", "thomas", "timothy", "tom",
    "tony", "walter", "wayne", "william", "willie",
];

/// Membership in one of the sorted lists above.
pub(crate) fn in_list(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_are_sorted() {
        for l in [
            super::STOP,
            super::COMMON_INITIAL,
            super::TITLES,
            super::LOCATIVE,
            super::PLACE_SUFFIX,
            super::GENERIC_END,
        ] {
            assert!(
                l.windows(2).all(|w| w[0] < w[1]),
                "{:?}",
                l.windows(2).find(|w| w[0] >= w[1])
            );
        }
    }
}
