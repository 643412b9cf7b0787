//! [`Span`]: a half-open byte range into the text given to [`crate::engine::analyze`].

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open range `start..end` of UTF-8 byte offsets into the **original** input text.
///
/// Both ends always lie on `char` boundaries of that text (an engine invariant, checked by
/// property tests). Serialised as a two-element array `[start, end]`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; an inverted pair is collapsed to an empty span at `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers (empty if it does not index `text`).
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span shrunk to exclude leading and trailing characters matching `trim` (a `dyn Fn`:
    /// one copy of this and of the two trims in the wasm, whatever the callers' closures).
    pub fn trim_by(self, text: &str, trim: &dyn Fn(char) -> bool) -> Span {
        let s = self.text(text);
        let lead = s.len() - s.trim_start_matches(trim).len();
        let rest = &s[lead..];
        let kept = rest.trim_end_matches(trim).len();
        Span::new(self.start + lead, self.start + lead + kept)
    }

    /// The span without surrounding white space.
    pub fn trim(self, text: &str) -> Span {
        self.trim_by(text, &char::is_whitespace)
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.start..s.end
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.start, self.end).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let (start, end) = <(usize, usize)>::deserialize(deserializer)?;
        Ok(Span::new(start, end))
    }
}
