//! The page: wires the state's reducer to the components and to the
//! browser (the analysis worker, or debounced analysis without one;
//! debounced saving, links, dropped files).

use super::document_date::DocumentDateControl;
use super::editor::Editor;
use super::export_menu::ExportMenu;
use super::highlighted_view::HighlightedView;
use super::label_toggles::LabelToggles;
use super::link_list::LinkList;
use super::mention_nav::MentionNav;
use super::notice::NoticeBar;
use super::share_link::ShareLink;
use super::sidebar::Sidebar;
use super::undo_clear::UndoClear;
use crate::app::file;
use crate::app::state::{Action, Notice, Shared, State, ANALYZE_DEBOUNCE_MS};
use crate::app::storage;
use crate::app::timing;
use crate::app::worker::{AnalysisWorker, Outcome};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::AttrValue;

/// How long typing must pause before the text is saved.
pub const SAVE_DEBOUNCE_MS: u32 = 400;

/// The initial state: text from the link, else from storage.
fn initial_state() -> State {
    let (text, _origin, problem) = storage::initial_text();
    timing::mark_once("text");
    // The saved document date applies from the first analysis on.
    let mut state = State::new(text, storage::saved_hidden(), storage::saved_date());
    if let Some(problem) = problem {
        state.notice = Some(Notice::error(format!(
            "Could not open the link: {problem}."
        )));
    }
    timing::mark_once("analyzed");
    state
}

/// Reads a file into the state, or reports why not; the reader is kept in
/// `slot` until it finishes.
fn open_file(
    f: web_sys::File,
    dispatch: &UseReducerDispatcher<State>,
    slot: &Rc<RefCell<Option<FileReader>>>,
) {
    let done = {
        let dispatch = dispatch.clone();
        Callback::from(move |read: Result<String, String>| match read {
            Ok(text) => dispatch.dispatch(Action::Load(text)),
            Err(message) => dispatch.dispatch(Action::Notify(Notice::error(message))),
        })
    };
    *slot.borrow_mut() = file::read(f, done);
}

/// The status line under the editor; `background` when a worker analyzes
/// long texts.
fn status(state: &State, background: bool) -> String {
    if state.is_stale() {
        return if background {
            "Analyzing…".to_string()
        } else {
            "Analyzing when you pause typing…".to_string()
        };
    }
    let a = &state.analyzed;
    if a.text.is_empty() {
        return String::new();
    }
    format!(
        "{} mentions of {} entities · analyzed in {:.1} ms",
        a.analysis.mentions.len(),
        a.analysis.entities.len(),
        a.millis
    )
}

/// A text compared by identity, not content: a new text equal to the old
/// one still needs an analysis of its own.
#[derive(Clone)]
struct SameText(Rc<str>);

impl PartialEq for SameText {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The whole page.
#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let reader = use_mut_ref(|| None::<FileReader>);
    let latest_text = use_mut_ref(|| state.text.clone());
    *latest_text.borrow_mut() = state.text.clone();

    // Once: adopt the link's text for good (save it, drop the fragment so a
    // reload shows the edited text), and listen to the window.
    {
        let dispatch = state.dispatcher();
        let text = state.text.clone();
        let latest_text = latest_text.clone();
        let reader = reader.clone();
        use_effect_with((), move |_| {
            timing::mark_once("rendered");
            if storage::has_link(&storage::location_hash()) {
                // Failing to save is reported by the debounced save.
                let _ = storage::save_text(&text);
                storage::clear_fragment();
            }
            let listeners = window_listeners(dispatch, latest_text, reader);
            move || drop(listeners)
        });
    }

    // Long texts are analyzed in the worker, started once; without one,
    // on the main thread once typing pauses.
    let worker = use_mut_ref(|| None::<AnalysisWorker>);
    let background = use_state(|| true);
    {
        let worker = worker.clone();
        let background = background.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let fallback = background.clone();
            let report = Callback::from(move |outcome: Outcome| match outcome {
                Outcome::Done(analyzed) => {
                    dispatch.dispatch(Action::Analyzed(Shared(Rc::new(analyzed))))
                }
                Outcome::Failed { text, message } => {
                    dispatch.dispatch(Action::AnalysisFailed { text, message })
                }
                Outcome::Unavailable(_) => fallback.set(false),
            });
            match AnalysisWorker::spawn(report) {
                Ok(w) => *worker.borrow_mut() = Some(w),
                Err(_) => background.set(false),
            }
            move || drop(worker.borrow_mut().take())
        });
    }
    {
        let dispatch = state.dispatcher();
        let stale = state.is_stale();
        let worker = worker.clone();
        let options = state.options();
        use_effect_with(
            (SameText(state.text.clone()), options.clone(), *background),
            move |(text, _, background)| {
                let mut timer = None;
                match worker.borrow().as_ref() {
                    Some(w) if stale && *background => w.request(text.0.clone(), options),
                    _ if stale => {
                        timer = Some(Timeout::new(ANALYZE_DEBOUNCE_MS, move || {
                            dispatch.dispatch(Action::Analyze)
                        }))
                    }
                    _ => {}
                }
                move || drop(timer)
            },
        );
    }

    // The text is saved once typing pauses (and on leaving the page).
    {
        let dispatch = state.dispatcher();
        let has_notice = state.notice.is_some();
        use_effect_with(state.text.clone(), move |text| {
            let text = text.clone();
            let timer = Timeout::new(SAVE_DEBOUNCE_MS, move || {
                if let Err(e) = storage::save_text(&text) {
                    if !has_notice {
                        dispatch
                            .dispatch(Action::Notify(Notice::error(format!("Not saved: {e}."))));
                    }
                }
            });
            move || drop(timer)
        });
    }

    use_effect_with(state.hidden, |hidden| storage::save_hidden(*hidden));
    use_effect_with(state.date_override, |date| storage::save_date(*date));

    // Settings and the text a "Clear" can bring back.
    let links = use_state(storage::saved_links);
    use_effect_with(*links, |on| storage::save_links(*on));
    let cleared = use_state(|| None::<Rc<str>>);

    // The first frame shows the text with its highlights; the sidebar and
    // the link list follow once it is drawn, so that on a page load the
    // marks appear without waiting for every list to be built (perf.mjs).
    let settled = use_state(|| false);
    {
        let settled = settled.clone();
        use_effect_with((), move |_| {
            timing::after_next_frame(move || {
                timing::mark_once("settling");
                settled.set(true)
            });
        });
    }

    // Callbacks are made once: a new callback each render would make every
    // child re-render on every keystroke (props compare callbacks by identity).
    let d = state.dispatcher();
    let on_edit = use_callback((), move |text: String, _| d.dispatch(Action::Edit(text)));
    let d = state.dispatcher();
    let on_load = {
        let latest_text = latest_text.clone();
        let cleared = cleared.clone();
        use_callback((), move |text: String, _| {
            // Clearing keeps the old text for "Undo".
            let old = latest_text.borrow().clone();
            cleared.set((text.is_empty() && !old.trim().is_empty()).then_some(old));
            d.dispatch(Action::Load(text))
        })
    };
    let d = state.dispatcher();
    let on_notice = use_callback((), move |notice, _| d.dispatch(Action::Notify(notice)));
    let on_undo = {
        let d = state.dispatcher();
        let cleared = cleared.clone();
        Callback::from(move |()| {
            if let Some(old) = (*cleared).clone() {
                d.dispatch(Action::Load(old.to_string()));
            }
            cleared.set(None);
        })
    };
    let on_forget = {
        let cleared = cleared.clone();
        Callback::from(move |()| cleared.set(None))
    };
    let on_links = {
        let links = links.clone();
        Callback::from(move |on: bool| links.set(on))
    };
    let d = state.dispatcher();
    let on_select = use_callback((), move |entity: usize, _| {
        d.dispatch(Action::Select(entity))
    });
    let d = state.dispatcher();
    let on_quote = use_callback((), move |quote: usize, _| {
        d.dispatch(Action::ShowQuote(quote))
    });
    let d = state.dispatcher();
    let on_toggle = use_callback((), move |label, _| d.dispatch(Action::ToggleLabel(label)));
    let d = state.dispatcher();
    let on_date = use_callback((), move |date, _| d.dispatch(Action::SetDocumentDate(date)));
    let d = state.dispatcher();
    let on_dismiss = use_callback((), move |(), _| d.dispatch(Action::Dismiss));
    let on_file = {
        let dispatch = state.dispatcher();
        let reader = reader.clone();
        use_callback((), move |f: web_sys::File, _| {
            open_file(f, &dispatch, &reader)
        })
    };

    html! {
        <div class="page">
            <header class="masthead">
                <h1>{ "EntityLens" }</h1>
                <p class="tagline">{ "Names, dates, numbers and contacts in a text. Runs entirely in your browser: nothing is uploaded." }</p>
            </header>
            <NoticeBar notice={state.notice.clone()} {on_dismiss} />
            if cleared.is_some() && state.text.is_empty() {
                <UndoClear {on_undo} on_dismiss={on_forget} />
            }
            <main class="layout">
                <div class="work">
                    <Editor
                        text={AttrValue::from(state.text.clone())}
                        loads={state.loads}
                        status={AttrValue::from(status(&state, *background))}
                        {on_edit}
                        {on_load}
                        {on_file}
                    />
                    <div class="controls">
                        <DocumentDateControl
                            used={state.analyzed.analysis.document_date}
                            chosen={state.date_override}
                            on_change={on_date}
                            ready={*settled}
                        />
                        <LabelToggles analyzed={state.analyzed.clone()} hidden={state.hidden} {on_toggle} />
                    </div>
                    <div class="tools">
                        <ExportMenu analyzed={state.analyzed.clone()} on_notice={on_notice.clone()} />
                        <ShareLink text={AttrValue::from(state.text.clone())} {on_notice} />
                        <MentionNav />
                    </div>
                    <HighlightedView
                        analyzed={state.analyzed.clone()}
                        hidden={state.hidden}
                        selection={state.selection}
                        on_select={on_select.clone()}
                        quote={state.quote}
                    />
                    if *settled {
                        <LinkList analyzed={state.analyzed.clone()} clickable={*links} on_clickable={on_links} />
                    }
                </div>
                if *settled {
                    <Sidebar
                        analyzed={state.analyzed.clone()}
                        hidden={state.hidden}
                        selection={state.selection}
                        {on_select}
                        {on_quote}
                        quote={state.quote}
                    />
                } else {
                    <nav class="sidebar" aria-label="Entities by label" aria-busy="true">
                        <h2>{ "Entities" }</h2>
                    </nav>
                }
            </main>
        </div>
    }
}

/// Window listeners for the page's lifetime: links opened in this tab
/// (`hashchange`), saving on leaving (`pagehide`), and files dropped
/// anywhere (the browser would otherwise navigate away to them).
fn window_listeners(
    dispatch: UseReducerDispatcher<State>,
    latest_text: Rc<RefCell<Rc<str>>>,
    reader: Rc<RefCell<Option<FileReader>>>,
) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let prevent = EventListenerOptions::enable_prevent_default();
    let on_hash = {
        let dispatch = dispatch.clone();
        move |_: &Event| {
            let Some(found) = storage::link_text(&storage::location_hash()) else {
                return;
            };
            match found {
                Ok(text) => {
                    // Failing to save is reported by the debounced save.
                    let _ = storage::save_text(&text);
                    dispatch.dispatch(Action::Load(text));
                }
                Err(e) => dispatch.dispatch(Action::Notify(Notice::error(format!(
                    "Could not open the link: {e}."
                )))),
            }
            storage::clear_fragment();
        }
    };
    let on_leave = move |_: &Event| {
        // Nothing to tell the user any more if this fails.
        let _ = storage::save_text(&latest_text.borrow());
    };
    let on_drop = move |e: &Event| {
        let file = e
            .dyn_ref::<DragEvent>()
            .and_then(DragEvent::data_transfer)
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(f) = file {
            e.prevent_default();
            open_file(f, &dispatch, &reader);
        }
    };
    vec![
        EventListener::new(&window, "hashchange", on_hash),
        EventListener::new(&window, "pagehide", on_leave),
        EventListener::new_with_options(&window, "dragover", prevent, |e: &Event| {
            // Accept file drops anywhere; dragged text keeps its default.
            if carries_files(e) {
                e.prevent_default();
            }
        }),
        EventListener::new_with_options(&window, "drop", prevent, on_drop),
    ]
}

/// True when a drag event carries files.
fn carries_files(e: &Event) -> bool {
    e.dyn_ref::<DragEvent>()
        .and_then(DragEvent::data_transfer)
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}
