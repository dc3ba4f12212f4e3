//! Grouping mentions into real-world entities ("who is who").
//!
//! Names are grouped by their normalized form: case, possessive `'s` and
//! surrounding punctuation do not split an entity. Numbers, dates and
//! contacts are grouped by their normalized value, so "$3.5 billion" twice
//! is one entity with two mentions.

use crate::analysis::{Entity, Mention, Value};
use std::collections::HashMap;

/// The key two mentions must share to be one entity.
fn key(m: &Mention) -> String {
    match &m.value {
        Some(Value::Time { timex, .. }) => format!("T:{timex}"),
        Some(Value::Text(t)) => format!("V:{t}"),
        _ => normalize_name(&m.text),
    }
}

/// A name without case, possessive or outer punctuation: `"Iran’s"` → `iran`.
pub fn normalize_name(text: &str) -> String {
    let t = text.trim_matches(|c: char| !c.is_alphanumeric());
    let t = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .unwrap_or(t);
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Groups `mentions` into entities, setting each mention's `entity`.
/// Entities are ordered by label, then by mention count (most first), then
/// by first appearance.
pub fn group(mentions: &mut [Mention]) -> Vec<Entity> {
    let mut index: HashMap<(crate::Label, String), usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let k = (m.label, key(m));
        let e = *index.entry(k).or_insert_with(|| {
            entities.push(Entity {
                label: m.label,
                name: m.text.clone(),
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        let ent = &mut entities[e];
        ent.mentions.push(i);
        if m.text.len() > ent.name.len() {
            let old = std::mem::replace(&mut ent.name, m.text.clone());
            push_alias(ent, old);
        } else if m.text != ent.name {
            push_alias(ent, m.text.clone());
        }
    }
    // Stable order for the sidebar, then renumber the mentions' references.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (ea, eb) = (&entities[a], &entities[b]);
        ea.label
            .cmp(&eb.label)
            .then(eb.mentions.len().cmp(&ea.mentions.len()))
            .then(ea.mentions[0].cmp(&eb.mentions[0]))
    });
    let mut sorted = Vec::with_capacity(entities.len());
    for (new, &old) in order.iter().enumerate() {
        for &mi in &entities[old].mentions {
            mentions[mi].entity = Some(new);
        }
        sorted.push(std::mem::replace(
            &mut entities[old],
            Entity {
                label: crate::Label::Misc,
                name: String::new(),
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: Vec::new(),
            },
        ));
    }
    sorted
}

fn push_alias(e: &mut Entity, alias: String) {
    if alias != e.name && !e.aliases.contains(&alias) {
        e.aliases.push(alias);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Label, Span};

    #[test]
    fn groups_by_normalized_name_and_value() {
        let text = "Iran said. Iran’s envoy. IRAN. $5 and $5.";
        let mut ms = vec![
            Mention::new(text, Span::new(0, 4), Label::Gpe),
            Mention::new(text, Span::new(11, 19), Label::Gpe),
            Mention::new(text, Span::new(27, 31), Label::Gpe),
        ];
        let es = group(&mut ms);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].mentions, vec![0, 1, 2]);
        assert_eq!(es[0].name, "Iran’s");
        assert!(ms.iter().all(|m| m.entity == Some(0)));
        assert_eq!(normalize_name("“Putin’s”"), "putin");
    }

    #[test]
    fn most_mentioned_first_within_label() {
        let text = "A B B";
        let mut ms = vec![
            Mention::new(text, Span::new(0, 1), Label::Person),
            Mention::new(text, Span::new(2, 3), Label::Person),
            Mention::new(text, Span::new(4, 5), Label::Person),
        ];
        let es = group(&mut ms);
        assert_eq!(es[0].name, "B");
        assert_eq!(es[0].mentions, vec![1, 2]);
        assert_eq!(ms[0].entity, Some(1));
    }
}
