//! `compare` on the two seed reports against their hand-made alignment
//! (`tests/fixtures/seeds/alignment.json`: 3 `same` pairs, 10 `related`, the rest unrelated).

use std::collections::HashSet;

use whosaid::engine::compare::{compare, Relation};
use whosaid::engine::eval::{seed_match, SeedGold};
use whosaid::engine::export::spans_text;
use whosaid::engine::{analyze, Analysis};

use crate::golden::{SEED_000, SEED_004};

const GOLD: &str = include_str!("fixtures/seeds/gold.json");
const ALIGNMENT: &str = include_str!("fixtures/seeds/alignment.json");

/// The gold ids each claim of `a` matches (by the seed matching rule, speaker ignored).
fn gold_ids(text: &str, a: &Analysis, stem: &str, gold: &[SeedGold]) -> Vec<Vec<String>> {
    a.claims
        .iter()
        .map(|c| {
            let content = spans_text(text, &c.content);
            gold.iter()
                .filter(|g| g.doc == stem)
                .filter(|g| seed_match(&content, "", "", &SeedGold { speaker: String::new(), ..(*g).clone() }))
                .map(|g| g.id.clone())
                .collect()
        })
        .collect()
}

#[test]
fn the_seed_reports_align_as_the_hand_made_alignment_says() {
    let gold: Vec<SeedGold> = serde_json::from_str(GOLD).unwrap();
    let al: serde_json::Value = serde_json::from_str(ALIGNMENT).unwrap();
    let same: HashSet<(String, String)> = al["same"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["a"].as_str().unwrap().to_string(), p["b"].as_str().unwrap().to_string()))
        .collect();
    let related: HashSet<(String, String)> = al["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string()))
        .collect();
    let (a, b) = (analyze(SEED_000), analyze(SEED_004));
    let c = compare(SEED_000, &a, SEED_004, &b);
    let (ia, ib) =
        (gold_ids(SEED_000, &a, "000_aa45f71569c94b10", &gold), gold_ids(SEED_004, &b, "004_c516d1f4fd7c086b", &gold));
    let label = |p: &whosaid::engine::compare::Pair| {
        let pairs =
            ia[p.a.1 as usize].iter().flat_map(|x| ib[p.b.1 as usize].iter().map(move |y| (x.clone(), y.clone())));
        let ps: Vec<_> = pairs.collect();
        if ps.iter().any(|q| same.contains(q)) {
            "same"
        } else if ps.iter().any(|q| related.contains(q)) {
            "related"
        } else {
            "unrelated"
        }
    };
    // Precision: the pairs it outputs are same-or-related pairs of the alignment.
    let good = c.pairs.iter().filter(|p| label(p) != "unrelated").count();
    assert!(!c.pairs.is_empty() && good * 5 >= c.pairs.len() * 4, "{good} of {} pairs right", c.pairs.len());
    // Recall of `same`: all three (the third, NBC's sources vs a sourceless "reportedly", shares
    // only its rare names: Hamas, Israel, aid).
    let found = c.pairs.iter().filter(|p| p.relation == Relation::Same && label(p) == "same").count();
    assert_eq!(found, 3, "same pairs found");
    // The NBC pair (000-02 ~ 004-13): "was reported by" vs "claimed", and two source chains.
    let nbc = c
        .pairs
        .iter()
        .find(|p| {
            ia[p.a.1 as usize].contains(&"000-02".to_string()) && ib[p.b.1 as usize].contains(&"004-13".to_string())
        })
        .expect("the NBC pair");
    let kinds: Vec<&str> = nbc.differences.iter().map(|d| d.kind).collect();
    assert!(kinds.contains(&"stance") && kinds.contains(&"source"), "{kinds:?}");
}
