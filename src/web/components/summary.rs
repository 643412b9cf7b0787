//! The sourcing summary (`#summary`): the article's profile at a glance.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::{Analysis, Level};
use crate::web::components::claims::stance_label;
use crate::web::summary::{kind_label, percent, Profile, KINDS, STANCES};

/// Props of [`Summary`].
#[derive(Properties)]
pub struct SummaryProps {
    /// The analysis shown.
    pub analysis: Rc<Analysis>,
}

impl PartialEq for SummaryProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.analysis, &other.analysis)
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
    let sourced = p.named_claims + p.anonymous_claims;
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
                    <p class="small">{ format!(
                        "Claims: {} from named, {} from anonymous sources{}.",
                        p.named_claims, p.anonymous_claims,
                        if p.unsourced_claims > 0 { format!(", {} unsourced", p.unsourced_claims) } else { String::new() }
                    ) }</p>
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
