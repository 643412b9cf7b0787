//! Speaker scoring against the speaker gold for PolNeAR dev (`data/speakers/README.md`): one
//! JSON file per article that says, for every gold Source span, which real-world entity is meant,
//! its kind and its anonymity.
//!
//! **Pairing.** A predicted claim's source span is paired with a gold source span when the two
//! share at least one word character (alphanumeric); a claim with no source span uses its
//! speaker's mentions instead. A gold span goes to the speaker with the most claims overlapping
//! it. The metrics, as the README defines them:
//!
//! * **speaker list**: the predicted speakers with at least one claim, matched one-to-one with the
//!   gold entities; each speaker votes for the entity most of its paired spans belong to, and the
//!   matching is greedy by votes;
//! * **B³** over the paired spans, predicted speaker against gold entity;
//! * **anonymous** P/R/F1 over the paired spans: the speaker's `anonymous` against its entity's
//!   anonymity being `anonymous`;
//! * **kind accuracy** over the paired spans, predicted kinds mapped to the gold classes.
//!
//! Decisions where the README leaves room:
//!
//! * A chain's intermediary counts like a claim of its own: "NBC reported, citing an official, …"
//!   is a claim of the official (its source span) and one of NBC (the via's source span, or NBC's
//!   mentions when that is empty). So NBC "has a claim" and is on the list. A claim with no
//!   speaker (a hedge) takes part in nothing.
//! * One claim is one vote for a gold span however many of its spans overlap it. Ties go to the
//!   speaker listed first (lowest id).
//! * Each speaker casts one vote, for one entity: the one with most of its paired spans (ties: the
//!   entity whose span comes first in the gold file); the vote weighs that many spans. Votes are
//!   taken in descending weight (ties: lower speaker id first) and a vote whose entity is already
//!   taken is lost; the speaker does not fall back to its second choice.
//! * Every predicted speaker with a claim is thus exactly one of: matched; a **duplicate card**
//!   (it voted, but for an entity another card took); a **junk card** (no gold span paired with
//!   it — none of its claims overlaps a gold span, or it lost every span it overlapped to another
//!   speaker, which the report marks as *outvoted*).
//! * B³, anonymity and kind are counted per paired span over all articles together (micro), so
//!   an article with many spans weighs more. Gold sources whose entity id is not among the
//!   entities are skipped ([`SpeakerGold::check`] reports them).
//! * Kinds map `media_outlet` → outlet, `government_body` → government, `unknown` → other and
//!   keep their names otherwise (`document` included).

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use serde::{Deserialize, Serialize};

use super::Prf;
use crate::engine::model::{Analysis, SpeakerKind};
use crate::engine::span::Span;

/// One article's speaker gold (`dev/<stem>.json`).
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SpeakerGold {
    /// Document stem.
    pub doc: String,
    /// The real-world speakers the source spans refer to.
    pub entities: Vec<GoldEntity>,
    /// Every distinct gold Source span of the article.
    pub sources: Vec<GoldSource>,
}

/// A real-world speaker within one article.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct GoldEntity {
    /// "E1", …
    pub id: String,
    /// Fullest proper name or description.
    pub name: String,
    /// Gold kind.
    pub kind: GoldKind,
    /// Named, anonymous or vague.
    pub anonymity: Anonymity,
    /// The labeller's reasoning in a hard case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A gold Source span and the entity it refers to.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct GoldSource {
    /// UTF-8 byte offsets into the article text, half-open.
    pub span: Span,
    /// The span's text.
    pub text: String,
    /// Id of its [`GoldEntity`].
    pub entity: String,
}

/// The gold speaker classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldKind {
    /// A person.
    Person,
    /// A company, party, NGO, …
    Organisation,
    /// A news organisation, publication or programme.
    Outlet,
    /// A government, ministry, agency, court, the military.
    Government,
    /// Several people.
    Group,
    /// A poll, report, study, tweet, statement, …
    Document,
    /// Anything else.
    Other,
}

impl GoldKind {
    /// The gold class a predicted kind counts as.
    pub fn of(kind: SpeakerKind) -> GoldKind {
        match kind {
            SpeakerKind::Person => GoldKind::Person,
            SpeakerKind::Organisation => GoldKind::Organisation,
            SpeakerKind::MediaOutlet => GoldKind::Outlet,
            SpeakerKind::GovernmentBody => GoldKind::Government,
            SpeakerKind::Group => GoldKind::Group,
            SpeakerKind::Document => GoldKind::Document,
            SpeakerKind::Unknown => GoldKind::Other,
        }
    }

    /// The name used in the gold files.
    pub fn as_str(self) -> &'static str {
        match self {
            GoldKind::Person => "person",
            GoldKind::Organisation => "organisation",
            GoldKind::Outlet => "outlet",
            GoldKind::Government => "government",
            GoldKind::Group => "group",
            GoldKind::Document => "document",
            GoldKind::Other => "other",
        }
    }
}

/// Whether the article names a speaker, withholds it or leaves it vague.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anonymity {
    /// Identified by name or a unique role.
    Named,
    /// A specific speaker whose identity is withheld.
    Anonymous,
    /// An unspecified collective or hedge.
    Vague,
}

impl Anonymity {
    /// The name used in the gold files.
    pub fn as_str(self) -> &'static str {
        match self {
            Anonymity::Named => "named",
            Anonymity::Anonymous => "anonymous",
            Anonymity::Vague => "vague",
        }
    }
}

impl SpeakerGold {
    /// Parses one gold file.
    pub fn parse(json: &str) -> Result<SpeakerGold, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    /// Checks the gold against its article: every span indexes `text` and covers the text it
    /// gives, every source's entity exists, entity ids are unique.
    pub fn check(&self, text: &str) -> Result<(), String> {
        let mut ids = HashMap::new();
        for e in &self.entities {
            if ids.insert(e.id.as_str(), ()).is_some() {
                return Err(format!("entity {} twice", e.id));
            }
        }
        for s in &self.sources {
            if !ids.contains_key(s.entity.as_str()) {
                return Err(format!("source {:?} {:?}: no entity {}", s.span, s.text, s.entity));
            }
            match text.get(s.span.start..s.span.end) {
                Some(t) if t == s.text => {}
                Some(t) => return Err(format!("source {:?}: the text has {t:?}, the gold {:?}", s.span, s.text)),
                None => return Err(format!("source {:?} {:?}: not a span of the text", s.span, s.text)),
            }
        }
        Ok(())
    }
}

/// B³ sums: per item precision and recall, summed; divide by `items`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct B3 {
    /// Sum over the items of |same speaker ∩ same entity| / |same speaker|.
    pub precision_sum: f64,
    /// Sum over the items of |same speaker ∩ same entity| / |same entity|.
    pub recall_sum: f64,
    /// Items (paired spans).
    pub items: usize,
}

impl B3 {
    /// Precision (0 with no items).
    pub fn p(&self) -> f64 {
        if self.items == 0 {
            0.0
        } else {
            self.precision_sum / self.items as f64
        }
    }
    /// Recall (0 with no items).
    pub fn r(&self) -> f64 {
        if self.items == 0 {
            0.0
        } else {
            self.recall_sum / self.items as f64
        }
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: &B3) {
        self.precision_sum += other.precision_sum;
        self.recall_sum += other.recall_sum;
        self.items += other.items;
    }
}

/// B³ of one clustering: one `(predicted cluster, gold cluster)` pair per item.
pub fn b_cubed<P: Eq + Hash, G: Eq + Hash>(items: &[(P, G)]) -> B3 {
    let mut pred: HashMap<&P, usize> = HashMap::new();
    let mut gold: HashMap<&G, usize> = HashMap::new();
    let mut both: HashMap<(&P, &G), usize> = HashMap::new();
    for (p, g) in items {
        *pred.entry(p).or_default() += 1;
        *gold.entry(g).or_default() += 1;
        *both.entry((p, g)).or_default() += 1;
    }
    let mut b = B3 { items: items.len(), ..B3::default() };
    for (p, g) in items {
        let n = both[&(p, g)] as f64;
        b.precision_sum += n / pred[p] as f64;
        b.recall_sum += n / gold[g] as f64;
    }
    b
}

/// Correct out of total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accuracy {
    /// Items right.
    pub correct: usize,
    /// Items scored.
    pub total: usize,
}

impl Accuracy {
    /// correct / total (0 with no items).
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// The speaker metrics, summed over articles.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SpeakerScores {
    /// Articles scored.
    pub documents: usize,
    /// Gold source spans.
    pub gold_spans: usize,
    /// Gold source spans paired with a predicted speaker.
    pub paired_spans: usize,
    /// Speaker list: `tp` matched, `pred` predicted speakers with a claim, `gold` gold entities.
    pub speakers: Prf,
    /// B³ over the paired spans.
    pub b3: B3,
    /// Anonymous over the paired spans: `pred` spans whose speaker is anonymous, `gold` spans
    /// whose entity is.
    pub anonymous: Prf,
    /// Kind accuracy over the paired spans.
    pub kind: Accuracy,
    /// Speakers with a claim but no paired span.
    pub junk_cards: usize,
    /// Speakers that voted for an entity another card took.
    pub duplicate_cards: usize,
}

impl SpeakerScores {
    /// Adds another article's (or set's) counts.
    pub fn add(&mut self, o: &SpeakerScores) {
        self.documents += o.documents;
        self.gold_spans += o.gold_spans;
        self.paired_spans += o.paired_spans;
        self.speakers.add(o.speakers.tp, o.speakers.pred, o.speakers.gold);
        self.b3.add(&o.b3);
        self.anonymous.add(o.anonymous.tp, o.anonymous.pred, o.anonymous.gold);
        self.kind.correct += o.kind.correct;
        self.kind.total += o.kind.total;
        self.junk_cards += o.junk_cards;
        self.duplicate_cards += o.duplicate_cards;
    }
}

/// A predicted speaker, as the report names it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Card {
    /// Speaker id.
    pub id: u32,
    /// Display name.
    pub name: String,
}

/// A card that voted for an entity another card took.
#[derive(Clone, Debug, Serialize)]
pub struct Duplicate {
    /// The losing card.
    pub card: Card,
    /// Its paired spans of that entity.
    pub votes: usize,
    /// The entity's name.
    pub entity: String,
    /// The card that took the entity.
    pub winner: Card,
}

/// A card with claims but no paired span.
#[derive(Clone, Debug, Serialize)]
pub struct Junk {
    /// The card.
    pub card: Card,
    /// Its claims' source texts, distinct, in order (empty for mention-only claims).
    pub sources: Vec<String>,
    /// Its claims overlapped gold spans, but other speakers won them all.
    pub outvoted: bool,
}

/// A paired span on which prediction and gold disagree.
#[derive(Clone, Debug, Serialize)]
pub struct SpanError<T> {
    /// The gold span's text.
    pub text: String,
    /// The card it is paired with.
    pub card: Card,
    /// Predicted value.
    pub predicted: T,
    /// Gold value.
    pub gold: T,
}

/// One article's scores and what went wrong.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SpeakerReport {
    /// Document stem.
    pub doc: String,
    /// Its counts (`documents` = 1).
    pub scores: SpeakerScores,
    /// Duplicate cards.
    pub duplicates: Vec<Duplicate>,
    /// Junk cards.
    pub junk: Vec<Junk>,
    /// Anonymity errors (predicted `anonymous`, gold anonymity).
    pub anonymity_errors: Vec<SpanError<String>>,
    /// Kind errors (mapped predicted kind, gold kind).
    pub kind_errors: Vec<SpanError<GoldKind>>,
}

/// True when `a` and `b` share at least one alphanumeric character of `text`.
pub fn shares_word_char(text: &str, a: Span, b: Span) -> bool {
    let (start, end) = (a.start.max(b.start), a.end.min(b.end));
    start < end && text.get(start..end).is_some_and(|t| t.chars().any(char::is_alphanumeric))
}

/// What casts votes: a claim, or a chain's intermediary, with its speaker.
struct Unit<'a> {
    speaker: u32,
    /// Its source spans (empty when it has none).
    source: &'a [Span],
    /// The spans paired with gold: the source spans, else the speaker's mentions.
    spans: &'a [Span],
}

fn units(analysis: &Analysis) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    for c in &analysis.claims {
        let roles = std::iter::once((c.speaker, c.source.as_slice()))
            .chain(c.via.as_ref().map(|v| (v.speaker, v.source.as_slice())));
        for (speaker, source) in roles {
            let Some((id, sp)) = speaker.and_then(|id| Some((id, analysis.speakers.get(id as usize)?))) else {
                continue;
            };
            let spans = if source.is_empty() { sp.mentions.as_slice() } else { source };
            out.push(Unit { speaker: id, source, spans });
        }
    }
    out
}

/// The gold spans paired with a speaker, as `(index into sources, speaker)`: each gold span goes
/// to the speaker with most units overlapping it (ties: the lowest id). Marks in `overlapped` the
/// speakers that overlap some gold span.
fn pair(text: &str, sources: &[(&GoldSource, usize)], units: &[Unit], overlapped: &mut [bool]) -> Vec<(usize, u32)> {
    let mut paired = Vec::new();
    for (gi, (g, _)) in sources.iter().enumerate() {
        let mut votes: BTreeMap<u32, usize> = BTreeMap::new();
        for u in units {
            if u.spans.iter().any(|&s| shares_word_char(text, s, g.span)) {
                *votes.entry(u.speaker).or_default() += 1;
                overlapped[u.speaker as usize] = true;
            }
        }
        let winner = votes.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
        if let Some((&speaker, _)) = winner {
            paired.push((gi, speaker));
        }
    }
    paired
}

/// Each speaker's vote `(speaker, entity, weight)`: the entity most of its paired spans belong to
/// (ties: the entity met first in the gold), weighing that many spans; sorted by descending
/// weight, then speaker id. Speakers with no paired span cast none.
fn cast_votes(speakers: &[u32], paired: &[(usize, u32)], sources: &[(&GoldSource, usize)]) -> Vec<(u32, usize, usize)> {
    let mut votes = Vec::new();
    for &sp in speakers {
        let mut per_entity: BTreeMap<usize, (usize, usize)> = BTreeMap::new(); // entity → (count, first source)
        for &(gi, _) in paired.iter().filter(|p| p.1 == sp) {
            per_entity.entry(sources[gi].1).or_insert((0, gi)).0 += 1;
        }
        let best = per_entity.iter().max_by(|a, b| (a.1 .0).cmp(&b.1 .0).then((b.1 .1).cmp(&a.1 .1)));
        if let Some((&entity, &(n, _))) = best {
            votes.push((sp, entity, n));
        }
    }
    votes.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    votes
}

/// Scores one article: `analysis` of `text` against `gold`.
pub fn score_speakers(text: &str, gold: &SpeakerGold, analysis: &Analysis) -> SpeakerReport {
    let entity_ix: HashMap<&str, usize> = gold.entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let sources: Vec<(&GoldSource, usize)> =
        gold.sources.iter().filter_map(|s| entity_ix.get(s.entity.as_str()).map(|&e| (s, e))).collect();
    let units = units(analysis);
    let card =
        |id: u32| Card { id, name: analysis.speakers.get(id as usize).map(|s| s.name.clone()).unwrap_or_default() };
    let mut overlapped = vec![false; analysis.speakers.len()];
    let paired = pair(text, &sources, &units, &mut overlapped);
    let mut with_claims: Vec<u32> = units.iter().map(|u| u.speaker).collect();
    with_claims.sort_unstable();
    with_claims.dedup();
    let votes = cast_votes(&with_claims, &paired, &sources);
    let mut taken: HashMap<usize, u32> = HashMap::new();
    let mut rep = SpeakerReport { doc: gold.doc.clone(), ..SpeakerReport::default() };
    for &(sp, entity, n) in &votes {
        match taken.get(&entity) {
            Some(&winner) => rep.duplicates.push(Duplicate {
                card: card(sp),
                votes: n,
                entity: gold.entities[entity].name.clone(),
                winner: card(winner),
            }),
            None => {
                taken.insert(entity, sp);
            }
        }
    }
    for &sp in &with_claims {
        if votes.iter().any(|v| v.0 == sp) {
            continue;
        }
        let mut texts: Vec<String> = Vec::new();
        for s in units.iter().filter(|u| u.speaker == sp).flat_map(|u| u.source) {
            let t = s.text(text).to_string();
            if !texts.contains(&t) {
                texts.push(t);
            }
        }
        rep.junk.push(Junk { card: card(sp), sources: texts, outvoted: overlapped[sp as usize] });
    }
    // Span-level metrics.
    let s = &mut rep.scores;
    s.documents = 1;
    s.gold_spans = sources.len();
    s.paired_spans = paired.len();
    s.speakers = Prf { tp: taken.len(), pred: with_claims.len(), gold: gold.entities.len() };
    s.junk_cards = rep.junk.len();
    s.duplicate_cards = rep.duplicates.len();
    let clusters: Vec<(u32, usize)> = paired.iter().map(|&(gi, sp)| (sp, sources[gi].1)).collect();
    s.b3 = b_cubed(&clusters);
    for &(gi, sp) in &paired {
        let (g, e) = sources[gi];
        let (speaker, entity) = (&analysis.speakers[sp as usize], &gold.entities[e]);
        let gold_anon = entity.anonymity == Anonymity::Anonymous;
        s.anonymous.add(
            usize::from(speaker.anonymous && gold_anon),
            usize::from(speaker.anonymous),
            usize::from(gold_anon),
        );
        if speaker.anonymous != gold_anon {
            rep.anonymity_errors.push(SpanError {
                text: g.text.clone(),
                card: card(sp),
                predicted: if speaker.anonymous { "anonymous" } else { "not anonymous" }.to_string(),
                gold: entity.anonymity.as_str().to_string(),
            });
        }
        let kind = GoldKind::of(speaker.kind);
        s.kind.total += 1;
        if kind == entity.kind {
            s.kind.correct += 1;
        } else {
            rep.kind_errors.push(SpanError {
                text: g.text.clone(),
                card: card(sp),
                predicted: kind,
                gold: entity.kind,
            });
        }
    }
    rep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn b_cubed_on_a_toy_clustering() {
        // Gold {0,1,2} {3,4}; predicted {0,1} {2,3,4}.
        let items = [(1, 'a'), (1, 'a'), (2, 'a'), (2, 'b'), (2, 'b')];
        let b = b_cubed(&items);
        // Precision: 1, 1, 1/3, 2/3, 2/3 → 11/15. Recall: 2/3, 2/3, 1/3, 1, 1 → 11/15.
        assert!(close(b.p(), 11.0 / 15.0), "{b:?}");
        assert!(close(b.r(), 11.0 / 15.0), "{b:?}");
        assert!(close(b.f1(), 11.0 / 15.0), "{b:?}");
    }

    #[test]
    fn b_cubed_extremes() {
        // One predicted cluster over four gold singletons: precision 1/4, recall 1.
        let lumped = b_cubed(&[(0, 1), (0, 2), (0, 3), (0, 4)]);
        assert!(close(lumped.p(), 0.25) && close(lumped.r(), 1.0), "{lumped:?}");
        // Four predicted singletons over one gold cluster: precision 1, recall 1/4.
        let split = b_cubed(&[(1, 0), (2, 0), (3, 0), (4, 0)]);
        assert!(close(split.p(), 1.0) && close(split.r(), 0.25), "{split:?}");
        // Gold {0,1,2}, predicted {0,1} {2}: P 1, R (2/3 + 2/3 + 1/3) / 3 = 5/9.
        let b = b_cubed(&[('x', 0), ('x', 0), ('y', 0)]);
        assert!(close(b.p(), 1.0) && close(b.r(), 5.0 / 9.0), "{b:?}");
        assert_eq!(b_cubed::<u8, u8>(&[]).f1(), 0.0);
    }

    #[test]
    fn word_character_overlap() {
        let text = "Mr. Smith, the mayor";
        assert!(shares_word_char(text, Span::new(0, 9), Span::new(4, 20)));
        assert!(!shares_word_char(text, Span::new(0, 10), Span::new(9, 20)), "only the comma is shared");
        assert!(!shares_word_char(text, Span::new(0, 3), Span::new(3, 9)), "touching is not overlapping");
    }

    #[test]
    fn kinds_map_to_gold_classes() {
        assert_eq!(GoldKind::of(SpeakerKind::MediaOutlet), GoldKind::Outlet);
        assert_eq!(GoldKind::of(SpeakerKind::GovernmentBody), GoldKind::Government);
        assert_eq!(GoldKind::of(SpeakerKind::Unknown), GoldKind::Other);
        assert_eq!(GoldKind::of(SpeakerKind::Person), GoldKind::Person);
        assert_eq!(GoldKind::of(SpeakerKind::Organisation), GoldKind::Organisation);
        assert_eq!(GoldKind::of(SpeakerKind::Group), GoldKind::Group);
    }
}
