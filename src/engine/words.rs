//! Closed word classes used by the attribution rules (small, stable lists kept in code).

/// Auxiliaries and adverbs that belong to a cue when they stand right before its verb
/// ("has insisted", "also said", "had previously claimed").
pub const CUE_PREFIX: &[&str] = &[
    "can",
    "cannot",
    "has",
    "have",
    "had",
    "also",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "was",
    "is",
    "were",
    "are",
    "been",
    "be",
    "did",
    "does",
    "do",
    "not",
    "never",
    "previously",
    "later",
    "repeatedly",
    "publicly",
    "privately",
    "then",
    "again",
    "already",
    "often",
    "once",
    "first",
    "recently",
    "earlier",
    "frequently",
    "explicitly",
    "flatly",
    "openly",
    "firmly",
    "quickly",
    "immediately",
    "simply",
    "just",
    "still",
    "reportedly",
    "allegedly",
    "sometimes",
    "always",
    "usually",
    "together",
    "jointly",
    "widely",
    "increasingly",
    "consistently",
    "routinely",
    "occasionally",
    "even",
    "ever",
    "now",
    "initially",
    "separately",
    "subsequently",
    "similarly",
    "further",
    "angrily",
    "strongly",
    "bluntly",
    "falsely",
    "wrongly",
    "correctly",
    "rightly",
    "vehemently",
    "yet",
];

/// The full form of an auxiliary the tokenizer split from its pronoun ("He’s" → "He", "’s"):
/// the rules and the model read "’s" as "is", "’re" as "are", and so on.
pub fn expand_clitic(w: &str) -> Option<&'static str> {
    let rest = w.strip_prefix('’').or_else(|| w.strip_prefix('\''))?;
    Some(match rest {
        "s" | "S" => "is",
        "re" | "RE" => "are",
        "ve" | "VE" => "have",
        "d" | "D" => "would",
        "ll" | "LL" => "will",
        "m" | "M" => "am",
        _ => return None,
    })
}

/// Whether the lower-case word `w` is a possessive ("trump’s", "ad's", "voters’") — not a bare
/// contracted auxiliary ("’s" split from "he’s").
pub fn is_possessive(w: &str) -> bool {
    possessive_base(w).is_some_and(|b| !b.is_empty())
}

/// `w` without its possessive ending ("Trump’s" → "Trump", "voters’" → "voters"), if it has one.
pub fn possessive_base(w: &str) -> Option<&str> {
    w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).or_else(|| w.strip_suffix('’'))
}

/// Determiners and quantifiers that may open a source noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your", "some", "many",
    "most", "several", "both", "all", "other", "another", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "few", "more", "no", "each", "any", "such", "dozens", "hundreds", "numerous", "various",
    "multiple",
];

/// Personal pronouns that can be a source on their own.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "who", "which"];

/// Indefinite pronouns that can be a source on their own ("Some believe …").
pub const INDEFINITE_PRONOUNS: &[&str] = &[
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "everybody",
    "nobody",
    "others",
    "many",
    "most",
    "several",
    "both",
    "all",
    "none",
    "critics",
    "some",
    "few",
];

/// Finite verbs that show a clause has begun (an apposition holds none: "Jim Smith, a
/// spokesman, said").
pub const FINITE_VERBS: &[&str] = &["is", "was", "are", "were", "has", "have", "had", "said", "says", "will", "would"];

/// Further finite verbs and modals after a clause's subject ("Patel could …", "it leaves …").
pub const MORE_FINITE_VERBS: &[&str] =
    &["could", "can", "should", "may", "might", "must", "did", "does", "do", "leaves"];

/// Adjectives that take a prepositional complement inside a source noun phrase ("an official
/// familiar with the talks", "a source close to the campaign").
pub const POSTMODIFIER_ADJECTIVES: &[&str] =
    &["familiar", "close", "closest", "loyal", "sympathetic", "friendly", "allied", "linked", "connected", "opposed"];

/// Words that end a source noun phrase when walking backwards from a cue (clause boundaries,
/// verbs, subordinators).
pub const NP_STOP: &[&str] = &[
    "that",
    "when",
    "while",
    "because",
    "after",
    "before",
    "if",
    "as",
    "but",
    "or",
    "so",
    "than",
    "then",
    "since",
    "although",
    "though",
    "where",
    "whether",
    "until",
    "unless",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "cannot",
    "could",
    "should",
    "may",
    "might",
    "must",
    "to",
    "not",
    "and",
    "nor",
    "yet",
    "do",
    "does",
    "did",
    "what",
    "how",
    "why",
    "also",
    "there",
    "here",
    "however",
    "even",
    "just",
    "only",
    "said",
    "says",
    "say",
    "told",
    "by",
    "whom",
    "whose",
    "once",
    "because",
    "like",
    "unlike",
    "despite",
    "during",
    "through",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "against",
    "between",
    "among",
    "without",
    "within",
    "upon",
    "toward",
    "towards",
    "amid",
    "per",
    "via",
    "up",
    "down",
    "out",
    "off",
    "ago",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "recently",
    "earlier",
    "later",
];

/// Prepositions that may sit inside a source noun phrase ("spokeswoman for the Council").
pub const NP_INNER_PREP: &[&str] = &["of", "for", "at", "from", "in", "with", "on"];

/// Adjectives in -ed/-ing that may stand inside a noun phrase.
pub const PARTICIPLE_ADJECTIVES: &[&str] = &[
    "unnamed",
    "unidentified",
    "high-ranking",
    "senior",
    "retired",
    "elected",
    "embattled",
    "united",
    "leading",
    "ruling",
    "incoming",
    "outgoing",
    "acting",
    "former",
    "longtime",
    "informed",
    "concerned",
    "advanced",
    "armed",
    "detained",
    "accused",
    "unnamed",
    "so-called",
    "aforementioned",
    "governing",
    "presiding",
    "reigning",
    "supposed",
    "alleged",
    "respected",
    "anonymous",
    "disgraced",
    "veteran",
    "appointed",
    "designated",
    "concerned",
    "polled",
    "surveyed",
    "interviewed",
    "based",
    "funded",
    "backed",
    "affiliated",
    "related",
    "registered",
    "licensed",
    "certified",
    "qualified",
    "experienced",
    "trusted",
    "ranking",
    "serving",
    "visiting",
    "remaining",
    "dissenting",
    "opposing",
    "competing",
    "participating",
    "reporting",
];

/// Words that open content without being part of the recipient of "told".
pub const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "recently",
    "earlier",
    "later",
    "again",
    "last",
    "this",
    "on",
    "in",
    "at",
    "during",
    "late",
    "early",
    "previously",
    "privately",
    "publicly",
    "repeatedly",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// True when `w` (lower case) is in `list`.
pub fn is(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Words that open an introductory adjunct rather than reported content ("On Sunday, …").
pub const INTRO_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "since",
    "speaking",
    "asked",
    "answering",
    "responding",
    "following",
    "earlier",
    "later",
    "last",
    "yesterday",
    "today",
    "tonight",
    "over",
    "from",
    "with",
    "without",
    "under",
    "upon",
    "addressing",
    "writing",
    "appearing",
    "interviewed",
    "meanwhile",
];

/// Word classes as bits, so that a token's classes are looked up once ([`classes`]) and each
/// test is a mask (the rules ask about the same token many times).
pub mod class {
    /// [`super::CUE_PREFIX`].
    pub const CUE_PREFIX: u16 = 1 << 0;
    /// [`super::DETERMINERS`].
    pub const DETERMINERS: u16 = 1 << 1;
    /// [`super::PRONOUNS`].
    pub const PRONOUNS: u16 = 1 << 2;
    /// [`super::INDEFINITE_PRONOUNS`].
    pub const INDEFINITE_PRONOUNS: u16 = 1 << 3;
    /// [`super::FINITE_VERBS`].
    pub const FINITE_VERBS: u16 = 1 << 4;
    /// [`super::MORE_FINITE_VERBS`].
    pub const MORE_FINITE_VERBS: u16 = 1 << 5;
    /// [`super::POSTMODIFIER_ADJECTIVES`].
    pub const POSTMODIFIER_ADJECTIVES: u16 = 1 << 6;
    /// [`super::NP_STOP`].
    pub const NP_STOP: u16 = 1 << 7;
    /// [`super::NP_INNER_PREP`].
    pub const NP_INNER_PREP: u16 = 1 << 8;
    /// [`super::PARTICIPLE_ADJECTIVES`].
    pub const PARTICIPLE_ADJECTIVES: u16 = 1 << 9;
    /// [`super::TIME_WORDS`].
    pub const TIME_WORDS: u16 = 1 << 10;
    /// [`super::INTRO_WORDS`].
    pub const INTRO_WORDS: u16 = 1 << 11;
}

/// Each closed list with its class bit (the lexicon indexes them with the role nouns).
pub(crate) const CLASS_LISTS: [(&[&str], u16); 12] = [
    (CUE_PREFIX, class::CUE_PREFIX),
    (DETERMINERS, class::DETERMINERS),
    (PRONOUNS, class::PRONOUNS),
    (INDEFINITE_PRONOUNS, class::INDEFINITE_PRONOUNS),
    (FINITE_VERBS, class::FINITE_VERBS),
    (MORE_FINITE_VERBS, class::MORE_FINITE_VERBS),
    (POSTMODIFIER_ADJECTIVES, class::POSTMODIFIER_ADJECTIVES),
    (NP_STOP, class::NP_STOP),
    (NP_INNER_PREP, class::NP_INNER_PREP),
    (PARTICIPLE_ADJECTIVES, class::PARTICIPLE_ADJECTIVES),
    (TIME_WORDS, class::TIME_WORDS),
    (INTRO_WORDS, class::INTRO_WORDS),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(w: &str) -> u16 {
        crate::engine::lexicon::Lexicon::get().word(w).classes
    }

    #[test]
    fn classes_agree_with_the_lists() {
        for (list, bit) in CLASS_LISTS {
            for w in list {
                assert!(classes(w) & bit != 0, "{w}");
            }
        }
        assert_eq!(classes("senator"), 0);
        assert_eq!(classes("he") & class::PRONOUNS, class::PRONOUNS);
        assert_eq!(
            classes("on") & (class::NP_INNER_PREP | class::INTRO_WORDS),
            class::NP_INNER_PREP | class::INTRO_WORDS
        );
    }
}
