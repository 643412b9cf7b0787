//! The sourcing summary (`#summary`): the article's profile at a glance.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::export::spans_text;
use crate::engine::{Analysis, Level};
use crate::web::components::claims::stance_label;
use crate::web::components::shorten;
use crate::web::summary::{kind_label, percent, Profile, KINDS, STANCES};

/// Props of [`Summary`].
#[derive(Properties)]
pub struct SummaryProps {
    /// The analysed text.
    pub text: Rc<str>,
    /// The analysis shown.
    pub analysis: Rc<Analysis>,
}

impl PartialEq for SummaryProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.analysis, &other.analysis) && Rc::ptr_eq(&self.text, &other.text)
    }
}

/// One labelled share: "Named 3 (60%)" with a meter.
fn share(label: &str, part: usize, whole: usize, class: &str) -> Html {
    let value = if whole == 0 { 0.0 } else { part as f64 / whole as f64 };
    html! {
        <div class={classes!("share", class.to_string())}>
            <span class="share-label">{ label }</span>
            <meter min="0" max="1" value={value.to_string()} aria-hidden="true" />
            <span class="share-value">{ format!("{part} ({})", percent(part, whole)) }</span>
        </div>
    }
}

/// The sourcing summary.
#[component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let a = &props.analysis;
    let p = Profile::of(a);
    let sourced = p.named_claims + p.anonymous_claims + p.vague_claims;
    let only = p.anonymous_only.len();
    let warnings: Vec<_> = a.diagnostics.iter().filter(|d| d.level == Level::Warning).collect();
    html! {
        <div id="summary" class="summary">
            <p class="profile-line">
                <strong>{ p.voices }</strong>{ if p.voices == 1 { " voice" } else { " voices" } }
                { " · " }<strong>{ p.claims }</strong>{ if p.claims == 1 { " claim" } else { " claims" } }
                { " · " }<strong>{ percent(p.anonymous_claims, sourced) }</strong>{ " of sourced claims anonymous" }
                { " · " }<strong>{ percent(p.direct_claims, p.claims) }</strong>{ " quoted directly" }
            </p>
            <div class="summary-grid">
                <section class="summary-card" aria-labelledby="sum-voices">
                    <h3 id="sum-voices">{ "Voices" }</h3>
                    { share("Named", p.named_voices, p.voices, "named") }
                    { share("Anonymous", p.anonymous_voices, p.voices, "anonymous") }
                    { share("Vague", p.vague_voices, p.voices, "vague") }
                </section>
                <section id="sourced-claims" class="summary-card" aria-labelledby="sum-sourced">
                    <h3 id="sum-sourced">{ "Sourced claims" }</h3>
                    { share("Named", p.named_claims, sourced, "named") }
                    { share("Anonymous", p.anonymous_claims, sourced, "anonymous") }
                    { share("Vague", p.vague_claims, sourced, "vague") }
                    { if p.unsourced_claims > 0 {
                        html! { <p class="small">{ format!("Unsourced claims: {}.", p.unsourced_claims) }</p> }
                    } else { html! {} } }
                    { if only == 0 {
                        html! { <p id="anonymous-only" class="small">{ "No claim rests on anonymous sources only." }</p> }
                    } else { html! {
                        <details id="anonymous-only">
                            <summary>{ format!("{only} {} on anonymous sources only",
                                if only == 1 { "claim rests" } else { "claims rest" }) }</summary>
                            <ul>
                                { for p.anonymous_only.iter().filter_map(|&id| {
                                    let c = a.claims.get(id as usize)?;
                                    let who = c.speaker.and_then(|s| a.speakers.get(s as usize))?;
                                    Some(html! { <li data-claim-id={id.to_string()}>
                                        <strong>{ &who.name }</strong>{ ": " }{ shorten(&spans_text(&props.text, &c.content), 120) }
                                    </li> })
                                }) }
                            </ul>
                        </details>
                    } } }
                </section>
                <section class="summary-card" aria-labelledby="sum-kinds">
                    <h3 id="sum-kinds">{ "Direct or reported" }</h3>
                    { share("Direct", p.direct_claims, p.claims, "direct") }
                    { share("Indirect", p.indirect_claims, p.claims, "indirect") }
                    { share("Mixed", p.mixed_claims, p.claims, "mixed") }
                    <p class="small">{
                        KINDS.iter().zip(p.kinds).filter(|(_, n)| *n > 0)
                            .map(|(k, n)| format!("{} {n}", kind_label(*k)))
                            .collect::<Vec<_>>().join(" · ")
                    }</p>
                </section>
                <section class="summary-card" aria-labelledby="sum-stances">
                    <h3 id="sum-stances">{ "How they are framed" }</h3>
                    <ul class="stance-counts">
                        { for STANCES.iter().zip(p.stances).map(|(s, n)| {
                            let (symbol, label) = stance_label(*s);
                            html! {
                                <li class={classes!("stance", format!("stance-{}", s.as_str()), (n == 0).then_some("is-zero"))}>
                                    <span aria-hidden="true">{ symbol }</span>{ format!(" {label}: {n}") }
                                </li>
                            }
                        }) }
                    </ul>
                    { if p.chained_claims > 0 {
                        html! { <p class="small">{ format!("{} relayed through another outlet or source.", p.chained_claims) }</p> }
                    } else { html! {} } }
                </section>
            </div>
            { if warnings.is_empty() { html! {} } else {
                html! {
                    <ul class="diagnostics" aria-label="Notes from the analysis">
                        { for warnings.iter().map(|d| html! { <li>{ &d.message }</li> }) }
                    </ul>
                }
            } }
        </div>
    }
}
