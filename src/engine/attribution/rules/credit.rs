//! Credit lines: a quotation that opens its sentence, then a dash and the speaker — "“He
//! represents our greatest shame.” ― Sonya Herridge", "“It’s not mine.” - Secretary of State
//! Mike Pompeo, speaking in India", "“…” - tweet from Jarrod Agen". The dash is the cue.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use super::minor_claim;

/// Words between the dash and the name that say what was quoted ("tweet from", "statement by").
const LEADS: &[&str] =
    &["a", "an", "the", "tweet", "tweets", "post", "statement", "email", "interview", "from", "by", "in", "with"];

fn is_dash(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.is_punct_in(i, &['-', '–', '—', '―'])
}

/// Appends the claim of a credit line, if the sentence is one.
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, claims: &mut Vec<RawClaim>) {
    let Scope { sent, si, floor, .. } = *s;
    // The quotation opens this sentence; or it was the sentence before and this one starts
    // with the dash (a sentence ends at "mine.”").
    let (q, close) = if is_dash(ctx, floor) {
        let prev = floor.checked_sub(1).and_then(|p| ctx.quote_closing_at(p));
        match prev {
            Some(q) if ctx.d.sentences.binary_search_by_key(&q.open_tok, |x| x.tok_start).is_ok() => (q, floor - 1),
            _ => return,
        }
    } else {
        match ctx.quote_opening_at(floor) {
            Some(q) => match q.close_tok {
                Some(c) => (q, c),
                None => return,
            },
            None => return,
        }
    };
    // A full stop or comma may sit between the closing mark and the dash ("”." / ".”").
    let mut dash = close + 1;
    while dash < sent.tok_end && (ctx.is_punct(dash, '.') || ctx.is_punct(dash, ',')) {
        dash += 1;
    }
    if !is_dash(ctx, dash) || q.inner_start >= q.inner_end {
        return;
    }
    let mut k = dash + 1;
    while k < sent.tok_end && k < dash + 4 && !ctx.tok(k).cap && LEADS.contains(&&*ctx.low(k)) {
        k += 1;
    }
    if !ctx.is_word(k) || !ctx.tok(k).cap {
        return;
    }
    let Some((a, b)) = ctx.np_fwd(k, sent.tok_end) else {
        return;
    };
    let content = q.inner.trim(ctx.d.text);
    if content.is_empty() {
        return;
    }
    claims.push(minor_claim("credit", ctx, si, dash, content, Some(ctx.span(a, b)), None));
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;
    use crate::engine::model::ClaimKind;

    fn one(text: &str) -> (String, String, String, ClaimKind) {
        let a = analyze(text);
        assert_eq!(a.claims.len(), 1, "{:?}", a.claims);
        let c = &a.claims[0];
        let t = |s: &[crate::engine::Span]| s.iter().map(|x| x.text(text)).collect::<Vec<_>>().join(" ");
        (t(&c.source), t(&c.cue), t(&c.content), c.kind)
    }

    #[test]
    fn a_quotation_credited_after_a_dash() {
        let (source, cue, content, kind) = one("“He represents our greatest shame.” ― Sonya Herridge\n");
        assert_eq!(source, "Sonya Herridge");
        assert_eq!(cue, "―");
        assert_eq!(content, "He represents our greatest shame.");
        assert_eq!(kind, ClaimKind::Direct);
    }

    #[test]
    fn what_was_quoted_may_come_before_the_name() {
        let (source, _, content, _) = one("“It’s not mine.” - tweet from Jarrod Agen, communications director.");
        assert!(source.starts_with("Jarrod Agen"), "{source}");
        assert_eq!(content, "It’s not mine.");
    }

    #[test]
    fn a_dash_without_a_name_credits_no_one() {
        assert!(analyze("“Stop.” - and the crowd went quiet.").claims.is_empty());
        assert!(analyze("The vote – a close one – went ahead.").claims.is_empty());
    }
}
