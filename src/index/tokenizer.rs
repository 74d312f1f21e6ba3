//! The Thai tokenizers registered in tantivy, used at index and query time alike.
//!
//! - `thai_words`: ICU4X dictionary segmentation (see `thai::segment`), each word normalised:
//!   Thai digits → Arabic, Latin lowercased. Unknown runs (OCR damage) still come out as
//!   tokens: the segmenter never drops text.
//! - `thai_bigrams`: overlapping character bigrams over Thai runs, whole tokens for numbers and
//!   Latin words, positions one apart so that phrase queries work. A query matches here
//!   however the segmenter splits its words, in the query or in the text — the words field
//!   alone misses queries segmented differently in context.
//!
//! - `thai_skeleton`: the same bigrams over the text without tone marks and above/below
//!   vowels, for the OCR-tolerant search: a lost or invented mark does not change them.
//!
//! Text reaching these tokenizers has been through `thai::clean` (ำ composed, invisible
//! characters dropped): the index stores cleaned Documents, and `normalize_query` cleans
//! queries.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::thai::clean::{self, is_thai_letter};
use crate::thai::digits::to_arabic;
use crate::thai::segment::{word_spans, Model};

pub const WORDS: &str = "thai_words";
pub const BIGRAMS: &str = "thai_bigrams";
pub const SKELETON: &str = "thai_skeleton";

/// Longest token kept, in bytes: longer runs are junk (OCR noise, base64).
const MAX_TOKEN_BYTES: usize = 120;

/// The normal form of one token: Arabic digits, lowercase.
pub fn normalize_token(s: &str) -> String {
    to_arabic(s).to_lowercase()
}

/// A query string cleaned as Documents are (ำ, NFC, invisible characters).
pub fn normalize_query(q: &str) -> String {
    clean::clean(q).0
}

/// A token stream over tokens computed up front.
pub struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }
    // tantivy reads the token only after `advance` returned true, so `next - 1` is in range.
    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

fn stream(tokens: Vec<Token>) -> VecTokenStream {
    VecTokenStream { tokens, next: 0 }
}

/// Words as the dictionary segmenter finds them.
pub fn word_tokens(text: &str) -> Vec<Token> {
    word_spans(text, Model::Dictionary)
        .into_iter()
        .filter(|(s, e)| e - s <= MAX_TOKEN_BYTES)
        .enumerate()
        .map(|(position, (s, e))| Token {
            offset_from: s,
            offset_to: e,
            position,
            text: normalize_token(&text[s..e]),
            position_length: 1,
        })
        .collect()
}

/// Character bigrams over Thai runs; numbers and Latin words whole.
pub fn bigram_tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let push = |tokens: &mut Vec<Token>, from: usize, to: usize, t: String| {
        let position = tokens.len();
        tokens.push(Token {
            offset_from: from,
            offset_to: to,
            position,
            text: t,
            position_length: 1,
        });
    };
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |(b, _)| *b);
    while i < chars.len() {
        let c = chars[i].1;
        if is_thai_letter(c) {
            let start = i;
            while i < chars.len() && is_thai_letter(chars[i].1) {
                i += 1;
            }
            if i - start == 1 {
                push(&mut tokens, chars[start].0, end_of(i), c.to_string());
            }
            for (k, &(from, _)) in chars
                .iter()
                .enumerate()
                .take(i.saturating_sub(1))
                .skip(start)
            {
                let to = end_of(k + 2);
                push(&mut tokens, from, to, text[from..to].to_string());
            }
        } else if c.is_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].1.is_alphanumeric() && !is_thai_letter(chars[i].1) {
                i += 1;
            }
            let (from, to) = (chars[start].0, end_of(i));
            if to - from <= MAX_TOKEN_BYTES {
                push(&mut tokens, from, to, normalize_token(&text[from..to]));
            }
        } else {
            i += 1;
        }
    }
    tokens
}

/// The text without Thai tone marks and above/below vowels: what survives an OCR engine that
/// loses or invents marks.
pub fn strip_marks(text: &str) -> String {
    text.chars()
        .filter(|c| !clean::is_combining_mark(*c))
        .collect()
}

/// Bigrams of the text without its marks.
pub fn skeleton_tokens(text: &str) -> Vec<Token> {
    bigram_tokens(&strip_marks(text))
}

/// A tantivy tokenizer made of one of the functions above.
#[derive(Clone, Copy)]
pub struct FnTokenizer(pub fn(&str) -> Vec<Token>);

impl Tokenizer for FnTokenizer {
    type TokenStream<'a> = VecTokenStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        stream((self.0)(text))
    }
}

/// Registers the tokenizers on an index.
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(WORDS, FnTokenizer(word_tokens));
    index
        .tokenizers()
        .register(BIGRAMS, FnTokenizer(bigram_tokens));
    index
        .tokenizers()
        .register(SKELETON, FnTokenizer(skeleton_tokens));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tokens: &[Token]) -> Vec<&str> {
        tokens.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn words_keep_tone_marks_and_normalise_digits() {
        let t = word_tokens("ผู้ว่าราชการจังหวัดภูเก็ต มาตรา ๖๕ E-Service");
        let w = texts(&t);
        assert!(w.contains(&"จังหวัด"), "{w:?}");
        assert!(
            w.contains(&"65") && w.contains(&"e") && w.contains(&"service"),
            "{w:?}"
        );
        assert!(w.iter().all(|x| !x.is_empty()));
        assert_eq!(
            word_tokens("มาตรา 65").last().map(|t| t.text.clone()),
            t.iter().find(|x| x.text == "65").map(|t| t.text.clone())
        );
    }

    #[test]
    fn bigrams_overlap_with_consecutive_positions() {
        let t = bigram_tokens("ภูเก็ต ๖๕");
        assert_eq!(texts(&t), ["ภู", "ูเ", "เก", "ก็", "็ต", "65"]);
        assert!(t.iter().enumerate().all(|(i, x)| x.position == i));
        assert_eq!(texts(&bigram_tokens("ก")), ["ก"]);
    }

    #[test]
    fn skeleton_bigrams_ignore_marks() {
        assert_eq!(
            texts(&skeleton_tokens("วันที่")),
            texts(&skeleton_tokens("วันที"))
        );
        assert_eq!(
            texts(&skeleton_tokens("จังหวด")),
            texts(&skeleton_tokens("จงหวด"))
        );
    }

    #[test]
    fn queries_are_cleaned_like_documents() {
        assert_eq!(normalize_query("สํานัก"), "สำนัก");
    }

    #[test]
    fn the_token_stream_yields_every_token_once() {
        let mut tz = FnTokenizer(word_tokens);
        let mut s = tz.token_stream("ลดธงครึ่งเสา");
        let mut n = 0;
        while s.advance() {
            n += 1;
            assert!(!s.token().text.is_empty());
        }
        assert_eq!(n, word_tokens("ลดธงครึ่งเสา").len());
        let mut empty = tz.token_stream("");
        assert!(!empty.advance());
    }
}
