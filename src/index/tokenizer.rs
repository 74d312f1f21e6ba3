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

/// Writes the normal form of one token (`normalize_token`) into `out`, without the two
/// intermediate strings: Thai letters (no case) and ASCII are handled directly, anything
/// else as `str::to_lowercase` would.
pub fn normalize_into(s: &str, out: &mut String) {
    if !s
        .chars()
        .all(|c| c.is_ascii() || ('\u{0E00}'..='\u{0E7F}').contains(&c))
    {
        out.push_str(&normalize_token(s));
        return;
    }
    out.reserve(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if ('\u{0E50}'..='\u{0E59}').contains(&c) {
            out.push(char::from(b'0' + (c as u32 - 0x0E50) as u8));
        } else {
            out.push(c);
        }
    }
}

/// Where one token lies in a text, and whether its text is normalised (words, numbers,
/// Latin) or taken as it is (Thai bigrams).
#[derive(Debug, Clone, Copy)]
struct Span {
    from: usize,
    to: usize,
    normalise: bool,
}

/// Words as the dictionary segmenter finds them.
fn word_token_spans(text: &str) -> Vec<Span> {
    word_spans(text, Model::Dictionary)
        .into_iter()
        .filter(|(s, e)| e - s <= MAX_TOKEN_BYTES)
        .map(|(from, to)| Span {
            from,
            to,
            normalise: true,
        })
        .collect()
}

/// Character bigrams over Thai runs (a lone Thai letter as itself); numbers and Latin words
/// whole.
fn bigram_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |(b, _)| *b);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if is_thai_letter(c) {
            let start = i;
            while i < chars.len() && is_thai_letter(chars[i].1) {
                i += 1;
            }
            if i - start == 1 {
                spans.push(Span {
                    from: chars[start].0,
                    to: end_of(i),
                    normalise: false,
                });
            }
            for (k, &(from, _)) in chars
                .iter()
                .enumerate()
                .take(i.saturating_sub(1))
                .skip(start)
            {
                spans.push(Span {
                    from,
                    to: end_of(k + 2),
                    normalise: false,
                });
            }
        } else if c.is_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].1.is_alphanumeric() && !is_thai_letter(chars[i].1) {
                i += 1;
            }
            let (from, to) = (chars[start].0, end_of(i));
            if to - from <= MAX_TOKEN_BYTES {
                spans.push(Span {
                    from,
                    to,
                    normalise: true,
                });
            }
        } else {
            i += 1;
        }
    }
    spans
}

/// The tokens of spans, positions one apart.
fn tokens(text: &str, spans: &[Span]) -> Vec<Token> {
    spans
        .iter()
        .enumerate()
        .map(|(position, sp)| {
            let mut t = String::new();
            write_span(text, sp, &mut t);
            Token {
                offset_from: sp.from,
                offset_to: sp.to,
                position,
                text: t,
                position_length: 1,
            }
        })
        .collect()
}

fn write_span(text: &str, sp: &Span, out: &mut String) {
    let s = &text[sp.from..sp.to];
    if sp.normalise {
        normalize_into(s, out);
    } else {
        out.push_str(s);
    }
}

/// Words as the dictionary segmenter finds them, normalised.
pub fn word_tokens(text: &str) -> Vec<Token> {
    tokens(text, &word_token_spans(text))
}

/// Character bigrams over Thai runs; numbers and Latin words whole.
pub fn bigram_tokens(text: &str) -> Vec<Token> {
    tokens(text, &bigram_spans(text))
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
    let stripped = strip_marks(text);
    tokens(&stripped, &bigram_spans(&stripped))
}

/// The three tokenizers, as tantivy sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThaiTokenizer {
    Words,
    Bigrams,
    Skeleton,
}

/// A token stream that writes each token into one reused `Token`: indexing makes millions of
/// tokens, and a string allocated and freed for each one took a sixth of the indexing time
/// (glibc's malloc and free in `perf`).
pub struct SpanStream<'a> {
    text: std::borrow::Cow<'a, str>,
    spans: Vec<Span>,
    next: usize,
    token: Token,
}

impl TokenStream for SpanStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(sp) = self.spans.get(self.next) else {
            return false;
        };
        self.token.offset_from = sp.from;
        self.token.offset_to = sp.to;
        self.token.position = self.next;
        self.token.text.clear();
        write_span(&self.text, sp, &mut self.token.text);
        self.next += 1;
        true
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for ThaiTokenizer {
    type TokenStream<'a> = SpanStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> SpanStream<'a> {
        let (text, spans) = match self {
            ThaiTokenizer::Words => (text.into(), word_token_spans(text)),
            ThaiTokenizer::Bigrams => (text.into(), bigram_spans(text)),
            ThaiTokenizer::Skeleton => {
                let stripped = strip_marks(text);
                let spans = bigram_spans(&stripped);
                (stripped.into(), spans)
            }
        };
        SpanStream {
            text,
            spans,
            next: 0,
            token: Token::default(),
        }
    }
}

/// Registers the tokenizers on an index.
pub fn register(index: &tantivy::Index) {
    let t = index.tokenizers();
    t.register(WORDS, ThaiTokenizer::Words);
    t.register(BIGRAMS, ThaiTokenizer::Bigrams);
    t.register(SKELETON, ThaiTokenizer::Skeleton);
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

    /// Every token of a tokenizer's stream, as (text, from, to, position).
    fn streamed(kind: ThaiTokenizer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut tz = kind;
        let mut s = tz.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            let t = s.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    fn listed(tokens: Vec<Token>) -> Vec<(String, usize, usize, usize)> {
        tokens
            .into_iter()
            .map(|t| (t.text, t.offset_from, t.offset_to, t.position))
            .collect()
    }

    #[test]
    fn the_token_stream_yields_what_queries_are_tokenized_into() {
        // Indexing streams tokens into one reused Token; queries list them. A token left over
        // from the one before, or a position off by one, would make a query miss.
        let text = "ผู้ว่าราชการจังหวัดภูเก็ต มาตรา ๖๕ E-Service ก จังหวด ๒๕๖๗";
        assert_eq!(
            streamed(ThaiTokenizer::Words, text),
            listed(word_tokens(text))
        );
        assert_eq!(
            streamed(ThaiTokenizer::Bigrams, text),
            listed(bigram_tokens(text))
        );
        assert_eq!(
            streamed(ThaiTokenizer::Skeleton, text),
            listed(skeleton_tokens(text))
        );
        let mut tz = ThaiTokenizer::Words;
        let mut empty = tz.token_stream("");
        assert!(!empty.advance());
    }

    proptest::proptest! {
        #[test]
        fn normalising_in_place_is_normalize_token(s in "[ก-๛a-zA-Z0-9ΣσßİÀ -]{0,12}") {
            let mut out = String::from("x");
            normalize_into(&s, &mut out);
            proptest::prop_assert_eq!(out, format!("x{}", normalize_token(&s)));
        }
    }
}
