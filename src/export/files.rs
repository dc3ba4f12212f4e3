//! The export files the page offers, by format: a file name, a MIME type and
//! the content, each made by [`super::json`] or [`super::formats`] (never
//! re-implemented here). The page downloads them or copies them to the
//! clipboard; this module is pure so it is tested natively.

use super::{formats, json};
use crate::analysis::Analysis;

/// An export format the page offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// The CLI's JSON schema ([`json::analysis`]).
    Json,
    /// spaCy/displaCy manual format ([`formats::displacy`]).
    Displacy,
    /// CSV, one row per mention ([`formats::mentions_csv`]).
    MentionsCsv,
    /// CSV, one row per entity ([`formats::entities_csv`]).
    EntitiesCsv,
    /// brat standoff: the `.ann` file ([`formats::brat`]) and the `.txt`.
    Brat,
    /// CoNLL-style BIO ([`formats::conll`]).
    Conll,
    /// A self-contained annotated HTML page ([`formats::html`]).
    Html,
}

/// One file to hand to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    /// The suggested file name.
    pub name: String,
    /// Its MIME type (with charset).
    pub mime: &'static str,
    /// Its content.
    pub content: String,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Json,
        ExportFormat::Displacy,
        ExportFormat::MentionsCsv,
        ExportFormat::EntitiesCsv,
        ExportFormat::Brat,
        ExportFormat::Conll,
        ExportFormat::Html,
    ];

    /// A stable identifier (used in element ids and tests).
    pub fn id(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Displacy => "displacy",
            ExportFormat::MentionsCsv => "mentions-csv",
            ExportFormat::EntitiesCsv => "entities-csv",
            ExportFormat::Brat => "brat",
            ExportFormat::Conll => "conll",
            ExportFormat::Html => "html",
        }
    }

    /// What the menu calls it.
    pub fn title(self) -> &'static str {
        match self {
            ExportFormat::Json => "JSON (EntityLens CLI schema)",
            ExportFormat::Displacy => "displaCy JSON (spaCy)",
            ExportFormat::MentionsCsv => "CSV of mentions",
            ExportFormat::EntitiesCsv => "CSV of entities",
            ExportFormat::Brat => "brat standoff (.ann + .txt)",
            ExportFormat::Conll => "CoNLL BIO",
            ExportFormat::Html => "Annotated HTML page",
        }
    }

    /// The files of this format for `text` and its analysis; the first is
    /// the one copied to the clipboard. `stem` names them (`stem.json`, …).
    pub fn files(self, stem: &str, text: &str, a: &Analysis) -> Vec<ExportFile> {
        let one = |ext: &str, mime: &'static str, content: String| ExportFile {
            name: format!("{stem}{ext}"),
            mime,
            content,
        };
        match self {
            ExportFormat::Json => {
                let s = serde_json::to_string_pretty(&json::analysis(None, text, a))
                    .unwrap_or_default()
                    + "\n";
                vec![one(".json", "application/json", s)]
            }
            ExportFormat::Displacy => vec![one(
                ".displacy.json",
                "application/json",
                formats::displacy(text, a) + "\n",
            )],
            ExportFormat::MentionsCsv => vec![one(
                ".mentions.csv",
                "text/csv;charset=utf-8",
                formats::mentions_csv(text, a),
            )],
            ExportFormat::EntitiesCsv => vec![one(
                ".entities.csv",
                "text/csv;charset=utf-8",
                formats::entities_csv(a),
            )],
            ExportFormat::Brat => vec![
                one(".ann", "text/plain;charset=utf-8", formats::brat(text, a)),
                one(".txt", "text/plain;charset=utf-8", text.to_string()),
            ],
            ExportFormat::Conll => vec![one(
                ".conll",
                "text/plain;charset=utf-8",
                formats::conll(text, a),
            )],
            ExportFormat::Html => vec![one(
                ".html",
                "text/html;charset=utf-8",
                formats::html(text, a, "EntityLens analysis"),
            )],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    #[test]
    fn every_format_has_files_from_the_core() {
        let text = "Write to desk@example.com on 16 December 2023.";
        let a = analyze(text, &Options::default());
        for f in ExportFormat::ALL {
            let files = f.files("x", text, &a);
            assert!(!files.is_empty(), "{f:?}");
            assert!(files.iter().all(|x| x.name.starts_with("x.")), "{f:?}");
        }
        let json = &ExportFormat::Json.files("x", text, &a)[0];
        let v: serde_json::Value = serde_json::from_str(&json.content).unwrap();
        assert_eq!(v["entities"][0]["label"], "EMAIL");
        let brat = ExportFormat::Brat.files("x", text, &a);
        assert_eq!(brat[1].content, text);
        assert_eq!(brat[0].content, formats::brat(text, &a));
    }
}
