//! Boilerplate removal: lines (or line prefixes) that are not article content.

use flashpoint_model::Span;
use regex::Regex;
use std::sync::OnceLock;

/// A region of the original text skipped by the later stages, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    pub span: Span,
    pub reason: &'static str,
}

struct Rules {
    whole_line: Vec<(Regex, &'static str)>,
    dateline: Regex,
    byline: Regex,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let r = |p: &str| Regex::new(p).expect("built-in boilerplate pattern");
        Rules {
            whole_line: vec![
                (r(r"(?i)^(read more|read also|also read|related|see also|more on this|recommended|most read|watch|listen|more from)\b.{0,200}$"), "link line"),
                (r(r"(?i)^(advertisement|advert|ad|sponsored|sponsored content|story continues below|continue reading|scroll to continue)\W*$"), "advertisement"),
                (r(r"(?i)^(sign up|subscribe|register now|newsletter|follow us|follow him|follow her|click here|share this|share on|tap here|download (our|the) app|get the latest)\b.{0,200}$"), "call to action"),
                (r(r"(?i)^\(?\s*(additional )?(reporting|writing|editing|compiled|translated) by\b.{0,200}$"), "credit line"),
                (r(r"(?i)^(copyright|©|\(c\))\s.{0,200}$|all rights reserved\.?\s*$"), "copyright"),
                (r(r"(?i)^(photo|image|picture|file photo|video)s?( credit)?\s*:.{0,200}$"), "caption credit"),
            ],
            // "BAGHDAD (Reuters) - ", "WASHINGTON, Jan 3 (AP) — ", "KABUL — "
            dateline: r(r"^[A-Z][A-Z.'\- ]{1,40}(, [A-Za-z.]+( [A-Za-z0-9.]+){0,3})?\s*(\((Reuters|AP|AFP|UPI|dpa|Xinhua|IANS|PTI|ANI|Bloomberg|[A-Z]{2,8})\)\s*)?[-–—]+\s+"),
            // "By Jane Doe", "By JANE DOE and John Roe, Reuters"
            byline: r(r"^(?i:by)\s+[A-Z][\w.'’\-]*( [A-Z][\w.'’\-]*){0,3}((,| and| &) [A-Z][\w.'’\-]*( [A-Z][\w.'’\-]*){0,3}){0,3}\s*(,|\|)?\s*[\w ]{0,40}$"),
        }
    })
}

/// Finds boilerplate in `text`. Returned spans are sorted and disjoint.
pub fn find(text: &str) -> Vec<Removed> {
    let rules = rules();
    let mut out = Vec::new();
    let mut paragraph_start = true;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed_start = line.len() - line.trim_start().len();
        let content = line.trim();
        if content.is_empty() {
            paragraph_start = true;
            continue;
        }
        let cstart = start + trimmed_start;
        let cspan = Span::new(cstart, cstart + content.len());
        let was_paragraph_start = std::mem::replace(&mut paragraph_start, false);
        if content.len() <= 300 {
            if let Some((_, reason)) = rules.whole_line.iter().find(|(re, _)| re.is_match(content))
            {
                out.push(Removed {
                    span: cspan,
                    reason,
                });
                paragraph_start = true;
                continue;
            }
            if content.len() <= 80 && !content.ends_with('.') && rules.byline.is_match(content) {
                out.push(Removed {
                    span: cspan,
                    reason: "byline",
                });
                paragraph_start = true;
                continue;
            }
        }
        if was_paragraph_start {
            if let Some(m) = rules.dateline.find(content) {
                // Only a dateline if real content follows it.
                if m.end() < content.len() {
                    out.push(Removed {
                        span: Span::new(cstart, cstart + m.end()),
                        reason: "dateline",
                    });
                }
            }
        }
    }
    out
}

/// The regions of `text` not covered by `removed`, split at blank lines
/// (paragraphs), in order.
pub fn content_regions(text: &str, removed: &[Removed]) -> Vec<Span> {
    let mut regions = Vec::new();
    let mut push_paragraphs = |from: usize, to: usize| {
        let mut s = from;
        let bytes = text.as_bytes();
        let mut i = from;
        while i < to {
            if bytes[i] == b'\n' {
                // Blank line: "\n" followed by optional spaces then "\n".
                let mut j = i + 1;
                while j < to && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                if j < to && bytes[j] == b'\n' {
                    if s < i {
                        regions.push(Span::new(s, i));
                    }
                    s = j + 1;
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        if s < to {
            regions.push(Span::new(s, to));
        }
    };
    let mut pos = 0;
    for r in removed {
        if r.span.start > pos {
            push_paragraphs(pos, r.span.start);
        }
        pos = pos.max(r.span.end);
    }
    if pos < text.len() {
        push_paragraphs(pos, text.len());
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Read more: Why the strike matters", &["link line"]),
            ("Advertisement", &["advertisement"]),
            ("Sign up for our newsletter", &["call to action"]),
            ("By Jane Doe", &["byline"]),
            ("By Jane Doe and John Roe, Reuters", &["byline"]),
            (
                "(Reporting by Jane Doe; Editing by John Roe)",
                &["credit line"],
            ),
            (
                "Copyright 2020 Example News. All rights reserved.",
                &["copyright"],
            ),
            (
                "BAGHDAD (Reuters) - Iraq said on Friday it would respond.",
                &["dateline"],
            ),
            ("WASHINGTON — The president spoke.", &["dateline"]),
            ("By Friday, troops had left the town.", &[]),
            ("The strike killed 12 people.", &[]),
            ("US forces said it.", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = find(text).iter().map(|r| r.reason).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn regions_skip_removed_and_split_paragraphs() {
        let text = "One.\n\nAdvertisement\nTwo.\n  \nThree.";
        let removed = find(text);
        let regions: Vec<&str> = content_regions(text, &removed)
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(regions, vec!["One.", "\nTwo.", "Three."]);
    }
}
