//! The `whosaid` binary: JSON Lines output, --jsonl corpus mode, text view, bad input.

use std::io::Write;
use std::process::{Command, Stdio};

fn whosaid() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

const SEED: &str = "tests/fixtures/seeds/004_c516d1f4fd7c086b.txt";

#[test]
fn analyze_prints_one_json_object_per_file() {
    let out = whosaid().args(["analyze", SEED, SEED]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["file"], SEED);
    let speaker = &v["speakers"][0];
    for key in ["id", "name", "kind", "anonymous", "mentions", "titles"] {
        assert!(!speaker[key].is_null(), "speaker.{key}");
    }
    let claims = v["claims"].as_array().unwrap();
    assert!(claims.len() >= 15);
    for key in ["id", "kind", "content", "cue", "source", "stance", "confidence"] {
        assert!(!claims[0][key].is_null(), "claim.{key}");
    }
    assert!(claims.iter().any(|c| !c["via"].is_null()), "a chain");
    let span = &claims[0]["content"][0];
    assert!(span[0].as_u64().unwrap() < span[1].as_u64().unwrap());
}

#[test]
fn jsonl_mode_keeps_input_order() {
    let mut child = whosaid()
        .args(["analyze", "--jsonl", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = String::new();
    for i in 0..20 {
        input.push_str(
            &serde_json::json!({"id": i, "text": format!("Official {i} said that the plan would work.")}).to_string(),
        );
        input.push('\n');
    }
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let ids: Vec<i64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, (0..20).collect::<Vec<_>>());
}

#[test]
fn text_format_names_the_speakers() {
    let out = whosaid().args(["analyze", "--format", "text", SEED]).output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Vedant Patel") && s.contains("Vladimir Zelensky"), "{s}");
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("whosaid-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"caf\xe9 said that").unwrap();
    let out = whosaid().args(["analyze", bad.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("not UTF-8") && err.contains("offset 3"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
