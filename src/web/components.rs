//! The panels of the app, one component per file. They only render what they are given and
//! report user intent through `on…` callbacks; the [`App`](super::App) owns the state.

pub mod article;
pub mod claims;
pub mod compare;
pub mod editor;
pub mod notice;
pub mod speakers;
pub mod status;
pub mod summary;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::Analysis;

/// How many list items (speakers, claims) are rendered before a "Show more" button.
pub const LIST_PAGE: usize = 50;

/// A "Show N more" button for long lists; `remaining` is how many are hidden.
pub fn show_more_button(remaining: usize, what: &str, onclick: Callback<MouseEvent>) -> Html {
    if remaining == 0 {
        return html! {};
    }
    let n = remaining.min(LIST_PAGE);
    html! {
        <button type="button" class="show-more" {onclick}>
            { format!("Show {n} more {what} ({remaining} hidden)") }
        </button>
    }
}

/// Text shortened to at most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", text[..i].trim_end()),
        None => text.to_string(),
    }
}

/// A labelled `<select>` of the speakers (their ids as values) but `skip`, in a form whose
/// submit button says `action`; `onpick` gets the chosen id.
pub fn speaker_picker(
    analysis: &Analysis,
    label: &str,
    action: &str,
    skip: Option<u32>,
    onpick: Callback<u32>,
) -> Html {
    let select = NodeRef::default();
    let onsubmit = {
        let select = select.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(id) = select.cast::<HtmlSelectElement>().and_then(|s| s.value().parse().ok()) {
                onpick.emit(id);
            }
        })
    };
    html! {
        <form class="fix-form" {onsubmit}>
            <label>{ label }{ " " }
                <select ref={select}>
                    // Selected explicitly: yew inserts options last first, and the first one
                    // inserted would stay selected.
                    <option value="" selected=true>{ "choose…" }</option>
                    { for analysis.speakers.iter().filter(|s| Some(s.id) != skip).map(|s| html! {
                        <option value={s.id.to_string()}>{ &s.name }</option>
                    }) }
                </select>
            </label>
            <button type="submit">{ action }</button>
        </form>
    }
}

/// A labelled text field in a form whose submit button says `action`; `onsubmit` gets the
/// trimmed text when it is not empty.
pub fn text_form(label: &str, action: &str, value: &str, onsubmit: Callback<String>) -> Html {
    let input = NodeRef::default();
    let submit = {
        let input = input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = input.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            if !value.trim().is_empty() {
                onsubmit.emit(value.trim().to_string());
            }
        })
    };
    html! {
        <form class="fix-form" onsubmit={submit}>
            <label>{ label }{ " " }<input type="text" ref={input} value={value.to_string()} /></label>
            <button type="submit">{ action }</button>
        </form>
    }
}
