//! The features both labellers read, hashed: a compact row per token ([`Tok`], built for one
//! chunk of sentences at a time so memory stays flat), then per position the cue tagger's
//! features ([`cue`]) and, per cue, the role tagger's ([`role`]). The trainer and the engine call
//! these same functions, so a model never sees features its trainer did not.

use super::super::view::Ctx;
use super::super::{RawClaim, Veto};
use crate::engine::segment::TokKind;

/// Bumped whenever a feature changes: a model trained on other features is not used.
pub const VERSION: u32 = 5;

/// FNV-1a of a string (words, lemmas, rule names are hashed once).
pub(crate) fn fnv(b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &x in b {
        h ^= u32::from(x);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// A feature: its template and parts mixed into one hash.
#[inline(always)]
pub(crate) fn mix(template: u32, parts: &[u32]) -> u32 {
    let mut h = template.wrapping_mul(0x9e37_79b1) ^ 0x85eb_ca6b;
    for &p in parts {
        h = (h.rotate_left(5) ^ p).wrapping_mul(0x2722_0a95);
    }
    h ^ (h >> 15)
}

/// What the rules did at each token of a document, 3 bytes a token.
pub(crate) struct Marks {
    /// Per token: the index (+1) in `names` of the rule whose claim's cue covers it, of the veto
    /// that dropped a candidate at it, and bit flags (1: in a rule claim's source, 2: content).
    cue_rule: Vec<u8>,
    veto: Vec<u8>,
    flags: Vec<u8>,
    names: Vec<&'static str>,
    /// `fnv` of each name.
    hashes: Vec<u32>,
}

impl Marks {
    /// The marks of the rules' `claims` and `vetoes` over `ctx`'s tokens.
    pub(crate) fn new(ctx: &Ctx<'_>, claims: &[RawClaim], vetoes: &[Veto]) -> Marks {
        let n = ctx.d.toks.len();
        let mut m =
            Marks { cue_rule: vec![0; n], veto: vec![0; n], flags: vec![0; n], names: Vec::new(), hashes: Vec::new() };
        let toks = ctx.d.toks;
        let range = |a: usize, b: usize| {
            let from = toks.partition_point(|t| t.span.start < a);
            let to = toks.partition_point(|t| t.span.start < b);
            from..to.max(from)
        };
        for c in claims {
            let name = m.name(c.rule);
            for s in &c.cue {
                m.cue_rule[range(s.start, s.end)].fill(name);
            }
            if let Some(s) = c.source {
                m.flags[range(s.start, s.end)].iter_mut().for_each(|f| *f |= 1);
            }
            for s in &c.content {
                m.flags[range(s.start, s.end)].iter_mut().for_each(|f| *f |= 2);
            }
        }
        for &(at, why) in vetoes {
            let name = m.name(why);
            m.veto[range(at.start, at.end)].fill(name);
        }
        m
    }

    fn name(&mut self, s: &'static str) -> u8 {
        let k = match self.names.iter().position(|x| *x == s) {
            Some(k) => k,
            None => {
                self.names.push(s);
                self.hashes.push(fnv(s.as_bytes()));
                self.names.len() - 1
            }
        };
        u8::try_from(k + 1).unwrap_or(u8::MAX)
    }

    fn hash_of(&self, k: u8) -> u32 {
        if k == 0 {
            0
        } else {
            self.hashes.get(usize::from(k) - 1).copied().unwrap_or(0)
        }
    }
}

/// One token as the features see it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Tok {
    /// Hashes of the lower-cased word (digits as 0), its stem, its last three characters.
    pub w: u32,
    pub stem: u32,
    pub suf: u32,
    /// Hash of the cue lemma the lexicon gives it (0 when none) and its prior in tenths.
    pub lemma: u32,
    pub prior: u8,
    /// Word shape: 1 `Xx`, 2 `x`, 3 `X`, 4 digits, 5 quote mark, 6 dash, 7 colon, 8 comma,
    /// 9 sentence end, 10 other punctuation, 0 outside the chunk.
    pub shape: u8,
    pub classes: u16,
    pub in_quote: bool,
    /// Its sentence window.
    pub sent: u32,
    /// Hashes of the rule whose claim's cue covers it and of the veto at it (0: none).
    pub cue_rule: u32,
    pub veto: u32,
    /// In a rule claim's source / content.
    pub in_source: bool,
    pub in_content: bool,
    /// Tokens from its sentence window's start, and to its end (bucketed).
    pub from_start: u8,
    pub to_end: u8,
    /// Tokens back to the nearest quote mark, and ahead to the next, in its sentence window
    /// (bucketed; 10 when none).
    pub q_left: u8,
    pub q_right: u8,
}

/// The rows of tokens `base..base + toks.len()`.
pub(crate) struct Tokens {
    pub base: usize,
    pub toks: Vec<Tok>,
}

fn norm_hash(w: &str) -> (u32, u32, u32) {
    let mut s = [0u8; 32];
    let mut n = 0;
    if w.is_ascii() {
        for &c in w.as_bytes().iter().take(24) {
            s[n] = if c.is_ascii_digit() { b'0' } else { c.to_ascii_lowercase() };
            n += 1;
        }
        let b = &s[..n];
        return (fnv(b), fnv(stem(b)), fnv(&b[b.len().saturating_sub(3)..]));
    }
    for c in w.chars().flat_map(char::to_lowercase) {
        let c = if c.is_ascii_digit() { '0' } else { c };
        if n + c.len_utf8() > 24 {
            break;
        }
        n += c.encode_utf8(&mut s[n..]).len();
    }
    let b = &s[..n];
    (fnv(b), fnv(stem(b)), fnv(&b[b.len().saturating_sub(3)..]))
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

fn shape(ctx: &Ctx<'_>, i: usize) -> u8 {
    let t = ctx.tok(i);
    match t.kind {
        TokKind::Word => {
            let w = ctx.word(i);
            if w.bytes().any(|c| c.is_ascii_digit()) {
                4
            } else if w.chars().all(char::is_uppercase) && w.chars().nth(1).is_some() {
                3
            } else if t.cap {
                1
            } else {
                2
            }
        }
        _ => match t.ch {
            '"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»' => 5,
            '—' | '–' | '―' | '-' => 6,
            ':' => 7,
            ',' => 8,
            '.' | '!' | '?' => 9,
            _ => 10,
        },
    }
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

impl Tokens {
    /// The rows of the tokens of sentence windows `s0..s1` of `ctx`.
    pub(crate) fn new(ctx: &Ctx<'_>, marks: &Marks, s0: usize, s1: usize) -> Tokens {
        let sents = ctx.sents.get(s0..s1.min(ctx.sents.len())).unwrap_or_default();
        let base = sents.first().map_or(0, |s| s.tok_start);
        let end = sents.last().map_or(base, |s| s.tok_end);
        let mut toks = vec![Tok::default(); end.saturating_sub(base)];
        for (k, s) in sents.iter().enumerate() {
            let rows = s.tok_start.max(base)..s.tok_end.min(end);
            let mut last_q = None;
            for i in rows.clone() {
                let entry = ctx.cue_entry(i);
                let (w, stem, suf) = norm_hash(ctx.clitic(i).unwrap_or(ctx.word(i)));
                let shape = shape(ctx, i);
                let m = |v: &Vec<u8>| v.get(i).copied().unwrap_or(0);
                let flags = m(&marks.flags);
                toks[i - base] = Tok {
                    w,
                    stem,
                    suf,
                    lemma: entry.map_or(0, |e| fnv(e.lemma.as_bytes())),
                    prior: entry.map_or(0, |e| (e.prior * 10.0).round().clamp(0.0, 10.0) as u8),
                    shape,
                    classes: ctx.classes.get(i).copied().unwrap_or(0),
                    in_quote: ctx.inside_of(i).is_some(),
                    sent: (s0 + k) as u32,
                    cue_rule: marks.hash_of(m(&marks.cue_rule)),
                    veto: marks.hash_of(m(&marks.veto)),
                    in_source: flags & 1 != 0,
                    in_content: flags & 2 != 0,
                    from_start: bucket(i - s.tok_start),
                    to_end: bucket(s.tok_end - i),
                    q_left: last_q.map_or(10, |q| bucket(i - q)),
                    q_right: 10,
                };
                if shape == 5 {
                    last_q = Some(i);
                }
            }
            let mut next_q = None;
            for i in rows.rev() {
                let t = &mut toks[i - base];
                t.q_right = next_q.map_or(10, |q: usize| bucket(q - i));
                if t.shape == 5 {
                    next_q = Some(i);
                }
            }
        }
        Tokens { base, toks }
    }

    /// The row of token `i`, if it is in this chunk.
    #[inline(always)]
    pub(crate) fn get(&self, i: isize) -> Option<&Tok> {
        i.checked_sub(self.base as isize).and_then(|k| usize::try_from(k).ok()).and_then(|k| self.toks.get(k))
    }

    /// The row of token `i`, or an empty row outside the chunk.
    #[inline(always)]
    pub(crate) fn at(&self, i: usize) -> Tok {
        self.get(i as isize).copied().unwrap_or_default()
    }

    /// The tokens covered: `base..end`.
    pub(crate) fn end(&self) -> usize {
        self.base + self.toks.len()
    }
}

const OUT: u32 = 0x5bd1_e995;

#[inline(always)]
fn w(t: &Tokens, i: isize) -> u32 {
    t.get(i).map_or(OUT, |x| x.w)
}
#[inline(always)]
fn shp(t: &Tokens, i: isize) -> u32 {
    t.get(i).map_or(0, |x| u32::from(x.shape))
}
#[inline(always)]
fn lem(t: &Tokens, i: isize) -> u32 {
    t.get(i).map_or(OUT, |x| x.lemma)
}

/// The cue tagger's features of token `i`, each given to `out`.
pub(crate) fn cue(t: &Tokens, i: usize, out: &mut impl FnMut(u32)) {
    let ii = i as isize;
    let Some(me) = t.get(ii).copied() else { return };
    let w0 = me.w;
    let mut push = |tpl: u32, parts: &[u32]| out(mix(tpl, parts));
    push(1, &[]);
    push(2, &[w0]);
    push(3, &[w(t, ii - 1)]);
    push(4, &[w(t, ii + 1)]);
    push(5, &[w(t, ii - 2)]);
    push(6, &[w(t, ii + 2)]);
    push(7, &[w(t, ii - 1), w0]);
    push(8, &[w0, w(t, ii + 1)]);
    push(9, &[me.suf]);
    push(10, &[u32::from(me.shape)]);
    push(11, &[me.lemma]);
    push(12, &[u32::from(me.lemma == 0), u32::from(me.prior)]);
    push(13, &[lem(t, ii - 1)]);
    push(14, &[lem(t, ii + 1)]);
    push(15, &[shp(t, ii - 1), u32::from(me.shape), shp(t, ii + 1)]);
    let classes = |k: isize| t.get(k).map_or(0, |x| u32::from(x.classes));
    push(16, &[classes(ii - 1)]);
    push(17, &[classes(ii)]);
    push(18, &[classes(ii + 1)]);
    let q = |k: isize| u32::from(t.get(k).is_some_and(|x| x.in_quote));
    push(19, &[u32::from(me.in_quote), q(ii - 1), q(ii + 1)]);
    push(20, &[me.cue_rule]);
    push(21, &[me.veto]);
    push(22, &[me.veto, w0]);
    push(23, &[u32::from(me.in_source), u32::from(me.in_content)]);
    push(24, &[u32::from(me.from_start), u32::from(me.to_end)]);
    push(25, &[me.lemma, w(t, ii + 1)]);
    push(26, &[me.cue_rule, me.lemma]);
    push(27, &[me.suf, shp(t, ii - 1)]);
    push(28, &[me.stem]);
    push(29, &[w(t, ii - 1), w0, w(t, ii + 1)]);
    push(30, &[u32::from(me.q_left), u32::from(me.q_right)]);
    push(31, &[u32::from(me.q_left), me.stem]);
    push(32, &[u32::from(me.q_right), me.stem]);
    push(33, &[shp(t, ii - 2), shp(t, ii - 1), me.stem]);
    push(34, &[me.stem, w(t, ii + 1), w(t, ii + 2)]);
}

/// Where a role-tagger window runs for the cue at tokens `c0..c1`: the cue's sentence (as merged
/// around quotations), at most `reach` tokens either side.
pub(crate) fn role_window(t: &Tokens, c0: usize, c1: usize, reach: usize) -> (usize, usize) {
    let s = t.at(c0).sent;
    let lo = c0.saturating_sub(reach).max(t.base);
    let hi = (c1 + reach).min(t.end());
    let a = (lo..c0).find(|&k| t.at(k).sent >= s).unwrap_or(c0);
    let b = (c1..hi).find(|&k| t.at(k).sent > s).unwrap_or(hi);
    (a, b.max(c1))
}

/// The hash of the lemma of the cue starting at token `c0`, or of its word when the lexicon has
/// none.
pub(crate) fn cue_lemma(t: &Tokens, c0: usize) -> u32 {
    let x = t.at(c0);
    if x.lemma == 0 {
        x.w
    } else {
        x.lemma
    }
}

/// Facts about one cue the role features condition on.
pub(crate) struct CueCtx<'a> {
    pub c0: usize,
    pub c1: usize,
    /// Hash of its lemma, or of its first word.
    pub lemma: u32,
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

/// The role tagger's features of token `j` for the cue `c`, each given to `out`.
pub(crate) fn role(t: &Tokens, c: &CueCtx<'_>, j: usize, out: &mut impl FnMut(u32)) {
    let jj = j as isize;
    let Some(me) = t.get(jj).copied() else { return };
    let mut push = |tpl: u32, parts: &[u32]| out(mix(tpl, parts));
    let (dir, d): (u32, usize) = if j < c.c0 {
        (1, c.c0 - j)
    } else if j >= c.c1 {
        (2, j + 1 - c.c1)
    } else {
        (3, 0)
    };
    let db = u32::from(bucket(d));
    let cue_sent = t.at(c.c0).sent;
    let sd = (i64::from(me.sent) - i64::from(cue_sent)).clamp(-2, 2) as u32;
    let k = j - c.a;
    let ck = c.c0.saturating_sub(c.a);
    let commas = c.commas.get(k).copied().unwrap_or(0).abs_diff(c.commas.get(ck).copied().unwrap_or(0));
    let cm = u32::from(commas.min(3));
    let rs = u32::from(c.rule_source.get(k).copied().unwrap_or(false));
    let rc = u32::from(c.rule_content.get(k).copied().unwrap_or(false));
    let by = u32::from(c.by_rule);
    let q = u32::from(me.in_quote);
    let sh = u32::from(me.shape);
    push(101, &[]);
    push(102, &[dir, db]);
    push(103, &[dir, db, me.w]);
    push(104, &[dir, me.w]);
    push(105, &[dir, w(t, jj - 1)]);
    push(106, &[dir, w(t, jj + 1)]);
    push(107, &[dir, sh]);
    push(108, &[dir, sd]);
    push(109, &[dir, sd, q]);
    push(110, &[dir, cm]);
    push(111, &[dir, cm, db]);
    push(112, &[dir, c.lemma]);
    push(113, &[dir, c.lemma, db]);
    push(114, &[by, rs, rc]);
    push(115, &[by, rs, rc, dir]);
    push(116, &[dir, shp(t, jj - 1), sh, shp(t, jj + 1)]);
    push(117, &[dir, u32::from(me.classes)]);
    push(118, &[dir, q, db]);
    push(119, &[dir, me.lemma]);
    push(120, &[dir, me.suf]);
    push(121, &[dir, u32::from(me.cue_rule == 0), u32::from(me.in_source)]);
    push(122, &[dir, sd, me.w]);
    push(123, &[dir, db, sh, shp(t, jj - 1)]);
    push(124, &[dir, c.lemma, sd, q]);
    push(125, &[dir, u32::from(me.q_left), u32::from(me.q_right), q]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixing_separates_templates_and_parts() {
        assert_ne!(mix(1, &[7]), mix(2, &[7]));
        assert_ne!(mix(1, &[7, 8]), mix(1, &[8, 7]));
        assert_eq!(mix(3, &[fnv(b"said")]), mix(3, &[fnv(b"said")]));
    }

    #[test]
    fn words_are_normalised_before_hashing() {
        assert_eq!(norm_hash("Said").0, fnv(b"said"));
        assert_eq!(norm_hash("2016").0, fnv(b"0000"));
        assert_eq!(norm_hash("claimed").1, fnv(b"claim"));
        assert_eq!(norm_hash(&"x".repeat(100)).0, fnv("x".repeat(24).as_bytes()));
    }

    #[test]
    fn distance_buckets_grow_slowly() {
        assert_eq!(bucket(0), 0);
        assert_eq!(bucket(5), 4);
        assert_eq!(bucket(1000), 9);
    }
}
