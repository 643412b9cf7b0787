//! The speakers panel (`#speakers`): every entity, sorted by number of claims, with its
//! anonymity (and the words that made it so); the selected one offers to rename it or merge it
//! into another.

use std::rc::Rc;

use yew::prelude::*;

use super::{show_more_button, speaker_picker, text_form, LIST_PAGE};
use crate::engine::{Analysis, Anonymity, SpeakerKind};
use crate::web::components::article::speaker_class;
use crate::web::corrections::Correction;
use crate::web::summary::{anonymity, Filter, Shown};

/// Below this confidence a speaker card gets a "?" (every mention of it is a pronoun).
pub const LOW_CONFIDENCE: f32 = 0.7;

/// Props of [`Speakers`].
#[derive(Properties)]
pub struct SpeakersProps {
    /// The analysis shown.
    pub analysis: Rc<Analysis>,
    /// The selected speaker.
    pub selected: Option<u32>,
    /// The selected speaker was selected itself (not through one of its claims): offer to
    /// correct it.
    pub correcting: bool,
    /// A speaker was clicked (its id; `None` to unselect).
    pub onselect: Callback<Option<u32>>,
    /// The user corrected a speaker (ids as shown).
    pub oncorrect: Callback<Correction>,
    /// What the filter leaves (`None`: every speaker).
    #[prop_or_default]
    pub shown: Option<Rc<Shown>>,
    /// "Only their claims" was pressed.
    #[prop_or_default]
    pub onfilter: Callback<Filter>,
}

impl PartialEq for SpeakersProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.analysis, &other.analysis)
            && self.selected == other.selected
            && self.correcting == other.correcting
            && self.onselect == other.onselect
            && self.oncorrect == other.oncorrect
            && self.shown == other.shown
            && self.onfilter == other.onfilter
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
    let out: Vec<(u32, usize)> =
        analysis.speakers.iter().map(|s| (s.id, claims.get(s.id as usize).copied().unwrap_or(0))).collect();
    let key = |&(id, n): &(u32, usize)| {
        let mentions = analysis.speakers.get(id as usize).map(|s| s.mentions.len()).unwrap_or(0);
        (std::cmp::Reverse(n), std::cmp::Reverse(mentions), id)
    };
    crate::web::sorted_by(out, &|a, b| key(a).cmp(&key(b)))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The speakers panel.
#[component(Speakers)]
pub fn speakers(props: &SpeakersProps) -> Html {
    let shown = use_state(|| LIST_PAGE);
    let mut ranked = ranked(&props.analysis);
    // Claims each speaker relays (an outlet citing its sources).
    let mut relayed = vec![0usize; props.analysis.speakers.len()];
    for c in &props.analysis.claims {
        if let Some(n) = c.via.as_ref().and_then(|v| v.speaker).and_then(|s| relayed.get_mut(s as usize)) {
            *n += 1;
        }
    }
    if let Some(keep) = &props.shown {
        ranked.retain(|&(id, _)| keep.speaker(id));
    }
    if ranked.is_empty() {
        let why = if props.shown.is_some() { "No speaker matches the filter." } else { "No speakers found." };
        return html! {
            <ul id="speakers" class="speaker-list">
                <li class="empty">{ why }</li>
            </ul>
        };
    }
    // The selected speaker is never among the hidden ones.
    let selected_at = props.selected.and_then(|s| ranked.iter().position(|&(id, _)| id == s));
    let limit = (*shown).max(selected_at.map_or(0, |i| i + 1));
    let remaining = ranked.len().saturating_sub(limit);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + LIST_PAGE))
    };
    html! {
        <>
        <ul id="speakers" class="speaker-list">
            { for ranked.iter().take(limit).filter_map(|&(id, n_claims)| {
                let s = props.analysis.speakers.get(id as usize)?;
                let selected = props.selected == Some(id);
                let onclick = {
                    let onselect = props.onselect.clone();
                    Callback::from(move |_: MouseEvent| {
                        onselect.emit(if selected { None } else { Some(id) })
                    })
                };
                let level = anonymity(s);
                Some(html! {
                    <li
                        class={classes!("speaker", speaker_class(id), selected.then_some("is-selected"))}
                        data-speaker-id={id.to_string()}
                        key={id}
                    >
                        <button
                            type="button"
                            class="speaker-button"
                            aria-pressed={selected.to_string()}
                            {onclick}
                        >
                            <span class="speaker-head">
                                <span class="speaker-name">{ &s.name }</span>
                                { if s.confidence < LOW_CONFIDENCE {
                                    html! { <span class="uncertain" title="Reached only through a pronoun: it may be someone else">
                                        { "?" }<span class="visually-hidden">{ " (reached only through a pronoun)" }</span>
                                    </span> }
                                } else { html! {} } }
                            </span>
                            <span class="speaker-meta">
                                <span class={classes!("badge", "kind", format!("kind-{}", s.kind.as_str()))}>
                                    { kind_label(s.kind) }
                                </span>
                                { if level == Anonymity::Named { html! {} } else { html! {
                                    <span class="anonymity">
                                        <span class={classes!("badge", level.as_str())}>{ level.as_str() }</span>
                                        { if s.evidence.is_empty() { html! {} } else {
                                            html! { <span class="evidence">{ " — " }{ &s.evidence }</span> }
                                        } }
                                    </span>
                                } } }
                                <span class="counts">
                                    { match relayed.get(id as usize).copied().unwrap_or(0) {
                                        0 => plural(n_claims, "claim", "claims"),
                                        r => format!("{n_claims} own + {r} relayed {}", if n_claims + r == 1 { "claim" } else { "claims" }),
                                    } }
                                    { " · " }{ plural(s.mentions.len(), "mention", "mentions") }
                                </span>
                            </span>
                            { if s.titles.is_empty() { html! {} } else {
                                html! { <span class="titles">{ s.titles.join("; ") }</span> }
                            } }
                        </button>
                        { if selected && props.correcting { html! {
                            <div class="fix" role="group" aria-label={format!("Correct {}", s.name)}>
                                <button type="button" class="only-speaker"
                                    onclick={props.onfilter.reform(move |_: MouseEvent| Filter::Speaker(id))}>
                                    { "Show only their claims" }
                                </button>
                                { text_form("New name", "Rename", &s.name,
                                    props.oncorrect.reform(move |name| Correction::Rename { speaker: id, name })) }
                                { if props.analysis.speakers.len() > 1 {
                                    speaker_picker(&props.analysis, "Same speaker as", "Merge", Some(id),
                                        props.oncorrect.reform(move |into| Correction::Merge { from: id, into }))
                                } else { html! {} } }
                            </div>
                        } } else { html! {} } }
                    </li>
                })
            }) }
        </ul>
        { show_more_button(remaining, "speakers", more) }
        </>
    }
}
