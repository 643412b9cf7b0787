//! The scorer on a hand-made brat fixture (character offsets with multi-byte characters), the
//! seed matching rule, and the speaker scorer on a hand-made speaker gold.

use whosaid::engine::analyze;
use whosaid::engine::eval::{parse_brat, relations_of, score_agreement, score_document, seed_match, Scores, SeedGold};

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

#[test]
fn agreement_scores_each_annotator_against_the_others_and_the_tool_against_each() {
    let full = parse_brat(TEXT, ANN);
    // A second annotator who did not mark "according to a memo".
    let partial: Vec<_> = full.iter().take(2).cloned().collect();
    let (mut annotators, mut tool) = (Scores::default(), Scores::default());
    score_agreement(TEXT, &[full.clone(), partial.clone()], &partial, &mut annotators, &mut tool);
    assert_eq!((annotators.documents, tool.documents), (1, 1));
    // partial against full (2 of 3 found) and full against partial (2 of 3 right).
    let r = annotators.relation;
    assert_eq!((r.tp, r.pred, r.gold), (4, 5, 5));
    assert!((r.f1() - 0.8).abs() < 1e-9);
    // The tool (= partial) against full, then against itself.
    let t = tool.relation;
    assert_eq!((t.tp, t.pred, t.gold), (4, 4, 5));
    // Annotators who agree completely agree perfectly.
    let mut same = Scores::default();
    score_agreement(TEXT, &[full.clone(), full.clone(), full], &[], &mut same, &mut Scores::default());
    assert_eq!(same.relation.f1(), 1.0);
    assert_eq!(same.relation.gold, 18, "3 × 2 ordered pairs of 3 relations");
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

mod speakers {
    use whosaid::engine::analyze;
    use whosaid::engine::eval::speakers::{score_speakers, Anonymity, GoldKind, SpeakerGold, SpeakerReport};
    use whosaid::engine::{Analysis, Claim, ClaimKind, Span, Speaker, SpeakerKind, Stance};

    const TEXT: &str = include_str!("fixtures/speakers/polnear/dev/text/mini.txt");
    const GOLD: &str = include_str!("fixtures/speakers/gold/mini.json");

    fn gold() -> SpeakerGold {
        let g = SpeakerGold::parse(GOLD).unwrap();
        g.check(TEXT).unwrap();
        g
    }

    fn span_of(s: &str) -> Span {
        let start = TEXT.find(s).unwrap_or_else(|| panic!("{s:?} not in the fixture"));
        Span::new(start, start + s.len())
    }

    fn predicted_kind(kind: GoldKind) -> SpeakerKind {
        match kind {
            GoldKind::Person => SpeakerKind::Person,
            GoldKind::Organisation => SpeakerKind::Organisation,
            GoldKind::Outlet => SpeakerKind::MediaOutlet,
            GoldKind::Government => SpeakerKind::GovernmentBody,
            GoldKind::Group => SpeakerKind::Group,
            GoldKind::Document | GoldKind::Other => SpeakerKind::Unknown,
        }
    }

    fn claim(speaker: u32, source: Vec<Span>) -> Claim {
        Claim {
            id: 0,
            kind: ClaimKind::Indirect,
            content: vec![],
            cue: vec![],
            source,
            speaker: Some(speaker),
            stance: Stance::Neutral,
            via: None,
            confidence: 1.0,
        }
    }

    /// The gold as a prediction: a speaker per entity (kinds mapped back), a claim per source span.
    fn perfect() -> Analysis {
        let g = gold();
        let mut a = Analysis::default();
        for (i, e) in g.entities.iter().enumerate() {
            a.speakers.push(Speaker {
                id: i as u32,
                name: e.name.clone(),
                kind: predicted_kind(e.kind),
                anonymous: e.anonymity == Anonymity::Anonymous,
                anonymity: Default::default(),
                evidence: String::new(),
                confidence: 1.0,
                titles: vec![],
                mentions: g.sources.iter().filter(|s| s.entity == e.id).map(|s| s.span).collect(),
            });
        }
        for s in &g.sources {
            let speaker = g.entities.iter().position(|e| e.id == s.entity).unwrap() as u32;
            a.claims.push(claim(speaker, vec![s.span]));
        }
        a
    }

    fn score(a: &Analysis) -> SpeakerReport {
        score_speakers(TEXT, &gold(), a)
    }

    fn speaker_named(a: &Analysis, name: &str) -> usize {
        a.speakers.iter().position(|s| s.name == name).unwrap()
    }

    /// Adds a speaker (a copy of `like` under `name`) that takes over the claims sourced by
    /// `sources`; returns its id.
    fn split_off(a: &mut Analysis, like: &str, name: &str, sources: &[&str]) -> u32 {
        let id = a.speakers.len() as u32;
        let mut s = a.speakers[speaker_named(a, like)].clone();
        s.id = id;
        s.name = name.into();
        s.mentions = sources.iter().map(|t| span_of(t)).collect();
        a.speakers.push(s);
        for c in &mut a.claims {
            if sources.iter().any(|t| c.source == [span_of(t)]) {
                c.speaker = Some(id);
            }
        }
        id
    }

    #[test]
    fn the_fixture_is_consistent() {
        let g = gold();
        assert_eq!((g.entities.len(), g.sources.len()), (7, 8));
        let mut bad = g.clone();
        bad.sources[0].span = Span::new(1, 9);
        assert!(bad.check(TEXT).is_err(), "a span that does not cover its text");
        let mut bad = g.clone();
        bad.sources[0].entity = "E99".into();
        assert!(bad.check(TEXT).is_err(), "an unknown entity");
        assert!(SpeakerGold::parse(&GOLD.replace("\"outlet\"", "\"newspaper\"")).is_err(), "an unknown kind");
    }

    #[test]
    fn a_perfect_prediction_scores_one() {
        let r = score(&perfect());
        let s = &r.scores;
        assert_eq!((s.gold_spans, s.paired_spans), (8, 8), "{s:?}");
        assert_eq!((s.speakers.tp, s.speakers.pred, s.speakers.gold), (7, 7, 7), "{s:?}");
        assert_eq!((s.speakers.p(), s.speakers.r()), (1.0, 1.0));
        assert_eq!((s.b3.p(), s.b3.r(), s.b3.f1()), (1.0, 1.0, 1.0), "{s:?}");
        assert_eq!((s.anonymous.tp, s.anonymous.pred, s.anonymous.gold), (1, 1, 1), "{s:?}");
        assert_eq!(s.kind.value(), 1.0, "media_outlet, government_body and unknown map to the gold classes");
        assert_eq!((s.junk_cards, s.duplicate_cards), (0, 0));
        assert!(r.duplicates.is_empty() && r.junk.is_empty() && r.anonymity_errors.is_empty());
        assert!(r.kind_errors.is_empty(), "{:?}", r.kind_errors);
    }

    #[test]
    fn a_duplicate_card_lowers_precision() {
        let mut a = perfect();
        let she = split_off(&mut a, "Jane Doe", "She", &["She"]);
        let r = score(&a);
        let s = &r.scores;
        assert_eq!((s.speakers.tp, s.speakers.pred, s.speakers.gold), (7, 8, 7), "{s:?}");
        assert_eq!(s.speakers.r(), 1.0);
        assert_eq!((s.duplicate_cards, s.junk_cards), (1, 0));
        assert_eq!(r.duplicates[0].card.id, she, "the card with fewer spans loses");
        assert_eq!(r.duplicates[0].entity, "Jane Doe");
        // B³: every predicted cluster is pure; Jane Doe's two spans are split.
        assert_eq!(s.b3.p(), 1.0);
        assert!((s.b3.r() - 7.0 / 8.0).abs() < 1e-9, "{s:?}");
    }

    #[test]
    fn a_junk_speaker_lowers_precision() {
        let mut a = perfect();
        let id = a.speakers.len() as u32;
        let monday = span_of("Monday");
        a.speakers.push(Speaker {
            id,
            name: "Monday".into(),
            kind: SpeakerKind::Unknown,
            anonymous: false,
            anonymity: Default::default(),
            evidence: String::new(),
            confidence: 1.0,
            titles: vec![],
            mentions: vec![monday],
        });
        a.claims.push(claim(id, vec![monday]));
        let r = score(&a);
        let s = &r.scores;
        assert_eq!((s.speakers.tp, s.speakers.pred), (7, 8), "{s:?}");
        assert_eq!(s.speakers.r(), 1.0);
        assert_eq!((s.junk_cards, s.duplicate_cards), (1, 0));
        assert_eq!(r.junk[0].sources, ["Monday"]);
        assert!(!r.junk[0].outvoted);
        assert_eq!(s.paired_spans, 8, "junk pairs with nothing");
        assert_eq!(s.b3.f1(), 1.0);
    }

    #[test]
    fn anonymity_mismatches_show_in_anonymous_p_and_r() {
        // The anonymous official predicted named: a miss (recall 0).
        let mut a = perfect();
        let official = speaker_named(&a, "A senior official");
        a.speakers[official].anonymous = false;
        let s = score(&a).scores;
        assert_eq!((s.anonymous.tp, s.anonymous.pred, s.anonymous.gold), (0, 0, 1), "{s:?}");
        assert_eq!(s.anonymous.r(), 0.0);
        // Vague critics predicted anonymous: a false alarm (precision 1/2).
        let mut a = perfect();
        let critics = speaker_named(&a, "Critics");
        a.speakers[critics].anonymous = true;
        let r = score(&a);
        let s = &r.scores;
        assert_eq!((s.anonymous.tp, s.anonymous.pred, s.anonymous.gold), (1, 2, 1), "{s:?}");
        assert_eq!((s.anonymous.p(), s.anonymous.r()), (0.5, 1.0));
        assert_eq!(r.anonymity_errors.len(), 1);
        assert_eq!((r.anonymity_errors[0].text.as_str(), r.anonymity_errors[0].gold.as_str()), ("Critics", "vague"));
        assert_eq!(s.speakers.f1(), 1.0, "anonymity does not touch the speaker list");
    }

    #[test]
    fn kinds_are_mapped_before_comparing() {
        let mut a = perfect();
        for (name, kind) in [
            ("The Daily Planet", SpeakerKind::MediaOutlet),
            ("The Interior Ministry", SpeakerKind::GovernmentBody),
            ("Word on the street", SpeakerKind::Unknown),
        ] {
            let i = speaker_named(&a, name);
            assert_eq!(a.speakers[i].kind, kind, "{name}");
        }
        // An outlet predicted as an organisation is wrong.
        let planet = speaker_named(&a, "The Daily Planet");
        a.speakers[planet].kind = SpeakerKind::Organisation;
        let r = score(&a);
        assert_eq!((r.scores.kind.correct, r.scores.kind.total), (7, 8));
        let e = &r.kind_errors[0];
        assert_eq!(
            (e.text.as_str(), e.predicted, e.gold),
            ("The Daily Planet", GoldKind::Organisation, GoldKind::Outlet)
        );
    }

    #[test]
    fn a_claim_without_source_pairs_through_its_speakers_mentions() {
        let mut a = perfect();
        let she = a.claims.iter().position(|c| c.source == [span_of("She")]).unwrap();
        a.claims[she].source.clear();
        let s = score(&a).scores;
        assert_eq!(s.paired_spans, 8, "Jane Doe's mentions include \"She\"");
        assert_eq!(s.speakers.f1(), 1.0);
        // With no mentions either, the claim pairs with nothing (and its speaker has other claims).
        let jane = speaker_named(&a, "Jane Doe");
        a.speakers[jane].mentions = vec![span_of("Jane Doe")];
        let s = score(&a).scores;
        assert_eq!(s.paired_spans, 7);
    }

    #[test]
    fn competing_speakers_the_one_with_more_claims_wins() {
        let mut a = perfect();
        // A second card whose one claim's source ("Ministry said") overlaps the ministry's span;
        // the ministry card gets a second claim there.
        let rival = a.speakers.len() as u32;
        let ministry = speaker_named(&a, "The Interior Ministry") as u32;
        let overlap = span_of("Ministry said");
        let mut s = a.speakers[ministry as usize].clone();
        (s.id, s.name, s.mentions) = (rival, "Ministry".into(), vec![overlap]);
        a.speakers.push(s);
        a.claims.push(claim(rival, vec![overlap]));
        a.claims.push(claim(ministry, vec![span_of("The Interior Ministry")]));
        let r = score(&a);
        assert_eq!(r.scores.paired_spans, 8);
        assert_eq!(r.scores.b3.f1(), 1.0, "the ministry card keeps its span");
        assert_eq!(r.junk.len(), 1);
        assert!(r.junk[0].outvoted && r.junk[0].card.id == rival, "{:?}", r.junk);
        // Sharing only punctuation or space is no overlap.
        let mut a = perfect();
        let planet = speaker_named(&a, "The Daily Planet") as u32;
        let space = span_of(" reported");
        a.claims.push(claim(planet, vec![Span::new(space.start - 1, space.start + 1)]));
        assert_eq!(score(&a).scores.b3.f1(), 1.0);
    }

    #[test]
    fn engine_on_the_fixture() {
        let r = score(&analyze(TEXT));
        let s = &r.scores;
        assert!(s.paired_spans >= 6, "{s:?}");
        assert!(s.speakers.f1() > 0.8, "{s:?}");
        assert_eq!(s.b3.f1(), 1.0, "{s:?}");
    }
}
