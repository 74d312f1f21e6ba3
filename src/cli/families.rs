//! `prakat families`: every clause in the index grouped into families of near-duplicates, with
//! their agencies and provinces; and `prakat eval --families-bench N`, the same method on a
//! synthetic corpus whose template labels are known.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use prakat::families;
use prakat::index::PrakatIndex;
use serde_json::json;

pub fn run(
    index: &Path,
    min_size: usize,
    limit: usize,
    missing: bool,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let ix = PrakatIndex::open(index)?;
    let clauses = ix.searcher()?.all_clauses()?;
    let profiles: Vec<_> = clauses.iter().map(|c| families::profile(&c.text)).collect();
    let flat: Vec<u32> = profiles.iter().flat_map(|p| p.0).collect();
    let sizes: Vec<u32> = profiles.iter().map(|p| p.1).collect();
    let family = families::cluster(&flat, &sizes);
    let mut members: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, f) in family.iter().enumerate() {
        members.entry(*f).or_default().push(i);
    }
    let all_agencies: BTreeSet<&str> = clauses.iter().filter_map(|c| c.issuer.as_deref()).collect();
    let mut groups: Vec<Vec<usize>> = members
        .into_values()
        .filter(|m| m.len() >= min_size)
        .collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let mut out = std::io::stdout().lock();
    for (k, g) in groups.iter().take(limit).enumerate() {
        // The representative: the member most like the others (most shared signature values).
        let rep = *g
            .iter()
            .max_by_key(|i| {
                let si = &flat[**i * families::SIGNATURE..(**i + 1) * families::SIGNATURE];
                g.iter()
                    .take(200)
                    .map(|j| {
                        let sj = &flat[*j * families::SIGNATURE..(*j + 1) * families::SIGNATURE];
                        si.iter().zip(sj).filter(|(a, b)| a == b).count()
                    })
                    .sum::<usize>()
            })
            .unwrap_or(&g[0]);
        let agencies: BTreeSet<&str> = g
            .iter()
            .filter_map(|i| clauses[*i].issuer.as_deref())
            .collect();
        let provinces: BTreeSet<&str> = g
            .iter()
            .filter_map(|i| clauses[*i].province.as_deref())
            .collect();
        let lacking: Vec<&str> = if missing {
            all_agencies.difference(&agencies).copied().collect()
        } else {
            Vec::new()
        };
        if json {
            let ms: Vec<_> = g.iter().map(|i| { let c = &clauses[*i]; json!({"id": c.doc_id, "issuer": c.issuer, "section": c.section, "number": c.number}) }).collect();
            let mut v = json!({"family": k + 1, "size": g.len(), "representative": clauses[rep].text,
                "agencies": agencies, "provinces": provinces, "members": ms});
            if missing {
                v["agencies_without"] = json!(lacking);
            }
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "family {} — {} clauses, {} agencies, provinces: {}",
                k + 1,
                g.len(),
                agencies.len(),
                if provinces.is_empty() {
                    "-".to_string()
                } else {
                    provinces.iter().copied().collect::<Vec<_>>().join(", ")
                }
            )?;
            writeln!(out, "  {}", clauses[rep].text)?;
            for i in g.iter().take(12) {
                let c = &clauses[*i];
                writeln!(
                    out,
                    "    {} {}{}",
                    c.issuer.as_deref().unwrap_or("-"),
                    c.section
                        .as_deref()
                        .map(|s| format!("{s} › "))
                        .unwrap_or_default(),
                    c.number
                )?;
            }
            if g.len() > 12 {
                writeln!(out, "    … and {} more", g.len() - 12)?;
            }
            if missing {
                writeln!(
                    out,
                    "  agencies without it: {}",
                    if lacking.is_empty() {
                        "none".into()
                    } else {
                        lacking.join(", ")
                    }
                )?;
            }
        }
    }
    if !json {
        eprintln!(
            "{} clauses in {} families of {min_size} or more",
            clauses.len(),
            groups.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Peak resident memory of this process, from /proc (Linux), in MB.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

pub fn bench(n: usize, seed: u64, json: bool) -> anyhow::Result<ExitCode> {
    // Templates: the fixtures' clauses; templates that are themselves near-duplicates (the same
    // clause at two agencies: Dice of letter trigrams ≥ 0.6) share one label.
    let templates = prakat::synth::templates_in(Path::new("fixtures/text"))?;
    let profiles: Vec<_> = templates
        .iter()
        .map(|t| prakat::compare::trigrams(&prakat::compare::skeleton(t)))
        .collect();
    let mut label: Vec<usize> = (0..templates.len()).collect();
    for i in 0..templates.len() {
        for j in 0..i {
            if label[j] == j && prakat::compare::dice(&profiles[i], &profiles[j]) >= 0.6 {
                label[i] = j;
                break;
            }
        }
    }
    let groups = label.iter().enumerate().filter(|(i, l)| *i == **l).count();
    let start = Instant::now();
    let mut flat: Vec<u32> = Vec::with_capacity(n * families::SIGNATURE);
    let mut sizes: Vec<u32> = Vec::with_capacity(n);
    let mut truth: Vec<u32> = Vec::with_capacity(n);
    let mut recombined: Vec<bool> = Vec::with_capacity(n);
    for g in prakat::synth::corpus(&templates, n, seed) {
        for ((c, t), p) in g
            .document
            .clauses
            .iter()
            .zip(&g.templates)
            .zip(&g.perturbations)
        {
            recombined.push(p.recombined);
            let (signature, size) = families::profile(&c.text);
            flat.extend_from_slice(&signature);
            sizes.push(size);
            truth.push(label[*t] as u32);
        }
    }
    let signed = start.elapsed().as_secs_f64();
    let family = families::cluster(&flat, &sizes);
    let total = start.elapsed().as_secs_f64();
    let (precision, recall) = families::pair_scores(&family, &truth);
    // The same scores over the clauses that got no phrase of another clause.
    let (fp, ft): (Vec<u32>, Vec<u32>) = family
        .iter()
        .zip(&truth)
        .zip(&recombined)
        .filter(|(_, r)| !**r)
        .map(|((f, t), _)| (*f, *t))
        .unzip();
    let (plain_precision, plain_recall) = families::pair_scores(&fp, &ft);
    let found = family.iter().copied().collect::<BTreeSet<u32>>().len();
    let rss = peak_rss_mb();
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(
            out,
            "{}",
            json!({"clauses": truth.len(), "templates": templates.len(), "template_groups": groups,
            "families": found, "seconds": total, "generate_and_sign_seconds": signed, "cluster_seconds": total - signed,
            "peak_rss_mb": rss, "pair_precision": precision, "pair_recall": recall,
            "not_recombined_pair_precision": plain_precision, "not_recombined_pair_recall": plain_recall})
        )?;
    } else {
        writeln!(
            out,
            "{} clauses from {} templates ({groups} after merging near-duplicate templates)",
            truth.len(),
            templates.len()
        )?;
        writeln!(out, "families found: {found}; time {total:.1} s (generating + signing {signed:.1} s, clustering {:.1} s); peak memory {rss:.0} MB", total - signed)?;
        writeln!(out, "pair precision {precision:.3}, pair recall {recall:.3} (clauses without an added phrase: {plain_precision:.3}, {plain_recall:.3})")?;
    }
    Ok(ExitCode::SUCCESS)
}
