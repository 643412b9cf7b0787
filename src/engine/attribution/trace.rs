//! What happened to each cue candidate: the rule that made a claim of it, or the veto that
//! dropped it (`whosaid analyze --explain`).

use super::view::Ctx;
use super::RawClaim;
use crate::engine::lexicon::{CueClass, CueEntry};
use crate::engine::span::Span;

/// The fate of one cue candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A claim was made; the name of the rule that found its source (or the construction).
    Claim(&'static str),
    /// No claim; why.
    Veto(&'static str),
}

/// One traced candidate.
#[derive(Clone, Debug)]
pub struct Trace {
    /// The cue word (or, for a sentence rule, the claim's first cue span).
    pub at: Span,
    /// Lemma and class of the cue entry ("" for a sentence rule).
    pub lemma: &'static str,
    /// Its class, when it is a cue word.
    pub class: Option<CueClass>,
    /// Its prior (share of cue uses in PolNeAR train).
    pub prior: f32,
    /// What happened.
    pub outcome: Outcome,
    /// The claim's source and content, when one was made.
    pub source: Option<Span>,
    /// Content spans of the claim made.
    pub content: Vec<Span>,
}

impl Trace {
    pub(crate) fn cue(ctx: &Ctx<'_>, i: usize, entry: &CueEntry, outcome: &Outcome, claim: Option<&RawClaim>) -> Trace {
        Trace {
            at: ctx.tok(i).span,
            lemma: entry.lemma,
            class: Some(entry.class),
            prior: entry.prior,
            outcome: *outcome,
            source: claim.and_then(|c| c.source),
            content: claim.map(|c| c.content.clone()).unwrap_or_default(),
        }
    }

    pub(crate) fn sentence_rule(claim: &RawClaim, name: &'static str) -> Trace {
        Trace {
            at: claim.cue.first().copied().unwrap_or_default(),
            lemma: "",
            class: None,
            prior: 1.0,
            outcome: Outcome::Claim(name),
            source: claim.source,
            content: claim.content.clone(),
        }
    }
}
