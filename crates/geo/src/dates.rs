//! Temporal expressions resolved against the article date.
//!
//! Rules (all relative to the article date D):
//! * `today`, `tonight`, `this morning/afternoon/evening`, `overnight` → D. *Overnight* is taken as
//!   the night that ends on the article date (news published in the morning about "overnight"
//!   events), so its day is D.
//! * `yesterday`, `last night` → D−1; `tomorrow` → D+1.
//! * Weekdays (`Friday`, `on Friday`, `Friday morning`, "early hours of Friday morning"): the most
//!   recent such weekday on or before D (the same weekday as D is D itself). `last Friday` → the
//!   one strictly before D; `next Friday` → strictly after D; `this Friday` → within D's ISO week.
//!   A future cue earlier in the sentence (will, shall, 'll, scheduled, expected to, plans to,
//!   due to, set to) turns a bare weekday into the next one on or after D.
//! * `last/this/next week` → ISO week (`2020-W01`), `last/this/next month` → `2020-01`,
//!   `last/this/next year` → `2020`; `earlier/later/early/late` before them are part of the span.
//! * `N days/weeks ago` → day; `N months ago` → month; `N years ago` → year.
//! * Month names: `January 3, 2020`, `Jan. 3`, `3 January`, `3rd of January 2020` → day;
//!   `January 2020` → month; `in March`/`March` → month. Without a year, the occurrence nearest
//!   to D is chosen with a past bias (a future occurrence counts double its distance), so news
//!   "Nov. 25" read in January is last November but "May" read in late March is this May.
//!   Bare `May` needs a day, a year or a temporal word before it (in, since, early, last…).
//! * ISO dates `2020-01-03`; 4-digit years 1900–2099 standing alone (`in 2019`, `2019`).
//! * Numeric dates like `3/1` are ambiguous and skipped, as are quarters, seasons, decades and
//!   vague references (now, recently).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::Serialize;

/// A resolved temporal expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimeMention {
    /// Byte offsets `[start, end)` into the original text, on char boundaries.
    pub span: (usize, usize),
    pub text: String,
    /// `2020-01-03`, `2020-W01`, `2020-01` or `2020`.
    pub value: String,
    /// `day`, `week`, `month` or `year`.
    pub precision: &'static str,
    /// The day for day precision, else the first day of the week/month/year.
    pub date: NaiveDate,
    pub why: String,
}

#[derive(Clone, Debug)]
struct T {
    start: usize,
    end: usize,
    /// lower-cased text
    w: String,
    cap: bool,
    num: Option<u32>,
    ndigits: usize,
}

fn tokenize(text: &str) -> Vec<T> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        let digit = c.is_ascii_digit();
        while let Some(&(j, d)) = it.peek() {
            let same = if digit {
                d.is_ascii_digit()
            } else {
                d.is_alphabetic()
            };
            if same {
                end = j + d.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        // ordinal suffix: 3rd, 21st
        let mut w = text[i..end].to_lowercase();
        let mut num = None;
        let mut ndigits = 0;
        if digit {
            ndigits = end - i;
            num = text[i..end].parse::<u32>().ok().filter(|_| ndigits <= 4);
            let rest = &text[end..];
            for suf in ["st", "nd", "rd", "th"] {
                if rest.len() >= 2
                    && rest.is_char_boundary(2)
                    && rest[..2].eq_ignore_ascii_case(suf)
                    && !rest[2..]
                        .chars()
                        .next()
                        .is_some_and(|x| x.is_alphanumeric())
                {
                    end += 2;
                    it.next();
                    it.next();
                    w = text[i..end].to_lowercase();
                    break;
                }
            }
        }
        out.push(T {
            start: i,
            end,
            w,
            cap: c.is_uppercase(),
            num,
            ndigits,
        });
    }
    out
}

fn month_of(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "several" => 3,
        "few" => 3,
        _ => return None,
    })
}

const PART_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night", "midday", "noon"];
const TEMPORAL_PREP: &[&str] = &[
    "in", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this", "of",
    "from", "through", "during", "between", "before", "after", "and", "or", "to", "on",
];
const FUTURE_LOOKAHEAD: usize = 0;
const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "ll",
    "scheduled",
    "expected",
    "plans",
    "planned",
    "due",
    "set",
];

/// (first token, last token, (value, precision, date), why)
type Found = (usize, usize, Resolved, String);
type Resolved = (String, &'static str, NaiveDate);

fn day(d: NaiveDate) -> (String, &'static str, NaiveDate) {
    (d.format("%Y-%m-%d").to_string(), "day", d)
}
fn week(d: NaiveDate) -> Option<(String, &'static str, NaiveDate)> {
    let w = d.iso_week();
    let monday = d.checked_sub_days(Days::new(d.weekday().num_days_from_monday() as u64))?;
    Some((format!("{}-W{:02}", w.year(), w.week()), "week", monday))
}
fn month(y: i32, m: u32) -> Option<(String, &'static str, NaiveDate)> {
    Some((
        format!("{y:04}-{m:02}"),
        "month",
        NaiveDate::from_ymd_opt(y, m, 1)?,
    ))
}
fn year(y: i32) -> Option<(String, &'static str, NaiveDate)> {
    Some((format!("{y:04}"), "year", NaiveDate::from_ymd_opt(y, 1, 1)?))
}

/// Year for a month (and day) given without a year: the nearest occurrence to `d`, future
/// distances counted double.
fn infer_year(d: NaiveDate, m: u32, dd: Option<u32>) -> Option<i32> {
    let mut best: Option<(i64, i32)> = None;
    for y in [d.year() - 1, d.year(), d.year() + 1] {
        let cand = match dd {
            Some(x) => NaiveDate::from_ymd_opt(y, m, x),
            None => NaiveDate::from_ymd_opt(y, m, 1),
        };
        let Some(c) = cand else { continue };
        let diff = if dd.is_some() {
            (c - d).num_days()
        } else {
            ((y - d.year()) as i64 * 12 + m as i64 - d.month() as i64) * 30
        };
        let cost = if diff > 0 { diff * 2 } else { -diff };
        if best.is_none_or(|b| cost < b.0) {
            best = Some((cost, y));
        }
    }
    best.map(|b| b.1)
}

fn shift_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
    if n >= 0 {
        first.checked_add_months(Months::new(n as u32))
    } else {
        first.checked_sub_months(Months::new((-n) as u32))
    }
}

/// Find and resolve temporal expressions in `text` relative to `article_date`.
pub fn find_dates(text: &str, article_date: NaiveDate) -> Vec<TimeMention> {
    let toks = tokenize(text);
    let d = article_date;
    let mut out = Vec::new();
    let n = toks.len();
    let gap = |a: usize, b: usize| -> &str { &text[toks[a].end..toks[b].start] };
    let sent_future = |i: usize| -> bool {
        // a future cue in the same sentence (up to 12 words back, 8 forward)
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 12 {
            if gap(k - 1, k).contains(['.', '!', '?', '\n']) {
                break;
            }
            k -= 1;
            steps += 1;
            if FUTURE_CUES.contains(&toks[k].w.as_str()) {
                return true;
            }
        }
        let mut k = i;
        while k + 1 < n && k < i + FUTURE_LOOKAHEAD {
            if gap(k, k + 1).contains(['.', '!', '?', '\n']) {
                break;
            }
            k += 1;
            if FUTURE_CUES.contains(&toks[k].w.as_str()) {
                return true;
            }
        }
        false
    };
    let mut i = 0;
    while i < n {
        let start_i = i;
        let t = &toks[i];
        let w = t.w.as_str();
        let next_w = |k: usize| toks.get(k).map(|x| x.w.as_str()).unwrap_or("");
        let prev_w = if i > 0 && gap(i - 1, i).trim().is_empty() {
            toks[i - 1].w.as_str()
        } else {
            ""
        };
        let mut res: Option<Found> = None;

        // ISO date 2020-01-03
        if t.ndigits == 4 && i + 2 < n && gap(i, i + 1) == "-" && gap(i + 1, i + 2) == "-" {
            if let (Some(y), Some(m), Some(dd)) = (t.num, toks[i + 1].num, toks[i + 2].num) {
                if toks[i + 1].ndigits == 2 && toks[i + 2].ndigits == 2 {
                    if let Some(x) = NaiveDate::from_ymd_opt(y as i32, m, dd) {
                        res = Some((i, i + 2, day(x), "ISO date".into()));
                    }
                }
            }
        }
        // Month-name patterns
        if res.is_none() && t.cap {
            if let Some(m) = month_of(w) {
                let abbrev = w.len() <= 4 && w != "may" && w != "june" && w != "july";
                let nx = toks.get(i + 1);
                let g1 = if i + 1 < n { gap(i, i + 1) } else { "" };
                let g1_ok = matches!(g1.trim(), "" | ".") && !g1.is_empty() && g1.len() <= 3;
                if let Some(nx) = nx.filter(|x| g1_ok && x.ndigits > 0 && x.ndigits <= 2) {
                    let dd = nx.num.unwrap_or(0);
                    if (1..=31).contains(&dd) {
                        // optional year
                        let yr = toks.get(i + 2).filter(|y| y.ndigits == 4);
                        let g2 = if i + 2 < n { gap(i + 1, i + 2) } else { "" };
                        if let Some(y) =
                            yr.filter(|_| matches!(g2.trim(), "," | "") && g2.len() <= 3)
                        {
                            if let Some(x) =
                                NaiveDate::from_ymd_opt(y.num.unwrap_or(0) as i32, m, dd)
                            {
                                res = Some((i, i + 2, day(x), "month day, year".into()));
                            }
                        }
                        if res.is_none() {
                            if let Some(y) = infer_year(d, m, Some(dd)) {
                                if let Some(x) = NaiveDate::from_ymd_opt(y, m, dd) {
                                    res =
                                        Some((i, i + 1, day(x), "month day; nearest year".into()));
                                }
                            }
                        }
                    }
                }
                if res.is_none() {
                    // January 2020 / January of 2020
                    let (yk, ok) = if next_w(i + 1) == "of" {
                        (i + 2, true)
                    } else {
                        (i + 1, true)
                    };
                    if ok {
                        if let Some(y) = toks.get(yk).filter(|y| y.ndigits == 4) {
                            let gg = gap(yk - 1, yk);
                            if gg.trim().is_empty() || gg.trim() == "," {
                                if let Some(v) = month(y.num.unwrap_or(0) as i32, m) {
                                    res = Some((i, yk, v, "month year".into()));
                                }
                            }
                        }
                    }
                }
                if res.is_none() {
                    let modal_may = w == "may" && !TEMPORAL_PREP.contains(&prev_w);
                    let sentence_initial_verb =
                        w == "march" && (i == 0 || gap(i - 1, i).contains(['.', '\n']));
                    let bare_abbrev = abbrev
                        && w != "sept"
                        && !text[t.end..].starts_with('.')
                        && prev_w.is_empty();
                    if !(modal_may || sentence_initial_verb || bare_abbrev) {
                        let mut s = i;
                        let y = match prev_w {
                            // "last May": the most recent May before the current month;
                            // "next May": the first one after it
                            "last" => {
                                s = i - 1;
                                Some(if m < d.month() {
                                    d.year()
                                } else {
                                    d.year() - 1
                                })
                            }
                            "next" => {
                                s = i - 1;
                                Some(if m > d.month() {
                                    d.year()
                                } else {
                                    d.year() + 1
                                })
                            }
                            "this" => {
                                s = i - 1;
                                Some(d.year())
                            }
                            _ => {
                                if matches!(prev_w, "early" | "late" | "mid") {
                                    s = i - 1;
                                }
                                if sent_future(i) && m < d.month() {
                                    Some(d.year() + 1)
                                } else {
                                    infer_year(d, m, None)
                                }
                            }
                        };
                        if let Some(v) = y.and_then(|y| month(y, m)) {
                            res = Some((s, i, v, "month name".into()));
                        }
                    }
                }
            }
        }
        // 3 January (2020) / 3rd of January
        if res.is_none() && t.ndigits > 0 && t.ndigits <= 2 {
            let dd = t.num.unwrap_or(0);
            let mk = if next_w(i + 1) == "of" { i + 2 } else { i + 1 };
            if let Some(mt) = toks.get(mk).filter(|x| x.cap) {
                if let Some(m) = month_of(&mt.w)
                    .filter(|_| (1..=31).contains(&dd) && gap(mk - 1, mk).trim().is_empty())
                {
                    let yr = toks
                        .get(mk + 1)
                        .filter(|y| y.ndigits == 4 && matches!(gap(mk, mk + 1).trim(), "" | ","));
                    let x = match yr {
                        Some(y) => NaiveDate::from_ymd_opt(y.num.unwrap_or(0) as i32, m, dd)
                            .map(|x| (x, mk + 1)),
                        None => infer_year(d, m, Some(dd))
                            .and_then(|y| NaiveDate::from_ymd_opt(y, m, dd))
                            .map(|x| (x, mk)),
                    };
                    if let Some((x, e)) = x {
                        res = Some((i, e, day(x), "day month".into()));
                    }
                }
            }
        }
        // weekdays
        if res.is_none() {
            // "Monday, Oct. 26": the explicit date decides
            if weekday_of(w).is_some() && t.cap && i + 1 < n && matches!(gap(i, i + 1), " " | ", ")
            {
                let from = toks[i + 1].start;
                let mut to = (from + 24).min(text.len());
                while !text.is_char_boundary(to) {
                    to -= 1;
                }
                if let Some(m) = find_dates(&text[from..to], d).into_iter().next() {
                    if m.span.0 == 0 && m.precision == "day" {
                        let end = from + m.span.1;
                        let e = toks.iter().rposition(|x| x.end <= end).unwrap_or(i);
                        if e > i {
                            res = Some((
                                i,
                                e,
                                (m.value, m.precision, m.date),
                                format!("weekday + {}", m.why),
                            ));
                        }
                    }
                }
            }
        }
        if res.is_none() {
            if let Some(wd) = weekday_of(w).filter(|_| t.cap) {
                let back = |target: Weekday, from: NaiveDate, strict: bool| -> Option<NaiveDate> {
                    let mut k = (from.weekday().num_days_from_monday() as i64
                        - target.num_days_from_monday() as i64)
                        .rem_euclid(7);
                    if strict && k == 0 {
                        k = 7;
                    }
                    from.checked_sub_days(Days::new(k as u64))
                };
                let fwd = |target: Weekday, from: NaiveDate, strict: bool| -> Option<NaiveDate> {
                    let mut k = (target.num_days_from_monday() as i64
                        - from.weekday().num_days_from_monday() as i64)
                        .rem_euclid(7);
                    if strict && k == 0 {
                        k = 7;
                    }
                    from.checked_add_days(Days::new(k as u64))
                };
                let (s, x, why) = match prev_w {
                    "last" | "past" => (i - 1, back(wd, d, true), "last weekday: strictly before"),
                    "next" | "coming" => (i - 1, fwd(wd, d, true), "next weekday: strictly after"),
                    "this" => {
                        let monday = d
                            .checked_sub_days(Days::new(d.weekday().num_days_from_monday() as u64));
                        (
                            i - 1,
                            monday.and_then(|m| {
                                m.checked_add_days(Days::new(wd.num_days_from_monday() as u64))
                            }),
                            "this weekday: same ISO week",
                        )
                    }
                    _ => {
                        if sent_future(i) {
                            (
                                i,
                                fwd(wd, d, false),
                                "weekday, future cue: on or after article date",
                            )
                        } else {
                            (
                                i,
                                back(wd, d, false),
                                "weekday: most recent on or before article date",
                            )
                        }
                    }
                };
                let mut e = i;
                if PART_OF_DAY.contains(&next_w(i + 1)) && gap(i, i + 1).trim().is_empty() {
                    e = i + 1;
                }
                if let Some(x) = x {
                    res = Some((s, e, day(x), why.into()));
                }
            }
        }
        // today / yesterday / tomorrow / tonight / overnight / last night / this morning
        if res.is_none() {
            let r = match w {
                "today" | "tonight" => Some((0i64, "article date")),
                "overnight" => Some((0, "overnight = night ending on the article date")),
                "yesterday" => Some((-1, "yesterday")),
                "tomorrow" => Some((1, "tomorrow")),
                "night" if prev_w == "last" => Some((-1, "last night")),
                "morning" | "afternoon" | "evening" if prev_w == "this" => {
                    Some((0, "this part of day"))
                }
                _ => None,
            };
            if let Some((off, why)) = r {
                let s = if matches!(w, "night" | "morning" | "afternoon" | "evening") {
                    i - 1
                } else {
                    i
                };
                let mut e = i;
                if matches!(w, "yesterday" | "tomorrow" | "today")
                    && PART_OF_DAY.contains(&next_w(i + 1))
                    && gap(i, i + 1).trim().is_empty()
                {
                    e = i + 1;
                }
                let x = if off >= 0 {
                    d.checked_add_days(Days::new(off as u64))
                } else {
                    d.checked_sub_days(Days::new((-off) as u64))
                };
                if let Some(x) = x {
                    res = Some((s, e, day(x), why.into()));
                }
            }
        }
        // last/this/next week|month|year (+ earlier/later/early/late before)
        if res.is_none()
            && matches!(w, "week" | "month" | "year")
            && matches!(prev_w, "last" | "this" | "next" | "past")
        {
            let off: i32 = match prev_w {
                "last" | "past" => -1,
                "this" => 0,
                _ => 1,
            };
            let mut s = i - 1;
            if s > 0
                && gap(s - 1, s).trim().is_empty()
                && matches!(
                    toks[s - 1].w.as_str(),
                    "earlier" | "later" | "early" | "late" | "the"
                )
            {
                s -= 1;
            }
            let v = match w {
                "week" => d
                    .checked_add_signed(chrono::Duration::days(7 * off as i64))
                    .and_then(week),
                "month" => shift_months(d, off).and_then(|x| month(x.year(), x.month())),
                _ => year(d.year() + off),
            };
            if let Some(v) = v {
                res = Some((s, i, v, format!("{prev_w} {w}")));
            }
        }
        // N days/weeks/months/years ago
        if res.is_none() && next_w(i + 2) == "ago" {
            let nval = t.num.filter(|_| t.ndigits <= 3).or_else(|| small_number(w));
            if let Some(k) = nval {
                let unit = next_w(i + 1).trim_end_matches('s');
                let k64 = k as u64;
                let v = match unit {
                    "day" => d.checked_sub_days(Days::new(k64)).map(day),
                    "week" if k < 3 => d.checked_sub_days(Days::new(7 * k64)).map(day),
                    "week" => d.checked_sub_days(Days::new(7 * k64)).and_then(week),
                    "month" => {
                        shift_months(d, -(k as i32)).and_then(|x| month(x.year(), x.month()))
                    }
                    "year" => year(d.year() - k as i32),
                    _ => None,
                };
                if let Some(v) = v {
                    res = Some((i, i + 2, v, format!("{k} {unit}(s) ago")));
                }
            }
        }
        // bare 4-digit year
        if res.is_none() && t.ndigits == 4 {
            let y = t.num.unwrap_or(0);
            let before = &text[..t.start];
            let after = &text[t.end..];
            let money = before.trim_end().ends_with(['$', '€', '£']);
            let decade = after.starts_with(['s', 'S', '\'']);
            let numeric_ctx = decade
                || before.ends_with([',', '.'])
                    && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
                || after.starts_with([',', '.'])
                    && after[1..].starts_with(|c: char| c.is_ascii_digit())
                || after.starts_with(['%', '/', '-', ':'])
                || before.ends_with(['/', '-', ':', '#']);
            if (1900..=2099).contains(&y) && !money && !numeric_ctx {
                if let Some(v) = year(y as i32) {
                    res = Some((i, i, v, "year".into()));
                }
            }
        }
        match res {
            Some((s, e, (value, precision, date), why)) => {
                let mut end = toks[e].end;
                // keep the period of "Jan." when the expression ends with it
                if e == start_i
                    && month_of(&toks[e].w).is_some()
                    && toks[e].w.len() <= 4
                    && text[end..].starts_with('.')
                    && !matches!(toks[e].w.as_str(), "may" | "june" | "july")
                {
                    end += 1;
                }
                let span = (toks[s].start, end);
                out.push(TimeMention {
                    span,
                    text: text[span.0..span.1].to_string(),
                    value,
                    precision,
                    date,
                    why,
                });
                i = e + 1;
            }
            None => i += 1,
        }
    }
    out
}
