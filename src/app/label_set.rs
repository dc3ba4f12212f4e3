//! A small set of [`Label`]s (the labels the user has hidden).

use crate::Label;

/// A set of labels, one bit per entry of [`Label::ALL`]; `Copy` and cheap
/// to compare, so components can take it as a prop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LabelSet(u64);

/// The bit of a label: its position in [`Label::ALL`] (which has fewer than
/// 64 entries).
fn bit(label: Label) -> u64 {
    Label::ALL
        .iter()
        .position(|&l| l == label)
        .map_or(0, |i| 1u64 << (i % 64))
}

impl LabelSet {
    /// The empty set.
    pub const fn new() -> Self {
        LabelSet(0)
    }

    /// True when `label` is in the set.
    pub fn contains(self, label: Label) -> bool {
        self.0 & bit(label) != 0
    }

    /// The set with `label` added or removed.
    pub fn toggled(self, label: Label) -> Self {
        LabelSet(self.0 ^ bit(label))
    }

    /// True when the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The labels in the set, in [`Label::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Label> {
        Label::ALL.into_iter().filter(move |&l| self.contains(l))
    }

    /// The labels as a comma-separated list of names (`"DATE,MONEY"`), for
    /// storage.
    pub fn to_names(self) -> String {
        self.iter().map(Label::as_str).collect::<Vec<_>>().join(",")
    }

    /// Parses [`LabelSet::to_names`]' format, ignoring unknown names.
    pub fn from_names(names: &str) -> Self {
        names
            .split(',')
            .filter_map(|n| n.trim().parse::<Label>().ok())
            .fold(LabelSet::new(), |set, l| {
                if set.contains(l) {
                    set
                } else {
                    set.toggled(l)
                }
            })
    }
}
