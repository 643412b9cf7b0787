//! Golden snapshots of the two seed articles (`tests/fixtures/seeds`), and their score against
//! the hand-checked gold list. Review snapshot changes with `cargo insta review`.

use whosaid::engine::eval::{score_seeds, SeedGold};
use whosaid::engine::export::text_view;
use whosaid::engine::{analyze, SpeakerKind};

pub const SEED_000: &str = include_str!("fixtures/seeds/000_aa45f71569c94b10.txt");
pub const SEED_004: &str = include_str!("fixtures/seeds/004_c516d1f4fd7c086b.txt");
const GOLD: &str = include_str!("fixtures/seeds/gold.json");

#[test]
fn seed_000_snapshot() {
    insta::assert_snapshot!(text_view("000_aa45f71569c94b10.txt", SEED_000, &analyze(SEED_000)));
}

#[test]
fn seed_004_snapshot() {
    insta::assert_snapshot!(text_view("004_c516d1f4fd7c086b.txt", SEED_004, &analyze(SEED_004)));
}

#[test]
fn seeds_meet_the_gold_list() {
    let gold: Vec<SeedGold> = serde_json::from_str(GOLD).unwrap();
    let docs: Vec<_> = [("000_aa45f71569c94b10", SEED_000), ("004_c516d1f4fd7c086b", SEED_004)]
        .iter()
        .map(|(stem, text)| (stem.to_string(), text.to_string(), analyze(text)))
        .collect();
    let rep = score_seeds(&docs, &gold);
    assert_eq!(rep.gold, 31);
    // Every non-borderline attribution, with the right speaker (whole-word speaker matching).
    assert_eq!(rep.found, rep.gold, "missed {:?}", rep.missed);
    // The ceiling is 4 unmatched; hold the line we reached.
    assert!(rep.unmatched <= 2, "unmatched {:?}", rep.spurious);
}

#[test]
fn seed_004_speakers() {
    let a = analyze(SEED_004);
    let find =
        |name: &str| a.speakers.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("{name}: {:?}", a.speakers));
    let patel = find("Vedant Patel");
    assert_eq!(patel.kind, SpeakerKind::Person);
    assert!(!patel.anonymous);
    assert!(patel.titles.iter().any(|t| t.contains("spokesperson")));
    let zelensky = find("Vladimir Zelensky");
    // Zelensky = President Zelensky = He = Zelensky (According to Zelensky).
    let n = a.claims.iter().filter(|c| c.speaker == Some(zelensky.id)).count();
    assert!(n >= 4, "{n}");
    let nbc = find("NBC");
    assert_eq!(nbc.kind, SpeakerKind::MediaOutlet);
    // "NBC alleged" is distancing; the date stamp is debris.
    assert!(a.claims.iter().any(|c| c.speaker == Some(nbc.id) && c.stance == whosaid::engine::Stance::Distancing));
    assert!(a.boilerplate.iter().any(|b| b.text(SEED_004) == "date 2023-11-08"));
}

#[test]
fn seed_000_boilerplate_and_chain() {
    let a = analyze(SEED_000);
    let debris: Vec<&str> = a.boilerplate.iter().map(|b| b.text(SEED_000)).collect();
    assert!(debris.iter().any(|d| d.starts_with("GENERICO.ru")), "{debris:?}");
    assert!(debris.contains(&"Please enter your comment!"));
    assert!(debris.contains(&"LATEST POSTS in this category"));
    let chain = a.claims.iter().find(|c| c.via.is_some()).expect("NBC ← official chain");
    let via = chain.via.as_ref().unwrap();
    assert_eq!(a.speakers[via.speaker.unwrap() as usize].name, "NBC News");
    assert!(a.speakers[chain.speaker.unwrap() as usize].anonymous);
}
