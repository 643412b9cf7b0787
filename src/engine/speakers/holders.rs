//! Role descriptions linked to the named holder the article gives them: "The Republican
//! presidential nominee" is Donald Trump when the article says "Republican presidential nominee
//! Donald Trump"; "the South Carolina senator" is Lindsey Graham after "Sen. Lindsey Graham
//! (R-S.C.)"; "Connecticut’s tax commissioner" is Kevin Sullivan after "Kevin Sullivan,
//! Connecticut’s tax commissioner,".
//!
//! The evidence is the words the article puts around each named person's name (before it on the
//! same clause, or in an apposition after it) and the titles seen with it. A description links
//! when its head noun and its modifiers are all among one person's words; when only one person's
//! words hold the head and the description has at most one modifier, that person is taken too.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::mention::{abbreviation, is_possessive};
use super::Entity;
use crate::engine::lexicon::Lexicon;
use crate::engine::model::SpeakerKind;
use crate::engine::span::Span;

/// Words that say nothing of who is meant.
const FILLER: &[&str] =
    &["the", "a", "an", "of", "for", "and", "former", "current", "then", "now", "new", "longtime", "top", "'s", "’s"];

/// Abbreviated titles, spelled out.
fn spelled(w: &str) -> &str {
    match w {
        "sen." => "senator",
        "gov." => "governor",
        "rep." => "representative",
        "pres." => "president",
        "gen." => "general",
        "sec." => "secretary",
        "atty." => "attorney",
        "lt." => "lieutenant",
        "gop" => "republican",
        _ => w,
    }
}

/// The content words of a phrase, lower-cased, possessives cut ("connecticut’s" → "connecticut").
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split_whitespace().filter_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-').to_lowercase();
        // Spelled out before the full stop goes ("Rep." → representative).
        let w = spelled(&w).to_string();
        let w = crate::engine::words::possessive_base(&w).unwrap_or(&w).trim_end_matches('.').to_string();
        (!w.is_empty() && !FILLER.contains(&w.as_str())).then_some(w)
    })
}

/// The words around one name occurrence: up to eight before it in the same clause, and an
/// apposition after it (", Connecticut’s tax commissioner,").
fn around(text: &str, span: Span) -> impl Iterator<Item = String> + '_ {
    // 120 bytes back, moved forward to a character boundary (a curly quote there must not
    // empty the window).
    let mut from = span.start.saturating_sub(120);
    while from < span.start && !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..span.start).unwrap_or("");
    let before = &before[clause_start(before)..];
    let before = before.rsplit(',').next().unwrap_or("");
    // Only the words that run into the name: not the clause's subject before a verb or a
    // conjunction ("The New York state attorney general is confirming that the Trump
    // Foundation", "Democratic nominee Hillary Clinton and Trump").
    let ws: Vec<&str> = before.split_whitespace().collect();
    let stop = |w: &&str| STOP.contains(&w.to_lowercase().as_str());
    let ws = &ws[ws.iter().rposition(stop).map_or(0, |k| k + 1)..];
    let skip = ws.len().saturating_sub(8);
    let mut to = (span.end + 120).min(text.len());
    while to > span.end && !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = text.get(span.end..to).unwrap_or("");
    let after = after.strip_prefix(',').map_or("", |a| a.split([',', '.', ';', ')', '\n']).next().unwrap_or(""));
    let after: Vec<&str> = after.split_whitespace().collect();
    let to = after.iter().position(stop).unwrap_or(after.len());
    ws.iter().skip(skip).chain(&after[..to]).flat_map(|w| words(w)).collect::<Vec<_>>().into_iter()
}

/// Where the clause that ends `s` starts: after the last sentence or clause mark, a full stop
/// of an abbreviation aside ("Vermont Sen. Bernie Sanders", "U.S. Rep.").
fn clause_start(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|&(i, c)| match c {
            ';' | ':' | '!' | '?' | '\n' | '“' | '"' | '(' => true,
            '.' => !abbreviation(s[..i].rsplit(char::is_whitespace).next().unwrap_or("")),
            _ => false,
        })
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Words that end the run of words before a name: a verb, a conjunction, a determiner.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "that",
    "which",
    "who",
    "and",
    "or",
    "but",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "to",
    "by",
    "with",
    "said",
    "says",
    "told",
    "according",
    "about",
    "as",
    "when",
    "while",
    "if",
    "than",
    "against",
];

/// For each entity, the entity it is a description of, if the article says so.
pub(super) fn link(text: &str, entities: &[Entity]) -> Vec<Option<usize>> {
    let lex = Lexicon::get();
    let mut out = vec![None; entities.len()];
    // Named persons' words (see [`Said`]).
    let mut said: HashMap<usize, Said> = HashMap::default();
    for (i, e) in entities.iter().enumerate() {
        if e.name.is_none() || e.kind != SpeakerKind::Person {
            continue;
        }
        let mut ws = Said::default();
        for t in &e.titles.list {
            ws.add(words(t));
        }
        // At most 64 occurrences: a name repeated thousands of times says nothing new.
        for &m in e.mentions.iter().take(64) {
            ws.add(around(text, m));
        }
        said.insert(i, ws);
    }
    for (i, e) in entities.iter().enumerate() {
        if e.name.is_some() || e.kind != SpeakerKind::Person || e.described == 0 {
            continue;
        }
        let desc = e.description.text(text);
        let lower = desc.trim_start().to_lowercase();
        let definite = lower.starts_with("the ") || lower.split_whitespace().next().is_some_and(is_possessive);
        // "A spokeswoman for Hillary Clinton" may be the spokeswoman the article names, but an
        // indefinite description needs more evidence (the head and a modifier).
        let indefinite = lower.starts_with("a ") || lower.starts_with("an ");
        if !definite && !indefinite {
            continue;
        }
        let ws: Vec<String> = words(desc).collect();
        // The head is the last word before a prepositional phrase ("spokeswoman" in "A
        // spokeswoman for Hillary Clinton", "senator" in "Senator from Texas").
        let pre =
            desc.split_whitespace().position(|w| crate::engine::words::NP_INNER_PREP.contains(&w)).filter(|&k| k > 0);
        let head_at = pre.map_or(ws.len(), |k| desc.split_whitespace().take(k).flat_map(words).count());
        let Some(head) = head_at.checked_sub(1).and_then(|k| ws.get(k)) else { continue };
        if lex.role(head) != Some(SpeakerKind::Person) {
            continue;
        }
        // A thing that owns the role says nothing of who holds it: "the ad’s narrator" is not
        // whoever an ad was mentioned near.
        let owner = |w: &str| is_possessive(w) && w.starts_with(char::is_lowercase);
        let owners: Vec<String> = desc.split_whitespace().filter(|w| owner(w)).flat_map(words).collect();
        let modifiers: Vec<String> = ws
            .iter()
            .enumerate()
            .filter(|&(k, m)| k + 1 != head_at && !owners.contains(m))
            .map(|(_, m)| m.clone())
            .collect();
        let modifiers = &modifiers[..];
        // Whether a person's words hold the head; "attorney general" is one head: "general" alone
        // is no job.
        let head_ok = |c: usize| {
            let theirs = &said[&c];
            let two = TWO_WORD_HEADS.contains(&head.as_str());
            let before = head_at.checked_sub(2).and_then(|k| ws.get(k));
            has_head(theirs, head) && (!two || before.is_some_and(|m| theirs.words.contains(m)))
        };
        // Earlier persons only (a description refers back), at most 256 of them.
        let first = e.mentions.iter().map(|s| s.start).min().unwrap_or(0);
        let earlier = |c: usize| entities[c].mentions.iter().any(|s| s.start < first);
        // "The New York businessman" is no woman, "the former first lady" no man.
        let gender_ok = |c: usize| !matches!((e.female, entities[c].female), (Some(a), Some(b)) if a != b);
        // "Pagliano's lawyer" is someone else than Pagliano.
        let named_in = |c: usize| {
            let surname = entities[c].lname.as_deref().and_then(|n| n.rsplit(' ').next());
            surname.is_some_and(|s| ws.iter().any(|w| w == s))
        };
        // "The Democratic presidential nominee" is no Republican.
        let party_ok = |c: usize| {
            let Some(p) = modifiers.iter().find_map(|m| party(m)) else { return true };
            let ws = &said[&c];
            ws.party[usize::from(p)] || !ws.party[usize::from(!p)]
        };
        // "A reporter for USA Today spotted Stein": the description's own words, in the clause
        // before a name, are no evidence that it is that name.
        let d = e.description;
        let same_clause = |c: usize| {
            entities[c].mentions.iter().any(|m| {
                text.get(d.end..m.start)
                    .is_some_and(|between| between.len() < 120 && !between.contains(['.', ',', ';', ':', '\n']))
            })
        };
        let fits = |c: usize| said.contains_key(&c) && gender_ok(c) && !named_in(c) && party_ok(c) && !same_clause(c);
        // In entity order (no sort: the map's order is not deterministic, the entities' is).
        let persons: Vec<usize> = (0..entities.len()).filter(|&c| fits(c) && earlier(c)).take(256).collect();
        // Two points for the head ("nominee"), one per modifier ("Republican").
        let score = |c: usize| {
            let ws = &said[&c];
            2 * usize::from(head_ok(c)) + modifiers.iter().filter(|m| ws.words.contains(*m)).count()
        };
        let any_head = persons.iter().any(|&c| head_ok(c));
        let best = persons.iter().map(|&c| score(c)).max().unwrap_or(0);
        let top: Vec<usize> = persons.iter().copied().filter(|&c| score(c) == best).collect();
        // Without the head, every modifier must be among the person's words: "The New York state
        // attorney general" is not whoever the article once called a New Yorker.
        let enough = match (definite, any_head) {
            (true, true) => best >= 2,
            (true, false) => best >= 1 && best == modifiers.len(),
            (false, _) => best >= 3,
        };
        let pick = match top[..] {
            [one] if enough => Some(one),
            // Several fit as well: the one mentioned most, when the head matched.
            [_, _, ..] if best >= 2 && definite => top.iter().copied().max_by_key(|&c| entities[c].mentions.len()),
            _ => None,
        };
        // A headline's or lede's description of someone the article names only later ("A State
        // Department representative" … "State Department principal deputy spokesperson Vedant
        // Patel"): the head and two modifiers, and one person only; a definite one ("The New York
        // state attorney general is confirming … But Attorney General Eric Schneiderman …"), the
        // head and one.
        let later = || {
            let later: Vec<usize> = (0..entities.len()).filter(|&c| fits(c) && !earlier(c)).take(256).collect();
            let best = later.iter().map(|&c| score(c)).max().unwrap_or(0);
            match later.iter().filter(|&&c| score(c) == best).collect::<Vec<_>>()[..] {
                [&one] if best >= if definite { 3 } else { 4 } => Some(one),
                _ => None,
            }
        };
        // News style's elegant variation: "Trump charges that … The New York businessman says",
        // "Clinton … stressed … The former first lady and U.S. senator said". A definite
        // description whose words say the person's gender, when no one's words fit it, is the
        // person of that gender named last before it, within a few paragraphs.
        let nearest = || {
            let female = e.female?;
            if !definite || any_head {
                return None;
            }
            let last = |c: usize| entities[c].mentions.iter().map(|s| s.start).filter(|&s| s < first).max();
            let (at, c) = persons
                .iter()
                .filter(|&&c| entities[c].female == Some(female))
                .filter_map(|&c| Some((last(c)?, c)))
                .max()?;
            // Nobody of unknown gender named in between, and not too far back.
            let between = persons.iter().any(|&o| entities[o].female.is_none() && last(o).is_some_and(|s| s > at));
            (!between && first - at <= VARIATION_REACH).then_some(c)
        };
        out[i] = pick.or_else(later).or_else(nearest);
    }
    out
}

/// Head nouns that name a job only with the word before them ("attorney general", "surgeon
/// general").
pub(super) const TWO_WORD_HEADS: &[&str] = &["general"];

/// A party word: `Some(true)` Democratic, `Some(false)` Republican.
fn party(w: &str) -> Option<bool> {
    match w {
        "democratic" | "democrat" | "democrats" => Some(true),
        "republican" | "republicans" => Some(false),
        _ => None,
    }
}

/// How far back (bytes) a gendered description looks for the person it varies on.
const VARIATION_REACH: usize = 1500;

/// Role nouns that name one job: "a State Department representative" is its spokesperson, "the
/// California congressman" a representative.
const SAME_ROLE: &[&[&str]] = &[
    &["spokesperson", "spokesman", "spokeswoman", "representative", "spokesmen", "spokeswomen"],
    &["congressman", "congresswoman", "representative", "lawmaker"],
];

/// The words said around a person's name (titles, the words before it, an apposition), and
/// whether a party word (Republican, Democratic) is among them.
#[derive(Default)]
struct Said {
    words: HashSet<String>,
    party: [bool; 2],
}

impl Said {
    fn add(&mut self, words: impl Iterator<Item = String>) {
        for w in words {
            if let Some(p) = party(&w) {
                self.party[usize::from(p)] = true;
            }
            self.words.insert(w);
        }
    }
}

/// Whether a person's words hold the head noun `head` or a word for the same role.
fn has_head(ws: &Said, head: &str) -> bool {
    ws.words.contains(head)
        || SAME_ROLE.iter().any(|set| set.contains(&head) && set.iter().any(|w| ws.words.contains(*w)))
}

/// The most entities a bare head word is compared with (adversarial input has thousands).
const MAX_BARE_SCAN: usize = 1024;

/// "Poll: Clinton and Trump in dead heat" … "A Bloomberg poll": a headline's bare role or
/// document word (one capitalised word, no determiner) is the one other speaker of a kind that
/// fits whose words hold it, when there is exactly one. Adds to `out` (entity → its holder).
pub(super) fn bare_heads(text: &str, entities: &[Entity], out: &mut [Option<usize>]) {
    let lex = Lexicon::get();
    for (i, e) in entities.iter().enumerate() {
        let desc = e.description.text(text).trim();
        let bare = e.name.is_none()
            && e.described > 0
            && !desc.contains(' ')
            && desc.chars().next().is_some_and(char::is_uppercase)
            && out[i].is_none();
        if !bare {
            continue;
        }
        let head = desc.to_lowercase();
        let Some(kind) = lex.role(&head) else { continue };
        let fits = |c: usize| {
            let o = &entities[c];
            c != i
                && out[c].is_none()
                && !o.mentions.is_empty()
                && (o.kind == kind || o.kind == SpeakerKind::Unknown)
                && o.words.contains(&head)
                && o.description.text(text).trim() != desc
                // A person only by name: "Judge" is not "a New York judge" (anonymous) but may
                // be "Judge Frank Nervo".
                && (kind != SpeakerKind::Person || o.name.is_some())
        };
        let mut found = (0..entities.len()).take(MAX_BARE_SCAN).filter(|&c| fits(c));
        if let (Some(c), None) = (found.next(), found.next()) {
            out[i] = Some(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around_name(text: &str, name: &str) -> Vec<String> {
        let at = text.rfind(name).unwrap();
        around(text, Span::new(at, at + name.len())).collect()
    }

    #[test]
    fn the_words_before_a_name_run_past_abbreviations() {
        assert_eq!(
            around_name("It was cold. Vermont Sen. Bernie Sanders", "Sanders"),
            ["vermont", "senator", "bernie"]
        );
        assert_eq!(clause_start("It was cold. U.S. Rep. Bernie"), "It was cold.".len());
        // Scraped text puts a no-break space between a state and its senator's title.
        assert_eq!(
            around_name("It was cold. Vermont\u{a0}Sen. Bernie Sanders", "Sanders"),
            ["vermont", "senator", "bernie"]
        );
    }

    #[test]
    fn a_curly_quote_where_the_window_starts_does_not_empty_it() {
        // The window's first byte falls inside a three-byte quote mark.
        for pad in 0..3 {
            let text = format!("{}“{}Vermont Sen. Bernie Sanders", "x".repeat(pad), " ".repeat(98));
            assert_eq!(around_name(&text, "Sanders"), ["vermont", "senator", "bernie"], "pad {pad}");
        }
    }
}
