//! Generated adversarial inputs for `analyze`, shared (through `#[path]`) by
//! `benches/adversarial.rs` (criterion) and `examples/gen_adversarial.rs` (used by
//! `scripts/adversarial.sh`; `cargo test` runs the example's tests of this file). Deterministic, no external
//! data: the same pattern and size always give the same bytes.
//!
//! | pattern | text |
//! |---|---|
//! | `he-said` | `he said, "` repeated: one unterminated quotation, one giant sentence |
//! | `nested-cues` | `the official said that the minister told reporters ` repeated, no punctuation |
//! | `according-to` | `according to ` repeated |
//! | `distinct-names` | `Xname Yname said the plan would fail.` with every name distinct |
//! | `articles` | news-like articles: headlines, paragraphs, quotes, many distinct speakers |

/// The pattern names, in table order.
pub const PATTERNS: [&str; 5] = ["he-said", "nested-cues", "according-to", "distinct-names", "articles"];

/// The input of `pattern` with at least `bytes` bytes (whole repetitions or sentences, so a
/// little more), or `None` for an unknown pattern.
pub fn generate(pattern: &str, bytes: usize) -> Option<String> {
    let text = match pattern {
        "he-said" => repeat("he said, \"", bytes),
        "nested-cues" => repeat("the official said that the minister told reporters ", bytes),
        "according-to" => repeat("according to ", bytes),
        "distinct-names" => distinct_names(bytes),
        "articles" => articles(bytes),
        _ => return None,
    };
    Some(text)
}

fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

const CONSONANTS: &[u8] = b"bdfgklmnprstvz";
const VOWELS: &[u8] = b"aeiou";

/// A distinct capitalised word for every `n`: `n` written in base 70 with a consonant-vowel
/// syllable per digit, at least two syllables ("Baba", "Deba", …, "Zuzuzu").
fn syllable_word(mut n: u64) -> String {
    let base = (CONSONANTS.len() * VOWELS.len()) as u64;
    let mut w = Vec::new();
    let mut syllables = 0;
    while n > 0 || syllables < 2 {
        let d = (n % base) as usize;
        w.push(CONSONANTS[d / VOWELS.len()]);
        w.push(VOWELS[d % VOWELS.len()]);
        n /= base;
        syllables += 1;
    }
    w[0] = w[0].to_ascii_uppercase();
    String::from_utf8(w).unwrap_or_default()
}

/// A first name (from a scrambled `i`) and a surname distinct for every `i`.
pub fn person(i: u64) -> (String, String) {
    let scrambled = (i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17) % 5_000_000;
    (syllable_word(scrambled + 4900), syllable_word(i + 4900))
}

fn distinct_names(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i = 0;
    while s.len() < bytes {
        let (first, last) = person(i);
        s.push_str(&first);
        s.push(' ');
        s.push_str(&last);
        s.push_str(" said the plan would fail.");
        // A paragraph every eight sentences.
        s.push_str(if i % 8 == 7 { "\n\n" } else { " " });
        i += 1;
    }
    s
}

/// Deterministic pseudo-random numbers (64-bit LCG, high bits).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const TITLES: &[&str] = &[
    "Foreign Minister",
    "Defense Secretary",
    "Senator",
    "Governor",
    "State Department spokesperson",
    "Prime Minister",
    "Finance Minister",
    "White House press secretary",
    "Representative",
    "Mayor",
];
const ROLES: &[&str] = &["an adviser to the campaign", "a senior diplomat", "the party leader", "a former minister"];
const OUTLETS: &[&str] = &["Reuters", "NBC News", "The New York Times", "CNN", "the Associated Press", "Politico"];
const PLACES: &[&str] = &["Ukraine", "Russia", "Germany", "France", "China", "Poland", "Brazil", "Japan"];
const BODIES: &[&str] = &["foreign ministry", "defense ministry", "central bank", "election commission", "parliament"];
const SUBJECTS: &[&str] = &[
    "the plan",
    "the new tariff",
    "the ceasefire",
    "the budget",
    "the reform",
    "the agreement",
    "the investigation",
    "the bill",
];
const PREDICATES: &[&str] = &[
    "would fail without broad support",
    "had been delayed until next year",
    "was a serious mistake",
    "would cost billions of dollars",
    "could change the balance of power",
    "was never discussed with the allies",
    "will be put to a vote next week",
    "remains the best option on the table",
];
const NARRATIVE: &[&str] = &[
    "The talks resumed on Monday after a two-week pause.",
    "Officials met behind closed doors for most of the afternoon.",
    "The measure passed the lower house by a narrow margin in March.",
    "Markets fell sharply after the announcement.",
    "Protesters gathered outside the building late into the night.",
    "The vote is expected before the end of the month.",
];

fn clause(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(SUBJECTS), rng.pick(PREDICATES))
}

/// A quotation's text: one or two clauses, the first capitalised.
fn quote(rng: &mut Rng) -> String {
    let mut q = clause(rng);
    if rng.below(2) == 0 {
        q = format!("{q}, and {}", clause(rng));
    }
    let mut cs = q.chars();
    cs.next().map(|c| c.to_uppercase().collect::<String>() + cs.as_str()).unwrap_or_default()
}

/// One attributed (or narrative) sentence about the article's speakers.
fn sentence(rng: &mut Rng, people: &[(String, String, &str)], outlet: &str, place: &str) -> String {
    let (first, last, title) = &people[rng.below(people.len())];
    match rng.below(12) {
        0 => format!("{title} {first} {last} said {}.", clause(rng)),
        1 => format!("\u{201c}{},\u{201d} {first} {last}, {}, told {outlet}.", quote(rng), rng.pick(ROLES)),
        2 => format!("\u{201c}{},\u{201d} he said. \u{201c}{}.\u{201d}", quote(rng), quote(rng)),
        3 => format!("According to {outlet}, {}.", clause(rng)),
        4 => format!("{last} added that {}.", clause(rng)),
        5 => format!("Two {outlet} sources said {}.", clause(rng)),
        6 => format!("The {place} {} said in a statement that {}.", rng.pick(BODIES), clause(rng)),
        7 => format!("{}, the official said.", quote(rng)),
        8 => format!("\u{201c}{}.\u{201d}", quote(rng)),
        9 => format!("{first} {last} told reporters that {} and that {}.", clause(rng), clause(rng)),
        _ => rng.pick(NARRATIVE).to_string(),
    }
}

fn articles(bytes: usize) -> String {
    let mut rng = Rng(2024);
    let mut s = String::with_capacity(bytes + 4096);
    let mut next_person = 0u64;
    while s.len() < bytes {
        // An article: a headline and 6 to 20 paragraphs about 3 to 8 speakers, a few of them
        // new, the rest from the previous articles.
        let people: Vec<(String, String, &str)> = (0..3 + rng.below(6))
            .map(|_| {
                let i = if next_person > 8 && rng.below(3) == 0 {
                    rng.below(next_person as usize) as u64
                } else {
                    next_person += 1;
                    next_person - 1
                };
                let (first, last) = person(i);
                (first, last, TITLES[i as usize % TITLES.len()])
            })
            .collect();
        let outlet = rng.pick(OUTLETS);
        let place = rng.pick(PLACES);
        let (_, last, title) = &people[0];
        s.push_str(&format!("{place}: {title} {last} says {}\n\n", clause(&mut rng)));
        for _ in 0..6 + rng.below(15) {
            if s.len() >= bytes {
                break;
            }
            let n = 1 + rng.below(4);
            let para: Vec<String> = (0..n).map(|_| sentence(&mut rng, &people, outlet, place)).collect();
            s.push_str(&para.join(" "));
            s.push_str("\n\n");
        }
    }
    s
}
