//! The CLI contract, end to end through the built binary: single-text JSON,
//! streaming JSONL with per-line errors, offsets in code points, exit codes.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entity-lens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("binary finishes");
    writer.join().expect("writer thread");
    out
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn jsonl(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn single_text_from_stdin() {
    let out = run(
        &["analyze"],
        "date 2023-12-16\nMail desk@example.com by 5 p.m.".as_bytes(),
    );
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["date"], "2023-12-16");
    let labels: Vec<&str> = v["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| e["label"].as_str())
        .collect();
    assert!(labels.contains(&"EMAIL"), "{labels:?}");
    assert!(labels.contains(&"TIME"), "{labels:?}");
    assert!(v["groups"].is_array());
    assert!(v["quotes"].is_array());
}

#[test]
fn single_text_from_file_with_date_option() {
    let dir = std::env::temp_dir().join(format!("el-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("in.txt");
    std::fs::write(&path, "Due on Dec. 5.").expect("write");
    let out = run(
        &[
            "analyze",
            path.to_str().expect("utf8 path"),
            "--date",
            "2023-12-16",
        ],
        b"",
    );
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["date"], "2023-12-16");
    assert_eq!(v["entities"][0]["value"], "2023-12-05");
    assert_eq!(v["entities"][0]["kind"], "date");
}

#[test]
fn offsets_count_code_points() {
    let text = "👋🏽 東京 e\u{301} a@b.co";
    let out = run(&["analyze"], text.as_bytes());
    let v = json(&out);
    let e = &v["entities"][0];
    assert_eq!(e["label"], "EMAIL");
    let (s, t) = (
        e["start"].as_u64().expect("start") as usize,
        e["end"].as_u64().expect("end") as usize,
    );
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[s..t].iter().collect::<String>(), "a@b.co");
}

#[test]
fn jsonl_keeps_order_ids_and_reports_bad_lines() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Call +44 20 7946 0958\", \"date\": \"2023-12-16\"}\n",
        "this is not json\n",
        "{\"id\": 3}\n",
        "{\"id\": [1], \"text\": \"12% of 40 km\"}\n",
    );
    let out = run(&["analyze", "--jsonl"], input.as_bytes());
    assert!(out.status.success(), "bad lines do not fail the run");
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["date"], "2023-12-16");
    assert_eq!(lines[0]["entities"][0]["label"], "PHONE");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], 3);
    assert!(lines[2]["error"]
        .as_str()
        .is_some_and(|e| e.contains("text")));
    assert_eq!(lines[3]["id"], serde_json::json!([1]));
    let labels: Vec<&str> = lines[3]["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| e["label"].as_str())
        .collect();
    assert_eq!(labels, vec!["PERCENT", "QUANTITY"]);
}

#[test]
fn invalid_utf8_is_named_with_its_offset() {
    let out = run(&["analyze"], b"abc \xC3\x28 def");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not valid UTF-8") && err.contains("byte offset 4"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "no partial output");

    let out = run(
        &["analyze", "--jsonl"],
        b"{\"id\":1,\"text\":\"ok\"}\n\xFF\xFE\n{\"id\":2,\"text\":\"ok\"}\n",
    );
    assert!(out.status.success());
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 3);
    assert!(lines[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("UTF-8")));
    assert_eq!(lines[2]["id"], 2);
}

#[test]
fn empty_and_html_input() {
    let out = run(&["analyze"], b"");
    assert!(out.status.success());
    assert_eq!(json(&out)["entities"], serde_json::json!([]));
    let out = run(
        &["analyze"],
        b"<script>alert('x@y.com')</script> {{^adFree}}&nbsp;",
    );
    let v = json(&out);
    // Tags and template debris are never tagged; the e-mail inside is text.
    for e in v["entities"].as_array().expect("entities") {
        assert!(!e["text"].as_str().unwrap_or("").contains('<'));
    }
}

#[test]
fn help_and_usage_errors() {
    let out = run(&["--help"], b"");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "analyze [FILE]",
        "--jsonl",
        "code points",
        "\"error\"",
        "EXIT STATUS",
    ] {
        assert!(help.contains(needle), "help lacks {needle}");
    }
    let out = run(&["analyze", "--nope"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["analyze", "/no/such/file"], b"");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn large_input_streams() {
    // 2,000 lines of JSONL: every line answered, in order.
    let mut input = String::new();
    for i in 0..2000 {
        input.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"Line {i} costs $5.\"}}\n"
        ));
    }
    let out = run(&["analyze", "--jsonl"], input.as_bytes());
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 2000);
    assert!(lines.iter().enumerate().all(|(i, l)| l["id"] == i));
}

#[test]
fn export_formats() {
    let text = "Mail a@b.com about the $5 fee.";
    let out = run(&["analyze", "--format", "displacy"], text.as_bytes());
    let v = json(&out);
    assert_eq!(v["text"], text);
    assert_eq!(v["ents"][0]["label"], "EMAIL");
    let out = run(&["analyze", "--format", "csv"], text.as_bytes());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("start,end,label,text"));
    let out = run(&["analyze", "--format", "brat"], text.as_bytes());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("T1\tEMAIL 5 12\ta@b.com"));
    let out = run(&["analyze", "--format", "conll"], text.as_bytes());
    assert!(String::from_utf8_lossy(&out.stdout).contains("$\tB-MONEY\n5\tI-MONEY\n"));
    let out = run(
        &["analyze", "--format", "html"],
        b"<img src=x onerror=alert(1)> a@b.com",
    );
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains("&lt;img") && !page.contains("<img"));
    let out = run(&["analyze", "--format", "nope"], b"");
    assert_eq!(out.status.code(), Some(2));
}
