//! Build script: the lexicons as the engine embeds them (`$OUT_DIR/lexicon/…`). The files in
//! `src/engine/lexicon/` stay the data people read and edit; the engine gets them without their
//! comment lines, and of the mined cue statistics only each form's prior (the precision column
//! of `cue_stats.tsv`, as `cue_priors.tsv`), not the counts behind it. Every byte embedded is a
//! byte of the app's worker: this saves it about 2.3 KB gzipped.

use std::{env, fs, path::Path};

const DIR: &str = "src/engine/lexicon";
const FILES: &[&str] = &[
    "boilerplate.txt",
    "cue_particles.tsv",
    "cues.tsv",
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
    let priors = data(&stats)
        .map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
            [form, _cue_count, _total, precision] => format!("{form}\t{precision}"),
            _ => panic!("cue_stats.tsv: not form<TAB>cue_count<TAB>total<TAB>precision: {line:?}"),
        })
        .collect();
    write("cue_priors.tsv", priors);
}
