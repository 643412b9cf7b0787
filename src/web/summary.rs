//! The sourcing profile of an analysis: who gets a voice, named or not, quoted or paraphrased,
//! and how the writer frames them. Pure numbers; the summary component renders them.

use crate::engine::{Analysis, Anonymity, ClaimKind, Speaker, Stance};

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
    /// Claims quoted word for word (direct, and the quoted part of mixed).
    pub direct_claims: usize,
    /// Claims paraphrased (indirect, according to, beliefs).
    pub indirect_claims: usize,
    /// Mixed claims (counted in neither share).
    pub mixed_claims: usize,
    /// Claims per kind, in [`KINDS`] order.
    pub kinds: [usize; 6],
    /// Claims per stance, in [`STANCES`] order.
    pub stances: [usize; 5],
    /// Claims relayed through an intermediary.
    pub chained_claims: usize,
}

impl Profile {
    /// The profile of `analysis`.
    pub fn of(analysis: &Analysis) -> Profile {
        let mut p = Profile { claims: analysis.claims.len(), ..Profile::default() };
        let mut has_claim = vec![false; analysis.speakers.len()];
        for c in &analysis.claims {
            let speaker = |id: Option<u32>| id.and_then(|id| analysis.speakers.get(id as usize));
            match speaker(c.speaker) {
                Some(s) => {
                    has_claim[s.id as usize] = true;
                    *p.by_anonymity(s, false) += 1;
                    let named_via = c
                        .via
                        .as_ref()
                        .and_then(|v| speaker(v.speaker))
                        .is_some_and(|v| anonymity(v) == Anonymity::Named);
                    if anonymity(s) == Anonymity::Anonymous && !named_via {
                        p.anonymous_only.push(c.id);
                    }
                }
                None => p.unsourced_claims += 1,
            }
            match c.kind {
                ClaimKind::Direct => p.direct_claims += 1,
                ClaimKind::Mixed => p.mixed_claims += 1,
                ClaimKind::Indirect | ClaimKind::AccordingTo | ClaimKind::Belief => p.indirect_claims += 1,
                ClaimKind::Hedge => {}
            }
            if let Some(i) = KINDS.iter().position(|k| *k == c.kind) {
                p.kinds[i] += 1;
            }
            if let Some(i) = STANCES.iter().position(|s| *s == c.stance) {
                p.stances[i] += 1;
            }
            if c.via.is_some() {
                p.chained_claims += 1;
            }
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
        assert_eq!((p.direct_claims, p.indirect_claims), (1, 2));
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
}
