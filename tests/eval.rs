//! The scorer on a hand-made brat fixture (character offsets with multi-byte characters), and the
//! seed matching rule.

use whosaid::engine::analyze;
use whosaid::engine::eval::{parse_brat, relations_of, score_document, seed_match, Scores, SeedGold};

const TEXT: &str = include_str!("fixtures/brat/mini.txt");
const ANN: &str = include_str!("fixtures/brat/mini.ann");

#[test]
fn brat_char_offsets_become_byte_spans() {
    let gold = parse_brat(TEXT, ANN);
    assert_eq!(gold.len(), 3);
    assert_eq!(gold[0].source[0].text(TEXT), "Café owners");
    assert_eq!(gold[0].content[0].text(TEXT), "“rents are too high.”");
    assert_eq!(gold[1].source[0].text(TEXT), "The mayor’s office");
    assert_eq!(gold[2].cue[0].text(TEXT), "according to");
}

#[test]
fn gold_scored_against_itself_is_perfect() {
    let gold = parse_brat(TEXT, ANN);
    let mut s = Scores::default();
    score_document(TEXT, &gold, &gold, &mut s);
    for prf in [s.source_exact, s.cue_exact, s.content_exact, s.relation, s.relation_source] {
        assert_eq!(prf.f1(), 1.0, "{s:?}");
    }
}

#[test]
fn engine_on_the_fixture() {
    let gold = parse_brat(TEXT, ANN);
    let mut s = Scores::default();
    score_document(TEXT, &gold, &relations_of(&analyze(TEXT)), &mut s);
    assert!(s.relation.tp >= 2, "{s:?}");
    assert!(s.relation.f1() > 0.5, "{s:?}");
}

#[test]
fn empty_prediction_scores_zero_without_dividing_by_zero() {
    let gold = parse_brat(TEXT, ANN);
    let mut s = Scores::default();
    score_document(TEXT, &gold, &[], &mut s);
    assert_eq!(s.relation.f1(), 0.0);
    assert_eq!(s.relation.gold, 3);
}

fn seed_gold(speaker: &str, canonical: &str) -> SeedGold {
    SeedGold {
        id: "x-01".into(),
        doc: "x".into(),
        speaker: speaker.into(),
        speaker_canonical: canonical.into(),
        speaker_alternates: vec![],
        content: "the plan would work".into(),
        borderline: false,
    }
}

#[test]
fn seed_speakers_match_whole_words_only() {
    let content = "the plan would work";
    let he = seed_gold("He", "Vladimir Zelensky");
    assert!(seed_match(content, "He", "Vladimir Zelensky", &he));
    assert!(seed_match(content, "he", "", &he), "case-insensitive");
    assert!(!seed_match(content, "the report", "", &he), "\"he\" is not a word of \"the report\"");
    let russia = seed_gold("Russia", "Russia (government)");
    assert!(!seed_match(content, "Russian officials", "", &russia), "nor is \"Russia\" a word of \"Russian\"");
    let nbc = seed_gold("NBC’s sources", "NBC News sources");
    assert!(seed_match(content, "NBC sources", "", &nbc), "a possessive 's is ignored");
    assert!(seed_match(content, "two NBC News sources", "", &nbc));
    assert!(seed_match(content, "NBC", "", &nbc), "a claim's source may be contained in the gold speaker");
    assert!(!seed_match(content, "ABC", "", &nbc));
    assert!(!seed_match("something else entirely", "NBC sources", "", &nbc), "content must match too");
}
