//! Stage 4: find cues and link each to its content and source, sentence by sentence.
//!
//! [`extract`] is the one place that orders the work. Per sentence (a long one is cut into
//! windows of at most [`window::MAX_TOKENS`] tokens, so that every rule's work is bounded):
//!
//! 1. the sentence rules ([`rules::SENTENCE_RULES`]): headlines "NBC News: …", "In their
//!    opinion, …", "Asked whether …,";
//! 2. per cue word (from the lexicon through the [`Tagger`] seam; outside quotations): the rule
//!    of its class — [`speech`] (verbs of saying and attitudes: cue framing, source rules,
//!    content rules, one acceptance gate), "according to", "quoted … as saying" / "citing";
//! 3. a sourceless hedge ("reportedly") when nothing else was found.
//!
//! Then the document-wide [`passes`]: particles a cue takes, quotation marks around a content,
//! quotations that continue across paragraphs or follow a content-first quotation, and
//! [`limit`]: no content holds more than a few other claims' cues (linear output on any
//! input).
//!
//! Every cue candidate's fate — the rule that made a claim of it, or the veto that dropped it —
//! can be traced ([`extract_traced`], `whosaid analyze --explain`).

pub(crate) mod clause;
pub(crate) mod content;
pub mod learned;
pub(crate) mod limit;
pub(crate) mod np;
pub(crate) mod passes;
pub(crate) mod rules;
pub(crate) mod speech;
pub mod tagger;
pub mod trace;
pub(crate) mod view;
pub(crate) mod window;

use super::model::{ClaimKind, Stance};
use super::quotes::Quote;
use super::segment::{Paragraph, Sentence, Token};
use super::span::Span;

pub use tagger::{LexiconTagger, Tagger};
pub use trace::{Outcome, Trace};
use view::Ctx;

/// A claim's index in the list [`extract`] returns (claims are only ever appended).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawId(pub u32);

/// A claim before speakers are clustered.
#[derive(Clone, Debug)]
pub struct RawClaim {
    /// How it is reported.
    pub kind: ClaimKind,
    /// Content spans.
    pub content: Vec<Span>,
    /// Cue spans.
    pub cue: Vec<Span>,
    /// The source mention, if any.
    pub source: Option<Span>,
    /// Stance of the main cue.
    pub stance: Stance,
    /// Intermediary of a chain.
    pub via: Option<RawVia>,
    /// 0–1.
    pub confidence: f32,
    /// Sentence index.
    pub sentence: usize,
    /// Take the speaker of this earlier claim (implicit subject, quote continuation).
    pub inherit_from: Option<RawId>,
    /// The rule that made it (for traces).
    pub rule: &'static str,
}

/// The intermediary of a chain before clustering.
#[derive(Clone, Debug)]
pub struct RawVia {
    /// Its mention.
    pub source: Option<Span>,
    /// Its cue.
    pub cue: Vec<Span>,
}

/// Everything the rules look at.
pub struct Doc<'a> {
    /// The original text.
    pub text: &'a str,
    /// Tokens.
    pub toks: &'a [Token],
    /// Paragraphs.
    pub paragraphs: &'a [Paragraph],
    /// Sentences (quotations never straddle two).
    pub sentences: &'a [Sentence],
    /// Quotations.
    pub quotes: &'a [Quote],
    /// For each token, the quotation it is inside of.
    pub inside: &'a [Option<u32>],
    /// Per paragraph: is it boilerplate?
    pub boiler_para: &'a [bool],
    /// Start of the text that is not boilerplate, per paragraph (a glued date prefix).
    pub para_skip_until: &'a [usize],
}

/// One sentence, or one window of a long sentence, as the rules see it.
#[derive(Clone, Copy, Debug)]
pub struct Scope<'s> {
    /// The sentence (window).
    pub sent: &'s Sentence,
    /// Its index in [`Ctx::sents`] (what [`RawClaim::sentence`] holds until `extract` returns).
    pub si: usize,
    /// Its first token that is not boilerplate.
    pub floor: usize,
    /// Its end without the final punctuation.
    pub end: usize,
    /// Index of its first claim in the claim list.
    pub first_claim: usize,
}

/// Find the claims of a document (the rules alone).
pub fn extract(d: &Doc<'_>) -> Vec<RawClaim> {
    extract_with(d, &LexiconTagger, None, None)
}

/// [`extract`], recording every cue candidate's outcome in `trace`.
pub fn extract_traced(d: &Doc<'_>, tagger: &dyn Tagger, trace: &mut Vec<Trace>) -> Vec<RawClaim> {
    extract_with(d, tagger, None, Some(trace))
}

/// Find the claims of a document: the rules with cue candidates from `tagger`, then revised by
/// `model` when there is one; every cue candidate's outcome recorded in `trace` if given.
pub fn extract_with(
    d: &Doc<'_>,
    tagger: &dyn Tagger,
    model: Option<&learned::Model>,
    trace: Option<&mut Vec<Trace>>,
) -> Vec<RawClaim> {
    let (sents, orig) = window::windows(d);
    let ascii_lower = d.text.to_ascii_lowercase();
    let ctx = Ctx::new(d, tagger, &sents, &ascii_lower);
    // The model reads the rules' vetoes: collect them (16 bytes each) when it runs.
    let mut vetoes = Vec::new();
    let want = model.is_some().then_some(&mut vetoes);
    let mut own = Vec::new();
    let mut claims = rules_pass(&ctx, trace.is_some().then_some(&mut own), want);
    if let Some(m) = model {
        learned::revise(&ctx, m, &mut claims, &vetoes, trace.is_some().then_some(&mut own));
    }
    if let Some(t) = trace {
        let mut by: Vec<usize> = (0..own.len()).collect();
        crate::engine::speakers::sort_by(&mut by, &|k| own[k].at.start);
        t.extend(crate::engine::speakers::permuted(own, &by));
    }
    for c in &mut claims {
        c.sentence = orig.get(c.sentence).copied().unwrap_or(c.sentence);
    }
    passes::name_inherited(&mut claims);
    claims
}

/// Runs `f` on the view of `d` and the rules' claims and trace (what the model revises): for
/// training.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn with_rules<R>(d: &Doc<'_>, f: impl FnOnce(&Ctx<'_>, &[RawClaim], &[Veto]) -> R) -> R {
    let (sents, _) = window::windows(d);
    let ascii_lower = d.text.to_ascii_lowercase();
    let ctx = Ctx::new(d, &LexiconTagger, &sents, &ascii_lower);
    let mut vetoes = Vec::new();
    let claims = rules_pass(&ctx, None, Some(&mut vetoes));
    f(&ctx, &claims, &vetoes)
}

/// A cue word the rules dropped, and why (what the model reads of the rules' vetoes).
pub(crate) type Veto = (Span, &'static str);

/// The rules: sentence rules, cue rules, hedges, then the document-wide passes; every cue
/// candidate's outcome in `trace`, the vetoes alone in `vetoes`.
fn rules_pass(ctx: &Ctx<'_>, mut trace: Option<&mut Vec<Trace>>, mut vetoes: Option<&mut Vec<Veto>>) -> Vec<RawClaim> {
    let sents = ctx.sents;
    let d = ctx.d;
    let mut claims: Vec<RawClaim> = Vec::new();
    for (si, sent) in sents.iter().enumerate() {
        if d.boiler_para.get(sent.para).copied().unwrap_or(false) {
            continue;
        }
        let floor = ctx.skip_until(sent);
        if floor >= sent.tok_end {
            continue;
        }
        let s = Scope { sent, si, floor, end: view::clause_end(ctx, sent), first_claim: claims.len() };
        for rule in rules::SENTENCE_RULES {
            let before = claims.len();
            (rule.apply)(ctx, &s, &mut claims);
            if let Some(t) = trace.as_deref_mut() {
                if claims.len() > before {
                    t.push(Trace::sentence_rule(&claims[before], rule.name));
                }
            }
        }
        cues(ctx, &s, &mut claims, trace.as_deref_mut(), vetoes.as_deref_mut());
        if claims.len() == s.first_claim {
            rules::hedge::apply(ctx, &s, &mut claims);
            if let (Some(t), Some(c)) = (trace.as_deref_mut(), claims.get(s.first_claim)) {
                t.push(Trace::sentence_rule(c, "hedge"));
            }
        }
    }
    passes::take_particles(ctx, &mut claims);
    passes::strip_quote_marks(ctx, &mut claims);
    passes::continue_quotes(ctx, &mut claims);
    passes::follow_quotes(ctx, &mut claims);
    limit::nested_cues(ctx, &mut claims);
    claims
}

/// Per cue word of a sentence, left to right, the rule of its class.
fn cues(
    ctx: &Ctx<'_>,
    s: &Scope<'_>,
    claims: &mut Vec<RawClaim>,
    mut trace: Option<&mut Vec<Trace>>,
    mut vetoes: Option<&mut Vec<Veto>>,
) {
    let mut used_until = s.floor;
    let mut i = s.floor;
    while i < s.end {
        if i < used_until || ctx.inside_of(i).is_some() {
            i += 1;
            continue;
        }
        let Some(entry) = ctx.cue_entry(i) else {
            i += 1;
            continue;
        };
        let n_before = claims.len();
        let mut outcome = rules::cue_rule(ctx, s, i, entry, claims);
        if let Some(c) = claims.get_mut(n_before) {
            match ctx.tagger.rescore(c) {
                Some(confidence) => c.confidence = confidence,
                None => {
                    claims.truncate(n_before);
                    outcome = Outcome::Veto("dropped by the tagger's score");
                }
            }
        }
        if let Some(t) = trace.as_deref_mut() {
            t.push(Trace::cue(ctx, i, entry, &outcome, claims.get(n_before)));
        }
        if let (Some(v), Outcome::Veto(why)) = (vetoes.as_deref_mut(), outcome) {
            v.push((ctx.tok(i).span, why));
        }
        if claims.len() > n_before {
            // Never take a cue word of this claim again as another cue.
            used_until = claims
                .last()
                .and_then(|c| c.cue.last())
                .map(|c| (i..s.sent.tok_end).find(|&k| ctx.tok(k).span.start >= c.end).unwrap_or(s.sent.tok_end))
                .unwrap_or(i + 1);
        }
        i += 1;
    }
}

/// Runs `f` on the [`Doc`] of `text` as `analyze` builds it (no boilerplate): for unit tests.
#[cfg(test)]
pub(crate) fn with_doc<R>(text: &str, f: impl FnOnce(&Doc<'_>) -> R) -> R {
    use super::{quotes, segment};
    let toks = segment::tokenize(text);
    let paras = segment::paragraphs(text, &toks);
    let mut diags = Vec::new();
    let qs = quotes::pair(text, &toks, &paras, &mut diags);
    let inside = quotes::inside_map(toks.len(), &qs);
    let sents = segment::sentences(text, &toks, &paras);
    let sents = quotes::merge_sentences(text, &toks, sents, &inside);
    let (boiler, skip) = (vec![false; paras.len()], vec![0; paras.len()]);
    f(&Doc {
        text,
        toks: &toks,
        paragraphs: &paras,
        sentences: &sents,
        quotes: &qs,
        inside: &inside,
        boiler_para: &boiler,
        para_skip_until: &skip,
    })
}

/// The analysis of `text` by the rules alone: the rule tests test the rules, not the model.
#[cfg(test)]
pub(crate) fn rules_only(text: &str) -> super::Analysis {
    super::analyze_with(text, super::Mode::Rules)
}

/// What happened to the cue word `word` (its first occurrence) in `text`, by the rules alone:
/// for the rule tests.
#[cfg(test)]
pub(crate) fn outcome_of(text: &str, word: &str) -> Option<Outcome> {
    let (_, trace) = super::explain_with(text, super::Mode::Rules);
    trace.into_iter().find(|t| t.class.is_some() && t.at.text(text) == word).map(|t| t.outcome)
}
