//! The search index over the bundled fixtures: Thai segmentation, digit forms, ำ/ํา, filters,
//! facets, fuzzy matching, incremental updates and query errors.

mod common;

use std::path::Path;

use common::fixture;
use prakat::index::search::{Results, SearchOptions};
use prakat::index::writer::Outcome;
use prakat::index::{IndexError, PrakatIndex};

fn build(dir: &Path) -> PrakatIndex {
    let ix = PrakatIndex::open_or_create(dir).expect("index");
    let mut w = ix.writer().expect("writer");
    for e in std::fs::read_dir(fixture("text")).expect("fixtures") {
        let path = e.expect("entry").path();
        let doc = prakat::ingest::ingest_file(&path)
            .expect("ingests")
            .document;
        assert_eq!(w.add(&doc).expect("adds"), Outcome::Added);
    }
    w.commit().expect("commit");
    ix
}

fn search(ix: &PrakatIndex, q: &str, fuzzy: bool) -> Results {
    let opts = SearchOptions {
        limit: 20,
        fuzzy,
        facets: true,
        ..SearchOptions::default()
    };
    ix.searcher()
        .and_then(|s| s.search(q, &opts))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
}

/// (file name prefix, clause number or "doc") of each hit.
fn found(r: &Results) -> Vec<(String, String)> {
    r.hits
        .iter()
        .map(|h| {
            let file = Path::new(&h.path)
                .file_name()
                .map(|f| f.to_string_lossy()[..3].to_string())
                .unwrap_or_default();
            (file, h.number.clone().unwrap_or_else(|| "doc".into()))
        })
        .collect()
}

fn has(r: &Results, file: &str, number: &str) -> bool {
    found(r).iter().any(|(f, n)| f == file && n == number)
}

#[test]
fn digits_and_sara_am_match_in_either_form() {
    let dir = tempfile::tempdir().expect("tmp");
    let ix = build(dir.path());
    // The Phuket preamble writes มาตรา ๖๕, the Sraphonthong one มาตรา 65.
    for q in ["มาตรา ๖๕", "มาตรา 65"] {
        let r = search(&ix, q, false);
        assert!(
            has(&r, "000", "doc") && has(&r, "002", "doc"),
            "{q}: {:?}",
            found(&r)
        );
    }
    // A query typed with ํา (as OCR and some PDFs write it) finds ำ in the text.
    let r = search(&ix, "สํานักนายกรัฐมนตรี ลดธงครึ่งเสา", false);
    assert_eq!(found(&r).first().map(|x| x.1.as_str()), Some("1"));
    assert!(has(&r, "rea", "1"));
    // Latin words fold case.
    assert!(has(&search(&ix, "E-SERVICE", false), "000", "5"));
}

#[test]
fn words_split_differently_by_the_segmenter_still_match() {
    let dir = tempfile::tempdir().expect("tmp");
    let ix = build(dir.path());
    let r = search(&ix, "กล่องรับฟังความคิดเห็น", false);
    for (f, n) in [("000", "2"), ("002", "2")] {
        assert!(has(&r, f, n), "{f}#{n}: {:?}", found(&r));
    }
    // A fragment inside a compound: องค์ความรู้ is segmented in context as part of a longer run.
    assert!(has(&search(&ix, "องค์ความรู้", false), "003", "1"));
    // Snippets mark whole words.
    let hit = &r.hits[0];
    let marked = hit.snippet.render("[", "]");
    assert!(marked.contains("[กล่องรับฟังความคิดเห็น]"), "{marked}");
}

#[test]
fn filters_exclusions_and_facets() {
    let dir = tempfile::tempdir().expect("tmp");
    let ix = build(dir.path());
    let r = search(&ix, "กล่องรับฟังความคิดเห็น province:ภูเก็ต", false);
    assert!(!r.hits.is_empty() && r.hits.iter().all(|h| h.province.as_deref() == Some("ภูเก็ต")));
    let r = search(&ix, "กล่องรับฟังความคิดเห็น kind:pao", false);
    assert!(!r.hits.is_empty() && r.hits.iter().all(|h| h.kind.as_deref() == Some("pao")));
    let r = search(&ix, "กล่องรับฟังความคิดเห็น -kind:province", false);
    assert!(has(&r, "002", "2") && !has(&r, "000", "2"));
    // year:2566 is B.E.; 2023 the same year in C.E.; dates are C.E.
    for q in [
        "มาตรการ year:2566",
        "มาตรการ year:2023",
        "มาตรการ date:2023-03-01..2023-03-31",
    ] {
        let r = search(&ix, q, false);
        assert!(
            !r.hits.is_empty()
                && r.hits
                    .iter()
                    .all(|h| h.date.as_deref() == Some("2023-03-13")),
            "{q}"
        );
    }
    let r = search(&ix, "หน้ากากอนามัย", false);
    let f = r.facets.expect("facets");
    // Two clauses of the DLT announcement and two of CAAT's, both offices, both B.E. 2563.
    assert_eq!(f.kind, [("office".to_string(), 4)]);
    assert_eq!(f.year, [("2563".to_string(), 4)]);
    // Clause filter and phrase.
    let r = search(&ix, "\"ใบรับรองแพทย์\" clause:3.1", false);
    assert_eq!(found(&r), [("rea".to_string(), "3.1".to_string())]);
}

#[test]
fn fuzzy_mode_tolerates_ocr_slips() {
    let dir = tempfile::tempdir().expect("tmp");
    let ix = build(dir.path());
    // ซ read as ช, and a lost mai han-akat: no exact match, found by the fuzzy mode.
    for (q, file, n) in [("จัดชื้อจัดจ้าง", "001", "1.2.6"), ("หน้ากากอนามย", "rea", "1")]
    {
        assert!(
            !has(&search(&ix, q, false), file, n),
            "{q} should not match exactly"
        );
        assert!(
            has(&search(&ix, q, true), file, n),
            "{q}: {:?}",
            found(&search(&ix, q, true))
        );
    }
}

#[test]
fn reingesting_is_incremental() {
    let dir = tempfile::tempdir().expect("tmp");
    let ix = build(dir.path());
    let mut w = ix.writer().expect("writer");
    let mut doc = prakat::ingest::ingest_file(&fixture("text/000_2c97b2254962d538.txt"))
        .expect("ingests")
        .document;
    assert_eq!(w.add(&doc).expect("adds"), Outcome::Unchanged);
    // The same path with new content replaces every old entry.
    doc.id = "changed".into();
    doc.clauses.truncate(1);
    assert_eq!(w.add(&doc).expect("adds"), Outcome::Replaced);
    w.commit().expect("commit");
    // Only the new version's document entry holds the words now; clause 2 of the old is gone.
    let r = search(&ix, "กล่องรับฟังความคิดเห็น province:ภูเก็ต", false);
    assert_eq!(r.total, Some(1), "{:?}", found(&r));
    assert!(r.hits[0].id == "changed" && r.hits[0].number.is_none());
    assert_eq!(
        search(&ix, "ให้มีการเผยแพร่ข้อมูลการดำเนินงาน province:ภูเก็ต", false)
            .hits
            .len(),
        1
    );
}

#[test]
fn malformed_queries_are_errors() {
    let dir = tempfile::tempdir().expect("tmp");
    let ix = build(dir.path());
    let s = ix.searcher().expect("searcher");
    for q in [
        "\"unbalanced",
        "colour:red",
        &"ก".repeat(10_000),
        "...",
        "-ภูเก็ต",
    ] {
        match s.search(q, &SearchOptions::default()) {
            Err(IndexError::Query(_)) => {}
            other => panic!("{q}: {:?}", other.map(|r| r.hits.len())),
        }
    }
}

#[test]
fn a_second_writer_gets_a_clear_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let ix = PrakatIndex::open_or_create(dir.path()).expect("index");
    let _first = ix.writer().expect("first writer");
    match ix.writer() {
        Err(IndexError::Locked(path)) => assert!(path.contains(&dir.path().display().to_string())),
        Err(e) => panic!("unexpected error: {e}"),
        Ok(_) => panic!("two writers at once"),
    }
}
