//! Stage 2: recognise scraped-page debris so that it never yields claims.
//!
//! Debris is marked, never deleted: every span still indexes the text as given. A paragraph is
//! debris when it matches a pattern of `lexicon/boilerplate.txt` ("Please enter your comment!",
//! "LATEST POSTS in this category") or when the next paragraph repeats its end (a headline
//! printed twice, a site name glued to the headline). A leading date stamp ("date 2023-11-08")
//! is debris too, but the rest of its paragraph is not.

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
        let mut whole = short && lex.is_boilerplate(&lower);
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
        let d = date_prefix(t);
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
        assert!(debris("An ordinary paragraph that says nothing special.").is_empty());
    }
}
