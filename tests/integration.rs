//! The one integration-test binary for the engine: `cargo test`.
mod util;

mod golden;
mod phenomena;
mod properties;
