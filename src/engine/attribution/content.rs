//! Content rules: where a claim's content starts after its cue ("that", a colon, an opening
//! quotation, "citing X"), where it ends (a trailing participle or adjunct clause, a coordinated
//! verb, a later content-first attribution), the content before a source ("…, NBC alleged."),
//! the rest of an interrupted sentence ("A, he said, B"), and what kind of report it is.

use super::view::Ctx;
use crate::engine::lexicon::CueClass;
use crate::engine::model::ClaimKind;
use crate::engine::quotes::Quote;
use crate::engine::segment::{Sentence, TokKind};
use crate::engine::span::Span;
use crate::engine::words;

/// Where a claim's content starts after a cue, and a chain found on the way.
pub(crate) struct After {
    pub(crate) start: Option<usize>,
    pub(crate) marked: bool,
    pub(crate) citing: Option<(usize, (usize, usize))>,
}

impl Ctx<'_> {
    /// Looks for "that", ":", an opening quote or "citing X" shortly after `k`.
    pub(crate) fn content_after(&self, k: usize, end: usize) -> After {
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
                let adverb = ["however", "also", "though", "instead", "meanwhile", "again", "too"].contains(&&*w);
                if !adverb
                    && (self.cue_entry(m).is_some_and(|c| c.class != CueClass::Hedge)
                        || self.is_a(m, words::class::NP_STOP))
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
            } else if t.ch == ',' && self.is_word(m + 1) && self.is_a(m + 1, words::class::DETERMINERS) {
                // "said Saturday, a deal that could …": the "that" is the apposition's own.
                break;
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
    pub(crate) fn content_end(&self, start: usize, end: usize, object: bool) -> usize {
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
                    while b < end && self.is_word(b) && self.is_a(b, words::class::CUE_PREFIX) {
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
                if [
                    "who",
                    "which",
                    "as",
                    "while",
                    "after",
                    "before",
                    "when",
                    "since",
                    "because",
                    "although",
                    "though",
                    "according",
                    "whereas",
                    "despite",
                    "compared",
                ]
                .contains(&&*w)
                {
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
                        || (w.ends_with("ed") && !self.is_a(v, words::class::PARTICIPLE_ADJECTIVES))
                        || ["has", "had", "have", "is", "was", "will", "would"].contains(&&*w);
                    if verb {
                        return if m > start && self.is_punct(m - 1, ',') { m - 1 } else { m };
                    }
                }
            }
            // A dash opening a new clause: "… ― as was true …", "— and he noted …".
            if self.tok(m).kind == TokKind::Punct
                && matches!(self.tok(m).ch, '—' | '―' | '–')
                && self.is_word(next)
                && ["and", "but", "as", "which", "while", "who"].contains(&&*self.low(next))
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
                            && [
                                "statement",
                                "interview",
                                "tweet",
                                "tweets",
                                "speech",
                                "rally",
                                "letter",
                                "press",
                                "news",
                                "campaign",
                                "phone",
                                "television",
                                "radio",
                                "post",
                                "conference",
                                "meeting",
                                "hearing",
                                "debate",
                                "series",
                            ]
                            .contains(&&*self.low(next + 1))
                            || self.low(next).starts_with("early")
                    }
                    "on" => self.is_word(next) && self.is_a(next, words::class::TIME_WORDS) && self.tok(next).cap,
                    "last" | "this" => {
                        ["week", "month", "year", "summer", "fall", "spring", "winter"].contains(&&*self.low(next))
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

    /// Content before a source noun phrase starting at `np_start`: needs a comma or closing
    /// quote right before it and some words before that.
    pub(crate) fn content_before(&self, sent: &Sentence, np_start: usize) -> Option<(Span, bool)> {
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
                return Some((q.inner.trim_by(self.d.text, &|c| c.is_whitespace() || c == ','), true));
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
        while first + 1 < last && self.is_word(first) && ["but", "and", "so", "yet"].contains(&&*self.low(first)) {
            first += 1;
        }
        let span = self.span(first, last).trim_by(self.d.text, &|c| c.is_whitespace() || c == ',');
        let quoted = (first..last).any(|i| self.inside_of(i).is_some());
        Some((span, quoted))
    }

    pub(crate) fn kind_of(&self, content: &[Span]) -> ClaimKind {
        let text = self.d.text;
        let mut any_quote = false;
        let mut all_quoted = true;
        for s in content {
            let mut inner = s.trim_by(text, &|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
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

/// True when the (first) content lies before the cue: "…, NBC alleged."
pub(crate) fn content_first(content: &[Span], cue: &[Span]) -> bool {
    matches!((content.first(), cue.first()), (Some(c), Some(q)) if c.end <= q.start)
}

/// After a cue (token `k` onward): ", …" to the end of the sentence with at least three words,
/// as in "A, he said, B." — the span of B.
pub(crate) fn interrupted_rest(ctx: &Ctx<'_>, k: usize, end: usize) -> Option<Span> {
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
    // "…, the ambassador said Saturday, a deal that could …": an apposition to A, not its rest
    // ("…, Mr. Obama said, a majority of Americans have come to believe …" is one).
    let apposition = matches!(&*first, "a" | "an")
        && (s + 2..(s + 6).min(end)).any(|x| ctx.is_word(x) && matches!(&*ctx.low(x), "that" | "which" | "who"));
    if apposition {
        return None;
    }
    if (first.ends_with("ing") && ctx.cue_entry(s).is_some())
        || ["who", "which", "according", "as", "while", "when", "after", "before", "adding", "but", "and"]
            .contains(&&*first)
    {
        return None;
    }
    Some(ctx.span(s, ctx.content_end(s, end, false)))
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;

    #[test]
    fn an_apposition_after_the_cue_is_no_content() {
        let t = "Iraq and Russia are close to signing a cooperation plan, Iraq's ambassador said Saturday, a deal that could put Moscow at odds with Washington.";
        let a = analyze(t);
        let parts: Vec<&str> = a.claims[0].content.iter().map(|s| s.text(t)).collect();
        assert_eq!(parts, ["Iraq and Russia are close to signing a cooperation plan"]);
        let t = "During his years in office, Mr. Obama said, a majority of Americans have come to believe that climate change is real.";
        let a = analyze(t);
        assert!(a.claims[0].content.iter().any(|s| s.text(t).starts_with("a majority")));
    }
}
