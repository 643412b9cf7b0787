//! The input panel: the text area (also a drop zone), file picker, examples, Analyze and Clear.
//! Once the text is analysed it folds into one line, "Article — name · Edit", so the results
//! come first; the text area stays in the page (hidden), and the whole panel still takes drops.

use std::rc::Rc;

use web_sys::{DragEvent, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::web::examples::EXAMPLES;
use crate::web::input::{human_size, MAX_INPUT_BYTES};

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text area; the app reads it after edits.
    pub textarea: NodeRef,
    /// The text to show when it changed from outside the editor.
    pub text: Rc<str>,
    /// The document id and its load revision: when it changes, [`EditorProps::text`] replaces
    /// the editor's content.
    pub load_key: (u32, u64),
    /// The document's name.
    pub name: AttrValue,
    /// Folded into one line (the text is analysed and not being edited).
    #[prop_or_default]
    pub collapsed: bool,
    /// The user typed (`false`) or pasted or dropped text (`true`).
    pub oninput: Callback<bool>,
    /// "Analyze" was pressed.
    pub onanalyze: Callback<()>,
    /// "Edit" was pressed on the folded panel.
    #[prop_or_default]
    pub onedit: Callback<()>,
    /// "Clear" was pressed.
    pub onclear: Callback<()>,
    /// Files were picked or dropped.
    pub onfiles: Callback<FileList>,
    /// An example was asked for (its id).
    pub onexample: Callback<&'static str>,
}

/// The input panel.
#[component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let dragging = use_state(|| false);

    // Take the text when it changed from outside (file, example, clear, undo, restored draft).
    {
        let textarea = props.textarea.clone();
        let text = props.text.clone();
        use_effect_with(props.load_key, move |_| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                if area.value() != *text {
                    area.set_value(&text);
                }
            }
        });
    }

    let oninput =
        props.oninput.reform(|e: InputEvent| matches!(e.input_type().as_str(), "insertFromPaste" | "insertFromDrop"));
    let onedit = props.onedit.reform(|_: MouseEvent| ());
    let onanalyze = props.onanalyze.reform(|_: MouseEvent| ());
    let onclear = props.onclear.reform(|_: MouseEvent| ());
    let onchange = {
        let onfiles = props.onfiles.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                if files.length() > 0 {
                    onfiles.emit(files);
                }
            }
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let has_files = |e: &DragEvent| {
        e.data_transfer().map(|dt| dt.types().includes(&wasm_bindgen::JsValue::from_str("Files"), 0)).unwrap_or(false)
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if has_files(&e) {
                e.prevent_default();
                if let Some(dt) = e.data_transfer() {
                    dt.set_drop_effect("copy");
                }
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let onfiles = props.onfiles.clone();
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            let files = e.data_transfer().and_then(|dt| dt.files());
            if let Some(files) = files.filter(|f| f.length() > 0) {
                // Files are ours; dropped text falls through to the text area's default.
                e.prevent_default();
                onfiles.emit(files);
            }
        })
    };

    let limit_mb = MAX_INPUT_BYTES / (1024 * 1024);
    let collapsed = props.collapsed;
    html! {
        <section
            id="input-section"
            class={classes!("panel", "input-panel", collapsed.then_some("is-collapsed"), dragging.then_some("is-dragover"))}
            aria-labelledby="input-heading"
            {ondragover}
            {ondragleave}
            {ondrop}
        >
            <div class="input-bar">
                <h2 id="input-heading">{ "Article" }</h2>
                { if collapsed { html! { <>
                    <span class="input-bar-name">{ format!("{} · {}", props.name, human_size(props.text.len())) }</span>
                    <button id="edit-input" type="button" onclick={onedit}>{ "Edit" }</button>
                </> } } else { html! {} } }
            </div>
            <div class="input-body" hidden={collapsed}>
            <div id="drop-zone" class="drop-zone">
                <label for="article-input" class="field-label">
                    { "Text of the article" }
                    <span class="doc-name">{ format!(" — {}", props.name) }</span>
                </label>
                <textarea
                    id="article-input"
                    ref={props.textarea.clone()}
                    rows="12"
                    spellcheck="false"
                    aria-describedby="input-hint"
                    placeholder="Paste a news article here…"
                    {oninput}
                />
                <p id="input-hint" class="hint">
                    { format!(
                        "Paste text, or drop a .txt, .md or .html file here (up to {limit_mb} MB). \
                         A paste is analysed at once, typing when you pause."
                    ) }
                </p>
            </div>
            <div class="toolbar">
                <button id="analyze" type="button" class="primary" onclick={onanalyze}>
                    { "Analyze" }
                </button>
                <input
                    id="file-input"
                    class="visually-hidden"
                    type="file"
                    accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                    {onchange}
                />
                <label for="file-input" class="button file-button">{ "Open a file…" }</label>
                <button id="clear" type="button" onclick={onclear}>{ "Clear" }</button>
            </div>
            <div class="examples" role="group" aria-labelledby="examples-label">
                <span id="examples-label">{ "Try an example:" }</span>
                { for EXAMPLES.iter().map(|ex| {
                    let onexample = props.onexample.clone();
                    let id = ex.id;
                    html! {
                        <button
                            id={format!("example-{}", ex.id)}
                            type="button"
                            class="link-button"
                            onclick={Callback::from(move |_: MouseEvent| onexample.emit(id))}
                        >
                            { ex.label }
                        </button>
                    }
                }) }
            </div>
            </div>
        </section>
    }
}
