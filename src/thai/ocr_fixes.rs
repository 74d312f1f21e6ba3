//! Repairs for what Tesseract's Thai model gets wrong, applied to OCR'd pages only (after
//! [`super::clean::clean`], which already composes ํา into ำ).
//!
//! Each rule is here because it lowered the character error on the scanned fixtures, and
//! `prakat eval fixtures/scans` measures every rule again (each one left out in turn): see the
//! README's OCR section. Rules that did not help were not kept (one for vowels written twice, `ประะกาศ`, saved no
//! edit on the fixtures and was removed).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::clean::is_combining_mark;

/// The rules, in the order they run. Eval turns them off one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// `ที` with its mai ek lost (`วันที`, `ทีพึง`): the most frequent Thai word's most
    /// frequent OCR slip.
    LostMaiEkOnThi,
    /// Common words of announcements with a lost tone mark (`ทังนี`, `ดังนี`): the table in
    /// `dictionaries/ocr_repairs.tsv`.
    KnownWords,
    /// A combining mark after something that is not a Thai letter (`ก.ุพ.ร.`): speckle read
    /// as a mark.
    OrphanMark,
    /// `พ.ศ.` read by the English model as `WA.` / `W.A.` before a year, with a stray mark
    /// (`พ.ศ่.`), or as another word with a period between a month's name and a Buddhist-era
    /// year (`บ.ศ.`, `wet.`): the date parser needs the era back.
    LatinBuddhistEra,
    /// A month's name between a day and a year with its vowels and tone marks misplaced or
    /// lost (`๓๐ กนัยายน พ.ศ. ๒๕๔๗`, `๒๒ มนี๊าคม ๒๕๕๑`, `๗ ตลาคม`): the letters are the
    /// month's, in order, so the name is put back. Tesseract writes the marks after the next
    /// letter on monospace faces (TlwgMono), where a mark has a cell of its own.
    MonthNameMarks,
    /// A date's abbreviation (a month's, the era's) before a year with its periods read as a
    /// comma or sara u — the vowel drawn under the letter where the period sits — doubled or
    /// lost (`๒๙ กุย. ๕๘`, `๑๔ ธุ.ค. ๔๑`, `๖ ส.ค, ๖๗`, `พ.ศ, ๒๕๒๑`, `พ.ศุ. ๒๕๖๓`, `พุศ. ๒๕๕๕`),
    /// also the era glued to the word before; and a dash between a month's name and its year
    /// (`เมษายน-๒๕๔๑`): the date finder needs the periods and the space back. (It took over
    /// an older rule for the first period read as sara u, which then saved no edit.)
    DatePunctuation,
    /// A Buddhist-era year split in two by a space or a period after its era, month or
    /// range dash (`พ.ศ. ๒๕ ๖๘`, `พ.ศ. ๒.๕๖๔`): a face's wide digit spacing read as a space;
    /// and a two-digit year after a month's abbreviation split by a period (`มี.ค. ๖.๐`).
    SplitYear,
    /// `พ.ศ.` between a day and a two-digit year (`๑๔ พ.ศ. ๕๗`): the era is never written
    /// there, May's `พ.ค.` is, and Tesseract reads its ค as ศ.
    EraForMay,
    /// A day of two digits with a period read between them before a month (`๑.๐ กรกฎาคม`
    /// for ๑๐ กรกฎาคม): a speck of a copy's grain between the digits. No number with a
    /// decimal stands before a month's name.
    SplitDay,
    /// A stray character between a day and a month's name (`๑๒ฯ พฤษภาคม`, `๒๙! มีนาคม`,
    /// `๑๓ ฆพฤษภาคม`, `๒มมกราคม`): a mark of the day's glyphs, or a speck, read as one. No
    /// character stands there.
    DayStray,
    /// A clause label opening a line with stray punctuation among its numbers (`๑.๙..๓`,
    /// `๗.:.๒.๘`, `๓.๗.๙'` for ๑.๙.๓, ๗.๒.๘, ๓.๗.๙): a speck read as a second period, a
    /// colon or a quote. The parser reads no label so written.
    LabelPunctuation,
    /// A line opening with ข้อ read as another word before a clause's number and its text:
    /// a few Latin letters before Thai digits (`fo ๓๘ ให้`, `Ja ๔๗`, `dia ๔๔` — the English
    /// model's reading — and `2a ๖`, its ข an Arabic 2), a letter drawn like ข (ย ฆ ซ ช บ)
    /// with a tone mark and a letter drawn like อ (ด), a speck's letter before it at most
    /// (`ย้อ ๘`, `ฆ้อ ๔๘`, `ข้ด ๑๓`, `ฆข้อ ๒๒`), or ข้อ after a stray quote (`'ข้อ ๑๓`). The
    /// parser sees no clause there, and the line is joined to the one above. Not before a
    /// date (`ANU ๑๔ มิ.ย. ๖๘` is วันที่'s).
    KhoMisread,
    /// A time's unit น. read by the English model as `U.` or `UL` (`เวลา ๑๐.๕๒ U.`): after a
    /// time of hours and minutes nothing else is written so.
    TimeUnit,
    /// A line of scattered one- and two-character bits with wide gaps and some Latin letter
    /// or symbol among them (`co      97    a  NU    ๑2`): the Garuda emblem, a stamp or a
    /// signature read as text. Its digits would pass for numbers of the document.
    JunkLine,
}

pub const ALL_RULES: [Rule; 14] = [
    Rule::LostMaiEkOnThi,
    Rule::KnownWords,
    Rule::OrphanMark,
    Rule::LatinBuddhistEra,
    Rule::MonthNameMarks,
    Rule::DatePunctuation,
    Rule::SplitYear,
    Rule::EraForMay,
    Rule::SplitDay,
    Rule::DayStray,
    Rule::LabelPunctuation,
    Rule::KhoMisread,
    Rule::TimeUnit,
    Rule::JunkLine,
];

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::LostMaiEkOnThi => "lost mai ek on ที่",
            Rule::KnownWords => "known words (ocr_repairs.tsv)",
            Rule::OrphanMark => "orphan mark",
            Rule::LatinBuddhistEra => "พ.ศ. read as WA., with a stray mark or a letter off",
            Rule::MonthNameMarks => "month name's marks misplaced",
            Rule::DatePunctuation => "date abbreviation's period read as , or ุ",
            Rule::SplitYear => "year split by a space",
            Rule::EraForMay => "พ.ศ. for พ.ค. between day and year",
            Rule::SplitDay => "day split by a period",
            Rule::DayStray => "stray character between day and month",
            Rule::LabelPunctuation => "clause label's stray punctuation",
            Rule::KhoMisread => "ข้อ read as another word",
            Rule::TimeUnit => "time's น. read as U.",
            Rule::JunkLine => "junk line (emblem, stamp)",
        }
    }
}

/// How many times each rule changed the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FixReport {
    pub mai_ek_restored: usize,
    pub known_words: usize,
    pub orphan_marks: usize,
    pub buddhist_era: usize,
    pub month_names: usize,
    pub date_punctuation: usize,
    pub split_years: usize,
    pub era_for_may: usize,
    pub split_days: usize,
    pub day_strays: usize,
    pub label_punctuation: usize,
    pub kho_misread: usize,
    pub time_units: usize,
    pub junk_lines: usize,
}

impl FixReport {
    pub fn add(&mut self, o: &FixReport) {
        self.mai_ek_restored += o.mai_ek_restored;
        self.known_words += o.known_words;
        self.orphan_marks += o.orphan_marks;
        self.buddhist_era += o.buddhist_era;
        self.month_names += o.month_names;
        self.date_punctuation += o.date_punctuation;
        self.split_years += o.split_years;
        self.era_for_may += o.era_for_may;
        self.split_days += o.split_days;
        self.day_strays += o.day_strays;
        self.label_punctuation += o.label_punctuation;
        self.kho_misread += o.kho_misread;
        self.time_units += o.time_units;
        self.junk_lines += o.junk_lines;
    }
}

/// Words that begin with ที and are not ที่: left alone.
const THI_WORDS: &[&str] = &[
    "ทีม",
    "ทีละ",
    "ทีเดียว",
    "ทีหลัง",
    "ทีวี",
    "ทีท่า",
    "ทีฆ",
    "ทีเด็ด",
    "ทีเล่น",
    "ทีจริง",
];

/// `WA.`, `W.A.`, `WA`, `w.A.`, `w.a.`, `WAL` standing before a number (Thai or Arabic
/// digits).
static LATIN_BE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Ww]\.?[Aa](?:[Ll]\.?|\.)?\s*([๐-๙0-9])").expect("era pattern is valid")
});

/// The era with a stray mark above its ศ (`พ.ศ่.`: Mali Bold Italic's period read as a mai ek
/// over the letter before it), before a number.
static MARKED_ERA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"พ\.(\s?)ศ[\u{0E47}-\u{0E4D}]+\.(\s*[๐-๙0-9])")
        .expect("marked era pattern is valid")
});

/// A word with a period between a month's name (or `ปี`) and a Buddhist-era year (24xx or
/// 25xx): only the era stands there (`บ.ศ.`, `บพ.ศ.`, `บน.ศ.`, `wet.` — its พ read as บ,
/// a speck before it, or the English model's reading).
static ERA_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"({}|ปี)(\s*)([^\s0-9๐-๙]{{2,5}})(\s*)([๒2][๔๕45][0-9๐-๙]{{2}})([^0-9๐-๙]|$)",
        month_name_alternation()
    );
    Regex::new(&pattern).expect("era between pattern is valid")
});

/// Writes `พ.ศ.` for the words of [`ERA_BETWEEN`] that hold a period and are not it.
fn era_between(s: &str, count: &mut usize) -> String {
    ERA_BETWEEN
        .replace_all(s, |c: &regex::Captures| {
            let word = &c[3];
            if !word.contains('.') || word == "พ.ศ." {
                return c[0].to_string();
            }
            *count += 1;
            format!("{}{}พ.ศ.{}{}{}", &c[1], &c[2], &c[4], &c[5], &c[6])
        })
        .into_owned()
}

/// The months' abbreviations of two letter groups (`ก.ย.` as `ก` and `ย`, `เม.ย.`).
fn two_part_abbreviations() -> impl Iterator<Item = (&'static str, &'static str)> {
    crate::dictionaries::get()
        .month_abbreviations()
        .filter_map(|form| {
            let mut parts = form.split('.').filter(|p| !p.is_empty());
            match (parts.next(), parts.next(), parts.next()) {
                (Some(first), Some(second), None) => Some((first, second)),
                _ => None,
            }
        })
}

/// The twelve months' full names as a regex alternation (`มกราคม|กุมภาพันธ์|…`).
fn month_name_alternation() -> String {
    let names: Vec<String> = crate::dictionaries::get()
        .months
        .iter()
        .map(|m| regex::escape(m.name))
        .collect();
    names.join("|")
}

/// A word of Thai letters between a day (one or two digits) and the digits of a year
/// (`พ.ศ.` between them or not).
static BETWEEN_DAY_AND_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(^|[^0-9๐-๙])([0-9๐-๙]{1,2}\s?)([\u{0E01}-\u{0E4E}]{4,14})(\s?(?:พ\.\s?ศ\.\s?)?[0-9๐-๙])",
    )
    .expect("day-word-year pattern is valid")
});

/// A word's letters without its combining vowels and marks: what stays of a month's name
/// when the marks are misplaced. The twelve names' skeletons all differ.
fn skeleton(word: &str) -> String {
    word.chars().filter(|&c| !is_combining_mark(c)).collect()
}

/// Each month name's skeleton, and the name (worked out once: every day-word-year match of
/// every OCR'd page is looked up).
static MONTH_SKELETONS: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    crate::dictionaries::get()
        .months
        .iter()
        .map(|m| (skeleton(m.name), m.name))
        .collect()
});

/// Two skeletons of five letters or more, alike but for one letter in the same place
/// (`ธนจาคม` for ธันวาคม's `ธนวาคม`: a ว read as จ). Any two months' skeletons differ in more.
fn one_letter_off(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len() == b.len() && a.len() >= 5 && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
}

/// Puts back the month names of [`Rule::MonthNameMarks`] (a letter read as another too).
fn month_names(s: &str, count: &mut usize) -> String {
    BETWEEN_DAY_AND_YEAR
        .replace_all(s, |c: &regex::Captures| {
            let word = &c[3];
            let key = skeleton(word);
            let month = MONTH_SKELETONS.iter().find(|(k, _)| *k == key).or_else(|| {
                MONTH_SKELETONS
                    .iter()
                    .find(|(k, _)| one_letter_off(k, &key))
            });
            match month {
                Some(&(_, name)) if name != word => {
                    *count += 1;
                    format!("{}{}{name}{}", &c[1], &c[2], &c[4])
                }
                _ => c[0].to_string(),
            }
        })
        .into_owned()
}

/// A date's abbreviations (every month's with periods, and the era's), each as its two
/// letter groups, with one or two periods, commas or sara u after the first group and up to
/// two after the second, before a year's digits.
static DATE_PUNCTUATION: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = two_part_abbreviations()
        .chain([("พ", "ศ")])
        .map(|(first, second)| {
            format!(
                r"{}[.,\u{{0E38}}]{{1,2}}\s?{}[.,\u{{0E38}}]{{0,2}}",
                regex::escape(first),
                regex::escape(second)
            )
        })
        .collect();
    let pattern = format!(
        r"(^|[^\u{{0E01}}-\u{{0E4E}}])({})(\s?[0-9๐-๙])",
        alternatives.join("|")
    );
    Regex::new(&pattern).expect("date punctuation pattern is valid")
});

/// The era with its periods misread, glued to the word before (TlwgMono's pages lose the
/// space: `บัญญัติพ.ศุ. ๒๕๑๙`), before a year of four digits.
static GLUED_ERA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\u{0E01}-\u{0E4E}])(พ[.,\u{0E38}]{1,2}\s?ศ[.,\u{0E38}]{1,2})(\s?[0-9๐-๙]{4})([^0-9๐-๙]|$)")
        .expect("glued era pattern is valid")
});

/// A month's name, a dash, and a year of four digits (`เมษายน-๒๕๔๑`).
static MONTH_DASH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"({})\s?[-–]\s?([0-9๐-๙]{{4}})([^0-9๐-๙]|$)",
        month_name_alternation()
    );
    Regex::new(&pattern).expect("month dash year pattern is valid")
});

/// Gives [`Rule::DatePunctuation`]'s abbreviations their periods back (where they are not
/// written right already), and a month's name and its year their space.
fn date_punctuation(s: &str, count: &mut usize) -> String {
    let periods = DATE_PUNCTUATION.replace_all(s, |c: &regex::Captures| {
        let letters: Vec<&str> = c[2]
            .split(['.', ',', '\u{0E38}'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let written = format!("{}.", letters.join("."));
        if written != c[2].replace(' ', "") {
            *count += 1;
        }
        format!("{}{written}{}", &c[1], &c[3])
    });
    let glued = GLUED_ERA.replace_all(&periods, |c: &regex::Captures| {
        if c[2] != *"พ.ศ." {
            *count += 1;
        }
        format!("{}พ.ศ.{}{}", &c[1], &c[3], &c[4])
    });
    MONTH_DASH_YEAR
        .replace_all(&glued, |c: &regex::Captures| {
            *count += 1;
            format!("{} {}{}", &c[1], &c[2], &c[3])
        })
        .into_owned()
}

/// What stands before a Buddhist-era year: the era, a month's full name or a range's dash
/// after a year; then the year's four digits (`๒๕๖๘`, 2568) with one space or period among
/// them, and no digit after.
static SPLIT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"((?:พ\.\s?ศ\.|{}|[0-9๐-๙]{{4}}\s?[-–])\s?)([๒2])(?:[ .]([๔๕45][0-9๐-๙]{{2}})|([๔๕45])[ .]([0-9๐-๙]{{2}})|([๔๕45][0-9๐-๙])[ .]([0-9๐-๙]))([^0-9๐-๙]|$)",
        month_name_alternation()
    );
    Regex::new(&pattern).expect("split year pattern is valid")
});

/// A month's abbreviation, then one digit, a period and one digit, and no digit or period
/// after.
static SPLIT_SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let abbreviations: Vec<String> = crate::dictionaries::get()
        .month_abbreviations()
        .map(regex::escape)
        .collect();
    let pattern = format!(
        r"((?:^|[^\u{{0E01}}-\u{{0E4E}}])(?:{})\s?)([0-9๐-๙])\.([0-9๐-๙])([^0-9๐-๙.]|$)",
        abbreviations.join("|")
    );
    Regex::new(&pattern).expect("split short year pattern is valid")
});

/// Joins the years of [`Rule::SplitYear`]. (Again on the joined text, up to twice more: a
/// match takes the character after its year, so the second year of a range both of whose
/// years were split, `พ.ศ. ๒๕ ๖๓ - ๒๕ ๖๖`, is found only once the first is whole.)
fn split_years(s: &str, count: &mut usize) -> String {
    let mut text = s.to_string();
    for _ in 0..3 {
        let before = *count;
        text = SPLIT_YEAR
            .replace_all(&text, |c: &regex::Captures| {
                let rest: String = (3..=7)
                    .filter_map(|i| c.get(i))
                    .map(|m| m.as_str())
                    .collect();
                *count += 1;
                format!("{}{}{rest}{}", &c[1], &c[2], &c[8])
            })
            .into_owned();
        if *count == before {
            break;
        }
    }
    SPLIT_SHORT_YEAR
        .replace_all(&text, |c: &regex::Captures| {
            *count += 1;
            format!("{}{}{}{}", &c[1], &c[2], &c[3], &c[4])
        })
        .into_owned()
}

/// `พ.ศ.` between a day's one or two digits and a year's two.
static ERA_FOR_MAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[^0-9๐-๙.])([0-9๐-๙]{1,2}\s)พ\.ศ\.(\s?[0-9๐-๙]{2})([^0-9๐-๙]|$)")
        .expect("era for may pattern is valid")
});

/// Puts May back for [`Rule::EraForMay`].
fn era_for_may(s: &str, count: &mut usize) -> String {
    ERA_FOR_MAY
        .replace_all(s, |c: &regex::Captures| {
            *count += 1;
            format!("{}{}พ.ค.{}{}", &c[1], &c[2], &c[3], &c[4])
        })
        .into_owned()
}

/// One digit, a period, one digit, then a month's name or abbreviation: not after a digit or
/// a period (a longer number's part), and not opening a line, where `๑.๕ มีนาคม …` is a
/// clause label before a schedule's date.
static SPLIT_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let months: Vec<String> = crate::dictionaries::get()
        .months
        .iter()
        .flat_map(|m| std::iter::once(m.name).chain(m.forms.iter().copied()))
        .filter(|f| f.chars().count() > 2)
        .map(regex::escape)
        .collect();
    let pattern = format!(
        r"([^0-9๐-๙.\n])([0-9๐-๙])\.([0-9๐-๙])(\s?(?:{}))",
        months.join("|")
    );
    Regex::new(&pattern).expect("split day pattern is valid")
});

/// Joins the days of [`Rule::SplitDay`] that make a day of a month (1 to 31).
fn split_days(s: &str, count: &mut usize) -> String {
    SPLIT_DAY
        .replace_all(s, |c: &regex::Captures| {
            let day = format!("{}{}", &c[2], &c[3]);
            let value = crate::thai::digits::parse_number(&day).unwrap_or(0);
            if (1..=31).contains(&value) {
                *count += 1;
                format!("{}{day}{}", &c[1], &c[4])
            } else {
                c[0].to_string()
            }
        })
        .into_owned()
}

/// A day (one or two digits, not a longer number's part, not opening a line), one character
/// that is no digit, space, number's punctuation or bracket (`๑) มกราคม …` is a list item),
/// with a space before or after it (or none), and a month's name.
static DAY_STRAY: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"([^0-9๐-๙.,/\n])([0-9๐-๙]{{1,2}})(?:[^\s0-9๐-๙.,/\-–()\[\]]\s?|\s[^\s0-9๐-๙.,/\-–()\[\]])({})",
        month_name_alternation()
    );
    Regex::new(&pattern).expect("day stray pattern is valid")
});

/// Drops the characters of [`Rule::DayStray`].
fn day_strays(s: &str, count: &mut usize) -> String {
    DAY_STRAY
        .replace_all(s, |c: &regex::Captures| {
            *count += 1;
            format!("{}{} {}", &c[1], &c[2], &c[3])
        })
        .into_owned()
}

/// A line's first token: numbers of one or two digits parted by runs of periods, colons and
/// quotes, at least one run a period's with more, or a quote or colon after the last number;
/// then a space and a Thai letter.
static LABEL_PUNCTUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?m)^([0-9๐-๙]{1,2}(?:[.:'’‘“”"]{1,3}[0-9๐-๙]{1,2}){0,3})([.:'’‘“”"]{0,3})( [\u{0E01}-\u{0E2E}เแโใไ])"#,
    )
    .expect("label punctuation pattern is valid")
});

/// Writes the labels of [`Rule::LabelPunctuation`] with one period between their numbers
/// (and after the last where a period stood there). A run of colons alone is a time's
/// (`๑๐:๓๐ น.`): such a token stays as it is.
fn label_punctuation(s: &str, count: &mut usize) -> String {
    let punctuation = |c: char| matches!(c, '.' | ':' | '\'' | '’' | '‘' | '“' | '”' | '"');
    LABEL_PUNCTUATION
        .replace_all(s, |c: &regex::Captures| {
            let (numbers, tail) = (&c[1], &c[2]);
            let runs: Vec<&str> = numbers
                .split(|ch: char| !punctuation(ch))
                .filter(|r| !r.is_empty())
                .collect();
            let stray = runs.iter().any(|r| *r != ".") || !matches!(tail, "" | ".");
            if !stray
                || runs
                    .iter()
                    .chain([&tail])
                    .any(|r| !r.is_empty() && !r.contains('.') && r.contains(':'))
            {
                return c[0].to_string();
            }
            let label: Vec<&str> = numbers
                .split(punctuation)
                .filter(|n| !n.is_empty())
                .collect();
            *count += 1;
            let period = if tail.contains('.') { "." } else { "" };
            format!("{}{period}{}", label.join("."), &c[3])
        })
        .into_owned()
}

/// A line's start as [`Rule::KhoMisread`] finds it: the word (Latin, or Thai drawn like
/// ข้อ, or ข้อ after a quote), the number, and the rest of the line.
static KHO_MISREAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?m)^([ \t]*)(['‘’"“”]?)([A-Za-z]{1,3}|[0-9][A-Za-z]{1,2}|[\u{0E01}-\u{0E2E}]?(?:ข[\u{0E48}\u{0E49}]|[ยฆซชบ]\u{0E49})[อด])([ \t]+)([๐-๙]{1,3}\b|[0-9]{1,3}\b)([^\n]*)"#,
    )
    .expect("kho pattern is valid")
});

/// A time of hours and minutes (Thai or Arabic digits, a period or a colon between), then
/// `U.`, `UL` or `U` as a word of its own: [`Rule::TimeUnit`].
static TIME_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?P<time>(?:^|[\s(])[0-9๐-๙]{1,2}[.:][0-9๐-๙]{2})[ \t]+(?:U\.|UL|U)(?P<end>[ \t]|$)",
    )
    .expect("time unit pattern is valid")
});

/// Writes ข้อ back for the words of [`Rule::KhoMisread`].
fn kho_misread(s: &str, count: &mut usize) -> String {
    KHO_MISREAD
        .replace_all(s, |c: &regex::Captures| {
            let (quote, word, number, rest) = (&c[2], &c[3], &c[5], &c[6]);
            let latin = word.is_ascii();
            let thai_digits = number.chars().all(|ch| ('๐'..='๙').contains(&ch));
            // The clause's text follows: a period at most, a space, a Thai letter.
            let text_follows = rest
                .strip_prefix('.')
                .unwrap_or(rest)
                .strip_prefix([' ', '\t'])
                .and_then(|t| t.trim_start().chars().next())
                .is_some_and(|ch| {
                    ('\u{0E01}'..='\u{0E2E}').contains(&ch) || ('เ'..='ไ').contains(&ch)
                });
            let date = crate::thai::dates::find_dates(&format!("{number}{rest}"))
                .0
                .iter()
                .any(|d| d.start == 0);
            let right_already = word == "ข้อ" && quote.is_empty();
            if !text_follows || date || (latin && !thai_digits) || right_already {
                return c[0].to_string();
            }
            *count += 1;
            format!("{}ข้อ{}{number}{rest}", &c[1], &c[4])
        })
        .into_owned()
}

static KNOWN: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    include_str!("../../dictionaries/ocr_repairs.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(w, r)| (w.trim().to_string(), r.trim().to_string()))
        .collect()
});

/// Applies every rule.
pub fn fix(text: &str) -> (String, FixReport) {
    fix_with(text, &ALL_RULES)
}

/// Applies the given rules only (for measuring each one).
pub fn fix_with(text: &str, rules: &[Rule]) -> (String, FixReport) {
    let mut r = FixReport::default();
    let mut s = text.to_string();
    for rule in ALL_RULES.iter().filter(|x| rules.contains(x)) {
        s = match rule {
            Rule::LostMaiEkOnThi => thi(&s, &mut r.mai_ek_restored),
            Rule::KnownWords => known_words(&s, &mut r.known_words),
            Rule::OrphanMark => orphan_marks(&s, &mut r.orphan_marks),
            Rule::JunkLine => junk_lines(&s, &mut r.junk_lines),
            Rule::MonthNameMarks => month_names(&s, &mut r.month_names),
            Rule::DatePunctuation => date_punctuation(&s, &mut r.date_punctuation),
            Rule::SplitYear => split_years(&s, &mut r.split_years),
            Rule::EraForMay => era_for_may(&s, &mut r.era_for_may),
            Rule::SplitDay => split_days(&s, &mut r.split_days),
            Rule::DayStray => day_strays(&s, &mut r.day_strays),
            Rule::LabelPunctuation => label_punctuation(&s, &mut r.label_punctuation),
            Rule::KhoMisread => kho_misread(&s, &mut r.kho_misread),
            Rule::TimeUnit => {
                r.time_units += TIME_UNIT.find_iter(&s).count();
                TIME_UNIT.replace_all(&s, "${time} น.${end}").into_owned()
            }
            Rule::LatinBuddhistEra => {
                let n = LATIN_BE.find_iter(&s).count();
                let marked = MARKED_ERA.find_iter(&s).count();
                r.buddhist_era += n + marked;
                if n > 0 {
                    s = LATIN_BE.replace_all(&s, "พ.ศ. $1").into_owned();
                }
                if marked > 0 {
                    s = MARKED_ERA.replace_all(&s, "พ.${1}ศ.$2").into_owned();
                }
                era_between(&s, &mut r.buddhist_era)
            }
        };
    }
    (s, r)
}

/// ที not followed by a mark, and not the start of a word that is spelt ที…, becomes ที่.
fn thi(s: &str, count: &mut usize) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(i) = rest.find("ที") {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        let after = &from["ที".len()..];
        // What comes before does not matter: ที ending a word (หน้าที) lost its mark too.
        let marked = after.chars().next().is_some_and(is_combining_mark);
        let exception = THI_WORDS.iter().any(|w| from.starts_with(w));
        out.push_str("ที");
        if !marked && !exception {
            out.push('\u{0E48}');
            *count += 1;
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Table words not followed by a mark (which would make them another word) are replaced.
fn known_words(s: &str, count: &mut usize) -> String {
    let mut s = s.to_string();
    for (wrong, right) in KNOWN.iter() {
        if !s.contains(wrong.as_str()) {
            continue;
        }
        let mut out = String::with_capacity(s.len());
        let mut rest = s.as_str();
        while let Some(i) = rest.find(wrong.as_str()) {
            let (before, from) = rest.split_at(i);
            out.push_str(before);
            let after = &from[wrong.len()..];
            if after.chars().next().is_some_and(is_combining_mark) {
                out.push_str(wrong);
            } else {
                out.push_str(right);
                *count += 1;
            }
            rest = after;
        }
        out.push_str(rest);
        s = out;
    }
    s
}

/// Empties the lines that are scattered bits rather than text (see [`Rule::JunkLine`]): at
/// least three tokens, none longer than two characters, a gap of four spaces or more, and a
/// Latin letter or a symbol among them (dashes and punctuation do not count) — so that a
/// table row of numbers, of Thai letters or of dashes for empty cells stays. The line itself stays, empty, where it was.
fn junk_lines(s: &str, count: &mut usize) -> String {
    let junk = |line: &str| {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        tokens.len() >= 3
            && line.contains("    ")
            && tokens.iter().all(|t| t.chars().count() <= 2)
            && line.chars().any(|c| {
                c.is_ascii_alphabetic()
                    || !(c.is_alphanumeric() || c.is_whitespace() || "-–—.,:;()/%".contains(c))
            })
    };
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        if junk(line) {
            *count += 1;
            if line.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Drops combining marks that follow neither a Thai letter nor another mark.
fn orphan_marks(s: &str, count: &mut usize) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if is_combining_mark(c) && !prev.is_some_and(|p| ('\u{0E01}'..='\u{0E4E}').contains(&p)) {
            *count += 1;
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_scattered_bits_are_emptied() {
        let text = "ประกาศ\nco            97         a   NU  '     '   ๑2\n๑      ๒๕๖๖      ๑๐\nก     ข     ค\n4              4    ¥     ๕\n๓     -     -     %\nท้าย";
        let (s, r) = fix_with(text, &[Rule::JunkLine]);
        // The emblem and the stamp go; rows of numbers, Thai letters and dashes stay.
        assert_eq!(
            s,
            "ประกาศ\n\n๑      ๒๕๖๖      ๑๐\nก     ข     ค\n\n๓     -     -     %\nท้าย"
        );
        assert_eq!(r.junk_lines, 2);
    }

    #[test]
    fn thi_gets_its_mai_ek_back_but_other_words_stay() {
        let (s, r) = fix("ประกาศ ณ วันที ๑ สาระทีพึงมี ทีมงาน ทีละขั้น ที่ดิน");
        assert_eq!(s, "ประกาศ ณ วันที่ ๑ สาระที่พึงมี ทีมงาน ทีละขั้น ที่ดิน");
        assert_eq!(r.mai_ek_restored, 2);
        // ที with another mark is another reading, not a lost mai ek.
        assert_eq!(fix_with("ที้", &[Rule::LostMaiEkOnThi]).0, "ที้");
    }

    #[test]
    fn table_words_and_orphans() {
        let (s, r) = fix("ทังนี ให้ดำเนินการดังนี ก.ุพ.ร.");
        assert_eq!(s, "ทั้งนี้ ให้ดำเนินการดังนี้ ก.พ.ร.");
        assert_eq!((r.known_words, r.orphan_marks), (2, 1));
        // Already right: nothing changes.
        let right = "ทั้งนี้ ดังนี้ ประกาศ ก.พ.ร. ที่";
        assert_eq!(fix(right).0, right);
        assert_eq!(fix(right).1, FixReport::default());
    }

    #[test]
    fn the_buddhist_era_read_as_latin_comes_back() {
        let (s, r) = fix("ประกาศ ณ วันที่ ๓ มีนาคม WA. ๒๕๖๖ และ W.A.2566 และ w.a. ๒๕๖๓ และ WAL ๒๕๔๕");
        assert_eq!(
            s,
            "ประกาศ ณ วันที่ ๓ มีนาคม พ.ศ. ๒๕๖๖ และ พ.ศ. 2566 และ พ.ศ. ๒๕๖๓ และ พ.ศ. ๒๕๔๕"
        );
        assert_eq!(r.buddhist_era, 4);
        // Not before a number, or inside a word: left alone.
        assert_eq!(fix("WA state, SWAT 5").0, "WA state, SWAT 5");
    }

    #[test]
    fn the_era_s_stray_mark_goes_and_the_month_before_it_can_come_back() {
        let text = "ระหว่างปี พ.ศ่. ๒๕๕๕ - ๒๕๗๐ และ พ. ศ๊.2540";
        assert!(isos(text).is_empty());
        let r = repaired(
            Rule::LatinBuddhistEra,
            text,
            "ระหว่างปี พ.ศ. ๒๕๕๕ - ๒๕๗๐ และ พ. ศ.2540",
            &["2012/2027", "1997"],
        );
        assert_eq!(r.buddhist_era, 2);
        // With the era right, the month's name one letter off is found between day and year.
        let (s, _) = fix("ตั้งแต่วันที่ ๖ มฤศจิกายน พ.ศ่. ๒๕๔๐ เป็นต้นไป");
        assert_eq!(isos(&s), ["1997-11-06"]);
        // Not before a number: left alone.
        untouched(Rule::LatinBuddhistEra, "พ.ศ่. และ");
        // A word with a period between a month's name and a Buddhist-era year is the era.
        let r = repaired(
            Rule::LatinBuddhistEra,
            "๒๙ พฤษภาคม บ.ศ. ๒๕๔๘ และ ๕ มิถุนายน บน.ศ. ๒๕๔๐ และ ๑ พฤศจิกายน wet. ๒๕๔๔",
            "๒๙ พฤษภาคม พ.ศ. ๒๕๔๘ และ ๕ มิถุนายน พ.ศ. ๒๕๔๐ และ ๑ พฤศจิกายน พ.ศ. ๒๕๔๔",
            &["2005-05-29", "1997-06-05", "2001-11-01"],
        );
        assert_eq!(r.buddhist_era, 3);
        // A Christian year, a word with no period, the era as written: left alone.
        untouched(
            Rule::LatinBuddhistEra,
            "๑ มกราคม ค.ศ. ๒๐๒๓ และ ๑ มกราคม ถึง ๒๕๖๖ และ มกราคม พ.ศ. ๒๕๖๖",
        );
    }

    #[test]
    fn a_month_abbreviations_period_read_as_sara_u_comes_back() {
        let text = "ลงวันที่ ๒๙ กุย. ๕๘ และ ๑๔ ธุ.ค. ๔๑ และ ๑๕ เมุย.๔๘ และ 3 พุย 66";
        let r = repaired(
            Rule::DatePunctuation,
            text,
            "ลงวันที่ ๒๙ ก.ย. ๕๘ และ ๑๔ ธ.ค. ๔๑ และ ๑๕ เม.ย.๔๘ และ 3 พ.ย. 66",
            &["2015-09-29", "1998-12-14", "2005-04-15", "2023-11-03"],
        );
        assert_eq!(r.date_punctuation, 4);
        // Not before a year, not inside a word, not another pair of letters.
        let other = "กุยช่าย ๒ กุย นั้น ๒ กุย. นั้น ๓ ขุค. ๔๑ มหากุย. ๕๘";
        untouched(Rule::DatePunctuation, other);
    }

    #[test]
    fn a_month_names_misplaced_marks_are_put_back() {
        let text = "ลงวันที่ ๓๐ กนัยายน พ.ศ. ๒๕๔๗ และ ๒๒ มนี๊าคม ๒๕๕๑ และ ๗ ตลาคม พ.ศ.๒๕๕๕";
        let r = repaired(
            Rule::MonthNameMarks,
            text,
            "ลงวันที่ ๓๐ กันยายน พ.ศ. ๒๕๔๗ และ ๒๒ มีนาคม ๒๕๕๑ และ ๗ ตุลาคม พ.ศ.๒๕๕๕",
            &["2004-09-30", "2008-03-22", "2012-10-07"],
        );
        assert_eq!(r.month_names, 3);
        // Right already, not between a day and a year, or another word: left alone.
        let other = "๓๐ กันยายน ๒๕๔๗ กนัยายน ๒๕๔๗ ๓ รหัสไปรษณีย์ ๑๐๒๐๐ ๕ ตลาด ๒๕๖๖";
        assert_eq!(
            fix_with(other, &[Rule::MonthNameMarks]),
            (other.to_string(), FixReport::default())
        );
    }

    /// `rule` alone applied to `text`: checks the text it gives and the ISO dates the date
    /// finder then reads in it; the report, for its counts.
    fn repaired(rule: Rule, text: &str, want: &str, dates: &[&str]) -> FixReport {
        let (s, r) = fix_with(text, &[rule]);
        assert_eq!(s, want);
        assert_eq!(isos(&s), dates);
        r
    }

    /// Checks that `rule` leaves `text` as it is.
    fn untouched(rule: Rule, text: &str) {
        assert_eq!(fix_with(text, &[rule]).0, text);
    }

    /// The clause labels the parser reads at the lines' starts, as written.
    fn labels(text: &str) -> Vec<String> {
        text.lines()
            .filter_map(|l| crate::parse::labels::parse_label(l).map(|l| l.written))
            .collect()
    }

    /// The ISO dates the date finder reads in a text.
    fn isos(text: &str) -> Vec<String> {
        crate::thai::dates::find_dates(text)
            .0
            .into_iter()
            .map(|d| d.iso)
            .collect()
    }

    #[test]
    fn a_date_abbreviation_s_last_period_read_as_a_comma_or_sara_u_comes_back() {
        let text = "ลงวันที่ ๖ ส.ค, ๖๗ เวลา และ พ.ศ, ๒๕๒๑ และ ณ วันที่ ๒๘ เมษายน พ.ศุ ๒๕๖๓";
        assert!(isos(text).is_empty());
        let r = repaired(
            Rule::DatePunctuation,
            text,
            "ลงวันที่ ๖ ส.ค. ๖๗ เวลา และ พ.ศ. ๒๕๒๑ และ ณ วันที่ ๒๘ เมษายน พ.ศ. ๒๕๖๓",
            &["2024-08-06", "1978", "2020-04-28"],
        );
        assert_eq!(r.date_punctuation, 3);
        // A period and a sara u or comma both, or a sara u for the first period; a dash
        // between a month and its year.
        let text = "ปี พ.ศุ. ๒๕๑๙ และ พุศ. ๒๕๕๕ และ พ.ศ., ๒๕๖๖ และ ๘ เมษายน-๒๕๔๑ และ พ.ศ. ๒๕๖๗";
        let r = repaired(
            Rule::DatePunctuation,
            text,
            "ปี พ.ศ. ๒๕๑๙ และ พ.ศ. ๒๕๕๕ และ พ.ศ. ๒๕๖๖ และ ๘ เมษายน ๒๕๔๑ และ พ.ศ. ๒๕๖๗",
            &["1976", "2012", "2023", "1998-04-08", "2024"],
        );
        assert_eq!(r.date_punctuation, 4);
        // Glued to the word before, before a year of four digits only.
        let text = "บัญญัติพ.ศุ. ๒๕๑๙ บัญญัติพุศุ ๒๔๙๗ บัญญัติพ.ศ. ๒๕๒๐ ตาพุศุ ๒๕";
        let r = repaired(
            Rule::DatePunctuation,
            text,
            "บัญญัติพ.ศ. ๒๕๑๙ บัญญัติพ.ศ. ๒๔๙๗ บัญญัติพ.ศ. ๒๕๒๐ ตาพุศุ ๒๕",
            &["1976", "1954", "1977"],
        );
        assert_eq!(r.date_punctuation, 2);
        // Not inside a word, not before a word, not a comma between other letters.
        let other = "มหาส.ค, ๖๗ ส.ค, และ ก.ข, ๒๕๖๖";
        untouched(Rule::DatePunctuation, other);
    }

    #[test]
    fn a_year_split_by_a_space_or_a_period_is_joined() {
        let text = "วันที่ ๒๒ กันยายน พ.ศ. ๒๕ ๖๘ ระหว่างปี พ.ศ. ๒๕๕๗ - ๒๕ ๖๘ และ พ.ศ. ๒.๕๖๔ และ มีนาคม ๒๕๖ ๙\nระหว่างปี พ.ศ. ๒๕ ๖๓ - ๒๕ ๖๖ จำนวน";
        let want = "วันที่ ๒๒ กันยายน พ.ศ. ๒๕๖๘ ระหว่างปี พ.ศ. ๒๕๕๗ - ๒๕๖๘ และ พ.ศ. ๒๕๖๔ และ มีนาคม ๒๕๖๙\nระหว่างปี พ.ศ. ๒๕๖๓ - ๒๕๖๖ จำนวน";
        let dates = ["2025-09-22", "2014/2025", "2021", "2026-03", "2020/2023"];
        let r = repaired(Rule::SplitYear, text, want, &dates);
        assert_eq!(r.split_years, 6);
        // Not numbers after other words, not a year whole already, not five digits.
        let other = "จำนวน ๒๕ ๖๘ ราย พ.ศ. ๒๕๖๘ ๑๒ พ.ศ. ๒๕ ๖๘๐";
        untouched(Rule::SplitYear, other);
        // A two-digit year after a month's abbreviation, split by a period.
        let r = repaired(
            Rule::SplitYear,
            "ลงวันที่ ๓๐ มี.ค. ๖.๐ เวลา",
            "ลงวันที่ ๓๐ มี.ค. ๖๐ เวลา",
            &["2017-03-30"],
        );
        assert_eq!(r.split_years, 1);
        // Not a longer number, not after a word ending so.
        let other = "มี.ค. ๖.๐๕ และ มี.ค. ๖.๐.๑ และ ตามี.ค. ๖.๐";
        untouched(Rule::SplitYear, other);
    }

    #[test]
    fn the_era_between_a_day_and_a_two_digit_year_is_may() {
        let r = repaired(
            Rule::EraForMay,
            "ลงวันที่ ๑๔ พ.ศ. ๕๗ เวลา",
            "ลงวันที่ ๑๔ พ.ค. ๕๗ เวลา",
            &["2014-05-14"],
        );
        assert_eq!(r.era_for_may, 1);
        // The era before a year of four digits, or after a number's decimals, stays.
        let other = "วันที่ ๑๔ พ.ศ. ๒๕๕๗ และ ๑.๒๕ พ.ศ. ๕๗";
        untouched(Rule::EraForMay, other);
    }

    #[test]
    fn a_month_name_one_letter_off_is_put_back() {
        let (s, r) = fix_with("วันที่ ๒๗ ธันจาคม พ.ศ. ๒๕๖๑", &[Rule::MonthNameMarks]);
        assert_eq!(s, "วันที่ ๒๗ ธันวาคม พ.ศ. ๒๕๖๑");
        assert_eq!(r.month_names, 1);
        // Every two months' skeletons are more than one letter apart, so that a word one
        // letter off names at most one.
        let skeletons: Vec<&String> = MONTH_SKELETONS.iter().map(|(k, _)| k).collect();
        for (i, a) in skeletons.iter().enumerate() {
            for b in &skeletons[i + 1..] {
                assert!(!one_letter_off(a, b), "{a} {b}");
            }
        }
        // A word of another length stays.
        let other = "วันที่ ๒๗ ตลาด ๒๕๖๑";
        untouched(Rule::MonthNameMarks, other);
    }

    #[test]
    fn a_day_split_by_a_period_before_a_month_is_joined() {
        let text = "ตั้งแต่วันที่ ๑.๐ กรกฎาคม พ.ศ. ๒๕๔๑ และ ๒.๑ ก.ค. ๖๗";
        // (Before: neither date is found whole.)
        let before = isos(text);
        assert!(!before
            .iter()
            .any(|d| d == "1998-07-10" || d == "2024-07-21"));
        let r = repaired(
            Rule::SplitDay,
            text,
            "ตั้งแต่วันที่ ๑๐ กรกฎาคม พ.ศ. ๒๕๔๑ และ ๒๑ ก.ค. ๖๗",
            &["1998-07-10", "2024-07-21"],
        );
        assert_eq!(r.split_days, 2);
        // Not a day past 31, not a longer number's part, not before other words.
        let other = "๓.๕ มีนาคม ๑.๒.๓ มีนาคม ๑๒.๕ มีนาคม ๑.๕ ล้านบาท\n๑.๕ มีนาคม ๒๕๖๖ ประชุม";
        untouched(Rule::SplitDay, other);
    }

    #[test]
    fn a_stray_character_between_a_day_and_its_month_goes() {
        let text = "ลงวันที่ ๑๒ฯ พฤษภาคม ๒๕๕๑ ลงวันที่ ๒๙! มีนาคม ๒๕๔๘ ลงวันที่ ๑๓ ฆพฤษภาคม ๒๕๔๓ วันที่ ๒มมกราคม พ.ศ. ๒๕๕๗";
        let want = "ลงวันที่ ๑๒ พฤษภาคม ๒๕๕๑ ลงวันที่ ๒๙ มีนาคม ๒๕๔๘ ลงวันที่ ๑๓ พฤษภาคม ๒๕๔๓ วันที่ ๒ มกราคม พ.ศ. ๒๕๕๗";
        let dates = ["2008-05-12", "2005-03-29", "2000-05-13", "2014-01-02"];
        let r = repaired(Rule::DayStray, text, want, &dates);
        assert_eq!(r.day_strays, 4);
        // A day as written, a range's dash, a character with spaces both sides, a longer
        // number, a slash's, a list item's.
        let other = "๑๒ พฤษภาคม ๑-๒ มีนาคม ๑ ก มีนาคม ๑๒๓ก มีนาคม ๑/๒ก มีนาคม (๑) มกราคม\n๑) มกราคม";
        untouched(Rule::DayStray, other);
    }

    #[test]
    fn a_label_s_stray_punctuation_goes() {
        let text = "๑.๙..๓ รายงานผล\n๗.:.๒.๘ รายงานผล\n๓.๗.๙' รายงานผล\n๔.. ให้มี\n๑.๙“.๔ รายงาน";
        let (s, r) = fix_with(text, &[Rule::LabelPunctuation]);
        assert_eq!(
            s,
            "๑.๙.๓ รายงานผล\n๗.๒.๘ รายงานผล\n๓.๗.๙ รายงานผล\n๔. ให้มี\n๑.๙.๔ รายงาน"
        );
        assert_eq!(r.label_punctuation, 5);
        assert_eq!(labels(&s), ["๑.๙.๓", "๗.๒.๘", "๓.๗.๙", "๔.", "๑.๙.๔"]);
        // A time, a label as it should be, a number inside a line, a label before Latin.
        let other = "๑๐:๓๐ น. ประชุม\n๑.๒.๓ รายงาน\nข้อ ๑.๒..๓ รายงาน\n๑..๒ abc";
        untouched(Rule::LabelPunctuation, other);
    }

    #[test]
    fn kho_read_as_another_word_comes_back() {
        let text =
            "fo ๓๘ ให้ใช้บังคับ\nย้อ ๘ ให้ใช้\nฆข้อ ๒๒ ให้ใช้\nข้ด ๑๓. ให้\n'ข้อ ๑๓ ให้ใช้\n2a ๖ ให้ใช้\n  Ja 4 ให้";
        let (s, r) = fix_with(text, &[Rule::KhoMisread]);
        assert_eq!(
            s,
            "ข้อ ๓๘ ให้ใช้บังคับ\nข้อ ๘ ให้ใช้\nข้อ ๒๒ ให้ใช้\nข้อ ๑๓. ให้\nข้อ ๑๓ ให้ใช้\nข้อ ๖ ให้ใช้\n  Ja 4 ให้"
        );
        assert_eq!(r.kho_misread, 6);
        assert_eq!(
            labels(&s),
            ["ข้อ ๓๘", "ข้อ ๘", "ข้อ ๒๒", "ข้อ ๑๓.", "ข้อ ๑๓", "ข้อ ๖"]
        );
        // Before a date, inside a line, before Latin or a longer number, a real word (ย่อ),
        // Latin before Arabic digits (`PM 2.5`): left alone.
        let other = "ANU ๑๔ มิ.ย. ๖๘ เวลา\nSUA ๒ พฤษภาคม ๒๕๖๐\nและ fo ๓ ให้\nfo ๓ abc\n\
                     ISO ๙๐๐๑ ระบบ\nย่อ ๓ ส่วน\nPM 2.5 เกิน\nข้อ ๔ ให้\n2a 5 ให้\n12 ๖ ให้";
        untouched(Rule::KhoMisread, other);
    }

    #[test]
    fn a_time_s_unit_read_as_latin_comes_back() {
        let text = "ลงวันที่ ๒ พ.ค. ๖๒ เวลา ๑๐.๕๒ U. ตามคำสั่ง\nเวลา ๑๓.๔๐ UL\nเวลา 09:30 U ถึง";
        let (s, r) = fix_with(text, &[Rule::TimeUnit]);
        assert_eq!(
            s,
            "ลงวันที่ ๒ พ.ค. ๖๒ เวลา ๑๐.๕๒ น. ตามคำสั่ง\nเวลา ๑๓.๔๐ น.\nเวลา 09:30 น. ถึง"
        );
        assert_eq!(r.time_units, 3);
        // Not after a number that is no time, nor a word that starts with U, nor U. apart.
        untouched(
            Rule::TimeUnit,
            "ร้อยละ ๑๒.๕ U. ของ\nข้อ ๑.๒ U. ให้\nเวลา ๑๐.๕๒ US ดอลลาร์\nเวลา ๑๐.๕๒ UN.\nปี ๒๕๖๖.๑๒๓ U.",
        );
    }

    #[test]
    fn rules_can_be_left_out() {
        assert_eq!(fix_with("วันที ก.ุพ.ร.", &[]).0, "วันที ก.ุพ.ร.");
        assert_eq!(fix_with("วันที ก.ุพ.ร.", &[Rule::OrphanMark]).0, "วันที ก.พ.ร.");
    }
}
