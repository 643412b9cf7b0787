//! "In a new CBS News poll, 56 percent back …": a poll, survey, study or report opening the
//! sentence is the source of the clause after its comma, and "In" is the cue.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use crate::engine::model::{ClaimKind, Stance};

/// Head nouns of the documents that report findings.
const FINDINGS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "reports",
    "analysis",
    "analyses",
    "census",
    "tally",
    "ranking",
    "rankings",
    "estimate",
    "estimates",
    "projection",
    "projections",
    "forecast",
    "forecasts",
    "audit",
    "review",
    "data",
    "video",
    "footage",
    "memo",
    "filing",
    "filings",
    "documents",
    "records",
];

/// The longest phrase between "In" and its comma (words; longer is a clause, not a name).
const MAX_PHRASE: usize = 16;

/// "In <phrase naming a finding document>, <clause>": the phrase is the source, the clause the
/// content.
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, claims: &mut Vec<RawClaim>) {
    let Scope { si, floor, end, .. } = *s;
    if floor + 3 >= end || !ctx.low_is(floor, "in") || ctx.inside_of(floor).is_some() {
        return;
    }
    let comma_after = |k: usize| (k..end.min(k + 1 + MAX_PHRASE)).find(|&k| ctx.is_punct(k, ','));
    let Some(comma) = comma_after(floor + 1) else {
        return;
    };
    let phrase = floor + 1..comma;
    // A determiner, a possessive or a name opens it: "a", "the", "Tuesday's", "CNN's".
    let first = ctx.low(floor + 1);
    let opens =
        ["a", "an", "the", "its", "their", "his", "her", "this", "that"].contains(&&*first) || ctx.tok(floor + 1).cap;
    if !opens || !phrase.clone().any(|k| FINDINGS.contains(&&*ctx.low(k))) || comma + 1 >= end {
        return;
    }
    // A participle after the comma is the phrase's own: "In the latest poll, conducted in May, …".
    let participle = ctx.is_word(comma + 1) && !ctx.tok(comma + 1).cap && ctx.low(comma + 1).ends_with("ed");
    let comma = match comma_after(comma + 2) {
        Some(k) if participle && k + 1 < end => k,
        _ => comma,
    };
    // Ends at the phrase's last word: "a Des Moines Register poll" (no trailing punctuation).
    let source = ctx.span(floor + 1, comma).trim(ctx.d.text);
    let content = ctx.span(comma + 1, end).trim(ctx.d.text);
    if source.is_empty() || content.is_empty() {
        return;
    }
    claims.push(RawClaim {
        kind: ClaimKind::AccordingTo,
        content: vec![content],
        cue: vec![ctx.tok(floor).span],
        source: Some(source),
        stance: Stance::Neutral,
        via: None,
        confidence: 0.6,
        sentence: si,
        inherit_from: None,
        rule: "survey",
    });
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;
    use crate::engine::model::ClaimKind;

    #[test]
    fn a_poll_opening_the_sentence_is_the_source() {
        let t = "In a new Quinnipiac University poll released Monday, 45 percent of voters back the plan.";
        let a = analyze(t);
        let c = a.claims.iter().find(|c| c.cue[0].text(t) == "In").expect("a claim with the cue In");
        assert_eq!(c.kind, ClaimKind::AccordingTo);
        assert_eq!(c.source[0].text(t), "a new Quinnipiac University poll released Monday");
        assert_eq!(c.content[0].text(t), "45 percent of voters back the plan");
        let t = "In the latest Post-ABC News poll, conducted in May, Clinton led Trump by 8 points.";
        let a = analyze(t);
        assert_eq!(a.claims[0].source[0].text(t), "the latest Post-ABC News poll, conducted in May");
        assert_eq!(a.claims[0].content[0].text(t), "Clinton led Trump by 8 points");
    }

    #[test]
    fn other_openings_are_no_source() {
        for t in [
            "In the morning, the senator left for Ohio.",
            "In Ohio, voters back the plan by a wide margin.",
            "In a sign of the times, the mayor resigned.",
        ] {
            assert!(analyze(t).claims.iter().all(|c| c.cue[0].text(t) != "In"), "{t}");
        }
    }
}
