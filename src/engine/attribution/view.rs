//! The token view the rules read: per token its text, lower-cased form, word class, cue entry
//! and the quotation it opens, closes or lies in; every accessor is bounds-checked (past the end
//! is an empty punctuation token), so no rule can index out of range whatever the input.

use std::borrow::Cow;

use super::tagger::Tagger;
use super::Doc;
use crate::engine::lexicon::{lower_into, CueEntry, Lexicon};
use crate::engine::quotes::Quote;
use crate::engine::segment::{Sentence, TokKind, Token};
use crate::engine::span::Span;
use crate::engine::words;

/// The class bit of a role noun ("spokesperson", "senator"), next to [`crate::engine::words::class`].
pub(crate) const ROLE: u16 = 1 << 15;

/// The token view of one document.
pub(crate) struct Ctx<'a> {
    pub(crate) d: &'a Doc<'a>,
    /// The sentences as the rules see them: long ones cut into windows ([`super::window`]).
    pub(crate) sents: &'a [Sentence],
    /// Where cue candidates come from.
    pub(crate) tagger: &'a dyn Tagger,
    pub(crate) lex: &'static Lexicon,
    /// Per token: its word classes ([`crate::engine::words::class`]) and [`ROLE`] (looked up once).
    pub(crate) classes: Vec<u16>,
    /// Per token: its cue entry (looked up once; the rules ask many times).
    pub(crate) cues: Vec<Option<&'static CueEntry>>,
    /// The text with ASCII letters lower-cased (same byte offsets), so most lower-case
    /// words are borrowed slices.
    pub(crate) ascii_lower: &'a str,
}

pub(crate) fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// The full form of token `t` if it is an auxiliary split from its pronoun ("’s" → "is"): its
/// first character is tested before any string work (a word token starting with an apostrophe
/// can be nothing else).
#[inline]
fn clitic_of(t: Token, text: &str) -> Option<&'static str> {
    if t.kind == TokKind::Word && matches!(t.ch, '’' | '\'') {
        words::expand_clitic(t.span.text(text))
    } else {
        None
    }
}

impl<'a> Ctx<'a> {
    /// The view of `d` over the sentence windows `sents`, cue entries looked up once per token.
    pub(crate) fn new(d: &'a Doc<'a>, tagger: &'a dyn Tagger, sents: &'a [Sentence], ascii_lower: &'a str) -> Ctx<'a> {
        let mut buf = String::new();
        let lex = Lexicon::get();
        let cues = d
            .toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if t.kind != TokKind::Word || t.span.len() > 20 {
                    return None;
                }
                let entry = match ascii_lower.get(t.span.start..t.span.end) {
                    Some(w) if w.is_ascii() => lex.cue(w),
                    _ => lex.cue(lower_into(t.span.text(d.text), &mut buf)),
                };
                tagger.cue(d, i, entry)
            })
            .collect();
        let classes = d
            .toks
            .iter()
            .map(|t| {
                let text = t.span.text(d.text);
                let w = match (clitic_of(*t, d.text), ascii_lower.get(t.span.start..t.span.end)) {
                    (Some(full), _) => Cow::Borrowed(full),
                    (None, Some(w)) if w.is_ascii() => Cow::Borrowed(w),
                    _ => lower(text),
                };
                let info = lex.word(&w);
                info.classes | if info.role.is_some() { ROLE } else { 0 }
            })
            .collect();
        Ctx { d, sents, tagger, lex, classes, cues, ascii_lower }
    }

    /// The token at `i`; past the end, an empty punctuation token (rules never index out of
    /// bounds, whatever the input).
    #[inline(always)]
    pub(crate) fn tok(&self, i: usize) -> Token {
        self.d.toks.get(i).copied().unwrap_or(Token {
            span: Span::new(self.d.text.len(), self.d.text.len()),
            kind: TokKind::Punct,
            cap: false,
            ch: '\0',
        })
    }
    #[inline(always)]
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.tok(i).span.text(self.d.text)
    }
    /// The full form of the split-off auxiliary at `i` ("’s" → "is"), if it is one.
    #[inline]
    pub(crate) fn clitic(&self, i: usize) -> Option<&'static str> {
        clitic_of(self.tok(i), self.d.text)
    }

    /// The word at `i` lower-cased; a contracted auxiliary in full ("’s" → "is").
    pub(crate) fn low(&self, i: usize) -> Cow<'a, str> {
        let t = self.tok(i);
        if let Some(full) = clitic_of(t, self.d.text) {
            return Cow::Borrowed(full);
        }
        let span = t.span;
        match self.ascii_lower.get(span.start..span.end) {
            Some(w) if w.is_ascii() => Cow::Borrowed(w),
            _ => lower(self.word(i)),
        }
    }
    #[inline(always)]
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.tok(i).kind == TokKind::Word
    }
    #[inline(always)]
    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        let t = self.tok(i);
        t.kind == TokKind::Punct && t.ch == c
    }
    /// Is the token at `i` a punctuation mark among `marks` (dashes: `&['—', '–']`)?
    #[inline(always)]
    pub(crate) fn is_punct_in(&self, i: usize, marks: &[char]) -> bool {
        let t = self.tok(i);
        t.kind != TokKind::Word && marks.contains(&t.ch)
    }
    pub(crate) fn is_open_quote(&self, i: usize) -> bool {
        self.quote_opening_at(i).is_some_and(|q| q.inner_start < q.inner_end)
    }
    /// The last quotation opened at or before token `i` (quotations are disjoint and in document
    /// order, so it is the only one that can open or close at `i`).
    fn quote_from(&self, i: usize) -> Option<&'a Quote> {
        let q = self.d.quotes;
        q.partition_point(|x| x.open_tok <= i).checked_sub(1).map(|k| &q[k])
    }
    pub(crate) fn quote_closing_at(&self, i: usize) -> Option<&'a Quote> {
        self.quote_from(i).filter(|q| q.close_tok == Some(i))
    }
    pub(crate) fn quote_opening_at(&self, i: usize) -> Option<&'a Quote> {
        self.quote_from(i).filter(|q| q.open_tok == i)
    }
    /// Quotations overlapping `span` (quotations are disjoint and in document order).
    pub(crate) fn quotes_overlapping(&self, span: Span) -> &'a [Quote] {
        let q = self.d.quotes;
        let from = q.partition_point(|x| x.outer.end <= span.start);
        let to = from + q[from..].partition_point(|x| x.outer.start < span.end);
        &q[from..to]
    }
    #[inline(always)]
    pub(crate) fn low_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.word(i).eq_ignore_ascii_case(w)
    }
    #[inline(always)]
    pub(crate) fn cue_entry(&self, i: usize) -> Option<&'static CueEntry> {
        self.cues.get(i).copied().flatten()
    }
    #[inline(always)]
    pub(crate) fn is_role(&self, i: usize) -> bool {
        self.is_a(i, ROLE)
    }
    /// Is the token at `i` of any of the word classes `mask` ([`crate::engine::words::class`])?
    #[inline(always)]
    pub(crate) fn is_a(&self, i: usize, mask: u16) -> bool {
        self.classes.get(i).is_some_and(|c| c & mask != 0)
    }
    /// The first token that starts at or after byte `pos` (the number of tokens when none does).
    pub(crate) fn tok_at(&self, pos: usize) -> usize {
        self.d.toks.partition_point(|t| t.span.start < pos)
    }
    #[inline(always)]
    pub(crate) fn span(&self, a: usize, b: usize) -> Span {
        // tokens a..b (exclusive), b > a
        Span::new(self.tok(a).span.start, self.tok(b.saturating_sub(1)).span.end)
    }

    /// The end of the paragraph of token `i` (exclusive token index), without a final full stop.
    pub(crate) fn para_end(&self, sent: &Sentence) -> usize {
        // At most one window past the sentence: a colon's content never runs on without bound.
        let para = self.d.paragraphs.get(sent.para).map_or(sent.tok_end, |p| p.tok_end);
        let mut e = para.min(sent.tok_end + super::window::MAX_TOKENS);
        while e > sent.tok_start
            && self.tok(e - 1).kind == TokKind::Punct
            && matches!(self.tok(e - 1).ch, '.' | ',' | ';')
        {
            e -= 1;
        }
        e
    }

    #[inline(always)]
    pub(crate) fn inside_of(&self, i: usize) -> Option<u32> {
        self.d.inside.get(i).copied().flatten()
    }

    pub(crate) fn skip_until(&self, sent: &Sentence) -> usize {
        let pos = self.d.para_skip_until.get(sent.para).copied().unwrap_or(0);
        (sent.tok_start..sent.tok_end).find(|&i| self.tok(i).span.start >= pos).unwrap_or(sent.tok_end)
    }

    /// True when at least four words and four in five of a sentence's words are capitalised (a
    /// headline in title case).
    pub(crate) fn title_case(&self, sent: &Sentence) -> bool {
        let words = (sent.tok_start..sent.tok_end).filter(|&x| self.is_word(x));
        let (n, caps) = words.fold((0, 0), |(n, c), x| (n + 1, c + usize::from(self.tok(x).cap)));
        n >= 4 && caps * 5 >= n * 4
    }
}

pub(crate) fn clause_end(ctx: &Ctx<'_>, sent: &Sentence) -> usize {
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
