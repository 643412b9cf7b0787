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

use rustc_hash::FxHashMap as HashMap;
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

fn places() -> &'static rustc_hash::FxHashSet<&'static str> {
    static P: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    P.get_or_init(|| list(PLACES_TXT).iter().copied().collect())
}

fn titles() -> &'static [&'static str] {
    static T: OnceLock<&'static [&'static str]> = OnceLock::new();
    T.get_or_init(|| list(TITLES_TXT))
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
    description: String,
    kind: SpeakerKind,
    titles: Vec<String>,
    anonymous: bool,
    mentions: Vec<Span>,
    key: String,
    surname: Option<String>,
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

/// Result of clustering: the speakers and, for each input mention, its speaker id.
pub struct Clusters {
    /// Speakers, ids in order of first mention.
    pub speakers: Vec<Speaker>,
    /// For each input mention (same order as given), its speaker id.
    pub of_mention: Vec<u32>,
}

/// Cluster the source mentions (given in document order of their claims) of `text`.
pub fn cluster(text: &str, mentions: &[Span]) -> Clusters {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| mentions[i].start);
    let mut entities: Vec<Entity> = Vec::new();
    let mut of_mention = vec![0u32; mentions.len()];
    // Entity of the most recent mention, for pronouns/descriptions: (position, entity).
    let mut recent: Vec<(usize, usize)> = Vec::new();
    for &mi in &order {
        let m = describe(text, mentions[mi]);
        let found = find_entity(&m, &entities, &recent);
        let e = match found {
            Some(e) => e,
            None => {
                entities.push(Entity {
                    name: m.name.clone(),
                    description: m.span.text(text).trim().to_string(),
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
        // Mentions arrive in document order: a repeated span (one source, two claims) is the last one.
        if ent.mentions.last() == Some(&m.span) {
            // The same span as source of two claims.
        } else {
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
                titles: e.titles.clone(),
                mentions,
            }
        })
        .collect();
    for id in &mut of_mention {
        *id = new_id[*id as usize];
    }
    Clusters { speakers, of_mention }
}

fn outlet_key(m: &Mention, entities: &[Entity], recent: &[(usize, usize)]) -> String {
    let head = m.head.clone().unwrap_or_default();
    let head =
        if matches!(head.as_str(), "interlocutors" | "sources" | "source") { "sources".to_string() } else { head };
    let outlet = recent.iter().rev().take(256).map(|&(_, e)| &entities[e]).find(|e| e.kind == SpeakerKind::MediaOutlet);
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
                // "NBC" = "NBC News"
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
        // Descriptions refer back a short way: look at the last 64 mentions at most.
        for &(_, e) in recent.iter().rev().take(64) {
            let ent = &entities[e];
            let fits = match m.kind {
                SpeakerKind::MediaOutlet => ent.kind == SpeakerKind::MediaOutlet,
                SpeakerKind::Person => {
                    ent.kind == SpeakerKind::Person
                        && ent.name.is_some()
                        && (head == "official"
                            || ent.titles.iter().any(|t| t.to_lowercase().split_whitespace().any(|w| w == head)))
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
    // Existing mentions, sorted, to skip matches inside them in O(log n).
    let mut taken: Vec<Span> = entities.iter().flat_map(|e| e.mentions.iter().copied()).collect();
    taken.sort();
    let max_len = taken.iter().map(|s| s.len()).max().unwrap_or(0);
    let overlaps_taken = |span: Span| {
        let from = taken.partition_point(|t| t.start + max_len <= span.start);
        taken[from..].iter().take_while(|t| t.start < span.end).any(|t| t.overlaps(span))
    };
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
        if !overlaps_taken(span) {
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
}
