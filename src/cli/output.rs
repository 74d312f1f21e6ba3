//! How results are written: NDJSON for programs, one summary line per file for people, and
//! Document files in an output folder.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use prakat::document::Document;
use prakat::index::writer::Outcome;

/// The NDJSON line for a file that failed.
pub fn error_line(path: &str, error: &str) -> String {
    serde_json::json!({"error": error, "path": path}).to_string()
}

/// One line a person reads: what was found in a Document.
pub fn summary_line(d: &Document, indexed: Option<Outcome>) -> String {
    let issuer = d.issuer.as_deref().unwrap_or("(no issuer)");
    let date = d.date.as_deref().unwrap_or("no date");
    let who = d
        .signatories
        .first()
        .map(|s| s.name.as_str())
        .or(d.signing_office.as_deref())
        .unwrap_or("no signatory");
    let indexed = match indexed {
        Some(Outcome::Added) => " | indexed",
        Some(Outcome::Replaced) => " | replaced in index",
        Some(Outcome::Unchanged) => " | unchanged",
        None => "",
    };
    format!(
        "{}  {issuer} | {date} | {} clauses, {} tables | {who} | {} warnings{indexed}",
        d.source.path,
        d.clauses.len(),
        d.tables.len(),
        d.warnings.len()
    )
}

/// Writes `DIR/<id>.json` so that a reader never sees a half-written file.
pub fn write_document(dir: &Path, d: &Document) -> anyhow::Result<()> {
    let path = dir.join(format!("{}.json", d.id));
    let tmp = dir.join(format!(".{}.json.tmp", d.id));
    let json = serde_json::to_vec_pretty(d).context("serialising the Document")?;
    let mut f =
        std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    f.write_all(&json)
        .and_then(|()| f.sync_all())
        .with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("renaming to {}", path.display()))?;
    Ok(())
}
