//! Clause alignment on the seeds, with expectations written by hand from reading them.

mod common;

use std::process::Command;

use common::{fixture, ingest};
use prakat::compare::{align, ClauseRef, DEFAULT_THRESHOLD};
use prakat::document::Document;

fn refs(d: &Document) -> Vec<ClauseRef> {
    prakat::compare::clause_refs(d)
}

/// The clause of `b` aligned with clause `number` (main text) of `a`, as (section, number).
fn partner(a: &Document, b: &Document, number: &str) -> Option<(Option<String>, String)> {
    let (ra, rb) = (refs(a), refs(b));
    let al = align(&ra, &rb, DEFAULT_THRESHOLD);
    let i = ra
        .iter()
        .position(|c| c.number == number && c.section.is_none())?;
    al.pairs
        .iter()
        .find(|p| p.a == i)
        .map(|p| (rb[p.b].section.clone(), rb[p.b].number.clone()))
}

#[test]
fn phuket_and_sraphonthong_share_template_clauses() {
    let phuket = ingest("text/000_2c97b2254962d538.txt");
    let sao = ingest("text/002_8b73769a33cd5e68.txt");
    // Publishing operations through the website: Phuket 1 ↔ Sraphonthong 1.
    assert_eq!(partner(&phuket, &sao, "1"), Some((None, "1".into())));
    // Budget and procurement (Phuket 3) has no counterpart at Sraphonthong.
    assert_eq!(partner(&phuket, &sao, "3"), None);
}

#[test]
fn the_suggestion_box_clause_aligns_across_all_three_agencies() {
    let phuket = ingest("text/000_2c97b2254962d538.txt");
    let sao = ingest("text/002_8b73769a33cd5e68.txt");
    let pao = ingest("text/004_8672232b6a1971aa.txt");
    assert_eq!(partner(&phuket, &sao, "2"), Some((None, "2".into())));
    let (section, number) = partner(&phuket, &pao, "2").expect("aligned with the PAO");
    assert_eq!(number, "2");
    assert!(section.is_some_and(|s| s.contains("มีส่วนร่วม") && s.ends_with("มาตรการ")));
    let (section, number) = partner(&sao, &pao, "2").expect("aligned with the PAO");
    assert_eq!(number, "2");
    assert!(section.is_some_and(|s| s.ends_with("มาตรการ")));
}

#[test]
fn a_clause_ocrd_with_slips_still_aligns_with_its_typed_text() {
    let phuket = ingest("text/000_2c97b2254962d538.txt");
    let typed = refs(&phuket);
    // What OCR does: digits in the other script, ำ as ํา, lost tone marks.
    let mut rng = prakat::synth::Rng::new(3);
    let ocrd: Vec<ClauseRef> = typed
        .iter()
        .map(|c| {
            let mut t = prakat::thai::digits::to_arabic(&c.text).replace('ำ', "\u{0E4D}\u{0E32}");
            for _ in 0..3 {
                t = prakat::synth::perturb(&t, &mut rng).0;
            }
            ClauseRef {
                text: t.replace('่', ""),
                ..c.clone()
            }
        })
        .collect();
    let al = align(&typed, &ocrd, DEFAULT_THRESHOLD);
    assert_eq!(al.pairs.len(), typed.len());
    assert!(
        al.pairs.iter().all(|p| p.a == p.b && p.similarity > 0.7),
        "{:?}",
        al.pairs
    );
}

fn prakat(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_prakat"))
        .args(args)
        .output()
        .expect("runs")
}

/// The fixtures ingested into a fresh index: the folder (kept alive) and the index path.
fn indexed_fixtures() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tmp");
    let ix = dir.path().join("ix").to_string_lossy().into_owned();
    let out = prakat(&[
        "ingest",
        "--index",
        &ix,
        fixture("text").to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    (dir, ix)
}

#[test]
fn compare_prints_json_html_and_reads_the_index() {
    let a = fixture("text/000_2c97b2254962d538.txt");
    let b = fixture("text/002_8b73769a33cd5e68.txt");
    let (a, b) = (
        a.to_str().unwrap_or_default(),
        b.to_str().unwrap_or_default(),
    );
    let out = prakat(&["compare", a, b, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let pairs = v["pairs"].as_array().expect("pairs");
    assert!(pairs
        .iter()
        .any(|p| p["a"] == "2" && p["b"] == "2" && p["similarity"].as_f64() > Some(0.9)));
    assert!(v["only_a"]
        .as_array()
        .expect("only_a")
        .contains(&serde_json::json!("3")));
    let diff = pairs[0]["diff"].as_array().expect("diff");
    assert!(diff
        .iter()
        .all(|d| ["equal", "delete", "insert"].contains(&d["op"].as_str().unwrap_or(""))));

    let html = prakat(&["compare", a, b, "--html"]);
    let page = String::from_utf8_lossy(&html.stdout);
    assert!(
        page.starts_with("<!doctype html>") && page.contains("<del>") && page.contains("<ins>")
    );
    assert!(
        !page.contains("src=") && !page.contains("<link"),
        "self-contained"
    );

    // Selections from the index: Phuket against the SAO.
    let (_dir, ix) = indexed_fixtures();
    let ix = ix.as_str();
    let out = prakat(&[
        "compare",
        "--index",
        ix,
        "--a",
        "province:ภูเก็ต",
        "--b",
        "kind:sao",
        "--json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v["pairs"]
        .as_array()
        .is_some_and(|p| p.iter().any(|p| p["b"] == "2")));

    // similar: the suggestion-box clause finds its siblings at other agencies.
    let out = prakat(&[
        "similar",
        "--index",
        ix,
        "--json",
        "ให้มีผู้รับผิดชอบจัดทำช่องทางในการรับฟังความคิดเห็น เช่น โทรศัพท์ เว็บไซต์ จดหมาย กล่องรับฟังความคิดเห็น",
    ]);
    let hits: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let issuers: Vec<&str> = hits
        .iter()
        .take(4)
        .filter_map(|h| h["issuer"].as_str())
        .collect();
    for who in [
        "จังหวัดภูเก็ต",
        "องค์การบริหารส่วนตำบลสระโพนทอง",
        "องค์การบริหารส่วนจังหวัดเพชรบูรณ์",
    ] {
        assert!(issuers.contains(&who), "{who} in {issuers:?}");
    }
    let bad = prakat(&["compare", "--index", ix, "no-such-file-or-id", b]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn families_group_the_same_template_across_agencies() {
    let (_dir, ix) = indexed_fixtures();
    let ix = ix.as_str();
    let out = prakat(&["families", "--index", ix, "--json", "--missing"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fams: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    // The suggestion-box clause: one family holding Phuket's, Sraphonthong's and the PAO's.
    let boxed = fams
        .iter()
        .find(|f| {
            f["representative"]
                .as_str()
                .is_some_and(|t| t.contains("กล่องรับฟังความคิดเห็น"))
        })
        .expect("a family for the suggestion-box clause");
    let agencies: Vec<&str> = boxed["agencies"]
        .as_array()
        .expect("agencies")
        .iter()
        .filter_map(|a| a.as_str())
        .collect();
    for who in [
        "จังหวัดภูเก็ต",
        "องค์การบริหารส่วนตำบลสระโพนทอง",
        "องค์การบริหารส่วนจังหวัดเพชรบูรณ์",
    ] {
        assert!(agencies.contains(&who), "{who} in {agencies:?}");
    }
    // Agencies without it are listed on request; the OPM mourning announcement is one.
    let without: Vec<&str> = boxed["agencies_without"]
        .as_array()
        .expect("listed")
        .iter()
        .filter_map(|a| a.as_str())
        .collect();
    assert!(without.contains(&"สำนักนายกรัฐมนตรี"));
    // Unrelated clauses are not put together: the OPM's flag clause has no family of 2.
    assert!(!fams.iter().any(|f| f["representative"]
        .as_str()
        .is_some_and(|t| t.contains("ลดธงครึ่งเสา"))));
}

#[test]
fn a_side_without_clauses_is_all_only_the_other() {
    let dir = tempfile::tempdir().expect("tmp");
    let empty = dir.path().join("no-clauses.txt");
    std::fs::write(&empty, "ประกาศจังหวัดน่าน\nเรื่อง ทดสอบ\n\nไม่มีข้อใดเลย\n").expect("write");
    let a = fixture("text/002_8b73769a33cd5e68.txt");
    let out = prakat(&[
        "compare",
        "--json",
        a.to_str().unwrap_or_default(),
        empty.to_str().unwrap_or_default(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["only_a"].as_array().map(Vec::len), Some(5));
    assert_eq!(v["pairs"].as_array().map(Vec::len), Some(0));
    // The text output does not trip over the empty side either.
    let text = prakat(&[
        "compare",
        a.to_str().unwrap_or_default(),
        empty.to_str().unwrap_or_default(),
    ]);
    assert_eq!(text.status.code(), Some(0));
}
