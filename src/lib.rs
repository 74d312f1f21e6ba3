//! prakat: Thai government announcements (ประกาศ) in, structured Documents out.
pub mod compare;
pub mod dictionaries;
pub mod document;
pub mod error;
pub mod families;
pub mod index;
pub mod ingest;
pub mod ocr;
pub mod parse;
pub mod source;
pub mod synth;
pub mod thai;
pub mod timing;
