//! Stage 3: pair quote marks into quotations.
//!
//! Double quote marks (`“ ” „ « » "`) open and close quotations; single marks are apostrophes
//! unless nothing else is quoting. Straight `"` faces by its neighbours (space before: opens;
//! space after: closes). News convention: a quotation that runs over several paragraphs leaves
//! each paragraph but the last unclosed and reopens the next one — those parts are one
//! quotation ([`Quote::continues`]). Unbalanced marks become a quotation that ends at the end of
//! its paragraph, with a diagnostic. Finally, sentence boundaries inside a quotation are removed
//! so that a quotation never straddles two sentences.

use super::lexicon::{lower_into, CueClass, Lexicon};
use super::model::{Diagnostic, Level};
use super::segment::{Paragraph, Sentence, TokKind, Token};
use super::span::Span;

/// One quotation, inside one paragraph.
#[derive(Clone, Copy, Debug)]
pub struct Quote {
    /// Token index of the opening mark (or of the first token when there is none).
    pub open_tok: usize,
    /// Token index of the closing mark, if any.
    pub close_tok: Option<usize>,
    /// Tokens strictly between the marks: `inner_start..inner_end`.
    pub inner_start: usize,
    /// See `inner_start`.
    pub inner_end: usize,
    /// The text between the marks.
    pub inner: Span,
    /// The quotation including its marks.
    pub outer: Span,
    /// The quotation goes on in the next paragraph.
    pub continues: bool,
    /// The quotation goes on from the previous paragraph.
    pub continued: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Face {
    Open,
    Close,
    Either,
}

fn face(text: &str, tokens: &[Token], i: usize) -> Option<Face> {
    let t = tokens[i];
    let before = text[..t.span.start].chars().next_back();
    let after = text[t.span.end..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/'));
    let space_after = after
        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–'));
    match t.ch {
        // A mark facing the wrong way is told by its spacing: "…fascist?“ he asked" closes,
        // "”Hello,” she said" (a style that uses ” for both) opens.
        '“' if space_after && !space_before => Some(Face::Close),
        '”' if space_before && !space_after => Some(Face::Open),
        '“' | '„' | '«' => Some(Face::Open),
        '”' | '»' => Some(Face::Close),
        '"' | '″' | '‟' => Some(if space_before && !space_after {
            Face::Open
        } else if space_after && !space_before {
            Face::Close
        } else {
            Face::Either
        }),
        _ => None, // single marks: apostrophes
    }
}

/// Pair quote marks in every paragraph. Returns the quotations in document order.
pub fn pair(text: &str, tokens: &[Token], paragraphs: &[Paragraph], diagnostics: &mut Vec<Diagnostic>) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut carried = false; // previous paragraph ended inside a quotation
    for para in paragraphs {
        let mut open: Option<usize> = None;
        let mut german = false; // „ … “
        let first_is_open = (para.tok_start..para.tok_end)
            .find(|&i| tokens[i].kind == TokKind::Quote)
            .is_some_and(|i| i == para.tok_start && face(text, tokens, i) != Some(Face::Close));
        let continued = carried && first_is_open;
        carried = false;
        let mut n_unbalanced = 0usize;
        for i in para.tok_start..para.tok_end {
            if tokens[i].kind != TokKind::Quote {
                continue;
            }
            let Some(mut f) = face(text, tokens, i) else {
                continue;
            };
            if german && tokens[i].ch == '“' {
                f = Face::Close;
            }
            if f == Face::Either {
                f = if open.is_some() { Face::Close } else { Face::Open };
            }
            match (f, open) {
                (Face::Open, None) => {
                    open = Some(i);
                    german = tokens[i].ch == '„';
                }
                (Face::Open, Some(o)) => {
                    // Reopened without closing: end the first one just before this mark.
                    n_unbalanced += 1;
                    quotes.push(make(tokens, o, None, i, continued && quotes_in_para(&quotes, para) == 0, false));
                    open = Some(i);
                }
                (Face::Close, Some(o)) => {
                    quotes.push(make(tokens, o, Some(i), i, continued && quotes_in_para(&quotes, para) == 0, false));
                    open = None;
                    german = false;
                }
                (Face::Close, None) => {
                    n_unbalanced += 1;
                }
                (Face::Either, _) => {}
            }
        }
        if let Some(o) = open {
            // Is the next paragraph a continuation (starts with an opening mark)?
            carried = true;
            quotes.push(make(tokens, o, None, para.tok_end, continued && quotes_in_para(&quotes, para) == 0, true));
        }
        if n_unbalanced > 0 {
            diagnostics.push(Diagnostic {
                level: Level::Info,
                code: "unbalanced_quote".into(),
                message: format!("{n_unbalanced} unpaired quote mark(s) in this paragraph"),
                span: Some(para.span),
            });
        }
    }
    // A paragraph left open whose next paragraph does not reopen: unbalanced, not continued.
    for k in 0..quotes.len() {
        if quotes[k].continues {
            let next_continued = quotes.get(k + 1).is_some_and(|q| q.continued);
            if !next_continued {
                quotes[k].continues = false;
                diagnostics.push(Diagnostic {
                    level: Level::Info,
                    code: "unclosed_quote".into(),
                    message: "quotation not closed before the end of its paragraph".into(),
                    span: Some(quotes[k].outer),
                });
            }
        }
    }
    quotes
}

fn quotes_in_para(quotes: &[Quote], para: &Paragraph) -> usize {
    quotes.iter().rev().take_while(|q| q.open_tok >= para.tok_start).count()
}

fn make(tokens: &[Token], open: usize, close: Option<usize>, end: usize, continued: bool, continues: bool) -> Quote {
    let inner_start = open + 1;
    let inner_end = end.max(inner_start);
    let inner = if inner_start < inner_end {
        Span::new(tokens[inner_start].span.start, tokens[inner_end - 1].span.end)
    } else {
        Span::new(tokens[open].span.end, tokens[open].span.end)
    };
    let outer_end = close.map(|c| tokens[c].span.end).unwrap_or(inner.end);
    Quote {
        open_tok: open,
        close_tok: close,
        inner_start,
        inner_end,
        inner,
        outer: Span::new(tokens[open].span.start, outer_end),
        continues,
        continued,
    }
}

/// For each token, the index of the quotation whose inside it is in.
pub fn inside_map(n_tokens: usize, quotes: &[Quote]) -> Vec<Option<u32>> {
    let mut map = vec![None; n_tokens];
    for (q, quote) in quotes.iter().enumerate() {
        for slot in &mut map[quote.inner_start..quote.inner_end.min(n_tokens)] {
            *slot = Some(q as u32);
        }
    }
    map
}

/// Merge sentences whose boundary falls inside a quotation, and a quoted question or
/// exclamation with the attribution after it ("“Why not?” Priebus said." is one sentence).
pub fn merge_sentences(
    text: &str,
    tokens: &[Token],
    sentences: Vec<Sentence>,
    inside: &[Option<u32>],
) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::with_capacity(sentences.len());
    for s in sentences {
        if let Some(prev) = out.last_mut() {
            let a = prev.tok_end - 1;
            let b = s.tok_start;
            let same_para = prev.para == s.para;
            let inside_one = a < inside.len() && b < inside.len() && inside[a].is_some() && inside[a] == inside[b];
            if same_para && (inside_one || is_attribution_tail(text, tokens, prev, &s)) {
                prev.tok_end = s.tok_end;
                prev.span = Span::new(prev.span.start, tokens[s.tok_end - 1].span.end);
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// True when `prev` ends with a quotation closed after "?" or "!" and `next` opens with the
/// attribution of that quotation: a speech cue within its first few words, before it only a
/// name, a pronoun or a noun phrase ("Priebus said", "said the senator", "the company said in a
/// statement").
fn is_attribution_tail(text: &str, tokens: &[Token], prev: &Sentence, next: &Sentence) -> bool {
    const MAX_WORDS_BEFORE_CUE: usize = 6;
    let n = prev.tok_end;
    if n < 2 || n > tokens.len() || next.tok_start >= next.tok_end {
        return false;
    }
    let (last, before) = (tokens[n - 1], tokens[n - 2]);
    if last.kind != TokKind::Quote || before.kind != TokKind::Punct || !matches!(before.ch, '?' | '!') {
        return false;
    }
    let lex = Lexicon::get();
    let mut buf = String::new();
    for (k, tok) in tokens[next.tok_start..next.tok_end].iter().take(MAX_WORDS_BEFORE_CUE + 1).enumerate() {
        if tok.kind != TokKind::Word {
            return false;
        }
        let w = tok.span.text(text);
        let is_speech = lex.cue(lower_into(w, &mut buf)).is_some_and(|c| c.class == CueClass::Speech);
        if is_speech && !tok.cap {
            return true;
        }
        // The words before the cue: a capitalised name or a pronoun first.
        if k == 0 && !tok.cap {
            return false;
        }
    }
    false
}
