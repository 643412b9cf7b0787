//! Property tests: `analyze` never panics, and every span it returns is in bounds, on char
//! boundaries, non-inverted, with claims in document order and ids that index their lists.

use proptest::prelude::*;
use whosaid::engine::{analyze, Analysis, Span};

fn check_spans(text: &str, a: &Analysis) {
    let ok = |s: &Span| {
        s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    for sp in &a.speakers {
        assert!(sp.mentions.iter().all(ok), "speaker {sp:?}");
    }
    for (i, c) in a.claims.iter().enumerate() {
        assert_eq!(c.id as usize, i);
        assert!(c.content.iter().chain(&c.cue).chain(&c.source).all(ok), "claim {c:?}");
        if let Some(s) = c.speaker {
            assert!((s as usize) < a.speakers.len());
        }
        if let Some(v) = &c.via {
            assert!(v.source.iter().chain(&v.cue).all(ok));
            assert!(v.speaker.is_none_or(|s| (s as usize) < a.speakers.len()));
        }
        assert!((0.0..=1.0).contains(&c.confidence));
    }
    assert!(a
        .claims
        .windows(2)
        .all(|w| w[0].content.first().map(|s| s.start) <= w[1].content.first().map(|s| s.start)));
    assert!(a.boilerplate.iter().all(ok));
    assert_eq!(a.stats.bytes, text.len());
}

/// Text made of the pieces attribution rules care about, in random order.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("said".to_string()),
        Just("according to".to_string()),
        Just(" “".to_string()),
        Just("” ".to_string()),
        Just("\"".to_string()),
        Just("’s".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(":".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("NBC News".to_string()),
        Just("he".to_string()),
        Just("that".to_string()),
        Just("citing".to_string()),
        Just("quoted".to_string()),
        Just("as saying".to_string()),
        Just("reportedly".to_string()),
        Just("(D-Mass.)".to_string()),
        Just("''".to_string()),
        Just("«".to_string()),
        Just("—".to_string()),
        Just("Please enter your comment!".to_string()),
        Just("date 2023-11-08".to_string()),
        // Pieces of this stop's rules: a relative pronoun after a name, wide white space, a
        // slash between names, a time, a negated auxiliary, a name particle.
        Just(", who".to_string()),
        Just("Trump".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{2003}".to_string()),
        Just("then\u{a0}Trump".to_string()),
        Just("Times/CBS".to_string()),
        Just("last week".to_string()),
        Just("didn’t".to_string()),
        Just("bin".to_string()),
        Just("Attorney-General".to_string()),
        Just("was recalled to".to_string()),
        "[A-Za-z]{1,8}",
        "\\PC{1,3}",
        " +",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_analysed_without_panic(text in "\\PC{0,300}") {
        let a = analyze(&text);
        check_spans(&text, &a);
    }

    #[test]
    fn any_unicode_including_controls(text in any::<String>()) {
        let a = analyze(&text);
        check_spans(&text, &a);
    }

    #[test]
    fn news_like_strings(text in newsy()) {
        let a = analyze(&text);
        check_spans(&text, &a);
    }
}

#[test]
fn seeds_have_valid_spans() {
    for text in [crate::golden::SEED_000, crate::golden::SEED_004] {
        check_spans(text, &analyze(text));
    }
}

#[test]
fn empty_and_odd_inputs_get_diagnostics() {
    assert!(analyze("").diagnostics.iter().any(|d| d.code == "empty_input"));
    assert!(analyze("   \n\t ").diagnostics.iter().any(|d| d.code == "empty_input"));
    assert!(analyze("<html><body><p>Hi</p></body></html>").diagnostics.iter().any(|d| d.code == "looks_like_html"));
    assert!(analyze("abc\u{0}\u{1}def").diagnostics.iter().any(|d| d.code == "control_characters"));
    assert!(analyze("caf\u{FFFD} said").diagnostics.iter().any(|d| d.code == "replacement_characters"));
}
