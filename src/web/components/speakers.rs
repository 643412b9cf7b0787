//! The speakers panel (`#speakers`): every entity, sorted by number of claims.

use std::rc::Rc;

use yew::prelude::*;

use super::{show_more_button, LIST_PAGE};
use crate::engine::{Analysis, SpeakerKind};

/// Props of [`Speakers`].
#[derive(Properties)]
pub struct SpeakersProps {
    /// The analysis shown.
    pub analysis: Rc<Analysis>,
    /// The selected speaker.
    pub selected: Option<u32>,
    /// A speaker was clicked (its id; `None` to unselect).
    pub onselect: Callback<Option<u32>>,
}

impl PartialEq for SpeakersProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.analysis, &other.analysis)
            && self.selected == other.selected
            && self.onselect == other.onselect
    }
}

/// A human label for a speaker kind.
pub fn kind_label(kind: SpeakerKind) -> &'static str {
    match kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organisation => "organisation",
        SpeakerKind::MediaOutlet => "media outlet",
        SpeakerKind::GovernmentBody => "government body",
        SpeakerKind::Group => "group",
        SpeakerKind::Document => "document",
        SpeakerKind::Unknown => "unknown kind",
    }
}

/// Speaker ids with their claim counts, most claims first (then most mentions, then first
/// mentioned).
pub fn ranked(analysis: &Analysis) -> Vec<(u32, usize)> {
    let mut claims = vec![0usize; analysis.speakers.len()];
    for c in &analysis.claims {
        if let Some(n) = c.speaker.and_then(|id| claims.get_mut(id as usize)) {
            *n += 1;
        }
    }
    let mut out: Vec<(u32, usize)> =
        analysis.speakers.iter().map(|s| (s.id, claims.get(s.id as usize).copied().unwrap_or(0))).collect();
    out.sort_by_key(|&(id, n)| {
        let mentions = analysis.speakers.get(id as usize).map(|s| s.mentions.len()).unwrap_or(0);
        (std::cmp::Reverse(n), std::cmp::Reverse(mentions), id)
    });
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The speakers panel.
#[component(Speakers)]
pub fn speakers(props: &SpeakersProps) -> Html {
    let shown = use_state(|| LIST_PAGE);
    let ranked = ranked(&props.analysis);
    if ranked.is_empty() {
        return html! {
            <ul id="speakers" class="speaker-list">
                <li class="empty">{ "No speakers found." }</li>
            </ul>
        };
    }
    let remaining = ranked.len().saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + LIST_PAGE))
    };
    html! {
        <>
        <ul id="speakers" class="speaker-list">
            { for ranked.iter().take(*shown).filter_map(|&(id, n_claims)| {
                let s = props.analysis.speakers.get(id as usize)?;
                let selected = props.selected == Some(id);
                let onclick = {
                    let onselect = props.onselect.clone();
                    Callback::from(move |_: MouseEvent| {
                        onselect.emit(if selected { None } else { Some(id) })
                    })
                };
                Some(html! {
                    <li
                        class={classes!("speaker", selected.then_some("is-selected"))}
                        data-speaker-id={id.to_string()}
                        key={id}
                    >
                        <button
                            type="button"
                            class="speaker-button"
                            aria-pressed={selected.to_string()}
                            {onclick}
                        >
                            <span class="speaker-name">{ &s.name }</span>
                            <span class="speaker-meta">
                                <span class={classes!("badge", "kind", format!("kind-{}", s.kind.as_str()))}>
                                    { kind_label(s.kind) }
                                </span>
                                { if s.anonymous {
                                    html! { <span class="badge anonymous">{ "anonymous" }</span> }
                                } else { html! {} } }
                                <span class="counts">
                                    { format!("{} · {}",
                                        plural(n_claims, "claim", "claims"),
                                        plural(s.mentions.len(), "mention", "mentions")) }
                                </span>
                            </span>
                            { if s.titles.is_empty() { html! {} } else {
                                html! { <span class="titles">{ s.titles.join("; ") }</span> }
                            } }
                        </button>
                    </li>
                })
            }) }
        </ul>
        { show_more_button(remaining, "speakers", more) }
        </>
    }
}
