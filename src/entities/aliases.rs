//! Known aliases of places ("U.S." = "United States") and demonyms linking
//! a nationality to its country ("Russian" → "Russia").
//!
//! These are small, hand-checked tables of the forms news text uses most;
//! the gazetteers extend coverage for tagging.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Alias groups: every form in a row names the same place; the first is the
/// canonical name. Compared case-insensitively, dots ignored.
const PLACE_ALIASES: &[&[&str]] = &[
    &[
        "United States",
        "US",
        "USA",
        "United States of America",
        "America",
        "the United States",
        "the US",
        "the USA",
    ],
    &[
        "United Kingdom",
        "UK",
        "Britain",
        "Great Britain",
        "the UK",
        "the United Kingdom",
    ],
    &["Russia", "Russian Federation", "the Russian Federation"],
    &["European Union", "EU", "the EU", "the European Union"],
    &["United Nations", "UN", "the UN", "the United Nations"],
    &[
        "China",
        "People's Republic of China",
        "PRC",
        "the PRC",
        "Mainland China",
    ],
    &["South Korea", "Republic of Korea", "ROK"],
    &[
        "North Korea",
        "DPRK",
        "Democratic People's Republic of Korea",
    ],
    &["United Arab Emirates", "UAE", "the UAE"],
    &["Netherlands", "the Netherlands", "Holland"],
    &["Czech Republic", "Czechia"],
    &["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    &["Myanmar", "Burma"],
    &[
        "Democratic Republic of Congo",
        "DRC",
        "DR Congo",
        "Democratic Republic of the Congo",
    ],
    &["Turkey", "Türkiye", "Turkiye"],
    &["Kyiv", "Kiev"],
    &["North Atlantic Treaty Organization", "NATO", "Nato"],
    &["World Health Organization", "WHO"],
    &["International Monetary Fund", "IMF"],
    &["Federal Bureau of Investigation", "FBI"],
    &["Central Intelligence Agency", "CIA"],
];

/// Nationalities and the country they belong to.
const DEMONYMS: &[(&str, &str)] = &[
    ("American", "United States"),
    ("Americans", "United States"),
    ("British", "United Kingdom"),
    ("Briton", "United Kingdom"),
    ("Britons", "United Kingdom"),
    ("Russian", "Russia"),
    ("Russians", "Russia"),
    ("Ukrainian", "Ukraine"),
    ("Ukrainians", "Ukraine"),
    ("Chinese", "China"),
    ("French", "France"),
    ("German", "Germany"),
    ("Germans", "Germany"),
    ("Italian", "Italy"),
    ("Italians", "Italy"),
    ("Spanish", "Spain"),
    ("Japanese", "Japan"),
    ("Indian", "India"),
    ("Indians", "India"),
    ("Israeli", "Israel"),
    ("Israelis", "Israel"),
    ("Palestinian", "Palestine"),
    ("Palestinians", "Palestine"),
    ("Iranian", "Iran"),
    ("Iranians", "Iran"),
    ("Iraqi", "Iraq"),
    ("Iraqis", "Iraq"),
    ("Syrian", "Syria"),
    ("Syrians", "Syria"),
    ("Turkish", "Turkey"),
    ("Polish", "Poland"),
    ("Dutch", "Netherlands"),
    ("Swiss", "Switzerland"),
    ("Swedish", "Sweden"),
    ("Canadian", "Canada"),
    ("Canadians", "Canada"),
    ("Mexican", "Mexico"),
    ("Brazilian", "Brazil"),
    ("Australian", "Australia"),
    ("Egyptian", "Egypt"),
    ("Saudi", "Saudi Arabia"),
    ("Pakistani", "Pakistan"),
    ("Afghan", "Afghanistan"),
    ("Korean", "South Korea"),
    ("South Korean", "South Korea"),
    ("North Korean", "North Korea"),
    ("European", "European Union"),
    ("Greek", "Greece"),
    ("Belgian", "Belgium"),
    ("Austrian", "Austria"),
    ("Irish", "Ireland"),
    ("Norwegian", "Norway"),
    ("Danish", "Denmark"),
    ("Finnish", "Finland"),
    ("Hungarian", "Hungary"),
    ("Romanian", "Romania"),
    ("Serbian", "Serbia"),
    ("Croatian", "Croatia"),
    ("Belarusian", "Belarus"),
    ("Georgian", "Georgia"),
    ("Nigerian", "Nigeria"),
    ("Kenyan", "Kenya"),
    ("South African", "South Africa"),
    ("Argentine", "Argentina"),
    ("Venezuelan", "Venezuela"),
    ("Cuban", "Cuba"),
    ("Lebanese", "Lebanon"),
    ("Jordanian", "Jordan"),
    ("Qatari", "Qatar"),
    ("Yemeni", "Yemen"),
    ("Taiwanese", "Taiwan"),
    ("Vietnamese", "Vietnam"),
    ("Thai", "Thailand"),
    ("Indonesian", "Indonesia"),
    ("Filipino", "Philippines"),
    ("Bosnian", "Bosnia"),
    ("Albanian", "Albania"),
    ("Chechen", "Chechnya"),
];

/// Lower-cases and drops dots and a leading "the ": `"the U.S."` → `us`.
fn fold(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| *c != '.')
        .collect::<String>()
        .to_lowercase();
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// The canonical name of a known place alias, if `name` is one.
pub fn canonical_place(name: &str) -> Option<&'static str> {
    // Folded once: asked for every place mention, and folding the whole
    // table each time was most of the entity stage on long texts.
    static FOLDED: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let table = FOLDED.get_or_init(|| {
        let mut map = HashMap::new();
        for row in PLACE_ALIASES {
            for a in row.iter() {
                map.entry(fold(a)).or_insert(row[0]);
            }
        }
        map
    });
    table.get(&fold(name)).copied()
}

/// The country a demonym belongs to: `"Russian"` → `"Russia"`.
pub fn country_of_demonym(name: &str) -> Option<&'static str> {
    DEMONYMS
        .iter()
        .find(|(d, _)| d.eq_ignore_ascii_case(name.trim()))
        .map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_fold_case_dots_and_article() {
        assert_eq!(canonical_place("U.S."), Some("United States"));
        assert_eq!(canonical_place("the United States"), Some("United States"));
        assert_eq!(canonical_place("America"), Some("United States"));
        assert_eq!(canonical_place("Britain"), Some("United Kingdom"));
        assert_eq!(canonical_place("Us"), Some("United States"));
        assert_eq!(canonical_place("Narnia"), None);
    }

    #[test]
    fn demonyms() {
        assert_eq!(country_of_demonym("Russian"), Some("Russia"));
        assert_eq!(country_of_demonym("Martian"), None);
    }
}
