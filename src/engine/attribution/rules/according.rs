//! "according to X": whatever noun phrase follows is the source, with the rest of its clause;
//! the content is the clause before it or, when there is none, the clause after it.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use crate::engine::model::{ClaimKind, Stance};
use crate::engine::segment::TokKind;

/// "according to X" at token `i`.
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, i: usize, claims: &mut Vec<RawClaim>) -> Result<(), &'static str> {
    let Scope { si, floor, end, .. } = *s;
    if i + 2 >= end || !ctx.low_is(i + 1, "to") {
        return Err("\"according\" without \"to\" and a phrase after it");
    }
    // Whatever follows "according to" is its source, named or not ("the summary", "media buying
    // sources", "a count by The Associated Press").
    let Some((a, b)) = ctx.np_fwd(i + 2, end).or_else(|| ctx.np_loose(i + 2, end)) else {
        return Err("no noun phrase after \"according to\"");
    };
    let cue = ctx.span(i, i + 2);
    let mut content = Vec::new();
    // Before: "…, according to X" (unless what precedes is a short intro: "In addition, according to X, …").
    let before_words = (floor..i).filter(|&k| ctx.is_word(k)).count();
    let words_after = (b..end).filter(|&k| ctx.is_word(k)).count();
    let intro = before_words <= 4 && words_after >= 3;
    if !intro && i > floor {
        let mut e = i;
        while e > floor && ctx.tok(e - 1).kind == TokKind::Punct && matches!(ctx.tok(e - 1).ch, ',' | '—' | '(' | '–')
        {
            e -= 1;
        }
        if e > floor {
            content.push(ctx.span(floor, e));
        }
    }
    // The phrase's modifiers are the source's own ("a poll released by state regulators",
    // "officials briefed on the talks"): with the content before it, the source is the rest of
    // its clause up to a time adjunct (what follows is not the content again); with the content
    // after it, the source runs to the comma that opens the content.
    let clause_end = (b..end).find(|&k| ctx.tok(k).kind == TokKind::Punct || (ctx.time_at(k) && !content.is_empty()));
    let b = if content.is_empty() {
        clause_end.filter(|&k| ctx.is_punct(k, ',')).unwrap_or(b)
    } else {
        clause_end.unwrap_or(end)
    };
    let source = ctx.span(a, b);
    // After: ", …" up to the end.
    let mut s = b;
    while s < end && ctx.tok(s).kind == TokKind::Punct && matches!(ctx.tok(s).ch, ',' | ')' | '—' | '–') {
        s += 1;
    }
    if s < end && content.is_empty() {
        content.push(ctx.span(s, end));
    }
    if content.is_empty() {
        return Err("no content before or after \"according to\"");
    }
    claims.push(RawClaim {
        kind: ClaimKind::AccordingTo,
        content,
        cue: vec![cue],
        source: Some(source),
        stance: Stance::Neutral,
        via: None,
        confidence: 0.8,
        sentence: si,
        inherit_from: None,
        rule: "according",
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::super::outcome_of;
    use super::super::super::Outcome::{Claim, Veto};
    use crate::engine::attribution::rules_only as analyze;

    #[test]
    fn content_before_and_source_after() {
        let t = "The deal collapsed on Friday, according to two people familiar with the negotiations.";
        assert_eq!(outcome_of(t, "according"), Some(Claim("according")));
        let a = analyze(t);
        assert_eq!(a.claims[0].source[0].text(t), "two people familiar with the negotiations");
        assert_eq!(a.claims[0].content[0].text(t), "The deal collapsed on Friday");
    }

    #[test]
    fn a_run_of_according_names_no_one() {
        let t = "according to according to according to according to";
        assert!(matches!(outcome_of(t, "according"), Some(Veto(_))));
        assert!(analyze(&t.repeat(50)).claims.is_empty());
    }
}
