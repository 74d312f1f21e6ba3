//! `prakat eval`: what the pipeline finds in each file, what clean-up changed, and with
//! `--bench` how fast the text path (clean-up + parsing) runs on one core.
//!
//! Speed is reported in pages per second, a page being 2,000 characters: a full A4 page of
//! an announcement in 16-point TH Sarabun holds about 1,500–2,500.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use prakat::document::SourceKind;
use prakat::ingest;
use prakat::thai::clean::CleanReport;

use super::eval_ocr::DigitScore;
use super::{files, EXIT_SOME_FAILED};

const CHARS_PER_PAGE: usize = 2_000;
const DEFAULT_FIXTURES: &str = "fixtures/text";

pub fn run(
    paths: &[PathBuf],
    bench: bool,
    seconds: f64,
    ocr_rules: bool,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(DEFAULT_FIXTURES)]
    } else {
        paths.to_vec()
    };
    let (inputs, missing) = files::expand(&paths);
    let mut failed = missing.len();
    for m in &missing {
        eprintln!("error: {}: {}", m.path.display(), m.error);
    }
    let mut out = std::io::stdout().lock();
    let mut totals = CleanReport::default();
    let mut loaded: Vec<(String, Vec<u8>)> = Vec::new();
    let mut ocr_rows: Vec<(serde_json::Value, String)> = Vec::new();
    let mut ablation = super::eval_ocr::Ablation::default();
    let mut digit_rows: Vec<(String, DigitScore, DigitScore)> = Vec::new();
    if !json {
        writeln!(
            out,
            "{:<48} {:>7} {:>6} {:>4} {:>4} {:>5} {:>6}  issuer",
            "file", "clauses", "tables", "sig", "date", "warn", "fixes"
        )?;
    }
    for path in &inputs {
        let shown = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                failed += 1;
                eprintln!("error: {shown}: {e}");
                continue;
            }
        };
        let started = Instant::now();
        let result = ingest::ingest_bytes(&shown, &bytes);
        let seconds = started.elapsed().as_secs_f64();
        match result {
            Ok(ing) => {
                let d = &ing.document;
                totals.add(&ing.clean);
                if let Ok(truth) = std::fs::read_to_string(path.with_extension("truth")) {
                    ocr_rows.push(ocr_row(&shown, d, &truth, seconds));
                    let tesseract: String = ing
                        .tesseract_texts
                        .iter()
                        .flatten()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join("\n");
                    let ours = super::eval_ocr::digit_score(&d.text, &truth);
                    let theirs = super::eval_ocr::digit_score(&tesseract, &truth);
                    digit_rows.push((shown.clone(), ours, theirs));
                    if ocr_rules {
                        ablation.add(&ing.unrepaired, &truth);
                    }
                }
                if json {
                    let row = serde_json::json!({
                        "path": shown, "issuer": d.issuer, "date": d.date,
                        "clauses": d.clauses.len(), "tables": d.tables.len(),
                        "signatories": d.signatories.len(), "warnings": d.warnings.len(),
                        "clean": ing.clean,
                    });
                    writeln!(out, "{row}")?;
                } else {
                    let name = path
                        .file_name()
                        .map_or(shown.clone(), |n| n.to_string_lossy().into_owned());
                    writeln!(
                        out,
                        "{:<48} {:>7} {:>6} {:>4} {:>4} {:>5} {:>6}  {}",
                        name,
                        d.clauses.len(),
                        d.tables.len(),
                        d.signatories.len(),
                        if d.date.is_some() { "yes" } else { "no" },
                        d.warnings.len(),
                        ing.clean.total(),
                        d.issuer.as_deref().unwrap_or("-"),
                    )?;
                }
                if d.source.kind == SourceKind::Text {
                    loaded.push((shown, bytes));
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {shown}: {e}");
            }
        }
    }
    if !ocr_rows.is_empty() {
        if !json {
            writeln!(
                out,
                "\nOCR against the truth text beside each image (NAME.truth):"
            )?;
            writeln!(
                out,
                "{:<40} {:>8} {:>9} {:>6} {:>7} {:>4} {:>9} {:>6} {:>8}",
                "file",
                "CER",
                "CER (no ws)",
                "issuer",
                "subject",
                "date",
                "clauses",
                "signed",
                "s/page"
            )?;
        }
        for r in &ocr_rows {
            if json {
                writeln!(out, "{}", r.0)?;
            } else {
                writeln!(out, "{}", r.1)?;
            }
        }
        let mut cers: Vec<f64> = ocr_rows
            .iter()
            .filter_map(|r| r.0["cer_no_whitespace"].as_f64())
            .collect();
        cers.sort_by(f64::total_cmp);
        let median = match cers.len() {
            0 => None,
            n if n % 2 == 1 => Some(cers[n / 2]),
            n => Some((cers[n / 2 - 1] + cers[n / 2]) / 2.0),
        };
        digit_report(&mut out, &digit_rows, json)?;
        if ocr_rules {
            ablation.report(&mut out, json)?;
        }
        let (pages_s, tess_s) = (ingest::page_seconds(), prakat::ocr::tesseract_seconds());
        let outside = if pages_s > 0.0 {
            (pages_s - tess_s).max(0.0) / pages_s
        } else {
            0.0
        };
        if json {
            let summary = serde_json::json!({"ocr_summary": {
                "files": cers.len(), "median_cer_no_whitespace": median,
                "page_seconds": pages_s, "tesseract_seconds": tess_s,
                "outside_tesseract_share": outside}});
            writeln!(out, "{summary}")?;
        } else {
            if let Some(m) = median {
                writeln!(
                    out,
                    "median CER, whitespace ignored: {:.2}% over {} files",
                    m * 100.0,
                    cers.len()
                )?;
            }
            writeln!(
                out,
                "reading pages took {pages_s:.1} s (summed over threads), {tess_s:.1} s of it inside Tesseract: {:.1}% outside",
                outside * 100.0
            )?;
        }
    }
    if json {
        writeln!(out, "{}", serde_json::json!({"clean_totals": totals}))?;
    } else {
        writeln!(
            out,
            "\nclean-up changes over all files: {}",
            serde_json::to_string(&totals)?
        )?;
    }
    if bench {
        bench_text_path(
            &mut out,
            &loaded,
            Duration::from_secs_f64(seconds.max(0.1)),
            json,
        )?;
    }
    Ok(if failed > 0 {
        ExitCode::from(EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// Times decode + clean-up + parsing of the loaded files on this thread only.
fn bench_text_path(
    out: &mut impl Write,
    files: &[(String, Vec<u8>)],
    budget: Duration,
    json: bool,
) -> anyhow::Result<()> {
    if files.is_empty() {
        anyhow::bail!("no text files to benchmark");
    }
    let chars: usize = files
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).chars().count())
        .sum();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    // Warm up the lazily built dictionaries and patterns before timing.
    for (p, b) in files {
        let _ = ingest::ingest_bytes(p, b);
    }
    let start = Instant::now();
    let mut rounds = 0usize;
    let mut clauses = 0usize;
    while start.elapsed() < budget {
        for (p, b) in files {
            if let Ok(ing) = ingest::ingest_bytes(p, b) {
                clauses += ing.document.clauses.len();
            }
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let pages = (chars * rounds) as f64 / CHARS_PER_PAGE as f64;
    let docs = (files.len() * rounds) as f64;
    if json {
        writeln!(
            out,
            "{}",
            serde_json::json!({"bench": {"seconds": secs, "rounds": rounds, "documents_per_s": docs / secs,
                "pages_per_s": pages / secs, "mb_per_s": (bytes * rounds) as f64 / secs / 1e6,
                "chars_per_page": CHARS_PER_PAGE, "threads": 1, "clauses": clauses}})
        )?;
    } else {
        writeln!(
            out,
            "\ntext path (decode + clean-up + parse), one thread, {} files × {rounds} rounds in {secs:.2} s:\n  \
             {:.0} documents/s, {:.0} pages/s ({CHARS_PER_PAGE} characters a page), {:.1} MB/s",
            files.len(),
            docs / secs,
            pages / secs,
            (bytes * rounds) as f64 / secs / 1e6
        )?;
    }
    Ok(())
}

const SEGMENTATION_GOLD: &str = "fixtures/segmentation/seeds-gold.txt";

/// Boundary precision/recall/F1 and speed of each segmentation model on the gold sentences.
pub fn segmentation(json: bool) -> anyhow::Result<ExitCode> {
    use prakat::thai::segment::{boundaries, boundary_scores, Model};
    let gold_text = std::fs::read_to_string(SEGMENTATION_GOLD)
        .map_err(|e| anyhow::anyhow!("reading {SEGMENTATION_GOLD}: {e}"))?;
    let sentences: Vec<(String, Vec<usize>)> = gold_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut at = 0;
            let cuts = l
                .split('|')
                .map(|w| {
                    at += w.chars().count();
                    at
                })
                .collect();
            (l.replace('|', ""), cuts)
        })
        .collect();
    let mut out = std::io::stdout().lock();
    let bytes: usize = sentences.iter().map(|(t, _)| t.len()).sum();
    for (name, model) in [("dictionary", Model::Dictionary), ("lstm", Model::Lstm)] {
        let (mut gold_all, mut guess_all) = (Vec::new(), Vec::new());
        let mut offset = 0;
        for (text, cuts) in &sentences {
            gold_all.extend(cuts.iter().map(|c| c + offset));
            guess_all.extend(boundaries(text, model).into_iter().map(|c| c + offset));
            offset += text.chars().count() + 1;
        }
        let (p, r, f) = boundary_scores(&gold_all, &guess_all);
        let start = Instant::now();
        let mut rounds = 0usize;
        while start.elapsed() < Duration::from_millis(500) {
            for (t, _) in &sentences {
                std::hint::black_box(boundaries(t, model));
            }
            rounds += 1;
        }
        let mbs = (bytes * rounds) as f64 / start.elapsed().as_secs_f64() / 1e6;
        if json {
            writeln!(
                out,
                "{}",
                serde_json::json!({"model": name, "sentences": sentences.len(),
                "precision": p, "recall": r, "f1": f, "mb_per_s": mbs})
            )?;
        } else {
            writeln!(out, "{name:<10} {} sentences: boundary precision {p:.3} recall {r:.3} F1 {f:.3}, {mbs:.1} MB/s", sentences.len())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One table line: digits, numbers, dates and clause labels, plain Tesseract → prakat.
fn digit_line(name: &str, ours: &DigitScore, tesseract: &DigitScore) -> String {
    let pair = |n: usize, t: f64, o: f64| {
        if n == 0 {
            format!("{:>20}", "-")
        } else {
            format!("{n:>4} {:>5.1}% → {:>5.1}%", t * 100.0, o * 100.0)
        }
    };
    format!(
        "{name:<28} {}  {}  {}  {}",
        pair(
            ours.digits,
            tesseract.digit_accuracy(),
            ours.digit_accuracy()
        ),
        pair(
            ours.numbers,
            tesseract.number_accuracy(),
            ours.number_accuracy()
        ),
        pair(ours.dates, tesseract.date_accuracy(), ours.date_accuracy()),
        pair(
            ours.labels,
            tesseract.label_accuracy(),
            ours.label_accuracy()
        ),
    )
}

/// Digit accuracy per file and over all, for plain Tesseract and after the digit pass.
fn digit_report(
    out: &mut impl Write,
    rows: &[(String, DigitScore, DigitScore)],
    json: bool,
) -> anyhow::Result<()> {
    let (mut ours, mut theirs) = (DigitScore::default(), DigitScore::default());
    if !json {
        writeln!(
            out,
            "\nDigits against the truth text, plain Tesseract → prakat: per digit, per whole number,\nper date (as the date finder reads it) and per clause label"
        )?;
        writeln!(
            out,
            "{:<28} {:>20}  {:>20}  {:>20}  {:>20}",
            "file", "digits", "numbers", "dates", "labels"
        )?;
    }
    for (path, o, t) in rows {
        ours.add(o);
        theirs.add(t);
        let name = std::path::Path::new(path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        if json {
            writeln!(
                out,
                "{}",
                serde_json::json!({"path": path, "digits": o.digits, "numbers": o.numbers,
                    "dates": o.dates, "labels": o.labels,
                    "digit_accuracy": o.digit_accuracy(), "number_accuracy": o.number_accuracy(),
                    "date_accuracy": o.date_accuracy(), "label_accuracy": o.label_accuracy(),
                    "tesseract_digit_accuracy": t.digit_accuracy(),
                    "tesseract_number_accuracy": t.number_accuracy(),
                    "tesseract_date_accuracy": t.date_accuracy(),
                    "tesseract_label_accuracy": t.label_accuracy()})
            )?;
        } else {
            writeln!(out, "{}", digit_line(&name, o, t))?;
        }
    }
    // The pass's cost: its own time, the glyph boxes it asks Tesseract for and the words
    // Tesseract reads again for the digits' sake (dates' Latin words, Latin words read as
    // digits, Thai words with an Arabic digit among their letters), against the rest of
    // Tesseract's time (what reading the page costs without the pass). The words before
    // numbers read again are a repair of the text, not of its digits: their time is told
    // apart, against the same base.
    let pass_s = prakat::ocr::digit_pass_seconds();
    let boxes_s = prakat::ocr::glyph_box_seconds();
    let dates_s = prakat::ocr::date_word_seconds();
    let latin_s = prakat::ocr::latin_word_seconds();
    let stray_s = prakat::ocr::stray_digit_seconds();
    let numbers_s = prakat::ocr::number_word_seconds();
    let tess_s = prakat::ocr::tesseract_seconds();
    // (Part of Tesseract's time, for the digits' sake.)
    let for_digits_s = boxes_s + dates_s + latin_s + stray_s;
    let base_s = (tess_s - for_digits_s - numbers_s).max(1e-9);
    let cost = (pass_s + for_digits_s) / base_s;
    let number_cost = numbers_s / base_s;
    if json {
        writeln!(
            out,
            "{}",
            serde_json::json!({"digit_summary": {"digits": ours.digits, "numbers": ours.numbers,
                "dates": ours.dates, "labels": ours.labels,
                "digit_accuracy": ours.digit_accuracy(), "number_accuracy": ours.number_accuracy(),
                "date_accuracy": ours.date_accuracy(), "label_accuracy": ours.label_accuracy(),
                "digits_read_right": ours.digits_read_right(), "stray_digits": ours.stray_digits,
                "tesseract_digits_read_right": theirs.digits_read_right(),
                "tesseract_stray_digits": theirs.stray_digits,
                "tesseract_digit_accuracy": theirs.digit_accuracy(),
                "tesseract_number_accuracy": theirs.number_accuracy(),
                "tesseract_date_accuracy": theirs.date_accuracy(),
                "tesseract_label_accuracy": theirs.label_accuracy(),
                "digit_pass_seconds": pass_s, "glyph_box_seconds": boxes_s,
                "date_word_seconds": dates_s, "latin_word_seconds": latin_s,
                "stray_digit_seconds": stray_s,
                "number_word_seconds": numbers_s, "number_word_share": number_cost,
                "share_of_tesseract_time": cost}})
        )?;
    } else {
        writeln!(out, "{}", digit_line("all", &ours, &theirs))?;
        writeln!(
            out,
            "of the truth's {} digits, read right: plain Tesseract {:.1}%, prakat {:.1}%; stray digits read into the pages (stamps, letters): {} and {}",
            ours.digits,
            theirs.digits_read_right() * 100.0,
            ours.digits_read_right() * 100.0,
            theirs.stray_digits,
            ours.stray_digits
        )?;
        writeln!(
            out,
            "digit pass: {pass_s:.2} s + {boxes_s:.2} s for Tesseract's glyph boxes + {dates_s:.2} s reading dates' Latin words again + {latin_s:.2} s Latin words read as digits + {stray_s:.2} s Thai words with an Arabic digit = {:.1}% of Tesseract's time without them; words before numbers read again: {numbers_s:.2} s, {:.1}% more; deskew: {:.2} s, {:.1}%",
            cost * 100.0,
            number_cost * 100.0,
            prakat::ocr::deskew_seconds(),
            prakat::ocr::deskew_seconds() / tess_s.max(1e-9) * 100.0
        )?;
    }
    Ok(())
}

/// One OCR accuracy row, as JSON and as a table line.
fn ocr_row(
    shown: &str,
    d: &prakat::document::Document,
    truth: &str,
    seconds: f64,
) -> (serde_json::Value, String) {
    use super::eval_ocr::{cer, recovered};
    let ocr_text: String = d
        .pages
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (with_ws, without_ws) = (cer(&ocr_text, truth, false), cer(&ocr_text, truth, true));
    let truth_doc = ingest::ingest_bytes("truth", truth.as_bytes()).map(|i| i.document);
    let per_page = seconds / d.pages.len().max(1) as f64;
    let yes = |b: bool| if b { "yes" } else { "no" };
    match truth_doc {
        Ok(t) => {
            let r = recovered(d, &t);
            let json = serde_json::json!({"path": shown, "cer": with_ws, "cer_no_whitespace": without_ws,
                "issuer": r.issuer, "subject": r.subject, "date": r.date,
                "clauses_recovered": r.clauses.0, "clauses_in_truth": r.clauses.1,
                "signatories_recovered": r.signatories.0, "signatories_in_truth": r.signatories.1,
                "seconds_per_page": per_page});
            let name = std::path::Path::new(shown)
                .file_name()
                .map_or(shown.to_string(), |n| n.to_string_lossy().into_owned());
            let line = format!(
                "{:<40} {:>7.2}% {:>8.2}% {:>6} {:>7} {:>4} {:>9} {:>6} {:>8.2}",
                name,
                with_ws * 100.0,
                without_ws * 100.0,
                yes(r.issuer),
                yes(r.subject),
                r.date.map_or("-", yes),
                format!("{}/{}", r.clauses.0, r.clauses.1),
                format!("{}/{}", r.signatories.0, r.signatories.1),
                per_page
            );
            (json, line)
        }
        Err(e) => (
            serde_json::json!({"path": shown, "error": format!("truth text: {e}")}),
            format!("{shown}: truth text: {e}"),
        ),
    }
}
