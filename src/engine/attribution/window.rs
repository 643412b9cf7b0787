//! Long sentences cut into windows, so that no rule's work grows with a sentence's length.
//!
//! Rules look back and forth within a sentence (a content runs to its end, a source is searched
//! before the cue). On a sentence of thousands of tokens — a list without full stops, an
//! unclosed quotation merged into one sentence, an adversarial paste — that is quadratic. A
//! sentence longer than [`MAX_TOKENS`] is cut into windows of at most that many tokens, after
//! the last comma, semicolon, colon or dash of the window's second half when there is one. No
//! sentence of ordinary news text is that long (PolNeAR train and dev: none), so for them a
//! window is the sentence.

use super::Doc;
use crate::engine::segment::{Sentence, TokKind};
use crate::engine::span::Span;

/// The most tokens a window holds.
pub const MAX_TOKENS: usize = 400;

/// The sentences as windows, and for each window the index of its sentence.
pub fn windows(d: &Doc<'_>) -> (Vec<Sentence>, Vec<usize>) {
    let mut out = Vec::with_capacity(d.sentences.len());
    let mut orig = Vec::with_capacity(d.sentences.len());
    for (si, sent) in d.sentences.iter().enumerate() {
        if sent.tok_end.saturating_sub(sent.tok_start) <= MAX_TOKENS {
            out.push(*sent);
            orig.push(si);
            continue;
        }
        let mut a = sent.tok_start;
        while a < sent.tok_end {
            let b = cut(d, a, sent.tok_end);
            let start = if a == sent.tok_start { sent.span.start } else { tok_start(d, a) };
            let end = if b == sent.tok_end { sent.span.end } else { tok_end(d, b - 1) };
            out.push(Sentence { span: Span::new(start, end.max(start)), tok_start: a, tok_end: b, para: sent.para });
            orig.push(si);
            a = b;
        }
    }
    (out, orig)
}

/// The end (exclusive) of the window starting at token `a` of a sentence ending at `end`.
fn cut(d: &Doc<'_>, a: usize, end: usize) -> usize {
    let hard = (a + MAX_TOKENS).min(end);
    if hard == end {
        return end;
    }
    let half = a + MAX_TOKENS / 2;
    (half..hard)
        .rev()
        .find(|&i| {
            d.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct && matches!(t.ch, ',' | ';' | ':' | '—' | '–'))
        })
        .map_or(hard, |i| i + 1)
}

fn tok_start(d: &Doc<'_>, i: usize) -> usize {
    d.toks.get(i).map_or(d.text.len(), |t| t.span.start)
}

fn tok_end(d: &Doc<'_>, i: usize) -> usize {
    d.toks.get(i).map_or(d.text.len(), |t| t.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::attribution::with_doc;
    use crate::engine::segment;

    /// The windows of `text`, their sentences, and how many sentences it has (as merged).
    fn windows_of(text: &str) -> (Vec<Sentence>, Vec<usize>, usize) {
        with_doc(text, |d| {
            let (w, o) = windows(d);
            (w, o, d.sentences.len())
        })
    }

    #[test]
    fn ordinary_sentences_are_their_own_windows() {
        let (w, o, n) = windows_of("Trump said the plan would fail. Clinton disagreed, her aide said.");
        assert_eq!(w.len(), n);
        assert_eq!(o, (0..n).collect::<Vec<_>>());
    }

    #[test]
    fn a_long_sentence_is_cut_after_a_comma_and_covers_every_token() {
        let text = "the official said that the minister told reporters, ".repeat(200);
        let (w, o, n) = windows_of(&text);
        assert_eq!(n, 1);
        assert!(w.len() > 1);
        assert!(o.iter().all(|&s| s == 0));
        for pair in w.windows(2) {
            assert_eq!(pair[0].tok_end, pair[1].tok_start);
            assert!(pair[0].span.end <= pair[1].span.start);
        }
        assert!(w.iter().all(|s| s.tok_end - s.tok_start <= MAX_TOKENS));
        // Cut after a comma: each window but the last ends with one.
        let toks = segment::tokenize(&text);
        assert!(w[..w.len() - 1].iter().all(|s| toks[s.tok_end - 1].ch == ','));
    }
}
