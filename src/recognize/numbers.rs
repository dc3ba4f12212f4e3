//! Numbers: MONEY, PERCENT, QUANTITY, CARDINAL and ORDINAL, in digits and in
//! words, each with its numeric value.
//!
//! One regular expression finds number phrases (`3.5 billion`, `1,200`,
//! `twenty-five`, `two dozen`); the phrase is then classified by what stands
//! around it: a currency symbol or word makes MONEY, `%` or "percent" makes
//! PERCENT, a unit makes QUANTITY, and anything else is a CARDINAL.
//! Fractions in words ("a third", "two-thirds") are CARDINALs with their
//! value (OntoNotes); ages ("a 6-year-old") are left alone. Numbers inside
//! dates, times and durations lose to the temporal candidates in
//! [`crate::merge::resolve`], so they never leak out as CARDINALs.

use super::{ends_word, starts_word};
use crate::analysis::{Mention, Value};
use crate::automata::{Automaton, Pattern};
use crate::label::Label;
use crate::merge::{priority, Candidate};
use crate::span::Span;

/// Number words with their values (0–90).
pub(crate) const SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Magnitude words and suffixes.
const MAGNITUDES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    // South Asian news: "Rs 500 crore" is five billion rupees.
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// Ordinal words with their values.
const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 100.0),
    ("thousandth", 1000.0),
];

/// Currency symbols and codes written before the amount, with ISO codes.
const PREFIX_CURRENCIES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("U.S.$", "USD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₪", "ILS"),
    ("₴", "UAH"),
    ("₺", "TRY"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
];

/// ISO codes accepted before or after an amount.
const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "RUB", "INR", "CHF", "CAD", "AUD", "HKD", "NZD",
    "SEK", "NOK", "DKK", "PLN", "UAH", "TRY", "BRL", "KRW", "ILS", "ZAR", "MXN", "SGD", "SAR",
    "AED", "NGN", "IDR", "THB", "MYR", "EGP", "KES", "PKR", "ARS", "CLP", "COP", "PHP", "TWD",
    "VND", "HUF", "CZK", "GHS",
];

/// Currency words written after the amount, with ISO codes.
const SUFFIX_CURRENCIES: &[(&str, &str)] = &[
    ("u.s. dollars", "USD"),
    ("us dollars", "USD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("rouble", "RUB"),
    ("ruble", "RUB"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("swiss francs", "CHF"),
    ("francs", "FRF"),
    ("marks", "DEM"),
    ("deutsche marks", "DEM"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
    ("lira", "TRY"),
    ("won", "KRW"),
    ("shekels", "ILS"),
    ("pesos", "MXN"),
    ("rand", "ZAR"),
    // A nationality before the currency word names which one it is.
    ("canadian dollars", "CAD"),
    ("australian dollars", "AUD"),
    ("new zealand dollars", "NZD"),
    ("hong kong dollars", "HKD"),
    ("singapore dollars", "SGD"),
    ("taiwan dollars", "TWD"),
    ("mexican pesos", "MXN"),
    ("argentine pesos", "ARS"),
    ("chilean pesos", "CLP"),
    ("colombian pesos", "COP"),
    ("philippine pesos", "PHP"),
    ("egyptian pounds", "EGP"),
    ("indian rupees", "INR"),
    ("pakistani rupees", "PKR"),
    ("sri lankan rupees", "LKR"),
    ("south african rand", "ZAR"),
    ("kenyan shillings", "KES"),
    ("ugandan shillings", "UGX"),
    ("tanzanian shillings", "TZS"),
    ("swedish crowns", "SEK"),
    ("swedish kronor", "SEK"),
    ("norwegian crowns", "NOK"),
    ("norwegian kroner", "NOK"),
    ("danish crowns", "DKK"),
    ("danish kroner", "DKK"),
    ("czech crowns", "CZK"),
    // Currencies named by their own word.
    ("naira", "NGN"),
    ("baht", "THB"),
    ("ringgit", "MYR"),
    ("rupiah", "IDR"),
    ("dirhams", "AED"),
    ("riyals", "SAR"),
    ("zlotys", "PLN"),
    ("zloty", "PLN"),
    ("reais", "BRL"),
    ("cedis", "GHS"),
    ("forints", "HUF"),
    ("dong", "VND"),
    ("cents", "USD-cent"),
    ("pence", "GBP-penny"),
];

/// Units for QUANTITY with their normalized names.
const UNITS: &[(&str, &str)] = &[
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("square km", "km2"),
    ("square miles", "mi2"),
    ("square metres", "m2"),
    ("square meters", "m2"),
    ("sq km", "km2"),
    ("km2", "km2"),
    ("km²", "km2"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("km/h", "km/h"),
    ("kph", "km/h"),
    ("mph", "mph"),
    ("km", "km"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("cm", "cm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("mm", "mm"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("inches", "in"),
    ("inch", "in"),
    ("yards", "yd"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("kg", "kg"),
    ("grams", "g"),
    ("gram", "g"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("metric tons", "t"),
    ("tons", "ton"),
    ("ton", "ton"),
    ("lbs", "lb"),
    ("lb", "lb"),
    ("ounces", "oz"),
    ("barrels per day", "barrel/d"),
    ("barrels a day", "barrel/d"),
    ("barrels", "barrel"),
    ("barrel", "barrel"),
    ("bpd", "barrel/d"),
    ("litres", "l"),
    ("liters", "l"),
    ("litre", "l"),
    ("liter", "l"),
    ("gallons", "gal"),
    ("cubic metres", "m3"),
    ("cubic meters", "m3"),
    ("bcm", "bcm"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("degrees celsius", "°C"),
    ("degrees fahrenheit", "°F"),
    ("°c", "°C"),
    ("°f", "°F"),
    ("degrees", "°"),
    ("megawatts", "MW"),
    ("gigawatts", "GW"),
    ("mw", "MW"),
    ("gw", "GW"),
    ("kwh", "kWh"),
    ("twh", "TWh"),
    ("mbps", "Mbit/s"),
    ("gb", "GB"),
    ("tb", "TB"),
];

/// Denominators of fractions in words, singular and plural.
const DENOMINATORS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// The number-phrase pattern ([`crate::automata`]): digits with separators,
/// decimals and a magnitude, or number words (any number of them: a DFA
/// needs no bound to stay linear). ASCII digits only: a value keeps only
/// those.
pub fn number_pattern() -> String {
    let small: Vec<&str> = SMALL.iter().map(|(w, _)| *w).collect();
    let small = small.join("|");
    let word = format!("(?:{small})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?");
    let mag = "hundred|thousand|million|billion|trillion|lakhs?|crores?";
    let words = format!(
        r"(?:(?:a|one)\s+(?:dozen|{mag})|{word}|dozen)(?:(?:\s+|-)(?:and\s+)?(?:{word}|{mag}|dozen))*"
    );
    let digits = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+";
    format!(
        r"(?i:(?:{digits})(?:\s?(?:{mag})|(?:bn|mn|mln|tn|trn|k|m|b)(?-u:\b))?|(?-u:\b){words}(?-u:\b))"
    )
}

/// The ordinal pattern: `3rd`, `twenty-first`.
pub fn ordinal_pattern() -> String {
    let ord_words: Vec<&str> = ORDINALS.iter().map(|(w, _)| *w).collect();
    let tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    format!(
        r"(?i)(?-u:\b)(?:[0-9]+(?:st|nd|rd|th)|(?:(?:{tens})-)?(?:{}))(?-u:\b)",
        ord_words.join("|")
    )
}

/// The pattern of a fraction in words: "a third", "two-thirds", "one
/// half". Its parts are split by [`fraction_parts`].
pub fn fraction_pattern() -> String {
    format!(
        r"(?i)(?-u:\b)(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+|-)(?:{})(?-u:\b)",
        DENOMINATORS
            .iter()
            .map(|(w, _)| *w)
            .collect::<Vec<_>>()
            .join("|")
    )
}

/// A fraction match split into numerator and denominator words, and
/// whether a hyphen joins them.
fn fraction_parts(s: &str) -> Option<(&str, &str, bool)> {
    let num_end = s.find(|c: char| c.is_whitespace() || c == '-')?;
    let den_start = s.rfind(|c: char| c.is_whitespace() || c == '-')?;
    let den_start = den_start + s[den_start..].chars().next()?.len_utf8();
    let hyphen = s[num_end..den_start].contains('-');
    Some((&s[..num_end], &s[den_start..], hyphen))
}

fn lookup(table: &[(&str, f64)], w: &str) -> Option<f64> {
    table
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(w))
        .map(|(_, v)| *v)
}

/// The value of a number phrase as matched by [`number_pattern`]:
/// `"3.5 billion"` → 3.5e9, `"1,200"` → 1200, `"twenty-five"` → 25,
/// `"two dozen"` → 24, `"a million"` → 1e6.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let first = s.chars().next()?;
    if first.is_ascii_digit() || first == '.' {
        let end = s
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(s.len());
        let n: f64 = s[..end].replace(',', "").parse().ok()?;
        let rest = s[end..].trim();
        if rest.is_empty() {
            return Some(n);
        }
        return lookup(MAGNITUDES, rest).map(|m| n * m);
    }
    let (mut total, mut current) = (0.0f64, 0.0f64);
    let mut any = false;
    for w in s.split(|c: char| c.is_whitespace() || c == '-') {
        if w.is_empty() || w.eq_ignore_ascii_case("and") {
            continue;
        }
        if w.eq_ignore_ascii_case("a") {
            current = current.max(1.0);
            continue;
        }
        if w.eq_ignore_ascii_case("dozen") {
            current = current.max(1.0) * 12.0;
        } else if w.eq_ignore_ascii_case("hundred") {
            current = current.max(1.0) * 100.0;
        } else if let Some(m) = lookup(MAGNITUDES, w) {
            total += current.max(1.0) * m;
            current = 0.0;
        } else {
            current += lookup(SMALL, w)?;
        }
        any = true;
    }
    any.then_some(total + current)
}

/// The value of an ordinal: `"3rd"` → 3, `"twenty-first"` → 21.
pub fn parse_ordinal(s: &str) -> Option<f64> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return s.trim_end_matches(char::is_alphabetic).parse().ok();
    }
    match s.split_once('-') {
        Some((tens, unit)) => Some(lookup(SMALL, tens)? + lookup(ORDINALS, unit)?),
        None => lookup(ORDINALS, s),
    }
}

/// The longest entry of `table` that `text` starts with (ASCII
/// case-insensitive), followed by a word boundary, and its length in bytes.
fn longest_prefix<'a, T: Copy>(text: &str, table: &'a [(&'a str, T)]) -> Option<(usize, T)> {
    table
        .iter()
        .filter(|(k, _)| {
            text.len() >= k.len()
                && text.is_char_boundary(k.len())
                && text[..k.len()].eq_ignore_ascii_case(k)
                && (!k.ends_with(|c: char| c.is_alphanumeric()) || ends_word(text, k.len()))
        })
        .max_by_key(|(k, _)| k.len())
        .map(|(k, v)| (k.len(), *v))
}

/// The longest entry of `table` that `text` ends with, preceded by a
/// non-letter, and its length in bytes.
fn longest_suffix<'a, T: Copy>(text: &str, table: &'a [(&'a str, T)]) -> Option<(usize, T)> {
    table
        .iter()
        .filter(|(k, _)| {
            text.len() >= k.len()
                && text.is_char_boundary(text.len() - k.len())
                && text[text.len() - k.len()..].eq_ignore_ascii_case(k)
                && (!k.starts_with(|c: char| c.is_alphabetic())
                    || starts_word(text, text.len() - k.len()))
        })
        .max_by_key(|(k, _)| k.len())
        .map(|(k, v)| (k.len(), *v))
}

/// Spaces (at most one run of up to 2) after `at`; returns the new offset.
fn skip_space(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let n = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    if n <= 2 {
        at + n
    } else {
        at
    }
}

/// A range continuation after a number: `-3`, `–3`, ` to 3`. Returns the end
/// of the second number and its value.
fn range_tail(text: &str, at: usize, number: &Automaton) -> Option<(usize, usize, f64)> {
    let rest = &text[at..];
    let sep = ["-", "–", " to ", " - ", " – "]
        .iter()
        .find(|s| rest.starts_with(*s))?;
    let mut from = at + sep.len();
    // "$2 to $3 million": the currency may be repeated.
    if let Some(c) = text[from..]
        .chars()
        .next()
        .filter(|c| "$€£¥₹₽₩₪₴₺".contains(*c))
    {
        from += c.len_utf8();
    }
    // A bounded window keeps the search linear: a number phrase is short.
    let window = crate::span::floor_char_boundary(text, (from + 64).min(text.len()));
    let m = number
        .find(&text[from..window])
        .filter(|m| m.start() == 0)?;
    Some((from, from + m.end(), parse_number(m.as_str())?))
}

/// Pushes money, percent, quantity, cardinal and ordinal candidates.
#[inline(never)] // a pipeline stage: see crate::analyze
pub fn recognize(text: &str, out: &mut Vec<Candidate>) {
    let number = Automaton::get(Pattern::Number);
    for m in number.find_iter(text) {
        let (start, end) = (m.start(), m.end());
        // A digit run glued to letters or digits ("A320", "3D", "x86") is not
        // a number mention, except magnitude suffixes the pattern took in.
        if !starts_word(text, start) && !text[..start].ends_with(|c: char| "$€£¥₹₽₩₪₴₺".contains(c))
        {
            continue;
        }
        // A unit glued to the number ("90kg", "5km", "30°C") is kept; a
        // unit abbreviation only in lower case, so "5G" and "4K" stay out.
        let glued_unit = longest_prefix(&text[end..], UNITS).is_some_and(|(n, _)| {
            text[end..end + n]
                .chars()
                .all(|c| c.is_ascii_lowercase() || !c.is_alphabetic())
        });
        if !ends_word(text, end) && !glued_unit {
            continue;
        }
        // Ages ("a 6-year-old", "six years old") are neither counts nor, in
        // TimeML, temporal expressions.
        let tail = &text[end..crate::span::floor_char_boundary(text, (end + 16).min(text.len()))];
        if [
            "-year-old",
            "-month-old",
            "-week-old",
            "-day-old",
            " years old",
            " year old",
        ]
        .iter()
        .any(|a| {
            tail.len() >= a.len()
                && tail.is_char_boundary(a.len())
                && tail[..a.len()].eq_ignore_ascii_case(a)
        }) {
            continue;
        }
        let Some(value) = parse_number(m.as_str()) else {
            continue;
        };
        // Money with a prefix: "$3.5 billion", "US$ 10", "USD 10", "€20".
        let before = text[..start].trim_end_matches([' ', '\u{a0}']);
        let gap = start - before.len();
        let prefix = longest_suffix(before, PREFIX_CURRENCIES)
            .filter(|_| gap <= 1)
            .or_else(|| {
                ISO_CODES
                    .iter()
                    .find(|c| before.ends_with(*c) && starts_word(before, before.len() - c.len()))
                    .filter(|_| gap == 1)
                    .map(|c| (c.len(), *c))
            });
        if let Some((len, code)) = prefix {
            let mstart = before.len() - len;
            let (mut mend, mut max, mut amount) = (end, None, value);
            if let Some((s, e, hi)) = range_tail(text, end, number) {
                // "$2-3 million": the second number's magnitude applies to
                // a first number written without one.
                let hi_text = &text[s..e];
                if let Some(raw_hi) = plain_digits(hi_text).filter(|r| *r > 0.0) {
                    if plain_digits(m.as_str()) == Some(value) {
                        amount = value * (hi / raw_hi);
                    }
                }
                mend = e;
                max = Some(hi);
            }
            let mention = Mention::new(text, Span::new(mstart, mend), Label::Money).with_value(
                Value::Money {
                    amount,
                    max,
                    currency: code.to_string(),
                },
            );
            out.push(Candidate::new(mention, priority::MEASURE));
            continue;
        }
        // What follows: %, percent, a currency word, a unit.
        let after_at = skip_space(text, end);
        let after = &text[after_at..];
        if let Some(n) = [
            "%",
            "percent",
            "per cent",
            "percentage points",
            "percentage point",
            "pct",
        ]
        .iter()
        .filter(|w| {
            after.len() >= w.len()
                && after.is_char_boundary(w.len())
                && after[..w.len()].eq_ignore_ascii_case(w)
        })
        .filter(|w| **w == "%" || ends_word(after, w.len()))
        .map(|w| w.len())
        .max()
        {
            let mention = Mention::new(text, Span::new(start, after_at + n), Label::Percent)
                .with_value(Value::Number(value));
            out.push(Candidate::new(mention, priority::MEASURE));
            continue;
        }
        if let Some((n, code)) = longest_prefix(after, SUFFIX_CURRENCIES).or_else(|| {
            ISO_CODES
                .iter()
                .find(|c| after.starts_with(*c) && ends_word(after, c.len()))
                .map(|c| (c.len(), *c))
        }) {
            if after_at > end {
                let (amount, currency) = match code {
                    "USD-cent" => (value / 100.0, "USD"),
                    "GBP-penny" => (value / 100.0, "GBP"),
                    c => (value, c),
                };
                let mention = Mention::new(text, Span::new(start, after_at + n), Label::Money)
                    .with_value(Value::Money {
                        amount,
                        max: None,
                        currency: currency.to_string(),
                    });
                out.push(Candidate::new(mention, priority::MEASURE));
                continue;
            }
        }
        let unit_at = if after.starts_with('-') {
            after_at + 1
        } else {
            after_at
        };
        if let Some((n, unit)) = longest_prefix(&text[unit_at..], UNITS) {
            let glued = unit_at == end;
            let symbol = !unit.chars().all(|c| c.is_ascii_lowercase());
            if !glued || symbol || n <= 3 {
                let mention = Mention::new(text, Span::new(start, unit_at + n), Label::Quantity)
                    .with_value(Value::Quantity {
                        amount: value,
                        unit: unit.to_string(),
                    });
                out.push(Candidate::new(mention, priority::MEASURE));
                continue;
            }
        }
        let mention = Mention::new(text, Span::new(start, end), Label::Cardinal)
            .with_value(Value::Number(value));
        out.push(Candidate::new(mention, priority::NUMBER));
    }
    fractions(text, out);
    for m in Automaton::get(Pattern::Ordinal).find_iter(text) {
        if let Some(v) = parse_ordinal(m.as_str()) {
            // "second" as a unit of time ("a second") is left to the time
            // recognizer; here only its ordinal use counts.
            if m.as_str().eq_ignore_ascii_case("second") && second_is_time(text, m.start(), m.end())
            {
                continue;
            }
            let mention = Mention::new(text, Span::new(m.start(), m.end()), Label::Ordinal)
                .with_value(Value::Number(v));
            out.push(Candidate::new(mention, priority::NUMBER));
        }
    }
}

/// Fractions in words ("a third", "two-thirds") as CARDINALs with their
/// value, per OntoNotes. A singular denominator after "a"/"one" is a
/// fraction only before "of" or punctuation: "a third of the vote" is 1/3,
/// "a third term" is an ordinal.
fn fractions(text: &str, out: &mut Vec<Candidate>) {
    for m in Automaton::get(Pattern::Fraction).find_iter(text) {
        let Some((n, d, hyphen)) = fraction_parts(m.as_str()) else {
            continue;
        };
        let Some(den) = lookup(DENOMINATORS, d) else {
            continue;
        };
        let num = if n.eq_ignore_ascii_case("a") || n.eq_ignore_ascii_case("an") {
            1.0
        } else {
            match lookup(SMALL, n) {
                Some(v) => v,
                None => continue,
            }
        };
        let plural = d.ends_with(['s', 'S']);
        let after = text[m.end()..].trim_start();
        let of_or_end = after.is_empty()
            || after.starts_with(|c: char| c.is_ascii_punctuation())
            || after
                .get(..3)
                .is_some_and(|w| w.eq_ignore_ascii_case("of "));
        // "one half" and "two-thirds" are fractions wherever they stand.
        if !(plural || of_or_end || hyphen || (num > 1.0)) {
            continue;
        }
        let mention = Mention::new(text, Span::new(m.start(), m.end()), Label::Cardinal)
            .with_value(Value::Number(num / den));
        out.push(Candidate::new(mention, priority::NUMBER));
    }
}

/// A plain digit number (no magnitude) at the start of `s`.
fn plain_digits(s: &str) -> Option<f64> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    s[..end].replace(',', "").parse().ok()
}

/// "a second", "per second", "seconds": the unit, not the ordinal.
fn second_is_time(text: &str, start: usize, end: usize) -> bool {
    // Only the few bytes before matter (a bounded look keeps this linear).
    let from = crate::span::floor_char_boundary(text, start.saturating_sub(16));

    let before = text[from..start].trim_end().to_ascii_lowercase();
    let after = text[end..].trim_start();
    before.ends_with(" a") || before == "a" || before.ends_with("per") || after.starts_with("s ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Label, String, Option<Value>)> {
        let mut c = Vec::new();
        recognize(text, &mut c);
        crate::merge::resolve(c)
            .into_iter()
            .map(|m| (m.label, m.text, m.value))
            .collect()
    }

    fn money(amount: f64, currency: &str) -> Option<Value> {
        Some(Value::Money {
            amount,
            max: None,
            currency: currency.into(),
        })
    }

    #[test]
    fn parses_numbers() {
        assert_eq!(parse_number("3.5 billion"), Some(3.5e9));
        assert_eq!(parse_number("500 crore"), Some(5e9));
        assert_eq!(parse_number("2.5 lakh"), Some(2.5e5));
        assert_eq!(parse_number("1,200"), Some(1200.0));
        assert_eq!(parse_number("twenty-five"), Some(25.0));
        assert_eq!(parse_number("two dozen"), Some(24.0));
        assert_eq!(parse_number("a million"), Some(1e6));
        assert_eq!(parse_number("three hundred and twelve"), Some(312.0));
        assert_eq!(
            parse_number("two million five hundred thousand"),
            Some(2.5e6)
        );
        assert_eq!(parse_number("5bn"), Some(5e9));
        assert_eq!(parse_number("bogus"), None);
        assert_eq!(parse_ordinal("23rd"), Some(23.0));
        assert_eq!(parse_ordinal("twenty-first"), Some(21.0));
    }

    #[test]
    fn money_forms() {
        assert_eq!(
            found("a $3.5 billion deal")[0],
            (Label::Money, "$3.5 billion".into(), money(3.5e9, "USD"))
        );
        assert_eq!(
            found("costs €20 now")[0],
            (Label::Money, "€20".into(), money(20.0, "EUR"))
        );
        assert_eq!(
            found("paid 5 million euros")[0],
            (Label::Money, "5 million euros".into(), money(5e6, "EUR"))
        );
        assert_eq!(
            found("USD 10 only")[0],
            (Label::Money, "USD 10".into(), money(10.0, "USD"))
        );
        assert_eq!(
            found("£1.2bn loss")[0],
            (Label::Money, "£1.2bn".into(), money(1.2e9, "GBP"))
        );
        assert_eq!(found("50 cents")[0].2, money(0.5, "USD"));
        assert_eq!(
            found("US$ 7")[0],
            (Label::Money, "US$ 7".into(), money(7.0, "USD"))
        );
    }

    #[test]
    fn money_range() {
        let f = found("raised $2-3 million");
        assert_eq!(f[0].1, "$2-3 million");
        assert_eq!(
            f[0].2,
            Some(Value::Money {
                amount: 2e6,
                max: Some(3e6),
                currency: "USD".into()
            })
        );
    }

    #[test]
    fn percent_forms() {
        assert_eq!(
            found("up 12%")[0],
            (Label::Percent, "12%".into(), Some(Value::Number(12.0)))
        );
        assert_eq!(found("up 12 percent")[0].1, "12 percent");
        assert_eq!(found("fell 3.5 per cent.")[0].1, "3.5 per cent");
        assert_eq!(found("two percentage points")[0].1, "two percentage points");
    }

    #[test]
    fn quantities() {
        assert_eq!(
            found("a 40-km convoy")[0],
            (
                Label::Quantity,
                "40-km".into(),
                Some(Value::Quantity {
                    amount: 40.0,
                    unit: "km".into()
                })
            )
        );
        assert_eq!(
            found("1.2 million barrels per day")[0].1,
            "1.2 million barrels per day"
        );
        assert_eq!(found("it was 5°C")[0].1, "5°C");
        assert_eq!(found("300 kilometres away")[0].1, "300 kilometres");
    }

    #[test]
    fn cardinals_and_ordinals() {
        let f = found("Twenty-five people and 1,200 soldiers; the 3rd and twenty-first round");
        let labels: Vec<_> = f.iter().map(|x| (x.0, x.1.as_str(), x.2.clone())).collect();
        assert_eq!(
            labels,
            vec![
                (Label::Cardinal, "Twenty-five", Some(Value::Number(25.0))),
                (Label::Cardinal, "1,200", Some(Value::Number(1200.0))),
                (Label::Ordinal, "3rd", Some(Value::Number(3.0))),
                (Label::Ordinal, "twenty-first", Some(Value::Number(21.0))),
            ]
        );
    }

    #[test]
    fn fractions_in_words() {
        assert_eq!(fraction_parts("two-thirds"), Some(("two", "thirds", true)));
        assert_eq!(fraction_parts("a \u{a0}third"), Some(("a", "third", false)));
        let f = found("Two-thirds voted, a third of them twice; a third term.");
        let values: Vec<_> = f.iter().map(|x| (x.1.as_str(), x.2.clone())).collect();
        assert_eq!(
            values,
            vec![
                ("Two-thirds", Some(Value::Number(2.0 / 3.0))),
                ("a third", Some(Value::Number(1.0 / 3.0))),
                ("third", Some(Value::Number(3.0))),
            ]
        );
    }

    #[test]
    fn digits_are_ascii() {
        // Other scripts' digits have no value here, so they are no mention.
        assert!(found("٣٤ people").is_empty());
        assert_eq!(found("٣٤ or 34 people")[0].1, "34");
    }

    #[test]
    fn not_numbers() {
        assert!(found("the A320 and x86 chips, 3D").is_empty());
        assert!(found("someone tone phone").is_empty());
        assert!(found("wait a second").is_empty());
    }
}
