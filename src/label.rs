//! Entity labels: the OntoNotes/spaCy names where they exist, plus contact
//! and handle labels, plus `MISC` for a name of no finer type.

use std::fmt;
use std::str::FromStr;

/// What kind of thing a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// People, including fictional.
    Person,
    /// Nationalities, religious or political groups ("Russian", "Democrats").
    Norp,
    /// Buildings, airports, highways, bridges.
    Fac,
    /// Companies, agencies, institutions.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE locations: regions, mountains, rivers.
    Loc,
    /// Objects, vehicles, foods (not services).
    Product,
    /// Named wars, storms, sports events.
    Event,
    /// Titles of books, songs, films.
    WorkOfArt,
    /// Named documents made into laws.
    Law,
    /// Any named language.
    Language,
    /// Absolute or relative dates or periods.
    Date,
    /// Times smaller than a day.
    Time,
    /// Percentages.
    Percent,
    /// Monetary values.
    Money,
    /// Measurements, as of weight or distance.
    Quantity,
    /// "first", "2nd".
    Ordinal,
    /// Numerals that do not fall under another type.
    Cardinal,
    /// E-mail addresses.
    Email,
    /// Web addresses.
    Url,
    /// Telephone numbers.
    Phone,
    /// `#hashtags`.
    Hashtag,
    /// `@handles`.
    Mention,
    /// A name of no finer type.
    Misc,
}

impl Label {
    /// Every label, in the order the sidebar lists them.
    pub const ALL: [Label; 24] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Norp,
        Label::Fac,
        Label::Event,
        Label::WorkOfArt,
        Label::Product,
        Label::Law,
        Label::Language,
        Label::Misc,
        Label::Date,
        Label::Time,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Cardinal,
        Label::Ordinal,
        Label::Email,
        Label::Url,
        Label::Phone,
        Label::Hashtag,
        Label::Mention,
    ];

    /// The label's name as written in JSON and in `data-label`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Product => "PRODUCT",
            Label::Event => "EVENT",
            Label::WorkOfArt => "WORK_OF_ART",
            Label::Law => "LAW",
            Label::Language => "LANGUAGE",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Percent => "PERCENT",
            Label::Money => "MONEY",
            Label::Quantity => "QUANTITY",
            Label::Ordinal => "ORDINAL",
            Label::Cardinal => "CARDINAL",
            Label::Email => "EMAIL",
            Label::Url => "URL",
            Label::Phone => "PHONE",
            Label::Hashtag => "HASHTAG",
            Label::Mention => "MENTION",
            Label::Misc => "MISC",
        }
    }

    /// A short human description, for tooltips and the sidebar.
    pub const fn description(self) -> &'static str {
        match self {
            Label::Person => "Person",
            Label::Norp => "Nationality or group",
            Label::Fac => "Facility",
            Label::Org => "Organization",
            Label::Gpe => "Country, city or state",
            Label::Loc => "Location",
            Label::Product => "Product",
            Label::Event => "Event",
            Label::WorkOfArt => "Work of art",
            Label::Law => "Law",
            Label::Language => "Language",
            Label::Date => "Date",
            Label::Time => "Time",
            Label::Percent => "Percentage",
            Label::Money => "Money",
            Label::Quantity => "Quantity",
            Label::Ordinal => "Ordinal",
            Label::Cardinal => "Number",
            Label::Email => "E-mail",
            Label::Url => "URL",
            Label::Phone => "Phone",
            Label::Hashtag => "Hashtag",
            Label::Mention => "Handle",
            Label::Misc => "Other name",
        }
    }

    /// The CoNLL-2003 type a name label maps back to (`PER`, `ORG`, `LOC`,
    /// `MISC`), or `None` for labels CoNLL does not annotate.
    pub const fn conll(self) -> Option<&'static str> {
        match self {
            Label::Person => Some("PER"),
            Label::Org => Some("ORG"),
            Label::Gpe | Label::Loc | Label::Fac => Some("LOC"),
            Label::Norp
            | Label::Event
            | Label::Product
            | Label::WorkOfArt
            | Label::Law
            | Label::Language
            | Label::Misc => Some("MISC"),
            _ => None,
        }
    }

    /// True for labels that name things (the tagger's and gazetteers'
    /// labels), as opposed to time, numbers and contacts.
    pub const fn is_name(self) -> bool {
        self.conll().is_some()
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a string that names no label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLabel(pub String);

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown label {:?}", self.0)
    }
}

impl std::error::Error for UnknownLabel {}

impl FromStr for Label {
    type Err = UnknownLabel;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Label::ALL
            .iter()
            .copied()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownLabel(s.to_string()))
    }
}

impl serde::Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Label {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_label() {
        for l in Label::ALL {
            assert_eq!(l.as_str().parse::<Label>(), Ok(l));
        }
        assert!("NOPE".parse::<Label>().is_err());
    }

    #[test]
    fn conll_mapping() {
        assert_eq!(Label::Gpe.conll(), Some("LOC"));
        assert_eq!(Label::Norp.conll(), Some("MISC"));
        assert_eq!(Label::Date.conll(), None);
        assert!(Label::Person.is_name());
        assert!(!Label::Email.is_name());
    }
}
