//! The temporal grammar: which token sequences are temporal expressions,
//! where they start and end (TimeML extents), and what they mean
//! ([`Expr`]).
//!
//! Rules are tried at every token and the longest match wins; the scan
//! then continues after it. Every rule looks at a bounded number of tokens
//! (at most a dozen), so the whole pass is linear in the text.
//!
//! Extent conventions follow the TimeML guidelines and the TempEval-3
//! corpora: prepositions ("on", "in", "at") stay outside; determiners and
//! modifiers that are part of the phrase stay inside ("the past three
//! months", "early next week", "more than four decades ago"); hedges
//! "about", "almost" and "nearly" stay outside; a trailing possessive
//! "'s" stays outside.

use super::expr::{Anchor, Expr, WeekdaySpec, YearPart, YearSpec};
use super::holidays;
use super::lexicon::{self, Unit};
use super::token::{Kind, Token};

/// A temporal expression found at tokens `start..end`.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its meaning.
    pub expr: Expr,
}

/// Finds every temporal expression in `toks`, left to right, longest
/// match first, non-overlapping.
pub fn find_all(toks: &[Token<'_>]) -> Vec<Found> {
    let g = Grammar { toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match g.at(i) {
            Some((end, expr)) if end > i => {
                let second = g.second_day(end, &expr);
                out.push(Found {
                    start: i,
                    end,
                    expr,
                });
                i = end;
                if let Some(f) = second {
                    i = f.end;
                    out.push(f);
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Words before a bare month or year that make it a date ("in May").
const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "during",
    "before",
    "after",
    "from",
    "to",
    "through",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "between",
    "and",
    "or",
    "-",
    "around",
    "throughout",
    "for",
    "on",
    "circa",
    "as",
];

/// Words before a bare number that make it a count, not a year.
const COUNT_WORDS: &[&str] = &[
    "about",
    "nearly",
    "almost",
    "some",
    "than",
    "approximately",
    "roughly",
    "only",
    "just",
    "over",
    "under",
    "total",
    "totaling",
    "totalling",
    "number",
    "no",
    "page",
    "flight",
    "route",
    "room",
    "highway",
    "interstate",
    "resolution",
    "article",
    "section",
    "chapter",
    "code",
    "at",
    "least",
    "most",
    "additional",
    "another",
    "extra",
    "all",
    "those",
    "these",
    "with",
];

/// Capitalized words that may precede a year ("In 1998", "Since 2019").
const YEAR_OPENERS: &[&str] = &[
    "In",
    "Since",
    "By",
    "Until",
    "From",
    "During",
    "Before",
    "After",
    "Through",
    "Of",
    "And",
    "The",
    "Early",
    "Late",
    "Mid",
    "Between",
    "Fiscal",
    "FY",
    "Spring",
    "Summer",
    "Autumn",
    "Winter",
    "Fall",
    "Circa",
    "Around",
    "As",
    "For",
    "A",
    "An",
    "This",
    "That",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Throughout",
    "To",
    "Or",
];

/// Nouns that make a number before them a count even after "the" ("the
/// 2024 people asked").
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "soldiers",
    "troops",
    "workers",
    "residents",
    "members",
    "votes",
    "voters",
    "jobs",
    "cases",
    "deaths",
    "dead",
    "homes",
    "houses",
    "units",
    "vehicles",
    "cars",
    "refugees",
    "students",
    "children",
    "men",
    "women",
    "police",
    "officers",
    "tons",
    "tonnes",
    "points",
    "copies",
    "signatures",
    "delegates",
    "seats",
    "employees",
    "patients",
    "passengers",
    "prisoners",
    "miles",
    "meters",
    "metres",
    "feet",
    "acres",
    "dollars",
    "euros",
    "pounds",
    "shares",
    "barrels",
    "others",
    "participants",
    "protesters",
    "demonstrators",
    "civilians",
    "victims",
    "fans",
    "visitors",
    "customers",
    "users",
    "families",
    "pages",
];

/// Words after which a four-digit number is a year whatever follows
/// ("in 1992 intended to ...").
const STRONG_YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "before",
    "after",
    "from",
    "through",
    "early",
    "late",
    "mid",
    "between",
    "around",
    "throughout",
    "circa",
    "-",
];

/// Lower-case words a year may be followed by.
const AFTER_YEAR_OK: &[&str] = &[
    "and",
    "or",
    "to",
    "when",
    "as",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "with",
    "for",
    "by",
    "from",
    "after",
    "before",
    "but",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "that",
    "which",
    "who",
    "where",
    "while",
    "until",
    "through",
    "since",
    "because",
    "if",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    "its",
    "their",
    "this",
    "there",
    "onwards",
    "onward",
    "levels",
    "figures",
    "elections",
    "games",
    "olympics",
    "results",
    "budget",
    "season",
    "election",
    "census",
    "levels",
    "prices",
    "crisis",
    "war",
    "report",
    "plan",
    "deadline",
    "would",
    "will",
    "saw",
    "brought",
    "also",
    "alone",
    "again",
    "even",
    "only",
    "then",
    "so",
    "not",
    "did",
    "had",
    "could",
    "may",
    "remains",
    "vs",
    "versus",
    "through",
];

struct Grammar<'a, 't> {
    toks: &'a [Token<'t>],
}

impl<'t> Grammar<'_, 't> {
    fn tok(&self, i: usize) -> Option<&Token<'t>> {
        self.toks.get(i)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(w))
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| t.is_any(ws))
    }

    /// Token `i` exists, follows `i - 1` without space, and is `w`.
    fn glued(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before && t.is(w))
    }

    /// True when token `i` starts a new paragraph (an expression never
    /// continues over one).
    fn breaks(&self, i: usize) -> bool {
        self.tok(i).is_none_or(|t| t.paragraph_before)
    }

    fn prev_is_any(&self, i: usize, ws: &[&str]) -> bool {
        i > 0 && !self.breaks(i) && self.is_any(i - 1, ws)
    }

    /// Matches the word sequence `ws` at `i`; returns the end.
    fn seq(&self, i: usize, ws: &[&str]) -> Option<usize> {
        for (k, w) in ws.iter().enumerate() {
            if !self.is(i + k, w) || (k > 0 && self.breaks(i + k)) {
                return None;
            }
        }
        Some(i + ws.len())
    }

    /// The second day of "April 24 and 25", "Dec. 5-7": a date of its own.
    fn second_day(&self, end: usize, first: &Expr) -> Option<Found> {
        let Expr::Date {
            year,
            month,
            day: Some(d1),
        } = first
        else {
            return None;
        };
        let k = if self.is_any(end, &["and", "or", "to", "through", "-", "–"]) {
            end + 1
        } else {
            return None;
        };
        if self.breaks(k) {
            return None;
        }
        let (e, d2) = self.day_number(k)?;
        // "April 24 and 25 people", "Dec. 5 to 10 p.m." are something else.
        if d2 <= *d1 || d2 > days_in_month_max(*month) {
            return None;
        }
        if self
            .tok(e)
            .is_some_and(|n| !n.space_before && n.kind != Kind::Punct)
            || self.tok(e).is_some_and(|n| {
                n.kind == Kind::Word
                    && (n.lowercase()
                        && !n.is_any(&["and", "in", "at", "to", "for", "of", "with", "when", "as"])
                        || lexicon::month_number(n.text).is_some())
            })
        {
            return None;
        }
        Some(Found {
            start: k,
            end: e,
            expr: Expr::Date {
                year: *year,
                month: *month,
                day: Some(d2),
            },
        })
    }

    /// The longest match of any rule at token `i`.
    fn at(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Punct && !matches!(t.text, "'" | "’") {
            return None;
        }
        // A word glued to a preceding word or number ("A320s") is not a
        // start; a number glued to letters is not either.
        if i > 0 && !t.space_before && self.toks[i - 1].kind != Kind::Punct {
            return None;
        }
        let mut best: Option<(usize, Expr)> = None;
        let mut consider = |m: Option<(usize, Expr)>| {
            if let Some((e, x)) = m {
                if best.as_ref().is_none_or(|(b, _)| e > *b) {
                    best = Some((e, x));
                }
            }
        };
        consider(self.modified(i));
        consider(self.clock_phrase(i));
        consider(self.day_phrase(i));
        consider(self.core(i));
        consider(self.duration_phrase(i));
        consider(self.set(i));
        consider(self.reference(i));
        // A glued word after the match ("1990s" handled; "5pm" handled)
        // would mean the match cut a word in two.
        best.filter(|(e, _)| {
            self.tok(*e)
                .is_none_or(|n| n.space_before || n.kind == Kind::Punct)
        })
    }

    // ----- modifiers -----

    /// "early next week", "the end of the year", "mid-2022", "earlier this
    /// month": a modifier extends the extent; the value is the core's.
    fn modified(&self, i: usize) -> Option<(usize, Expr)> {
        const PHRASES: &[&[&str]] = &[
            &["the", "end", "of"],
            &["the", "beginning", "of"],
            &["the", "start", "of"],
            &["the", "middle", "of"],
            &["the", "turn", "of"],
            &["the", "rest", "of"],
            &["the", "remainder", "of"],
            &["the", "close", "of"],
            &["end", "of"],
            &["mid", "-"],
            &["early", "-"],
            &["late", "-"],
            &["post", "-"],
            &["pre", "-"],
            &["earlier"],
            &["later"],
        ];
        let j = PHRASES.iter().filter_map(|p| self.seq(i, p)).max()?;
        if self.breaks(j) {
            return None;
        }
        // TempEval-3 extents leave a spaced "early", "late", "earlier" or
        // "later" outside ("early [March]", "earlier [this week]"), but keep
        // it before an anaphoric phrase ("[later that year]").
        if self.is_any(i, &["earlier", "later"]) && !self.is(j, "that") {
            return None;
        }
        // "the end of the year": the period named by "the".
        if self.is(j, "the") {
            if let Some((unit, false)) = self.tok(j + 1).and_then(lexicon::unit) {
                if matches!(
                    unit,
                    Unit::Year | Unit::Month | Unit::Week | Unit::Decade | Unit::Century
                ) {
                    return Some((
                        j + 2,
                        Expr::Shift {
                            unit,
                            by: 0,
                            anchor: Anchor::Document,
                        },
                    ));
                }
            }
        }
        let (e, x) = [self.day_phrase(j), self.core(j)]
            .into_iter()
            .flatten()
            .max_by_key(|(e, _)| *e)?;
        // "later" and "earlier" only modify relative or anaphoric periods
        // ("earlier this month", "later that year"), not durations.
        if matches!(x, Expr::Duration { .. } | Expr::Reference(_) | Expr::Set(_)) {
            return None;
        }
        Some((e, x))
    }

    // ----- numbers -----

    /// A number at `i`: digits ("20", "1.5", "5 1/2"), words ("two",
    /// "twenty-five", "a", "an"), with "and a half".
    fn number(&self, i: usize) -> Option<(usize, f64)> {
        let t = self.tok(i)?;
        let (mut end, mut n) = if t.kind == Kind::Number {
            if t.text.len() > 6 {
                return None;
            }
            let mut n: f64 = t.text.parse().ok()?;
            let mut end = i + 1;
            // "1.5"
            if self.glued(end, ".") {
                if let Some(f) = self
                    .tok(end + 1)
                    .filter(|f| !f.space_before && f.kind == Kind::Number)
                {
                    n = format!("{}.{}", t.text, f.text).parse().ok()?;
                    end += 2;
                }
            } else if let Some(f) = self.fraction(end) {
                // "5 1/2"
                n += f.1;
                end = f.0;
            }
            (end, n)
        } else if t.kind == Kind::Word {
            if t.is("half") {
                // "half an hour", "half a day"
                if self.is_any(i + 1, &["a", "an"]) {
                    return Some((i + 2, 0.5));
                }
                return None;
            }
            let v = lexicon::number_word(t)?;
            if t.is("dozen") || t.is("hundred") {
                return None;
            }
            let mut end = i + 1;
            let mut n = v;
            // "twenty-five", "twenty five"
            if (20.0..=90.0).contains(&v) {
                let k = if self.glued(end, "-") { end + 1 } else { end };
                if let Some(u) = self
                    .tok(k)
                    .and_then(lexicon::number_word)
                    .filter(|u| (1.0..=9.0).contains(u))
                {
                    if !self.is_any(k, &["a", "an"]) {
                        n += u;
                        end = k + 1;
                    }
                }
            }
            // "a dozen", "two dozen", "a hundred"
            if self.is(end, "dozen") {
                n *= 12.0;
                end += 1;
            } else if self.is(end, "hundred") {
                n *= 100.0;
                end += 1;
            }
            // "a few" is vague: not a number.
            if t.is_any(&["a", "an"]) && self.is_any(end, &["few", "couple"]) {
                return None;
            }
            (end, n)
        } else {
            return None;
        };
        // "two and a half", "one and a half"
        if let Some(e) = self.seq(end, &["and", "a", "half"]) {
            if self
                .tok(e)
                .and_then(lexicon::unit)
                .is_none_or(|(_, plural)| plural)
            {
                n += 0.5;
                end = e;
            }
        }
        Some((end, n))
    }

    /// A fraction "1/2" at `i` (spaced from the whole number before it).
    fn fraction(&self, i: usize) -> Option<(usize, f64)> {
        let a = self.tok(i).filter(|t| t.space_before)?.number()?;
        if !self.glued(i + 1, "/") {
            return None;
        }
        let b = self.tok(i + 2).filter(|t| !t.space_before)?.number()?;
        (a < b && b <= 10).then(|| (i + 3, f64::from(a) / f64::from(b)))
    }

    // ----- calendar pieces -----

    /// A month name at `i` (capitalized; an abbreviation may take a
    /// period): its end and number.
    fn month(&self, i: usize) -> Option<(usize, u32)> {
        let t = self
            .tok(i)
            .filter(|t| t.kind == Kind::Word && t.capitalized())?;
        let m = lexicon::month_number(t.text)?;
        // All-capitals abbreviations are acronyms ("MAR", "DEC"), except
        // full names in an all-capitals headline.
        if t.text.len() <= 4 && t.text.chars().all(|c| c.is_uppercase()) && !t.is("MAY") {
            return None;
        }
        let mut end = i + 1;
        if lexicon::is_month_abbreviation(t.text) && self.glued(end, ".") {
            end += 1;
        }
        Some((end, m))
    }

    /// A day of the month at `i` ("5", "5th"): its end and value.
    fn day_number(&self, i: usize) -> Option<(usize, u32)> {
        let t = self
            .tok(i)
            .filter(|t| t.kind == Kind::Number && t.text.len() <= 2)?;
        let d = t.number().filter(|d| (1..=31).contains(d))?;
        let mut end = i + 1;
        if self
            .tok(end)
            .is_some_and(|s| !s.space_before && s.is_any(&["st", "nd", "rd", "th"]))
        {
            end += 1;
        }
        // "5:30", "5.5", "5-4" scores, "5%" are not days.
        if self
            .tok(end)
            .is_some_and(|n| !n.space_before && matches!(n.text, ":" | "%" | "/" | "." | ","))
            && self
                .tok(end + 1)
                .is_some_and(|n| !n.space_before && n.kind == Kind::Number)
        {
            return None;
        }
        Some((end, d))
    }

    /// A four-digit year at `i`.
    fn year_number(&self, i: usize) -> Option<(usize, i32)> {
        let t = self
            .tok(i)
            .filter(|t| t.kind == Kind::Number && t.text.len() == 4)?;
        let y = t.number().filter(|y| (1000..=2199).contains(y))?;
        // "2,024" and "2024.5" are not years.
        if self
            .tok(i + 1)
            .is_some_and(|n| !n.space_before && matches!(n.text, "," | "."))
            && self
                .tok(i + 2)
                .is_some_and(|n| !n.space_before && n.kind == Kind::Number)
        {
            return None;
        }
        Some((i + 1, i32::try_from(y).ok()?))
    }

    /// "this year", "last year", "next year", "of this year", ", 2023",
    /// "of 2023", "2023" after a month, season or quarter.
    fn year_suffix(&self, i: usize) -> Option<(usize, YearSpec)> {
        if self.breaks(i) {
            return None;
        }
        let mut j = i;
        if self.is(j, "of") || self.is(j, ",") {
            j += 1;
        }
        if let Some((e, y)) = self.year_number(j) {
            return Some((e, YearSpec::Given(y)));
        }
        if self.is(j, "the") && self.is(j + 1, "year") && self.is(i, "of") {
            return Some((j + 2, YearSpec::Shift(0)));
        }
        let k = [("this", 0), ("last", -1), ("next", 1), ("past", -1)]
            .iter()
            .find(|(w, _)| self.is(j, w))
            .map(|(_, k)| *k)?;
        if self.is(j + 1, "year") && !self.is(i, ",") {
            return Some((j + 2, YearSpec::Shift(k)));
        }
        None
    }

    // ----- core expressions -----

    fn core(&self, i: usize) -> Option<(usize, Expr)> {
        let mut best: Option<(usize, Expr)> = None;
        for m in [
            self.iso_date(i),
            self.month_first(i),
            self.day_first(i),
            self.year(i),
            self.decade(i),
            self.century(i),
            self.season(i),
            self.quarter(i),
            self.relative(i),
            self.ago(i),
            self.anaphoric(i),
            self.holiday(i),
            self.week_of(i),
        ]
        .into_iter()
        .flatten()
        {
            if best.as_ref().is_none_or(|(b, _)| m.0 > *b) {
                best = Some(m);
            }
        }
        best
    }

    /// `2023-12-16`, `2023/12/16`, `12/16/2023` (U.S. order).
    fn iso_date(&self, i: usize) -> Option<(usize, Expr)> {
        let a = self.tok(i).filter(|t| t.kind == Kind::Number)?;
        let sep = self
            .tok(i + 1)
            .filter(|t| !t.space_before && matches!(t.text, "-" | "/"))?;
        let b = self
            .tok(i + 2)
            .filter(|t| !t.space_before && t.kind == Kind::Number)?;
        let sep2 = self
            .tok(i + 3)
            .filter(|t| !t.space_before && t.text == sep.text)?;
        let c = self
            .tok(i + 4)
            .filter(|t| !t.space_before && t.kind == Kind::Number)?;
        let _ = sep2;
        let (y, m, d) = if a.text.len() == 4 && b.text.len() <= 2 && c.text.len() <= 2 {
            (a.number()?, b.number()?, c.number()?)
        } else if sep.text == "/" && a.text.len() <= 2 && b.text.len() <= 2 && c.text.len() == 4 {
            (c.number()?, a.number()?, b.number()?)
        } else {
            return None;
        };
        chrono::NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
        Some((
            i + 5,
            Expr::Date {
                year: YearSpec::Given(i32::try_from(y).ok()?),
                month: m,
                day: Some(d),
            },
        ))
    }

    /// "Dec. 5", "Dec. 5, 2023", "December 2023", "December of 2023",
    /// "September this year", "May" (after a preposition).
    fn month_first(&self, i: usize) -> Option<(usize, Expr)> {
        let (e, month) = self.month(i)?;
        // "31 February 2024": the day before made it no date at all.
        if i > 0 && !self.breaks(i) && self.day_number(i - 1).is_some_and(|(e, _)| e == i) {
            return None;
        }
        if !self.breaks(e) {
            if let Some((e2, day)) = self.day_number(e) {
                // "May 5 people": a following noun makes it a count? Only
                // for the verb-like months; dates are far more common.
                let mut year = YearSpec::Tense;
                let mut end = e2;
                let mut k = e2;
                if self.is(k, ",") {
                    k += 1;
                }
                if !self.breaks(k) {
                    if let Some((e3, y)) = self.year_number(k) {
                        year = YearSpec::Given(y);
                        end = e3;
                    }
                }
                if year == YearSpec::Tense {
                    if let Some((e3, y)) = self
                        .year_suffix(e2)
                        .filter(|(_, y)| !matches!(y, YearSpec::Given(_)))
                    {
                        year = y;
                        end = e3;
                    }
                }
                if day > days_in_month_max(month) {
                    return None;
                }
                return Some((
                    end,
                    Expr::Date {
                        year,
                        month,
                        day: Some(day),
                    },
                ));
            }
            if let Some((e2, year)) = self.year_suffix(e) {
                return Some((
                    e2,
                    Expr::Date {
                        year,
                        month,
                        day: None,
                    },
                ));
            }
        }
        // A bare month name.
        let t = self.tok(i)?;
        let ambiguous = t.is_any(&["may", "march"]);
        let after_prep = i > 0 && self.prev_is_any(i, DATE_PREPOSITIONS);
        // "the March accession": an attributive month after "the".
        let attributive = self.prev_is_any(i, &["the"])
            && self
                .tok(e)
                .is_some_and(|n| n.kind == Kind::Word && n.lowercase());
        if ambiguous && !after_prep && !attributive {
            return None;
        }
        if lexicon::is_month_abbreviation(t.text) && e == i + 1 {
            return None;
        }
        // "April Smith": a following capitalized word makes it a name.
        if !after_prep
            && self
                .tok(e)
                .is_some_and(|n| n.kind == Kind::Word && n.capitalized() && !self.breaks(e))
        {
            return None;
        }
        Some((
            e,
            Expr::Date {
                year: YearSpec::Tense,
                month,
                day: None,
            },
        ))
    }

    /// "5 December 2023", "5th of December", "the 5th of December".
    fn day_first(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        let (mut e, day) = self.day_number(j)?;
        if self.is(e, "of") {
            e += 1;
        } else if j > i {
            return None;
        }
        if self.breaks(e) {
            return None;
        }
        let (mut end, month) = self.month(e)?;
        if day > days_in_month_max(month) {
            return None;
        }
        let mut year = YearSpec::Tense;
        let mut k = end;
        if self.is(k, ",") {
            k += 1;
        }
        if !self.breaks(k) {
            if let Some((e3, y)) = self.year_number(k) {
                year = YearSpec::Given(y);
                end = e3;
            }
        }
        Some((
            end,
            Expr::Date {
                year,
                month,
                day: Some(day),
            },
        ))
    }

    /// A year written alone: "in 2022", "since 2019", "the 2024 election";
    /// not a count ("2024 people").
    fn year(&self, i: usize) -> Option<(usize, Expr)> {
        let (e, y) = self.year_number(i)?;
        // After a month name the year belongs to a date, which was found
        // already or is no date at all ("31 February 2024").
        let after_month = i > 0 && self.month(i - 1).is_some()
            || i > 1 && self.glued(i - 1, ".") && self.month(i - 2).is_some();
        if after_month && !self.breaks(i) {
            return None;
        }
        if i > 0 && !self.breaks(i) {
            let p = &self.toks[i - 1];
            if p.kind == Kind::Punct && matches!(p.text, "$" | "€" | "£" | "¥" | "#" | "№") {
                return None;
            }
            if p.kind == Kind::Word && p.is_any(COUNT_WORDS) {
                return None;
            }
            if p.kind == Kind::Word
                && p.capitalized()
                && !YEAR_OPENERS.contains(&p.text)
                && lexicon::month_number(p.text).is_none()
            {
                // "Windows 2000", "Flight 1549"
                return None;
            }
        }
        if let Some(n) = self.tok(e).filter(|_| !self.breaks(e)) {
            if n.kind == Kind::Punct && matches!(n.text, "%" | "-" | "/") && !n.space_before {
                // "2024-25" season spans are years; "1500-meter" is not.
                if n.text == "%" || !self.tok(e + 1).is_some_and(|x| x.kind == Kind::Number) {
                    return None;
                }
                // "2023-02-30" is no date at all, not a year.
                if self
                    .tok(e + 2)
                    .is_some_and(|x| !x.space_before && matches!(x.text, "-" | "/"))
                {
                    return None;
                }
            }
            let determiner = i > 0
                && (self.prev_is_any(i, STRONG_YEAR_PREPOSITIONS)
                    || self.prev_is_any(
                        i,
                        &[
                            "the", "a", "its", "his", "her", "their", "our", "this", "that",
                        ],
                    ));
            if n.kind == Kind::Word
                && n.lowercase()
                && !n.is_any(AFTER_YEAR_OK)
                && !determiner
                && n.text.len() > 2
            {
                return None;
            }
            if n.is_any(COUNT_NOUNS) && !self.prev_is_any(i, STRONG_YEAR_PREPOSITIONS) {
                return None;
            }
        }
        Some((e, Expr::Year(y)))
    }

    /// "the 1990s" (extent without "the"), "1990s", "the '90s", "mid-1990s".
    fn decade(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let apostrophe = self.is_any(j, &["'", "’"]);
        if apostrophe {
            j += 1;
        }
        let t = self.tok(j).filter(|t| t.kind == Kind::Number)?;
        if apostrophe && t.space_before {
            return None;
        }
        if !self.glued(j + 1, "s") {
            return None;
        }
        let n = t.number()?;
        match t.text.len() {
            4 if n % 100 == 0 && n >= 1000 => {
                Some((j + 2, Expr::Century(i32::try_from(n / 100).ok()?)))
            }
            4 if n % 10 == 0 && n >= 1000 => {
                Some((j + 2, Expr::Decade(i32::try_from(n / 10).ok()?)))
            }
            2 if n % 10 == 0
                && (apostrophe || self.prev_is_any(i, &["the", "early", "late", "mid", "-"])) =>
            {
                Some((j + 2, Expr::ShortDecade(i32::try_from(n / 10).ok()?)))
            }
            _ => None,
        }
    }

    /// "the 20th century", "the twenty-first century", "this century".
    fn century(&self, i: usize) -> Option<(usize, Expr)> {
        const ORD: &[(&str, i32)] = &[
            ("fifteenth", 15),
            ("sixteenth", 16),
            ("seventeenth", 17),
            ("eighteenth", 18),
            ("nineteenth", 19),
            ("twentieth", 20),
            ("twenty-first", 21),
        ];
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        let t = self.tok(j)?;
        let (e, n) = if let Some(n) = t.number() {
            if !self
                .tok(j + 1)
                .is_some_and(|s| !s.space_before && s.is_any(&["st", "nd", "rd", "th"]))
            {
                return None;
            }
            (j + 2, i32::try_from(n).ok()?)
        } else if t.is("twenty") && self.glued(j + 1, "-") && self.is(j + 2, "first") {
            (j + 3, 21)
        } else {
            let n = ORD.iter().find(|(w, _)| t.is(w)).map(|(_, n)| *n)?;
            (j + 1, n)
        };
        if !self.is(e, "century") || !(1..=30).contains(&n) {
            return None;
        }
        Some((e + 1, Expr::Century(n - 1)))
    }

    /// "last fall", "the summer of 1998", "spring 2023", "this winter".
    fn season(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let mut spec = None;
        if let Some(k) = [
            ("this", YearSpec::Shift(0)),
            ("last", YearSpec::Last),
            ("next", YearSpec::Next),
            ("past", YearSpec::Last),
        ]
        .iter()
        .find(|(w, _)| self.is(j, w))
        {
            spec = Some(k.1);
            j += 1;
        } else if self.is(j, "the") {
            j += 1;
        }
        let t = self.tok(j)?;
        let code = lexicon::season(t)?;
        let mut e = j + 1;
        let suffix = self.year_suffix(e);
        if let Some((e2, y)) = suffix {
            spec = spec.or(Some(y));
            e = e2;
        }
        // "fall" is also a verb and a noun ("the fall of the Berlin Wall").
        let explicit = spec.is_some()
            || self.prev_is_any(
                i,
                &[
                    "in", "this", "last", "next", "early", "late", "during", "since", "until",
                    "by", "mid", "-", "the",
                ],
            );
        if t.is("fall") && (spec.is_none() || self.is(e, "of")) {
            return None;
        }
        if !explicit || (j > i && spec.is_none() && self.is(e, "of")) {
            return None;
        }
        // "the summer": extent starts at the season when no year follows.
        let start_ok = j == i || spec.is_some();
        if !start_ok {
            return None;
        }
        Some((
            e,
            Expr::Part {
                year: spec.unwrap_or(YearSpec::Tense),
                part: YearPart::Season(code),
            },
        ))
    }

    /// "the first quarter", "the fourth quarter of 2023", "Q3 2023",
    /// "the first half of the year", "first-quarter".
    fn quarter(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        if t.is("Q") && !t.lowercase() {
            let n = self
                .tok(i + 1)
                .filter(|n| !n.space_before)?
                .number()
                .filter(|n| (1..=4).contains(n))?;
            let mut e = i + 2;
            let mut year = YearSpec::Tense;
            if let Some((e2, y)) = self.year_number(e).filter(|_| !self.breaks(e)) {
                year = YearSpec::Given(y);
                e = e2;
            }
            return Some((
                e,
                Expr::Part {
                    year,
                    part: YearPart::Quarter(n),
                },
            ));
        }
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        let n = self.tok(j).and_then(lexicon::ordinal_word)?;
        let mut e = j + 1;
        if self.glued(e, "-") {
            e += 1;
        }
        let part = if self.is(e, "quarter") && (1..=4).contains(&n) {
            YearPart::Quarter(n)
        } else if self.is(e, "half") && (1..=2).contains(&n) && !self.is(j, "last") {
            YearPart::Half(n)
        } else {
            return None;
        };
        // "last quarter" is the most recent quarter (see `relative`).
        if matches!(part, YearPart::Quarter(_)) && self.is(j, "last") && j == i {
            return None;
        }
        e += 1;
        // "a quarter of a century" is not a calendar quarter.
        if self.is(e, "of") && self.is_any(e + 1, &["a", "an"]) {
            return None;
        }
        let mut year = YearSpec::Tense;
        if let Some((e2, y)) = self.year_suffix(e) {
            year = y;
            e = e2;
        }
        Some((e, Expr::Part { year, part }))
    }

    /// "this week", "last month", "next year", "last Friday", "next
    /// September", "this weekend", "the weekend".
    fn relative(&self, i: usize) -> Option<(usize, Expr)> {
        const WORDS: &[(&str, i32)] = &[
            ("this", 0),
            ("current", 0),
            ("last", -1),
            ("previous", -1),
            ("next", 1),
            ("coming", 1),
        ];
        if self.is(i, "the") && self.is(i + 1, "weekend") {
            return Some((i + 2, Expr::Weekend));
        }
        let mut by = WORDS.iter().find(|(w, _)| self.is(i, w)).map(|(_, k)| *k)?;
        let mut j = i + 1;
        // "this past week", "this coming weekend"
        if self.is(i, "this") && self.is_any(j, &["past", "coming"]) {
            by = if self.is(j, "past") { -1 } else { 1 };
            j += 1;
        }
        if self.breaks(j) {
            return None;
        }
        // "previous" and "coming" before a bare unit need "the": "the
        // previous day" is anaphoric, handled elsewhere.
        let t = self.tok(j)?;
        if let Some(day) = lexicon::weekday(t, false) {
            let spec = match by {
                0 => WeekdaySpec::This,
                k if k < 0 => WeekdaySpec::Last,
                _ => WeekdaySpec::Next,
            };
            return Some((j + 1, Expr::Weekday { day, spec }));
        }
        if let Some((e, month)) = self.month(j) {
            if lexicon::is_month_abbreviation(t.text) && !self.glued(j + 1, ".") {
                return None;
            }
            let year = match by {
                0 => YearSpec::Shift(0),
                k if k < 0 => YearSpec::Last,
                _ => YearSpec::Next,
            };
            // "last Oct. 23"
            if let Some((e2, day)) = self.day_number(e).filter(|_| !self.breaks(e)) {
                if day <= days_in_month_max(month) {
                    return Some((
                        e2,
                        Expr::Date {
                            year,
                            month,
                            day: Some(day),
                        },
                    ));
                }
            }
            return Some((
                e,
                Expr::Date {
                    year,
                    month,
                    day: None,
                },
            ));
        }
        if let Some(part) = lexicon::part_of_day(t) {
            // "this morning", "last night", "this evening"
            let day = match (by, part) {
                (0, _) => 0,
                (-1, "NI" | "EV") => -1,
                _ => return None,
            };
            return Some((
                j + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::Shift {
                        unit: Unit::Day,
                        by: day,
                        anchor: Anchor::Document,
                    }),
                    part,
                },
            ));
        }
        let (unit, plural) = lexicon::unit(t)?;
        if plural
            || matches!(
                unit,
                Unit::Second | Unit::Minute | Unit::Hour | Unit::Fortnight
            )
        {
            return None;
        }
        if unit == Unit::Day {
            // "this day" is rare and "next day" is anaphoric.
            return None;
        }
        if self.is(i, "current") && unit == Unit::Weekend {
            return None;
        }
        Some((
            j + 1,
            Expr::Shift {
                unit,
                by,
                anchor: Anchor::Document,
            },
        ))
    }

    /// "two weeks ago", "a year earlier", "three days later", "two years
    /// from now", "more than four decades ago".
    fn ago(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        for p in [
            &["more", "than"][..],
            &["less", "than"],
            &["at", "least"],
            &["over"],
        ] {
            if let Some(e) = self.seq(j, p) {
                j = e;
                break;
            }
        }
        let (e, n) = self.number(j)?;
        let (unit, _) = self.tok(e).and_then(lexicon::unit)?;
        let k = e + 1;
        let (end, sign, anchor) = if self.is(k, "ago") {
            (k + 1, -1, Anchor::Document)
        } else if self.is(k, "earlier") || self.is(k, "before") && self.ends_clause(k + 1) {
            (k + 1, -1, Anchor::Previous)
        } else if self.is(k, "later") || self.is(k, "after") && self.ends_clause(k + 1) {
            (k + 1, 1, Anchor::Previous)
        } else if let Some(e2) = self.seq(k, &["from", "now"]) {
            (e2, 1, Anchor::Document)
        } else {
            return None;
        };
        if self.breaks(e) || self.breaks(k) {
            return None;
        }
        let (unit, by) = integral_shift(unit, n)?;
        Some((
            end,
            Expr::Shift {
                unit,
                by: sign * by,
                anchor,
            },
        ))
    }

    /// True when token `i` ends a clause (punctuation or end of text).
    fn ends_clause(&self, i: usize) -> bool {
        self.tok(i).is_none_or(|t| {
            t.kind == Kind::Punct && matches!(t.text, "," | "." | ";" | ")" | "'" | "\"" | "”")
        })
    }

    /// "the following day", "the next day", "the previous year", "that
    /// day", "the same day", "that same day", "that year".
    fn anaphoric(&self, i: usize) -> Option<(usize, Expr)> {
        let (j, by) = if let Some(e) = self
            .seq(i, &["that", "same"])
            .or_else(|| self.seq(i, &["the", "same"]))
        {
            (e, 0)
        } else if self.is(i, "that") {
            (i + 1, 0)
        } else if self.is(i, "the") {
            let k = [
                ("following", 1),
                ("next", 1),
                ("previous", -1),
                ("preceding", -1),
            ]
            .iter()
            .find(|(w, _)| self.is(i + 1, w))
            .map(|(_, k)| *k)?;
            (i + 2, k)
        } else {
            return None;
        };
        let t = self.tok(j)?;
        if let Some(part) = lexicon::part_of_day(t) {
            if by == 0 && !self.is(i, "that") {
                return None;
            }
            return Some((
                j + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::Shift {
                        unit: Unit::Day,
                        by,
                        anchor: Anchor::Previous,
                    }),
                    part,
                },
            ));
        }
        let (unit, plural) = lexicon::unit(t)?;
        if plural || unit.is_clock() {
            return None;
        }
        // "the next week/month/year" is ambiguous with a duration; only
        // "the next day" is taken as anaphoric.
        if self.is(i + 1, "next") && unit != Unit::Day {
            return None;
        }
        Some((
            j + 1,
            Expr::Shift {
                unit,
                by,
                anchor: Anchor::Previous,
            },
        ))
    }

    /// "Christmas", "Thanksgiving Day", "Easter 2000", "last Christmas".
    fn holiday(&self, i: usize) -> Option<(usize, Expr)> {
        let (mut j, mut year) = match () {
            _ if self.is(i, "last") => (i + 1, YearSpec::Last),
            _ if self.is(i, "next") => (i + 1, YearSpec::Next),
            _ if self.is(i, "this") => (i + 1, YearSpec::Shift(0)),
            _ => (i, YearSpec::Tense),
        };
        let (e, holiday) = holidays::find(self.toks, j)?;
        j = e;
        if let Some((e2, y)) = self.year_suffix(j).filter(|_| year == YearSpec::Tense) {
            year = y;
            j = e2;
        }
        // "Easter week"
        if self.is(j, "week") && holiday == holidays::Holiday::Easter {
            return Some((
                j + 1,
                Expr::WeekOf(Box::new(Expr::Holiday { holiday, year })),
            ));
        }
        Some((j, Expr::Holiday { holiday, year }))
    }

    /// "the week of March 6".
    fn week_of(&self, i: usize) -> Option<(usize, Expr)> {
        let j = self.seq(i, &["the", "week", "of"])?;
        let (e, x) = self.month_first(j).or_else(|| self.day_first(j))?;
        matches!(x, Expr::Date { day: Some(_), .. }).then(|| (e, Expr::WeekOf(Box::new(x))))
    }

    // ----- days -----

    /// A day: weekday (with an optional date), deictic word, date; with an
    /// optional part of the day ("Friday morning", "Wednesday night").
    fn day_phrase(&self, i: usize) -> Option<(usize, Expr)> {
        let (mut e, day) = self.day(i)?;
        if !self.breaks(e) {
            if let Some(part) = self.tok(e).and_then(lexicon::part_of_day) {
                return Some((
                    e + 1,
                    Expr::PartOfDay {
                        day: Box::new(day),
                        part,
                    },
                ));
            }
        }
        // "Friday's" keeps the possessive outside.
        if self.is(e, ",") && matches!(day, Expr::Weekday { .. }) {
            e = e.min(e);
        }
        Some((e, day))
    }

    /// A single day.
    fn day(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        if let Some(wd) = lexicon::weekday(t, false) {
            // "Thursday, April 6" / "Friday Oct. 23": the date decides.
            let mut k = i + 1;
            if self.is(k, ",") {
                k += 1;
            }
            if !self.breaks(k) {
                if let Some((e, x @ Expr::Date { day: Some(_), .. })) =
                    self.month_first(k).or_else(|| self.day_first(k))
                {
                    return Some((e, x));
                }
            }
            return Some((
                i + 1,
                Expr::Weekday {
                    day: wd,
                    spec: WeekdaySpec::Tense,
                },
            ));
        }
        let deictic = [("today", 0), ("yesterday", -1), ("tomorrow", 1)]
            .iter()
            .find(|(w, _)| t.is(w))
            .map(|(_, k)| *k);
        if let Some(by) = deictic {
            return Some((
                i + 1,
                Expr::Shift {
                    unit: Unit::Day,
                    by,
                    anchor: Anchor::Document,
                },
            ));
        }
        if t.is("tonight") {
            return Some((
                i + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::Shift {
                        unit: Unit::Day,
                        by: 0,
                        anchor: Anchor::Document,
                    }),
                    part: "NI",
                },
            ));
        }
        if let Some(e) = self.seq(i, &["the", "day", "before", "yesterday"]) {
            return Some((
                e,
                Expr::Shift {
                    unit: Unit::Day,
                    by: -2,
                    anchor: Anchor::Document,
                },
            ));
        }
        if let Some(e) = self.seq(i, &["the", "day", "after", "tomorrow"]) {
            return Some((
                e,
                Expr::Shift {
                    unit: Unit::Day,
                    by: 2,
                    anchor: Anchor::Document,
                },
            ));
        }
        None
    }

    // ----- clock times -----

    /// A clock time with an optional time zone and day: "5 p.m.", "10:35
    /// a.m.", "4 a.m. EDT Thursday", "9 a.m. Tuesday", "noon", "0735 GMT".
    fn clock_phrase(&self, i: usize) -> Option<(usize, Expr)> {
        let (mut e, hour, minute) = self.clock(i)?;
        // Time zone: "GMT", "local time", "Eastern time".
        if !self.breaks(e) {
            if self
                .tok(e)
                .is_some_and(|t| t.kind == Kind::Word && lexicon::TIME_ZONES.contains(&t.text))
            {
                e += 1;
            } else if let Some(e2) = self.seq(e, &["local", "time"]) {
                e = e2;
            } else if self.is_any(
                e,
                &["Eastern", "Pacific", "Central", "Mountain", "Greenwich"],
            ) && self.is_any(e + 1, &["time", "Standard", "Daylight"])
            {
                e += 2;
                if self.is(e, "time") {
                    e += 1;
                }
            }
        }
        let mut k = e;
        if self.is(k, ",") || self.is(k, "on") {
            k += 1;
        }
        if !self.breaks(k) {
            if let Some((e2, day)) = self.day(k) {
                if !self.is(e, "on") {
                    return Some((
                        e2,
                        Expr::Clock {
                            hour,
                            minute,
                            day: Some(Box::new(day)),
                        },
                    ));
                }
            }
        }
        Some((
            e,
            Expr::Clock {
                hour,
                minute,
                day: None,
            },
        ))
    }

    /// A bare clock time: end, hour (0–24), minute.
    fn clock(&self, i: usize) -> Option<(usize, u32, u32)> {
        let t = self.tok(i)?;
        if t.is_any(&["noon", "midday"]) {
            // "high noon" is a figure of speech.
            if self.prev_is_any(i, &["high"]) {
                return None;
            }
            return Some((i + 1, 12, 0));
        }
        if t.is("midnight") {
            return Some((i + 1, 24, 0));
        }
        if t.kind != Kind::Number {
            // "five o'clock"
            let n = lexicon::number_word(t)
                .filter(|n| (1.0..=12.0).contains(n) && !t.is_any(&["a", "an"]))?;
            let e = self
                .seq(i + 1, &["o", "'", "clock"])
                .or_else(|| self.seq(i + 1, &["o", "’", "clock"]))?;
            return Some((e, n as u32, 0));
        }
        // A digit glued to a preceding digit group or colon is not a start.
        if i > 0 && !t.space_before && matches!(self.toks[i - 1].text, ":" | "." | "," | "/") {
            return None;
        }
        let h = t.number()?;
        let mut e = i + 1;
        let mut minute = None;
        if t.text.len() <= 2 && self.glued(e, ":") {
            let m = self
                .tok(e + 1)
                .filter(|m| !m.space_before && m.text.len() == 2)?
                .number()?;
            if m > 59 {
                return None;
            }
            minute = Some(m);
            e += 2;
            // seconds
            if self.glued(e, ":")
                && self
                    .tok(e + 1)
                    .is_some_and(|s| !s.space_before && s.text.len() == 2)
            {
                e += 2;
            }
        }
        // a.m. / p.m.
        if let Some(ap) = self
            .tok(e)
            .filter(|a| !self.breaks(e) && a.is_any(&["a.m.", "p.m.", "a.m", "p.m", "am", "pm"]))
        {
            if !(1..=12).contains(&h) || t.text.len() > 2 {
                return None;
            }
            // "5 am" is a time; "I am" never reaches here (no number).
            let pm = ap.text.starts_with(['p', 'P']);
            let hour = h % 12 + if pm { 12 } else { 0 };
            return Some((e + 1, hour, minute.unwrap_or(0)));
        }
        if let Some(m) = minute {
            if h > 24 {
                return None;
            }
            // "4 in the morning" handled below; "10:30" alone is a time.
            return Some((e, h, m));
        }
        // "4 in the morning", "8 in the evening", "10 at night"
        if t.text.len() <= 2 && (1..=12).contains(&h) {
            for (words, pm) in [
                (&["in", "the", "morning"][..], false),
                (&["in", "the", "afternoon"], true),
                (&["in", "the", "evening"], true),
                (&["at", "night"], true),
            ] {
                if let Some(e2) = self.seq(e, words) {
                    let hour = if pm && h < 12 {
                        h + 12
                    } else if !pm && h == 12 {
                        0
                    } else {
                        h
                    };
                    return Some((e2, hour, 0));
                }
            }
            if let Some(e2) = self
                .seq(e, &["o", "'", "clock"])
                .or_else(|| self.seq(e, &["o", "’", "clock"]))
            {
                return Some((e2, h, 0));
            }
        }
        // "0735 GMT", "1500 hours"
        if t.text.len() == 4 {
            let (hh, mm) = (h / 100, h % 100);
            let zone = self.tok(e).is_some_and(|z| {
                matches!(z.text, "GMT" | "UTC" | "Z") || z.is_any(&["hours", "hrs"])
            });
            if zone && hh <= 23 && mm <= 59 {
                let end = if self.is_any(e, &["hours", "hrs"]) {
                    e + 1
                } else {
                    e
                };
                return Some((end, hh, mm));
            }
        }
        None
    }

    // ----- durations -----

    /// "two years", "the past three months", "five-hour", "14-day",
    /// "at least 72 hours", "recent days", "for years", "a decade".
    fn duration_phrase(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        // "the past three months", "the last five years", "the next two
        // weeks", "past 20 years"
        let mut framed = false;
        if self.is(j, "the")
            && self.is_any(
                j + 1,
                &[
                    "past",
                    "last",
                    "next",
                    "coming",
                    "first",
                    "final",
                    "previous",
                    "following",
                ],
            )
        {
            j += 2;
            framed = true;
        } else if self.is_any(j, &["past", "last", "next", "previous"]) {
            j += 1;
            framed = true;
        }
        if !framed {
            for p in [
                &["more", "than"][..],
                &["less", "than"],
                &["at", "least"],
                &["over"],
                &["under"],
                &["up", "to"],
            ] {
                if let Some(e) = self.seq(j, p) {
                    j = e;
                    break;
                }
            }
        }
        if self.breaks(j) && j > i {
            return None;
        }
        // Vague: "recent days", "several years", "a few weeks", "the coming
        // years", "the past few months".
        let vague_start = j;
        let mut vague = false;
        if let Some(e) = self
            .seq(j, &["a", "few"])
            .or_else(|| self.seq(j, &["a", "couple", "of"]))
        {
            j = e;
            vague = true;
        } else if self.is_any(j, lexicon::VAGUE_QUANTIFIERS) {
            j += 1;
            vague = true;
        }
        if vague {
            let (unit, plural) = self.tok(j).and_then(lexicon::unit)?;
            if !plural || self.breaks(j) {
                return None;
            }
            // "the coming years": "the" stays outside unless framed.
            let start = if framed { i } else { vague_start };
            if start != i {
                return None;
            }
            return Some((j + 1, Expr::Duration { unit, amount: None }));
        }
        // Counted: "two years", "a year", "five-hour", "5 1/2 hours".
        if let Some((e, n)) = self.number(j) {
            let mut k = e;
            let adjective = self.glued(k, "-");
            if adjective {
                k += 1;
            } else if self.is_any(
                k,
                &[
                    "more",
                    "additional",
                    "other",
                    "straight",
                    "consecutive",
                    "full",
                    "long",
                ],
            ) && self.tok(k + 1).and_then(lexicon::unit).is_some()
            {
                // "two more weeks", "three straight days"
                k += 1;
            }
            let (unit, plural) = self.tok(k).and_then(lexicon::unit)?;
            if self.breaks(k) {
                return None;
            }
            // "60 Minutes" (a title), "a second" (an ordinal).
            let unit_tok = &self.toks[k];
            if unit_tok.capitalized() && !unit_tok.text.chars().all(char::is_uppercase) {
                return None;
            }
            if unit == Unit::Second && self.is_any(j, &["a", "an"]) {
                return None;
            }
            // "a quarter of the cake" is a fraction.
            if unit == Unit::Quarter && self.is(k + 1, "of") {
                return None;
            }
            // "a years" is not English; "two year" only as an adjective
            // ("a six year wait") — allowed, as TimeML tags it.
            let is_article = self.is_any(j, &["a", "an"]);
            if is_article && (plural || adjective || self.glued(k + 1, "-")) {
                return None;
            }
            if adjective && plural {
                return None;
            }
            // Ages ("a 6-year-old") are not durations.
            if self.glued(k + 1, "-") && self.is(k + 2, "old") {
                return None;
            }
            // "a day" after "once", "twice", "times" is a set.
            if self.is(k + 1, "old") {
                return None;
            }
            let mut end = k + 1;
            // "two-year-long", "five years long"
            if self.glued(end, "-") && self.is(end + 1, "long") {
                end += 2;
            }
            if unit == Unit::Weekend {
                return None;
            }
            // A bare "a" + unit framed by "the" ("the past year") is one unit.
            return Some((
                end,
                Expr::Duration {
                    unit,
                    amount: Some(n),
                },
            ));
        }
        if framed {
            // "the past year", "the last week", "the coming months"
            let (unit, plural) = self.tok(j).and_then(lexicon::unit)?;
            if self.breaks(j) || unit == Unit::Weekend {
                return None;
            }
            if !self.is(i, "the") && !self.is(i, "past") {
                // "last week" is a date, not a duration.
                return None;
            }
            if self.is_any(i + 1, &["following", "previous"]) {
                return None;
            }
            if unit == Unit::Day && !plural && self.is(i + 1, "next") {
                return None;
            }
            let amount = if plural { None } else { Some(1.0) };
            return Some((j + 1, Expr::Duration { unit, amount }));
        }
        // "day-long", "decades-long"
        if let Some((unit, plural)) = self.tok(j).and_then(lexicon::unit) {
            if self.glued(j + 1, "-") && self.is(j + 2, "long") && j == i {
                let amount = if plural { None } else { Some(1.0) };
                return Some((j + 3, Expr::Duration { unit, amount }));
            }

            // "for years", "within days", "in years"
            if plural
                && j == i
                && self.prev_is_any(i, &["for", "within"])
                && !self.is_any(j + 1, &["of", "ago", "old"])
            {
                return Some((j + 1, Expr::Duration { unit, amount: None }));
            }
        }
        None
    }

    // ----- sets -----

    /// "every Monday", "every day", "each year", "daily", "weekly",
    /// "twice a week", "on Mondays".
    fn set(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        const ADVERBS: &[(&str, &str)] = &[
            ("daily", "P1D"),
            ("weekly", "P1W"),
            ("monthly", "P1M"),
            ("annually", "P1Y"),
            ("yearly", "P1Y"),
            ("hourly", "PT1H"),
            ("nightly", "XXXX-XX-XXTNI"),
            ("biweekly", "P2W"),
            ("fortnightly", "P2W"),
            ("quarterly", "P3M"),
        ];
        if let Some((_, v)) = ADVERBS.iter().find(|(w, _)| t.is(w)) {
            return Some((i + 1, Expr::Set((*v).to_string())));
        }
        if let Some(day) =
            lexicon::weekday_plural(t).filter(|_| t.capitalized() && self.prev_is_any(i, &["on"]))
        {
            return Some((i + 1, Expr::Set(format!("XXXX-WXX-{day}"))));
        }
        // "once a week", "twice a year", "three times a day"
        let freq_end = if t.is_any(&["once", "twice"]) {
            Some(i + 1)
        } else {
            self.number(i)
                .and_then(|(e, _)| self.is(e, "times").then_some(e + 1))
        };
        if let Some(k) = freq_end {
            if self.is_any(k, &["a", "an", "per", "each", "every"]) {
                let (unit, plural) = self.tok(k + 1).and_then(lexicon::unit)?;
                if !plural {
                    return Some((k + 2, Expr::Set(super::duration::value(unit, Some(1.0)))));
                }
            }
            return None;
        }
        if !t.is_any(&["every", "each"]) {
            return None;
        }
        let mut j = i + 1;
        let mut n = 1.0;
        let mut counted = false;
        if self.is(j, "other") {
            n = 2.0;
            j += 1;
        } else if let Some((e, k)) = self.number(j).filter(|_| !self.is_any(j, &["a", "an"])) {
            n = k;
            j = e;
            counted = true;
        }
        let u = self.tok(j)?;
        if let Some(day) = lexicon::weekday(u, false) {
            return Some((j + 1, Expr::Set(format!("XXXX-WXX-{day}"))));
        }
        if let Some(part) = lexicon::part_of_day(u) {
            return Some((j + 1, Expr::Set(format!("XXXX-XX-XXT{part}"))));
        }
        if let Some((_, m)) = self.month(j) {
            return Some((j + 1, Expr::Set(format!("XXXX-{m:02}"))));
        }
        let (unit, plural) = lexicon::unit(u)?;
        if plural != (counted && n > 1.0) {
            return None;
        }
        Some((j + 1, Expr::Set(super::duration::value(unit, Some(n)))))
    }

    // ----- references -----

    /// "now", "currently", "the future", "the past", "recently".
    fn reference(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        if t.is_any(&["now", "currently", "nowadays", "presently", "current"]) {
            // "current" only as an adjective of a period or state; "now
            // that" is still a reference to the present.
            if t.is("current") && self.prev_is_any(i, &["the", "a"]) {
                return None;
            }

            return Some((i + 1, Expr::Reference("PRESENT_REF")));
        }
        if t.is("present") && self.prev_is_any(i, &["at"]) {
            return Some((i + 1, Expr::Reference("PRESENT_REF")));
        }
        if let Some(e) = self.seq(i, &["these", "days"]) {
            return Some((e, Expr::Reference("PRESENT_REF")));
        }
        if t.is_any(&["recently", "lately", "formerly"]) {
            return Some((i + 1, Expr::Reference("PAST_REF")));
        }
        if let Some(e) = self.seq(i, &["the", "past"]) {
            return Some((e, Expr::Reference("PAST_REF")));
        }
        for words in [
            &["the", "near", "future"][..],
            &["the", "future"],
            &["the", "distant", "future"],
            &["future"],
        ] {
            if let Some(e) = self.seq(i, words) {
                // "future" as an adjective ("future plans") is FUTURE_REF in
                // TimeML corpora; "the future of X" is not a time.
                if self.is(e, "of") {
                    return None;
                }
                return Some((e, Expr::Reference("FUTURE_REF")));
            }
        }
        None
    }
}

/// The largest maximum day of a month (February counts 29; the calendar
/// check comes when the year is known).
fn days_in_month_max(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A shift of `n` units as a whole number of a unit: "1.5 years" is 18
/// months; "a decade" is 10 years.
fn integral_shift(unit: Unit, n: f64) -> Option<(Unit, i32)> {
    let (unit, n) = match unit {
        Unit::Decade => (Unit::Year, n * 10.0),
        Unit::Century => (Unit::Year, n * 100.0),
        Unit::Fortnight => (Unit::Week, n * 2.0),
        Unit::Quarter => (Unit::Month, n * 3.0),
        u if n.fract() != 0.0 => match u {
            Unit::Year => (Unit::Month, n * 12.0),
            Unit::Month => (Unit::Day, n * 30.0),
            Unit::Week => (Unit::Day, n * 7.0),
            Unit::Day => (Unit::Hour, n * 24.0),
            u => (u, n.round()),
        },
        u => (u, n),
    };
    if !(0.0..=10000.0).contains(&n) {
        return None;
    }
    Some((unit, n.round() as i32))
}
