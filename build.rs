//! Build script: the lexicons as the engine embeds them (`$OUT_DIR/lexicon/…`). The files in
//! `src/engine/lexicon/` stay the data people read and edit; the engine gets them without their
//! comment lines, and the cue inventory compacted: `cues.tsv` and the precision column of the
//! mined `cue_stats.tsv` become one table, `form<TAB>lemma<TAB>CS<TAB>prior`, with the lemma
//! empty when it is the form, the class and stance as two letters (`sn` = speech, neutral) and
//! the prior written as its decimals (`479` for 0.479) or empty when none was mined (the counts
//! stay in the file for people); and
//! `roles.tsv` and `genders.tsv` as one line per class (`kind<TAB>noun noun …`,
//! `f|m<TAB>name|title<TAB>word word …`). Every byte embedded is a byte of the app's worker.

use std::{env, fs, path::Path};

const DIR: &str = "src/engine/lexicon";
const FILES: &[&str] =
    &["boilerplate.txt", "cue_particles.tsv", "lemmas.tsv", "outlets.txt", "places.txt", "titles.txt"];

/// The data lines of `src`: no blank or comment lines.
fn data(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn read(name: &str) -> String {
    let path = format!("{DIR}/{name}");
    println!("cargo:rerun-if-changed={path}");
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon");
    fs::create_dir_all(&out).expect("create $OUT_DIR/lexicon");
    let write = |name: &str, lines: Vec<String>| {
        let mut s = lines.join("\n");
        s.push('\n');
        fs::write(out.join(name), s).unwrap_or_else(|e| panic!("write {name}: {e}"));
    };
    for name in FILES {
        let mut lines: Vec<String> = data(&read(name)).map(str::to_string).collect();
        // Sets, read in any order: sorted, they compress better (shared prefixes).
        if matches!(*name, "places.txt" | "titles.txt" | "outlets.txt") {
            lines.sort();
        }
        write(name, lines);
    }
    let stats = read("cue_stats.tsv");
    let priors: std::collections::HashMap<&str, &str> = data(&stats)
        .map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
            [form, _cue_count, _total, precision] => (form, precision),
            _ => panic!("cue_stats.tsv: not form<TAB>cue_count<TAB>total<TAB>precision: {line:?}"),
        })
        .collect();
    let cues = read("cues.tsv");
    let compact = data(&cues)
        .map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
            [form, lemma, class, stance] => {
                let lemma = if lemma == form { "" } else { lemma };
                let (c, s) = (
                    initial(class, "speech belief hedge according citing"),
                    initial(stance, "neutral distancing endorsing conceding rejecting"),
                );
                // A prior `0.479` is embedded as its decimals, `479` (all are below 1).
                let prior = priors.get(form).map_or("", |p| {
                    p.strip_prefix("0.").unwrap_or_else(|| panic!("cue_stats.tsv: {form}: {p:?} is not 0.xyz"))
                });
                format!("{form}\t{lemma}\t{c}{s}\t{prior}")
            }
            _ => panic!("cues.tsv: not form<TAB>lemma<TAB>class<TAB>stance: {line:?}"),
        })
        .collect();
    write("cues.tsv", compact);
    // roles.tsv as one line per kind: `kind<TAB>noun noun …` (the kind spelled once).
    let roles = read("roles.tsv");
    let kinds = ["person", "organisation", "media_outlet", "government_body", "group", "document"];
    let by_kind = grouped(data(&roles).map(|line| {
        let Some((noun, kind)) = line.split_once('\t') else { panic!("roles.tsv: not noun<TAB>kind: {line:?}") };
        assert!(kinds.contains(&kind), "roles.tsv: {kind:?} is not one of {kinds:?}");
        (kind, noun)
    }));
    write("roles.tsv", by_kind.iter().map(|(k, nouns)| format!("{k}\t{}", nouns.join(" "))).collect());
    // genders.tsv likewise: `f|m<TAB>name|title<TAB>word word …`.
    let genders = read("genders.tsv");
    let by_class = grouped(data(&genders).map(|line| {
        let [word, sex, what] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("genders.tsv: not word<TAB>f|m<TAB>name|title: {line:?}")
        };
        assert!(matches!(sex, "f" | "m") && matches!(what, "name" | "title"), "genders.tsv: {line:?}");
        ((sex, what), word)
    }));
    write("genders.tsv", by_class.iter().map(|((s, w), words)| format!("{s}\t{w}\t{}", words.join(" "))).collect());
}

/// The words of each class, classes in order of first appearance, words sorted (they compress
/// better).
fn grouped<'a, K: PartialEq>(items: impl Iterator<Item = (K, &'a str)>) -> Vec<(K, Vec<&'a str>)> {
    let mut out: Vec<(K, Vec<&str>)> = Vec::new();
    for (class, word) in items {
        match out.iter_mut().find(|(c, _)| *c == class) {
            Some((_, words)) => words.push(word),
            None => out.push((class, vec![word])),
        }
    }
    out.iter_mut().for_each(|(_, words)| words.sort_unstable());
    out
}

/// The first letter of `word`, which must be one of the space-separated `known` words (whose
/// first letters differ).
fn initial(word: &str, known: &str) -> char {
    assert!(known.split(' ').any(|k| k == word), "lexicon: {word:?} is not one of {known}");
    word.chars().next().unwrap_or('?')
}
