use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original article text.
///
/// Serialised as a two-element array `[start, end]` so output stays compact.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Creates a span; if `end < start` the span is collapsed to `start..start`
    /// (the invariant `start <= end` always holds).
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers, or `""` if it does not fit `text`
    /// (never panics, even on a span from another text).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl From<(usize, usize)> for Span {
    fn from((s, e): (usize, usize)) -> Span {
        Span::new(s, e)
    }
}

impl From<Span> for (usize, usize) {
    fn from(s: Span) -> (usize, usize) {
        (s.start, s.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invariant_and_helpers() {
        let s = Span::new(5, 2);
        assert_eq!(s, Span::new(5, 5));
        assert!(s.is_empty());
        let a = Span::new(0, 4);
        let b = Span::new(3, 9);
        assert!(a.overlaps(b));
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert_eq!(Span::new(0, 3).slice("héllo"), "hé");
        assert_eq!(Span::new(0, 2).slice("héllo"), "", "not a char boundary");
        assert_eq!(Span::new(10, 20).slice("short"), "");
        assert_eq!(serde_json::to_string(&a).unwrap(), "[0,4]");
    }
}
