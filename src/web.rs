//! The browser app (feature `web`): a Yew single-page app over the [engine](crate::engine).
//!
//! Everything runs in the user's browser; the article never leaves it. The engine runs in a
//! web worker ([`worker`]) so a big article never freezes the page; the main thread
//! only reads input ([`input`]), keeps the state ([`state`]), renders ([`app`], [`components`],
//! with [`highlight`] cutting the text into marked segments) and keeps a draft ([`storage`]).
//!
//! Module map, by role:
//!
//! | module | role |
//! | --- | --- |
//! | [`app`] | the root component: wires input, worker, state and panels together |
//! | [`state`] | the reducer: several open documents, requests and their sequence numbers, selection |
//! | [`worker`] | the analysis task, its request/response types and their messages (plain JS arrays) |
//! | [`input`] | file reading (size limit, binary and UTF-8 checks) and HTML main-text extraction |
//! | [`highlight`] | text + analysis → blocks of segments carrying marks (pure, no DOM) |
//! | [`summary`] | the sourcing profile numbers (pure) |
//! | [`corrections`] | the user's corrections (merge, rename, reassign, not a claim) applied to an analysis (pure) |
//! | [`storage`] | the local draft and corrections (localStorage, never sent anywhere) |
//! | [`examples`] | the example articles (files next to the app, fetched on click) |
//! | [`download`] | saving exports as files and copying to the clipboard |
//! | [`components`] | one component per panel |

pub mod app;
pub mod compare;
pub mod components;
pub mod corrections;
pub mod download;
pub mod examples;
pub mod highlight;
pub mod input;
pub mod model;
pub mod state;
pub mod storage;
pub mod summary;
pub mod worker;

pub use app::{App, AppProps, Backend};

/// Sorts ids by a comparison, ties broken by the id (so the order is total and the result
/// does not depend on the sort's stability).
///
/// Every sort of the app goes through here or through `sort_unstable` on `usize`: each sort
/// call with its own element type or closure is a copy of the standard library's sort in the
/// wasm (≈ 4 KB each), and the app's bundle has a budget.
pub fn sort_ids(ids: &mut [u32], cmp: &dyn Fn(u32, u32) -> std::cmp::Ordering) {
    ids.sort_unstable_by(|a, b| cmp(*a, *b).then(a.cmp(b)));
}

/// `items` in the order `cmp` gives their indices ([`sort_ids`]).
pub fn sorted_by<T>(items: Vec<T>, cmp: &dyn Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    let mut ids: Vec<u32> = (0..items.len() as u32).collect();
    sort_ids(&mut ids, &|a, b| cmp(&items[a as usize], &items[b as usize]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    ids.iter().filter_map(|&i| slots[i as usize].take()).collect()
}
