//! `whosaid`: the engine on the command line.
//!
//! ```text
//! whosaid analyze [FILE...]            one JSON object per file (JSON Lines); stdin when no file
//! whosaid analyze --format text FILE   a readable annotated view
//! whosaid analyze --jsonl              JSON Lines of {"id": …, "text": …} on stdin, results in order, all cores
//! whosaid eval --polnear DIR [--split dev]   PolNeAR scores (span, relation, relation+source F1)
//! whosaid eval --speakers DIR --polnear DIR   speaker list, B³, anonymity and kind scores
//! whosaid eval --seeds DIR             seed-article scores against gold.json
//! whosaid mine-cues --polnear DIR      cue statistics from PolNeAR train (lexicon/cue_stats.tsv)
//! ```

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
