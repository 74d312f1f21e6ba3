//! Cleaned page texts → the structure of an announcement: header, sections, clauses, tables,
//! signing date, signatories, dates and warnings. Knows nothing of files, PDFs or OCR.

pub mod clauses;
pub mod header;
pub mod labels;
pub mod signature;
pub mod tables;

use std::sync::LazyLock;

use regex::Regex;

use crate::dictionaries;
use crate::document::Clause;
use crate::document::{DateMention, DatePrecision, IssuerKind, Signatory, Table};
use crate::thai::dates::{self, Precision};
use clauses::ClauseBuilder;
use tables::TableBuilder;

/// The character that separates pages in a Document's `text`.
pub const PAGE_BREAK: char = '\u{000C}';

/// One line of the text, with where it lies.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The line as written (indentation and tabs kept).
    pub raw: &'a str,
    /// Trimmed.
    pub text: &'a str,
    /// Starts with whitespace: a paragraph's first line in many layouts.
    pub indented: bool,
    /// The line is a page separator.
    pub page_break: bool,
    /// 1-based page number.
    pub page: usize,
    /// Character offsets into the text.
    pub start: usize,
    pub end: usize,
}

pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut page = 1;
    let mut offset = 0;
    for raw in text.split('\n') {
        let len = raw.chars().count();
        // `trim` would eat the form feed itself (it is whitespace): trim spaces only.
        let page_break = raw.trim_matches([' ', '\t', '\r']) == PAGE_BREAK.to_string();
        if page_break {
            page += 1;
        }
        lines.push(Line {
            raw,
            text: if page_break { "" } else { raw.trim() },
            indented: raw.starts_with([' ', '\t']),
            page_break,
            page,
            start: offset,
            end: offset + len,
        });
        offset += len + 1;
    }
    lines
}

/// What the parser found in one document.
#[derive(Debug, Default)]
pub struct Parsed {
    pub issuer: Option<String>,
    pub issuer_kind: Option<IssuerKind>,
    pub province: Option<String>,
    pub subject: Option<String>,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub signatories: Vec<Signatory>,
    pub signing_office: Option<String>,
    pub clauses: Vec<Clause>,
    pub tables: Vec<Table>,
    pub dates: Vec<DateMention>,
    pub warnings: Vec<String>,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-–—]\s*[0-9\u{0E50}-\u{0E59}]{1,3}\s*[-–—]|[0-9\u{0E50}-\u{0E59}]{1,3})$")
        .expect("page number pattern is valid")
});

/// A line of only rule characters (`………`, `-----`, `____`).
fn is_rule(t: &str) -> bool {
    t.chars().count() >= 3
        && t.chars()
            .all(|c| matches!(c, '.' | '…' | '-' | '_' | '=' | '–' | '—' | '*' | '~' | ' '))
}

fn is_heading(t: &str) -> bool {
    let t = t.trim_end_matches([':', ' ']);
    dictionaries::get().headings.contains(&t)
}

fn is_opener(t: &str) -> bool {
    dictionaries::get().openers.iter().any(|o| t.starts_with(o))
}

/// The next line with text after `i`, skipping blanks and page breaks.
fn next_text<'a>(lines: &'a [Line<'a>], i: usize) -> Option<&'a Line<'a>> {
    lines[i + 1..].iter().find(|l| !l.text.is_empty())
}

fn precision(p: Precision) -> DatePrecision {
    match p {
        Precision::Day => DatePrecision::Day,
        Precision::Month => DatePrecision::Month,
        Precision::Year => DatePrecision::Year,
        Precision::YearRange => DatePrecision::YearRange,
    }
}

struct SignatureState {
    /// After a signing-date line or a name: names on their own line count as signatories.
    in_block: bool,
    /// The signatory whose position lines come next.
    current: Option<usize>,
    position_lines: usize,
}

pub fn parse(text: &str) -> Parsed {
    let lines = split_lines(text);
    let header = header::parse_header(&lines);
    let mut out = Parsed {
        issuer_kind: header.issuer.as_deref().map(header::issuer_kind),
        issuer: header.issuer.clone(),
        subject: header.subject.clone(),
        ..Parsed::default()
    };

    let (found, problems) = dates::find_dates(text);
    out.dates = found
        .into_iter()
        .map(|d| DateMention {
            text: d.text,
            iso: d.iso,
            start: d.start,
            end: d.end,
            precision: precision(d.precision),
        })
        .collect();
    for p in problems {
        out.warnings
            .push(format!("not a valid date: '{}' ({})", p.text, p.reason));
    }

    let mut clauses = ClauseBuilder::default();
    let mut tables = TableBuilder::default();
    let mut sig = SignatureState {
        in_block: false,
        current: None,
        position_lines: 0,
    };
    let mut annex: Option<String> = None;
    let mut signing_line: Option<usize> = None;
    let mut caption: Option<String> = None;
    let mut saw_blank = false;
    let mut saw_page_break = false;
    let mut last_catchword: Option<usize> = None;
    let mut signatories: Vec<Signatory> = Vec::new();
    let in_annex = |annex: &Option<String>, h: &str| match annex {
        Some(a) if a != h => format!("{a} / {h}"),
        _ => h.to_string(),
    };

    for i in header.body_start..lines.len() {
        let line = &lines[i];
        let t = line.text;
        if line.page_break {
            saw_page_break = true;
            continue;
        }
        if t.is_empty() {
            saw_blank = true;
            tables.blank();
            if sig.position_lines > 0 {
                sig.current = None;
            }
            continue;
        }
        if PAGE_NUMBER.is_match(t) && (saw_page_break || saw_blank || i == 0) {
            continue;
        }
        // A blank line ends a clause, but not the blank margin around a page break: a
        // sentence runs on to the next page.
        if saw_blank && !saw_page_break {
            clauses.close();
        }
        saw_blank = false;
        saw_page_break = false;
        if is_rule(t) {
            clauses.close();
            continue;
        }
        if tables::is_table_line(line.raw, tables.in_table()) {
            tables.push_line(line.raw, clauses.section(), caption.as_deref());
            clauses.close();
            continue;
        }
        tables.interrupt();
        if t.starts_with('/') {
            // A page-end catchword: the first words of the next page, never a clause.
            last_catchword = Some(i);
            continue;
        }
        if signature::is_signing_line(t) {
            signing_line.get_or_insert(i);
            sig.in_block = true;
            sig.current = None;
            clauses.close();
            continue;
        }
        // Position lines under a signatory's name. (Not a line after the first that a known
        // heading follows: the title of an annex set right under the signature, with no
        // blank line the page's layout showed — `มาตรการเผยแพร่ข้อมูล…` above
        // `หลักการและเหตุผล`. The first line under a name is its position whatever follows.)
        let mut after_position = false;
        if let Some(s) = sig.current {
            let annex_title = sig.position_lines > 0
                && !is_heading(t)
                && next_text(&lines, i).is_some_and(|n| is_heading(n.text));
            if !signature::is_routing_or_junk(t)
                && sig.position_lines < 3
                && !annex_title
                && signature::person(t, true).is_none()
            {
                // Position lines are separate phrases: join them with a space.
                let pos = signatories[s].position.get_or_insert_with(String::new);
                if !pos.is_empty() {
                    pos.push(' ');
                }
                pos.push_str(t);
                sig.position_lines += 1;
                continue;
            }
            after_position = sig.position_lines > 0;
            sig.current = None;
        }
        let label = labels::parse_label(t);
        if label.is_none() {
            let next = next_text(&lines, i);
            let short = t.chars().count() <= 120;
            if is_heading(t) {
                let h = t.trim_end_matches([':', ' ']);
                clauses.set_section(Some(in_annex(&annex, h)));
                sig.in_block = false;
                caption = None;
                continue;
            }
            // An annex title stands alone — a blank line (or the page top) above it, or a
            // signatory's position — and a known heading (หลักการและเหตุผล, วัตถุประสงค์…)
            // next.
            let standalone = i == 0 || lines[i - 1].text.is_empty() || after_position;
            if short && standalone && next.is_some_and(|n| is_heading(n.text)) && !is_opener(t) {
                annex = Some(t.to_string());
                clauses.set_section(Some(t.to_string()));
                sig.in_block = false;
                caption = None;
                continue;
            }
            let restart_follows = next
                .and_then(|n| labels::parse_label(n.text))
                .is_some_and(|l| ClauseBuilder::is_restart(&l));
            if t.chars().count() <= 80
                && restart_follows
                && clauses.has_clauses_in_section()
                && !is_opener(t)
                && !t.ends_with("ดังนี้")
            {
                clauses.set_section(Some(in_annex(&annex, t)));
                sig.in_block = false;
                caption = None;
                continue;
            }
        }
        if label.is_none() || sig.in_block {
            if let Some((name, honorific)) = signature::person(t, sig.in_block) {
                signatories.push(Signatory {
                    name,
                    honorific,
                    position: None,
                });
                sig.in_block = true;
                sig.current = Some(signatories.len() - 1);
                sig.position_lines = 0;
                clauses.close();
                continue;
            }
        }
        if sig.in_block {
            if signature::is_routing_or_junk(t) {
                continue;
            }
            let office = signing_line
                .is_some_and(|s| s + 1 == i || lines[s + 1..i].iter().all(|l| l.text.is_empty()));
            if office
                && t.chars().count() <= 80
                && out.signing_office.is_none()
                && signatories.is_empty()
            {
                out.signing_office = Some(t.to_string());
                continue;
            }
            sig.in_block = false;
        }
        if let Some(label) = &label {
            if clauses.open(label, line.page) {
                caption = None;
                continue;
            }
        }
        if is_opener(t) {
            clauses.close();
        } else if clauses.is_open() {
            clauses.append(t);
            continue;
        }
        caption = (t.chars().count() <= 120).then(|| t.to_string());
    }

    // The signing date: the first full date on the signing line (or the line after it).
    if let Some(s) = signing_line {
        let end = lines.get(s + 1).map_or(lines[s].end, |l| l.end);
        if let Some(d) = out.dates.iter().find(|d| {
            d.start >= lines[s].start && d.start < end && d.precision == DatePrecision::Day
        }) {
            out.date = Some(d.iso.clone());
            out.date_text = Some(d.text.clone());
        } else {
            out.warnings.push(format!(
                "the signing line has no valid date: '{}'",
                lines[s].text
            ));
        }
    } else {
        out.warnings
            .push("no signing date (ประกาศ ณ วันที่ …) found".into());
    }
    if header.issuer.is_none() {
        out.warnings
            .push("no title (ประกาศ… / คำสั่ง…) found in the first lines".into());
    }
    if header.subject.is_none() {
        out.warnings.push("no subject (เรื่อง …) found".into());
    }
    if signatories.is_empty() && out.signing_office.is_none() {
        out.warnings.push("no signatory found".into());
    }
    if let Some(c) = last_catchword {
        let rest = lines[c + 1..].iter().all(|l| l.text.is_empty());
        if rest {
            out.warnings.push(format!(
                "the text ends with the page-end catchword '{}': the following page is missing",
                lines[c].text
            ));
        }
    }
    let (clause_list, mut clause_warnings) = (clauses.clauses, clauses.warnings);
    if let Some(last) = clause_list.last() {
        if last.text.ends_with("...") || last.text.ends_with('…') {
            clause_warnings.push(format!(
                "clause {} looks cut off: '{}'",
                last.number, last.text
            ));
        }
    }
    let (table_list, table_warnings) = tables.finish_all();
    out.warnings.extend(clause_warnings);
    out.warnings.extend(table_warnings);

    // Province: from the issuer, else from a signatory's position, else (for local
    // administrations, whose names rarely hold it) from the first จังหวัด… in the text.
    out.province = out
        .issuer
        .as_deref()
        .and_then(header::province_in)
        .or_else(|| {
            signatories
                .iter()
                .filter_map(|s| s.position.as_deref())
                .find_map(header::province_in)
        })
        .or_else(|| match out.issuer_kind {
            Some(IssuerKind::Sao | IssuerKind::Municipality | IssuerKind::Other) => {
                header::province_after_changwat(text)
            }
            _ => None,
        })
        .map(str::to_string);
    out.signatories = signatories;
    out.clauses = clause_list;
    out.tables = table_list;
    out
}
