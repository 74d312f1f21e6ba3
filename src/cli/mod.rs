//! The binary's commands. Exit codes: 0 all inputs succeeded; 1 some input failed (the others
//! were still processed); 2 bad usage (from clap) or a failure before any input was read.

pub mod eval;
pub mod files;
pub mod ingest;
pub mod output;

pub const EXIT_SOME_FAILED: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;
