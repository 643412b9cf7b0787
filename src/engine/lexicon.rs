//! Word lists, loaded at compile time from the data files in `lexicon/` and parsed once.
//!
//! Adding a cue or a role is a data change (one line in a `.tsv`) plus a test.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::model::{SpeakerKind, Stance};

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
}

const CUES_TSV: &str = include_str!("lexicon/cues.tsv");
const CUE_STATS_TSV: &str = include_str!("lexicon/cue_stats.tsv");
const ROLES_TSV: &str = include_str!("lexicon/roles.tsv");
const OUTLETS_TXT: &str = include_str!("lexicon/outlets.txt");
const BOILERPLATE_TXT: &str = include_str!("lexicon/boilerplate.txt");
const CUE_PARTICLES_TSV: &str = include_str!("lexicon/cue_particles.tsv");
const LEMMAS_TSV: &str = include_str!("lexicon/lemmas.tsv");

/// What a cue lemma does beyond its class (`lemmas.tsv`): every form of the lemma shares it.
#[derive(Clone, Debug, Default)]
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
    /// Words after the verb that belong to its cue ("called for", "pointed to").
    pub particles: Vec<&'static str>,
}

static NO_PROPS: LemmaProps = LemmaProps {
    recipient: false,
    intention: false,
    clause: false,
    question: false,
    weak: false,
    core: false,
    particles: Vec::new(),
};

fn parse_lemmas() -> HashMap<&'static str, LemmaProps> {
    let mut out = HashMap::default();
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
                _ => {}
            }
        }
        p.particles = f.next().unwrap_or("").split_whitespace().collect();
        out.insert(lemma, p);
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

/// All lexicons.
#[derive(Debug)]
pub struct Lexicon {
    cues: HashMap<&'static str, CueEntry>,
    roles: HashMap<&'static str, SpeakerKind>,
    outlets: HashSet<&'static str>,
    boilerplate: Vec<&'static str>,
    particles: HashSet<(&'static str, &'static str)>,
    lemmas: HashMap<&'static str, LemmaProps>,
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
        _ => SpeakerKind::Unknown,
    }
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut priors: HashMap<&'static str, f32> = HashMap::default();
        for line in data_lines(CUE_STATS_TSV) {
            let mut f = line.split('\t');
            if let (Some(form), Some(_), Some(_), Some(p)) = (f.next(), f.next(), f.next(), f.next()) {
                if let Ok(p) = p.parse::<f32>() {
                    priors.insert(form, p);
                }
            }
        }
        let mut cues = HashMap::default();
        for line in data_lines(CUES_TSV) {
            let mut f = line.split('\t');
            let (Some(form), Some(lemma), Some(class), Some(stance)) = (f.next(), f.next(), f.next(), f.next()) else {
                continue;
            };
            let class = match class {
                "speech" => CueClass::Speech,
                "belief" => CueClass::Belief,
                "hedge" => CueClass::Hedge,
                "according" => CueClass::According,
                "citing" => CueClass::Citing,
                _ => continue,
            };
            let stance = Stance::parse(stance).unwrap_or(Stance::Neutral);
            let prior = priors.get(form).copied().unwrap_or(1.0);
            cues.insert(form, CueEntry { lemma, class, stance, prior });
        }
        let roles = data_lines(ROLES_TSV)
            .filter_map(|l| l.split_once('\t'))
            .map(|(noun, kind)| (noun, parse_kind(kind)))
            .collect();
        let mut cue_ends = [0u64; 16];
        for form in cues.keys() {
            if let (Some(&a), Some(&z)) = (form.as_bytes().first(), form.as_bytes().last()) {
                let (word, bit) = ends_bit(a, z);
                cue_ends[word] |= bit;
            }
        }
        Lexicon {
            lemmas: parse_lemmas(),
            cue_ends,
            cues,
            roles,
            // Stored without a leading "the ", so a lookup is one hash probe.
            outlets: data_lines(OUTLETS_TXT).map(|o| o.trim_start_matches("the ")).collect(),
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

    /// The properties of a cue lemma (none when `lemmas.tsv` does not list it).
    pub fn lemma(&self, lemma: &str) -> &LemmaProps {
        self.lemmas.get(lemma).unwrap_or(&NO_PROPS)
    }

    /// The kind of entity a lower-case role noun denotes.
    pub fn role(&self, lower: &str) -> Option<SpeakerKind> {
        self.roles.get(lower).copied()
    }

    /// True when the lower-case name is a known media outlet.
    pub fn is_outlet(&self, lower: &str) -> bool {
        self.outlets.contains(lower.trim_start_matches("the "))
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
    fn lemma_properties_come_from_the_data_file() {
        let lex = Lexicon::get();
        assert!(lex.lemma("tell").recipient && lex.lemma("tell").clause && lex.lemma("tell").core);
        assert!(lex.lemma("vow").intention && !lex.lemma("vow").clause);
        assert!(lex.lemma("speak").weak);
        assert_eq!(lex.lemma("call").particles, ["for", "on"]);
        assert!(!lex.lemma("no such lemma").clause);
        // Every lemma the file lists is the lemma of some cue form, or a verb of intention.
        for (lemma, p) in &lex.lemmas {
            assert!(lex.cues.values().any(|c| c.lemma == *lemma) || p.intention, "{lemma} is no cue lemma");
        }
    }
}
