//! Named, anonymous or vague — and the words that show it.
//!
//! A source is **anonymous** when the article withholds the identity of a specific person or
//! group: "a senior official", "two people familiar with the talks", "NBC News sources", "an aide
//! who spoke on condition of anonymity", "someone". It is **vague** when it is an unspecified
//! collective or hedge rather than a withheld identity: "critics", "many Republicans", "experts",
//! "46 percent", "polls". Everything else — a name, a unique role ("the FBI director"), a named
//! institution, outlet or document — is **named**. (The conventions of the hand-made speaker gold,
//! `shared/data/speakers/README.md`.)

use crate::engine::model::{Anonymity, SpeakerKind};

/// Heads of descriptions that stand for withheld sources ("officials", "a source").
const WITHHELD: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "insider",
    "insiders",
    "staffer",
    "staffers",
    "interlocutor",
    "interlocutors",
    "someone",
    "somebody",
    "confidant",
    "confidants",
    "operative",
    "operatives",
];

/// Words inside a mention that say its identity is withheld.
const INSIDE: &[(&str, &str)] = &[
    ("unnamed", "unnamed"),
    ("anonymous", "anonymous"),
    ("unidentified", "unidentified"),
    (" familiar with", "familiar with"),
    (" close to", "close to"),
    (" with knowledge of", "with knowledge of"),
    (" involved in", "involved in"),
    (" briefed on", "briefed on"),
];

/// Words right after a mention that say its identity is withheld.
const AFTER: &[(&str, &str)] = &[
    ("condition of anonymity", "on condition of anonymity"),
    ("spoke anonymously", "spoke anonymously"),
    ("speaking anonymously", "spoke anonymously"),
    ("not authorized to", "not authorized to speak"),
    ("not authorised to", "not authorized to speak"),
    ("not to be named", "asked not to be named"),
    ("declined to be named", "declined to be named"),
    ("not to be identified", "asked not to be identified"),
    ("declined to be identified", "declined to be identified"),
    ("on background", "spoke on background"),
    ("requested anonymity", "requested anonymity"),
];

/// Quantifiers that make a group vague ("many Republicans", "some", "most voters").
const QUANTIFIERS: &[&str] =
    &["many", "some", "most", "several", "few", "others", "all", "both", "numerous", "various", "majority", "percent"];

/// What a described mention tells of its anonymity.
pub(super) struct Described<'a> {
    /// The mention's words, lower-cased.
    pub lower: &'a [String],
    /// Its head noun, lower-cased ("officials").
    pub head: &'a str,
    /// Its kind.
    pub kind: SpeakerKind,
    /// It has a proper name.
    pub named: bool,
    /// It opens with "the", "this", …
    pub definite: bool,
    /// "its sources", "NBC News sources": the possessor is an outlet.
    pub outlet_possessor: bool,
    /// The text right after the mention (a few dozen bytes).
    pub after: &'a str,
    /// The text right before it (a few dozen bytes).
    pub before: &'a str,
}

/// Openings of a participle clause that withholds the subject's name: "Speaking on condition of
/// anonymity because they were not authorized to discuss the talks, two diplomats said".
const LEADING: &[&str] = &["speaking", "talking", "requesting", "asking", "on condition", "on the condition"];

/// The evidence of a leading participle clause right before the mention (its subject), if any.
fn leading_clause(before: &str) -> Option<&'static str> {
    let before = before.trim_end();
    let clause = before.strip_suffix(',')?;
    let from = clause
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '\n' | '“' | '”' | '"' | ';' | '?' | '!'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let clause = clause.get(from..).unwrap_or("").trim_start().to_ascii_lowercase();
    if !LEADING.iter().any(|w| clause.starts_with(w)) {
        return None;
    }
    AFTER.iter().find(|(w, _)| clause.contains(w)).map(|&(_, why)| why)
}

/// The anonymity of a (non-pronoun) mention and the words that show it (empty when named).
pub(super) fn classify(d: &Described<'_>) -> (Anonymity, &'static str) {
    let joined = d.lower.join(" ");
    let after = d.after.to_ascii_lowercase();
    let person_like = matches!(d.kind, SpeakerKind::Person | SpeakerKind::Group | SpeakerKind::Unknown);
    if person_like {
        if let Some(&(_, why)) = AFTER.iter().find(|(w, _)| after.contains(w)) {
            return (Anonymity::Anonymous, why);
        }
        if let Some(why) = leading_clause(d.before) {
            return (Anonymity::Anonymous, why);
        }
    }
    if d.named {
        return (Anonymity::Named, "");
    }
    if person_like {
        if let Some(&(_, why)) = INSIDE.iter().find(|(w, _)| joined.contains(w)) {
            return (Anonymity::Anonymous, why);
        }
    }
    let first = d.lower.first().map(String::as_str).unwrap_or("");
    let withheld_head = WITHHELD.contains(&d.head);
    // "its sources", "the publication’s interlocutors": an outlet's unnamed sources (not
    // "POLITICO’s Battleground States average", the outlet's own document).
    if person_like && d.outlet_possessor && (withheld_head || d.head == "people") {
        return (Anonymity::Anonymous, "an outlet's unnamed sources");
    }
    if d.definite && !matches!(first, "these" | "those") {
        return (Anonymity::Named, "");
    }
    // Elected officials act in public: "elected officials from both parties" are a vague group.
    let public = d.lower.iter().any(|w| w == "elected");
    // The head, or a conjunct: "regulators and advisers to Patriot".
    if person_like && !public && (withheld_head || d.lower.iter().any(|w| WITHHELD.contains(&w.as_str()))) {
        return (Anonymity::Anonymous, "a role with no name");
    }
    let quantified = d.lower.iter().any(|w| QUANTIFIERS.contains(&w.as_str()))
        || first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || first.ends_with('%');
    let plural = d.head.ends_with('s') && !d.head.ends_with("ss");
    match d.kind {
        SpeakerKind::Group | SpeakerKind::Unknown | SpeakerKind::Document if quantified || plural => (
            Anonymity::Vague,
            if d.kind == SpeakerKind::Document { "documents with no name" } else { "a group with no name" },
        ),
        // "an architect", "one questioner", "a federal judge": one unnamed person.
        SpeakerKind::Person if ["a", "an", "one", "another"].contains(&first) => {
            (Anonymity::Anonymous, "a role with no name")
        }
        SpeakerKind::Person if quantified || plural => (Anonymity::Vague, "a group with no name"),
        _ => (Anonymity::Named, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::super::mention::describe;
    use crate::engine::model::Anonymity::{self, Anonymous, Named, Vague};
    use crate::engine::span::Span;

    fn of(text: &str, mention: &str) -> (Anonymity, &'static str) {
        let start = text.find(mention).unwrap();
        let m = describe(text, Span::new(start, start + mention.len()));
        (m.anonymity, m.evidence)
    }

    #[test]
    fn withheld_identities_are_anonymous_with_their_evidence() {
        let t = "An aide, who spoke on condition of anonymity, said so.";
        assert_eq!(of(t, "An aide"), (Anonymous, "on condition of anonymity"));
        let t = "A senior official, who declined to be identified, said so.";
        assert_eq!(of(t, "A senior official, who declined to be identified"), (Anonymous, "declined to be identified"));
        let t = "One of them, who asked not to be identified because the talks are private, said so.";
        let m = "One of them, who asked not to be identified because the talks are private";
        assert_eq!(of(t, m), (Anonymous, "asked not to be identified"));
        assert_eq!(of("x", "x").0, Named);
        let t = "Two people familiar with the talks said so.";
        assert_eq!(of(t, "Two people familiar with the talks"), (Anonymous, "familiar with"));
        assert_eq!(of("A senior official said.", "A senior official"), (Anonymous, "a role with no name"));
        assert_eq!(of("Two NBC News sources said.", "Two NBC News sources").0, Anonymous);
        assert_eq!(of("unnamed US officials said.", "unnamed US officials"), (Anonymous, "unnamed"));
        let t = "regulators and advisers to Patriot said.";
        assert_eq!(of(t, "regulators and advisers to Patriot").0, Anonymous);
    }

    #[test]
    fn a_leading_clause_withholds_its_subjects_name() {
        let t = "Talks stalled. Speaking on condition of anonymity because they were not authorized to \
                 discuss the matter, two Western diplomats said so.";
        assert_eq!(of(t, "two Western diplomats"), (Anonymous, "on condition of anonymity"));
        // Only the clause's own subject: a name later in the sentence, or a clause of another
        // kind, says nothing.
        let t = "Speaking on condition of anonymity, an aide said Vedant Patel had left.";
        assert_eq!(of(t, "Vedant Patel").0, Named);
        let t = "After the officials declined to be named, critics said so.";
        assert_eq!(of(t, "critics").0, Vague);
        // A curly quote ends the search for the clause's start (a multi-byte character).
        let t = "He said “no.” Speaking on condition of anonymity, an aide said so.";
        assert_eq!(of(t, "an aide"), (Anonymous, "on condition of anonymity"));
    }

    #[test]
    fn collectives_are_vague() {
        for m in [
            "Critics",
            "Many Republicans",
            "experts",
            "Some",
            "46 percent",
            "exit polls",
            "elected officials from both parties",
        ] {
            let t = format!("{m} said so.");
            assert_eq!(of(&t, m).0, Vague, "{m}");
        }
    }

    #[test]
    fn names_roles_and_institutions_are_named() {
        for m in [
            "Vedant Patel",
            "The official",
            "NBC News",
            "the FBI director",
            "The Kremlin",
            "A Bloomberg poll",
            "POLITICO’s Battleground States average",
        ] {
            let t = format!("{m} said so.");
            assert_eq!(of(&t, m).0, Named, "{m}");
        }
    }
}
