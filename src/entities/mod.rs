//! Grouping mentions into real-world entities ("who is who").
//!
//! Names are grouped in passes over a union–find of mentions:
//! 1. the same name (case, possessive `'s`, honorifics and outer
//!    punctuation aside) is the same entity;
//! 2. known place aliases join ("U.S." = "United States", [`aliases`]);
//! 3. an acronym joins its long form when defined in parentheses
//!    ("International Atomic Energy Agency (IAEA)") or when its letters are
//!    the initials of an organization named in the text;
//! 4. a person's surname or given name alone joins the full name used in
//!    the text — the most recent one before it, so two people who share a
//!    surname stay apart ("Bill Clinton ... Clinton ... Hillary Clinton ...
//!    Clinton").
//!
//! Titles before a name and appositives after it are kept as the entity's
//! roles ([`roles`]). A nationality is linked to its country
//! ([`Entity::country`](crate::Entity)) rather than merged into it. Numbers, dates and contacts
//! are grouped by their normalized value.

pub mod aliases;
pub mod gender;
pub mod roles;

use crate::analysis::{Entity, Mention, Value};
use crate::label::Label;
use std::collections::HashMap;

/// Honorifics dropped from a name's key ("Mr. Putin" = "Putin").
const HONORIFICS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame",
];

/// Connecting words ignored when forming initials.
const INITIAL_STOPWORDS: &[&str] = &["of", "the", "and", "for", "on", "in", "de", "&"];

/// Words that begin a surname of several words ("Ursula von der Leyen",
/// "Luiz Inácio Lula da Silva", "Dick Van Dyke"), compared lower-cased.
const SURNAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la", "le",
    "ten", "ter", "bin", "ibn", "al", "el", "zu",
];

/// The surname of several words that a person's name `key` (a grouping
/// key: lower case, single spaces) ends with, from its first particle on:
/// `ursula von der leyen` → `von der leyen`. None without a particle after
/// the first word, or when the particle is the last word.
fn particle_surname(key: &str) -> Option<&str> {
    let mut at = key.find(' ')? + 1;
    while at < key.len() {
        let word_end = key[at..].find(' ').map_or(key.len(), |e| at + e);
        if SURNAME_PARTICLES.contains(&&key[at..word_end]) {
            return (word_end < key.len()).then(|| &key[at..]);
        }
        at = word_end + 1;
    }
    None
}

/// Legal-form and group words a company's full name ends with ("Nvidia
/// Corp.", "Volkswagen AG", "Goldman Sachs Group Inc"), compared on the
/// grouping key (lower case).
const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "limited",
    "plc",
    "llc",
    "ag",
    "sa",
    "s.a.",
    "nv",
    "n.v.",
    "se",
    "gmbh",
    "group",
    "holdings",
    "holding",
];

/// A company's name without its legal form: `nvidia corp.` → `nvidia`,
/// `goldman sachs group inc` → `goldman sachs`. None when the key has no
/// such suffix or is nothing but one.
fn company_base(key: &str) -> Option<&str> {
    let mut base = key;
    while let Some((head, last)) = base.rsplit_once(' ') {
        if !COMPANY_SUFFIXES.contains(&last) {
            break;
        }
        base = head.trim_end_matches(',');
    }
    (base.len() < key.len()).then_some(base)
}

/// Kinship nouns that introduce a relative of someone already named.
const KIN: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "father",
    "mother",
    "cousin",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "grandson",
    "granddaughter",
    "stepson",
    "stepdaughter",
    "widow",
    "widower",
];

/// True when the name at `start` follows a kinship noun after a possessive
/// ("his son, Hunter Biden", "Milei's sister Karina Milei", "her husband
/// Paul Pelosi").
fn introduced_as_relative(text: &str, start: usize) -> bool {
    let from = crate::span::floor_char_boundary(text, start.saturating_sub(40));
    let before = text[from..start].trim_end().trim_end_matches(',');
    let mut words = before.rsplit(|c: char| c.is_whitespace());
    let Some(kin) = words.next() else {
        return false;
    };
    let owner = words.next().unwrap_or("");
    KIN.iter().any(|k| k.eq_ignore_ascii_case(kin))
        && (matches!(owner.to_ascii_lowercase().as_str(), "his" | "her" | "their")
            || owner.ends_with("'s")
            || owner.ends_with("’s"))
}

/// A name as displayed: outer quotes and punctuation and a possessive
/// removed, case kept (`“Iran’s”` → `Iran`, `U.S.` stays `U.S.`).
pub fn display_name(text: &str) -> &str {
    let t = text.trim_matches(|c: char| c.is_whitespace() || "\"“”‘’'«»()[]{},;:".contains(c));
    let t = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .or_else(|| t.strip_suffix('\''))
        .or_else(|| t.strip_suffix('’'))
        .unwrap_or(t);
    t.trim_end_matches(|c: char| c.is_whitespace() || c == ',')
}

/// A name's grouping key: the display name lower-cased, without honorifics
/// or a leading "the".
pub fn normalize_name(text: &str) -> String {
    let lower = display_name(text).to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.len() > 1 && (HONORIFICS.contains(&words[0]) || words[0] == "the") {
        words.remove(0);
    }
    words.join(" ")
}

/// The key two non-name mentions must share to be one entity.
fn value_key(m: &Mention) -> String {
    match &m.value {
        Some(Value::Time { timex, .. }) => format!("T:{timex}"),
        Some(Value::Text(t)) => format!("V:{t}"),
        _ => normalize_name(&m.text),
    }
}

/// Union–find over mention indices.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; the smaller index stays the root, so
    /// a root is always its set's first mention.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// The initials of a multi-word name: "International Atomic Energy Agency"
/// → "IAEA".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !INITIAL_STOPWORDS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

/// True for an acronym-looking name: 2–8 letters, all capitals (dots
/// allowed, a lower-case letter inside allowed as in "DoD").
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    (2..=8).contains(&letters.len())
        && letters.iter().all(|c| c.is_alphabetic())
        && letters.iter().filter(|c| c.is_uppercase()).count() >= letters.len().max(2) - 1
        && letters.first().is_some_and(|c| c.is_uppercase())
}

/// An acronym defined in parentheses right after the mention `long`
/// ending at `end`: "... Agency (IAEA)" → "IAEA". As in Schwartz & Hearst
/// (2003), the acronym's letters must occur in order in the long form, the
/// first one opening one of its words: "Lebanon (UNIFIL)", where the
/// tagger cut "U.N. Interim Force in Lebanon" short, defines nothing.
fn defined_acronym<'t>(text: &'t str, long: &str, end: usize) -> Option<&'t str> {
    let rest = text[end..].trim_start_matches([' ', '\u{a0}']);
    let rest = rest.strip_prefix('(')?;
    let close = rest.find(')')?;
    let inner = rest[..close].trim();
    (is_acronym(inner) && abbreviates(inner, long)).then_some(inner)
}

/// True when the letters of `acronym` occur in order in `long` (case
/// ignored), the first one at the start of a word of `long`.
fn abbreviates(acronym: &str, long: &str) -> bool {
    let mut letters = acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let Some(first) = letters.next() else {
        return false;
    };
    let lower: Vec<char> = long.chars().flat_map(char::to_lowercase).collect();
    let Some(start) = (0..lower.len())
        .find(|&i| lower[i] == first && (i == 0 || !lower[i - 1].is_alphanumeric()))
    else {
        return false;
    };
    let mut rest = lower[start + 1..].iter();
    letters.all(|c| rest.any(|&l| l == c))
}

/// Groups `mentions` of `text` into entities, setting each mention's
/// `entity` (and giving acronyms and aliases their long form's label).
/// Entities are ordered by label, then by mention count (most first), then
/// by first appearance.
#[inline(never)] // a pipeline stage: see crate::analyze
pub fn group(text: &str, mentions: &mut [Mention]) -> Vec<Entity> {
    let n = mentions.len();
    let mut sets = Sets((0..n).collect());
    let keys: Vec<String> = mentions
        .iter()
        .map(|m| {
            if m.label.is_name() {
                normalize_name(&m.text)
            } else {
                value_key(m)
            }
        })
        .collect();

    // Full person names (two or more words) by their first and last word,
    // and by a surname of several words ("von der Leyen"), for pass 4; each
    // list is in text order.
    let mut full_by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let toks: Vec<&str> = keys[i].split_whitespace().collect();
        if m.label == Label::Person && toks.len() >= 2 {
            full_by_word.entry(toks[0]).or_default().push(i);
            if let Some(last) = toks.last().filter(|l| **l != toks[0]) {
                full_by_word.entry(last).or_default().push(i);
            }
            if let Some(surname) = particle_surname(&keys[i]) {
                full_by_word.entry(surname).or_default().push(i);
            }
        }
    }
    // A lone surname or given name that some full name carries is settled by
    // pass 4, not by its spelling: "Clinton" may be two people. A surname
    // of several words counts as lone when it starts with its particle.
    let lone = |i: usize| {
        let key = keys[i].as_str();
        let one_name = !key.contains(' ')
            || key
                .split(' ')
                .next()
                .is_some_and(|w| SURNAME_PARTICLES.contains(&w));
        mentions[i].label == Label::Person && one_name && full_by_word.contains_key(key)
    };

    // 1. Same key, same label.
    let mut first_of: HashMap<(bool, Label, &str), usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if lone(i) {
            continue;
        }
        // Names with the same key join across fine name labels only through
        // the later passes; here the label must match.
        let slot = (m.label.is_name(), m.label, keys[i].as_str());
        match first_of.get(&slot) {
            Some(&j) => sets.union(i, j),
            None => {
                first_of.insert(slot, i);
            }
        }
    }

    // 2. Place aliases. A place and an organization with the same alias
    // stay apart: the dateline "UNITED NATIONS" is where the story was
    // filed, the "U.N." of its body the organization.
    let mut canon_first: HashMap<(&'static str, bool), usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if matches!(m.label, Label::Gpe | Label::Loc | Label::Org) {
            if let Some(c) = aliases::canonical_place(display_name(&m.text)) {
                let c = (c, m.label == Label::Org);
                match canon_first.get(&c) {
                    Some(&j) => sets.union(i, j),
                    None => {
                        canon_first.insert(c, i);
                    }
                }
            }
        }
    }

    // 3. Acronyms: defined in parentheses, else by initials. Initials alone
    // never join an organization to a place ("U.N." and the dateline
    // "UNITED NATIONS"): only a definition is sure enough for that.
    let mut acronym_of: HashMap<String, (usize, bool)> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if matches!(
            m.label,
            Label::Org
                | Label::Gpe
                | Label::Loc
                | Label::Misc
                | Label::Fac
                | Label::Event
                | Label::Law
        ) {
            if let Some(a) = defined_acronym(text, &m.text, m.span.end) {
                acronym_of.insert(a.replace('.', ""), (i, true));
            } else if display_name(&m.text).split_whitespace().count() >= 2 {
                acronym_of
                    .entry(initials(display_name(&m.text)))
                    .or_insert((i, false));
            }
        }
    }
    let place = |l: Label| matches!(l, Label::Gpe | Label::Loc | Label::Fac);
    let clash = |a: Label, b: Label| (a == Label::Org && place(b)) || (b == Label::Org && place(a));
    for (i, m) in mentions.iter().enumerate() {
        let name = display_name(&m.text);
        if m.label.is_name() && is_acronym(name) {
            if let Some(&(long, defined)) = acronym_of.get(&name.replace('.', "")) {
                if long != i && (defined || !clash(m.label, mentions[long].label)) {
                    sets.union(i, long);
                }
            }
        }
    }

    // 3b. A company's short name joins its full name: "Nvidia" and
    // "Nvidia Corp.".
    let orgs: Vec<(usize, Option<&str>)> = (0..n)
        .filter(|&i| mentions[i].label == Label::Org)
        .map(|i| (i, company_base(&keys[i])))
        .collect();
    let mut company: HashMap<&str, usize> = HashMap::new();
    for &(i, base) in &orgs {
        if let Some(base) = base {
            company.entry(base).or_insert(i);
        }
    }
    for &(i, base) in &orgs {
        if let Some(&j) = company.get(base.unwrap_or(&keys[i])) {
            sets.union(i, j);
        }
    }

    // 4. Surnames and given names join the most recent full name. A
    // relative introduced as one ("his son, Hunter Biden") keeps the
    // surname only when no other full name carries it: news names the
    // relative in full and the main person by surname.
    // (Only full person names are looked up: `full_by_word` holds no other.)
    let relative: Vec<bool> = mentions
        .iter()
        .map(|m| m.label == Label::Person && introduced_as_relative(text, m.span.start))
        .collect();
    for i in (0..n).filter(|&i| lone(i)) {
        let Some(all) = full_by_word.get(keys[i].as_str()) else {
            continue;
        };
        let others: Vec<usize> = all.iter().copied().filter(|&j| !relative[j]).collect();
        let fulls = if others.is_empty() || others.len() == all.len() {
            all
        } else {
            &others
        };
        let k = fulls.partition_point(|&j| j < i);
        let chosen = if k > 0 {
            Some(fulls[k - 1])
        } else {
            // Before any full name, only an unambiguous one is trusted.
            let first = fulls[0];
            fulls
                .iter()
                .all(|&j| keys[j] == keys[first])
                .then_some(first)
        };
        if let Some(j) = chosen {
            sets.union(i, j);
        }
    }

    build(text, mentions, &mut sets)
}

/// Turns the union–find into ordered entities and sets the mentions'
/// references.
fn build(text: &str, mentions: &mut [Mention], sets: &mut Sets) -> Vec<Entity> {
    let n = mentions.len();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        members.entry(sets.find(i)).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = members.into_values().collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    let mut entities: Vec<Entity> = groups
        .into_iter()
        .map(|g| {
            // The fullest form names the entity and gives it its label.
            let best = *g
                .iter()
                .max_by_key(|&&i| (display_name(&mentions[i].text).len(), std::cmp::Reverse(i)))
                .unwrap_or(&g[0]);
            let label = mentions[best].label;
            let name = display_name(&mentions[best].text).to_string();
            let mut aliases: Vec<String> = Vec::new();
            let mut roles: Vec<String> = Vec::new();
            for &i in &g {
                let shown = display_name(&mentions[i].text);
                if shown != name && !aliases.iter().any(|a| a == shown) {
                    aliases.push(shown.to_string());
                }
                if label == Label::Person {
                    let span = mentions[i].span;
                    for r in [
                        roles::before(text, span.start),
                        roles::before_appositive(text, span.start, span.end),
                        roles::after(text, span.end),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        let r = r.slice(text).to_string();
                        if !roles.contains(&r) {
                            roles.push(r);
                        }
                    }
                }
            }
            let country = (label == Label::Norp)
                .then(|| aliases::country_of_demonym(&name).map(str::to_string))
                .flatten();
            Entity {
                label,
                name,
                aliases,
                roles,
                mentions: g,
                country,
            }
        })
        .collect();
    entities.sort_by(|a, b| {
        a.label
            .cmp(&b.label)
            .then(b.mentions.len().cmp(&a.mentions.len()))
            .then(a.mentions[0].cmp(&b.mentions[0]))
    });
    for (e, ent) in entities.iter().enumerate() {
        for &i in &ent.mentions {
            mentions[i].entity = Some(e);
            if mentions[i].label.is_name() {
                mentions[i].label = ent.label;
            }
        }
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    /// Mentions for each `(substring, label)`, found left to right.
    fn mentions(text: &str, items: &[(&str, Label)]) -> Vec<Mention> {
        let mut at = 0;
        items
            .iter()
            .map(|(s, l)| {
                let start = at + text[at..].find(s).expect("substring present");
                at = start + s.len();
                Mention::new(text, Span::new(start, at), *l)
            })
            .collect()
    }

    fn names(text: &str, items: &[(&str, Label)]) -> (Vec<Mention>, Vec<Entity>) {
        let mut ms = mentions(text, items);
        let es = group(text, &mut ms);
        (ms, es)
    }

    #[test]
    fn same_name_modulo_case_possessive_and_honorific() {
        let t = "Iran said. Iran’s envoy. IRAN. Mr. Smith and Smith's dog.";
        let (ms, es) = names(
            t,
            &[
                ("Iran", Label::Gpe),
                ("Iran’s", Label::Gpe),
                ("IRAN", Label::Gpe),
                ("Mr. Smith", Label::Person),
                ("Smith's", Label::Person),
            ],
        );
        assert_eq!(es.len(), 2);
        assert_eq!(ms[0].entity, ms[2].entity);
        assert_eq!(ms[3].entity, ms[4].entity);
        assert_eq!(normalize_name("“Putin’s”"), "putin");
    }

    #[test]
    fn surname_joins_full_name_with_roles() {
        let t = "Russian President Vladimir Putin spoke. Putin said so. Dmitry Peskov, the Kremlin spokesperson, agreed. Peskov added.";
        let (ms, es) = names(
            t,
            &[
                ("Vladimir Putin", Label::Person),
                ("Putin", Label::Person),
                ("Dmitry Peskov", Label::Person),
                ("Peskov", Label::Person),
            ],
        );
        assert_eq!(ms[0].entity, ms[1].entity);
        assert_eq!(ms[2].entity, ms[3].entity);
        assert_ne!(ms[0].entity, ms[2].entity);
        let putin = &es[ms[0].entity.unwrap_or(99)];
        assert_eq!(putin.name, "Vladimir Putin");
        assert_eq!(putin.aliases, vec!["Putin"]);
        assert_eq!(putin.roles, vec!["Russian President"]);
        let peskov = &es[ms[2].entity.unwrap_or(99)];
        assert_eq!(peskov.roles, vec!["Kremlin spokesperson"]);
    }

    #[test]
    fn a_surname_of_several_words_joins_its_full_name() {
        let t = "Ursula von der Leyen met Li Qiang. \"Yes,\" von der Leyen said. Van Dyke and Dick Van Dyke.";
        let (ms, es) = names(
            t,
            &[
                ("Ursula von der Leyen", Label::Person),
                ("Li Qiang", Label::Person),
                ("von der Leyen", Label::Person),
                ("Dick Van Dyke", Label::Person),
            ],
        );
        assert_eq!(ms[0].entity, ms[2].entity);
        assert_ne!(ms[0].entity, ms[1].entity);
        let ursula = &es[ms[0].entity.unwrap_or(99)];
        assert_eq!(ursula.aliases, vec!["von der Leyen"]);
        assert_eq!(particle_surname("dick van dyke"), Some("van dyke"));
        assert_eq!(
            particle_surname("ursula von der leyen"),
            Some("von der leyen")
        );
        assert_eq!(particle_surname("van morrison"), None);
        assert_eq!(particle_surname("jean de"), None);
        assert_eq!(particle_surname("vladimir putin"), None);
    }

    #[test]
    fn a_company_joins_its_full_name() {
        let t = "Nvidia Corp. rose. Nvidia said. Goldman Sachs Group Inc fell; Goldman Sachs and Volkswagen AG, Volkswagen.";
        let (ms, _) = names(
            t,
            &[
                ("Nvidia Corp.", Label::Org),
                ("Nvidia", Label::Org),
                ("Goldman Sachs Group Inc", Label::Org),
                ("Goldman Sachs", Label::Org),
                ("Volkswagen AG", Label::Org),
                ("Volkswagen", Label::Org),
            ],
        );
        assert_eq!(ms[0].entity, ms[1].entity);
        assert_eq!(ms[2].entity, ms[3].entity);
        assert_eq!(ms[4].entity, ms[5].entity);
        assert_ne!(ms[0].entity, ms[2].entity);
        assert_eq!(company_base("apple inc."), Some("apple"));
        assert_eq!(company_base("group"), None);
        assert_eq!(company_base("apple"), None);
    }

    #[test]
    fn a_relative_does_not_take_the_main_persons_surname() {
        let t = "President Joe Biden pardoned his son, Hunter Biden, on Sunday. Biden said he believed in justice.";
        let (ms, _) = names(
            t,
            &[
                ("Joe Biden", Label::Person),
                ("Hunter Biden", Label::Person),
                ("Biden", Label::Person),
            ],
        );
        assert_eq!(ms[2].entity, ms[0].entity);
        assert_ne!(ms[1].entity, ms[0].entity);
        assert!(introduced_as_relative(t, t.find("Hunter").unwrap_or(0)));
        let t = "Javier Milei's sister Karina Milei";
        assert!(introduced_as_relative(t, t.find("Karina").unwrap_or(0)));
        assert!(!introduced_as_relative(t, 0));
    }

    #[test]
    fn shared_surname_stays_apart() {
        let t = "Bill Clinton spoke first. Clinton laughed. Then Hillary Clinton spoke. Clinton smiled.";
        let (ms, es) = names(
            t,
            &[
                ("Bill Clinton", Label::Person),
                ("Clinton", Label::Person),
                ("Hillary Clinton", Label::Person),
                ("Clinton", Label::Person),
            ],
        );
        assert_eq!(es.len(), 2);
        assert_eq!(ms[0].entity, ms[1].entity);
        assert_eq!(ms[2].entity, ms[3].entity);
        assert_ne!(ms[0].entity, ms[2].entity);
    }

    #[test]
    fn ambiguous_surname_before_any_full_name_stays_alone() {
        let t = "Clinton spoke. Bill Clinton and Hillary Clinton.";
        let (ms, es) = names(
            t,
            &[
                ("Clinton", Label::Person),
                ("Bill Clinton", Label::Person),
                ("Hillary Clinton", Label::Person),
            ],
        );
        assert_eq!(es.len(), 3);
        assert_ne!(ms[0].entity, ms[1].entity);
    }

    #[test]
    fn acronyms_and_aliases() {
        let t = "The International Atomic Energy Agency (IAEA) said. IAEA staff. The U.S. and the United States and America. The World Food Programme and WFP.";
        let (ms, es) = names(
            t,
            &[
                ("International Atomic Energy Agency", Label::Org),
                ("IAEA", Label::Org),
                ("IAEA", Label::Gpe),
                ("U.S.", Label::Gpe),
                ("United States", Label::Gpe),
                ("America", Label::Gpe),
                ("World Food Programme", Label::Org),
                ("WFP", Label::Org),
            ],
        );
        assert_eq!(ms[0].entity, ms[1].entity);
        assert_eq!(ms[0].entity, ms[2].entity);
        assert_eq!(
            ms[2].label,
            Label::Org,
            "acronym takes its long form's label"
        );
        assert_eq!(ms[3].entity, ms[4].entity);
        assert_eq!(ms[3].entity, ms[5].entity);
        assert_eq!(ms[6].entity, ms[7].entity);
        let us = &es[ms[3].entity.unwrap_or(99)];
        assert_eq!(us.name, "United States");
        assert_eq!(us.mentions.len(), 3);
    }

    #[test]
    fn an_acronym_in_parentheses_must_abbreviate_the_name_before_it() {
        let t = "the U.N. Interim Force in Lebanon (UNIFIL). UNIFIL said.";
        let (ms, _) = names(
            t,
            &[
                ("U.N. Interim Force", Label::Org),
                ("Lebanon", Label::Gpe),
                ("UNIFIL", Label::Org),
            ],
        );
        assert_ne!(ms[1].entity, ms[2].entity);
        assert_eq!(ms[2].label, Label::Org, "not the label of Lebanon");
        assert!(abbreviates("WHO", "World Health Organization"));
        assert!(abbreviates(
            "OECD",
            "Organisation for Economic Co-operation and Development"
        ));
        assert!(abbreviates("U.N.", "United Nations"));
        assert!(!abbreviates("UNIFIL", "Lebanon"));
        assert!(!abbreviates("EU", "Brussels"));
    }

    #[test]
    fn a_dateline_place_does_not_relabel_the_organization() {
        let t =
            "UNITED NATIONS 1996-08-29\nThe Palestinian U.N. observer mission and the U.N. said.";
        let (ms, _) = names(
            t,
            &[
                ("UNITED NATIONS", Label::Gpe),
                ("U.N.", Label::Org),
                ("U.N.", Label::Org),
            ],
        );
        assert_ne!(ms[0].entity, ms[1].entity);
        assert_eq!(ms[1].entity, ms[2].entity);
        assert_eq!(ms[1].label, Label::Org);
        assert_eq!(ms[0].label, Label::Gpe);
    }

    #[test]
    fn demonym_links_to_country_without_merging() {
        let t = "Russian officials in Russia.";
        let (ms, es) = names(t, &[("Russian", Label::Norp), ("Russia", Label::Gpe)]);
        assert_ne!(ms[0].entity, ms[1].entity);
        let norp = &es[ms[0].entity.unwrap_or(99)];
        assert_eq!(norp.country.as_deref(), Some("Russia"));
    }

    #[test]
    fn values_group_and_order_by_count() {
        let t = "$5 then A B B and $5";
        let mut ms = mentions(
            t,
            &[
                ("$5", Label::Money),
                ("A", Label::Person),
                ("B", Label::Person),
                ("B", Label::Person),
                ("$5", Label::Money),
            ],
        );
        ms[0].value = Some(Value::Money {
            amount: 5.0,
            max: None,
            currency: "USD".into(),
        });
        ms[4].value = ms[0].value.clone();
        let es = group(t, &mut ms);
        assert_eq!(es[0].name, "B");
        assert_eq!(es[0].mentions, vec![2, 3]);
        assert_eq!(ms[0].entity, ms[4].entity);
    }
}
