//! Verbs of saying and attitudes ("said", "claimed", "told", "believes"): one cue word, four
//! steps, each a module with its own rules and tests:
//!
//! 1. [`vetoes`]: is it a verb of saying here at all (not an infinitive, a noun, a name)?
//! 2. [`frame`]: how far the cue reaches (medium, particle, passive agent, recipient);
//! 3. [`source`]: who says it (the source rules, in order);
//! 4. [`body`]: what is said (after the cue, or before the source);
//!
//! then the [`gate`] weighs priors and evidence and builds the claim.

pub mod body;
pub mod frame;
pub mod gate;
pub mod source;
pub mod vetoes;

use super::trace::Outcome;
use super::view::Ctx;
use super::{RawClaim, Scope};
use crate::engine::lexicon::CueEntry;

/// The claim of the verb of saying at token `i`, if it makes one.
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, i: usize, entry: &CueEntry, claims: &mut Vec<RawClaim>) -> Outcome {
    match claim(ctx, s, i, entry, claims) {
        Ok(c) => {
            let rule = c.rule;
            claims.push(c);
            Outcome::Claim(rule)
        }
        Err(why) => Outcome::Veto(why),
    }
}

fn claim(
    ctx: &Ctx<'_>,
    s: &Scope<'_>,
    i: usize,
    entry: &CueEntry,
    claims: &[RawClaim],
) -> Result<RawClaim, &'static str> {
    let first = ctx.cue_start(i, s.floor);
    let nested = vetoes::nested(ctx, i, claims.get(s.first_claim..).unwrap_or_default());
    vetoes::check(ctx, s, i, entry, first, nested)?;
    let mut frame = frame::frame(ctx, s, i, entry, first)?;
    let source = source::find(ctx, s, &mut frame, claims)?;
    let after = body::after(ctx, s, entry, &frame);
    let (content, marked) = body::content(ctx, s, entry, &frame, &source, &after)?;
    gate::accept(ctx, s, gate::Candidate { entry, frame, source, after, content, marked, nested })
}
