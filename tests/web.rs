//! Browser tests of the page's components and state (wasm32, headless
//! Chromium): `cargo test --target wasm32-unknown-unknown --test web` with
//! `CHROMEDRIVER=/usr/bin/chromedriver`.
//!
//! Components are rendered into a fresh `<div>` and the DOM is asserted.

#![cfg(target_arch = "wasm32")]

use entity_lens::app::components::highlighted_view::{HighlightedView, HighlightedViewProps};
use entity_lens::app::components::label_toggles::{LabelToggles, LabelTogglesProps};
use entity_lens::app::components::sidebar::{Sidebar, SidebarProps};
use entity_lens::app::file;
use entity_lens::app::label_set::LabelSet;
use entity_lens::app::palette;
use entity_lens::app::segments::{segments, Segment};
use entity_lens::app::state::{Action, Analyzed, Selection, Shared, State, IMMEDIATE_LIMIT};
use entity_lens::app::storage::{self, FragmentError};
use entity_lens::{Analysis, Label, Mention, Options, Quote, Span};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::{Callback, Reducible};

wasm_bindgen_test_configure!(run_in_browser);

const NEWS: &str = "Write to desk@example.com before 16 December 2023. \
    The fund paid $3.5 billion; desk@example.com confirmed.";

/// A fresh `<div>` in the document.
fn container() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").expect("create div");
    document
        .body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div
}

fn analyzed(text: &str) -> Shared {
    Shared(Rc::new(Analyzed::run(text.into(), Options::default())))
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// The text a reader sees in `root`, without the label chips and the
/// screen-reader descriptions.
fn reading_text(root: &Element) -> String {
    let copy: Element = root
        .clone_node_with_deep(true)
        .expect("clone")
        .dyn_into()
        .expect("element");
    let extras = copy
        .query_selector_all(".chip, mark .visually-hidden")
        .expect("selector");
    for i in 0..extras.length() {
        if let Some(node) = extras.item(i) {
            if let Some(parent) = node.parent_node() {
                parent.remove_child(&node).expect("remove");
            }
        }
    }
    copy.text_content().unwrap_or_default()
}

async fn render_view(text: &str, hidden: LabelSet, selection: Option<Selection>) -> Element {
    let root = container();
    let props = HighlightedViewProps {
        analyzed: analyzed(text),
        hidden,
        selection,
        on_select: Callback::noop(),
        quote: None,
    };
    yew::Renderer::<HighlightedView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn marks_every_mention_with_its_label() {
    let root = render_view(NEWS, LabelSet::new(), None).await;
    assert_eq!(
        texts(&root, "mark[data-label=EMAIL] .mention-text"),
        vec!["desk@example.com", "desk@example.com"]
    );
    assert_eq!(
        texts(&root, "mark[data-label=DATE] .mention-text"),
        vec!["16 December 2023"]
    );
    assert_eq!(
        texts(&root, "mark[data-label=MONEY] .mention-text"),
        vec!["$3.5 billion"]
    );
    // Chip, tooltip and the screen-reader description.
    let date = root
        .query_selector("mark[data-label=DATE]")
        .ok()
        .flatten()
        .expect("date mark");
    assert_eq!(texts(&date, ".chip"), vec!["DATE"]);
    assert_eq!(texts(&date, ".visually-hidden"), vec![" (Date)"]);
    assert_eq!(
        date.get_attribute("title").as_deref(),
        Some("Date (DATE): 2023-12-16")
    );
    let class = date.get_attribute("class").unwrap_or_default();
    assert!(
        class.split(' ').any(|c| c == palette::class(Label::Date)),
        "{class}"
    );
    // The text, chips aside, is the input exactly.
    let region = root
        .query_selector("#highlighted")
        .ok()
        .flatten()
        .expect("region");
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Text with entities highlighted")
    );
    assert_eq!(reading_text(&region), NEWS);
}

#[wasm_bindgen_test]
async fn markup_in_the_text_stays_text() {
    let text = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> \
                mail evil@example.com";
    let root = render_view(text, LabelSet::new(), None).await;
    assert!(root.query_selector("script").ok().flatten().is_none());
    assert!(root.query_selector("img").ok().flatten().is_none());
    assert_eq!(reading_text(&root), text);
    assert_eq!(
        texts(&root, "mark[data-label=EMAIL] .mention-text"),
        vec!["evil@example.com"]
    );
}

#[wasm_bindgen_test]
async fn carriage_returns_ampersands_and_quotes_read_back_exactly() {
    // The marks are inserted as markup: what the HTML parser would alter
    // (a raw CR, an `&` that looks like a reference, quote marks inside a
    // tooltip) must come out as typed.
    let text = "Tom & Jerry &amp; co.\r\nMail \"o'brien\"@example.com &lt;x&gt; \
                on 16 December 2023.\r\n\"We agree,\" said Angela Merkel.";
    let root = render_view(text, LabelSet::new(), None).await;
    assert_eq!(reading_text(&root), text);
    assert!(root.query_selector("mark").ok().flatten().is_some());
}

#[wasm_bindgen_test]
async fn clicking_a_mark_picks_its_entity() {
    let picked = Rc::new(std::cell::Cell::new(None::<usize>));
    let root = container();
    let props = HighlightedViewProps {
        analyzed: analyzed(NEWS),
        hidden: LabelSet::new(),
        selection: None,
        on_select: {
            let picked = picked.clone();
            Callback::from(move |e| picked.set(Some(e)))
        },
        quote: None,
    };
    yew::Renderer::<HighlightedView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let marks = root
        .query_selector_all("mark[data-label=EMAIL] .mention-text")
        .expect("marks");
    let second: web_sys::HtmlElement = marks
        .item(1)
        .expect("a second email")
        .dyn_into()
        .expect("html");
    second.click();
    let want = analyzed(NEWS)
        .analysis
        .mentions
        .iter()
        .find(|m| m.label == Label::Email)
        .and_then(|m| m.entity);
    assert!(want.is_some());
    assert_eq!(picked.get(), want);
    // A click on plain text picks nothing.
    picked.set(None);
    let region: web_sys::HtmlElement = root
        .query_selector(".block")
        .ok()
        .flatten()
        .expect("block")
        .dyn_into()
        .expect("html");
    region.click();
    assert_eq!(picked.get(), None);
}

#[wasm_bindgen_test]
async fn debris_is_dimmed_not_marked() {
    let text = "Hello {{^adFree}} world";
    let analyzed = Shared(Rc::new(Analyzed {
        text: text.into(),
        options: Options::default(),
        analysis: Analysis {
            debris: vec![Span::new(6, 17)],
            ..Analysis::default()
        },
        millis: 0.0,
    }));
    let root = container();
    let props = HighlightedViewProps {
        analyzed,
        hidden: LabelSet::new(),
        selection: None,
        on_select: Callback::noop(),
        quote: None,
    };
    yew::Renderer::<HighlightedView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(texts(&root, "span.debris"), vec!["{{^adFree}}"]);
    assert_eq!(texts(&root, "mark").len(), 0);
    assert_eq!(reading_text(&root), text);
}

#[wasm_bindgen_test]
async fn hidden_labels_are_plain_text() {
    let hidden = LabelSet::new().toggled(Label::Email);
    let root = render_view(NEWS, hidden, None).await;
    assert_eq!(texts(&root, "mark[data-label=EMAIL]").len(), 0);
    assert_eq!(texts(&root, "mark[data-label=DATE]").len(), 1);
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("desk@example.com"));
}

#[wasm_bindgen_test]
async fn picked_entity_marks_all_its_mentions_and_focuses_one() {
    let a = analyzed(NEWS);
    let email = a
        .analysis
        .entities
        .iter()
        .position(|e| e.label == Label::Email)
        .expect("email entity");
    let selection = Some(Selection {
        entity: email,
        focus: 1,
    });
    let root = render_view(NEWS, LabelSet::new(), selection).await;
    assert_eq!(texts(&root, "mark.picked").len(), 2);
    let focused = texts(&root, "mark.focused .mention-text");
    assert_eq!(focused, vec!["desk@example.com"]);
    let second = a.analysis.entities[email].mentions[1];
    assert!(root
        .query_selector(&format!("mark.focused[data-mention=\"{second}\"]"))
        .ok()
        .flatten()
        .is_some());
}

#[wasm_bindgen_test]
async fn sidebar_groups_entities_with_counts_most_mentioned_first() {
    let root = container();
    let props = SidebarProps {
        analyzed: analyzed(NEWS),
        hidden: LabelSet::new(),
        selection: None,
        on_select: Callback::noop(),
        on_quote: Callback::noop(),
        quote: None,
    };
    yew::Renderer::<Sidebar>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let count = |label: &str| texts(&root, &format!(".group[data-label={label}] h3 .count"));
    assert_eq!(count("EMAIL"), vec!["2"]);
    assert_eq!(count("DATE"), vec!["1"]);
    assert_eq!(count("MONEY"), vec!["1"]);
    assert_eq!(
        texts(&root, ".group[data-label=EMAIL] li .entity-name"),
        vec!["desk@example.com"]
    );
    assert_eq!(
        texts(&root, ".group[data-label=EMAIL] li button .count"),
        vec!["2"]
    );
    // Lists of buttons, none pressed.
    assert_eq!(
        root.query_selector_all("ul.entities > li > button[aria-pressed=false]")
            .expect("selector")
            .length(),
        3
    );
}

#[wasm_bindgen_test]
async fn quotes_are_listed_with_their_speakers() {
    let text = "\"Not yet,\" wrote desk@example.com. \"Soon,\" someone said.";
    let mut a = Analyzed::run(text.into(), Options::default());
    let speaker = a
        .analysis
        .entities
        .iter()
        .position(|e| e.label == Label::Email)
        .expect("email entity");
    a.analysis.quotes = vec![
        Quote {
            span: Span::new(0, 10),
            speaker: Some(speaker),
            cue: None,
        },
        Quote {
            span: Span::new(35, 42),
            speaker: None,
            cue: None,
        },
        // Past the end of the text: skipped, not a panic.
        Quote {
            span: Span::new(60, 90),
            speaker: None,
            cue: None,
        },
    ];
    let root = container();
    let props = SidebarProps {
        analyzed: Shared(Rc::new(a)),
        hidden: LabelSet::new(),
        selection: None,
        on_select: Callback::noop(),
        on_quote: Callback::noop(),
        quote: None,
    };
    yew::Renderer::<Sidebar>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(texts(&root, ".quotes h3 .count"), vec!["2"]);
    assert_eq!(texts(&root, ".quote-text"), vec!["Not yet,", "Soon,"]);
    assert_eq!(
        texts(&root, ".speaker"),
        vec!["— desk@example.com", "— unattributed"]
    );
    let button = root
        .query_selector("button.quote")
        .ok()
        .flatten()
        .expect("attributed quote is a button");
    assert_eq!(
        button.get_attribute("data-speaker"),
        Some(speaker.to_string())
    );
}

#[wasm_bindgen_test]
async fn toggles_report_their_state() {
    let root = container();
    let props = LabelTogglesProps {
        analyzed: analyzed(NEWS),
        hidden: LabelSet::new().toggled(Label::Money),
        on_toggle: Callback::noop(),
    };
    yew::Renderer::<LabelToggles>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let pressed = |label: &str| {
        root.query_selector(&format!("button.toggle[data-label={label}]"))
            .ok()
            .flatten()
            .and_then(|b| b.get_attribute("aria-pressed"))
    };
    assert_eq!(pressed("EMAIL").as_deref(), Some("true"));
    assert_eq!(pressed("MONEY").as_deref(), Some("false"));
    assert_eq!(pressed("PERSON"), None);
}

fn reduce(state: State, action: Action) -> Rc<State> {
    Rc::new(state).reduce(action)
}

#[wasm_bindgen_test]
fn short_edits_are_analyzed_at_once_long_ones_on_request() {
    let s = reduce(State::default(), Action::Edit(NEWS.to_string()));
    assert!(!s.is_stale());
    assert_eq!(s.analyzed.analysis.with_label(Label::Email).count(), 2);

    let long = format!("{NEWS} {}", "word ".repeat(IMMEDIATE_LIMIT / 5));
    let s = s.reduce(Action::Edit(long.clone()));
    assert!(s.is_stale());
    assert_eq!(&*s.text, long.as_str());
    let s = s.reduce(Action::Analyze);
    assert!(!s.is_stale());
    assert_eq!(&*s.analyzed.text, long.as_str());
}

#[wasm_bindgen_test]
fn picking_again_steps_through_mentions() {
    let s = reduce(
        State::new(NEWS.to_string(), LabelSet::new(), None),
        Action::Analyze,
    );
    let email = s
        .analyzed
        .analysis
        .entities
        .iter()
        .position(|e| e.label == Label::Email)
        .expect("email entity");
    let s = s.reduce(Action::Select(email));
    assert_eq!(s.selection.map(|x| x.focus), Some(0));
    let s = s.reduce(Action::Select(email));
    assert_eq!(s.selection.map(|x| x.focus), Some(1));
    let s = s.reduce(Action::Select(email));
    assert_eq!(s.selection.map(|x| x.focus), Some(0));
    // An edit that keeps the entity keeps the pick.
    let s = s.reduce(Action::Edit(format!("{NEWS} More.")));
    assert_eq!(s.selection.map(|x| x.entity), Some(email));
    // Hiding its label drops it; an unknown entity is ignored.
    let s = s.reduce(Action::ToggleLabel(Label::Email));
    assert_eq!(s.selection, None);
    let s = s.reduce(Action::Select(999));
    assert_eq!(s.selection, None);
}

#[wasm_bindgen_test]
fn document_date_override_reanalyzes() {
    let text = "The deal closed yesterday.";
    let s = reduce(
        State::new(text.to_string(), LabelSet::new(), None),
        Action::Analyze,
    );
    let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).expect("date");
    let s = s.reduce(Action::SetDocumentDate(Some(date)));
    assert_eq!(s.analyzed.options.document_date, Some(date));
    assert_eq!(
        s.analyzed.analysis.document_date.map(|d| d.date),
        Some(date)
    );
    let s = s.reduce(Action::SetDocumentDate(None));
    assert_eq!(s.analyzed.options.document_date, None);
}

#[wasm_bindgen_test]
fn fragment_codec_round_trips_and_rejects_bad_input() {
    let text = "Ünïcödé 😀 東京 שלום & 100% + more";
    let encoded = storage::percent_encode(text);
    assert!(encoded.is_ascii());
    assert_eq!(storage::percent_decode(&encoded), Ok(text.to_string()));
    assert_eq!(
        storage::fragment_text(&format!("#a=1&text={encoded}")),
        Some(Ok(text.to_string()))
    );
    assert_eq!(storage::fragment_text("#other"), None);
    assert_eq!(storage::fragment_text(""), None);
    assert_eq!(
        storage::fragment_text("#text=ab%4"),
        Some(Err(FragmentError::BadEscape(2)))
    );
    assert_eq!(
        storage::percent_decode("ok%FFno"),
        Err(FragmentError::NotUtf8(2))
    );
    assert_eq!(storage::percent_decode("a+b"), Ok("a+b".to_string()));
}

#[wasm_bindgen_test]
fn files_must_be_utf8_text() {
    assert_eq!(
        file::decode("a.txt", b"\xEF\xBB\xBFhello".to_vec()),
        Ok("hello".to_string())
    );
    let err = file::decode("bad.txt", b"caf\xE9 ok".to_vec()).expect_err("latin-1");
    assert!(err.contains("bad.txt"), "{err}");
    assert!(err.contains("byte offset 3"), "{err}");
    assert!(err.contains("0xE9"), "{err}");
    assert!(file::check_kind("notes.txt", "text/plain", 10).is_ok());
    assert!(file::check_kind("notes.md", "", 10).is_ok());
    let err = file::check_kind("photo.png", "image/png", 10).expect_err("image");
    assert!(err.contains("not a text file"), "{err}");
    assert!(file::check_kind("big.txt", "text/plain", file::MAX_FILE_BYTES + 1).is_err());
}

#[wasm_bindgen_test]
fn segments_survive_spans_that_do_not_fit() {
    let text = "ab😀cd efg";
    let mention = |start, end| Mention::new(text, Span::new(start, end), Label::Misc);
    let analysis = Analysis {
        mentions: vec![
            mention(0, 2),
            mention(1, 3),   // overlaps the first
            mention(3, 5),   // inside the emoji
            mention(11, 40), // past the end
            mention(6, 8),
        ],
        debris: vec![Span::new(9, 12)],
        ..Analysis::default()
    };
    let segs = segments(text, &analysis, LabelSet::new());
    assert_eq!(
        segs,
        vec![
            Segment::Mention(0),
            Segment::Plain(Span::new(2, 6)),
            Segment::Mention(4),
            Segment::Plain(Span::new(8, 9)),
            Segment::Debris(Span::new(9, 12)),
        ]
    );
}

#[wasm_bindgen_test]
fn every_label_has_a_hue_and_round_trips_in_a_set() {
    let mut all = LabelSet::new();
    for label in Label::ALL {
        assert!(palette::hue(label) < palette::HUES);
        all = all.toggled(label);
    }
    assert_eq!(all.iter().count(), Label::ALL.len());
    let some = LabelSet::new().toggled(Label::Date).toggled(Label::Money);
    assert_eq!(some.to_names(), "DATE,MONEY");
    assert_eq!(LabelSet::from_names("MONEY, DATE,NOPE"), some);
}

/// Hovering a name shows the entity it refers to and its role.
#[wasm_bindgen_test]
fn tooltip_names_the_entity_and_its_role() {
    use entity_lens::app::components::highlighted_view::tooltip;
    use entity_lens::{Entity, Label, Mention, Span};
    let text = "Putin";
    let m = Mention::new(text, Span::new(0, 5), Label::Person);
    let e = Entity {
        label: Label::Person,
        name: "Vladimir Putin".into(),
        aliases: vec!["Putin".into()],
        roles: vec!["Russian President".into()],
        mentions: vec![0],
        country: None,
    };
    assert_eq!(
        tooltip(&m, Some(&e)),
        "Person (PERSON) — Vladimir Putin, Russian President"
    );
    assert_eq!(tooltip(&m, None), "Person (PERSON)");
}

/// The timeline lists dated mentions in time order with their sentences;
/// durations are not dates and stay out.
#[wasm_bindgen_test]
async fn timeline_lists_dates_in_time_order_with_sentences() {
    use entity_lens::app::components::timeline::{Timeline, TimelineProps};
    let text = "date 2023-12-16\nTalks resume on 5 March 2024. They failed on 2 May 2022 after two years of work.";
    let root = container();
    let props = TimelineProps {
        analyzed: analyzed(text),
        on_select: Callback::noop(),
    };
    yew::Renderer::<Timeline>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(
        texts(&root, ".timeline .when"),
        vec!["2022-05-02", "2023-12-16", "2024-03-05"]
    );
    let contexts = texts(&root, ".timeline .context");
    assert_eq!(
        contexts[0],
        "They failed on 2 May 2022 after two years of work."
    );
    assert_eq!(contexts[2], "Talks resume on 5 March 2024.");
    assert_eq!(texts(&root, ".timeline h3 .count"), vec!["3"]);
}

/// A long list shows its first items and a "Show more" button that adds
/// more; the heading counts the whole list.
#[wasm_bindgen_test]
async fn long_lists_show_more_on_request() {
    use entity_lens::app::components::show_more::{FIRST_ITEMS, MORE_ITEMS};
    use entity_lens::app::components::timeline::{Timeline, TimelineProps};
    let days = FIRST_ITEMS + MORE_ITEMS + 10;
    let text: String = (0..days)
        .map(|d| format!("They met on {} January 2020. ", d % 28 + 1))
        .collect::<String>()
        + &(0..days)
            .map(|d| format!("They met on {} March 2021. ", d % 28 + 1))
            .collect::<String>();
    let total = 2 * days;
    let root = container();
    let props = TimelineProps {
        analyzed: analyzed(&text),
        on_select: Callback::noop(),
    };
    yew::Renderer::<Timeline>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(texts(&root, ".timeline h3 .count"), vec![total.to_string()]);
    assert_eq!(texts(&root, ".timeline .when").len(), FIRST_ITEMS);
    let more = |root: &Element| -> Option<web_sys::HtmlElement> {
        root.query_selector("button.show-more")
            .expect("selector")
            .and_then(|b| b.dyn_into().ok())
    };
    let button = more(&root).expect("a Show more button");
    assert_eq!(
        button.text_content().unwrap_or_default(),
        format!("Show {MORE_ITEMS} more dates ({FIRST_ITEMS} of {total} shown)")
    );
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(
        texts(&root, ".timeline .when").len(),
        FIRST_ITEMS + MORE_ITEMS
    );
    // In time order still, and the list grows until it is whole.
    let when = texts(&root, ".timeline .when");
    assert!(when.windows(2).all(|w| w[0] <= w[1]), "{when:?}");
    while let Some(b) = more(&root) {
        b.click();
        yew::scheduler::flush().await;
    }
    assert_eq!(texts(&root, ".timeline .when").len(), total);
}

/// Web addresses are listed once each, in order, with how often they occur.
#[wasm_bindgen_test]
async fn web_addresses_are_listed_once_with_their_counts() {
    use entity_lens::app::components::link_list::{LinkList, LinkListProps};
    let text = "See https://a.example/x and https://b.example/y, \
        then https://a.example/x again and https://a.example/x once more.";
    let root = container();
    let props = LinkListProps {
        analyzed: analyzed(text),
        clickable: false,
        on_clickable: Callback::noop(),
    };
    yew::Renderer::<LinkList>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert_eq!(
        texts(&root, ".link-list .address"),
        vec!["https://a.example/x", "https://b.example/y"]
    );
    assert_eq!(texts(&root, ".link-list .times"), vec![" ×3"]);
    assert_eq!(
        texts(&root, ".link-list .visually-hidden"),
        vec![", 3 times"]
    );
    assert!(root
        .query_selector("button.show-more")
        .expect("selector")
        .is_none());
}

#[wasm_bindgen_test]
fn a_failure_keeps_the_text_and_says_so() {
    use entity_lens::app::panic;
    let doc = gloo::utils::document();
    let body = doc.body().expect("body");
    let editor: web_sys::HtmlTextAreaElement = doc
        .create_element("textarea")
        .expect("textarea")
        .dyn_into()
        .expect("a textarea");
    editor.set_id("text");
    editor.set_value("Unsaved words about Peskov");
    body.append_child(&editor).expect("append");

    assert!(panic::report(
        "index out of bounds <img src=x onerror=alert(1)>"
    ));
    let message = doc.get_element_by_id(panic::MESSAGE_ID).expect("a message");
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    let text = message.text_content().unwrap_or_default();
    assert!(text.contains("internal error"), "{text}");
    assert!(text.contains("text is saved"), "{text}");
    assert!(
        text.contains("<img src=x"),
        "the detail is shown as text: {text}"
    );
    assert!(message.query_selector("img").expect("query").is_none());
    assert!(message.query_selector("a[href]").expect("query").is_some());
    assert_eq!(
        storage::saved_text().as_deref(),
        Some("Unsaved words about Peskov")
    );
    // A second failure does not stack messages.
    panic::report("again");
    assert_eq!(
        doc.query_selector_all(&format!("#{}", panic::MESSAGE_ID))
            .expect("query")
            .length(),
        1
    );
    message.remove();
    editor.remove();
}

#[wasm_bindgen_test]
fn markdown_and_html_files_are_read_as_text() {
    use file::Kind;
    assert_eq!(file::kind("a.md", ""), Kind::Markdown);
    assert_eq!(file::kind("a.HTML", ""), Kind::Html);
    assert_eq!(file::kind("page", "text/html"), Kind::Html);
    assert_eq!(file::kind("a.txt", "text/plain"), Kind::Plain);
    assert!(file::check_kind("a.html", "text/html", 10).is_ok());
    assert!(file::check_kind("a.htm", "", 10).is_ok());
    assert_eq!(
        file::readable(Kind::Markdown, "# *Hi*\n".into()),
        "Hi\n".to_string()
    );
    assert_eq!(
        file::readable(Kind::Html, "<p>a<script>x()</script></p><p>b</p>".into()),
        "a\nb\n".to_string()
    );
    let err = file::check_kind("a.pdf", "application/pdf", 10).expect_err("pdf");
    assert!(err.contains(".txt, .md or .html"), "{err}");
}

#[wasm_bindgen_test]
fn links_in_the_fragment_prefer_z() {
    let z = entity_lens::share::encode("zipped");
    assert_eq!(
        storage::link_text(&format!("#z={z}")),
        Some(Ok("zipped".to_string()))
    );
    assert_eq!(
        storage::link_text("#text=plain"),
        Some(Ok("plain".to_string()))
    );
    assert!(storage::link_text("#z=!!").is_some_and(|r| r.is_err()));
    assert_eq!(storage::link_text("#other=1"), None);
}

#[wasm_bindgen_test]
fn the_worker_codec_round_trips_an_analysis_and_rejects_bad_bytes() {
    use entity_lens::app::codec;
    let text = format!(
        "{}\n\u{201c}We will pay $2-3 million,\u{201d} Vladimir Putin said on 3 May 2024 in Moscow.",
        include_str!("../static/sample.txt")
    );
    let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1).expect("date");
    for options in [
        Options::default(),
        Options {
            document_date: Some(date),
        },
    ] {
        let a = entity_lens::analyze(&text, &options);
        assert!(!a.mentions.is_empty() && !a.entities.is_empty() && !a.quotes.is_empty());
        let bytes = codec::encode(&a);
        assert_eq!(codec::decode(&bytes).as_ref(), Ok(&a));
        // Every truncation is an error, never a panic.
        for cut in (0..bytes.len()).step_by(7) {
            assert!(codec::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }
    assert!(codec::decode(&[1, 0, 0, 0, 0, 9]).is_err());
    assert_eq!(
        codec::decode(&codec::encode(&Analysis::default())),
        Ok(Analysis::default())
    );
}

#[wasm_bindgen_test]
fn blocks_cover_the_text_and_never_cut_a_mark() {
    use entity_lens::app::blocks::{block_of, blocks, BLOCK_BYTES};
    let sample = include_str!("../static/sample.txt");
    // Paragraphs, one long line, and no space at all.
    let texts = [
        sample.repeat(40),
        sample.replace('\n', " ").repeat(30),
        "x".repeat(3 * BLOCK_BYTES),
    ];
    for text in &texts {
        let a = entity_lens::analyze(text, &Options::default());
        let b = blocks(text, &a);
        assert!(b.len() > 1 || text.len() <= 4 * BLOCK_BYTES + BLOCK_BYTES);
        assert_eq!(b.first().map(|s| s.start), Some(0));
        assert_eq!(b.last().map(|s| s.end), Some(text.len()));
        for w in b.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(text.is_char_boundary(w[0].end));
        }
        let marked = a
            .mentions
            .iter()
            .map(|m| m.span)
            .chain(a.quotes.iter().map(|q| q.span))
            .chain(a.debris.iter().copied());
        for s in marked {
            let i = block_of(&b, s.start);
            assert!(b[i].contains(&s), "{s:?} cut by the blocks");
        }
    }
    // A paragraph text is cut after line breaks only.
    let b = blocks(
        &texts[0],
        &entity_lens::analyze(&texts[0], &Options::default()),
    );
    assert!(b[..b.len() - 1]
        .iter()
        .all(|s| texts[0][..s.end].ends_with('\n')));
    assert!(blocks("", &Analysis::default()).is_empty());
}

#[wasm_bindgen_test]
fn worker_answers_are_adopted_only_for_the_current_text() {
    let long = format!("{NEWS} {}", "word ".repeat(IMMEDIATE_LIMIT / 5));
    let s = reduce(State::default(), Action::Edit(long.clone()));
    assert!(s.is_stale());
    // An answer for an older text is dropped.
    let old = analyzed(&long);
    let s = s.reduce(Action::Analyzed(old));
    assert!(s.is_stale());
    // The answer for this very text is shown.
    let answer = Shared(Rc::new(Analyzed::run(s.text.clone(), s.options())));
    let s = s.reduce(Action::Analyzed(answer.clone()));
    assert!(!s.is_stale());
    assert!(s.analyzed == answer);
    // A crash on the current text keeps it, unmarked, with a notice.
    let s = s.reduce(Action::Edit(format!("{long} More.")));
    let text = s.text.clone();
    let s = s.reduce(Action::AnalysisFailed {
        text: text.clone(),
        message: "boom".into(),
    });
    assert!(!s.is_stale());
    assert!(Rc::ptr_eq(&s.analyzed.text, &text));
    assert!(s.analyzed.analysis.mentions.is_empty());
    assert!(s
        .notice
        .as_ref()
        .is_some_and(|n| n.text.contains("boom") && n.text.contains("kept")));
}

#[wasm_bindgen_test]
async fn a_long_text_is_rendered_in_blocks_highlighted_from_the_top() {
    let text = include_str!("../static/sample.txt").repeat(60);
    let root = render_view(&text, LabelSet::new(), None).await;
    let blocks = root.query_selector_all(".block").expect("blocks").length();
    assert!(blocks > 10, "{blocks} blocks");
    let first = root
        .query_selector(".block")
        .expect("query")
        .expect("first");
    assert!(first.query_selector("mark").expect("query").is_some());
    let last = root
        .query_selector(".block:last-child")
        .expect("query")
        .expect("last");
    // Not yet highlighted in the first render: plain text only.
    assert!(last.query_selector("mark").expect("query").is_none());
    assert_eq!(reading_text(&root), text);
}

/// A short article with two attributed quotes, analyzed.
const QUOTED: &str = "Dmitry Peskov spoke on Friday. \u{201c}We are not in a hurry,\u{201d} Peskov told reporters in Moscow.\n\n\u{201c}The conditions are not there yet,\u{201d} said Maria Lopez, a spokeswoman.";

#[wasm_bindgen_test]
async fn quotes_are_marked_in_the_text_and_the_picked_one_emphasized() {
    let a = analyzed(QUOTED);
    assert_eq!(a.analysis.quotes.len(), 2, "{:?}", a.analysis.quotes);
    let root = container();
    let props = HighlightedViewProps {
        analyzed: a.clone(),
        hidden: LabelSet::new(),
        selection: None,
        on_select: Callback::noop(),
        quote: Some(1),
    };
    yew::Renderer::<HighlightedView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    // The quoted words are underlined, the text itself unchanged.
    let quoted: String = texts(&root, r#".in-quote[data-quote="0"]"#).concat();
    assert_eq!(quoted, "\u{201c}We are not in a hurry,\u{201d}");
    assert_eq!(reading_text(&root), QUOTED);
    // Each quote's opening names its speaker.
    let start = root
        .query_selector(r#"[data-quote-start="0"]"#)
        .ok()
        .flatten()
        .expect("quote 0 opening");
    assert_eq!(
        start.get_attribute("title").as_deref(),
        Some("Quote \u{2014} Dmitry Peskov")
    );
    // Only the picked quote is emphasized.
    assert!(root
        .query_selector(r#".picked-quote[data-quote="0"]"#)
        .ok()
        .flatten()
        .is_none());
    let picked: String = texts(&root, ".picked-quote").concat();
    assert!(picked.starts_with("\u{201c}The conditions"), "{picked}");
    // Words outside quotes are not underlined.
    assert!(!texts(&root, ".in-quote")
        .concat()
        .contains("spoke on Friday"));
}

#[wasm_bindgen_test]
fn showing_a_quote_picks_its_speaker_near_it() {
    let text = format!("Peskov arrived early. {QUOTED}");
    let loaded = reduce(State::default(), Action::Load(text.clone()));
    let a = &loaded.analyzed.analysis;
    let peskov = a.quotes[0].speaker.expect("attributed");
    let s = loaded.clone().reduce(Action::ShowQuote(0));
    assert_eq!(s.quote, Some(0));
    let sel = s.selection.expect("speaker picked");
    assert_eq!(sel.entity, peskov);
    // Focused on the mention right after the quote ("Peskov told"), not
    // the first one ("Peskov arrived").
    let m = &a.mentions[a.entities[peskov].mentions[sel.focus]];
    assert!(m.span.start > a.quotes[0].span.end, "{m:?}");
    // Picking an entity clears the quote; an unknown quote changes nothing.
    let s = s.reduce(Action::Select(peskov));
    assert_eq!(s.quote, None);
    let before = s.clone();
    let s = s.reduce(Action::ShowQuote(99));
    assert!(Rc::ptr_eq(&before, &s));
}
