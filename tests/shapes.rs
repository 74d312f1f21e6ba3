//! Layouts the seeds do not show but the genre has, written by hand as small documents:
//! OCR pages with page numbers, a clause continued across a page break, gaps in numbering,
//! lettered items, order (คำสั่ง) titles, impossible dates.

use prakat::document::SourceKind;
use prakat::ingest::build_document;
use prakat::source::Pages;

fn doc(pages: &[&str]) -> prakat::document::Document {
    let pages = Pages {
        texts: pages.iter().map(|s| s.to_string()).collect(),
        confidences: vec![None; pages.len()],
        ..Default::default()
    };
    build_document("test".into(), "test.txt", SourceKind::Text, pages).document
}

#[test]
fn a_clause_continues_across_a_page_break_and_page_numbers_are_skipped() {
    let d = doc(&[
        "ประกาศเทศบาลตำบลบ้านใหม่\nเรื่อง การจัดเก็บขยะ\n\n๑. ให้ประชาชนคัดแยกขยะ\n๒. ให้นำขยะมาวางไว้หน้าบ้านตั้งแต่เวลา\n",
        "- ๒ -\n\n๑๘.๐๐ น. เป็นต้นไป\n๓. ห้ามเผาขยะ\n\nประกาศ ณ วันที่ ๑ เมษายน ๒๕๖๗\n\n(นางสาวสมหญิง ใจงาม)\nนายกเทศมนตรีตำบลบ้านใหม่\n",
    ]);
    assert_eq!(d.source.pages, 2);
    assert_eq!(
        d.issuer_kind,
        Some(prakat::document::IssuerKind::Municipality)
    );
    let n: Vec<_> = d
        .clauses
        .iter()
        .map(|c| (c.number.as_str(), c.page))
        .collect();
    assert_eq!(n, [("1", 1), ("2", 1), ("3", 2)]);
    assert!(
        d.clauses[1].text.ends_with("เวลา ๑๘.๐๐ น. เป็นต้นไป"),
        "{}",
        d.clauses[1].text
    );
    assert_eq!(d.date.as_deref(), Some("2024-04-01"));
    assert_eq!(d.signatories[0].honorific.as_deref(), Some("นางสาว"));
    assert_eq!(
        d.signatories[0].position.as_deref(),
        Some("นายกเทศมนตรีตำบลบ้านใหม่")
    );
    assert_eq!(d.pages[1].number, 2);
}

#[test]
fn gaps_duplicates_and_decimals() {
    let d = doc(&["ประกาศจังหวัดน่าน\nเรื่อง ทดสอบ\n\n๑. ข้อแรก\n๒. ข้อสอง อุณหภูมิ\n37.5 องศา\n๕. ข้อห้า\n๕. ข้อห้าอีกครั้ง\n"]);
    let n: Vec<_> = d.clauses.iter().map(|c| c.number.as_str()).collect();
    // 37.5 is a continuation, not a clause; 2 → 5 is a gap; the second 5 is a duplicate.
    assert_eq!(n, ["1", "2", "5", "5"]);
    assert!(d.clauses[1].text.contains("37.5 องศา"));
    assert!(
        d.warnings.iter().any(|w| w.contains("jumps from 2 to 5")),
        "{:?}",
        d.warnings
    );
    assert!(
        d.warnings.iter().any(|w| w.contains("appears twice")),
        "{:?}",
        d.warnings
    );
    assert_eq!(d.province.as_deref(), Some("น่าน"));
}

#[test]
fn lettered_items_and_a_restart_without_heading() {
    let d = doc(&["คำสั่งอำเภอเมืองเลย ที่ ๑๒/๒๕๖๖\nเรื่อง แต่งตั้งคณะทำงาน\n\n๑. คณะทำงานฝ่ายอำนวยการ\nก. นายอำเภอ\nข. ปลัดอำเภอ\n๒. คณะทำงานฝ่ายปฏิบัติ\n\n๑. หน้าที่ข้อแรก\n\nสั่ง ณ วันที่ ๓ ม.ค. ๒๕๖๖\n"]);
    assert_eq!(
        d.issuer.as_deref(),
        Some("อำเภอเมืองเลย"),
        "the order number is not part of the issuer"
    );
    let n: Vec<_> = d
        .clauses
        .iter()
        .map(|c| (c.section.clone(), c.number.clone(), c.label.clone()))
        .collect();
    assert_eq!(n[1], (None, "1.1".to_string(), "ก.".to_string()));
    assert_eq!(n[2].1, "1.2");
    assert_eq!(n[3].1, "2");
    assert_eq!(n[4].1, "1");
    assert!(n[4].0.is_some(), "a restart opens a new part");
    assert!(d.warnings.iter().any(|w| w.contains("restarts")));
    assert_eq!(d.date.as_deref(), Some("2023-01-03"));
    assert_eq!(d.province.as_deref(), Some("เลย"));
}

#[test]
fn impossible_and_old_dates() {
    let d = doc(&["ประกาศกระทรวงมหาดไทย\nเรื่อง ทดสอบ\n\nเมื่อวันที่ ๓๑ กุมภาพันธ์ ๒๕๖๖ และวันที่ ๑๕ มกราคม ๒๔๘๒\n\nประกาศ ณ วันที่ ๓๐ กุมภาพันธ์ ๒๕๖๖\n"]);
    assert!(
        d.warnings.iter().any(|w| w.contains("๓๑ กุมภาพันธ์ ๒๕๖๖")),
        "{:?}",
        d.warnings
    );
    // The signing date is impossible: no date rather than a shifted one.
    assert_eq!(d.date, None);
    assert!(d
        .warnings
        .iter()
        .any(|w| w.contains("signing line has no valid date")));
    let old = d
        .dates
        .iter()
        .find(|x| x.text == "๑๕ มกราคม ๒๔๘๒")
        .map(|x| x.iso.as_str());
    assert_eq!(old, Some("1940-01-15"));
}

#[test]
fn date_offsets_point_into_the_document_text() {
    let d = doc(&[
        "ประกาศจังหวัดภูเก็ต\nเรื่อง ทดสอบ\n\n๑. ภายในวันที่ ๕ ธ.ค. ๖๖\n",
        "ประกาศ ณ วันที่ ๑๓ มีนาคม พ.ศ. ๒๕๖๖\n",
    ]);
    let chars: Vec<char> = d.text.chars().collect();
    assert_eq!(d.dates.len(), 2);
    for x in &d.dates {
        let s: String = chars[x.start..x.end].iter().collect();
        assert_eq!(s, x.text);
    }
}

#[test]
fn an_annex_title_right_under_the_signature_is_no_part_of_the_position() {
    // An OCR'd page whose layout showed no blank line between the signatory's position and
    // the annex's title: the title is the annex's, a heading after it, and a position of two
    // lines stays whole where no heading follows.
    let annexed = "ประกาศองค์การบริหารส่วนจังหวัดเพชรบูรณ์\nเรื่อง มาตรการภายใน\n\n๑. มาตรการเผยแพร่ข้อมูล\n\nประกาศ ณ วันที่ ๒๖ มิถุนายน ๒๕๖๗\n\n(นายสมชาย ใจดี)\nนายกองค์การบริหารส่วนจังหวัดเพชรบูรณ์\nมาตรการเผยแพร่ข้อมูลต่อสาธารณะ องค์การบริหารส่วนจังหวัดเพชรบูรณ์\nหลักการและเหตุผล\nเพื่อให้การดำเนินงานเป็นไปด้วยความถูกต้อง\nวัตถุประสงค์\n๑. เพื่อส่งเสริมการเปิดเผยข้อมูล\n";
    let d = doc(&[annexed]);
    assert_eq!(
        d.signatories[0].position.as_deref(),
        Some("นายกองค์การบริหารส่วนจังหวัดเพชรบูรณ์")
    );
    let sections: Vec<Option<&str>> = d.clauses.iter().map(|c| c.section.as_deref()).collect();
    assert_eq!(
        sections,
        [
            None,
            Some("มาตรการเผยแพร่ข้อมูลต่อสาธารณะ องค์การบริหารส่วนจังหวัดเพชรบูรณ์ / วัตถุประสงค์")
        ]
    );
    let two_lines = "ประกาศจังหวัดภูเก็ต\nเรื่อง ทดสอบ\n\n๑. ข้อแรก\n\nประกาศ ณ วันที่ ๑ เมษายน ๒๕๖๗\n\n(นายสมชาย ใจดี)\nรองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน\nผู้ว่าราชการจังหวัดภูเก็ต\n";
    assert_eq!(
        doc(&[two_lines]).signatories[0].position.as_deref(),
        Some("รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัดภูเก็ต")
    );
}
