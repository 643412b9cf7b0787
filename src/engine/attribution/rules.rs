//! The rules that turn a sentence into claims, one construction per file.
//!
//! Two shapes: a [`SentenceRule`] looks at a whole sentence (headline "X: …", "In their
//! opinion, …", "Asked whether …,"); a cue rule is chosen by the class of a cue word
//! ([`cue_rule`]). Each rule reads the document through the token view ([`Ctx`]) and the
//! sentence's [`Scope`], and appends claims; a rule that finds nothing says why ([`Outcome`]).

pub mod according;
pub mod asked;
pub mod block;
pub mod credit;
pub mod headline;
pub mod hedge;
pub mod opinion;
pub mod quoted_as;
pub mod survey;
pub mod transcript;

use super::trace::Outcome;
use super::view::Ctx;
use super::{speech, RawClaim, RawId, Scope};
use crate::engine::lexicon::{CueClass, CueEntry};
use crate::engine::model::Stance;
use crate::engine::span::Span;

/// A rule over a whole sentence.
pub struct SentenceRule {
    /// Its name in traces.
    pub name: &'static str,
    /// Appends the claims it finds.
    pub apply: fn(&Ctx<'_>, &Scope<'_>, &mut Vec<RawClaim>),
}

/// The sentence rules, in the order they run (before the sentence's cue words).
pub const SENTENCE_RULES: &[SentenceRule] = &[
    SentenceRule { name: "transcript", apply: transcript::apply },
    SentenceRule { name: "headline", apply: headline::apply },
    SentenceRule { name: "opinion", apply: opinion::apply },
    SentenceRule { name: "survey", apply: survey::apply },
    SentenceRule { name: "asked", apply: asked::apply },
    SentenceRule { name: "credit", apply: credit::apply },
    SentenceRule { name: "block", apply: block::apply },
];

/// The rule for the cue word at token `i`, by its class.
pub fn cue_rule(ctx: &Ctx<'_>, s: &Scope<'_>, i: usize, entry: &CueEntry, claims: &mut Vec<RawClaim>) -> Outcome {
    let before = claims.len();
    let (name, outcome) = match entry.class {
        CueClass::Speech | CueClass::Belief => return speech::apply(ctx, s, i, entry, claims),
        CueClass::According => ("according", according::apply(ctx, s, i, claims)),
        CueClass::Citing => ("quoted_as", quoted_as::apply(ctx, s, i, claims)),
        CueClass::Hedge => ("hedge", Err("a hedge word: a claim of its own only when the sentence has no other")),
    };
    match outcome {
        Ok(()) if claims.len() > before => Outcome::Claim(claims.last().map_or(name, |c| c.rule)),
        Ok(()) => Outcome::Veto("no claim"),
        Err(why) => Outcome::Veto(why),
    }
}

/// A neutral claim with a one-word cue at token `cue` and a modest confidence: the shape of the
/// secondary constructions ("Asked whether …,", "…, citing X").
pub fn minor_claim(
    rule: &'static str,
    ctx: &Ctx<'_>,
    si: usize,
    cue: usize,
    content: Span,
    source: Option<Span>,
    inherit_from: Option<RawId>,
) -> RawClaim {
    let content = vec![content];
    RawClaim {
        kind: ctx.kind_of(&content),
        content,
        cue: vec![ctx.tok(cue).span],
        source,
        stance: Stance::Neutral,
        via: None,
        confidence: 0.5,
        sentence: si,
        inherit_from,
        rule,
    }
}
