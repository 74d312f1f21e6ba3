//! The five seed announcements, checked against what a careful reader finds in them. Every
//! expected value below was written by hand from reading the seed text.

mod common;

use common::{clause, date_iso, ingest, numbers};
use prakat::document::IssuerKind;

#[test]
fn phuket_participation_measure() {
    let d = ingest("text/000_2c97b2254962d538.txt");
    assert_eq!(d.issuer.as_deref(), Some("จังหวัดภูเก็ต"));
    assert_eq!(d.issuer_kind, Some(IssuerKind::Province));
    assert_eq!(d.province.as_deref(), Some("ภูเก็ต"));
    assert_eq!(
        d.subject.as_deref(),
        Some("มาตรการการเปิดโอกาสให้ภาคประชาชนหรือผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินงานของหน่วยงาน")
    );
    assert_eq!(d.date.as_deref(), Some("2023-03-13"));
    assert_eq!(d.date_text.as_deref(), Some("๑๓ มีนาคม พ.ศ. ๒๕๖๖"));
    // One signatory; the routing initials after the signature are not people.
    assert_eq!(d.signatories.len(), 1, "{:?}", d.signatories);
    let s = &d.signatories[0];
    assert_eq!(s.name, "นายณรงค์ รุ่งชัย");
    assert_eq!(s.honorific.as_deref(), Some("นาย"));
    assert_eq!(s.position.as_deref(), Some("ผู้ว่าราชการจังหวัดภูเก็ต"));
    // Clauses 1–8 each exactly once: the catchword "/๔. ให้มีการจัดทำ ..." is not a clause.
    assert_eq!(numbers(&d), ["1", "2", "3", "4", "5", "6", "7", "8"]);
    let c4 = clause(&d, None, "4");
    assert_eq!(c4.label, "๔.");
    assert!(
        c4.text.starts_with("ให้มีการจัดทำผังขั้นตอนหรือคู่มือการขออนุญาต"),
        "{}",
        c4.text
    );
    // "๖.ให้นำ…" has no space after the label.
    assert!(clause(&d, None, "6")
        .text
        .starts_with("ให้นำผลการประเมินความพึงพอใจ"));
    assert!(clause(&d, None, "2").text.contains("กล่องรับฟังความคิดเห็น"));
    // Routing dates in the abbreviated form.
    assert_eq!(date_iso(&d, "๒๑ ก.พ. ๖๖"), Some("2023-02-21"));
    assert_eq!(date_iso(&d, "๑๐ ก.พ. ๖๖"), Some("2023-02-10"));
    assert_eq!(date_iso(&d, "พ.ศ.๒๕๔๕"), Some("2002"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn phuket_transparency_measure_is_cut_off_after_page_one() {
    let d = ingest("text/001_ce2dbc4159756e8b.txt");
    assert_eq!(d.issuer.as_deref(), Some("จังหวัดภูเก็ต"));
    assert_eq!(
        d.subject.as_deref(),
        Some("มาตรการสร้างความโปร่งใสในการปฏิบัติราชการ")
    );
    assert_eq!(
        numbers(&d),
        [
            "1", "1.1", "1.2", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.2.6", "1.2.7",
            "1.3", "1.4"
        ]
    );
    let c = clause(&d, None, "1.2.3");
    assert_eq!((c.label.as_str(), c.depth), ("๑.๒.๓", 3));
    assert_eq!(clause(&d, None, "1").text, "การเปิดเผยข้อมูล");
    assert_eq!(clause(&d, None, "1.2.1").text, "มีลักษณะเป็น Link");
    // The file stops at the catchword for page 2: no clause 2, no date, no signatory.
    assert!(d.date.is_none());
    assert!(d.signatories.is_empty());
    assert!(
        d.warnings.iter().any(|w| w.contains("/๒. การมีส่วนร่วม...")),
        "{:?}",
        d.warnings
    );
    assert_eq!(date_iso(&d, "๑๑ ตุลาคม ๒๕๕๙"), Some("2016-10-11"));
    assert_eq!(date_iso(&d, "พ.ศ. ๒๕๖๐ – ๒๕๖๔"), Some("2017/2021"));
}

#[test]
fn sraphonthong_sao_has_arabic_clauses_and_no_signature() {
    let d = ingest("text/002_8b73769a33cd5e68.txt");
    assert_eq!(d.issuer.as_deref(), Some("องค์การบริหารส่วนตำบลสระโพนทอง"));
    assert_eq!(d.issuer_kind, Some(IssuerKind::Sao));
    assert_eq!(d.province, None, "the text names no province");
    assert_eq!(
        d.subject.as_deref(),
        Some("มาตรการการเปิดโอกาสให้ภาคประชาชนหรือผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินงานของหน่วยงาน")
    );
    assert_eq!(numbers(&d), ["1", "2", "3", "4", "5"]);
    assert_eq!(clause(&d, None, "1").label, "1.");
    assert!(clause(&d, None, "5").text.contains("10 ล้านบาท"));
    assert!(d.signatories.is_empty());
    assert!(d.date.is_none());
    // Word-processor residue is gone from the text.
    assert!(!d.text.contains("[bookmark"), "{}", d.text);
    assert!(d.warnings.iter().any(|w| w.contains("no signatory")));
}

#[test]
fn opdc_repeated_clause_heading_appears_once() {
    let d = ingest("text/003_625cfb078f57ecd4.txt");
    assert_eq!(d.issuer.as_deref(), Some("สำนักงาน ก.พ.ร."));
    assert_eq!(d.issuer_kind, Some(IssuerKind::Office));
    assert_eq!(
        d.subject.as_deref(),
        Some("มาตรการเปิดโอกาสให้ผู้มีส่วนได้ส่วนเสียเข้ามามีส่วนร่วมในการดำเนินงาน")
    );
    assert_eq!(d.date.as_deref(), Some("2019-04-25"));
    assert_eq!(numbers(&d), ["1", "2", "3", "4", "5", "6"]);
    // "๕. สร้างความ..." at the page end and "๕. สร้างความร่วมมือ…" on the next page: one clause 5.
    assert!(clause(&d, None, "5")
        .text
        .starts_with("สร้างความร่วมมือจากทุกภาคส่วน"));
    assert_eq!(d.signatories.len(), 1);
    assert_eq!(d.signatories[0].name, "นายปกรณ์ นิลประพันธ์");
    assert_eq!(
        d.signatories[0].position.as_deref(),
        Some("เลขาธิการ ก.พ.ร.")
    );
    assert_eq!(date_iso(&d, "พ.ศ. ๒๕๖๑ - ๒๕๘๐"), Some("2018/2037"));
}

#[test]
fn phetchabun_pao_sections_and_table() {
    let d = ingest("text/004_8672232b6a1971aa.txt");
    assert_eq!(d.issuer.as_deref(), Some("องค์การบริหารส่วนจังหวัดเพชรบูรณ์"));
    assert_eq!(d.issuer_kind, Some(IssuerKind::Pao));
    assert_eq!(d.province.as_deref(), Some("เพชรบูรณ์"));
    assert_eq!(d.subject.as_deref(), Some("มาตรการภายในเพื่อป้องกันการทุจริต"));
    // "๒๖ มิถุนายน ๒๕๖๗" has no พ.ศ.
    assert_eq!(d.date.as_deref(), Some("2024-06-26"));
    assert_eq!(d.signatories.len(), 1);
    assert_eq!(d.signatories[0].name, "นายอกรุตช ทองใจลักษณ์");
    // The position as written (its OCR typo included), not read as a name starting with นาย.
    assert_eq!(
        d.signatories[0].position.as_deref(),
        Some("นายกอธิการบริหารส่วนจังหวัดเพชรบูรณ์")
    );

    // The announcement lists three measures; three annexed measures follow, each with its
    // objectives (วัตถุประสงค์) and measures (มาตรการ) numbered from 1.
    let main: Vec<_> = d.clauses.iter().filter(|c| c.section.is_none()).collect();
    assert_eq!(main.len(), 3);
    assert_eq!(main[2].text, "มาตรการตรวจสอบการใช้คุลพินิจ");
    let sections: Vec<&str> = {
        let mut v: Vec<&str> = d
            .clauses
            .iter()
            .filter_map(|c| c.section.as_deref())
            .collect();
        v.dedup();
        v
    };
    assert_eq!(sections.len(), 6, "{sections:?}");
    assert!(
        sections[0].contains("มาตราการเผยแพร่ข้อมูลต่อสาธารณะ") && sections[0].ends_with("วัตถุประสงค์")
    );
    assert!(sections[3].contains("ดุลพินิจ") && sections[3].ends_with("มาตรการ"));
    let count = |s: &str| {
        d.clauses
            .iter()
            .filter(|c| c.section.as_deref() == Some(s))
            .count()
    };
    assert_eq!(
        sections.iter().map(|s| count(s)).collect::<Vec<_>>(),
        [2, 3, 2, 6, 2, 5]
    );
    // A clause wrapped over three lines is one clause.
    let c = clause(&d, Some(sections[5]), "2");
    assert!(
        c.text.contains("กล่องรับฟังความคิดเห็น") && c.text.ends_with("เป็นต้น"),
        "{}",
        c.text
    );
    assert!(d.clauses.len() == 23);

    // The numbered table: rows 1–41 and 47–53 over four pages, one table, not clauses.
    assert_eq!(d.tables.len(), 1);
    let t = &d.tables[0];
    assert_eq!(t.rows.len(), 41 + 7);
    assert_eq!(t.rows[0][0], "๑");
    assert_eq!(t.rows[0][1], "โครงสร้างหน่วยงาน");
    assert_eq!(t.rows[47][1], "มาตรการตรวจสอบการใช้ดุลพินิจ");
    assert_eq!(t.header[0], "ที่");
    assert_eq!(t.header[1], "ประเภทข้อมูล");
    assert!(
        d.warnings.iter().any(|w| w.contains("42–46")),
        "{:?}",
        d.warnings
    );
}

#[test]
fn tis620_copy_reads_like_the_utf8_original() {
    let original = ingest("text/000_2c97b2254962d538.txt");
    let legacy = ingest("encodings/tis620_000_phuket.txt");
    assert_eq!(legacy.source.encoding.as_deref(), Some("windows-874"));
    assert_eq!(legacy.text, original.text);
    assert_eq!(legacy.clauses, original.clauses);
    assert_ne!(legacy.id, original.id, "ids hash the source bytes");
}
