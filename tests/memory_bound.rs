//! The CLI on 50 MB of input: JSONL is streamed, so its peak memory is
//! bounded by the largest line, not by the input; a 50 MB plain text is
//! analysed whole and gives well-formed JSON.
//!
//! The stated bound (README, "Command line"): with `--jsonl`, peak resident
//! memory stays within the memory of a one-line run plus
//! [`LINE_FACTOR`] × the largest line.
//!
//! These tests need a release build (50 MB through a debug build takes many
//! minutes), so they are `#[ignore]`d and run by `.ci/run` as
//! `cargo test --release --test memory_bound -- --ignored`.

#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

/// Peak memory allowed per byte of the largest JSONL line. Measured: about
/// 78 bytes per byte on name-dense news (most of it the name tagger's
/// per-token features, `ner::BaseFeatures`, kept for both of its passes).
const LINE_FACTOR: u64 = 120;

/// A news paragraph dense in every kind of entity.
const PARAGRAPH: &str = "MOSCOW (Reuters) - Russian President Vladimir Putin met \
    Dmitry Peskov on Friday, December 15, 2023, at 10:30 a.m. The International \
    Atomic Energy Agency (IAEA) said the U.S. paid $3.5 billion, up 12% from 2022, \
    to 1,200 workers in Geneva and Paris. \u{201c}We are not in a hurry,\u{201d} \
    Peskov told NBC. Write to press@example.com, call +1 202 555 0147, see \
    https://example.com/news #Kremlin @Reuters. ";

/// Waits for `child` to exit; returns whether it succeeded and its peak
/// resident set size in bytes (its own, not other children's: wait4).
fn wait_with_peak(child: std::process::Child) -> (bool, u64) {
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 only writes into it and status.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers to a status word and a rusage struct.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(rc, pid, "wait4 failed");
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // Linux reports kilobytes.
    (ok, u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024)
}

/// A JSONL line of about `size` bytes of text.
fn line(id: usize, size: usize) -> String {
    let text: String = PARAGRAPH.repeat(size / PARAGRAPH.len() + 1);
    let mut end = size.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let record = serde_json::json!({ "id": id, "text": &text[..end], "date": "2023-12-16" });
    record.to_string()
}

/// Runs `entity-lens analyze --jsonl` on `count` lines of `size` bytes,
/// streamed through a pipe, and checks every output line. Returns the
/// bytes written and the CLI's peak memory.
fn stream(count: usize, size: usize) -> (usize, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entity-lens"))
        .args(["analyze", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the CLI");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let mut written = 0;
        for id in 0..count {
            let mut l = line(id, size);
            l.push('\n');
            stdin.write_all(l.as_bytes()).expect("write a line");
            written += l.len();
        }
        written
    });
    let stdout = child.stdout.take().expect("stdout");
    let mut seen = 0;
    for (k, out) in BufReader::new(stdout).lines().enumerate() {
        let out = out.expect("read an output line");
        let v: serde_json::Value = serde_json::from_str(&out).expect("each output line is JSON");
        assert_eq!(v["id"], k, "output line {k} answers input line {k}");
        assert!(v.get("error").is_none(), "line {k}: {}", v["error"]);
        assert!(
            v["entities"]
                .as_array()
                .is_some_and(|e| e.len() * 100 > size),
            "line {k} has its entities"
        );
        seen += 1;
    }
    let (ok, peak) = wait_with_peak(child);
    assert!(ok, "exit status");
    assert_eq!(seen, count, "one output line per input line");
    (writer.join().expect("writer"), peak)
}

#[test]
#[ignore = "needs a release build: cargo test --release --test memory_bound -- --ignored"]
fn fifty_megabytes_of_jsonl_in_bounded_memory() {
    // The memory of a small run: the program, its model and gazetteers.
    let (_, baseline) = stream(1, 1_000);
    let size = 200_000;
    let (written, peak) = stream(250, size);
    assert!(written >= 50_000_000, "{written} bytes streamed");
    let bound = baseline + LINE_FACTOR * size as u64;
    println!(
        "50 MB JSONL: peak RSS {:.1} MB; one-line run {:.1} MB; bound {:.1} MB \
         ({LINE_FACTOR} x the {size}-byte line over the one-line run)",
        peak as f64 / 1e6,
        baseline as f64 / 1e6,
        bound as f64 / 1e6
    );
    assert!(
        peak <= bound,
        "peak {peak} bytes exceeds the stated bound {bound}"
    );
}

#[test]
#[ignore = "needs a release build: cargo test --release --test memory_bound -- --ignored"]
fn fifty_megabytes_of_plain_text() {
    let path = std::env::temp_dir().join(format!("entity-lens-50mb-{}.txt", std::process::id()));
    let text = PARAGRAPH.repeat(50_000_000 / PARAGRAPH.len() + 1);
    std::fs::write(&path, &text).expect("write the input");
    let mut child = Command::new(env!("CARGO_BIN_EXE_entity-lens"))
        .arg("analyze")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the CLI");
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_end(&mut out)
        .expect("read the output");
    let (ok, peak) = wait_with_peak(child);
    let _ = std::fs::remove_file(&path);
    assert!(ok, "exit status");
    let v: serde_json::Value = serde_json::from_slice(&out).expect("the output is JSON");
    let entities = v["entities"].as_array().map_or(0, Vec::len);
    assert!(entities > 1_000_000, "{entities} entities");
    println!(
        "50 MB plain text: {entities} mentions, {:.0} MB of JSON, peak RSS {:.0} MB",
        out.len() as f64 / 1e6,
        peak as f64 / 1e6
    );
}
