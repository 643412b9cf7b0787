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
        let w = w.trim_end_matches("’s").trim_end_matches("'s").trim_end_matches('.').to_string();
        (!w.is_empty() && !FILLER.contains(&w.as_str())).then_some(w)
    })
}

/// The words around one name occurrence: up to eight before it in the same clause, and an
/// apposition after it (", Connecticut’s tax commissioner,").
fn around(text: &str, span: Span) -> impl Iterator<Item = String> + '_ {
    let before = text.get(span.start.saturating_sub(120)..span.start).unwrap_or("");
    let before = before.rsplit(['.', ';', ':', '!', '?', '\n', '“', '"', '(']).next().unwrap_or("");
    let before = before.rsplit(',').next().unwrap_or("");
    let skip = before.split_whitespace().count().saturating_sub(8);
    let after = text.get(span.end..(span.end + 120).min(text.len())).unwrap_or("");
    let after = after.strip_prefix(',').map_or("", |a| a.split([',', '.', ';', ')', '\n']).next().unwrap_or(""));
    before.split_whitespace().skip(skip).flat_map(words).chain(words(after)).collect::<Vec<_>>().into_iter()
}

/// For each entity, the entity it is a description of, if the article says so.
pub(super) fn link(text: &str, entities: &[Entity]) -> Vec<Option<usize>> {
    let lex = Lexicon::get();
    let mut out = vec![None; entities.len()];
    // Named persons' words, and who has each word (head words are looked up there).
    let mut said: HashMap<usize, HashSet<String>> = HashMap::default();
    for (i, e) in entities.iter().enumerate() {
        if e.name.is_none() || e.kind != SpeakerKind::Person {
            continue;
        }
        let mut ws: HashSet<String> = e.titles.list.iter().flat_map(|t| words(t)).collect();
        // At most 64 occurrences: a name repeated thousands of times says nothing new.
        for &m in e.mentions.iter().take(64) {
            ws.extend(around(text, m));
        }
        said.insert(i, ws);
    }
    for (i, e) in entities.iter().enumerate() {
        if e.name.is_some() || e.kind != SpeakerKind::Person || e.described == 0 {
            continue;
        }
        let desc = e.description.text(text);
        let lower = desc.trim_start().to_lowercase();
        let definite = lower.starts_with("the ")
            || lower.split_whitespace().next().is_some_and(|w| w.ends_with("’s") || w.ends_with("'s"));
        // "A spokeswoman for Hillary Clinton" may be the spokeswoman the article names, but an
        // indefinite description needs more evidence (the head and a modifier).
        let indefinite = lower.starts_with("a ") || lower.starts_with("an ");
        if !definite && !indefinite {
            continue;
        }
        let ws: Vec<String> = words(desc).collect();
        let Some(head) = ws.last() else { continue };
        if lex.role(head) != Some(SpeakerKind::Person) {
            continue;
        }
        let modifiers = &ws[..ws.len() - 1];
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
        let fits = |c: usize| said.contains_key(&c) && gender_ok(c) && !named_in(c);
        // In entity order (no sort: the map's order is not deterministic, the entities' is).
        let persons: Vec<usize> = (0..entities.len()).filter(|&c| fits(c) && earlier(c)).take(256).collect();
        // Two points for the head ("nominee"), one per modifier ("Republican").
        let score = |c: usize| {
            2 * usize::from(has_head(&said[&c], head)) + modifiers.iter().filter(|m| said[&c].contains(*m)).count()
        };
        let any_head = persons.iter().any(|&c| has_head(&said[&c], head));
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
        // Patel"): the head and two modifiers, and one person only.
        let later = || {
            let later: Vec<usize> = (0..entities.len()).filter(|&c| fits(c) && !earlier(c)).take(256).collect();
            let best = later.iter().map(|&c| score(c)).max().unwrap_or(0);
            match later.iter().filter(|&&c| score(c) == best).collect::<Vec<_>>()[..] {
                [&one] if best >= 4 => Some(one),
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

/// How far back (bytes) a gendered description looks for the person it varies on.
const VARIATION_REACH: usize = 1500;

/// Role nouns that name one job: "a State Department representative" is its spokesperson, "the
/// California congressman" a representative.
const SAME_ROLE: &[&[&str]] = &[
    &["spokesperson", "spokesman", "spokeswoman", "representative", "spokesmen", "spokeswomen"],
    &["congressman", "congresswoman", "representative", "lawmaker"],
];

/// Whether a person's words `ws` hold the head noun `head` or a word for the same role.
fn has_head(ws: &HashSet<String>, head: &str) -> bool {
    ws.contains(head) || SAME_ROLE.iter().any(|set| set.contains(&head) && set.iter().any(|w| ws.contains(*w)))
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
