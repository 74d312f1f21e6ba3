//! Four real announcements of other kinds (ministries, departments), checked against what a
//! reader finds in them: ข้อ clauses, (1)/(ก) sub-items, sections, web-copy noise.

mod common;

use common::{clause, ingest, numbers};
use prakat::document::IssuerKind;

#[test]
fn dlt_kho_clauses_and_bare_signature() {
    let d = ingest("text/real_02_dlt-freight-covid-advice.txt");
    assert_eq!(d.issuer.as_deref(), Some("กรมการขนส่งทางบก"));
    assert_eq!(numbers(&d), ["1", "2", "3", "4", "5"]);
    assert_eq!(clause(&d, None, "1").label, "ข้อ 1");
    // "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป" closes the clauses; it is not part of ข้อ 5.
    assert!(!clause(&d, None, "5").text.contains("บัดนี้"));
    assert_eq!(d.date.as_deref(), Some("2020-03-18"));
    assert_eq!(d.signatories.len(), 1);
    assert_eq!(d.signatories[0].name, "นายจิรุตม์ วิศาลจิตร");
    assert_eq!(
        d.signatories[0].position.as_deref(),
        Some("อธิบดีกรมการขนส่งทางบก")
    );
}

#[test]
fn caat_sub_items_nest_under_their_clauses() {
    let d = ingest("text/real_03_caat-foreign-flights-covid.txt");
    assert_eq!(d.issuer.as_deref(), Some("สำนักงานการบินพลเรือนแห่งประเทศไทย"));
    assert_eq!(d.issuer_kind, Some(IssuerKind::Office));
    let n = numbers(&d);
    assert_eq!(
        n.iter().filter(|x| !x.contains('.')).count(),
        11,
        "clauses 1–11: {n:?}"
    );
    for expected in ["2.1", "2.3", "3.2", "6.4", "8.2", "8.2.1", "8.2.3"] {
        assert!(n.contains(&expected), "{expected} in {n:?}");
    }
    assert_eq!(clause(&d, None, "8.2.1").label, "(ก)");
    assert_eq!(clause(&d, None, "8.2.1").depth, 3);
    // The wrapped second line of (2) under 3. belongs to it.
    assert!(clause(&d, None, "3.2")
        .text
        .ends_with("กระทรวงการต่างประเทศออกให้"));
    // Inline references "ตาม 2. (1)" are not clauses: 4. has no children.
    assert!(!n.contains(&"4.1"));
    // Decomposed sara am (ํา) in the web copy is composed.
    assert!(clause(&d, None, "8").text.contains("ประจำด่าน"));
    assert!(!d.text.contains('\u{0E4D}'));
    assert_eq!(d.signatories[0].name, "นายจุฬา สุขมานพ");
}

#[test]
fn moe_sections_restart_numbering() {
    let d = ingest("text/real_06_moe-policy-fy2564-sections.txt");
    assert_eq!(d.issuer.as_deref(), Some("กระทรวงศึกษาธิการ"));
    assert_eq!(d.issuer_kind, Some(IssuerKind::Ministry));
    // Title and subject share the first line.
    assert_eq!(
        d.subject.as_deref(),
        Some("นโยบายและจุดเน้นของกระทรวงศึกษาธิการ ปีงบประมาณ พ.ศ. 2564")
    );
    let in_section = |s: Option<&str>| -> Vec<&str> {
        d.clauses
            .iter()
            .filter(|c| c.section.as_deref() == s)
            .map(|c| c.number.as_str())
            .collect()
    };
    assert_eq!(in_section(None), ["1", "2", "3", "4"]);
    assert_eq!(
        in_section(Some("จุดเน้นประจำปีงบประมาณ พ.ศ. 2564")),
        ["1", "1.1", "1.2", "2", "3", "4", "5", "6"]
    );
    assert_eq!(
        in_section(Some("การขับเคลื่อนนโยบายและจุดเน้นสู่การปฏิบัติ")),
        ["1", "2", "3"]
    );
    // Inline "(1) งดดูงาน…" stays inside clause 1 of the last section.
    let c = clause(&d, Some("การขับเคลื่อนนโยบายและจุดเน้นสู่การปฏิบัติ"), "1");
    assert!(c.text.contains("(1) งดดูงานต่างประเทศ"));
    // "อนึ่ง …" after the last clause is a closing paragraph.
    assert!(!clause(&d, Some("การขับเคลื่อนนโยบายและจุดเน้นสู่การปฏิบัติ"), "3")
        .text
        .contains("อนึ่ง"));
    assert_eq!(d.date.as_deref(), Some("2019-12-27"));
    assert_eq!(
        d.signatories[0].position.as_deref(),
        Some("รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
    );
}

#[test]
fn opm_office_signature_and_gazette_header() {
    let d = ingest("text/real_09_opm-mourning-office-signed.txt");
    // The Royal Gazette line above the title is not the issuer.
    assert_eq!(d.issuer.as_deref(), Some("สำนักนายกรัฐมนตรี"));
    assert_eq!(d.issuer_kind, Some(IssuerKind::Ministry));
    assert_eq!(d.subject.as_deref(), Some("พระบาทสมเด็จพระเจ้าอยู่หัวสวรรคต"));
    assert_eq!(numbers(&d), ["1", "2"]);
    assert!(!clause(&d, None, "2").text.contains("สำหรับประชาชน"));
    assert_eq!(d.date.as_deref(), Some("2016-10-13"));
    assert!(d.signatories.is_empty());
    assert_eq!(d.signing_office.as_deref(), Some("สำนักนายกรัฐมนตรี"));
    assert!(
        !d.warnings.iter().any(|w| w.contains("signatory")),
        "{:?}",
        d.warnings
    );
}
