//! `prakat search` and `prakat index`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use prakat::document::Document;
use prakat::index::search::{Hit, SearchOptions};
use prakat::index::{IndexError, PrakatIndex};
use serde_json::json;

use super::{EXIT_FAILURE, EXIT_SOME_FAILED};

fn hit_json(h: &Hit) -> serde_json::Value {
    json!({
        "id": h.id, "path": h.path, "issuer": h.issuer, "province": h.province, "kind": h.kind,
        "date": h.date, "section": h.section, "number": h.number, "label": h.label, "page": h.page,
        "score": h.score, "snippet": h.snippet.render("<b>", "</b>"),
        "highlights": h.snippet.highlights, "snippet_text": h.snippet.text,
    })
}

pub fn run(
    query: &str,
    index: &Path,
    limit: usize,
    fuzzy: bool,
    facets: bool,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let ix = PrakatIndex::open(index)?;
    let opts = SearchOptions {
        limit,
        fuzzy,
        facets,
        ..SearchOptions::default()
    };
    let results = match ix.searcher().and_then(|s| s.search(query, &opts)) {
        Ok(r) => r,
        Err(IndexError::Query(m)) => {
            eprintln!("prakat: bad query: {m}");
            return Ok(ExitCode::from(EXIT_FAILURE));
        }
        Err(e) => return Err(e.into()),
    };
    let mut out = std::io::stdout().lock();
    let bold = std::io::stdout().is_terminal();
    for h in &results.hits {
        if json {
            writeln!(out, "{}", hit_json(h))?;
            continue;
        }
        let place = match (&h.section, &h.label) {
            (Some(s), Some(l)) => format!("{s} › {l}"),
            (None, Some(l)) => l.clone(),
            _ => "(document)".to_string(),
        };
        writeln!(
            out,
            "{} | {} | {place} | {:.2}\n    {}",
            h.issuer.as_deref().unwrap_or("-"),
            h.date.as_deref().unwrap_or("no date"),
            h.score,
            if bold {
                h.snippet.render("\x1b[1m", "\x1b[0m")
            } else {
                h.snippet.render("[", "]")
            }
        )?;
    }
    if let Some(f) = &results.facets {
        if json {
            writeln!(
                out,
                "{}",
                json!({"facets": {"province": f.province, "kind": f.kind, "year": f.year}})
            )?;
        } else {
            for (name, counts) in [
                ("province", &f.province),
                ("kind", &f.kind),
                ("year (B.E.)", &f.year),
            ] {
                let list: Vec<String> = counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
                writeln!(out, "{name}: {}", list.join(", "))?;
            }
        }
    }
    if !json {
        match results.total {
            Some(t) => eprintln!("{} shown of {t} matching entries", results.hits.len()),
            None => eprintln!("{} shown", results.hits.len()),
        }
    }
    Ok(if results.hits.is_empty() {
        ExitCode::from(EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// `prakat index`: Documents as JSON files (or folders of them) into the index.
pub fn index_json(paths: &[PathBuf], index: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let ix = PrakatIndex::open_or_create(index)?;
    let mut writer = ix
        .writer()
        .with_context(|| format!("opening the index at {}", index.display()))?;
    let mut inputs = Vec::new();
    for p in paths {
        if p.is_dir() {
            for e in walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json") {
                    inputs.push(e.into_path());
                }
            }
        } else {
            inputs.push(p.clone());
        }
    }
    let (mut added, mut failed) = (0usize, 0usize);
    let mut out = std::io::stdout().lock();
    for (i, p) in inputs.iter().enumerate() {
        let result = std::fs::read_to_string(p)
            .map_err(anyhow::Error::from)
            .and_then(|s| serde_json::from_str::<Document>(&s).map_err(anyhow::Error::from))
            .and_then(|d| writer.add(&d).map_err(anyhow::Error::from));
        let shown = p.display().to_string();
        match result {
            Ok(outcome) => {
                added += 1;
                if json {
                    writeln!(
                        out,
                        "{}",
                        json!({"path": shown, "outcome": format!("{outcome:?}").to_lowercase()})
                    )?;
                }
            }
            Err(e) => {
                failed += 1;
                if json {
                    writeln!(
                        out,
                        "{}",
                        super::output::error_line(&shown, &format!("{e:#}"))
                    )?;
                } else {
                    eprintln!("error: {shown}: {e:#}");
                }
            }
        }
        if (i + 1) % 32 == 0 {
            writer.commit()?;
        }
    }
    writer.commit()?;
    writer.finish()?;
    if !json {
        eprintln!(
            "{} Documents: {added} indexed, {failed} failed",
            added + failed
        );
    }
    Ok(if failed > 0 {
        ExitCode::from(EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}
