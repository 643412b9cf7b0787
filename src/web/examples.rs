//! The example articles (the two seed articles of the test suite). Not compiled into the app:
//! trunk copies their files next to it (`index.html`), and a click fetches one (same origin,
//! relative URL: any sub-path works). 2.6 KB gzipped less for every visitor.

/// One example article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// Stable id, used in the button's DOM id (`example-<id>`).
    pub id: &'static str,
    /// The button's label.
    pub label: &'static str,
    /// The document name once loaded.
    pub name: &'static str,
    /// Its file, next to the app in `dist/`.
    pub file: &'static str,
}

/// All examples, in button order.
pub const EXAMPLES: [Example; 2] = [
    Example {
        id: "000",
        label: "NBC News report on peace talks",
        name: "Example: US and Europe discuss peace talks with Ukraine",
        file: "000_aa45f71569c94b10.txt",
    },
    Example {
        id: "004",
        label: "State Department rebuttal",
        name: "Example: State Department rebuts media reports",
        file: "004_c516d1f4fd7c086b.txt",
    },
];

/// The example with this id.
pub fn by_id(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}
