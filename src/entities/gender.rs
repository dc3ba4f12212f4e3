//! Which pronoun fits a person: "she said" should find the nearest woman,
//! not the nearest person.
//!
//! A person's gender is taken only from what the text says or a name makes
//! near-certain, in this order:
//! 1. gendered titles and roles: "Mrs.", "Queen", "spokeswoman", "Sir",
//!    "Prince", "chairman" — in the entity's roles, right before one of its
//!    mentions, or as the mention's first word;
//! 2. the given name of a full name (two words or more), from
//!    `models/given_names.txt`: names that the 1990 US Census gives almost
//!    only to one sex, plus common international names (see
//!    `tools/build_given_names.py`).
//!
//! Anything else is unknown, and an unknown person fits every pronoun.
//! Conflicting evidence also gives unknown.

use crate::analysis::{Entity, Mention};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The gender a pronoun (he/she) refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// "she", "her".
    Female,
    /// "he", "his".
    Male,
}

/// Titles and role words that name a woman (lower case, no final dot).
const FEMALE_WORDS: &[&str] = &[
    "mrs",
    "ms",
    "miss",
    "madam",
    "madame",
    "mme",
    "lady",
    "dame",
    "queen",
    "princess",
    "duchess",
    "baroness",
    "countess",
    "empress",
    "sister",
    "mother",
    "wife",
    "daughter",
    "grandmother",
    "widow",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "councilwoman",
    "businesswoman",
    "sportswoman",
    "actress",
    "policewoman",
];

/// Titles and role words that name a man (lower case, no final dot).
const MALE_WORDS: &[&str] = &[
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "duke",
    "baron",
    "emperor",
    "pope",
    "ayatollah",
    "sheikh",
    "brother",
    "father",
    "husband",
    "son",
    "grandfather",
    "widower",
    "spokesman",
    "chairman",
    "congressman",
    "councilman",
    "businessman",
    "sportsman",
    "policeman",
];

/// The gender a pronoun asks for: `he` → male, `she` → female, anything
/// else (`they`) → no constraint.
pub fn of_pronoun(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" => Some(Gender::Male),
        "she" | "her" | "hers" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a title or role word names (`"Mrs."`, `"spokeswoman"`).
pub fn of_word(word: &str) -> Option<Gender> {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if FEMALE_WORDS.contains(&w.as_str()) {
        Some(Gender::Female)
    } else if MALE_WORDS.contains(&w.as_str()) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The given-name lists, parsed once.
fn given_names() -> &'static HashMap<&'static str, Gender> {
    static NAMES: OnceLock<HashMap<&'static str, Gender>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut map = HashMap::new();
        let mut section = None;
        for line in include_str!("../../models/given_names.txt").lines() {
            match line.strip_prefix("# ") {
                Some("female") => section = Some(Gender::Female),
                Some("male") => section = Some(Gender::Male),
                Some(_) => section = None,
                None => {
                    if let Some(g) = section.filter(|_| !line.is_empty()) {
                        map.insert(line, g);
                    }
                }
            }
        }
        map
    })
}

/// The gender of a full name's given name ("Angela Merkel" → female). A
/// single word may be a surname, so it tells nothing.
pub fn of_full_name(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    given_names().get(first).copied()
}

/// The last word of `text` before byte `start`, on the same line.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let from = crate::span::floor_char_boundary(text, start.saturating_sub(24));
    let window = text.get(from..start)?.trim_end();
    let line = window.rsplit('\n').next()?;
    line.split_whitespace().next_back()
}

/// The gender of `entity` (a person) from its roles, the words around its
/// mentions and its given name; `None` when nothing tells, or the evidence
/// conflicts.
pub fn of_entity(text: &str, entity: &Entity, mentions: &[Mention]) -> Option<Gender> {
    let roles = entity.roles.iter().flat_map(|r| r.split_whitespace());
    let around = entity
        .mentions
        .iter()
        .filter_map(|&i| mentions.get(i))
        .flat_map(|m| {
            [
                word_before(text, m.span.start),
                m.text.split_whitespace().next(),
            ]
        })
        .flatten();
    let mut said = roles.chain(around).filter_map(of_word);
    match said.next() {
        Some(g) if said.all(|h| h == g) => Some(g),
        Some(_) => None,
        None => of_full_name(&entity.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns() {
        assert_eq!(of_pronoun("She"), Some(Gender::Female));
        assert_eq!(of_pronoun("he"), Some(Gender::Male));
        assert_eq!(of_pronoun("they"), None);
    }

    #[test]
    fn titles_and_roles() {
        assert_eq!(of_word("Mrs."), Some(Gender::Female));
        assert_eq!(of_word("spokeswoman"), Some(Gender::Female));
        assert_eq!(of_word("Mr"), Some(Gender::Male));
        assert_eq!(of_word("minister"), None);
    }

    #[test]
    fn given_names_from_the_census_and_the_extra_list() {
        assert_eq!(of_full_name("Mary Robinson"), Some(Gender::Female));
        assert_eq!(of_full_name("Angela Merkel"), Some(Gender::Female));
        assert_eq!(of_full_name("James Baker"), Some(Gender::Male));
        assert_eq!(of_full_name("Vladimir Putin"), Some(Gender::Male));
        // Used for both sexes: no guess.
        assert_eq!(of_full_name("Jordan Peele"), None);
        assert_eq!(of_full_name("Taylor Swift"), None);
        // One word may be a surname.
        assert_eq!(of_full_name("Mary"), None);
    }
}
