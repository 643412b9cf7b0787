//! Stage 5: find cues and link each to its content and source, sentence by sentence.
//!
//! For every cue word (from the lexicon, outside quotations, outside boilerplate) the rules
//! below decide, in this order:
//!
//! 1. the cue span: auxiliaries and adverbs before the verb ("has insisted", "went on to claim"),
//!    "according to", "quoted … as saying";
//! 2. the source: the noun phrase before the verb ("State Department … Vedant Patel said"), after
//!    it when inverted ("…,” said Patel"), after "according to", or none (participle clause
//!    "…, reiterating …": the speaker of the sentence's previous claim);
//! 3. the content: after the cue (from "that", a colon or an opening quote when one follows
//!    within a few words, else right after the cue), or before it ("…, NBC alleged.", a quotation
//!    closed just before the source);
//! 4. chains: "citing X" after a cue and "quoted X as saying" make X the source and the subject
//!    the intermediary ([`RawClaim::via`]).
//!
//! Headlines "NBC News: …", "In their opinion, …" and sourceless hedges ("reportedly") have rules
//! of their own. Confidence comes from the cue's prior (mined from PolNeAR train) and the
//! evidence found (an explicit "that", quotation marks, a named source).

use std::borrow::Cow;

use super::lexicon::{lower_into, CueClass, CueEntry, Lexicon, PARTICLES};
use super::model::{ClaimKind, Stance};
use super::quotes::Quote;
use super::segment::{Paragraph, Sentence, TokKind, Token};
use super::span::Span;
use super::words::{self, is};

/// A cue form whose PolNeAR-train precision is below this needs evidence (a "that", a colon,
/// quotation marks, an inverted source) to count.
const MIN_PRIOR: f32 = 0.25;
/// Below this, only an explicit marker ("that", a colon, an opening quote) or inversion will do.
const MIN_PRIOR_WITH_EVIDENCE: f32 = 0.04;

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
    pub inherit_from: Option<usize>,
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

struct Ctx<'a> {
    d: &'a Doc<'a>,
    lex: &'static Lexicon,
    /// Per token: the quotation it opens.
    open_at: Vec<Option<u32>>,
    /// Per token: the quotation it closes.
    close_at: Vec<Option<u32>>,
    /// Per token: its cue entry (looked up once; the rules ask many times).
    cues: Vec<Option<&'static CueEntry>>,
    /// The text with ASCII letters lower-cased (same byte offsets), so most lower-case
    /// words are borrowed slices.
    ascii_lower: &'a str,
}

fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

impl<'a> Ctx<'a> {
    /// The token at `i`; past the end, an empty punctuation token (rules never index out of
    /// bounds, whatever the input).
    #[inline(always)]
    fn tok(&self, i: usize) -> Token {
        self.d.toks.get(i).copied().unwrap_or(Token {
            span: Span::new(self.d.text.len(), self.d.text.len()),
            kind: TokKind::Punct,
            cap: false,
            ch: '\0',
        })
    }
    #[inline(always)]
    fn word(&self, i: usize) -> &'a str {
        self.tok(i).span.text(self.d.text)
    }
    fn low(&self, i: usize) -> Cow<'a, str> {
        let span = self.tok(i).span;
        match self.ascii_lower.get(span.start..span.end) {
            Some(w) if w.is_ascii() => Cow::Borrowed(w),
            _ => lower(self.word(i)),
        }
    }
    #[inline(always)]
    fn is_word(&self, i: usize) -> bool {
        self.tok(i).kind == TokKind::Word
    }
    #[inline(always)]
    fn is_punct(&self, i: usize, c: char) -> bool {
        let t = self.tok(i);
        t.kind == TokKind::Punct && t.ch == c
    }
    fn is_open_quote(&self, i: usize) -> bool {
        self.quote_opening_at(i).is_some_and(|q| q.inner_start < q.inner_end)
    }
    fn quote_closing_at(&self, i: usize) -> Option<&'a Quote> {
        self.close_at.get(i).copied().flatten().map(|q| &self.d.quotes[q as usize])
    }
    fn quote_opening_at(&self, i: usize) -> Option<&'a Quote> {
        self.open_at.get(i).copied().flatten().map(|q| &self.d.quotes[q as usize])
    }
    /// Quotations overlapping `span` (quotations are disjoint and in document order).
    fn quotes_overlapping(&self, span: Span) -> &'a [Quote] {
        let q = self.d.quotes;
        let from = q.partition_point(|x| x.outer.end <= span.start);
        let to = from + q[from..].partition_point(|x| x.outer.start < span.end);
        &q[from..to]
    }
    #[inline(always)]
    fn low_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.word(i).eq_ignore_ascii_case(w)
    }
    #[inline(always)]
    fn cue_entry(&self, i: usize) -> Option<&'static CueEntry> {
        self.cues.get(i).copied().flatten()
    }
    fn is_role(&self, i: usize) -> bool {
        self.lex.role(&self.low(i)).is_some()
    }
    #[inline(always)]
    fn span(&self, a: usize, b: usize) -> Span {
        // tokens a..b (exclusive), b > a
        Span::new(self.tok(a).span.start, self.tok(b.saturating_sub(1)).span.end)
    }

    /// Noun phrase ending right before token `end` (exclusive), not before `floor`.
    fn np_back(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        let mut start = end;
        let mut n_words = 0;
        let mut nominal = false;
        let mut j = end;
        while j > floor {
            let t = j - 1;
            let tok = self.tok(t);
            if tok.kind == TokKind::Punct && tok.ch == ')' && start < end {
                // A parenthesis inside a name: "Rep. Stephen Lynch (D-Mass.) said".
                let lo = t.saturating_sub(8).max(floor);
                if let Some(open) = (lo..t).rev().find(|&x| self.is_punct(x, '(')) {
                    start = open;
                    j = open;
                    continue;
                }
            }
            if tok.kind == TokKind::Punct && tok.ch == ')' && start == end {
                let lo = t.saturating_sub(8).max(floor);
                if let Some(open) = (lo..t).rev().find(|&x| self.is_punct(x, '(')) {
                    if open > floor && self.is_word(open - 1) && self.tok(open - 1).cap {
                        start = open;
                        j = open;
                        continue;
                    }
                }
            }
            // A plural possessive: "the officials’ spokesman".
            if tok.kind == TokKind::Quote
                && matches!(tok.ch, '’' | '\'')
                && start < end
                && t > floor
                && self.is_word(t - 1)
                && self.tok(t - 1).span.end == tok.span.start
            {
                start = t;
                j = t;
                continue;
            }
            if tok.kind != TokKind::Word {
                // A quoted part of a noun phrase: a “high-ranking US official”.
                if tok.kind == TokKind::Quote && start < end {
                    if let Some(q) = self.quote_closing_at(t) {
                        let no_comma = (q.inner_start..q.inner_end).all(|x| !self.is_punct(x, ','));
                        let det_before = q.open_tok > floor
                            && self.is_word(q.open_tok - 1)
                            && is(words::DETERMINERS, &self.low(q.open_tok - 1));
                        if q.inner_end - q.inner_start <= 5 && no_comma && det_before {
                            start = q.open_tok;
                            j = q.open_tok;
                            nominal = true;
                            continue;
                        }
                    }
                }
                break;
            }
            let w = self.low(t);
            if is(words::PRONOUNS, &w) || is(words::INDEFINITE_PRONOUNS, &w) {
                if start == end {
                    return Some((t, t + 1));
                }
                // "Many in the crowd", "some of his advisers": a quantifier heading a partitive;
                // "some officials": a quantifier determining the noun.
                if is(words::INDEFINITE_PRONOUNS, &w)
                    && (matches!(&*self.low(start), "of" | "in" | "among" | "from") || is(words::DETERMINERS, &w))
                {
                    start = t;
                    nominal = true;
                }
                break;
            }
            if start == end && (w.ends_with("’s") || w.ends_with("'s") || w.ends_with('’')) {
                // "Trump’s state": the cue word is a noun here.
                return None;
            }
            if &*w == "and" && start < end && t > floor && self.is_word(t - 1) {
                let before = self.low(t - 1);
                let nounish = self.tok(t - 1).cap
                    || self.is_role(t - 1)
                    || (!is(words::NP_STOP, &before) && !before.ends_with("ed") && !before.ends_with("ly"));
                if nounish {
                    start = t;
                    j = t;
                    continue;
                }
                break;
            }
            // "an adviser to Trump": "to" joins a role noun and a name.
            let role_to = &*w == "to" && t > floor && self.is_role(t - 1) && self.tok(start).cap;
            // "an official familiar with the talks", "a source close to the campaign".
            let postmodifier = matches!(&*w, "with" | "to")
                && start < end
                && t > floor + 1
                && is(words::POSTMODIFIER_ADJECTIVES, &self.low(t - 1))
                && self.is_word(t - 2)
                && (self.is_role(t - 2) || self.tok(t - 2).cap);
            if postmodifier {
                start = t - 1;
                j = t - 1;
                continue;
            }
            if is(words::NP_INNER_PREP, &w) || role_to {
                let noun_before = t > floor && self.is_word(t - 1) && (self.tok(t - 1).cap || self.is_role(t - 1));
                if start < end && noun_before {
                    start = t;
                    j = t;
                    continue;
                }
                break;
            }
            if is(words::NP_STOP, &w) {
                break;
            }
            if !tok.cap && !is(words::DETERMINERS, &w) && !self.is_role(t) {
                // A participle right before a capitalised or role noun is an adjective: "the
                // embattled governor", "undecided Republican voter".
                let opens = t == floor || !self.is_word(t - 1) || is(words::DETERMINERS, &self.low(t - 1));
                let before_noun =
                    start == t + 1 && start < end && (self.is_role(start) || (opens && self.tok(start).cap));
                let verbish = (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
                    && !is(words::PARTICIPLE_ADJECTIVES, &w)
                    && !w.contains('-')
                    && !(before_noun && w.ends_with("ed"));
                if verbish || self.cue_entry(t).is_some_and(|c| c.class == CueClass::Speech && c.prior > 0.2) {
                    break;
                }
            }
            if tok.cap || self.is_role(t) || (w.ends_with('s') && w.len() > 3) {
                nominal = true;
            }
            start = t;
            j = t;
            n_words += 1;
            if n_words >= 14 {
                break;
            }
        }
        // Do not start with a preposition or a conjunction.
        while start < end
            && self.is_word(start)
            && (is(words::NP_INNER_PREP, &self.low(start)) || self.low_is(start, "and"))
        {
            start += 1;
        }
        (nominal && start < end).then_some((start, end))
    }

    /// Noun phrase starting at token `start`, not reaching `ceil`.
    fn np_fwd(&self, start: usize, ceil: usize) -> Option<(usize, usize)> {
        let mut end = start;
        let mut n_words = 0;
        let mut nominal = false;
        let mut j = start;
        while j < ceil {
            let tok = self.tok(j);
            if tok.kind == TokKind::Quote {
                if let Some(q) = self.quote_opening_at(j) {
                    if let Some(c) = q.close_tok {
                        if q.inner_end - q.inner_start <= 5 && c < ceil {
                            end = c + 1;
                            j = c + 1;
                            nominal = true;
                            continue;
                        }
                    }
                }
                break;
            }
            if tok.kind != TokKind::Word {
                break;
            }
            let w = self.low(j);
            if is(words::PRONOUNS, &w) {
                if end == start {
                    return Some((j, j + 1));
                }
                break;
            }
            if &*w == "and" {
                let next_np = j + 1 < ceil
                    && self.is_word(j + 1)
                    && (self.tok(j + 1).cap || is(words::DETERMINERS, &self.low(j + 1)));
                if end > start && next_np {
                    j += 1;
                    continue;
                }
                break;
            }
            // "a source close to the campaign", "an official familiar with the talks".
            if end > start
                && (self.is_role(end - 1) || self.tok(end - 1).cap)
                && is(words::POSTMODIFIER_ADJECTIVES, &w)
                && matches!(&*self.low(j + 1), "with" | "to")
                && j + 2 < ceil
                && self.is_word(j + 2)
            {
                j += 2;
                continue;
            }
            // "an adviser to Trump": "to" joins a role noun and a name.
            let role_to = &*w == "to" && end > start && self.is_role(end - 1);
            if is(words::NP_INNER_PREP, &w) || role_to {
                let next_ok =
                    j + 1 < ceil && self.is_word(j + 1) && (self.tok(j + 1).cap || matches!(&*self.low(j + 1), "the"));
                let prev_ok = end > start && (self.tok(end - 1).cap || self.is_role(end - 1));
                if next_ok && prev_ok {
                    j += 1;
                    continue;
                }
                break;
            }
            if is(words::NP_STOP, &w) {
                break;
            }
            if !tok.cap && !is(words::DETERMINERS, &w) && !self.is_role(j) {
                let before_noun =
                    end == start && j + 1 < ceil && self.is_word(j + 1) && (self.tok(j + 1).cap || self.is_role(j + 1));
                let verbish = (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
                    && !is(words::PARTICIPLE_ADJECTIVES, &w)
                    && !w.contains('-')
                    && !(before_noun && w.ends_with("ed"));
                if verbish || self.cue_entry(j).is_some_and(|c| c.class == CueClass::Speech) {
                    break;
                }
            }
            if tok.cap || self.is_role(j) || (w.ends_with('s') && w.len() > 3) {
                nominal = true;
            }
            j += 1;
            end = j;
            n_words += 1;
            if n_words >= 14 {
                break;
            }
        }
        (nominal && end > start).then_some((start, end))
    }

    /// The "asked" of a sentence opening "Asked …" or "When asked …" (see `asked`).
    fn asked_at(&self, floor: usize) -> Option<usize> {
        let i = if self.low_is(floor, "when") { floor + 1 } else { floor };
        self.low_is(i, "asked").then_some(i)
    }

    /// Where the main clause of a sentence starting at `floor` begins: after an introductory
    /// phrase and its comma ("In April, Twitter …"), else at `floor`.
    fn after_intro(&self, floor: usize, ceil: usize) -> usize {
        // A sentence-initial conjunction first: "But Podesta said …".
        let floor =
            if floor + 1 < ceil && matches!(&*self.low(floor), "but" | "and" | "so" | "yet") && self.is_word(floor) {
                floor + 1
            } else {
                floor
            };
        if self.is_word(floor) && is(words::INTRO_WORDS, &self.low(floor)) {
            if let Some(c) = (floor..ceil).find(|&x| self.is_punct(x, ',')) {
                return c + 1;
            }
        }
        floor
    }

    /// The subject of a clause starting at `start`: a pronoun, or a run of capitalised words,
    /// determiners, possessives and role nouns ("Mr. Trump", "The Blaze’s Matt Walsh", "the
    /// Russians") holding a capitalised word or a role noun, followed by a lower-case word (the
    /// verb) before `ceil`.
    fn subject_at(&self, start: usize, ceil: usize) -> Option<(usize, usize)> {
        if start >= ceil || !self.is_word(start) {
            return None;
        }
        let first = self.low(start);
        if is(words::PRONOUNS, &first) && !matches!(&*first, "who" | "which" | "it" | "you") {
            return Some((start, start + 1));
        }
        let mut j = start;
        let mut anchor = false;
        while j < ceil && self.is_word(j) && j < start + 8 {
            let w = self.low(j);
            let cap = self.tok(j).cap;
            if cap || self.is_role(j) {
                anchor = true;
            } else if !(is(words::DETERMINERS, &w) || (&*w == "of" && self.tok(j + 1).cap)) {
                break;
            }
            j += 1;
        }
        let verb = j < ceil && self.is_word(j) && !self.tok(j).cap && !is(words::NP_INNER_PREP, &self.low(j));
        (anchor && verb && j > start).then_some((start, j))
    }

    /// Start of the adjuncts between a subject and its verb at `end` (exclusive), not before
    /// `floor`: sentence adverbs ("Carter however said") and time phrases ("Sean Spicer on
    /// Thursday evening said", "the company this week said"). `end` when there are none.
    fn adjuncts_before(&self, end: usize, floor: usize) -> usize {
        let mut e = end;
        while e > floor + 1 && self.is_word(e - 1) && !self.tok(e - 1).cap {
            let w = self.low(e - 1);
            if matches!(
                &*w,
                "however" | "though" | "meanwhile" | "instead" | "too" | "therefore" | "nonetheless" | "nevertheless"
            ) {
                e -= 1;
                continue;
            }
            break;
        }
        // A time phrase ends with a time word proper (not a bare "on" or "this").
        let last = self.low(e.saturating_sub(1));
        let time_word = e > floor + 1
            && self.is_word(e - 1)
            && is(words::TIME_WORDS, &last)
            && !matches!(&*last, "on" | "in" | "at" | "this" | "last" | "during" | "late" | "early");
        if time_word {
            let mut b = e - 1;
            while b > floor + 1 && self.is_word(b - 1) && is(words::TIME_WORDS, &self.low(b - 1)) {
                b -= 1;
            }
            e = b;
        }
        e
    }

    /// A noun phrase by position only: the words from `start` up to punctuation, a clause word
    /// or `ceil`, at most 15 words; `None` when it would be empty.
    fn np_loose(&self, start: usize, ceil: usize) -> Option<(usize, usize)> {
        let mut j = start;
        while j < ceil && j < start + 15 && self.is_word(j) {
            if matches!(&*self.low(j), "that" | "which" | "who" | "whom" | "when" | "while" | "because" | "but" | "if")
            {
                break;
            }
            j += 1;
        }
        (j > start).then_some((start, j))
    }

    /// Extend a cue verb at `i` backwards over auxiliaries/adverbs; returns the first token.
    fn cue_start(&self, i: usize, floor: usize) -> usize {
        let mut s = i;
        // "went on to claim", "continued to insist", "proceeded to say"
        if s >= floor + 2 && self.low_is(s - 1, "to") {
            let b = self.low(s - 2);
            if matches!(&*b, "continued" | "continues" | "proceeded" | "went" | "goes" | "moved") {
                s -= 2;
            } else if &*b == "on" && s >= floor + 3 && matches!(&*self.low(s - 3), "went" | "goes" | "go" | "going") {
                s -= 3;
            }
        }
        let mut n = 0;
        while s > floor
            && n < 4
            && self.is_word(s - 1)
            && (!self.tok(s - 1).cap || s - 1 == floor)
            && is(words::CUE_PREFIX, &self.low(s - 1))
        {
            s -= 1;
            n += 1;
        }
        s
    }
}

/// Where a claim's content starts after a cue, and a chain found on the way.
struct After {
    start: Option<usize>,
    marked: bool,
    citing: Option<(usize, (usize, usize))>,
}

impl Ctx<'_> {
    /// Looks for "that", ":", an opening quote or "citing X" shortly after `k`.
    fn content_after(&self, k: usize, end: usize) -> After {
        let mut citing = None;
        let mut m = k;
        let mut steps = 0;
        while m < end && steps < 10 {
            let t = self.tok(m);
            if t.kind == TokKind::Word {
                let w = self.low(m);
                if &*w == "that" {
                    return After { start: Some(m), marked: true, citing };
                }
                if matches!(&*w, "citing" | "quoting") {
                    if let Some(np) = self.np_fwd(m + 1, end) {
                        citing = Some((m, np));
                        m = np.1;
                        continue;
                    }
                }
                let adverb = matches!(&*w, "however" | "also" | "though" | "instead" | "meanwhile" | "again" | "too");
                if !adverb && (self.cue_entry(m).is_some_and(|c| c.class != CueClass::Hedge) || is(words::NP_STOP, &w))
                {
                    break;
                }
            } else if t.ch == ':' {
                return After { start: (m + 1 < end).then_some(m + 1), marked: true, citing };
            } else if t.kind == TokKind::Quote
                && self.is_open_quote(m)
                && (m == k || self.is_punct(m - 1, ',') || self.is_punct(m - 1, '–') || self.is_punct(m - 1, '—'))
            {
                return After { start: Some(m), marked: true, citing };
            } else if t.ch != ',' && t.ch != '(' && t.ch != ')' {
                break;
            }
            m += 1;
            steps += 1;
        }
        // No marker: content starts right after the cue unless a comma or the end follows.
        let mut s = k;
        if let Some((_, np)) = citing {
            s = np.1;
            while s < end && self.is_punct(s, ',') {
                s += 1;
            }
        }
        let starts_clause = s < end && (self.is_word(s) || self.is_open_quote(s));
        After { start: starts_clause.then_some(s), marked: false, citing }
    }

    /// End (exclusive token) of content running from `start` to at most `end`: stops before a
    /// trailing participle or adjunct clause (", reiterating …", ", who …", ", since …"), before a
    /// coordinated verb ("… and warned …") and before "according to".
    fn content_end(&self, start: usize, end: usize, object: bool) -> usize {
        let mut m = start + 1;
        while m + 1 < end {
            // A comma inside the closing of a quotation: "“are up to Ukraine,” reiterating".
            let closes_with_comma = self.tok(m).kind == TokKind::Quote
                && m > start
                && self.is_punct(m - 1, ',')
                && self.quote_closing_at(m).is_some();
            if self.inside_of(m).is_some() && !closes_with_comma {
                m += 1;
                continue;
            }
            let next = m + 1;
            // A later content-first attribution: "…, NBC alleged." ends this content.
            if self.is_punct(m, ',') || closes_with_comma {
                let from = if closes_with_comma { next } else { m + 1 };
                if let Some((_, mut b)) = self.np_fwd(from, end) {
                    while b < end && self.is_word(b) && is(words::CUE_PREFIX, &self.low(b)) {
                        b += 1;
                    }
                    let cue_then_end = self.cue_entry(b).is_some_and(|c| c.class == CueClass::Speech && c.prior > 0.1)
                        && (b + 1 >= end || self.is_punct(b + 1, ','));
                    if cue_then_end {
                        return if closes_with_comma { m + 1 } else { m };
                    }
                }
            }
            if closes_with_comma && self.is_word(next) && !self.tok(next).cap {
                let w = self.low(next);
                if w.ends_with("ing") && w.len() > 5 {
                    return m + 1;
                }
            }
            if self.is_punct(m, ';') {
                return m;
            }
            // A new clause with its own subject: ", Mr. Obama is also …", ", and the union stepped in".
            if (self.is_punct(m, ',') || self.is_punct(m, '—') || self.is_punct(m, '-'))
                && self.new_clause_at(next, end)
            {
                return m;
            }
            if self.is_punct(m, ',') && self.is_word(next) && !self.tok(next).cap {
                let w = self.low(next);
                let participle_cue = self
                    .cue_entry(next)
                    .is_some_and(|c| matches!(c.class, CueClass::Speech | CueClass::Citing) && c.prior > 0.1);
                if w.ends_with("ing") && w.len() > 5 && participle_cue {
                    return m;
                }
                if matches!(
                    &*w,
                    "who"
                        | "which"
                        | "as"
                        | "while"
                        | "after"
                        | "before"
                        | "when"
                        | "since"
                        | "because"
                        | "although"
                        | "though"
                        | "according"
                        | "whereas"
                        | "despite"
                ) {
                    return m;
                }
            }
            // A coordinated verb phrase of the speaker: "… and warned …", "… but also had to …".
            if self.is_word(m) && (self.low_is(m, "and") || self.low_is(m, "but")) {
                let mut v = next;
                if self.low_is(v, "also") || self.low_is(v, "then") {
                    v += 1;
                }
                if self.is_word(v) && !self.tok(v).cap {
                    let w = self.low(v);
                    let verb = self.cue_entry(v).is_some_and(|c| c.class == CueClass::Speech && !w.ends_with("ing"))
                        || (w.ends_with("ed") && !is(words::PARTICIPLE_ADJECTIVES, &w))
                        || matches!(&*w, "has" | "had" | "have" | "is" | "was" | "will" | "would");
                    if verb {
                        return if m > start && self.is_punct(m - 1, ',') { m - 1 } else { m };
                    }
                }
            }
            // A dash opening a new clause: "… ― as was true …", "— and he noted …".
            if self.tok(m).kind == TokKind::Punct
                && matches!(self.tok(m).ch, '—' | '―' | '–')
                && self.is_word(next)
                && matches!(&*self.low(next), "and" | "but" | "as" | "which" | "while" | "who")
            {
                return m;
            }
            // An object (not a clause) ends before an adjunct: "… Machado since the debate",
            // "… in a statement on Thursday", "… during a campaign stop".
            if object && self.is_word(m) && m > start + 1 {
                let w = self.low(m);
                let adjunct = match &*w {
                    "during" | "since" | "earlier" | "amid" | "while" | "when" | "after" | "before" => true,
                    "in" | "at" => {
                        matches!(&*self.low(next), "a" | "an")
                            && matches!(
                                &*self.low(next + 1),
                                "statement"
                                    | "interview"
                                    | "tweet"
                                    | "tweets"
                                    | "speech"
                                    | "rally"
                                    | "letter"
                                    | "press"
                                    | "news"
                                    | "campaign"
                                    | "phone"
                                    | "television"
                                    | "radio"
                                    | "post"
                                    | "conference"
                                    | "meeting"
                                    | "hearing"
                                    | "debate"
                                    | "series"
                            )
                            || self.low(next).starts_with("early")
                    }
                    "on" => self.is_word(next) && is(words::TIME_WORDS, &self.low(next)) && self.tok(next).cap,
                    "last" | "this" => {
                        matches!(&*self.low(next), "week" | "month" | "year" | "summer" | "fall" | "spring" | "winter")
                    }
                    _ => false,
                };
                if adjunct {
                    return m;
                }
            }
            m += 1;
        }
        end
    }

    /// Does a clause with its own subject start at `i` ("[and] the union stepped in", "it leaves …")?
    fn new_clause_at(&self, i: usize, end: usize) -> bool {
        let mut i = i;
        if self.is_word(i) && matches!(&*self.low(i), "and" | "but" | "so" | "yet" | "while") {
            i += 1;
        }
        if i >= end || !self.is_word(i) {
            return false;
        }
        let w = self.low(i);
        let subject_end = if matches!(&*w, "he" | "she" | "it" | "they" | "we" | "i" | "there") {
            i + 1
        } else if self.tok(i).cap || is(words::DETERMINERS, &w) {
            match self.np_fwd(i, end) {
                Some((_, e)) => e,
                None => return false,
            }
        } else {
            return false;
        };
        let mut v = subject_end;
        if self.low_is(v, "also") || self.low_is(v, "still") || self.low_is(v, "now") {
            v += 1;
        }
        v < end
            && self.is_word(v)
            && (is(words::FINITE_VERBS, &self.low(v))
                || is(words::MORE_FINITE_VERBS, &self.low(v))
                || (self.low(v).ends_with("ed") && !self.tok(v).cap)
                || self.cue_entry(v).is_some_and(|c| c.class == CueClass::Speech && c.prior > 0.3))
    }

    /// The end of the paragraph of token `i` (exclusive token index), without a final full stop.
    fn para_end(&self, sent: &Sentence) -> usize {
        let mut e = self.d.paragraphs.get(sent.para).map_or(sent.tok_end, |p| p.tok_end);
        while e > sent.tok_start
            && self.tok(e - 1).kind == TokKind::Punct
            && matches!(self.tok(e - 1).ch, '.' | ',' | ';')
        {
            e -= 1;
        }
        e
    }

    #[inline(always)]
    fn inside_of(&self, i: usize) -> Option<u32> {
        self.d.inside.get(i).copied().flatten()
    }

    /// Content before a source noun phrase starting at `np_start`: needs a comma or closing
    /// quote right before it and some words before that.
    fn content_before(&self, sent: &Sentence, np_start: usize) -> Option<(Span, bool)> {
        if np_start <= sent.tok_start + 1 {
            return None;
        }
        let mut p = np_start - 1;
        let sep_ok = self.is_punct(p, ',') || self.is_punct(p, '—') || self.tok(p).kind == TokKind::Quote;
        if !sep_ok {
            return None;
        }
        // ",”" or "”," or ",”" — find a quotation closing here.
        let mut quote: Option<&Quote> = None;
        for _ in 0..2 {
            if let Some(q) = self.quote_closing_at(p) {
                quote = Some(q);
                break;
            }
            if p == sent.tok_start
                || !(self.is_punct(p, ',') || self.is_punct(p, '—') || self.tok(p).kind == TokKind::Quote)
            {
                break;
            }
            p -= 1;
        }
        // The quotation is the content only when it opens the sentence; a quotation closing a
        // longer clause is part of it ("… will not “do a lot of good,” NBC alleged").
        let first_tok = sent.tok_start.max(self.skip_until(sent));
        if let Some(q) = quote.filter(|q| q.open_tok <= first_tok + 1 || q.continued) {
            if q.inner_start < q.inner_end {
                return Some((q.inner.trim_by(self.d.text, |c| c.is_whitespace() || c == ','), true));
            }
        }
        let first = sent.tok_start.max(self.skip_until(sent));
        // The separator; a closing quote right after a comma stays with the content ("…good,” NBC).
        let mut last = np_start - 1;
        if self.tok(last).kind == TokKind::Quote && last > first && self.is_punct(last - 1, ',') {
            last += 1;
        }
        let n_words = (first..last).filter(|&i| self.is_word(i)).count();
        if n_words < 3 {
            return None;
        }
        let mut first = first;
        while first + 1 < last && self.is_word(first) && matches!(&*self.low(first), "but" | "and" | "so" | "yet") {
            first += 1;
        }
        let span = self.span(first, last).trim_by(self.d.text, |c| c.is_whitespace() || c == ',');
        let quoted = (first..last).any(|i| self.inside_of(i).is_some());
        Some((span, quoted))
    }

    fn skip_until(&self, sent: &Sentence) -> usize {
        let pos = self.d.para_skip_until.get(sent.para).copied().unwrap_or(0);
        (sent.tok_start..sent.tok_end).find(|&i| self.tok(i).span.start >= pos).unwrap_or(sent.tok_end)
    }

    fn kind_of(&self, content: &[Span]) -> ClaimKind {
        let text = self.d.text;
        let mut any_quote = false;
        let mut all_quoted = true;
        for s in content {
            let mut inner = s.trim_by(text, |c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
            let t = inner.text(text);
            if t.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("that ")) {
                inner = Span::new(inner.start + 5, inner.end);
            }
            let inner_t = inner.text(text);
            let has_q = inner_t.chars().any(|c| matches!(c, '“' | '”' | '"' | '«' | '»' | '„'));
            any_quote |= has_q;
            let near = self.quotes_overlapping(Span::new(inner.start.saturating_sub(1), inner.end + 1));
            let fully = near.iter().any(|q| {
                let outer = q.outer;
                outer.start <= inner.start + 1 && inner.end <= outer.end + 1 && inner.len() + 4 >= q.inner.len()
            }) || near.iter().any(|q| q.inner.contains(inner) && !inner.is_empty());
            all_quoted &= fully;
        }
        if all_quoted && !content.is_empty() {
            ClaimKind::Direct
        } else if any_quote {
            ClaimKind::Mixed
        } else {
            ClaimKind::Indirect
        }
    }
}

fn clause_end(ctx: &Ctx<'_>, sent: &Sentence) -> usize {
    // Drop the final full stop.
    let mut e = sent.tok_end;
    while e > sent.tok_start
        && ctx.tok(e - 1).kind == TokKind::Punct
        && matches!(ctx.tok(e - 1).ch, '.' | '!' | '?' | ',' | ';')
    {
        e -= 1;
    }
    e
}

/// Find the claims of a document.
pub fn extract(d: &Doc<'_>) -> Vec<RawClaim> {
    let mut open_at = vec![None; d.toks.len()];
    let mut close_at = vec![None; d.toks.len()];
    for (i, q) in d.quotes.iter().enumerate() {
        if let Some(slot) = open_at.get_mut(q.open_tok) {
            *slot = Some(i as u32);
        }
        if let Some(slot) = q.close_tok.and_then(|c| close_at.get_mut(c)) {
            *slot = Some(i as u32);
        }
    }
    let lex = Lexicon::get();
    let ascii_lower = d.text.to_ascii_lowercase();
    let mut buf = String::new();
    let cues = d
        .toks
        .iter()
        .map(|t| {
            if t.kind != TokKind::Word || t.span.len() > 20 {
                return None;
            }
            match ascii_lower.get(t.span.start..t.span.end) {
                Some(w) if w.is_ascii() => lex.cue(w),
                _ => lex.cue(lower_into(t.span.text(d.text), &mut buf)),
            }
        })
        .collect();
    let ctx = Ctx { d, lex, open_at, close_at, cues, ascii_lower: &ascii_lower };
    let mut claims: Vec<RawClaim> = Vec::new();
    for (si, sent) in d.sentences.iter().enumerate() {
        if d.boiler_para.get(sent.para).copied().unwrap_or(false) {
            continue;
        }
        let first_claim_in_sentence = claims.len();
        let floor = ctx.skip_until(sent);
        if floor >= sent.tok_end {
            continue;
        }
        let end = clause_end(&ctx, sent);
        headline(&ctx, sent, si, floor, end, &mut claims);
        opinion(&ctx, sent, si, floor, end, &mut claims);
        asked(&ctx, si, floor, end, &mut claims);
        let mut used_until = floor;
        let mut i = floor;
        while i < end {
            if i < used_until || ctx.inside_of(i).is_some() {
                i += 1;
                continue;
            }
            let Some(entry) = ctx.cue_entry(i) else {
                i += 1;
                continue;
            };
            let n_before = claims.len();
            match entry.class {
                CueClass::According => according(&ctx, sent, si, i, floor, end, &mut claims),
                CueClass::Speech | CueClass::Belief => {
                    speech(&ctx, sent, si, i, entry, floor, end, first_claim_in_sentence, &mut claims)
                }
                CueClass::Citing => quoted_as(&ctx, sent, si, i, floor, end, &mut claims),
                CueClass::Hedge => {}
            }
            if claims.len() > n_before {
                // Never take a cue word of this claim again as another cue.
                used_until = claims
                    .last()
                    .and_then(|c| c.cue.last())
                    .map(|c| (i..sent.tok_end).find(|&k| ctx.tok(k).span.start >= c.end).unwrap_or(sent.tok_end))
                    .unwrap_or(i + 1);
            }
            i += 1;
        }
        // Sourceless hedge: "X is reportedly …" with no other claim in the sentence.
        if claims.len() == first_claim_in_sentence {
            if let Some(h) = (floor..end)
                .find(|&k| ctx.inside_of(k).is_none() && ctx.cue_entry(k).is_some_and(|c| c.class == CueClass::Hedge))
            {
                let content = ctx.span(floor, end).trim(d.text);
                claims.push(RawClaim {
                    kind: ClaimKind::Hedge,
                    content: vec![content],
                    cue: vec![ctx.tok(h).span],
                    source: None,
                    stance: Stance::Distancing,
                    via: None,
                    confidence: 0.5,
                    sentence: si,
                    inherit_from: None,
                });
            }
        }
    }
    take_particles(&ctx, &mut claims);
    strip_quote_marks(&ctx, &mut claims);
    continue_quotes(&ctx, &mut claims);
    follow_quotes(&ctx, &mut claims);
    claims
}

/// A content part that is one whole quotation (marks and closing punctuation around it) is
/// the text between its marks, as a content-first quotation already is.
fn strip_quote_marks(ctx: &Ctx<'_>, claims: &mut [RawClaim]) {
    let text = ctx.d.text;
    for c in claims.iter_mut() {
        for part in c.content.iter_mut() {
            let quotes = ctx.quotes_overlapping(*part);
            let [q] = quotes else { continue };
            if q.close_tok.is_none() || q.inner.is_empty() || part.start != q.outer.start || part.end < q.outer.end {
                continue;
            }
            let tail = text.get(q.outer.end..part.end).unwrap_or("x");
            if tail.chars().all(|ch| ch.is_whitespace() || matches!(ch, '.' | ',' | '!' | '?' | ';' | ':')) {
                *part = q.inner;
            }
        }
    }
}

/// "railed against X", "focused on X", "shrugged off X": a cue form that takes a particle
/// (`cue_particles.tsv`, mined from PolNeAR train) takes the particle that follows it into its
/// cue span, and out of the content when the content began with it.
fn take_particles(ctx: &Ctx<'_>, claims: &mut [RawClaim]) {
    let toks = ctx.d.toks;
    for c in claims.iter_mut() {
        let Some(cue) = c.cue.last_mut() else { continue };
        // The cue's last token, then the one after it.
        let t = toks.partition_point(|x| x.span.end < cue.end);
        if toks.get(t).is_none_or(|x| x.span.end != cue.end) || !ctx.is_word(t) || !ctx.is_word(t + 1) {
            continue;
        }
        if ctx.inside_of(t + 1).is_some() || ctx.d.text.get(cue.end..ctx.tok(t + 1).span.start) != Some(" ") {
            continue;
        }
        let particle = ctx.low(t + 1);
        if !PARTICLES.contains(&&*particle) || !ctx.lex.takes_particle(&ctx.low(t), &particle) {
            continue;
        }
        let p = ctx.tok(t + 1).span;
        // A content that begins with the particle starts after it; one that covers it otherwise
        // (a content-first claim cannot) leaves the cue alone.
        if c.content.iter().any(|s| s.overlaps(p) && s.start != p.start) {
            continue;
        }
        cue.end = p.end;
        let next = ctx.tok(t + 2).span.start;
        for s in c.content.iter_mut().filter(|s| s.start == p.start) {
            s.start = next.min(s.end);
        }
    }
}

/// "“A,” he said. “B.”" and "“A,” he said, “B.”": the quotations after a content-first
/// quotation continue it, up to the first sentence that is not a quotation.
fn follow_quotes(ctx: &Ctx<'_>, claims: &mut [RawClaim]) {
    let d = ctx.d;
    let claimed: std::collections::HashSet<usize> = claims.iter().map(|c| c.sentence).collect();
    for c in claims.iter_mut() {
        let (Some(first), Some(cue)) = (c.content.first().copied(), c.cue.last().copied()) else {
            continue;
        };
        if c.kind != ClaimKind::Direct || first.end > cue.start || c.content.len() != 1 {
            continue;
        }
        let sent = d.sentences[c.sentence];
        let after_cue = c.source.map_or(cue.end, |s| s.end.max(cue.end));
        // Same sentence: ", “B”".
        for q in ctx.quotes_overlapping(Span::new(after_cue, sent.span.end)) {
            if q.outer.start >= after_cue && q.outer.end <= sent.span.end && q.inner_start < q.inner_end {
                c.content.push(q.inner);
            }
        }
        // Following sentences of the paragraph that open with a quotation.
        let mut si = c.sentence + 1;
        while si < d.sentences.len() && d.sentences[si].para == sent.para && !claimed.contains(&si) {
            let s = d.sentences[si];
            match ctx.quote_opening_at(s.tok_start) {
                Some(q) if q.inner_start < q.inner_end => c.content.push(q.inner),
                _ => break,
            }
            si += 1;
        }
    }
}

fn headline(ctx: &Ctx<'_>, sent: &Sentence, si: usize, floor: usize, end: usize, claims: &mut Vec<RawClaim>) {
    // "NBC News: The United States …" — up to five capitalised words, a colon, a clause.
    let limit = (floor + 6).min(end);
    let Some(colon) = (floor + 1..limit).find(|&k| ctx.is_punct(k, ':')) else {
        return;
    };
    if !(floor..colon).all(|k| ctx.is_word(k) && (ctx.tok(k).cap || ctx.tok(k).ch.is_ascii_digit())) {
        return;
    }
    // A label is no speaker ("Q:", "Contributing:", "Revealed:"), and a slogan no claim.
    let n_content_words = (colon + 1..end).filter(|&k| ctx.is_word(k)).count();
    let one = colon == floor + 1;
    let label = one && {
        let w = ctx.low(floor);
        w.len() <= 1
            || w.ends_with("ed")
            || w.ends_with("ing")
            || matches!(
                &*w,
                "update" | "note" | "source" | "sources" | "photo" | "video" | "watch" | "read" | "related" | "credit"
            )
    };
    if end <= colon + 3 || n_content_words < 5 || label {
        return;
    }
    // A title-case heading ("Stealth Over Health: …", "The Latest: …") is no source: only an
    // outlet or a name of plain capitalised words.
    let label = ctx.span(floor, colon).text(ctx.d.text).to_lowercase();
    let function_word = (floor..colon).any(|k| {
        matches!(
            &*ctx.low(k),
            "the"
                | "a"
                | "an"
                | "of"
                | "over"
                | "in"
                | "on"
                | "for"
                | "to"
                | "and"
                | "with"
                | "at"
                | "by"
                | "from"
                | "latest"
                | "correction"
                | "clarification"
                | "note"
                | "disclosure"
                | "updated"
                | "update"
                | "breaking"
                | "watch"
                | "exclusive"
                | "opinion"
                | "analysis"
                | "editorial"
        )
    });
    if function_word && !ctx.lex.is_outlet(&label) {
        return;
    }
    // "Updated: 18:30" style labels are not sources: a name needs a letter and no digits.
    if (floor..colon).any(|k| ctx.word(k).chars().any(|c| c.is_ascii_digit())) {
        return;
    }
    let content = ctx.span(colon + 1, ctx.para_end(sent).max(end));
    claims.push(RawClaim {
        kind: ClaimKind::Indirect,
        content: vec![content],
        cue: vec![ctx.tok(colon).span],
        source: Some(ctx.span(floor, colon)),
        stance: Stance::Neutral,
        via: None,
        confidence: 0.6,
        sentence: si,
        inherit_from: None,
    });
    let k = claims.len() - 1;
    claims[k].kind = ctx.kind_of(&claims[k].content);
}

/// True when at least four words and four in five of a sentence's words are capitalised (a
/// headline in title case).
fn title_case(ctx: &Ctx<'_>, sent: &Sentence) -> bool {
    let words = (sent.tok_start..sent.tok_end).filter(|&x| ctx.is_word(x));
    let (n, caps) = words.fold((0, 0), |(n, c), x| (n + 1, c + usize::from(ctx.tok(x).cap)));
    n >= 4 && caps * 5 >= n * 4
}

/// "Asked whether he was worried, Ban said …" / "When asked by a reporter if …, …": the
/// question put to the speaker, up to the comma; its source is the asker when "by" names one.
fn asked(ctx: &Ctx<'_>, si: usize, floor: usize, end: usize, claims: &mut Vec<RawClaim>) {
    let Some(i) = ctx.asked_at(floor) else { return };
    let mut s = i + 1;
    let mut source = None;
    if ctx.low_is(s, "by") {
        let Some((a, b)) = ctx.np_fwd(s + 1, end) else { return };
        source = Some(ctx.span(a, b));
        s = b;
    }
    if !ctx.is_word(s)
        || !matches!(&*ctx.low(s), "whether" | "if" | "about" | "what" | "why" | "how" | "who" | "when" | "where")
    {
        return;
    }
    // Up to the first comma outside a quotation (a quotation's own final comma included).
    let Some(comma) = (s..end)
        .find(|&x| ctx.is_punct(x, ',') && (ctx.inside_of(x).is_none() || ctx.quote_closing_at(x + 1).is_some()))
    else {
        return;
    };
    let mut e = comma;
    if ctx.quote_closing_at(comma + 1).is_some() {
        e = comma + 2;
    }
    if (s..e).filter(|&x| ctx.is_word(x)).count() < 3 {
        return;
    }
    let content = ctx.span(s, e).trim_by(ctx.d.text, |c| c.is_whitespace() || c == ',');
    claims.push(minor_claim(ctx, si, i, content, source, None));
}

/// A neutral claim with a one-word cue at token `cue` and a modest confidence: the shape of the
/// secondary constructions ("Asked whether …,", "…, citing X").
fn minor_claim(
    ctx: &Ctx<'_>,
    si: usize,
    cue: usize,
    content: Span,
    source: Option<Span>,
    inherit_from: Option<usize>,
) -> RawClaim {
    let content = vec![content];
    RawClaim {
        kind: ctx.kind_of(&content),
        content,
        cue: vec![ctx.tok(cue).span],
        source,
        stance: Stance::Neutral,
        via: None,
        confidence: 0.5,
        sentence: si,
        inherit_from,
    }
}

fn opinion(ctx: &Ctx<'_>, sent: &Sentence, si: usize, floor: usize, end: usize, claims: &mut Vec<RawClaim>) {
    // "In their opinion, …" / "In the view of X, …"
    let _ = sent;
    if floor + 4 >= end || !ctx.low_is(floor, "in") {
        return;
    }
    let noun = floor + 2;
    if !matches!(&*ctx.low(noun), "opinion" | "view" | "words" | "estimation" | "assessment")
        || !ctx.is_punct(noun + 1, ',')
    {
        return;
    }
    let who = floor + 1;
    let w = ctx.low(who);
    if !(matches!(&*w, "his" | "her" | "their" | "its" | "our") || w.ends_with("’s") || w.ends_with("'s")) {
        return;
    }
    claims.push(RawClaim {
        kind: ClaimKind::AccordingTo,
        content: vec![ctx.span(noun + 2, end)],
        cue: vec![ctx.span(floor, noun + 1)],
        source: Some(ctx.tok(who).span),
        stance: Stance::Neutral,
        via: None,
        confidence: 0.6,
        sentence: si,
        inherit_from: None,
    });
}

#[allow(clippy::too_many_arguments)]
fn according(
    ctx: &Ctx<'_>,
    sent: &Sentence,
    si: usize,
    i: usize,
    floor: usize,
    end: usize,
    claims: &mut Vec<RawClaim>,
) {
    let _ = sent;
    if i + 2 >= end || !ctx.low_is(i + 1, "to") {
        return;
    }
    // Whatever follows "according to" is its source, named or not ("the summary", "media buying
    // sources", "a count by The Associated Press").
    let Some((a, b)) = ctx.np_fwd(i + 2, end).or_else(|| ctx.np_loose(i + 2, end)) else {
        return;
    };
    let cue = ctx.span(i, i + 2);
    let source = ctx.span(a, b);
    let mut content = Vec::new();
    // Before: "…, according to X" (unless what precedes is a short intro: "In addition, according to X, …").
    let before_words = (floor..i).filter(|&k| ctx.is_word(k)).count();
    let words_after = (b..end).filter(|&k| ctx.is_word(k)).count();
    let intro = before_words <= 4 && words_after >= 3;
    if !intro && i > floor {
        let mut e = i;
        while e > floor && ctx.tok(e - 1).kind == TokKind::Punct && matches!(ctx.tok(e - 1).ch, ',' | '—' | '(' | '–')
        {
            e -= 1;
        }
        if e > floor {
            content.push(ctx.span(floor, e));
        }
    }
    // After: ", …" up to the end.
    let mut s = b;
    while s < end && ctx.tok(s).kind == TokKind::Punct && matches!(ctx.tok(s).ch, ',' | ')' | '—' | '–') {
        s += 1;
    }
    if s < end && (content.is_empty() || (end - s) >= 3) {
        content.push(ctx.span(s, end));
    }
    if content.is_empty() {
        return;
    }
    claims.push(RawClaim {
        kind: ClaimKind::AccordingTo,
        content,
        cue: vec![cue],
        source: Some(source),
        stance: Stance::Neutral,
        via: None,
        confidence: 0.8,
        sentence: si,
        inherit_from: None,
    });
}

/// "The outlet quoted its sources as saying that …"
fn quoted_as(
    ctx: &Ctx<'_>,
    sent: &Sentence,
    si: usize,
    i: usize,
    floor: usize,
    end: usize,
    claims: &mut Vec<RawClaim>,
) {
    let _ = sent;
    if ctx.low_is(i, "citing") {
        citing_reason(ctx, si, i, floor, end, claims);
        return;
    }
    if !matches!(&*ctx.low(i), "quoted" | "quotes" | "quoting") {
        return;
    }
    let Some((a, b)) = ctx.np_fwd(i + 1, end) else {
        return;
    };
    if b + 1 >= end || !ctx.low_is(b, "as") {
        return;
    }
    let Some(verb) = ctx.cue_entry(b + 1) else {
        return;
    };
    let cue_first = ctx.cue_start(i, floor);
    let subject = ctx.np_back(cue_first, floor).map(|(s, e)| ctx.span(s, e));
    let after = ctx.content_after(b + 2, end);
    let Some(start) = after.start else { return };
    let stop = ctx.content_end(start, end, !after.marked);
    let content = vec![ctx.span(start, stop)];
    let kind = ctx.kind_of(&content);
    claims.push(RawClaim {
        kind,
        content,
        cue: vec![ctx.span(cue_first, i + 1), ctx.span(b, b + 2)],
        source: Some(ctx.span(a, b)),
        stance: verb.stance,
        via: Some(RawVia { source: subject, cue: vec![ctx.span(cue_first, i + 1)] }),
        confidence: 0.75,
        sentence: si,
        inherit_from: None,
    });
}

/// "…,” he said, citing a more progressive platform." / "Trump proposed a ban, citing fears of
/// terrorism.": what the subject cites as its reason (a chain's "citing X, that …" is taken with
/// its cue before this is reached). Its speaker is the sentence's previous claim's, else the
/// main clause's subject.
fn citing_reason(ctx: &Ctx<'_>, si: usize, i: usize, floor: usize, end: usize, claims: &mut Vec<RawClaim>) {
    if i <= floor + 1 || !ctx.is_punct(i - 1, ',') || i + 1 >= end || !ctx.is_word(i + 1) {
        return;
    }
    let stop = ctx.content_end(i + 1, end, true);
    if (i + 1..stop).filter(|&x| ctx.is_word(x)).count() < 2 {
        return;
    }
    let in_sentence = claims.last().filter(|c| c.sentence == si).map(|_| claims.len() - 1);
    let source = match in_sentence {
        Some(_) => None,
        None => match ctx.subject_at(ctx.after_intro(floor, i), i) {
            Some((a, b)) => Some(ctx.span(a, b)),
            None => return,
        },
    };
    claims.push(minor_claim(ctx, si, i, ctx.span(i + 1, stop), source, in_sentence));
}

#[allow(clippy::too_many_arguments)]
fn speech(
    ctx: &Ctx<'_>,
    sent: &Sentence,
    si: usize,
    i: usize,
    entry: &CueEntry,
    floor: usize,
    end: usize,
    first_claim_in_sentence: usize,
    claims: &mut Vec<RawClaim>,
) {
    let w = ctx.low(i);
    // An infinitive is no cue ("to continue providing"), unless "went on to claim".
    let cue_first = ctx.cue_start(i, floor);
    if cue_first == i && i > floor && ctx.low_is(i - 1, "to") {
        return;
    }
    // Inside the content of an earlier claim of this sentence, an attitude is part of that content.
    let pos = ctx.tok(i).span;
    let nested = claims[first_claim_in_sentence..].iter().any(|c| c.content.iter().any(|s| s.contains(pos)));
    if nested && entry.class == CueClass::Belief {
        return;
    }
    // A noun, not a verb: "The Washington Post", "Editor’s note", "no question", "the report"
    // — unless the whole sentence is in title case ("Hollande Says Trump ‘Makes You Retch’").
    if i > floor && ctx.tok(i).cap && !title_case(ctx, sent) {
        return;
    }
    // "said" is never a noun after a quantifier: "Some said …" (but "the said agreement").
    let quantifier_subject = &*w == "said" && i > 0 && ctx.is_word(i - 1) && {
        let prev = ctx.low(i - 1);
        matches!(&*prev, "some" | "many" | "most" | "several" | "few" | "all" | "both" | "others")
    };
    if cue_first == i && i > floor && ctx.is_word(i - 1) && !quantifier_subject {
        let prev = ctx.low(i - 1);
        let possessive = prev.ends_with("’s") || prev.ends_with("'s") || prev.ends_with('’');
        if possessive
            || matches!(
                &*prev,
                "the"
                    | "a"
                    | "an"
                    | "no"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "any"
                    | "some"
                    | "each"
                    | "every"
            )
        {
            return;
        }
    }
    // Naming, not saying: "a company called Sansun USA", "a program called “Perception”".
    if &*w == "called" && cue_first == i && i > floor && ctx.is_word(i - 1) && !ctx.tok(i - 1).cap {
        let prev = ctx.low(i - 1);
        let noun_before = !is(words::PRONOUNS, &prev) && !is(words::CUE_PREFIX, &prev) && !prev.ends_with("ly");
        let name_after = (ctx.is_word(i + 1) && ctx.tok(i + 1).cap) || ctx.is_open_quote(i + 1);
        if noun_before && name_after {
            return;
        }
    }
    let participle = w.ends_with("ing");
    let mut cue_spans = vec![ctx.span(cue_first, i + 1)];
    let mut k = i + 1;
    // "said in a statement", "told in an interview": PolNeAR's cues include the medium.
    if k + 2 < end && ctx.low_is(k, "in") && matches!(&*ctx.low(k + 1), "a" | "an") {
        let mut m = k + 2;
        if m + 1 < end
            && matches!(&*ctx.low(m), "written" | "joint" | "separate" | "brief" | "recent" | "new" | "lengthy")
        {
            m += 1;
        }
        if matches!(
            &*ctx.low(m),
            "statement" | "interview" | "tweet" | "email" | "post" | "speech" | "letter" | "release"
        ) {
            cue_spans[0] = ctx.span(cue_first, m + 1);
            k = m + 1;
        }
    }
    // Particles and prepositions that belong to the verb ("called for", "pointed to", "spoke of"),
    // and a bare day or "then"/"later" right after it ("said Friday").
    let particle = match entry.lemma {
        "call" => &["for", "on"][..],
        "point" => &["to", "out"][..],
        "speak" => &["of", "about", "out"][..],
        "describe" => &["as"][..],
        "complain" => &["about", "of"][..],
        "warn" => &["against", "of", "about"][..],
        "talk" => &["about", "of"][..],
        "accuse" => &["of"][..],
        "refer" => &["to"][..],
        "comment" => &["on"][..],
        "ask" => &["about", "for"][..],
        _ => &[][..],
    };
    if k < end && ctx.is_word(k) && particle.contains(&&*ctx.low(k)) {
        cue_spans[0] = ctx.span(cue_first, k + 1);
        k += 1;
    }
    let day_or_then = ctx.is_word(k) && ctx.tok(k).cap && is(words::TIME_WORDS, &ctx.low(k));
    if k < end && (day_or_then || ctx.low_is(k, "then") || ctx.low_is(k, "later")) {
        cue_spans[0] = ctx.span(cue_first, k + 1);
        k += 1;
    }
    // "pointed out", "called for"
    if k < end && ctx.is_word(k) && matches!(&*ctx.low(k), "out" | "up") {
        cue_spans[0] = ctx.span(cue_first, k + 1);
        k += 1;
    }
    // Passive: "This was reported by NBC News, citing …"
    let passive = cue_first < i
        && matches!(&*ctx.low(i - 1), "was" | "were" | "is" | "are" | "been")
        && k < end
        && ctx.low_is(k, "by");
    let mut source_np: Option<(usize, usize)> = None;
    let mut inverted = false;
    if passive {
        source_np = ctx.np_fwd(k + 1, end);
        if let Some((_, e)) = source_np {
            cue_spans[0] = ctx.span(cue_first, k + 1);
            k = e;
        } else {
            return;
        }
    }
    // Recipient of "told/asked/assured/warned X (that)".
    let tell = matches!(entry.lemma, "tell" | "ask" | "assure" | "inform" | "remind" | "brief");
    if tell && !passive {
        if let Some((_, e)) = ctx.np_fwd(k, end) {
            if !(k < end && ctx.is_open_quote(k)) {
                k = e;
            }
        }
    }
    if !passive {
        let adjuncts = ctx.adjuncts_before(cue_first, floor);
        source_np = ctx.np_back(adjuncts, floor).or_else(|| ctx.np_back(cue_first, floor));
        // Skip a time phrase between subject and aux: "NBC had on the previous day claimed".
        if let Some((s, e)) = source_np {
            let head = ctx.low(e - 1);
            if matches!(
                &*head,
                "day"
                    | "week"
                    | "month"
                    | "year"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "morning"
                    | "evening"
                    | "night"
            ) {
                let mut b = s;
                while b > floor
                    && ctx.is_word(b - 1)
                    && (is(words::NP_INNER_PREP, &ctx.low(b - 1)) || is(words::CUE_PREFIX, &ctx.low(b - 1)))
                {
                    b -= 1;
                }
                if b < s {
                    let aux_words = (b..s).filter(|&x| is(words::CUE_PREFIX, &ctx.low(x))).count();
                    source_np = ctx.np_back(b, floor);
                    if aux_words > 0 {
                        if let Some(first_aux) = (b..s).find(|&x| is(words::CUE_PREFIX, &ctx.low(x))) {
                            cue_spans.insert(0, ctx.span(first_aux, first_aux + 1));
                        }
                    }
                }
            }
        }
    }
    let mut after = ctx.content_after(k, end);
    // An intention takes an infinitive: "Trump wants to junk …", "vowed to punish …".
    if k < end && ctx.low_is(k, "to") && INTENTION_VERBS.contains(&entry.lemma) && ctx.is_word(k + 1) {
        after = After { start: Some(k), marked: true, citing: after.citing };
    }
    // A question: "asked whether …", "wondered how …", "was asked about …".
    if matches!(entry.lemma, "ask" | "wonder" | "question") && !after.marked {
        let lo = k;
        let hi = (k + 6).min(end);
        if let Some(q) = (lo..hi).find(|&x| {
            ctx.is_word(x)
                && matches!(
                    &*ctx.low(x),
                    "whether" | "if" | "how" | "why" | "what" | "who" | "when" | "where" | "about"
                )
        }) {
            after = After { start: Some(q), marked: true, citing: after.citing };
        }
    }
    let mut content: Vec<Span> = Vec::new();
    let mut confidence = 0.45 + 0.4 * entry.prior.min(1.0);
    let mut inherit_from = None;
    let prev_sep =
        cue_first > floor && (ctx.is_punct(cue_first - 1, ',') || ctx.tok(cue_first - 1).kind == TokKind::Quote);
    // Apposition: "Marc Morial, the chief executive of the League, said …" (also "Name (D-N.Y.), …,").
    // Dashes work the same: "A former candidate -- John McCain, who lost in 2008 -- said …".
    let sep_char = if cue_first > floor { ctx.tok(cue_first - 1).ch } else { '\0' };
    let is_sep = |x: usize| ctx.tok(x).kind == TokKind::Punct && ctx.tok(x).ch == sep_char;
    let dash_sep =
        matches!(sep_char, '—' | '–' | '-') && cue_first > floor && ctx.tok(cue_first - 1).kind == TokKind::Punct;
    if source_np.is_none()
        && !participle
        && !passive
        && cue_first > floor + 2
        && (ctx.is_punct(cue_first - 1, ',') || dash_sep)
    {
        let mut c2 = cue_first - 1;
        // "--" is two dash tokens.
        while dash_sep && c2 > floor && is_sep(c2 - 1) {
            c2 -= 1;
        }
        let lo = c2.saturating_sub(18).max(floor);
        let c1 = (lo..c2).rev().find(|&x| is_sep(x)).map(|x| {
            let mut x = x;
            while dash_sep && x > lo && is_sep(x - 1) {
                x -= 1;
            }
            x
        });
        if let Some(c1) = c1 {
            let c1_end = (c1..c2).find(|&x| !is_sep(x)).unwrap_or(c2).saturating_sub(1);
            let (c1, c1_inner) = (c1, c1_end);
            let number = c1_inner + 2 == c2 && ctx.tok(c1_inner + 1).ch.is_ascii_digit();
            let clean = dash_sep
                || (c1_inner + 1..c2).all(|x| {
                    ctx.tok(x).kind != TokKind::Quote && !(ctx.is_word(x) && is(words::FINITE_VERBS, &ctx.low(x)))
                });
            let appos_ok = c1_inner + 1 < c2 && clean && (number || ctx.np_fwd(c1_inner + 1, c2).is_some());
            let mut e1 = c1;
            if e1 > floor && ctx.is_punct(e1 - 1, ')') {
                if let Some(open) = (lo..e1 - 1).rev().find(|&x| ctx.is_punct(x, '(')) {
                    e1 = open;
                }
            }
            if appos_ok {
                if let Some((a, b)) = ctx.np_back(e1, floor) {
                    if (a..b).any(|x| ctx.tok(x).cap) {
                        source_np = Some((a, c2));
                    }
                }
            }
        }
    }
    // A coordinated verb phrase: "Trump had initially welcomed the election and said …" — the
    // subject is the sentence's first noun phrase.
    // "The spokesman declined to comment on the race but said …": the subject of the first verb.
    let coordinated = ctx.low_is(cue_first.saturating_sub(1), "and") || ctx.low_is(cue_first.saturating_sub(1), "but");
    if cue_first > floor + 2 && coordinated && !passive {
        if let Some((a, b)) = ctx.np_fwd(ctx.after_intro(floor, cue_first), cue_first) {
            let verb_after = b < cue_first
                && ctx.is_word(b)
                && (is(words::CUE_PREFIX, &ctx.low(b)) || (ctx.low(b).ends_with("ed") && !ctx.tok(b).cap));
            if verb_after && (a..b).any(|x| ctx.tok(x).cap || is(words::PRONOUNS, &ctx.low(x))) {
                source_np = Some((a, b));
            }
        }
        // "Mrs. Clinton shook her head and said": any verb after a named subject.
        if source_np.is_none() {
            source_np = ctx.subject_at(ctx.after_intro(floor, cue_first), cue_first);
        }
        // "Podesta said A and said B": the speaker of the sentence's previous claim.
        if source_np.is_none() && claims.len() > first_claim_in_sentence {
            inherit_from = Some(claims.len() - 1);
        }
    }
    // Inverted "…,” said Patel." / "…, says the report."
    if source_np.is_none() && !participle && prev_sep && !passive {
        if let Some((a, b)) = ctx.np_fwd(k, end) {
            let tail_ok = b >= end || ctx.is_punct(b, ',') || !ctx.is_word(b) || is(words::TIME_WORDS, &ctx.low(b));
            if tail_ok {
                if let Some((c, _)) = ctx.content_before(sent, cue_first) {
                    source_np = Some((a, b));
                    content.push(c);
                    inverted = true;
                    confidence += 0.1;
                }
            }
        }
    }
    if source_np.is_none() && !inverted && !passive {
        if participle && prev_sep && claims.len() > first_claim_in_sentence {
            inherit_from = Some(claims.len() - 1);
        } else if participle && prev_sep {
            // "Mr. Trump struck a measured tone, saying …": the subject of the main clause (after
            // an introductory phrase: "In a speech on Tuesday, Mr. Trump struck …").
            if let Some((a, b)) = ctx.subject_at(ctx.after_intro(floor, cue_first), cue_first) {
                source_np = Some((a, b));
                confidence -= 0.1;
            }
        } else if !participle {
            // "Russia, in turn, has dismissed …": the sentence's first noun phrase before a comma.
            let first_comma = (floor..cue_first).find(|&x| ctx.is_punct(x, ','));
            if let Some(c) = first_comma {
                if let Some((a, b)) = ctx.np_fwd(floor, c + 1) {
                    if b == c && (a..b).any(|x| ctx.tok(x).cap) {
                        source_np = Some((a, b));
                        confidence -= 0.1;
                    }
                }
            }
        }
        if source_np.is_none() && inherit_from.is_none() {
            return;
        }
    }
    // Passive with an anaphoric subject: "This was reported by NBC": the previous sentence.
    if passive {
        let subj = ctx.np_back(cue_first, floor);
        let anaphoric = subj.is_some_and(|(a, b)| b == a + 1 && matches!(&*ctx.low(a), "this" | "it" | "that"))
            || (cue_first > floor && matches!(&*ctx.low(cue_first - 1), "this" | "it"));
        if anaphoric && si > 0 && ctx.d.sentences[si - 1].para + 1 >= sent.para {
            let prev = &ctx.d.sentences[si - 1];
            let pe = clause_end(ctx, prev);
            if pe > prev.tok_start {
                content.push(ctx.span(prev.tok_start, pe));
            }
        } else {
            return;
        }
    }
    let mut marked = after.marked;
    if content.is_empty() {
        // Content-first: "…, NBC alleged." / "“…,” Zelensky said today at …"
        let mut before = source_np.and_then(|(s, _)| ctx.content_before(sent, s));
        // "Asked whether …, Ban said …": the question is not what Ban said (see `asked`).
        if ctx.asked_at(floor).is_some() && before.is_some_and(|(c, _)| c.start <= ctx.tok(floor + 1).span.start) {
            before = None;
        }
        // "The plan, he said, would fail": a short first part counts when a rest follows.
        if let Some((s, _)) = source_np.filter(|&(s, _)| before.is_none() && s > floor + 1 && ctx.is_punct(s - 1, ','))
        {
            let words = (floor..s - 1).all(|x| ctx.is_word(x));
            if words && interrupted_rest(ctx, k, end).is_some() {
                before = Some((ctx.span(floor, s - 1), false));
            }
        }
        // An introductory adjunct is no content: "On Sunday’s show, Pence said his running mate …".
        let first = ctx.skip_until(sent);
        let intro = before.is_some()
            && ctx.is_word(first)
            && is(words::INTRO_WORDS, &ctx.low(first))
            && after.start.is_some_and(|s| (s..end).filter(|&x| ctx.is_word(x)).count() >= 4);
        // "“A,” he said, “B.”": both quotations (the second is added by `follow_quotes`).
        let quote_after_comma = after.start.is_some_and(|s| s > 0 && ctx.is_open_quote(s) && ctx.is_punct(s - 1, ','));
        // "All of which, he said, would help …": the rest of the sentence is content too.
        let interrupted = if before.is_some() { interrupted_rest(ctx, k, end) } else { None };
        let use_before = match (&before, after.start) {
            (Some(_), None) => true,
            (Some((_, true)), Some(_)) if quote_after_comma => true,
            (Some((_, quoted)), Some(a)) => {
                // A short tail is an adjunct ("…, she said on Monday", "…, he told reporters"),
                // unless it opens a clause of its own ("…, a poll shows Trump with a lead").
                let words_after = (a..end).filter(|&x| ctx.is_word(x)).count();
                let first = ctx.low(a);
                let adjunct = !ctx.is_word(a)
                    || words_after <= 2
                    || is(words::NP_INNER_PREP, &first)
                    || is(words::TIME_WORDS, &first)
                    || first.ends_with("ly")
                    || matches!(
                        &*first,
                        "to" | "during"
                            | "after"
                            | "before"
                            | "while"
                            | "as"
                            | "when"
                            | "late"
                            | "early"
                            | "last"
                            | "this"
                            | "earlier"
                            | "again"
                            | "afterward"
                            | "later"
                            | "by"
                            | "under"
                            | "through"
                    );
                !after.marked && !intro && (*quoted || (end - k <= 8 && adjunct) || interrupted.is_some())
            }
            _ => false,
        };
        if use_before {
            let (c, quoted) = before.unwrap_or_default();
            content.push(c);
            marked = quoted;
            content.extend(interrupted);
        } else if let Some(s) = after.start {
            let colon = s > 0 && ctx.is_punct(s - 1, ':');
            let object = !after.marked && !CLAUSE_VERBS.contains(&entry.lemma);
            let e = match (colon, ctx.quote_opening_at(s).and_then(|q| q.close_tok)) {
                // "responded: “…”" — the quotation, not the rest of the paragraph.
                (true, Some(close)) if close + 1 < ctx.para_end(sent) => close + 1,
                (true, _) => ctx.para_end(sent),
                _ => ctx.content_end(s, end, object),
            };
            let n_words = (s..e).filter(|&x| ctx.is_word(x)).count();
            if n_words >= 2 {
                content.push(ctx.span(s, e));
            }
        }
    }
    if content.is_empty() {
        return;
    }
    // Words that are also plural nouns ("dubious medical claims", "raises questions") and verbs
    // that are mostly not reports ("spoke to reporters", "released the video", "called an
    // emergency meeting") need an explicit marker, a quotation, or a particle in the cue.
    let explicit = after.marked
        || inverted
        || content.iter().any(|c| ctx.quotes_overlapping(*c).iter().any(|q| c.overlaps(q.inner)));
    let plural_noun = matches!(
        &*w,
        "claims"
            | "questions"
            | "calls"
            | "reports"
            | "comments"
            | "remarks"
            | "notes"
            | "statements"
            | "plans"
            | "views"
            | "concerns"
            | "attacks"
            | "warnings"
            | "promises"
            | "charges"
            | "shows"
            | "answers"
            | "points"
            | "fears"
            | "hopes"
    );
    let has_particle = cue_spans[0].end > ctx.tok(i).span.end;
    let weak_verb = matches!(entry.lemma, "speak" | "talk" | "release") && !has_particle;
    if (plural_noun || weak_verb) && !explicit && !content_first(&content, &cue_spans) {
        return;
    }
    // A reduced relative ("an analysis released by the department") reports nothing unless a
    // marker follows.
    let reduced_relative = cue_first == i && w.ends_with("ed") && ctx.low_is(k, "by") && !passive;
    if reduced_relative && !after.marked {
        return;
    }
    // Weak cue words need evidence.
    let quoted = content.iter().any(|c| ctx.quotes_overlapping(*c).iter().any(|q| c.overlaps(q.inner)));
    // "Her advisers think she has the discipline": an attitude of a named or described third
    // party (not the "I think" of a speaker) is attributed as such.
    let third_party_belief = entry.class == CueClass::Belief
        && cue_first == i
        && source_np.is_some_and(|(a, b)| {
            b == cue_first
                && !matches!(&*ctx.low(a), "i" | "we" | "you" | "they" | "who" | "which")
                && ((a..b).any(|x| ctx.is_role(x)) || ctx.tok(b - 1).cap)
        });
    let evidence = marked || quoted || inverted || third_party_belief;
    // A weak cue inside the content of an earlier claim is part of that content.
    let core_speech = matches!(entry.lemma, "say" | "tell" | "add" | "write" | "report" | "claim" | "note" | "argue");
    if nested && entry.prior < 0.6 && !after.marked && !(core_speech && source_np.is_some()) {
        return;
    }
    if entry.prior < MIN_PRIOR && !evidence {
        return;
    }
    if entry.prior < MIN_PRIOR_WITH_EVIDENCE && !(after.marked || inverted) {
        return;
    }
    if entry.class == CueClass::Belief && !after.marked && entry.prior < 0.3 && !third_party_belief {
        return;
    }
    if evidence {
        confidence += 0.1;
    }
    let via = after.citing.map(|_| RawVia { source: source_np.map(|(a, b)| ctx.span(a, b)), cue: cue_spans.clone() });
    let source = match after.citing {
        Some((c, (a, b))) => {
            cue_spans.push(ctx.span(c, c + 1));
            Some(ctx.span(a, b))
        }
        None => source_np.map(|(a, b)| ctx.span(a, b)),
    };
    let kind = if entry.class == CueClass::Belief { ClaimKind::Belief } else { ctx.kind_of(&content) };
    claims.push(RawClaim {
        kind,
        content,
        cue: cue_spans,
        source,
        stance: entry.stance,
        via,
        confidence: confidence.clamp(0.05, 0.99),
        sentence: si,
        inherit_from,
    });
}

/// True when the (first) content lies before the cue: "…, NBC alleged."
fn content_first(content: &[Span], cue: &[Span]) -> bool {
    matches!((content.first(), cue.first()), (Some(c), Some(q)) if c.end <= q.start)
}

/// Verbs of intention whose complement is an infinitive ("plans to …").
const INTENTION_VERBS: &[&str] = &[
    "want", "plan", "seek", "hope", "vow", "promise", "pledge", "intend", "decide", "refuse", "threaten", "aim",
    "expect", "agree", "offer", "propose", "wish", "decline", "swear", "prefer",
];

/// Verbs whose unmarked complement is a clause ("said there remains …"), not an object.
const CLAUSE_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "write",
    "state",
    "explain",
    "claim",
    "insist",
    "argue",
    "note",
    "report",
    "warn",
    "believe",
    "think",
    "know",
    "suggest",
    "predict",
    "announce",
    "declare",
    "confirm",
    "acknowledge",
    "admit",
    "concede",
    "reveal",
    "estimate",
    "assert",
    "maintain",
    "contend",
    "allege",
    "hope",
    "fear",
    "expect",
    "worry",
    "feel",
    "agree",
    "recall",
    "reply",
    "respond",
    "continue",
    "remark",
    "stress",
    "emphasize",
    "tweet",
    "post",
    "find",
    "show",
    "conclude",
    "indicate",
    "observe",
    "reiterate",
    "testify",
    "assure",
    "promise",
    "swear",
];

/// After a cue (token `k` onward): ", …" to the end of the sentence with at least three words,
/// as in "A, he said, B." — the span of B.
fn interrupted_rest(ctx: &Ctx<'_>, k: usize, end: usize) -> Option<Span> {
    // Skip a recipient/time phrase ("told me on Friday"), then expect a comma.
    let mut m = k;
    let mut steps = 0;
    while m < end && steps < 5 && ctx.is_word(m) && !ctx.low_is(m, "that") {
        m += 1;
        steps += 1;
    }
    if m >= end || !ctx.is_punct(m, ',') {
        return None;
    }
    let s = m + 1;
    if s < end && ctx.tok(s).kind == TokKind::Quote {
        return None; // "“A,” he said, “B.”" is handled with the quotations
    }
    let n_words = (s..end).filter(|&x| ctx.is_word(x)).count();
    if n_words < 3 {
        return None;
    }
    let first = ctx.low(s);
    if (first.ends_with("ing") && ctx.cue_entry(s).is_some())
        || matches!(
            &*first,
            "who" | "which" | "according" | "as" | "while" | "when" | "after" | "before" | "adding" | "but" | "and"
        )
    {
        return None;
    }
    Some(ctx.span(s, ctx.content_end(s, end, false)))
}

/// A quotation that reopens in the next paragraph belongs to the claim of its first part, and
/// a claim whose content is the last part of such a quotation gets the earlier parts too.
fn continue_quotes(ctx: &Ctx<'_>, claims: &mut [RawClaim]) {
    let d = ctx.d;
    let quotes = d.quotes;
    // Claims by paragraph: a content part overlapping a quotation lies in its paragraph.
    let mut by_para: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_para.entry(d.sentences[c.sentence].para).or_default().push(i);
    }
    let para_of = |tok: usize| {
        let s = d.sentences.partition_point(|s| s.tok_end <= tok);
        d.sentences.get(s).map(|s| s.para)
    };
    let owner = |claims: &[RawClaim], span: Span, tok: usize| {
        let ids = para_of(tok).and_then(|p| by_para.get(&p))?;
        ids.iter().copied().find(|&i| claims[i].content.iter().any(|s| s.overlaps(span)))
    };
    for k in 0..quotes.len() {
        if !quotes[k].continues || k + 1 >= quotes.len() || !quotes[k + 1].continued {
            continue;
        }
        let (a, b) = (quotes[k].inner, quotes[k + 1].inner);
        let owner_a = owner(claims, a, quotes[k].open_tok);
        let owner_b = owner(claims, b, quotes[k + 1].open_tok);
        match (owner_a, owner_b) {
            (Some(x), None) => claims[x].content.push(b),
            (None, Some(y)) => claims[y].content.insert(0, a),
            _ => {}
        }
    }
}
