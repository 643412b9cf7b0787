//! A sourceless hedge: "X is reportedly …" with no other claim in the sentence.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use crate::engine::lexicon::CueClass;
use crate::engine::model::{ClaimKind, Stance};

/// The first hedge word outside a quotation makes the whole clause its content.
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, claims: &mut Vec<RawClaim>) {
    let Scope { floor, end, si, .. } = *s;
    let Some(h) = (floor..end)
        .find(|&k| ctx.inside_of(k).is_none() && ctx.cue_entry(k).is_some_and(|c| c.class == CueClass::Hedge))
    else {
        return;
    };
    let content = ctx.span(floor, end).trim(ctx.d.text);
    claims.push(RawClaim {
        kind: ClaimKind::Hedge,
        content: vec![content],
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
    fn no_hedge_when_the_sentence_has_a_claim() {
        let a = analyze("The minister is reportedly planning to resign, his spokesman said.");
        assert!(a.claims.iter().all(|c| c.kind != ClaimKind::Hedge));
    }
}
