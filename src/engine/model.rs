//! The engine's output: plain data, serialisable, the same for the CLI, the app and its export.
//!
//! The JSON form of [`Analysis`] is documented in `docs/format.md`.

use serde::{Deserialize, Serialize};

use super::span::Span;

/// Everything the engine found in one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Entities that claims are attributed to, sorted by first mention.
    pub speakers: Vec<Speaker>,
    /// Claims in document order (by the start of their first content span).
    pub claims: Vec<Claim>,
    /// Scraped-page debris (comment forms, "LATEST POSTS", repeated headlines): marked, never analysed.
    pub boilerplate: Vec<Span>,
    /// Problems with the input and things the engine was unsure of.
    pub diagnostics: Vec<Diagnostic>,
    /// Sizes of the input.
    pub stats: Stats,
}

/// Sizes of the analysed text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Bytes of input.
    pub bytes: usize,
    /// Words (runs of letters or digits).
    pub words: usize,
    /// Sentences found.
    pub sentences: usize,
    /// Paragraphs found.
    pub paragraphs: usize,
}

/// One entity that speaks, with every mention of it clustered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Index of this speaker in [`Analysis::speakers`].
    pub id: u32,
    /// Display name: the most informative mention ("Vedant Patel", "NBC News", "a high-ranking US official").
    pub name: String,
    /// What kind of entity it is.
    pub kind: SpeakerKind,
    /// True for unnamed sources ("two NBC News sources", "an administration official"): the same
    /// as `anonymity == Anonymity::Anonymous`, kept for readers of the older format.
    pub anonymous: bool,
    /// Whether the article names the speaker, withholds its identity, or leaves it vague.
    #[serde(default)]
    pub anonymity: Anonymity,
    /// The words that made it anonymous or vague ("on condition of anonymity", "familiar with",
    /// "a role with no name", "a group with no name"); empty when named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// How sure the engine is of this card (1 for a named or described speaker; lower when every
    /// mention is a pronoun, whose antecedent may be wrong).
    #[serde(default = "one")]
    pub confidence: f32,
    /// Titles and roles found with its mentions ("State Department principal deputy spokesperson").
    pub titles: Vec<String>,
    /// Every mention, in document order.
    pub mentions: Vec<Span>,
}

fn one() -> f32 {
    1.0
}

/// Whether an article names a speaker.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Anonymity {
    /// Identified by name, by a unique role ("the president"), or a named institution, outlet or
    /// document.
    #[default]
    Named,
    /// A specific source whose identity the article withholds: "a senior official", "two people
    /// familiar with the talks", "an aide who spoke on condition of anonymity".
    Anonymous,
    /// An unspecified collective or hedge, not a withheld identity: "critics", "many
    /// Republicans", "experts", "polls".
    Vague,
}

impl Anonymity {
    /// The snake_case name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Anonymity::Named => "named",
            Anonymity::Anonymous => "anonymous",
            Anonymity::Vague => "vague",
        }
    }
}

/// The kind of a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named or described person.
    Person,
    /// A company, party, NGO, …
    Organisation,
    /// A newspaper, broadcaster, agency or a report/publication of one.
    MediaOutlet,
    /// A state, ministry, department, agency, council, army, …
    GovernmentBody,
    /// Several people described together ("officials", "Ukraine's supporters").
    Group,
    /// A poll, report, study, tweet, statement, filing, data.
    Document,
    /// Not enough evidence.
    Unknown,
}

impl SpeakerKind {
    /// The snake_case name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::MediaOutlet => "media_outlet",
            SpeakerKind::GovernmentBody => "government_body",
            SpeakerKind::Group => "group",
            SpeakerKind::Document => "document",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// One thing a speaker is reported to say, think or intend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index of this claim in [`Analysis::claims`].
    pub id: u32,
    /// How the claim is reported.
    pub kind: ClaimKind,
    /// What is claimed; several spans when interrupted ("“…,” he said, “…”").
    pub content: Vec<Span>,
    /// The attributing words ("said", "went on to claim", "According to", ":"); several when discontinuous.
    pub cue: Vec<Span>,
    /// The mention that sources this claim in this sentence ("Patel", "He", "Two NBC News sources"); empty when none.
    pub source: Vec<Span>,
    /// The speaker the source mention belongs to.
    pub speaker: Option<u32>,
    /// The writer's stance carried by the cue.
    pub stance: Stance,
    /// The intermediary when the claim reaches the article through one ("NBC … citing a US official").
    pub via: Option<Via>,
    /// How sure the engine is, 0–1.
    pub confidence: f32,
}

/// The intermediary of a chain: who relays the claim of [`Claim::speaker`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Via {
    /// The relaying speaker (the outlet).
    pub speaker: Option<u32>,
    /// Its mention in this sentence.
    pub source: Vec<Span>,
    /// Its own cue ("reported", "quoted … as saying").
    pub cue: Vec<Span>,
}

/// How a claim is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Entirely inside quote marks.
    Direct,
    /// Reported speech, no quote marks.
    Indirect,
    /// Reported speech with a quoted fragment.
    Mixed,
    /// "according to X, …" / "…, according to X".
    AccordingTo,
    /// A belief, fear or intention attributed to someone ("Putin believes he can wait").
    Belief,
    /// A hedge with no source ("reportedly").
    Hedge,
}

impl ClaimKind {
    /// The snake_case name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
            ClaimKind::AccordingTo => "according_to",
            ClaimKind::Belief => "belief",
            ClaimKind::Hedge => "hedge",
        }
    }
}

/// The stance of a cue towards the claim it introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// said, told, added, according to.
    Neutral,
    /// claimed, alleged, insisted, professed: the writer keeps a distance.
    Distancing,
    /// confirmed, acknowledged, revealed, noted: the writer vouches for it.
    Endorsing,
    /// conceded, admitted.
    Conceding,
    /// denied, dismissed, rebutted: the speaker rejects the content.
    Rejecting,
}

impl Stance {
    /// The snake_case name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Neutral => "neutral",
            Stance::Distancing => "distancing",
            Stance::Endorsing => "endorsing",
            Stance::Conceding => "conceding",
            Stance::Rejecting => "rejecting",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<Stance> {
        Some(match s {
            "neutral" => Stance::Neutral,
            "distancing" => Stance::Distancing,
            "endorsing" => Stance::Endorsing,
            "conceding" => Stance::Conceding,
            "rejecting" => Stance::Rejecting,
            _ => return None,
        })
    }
}

/// Something about the input the user should know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious.
    pub level: Level,
    /// Stable machine-readable code (`empty_input`, `unbalanced_quote`, `looks_like_html`, …).
    pub code: String,
    /// Human-readable message.
    pub message: String,
    /// Where, when it is about a place in the text.
    pub span: Option<Span>,
}

/// Severity of a [`Diagnostic`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Informational.
    Info,
    /// The result may be degraded.
    Warning,
}

impl Level {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
        }
    }
}

/// Reads a unit enum from its snake_case name (`as_str`). By hand rather than derived: serde's
/// derived code is a copy of the whole enum-access machinery per type in the app's wasm, this is
/// one small function per type over the `String` reader every text field uses.
fn by_name<'de, D: serde::Deserializer<'de>, T: Copy>(
    d: D,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Result<T, D::Error> {
    let s = String::deserialize(d)?;
    all.iter().copied().find(|t| name(*t) == s).ok_or_else(|| serde::de::Error::custom(format!("unknown name `{s}`")))
}

macro_rules! deserialize_by_name {
    ($($t:ident: [$($v:ident),*]),* $(,)?) => {$(
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                // Exhaustive: a new variant missing from the list does not compile.
                let _ = |x: $t| match x { $($t::$v)|* => () };
                by_name(d, &[$($t::$v),*], $t::as_str)
            }
        }
    )*};
}

deserialize_by_name! {
    Anonymity: [Named, Anonymous, Vague],
    SpeakerKind: [Person, Organisation, MediaOutlet, GovernmentBody, Group, Document, Unknown],
    ClaimKind: [Direct, Indirect, Mixed, AccordingTo, Belief, Hedge],
    Stance: [Neutral, Distancing, Endorsing, Conceding, Rejecting],
    Level: [Info, Warning],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_unknown_names_are_errors() {
        for k in [ClaimKind::Direct, ClaimKind::AccordingTo, ClaimKind::Hedge] {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(serde_json::from_str::<ClaimKind>(&json).unwrap(), k);
        }
        let kind: SpeakerKind = serde_json::from_str("\"media_outlet\"").unwrap();
        assert_eq!(kind, SpeakerKind::MediaOutlet);
        assert_eq!(serde_json::from_str::<Level>("\"warning\"").unwrap(), Level::Warning);
        assert!(serde_json::from_str::<Stance>("\"sarcastic\"").is_err());
        assert!(serde_json::from_str::<Anonymity>("3").is_err());
    }
}
