//! `prakat eval --search`: the judged query set (recall@5, MRR) over the bundled fixtures; and
//! `prakat eval --search-bench N`: indexing throughput, index size, query latency and recall
//! across digit forms and ำ/ํา on a synthetic corpus of N clauses.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use prakat::index::search::{Hit, SearchOptions, Searcher};
use prakat::index::PrakatIndex;
use serde_json::json;

const JUDGED: &str = "fixtures/search/judged.tsv";
const CORPUS: &str = "fixtures/text";

pub struct Judged {
    pub fuzzy: bool,
    pub query: String,
    /// (file prefix, section part, number or "doc").
    pub relevant: Vec<(String, Option<String>, String)>,
}

pub fn load_judged() -> anyhow::Result<Vec<Judged>> {
    let text = std::fs::read_to_string(JUDGED).with_context(|| format!("reading {JUDGED}"))?;
    let mut out = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [mode, query, expected] = cols.as_slice() else {
            anyhow::bail!("{JUDGED}:{}: expected 3 tab-separated columns", i + 1);
        };
        let relevant = expected
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|item| {
                let (head, number) = item.rsplit_once('#').unwrap_or((item, "doc"));
                let (file, section) = match head.split_once('@') {
                    Some((f, s)) => (f.to_string(), Some(s.to_string())),
                    None => (head.to_string(), None),
                };
                (file, section, number.to_string())
            })
            .collect();
        out.push(Judged {
            fuzzy: *mode == "fuzzy",
            query: query.to_string(),
            relevant,
        });
    }
    Ok(out)
}

fn is(hit: &Hit, (file, section, number): &(String, Option<String>, String)) -> bool {
    let name = Path::new(&hit.path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.starts_with(&format!("{file}_"))
        && hit.number.as_deref().unwrap_or("doc") == number
        && section.as_ref().is_none_or(|s| {
            hit.section
                .as_deref()
                .is_some_and(|h| h.contains(s.as_str()))
        })
}

fn temp_index(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("prakat-{name}-{}", std::process::id()))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Runs the judged queries; returns (mean recall@5, MRR, per-query latencies in ms).
fn score(
    searcher: &Searcher,
    judged: &[Judged],
    out: &mut impl Write,
    json: bool,
    verbose: bool,
) -> anyhow::Result<(f64, f64, Vec<f64>)> {
    let (mut recall_sum, mut rr_sum) = (0.0, 0.0);
    let mut latencies = Vec::new();
    for j in judged {
        let opts = SearchOptions {
            limit: 10,
            fuzzy: j.fuzzy,
            ..SearchOptions::default()
        };
        let t = Instant::now();
        let r = searcher.search(&j.query, &opts)?;
        latencies.push(t.elapsed().as_secs_f64() * 1e3);
        let top5 = &r.hits[..r.hits.len().min(5)];
        let found = j
            .relevant
            .iter()
            .filter(|rel| top5.iter().any(|h| is(h, rel)))
            .count();
        let recall = found as f64 / j.relevant.len().max(1) as f64;
        let rank = r
            .hits
            .iter()
            .position(|h| j.relevant.iter().any(|rel| is(h, rel)));
        let rr = rank.map_or(0.0, |k| 1.0 / (k + 1) as f64);
        recall_sum += recall;
        rr_sum += rr;
        if verbose {
            if json {
                writeln!(
                    out,
                    "{}",
                    json!({"query": j.query, "fuzzy": j.fuzzy, "recall_at_5": recall, "reciprocal_rank": rr})
                )?;
            } else {
                writeln!(
                    out,
                    "{:>5.2} {:>5.2}  {}{}",
                    recall,
                    rr,
                    j.query,
                    if j.fuzzy { "  (fuzzy)" } else { "" }
                )?;
            }
        }
    }
    let n = judged.len().max(1) as f64;
    Ok((recall_sum / n, rr_sum / n, latencies))
}

pub fn judged(json: bool) -> anyhow::Result<ExitCode> {
    let judged = load_judged()?;
    let dir = temp_index("judged");
    let _ = std::fs::remove_dir_all(&dir);
    let ix = PrakatIndex::open_or_create(&dir)?;
    let mut w = ix.writer()?;
    for d in prakat::synth::documents_in(Path::new(CORPUS))? {
        w.add(&d)?;
    }
    w.commit()?;
    let searcher = ix.searcher()?;
    let mut out = std::io::stdout().lock();
    if !json {
        writeln!(out, "recall@5   RR  query")?;
    }
    let (recall, mrr, _) = score(&searcher, &judged, &mut out, json, true)?;
    if json {
        writeln!(
            out,
            "{}",
            json!({"queries": judged.len(), "recall_at_5": recall, "mrr": mrr})
        )?;
    } else {
        writeln!(
            out,
            "\n{} judged queries over {CORPUS}: mean recall@5 {recall:.3}, MRR {mrr:.3}",
            judged.len()
        )?;
    }
    drop(ix);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ExitCode::SUCCESS)
}

fn dir_size(p: &Path) -> u64 {
    walkdir::WalkDir::new(p)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Resident anonymous memory of this process now (heap, not the index files it maps), from
/// /proc (Linux), in MB.
fn anon_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("RssAnon:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn bench(
    clauses: usize,
    keep: Option<&Path>,
    seed: u64,
    json: bool,
) -> anyhow::Result<ExitCode> {
    // Templates: every clause of the bundled fixtures.
    let templates = prakat::synth::templates_in(Path::new(CORPUS))?;
    let dir = match keep {
        Some(d) => {
            if d.exists() {
                anyhow::bail!(
                    "{} exists: give a new folder to keep the benchmark index in",
                    d.display()
                );
            }
            d.to_path_buf()
        }
        None => temp_index("bench"),
    };
    let _ = std::fs::remove_dir_all(&dir);
    let ix = PrakatIndex::open_or_create(&dir)?;
    let mut w = ix.writer()?;
    // Ground truth for the recall probes, counted while generating.
    let probes = [
        "มาตรา 8",
        "มาตรา ๘",
        "คํานึงถึง",
        "คำนึงถึง",
        "ปีละ ๑ ครั้ง",
        "ปีละ 1 ครั้ง",
        "กล่องรับฟังความคิดเห็น",
    ];
    let fold = |s: &str| prakat::thai::digits::to_arabic(&prakat::thai::clean::clean(s).0);
    let folded: Vec<String> = probes.iter().map(|p| fold(p)).collect();
    let mut truth = vec![0usize; probes.len()];
    let mut peak_anon = 0.0f64;
    let mut anon_samples: Vec<(usize, f64)> = Vec::new();
    let start = Instant::now();
    let mut gen_secs = 0.0;
    let mut docs = 0usize;
    let mut made = 0usize;
    let mut g_start = Instant::now();
    for g in prakat::synth::corpus(&templates, clauses, seed) {
        for c in &g.document.clauses {
            let t = prakat::thai::digits::to_arabic(&c.text);
            for (k, p) in folded.iter().enumerate() {
                if t.contains(p.as_str()) {
                    truth[k] += 1;
                }
            }
        }
        gen_secs += g_start.elapsed().as_secs_f64();
        made += g.document.clauses.len();
        w.add(&g.document)?;
        docs += 1;
        if docs.is_multiple_of(2000) {
            w.commit()?;
            if let Some(mb) = anon_rss_mb() {
                peak_anon = peak_anon.max(mb);
                anon_samples.push((made, mb));
            }
            if !json {
                eprint!("\r{made} clauses indexed");
            }
        }
        g_start = Instant::now();
    }
    w.commit()?;
    let total_secs = start.elapsed().as_secs_f64();
    let index_secs = total_secs - gen_secs;
    // The merges tantivy started in the background finish before anything is timed.
    let merge_start = Instant::now();
    w.finish()?;
    let merge_secs = merge_start.elapsed().as_secs_f64();
    if !json {
        eprintln!();
    }
    let size = dir_size(&dir);
    let searcher = ix.searcher()?;
    // Latency: the judged queries, 20 rounds after one warm-up.
    let judged = load_judged()?;
    let Timings {
        all: lat,
        exact,
        fuzzy,
        ..
    } = time_judged(&searcher, &judged)?;
    let mut recall = Vec::new();
    for (k, p) in probes.iter().enumerate() {
        let n = searcher.count_clauses(&format!("\"{p}\""))?;
        recall.push((p.to_string(), truth[k], n));
    }
    let mut out = std::io::stdout().lock();
    let rate = made as f64 / index_secs;
    // The heap at each tenth of the corpus (the first and the last summed up): a bounded
    // writer levels off.
    let tenths: Vec<f64> = (1..=10)
        .filter_map(|k| {
            let i = (anon_samples.len() * k / 10).checked_sub(1)?;
            anon_samples.get(i).map(|s| s.1)
        })
        .collect();
    let early = tenths.first().copied().unwrap_or(0.0);
    let late = tenths.last().copied().unwrap_or(0.0);
    if json {
        writeln!(
            out,
            "{}",
            json!({"clauses": made, "documents": docs, "index_seconds": index_secs,
            "clauses_per_s": rate, "merge_seconds": merge_secs, "index_bytes": size, "query_ms_p50": percentile(&lat, 0.5),
            "query_ms_p99": percentile(&lat, 0.99), "queries": lat.len(),
            "exact_ms_p50": percentile(&exact, 0.5), "exact_ms_p99": percentile(&exact, 0.99),
            "fuzzy_ms_p50": percentile(&fuzzy, 0.5), "fuzzy_ms_p99": percentile(&fuzzy, 0.99),
            "indexing_anon_mb_peak": peak_anon, "indexing_anon_mb_at_10pct": early, "indexing_anon_mb_at_end": late, "indexing_anon_mb_by_tenth": tenths,
            "recall": recall.iter().map(|(p, t, n)| json!({"query": p, "clauses_containing": t, "found": n})).collect::<Vec<_>>()})
        )?;
    } else {
        writeln!(
            out,
            "synthetic corpus: {made} clauses in {docs} documents ({} templates)",
            templates.len()
        )?;
        writeln!(out, "indexing (segmentation included): {index_secs:.1} s, {rate:.0} clauses/s; generating: {gen_secs:.1} s; merges still running after the last commit: {merge_secs:.1} s")?;
        writeln!(out, "index size: {:.1} MB; heap while indexing: {early:.0} MB at a tenth of the corpus, {late:.0} MB at the end, {peak_anon:.0} MB peak", size as f64 / 1e6)?;
        let by_tenth: Vec<String> = tenths.iter().map(|mb| format!("{mb:.0}")).collect();
        writeln!(
            out,
            "  heap at each tenth of the corpus, MB: {}",
            by_tenth.join(" ")
        )?;
        writeln!(
            out,
            "query latency over {} judged queries × 20: p50 {:.2} ms, p99 {:.2} ms",
            judged.len(),
            percentile(&lat, 0.5),
            percentile(&lat, 0.99)
        )?;
        writeln!(out, "  exact queries: p50 {:.2} ms, p99 {:.2} ms; fuzzy queries: p50 {:.2} ms, p99 {:.2} ms", percentile(&exact, 0.5), percentile(&exact, 0.99), percentile(&fuzzy, 0.5), percentile(&fuzzy, 0.99))?;
        writeln!(out, "recall across digit forms and ำ/ํา (clauses containing the words, after folding → clauses found):")?;
        for (p, t, n) in &recall {
            writeln!(out, "  {p:<26} {t:>8} → {n:>8}")?;
        }
    }
    drop(searcher);
    drop(ix);
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(ExitCode::SUCCESS)
}

/// Per-query latencies of the judged queries, 20 rounds after a warm-up, sorted.
struct Timings {
    all: Vec<f64>,
    exact: Vec<f64>,
    fuzzy: Vec<f64>,
    /// The slowest round of each query, in judged order.
    worst: Vec<f64>,
}

fn time_judged(searcher: &Searcher, judged: &[Judged]) -> anyhow::Result<Timings> {
    let mut sink = std::io::sink();
    let _ = score(searcher, judged, &mut sink, false, false)?;
    let mut t = Timings {
        all: Vec::new(),
        exact: Vec::new(),
        fuzzy: Vec::new(),
        worst: vec![0.0; judged.len()],
    };
    for _ in 0..20 {
        let l = score(searcher, judged, &mut sink, false, false)?.2;
        for (k, (j, ms)) in judged.iter().zip(&l).enumerate() {
            t.worst[k] = t.worst[k].max(*ms);
            if j.fuzzy {
                t.fuzzy.push(*ms);
            } else {
                t.exact.push(*ms);
            }
        }
        t.all.extend(l);
    }
    for v in [&mut t.all, &mut t.exact, &mut t.fuzzy] {
        v.sort_by(f64::total_cmp);
    }
    Ok(t)
}

/// Latency of the judged queries on an existing index (e.g. one kept by `--search-bench`).
pub fn latency(index: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let ix = PrakatIndex::open(index)?;
    let searcher = ix.searcher()?;
    let judged = load_judged()?;
    let Timings {
        all,
        exact,
        fuzzy,
        worst,
    } = time_judged(&searcher, &judged)?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(
            out,
            "{}",
            json!({"query_ms_p50": percentile(&all, 0.5), "query_ms_p99": percentile(&all, 0.99),
            "exact_ms_p50": percentile(&exact, 0.5), "exact_ms_p99": percentile(&exact, 0.99),
            "fuzzy_ms_p50": percentile(&fuzzy, 0.5), "fuzzy_ms_p99": percentile(&fuzzy, 0.99)})
        )?;
    } else {
        for (j, ms) in judged.iter().zip(&worst) {
            writeln!(
                out,
                "{ms:>8.2} ms worst  {}{}",
                j.query,
                if j.fuzzy { "  (fuzzy)" } else { "" }
            )?;
        }
        writeln!(out, "all: p50 {:.2} ms, p99 {:.2} ms; exact: p50 {:.2} ms, p99 {:.2} ms; fuzzy: p50 {:.2} ms, p99 {:.2} ms",
            percentile(&all, 0.5), percentile(&all, 0.99), percentile(&exact, 0.5), percentile(&exact, 0.99),
            percentile(&fuzzy, 0.5), percentile(&fuzzy, 0.99))?;
    }
    Ok(ExitCode::SUCCESS)
}
