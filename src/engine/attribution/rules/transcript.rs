//! Transcript turns: "WALLACE: Let’s start with …" / "“PENCE: Well, look, …": a paragraph that
//! opens (after an opening quotation mark, as a quoted transcript's paragraphs do) with a
//! speaker's name in capitals and a colon is that speaker's words, to the paragraph's end.
//! Only among turns: a neighbouring paragraph (two either side) opens the same way, so a lone
//! "UPDATE:" or "WASHINGTON:" is no speaker.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use crate::engine::model::{ClaimKind, Stance};

/// Tokens a speaker label may have ("SEN. JOHN SMITH": words and their dots).
const MAX_LABEL: usize = 8;

/// The label of paragraph `p` if it opens a turn: its first and colon tokens.
fn label(ctx: &Ctx<'_>, p: usize) -> Option<(usize, usize)> {
    let para = ctx.d.paragraphs.get(p)?;
    let a = para.tok_start + usize::from(ctx.is_punct_in(para.tok_start, &['"', '“', '\'', '‘']));
    let colon = (a + 1..(a + MAX_LABEL).min(para.tok_end)).find(|&k| ctx.is_punct(k, ':'))?;
    // Capitals only, and more than a letter: "Q:" and "A:" name nobody; a turn says something.
    let caps = (a..colon)
        .all(|k| ctx.is_punct(k, '.') || ctx.is_word(k) && ctx.word(k).bytes().all(|b| b.is_ascii_uppercase()));
    (caps && ctx.span(a, colon).len() > 1 && colon + 1 < para.tok_end).then_some((a, colon))
}

/// Appends the claim of the transcript turn this sentence opens, if it is one.
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, claims: &mut Vec<RawClaim>) {
    let p = s.sent.para;
    let Some(para) = ctx.d.paragraphs.get(p) else { return };
    if s.sent.tok_start != para.tok_start || s.floor != para.tok_start {
        return;
    }
    let Some((a, colon)) = label(ctx, p) else { return };
    let turns_near = [p.wrapping_sub(2), p.wrapping_sub(1), p + 1, p + 2].iter().any(|&q| label(ctx, q).is_some());
    if !turns_near {
        return;
    }
    claims.push(RawClaim {
        kind: ClaimKind::Direct,
        content: vec![ctx.span(colon + 1, para.tok_end)],
        cue: vec![ctx.tok(colon).span],
        source: Some(ctx.span(a, colon)),
        stance: Stance::Neutral,
        via: None,
        confidence: 0.7,
        sentence: s.si,
        inherit_from: None,
        rule: "transcript",
    });
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;

    const TRANSCRIPT: &str = "Partial transcript as follows:\n\n\"WALLACE: Will she be there tomorrow night?\n\n\"PENCE: Well, look. She will not be attending the debate.\n\n\"WALLACE: Governor, I want to ask you one more thing.";

    #[test]
    fn each_turn_is_its_speakers_words_to_the_paragraph_end() {
        let a = analyze(TRANSCRIPT);
        let turns: Vec<(&str, &str)> = a
            .claims
            .iter()
            .filter(|c| c.cue.iter().any(|s| s.text(TRANSCRIPT) == ":"))
            .map(|c| (c.source[0].text(TRANSCRIPT), c.content[0].text(TRANSCRIPT)))
            .collect();
        assert_eq!(
            turns,
            [
                ("WALLACE", "Will she be there tomorrow night?"),
                ("PENCE", "Well, look. She will not be attending the debate."),
                ("WALLACE", "Governor, I want to ask you one more thing."),
            ]
        );
    }

    #[test]
    fn a_lone_capitalised_label_or_a_letter_is_no_turn() {
        let t = "UPDATE: The vote was moved to Friday.\n\nThe senator did not comment.";
        assert!(analyze(t).claims.is_empty(), "{:?}", analyze(t).claims);
        let t = "Q: Did anyone help you?\n\nA: No, no one did.\n\nQ: How did things go?";
        assert!(analyze(t).claims.iter().all(|c| c.source.iter().all(|s| s.text(t).len() > 1)));
    }
}
