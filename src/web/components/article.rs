//! The annotated article (`#article`): the text as given, with sources, cues, contents and
//! mentions marked, boilerplate dimmed, and a legend.
//!
//! An article under [`FULL_BYTES`] is rendered whole. Bigger texts stay responsive: only the
//! first [`PAGE_BYTES`] of paragraphs are rendered, and another page when the "Show more"
//! button at the end comes near the screen (an IntersectionObserver; the button also works by
//! click or keyboard) or when the selection needs a later paragraph. Every paragraph is its own memoised
//! component that re-renders only when the selection touches it, and the stylesheet gives
//! paragraphs `content-visibility: auto` so the browser skips laying out those off screen.
//! Clicks (and Enter on a focused claim: contents are Tab stops) are handled once, on the
//! container, by reading the mark's data attributes. With a filter in force, the marks of the
//! claims and speakers it leaves out are not drawn.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::web::highlight::{Annotated, Layer, Segment};
use crate::web::state::Selection;
use crate::web::summary::Shown;

/// Texts shorter than this are rendered whole.
pub const FULL_BYTES: usize = 1_000_000;

/// Bytes of a longer text rendered at first, and added by each "Show more".
pub const PAGE_BYTES: usize = 16_000;

/// Props of [`Article`].
#[derive(Properties)]
pub struct ArticleProps {
    /// The analysed text.
    pub text: Rc<str>,
    /// It, cut up.
    pub annotated: Rc<Annotated>,
    /// The selection.
    pub selection: Selection,
    /// True while a newer text is being analysed (the view is dimmed).
    #[prop_or_default]
    pub stale: bool,
    /// What the filter leaves (`None`: everything).
    #[prop_or_default]
    pub shown: Option<Rc<Shown>>,
    /// A mark was clicked.
    pub onselect: Callback<Selection>,
    /// The element's id (two articles side by side need two).
    #[prop_or(AttrValue::Static("article"))]
    pub id: AttrValue,
}

impl PartialEq for ArticleProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.text, &other.text)
            && Rc::ptr_eq(&self.annotated, &other.annotated)
            && self.selection == other.selection
            && self.stale == other.stale
            && same_shown(&self.shown, &other.shown)
            && self.onselect == other.onselect
            && self.id == other.id
    }
}

/// The colour class of a speaker (`spk-0` … `spk-7`, a colour-blind-safe palette): its source
/// boxes and mentions in the article and its card in the list share it.
pub fn speaker_class(id: u32) -> String {
    format!("spk-{}", id % 8)
}

/// The legend of the highlight styles.
pub fn legend() -> Html {
    html! {
        <ul class="legend" aria-label="Legend">
            <li><mark class="hl-source">{ "Source" }</mark><span class="legend-what">{ " who speaks (boxed, bold; a colour per speaker)" }</span></li>
            <li><mark class="hl-cue">{ "Cue" }</mark><span class="legend-what">{ " the attributing words (double underline)" }</span></li>
            <li><mark class="hl-content spk-0" data-who="Name">{ "Content" }</mark><span class="legend-what">{ " what is claimed (tint, dotted underline), after who says it" }</span></li>
            <li><mark class="hl-mention">{ "Mention" }</mark><span class="legend-what">{ " another mention of a speaker (dashed box)" }</span></li>
            <li><span class="boilerplate">{ "Boilerplate" }</span><span class="legend-what">{ " page debris, not analysed (dimmed)" }</span></li>
        </ul>
    }
}

fn same_shown(a: &Option<Rc<Shown>>, b: &Option<Rc<Shown>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (a, b) => a.is_none() && b.is_none(),
    }
}

fn selection_parts(selection: Selection) -> (Option<u32>, Option<u32>) {
    match selection {
        Selection::Claim(c) => (Some(c), None),
        Selection::Speaker(s) => (None, Some(s)),
        Selection::None => (None, None),
    }
}

/// The annotated article.
#[component(Article)]
pub fn article(props: &ArticleProps) -> Html {
    // (which analysis, bytes shown): a new analysis starts from the first page again.
    let key = Rc::as_ptr(&props.annotated) as usize;
    let pages = use_state_eq(|| (key, PAGE_BYTES));
    let total = props.text.len();
    let shown_bytes = if total < FULL_BYTES {
        usize::MAX
    } else if pages.0 == key {
        pages.1
    } else {
        PAGE_BYTES
    };
    let ann = &props.annotated;
    let (claim, speaker) = selection_parts(props.selection);

    // How many blocks fit the byte budget, extended to the selection's first block.
    let mut shown = ann.blocks.partition_point(|b| b.range.start < shown_bytes).max(1);
    let needed = match props.selection {
        Selection::Claim(c) => ann.claim_block.get(c as usize).copied().flatten(),
        Selection::Speaker(s) => ann.speaker_block.get(s as usize).copied().flatten(),
        Selection::None => None,
    };
    if let Some(b) = needed {
        shown = shown.max(b + 1);
    }
    let shown = shown.min(ann.blocks.len());

    let pick = {
        let onselect = props.onselect.clone();
        move |e: &Event| -> bool {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
                return false;
            };
            let Ok(Some(mark)) = target.closest("mark") else {
                return false;
            };
            let attr = |name: &str| mark.get_attribute(name).and_then(|v| v.parse::<u32>().ok());
            if let Some(c) = attr("data-claim-id") {
                onselect.emit(Selection::Claim(c));
            } else if let Some(s) = attr("data-speaker-id") {
                onselect.emit(Selection::Speaker(s));
            } else {
                return false;
            }
            true
        }
    };
    let onclick = {
        let pick = pick.clone();
        Callback::from(move |e: MouseEvent| {
            pick(&e);
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if (e.key() == "Enter" || e.key() == " ") && pick(&e) {
            e.prevent_default();
        }
    });
    let more = {
        let pages = pages.clone();
        let next = ann.blocks.get(shown).map(|b| b.range.start + PAGE_BYTES);
        Callback::from(move |()| {
            if let Some(n) = next {
                pages.set((key, n));
            }
        })
    };
    // Load the next page when the "Show more" button gets near the screen.
    let more_button = use_node_ref();
    {
        let more_button = more_button.clone();
        let more = more.clone();
        use_effect_with((key, shown), move |_| {
            let observer = more_button.cast::<web_sys::Element>().and_then(|button| {
                let callback =
                    wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        let near = entries.iter().any(|e| {
                            e.dyn_into::<web_sys::IntersectionObserverEntry>().is_ok_and(|e| e.is_intersecting())
                        });
                        if near {
                            more.emit(());
                        }
                    });
                let options = web_sys::IntersectionObserverInit::new();
                options.set_root_margin("800px 0px");
                let observer =
                    web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                        .ok()?;
                observer.observe(&button);
                Some((observer, callback))
            });
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    let hidden_bytes =
        ann.blocks.get(shown).map(|b| ann.blocks.last().map(|l| l.range.end).unwrap_or(0) - b.range.start).unwrap_or(0);

    html! {
        <>
        <div
            id={props.id.clone()}
            class={classes!("article", props.stale.then_some("is-stale"))}
            aria-busy={props.stale.to_string()}
            {onclick}
            {onkeydown}
        >
            { for (0..shown).map(|i| {
                let touched = ann.block_selected(i, claim, speaker);
                html! {
                    <ArticleBlock
                        key={i}
                        index={i}
                        text={props.text.clone()}
                        annotated={props.annotated.clone()}
                        selection={if touched { props.selection } else { Selection::None }}
                        shown={props.shown.clone()}
                    />
                }
            }) }
        </div>
        { if hidden_bytes > 0 {
            html! {
                <button type="button" class="show-more" ref={more_button} onclick={more.reform(|_: MouseEvent| ())}>
                    { format!("Show more of the article ({} not shown yet)",
                        crate::web::input::human_size(hidden_bytes)) }
                </button>
            }
        } else { html! {} } }
        </>
    }
}

#[derive(Properties)]
struct BlockProps {
    index: usize,
    text: Rc<str>,
    annotated: Rc<Annotated>,
    selection: Selection,
    shown: Option<Rc<Shown>>,
}

impl PartialEq for BlockProps {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && Rc::ptr_eq(&self.text, &other.text)
            && Rc::ptr_eq(&self.annotated, &other.annotated)
            && self.selection == other.selection
            && same_shown(&self.shown, &other.shown)
    }
}

/// One paragraph.
#[component(ArticleBlock)]
fn article_block(props: &BlockProps) -> Html {
    let ann = &props.annotated;
    if props.index >= ann.blocks.len() {
        return html! {};
    }
    let (claim, speaker) = selection_parts(props.selection);
    let segs = ann.segments(props.index);
    html! {
        <p class="block">{ render(&props.text, ann, &segs, 0, &View { claim, speaker, shown: props.shown.as_deref() }, false) }</p>
    }
}

/// Renders segments at nesting `depth`: consecutive segments sharing their mark at this depth
/// share one element.
/// What decides how a mark is drawn: the selection and the filter.
struct View<'a> {
    claim: Option<u32>,
    speaker: Option<u32>,
    shown: Option<&'a Shown>,
}

/// `nested`: inside a claim's content already drawn as a Tab stop (no Tab stop in a Tab stop).
fn render(text: &str, ann: &Annotated, segs: &[Segment], depth: usize, view: &View, nested: bool) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        match segs[i].marks.get(depth) {
            None => {
                out.push(Html::from(text.get(segs[i].range.clone()).unwrap_or("").to_string()));
                i += 1;
            }
            Some(&m) => {
                let mut j = i + 1;
                while j < segs.len() && segs[j].marks.get(depth) == Some(&m) {
                    j += 1;
                }
                let stop = !nested && ann.marks[m as usize].layer == Layer::Content && kept(ann, m, view);
                let inner = render(text, ann, &segs[i..j], depth + 1, view, nested || stop);
                // The mark starts here (not carried in from the paragraph before).
                let first = segs[i].range.start == ann.marks[m as usize].range.start;
                out.push(mark_element(ann, m, inner, view, stop, first));
                i = j;
            }
        }
    }
    out.into_iter().collect()
}

/// True when the filter leaves mark `i` drawn.
fn kept(ann: &Annotated, i: u32, view: &View) -> bool {
    let m = &ann.marks[i as usize];
    match view.shown {
        None => true,
        Some(_) if m.layer == Layer::Boilerplate => true,
        Some(shown) if m.claims.is_empty() => m.speaker.is_some_and(|s| shown.speaker(s)),
        Some(shown) => m.claims.iter().any(|&c| shown.claim(c)),
    }
}

/// `first`: the element is where the mark starts, so a claim's content gets its speaker chip
/// (the stylesheet draws `data-who` before it, in the speaker's colour; as generated content it
/// is part of the highlight's accessible name, as on screen, and never part of copied text).
fn mark_element(ann: &Annotated, i: u32, inner: Html, view: &View, stop: bool, first: bool) -> Html {
    let m = &ann.marks[i as usize];
    if m.layer == Layer::Boilerplate {
        return html! { <span class="boilerplate">{ inner }</span> };
    }
    if !kept(ann, i, view) {
        return inner;
    }
    let selected = ann.mark_selected(i, view.claim, view.speaker);
    let first_claim = match view.shown {
        Some(shown) => m.claims.iter().copied().find(|&c| shown.claim(c)),
        None => m.claims.first().copied(),
    };
    let claim_id = first_claim.map(|c| c.to_string());
    // A claim's content is a Tab stop: Enter selects the claim and shows its card.
    let title = first_claim.filter(|_| stop).map(|c| format!("Claim {}", c + 1));
    let speaker = match m.layer {
        Layer::Source | Layer::Mention => m.speaker,
        _ => None,
    };
    let chip = m.speaker.filter(|_| first && m.layer == Layer::Content);
    html! {
        <mark
            class={classes!(m.layer.class(), selected.then_some("is-selected"), speaker.or(chip).map(speaker_class))}
            data-claim-id={claim_id}
            data-speaker-id={speaker.map(|s| s.to_string())}
            data-who={chip.and_then(|s| ann.labels.get(s as usize)).cloned()}
            tabindex={stop.then_some("0")}
            role={stop.then_some("button")}
            {title}
        >
            { inner }
        </mark>
    }
}
