//! One minimal case per phenomenon the engine must handle (see the engine issue), written in
//! the inline markup of `util.rs`: `[[source]]`, `{{cue}}`, `<<content>>`.

use whosaid::engine::{analyze, Anonymity, ClaimKind as K, SpeakerKind, Stance as S};

use crate::util::{check, check_kind, check_rules, speaker_name};

#[test]
fn direct_quote_content_first_curly() {
    check_kind(
        "“<<We will not negotiate>>,” [[Foreign Minister Anna Berg]] {{said}} on Monday.",
        K::Direct,
        S::Neutral,
    );
}

#[test]
fn direct_quote_straight_and_guillemets_and_low_high() {
    check_kind("\"<<The plan is dead>>,\" [[Smith]] {{said}}.", K::Direct, S::Neutral);
    check_kind("« <<Nous ne céderons pas>> », [[Macron]] {{said}}.", K::Direct, S::Neutral);
    check_kind("„<<Wir bleiben>>“, [[Scholz]] {{said}}.", K::Direct, S::Neutral);
}

#[test]
fn quote_spanning_sentences_and_reopened_paragraphs() {
    let (_, c, text) =
        check("[[The mayor]] {{said}}: “<<We will rebuild. We always do.>>\n“<<Nobody will be left behind.>>”");
    assert_eq!(c.content.len(), 2, "{text}");
}

#[test]
fn apostrophes_and_plural_possessives_are_not_quote_marks() {
    let (_, c, _) =
        check("[[The officials’ spokesman]] {{said}} <<that the country’s debts were not the voters’ fault>>.");
    assert_eq!(c.kind, K::Indirect);
}

#[test]
fn unbalanced_quote_mark_does_not_derail_the_paragraph() {
    let a = analyze("“This is unfinished, Smith said.\nJones said that the vote would happen.");
    assert!(a.diagnostics.iter().any(|d| d.code.contains("quote")));
    assert!(a.claims.iter().any(|c| c
        .cue
        .iter()
        .any(|s| s.text("“This is unfinished, Smith said.\nJones said that the vote would happen.") == "said")));
}

#[test]
fn indirect_speech_with_that() {
    check_kind("[[Patel]] {{said}} <<that any such talks are up to Ukraine>>.", K::Indirect, S::Neutral);
}

#[test]
fn mixed_quote() {
    check_kind(
        "[[The official]] {{went on to claim}} <<that the “Kremlin has no interest in negotiating.”>>",
        K::Mixed,
        S::Distancing,
    );
}

#[test]
fn according_to_before_and_after() {
    check_kind(
        "{{According to}} [[Zelensky]], <<talks are impossible until the troops leave>>.",
        K::AccordingTo,
        S::Neutral,
    );
    check_kind(
        "<<Kiev has lost 90,000 troops>>, {{according to}} [[the Russian Defense Ministry]].",
        K::AccordingTo,
        S::Neutral,
    );
}

#[test]
fn according_to_after_the_content_takes_the_rest_of_its_clause() {
    // The phrase's modifiers are the source's; the clause after it is not content again.
    check_kind(
        "<<The casino lost $3 million>>, {{according to}} [[a report released Friday by state gaming regulators]].",
        K::AccordingTo,
        S::Neutral,
    );
    check_kind(
        "<<Trump has won 758 delegates>>, {{according to}} [[a CNN tally]], but his path to the nomination is narrowing.",
        K::AccordingTo,
        S::Neutral,
    );
    check_kind(
        "{{According to}} [[a 2013 study by economists Peter Schott and Justin Pierce]], <<the recession is partly to blame>>.",
        K::AccordingTo,
        S::Neutral,
    );
}

#[test]
fn a_quotation_after_adding_is_what_was_added() {
    let (a, _, text) =
        check("“<<We want this over early>>,” [[he]] {{said}}, adding, “We do not want a fight in Cleveland.”");
    let added = a.claims.iter().find(|c| c.cue.iter().any(|s| s.text(&text) == "adding"));
    assert!(added.is_some_and(|c| c.content.iter().any(|s| s.text(&text).starts_with("We do not"))), "{text}");
}

#[test]
fn a_participle_names_the_subject_of_its_sentence_as_its_source() {
    // "adding" has no subject of its own: its source is the phrase the sentence names, not none.
    let t =
        "[[Senator Maria Lopez]] said the bill would pass, {{adding}} <<that the vote could come as soon as Friday>>.";
    check(t);
    check_rules(t);
    let (a, c, text) = check(t);
    let said = a.claims.iter().find(|x| x.cue.iter().any(|s| s.text(&text) == "said")).unwrap();
    assert_eq!(said.speaker, c.speaker, "one speaker for both claims");
    // The main clause's speaker, not a nested one's.
    check("[[Smith]] said Jones had called the plan a disaster, {{adding}} <<that the vote should be delayed>>.");
}

#[test]
fn a_transcript_turn_is_its_speakers_words() {
    // A quoted transcript: every paragraph reopens the quotation, every turn opens with a label;
    // a stage direction belongs to nobody, and "PENCE" is the Mike Pence the article named.
    let t = "Mike Pence said the debate would go ahead. Partial transcript as follows:\n\n\"WALLACE: Will Gennifer Flowers be there?\n\n\"PENCE: Gennifer Flowers will not be attending the debate.\n\n\"(CROSSTALK.)\n\n\"WALLACE: Governor, one more question.";
    let a = analyze(t);
    let turns: Vec<(&str, Vec<&str>, String)> = a
        .claims
        .iter()
        .filter(|c| c.cue.iter().any(|s| s.text(t) == ":"))
        .map(|c| (c.source[0].text(t), c.content.iter().map(|s| s.text(t)).collect(), speaker_name(&a, c)))
        .collect();
    assert_eq!(
        turns,
        [
            ("WALLACE", vec!["Will Gennifer Flowers be there?"], "WALLACE".to_string()),
            ("PENCE", vec!["Gennifer Flowers will not be attending the debate."], "Mike Pence".to_string()),
            ("WALLACE", vec!["Governor, one more question."], "WALLACE".to_string()),
        ]
    );
    assert!(a.claims.iter().filter(|c| c.source.iter().any(|s| s.text(t) == "PENCE")).all(|c| c.kind == K::Direct));
}

#[test]
fn a_transcript_ends_before_the_page_furniture_after_it() {
    // The site's "Follow … on Twitter" reopens the quotation but is no part of the last turn;
    // "TAPPER" is the Jake Tapper the article names (a first name the lexicon knows).
    let t = "Mike Pence spoke to Jake Tapper on Sunday.\n\n“TAPPER: Is the race close?\n\n“PENCE: Well, look, we are going to win.\n\n“TAPPER: Thank you, Governor.\n\n“Follow Pam Key on Twitter @pamkeyNEN";
    let a = analyze(t);
    let last = a.claims.last().expect("the last turn");
    assert_eq!(last.content.iter().map(|s| s.text(t)).collect::<Vec<_>>(), ["Thank you, Governor."]);
    assert_eq!(speaker_name(&a, last), "Jake Tapper");
    assert!(a.boilerplate.iter().any(|s| s.text(t).contains("Follow Pam Key")));
}

#[test]
fn a_comparison_after_a_comma_ends_the_content() {
    check("[[Forty percent of voters]] {{said}} <<they trust Clinton>>, compared with 35 percent who trust Trump.");
}

#[test]
fn content_first_without_quotes() {
    check_kind(
        "<<The US is not pushing Ukraine toward negotiations>>, [[State Department principal deputy spokesperson Vedant Patel]] {{has insisted}}.",
        K::Indirect,
        S::Distancing,
    );
    check_kind(
        "<<Another issue is that Kiev is “running out of forces,”>> [[NBC]] {{alleged}}.",
        K::Mixed,
        S::Distancing,
    );
}

#[test]
fn headline_colon() {
    check("[[NBC News]]{{:}} <<The United States and European countries are discussing peace talks>>");
}

#[test]
fn quoted_as_saying_is_a_chain() {
    let (a, c, _) =
        check("The outlet {{quoted}} [[its sources]] {{as saying}} <<that the issue was raised last month>>.");
    assert!(c.via.is_some());
    assert!(a.speakers[c.speaker.unwrap() as usize].anonymous);
}

#[test]
fn citing_makes_a_chain_outlet_to_anonymous_source() {
    let (a, c, _) =
        check("[[NBC]] {{claimed}}, {{citing}} anonymous US officials, <<that Washington held talks with Kiev>>.");
    let via = c.via.as_ref().expect("chain");
    assert_eq!(speaker_name(&a, &c), "anonymous US officials");
    assert_eq!(a.speakers[via.speaker.unwrap() as usize].name, "NBC");
}

#[test]
fn beliefs_are_claims() {
    check_kind("[[Putin]] {{believes}} <<that he can wait>>.", K::Belief, S::Neutral);
}

#[test]
fn sourceless_hedge() {
    // The hedge is the cue, the clause around it the content.
    let (_, c, _) = check("<<Ukraine’s supporters are also>> {{reportedly}} <<unsure whether they can continue>>.");
    assert_eq!(c.kind, K::Hedge);
    assert!(c.source.is_empty() && c.speaker.is_none());
}

#[test]
fn stances() {
    check_kind("[[Kirby]] {{confirmed}} <<that talks took place>>.", K::Indirect, S::Endorsing);
    check_kind("[[Zelensky]] {{conceded}} <<that some countries speak with Russia>>.", K::Indirect, S::Conceding);
    check_kind("[[The ministry]] {{denied}} <<that troops had crossed the border>>.", K::Indirect, S::Rejecting);
    check_kind("[[He]] {{told}} reporters <<that the West had not exerted pressure>>.", K::Indirect, S::Neutral);
}

#[test]
fn told_skips_the_recipient() {
    check("[[The senator]] {{told}} CNN on Sunday <<that she would run again>>.");
}

#[test]
fn apposition_and_party_labels_in_sources() {
    check("[[Marc Morial, the chief executive of the National Urban League,]] {{said}} <<voting matters>>.");
    check("[[Rep. Stephen Lynch (D-Mass.)]] {{said}} <<the law does not require it>>.");
}

#[test]
fn speakers_are_clustered_across_the_article() {
    let text = "Ukrainian President Vladimir Zelensky said that talks were impossible.\n\
                “We will not give up,” President Zelensky said.\n\
                He stressed, however, that the West had not exerted pressure.\n\
                According to Zelensky, the troops must leave.";
    let a = analyze(text);
    assert_eq!(a.claims.len(), 4, "{}", whosaid::engine::export::text_view("t", text, &a));
    let ids: Vec<_> = a.claims.iter().map(|c| c.speaker).collect();
    assert!(ids.iter().all(|s| *s == ids[0] && s.is_some()), "{ids:?}");
    let z = &a.speakers[ids[0].unwrap() as usize];
    assert_eq!(z.name, "Vladimir Zelensky");
    assert_eq!(z.kind, SpeakerKind::Person);
    assert!(z.titles.iter().any(|t| t.contains("President")));
}

#[test]
fn definite_descriptions_and_outlets_cluster() {
    let text = "State Department spokesperson Vedant Patel said that the talks were up to Ukraine.\n\
                The official went on to claim that the Kremlin had no interest in peace.\n\
                NBC News reported that officials had met.\n\
                The outlet quoted its sources as saying that the issue was raised.";
    let a = analyze(text);
    let name_of = |cue: &str| {
        let c = a.claims.iter().find(|c| c.cue.iter().any(|s| s.text(text).contains(cue))).expect(cue);
        let id = c.via.as_ref().and_then(|v| v.speaker).or(c.speaker).unwrap();
        a.speakers[id as usize].name.clone()
    };
    assert_eq!(name_of("claim"), "Vedant Patel");
    assert_eq!(name_of("quoted"), "NBC News");
}

#[test]
fn anonymous_sources_are_flagged() {
    let text = "Two NBC News sources clarified that no decision had been made.\nAn administration official noted that talks continued.";
    let a = analyze(text);
    assert_eq!(a.speakers.len(), 2);
    assert!(a.speakers.iter().all(|s| s.anonymous), "{:?}", a.speakers);
}

#[test]
fn boilerplate_never_yields_claims() {
    let text = "Please enter your comment!\nThe minister said that the plan had failed.\nLATEST POSTS in this category";
    let a = analyze(text);
    assert_eq!(a.boilerplate.len(), 2);
    assert_eq!(a.claims.len(), 1);
    assert!(a.claims.iter().all(|c| a.boilerplate.iter().all(|b| c.content.iter().all(|s| !s.overlaps(*b)))));
}

#[test]
fn nouns_that_look_like_cues_are_not_cues() {
    let a = analyze("The Washington Post published the report on Monday. Editor’s note: this is an update.");
    assert!(a.claims.is_empty(), "{:?}", a.claims);
}

#[test]
fn quoted_question_or_exclamation_then_attribution() {
    // "?” Priebus said." is one sentence, not a quotation and a sentence without content.
    check_kind("“<<Why would he hide his taxes?>>” [[Priebus]] {{said}}. The race went on.", K::Direct, S::Neutral);
    check_kind("“<<Wish they had another season!>>” [[Bush]] {{wrote}} on Monday.", K::Direct, S::Neutral);
}

#[test]
fn cue_takes_the_particle_its_verb_takes() {
    // Mined from PolNeAR train (lexicon/cue_particles.tsv): "railed against", "focused on".
    check_kind("[[Sanders]] {{railed against}} <<the trade deal>>.", K::Indirect, S::Neutral);
    // The rules take the particle; the model drops this one (a topic, not a report).
    let (_, c, _) = check_rules("[[The senator]] {{focused on}} <<the economy>>.");
    assert_eq!(c.stance, S::Neutral);
    assert!(analyze("The senator focused on the economy.").claims.is_empty());
}

#[test]
fn an_aide_to_a_name_is_anonymous_and_a_quantified_group_vague() {
    // The aide is not Clinton, and "Many in the crowd" is a group, not someone called "Many".
    let (a, c, _) = check("[[An aide to Clinton]] {{said}} <<the race was over>>. Clinton said nothing.");
    let s = &a.speakers[c.speaker.unwrap() as usize];
    assert!(s.anonymous && s.name == "An aide to Clinton", "{s:?}");
    let (a, c, _) = check("“<<It is over>>,” {{said}} [[an adviser to Trump]].");
    assert!(a.speakers[c.speaker.unwrap() as usize].anonymous);
    // "Many in the crowd" is an unnamed collective: vague, not a withheld identity.
    let (a, c, _) = check("[[Many in the crowd]] {{said}} <<the senator was the only one they trusted>>.");
    let s = &a.speakers[c.speaker.unwrap() as usize];
    assert_eq!((s.kind, s.anonymity, s.anonymous), (SpeakerKind::Group, Anonymity::Vague, false), "{s:?}");
}

#[test]
fn coordinated_and_parenthetical_speech() {
    // "… but said …" takes the subject of the first verb; "A, he said, B" with a short A.
    let (_, c, _) =
        check("[[The spokesman]] declined to comment on the race but {{said}} <<there was no call planned>>.");
    assert_eq!(c.kind, K::Indirect);
    let (_, c, text) = check("<<The plan>>, [[he]] {{said}}, <<would fail by next year>>.");
    assert_eq!(c.content.len(), 2, "{text}");
}

#[test]
fn according_to_any_source_and_naming_is_not_saying() {
    // "according to" takes whatever follows as its source, named or not.
    check_kind("<<The employee did not do so>>, {{according to}} [[the summary]].", K::AccordingTo, S::Neutral);
    check_kind(
        "<<Clinton has 723 delegates>>, {{according to}} [[a count by The Associated Press]].",
        K::AccordingTo,
        S::Neutral,
    );
    // "a company called Sansun USA" names; it reports nothing.
    let a = analyze("Records show that a company called Sansun USA sold the car lot for $510,000.");
    assert!(a
        .claims
        .iter()
        .all(|c| c.cue.iter().all(|s| s
            .text("Records show that a company called Sansun USA sold the car lot for $510,000.")
            != "called")));
}

#[test]
fn the_question_a_speaker_was_asked() {
    // PolNeAR annotates "Asked whether …," as a sourceless attribution of the question.
    let text = "Asked whether he was concerned about the nominee, Ban said he was not worried.";
    let (_, c, _) = check("{{Asked}} <<whether he was concerned about the nominee>>, Ban said he was not worried.");
    assert_eq!(c.source.len(), 0);
    let a = analyze(text);
    let said = a.claims.iter().find(|c| c.cue.iter().any(|s| s.text(text) == "said")).unwrap();
    assert_eq!(said.content.iter().map(|s| s.text(text)).collect::<Vec<_>>(), ["he was not worried"]);
    check("When {{asked}} by [[a reporter]] <<whether this differed from the plan>>, Trump said no.");
}

#[test]
fn participle_after_a_main_clause_takes_its_subject() {
    check_kind(
        "In a speech on Tuesday, [[Mr. Trump]] struck a measured tone, {{saying}} <<he understood the responsibility>>.",
        K::Indirect,
        S::Neutral,
    );
    check(
        "[[The Russians]] have used the fighters to justify airstrikes, {{saying}} <<the city is an important front>>.",
    );
}

#[test]
fn title_case_headline_cue() {
    // A capitalised cue is a noun ("The Report") except in a title-case headline.
    check_kind("[[Glenn Beck]] {{Says}} <<Trump Poses A Threat To Democracy>>", K::Indirect, S::Neutral);
    let a = analyze("The Report on the economy was published on Monday by the ministry.");
    assert!(a.claims.is_empty(), "{:?}", a.claims);
}

#[test]
fn a_short_clause_after_the_cue_is_content_not_an_adjunct() {
    // "…, Smith said Jones would win": the clause after the cue is the content; "…, Smith said on
    // Monday" keeps the content first.
    check_kind("Two days before the vote, [[Smith]] {{said}} <<Jones would win>>.", K::Indirect, S::Neutral);
    check_kind("<<Jones would win the vote easily>>, [[Smith]] {{said}} on Monday.", K::Indirect, S::Neutral);
}

#[test]
fn a_third_party_belief_without_that() {
    check_kind("[[Her advisers]] {{think}} <<she has the discipline to win>>.", K::Belief, S::Neutral);
    assert!(analyze("I think it is over.").claims.is_empty());
}

#[test]
fn source_noun_phrases_with_adjuncts_and_modifiers() {
    // Adverbs and time phrases between subject and verb stay out of the source.
    check("[[RNC spokesman Sean Spicer]] on Thursday evening {{said}} <<the party was not in a crisis>>.");
    check("[[Carter]] however {{said}} <<he would welcome the participation of China>>.");
    // Post-modifiers and participial adjectives stay in.
    check("[[A law enforcement official familiar with the investigation]] {{said}} <<that a case would be hard>>.");
    check("“<<It is over>>,” {{said}} [[a source close to the campaign]].");
    check("“<<I do not know>>,” {{said}} [[undecided Republican voter Stephanie Hooton]].");
    // A quantifier alone is a source; "Some officials" keeps its quantifier.
    check("[[Some]] {{said}} <<they have cringed at the remarks>>.");
    check("[[Some officials]] {{said}} <<they have cringed at the remarks>>.");
    // After an introductory phrase, "… and said" takes the main clause's subject.
    check("In April, [[Twitter]] reported flat user growth, and {{said}} <<it was still operating at a loss>>.");
}

#[test]
fn quote_marks_facing_the_wrong_way() {
    // Scraped text often closes with “ or opens with ”; spacing tells which it is.
    check_kind(
        "Todd was shocked. “<<Do you want to be associated with that?>>“ [[he]] {{asked}}.",
        K::Direct,
        S::Neutral,
    );
    check_kind("”<<We will win>>,” [[she]] {{said}}.", K::Direct, S::Neutral);
}

#[test]
fn coordinated_said_keeps_the_speaker_and_whole_quotes_lose_their_marks() {
    let text = "But Podesta said Gates was not working for the party and said Manafort was not involved.";
    let a = analyze(text);
    assert_eq!(a.claims.len(), 2, "{:?}", a.claims);
    assert_eq!(a.claims[0].speaker, a.claims[1].speaker);
    assert_eq!(a.claims[1].content[0].text(text), "Manafort was not involved");
    // A content that is one whole quotation is its inside, like a content-first one.
    check_kind("[[The mayor]] {{said}}, “<<We will rebuild the city.>>”", K::Direct, S::Neutral);
}

#[test]
fn citing_a_reason() {
    // "…, citing X" after a claim: X is what the same speaker cites; a chain is unaffected.
    let text = "“The demands are not unreasonable,” he said, citing a progressive platform on inequality.";
    let a = analyze(text);
    let citing = a.claims.iter().find(|c| c.cue.iter().any(|s| s.text(text) == "citing")).unwrap();
    assert_eq!(citing.content[0].text(text), "a progressive platform on inequality");
    assert_eq!(citing.speaker, a.claims[0].speaker);
    let (_, c, _) = check("[[NBC]] {{reported}}, {{citing}} a US official, <<that talks were under way>>.");
    assert!(c.via.is_some());
}

#[test]
fn a_name_with_a_long_apposition_stays_the_named_speaker() {
    // The model re-draws the rules' source; it never moves it to the apposition alone.
    let t = "David Kamin, an outside adviser to the campaign on tax and budget issues and an associate \
             professor at New York University School of Law, said the plan would work.";
    let a = analyze(t);
    assert_eq!(a.claims.len(), 1);
    let s = &a.speakers[a.claims[0].speaker.unwrap() as usize];
    assert_eq!(s.name, "David Kamin");
    assert_eq!(s.anonymity, Anonymity::Named);
}

#[test]
fn an_impression_has_no_source() {
    // "It seems", "X appeared to …": what seems is no speaker (PolNeAR gives 162 of 166 such
    // cues no source); the claim is the writer's own hedge.
    let (a, _, _) = check_rules("During the debate, it {{appeared}} <<that the senator was unable to respond>>.");
    assert!(a.speakers.is_empty(), "{:?}", a.speakers);
    // With the model too (which, as PolNeAR does, may take the subject into the content).
    for t in ["It seems the plan failed.", "The senator appeared to be shrinking in stature."] {
        let a = analyze(t);
        assert!(!a.claims.is_empty() && a.claims.iter().all(|c| c.source.is_empty()), "{t}: {:?}", a.claims);
        assert!(a.speakers.is_empty(), "{t}: {:?}", a.speakers);
    }
}
