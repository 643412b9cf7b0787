//! The features both labellers read, hashed: one precomputed row per token ([`Tokens`]), then
//! per position the cue tagger's features ([`cue`]) and, per cue, the role tagger's ([`role`]).
//! The trainer and the engine call these same functions, so a model never sees features its
//! trainer did not.

use super::super::trace::{Outcome, Trace};
use super::super::view::Ctx;
use super::super::RawClaim;
use crate::engine::segment::TokKind;

/// Bumped whenever a feature changes: a model trained on other features is not used.
pub const VERSION: u32 = 2;

/// FNV-1a over a template id and byte parts (a 0xff separator between parts).
pub(crate) fn hash(template: u8, parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ u32::from(template);
    h = h.wrapping_mul(0x0100_0193);
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            h ^= 0xff;
            h = h.wrapping_mul(0x0100_0193);
        }
        for &b in *p {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// What the rules did at a token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RuleMark {
    /// The rule of a claim whose cue covers the token ("" when none).
    pub cue_rule: &'static str,
    /// The veto that dropped a cue candidate at the token ("" when none).
    pub veto: &'static str,
    /// Inside some rule claim's source / content.
    pub in_source: bool,
    pub in_content: bool,
}

/// One token as the features see it.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    /// Lower-cased, digits as 0, at most 24 bytes.
    pub w: String,
    /// Word shape: `Xx`, `x`, `X`, `0`, `p` (punctuation) and the character for quote marks,
    /// dashes and colons.
    pub shape: &'static str,
    pub classes: u16,
    /// The cue lemma the lexicon gives it ("" when none) and its prior in tenths.
    pub lemma: &'static str,
    pub prior: u8,
    pub in_quote: bool,
    /// Its sentence window.
    pub sent: u32,
    pub rule: RuleMark,
    /// Tokens from its sentence window's start, and to its end (exclusive).
    pub from_start: u32,
    pub to_end: u32,
    /// Tokens back to the nearest quote mark, and ahead to the next, in its sentence window
    /// (bucketed; 10 when none).
    pub q_left: u8,
    pub q_right: u8,
}

/// Per token rows of one document, and where each sentence window starts.
pub(crate) struct Tokens {
    pub toks: Vec<Tok>,
}

fn norm(w: &str) -> String {
    let mut s = String::with_capacity(w.len().min(24));
    for c in w.chars().flat_map(char::to_lowercase) {
        if s.len() + c.len_utf8() > 24 {
            break;
        }
        s.push(if c.is_ascii_digit() { '0' } else { c });
    }
    s
}

fn shape(ctx: &Ctx<'_>, i: usize) -> &'static str {
    let t = ctx.tok(i);
    match t.kind {
        TokKind::Word => {
            let w = ctx.word(i);
            if w.chars().any(|c| c.is_ascii_digit()) {
                "0"
            } else if w.chars().all(char::is_uppercase) && w.chars().count() > 1 {
                "X"
            } else if t.cap {
                "Xx"
            } else {
                "x"
            }
        }
        _ => match t.ch {
            '"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»' => "q",
            '—' | '–' | '―' | '-' => "-",
            ':' => ":",
            ',' => ",",
            '.' | '!' | '?' => ".",
            _ => "p",
        },
    }
}

impl Tokens {
    /// The rows of `ctx`'s document, with what the rules made of it.
    pub(crate) fn new(ctx: &Ctx<'_>, claims: &[RawClaim], trace: &[Trace]) -> Tokens {
        let n = ctx.d.toks.len();
        let mut sent = vec![(0u32, 0u32, 0u32); n];
        for (k, s) in ctx.sents.iter().enumerate() {
            for (i, x) in sent.iter_mut().enumerate().take(s.tok_end.min(n)).skip(s.tok_start) {
                *x = (k as u32, (i - s.tok_start) as u32, (s.tok_end - i) as u32);
            }
        }
        let mut marks = vec![RuleMark::default(); n];
        let starts: Vec<usize> = ctx.d.toks.iter().map(|t| t.span.start).collect();
        let range = |a: usize, b: usize| {
            let from = starts.partition_point(|&s| s < a);
            let to = starts.partition_point(|&s| s < b);
            from..to
        };
        for c in claims {
            for s in &c.cue {
                for m in marks.get_mut(range(s.start, s.end)).unwrap_or_default() {
                    m.cue_rule = c.rule;
                }
            }
            if let Some(s) = c.source {
                for m in marks.get_mut(range(s.start, s.end)).unwrap_or_default() {
                    m.in_source = true;
                }
            }
            for s in &c.content {
                for m in marks.get_mut(range(s.start, s.end)).unwrap_or_default() {
                    m.in_content = true;
                }
            }
        }
        for t in trace {
            if let Outcome::Veto(why) = t.outcome {
                for m in marks.get_mut(range(t.at.start, t.at.end)).unwrap_or_default() {
                    m.veto = why;
                }
            }
        }
        let toks = (0..n)
            .map(|i| {
                let entry = ctx.cue_entry(i);
                Tok {
                    w: norm(ctx.word(i)),
                    shape: shape(ctx, i),
                    classes: ctx.classes.get(i).copied().unwrap_or(0),
                    lemma: entry.map_or("", |e| e.lemma),
                    prior: entry.map_or(0, |e| (e.prior * 10.0).round().clamp(0.0, 10.0) as u8),
                    in_quote: ctx.inside_of(i).is_some(),
                    sent: sent[i].0,
                    rule: marks[i],
                    from_start: sent[i].1,
                    to_end: sent[i].2,
                    q_left: 10,
                    q_right: 10,
                }
            })
            .collect::<Vec<Tok>>();
        let mut toks = toks;
        let mut last: Option<(usize, u32)> = None;
        for (i, tk) in toks.iter_mut().enumerate() {
            if let Some((k, s)) = last {
                if s == tk.sent {
                    tk.q_left = bucket(i - k);
                }
            }
            if tk.shape == "q" {
                last = Some((i, tk.sent));
            }
        }
        let mut next: Option<(usize, u32)> = None;
        for (i, tk) in toks.iter_mut().enumerate().rev() {
            if let Some((k, s)) = next {
                if s == tk.sent {
                    tk.q_right = bucket(k - i);
                }
            }
            if tk.shape == "q" {
                next = Some((i, tk.sent));
            }
        }
        Tokens { toks }
    }

    fn get(&self, i: isize) -> Option<&Tok> {
        usize::try_from(i).ok().and_then(|i| self.toks.get(i))
    }
    fn w(&self, i: isize) -> &[u8] {
        self.get(i).map_or(b"<s>", |t| t.w.as_bytes())
    }
    fn shape(&self, i: isize) -> &[u8] {
        self.get(i).map_or(b"<s>", |t| t.shape.as_bytes())
    }
    fn lemma(&self, i: isize) -> &[u8] {
        self.get(i).map_or(b"<s>", |t| t.lemma.as_bytes())
    }
}

/// The word without a common inflection ("claimed", "claims", "claiming" → "claim").
fn stem(w: &[u8]) -> &[u8] {
    for suf in [&b"ing"[..], b"ied", b"ies", b"ed", b"es", b"s"] {
        if w.len() > suf.len() + 2 && w.ends_with(suf) {
            return &w[..w.len() - suf.len()];
        }
    }
    w
}

fn suffix(w: &[u8], n: usize) -> &[u8] {
    &w[w.len().saturating_sub(n)..]
}

fn bucket(d: usize) -> u8 {
    match d {
        0..=3 => d as u8,
        4..=5 => 4,
        6..=9 => 5,
        10..=15 => 6,
        16..=25 => 7,
        26..=40 => 8,
        _ => 9,
    }
}

/// The cue tagger's features of token `i`, appended to `out`.
pub(crate) fn cue(t: &Tokens, i: usize, out: &mut Vec<u32>) {
    let ii = i as isize;
    let Some(me) = t.toks.get(i) else { return };
    let w0 = me.w.as_bytes();
    let push = |out: &mut Vec<u32>, tpl: u8, parts: &[&[u8]]| out.push(hash(tpl, parts));
    push(out, 1, &[]);
    push(out, 2, &[w0]);
    push(out, 3, &[t.w(ii - 1)]);
    push(out, 4, &[t.w(ii + 1)]);
    push(out, 5, &[t.w(ii - 2)]);
    push(out, 6, &[t.w(ii + 2)]);
    push(out, 7, &[t.w(ii - 1), w0]);
    push(out, 8, &[w0, t.w(ii + 1)]);
    push(out, 9, &[suffix(w0, 3)]);
    push(out, 10, &[me.shape.as_bytes()]);
    push(out, 11, &[me.lemma.as_bytes()]);
    push(out, 12, &[if me.lemma.is_empty() { &b"-"[..] } else { b"+" }, &[me.prior]]);
    push(out, 13, &[t.lemma(ii - 1)]);
    push(out, 14, &[t.lemma(ii + 1)]);
    push(out, 15, &[t.shape(ii - 1), me.shape.as_bytes(), t.shape(ii + 1)]);
    for (tpl, k) in [(16u8, ii - 1), (17, ii), (18, ii + 1)] {
        let c = t.get(k).map_or(0, |x| x.classes);
        for bit in 0..16u8 {
            if c & (1 << bit) != 0 {
                push(out, tpl, &[&[bit]]);
            }
        }
    }
    let q = |k: isize| t.get(k).is_some_and(|x| x.in_quote);
    push(out, 19, &[&[u8::from(me.in_quote), u8::from(q(ii - 1)), u8::from(q(ii + 1))]]);
    push(out, 20, &[me.rule.cue_rule.as_bytes()]);
    push(out, 21, &[me.rule.veto.as_bytes()]);
    push(out, 22, &[me.rule.veto.as_bytes(), w0]);
    push(out, 23, &[&[u8::from(me.rule.in_source), u8::from(me.rule.in_content)]]);
    push(out, 24, &[&[bucket(me.from_start as usize), bucket(me.to_end as usize)]]);
    push(out, 25, &[me.lemma.as_bytes(), t.w(ii + 1)]);
    push(out, 26, &[me.rule.cue_rule.as_bytes(), me.lemma.as_bytes()]);
    push(out, 27, &[suffix(w0, 2), t.shape(ii - 1)]);
    push(out, 28, &[stem(w0)]);
    push(out, 29, &[t.w(ii - 1), w0, t.w(ii + 1)]);
    push(out, 30, &[&[me.q_left, me.q_right]]);
    push(out, 31, &[&[me.q_left], stem(w0)]);
    push(out, 32, &[&[me.q_right], stem(w0)]);
    push(out, 33, &[t.shape(ii - 2), t.shape(ii - 1), stem(w0)]);
    push(out, 34, &[stem(w0), t.w(ii + 1), t.w(ii + 2)]);
}

/// Where a role-tagger window runs for the cue at tokens `c0..c1`: the cue's sentence and its
/// neighbours, at most `reach` tokens either side.
pub(crate) fn role_window(t: &Tokens, c0: usize, c1: usize, reach: usize) -> (usize, usize) {
    let Some(s) = t.toks.get(c0).map(|x| x.sent) else { return (c0, c1) };
    let lo = c0.saturating_sub(reach);
    let hi = (c1 + reach).min(t.toks.len());
    let a = (lo..c0).find(|&k| t.toks[k].sent + 1 >= s).unwrap_or(c0);
    let b = (c1..hi).find(|&k| t.toks[k].sent > s + 1).unwrap_or(hi);
    (a, b.max(c1))
}

/// The lemma of the cue starting at token `c0`, or its word when the lexicon has none.
pub(crate) fn cue_lemma(t: &Tokens, c0: usize) -> &[u8] {
    t.toks.get(c0).map_or(&b""[..], |x| if x.lemma.is_empty() { x.w.as_bytes() } else { x.lemma.as_bytes() })
}

/// Facts about one cue the role features condition on.
pub(crate) struct CueCtx<'a> {
    pub c0: usize,
    pub c1: usize,
    /// Its lemma, or its first word.
    pub lemma: &'a [u8],
    /// Per token of the window: is it in the rules' source / content of this cue's claim.
    pub rule_source: &'a [bool],
    pub rule_content: &'a [bool],
    /// Whether the rules made a claim of this cue.
    pub by_rule: bool,
    /// First token of the window.
    pub a: usize,
    /// Commas from the window start up to each token (prefix counts).
    pub commas: &'a [u16],
}

/// The role tagger's features of token `j` for the cue `c`, appended to `out`.
pub(crate) fn role(t: &Tokens, c: &CueCtx<'_>, j: usize, out: &mut Vec<u32>) {
    let jj = j as isize;
    let Some(me) = t.toks.get(j) else { return };
    let push = |out: &mut Vec<u32>, tpl: u8, parts: &[&[u8]]| out.push(hash(tpl, parts));
    let (dir, d): (&[u8], usize) = if j < c.c0 {
        (b"<", c.c0 - j)
    } else if j >= c.c1 {
        (b">", j + 1 - c.c1)
    } else {
        (b"=", 0)
    };
    let db = [bucket(d)];
    let cue_sent = t.toks.get(c.c0).map_or(0, |x| x.sent);
    let sd = [(i64::from(me.sent) - i64::from(cue_sent)).clamp(-2, 2) as u8];
    let w = me.w.as_bytes();
    let k = j - c.a;
    let ck = c.c0.saturating_sub(c.a);
    let commas = c.commas.get(k).copied().unwrap_or(0).abs_diff(c.commas.get(ck).copied().unwrap_or(0));
    let cm = [commas.min(3) as u8];
    let rs = [u8::from(c.rule_source.get(k).copied().unwrap_or(false))];
    let rc = [u8::from(c.rule_content.get(k).copied().unwrap_or(false))];
    let by = [u8::from(c.by_rule)];
    let q = [u8::from(me.in_quote)];
    push(out, 101, &[]);
    push(out, 102, &[dir, &db]);
    push(out, 103, &[dir, &db, w]);
    push(out, 104, &[dir, w]);
    push(out, 105, &[dir, t.w(jj - 1)]);
    push(out, 106, &[dir, t.w(jj + 1)]);
    push(out, 107, &[dir, me.shape.as_bytes()]);
    push(out, 108, &[dir, &sd]);
    push(out, 109, &[dir, &sd, &q]);
    push(out, 110, &[dir, &cm]);
    push(out, 111, &[dir, &cm, &db]);
    push(out, 112, &[dir, c.lemma]);
    push(out, 113, &[dir, c.lemma, &db]);
    push(out, 114, &[&by, &rs, &rc]);
    push(out, 115, &[&by, &rs, &rc, dir]);
    push(out, 116, &[dir, t.shape(jj - 1), me.shape.as_bytes(), t.shape(jj + 1)]);
    for bit in 0..16u8 {
        if me.classes & (1 << bit) != 0 {
            push(out, 117, &[dir, &[bit]]);
        }
    }
    push(out, 118, &[dir, &q, &db]);
    push(out, 119, &[dir, me.lemma.as_bytes()]);
    push(out, 120, &[dir, suffix(w, 3)]);
    push(out, 121, &[dir, &[u8::from(me.rule.cue_rule.is_empty()), u8::from(me.rule.in_source)]]);
    push(out, 122, &[dir, &sd, w]);
    push(out, 123, &[dir, &db, me.shape.as_bytes(), t.shape(jj - 1)]);
    push(out, 124, &[dir, c.lemma, &sd, &q]);
    push(out, 125, &[dir, &[me.q_left, me.q_right], &q]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashing_separates_templates_and_parts() {
        assert_ne!(hash(1, &[b"ab"]), hash(2, &[b"ab"]));
        assert_ne!(hash(1, &[b"a", b"b"]), hash(1, &[b"ab"]));
        assert_eq!(hash(3, &[b"said"]), hash(3, &[b"said"]));
    }

    #[test]
    fn words_are_normalised() {
        assert_eq!(norm("Said"), "said");
        assert_eq!(norm("2016"), "0000");
        assert!(norm(&"x".repeat(100)).len() <= 24);
    }

    #[test]
    fn distance_buckets_grow_slowly() {
        assert_eq!(bucket(0), 0);
        assert_eq!(bucket(5), 4);
        assert_eq!(bucket(1000), 9);
    }
}
