//! The first-token gate: a cheap test of whether any rule can match
//! starting at a token, so [`super::find_all`] skips the rules at the
//! tokens where none can.
//!
//! Why: the grammar tries its seven rule families (two dozen rules) at
//! every token, and that scan was about a fifth of a whole analysis of
//! news text, although most tokens are ordinary words no rule starts
//! with. Every rule first looks at its first token: a number, an
//! apostrophe ("'90s"), or a word the rule compares with a literal
//! ([`FIRST_WORDS`] and the rule tables `MODIFIER_PHRASES`,
//! `RELATIVE_WORDS`, `CENTURY_ORDINALS`, `SET_ADVERBS`) or looks up in the
//! lexicon (number words, units, seasons, ordinals, vague quantifiers;
//! capitalized months, weekdays and holiday names). The gate admits a
//! token when any of these may hold, asking the same tables and lexicon
//! functions as the rules, so it cannot drift from them; it may admit more
//! than the rules accept, never less.
//!
//! How it is guarded (tests below): the output with and without the gate
//! is compared on every text at hand (the sample, the test data, and the
//! TimeML and CoNLL-2003 corpora when `../shared/data` is present) and on
//! random soups of time words, numbers and punctuation; and every
//! lower-case word literal in the rules' source must be admitted, unless
//! it is listed as never first.

use super::periods::CENTURY_ORDINALS;
use super::relative::RELATIVE_WORDS;
use super::sets::SET_ADVERBS;
use super::MODIFIER_PHRASES;
use crate::time::token::{Kind, Token};
use crate::time::{holidays, lexicon};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Words the rules compare with their first token (`is`, `is_any`, the
/// first word of a `seq`), besides those in the rule tables and the
/// lexicon. Lower case; matched case-insensitively.
#[rustfmt::skip]
const FIRST_WORDS: &[&str] = &[
    // Determiners and demonstratives: "the 1990s", "that day", "these days".
    "the", "that", "this", "these",
    // Relative frames: "last week", "the past year", "current".
    "last", "next", "past", "previous", "current", "coming",
    // Quantity frames: "more than", "at least", "over", "under", "up to".
    "more", "less", "at", "over", "under", "up",
    // Counts and rates: "a year", "half an hour", "once a week", "per day",
    // "every Monday", "the twenty-first century", "Q3".
    "a", "an", "half", "per", "once", "twice", "every", "each", "twenty", "q",
    // Named times of day and days.
    "noon", "midday", "midnight", "today", "yesterday", "tomorrow", "tonight",
    // References: "now", "recently", "the future".
    "now", "currently", "nowadays", "presently", "present", "recently", "lately", "formerly",
    "future",
];

/// True when a rule may match at a punctuation token: only an apostrophe
/// can start one ("'90s"). [`super::Grammar::at`] refuses the others.
pub(super) fn punct_may_start(t: &Token<'_>) -> bool {
    matches!(t.text, "'" | "’")
}

/// True when some rule may match starting at token `t`, whose
/// [`lexicon::number_word`] is `number_word`. False only when none can.
pub(super) fn may_start(t: &Token<'_>, number_word: Option<f64>) -> bool {
    match t.kind {
        Kind::Number => true,
        Kind::Punct => punct_may_start(t),
        Kind::Word => {
            number_word.is_some()
                || key(t.text)
                    .and_then(|k| words().get(&k))
                    .is_some_and(|needs_capital| !needs_capital || t.capitalized())
        }
    }
}

/// A word's key in [`words`]: its bytes in ASCII lower case (as
/// [`Token::is`] compares) without trailing periods (as
/// [`lexicon::month_number`] reads), zero-padded; `None` when longer than
/// any first word.
fn key(text: &str) -> Option<u128> {
    let text = text.trim_end_matches('.').as_bytes();
    let mut buf = [0u8; 16];
    buf.get_mut(..text.len())?.copy_from_slice(text);
    buf.make_ascii_lowercase();
    Some(u128::from_le_bytes(buf))
}

/// Every first word of a rule, by [`key`], with whether it starts a rule
/// only when capitalized (month, weekday and holiday names).
fn words() -> &'static HashMap<u128, bool, BuildHasherDefault<KeyHasher>> {
    static WORDS: OnceLock<HashMap<u128, bool, BuildHasherDefault<KeyHasher>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let any = any_case_words().map(|w| (w.to_string(), false));
        let capitalized = lexicon::MONTHS
            .iter()
            .map(|(w, _)| w.to_string())
            .chain(lexicon::WEEKDAYS.iter().map(|(w, _)| w.to_string()))
            .chain(lexicon::WEEKDAYS.iter().map(|(w, _)| format!("{w}s")))
            .chain(
                holidays::NAMES
                    .iter()
                    .filter_map(|(ws, _)| ws.first().map(|w| w.to_string())),
            )
            .map(|w| (w, true));
        let mut map = HashMap::default();
        for (w, needs_capital) in capitalized.chain(any) {
            let k = key(&w);
            debug_assert!(k.is_some(), "{w} is too long for a key");
            if let Some(k) = k {
                // A word that also starts a rule uncapitalized needs no capital.
                *map.entry(k).or_insert(needs_capital) &= needs_capital;
            }
        }
        map
    })
}

/// The words that start a rule in any case: [`FIRST_WORDS`] and those of
/// the rule and lexicon tables the rules read at their first token.
fn any_case_words() -> impl Iterator<Item = &'static str> {
    FIRST_WORDS
        .iter()
        .copied()
        .chain(MODIFIER_PHRASES.iter().filter_map(|p| p.first().copied()))
        .chain(RELATIVE_WORDS.iter().map(|(w, _)| *w))
        .chain(CENTURY_ORDINALS.iter().map(|(w, _)| *w))
        .chain(SET_ADVERBS.iter().map(|(w, _)| *w))
        .chain(lexicon::VAGUE_QUANTIFIERS.iter().copied())
        .chain(lexicon::UNITS.iter().flat_map(|(s, p, _)| [*s, *p]))
        .chain(lexicon::SEASONS.iter().map(|(w, _)| *w))
        .chain(lexicon::ORDINALS.iter().map(|(w, _)| *w))
}

/// A multiplicative hash of a [`key`]: one multiplication per half, where
/// the default hasher spends more time than the lookup is worth.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write_u128(&mut self, k: u128) {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let (lo, hi) = (k as u64, (k >> 64) as u64);
        let h = (lo.wrapping_mul(K) ^ hi).wrapping_mul(K);
        self.0 = h ^ (h >> 29);
    }

    fn write(&mut self, bytes: &[u8]) {
        // Not used by `u128` keys; FNV-1a for completeness.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

// Native only: proptest and regex are native dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{find_all, find_all_ungated, Grammar};
    use super::*;
    use crate::time::token::tokenize;
    use proptest::prelude::*;
    use std::path::{Path, PathBuf};

    fn root() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    /// Checks the gate on one text: a token it turns away starts no
    /// match, and the gated scan finds exactly what the ungated one does.
    /// Returns the number of tokens.
    fn check(text: &str) -> usize {
        let toks = tokenize(text);
        let g = Grammar {
            toks: &toks,
            number_words: toks.iter().map(lexicon::number_word).collect(),
        };
        for (i, t) in toks.iter().enumerate() {
            if !may_start(t, g.number_words[i]) {
                assert_eq!(g.at(i), None, "gate refused {:?} in {text:?}", t.text);
            }
        }
        assert_eq!(find_all(&toks), find_all_ungated(&toks), "{text:?}");
        toks.len()
    }

    /// Word tokens of `word` as the tokenizer makes them (a lone word).
    fn word(w: &str) -> Token<'_> {
        Token {
            start: 0,
            end: w.len(),
            text: w,
            kind: Kind::Word,
            space_before: true,
            paragraph_before: false,
        }
    }

    fn admits(w: &str) -> bool {
        let t = word(w);
        may_start(&t, lexicon::number_word(&t))
    }

    #[test]
    fn gate_keeps_the_output_of_every_text_at_hand() {
        let mut texts: Vec<(String, String)> = Vec::new();
        let sample = root().join("static/sample.txt");
        texts.push((
            "static/sample.txt".into(),
            std::fs::read_to_string(&sample).expect("static/sample.txt"),
        ));
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/data"))
            .expect("tests/data")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for path in files {
            let Ok(raw) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = format!(
                "tests/data/{}",
                path.file_name().unwrap_or_default().display()
            );
            // Each case on its own (brackets marking expected extents
            // removed), and the whole file as one text.
            for line in raw.lines().filter(|l| !l.starts_with('#')) {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    if let Some(t) = v["text"].as_str() {
                        texts.push((name.clone(), t.to_string()));
                    }
                    continue;
                }
                for field in line.split('\t') {
                    texts.push((name.clone(), field.replace(['[', ']'], "")));
                }
            }
            texts.push((name, raw));
        }
        let shared = root().join("../shared/data");
        if shared.is_dir() {
            let aquaint = shared.join("timeml/aquaint.jsonl");
            if let Ok(raw) = std::fs::read_to_string(&aquaint) {
                for line in raw.lines().filter(|l| !l.trim().is_empty()) {
                    let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
                    let t = v["text"].as_str().expect("a text").to_string();
                    texts.push(("AQUAINT".into(), t));
                }
            }
            for set in ["train", "valid"] {
                let path = shared.join(format!("conll2003/{set}.txt"));
                if let Ok(raw) = std::fs::read_to_string(&path) {
                    for d in crate::ner::conll::read(&raw) {
                        texts.push((format!("CoNLL {set}"), d.text));
                    }
                }
            }
        } else {
            eprintln!(
                "gate: {} is absent: the TimeML and CoNLL-2003 texts are not checked",
                shared.display()
            );
        }
        // More texts on demand: GATE_TEXTS=a.txt:b.txt.
        for path in std::env::var("GATE_TEXTS").unwrap_or_default().split(':') {
            if let Ok(t) = std::fs::read_to_string(path) {
                texts.push((path.to_string(), t));
            }
        }
        let mut by_source: Vec<(String, usize, usize)> = Vec::new();
        for (source, text) in &texts {
            let n = check(text);
            match by_source.last_mut() {
                Some((s, docs, toks)) if s == source => {
                    *docs += 1;
                    *toks += n;
                }
                _ => by_source.push((source.clone(), 1, n)),
            }
        }
        for (source, docs, toks) in by_source {
            eprintln!("gate: same output on {docs} texts, {toks} tokens of {source}");
        }
    }

    /// The rules' source (`src/time/patterns/*.rs`), test modules and
    /// comments left out, file by file.
    fn rule_sources() -> Vec<(String, String)> {
        let dir = root().join("src/time/patterns");
        let mut out = Vec::new();
        for e in std::fs::read_dir(&dir).expect("src/time/patterns") {
            let path = e.expect("an entry").path();
            if path.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let src = std::fs::read_to_string(&path).expect("source");
            // Test modules are left out (`mod tests {` at the start of a line).
            let code = src.split("\nmod tests {").next().unwrap_or_default();
            let code: String = code
                .lines()
                .map(|l| l.split("//").next().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n");
            let name = path.file_name().unwrap_or_default().display().to_string();
            out.push((name, code));
        }
        out.sort();
        out
    }

    /// Lists in the rules' source consulted only about the tokens around a
    /// candidate (before a year, after a month...), never about its first
    /// token: their words are not checked.
    const NEIGHBOUR_LISTS: &[&str] = &[
        "DATE_PREPOSITIONS",
        "COUNT_WORDS",
        "YEAR_OPENERS",
        "COUNT_NOUNS",
        "STRONG_YEAR_PREPOSITIONS",
        "AFTER_YEAR_OK",
        "PATH",
        "MEASURED",
        "AMOUNTS",
        "MERIDIEMS",
        "ORDINAL_SUFFIXES",
    ];

    /// Every lower-case word literal of the rules' source (outside the
    /// [`NEIGHBOUR_LISTS`]), with the file it is in.
    fn rule_literals() -> Vec<(String, String)> {
        let literal = regex::Regex::new(r#""([a-z][a-z.]*)""#).expect("a regex");
        let mut out = Vec::new();
        for (file, mut code) in rule_sources() {
            for name in NEIGHBOUR_LISTS {
                if let Some(a) = code.find(&format!("const {name}:")) {
                    let b = code[a..].find("];").map_or(code.len(), |b| a + b);
                    code.replace_range(a..b, "");
                }
            }
            for c in literal.captures_iter(&code) {
                out.push((c[1].to_string(), file.clone()));
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Lower-case literals of the rules that are never compared with a
    /// rule's first token, so the gate need not (and should not) admit
    /// them. Each group says where the rules look for them.
    #[rustfmt::skip]
    const NEVER_FIRST: &[&str] = &[
        // Later words of phrases whose first word is admitted: "the end
        // of", "more than", "at least", "that same day", "the following
        // day", "the near future", "a couple of", "every other", "local
        // time", "4 in the morning", "at night".
        "of", "beginning", "start", "middle", "turn", "rest", "remainder", "close", "than",
        "least", "same", "following", "preceding", "near", "distant", "couple", "other",
        "local", "time", "in", "morning", "afternoon", "evening", "night",
        // After a number or a unit: "five o'clock", "two days ago", "a day
        // before", "two years from now", "two straight days", "a 6-year-old",
        // "1500 hrs", "three times a day", "1990s", "two and a half".
        "o", "clock", "ago", "before", "after", "from", "additional", "consecutive", "straight",
        "full", "long", "old", "hrs", "times", "s", "and",
        // Before a candidate: "high noon", "for years", "on Mondays",
        // "during the summer", "its 2024", "from 2010 to 2015"; after a
        // date: "April 24 and 25".
        "high", "for", "within", "on", "by", "during", "since", "until", "its", "his", "her",
        "their", "our", "to", "or", "through", "with", "when", "as",
        // A suffix test on the word before a rate ("interviews a day").
        "ss",
    ];

    /// True when the gate admits `w` in lower case or capitalized (the
    /// rules compare case-insensitively, some only capitalized words).
    fn admits_some_case(w: &str) -> bool {
        admits(w) || admits(&capitalized(w))
    }

    #[test]
    fn gate_admits_every_word_literal_of_the_rules() {
        let literals = rule_literals();
        let mut missing: Vec<String> = literals
            .iter()
            .filter(|(w, _)| !NEVER_FIRST.contains(&w.as_str()) && !admits_some_case(w))
            .map(|(w, f)| format!("{w} ({f})"))
            .collect();
        missing.dedup();
        // An exception must still be in the source and still be refused.
        for w in NEVER_FIRST {
            assert!(
                literals.iter().any(|(l, _)| l == w),
                "{w} is no longer in the rules"
            );
            assert!(
                !admits_some_case(w),
                "{w} is admitted: drop it from NEVER_FIRST"
            );
        }
        assert!(
            missing.is_empty(),
            "the gate refuses these words of the rules: add each to FIRST_WORDS if a \
             rule may start with it, else to NEVER_FIRST: {missing:?}"
        );
    }

    #[test]
    fn every_lexicon_lookup_of_the_rules_is_classified() {
        // Asked at a rule's first token: `may_start` reads their tables.
        const AT_FIRST: &[&str] = &[
            "number_word",
            "unit",
            "season",
            "ordinal_word",
            "month_number",
            "weekday",
            "weekday_plural",
            "VAGUE_QUANTIFIERS",
            "find",
        ];
        // Asked about other tokens only, or types.
        const ELSEWHERE: &[&str] = &[
            "part_of_day",
            "is_month_abbreviation",
            "TIME_ZONES",
            "Unit",
            "Holiday",
        ];
        let call = regex::Regex::new(r"\b(?:lexicon|holidays)::(\w+)").expect("a regex");
        for (file, code) in rule_sources().iter().filter(|(f, _)| f != "gate.rs") {
            for c in call.captures_iter(code) {
                let name = &c[1];
                assert!(
                    AT_FIRST.contains(&name) || ELSEWHERE.contains(&name),
                    "{file} asks lexicon::{name}: if a rule asks it of its first token, \
                     make `may_start` read its table, then list it here"
                );
            }
        }
    }

    fn capitalized(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    #[test]
    fn gate_admits_every_word_of_the_tables_it_reads() {
        // (The number words are admitted through `number_word`, not the
        // table.)
        let any = any_case_words().chain(
            crate::recognize::numbers::SMALL
                .iter()
                .filter(|(_, v)| *v > 0.0)
                .map(|(w, _)| *w),
        );
        for w in any {
            for form in [w.to_string(), capitalized(w), w.to_uppercase()] {
                assert!(admits(&form), "{form}");
            }
        }
        let names = lexicon::MONTHS
            .iter()
            .chain(lexicon::WEEKDAYS)
            .map(|(w, _)| w.to_string())
            .chain(lexicon::WEEKDAYS.iter().map(|(w, _)| format!("{w}s")))
            .chain(holidays::NAMES.iter().map(|(ws, _)| ws[0].to_lowercase()));
        for w in names {
            assert!(admits(&capitalized(&w)), "{w}");
            assert!(admits(&w.to_uppercase()), "{w}");
        }
        // Month names are dates only capitalized ("may", "march").
        assert!(!admits("may") && !admits("march") && admits("May"));
        assert!(!admits("said") && !admits("Putin") && !admits("antidisestablishmentarianism"));
        let punct = |p: &'static str| Token {
            kind: Kind::Punct,
            ..word(p)
        };
        assert!(may_start(&punct("'"), None) && may_start(&punct("’"), None));
        assert!(!may_start(&punct(","), None) && !may_start(&punct("-"), None));
    }

    /// Words for soups: every word literal of the rules (neighbour lists
    /// included), every word the gate's tables hold, and a few others.
    fn soup_words() -> Vec<String> {
        let re = regex::Regex::new(r#""([A-Za-z][A-Za-z.]*)""#).expect("a regex");
        let mut words: Vec<String> = rule_sources()
            .iter()
            .flat_map(|(_, code)| {
                re.captures_iter(code)
                    .map(|c| c[1].to_string())
                    .collect::<Vec<_>>()
            })
            .chain(lexicon::MONTHS.iter().map(|(w, _)| w.to_string()))
            .chain(lexicon::WEEKDAYS.iter().map(|(w, _)| w.to_string()))
            .chain(lexicon::WEEKDAYS.iter().map(|(w, _)| format!("{w}s")))
            .chain(
                lexicon::UNITS
                    .iter()
                    .flat_map(|(s, p, _)| [s.to_string(), p.to_string()]),
            )
            .chain(lexicon::SEASONS.iter().map(|(w, _)| w.to_string()))
            .chain(lexicon::ORDINALS.iter().map(|(w, _)| w.to_string()))
            .chain(lexicon::VAGUE_QUANTIFIERS.iter().map(|w| w.to_string()))
            .chain(
                crate::recognize::numbers::SMALL
                    .iter()
                    .map(|(w, _)| w.to_string()),
            )
            .chain(
                holidays::NAMES
                    .iter()
                    .flat_map(|(ws, _)| ws.iter().map(|w| w.to_string())),
            )
            .chain(["said", "people", "Putin", "U.S.", "Mr"].map(String::from))
            .collect();
        words.sort();
        words.dedup();
        words
    }

    /// Words in three cases.
    fn word_atoms() -> Vec<String> {
        let mut atoms: Vec<String> = soup_words()
            .iter()
            .flat_map(|w| [w.to_lowercase(), capitalized(w), w.to_uppercase()])
            .collect();
        atoms.sort();
        atoms.dedup();
        atoms
    }

    /// The expected extents of `tests/data/time_cases.tsv` ("[twice a
    /// week]"), as written and in lower case: whole expressions to set
    /// among the soup.
    fn extent_atoms() -> Vec<String> {
        let cases = std::fs::read_to_string(root().join("tests/data/time_cases.tsv"))
            .expect("tests/data/time_cases.tsv");
        let re = regex::Regex::new(r"\[([^\]]+)\]").expect("a regex");
        let mut atoms: Vec<String> = re
            .captures_iter(&cases)
            .flat_map(|c| [c[1].to_string(), c[1].to_lowercase()])
            .collect();
        atoms.sort();
        atoms.dedup();
        atoms
    }

    fn piece() -> impl Strategy<Value = String> {
        let numbers = [
            "0", "1", "4", "5", "12", "13", "24", "25", "29", "31", "32", "60", "90", "99", "100",
            "0735", "1000", "1500", "1549", "1900", "1990", "1998", "2000", "2023", "2024", "2199",
            "2200", "123456", "1234567",
        ];
        let punct = [
            "'", "’", "-", "–", "/", ":", ".", ",", "%", "$", "(", ")", "\"", "s", "th", "st", "nd",
        ];
        prop_oneof![
            3 => prop::sample::select(word_atoms()),
            2 => prop::sample::select(extent_atoms()),
            2 => prop::sample::select(numbers.map(String::from).to_vec()),
            2 => prop::sample::select(punct.map(String::from).to_vec()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Token soups of time words, numbers and punctuation, glued or
        /// spaced, over lines and paragraphs: the gate changes nothing.
        #[test]
        fn gate_keeps_the_output_of_time_word_soups(
            parts in prop::collection::vec(
                (piece(), prop::sample::select(vec!["", " ", " ", " ", "\n", "\n\n"])),
                1..40,
            )
        ) {
            let text: String = parts.iter().map(|(a, sep)| format!("{a}{sep}")).collect();
            check(&text);
        }
    }
}
