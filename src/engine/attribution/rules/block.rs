//! Block quotations introduced by a colon: "Senator Jane Doe said in a statement:" or "…, today
//! made the following statement:" ending its paragraph, and the next paragraph a quotation.
//! The quotation is the content, the phrase before the colon's verb the source. A scraped page
//! loses a block quotation's marks ("Limbaugh added:" and the next paragraph plain): a short
//! introduction whose verb of saying stands right before the colon takes the next paragraph too.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use crate::engine::model::{ClaimKind, Stance};
use crate::engine::words::class;

/// Words that announce a statement when no cue verb does ("made the following statement").
const STATEMENT: &[&str] = &["statement", "statements", "remarks", "comment", "comments", "declaration"];

/// The longest introduction (tokens) a plain block paragraph may follow.
const MAX_INTRO: usize = 14;

/// Paragraph `p` as a block quotation that lost its marks: it opens with a word (not a list
/// mark, a number or a dash: a capitalised word).
fn plain_block(ctx: &Ctx<'_>, p: usize) -> Option<crate::engine::span::Span> {
    let para = ctx.d.paragraphs.get(p)?;
    if para.tok_end <= para.tok_start + 2 || !ctx.is_word(para.tok_start) || !ctx.tok(para.tok_start).cap {
        return None;
    }
    Some(para.span)
}

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
    if sent.tok_end != para_end || colon < floor + 2 {
        return;
    }
    // The cue: the sentence's last verb of saying, else a statement noun.
    let cue = (floor..colon)
        .rev()
        .find(|&k| ctx.cue_entry(k).is_some_and(|e| e.props.core || e.props.clause))
        .or_else(|| (floor..colon).rev().find(|&k| STATEMENT.contains(&&*ctx.low(k))));
    let Some(cue) = cue else {
        return;
    };
    // The next paragraph opens with a quotation, or is a plain one after a short introduction
    // whose verb of saying ends it ("Cruz continued:", "He said in a statement:").
    let content = match ctx.quote_opening_at(sent.tok_end).filter(|q| q.inner_start < q.inner_end) {
        Some(q) => q.inner,
        None => match plain_block(ctx, sent.para + 1) {
            Some(p)
                if colon - floor <= MAX_INTRO
                    && colon - cue <= 4
                    && ctx.cue_entry(cue).is_some_and(|e| e.props.core) =>
            {
                p
            }
            _ => return,
        },
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
        content: vec![content.trim(ctx.d.text)],
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
    fn a_scraped_block_quote_without_its_marks() {
        let t = "Rush Limbaugh mocked the plan on Monday.\n\nLimbaugh added:\n\nAnd from a supposed front-runner, \
                 this reeks of fear.\n";
        let c = texts(t);
        let block = c.iter().find(|c| c.1 == "added").expect("a claim of 'added'");
        assert_eq!(block.0, "Limbaugh");
        assert_eq!(block.2, "And from a supposed front-runner, this reeks of fear.");
        assert_eq!(block.3, ClaimKind::Direct);
    }

    #[test]
    fn a_colon_before_a_list_is_no_block_quote() {
        assert!(texts("The agenda was this:\n\nBudget, schools and roads.\n").is_empty());
        // A list after the verb, and a long introduction whose verb is far from the colon.
        assert!(texts("Doe said:\n\n1. Budget\n").iter().all(|c| !c.2.contains("Budget")));
        let long = "The senator said on Tuesday that there were many reasons for the long delay:\n\nBudget, \
                    schools and roads.\n";
        assert!(texts(long).iter().all(|c| !c.2.contains("Budget")), "{:?}", texts(long));
    }
}
