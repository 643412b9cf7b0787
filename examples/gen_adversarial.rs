//! Writes one generated adversarial input to stdout (see `benches/adversarial_inputs.rs`).
//!
//! ```text
//! cargo run --profile native --example gen_adversarial -- PATTERN BYTES > FILE
//! cargo run --profile native --example gen_adversarial -- --list
//! ```
//! Used by `scripts/adversarial.sh`.

#[path = "../benches/adversarial_inputs.rs"]
mod adversarial_inputs;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [list] if list == "--list" => {
            println!("{}", adversarial_inputs::PATTERNS.join("\n"));
            ExitCode::SUCCESS
        }
        [pattern, bytes] => {
            let Ok(bytes) = bytes.parse::<usize>() else {
                eprintln!("gen_adversarial: BYTES must be a number, not {bytes}");
                return ExitCode::from(2);
            };
            let Some(text) = adversarial_inputs::generate(pattern, bytes) else {
                eprintln!(
                    "gen_adversarial: unknown pattern {pattern} (one of: {})",
                    adversarial_inputs::PATTERNS.join(", ")
                );
                return ExitCode::from(2);
            };
            match std::io::stdout().lock().write_all(text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("gen_adversarial: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("usage: gen_adversarial PATTERN BYTES | --list");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::adversarial_inputs::{generate, person, PATTERNS};

    #[test]
    fn sizes_determinism_and_distinct_names() {
        for p in PATTERNS {
            let t = generate(p, 10_000).unwrap();
            assert!(t.len() >= 10_000 && t.len() < 12_000, "{p}: {}", t.len());
            assert_eq!(t, generate(p, 10_000).unwrap());
        }
        assert!(generate("nope", 10).is_none());
        let surnames: std::collections::HashSet<_> = (0..100_000).map(|i| person(i).1).collect();
        assert_eq!(surnames.len(), 100_000);
    }
}
