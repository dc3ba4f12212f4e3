//! Holidays with fixed or computed dates: "Christmas", "Thanksgiving Day",
//! "Easter", "Election Day" (U.S. conventions where they differ).

use super::token::Token;
use chrono::{Datelike, NaiveDate, Weekday};

/// A named holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// December 25.
    Christmas,
    /// December 24.
    ChristmasEve,
    /// January 1.
    NewYearsDay,
    /// December 31.
    NewYearsEve,
    /// July 4.
    IndependenceDay,
    /// October 31.
    Halloween,
    /// February 14.
    Valentines,
    /// December 26.
    BoxingDay,
    /// U.S. Thanksgiving: the fourth Thursday of November.
    Thanksgiving,
    /// U.S. Labor Day: the first Monday of September.
    LaborDay,
    /// U.S. Memorial Day: the last Monday of May.
    MemorialDay,
    /// U.S. Election Day: the Tuesday after the first Monday of November.
    ElectionDay,
    /// Western Easter Sunday.
    Easter,
    /// The Friday before Easter.
    GoodFriday,
    /// The Sunday before Easter.
    PalmSunday,
    /// Forty-six days before Easter.
    AshWednesday,
    /// The day after U.S. Thanksgiving.
    BlackFriday,
    /// The Monday after U.S. Thanksgiving.
    CyberMonday,
}

impl Holiday {
    /// The holiday's date in `year`.
    pub fn date(self, year: i32) -> Option<NaiveDate> {
        let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
        match self {
            Holiday::Christmas => ymd(12, 25),
            Holiday::ChristmasEve => ymd(12, 24),
            Holiday::NewYearsDay => ymd(1, 1),
            Holiday::NewYearsEve => ymd(12, 31),
            Holiday::IndependenceDay => ymd(7, 4),
            Holiday::Halloween => ymd(10, 31),
            Holiday::Valentines => ymd(2, 14),
            Holiday::BoxingDay => ymd(12, 26),
            Holiday::Thanksgiving => {
                NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4)
            }
            Holiday::LaborDay => NaiveDate::from_weekday_of_month_opt(year, 9, Weekday::Mon, 1),
            Holiday::MemorialDay => {
                let last = ymd(5, 31)?;
                let back = last.weekday().num_days_from_monday();
                last.checked_sub_days(chrono::Days::new(u64::from(back)))
            }
            Holiday::ElectionDay => {
                NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Mon, 1)?.succ_opt()
            }
            Holiday::Easter => easter(year),
            Holiday::GoodFriday => easter(year)?.checked_sub_days(chrono::Days::new(2)),
            Holiday::PalmSunday => easter(year)?.checked_sub_days(chrono::Days::new(7)),
            Holiday::AshWednesday => easter(year)?.checked_sub_days(chrono::Days::new(46)),
            Holiday::BlackFriday => Holiday::Thanksgiving.date(year)?.succ_opt(),
            Holiday::CyberMonday => Holiday::Thanksgiving
                .date(year)?
                .checked_add_days(chrono::Days::new(4)),
        }
    }
}

/// Western Easter Sunday (the anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Holiday names as token sequences (matched case-insensitively, each
/// word capitalized in the text).
pub(super) const NAMES: &[(&[&str], Holiday)] = &[
    (&["Christmas", "Eve"], Holiday::ChristmasEve),
    (&["Christmas", "Day"], Holiday::Christmas),
    (&["Christmas"], Holiday::Christmas),
    (&["New", "Year", "'", "s", "Day"], Holiday::NewYearsDay),
    (&["New", "Year", "'", "s", "Eve"], Holiday::NewYearsEve),
    (&["New", "Year", "’", "s", "Day"], Holiday::NewYearsDay),
    (&["New", "Year", "’", "s", "Eve"], Holiday::NewYearsEve),
    (&["Independence", "Day"], Holiday::IndependenceDay),
    (&["Halloween"], Holiday::Halloween),
    (&["Valentine", "'", "s", "Day"], Holiday::Valentines),
    (&["Valentine", "’", "s", "Day"], Holiday::Valentines),
    (&["Boxing", "Day"], Holiday::BoxingDay),
    (&["Thanksgiving", "Day"], Holiday::Thanksgiving),
    (&["Thanksgiving"], Holiday::Thanksgiving),
    (&["Labor", "Day"], Holiday::LaborDay),
    (&["Memorial", "Day"], Holiday::MemorialDay),
    (&["Election", "Day"], Holiday::ElectionDay),
    (&["Easter", "Sunday"], Holiday::Easter),
    (&["Good", "Friday"], Holiday::GoodFriday),
    (&["Palm", "Sunday"], Holiday::PalmSunday),
    (&["Ash", "Wednesday"], Holiday::AshWednesday),
    (&["Black", "Friday"], Holiday::BlackFriday),
    (&["Cyber", "Monday"], Holiday::CyberMonday),
    (&["Easter"], Holiday::Easter),
];

/// The longest holiday name starting at token `i`: its end token and the
/// holiday.
pub fn find(toks: &[Token<'_>], i: usize) -> Option<(usize, Holiday)> {
    NAMES.iter().find_map(|(words, h)| {
        let end = i + words.len();
        let all = toks.get(i..end)?.iter().zip(words.iter()).all(|(t, w)| {
            t.is(w) && (t.capitalized() || !w.starts_with(char::is_alphabetic) || w.len() == 1)
        });
        all.then_some((end, *h))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_holidays() {
        let d = |h: Holiday, y| h.date(y).map(|d| d.to_string());
        assert_eq!(d(Holiday::Easter, 2000).as_deref(), Some("2000-04-23"));
        assert_eq!(d(Holiday::Easter, 2024).as_deref(), Some("2024-03-31"));
        assert_eq!(
            d(Holiday::Thanksgiving, 1999).as_deref(),
            Some("1999-11-25")
        );
        assert_eq!(d(Holiday::ElectionDay, 1998).as_deref(), Some("1998-11-03"));
        assert_eq!(d(Holiday::MemorialDay, 2023).as_deref(), Some("2023-05-29"));
        assert_eq!(d(Holiday::LaborDay, 2023).as_deref(), Some("2023-09-04"));
        assert_eq!(d(Holiday::GoodFriday, 2024).as_deref(), Some("2024-03-29"));
        assert_eq!(
            d(Holiday::AshWednesday, 2024).as_deref(),
            Some("2024-02-14")
        );
        assert_eq!(d(Holiday::BlackFriday, 2023).as_deref(), Some("2023-11-24"));
    }
}
