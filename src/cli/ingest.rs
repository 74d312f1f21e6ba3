//! `prakat ingest`: files in parallel, results in input order, chunk by chunk so that memory
//! stays flat however large the batch.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::{files, output, EXIT_SOME_FAILED};

/// Files processed together; their Documents are printed before the next chunk starts.
const CHUNK: usize = 32;

pub fn run(
    paths: &[PathBuf],
    out: Option<&Path>,
    json: bool,
    jobs: Option<usize>,
    index: Option<&Path>,
    words: bool,
) -> anyhow::Result<ExitCode> {
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let options = prakat::ingest::Options { words };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let mut writer = match index {
        Some(dir) => Some(
            prakat::index::PrakatIndex::open_or_create(dir)
                .and_then(|ix| ix.writer())
                .with_context(|| format!("opening the index at {}", dir.display()))?,
        ),
        None => None,
    };
    let (inputs, missing) = files::expand(paths);
    let stdout = std::io::stdout();
    let mut stdout = stdout.lock();
    let mut failed = 0usize;
    let mut ok = 0usize;

    for m in &missing {
        failed += 1;
        let path = m.path.display().to_string();
        if json {
            writeln!(stdout, "{}", output::error_line(&path, &m.error))?;
        } else {
            eprintln!("error: {path}: {}", m.error);
        }
    }

    // Pages are what take time (OCR): the bar counts pages, its length growing as each file
    // is opened; files done are its message.
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} pages {msg} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let progress = PageBar(&bar);
    let mut files_done = 0usize;
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<_> = pool.install(|| {
            chunk
                .par_iter()
                .map(|p| (p, prakat::ingest::ingest_file_with(p, &progress, options)))
                .collect()
        });
        for (path, result) in results {
            files_done += 1;
            bar.set_message(format!("· {files_done}/{} files", inputs.len()));
            let shown = path.display().to_string();
            match result {
                Ok(ingested) => {
                    let d = &ingested.document;
                    if let Some(dir) = out {
                        if let Err(e) = output::write_document(dir, d) {
                            failed += 1;
                            report_error(&mut stdout, &bar, json, &shown, &format!("{e:#}"))?;
                            continue;
                        }
                    }
                    let indexed = match writer.as_mut().map(|w| w.add(d)) {
                        Some(Err(e)) => {
                            failed += 1;
                            report_error(
                                &mut stdout,
                                &bar,
                                json,
                                &shown,
                                &format!("indexing: {e}"),
                            )?;
                            continue;
                        }
                        Some(Ok(outcome)) => Some(outcome),
                        None => None,
                    };
                    ok += 1;
                    if json {
                        writeln!(stdout, "{}", serde_json::to_string(d)?)?;
                    } else {
                        let line = output::summary_line(d, indexed);
                        bar.suspend(|| writeln!(stdout, "{line}"))?;
                    }
                }
                Err(e) => {
                    failed += 1;
                    report_error(&mut stdout, &bar, json, &shown, &e.to_string())?;
                }
            }
        }
        // One commit per chunk: an interrupted run leaves the last commit whole, and a rerun
        // skips what is already in.
        if let Some(w) = writer.as_mut() {
            w.commit().context("committing the index")?;
        }
    }
    if let Some(w) = writer {
        w.finish().context("finishing the index")?;
    }
    bar.finish_and_clear();
    if !json {
        eprintln!("{} files: {ok} read, {failed} failed", ok + failed);
    }
    Ok(if failed > 0 {
        ExitCode::from(EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

fn report_error(
    out: &mut impl Write,
    bar: &ProgressBar,
    json: bool,
    path: &str,
    error: &str,
) -> anyhow::Result<()> {
    if json {
        writeln!(out, "{}", output::error_line(path, error))?;
    } else {
        bar.suspend(|| eprintln!("error: {path}: {error}"));
    }
    Ok(())
}

/// Page progress from the library, shown on the bar.
struct PageBar<'a>(&'a ProgressBar);

impl prakat::ingest::Progress for PageBar<'_> {
    fn pages_found(&self, pages: usize) {
        self.0.inc_length(pages as u64);
    }
    fn page_done(&self) {
        self.0.inc(1);
    }
}
