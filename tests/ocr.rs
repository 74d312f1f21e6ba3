//! Page images through Tesseract (Thai): rendered from seed 000 by fixtures/make_scans.py, a
//! clean PNG and a degraded JPEG. These check that the OCR path produces Documents with the
//! header a reader sees on the page; accuracy is measured by evaluation, not asserted here.

mod common;

use common::{fixture, ingest};
use prakat::document::SourceKind;

#[test]
fn a_scanned_page_gives_the_header_of_its_text_version() {
    let text = ingest("text/000_2c97b2254962d538.txt");
    for name in ["scans/000_phuket_p1.png", "scans/000_phuket_p1.jpg"] {
        let d = ingest(name);
        assert_eq!(d.source.kind, SourceKind::Image, "{name}");
        assert_eq!(d.pages.len(), 1);
        let confidence = d.pages[0].confidence.expect("OCR pages carry a confidence");
        assert!((0.0..=100.0).contains(&confidence));
        assert_eq!(d.issuer, text.issuer, "{name}");
        assert_eq!(d.subject, text.subject, "{name}");
        // ำ comes out of Tesseract as ํ + า; clean-up composes it.
        assert!(!d.text.contains("\u{0E4D}\u{0E32}"), "{name}");
    }
    // On the clean page the first clause is found with its label.
    let png = ingest("scans/000_phuket_p1.png");
    assert!(png
        .clauses
        .iter()
        .any(|c| c.number == "1" && c.text.starts_with("ให้มีการเผยแพร่ข้อมูล")));
}

#[test]
fn a_number_tesseract_glued_to_the_next_word_is_read_and_stands_apart() {
    // fixtures/digits/freeserif_bold.jpg (its .truth: `บ้านเลขที่ ๙๔๕/๘๒ หมู่ที่ ๘ รหัส…`):
    // Tesseract writes the bold ๘ as `«`, glued to the word after it.
    let d = ingest("digits/freeserif_bold.jpg");
    assert!(d.text.contains("๙๔๕/๘๒ หมู่ที่ ๘ รหัสไปรษณีย์"), "{}", d.text);
}

#[test]
fn a_label_s_number_read_with_the_one_before_keeps_one_period() {
    // fixtures/digits/mali.jpg (its .truth: `๕.๒.๑ รายงานผล…`): Tesseract writes `๕.๒.๑`,
    // and the glyphs of the run `๕` are the ๕, the period and the ๒, so that the run `๒`
    // has nothing left to read; its periods were one, not two.
    let d = ingest("digits/mali.jpg");
    let doubled: Vec<&str> = d
        .text
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|t| t.contains(".."))
        })
        .collect();
    assert!(doubled.is_empty(), "{doubled:?}");
}

#[test]
fn a_label_s_period_read_as_a_space_comes_back() {
    // fixtures/digits/umpush_bold.jpg (its .truth: `๕.๘.๕ รายงานผล…`): Tesseract writes
    // `๕ ๘.๕`, its first period a space; the page shows the period after the ๕.
    let d = ingest("digits/umpush_bold.jpg");
    assert!(d.text.contains("\n๕.๘.๕ รายงานผล"), "{}", d.text);
    assert!(!d.text.contains("๕ ๘.๕"), "{}", d.text);
}

#[test]
fn a_label_s_periods_far_from_or_touching_its_digits_are_found() {
    // fixtures/digits/mono_lowres.jpg (`๑.๗.๔ รายงานผล…`): TlwgMono sets each period in the
    // middle of a digit-wide cell, further from the digit before than a proportional face;
    // Tesseract writes `๑..๕`. fixtures/digits/freeserif_bold_italic.jpg (`๒.๘.๙`): the
    // bold period is blurred into the ๒'s foot; Tesseract writes `bce`.
    let mono = ingest("digits/mono_lowres.jpg");
    assert!(mono.text.contains("\n๑.๗.๔ รายงาน"), "{}", mono.text);
    let italic = ingest("digits/freeserif_bold_italic.jpg");
    assert!(italic.text.contains("\n๒.๘.๙ รายงานผล"), "{}", italic.text);
}

#[test]
fn a_month_abbreviation_read_as_latin_is_read_again() {
    // fixtures/digits/sarabun_medium_italic_bilevel.png (its .truth: `ลงวันที่ ๑๐ ส.ค. ๖๖`,
    // `ลงวันที่ ๑๖ ม.ค. ๖๗`): Tesseract's English model writes the two months `A.A.` and
    // `ILA.`, so that the dates are lost.
    let d = ingest("digits/sarabun_medium_italic_bilevel.png");
    assert!(d.text.contains("ลงวันที่ ๑๐ ส.ค. ๖๖"), "{}", d.text);
    let isos: Vec<String> = d.dates.iter().map(|x| x.iso.clone()).collect();
    assert!(isos.iter().any(|x| x == "2023-08-10"), "{isos:?}");
    assert!(isos.iter().any(|x| x == "2024-01-16"), "{isos:?}");
}

#[test]
fn a_broken_image_fails_that_file_only() {
    let mut bytes = std::fs::read(fixture("scans/000_phuket_p1.png")).expect("fixture");
    bytes.truncate(2_000);
    match prakat::ingest::ingest_bytes("broken.png", &bytes) {
        Err(prakat::error::Error::Image(m)) => assert!(!m.is_empty()),
        Err(e) => panic!("unexpected error: {e}"),
        Ok(_) => panic!("a truncated PNG decoded"),
    }
}

#[test]
fn eval_reports_ocr_accuracy_against_the_truth_text() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_prakat"))
        .args([
            "eval",
            "--json",
            fixture("scans").to_str().unwrap_or_default(),
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|v: &serde_json::Value| v.get("cer").is_some())
        .collect();
    let with_truth = std::fs::read_dir(fixture("scans"))
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x != "truth" && x != "py")
                && p.with_extension("truth").exists()
        })
        .count();
    assert_eq!(
        rows.len(),
        with_truth,
        "one row per scan with a .truth beside it"
    );
    for r in &rows {
        let (cer, no_ws) = (
            r["cer"].as_f64().unwrap_or(-1.0),
            r["cer_no_whitespace"].as_f64().unwrap_or(-1.0),
        );
        assert!(
            (0.0..1.0).contains(&cer) && (0.0..=cer).contains(&no_ws),
            "{r}"
        );
        // The clean page must give the issuer; accuracy elsewhere is reported, not asserted.
        if r["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("000_phuket_p1.png"))
        {
            assert_eq!(r["issuer"], true, "{r}");
        }
        assert!(r["seconds_per_page"].as_f64().is_some_and(|s| s > 0.0));
    }
}
