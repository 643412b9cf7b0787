//! Every other occurrence of a speaker's name in the text, added as a mention (one
//! Aho-Corasick pass).

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::mention::is_cap;
use super::Entity;
use crate::engine::model::SpeakerKind;
use crate::engine::span::Span;

/// Spans, sorted, with the furthest end reached so far: whether a span overlaps any of them
/// in O(log n), however long some of them are.
pub(super) struct Taken {
    spans: Vec<Span>,
    reach: Vec<usize>,
}

impl Taken {
    pub(super) fn new(mut spans: Vec<Span>) -> Taken {
        spans.sort();
        let reach = spans
            .iter()
            .scan(0, |far, t| {
                *far = t.end.max(*far);
                Some(*far)
            })
            .collect();
        Taken { spans, reach }
    }

    /// Same as `spans.iter().any(|t| t.overlaps(span))`: among the spans that start before
    /// `span` ends, the furthest end lies after its start.
    pub(super) fn overlaps(&self, span: Span) -> bool {
        let before_end = self.spans.partition_point(|t| t.start < span.end);
        before_end > 0 && self.reach[before_end - 1] > span.start
    }
}

/// Adds every other whole-word occurrence of each named speaker's name (and a person's
/// surname) as a mention.
pub(super) fn add_name_mentions(text: &str, entities: &mut [Entity]) {
    let mut patterns: Vec<String> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::default();
    for (i, e) in entities.iter().enumerate() {
        let Some(name) = &e.name else { continue };
        let mut forms = vec![name.clone()];
        if e.kind == SpeakerKind::Person {
            if let Some(s) = &e.surname {
                forms.push(s.clone());
            }
        }
        for f in forms {
            if f.len() < 3 || !is_cap(&f) {
                continue;
            }
            if seen.contains_key(&f) {
                continue;
            }
            seen.insert(f.clone(), i);
            patterns.push(f);
            owner.push(i);
        }
    }
    if patterns.is_empty() {
        return;
    }
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        // A few dozen names per article: an NFA builds far faster than a DFA and searches fast enough.
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
    else {
        return;
    };
    let bytes = text.as_bytes();
    // Existing mentions: matches inside them are skipped.
    let taken = Taken::new(entities.iter().flat_map(|e| e.mentions.iter().copied()).collect());
    for mat in ac.find_iter(text) {
        let (s, e) = (mat.start(), mat.end());
        let before_ok = s == 0
            || !(bytes[s - 1].is_ascii_alphanumeric()
                || bytes[s - 1] >= 0x80 && text[..s].chars().next_back().is_some_and(char::is_alphanumeric));
        let after_ok = e >= text.len()
            || !(bytes[e].is_ascii_alphanumeric()
                || bytes[e] >= 0x80 && text[e..].chars().next().is_some_and(char::is_alphanumeric));
        if !(before_ok && after_ok) {
            continue;
        }
        let span = Span::new(s, e);
        if !taken.overlaps(span) {
            entities[owner[mat.pattern().as_usize()]].mentions.push(span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random numbers (64-bit LCG, high bits).
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }
    }

    #[test]
    pub(super) fn taken_overlaps_as_any_span_does() {
        let mut rng = Lcg(3);
        for _ in 0..300 {
            let spans: Vec<Span> = (0..rng.below(12))
                .map(|_| {
                    let s = rng.below(40);
                    let max = if rng.below(4) == 0 { 30 } else { 4 };
                    Span::new(s, s + rng.below(max))
                })
                .collect();
            let taken = Taken::new(spans.clone());
            for s in 0..45 {
                for len in 0..8 {
                    let span = Span::new(s, s + len);
                    assert_eq!(taken.overlaps(span), spans.iter().any(|t| t.overlaps(span)), "{spans:?} {span:?}");
                }
            }
        }
    }
}
