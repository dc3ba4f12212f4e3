//! Durations: "two years", "the past three months", "five-hour", "at
//! least 72 hours", "recent days", "for years".

use super::Grammar;
use crate::time::expr::Expr;
use crate::time::lexicon::{self, Unit};

impl Grammar<'_, '_> {
    /// "two years", "the past three months", "five-hour", "14-day",
    /// "at least 72 hours", "recent days", "for years", "a decade".
    pub(super) fn duration_phrase(&self, i: usize) -> Option<(usize, Expr)> {
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
            // "a quarter of the cake" is a fraction; "a quarter century" is
            // 25 years.
            if unit == Unit::Quarter && self.is(k + 1, "of") {
                return None;
            }
            if unit == Unit::Quarter && self.is(k + 1, "century") && !adjective {
                return Some((
                    k + 2,
                    Expr::Duration {
                        unit: Unit::Year,
                        amount: Some(25.0 * n),
                    },
                ));
            }
            // "a years" is not English; "two year" only as an adjective
            // ("a six year wait") — allowed, as TimeML tags it.
            let is_article = self.is_any(j, &["a", "an"]);
            // "24 hours a day" is a set; "barrels a day" a quantity.
            if is_article && j == i && self.rate(i).is_some() {
                return None;
            }
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
}
