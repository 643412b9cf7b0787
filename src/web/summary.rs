//! The sourcing profile of an analysis: who gets a voice, named or not, quoted or paraphrased,
//! and how the writer frames them; and the filters its numbers apply. Pure numbers; the
//! summary components render them.
//!
//! Every breakdown adds up to its total: voices = named + anonymous + vague; claims = named +
//! anonymous + vague + unsourced = direct + reported + mixed + hedge = the sum over stances.

use crate::engine::export::spans_text;
use crate::engine::{Analysis, Anonymity, Claim, ClaimKind, Speaker, Stance};

/// All stances, in display order.
pub const STANCES: [Stance; 5] =
    [Stance::Neutral, Stance::Distancing, Stance::Endorsing, Stance::Conceding, Stance::Rejecting];

/// All claim kinds, in display order.
pub const KINDS: [ClaimKind; 6] = [
    ClaimKind::Direct,
    ClaimKind::Indirect,
    ClaimKind::Mixed,
    ClaimKind::AccordingTo,
    ClaimKind::Belief,
    ClaimKind::Hedge,
];

/// How a claim is given: the four groups of the "direct or reported" breakdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindGroup {
    /// All in quote marks.
    Direct,
    /// Paraphrased: indirect, according to, beliefs.
    Reported,
    /// Paraphrase with a quoted fragment.
    Mixed,
    /// "Reportedly": no source.
    Hedge,
}

/// The groups, in display order.
pub const KIND_GROUPS: [KindGroup; 4] = [KindGroup::Direct, KindGroup::Reported, KindGroup::Mixed, KindGroup::Hedge];

impl KindGroup {
    /// The group of a claim kind.
    pub fn of(kind: ClaimKind) -> KindGroup {
        match kind {
            ClaimKind::Direct => KindGroup::Direct,
            ClaimKind::Mixed => KindGroup::Mixed,
            ClaimKind::Hedge => KindGroup::Hedge,
            ClaimKind::Indirect | ClaimKind::AccordingTo | ClaimKind::Belief => KindGroup::Reported,
        }
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            KindGroup::Direct => "direct",
            KindGroup::Reported => "reported",
            KindGroup::Mixed => "mixed",
            KindGroup::Hedge => "hedge",
        }
    }
}

/// The at-a-glance numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// Claims in total.
    pub claims: usize,
    /// Speakers with at least one claim.
    pub voices: usize,
    /// …of which named.
    pub named_voices: usize,
    /// …of which anonymous.
    pub anonymous_voices: usize,
    /// …of which vague ("critics", "experts").
    pub vague_voices: usize,
    /// Claims whose speaker is named.
    pub named_claims: usize,
    /// Claims whose speaker is anonymous.
    pub anonymous_claims: usize,
    /// Claims whose speaker is vague.
    pub vague_claims: usize,
    /// Claims resting on anonymous sources only: an anonymous speaker, relayed by no named
    /// intermediary (ids).
    pub anonymous_only: Vec<u32>,
    /// Claims with no speaker (hedges, unresolved sources).
    pub unsourced_claims: usize,
    /// Claims per [`KIND_GROUPS`] group: direct, reported, mixed, hedge.
    pub groups: [usize; 4],
    /// Claims per kind, in [`KINDS`] order.
    pub kinds: [usize; 6],
    /// Claims per stance, in [`STANCES`] order.
    pub stances: [usize; 5],
    /// Claims framed as doubtful ([`doubt_framed`]).
    pub doubt_framed: usize,
    /// Claims relayed through an intermediary.
    pub chained_claims: usize,
}

/// True when the writer frames the claim as doubtful: a distancing cue (claimed, alleged,
/// insisted) or a sourceless hedge (reportedly).
pub fn doubt_framed(c: &Claim) -> bool {
    c.stance == Stance::Distancing || c.kind == ClaimKind::Hedge
}

/// True when the claim rests on anonymous sources only: an anonymous speaker, relayed by no
/// named intermediary.
pub fn anonymous_only(analysis: &Analysis, c: &Claim) -> bool {
    let speaker = |id: Option<u32>| id.and_then(|id| analysis.speakers.get(id as usize));
    let named_via = c.via.as_ref().and_then(|v| speaker(v.speaker)).is_some_and(|v| anonymity(v) == Anonymity::Named);
    speaker(c.speaker).is_some_and(|s| anonymity(s) == Anonymity::Anonymous) && !named_via
}

/// The cue words of the doubt-framed claims, lower-cased, with their counts, most frequent
/// first (then alphabetical): "claimed ×3, alleged ×1, reportedly ×1".
pub fn doubt_cues(text: &str, analysis: &Analysis) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for c in analysis.claims.iter().filter(|c| doubt_framed(c)) {
        let cue = spans_text(text, &c.cue).to_ascii_lowercase();
        if cue.is_empty() {
            continue;
        }
        match out.iter_mut().find(|(w, _)| *w == cue) {
            Some((_, n)) => *n += 1,
            None => out.push((cue, 1)),
        }
    }
    super::sorted_by(out, &|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)))
}

impl Profile {
    /// The profile of `analysis`.
    pub fn of(analysis: &Analysis) -> Profile {
        let mut p = Profile { claims: analysis.claims.len(), ..Profile::default() };
        let mut has_claim = vec![false; analysis.speakers.len()];
        for c in &analysis.claims {
            match c.speaker.and_then(|id| analysis.speakers.get(id as usize)) {
                Some(s) => {
                    has_claim[s.id as usize] = true;
                    *p.by_anonymity(s, false) += 1;
                    if anonymous_only(analysis, c) {
                        p.anonymous_only.push(c.id);
                    }
                }
                None => p.unsourced_claims += 1,
            }
            p.groups[KIND_GROUPS.iter().position(|g| *g == KindGroup::of(c.kind)).unwrap_or(0)] += 1;
            if let Some(i) = KINDS.iter().position(|k| *k == c.kind) {
                p.kinds[i] += 1;
            }
            if let Some(i) = STANCES.iter().position(|s| *s == c.stance) {
                p.stances[i] += 1;
            }
            p.doubt_framed += doubt_framed(c) as usize;
            p.chained_claims += c.via.is_some() as usize;
        }
        for (s, has) in analysis.speakers.iter().zip(has_claim) {
            if has {
                p.voices += 1;
                *p.by_anonymity(s, true) += 1;
            }
        }
        p
    }

    fn by_anonymity(&mut self, s: &Speaker, voices: bool) -> &mut usize {
        match (anonymity(s), voices) {
            (Anonymity::Named, true) => &mut self.named_voices,
            (Anonymity::Anonymous, true) => &mut self.anonymous_voices,
            (Anonymity::Vague, true) => &mut self.vague_voices,
            (Anonymity::Named, false) => &mut self.named_claims,
            (Anonymity::Anonymous, false) => &mut self.anonymous_claims,
            (Anonymity::Vague, false) => &mut self.vague_claims,
        }
    }
}

/// What narrows the highlights, the speaker list and the claim list together.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Filter {
    /// Nothing: everything is shown.
    #[default]
    All,
    /// One speaker's claims, and those it relays.
    Speaker(u32),
    /// Claims whose speaker is named, anonymous or vague.
    Anonymity(Anonymity),
    /// Claims with no speaker.
    Unsourced,
    /// Claims given one way.
    Kind(KindGroup),
    /// Claims with one stance.
    Stance(Stance),
    /// Claims resting on anonymous sources only.
    AnonymousOnly,
    /// Claims framed as doubtful.
    DoubtFramed,
    /// Doubt-framed claims with this cue (lower-cased).
    Cue(String),
}

/// What a filter leaves: per claim and per speaker, shown or not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    /// Per claim id.
    pub claims: Vec<bool>,
    /// Per speaker id: it has a shown claim (or is the filtered speaker).
    pub speakers: Vec<bool>,
}

impl Shown {
    /// True when claim `id` is shown.
    pub fn claim(&self, id: u32) -> bool {
        self.claims.get(id as usize).copied().unwrap_or(false)
    }

    /// True when speaker `id` is shown.
    pub fn speaker(&self, id: u32) -> bool {
        self.speakers.get(id as usize).copied().unwrap_or(false)
    }
}

impl Filter {
    /// True when claim `c` passes.
    pub fn keeps(&self, text: &str, analysis: &Analysis, c: &Claim) -> bool {
        let speaker = c.speaker.and_then(|id| analysis.speakers.get(id as usize));
        match self {
            Filter::All => true,
            // Its own claims and those it relays.
            Filter::Speaker(s) => c.speaker == Some(*s) || c.via.as_ref().is_some_and(|v| v.speaker == Some(*s)),
            Filter::Anonymity(level) => speaker.is_some_and(|s| anonymity(s) == *level),
            Filter::Unsourced => speaker.is_none(),
            Filter::Kind(g) => KindGroup::of(c.kind) == *g,
            Filter::Stance(s) => c.stance == *s,
            Filter::AnonymousOnly => anonymous_only(analysis, c),
            Filter::DoubtFramed => doubt_framed(c),
            Filter::Cue(w) => doubt_framed(c) && spans_text(text, &c.cue).to_ascii_lowercase() == *w,
        }
    }

    /// What it leaves of `analysis`; `None` for [`Filter::All`].
    pub fn apply(&self, text: &str, analysis: &Analysis) -> Option<Shown> {
        if *self == Filter::All {
            return None;
        }
        let mut shown = Shown { claims: Vec::new(), speakers: vec![false; analysis.speakers.len()] };
        for c in &analysis.claims {
            let keep = self.keeps(text, analysis, c);
            shown.claims.push(keep);
            if let Some(s) = c.speaker.filter(|_| keep).and_then(|s| shown.speakers.get_mut(s as usize)) {
                *s = true;
            }
        }
        if let Filter::Speaker(s) = self {
            if let Some(s) = shown.speakers.get_mut(*s as usize) {
                *s = true;
            }
        }
        Some(shown)
    }

    /// How the chip names it: "filtered by …".
    pub fn label(&self, analysis: &Analysis) -> String {
        match self {
            Filter::All => String::new(),
            Filter::Speaker(s) => analysis.speakers.get(*s as usize).map(|s| s.name.clone()).unwrap_or_default(),
            Filter::Anonymity(a) => format!("{} speakers", a.as_str()),
            Filter::Unsourced => "claims with no source".into(),
            Filter::Kind(g) => format!("{} claims", g.label()),
            Filter::Stance(s) => format!("{} stance", s.as_str()),
            Filter::AnonymousOnly => "claims on anonymous sources only".into(),
            Filter::DoubtFramed => "doubt-framed claims".into(),
            Filter::Cue(w) => format!("the cue “{w}”"),
        }
    }
}

/// A speaker's anonymity; `anonymous: true` counts as anonymous even where `anonymity` was not
/// filled in (older analyses).
pub fn anonymity(s: &Speaker) -> Anonymity {
    match s.anonymity {
        Anonymity::Named if s.anonymous => Anonymity::Anonymous,
        a => a,
    }
}

/// `part` as a whole percentage of `whole` ("0%" when `whole` is 0).
pub fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "0%".to_string()
    } else {
        format!("{}%", (part as f64 * 100.0 / whole as f64).round() as u64)
    }
}

/// A human label for a claim kind.
pub fn kind_label(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Direct => "direct",
        ClaimKind::Indirect => "indirect",
        ClaimKind::Mixed => "mixed",
        ClaimKind::AccordingTo => "according to …",
        ClaimKind::Belief => "belief",
        ClaimKind::Hedge => "hedge",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Claim, Span, SpeakerKind, Via};

    fn speaker(id: u32, anonymous: bool) -> Speaker {
        Speaker {
            id,
            name: format!("S{id}"),
            kind: SpeakerKind::Person,
            anonymous,
            // Left at its default: `anonymous` alone must count.
            anonymity: Default::default(),
            evidence: String::new(),
            confidence: 1.0,
            titles: vec![],
            mentions: vec![Span::new(0, 1)],
        }
    }

    fn claim(id: u32, kind: ClaimKind, speaker: Option<u32>, stance: Stance) -> Claim {
        Claim { id, kind, content: vec![], cue: vec![], source: vec![], speaker, stance, via: None, confidence: 1.0 }
    }

    #[test]
    fn profile_counts() {
        let a = Analysis {
            speakers: vec![speaker(0, false), speaker(1, true), speaker(2, false)],
            claims: vec![
                claim(0, ClaimKind::Direct, Some(0), Stance::Neutral),
                claim(1, ClaimKind::Indirect, Some(1), Stance::Distancing),
                claim(2, ClaimKind::AccordingTo, Some(0), Stance::Neutral),
                claim(3, ClaimKind::Hedge, None, Stance::Neutral),
            ],
            ..Analysis::default()
        };
        let p = Profile::of(&a);
        assert_eq!((p.voices, p.named_voices, p.anonymous_voices), (2, 1, 1));
        assert_eq!((p.named_claims, p.anonymous_claims, p.unsourced_claims), (2, 1, 1));
        assert_eq!(p.groups, [1, 2, 0, 1], "direct, reported, mixed, hedge: they add up to the claims");
        assert_eq!(p.groups.iter().sum::<usize>(), p.claims);
        assert_eq!(p.named_claims + p.anonymous_claims + p.vague_claims + p.unsourced_claims, p.claims);
        assert_eq!(p.stances.iter().sum::<usize>(), p.claims);
        assert_eq!(p.doubt_framed, 2, "the distancing claim and the hedge");
        assert_eq!(p.stances, [3, 1, 0, 0, 0]);
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(1, 0), "0%");
        assert_eq!(p.anonymous_only, [1]);
    }

    #[test]
    fn named_anonymous_vague_and_anonymous_only() {
        let mut vague = speaker(2, false);
        vague.anonymity = Anonymity::Vague;
        let mut relayed = claim(1, ClaimKind::Indirect, Some(1), Stance::Neutral);
        relayed.via = Some(Via { speaker: Some(0), source: vec![], cue: vec![] });
        let mut relayed_by_anonymous = claim(3, ClaimKind::Indirect, Some(1), Stance::Neutral);
        relayed_by_anonymous.via = Some(Via { speaker: Some(1), source: vec![], cue: vec![] });
        let a = Analysis {
            speakers: vec![speaker(0, false), speaker(1, true), vague],
            claims: vec![
                claim(0, ClaimKind::Direct, Some(1), Stance::Neutral),
                relayed,
                claim(2, ClaimKind::Indirect, Some(2), Stance::Neutral),
                relayed_by_anonymous,
                claim(4, ClaimKind::Direct, Some(0), Stance::Neutral),
            ],
            ..Analysis::default()
        };
        let p = Profile::of(&a);
        assert_eq!((p.voices, p.named_voices, p.anonymous_voices, p.vague_voices), (3, 1, 1, 1));
        assert_eq!((p.named_claims, p.anonymous_claims, p.vague_claims), (1, 3, 1));
        // The claim relayed by a named outlet does not rest on anonymous sources only.
        assert_eq!(p.anonymous_only, [0, 3]);
    }

    #[test]
    fn filters_narrow_claims_and_speakers_and_doubt_cues_are_counted() {
        let text = "A Claimed x. B claimed y. C alleged z. Reportedly w. D said v.";
        let cue = |w: &str| {
            let i = text.find(w).unwrap();
            vec![Span::new(i, i + w.len())]
        };
        let with_cue = |mut c: Claim, w: &str| {
            c.cue = cue(w);
            c
        };
        let mut vague = speaker(3, false);
        vague.anonymity = Anonymity::Vague;
        let a = Analysis {
            speakers: vec![speaker(0, false), speaker(1, true), speaker(2, false), vague],
            claims: vec![
                with_cue(claim(0, ClaimKind::Indirect, Some(0), Stance::Distancing), "Claimed"),
                with_cue(claim(1, ClaimKind::Indirect, Some(1), Stance::Distancing), "claimed"),
                with_cue(claim(2, ClaimKind::Direct, Some(1), Stance::Distancing), "alleged"),
                with_cue(claim(3, ClaimKind::Hedge, None, Stance::Neutral), "Reportedly"),
                with_cue(claim(4, ClaimKind::Mixed, Some(3), Stance::Neutral), "said"),
            ],
            ..Analysis::default()
        };
        assert_eq!(doubt_cues(text, &a), [("claimed".to_string(), 2), ("alleged".into(), 1), ("reportedly".into(), 1)]);
        let shown = |f: Filter| {
            let s = f.apply(text, &a).unwrap();
            let ids = |v: &[bool]| v.iter().enumerate().filter(|(_, k)| **k).map(|(i, _)| i).collect::<Vec<_>>();
            (ids(&s.claims), ids(&s.speakers))
        };
        assert_eq!(Filter::All.apply(text, &a), None);
        assert_eq!(shown(Filter::Anonymity(Anonymity::Anonymous)), (vec![1, 2], vec![1]));
        assert_eq!(shown(Filter::Anonymity(Anonymity::Vague)), (vec![4], vec![3]));
        assert_eq!(shown(Filter::Unsourced), (vec![3], vec![]));
        assert_eq!(shown(Filter::AnonymousOnly), (vec![1, 2], vec![1]));
        assert_eq!(shown(Filter::DoubtFramed), (vec![0, 1, 2, 3], vec![0, 1]));
        assert_eq!(shown(Filter::Cue("claimed".into())), (vec![0, 1], vec![0, 1]));
        assert_eq!(shown(Filter::Stance(Stance::Neutral)), (vec![3, 4], vec![3]));
        assert_eq!(shown(Filter::Kind(KindGroup::Reported)), (vec![0, 1], vec![0, 1]));
        // A speaker with no claim is still shown when it is the filter.
        assert_eq!(shown(Filter::Speaker(2)), (vec![], vec![2]));
        assert_eq!(Filter::Cue("claimed".into()).label(&a), "the cue “claimed”");
    }
}
