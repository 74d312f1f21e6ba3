//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use prakat::document::{Clause, Document};

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

pub fn ingest(name: &str) -> Document {
    match prakat::ingest::ingest_file(&fixture(name)) {
        Ok(i) => i.document,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// The clause numbers in order.
pub fn numbers(d: &Document) -> Vec<&str> {
    d.clauses.iter().map(|c| c.number.as_str()).collect()
}

/// The one clause with this number in this section.
pub fn clause<'a>(d: &'a Document, section: Option<&str>, number: &str) -> &'a Clause {
    let found: Vec<&Clause> = d
        .clauses
        .iter()
        .filter(|c| c.number == number && c.section.as_deref() == section)
        .collect();
    assert_eq!(found.len(), 1, "clause {number} in {section:?}: {found:?}");
    found[0]
}

/// The ISO value of the date written exactly as `text`.
pub fn date_iso<'a>(d: &'a Document, text: &str) -> Option<&'a str> {
    d.dates
        .iter()
        .find(|x| x.text == text)
        .map(|x| x.iso.as_str())
}
