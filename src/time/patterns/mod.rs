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
//! "about", "almost" and "nearly" stay outside; "early"/"late" stay outside
//! a single day ("early [Friday morning]") and "earlier"/"later" outside
//! a relative period ("earlier [this week]"); a trailing possessive "'s"
//! stays outside.
//!
//! The rules by kind: `calendar.rs` (dates, months, years), `periods.rs`
//! (decades, centuries, seasons, quarters, holidays), `relative.rs` ("last
//! Friday", "two weeks ago"), `clock.rs` (times of day), `durations.rs`,
//! `sets.rs` ("every Monday"), `numbers.rs` (number words inside them);
//! `words.rs` holds the shared word lists. `gate.rs` skips the tokens no
//! rule can start with (a fifth of the analysis was spent trying them),
//! and its tests hold it to never changing the output.

mod calendar;
mod clock;
mod durations;
mod gate;
mod numbers;
mod periods;
mod relative;
mod sets;
mod words;

use super::expr::{Anchor, Expr};
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
    scan(toks, true)
}

/// [`find_all`] trying every rule at every token: what the first-token
/// gate must never change (`gate.rs`).
#[cfg(all(test, not(target_arch = "wasm32")))]
fn find_all_ungated(toks: &[Token<'_>]) -> Vec<Found> {
    scan(toks, false)
}

/// The scan of [`find_all`]; with `gated`, tokens where no rule can start
/// ([`gate::may_start`]) are skipped without trying the rules.
fn scan(toks: &[Token<'_>], gated: bool) -> Vec<Found> {
    let g = Grammar {
        toks,
        number_words: toks.iter().map(lexicon::number_word).collect(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if gated && !gate::may_start(&toks[i], g.number_words[i]) {
            i += 1;
            continue;
        }
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

struct Grammar<'a, 't> {
    toks: &'a [Token<'t>],
    /// [`lexicon::number_word`] of each token, looked up once: the rules
    /// ask it of most tokens several times (5% of a whole analysis).
    number_words: Vec<Option<f64>>,
}

impl<'t> Grammar<'_, 't> {
    fn tok(&self, i: usize) -> Option<&Token<'t>> {
        self.toks.get(i)
    }

    /// The value of token `i` as a number word ("two" → 2, "a" → 1).
    fn number_word(&self, i: usize) -> Option<f64> {
        self.number_words.get(i).copied().flatten()
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
        if t.kind == Kind::Punct && !gate::punct_may_start(t) {
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

    /// "early next week", "the end of the year", "mid-2022", "earlier this
    /// month": a modifier extends the extent; the value is the core's.
    fn modified(&self, i: usize) -> Option<(usize, Expr)> {
        let j = MODIFIER_PHRASES
            .iter()
            .filter_map(|p| self.seq(i, p))
            .max()?;
        if self.breaks(j) {
            return None;
        }
        // TempEval-3 extents leave a spaced "earlier" or "later" outside
        // ("earlier [this week]") but keep it before an anaphoric phrase
        // ("[later that year]").
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
        // A spaced "early"/"late" belongs to a period ("[late November]",
        // "[early next week]") but stays outside a day ("early [Friday
        // morning]", "late [Monday]"), as in the TempEval-3 corpora.
        let spaced = self.is_any(i, &["early", "late", "mid"]) && j == i + 1;
        let day_level = matches!(
            x,
            Expr::Weekday { .. }
                | Expr::Date { day: Some(_), .. }
                | Expr::PartOfDay { .. }
                | Expr::Clock { .. }
                | Expr::Holiday { .. }
                | Expr::Shift {
                    unit: Unit::Day,
                    ..
                }
        );
        if spaced && day_level {
            return None;
        }
        Some((e, x))
    }
}

/// The modifiers of [`Grammar::modified`], as word sequences.
const MODIFIER_PHRASES: &[&[&str]] = &[
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
    &["early"],
    &["late"],
    &["mid"],
    &["earlier"],
    &["later"],
];

/// The largest maximum day of a month (February counts 29; the calendar
/// check comes when the year is known).
fn days_in_month_max(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
