//! Text files in the encodings Thai archives hold: UTF-8 (with or without BOM), UTF-16 with a
//! BOM, and the legacy single-byte Thai encoding TIS-620 / Windows-874 (its superset).
//!
//! The legacy encoding is detected, not assumed: chardetng (Firefox's detector) guesses, and
//! the guess is accepted only if the decoded text is plausibly Thai. Anything else is an
//! [`Error::UnknownEncoding`] rather than mojibake in the index.

use crate::error::{Error, Result};

pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Control characters other than tab, line feed, form feed and carriage return.
fn is_binary_control(c: char) -> bool {
    (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r' | '\u{000C}') || c == '\u{7F}'
}

fn check_not_binary(text: &str) -> Result<()> {
    let sample: Vec<char> = text.chars().take(65_536).collect();
    let controls = sample.iter().filter(|c| is_binary_control(**c)).count();
    if sample.contains(&'\0') || controls * 100 > sample.len().max(1) {
        return Err(Error::Binary(format!(
            "{controls} control characters in the first {} characters",
            sample.len()
        )));
    }
    Ok(())
}

/// Share of Thai letters among the non-ASCII characters, and whether every Thai combining
/// mark follows a Thai letter or mark — the shape real Thai text always has.
pub(crate) fn looks_thai(text: &str) -> bool {
    let mut non_ascii = 0usize;
    let mut thai = 0usize;
    let mut bad_marks = 0usize;
    let mut prev = ' ';
    for c in text.chars() {
        if !c.is_ascii() {
            non_ascii += 1;
            if ('\u{0E01}'..='\u{0E5B}').contains(&c) {
                thai += 1;
                if crate::thai::clean::is_combining_mark(c)
                    && !('\u{0E01}'..='\u{0E4F}').contains(&prev)
                {
                    bad_marks += 1;
                }
            }
        }
        prev = c;
    }
    non_ascii > 0 && thai * 100 >= non_ascii * 95 && bad_marks * 50 <= thai
}

/// Decodes a text file's bytes, detecting the encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(Error::UnknownEncoding(format!(
                "a {} byte-order mark, but invalid {} after it",
                enc.name(),
                enc.name()
            )));
        }
        check_not_binary(&text)?;
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        check_not_binary(text)?;
        return Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
        });
    }
    if bytes.contains(&0) {
        return Err(Error::Binary("NUL bytes and no byte-order mark".into()));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"th"), false);
    let (text, _, had_errors) = encoding_rs::WINDOWS_874.decode(bytes);
    if guess == encoding_rs::WINDOWS_874 && !had_errors && looks_thai(&text) {
        check_not_binary(&text)?;
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: "windows-874",
        });
    }
    Err(Error::UnknownEncoding(format!(
        "the bytes look most like {}",
        guess.name()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    const THAI: &str =
        "ประกาศจังหวัดภูเก็ต\nเรื่อง มาตรการสร้างความโปร่งใสในการปฏิบัติราชการ ๑๓ มีนาคม พ.ศ. ๒๕๖๖\n";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode(THAI.as_bytes()).map(|d| d.text).ok().as_deref(),
            Some(THAI)
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(THAI.as_bytes());
        let d = decode(&bom).expect("decodes");
        assert_eq!(d.text, THAI);
    }

    #[test]
    fn tis620_is_detected() {
        let (bytes, _, bad) = encoding_rs::WINDOWS_874.encode(THAI);
        assert!(!bad);
        let d = decode(&bytes).expect("decodes");
        assert_eq!(d.encoding, "windows-874");
        assert_eq!(d.text, THAI);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in THAI.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).expect("decodes").text, THAI);
    }

    #[test]
    fn empty_binary_and_unknown_are_errors() {
        assert!(matches!(decode(b""), Err(Error::Empty)));
        assert!(matches!(decode(b" \n\t"), Err(Error::Empty)));
        assert!(matches!(
            decode(&[0x00, 0x01, 0x02, 0x80, 0xFF, 0x13]),
            Err(Error::Binary(_))
        ));
        // Russian in Windows-1251: valid bytes, wrong script for this pipeline.
        let (cyr, _, _) =
            encoding_rs::WINDOWS_1251.encode("Объявление губернатора о мерах прозрачности");
        assert!(matches!(decode(&cyr), Err(Error::UnknownEncoding(_))));
    }
}
