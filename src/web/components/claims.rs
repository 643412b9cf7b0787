//! The claims panel (`#claims`): claims grouped by speaker, groups and claims in document order,
//! the selected one with controls to give it to another speaker or strike it out as no claim.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::{shorten, show_more_button, speaker_picker, LIST_PAGE};
use crate::engine::export::spans_text;
use crate::engine::{Analysis, Claim, Stance};
use crate::web::corrections::Correction;
use crate::web::summary::{kind_label, Shown};

/// Props of [`Claims`].
#[derive(Properties)]
pub struct ClaimsProps {
    /// The analysed text.
    pub text: Rc<str>,
    /// The analysis shown.
    pub analysis: Rc<Analysis>,
    /// The selected claim.
    pub selected_claim: Option<u32>,
    /// The selected speaker (its claims are marked too).
    pub selected_speaker: Option<u32>,
    /// A claim was clicked (`None` to unselect).
    pub onselect: Callback<Option<u32>>,
    /// "Copy" was pressed for a claim.
    pub oncopy: Callback<u32>,
    /// The user corrected a claim (ids as shown).
    pub oncorrect: Callback<Correction>,
    /// What the filter leaves (`None`: every claim).
    #[prop_or_default]
    pub shown: Option<Rc<Shown>>,
}

impl PartialEq for ClaimsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.analysis, &other.analysis)
            && Rc::ptr_eq(&self.text, &other.text)
            && self.selected_claim == other.selected_claim
            && self.selected_speaker == other.selected_speaker
            && self.onselect == other.onselect
            && self.oncopy == other.oncopy
            && self.oncorrect == other.oncorrect
            && self.shown == other.shown
    }
}

/// Claims grouped by speaker: groups in order of their first claim, claims in document order.
pub fn grouped(analysis: &Analysis) -> Vec<(Option<u32>, Vec<u32>)> {
    let mut groups: Vec<(Option<u32>, Vec<u32>)> = Vec::new();
    let mut index: HashMap<Option<u32>, usize> = HashMap::new();
    for c in &analysis.claims {
        let i = *index.entry(c.speaker).or_insert_with(|| {
            groups.push((c.speaker, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(c.id);
    }
    groups
}

/// A symbol and label for a stance, so it is never told by colour alone.
pub fn stance_label(stance: Stance) -> (&'static str, &'static str) {
    match stance {
        Stance::Neutral => ("○", "neutral"),
        Stance::Distancing => ("↔", "distancing"),
        Stance::Endorsing => ("✓", "endorsing"),
        Stance::Conceding => ("↘", "conceding"),
        Stance::Rejecting => ("✗", "rejecting"),
    }
}

/// The name of a claim's speaker, else its source text.
fn who(text: &str, analysis: &Analysis, speaker: Option<u32>, source: &[crate::engine::Span]) -> String {
    match speaker.and_then(|id| analysis.speakers.get(id as usize)) {
        Some(s) => s.name.clone(),
        None => {
            let t = spans_text(text, source);
            if t.is_empty() {
                "(no source)".to_string()
            } else {
                t
            }
        }
    }
}

/// "NBC News ← a high-ranking US official" for a claim relayed through an intermediary.
pub fn chain_text(text: &str, analysis: &Analysis, claim: &Claim) -> Option<String> {
    let via = claim.via.as_ref()?;
    let relay = who(text, analysis, via.speaker, &via.source);
    let origin = who(text, analysis, claim.speaker, &claim.source);
    Some(format!("{relay} ← {origin}"))
}

/// The claims panel.
#[component(Claims)]
pub fn claims(props: &ClaimsProps) -> Html {
    let shown = use_state(|| LIST_PAGE);
    let analysis = &props.analysis;
    let text = &*props.text;
    if analysis.claims.is_empty() {
        return html! {
            <div id="claims" class="claim-groups"><p class="empty">{ "No claims found." }</p></div>
        };
    }
    let mut groups = grouped(analysis);
    if let Some(keep) = &props.shown {
        groups.retain_mut(|(_, ids)| {
            ids.retain(|&id| keep.claim(id));
            !ids.is_empty()
        });
        if groups.is_empty() {
            return html! {
                <div id="claims" class="claim-groups"><p class="empty">{ "No claim matches the filter." }</p></div>
            };
        }
    }
    let total: usize = groups.iter().map(|(_, ids)| ids.len()).sum();
    // The selected claim is never among the hidden ones.
    let selected_at = props.selected_claim.and_then(|c| groups.iter().flat_map(|(_, ids)| ids).position(|&id| id == c));
    let mut budget = (*shown).max(selected_at.map_or(0, |i| i + 1));
    let mut rendered = 0usize;
    let group_views = groups.iter().enumerate().map(|(gi, (speaker, ids))| {
        if budget == 0 {
            return html! {};
        }
        let take = ids.len().min(budget);
        budget -= take;
        rendered += take;
        let name = match speaker.and_then(|id| analysis.speakers.get(id as usize)) {
            Some(s) => s.name.clone(),
            None => "No identified source".to_string(),
        };
        let heading_id = format!("claim-group-{gi}");
        html! {
            <section class="claim-group" aria-labelledby={heading_id.clone()} key={gi}>
                <h3 id={heading_id}>
                    { name }
                    <span class="group-count">{ format!(" ({})", ids.len()) }</span>
                </h3>
                <ol class="claim-list">
                    { for ids.iter().take(take).filter_map(|&id| {
                        let c = analysis.claims.get(id as usize)?;
                        Some(claim_item(text, analysis, c, props))
                    }) }
                </ol>
            </section>
        }
    });
    let views: Html = group_views.collect();
    let remaining = total.saturating_sub(rendered);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + LIST_PAGE))
    };
    html! {
        <>
        <div id="claims" class="claim-groups">{ views }</div>
        { show_more_button(remaining, "claims", more) }
        </>
    }
}

fn claim_item(text: &str, analysis: &Analysis, c: &Claim, props: &ClaimsProps) -> Html {
    let id = c.id;
    let selected = props.selected_claim == Some(id);
    let linked = !selected
        && props.selected_claim.is_none()
        && props.selected_speaker.is_some()
        && (c.speaker == props.selected_speaker || c.via.as_ref().is_some_and(|v| v.speaker == props.selected_speaker));
    let onclick = {
        let onselect = props.onselect.clone();
        Callback::from(move |_: MouseEvent| onselect.emit(if selected { None } else { Some(id) }))
    };
    let oncopy = {
        let oncopy = props.oncopy.clone();
        Callback::from(move |_: MouseEvent| oncopy.emit(id))
    };
    let (symbol, stance) = stance_label(c.stance);
    let cue = spans_text(text, &c.cue);
    let content = shorten(&spans_text(text, &c.content), 320);
    html! {
        <li
            class={classes!("claim", selected.then_some("is-selected"), linked.then_some("is-linked"))}
            data-claim-id={id.to_string()}
            key={id}
        >
            <button type="button" class="claim-button" aria-pressed={selected.to_string()} {onclick}>
                <span class="claim-meta">
                    <span class="claim-no">{ format!("Claim {}", id + 1) }</span>
                    <span class={classes!("badge", "claim-kind", format!("kind-{}", c.kind.as_str()))}>
                        { kind_label(c.kind) }
                    </span>
                    { if cue.is_empty() { html! {} } else {
                        html! { <span class="claim-cue">{ format!("“{cue}”") }</span> }
                    } }
                    <span class={classes!("badge", "stance", format!("stance-{}", c.stance.as_str()))}>
                        <span aria-hidden="true">{ symbol }</span>{ " " }{ stance }
                    </span>
                </span>
                <span class="claim-content">{ content }</span>
                { match chain_text(text, analysis, c) {
                    Some(chain) => html! {
                        <span class="chain"><span class="visually-hidden">{ "Chain: " }</span>{ chain }</span>
                    },
                    None => html! {},
                } }
            </button>
            // The selected card's actions: one Tab stop per list, not a Copy button per card.
            { if selected { html! {
                <div class="fix" role="group" aria-label={format!("Copy or correct claim {}", id + 1)}>
                    <button type="button" class="copy-button" aria-label={format!("Copy claim {} as text", id + 1)}
                        onclick={oncopy}>{ "Copy" }</button>
                    { if analysis.speakers.is_empty() { html! {} } else {
                        speaker_picker(analysis, "Said by", "Reassign", c.speaker,
                            props.oncorrect.reform(move |speaker| Correction::Reassign { claim: id, speaker }))
                    } }
                    <button type="button" class="not-a-claim"
                        onclick={props.oncorrect.reform(move |_: MouseEvent| Correction::NotAClaim { claim: id })}>
                        { "Not a claim" }
                    </button>
                </div>
            } } else { html! {} } }
        </li>
    }
}
