//! The embedded name tagger: it loads, tags names through `analyze()`,
//! stays within its size budget, never panics and stays linear.

use entity_lens::ner::{self, NameType};
use entity_lens::{analyze, Label, Options};
use std::time::Instant;

#[test]
fn embedded_model_loads_and_tags_a_sentence() {
    let tagger = ner::embedded().expect("embedded model must load");
    assert_eq!(tagger.model().stages.len(), 2);
    assert!(tagger.gazetteer().len() > 10_000);
    let text = "German Chancellor Angela Merkel met Volkswagen executives in Munich.";
    let names: Vec<(&str, NameType)> = tagger
        .names(text)
        .iter()
        .map(|n| (n.span.slice(text), n.kind))
        .collect();
    assert_eq!(
        names,
        vec![
            ("German", NameType::Misc),
            ("Angela Merkel", NameType::Per),
            ("Volkswagen", NameType::Org),
            ("Munich", NameType::Loc)
        ]
    );
}

#[test]
fn analyze_reports_refined_name_labels() {
    let a = analyze(
        "French President Jacques Chirac arrived in Bonn on 6 December 1996.",
        &Options::default(),
    );
    let got: Vec<(Label, &str)> = a
        .mentions
        .iter()
        .map(|m| (m.label, m.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Label::Norp, "French"),
            (Label::Person, "Jacques Chirac"),
            (Label::Gpe, "Bonn"),
            (Label::Date, "6 December 1996"),
        ]
    );
}

#[test]
fn headline_and_dateline_styles() {
    let tagger = ner::embedded().expect("model");
    let text = "SOCCER - JUVENTUS BEAT AJAX IN TOKYO.\nROME 1996-12-06\nJuventus beat Ajax 1-0.\n";
    let names: Vec<&str> = tagger
        .names(text)
        .iter()
        .map(|n| n.span.slice(text))
        .collect();
    for want in ["JUVENTUS", "AJAX", "TOKYO", "ROME", "Juventus", "Ajax"] {
        assert!(names.contains(&want), "{want} not in {names:?}");
    }
}

/// The shipped assets must fit the page budget: about 1 MB gzipped. No
/// compressor is a dependency, so the raw sizes are bounded instead: the
/// model's sparse i8 rows and the gazetteer's byte planes compress to well
/// under two thirds (measured: 0.69 MB → 0.35 MB and 0.29 MB → 0.17 MB).
/// The gazetteer's text form is not shipped (tools read it).
#[test]
fn assets_stay_within_budget() {
    let root = env!("CARGO_MANIFEST_DIR");
    let size = |f: &str| {
        std::fs::metadata(format!("{root}/models/{f}"))
            .map(|m| m.len())
            .unwrap_or_else(|e| panic!("models/{f}: {e}"))
    };
    let model = size("ner.bin");
    let gazetteer = size("gazetteer.bin");
    assert!(model <= 1_200_000, "ner.bin is {model} bytes");
    assert!(gazetteer <= 400_000, "gazetteer.bin is {gazetteer} bytes");
    assert!(model + gazetteer <= 1_500_000);
}

#[test]
fn never_panics_on_odd_input() {
    let long_word = "x".repeat(1 << 20);
    let many_caps = "Abc ".repeat(20_000);
    let inputs = [
        "",
        " ",
        "\n\n\n",
        "🙂 Emoji 🙂 Paris 🙂",
        "北京是中国的首都。Li Wei met Wang Fang in Beijing.",
        "مرحبا بالعالم، Ahmed visited Cairo.",
        "\u{0}\u{1}\u{7}Control\u{1b}[31m chars",
        "'s n't ' \" “ ” ‘ ’ « » ( ) [ ]",
        "Mr. Mr. Mr. U.S. U.S. ...",
        long_word.as_str(),
        many_caps.as_str(),
    ];
    let tagger = ner::embedded().expect("model");
    for text in inputs {
        for n in tagger.names(text) {
            assert!(text.get(n.span.range()).is_some());
            assert!(!n.span.is_empty());
        }
        let _ = analyze(text, &Options::default());
    }
}

#[test]
fn time_is_linear_in_the_text() {
    let tagger = ner::embedded().expect("model");
    let unit = "Peter Blackburn of the European Commission said in Brussels that Britain's \
                beef ban would stay. ";
    let time = |n: usize| {
        let text = unit.repeat(n);
        let t = Instant::now();
        let names = tagger.names(&text);
        (t.elapsed().as_secs_f64(), names.len())
    };
    let _ = time(200);
    let (small, n_small) = time(500);
    let (large, n_large) = time(4_000);
    assert!(n_large >= 8 * n_small - 8);
    // 8x the text may take at most ~24x the time (generous for noisy CI).
    assert!(large < small * 24.0 + 0.05, "{small:.4}s vs {large:.4}s");
}
