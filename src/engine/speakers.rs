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

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::collections::BTreeSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::lexicon::Lexicon;
use super::model::{Speaker, SpeakerKind};
use super::span::Span;

const PLACES_TXT: &str = include_str!("lexicon/places.txt");
const TITLES_TXT: &str = include_str!("lexicon/titles.txt");

fn list(src: &'static str) -> &'static [&'static str] {
    // Leaked once per list: the lists are static data that live for the whole program.
    Box::leak(
        src.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

fn places() -> &'static FxHashSet<&'static str> {
    static P: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    P.get_or_init(|| list(PLACES_TXT).iter().copied().collect())
}

fn titles() -> &'static FxHashSet<&'static str> {
    static T: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    T.get_or_init(|| list(TITLES_TXT).iter().copied().collect())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pronoun {
    Person, // he, she
    Plural, // they, their
    Thing,  // it, its
    Any,    // who, which, we, I
}

/// What a mention says about its entity.
#[derive(Clone, Debug)]
struct Mention {
    span: Span,
    /// Proper name ("Vedant Patel", "NBC News"), if any.
    name: Option<String>,
    /// Title words before the name, or the whole description.
    title: Option<String>,
    kind: SpeakerKind,
    anonymous: bool,
    pronoun: Option<Pronoun>,
    definite: bool,
    /// Lower-case head noun ("official", "sources", "outlet").
    head: Option<String>,
    /// Normalised description for anonymous clustering.
    key: String,
    /// Capitalised modifiers of a description ("Ukrainian" in "the Ukrainian president").
    modifiers: Vec<String>,
    /// "its sources", "the publication’s interlocutors": the possessor refers to an outlet.
    outlet_possessor: bool,
}

fn strip_quotes(w: &str) -> &str {
    w.trim_matches(|c: char| matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | ',' | '(' | ')' | '«' | '»'))
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn possessive_base(w: &str) -> Option<&str> {
    w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).or_else(|| w.strip_suffix('’'))
}

const ANON_DET: &[&str] = &[
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "several",
    "some",
    "many",
    "unnamed",
    "anonymous",
    "unidentified",
    "multiple",
    "numerous",
    "various",
    "other",
    "another",
];

fn describe(text: &str, span: Span) -> Mention {
    let lex = Lexicon::get();
    let raw = span.text(text);
    let words: Vec<&str> = raw.split_whitespace().map(strip_quotes).filter(|w| !w.is_empty()).collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut m = Mention {
        span,
        name: None,
        title: None,
        kind: SpeakerKind::Unknown,
        anonymous: false,
        pronoun: None,
        definite: false,
        head: None,
        key: lower
            .iter()
            .filter(|w| !ANON_DET.contains(&w.as_str()) && *w != "the")
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
        modifiers: Vec::new(),
        outlet_possessor: false,
    };
    if words.len() == 1 {
        let p = match lower[0].as_str() {
            "he" | "she" | "him" | "her" | "his" => Some(Pronoun::Person),
            "they" | "their" | "them" => Some(Pronoun::Plural),
            "it" | "its" => Some(Pronoun::Thing),
            "who" | "which" | "we" | "i" | "our" | "you" => Some(Pronoun::Any),
            _ => None,
        };
        if p.is_some() {
            m.pronoun = p;
            return m;
        }
    }
    // Cut a trailing prepositional phrase for the head: "the spokeswoman for the … Council".
    let pp = lower.iter().position(|w| {
        matches!(w.as_str(), "for" | "of" | "at" | "from" | "with" | "in" | "on" | "and" | "to" | "among")
    });
    let core_end = pp.filter(|&p| p > 0).unwrap_or(words.len());
    // "Many in the crowd", "Some of his advisers": a quantifier heads a group, never a name.
    let quantifier = core_end == 1
        && words.len() > 1
        && matches!(
            lower[0].as_str(),
            "many" | "some" | "several" | "most" | "others" | "all" | "both" | "few" | "none"
        );
    // Name: the trailing run of capitalised words of the core after the last title/role word.
    let mut name_start = core_end;
    while !quantifier && name_start > 0 && is_cap(words[name_start - 1]) {
        let l = &lower[name_start - 1];
        let l = possessive_base(l).unwrap_or(l);
        if titles().contains(&l) || lex.role(l).is_some_and(|k| k == SpeakerKind::Person || k == SpeakerKind::Group) {
            break;
        }
        name_start -= 1;
    }
    // Nationality or place adjectives right before a role word are modifiers, not names.
    let head_raw = lower.get(core_end.wrapping_sub(1)).cloned().unwrap_or_default();
    let head = possessive_base(&head_raw).unwrap_or(&head_raw).to_string();
    let head_role = lex.role(&head);
    let first = lower.first().map(String::as_str).unwrap_or("");
    m.definite = matches!(first, "the" | "this" | "that" | "these" | "those");
    if let Some(first_word) = words.first() {
        if let Some(base) = possessive_base(first_word) {
            let b = base.to_lowercase();
            m.outlet_possessor = lex.is_outlet(&b) || lex.role(&b) == Some(SpeakerKind::MediaOutlet);
        }
        if matches!(first, "its" | "their") {
            m.outlet_possessor = true;
        }
        // "the publication’s interlocutors"
        if words.len() >= 2 {
            if let Some(base) = possessive_base(&lower[1]) {
                m.outlet_possessor |= lex.role(base) == Some(SpeakerKind::MediaOutlet);
            }
        }
    }
    m.modifiers = words[..core_end]
        .iter()
        .zip(&lower)
        .filter(|(w, l)| is_cap(w) && !matches!(l.as_str(), "the" | "a" | "an" | "this" | "that" | "these" | "those"))
        .map(|(w, _)| w.to_string())
        .collect();
    if name_start < core_end && head_role.is_none() {
        let name = words[name_start..core_end].join(" ");
        let name = possessive_base(&name).unwrap_or(&name).to_string();
        let lname = name.to_lowercase();
        if name_start > 0 {
            m.title = Some(words[..name_start].join(" "));
        } else if core_end < words.len() {
            m.title = None;
        }
        m.kind = if lex.is_outlet(&lname)
            || lname.ends_with(" news")
            || lname.ends_with(" times")
            || lname.ends_with(" post")
        {
            SpeakerKind::MediaOutlet
        } else if places().contains(lname.as_str()) || places().contains(lname.trim_start_matches("the ")) {
            SpeakerKind::GovernmentBody
        } else if let Some(k) = lex.role(lname.rsplit(' ').next().unwrap_or("")) {
            if k == SpeakerKind::Person || k == SpeakerKind::Group {
                SpeakerKind::Organisation
            } else {
                k
            }
        } else if name_start > 0 || words.len() - name_start >= 2 {
            SpeakerKind::Person
        } else {
            SpeakerKind::Unknown
        };
        m.name = Some(name);
        m.head = Some(head);
        return m;
    }
    // A description: "the official", "Two NBC News sources", "media reports".
    m.title = Some(words.join(" "));
    m.head = Some(head.clone());
    m.kind = match head_role {
        Some(k) => k,
        None if places().contains(lower.join(" ").trim_start_matches("the ")) => SpeakerKind::GovernmentBody,
        None if head.ends_with('s') || quantifier => SpeakerKind::Group,
        None => SpeakerKind::Unknown,
    };
    if lex.is_outlet(&lower.join(" ")) {
        m.kind = SpeakerKind::MediaOutlet;
        m.name = Some(words.join(" "));
    }
    let person_like = matches!(m.kind, SpeakerKind::Person | SpeakerKind::Group);
    let indefinite = ANON_DET.contains(&first)
        || lower.iter().any(|w| matches!(w.as_str(), "unnamed" | "anonymous" | "unidentified"));
    let bare_plural = !m.definite && head.ends_with('s') && !first.ends_with("’s");
    m.anonymous = person_like && (indefinite || bare_plural || m.outlet_possessor || matches!(first, "its" | "their"));
    m
}

/// A cluster under construction.
struct Entity {
    name: Option<String>,
    /// `name` lower-cased: what names are compared by.
    lname: Option<String>,
    description: String,
    kind: SpeakerKind,
    titles: Titles,
    anonymous: bool,
    mentions: Vec<Span>,
    key: String,
    surname: Option<String>,
}

/// An entity's titles in order of first appearance, and the three questions clustering asks of
/// them: is this title already there (ASCII case-insensitively), is this lower-case word one of
/// their words, does this word occur inside one of them. A few short titles are scanned; past
/// that, hash sets and a substring index answer without a scan.
#[derive(Default)]
struct Titles {
    list: Vec<String>,
    /// Bytes of all titles, one separator each.
    bytes: usize,
    index: Option<Box<TitleIndex>>,
}

struct TitleIndex {
    /// Each title, ASCII-lower-cased.
    keys: FxHashSet<String>,
    /// Every whitespace-separated word of every title, lower-cased.
    words: FxHashSet<String>,
    /// The titles, each followed by '\n'.
    substr: SubstrIndex,
}

/// More titles than this, or more bytes of them, and they are indexed.
const TITLES_SCANNED: usize = 8;
const TITLE_BYTES_SCANNED: usize = 512;

impl TitleIndex {
    fn add(&mut self, t: &str) {
        self.keys.insert(t.to_ascii_lowercase());
        for w in t.to_lowercase().split_whitespace() {
            if !self.words.contains(w) {
                self.words.insert(w.to_string());
            }
        }
        self.substr.push_title(t);
    }
}

/// `w.to_lowercase() == lower`, without allocating for ASCII.
fn lowercases_to(w: &str, lower: &str) -> bool {
    if w.is_ascii() {
        w.len() == lower.len() && w.bytes().zip(lower.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        w.to_lowercase() == lower
    }
}

impl Titles {
    /// Adds `t` unless an ASCII case-insensitive equal is already there.
    fn add(&mut self, t: &str) {
        let known = match &self.index {
            Some(ix) => ix.keys.contains(t.to_ascii_lowercase().as_str()),
            None => self.list.iter().any(|x| x.eq_ignore_ascii_case(t)),
        };
        if known {
            return;
        }
        self.list.push(t.to_string());
        self.bytes += t.len() + 1;
        match &mut self.index {
            Some(ix) => ix.add(t),
            None if self.list.len() > TITLES_SCANNED || self.bytes > TITLE_BYTES_SCANNED => {
                let mut ix = TitleIndex {
                    keys: FxHashSet::default(),
                    words: FxHashSet::default(),
                    substr: SubstrIndex::default(),
                };
                for t in &self.list {
                    ix.add(t);
                }
                self.index = Some(Box::new(ix));
            }
            None => {}
        }
    }

    /// True when a title, lower-cased, has `w` among its whitespace-separated words.
    fn has_word(&self, w: &str) -> bool {
        match &self.index {
            Some(ix) => ix.words.contains(w),
            // Lower-casing never crosses whitespace: word by word is the same as the whole title.
            None => self.list.iter().any(|t| t.split_whitespace().any(|x| lowercases_to(x, w))),
        }
    }

    /// True when `needle` occurs inside one of the titles.
    fn any_contains(&self, needle: &str) -> bool {
        match &self.index {
            // The index holds the titles joined by '\n': a needle without one matches inside a title.
            Some(ix) if !needle.is_empty() && !needle.contains('\n') => ix.substr.contains(needle.as_bytes()),
            _ => self.list.iter().any(|t| t.contains(needle)),
        }
    }
}

/// Substring queries over a text that only grows: an online suffix automaton over its bytes
/// (at most 2n states and 3n transitions; extending and querying are linear).
struct SubstrIndex {
    /// Per state: suffix link, longest length, first transition (`NONE` when none).
    link: Vec<u32>,
    len: Vec<u32>,
    first: Vec<u32>,
    /// Transitions, as a singly linked list per state: byte, target, next transition.
    edges: Vec<(u8, u32, u32)>,
    last: u32,
}

const NONE: u32 = u32::MAX;

impl Default for SubstrIndex {
    fn default() -> Self {
        SubstrIndex { link: vec![NONE], len: vec![0], first: vec![NONE], edges: Vec::new(), last: 0 }
    }
}

impl SubstrIndex {
    fn push_title(&mut self, t: &str) {
        for &b in t.as_bytes() {
            self.extend(b);
        }
        self.extend(b'\n');
    }

    fn next(&self, state: u32, b: u8) -> Option<u32> {
        let mut e = self.first[state as usize];
        while e != NONE {
            let (c, to, next) = self.edges[e as usize];
            if c == b {
                return Some(to);
            }
            e = next;
        }
        None
    }

    fn set_next(&mut self, state: u32, b: u8, to: u32) {
        let mut e = self.first[state as usize];
        while e != NONE {
            let edge = &mut self.edges[e as usize];
            if edge.0 == b {
                edge.1 = to;
                return;
            }
            e = edge.2;
        }
        self.edges.push((b, to, self.first[state as usize]));
        self.first[state as usize] = (self.edges.len() - 1) as u32;
    }

    fn new_state(&mut self, len: u32) -> u32 {
        self.link.push(NONE);
        self.len.push(len);
        self.first.push(NONE);
        (self.len.len() - 1) as u32
    }

    fn extend(&mut self, b: u8) {
        let cur = self.new_state(self.len[self.last as usize] + 1);
        let mut p = self.last;
        while p != NONE && self.next(p, b).is_none() {
            self.set_next(p, b, cur);
            p = self.link[p as usize];
        }
        if p == NONE {
            self.link[cur as usize] = 0;
        } else {
            let q = self.next(p, b).unwrap_or(0);
            if self.len[p as usize] + 1 == self.len[q as usize] {
                self.link[cur as usize] = q;
            } else {
                let clone = self.new_state(self.len[p as usize] + 1);
                let mut e = self.first[q as usize];
                while e != NONE {
                    let (c, to, next) = self.edges[e as usize];
                    self.set_next(clone, c, to);
                    e = next;
                }
                self.link[clone as usize] = self.link[q as usize];
                while p != NONE && self.next(p, b) == Some(q) {
                    self.set_next(p, b, clone);
                    p = self.link[p as usize];
                }
                self.link[q as usize] = clone;
                self.link[cur as usize] = clone;
            }
        }
        self.last = cur;
    }

    fn contains(&self, needle: &[u8]) -> bool {
        let mut s = 0;
        for &b in needle {
            match self.next(s, b) {
                Some(t) => s = t,
                None => return false,
            }
        }
        true
    }
}

fn compatible_kind(p: Pronoun, k: SpeakerKind) -> bool {
    match p {
        Pronoun::Person => k == SpeakerKind::Person,
        Pronoun::Plural => matches!(
            k,
            SpeakerKind::Group | SpeakerKind::Organisation | SpeakerKind::MediaOutlet | SpeakerKind::GovernmentBody
        ),
        Pronoun::Thing => {
            matches!(k, SpeakerKind::Organisation | SpeakerKind::MediaOutlet | SpeakerKind::GovernmentBody)
        }
        Pronoun::Any => true,
    }
}

/// FNV-1a over `s`, calling `prefix(len, hash)` for every proper prefix of at least 2 bytes that
/// ends before a space ("nbc" of "nbc news"); returns the hash of the whole of `s`. One pass,
/// so a long name costs its length, not its length times its words.
fn name_hashes(s: &str, mut prefix: impl FnMut(usize, u64)) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b == b' ' && i >= 2 {
            prefix(i, h);
        }
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Entity ids under one key, in order: nearly always just one (no allocation then).
#[derive(Clone, Debug, PartialEq)]
enum Ids {
    One(u32),
    Many(BTreeSet<u32>),
}

impl Ids {
    fn insert(&mut self, e: u32) {
        match self {
            Ids::One(x) if *x == e => {}
            Ids::One(x) => *self = Ids::Many(BTreeSet::from([*x, e])),
            Ids::Many(set) => {
                set.insert(e);
            }
        }
    }

    /// Removes `e`; true when no id is left.
    fn remove(&mut self, e: u32) -> bool {
        match self {
            Ids::One(x) => *x == e,
            Ids::Many(set) => {
                set.remove(&e);
                set.is_empty()
            }
        }
    }

    /// The greatest id (never empty: an emptied set is dropped from its map).
    fn last(&self) -> u32 {
        match self {
            Ids::One(x) => *x,
            Ids::Many(set) => set.last().copied().unwrap_or(0),
        }
    }

    /// The ids, greatest first.
    fn rev(&self) -> impl Iterator<Item = u32> + '_ {
        let (one, many) = match self {
            Ids::One(x) => (Some(*x), None),
            Ids::Many(set) => (None, Some(set.iter().rev().copied())),
        };
        one.into_iter().chain(many.into_iter().flatten())
    }
}

fn link<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Ids>, k: K, e: u32) {
    map.entry(k).and_modify(|ids| ids.insert(e)).or_insert(Ids::One(e));
}

fn unlink<K: std::hash::Hash + Eq + std::borrow::Borrow<Q>, Q: std::hash::Hash + Eq + ?Sized>(
    map: &mut HashMap<K, Ids>,
    k: &Q,
    e: u32,
) {
    if map.get_mut(k).is_some_and(|ids| ids.remove(e)) {
        map.remove(k);
    }
}

/// The entities by everything `find_entity` compares, kept up to date as entities change, so
/// that a mention is placed in time independent of the number of entities. Sets of ids rather
/// than one id: `find_entity` takes the latest (or the first) entity that fits, and which one
/// that is changes as names grow and kinds are settled.
#[derive(Default)]
struct Index {
    /// Named entities by the hash of their lower-cased name: persons, and all other kinds.
    name_person: HashMap<u64, Ids>,
    name_other: HashMap<u64, Ids>,
    /// Named non-person entities by the hash of each proper word prefix of their lower-cased
    /// name ("nbc" for "nbc news").
    prefix_other: HashMap<u64, Ids>,
    /// Entities with a surname, by the surname ASCII-lower-cased: persons, and all other kinds.
    surname_person: HashMap<String, Ids>,
    surname_other: HashMap<String, Ids>,
    /// Entities created anonymous, by key, in creation order, and how many of them at the front
    /// are no longer anonymous (an entity never becomes anonymous again).
    anonymous: HashMap<String, (Vec<u32>, usize)>,
    /// The first entity of each non-empty key.
    first_by_key: HashMap<String, u32>,
}

/// How a hashed candidate's name must relate to the mention's lower-cased name `l`.
#[derive(Clone, Copy)]
enum NameFit {
    /// Equal to `l[..n]`.
    Equal(usize),
    /// `l` followed by a space and more.
    Extends,
}

impl Index {
    /// A new entity: indexed by name, key and (when anonymous) as an anonymous source.
    fn add(&mut self, e: usize, ent: &Entity) {
        self.link_name(e, ent);
        self.link_surname(e, ent);
        if ent.anonymous {
            self.anonymous.entry(ent.key.clone()).or_default().0.push(e as u32);
        }
        if !ent.key.is_empty() {
            self.first_by_key.entry(ent.key.clone()).or_insert(e as u32);
        }
    }

    fn link_name(&mut self, e: usize, ent: &Entity) {
        let Some(l) = &ent.lname else { return };
        let e = e as u32;
        if ent.kind == SpeakerKind::Person {
            link(&mut self.name_person, name_hashes(l, |_, _| {}), e);
        } else {
            let h = name_hashes(l, |_, h| link(&mut self.prefix_other, h, e));
            link(&mut self.name_other, h, e);
        }
    }

    fn unlink_name(&mut self, e: usize, ent: &Entity) {
        let Some(l) = &ent.lname else { return };
        let e = e as u32;
        if ent.kind == SpeakerKind::Person {
            unlink(&mut self.name_person, &name_hashes(l, |_, _| {}), e);
        } else {
            let h = name_hashes(l, |_, h| unlink(&mut self.prefix_other, &h, e));
            unlink(&mut self.name_other, &h, e);
        }
    }

    fn link_surname(&mut self, e: usize, ent: &Entity) {
        let Some(s) = &ent.surname else { return };
        let map = if ent.kind == SpeakerKind::Person { &mut self.surname_person } else { &mut self.surname_other };
        link(map, s.to_ascii_lowercase(), e as u32);
    }

    fn unlink_surname(&mut self, e: usize, ent: &Entity) {
        let Some(s) = &ent.surname else { return };
        let map = if ent.kind == SpeakerKind::Person { &mut self.surname_person } else { &mut self.surname_other };
        unlink(map, s.to_ascii_lowercase().as_str(), e as u32);
    }

    /// The latest entity that a mention named `l` (lower-cased) fits: the same name; for a
    /// person (mention or entity), the same surname; otherwise one name a word prefix of the
    /// other ("NBC" = "NBC News").
    fn named(&self, entities: &[Entity], l: &str, person: bool) -> Option<usize> {
        let last = l.rsplit(' ').next().unwrap_or("");
        let mut best: Option<u32> = None;
        if last.len() > 2 {
            // `last` is lower-case already, so it is its own ASCII-lower-cased form.
            let top = |map: &HashMap<String, Ids>| map.get(last).map(Ids::last);
            best = best.max(top(&self.surname_person));
            if person {
                best = best.max(top(&self.surname_other));
            }
        }
        let mut probes: Vec<(&Ids, NameFit)> = Vec::new();
        let full = name_hashes(l, |n, h| {
            if !person {
                if let Some(ids) = self.name_other.get(&h) {
                    probes.push((ids, NameFit::Equal(n)));
                }
            }
        });
        for map in [&self.name_person, &self.name_other] {
            if let Some(ids) = map.get(&full) {
                probes.push((ids, NameFit::Equal(l.len())));
            }
        }
        if !person && l.len() >= 2 {
            if let Some(ids) = self.prefix_other.get(&full) {
                probes.push((ids, NameFit::Extends));
            }
        }
        // Latest candidates first: with no hash collision the first one checked is the answer.
        probes.sort_by_key(|(ids, _)| std::cmp::Reverse(ids.last()));
        let fits = |e: u32, fit: NameFit| {
            let Some(el) = entities[e as usize].lname.as_deref() else { return false };
            match fit {
                NameFit::Equal(n) => el == &l[..n],
                NameFit::Extends => el.len() > l.len() && el.as_bytes()[l.len()] == b' ' && el.starts_with(l),
            }
        };
        for (ids, fit) in probes {
            for e in ids.rev() {
                if Some(e) <= best {
                    break;
                }
                if fits(e, fit) {
                    best = Some(e);
                    break;
                }
            }
        }
        best.map(|e| e as usize)
    }

    /// The first entity created anonymous under `key` that still is.
    fn first_anonymous(&mut self, entities: &[Entity], key: &str) -> Option<usize> {
        let (ids, gone) = self.anonymous.get_mut(key)?;
        while *gone < ids.len() && !entities[ids[*gone] as usize].anonymous {
            *gone += 1;
        }
        ids.get(*gone).map(|&e| e as usize)
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
    let (mut entities, mut of_mention) = group(text, mentions);
    add_name_mentions(text, &mut entities);
    // Ids by first mention.
    let mut ids: Vec<usize> = (0..entities.len()).collect();
    ids.sort_by_key(|&e| entities[e].mentions.iter().map(|s| s.start).min().unwrap_or(usize::MAX));
    let mut new_id = vec![0u32; entities.len()];
    for (new, &old) in ids.iter().enumerate() {
        new_id[old] = new as u32;
    }
    let speakers = ids
        .iter()
        .enumerate()
        .map(|(new, &old)| {
            let e = &entities[old];
            let mut mentions = e.mentions.clone();
            mentions.sort();
            mentions.dedup();
            Speaker {
                id: new as u32,
                name: e.name.clone().unwrap_or_else(|| e.description.clone()),
                kind: e.kind,
                anonymous: e.anonymous && e.name.as_ref().is_none_or(|_| e.kind != SpeakerKind::Person),
                titles: e.titles.list.clone(),
                mentions,
            }
        })
        .collect();
    for id in &mut of_mention {
        *id = new_id[*id as usize];
    }
    Clusters { speakers, of_mention }
}

/// The mentions in document order, each joined to an entity or starting one: the entities in
/// order of creation and, for each mention, the index of its entity.
fn group(text: &str, mentions: &[Span]) -> (Vec<Entity>, Vec<u32>) {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| mentions[i].start);
    let mut entities: Vec<Entity> = Vec::new();
    let mut index = Index::default();
    let mut of_mention = vec![0u32; mentions.len()];
    // Entity of the most recent mention, for pronouns/descriptions: (position, entity).
    let mut recent: Vec<(usize, usize)> = Vec::new();
    for &mi in &order {
        let m = describe(text, mentions[mi]);
        let lname = m.name.as_ref().map(|n| n.to_lowercase());
        // "its sources": keyed by the outlet mentioned last, both to find and to create.
        let outlet = m.outlet_possessor.then(|| outlet_key(&m, &entities, &recent));
        let found = find_entity(&m, lname.as_deref(), outlet.as_deref(), &entities, &mut index, &recent);
        let e = match found {
            Some(e) => e,
            None => {
                entities.push(Entity {
                    name: m.name.clone(),
                    lname: lname.clone(),
                    description: m.span.text(text).trim().to_string(),
                    kind: m.kind,
                    titles: Titles::default(),
                    anonymous: m.anonymous,
                    mentions: Vec::new(),
                    key: outlet.unwrap_or_else(|| m.key.clone()),
                    surname: None,
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
                    ent.name.as_ref().is_none_or(|old| n.len() > old.len()),
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
                if ent.name.as_ref().is_none_or(|old| n.len() > old.len()) {
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
            }
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
    (entities, of_mention)
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
        return recent
            .iter()
            .rev()
            .take(64)
            .map(|&(_, e)| e)
            .find(|&e| compatible_kind(p, entities[e].kind) || entities[e].kind == SpeakerKind::Unknown);
    }
    if let Some(lname) = lname {
        return index.named(entities, lname, m.kind == SpeakerKind::Person);
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
                SpeakerKind::MediaOutlet => ent.kind == SpeakerKind::MediaOutlet,
                SpeakerKind::Person => {
                    ent.kind == SpeakerKind::Person
                        && ent.name.is_some()
                        && (head == "official" || ent.titles.has_word(head))
                        && m.modifiers.iter().all(|md| ent.titles.any_contains(md))
                }
                SpeakerKind::GovernmentBody | SpeakerKind::Organisation => ent.key == m.key,
                _ => false,
            };
            if fits {
                return Some(e);
            }
        }
    }
    index.first_by_key.get(&m.key).map(|&e| e as usize)
}

/// Spans, sorted, with the furthest end reached so far: whether a span overlaps any of them
/// in O(log n), however long some of them are.
struct Taken {
    spans: Vec<Span>,
    reach: Vec<usize>,
}

impl Taken {
    fn new(mut spans: Vec<Span>) -> Taken {
        spans.sort();
        let reach = spans
            .iter()
            .scan(0, |far, t| {
                *far = t.end.max(*far);
                Some(*far)
            })
            .collect();
        Taken { spans, reach }
    }

    /// Same as `spans.iter().any(|t| t.overlaps(span))`: among the spans that start before
    /// `span` ends, the furthest end lies after its start.
    fn overlaps(&self, span: Span) -> bool {
        let before_end = self.spans.partition_point(|t| t.start < span.end);
        before_end > 0 && self.reach[before_end - 1] > span.start
    }
}

/// Adds every other whole-word occurrence of each named speaker's name (and a person's
/// surname) as a mention.
fn add_name_mentions(text: &str, entities: &mut [Entity]) {
    let mut patterns: Vec<String> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::default();
    for (i, e) in entities.iter().enumerate() {
        let Some(name) = &e.name else { continue };
        let mut forms = vec![name.clone()];
        if e.kind == SpeakerKind::Person {
            if let Some(s) = &e.surname {
                forms.push(s.clone());
            }
        }
        for f in forms {
            if f.len() < 3 || !is_cap(&f) {
                continue;
            }
            if seen.contains_key(&f) {
                continue;
            }
            seen.insert(f.clone(), i);
            patterns.push(f);
            owner.push(i);
        }
    }
    if patterns.is_empty() {
        return;
    }
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        // A few dozen names per article: an NFA builds far faster than a DFA and searches fast enough.
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
    else {
        return;
    };
    let bytes = text.as_bytes();
    // Existing mentions: matches inside them are skipped.
    let taken = Taken::new(entities.iter().flat_map(|e| e.mentions.iter().copied()).collect());
    for mat in ac.find_iter(text) {
        let (s, e) = (mat.start(), mat.end());
        let before_ok = s == 0
            || !(bytes[s - 1].is_ascii_alphanumeric()
                || bytes[s - 1] >= 0x80 && text[..s].chars().next_back().is_some_and(char::is_alphanumeric));
        let after_ok = e >= text.len()
            || !(bytes[e].is_ascii_alphanumeric()
                || bytes[e] >= 0x80 && text[e..].chars().next().is_some_and(char::is_alphanumeric));
        if !(before_ok && after_ok) {
            continue;
        }
        let span = Span::new(s, e);
        if !taken.overlaps(span) {
            entities[owner[mat.pattern().as_usize()]].mentions.push(span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(s: &str) -> Mention {
        describe(s, Span::new(0, s.len()))
    }

    #[test]
    fn titles_names_and_kinds() {
        let m = desc("State Department principal deputy spokesperson Vedant Patel");
        assert_eq!(m.name.as_deref(), Some("Vedant Patel"));
        assert_eq!(m.title.as_deref(), Some("State Department principal deputy spokesperson"));
        assert_eq!(m.kind, SpeakerKind::Person);
        let m = desc("Ukrainian President Vladimir Zelensky");
        assert_eq!(m.name.as_deref(), Some("Vladimir Zelensky"));
        assert_eq!(desc("NBC News").kind, SpeakerKind::MediaOutlet);
        assert_eq!(desc("Russia").kind, SpeakerKind::GovernmentBody);
        assert_eq!(desc("the Russian Defense Ministry").kind, SpeakerKind::GovernmentBody);
    }

    #[test]
    fn anonymous_sources() {
        for s in ["Two NBC News sources", "An administration official", "unnamed US officials", "a source"] {
            assert!(desc(s).anonymous, "{s}");
        }
        for s in ["The official", "Vedant Patel", "NBC"] {
            assert!(!desc(s).anonymous, "{s}");
        }
    }

    /// The clustering as it was before the index: every mention compared with every entity.
    /// The indexed `group` must place every mention exactly as this does.
    mod scan {
        use super::super::*;

        pub struct Entity {
            pub name: Option<String>,
            pub kind: SpeakerKind,
            pub titles: Vec<String>,
            pub anonymous: bool,
            pub mentions: Vec<Span>,
            pub key: String,
            pub surname: Option<String>,
        }

        pub fn group(text: &str, mentions: &[Span]) -> (Vec<Entity>, Vec<u32>) {
            let mut order: Vec<usize> = (0..mentions.len()).collect();
            order.sort_by_key(|&i| mentions[i].start);
            let mut entities: Vec<Entity> = Vec::new();
            let mut of_mention = vec![0u32; mentions.len()];
            let mut recent: Vec<(usize, usize)> = Vec::new();
            for &mi in &order {
                let m = describe(text, mentions[mi]);
                let e = match find_entity(&m, &entities, &recent) {
                    Some(e) => e,
                    None => {
                        entities.push(Entity {
                            name: m.name.clone(),
                            kind: m.kind,
                            titles: Vec::new(),
                            anonymous: m.anonymous,
                            mentions: Vec::new(),
                            key: if m.outlet_possessor { outlet_key(&m, &entities, &recent) } else { m.key.clone() },
                            surname: None,
                        });
                        entities.len() - 1
                    }
                };
                let ent = &mut entities[e];
                if ent.mentions.last() != Some(&m.span) {
                    ent.mentions.push(m.span);
                }
                if m.pronoun.is_none() {
                    if let Some(n) = &m.name {
                        if ent.name.as_ref().is_none_or(|old| n.len() > old.len()) {
                            ent.name = Some(n.clone());
                        }
                        if ent.kind == SpeakerKind::Person || m.kind == SpeakerKind::Person {
                            ent.surname = n.rsplit(' ').next().map(str::to_string);
                        }
                    }
                    if let Some(t) = &m.title {
                        if m.name.is_some() && !ent.titles.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                            ent.titles.push(t.clone());
                        }
                    }
                    if ent.kind == SpeakerKind::Unknown {
                        ent.kind = m.kind;
                    }
                    if !m.anonymous && m.name.is_some() {
                        ent.anonymous = false;
                    }
                }
                of_mention[mi] = e as u32;
                recent.push((m.span.start, e));
            }
            (entities, of_mention)
        }

        fn outlet_key(m: &Mention, entities: &[Entity], recent: &[(usize, usize)]) -> String {
            let head = m.head.clone().unwrap_or_default();
            let head = if matches!(head.as_str(), "interlocutors" | "sources" | "source") {
                "sources".to_string()
            } else {
                head
            };
            let outlet =
                recent.iter().rev().take(256).map(|&(_, e)| &entities[e]).find(|e| e.kind == SpeakerKind::MediaOutlet);
            match outlet.and_then(|e| e.name.clone()) {
                Some(n) => format!("{} {}", n.to_lowercase(), head),
                None => m.key.clone(),
            }
        }

        fn find_entity(m: &Mention, entities: &[Entity], recent: &[(usize, usize)]) -> Option<usize> {
            if let Some(p) = m.pronoun {
                return recent
                    .iter()
                    .rev()
                    .take(64)
                    .map(|&(_, e)| e)
                    .find(|&e| compatible_kind(p, entities[e].kind) || entities[e].kind == SpeakerKind::Unknown);
            }
            if let Some(name) = &m.name {
                let lname = name.to_lowercase();
                let last = lname.rsplit(' ').next().unwrap_or("");
                for (i, e) in entities.iter().enumerate().rev() {
                    let Some(en) = &e.name else { continue };
                    let le = en.to_lowercase();
                    if le == lname {
                        return Some(i);
                    }
                    if m.kind == SpeakerKind::Person || e.kind == SpeakerKind::Person {
                        if e.surname.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(last)) && last.len() > 2 {
                            return Some(i);
                        }
                    } else if (le.starts_with(&lname) || lname.starts_with(&le)) && le.len().min(lname.len()) >= 2 {
                        let shorter = if le.len() < lname.len() { &le } else { &lname };
                        let longer = if le.len() < lname.len() { &lname } else { &le };
                        if longer.as_bytes().get(shorter.len()) == Some(&b' ') {
                            return Some(i);
                        }
                    }
                }
                return None;
            }
            if m.anonymous {
                let key = if m.outlet_possessor { outlet_key(m, entities, recent) } else { m.key.clone() };
                return entities.iter().position(|e| e.anonymous && e.key == key);
            }
            if m.definite {
                let head = m.head.as_deref().unwrap_or("");
                for &(_, e) in recent.iter().rev().take(64) {
                    let ent = &entities[e];
                    let fits = match m.kind {
                        SpeakerKind::MediaOutlet => ent.kind == SpeakerKind::MediaOutlet,
                        SpeakerKind::Person => {
                            ent.kind == SpeakerKind::Person
                                && ent.name.is_some()
                                && (head == "official"
                                    || ent
                                        .titles
                                        .iter()
                                        .any(|t| t.to_lowercase().split_whitespace().any(|w| w == head)))
                                && m.modifiers.iter().all(|md| ent.titles.iter().any(|t| t.contains(md.as_str())))
                        }
                        SpeakerKind::GovernmentBody | SpeakerKind::Organisation => ent.key == m.key,
                        _ => false,
                    };
                    if fits {
                        return Some(e);
                    }
                }
            }
            entities.iter().position(|e| !e.key.is_empty() && e.key == m.key)
        }
    }

    /// Deterministic pseudo-random numbers (64-bit LCG, high bits).
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }
    }

    /// Mentions that meet every path of `find_entity`: same names in other cases, surnames,
    /// word prefixes of outlets and bodies, kinds settled late, pronouns, definite and anonymous
    /// descriptions, outlet possessors.
    const PHRASES: &[&str] = &[
        "Trump",
        "Donald Trump",
        "President Donald Trump",
        "DONALD TRUMP",
        "Melania Trump",
        "Mr. Trump",
        "Vedant Patel",
        "State Department principal deputy spokesperson Vedant Patel",
        "Patel",
        "PATEL",
        "NBC",
        "NBC News",
        "NBC News Digital",
        "nbc",
        "The New York Times",
        "The New York",
        "Times",
        "Reuters",
        "the Kremlin",
        "Kremlin",
        "Russia",
        "the Russian Defense Ministry",
        "Russian Defense",
        "the ministry",
        "the Ministry",
        "Ukrainian President Volodymyr Zelensky",
        "Zelensky",
        "the Ukrainian president",
        "the president",
        "the official",
        "the Russian official",
        "the spokesperson",
        "the deputy spokesperson",
        "Foreign Minister Dmytro Kuleba",
        "Kuleba",
        "the minister",
        "the foreign minister",
        "he",
        "she",
        "they",
        "it",
        "its",
        "who",
        "two NBC News sources",
        "NBC News sources",
        "its sources",
        "their sources",
        "the outlet’s sources",
        "the publication’s interlocutors",
        "a source",
        "a senior official",
        "An administration official",
        "unnamed US officials",
        "officials",
        "the officials",
        "Élysée",
        "ÉLYSÉE",
        "the Élysée",
        "Apple",
        "Apple Inc",
        "Mr Apple",
        "Al",
        "Al Gore",
        "Xi",
        "Xi Jinping",
        "Jinping",
        "the White House",
        "White House",
        "White House press secretary Karine Jean-Pierre",
        "Jean-Pierre",
        "the press secretary",
        "many in the crowd",
        "Some of his advisers",
        // Kinds settled late: an unknown name that a titled mention makes a person; a plural
        // name that a description makes a group, then a person mention gives it a surname.
        "Zoka",
        "adviser Zoka",
        "Zoka News",
        "Zoka Times",
        "Zoka News Digital",
        "President Trump",
        "Trump Post",
        "Zokas",
        "the zokas",
        "adviser Zokas",
        "Mira Zokas",
        "Kremlin spokesman Dmitry Peskov",
        "Peskov",
        "the Kremlin spokesman",
    ];

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

    /// A text of `n` random mentions, one per sentence, and their spans. `mix` 0: any phrase;
    /// 1: a few phrases, often repeated; 2: many titles on a few surnames and definite
    /// descriptions with modifiers that may or may not occur in them.
    fn random_doc(rng: &mut Lcg, n: usize, mix: usize) -> (String, Vec<Span>) {
        let few: Vec<&str> = (0..6).map(|_| PHRASES[rng.below(PHRASES.len())]).collect();
        let mut text = String::new();
        let mut spans = Vec::new();
        for _ in 0..n {
            let phrase = match (mix, rng.below(10)) {
                // Made-up titled persons and bodies.
                (0, 0) | (2, 0..=4) => {
                    let title: Vec<String> = (0..1 + rng.below(3)).map(|_| word(rng)).collect();
                    format!("{} adviser {} {}", title.join(" "), word(rng), ["Smith", "Kuleba", "Trump"][rng.below(3)])
                }
                (0, 1) | (2, 5..=7) => format!("the {} adviser", word(rng)),
                (0, 2) => format!("{} {}", word(rng), ["News", "Ministry", "Times", "Council"][rng.below(4)]),
                (1, _) => few[rng.below(few.len())].to_string(),
                _ => PHRASES[rng.below(PHRASES.len())].to_string(),
            };
            let start = text.len();
            text.push_str(&phrase);
            spans.push(Span::new(start, text.len()));
            text.push_str([" said so. ", " told reporters.\n\n", ", said. ", " said that "][rng.below(4)]);
        }
        // The same span as source of two claims now and then.
        for _ in 0..n / 10 {
            let s = spans[rng.below(spans.len())];
            spans.push(s);
        }
        (text, spans)
    }

    #[test]
    fn indexed_grouping_equals_the_scan() {
        let mut rng = Lcg(7);
        for round in 0..450 {
            let mix = round % 3;
            let n = if mix == 2 { 100 + round % 300 } else { 5 + round % 120 };
            let (text, spans) = random_doc(&mut rng, n, mix);
            let (fast, fast_of) = group(&text, &spans);
            let (slow, slow_of) = scan::group(&text, &spans);
            assert_eq!(fast_of, slow_of, "round {round}: {text}");
            assert_eq!(fast.len(), slow.len());
            for (a, b) in fast.iter().zip(&slow) {
                assert_eq!(a.name, b.name);
                assert_eq!(a.lname, a.name.as_ref().map(|n| n.to_lowercase()));
                assert_eq!(a.kind, b.kind);
                assert_eq!(a.titles.list, b.titles);
                assert_eq!(a.anonymous, b.anonymous);
                assert_eq!(a.mentions, b.mentions);
                assert_eq!(a.key, b.key);
                assert_eq!(a.surname, b.surname);
            }
        }
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
        // As before the index: a headline "Trump" alone is a name of unknown kind with no
        // surname, so "Donald Trump" (a person, matched by surname) starts a speaker of its own,
        // which "Melania Trump" then joins. The other way round, "Trump" joins "Donald Trump".
        let sp = speakers_of("Trump said no. Donald Trump said yes. Melania Trump said maybe. ");
        assert_eq!(
            sp,
            vec![
                ("Trump".to_string(), vec!["Trump"]),
                ("Melania Trump".to_string(), vec!["Donald Trump", "Melania Trump"]),
            ]
        );
        let sp = speakers_of("Donald Trump said yes. Trump said no. TRUMP said so. ");
        assert_eq!(sp, vec![("Donald Trump".to_string(), vec!["Donald Trump", "Trump", "TRUMP"])]);
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
        // Distinct surnames are distinct speakers; a shared surname is one.
        let surnames: rustc_hash::FxHashSet<&str> = names.iter().map(|n| n.rsplit(' ').next().unwrap()).collect();
        assert_eq!(sp.len(), surnames.len());
    }

    #[test]
    fn taken_overlaps_as_any_span_does() {
        let mut rng = Lcg(3);
        for _ in 0..300 {
            let spans: Vec<Span> = (0..rng.below(12))
                .map(|_| {
                    let s = rng.below(40);
                    let max = if rng.below(4) == 0 { 30 } else { 4 };
                    Span::new(s, s + rng.below(max))
                })
                .collect();
            let taken = Taken::new(spans.clone());
            for s in 0..45 {
                for len in 0..8 {
                    let span = Span::new(s, s + len);
                    assert_eq!(taken.overlaps(span), spans.iter().any(|t| t.overlaps(span)), "{spans:?} {span:?}");
                }
            }
        }
    }

    #[test]
    fn titles_answer_as_the_scans_do() {
        let mut rng = Lcg(11);
        for _ in 0..200 {
            let mut titles = Titles::default();
            let mut list: Vec<String> = Vec::new();
            for _ in 0..rng.below(150) {
                let t: String =
                    (0..1 + rng.below(12)).map(|_| ['a', 'b', 'c', 'B', ' ', 'é', 'É', 'Σ'][rng.below(8)]).collect();
                titles.add(&t);
                if !list.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
                    list.push(t);
                }
            }
            assert_eq!(titles.list, list);
            for _ in 0..200 {
                let needle: String = (0..1 + rng.below(6)).map(|_| ['a', 'b', 'c', 'B', 'é'][rng.below(5)]).collect();
                assert_eq!(titles.any_contains(&needle), list.iter().any(|t| t.contains(&needle)), "{needle}");
            }
            for w in ["a", "b", "ab", "é", "bé", "σ", "ς", "aς", "aσ", "bb", "éé"] {
                let slow = list.iter().any(|t| t.to_lowercase().split_whitespace().any(|x| x == w));
                assert_eq!(titles.has_word(w), slow, "{w} in {list:?}");
            }
        }
    }
}
