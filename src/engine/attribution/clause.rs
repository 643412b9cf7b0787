//! Clause geometry around a cue: where a sentence's main clause starts, its subject, the
//! adjuncts between a subject and its verb, the auxiliaries that belong to a cue verb, and
//! whether a new clause with its own subject starts at a token.

use super::view::Ctx;
use crate::engine::lexicon::CueClass;
use crate::engine::words;

impl Ctx<'_> {
    /// The "asked" of a sentence opening "Asked …" or "When asked …" (see `asked`).
    pub(crate) fn asked_at(&self, floor: usize) -> Option<usize> {
        let i = if self.low_is(floor, "when") { floor + 1 } else { floor };
        self.low_is(i, "asked").then_some(i)
    }

    /// Where the main clause of a sentence starting at `floor` begins: after an introductory
    /// phrase and its comma ("In April, Twitter …"), else at `floor`.
    pub(crate) fn after_intro(&self, floor: usize, ceil: usize) -> usize {
        // A sentence-initial conjunction first: "But Podesta said …".
        let floor =
            if floor + 1 < ceil && ["but", "and", "so", "yet"].contains(&&*self.low(floor)) && self.is_word(floor) {
                floor + 1
            } else {
                floor
            };
        if self.is_word(floor) && self.is_a(floor, words::class::INTRO_WORDS) {
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
    pub(crate) fn subject_at(&self, start: usize, ceil: usize) -> Option<(usize, usize)> {
        if start >= ceil || !self.is_word(start) {
            return None;
        }
        let first = self.low(start);
        if self.is_a(start, words::class::PRONOUNS) && !["who", "which", "it", "you"].contains(&&*first) {
            return Some((start, start + 1));
        }
        let mut j = start;
        let mut anchor = false;
        while j < ceil && self.is_word(j) && j < start + 8 {
            let w = self.low(j);
            let cap = self.tok(j).cap;
            // "A federal judge": lower-case modifiers before a role noun.
            let adjective = |x: usize| {
                let l = self.low(x);
                let verb_or_adverb = ["ly", "ed", "ing"].iter().any(|s| l.ends_with(s));
                self.is_word(x) && !self.tok(x).cap && !verb_or_adverb && !self.is_a(x, words::class::NP_STOP)
            };
            let modifier =
                adjective(j) && (self.is_role(j + 1) || (j + 2 < ceil && adjective(j + 1) && self.is_role(j + 2)));
            if cap || self.is_role(j) {
                anchor = true;
            } else if !(self.is_a(j, words::class::DETERMINERS) || (&*w == "of" && self.tok(j + 1).cap) || modifier) {
                break;
            }
            j += 1;
        }
        // "A federal judge on Friday delayed": a time phrase between the subject and its verb.
        let time = j + 1 < ceil
            && self.is_a(j, words::class::NP_INNER_PREP)
            && self.is_a(j + 1, words::class::TIME_WORDS)
            && self.tok(j + 1).cap;
        let verb =
            j < ceil && self.is_word(j) && !self.tok(j).cap && (time || !self.is_a(j, words::class::NP_INNER_PREP));
        (anchor && verb && j > start).then_some((start, j))
    }

    /// Start of the adjuncts between a subject and its verb at `end` (exclusive), not before
    /// `floor`: sentence adverbs ("Carter however said") and time phrases ("Sean Spicer on
    /// Thursday evening said", "the company this week said"). `end` when there are none.
    pub(crate) fn adjuncts_before(&self, end: usize, floor: usize) -> usize {
        let mut e = end;
        while e > floor + 1 && self.is_word(e - 1) && !self.tok(e - 1).cap {
            let w = self.low(e - 1);
            if matches!(
                &*w,
                "however"
                    | "though"
                    | "meanwhile"
                    | "instead"
                    | "too"
                    | "therefore"
                    | "nonetheless"
                    | "nevertheless"
                    // "something Washington long has urged Beijing to do"
                    | "long"
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
            && self.is_a(e - 1, words::class::TIME_WORDS)
            && !["on", "in", "at", "this", "last", "during", "late", "early"].contains(&&*last);
        if time_word {
            let mut b = e - 1;
            while b > floor + 1 && self.is_word(b - 1) && self.is_a(b - 1, words::class::TIME_WORDS) {
                b -= 1;
            }
            e = b;
        }
        e
    }

    /// Extend a cue verb at `i` backwards over auxiliaries/adverbs; returns the first token.
    pub(crate) fn cue_start(&self, i: usize, floor: usize) -> usize {
        let mut s = i;
        // "went on to claim", "continued to insist", "proceeded to say"
        if s >= floor + 2 && self.low_is(s - 1, "to") {
            let b = self.low(s - 2);
            if ["continued", "continues", "proceeded", "went", "goes", "moved"].contains(&&*b) {
                s -= 2;
            } else if &*b == "on" && s >= floor + 3 && ["went", "goes", "go", "going"].contains(&&*self.low(s - 3)) {
                s -= 3;
            }
        }
        let mut n = 0;
        while s > floor && n < 4 && self.is_word(s - 1) && (!self.tok(s - 1).cap || s - 1 == floor) {
            if self.is_a(s - 1, words::class::CUE_PREFIX) {
                s -= 1;
            } else if self.aux_adverb(s - 1, floor) {
                // "are specifically focused on": any "-ly" adverb after an auxiliary.
                s -= 2;
            } else {
                break;
            }
            n += 1;
        }
        s
    }

    /// Is token `k` an "-ly" adverb right after an auxiliary of the cue ("is specifically")?
    fn aux_adverb(&self, k: usize, floor: usize) -> bool {
        let w = self.low(k);
        k > floor
            && w.len() > 4
            && w.ends_with("ly")
            && self.is_word(k - 1)
            && !self.tok(k - 1).cap
            && ["is", "are", "was", "were", "has", "have", "had"].contains(&&*self.low(k - 1))
    }

    /// Does a clause with its own subject start at `i` ("[and] the union stepped in", "it leaves …")?
    pub(crate) fn new_clause_at(&self, i: usize, end: usize) -> bool {
        let mut i = i;
        if self.is_word(i) && ["and", "but", "so", "yet", "while"].contains(&&*self.low(i)) {
            i += 1;
        }
        if i >= end || !self.is_word(i) {
            return false;
        }
        let w = self.low(i);
        let subject_end = if ["he", "she", "it", "they", "we", "i", "there"].contains(&&*w) {
            i + 1
        } else if self.tok(i).cap || self.is_a(i, words::class::DETERMINERS) {
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
            && (self.is_a(v, words::class::FINITE_VERBS)
                || self.is_a(v, words::class::MORE_FINITE_VERBS)
                || (self.low(v).ends_with("ed") && !self.tok(v).cap)
                || self.cue_entry(v).is_some_and(|c| c.class == CueClass::Speech && c.prior > 0.3))
    }
}
