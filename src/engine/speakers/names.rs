//! Every other occurrence of a speaker's name in the text, added as a mention (one pass, a
//! hash probe per candidate).

use rustc_hash::FxHashMap as HashMap;

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
        super::sort_spans(&mut spans);
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

/// What the text writes of a surname after first names the lexicon knows.
#[derive(Default)]
pub(super) struct FullNames {
    /// Bit 1: a man's first name before it ("Donald Trump"), bit 2: a woman's ("Hillary
    /// Clinton"); both when two such names disagree ("Bill Clinton" too).
    pub genders: u32,
    /// The first full name written ("Emily Chen"), and whether another first name came too.
    pub first: String,
    pub several: bool,
}

/// Surnames, [folded](super::fold), and what the text writes of them.
pub(super) type FullNamesMap = HashMap<String, FullNames>;

/// The surnames the text writes after a first name the lexicon knows, [folded](super::fold),
/// with what it writes of them. One pass over the words. (A map type the speakers already use:
/// each new one costs the app's worker kilobytes.)
pub(super) fn full_names(text: &str) -> FullNamesMap {
    let mut out: HashMap<String, FullNames> = HashMap::default();
    let mut prev: Option<(bool, &str)> = None;
    let mut low = String::new();
    for w in text.split_whitespace() {
        // Most words are neither a surname to record nor a first name: lower-case and no
        // first name before them.
        if prev.is_none() && w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
            continue;
        }
        let core = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let bare = core.trim_end_matches(|c: char| !c.is_alphanumeric());
        if let Some((female, first)) = prev.take() {
            let surname = crate::engine::words::possessive_base(bare).unwrap_or(bare);
            if surname.len() >= 2 && is_cap(surname) {
                let f = out.entry(super::fold(surname)).or_default();
                f.genders |= 1 << u32::from(female);
                if f.first.is_empty() {
                    f.first = format!("{first} {surname}");
                } else if !f.first.starts_with(first) || f.first.as_bytes().get(first.len()) != Some(&b' ') {
                    f.several = true;
                }
            }
        }
        // A first name ends no clause: "Hillary," is not followed by her surname.
        if is_cap(bare) && bare.len() == core.len() && bare.len() < 16 {
            prev = super::mention::first_name_gender(crate::engine::lexicon::lower_into(bare, &mut low))
                .map(|f| (f, bare));
        }
    }
    out
}

/// The most words a name may have to be looked for ("Martin Luther King Jr." has four).
const MAX_NAME_WORDS: usize = 6;

/// Adds every other whole-word occurrence of each named speaker's name (and a person's
/// surname) as a mention: left to right, the longest name starting at each word, never inside
/// an existing mention. One hash probe per candidate, so memory stays that of the names
/// themselves however many speakers there are.
pub(super) fn add_name_mentions(text: &str, entities: &mut [Entity]) {
    let found = {
        // Each form belongs to the first entity that has it.
        let mut owner: HashMap<&str, usize> = HashMap::default();
        let mut max_words = 0;
        for (i, e) in entities.iter().enumerate() {
            let Some(name) = e.name.as_deref() else { continue };
            let surname = if e.kind == SpeakerKind::Person { e.surname.as_deref() } else { None };
            for f in std::iter::once(name).chain(surname) {
                if f.len() >= 3 && is_cap(f) && !owner.contains_key(f) {
                    owner.insert(f, i);
                    max_words = max_words.max(f.split(' ').count().min(MAX_NAME_WORDS));
                }
            }
        }
        if owner.is_empty() {
            return;
        }
        // Existing mentions: matches inside them are skipped.
        let taken = Taken::new(entities.iter().flat_map(|e| e.mentions.iter().copied()).collect());
        let mut found = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let Some(c) = text[i..].chars().next() else { break };
            let word_start = c.is_uppercase() && text[..i].chars().next_back().is_none_or(|p| !p.is_alphanumeric());
            if word_start {
                if let Some((e, who)) = longest_at(text, i, max_words, &owner) {
                    let span = Span::new(i, e);
                    if !taken.overlaps(span) {
                        found.push((who, span));
                    }
                    i = e;
                    continue;
                }
            }
            i += c.len_utf8();
        }
        found
    };
    for (who, span) in found {
        entities[who].mentions.push(span);
    }
}

/// The longest form in `owner` that starts at byte `i` and ends at a word boundary (not before a
/// letter or digit): its end and its owner. Forms are words joined by single spaces.
fn longest_at(text: &str, i: usize, max_words: usize, owner: &HashMap<&str, usize>) -> Option<(usize, usize)> {
    let rest = &text[i..];
    // Where each of the first `max_words` space-separated words ends.
    let mut best = None;
    let mut word_from = 0;
    for _ in 0..max_words {
        let word_end = rest[word_from..].find(char::is_whitespace).map_or(rest.len(), |k| word_from + k);
        // Every boundary inside the last word ("Trump" in "Trump’s"), shortest first.
        for (k, ch) in rest[word_from..word_end].char_indices() {
            let end = word_from + k;
            if end > word_from && !ch.is_alphanumeric() {
                if let Some(&who) = owner.get(&rest[..end]) {
                    best = Some((i + end, who));
                }
            }
        }
        if let Some(&who) = owner.get(&rest[..word_end]) {
            best = Some((i + word_end, who));
        }
        // The next word must follow a single space.
        if !rest[word_end..].starts_with(' ') || rest[word_end + 1..].starts_with(char::is_whitespace) {
            break;
        }
        word_from = word_end + 1;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::tests::Lcg;

    #[test]
    fn taken_overlaps_as_any_span_does() {
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
