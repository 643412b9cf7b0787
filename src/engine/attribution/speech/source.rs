//! Source rules for a verb of saying, tried in order; the first that finds a source wins
//! (except that a coordinated verb's subject overrides a phrase found right before the cue).
//!
//! | rule | example |
//! |---|---|
//! | `passive` | "This was reported **by NBC News**" (found by the framing) |
//! | `subject` | "**State Department … Vedant Patel** said" (adverbs, time phrases skipped) |
//! | `apposition` | "**Marc Morial, the chief executive of the League,** said" |
//! | `coordinated` | "**Trump** had initially welcomed the election and said" |
//! | `and-said-again` | "Podesta said A and said B" (the previous claim's speaker) |
//! | `inverted` | "“…,” said **Patel**." (its content is the quotation before) |
//! | `participle` | "…,” he said, adding …" (previous claim) / "**Mr. Trump** struck a tone, saying …" |
//! | `first-phrase` | "**Russia**, in turn, has dismissed …" |

use super::super::view::Ctx;
use super::super::{RawClaim, RawId, Scope};
use super::frame::Frame;
use crate::engine::segment::TokKind;
use crate::engine::span::Span;
use crate::engine::words;

/// A source found for a verb of saying.
#[derive(Clone, Debug, Default)]
pub struct Source {
    /// The source noun phrase (tokens).
    pub np: Option<(usize, usize)>,
    /// Or: the speaker of this earlier claim.
    pub inherit_from: Option<RawId>,
    /// The source follows the cue ("said Patel"); the content comes before.
    pub inverted: bool,
    /// What the rule adds to the claim's confidence.
    pub confidence: f32,
    /// Content the rule found on the way (the quotation before an inverted source, the previous
    /// sentence of an anaphoric passive).
    pub content: Vec<Span>,
    /// The rule that found it.
    pub rule: &'static str,
}

/// Find the source of the framed cue `f`; `claims` are those before it.
pub fn find(ctx: &Ctx<'_>, s: &Scope<'_>, f: &mut Frame, claims: &[RawClaim]) -> Result<Source, &'static str> {
    let mut src = Source { np: f.agent, rule: "passive", ..Source::default() };
    if !f.passive {
        src.np = subject(ctx, s, f);
        src.rule = "subject";
    }
    if src.np.is_none() && !f.participle && !f.passive {
        src.np = apposition(ctx, s, f);
        src.rule = "apposition";
    }
    coordinated(ctx, s, f, claims, &mut src);
    if src.np.is_none() && !f.participle && prev_sep(ctx, s, f) && !f.passive {
        if let Some((np, content)) = inverted(ctx, s, f) {
            src.np = Some(np);
            src.content.push(content);
            src.inverted = true;
            src.confidence += 0.1;
            src.rule = "inverted";
        }
    }
    if src.np.is_none() && !src.inverted && !f.passive {
        fallback(ctx, s, f, claims, &mut src);
        if src.np.is_none() && src.inherit_from.is_none() {
            return Err("no source");
        }
    }
    if f.passive {
        let prev = passive_anaphora(ctx, s, f).ok_or("passive without an anaphoric subject")?;
        src.content.extend(prev);
    }
    Ok(src)
}

/// The subject before a parenthetical that ends right before the cue at `k`: "The Washington
/// Post — even the devil can quote statistics — observed" (the dashes' aside is not the source),
/// "Sen. Dick Durbin (D-Ill.) said" (the brackets' label is: PolNeAR's sources keep it).
fn past_parenthetical(ctx: &Ctx<'_>, floor: usize, k: usize) -> Option<(usize, usize)> {
    const DASHES: &[char] = &['—', '–'];
    let close = k.checked_sub(1).filter(|&c| c > floor)?;
    let dash = ctx.is_punct_in(close, DASHES);
    if !dash && !ctx.is_punct(close, ')') {
        return None;
    }
    // The opening mark, at most 40 tokens back, with no other dash or bracket in between.
    let lo = close.saturating_sub(40).max(floor);
    let open =
        (lo..close).rev().find(|&x| ctx.is_punct_in(x, DASHES) || ctx.is_punct(x, '(') || ctx.is_punct(x, ')'))?;
    let matched = if dash { ctx.is_punct_in(open, DASHES) } else { ctx.is_punct(open, '(') };
    if !matched || open <= floor {
        return None;
    }
    let (a, e) = ctx.np_back(open, floor).filter(|&(_, e)| e == open)?;
    Some(if dash { (a, e) } else { (a, k) })
}

/// Whether a comma or a quotation mark stands right before the cue.
fn prev_sep(ctx: &Ctx<'_>, s: &Scope<'_>, f: &Frame) -> bool {
    f.first > s.floor && (ctx.is_punct(f.first - 1, ',') || ctx.tok(f.first - 1).kind == TokKind::Quote)
}

/// The noun phrase before the cue, past adjuncts ("Carter however said") and a time phrase
/// between subject and auxiliary ("NBC had on the previous day claimed": the auxiliary joins
/// the cue).
fn subject(ctx: &Ctx<'_>, s: &Scope<'_>, f: &mut Frame) -> Option<(usize, usize)> {
    let floor = s.floor;
    let adjuncts = ctx.adjuncts_before(f.first, floor);
    let mut np = ctx.np_back(adjuncts, floor).or_else(|| ctx.np_back(f.first, floor));
    if np.is_none() {
        np = past_parenthetical(ctx, floor, adjuncts);
    }
    let (a, e) = np?;
    // A restrictive relative clause belongs to its noun: "The company that operates the plant did
    // not respond" is the company's, not "operates the plant"'s — when the clause opens with its
    // verb, not with a subject of its own ("problems … that he blamed on …").
    let verb_first = !ctx.tok(a).cap
        && !ctx.is_a(a, words::class::DETERMINERS | words::class::PRONOUNS | words::class::INDEFINITE_PRONOUNS)
        && !ctx.is_role(a);
    if a > floor + 1
        && verb_first
        && matches!(&*ctx.low(a - 1), "that" | "who" | "which")
        && ctx.cue_entry(a - 2).is_none()
    {
        if let Some((a2, _)) = ctx.np_back(a - 1, floor).filter(|&(_, e2)| e2 == a - 1) {
            return Some((a2, e));
        }
    }
    let head = ctx.low(e - 1);
    let time_head = [
        "day",
        "week",
        "month",
        "year",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "morning",
        "evening",
        "night",
    ]
    .contains(&&*head);
    if !time_head {
        return np;
    }
    let mut b = a;
    while b > floor
        && ctx.is_word(b - 1)
        && (ctx.is_a(b - 1, words::class::NP_INNER_PREP) || ctx.is_a(b - 1, words::class::CUE_PREFIX))
    {
        b -= 1;
    }
    if b < a {
        np = ctx.np_back(b, floor);
        if let Some(first_aux) = (b..a).find(|&x| ctx.is_a(x, words::class::CUE_PREFIX)) {
            f.spans.insert(0, ctx.span(first_aux, first_aux + 1));
        }
    }
    np
}

/// "Marc Morial, the chief executive of the League, said …" (also "Name (D-N.Y.), …,"); dashes
/// work the same: "A former candidate -- John McCain, who lost in 2008 -- said …".
fn apposition(ctx: &Ctx<'_>, s: &Scope<'_>, f: &Frame) -> Option<(usize, usize)> {
    let (floor, cue_first) = (s.floor, f.first);
    let sep_char = if cue_first > floor { ctx.tok(cue_first - 1).ch } else { '\0' };
    let is_sep = |x: usize| ctx.tok(x).kind == TokKind::Punct && ctx.tok(x).ch == sep_char;
    let dash_sep =
        matches!(sep_char, '—' | '–' | '-') && cue_first > floor && ctx.tok(cue_first - 1).kind == TokKind::Punct;
    if !(cue_first > floor + 2 && (ctx.is_punct(cue_first - 1, ',') || dash_sep)) {
        return None;
    }
    let mut c2 = cue_first - 1;
    // "--" is two dash tokens.
    while dash_sep && c2 > floor && is_sep(c2 - 1) {
        c2 -= 1;
    }
    let lo = c2.saturating_sub(18).max(floor);
    let c1 = (lo..c2).rev().find(|&x| is_sep(x)).map(|x| {
        let mut x = x;
        while dash_sep && x > lo && is_sep(x - 1) {
            x -= 1;
        }
        x
    })?;
    let c1_inner = (c1..c2).find(|&x| !is_sep(x)).unwrap_or(c2).saturating_sub(1);
    let number = c1_inner + 2 == c2 && ctx.tok(c1_inner + 1).ch.is_ascii_digit();
    // A relative clause stands where an apposition would: "One of them, who asked not to be
    // identified because the talks are private, said …" (its verbs are its own).
    let relative = matches!(&*ctx.low(c1_inner + 1), "who" | "which" | "whose");
    let no_quote = (c1_inner + 1..c2).all(|x| ctx.tok(x).kind != TokKind::Quote);
    let clean = dash_sep
        || (relative && no_quote)
        || (c1_inner + 1..c2)
            .all(|x| ctx.tok(x).kind != TokKind::Quote && !(ctx.is_word(x) && ctx.is_a(x, words::class::FINITE_VERBS)));
    let appos_ok = c1_inner + 1 < c2 && clean && (number || relative || ctx.np_fwd(c1_inner + 1, c2).is_some());
    let mut e1 = c1;
    if e1 > floor && ctx.is_punct(e1 - 1, ')') {
        if let Some(open) = (lo..e1 - 1).rev().find(|&x| ctx.is_punct(x, '(')) {
            e1 = open;
        }
    }
    if !appos_ok {
        return None;
    }
    let (mut a, b) = ctx.np_back(e1, floor)?;
    // "The union representing machinists": a noun phrase before a participle's object.
    if a > floor + 1 && ctx.low(a - 1).ends_with("ing") && !ctx.tok(a - 1).cap {
        if let Some((pa, _)) = ctx.np_back(a - 1, floor).filter(|&(pa, pb)| pb == a - 1 && ctx.tok(pa).cap) {
            a = pa;
        }
    }
    // A name on either side: "Marc Morial, the chief executive …", "the union's general
    // secretary, Tony Keenan, said".
    let named = |x: usize| ctx.is_word(x) && ctx.tok(x).cap;
    let role_then_name = (a..b).any(|x| ctx.is_role(x)) && (c1_inner + 1..c2).any(named);
    ((a..b).any(|x| ctx.tok(x).cap) || role_then_name).then_some((a, c2))
}

/// A coordinated verb phrase: "Trump had initially welcomed the election and said …" — the
/// subject is the sentence's first noun phrase; "The spokesman declined to comment but said …":
/// the subject of the first verb; "Podesta said A and said B": the previous claim's speaker.
fn coordinated(ctx: &Ctx<'_>, s: &Scope<'_>, f: &Frame, claims: &[RawClaim], src: &mut Source) {
    let (floor, cue_first) = (s.floor, f.first);
    let coordinated = ctx.low_is(cue_first.saturating_sub(1), "and") || ctx.low_is(cue_first.saturating_sub(1), "but");
    if !(cue_first > floor + 2 && coordinated && !f.passive) {
        return;
    }
    if let Some((a, b)) = ctx.np_fwd(ctx.after_intro(floor, cue_first), cue_first) {
        let verb_after = b < cue_first
            && ctx.is_word(b)
            && (ctx.is_a(b, words::class::CUE_PREFIX) || (ctx.low(b).ends_with("ed") && !ctx.tok(b).cap));
        if verb_after && (a..b).any(|x| ctx.tok(x).cap || ctx.is_a(x, words::class::PRONOUNS)) {
            src.np = Some((a, b));
            src.rule = "coordinated";
        }
    }
    // "Mrs. Clinton shook her head and said": any verb after a named subject.
    if src.np.is_none() {
        src.np = ctx.subject_at(ctx.after_intro(floor, cue_first), cue_first);
        src.rule = "coordinated";
    }
    if src.np.is_none() && claims.len() > s.first_claim {
        src.inherit_from = Some(RawId(claims.len() as u32 - 1));
        src.rule = "and-said-again";
    }
}

/// The claim of the sentence's main clause among its claims `first..`: the last one whose cue
/// is not inside an earlier one's content ("Smith said Jones had called the plan a disaster,
/// adding …": Smith's, not Jones's).
fn main_claim(claims: &[RawClaim], first: usize) -> u32 {
    let nested = |k: usize| {
        let Some(cue) = claims[k].cue.first() else { return false };
        claims[first..k].iter().any(|c| c.content.iter().any(|s| s.contains(*cue)))
    };
    (first..claims.len()).rev().find(|&k| !nested(k)).unwrap_or(claims.len() - 1) as u32
}

/// Inverted "…,” said Patel." / "…, says the report.": the phrase after the cue, when a
/// content stands before it.
fn inverted(ctx: &Ctx<'_>, s: &Scope<'_>, f: &Frame) -> Option<((usize, usize), Span)> {
    let end = s.end;
    // An auxiliary never opens an inversion ("the BBC, …, has regularly angered prime ministers
    // and members of the government").
    if f.first < f.verb {
        return None;
    }
    let (a, b) = ctx.np_fwd(f.next, end)?;
    // "…, said Patel last week." but not "Harman … urged Obama last year not to close …".
    let mut t = b;
    while t < end && ctx.time_at(t) {
        t += 1;
    }
    let tail_ok =
        t >= end || ctx.is_punct(t, ',') || !ctx.is_word(t) || (t == b && ctx.is_a(t, words::class::TIME_WORDS));
    if !tail_ok {
        return None;
    }
    let (c, _) = ctx.content_before(s.sent, f.first)?;
    Some(((a, b), c))
}

/// No phrase found: a participle after a claim takes its speaker ("…,” he said, adding …") or
/// the main clause's subject ("Mr. Trump struck a measured tone, saying …"); a finite verb the
/// sentence's first noun phrase before a comma ("Russia, in turn, has dismissed …").
fn fallback(ctx: &Ctx<'_>, s: &Scope<'_>, f: &Frame, claims: &[RawClaim], src: &mut Source) {
    let (floor, cue_first) = (s.floor, f.first);
    let prev_sep = prev_sep(ctx, s, f);
    if f.participle && prev_sep && claims.len() > s.first_claim {
        src.inherit_from = Some(RawId(main_claim(claims, s.first_claim)));
        src.rule = "participle";
    } else if f.participle && prev_sep {
        // After an introductory phrase: "In a speech on Tuesday, Mr. Trump struck …".
        if let Some((a, b)) = ctx.subject_at(ctx.after_intro(floor, cue_first), cue_first) {
            src.np = Some((a, b));
            src.confidence -= 0.1;
            src.rule = "participle";
        }
    } else if !f.participle {
        let first_comma = (floor..cue_first).find(|&x| ctx.is_punct(x, ','));
        if let Some(c) = first_comma {
            if let Some((a, b)) = ctx.np_fwd(floor, c + 1) {
                if b == c && (a..b).any(|x| ctx.tok(x).cap) {
                    src.np = Some((a, b));
                    src.confidence -= 0.1;
                    src.rule = "first-phrase";
                }
            }
        }
    }
}

/// A passive with an anaphoric subject ("This was reported by NBC"): the previous sentence is
/// the content (`Some(None)` when it is empty); `None` when the subject is no anaphor.
fn passive_anaphora(ctx: &Ctx<'_>, s: &Scope<'_>, f: &Frame) -> Option<Option<Span>> {
    let (floor, cue_first, si) = (s.floor, f.first, s.si);
    let subj = ctx.np_back(cue_first, floor);
    let anaphoric = subj.is_some_and(|(a, b)| b == a + 1 && matches!(&*ctx.low(a), "this" | "it" | "that"))
        || (cue_first > floor && matches!(&*ctx.low(cue_first - 1), "this" | "it"));
    if !(anaphoric && si > 0 && ctx.sents[si - 1].para + 1 >= s.sent.para) {
        return None;
    }
    let prev = &ctx.sents[si - 1];
    let pe = super::super::view::clause_end(ctx, prev);
    Some((pe > prev.tok_start).then(|| ctx.span(prev.tok_start, pe)))
}

#[cfg(test)]
mod tests {
    use super::super::super::outcome_of;
    use super::super::super::Outcome::Claim;
    use crate::engine::attribution::rules_only as analyze;

    fn source(text: &str) -> Vec<String> {
        let a = analyze(text);
        a.claims.iter().map(|c| c.source.iter().map(|s| s.text(text)).collect::<Vec<_>>().join(" ")).collect()
    }

    #[test]
    fn subject_before_the_cue_past_a_time_phrase() {
        let t = "Sean Spicer on Thursday evening said the president would sign the order.";
        assert_eq!(outcome_of(t, "said"), Some(Claim("subject")));
        assert_eq!(source(t), ["Sean Spicer"]);
    }

    #[test]
    fn an_auxiliary_opens_no_inversion() {
        let t = "Yet the BBC, operating in a free press, has regularly angered prime ministers and members of the government.";
        assert!(source(t).iter().all(|s| !s.contains("ministers")), "{:?}", source(t));
    }

    #[test]
    fn an_object_before_a_time_is_no_inverted_source() {
        let t = "Harman, now director of the Wilson Center, urged Obama last year not to close the prison.";
        assert_eq!(source(t), ["Harman"]);
        assert_eq!(source("“We will win,” said Patel last week."), ["Patel"]);
    }

    #[test]
    fn a_negated_or_modal_auxiliary_joins_the_cue() {
        for (t, src) in [
            ("The senator didn't say whether he would run.", "The senator"),
            ("The mayor can’t say whether the budget will pass.", "The mayor"),
            ("U.S. intelligence cannot say conclusively that Iraq has such weapons.", "U.S. intelligence"),
        ] {
            assert_eq!(source(t), [src], "{t}");
        }
    }

    #[test]
    fn a_role_then_a_name_in_apposition() {
        let t = "Women hold only one-third of principal positions, the union's general secretary, Tony Keenan, said.";
        assert_eq!(source(t), ["the union's general secretary, Tony Keenan"]);
    }

    #[test]
    fn an_apposition_with_an_everyday_role() {
        // "policeman" is a role (roles.tsv): the apposition is the speaker, not "the police force".
        let t = "Sir Allan, a former policeman, says the police force, part of which took part in the coup, needs to be overhauled.";
        assert_eq!(source(t), ["Sir Allan, a former policeman"]);
    }

    #[test]
    fn a_subject_before_a_parenthetical() {
        let t = "The Washington Post — even the devil can quote statistics — observed that Republicans control both chambers.";
        assert_eq!(source(t), ["The Washington Post"]);
        assert_eq!(source("Sen. Dick Durbin (D-Ill.) criticized the plan as reckless."), ["Sen. Dick Durbin (D-Ill.)"]);
    }

    #[test]
    fn a_contracted_pronoun_and_an_adverb_after_the_auxiliary() {
        assert_eq!(source("He’s not saying what other techniques he would use."), ["He"]);
        assert_eq!(source("They're specifically focused on the union's opposition to the bill."), ["They"]);
        assert_eq!(source("Trump has not yet responded to the mayor's remarks."), ["Trump"]);
    }

    #[test]
    fn a_relative_clause_stays_with_its_noun() {
        let t = "The company that operates the plant denied that it had cut corners.";
        assert_eq!(source(t), ["The company that operates the plant"]);
        // "that" after a verb opens the content, not a relative clause.
        assert_eq!(source("Officials said that the company denied the report."), ["Officials", "the company"]);
        // A clause with its own subject: the subject is the source.
        let t = "He cited problems in China that he blamed on the policies of Obama.";
        assert!(source(t).iter().all(|s| !s.contains("China")), "{:?}", source(t));
    }

    #[test]
    fn a_relative_clause_between_commas_is_an_apposition() {
        let t = "One of them, who asked not to be identified because the talks are private, said the plan failed.";
        assert_eq!(source(t), ["One of them, who asked not to be identified because the talks are private"]);
        let t = "The union representing machinists, which ended a strike in November, said it was ready.";
        assert_eq!(source(t), ["The union representing machinists, which ended a strike in November"]);
    }

    #[test]
    fn apposition() {
        let t = "Marc Morial, the chief executive of the League, said the plan would hurt cities.";
        assert_eq!(outcome_of(t, "said"), Some(Claim("apposition")));
        assert_eq!(source(t), ["Marc Morial, the chief executive of the League"]);
    }

    #[test]
    fn coordinated_verb_takes_the_first_subject() {
        let t = "Trump had initially welcomed the election result and said it was a great day for America.";
        assert_eq!(outcome_of(t, "said"), Some(Claim("coordinated")));
        assert_eq!(source(t).last().map(String::as_str), Some("Trump"));
    }

    #[test]
    fn said_again_inherits_the_previous_speaker() {
        let t = "Podesta said the emails were stolen and said the campaign would not comment on them.";
        let a = analyze(t);
        assert_eq!(a.claims.len(), 2);
        assert_eq!(a.claims[0].speaker, a.claims[1].speaker);
    }

    #[test]
    fn inverted_source_after_a_quotation() {
        let t = "“We are not going anywhere,” said Patel.";
        assert_eq!(outcome_of(t, "said"), Some(Claim("inverted")));
        assert_eq!(source(t), ["Patel"]);
    }

    #[test]
    fn participle_takes_the_main_clause_subject() {
        let t = "Mr. Trump struck a measured tone, saying the country needed to heal after the vote.";
        assert_eq!(outcome_of(t, "saying"), Some(Claim("participle")));
        assert_eq!(source(t), ["Mr. Trump"]);
        let t = "A federal judge on Friday delayed a ruling, saying she needed more time.";
        assert_eq!(source(t), ["A federal judge"]);
    }

    #[test]
    fn first_phrase_before_a_comma() {
        let t = "Russia, in turn, has dismissed the accusations as groundless and absurd.";
        assert_eq!(outcome_of(t, "dismissed"), Some(Claim("first-phrase")));
        assert_eq!(source(t), ["Russia"]);
    }

    #[test]
    fn passive_with_an_anaphoric_subject_takes_the_previous_sentence() {
        let t = "The United States plans to send more troops to the region. This was reported by NBC News.";
        assert_eq!(outcome_of(t, "reported"), Some(Claim("passive")));
        let a = analyze(t);
        assert_eq!(a.claims[0].source[0].text(t), "NBC News");
        assert!(a.claims[0].content[0].text(t).starts_with("The United States plans"));
    }
}
