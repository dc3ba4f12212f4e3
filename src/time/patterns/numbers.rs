//! Numbers inside temporal expressions: "20", "1.5", "5 1/2", "two",
//! "twenty-five", "a", "two and a half".

use super::Grammar;
use crate::time::lexicon;
use crate::time::token::Kind;

impl Grammar<'_, '_> {
    /// A number at `i`: digits ("20", "1.5", "5 1/2"), words ("two",
    /// "twenty-five", "a", "an"), with "and a half".
    pub(super) fn number(&self, i: usize) -> Option<(usize, f64)> {
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
            let v = self.number_word(i)?;
            if t.is("dozen") || t.is("hundred") {
                return None;
            }
            let mut end = i + 1;
            let mut n = v;
            // "twenty-five", "twenty five"
            if (20.0..=90.0).contains(&v) {
                let k = if self.glued(end, "-") { end + 1 } else { end };
                if let Some(u) = self.number_word(k).filter(|u| (1.0..=9.0).contains(u)) {
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
    pub(super) fn fraction(&self, i: usize) -> Option<(usize, f64)> {
        let a = self.tok(i).filter(|t| t.space_before)?.number()?;
        if !self.glued(i + 1, "/") {
            return None;
        }
        let b = self.tok(i + 2).filter(|t| !t.space_before)?.number()?;
        (a < b && b <= 10).then(|| (i + 3, f64::from(a) / f64::from(b)))
    }
}
