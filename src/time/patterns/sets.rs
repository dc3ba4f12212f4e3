//! Sets ("every Monday", "daily", "twice a week") and references to the
//! present, past and future ("now", "recently", "the future").

use super::Grammar;
use crate::time::expr::Expr;
use crate::time::lexicon;

impl Grammar<'_, '_> {
    /// "every Monday", "every day", "each year", "daily", "weekly",
    /// "twice a week", "on Mondays".
    pub(super) fn set(&self, i: usize) -> Option<(usize, Expr)> {
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
                    return Some((
                        k + 2,
                        Expr::Set(crate::time::duration::value(unit, Some(1.0))),
                    ));
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
        Some((
            j + 1,
            Expr::Set(crate::time::duration::value(unit, Some(n))),
        ))
    }

    /// "now", "currently", "the future", "the past", "recently".
    pub(super) fn reference(&self, i: usize) -> Option<(usize, Expr)> {
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
