//! The input message (`#message`): refusals (too large, binary, not UTF-8, empty) and
//! confirmations with an undo offer.

use yew::prelude::*;

use crate::web::state::{Notice, NoticeKind};

/// Props of [`NoticeView`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// The message, if any.
    pub notice: Option<Notice>,
    /// "Undo" was pressed.
    pub onundo: Callback<()>,
    /// "Load with replacement characters" was pressed.
    pub onlossy: Callback<()>,
    /// "Dismiss" was pressed.
    pub ondismiss: Callback<()>,
}

/// The message area. The live region itself always exists so screen readers announce changes.
#[component(NoticeView)]
pub fn notice_view(props: &NoticeProps) -> Html {
    let body = match &props.notice {
        None => html! {},
        Some(n) => {
            let class = match n.kind {
                NoticeKind::Info => "notice notice-info",
                NoticeKind::Error => "notice notice-error",
            };
            html! {
                <div {class}>
                    <p class="notice-text">
                        { if n.kind == NoticeKind::Error {
                            html! { <strong>{ "Problem: " }</strong> }
                        } else {
                            html! {}
                        } }
                        { &n.text }
                    </p>
                    <div class="notice-actions">
                        { if n.undo {
                            html! { <button type="button" id="undo"
                                onclick={props.onundo.reform(|_: MouseEvent| ())}>{ "Undo" }</button> }
                        } else { html! {} } }
                        { if n.lossy {
                            html! { <button type="button" id="load-lossy"
                                onclick={props.onlossy.reform(|_: MouseEvent| ())}>
                                { "Load with � for the invalid bytes" }</button> }
                        } else { html! {} } }
                        <button type="button" class="dismiss"
                            onclick={props.ondismiss.reform(|_: MouseEvent| ())}>{ "Dismiss" }</button>
                    </div>
                </div>
            }
        }
    };
    html! {
        <div id="message" class="message" aria-live="assertive" aria-atomic="true">{ body }</div>
    }
}
