//! Feeding Documents into the index, incrementally and safely: an unchanged file (same content
//! hash at the same path) is skipped, a changed one replaces its old entries, and nothing is
//! visible until `commit`, so an interrupted batch leaves the last commit whole.

use std::collections::HashSet;

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexReader, ReloadPolicy, TantivyDocument, Term};

use super::schema::{self, Fields};
use super::{IndexError, PrakatIndex};
use crate::document::Document;

/// Memory the writer may use before it flushes a segment: bounded whatever the batch size.
const WRITER_HEAP: usize = 96 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Added,
    Replaced,
    Unchanged,
}

pub struct DocWriter {
    writer: tantivy::IndexWriter,
    reader: IndexReader,
    fields: Fields,
    pending: HashSet<(String, String)>,
}

fn term_query(t: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(t, IndexRecordOption::Basic))
}

impl PrakatIndex {
    pub fn writer(&self) -> Result<DocWriter, IndexError> {
        self.writer_from(self.index.writer(WRITER_HEAP))
    }

    /// A writer whose segments come out the same on every machine: one thread (tantivy
    /// otherwise deals a commit's entries out to a thread per core) and no merges (they run
    /// in the background, when they please) — each commit one segment, kept apart.
    #[cfg(test)]
    pub(crate) fn steady_writer(&self) -> Result<DocWriter, IndexError> {
        let w = self.index.writer_with_num_threads(1, WRITER_HEAP);
        if let Ok(w) = &w {
            w.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        }
        self.writer_from(w)
    }

    fn writer_from(
        &self,
        writer: tantivy::Result<tantivy::IndexWriter>,
    ) -> Result<DocWriter, IndexError> {
        let writer = writer.map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => {
                IndexError::Locked(self.dir.display().to_string())
            }
            other => IndexError::Tantivy(other),
        })?;
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(DocWriter {
            writer,
            reader,
            fields: self.fields,
            pending: HashSet::new(),
        })
    }
}

fn year_parts(date: Option<&str>) -> (Option<u64>, Option<u64>, Option<u64>) {
    let Some(d) = date else {
        return (None, None, None);
    };
    let digits: String = d.chars().filter(char::is_ascii_digit).collect();
    let num = digits.parse::<u64>().ok().filter(|_| digits.len() == 8);
    let ce = d.get(..4).and_then(|y| y.parse::<u64>().ok());
    (num, ce, ce.map(|y| y + 543))
}

impl DocWriter {
    fn count(&self, q: &dyn Query) -> Result<usize, IndexError> {
        Ok(self.reader.searcher().search(q, &Count)?)
    }

    /// Adds a Document (its entry and one per clause), replacing an older version from the
    /// same path; does nothing when this content is already indexed at this path.
    pub fn add(&mut self, d: &Document) -> Result<Outcome, IndexError> {
        let f = self.fields;
        let path = d.source.path.clone();
        let key = (d.id.clone(), path.clone());
        if self.pending.contains(&key) {
            return Ok(Outcome::Unchanged);
        }
        let same = BooleanQuery::new(vec![
            (
                Occur::Must,
                term_query(Term::from_field_text(f.doc_id, &d.id)),
            ),
            (
                Occur::Must,
                term_query(Term::from_field_text(f.path, &path)),
            ),
        ]);
        if self.count(&same)? > 0 {
            return Ok(Outcome::Unchanged);
        }
        let path_term = Term::from_field_text(f.path, &path);
        let outcome =
            if self.count(&TermQuery::new(path_term.clone(), IndexRecordOption::Basic))? > 0 {
                self.writer.delete_term(path_term);
                Outcome::Replaced
            } else {
                Outcome::Added
            };
        for entry in entries(&f, d) {
            self.writer.add_document(entry)?;
        }
        self.pending.insert(key);
        Ok(outcome)
    }

    /// Makes everything added so far visible, atomically.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.writer.commit()?;
        self.reader.reload()?;
        self.pending.clear();
        Ok(())
    }

    /// Ends the writing: waits for the segment merges tantivy runs in the background after a
    /// commit. Without it they are abandoned when the process exits (harmless: the last commit
    /// stays whole) and the index keeps more segments than it needs, each one a cost to every
    /// query; a benchmark that timed queries during a merge would time the merge too.
    /// Uncommitted additions are dropped: commit first.
    pub fn finish(self) -> Result<(), IndexError> {
        self.writer.wait_merging_threads()?;
        Ok(())
    }
}

/// The lines of a Document's text that are not in any of its clauses (title, preamble,
/// closing, signature, tables): what the document entry adds to its clause entries. Indexing
/// the whole text again would segment every clause twice.
pub fn outside_clauses(d: &Document) -> String {
    let mut out = String::new();
    for line in d.text.lines() {
        let t = line.trim();
        let rest = match crate::parse::labels::parse_label(t) {
            Some(l) => l.rest,
            None => t.to_string(),
        };
        let rest = rest.trim_end_matches(['.', '…', ' ']);
        if rest.is_empty() || d.clauses.iter().any(|c| c.text.contains(rest)) {
            continue;
        }
        out.push_str(t);
        out.push('\n');
    }
    out
}

/// The index entries of one Document.
pub fn entries(f: &Fields, d: &Document) -> Vec<TantivyDocument> {
    let (date_num, year_ce, year_be) = year_parts(d.date.as_deref());
    let kind = d.issuer_kind.map(|k| k.as_str());
    let signatories = d
        .signatories
        .iter()
        .map(|s| match &s.position {
            Some(p) => format!("{} {p}", s.name),
            None => s.name.clone(),
        })
        .chain(d.signing_office.clone())
        .collect::<Vec<_>>()
        .join("\n");
    let issuer = d.issuer.clone().unwrap_or_default();
    let common = |doc: &mut TantivyDocument, entry: &str| {
        doc.add_text(f.entry, entry);
        doc.add_text(f.doc_id, &d.id);
        doc.add_text(f.path, &d.source.path);
        doc.add_text(f.issuer, &issuer);
        if let Some(k) = kind {
            doc.add_text(f.kind, k);
        }
        if let Some(p) = &d.province {
            doc.add_text(f.province, p);
        }
        if let Some(date) = &d.date {
            doc.add_text(f.date, date);
        }
        if let Some(n) = date_num {
            doc.add_u64(f.date_num, n);
        }
        if let Some(y) = year_ce {
            doc.add_u64(f.year_ce, y);
        }
        if let Some(y) = year_be {
            doc.add_u64(f.year_be, y);
        }
        doc.add_text(f.signatories, &signatories);
        for facet in schema::facets(d.province.as_deref(), kind, year_be) {
            doc.add_facet(f.facets, facet);
        }
    };
    let mut out = Vec::with_capacity(d.clauses.len() + 1);
    let mut doc = TantivyDocument::default();
    common(&mut doc, schema::DOC);
    let subject = d.subject.clone().unwrap_or_default();
    doc.add_text(f.subject, &subject);
    doc.add_text(f.body, outside_clauses(d));
    // The document entry holds what its clauses do not: the text outside them (words), and
    // the bigrams of its header.
    let header = format!("{issuer}\n{subject}\n{signatories}");
    doc.add_text(f.grams, &header);
    doc.add_text(f.skel, &header);
    out.push(doc);
    for c in &d.clauses {
        let mut doc = TantivyDocument::default();
        common(&mut doc, schema::CLAUSE);
        let section = c.section.clone().unwrap_or_default();
        doc.add_text(f.section, &section);
        doc.add_text(f.number, &c.number);
        doc.add_text(f.label, &c.label);
        doc.add_u64(f.page, c.page as u64);
        doc.add_text(f.text, &c.text);
        let all = format!("{issuer}\n{section}\n{}\n{signatories}", c.text);
        doc.add_text(f.grams, &all);
        doc.add_text(f.skel, &all);
        out.push(doc);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_entry_keeps_only_text_outside_clauses() {
        let i = crate::ingest::ingest_bytes(
            "t.txt",
            "ประกาศจังหวัดน่าน\nเรื่อง ทดสอบ\n\nตามมาตรา ๖๕ จึงกำหนดดังนี้\n\n๑. ให้มีกล่องรับฟังความคิดเห็น\n๒. ให้มีการประเมินผล\nทุกปี\n\nประกาศ ณ วันที่ ๑ มกราคม ๒๕๖๖\n"
                .as_bytes(),
        )
        .expect("ingests");
        let body = outside_clauses(&i.document);
        assert!(
            body.contains("ตามมาตรา ๖๕") && body.contains("ประกาศ ณ วันที่"),
            "{body}"
        );
        assert!(
            !body.contains("กล่องรับฟัง") && !body.contains("ทุกปี"),
            "{body}"
        );
    }
}
