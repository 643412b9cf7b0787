//! The extraction engine: text in, [`Analysis`] out. Pure Rust, no I/O, no web dependency.
//!
//! [`analyze`] is the only place that orders the stages:
//!
//! 1. [`segment`]: tokens and paragraphs;
//! 2. [`boilerplate`]: scraped-page debris, marked and skipped;
//! 3. [`segment`] + [`quotes`]: sentences, quotations paired, sentences merged so that no
//!    quotation straddles two;
//! 4. [`attribution`]: cues (from the [`lexicon`]), their sources and contents, chains;
//! 5. [`speakers`]: mentions described and clustered into speakers;
//! 6. assembly into the output [`model`], claims in document order.
//!
//! **Invariants.** `analyze` never panics and never fails: odd input yields fewer claims and a
//! [`Diagnostic`]. Every [`Span`] is a half-open byte range into the text given, on `char`
//! boundaries.

pub mod attribution;
pub mod boilerplate;
pub mod compare;
pub mod eval;
pub mod export;
pub mod lexicon;
pub mod model;
pub mod quotes;
pub mod segment;
pub mod span;
pub mod speakers;
pub mod words;

pub use model::*;
pub use span::Span;

use attribution::{Doc, RawClaim};

/// Analyse one article with the engine's model ([`Mode::Hybrid`]). Never panics, never fails.
pub fn analyze(text: &str) -> Analysis {
    run(text, Mode::Hybrid, None)
}

/// [`analyze`] in the given mode.
pub fn analyze_with(text: &str, mode: Mode) -> Analysis {
    run(text, mode, None)
}

/// [`analyze`], and what happened to every cue candidate: the rule that made a claim of it or
/// the veto that dropped it (`whosaid analyze --explain`), in document order.
pub fn explain(text: &str) -> (Analysis, Vec<attribution::Trace>) {
    explain_with(text, Mode::Hybrid)
}

/// [`explain`] in the given mode.
pub fn explain_with(text: &str, mode: Mode) -> (Analysis, Vec<attribution::Trace>) {
    let mut trace = Vec::new();
    let analysis = run(text, mode, Some(&mut trace));
    (analysis, trace)
}

/// How claims are found.
#[derive(Clone, Copy, Debug, Default)]
pub enum Mode {
    /// The rules alone (the lexicon and the hand-written rules).
    Rules,
    /// The rules, revised by the learned model compiled into the engine
    /// ([`attribution::learned`]); the rules alone if it does not read.
    #[default]
    Hybrid,
    /// The rules revised by the given model (training and tuning).
    With(&'static attribution::learned::Model),
}

impl Mode {
    fn model(self) -> Option<&'static attribution::learned::Model> {
        match self {
            Mode::Rules => None,
            Mode::Hybrid => attribution::learned::embedded(),
            Mode::With(m) => Some(m),
        }
    }
}

/// The token-level structures of stages 1–3, from which the [`Doc`] of stage 4 is borrowed.
pub(crate) struct Prepared {
    pub(crate) tokens: Vec<segment::Token>,
    pub(crate) paragraphs: Vec<segment::Paragraph>,
    pub(crate) debris: boilerplate::Boilerplate,
    pub(crate) quotes: Vec<quotes::Quote>,
    pub(crate) inside: Vec<Option<u32>>,
    pub(crate) sentences: Vec<segment::Sentence>,
}

impl Prepared {
    /// Stages 1–3 on `text`.
    pub(crate) fn new(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Prepared {
        // 1. tokens, paragraphs
        let tokens = segment::tokenize(text);
        let paragraphs = segment::paragraphs(text, &tokens);
        // 2. debris
        let debris = boilerplate::find(text, &paragraphs);
        // 3. sentences and quotations
        let quotes = quotes::pair(text, &tokens, &paragraphs, diagnostics);
        let inside = quotes::inside_map(tokens.len(), &quotes);
        let sentences = segment::sentences(text, &tokens, &paragraphs);
        let sentences = quotes::merge_sentences(text, &tokens, sentences, &inside);
        Prepared { tokens, paragraphs, debris, quotes, inside, sentences }
    }

    pub(crate) fn doc<'a>(&'a self, text: &'a str) -> Doc<'a> {
        Doc {
            text,
            toks: &self.tokens,
            paragraphs: &self.paragraphs,
            sentences: &self.sentences,
            quotes: &self.quotes,
            inside: &self.inside,
            boiler_para: &self.debris.whole,
            para_skip_until: &self.debris.skip_until,
        }
    }
}

fn run(text: &str, mode: Mode, trace: Option<&mut Vec<attribution::Trace>>) -> Analysis {
    let mut diagnostics = check_input(text);
    let prep = Prepared::new(text, &mut diagnostics);
    // 4. claims
    let raw = attribution::extract_with(&prep.doc(text), &attribution::LexiconTagger, mode.model(), trace);
    let stats = Stats {
        bytes: text.len(),
        words: prep.tokens.iter().filter(|t| t.kind == segment::TokKind::Word).count(),
        sentences: prep.sentences.len(),
        paragraphs: prep.paragraphs.len(),
    };
    let boilerplate = prep.debris.spans.clone();
    // The token-level structures are done with: free them before clustering (memory stays a
    // small multiple of the input however many speakers there are).
    drop(prep);
    // 5 + 6. speakers and assembly
    let (speakers, claims) = assemble(text, raw);
    if !text.trim().is_empty() && claims.is_empty() && stats.words > 30 {
        diagnostics.push(Diagnostic {
            level: Level::Info,
            code: "no_claims".into(),
            message: "no attributed claims found".into(),
            span: None,
        });
    }
    Analysis { speakers, claims, boilerplate, diagnostics, stats }
}

fn check_input(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut push = |level, code: &str, message: String| {
        out.push(Diagnostic { level, code: code.into(), message, span: None });
    };
    if text.trim().is_empty() {
        push(Level::Warning, "empty_input", "the text is empty".into());
        return out;
    }
    let mut cut = text.len().min(4096);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let lower = head.to_ascii_lowercase();
    if lower.contains("<html") || lower.contains("<body") || lower.contains("<div") || lower.contains("<p>") {
        push(
            Level::Warning,
            "looks_like_html",
            "the text looks like HTML markup; paste the article text, or drop the .html file to extract it".into(),
        );
    }
    let n_replacement = text.matches('\u{FFFD}').count();
    if n_replacement > 0 {
        push(
            Level::Warning,
            "replacement_characters",
            format!("{n_replacement} undecodable character(s) (U+FFFD) in the text"),
        );
    }
    let n_control = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    if n_control > 0 {
        push(Level::Warning, "control_characters", format!("{n_control} control character(s): is this a binary file?"));
    }
    out
}

fn assemble(text: &str, mut raw: Vec<RawClaim>) -> (Vec<Speaker>, Vec<Claim>) {
    // Identical claims (same cue) keep the first.
    let mut seen = rustc_hash::FxHashSet::default();
    let mut keep = vec![true; raw.len()];
    for (i, c) in raw.iter().enumerate() {
        if !seen.insert((c.cue.first().copied(), c.content.first().copied())) {
            keep[i] = false;
        }
    }
    // Mentions to cluster: sources and intermediaries.
    // (A source's scope: the hull of its claim's content; an intermediary's: none.)
    let mut mention_spans = Vec::new();
    let mut scopes = Vec::new();
    let mut source_ix = vec![None; raw.len()];
    let mut via_ix = vec![None; raw.len()];
    for (i, c) in raw.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        if let Some(s) = c.source {
            source_ix[i] = Some(mention_spans.len());
            mention_spans.push(s);
            let hull = c.content.iter().fold(None, |h: Option<Span>, s| {
                Some(h.map_or(*s, |h| Span::new(h.start.min(s.start), h.end.max(s.end))))
            });
            scopes.push(hull.unwrap_or_default());
        }
        if let Some(v) = c.via.as_ref().and_then(|v| v.source) {
            via_ix[i] = Some(mention_spans.len());
            mention_spans.push(v);
            scopes.push(Span::default());
        }
    }
    let clusters = speakers::cluster_scoped(text, &mention_spans, &scopes);
    let mut speaker_of: Vec<Option<u32>> =
        (0..raw.len()).map(|i| source_ix[i].map(|m| clusters.of_mention[m])).collect();
    for i in 0..raw.len() {
        if speaker_of[i].is_none() {
            if let Some(attribution::RawId(j)) = raw[i].inherit_from {
                speaker_of[i] = speaker_of.get(j as usize).copied().flatten();
            }
        }
    }
    let order: Vec<usize> = (0..raw.len()).filter(|&i| keep[i]).collect();
    let claims: Vec<Claim> = order
        .iter()
        .enumerate()
        .map(|(id, &i)| {
            let c = &mut raw[i];
            // Taken, not copied: the raw claims' memory goes as the claims are built.
            let mut content = std::mem::take(&mut c.content);
            content.iter_mut().for_each(|s| *s = s.trim(text));
            content.retain(|s| !s.is_empty());
            speakers::sort_spans(&mut content);
            let via = c.via.take().map(|v| Via {
                speaker: via_ix[i].map(|m| clusters.of_mention[m]),
                source: v.source.into_iter().collect(),
                cue: v.cue,
            });
            Claim {
                id: id as u32,
                kind: c.kind,
                content,
                cue: std::mem::take(&mut c.cue),
                source: c.source.into_iter().collect(),
                speaker: speaker_of[i],
                stance: c.stance,
                via,
                confidence: (c.confidence * 100.0).round() / 100.0,
            }
        })
        .collect();
    // Document order of the final (trimmed, sorted) content, then of the cue; ids follow it.
    // (Two stable passes of the one index sort the engine instantiates, not a sort of its own.)
    let first = |spans: &[Span]| spans.first().map_or(0, |s| s.start);
    let mut by: Vec<usize> = (0..claims.len()).collect();
    speakers::sort_by(&mut by, &|k| first(&claims[k].cue));
    speakers::sort_by(&mut by, &|k| first(&claims[k].content));
    let mut claims = speakers::permuted(claims, &by);
    for (id, c) in claims.iter_mut().enumerate() {
        c.id = id as u32;
    }
    (clusters.speakers, claims)
}
