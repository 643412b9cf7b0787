//! "In their opinion, …" / "In his view, …" / "In Trump’s mind, …".

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use crate::engine::model::{ClaimKind, Stance};
use crate::engine::words;

/// "In their opinion, …" / "In the view of X, …": the possessive is the source.
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, claims: &mut Vec<RawClaim>) {
    let Scope { si, floor, end, .. } = *s;
    if floor + 4 >= end || !ctx.low_is(floor, "in") {
        return;
    }
    let noun = floor + 2;
    if !["opinion", "view", "words", "estimation", "assessment", "mind"].contains(&&*ctx.low(noun))
        || !ctx.is_punct(noun + 1, ',')
    {
        return;
    }
    let who = floor + 1;
    let w = ctx.low(who);
    if !(["his", "her", "their", "its", "our"].contains(&&*w) || words::is_possessive(&w)) {
        return;
    }
    claims.push(RawClaim {
        kind: ClaimKind::AccordingTo,
        content: vec![ctx.span(noun + 2, end)],
        cue: vec![ctx.span(floor, noun + 1)],
        source: Some(ctx.tok(who).span),
        stance: Stance::Neutral,
        via: None,
        confidence: 0.6,
        sentence: si,
        inherit_from: None,
        rule: "opinion",
    });
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;
    use crate::engine::model::ClaimKind;

    #[test]
    fn in_their_opinion() {
        let t = "In their opinion, the election was stolen by the other side.";
        let a = analyze(t);
        assert_eq!(a.claims.len(), 1);
        assert_eq!(a.claims[0].kind, ClaimKind::AccordingTo);
        assert_eq!(a.claims[0].source[0].text(t), "their");
        assert_eq!(a.claims[0].content[0].text(t), "the election was stolen by the other side");
    }
}
