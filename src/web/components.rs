//! The panels of the app, one component per file. They only render what they are given and
//! report user intent through `on…` callbacks; the [`App`](super::App) owns the state.

pub mod article;
pub mod claims;
pub mod editor;
pub mod notice;
pub mod speakers;
pub mod status;
pub mod summary;

use yew::prelude::*;

/// How many list items (speakers, claims) are rendered before a "Show more" button.
pub const LIST_PAGE: usize = 100;

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
