//! Training (native only): gold attributions → examples for both labellers → averaged
//! structured perceptrons (Viterbi decoding, lazy averaging) → int8 weights.
//!
//! Deterministic: examples are visited in an order shuffled by a fixed-seed generator, every
//! update is an integer, so the same corpus and options give the same bytes.

use super::features::{self, CueCtx, Marks, Tokens};
use super::linear::{viterbi, Linear};
use super::{chunks, cue_ctx_parts, Model, B, CB, CI, I, MARGIN, O, SB, SI};
use crate::engine::eval::Relation;
use crate::engine::span::Span;
use crate::engine::{Diagnostic, Prepared};

/// Training options.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Passes over the examples.
    pub epochs: usize,
    /// log2 of the number of feature buckets.
    pub bits: u32,
    /// Seed of the example order.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options { epochs: 15, bits: 16, seed: 0x5eed }
    }
}

/// One training sequence: per position its feature hashes, and its gold labels.
#[derive(Clone, Debug, Default)]
pub struct Seq {
    feats: Vec<u32>,
    ends: Vec<u32>,
    gold: Vec<u8>,
}

impl Seq {
    fn push(&mut self, f: &[u32], label: usize) {
        self.feats.extend_from_slice(f);
        self.ends.push(self.feats.len() as u32);
        self.gold.push(label as u8);
    }
    fn len(&self) -> usize {
        self.gold.len()
    }
    fn at(&self, t: usize) -> &[u32] {
        let a = if t == 0 { 0 } else { self.ends[t - 1] as usize };
        &self.feats[a..self.ends[t] as usize]
    }
    /// Gold labels.
    pub fn gold(&self) -> Vec<usize> {
        self.gold.iter().map(|&g| g as usize).collect()
    }
    /// Decodes with `m` (what the engine would label).
    pub fn decode(&self, m: &Linear) -> Vec<usize> {
        let l = m.labels();
        let mut em = vec![0i32; self.len() * l];
        for t in 0..self.len() {
            m.emit(self.at(t), &mut em[t * l..(t + 1) * l]);
        }
        m.viterbi(&em)
    }
}

/// The examples of a corpus.
#[derive(Clone, Debug, Default)]
pub struct Examples {
    /// Cue sequences (one per sentence window).
    pub cue: Vec<Seq>,
    /// Role sequences (one per gold cue).
    pub role: Vec<Seq>,
}

fn overlapping(toks: &[crate::engine::segment::Token], s: Span) -> std::ops::Range<usize> {
    let from = toks.partition_point(|t| t.span.end <= s.start);
    let to = toks.partition_point(|t| t.span.start < s.end);
    from..to.max(from)
}

/// Adds the examples of one article with its gold relations.
pub fn add_examples(text: &str, gold: &[Relation], out: &mut Examples) {
    let mut diags: Vec<Diagnostic> = Vec::new();
    let prep = Prepared::new(text, &mut diags);
    let doc = prep.doc(text);
    super::super::with_rules(&doc, |ctx, claims, vetoes| {
        let marks = Marks::new(ctx, claims, vetoes);
        let n = ctx.d.toks.len();
        let mut cue_label = vec![O; n];
        for r in gold {
            for part in &r.cue {
                for (k, i) in overlapping(ctx.d.toks, *part).enumerate() {
                    if cue_label[i] == O {
                        cue_label[i] = if k == 0 { B } else { I };
                    }
                }
            }
        }
        // Gold relations by the token their first cue part starts at.
        let mut rels: Vec<(usize, usize, &Relation)> = gold
            .iter()
            .filter_map(|r| {
                let range = overlapping(ctx.d.toks, *r.cue.first()?);
                (!range.is_empty()).then_some((range.start, range.end, r))
            })
            .collect();
        rels.sort_by_key(|x| x.0);
        let mut feats = Vec::with_capacity(64);
        for (s0, s1) in chunks(ctx) {
            let t = Tokens::new(ctx, &marks, s0.saturating_sub(MARGIN), s1 + MARGIN);
            for sent in &ctx.sents[s0..s1] {
                if ctx.d.boiler_para.get(sent.para).copied().unwrap_or(false) {
                    continue;
                }
                let a = ctx.skip_until(sent);
                if a >= sent.tok_end {
                    continue;
                }
                let mut seq = Seq::default();
                for (i, &label) in cue_label.iter().enumerate().take(sent.tok_end).skip(a) {
                    feats.clear();
                    features::cue(&t, i, &mut |f| feats.push(f));
                    seq.push(&feats, label);
                }
                out.cue.push(seq);
            }
            let (lo, hi) = (ctx.sents[s0].tok_start, ctx.sents[s1 - 1].tok_end);
            let from = rels.partition_point(|x| x.0 < lo);
            for &(c0, c1, r) in rels[from..].iter().take_while(|x| x.0 < hi) {
                let cue_span = ctx.span(c0, c1);
                let rule = claims.iter().find(|c| c.cue.iter().any(|s| s.overlaps(cue_span)));
                let (a, b, rs, rc, commas) = cue_ctx_parts(ctx, &t, c0, c1, rule);
                let lemma = features::cue_lemma(&t, c0);
                let cc = CueCtx {
                    c0,
                    c1,
                    lemma,
                    rule_source: &rs,
                    rule_content: &rc,
                    by_rule: rule.is_some(),
                    a,
                    commas: &commas,
                };
                let mut seq = Seq::default();
                let mut prev = O;
                for j in a..b {
                    let s = ctx.tok(j).span;
                    let label = if (c0..c1).contains(&j) {
                        O
                    } else if r.source.iter().any(|x| x.overlaps(s)) {
                        if matches!(prev, SB | SI) {
                            SI
                        } else {
                            SB
                        }
                    } else if r.content.iter().any(|x| x.overlaps(s)) {
                        if matches!(prev, CB | CI) {
                            CI
                        } else {
                            CB
                        }
                    } else {
                        O
                    };
                    feats.clear();
                    features::role(&t, &cc, j, &mut |f| feats.push(f));
                    seq.push(&feats, label);
                    prev = label;
                }
                out.role.push(seq);
            }
        }
    });
}

/// An averaged structured perceptron over hashed features.
struct Perceptron {
    labels: usize,
    mask: u32,
    w: Vec<i32>,
    acc: Vec<i64>,
    trans: Vec<i32>,
    tacc: Vec<i64>,
    c: i64,
}

impl Perceptron {
    fn new(labels: usize, bits: u32) -> Perceptron {
        Perceptron {
            labels,
            mask: (1 << bits) - 1,
            w: vec![0; labels << bits],
            acc: vec![0; labels << bits],
            trans: vec![0; (labels + 1) * labels],
            tacc: vec![0; (labels + 1) * labels],
            c: 1,
        }
    }

    fn predict(&self, s: &Seq) -> Vec<usize> {
        let l = self.labels;
        let mut em = vec![0i32; s.len() * l];
        for t in 0..s.len() {
            for &f in s.at(t) {
                let at = ((f & self.mask) as usize) * l;
                for k in 0..l {
                    em[t * l + k] += self.w[at + k];
                }
            }
        }
        viterbi(l, &em, |p, c| self.trans[p.unwrap_or(l) * l + c])
    }

    fn bump(&mut self, f: u32, label: usize, d: i32) {
        let at = ((f & self.mask) as usize) * self.labels + label;
        self.w[at] += d;
        self.acc[at] += self.c * i64::from(d);
    }

    fn bump_trans(&mut self, prev: Option<usize>, cur: usize, d: i32) {
        let at = prev.unwrap_or(self.labels) * self.labels + cur;
        self.trans[at] += d;
        self.tacc[at] += self.c * i64::from(d);
    }

    /// One update; returns the positions it got wrong.
    fn learn(&mut self, s: &Seq) -> usize {
        let gold = s.gold();
        let pred = self.predict(s);
        let wrong = gold.iter().zip(&pred).filter(|(g, p)| g != p).count();
        if wrong > 0 {
            for t in 0..s.len() {
                if pred[t] != gold[t] {
                    for &f in s.at(t) {
                        self.bump(f, gold[t], 1);
                        self.bump(f, pred[t], -1);
                    }
                }
                let (pg, pp) = if t == 0 { (None, None) } else { (Some(gold[t - 1]), Some(pred[t - 1])) };
                if (pg, gold[t]) != (pp, pred[t]) {
                    self.bump_trans(pg, gold[t], 1);
                    self.bump_trans(pp, pred[t], -1);
                }
            }
        }
        self.c += 1;
        wrong
    }

    /// The averaged weights, quantised to int8.
    fn quantise(&self, bits: u32) -> Option<Linear> {
        let c = self.c as f64;
        let avg = |w: i32, a: i64| f64::from(w) - a as f64 / c;
        let ws: Vec<f64> = self.w.iter().zip(&self.acc).map(|(&w, &a)| avg(w, a)).collect();
        let ts: Vec<f64> = self.trans.iter().zip(&self.tacc).map(|(&w, &a)| avg(w, a)).collect();
        let max = ws.iter().chain(&ts).fold(0.0f64, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { 127.0 / max } else { 1.0 };
        let q = |x: &f64| (x * scale).round().clamp(-127.0, 127.0) as i8;
        Linear::new(bits, self.labels, ws.iter().map(q).collect(), ts.iter().map(q).collect())
    }
}

/// A small deterministic generator (SplitMix64) for the example order.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn fit(seqs: &[Seq], labels: usize, o: &Options, log: &mut dyn FnMut(String)) -> Option<Linear> {
    let mut p = Perceptron::new(labels, o.bits);
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    let mut rng = Rng(o.seed);
    for epoch in 0..o.epochs {
        rng.shuffle(&mut order);
        let (mut wrong, mut total) = (0usize, 0usize);
        for &k in &order {
            wrong += p.learn(&seqs[k]);
            total += seqs[k].len();
        }
        log(format!(
            "  epoch {}: {} sequences, {total} positions, {wrong} wrong while learning",
            epoch + 1,
            seqs.len()
        ));
    }
    p.quantise(o.bits)
}

/// Trains both labellers on `ex`; `drop_margin` as given (tuned by the caller on held-out data).
pub fn train(ex: &Examples, o: &Options, drop_margin: i32, log: &mut dyn FnMut(String)) -> Option<Model> {
    log("cue tagger".into());
    let cue = fit(&ex.cue, 3, o, log)?;
    log("role tagger".into());
    let role = fit(&ex.role, 5, o, log)?;
    Some(Model { cue, role, drop_margin })
}

/// The cue tagger alone on `seqs` (cue sequences): gold cues (runs of B I*), the tagger's runs,
/// and runs it got exactly. Set against the engine's cue scores, it says how many cues the
/// tagger finds that the engine's decisions then leave out.
pub fn cue_runs_found(seqs: &[Seq], m: &Linear) -> (usize, usize, usize) {
    let (mut gold, mut predicted, mut exact) = (0, 0, 0);
    for s in seqs {
        let g = super::cue_runs(&s.gold(), 0);
        let p = super::cue_runs(&s.decode(m), 0);
        gold += g.len();
        predicted += p.len();
        exact += p.iter().filter(|r| g.contains(r)).count();
    }
    (gold, predicted, exact)
}

/// Token accuracy of `m` on `seqs` (for the trainer's report).
pub fn accuracy(seqs: &[Seq], m: &Linear) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    for s in seqs {
        for (g, p) in s.gold().into_iter().zip(s.decode(m)) {
            ok += usize::from(g == p);
            n += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        ok as f64 / n as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::eval::parse_brat;

    const TEXT: &str = "The senator said the bill would pass. Critics warned that it would fail.\n\
        \"It is a disaster,\" the mayor insisted. Aides believe the vote is close.\n";
    const ANN: &str =
        "T1\tSource 4 11\nT2\tCue 12 16\nT3\tContent 17 36\nE1\tAttribution:T9 Cue:T2 Source:T1 Content:T3\n\
        T4\tSource 38 45\nT5\tCue 46 52\nT6\tContent 53 71\nE2\tAttribution:T9 Cue:T5 Source:T4 Content:T6\n";

    fn tiny() -> (Examples, Model) {
        let gold = parse_brat(TEXT, ANN);
        assert_eq!(gold.len(), 2);
        let mut ex = Examples::default();
        add_examples(TEXT, &gold, &mut ex);
        let o = Options { epochs: 5, bits: 12, seed: 1 };
        let m = train(&ex, &o, 1000, &mut |_| {}).unwrap();
        (ex, m)
    }

    #[test]
    fn examples_label_gold_cues_and_roles() {
        let (ex, _) = tiny();
        assert_eq!(ex.role.len(), 2);
        let cue_labels: Vec<usize> = ex.cue.iter().flat_map(|s| s.gold()).collect();
        assert_eq!(cue_labels.iter().filter(|&&l| l == B).count(), 2);
        let r = ex.role[0].gold();
        assert!(r.contains(&SB) && r.contains(&CB) && r.contains(&CI));
    }

    #[test]
    fn training_is_deterministic_and_fits_its_examples() {
        let (ex, a) = tiny();
        let (_, b) = tiny();
        assert_eq!(a.write(), b.write());
        assert!(accuracy(&ex.cue, &a.cue) > 0.95);
        assert!(accuracy(&ex.role, &a.role) > 0.9);
        let (gold, predicted, exact) = cue_runs_found(&ex.cue, &a.cue);
        assert_eq!(gold, 2);
        assert!(exact <= gold.min(predicted));
        assert_eq!(exact, 2, "the tagger fits its two training cues");
    }

    #[test]
    fn the_engine_reproduces_the_trainers_predictions() {
        // Golden: the model read back from its bytes labels every example as the trainer's
        // quantised weights do.
        let (ex, m) = tiny();
        let bytes: &'static [u8] = Box::leak(m.write().into_boxed_slice());
        let back = Model::read(bytes).unwrap();
        for s in &ex.cue {
            assert_eq!(s.decode(&back.cue), s.decode(&m.cue));
        }
        for s in &ex.role {
            assert_eq!(s.decode(&back.role), s.decode(&m.role));
        }
    }
}
