//! Article-date parsing.
//!
//! Accepted: ISO dates (`2020-01-03`), ISO datetimes (`2020-01-03T10:00:00Z`,
//! `2020-01-03 10:00:00+01:00`, fractional seconds), `YYYYMMDD`, RFC 2822
//! (`Fri, 03 Jan 2020 10:00:00 +0000`), and `DD-MON-YYYY hh:mm:ss[.cc]`
//! (`19-OCT-1987 15:37:46.03`, as in Reuters-21578). The date is taken as written,
//! without converting time zones.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Parses an article date; `None` if the format is not recognised or the date is invalid.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_local().date());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(dt.date());
        }
    }
    if let Ok(dt) = DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f%z") {
        return Some(dt.naive_local().date());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.naive_local().date());
    }
    // DD-MON-YYYY hh:mm:ss(.cc)
    if let Some((date, _time)) = s.split_once(' ').or(Some((s, ""))) {
        let mut parts = date.split('-');
        if let (Some(d), Some(m), Some(y), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        {
            if let (Ok(d), Some(m), Ok(y)) = (d.parse::<u32>(), month(m), y.parse::<i32>()) {
                return NaiveDate::from_ymd_opt(y, m, d);
            }
        }
    }
    None
}

fn month(m: &str) -> Option<u32> {
    let m = m.to_ascii_lowercase();
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|x| m.starts_with(x))?;
    Some(i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases = [
            ("2020-01-03", d(2020, 1, 3)),
            (" 2020-01-03 ", d(2020, 1, 3)),
            ("2020-01-03T10:00:00Z", d(2020, 1, 3)),
            ("2020-01-03T23:30:00-05:00", d(2020, 1, 3)),
            ("2020-01-03 10:00:00", d(2020, 1, 3)),
            ("2020-01-03T10:00:00.123", d(2020, 1, 3)),
            ("20200103", d(2020, 1, 3)),
            ("Fri, 03 Jan 2020 10:00:00 +0000", d(2020, 1, 3)),
            ("19-OCT-1987 15:37:46.03", d(1987, 10, 19)),
            ("3-MAR-1987 09:00:00", d(1987, 3, 3)),
            ("2020-02-30", None),
            ("yesterday", None),
            ("", None),
            ("99999999", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s), want, "{s}");
        }
    }
}
