//! No input reaches a panic: arbitrary bytes through the whole pipeline, and arbitrary lines
//! shaped like announcements (labels, tabs, parentheses, dates, page breaks) through the
//! parser.

use proptest::prelude::*;

fn announcement_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[๐-๙0-9]{1,4}[.)]? ?[ก-ฮ ]{0,20}",
        "[๐-๙0-9]{1,2}(\\.[๐-๙0-9]{1,3}){0,3} [ก-ฮ]{0,10}",
        "\\(([๐-๙0-9]{1,2}|[ก-ฮ])\\) ?[ก-ฮ]{0,10}",
        "ข้อ ?[๐-๙0-9]{1,3}\\.? [ก-ฮ]{0,10}",
        "[ก-ฮ]\\. [ก-ฮ]{0,10}",
        "(ประกาศ|คำสั่ง|เรื่อง|ประกาศ ณ วันที่|สั่ง ณ วันที่) ?[ก-ฮ๐-๙ .]{0,30}",
        "\\((นาย|นาง|ดร\\.)[ก-ฮ ]{0,20}\\)",
        "[๐-๙0-9]{1,3}\t[ก-ฮ ]{0,10}\t[ก-ฮ\t]{0,10}",
        "[๐-๙]{1,2} (มีนาคม|ก\\.พ\\.|กพ) (พ\\.ศ\\. ?)?[๐-๙0-9]{2,4}",
        "/[๐-๙]{1,2}\\. [ก-ฮ]{0,10} ?(\\.\\.\\.)?",
        "(หลักการและเหตุผล|วัตถุประสงค์|มาตรการ|ทั้งนี้|จึงประกาศ)",
        "[ \t\u{000C}\u{0E4D}\u{0E32}\u{0E48}\u{200B}]{0,4}",
        "",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_give_a_document_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = prakat::ingest::ingest_bytes("fuzz.txt", &bytes);
    }

    #[test]
    fn announcement_shaped_text_never_panics(lines in proptest::collection::vec(announcement_line(), 0..60)) {
        let text = lines.join("\n");
        let ingested = prakat::ingest::ingest_bytes("fuzz.txt", text.as_bytes());
        if let Ok(i) = ingested {
            let d = i.document;
            let n = d.text.chars().count();
            for date in &d.dates {
                prop_assert!(date.start <= date.end && date.end <= n);
            }
            for c in &d.clauses {
                prop_assert_eq!(c.depth, c.number.split('.').count());
            }
        }
    }
}

/// A fixture's bytes with some of them overwritten: damaged files as archives hold them.
fn damaged(name: &str, edits: &[(usize, u8)]) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/scans")
        .join(name);
    let mut bytes = std::fs::read(path).unwrap_or_default();
    if bytes.is_empty() {
        return bytes;
    }
    for &(at, b) in edits {
        let i = at % bytes.len();
        bytes[i] = b;
    }
    bytes
}

proptest! {
    // Each case parses a whole PDF (and the image case OCRs what is left of a page).
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn damaged_text_layer_pdfs_never_panic(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..24),
        cut in 0usize..64,
    ) {
        let mut bytes = damaged("text_layer.pdf", &edits);
        bytes.truncate(bytes.len().saturating_sub(cut));
        let _ = prakat::ingest::ingest_bytes("damaged.pdf", &bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn damaged_scanned_pdfs_never_panic(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..12),
    ) {
        // bad_pages.pdf: one small good page and three broken ones, 72 kB.
        let bytes = damaged("bad_pages.pdf", &edits);
        let _ = prakat::ingest::ingest_bytes("damaged.pdf", &bytes);
    }
}
