//! Cutting an analysed text into blocks of segments carrying marks, ready to render.
//!
//! Pure Rust, no DOM. The work done when an analysis arrives is proportional to the number of
//! marks (sorting them once); the finer cutting into [`Segment`]s happens per block, on
//! demand ([`Annotated::segments`]), so a multi-megabyte article only pays for the paragraphs
//! actually rendered.
//!
//! * A [`Mark`] is one highlighted span: a claim's content, cue or source, a speaker's mention,
//!   or boilerplate. Identical marks (same layer, range and speaker) are merged, and a mention
//!   that is exactly a claim's source is folded into that source mark.
//! * A [`Block`] is a paragraph (text between blank lines), split further when longer than
//!   [`MAX_BLOCK_BYTES`] so no single element gets huge.
//! * A [`Segment`] is a maximal run of text inside one block over which the set of marks does
//!   not change. Its marks are ordered outermost first ([`Layer`] order), so consecutive
//!   segments sharing their outer marks can be rendered inside shared elements.

use std::ops::Range;

use crate::engine::{Analysis, Span};

/// The longest block, in bytes, before it is split at a space or line break.
pub const MAX_BLOCK_BYTES: usize = 4096;

/// What a mark highlights, outermost first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// Scraped-page debris, dimmed.
    Boilerplate,
    /// What is claimed.
    Content,
    /// The attributing words.
    Cue,
    /// The mention sourcing a claim.
    Source,
    /// Any other mention of a speaker.
    Mention,
}

impl Layer {
    /// The CSS class of the element rendering this layer.
    pub fn class(self) -> &'static str {
        match self {
            Layer::Boilerplate => "boilerplate",
            Layer::Content => "hl-content",
            Layer::Cue => "hl-cue",
            Layer::Source => "hl-source",
            Layer::Mention => "hl-mention",
        }
    }
}

/// One highlighted range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// What it highlights.
    pub layer: Layer,
    /// The bytes it covers.
    pub range: Range<usize>,
    /// The claims it belongs to, ascending (empty for mentions and boilerplate).
    pub claims: Vec<u32>,
    /// The speaker it refers to (for contents and cues: the claim's speaker; for a chain's
    /// relay: the relaying speaker).
    pub speaker: Option<u32>,
}

/// A run of text with a constant set of marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The bytes of the text it covers.
    pub range: Range<usize>,
    /// Indices into [`Annotated::marks`], outermost first.
    pub marks: Vec<u32>,
}

/// A paragraph (or a piece of a long one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The bytes of the text it covers.
    pub range: Range<usize>,
    /// The marks starting inside it (indices into [`Annotated::marks`], which is sorted by start).
    pub own: Range<usize>,
    /// The marks starting before it and still open at its start.
    pub carried: Vec<u32>,
}

/// An analysed text, cut up for display.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotated {
    /// Every mark, sorted by start.
    pub marks: Vec<Mark>,
    /// Every block, in text order.
    pub blocks: Vec<Block>,
    /// For each claim, the block of its first highlighted byte (if any).
    pub claim_block: Vec<Option<usize>>,
    /// For each speaker, the block of its first mention (if any).
    pub speaker_block: Vec<Option<usize>>,
    /// For each claim, the speaker relaying it (`via`), if any: selecting an outlet selects
    /// the claims it relays too.
    pub relayed_by: Vec<Option<u32>>,
    /// For each speaker, the label of the chip at the start of its claims ([`short_name`]).
    pub labels: Vec<String>,
}

/// The short name a claim's chip shows: a named person's surname ("Vedant Patel" → "Patel",
/// "Martin Luther King Jr." → "King"), anyone else's name as it is ("NBC News", "a senior
/// official"; the stylesheet cuts a long one with an ellipsis).
pub fn short_name(speaker: &crate::engine::Speaker) -> String {
    use crate::engine::{Anonymity, SpeakerKind};
    let name = speaker.name.trim();
    let named = speaker.kind == SpeakerKind::Person
        && speaker.anonymity == Anonymity::Named
        && name.starts_with(|c: char| c.is_uppercase());
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [.., w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"] if named => *w,
        [.., w] if named => *w,
        _ => name,
    }
    .trim_end_matches(',')
    .to_string()
}

/// True when `span` is a non-empty range of `text` on `char` boundaries.
fn valid(text: &str, span: Span) -> bool {
    span.start < span.end && text.get(span.start..span.end).is_some()
}

/// The paragraphs of `text`: runs of non-blank lines, split to at most [`MAX_BLOCK_BYTES`].
pub fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            if let Some(r) = current.take() {
                split_long(text, r, &mut out);
            }
        } else {
            let end = start + body.len();
            match current.as_mut() {
                Some(r) => r.end = end,
                None => current = Some(start..end),
            }
        }
    }
    if let Some(r) = current {
        split_long(text, r, &mut out);
    }
    out
}

fn split_long(text: &str, mut r: Range<usize>, out: &mut Vec<Range<usize>>) {
    while r.end - r.start > MAX_BLOCK_BYTES {
        let mut cut = r.start + MAX_BLOCK_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // Prefer to cut after a line break or a space in the second half of the window.
        let window = &text[r.start..cut];
        if let Some(i) = window.rfind(['\n', ' ']) {
            if i > MAX_BLOCK_BYTES / 2 {
                cut = r.start + i + 1;
            }
        }
        out.push(r.start..cut);
        r.start = cut;
    }
    if r.start < r.end {
        out.push(r);
    }
}

/// Claims whose marks are collected per step of [`Steps`].
const CLAIMS_PER_STEP: usize = 4000;

/// The work of [`Annotated::new`] in bounded pieces, so a caller on the main thread can let
/// the browser breathe between them ([`Annotated::new_in_steps`]).
pub struct Steps<'a> {
    text: &'a str,
    analysis: &'a Analysis,
    raw: Vec<RawMark>,
    next_claim: usize,
    marks: Option<Vec<Mark>>,
    blocks: Option<Vec<Block>>,
}

/// (start, end, speaker, layer, claim): sorting brings identical marks together, and a
/// claim's source right before a mention of the same range and speaker.
type RawMark = (usize, usize, Option<u32>, Layer, Option<u32>);

impl<'a> Steps<'a> {
    /// Prepares to cut `text` with the marks of `analysis`.
    pub fn new(text: &'a str, analysis: &'a Analysis) -> Steps<'a> {
        Steps { text, analysis, raw: Vec::new(), next_claim: 0, marks: None, blocks: None }
    }

    /// Does one bounded piece of the work; `Some` with the result after the last one.
    pub fn step(&mut self) -> Option<Annotated> {
        let (text, analysis) = (self.text, self.analysis);
        if self.next_claim < analysis.claims.len() || (self.next_claim == 0 && self.marks.is_none()) {
            if self.next_claim == 0 {
                for span in &analysis.boilerplate {
                    push_raw(&mut self.raw, text, Layer::Boilerplate, span, None, None);
                }
            }
            let end = (self.next_claim + CLAIMS_PER_STEP).min(analysis.claims.len());
            for claim in &analysis.claims[self.next_claim..end] {
                collect_claim(&mut self.raw, text, claim);
            }
            self.next_claim = end.max(1);
            return None;
        }
        if self.marks.is_none() {
            for speaker in &analysis.speakers {
                for s in &speaker.mentions {
                    push_raw(&mut self.raw, text, Layer::Mention, s, None, Some(speaker.id));
                }
            }
            self.marks = Some(merge_marks(std::mem::take(&mut self.raw)));
            return None;
        }
        let marks = self.marks.take().unwrap_or_default();
        if self.blocks.is_none() {
            self.blocks = Some(cut_blocks(text, &marks));
            self.marks = Some(marks);
            return None;
        }
        let blocks = self.blocks.take().unwrap_or_default();
        Some(index(text, analysis, marks, blocks))
    }
}

impl Annotated {
    /// Cuts `text` up with the marks of `analysis` (whose spans index `text`).
    ///
    /// Spans that do not index `text` (out of range, inside a character) are skipped, never
    /// trusted: the display must not panic on a bad span.
    pub fn new(text: &str, analysis: &Analysis) -> Annotated {
        let mut steps = Steps::new(text, analysis);
        loop {
            if let Some(done) = steps.step() {
                return done;
            }
        }
    }

    /// [`Annotated::new`], awaiting `pause()` between pieces of work.
    pub async fn new_in_steps<F, Fut>(text: &str, analysis: &Analysis, mut pause: F) -> Annotated
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = ()>,
    {
        let mut steps = Steps::new(text, analysis);
        loop {
            if let Some(done) = steps.step() {
                return done;
            }
            pause().await;
        }
    }

    /// The marks touching block `i`: those carried in, then those starting inside it.
    pub fn block_marks(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let b = &self.blocks[i];
        b.carried.iter().copied().chain(b.own.clone().map(|m| m as u32))
    }

    /// Block `i` cut into segments (consecutive, covering the block exactly).
    pub fn segments(&self, i: usize) -> Vec<Segment> {
        let b = &self.blocks[i];
        let (lo, hi) = (b.range.start, b.range.end);
        let marks: Vec<u32> = self.block_marks(i).collect();
        let mut points: Vec<usize> = Vec::with_capacity(marks.len() * 2 + 2);
        points.push(lo);
        points.push(hi);
        for &m in &marks {
            let r = &self.marks[m as usize].range;
            points.extend([r.start.clamp(lo, hi), r.end.clamp(lo, hi)]);
        }
        // (Through the app's one sort, not a sort of its own for `usize`.)
        let mut points = crate::web::sorted_by(points, &|a, b| a.cmp(b));
        points.dedup();
        // `marks` is sorted by start (carried ones start before the block).
        let mut active: Vec<u32> = Vec::new();
        let mut next = 0;
        let mut out = Vec::with_capacity(points.len());
        for w in points.windows(2) {
            let (from, to) = (w[0], w[1]);
            active.retain(|&m| self.marks[m as usize].range.end > from);
            while next < marks.len() && self.marks[marks[next] as usize].range.start <= from {
                if self.marks[marks[next] as usize].range.end > from {
                    active.push(marks[next]);
                }
                next += 1;
            }
            let mut seg = active.clone();
            let key = |m: u32| {
                let mark = &self.marks[m as usize];
                (mark.layer, mark.range.start, std::cmp::Reverse(mark.range.end))
            };
            super::sort_ids(&mut seg, &|a, b| key(a).cmp(&key(b)));
            out.push(Segment { range: from..to, marks: seg });
        }
        out
    }

    /// True when mark `i` belongs to what `claim` or `speaker` selects.
    pub fn mark_selected(&self, i: u32, claim: Option<u32>, speaker: Option<u32>) -> bool {
        let m = &self.marks[i as usize];
        match (claim, speaker) {
            (Some(c), _) => m.claims.binary_search(&c).is_ok(),
            (None, Some(s)) => {
                m.layer != Layer::Boilerplate
                    && (m.speaker == Some(s)
                        || m.claims.iter().any(|&c| self.relayed_by.get(c as usize) == Some(&Some(s))))
            }
            (None, None) => false,
        }
    }

    /// True when block `i` has a mark the selection highlights.
    pub fn block_selected(&self, i: usize, claim: Option<u32>, speaker: Option<u32>) -> bool {
        (claim.is_some() || speaker.is_some()) && self.block_marks(i).any(|m| self.mark_selected(m, claim, speaker))
    }
}

fn push_raw(raw: &mut Vec<RawMark>, text: &str, layer: Layer, span: &Span, claim: Option<u32>, speaker: Option<u32>) {
    if valid(text, *span) {
        raw.push((span.start, span.end, speaker, layer, claim));
    }
}

fn collect_claim(raw: &mut Vec<RawMark>, text: &str, claim: &crate::engine::Claim) {
    let id = Some(claim.id);
    claim.content.iter().for_each(|s| push_raw(raw, text, Layer::Content, s, id, claim.speaker));
    claim.cue.iter().for_each(|s| push_raw(raw, text, Layer::Cue, s, id, claim.speaker));
    claim.source.iter().for_each(|s| push_raw(raw, text, Layer::Source, s, id, claim.speaker));
    if let Some(via) = &claim.via {
        via.source.iter().for_each(|s| push_raw(raw, text, Layer::Source, s, id, via.speaker));
        via.cue.iter().for_each(|s| push_raw(raw, text, Layer::Cue, s, id, via.speaker));
    }
}

/// Sorts and merges raw marks: identical ones become one mark listing all their claims, and a
/// mention that is exactly a claim's source is folded into that source mark.
fn merge_marks(raw: Vec<RawMark>) -> Vec<Mark> {
    let raw = super::sorted_by(raw, &|a, b| a.cmp(b));
    let mut marks: Vec<Mark> = Vec::new();
    for (start, end, speaker, layer, claim) in raw {
        let same_range = |m: &Mark| m.range == (start..end) && m.speaker == speaker;
        match marks.last_mut() {
            Some(last) if same_range(last) && last.layer == layer => {
                if let Some(c) = claim {
                    if last.claims.last() != Some(&c) {
                        last.claims.push(c); // ascending: raw is sorted by claim last
                    }
                }
            }
            Some(last) if same_range(last) && last.layer == Layer::Source && layer == Layer::Mention => {}
            _ => marks.push(Mark { layer, range: start..end, claims: claim.into_iter().collect(), speaker }),
        }
    }
    marks
}

/// The blocks of `text`, each with the marks starting in it and those carried in.
fn cut_blocks(text: &str, marks: &[Mark]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut active: Vec<u32> = Vec::new();
    let mut next = 0;
    for range in blocks(text) {
        while next < marks.len() && marks[next].range.start < range.start {
            active.push(next as u32);
            next += 1;
        }
        active.retain(|&i| marks[i as usize].range.end > range.start);
        let own_end = next + marks[next..].partition_point(|m| m.range.start < range.end);
        out.push(Block { carried: active.clone(), own: next..own_end, range });
    }
    out
}

/// Where each claim and speaker first appears.
fn index(text: &str, analysis: &Analysis, marks: Vec<Mark>, blocks: Vec<Block>) -> Annotated {
    let block_of = |pos: usize| -> Option<usize> {
        let i = blocks.partition_point(|b: &Block| b.range.end <= pos);
        (i < blocks.len()).then_some(i)
    };
    let claim_block = analysis
        .claims
        .iter()
        .map(|c| {
            c.content
                .iter()
                .chain(&c.cue)
                .chain(&c.source)
                .filter(|s| valid(text, **s))
                .map(|s| s.start)
                .min()
                .and_then(block_of)
        })
        .collect();
    let speaker_block = analysis
        .speakers
        .iter()
        .map(|s| s.mentions.iter().find(|m| valid(text, **m)).and_then(|m| block_of(m.start)))
        .collect();
    let relayed_by = analysis.claims.iter().map(|c| c.via.as_ref().and_then(|v| v.speaker)).collect();
    let labels = analysis.speakers.iter().map(short_name).collect();
    Annotated { marks, blocks, claim_block, speaker_block, relayed_by, labels }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Claim, ClaimKind, Speaker, SpeakerKind, Stance};

    fn sp(r: Range<usize>) -> Span {
        Span::from(r)
    }

    fn sample() -> (String, Analysis) {
        let text = "Intro line.\n\n“We will not go,” Anna Berg said. Berg left.\n".to_string();
        let q = text.find('“').unwrap();
        let q_end = text.find('”').unwrap() + '”'.len_utf8();
        let name = text.find("Anna Berg").unwrap();
        let said = text.find("said").unwrap();
        let berg2 = text.rfind("Berg").unwrap();
        let analysis = Analysis {
            speakers: vec![Speaker {
                id: 0,
                name: "Anna Berg".into(),
                kind: SpeakerKind::Person,
                anonymous: false,
                anonymity: Default::default(),
                evidence: String::new(),
                confidence: 1.0,
                titles: vec![],
                mentions: vec![sp(name..name + 9), sp(berg2..berg2 + 4)],
            }],
            claims: vec![Claim {
                id: 0,
                kind: ClaimKind::Direct,
                content: vec![sp(q..q_end)],
                cue: vec![sp(said..said + 4)],
                source: vec![sp(name..name + 9)],
                speaker: Some(0),
                stance: Stance::Neutral,
                via: None,
                confidence: 0.9,
            }],
            ..Analysis::default()
        };
        (text, analysis)
    }

    #[test]
    fn blocks_split_at_blank_lines_and_long_runs() {
        assert_eq!(blocks("a\nb\n\n\n c \n"), vec![0..3, 6..9]);
        assert_eq!(blocks(""), Vec::<Range<usize>>::new());
        let long = "word ".repeat(3000);
        let b = blocks(&long);
        assert!(b.len() > 1);
        assert!(b.iter().all(|r| r.end - r.start <= MAX_BLOCK_BYTES));
        assert_eq!(b.first().unwrap().start, 0);
        assert_eq!(b.last().unwrap().end, long.len());
        let wide = "é".repeat(5000); // 2-byte chars, no spaces: cut on char boundaries
        assert!(blocks(&wide).iter().all(|r| wide.get(r.clone()).is_some()));
    }

    fn all_segments(a: &Annotated) -> Vec<Segment> {
        (0..a.blocks.len()).flat_map(|i| a.segments(i)).collect()
    }

    #[test]
    fn segments_cover_blocks_and_carry_marks() {
        let (text, analysis) = sample();
        let a = Annotated::new(&text, &analysis);
        assert_eq!(a.blocks.len(), 2);
        for (i, b) in a.blocks.iter().enumerate() {
            let segs = a.segments(i);
            assert_eq!(segs.first().unwrap().range.start, b.range.start);
            assert_eq!(segs.last().unwrap().range.end, b.range.end);
            for w in segs.windows(2) {
                assert_eq!(w[0].range.end, w[1].range.start);
            }
        }
        // The source mention is folded into the source mark; the second mention stays.
        let layers: Vec<Layer> = a.marks.iter().map(|m| m.layer).collect();
        assert_eq!(layers, vec![Layer::Content, Layer::Source, Layer::Cue, Layer::Mention]);
        let segments = all_segments(&a);
        let text_of = |layer: Layer| -> Vec<&str> {
            segments
                .iter()
                .filter(|s| s.marks.iter().any(|&i| a.marks[i as usize].layer == layer))
                .map(|s| &text[s.range.clone()])
                .collect()
        };
        assert_eq!(text_of(Layer::Content), vec!["“We will not go,”"]);
        assert_eq!(text_of(Layer::Source), vec!["Anna Berg"]);
        assert_eq!(text_of(Layer::Mention), vec!["Berg"]);
        assert_eq!(a.claim_block, vec![Some(1)]);
        assert_eq!(a.speaker_block, vec![Some(1)]);
        assert!(a.mark_selected(1, None, Some(0)));
        assert!(a.mark_selected(0, Some(0), None));
        assert!(!a.mark_selected(3, Some(0), None));
        assert!(a.block_selected(1, Some(0), None));
        assert!(!a.block_selected(0, Some(0), None));
    }

    #[test]
    fn chips_show_a_short_name() {
        let (_, mut analysis) = sample();
        let mut name = |n: &str, kind: SpeakerKind, anonymity: crate::engine::Anonymity| {
            let s = &mut analysis.speakers[0];
            (s.name, s.kind, s.anonymity) = (n.into(), kind, anonymity);
            short_name(s)
        };
        use crate::engine::Anonymity::{Anonymous, Named};
        assert_eq!(name("Vedant Patel", SpeakerKind::Person, Named), "Patel");
        assert_eq!(name("Martin Luther King Jr.", SpeakerKind::Person, Named), "King");
        assert_eq!(name("Madonna", SpeakerKind::Person, Named), "Madonna");
        assert_eq!(name("the president", SpeakerKind::Person, Named), "the president");
        assert_eq!(name("a senior official", SpeakerKind::Person, Anonymous), "a senior official");
        assert_eq!(name("NBC News", SpeakerKind::MediaOutlet, Named), "NBC News");
        assert_eq!(name("", SpeakerKind::Person, Named), "");
        let (text, analysis) = sample();
        assert_eq!(Annotated::new(&text, &analysis).labels, vec!["Berg".to_string()]);
    }

    #[test]
    fn marks_crossing_blocks_are_carried() {
        let text = "“First paragraph,\n\nsecond paragraph,” she said.";
        let analysis = Analysis {
            claims: vec![Claim {
                id: 0,
                kind: ClaimKind::Direct,
                content: vec![sp(0..text.find('”').unwrap() + 3)],
                cue: vec![],
                source: vec![],
                speaker: None,
                stance: Stance::Neutral,
                via: None,
                confidence: 1.0,
            }],
            ..Analysis::default()
        };
        let a = Annotated::new(text, &analysis);
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.blocks[1].carried, vec![0]);
        let second = a.segments(1);
        assert_eq!(&text[second[0].range.clone()], "second paragraph,”");
        assert_eq!(second[0].marks, vec![0]);
        assert!(second[1].marks.is_empty());
    }

    #[test]
    fn bad_spans_are_skipped() {
        let (text, mut analysis) = sample();
        analysis.claims[0].content = vec![sp(1000..1200), sp(14..15)]; // out of range, inside “
        let a = Annotated::new(&text, &analysis);
        assert!(a.marks.iter().all(|m| m.layer != Layer::Content));
    }

    #[test]
    fn nested_marks_are_ordered_outermost_first() {
        let (text, mut analysis) = sample();
        // A mention inside the content.
        let we = text.find("We").unwrap();
        analysis.speakers[0].mentions.push(sp(we..we + 2));
        let a = Annotated::new(&text, &analysis);
        let segs = all_segments(&a);
        let seg = segs.iter().find(|s| &text[s.range.clone()] == "We").unwrap();
        let layers: Vec<Layer> = seg.marks.iter().map(|&i| a.marks[i as usize].layer).collect();
        assert_eq!(layers, vec![Layer::Content, Layer::Mention]);
    }
}
