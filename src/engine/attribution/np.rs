//! Noun-phrase chunking: the source before a cue ("State Department spokesperson Vedant Patel
//! said"), after it ("said Patel", "according to a count by The Associated Press"), and a loose
//! phrase by position only.

use super::view::Ctx;
use crate::engine::lexicon::CueClass;
use crate::engine::segment::TokKind;
use crate::engine::words;

impl Ctx<'_> {
    /// Noun phrase ending right before token `end` (exclusive), not before `floor`.
    pub(crate) fn np_back(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        let mut start = end;
        let mut tail_time = false;
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
            if self.joins_names(t) && start < end {
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
                            && self.is_a(q.open_tok - 1, words::class::DETERMINERS);
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
            if self.is_a(t, words::class::PRONOUNS) || self.is_a(t, words::class::INDEFINITE_PRONOUNS) {
                if start == end {
                    return Some((t, t + 1));
                }
                // "Many in the crowd", "some of his advisers": a quantifier heading a partitive;
                // "some officials": a quantifier determining the noun.
                if self.is_a(t, words::class::INDEFINITE_PRONOUNS)
                    && (["of", "in", "among", "from"].contains(&&*self.low(start))
                        || self.is_a(t, words::class::DETERMINERS))
                {
                    start = t;
                    nominal = true;
                }
                break;
            }
            if start == end && words::is_possessive(&w) {
                // "Trump’s state": the cue word is a noun here.
                return None;
            }
            if &*w == "and" && start < end && t > floor && self.is_word(t - 1) {
                let before = self.low(t - 1);
                // A speaker joined to a thing is no joint source ("mad cow disease and a
                // ministerial spokesman", "overnight and a spokesman"); people and plurals are.
                let plural = before.ends_with('s') && before.len() > 3 && !before.ends_with("ss");
                // (Adjectives shared by both: "the city's black and Hispanic communities".)
                let adjective = [
                    "black", "white", "asian", "young", "old", "local", "foreign", "senior", "junior", "past",
                    "current", "former", "present",
                ]
                .contains(&&*before)
                    || before.ends_with("ern");
                let nounish = self.tok(t - 1).cap
                    || self.is_role(t - 1)
                    || adjective
                    || (plural && !self.is_a(t - 1, words::class::NP_STOP));
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
                && self.is_a(t - 1, words::class::POSTMODIFIER_ADJECTIVES)
                && self.is_word(t - 2)
                && (self.is_role(t - 2) || self.tok(t - 2).cap);
            if postmodifier {
                start = t - 1;
                j = t - 1;
                continue;
            }
            if self.is_a(t, words::class::NP_INNER_PREP) || role_to {
                let noun_before = t > floor && self.is_word(t - 1) && (self.tok(t - 1).cap || self.is_role(t - 1));
                if start < end && noun_before {
                    start = t;
                    j = t;
                    continue;
                }
                break;
            }
            // A time right before the cue stays ("voters this fall is expected"); one before the
            // phrase ends it ("last year Pagliano invoked").
            let time = self.time_at(t);
            tail_time = time && (start == end || tail_time);
            // "something Washington has urged": the head of a relative clause is no speaker.
            let relative_head = ["something", "anything", "everything", "nothing"].contains(&&*w);
            if self.is_a(t, words::class::NP_STOP) || (time && !tail_time) || relative_head {
                break;
            }
            if !tok.cap && !self.is_a(t, words::class::DETERMINERS) && !self.is_role(t) {
                // A participle right before a capitalised or role noun is an adjective: "the
                // embattled governor", "undecided Republican voter".
                let opens = t == floor || !self.is_word(t - 1) || self.is_a(t - 1, words::class::DETERMINERS);
                let before_noun =
                    start == t + 1 && start < end && (self.is_role(start) || (opens && self.tok(start).cap));
                let verbish = (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
                    && !self.is_a(t, words::class::PARTICIPLE_ADJECTIVES)
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
            && (self.is_a(start, words::class::NP_INNER_PREP) || self.low_is(start, "and"))
        {
            start += 1;
        }
        (nominal && start < end).then_some((start, end))
    }

    /// Noun phrase starting at token `start`, not reaching `ceil`.
    pub(crate) fn np_fwd(&self, start: usize, ceil: usize) -> Option<(usize, usize)> {
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
            if self.joins_names(j) && end > start {
                j += 1;
                continue;
            }
            if tok.kind != TokKind::Word {
                break;
            }
            let w = self.low(j);
            if self.is_a(j, words::class::PRONOUNS) {
                if end == start {
                    return Some((j, j + 1));
                }
                break;
            }
            if &*w == "and" {
                // "… and administration officials": a role noun, or one word before it.
                let role_next = self.is_role(j + 1)
                    || (self.is_word(j + 1) && !self.low(j + 1).ends_with("ed") && self.is_role(j + 2) && j + 2 < ceil);
                let next_np = j + 1 < ceil
                    && self.is_word(j + 1)
                    && (self.tok(j + 1).cap || self.is_a(j + 1, words::class::DETERMINERS) || role_next);
                if end > start && next_np {
                    j += 1;
                    continue;
                }
                break;
            }
            // "a source close to the campaign", "an official familiar with the talks".
            if end > start
                && (self.is_role(end - 1) || self.tok(end - 1).cap)
                && self.is_a(j, words::class::POSTMODIFIER_ADJECTIVES)
                && matches!(&*self.low(j + 1), "with" | "to")
                && j + 2 < ceil
                && self.is_word(j + 2)
            {
                j += 2;
                continue;
            }
            // "an adviser to Trump": "to" joins a role noun and a name.
            let role_to = &*w == "to" && end > start && self.is_role(end - 1);
            if self.is_a(j, words::class::NP_INNER_PREP) || role_to {
                let next_ok =
                    j + 1 < ceil && self.is_word(j + 1) && (self.tok(j + 1).cap || matches!(&*self.low(j + 1), "the"));
                let prev_ok = end > start && (self.tok(end - 1).cap || self.is_role(end - 1));
                if next_ok && prev_ok {
                    j += 1;
                    continue;
                }
                break;
            }
            if self.is_a(j, words::class::NP_STOP) || (end > start && self.time_at(j)) {
                break;
            }
            if !tok.cap && !self.is_a(j, words::class::DETERMINERS) && !self.is_role(j) {
                let before_noun =
                    end == start && j + 1 < ceil && self.is_word(j + 1) && (self.tok(j + 1).cap || self.is_role(j + 1));
                let verbish = (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
                    && !self.is_a(j, words::class::PARTICIPLE_ADJECTIVES)
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

    /// A time adjunct starting at `t`, which no noun phrase runs into: "today", "yesterday",
    /// "last week", "this month" ("an ABC News poll last week", "But today Phillips said").
    pub(crate) fn time_at(&self, t: usize) -> bool {
        let time_noun = |i: usize| {
            self.is_word(i)
                && ["week", "month", "year", "night", "weekend", "summer", "fall", "spring", "winter"]
                    .contains(&&*self.low(i))
        };
        match &*self.low(t) {
            // "telling TODAY", "told Today": a capital after a word names the show.
            "today" | "yesterday" | "tonight" | "tomorrow" => {
                let w = self.word(t);
                let all_caps = w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase());
                let mid_sentence_capital = self.tok(t).cap && t > 0 && self.is_word(t - 1);
                !all_caps && !mid_sentence_capital
            }
            "last" | "this" | "next" => time_noun(t + 1),
            _ => t > 0 && time_noun(t) && matches!(&*self.low(t - 1), "last" | "this" | "next"),
        }
    }

    /// A slash between two capitalised words, with no space around it, joins two names into
    /// one: "a New York Times/CBS News poll", "ABC/Ipsos".
    fn joins_names(&self, t: usize) -> bool {
        let tok = self.tok(t);
        tok.kind == TokKind::Punct
            && tok.ch == '/'
            && t > 0
            && self.is_word(t - 1)
            && self.tok(t - 1).cap
            && self.tok(t - 1).span.end == tok.span.start
            && self.is_word(t + 1)
            && self.tok(t + 1).cap
            && self.tok(t + 1).span.start == tok.span.end
    }

    /// A noun phrase by position only: the words from `start` up to punctuation, a clause word
    /// or `ceil`, at most 15 words; `None` when it would be empty.
    pub(crate) fn np_loose(&self, start: usize, ceil: usize) -> Option<(usize, usize)> {
        let mut j = start;
        while j < ceil && j < start + 15 && self.is_word(j) {
            let w = self.low(j);
            // A clause word, or another "according" ("according to according to …" names no one).
            if ["that", "which", "who", "whom", "when", "while", "because", "but", "if", "according"].contains(&&*w) {
                break;
            }
            j += 1;
        }
        (j > start).then_some((start, j))
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;

    fn source(text: &str) -> Vec<String> {
        let a = analyze(text);
        a.claims.iter().map(|c| c.source.iter().map(|s| s.text(text)).collect::<Vec<_>>().join(" ")).collect()
    }

    #[test]
    fn a_slash_joins_two_names() {
        let t = "Clinton leads by three points, according to a New York Times/CBS News poll.";
        assert_eq!(source(t), ["a New York Times/CBS News poll"]);
        let t = "According to a Reuters/Ipsos poll, the two candidates are in a dead heat.";
        assert_eq!(source(t), ["a Reuters/Ipsos poll"]);
        // A spaced slash is no name: "and/or" reads as words, "A / B" as two.
        let a = analyze("Most voters view her unfavorably, according to a poll / survey.");
        assert!(a.claims.iter().all(|c| c
            .source
            .iter()
            .all(|s| !s.text("Most voters view her unfavorably, according to a poll / survey.").contains('/'))));
    }

    #[test]
    fn and_joins_a_second_role() {
        let t = "The agency gave no proof, according to U.S. intelligence and administration officials.";
        assert_eq!(source(t), ["U.S. intelligence and administration officials"]);
        let t = "His influence was significant, according to Ukrainian politicians and officials.";
        assert_eq!(source(t), ["Ukrainian politicians and officials"]);
    }

    #[test]
    fn a_thing_and_a_speaker_are_no_joint_source() {
        let t = "There was no sign of mad cow disease and a ministerial spokesman said the herd was safe.";
        assert_eq!(source(t), ["a ministerial spokesman"]);
        let t = "Many in the city's black and Hispanic communities say the police are unfair.";
        assert_eq!(source(t), ["Many in the city's black and Hispanic communities"]);
        assert_eq!(source("Republicans and Democrats said the bill would pass."), ["Republicans and Democrats"]);
        let t = "Five past and current employees separately told the Post that there is no paid leave.";
        assert_eq!(source(t), ["Five past and current employees"]);
        // A common noun of roles.tsv heads a phrase ("mogul", "camp").
        let t = "It came after the billionaire estate mogul claimed that the judge was unfit.";
        assert_eq!(source(t), ["the billionaire estate mogul"]);
    }

    #[test]
    fn the_head_of_a_relative_clause_is_no_speaker() {
        let t = "The rules do not ban the transfer, something Washington long has urged Beijing to do.";
        assert_eq!(source(t), ["Washington"]);
    }

    #[test]
    fn a_time_adjunct_ends_a_phrase() {
        let t = "Her rating fell by six points, according to an ABC News poll last week.";
        assert_eq!(source(t), ["an ABC News poll"]);
        assert_eq!(source("But last year Pagliano invoked his Fifth Amendment rights."), ["Pagliano"]);
        assert_eq!(source("But today Phillips has announced that she will resign."), ["Phillips"]);
        // A time right before the cue stays inside a raised subject's content.
        let t = "About one of every nine voters this fall is expected to be Latino.";
        let a = analyze(t);
        assert!(a.claims.iter().all(|c| c.source.is_empty()));
    }

    #[test]
    fn a_show_called_today_is_no_time() {
        let t = "He called the station, telling TODAY he had nothing to do with it.";
        let a = analyze(t);
        assert!(a.claims.iter().all(|c| c.content.iter().all(|s| !s.text(t).contains("TODAY"))));
    }
}
