//! The JSON schema of an analysis — the CLI contract other tools depend on.
//!
//! ```json
//! {"id": ..., "date": "2023-12-16",
//!  "entities": [{"start": 0, "end": 5, "label": "PERSON", "text": "Putin",
//!                "value": "...", "kind": "date", "ref": 0}],
//!  "groups": [{"ref": 0, "label": "PERSON", "name": "Vladimir Putin",
//!              "aliases": ["Putin"], "roles": ["Russian President"], "count": 2}],
//!  "quotes": [{"start": 90, "end": 115, "text": "“…”", "speaker": 0, "cue": "said"}]}
//! ```
//!
//! `start`/`end` count Unicode code points (spaCy's `start_char`/`end_char`).
//! `value` is present only when the mention has one: a TIMEX3 string for
//! dates and times (with `kind`), a number for cardinals, ordinals and
//! percentages, `{"amount", "currency"}` for money and `{"amount", "unit"}`
//! for quantities.

use crate::analysis::{Analysis, Mention, Value};
use crate::span::OffsetIndex;
use serde::Serialize;
use serde_json::{json, Map};

/// One entity in the CLI schema.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EntityJson {
    /// Start in code points.
    pub start: usize,
    /// End in code points (exclusive).
    pub end: usize,
    /// The label's name.
    pub label: &'static str,
    /// The mention's text.
    pub text: String,
    /// The normalized value, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    /// For time values: `date`, `time`, `duration` or `set`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// The entity (index into `groups`) this mention refers to.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
}

/// One entity (a group of mentions) in the CLI schema.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct GroupJson {
    /// Its index, as used by mentions' `ref` and quotes' `speaker`.
    #[serde(rename = "ref")]
    pub entity: usize,
    /// Its label.
    pub label: &'static str,
    /// The fullest form of its name.
    pub name: String,
    /// Other forms used.
    pub aliases: Vec<String>,
    /// Roles and titles.
    pub roles: Vec<String>,
    /// How many mentions.
    pub count: usize,
    /// For a nationality: its country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// One quotation in the CLI schema.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct QuoteJson {
    /// Start in code points (the opening mark).
    pub start: usize,
    /// End in code points (after the closing mark).
    pub end: usize,
    /// The quotation with its marks.
    pub text: String,
    /// The speaker's `ref`, or null.
    pub speaker: Option<usize>,
    /// The attribution cue ("said", "according to"), or null.
    pub cue: Option<String>,
}

/// `n` as an integer, when it is one that an `f64` holds exactly.
fn integer(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && n.abs() < 9.0e15).then_some(n as i64)
}

/// A number as JSON: integers without a fractional part.
pub fn number(n: f64) -> serde_json::Value {
    integer(n).map_or_else(|| json!(n), |i| json!(i))
}

/// A number as text: integers without `.0`, as [`number`] writes them
/// (without going through JSON: the page shows these in its first frame).
pub fn number_text(n: f64) -> String {
    integer(n).map_or_else(|| number(n).to_string(), |i| i.to_string())
}

/// The JSON form of a value, and its time kind.
pub fn value(v: &Value) -> (serde_json::Value, Option<&'static str>) {
    match v {
        Value::Time { timex, kind } => (json!(timex), Some(kind.as_str())),
        Value::Number(n) => (number(*n), None),
        Value::Money {
            amount,
            max,
            currency,
        } => {
            let mut m = Map::new();
            m.insert("amount".into(), number(*amount));
            if let Some(x) = max {
                m.insert("max".into(), number(*x));
            }
            m.insert("currency".into(), json!(currency));
            (serde_json::Value::Object(m), None)
        }
        Value::Quantity { amount, unit } => {
            (json!({"amount": number(*amount), "unit": unit}), None)
        }
        Value::Text(s) => (json!(s), None),
    }
}

/// One mention in the CLI schema.
pub fn entity(m: &Mention, index: &OffsetIndex<'_>) -> EntityJson {
    let (start, end) = index.span_to_chars(m.span);
    let (value, kind) = match &m.value {
        Some(v) => {
            let (v, k) = value(v);
            (Some(v), k)
        }
        None => (None, None),
    };
    EntityJson {
        start,
        end,
        label: m.label.as_str(),
        text: m.text.clone(),
        value,
        kind,
        entity: m.entity,
    }
}

/// The whole analysis of `text` in the CLI schema (`id` first when given,
/// then `date`, `entities`, `groups`, `quotes`), serialized as it is
/// written: no intermediate JSON tree, so writing it needs little memory
/// beyond the analysis itself. Serialize it with `serde_json`.
pub fn analysis<'a>(
    id: Option<&'a serde_json::Value>,
    text: &'a str,
    a: &'a Analysis,
) -> AnalysisJson<'a> {
    AnalysisJson {
        id,
        text,
        analysis: a,
        index: OffsetIndex::new(text),
    }
}

/// An analysis ready to serialize in the CLI schema (see [`analysis`]).
pub struct AnalysisJson<'a> {
    id: Option<&'a serde_json::Value>,
    text: &'a str,
    analysis: &'a Analysis,
    index: OffsetIndex<'a>,
}

/// A sequence serialized from an iterator made on demand.
struct Lazy<F>(F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

impl Serialize for AnalysisJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let a = self.analysis;
        let mut map = s.serialize_map(None)?;
        if let Some(id) = self.id {
            map.serialize_entry("id", id)?;
        }
        map.serialize_entry("date", &a.document_date.map(|d| d.date.to_string()))?;
        map.serialize_entry(
            "entities",
            &Lazy(|| a.mentions.iter().map(|m| entity(m, &self.index))),
        )?;
        map.serialize_entry(
            "groups",
            &Lazy(|| {
                a.entities.iter().enumerate().map(|(i, e)| GroupJson {
                    entity: i,
                    label: e.label.as_str(),
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    roles: e.roles.clone(),
                    count: e.mentions.len(),
                    country: e.country.clone(),
                })
            }),
        )?;
        map.serialize_entry(
            "quotes",
            &Lazy(|| {
                a.quotes.iter().map(|q| {
                    let (start, end) = self.index.span_to_chars(q.span);
                    QuoteJson {
                        start,
                        end,
                        text: q.span.slice(self.text).to_string(),
                        speaker: q.speaker,
                        cue: q.cue.map(|c| c.slice(self.text).to_string()),
                    }
                })
            }),
        )?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    #[test]
    fn code_point_offsets() {
        let text = "👋 東京 desk@example.com";
        let a = analyze(text, &Options::default());
        let j = serde_json::to_value(analysis(Some(&json!(7)), text, &a)).expect("JSON");
        assert_eq!(j["id"], json!(7));
        let written = serde_json::to_string(&analysis(Some(&json!(7)), text, &a)).expect("JSON");
        assert!(
            written.starts_with("{\"id\":7,\"date\":null,\"entities\":["),
            "{written}"
        );
        let e = &j["entities"][0];
        assert_eq!(e["label"], "EMAIL");
        assert_eq!(e["start"], 5);
        assert_eq!(e["end"], 21);
        assert!(j["date"].is_null());
        assert_eq!(e["ref"], 0);
        assert_eq!(j["groups"][0]["label"], "EMAIL");
        assert_eq!(j["groups"][0]["count"], 1);
        assert!(j["quotes"].as_array().is_some_and(Vec::is_empty));
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(3.5), "3.5");
        assert_eq!(number_text(3.5e9), "3500000000");
    }
}
