//! The typed result of [`crate::analyze`]: mentions with spans, labels and
//! normalized values, and the document date they were resolved against.

use crate::label::Label;
use crate::span::Span;
use chrono::NaiveDate;

/// What a temporal value measures (TimeML's TIMEX3 `type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeKind {
    /// A calendar date or period: `2023-12-15`, `2023-W50`, `199X`.
    Date,
    /// A time of day: `2023-12-15T17:00`.
    Time,
    /// A length of time: `P2Y`.
    Duration,
    /// A recurrence: `XXXX-WXX-1` ("every Monday").
    Set,
}

impl TimeKind {
    /// Lower-case name used in JSON (`"date"`, `"time"`, `"duration"`, `"set"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            TimeKind::Date => "date",
            TimeKind::Time => "time",
            TimeKind::Duration => "duration",
            TimeKind::Set => "set",
        }
    }
}

/// A mention's normalized value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A TIMEX3 value such as `2023-12-15`, `P2Y` or `PRESENT_REF`.
    Time {
        /// The TIMEX3 value string.
        timex: String,
        /// Date, time, duration or set.
        kind: TimeKind,
    },
    /// A plain number: cardinals, ordinals (`3` for "third") and percentages
    /// (`12.5` for "12.5%").
    Number(f64),
    /// An amount of money in units of an ISO 4217 currency.
    Money {
        /// The amount (`3.5e9` for "$3.5 billion"); the low end of a range.
        amount: f64,
        /// The high end of a range ("$2-3 million"), if any.
        max: Option<f64>,
        /// ISO 4217 code, e.g. `USD`.
        currency: String,
    },
    /// A measured quantity.
    Quantity {
        /// The amount.
        amount: f64,
        /// The unit, normalized (`km`, `t`, `°C`, `barrel`).
        unit: String,
    },
    /// Any other normalized form (a URL with its scheme, a phone number in
    /// E.164-like digits, a lower-cased e-mail address).
    Text(String),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Time { timex, .. } => f.write_str(timex),
            Value::Number(n) => write!(f, "{}", crate::export::json::number_text(*n)),
            Value::Money {
                amount,
                max,
                currency,
            } => {
                write!(
                    f,
                    "{currency} {}",
                    crate::export::json::number_text(*amount)
                )?;
                if let Some(m) = max {
                    write!(f, "–{}", crate::export::json::number_text(*m))?;
                }
                Ok(())
            }
            Value::Quantity { amount, unit } => {
                write!(f, "{} {unit}", crate::export::json::number_text(*amount))
            }
            Value::Text(s) => f.write_str(s),
        }
    }
}

/// One recognized entity mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where it is, in bytes of the analyzed text.
    pub span: Span,
    /// What it is.
    pub label: Label,
    /// The matched text (`span` sliced from the text).
    pub text: String,
    /// The normalized value, where the mention has one.
    pub value: Option<Value>,
    /// The entity this mention refers to: an index into
    /// [`Analysis::entities`] (set by [`crate::entities::group`]).
    pub entity: Option<usize>,
}

impl Mention {
    /// A mention of `span` in `text`, with no value.
    pub fn new(text: &str, span: Span, label: Label) -> Self {
        Mention {
            span,
            label,
            text: span.slice(text).to_string(),
            value: None,
            entity: None,
        }
    }

    /// The same mention with a value.
    pub fn with_value(mut self, value: Value) -> Self {
        self.value = Some(value);
        self
    }
}

/// Where the document date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// Given by the caller ([`Options::document_date`]).
    Given,
    /// Read from the text: a `date YYYY-MM-DD` line, a dateline or a
    /// "Published ..." line. The span is where.
    Detected(Span),
}

/// The date relative expressions are resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentDate {
    /// The date.
    pub date: NaiveDate,
    /// Where it came from.
    pub source: DateSource,
}

/// Settings for one analysis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// The document's creation date; when `None` it is detected from the text.
    pub document_date: Option<NaiveDate>,
}

/// The result of analyzing one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// The date used to resolve relative expressions, if any.
    pub document_date: Option<DocumentDate>,
    /// Mentions sorted by start, never overlapping.
    pub mentions: Vec<Mention>,
    /// Template and markup debris (`{{^adFree}}`, stray tags, `&nbsp;`),
    /// sorted, never tagged; the page dims it.
    pub debris: Vec<Span>,
    /// Real-world entities: mentions grouped by identity, most mentioned
    /// first within each label.
    pub entities: Vec<Entity>,
    /// Direct quotations, sorted by start.
    pub quotes: Vec<Quote>,
}

/// One real-world entity: the mentions that refer to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Its label (the label of its mentions).
    pub label: Label,
    /// The fullest form of its name ("Vladimir Putin").
    pub name: String,
    /// Other forms used in the text ("Putin", "U.S.").
    pub aliases: Vec<String>,
    /// Roles and titles the text gives it ("Russian President").
    pub roles: Vec<String>,
    /// Indices into [`Analysis::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// For a nationality or group (NORP): the country it belongs to
    /// ("Russian" → "Russia"), a relation rather than a merge.
    pub country: Option<String>,
}

/// A direct quotation and who said it.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quotation including its quote marks.
    pub span: Span,
    /// The speaker: an index into [`Analysis::entities`].
    pub speaker: Option<usize>,
    /// The attribution cue ("said", "told", "according to"), if found.
    pub cue: Option<Span>,
}

impl Analysis {
    /// Mentions with the given label.
    pub fn with_label(&self, label: Label) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.label == label)
    }
}
