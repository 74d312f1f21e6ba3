//! `prakat eval --compare`: precision and recall of clause alignment against the hand-made
//! alignments of `fixtures/compare/gold.tsv`.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use prakat::compare::{self, ClauseRef};
use serde_json::json;

const GOLD: &str = "fixtures/compare/gold.tsv";
const CORPUS: &str = "fixtures/text";

fn file_with_prefix(prefix: &str) -> anyhow::Result<PathBuf> {
    std::fs::read_dir(CORPUS)?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{prefix}_")))
        })
        .with_context(|| format!("no file {prefix}_* in {CORPUS}"))
}

fn clauses(prefix: &str) -> anyhow::Result<Vec<ClauseRef>> {
    let d = prakat::ingest::ingest_file(&file_with_prefix(prefix)?)?.document;
    Ok(compare::clause_refs(&d))
}

/// The index of the clause a gold reference (`NUMBER` or `SECTION-PART#NUMBER`) names.
fn find(cs: &[ClauseRef], r: &str) -> anyhow::Result<usize> {
    let (section, number) = match r.rsplit_once('#') {
        Some((s, n)) => (Some(s.trim()), n.trim()),
        None => (None, r.trim()),
    };
    let hits: Vec<usize> = cs
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.number == number
                && match section {
                    Some(s) => c.section.as_deref().is_some_and(|x| x.contains(s)),
                    None => c.section.is_none(),
                }
        })
        .map(|(i, _)| i)
        .collect();
    match hits.as_slice() {
        [one] => Ok(*one),
        _ => anyhow::bail!("{GOLD}: '{r}' names {} clauses", hits.len()),
    }
}

pub fn run(threshold: f64, json: bool) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(GOLD).with_context(|| format!("reading {GOLD}"))?;
    let mut out = std::io::stdout().lock();
    let (mut tp, mut fp, mut fnn, mut judged) = (0usize, 0usize, 0usize, 0usize);
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [fa, fb, pairs] = cols.as_slice() else {
            anyhow::bail!("{GOLD}: expected 3 tab-separated columns in '{line}'");
        };
        let (a, b) = (clauses(fa)?, clauses(fb)?);
        let mut gold = HashSet::new();
        for p in pairs.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (x, y) = p
                .split_once('=')
                .with_context(|| format!("{GOLD}: '{p}' is not A=B"))?;
            gold.insert((find(&a, x)?, find(&b, y)?));
        }
        let predicted: HashSet<(usize, usize)> = compare::align(&a, &b, threshold)
            .pairs
            .iter()
            .map(|p| (p.a, p.b))
            .collect();
        let t = predicted.intersection(&gold).count();
        let (f_p, f_n) = (predicted.len() - t, gold.len() - t);
        tp += t;
        fp += f_p;
        fnn += f_n;
        judged += a.len() * b.len();
        if json {
            writeln!(
                out,
                "{}",
                json!({"a": fa, "b": fb, "true_positives": t, "false_positives": f_p, "false_negatives": f_n})
            )?;
        } else {
            writeln!(
                out,
                "{fa} × {fb}: {t} aligned as by hand, {f_p} aligned wrongly, {f_n} missed"
            )?;
        }
    }
    let precision = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fnn == 0 {
        0.0
    } else {
        tp as f64 / (tp + fnn) as f64
    };
    if json {
        writeln!(
            out,
            "{}",
            json!({"clause_pairs_judged": judged, "threshold": threshold, "precision": precision, "recall": recall})
        )?;
    } else {
        writeln!(out, "\n{judged} clause pairs judged (threshold {threshold}): precision {precision:.3}, recall {recall:.3}")?;
    }
    Ok(ExitCode::SUCCESS)
}
