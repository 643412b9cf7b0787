//! Two reports of one story side by side: which speakers are the same entity, which claims
//! report the same proposition (`same`) or touch the same point (`related`), what differs
//! between them (stance, source chain, quote vs paraphrase, wording, cue), and what only one
//! report carries.
//!
//! A pure function of two analyses and their texts (no I/O): the CLI's `whosaid compare` and the
//! app use it alike. Claims are compared by their content words, weighted by how rare each word
//! is across both reports (a shared "Zelensky" says more than a shared "said"), plus shared
//! quoted fragments and aligned speakers. Candidate pairs come from an inverted index of the
//! rarer words, so two long documents cost about their number of claims times a small constant,
//! not the product of the two.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;

use super::export::spans_text;
use super::model::{Analysis, Claim, ClaimKind, SpeakerKind};
use super::speakers::sort_by;

/// At least this score (and the highest for both claims) makes a `same` pair.
pub const SAME: f32 = 0.24;
/// At least this score makes a `related` pair.
pub const RELATED: f32 = 0.24;
/// A word in more claims than this is no evidence of a match (and is not indexed).
const COMMON: usize = 40;

/// How two claims relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same proposition.
    Same,
    /// The same point, another speaker or another part of the story.
    Related,
}

/// One thing that differs between the two claims of a pair.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    /// `stance`, `source`, `quote`, `wording` or `cue`.
    pub kind: &'static str,
    /// How the first report has it.
    pub a: String,
    /// How the second report has it.
    pub b: String,
}

/// Two aligned claims: `[document index, claim id]` each.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    /// The claim in the first document.
    pub a: (usize, u32),
    /// The claim in the second document.
    pub b: (usize, u32),
    /// Same proposition, or related.
    pub relation: Relation,
    /// 0–1.
    pub score: f32,
    /// What a reader comparing the two should see.
    pub differences: Vec<Difference>,
}

/// The same entity in both documents: `[document index, speaker id]` per document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerLink {
    /// Where it is.
    #[serde(rename = "in")]
    pub in_docs: Vec<(usize, u32)>,
}

/// The alignment of two analyses.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Speakers found in both.
    pub speakers: Vec<SpeakerLink>,
    /// Aligned claims, `same` first, by score.
    pub pairs: Vec<Pair>,
    /// Claims of one document with no `same` partner: `[document index, claim id]`.
    pub only: Vec<(usize, u32)>,
}

const STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "that", "this", "with", "for", "is", "are", "was", "were",
    "be", "been", "by", "as", "at", "it", "its", "from", "has", "have", "had", "will", "would", "could", "can",
    "about", "their", "they", "he", "she", "his", "her", "not", "but", "also", "which", "who", "there", "than", "what",
    "we", "i", "you", "said", "says", "if", "so", "do", "does", "did", "into", "over", "after", "such",
];

/// Names news uses for one another ("Washington" for the US government, "Kiev" and "Kyiv").
const ALIASES: &[(&str, &str)] = &[
    ("washington", "us"),
    ("america", "us"),
    ("american", "us"),
    ("united", "us"),
    ("kiev", "kyiv"),
    ("ukrainian", "ukraine"),
    ("moscow", "russia"),
    ("kremlin", "russia"),
    ("russian", "russia"),
];

/// Content words, lower-cased and stemmed: a plural "s" cut, a long word cut to its first six
/// letters ("negotiations" = "negotiate", "discussions" = "discussed"), aliases merged.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()) && w != "states")
        .map(|w| match ALIASES.iter().find(|(a, _)| *a == w) {
            Some((_, to)) => to.to_string(),
            None if w.chars().count() > 6 && w.is_ascii() => w[..6].to_string(),
            None if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") => w[..w.len() - 1].to_string(),
            None => w,
        })
        .collect()
}

/// One side of the comparison.
struct Side<'a> {
    text: &'a str,
    a: &'a Analysis,
    /// Per claim: its content words (a set).
    words: Vec<HashSet<String>>,
    /// Per claim: its content, lower-cased words in order (for shared quoted runs).
    runs: Vec<Vec<String>>,
    /// Per claim: the words of its speaker's name.
    names: Vec<HashSet<String>>,
}

impl<'a> Side<'a> {
    fn new(text: &'a str, a: &'a Analysis) -> Side<'a> {
        let contents: Vec<String> = a.claims.iter().map(|c| spans_text(text, &c.content)).collect();
        let runs: Vec<Vec<String>> = contents.iter().map(|c| words(c)).collect();
        Side {
            text,
            a,
            words: runs.iter().map(|r| r.iter().cloned().collect()).collect(),
            runs,
            names: a.claims.iter().map(|c| words(&Side::name_of(a, c.speaker)).into_iter().collect()).collect(),
        }
    }

    fn speaker_name(&self, id: Option<u32>) -> String {
        Side::name_of(self.a, id)
    }

    fn name_of(a: &Analysis, id: Option<u32>) -> String {
        id.and_then(|s| a.speakers.get(s as usize)).map(|s| s.name.clone()).unwrap_or_default()
    }

    /// "NBC News ← a high-ranking US official": who relays, then who speaks.
    fn chain(&self, c: &Claim) -> String {
        let speaker = match self.speaker_name(c.speaker) {
            s if s.is_empty() => spans_text(self.text, &c.source),
            s => s,
        };
        match &c.via {
            Some(v) => {
                let via = match self.speaker_name(v.speaker) {
                    s if s.is_empty() => spans_text(self.text, &v.source),
                    s => s,
                };
                format!("{via} ← {speaker}")
            }
            None if speaker.is_empty() => "(no source)".to_string(),
            None => speaker,
        }
    }
}

/// Align the claims and speakers of two analyses (`a` of `text_a`, `b` of `text_b`).
pub fn compare(text_a: &str, a: &Analysis, text_b: &str, b: &Analysis) -> Comparison {
    let (sa, sb) = (Side::new(text_a, a), Side::new(text_b, b));
    let speakers = align_speakers(a, b);
    let same_speaker: HashSet<(u32, u32)> = speakers.iter().map(|l| (l.in_docs[0].1, l.in_docs[1].1)).collect();
    // How many claims of both documents each word is in.
    let mut df: HashMap<&str, usize> = HashMap::default();
    for w in sa.words.iter().chain(&sb.words).flatten() {
        *df.entry(w.as_str()).or_default() += 1;
    }
    let n = (sa.words.len() + sb.words.len()).max(1) as f32;
    let weight = |w: &str| (1.0 + n / df.get(w).copied().unwrap_or(1) as f32).ln();
    // Index the rarer words of the second document's claims.
    let mut index: HashMap<&str, Vec<usize>> = HashMap::default();
    for (j, ws) in sb.words.iter().enumerate() {
        for w in ws {
            if df.get(w.as_str()).copied().unwrap_or(0) <= COMMON {
                index.entry(w.as_str()).or_default().push(j);
            }
        }
    }
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    for (i, wa) in sa.words.iter().enumerate() {
        let mut cands: Vec<usize> = wa.iter().filter_map(|w| index.get(w.as_str())).flatten().copied().collect();
        sort_by(&mut cands, &|j| j);
        cands.dedup();
        for j in cands {
            let wb = &sb.words[j];
            let shared: f32 = wa.intersection(wb).map(|w| weight(w)).sum();
            let all: f32 = wa.union(wb).map(|w| weight(w)).sum();
            let mut score = if all > 0.0 { shared / all } else { 0.0 };
            if shares_run(&sa.runs[i], &sb.runs[j], 4) {
                score += 0.15;
            }
            // Anchors: words found in this one claim of each report and nowhere else in either
            // ("Hamas", "Israel", "aid"): a paraphrase keeps a fact's rare names even when it
            // rewords everything around them.
            let anchors = wa.intersection(wb).filter(|w| df.get(w.as_str()) == Some(&2)).count();
            score += 0.05 * anchors.min(3) as f32;
            let (ca, cb) = (&a.claims[i], &b.claims[j]);
            // The same speaker, or the same relaying outlet ("NBC … citing"), or sources described
            // alike ("a US official" ~ "US officials").
            let aligned =
                |x: Option<u32>, y: Option<u32>| matches!((x, y), (Some(x), Some(y)) if same_speaker.contains(&(x, y)));
            if aligned(ca.speaker, cb.speaker) {
                score += 0.1;
            }
            if aligned(ca.via.as_ref().and_then(|v| v.speaker), cb.via.as_ref().and_then(|v| v.speaker)) {
                score += 0.1;
            }
            let (na, nb) = (&sa.names[i], &sb.names[j]);
            if !aligned(ca.speaker, cb.speaker) && na.intersection(nb).count() >= 2 {
                score += 0.05;
            }
            if score >= RELATED {
                scored.push((score.min(1.0), i, j));
            }
        }
    }
    let scored = by_score(scored);
    // `same`: greedy one-to-one by score; the rest above the related threshold are `related`.
    let (mut used_a, mut used_b) = (vec![false; a.claims.len()], vec![false; b.claims.len()]);
    let mut pairs = Vec::new();
    for &(score, i, j) in &scored {
        let relation = if score >= SAME && !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            Relation::Same
        } else {
            Relation::Related
        };
        let (ca, cb) = (&a.claims[i], &b.claims[j]);
        pairs.push(Pair {
            a: (0, ca.id),
            b: (1, cb.id),
            relation,
            score: (score * 100.0).round() / 100.0,
            differences: differences(&sa, ca, &sb, cb, &same_speaker),
        });
    }
    // `same` first, each part in score order (a partition, not a sort: less code in the wasm).
    let (mut pairs, related): (Vec<Pair>, Vec<Pair>) = pairs.into_iter().partition(|p| p.relation == Relation::Same);
    pairs.extend(related);
    let only = (a.claims.iter().filter(|c| !used_a[c.id as usize]).map(|c| (0, c.id)))
        .chain(b.claims.iter().filter(|c| !used_b[c.id as usize]).map(|c| (1, c.id)))
        .collect();
    Comparison { speakers, pairs, only }
}

/// Whether two word sequences share a run of `k` words.
fn shares_run(a: &[String], b: &[String], k: usize) -> bool {
    if a.len() < k || b.len() < k {
        return false;
    }
    let grams: HashSet<&[String]> = a.windows(k).collect();
    b.windows(k).any(|g| grams.contains(g))
}

/// What a reader comparing two claims should be shown.
fn differences(sa: &Side<'_>, ca: &Claim, sb: &Side<'_>, cb: &Claim, same: &HashSet<(u32, u32)>) -> Vec<Difference> {
    let mut out = Vec::new();
    let cue = |s: &Side<'_>, c: &Claim| spans_text(s.text, &c.cue);
    if ca.stance != cb.stance {
        out.push(Difference {
            kind: "stance",
            a: format!("{} ({})", cue(sa, ca), ca.stance.as_str()),
            b: format!("{} ({})", cue(sb, cb), cb.stance.as_str()),
        });
    }
    // The same chain: the same speakers (aligned, or no source in either) relaying the same way.
    let one = |x: Option<u32>, y: Option<u32>| match (x, y) {
        (Some(x), Some(y)) => same.contains(&(x, y)),
        (None, None) => true,
        _ => false,
    };
    let via = |c: &Claim| c.via.as_ref().and_then(|v| v.speaker);
    let same_chain = one(ca.speaker, cb.speaker) && ca.via.is_some() == cb.via.is_some() && one(via(ca), via(cb));
    let (chain_a, chain_b) = (sa.chain(ca), sb.chain(cb));
    if !same_chain && !chain_a.eq_ignore_ascii_case(&chain_b) {
        out.push(Difference { kind: "source", a: chain_a, b: chain_b });
    }
    let direct = |c: &Claim| c.kind == ClaimKind::Direct;
    let content = |s: &Side<'_>, c: &Claim| spans_text(s.text, &c.content);
    if direct(ca) != direct(cb) {
        let show = |c: &Claim| if direct(c) { "direct quote" } else { "reported" };
        out.push(Difference { kind: "quote", a: show(ca).to_string(), b: show(cb).to_string() });
    } else if direct(ca) && sa.runs[ca.id as usize] != sb.runs[cb.id as usize] {
        out.push(Difference { kind: "wording", a: content(sa, ca), b: content(sb, cb) });
    }
    let (cue_a, cue_b) = (cue(sa, ca), cue(sb, cb));
    if ca.stance == cb.stance && !cue_a.eq_ignore_ascii_case(&cue_b) {
        out.push(Difference { kind: "cue", a: cue_a, b: cue_b });
    }
    out
}

/// Speakers that are the same entity in both: the same name or surname, an outlet's short name
/// ("NBC" = "NBC News"), or descriptions sharing most of their words ("anonymous US officials" ~
/// "a high-ranking US official and his former colleague"). Greedy, one to one.
fn align_speakers(a: &Analysis, b: &Analysis) -> Vec<SpeakerLink> {
    let keys = |an: &Analysis| -> Vec<(Vec<String>, HashSet<String>)> {
        an.speakers
            .iter()
            .map(|s| {
                let w = words(&s.name);
                let set = w.iter().cloned().collect();
                (w, set)
            })
            .collect()
    };
    let (ka, kb) = (keys(a), keys(b));
    // Candidates share a name word (a surname, an outlet's first word, a description's word);
    // words in more than COMMON names ("official" in a long file) propose no one: linear, not
    // every pair of speakers.
    let mut index: HashMap<&str, Vec<usize>> = HashMap::default();
    for (j, (_, set)) in kb.iter().enumerate() {
        for w in set {
            index.entry(w.as_str()).or_default().push(j);
        }
    }
    let mut scored = Vec::new();
    for (i, sa) in a.speakers.iter().enumerate() {
        let (wa, set_a) = &ka[i];
        let mut cands: Vec<usize> = set_a
            .iter()
            .filter_map(|w| index.get(w.as_str()))
            .filter(|js| js.len() <= COMMON)
            .flatten()
            .copied()
            .collect();
        sort_by(&mut cands, &|j| j);
        cands.dedup();
        for j in cands {
            let (Some(sb), (wb, set_b)) = (b.speakers.get(j), &kb[j]) else { continue };
            let inter = set_a.intersection(set_b).count() as f32;
            let jaccard = inter / set_a.union(set_b).count() as f32;
            let person = sa.kind == SpeakerKind::Person && sb.kind == SpeakerKind::Person;
            let surname = |n: &str| n.rsplit(' ').next().map(str::to_lowercase);
            let same_surname = person && surname(&sa.name) == surname(&sb.name);
            // The first name word, not "the" ("The New York Times" is not "The Hill").
            let outlet =
                sa.kind == SpeakerKind::MediaOutlet && sb.kind == SpeakerKind::MediaOutlet && wa.first() == wb.first();
            let score = if same_surname || outlet { 1.0 } else { jaccard };
            if score >= 0.34 && sa.anonymity == sb.anonymity {
                scored.push((score, sa.id, sb.id));
            }
        }
    }
    let scored = by_score(scored.into_iter().map(|(s, x, y)| (s, x as usize, y as usize)).collect());
    let (mut ua, mut ub) = (HashSet::default(), HashSet::default());
    let mut out = Vec::new();
    for (_, x, y) in scored {
        if ua.insert(x) && ub.insert(y) {
            out.push(SpeakerLink { in_docs: vec![(0, x as u32), (1, y as u32)] });
        }
    }
    let mut order: Vec<usize> = (0..out.len()).collect();
    sort_by(&mut order, &|k| out[k].in_docs[0].1 as usize);
    let mut slots: Vec<Option<SpeakerLink>> = out.into_iter().map(Some).collect();
    order.into_iter().filter_map(|k| slots[k].take()).collect()
}

/// Scored pairs, best first, ties in the order given (the engine's one index sort: each sort
/// call of its own would add a copy of the standard sort to the worker's wasm). Scores are in
/// 0..=1 and compared to a millionth.
fn by_score(scored: Vec<(f32, usize, usize)>) -> Vec<(f32, usize, usize)> {
    let mut order: Vec<usize> = (0..scored.len()).collect();
    sort_by(&mut order, &|k| ((1.0 - scored[k].0.clamp(0.0, 1.0)) * 1e6) as usize);
    order.into_iter().map(|k| scored[k]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analyze;

    fn cmp(a: &str, b: &str) -> Comparison {
        compare(a, &analyze(a), b, &analyze(b))
    }

    #[test]
    fn a_paraphrase_of_the_same_report_is_the_same_claim_with_its_differences() {
        let a = "Zelensky said the Ukrainian army would hold the eastern front through the winter.";
        let b = "The Ukrainian army will hold the eastern front through the winter, Zelensky claimed.";
        let c = cmp(a, b);
        assert_eq!(c.speakers.len(), 1, "{c:?}");
        let p = &c.pairs[0];
        assert_eq!(p.relation, Relation::Same);
        assert!(p.differences.iter().any(|d| d.kind == "stance"), "{p:?}");
        assert!(c.only.is_empty());
    }

    #[test]
    fn a_quote_and_its_paraphrase() {
        let a = "“We will never give up Crimea,” the president said on Monday.";
        let b = "The president said on Monday that Ukraine would never give up Crimea.";
        let c = cmp(a, b);
        let p = c.pairs.iter().find(|p| p.relation == Relation::Same).expect("a same pair");
        assert!(p.differences.iter().any(|d| d.kind == "quote"), "{p:?}");
    }

    #[test]
    fn another_speaker_on_the_same_point_is_related_and_unrelated_claims_are_apart() {
        let a = "The minister said the new sanctions on Russian oil would take effect in March. \
                 The mayor said the city budget was balanced.";
        let b = "Analysts said the sanctions on Russian oil would hurt European refiners. \
                 A farmer said the harvest was early this year.";
        let c = cmp(a, b);
        assert!(c.pairs.iter().all(|p| p.a.1 == 0 && p.b.1 == 0), "{c:?}");
        assert!(c.only.contains(&(0, 1)) && c.only.contains(&(1, 1)));
    }

    #[test]
    fn an_outlet_by_its_short_name_is_one_speaker() {
        let a = "NBC News reported that the talks had stalled in Geneva.";
        let b = "NBC reported that negotiators in Geneva had made no progress.";
        let c = cmp(a, b);
        assert_eq!(c.speakers.len(), 1);
    }

    #[test]
    fn rare_names_in_one_claim_of_each_report_anchor_a_reworded_fact() {
        let a =
            "The governor said the storm had cut power to most homes in Tampa, Orlando and Hillsborough overnight. \
                 The mayor said schools would reopen on Monday.";
        let b =
            "Utility crews are reportedly struggling to restore electricity across Hillsborough, Orlando and Tampa \
                 after hurricane winds toppled hundreds of lines. The council said the new budget was approved.";
        let c = cmp(a, b);
        let p = c.pairs.iter().find(|p| p.relation == Relation::Same).expect("a same pair");
        assert_eq!((p.a.1, p.b.1), (0, 0), "{c:?}");
        assert!(c.only.contains(&(0, 1)) && c.only.contains(&(1, 1)), "{c:?}");
    }

    #[test]
    fn outlets_sharing_only_the_article_are_different_speakers() {
        let a = "The New York Times reported that the talks had stalled in Geneva.";
        let b = "The Hill reported that negotiators in Geneva had made no progress.";
        assert!(cmp(a, b).speakers.is_empty());
    }
}
