//! Label colours.
//!
//! Twenty-odd labels cannot each get a colour that every reader tells apart,
//! so labels share eight hues by family, taken from the Okabe–Ito palette
//! (distinguishable under the common colour-vision deficiencies). Colour is
//! never the only cue: every mark carries a visible label chip and a
//! screen-reader description. `static/style.css` defines each hue
//! (`.hue-0` … `.hue-7`) for light and dark schemes with text contrast of at
//! least 4.5:1 (WCAG AA), which the browser end-to-end test measures.

use crate::Label;

/// How many hues the stylesheet defines.
pub const HUES: u8 = 8;

/// The hue (0–7) a label is drawn in.
///
/// | hue | Okabe–Ito colour | labels |
/// | --- | --- | --- |
/// | 0 | vermillion | PERSON |
/// | 1 | blue | ORG |
/// | 2 | bluish green | GPE, LOC, FAC |
/// | 3 | reddish purple | other names (NORP, EVENT, MISC, …) |
/// | 4 | sky blue | DATE, TIME |
/// | 5 | orange | MONEY |
/// | 6 | yellow | PERCENT, QUANTITY, CARDINAL, ORDINAL |
/// | 7 | grey | EMAIL, URL, PHONE, HASHTAG, MENTION |
pub fn hue(label: Label) -> u8 {
    match label {
        Label::Person => 0,
        Label::Org => 1,
        Label::Gpe | Label::Loc | Label::Fac => 2,
        Label::Date | Label::Time => 4,
        Label::Money => 5,
        Label::Percent | Label::Quantity | Label::Cardinal | Label::Ordinal => 6,
        Label::Email | Label::Url | Label::Phone | Label::Hashtag | Label::Mention => 7,
        // Every other label names something.
        _ => 3,
    }
}

/// The CSS class that paints a label: `hue-N`.
pub fn class(label: Label) -> &'static str {
    const CLASSES: [&str; HUES as usize] = [
        "hue-0", "hue-1", "hue-2", "hue-3", "hue-4", "hue-5", "hue-6", "hue-7",
    ];
    CLASSES
        .get(usize::from(hue(label)))
        .copied()
        .unwrap_or("hue-3")
}
