//! Stage 5: describe each source mention and cluster mentions into speakers.
//!
//! A mention is split into its titles and its name ("State Department principal deputy
//! spokesperson" + "Vedant Patel"), given a kind (person, outlet, government body, …) and an
//! anonymity flag ("two NBC News sources"). Mentions are then clustered in document order:
//! names by surname or by a shared word sequence ("NBC" = "NBC News"), pronouns to the nearest
//! compatible speaker before them, definite descriptions ("the official", "the outlet", "the
//! Ukrainian president") to the nearest speaker whose kind or titles fit, anonymous sources by
//! their normalised description ("NBC News sources" = "Two NBC News sources" = "its sources"
//! after NBC). Finally every other occurrence of a speaker's name in the text is added as a
//! mention.

use rustc_hash::FxHashSet as HashSet;

mod anonymity;
mod holders;
mod index;
mod mention;
mod names;

use index::Index;
use mention::{describe, Mention, Pronoun};
use names::add_name_mentions;

use super::model::{Anonymity, Speaker, SpeakerKind};
use super::span::Span;

/// A cluster under construction.
struct Entity {
    name: Option<String>,
    /// `name` lower-cased: what names are compared by.
    lname: Option<String>,
    /// Its first mention, the name shown when it has no proper name.
    description: Span,
    kind: SpeakerKind,
    titles: Titles,
    anonymous: bool,
    /// Named, anonymous or vague, and the words that show it (from its first description; named
    /// as soon as a named mention joins).
    anonymity: (Anonymity, &'static str),
    /// How many of its mentions are not pronouns.
    described: usize,
    /// A woman or a man, when a mention said so.
    female: Option<bool>,
    mentions: Vec<Span>,
    key: String,
    surname: Option<String>,
    /// The content words of its names and descriptions (at most [`MAX_WORDS`]): what a later
    /// "the campaign" or "the appeals court" is compared with.
    pub(super) words: Vec<String>,
    /// The initials of its first mention's capitalised words ("FBI" of "The Federal Bureau of
    /// Investigation"), when it has two or more: what an acronym is matched with.
    initials: Option<String>,
}

/// The initials of the capitalised words of `s`, articles aside, when there are two or more.
fn initials(s: &str) -> Option<String> {
    let i: String = s
        .split([' ', '-'])
        .filter(|w| !matches!(*w, "The" | "A" | "An"))
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    (i.chars().count() >= 2).then_some(i)
}

/// The most description words an entity keeps.
const MAX_WORDS: usize = 32;

/// The content words of a mention, lower-cased, possessives and articles cut ("Donald Trump’s
/// campaign" → donald, trump, campaign).
fn content_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split_whitespace().filter_map(|w| {
        let w = fold(mention::strip_quotes(w));
        let w = w.strip_suffix("'s").unwrap_or(&w).trim_end_matches([',', '.']);
        (!w.is_empty() && !["the", "a", "an", "this", "that", "these", "those", "of", "for", "and"].contains(&w))
            .then(|| w.to_string())
    })
}

/// The most titles an entity keeps: more is adversarial input, and every question asked of
/// them (clustering a description) stays a short scan.
const MAX_TITLES: usize = 16;

/// A courtesy title alone: "Mr", "Mrs.", "Ms" ("Dr" and "Gen." say what someone is).
fn is_honorific(t: &str) -> bool {
    matches!(t.trim_end_matches('.').to_lowercase().as_str(), "mr" | "mrs" | "ms" | "miss" | "messrs")
}

/// An entity's titles in order of first appearance (ASCII case-insensitively distinct).
#[derive(Default)]
struct Titles {
    list: Vec<String>,
}

impl Titles {
    /// Adds `t` unless an equal is there already or the list is full.
    fn add(&mut self, t: &str) {
        if self.list.len() < MAX_TITLES && !self.list.iter().any(|x| x.eq_ignore_ascii_case(t)) {
            self.list.push(t.to_string());
        }
    }

    /// True when a title, lower-cased, has the lower-case word `w` among its words.
    fn has_word(&self, w: &str) -> bool {
        self.list.iter().any(|t| t.to_lowercase().split_whitespace().any(|x| x == w))
    }

    /// True when `needle` occurs inside one of the titles.
    fn any_contains(&self, needle: &str) -> bool {
        self.list.iter().any(|t| t.contains(needle))
    }
}

fn compatible_kind(p: Pronoun, k: SpeakerKind) -> bool {
    match p {
        Pronoun::Person => k == SpeakerKind::Person,
        Pronoun::Plural => matches!(
            k,
            SpeakerKind::Group | SpeakerKind::Organisation | SpeakerKind::MediaOutlet | SpeakerKind::GovernmentBody
        ),
        Pronoun::Thing => matches!(
            k,
            SpeakerKind::Organisation | SpeakerKind::MediaOutlet | SpeakerKind::GovernmentBody | SpeakerKind::Document
        ),
        Pronoun::Any => true,
    }
}

/// Result of clustering: the speakers and, for each input mention, its speaker id.
pub struct Clusters {
    /// Speakers, ids in order of first mention.
    pub speakers: Vec<Speaker>,
    /// For each input mention (same order as given), its speaker id.
    pub of_mention: Vec<u32>,
}

/// Cluster the source mentions (given in document order of their claims) of `text`.
pub fn cluster(text: &str, mentions: &[Span]) -> Clusters {
    cluster_scoped(text, mentions, &[])
}

/// [`cluster`], with each mention's scope: the stretch of text its claim reports (the hull of
/// its content; empty, or missing, for none). A pronoun's antecedent is never inside its own
/// claim's content: in "People like Scott, he said" or "“Trump’s plan fails,” he said", "he" is
/// the speaker named before, not the man talked about.
pub fn cluster_scoped(text: &str, mentions: &[Span], scopes: &[Span]) -> Clusters {
    // The text's full names, read once and only when needed.
    let mut full = None;
    let (mut entities, mut of_mention, pronouns) = group(text, mentions, &mut full);
    surnames_gender(text, &mut entities, &mut full);
    add_name_mentions(text, &mut entities);
    resolve_pronouns(text, &mut entities, &mut of_mention, &pronouns, scopes);
    // "The Republican presidential nominee" → Donald Trump, when the article says so.
    let mut holder = holders::link(text, &entities);
    holders::bare_heads(text, &entities, &mut holder);
    for (e, h) in holder.iter().enumerate() {
        if let Some(h) = *h {
            let moved = std::mem::take(&mut entities[e].mentions);
            entities[h].mentions.extend(moved);
        }
    }
    for id in &mut of_mention {
        if let Some(h) = holder[*id as usize] {
            *id = h as u32;
        }
    }
    let live = |e: usize| holder[e].is_none() && !entities[e].mentions.is_empty();
    // Ids by first mention.
    let mut ids: Vec<usize> = (0..entities.len()).filter(|&e| live(e)).collect();
    sort_by(&mut ids, &|e| entities[e].mentions.iter().map(|s| s.start).min().unwrap_or(usize::MAX));
    let mut new_id = vec![u32::MAX; entities.len()];
    for (new, &old) in ids.iter().enumerate() {
        new_id[old] = new as u32;
    }
    let speakers = ids
        .iter()
        .enumerate()
        .map(|(new, &old)| {
            let e = &entities[old];
            let named_person = e.name.is_some() && e.kind == SpeakerKind::Person;
            let (anonymity, evidence) = if named_person { (Anonymity::Named, "") } else { e.anonymity };
            let anonymous = anonymity == Anonymity::Anonymous;
            let mut mentions = e.mentions.clone();
            sort_spans(&mut mentions);
            mentions.dedup();
            Speaker {
                id: new as u32,
                name: e.name.clone().unwrap_or_else(|| {
                    // "Two Senate aides, who …": the card is named without the clause.
                    mention::without_relative_clause(text, e.description).text(text).trim().to_string()
                }),
                kind: e.kind,
                anonymous,
                anonymity,
                evidence: evidence.to_string(),
                // Reached only through pronouns: its antecedent may be wrong.
                confidence: if e.described == 0 { 0.5 } else { 1.0 },
                // "Mr" says nothing a reader needs ("Mr Williams", "Mr. Obama").
                titles: e.titles.list.iter().filter(|t| !is_honorific(t)).cloned().collect(),
                mentions,
            }
        })
        .collect();
    for id in &mut of_mention {
        // Every mention's entity is live (a pronoun moved away leaves no mention behind it).
        *id = new_id.get(*id as usize).copied().filter(|&n| n != u32::MAX).unwrap_or(0);
    }
    Clusters { speakers, of_mention }
}

/// "Clinton" is a woman when the article writes "Hillary Clinton" somewhere (in a quotation, a
/// joint source, a possessive) and no man of that surname: persons known by their surname alone
/// take the gender of the full names the text has — and the full name itself when the text
/// writes one only ("Chen said" after "led by Dr. Emily Chen": the card reads "Emily Chen").
fn surnames_gender(text: &str, entities: &mut [Entity], full: &mut Option<names::FullNamesMap>) {
    let alone = |e: &Entity| e.kind == SpeakerKind::Person && e.lname.as_deref().is_some_and(|n| !n.contains(' '));
    if !entities.iter().any(alone) {
        return;
    }
    let full = full.get_or_insert_with(|| names::full_names(text));
    for e in entities.iter_mut().filter(|e| alone(e)) {
        let Some(f) = e.lname.as_deref().and_then(|n| full.get(n)) else { continue };
        if e.female.is_none() {
            match f.genders {
                1 => e.female = Some(false),
                2 => e.female = Some(true),
                _ => {}
            }
        }
        if !f.several && f.genders != 3 {
            e.lname = Some(fold(&f.first));
            e.name = Some(f.first.clone());
        }
    }
}

/// The mentions in document order, each joined to an entity or starting one: the entities in
/// order of creation and, for each mention, the index of its entity.
fn group(
    text: &str,
    mentions: &[Span],
    full: &mut Option<names::FullNamesMap>,
) -> (Vec<Entity>, Vec<u32>, Vec<PronounMention>) {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    sort_by(&mut order, &|i| mentions[i].start);
    let mut entities: Vec<Entity> = Vec::new();
    let mut index = Index::default();
    let mut of_mention = vec![0u32; mentions.len()];
    // Entity of the most recent mention, for pronouns/descriptions: (position, entity).
    let mut recent: Vec<(usize, usize)> = Vec::new();
    let mut pronouns = Vec::new();
    for &mi in &order {
        let mut m = describe(text, mentions[mi]);
        // "PENCE:" (a transcript's label) is no acronym when the text writes "Mike Pence": a
        // word in capitals that follows a first name the lexicon knows is that person's surname.
        if let Some(n) = m.name.as_deref().filter(|n| n.len() > 3 && n.bytes().all(|b| b.is_ascii_uppercase())) {
            if m.kind == SpeakerKind::Organisation
                && full.get_or_insert_with(|| names::full_names(text)).contains_key(&fold(n))
            {
                m.kind = SpeakerKind::Person;
            }
        }
        if let Some(p) = m.pronoun {
            pronouns.push(PronounMention { mention: mi, span: m.span, pronoun: p, female: m.female });
        }
        let lname = m.name.as_deref().map(fold);
        // "its sources": keyed by the outlet mentioned last, both to find and to create.
        let outlet = m.outlet_possessor.then(|| outlet_key(&m, &entities, &recent));
        let found = find_entity(&m, lname.as_deref(), outlet.as_deref(), &entities, &mut index, &recent);
        let e = match found {
            Some(e) => e,
            None => {
                entities.push(Entity {
                    name: m.name.clone(),
                    lname: lname.clone(),
                    description: m.span,
                    // A pronoun with no antecedent: "he"/"she" is a person, "they" a group.
                    kind: match m.pronoun {
                        Some(Pronoun::Person) => SpeakerKind::Person,
                        Some(Pronoun::Plural) => SpeakerKind::Group,
                        _ => m.kind,
                    },
                    titles: Titles::default(),
                    anonymous: m.anonymous,
                    anonymity: (m.anonymity, m.evidence),
                    described: 0,
                    female: if m.pronoun.is_none() { m.female } else { None },
                    mentions: Vec::new(),
                    key: outlet.unwrap_or_else(|| m.key.clone()),
                    surname: None,
                    words: Vec::new(),
                    initials: if m.pronoun.is_none() { initials(m.span.text(text)) } else { None },
                });
                let e = entities.len() - 1;
                index.add(e, &entities[e]);
                e
            }
        };
        let ent = &mut entities[e];
        // Mentions arrive in document order: a repeated span (one source, two claims) is the last one.
        if ent.mentions.last() == Some(&m.span) {
            // The same span as source of two claims.
        } else {
            ent.mentions.push(m.span);
        }
        if m.pronoun.is_none() {
            // What the index keys on and this mention changes: re-index just that.
            let to_person = ent.kind == SpeakerKind::Unknown && m.kind == SpeakerKind::Person;
            let (new_name, new_surname) = match &m.name {
                Some(n) => (
                    ent.name.as_deref().is_none_or(|old| better_name(n, old)),
                    (ent.kind == SpeakerKind::Person || m.kind == SpeakerKind::Person)
                        && ent.surname.as_deref() != n.rsplit(' ').next(),
                ),
                None => (false, false),
            };
            let (relink_name, relink_surname) = (new_name || to_person, new_surname || to_person);
            if relink_name {
                index.unlink_name(e, ent);
            }
            if relink_surname {
                index.unlink_surname(e, ent);
            }
            if let Some(n) = &m.name {
                if ent.name.as_deref().is_none_or(|old| better_name(n, old)) {
                    ent.name = Some(n.clone());
                    ent.lname = lname;
                }
                if ent.kind == SpeakerKind::Person || m.kind == SpeakerKind::Person {
                    ent.surname = n.rsplit(' ').next().map(str::to_string);
                }
            }
            if let Some(t) = &m.title {
                if m.name.is_some() {
                    ent.titles.add(t);
                }
            }
            if ent.kind == SpeakerKind::Unknown {
                ent.kind = m.kind;
            }
            if !m.anonymous && m.name.is_some() {
                ent.anonymous = false;
                ent.anonymity = (Anonymity::Named, "");
            }
            if ent.described == 0 && m.name.is_none() {
                // A pronoun came first: the first description decides.
                ent.anonymity = (m.anonymity, m.evidence);
            }
            ent.described += 1;
            for w in content_words(m.span.text(text)) {
                if ent.words.len() < MAX_WORDS && !ent.words.contains(&w) {
                    ent.words.push(w);
                }
            }
            ent.female = ent.female.or(m.female);
            if relink_name {
                index.link_name(e, ent);
            }
            if relink_surname {
                index.link_surname(e, ent);
            }
        }
        of_mention[mi] = e as u32;
        recent.push((m.span.start, e));
    }
    (entities, of_mention, pronouns)
}

/// Sorts indices by a key (stable). One instantiation of the sort for every caller: the key is
/// a `dyn Fn`, not a closure type of its own (each would add a copy of the sort to the wasm).
pub(crate) fn sort_by(v: &mut [usize], key: &dyn Fn(usize) -> usize) {
    v.sort_by_key(|&i| key(i));
}

/// `items` in the order of their indices `order` (each index taken once; others dropped).
pub(crate) fn permuted<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&k| slots.get_mut(k).and_then(Option::take)).collect()
}

/// Sorts spans by start, then end, through [`sort_by`] (no sort instantiated for spans).
pub(crate) fn sort_spans(v: &mut Vec<Span>) {
    let mut by: Vec<usize> = (0..v.len()).collect();
    sort_by(&mut by, &|k| v[k].end);
    sort_by(&mut by, &|k| v[k].start);
    *v = by.iter().map(|&k| v[k]).collect();
}

/// A pronoun among the source mentions, resolved again once every name occurrence is known.
struct PronounMention {
    mention: usize,
    span: Span,
    pronoun: Pronoun,
    female: Option<bool>,
}

/// Gives each pronoun the nearest earlier speaker that fits (kind and gender) among all the
/// mentions now known — the sources and every other occurrence of a speaker's name: "Trump …
/// Earnest said … Mr. Trump’s remarks … he said" is Trump's "he", not Earnest's.
fn resolve_pronouns(
    text: &str,
    entities: &mut [Entity],
    of_mention: &mut [u32],
    pronouns: &[PronounMention],
    scopes: &[Span],
) {
    let own: HashSet<usize> = pronouns.iter().map(|p| p.span.start).collect();
    let unsorted: Vec<(usize, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.described > 0)
        .flat_map(|(e, ent)| ent.mentions.iter().filter(|s| !own.contains(&s.start)).map(move |s| (s.start, e)))
        .collect();
    let mut by_pos: Vec<usize> = (0..unsorted.len()).collect();
    sort_by(&mut by_pos, &|k| unsorted[k].0);
    let marks: Vec<(usize, usize)> = by_pos.iter().map(|&k| unsorted[k]).collect();
    // Which marks are possessives ("Mr. Tribe's client"): the mention ends in 's or is followed by it.
    // (Objects of a preposition too, "agreed with Matthews", were tried: as many wrong as right.)
    let mut possessive: HashSet<usize> = HashSet::default();
    for ent in entities.iter() {
        for s in &ent.mentions {
            let after = text.get(s.end..).unwrap_or("");
            if mention::is_possessive(s.text(text).trim_end()) || after.starts_with("'s") || after.starts_with("’s") {
                possessive.insert(s.start);
            }
        }
    }
    for p in pronouns {
        let k = marks.partition_point(|&(pos, _)| pos < p.span.start);
        let fits = |e: usize| {
            let ent = &entities[e];
            let gender_ok = !(p.female.is_some() && ent.female.is_some() && p.female != ent.female);
            gender_ok && (compatible_kind(p.pronoun, ent.kind) || ent.kind == SpeakerKind::Unknown)
        };
        // "she" prefers the nearest known woman to a nearer speaker of unknown gender ("Hillary
        // Clinton … Trump … she said"), then takes the nearest that fits.
        // (Not for "who", "which": a relative pronoun's antecedent is right before it.)
        let scope = scopes.get(p.mention).copied().filter(|_| p.pronoun != Pronoun::Any).unwrap_or_default();
        // The marks inside the scope are one run of the sorted marks: skipped in one step.
        let a = marks.partition_point(|&(pos, _)| pos < scope.start).min(k);
        let b = marks.partition_point(|&(pos, _)| pos < scope.end).clamp(a, k);
        let window = || marks[b..k].iter().rev().chain(marks[..a].iter().rev()).take(64).map(|&(_, e)| e);
        // "he" passes over only unnamed speakers of unknown gender ("one questioner … Trump …
        // he said"): most named ones of unknown gender in news are men.
        let known = p.female.and_then(|f| {
            let nearest = window().find(|&e| fits(e))?;
            let passable = |e: usize| entities[e].female.is_none() && (f || entities[e].name.is_none());
            if !passable(nearest) {
                return Some(nearest);
            }
            window().find(|&e| fits(e) && entities[e].female == Some(f))
        });
        let Some(to) = known.or_else(|| window().find(|&e| fits(e))) else { continue };
        let to = past_possessive(text, &marks[..k], &possessive, to, |e| {
            fits(e) && (p.female.is_none() || entities[e].female.is_none_or(|f| Some(f) == p.female))
        });
        let from = of_mention[p.mention] as usize;
        if to == from {
            continue;
        }
        entities[from].mentions.retain(|s| *s != p.span);
        if !entities[to].mentions.contains(&p.span) {
            entities[to].mentions.push(p.span);
        }
        of_mention[p.mention] = to as u32;
    }
}

/// The subject over a possessive: "Mr. Obama dismissed the criticism as the voice of Mr. Tribe's
/// client … 'I love Larry,' he said" is Obama's "he". When the latest mention of `to` before the
/// pronoun (`marks`: the mentions before it, in order) is a possessive and an earlier mention of
/// the same sentence is of another speaker that `fits` and no possessive, that one is meant.
fn past_possessive(
    text: &str,
    marks: &[(usize, usize)],
    possessive: &HashSet<usize>,
    to: usize,
    fits: impl Fn(usize) -> bool,
) -> usize {
    let Some(idx) = marks.iter().rposition(|&(_, e)| e == to) else { return to };
    let at = marks[idx].0;
    if !possessive.contains(&at) {
        return to;
    }
    // Back over at most 16 mentions and 400 bytes, each byte read once.
    let mut upto = at;
    for &(pos, e) in marks[..idx].iter().rev().take(16) {
        if at - pos > 400 || sentence_ends(text.get(pos..upto).unwrap_or("")) {
            break;
        }
        upto = pos;
        if e != to && fits(e) && !possessive.contains(&pos) {
            return e;
        }
    }
    to
}

/// Whether `s` holds a sentence end: a full stop, "!" or "?" before white space, or a line break
/// ("Mr." and "U.S." aside: a full stop after a short capitalised word or another full stop).
fn sentence_ends(s: &str) -> bool {
    let b = s.as_bytes();
    let mut word_start = 0;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\n' => return true,
            b' ' | b'\t' => word_start = i + 1,
            b'.' | b'!' | b'?'
                if b.get(i + 1).is_some_and(u8::is_ascii_whitespace)
                    && !(c == b'.' && mention::abbreviation(s.get(word_start..i).unwrap_or(""))) =>
            {
                return true
            }
            _ => {}
        }
    }
    false
}

/// "Melania Trump" is not "Donald Trump": two full names with different first words — unless
/// one is the other with a stray word before it ("Rival Hillary Clinton", a sentence-initial
/// capital).
fn first_names_differ(lname: &str, e: &Entity) -> bool {
    let Some(el) = e.lname.as_deref() else { return false };
    match (lname.split_once(' '), el.split_once(' ')) {
        (Some((a, _)), Some((b, _))) => {
            a != b && lname != el && !ends_with_words(lname, el) && !ends_with_words(el, lname)
        }
        _ => false,
    }
}

/// True when `long` is `short` with whole words before it.
fn ends_with_words(long: &str, short: &str) -> bool {
    long.len() > short.len() && long.ends_with(short) && long.as_bytes()[long.len() - short.len() - 1] == b' '
}

/// Whether a new name `n` should replace an entity's name `old`: the longer one, unless it is
/// the old full name with stray words before it ("Rival Hillary Clinton" after "Hillary Clinton");
/// and a full name the old one only adds such words to.
fn better_name(n: &str, old: &str) -> bool {
    (n.len() > old.len() && !(old.contains(' ') && ends_with_words(n, old)))
        || (n.contains(' ') && ends_with_words(old, n))
}

/// A name as names are compared: lower case, one apostrophe ("O’Neill" = "O'Neill").
pub(super) fn fold(name: &str) -> String {
    name.to_lowercase().replace('’', "'")
}

/// Key of "its sources", "the publication’s interlocutors": the outlet among the last 256
/// mentions, lower-cased, and the head ("nbc news sources").
fn outlet_key(m: &Mention, entities: &[Entity], recent: &[(usize, usize)]) -> String {
    let head = m.head.as_deref().unwrap_or("");
    let head = if matches!(head, "interlocutors" | "sources" | "source") { "sources" } else { head };
    let outlet = recent.iter().rev().take(256).map(|&(_, e)| &entities[e]).find(|e| e.kind == SpeakerKind::MediaOutlet);
    match outlet.and_then(|e| e.lname.as_deref()) {
        Some(n) => format!("{n} {head}"),
        None => m.key.clone(),
    }
}

/// "The campaign", "the Trump campaign" after "Donald Trump’s campaign"; "the appeals court"
/// after "a federal appeals court": an institution or group of a compatible kind whose words
/// hold the description's head and every other word of it.
fn same_head(m: &Mention, ent: &Entity) -> bool {
    let institution = |k: SpeakerKind| matches!(k, SpeakerKind::GovernmentBody | SpeakerKind::Organisation);
    let kind_ok =
        ent.kind == m.kind || ent.kind == SpeakerKind::Unknown || (institution(ent.kind) && institution(m.kind));
    let Some(head) = m.head.as_deref() else { return false };
    kind_ok
        && !ent.anonymous
        && ent.words.iter().any(|w| w == head)
        && m.key.split(' ').all(|w| ent.words.iter().any(|x| x == w))
}

/// The entity of the latest of the last `n` mentions (`recent`: in document order) that `fits`.
fn latest(recent: &[(usize, usize)], n: usize, fits: impl Fn(usize) -> bool) -> Option<usize> {
    recent.iter().rev().take(n).map(|&(_, e)| e).find(|&e| fits(e))
}

/// "CNS" after "Christian News Service", "FBI" after "the Federal Bureau of Investigation": the
/// latest speaker among the last 256 mentions whose capitalised words' initials spell the
/// mention's all-capital name.
fn acronym_of(m: &Mention, entities: &[Entity], recent: &[(usize, usize)]) -> Option<usize> {
    let name = m.name.as_deref()?;
    if !(2..=6).contains(&name.len()) || !name.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    latest(recent, 256, |e| {
        let ent = &entities[e];
        ent.initials.as_deref() == Some(name)
    })
}

/// "The Federal Aviation Administration" after a headline's "FAA": the latest speaker among the
/// last 256 mentions whose all-capital name the mention's capitalised words' initials spell.
fn expansion_of(m: &Mention, entities: &[Entity], recent: &[(usize, usize)]) -> Option<usize> {
    let name = m.name.as_deref()?;
    if !name.contains(' ') || m.kind == SpeakerKind::Person {
        return None;
    }
    let init = initials(name)?;
    latest(recent, 256, |e| entities[e].name.as_deref() == Some(init.as_str()))
}

/// "Sir Keir" after "Keir Starmer", "Dame Judi" after "Judi Dench": a British honorific goes with
/// the first name — the latest person among the last 256 mentions whose full name begins with it.
fn knighted(m: &Mention, lname: &str, entities: &[Entity], recent: &[(usize, usize)]) -> Option<usize> {
    let title = m.title.as_deref()?.to_ascii_lowercase();
    if !matches!(title.rsplit(' ').next(), Some("sir" | "dame")) || lname.contains(' ') {
        return None;
    }
    latest(recent, 256, |e| {
        let ent = &entities[e];
        ent.kind == SpeakerKind::Person
            && ent.lname.as_deref().and_then(|n| n.split_once(' ')).is_some_and(|(f, _)| f == lname)
    })
}

/// "the Security Council" after "the United Nations Security Council": the latest institution
/// among the last 256 mentions whose name ends with the mention's name of two words or more.
fn short_institution(m: &Mention, lname: &str, entities: &[Entity], recent: &[(usize, usize)]) -> Option<usize> {
    let institution = |k: SpeakerKind| matches!(k, SpeakerKind::GovernmentBody | SpeakerKind::Organisation);
    if !institution(m.kind) || !lname.contains(' ') {
        return None;
    }
    latest(recent, 256, |e| {
        let ent = &entities[e];
        institution(ent.kind) && ent.lname.as_deref().is_some_and(|n| ends_with_words(n, lname))
    })
}

/// "The Times", "The Post" after "The New York Times": the latest outlet among the last 256
/// mentions whose name ends with the mention's one word.
fn short_outlet(m: &Mention, lname: &str, entities: &[Entity], recent: &[(usize, usize)]) -> Option<usize> {
    let word = lname.strip_prefix("the ").unwrap_or(lname);
    if word.contains(' ') || !(m.kind == SpeakerKind::MediaOutlet || mention::newspaper(&format!(" {word}"))) {
        return None;
    }
    latest(recent, 256, |e| {
        let ent = &entities[e];
        ent.kind == SpeakerKind::MediaOutlet && ent.lname.as_deref().is_some_and(|n| ends_with_words(n, word))
    })
}

/// The entity a mention joins, if any. `lname`: the mention's name lower-cased; `outlet`: its
/// [`outlet_key`] when its possessor is an outlet.
fn find_entity(
    m: &Mention,
    lname: Option<&str>,
    outlet: Option<&str>,
    entities: &[Entity],
    index: &mut Index,
    recent: &[(usize, usize)],
) -> Option<usize> {
    if let Some(p) = m.pronoun {
        return recent.iter().rev().take(64).map(|&(_, e)| e).find(|&e| {
            let ent = &entities[e];
            // "she" is no man, "he" no woman.
            let gender_ok = !(m.female.is_some() && ent.female.is_some() && m.female != ent.female);
            gender_ok && (compatible_kind(p, ent.kind) || ent.kind == SpeakerKind::Unknown)
        });
    }
    if let Some(lname) = lname {
        // A joint source ("Donald Trump and Hillary Clinton") is the same pair again, never one
        // of its members by surname.
        if m.kind == SpeakerKind::Group && m.head.as_deref() == Some("and") {
            return index.same_name(entities, lname);
        }
        let person = m.kind == SpeakerKind::Person;
        let found = index.named(entities, lname, person).filter(|&e| !first_names_differ(lname, &entities[e]));
        // A lone word ("Zoka", "Bloomberg") may be the short name of an outlet or body met before.
        let lone = person && !lname.contains(' ');
        let found = found.or_else(|| if lone { index.named(entities, lname, false) } else { None });
        let found = found.or_else(|| short_outlet(m, lname, entities, recent));
        return found
            .or_else(|| acronym_of(m, entities, recent))
            .or_else(|| expansion_of(m, entities, recent))
            .or_else(|| knighted(m, lname, entities, recent))
            .or_else(|| short_institution(m, lname, entities, recent));
    }
    if m.anonymous {
        return index.first_anonymous(entities, outlet.unwrap_or(&m.key));
    }
    if m.definite {
        let head = m.head.as_deref().unwrap_or("");
        // Descriptions refer back a short way: look at the last 64 mentions at most.
        for &(_, e) in recent.iter().rev().take(64) {
            let ent = &entities[e];
            let fits = match m.kind {
                SpeakerKind::MediaOutlet | SpeakerKind::Document => ent.kind == m.kind,
                SpeakerKind::Person => {
                    ent.kind == SpeakerKind::Person
                        && ent.name.is_some()
                        && (head == "official" || ent.titles.has_word(head))
                        // "attorney general" is one head: a general is no attorney general.
                        && (!holders::TWO_WORD_HEADS.contains(&head)
                            || m.title.as_deref().and_then(|t| t.split_whitespace().rev().nth(1)).is_some_and(
                                |w| ent.titles.has_word(&w.to_lowercase()),
                            ))
                        && m.modifiers.iter().all(|md| ent.titles.any_contains(md))
                }
                SpeakerKind::GovernmentBody | SpeakerKind::Organisation | SpeakerKind::Group => {
                    ent.key == m.key || same_head(m, ent)
                }
                _ => false,
            };
            if fits {
                return Some(e);
            }
        }
    }
    // "Daily walks cut risk, large study finds" … "according to a study published Wednesday":
    // an unnamed document is the one of the same head met just before, unless it says it is
    // another ("another study", "a separate poll") or a capitalised word sets it apart ("a CNN
    // poll" after "a Fox News poll").
    if m.kind == SpeakerKind::Document && m.name.is_none() {
        let title = m.title.as_deref().unwrap_or("").to_ascii_lowercase();
        let other = title.split(' ').any(|w| {
            ["another", "other", "second", "separate", "different", "earlier", "previous", "latest"].contains(&w)
        });
        if other {
            return None;
        }
        let found = latest(recent, 64, |e| {
            let ent = &entities[e];
            ent.kind == SpeakerKind::Document
                && same_head(m, ent)
                && m.modifiers.iter().all(|md| ent.words.iter().any(|w| *w == md.to_lowercase()))
        });
        if found.is_some() {
            return found;
        }
    }
    index.first_by_key.get(&m.key).map(|&e| e as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random numbers (64-bit LCG, high bits).
    pub(super) struct Lcg(pub(super) u64);

    impl Lcg {
        pub(super) fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }
    }

    /// A syllable word: "Zoka", "Velutim".
    fn word(rng: &mut Lcg) -> String {
        const SYL: &[&str] = &["ka", "lo", "mi", "ra", "zu", "ve", "ti", "no", "sa", "be"];
        const START: &[&str] = &["K", "L", "M", "R", "Z", "V", "T", "N", "S", "B"];
        let mut w = START[rng.below(START.len())].to_string();
        for _ in 0..1 + rng.below(3) {
            w.push_str(SYL[rng.below(SYL.len())]);
        }
        w
    }

    /// The spans of the first occurrence of each of `mentions` in `text`.
    fn spans_of(text: &str, mentions: &[&str]) -> Vec<Span> {
        mentions
            .iter()
            .map(|m| {
                let s = text.find(m).unwrap();
                Span::new(s, s + m.len())
            })
            .collect()
    }

    fn speakers_of(text: &str) -> Vec<(String, Vec<&str>)> {
        // Every phrase before " said" is a mention.
        let mut spans = Vec::new();
        let mut from = 0;
        for sentence in text.split_inclusive(". ") {
            if let Some(p) = sentence.find(" said") {
                spans.push(Span::new(from, from + p));
            }
            from += sentence.len();
        }
        let c = cluster(text, &spans);
        c.speakers.iter().map(|s| (s.name.clone(), s.mentions.iter().map(|m| m.text(text)).collect())).collect()
    }

    #[test]
    fn surname_first_then_full_name() {
        // A headline "Trump" is a person: "Donald Trump" joins it by surname whichever comes
        // first; "Melania Trump" (another first name) is someone else.
        let sp = speakers_of("Trump said no. Donald Trump said yes. Melania Trump said maybe. ");
        assert_eq!(
            sp,
            vec![
                ("Donald Trump".to_string(), vec!["Trump", "Donald Trump"]),
                ("Melania Trump".to_string(), vec!["Melania Trump"]),
            ]
        );
        let sp = speakers_of("Donald Trump said yes. Trump said no. TRUMP said so. ");
        assert_eq!(sp, vec![("Donald Trump".to_string(), vec!["Donald Trump", "Trump", "TRUMP"])]);
    }

    #[test]
    fn a_pronoun_takes_the_nearest_fitting_name_even_when_it_is_no_source() {
        // Only the phrases before " said" are mentions; "Trump" in the third sentence is found
        // as a name occurrence, and "He" after it is his.
        let text = "Donald Trump said no. Josh Earnest said yes. Critics of Trump spoke. He said so. ";
        let c = cluster(text, &spans_of(text, &["Donald Trump", "Josh Earnest", "He"]));
        assert_eq!(c.of_mention[2], c.of_mention[0], "{:?}", c.speakers);
        assert!(c.speakers.iter().all(|s| !s.mentions.is_empty()));
    }

    #[test]
    fn a_courtesy_title_is_no_title() {
        let text = "Mr Williams said no. Argentine President Adolfo Rodriguez Saa said yes. Mr Rodriguez Saa said so. ";
        let c = cluster(
            text,
            &spans_of(text, &["Mr Williams", "Argentine President Adolfo Rodriguez Saa", "Mr Rodriguez Saa"]),
        );
        let titles: Vec<&Vec<String>> = c.speakers.iter().map(|s| &s.titles).collect();
        assert_eq!(titles, [&Vec::<String>::new(), &vec!["Argentine President".to_string()]]);
    }

    #[test]
    fn she_is_no_man() {
        let sp = speakers_of("Hillary Clinton said no. Donald Trump said yes. She said so. He said not. ");
        assert_eq!(sp[0], ("Hillary Clinton".to_string(), vec!["Hillary Clinton", "She"]));
        assert_eq!(sp[1], ("Donald Trump".to_string(), vec!["Donald Trump", "He"]));
    }

    #[test]
    fn a_gendered_pronoun_passes_over_speakers_of_unknown_gender() {
        // "she": the nearest known woman before a nearer speaker of unknown gender.
        let sp = speakers_of("Hillary Clinton said no. Trump said yes. She said so. ");
        assert_eq!(sp[0], ("Hillary Clinton".to_string(), vec!["Hillary Clinton", "She"]));
        // A title says it: "widow".
        let sp = speakers_of("Josh Earnest said no. 9/11 widow Terry Strada said yes. She said so. ");
        assert_eq!(sp[1].1, vec!["9/11 widow Terry Strada", "She"]);
        // "he" passes over an unnamed speaker of unknown gender, not over a named one.
        let sp = speakers_of("Donald Trump said no. One questioner said yes. He said so. ");
        assert_eq!(sp[0].1, vec!["Donald Trump", "He"]);
        let sp = speakers_of("Donald Trump said no. Johnson said yes. He said so. ");
        assert_eq!(sp[1].1, vec!["Johnson", "He"]);
    }

    #[test]
    fn a_relative_pronoun_is_the_name_before_it() {
        let text = "The mood was typified by Britain's Queen Elizabeth II, who said 2001 brought trials. Later, the bill passed, Clinton said. Trump, who spoke later, said it was bad.";
        let who = |from: usize| {
            let s = text[from..].find("who").unwrap() + from;
            Span::new(s, s + 3)
        };
        let c = cluster(text, &[who(0), who(90)]);
        let names: Vec<&str> = c.speakers.iter().map(|s| s.name.as_str()).collect();
        // Not "Clinton. Trump": a sentence's end closes the run of capitalised words.
        assert_eq!(names, ["Elizabeth II", "Trump"]);
        // A description before it: "nervous Democrats on Capitol Hill, who".
        // Any white space, any width: a no-break space before the name.
        let text = "and then\u{a0}Trump, who spoke, said so.";
        let s = text.find("who").unwrap();
        assert_eq!(cluster(text, &[Span::new(s, s + 3)]).speakers[0].name, "Trump");
        let text = "It will placate nervous Democrats on Capitol Hill, who have argued that it helps.";
        let s = text.find("who").unwrap();
        let c = cluster(text, &[Span::new(s, s + 3)]);
        assert_eq!(c.speakers[0].kind, SpeakerKind::Group);
    }

    #[test]
    fn a_card_is_named_without_its_relative_clause() {
        let sp = speakers_of("Two Senate aides, who asked not to be identified because the talks are private, said the vote could slip. ");
        assert_eq!(sp.len(), 1, "{sp:?}");
        assert_eq!(sp[0].0, "Two Senate aides");
    }

    #[test]
    fn a_role_description_joins_its_named_holder() {
        let sp = speakers_of(
            "Indiana Governor Mike Pence said no. Hillary Clinton said yes. The Indiana governor said so. ",
        );
        assert_eq!(sp[0], ("Mike Pence".to_string(), vec!["Indiana Governor Mike Pence", "The Indiana governor"]));
        // A headline's description of someone named later, when the head (or a word for the same
        // job) and two modifiers say so.
        let sp = speakers_of(
            "A State Department representative said no. State Department deputy spokesperson Vedant Patel said yes. ",
        );
        assert_eq!(sp.len(), 1, "{sp:?}");
        let sp = speakers_of("A State Department representative said no. Ohio spokesperson Vedant Patel said yes. ");
        assert_eq!(sp.len(), 2, "{sp:?}");
        // A definite description needs the head and one modifier.
        let sp =
            speakers_of("The New York state attorney general said no. Attorney General Eric Schneiderman said yes. ");
        assert_eq!(sp.len(), 1, "{sp:?}");
        let sp = speakers_of("A New York attorney general said no. Attorney General Eric Schneiderman said yes. ");
        assert_eq!(sp.len(), 2, "{sp:?}");
        // Without the article saying who holds the role, the description stays apart.
        let sp = speakers_of("Mike Pence said no. Hillary Clinton said yes. The Ohio governor said so. ");
        assert_eq!(sp.len(), 3);
        // A role with a prepositional phrase: its head is the word before "from".
        let sp = speakers_of("Senator Ted Cruz said no. Hillary Clinton said yes. The senator from Texas said so. ");
        assert_eq!(sp[0].1, ["Senator Ted Cruz", "The senator from Texas"], "{sp:?}");
        // Not when nobody's words hold the head.
        let sp = speakers_of("Ted Cruz said no. Hillary Clinton said yes. The senator from Texas said so. ");
        assert_eq!(sp.len(), 3, "{sp:?}");
        // The description's own clause before a name is no evidence: "A reporter for USA Today
        // spotted Stein" is someone else than Stein.
        let text = "Jill Stein said no. A reporter for USA Today spotted Jill Stein and reported it. ";
        let c = cluster(text, &spans_of(text, &["Jill Stein", "A reporter for USA Today"]));
        assert_eq!(c.speakers.len(), 2, "{:?}", c.speakers);
    }

    #[test]
    fn a_pronoun_prefers_the_subject_to_a_possessive_of_its_sentence() {
        // Only the phrases before " said" are mentions; "Tribe" inside "Mr. Tribe’s client" is a
        // name occurrence, nearer the pronoun than Obama but a possessive.
        let text = "Laurence Tribe said no. Barack Obama dismissed it as the voice of Mr. Tribe’s client. He said so. ";
        let c = cluster(text, &spans_of(text, &["Laurence Tribe", "Barack Obama", "He"]));
        assert_eq!(c.of_mention[2], c.of_mention[1], "{:?}", c.speakers);
        // A possessive with no other speaker in its sentence is still the antecedent.
        let text =
            "Barack Obama said no. Mr. Tribe’s client filed for bankruptcy. Laurence Tribe said it. He said so. ";
        let c = cluster(text, &spans_of(text, &["Barack Obama", "Laurence Tribe", "He"]));
        assert_eq!(c.of_mention[2], c.of_mention[1], "{:?}", c.speakers);
    }

    #[test]
    fn a_pronoun_never_refers_into_its_own_claim() {
        // "People like Scott, he said": the claim's content names Scott, "he" is Brooks.
        let text = "Bobby Scott said no. Cornell Brooks said much. People like Scott, he said. ";
        let at = |m: &str| {
            let s = text.rfind(m).unwrap();
            Span::new(s, s + m.len())
        };
        let spans = [at("Bobby Scott"), at("Cornell Brooks"), at("he")];
        let scopes = [Span::default(), Span::default(), at("People like Scott")];
        let c = cluster_scoped(text, &spans, &scopes);
        assert_eq!(c.of_mention[2], c.of_mention[1], "{:?}", c.speakers);
        // Without the scope, the nearest name is taken.
        let c = cluster(text, &spans);
        assert_eq!(c.of_mention[2], c.of_mention[0], "{:?}", c.speakers);
    }

    #[test]
    fn sentence_ends_are_not_abbreviations() {
        assert!(sentence_ends("no. He"));
        assert!(sentence_ends("no\nHe"));
        assert!(!sentence_ends("the voice of Mr. Tribe"));
        assert!(!sentence_ends("the U.S. senator"));
    }

    #[test]
    fn a_joint_source_takes_no_member_by_surname() {
        let sp = speakers_of("Clinton said no. Donald Trump and Hillary Clinton said yes. Clinton said so. ");
        assert_eq!(
            sp,
            vec![
                // (The card takes the one full name the text writes.)
                ("Hillary Clinton".to_string(), vec!["Clinton", "Clinton"]),
                ("Donald Trump and Hillary Clinton".to_string(), vec!["Donald Trump and Hillary Clinton"]),
            ]
        );
    }

    #[test]
    fn a_surname_takes_the_gender_of_the_full_name_in_the_text() {
        // "Hillary Clinton" appears only inside a possessive: "Clinton" is still a woman, so
        // "She" passes over Trump to her.
        let sp = speakers_of("Hillary Clinton’s aides were quiet. Clinton said no. Trump said yes. She said so. ");
        // (It takes the full name, and the full name's occurrence is a mention of it.)
        assert_eq!(sp[0], ("Hillary Clinton".to_string(), vec!["Hillary Clinton", "Clinton", "She"]));
        // Two first names of different genders for one surname say nothing.
        let sp =
            speakers_of("Hillary Clinton and Bill Clinton were quiet. Clinton said no. Trump said yes. She said so. ");
        assert_eq!(sp[1], ("Trump".to_string(), vec!["Trump", "She"]));
    }

    #[test]
    fn a_gendered_description_varies_on_the_last_person_of_that_gender() {
        let text = "Donald Trump said no. Hillary Clinton said yes. The New York businessman said so. \
                    The former first lady said not. ";
        let sp = speakers_of(text);
        assert_eq!(
            sp,
            vec![
                ("Donald Trump".to_string(), vec!["Donald Trump", "The New York businessman"]),
                ("Hillary Clinton".to_string(), vec!["Hillary Clinton", "The former first lady"]),
            ]
        );
        // Without a gender, or with someone of unknown gender named in between, it stays apart.
        assert_eq!(speakers_of("Donald Trump said no. The New York official said so. ").len(), 2);
        assert_eq!(speakers_of("Donald Trump said no. Zoka said yes. The New York businessman said so. ").len(), 3);
    }

    #[test]
    fn a_description_needs_its_head_or_all_its_modifiers() {
        // One shared modifier ("York") is not enough without the head.
        let sp =
            speakers_of("New York businessman Donald Trump said no. The New York state attorney general said yes. ");
        assert_eq!(sp.len(), 2, "{sp:?}");
        // "attorney general" is one head: a general is no attorney general.
        let sp = speakers_of("Retired general Mike Flynn said no. The state attorney general said yes. ");
        assert_eq!(sp.len(), 2, "{sp:?}");
        // The other party's nominee is someone else.
        let sp = speakers_of(
            "Republican presidential nominee Donald Trump said no. Hillary Clinton said yes. \
             The Democratic presidential nominee said so. ",
        );
        assert_eq!(sp.len(), 3, "{sp:?}");
        // Only the words that run into a name describe it, not a clause's subject before a verb.
        let sp = speakers_of(
            "Donald Trump said no. The Ohio governor is angry with Donald Trump. The Ohio governor said so. ",
        );
        assert_eq!(sp.len(), 2, "{sp:?}");
        // A thing that owns the role is no evidence: the ad's narrator is not Trump.
        let sp = speakers_of("Donald Trump said no. An ad attacked Donald Trump. The ad’s narrator said so. ");
        assert_eq!(sp.len(), 2, "{sp:?}");
        // A possessive names someone else: Pagliano's lawyer is not Pagliano.
        let sp = speakers_of("Lawyer Bryan Pagliano said no. Pagliano’s lawyer said yes. ");
        assert_eq!(sp.len(), 2, "{sp:?}");
    }

    #[test]
    fn the_latest_entity_that_fits_wins() {
        // "Zoka" is a word prefix of both outlets: it joins the later one. "NBC" then "NBC News":
        // one outlet, named by the longer name.
        let sp = speakers_of("Zoka News said no. Zoka Times said yes. Zoka said so. NBC said. NBC News said. ");
        assert_eq!(
            sp,
            vec![
                ("Zoka News".to_string(), vec!["Zoka News"]),
                ("Zoka Times".to_string(), vec!["Zoka Times", "Zoka"]),
                ("NBC News".to_string(), vec!["NBC", "NBC News"]),
            ]
        );
    }

    #[test]
    fn a_surname_on_a_group() {
        // "Zokas" is a name of unknown kind; "the zokas" (by key) makes it a group; "adviser
        // Zokas" (same name, a person) gives that group a surname, by which "Mira Zokas" joins.
        let text = "Zokas said. the zokas said. adviser Zokas said. Mira Zokas said. Zoka News said. ";
        let sp = speakers_of(text);
        assert_eq!(
            sp,
            vec![
                ("Mira Zokas".to_string(), vec!["Zokas", "the zokas", "adviser Zokas", "Mira Zokas"]),
                ("Zoka News".to_string(), vec!["Zoka News"]),
            ]
        );
    }

    #[test]
    fn name_forms_of_one_speaker_merge() {
        let names = |t: &str| speakers_of(t).into_iter().map(|(n, m)| (n, m.len())).collect::<Vec<_>>();
        // A surname that is also a role word, after a first name or an honorific.
        // (Spans by hand: the helper would cut "Mr. King" at its full stop.)
        let text = "Larry King said no. Mr. King, 82, said yes. ";
        let spans = [Span::new(0, 10), Span::new(20, 32)];
        let c = cluster(text, &spans);
        assert_eq!((c.speakers.len(), c.speakers[0].name.as_str()), (1, "Larry King"));
        // A stray capitalised word before a full name; the plain full name is shown.
        assert_eq!(
            names("Rival Hillary Clinton said no. Hillary Clinton said yes. "),
            [("Hillary Clinton".to_string(), 2)]
        );
        // One apostrophe or the other.
        assert_eq!(names("James O’Neill said no. O'Neill said yes. "), [("James O’Neill".to_string(), 2)]);
        // A leading article, and a newspaper's last word.
        assert_eq!(
            names("The New York Times said no. New York Times said yes. The Times said so. Times said it. "),
            [("New York Times".to_string(), 4)]
        );
    }

    #[test]
    fn a_definite_description_joins_the_institution_or_group_whose_words_it_has() {
        let names = |t: &str| speakers_of(t).into_iter().map(|(n, m)| (n, m.len())).collect::<Vec<_>>();
        assert_eq!(
            names("Donald Trump’s campaign said no. The Trump campaign said yes. The campaign said so. "),
            [("Donald Trump’s campaign".to_string(), 3)]
        );
        assert_eq!(
            names("A federal appeals court said no. The appeals court said yes. "),
            [("A federal appeals court".to_string(), 2)]
        );
        assert_eq!(names("A number of tax experts said no. The experts said yes. ").len(), 1);
        // Another head, or a word the first description lacks, is someone else.
        assert_eq!(names("Donald Trump’s campaign said no. The Clinton campaign said yes. ").len(), 2);
        assert_eq!(names("A federal appeals court said no. The supreme court said yes. ").len(), 2);
    }

    #[test]
    fn an_acronym_joins_the_name_it_abbreviates() {
        let names = |t: &str| speakers_of(t).into_iter().map(|(n, m)| (n, m.len())).collect::<Vec<_>>();
        let t = "The Federal Bureau of Investigation said no. The FBI said yes. ";
        assert_eq!(names(t), [("Federal Bureau of Investigation".to_string(), 2)]);
        assert_eq!(names("Christian News Service said no. CNS said yes. ").len(), 1);
        assert_eq!(names("Christian News Service said no. CBS said yes. ").len(), 2);
        // The acronym first (a headline's "FAA"), the full name later.
        let t = "FAA says it will extend the cap. The Federal Aviation Administration said on Tuesday it would act.";
        assert_eq!(names(t).len(), 1, "{:?}", names(t));
    }

    #[test]
    fn a_surname_in_capitals_is_the_person_the_text_names() {
        // A transcript's "PENCE:" before the article names Mike Pence; "NATO" stays an acronym.
        let c = speakers_of("PENCE said no. Mike Pence said yes. ");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "Mike Pence");
        let c = speakers_of("NATO said no. Mike Pence said yes. ");
        assert_eq!(c.len(), 2, "{c:?}");
    }

    #[test]
    fn a_surname_card_takes_the_one_full_name_the_text_writes() {
        let names = |t: &str| speakers_of(t).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(names("The team, led by Dr. Emily Chen, grew. Chen said no. "), ["Emily Chen"]);
        // Two first names for one surname: the card keeps the surname.
        assert_eq!(names("Donald Trump and Eric Trump spoke. Trump said no. "), ["Trump"]);
    }

    #[test]
    fn an_unnamed_document_is_the_one_just_met() {
        let n = |t: &str| speakers_of(t).len();
        assert_eq!(n("Large study said walks help. A study said walkers were fitter. "), 1);
        assert_eq!(n("A study said X. Another study said Y. "), 2);
        assert_eq!(n("A Fox News poll said X. A CNN poll said Y. "), 2);
    }

    #[test]
    fn a_short_name_joins_the_institution_it_ends() {
        let t = "The United Nations Security Council said no. The Security Council said yes. ";
        assert_eq!(speakers_of(t).len(), 1, "{:?}", speakers_of(t));
    }

    #[test]
    fn sir_and_dame_go_with_the_first_name() {
        let t = "Prime Minister Keir Starmer said no. Sir Keir said yes. Sir John said maybe.";
        let names: Vec<String> = speakers_of(t).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["Keir Starmer", "John"]);
    }

    #[test]
    fn a_bare_head_word_joins_the_one_speaker_it_names() {
        let names = |t: &str| speakers_of(t).into_iter().map(|(n, m)| (n, m.len())).collect::<Vec<_>>();
        // A headline's "Poll" is the article's one poll.
        assert_eq!(names("Poll said no. A Bloomberg poll said yes. "), [("A Bloomberg poll".to_string(), 2)]);
        // Two polls: which one is not said.
        assert_eq!(names("Poll said no. A Bloomberg poll said yes. A CNN poll said so. ").len(), 3);
        // A person only by name: an unnamed "New York judge" stays apart from "Judge".
        assert_eq!(names("Judge said no. A New York judge said yes. ").len(), 2);
    }

    #[test]
    fn distinct_names_stay_apart() {
        let mut text = String::new();
        let mut rng = Lcg(1);
        let mut names = rustc_hash::FxHashSet::default();
        while names.len() < 2000 {
            names.insert(format!("{} {}", word(&mut rng), word(&mut rng)));
        }
        let mut names: Vec<_> = names.into_iter().collect();
        names.sort();
        for n in &names {
            text.push_str(n);
            text.push_str(" said the plan would fail. ");
        }
        let sp = speakers_of(&text);
        // Distinct full names are distinct speakers, even when they share a surname.
        assert_eq!(sp.len(), names.len());
    }
}
