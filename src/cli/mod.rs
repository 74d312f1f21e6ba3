//! The binary's commands. Exit codes: 0 all inputs succeeded (search: something found); 1 some
//! input failed, the others still processed (search: nothing found); 2 bad usage (from clap),
//! a malformed query, or a failure before any input was read.

pub mod columns;
pub mod compare;
pub mod eval;
pub mod eval_compare;
pub mod eval_ocr;
pub mod eval_search;
pub mod families;
pub mod files;
pub mod ingest;
pub mod output;
pub mod search;

pub const EXIT_SOME_FAILED: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;
