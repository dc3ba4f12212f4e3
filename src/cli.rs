//! The command-line tool's logic (native only): argument parsing, the
//! single-text mode and the streaming JSONL mode.
//!
//! The JSONL mode reads one line at a time and writes each result before
//! reading the next, so memory stays proportional to the longest line.

use crate::export::json;
use crate::{analyze, Options};
use chrono::NaiveDate;
use serde_json::{json, Value as Json};
use std::io::{self, BufRead, Write};

/// `entity-lens --help`.
pub const HELP: &str = "\
entity-lens — find the entities in a text (names, dates, numbers, contacts)

USAGE:
    entity-lens analyze [FILE] [--date YYYY-MM-DD] [--pretty] [--format FORMAT]
    entity-lens analyze --jsonl [FILE] [--date YYYY-MM-DD]
    entity-lens --help | --version

MODES:
    analyze [FILE]      Analyze one text (FILE, or standard input without it) and
                        print {\"date\", \"entities\": [...]} as JSON.
    analyze --jsonl     Read JSON lines {\"id\": ..., \"text\": \"...\", \"date\": \"YYYY-MM-DD\"}
                        (id and date optional) and write one line per input, in
                        input order:
                          {\"id\": ..., \"date\": ..., \"entities\": [...]}
                        A bad line (not JSON, not UTF-8, no \"text\", a bad date) gives
                        {\"id\": ..., \"error\": \"...\"} and the rest are still processed.
                        Lines are streamed: memory stays within a small multiple of
                        the longest line.

ENTITIES:
    {\"start\", \"end\", \"label\", \"text\", \"value\"?, \"kind\"?}
    start/end count Unicode code points (like spaCy's start_char/end_char), end
    exclusive. label is one of PERSON NORP FAC ORG GPE LOC PRODUCT EVENT
    WORK_OF_ART LAW LANGUAGE MISC DATE TIME PERCENT MONEY QUANTITY ORDINAL
    CARDINAL EMAIL URL PHONE HASHTAG MENTION. value is the normalized value: a
    TIMEX3 string for DATE/TIME (kind: date, time, duration or set), a number for
    CARDINAL/ORDINAL/PERCENT, {\"amount\", \"currency\"} for MONEY, {\"amount\",
    \"unit\"} for QUANTITY, a string for EMAIL/URL/PHONE.

OPTIONS:
    --date YYYY-MM-DD   Document date for relative expressions (default: detected
                        from a 'date YYYY-MM-DD' line or a dateline). In --jsonl
                        mode a line's own \"date\" wins.
    --pretty            Indent the JSON (single-text mode).
    --format FORMAT     Single-text output format: json (default), displacy
                        (spaCy/displaCy {\"text\", \"ents\"}), csv (mentions),
                        entities-csv, brat (standoff .ann for the text as .txt),
                        conll (token<TAB>BIO tag), html (annotated, no script).
    -h, --help          Print this help.
    -V, --version       Print the version.

EXIT STATUS:
    0 on success (also when some JSONL lines had errors), 1 when the input cannot
    be read (I/O error, invalid UTF-8 in single-text mode), 2 on bad usage.
";

/// Parsed command-line arguments.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Args {
    /// `--jsonl`.
    pub jsonl: bool,
    /// `--pretty`.
    pub pretty: bool,
    /// `--date`.
    pub date: Option<NaiveDate>,
    /// The input file; standard input when `None`.
    pub file: Option<String>,
    /// `--format` (single-text mode).
    pub format: Format,
}

/// Output formats of the single-text mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The CLI JSON schema.
    #[default]
    Json,
    /// spaCy/displaCy JSON.
    Displacy,
    /// CSV of mentions.
    Csv,
    /// CSV of entities.
    EntitiesCsv,
    /// brat standoff `.ann`.
    Brat,
    /// CoNLL-style BIO.
    Conll,
    /// Annotated HTML.
    Html,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "json" => Format::Json,
            "displacy" => Format::Displacy,
            "csv" => Format::Csv,
            "entities-csv" => Format::EntitiesCsv,
            "brat" => Format::Brat,
            "conll" => Format::Conll,
            "html" => Format::Html,
            _ => {
                return Err(format!(
                    "unknown format {s:?} (json, displacy, csv, entities-csv, brat, conll, html)"
                ))
            }
        })
    }
}

/// The single-text output in `format`.
pub fn render(text: &str, date: Option<NaiveDate>, format: Format, pretty: bool) -> String {
    use crate::export::formats;
    let a = analyze(
        text,
        &Options {
            document_date: date,
        },
    );
    match format {
        Format::Json => {
            let v = json::analysis(None, text, &a);
            let s = if pretty {
                serde_json::to_string_pretty(&v)
            } else {
                serde_json::to_string(&v)
            };
            s.unwrap_or_default() + "\n"
        }
        Format::Displacy => formats::displacy(text, &a) + "\n",
        Format::Csv => formats::mentions_csv(text, &a),
        Format::EntitiesCsv => formats::entities_csv(&a),
        Format::Brat => formats::brat(text, &a),
        Format::Conll => formats::conll(text, &a),
        Format::Html => formats::html(text, &a, "EntityLens analysis"),
    }
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Print the help.
    Help,
    /// Print the version.
    Version,
    /// Analyze.
    Analyze(Args),
}

/// Parses the arguments after the program name.
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut it = args.into_iter();
    let mut out = Args::default();
    let mut seen_analyze = false;
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" | "help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "analyze" if !seen_analyze => seen_analyze = true,
            "--jsonl" => out.jsonl = true,
            "--pretty" => out.pretty = true,
            "--format" => {
                let v = it.next().ok_or("--format needs a value")?;
                out.format = v.parse()?;
            }
            s if s.starts_with("--format=") => out.format = s[9..].parse()?,
            "--date" => {
                let v = it.next().ok_or("--date needs a value YYYY-MM-DD")?;
                out.date = Some(parse_date(&v)?);
            }
            s if s.starts_with("--date=") => out.date = Some(parse_date(&s[7..])?),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            s if seen_analyze && out.file.is_none() => {
                if s != "-" {
                    out.file = Some(s.to_string());
                }
            }
            s => return Err(format!("unexpected argument {s:?}")),
        }
    }
    if !seen_analyze {
        return Err("missing command: use `entity-lens analyze`".into());
    }
    Ok(Command::Analyze(out))
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("bad date {s:?}: expected YYYY-MM-DD"))
}

/// Decodes `bytes` as UTF-8 or says where it is not (a leading BOM is
/// dropped).
pub fn decode(bytes: &[u8]) -> Result<&str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "input is not valid UTF-8: invalid byte 0x{:02X} at byte offset {}",
            bytes.get(e.valid_up_to()).copied().unwrap_or(0),
            e.valid_up_to()
        )
    })
}

/// One JSONL input line's id, text and date, or the error line to write
/// instead.
fn read_line(
    line: &[u8],
    default_date: Option<NaiveDate>,
) -> Result<(Json, String, Option<NaiveDate>), Json> {
    let error = |id: Json, msg: String| json!({"id": id, "error": msg});
    let line = decode(line).map_err(|e| error(Json::Null, e))?;
    let v: Json =
        serde_json::from_str(line).map_err(|e| error(Json::Null, format!("not JSON: {e}")))?;
    let Json::Object(mut obj) = v else {
        return Err(error(Json::Null, "not a JSON object".into()));
    };
    let id = obj.remove("id").unwrap_or(Json::Null);
    let date = match obj.get("date") {
        None | Some(Json::Null) => default_date,
        Some(Json::String(s)) => Some(parse_date(s).map_err(|e| error(id.clone(), e))?),
        Some(_) => return Err(error(id, "\"date\" must be a string YYYY-MM-DD".into())),
    };
    match obj.remove("text") {
        Some(Json::String(text)) => Ok((id, text, date)),
        _ => Err(error(id, "no \"text\" string".into())),
    }
}

/// Writes the output for one JSONL input line (without the newline): the
/// analysis, serialized as it is written, or `{"id", "error"}`.
pub fn write_jsonl_line<W: Write>(
    line: &[u8],
    default_date: Option<NaiveDate>,
    output: W,
) -> io::Result<()> {
    let written = match read_line(line, default_date) {
        Err(error) => serde_json::to_writer(output, &error),
        Ok((id, text, date)) => {
            let a = analyze(
                &text,
                &Options {
                    document_date: date,
                },
            );
            serde_json::to_writer(output, &json::analysis(Some(&id), &text, &a))
        }
    };
    written.map_err(io::Error::from)
}

/// Streams JSONL from `input` to `output`, one result line per input line
/// (blank lines are skipped). Fails only on I/O errors.
///
/// Memory is bounded by the longest line, not the input: one line is read,
/// analysed and written at a time (see `tests/memory_bound.rs`).
pub fn run_jsonl<R: BufRead, W: Write>(
    mut input: R,
    mut output: W,
    default_date: Option<NaiveDate>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        write_jsonl_line(line, default_date, &mut output)?;
        output.write_all(b"\n")?;
    }
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Result<Command, String> {
        parse_args(s.split_whitespace().map(String::from))
    }

    #[test]
    fn parses_arguments() {
        assert_eq!(args("--help"), Ok(Command::Help));
        let Ok(Command::Analyze(a)) = args("analyze --jsonl in.jsonl --date 2023-12-16") else {
            panic!("should parse")
        };
        assert!(a.jsonl);
        assert_eq!(a.file.as_deref(), Some("in.jsonl"));
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2023, 12, 16));
        assert!(args("analyze --date 2023-13-01").is_err());
        assert!(args("analyze --bogus").is_err());
        let Ok(Command::Analyze(a)) = args("analyze --format brat") else {
            panic!("should parse")
        };
        assert_eq!(a.format, Format::Brat);
        assert!(args("analyze --format docx").is_err());
        assert!(args("").is_err());
    }

    #[test]
    fn decode_names_the_offset() {
        assert_eq!(decode(b"\xEF\xBB\xBFok"), Ok("ok"));
        let e = decode(b"abc\xFFdef").unwrap_err();
        assert!(e.contains("byte offset 3"), "{e}");
        assert!(e.contains("0xFF"), "{e}");
    }

    #[test]
    fn bad_lines_give_errors_and_the_rest_go_on() {
        let input = b"{\"id\": 1, \"text\": \"mail a@b.com\"}\nnot json\n{\"id\": \"x\"}\n\n{\"id\": 4, \"text\": \"x\", \"date\": \"2023-02-30\"}\n\xFF\n{\"text\": \"ok\"}\n";
        let mut out = Vec::new();
        run_jsonl(&input[..], &mut out, None).expect("no I/O error");
        let lines: Vec<Json> = String::from_utf8(out)
            .expect("utf8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect();
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[0]["entities"][0]["label"], "EMAIL");
        assert!(lines[1]["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("not JSON")));
        assert_eq!(lines[2]["id"], "x");
        assert!(lines[2]["error"].is_string());
        assert!(lines[3]["error"]
            .as_str()
            .is_some_and(|e| e.contains("bad date")));
        assert!(lines[4]["error"]
            .as_str()
            .is_some_and(|e| e.contains("UTF-8")));
        assert_eq!(lines[5]["id"], Json::Null);
        assert!(lines[5]["entities"].is_array());
    }
}
