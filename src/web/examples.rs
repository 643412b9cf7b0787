//! The bundled example articles (the two seed articles of the test suite).

/// One example article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// Stable id, used in the button's DOM id (`example-<id>`).
    pub id: &'static str,
    /// The button's label.
    pub label: &'static str,
    /// The document name once loaded.
    pub name: &'static str,
    /// The text.
    pub text: &'static str,
}

/// All examples, in button order.
pub const EXAMPLES: [Example; 2] = [
    Example {
        id: "000",
        label: "NBC News report on peace talks",
        name: "Example: US and Europe discuss peace talks with Ukraine",
        text: include_str!("../../tests/fixtures/seeds/000_aa45f71569c94b10.txt"),
    },
    Example {
        id: "004",
        label: "State Department rebuttal",
        name: "Example: State Department rebuts media reports",
        text: include_str!("../../tests/fixtures/seeds/004_c516d1f4fd7c086b.txt"),
    },
];

/// The example with this id.
pub fn by_id(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}
