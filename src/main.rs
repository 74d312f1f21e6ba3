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
        /// The search index to add the Documents to.
        #[arg(long, value_name = "DIR", default_value = prakat::index::DEFAULT_DIR)]
        index: PathBuf,
        /// Do not touch the search index.
        #[arg(long)]
        no_index: bool,
        /// Keep every word OCR read, with Tesseract's confidence in it, in the Documents
        /// (pages[].words): for reviewing doubtful words; it makes an OCR'd Document about
        /// five times larger.
        #[arg(long)]
        words: bool,
    },
    /// Add Documents made elsewhere (JSON files, or folders of them) to the search index.
    Index {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_name = "DIR", default_value = prakat::index::DEFAULT_DIR)]
        index: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Search clauses and documents. Query: words, "phrases", -excluded, and filters
    /// province:ภูเก็ต kind:pao year:2566 (or 2560..2566) date:2023-01-01..2023-06-30
    /// issuer:… section:… clause:1.2
    Search {
        query: String,
        #[arg(long, value_name = "DIR", default_value = prakat::index::DEFAULT_DIR)]
        index: PathBuf,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Tolerate OCR errors: words within one edit, or most of their letter pairs.
        #[arg(long)]
        fuzzy: bool,
        /// Also count the matching clauses (and documents) by province, kind and year.
        #[arg(long)]
        facets: bool,
        /// Same as province:P in the query.
        #[arg(long)]
        province: Option<String>,
        /// Same as kind:K in the query.
        #[arg(long)]
        kind: Option<String>,
        /// Same as year:Y in the query.
        #[arg(long)]
        year: Option<String>,
        /// One hit per line as JSON (then one {"facets": …} line with --facets).
        #[arg(long)]
        json: bool,
    },
    /// Align the clauses of two Documents (files or ids in the index), or of two selections
    /// from the index (--a province:ภูเก็ต --b kind:sao), by content.
    Compare {
        /// A file or a Document id (omit with --a).
        a: Option<String>,
        /// A file or a Document id (omit with --b).
        b: Option<String>,
        /// Side A as an index query (filters and words), instead of a file or id.
        #[arg(long = "a", value_name = "QUERY")]
        a_query: Option<String>,
        /// Side B as an index query.
        #[arg(long = "b", value_name = "QUERY")]
        b_query: Option<String>,
        #[arg(long, value_name = "DIR", default_value = prakat::index::DEFAULT_DIR)]
        index: PathBuf,
        /// Pairs less similar than this (0–1) are not aligned.
        #[arg(long, default_value_t = prakat::compare::DEFAULT_THRESHOLD)]
        threshold: f64,
        #[arg(long, conflicts_with = "html")]
        json: bool,
        /// A self-contained HTML page on stdout.
        #[arg(long)]
        html: bool,
    },
    /// The clauses in the index most similar to a text, or to a clause given as DOC_ID#NUMBER.
    Similar {
        text: String,
        #[arg(long, value_name = "DIR", default_value = prakat::index::DEFAULT_DIR)]
        index: PathBuf,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Group every clause in the index into families of near-duplicates (the same template
    /// clause as written by different agencies).
    Families {
        #[arg(long, value_name = "DIR", default_value = prakat::index::DEFAULT_DIR)]
        index: PathBuf,
        /// Show families of at least this many clauses.
        #[arg(long, default_value_t = 2)]
        min_size: usize,
        /// Show at most this many families, largest first.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Also list, for each family, the agencies in the index that lack it.
        #[arg(long)]
        missing: bool,
        #[arg(long)]
        json: bool,
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
        /// For scans with a truth text: measure each OCR repair rule by leaving it out.
        #[arg(long)]
        ocr_rules: bool,
        /// Score ICU4X's Thai segmentation models against hand-segmented sentences
        /// (fixtures/segmentation/seeds-gold.txt) instead of reading files.
        #[arg(long)]
        segmentation: bool,
        /// Score clause alignment against fixtures/compare/gold.tsv: precision and recall.
        #[arg(long = "compare")]
        compare_eval: bool,
        /// Run the judged query set (fixtures/search/judged.tsv): recall@5 and MRR.
        #[arg(long)]
        search: bool,
        /// Benchmark the index on a synthetic corpus of N clauses.
        #[arg(long, value_name = "N")]
        search_bench: Option<usize>,
        /// Keep the benchmark index in this (new) folder, to search it afterwards.
        #[arg(long, value_name = "DIR")]
        keep_index: Option<PathBuf>,
        /// Benchmark `families` on a synthetic corpus of N clauses with known templates.
        #[arg(long, value_name = "N")]
        families_bench: Option<usize>,
        /// Seed of the synthetic corpus (benchmarks).
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Time the judged queries on an existing index (20 rounds).
        #[arg(long, value_name = "DIR")]
        latency: Option<PathBuf>,
        /// One JSON object per line instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// Tesseract's OpenMP threads fight the page-level parallelism (2–4× slower on 2 cores), and
/// libgomp reads OMP_THREAD_LIMIT only when the process starts: without it, run again with it.
fn reexec_with_one_omp_thread() -> Option<ExitCode> {
    if std::env::var_os("OMP_THREAD_LIMIT").is_some() {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("OMP_THREAD_LIMIT", "1")
        .status()
        .ok()?;
    Some(ExitCode::from(
        status
            .code()
            .map_or(cli::EXIT_FAILURE, |c| c.clamp(0, 255) as u8),
    ))
}

fn main() -> ExitCode {
    if let Some(code) = reexec_with_one_omp_thread() {
        return code;
    }
    let code = run();
    prakat::ocr::release_engines();
    code
}

fn run() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Ingest {
            paths,
            out,
            json,
            jobs,
            index,
            no_index,
            words,
        } => cli::ingest::run(
            &paths,
            out.as_deref(),
            json,
            jobs,
            (!no_index).then_some(index.as_path()),
            words,
        ),
        Command::Index { paths, index, json } => cli::search::index_json(&paths, &index, json),
        Command::Search {
            query,
            index,
            limit,
            fuzzy,
            facets,
            province,
            kind,
            year,
            json,
        } => {
            let mut q = query;
            for (name, v) in [("province", province), ("kind", kind), ("year", year)] {
                if let Some(v) = v {
                    q.push_str(&format!(" {name}:\"{v}\""));
                }
            }
            cli::search::run(&q, &index, limit, fuzzy, facets, json)
        }
        Command::Compare {
            a,
            b,
            a_query,
            b_query,
            index,
            threshold,
            json,
            html,
        } => (|| {
            let side =
                |plain: Option<String>, query: Option<String>, name: &str| match (plain, query) {
                    (Some(p), None) => cli::compare::resolve(&p, false, &index),
                    (None, Some(q)) => cli::compare::resolve(&q, true, &index),
                    _ => anyhow::bail!(
                        "give side {name} once: a file or Document id, or --{name} QUERY"
                    ),
                };
            // With --a, the first positional argument (if any) is side B.
            let (a, b) = match (&a_query, a, b) {
                (Some(_), Some(first), None) => (None, Some(first)),
                (_, a, b) => (a, b),
            };
            let sa = side(a, a_query, "a")?;
            let sb = side(b, b_query, "b")?;
            cli::compare::run(&sa, &sb, threshold, json, html)
        })(),
        Command::Similar {
            text,
            index,
            limit,
            json,
        } => cli::compare::similar(&text, &index, limit, json),
        Command::Families {
            index,
            min_size,
            limit,
            missing,
            json,
        } => cli::families::run(&index, min_size, limit, missing, json),
        Command::Eval {
            families_bench: Some(n),
            seed,
            json,
            ..
        } => cli::families::bench(n, seed, json),
        Command::Eval {
            segmentation: true,
            json,
            ..
        } => cli::eval::segmentation(json),
        Command::Eval {
            search: true, json, ..
        } => cli::eval_search::judged(json),
        Command::Eval {
            compare_eval: true,
            json,
            ..
        } => cli::eval_compare::run(prakat::compare::DEFAULT_THRESHOLD, json),
        Command::Eval {
            latency: Some(dir),
            json,
            ..
        } => cli::eval_search::latency(&dir, json),
        Command::Eval {
            search_bench: Some(n),
            keep_index,
            seed,
            json,
            ..
        } => cli::eval_search::bench(n, keep_index.as_deref(), seed, json),
        Command::Eval {
            paths,
            bench,
            seconds,
            ocr_rules,
            json,
            ..
        } => cli::eval::run(&paths, bench, seconds, ocr_rules, json),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("prakat: {e:#}");
            ExitCode::from(cli::EXIT_FAILURE)
        }
    }
}
