//! No content holds more than [`MAX_NESTED`] other claims' cues.
//!
//! A content may hold other attributions ("X said that Y told reporters that …"), two or three
//! deep in news text. On a run of cues without end ("he said he said he said …") every claim's
//! content would hold every later one, and the output would grow with the square of the input.
//! A content holding more than [`MAX_NESTED`] foreign cues is cut at the first one past that
//! count, counted from its claim's cue outwards (a content after the cue keeps its head, one
//! before it its tail), so that no token lies in more than a few contents.

use super::view::Ctx;
use super::RawClaim;
use crate::engine::span::Span;

/// The most other claims' cues a content may hold (PolNeAR train and dev: at most 4).
pub const MAX_NESTED: usize = 8;

/// Cut the contents that hold more than [`MAX_NESTED`] other claims' cues.
pub fn nested_cues(ctx: &Ctx<'_>, claims: &mut [RawClaim]) {
    // Every claim's cue starts, with the claim they belong to, sorted. Claims come sentence
    // window by sentence window, so a start is out of place by at most a window's claims: an
    // insertion sort is linear here (and adds no generic sort to the wasm).
    let mut cues: Vec<(usize, usize)> =
        claims.iter().enumerate().flat_map(|(k, c)| c.cue.iter().map(move |s| (s.start, k))).collect();
    for i in 1..cues.len() {
        let mut j = i;
        while j > 0 && cues[j - 1] > cues[j] {
            cues.swap(j - 1, j);
            j -= 1;
        }
    }
    for (k, c) in claims.iter_mut().enumerate() {
        let anchor = c.cue.first().map_or(0, |s| s.start);
        for part in c.content.iter_mut() {
            let from = cues.partition_point(|&(p, _)| p < part.start);
            let to = cues.partition_point(|&(p, _)| p < part.end);
            let own = c.cue.iter().filter(|s| part.start <= s.start && s.start < part.end).count();
            if to - from - own <= MAX_NESTED {
                continue;
            }
            let mut foreign = cues[from..to].iter().filter(|&&(_, owner)| owner != k).map(|&(p, _)| p);
            let cut = if part.start >= anchor {
                foreign.nth(MAX_NESTED).map(|p| Span::new(part.start, p))
            } else {
                foreign.rev().nth(MAX_NESTED).map(|p| Span::new(after_word(ctx, p), part.end))
            };
            if let Some(cut) = cut {
                *part = cut.trim(ctx.d.text);
            }
        }
    }
}

/// The end of the token starting at byte `p`.
fn after_word(ctx: &Ctx<'_>, p: usize) -> usize {
    let toks = ctx.d.toks;
    let t = toks.partition_point(|t| t.span.start < p);
    toks.get(t).map_or(p, |t| t.span.end)
}

#[cfg(test)]
mod tests {
    use super::MAX_NESTED;
    use crate::engine::attribution::rules_only as analyze;

    /// How many other claims' cues each content holds.
    fn nesting(text: &str) -> Vec<usize> {
        let a = analyze(text);
        let cues: Vec<(usize, usize)> =
            a.claims.iter().enumerate().flat_map(|(k, c)| c.cue.iter().map(move |s| (s.start, k))).collect();
        a.claims
            .iter()
            .enumerate()
            .map(|(k, c)| {
                c.content
                    .iter()
                    .map(|s| cues.iter().filter(|&&(p, o)| o != k && s.start <= p && p < s.end).count())
                    .sum()
            })
            .collect()
    }

    #[test]
    fn ordinary_nesting_is_kept() {
        let t = "The minister said that the general told reporters that the troops would stay.";
        let n = nesting(t);
        assert_eq!(n.len(), 2);
        assert!(n.contains(&1));
    }

    #[test]
    fn a_run_of_cues_is_cut_and_output_stays_linear() {
        let t = "the official said that the minister told reporters ".repeat(400);
        let n = nesting(&t);
        assert!(n.len() > 100);
        assert!(n.iter().all(|&k| k <= MAX_NESTED + 1), "{:?}", n.iter().max());
        let covered: usize = analyze(&t).claims.iter().flat_map(|c| c.content.iter()).map(|s| s.len()).sum();
        assert!(covered < t.len() * (2 * MAX_NESTED + 2), "{covered} bytes of content for {} of text", t.len());
    }
}
