//! Cue framing: how far the cue reaches ("said in a statement", "called for", "said Friday",
//! "pointed out"), whether it is passive ("was reported by NBC"), and its recipient ("told
//! reporters"), so that the content starts after all of them.

use super::super::view::Ctx;
use super::super::Scope;
use crate::engine::lexicon::CueEntry;
use crate::engine::span::Span;
use crate::engine::words;

/// The cue of a verb of saying, framed.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The cue verb's token.
    pub verb: usize,
    /// The first token of its cue (auxiliaries and adverbs before the verb included).
    pub first: usize,
    /// Cue spans (a time phrase may add an auxiliary before the source, at the front).
    pub spans: Vec<Span>,
    /// The first token after the cue, its particles, a passive agent and a recipient.
    pub next: usize,
    /// "-ing" form ("…, saying …").
    pub participle: bool,
    /// Passive with a "by" agent ("was reported by NBC News").
    pub passive: bool,
    /// The agent of a passive.
    pub agent: Option<(usize, usize)>,
}

/// Frame the cue verb at `i` (its entry `entry`, its cue starting at `first`).
pub fn frame(ctx: &Ctx<'_>, s: &Scope<'_>, i: usize, entry: &CueEntry, first: usize) -> Result<Frame, &'static str> {
    let end = s.end;
    let participle = ctx.low(i).ends_with("ing");
    let mut cue_spans = vec![ctx.span(first, i + 1)];
    let mut k = i + 1;
    // "said in a statement", "told in an interview": PolNeAR's cues include the medium.
    if k + 2 < end && ctx.low_is(k, "in") && matches!(&*ctx.low(k + 1), "a" | "an") {
        let mut m = k + 2;
        if m + 1 < end && ["written", "joint", "separate", "brief", "recent", "new", "lengthy"].contains(&&*ctx.low(m))
        {
            m += 1;
        }
        if ["statement", "interview", "tweet", "email", "post", "speech", "letter", "release"].contains(&&*ctx.low(m)) {
            cue_spans[0] = ctx.span(first, m + 1);
            k = m + 1;
        }
    }
    // Particles and prepositions that belong to the verb ("called for", "pointed to", "spoke of"),
    // and a bare day or "then"/"later" right after it ("said Friday").
    if k < end && ctx.is_word(k) && entry.props.takes(&ctx.low(k)) {
        cue_spans[0] = ctx.span(first, k + 1);
        k += 1;
    }
    let day_or_then = ctx.is_word(k) && ctx.tok(k).cap && ctx.is_a(k, words::class::TIME_WORDS);
    if k < end && (day_or_then || ctx.low_is(k, "then") || ctx.low_is(k, "later")) {
        cue_spans[0] = ctx.span(first, k + 1);
        k += 1;
    }
    // "pointed out", "called for"
    // ("says up to 1,500 troops": "up to" is a number's.)
    let up_to = ctx.low_is(k, "up") && ctx.low_is(k + 1, "to");
    if k < end && ctx.is_word(k) && matches!(&*ctx.low(k), "out" | "up") && !up_to {
        cue_spans[0] = ctx.span(first, k + 1);
        k += 1;
    }
    // Passive: "This was reported by NBC News, citing …"
    // "has been repeatedly criticized by": an adverb may stand between.
    // ("was first reported by", "were later confirmed by", "has also been criticized by".)
    let adverb = |w: &str| {
        w.ends_with("ly") || ["first", "also", "later", "then", "never", "not", "already", "since"].contains(&w)
    };
    let aux = if i > first + 1 && adverb(&ctx.low(i - 1)) { i - 2 } else { i.saturating_sub(1) };
    let passive =
        first < i && ["was", "were", "is", "are", "been"].contains(&&*ctx.low(aux)) && k < end && ctx.low_is(k, "by");
    let mut agent = None;
    if passive {
        let Some((a, e)) = ctx.np_fwd(k + 1, end) else {
            return Err("passive without an agent after \"by\"");
        };
        agent = Some((a, e));
        cue_spans[0] = ctx.span(first, k + 1);
        k = e;
    }
    // Recipient of "told/asked/assured/warned X (that)".
    if entry.props.recipient && !passive {
        if let Some((_, e)) = ctx.np_fwd(k, end) {
            if !(k < end && ctx.is_open_quote(k)) {
                k = e;
                // "told black voters this weekend he would …": the time is no content.
                while k < end && ctx.time_at(k) {
                    k += 1;
                }
            }
        }
    }
    Ok(Frame { verb: i, first, spans: cue_spans, next: k, participle, passive, agent })
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;

    fn cue_of(text: &str) -> Vec<String> {
        let a = analyze(text);
        a.claims.iter().map(|c| c.cue.iter().map(|s| s.text(text)).collect::<Vec<_>>().join(" … ")).collect()
    }

    #[test]
    fn the_medium_belongs_to_the_cue() {
        assert_eq!(cue_of("The senator said in a statement that the bill would pass."), vec!["said in a statement"]);
    }

    #[test]
    fn a_lemma_particle_belongs_to_the_cue() {
        assert_eq!(cue_of("The mayor called for an inquiry into the police response."), vec!["called for"]);
    }

    #[test]
    fn a_passive_takes_its_agent_as_source() {
        let text = "The economy grew faster than expected. It was confirmed by the ministry.";
        let a = analyze(text);
        assert_eq!(a.claims.len(), 1);
        assert_eq!(a.claims[0].source[0].text(text), "the ministry");
        assert_eq!(a.claims[0].cue[0].text(text), "was confirmed by");
    }

    #[test]
    fn an_adverb_inside_a_passive() {
        use super::super::super::outcome_of;
        use super::super::super::Outcome::Veto;
        // Seen as a passive (its agent, not the news, speaks; a noun subject is left to the
        // model), where the subject used to be the source.
        let text = "News of the move was first reported by the Miami Herald.";
        assert_eq!(outcome_of(text, "reported"), Some(Veto("passive without an anaphoric subject")));
    }

    #[test]
    fn the_recipient_is_not_content() {
        let text = "Smith told reporters that the talks had failed.";
        let a = analyze(text);
        assert_eq!(a.claims[0].content[0].text(text), "that the talks had failed");
    }

    #[test]
    fn up_to_a_number_is_no_particle() {
        assert_eq!(cue_of("Geoff Hoon says up to 1,500 British troops will lead the force."), vec!["says"]);
        assert_eq!(cue_of("The senator spoke up for the bill."), vec!["spoke up"]);
    }

    #[test]
    fn a_time_after_the_recipient_is_not_content() {
        let text = "Obama told black voters this weekend he would consider it a personal insult.";
        let a = analyze(text);
        assert_eq!(a.claims[0].content[0].text(text), "he would consider it a personal insult");
    }
}
