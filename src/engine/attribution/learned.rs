//! The learned half of the hybrid attribution model: the rules propose, two linear labellers
//! over hashed features decide.
//!
//! 1. The **cue tagger** labels every token of a sentence O / B / I (a cue's first and later
//!    words), reading the words around it, the lexicon's prior and what the rules made of the
//!    token (a claim's cue, a veto and its reason) as features. A cue the rules missed becomes a
//!    candidate; a rule claim whose cue the tagger rejects with a wide margin is dropped.
//! 2. The **role tagger** runs once per new cue over the cue's sentence and its neighbours and
//!    labels each token source / content / neither, conditioned on the cue (distance, direction,
//!    commas and sentence breaks in between, the cue's lemma).
//! 3. **Joint acceptance**: a new cue is kept only with a content.
//!
//! The weights are a flat little-endian file ([`Model::read`]) written by `whosaid train`
//! ([`train`]); the engine embeds `model/whosaid.model` at compile time.

pub(crate) mod features;
pub mod linear;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use super::trace::{Outcome, Trace};
use super::view::Ctx;
use super::{RawClaim, RawId, Veto};
use crate::engine::lexicon::CueClass;
use crate::engine::model::{ClaimKind, Stance};
use crate::engine::span::Span;
use crate::engine::words::{self, class};
use features::{CueCtx, Marks, Tokens};
use linear::{Linear, Reader};

/// Cue labels.
pub(crate) const O: usize = 0;
pub(crate) const B: usize = 1;
pub(crate) const I: usize = 2;
/// Role labels: source begin / inside, content begin / inside.
pub(crate) const SB: usize = 1;
pub(crate) const SI: usize = 2;
pub(crate) const CB: usize = 3;
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(crate) const CI: usize = 4;
/// The rules whose claims' source and content the role tagger re-tags: the verbs of saying
/// (the constructions — headlines, "according to", hedges, chains — keep the rules' roles).
const RETAGGED: &[&str] =
    &["subject", "apposition", "coordinated", "inverted", "participle", "first-phrase", "passive"];
/// How far (in tokens) a role window reaches either side of its cue.
pub(crate) const REACH: usize = 40;

const MAGIC: &[u8; 4] = b"WSAM";
const FORMAT: u32 = 1;

/// The trained model: both labellers and the decision thresholds.
#[derive(Clone, Debug)]
pub struct Model {
    /// The cue tagger (3 labels).
    pub cue: Linear,
    /// The role tagger (5 labels).
    pub role: Linear,
    /// A rule claim is dropped when its cue's best B-minus-O emission is below `-drop_margin`.
    pub drop_margin: i32,
}

/// The engine's model: natively the one compiled in (`model/whosaid.model`); in wasm the one the
/// host [`install`]ed (the app's worker fetches the file once, so the app's code stays small),
/// until then none (the rules alone).
pub fn embedded() -> Option<&'static Model> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        MODEL.get_or_init(|| Model::read(include_bytes!("../../../model/whosaid.model"))).as_ref()
    }
    #[cfg(target_arch = "wasm32")]
    {
        MODEL.get().and_then(Option::as_ref)
    }
}

static MODEL: std::sync::OnceLock<Option<Model>> = std::sync::OnceLock::new();

/// Installs the engine's model from a model file's bytes (wasm hosts); `false` when they are
/// not a model for this engine's features, or a model is already installed.
pub fn install(bytes: Vec<u8>) -> bool {
    install_static(Box::leak(bytes.into_boxed_slice()))
}

/// [`install`] from bytes that live for the program (a model compiled into a wasm package).
pub fn install_static(bytes: &'static [u8]) -> bool {
    match Model::read(bytes) {
        Some(m) => MODEL.set(Some(m)).is_ok(),
        None => false,
    }
}

impl Model {
    /// Reads a model file; `None` when it is not one, or was trained on other features.
    pub fn read(bytes: &'static [u8]) -> Option<Model> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC || r.u32()? != FORMAT || r.u32()? != features::VERSION {
            return None;
        }
        let drop_margin = r.i32()?;
        let cue = Linear::read(&mut r)?;
        let role = Linear::read(&mut r)?;
        (cue.labels() == 3 && role.labels() == 5 && r.at == bytes.len()).then_some(Model { cue, role, drop_margin })
    }

    /// The model file's bytes.
    pub fn write(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&features::VERSION.to_le_bytes());
        out.extend_from_slice(&self.drop_margin.to_le_bytes());
        self.cue.write(&mut out);
        self.role.write(&mut out);
        out
    }

    /// Cue labels of tokens `a..b`, and per token the B-minus-O emission margin.
    pub(crate) fn tag_cues(&self, t: &Tokens, a: usize, b: usize) -> (Vec<usize>, Vec<i32>) {
        let mut em = vec![0i32; (b - a) * 3];
        if self.cue.labels() == 3 {
            let add = self.cue.adder::<3>();
            for (k, i) in (a..b).enumerate() {
                let mut s = [0; 3];
                features::cue(t, i, &mut |f| add(f, &mut s));
                em[k * 3..k * 3 + 3].copy_from_slice(&s);
            }
        }
        let margin = (0..b - a).map(|k| em[k * 3 + B].max(em[k * 3 + I]) - em[k * 3 + O]).collect();
        (self.cue.viterbi(&em), margin)
    }

    /// Role labels of the window `c.a..b` for the cue `c`.
    pub(crate) fn tag_roles(&self, t: &Tokens, c: &CueCtx<'_>, b: usize) -> Vec<usize> {
        let mut em = vec![0i32; (b - c.a) * 5];
        if self.role.labels() == 5 {
            let add = self.role.adder::<5>();
            for (k, j) in (c.a..b).enumerate() {
                let mut s = [0; 5];
                features::role(t, c, j, &mut |f| add(f, &mut s));
                em[k * 5..k * 5 + 5].copy_from_slice(&s);
            }
        }
        self.role.viterbi(&em)
    }
}

/// Runs of B I* in `labels` (offset by `a`) as token ranges.
pub(crate) fn cue_runs(labels: &[usize], a: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, &l) in labels.iter().enumerate() {
        match (l, start) {
            (B, Some(s)) => {
                out.push((a + s, a + k));
                start = Some(k);
            }
            (B | I, None) => start = Some(k),
            (O, Some(s)) => {
                out.push((a + s, a + k));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((a + s, a + labels.len()));
    }
    out
}

/// The role window of the cue at tokens `c0..c1`, with the rules' roles of `rule` (its claim).
pub(crate) fn cue_ctx_parts(
    ctx: &Ctx<'_>,
    t: &Tokens,
    c0: usize,
    c1: usize,
    rule: Option<&RawClaim>,
) -> (usize, usize, Vec<bool>, Vec<bool>, Vec<u16>) {
    let (a, b) = features::role_window(t, c0, c1, REACH);
    let inside = |spans: &[Span], k: usize| {
        let s = ctx.tok(k).span;
        spans.iter().any(|x| x.contains(s) && !s.is_empty())
    };
    let src: Vec<Span> = rule.and_then(|r| r.source).into_iter().collect();
    let cont: &[Span] = rule.map_or(&[], |r| &r.content);
    let rs = (a..b).map(|k| inside(&src, k)).collect();
    let rc = (a..b).map(|k| inside(cont, k)).collect();
    let mut commas = Vec::with_capacity(b - a + 1);
    let mut n = 0u16;
    for k in a..b {
        commas.push(n);
        if ctx.is_punct(k, ',') {
            n = n.saturating_add(1);
        }
    }
    (a, b, rs, rc, commas)
}

/// Source and content spans from role labels of the window starting at `a`, for the cue
/// `c0..c1`: the source is the source run nearest the cue; the content every content run.
pub(crate) fn roles_to_spans(
    ctx: &Ctx<'_>,
    labels: &[usize],
    a: usize,
    c0: usize,
    c1: usize,
) -> (Option<Span>, Vec<Span>) {
    let mut runs: Vec<(bool, usize, usize)> = Vec::new();
    for (k, &l) in labels.iter().enumerate() {
        let i = a + k;
        if (c0..c1).contains(&i) {
            continue;
        }
        let is_src = matches!(l, SB | SI);
        let begin = matches!(l, SB | CB);
        if l == O {
            continue;
        }
        match runs.last_mut() {
            Some((s, _, e)) if *s == is_src && *e == i && !begin => *e = i + 1,
            _ => runs.push((is_src, i, i + 1)),
        }
    }
    let dist = |(_, s, e): &(bool, usize, usize)| if *e <= c0 { c0 - e } else { s.saturating_sub(c1) };
    let trim = |s: Span| s.trim_by(ctx.d.text, &|c| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–'));
    let source = runs.iter().filter(|r| r.0).min_by_key(|r| dist(r)).map(|&(_, s, e)| trim(ctx.span(s, e)));
    let content = runs
        .iter()
        .filter(|r| !r.0 && (r.1..r.2).any(|k| ctx.is_word(k)))
        .map(|&(_, s, e)| trim(ctx.span(s, e)))
        .filter(|s| !s.is_empty())
        .collect();
    (source.filter(|s| !s.is_empty()), content)
}

/// Sentence windows per chunk of work: the token rows of a chunk (and its [`MARGIN`]) are built,
/// used and dropped before the next, so the model's memory does not grow with the document.
const CHUNK_TOKENS: usize = 4096;
/// Sentence windows either side of a chunk whose rows are built too: the role tagger reads the
/// cue's neighbouring sentences, the features two tokens either side.
pub(crate) const MARGIN: usize = 2;

/// The chunks of `ctx`'s sentence windows: `(first, end)` ranges of about [`CHUNK_TOKENS`].
pub(crate) fn chunks(ctx: &Ctx<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut s0, mut n) = (0, 0);
    for (k, s) in ctx.sents.iter().enumerate() {
        n += s.tok_end.saturating_sub(s.tok_start);
        if n >= CHUNK_TOKENS {
            out.push((s0, k + 1));
            (s0, n) = (k + 1, 0);
        }
    }
    if s0 < ctx.sents.len() {
        out.push((s0, ctx.sents.len()));
    }
    out
}

/// The first token index at or after byte `pos`.
/// Revises the rules' `claims` with the model: drops rule claims whose cue it rejects, re-tags
/// the source and content of the others, adds the claims of cues the rules missed (the rules'
/// `vetoes` are features). What it did is appended to `trace` when there is one.
pub(crate) fn revise(
    ctx: &Ctx<'_>,
    model: &Model,
    claims: &mut Vec<RawClaim>,
    vetoes: &[Veto],
    mut trace: Option<&mut Vec<Trace>>,
) {
    let marks = Marks::new(ctx, claims, vetoes);
    // Rule claims by the token their first cue span starts at, and the claim of each cue token.
    // (Built in claim order and sorted stably by token: as sorting the pairs, with the engine's
    // one sort.)
    let pairs: Vec<(usize, usize)> =
        claims.iter().enumerate().filter_map(|(k, c)| c.cue.first().map(|s| (ctx.tok_at(s.start), k))).collect();
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    crate::engine::speakers::sort_by(&mut order, &|i| pairs[i].0);
    let by_cue_tok: Vec<(usize, usize)> = order.iter().map(|&i| pairs[i]).collect();
    let mut owner = vec![u32::MAX; ctx.d.toks.len()];
    for (k, c) in claims.iter().enumerate() {
        for s in &c.cue {
            let (a, b) = (ctx.tok_at(s.start), ctx.tok_at(s.end));
            owner.get_mut(a..b.max(a)).unwrap_or_default().fill(k as u32);
        }
    }
    let mut keep = vec![true; claims.len()];
    let mut added = Vec::new();
    for (s0, s1) in chunks(ctx) {
        let t = Tokens::new(ctx, &marks, s0.saturating_sub(MARGIN), s1 + MARGIN);
        for si in s0..s1 {
            let sent = &ctx.sents[si];
            if ctx.d.boiler_para.get(sent.para).copied().unwrap_or(false) {
                continue;
            }
            let a = ctx.skip_until(sent);
            let b = sent.tok_end;
            if a >= b {
                continue;
            }
            let (labels, margin) = model.tag_cues(&t, a, b);
            // Rule claims with a cue in this sentence: dropped when the model rejects every
            // word of every part of the cue.
            let from = by_cue_tok.partition_point(|&(i, _)| i < a);
            for &(i, k) in by_cue_tok[from..].iter().take_while(|&&(i, _)| i < b) {
                let toks = claims[k].cue.iter().flat_map(|s| ctx.tok_at(s.start)..ctx.tok_at(s.end));
                let (mut any, mut best) = (false, i32::MIN);
                for x in toks.filter(|x| (a..b).contains(x)) {
                    any |= labels.get(x - a).is_some_and(|&l| l != O);
                    best = best.max(margin.get(x - a).copied().unwrap_or(0));
                }
                let quoted = matches!(claims[k].kind, ClaimKind::Direct | ClaimKind::Mixed);
                if !any && best < -model.drop_margin && RETAGGED.contains(&claims[k].rule) && !quoted {
                    keep[k] = false;
                    if let Some(t) = trace.as_deref_mut() {
                        t.push(event(ctx, i, Outcome::Veto("dropped by the model"), None));
                    }
                }
            }
            for (c0, c1) in cue_runs(&labels, a) {
                let rule = (c0..c1).find_map(|k| owner.get(k).copied().filter(|&o| o != u32::MAX));
                if let Some(k) = rule {
                    retag(ctx, model, &t, c0, c1, &mut claims[k as usize]);
                    continue;
                }
                if (c0..c1).all(|k| !ctx.is_word(k) && !ctx.is_punct(k, ':')) && !is_dash(ctx, c0) {
                    continue;
                }
                let (source, content) = roles(ctx, model, &t, c0, c1, None);
                let source = source.and_then(|s| before_verb(ctx, s));
                if !acceptable(ctx, c0, c1, source, &content) {
                    continue;
                }
                let m = (c0..c1).map(|k| margin.get(k - a).copied().unwrap_or(0)).max().unwrap_or(0);
                let claim = new_claim(ctx, c0, c1, source, content, si, m);
                if let Some(t) = trace.as_deref_mut() {
                    t.push(event(ctx, c0, Outcome::Claim("model"), Some(&claim)));
                }
                added.push(claim);
            }
        }
    }
    drop_claims(claims, &keep);
    claims.extend(added);
}

/// The rules' claim `c` of the cue `c0..c1`: its source and content as the role tagger reads
/// them (verbs of saying only; a direct quotation keeps its content, a chain or an inherited
/// speaker its roles).
fn retag(ctx: &Ctx<'_>, model: &Model, t: &Tokens, c0: usize, c1: usize, c: &mut RawClaim) {
    if c.inherit_from.is_some() || c.via.is_some() || !RETAGGED.contains(&c.rule) || c.kind == ClaimKind::Belief {
        return;
    }
    let (source, mut content) = roles(ctx, model, t, c0, c1, Some(c));
    // The tagger redraws the rules' source, it does not move it elsewhere ("David Kamin, an
    // outside adviser …, said": not the apposition alone).
    let moved = matches!((c.source, source), (Some(r), Some(m)) if !r.overlaps(m));
    // Nor does it cut a speaker's head off at a possessive ("Labour's shadow health secretary"
    // is not "Labour's"; but "Trump's false [claims]" is Trump's).
    let last_word = |s: Span| s.text(ctx.d.text).rsplit(' ').next().unwrap_or("").to_lowercase();
    let beheaded = matches!((c.source, source), (Some(r), Some(m)) if m.end < r.end
        && words::is_possessive(&last_word(m))
        && ctx.lex.role(&last_word(r)).is_some_and(|k| k != crate::engine::model::SpeakerKind::Document));
    let rule_source = c.source;
    let source = source.and_then(|s| before_verb(ctx, s));
    if source.is_some_and(|s| plausible_source(ctx, s)) && !moved && !beheaded {
        c.source = source;
    }
    // Never a content that is the source ("Carter however said …"), nor one inside the rules'
    // source ("Two aides, who asked not to be identified because the talks are private, said").
    content.retain(|s| ![c.source, rule_source].iter().flatten().any(|src| src.overlaps(*s)));
    if !content.is_empty() && c.kind != ClaimKind::Direct {
        c.content = content;
    }
}

/// The role tagger's source and content for the cue at `c0..c1` (`rule`: the rules' claim of it).
fn roles(
    ctx: &Ctx<'_>,
    model: &Model,
    t: &Tokens,
    c0: usize,
    c1: usize,
    rule: Option<&RawClaim>,
) -> (Option<Span>, Vec<Span>) {
    let (a, b, rs, rc, commas) = cue_ctx_parts(ctx, t, c0, c1, rule);
    let lemma = features::cue_lemma(t, c0);
    let cc = CueCtx { c0, c1, lemma, rule_source: &rs, rule_content: &rc, by_rule: rule.is_some(), a, commas: &commas };
    let labels = model.tag_roles(t, &cc, b);
    roles_to_spans(ctx, &labels, a, c0, c1)
}

/// A source the tagger ran into its own clause ends before the clause's verb: "no one [could]",
/// "The two [taped an hourlong]", "The Clinton campaign [released an ad this week]" — a modal
/// or "did" ([`words::MORE_FINITE_VERBS`], "would", "will") or a past tense taking an object,
/// after the first word and before any relative pronoun. `None` when nothing is left.
fn before_verb(ctx: &Ctx<'_>, s: Span) -> Option<Span> {
    let (a, b) = (ctx.tok_at(s.start), ctx.tok_at(s.end));
    for k in a..b {
        // "Ann Compton, who covered the White House": a relative clause belongs to the source.
        if ["who", "whom", "whose", "which", "that"].iter().any(|w| ctx.low_is(k, w)) {
            return Some(s);
        }
        if k == a || !ctx.is_word(k) || ctx.tok(k).cap {
            continue;
        }
        let modal = ctx.is_a(k, class::MORE_FINITE_VERBS) || ctx.low_is(k, "would") || ctx.low_is(k, "will");
        // "emails released this week", "a host considered one of the most influential".
        let past = ctx.word(k).ends_with("ed")
            && !ctx.is_a(k, class::PARTICIPLE_ADJECTIVES)
            && ctx.is_a(k + 1, class::DETERMINERS)
            && !ctx.low_is(k + 1, "this")
            && !ctx.low_is(k + 1, "one");
        if modal || (past && k + 1 < b) {
            let mut e = k;
            while e > a && !ctx.is_word(e - 1) {
                e -= 1;
            }
            return (e > a).then(|| ctx.span(a, e));
        }
    }
    Some(s)
}

/// A trace entry for what the model did at token `i`.
fn event(ctx: &Ctx<'_>, i: usize, outcome: Outcome, claim: Option<&RawClaim>) -> Trace {
    let entry = ctx.cue_entry(i);
    Trace {
        at: claim.and_then(|c| c.cue.first().copied()).unwrap_or(ctx.tok(i).span),
        lemma: entry.map_or("", |e| e.lemma),
        class: entry.map(|e| e.class),
        prior: entry.map_or(0.0, |e| e.prior),
        outcome,
        source: claim.and_then(|c| c.source),
        content: claim.map(|c| c.content.clone()).unwrap_or_default(),
    }
}

/// Joint acceptance of a cue the rules missed: it needs a content and a source that is not the
/// writer ("I think …" is the article's own voice); a word the lexicon does not know as a cue
/// needs a content that reads as a report (quoted, after "that", "whether", "to" or a colon, or
/// with a verb), not a thing ("published the report").
fn acceptable(ctx: &Ctx<'_>, c0: usize, c1: usize, source: Option<Span>, content: &[Span]) -> bool {
    let (Some(src), Some(first), Some(last)) = (source, content.first(), content.last()) else {
        return false;
    };
    let src_tok = ctx.tok_at(src.start);
    // "Secret Service [protocol called for]": the cue's words before its first cue word, right
    // after the source, are the source's head; the phrase is judged whole.
    let glued = match (c0..c1).position(|k| ctx.cue_entry(k).is_some()) {
        Some(n) if n > 0 && ctx.tok_at(src.end) == c0 => {
            // Not an auxiliary or an adverb ("also", "has", "aggressively"): a noun.
            let noun = (c0..c0 + n).all(|k| !ctx.is_a(k, class::CUE_PREFIX) && !ctx.low(k).ends_with("ly"));
            noun.then(|| ctx.span(src_tok, c0 + n))
        }
        _ => None,
    };
    if !plausible_source(ctx, src)
        || glued.is_some_and(|g| !plausible_source(ctx, g))
        || src.len() <= 2 && ["i", "we", "me", "us", "my", "our"].iter().any(|w| ctx.low_is(src_tok, w))
    {
        return false;
    }
    if super::speech::gate::withholds_name(ctx.d.text, ctx.tok(c1 - 1).span.end, content)
        || (c0..c1).any(|k| super::speech::gate::in_compound(ctx, k))
    {
        return false;
    }
    if (c0..c1).any(|k| ctx.cue_entry(k).is_some()) {
        return true;
    }
    let a = ctx.d.toks.partition_point(|t| t.span.start < first.start);
    let b = ctx.d.toks.partition_point(|t| t.span.start < last.end);
    let quoted = content.iter().any(|s| !ctx.quotes_overlapping(*s).is_empty());
    let marked =
        ["that", "whether", "if", "to"].iter().any(|w| ctx.low_is(a, w) || ctx.low_is(c1, w)) || ctx.is_punct(c1, ':');
    let verb = (a..b).any(|k| ctx.is_a(k, class::FINITE_VERBS | class::MORE_FINITE_VERBS));
    quoted || marked || verb
}

/// Words that alone name no speaker: relative pronouns, quantifiers, demonstratives ("that",
/// "all", "One"); the speakers stage could only make junk cards of them.
const NOT_ALONE: &[&str] = &[
    "that", "which", "who", "whom", "whose", "this", "these", "those", "all", "one", "some", "many", "most", "both",
    "each", "either", "neither", "any", "none", "what", "there", "here",
];

/// Can the span `s` be a claim's source: not one of [`NOT_ALONE`] by itself, not a thing the
/// gate already refuses as a speaker ("the chemicals", "Perhaps")?
fn plausible_source(ctx: &Ctx<'_>, s: Span) -> bool {
    let (a, b) = (ctx.tok_at(s.start), ctx.tok_at(s.end));
    if b <= a {
        return false;
    }
    let alone = b == a + 1 && NOT_ALONE.iter().any(|w| ctx.low_is(a, w));
    !(alone || super::speech::gate::no_speaker(ctx, a, b))
}

fn is_dash(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.is_punct_in(i, &['―', '—', '–'])
}

/// A claim of the model's cue `c0..c1`.
fn new_claim(
    ctx: &Ctx<'_>,
    c0: usize,
    c1: usize,
    source: Option<Span>,
    content: Vec<Span>,
    si: usize,
    margin: i32,
) -> RawClaim {
    let entry = (c0..c1).find_map(|k| ctx.cue_entry(k));
    let quoted = |s: &Span| ctx.quotes_overlapping(*s).iter().any(|q| q.inner.overlaps(*s));
    let all_quoted =
        content.iter().all(|s| ctx.quotes_overlapping(*s).iter().any(|q| q.outer.contains(*s) || q.inner.contains(*s)));
    let kind = match entry.map(|e| e.class) {
        Some(CueClass::Belief) => ClaimKind::Belief,
        Some(CueClass::According) => ClaimKind::AccordingTo,
        _ if all_quoted => ClaimKind::Direct,
        _ if content.iter().any(quoted) => ClaimKind::Mixed,
        _ => ClaimKind::Indirect,
    };
    let confidence = (0.5 + margin as f32 / 400.0).clamp(0.3, 0.8);
    RawClaim {
        kind,
        content,
        cue: vec![ctx.span(c0, c1)],
        source,
        stance: entry.map_or(Stance::Neutral, |e| e.stance),
        via: None,
        confidence,
        sentence: si,
        inherit_from: None,
        rule: "model",
    }
}

/// Removes the claims not kept; a claim that inherited its speaker from a removed one takes
/// that claim's source (or what it inherited) instead.
fn drop_claims(claims: &mut Vec<RawClaim>, keep: &[bool]) {
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut new_id = vec![None; claims.len()];
    let mut n = 0u32;
    for (k, &kp) in keep.iter().enumerate() {
        if kp {
            new_id[k] = Some(n);
            n += 1;
        }
    }
    for k in 0..claims.len() {
        let mut hops = 0;
        while let Some(RawId(j)) = claims[k].inherit_from {
            let j = j as usize;
            if keep.get(j).copied().unwrap_or(false) || hops > claims.len() {
                break;
            }
            let (src, inh) = claims.get(j).map_or((None, None), |c| (c.source, c.inherit_from));
            if claims[k].source.is_none() {
                claims[k].source = src;
            }
            claims[k].inherit_from = if claims[k].source.is_some() { None } else { inh };
            hops += 1;
        }
        claims[k].inherit_from =
            claims[k].inherit_from.and_then(|RawId(j)| new_id.get(j as usize).copied().flatten().map(RawId));
    }
    let mut k = 0;
    claims.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_runs_split_at_b_and_o() {
        assert_eq!(cue_runs(&[O, B, I, O, B, B, I], 10), vec![(11, 13), (14, 15), (15, 17)]);
        assert_eq!(cue_runs(&[I, O], 0), vec![(0, 1)]);
        assert!(cue_runs(&[O, O], 0).is_empty());
    }

    #[test]
    fn the_retagged_source_keeps_its_head_and_drops_what_the_rules_kept_out() {
        let t = "Labour's shadow health secretary — who visited a hospital in Leeds on Monday — accused ministers of “sleepwalking into a crisis”.";
        let a = crate::engine::analyze(t);
        let sources: Vec<&str> = a.claims.iter().flat_map(|c| c.source.iter().map(|s| s.text(t))).collect();
        assert_eq!(sources, ["Labour's shadow health secretary"]);
        let t = "Two Senate aides, who asked not to be identified because the talks are private, said the vote could slip into next month.";
        let a = crate::engine::analyze(t);
        assert_eq!(a.claims.len(), 1);
        let content: Vec<&str> = a.claims[0].content.iter().map(|s| s.text(t)).collect();
        assert_eq!(content, ["the vote could slip into next month"]);
    }

    #[test]
    fn a_lone_participle_is_no_source_of_the_model() {
        let t = "She chronicles the deaths that followed, which brought momentum and helped to justify why America cannot be silent.";
        let a = crate::engine::analyze(t);
        assert!(a.claims.iter().all(|c| c.source.iter().all(|s| s.text(t) != "helped")), "{:?}", a.claims);
    }

    #[test]
    fn a_thing_glued_to_a_name_is_no_source_of_the_model() {
        // The rules drop "called" (its subject is a protocol); the model's cue "protocol called
        // for" must not make "Secret Service" the speaker.
        let t = "Secret Service protocol called for the Democratic presidential nominee to be taken to a state-designated Level I Trauma Center in the wake of her health crisis, sources said.";
        let a = crate::engine::analyze(t);
        let sources: Vec<&str> = a.claims.iter().flat_map(|c| c.source.iter().map(|s| s.text(t))).collect();
        assert_eq!(sources, ["sources"]);
    }

    #[test]
    fn a_source_ends_before_its_own_verb() {
        let clip = |text: &str, source: &str| -> Option<String> {
            crate::engine::attribution::with_doc(text, |d| {
                crate::engine::attribution::with_rules(d, |ctx, _, _| {
                    let start = text.find(source).unwrap();
                    before_verb(ctx, Span::new(start, start + source.len())).map(|s| s.text(text).to_string())
                })
            })
        };
        let t = "The two taped an hourlong show that aired on Thursday.";
        assert_eq!(clip(t, "The two taped an hourlong").as_deref(), Some("The two"));
        let t = "No one could have envisioned what happened next.";
        assert_eq!(clip(t, "No one could").as_deref(), Some("No one"));
        // A relative clause, a reduced one and a name are the source's own.
        let t = "Ann Compton, who covered the White House for ABC News, said it was crucial.";
        let who = "Ann Compton, who covered the White House for ABC News";
        assert_eq!(clip(t, who).as_deref(), Some(who));
        let t = "A new batch of emails released this week showed close ties.";
        assert_eq!(
            clip(t, "A new batch of emails released this week").as_deref(),
            Some("A new batch of emails released this week")
        );
        let t = "Reed United the group.";
        assert_eq!(clip(t, "Reed United the group").as_deref(), Some("Reed United the group"));
        let t = "Could he say it?";
        assert_eq!(clip(t, "Could").as_deref(), Some("Could"));
    }

    #[test]
    fn the_embedded_model_reads() {
        let m = embedded().expect("model/whosaid.model is a model for these features");
        assert_eq!(m.cue.labels(), 3);
        assert_eq!(m.role.labels(), 5);
    }

    #[test]
    fn a_model_file_round_trips_and_garbage_is_refused() {
        let m = embedded().unwrap();
        let bytes: &'static [u8] = Box::leak(m.write().into_boxed_slice());
        let back = Model::read(bytes).unwrap();
        assert_eq!(back.drop_margin, m.drop_margin);
        assert!(Model::read(b"WSAM").is_none());
        assert!(Model::read(&bytes[..bytes.len() - 1]).is_none());
    }
}
