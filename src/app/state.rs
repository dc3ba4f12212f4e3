//! The page's state and its one reducer.
//!
//! Every change goes through [`Action`]. Short texts are analyzed by the
//! reducer itself, at once; longer ones are left stale for the page to
//! analyze in its worker ([`super::worker`], answering with
//! [`Action::Analyzed`]) or, where there is no worker, on the main thread
//! once typing pauses ([`Action::Analyze`]). Analysis results are shared
//! behind an `Rc` and compared by pointer, so components re-render only when
//! a new analysis arrives, not on every keystroke of a long text.

use super::label_set::LabelSet;
use crate::{analyze, Analysis, Label, Options};
use chrono::NaiveDate;
use std::rc::Rc;
use yew::Reducible;

/// Texts up to this many bytes are analyzed on the main thread at every
/// keystroke (faster than a round trip to the worker; a few ms at most);
/// longer ones in the worker, or where there is none once typing pauses
/// (see [`ANALYZE_DEBOUNCE_MS`]).
pub const IMMEDIATE_LIMIT: usize = 20_000;

/// The pause in typing after which a long text is analyzed on the main
/// thread, when no worker can be had.
pub const ANALYZE_DEBOUNCE_MS: u32 = 300;

/// An analysis and the exact text and options it was made from.
#[derive(Debug, Default)]
pub struct Analyzed {
    /// The text analyzed (the view renders this, so spans always fit).
    pub text: Rc<str>,
    /// The options used.
    pub options: Options,
    /// The result.
    pub analysis: Analysis,
    /// How long [`crate::analyze`] took, in milliseconds.
    pub millis: f64,
}

impl Analyzed {
    /// Analyzes `text` now.
    pub fn run(text: Rc<str>, options: Options) -> Self {
        let started = now();
        let analysis = analyze(&text, &options);
        Analyzed {
            millis: now() - started,
            text,
            options,
            analysis,
        }
    }
}

/// Milliseconds from the page's clock (0 where there is none).
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A shared analysis, equal to another only when it is the same one.
#[derive(Clone, Debug, Default)]
pub struct Shared(pub Rc<Analyzed>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Analyzed;
    fn deref(&self) -> &Analyzed {
        &self.0
    }
}

/// The entity the user picked in the sidebar, and which of its mentions
/// is in focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Index into [`Analysis::entities`].
    pub entity: usize,
    /// Index into that entity's `mentions`.
    pub focus: usize,
}

/// How a notice should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something the user asked for did not happen.
    Error,
    /// Information.
    Info,
}

/// A message above the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Error or information.
    pub kind: NoticeKind,
    /// The sentence shown.
    pub text: String,
}

impl Notice {
    /// An error notice.
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
        }
    }

    /// An informational notice.
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
        }
    }
}

/// Everything the page shows.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// The editor's text (may be newer than the analysis).
    pub text: Rc<str>,
    /// The latest analysis.
    pub analyzed: Shared,
    /// The document date the user set, overriding detection.
    pub date_override: Option<NaiveDate>,
    /// Labels the user has hidden.
    pub hidden: LabelSet,
    /// The entity picked in the sidebar.
    pub selection: Option<Selection>,
    /// The quote picked in the quotes panel (index into the analysis'
    /// quotes): marked in the text and scrolled to.
    pub quote: Option<usize>,
    /// A message to show.
    pub notice: Option<Notice>,
    /// How many times the text was replaced rather than typed (sample,
    /// file, clear, undo): the text area is written only then, never read
    /// back at each render (a 1 MB value costs 10-25 ms to copy).
    pub loads: u32,
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The user edited the text. Short texts are analyzed at once, long ones
    /// when [`Action::Analyze`] follows.
    Edit(String),
    /// New text from the sample, a file or a link: replaces the text,
    /// analyzes it at once and clears any notice.
    Load(String),
    /// Analyzes the current text if the analysis is older.
    Analyze,
    /// An analysis made elsewhere (the worker); adopted if it is of the
    /// current text and options, else dropped.
    Analyzed(Shared),
    /// Analyzing `text` failed (the worker crashed): if it is still the
    /// current text, it is kept, shown unmarked, with an error notice.
    AnalysisFailed {
        /// The text whose analysis failed.
        text: Rc<str>,
        /// What went wrong.
        message: String,
    },
    /// Sets (or with `None` clears) the document date override.
    SetDocumentDate(Option<NaiveDate>),
    /// Shows or hides a label.
    ToggleLabel(Label),
    /// Picks an entity; picking the picked one again moves the focus to its
    /// next mention.
    Select(usize),
    /// Picks a quote: it is emphasized and scrolled to in the text, and
    /// its speaker (if known) is picked, focused on the mention nearest the
    /// quote.
    ShowQuote(usize),
    /// Shows a notice.
    Notify(Notice),
    /// Hides the notice.
    Dismiss,
}

impl State {
    /// A state showing `text` with `hidden` labels hidden and the document
    /// date `date_override` (if the user set one): analyzed if short, else
    /// left for the worker.
    pub fn new(text: String, hidden: LabelSet, date_override: Option<NaiveDate>) -> Self {
        let mut state = State {
            text: text.into(),
            hidden,
            date_override,
            ..State::default()
        };
        state.analyze_if_short();
        state
    }

    /// The options the next analysis uses.
    pub fn options(&self) -> Options {
        Options {
            document_date: self.date_override,
        }
    }

    /// True when the text or options changed since the last analysis.
    pub fn is_stale(&self) -> bool {
        !Rc::ptr_eq(&self.text, &self.analyzed.text) || self.analyzed.options != self.options()
    }

    /// The picked entity's mention index in focus, if any.
    pub fn focused_mention(&self) -> Option<usize> {
        let s = self.selection?;
        let entity = self.analyzed.analysis.entities.get(s.entity)?;
        entity.mentions.get(s.focus).copied()
    }

    /// Analyzes the current text at once if it is short
    /// ([`IMMEDIATE_LIMIT`]); a longer one stays stale.
    fn analyze_if_short(&mut self) {
        if self.text.len() <= IMMEDIATE_LIMIT {
            self.reanalyze();
        }
    }

    /// Runs the analysis of the current text and options.
    fn reanalyze(&mut self) {
        self.adopt(Analyzed::run(self.text.clone(), self.options()));
    }

    /// Shows `analyzed`, carrying the selection over to the same entity
    /// (same label and name) if it is still there.
    fn adopt(&mut self, analyzed: impl Into<Rc<Analyzed>>) {
        let analyzed: Rc<Analyzed> = analyzed.into();
        let picked = self.selection.and_then(|s| {
            let e = self.analyzed.analysis.entities.get(s.entity)?;
            Some((e.label, e.name.clone(), s.focus))
        });
        self.selection = picked.and_then(|(label, name, focus)| {
            let (entity, e) = analyzed
                .analysis
                .entities
                .iter()
                .enumerate()
                .find(|(_, e)| e.label == label && e.name == name)?;
            Some(Selection {
                entity,
                focus: focus.min(e.mentions.len().saturating_sub(1)),
            })
        });
        // A quote index means nothing in another analysis.
        if self.quote.is_some() && !Rc::ptr_eq(&analyzed, &self.analyzed.0) {
            self.quote = None;
        }
        self.analyzed = Shared(analyzed);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(text) => {
                if *text == *self.text {
                    return self;
                }
                next.text = text.into();
                next.analyze_if_short();
            }
            Action::Load(text) => {
                next.text = text.into();
                next.loads = self.loads.wrapping_add(1);
                next.selection = None;
                next.quote = None;
                next.notice = None;
                next.analyze_if_short();
            }
            Action::Analyze => {
                if !self.is_stale() {
                    return self;
                }
                next.reanalyze();
            }
            Action::Analyzed(shared) => {
                if !Rc::ptr_eq(&shared.text, &self.text) || shared.options != self.options() {
                    return self; // A stale answer: a newer request follows.
                }
                next.adopt(shared.0);
            }
            Action::AnalysisFailed { text, message } => {
                if !Rc::ptr_eq(&text, &self.text) {
                    return self;
                }
                next.selection = None;
                next.quote = None;
                next.notice = Some(Notice::error(format!(
                    "Could not analyze this text ({message}). It is kept as it is; edit it to try again."
                )));
                next.analyzed = Shared(Rc::new(Analyzed {
                    text,
                    options: self.options(),
                    ..Analyzed::default()
                }));
            }
            Action::SetDocumentDate(date) => {
                if date == self.date_override {
                    return self;
                }
                next.date_override = date;
                next.analyze_if_short();
            }
            Action::ToggleLabel(label) => {
                next.hidden = self.hidden.toggled(label);
                let picked_label = self
                    .selection
                    .and_then(|s| self.analyzed.analysis.entities.get(s.entity))
                    .map(|e| e.label);
                if picked_label.is_some_and(|l| next.hidden.contains(l)) {
                    next.selection = None;
                }
            }
            Action::Select(entity) => {
                let Some(e) = self.analyzed.analysis.entities.get(entity) else {
                    return self;
                };
                let focus = match self.selection {
                    Some(s) if s.entity == entity && !e.mentions.is_empty() => {
                        (s.focus + 1) % e.mentions.len()
                    }
                    _ => 0,
                };
                next.selection = Some(Selection { entity, focus });
                next.quote = None;
            }
            Action::ShowQuote(k) => {
                let analysis = &self.analyzed.analysis;
                let Some(q) = analysis.quotes.get(k) else {
                    return self;
                };
                next.quote = Some(k);
                next.selection = q.speaker.and_then(|entity| {
                    let e = analysis.entities.get(entity)?;
                    // The speaker's mention nearest the quote (the cue's).
                    let distance = |&(_, &i): &(usize, &usize)| {
                        analysis.mentions.get(i).map_or(usize::MAX, |m| {
                            if m.span.end <= q.span.start {
                                q.span.start - m.span.end
                            } else {
                                m.span.start.saturating_sub(q.span.end)
                            }
                        })
                    };
                    let (focus, _) = e.mentions.iter().enumerate().min_by_key(distance)?;
                    Some(Selection { entity, focus })
                });
            }
            Action::Notify(notice) => next.notice = Some(notice),
            Action::Dismiss => next.notice = None,
        }
        Rc::new(next)
    }
}
