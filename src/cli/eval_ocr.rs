//! OCR accuracy for page images that have their truth text beside them (`NAME.truth`): the
//! character error rate, with and without whitespace (Thai spacing is arbitrary), and what
//! the parser recovers from the OCR compared with what it finds in the truth text.

use prakat::document::Document;

/// Levenshtein distance between two character sequences (two rows of the table).
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j + 1] + 1)
                .min(cur[j] + 1)
                .min(prev[j] + usize::from(ca != cb));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The edits that turn `ocr` into `truth`, by kind: (substitutions, truth characters
/// missing from `ocr`, characters of `ocr` not in `truth`), along one cheapest alignment.
pub fn edit_kinds(ocr: &[char], truth: &[char]) -> (usize, usize, usize) {
    let (n, m) = (ocr.len(), truth.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + usize::from(ocr[i - 1] != truth[j - 1]));
        }
    }
    let (mut i, mut j) = (n, m);
    let (mut subs, mut missing, mut extra) = (0, 0, 0);
    while i > 0 || j > 0 {
        if i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + usize::from(ocr[i - 1] != truth[j - 1]) {
            subs += usize::from(ocr[i - 1] != truth[j - 1]);
            (i, j) = (i - 1, j - 1);
        } else if j > 0 && d[i][j] == d[i][j - 1] + 1 {
            missing += 1;
            j -= 1;
        } else {
            extra += 1;
            i -= 1;
        }
    }
    (subs, missing, extra)
}

/// The characters compared: cleaned (ำ composed alike on both sides), whitespace dropped
/// when asked.
fn compared(s: &str, ignore_whitespace: bool) -> Vec<char> {
    prakat::thai::clean::clean(s)
        .0
        .chars()
        .filter(|c| !ignore_whitespace || !c.is_whitespace())
        .collect()
}

/// Character error rate of `ocr` against `truth`: edits over the truth's length.
pub fn cer(ocr: &str, truth: &str, ignore_whitespace: bool) -> f64 {
    let (o, t) = (
        compared(ocr, ignore_whitespace),
        compared(truth, ignore_whitespace),
    );
    if t.is_empty() {
        return 0.0;
    }
    edit_distance(&o, &t) as f64 / t.len() as f64
}

/// Each OCR repair rule measured by leaving it out: edits (whitespace ignored) summed over
/// files, with no rule, with all, and with all but one.
#[derive(Default)]
pub struct Ablation {
    truth_chars: usize,
    none: usize,
    all: usize,
    without: Vec<usize>,
}

impl Ablation {
    pub fn add(&mut self, unrepaired: &[Option<String>], truth: &str) {
        use prakat::thai::ocr_fixes::{fix_with, ALL_RULES};
        let pages: Vec<&str> = unrepaired.iter().flatten().map(String::as_str).collect();
        if pages.is_empty() {
            return;
        }
        let t = compared(truth, true);
        let edits = |rules: &[prakat::thai::ocr_fixes::Rule]| -> usize {
            let text: String = pages
                .iter()
                .map(|p| fix_with(p, rules).0)
                .collect::<Vec<_>>()
                .join("\n");
            edit_distance(&compared(&text, true), &t)
        };
        self.truth_chars += t.len();
        self.none += edits(&[]);
        self.all += edits(&ALL_RULES);
        self.without.resize(ALL_RULES.len(), 0);
        for (i, rule) in ALL_RULES.iter().enumerate() {
            let rest: Vec<_> = ALL_RULES.iter().copied().filter(|r| r != rule).collect();
            self.without[i] += edits(&rest);
        }
    }

    pub fn report(&self, out: &mut impl std::io::Write, json: bool) -> std::io::Result<()> {
        use prakat::thai::ocr_fixes::ALL_RULES;
        let rate = |e: usize| e as f64 / self.truth_chars.max(1) as f64;
        if json {
            let rules: Vec<_> = ALL_RULES
                .iter()
                .zip(&self.without)
                .map(|(r, &e)| serde_json::json!({"rule": r.name(), "cer_without_it": rate(e), "edits_saved": e as i64 - self.all as i64}))
                .collect();
            let v = serde_json::json!({"ocr_rules": {"truth_chars": self.truth_chars,
                "cer_no_rules": rate(self.none), "cer_all_rules": rate(self.all), "rules": rules}});
            return writeln!(out, "{v}");
        }
        writeln!(
            out,
            "\nOCR repair rules (CER, whitespace ignored, over {} truth characters): none {:.2}%, all {:.2}%",
            self.truth_chars,
            rate(self.none) * 100.0,
            rate(self.all) * 100.0
        )?;
        for (r, &e) in ALL_RULES.iter().zip(&self.without) {
            writeln!(
                out,
                "  without {:<32} {:.2}%  (the rule saves {} edits)",
                r.name(),
                rate(e) * 100.0,
                e as i64 - self.all as i64
            )?;
        }
        Ok(())
    }
}

/// How well digits came through: every digit (Thai or Arabic) in reading order, every
/// number (a run of digits) whole, every date (as the date finder reads it, ISO) and every
/// clause label (as written at the start of a line).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DigitScore {
    pub digits: usize,
    pub digit_errors: usize,
    /// The truth's digits read as another digit or lost.
    pub digits_misread: usize,
    /// Digits in the OCR where the truth has none (a stamp, a letter read as a digit).
    pub stray_digits: usize,
    pub numbers: usize,
    pub numbers_exact: usize,
    pub dates: usize,
    pub dates_exact: usize,
    pub labels: usize,
    pub labels_exact: usize,
}

impl DigitScore {
    pub fn add(&mut self, o: &DigitScore) {
        self.digits += o.digits;
        self.digit_errors += o.digit_errors;
        self.digits_misread += o.digits_misread;
        self.stray_digits += o.stray_digits;
        self.numbers += o.numbers;
        self.numbers_exact += o.numbers_exact;
        self.dates += o.dates;
        self.dates_exact += o.dates_exact;
        self.labels += o.labels;
        self.labels_exact += o.labels_exact;
    }

    pub fn digit_accuracy(&self) -> f64 {
        1.0 - self.digit_errors as f64 / self.digits.max(1) as f64
    }

    /// The share of the truth's digits that came out right (stray digits not counted).
    pub fn digits_read_right(&self) -> f64 {
        1.0 - self.digits_misread as f64 / self.digits.max(1) as f64
    }

    pub fn number_accuracy(&self) -> f64 {
        self.numbers_exact as f64 / self.numbers.max(1) as f64
    }

    pub fn date_accuracy(&self) -> f64 {
        self.dates_exact as f64 / self.dates.max(1) as f64
    }

    pub fn label_accuracy(&self) -> f64 {
        self.labels_exact as f64 / self.labels.max(1) as f64
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('๐'..='๙').contains(&c)
}

/// How many items of `truth` are found in `ocr` in the same order (longest common
/// subsequence).
fn matched_in_order(ocr: &[String], truth: &[String]) -> usize {
    let mut prev = vec![0usize; ocr.len() + 1];
    for t in truth {
        let mut cur = vec![0usize; ocr.len() + 1];
        for (j, o) in ocr.iter().enumerate() {
            cur[j + 1] = if o == t {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        prev = cur;
    }
    prev[ocr.len()]
}

/// The dates of a text (ISO), in order.
fn dates(s: &str) -> Vec<String> {
    prakat::thai::dates::find_dates(s)
        .0
        .into_iter()
        .map(|d| d.iso)
        .collect()
}

/// The numbered clause labels that open lines (`๑.`, `๑.๒.๓`, `4.`), as written.
fn labels(s: &str) -> Vec<String> {
    s.lines()
        .filter_map(|l| prakat::parse::labels::parse_label(l.trim()))
        .map(|l| l.written)
        .filter(|w| w.chars().any(is_digit))
        .collect()
}

/// Scores the digits of `ocr` against those of `truth`: digit errors are the edits between
/// the two digit sequences (capped at the truth's count); whole numbers, dates and labels
/// are matched in order (longest common subsequence of the two lists).
pub fn digit_score(ocr: &str, truth: &str) -> DigitScore {
    let digits = |s: &str| -> Vec<char> { s.chars().filter(|c| is_digit(*c)).collect() };
    let numbers = |s: &str| -> Vec<String> {
        s.split(|c: char| !is_digit(c))
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (od, td) = (digits(ocr), digits(truth));
    let (tn, tdates, tlabels) = (numbers(truth), dates(truth), labels(truth));
    // One alignment gives both the edit distance and its kinds.
    let (subs, missing, extra) = edit_kinds(&od, &td);
    DigitScore {
        digits: td.len(),
        digit_errors: (subs + missing + extra).min(td.len()),
        digits_misread: subs + missing,
        stray_digits: extra,
        numbers: tn.len(),
        numbers_exact: matched_in_order(&numbers(ocr), &tn),
        dates: tdates.len(),
        dates_exact: matched_in_order(&dates(ocr), &tdates),
        labels: tlabels.len(),
        labels_exact: matched_in_order(&labels(ocr), &tlabels),
    }
}

/// What the parser found in the OCR that it also finds in the truth text.
pub struct Recovered {
    pub issuer: bool,
    pub subject: bool,
    pub date: Option<bool>,
    /// Clauses of the truth found in the OCR with the same number and the same first letters.
    pub clauses: (usize, usize),
    pub signatories: (usize, usize),
}

pub fn recovered(ocr: &Document, truth: &Document) -> Recovered {
    let start = |t: &str| -> String { prakat::compare::skeleton(t).into_iter().take(12).collect() };
    let clauses = truth
        .clauses
        .iter()
        .filter(|c| {
            ocr.clauses.iter().any(|o| {
                o.number == c.number && o.section == c.section && start(&o.text) == start(&c.text)
            })
        })
        .count();
    let signatories = truth
        .signatories
        .iter()
        .filter(|s| ocr.signatories.iter().any(|o| o.name == s.name))
        .count();
    Recovered {
        issuer: ocr.issuer == truth.issuer,
        subject: ocr.subject == truth.subject,
        date: truth.date.as_ref().map(|d| ocr.date.as_ref() == Some(d)),
        clauses: (clauses, truth.clauses.len()),
        signatories: (signatories, truth.signatories.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_told_apart_by_kind() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        // ๒๕๖๖ read as ๒๕๕: one misread, one lost; a stray ๑ in front.
        assert_eq!(edit_kinds(&c("๑๒๕๕"), &c("๒๕๖๖")), (1, 1, 1));
        assert_eq!(edit_kinds(&c("๑๒"), &c("๑๒")), (0, 0, 0));
        assert_eq!(edit_kinds(&c(""), &c("๑๒")), (0, 2, 0));
        assert_eq!(edit_kinds(&c("๑๒"), &c("")), (0, 0, 2));
        let s = digit_score("ปี ๒๕๕ และ", "ปี ๒๕๖๖ และ");
        assert_eq!(
            (s.digits_misread, s.stray_digits, s.digit_errors),
            (2, 0, 2)
        );
        let s = digit_score("ปี ๒๕๖๖ และ 4", "ปี ๒๕๖๖ และ");
        assert_eq!(
            (s.digits_misread, s.stray_digits, s.digit_errors),
            (0, 1, 1)
        );
        assert!((s.digits_read_right() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn edit_distance_counts_edits() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("กขค"), &c("กขค")), 0);
        assert_eq!(edit_distance(&c("กขค"), &c("กค")), 1);
        assert_eq!(edit_distance(&c(""), &c("กข")), 2);
        assert!((cer("ประ กาศ", "ประกาศ", true) - 0.0).abs() < 1e-9);
        assert!(cer("ประ กาศ", "ประกาศ", false) > 0.0);
        let d = digit_score("พ.ศ. ๒๕๒๒ ข้อ ๕.", "พ.ศ. ๒๕๖๖ ข้อ ๔.");
        assert_eq!(
            (d.digits, d.digit_errors, d.numbers, d.numbers_exact),
            (5, 3, 2, 0)
        );
        let d = digit_score("๑๓ มีนาคม ๒๕๖๖", "๑๓ มีนาคม ๒๕๖๖");
        assert_eq!((d.digit_errors, d.numbers_exact), (0, 2));
    }
}
