//! Build script: the lexicons as the engine embeds them (`$OUT_DIR/lexicon/…`). The files in
//! `src/engine/lexicon/` stay the data people read and edit; the engine gets them without their
//! comment lines, and the cue inventory compacted: `cues.tsv` and the precision column of the
//! mined `cue_stats.tsv` become one table, `form<TAB>lemma<TAB>CS<TAB>prior`, with the lemma
//! empty when it is the form, the class and stance as two letters (`sn` = speech, neutral) and
//! the prior empty when none was mined (the counts stay in the file for people). Every byte
//! embedded is a byte of the app's worker.

use std::{env, fs, path::Path};

const DIR: &str = "src/engine/lexicon";
const FILES: &[&str] = &[
    "boilerplate.txt",
    "cue_particles.tsv",
    "genders.tsv",
    "lemmas.tsv",
    "outlets.txt",
    "places.txt",
    "roles.tsv",
    "titles.txt",
];

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
        write(name, data(&read(name)).map(str::to_string).collect());
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
                format!("{form}\t{lemma}\t{c}{s}\t{}", priors.get(form).copied().unwrap_or(""))
            }
            _ => panic!("cues.tsv: not form<TAB>lemma<TAB>class<TAB>stance: {line:?}"),
        })
        .collect();
    write("cues.tsv", compact);
}

/// The first letter of `word`, which must be one of the space-separated `known` words (whose
/// first letters differ).
fn initial(word: &str, known: &str) -> char {
    assert!(known.split(' ').any(|k| k == word), "lexicon: {word:?} is not one of {known}");
    word.chars().next().unwrap_or('?')
}
