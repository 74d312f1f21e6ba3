//! Numbered clauses: which labels really open a clause, the hierarchy they form, the section
//! each belongs to, and the page-end repeats that must not become duplicates.
//!
//! A label is accepted only where the numbering allows it: the next number, a first child, a
//! restart at 1 in a new section, or a small gap (reported as a warning). Anything else that
//! merely looks like a label (a decimal number, an inline reference) stays text.

use super::header::join_wrapped;
use super::labels::{Label, LabelKind};
use crate::document::Clause;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Dotted,
    Kho,
    ParenNumber,
    ParenLetter,
    LetterDot,
}

/// The largest jump in numbering still read as a clause (with a warning), not as text.
const MAX_GAP: u32 = 3;

#[derive(Default)]
pub struct ClauseBuilder {
    pub clauses: Vec<Clause>,
    pub warnings: Vec<String>,
    section: Option<String>,
    /// The open path: style and ordinal of each level.
    stack: Vec<(Style, u32)>,
    /// Whether the next plain line continues the last clause.
    open: bool,
    /// Clauses in the current section.
    in_section: usize,
    anonymous_sections: usize,
}

fn section_name(s: &Option<String>) -> String {
    s.as_deref()
        .map_or_else(|| "the main text".to_string(), |s| format!("'{s}'"))
}

impl ClauseBuilder {
    pub fn section(&self) -> Option<&str> {
        self.section.as_deref()
    }

    pub fn has_clauses_in_section(&self) -> bool {
        self.in_section > 0
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Starts a new section: numbering restarts.
    pub fn set_section(&mut self, section: Option<String>) {
        self.section = section;
        self.stack.clear();
        self.open = false;
        self.in_section = 0;
    }

    pub fn close(&mut self) {
        self.open = false;
    }

    /// Whether a label would open the first clause of a fresh numbering (`1.`, `ข้อ 1`).
    pub fn is_restart(label: &Label) -> bool {
        matches!(&label.kind, LabelKind::Dotted(p) if p == &[1]) || label.kind == LabelKind::Kho(1)
    }

    fn gap_warning(&mut self, from: &str, to: &str) {
        let s = section_name(&self.section);
        self.warnings
            .push(format!("clause numbering jumps from {from} to {to} in {s}"));
    }

    fn path(&self) -> Vec<u32> {
        self.stack.iter().map(|(_, n)| *n).collect()
    }

    fn fmt(path: &[u32]) -> String {
        path.iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".")
    }

    /// The new stack for a top-level or dotted label, or `None` when the numbering does not
    /// allow it here.
    fn place_explicit(&mut self, style: Style, path: &[u32]) -> Option<Vec<(Style, u32)>> {
        let top = *path.first()?;
        let cur = self.path();
        let explicit: Vec<(Style, u32)> = path.iter().map(|n| (style, *n)).collect();
        let Some(&last_top) = cur.first() else {
            if path.len() > 1 || top != 1 {
                self.warnings.push(format!(
                    "clause numbering starts at {} in {}",
                    Self::fmt(path),
                    section_name(&self.section)
                ));
            }
            return Some(explicit);
        };
        if path.len() == 1 {
            if top == last_top + 1 || top == last_top {
                return Some(explicit);
            }
            if top == 1 {
                // A restart with no heading seen: a new, unnamed part.
                self.anonymous_sections += 1;
                let name = format!("ส่วนที่ {}", self.anonymous_sections + 1);
                self.warnings.push(format!(
                    "clause numbering restarts at 1 without a heading; named the part '{name}'"
                ));
                self.set_section(Some(name));
                return Some(explicit);
            }
            if top > last_top + 1 && top <= last_top + 1 + MAX_GAP {
                self.gap_warning(&last_top.to_string(), &top.to_string());
                return Some(explicit);
            }
            return None;
        }
        // A dotted sub-clause: its parent must be on the open path (or the next top level).
        let parent = &path[..path.len() - 1];
        let last = path[path.len() - 1];
        let explicit_prefix: Vec<u32> = self
            .stack
            .iter()
            .take_while(|(s, _)| *s == style)
            .map(|(_, n)| *n)
            .collect();
        if explicit_prefix.starts_with(parent) {
            let expected = explicit_prefix.get(parent.len()).map_or(1, |n| n + 1);
            if last == expected || last + 1 == expected {
                return Some(explicit);
            }
            if last > expected && last <= expected + MAX_GAP {
                self.gap_warning(
                    &Self::fmt(&[parent, &[expected - 1]].concat()),
                    &Self::fmt(path),
                );
                return Some(explicit);
            }
            return None;
        }
        if top > last_top && top <= last_top + 1 + MAX_GAP && path[1..].iter().all(|n| *n == 1) {
            self.warnings.push(format!(
                "clause {} appears without clause {top} in {}",
                Self::fmt(path),
                section_name(&self.section)
            ));
            return Some(explicit);
        }
        None
    }

    /// The new stack for a sub-item (`(1)`, `(ก)`, `ก.`): a sibling of the open item of its
    /// style, or the first child of the open clause.
    fn place_sub_item(&mut self, style: Style, n: u32) -> Option<Vec<(Style, u32)>> {
        if let Some(k) = self.stack.iter().rposition(|(s, _)| *s == style) {
            let expected = self.stack[k].1 + 1;
            if n == expected || n + 1 == expected || (n > expected && n <= expected + MAX_GAP) {
                if n > expected {
                    let p = self.path();
                    self.gap_warning(&Self::fmt(&p[..=k]), &Self::fmt(&[&p[..k], &[n]].concat()));
                }
                let mut s = self.stack[..k].to_vec();
                s.push((style, n));
                return Some(s);
            }
            return None;
        }
        if n <= 2 {
            let mut s = self.stack.clone();
            s.push((style, n));
            return Some(s);
        }
        None
    }

    /// Opens a clause at `label` if the numbering allows it; `false` means the line is text.
    pub fn open(&mut self, label: &Label, page: usize) -> bool {
        let placed = match &label.kind {
            LabelKind::Dotted(p) => self.place_explicit(Style::Dotted, p),
            LabelKind::Kho(n) => self.place_explicit(Style::Kho, &[*n]),
            LabelKind::ParenNumber(n) => self.place_sub_item(Style::ParenNumber, *n),
            LabelKind::ParenLetter(n) => self.place_sub_item(Style::ParenLetter, *n),
            LabelKind::LetterDot(n) => self.place_sub_item(Style::LetterDot, *n),
        };
        let Some(stack) = placed else { return false };
        self.stack = stack;
        let number = Self::fmt(&self.path());
        let clause = Clause {
            number,
            label: label.written.clone(),
            depth: self.stack.len(),
            section: self.section.clone(),
            text: label.rest.clone(),
            page,
        };
        self.push(clause);
        self.open = true;
        true
    }

    /// Adds a clause, dropping a page-end repeat of it: the clause just before with the same
    /// number whose text begins the new one and that ends in an ellipsis (a catchword), is the
    /// same text (a heading repeated), or lies on the page before.
    fn push(&mut self, clause: Clause) {
        let start = self.clauses.len() - self.in_section.min(self.clauses.len());
        if let Some(i) = self.clauses[start..]
            .iter()
            .rposition(|c| c.number == clause.number)
            .map(|i| i + start)
        {
            let prev = &self.clauses[i];
            let stem = prev.text.trim_end_matches(['.', '…', ' ']);
            let catchword = prev.text.ends_with("...") || prev.text.ends_with('…');
            let repeat = clause.text.starts_with(stem)
                && (catchword || prev.text == clause.text || prev.page != clause.page);
            if repeat && i + 1 == self.clauses.len() {
                self.clauses.pop();
                self.in_section -= 1;
            } else {
                self.warnings.push(format!(
                    "clause {} appears twice in {}",
                    clause.number,
                    section_name(&self.section)
                ));
            }
        }
        self.clauses.push(clause);
        self.in_section += 1;
    }

    /// Appends a wrapped line (or a bullet, on a line of its own) to the open clause.
    pub fn append(&mut self, text: &str) {
        if !self.open {
            return;
        }
        if let Some(c) = self.clauses.last_mut() {
            let t = text.trim();
            if t.starts_with(['-', '•', '–', '*']) {
                c.text.push('\n');
                c.text.push_str(t);
            } else {
                join_wrapped(&mut c.text, t);
            }
        }
    }
}
