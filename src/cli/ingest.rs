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
) -> anyhow::Result<ExitCode> {
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
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

    let bar = ProgressBar::new(inputs.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<_> = pool.install(|| {
            chunk
                .par_iter()
                .map(|p| (p, prakat::ingest::ingest_file(p)))
                .collect()
        });
        for (path, result) in results {
            bar.inc(1);
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
