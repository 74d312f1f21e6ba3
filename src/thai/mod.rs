//! Thai text: digits, dates and clean-up. No I/O and no other module's types, so that each
//! function can be tested alone and reused by the parser and the index alike.

pub mod clean;
pub mod dates;
pub mod digits;
pub mod ocr_fixes;
pub mod segment;
