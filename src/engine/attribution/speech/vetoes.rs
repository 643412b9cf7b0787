//! Vetoes before anything else is looked at: the cue word is no verb of saying here.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use crate::engine::lexicon::{CueClass, CueEntry};
use crate::engine::words;

/// Why the cue word at `i` (whose cue span starts at `cue_first`) is no cue, if it is not.
pub fn check(
    ctx: &Ctx<'_>,
    s: &Scope<'_>,
    i: usize,
    entry: &CueEntry,
    cue_first: usize,
    nested: bool,
) -> Result<(), &'static str> {
    let Scope { sent, floor, .. } = *s;
    let w = ctx.low(i);
    // An infinitive is no cue ("to continue providing"), unless "went on to claim".
    if cue_first == i && i > floor && ctx.low_is(i - 1, "to") {
        return Err("infinitive");
    }
    // Inside the content of an earlier claim of this sentence, an attitude is part of that content.
    if nested && entry.class == CueClass::Belief {
        return Err("an attitude inside an earlier claim's content");
    }
    // A noun, not a verb: "The Washington Post", "Editor’s note", "no question", "the report"
    // — unless the whole sentence is in title case ("Hollande Says Trump ‘Makes You Retch’").
    if i > floor && ctx.tok(i).cap && !ctx.title_case(sent) {
        return Err("capitalised inside a sentence (a name or a title)");
    }
    // "said" is never a noun after a quantifier: "Some said …" (but "the said agreement").
    let quantifier_subject = &*w == "said" && i > 0 && ctx.is_word(i - 1) && {
        let prev = ctx.low(i - 1);
        ["some", "many", "most", "several", "few", "all", "both", "others"].contains(&&*prev)
    };
    if cue_first == i && i > floor && ctx.is_word(i - 1) && !quantifier_subject {
        let prev = ctx.low(i - 1);
        let possessive = words::is_possessive(&prev);
        if possessive
            || [
                "the", "a", "an", "no", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
                "those", "any", "some", "each", "every",
            ]
            .contains(&&*prev)
        {
            return Err("a noun after a determiner or possessive");
        }
    }
    // Naming, not saying: "a company called Sansun USA", "a program called “Perception”".
    if &*w == "called" && cue_first == i && i > floor && ctx.is_word(i - 1) && !ctx.tok(i - 1).cap {
        let prev = ctx.low(i - 1);
        let noun_before = !ctx.is_a(i - 1, words::class::PRONOUNS | words::class::CUE_PREFIX) && !prev.ends_with("ly");
        let name_after = (ctx.is_word(i + 1) && ctx.tok(i + 1).cap) || ctx.is_open_quote(i + 1);
        if noun_before && name_after {
            return Err("naming (\"a company called X\")");
        }
    }
    Ok(())
}

/// Does the cue word at `i` lie inside the content of one of `claims` (this sentence's)?
pub fn nested(ctx: &Ctx<'_>, i: usize, claims: &[RawClaim]) -> bool {
    let pos = ctx.tok(i).span;
    claims.iter().any(|c| c.content.iter().any(|s| s.contains(pos)))
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;

    fn cues(text: &str) -> Vec<String> {
        let a = analyze(text);
        a.claims.iter().flat_map(|c| c.cue.iter().map(|s| s.text(text).to_string())).collect()
    }

    #[test]
    fn an_infinitive_is_no_cue() {
        assert!(!cues("The agency is trying to claim credit for the rescue of the hostages.").contains(&"claim".into()));
    }

    #[test]
    fn a_noun_after_a_determiner_is_no_cue() {
        assert!(cues("The report was published on Monday by the ministry of finance.").is_empty());
    }

    #[test]
    fn naming_is_not_saying() {
        assert!(cues("He founded a company called Sansun USA in the spring of 2009.").is_empty());
    }

    #[test]
    fn said_after_a_quantifier_is_a_verb() {
        assert_eq!(cues("Some said the decision would hurt farmers in the region."), vec!["said"]);
    }
}
