//! What one source mention says about its speaker: its name and titles ("State Department
//! principal deputy spokesperson" + "Vedant Patel"), its kind, whether it is a pronoun or a
//! definite description, and its anonymity with the words that show it.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

use super::anonymity::{classify, Described};
use crate::engine::lexicon::Lexicon;
use crate::engine::model::{Anonymity, SpeakerKind};
use crate::engine::span::Span;
use crate::engine::words::possessive_base;

pub(super) const PLACES_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/places.txt"));
pub(super) const TITLES_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/titles.txt"));

pub(super) fn list(src: &'static str) -> &'static [&'static str] {
    // Leaked once per list: the lists are static data that live for the whole program.
    Box::leak(
        src.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

pub(super) fn places() -> &'static FxHashSet<&'static str> {
    static P: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    P.get_or_init(|| list(PLACES_TXT).iter().copied().collect())
}

pub(super) fn titles() -> &'static FxHashSet<&'static str> {
    static T: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    T.get_or_init(|| list(TITLES_TXT).iter().copied().collect())
}

/// A title before a name (lower case): "senator", "gen.", or two joined by a hyphen
/// ("attorney-general", "secretary-general", "vice-president"; "jean-pierre" is none).
fn is_title(l: &str) -> bool {
    titles().contains(l) || l.split_once('-').is_some_and(|(a, b)| titles().contains(a) && titles().contains(b))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    Person, // he, she
    Plural, // they, their
    Thing,  // it, its
    Any,    // who, which, we, I
}

/// What a mention says about its entity.
#[derive(Clone, Debug)]
pub(super) struct Mention {
    pub(super) span: Span,
    /// Proper name ("Vedant Patel", "NBC News"), if any.
    pub(super) name: Option<String>,
    /// Title words before the name, or the whole description.
    pub(super) title: Option<String>,
    pub(super) kind: SpeakerKind,
    pub(super) anonymous: bool,
    /// A woman (`Some(true)`) or a man (`Some(false)`), when its words say so: "Mrs.",
    /// "spokeswoman", a first name; for a pronoun, "she" or "he".
    pub(super) female: Option<bool>,
    /// Named, anonymous or vague ([`super::anonymity`]).
    pub(super) anonymity: Anonymity,
    /// The words that made it anonymous or vague.
    pub(super) evidence: &'static str,
    pub(super) pronoun: Option<Pronoun>,
    pub(super) definite: bool,
    /// Lower-case head noun ("official", "sources", "outlet").
    pub(super) head: Option<String>,
    /// Normalised description for anonymous clustering.
    pub(super) key: String,
    /// Capitalised modifiers of a description ("Ukrainian" in "the Ukrainian president").
    pub(super) modifiers: Vec<String>,
    /// "its sources", "the publication’s interlocutors": the possessor refers to an outlet.
    pub(super) outlet_possessor: bool,
}

pub(super) fn strip_quotes(w: &str) -> &str {
    w.trim_matches(|c: char| matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | ',' | '(' | ')' | '«' | '»'))
}

pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `w` ends in 's or ’s ("Tribe’s", "ad's").
pub(super) fn is_possessive(w: &str) -> bool {
    (w.ends_with("'s") || w.ends_with("’s")) && w.len() > "’s".len()
}

/// Whether the word before a full stop makes it an abbreviation's ("Sen.", "Mr.", "U.S."): it
/// holds a full stop itself, or is a capitalised word of at most three bytes.
pub(super) fn abbreviation(word: &str) -> bool {
    word.contains('.') || (word.len() <= 3 && word.starts_with(char::is_uppercase))
}

pub(super) const ANON_DET: &[&str] = &[
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

pub(super) fn describe(text: &str, span: Span) -> Mention {
    // A relative clause says what the speaker did, never who it is: "Don Fowler, who helmed the
    // DNC from 1995 to 1997" is Don Fowler.
    // (The words after the cut part still count for anonymity: "an aide, who spoke on condition
    // of anonymity".)
    let cut = without_relative_clause(text, span);
    // "Britain's Queen Elizabeth II, who said …": a relative pronoun is its antecedent, when
    // that is a name right before it.
    if let Some(ante) = antecedent(text, span) {
        let mut m = describe_phrase(text, ante);
        if (m.name.is_some() || m.kind != SpeakerKind::Unknown) && m.pronoun.is_none() {
            m.span = span;
            return m;
        }
    }
    // An apposition: "Flynn, a top Trump surrogate", "Brian Fallon, the campaign’s press
    // secretary", "The minister of the economy, Mr. Guajardo Villarreal": the part with a name
    // names the speaker, the other part is its title.
    let mut m = apposition(text, cut).unwrap_or_else(|| describe_phrase(text, cut));
    m.span = span;
    m
}

/// The name a relative "who" stands for: "Britain's Queen Elizabeth II, who …" — the run of
/// capitalised words (and "of", "the", possessives) right before ", who", at most eight words.
fn antecedent(text: &str, span: Span) -> Option<Span> {
    let word = span.text(text);
    if !(word.eq_ignore_ascii_case("who") || word.eq_ignore_ascii_case("which")) {
        return None;
    }
    let before = text.get(..span.start)?.trim_end();
    let before = before.strip_suffix(',')?.trim_end();
    let (end, mut start) = (before.len(), before.len());
    for _ in 0..8 {
        let rest = before.get(..start)?.trim_end();
        // (The white space may be wider than a byte: a no-break space.)
        let i = rest.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let raw = rest.get(i..)?;
        let w = strip_quotes(raw);
        let joiner = ["of", "the", "de", "bin", "al", "von", "van", "on", "in", "at", "for", "from"].contains(&w);
        // A previous sentence's last word ("… said Clinton. Trump, who …") ends the run.
        let sentence_end = raw.ends_with(['!', '?']) || (raw.ends_with('.') && !abbreviation(&raw[..raw.len() - 1]));
        if w.is_empty()
            || !(is_cap(w) || joiner)
            || (start < end && (sentence_end || before.get(rest.len()..start).is_some_and(|g| g.contains('\n'))))
        {
            break;
        }
        start = i;
        if i == 0 {
            break;
        }
    }
    // Joiners at the front belong to no name ("in Washington, who" → "Washington").
    while let Some(sp) = before.get(start..end)?.find(' ') {
        let w = before.get(start..start + sp)?;
        if is_cap(w) {
            break;
        }
        start += sp + 1;
    }
    let span = Span::new(start, end);
    // Starts with a capital, ends with one: "the" or "of" at the edges is no name.
    let t = span.text(text);
    let first = t.split(' ').next().unwrap_or("");
    let last = t.rsplit(' ').next().unwrap_or("");
    (is_cap(first) && is_cap(last) && !t.is_empty()).then_some(span)
}

/// Participles that open a post-modifier after a comma ("The report, published by …").
const PARTICIPLES: &[&str] =
    &["published", "released", "issued", "commissioned", "conducted", "compiled", "produced", "written", "obtained"];

/// `span` up to a relative pronoun after its first word ("who", "whose", "which") or a closing
/// parenthetical remark, trailing commas and spaces trimmed; the mention keeps its whole span.
pub(super) fn without_relative_clause(text: &str, span: Span) -> Span {
    let raw = span.text(text);
    let mut at = None;
    let mut offset = 0;
    let mut after_comma = false;
    for (k, w) in raw.split(' ').enumerate() {
        let bare = w.trim_start_matches(',');
        // "The report, published by the King's Fund think tank": a participle after a comma
        // says where a document came from, not what it is.
        let participle = after_comma && PARTICIPLES.contains(&bare);
        if k > 0 && (matches!(bare, "who" | "whose" | "which") || participle) {
            at = Some(offset);
            break;
        }
        after_comma = w.ends_with(',');
        offset += w.len() + 1;
    }
    // A closing parenthetical remark: "Mr. Burman (a view echoed by everyone I interviewed)" —
    // not a party tag such as "(D-Mont.)" or "(Vt.)".
    if at.is_none() {
        if let Some(open) = raw.find(" (") {
            let inner = raw[open + 2..].trim_end_matches(')');
            let closes_at_end = !raw[open + 2..].trim_end_matches(')').contains(')');
            if closes_at_end && inner.contains(' ') && inner.split(' ').any(|w| w.chars().all(char::is_lowercase)) {
                at = Some(open);
            }
        }
    }
    let Some(cut) = at else { return span };
    let head = raw[..cut].trim_end_matches([' ', ',']);
    if head.is_empty() {
        return span;
    }
    Span::new(span.start, span.start + head.len())
}

/// The two parts of "A, B" (up to a second comma), when exactly one of them is a name.
fn apposition(text: &str, span: Span) -> Option<Mention> {
    let raw = span.text(text);
    let comma = raw.find(',')?;
    let rest = &raw[comma + 1..];
    let b_end = comma + 1 + rest.find(',').unwrap_or(rest.len());
    let left = Span::new(span.start, span.start + comma).trim(text);
    let right = Span::new(span.start + comma + 1, span.start + b_end).trim(text);
    if left.is_empty() || right.is_empty() {
        return None;
    }
    let (a, b) = (describe_phrase(text, left), describe_phrase(text, right));
    let (mut named, other) = match (a.name.is_some() && a.pronoun.is_none(), b.name.is_some() && b.pronoun.is_none()) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    if named.kind != SpeakerKind::Person && other.kind == SpeakerKind::Person {
        named.kind = SpeakerKind::Person;
    }
    // An age is no title: "Quina Jones, 25".
    let age = other.span.text(text).trim().bytes().all(|b| b.is_ascii_digit());
    if named.title.is_none() && other.name.is_none() && other.pronoun.is_none() && !age {
        named.title = Some(other.span.text(text).trim().to_string());
    }
    named.span = span;
    Some(named)
}

/// Monday to Sunday: the first seven of the time words.
const WEEKDAYS: &[&str] = crate::engine::words::TIME_WORDS.split_at(7).0;

fn describe_phrase(text: &str, span: Span) -> Mention {
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
        female: None,
        anonymity: Anonymity::Named,
        evidence: "",
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
            m.female = match lower[0].as_str() {
                "she" | "her" => Some(true),
                "he" | "him" | "his" => Some(false),
                _ => None,
            };
            return m;
        }
    }
    // "Some", "Many", "Others": a quantifier alone is a vague group, never a name.
    if words.len() == 1
        && ["some", "many", "most", "others", "several", "few", "all", "both"].contains(&lower[0].as_str())
    {
        m.kind = SpeakerKind::Group;
        m.head = Some(lower[0].clone());
        m.title = Some(words[0].to_string());
        return finish(m, text, &lower);
    }
    // A joint source: "Mr. King and Mr. Schultz", "Sens. Jon Tester (D-Mont.) and David Vitter
    // (R-La.)" — a group of its own (the gold's convention), never merged into one of them.
    let joint = lower.iter().position(|w| w == "and").filter(|&p| {
        let capital = |w: &str| is_cap(w) || w.ends_with(')');
        p > 0
            && p + 1 < words.len()
            && capital(words[p - 1])
            && is_cap(words[p + 1])
            && is_cap(words[0])
            && !lower[..p].iter().any(|w| ["of", "for", "at", "from", "with", "in", "on"].contains(&w.as_str()))
    });
    if joint.is_some() {
        m.kind = SpeakerKind::Group;
        m.name = Some(raw.trim().to_string());
        m.head = Some("and".to_string());
        return finish(m, text, &lower);
    }
    // "NBC's Chuck Todd", "the Bureau of Meteorology's Claire Richards": a person named after
    // a possessive; what comes before the name is the affiliation.
    if let Some(k) = affiliated_name(&words, &lower) {
        let name = words[k + 1..].join(" ");
        m.kind = SpeakerKind::Person;
        m.title = Some(affiliation(&words[..=k]));
        m.head = lower.last().cloned();
        m.name = Some(name);
        return finish(m, text, &lower);
    }
    // "Secretary of State John Kerry", "Chairman of the Joint Chiefs General Richard Myers": a
    // title with its complement, then a person's name.
    if let Some(k) = name_after_titled_complement(&words, &lower) {
        m.kind = SpeakerKind::Person;
        m.title = Some(words[..k].join(" "));
        m.head = lower.last().cloned();
        m.name = Some(words[k..].join(" "));
        return finish(m, text, &lower);
    }
    // Cut a trailing prepositional phrase for the head: "the spokeswoman for the … Council".
    let pp = lower.iter().position(|w| {
        ["for", "of", "at", "from", "with", "in", "on", "and", "to", "among", "by"].contains(&w.as_str())
    });
    let mut core_end = pp.filter(|&p| p > 0).unwrap_or(words.len());
    // "three people familiar with the matter", "officials close to the talks": the adjective
    // before the phrase modifies the head, it is none.
    if core_end > 1
        && core_end < words.len()
        && ["familiar", "close", "closest", "briefed", "involved", "knowledgeable"]
            .contains(&lower[core_end - 1].as_str())
        && !["those", "some", "many", "several", "others", "few", "all", "one"].contains(&lower[core_end - 2].as_str())
    {
        core_end -= 1;
    }
    // "a report Tuesday from WKOW": a weekday after the head is a time, not the head.
    // ("By Sunday" stays whole: its first word heads nothing.)
    while core_end > 1
        && WEEKDAYS.contains(&lower[core_end - 1].as_str())
        && !["by", "until", "since", "before", "after", "on", "last", "next"].contains(&lower[core_end - 2].as_str())
    {
        core_end -= 1;
    }
    // "A Quinnipiac University poll released in late August", "research conducted by …": a
    // participle after a known head opens a reduced relative clause, which is no part of the head.
    if let Some(k) = (1..core_end).find(|&k| {
        let w = lower[k].as_str();
        let participle = w.len() > 4 && w.ends_with("ed") || ["taken", "written", "given", "shown"].contains(&w);
        // ("her party's elected leaders": after a possessive it is an adjective.)
        participle && !is_cap(words[k]) && !is_possessive(words[k - 1]) && lex.role(&lower[k - 1]).is_some()
    }) {
        core_end = k;
    }
    // "Many in the crowd", "Some of his advisers": a quantifier heads a group, never a name.
    let quantifier = core_end == 1
        && words.len() > 1
        && ["many", "some", "several", "most", "others", "all", "both", "few", "none"].contains(&lower[0].as_str());
    // Name: the trailing run of capitalised words of the core after the last title/role word.
    let mut name_start = core_end;
    // A particle inside a name: "Osama bin Laden", "Ursula von der Leyen", "Charles de Gaulle".
    let is_particle =
        |l: &str| ["bin", "ibn", "al", "el", "de", "van", "von", "der", "da", "di", "du", "del", "abu"].contains(&l);
    let particle = |k: usize| {
        k >= 1 && k + 1 < core_end && is_particle(&lower[k]) && (is_cap(words[k - 1]) || is_particle(&lower[k - 1]))
    };
    while !quantifier && name_start > 0 && (is_cap(words[name_start - 1]) || particle(name_start - 1)) {
        let l = &lower[name_start - 1];
        // "the order released Friday", "A Monmouth poll out Monday": a weekday ends a phrase, it
        // names no one.
        if name_start == core_end && WEEKDAYS.contains(&l.as_str()) {
            break;
        }
        // "Many Mexicans", "Several Democrats": a sentence's first word is no part of a name.
        if ANON_DET.contains(&l.as_str()) || ["most", "few", "all", "both"].contains(&l.as_str()) {
            break;
        }
        // "The Australian Services Union's Luke Foley": a possessive before the name is its
        // affiliation ("McDonald's" alone stays a name).
        if name_start < core_end && is_possessive(words[name_start - 1]) {
            break;
        }
        let l = possessive_base(l).unwrap_or(l);
        let role = is_title(l) || lex.role(l).is_some_and(|k| k == SpeakerKind::Person || k == SpeakerKind::Group);
        // A surname that is also a role word is a name after a first name or an honorific:
        // "Larry King", "Mr. King", "Judge Judy Sheindlin" keeps its title.
        if role && !(name_start == core_end && name_start >= 2 && names_a_person(&lower[name_start - 2])) {
            break;
        }
        name_start -= 1;
    }
    // "The New York Times" is "New York Times", "The FBI" is "FBI": a leading article is no
    // part of a name of two words or more or of an acronym (a one-word name keeps it: "The
    // Blaze", "The Times").
    if name_start + 1 < core_end
        && lower[name_start] == "the"
        && (name_start + 2 < core_end || is_acronym(words[name_start + 1]))
    {
        name_start += 1;
    }
    // Nationality or place adjectives right before a role word are modifiers, not names.
    let head_raw = lower.get(core_end.wrapping_sub(1)).cloned().unwrap_or_default();
    let head = possessive_base(&head_raw).unwrap_or(&head_raw).to_string();
    let head_role = lex.role(&head);
    let first = lower.first().map(String::as_str).unwrap_or("");
    m.definite = ["the", "this", "that", "these", "those"].contains(&first);
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
        .filter(|(w, l)| is_cap(w) && !["the", "a", "an", "this", "that", "these", "those"].contains(&l.as_str()))
        .map(|(w, _)| w.to_string())
        .collect();
    // A surname that is a role word after a first name or an honorific is still a name ("Frank
    // Farmer", "Mr Farmer", "Gary Player").
    let run = core_end - name_start;
    let whole = lower[name_start.min(core_end)..core_end].join(" ");
    let surname_role = head_role == Some(SpeakerKind::Person)
        && !lex.is_outlet(&whole)
        && !newspaper(&whole)
        && (run >= 2 && names_a_person(&lower[name_start])
            || run >= 1 && name_start >= 1 && names_a_person(&lower[name_start - 1]));
    if name_start < core_end && (head_role.is_none() || surname_role) {
        // A party-and-state tag is no part of the name: "Mike Pence R-IN", "Stephen Lynch D-Mass.".
        let mut name_end = core_end;
        if name_end > name_start + 1 && is_party_tag(words[name_end - 1]) {
            name_end -= 1;
        }
        let name = words[name_start..name_end].join(" ");
        let name = possessive_base(&name).unwrap_or(&name).to_string();
        let lname = name.to_lowercase();
        if name_start > 0 && !lower[..name_start].iter().all(|w| matches!(w.as_str(), "the" | "a" | "an")) {
            // "The union's Geoff Derrick": the possessor is the affiliation ("union").
            m.title = Some(affiliation(&words[..name_start]));
        } else if core_end < words.len() {
            m.title = None;
        }
        // Only bare articles before the name ("The Blaze"): no title.
        let bare = name_start > 0 && lower[..name_start].iter().all(|w| matches!(w.as_str(), "the" | "a" | "an"));
        // "Japanese carmaker Mitsubishi", "the broadcaster NBC": the role before the name says
        // what kind of institution it is.
        let title_kind = name_start.checked_sub(1).and_then(|t| lex.role(&lower[t])).filter(|k| {
            matches!(k, SpeakerKind::Organisation | SpeakerKind::GovernmentBody | SpeakerKind::MediaOutlet)
        });
        m.kind = match title_kind {
            _ if surname_role => SpeakerKind::Person,
            Some(k) if !is_cap(words[name_start - 1]) => k,
            _ => name_kind(&name, &lname, bare),
        };
        m.name = Some(name);
        m.head = Some(head);
        return finish(m, text, &lower);
    }
    // A description: "the official", "Two NBC News sources", "media reports".
    m.title = Some(words.join(" "));
    m.head = Some(head.clone());
    // "a “high-ranking US official” and his former colleague": two people ("The former first
    // lady and U.S. senator" is one: no determiner of its own after "and").
    let coordinated = lower.get(core_end).is_some_and(|w| w == "and")
        && lower.get(core_end + 1).is_some_and(|w| {
            ["his", "her", "their", "a", "an", "another", "two", "other", "several"].contains(&w.as_str())
        });
    let joined = lower.join(" ");
    let place = places().contains(joined.strip_prefix("the ").unwrap_or(&joined));
    m.kind = match head_role {
        // "The United States" is no group of states.
        _ if place => SpeakerKind::GovernmentBody,
        Some(SpeakerKind::Person) if coordinated => SpeakerKind::Group,
        Some(k) => k,
        // "The Governor-General", "the Attorney-General": a title alone is a person.
        None if is_title(&head) && head.contains('-') => SpeakerKind::Person,
        None if head.ends_with('s') || quantifier => SpeakerKind::Group,
        None => SpeakerKind::Unknown,
    };
    // "Southwest Airlines", "the Ukrainian Air Force", "the Ministry of Defense": an
    // institution's name ends with (or is headed by) its kind of institution.
    if matches!(head_role, Some(SpeakerKind::Organisation | SpeakerKind::GovernmentBody)) {
        if let Some(name) = institution_name(&words, &lower, core_end) {
            m.name = Some(name);
            m.title = None;
        }
    }
    // "The Charlotte Observer": a newspaper's name ends with a word that is also a role noun.
    let whole = lower.join(" ");
    let cap_name = words.iter().skip(1).all(|w| is_cap(w)) && words.len() >= 2;
    if lex.is_outlet(&whole) || (cap_name && newspaper(&whole)) {
        m.kind = SpeakerKind::MediaOutlet;
        m.name = Some(words.join(" "));
        m.title = None;
    }
    finish(m, text, &lower)
}

/// The name of an institution whose words are all capitalised after an optional "the" — the
/// core up to its head and a tail of capitalised words joined by "of", "for", "and", "on", "the"
/// ("Ministry of Defense") — with at least one capitalised word besides the head ("The Bank" is
/// a description).
fn institution_name(words: &[&str], lower: &[String], core_end: usize) -> Option<String> {
    let start = usize::from(lower.first().is_some_and(|w| w == "the"));
    let core = words.get(start..core_end)?;
    if core.len() < 2 || !core.iter().all(|w| is_cap(w)) {
        return None;
    }
    let joiner = |l: &str| ["of", "for", "and", "on", "the"].contains(&l);
    let tail_ok = words[core_end..].iter().zip(&lower[core_end..]).all(|(w, l)| is_cap(w) || joiner(l))
        && words.last().is_some_and(|w| is_cap(w));
    let end = if tail_ok { words.len() } else { core_end };
    Some(words[start..end].join(" "))
}

/// Where the possessive before a person's name is ("NBC's | Chuck Todd"): the words after it
/// are capitalised and open with an honorific or a first name the lexicon knows.
fn affiliated_name(words: &[&str], lower: &[String]) -> Option<usize> {
    let k = words.iter().rposition(|w| is_possessive(w))?;
    let rest = words.get(k + 1..).filter(|r| r.len() >= 2)?;
    (rest.iter().all(|w| is_cap(w)) && names_a_person(&lower[k + 1])).then_some(k)
}

/// The words before a name as its title: without a leading article, and a possessor as itself
/// ("the Bureau of Meteorology's" → "Bureau of Meteorology", "The union's" → "union").
fn affiliation(words: &[&str]) -> String {
    let joined = words.join(" ");
    let base = possessive_base(&joined).unwrap_or(&joined);
    base.strip_prefix("the ").or_else(|| base.strip_prefix("The ")).unwrap_or(base).to_string()
}

/// Where the name starts in "Secretary of State John Kerry": the phrase opens with a
/// capitalised title, its complement follows a preposition, and the name is the last two or
/// more capitalised words, opening with a first name or an honorific, after a capitalised word.
fn name_after_titled_complement(words: &[&str], lower: &[String]) -> Option<usize> {
    let lex = Lexicon::get();
    let title = |l: &str| is_title(l) || lex.role(l) == Some(SpeakerKind::Person);
    if !words.first().is_some_and(|w| is_cap(w)) || !title(&lower[0]) {
        return None;
    }
    let p = lower.iter().position(|w| matches!(w.as_str(), "of" | "for"))?;
    if !lower[..p].iter().zip(words).all(|(l, w)| is_cap(w) && title(l)) {
        return None;
    }
    (p + 2..words.len().saturating_sub(1))
        .find(|&k| names_a_person(&lower[k]) && is_cap(words[k - 1]) && words[k..].iter().all(|w| is_cap(w)))
}

/// An honorific ("Mr.", "Dr.") or a first name the lexicon knows ("Larry"): the next word is
/// a surname.
fn names_a_person(lower: &str) -> bool {
    ["mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"].contains(&lower)
        || genders().get(lower).is_some_and(|&(_, title)| !title)
}

/// The gender of a first name the lexicon knows ("hillary" → a woman), lower-cased.
pub(super) fn first_name_gender(lower: &str) -> Option<bool> {
    genders().get(lower).filter(|&&(_, title)| !title).map(|&(f, _)| f)
}

/// Gendered title words and first names (`lexicon/genders.tsv`): word → (female, is a title).
fn genders() -> &'static rustc_hash::FxHashMap<&'static str, (bool, bool)> {
    static G: OnceLock<rustc_hash::FxHashMap<&'static str, (bool, bool)>> = OnceLock::new();
    G.get_or_init(|| {
        // (Embedded one line per class: `f|m<TAB>name|title<TAB>word word …`, see build.rs.)
        list(include_str!(concat!(env!("OUT_DIR"), "/lexicon/genders.tsv")))
            .iter()
            .filter_map(|l| {
                let mut f = l.split('\t');
                let class = (f.next()? == "f", f.next()? == "title");
                Some(f.next()?.split(' ').map(move |w| (w, class)))
            })
            .flatten()
            .collect()
    })
}

/// The mention's gender, from a title or role word ("Mrs.", "spokeswoman") or the first word of
/// a name of two words or more ("Hillary Clinton").
fn gender(m: &Mention, lower: &[String]) -> Option<bool> {
    let g = genders();
    let title = lower.iter().find_map(|w| g.get(w.as_str()).filter(|(_, title)| *title).map(|&(f, _)| f));
    let first_name = m.name.as_deref().and_then(|n| n.split_once(' ')).map(|(f, _)| f.to_lowercase());
    title.or_else(|| first_name.and_then(|f| g.get(f.as_str()).map(|&(f, _)| f)))
}

/// The mention's anonymity, from its words and the text right before and after it.
fn finish(mut m: Mention, text: &str, lower: &[String]) -> Mention {
    m.female = gender(&m, lower);
    let mut end = (m.span.end + 80).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = m.span.start.saturating_sub(160);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let described = Described {
        before: text.get(start..m.span.start).unwrap_or(""),
        lower,
        head: m.head.as_deref().unwrap_or(""),
        kind: m.kind,
        named: m.name.is_some(),
        definite: m.definite,
        outlet_possessor: m.outlet_possessor,
        after: text.get(m.span.end..end).unwrap_or(""),
    };
    (m.anonymity, m.evidence) = classify(&described);
    m.anonymous = m.anonymity == Anonymity::Anonymous;
    m
}

/// The kind of a proper name (`lname` lower-cased; `bare`: only an article before it).
fn name_kind(name: &str, lname: &str, bare: bool) -> SpeakerKind {
    let lex = Lexicon::get();
    let people = |w: &str| !w.contains(' ') && (w.ends_with("ans") || w.ends_with("ese") || w.ends_with("ists"));
    if lex.is_outlet(lname) || newspaper(lname) {
        SpeakerKind::MediaOutlet
    } else if places().contains(lname) || places().contains(lname.strip_prefix("the ").unwrap_or(lname)) {
        SpeakerKind::GovernmentBody
    } else if let Some(k) = lex.role(lname.rsplit(' ').next().unwrap_or("")) {
        if k == SpeakerKind::Person || k == SpeakerKind::Group {
            SpeakerKind::Organisation
        } else {
            k
        }
    } else if lname.contains(" and ") {
        // "Mr. Obama and Hillary Clinton", "Sens. Jon Tester and David Vitter": a joint source.
        SpeakerKind::Group
    } else if people(lname.strip_prefix("the ").unwrap_or(lname)) {
        // "The Europeans", "the Chinese", "Republicans": a people or a party's members (the
        // article may have stayed on the name: a one-word name keeps it).
        SpeakerKind::Group
    } else if is_acronym(name) || acronym_and_place(name, lname) || ends_with_place(lname) {
        // "The FBI", "NATO", "the GOP", "NHS England", "Geoscience Australia": an institution.
        SpeakerKind::Organisation
    } else if bare && !lname.contains(' ') {
        // "The Blaze": a one-word name after a bare article is an institution's.
        SpeakerKind::Organisation
    } else {
        // A name, titled or not ("Trump", "Sen. Warren", "Vedant Patel"): a person.
        SpeakerKind::Person
    }
}

/// "… News", "… Times", "… Observer": the last word of a newspaper's or broadcaster's name.
pub(super) fn newspaper(lname: &str) -> bool {
    const LAST: &[&str] = &[
        " news",
        " news service",
        " times",
        " post",
        " observer",
        " tribune",
        " herald",
        " journal",
        " gazette",
        " chronicle",
        " inquirer",
        " globe",
        " register",
        " examiner",
        " dispatch",
        " telegraph",
        " guardian",
        " independent",
    ];
    LAST.iter().any(|l| lname.ends_with(l))
}

/// "R-IN", "D-Mass.", "I-Vt.", "(D)": a party (and state) after a name.
fn is_party_tag(w: &str) -> bool {
    let w = w.trim_end_matches([',', ')']).trim_start_matches('(');
    matches!(w.as_bytes(), [b'R' | b'D' | b'I'] | [b'R' | b'D' | b'I', b'-', b'A'..=b'Z', ..])
}

/// "NHS England", "BBC Scotland": an acronym of three letters or more, then a place (a person's
/// initials are two: "JD Vance").
fn acronym_and_place(name: &str, lname: &str) -> bool {
    let (Some((first, _)), Some((_, rest))) = (name.split_once(' '), lname.split_once(' ')) else {
        return false;
    };
    first.len() >= 3 && is_acronym(first) && places().contains(rest)
}

/// "Geoscience Australia", "Tourism New Zealand": a name that ends with a state and does not
/// open with a first name or an honorific ("Jack London", "Mr. Israel" are people).
fn ends_with_place(lname: &str) -> bool {
    let Some((first, _)) = lname.split_once(' ') else { return false };
    !names_a_person(first) && lname.match_indices(' ').any(|(i, _)| places().contains(&lname[i + 1..]))
}

/// "FBI", "NATO", "GOP": two to six capital letters.
fn is_acronym(w: &str) -> bool {
    (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(s: &str) -> Mention {
        describe(s, Span::new(0, s.len()))
    }

    #[test]
    fn an_apposition_names_the_speaker() {
        let m = desc("Brian Fallon, the campaign’s press secretary");
        assert_eq!(m.name.as_deref(), Some("Brian Fallon"));
        assert_eq!(m.title.as_deref(), Some("the campaign’s press secretary"));
        let m = desc("The minister of the economy, Mr. Guajardo Villarreal");
        assert_eq!(m.name.as_deref(), Some("Guajardo Villarreal"));
        assert_eq!(m.kind, SpeakerKind::Person);
        assert_eq!(desc("Flynn, a top Trump surrogate").name.as_deref(), Some("Flynn"));
        assert_eq!(desc("Quina Jones, 25").title, None, "an age is no title");
        // A relative clause names no one: not "DNC".
        let m = desc("Don Fowler, who helmed the DNC from 1995 to 1997");
        assert_eq!((m.name.as_deref(), m.kind), (Some("Don Fowler"), SpeakerKind::Person));
        assert_eq!(m.span, Span::new(0, "Don Fowler, who helmed the DNC from 1995 to 1997".len()));
        let m = desc("Mr. Burman (a view echoed by everyone I interviewed)");
        assert_eq!(m.name.as_deref(), Some("Burman"));
        // A joint source is a group of its own.
        for j in ["Mr. King and Mr. Schultz", "Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)"] {
            let m = desc(j);
            assert_eq!((m.kind, m.name.as_deref()), (SpeakerKind::Group, Some(j)), "{j}");
        }
        assert_eq!(desc("The Association of Flight Attendants and Pilots").kind, SpeakerKind::Organisation);
        // A party tag is no remark.
        let m = desc("Sen. Jon Tester (D-Mont.)");
        assert_eq!(m.name.as_deref(), Some("Jon Tester"));
        let m = desc("Robert McAtee, one of several coal industry veterans who have");
        assert_eq!(m.name.as_deref(), Some("Robert McAtee"));
        let m = desc("The Charlotte Observer");
        assert_eq!((m.kind, m.title), (SpeakerKind::MediaOutlet, None));
        let m = desc("the Rev. Peter Wherry");
        assert_eq!((m.kind, m.title), (SpeakerKind::Person, None));
    }

    #[test]
    fn titles_of_wire_copy() {
        // Hyphenated titles (Australian and British spelling) and a title alone.
        let m = desc("Federal Attorney-General Daryl Williams");
        assert_eq!((m.name.as_deref(), m.title.as_deref()), (Some("Daryl Williams"), Some("Federal Attorney-General")));
        assert_eq!(desc("The Governor-General").kind, SpeakerKind::Person);
        assert_eq!(desc("Jean-Pierre").name.as_deref(), Some("Jean-Pierre"), "a hyphenated name is no title");
        // A title with its complement, then the name.
        let m = desc("Secretary of State John Kerry");
        assert_eq!((m.name.as_deref(), m.title.as_deref()), (Some("John Kerry"), Some("Secretary of State")));
        let m = desc("Chairman of the Joint Chiefs General Richard Myers");
        assert_eq!((m.name.as_deref(), m.kind), (Some("Richard Myers"), SpeakerKind::Person));
        assert_ne!(desc("Friends of John Smith").title.as_deref(), Some("Friends of"), "no title before a name");
        // A possessive before a name is the affiliation, whatever the first name.
        let m = desc("The Australian Services Union's Luke Foley");
        assert_eq!((m.name.as_deref(), m.title.as_deref()), (Some("Luke Foley"), Some("Australian Services Union")));
        assert_eq!(desc("The union's Geoff Derrick").title.as_deref(), Some("union"));
        // An institution's kind named before it.
        let m = desc("Japanese carmaker Mitsubishi");
        assert_eq!((m.name.as_deref(), m.kind), (Some("Mitsubishi"), SpeakerKind::Organisation));
        assert_eq!(desc("Human rights group Amnesty International").kind, SpeakerKind::Organisation);
        assert_eq!(desc("the broadcaster NBC").kind, SpeakerKind::MediaOutlet);
        // Role nouns (roles.tsv).
        assert_eq!(desc("The indictment").kind, SpeakerKind::Document);
        assert_eq!(desc("A three-judge panel").kind, SpeakerKind::GovernmentBody);
        assert_eq!(desc("The family of a Bendigo woman").kind, SpeakerKind::Group);
        assert_eq!(desc("the Al-Aqsa Brigades").kind, SpeakerKind::Organisation);
        for (s, k) in [
            ("his mother", SpeakerKind::Person),
            ("A leading Adelaide microbiologist", SpeakerKind::Person),
            ("The Palestinian leadership", SpeakerKind::Organisation),
            ("The gunman", SpeakerKind::Person),
            ("Unions", SpeakerKind::Group),
            ("Labor", SpeakerKind::Organisation),
            ("The tape", SpeakerKind::Document),
            ("a long-classified State Department cable", SpeakerKind::Document),
            ("The Tenet Memorandum", SpeakerKind::Document),
            ("The agreement", SpeakerKind::Document),
            ("the book", SpeakerKind::Document),
            ("the announcer", SpeakerKind::Person),
            ("a friend", SpeakerKind::Person),
            ("his followers", SpeakerKind::Group),
            ("Popular Website", SpeakerKind::MediaOutlet),
            // A state's name before a plural role word.
            ("The United States", SpeakerKind::GovernmentBody),
        ] {
            assert_eq!(desc(s).kind, k, "{s}");
        }
    }

    #[test]
    fn a_reduced_relative_is_no_part_of_the_head() {
        // Before, the head was "released" and the poll's day a person named "Friday".
        for s in [
            "a CBS poll released Friday",
            "A Quinnipiac University poll released in late August",
            "a February survey conducted by WBUR radio",
            "Exit polls taken in South Carolina",
        ] {
            let m = desc(s);
            assert_eq!((m.kind, m.name.as_deref()), (SpeakerKind::Document, None), "{s}");
        }
        // A weekday ending the phrase is no name ("Saturday" was a card's name).
        for s in ["the order released Friday", "A Monmouth poll out Monday", "Saturday"] {
            assert_eq!(desc(s).name, None, "{s}");
        }
        assert_eq!(desc("a report Tuesday from WKOW").kind, SpeakerKind::Document);
        // After a possessive the participle is an adjective: "her party's elected leaders".
        assert_eq!(desc("her party's elected leaders").kind, SpeakerKind::Group);
    }

    #[test]
    fn a_particle_inside_a_name() {
        for s in ["Osama bin Laden", "Ursula von der Leyen", "Charles de Gaulle"] {
            let m = desc(s);
            assert_eq!((m.name.as_deref(), m.kind), (Some(s), SpeakerKind::Person), "{s}");
        }
        // Only between capitalised words: "the de facto leader" has no name.
        assert_eq!(desc("the de facto leader").name, None);
    }

    #[test]
    fn titles_names_and_kinds() {
        let m = desc("State Department principal deputy spokesperson Vedant Patel");
        assert_eq!(m.name.as_deref(), Some("Vedant Patel"));
        assert_eq!(m.title.as_deref(), Some("State Department principal deputy spokesperson"));
        assert_eq!(m.kind, SpeakerKind::Person);
        let m = desc("three people familiar with the matter");
        assert_eq!((m.kind, m.anonymity), (SpeakerKind::Group, Anonymity::Anonymous));
        assert_eq!(desc("officials close to the talks").kind, SpeakerKind::Group);
        assert_eq!(desc("Those close to him").anonymity, Anonymity::Anonymous, "a pronoun is no head");
        let m = desc("Press secretary Karine Jean-Pierre (D)");
        assert_eq!(m.name.as_deref(), Some("Karine Jean-Pierre"), "a bare party tag is no part of the name");
        let m = desc("Ukrainian President Vladimir Zelensky");
        assert_eq!(m.name.as_deref(), Some("Vladimir Zelensky"));
        assert_eq!(desc("NBC News").kind, SpeakerKind::MediaOutlet);
        assert_eq!(desc("Russia").kind, SpeakerKind::GovernmentBody);
        // Any sovereign state (places.txt), and a public service (roles.tsv).
        assert_eq!(desc("Pakistan").kind, SpeakerKind::GovernmentBody);
        assert_eq!(desc("The New South Wales Rural Fire Service").kind, SpeakerKind::GovernmentBody);
        assert_eq!(desc("Christian News Service").kind, SpeakerKind::MediaOutlet);
        // Role nouns of everyday news (roles.tsv) and titles before a name (titles.txt).
        assert_eq!(desc("Firefighters").kind, SpeakerKind::Group);
        // ... and a role word as a surname is still a name.
        for s in ["Frank Farmer", "Mr Farmer"] {
            let m = desc(s);
            assert_eq!(
                (m.name.as_deref().map(|n| n.ends_with("Farmer")), m.kind),
                (Some(true), SpeakerKind::Person),
                "{s}"
            );
        }
        assert_eq!(desc("Geoscience Australia").kind, SpeakerKind::Organisation);
        assert_eq!(desc("Jack London").kind, SpeakerKind::Person);
        let m = desc("US Magistrate Judith Dein");
        assert_eq!((m.name.as_deref(), m.title.as_deref()), (Some("Judith Dein"), Some("US Magistrate")));
        // A person named after a possessive: the possessor is the affiliation.
        let m = desc("the Bureau of Meteorology's Claire Richards");
        assert_eq!((m.name.as_deref(), m.kind), (Some("Claire Richards"), SpeakerKind::Person));
        assert_eq!((m.title.as_deref(), m.female), (Some("Bureau of Meteorology"), Some(true)));
        assert_eq!(desc("NBC's Chuck Todd").title.as_deref(), Some("NBC"));
        assert_eq!(desc("Trump's campaign manager").name, None, "no name after the possessive");
        assert_eq!(desc("NHS England").kind, SpeakerKind::Organisation);
        assert_eq!(desc("JD Vance").kind, SpeakerKind::Person);
        assert_eq!(desc("the Russian Defense Ministry").kind, SpeakerKind::GovernmentBody);
        // An institution named by its last word (roles.tsv): no person called "Air Force".
        let m = desc("the Ukrainian Air Force");
        assert_eq!((m.name.as_deref(), m.kind), (Some("Ukrainian Air Force"), SpeakerKind::GovernmentBody));
        let m = desc("a “high-ranking US official” and his former colleague");
        assert_eq!((m.kind, m.anonymity), (SpeakerKind::Group, Anonymity::Anonymous));
        assert_eq!(desc("The former first lady and U.S. senator").kind, SpeakerKind::Person);
        let m = desc("The report, published by the King's Fund think tank");
        assert_eq!((m.name.as_deref(), m.kind), (None, SpeakerKind::Document));
        let m = desc("Southwest Airlines");
        assert_eq!((m.name.as_deref(), m.kind), (Some("Southwest Airlines"), SpeakerKind::Organisation));
        assert_eq!(desc("the Virginia Conservation Legacy Fund").kind, SpeakerKind::Organisation);
        // A kind of institution alone is a description, not a name.
        assert_eq!(desc("The planemaker").name, None);
        assert_eq!(desc("The Bank").name, None);
        // A capitalised quantifier starting a sentence is no part of a name.
        let m = desc("Many Mexicans");
        assert_eq!((m.name.as_deref(), m.kind), (Some("Mexicans"), SpeakerKind::Group));
        assert_eq!(desc("The Europeans, who had been cut out of the talks,").kind, SpeakerKind::Group);
        // A plural role noun capitalised at a sentence's start is a group, not a name.
        for w in ["Scholars", "Delegates", "Regulators"] {
            let m = desc(w);
            assert_eq!((m.name.as_deref(), m.kind), (None, SpeakerKind::Group), "{w}");
        }
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
}
