//! The acceptance gate of a verb of saying: every prior, lexical veto and confidence term in one
//! place. A candidate reaching it has a cue, a source (or an inherited speaker) and a content.

use super::super::content::After;
use super::super::view::Ctx;
use super::super::{RawClaim, RawVia, Scope};
use super::frame::Frame;
use super::source::Source;
use crate::engine::lexicon::{CueClass, CueEntry, LemmaProps};
use crate::engine::model::ClaimKind;
use crate::engine::span::Span;

/// A cue form whose PolNeAR-train precision is below this needs evidence (a "that", a colon,
/// quotation marks, an inverted source) to count.
pub const MIN_PRIOR: f32 = 0.25;
/// Below this, only an explicit marker ("that", a colon, an opening quote) or inversion will do.
pub const MIN_PRIOR_WITH_EVIDENCE: f32 = 0.04;

/// Words that head no speaker: sentence adverbs and connectives taken for a subject ("Perhaps",
/// "Moreover", "Still"), and things that say nothing themselves ("the registration issue", "the
/// chemicals", "the voter rolls").
const NO_SPEAKER: &[&str] = &[
    // A subordinating conjunction before the subject: "Though she called …".
    "though",
    "although",
    "because",
    "unless",
    "whereas",
    "perhaps",
    "moreover",
    "sometimes",
    "together",
    "always",
    "often",
    "usually",
    "still",
    "seriously",
    "for",
    "however",
    "also",
    "yet",
    "so",
    "then",
    "now",
    "here",
    "there",
    "this",
    "these",
    "those",
    "anyway",
    "indeed",
    "meanwhile",
    "instead",
    "issue",
    "issues",
    "protocol",
    "chemicals",
    "warnings",
    "endorsements",
    "index",
    "rolls",
    "conflict",
    "veto",
    "proposals",
    "moves",
    "ruling",
    "front",
    "spot",
    "holiday",
    "trains",
    "tv",
    "problems",
    "problem",
    // "It is worth noting that …": the writer's aside.
    "worth",
];

/// Is the noun phrase `a..b` no speaker: one of [`NO_SPEAKER`] alone, or a phrase headed by a
/// thing of that list?
pub(crate) fn no_speaker(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let head = ctx.low(b.saturating_sub(1));
    let head = head.trim_end_matches(['’', '\'']);
    let head = crate::engine::words::possessive_base(head).unwrap_or(head);
    let thing = NO_SPEAKER.contains(&head) && !(b > a + 1 && ctx.tok(b - 1).cap);
    // "fraudulently": a lone adverb; "helped": a lone participle.
    let lone = b == a + 1 && !ctx.tok(a).cap && head.len() > 4 && !ctx.is_role(a);
    let adverb = lone && (head.ends_with("ly") || head.ends_with("ed") || head.ends_with("ing"));
    thing || adverb || has_verb(ctx, a, b)
}

/// "The clip has faced", "It’s a tremendous spike": an auxiliary ("’s" reads "is") inside the phrase
/// before any relative pronoun makes it a clause, not a speaker ("Clinton, who has …" is one).
fn has_verb(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    for k in a..b {
        let w = ctx.low(k);
        if ["who", "which", "whose", "that"].contains(&&*w) {
            return false;
        }
        if ["has", "have", "had", "is", "are", "was", "were"].contains(&&*w) {
            return true;
        }
    }
    false
}

/// Whether the cue word at `i` is the first part of a compound noun: "the King's Fund think
/// tank", "a talk show host", "talk radio". (A plea, "pleaded not guilty", is a claim: PolNeAR
/// train marks 6 of its 10.)
pub(crate) fn in_compound(ctx: &Ctx<'_>, i: usize) -> bool {
    let next = ctx.low(i + 1);
    match &*ctx.low(i) {
        "think" => matches!(&*next, "tank" | "tanks"),
        "talk" => matches!(&*next, "show" | "shows" | "radio"),
        _ => false,
    }
}

/// "who asked not to be identified", "declined to be named", "requested anonymity" (right after
/// the cue ending at `cue_end`, or opening a content part): a source withholding its name says
/// nothing the article reports (the speakers stage reads these words as evidence of anonymity).
pub(crate) fn withholds_name(text: &str, cue_end: usize, content: &[Span]) -> bool {
    // Case-blind prefixes, without allocating: this runs for every cue candidate.
    fn strip(r: &mut &str, p: &str) -> bool {
        let hit = r.as_bytes().get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()));
        if hit {
            *r = &r[p.len()..];
        }
        hit
    }
    let after = Span::new(cue_end, text.len());
    content.iter().copied().chain(std::iter::once(after)).any(|part| {
        let mut rest = part.text(text).trim_start();
        if strip(&mut rest, "anonymity") {
            return true;
        }
        strip(&mut rest, "not ");
        if !(strip(&mut rest, "to be ") || strip(&mut rest, "be ")) {
            return false;
        }
        strip(&mut rest, "publicly ");
        ["identified", "named", "quoted"].iter().any(|w| {
            let mut r = rest;
            strip(&mut r, w)
        })
    })
}

/// Everything the gate weighs.
pub struct Candidate<'c> {
    /// The cue word's entry.
    pub entry: &'c CueEntry,
    /// The framed cue.
    pub frame: Frame,
    /// Its source.
    pub source: Source,
    /// Where the content after the cue started.
    pub after: After,
    /// The content.
    pub content: Vec<Span>,
    /// Whether the content is explicitly marked.
    pub marked: bool,
    /// Whether the cue lies inside an earlier claim's content in this sentence.
    pub nested: bool,
}

/// Accept the candidate as a claim, or say why not.
pub fn accept(ctx: &Ctx<'_>, s: &Scope<'_>, c: Candidate<'_>) -> Result<RawClaim, &'static str> {
    let Candidate { entry, frame: f, source: src, after, content, marked, nested } = c;
    let i = f.verb;
    let w = ctx.low(i);
    let props = entry.props;
    let inverted = src.inverted;
    let quoted = content.iter().any(|c| ctx.quotes_overlapping(*c).iter().any(|q| c.overlaps(q.inner)));
    // Words that are also plural nouns ("dubious medical claims", "raises questions") and verbs
    // that are mostly not reports ("spoke to reporters", "released the video", "called an
    // emergency meeting") need an explicit marker, a quotation, or a particle in the cue.
    let explicit = after.marked || inverted || quoted;
    let plural_noun = [
        "claims",
        "questions",
        "calls",
        "reports",
        "comments",
        "remarks",
        "notes",
        "statements",
        "plans",
        "views",
        "concerns",
        "attacks",
        "warnings",
        "promises",
        "charges",
        "shows",
        "answers",
        "points",
        "fears",
        "hopes",
    ]
    .contains(&&*w);
    if in_compound(ctx, i) {
        return Err("part of a compound noun (\"think tank\", \"talk show\")");
    }
    // "… asked not to be identified because …": the passive of the withheld name is no cue.
    let to_be_named =
        matches!(&*w, "identified" | "named") && i >= 2 && ctx.low_is(i - 1, "be") && ctx.low_is(i - 2, "to");
    if to_be_named || withholds_name(ctx.d.text, f.spans.last().map_or(0, |x| x.end), &content) {
        return Err("a source withholding its name (\"asked not to be identified\")");
    }
    let has_particle = f.spans[0].end > ctx.tok(i).span.end;
    let weak_verb = props.weak && !has_particle;
    if (plural_noun || weak_verb) && !explicit && !super::super::content::content_first(&content, &f.spans) {
        return Err("a plural noun or a weak verb without a marker");
    }
    // A reduced relative ("an analysis released by the department") reports nothing unless a
    // marker follows.
    let reduced_relative = f.first == i && w.ends_with("ed") && ctx.low_is(f.next, "by") && !f.passive;
    if reduced_relative && !after.marked {
        return Err("a reduced relative (\"issued by\")");
    }
    // "Her advisers think she has the discipline": an attitude of a named or described third
    // party (not the "I think" of a speaker) is attributed as such.
    let third_party_belief = entry.class == CueClass::Belief
        && f.first == i
        && src.np.is_some_and(|(a, b)| {
            b == f.first
                && !["i", "we", "you", "they", "who", "which"].contains(&&*ctx.low(a))
                && ((a..b).any(|x| ctx.is_role(x)) || ctx.tok(b - 1).cap)
        });
    if src.np.is_some_and(|(a, b)| no_speaker(ctx, a, b)) {
        return Err("the source is no speaker (an adverb, a connective or a thing)");
    }
    if agentless_passive(ctx, props, &f, &content) && !explicit {
        return Err("a passive with no agent and no report (\"was recalled to Washington\")");
    }
    let evidence = marked || quoted || inverted || third_party_belief;
    // A weak cue inside the content of an earlier claim is part of that content.
    if nested && entry.prior < 0.6 && !after.marked && !(props.core && src.np.is_some()) {
        return Err("a weak cue inside an earlier claim's content");
    }
    if entry.prior < MIN_PRIOR && !evidence {
        return Err("low prior and no evidence");
    }
    if entry.prior < MIN_PRIOR_WITH_EVIDENCE && !(after.marked || inverted) {
        return Err("very low prior and no explicit marker");
    }
    if entry.class == CueClass::Belief && !after.marked && entry.prior < 0.3 && !third_party_belief {
        return Err("a weak attitude without a marker");
    }
    let mut confidence = 0.45 + 0.4 * entry.prior.min(1.0);
    confidence += src.confidence;
    if evidence {
        confidence += 0.1;
    }
    let raised = raised_subject(ctx, props, &f, &src);
    let mut content = content;
    if let Some(subject) = raised {
        content.insert(0, subject);
    }
    let mut cue = f.spans;
    let via = after.citing.map(|_| RawVia { source: src.np.map(|(a, b)| ctx.span(a, b)), cue: cue.clone() });
    let source = match after.citing {
        Some((c, (a, b))) => {
            cue.push(ctx.span(c, c + 1));
            Some(ctx.span(a, b))
        }
        None if props.impression || raised.is_some() => None,
        None => src.np.map(|(a, b)| ctx.span(a, b)),
    };
    let kind = if entry.class == CueClass::Belief { ClaimKind::Belief } else { ctx.kind_of(&content) };
    Ok(RawClaim {
        kind,
        content,
        cue,
        source,
        stance: entry.stance,
        via,
        confidence: confidence.clamp(0.05, 0.99),
        sentence: s.si,
        inherit_from: src.inherit_from,
        rule: if after.citing.is_some() { "citing-chain" } else { src.rule },
    })
}

/// "Zinni was recalled to Washington", "Crowe was nominated as best actor", "The video was
/// found in a home", "Women have been appointed to head schools": a passive with no agent whose
/// "content" is an adjunct or an infinitive reports nothing — its subject is what was acted on
/// (raising verbs — "is expected to", "is said to have" —, "was told that" and the patients of
/// accuse and the like are left to their own rules).
fn agentless_passive(ctx: &Ctx<'_>, props: LemmaProps, f: &Frame, content: &[Span]) -> bool {
    if f.passive || props.patient || props.raising || props.impression || props.experiencer || f.first == f.verb {
        return false;
    }
    let be = (f.first..f.verb).any(|x| ["is", "are", "was", "were", "be", "been", "being"].contains(&&*ctx.low(x)));
    let verb = ctx.low(f.verb);
    if !be || verb.ends_with("ing") || verb.ends_with('s') {
        return false;
    }
    let Some(first) = content.first() else { return true };
    let k = ctx.tok_at(first.start).max(f.next);
    let adjunct =
        ["in", "at", "on", "to", "for", "as", "over", "with", "from", "during", "after", "before", "by", "into"]
            .contains(&&*ctx.low(k));
    ctx.is_word(k) && adjunct
}

/// The subject a raising cue takes into its content: "Christie appeared to end his bid", "The
/// bill is expected to pass" — what seems or is expected is the subject doing the infinitive,
/// and nobody in the sentence says it. Not an expletive "it", not an inverted source.
fn raised_subject(ctx: &Ctx<'_>, props: LemmaProps, f: &Frame, src: &Source) -> Option<Span> {
    let infinitive = ctx.low_is(f.next, "to") && ctx.is_word(f.next + 1);
    // "criticised by some of his rivals": the agent speaks.
    if !(infinitive || props.patient) || f.passive || src.inverted || f.participle {
        return None;
    }
    let be = (f.first..f.verb).any(|x| {
        let w = ctx.low(x);
        ["is", "are", "was", "were", "be", "been"].contains(&&*w)
            || ["isn", "wasn", "aren", "weren"].iter().any(|n| w.starts_with(n))
    });
    let verb = ctx.low(f.verb);
    // "two groups accused of staging an attack": a participle with its particle and no object
    // is a passive without its auxiliary ("India accused Pakistan of …" has an object).
    let particle = f.spans.first().is_some_and(|c| c.end > ctx.tok(f.verb).span.end);
    let reduced = props.patient && f.first == f.verb && verb.ends_with("ed") && particle;
    let passive = (be || reduced) && !verb.ends_with("ing") && !verb.ends_with('s');
    let raising = props.raising && infinitive || props.patient;
    if !((props.impression && infinitive) || (raising && passive)) {
        return None;
    }
    let (a, b) = src.np?;
    if b > f.first || (b == a + 1 && ctx.low_is(a, "it")) {
        return None;
    }
    Some(ctx.span(a, b))
}

#[cfg(test)]
mod tests {
    use super::super::super::outcome_of;
    use super::super::super::Outcome::{Claim, Veto};

    #[test]
    fn a_plural_noun_needs_a_marker() {
        let t = "The dubious medical claims spread quickly across the internet last week.";
        assert_eq!(outcome_of(t, "claims"), Some(Veto("a plural noun or a weak verb without a marker")));
        let t = "The senator claims that the vote was rigged.";
        assert_eq!(outcome_of(t, "claims"), Some(Claim("subject")));
    }

    #[test]
    fn a_source_withholding_its_name_is_no_claim() {
        let t = "A senior official, who declined to be identified, said the plan was dead.";
        assert_eq!(
            outcome_of(t, "declined"),
            Some(Veto("a source withholding its name (\"asked not to be identified\")"))
        );
        assert_eq!(outcome_of(t, "said"), Some(Claim("apposition")));
        let t = "One aide, who asked not to be named, said the plan was dead.";
        assert!(matches!(outcome_of(t, "asked"), Some(Veto(_))));
        let t = "Two aides, who asked not to be identified because the talks are private, said the vote could slip.";
        assert!(matches!(outcome_of(t, "identified"), Some(Veto(_))));
        assert_eq!(crate::engine::attribution::rules_only(t).claims.len(), 1);
    }

    #[test]
    fn a_raising_cue_takes_its_subject_into_the_content() {
        use crate::engine::attribution::rules_only as analyze;
        fn parts(t: &str) -> Vec<(usize, Vec<&str>)> {
            let a = analyze(t);
            a.claims.iter().map(|c| (c.source.len(), c.content.iter().map(|s| s.text(t)).collect())).collect()
        }
        let t = "The real estate magnate was expected to cruise past the 1,237 delegates.";
        assert_eq!(parts(t), [(0, vec!["The real estate magnate", "to cruise past the 1,237 delegates"])]);
        let t = "Chris Christie appeared to end his bid owing roughly $200,000.";
        assert_eq!(parts(t), [(0, vec!["Chris Christie", "to end his bid owing roughly $200,000"])]);
        // An active "expects to" is the subject's own intention.
        let t = "The company expects to cut 200 jobs next year.";
        assert_eq!(parts(t), [(1, vec!["to cut 200 jobs next year"])]);
        // "is said to have", "was shown to be": raising passives of reporting verbs.
        assert_eq!(
            parts("He was said to have been handed every telegram."),
            [(0, vec!["He", "to have been handed every telegram"])]
        );
        assert_eq!(
            parts("Her initial statement was shown to be false."),
            [(0, vec!["Her initial statement", "to be false"])]
        );
        // Who is asked, urged or criticised is spoken to or of, not a speaker ("patient").
        let t = "Motorists are also asked to avoid the Illawarra Highway.";
        assert_eq!(parts(t), [(0, vec!["Motorists", "to avoid the Illawarra Highway"])]);
        let t = "Internet companies have been criticized for not taking down the websites.";
        assert_eq!(parts(t), [(0, vec!["Internet companies", "for not taking down the websites"])]);
        let t = "The senator criticized the plan as a giveaway.";
        assert_eq!(parts(t)[0].0, 1, "active: the subject speaks");
        let t = "Two extremist groups accused of staging the attack were banned.";
        let p = parts(t);
        assert_eq!((p[0].0, p[0].1[0]), (0, "Two extremist groups"));
        let t = "India accused Pakistan of staging the attack.";
        assert_eq!(parts(t)[0].0, 1, "an object: active");
        let t = "The plan would cut taxes. It has been repeatedly criticized by many Wall Street players.";
        let a = analyze(t);
        let sources: Vec<&str> = a.claims.iter().flat_map(|c| c.source.iter().map(|s| s.text(t))).collect();
        assert_eq!(sources, ["many Wall Street players"], "the agent speaks, past an adverb");
    }

    #[test]
    fn a_think_tank_thinks_nothing() {
        let t = "The report, published by the King's Fund think tank, found that patients waited.";
        assert!(matches!(outcome_of(t, "think"), Some(Veto(_))));
        assert_eq!(outcome_of("Analysts think that rates will fall.", "think"), Some(Claim("subject")));
    }

    #[test]
    fn a_weak_verb_needs_a_marker() {
        let t = "The governor spoke to reporters at the airport on Monday afternoon.";
        assert!(matches!(outcome_of(t, "spoke"), Some(Veto(_))));
    }

    #[test]
    fn an_agentless_passive_reports_nothing() {
        let veto = Some(Veto("a passive with no agent and no report (\"was recalled to Washington\")"));
        assert_eq!(outcome_of("US peace envoy Anthony Zinni was recalled to Washington.", "recalled"), veto);
        assert_eq!(outcome_of("Russell Crowe was nominated as best actor in a drama.", "nominated"), veto);
        assert_eq!(outcome_of("The video was found in a home in Afghanistan.", "found"), veto);
        assert_eq!(outcome_of("Very few women have been appointed to head independent schools.", "appointed"), veto);
        // A report after it, an agent, or a subject that holds the attitude (lemmas.tsv:
        // `experiencer`) still make a claim.
        assert!(matches!(outcome_of("He was told that the talks had failed.", "told"), Some(Claim(_))));
        let t = "The economy grew faster than expected. It was confirmed by the ministry.";
        assert!(matches!(outcome_of(t, "confirmed"), Some(Claim(_))));
        assert!(matches!(
            outcome_of("They are focused on the NRA's opposition to background checks.", "focused"),
            Some(Claim(_))
        ));
    }

    #[test]
    fn a_reduced_relative_reports_nothing() {
        let t = "An analysis issued by the department warns of a rise in crime over the year.";
        assert_eq!(outcome_of(t, "issued"), Some(Veto("a reduced relative (\"issued by\")")));
    }

    #[test]
    fn an_adverb_or_a_thing_is_no_speaker() {
        let t = "Perhaps said the decision was a mistake, but nobody listened to him.";
        assert!(matches!(outcome_of(t, "said"), Some(Veto(_))));
        let t = "The registration issue suggests that the county was not prepared for the vote.";
        assert!(matches!(outcome_of(t, "suggests"), Some(Veto(_))));
        let t = "The Issue said that the county was not prepared for the vote.";
        assert!(matches!(outcome_of(t, "said"), Some(Claim(_))), "a capitalised name is kept");
        let t = "It’s worth noting that this is the first time the question has been asked.";
        assert!(crate::engine::attribution::rules_only(t).claims.is_empty(), "{t}");
        let t = "Though called the behavior outrageous in a statement, nobody was fired.";
        assert!(matches!(outcome_of(t, "called"), Some(Veto(_))), "a conjunction is no speaker");
    }

    #[test]
    fn a_clause_is_no_speaker() {
        let no_speaker = Some(Veto("the source is no speaker (an adverb, a connective or a thing)"));
        let t = "It’s a tremendous spike, much of which can be credited to the new laws.";
        let got = outcome_of(t, "credited");
        // (Split from its pronoun, "’s" may leave no source phrase at all, and "much of which
        // can be credited to" is also a passive with no agent: no claim either way.)
        let passive = Some(Veto("a passive with no agent and no report (\"was recalled to Washington\")"));
        assert!(got == no_speaker || got == Some(Veto("no source")) || got == passive, "{t}: {got:?}");
        // A relative clause inside the source is fine.
        let t = "Clinton, who has led in the polls, said that the race was close.";
        assert!(matches!(outcome_of(t, "said"), Some(Claim(_))), "{t}");
    }

    #[test]
    fn a_third_party_belief_counts_without_that() {
        let t = "Her advisers think she has the discipline to win the nomination.";
        assert_eq!(outcome_of(t, "think"), Some(Claim("subject")));
    }
}
