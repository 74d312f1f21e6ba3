//! Scanned PDFs and TIFFs made by fixtures/make_pdfs.py the way scanners make them: JPEG,
//! CCITT G4 and Flate pages, a sideways scan, pages cut into strips inside a Form XObject with
//! `/Rotate`, a multi-page G4 TIFF, and a PDF with broken pages. These check that each is read
//! page by page into the Document its text version gives; accuracy is measured by
//! `prakat eval fixtures/scans`, not asserted here.

mod common;

use common::{fixture, ingest};
use prakat::document::{Document, SourceKind};
use prakat::thai::digits::is_thai_digit;

/// Pages in a truth text (form feeds separate them).
fn truth_pages(name: &str) -> usize {
    let truth = std::fs::read_to_string(fixture(name)).expect("truth text");
    truth.split('\u{000C}').count()
}

/// Each clause's number and the section it is numbered in.
fn numbering(d: &Document) -> Vec<(Option<&str>, &str)> {
    d.clauses
        .iter()
        .map(|c| (c.section.as_deref(), c.number.as_str()))
        .collect()
}

/// Each signatory's name and position.
fn names(d: &Document) -> Vec<(&str, Option<&str>)> {
    d.signatories
        .iter()
        .map(|s| (s.name.as_str(), s.position.as_deref()))
        .collect()
}

/// The numbers of Arabic digits in the scan's text that its truth text does not have:
/// Tesseract's Thai model reads Latin words as digits and symbols (`(แบบ 0|1)` for OIT,
/// `ว[5อก` for vision), which are read again with Thai letters kept out.
fn stray_arabic_numbers(d: &Document, truth: &str) -> Vec<String> {
    let numbers = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect()
    };
    let truth = numbers(&std::fs::read_to_string(fixture(truth)).expect("truth text"));
    let text: String = d.pages.iter().map(|p| p.text.as_str()).collect();
    numbers(&text)
        .into_iter()
        .filter(|n| !truth.contains(n))
        .collect()
}

fn assert_read_well(d: &Document, name: &str) {
    for p in &d.pages {
        let c = p.confidence.expect("OCR pages carry a confidence");
        assert!(c >= 80.0, "{name} page {}: confidence {c}", p.number);
        assert!(p.text.chars().filter(|c| ('ก'..='ฮ').contains(c)).count() > 5);
    }
}

#[test]
fn each_scanner_encoding_is_read_page_by_page() {
    for (scan, text, kind) in [
        (
            "000_phuket.pdf",
            "000_2c97b2254962d538.txt",
            SourceKind::ScannedPdf,
        ),
        (
            "001_sao_g4.pdf",
            "001_ce2dbc4159756e8b.txt",
            SourceKind::ScannedPdf,
        ),
        (
            "001_sao_g3.pdf",
            "001_ce2dbc4159756e8b.txt",
            SourceKind::ScannedPdf,
        ),
        (
            "002_opdc_flate.pdf",
            "002_8b73769a33cd5e68.txt",
            SourceKind::ScannedPdf,
        ),
        (
            "004_pao_strips.pdf",
            "004_8672232b6a1971aa.txt",
            SourceKind::ScannedPdf,
        ),
        (
            "003_loma_jpx.pdf",
            "003_625cfb078f57ecd4.txt",
            SourceKind::ScannedPdf,
        ),
        (
            "002_opdc_jbig2.pdf",
            "002_8b73769a33cd5e68.txt",
            SourceKind::ScannedPdf,
        ),
        ("004_pao.tif", "004_8672232b6a1971aa.txt", SourceKind::Image),
    ] {
        let d = ingest(&format!("scans/{scan}"));
        let t = ingest(&format!("text/{text}"));
        assert_eq!(d.source.kind, kind, "{scan}");
        let stem = scan.rsplit_once('.').map_or(scan, |s| s.0);
        assert_eq!(
            d.pages.len(),
            truth_pages(&format!("scans/{stem}.truth")),
            "{scan}"
        );
        assert_read_well(&d, scan);
        let truth_text = format!("scans/{stem}.truth");
        assert_eq!(
            stray_arabic_numbers(&d, &truth_text),
            Vec::<String>::new(),
            "{scan}"
        );
        // A scan whose numbers are Arabic gets no Thai digit (a web copy's `_GoBack]` was
        // read `6๐8ล6` on the JBIG2 page).
        let truth = std::fs::read_to_string(fixture(&truth_text)).expect("truth text");
        if !truth.chars().any(is_thai_digit) {
            let text: String = d.pages.iter().map(|p| p.text.as_str()).collect();
            let thai: String = text.chars().filter(|&c| is_thai_digit(c)).collect();
            assert_eq!(thai, "", "{scan}");
        }
        assert_eq!(d.issuer, t.issuer, "{scan}");
        // The subject too: a word OCR garbled in place of เรื่อง (001), and the preamble the
        // page's layout tells apart from a subject that fills its line (002).
        assert_eq!(d.subject, t.subject, "{scan}");
        // The clause numbering and the signing date the scan's own text gives: Tesseract
        // writes ๔ ๖ ๗ ๘ ๙ as other digits or letters, the digit pass reads them again.
        let truth = ingest(&format!("scans/{stem}.truth"));
        assert_eq!(numbering(&d), numbering(&truth), "{scan}");
        assert_eq!(d.date, truth.date, "{scan}");
        // The scans that reach the signature: the signing date and the signatory too (and
        // the position alone: 004's page sets an annex's title right under it).
        if ["000_phuket.pdf", "004_pao_strips.pdf", "004_pao.tif"].contains(&scan) {
            assert_eq!(d.date, t.date, "{scan}");
            assert_eq!(names(&d), names(&t), "{scan}");
        }
        assert!(
            !d.warnings.iter().any(|w| w.contains("turned")),
            "{scan}: upright pages are not turned: {:?}",
            d.warnings
        );
    }
}

#[test]
fn pages_scanned_sideways_are_turned_upright() {
    let d = ingest("scans/003_sideways.pdf");
    let t = ingest("text/003_625cfb078f57ecd4.txt");
    assert_read_well(&d, "003_sideways.pdf");
    assert_eq!(
        stray_arabic_numbers(&d, "scans/003_sideways.truth"),
        Vec::<String>::new()
    );
    assert_eq!(d.subject, t.subject);
    // Its signing line's วันที่ Tesseract's English model reads `WN`; read again by the Thai
    // model with the letters of the words before numbers only, it comes back (`ณ` stays `A`).
    let text: String = d.pages.iter().map(|p| p.text.as_str()).collect();
    assert!(text.contains("วันที่ ๒๕ เมษายน พ.ศ. ๒๕๖๒"), "{text}");
    assert_eq!(d.date, t.date);
    assert_eq!(
        numbering(&d),
        numbering(&ingest("scans/003_sideways.truth"))
    );
    assert_eq!(names(&d), names(&t));
    // The fixture feeds pages turned one way, then the other.
    for (page, turn) in [(1, 90), (2, 270), (3, 90)] {
        let note = format!("page {page}: turned {turn}° clockwise");
        assert!(
            d.warnings.iter().any(|w| w.starts_with(&note)),
            "{note}: {:?}",
            d.warnings
        );
    }
    let names = |d: &Document| {
        d.signatories
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&d), names(&t));
    // Read upright, its digits go through the digit pass too (Tesseract drops the ๒ of this
    // year and writes ๖ as ๒; the pass finds the glyph beside the run).
    assert!(d.text.contains("๒๕๖๑"), "{}", d.text);
}

#[test]
fn a_page_scanned_upside_down_is_turned_upright() {
    let img = image::open(fixture("scans/000_phuket_p1.png")).expect("fixture");
    let mut png = Vec::new();
    img.rotate180()
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("encode");
    let d = match prakat::ingest::ingest_bytes("upside-down.png", &png) {
        Ok(i) => i.document,
        Err(e) => panic!("{e}"),
    };
    let t = ingest("text/000_2c97b2254962d538.txt");
    assert!(
        d.warnings.iter().any(|w| w.contains("turned 180°")),
        "{:?}",
        d.warnings
    );
    assert_eq!(d.issuer, t.issuer);
    assert_eq!(d.subject, t.subject);
}

#[test]
fn broken_pages_fail_alone() {
    let d = ingest("scans/bad_pages.pdf");
    assert_eq!(d.pages.len(), 4, "every page keeps its place");
    // Page 1 is good, page 2's JPEG is cut short (read as far as it goes), page 3 is a
    // corrupt JPEG 2000 image and page 4 has a zero-size MediaBox.
    assert!(d.pages[0].text.contains("ประกาศ"), "{:?}", d.pages[0].text);
    assert_eq!(d.issuer.as_deref(), Some("จังหวัดภูเก็ต"));
    let warned = |page: usize, what: &str| {
        d.warnings
            .iter()
            .any(|w| w.starts_with(&format!("page {page}: ")) && w.contains(what))
    };
    assert!(warned(2, "cut short"), "{:?}", d.warnings);
    assert!(warned(3, "JPXDecode"), "{:?}", d.warnings);
    assert!(warned(4, "zero size"), "{:?}", d.warnings);
    assert!(d.pages[2].text.is_empty() && d.pages[3].text.is_empty());
    assert!(d.pages[2].confidence.is_none());
}

/// A PDF of the given objects (numbered from 1; the last is the catalog) with a correct
/// cross-reference table.
fn pdf(objects: &[&str]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root {} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1,
            objects.len()
        )
        .bytes(),
    );
    out
}

#[test]
fn a_pdf_with_no_readable_page_fails_with_the_reason() {
    // Two pages, neither readable: one of zero size, one blank.
    let bytes = pdf(&[
        "<< /Length 0 >>\nstream\n\nendstream",
        "<< /Type /Page /Parent 4 0 R /MediaBox [0 0 0 0] /Contents 1 0 R >>",
        "<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Contents 1 0 R >>",
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        "<< /Type /Catalog /Pages 4 0 R >>",
    ]);
    match prakat::ingest::ingest_bytes("unreadable.pdf", &bytes) {
        Err(prakat::error::Error::NoPage(m)) => assert!(m.contains("zero size"), "{m}"),
        Err(e) => panic!("unexpected error: {e}"),
        Ok(i) => panic!("read {} pages from nothing", i.document.pages.len()),
    }
    // Not a PDF at all behind its header.
    assert!(matches!(
        prakat::ingest::ingest_bytes("junk.pdf", b"%PDF-1.4\nnot a pdf at all"),
        Err(prakat::error::Error::Pdf(_))
    ));
}

#[test]
fn ocr_repairs_apply_to_ocr_pages_only() {
    let scan = prakat::ingest::ingest_file(&fixture("scans/000_phuket.pdf")).expect("reads");
    assert!(scan.unrepaired.iter().all(Option::is_some));
    // Tesseract drops the mai ek of ที่ on these pages; the repair puts it back.
    assert!(scan.ocr_fixes.mai_ek_restored > 0, "{:?}", scan.ocr_fixes);
    let before: usize = scan
        .unrepaired
        .iter()
        .flatten()
        .map(|p| p.matches("ที่").count())
        .sum();
    assert!(scan.document.text.matches("ที่").count() > before);
    let text =
        prakat::ingest::ingest_file(&fixture("text/000_2c97b2254962d538.txt")).expect("reads");
    assert!(text.unrepaired.iter().all(Option::is_none));
    assert_eq!(
        text.ocr_fixes,
        prakat::thai::ocr_fixes::FixReport::default()
    );
}

#[test]
fn a_readable_text_layer_is_used_and_an_unreadable_one_is_ocrd() {
    let t = ingest("text/000_2c97b2254962d538.txt");
    let born_digital = ingest("scans/text_layer.pdf");
    assert_eq!(born_digital.source.kind, SourceKind::TextPdf);
    assert!(born_digital.pages[0].confidence.is_none(), "no OCR");
    assert_eq!(born_digital.issuer, t.issuer);
    assert_eq!(born_digital.subject, t.subject);
    // The same lines in a font without a ToUnicode map, over a scan: the scan is read.
    let broken = ingest("scans/text_layer_broken.pdf");
    assert_eq!(broken.source.kind, SourceKind::ScannedPdf);
    assert!(broken.pages[0].confidence.is_some());
    assert_eq!(broken.issuer, t.issuer);
}

#[test]
fn a_page_with_only_an_unreadable_text_layer_is_rendered_and_read() {
    // Text in an embedded font shown by glyph id, no ToUnicode map, no image: extraction gives
    // garbage and there is no image to OCR, so the page is drawn (pdftoppm) and read.
    // The same page with its text turned into filled outlines: no text, no image, only
    // shapes; drawn and read too.
    let t = ingest("text/000_2c97b2254962d538.txt");
    for (file, why) in [
        ("text_only_broken", "text layer is not readable"),
        ("text_outlines", "text turned into outlines"),
    ] {
        let d = ingest(&format!("scans/{file}.pdf"));
        assert!(
            d.pages[0].confidence.is_some(),
            "{file}: the page was OCR'd"
        );
        assert!(
            d.warnings
                .iter()
                .any(|w| w.contains("rendered at 300 dpi") && w.contains(why)),
            "{file}: {:?}",
            d.warnings
        );
        assert_eq!(d.issuer, t.issuer, "{file}");
        // Every line of the truth is there, give or take a few characters of OCR error.
        let truth =
            std::fs::read_to_string(fixture(&format!("scans/{file}.truth"))).expect("truth");
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let (got, want) = (squeeze(&d.text), squeeze(&truth));
        let want_chars: Vec<char> = want.chars().collect();
        let found = want_chars
            .chunks(12)
            .filter(|c| got.contains(&c.iter().collect::<String>()))
            .count();
        assert!(
            found * 10 >= want_chars.chunks(12).count() * 6,
            "{file}: {found} of {} twelve-letter runs found in {got}",
            want_chars.chunks(12).count()
        );
    }
}

#[test]
fn every_ocr_word_comes_with_its_confidence() {
    let options = prakat::ingest::Options { words: true };
    let scan = prakat::ingest::ingest_file_with(
        &fixture("scans/001_sao_g4.pdf"),
        &prakat::ingest::Quiet,
        options,
    )
    .expect("reads");
    // Without asking, none.
    let plain = ingest("scans/001_sao_g4.pdf");
    assert!(plain.pages.iter().all(|p| p.words.is_empty()));
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    for (page, tesseract) in scan.document.pages.iter().zip(&scan.tesseract_texts) {
        let tesseract = tesseract.as_deref().expect("an OCR'd page");
        // The words are all of Tesseract's text, in order, nothing left out or doubled.
        let words: String = page.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(squeeze(&words), squeeze(tesseract), "page {}", page.number);
        assert!(page
            .words
            .iter()
            .all(|w| (0.0..=100.0).contains(&w.confidence)));
        // The page's confidence is Tesseract's mean over these words.
        let mean = page.words.iter().map(|w| w.confidence).sum::<f32>() / page.words.len() as f32;
        let page_conf = page.confidence.expect("an OCR'd page");
        assert!(
            (mean - page_conf).abs() <= 2.0,
            "mean {mean} vs {page_conf}"
        );
    }
    // Text pages have none.
    let text = ingest("text/001_ce2dbc4159756e8b.txt");
    assert!(text.pages.iter().all(|p| p.words.is_empty()));
}

#[test]
fn the_digit_pass_writes_the_digits_tesseract_cannot() {
    // The years of seed 000 (๒๕๔๕ ๒๕๖๐ ๒๕๖๔ ๒๕๖๕ ๒๕๖๖): Tesseract's Thai model has no ๔ or ๖.
    let scan = prakat::ingest::ingest_file(&fixture("scans/000_phuket.pdf")).expect("reads");
    let tesseract: String = scan.tesseract_texts.iter().flatten().cloned().collect();
    assert!(
        !tesseract.contains('๖') && !tesseract.contains('๔'),
        "the baseline this pass exists for"
    );
    // (๒๕๖๕ comes out ๒๖๕ on this scan, a glyph lost: `prakat eval` counts such misses.)
    for year in ["๒๕๔๕", "๒๕๖๐", "๒๕๖๔", "๒๕๖๖"] {
        assert!(scan.document.text.contains(year), "{year}");
    }
    // The signing line's month and year, as the text version gives them.
    let text = ingest("text/000_2c97b2254962d538.txt");
    let (scan_date, text_date) = (scan.document.date, text.date);
    let month_year = |d: &Option<String>| d.as_deref().map(|d| d[..7].to_string());
    assert!(month_year(&scan_date).is_some());
    assert_eq!(month_year(&scan_date), month_year(&text_date));
}

#[test]
fn the_digit_pass_leaves_arabic_numbers_and_latin_words() {
    // Seed 002 writes its numbers in Arabic digits and holds a URL; Tesseract's reading of
    // its Garuda emblem holds a Thai digit, so the pass runs over the page, and re-reads
    // every short Latin token. Nothing of the text's own may turn Thai.
    let scan = prakat::ingest::ingest_file(&fixture("scans/002_opdc_flate.pdf")).expect("reads");
    let tesseract: String = scan.tesseract_texts.iter().flatten().cloned().collect();
    assert!(tesseract.chars().any(|c| ('๐'..='๙').contains(&c)));
    let truth = std::fs::read_to_string(fixture("scans/002_opdc_flate.truth")).expect("truth");
    let arabic = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect()
    };
    let text = &scan.document.text;
    assert_eq!(arabic(text), arabic(&truth));
    assert!(!text.chars().any(|c| ('๐'..='๙').contains(&c)), "{text}");
    assert!(text.contains("www.sraponthong.go.th"));
}
