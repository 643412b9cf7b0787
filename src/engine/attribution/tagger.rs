//! The seam where a learned model plugs in: which tokens are cue candidates (and with which
//! entry), and whether a candidate claim the rules built is kept, with what confidence.
//!
//! [`LexiconTagger`] is the rules-only behaviour: the lexicon's entry for the word, every claim
//! the rules accept kept as it is.

use super::{Doc, RawClaim};
use crate::engine::lexicon::CueEntry;

/// Cue detection and claim scoring, replaceable by a model.
pub trait Tagger: Sync {
    /// The cue entry of token `i` of `doc` (a word; `lexicon` is what the lexicon says of it), or
    /// `None` when it is no cue candidate. A model sees the whole document: the word's context,
    /// sentence and quotation.
    fn cue(&self, doc: &Doc<'_>, i: usize, lexicon: Option<&'static CueEntry>) -> Option<&'static CueEntry>;
    /// The confidence of a claim the rules built, or `None` to drop it.
    fn rescore(&self, claim: &RawClaim) -> Option<f32> {
        Some(claim.confidence)
    }
}

/// Rules only: cue candidates from the lexicon, claims kept as the rules score them.
#[derive(Clone, Copy, Debug, Default)]
pub struct LexiconTagger;

impl Tagger for LexiconTagger {
    #[inline]
    fn cue(&self, _doc: &Doc<'_>, _i: usize, lexicon: Option<&'static CueEntry>) -> Option<&'static CueEntry> {
        lexicon
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::attribution::{extract_traced, with_doc, Doc, Outcome};

    /// Runs the attribution stage with `tagger` on `text`.
    fn run(text: &str, tagger: &dyn Tagger) -> (Vec<RawClaim>, Vec<crate::engine::attribution::Trace>) {
        with_doc(text, |d| {
            let mut trace = Vec::new();
            let claims = extract_traced(d, tagger, &mut trace);
            (claims, trace)
        })
    }

    const TEXT: &str = "The senator said the bill would pass. Critics claimed it would fail.";

    struct OnlySay;
    impl Tagger for OnlySay {
        fn cue(&self, _: &Doc<'_>, _: usize, lexicon: Option<&'static CueEntry>) -> Option<&'static CueEntry> {
            lexicon.filter(|e| e.lemma == "say")
        }
    }

    struct Halve;
    impl Tagger for Halve {
        fn cue(&self, _: &Doc<'_>, _: usize, lexicon: Option<&'static CueEntry>) -> Option<&'static CueEntry> {
            lexicon
        }
        fn rescore(&self, claim: &RawClaim) -> Option<f32> {
            (claim.confidence > 0.9).then_some(claim.confidence / 2.0)
        }
    }

    #[test]
    fn the_lexicon_tagger_is_the_rules() {
        let (claims, _) = run(TEXT, &LexiconTagger);
        assert_eq!(claims.len(), 2);
    }

    #[test]
    fn a_tagger_decides_the_cue_candidates() {
        let (claims, trace) = run(TEXT, &OnlySay);
        assert_eq!(claims.len(), 1);
        assert_eq!(trace.len(), 1);
    }

    #[test]
    fn a_tagger_rescores_or_drops_claims() {
        let (rules, _) = run(TEXT, &LexiconTagger);
        let (claims, trace) = run(TEXT, &Halve);
        let kept: Vec<_> = rules.iter().filter(|c| c.confidence > 0.9).collect();
        assert_eq!(claims.len(), kept.len());
        for (c, r) in claims.iter().zip(kept) {
            assert_eq!(c.confidence, r.confidence / 2.0);
        }
        assert!(trace.iter().any(|t| t.outcome == Outcome::Veto("dropped by the tagger's score")) || kept_all(&rules));
    }

    fn kept_all(rules: &[RawClaim]) -> bool {
        rules.iter().all(|c| c.confidence > 0.9)
    }
}
