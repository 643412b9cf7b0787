//! The one integration-test binary for the engine and the CLI: `cargo test`.
mod util;

mod cli;
mod compare;
mod eval;
mod golden;
mod phenomena;
mod properties;
