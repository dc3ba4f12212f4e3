//! Word lists of the temporal grammar: months, weekdays, seasons, parts of
//! the day, calendar units, number words and tense cues.
//!
//! Every lookup is case-insensitive on one token and scans a short table.

use super::token::Token;

/// Month names and abbreviations (lower case) with their numbers.
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The month number of a name or abbreviation (case-insensitive, a
/// trailing period allowed).
pub fn month_number(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(s))
        .map(|(_, m)| *m)
}

/// True when the month word is an abbreviation ("Dec", "Sept").
pub fn is_month_abbreviation(s: &str) -> bool {
    s.len() <= 4
        && !s.eq_ignore_ascii_case("may")
        && !s.eq_ignore_ascii_case("june")
        && !s.eq_ignore_ascii_case("july")
}

/// Weekday names (and abbreviations), Monday = 1 as in ISO 8601.
pub(super) const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
    ("mon", 1),
    ("tue", 2),
    ("tues", 2),
    ("wed", 3),
    ("thu", 4),
    ("thur", 4),
    ("thurs", 4),
    ("fri", 5),
    ("sat", 6),
    ("sun", 7),
];

/// The ISO weekday number (Monday = 1) of a capitalized weekday name; full
/// names only unless `abbreviations`.
pub fn weekday(t: &Token<'_>, abbreviations: bool) -> Option<u32> {
    if !t.capitalized() {
        return None;
    }
    WEEKDAYS
        .iter()
        .filter(|(n, _)| abbreviations || n.len() > 5)
        .find(|(n, _)| t.is(n))
        .map(|(_, d)| *d)
}

/// The weekday of a plural name ("Mondays"), for sets.
pub fn weekday_plural(t: &Token<'_>) -> Option<u32> {
    let s = t.text.strip_suffix('s')?;
    WEEKDAYS
        .iter()
        .filter(|(n, _)| n.len() > 5)
        .find(|(n, _)| n.eq_ignore_ascii_case(s))
        .map(|(_, d)| *d)
}

/// Seasons with their TIMEX3 codes.
pub(super) const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("fall", "FA"),
    ("autumn", "FA"),
    ("winter", "WI"),
];

/// The TIMEX3 code of a season's name.
pub fn season(t: &Token<'_>) -> Option<&'static str> {
    SEASONS.iter().find(|(n, _)| t.is(n)).map(|(_, c)| *c)
}

/// Parts of the day with their TIMEX3 codes.
pub fn part_of_day(t: &Token<'_>) -> Option<&'static str> {
    [
        ("morning", "MO"),
        ("afternoon", "AF"),
        ("evening", "EV"),
        ("night", "NI"),
        ("overnight", "NI"),
    ]
    .iter()
    .find(|(n, _)| t.is(n))
    .map(|(_, c)| *c)
}

/// A calendar unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// A weekend (two days).
    Weekend,
    /// Weeks.
    Week,
    /// Fortnights (two weeks).
    Fortnight,
    /// Months.
    Month,
    /// Quarters of a year.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// True for units shorter than a day (written after `PT`).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// Calendar units: singular, plural.
pub(super) const UNITS: &[(&str, &str, Unit)] = &[
    ("second", "seconds", Unit::Second),
    ("minute", "minutes", Unit::Minute),
    ("hour", "hours", Unit::Hour),
    ("day", "days", Unit::Day),
    ("weekend", "weekends", Unit::Weekend),
    ("week", "weeks", Unit::Week),
    ("fortnight", "fortnights", Unit::Fortnight),
    ("month", "months", Unit::Month),
    ("quarter", "quarters", Unit::Quarter),
    ("year", "years", Unit::Year),
    ("decade", "decades", Unit::Decade),
    ("century", "centuries", Unit::Century),
];

/// The unit named by a word, singular or plural, and whether it was
/// plural.
pub fn unit(t: &Token<'_>) -> Option<(Unit, bool)> {
    if t.kind != super::token::Kind::Word {
        return None;
    }
    UNITS.iter().find_map(|(s, p, u)| {
        if t.is(s) {
            Some((*u, false))
        } else if t.is(p) {
            Some((*u, true))
        } else {
            None
        }
    })
}

/// Number words besides the number recognizer's.
const NUMBER_WORD_EXTRA: &[(&str, f64)] = &[
    ("a", 1.0),
    ("an", 1.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("half", 0.5),
];

/// The first letters of every word [`number_word`] knows.
const NUMBER_WORD_INITIALS: &[u8] = b"adefhnost";

/// The longest word [`number_word`] knows, in bytes.
const NUMBER_WORD_MAX: usize = 9;

/// Small number words with their values (for durations and "ago"): the
/// number recognizer's words from one to ninety, plus "a", "hundred",
/// "dozen" and "half".
pub fn number_word(t: &Token<'_>) -> Option<f64> {
    // Asked of nearly every token, so most are turned away by their length
    // and first letter before the list is searched (a test holds the list
    // to this).
    let first = t.text.as_bytes().first()?.to_ascii_lowercase();
    if t.text.len() > NUMBER_WORD_MAX || !NUMBER_WORD_INITIALS.contains(&first) {
        return None;
    }
    NUMBER_WORD_EXTRA
        .iter()
        .chain(
            crate::recognize::numbers::SMALL
                .iter()
                .filter(|(_, v)| *v > 0.0),
        )
        .find(|(w, _)| t.is(w))
        .map(|(_, v)| *v)
}

/// Ordinal words of quarters and halves with their values.
pub(super) const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
    ("final", 4),
    ("last", 4),
];

/// Ordinal words and their values ("first" → 1), for quarters and halves.
pub fn ordinal_word(t: &Token<'_>) -> Option<u32> {
    ORDINALS.iter().find(|(w, _)| t.is(w)).map(|(_, v)| *v)
}

/// Words that, before a vague plural unit ("several years", "recent
/// days"), make it a duration of unknown length.
pub const VAGUE_QUANTIFIERS: &[&str] = &[
    "several",
    "few",
    "many",
    "recent",
    "coming",
    "some",
    "numerous",
    "countless",
];

/// Time-zone abbreviations accepted after a clock time.
pub const TIME_ZONES: &[&str] = &[
    "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "CET", "CEST",
    "BST", "MSK", "IST", "JST", "AEST", "AEDT", "HKT", "SGT", "WIB", "EET", "EEST", "WET", "Z",
];

/// Verbs and auxiliaries that point to the future.
pub const FUTURE_CUES: &[&str] = &[
    "will",
    "ll",
    "shall",
    "wo",
    "won't",
    "would",
    "might",
    "tomorrow",
    "soon",
    "upcoming",
    "scheduled",
    "slated",
    "planning",
    // Present tense of the verbs that schedule ("the strike starts
    // Friday", "parliament votes on Friday", "City host Real Madrid on
    // Wednesday"): news uses them for what is to come.
    "starts",
    "begins",
    "opens",
    "resumes",
    "kicks",
    "meets",
    "votes",
    "visits",
    "travels",
    "hosts",
    "host",
    "faces",
    "face",
    "plays",
    "expires",
    "launches",
    "takes",
];

/// Words that point to the future only before "to" or "for" ("plans to",
/// "scheduled for", "due to"); as nouns ("vacation plans") they say nothing.
pub const FUTURE_BEFORE_TO: &[&str] = &[
    "going", "plans", "plan", "planned", "schedule", "expected", "expects", "expect", "due", "set",
    "hopes", "intends", "aims", "poised", "ready",
];

/// Irregular past-tense verbs (regular ones end in "-ed").
pub const PAST_CUES: &[&str] = &[
    "said",
    "told",
    "was",
    "were",
    "had",
    "did",
    "came",
    "went",
    "met",
    "made",
    "took",
    "gave",
    "found",
    "left",
    "began",
    "held",
    "saw",
    "got",
    "knew",
    "thought",
    "became",
    "brought",
    "won",
    "lost",
    "fell",
    "rose",
    "sent",
    "spent",
    "kept",
    "paid",
    "heard",
    "ran",
    "wrote",
    "spoke",
    "broke",
    "struck",
    "led",
    "fled",
    "flew",
    "drove",
    "chose",
    "sold",
    "built",
    "shot",
    "ago",
    "last",
    "yesterday",
    "earlier",
    "stood",
    "sat",
    "felt",
    "meant",
    "caught",
    "taught",
    "fought",
    "sought",
    "bought",
    "swore",
    "tore",
    "wore",
    "drew",
    "grew",
    "threw",
    "blew",
    "knew",
    "slew",
    "hid",
    "bit",
    "lit",
    "quit",
    "shook",
    "forgot",
    "froze",
    "rode",
    "woke",
    "arose",
    "stole",
];

/// Words ending in "-ed" that are not past-tense verbs or point elsewhere.
pub const NOT_PAST_ED: &[&str] = &[
    "need",
    "speed",
    "seed",
    "feed",
    "bed",
    "red",
    "shed",
    "breed",
    "greed",
    "deed",
    "weed",
    "hundred",
    "expected",
    "scheduled",
    "planned",
    "proposed",
    "supposed",
    "united",
    "based",
    "related",
    "armed",
    "red",
    "embed",
    "indeed",
    "wed",
    "ned",
    "ted",
    "fred",
    "ed",
    "reed",
    "bled",
    "sled",
    "led",
    "fled",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Token<'_> {
        Token {
            start: 0,
            end: text.len(),
            text,
            kind: crate::time::token::Kind::Word,
            space_before: true,
            paragraph_before: false,
        }
    }

    #[test]
    fn number_word_prefilter_admits_every_known_word() {
        let known = NUMBER_WORD_EXTRA.iter().chain(
            crate::recognize::numbers::SMALL
                .iter()
                .filter(|(_, v)| *v > 0.0),
        );
        for &(w, v) in known {
            assert!(w.len() <= NUMBER_WORD_MAX, "{w}");
            assert!(NUMBER_WORD_INITIALS.contains(&w.as_bytes()[0]), "{w}");
            for form in [w.to_string(), w.to_uppercase()] {
                assert_eq!(number_word(&word(&form)), Some(v), "{form}");
            }
        }
        assert_eq!(number_word(&word("Geneva")), None);
        assert_eq!(number_word(&word("")), None);
    }
}
