//! The sourcing summary: the strip at the top of the results (`#strip`: the numbers a
//! journalist asks for first, each a filter), the "filtered by … ×" chip, and the full profile
//! (`#summary`: every breakdown, each adding up to its total, every number a filter; the
//! claims resting on anonymous sources only; the doubt-framing cues).

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::export::spans_text;
use crate::engine::{Analysis, Anonymity, Level};
use crate::web::components::claims::stance_label;
use crate::web::components::shorten;
use crate::web::summary::{doubt_cues, kind_label, percent, Filter, KindGroup, Profile, KINDS, KIND_GROUPS, STANCES};

/// How many of the claims resting on anonymous sources only are listed in the summary.
pub const ANONYMOUS_ONLY_SHOWN: usize = 10;

/// Props of [`Summary`] and [`Strip`].
#[derive(Properties)]
pub struct SummaryProps {
    /// The analysed text.
    pub text: Rc<str>,
    /// The analysis shown.
    pub analysis: Rc<Analysis>,
    /// The filter in force.
    pub filter: Filter,
    /// A number was clicked: its filter ([`Filter::All`] to clear it).
    pub onfilter: Callback<Filter>,
}

impl PartialEq for SummaryProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.analysis, &other.analysis)
            && Rc::ptr_eq(&self.text, &other.text)
            && self.filter == other.filter
            && self.onfilter == other.onfilter
    }
}

/// A number that filters: pressed while its filter is in force; a second click clears it.
fn filter_button(props: &SummaryProps, filter: Filter, class: &'static str, body: Html) -> Html {
    let on = props.filter == filter;
    let onclick = props.onfilter.reform(move |_: MouseEvent| if on { Filter::All } else { filter.clone() });
    html! {
        <button type="button" class={classes!("num", class)} aria-pressed={on.to_string()} {onclick}>{ body }</button>
    }
}

/// "label N" as a filter button.
fn num(props: &SummaryProps, label: &str, n: usize, filter: Filter) -> Html {
    filter_button(props, filter, "num-chip", html! { <>{ label }{ " " }<strong>{ n }</strong></> })
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The profile of the analysis, computed once per analysis (a filter click re-renders only).
#[hook]
fn use_profile(props: &SummaryProps) -> Rc<Profile> {
    let a = props.analysis.clone();
    use_memo(Rc::as_ptr(&a) as usize, move |_| Profile::of(&a))
}

/// The strip at the top of the results: voices, named / anonymous / vague, direct / reported,
/// doubt-framed, anonymous only.
#[component(Strip)]
pub fn strip(props: &SummaryProps) -> Html {
    let p = use_profile(props);
    html! {
        <div id="strip" class="strip" role="group" aria-label="Sourcing at a glance (each number filters)">
            <p class="strip-group">
                <span class="strip-total"><strong>{ p.voices }</strong>{ plural(p.voices, " voice", " voices") }</span>
                { num(props, "named", p.named_voices, Filter::Anonymity(Anonymity::Named)) }
                { num(props, "anonymous", p.anonymous_voices, Filter::Anonymity(Anonymity::Anonymous)) }
                { num(props, "vague", p.vague_voices, Filter::Anonymity(Anonymity::Vague)) }
            </p>
            <p class="strip-group">
                <span class="strip-total"><strong>{ p.claims }</strong>{ plural(p.claims, " claim", " claims") }</span>
                { for KIND_GROUPS.iter().zip(p.groups).filter(|(g, n)| *n > 0 || **g != KindGroup::Hedge)
                    .map(|(g, n)| num(props, g.label(), n, Filter::Kind(*g))) }
            </p>
            <p class="strip-group">
                { num(props, "doubt-framed", p.doubt_framed, Filter::DoubtFramed) }
                { num(props, "on anonymous sources only", p.anonymous_only.len(), Filter::AnonymousOnly) }
            </p>
        </div>
    }
}

/// "Filtered by … ×": what the lists and highlights are narrowed to, and how to undo it.
pub fn filter_chip(analysis: &Analysis, filter: &Filter, claims: usize, onfilter: &Callback<Filter>) -> Html {
    if *filter == Filter::All {
        return html! {};
    }
    html! {
        <p id="filter-chip" class="filter-chip" role="status">
            { "Filtered by " }<strong>{ filter.label(analysis) }</strong>
            { format!(": {claims} {}", plural(claims, "claim", "claims")) }
            <button type="button" id="clear-filter" aria-label="Remove the filter"
                onclick={onfilter.reform(|_: MouseEvent| Filter::All)}>{ "×" }</button>
        </p>
    }
}

/// One labelled share: "Named 3 (60%)" with a meter, as a filter button.
fn share(props: &SummaryProps, label: &str, part: usize, whole: usize, filter: Filter) -> Html {
    filter_button(
        props,
        filter,
        "share",
        html! { <>
            <span class="share-label">{ label }</span>
            // Integers: a float's printing would pull core's float formatting into the app.
            <meter min="0" max={whole.max(1).to_string()} value={part.to_string()} aria-hidden="true" />
            <span class="share-value">{ format!("{part} ({})", percent(part, whole)) }</span>
        </> },
    )
}

/// The full sourcing summary.
#[component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let a = &props.analysis;
    let p = use_profile(props);
    let only = p.anonymous_only.len();
    let cues = {
        let (text, a) = (props.text.clone(), props.analysis.clone());
        use_memo(Rc::as_ptr(&a) as usize, move |_| doubt_cues(&text, &a))
    };
    let warnings: Vec<_> = a.diagnostics.iter().filter(|d| d.level == Level::Warning).collect();
    html! {
        <div id="summary" class="summary">
            <p class="profile-line">
                <strong>{ p.voices }</strong>{ plural(p.voices, " voice", " voices") }
                { " · " }<strong>{ p.claims }</strong>{ plural(p.claims, " claim", " claims") }
                { " · " }<strong>{ percent(p.anonymous_claims, p.claims) }</strong>{ " of claims from anonymous sources" }
                { " · " }<strong>{ percent(p.groups[0], p.claims) }</strong>{ " quoted directly" }
            </p>
            <div class="summary-grid">
                <section class="summary-card" aria-labelledby="sum-voices">
                    <h3 id="sum-voices">{ format!("Voices ({})", p.voices) }</h3>
                    { share(props, "Named", p.named_voices, p.voices, Filter::Anonymity(Anonymity::Named)) }
                    { share(props, "Anonymous", p.anonymous_voices, p.voices, Filter::Anonymity(Anonymity::Anonymous)) }
                    { share(props, "Vague", p.vague_voices, p.voices, Filter::Anonymity(Anonymity::Vague)) }
                </section>
                <section id="sourced-claims" class="summary-card" aria-labelledby="sum-sourced">
                    <h3 id="sum-sourced">{ format!("Claims by source ({})", p.claims) }</h3>
                    { share(props, "Named", p.named_claims, p.claims, Filter::Anonymity(Anonymity::Named)) }
                    { share(props, "Anonymous", p.anonymous_claims, p.claims, Filter::Anonymity(Anonymity::Anonymous)) }
                    { share(props, "Vague", p.vague_claims, p.claims, Filter::Anonymity(Anonymity::Vague)) }
                    { share(props, "No source", p.unsourced_claims, p.claims, Filter::Unsourced) }
                    { if only == 0 {
                        html! { <p id="anonymous-only" class="small">{ "No claim rests on anonymous sources only." }</p> }
                    } else { html! {
                        <details id="anonymous-only">
                            <summary>{ format!("{only} {} on anonymous sources only",
                                plural(only, "claim rests", "claims rest")) }</summary>
                            <ul>
                                // The first few: all of them are one click away, as a filter (a
                                // huge article has thousands, too many to build here).
                                { for p.anonymous_only.iter().take(ANONYMOUS_ONLY_SHOWN).filter_map(|&id| {
                                    let c = a.claims.get(id as usize)?;
                                    let who = c.speaker.and_then(|s| a.speakers.get(s as usize))?;
                                    Some(html! { <li data-claim-id={id.to_string()}>
                                        <strong>{ &who.name }</strong>{ ": " }{ shorten(&spans_text(&props.text, &c.content), 120) }
                                    </li> })
                                }) }
                            </ul>
                            { filter_button(props, Filter::AnonymousOnly, "show-only", html! {
                                { format!("Show {} only", if only == 1 { "it" } else if only == 2 { "both" } else { "them" }) }
                            }) }
                        </details>
                    } } }
                </section>
                <section class="summary-card" aria-labelledby="sum-kinds">
                    <h3 id="sum-kinds">{ format!("Direct or reported ({})", p.claims) }</h3>
                    { for KIND_GROUPS.iter().zip(p.groups).map(|(g, n)| {
                        let mut label = g.label().to_string();
                        label[..1].make_ascii_uppercase();
                        share(props, &label, n, p.claims, Filter::Kind(*g))
                    }) }
                    <p class="small">{
                        KINDS.iter().zip(p.kinds).filter(|(_, n)| *n > 0)
                            .map(|(k, n)| format!("{} {n}", kind_label(*k)))
                            .collect::<Vec<_>>().join(" · ")
                    }</p>
                </section>
                <section class="summary-card" aria-labelledby="sum-stances">
                    <h3 id="sum-stances">{ format!("How they are framed ({})", p.claims) }</h3>
                    <ul class="stance-counts">
                        { for STANCES.iter().zip(p.stances).map(|(s, n)| {
                            let (symbol, label) = stance_label(*s);
                            html! {
                                <li class={classes!("stance", format!("stance-{}", s.as_str()), (n == 0).then_some("is-zero"))}>
                                    { filter_button(props, Filter::Stance(*s), "stance-button", html! { <>
                                        <span aria-hidden="true">{ symbol }</span>{ format!(" {label}: {n}") }
                                    </> }) }
                                </li>
                            }
                        }) }
                    </ul>
                    { if p.chained_claims > 0 {
                        html! { <p class="small">{ format!("{} relayed through another outlet or source.", p.chained_claims) }</p> }
                    } else { html! {} } }
                </section>
                <section id="doubt-cues" class="summary-card" aria-labelledby="sum-doubt">
                    <h3 id="sum-doubt">{ format!("Doubt-framing cues ({})", p.doubt_framed) }</h3>
                    { if cues.is_empty() {
                        html! { <p class="small">{ "No claim is framed as doubtful (claimed, alleged, reportedly…)." }</p> }
                    } else { html! {
                        <p class="cue-list">
                            { for cues.iter().map(|(w, n)| {
                                let label = format!("{w} ×{n}");
                                filter_button(props, Filter::Cue(w.clone()), "num-chip", html! { { label } })
                            }) }
                        </p>
                    } } }
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
