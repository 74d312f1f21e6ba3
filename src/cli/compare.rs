//! `prakat compare A B`: align the clauses of two Documents (files, or ids in the index) or of
//! two selections from the index (`--a province:ภูเก็ต --b kind:sao`), and show the pairs with
//! their word diffs and what only one side has — as text, `--json` or a self-contained
//! `--html` page.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use prakat::compare::{self, Alignment, ClauseRef, DiffPart, Op};
use prakat::index::PrakatIndex;
use serde_json::json;

use super::columns;

/// The most clauses one side may hold (all-pairs similarity is quadratic).
const MAX_CLAUSES: usize = 5_000;

pub struct Side {
    pub name: String,
    pub clauses: Vec<ClauseRef>,
}

/// A file (ingested now), or a Document id or a query over the index.
pub fn resolve(spec: &str, is_query: bool, index: &Path) -> anyhow::Result<Side> {
    let path = Path::new(spec);
    if !is_query && path.is_file() {
        let d = prakat::ingest::ingest_file(path)?.document;
        let clauses = compare::clause_refs(&d);
        return Ok(Side {
            name: d.id,
            clauses,
        });
    }
    let ix = PrakatIndex::open(index)?;
    let q = if is_query {
        spec.to_string()
    } else {
        format!("id:{spec}")
    };
    let clauses = ix.searcher()?.clauses(&q, MAX_CLAUSES)?;
    if clauses.is_empty() {
        anyhow::bail!(
            "'{spec}' is not a file, and {} no clauses in the index at {}",
            if is_query {
                "selects"
            } else {
                "as a Document id has"
            },
            index.display()
        );
    }
    Ok(Side {
        name: spec.to_string(),
        clauses,
    })
}

fn render_side(parts: &[DiffPart], keep: Op, open: &str, close: &str) -> String {
    parts
        .iter()
        .filter(|p| p.op == Op::Equal || p.op == keep)
        .map(|p| {
            if p.op == Op::Equal {
                p.text.clone()
            } else {
                format!("{open}{}{close}", p.text)
            }
        })
        .collect()
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn label(c: &ClauseRef, several_docs: bool) -> String {
    let mut s = String::new();
    if several_docs {
        s.push_str(c.issuer.as_deref().unwrap_or(&c.doc_id));
        s.push(' ');
    }
    if let Some(sec) = &c.section {
        s.push_str(sec);
        s.push_str(" › ");
    }
    s.push_str(&c.number);
    s
}

pub fn run(a: &Side, b: &Side, threshold: f64, json: bool, html: bool) -> anyhow::Result<ExitCode> {
    let al: Alignment = compare::align(&a.clauses, &b.clauses, threshold);
    let several = |s: &Side| s.clauses.windows(2).any(|w| w[0].doc_id != w[1].doc_id);
    let (multi_a, multi_b) = (several(a), several(b));
    let mut out = std::io::stdout().lock();
    if json {
        let pairs: Vec<_> = al
            .pairs
            .iter()
            .map(|p| {
                let (x, y) = (&a.clauses[p.a], &b.clauses[p.b]);
                json!({"a": x.number, "b": y.number, "a_section": x.section, "b_section": y.section,
                    "a_doc": x.doc_id, "b_doc": y.doc_id, "similarity": (p.similarity * 1000.0).round() / 1000.0,
                    "diff": compare::diff(&x.text, &y.text)})
            })
            .collect();
        let only = |side: &Side, idx: &[usize]| -> Vec<serde_json::Value> {
            idx.iter().map(|i| json!(side.clauses[*i].number)).collect()
        };
        let only_detail = |side: &Side, idx: &[usize]| -> Vec<serde_json::Value> {
            idx.iter()
                .map(|i| {
                    let c = &side.clauses[*i];
                    json!({"number": c.number, "section": c.section, "doc": c.doc_id})
                })
                .collect()
        };
        writeln!(
            out,
            "{}",
            json!({"a": a.name, "b": b.name, "pairs": pairs,
            "only_a": only(a, &al.only_a), "only_b": only(b, &al.only_b),
            "only_a_clauses": only_detail(a, &al.only_a), "only_b_clauses": only_detail(b, &al.only_b)})
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if html {
        let mut rows = String::new();
        for p in &al.pairs {
            let (x, y) = (&a.clauses[p.a], &b.clauses[p.b]);
            let d = compare::diff(&x.text, &y.text);
            let side = |keep: Op, tag: &str| -> String {
                d.iter()
                    .filter(|q| q.op == Op::Equal || q.op == keep)
                    .map(|q| {
                        if q.op == Op::Equal {
                            html_escape(&q.text)
                        } else {
                            format!("<{tag}>{}</{tag}>", html_escape(&q.text))
                        }
                    })
                    .collect()
            };
            rows.push_str(&format!(
                "<tr><td><b>{}</b><br>{}</td><td class=s>{:.2}</td><td><b>{}</b><br>{}</td></tr>\n",
                html_escape(&label(x, multi_a)),
                side(Op::Delete, "del"),
                p.similarity,
                html_escape(&label(y, multi_b)),
                side(Op::Insert, "ins")
            ));
        }
        for i in &al.only_a {
            let x = &a.clauses[*i];
            rows.push_str(&format!("<tr><td><b>{}</b><br>{}</td><td class=s>–</td><td class=none>only in A</td></tr>\n", html_escape(&label(x, multi_a)), html_escape(&x.text)));
        }
        for j in &al.only_b {
            let y = &b.clauses[*j];
            rows.push_str(&format!("<tr><td class=none>only in B</td><td class=s>–</td><td><b>{}</b><br>{}</td></tr>\n", html_escape(&label(y, multi_b)), html_escape(&y.text)));
        }
        write!(
            out,
            "<!doctype html>\n<html lang=th><meta charset=utf-8><title>prakat compare</title>\n<style>\
             body{{font-family:'TH Sarabun New',Laksaman,'Noto Sans Thai',sans-serif;margin:2em}}\
             table{{border-collapse:collapse;width:100%}}td{{border:1px solid #ccc;padding:.5em;vertical-align:top;width:46%}}\
             td.s{{width:8%;text-align:center}}td.none{{color:#888;font-style:italic}}\
             del{{background:#fdd;text-decoration:line-through}}ins{{background:#dfd;text-decoration:none}}</style>\n\
             <h1>A: {}<br>B: {}</h1>\n<p>{} aligned pairs, {} only in A, {} only in B.</p>\n\
             <table><tr><th>A</th><th>similarity</th><th>B</th></tr>\n{rows}</table></html>\n",
            html_escape(&a.name), html_escape(&b.name), al.pairs.len(), al.only_a.len(), al.only_b.len()
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let color = std::io::stdout().is_terminal();
    let (del, del_end, ins, ins_end) = if color {
        ("\x1b[31;9m", "\x1b[0m", "\x1b[32;4m", "\x1b[0m")
    } else {
        ("[-", "-]", "{+", "+}")
    };
    let col = (columns::terminal_width().saturating_sub(3) / 2).max(20);
    for p in &al.pairs {
        let (x, y) = (&a.clauses[p.a], &b.clauses[p.b]);
        let d = compare::diff(&x.text, &y.text);
        writeln!(
            out,
            "A {}  ↔  B {}   similarity {:.2}",
            label(x, multi_a),
            label(y, multi_b),
            p.similarity
        )?;
        let left = render_side(&d, Op::Delete, del, del_end);
        let right = render_side(&d, Op::Insert, ins, ins_end);
        for row in columns::side_by_side(&left, &right, col) {
            writeln!(out, "{row}")?;
        }
        writeln!(out)?;
    }
    for i in &al.only_a {
        let x = &a.clauses[*i];
        writeln!(out, "only in A: {}", label(x, multi_a))?;
        for row in columns::side_by_side(&x.text, "", col) {
            writeln!(out, "{row}")?;
        }
        writeln!(out)?;
    }
    for j in &al.only_b {
        let y = &b.clauses[*j];
        writeln!(out, "only in B: {}", label(y, multi_b))?;
        for row in columns::side_by_side("", &y.text, col) {
            writeln!(out, "{row}")?;
        }
        writeln!(out)?;
    }
    eprintln!(
        "{} pairs, {} only in A, {} only in B",
        al.pairs.len(),
        al.only_a.len(),
        al.only_b.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// `prakat similar`: the clauses most like a text (or a clause `DOC_ID#NUMBER`) in the index.
pub fn similar(spec: &str, index: &Path, limit: usize, json: bool) -> anyhow::Result<ExitCode> {
    let ix = PrakatIndex::open(index)?;
    let searcher = ix.searcher()?;
    let text = match spec.split_once('#') {
        Some((id, number)) if !id.is_empty() && id.chars().all(|c| c.is_ascii_hexdigit()) => {
            searcher
                .clauses(&format!("id:{id} clause:{number}"), 1)?
                .into_iter()
                .next()
                .map(|c| c.text)
                .with_context(|| format!("no clause {number} in Document {id}"))?
        }
        _ => spec.to_string(),
    };
    let found = searcher.similar(&text, limit)?;
    let mut out = std::io::stdout().lock();
    for (c, score, date) in &found {
        if json {
            writeln!(
                out,
                "{}",
                json!({"id": c.doc_id, "issuer": c.issuer, "date": date, "section": c.section,
                "number": c.number, "similarity": (score * 1000.0).round() / 1000.0, "text": c.text})
            )?;
        } else {
            writeln!(
                out,
                "{score:.2}  {} | {} | {}{}\n      {}",
                c.issuer.as_deref().unwrap_or("-"),
                date.as_deref().unwrap_or("no date"),
                c.section
                    .as_deref()
                    .map(|s| format!("{s} › "))
                    .unwrap_or_default(),
                c.number,
                c.text
            )?;
        }
    }
    Ok(if found.is_empty() {
        ExitCode::from(super::EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}
