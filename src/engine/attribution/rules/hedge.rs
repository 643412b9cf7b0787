//! A sourceless hedge: "X is reportedly …" with no other claim in the sentence.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use crate::engine::lexicon::CueClass;
use crate::engine::model::{ClaimKind, Stance};
use crate::engine::span::Span;

/// The first hedge word outside a quotation is the cue; its clause around it the content:
/// "In total, the hackers have reportedly infiltrated …" → "the hackers have" + "infiltrated …".
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, claims: &mut Vec<RawClaim>) {
    let Scope { floor, end, si, .. } = *s;
    let Some(h) = (floor..end)
        .find(|&k| ctx.inside_of(k).is_none() && ctx.cue_entry(k).is_some_and(|c| c.class == CueClass::Hedge))
    else {
        return;
    };
    let from = (floor..h).rev().find(|&k| ctx.is_punct(k, ',')).map_or(floor, |k| k + 1);
    let to = (h + 1..end).find(|&k| !ctx.is_punct(k, ',')).unwrap_or(end);
    let mut content = Vec::new();
    for (a, b) in [(from, h), (to, end)] {
        let part = if a < b { ctx.span(a, b).trim(ctx.d.text) } else { Span::default() };
        if !part.is_empty() {
            content.push(part);
        }
    }
    if content.is_empty() {
        return;
    }
    claims.push(RawClaim {
        kind: ClaimKind::Hedge,
        content,
        cue: vec![ctx.tok(h).span],
        source: None,
        stance: Stance::Distancing,
        via: None,
        confidence: 0.5,
        sentence: si,
        inherit_from: None,
        rule: "hedge",
    });
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;
    use crate::engine::model::ClaimKind;

    #[test]
    fn reportedly_alone_is_a_sourceless_hedge() {
        let a = analyze("The minister will reportedly resign before the summer.");
        assert_eq!(a.claims.len(), 1);
        assert_eq!(a.claims[0].kind, ClaimKind::Hedge);
        assert!(a.claims[0].source.is_empty());
    }

    #[test]
    fn the_content_is_the_clause_around_the_hedge() {
        let t = "In total, the hackers have reportedly infiltrated more than 100 groups.";
        let a = analyze(t);
        let parts: Vec<&str> = a.claims[0].content.iter().map(|s| s.text(t)).collect();
        assert_eq!(parts, ["the hackers have", "infiltrated more than 100 groups"]);
        let t = "Reportedly, he made threats to co-workers.";
        let a = analyze(t);
        let parts: Vec<&str> = a.claims[0].content.iter().map(|s| s.text(t)).collect();
        assert_eq!(parts, ["he made threats to co-workers"]);
    }

    #[test]
    fn no_hedge_when_the_sentence_has_a_claim() {
        let a = analyze("The minister is reportedly planning to resign, his spokesman said.");
        assert!(a.claims.iter().all(|c| c.kind != ClaimKind::Hedge));
    }
}
