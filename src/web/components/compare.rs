//! Two reports of one story side by side: their sourcing profiles, the speakers both quote and
//! those only one does, the aligned claims with what differs between them, the claims only one
//! report carries, and both articles, where an aligned pair is highlighted.

use std::rc::Rc;

use yew::prelude::*;

use super::article::Article;
use super::claims::stance_label;
use super::{shorten, show_more_button, LIST_PAGE};
use crate::engine::export::spans_text;
use crate::engine::Analysis;
use crate::web::compare::{engine_claim, kind_label, shown_claim, Comparison, Pair};
use crate::web::state::{Analysed, Compare, Selection};
use crate::web::summary::{percent, Profile, STANCES};

/// Props of [`CompareView`].
#[derive(Properties)]
pub struct CompareProps {
    /// The comparison and both analyses.
    pub compare: Compare,
    /// The documents' names.
    pub names: [AttrValue; 2],
    /// An aligned pair was picked (or none).
    pub onpick: Callback<Option<usize>>,
    /// Back to the documents.
    pub onclose: Callback<()>,
}

impl PartialEq for CompareProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.compare, &other.compare);
        let result = match (&a.result, &b.result) {
            (Some(Ok(x)), Some(Ok(y))) => Rc::ptr_eq(x, y),
            (x, y) => x.is_none() && y.is_none(),
        };
        a.seq == b.seq && a.pair == b.pair && result && self.names == other.names
    }
}

fn speaker_name(a: &Analysis, id: Option<u32>) -> String {
    id.and_then(|s| a.speakers.get(s as usize)).map_or_else(|| "(no source)".to_string(), |s| s.name.clone())
}

/// One claim of a side (engine id): "Claim 3 · Speaker" and its content, as shown (with the
/// user's corrections) unless the user said it is not a claim.
fn claim_line(side: &Analysed, id: u32) -> Html {
    let (a, id) = match shown_claim(side, id) {
        Some(shown) => (&side.analysis, shown),
        None => (&side.raw, id),
    };
    let Some(c) = a.claims.get(id as usize) else { return html! {} };
    html! { <>
        <span class="cmp-claim-head">{ format!("Claim {} · {}", id + 1, speaker_name(a, c.speaker)) }</span>
        <span class="cmp-claim-text">{ shorten(&spans_text(&side.text, &c.content), 220) }</span>
    </> }
}

/// The profile table: one row per number, one column per report.
fn profiles(sides: &[Analysed; 2], names: &[AttrValue; 2]) -> Html {
    let p = [Profile::of(&sides[0].analysis), Profile::of(&sides[1].analysis)];
    let row = |label: &str, f: &dyn Fn(&Profile) -> String| {
        html! { <tr><th scope="row">{ label }</th><td>{ f(&p[0]) }</td><td>{ f(&p[1]) }</td></tr> }
    };
    let share = |n: usize, of: usize| format!("{n} ({})", percent(n, of));
    html! {
        <table id="cmp-profiles" class="cmp-profiles">
            <caption>{ "Sourcing profiles" }</caption>
            <thead><tr><th scope="col">{ "" }</th><th scope="col">{ &names[0] }</th><th scope="col">{ &names[1] }</th></tr></thead>
            <tbody>
                { row("Voices", &|p| p.voices.to_string()) }
                { row("Named", &|p| share(p.named_voices, p.voices)) }
                { row("Anonymous", &|p| share(p.anonymous_voices, p.voices)) }
                { row("Vague", &|p| share(p.vague_voices, p.voices)) }
                { row("Claims", &|p| p.claims.to_string()) }
                { row("Quoted directly", &|p| share(p.groups[0], p.claims)) }
                { row("Reported", &|p| share(p.groups[1], p.claims)) }
                { row("Mixed", &|p| share(p.groups[2], p.claims)) }
                { row("Resting on anonymous sources only", &|p| share(p.anonymous_only.len(), p.claims)) }
                { row("Framed as doubtful", &|p| share(p.doubt_framed, p.claims)) }
                { row("Stances", &|p| STANCES.iter().zip(p.stances).filter(|(_, n)| *n > 0)
                    .map(|(s, n)| format!("{} {n}", stance_label(*s).1)).collect::<Vec<_>>().join(", ")) }
            </tbody>
        </table>
    }
}

fn speakers(c: &Comparison, sides: &[Analysed; 2], names: &[AttrValue; 2]) -> Html {
    let name = |d: usize, id: u32| sides[d].raw.speakers.get(id as usize).map(|s| s.name.clone()).unwrap_or_default();
    let only = |d: usize| {
        // Speakers with a claim that the other report does not quote (engine ids).
        let a = &sides[d].raw;
        let mut voiced = vec![false; a.speakers.len()];
        for s in a.claims.iter().filter_map(|c| c.speaker) {
            if let Some(v) = voiced.get_mut(s as usize) {
                *v = true;
            }
        }
        let ids: Vec<u32> = (0..voiced.len() as u32).filter(|id| voiced[*id as usize] && !c.linked(d, *id)).collect();
        html! {
            <div class="cmp-col">
                <h4>{ format!("Only in {} ({})", names[d], ids.len()) }</h4>
                <ul class="cmp-list">{ for ids.iter().map(|id| html! { <li>{ name(d, *id) }</li> }) }</ul>
            </div>
        }
    };
    html! {
        <section class="cmp-block" aria-labelledby="cmp-speakers-h">
            <h3 id="cmp-speakers-h">{ format!("Speakers in both ({})", c.speakers.len()) }</h3>
            <ul id="cmp-speakers" class="cmp-list">
                { for c.speakers.iter().map(|l| {
                    let side = |d: usize| name(d, l[d]);
                    html! { <li>{ side(0) }<span aria-hidden="true">{ " ↔ " }</span><span class="visually-hidden">{ " and " }</span>{ side(1) }</li> }
                }) }
            </ul>
            <div class="cmp-cols">{ only(0) }{ only(1) }</div>
        </section>
    }
}

fn pair_item(i: usize, p: &Pair, sides: &[Analysed; 2], picked: bool, onpick: &Callback<Option<usize>>) -> Html {
    let onclick = {
        let onpick = onpick.clone();
        Callback::from(move |_: MouseEvent| onpick.emit(if picked { None } else { Some(i) }))
    };
    html! {
        <li class={classes!("cmp-pair", picked.then_some("is-selected"))} data-pair={i.to_string()}>
            <button type="button" class="pair-button" aria-pressed={picked.to_string()} {onclick}>
                { if p.same { html! { <span class="badge relation same">{ "same" }</span> } }
                  else { html! { <span class="badge relation related">{ "related" }</span> } } }
                <span class="cmp-cols">
                    <span class="cmp-col">{ claim_line(&sides[0], p.claims[0]) }</span>
                    <span class="cmp-col">{ claim_line(&sides[1], p.claims[1]) }</span>
                </span>
            </button>
            { if p.differences.is_empty() { html! { <p class="small">{ "No difference found." }</p> } } else { html! {
                <dl class="diffs">
                    { for p.differences.iter().map(|d| html! { <div class={classes!("diff", d.kind.clone())}>
                        <dt>{ kind_label(&d.kind) }</dt>
                        <dd><span class="diff-a">{ &d.sides[0] }</span><span class="diff-vs">{ " vs " }</span><span class="diff-b">{ &d.sides[1] }</span></dd>
                    </div> }) }
                </dl>
            } } }
        </li>
    }
}

/// The comparison view.
#[component(CompareView)]
pub fn compare_view(props: &CompareProps) -> Html {
    let cmp = &props.compare;
    let names = &props.names;
    let pair = cmp.pair;
    // Items shown of the pairs and of each "only in" list: a page at a time (one more page of
    // each list per "Show more"), so that two long reports (hundreds of pairs, thousands of
    // claims) do not block the page while rendering.
    let shown = use_state(|| LIST_PAGE);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + LIST_PAGE))
    };
    // Bring both highlighted passages into view.
    use_effect_with(pair, |pair| {
        if pair.is_some() {
            for pane in ["#cmp-article-a", "#cmp-article-b"] {
                if let Ok(Some(el)) = gloo::utils::document().query_selector(&format!("{pane} .is-selected")) {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        }
    });
    let onclose = props.onclose.reform(|_: MouseEvent| ());
    let body = match &cmp.result {
        None => html! { <p class="empty" role="status">{ "Comparing…" }</p> },
        Some(Err(e)) => {
            html! { <p class="notice notice-error" role="alert">{ format!("The comparison failed: {e}") }</p> }
        }
        Some(Ok(c)) => {
            let selected = pair.and_then(|i| c.pairs.get(i));
            // A pair picked in an article is listed even when beyond the page.
            let n_pairs = (*shown).max(pair.map_or(0, |i| i + 1)).min(c.pairs.len());
            let on_article = |d: usize| {
                let (onpick, c, side) = (props.onpick.clone(), c.clone(), cmp.sides[d].clone());
                Callback::from(move |s: Selection| {
                    if let Selection::Claim(id) = s {
                        let id = engine_claim(&side, id);
                        onpick.emit(c.pairs.iter().position(|p| p.claims[d] == id));
                    }
                })
            };
            let article = |d: usize, id: &'static str| {
                let side = &cmp.sides[d];
                let claim = selected.and_then(|p| shown_claim(side, p.claims[d]));
                html! {
                    <section class="cmp-article" aria-label={format!("Article: {}", names[d])}>
                        <h4>{ &names[d] }</h4>
                        <div class="cmp-article-pane" tabindex="0">
                            <Article id={id} text={side.text.clone()} annotated={side.annotated.clone()}
                                selection={claim.map_or(Selection::None, Selection::Claim)}
                                onselect={on_article(d)} />
                        </div>
                    </section>
                }
            };
            let only = |d: usize| {
                let ids: Vec<u32> = c.only.iter().filter(|(x, _)| *x == d).map(|(_, id)| *id).collect();
                let n = (*shown).min(ids.len());
                html! {
                    <div class="cmp-col">
                        <h4>{ format!("Only in {} ({})", names[d], ids.len()) }</h4>
                        <ul class="cmp-list cmp-only" data-doc={d.to_string()}>
                            { for ids[..n].iter().map(|id| html! { <li>{ claim_line(&cmp.sides[d], *id) }</li> }) }
                        </ul>
                        { show_more_button(ids.len() - n, "claims", more.clone()) }
                    </div>
                }
            };
            html! { <>
                { profiles(&cmp.sides, names) }
                { speakers(c, &cmp.sides, names) }
                <section class="cmp-block" aria-labelledby="cmp-pairs-h">
                    <h3 id="cmp-pairs-h">{ format!("Claims in both ({})", c.pairs.len()) }</h3>
                    <p class="small">{ "Select a pair to see both passages highlighted in their articles below." }</p>
                    <ol id="cmp-pairs" class="cmp-pairs">
                        { for c.pairs.iter().enumerate().take(n_pairs).map(|(i, p)| pair_item(i, p, &cmp.sides, pair == Some(i), &props.onpick)) }
                    </ol>
                    { show_more_button(c.pairs.len() - n_pairs, "pairs", more.clone()) }
                </section>
                <div class="cmp-cols cmp-articles">{ article(0, "cmp-article-a") }{ article(1, "cmp-article-b") }</div>
                <section class="cmp-block" aria-labelledby="cmp-only-h">
                    <h3 id="cmp-only-h">{ "Claims only one report carries" }</h3>
                    <div class="cmp-cols">{ only(0) }{ only(1) }</div>
                </section>
            </> }
        }
    };
    html! {
        <section id="compare" class="panel compare" aria-labelledby="compare-heading">
            <div class="panel-head">
                <h2 id="compare-heading">{ format!("Comparing “{}” and “{}”", names[0], names[1]) }</h2>
                <button id="compare-close" type="button" onclick={onclose}>{ "Back to the documents" }</button>
            </div>
            { body }
        </section>
    }
}
