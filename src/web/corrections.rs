//! The user's corrections to an analysis: merge two speakers, rename one, give a claim to
//! another speaker, strike out something that is not a claim. Pure data, no DOM.
//!
//! A correction names speakers and claims by their **engine ids** (the ids of the analysis the
//! engine returned for the text), never by the ids shown after earlier corrections, so each
//! one means the same thing however many come before it. [`correct`] replays a list on the
//! engine's analysis and renumbers the result so ids are again indices: that corrected
//! analysis is what the app shows, summarises and exports. Undo is replaying one fewer.
//!
//! Corrections are kept per text ([`Entry`], keyed by [`hash`] of the text) together with a
//! [`fingerprint`] of the analysis they were made on: if the engine later analyses the same text
//! differently (ids would point elsewhere), they are set aside rather than misapplied.

use serde::Serialize;

use crate::engine::{Analysis, Span};

/// One correction, in engine ids. Serialised (in the app's JSON export) as an object with an
/// `"op"`: `{"op":"merge","from":4,"into":1}`, `{"op":"rename","speaker":1,"name":"…"}`,
/// `{"op":"reassign","claim":7,"speaker":1}`, `{"op":"not_a_claim","claim":9}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// `from` is the same entity as `into`: its mentions, titles and claims go to `into`, which
    /// keeps its name, kind and anonymity.
    Merge {
        /// The speaker that disappears.
        from: u32,
        /// The speaker that stays.
        into: u32,
    },
    /// A better display name (for the speaker and anything merged with it).
    Rename {
        /// The speaker.
        speaker: u32,
        /// Its new name.
        name: String,
    },
    /// The claim is said by another speaker.
    Reassign {
        /// The claim.
        claim: u32,
        /// Its speaker.
        speaker: u32,
    },
    /// The engine took something for a claim that is none: it is dropped.
    NotAClaim {
        /// The claim.
        claim: u32,
    },
}

/// A corrected analysis, and where its speakers and claims came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Corrected {
    /// The analysis with the corrections applied (ids are indices again).
    pub analysis: Analysis,
    /// The engine id of each speaker of [`Corrected::analysis`] (the one others were merged into).
    pub speakers: Vec<u32>,
    /// The engine id of each claim of [`Corrected::analysis`].
    pub claims: Vec<u32>,
}

/// `raw` with `list` applied, in order. Corrections naming ids that do not exist are ignored.
pub fn apply(raw: &Analysis, list: &[Correction]) -> Analysis {
    correct(raw, list).analysis
}

fn root(parent: &[u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        i = parent[i as usize];
    }
    i
}

/// [`apply`], with the engine id of every speaker and claim of the result.
pub fn correct(raw: &Analysis, list: &[Correction]) -> Corrected {
    let (n, m) = (raw.speakers.len(), raw.claims.len());
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut names: Vec<Option<&str>> = vec![None; n];
    let mut speaker_of: Vec<Option<u32>> = vec![None; m];
    let mut dropped = vec![false; m];
    let ok = |id: u32| (id as usize) < n;
    for c in list {
        match *c {
            Correction::Merge { from, into } if ok(from) && ok(into) => {
                let from = root(&parent, from);
                parent[from as usize] = root(&parent, into);
            }
            Correction::Rename { speaker, ref name } if ok(speaker) && !name.trim().is_empty() => {
                names[root(&parent, speaker) as usize] = Some(name.trim());
            }
            Correction::Reassign { claim, speaker } if ok(speaker) && (claim as usize) < m => {
                speaker_of[claim as usize] = Some(speaker);
            }
            Correction::NotAClaim { claim } if (claim as usize) < m => dropped[claim as usize] = true,
            _ => {}
        }
    }
    // Each group keeps the place of its root (the speaker everything was merged into).
    let roots: Vec<u32> = (0..n as u32).map(|i| root(&parent, i)).collect();
    let mut new_id = vec![0u32; n];
    let mut out = Corrected::default();
    for r in 0..n as u32 {
        if roots[r as usize] == r {
            new_id[r as usize] = out.speakers.len() as u32;
            let mut s = raw.speakers[r as usize].clone();
            s.id = out.speakers.len() as u32;
            if let Some(name) = names[r as usize] {
                s.name = name.to_string();
            }
            out.speakers.push(r);
            out.analysis.speakers.push(s);
        }
    }
    for (i, other) in raw.speakers.iter().enumerate() {
        let r = roots[i] as usize;
        if r != i {
            let s = &mut out.analysis.speakers[new_id[r] as usize];
            s.mentions = merge_sorted(&s.mentions, &other.mentions);
            for t in &other.titles {
                if !s.titles.contains(t) {
                    s.titles.push(t.clone());
                }
            }
            s.confidence = s.confidence.max(other.confidence);
        }
    }
    let map = |s: u32| roots.get(s as usize).map(|&r| new_id[r as usize]);
    for (i, c) in raw.claims.iter().enumerate() {
        if dropped[i] {
            continue;
        }
        let mut c = c.clone();
        c.id = out.claims.len() as u32;
        c.speaker = speaker_of[i].or(c.speaker).and_then(map);
        if let Some(v) = &mut c.via {
            v.speaker = v.speaker.and_then(map);
        }
        // A speaker does not relay itself.
        if c.via.as_ref().is_some_and(|v| v.speaker.is_some() && v.speaker == c.speaker) {
            c.via = None;
        }
        out.claims.push(i as u32);
        out.analysis.claims.push(c);
    }
    out.analysis.boilerplate = raw.boilerplate.clone();
    out.analysis.diagnostics = raw.diagnostics.clone();
    out.analysis.stats = raw.stats;
    out
}

/// Two lists of spans in document order as one, without duplicates.
fn merge_sorted(a: &[Span], b: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y < x => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        let Some(&next) = next else { return out };
        if out.last() != Some(&next) {
            out.push(next);
        }
    }
}

/// 32-bit FNV-1a over `bytes`, continuing from `h` (stable across builds, unlike std's hasher;
/// 32 bits are plenty to tell apart the few texts kept, each also checked by its fingerprint).
fn fnv(h: u32, bytes: &[u8]) -> u32 {
    bytes.iter().fold(h, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

const FNV_START: u32 = 0x811c_9dc5;

/// The key corrections are kept under: a hash of the exact text.
pub fn hash(text: &str) -> u32 {
    fnv(FNV_START, text.as_bytes())
}

/// What engine ids depend on: every speaker's name and first mention, every claim's first
/// content span and speaker. Corrections made on an analysis with another fingerprint would
/// point at the wrong things.
pub fn fingerprint(raw: &Analysis) -> u32 {
    let mut h = FNV_START;
    let num = |h: u32, n: u32| fnv(h, &n.to_le_bytes());
    for s in &raw.speakers {
        h = fnv(h, s.name.as_bytes());
        h = num(h, s.mentions.first().map_or(u32::MAX, |m| m.start as u32));
    }
    for c in &raw.claims {
        h = num(h, c.content.first().map_or(u32::MAX, |m| m.start as u32));
        h = num(h, c.speaker.unwrap_or(u32::MAX));
    }
    h
}

/// The app's JSON export (a [`crate::engine::export::json_record`]) with the corrections that
/// made it listed last, under `"corrections"`; unchanged when there are none.
pub fn in_record(mut record: String, list: &[Correction]) -> String {
    if !list.is_empty() && record.ends_with('}') {
        record.pop();
        record.push_str(",\"corrections\":");
        record.push_str(&serde_json::to_string(list).unwrap_or_default());
        record.push('}');
    }
    record
}

/// How many texts keep their corrections (the least recently corrected are forgotten first).
pub const MAX_TEXTS: usize = 20;

/// The corrections of one text, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// [`hash`] of the text.
    pub text: u32,
    /// [`fingerprint`] of the analysis they were made on.
    pub analysis: u32,
    /// The corrections, oldest first.
    pub list: Vec<Correction>,
}

impl Correction {
    /// The stored form: one line, `m FROM INTO`, `r SPEAKER NAME`, `a CLAIM SPEAKER`, `x CLAIM`.
    pub fn to_line(&self) -> String {
        match self {
            Correction::Merge { from, into } => format!("m {from} {into}"),
            Correction::Rename { speaker, name } => format!("r {speaker} {name}"),
            Correction::Reassign { claim, speaker } => format!("a {claim} {speaker}"),
            Correction::NotAClaim { claim } => format!("x {claim}"),
        }
    }

    /// Reads [`Correction::to_line`]'s form back.
    pub fn from_line(line: &str) -> Option<Correction> {
        let mut parts = line.splitn(3, ' ');
        let (op, a) = (parts.next()?, parts.next()?.parse().ok()?);
        let rest = parts.next().unwrap_or("");
        Some(match op {
            "m" => Correction::Merge { from: a, into: rest.parse().ok()? },
            "r" => Correction::Rename { speaker: a, name: rest.to_string() },
            "a" => Correction::Reassign { claim: a, speaker: rest.parse().ok()? },
            "x" => Correction::NotAClaim { claim: a },
            _ => return None,
        })
    }
}

/// The stored form of all kept corrections: per text, a line `TEXT_HASH ANALYSIS_FINGERPRINT`
/// then one line per correction; texts separated by a blank line. (A text field cannot hold a
/// line break, so a name never splits a line.)
pub fn write_entries(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        out.push_str(&format!("{} {}\n", e.text, e.analysis));
        for c in &e.list {
            out.push_str(&c.to_line().replace('\n', " "));
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Reads [`write_entries`]'s form; what cannot be read is skipped.
pub fn read_entries(stored: &str) -> Vec<Entry> {
    stored
        .split("\n\n")
        .filter_map(|block| {
            let mut lines = block.lines();
            let (text, analysis) = lines.next()?.split_once(' ')?;
            let list = lines.filter_map(Correction::from_line).collect();
            Some(Entry { text: text.parse().ok()?, analysis: analysis.parse().ok()?, list })
        })
        .collect()
}

/// The corrections kept for `text` made on an analysis with fingerprint `analysis`: `Ok` with
/// them (empty if none), `Err(n)` when `n` corrections exist for the text but were made on a
/// different analysis of it (they are not applied).
pub fn lookup(entries: &[Entry], text: u32, analysis: u32) -> Result<Vec<Correction>, usize> {
    match entries.iter().find(|e| e.text == text) {
        Some(e) if e.analysis == analysis => Ok(e.list.clone()),
        Some(e) => Err(e.list.len()),
        None => Ok(Vec::new()),
    }
}

/// Replaces the corrections kept for a text (an empty list forgets the text), keeping at most
/// [`MAX_TEXTS`] texts.
pub fn store(entries: &mut Vec<Entry>, entry: Entry) {
    entries.retain(|e| e.text != entry.text);
    if !entry.list.is_empty() {
        entries.push(entry);
    }
    let extra = entries.len().saturating_sub(MAX_TEXTS);
    entries.drain(..extra);
}

#[cfg(test)]
mod tests {
    use super::Correction::*;
    use super::*;
    use crate::engine::{Anonymity, Claim, ClaimKind, Span, Speaker, SpeakerKind, Stance, Via};

    fn speaker(id: u32, name: &str, at: usize) -> Speaker {
        Speaker {
            id,
            name: name.into(),
            kind: SpeakerKind::Person,
            anonymous: false,
            anonymity: Anonymity::Named,
            evidence: String::new(),
            confidence: 1.0,
            titles: vec![format!("title {id}")],
            mentions: vec![Span::new(at, at + 2)],
        }
    }

    fn claim(id: u32, speaker: Option<u32>, via: Option<u32>) -> Claim {
        Claim {
            id,
            kind: ClaimKind::Indirect,
            content: vec![Span::new(100 + id as usize * 10, 105 + id as usize * 10)],
            cue: vec![],
            source: vec![],
            speaker,
            stance: Stance::Neutral,
            via: via.map(|s| Via { speaker: Some(s), source: vec![], cue: vec![] }),
            confidence: 1.0,
        }
    }

    /// Speakers A(0) B(1) C(2); claims 0 by A, 1 by B via C, 2 by C, 3 by nobody.
    fn sample() -> Analysis {
        Analysis {
            speakers: vec![speaker(0, "A", 0), speaker(1, "B", 10), speaker(2, "C", 20)],
            claims: vec![
                claim(0, Some(0), None),
                claim(1, Some(1), Some(2)),
                claim(2, Some(2), None),
                claim(3, None, None),
            ],
            ..Analysis::default()
        }
    }

    fn names(a: &Analysis) -> Vec<&str> {
        a.speakers.iter().map(|s| s.name.as_str()).collect()
    }

    fn speakers_of_claims(a: &Analysis) -> Vec<Option<u32>> {
        a.claims.iter().map(|c| c.speaker).collect()
    }

    fn assert_ids_are_indices(a: &Analysis) {
        assert!(a.speakers.iter().enumerate().all(|(i, s)| s.id as usize == i));
        assert!(a.claims.iter().enumerate().all(|(i, c)| c.id as usize == i));
        let n = a.speakers.len() as u32;
        assert!(a.claims.iter().all(|c| c.speaker.is_none_or(|s| s < n)));
    }

    #[test]
    fn no_corrections_is_the_engine_output() {
        assert_eq!(apply(&sample(), &[]), sample());
        let c = correct(&sample(), &[]);
        assert_eq!((c.speakers, c.claims), (vec![0, 1, 2], vec![0, 1, 2, 3]));
    }

    #[test]
    fn merge_moves_mentions_titles_and_claims_and_renumbers() {
        let c = correct(&sample(), &[Merge { from: 0, into: 2 }]);
        let a = &c.analysis;
        assert_ids_are_indices(a);
        assert_eq!(names(a), ["B", "C"]);
        assert_eq!(c.speakers, [1, 2]);
        let merged = &a.speakers[1];
        assert_eq!(merged.mentions, [Span::new(0, 2), Span::new(20, 22)]);
        assert_eq!(merged.titles, ["title 2", "title 0"]);
        // A's claim is C's now; B's claim relayed by C points at C's new id.
        assert_eq!(speakers_of_claims(a), [Some(1), Some(0), Some(1), None]);
        assert_eq!(a.claims[1].via.as_ref().unwrap().speaker, Some(1));
        // Merging the relay into the speaker drops the chain (nobody relays themselves).
        let a = apply(&sample(), &[Merge { from: 2, into: 1 }]);
        assert!(a.claims[1].via.is_none());
        // Merge chains and merges into oneself.
        let a = apply(&sample(), &[Merge { from: 0, into: 1 }, Merge { from: 1, into: 2 }, Merge { from: 2, into: 0 }]);
        assert_eq!(names(&a), ["C"]);
        assert_eq!(a.speakers[0].mentions.len(), 3);
    }

    #[test]
    fn rename_follows_merges() {
        let a = apply(&sample(), &[Rename { speaker: 1, name: "  Bea Bell ".into() }]);
        assert_eq!(names(&a), ["A", "Bea Bell", "C"]);
        // The target of a merge keeps its name; a rename of a merged speaker names the group.
        let a = apply(&sample(), &[Rename { speaker: 0, name: "Lost".into() }, Merge { from: 0, into: 1 }]);
        assert_eq!(names(&a), ["B", "C"]);
        let a = apply(&sample(), &[Merge { from: 0, into: 1 }, Rename { speaker: 0, name: "Both".into() }]);
        assert_eq!(names(&a), ["Both", "C"]);
        // A blank name changes nothing.
        assert_eq!(apply(&sample(), &[Rename { speaker: 1, name: " ".into() }]), sample());
    }

    #[test]
    fn reassign_and_not_a_claim() {
        let a = apply(&sample(), &[Reassign { claim: 3, speaker: 0 }, Reassign { claim: 0, speaker: 1 }]);
        assert_eq!(speakers_of_claims(&a), [Some(1), Some(1), Some(2), Some(0)]);
        // Reassigning to a speaker later merged away lands on the merged speaker.
        let a = apply(&sample(), &[Reassign { claim: 3, speaker: 2 }, Merge { from: 2, into: 0 }]);
        assert_eq!(speakers_of_claims(&a), [Some(0), Some(1), Some(0), Some(0)]);
        let c = correct(&sample(), &[NotAClaim { claim: 1 }]);
        assert_ids_are_indices(&c.analysis);
        assert_eq!(c.claims, [0, 2, 3]);
        assert_eq!(speakers_of_claims(&c.analysis), [Some(0), Some(2), None]);
        // The speaker stays, with no claim.
        assert_eq!(c.analysis.speakers.len(), 3);
    }

    #[test]
    fn undo_is_replaying_fewer_and_order_matters() {
        let list = [Reassign { claim: 0, speaker: 2 }, Reassign { claim: 0, speaker: 1 }, NotAClaim { claim: 2 }];
        let done = apply(&sample(), &list);
        assert_eq!(speakers_of_claims(&done), [Some(1), Some(1), None]);
        // Undo the last: claim 2 is back; undo again: claim 0 goes to C as first corrected.
        assert_eq!(speakers_of_claims(&apply(&sample(), &list[..2])), [Some(1), Some(1), Some(2), None]);
        assert_eq!(speakers_of_claims(&apply(&sample(), &list[..1])), [Some(2), Some(1), Some(2), None]);
        assert_eq!(apply(&sample(), &list[..0]), sample());
    }

    #[test]
    fn stale_corrections_are_ignored() {
        // Ids that do not exist (the list was made on another analysis) change nothing.
        let stale = [
            Merge { from: 7, into: 0 },
            Merge { from: 0, into: 9 },
            Rename { speaker: 3, name: "X".into() },
            Reassign { claim: 4, speaker: 0 },
            Reassign { claim: 0, speaker: 3 },
            NotAClaim { claim: 4 },
        ];
        assert_eq!(apply(&sample(), &stale), sample());
        // Kept corrections are only used on the same text and the same analysis of it.
        let raw = sample();
        let list = vec![NotAClaim { claim: 0 }];
        let mut entries = Vec::new();
        store(&mut entries, Entry { text: hash("text"), analysis: fingerprint(&raw), list: list.clone() });
        assert_eq!(lookup(&entries, hash("text"), fingerprint(&raw)), Ok(list));
        assert_eq!(lookup(&entries, hash("text."), fingerprint(&raw)), Ok(vec![]));
        let mut other = sample();
        other.claims[0].content[0] = Span::new(1, 2);
        assert_ne!(fingerprint(&other), fingerprint(&raw));
        assert_eq!(lookup(&entries, hash("text"), fingerprint(&other)), Err(1));
    }

    #[test]
    fn stored_form_round_trips_and_skips_what_it_cannot_read() {
        let entries = vec![
            Entry {
                text: u32::MAX,
                analysis: 7,
                list: vec![
                    Merge { from: 1, into: 0 },
                    Rename { speaker: 2, name: "Anna  Berg, “the minister”".into() },
                    Reassign { claim: 3, speaker: 1 },
                    NotAClaim { claim: 4 },
                ],
            },
            Entry { text: 1, analysis: 2, list: vec![NotAClaim { claim: 0 }] },
        ];
        let stored = write_entries(&entries);
        assert_eq!(read_entries(&stored), entries);
        assert_eq!(read_entries(""), []);
        let damaged = "12 34\nm 1\nq 1 2\nx 5\n\nnot a header\nx 1\n\n5 6\na 1 2\n";
        assert_eq!(
            read_entries(damaged),
            [
                Entry { text: 12, analysis: 34, list: vec![NotAClaim { claim: 5 }] },
                Entry { text: 5, analysis: 6, list: vec![Reassign { claim: 1, speaker: 2 }] }
            ]
        );
    }

    #[test]
    fn storage_keeps_the_latest_texts() {
        let mut entries = Vec::new();
        for t in 0..MAX_TEXTS as u32 + 5 {
            store(&mut entries, Entry { text: t, analysis: 0, list: vec![NotAClaim { claim: 0 }] });
        }
        assert_eq!(entries.len(), MAX_TEXTS);
        assert_eq!(entries[0].text, 5);
        // Correcting a text again moves it last; an empty list forgets it.
        store(&mut entries, Entry { text: 5, analysis: 0, list: vec![NotAClaim { claim: 1 }] });
        assert_eq!(entries.last().unwrap().text, 5);
        store(&mut entries, Entry { text: 5, analysis: 0, list: vec![] });
        assert!(entries.iter().all(|e| e.text != 5));
        // The exported form.
        let list = [Merge { from: 1, into: 0 }, NotAClaim { claim: 2 }];
        let json = serde_json::to_string(&list).unwrap();
        assert_eq!(json, r#"[{"op":"merge","from":1,"into":0},{"op":"not_a_claim","claim":2}]"#);
        assert_eq!(in_record("{\"a\":1}".into(), &list), format!("{{\"a\":1,\"corrections\":{json}}}"));
        assert_eq!(in_record("{\"a\":1}".into(), &[]), "{\"a\":1}");
    }
}
