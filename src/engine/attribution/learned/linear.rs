//! A linear sequence labeller over hashed features: int8 weights, integer scores, Viterbi
//! decoding with label-transition weights. The trainer ([`super::train`]) quantises its averaged
//! weights into the same struct, so the engine reproduces the trainer's predictions exactly.
//!
//! File layout of one labeller (little-endian): `bits: u32`, `labels: u32`,
//! `weights: [i8; labels << bits]` (feature-major: a feature's labels are adjacent), then
//! `transitions: [i8; (labels + 1) * labels]` (row `labels` is the start state).

use std::borrow::Cow;

/// The most labels a labeller may have.
const MAX_LABELS: usize = 16;

/// One labeller's weights.
#[derive(Clone, Debug)]
pub struct Linear {
    bits: u32,
    labels: usize,
    /// Feature-major `i8` weights, stored as their bytes.
    weights: Cow<'static, [u8]>,
    trans: Vec<i32>,
}

/// Reads little-endian values from a byte slice; every read is checked.
pub(crate) struct Reader<'b> {
    pub(crate) bytes: &'b [u8],
    pub(crate) at: usize,
}

impl<'b> Reader<'b> {
    pub(crate) fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub(crate) fn i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

impl Linear {
    /// A labeller from its parts (the trainer's quantised weights).
    pub fn new(bits: u32, labels: usize, weights: Vec<i8>, trans: Vec<i8>) -> Option<Linear> {
        if bits > 24
            || labels == 0
            || labels > MAX_LABELS
            || weights.len() != labels << bits
            || trans.len() != (labels + 1) * labels
        {
            return None;
        }
        let weights = weights.into_iter().map(|w| w as u8).collect::<Vec<u8>>();
        Some(Linear { bits, labels, weights: Cow::Owned(weights), trans: trans.into_iter().map(i32::from).collect() })
    }

    /// Reads one labeller from `r` (borrowing the weights), or `None` when the bytes are not one.
    pub(crate) fn read(r: &mut Reader<'static>) -> Option<Linear> {
        let bits = r.u32()?;
        let labels = r.u32()? as usize;
        if bits > 24 || labels == 0 || labels > MAX_LABELS {
            return None;
        }
        let weights = r.take(labels << bits)?;
        let trans = r.take((labels + 1) * labels)?.iter().map(|&t| i32::from(t as i8)).collect();
        Some(Linear { bits, labels, weights: Cow::Borrowed(weights), trans })
    }

    /// Appends this labeller in the file layout.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(self.labels as u32).to_le_bytes());
        out.extend_from_slice(&self.weights);
        out.extend(self.trans.iter().map(|&t| t as i8 as u8));
    }

    /// Number of labels.
    pub fn labels(&self) -> usize {
        self.labels
    }

    /// The mask that maps a feature hash to its bucket.
    pub fn mask(&self) -> u32 {
        (1u32 << self.bits) - 1
    }

    /// Adds the scores of `features` (hashes) to `scores` (one per label), through the engine's
    /// own [`Linear::adder`] for its labellers' sizes (the trainer's decoding and the engine's
    /// sum the same way).
    pub fn emit(&self, features: &[u32], scores: &mut [i32]) {
        fn sized<const L: usize>(m: &Linear, features: &[u32], scores: &mut [i32]) -> bool {
            let Ok(s) = <&mut [i32; L]>::try_from(scores) else { return false };
            if m.labels != L {
                return false;
            }
            let add = m.adder::<L>();
            features.iter().for_each(|&f| add(f, s));
            true
        }
        if sized::<3>(self, features, scores) || sized::<5>(self, features, scores) {
            return;
        }
        let (l, mask) = (self.labels, self.mask());
        for &f in features {
            let at = ((f & mask) as usize) * l;
            if let Some(ws) = self.weights.get(at..at + l) {
                for (s, &w) in scores.iter_mut().zip(ws) {
                    *s += i32::from(w as i8);
                }
            }
        }
    }

    /// A function adding one feature's weights to the scores of a labeller of exactly `L`
    /// labels (the caller checks [`Linear::labels`]): the emission summed as the features are
    /// made, with no list of them in between.
    #[inline(always)]
    pub(crate) fn adder<const L: usize>(&self) -> impl Fn(u32, &mut [i32; L]) + '_ {
        let (w, mask): (&[u8], u32) = (&self.weights, self.mask());
        move |f, scores| {
            let at = ((f & mask) as usize) * L;
            if let Some(ws) = w.get(at..at + L) {
                for k in 0..L {
                    scores[k] += i32::from(ws[k] as i8);
                }
            }
        }
    }

    /// The transition score from `prev` (`None`: the start) to `cur`.
    pub fn transition(&self, prev: Option<usize>, cur: usize) -> i32 {
        let row = prev.unwrap_or(self.labels);
        self.trans.get(row * self.labels + cur).copied().unwrap_or(0)
    }

    /// The best label sequence for per-position emission scores (`emissions[t * labels + l]`):
    /// [`viterbi`]'s result (the trainer's decoding), computed with the transitions in one flat
    /// table and the scores kept small by subtracting each step's first score from all (which
    /// changes no comparison), so they fit an `i32` on any input. Natively the two labellers'
    /// sizes have their own unrolled copy (the app's worker keeps one small loop).
    pub fn viterbi(&self, emissions: &[i32]) -> Vec<usize> {
        #[cfg(not(target_arch = "wasm32"))]
        match self.labels {
            3 => return self.viterbi_n::<3>(emissions),
            5 => return self.viterbi_n::<5>(emissions),
            _ => {}
        }
        self.viterbi_flat(emissions)
    }

    fn viterbi_flat(&self, emissions: &[i32]) -> Vec<usize> {
        let l = self.labels;
        let n = emissions.len() / l;
        if n == 0 {
            return Vec::new();
        }
        // `new` and `read` keep `l` in 1..=MAX_LABELS and the table (l + 1) * l long.
        let (tr, start) = self.trans.split_at(l * l);
        let mut score = [0i32; MAX_LABELS];
        for ((s, &e), &t) in score.iter_mut().zip(emissions).zip(start) {
            *s = e + t;
        }
        let mut back = vec![0u8; n * l];
        let mut next = [0i32; MAX_LABELS];
        for t in 1..n {
            let base = score[0];
            for c in 0..l {
                let (mut best, mut arg) = (score[0] - base + tr[c], 0);
                for p in 1..l {
                    let v = score[p] - base + tr[p * l + c];
                    if v > best {
                        (best, arg) = (v, p);
                    }
                }
                next[c] = best + emissions[t * l + c];
                back[t * l + c] = arg as u8;
            }
            score = next;
        }
        backtrack(&score[..l], &back, l)
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn viterbi_n<const L: usize>(&self, emissions: &[i32]) -> Vec<usize> {
        let n = emissions.len() / L;
        if n == 0 {
            return Vec::new();
        }
        let mut tr = [[0i32; L]; L];
        for (p, row) in tr.iter_mut().enumerate() {
            row.copy_from_slice(&self.trans[p * L..(p + 1) * L]);
        }
        let mut score = [0i32; L];
        for (l, s) in score.iter_mut().enumerate() {
            *s = emissions[l] + self.trans[L * L + l];
        }
        let mut back = vec![0u8; n * L];
        for (t, em) in emissions.chunks_exact(L).enumerate().skip(1) {
            let base = score[0];
            let mut next = [0i32; L];
            for c in 0..L {
                let (mut best, mut arg) = (score[0] - base + tr[0][c], 0);
                for p in 1..L {
                    let v = score[p] - base + tr[p][c];
                    if v > best {
                        (best, arg) = (v, p);
                    }
                }
                next[c] = best + em[c];
                back[t * L + c] = arg as u8;
            }
            score = next;
        }
        backtrack(&score, &back, L)
    }
}

/// The labels, last to first, from the final `score`s and the back pointers `back` (`l` per
/// position); ties go to the lower label, as in [`viterbi`].
fn backtrack(score: &[i32], back: &[u8], l: usize) -> Vec<usize> {
    let mut last = 0;
    for k in 1..l {
        if score[k] > score[last] {
            last = k;
        }
    }
    let mut out = vec![0; back.len() / l];
    for t in (0..out.len()).rev() {
        out[t] = last;
        last = usize::from(back[t * l + last]);
    }
    out
}

/// Viterbi over `labels` labels with the transition scores of `trans` (shared with the trainer's
/// float-free decoding).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(crate) fn viterbi(labels: usize, emissions: &[i32], trans: impl Fn(Option<usize>, usize) -> i32) -> Vec<usize> {
    let n = emissions.len() / labels.max(1);
    if n == 0 || labels == 0 {
        return Vec::new();
    }
    let mut score: Vec<i64> = (0..labels).map(|l| i64::from(emissions[l]) + i64::from(trans(None, l))).collect();
    let mut back = vec![0u8; n * labels];
    let mut next = vec![0i64; labels];
    for t in 1..n {
        for c in 0..labels {
            let (mut best, mut arg) = (i64::MIN, 0);
            for (p, &s) in score.iter().enumerate() {
                let v = s + i64::from(trans(Some(p), c));
                if v > best {
                    (best, arg) = (v, p);
                }
            }
            next[c] = best + i64::from(emissions[t * labels + c]);
            back[t * labels + c] = arg as u8;
        }
        std::mem::swap(&mut score, &mut next);
    }
    let mut last = (0..labels).max_by_key(|&l| (score[l], std::cmp::Reverse(l))).unwrap_or(0);
    let mut out = vec![0; n];
    for t in (0..n).rev() {
        out[t] = last;
        last = back[t * labels + last] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Linear {
        // 2 buckets, 2 labels: feature 0 votes label 0, feature 1 votes label 1.
        Linear::new(1, 2, vec![5, -5, -5, 5], vec![0, 0, 0, 0, 0, 0]).unwrap()
    }

    #[test]
    fn emission_adds_the_weights_of_each_feature() {
        let m = tiny();
        let mut s = [0, 0];
        m.emit(&[0, 1, 1], &mut s);
        assert_eq!(s, [-5, 5]);
    }

    #[test]
    fn viterbi_follows_transitions_when_they_outweigh_emissions() {
        // Strong penalty for 0 → 1.
        let m = Linear::new(1, 2, vec![5, -5, -5, 5], vec![0, -100, 0, 0, 0, 0]).unwrap();
        let mut e = Vec::new();
        for f in [0u32, 1] {
            let mut s = [0, 0];
            m.emit(&[f], &mut s);
            e.extend(s);
        }
        assert_eq!(m.viterbi(&e), vec![0, 0]);
        assert_eq!(tiny().viterbi(&e), vec![0, 1]);
    }

    #[test]
    fn a_labeller_round_trips_through_its_bytes() {
        let m = tiny();
        let mut out = Vec::new();
        m.write(&mut out);
        let bytes: &'static [u8] = Box::leak(out.into_boxed_slice());
        let back = Linear::read(&mut Reader { bytes, at: 0 }).unwrap();
        assert_eq!(back.labels(), 2);
        let mut s = [0, 0];
        back.emit(&[1], &mut s);
        assert_eq!(s, [-5, 5]);
    }

    #[test]
    fn truncated_bytes_are_no_labeller() {
        let mut out = Vec::new();
        tiny().write(&mut out);
        for cut in 0..out.len() {
            let bytes: &'static [u8] = Box::leak(out[..cut].to_vec().into_boxed_slice());
            assert!(Linear::read(&mut Reader { bytes, at: 0 }).is_none(), "cut at {cut}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_engines_viterbi_decodes_as_the_trainers(
            labels in proptest::sample::select(vec![3usize, 5]),
            trans in proptest::collection::vec(-128i8..=127, 30),
            em in proptest::collection::vec(-40i32..=40, 0..400),
            scale in proptest::sample::select(vec![1i32, 110]),
        ) {
            // Small scores tie often (the first best label wins), large ones reach the
            // emissions' range.
            let em: Vec<i32> = em.iter().map(|e| e * scale).collect();
            let trans = trans[..(labels + 1) * labels].to_vec();
            let m = Linear::new(1, labels, vec![0; labels << 1], trans).unwrap();
            let em = &em[..em.len() / labels * labels];
            let general = viterbi(labels, em, |p, c| m.transition(p, c));
            proptest::prop_assert_eq!(m.viterbi(em), general.clone());
            proptest::prop_assert_eq!(m.viterbi_flat(em), general);
        }
    }

    #[test]
    fn viterbi_of_nothing_is_empty() {
        assert!(tiny().viterbi(&[]).is_empty());
    }
}
