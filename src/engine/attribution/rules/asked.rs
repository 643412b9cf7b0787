//! "Asked whether he was worried, Ban said …": the question put to a speaker is a claim of
//! its own (sourceless, or the asker's when "by" names one), never the content of the answer.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use super::minor_claim;

/// "Asked whether he was worried, Ban said …" / "When asked by a reporter if …, …" / "…, he said
/// when asked about the vote.": the question put to the speaker, up to the comma (or the
/// clause's end after the answer); its source is the asker when "by" names one. A short
/// adjunct may stand between ("Asked on Fox News who leads the party, …").
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, claims: &mut Vec<RawClaim>) {
    let Scope { si, floor, end, .. } = *s;
    let (i, after) = match ctx.asked_at(floor) {
        Some(i) => (i, false),
        None => match (floor + 2..end).find(|&k| ctx.low_is(k, "asked") && ctx.low_is(k - 1, "when")) {
            Some(i) => (i, true),
            None => return,
        },
    };
    let mut s = i + 1;
    let mut source = None;
    if ctx.low_is(s, "by") {
        let Some((a, b)) = ctx.np_fwd(s + 1, end) else { return };
        source = Some(ctx.span(a, b));
        s = b;
    }
    let question = |k: usize| {
        ctx.is_word(k)
            && ["whether", "if", "about", "what", "why", "how", "who", "when", "where"].contains(&&*ctx.low(k))
    };
    let Some(s) = (s..(s + 7).min(end)).take_while(|&k| ctx.is_word(k)).find(|&k| question(k)) else {
        return;
    };
    // Up to the first comma outside a quotation (a quotation's own final comma included).
    let comma = (s..end)
        .find(|&x| ctx.is_punct(x, ',') && (ctx.inside_of(x).is_none() || ctx.quote_closing_at(x + 1).is_some()));
    let Some(comma) = comma.or(after.then_some(end)) else {
        return;
    };
    let mut e = comma;
    if ctx.quote_closing_at(comma + 1).is_some() {
        e = comma + 2;
    }
    if (s..e).filter(|&x| ctx.is_word(x)).count() < 3 {
        return;
    }
    let content = ctx.span(s, e).trim_by(ctx.d.text, &|c| c.is_whitespace() || c == ',');
    claims.push(minor_claim("asked", ctx, si, i, content, source, None));
}

#[cfg(test)]
mod tests {
    use super::super::super::outcome_of;
    use crate::engine::attribution::rules_only as analyze;

    #[test]
    fn the_question_is_a_claim_of_its_own_not_the_answer() {
        let t = "Asked whether he was worried about the vote, Ban said the United Nations would stay neutral.";
        let a = analyze(t);
        assert_eq!(a.claims.len(), 2);
        let said = a.claims.iter().find(|c| c.cue[0].text(t) == "said").unwrap();
        assert_eq!(said.content[0].text(t), "the United Nations would stay neutral");
        let asked = a.claims.iter().find(|c| c.cue[0].text(t) == "Asked").unwrap();
        assert_eq!(asked.content[0].text(t), "whether he was worried about the vote");
        assert!(asked.source.is_empty());
        assert_eq!(outcome_of(t, "said").map(|o| matches!(o, super::super::super::Outcome::Claim(_))), Some(true));
    }

    #[test]
    fn an_adjunct_may_stand_before_the_question_and_the_question_may_follow_the_answer() {
        let question = |t: &'static str| {
            let a = analyze(t);
            let c =
                a.claims.into_iter().find(|c| c.cue[0].text(t).eq_ignore_ascii_case("asked") && c.source.is_empty());
            c.map(|c| c.content[0].text(t))
        };
        assert_eq!(
            question("Asked on BBC Radio 4 whether he would resign, the minister said he had done nothing wrong."),
            Some("whether he would resign")
        );
        assert_eq!(
            question("“No comment,” the spokeswoman said when asked whether the company would appeal the ruling."),
            Some("whether the company would appeal the ruling")
        );
        // No question said.
        assert_eq!(question("When asked, the senator said she had not read the report."), None);
    }

    #[test]
    fn by_names_the_asker() {
        let t = "Asked by a reporter whether the talks had failed, the minister shook his head.";
        let a = analyze(t);
        assert_eq!(a.claims[0].source[0].text(t), "a reporter");
    }
}
