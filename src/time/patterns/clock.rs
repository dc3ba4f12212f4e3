//! Clock times: "5 p.m.", "10:35 a.m. EDT Thursday", "noon", "0735 GMT",
//! "4 in the morning", "five o'clock".

use super::Grammar;
use crate::time::expr::Expr;
use crate::time::lexicon;
use crate::time::token::Kind;

/// The marks after an hour: "5 p.m.".
const MERIDIEMS: &[&str] = &["a.m.", "p.m.", "a.m", "p.m", "am", "pm"];

impl Grammar<'_, '_> {
    /// A clock time with an optional time zone and day: "5 p.m.", "10:35
    /// a.m.", "4 a.m. EDT Thursday", "9 a.m. Tuesday", "noon", "0735 GMT".
    pub(super) fn clock_phrase(&self, i: usize) -> Option<(usize, Expr)> {
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
        if !self.breaks(k) && !self.is(e, "on") {
            // "9 a.m. Tuesday", "3:30 this afternoon", "8 tomorrow night"
            let day = self.day_phrase(k).or_else(|| {
                self.relative(k)
                    .filter(|(_, x)| matches!(x, Expr::PartOfDay { .. }))
            });
            if let Some((e2, day)) = day {
                let (day, hour) = match day {
                    Expr::PartOfDay { day, part } => {
                        let pm = matches!(part, "AF" | "EV" | "NI") && (1..12).contains(&hour);
                        (*day, if pm { hour + 12 } else { hour })
                    }
                    d => (d, hour),
                };
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
    pub(super) fn clock(&self, i: usize) -> Option<(usize, u32, u32)> {
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
            let n = self
                .number_word(i)
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
            .filter(|a| !self.breaks(e) && a.is_any(MERIDIEMS))
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
}
