//! Inline markup for attribution tests.
//!
//! `[[…]]` marks the source, `{{…}}` the cue (several parts allowed), `<<…>>` the content
//! (several parts allowed). Markers are removed to get the text; the expected spans index it.

use whosaid::engine::{Analysis, Claim, ClaimKind, Span, Stance};

/// An expected attribution parsed from markup.
#[derive(Debug, Default)]
pub struct Expected {
    pub text: String,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

pub fn parse(markup: &str) -> Expected {
    let mut out = Expected::default();
    let mut open: Vec<(&str, usize)> = Vec::new();
    let mut rest = markup;
    while !rest.is_empty() {
        let marker = ["[[", "]]", "{{", "}}", "<<", ">>"].iter().find(|m| rest.starts_with(**m));
        match marker {
            Some(&m) => {
                match m {
                    "[[" | "{{" | "<<" => open.push((m, out.text.len())),
                    _ => {
                        let (kind, start) = open.pop().expect("closing marker without opening one");
                        let span = Span::new(start, out.text.len());
                        match kind {
                            "[[" => out.source.push(span),
                            "{{" => out.cue.push(span),
                            _ => out.content.push(span),
                        }
                    }
                }
                rest = &rest[2..];
            }
            None => {
                let c = rest.chars().next().unwrap();
                out.text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

fn trimmed(text: &str, spans: &[Span]) -> Vec<String> {
    spans
        .iter()
        .map(|s| {
            s.text(text)
                .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "“”‘’«»„".contains(c))
                .to_string()
        })
        .collect()
}

/// Checks that `analyze` finds the marked attribution (cue equal after trimming punctuation and
/// quote marks, content equal part by part, source equal) and returns that claim.
#[track_caller]
pub fn check(markup: &str) -> (Analysis, Claim, String) {
    check_in(markup, whosaid::engine::Mode::Hybrid)
}

/// [`check`] with the rules alone (for a behaviour of the rules the model may override).
#[allow(dead_code)]
pub fn check_rules(markup: &str) -> (Analysis, Claim, String) {
    check_in(markup, whosaid::engine::Mode::Rules)
}

fn check_in(markup: &str, mode: whosaid::engine::Mode) -> (Analysis, Claim, String) {
    let e = parse(markup);
    let a = whosaid::engine::analyze_with(&e.text, mode);
    let want_cue = trimmed(&e.text, &e.cue);
    let Some(claim) = a.claims.iter().find(|c| trimmed(&e.text, &c.cue) == want_cue) else {
        panic!(
            "no claim with cue {want_cue:?} in {:?}\n{}",
            e.text,
            whosaid::engine::export::text_view("test", &e.text, &a)
        );
    };
    assert_eq!(
        trimmed(&e.text, &claim.content),
        trimmed(&e.text, &e.content),
        "content of {:?}\n{}",
        e.text,
        whosaid::engine::export::text_view("test", &e.text, &a)
    );
    let source = match &claim.via {
        Some(v) if !e.source.is_empty() && trimmed(&e.text, &claim.source) != trimmed(&e.text, &e.source) => {
            v.source.clone()
        }
        _ => claim.source.clone(),
    };
    assert_eq!(trimmed(&e.text, &source), trimmed(&e.text, &e.source), "source of {:?}", e.text);
    let claim = claim.clone();
    (a, claim, e.text)
}

/// [`check`], plus the claim's kind and stance.
#[track_caller]
pub fn check_kind(markup: &str, kind: ClaimKind, stance: Stance) -> (Analysis, Claim, String) {
    let (a, c, t) = check(markup);
    assert_eq!((c.kind, c.stance), (kind, stance), "kind/stance of {t:?}");
    (a, c, t)
}

/// The name of the speaker of a claim.
pub fn speaker_name(a: &Analysis, c: &Claim) -> String {
    c.speaker.and_then(|s| a.speakers.get(s as usize)).map(|s| s.name.clone()).unwrap_or_default()
}
