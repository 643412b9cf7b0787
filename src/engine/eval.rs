//! Scoring against hand-annotated attributions: PolNeAR (brat standoff) and the seed gold list.
//!
//! Pure functions over strings; reading files is the CLI's job (`whosaid eval`).
//!
//! PolNeAR metrics (as specified in the project's engine issue):
//! * per role (source, cue, content), span P/R/F1 where each contiguous part is a span:
//!   *exact* (equal after trimming white space, punctuation and quote marks at both ends) and
//!   *overlap* (greedy one-to-one matching with word-level Jaccard ≥ 0.5);
//! * *relation*: cues overlap and contents' word Jaccard (all parts together) ≥ 0.5;
//! * *relation+source*: also the sources overlap, or both are absent.
//!
//! Speaker scoring (speaker list, B³, anonymity, kind) against the speaker gold is in
//! [`speakers`].

pub mod speakers;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::model::Analysis;
use super::span::Span;

/// One attribution reduced to its three roles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Relation {
    /// Source parts.
    pub source: Vec<Span>,
    /// Cue parts.
    pub cue: Vec<Span>,
    /// Content parts.
    pub content: Vec<Span>,
}

/// Converts character offsets (Unicode scalar values) into byte offsets of `text`.
pub struct CharToByte {
    offsets: Vec<usize>,
}

impl CharToByte {
    /// Index `text`.
    pub fn new(text: &str) -> CharToByte {
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        offsets.push(text.len());
        CharToByte { offsets }
    }
    /// Byte offset of char offset `c` (clamped to the end).
    pub fn byte(&self, c: usize) -> usize {
        self.offsets.get(c).copied().unwrap_or_else(|| self.offsets.last().copied().unwrap_or(0))
    }
}

/// Parses a brat `.ann` file for `text` into relations (byte spans). Malformed lines are skipped.
pub fn parse_brat(text: &str, ann: &str) -> Vec<Relation> {
    let map = CharToByte::new(text);
    let mut spans: std::collections::HashMap<&str, (String, Vec<Span>)> = std::collections::HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let Some(id) = cols.next() else { continue };
        let Some(body) = cols.next() else { continue };
        if id.starts_with('T') {
            let Some((label, offs)) = body.split_once(' ') else {
                continue;
            };
            let parts: Vec<Span> = offs
                .split(';')
                .filter_map(|p| {
                    let mut it = p.split_whitespace().filter_map(|x| x.parse::<usize>().ok());
                    Some(Span::new(map.byte(it.next()?), map.byte(it.next()?)))
                })
                .collect();
            spans.insert(id, (label.to_string(), parts));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for body in events {
        let mut rel = Relation::default();
        for arg in body.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else {
                continue;
            };
            let Some((_, parts)) = spans.get(tid) else {
                continue;
            };
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            match role {
                "Source" => rel.source.extend(parts),
                "Cue" => rel.cue.extend(parts),
                "Content" => rel.content.extend(parts),
                _ => {}
            }
        }
        if !rel.cue.is_empty() || !rel.content.is_empty() {
            out.push(rel);
        }
    }
    out
}

/// The relations an analysis predicts, in PolNeAR's convention: a chain counts as the
/// intermediary's attribution ("NBC reported, citing Y, that …" → NBC, "reported").
pub fn relations_of(analysis: &Analysis) -> Vec<Relation> {
    analysis
        .claims
        .iter()
        .map(|c| match &c.via {
            Some(v) => Relation { source: v.source.clone(), cue: v.cue.clone(), content: c.content.clone() },
            None => Relation { source: c.source.clone(), cue: c.cue.clone(), content: c.content.clone() },
        })
        .collect()
}

fn trim_span(text: &str, s: Span) -> Span {
    s.trim_by(text, &|c| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '—' | '–' | '…')
    })
}

/// Start offsets of the words inside the spans.
fn word_set(text: &str, spans: &[Span]) -> HashSet<usize> {
    let mut set = HashSet::new();
    for s in spans {
        let t = s.text(text);
        let mut in_word = false;
        for (i, c) in t.char_indices() {
            let w = c.is_alphanumeric();
            if w && !in_word {
                set.insert(s.start + i);
            }
            in_word = w;
        }
    }
    set
}

fn jaccard(a: &HashSet<usize>, b: &HashSet<usize>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// Counts for one metric.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
pub struct Prf {
    /// Matched pairs.
    pub tp: usize,
    /// Predicted items.
    pub pred: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// Precision.
    pub fn p(&self) -> f64 {
        if self.pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.pred as f64
        }
    }
    /// Recall.
    pub fn r(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
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
    fn add(&mut self, tp: usize, pred: usize, gold: usize) {
        self.tp += tp;
        self.pred += pred;
        self.gold += gold;
    }
}

/// All PolNeAR metrics.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Scores {
    /// Articles scored.
    pub documents: usize,
    /// Source exact.
    pub source_exact: Prf,
    /// Source overlap.
    pub source_overlap: Prf,
    /// Cue exact.
    pub cue_exact: Prf,
    /// Cue overlap.
    pub cue_overlap: Prf,
    /// Content exact.
    pub content_exact: Prf,
    /// Content overlap.
    pub content_overlap: Prf,
    /// Relation.
    pub relation: Prf,
    /// Relation + source.
    pub relation_source: Prf,
}

fn greedy<F: Fn(usize, usize) -> Option<f64>>(n_pred: usize, n_gold: usize, score: F) -> usize {
    let mut pairs = Vec::new();
    for p in 0..n_pred {
        for g in 0..n_gold {
            if let Some(s) = score(p, g) {
                pairs.push((s, p, g));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut used_p, mut used_g) = (vec![false; n_pred], vec![false; n_gold]);
    let mut n = 0;
    for (_, p, g) in pairs {
        if !used_p[p] && !used_g[g] {
            used_p[p] = true;
            used_g[g] = true;
            n += 1;
        }
    }
    n
}

fn role_scores(text: &str, pred: &[Span], gold: &[Span], exact: &mut Prf, overlap: &mut Prf) {
    let tp: Vec<Span> = pred.iter().map(|&s| trim_span(text, s)).filter(|s| !s.is_empty()).collect();
    let tg: Vec<Span> = gold.iter().map(|&s| trim_span(text, s)).filter(|s| !s.is_empty()).collect();
    let n_exact = greedy(tp.len(), tg.len(), |p, g| (tp[p] == tg[g]).then_some(1.0));
    exact.add(n_exact, tp.len(), tg.len());
    let wp: Vec<HashSet<usize>> = tp.iter().map(|s| word_set(text, std::slice::from_ref(s))).collect();
    let wg: Vec<HashSet<usize>> = tg.iter().map(|s| word_set(text, std::slice::from_ref(s))).collect();
    let n_overlap = greedy(tp.len(), tg.len(), |p, g| {
        let j = jaccard(&wp[p], &wg[g]);
        (j >= 0.5).then_some(j)
    });
    overlap.add(n_overlap, tp.len(), tg.len());
}

fn any_overlap(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

/// Scores one document's predictions against its gold relations, adding to `acc`.
pub fn score_document(text: &str, gold: &[Relation], pred: &[Relation], acc: &mut Scores) {
    acc.documents += 1;
    let flat = |rs: &[Relation], f: fn(&Relation) -> &Vec<Span>| -> Vec<Span> {
        let mut v: Vec<Span> = rs.iter().flat_map(|r| f(r).iter().copied()).collect();
        v.sort();
        v.dedup();
        v
    };
    role_scores(
        text,
        &flat(pred, |r| &r.source),
        &flat(gold, |r| &r.source),
        &mut acc.source_exact,
        &mut acc.source_overlap,
    );
    role_scores(text, &flat(pred, |r| &r.cue), &flat(gold, |r| &r.cue), &mut acc.cue_exact, &mut acc.cue_overlap);
    role_scores(
        text,
        &flat(pred, |r| &r.content),
        &flat(gold, |r| &r.content),
        &mut acc.content_exact,
        &mut acc.content_overlap,
    );
    let wp: Vec<HashSet<usize>> = pred.iter().map(|r| word_set(text, &r.content)).collect();
    let wg: Vec<HashSet<usize>> = gold.iter().map(|r| word_set(text, &r.content)).collect();
    let rel = |with_source: bool| {
        greedy(pred.len(), gold.len(), |p, g| {
            if !any_overlap(&pred[p].cue, &gold[g].cue) {
                return None;
            }
            let j = jaccard(&wp[p], &wg[g]);
            if j < 0.5 {
                return None;
            }
            if with_source {
                let both_absent = pred[p].source.is_empty() && gold[g].source.is_empty();
                if !both_absent && !any_overlap(&pred[p].source, &gold[g].source) {
                    return None;
                }
            }
            Some(j)
        })
    };
    acc.relation.add(rel(false), pred.len(), gold.len());
    acc.relation_source.add(rel(true), pred.len(), gold.len());
}

/// Agreement on an article annotated more than once: every annotation scored against every
/// other, in both directions, into `annotators` (their pairwise agreement, the ceiling a tool is
/// measured under), and `pred` against each annotation into `tool`. Each adds one document.
pub fn score_agreement(
    text: &str,
    annotations: &[Vec<Relation>],
    pred: &[Relation],
    annotators: &mut Scores,
    tool: &mut Scores,
) {
    let (docs_a, docs_t) = (annotators.documents, tool.documents);
    for (i, gold) in annotations.iter().enumerate() {
        for (j, other) in annotations.iter().enumerate() {
            if i != j {
                score_document(text, gold, other, annotators);
            }
        }
        score_document(text, gold, pred, tool);
    }
    annotators.documents = docs_a + 1;
    tool.documents = docs_t + 1;
}

/// One entry of the seeds' `gold.json`.
#[derive(Clone, Debug, Deserialize)]
pub struct SeedGold {
    /// Entry id ("004-03").
    pub id: String,
    /// Document stem.
    pub doc: String,
    /// Speaker as written (empty when no source is given).
    pub speaker: String,
    /// The entity it refers to.
    pub speaker_canonical: String,
    /// Other acceptable names.
    #[serde(default)]
    pub speaker_alternates: Vec<String>,
    /// Content as written.
    pub content: String,
    /// An attitude rather than a speech act.
    #[serde(default)]
    pub borderline: bool,
}

fn seed_words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The words of a name, lower-cased, for whole-word matching: runs of letters and digits, with a
/// possessive `'s`/`’s` dropped ("NBC’s" → "nbc") and quote marks ignored.
fn name_words(s: &str) -> Vec<String> {
    let s = s.to_lowercase();
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        .flat_map(|w| w.split(['\'', '’']))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `needle`'s words occur, in order and adjacent, among `hay`'s.
fn contains_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Seed matching rule: the claim's content shares at least half of its words with the gold
/// content (and covers at least half of the gold's), and its source text or speaker name contains,
/// or is contained in, the gold speaker, its canonical name or an alternate, as whole words
/// (case-insensitive, a possessive `'s` ignored: "he" does not match "the", "NBC" matches "NBC’s
/// sources").
pub fn seed_match(content: &str, source: &str, speaker: &str, gold: &SeedGold) -> bool {
    let (a, b) = (seed_words(content), seed_words(&gold.content));
    let inter = a.intersection(&b).count();
    if a.is_empty() || inter * 2 < a.len() || inter * 2 < b.len() {
        return false;
    }
    let mine = [name_words(source), name_words(speaker)];
    let theirs: Vec<Vec<String>> = std::iter::once(&gold.speaker)
        .chain(std::iter::once(&gold.speaker_canonical))
        .chain(gold.speaker_alternates.iter())
        .map(|s| name_words(s))
        .collect();
    if name_words(&gold.speaker).is_empty() && mine[0].is_empty() {
        return true;
    }
    mine.iter().any(|m| theirs.iter().any(|t| contains_words(m, t) || contains_words(t, m)))
}

/// Result of scoring the seed articles.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SeedReport {
    /// Non-borderline gold attributions.
    pub gold: usize,
    /// Of those, found with the right speaker.
    pub found: usize,
    /// Claims that match no gold entry (borderline included).
    pub unmatched: usize,
    /// Ids of the gold entries missed.
    pub missed: Vec<String>,
    /// Texts of the unmatched claims.
    pub spurious: Vec<String>,
}

/// Scores analyses of seed documents (`(stem, text, analysis)`) against `gold`.
pub fn score_seeds(docs: &[(String, String, Analysis)], gold: &[SeedGold]) -> SeedReport {
    use super::export::spans_text;
    let mut rep = SeedReport::default();
    for (stem, text, analysis) in docs {
        let g: Vec<&SeedGold> = gold.iter().filter(|g| &g.doc == stem).collect();
        let claims: Vec<(String, String, String)> = analysis
            .claims
            .iter()
            .map(|c| {
                let speaker = c
                    .speaker
                    .and_then(|s| analysis.speakers.get(s as usize))
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                let mut source = spans_text(text, &c.source);
                if let Some(v) = &c.via {
                    source = format!("{source} / {}", spans_text(text, &v.source));
                }
                (spans_text(text, &c.content), source, speaker)
            })
            .collect();
        for entry in g.iter().filter(|g| !g.borderline) {
            rep.gold += 1;
            if claims.iter().any(|(c, s, sp)| seed_match(c, s, sp, entry)) {
                rep.found += 1;
            } else {
                rep.missed.push(entry.id.clone());
            }
        }
        for (c, s, sp) in &claims {
            let ok = g.iter().any(|entry| {
                seed_match(c, s, sp, entry) || seed_match(c, s.split(" / ").nth(1).unwrap_or(""), sp, entry)
            });
            if !ok {
                rep.unmatched += 1;
                rep.spurious.push(format!("{s} | {c}"));
            }
        }
    }
    rep
}
