//! Document-wide passes over the claims of all sentences, in the order `extract` runs them:
//! particles a cue takes, quotation marks around a whole-quotation content, quotations that
//! reopen in the next paragraph, and quotations that follow a content-first quotation; after
//! the model, the source of a claim that shares its sentence's speaker ([`name_inherited`]).

use super::view::Ctx;
use super::RawClaim;
use crate::engine::lexicon::PARTICLES;
use crate::engine::model::ClaimKind;
use crate::engine::span::Span;

/// A content part that is one whole quotation (marks and closing punctuation around it) is
/// the text between its marks, as a content-first quotation already is.
pub(crate) fn strip_quote_marks(ctx: &Ctx<'_>, claims: &mut [RawClaim]) {
    let text = ctx.d.text;
    for c in claims.iter_mut() {
        for part in c.content.iter_mut() {
            let quotes = ctx.quotes_overlapping(*part);
            let [q] = quotes else { continue };
            if q.close_tok.is_none() || q.inner.is_empty() || part.start != q.outer.start || part.end < q.outer.end {
                continue;
            }
            let tail = text.get(q.outer.end..part.end).unwrap_or("x");
            if tail.chars().all(|ch| ch.is_whitespace() || matches!(ch, '.' | ',' | '!' | '?' | ';' | ':')) {
                *part = q.inner;
            }
        }
    }
}

/// "railed against X", "focused on X", "shrugged off X": a cue form that takes a particle
/// (`cue_particles.tsv`, mined from PolNeAR train) takes the particle that follows it into its
/// cue span, and out of the content when the content began with it.
pub(crate) fn take_particles(ctx: &Ctx<'_>, claims: &mut [RawClaim]) {
    let toks = ctx.d.toks;
    for c in claims.iter_mut() {
        let Some(cue) = c.cue.last_mut() else { continue };
        // The cue's last token, then the one after it.
        let t = toks.partition_point(|x| x.span.end < cue.end);
        if toks.get(t).is_none_or(|x| x.span.end != cue.end) || !ctx.is_word(t) || !ctx.is_word(t + 1) {
            continue;
        }
        if ctx.inside_of(t + 1).is_some() || ctx.d.text.get(cue.end..ctx.tok(t + 1).span.start) != Some(" ") {
            continue;
        }
        let particle = ctx.low(t + 1);
        if !PARTICLES.contains(&&*particle) || !ctx.lex.takes_particle(&ctx.low(t), &particle) {
            continue;
        }
        let p = ctx.tok(t + 1).span;
        // A content that begins with the particle starts after it; one that covers it otherwise
        // (a content-first claim cannot) leaves the cue alone.
        if c.content.iter().any(|s| s.overlaps(p) && s.start != p.start) {
            continue;
        }
        cue.end = p.end;
        let next = ctx.tok(t + 2).span.start;
        for s in c.content.iter_mut().filter(|s| s.start == p.start) {
            s.start = next.min(s.end);
        }
    }
}

/// "“A,” he said. “B.”" and "“A,” he said, “B.”": the quotations after a content-first
/// quotation continue it, up to the first sentence that is not a quotation.
pub(crate) fn follow_quotes(ctx: &Ctx<'_>, claims: &mut [RawClaim]) {
    let claimed: rustc_hash::FxHashSet<usize> = claims.iter().map(|c| c.sentence).collect();
    // Where the cues start: a quotation after another cue is that cue's ("“A,” he said, adding,
    // “B.”": B is what he added).
    let mut cues: Vec<usize> = claims.iter().filter_map(|c| c.cue.first().map(|s| s.start)).collect();
    crate::engine::speakers::sort_by(&mut cues, &|x| x);
    for c in claims.iter_mut() {
        let (Some(first), Some(cue)) = (c.content.first().copied(), c.cue.last().copied()) else {
            continue;
        };
        if c.kind != ClaimKind::Direct || first.end > cue.start || c.content.len() != 1 {
            continue;
        }
        let sent = ctx.sents[c.sentence];
        let after_cue = c.source.map_or(cue.end, |s| s.end.max(cue.end));
        // Same sentence: ", “B”".
        for q in ctx.quotes_overlapping(Span::new(after_cue, sent.span.end)) {
            let other_cue = cues.get(cues.partition_point(|&x| x < after_cue)).is_some_and(|&x| x < q.outer.start);
            if q.outer.start >= after_cue && q.outer.end <= sent.span.end && q.inner_start < q.inner_end && !other_cue {
                c.content.push(q.inner);
            }
        }
        // Following sentences of the paragraph that open with a quotation.
        let mut si = c.sentence + 1;
        while si < ctx.sents.len() && ctx.sents[si].para == sent.para && !claimed.contains(&si) {
            let s = ctx.sents[si];
            match ctx.quote_opening_at(s.tok_start) {
                Some(q) if q.inner_start < q.inner_end => c.content.push(q.inner),
                _ => break,
            }
            si += 1;
        }
    }
}

/// A quotation that reopens in the next paragraph belongs to the claim of its first part, and
/// a claim whose content is the last part of such a quotation gets the earlier parts too.
pub(crate) fn continue_quotes(ctx: &Ctx<'_>, claims: &mut [RawClaim]) {
    let d = ctx.d;
    let quotes = d.quotes;
    // Claims by paragraph: a content part overlapping a quotation lies in its paragraph.
    let mut by_para: rustc_hash::FxHashMap<usize, Vec<usize>> = Default::default();
    for (i, c) in claims.iter().enumerate() {
        by_para.entry(ctx.sents[c.sentence].para).or_default().push(i);
    }
    let para_of = |tok: usize| {
        let s = ctx.sents.partition_point(|s| s.tok_end <= tok);
        ctx.sents.get(s).map(|s| s.para)
    };
    let owner = |claims: &[RawClaim], span: Span, tok: usize| {
        let ids = para_of(tok).and_then(|p| by_para.get(&p))?;
        ids.iter().copied().find(|&i| claims[i].content.iter().any(|s| s.overlaps(span)))
    };
    // Page furniture is no part of a quotation ("“Follow Pam Key on Twitter").
    let debris = |tok: usize| para_of(tok).is_some_and(|p| d.boiler_para.get(p).copied().unwrap_or(false));
    for k in 0..quotes.len() {
        if !quotes[k].continues || k + 1 >= quotes.len() || !quotes[k + 1].continued {
            continue;
        }
        if debris(quotes[k].open_tok) || debris(quotes[k + 1].open_tok) {
            continue;
        }
        let (a, b) = (quotes[k].inner, quotes[k + 1].inner);
        let owner_a = owner(claims, a, quotes[k].open_tok);
        let owner_b = owner(claims, b, quotes[k + 1].open_tok);
        // A transcript turn starts at its label: it takes no earlier part, nor a stage
        // direction after it ("“(CROSSTALK.)").
        let turn = |i: usize| claims[i].rule == "transcript";
        match (owner_a, owner_b) {
            (Some(x), None) if !turn(x) || !ctx.is_punct(quotes[k + 1].open_tok + 1, '(') => claims[x].content.push(b),
            (None, Some(y)) if !turn(y) => claims[y].content.insert(0, a),
            _ => {}
        }
    }
}

/// A claim that takes its speaker from an earlier claim of the same sentence ("Trump said A,
/// adding that B") has that claim's source as its own: the participle's subject is the phrase
/// the sentence names it with.
pub(crate) fn name_inherited(claims: &mut [RawClaim]) {
    for k in 0..claims.len() {
        let Some(super::RawId(j)) = claims[k].inherit_from else { continue };
        let Some(&RawClaim { source: Some(s), sentence, .. }) = claims.get(j as usize) else { continue };
        if claims[k].source.is_none() && sentence == claims[k].sentence {
            claims[k].source = Some(s);
            claims[k].inherit_from = None;
        }
    }
}
