//! Content rules for a verb of saying: what follows the cue ("that …", a colon, a quotation,
//! an infinitive of intention, a question), or what precedes its source ("…, NBC alleged.",
//! "A, he said, B"), and which of the two it is.

use super::super::content::After;
use super::super::view::Ctx;
use super::super::Scope;
use super::frame::Frame;
use super::source::Source;
use crate::engine::lexicon::CueEntry;
use crate::engine::span::Span;
use crate::engine::words;

/// Where the content starts after the cue: a marker ("that", a colon, a quotation, "citing X"),
/// an infinitive of intention ("vowed to punish …"), a question word ("asked whether …").
pub fn after(ctx: &Ctx<'_>, s: &Scope<'_>, entry: &CueEntry, f: &Frame) -> After {
    let (k, end) = (f.next, s.end);
    let props = entry.props;
    let mut after = ctx.content_after(k, end);
    // An intention takes an infinitive: "Trump wants to junk …", "vowed to punish …".
    if k < end && ctx.low_is(k, "to") && props.intention && ctx.is_word(k + 1) {
        after = After { start: Some(k), marked: true, citing: after.citing };
    }
    // A question: "asked whether …", "wondered how …", "was asked about …".
    if props.question && !after.marked {
        let hi = (k + 6).min(end);
        if let Some(q) = (k..hi).find(|&x| {
            ctx.is_word(x)
                && ["whether", "if", "how", "why", "what", "who", "when", "where", "about"].contains(&&*ctx.low(x))
        }) {
            after = After { start: Some(q), marked: true, citing: after.citing };
        }
    }
    after
}

/// The content of the claim (unless the source rule found it), and whether it is marked (an
/// explicit "that"/colon/quotation, or a quotation before the source).
pub fn content(
    ctx: &Ctx<'_>,
    s: &Scope<'_>,
    entry: &CueEntry,
    f: &Frame,
    src: &Source,
    after: &After,
) -> Result<(Vec<Span>, bool), &'static str> {
    let mut content = src.content.clone();
    let mut marked = after.marked;
    if content.is_empty() {
        let (before, interrupted) = before(ctx, s, f, src);
        if use_before(ctx, s, f, after, before, interrupted) {
            let (c, quoted) = before.unwrap_or_default();
            content.push(c);
            marked = quoted;
            content.extend(interrupted);
        } else if let Some(a) = after.start {
            content.extend(following(ctx, s, entry, a, after));
        }
    }
    if content.is_empty() {
        return Err("no content");
    }
    Ok((content, marked))
}

/// The content before the source ("…, NBC alleged."; "The plan, he said, would fail") and the
/// rest of an interrupted sentence after the cue.
fn before(ctx: &Ctx<'_>, s: &Scope<'_>, f: &Frame, src: &Source) -> (Option<(Span, bool)>, Option<Span>) {
    let (floor, end, k) = (s.floor, s.end, f.next);
    // "Trump, who has pleaded not guilty, called …": what stands before a relative pronoun is
    // its antecedent, not content.
    if src.np.is_some_and(|(a, b)| b == a + 1 && matches!(&*ctx.low(a), "who" | "which")) {
        return (None, None);
    }
    let mut before = src.np.and_then(|(a, _)| ctx.content_before(s.sent, a));
    // "Asked whether …, Ban said …": the question is not what Ban said (see `rules::asked`).
    if ctx.asked_at(floor).is_some() && before.is_some_and(|(c, _)| c.start <= ctx.tok(floor + 1).span.start) {
        before = None;
    }
    // "The plan, he said, would fail": a short first part counts when a rest follows.
    if let Some((a, _)) = src.np.filter(|&(a, _)| before.is_none() && a > floor + 1 && ctx.is_punct(a - 1, ',')) {
        let words = (floor..a - 1).all(|x| ctx.is_word(x));
        if words && super::super::content::interrupted_rest(ctx, k, end).is_some() {
            before = Some((ctx.span(floor, a - 1), false));
        }
    }
    // "All of which, he said, would help …": the rest of the sentence is content too.
    let interrupted = if before.is_some() { super::super::content::interrupted_rest(ctx, k, end) } else { None };
    (before, interrupted)
}

/// Whether the content is the part before the source rather than what follows the cue.
fn use_before(
    ctx: &Ctx<'_>,
    s: &Scope<'_>,
    f: &Frame,
    after: &After,
    before: Option<(Span, bool)>,
    interrupted: Option<Span>,
) -> bool {
    let (end, k) = (s.end, f.next);
    // An introductory adjunct is no content: "On Sunday’s show, Pence said his running mate …".
    let first = ctx.skip_until(s.sent);
    let intro = before.is_some()
        && ctx.is_word(first)
        && ctx.is_a(first, words::class::INTRO_WORDS)
        && after.start.is_some_and(|a| (a..end).filter(|&x| ctx.is_word(x)).count() >= 4);
    // "“A,” he said, “B.”": both quotations (the second is added by `follow_quotes`).
    let quote_after_comma = after.start.is_some_and(|a| a > 0 && ctx.is_open_quote(a) && ctx.is_punct(a - 1, ','));
    match (before, after.start) {
        (Some(_), None) => true,
        (Some((_, true)), Some(_)) if quote_after_comma => true,
        (Some((_, quoted)), Some(a)) => {
            // A short tail is an adjunct ("…, she said on Monday", "…, he told reporters"),
            // unless it opens a clause of its own ("…, a poll shows Trump with a lead").
            let words_after = (a..end).filter(|&x| ctx.is_word(x)).count();
            let first = ctx.low(a);
            let adjunct = !ctx.is_word(a)
                || words_after <= 2
                || ctx.is_a(a, words::class::NP_INNER_PREP)
                || ctx.is_a(a, words::class::TIME_WORDS)
                || first.ends_with("ly")
                || [
                    "to",
                    "during",
                    "after",
                    "before",
                    "while",
                    "as",
                    "when",
                    "late",
                    "early",
                    "last",
                    "this",
                    "earlier",
                    "again",
                    "afterward",
                    "later",
                    "by",
                    "under",
                    "through",
                ]
                .contains(&&*first);
            !after.marked && !intro && (quoted || (end - k <= 8 && adjunct) || interrupted.is_some())
        }
        _ => false,
    }
}

/// The content from token `a` after the cue: a colon's quotation or the rest of the paragraph,
/// else up to where the clause ends; `None` when it has fewer than two words.
fn following(ctx: &Ctx<'_>, s: &Scope<'_>, entry: &CueEntry, a: usize, after: &After) -> Option<Span> {
    let colon = a > 0 && ctx.is_punct(a - 1, ':');
    let object = !after.marked && !entry.props.clause;
    let e = match (colon, ctx.quote_opening_at(a).and_then(|q| q.close_tok)) {
        // "responded: “…”" — the quotation, not the rest of the paragraph.
        (true, Some(close)) if close + 1 < ctx.para_end(s.sent) => close + 1,
        (true, _) => ctx.para_end(s.sent),
        _ => ctx.content_end(a, s.end, object),
    };
    let n_words = (a..e).filter(|&x| ctx.is_word(x)).count();
    (n_words >= 2).then(|| ctx.span(a, e))
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;

    fn content(text: &str) -> Vec<String> {
        let a = analyze(text);
        a.claims.iter().map(|c| c.content.iter().map(|s| s.text(text)).collect::<Vec<_>>().join(" | ")).collect()
    }

    #[test]
    fn an_intention_takes_its_infinitive() {
        assert_eq!(content("Trump vowed to punish the leakers."), ["to punish the leakers"]);
    }

    #[test]
    fn a_question_starts_at_its_question_word() {
        assert_eq!(content("The reporter asked him whether the talks had failed."), ["whether the talks had failed"]);
    }

    #[test]
    fn content_first_before_an_inverted_or_final_source() {
        assert_eq!(content("The talks will fail, NBC alleged."), ["The talks will fail"]);
    }

    #[test]
    fn an_interrupted_sentence_has_both_parts() {
        let t = "The plan, he said, would fail within a year.";
        assert_eq!(content(t), ["The plan | would fail within a year"]);
    }

    #[test]
    fn a_short_adjunct_after_the_cue_is_not_the_content() {
        assert_eq!(content("The economy is slowing down, she said on Monday."), ["The economy is slowing down"]);
    }

    #[test]
    fn the_antecedent_of_a_relative_source_is_no_content() {
        let t = "Trump, who has pleaded not guilty, called the case a witch hunt.";
        assert!(content(t).iter().all(|c| !c.starts_with("Trump")), "{:?}", content(t));
    }

    #[test]
    fn a_manner_of_speaking_verb_after_a_quotation() {
        let t = "\"Did you shoot him?\" she yells. \"We are done here,\" the officer whispered.";
        assert_eq!(content(t), ["Did you shoot him?", "We are done here"]);
    }
}
