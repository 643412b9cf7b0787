//! Word lists, loaded at compile time from the data files in `lexicon/` and parsed once.
//!
//! Adding a cue or a role is a data change (one line in a `.tsv`) plus a test.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::model::{SpeakerKind, Stance};
use super::words;

/// What a cue word does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// A verb of saying or reporting ("said", "claimed", "told").
    Speech,
    /// An attitude or intention ("believes", "fears", "wants").
    Belief,
    /// A sourceless adverb ("reportedly").
    Hedge,
    /// "according (to)".
    According,
    /// "citing", "quoting", "quoted".
    Citing,
}

/// One cue form.
#[derive(Clone, Copy, Debug)]
pub struct CueEntry {
    /// Dictionary form ("say" for "said").
    pub lemma: &'static str,
    /// What it does.
    pub class: CueClass,
    /// Writer's stance it carries.
    pub stance: Stance,
    /// Share of its occurrences in PolNeAR train that are cues (1.0 when not mined).
    pub prior: f32,
    /// What its lemma does beyond its class.
    pub props: LemmaProps,
}

/// The cue inventory, compacted by `build.rs`: `form<TAB>lemma<TAB>CS<TAB>prior`.
const CUES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/cues.tsv"));
const ROLES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/roles.tsv"));
const OUTLETS_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/outlets.txt"));
const BOILERPLATE_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/boilerplate.txt"));
const CUE_PARTICLES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/cue_particles.tsv"));
const LEMMAS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/lemmas.tsv"));

/// What a cue lemma does beyond its class (`lemmas.tsv`): every form of the lemma shares it.
#[derive(Clone, Copy, Debug, Default)]
pub struct LemmaProps {
    /// Takes a recipient before its content ("told reporters that …").
    pub recipient: bool,
    /// Takes an infinitive as its content ("vowed to punish …").
    pub intention: bool,
    /// An unmarked complement is a clause, not an object ("said there remains …").
    pub clause: bool,
    /// Its content may open with a question word ("asked whether …").
    pub question: bool,
    /// Mostly not a report ("spoke to reporters"): needs a marker, a quotation or a particle.
    pub weak: bool,
    /// A core verb of saying: counts inside an earlier claim's content when it has a source.
    pub core: bool,
    /// An impression, not a report ("it seems", "the plan appeared to fail"): its subject is
    /// what seems, not who says, so the claim has no source (the writer's own hedge).
    pub impression: bool,
    /// A passive that raises its subject ("Trump is expected to win", "she is believed to be
    /// abroad"): the subject is part of what is expected, not who expects it.
    pub raising: bool,
    /// A passive whose subject is who is spoken of ("Roof is accused of …", "peacekeepers have
    /// been criticised as …"): the subject is part of the content, with or without an
    /// infinitive, and not who speaks.
    pub patient: bool,
    /// An adjectival passive whose subject holds the attitude ("They are focused on …", "she
    /// was convinced that …"): without an agent, its subject is still the source.
    pub experiencer: bool,
    /// Words after the verb that belong to its cue ("called for", "pointed to"), space-separated.
    pub particles: &'static str,
}

impl LemmaProps {
    /// Does the lower-case word `w` after the verb belong to its cue?
    pub fn takes(&self, w: &str) -> bool {
        self.particles.split(' ').any(|p| p == w)
    }
}

/// The lemmas of `lemmas.tsv` with their properties (a short list, scanned once at load).
fn parse_lemmas() -> Vec<(&'static str, LemmaProps)> {
    let mut out = Vec::new();
    for line in data_lines(LEMMAS_TSV) {
        let mut f = line.split('\t');
        let Some(lemma) = f.next() else { continue };
        let mut p = LemmaProps::default();
        for prop in f.next().unwrap_or("").split_whitespace() {
            match prop {
                "recipient" => p.recipient = true,
                "intention" => p.intention = true,
                "clause" => p.clause = true,
                "question" => p.question = true,
                "weak" => p.weak = true,
                "core" => p.core = true,
                "impression" => p.impression = true,
                "raising" => p.raising = true,
                "patient" => p.patient = true,
                "experiencer" => p.experiencer = true,
                _ => {}
            }
        }
        p.particles = f.next().unwrap_or("").trim();
        out.push((lemma, p));
    }
    out
}

/// Prepositions and adverb particles a cue verb may take into its span ("railed against",
/// "focused on", "shrugged off"); which form takes which is mined into `cue_particles.tsv`.
pub const PARTICLES: &[&str] = &[
    "about", "against", "as", "at", "by", "for", "from", "in", "into", "of", "off", "on", "out", "over", "to", "up",
    "with",
];

fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// What the lexicon knows of a lower-case word besides cues.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordInfo {
    /// Its closed word classes ([`words::class`] bits).
    pub classes: u16,
    /// The kind of entity it denotes, when it is a role noun.
    pub role: Option<SpeakerKind>,
}

/// All lexicons.
#[derive(Debug)]
pub struct Lexicon {
    cues: HashMap<&'static str, CueEntry>,
    /// Per lower-case word: its closed word classes ([`words::class`]) and the kind of entity it
    /// denotes when it is a role noun — one probe answers both.
    words: HashMap<&'static str, WordInfo>,
    outlets: HashSet<&'static str>,
    boilerplate: Vec<&'static str>,
    particles: HashSet<(&'static str, &'static str)>,
    /// A filter: the bits of the (first byte, last byte) pairs of every cue form.
    cue_ends: [u64; 16],
}

/// Where a word's (first byte, last byte) pair sits in [`Lexicon::cue_ends`]: the index of its
/// `u64` and its bit there (low 5 bits of each byte, so letters map to distinct pairs).
#[inline]
fn ends_bit(a: u8, z: u8) -> (usize, u64) {
    let n = usize::from(a & 31) * 32 + usize::from(z & 31);
    (n / 64, 1 << (n % 64))
}

fn parse_kind(s: &str) -> SpeakerKind {
    match s {
        "person" => SpeakerKind::Person,
        "organisation" => SpeakerKind::Organisation,
        "media_outlet" => SpeakerKind::MediaOutlet,
        "government_body" => SpeakerKind::GovernmentBody,
        "group" => SpeakerKind::Group,
        "document" => SpeakerKind::Document,
        _ => SpeakerKind::Unknown,
    }
}

/// A share written `0.123` or `123` (the priors column, embedded without "0."), without the general float parser (which
/// would add kilobytes to the wasm).
fn parse_share(s: &str) -> Option<f32> {
    // Embedded as the decimals alone ("479" is 0.479, see build.rs); "0.479" reads the same.
    let (int, frac) = s.split_once('.').unwrap_or(("", s));
    let digit = |c: u8| c.is_ascii_digit().then(|| f32::from(c - b'0'));
    let mut v = 0.0;
    for c in int.bytes() {
        v = v * 10.0 + digit(c)?;
    }
    let mut scale = 0.1;
    for c in frac.bytes() {
        v += digit(c)? * scale;
        scale /= 10.0;
    }
    (!int.is_empty() || !frac.is_empty()).then_some(v)
}

impl Lexicon {
    fn load() -> Lexicon {
        let lemmas = parse_lemmas();
        let mut cues = HashMap::default();
        // `form<TAB>lemma<TAB>CS<TAB>prior` as `build.rs` compacts `cues.tsv` and `cue_stats.tsv`.
        for line in data_lines(CUES_TSV) {
            let mut f = line.split('\t');
            let (Some(form), Some(lemma), Some(cs), prior) = (f.next(), f.next(), f.next(), f.next()) else {
                continue;
            };
            let lemma = if lemma.is_empty() { form } else { lemma };
            let mut cs = cs.chars();
            let class = match cs.next() {
                Some('s') => CueClass::Speech,
                Some('b') => CueClass::Belief,
                Some('h') => CueClass::Hedge,
                Some('a') => CueClass::According,
                Some('c') => CueClass::Citing,
                _ => continue,
            };
            let stance = match cs.next() {
                Some('d') => Stance::Distancing,
                Some('e') => Stance::Endorsing,
                Some('c') => Stance::Conceding,
                Some('r') => Stance::Rejecting,
                _ => Stance::Neutral,
            };
            let prior = prior.and_then(parse_share).unwrap_or(1.0);
            let props = lemmas.iter().find(|(l, _)| *l == lemma).map(|&(_, p)| p).unwrap_or_default();
            cues.insert(form, CueEntry { lemma, class, stance, prior, props });
        }
        let mut words: HashMap<&'static str, WordInfo> = HashMap::default();
        // (Embedded one line per kind: `kind<TAB>noun noun …`, see build.rs.)
        for (kind, nouns) in data_lines(ROLES_TSV).filter_map(|l| l.split_once('\t')) {
            let kind = parse_kind(kind);
            for noun in nouns.split(' ') {
                words.entry(noun).or_default().role = Some(kind);
            }
        }
        for (list, bit) in words::CLASS_LISTS {
            for w in list {
                words.entry(w).or_default().classes |= bit;
            }
        }
        let mut cue_ends = [0u64; 16];
        for form in cues.keys() {
            if let (Some(&a), Some(&z)) = (form.as_bytes().first(), form.as_bytes().last()) {
                let (word, bit) = ends_bit(a, z);
                cue_ends[word] |= bit;
            }
        }
        Lexicon {
            cue_ends,
            cues,
            words,
            // Stored without a leading "the ", so a lookup is one hash probe.
            outlets: data_lines(OUTLETS_TXT).map(|o| o.strip_prefix("the ").unwrap_or(o)).collect(),
            boilerplate: data_lines(BOILERPLATE_TXT).collect(),
            particles: data_lines(CUE_PARTICLES_TSV)
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    Some((f.next()?, f.next()?))
                })
                .collect(),
        }
    }

    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The cue entry for a lower-case word form.
    #[inline]
    pub fn cue(&self, lower: &str) -> Option<&CueEntry> {
        // Most words are no cue: a bit per (first byte, last byte) pair rules them out without
        // hashing.
        let (Some(&a), Some(&z)) = (lower.as_bytes().first(), lower.as_bytes().last()) else { return None };
        let (word, bit) = ends_bit(a, z);
        if self.cue_ends[word] & bit == 0 {
            return None;
        }
        self.cues.get(lower)
    }

    /// Every cue form (for mining statistics).
    pub fn cue_forms(&self) -> impl Iterator<Item = (&'static str, &CueEntry)> + '_ {
        self.cues.iter().map(|(k, v)| (*k, v))
    }

    /// True when the lower-case cue form takes the lower-case particle after it into its span
    /// ("railed" + "against").
    pub fn takes_particle(&self, form: &str, particle: &str) -> bool {
        self.particles.contains(&(form, particle))
    }

    /// Word classes and role of a lower-case word.
    #[inline]
    pub fn word(&self, lower: &str) -> WordInfo {
        match self.words.get(lower) {
            Some(w) => *w,
            // "didn't", "can’t", "won't": a negated auxiliary belongs to the cue and ends a
            // noun phrase, as "did not" does.
            None if lower.ends_with("n't") || lower.ends_with("n’t") => {
                WordInfo { classes: words::class::CUE_PREFIX | words::class::NP_STOP, ..WordInfo::default() }
            }
            None => WordInfo::default(),
        }
    }

    /// The kind of entity a lower-case role noun denotes.
    pub fn role(&self, lower: &str) -> Option<SpeakerKind> {
        self.words.get(lower).and_then(|w| w.role)
    }

    /// True when the lower-case name is a known media outlet.
    pub fn is_outlet(&self, lower: &str) -> bool {
        self.outlets.contains(lower.strip_prefix("the ").unwrap_or(lower))
    }

    /// True when a lower-case paragraph looks like scraped-page debris.
    pub fn is_boilerplate(&self, lower: &str) -> bool {
        self.boilerplate.iter().any(|p| lower.starts_with(p))
    }
}

/// Lower-cases ASCII into `buf` and returns it; non-ASCII is lower-cased char by char.
pub fn lower_into<'a>(word: &str, buf: &'a mut String) -> &'a str {
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        for c in word.chars() {
            buf.extend(c.to_lowercase());
        }
    }
    buf.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_parse_without_the_float_parser() {
        assert_eq!(parse_share("0.25"), Some(0.25));
        // The decimals alone, as build.rs embeds them: exactly what "0.479" reads.
        assert_eq!(parse_share("479"), parse_share("0.479"));
        assert_eq!(parse_share("5"), Some(0.5));
        assert!((parse_share("0.333").unwrap() - 0.333).abs() < 1e-6);
        assert_eq!(parse_share("x"), None);
        assert_eq!(parse_share(""), None);
    }

    #[test]
    fn lexicon_loads_and_classifies() {
        let lex = Lexicon::get();
        let said = lex.cue("said").unwrap();
        assert_eq!((said.lemma, said.class, said.stance), ("say", CueClass::Speech, Stance::Neutral));
        assert_eq!(lex.cue("alleged").unwrap().stance, Stance::Distancing);
        assert_eq!(lex.cue("conceded").unwrap().stance, Stance::Conceding);
        assert_eq!(lex.cue("rebutted").unwrap().stance, Stance::Rejecting);
        assert_eq!(lex.cue("confirmed").unwrap().stance, Stance::Endorsing);
        assert_eq!(lex.cue("reportedly").unwrap().class, CueClass::Hedge);
        assert_eq!(lex.role("spokesperson"), Some(SpeakerKind::Person));
        assert!(lex.is_outlet("nbc news"));
        assert!(lex.is_boilerplate("please enter your comment!"));
    }

    #[test]
    fn manner_of_speaking_verbs_are_cues_in_every_form() {
        let lex = Lexicon::get();
        for (form, lemma) in [("yells", "yell"), ("whispered", "whisper"), ("sighed", "sigh"), ("retorted", "retort")] {
            assert_eq!(lex.cue(form).map(|c| (c.lemma, c.class)), Some((lemma, CueClass::Speech)), "{form}");
        }
        // "a far cry from" and "pleading guilty" are no reports: those forms are left out.
        assert!(lex.cue("cry").is_none() && lex.cue("pleading").is_none());
    }

    #[test]
    fn lemma_properties_come_from_the_data_file() {
        let lex = Lexicon::get();
        let told = lex.cue("told").unwrap().props;
        assert!(told.recipient && told.clause && told.core);
        let vowed = lex.cue("vowed").unwrap().props;
        assert!(vowed.intention && !vowed.clause);
        assert!(lex.cue("spoke").unwrap().props.weak);
        let called = lex.cue("called").unwrap().props;
        assert!(called.takes("for") && called.takes("on") && !called.takes("f"));
        assert!(!lex.cue("reportedly").unwrap().props.clause);
        // Every lemma the file lists is the lemma of some cue form, or a verb of intention.
        for (lemma, p) in parse_lemmas() {
            assert!(lex.cues.values().any(|c| c.lemma == lemma) || p.intention, "{lemma} is no cue lemma");
        }
    }
}
