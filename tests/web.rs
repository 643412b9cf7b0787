//! Browser tests (wasm-bindgen-test in headless Chromium):
//! `cargo test --target wasm32-unknown-unknown --features web --test web`.
//!
//! They cover what only a browser can check: the worker messages as real JS values, HTML
//! extraction with the browser's DOMParser, and the components rendering (and reacting to
//! clicks) in a real DOM. The engine runs on the main thread here (`Backend::Inline`): the
//! test server does not serve trunk's worker files (the e2e tests cover the real worker).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use whosaid::engine::{
    Analysis, Anonymity, Claim, ClaimKind, Diagnostic, Level, Span, Speaker, SpeakerKind, Stance, Via,
};
use whosaid::web::components::article::Article;
use whosaid::web::components::claims::Claims;
use whosaid::web::components::speakers::Speakers;
use whosaid::web::corrections::Correction;
use whosaid::web::highlight::{Annotated, Layer};
use whosaid::web::state::{DocId, Selection};
use whosaid::web::worker::{
    decode_request, decode_response, encode_request, encode_response, AnalysisJson, AnalyzeRequest, AnalyzeResponse,
};
use whosaid::web::{input, App, AppProps, Backend};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "NBC News: talks\n\n\
                    “We will not push Kyiv,” Vedant Patel said on Tuesday. Patel left.\n\n\
                    NBC News reported, citing a US official, that talks began.\n";

fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let start = text.match_indices(needle).nth(nth).expect(needle).0;
    Span::new(start, start + needle.len())
}

/// A hand-made analysis of [`TEXT`]: 3 speakers, 2 claims (one relayed), a boilerplate line.
fn sample() -> Analysis {
    let t = TEXT;
    Analysis {
        speakers: vec![
            Speaker {
                id: 0,
                name: "Vedant Patel".into(),
                kind: SpeakerKind::Person,
                anonymous: false,
                anonymity: Anonymity::Named,
                evidence: String::new(),
                confidence: 1.0,
                titles: vec!["State Department spokesperson".into()],
                mentions: vec![span_of(t, "Vedant Patel", 0), span_of(t, "Patel", 1)],
            },
            Speaker {
                id: 1,
                name: "NBC News".into(),
                kind: SpeakerKind::MediaOutlet,
                anonymous: false,
                anonymity: Anonymity::Named,
                evidence: String::new(),
                // As if reached only through a pronoun.
                confidence: 0.5,
                titles: vec![],
                mentions: vec![span_of(t, "NBC News", 1)],
            },
            Speaker {
                id: 2,
                name: "a US official".into(),
                kind: SpeakerKind::Person,
                anonymous: true,
                anonymity: Anonymity::Anonymous,
                evidence: "a role with no name".into(),
                confidence: 1.0,
                titles: vec![],
                mentions: vec![span_of(t, "a US official", 0)],
            },
        ],
        claims: vec![
            Claim {
                id: 0,
                kind: ClaimKind::Direct,
                content: vec![span_of(t, "“We will not push Kyiv,”", 0)],
                cue: vec![span_of(t, "said", 0)],
                source: vec![span_of(t, "Vedant Patel", 0)],
                speaker: Some(0),
                stance: Stance::Neutral,
                via: None,
                confidence: 0.9,
            },
            Claim {
                id: 1,
                kind: ClaimKind::Indirect,
                content: vec![span_of(t, "talks began", 0)],
                cue: vec![span_of(t, "citing", 0)],
                source: vec![span_of(t, "a US official", 0)],
                speaker: Some(2),
                stance: Stance::Neutral,
                via: Some(Via {
                    speaker: Some(1),
                    source: vec![span_of(t, "NBC News", 1)],
                    cue: vec![span_of(t, "reported", 0)],
                }),
                confidence: 0.7,
            },
        ],
        boilerplate: vec![span_of(t, "NBC News: talks", 0)],
        diagnostics: vec![Diagnostic { level: Level::Info, code: "test".into(), message: "a note".into(), span: None }],
        ..Analysis::default()
    }
}

fn mount_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn q(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

async fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..500 {
        if cond() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for {what}");
}

fn click(root: &Element, selector: &str) {
    q(root, selector).unwrap_or_else(|| panic!("no {selector}")).dyn_into::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
fn messages_round_trip_requests_and_responses() {
    let request = AnalyzeRequest { seq: 7, doc: DocId(2), text: "“Hi,” she said. é ✓".into() };
    assert_eq!(decode_request(&encode_request(&request)), Some(request));

    let response =
        AnalyzeResponse { seq: 7, doc: DocId(2), outcome: Ok(AnalysisJson::encode(sample())), engine_ms: 1.5 };
    let back = decode_response(&encode_response(&response)).unwrap();
    assert_eq!(back, response);
    assert_eq!(back.outcome.unwrap().decode().unwrap(), sample());

    let failed = AnalyzeResponse { seq: 8, doc: DocId(0), outcome: Err("no".into()), engine_ms: 0.0 };
    assert_eq!(decode_response(&encode_response(&failed)), Some(failed));
    // Anything else is not a message of ours.
    assert_eq!(decode_response(&"ready".into()), None);
    assert_eq!(decode_request(&js_sys::Array::new().into()), None);
}

#[wasm_bindgen_test]
async fn analysis_json_in_chunks() {
    let mut big = sample();
    let claim = big.claims[0].clone();
    big.claims = (0..4500).map(|i| Claim { id: i, ..claim.clone() }).collect();
    let json = AnalysisJson::encode(big.clone());
    assert_eq!(json.claims.len(), 3);
    assert_eq!(json.decode().unwrap(), big);
    assert_eq!(json.decode_in_steps().await.unwrap(), big);
}

#[wasm_bindgen_test]
fn worker_task_runs_the_engine() {
    let r = whosaid::web::worker::run(AnalyzeRequest { seq: 1, doc: DocId(0), text: TEXT.into() });
    assert_eq!(r.seq, 1);
    assert_eq!(r.outcome.unwrap().decode().unwrap().stats.bytes, TEXT.len());
    assert!(r.engine_ms >= 0.0);
}

#[wasm_bindgen_test]
fn highlight_segments_cover_the_text() {
    let a = Annotated::new(TEXT, &sample());
    assert_eq!(a.blocks.len(), 3);
    let mut covered = String::new();
    for i in 0..a.blocks.len() {
        for s in a.segments(i) {
            covered.push_str(&TEXT[s.range.clone()]);
        }
        covered.push('|');
    }
    assert_eq!(
        covered,
        "NBC News: talks|“We will not push Kyiv,” Vedant Patel said on Tuesday. Patel left.|\
         NBC News reported, citing a US official, that talks began.|"
    );
    let source_texts: Vec<&str> =
        a.marks.iter().filter(|m| m.layer == Layer::Source).map(|m| &TEXT[m.range.clone()]).collect();
    assert_eq!(source_texts, vec!["Vedant Patel", "NBC News", "a US official"]);
    // by position
}

#[wasm_bindgen_test]
fn html_main_text_keeps_the_article_only() {
    let html = "<!doctype html><html><head><title>T</title><style>p{}</style></head><body>\
        <header>Site header</header><nav><a href='/'>Menu item</a></nav>\
        <article><h1>Headline</h1><p>First   <b>bold</b>\n paragraph.</p>\
        <script>window.__pwned = 1</script><aside>Related</aside>\
        <p>Second<br>line.</p><form><button>Subscribe</button></form></article>\
        <footer>Footer</footer></body></html>";
    let text = input::html_main_text(html).unwrap();
    assert_eq!(text, "Headline\n\nFirst bold paragraph.\n\nSecond\nline.");
    assert!(js_sys::Reflect::get(&js_sys::global(), &"__pwned".into()).unwrap().is_undefined());

    // No <article>: the body without its chrome.
    let text =
        input::html_main_text("<body><header>H</header><div><p>Body text.</p></div><footer>F</footer></body>").unwrap();
    assert_eq!(text, "Body text.");
    assert_eq!(input::html_main_text("<nav>only menus</nav>"), Err(input::InputError::NoHtmlText));
}

#[wasm_bindgen_test]
fn strict_utf8_decoding() {
    assert!(matches!(input::decode(b"ok \xC3\xA9"), Ok(s) if s == "ok é"));
    assert!(matches!(input::decode(b"\x89PNG\r\n\x1a\n\0\0"), Err(input::InputError::Binary)));
    assert!(matches!(input::decode(b"caf\xE9"), Err(input::InputError::NotUtf8 { at: 3, .. })));
}

thread_local! {
    /// What the harness's panels reported as corrections.
    static CORRECTIONS: RefCell<Vec<Correction>> = const { RefCell::new(Vec::new()) };
}

/// The article and the side panels over a fixed analysis, sharing a selection.
#[component(Harness)]
fn harness() -> Html {
    let selection = use_state(|| Selection::None);
    let text: Rc<str> = Rc::from(TEXT);
    let analysis = use_memo((), |_| sample());
    let analysis: Rc<Analysis> = analysis;
    let annotated = {
        let a = analysis.clone();
        use_memo((), move |_| Annotated::new(TEXT, &a))
    };
    let selected_speaker = match *selection {
        Selection::Speaker(s) => Some(s),
        Selection::Claim(c) => analysis.claims[c as usize].speaker,
        Selection::None => None,
    };
    let selected_claim = match *selection {
        Selection::Claim(c) => Some(c),
        _ => None,
    };
    let on_article = {
        let s = selection.clone();
        Callback::from(move |sel: Selection| s.set(sel))
    };
    let on_speaker = {
        let s = selection.clone();
        Callback::from(move |id: Option<u32>| s.set(id.map_or(Selection::None, Selection::Speaker)))
    };
    let on_claim = {
        let s = selection.clone();
        Callback::from(move |id: Option<u32>| s.set(id.map_or(Selection::None, Selection::Claim)))
    };
    let oncorrect = Callback::from(|c: Correction| CORRECTIONS.with(|l| l.borrow_mut().push(c)));
    let correcting = matches!(*selection, Selection::Speaker(_));
    html! {
        <>
            <Article text={text.clone()} annotated={annotated} selection={*selection} onselect={on_article} />
            <Speakers analysis={analysis.clone()} selected={selected_speaker} {correcting} onselect={on_speaker}
                oncorrect={oncorrect.clone()} />
            <Claims text={text} analysis={analysis} {selected_claim} {selected_speaker}
                onselect={on_claim} oncopy={Callback::noop()} {oncorrect} />
        </>
    }
}

#[wasm_bindgen_test]
async fn panels_render_and_selection_links_them() {
    let root = mount_root();
    yew::Renderer::<Harness>::with_root(root.clone()).render();
    wait_for("marks", || count(&root, "#article mark") > 0).await;

    assert_eq!(count(&root, "#article mark.hl-content[data-claim-id]"), 2);
    assert_eq!(count(&root, "#article mark.hl-cue"), 3); // said, citing, reported
    assert_eq!(count(&root, "#article mark.hl-source[data-speaker-id]"), 3);
    assert_eq!(count(&root, "#article mark.hl-mention[data-speaker-id=\"0\"]"), 1);
    assert_eq!(count(&root, "#article .boilerplate"), 1);
    assert_eq!(count(&root, "#speakers li.speaker"), 3);
    // Sorted by claims: the two speakers with a claim first.
    let first = q(&root, "#speakers li.speaker .speaker-name").unwrap().text_content().unwrap();
    assert_eq!(first, "Vedant Patel");
    // Anonymity with its evidence; the low-confidence marker.
    let anonymity = q(&root, "#speakers li.speaker[data-speaker-id=\"2\"] .anonymity").unwrap();
    assert_eq!(anonymity.text_content().unwrap(), "anonymous — a role with no name");
    assert_eq!(count(&root, "#speakers .anonymity"), 1);
    let uncertain = q(&root, "#speakers li.speaker[data-speaker-id=\"1\"] .uncertain").unwrap();
    assert!(uncertain.get_attribute("title").unwrap().contains("pronoun"));
    assert_eq!(count(&root, "#speakers .uncertain"), 1);
    let chain = q(&root, "#claims li.claim[data-claim-id=\"1\"] .chain").unwrap();
    assert!(chain.text_content().unwrap().ends_with("NBC News ← a US official"));

    // Select a speaker: all its mentions and its claim light up.
    click(&root, "#speakers li.speaker[data-speaker-id=\"0\"] button");
    wait_for("speaker selection", || count(&root, "#article .is-selected") > 0).await;
    assert_eq!(count(&root, "#article mark[data-speaker-id=\"0\"].is-selected"), 2);
    assert_eq!(count(&root, "#article mark[data-speaker-id=\"0\"]:not(.is-selected)"), 0);

    // An outlet: its card counts the claims it relays, and selecting it selects them too.
    let nbc = q(&root, "#speakers li.speaker[data-speaker-id=\"1\"] .counts").unwrap().text_content().unwrap();
    assert_eq!(nbc, "0 own + 1 relayed claim · 1 mention");
    click(&root, "#speakers li.speaker[data-speaker-id=\"1\"] button");
    wait_for("outlet selection", || q(&root, "#article mark.hl-content.is-selected[data-claim-id=\"1\"]").is_some())
        .await;
    assert!(q(&root, "#claims li.claim.is-linked[data-claim-id=\"1\"]").is_some());
    click(&root, "#speakers li.speaker[data-speaker-id=\"0\"] button");
    wait_for("speaker selection again", || {
        q(&root, "#article mark.hl-content.is-selected[data-claim-id=\"0\"]").is_some()
            && q(&root, "#speakers li.speaker.is-selected[data-speaker-id=\"0\"]").is_some()
    })
    .await;
    assert!(q(&root, "#article mark.hl-content.is-selected[data-claim-id=\"0\"]").is_some());
    assert!(q(&root, "#speakers li.speaker.is-selected[data-speaker-id=\"0\"]").is_some());

    // Click a claim's content in the article: the claim, its cue and source are selected,
    // and so is its speaker in the panel.
    click(&root, "#article mark.hl-content[data-claim-id=\"1\"]");
    wait_for("claim selection", || q(&root, "#claims li.claim.is-selected[data-claim-id=\"1\"]").is_some()).await;
    assert_eq!(count(&root, "#article mark.is-selected[data-claim-id=\"1\"]"), 5);
    assert!(q(&root, "#speakers li.speaker.is-selected[data-speaker-id=\"2\"]").is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_selected_card_offers_corrections() {
    let root = mount_root();
    yew::Renderer::<Harness>::with_root(root.clone()).render();
    wait_for("speakers", || count(&root, "#speakers li.speaker") == 3).await;
    assert_eq!(count(&root, ".fix"), 0);
    let taken = || CORRECTIONS.with(|l| std::mem::take(&mut *l.borrow_mut()));
    taken();

    // A speaker: rename it, merge it into another (not into itself).
    click(&root, "#speakers li.speaker[data-speaker-id=\"2\"] .speaker-button");
    wait_for("speaker controls", || count(&root, "#speakers .fix") == 1).await;
    let name: HtmlInputElement = q(&root, "#speakers .fix input").unwrap().dyn_into().unwrap();
    assert_eq!(name.value(), "a US official");
    name.set_value("  an official  ");
    click(&root, "#speakers .fix form:first-of-type button");
    let select: HtmlSelectElement = q(&root, "#speakers .fix select").unwrap().dyn_into().unwrap();
    assert_eq!(select.length(), 3, "a placeholder and the two other speakers");
    click(&root, "#speakers .fix form:last-of-type button"); // nothing chosen: nothing happens
    select.set_value("1");
    click(&root, "#speakers .fix form:last-of-type button");
    assert_eq!(
        taken(),
        [Correction::Rename { speaker: 2, name: "an official".into() }, Correction::Merge { from: 2, into: 1 }]
    );

    // A claim: give it to another speaker, or strike it out.
    click(&root, "#claims li.claim[data-claim-id=\"1\"] .claim-button");
    wait_for("claim controls", || count(&root, "#claims .fix") == 1).await;
    assert_eq!(count(&root, "#speakers .fix"), 0, "the speaker is selected through its claim only");
    let select: HtmlSelectElement = q(&root, "#claims .fix select").unwrap().dyn_into().unwrap();
    select.set_value("0");
    click(&root, "#claims .fix form button");
    click(&root, "#claims .fix .not-a-claim");
    assert_eq!(taken(), [Correction::Reassign { claim: 1, speaker: 0 }, Correction::NotAClaim { claim: 1 }]);
    root.remove();
}

fn app_props() -> AppProps {
    AppProps { backend: Backend::Inline(whosaid::web::worker::handle), keep_draft: false }
}

#[wasm_bindgen_test]
async fn app_mounts_analyses_and_shows_text_as_text() {
    let root = mount_root();
    yew::Renderer::<App>::with_root_and_props(root.clone(), app_props()).render();
    wait_for("the editor", || q(&root, "#article-input").is_some()).await;
    for id in [
        "#analyze",
        "#clear",
        "#file-input",
        "#drop-zone",
        "#example-000",
        "#example-004",
        "#status",
        "#speakers",
        "#claims",
        "#article",
        "#summary",
        "#export-json",
        "#export-csv",
        "#message",
    ] {
        assert!(q(&root, id).is_some(), "missing {id}");
    }

    // Empty text: a clear message, nothing analysed.
    click(&root, "#analyze");
    wait_for("empty message", || q(&root, "#message").unwrap().text_content().unwrap().contains("empty")).await;

    let hostile = "<img src=x onerror=window.__pwned=1> and <script>window.__pwned=1</script>";
    let area: HtmlTextAreaElement = q(&root, "#article-input").unwrap().dyn_into().unwrap();
    area.set_value(hostile);
    click(&root, "#analyze");
    let status = || q(&root, "#status").unwrap().text_content().unwrap();
    wait_for("done", || status().starts_with("Done in") && status().ends_with(" ms")).await;
    let article = q(&root, "#article").unwrap();
    assert_eq!(article.text_content().unwrap(), hostile);
    assert_eq!(count(&article, "img"), 0);
    assert_eq!(count(&article, "script"), 0);
    assert!(js_sys::Reflect::get(&js_sys::global(), &"__pwned".into()).unwrap().is_undefined());

    // Examples are files fetched next to the app (tests/e2e load them from dist/). Here none is
    // served: a clear message, and the text is kept.
    click(&root, "#example-004");
    let message = || q(&root, "#message").unwrap().text_content().unwrap();
    wait_for("example error", || message().contains("could not be opened")).await;
    assert!(message().contains("your text is unchanged"), "{}", message());
    assert_eq!(area.value(), hostile);

    // Clear empties everything.
    click(&root, "#clear");
    wait_for("cleared", || area.value().is_empty() && count(&root, "#article p.block") == 0).await;
    root.remove();
}
