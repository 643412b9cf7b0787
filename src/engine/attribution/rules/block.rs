//! Block quotations introduced by a colon: "Senator Jane Doe said in a statement:" or "…, today
//! made the following statement:" ending its paragraph, and the next paragraph a quotation.
//! The quotation is the content, the phrase before the colon's verb the source.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use crate::engine::model::{ClaimKind, Stance};
use crate::engine::words::class;

/// Words that announce a statement when no cue verb does ("made the following statement").
const STATEMENT: &[&str] = &["statement", "statements", "remarks", "comment", "comments", "declaration"];

fn is_dash(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.is_punct_in(i, &['—', '–', '-'])
}

/// Appends the claim of a block quotation introduced by this sentence, if it is one.
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, claims: &mut Vec<RawClaim>) {
    let Scope { sent, si, floor, .. } = *s;
    // The sentence ends its paragraph with a colon.
    let Some(colon) = sent.tok_end.checked_sub(1).filter(|&c| ctx.is_punct(c, ':')) else {
        return;
    };
    let para_end = ctx.d.paragraphs.get(sent.para).map_or(sent.tok_end, |p| p.tok_end);
    if sent.tok_end != para_end || colon <= floor + 2 {
        return;
    }
    // The next paragraph opens with a quotation.
    let Some(q) = ctx.quote_opening_at(sent.tok_end).filter(|q| q.inner_start < q.inner_end) else {
        return;
    };
    // The cue: the sentence's last verb of saying, else a statement noun.
    let cue = (floor..colon)
        .rev()
        .find(|&k| ctx.cue_entry(k).is_some_and(|e| e.props.core || e.props.clause))
        .or_else(|| (floor..colon).rev().find(|&k| STATEMENT.contains(&&*ctx.low(k))));
    let Some(cue) = cue else {
        return;
    };
    // The source: the noun phrase opening the sentence (after a dateline "WASHINGTON —"),
    // before the cue.
    let start = (floor..(floor + 4).min(cue)).find(|&k| is_dash(ctx, k)).map_or(floor, |k| k + 1);
    let Some((a, b)) = ctx.np_fwd(start, cue) else {
        return;
    };
    if !ctx.tok(a).cap && !ctx.is_a(a, class::PRONOUNS) {
        return;
    }
    // The cue runs from after the source (and its apposition, and "today") to the colon:
    // "said in a statement", "made the following statement".
    let mut cue_start = (b..cue).rev().find(|&k| ctx.is_punct(k, ',')).map_or(b, |k| k + 1);
    while cue_start < cue && ctx.is_a(cue_start, class::TIME_WORDS) {
        cue_start += 1;
    }
    let stance = ctx.cue_entry(cue).map_or(Stance::Neutral, |e| e.stance);
    claims.push(RawClaim {
        kind: ClaimKind::Direct,
        content: vec![q.inner.trim(ctx.d.text)],
        cue: vec![ctx.span(cue_start, colon)],
        source: Some(ctx.span(a, b)),
        stance,
        via: None,
        confidence: 0.7,
        sentence: si,
        inherit_from: None,
        rule: "block",
    });
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;
    use crate::engine::model::ClaimKind;

    fn texts(text: &str) -> Vec<(String, String, String, ClaimKind)> {
        let a = analyze(text);
        let t = |s: &[crate::engine::Span]| s.iter().map(|x| x.text(text)).collect::<Vec<_>>().join(" ");
        a.claims.iter().map(|c| (t(&c.source), t(&c.cue), t(&c.content), c.kind)).collect()
    }

    #[test]
    fn said_in_a_statement_then_a_quoted_paragraph() {
        let t = "WASHINGTON — Senator Jane Doe said in a statement:\n\n\"We will not accept this budget. It cuts too much.\"\n";
        let c = texts(t);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "Senator Jane Doe");
        assert_eq!(c[0].1, "said in a statement");
        assert_eq!(c[0].2, "We will not accept this budget. It cuts too much.");
        assert_eq!(c[0].3, ClaimKind::Direct);
    }

    #[test]
    fn made_the_following_statement() {
        let t = "Washington—Representative Eliot Engel, Chairman of the Committee, today made the following \
                 statement:\n\n“This report is the work of the inspector general.”\n";
        let c = texts(t);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "Representative Eliot Engel", "{c:?}");
        assert_eq!(c[0].1, "made the following statement", "{c:?}");
    }

    #[test]
    fn a_colon_before_a_list_or_plain_paragraph_is_no_block_quote() {
        assert!(texts("The agenda was this:\n\nBudget, schools and roads.\n").is_empty());
        assert!(texts("Senator Jane Doe said in a statement:\n\nThe budget passed on Friday.\n").len() <= 1);
    }
}
