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

/// Runs `whosaid analyze --jsonl --threads 2` on `input` (written from another thread, so a large
/// output cannot block it); returns the exit code and the output lines as JSON.
fn run_jsonl(input: Vec<u8>) -> (Option<i32>, Vec<serde_json::Value>) {
    let mut child = whosaid()
        .args(["analyze", "--jsonl", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let lines = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (out.status.code(), lines)
}

fn jsonl_input_line(i: usize) -> String {
    serde_json::json!({"id": i, "text": format!("Official {i} said that the plan would work.")}).to_string() + "\n"
}

#[test]
fn jsonl_mode_keeps_input_order() {
    let input: String = (0..20).map(jsonl_input_line).collect();
    let (code, lines) = run_jsonl(input.into_bytes());
    assert_eq!(code, Some(0));
    let ids: Vec<u64> = lines.iter().map(|v| v["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..20).collect::<Vec<_>>());
    assert!(lines.iter().all(|v| v.get("error").is_none() && v["claims"].is_array()));
}

#[test]
fn jsonl_blank_lines_are_skipped_and_valid_input_exits_0() {
    let input = format!("{}\n  \r\n{}{}", jsonl_input_line(0), jsonl_input_line(1), jsonl_input_line(2).trim_end());
    let (code, lines) = run_jsonl(input.into_bytes());
    assert_eq!(code, Some(0));
    let ids: Vec<u64> = lines.iter().map(|v| v["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [0, 1, 2]);
}

#[test]
fn jsonl_bad_lines_are_answered_in_place_and_the_stream_goes_on() {
    // 1,000 lines over two batches (512 lines each with two threads); line N has id N - 1.
    // Line 10 is blank (no output); 300 is not JSON; 520 has no "text"; 700 has a raw Latin-1 byte.
    let mut input = Vec::new();
    for n in 1..=1000 {
        match n {
            10 => input.extend_from_slice(b"\n"),
            300 => input.extend_from_slice(b"{\"id\": 299, \"text\": \"unterminated\n"),
            520 => input.extend_from_slice(b"{\"id\": 519, \"txt\": \"Officials said so.\"}\n"),
            700 => input.extend_from_slice(b"{\"id\": 699, \"text\": \"Caf\xe9 owners said rents are too high.\"}\n"),
            _ => input.extend_from_slice(jsonl_input_line(n - 1).as_bytes()),
        }
    }
    let (code, lines) = run_jsonl(input);
    assert_eq!(code, Some(1), "a line failed");
    assert_eq!(lines.len(), 999, "one output line per non-blank input line");
    let ids: Vec<u64> = lines.iter().map(|v| v["id"].as_u64().unwrap_or(u64::MAX)).collect();
    let want: Vec<u64> = (1..=1000u64).filter(|&n| n != 10).map(|n| if n == 300 { u64::MAX } else { n - 1 }).collect();
    assert_eq!(ids, want, "in input order, ids recovered where the line allows it");
    let errors: Vec<(u64, &str)> = lines
        .iter()
        .filter(|v| v.get("error").is_some())
        .map(|v| (v["line"].as_u64().unwrap(), v["error"].as_str().unwrap()))
        .collect();
    assert_eq!(errors.iter().map(|e| e.0).collect::<Vec<_>>(), [300, 520, 700], "{errors:?}");
    assert!(errors[0].1.starts_with("not JSON"), "{errors:?}");
    assert!(lines.iter().find(|v| v["line"] == 300).unwrap()["id"].is_null(), "no id from a non-JSON line");
    assert_eq!(errors[1].1, "no \"text\" field");
    assert!(errors[2].1.starts_with("not UTF-8 (invalid byte 0xE9 at offset 24 of the line)"), "{errors:?}");
    assert!(lines
        .iter()
        .filter(|v| v.get("error").is_none())
        .all(|v| v["claims"].is_array() && v.get("line").is_none()));
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

#[test]
fn explain_lists_each_cue_candidate_with_its_rule_or_veto() {
    let dir = std::env::temp_dir().join(format!("whosaid-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a.txt");
    std::fs::write(&path, "“We will win,” said Patel, a spokesperson. The report was published on Monday.\n").unwrap();
    let out = whosaid().args(["analyze", "--explain"]).arg(&path).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let said = stdout.lines().find(|l| l.contains(" said ")).expect("a line for \"said\"");
    assert!(said.contains("claim by [inverted]") && said.contains("source: Patel"), "{said}");
    let report = stdout.lines().find(|l| l.contains(" report ")).expect("a line for \"report\"");
    assert!(report.contains("dropped: a noun after a determiner"), "{report}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn eval_speakers_prints_scores_as_json() {
    let out = whosaid()
        .args([
            "eval",
            "--speakers",
            "tests/fixtures/speakers/gold",
            "--polnear",
            "tests/fixtures/speakers/polnear",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"], 1);
    assert_eq!(v["gold_spans"], 8);
    assert_eq!(v["speakers"]["gold"], 7);
    for key in ["paired_spans", "b3", "anonymous", "kind", "junk_cards", "duplicate_cards"] {
        assert!(!v[key].is_null(), "{key}");
    }
    let text = whosaid()
        .args(["eval", "--speakers", "tests/fixtures/speakers/gold", "--polnear", "tests/fixtures/speakers/polnear"])
        .arg("--verbose")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("mini: ") && text.contains("B³ clustering"), "{text}");
}

#[test]
fn eval_agreement_scores_the_articles_annotated_more_than_once() {
    let args = ["eval", "--polnear", "tests/fixtures/agreement", "--split", "train", "--agreement"];
    let out = whosaid().args(args).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // "once" has one annotation file: left out.
    assert_eq!((v["documents"].as_u64(), v["annotations"].as_u64()), (Some(1), Some(2)));
    let a = &v["annotators"]["relation"];
    assert_eq!((a["tp"].as_u64(), a["pred"].as_u64(), a["gold"].as_u64()), (Some(4), Some(5), Some(5)));
    assert_eq!(v["whosaid"]["relation"]["gold"], 5);
    let text = String::from_utf8(whosaid().args(args).output().unwrap().stdout).unwrap();
    assert!(text.contains("1 articles annotated more than once") && text.contains("relation+source"), "{text}");
    // A split with no article annotated twice is an error that says so.
    let none = whosaid().args(["eval", "--polnear", "tests/fixtures/agreement", "--agreement"]).output().unwrap();
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("more than one annotation"));
}

#[test]
fn compare_prints_both_records_and_the_alignment() {
    let a = "tests/fixtures/seeds/000_aa45f71569c94b10.txt";
    let out = whosaid().args(["compare", a, SEED]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
    assert_eq!(v["documents"][1]["file"], SEED);
    let pair = &v["pairs"][0];
    for key in ["a", "b", "relation", "score", "differences"] {
        assert!(!pair[key].is_null(), "pair.{key}");
    }
    assert!(v["speakers"][0]["in"].as_array().unwrap().len() == 2);
    assert!(!v["only"].as_array().unwrap().is_empty());
    let text = whosaid().args(["compare", "--format", "text", a, SEED]).output().unwrap();
    assert!(String::from_utf8(text.stdout).unwrap().contains("SAME"));
}
