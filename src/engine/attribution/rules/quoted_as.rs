//! "The outlet quoted its sources as saying that …" (a chain) and "…, citing X" after a claim
//! or a main clause (what that speaker cites as a reason).

use super::super::view::Ctx;
use super::super::{RawClaim, RawId, RawVia, Scope};
use super::minor_claim;
/// "The outlet quoted its sources as saying that …"
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, i: usize, claims: &mut Vec<RawClaim>) -> Result<(), &'static str> {
    let Scope { si, floor, end, .. } = *s;
    if ctx.low_is(i, "citing") {
        return citing_reason(ctx, si, i, floor, end, claims);
    }
    if !matches!(&*ctx.low(i), "quoted" | "quotes" | "quoting") {
        return Err("not \"quoted\"/\"quotes\"/\"quoting\"");
    }
    let Some((a, b)) = ctx.np_fwd(i + 1, end) else {
        return Err("no noun phrase after \"quoted\"");
    };
    if b + 1 >= end || !ctx.low_is(b, "as") {
        return Err("no \"as\" after \"quoted X\"");
    }
    let Some(verb) = ctx.cue_entry(b + 1) else {
        return Err("no cue verb after \"quoted X as\"");
    };
    let cue_first = ctx.cue_start(i, floor);
    let subject = ctx.np_back(cue_first, floor).map(|(s, e)| ctx.span(s, e));
    let after = ctx.content_after(b + 2, end);
    let Some(start) = after.start else { return Err("no content after \"quoted X as saying\"") };
    let stop = ctx.content_end(start, end, !after.marked);
    let content = vec![ctx.span(start, stop)];
    let kind = ctx.kind_of(&content);
    claims.push(RawClaim {
        kind,
        content,
        cue: vec![ctx.span(cue_first, i + 1), ctx.span(b, b + 2)],
        source: Some(ctx.span(a, b)),
        stance: verb.stance,
        via: Some(RawVia { source: subject, cue: vec![ctx.span(cue_first, i + 1)] }),
        confidence: 0.75,
        sentence: si,
        inherit_from: None,
        rule: "quoted_as",
    });
    Ok(())
}

/// "…,” he said, citing a more progressive platform." / "Trump proposed a ban, citing fears of
/// terrorism.": what the subject cites as its reason (a chain's "citing X, that …" is taken with
/// its cue before this is reached). Its speaker is the sentence's previous claim's, else the
/// main clause's subject.
fn citing_reason(
    ctx: &Ctx<'_>,
    si: usize,
    i: usize,
    floor: usize,
    end: usize,
    claims: &mut Vec<RawClaim>,
) -> Result<(), &'static str> {
    if i <= floor + 1 || !ctx.is_punct(i - 1, ',') || i + 1 >= end || !ctx.is_word(i + 1) {
        return Err("\"citing\" not after a comma");
    }
    let stop = ctx.content_end(i + 1, end, true);
    if (i + 1..stop).filter(|&x| ctx.is_word(x)).count() < 2 {
        return Err("fewer than two words cited");
    }
    let in_sentence = claims.last().filter(|c| c.sentence == si).map(|_| RawId(claims.len() as u32 - 1));
    let source = match in_sentence {
        Some(_) => None,
        None => match ctx.subject_at(ctx.after_intro(floor, i), i) {
            Some((a, b)) => Some(ctx.span(a, b)),
            None => return Err("no claim or subject before \"citing\""),
        },
    };
    claims.push(minor_claim("citing", ctx, si, i, ctx.span(i + 1, stop), source, in_sentence));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::super::outcome_of;
    use super::super::super::Outcome::Claim;
    use crate::engine::attribution::rules_only as analyze;

    #[test]
    fn quoted_as_saying_is_a_chain() {
        let t = "NBC quoted a senior official as saying that the strike had been planned for weeks.";
        assert_eq!(outcome_of(t, "quoted"), Some(Claim("quoted_as")));
        let a = analyze(t);
        let c = &a.claims[0];
        assert_eq!(c.source[0].text(t), "a senior official");
        assert_eq!(c.via.as_ref().unwrap().source[0].text(t), "NBC");
    }

    #[test]
    fn citing_after_a_main_clause_is_what_its_subject_cites() {
        let t = "The mayor cancelled the parade, citing fears of violence in the city.";
        assert_eq!(outcome_of(t, "citing"), Some(Claim("citing")));
        let a = analyze(t);
        assert_eq!(a.claims[0].source[0].text(t), "The mayor");
        assert_eq!(a.claims[0].content[0].text(t), "fears of violence in the city");
    }
}
