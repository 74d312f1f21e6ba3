//! The digit pass's tests: each part on what it is for, some on patches of the digit pages
//! (fixtures/digits) where a part once went wrong.

use super::area::{read_glyphs_within, separated, AreaReading, Owner};
use super::decide::{surely_a_digit, surely_digits};
use super::segment::{components, glyphs, ink_rows, is_slash, slash_shaped, split_touching};
use super::*;
use crate::ocr::digit_agreement::Shapes;
use crate::ocr::digit_classifier::classify;

/// The tokens `candidates` finds in `text` (not the spaces it would look at), each with
/// the visible index of its first character and its kind.
fn tokens_in(text: &str) -> Vec<(&str, usize, Candidate)> {
    candidates(text)
        .into_iter()
        .filter(|c| c.3 != Candidate::Gap)
        .map(|(s, e, first, kind)| (&text[s..e], first, kind))
        .collect()
}

/// Just the tokens' text.
fn token_texts(text: &str) -> Vec<&str> {
    tokens_in(text).into_iter().map(|t| t.0).collect()
}

#[test]
fn stand_ins_count_only_against_a_thai_digit() {
    let flags = |s: &str| -> String {
        let chars: Vec<char> = s.chars().collect();
        digit_like(&chars)
            .iter()
            .map(|&f| if f { '1' } else { '0' })
            .collect()
    };
    // ๆ after a digit, ฒ before one, Arabic digits inside a Thai number.
    assert_eq!(flags("พ.ศ.๒๕๐ๆ"), "00001111");
    assert_eq!(flags("ฒ๕๔๕"), "1111");
    assert_eq!(flags("๒๕55๒"), "11111");
    // The English model's guillemet for part of a bold digit, between two Thai ones; not at
    // a number's edge.
    assert_eq!(flags("๑«๕"), "111");
    assert_eq!(flags("«๓๐๓"), "0111");
    // Across a number's period or comma it is part of it.
    assert_eq!(flags("๔๖.«"), "1101");
    assert_eq!(flags("»,๖๙๑"), "10111");
    // Not across a space.
    assert_eq!(flags("ราคา ๕ «"), "00000100");
    // Across the period of a clause number.
    assert_eq!(flags("๑.๒.ฆ"), "10101");
    assert_eq!(flags("@.๒.๑"), "10101");
    assert_eq!(flags("ฒ,๙๙๒"), "10111");
    // A mark Tesseract put on a digit after a period is the number's (and lets a stand-in
    // reach across); a mark on a word's letter is not.
    assert_eq!(flags("ฒ.\u{e39}๓.๓"), "101101");
    assert_eq!(flags("๑.ก\u{e39}"), "1000");
    // A space stands between: วรรค after a number stays a word; ๆ after a word too.
    assert_eq!(flags("๑ วรรค"), "100000");
    assert_eq!(flags("ต่างๆ"), "00000");
    // A letter inside a number is part of it, and at its edge one or two of those
    // Tesseract writes for a typewriter's ๖; a word against a number is not.
    assert_eq!(flags("๒๕อ๖๑"), "11111");
    assert_eq!(flags("๒๕ก๖๑"), "11111");
    assert_eq!(flags("อ๓๔๑"), "1111");
    assert_eq!(flags("๑อ.๓๙"), "11011");
    assert_eq!(flags("ที่๑๒"), "00011");
    assert_eq!(flags("ข้อ๑"), "0001");
    assert_eq!(flags("๒๐คน"), "1100");
    assert_eq!(flags("ก๓๔๑"), "0111");
    // More letters than digits: a number's group only beside a group of digits alone.
    assert_eq!(flags("๔ออ/๕๑"), "111011");
    // A stand-in counts as a digit among them.
    assert_eq!(flags("ณ๕ออ๑"), "11111");
    assert_eq!(flags("๑ออ ๒"), "10001");
    // A clause label's number read as something else, where the others are Thai digits
    // and one follows it; not a time's unit, a school grade or an abbreviation.
    assert_eq!(flags("ด.๓.๑"), "10101");
    // (The last one a stand-in.)
    assert_eq!(flags("ต.๕.ฒ"), "10101");
    assert_eq!(flags("๘.ส'.ฒ"), "101101");
    assert_eq!(flags("๓.».๑."), "101010");
    assert_eq!(flags("๙.๓๘.น."), "1011000");
    assert_eq!(flags("ม.๓"), "001");
    assert_eq!(flags("ม.ค.๖๖"), "000011");
}

#[test]
fn line_openers_that_stand_for_clause_numbers() {
    let text = "ดังนี้\n©. ให้มีการเผยแพร่\non. ให้บุคลากร\n- ให้มีการจัดทำ\nฒ. การติดตาม\nwww.example.go.th ติดต่อ\nA4 paper\n(๑) ข้อ";
    let found: Vec<&str> = candidates(text)
        .iter()
        .filter(|c| c.3 == Candidate::Label)
        .map(|&(s, e, _, _)| &text[s..e])
        .collect();
    // A dash is no candidate (a bullet); a long Latin word and Latin text after are not.
    assert_eq!(found, vec!["©.", "on.", "ฒ."]);
    // A label of three numbers whose last one's tail came out as a closing bracket (and a
    // period after it: `0.0).` for ๓.๗.๓); not a list item's bracketed number, nor a long
    // Latin token with no period.
    let bracketed = "0.6.0) รายงานผล
em...) รายงานผล
0.0). รายงานผล
1) ให้
(1) ให้
1.1(a) ให้
abcdef) ให้";
    let found: Vec<&str> = candidates(bracketed)
        .iter()
        .filter(|c| c.3 == Candidate::Label)
        .map(|&(s, e, _, _)| &bracketed[s..e])
        .collect();
    assert_eq!(found, vec!["0.6.0)", "em...)", "0.0)."]);
    // The visible index points at the token's first character.
    let (_, _, first, _) = candidates("ก ข\n5 ให้")[0];
    assert_eq!(first, 2);
}

#[test]
fn a_clause_label_read_partly_as_letters_is_a_candidate() {
    let labels = |text: &str| -> Vec<String> {
        candidates(text)
            .iter()
            .filter(|c| c.3 == Candidate::Label)
            .map(|&(s, e, _, _)| text[s..e].to_string())
            .collect()
    };
    // A letter for a digit (`ผุ` for ๙, `ง` for ๖), a period read as a letter (`ฒซ.๘`), a
    // number lost between two periods (`๑..๔`): the whole token, at a line's start.
    let text = "ผุ๗.๘ รายงานผล
ฒซ.๘ ให้ดำเนินการ
ผง. รายงานผล
๑..๔ รายงานผล
๖.ฒ.ใต รายงานผล
๕.9.ซ รายงานผล
๕6.ล.อ รายงานผล";
    assert_eq!(
        labels(text),
        ["ผุ๗.๘", "ฒซ.๘", "ผง.", "๑..๔", "๖.ฒ.ใต", "๕.9.ซ", "๕6.ล.อ"]
    );
    // Past a leading vowel Tesseract put before the label's first digit (its visible index
    // past the vowel too); not a word that starts with the vowel.
    let stray = "ไ๒.อ.๑ รายงานผล\nไป.อ. รายงานผล";
    let found: Vec<_> = candidates(stray)
        .into_iter()
        .filter(|c| c.3 == Candidate::Label)
        .map(|(s, e, first, _)| (&stray[s..e], first))
        .collect();
    assert_eq!(found, vec![("๒.อ.๑", 1)]);
    // Not a list item's letter, an abbreviation, a label Tesseract read whole, a token
    // before no Thai text, nor one inside a line.
    for text in [
        "ก. ให้ดำเนินการ",
        "อบต. ประกาศ",
        "พ.ศ. ๒๕๖๖ ให้",
        "๑.๒ ให้ดำเนินการ",
        "ผุ๗.๘ 2566",
        "ดังนี้ ผุ๗.๘ รายงาน",
        "โทร.๑๒๓ ต่อ",
    ] {
        assert!(labels(text).is_empty(), "{text}");
    }
}

#[test]
fn a_label_keeps_its_periods_from_tesseract_and_from_the_page() {
    let read = |digits: &str, periods: &[bool]| AreaReading {
        glyphs: digits.chars().map(|d| reading(&[(d, 1.0)])).collect(),
        periods: periods.to_vec(),
        ..AreaReading::default()
    };
    // A typewriter's label with a mark Tesseract put on a digit (`ฒ.ู๓.๓`): a glyph for each
    // character but the mark, so its periods stand where Tesseract wrote them, though the
    // page showed none.
    let none = [false; 3];
    assert_eq!(
        read_candidate(&read("๗๙๙", &none), "ฒ.ู๓.๓", Candidate::Label).text,
        "๗.๙.๙"
    );
    // A period Tesseract lost that the page shows (`๖.๘ฆ` for ๖.๘.๗), and not twice where
    // both have it.
    let second = [false, true, false];
    assert_eq!(
        read_candidate(&read("๖๘๗", &second), "๖.๘ฆ", Candidate::Label).text,
        "๖.๘.๗"
    );
    let both = [true, true, false];
    assert_eq!(
        read_candidate(&read("๖๘๗", &both), "๖.๘ฆ", Candidate::Label).text,
        "๖.๘.๗"
    );
    // Tesseract's last period is one of those the page shows between the glyphs (`a.` for
    // ๗.๑, `d.d.` for ๗.๖.๒): no period after the label; but one where Tesseract wrote more
    // than the page shows (`©.` for ๑.), or where the page shows one after it.
    assert_eq!(
        read_candidate(&read("๗๑", &[true, false]), "a.", Candidate::Label).text,
        "๗.๑"
    );
    assert_eq!(
        read_candidate(&read("๗๖๒", &both), "d.d.", Candidate::Label).text,
        "๗.๖.๒"
    );
    assert_eq!(
        read_candidate(&read("๑", &[false]), "©.", Candidate::Label).text,
        "๑."
    );
    let after = AreaReading {
        period: true,
        ..read("๗๑", &[true, false])
    };
    assert_eq!(read_candidate(&after, "a.", Candidate::Label).text, "๗.๑.");
}

/// A glyph the model is sure is a digit, with these probabilities among the digits (the
/// likeliest is its digit).
fn reading(p: &[(char, f32)]) -> Reading {
    let mut digits = [0f32; 10];
    for &(c, v) in p {
        digits[c as usize - '๐' as usize] = v;
    }
    let best = p.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|x| x.0);
    Reading {
        digit: best.unwrap_or('๐'),
        p_digit: 1.0,
        p_other: 0.0,
        aspect: 1.0,
        digits,
        ink: [0.0; crate::ocr::digit_classifier::INK],
    }
}

#[test]
fn tesseracts_digit_weighs_on_the_reading() {
    // A bold ๓ whose loops closed: the model says ๑, ๓ a distant second; Tesseract wrote
    // ๓, and seldom writes ๓ for a ๑.
    let closed = reading(&[('๑', 0.997), ('๓', 0.002), ('๐', 0.001)]);
    assert_eq!(digit_given(&closed, Some('๓')), '๓');
    assert_eq!(digit_given(&closed, None), '๑');
    // Where Tesseract wrote a digit it knows, a digit it lacks stays possible: ๕ for ๔.
    let four = reading(&[('๔', 0.9), ('๕', 0.1)]);
    assert_eq!(digit_given(&four, Some('๕')), '๔');
    // A digit it wrote for another it knows (๓ for ๒, one in a thousand) loses only to a
    // model that is all but certain.
    let two = reading(&[('๒', 0.999_999), ('๗', 1e-9)]);
    assert_eq!(digit_given(&two, Some('๓')), '๒');
    // A letter or an Arabic digit it wrote says nothing of which Thai digit it is.
    assert_eq!(digit_given(&closed, Some('ฒ')), '๑');
    // It writes ๘ as ๕, seldom as ๑: a curled ๑ the model takes for ๘ is ๑ where Tesseract
    // wrote ๑, unless the model is all but sure; where it wrote ๕, the model's ๘ stands.
    let curled = reading(&[('๘', 0.95), ('๑', 0.05)]);
    assert_eq!(digit_given(&curled, Some('๑')), '๑');
    assert_eq!(digit_given(&curled, Some('๕')), '๘');
    assert_eq!(digit_given(&curled, None), '๘');
    let eight = reading(&[('๘', 0.999), ('๑', 0.001)]);
    assert_eq!(digit_given(&eight, Some('๑')), '๘');
}

#[test]
fn a_gap_leaves_the_neighbouring_words_letters_out() {
    let letter = Reading {
        p_digit: 0.0,
        p_other: 0.99,
        ..reading(&[('๑', 1.0)])
    };
    let gap = |glyphs: Vec<Reading>| AreaReading {
        periods: vec![false; glyphs.len()],
        glyphs,
        ..AreaReading::default()
    };
    // The ๗ Tesseract left out of `วันที่ ๗ กรกฎาคม`, the ก of the month beside it, and the
    // last letter of the word before: the ๗ alone.
    let seven = reading(&[('๗', 1.0)]);
    let read = gap(vec![letter, seven, letter]);
    assert_eq!(read_candidate(&read, "", Candidate::Gap).text, "๗");
    // A letter between two digits is no space's edge: the gap holds no number.
    let read = gap(vec![seven, letter, seven]);
    assert_eq!(read_candidate(&read, "", Candidate::Gap).text, "");
    // A word's letters are not left out so (a token Tesseract wrote must be digits whole).
    let read = gap(vec![seven, letter]);
    assert_eq!(read_candidate(&read, "ซก", Candidate::Word).text, "");
}

#[test]
fn a_slash_read_as_a_letter_in_a_word_is_a_slash() {
    let slash = Reading {
        p_digit: 0.0,
        p_other: 1.0,
        aspect: 0.38,
        ..reading(&[('๙', 1.0)])
    };
    let read = |glyphs: Vec<Reading>, slashes: Vec<bool>| AreaReading {
        periods: vec![false; glyphs.len()],
        glyphs,
        slashes,
        ..AreaReading::default()
    };
    let d = |c: char| reading(&[(c, 1.0)]);
    // Mali's house number ๔๖๕/๖๘ read `does`: its slash one glyph among sure digits.
    let house = || vec![d('๔'), d('๖'), d('๕'), slash, d('๖'), d('๘')];
    let marked = vec![false, false, false, true, false, false];
    let number = read_candidate(&read(house(), marked.clone()), "does", Candidate::Word);
    assert_eq!(number.text, "๔๖๕/๖๘");
    // Each digit stands where the page's reading puts it (the slash between them no digit).
    let at: Vec<usize> = number.glyphs.iter().map(|g| g.0).collect();
    assert_eq!(at, [0, 3, 6, 10, 13]);
    // Not where the glyph is no slash (a letter), nor at a word's end, nor with a letter
    // among the digits.
    let plain = vec![false; 6];
    assert_eq!(
        read_candidate(&read(house(), plain), "does", Candidate::Word).text,
        ""
    );
    let last = vec![d('๔'), d('๖'), slash];
    let at_end = read(last, vec![false, false, true]);
    assert_eq!(read_candidate(&at_end, "do/", Candidate::Word).text, "");
    let letter = Reading {
        p_other: 0.99,
        ..d('๑')
    };
    let with_letter = vec![d('๔'), letter, d('๕'), slash, d('๖'), d('๘')];
    assert_eq!(
        read_candidate(&read(with_letter, marked), "does", Candidate::Word).text,
        ""
    );
}

#[test]
fn a_word_read_as_digits_keeps_its_punctuation() {
    let read = |digits: &str| AreaReading {
        glyphs: digits.chars().map(|d| reading(&[(d, 1.0)])).collect(),
        periods: vec![false; digits.chars().count()],
        ..AreaReading::default()
    };
    // A time Tesseract wrote in Arabic digits: one glyph for each digit, the period kept.
    assert_eq!(
        read_candidate(&read("๑๑๔๑"), "99.69", Candidate::Word).text,
        "๑๑.๔๑"
    );
    assert_eq!(
        read_candidate(&read("๑๒๓๔"), "12/34.", Candidate::Word).text,
        "๑๒/๓๔."
    );
    // Glyphs and characters that do not pair up: the digits alone.
    assert_eq!(
        read_candidate(&read("๑๑๔"), "99.69", Candidate::Word).text,
        "๑๑๔"
    );
}

#[test]
fn an_arabic_digit_beside_a_sure_thai_one_is_one_of_the_number_s_digits() {
    // Playpen Sans Thai SemiBold bilevel's `๑๖`, written `9๐`: its ๑, an open hook, the
    // model takes for no digit at all (0.00 — ๑ the likeliest digit), the ๖ surely a digit.
    let hook = Reading {
        p_digit: 0.0,
        p_other: 1.0,
        aspect: 0.89,
        ..reading(&[('๑', 0.9), ('๘', 0.1)])
    };
    let mut read = AreaReading {
        glyphs: vec![hook, reading(&[('๖', 1.0)])],
        written: vec![Some('9'), Some('๐')],
        written_count: 1,
        periods: vec![false, false],
        ..AreaReading::default()
    };
    assert_eq!(read_run(&read).text, "๑๖");
    // Beside a glyph the model is unsure of (`6๐8` for a web page's `_GoB`), it is left
    // out as before.
    read.glyphs[1].p_other = 0.3;
    assert_eq!(read_run(&read).text, "๖");
}

#[test]
fn a_run_gets_back_a_period_the_page_shows() {
    // Tesseract wrote `๓๕` for the label ๙.๘, its period lost; the page has a speck low
    // after the first glyph.
    let mut read = AreaReading {
        glyphs: vec![reading(&[('๙', 1.0)]), reading(&[('๘', 1.0)])],
        written: vec![Some('๓'), Some('๕')],
        written_count: 2,
        periods: vec![true, false],
        ..AreaReading::default()
    };
    assert_eq!(read_run(&read).text, "๙.๘");
    // No speck between them: one number.
    read.periods = vec![false, false];
    assert_eq!(read_run(&read).text, "๙๘");
    // A period after the last glyph is the text's own, not the run's.
    read.periods = vec![false, true];
    assert_eq!(read_run(&read).text, "๙๘");
}

#[test]
fn only_a_mark_low_in_the_line_parts_two_glyphs() {
    // The line's band is rows 10–30; marks by columns and bottom.
    let comma = [(50, 53, 33)];
    assert!(separated(&comma, (10, 30), 45, 55));
    // An oblique face's comma reaches under the digit before: still between them.
    assert!(separated(&comma, (10, 30), 52, 60));
    // Outside the columns between the glyphs: nothing parted.
    assert!(!separated(&comma, (10, 30), 53, 60));
    assert!(!separated(&comma, (10, 30), 40, 50));
    // A mark above the line (bottom at row 8, or above the middle): nothing parted.
    assert!(!separated(&[(50, 53, 8)], (10, 30), 45, 55));
    assert!(!separated(&[(50, 53, 20)], (10, 30), 45, 55));
}

#[test]
fn a_glyph_holding_a_box_s_middle_is_the_run_s() {
    // The run's boxes' middles at 110 and 130; a letter's box at 80 and one at 170.
    let centres = Centres {
        own: vec![(110, '๒'), (130, '๐')],
        neighbours: vec![(80, false), (170, false)],
        slashes: vec![],
        span: None,
        words: vec![],
    };
    // A glyph 90–112 holds 110 and its middle (101) is nearer 110 than 80.
    assert!(centres.holds_own_box(90, 112));
    // One that holds no box's middle, or whose middle is nearer the letter's box.
    assert!(!centres.holds_own_box(112, 128));
    assert!(!centres.holds_own_box(60, 111));
    // A slash Tesseract wrote over the same columns: the glyph is the slash.
    let slashed = Centres {
        slashes: vec![(92, 112)],
        ..centres
    };
    assert!(!slashed.holds_own_box(90, 112));
    assert!(slashed.holds_own_box(118, 140));
}

#[test]
fn a_glyph_within_the_run_s_boxes_is_no_neighbouring_number_s() {
    // `๐ ๗๔๔๙` boxed as `๐ ๕๕๕` (bai_jamjuree_semibold_bilevel.png): the three boxes spread
    // over 428–554, their middles at 491, 509 and 536; the ๐'s box's middle at 401. The ๗'s
    // middle (445) is nearer the ๐'s box, but within the run's boxes: the run's if it surely
    // is a digit, as a glyph nearer a letter's box is.
    let centres = Centres {
        own: vec![(491, '๕'), (509, '๕'), (536, '๕')],
        neighbours: vec![(401, true)],
        slashes: vec![],
        span: Some((428, 554)),
        words: vec![],
    };
    assert_eq!(centres.owner(445), Owner::Letters);
    // Nearer the run's own boxes: the run's.
    assert_eq!(centres.owner(470), Owner::Run);
    // Left of the run's boxes it is the ๐'s; with no span known, so is the ๗.
    assert_eq!(centres.owner(420), Owner::Digits);
    let unknown = Centres {
        span: None,
        ..centres
    };
    assert_eq!(unknown.owner(445), Owner::Digits);
    // A letter's box nearer, outside the run's boxes too: a glyph that must surely be a digit.
    let letters = Centres {
        neighbours: vec![(401, false)],
        ..unknown
    };
    assert_eq!(letters.owner(420), Owner::Letters);
}

#[test]
fn a_digit_holding_tesseract_s_slash_is_cut_from_it() {
    // Sawasdee Bold, `๙๖๔/๘๒` (fixtures/digits/sawasdee_bold.jpg): the ๔ touches the
    // slash, and the two read as no digit; Tesseract's `/` box is at columns 246–277 of
    // this patch of the line.
    let page = image::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/digits/sawasdee_bold.jpg"
    ))
    .expect("the fixture page")
    .to_luma8();
    let patch = image::imageops::crop_imm(&page, 319, 1031, 429, 97).to_image();
    let digit_at = |slashes: &[(u32, u32)]| {
        glyphs(&patch, (27, 88), slashes)
            .0
            .iter()
            .filter(|(a, b, _)| *a < 246 && *b > 207)
            .filter_map(|(_, _, g)| classify(g))
            .map(|r| (r.digit, r.p_other < 0.1))
            .collect::<Vec<_>>()
    };
    assert_eq!(digit_at(&[(246, 277)]), vec![('๔', true)]);
    // Without the slash's columns the same cut is found: the two are as wide as two
    // digits, and no cut gives two sure ones (see the next tests). The slash is kept
    // then, a glyph of its own after the ๔.
    let unboxed = digit_at(&[]);
    assert_eq!((unboxed.len(), unboxed.first()), (2, Some(&('๔', true))));
}

/// A digit page of the fixtures, straightened as the pipeline straightens it first.
fn deskewed_page(page: &str) -> GrayImage {
    let path = format!("{}/fixtures/digits/{page}", env!("CARGO_MANIFEST_DIR"));
    let page = image::open(path).expect("the fixture page").to_luma8();
    crate::ocr::preprocess::deskew(&page).map_or(page, |(p, _)| p)
}

/// A patch of [`deskewed_page`].
fn deskewed_patch(page: &str, x: u32, y: u32, w: u32, h: u32) -> GrayImage {
    image::imageops::crop_imm(&deskewed_page(page), x, y, w, h).to_image()
}

/// [`read_glyphs`] on a run of a [`deskewed_page`]: its area (x0, y0, x1, y1), rows, and
/// the middles of its own boxes (with what Tesseract wrote), its neighbours' and slashes'.
fn read_on_page(
    page: &str,
    area: (u32, u32, u32, u32),
    core: (u32, u32),
    own: &[(u32, char)],
    neighbours: &[(u32, bool)],
    slashes: &[(u32, u32)],
) -> AreaReading {
    read_on_page_within(page, area, core, own, neighbours, slashes, None).0
}

/// [`read_on_page`], with the glyphs looked for `heights` of the area's height either
/// side ([`read_glyphs_within`]), or as [`read_glyphs`] looks (`None`); whether a chain
/// reached the patch's edge (`false` for `None`).
fn read_on_page_within(
    page: &str,
    (x0, y0, x1, y1): (u32, u32, u32, u32),
    core: (u32, u32),
    own: &[(u32, char)],
    neighbours: &[(u32, bool)],
    slashes: &[(u32, u32)],
    heights: Option<u32>,
) -> (AreaReading, bool) {
    let centres = Centres {
        own: own.to_vec(),
        neighbours: neighbours.to_vec(),
        slashes: slashes.to_vec(),
        // (As the pass sets it: the area is the union of the run's boxes.)
        span: Some((x0, x1)),
        words: vec![],
    };
    let (page, area) = (deskewed_page(page), Rect { x0, y0, x1, y1 });
    match heights {
        Some(n) => read_glyphs_within(&page, area, core, &centres, &[], None, n),
        None => (read_glyphs(&page, area, core, &centres, &[], None), false),
    }
}

#[test]
fn a_digit_is_not_joined_to_the_slash_after_it() {
    // Noto Looped Condensed, `๒๑๐/๗๖` (fixtures/digits/noto_looped_condensed.jpg): the ๐
    // and the slash stand apart, each narrow and neither surely a digit; together they
    // surely read as one (๗, or ๙ with the slash's foot cut off). Tesseract's `/` box is
    // at columns 180–199 of this patch of the line.
    let patch = deskewed_patch("noto_looped_condensed.jpg", 330, 698, 283, 58);
    let read_at = |slashes: &[(u32, u32)]| {
        glyphs(&patch, (17, 52), slashes)
            .0
            .iter()
            .filter(|(a, b, _)| *a < 199 && *b > 150)
            .map(|(a, b, g)| (*a, *b, classify(g).map(|r| r.digit)))
            .collect::<Vec<_>>()
    };
    let apart = read_at(&[(180, 199)]);
    assert_eq!(apart.len(), 2, "{apart:?}");
    assert_eq!(apart[0].2, Some('๐'), "{apart:?}");
    assert!(apart[0].1 <= 180, "{apart:?}");
    // Without the slash's columns the two are joined, and no ๐ is read there.
    let joined = read_at(&[]);
    assert_eq!(joined.len(), 1, "{joined:?}");
    assert_ne!(joined[0].2, Some('๐'));
}

#[test]
fn a_wide_glyph_surely_one_digit_stays_whole_unless_cut_into_two_sure_ones() {
    // Taviraj Black Italic, `หมู่ที่ ๑๗` (fixtures/digits/taviraj_black_italic.jpg): its ๗
    // is 1.53 times as wide as high and reads surely as ๗; no cut gives two sure digits. It
    // once lost its stem, cut off as a slash, and `ood` stayed for ๑๗.
    let read = |page: &str, (x, y, w, h): (u32, u32, u32, u32), band, (from, to): (u32, u32)| {
        glyphs(&deskewed_patch(page, x, y, w, h), band, &[])
            .0
            .iter()
            .filter(|(a, b, _)| *a < to && *b > from)
            .map(|(_, _, g)| classify(g).map(|r| (r.digit, r.p_other < 0.1)))
            .collect::<Vec<_>>()
    };
    let seventeen = read(
        "taviraj_black_italic.jpg",
        (780, 1495, 140, 65),
        (23, 57),
        (27, 117),
    );
    assert_eq!(seventeen, [Some(('๑', true)), Some(('๗', true))]);
    // Sawasdee Bold Oblique, `๓๗๖๑ ราย`: its ๖ and ๑ touch, 1.67 times as wide as high,
    // and the two together read as a sure ๖ — but a cut gives two sure digits.
    let number = read(
        "sawasdee_bold_oblique_lowres.jpg",
        (680, 815, 140, 60),
        (19, 47),
        (15, 133),
    );
    let digits: Vec<char> = number.iter().flatten().map(|r| r.0).collect();
    assert_eq!(digits, ['๓', '๗', '๖', '๑'], "{number:?}");
}

#[test]
fn a_slash_is_cut_off_whole() {
    // Umpush low-res, `๘๘๓/๑๘` (fixtures/digits/umpush_lowres.jpg): the ๓ touches the
    // slash; a cut leaving the slash's foot on the ๓ reads ๗ as surely as the whole cut
    // reads ๓. The slash's columns are 197–213 of this patch.
    let patch = deskewed_patch("umpush_lowres.jpg", 294, 1579, 319, 68);
    let cut: Vec<(u32, u32, char)> = glyphs(&patch, (15, 50), &[(197, 213)])
        .0
        .iter()
        .filter(|(a, b, _)| *a < 213 && *b > 169)
        .filter_map(|(a, b, g)| Some((*a, *b, classify(g)?.digit)))
        .collect();
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert_eq!(cut[0].2, '๓', "{cut:?}");
    assert!(cut[0].1 <= 200, "{cut:?}");
}

#[test]
fn a_slash_boxed_as_a_digit_leaves_the_digit_missing() {
    // TlwgTypewriter low-res, `๘/๒๕๕๕` (fixtures/digits/typewriter_lowres.jpg): Tesseract
    // wrote `๕/` with its ๕ boxed over the slash and its `/` over the gap after. The ๘
    // beside is the digit it wrote: the slash counts for none.
    let read = read_on_page(
        "typewriter_lowres.jpg",
        (441, 810, 459, 859),
        (823, 856),
        &[(450, '๕')],
        &[(412, false), (485, true)],
        &[(458, 479)],
    );
    assert_eq!(read_run(&read).text, "๘");
}

#[test]
fn a_short_piece_before_a_number_is_no_digit() {
    // KoHo Medium Italic low-res, `ไปรษณีย์ ๗๓๑๔๒` (koho_medium_italic_lowres.jpg),
    // written `๓๑๕๒`: the chain out left finds the ๗, then a piece of the ย cut off where
    // the italic letter touched its neighbour — 13 pixels high where the digits are 25 —
    // which the model reads ๕, a third of a digit away.
    let read = read_on_page(
        "koho_medium_italic_lowres.jpg",
        (948, 1364, 1114, 1420),
        (1379, 1417),
        &[(1029, '๓'), (1037, '๑'), (1064, '๕'), (1096, '๒')],
        &[],
        &[],
    );
    assert_eq!(read_run(&read).text, "๗๓๑๔๒");
}

#[test]
fn two_narrow_digits_touching_are_cut_apart() {
    // Bai Jamjuree ExtraLight, `๒๕๖๒` (bai_jamjuree_extralight.jpg), written `๒๕๐๒`: the ๕
    // and ๖ touch, one piece 1.5 times as wide as the digits are high — narrower than two
    // digits of most faces — which the model took for no digit (or a ๖ at 0.08).
    let read = read_on_page(
        "bai_jamjuree_extralight.jpg",
        (1239, 226, 1369, 287),
        (242, 283),
        &[(1249, '๒'), (1285, '๕'), (1314, '๐'), (1351, '๒')],
        &[],
        &[],
    );
    assert_eq!(read_run(&read).text, "๒๕๖๒");
}

#[test]
fn marks_above_the_line_before_a_number_are_no_digit() {
    // Sarabun SemiBold Italic low-res, `ลงวันที่ ๒๒` (sarabun_semibold_italic_lowres.jpg):
    // the vowel and tone mark over the ท of ที่, a third of a digit left of the ๒๒ and as
    // tall as a digit, read ๘ (0.53); their foot is far above the digits' feet.
    let read = read_on_page(
        "sarabun_semibold_italic_lowres.jpg",
        (802, 293, 835, 373),
        (314, 368),
        &[(803, '๒'), (827, '๒')],
        &[],
        &[],
    );
    assert_eq!(read_run(&read).text, "๒๒");
}

#[test]
fn a_glyph_s_ink_rows_are_its_inked_rows() {
    let mut g = GrayImage::from_pixel(10, 30, image::Luma([255]));
    for y in 7..19 {
        g.put_pixel(4, y, image::Luma([0]));
    }
    assert_eq!(ink_rows(&g), Some((7, 19)));
    assert_eq!(
        ink_rows(&GrayImage::from_pixel(10, 30, image::Luma([255]))),
        None
    );
}

#[test]
fn an_italic_digit_may_lean_over_its_period() {
    // FreeSerif Bold Italic bilevel, the label `๑.๙.๒` (Tesseract: `aco`): each period
    // starts a few pixels left of the last column of the digit before it, whose top
    // leans out over it.
    let read = read_on_page(
        "freeserif_bold_italic_bilevel.png",
        (183, 950, 278, 989),
        (960, 987),
        &[(193, 'a'), (231, 'c'), (266, 'o')],
        &[],
        &[],
    );
    assert_eq!(read.periods, [true, true, false]);
    assert_eq!(read_candidate(&read, "aco", Candidate::Label).text, "๑.๙.๒");
    // Umpush Bold bilevel, `๑๐` over the next line's `ที่`: the mai ek under the ๑'s
    // last columns is low in the run's rows but far below the ๑'s foot — no period.
    let (read, _) = umpush_one_zero(None);
    assert_eq!(read_run(&read).text, "๑๐");
}

/// Umpush Bold bilevel's `๑๐` (umpush_bold_bilevel.png), with the next line's `ที่`
/// under it: [`read_on_page_within`].
fn umpush_one_zero(heights: Option<u32>) -> (AreaReading, bool) {
    read_on_page_within(
        "umpush_bold_bilevel.png",
        (354, 1392, 407, 1456),
        (1409, 1452),
        &[(366, '๑'), (395, '๐')],
        &[],
        &[],
        heights,
    )
}

#[test]
fn a_chain_that_reaches_the_patch_s_edge_is_looked_for_again_wider() {
    // Sarabun, `๗๙๐/๒๕๔๕` (sarabun.jpg), written `ซ«๐/` by Tesseract, which boxed only
    // the ๐ as a digit: the ๗ three digits left of it lies across the edge of the patch
    // first looked in, and cut short reads as no digit; looked for again wider, the
    // chain takes it.
    let sarabun = |heights| {
        read_on_page_within(
            "sarabun.jpg",
            (575, 1420, 604, 1458),
            (1430, 1456),
            &[(589, '๐')],
            &[(564, false), (649, true)],
            &[(610, 631)],
            heights,
        )
    };
    let (first, at_edge) = sarabun(Some(2));
    assert!(at_edge);
    assert_eq!(read_run(&first).text, "๙๐");
    assert_eq!(read_run(&sarabun(None).0).text, "๗๙๐");
    // A run whose chains end inside the patch (Umpush Bold bilevel's `๑๐`) is not.
    let (read, at_edge) = umpush_one_zero(Some(2));
    assert!(!at_edge);
    assert_eq!(read_run(&read).text, "๑๐");
}

#[test]
fn a_slash_tesseract_did_not_write_is_cut_from_its_digit() {
    // Sawasdee Bold Oblique bilevel, `๙๙๓/๖๐` (sawasdee_bold_oblique_bilevel.png): the ๓
    // and the slash touch, and Tesseract wrote no slash. Cut as two digits they read ๕
    // and ๙; cut along the slash, a ๓ and a slash.
    let patch = deskewed_patch("sawasdee_bold_oblique_bilevel.png", 327, 1380, 200, 47);
    let (found, typical, _, _) = glyphs(&patch, (14, 42), &[]);
    let there: Vec<&(u32, u32, GrayImage)> = found
        .iter()
        .filter(|(a, b, _)| *a < 140 && *b > 100)
        .collect();
    assert_eq!(there.len(), 2);
    let first = classify(&there[0].2).expect("a reading");
    assert_eq!(first.digit, '๓');
    assert!(surely_a_digit(&first));
    assert!(slash_shaped(&there[1].2, typical));
}

#[test]
fn a_slash_among_a_run_s_digits_is_a_slash() {
    // `๕๐ต๓7๕๕` for ๔๐๙/๔๙: six glyphs, the fourth surely no digit and slash-shaped.
    let digit = |d: char| reading(&[(d, 1.0)]);
    let mut stroke = reading(&[('๙', 1.0)]);
    stroke.p_other = 1.0;
    let mut read = AreaReading {
        glyphs: vec![
            digit('๔'),
            digit('๐'),
            digit('๙'),
            stroke,
            digit('๔'),
            digit('๙'),
        ],
        written: vec![None; 6],
        written_count: 6,
        periods: vec![false; 6],
        slashes: vec![false, false, false, true, false, false],
        ..AreaReading::default()
    };
    assert_eq!(read_run(&read).text, "๔๐๙/๔๙");
    // Not slash-shaped: as many glyphs as Tesseract wrote characters, all read.
    read.slashes = vec![false; 6];
    assert_eq!(read_run(&read).text, "๔๐๙๙๔๙");
    // At the run's edge a slash is left to the text around it.
    read.slashes = vec![false, false, false, false, false, true];
    read.glyphs[5] = stroke;
    assert_eq!(read_run(&read).text, "๔๐๙๙๔");
    // The shape: a thin stroke leaning right, as tall as a digit; not a block.
    let slash = GrayImage::from_fn(16, 30, |x, y| {
        let centre = 13.0 - 0.4 * y as f32;
        image::Luma([if (x as f32 - centre).abs() < 1.5 {
            0
        } else {
            255
        }])
    });
    assert!(slash_shaped(&slash, 30.0));
    let block = GrayImage::from_fn(16, 30, |x, _| image::Luma([if x < 12 { 0 } else { 255 }]));
    assert!(!slash_shaped(&block, 30.0));
    // A stroke half a digit tall is no slash.
    assert!(!slash_shaped(&slash, 60.0));
}

#[test]
fn a_big_round_dot_low_in_the_line_is_a_period() {
    // Two digit-high blocks (rows 10–30, the line's band), then one mark after each: a
    // solid dot 8 px across in the lower half (a typewriter's period: 0.4 of a digit),
    // or the same dot hollow, or a stroke 8 by 3, or the solid dot high in the line.
    let page = |mark: &dyn Fn(u32, u32) -> bool| {
        GrayImage::from_fn(120, 40, |x, y| {
            let block = (10..30).contains(&y) && ((10..26).contains(&x) || (40..56).contains(&x));
            image::Luma([if block || mark(x, y) { 0 } else { 255 }])
        })
    };
    let solid =
        |top: u32| move |x: u32, y: u32| (70..78).contains(&x) && (top..top + 8).contains(&y);
    let specks_of = |img: &GrayImage| glyphs(img, (10, 30), &[]).2;
    assert_eq!(specks_of(&page(&solid(22))), vec![(70, 30)]);
    let hollow =
        |x: u32, y: u32| solid(22)(x, y) && !((71..77).contains(&x) && (23..29).contains(&y));
    assert!(specks_of(&page(&hollow)).is_empty());
    let stroke = |x: u32, y: u32| (70..78).contains(&x) && (26..29).contains(&y);
    assert!(specks_of(&page(&stroke)).is_empty());
    assert!(specks_of(&page(&solid(11))).is_empty());
}

#[test]
fn a_comma_parts_a_number() {
    // Two digit-high blocks (rows 10–30, the line's band) and a stroke 3 px wide between
    // them, hanging from row 27 to 38 (a comma), or standing in the line (rows 12–23).
    let page = |top: u32| {
        GrayImage::from_fn(80, 40, |x, y| {
            let block = (10..30).contains(&y) && ((10..26).contains(&x) || (40..56).contains(&x));
            let stroke = (30..33).contains(&x) && (top..top + 11).contains(&y);
            image::Luma([if block || stroke { 0 } else { 255 }])
        })
    };
    let (found, _, _, marks) = glyphs(&page(27), (10, 30), &[]);
    assert_eq!(found.len(), 2);
    assert_eq!(marks, vec![(30, 33, 38)]);
    assert!(separated(&marks, (10, 30), 26, 40));
    // In the line it is no comma (a glyph of its own, or a piece of one).
    let (_, _, _, marks) = glyphs(&page(12), (10, 30), &[]);
    assert!(marks.is_empty());
}

#[test]
fn pieces_join_through_corners_and_are_numbered_in_reading_order() {
    // Ink ('#') under the threshold, paper ('.') over it: a diagonal joins (8-neighbours),
    // a gap of one column does not; the piece whose first pixel comes first row by row
    // is 1, whatever its size; the patch's edges bound the search.
    let rows = ["...#....##", "..#.....#.", ".#..#.....", "#...#....#"];
    let patch = GrayImage::from_fn(10, 4, |x, y| {
        let ink = rows[y as usize].as_bytes()[x as usize] == b'#';
        image::Luma([if ink { 20 } else { 230 }])
    });
    let want = ["...1....22", "..1.....2.", ".1..3.....", "1...3....4"];
    let mark = |l: u32| char::from_digit(l, 10).filter(|_| l > 0).unwrap_or('.');
    let got: Vec<String> = components(&patch, 128)
        .chunks(10)
        .map(|row| row.iter().map(|&l| mark(l)).collect())
        .collect();
    assert_eq!(got, want);
    // Nothing at a threshold no pixel is under; nothing in an empty patch.
    assert!(components(&patch, 10).iter().all(|&l| l == 0));
    assert!(components(&GrayImage::new(0, 0), 128).is_empty());
}

#[test]
fn a_piece_too_narrow_to_cut_is_left_whole() {
    // Three columns of ink, one row: no cut leaves ink on both sides of it — and cutting
    // again and again (a part still "two digits wide" on a line one pixel high) must end.
    let bar = GrayImage::from_fn(3, 1, |_, _| image::Luma([0]));
    assert!(split_touching(&bar, 128).is_none());
    let mut patch = GrayImage::from_pixel(20, 5, image::Luma([255]));
    for x in 5..8 {
        patch.put_pixel(x, 2, image::Luma([0]));
    }
    let (found, typical, _, _) = glyphs(&patch, (0, 5), &[]);
    assert_eq!((found.len(), typical), (1, 1.0));
}

#[test]
fn a_number_is_sure_as_a_whole() {
    let read_as = |digit: char, p_other: f32, aspect: f32| Reading {
        digit,
        p_digit: 1.0 - p_other,
        p_other,
        aspect,
        digits: [0.0; 10],
        ink: [0.0; crate::ocr::digit_classifier::INK],
    };
    let r = |p_other: f32, aspect: f32| read_as('๔', p_other, aspect);
    let o = |p_other: f32, aspect: f32| read_as('๐', p_other, aspect);
    // `coco` for ๔๑๙๐: three sure digits and a ๐ the model half takes for an `o`; `co`
    // for ๔๐ with a ๐ it takes more for an `o` than for a digit.
    assert!(surely_digits(&[
        r(0.0, 1.0),
        r(0.001, 1.0),
        r(0.0, 0.9),
        o(0.31, 1.2)
    ]));
    assert!(surely_digits(&[r(0.0, 0.8), o(0.56, 0.8)]));
    // The same ๐ alone is not sure enough, nor two of them; one surer an `o` than that
    // is no digit; a letter among digits spoils the lot; so does a glyph no digit is
    // shaped like (a dash); nothing at all is no number.
    assert!(!surely_digits(&[o(0.31, 1.2)]));
    assert!(!surely_digits(&[o(0.2, 1.0), o(0.2, 1.0)]));
    assert!(!surely_digits(&[r(0.0, 1.0), o(0.8, 1.0)]));
    assert!(!surely_digits(&[r(0.0, 1.0), r(0.0, 1.0), r(0.6, 1.0)]));
    assert!(!surely_digits(&[r(0.0, 1.0), r(0.0, 3.0)]));
    assert!(!surely_digits(&[r(0.0, 1.0), r(0.0, 1.8)]));
    assert!(!surely_digits(&[]));
    // An extra-bold face's ๓, thresholded, is 1.63 times as wide as high: a digit's shape.
    assert!(surely_digits(&[r(0.0, 1.0), r(0.0, 1.63)]));
}

#[test]
fn latin_words_among_thai_are_candidates() {
    let text =
        "ระหว่างปี พ.ศ. weed - weds จำนวน ow แห่ง\nsee www.opdc.go.th now\nเว็บไซต์ www.opdc.go.th";
    let found: Vec<(&str, Candidate)> = candidates(text)
        .iter()
        .map(|&(s, e, _, k)| (&text[s..e], k))
        .collect();
    // Short Latin tokens in a line that holds Thai; not the dash (no letter or digit),
    // not a URL (too long), nothing in a line of Latin only.
    assert_eq!(
        found,
        vec![
            ("weed", Candidate::Word),
            ("weds", Candidate::Word),
            // (After จำนวน, a number's place.)
            ("ow", Candidate::Slot)
        ]
    );
    // Latin-1 symbols the English model writes for a bold digit (๘ as `«`, ๔ as `¢`).
    let symbols = "ลงวันที่ « พฤษภาคม ราคา ¢ บาท";
    assert_eq!(token_texts(symbols), vec!["«", "¢"]);
    // Latin with typographic punctuation (a digit's tail read as a quote).
    let quoted = "ปีงบประมาณ wed” และ มาตรา Oma’ วรรค ยอด a‰ ของ";
    assert_eq!(token_texts(quoted), vec!["wed”", "Oma’", "a‰"]);
    // A number with a slash read as Latin, a bracket first: each part; a list item's
    // bracketed number is none.
    let slashed = "เลขที่ (00/@ หมู่ที่ ๖\nรายการ (1) และ (ก) ของ\nงบ MEd, ๙๒๒";
    assert_eq!(token_texts(slashed), vec!["(00", "@", "MEd"]);
    assert_eq!(candidates(slashed)[1].2, "เลขที่(00/".chars().count());
    // A decimal number too long for a word, read as Latin: each side of its point; not a
    // web address's parts.
    let decimal = "ร้อยละ GG.ovla ของ เว็บ a.go.th";
    assert_eq!(token_texts(decimal), vec!["GG", "ovla"]);
    assert_eq!(candidates(decimal)[1].2, "ร้อยละGG.".chars().count());
    // A whole number read as a long Latin word where a number stands (before a word that
    // counts, after a postal code's word); not such a word elsewhere.
    let long = "ของเป้าหมาย evevevla ราย\nรหัสไปรษณีย์ cumevoe ตาม\nดูเว็บ evevevla และ";
    assert_eq!(token_texts(long), vec!["evevevla", "cumevoe"]);
    // A number's last digit's tail read as a closing bracket, where a number stands; not a
    // bracketed word elsewhere.
    let bracket = "ของเป้าหมาย Come) ราย\nดูเว็บ Come) และ";
    assert_eq!(token_texts(bracket), vec!["Come)"]);
    // A line whose only Thai is its digits is a Thai line.
    let phone = "Ins ๐ iced ๕๕๕๓\nIns 0 iced 5553";
    let found: Vec<&str> = candidates(phone)
        .iter()
        .map(|&(s, e, _, _)| &phone[s..e])
        .collect();
    assert_eq!(found, vec!["Ins", "iced"]);
    // The letters a label's last number came out as.
    let label = "๑.๒.ดา ฎีข้อมูล\n๖.ให้นำผล";
    assert_eq!(token_texts(label), vec!["ดา"]);
    assert_eq!(candidates(label)[0].2, "๑.๒.".chars().count());
    // Visible indices count the characters before the token, spaces left out.
    let (_, _, first, _) = candidates("ปี พ.ศ. weed")[0];
    assert_eq!(first, "ปีพ.ศ.".chars().count());
}

#[test]
fn letters_where_a_number_goes_on_are_candidates() {
    let tokens = |text: &'static str| -> Vec<(&'static str, usize)> {
        tokens_in(text)
            .into_iter()
            .map(|(t, first, _)| (t, first))
            .collect()
    };
    // A second part after a number (a phone number's), even one Tesseract half read as
    // letters; not a word after it that is longer than a number's part, not a word after
    // a word.
    assert_eq!(
        tokens("โทร ๐ ฒ่๕๐๐ สต่อด ต่อ ๖๘๑\nภายใน ๓๐ วันทำการ นับแต่"),
        vec![("สต่อด", "โทร๐ฒ่๕๐๐".chars().count())]
    );
    // The groups of a number around its commas that hold no Thai digit (`สสอ`, `ฒ`), each
    // with the visible index of its first character; and a word after such a number.
    assert_eq!(
        tokens("งบ ๘๖๕,สสอ บาท\nงบ ฒ,ต๙๙๒ บาท"),
        vec![
            ("สสอ", "งบ๘๖๕,".chars().count()),
            ("ฒ", "งบ๘๖๕,สสอบาทงบ".chars().count()),
            ("บาท", "งบ๘๖๕,สสอบาทงบฒ,ต๙๙๒".chars().count()),
        ]
    );
    // A number's part after a slash that Tesseract read as letters or Arabic digits (and
    // the word after such a number).
    assert_eq!(
        tokens("เลขที่ ๓๙๓/ญฒ หมู่\nเลขที่ ๒๑๗/ฒ9 หมู่"),
        vec![
            ("ญฒ", "เลขที่๓๙๓/".chars().count()),
            ("หมู่", "เลขที่๓๙๓/ญฒ".chars().count()),
            ("ฒ9", "เลขที่๓๙๓/ญฒหมู่เลขที่๒๑๗/".chars().count()),
            ("หมู่", "เลขที่๓๙๓/ญฒหมู่เลขที่๒๑๗/ฒ9".chars().count()),
        ]
    );
    // A whole number with a slash read as letters after a word a number follows (a house
    // number), each group counted by its letters, not the marks on them (`เล่เท`, five
    // characters, four letters); not `และ/หรือ` (and/or) after another word, nor a group of
    // five letters.
    assert_eq!(
        tokens("เลขที่ รรฒ/รส หมู่\nคำสั่งที่ เล่เท/๒๕๕๓ ลง\nให้ และ/หรือ ท่าน\nเลขที่ กขคงจ/รส"),
        vec![
            ("รรฒ", "เลขที่".chars().count()),
            ("รส", "เลขที่รรฒ/".chars().count()),
            ("เล่เท", "เลขที่รรฒ/รสหมู่คำสั่งที่".chars().count()),
            (
                "รส",
                "เลขที่รรฒ/รสหมู่คำสั่งที่เล่เท/๒๕๕๓ลงให้และ/หรือท่านเลขที่กขคงจ/"
                    .chars()
                    .count()
            ),
        ]
    );
    // A date's day before a month's name, written as letters; not a longer word.
    assert_eq!(
        tokens("วันที่ ซ กันยายน\nวันที่ เญ ก.ย. ๖๖\nเดือน มกราคม"),
        vec![
            ("ซ", "วันที่".chars().count()),
            ("เญ", "วันที่ซกันยายนวันที่".chars().count()),
        ]
    );
    // A letter glued to a month's name after a word a number follows; not a month's name
    // alone, not after another word, not three letters.
    assert_eq!(
        tokens("วันที่ วกันยายน ๒๕๔๖\nวันที่ กันยายน\nเดือน วกันยายน\nวันที่ ววกกันยายน"),
        vec![("ว", "วันที่".chars().count())]
    );
    // A letter Tesseract writes for a digit glued to the word after a word a number follows
    // (`ฒรหัส…` for ๗ รหัส…); not a word that opens with its own vowel (`วิธี`) or with two
    // such letters, not after another word.
    assert_eq!(
        tokens("หมู่ที่ ฒรหัสไปรษณีย์\nหมู่ที่ วิธีการ\nหมู่ที่ ววกรหัส\nบ้าน ฒรหัสไปรษณีย์"),
        vec![("ฒ", "หมู่ที่".chars().count())]
    );
    // After a word a number follows, up to four characters; not after another word.
    assert_eq!(
        tokens("หมู่ที่ เฒ รหัส\nร้อยละ ฒอ ของ\nบ้าน เฒ รหัส"),
        vec![
            ("เฒ", "หมู่ที่".chars().count()),
            ("ฒอ", "หมู่ที่เฒรหัสร้อยละ".chars().count()),
        ]
    );
    // After a slot word whose mai ek Tesseract lost; not after นาที or ทันที.
    assert_eq!(
        tokens("หมู่ที อ รหัส\nห้านาที อ รหัส\nโดยทันที อ รหัส"),
        vec![("อ", "หมู่ที".chars().count())]
    );
    // A number's part on either side of its period read as letters; not an
    // abbreviation's letters.
    assert_eq!(
        tokens("เวลา ต.๑๗ น.\nร้อยละ ๖๖.ต(ญ ของ\nลงวันที่ ๑ ต.ค.๖๖"),
        vec![
            ("ต", "เวลา".chars().count()),
            // (Letters after a number, as above.)
            ("น.", "เวลาต.๑๗".chars().count()),
            ("ต(ญ", "เวลาต.๑๗น.ร้อยละ๖๖.".chars().count()),
        ]
    );
    // After a word a number follows, a longer token with a period: each group of it (not
    // an abbreviation's letters, a month's, or such a token after another word).
    assert_eq!(
        tokens("ร้อยละ ตปลป.ญอว ของ\nวันที่ ก.ย.๖๖ ของ\nวันที่ มี.ค. ของ\nเกิน ตปลป.ญอว ของ"),
        vec![
            ("ตปลป", "ร้อยละ".chars().count()),
            ("ญอว", "ร้อยละตปลป.".chars().count()),
        ]
    );
    // Before a word that counts what a number counts, up to four characters, Latin or Thai.
    let counted = "เป้าหมาย ayo ราย\nเป้าหมาย ญ่ญ ราย\nเป้าหมาย abcde ราย\nเป้าหมาย ทั้งหมด ราย";
    assert_eq!(
        tokens_in(counted)
            .into_iter()
            .map(|(t, _, k)| (t, k))
            .collect::<Vec<_>>(),
        vec![
            ("ayo", Candidate::Slot),
            ("ญ่ญ", Candidate::Slot),
            ("abcde", Candidate::Word)
        ]
    );
    // A comma or a slash between words is no number's.
    assert!(tokens("ก,ข ค/ง").is_empty());
    // A symbol glued to the word after a number's place, or to a month's name; not
    // after another word, not a closing bracket, not three symbols.
    assert_eq!(
        tokens("หมู่ที่ «รหัส\nวันที่ ๑ =กันยายน\nคำว่า «รหัส»\nหมู่ที่ )รหัส\nที่ ***กขค"),
        vec![
            ("«", "หมู่ที่".chars().count()),
            ("=", "หมู่ที่«รหัสวันที่๑".chars().count()),
        ]
    );
}

#[test]
fn where_the_words_say_a_number_stands() {
    let found = |text: &'static str| -> Vec<(&'static str, Candidate)> {
        tokens_in(text)
            .into_iter()
            .map(|(t, _, k)| (t, k))
            .collect()
    };
    // One or two characters after a word a number follows or before a month's name
    // (ฯ too); three or four after such a word stay words to be read strictly.
    assert_eq!(
        found("หมู่ที่ ญ รหัส\nลงวันที่ ฯ กรกฎาคม\nร้อยละ ฒอฒ ของ\nหมู่ที่ = รหัส\nบ้าน = รหัส"),
        vec![
            ("ญ", Candidate::Slot),
            ("ฯ", Candidate::Slot),
            ("ฒอฒ", Candidate::Word),
            // (A symbol too, there only.)
            ("=", Candidate::Slot),
        ]
    );
    // A letter against `ที่` (or `ที` before a month): only the letter, with its visible
    // index. `ทีม` elsewhere is a word; `ที่` with a vowel after is no number's place.
    let glued = "ประกาศ วันที่ญ มกราคม\nคำสั่ง ลงวันทีณ มกราคม\nกับ ทีม งาน\nจาก ที่มา ของ";
    assert_eq!(
        found(glued),
        vec![("ญ", Candidate::Slot), ("ณ", Candidate::Slot)]
    );
    assert_eq!(candidates(glued)[0].2, "ประกาศวันที่".chars().count());
    // Thai letters with an Arabic digit in one short token; not a longer one.
    assert_eq!(
        found("เวลา จ9 น. บ้าน\nเวลา อ9อาคาร น."),
        vec![("จ9", Candidate::Word)]
    );
}

#[test]
fn a_number_s_place_vouches_for_a_glyph_the_model_half_knows() {
    // Sawasdee Bold Oblique's ๗ after หมู่ที่: likelier a digit than not, not surely one.
    let mut seven = reading(&[('๗', 0.64), ('๙', 0.23)]);
    seven.p_other = 0.12;
    let read = AreaReading {
        glyphs: vec![seven],
        periods: vec![false],
        ..AreaReading::default()
    };
    assert_eq!(read_candidate(&read, "ญ", Candidate::Slot).text, "๗");
    assert_eq!(read_candidate(&read, "ญ", Candidate::Word).text, "");
    // A glyph likelier something else is no digit, place or not.
    let mut letter = seven;
    letter.p_other = 0.6;
    let read = AreaReading {
        glyphs: vec![letter],
        periods: vec![false],
        ..AreaReading::default()
    };
    assert_eq!(read_candidate(&read, "ญ", Candidate::Slot).text, "");
    // Up to four glyphs (`ayo` for ๗๗๗๐ before ราย: each likelier a digit than not, not
    // all sure enough for a word anywhere).
    let four = AreaReading {
        glyphs: vec![seven, seven, seven, seven],
        periods: vec![false; 4],
        ..AreaReading::default()
    };
    assert_eq!(read_candidate(&four, "ayo", Candidate::Slot).text, "๗๗๗๗");
    assert_eq!(read_candidate(&four, "ayo", Candidate::Word).text, "");
    let five = AreaReading {
        glyphs: vec![seven; 5],
        periods: vec![false; 5],
        ..AreaReading::default()
    };
    assert_eq!(read_candidate(&five, "ayo", Candidate::Slot).text, "");
}

#[test]
fn a_number_needs_all_but_one_glyph_sure() {
    let glyph = |other: f32| {
        let mut g = reading(&[('๕', 1.0 - other)]);
        g.p_other = other;
        g
    };
    // `wage` for ๗๖๕๑: three sure, one half taken for a letter.
    assert!(surely_digits(&[
        glyph(0.0),
        glyph(0.485),
        glyph(0.0),
        glyph(0.0)
    ]));
    // Two glyphs, one of them that unsure: not enough on average, nor by count.
    assert!(!surely_digits(&[glyph(0.0), glyph(0.485)]));
    // Two unsure among four.
    assert!(!surely_digits(&[
        glyph(0.0),
        glyph(0.3),
        glyph(0.3),
        glyph(0.0)
    ]));
    // One likelier a letter.
    assert!(!surely_digits(&[
        glyph(0.0),
        glyph(0.6),
        glyph(0.0),
        glyph(0.0)
    ]));
}

#[test]
fn a_separator_s_glyph_is_left_out_of_a_number_s_group() {
    let mut slash = reading(&[('๙', 0.0)]);
    slash.p_other = 1.0;
    let mut read = AreaReading {
        glyphs: vec![reading(&[('๗', 1.0)]), reading(&[('๖', 1.0)]), slash],
        periods: vec![false, false, false],
        columns: vec![(0, 10), (12, 20), (21, 26)],
        ..AreaReading::default()
    };
    // Not at the other edge (the first glyph is a digit).
    read.drop_edge(true);
    assert_eq!(read.glyphs.len(), 3);
    read.drop_edge(false);
    assert_eq!(read.columns, vec![(0, 10), (12, 20)]);
    assert_eq!(
        read_candidate(&read, "ฒ\u{e48}9", Candidate::Word).text,
        "๗๖"
    );
    // A lone glyph stays (nothing else would be left).
    let mut alone = AreaReading {
        glyphs: vec![slash],
        ..AreaReading::default()
    };
    alone.drop_edge(false);
    assert_eq!(alone.glyphs.len(), 1);
}

#[test]
fn a_glyph_a_word_s_space_beyond_the_number_is_left_out_unless_surely_a_digit() {
    // Google Sans Bold's `๒๒ ธันวาคม`: the ธ, 13 pixels past a gap of 3, read ๕ at 0.83.
    let mut letter = reading(&[('๕', 0.83)]);
    letter.p_other = 0.17;
    let spaced = |last: Reading, period: bool| AreaReading {
        glyphs: vec![reading(&[('๒', 1.0)]), reading(&[('๒', 1.0)]), last],
        periods: vec![false, period, false],
        columns: vec![(695, 723), (726, 754), (767, 795)],
        ..AreaReading::default()
    };
    let mut read = spaced(letter, false);
    read.drop_spaced_edges();
    assert_eq!(read.columns, vec![(695, 723), (726, 754)]);
    // A digit the model is sure of stays, and so does one past a period (`๒๒.๕`).
    for (last, period) in [(reading(&[('๕', 1.0)]), false), (letter, true)] {
        let mut read = spaced(last, period);
        read.drop_spaced_edges();
        assert_eq!(read.glyphs.len(), 3);
    }
    // Evenly set digits (a typewriter's) stay, however far apart.
    let mut even = spaced(letter, false);
    even.columns = vec![(0, 20), (33, 53), (66, 86)];
    even.drop_spaced_edges();
    assert_eq!(even.glyphs.len(), 3);
    // The same at the first edge.
    let mut first = AreaReading {
        glyphs: vec![letter, reading(&[('๒', 1.0)]), reading(&[('๒', 1.0)])],
        periods: vec![false, false, false],
        columns: vec![(654, 682), (695, 723), (726, 754)],
        ..AreaReading::default()
    };
    first.drop_spaced_edges();
    assert_eq!(first.columns, vec![(695, 723), (726, 754)]);
}

#[test]
fn a_slash_doubled_in_a_number_may_be_a_digit() {
    // A thin ๗ written as a slash (Sarabun ExtraLight Italic, KoHo Light): what stands before
    // the two slashes, with the first, is looked at again.
    assert_eq!(token_texts("ตามคำสั่งที่ //๒๕๕๐ ลงวันที่"), ["/"]);
    assert_eq!(token_texts("ตามคำสั่งที่ %//๒๕๔๗ ลงวันที่"), ["%/"]);
    // Not where Thai digits stand before them (that is a run of its own), nor in a token
    // with no Thai digits (a web address).
    assert!(token_texts("ตามคำสั่งที่ ๑๒//๒๕๕๐ ลงวันที่").is_empty());
    assert!(token_texts("ดูที่ https://www.moi.go.th เว็บไซต์").is_empty());
}

#[test]
fn a_space_where_a_number_stands_is_looked_at() {
    let found = |text: &'static str| -> Vec<(usize, usize, Candidate)> {
        candidates(text)
            .iter()
            .filter(|c| c.3 == Candidate::Gap)
            .map(|&(s, e, first, k)| {
                assert_eq!(s, e);
                (s, first, k)
            })
            .collect()
    };
    // Before a month's name and after a word a number follows: the space before the
    // word, with the word's first visible index. Not after a number, not before a number
    // or a short token (those are read themselves).
    let text = "ณ วันที่ กันยายน\nหมู่ที่ รหัส\nวันที่ ๗ กันยายน\nหมู่ที่ ๗ รหัส\nหมู่ที่ ญ";
    let at = |word: &str| text.find(word).unwrap_or(usize::MAX);
    assert_eq!(
        found(text),
        vec![
            (at("กันยายน"), "ณวันที่".chars().count(), Candidate::Gap),
            (at("รหัส"), "ณวันที่กันยายนหมู่ที่".chars().count(), Candidate::Gap),
        ]
    );
    // After a clause label ending with a period, at a line's start: the space before the
    // word after it. Not after a label without its last period, nor an abbreviation's, nor
    // a number further on in the line.
    let labels = "๔.๔. รายงาน\n๒. ให้\n๑.๒ ให้\nก.พ. ให้\nก. ให้\nที่ ๒. ให้";
    let at = |word: &str| labels.find(word).unwrap_or(usize::MAX);
    assert_eq!(
        found(labels),
        vec![
            (at("รายงาน"), "๔.๔.".chars().count(), Candidate::Gap),
            (at("ให้"), "๔.๔.รายงาน๒.".chars().count(), Candidate::Gap),
        ]
    );
    // After a number ending with a slash: the space before the next token that holds no
    // digit. Not after a slash with no number before it, nor before the number's part.
    let slashed = "เลขที่ ๕๓๖/ หมู่ที่\nเลขที่ ๕๓๖/ ๗ หมู่ที่\nและ/ หรือ";
    assert_eq!(
        found(slashed),
        vec![(
            slashed.find("หมู่ที่").unwrap_or(usize::MAX),
            "เลขที่๕๓๖/".chars().count(),
            Candidate::Gap
        )]
    );
    // The text so far a label's (where the number found there joins it): only a label and
    // its space.
    assert!(label_so_far("ประกาศ\n๔.๔. "));
    assert!(label_so_far("๒. "));
    assert!(!label_so_far("พ.ศ. "));
    assert!(!label_so_far("ข้อ ๒. "));
    assert!(!label_so_far("๔.๔."));
    assert!(!label_so_far(". "));
    // On the page: a space as wide as a letter is high holds a number; a word's space
    // does not. (Boxes: the last letter of ที่, then the next word's first.)
    let rect = |x0, x1| Rect {
        x0,
        y0: 100,
        x1,
        y1: 130,
    };
    let wide = [('ี', rect(100, 120)), ('ก', rect(160, 180))];
    let (area, core, centres) = gap_area(&wide, 0, 1, Some((100, 130))).expect("wide space");
    assert_eq!((area.x0, area.x1, core), (121, 159, (100, 130)));
    // The middle of the space is the number's; the letters beside it are not.
    assert_eq!(centres.owner(140), Owner::Run);
    assert_eq!(centres.owner(108), Owner::Digits);
    assert_eq!(centres.owner(172), Owner::Digits);
    let narrow = [('ี', rect(100, 120)), ('ก', rect(130, 150))];
    assert!(gap_area(&narrow, 0, 1, Some((100, 130))).is_none());
    // (A digit with little room: 26 pixels where the letters' boxes are 30 high.)
    let tight = [('ี', rect(100, 120)), ('ก', rect(146, 166))];
    assert!(gap_area(&tight, 0, 1, Some((100, 130))).is_some());
    // No line of letters to measure by, or no such box before: nothing.
    assert!(gap_area(&wide, 0, 1, None).is_none());
    assert!(gap_area(&wide, 2, 1, Some((100, 130))).is_none());
    // Measured from a box further back (a clause label's last digit, its period between):
    // the space from there.
    let label = [
        ('๔', rect(60, 80)),
        ('.', rect(84, 120)),
        ('ก', rect(160, 180)),
    ];
    let (area, _, _) = gap_area(&label, 0, 2, Some((100, 130))).expect("from the digit");
    assert_eq!((area.x0, area.x1), (81, 159));
}

#[test]
fn a_slash_is_one_thin_stroke_leaning_right() {
    // 30 rows; the typical digit 30 pixels high.
    let line = |lean: f32, width: u32| -> Vec<(u32, u32)> {
        (0..30u32)
            .flat_map(|y| {
                let x = 5 + (lean * (29 - y) as f32) as u32;
                (x..x + width).map(move |x| (x, y))
            })
            .collect()
    };
    assert!(is_slash(&line(0.5, 3), 30.0, 30.0));
    // Upright (a ๑'s stem), leaning left (a backslash), or too thick: no.
    assert!(!is_slash(&line(0.0, 3), 30.0, 30.0));
    let backslash: Vec<(u32, u32)> = line(0.5, 3).iter().map(|&(x, y)| (x, 29 - y)).collect();
    assert!(!is_slash(&backslash, 30.0, 30.0));
    assert!(!is_slash(&line(0.5, 12), 30.0, 30.0));
    // Two strokes in each row (a loop's sides), or only the top third of the rows: no.
    let mut loop_sides = line(0.5, 3);
    loop_sides.extend(line(0.5, 3).iter().map(|&(x, y)| (x + 10, y)));
    assert!(!is_slash(&loop_sides, 30.0, 30.0));
    let short: Vec<(u32, u32)> = line(0.5, 3).into_iter().filter(|p| p.1 < 10).collect();
    assert!(!is_slash(&short, 30.0, 30.0));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// Whatever Tesseract wrote and wherever it boxed it, the pass gives a text (no
    /// panic), and the tokens it looks at are whole characters of that text.
    #[test]
    fn any_text_and_boxes_give_a_text(
        text in "[ก-ฮ่้ีัูฯ๐-๙0-9a-zA-Z.,/()=@ \n]{0,80}",
        places in proptest::collection::vec((0u32..60, 0u32..40, 0u32..30), 80),
        ink in proptest::collection::vec((0u32..600, 0u32..100, 1u32..40, 1u32..40), 0..30),
    ) {
        for (a, b, _, _) in candidates(&text) {
            proptest::prop_assert!(a <= b && b <= text.len());
            proptest::prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        }
        let chars: Vec<char> = text.chars().collect();
        proptest::prop_assert_eq!(digit_like(&chars).len(), chars.len());
        // A page with some blots of ink, and a box for each visible character.
        let mut img = GrayImage::from_pixel(600, 100, image::Luma([255]));
        for &(x, y, w, h) in &ink {
            for yy in y..(y + h).min(100) {
                for xx in x..(x + w).min(600) {
                    img.put_pixel(xx, yy, image::Luma([0]));
                }
            }
        }
        let mut boxes = String::new();
        let mut x = 0u32;
        for (c, &(step, y, w)) in text.chars().filter(|c| !c.is_whitespace()).zip(&places) {
            x += step / 4;
            boxes.push_str(&format!("{c} {x} {} {} {} 0\n", 10 + y, x + w, 40 + y));
        }
        let pass = reread(&img, &text, &boxes, false);
        proptest::prop_assert!(pass.skipped.is_some() || !pass.text.is_empty() || text.trim().is_empty() || !text.chars().any(is_thai_digit));
    }
}

#[test]
fn boxes_a_few_glyphs_over_the_text_are_fitted_to_it() {
    // Tesseract's boxes keep a `~` its text leaves out.
    let boxes =
        "w 10 60 30 90 0\nn 32 60 50 90 0\n~ 51 80 55 90 0\no 60 60 80 90 0\n๒ 90 60 110 90 0\n";
    let fitted = fitted_to("wn  o ๒", boxes).expect("fitted");
    assert_eq!(
        fitted,
        "w 10 60 30 90 0\nn 32 60 50 90 0\no 60 60 80 90 0\n๒ 90 60 110 90 0\n"
    );
    let img = GrayImage::from_pixel(200, 100, image::Luma([255]));
    assert!(reread(&img, "wn  o ๒", boxes, true).skipped.is_some());
    assert!(reread(&img, "wn  o ๒", &fitted, true).skipped.is_none());
    // A glyph of several characters counts as its characters.
    let ligature = "fi 10 60 30 90 0\n~ 31 80 35 90 0\nx 40 60 50 90 0\n";
    assert_eq!(
        fitted_to("fix", ligature).as_deref(),
        Some("f 10 60 30 90 0\ni 10 60 30 90 0\nx 40 60 50 90 0\n")
    );
    // Nothing to fit where they agree, or where the text has a character no box has, or
    // where more boxes than a few would go.
    assert_eq!(fitted_to("wn~o๒", boxes), None);
    assert_eq!(fitted_to("wnxo๒", boxes), None);
    assert_eq!(fitted_to("w", boxes), None);
}

#[test]
fn text_and_boxes_must_agree() {
    // Box-file lines: y from the bottom of a 100-pixel-high image.
    let boxes = "พ 10 60 30 90 0\n๒ 40 60 60 90 0\n๕ 62 60 82 90 0\n";
    let b = glyph_boxes(boxes, 100);
    assert_eq!(b.len(), 3);
    assert_eq!((b[1].0, b[1].1.x0, b[1].1.y0, b[1].1.y1), ('๒', 40, 10, 40));
    // A text that is not the boxes' is left alone, with the reason.
    let img = GrayImage::from_pixel(200, 100, image::Luma([255]));
    let pass = reread(&img, "พ ๒๕๖", boxes, false);
    assert_eq!(pass.text, "พ ๒๕๖");
    assert!(pass.skipped.is_some());
    // No Thai digits: nothing to do, nothing said.
    let none = reread(&img, "ไม่มีตัวเลข 2566", boxes, false);
    assert_eq!(none.text, "ไม่มีตัวเลข 2566");
    assert!(none.skipped.is_none());
    // Unless Tesseract read Thai digits on the page (words read again since took them): then
    // the pass goes on, and finds these boxes not the text's.
    let thai_page = reread(&img, "ไม่มีตัวเลข 2566", boxes, true);
    assert_eq!(thai_page.text, "ไม่มีตัวเลข 2566");
    assert!(thai_page.skipped.is_some());
}

#[test]
fn a_space_after_a_line_s_first_number_is_a_period_only_before_a_label_s_rest() {
    let run = |text: &str, page_period: bool| {
        let end = text.find(' ').unwrap_or(text.len());
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        period_read_as_space(text, start, end, page_period)
    };
    assert!(run("๕ ๓ ให้ดำเนินการ", true));
    assert!(run("ก\n๕ ๖.๓ รายงานผล", true));
    // The page shows no period: a table's row, say.
    assert!(!run("๕ ๖.๓ รายงานผล", false));
    // Not a line's first number, not before numbers and Thai text, not two spaces.
    assert!(!period_read_as_space("ก ๕ ๓ ให้", 4, 7, true));
    assert!(!run("๕ ๓ ๔ ให้", true));
    assert!(!run("๕ ๓ 10", true));
    assert!(!run("๕  ๓ ให้", true));
    assert!(!run("๕ ๓ก ให้", true));
}

#[test]
fn a_period_touching_the_digit_before_it_is_found_at_its_foot() {
    // A glyph 30 high (rows 10–39 of 40; the line's middle at row 25): a ring 24 wide, then
    // a solid dot 8 wide and 8 high on its foot, joined to it by a bridge of ink.
    let ring = |x: u32, y: u32| {
        let (dx, dy) = (x as f32 - 12.0, y as f32 - 25.0);
        let r = (dx * dx / 144.0 + dy * dy / 225.0).sqrt();
        (0.7..=1.0).contains(&r)
    };
    let dot = |x: u32, y: u32| (25..33).contains(&x) && (31..39).contains(&y);
    let bridge = |x: u32, y: u32| (20..26).contains(&x) && (33..37).contains(&y);
    let draw = |with_dot: bool, with_tail: bool| {
        GrayImage::from_fn(34, 40, |x, y| {
            let tail = with_tail && (26..30).contains(&x) && (8..16).contains(&y);
            let inked = ring(x, y) || tail || (with_dot && (dot(x, y) || bridge(x, y)));
            image::Luma([if inked { 0 } else { 255 }])
        })
    };
    assert_eq!(
        super::segment::touching_period(&draw(true, false), 128, 25, 30.0),
        Some((25, 39))
    );
    // No dot: the ring's last columns reach above the middle. A tail over the dot: its
    // columns hold ink high up too, and nothing is cut.
    assert_eq!(
        super::segment::touching_period(&draw(false, false), 128, 25, 30.0),
        None
    );
    assert_eq!(
        super::segment::touching_period(&draw(true, true), 128, 25, 30.0),
        None
    );
}

/// A page of solid blots, one per (x0, x1) columns, rows 30–60 of a 100-pixel-high image,
/// and a box-file line for each character at its columns.
fn blotted(ink: &[(u32, u32)], chars: &[(char, u32, u32)]) -> (GrayImage, String) {
    let mut img = GrayImage::from_pixel(300, 100, image::Luma([255]));
    for &(x0, x1) in ink {
        for y in 30..60 {
            for x in x0..x1 {
                img.put_pixel(x, y, image::Luma([0]));
            }
        }
    }
    let boxes = chars
        .iter()
        .map(|&(c, x0, x1)| format!("{c} {x0} 40 {x1} 70 0\n"))
        .collect();
    (img, boxes)
}

#[test]
fn an_arabic_digit_where_the_page_shows_only_a_letter_s_ink_goes() {
    // `ปัจจุบัน 4 ซึ่ง` (fixtures/scans/001_sao_g4.pdf): Tesseract wrote a 4 for the marks
    // over ซ, boxed over the ซ's first columns; the ซ's ink is nearer the ซ's own box.
    let letters = [
        ('ก', 10, 30),
        ('ข', 35, 55),
        ('๑', 80, 100),
        ('๒', 105, 125),
    ];
    // The letters' and digits' own ink, and more after them.
    let ink = |more: &[(u32, u32)]| -> Vec<(u32, u32)> {
        let own = letters.iter().map(|&(_, a, b)| (a, b));
        own.chain(more.iter().copied()).collect()
    };
    let mut chars = letters.to_vec();
    chars.extend([('4', 150, 172), ('ซ', 170, 192), ('ง', 197, 217)]);
    let (img, boxes) = blotted(&ink(&[(170, 192), (197, 217)]), &chars);
    let pass = reread(&img, "กข ๑๒ 4 ซง", &boxes, false);
    assert!(pass.skipped.is_none(), "{pass:?}");
    assert!(
        pass.text.ends_with(" ซง") && !pass.text.contains('4'),
        "{pass:?}"
    );
    // A glyph of its own where the 4 is boxed: it stays.
    let mut chars = letters.to_vec();
    chars.extend([('4', 150, 166), ('ซ', 174, 192), ('ง', 197, 217)]);
    let (img, boxes) = blotted(&ink(&[(150, 166), (174, 192), (197, 217)]), &chars);
    assert!(reread(&img, "กข ๑๒ 4 ซง", &boxes, false)
        .text
        .ends_with(" 4 ซง"));
    // A page with no ink found anywhere says nothing of it: it stays.
    let (img, boxes) = blotted(&[], &chars);
    assert!(reread(&img, "กข ๑๒ 4 ซง", &boxes, false)
        .text
        .ends_with(" 4 ซง"));
}

#[test]
fn a_chain_takes_no_letter_of_a_word_written_apart() {
    // Niramit Bold Italic, bilevel (niramit_bold_italic_bilevel.png, line 12): `๔๙ เวลา`,
    // written `๕๕ เวลา`; the เ stands a quarter of a digit from the ๙'s tail and reads ๓ to
    // the model (0.98), and Tesseract boxed it over 541–580.
    let centres = |words: Vec<(u32, u32)>| Centres {
        own: vec![(488, '๕'), (519, '๕')],
        neighbours: vec![(439, true), (560, false)],
        slashes: vec![],
        span: Some((488, 532)),
        words,
    };
    let page = deskewed_page("niramit_bold_italic_bilevel.png");
    let area = Rect {
        x0: 484,
        y0: 960,
        x1: 532,
        y1: 1001,
    };
    let read = |words| {
        read_run(&read_glyphs(
            &page,
            area,
            (971, 999),
            &centres(words),
            &[],
            None,
        ))
        .text
    };
    // Not known to be a word's letter, it joins the chain; known, it is left to its word.
    assert_eq!(read(vec![]), "๔๙๓");
    assert_eq!(read(vec![(541, 580)]), "๔๙");
    // A sliver of a box over it, or a box beside it, says nothing of it.
    assert_eq!(read(vec![(575, 578)]), "๔๙๓");
    assert_eq!(read(vec![(583, 633)]), "๔๙๓");
}

#[test]
fn a_glyph_the_page_s_digits_vouch_for_joins_the_chain() {
    // TlwgMono low-res, `๖๙๙๗๕` (mono_lowres.jpg), written `๓๓๕๓๕`: the ๖ left of the
    // boxes the model half takes for อ (0.78 no digit), and the chain out from the run
    // stops at it.
    let centres = Centres {
        own: vec![
            (1014, '๓'),
            (1033, '๓'),
            (1044, '๕'),
            (1063, '๓'),
            (1090, '๕'),
        ],
        neighbours: vec![(987, false)],
        slashes: vec![],
        span: Some((1004, 1100)),
        words: vec![],
    };
    let page = deskewed_page("mono_lowres.jpg");
    let area = Rect {
        x0: 1004,
        y0: 331,
        x1: 1100,
        y1: 361,
    };
    let read = |shapes| read_glyphs(&page, area, (339, 359), &centres, &[], shapes);
    let first = read_run(&read(None)).text;
    assert!(!first.starts_with('๖'), "{first}");
    let stopped = read(None).stopped_at;
    let stop = stopped.iter().find(|r| r.digit == '๖');
    let stop = stop.copied().expect("the chain stopped at the ๖");
    // The page's ๖s look just like it: it is one, and the number is the truth's (line 3).
    let like = |d: char| Shapes::new(vec![(stop.ink, d); 4]);
    let sixes = like('๖');
    assert_eq!(read_run(&read(Some(&sixes))).text, "๖๙๙๗๕");
    // Digits of another shape vouch for nothing: the reading is as without them.
    let threes = like('๓');
    assert_eq!(read_run(&read(Some(&threes))).text, first);
}

#[test]
fn a_glyph_of_a_run_the_model_takes_for_no_digit_is_one_where_the_page_s_digits_vouch() {
    // Fahkwang Bold, bilevel: its squat ๓ in `๗๗๓๑` the model took for no digit (0.00), the
    // page's other ๓s read surely. Its ink grid stands in for theirs.
    let mut three = reading(&[('๓', 1.0)]);
    three.ink[5] = 1.0;
    three.p_other = 0.97;
    let page = Shapes::new(vec![(three.ink, '๓'); 4]);
    let mut run = vec![reading(&[('๗', 1.0)]), three];
    vouch(&mut run, &page, false);
    assert_eq!(run[1].p_other, 0.0);
    // Digits of another shape vouch for nothing; nor do the page's ๓s for a glyph read ๘.
    let mut lone = vec![three];
    vouch(
        &mut lone,
        &Shapes::new(vec![([0.5; crate::ocr::digit_classifier::INK], '๓'); 4]),
        false,
    );
    assert_eq!(lone[0].p_other, 0.97);
    let mut eight = vec![Reading {
        digit: '๘',
        ..three
    }];
    vouch(&mut eight, &page, false);
    assert_eq!(eight[0].p_other, 0.97);
}

#[test]
fn a_sliver_narrower_than_a_digit_is_no_digit_of_a_run() {
    // IBM Plex Sans Thai ExtraLight, bilevel: `๙๑` cut into three glyphs, the middle one a
    // piece of the ๙ three pixels wide that the model read ๕ for sure.
    let glyph = |d: char, aspect: f32| Reading {
        aspect,
        ..reading(&[(d, 1.0)])
    };
    let run = |written_count| AreaReading {
        glyphs: vec![glyph('๙', 0.79), glyph('๕', 0.27), glyph('๑', 0.83)],
        written: vec![None; 3],
        written_count,
        periods: vec![false; 3],
        ..AreaReading::default()
    };
    assert_eq!(read_run(&run(2)).text, "๙๑");
    // Where Tesseract wrote a character for each glyph, none is stray.
    assert_eq!(read_run(&run(3)).text, "๙๕๑");
    // A slash is thin too, and stays one.
    let slashed = AreaReading {
        glyphs: vec![glyph('๙', 0.79), glyph('๑', 0.25), glyph('๑', 0.83)],
        slashes: vec![false, true, false],
        ..run(2)
    };
    assert_eq!(read_run(&slashed).text, "๙/๑");
}
