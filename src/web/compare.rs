//! The main thread's reading of a comparison the worker computed
//! ([`crate::engine::compare::Comparison`], as documented in docs/format.md). Its own types,
//! so that the app's wasm does not link the engine's comparison code.

use super::state::Analysed;

/// A comparison as the worker sends it: numbers and strings only, so that reading it takes
/// little code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flat {
    /// Per speaker found in both: its id in the first document, then in the second.
    pub speakers: Vec<u32>,
    /// Per aligned claim pair: the claim id in the first document, in the second, 1 if `same`
    /// (else `related`), the number of its differences.
    pub pairs: Vec<u32>,
    /// Per difference, in pair order: kind, the first report's, the second's.
    pub differences: Vec<String>,
    /// Per claim only one report carries: the document (0, 1) and the claim id.
    pub only: Vec<u32>,
}

/// Two documents aligned (docs/format.md), in engine ids.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Speakers found in both: their id in each document.
    pub speakers: Vec<[u32; 2]>,
    /// Aligned claims, `same` first.
    pub pairs: Vec<Pair>,
    /// Claims of one document with no `same` partner: document index, claim id.
    pub only: Vec<(usize, u32)>,
}

/// Two aligned claims.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// The claim ids in each document.
    pub claims: [u32; 2],
    /// The same proposition (else related).
    pub same: bool,
    /// What differs.
    pub differences: Vec<Difference>,
}

/// One difference within a pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// `stance`, `source`, `quote`, `wording` or `cue`.
    pub kind: String,
    /// The first report's, then the second's.
    pub sides: [String; 2],
}

impl Comparison {
    /// Reads the worker's flat form.
    pub fn from_flat(flat: Flat) -> Comparison {
        let speakers = flat.speakers.chunks_exact(2).map(|c| [c[0], c[1]]).collect();
        let mut diffs = flat.differences.into_iter();
        let pairs = flat
            .pairs
            .chunks_exact(4)
            .map(|p| Pair {
                claims: [p[0], p[1]],
                same: p[2] == 1,
                differences: (0..p[3])
                    .filter_map(|_| {
                        let kind = diffs.next()?;
                        Some(Difference { kind, sides: [diffs.next()?, diffs.next()?] })
                    })
                    .collect(),
            })
            .collect();
        let only = flat.only.chunks_exact(2).map(|c| (c[0] as usize, c[1])).collect();
        Comparison { speakers, pairs, only }
    }

    /// Whether speaker `id` (engine id) of document `doc` is found in the other one too.
    pub fn linked(&self, doc: usize, id: u32) -> bool {
        self.speakers.iter().any(|l| l[doc] == id)
    }
}

/// The claim shown in `side` for engine claim `id` (none: the user said it is not a claim).
pub fn shown_claim(side: &Analysed, id: u32) -> Option<u32> {
    if side.claim_ids.is_empty() {
        Some(id).filter(|id| (*id as usize) < side.analysis.claims.len())
    } else {
        side.claim_ids.iter().position(|e| *e == id).map(|i| i as u32)
    }
}

/// The engine id of the claim shown as `id` in `side`.
pub fn engine_claim(side: &Analysed, id: u32) -> u32 {
    side.claim_ids.get(id as usize).copied().unwrap_or(id)
}

/// What a difference's kind means to a reader.
pub fn kind_label(kind: &str) -> &str {
    match kind {
        "stance" => "Stance",
        "source" => "Source chain",
        "quote" => "Quote or paraphrase",
        "wording" => "Wording",
        "cue" => "Cue",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flat_form_round_trips() {
        use crate::web::worker::{run_compare, CompareRequest};
        let (a, b) =
            ("“We will talk,” said Anna Berg, the foreign minister.\n", "Anna Berg said on Monday: “We will talk.”\n");
        let r = run_compare(CompareRequest { seq: 7, a: a.into(), b: b.into() });
        assert_eq!(r.seq, 7);
        let c = Comparison::from_flat(r.outcome.unwrap());
        let want = crate::engine::compare::compare(a, &crate::engine::analyze(a), b, &crate::engine::analyze(b));
        assert_eq!(c.pairs.len(), want.pairs.len());
        assert_eq!(c.speakers.len(), want.speakers.len());
        assert_eq!(c.only.len(), want.only.len());
        for (p, w) in c.pairs.iter().zip(&want.pairs) {
            assert_eq!(p.claims, [w.a.1, w.b.1]);
            assert_eq!(p.differences.len(), w.differences.len());
        }
    }
}
