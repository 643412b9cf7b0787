//! The seam where a learned model plugs in: which tokens are cue candidates (and with which
//! entry), and whether a candidate claim the rules built is kept, with what confidence.
//!
//! [`LexiconTagger`] is the rules-only behaviour: the lexicon's entry for the word, every claim
//! the rules accept kept as it is.

use super::RawClaim;
use crate::engine::lexicon::{CueEntry, Lexicon};

/// Cue detection and claim scoring, replaceable by a model.
pub trait Tagger: Sync {
    /// The cue entry of a word (`lower` is its lower-cased form, `cap` whether it is
    /// capitalised in the text), or `None` when it is no cue candidate.
    fn cue(&self, lower: &str, cap: bool) -> Option<&'static CueEntry>;
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
    fn cue(&self, lower: &str, _cap: bool) -> Option<&'static CueEntry> {
        Lexicon::get().cue(lower)
    }
}
