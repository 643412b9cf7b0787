//! # whosaid
//!
//! Who said what in a news article: the **speakers** an article attributes claims to, the
//! **claims** (direct, indirect and mixed quotes, "according to", beliefs, hedges) and the
//! **attributions** linking each claim to its cue (with the cue's stance) and its source.
//!
//! The [`engine`] is pure Rust with no web dependency; it runs natively (tests, the `whosaid`
//! CLI, benchmarks) and in WebAssembly (the app's web worker). The `web` module (feature `web`)
//! is the Yew app, which only renders what the engine returns.
//!
//! ```
//! let text = "“We will not negotiate,” Foreign Minister Anna Berg said on Monday.";
//! let analysis = whosaid::engine::analyze(text);
//! let claim = &analysis.claims[0];
//! assert_eq!(claim.kind, whosaid::engine::ClaimKind::Direct);
//! let speaker = &analysis.speakers[claim.speaker.unwrap() as usize];
//! assert_eq!(speaker.name, "Anna Berg");
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod engine;

#[cfg(feature = "web")]
pub mod web;

#[cfg(all(feature = "bench-api", target_arch = "wasm32"))]
pub mod wasm_api;
