//! TIMEX3 duration values: `P2Y`, `PT5H30M`, `P18M`, `PXY`.

use super::lexicon::Unit;

/// The designator and the factor to it for a unit: decades are written
/// in years (`P10Y`), fortnights in weeks, weekends in days.
fn designator(unit: Unit) -> (&'static str, f64) {
    match unit {
        Unit::Second => ("S", 1.0),
        Unit::Minute => ("M", 1.0),
        Unit::Hour => ("H", 1.0),
        Unit::Day => ("D", 1.0),
        Unit::Weekend => ("D", 2.0),
        Unit::Week => ("W", 1.0),
        Unit::Fortnight => ("W", 2.0),
        Unit::Month => ("M", 1.0),
        Unit::Quarter => ("M", 3.0),
        Unit::Year => ("Y", 1.0),
        Unit::Decade => ("Y", 10.0),
        Unit::Century => ("Y", 100.0),
    }
}

/// The next smaller unit and how many of it make one of `unit`, for
/// writing fractions ("1.5 years" is `P18M`).
fn smaller(unit: Unit) -> Option<(Unit, f64)> {
    match unit {
        Unit::Year => Some((Unit::Month, 12.0)),
        Unit::Month => Some((Unit::Day, 30.0)),
        Unit::Week | Unit::Fortnight => Some((Unit::Day, 7.0 * designator(unit).1)),
        Unit::Day | Unit::Weekend => Some((Unit::Hour, 24.0 * designator(unit).1)),
        Unit::Hour => Some((Unit::Minute, 60.0)),
        Unit::Minute => Some((Unit::Second, 60.0)),
        Unit::Quarter => Some((Unit::Month, 3.0)),
        Unit::Decade => Some((Unit::Year, 10.0)),
        Unit::Century => Some((Unit::Year, 100.0)),
        Unit::Second => None,
    }
}

/// The duration value of `amount` units; `None` amount gives the vague
/// form (`PXY`, `PXDE` for decades, `PXCE` for centuries).
pub fn value(unit: Unit, amount: Option<f64>) -> String {
    let t = if unit.is_clock() { "T" } else { "" };
    let Some(n) = amount else {
        let d = match unit {
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Fortnight => "W",
            Unit::Weekend => "WE",
            u => designator(u).0,
        };
        return format!("P{t}X{d}");
    };
    let (d, factor) = designator(unit);
    let total = n * factor;
    if total.fract().abs() > 1e-9 {
        if let Some((small, k)) = smaller(unit) {
            let whole = total.trunc();
            let rest = (total.fract() * k / factor * factor).round();
            // "5 1/2 hours" is PT5H30M; "1.5 years" is P18M.
            if unit.is_clock() && whole > 0.0 {
                let (sd, _) = designator(small);
                return format!("PT{}{d}{}{sd}", whole_text(whole), whole_text(rest));
            }
            return value(small, Some(n * k));
        }
        // Seconds have no smaller unit: the fraction is written out
        // ("2.5 seconds" is PT2.5S, not PT3S), to the millisecond.
        let text = format!("{total:.3}");
        return format!(
            "P{t}{}{d}",
            text.trim_end_matches('0').trim_end_matches('.')
        );
    }
    format!("P{t}{}{d}", whole_text(total.round()))
}

/// A whole number as text, through integer formatting where it fits (the
/// float formatter is a large piece of cold code at the page's start-up).
fn whole_text(n: f64) -> String {
    if n.abs() < 9.0e15 {
        (n as i64).to_string()
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(value(Unit::Year, Some(2.0)), "P2Y");
        assert_eq!(value(Unit::Hour, Some(5.0)), "PT5H");
        assert_eq!(value(Unit::Hour, Some(5.5)), "PT5H30M");
        assert_eq!(value(Unit::Hour, Some(0.5)), "PT30M");
        assert_eq!(value(Unit::Year, Some(1.5)), "P18M");
        assert_eq!(value(Unit::Decade, Some(4.0)), "P40Y");
        assert_eq!(value(Unit::Week, Some(2.0)), "P2W");
        assert_eq!(value(Unit::Fortnight, Some(1.0)), "P2W");
        assert_eq!(value(Unit::Year, None), "PXY");
        assert_eq!(value(Unit::Hour, None), "PTXH");
        assert_eq!(value(Unit::Decade, None), "PXDE");
        assert_eq!(value(Unit::Day, Some(14.0)), "P14D");
        assert_eq!(value(Unit::Second, Some(2.5)), "PT2.5S");
        assert_eq!(value(Unit::Second, Some(9.58)), "PT9.58S");
        assert_eq!(value(Unit::Minute, Some(1.5)), "PT1M30S");
    }
}
