//! Stage 2: recognise scraped-page debris so that it never yields claims.
//!
//! Debris is marked, never deleted: every span still indexes the text as given. A paragraph is
//! debris when it matches a pattern of `lexicon/boilerplate.txt` ("Please enter your comment!",
//! "LATEST POSTS in this category") or when the next paragraph repeats its end (a headline
//! printed twice, a site name glued to the headline). A leading date stamp ("date 2023-11-08")
//! and a wire story's dateline ("KYIV, Ukraine (AP) —") are debris too, but the rest of their
//! paragraph is not.

use super::lexicon::Lexicon;
use super::segment::Paragraph;
use super::span::Span;

/// What stage 2 found.
#[derive(Debug, Default)]
pub struct Boilerplate {
    /// Per paragraph: the whole paragraph is debris.
    pub whole: Vec<bool>,
    /// Per paragraph: the byte offset where its real text starts (after a date stamp).
    pub skip_until: Vec<usize>,
    /// Every debris span, in order.
    pub spans: Vec<Span>,
}

/// Length of a leading date stamp: optional "date"/"published"/"updated" label, then
/// YYYY-MM-DD and an optional HH:MM, then white space.
fn date_prefix(s: &str) -> usize {
    let mut rest = s.trim_start();
    for label in ["date", "published", "updated", "posted"] {
        if rest.len() > label.len() && rest.get(..label.len()).is_some_and(|p| p.eq_ignore_ascii_case(label)) {
            rest = rest[label.len()..].trim_start_matches([' ', ':']);
            break;
        }
    }
    let b = rest.as_bytes();
    let is_date = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    if !is_date {
        return 0;
    }
    let mut after = &rest[10..];
    let t = after.trim_start();
    let tb = t.as_bytes();
    if tb.len() >= 5
        && tb[..2].iter().all(u8::is_ascii_digit)
        && tb[2] == b':'
        && tb[3..5].iter().all(u8::is_ascii_digit)
    {
        after = &t[5..];
    }
    let after_trim = after.trim_start();
    s.len() - after_trim.len()
}

/// Length of a leading dateline: a place in capitals ("WASHINGTON", "NEW YORK", "ST. LOUIS"),
/// optionally a comma and a few capitalised words ("KYIV, Ukraine", "PARIS, Sept. 8"), optionally
/// an agency in parentheses ("(AP)", "(Reuters)"), then a dash and white space.
fn dateline_prefix(s: &str) -> usize {
    let head = s.get(..s.len().min(90)).unwrap_or(s);
    let Some((dash_at, dash)) = head.char_indices().find(|&(_, c)| matches!(c, '—' | '–' | '-')) else {
        return 0;
    };
    let before = head[..dash_at].trim_end();
    // "WASHINGTON (AP)": the agency.
    let before = match before.strip_suffix(')').and_then(|b| b.rfind('(').map(|k| (b, k))) {
        Some((b, k)) if b.len() - k <= 20 => b[..k].trim_end(),
        _ => before,
    };
    let (place, rest) = before.split_once(',').unwrap_or((before, ""));
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’'));
    let rest_ok = rest.split_whitespace().count() <= 4
        && rest.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    if letters < 3 || !capitals || !rest_ok || place.trim().is_empty() {
        return 0;
    }
    // "--" counts as one dash; then the white space after it.
    let mut end = dash_at + dash.len_utf8();
    end += s[end..].len() - s[end..].trim_start_matches('-').len();
    let after = &s[end..];
    if !after.starts_with(char::is_whitespace) {
        return 0;
    }
    s.len() - after.trim_start().len()
}

/// "Follow Pam Key on Twitter @pamkeyNEN": a line that sends the reader to a social network,
/// also when it closes a quoted transcript (after an opening quotation mark).
fn follow_line(lower: &str) -> bool {
    let s = lower.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '\'' | '‘'));
    s.starts_with("follow ") && [" on twitter", " on facebook", " on instagram", "@"].iter().any(|n| s.contains(n))
}

/// Find debris among `paragraphs` of `text`.
pub fn find(text: &str, paragraphs: &[Paragraph]) -> Boilerplate {
    let lex = Lexicon::get();
    let mut out = Boilerplate {
        whole: vec![false; paragraphs.len()],
        skip_until: paragraphs.iter().map(|p| p.span.start).collect(),
        spans: Vec::new(),
    };
    for (i, p) in paragraphs.iter().enumerate() {
        let t = p.span.text(text);
        let short = t.len() < 160;
        let lower = if short { t.to_lowercase() } else { String::new() };
        let mut whole = short && (lex.is_boilerplate(&lower) || follow_line(&lower));
        if !whole {
            if let Some(next) = paragraphs.get(i + 1) {
                let n = next.span.text(text);
                whole = n.len() >= 20 && t.len() < 400 && t.ends_with(n);
            }
        }
        if whole {
            out.whole[i] = true;
            out.spans.push(p.span);
            continue;
        }
        let mut d = date_prefix(t);
        // A dateline opens one of the first paragraphs (the lede), after a date stamp if any.
        if i < 6 {
            d += dateline_prefix(&t[d..]);
        }
        if d > 0 {
            out.skip_until[i] = p.span.start + d;
            out.spans.push(Span::new(p.span.start, p.span.start + d).trim(text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::{paragraphs, tokenize};

    fn debris(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        let paras = paragraphs(text, &toks);
        find(text, &paras).spans.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn comment_forms_glued_headlines_and_dates() {
        let text = "SiteNameNBC News: Talks begin\nNBC News: Talks begin\nBody text here.\nPlease enter your comment!\nLATEST POSTS in this category";
        assert_eq!(
            debris(text),
            ["SiteNameNBC News: Talks begin", "Please enter your comment!", "LATEST POSTS in this category"]
        );
        assert_eq!(debris(" date 2023-11-08 A headline"), ["date 2023-11-08"]);
        assert_eq!(debris("KYIV, Ukraine (AP) — Drones struck."), ["KYIV, Ukraine (AP) —"]);
        assert_eq!(debris("WASHINGTON -- The Senate voted."), ["WASHINGTON --"]);
        assert_eq!(debris("NEW YORK, Sept. 8 – Markets fell."), ["NEW YORK, Sept. 8 –"]);
        // Not a place in capitals, or no dash right after it.
        assert!(debris("Trump — who spoke first — said so.").is_empty());
        assert!(debris("NATO said the drones — all of them — fell.").is_empty());
        assert!(debris("FBI-led raids began.").is_empty());
        assert!(debris("An ordinary paragraph that says nothing special.").is_empty());
    }

    #[test]
    fn a_line_sending_the_reader_to_a_social_network() {
        assert_eq!(
            debris("Body text here.\nFollow Pam Key on Twitter @pamkeyNEN"),
            ["Follow Pam Key on Twitter @pamkeyNEN"]
        );
        assert_eq!(
            debris("Body text here.\n“Follow Pam Key on Twitter @pamkeyNEN"),
            ["“Follow Pam Key on Twitter @pamkeyNEN"]
        );
        // Following something else is no debris.
        assert!(debris("Body text here.\n“Follow the money,” he said.").is_empty());
    }
}
