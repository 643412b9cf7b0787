//! Headline attribution "NBC News: The United States …": up to five capitalised words, a
//! colon and a clause.

use super::super::view::Ctx;
use super::super::{RawClaim, Scope};
use crate::engine::lexicon::CueClass;
use crate::engine::model::{ClaimKind, Stance};
pub fn apply(ctx: &Ctx<'_>, s: &Scope<'_>, claims: &mut Vec<RawClaim>) {
    let Scope { sent, si, floor, end, first_claim } = *s;
    // A transcript turn ("PENCE: …") took the colon already.
    if claims.len() > first_claim {
        return;
    }
    // "NBC News: The United States …" — up to five capitalised words, a colon, a clause.
    let limit = (floor + 6).min(end);
    let Some(colon) = (floor + 1..limit).find(|&k| ctx.is_punct(k, ':')) else {
        return;
    };
    if !(floor..colon).all(|k| ctx.is_word(k) && (ctx.tok(k).cap || ctx.tok(k).ch.is_ascii_digit())) {
        return;
    }
    // A label is no speaker ("Q:", "Contributing:", "Revealed:"), and a slogan no claim.
    let n_content_words = (colon + 1..end).filter(|&k| ctx.is_word(k)).count();
    let one = colon == floor + 1;
    let label = one && {
        let w = ctx.low(floor);
        w.len() <= 1
            || w.ends_with("ed")
            || w.ends_with("ing")
            || ["update", "note", "source", "sources", "photo", "video", "watch", "read", "related", "credit"]
                .contains(&&*w)
    };
    if end <= colon + 3 || n_content_words < 5 || label {
        return;
    }
    // A title-case heading ("Stealth Over Health: …", "The Latest: …") is no source: only an
    // outlet or a name of plain capitalised words.
    let label = ctx.span(floor, colon).text(ctx.d.text).to_lowercase();
    let function_word = (floor..colon).any(|k| {
        [
            "the",
            "a",
            "an",
            "of",
            "over",
            "in",
            "on",
            "for",
            "to",
            "and",
            "with",
            "at",
            "by",
            "from",
            "latest",
            "correction",
            "clarification",
            "note",
            "disclosure",
            "updated",
            "update",
            "breaking",
            "watch",
            "exclusive",
            "opinion",
            "analysis",
            "editorial",
        ]
        .contains(&&*ctx.low(k))
    });
    if function_word && !ctx.lex.is_outlet(&label) {
        return;
    }
    // "Heatwave: Hospitals under pressure, doctors warn": the clause names its own source at its
    // end, so the words before the colon are a topic.
    let tail = end.saturating_sub(7).max(colon + 1);
    let own_source = (tail..end).any(|c| {
        ctx.is_punct(c, ',') && (c + 1..end).any(|k| ctx.cue_entry(k).is_some_and(|e| e.class == CueClass::Speech))
    });
    if own_source {
        return;
    }
    // "Updated: 18:30" style labels are not sources: a name needs a letter and no digits.
    if (floor..colon).any(|k| ctx.word(k).chars().any(|c| c.is_ascii_digit())) {
        return;
    }
    let content = ctx.span(colon + 1, ctx.para_end(sent).max(end));
    claims.push(RawClaim {
        kind: ClaimKind::Indirect,
        content: vec![content],
        cue: vec![ctx.tok(colon).span],
        source: Some(ctx.span(floor, colon)),
        stance: Stance::Neutral,
        via: None,
        confidence: 0.6,
        sentence: si,
        inherit_from: None,
        rule: "headline",
    });
    let k = claims.len() - 1;
    claims[k].kind = ctx.kind_of(&claims[k].content);
}

#[cfg(test)]
mod tests {
    use crate::engine::attribution::rules_only as analyze;

    #[test]
    fn an_outlet_before_a_colon_is_the_source() {
        let t = "NBC News: The United States is preparing a new package of sanctions against Moscow.";
        let a = analyze(t);
        assert_eq!(a.claims.len(), 1);
        assert_eq!(a.claims[0].source[0].text(t), "NBC News");
        assert_eq!(a.claims[0].cue[0].text(t), ":");
    }

    #[test]
    fn a_label_or_a_title_case_heading_is_no_source() {
        assert!(analyze("Update: The United States is preparing a new package of sanctions.").claims.is_empty());
        assert!(analyze("Stealth Over Health: Hillary Clinton hides her illness from the voters.").claims.is_empty());
    }

    #[test]
    fn a_topic_before_a_clause_with_its_own_source_is_no_source() {
        let t = "Heatwave: Hospitals are under unbearable pressure this summer, doctors warn.";
        let a = analyze(t);
        assert_eq!(a.claims.len(), 1, "{:?}", a.claims);
        assert_eq!(a.claims[0].source[0].text(t), "doctors");
    }
}
