//! Dates as Thai announcements write them, converted to ISO 8601 Gregorian dates.
//!
//! Forms handled: `๑๓ มีนาคม พ.ศ. ๒๕๖๖`, `๒๖ มิถุนายน ๒๕๖๗` (no era), `พ.ศ.๒๕๖๖` (no space),
//! abbreviated months with or without dots and spaces (`๒๑ ก.พ. ๖๖`, `21 กพ 66`), two-digit
//! Buddhist-era years, Arabic or Thai digits in any mix, `ค.ศ.` years, month–year
//! (`มีนาคม ๒๕๖๖`), year-only mentions after an era word (`พ.ศ. ๒๕๖๔`) and year ranges
//! (`พ.ศ. ๒๕๖๐ – ๒๕๖๔`).
//!
//! Before 1941 the Thai civil year began on 1 April: January–March of B.E. 2483 and earlier
//! belong to the Gregorian year B.E. − 542, not − 543. An impossible date (`๓๑ กุมภาพันธ์`) is
//! returned as a [`DateProblem`], never shifted to a nearby valid day.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::digits::{is_digit, parse_number};
use crate::dictionaries;

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
    YearRange,
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// As written.
    pub text: String,
    /// `2023-03-13`, `2023-03`, `2017` or `2017/2021`.
    pub iso: String,
    /// Character (not byte) offsets into the searched text.
    pub start: usize,
    pub end: usize,
    pub precision: Precision,
}

/// Something written like a date that is not one (`๓๑ กุมภาพันธ์ ๒๕๖๖`, year `๒๙๙๙`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub reason: String,
}

/// Which calendar a year is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Buddhist,
    Christian,
}

const DIGIT: &str = "[0-9\u{0E50}-\u{0E59}]";
const ERA: &str = r"พ\.\s?ศ\.?|ค\.\s?ศ\.?|พุทธศักราช|คริสต์ศักราช";

struct Patterns {
    full: Regex,
    month_year: Regex,
    year: Regex,
    month_by_form: HashMap<String, u32>,
}

/// A month form as a pattern: dots and single spaces between an abbreviation's parts optional.
fn month_form_pattern(form: &str) -> String {
    let parts: Vec<String> = form
        .split('.')
        .filter(|p| !p.is_empty())
        .map(regex::escape)
        .collect();
    let mut p = parts.join(r"\.?\s?");
    if form.contains('.') {
        p.push_str(r"\.?");
    }
    p
}

/// The month a written form names (`กันยายน`, `ก.ย.`, `ก.ย`), if it names one.
pub(crate) fn month_of(form: &str) -> Option<u32> {
    PATTERNS.month_by_form.get(&month_key(form)).copied()
}

fn month_key(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '.' && !c.is_whitespace())
        .collect()
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let months = &dictionaries::get().months;
    let mut forms: Vec<&str> = Vec::new();
    let mut full_names: Vec<&str> = Vec::new();
    let mut month_by_form = HashMap::new();
    for m in months {
        forms.push(m.name);
        full_names.push(m.name);
        month_by_form.insert(month_key(m.name), m.number);
        for f in &m.forms {
            forms.push(f);
            month_by_form.insert(month_key(f), m.number);
        }
    }
    // Longest first: the regex engine prefers the earlier alternative.
    forms.sort_by_key(|f| std::cmp::Reverse(f.chars().count()));
    full_names.sort_by_key(|f| std::cmp::Reverse(f.chars().count()));
    let any_month = forms
        .iter()
        .map(|f| month_form_pattern(f))
        .collect::<Vec<_>>()
        .join("|");
    let full_month = full_names
        .iter()
        .map(|f| regex::escape(f))
        .collect::<Vec<_>>()
        .join("|");
    let full = format!(
        r"(?P<day>{DIGIT}{{1,2}})\s*(?P<month>{any_month})\s*(?:(?P<era>{ERA})\s*)?(?P<year>{DIGIT}{{2,4}})"
    );
    let month_year =
        format!(r"(?P<month>{full_month})\s*(?:(?P<era>{ERA})\s*)?(?P<year>{DIGIT}{{4}})");
    let year = format!(
        r"(?P<era>{ERA})\s*(?P<y1>{DIGIT}{{4}})(?:\s*(?:-|–|—|ถึง)\s*(?:(?:{ERA})\s*)?(?P<y2>{DIGIT}{{4}}))?"
    );
    Patterns {
        full: Regex::new(&full).expect("date pattern is valid"),
        month_year: Regex::new(&month_year).expect("month-year pattern is valid"),
        year: Regex::new(&year).expect("year pattern is valid"),
        month_by_form,
    }
});

fn era_of(caps: &Captures) -> Option<Era> {
    let e = caps.name("era")?.as_str();
    Some(if e.starts_with('ค') {
        Era::Christian
    } else {
        Era::Buddhist
    })
}

/// The Gregorian year of a Buddhist-era year in a given month (1–12), with the pre-1941
/// rule: the Thai year then began on 1 April, so January–March of B.E. ≤ 2483 belong to
/// B.E. − 542.
pub fn be_to_ce(year_be: i32, month: u32) -> i32 {
    if year_be <= 2483 && (1..=3).contains(&month) {
        year_be - 542
    } else {
        year_be - 543
    }
}

/// The number of days in a Gregorian month; 0 for a month outside 1–12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Resolves a written year to a Gregorian one. `digits` is how many digits were written.
fn gregorian_year(
    written: u32,
    digits: usize,
    era: Option<Era>,
    month: u32,
) -> Result<i32, String> {
    let y = written as i32;
    let ce = match (digits, era) {
        (2, Some(Era::Christian)) => 2000 + y,
        (2, _) => be_to_ce(2500 + y, month),
        (4, Some(Era::Christian)) => y,
        (4, Some(Era::Buddhist)) => be_to_ce(y, month),
        (4, None) if y >= 2400 => be_to_ce(y, month),
        (4, None) => y,
        _ => return Err(format!("a year of {digits} digits")),
    };
    match era {
        Some(Era::Buddhist) | None if digits == 4 && y >= 2400 && !(2400..=2700).contains(&y) => {
            Err(format!("B.E. year {y} is outside 2400–2700"))
        }
        _ if !(1800..=2200).contains(&ce) => Err(format!("year {ce} is outside 1800–2200")),
        _ => Ok(ce),
    }
}

/// Character-offset conversion for byte offsets visited in increasing order.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharOffsets<'_> {
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

struct Raw {
    start: usize,
    end: usize,
    result: Result<(String, Precision), String>,
}

/// The number a match group holds, or an error naming it.
fn group_number(caps: &Captures, name: &str) -> Result<(u32, usize), String> {
    let s = caps.name(name).map(|m| m.as_str()).unwrap_or_default();
    parse_number(s)
        .map(|n| (n, s.chars().count()))
        .ok_or_else(|| format!("unreadable number '{s}'"))
}

fn day_date(
    caps: &Captures,
    month_by_form: &HashMap<String, u32>,
) -> Result<(String, Precision), String> {
    let (day, _) = group_number(caps, "day")?;
    let month_text = caps.name("month").map(|m| m.as_str()).unwrap_or_default();
    let month = *month_by_form
        .get(&month_key(month_text))
        .ok_or_else(|| format!("unknown month '{month_text}'"))?;
    let (written, digits) = group_number(caps, "year")?;
    let year = gregorian_year(written, digits, era_of(caps), month)?;
    let max = days_in_month(year, month);
    if day == 0 || day > max {
        return Err(format!(
            "day {day} does not exist: month {month} of {year} has {max} days"
        ));
    }
    Ok((format!("{year:04}-{month:02}-{day:02}"), Precision::Day))
}

fn month_date(
    caps: &Captures,
    month_by_form: &HashMap<String, u32>,
) -> Result<(String, Precision), String> {
    let month_text = caps.name("month").map(|m| m.as_str()).unwrap_or_default();
    let month = *month_by_form
        .get(&month_key(month_text))
        .ok_or_else(|| format!("unknown month '{month_text}'"))?;
    let (written, digits) = group_number(caps, "year")?;
    let year = gregorian_year(written, digits, era_of(caps), month)?;
    Ok((format!("{year:04}-{month:02}"), Precision::Month))
}

fn year_date(caps: &Captures) -> Result<(String, Precision), String> {
    let era = era_of(caps);
    // A year alone says nothing of the month: take the months after 1 April, when most of
    // a pre-1941 B.E. year fell.
    let (y1, d1) = group_number(caps, "y1")?;
    let first = gregorian_year(y1, d1, era, 4)?;
    if caps.name("y2").is_none() {
        return Ok((format!("{first:04}"), Precision::Year));
    }
    let (y2, d2) = group_number(caps, "y2")?;
    let last = gregorian_year(y2, d2, era, 4)?;
    if last < first {
        return Err(format!("range ends ({last}) before it starts ({first})"));
    }
    Ok((format!("{first:04}/{last:04}"), Precision::YearRange))
}

fn digit_before(text: &str, byte: usize) -> bool {
    text[..byte].chars().next_back().is_some_and(is_digit)
}

fn digit_after(text: &str, byte: usize) -> bool {
    text[byte..].chars().next().is_some_and(is_digit)
}

/// Every date in `text`, in order, and everything written like a date that is not one.
pub fn find_dates(text: &str) -> (Vec<FoundDate>, Vec<DateProblem>) {
    let p = &*PATTERNS;
    let mut raw: Vec<Raw> = Vec::new();
    let overlaps = |raw: &[Raw], s: usize, e: usize| raw.iter().any(|r| s < r.end && r.start < e);

    for caps in p.full.captures_iter(text) {
        let m = caps.get(0).expect("group 0 always matches");
        if digit_before(text, m.start()) || digit_after(text, m.end()) {
            continue;
        }
        let year_len = caps.name("year").map_or(0, |y| y.as_str().chars().count());
        if year_len == 3 {
            continue;
        }
        raw.push(Raw {
            start: m.start(),
            end: m.end(),
            result: day_date(&caps, &p.month_by_form),
        });
    }
    for caps in p.month_year.captures_iter(text) {
        let m = caps.get(0).expect("group 0 always matches");
        if digit_after(text, m.end()) || overlaps(&raw, m.start(), m.end()) {
            continue;
        }
        raw.push(Raw {
            start: m.start(),
            end: m.end(),
            result: month_date(&caps, &p.month_by_form),
        });
    }
    for caps in p.year.captures_iter(text) {
        let m = caps.get(0).expect("group 0 always matches");
        if digit_after(text, m.end()) || overlaps(&raw, m.start(), m.end()) {
            continue;
        }
        raw.push(Raw {
            start: m.start(),
            end: m.end(),
            result: year_date(&caps),
        });
    }
    raw.sort_by_key(|r| r.start);

    let mut offsets = CharOffsets {
        text,
        byte: 0,
        chars: 0,
    };
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for r in raw {
        let start = offsets.at(r.start);
        let end = offsets.at(r.end);
        let written = text[r.start..r.end].to_string();
        match r.result {
            Ok((iso, precision)) => found.push(FoundDate {
                text: written,
                iso,
                start,
                end,
                precision,
            }),
            Err(reason) => problems.push(DateProblem {
                text: written,
                start,
                end,
                reason,
            }),
        }
    }
    (found, problems)
}

/// The one date a string holds (surrounding text allowed), as ISO; an error says why not.
pub fn parse_date(s: &str) -> Result<FoundDate, String> {
    let (found, problems) = find_dates(s);
    if let Some(p) = problems.into_iter().next() {
        return Err(format!("'{}': {}", p.text, p.reason));
    }
    found
        .into_iter()
        .next()
        .ok_or_else(|| format!("no date in '{s}'"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thai::digits::to_thai;

    fn iso(s: &str) -> String {
        match parse_date(s) {
            Ok(d) => d.iso,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    #[test]
    fn full_dates_in_the_forms_announcements_use() {
        assert_eq!(iso("๑๓ มีนาคม พ.ศ. ๒๕๖๖"), "2023-03-13");
        assert_eq!(iso("๒๖ มิถุนายน ๒๕๖๗"), "2024-06-26");
        assert_eq!(iso("วันที่ ๑๑ ตุลาคม ๒๕๕๙"), "2016-10-11");
        assert_eq!(iso("ประกาศ ณ วันที่  27  ธันวาคม  พ.ศ. 2562"), "2019-12-27");
        assert_eq!(iso("๑๓ มีนาคม พ.ศ.๒๕๖๖"), "2023-03-13");
        assert_eq!(iso("18 มีนาคม 2020"), "2020-03-18");
        assert_eq!(iso("1 มกราคม ค.ศ. 2021"), "2021-01-01");
        assert_eq!(iso("๕ กรกฏาคม ๒๕๖๕"), "2022-07-05");
    }

    #[test]
    fn abbreviated_months_and_two_digit_years() {
        assert_eq!(iso("ท.น.จ. ๒๑ ก.พ. ๖๖"), "2023-02-21");
        assert_eq!(iso("21 กพ 66"), "2023-02-21");
        assert_eq!(iso("๓ ม.ค.๖๗"), "2024-01-03");
        assert_eq!(iso("๓ มี.ค. ๖๗"), "2024-03-03");
        assert_eq!(iso("9 เม.ย. 2565"), "2022-04-09");
        assert_eq!(iso("๑ ธ. ค. ๖๖"), "2023-12-01");
    }

    #[test]
    fn year_only_month_year_and_ranges() {
        let (d, p) = find_dates("ระยะที่ ๓ (พ.ศ. ๒๕๖๐ – ๒๕๖๔) และ พ.ศ.๒๕๔๕ ค.ศ. 2020 มีนาคม ๒๕๖๖");
        assert!(p.is_empty(), "{p:?}");
        let isos: Vec<&str> = d.iter().map(|d| d.iso.as_str()).collect();
        assert_eq!(isos, ["2017/2021", "2002", "2020", "2023-03"]);
        assert_eq!(d[0].text, "พ.ศ. ๒๕๖๐ – ๒๕๖๔");
        assert_eq!(d[0].precision, Precision::YearRange);
        assert_eq!(d[3].precision, Precision::Month);
    }

    #[test]
    fn offsets_are_characters_into_the_text() {
        let text = "ประกาศ ณ วันที่ ๑๓ มีนาคม พ.ศ. ๒๕๖๖";
        let (d, _) = find_dates(text);
        assert_eq!(d.len(), 1);
        let chars: Vec<char> = text.chars().collect();
        let slice: String = chars[d[0].start..d[0].end].iter().collect();
        assert_eq!(slice, "๑๓ มีนาคม พ.ศ. ๒๕๖๖");
    }

    #[test]
    fn impossible_dates_are_problems_not_shifted() {
        let (d, p) = find_dates("เมื่อ ๓๑ กุมภาพันธ์ ๒๕๖๖ และ 30 ก.พ. 2567");
        assert!(d.is_empty());
        assert_eq!(p.len(), 2);
        assert!(p[0].reason.contains("28"), "{}", p[0].reason);
        assert!(
            p[1].reason.contains("29"),
            "leap year 2024: {}",
            p[1].reason
        );
        assert_eq!(iso("29 ก.พ. 2567"), "2024-02-29");
        assert!(parse_date("๑ มกราคม ๒๙๙๙").is_err());
    }

    #[test]
    fn numbers_that_are_not_dates_are_left_alone() {
        assert!(find_dates("มาตรา ๓/๑ วรรคสาม (ฉบับที่ ..) พ.ศ. การรับฟัง")
            .0
            .is_empty());
        assert!(find_dates("รอบ ๖ เดือน").0.is_empty());
        // A digit glued to the day belongs to another number.
        assert!(find_dates("123 มีนาคม 2566")
            .0
            .iter()
            .all(|d| d.precision != Precision::Day));
    }

    #[test]
    fn before_1941_january_to_march_use_542() {
        // B.E. 2482 ran from 1 April 1939 to 31 March 1940.
        assert_eq!(iso("๑๕ มกราคม ๒๔๘๒"), "1940-01-15");
        assert_eq!(iso("๑๕ เมษายน ๒๔๘๒"), "1939-04-15");
        assert_eq!(iso("31 มีนาคม 2475"), "1933-03-31");
        assert_eq!(iso("1 เมษายน 2475"), "1932-04-01");
        // From B.E. 2484 the year begins on 1 January.
        assert_eq!(iso("๑ มกราคม ๒๔๘๔"), "1941-01-01");
        assert_eq!(be_to_ce(2483, 12), 1940);
        assert_eq!(be_to_ce(2483, 3), 1941);
    }

    proptest::proptest! {
        #[test]
        fn every_valid_date_round_trips_in_both_digit_scripts(
            y in 1942i32..2150, m in 1u32..=12, d in 1u32..=31, thai in proptest::bool::ANY
        ) {
            proptest::prop_assume!(d <= days_in_month(y, m));
            let name = dictionaries::get().months.iter().find(|x| x.number == m).map(|x| x.name).unwrap_or_default();
            let mut s = format!("{d} {name} พ.ศ. {}", y + 543);
            if thai { s = to_thai(&s); }
            let found = parse_date(&s).map_err(proptest::test_runner::TestCaseError::fail)?;
            proptest::prop_assert_eq!(found.iso, format!("{y:04}-{m:02}-{d:02}"));
        }

        #[test]
        fn pre_1941_conversion_keeps_the_april_new_year(be in 2432i32..=2483, m in 1u32..=12) {
            let ce = be_to_ce(be, m);
            // April–December of a B.E. year precede its January–March by one Gregorian year.
            if m >= 4 { proptest::prop_assert_eq!(ce, be - 543); } else { proptest::prop_assert_eq!(ce, be - 542); }
            proptest::prop_assert_eq!(be_to_ce(be, 1), be_to_ce(be, 12) + 1);
        }

        #[test]
        fn find_dates_never_panics_and_offsets_stay_in_bounds(s in "[0-9๐-๙ กขคมีนาพ.ศ–-]{0,40}") {
            let (d, p) = find_dates(&s);
            let n = s.chars().count();
            for x in d { proptest::prop_assert!(x.start <= x.end && x.end <= n); }
            for x in p { proptest::prop_assert!(x.start <= x.end && x.end <= n); }
        }
    }
}
