//! The `prakat` binary as a script or a person uses it: output shapes, exit codes, and a batch
//! that goes on when some files are bad.

mod common;

use std::process::{Command, Output};

use common::fixture;
use serde_json::Value;

fn prakat(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_prakat"))
        .args(args)
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("running prakat: {e}"),
    }
}

fn path(name: &str) -> String {
    fixture(name).display().to_string()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn a_batch_with_bad_files_reports_each_and_goes_on() {
    let out = prakat(&[
        "ingest",
        "--json",
        "--no-index",
        &path("bad/empty.txt"),
        &path("text/000_2c97b2254962d538.txt"),
        &path("bad/binary.txt"),
        &path("bad/unknown-encoding.txt"),
        &path("text/003_625cfb078f57ecd4.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1), "some files failed");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 5, "one line per input, in input order");
    for (i, reason) in [(0, "empty"), (2, "binary"), (3, "encoding")] {
        let e = lines[i]["error"].as_str().unwrap_or_default();
        assert!(e.contains(reason), "line {i}: {e}");
        assert!(lines[i]["path"]
            .as_str()
            .unwrap_or_default()
            .ends_with(".txt"));
    }
    assert_eq!(lines[1]["issuer"], "จังหวัดภูเก็ต");
    assert_eq!(lines[4]["date"], "2019-04-25");
    // The Document contract's fields are all there.
    for key in [
        "id",
        "source",
        "issuer",
        "issuer_kind",
        "province",
        "subject",
        "date",
        "date_text",
        "signatories",
        "clauses",
        "tables",
        "dates",
        "pages",
        "text",
        "warnings",
    ] {
        assert!(lines[1].get(key).is_some(), "missing {key}");
    }
}

#[test]
fn folders_are_read_recursively_and_documents_written_to_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = dir.path().join("docs");
    let index = dir.path().join("index");
    let out = prakat(&[
        "ingest",
        "--json",
        "--index",
        index.to_str().unwrap_or_default(),
        "--out",
        out_dir.to_str().unwrap_or_default(),
        &path("text"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    let inputs = std::fs::read_dir(fixture("text"))
        .map(|r| r.count())
        .unwrap_or(0);
    assert_eq!(lines.len(), inputs);
    for doc in &lines {
        let id = doc["id"].as_str().unwrap_or_default();
        let written =
            std::fs::read_to_string(out_dir.join(format!("{id}.json"))).expect("document file");
        let written: Value = serde_json::from_str(&written).expect("JSON");
        assert_eq!(&written, doc);
    }
}

#[test]
fn people_get_a_summary_and_errors_on_stderr() {
    let out = prakat(&[
        "ingest",
        "--no-index",
        &path("text/004_8672232b6a1971aa.txt"),
        "no/such/file.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("องค์การบริหารส่วนจังหวัดเพชรบูรณ์") && stdout.contains("23 clauses"),
        "{stdout}"
    );
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");
    assert!(stderr.contains("1 read, 1 failed"), "{stderr}");
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(prakat(&["ingest"]).status.code(), Some(2));
    assert_eq!(prakat(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn eval_reports_every_file_and_the_benchmark() {
    let out = prakat(&[
        "eval",
        "--json",
        "--bench",
        "--seconds",
        "0.2",
        &path("text/000_2c97b2254962d538.txt"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["clauses"], 8);
    let pages = lines
        .iter()
        .find_map(|l| l["bench"]["pages_per_s"].as_f64())
        .expect("bench line");
    assert!(pages > 0.0);
}

#[test]
fn the_digit_pass_reads_faces_it_was_never_trained_on() {
    // fixtures/digits: pages in faces kept out of the digit model's training
    // (scripts/render-digit-training.py), some bilevel or blurred as no training glyph is;
    // see fixtures/make_digit_pages.py for which set each page belongs to.
    let out = prakat(&["eval", "--json", &path("digits")]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    let summary = lines
        .iter()
        .find_map(|l| l.get("digit_summary"))
        .expect("a digit summary");
    let (ours, plain) = (
        summary["digit_accuracy"].as_f64().unwrap_or(0.0),
        summary["tesseract_digit_accuracy"].as_f64().unwrap_or(1.0),
    );
    assert!(summary["digits"].as_u64().unwrap_or(0) > 1000);
    assert!(plain < 0.6, "plain Tesseract {plain}");
    assert!(ours >= 0.97, "prakat {ours}");
}

#[test]
fn search_finds_prints_and_says_when_nothing_matched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("ix");
    let ix = index.to_str().unwrap_or_default();
    let first = prakat(&["ingest", "--index", ix, &path("text")]);
    assert_eq!(first.status.code(), Some(0));
    // A second run changes nothing.
    let again = prakat(&["ingest", "--index", ix, &path("text")]);
    assert!(String::from_utf8_lossy(&again.stdout)
        .lines()
        .all(|l| l.ends_with("unchanged")));

    let out = prakat(&[
        "search",
        "--index",
        ix,
        "--json",
        "--facets",
        "กล่องรับฟังความคิดเห็น",
        "--province",
        "ภูเก็ต",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    let hit = &lines[0];
    assert_eq!(hit["issuer"], "จังหวัดภูเก็ต");
    assert_eq!(hit["number"], "2");
    assert_eq!(hit["label"], "๒.");
    assert!(hit["snippet"]
        .as_str()
        .unwrap_or_default()
        .contains("<b>กล่องรับฟังความคิดเห็น</b>"));
    for key in ["id", "path", "date", "section", "score"] {
        assert!(hit.get(key).is_some(), "missing {key}");
    }
    assert!(lines.last().and_then(|l| l.get("facets")).is_some());

    let none = prakat(&["search", "--index", ix, "ไม่มีคำนี้แน่นอนในเอกสารใดๆ xyzzy"]);
    assert_eq!(none.status.code(), Some(1));
    let bad = prakat(&["search", "--index", ix, "\"unbalanced"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unbalanced quote"));
    let missing = prakat(&[
        "search",
        "--index",
        dir.path().join("nothing").to_str().unwrap_or_default(),
        "x",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no index"));
}

#[test]
fn search_evaluations_report_their_numbers() {
    let judged = prakat(&["eval", "--search", "--json"]);
    assert_eq!(
        judged.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&judged.stderr)
    );
    let lines = json_lines(&judged);
    let summary = lines.last().expect("summary");
    assert!(summary["queries"].as_u64().unwrap_or(0) >= 15);
    let per_query = &lines[..lines.len() - 1];
    assert!(per_query
        .iter()
        .all(|l| (0.0..=1.0).contains(&l["recall_at_5"].as_f64().unwrap_or(-1.0))));

    // On a small synthetic corpus every clause holding the words is found, whatever digit
    // form or sara am spelling the query and the clause use.
    let bench = prakat(&["eval", "--search-bench", "3000", "--json"]);
    assert_eq!(
        bench.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&bench.stderr)
    );
    let report = &json_lines(&bench)[0];
    assert_eq!(report["clauses"], 3000);
    for probe in report["recall"].as_array().expect("recall") {
        // Every clause holding the words is found (a few more match with other spacing).
        let (found, containing) = (
            probe["found"].as_u64(),
            probe["clauses_containing"].as_u64(),
        );
        assert!(found >= containing && containing > Some(0), "{probe}");
    }

    let seg = prakat(&["eval", "--segmentation", "--json"]);
    let models = json_lines(&seg);
    assert_eq!(models.len(), 2);
    assert!(models
        .iter()
        .all(|m| m["f1"].as_f64().is_some_and(|f| f > 0.0 && f <= 1.0)));
}

#[test]
fn a_page_that_needs_rendering_without_a_renderer_fails_with_the_remedy() {
    let out = Command::new(env!("CARGO_BIN_EXE_prakat"))
        .args(["ingest", "--json", &path("scans/text_only_broken.pdf")])
        .env("PRAKAT_PDFTOPPM", "/nonexistent/pdftoppm")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "the one file failed");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let error = lines[0]["error"].as_str().unwrap_or_default();
    assert!(error.contains("poppler-utils"), "{error}");
}

#[test]
fn ocr_words_are_in_the_json_only_when_asked_for() {
    let file = path("scans/004_pao_strips.pdf");
    let plain = json_lines(&prakat(&["ingest", "--no-index", "--json", &file]));
    assert!(plain[0]["pages"][0].get("words").is_none());
    let with = json_lines(&prakat(&[
        "ingest",
        "--no-index",
        "--json",
        "--words",
        &file,
    ]));
    let words = with[0]["pages"][0]["words"].as_array().expect("words");
    assert!(words.len() > 50, "{} words", words.len());
    assert!(words
        .iter()
        .all(|w| w["text"].is_string() && w["confidence"].as_f64().is_some()));
}
