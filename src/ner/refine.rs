//! Finer labels for the tagger's four CoNLL types.
//!
//! Conservative by design: a finer label is given only when a gazetteer or
//! a head word is sure, otherwise the coarse one stays.
//! - PER → PERSON; ORG → ORG.
//! - LOC → FAC for facility head words ("Heathrow Airport", "White House")
//!   and a few one-word buildings ("Kremlin"), LOC for natural
//!   features and regions (head words such as "River", "Sea", "Mountains";
//!   continents and world regions from the gazetteer; a short list of
//!   regions like "Middle East"), otherwise GPE (countries, cities, states:
//!   most place names in news).
//! - MISC → NORP for demonyms (gazetteer) and religious or political groups,
//!   LANGUAGE for a language name followed by "language" or "-speaking",
//!   EVENT for event head words ("World Cup", "Olympics", "Grand Prix"),
//!   LAW for treaties and acts, otherwise MISC.
//!
//! Every refined label maps back to the same CoNLL type
//! ([`Label::conll`]), so refinement never changes CoNLL accuracy.

use super::gazetteer::{cat, Gazetteer};
use super::{Name, NameType};
use crate::label::Label;

const NATURAL_HEADS: &[&str] = &[
    "river",
    "sea",
    "ocean",
    "gulf",
    "lake",
    "lakes",
    "mountain",
    "mountains",
    "mount",
    "mt.",
    "valley",
    "island",
    "islands",
    "bay",
    "strait",
    "straits",
    "peninsula",
    "desert",
    "basin",
    "coast",
    "canal",
    "channel",
    "plateau",
    "falls",
    "delta",
    "forest",
    "glacier",
    "cape",
    "strip",
    "bank",
    "hills",
    "range",
    "region",
    "heights",
];

const FACILITY_HEADS: &[&str] = &[
    "airport",
    "bridge",
    "stadium",
    "tower",
    "towers",
    "street",
    "avenue",
    "highway",
    "palace",
    "station",
    "square",
    "arena",
    "dam",
    "tunnel",
    "motorway",
    "boulevard",
    "cathedral",
    "mosque",
    "temple",
    "prison",
    "park",
    "house",
];

/// Buildings named by one word that stand for their institution.
const FACILITIES: &[&str] = &["kremlin", "pentagon", "elysee", "élysée"];

const REGIONS: &[&str] = &[
    "middle east",
    "west bank",
    "balkans",
    "caucasus",
    "sahara",
    "siberia",
    "arctic",
    "antarctic",
    "mediterranean",
    "himalayas",
    "alps",
    "andes",
    "amazon",
    "scandinavia",
    "persian gulf",
    "gulf",
    "far east",
    "near east",
    "horn of africa",
    "sub-saharan africa",
    "latin america",
    "the west",
    "west",
    "east",
    "north",
    "south",
    "kashmir",
];

const GROUPS: &[&str] = &[
    "muslim",
    "muslims",
    "christian",
    "christians",
    "catholic",
    "catholics",
    "protestant",
    "protestants",
    "jew",
    "jews",
    "jewish",
    "islamic",
    "hindu",
    "hindus",
    "buddhist",
    "buddhists",
    "sikh",
    "sikhs",
    "sunni",
    "sunnis",
    "shi'ite",
    "shi'ites",
    "shiite",
    "shiites",
    "shia",
    "democrat",
    "democrats",
    "republican",
    "republicans",
    "communist",
    "communists",
    "socialist",
    "socialists",
    "conservative",
    "conservatives",
    "kurd",
    "kurds",
    "kurdish",
    "arab",
    "arabs",
    "serb",
    "serbs",
    "croat",
    "croats",
    "tamil",
    "tamils",
    "hutu",
    "hutus",
    "tutsi",
    "tutsis",
    "palestinian",
    "palestinians",
    "islamist",
    "islamists",
    "orthodox",
    "zionist",
    "maoist",
    "maoists",
    "marxist",
    "taliban",
    "latino",
    "latinos",
    "hispanic",
    "hispanics",
];

const EVENT_HEADS: &[&str] = &[
    "cup",
    "championship",
    "championships",
    "olympics",
    "games",
    "open",
    "prix",
    "war",
    "tour",
    "marathon",
    "rally",
    "festival",
    "summit",
    "classic",
    "masters",
    "grand slam",
    "series",
    "tournament",
    "trophy",
    "world cup",
    "olympiad",
    "revolution",
    "election",
    "elections",
];

const LAW_HEADS: &[&str] = &[
    "act",
    "treaty",
    "accord",
    "accords",
    "constitution",
    "amendment",
    "convention",
    "bill",
    "charter",
    "protocol",
];

fn last_word(s: &str) -> String {
    s.rsplit(|c: char| c.is_whitespace() || c == '-')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

fn first_word(s: &str) -> String {
    s.split(char::is_whitespace)
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

/// The label for a name found by the tagger, from its type, its text and
/// the text right after it.
pub fn label(text: &str, name: Name, gazetteer: &Gazetteer) -> Label {
    let s = name.span.slice(text);
    // The two countries news writes as initials are places, never an
    // organization of that name ("the UK and US agreed").
    if name.kind != NameType::Per && matches!(s, "US" | "U.S." | "UK" | "U.K.") {
        return Label::Gpe;
    }
    match name.kind {
        NameType::Per => Label::Person,
        NameType::Org => Label::Org,
        NameType::Loc => {
            let mask = gazetteer.lookup(s);
            let head = last_word(s);
            let first = first_word(s);
            let lower = s.to_lowercase();
            if mask & (cat::COUNTRY | cat::STATE | cat::BIG_CITY) != 0 {
                Label::Gpe
            } else if (s.contains(char::is_whitespace) && FACILITY_HEADS.contains(&head.as_str()))
                || FACILITIES.contains(&lower.as_str())
            {
                Label::Fac
            } else if mask & cat::REGION != 0
                || NATURAL_HEADS.contains(&head.as_str())
                || matches!(first.as_str(), "mount" | "lake" | "gulf" | "cape" | "mt.")
                || REGIONS.contains(&lower.as_str())
            {
                Label::Loc
            } else {
                Label::Gpe
            }
        }
        NameType::Misc => {
            let mask = gazetteer.lookup(s);
            let lower = s.to_lowercase();
            let head = last_word(s);
            // Only the next word matters: lower-casing the rest of the
            // document for every name made long texts quadratic.
            let end = crate::span::floor_char_boundary(text, name.span.end + 16);
            let after = text.get(name.span.end..end).unwrap_or("");
            let after = after.trim_start_matches([' ', '-']).to_lowercase();
            if mask & cat::LANGUAGE != 0
                && (after.starts_with("language") || after.starts_with("speaking"))
            {
                Label::Language
            } else if mask & cat::DEMONYM != 0 || GROUPS.contains(&lower.as_str()) {
                Label::Norp
            } else if s.contains(char::is_whitespace)
                && (EVENT_HEADS.contains(&head.as_str())
                    || lower.starts_with("tour de ")
                    || lower.contains(" world cup"))
                || lower == "olympics"
            {
                Label::Event
            } else if s.contains(char::is_whitespace) && LAW_HEADS.contains(&head.as_str()) {
                Label::Law
            } else {
                Label::Misc
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn lab(text: &str, target: &str, kind: NameType) -> Label {
        let gaz = Gazetteer::parse(
            "# country\nFrance\n# demonym\nFrench\n# language\nFrench\n# region\nEurope\n",
        );
        let start = text.find(target).unwrap_or(0);
        let name = Name {
            span: Span::new(start, start + target.len()),
            kind,
        };
        label(text, name, &gaz)
    }

    #[test]
    fn refines_locations() {
        assert_eq!(lab("in France today", "France", NameType::Loc), Label::Gpe);
        assert_eq!(
            lab("in Smallville today", "Smallville", NameType::Loc),
            Label::Gpe
        );
        assert_eq!(lab("across Europe", "Europe", NameType::Loc), Label::Loc);
        assert_eq!(
            lab("the Danube River", "Danube River", NameType::Loc),
            Label::Loc
        );
        assert_eq!(
            lab("the Middle East", "Middle East", NameType::Loc),
            Label::Loc
        );
        assert_eq!(
            lab("at Heathrow Airport", "Heathrow Airport", NameType::Loc),
            Label::Fac
        );
    }

    #[test]
    fn refines_misc_conservatively() {
        assert_eq!(lab("French wine", "French", NameType::Misc), Label::Norp);
        assert_eq!(
            lab("the French language", "French", NameType::Misc),
            Label::Language
        );
        assert_eq!(
            lab("Shiite militias", "Shiite", NameType::Misc),
            Label::Norp
        );
        assert_eq!(
            lab("the World Cup final", "World Cup", NameType::Misc),
            Label::Event
        );
        assert_eq!(
            lab("the Maastricht Treaty", "Maastricht Treaty", NameType::Misc),
            Label::Law
        );
        assert_eq!(
            lab("a Boeing 747", "Boeing 747", NameType::Misc),
            Label::Misc
        );
        assert_eq!(
            lab("Bill Gates", "Bill Gates", NameType::Per),
            Label::Person
        );
        assert_eq!(lab("Reuters", "Reuters", NameType::Org), Label::Org);
    }

    #[test]
    fn every_refinement_keeps_the_conll_type() {
        for (kind, conll) in [
            (NameType::Loc, "LOC"),
            (NameType::Misc, "MISC"),
            (NameType::Per, "PER"),
            (NameType::Org, "ORG"),
        ] {
            for s in [
                "France",
                "Europe",
                "Danube River",
                "Heathrow Airport",
                "French",
                "World Cup",
            ] {
                assert_eq!(lab(s, s, kind).conll(), Some(conll));
            }
        }
    }
}
