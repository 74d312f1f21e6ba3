//! The `prakat` command line: parse arguments, call the library, print. Output formats live
//! in `cli/output.rs`, the evaluation report in `cli/eval.rs`.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "prakat",
    version,
    about = "Thai government announcements (ประกาศ) in, structured data out"
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read announcement files (and folders, recursively) into Documents.
    Ingest {
        /// Files or folders. Folders are searched recursively for .txt/.text files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write one Document per input as DIR/<id>.json.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// One Document per line on stdout (NDJSON); failures as {"error", "path"} lines.
        #[arg(long)]
        json: bool,
        /// Worker threads (default: one per core).
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
    },
    /// Report what the pipeline finds in files, and (with --bench) how fast the text path is.
    Eval {
        /// Files or folders (default: fixtures/text).
        paths: Vec<PathBuf>,
        /// Time clean-up + parsing on one core and print pages per second.
        #[arg(long)]
        bench: bool,
        /// Seconds to run the benchmark for.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// One JSON object per line instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Ingest {
            paths,
            out,
            json,
            jobs,
        } => cli::ingest::run(&paths, out.as_deref(), json, jobs),
        Command::Eval {
            paths,
            bench,
            seconds,
            json,
        } => cli::eval::run(&paths, bench, seconds, json),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("prakat: {e:#}");
            ExitCode::from(cli::EXIT_FAILURE)
        }
    }
}
