//! A synthetic corpus for benchmarks: seed clauses recombined and perturbed across invented
//! agencies and dates, the way a large archive looks — Thai/Arabic digit swaps, ำ written as
//! ํา, lost tone marks, an agency's own added phrase, a part left out — with the template each
//! clause came from recorded, so that search recall and clause families can be scored
//! against it.
//!
//! Deterministic: the same seed gives the same corpus.

use crate::document::{Clause, Document, IssuerKind, Source, SourceKind};
use crate::thai::clean;
use crate::thai::digits::{to_arabic, to_thai};

/// SplitMix64: small, fast, good enough to shuffle a corpus.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// What was done to a generated clause.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Perturbation {
    pub digits_swapped: bool,
    pub sara_am_split: bool,
    pub tone_mark_lost: bool,
    /// A phrase of another clause added (up to a third of the length).
    pub recombined: bool,
    /// Up to a fifth of the clause left out.
    pub shortened: bool,
}

/// A generated Document and, per clause, the template it came from.
pub struct Generated {
    pub document: Document,
    pub templates: Vec<usize>,
    pub perturbations: Vec<Perturbation>,
}

const KINDS: &[(&str, IssuerKind)] = &[
    ("จังหวัด", IssuerKind::Province),
    ("องค์การบริหารส่วนจังหวัด", IssuerKind::Pao),
    ("องค์การบริหารส่วนตำบลบ้าน", IssuerKind::Sao),
    ("เทศบาลตำบล", IssuerKind::Municipality),
    ("เทศบาลเมือง", IssuerKind::Municipality),
    ("สำนักงานสาธารณสุขจังหวัด", IssuerKind::Office),
];

/// Parts of invented local-administration names.
const VILLAGES: &[&str] = &[
    "หนองบัว",
    "โนนสูง",
    "ดอนแก้ว",
    "บ้านใหม่",
    "ท่าช้าง",
    "หนองแวง",
    "โพธิ์ทอง",
    "นาดี",
    "สระแก้ว",
    "ห้วยทราย",
    "คลองขุด",
    "บางปลา",
    "เขาดิน",
    "วังน้ำเย็น",
    "ทุ่งใหญ่",
    "ป่าแดง",
    "หัวนา",
    "น้ำพุ",
    "ดงมะไฟ",
    "โคกกลาง",
];

/// Every Document in a folder (recursively), ingested, in file-name order.
pub fn documents_in(dir: &std::path::Path) -> crate::error::Result<Vec<Document>> {
    let mut docs = Vec::new();
    for e in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            docs.push(crate::ingest::ingest_file(e.path())?.document);
        }
    }
    Ok(docs)
}

/// Template clauses for a corpus: every clause of at least 20 characters in a folder's files.
pub fn templates_in(dir: &std::path::Path) -> crate::error::Result<Vec<String>> {
    Ok(documents_in(dir)?
        .into_iter()
        .flat_map(|d| d.clauses.into_iter().map(|c| c.text))
        .filter(|t| t.chars().count() >= 20)
        .collect())
}

/// Perturbs a (clean) clause text as scans and web copies do.
pub fn perturb(text: &str, rng: &mut Rng) -> (String, Perturbation) {
    let mut p = Perturbation::default();
    let mut t = text.to_string();
    if rng.chance(50) {
        p.digits_swapped = true;
        t = if t.chars().any(crate::thai::digits::is_thai_digit) {
            to_arabic(&t)
        } else {
            to_thai(&t)
        };
    }
    if t.contains('ำ') && rng.chance(15) {
        p.sara_am_split = true;
        t = t.replace('ำ', "\u{0E4D}\u{0E32}");
    }
    if rng.chance(10) {
        let marks: Vec<usize> = t
            .char_indices()
            .filter(|(_, c)| matches!(c, '\u{0E48}' | '\u{0E49}' | '\u{0E31}'))
            .map(|(i, _)| i)
            .collect();
        if !marks.is_empty() {
            let at = marks[rng.below(marks.len())];
            t.remove(at);
            p.tone_mark_lost = true;
        }
    }
    (t, p)
}

/// Generates Documents until `clauses` clauses exist, 8–20 clauses each, from `templates`
/// (clean clause texts).
pub fn corpus(
    templates: &[String],
    clauses: usize,
    seed: u64,
) -> impl Iterator<Item = Generated> + '_ {
    let mut rng = Rng::new(seed);
    let provinces: Vec<&'static str> = crate::dictionaries::get()
        .provinces
        .iter()
        .map(|p| p.name)
        .collect();
    let mut made = 0usize;
    let mut n = 0usize;
    std::iter::from_fn(move || {
        if made >= clauses || templates.is_empty() {
            return None;
        }
        n += 1;
        let province = provinces[rng.below(provinces.len())];
        let (prefix, kind) = KINDS[rng.below(KINDS.len())];
        let issuer = match kind {
            IssuerKind::Sao | IssuerKind::Municipality => {
                format!(
                    "{prefix}{}{}",
                    VILLAGES[n % VILLAGES.len()],
                    VILLAGES[(n / VILLAGES.len()) % VILLAGES.len()]
                )
            }
            _ => format!("{prefix}{province}"),
        };
        let year_be = 2555 + rng.below(14) as i32;
        let month = 1 + rng.below(12) as u32;
        let day = 1 + rng.below(28) as u32;
        let date = format!("{:04}-{month:02}-{day:02}", year_be - 543);
        let count = (8 + rng.below(13)).min(clauses - made);
        let mut doc_clauses = Vec::with_capacity(count);
        let mut used = Vec::with_capacity(count);
        let mut perturbations = Vec::with_capacity(count);
        for i in 0..count {
            let t = rng.below(templates.len());
            let (mut text, mut p) = perturb(&templates[t], &mut rng);
            if rng.chance(20) {
                // An agency's own addition: a phrase from another clause, up to a third as
                // long as this one, inserted at a space.
                let other: Vec<char> = templates[rng.below(templates.len())].chars().collect();
                let own = text.chars().count();
                let len = (own / 3).min(other.len()).max(1);
                let from = rng.below(other.len().saturating_sub(len) + 1);
                let phrase: String = other[from..from + len].iter().collect();
                let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
                let at = if spaces.is_empty() {
                    text.len()
                } else {
                    spaces[rng.below(spaces.len())]
                };
                text.insert_str(at, &format!(" {phrase}"));
                p.recombined = true;
            } else if rng.chance(10) {
                // An omission: up to a fifth of the clause cut out.
                let chars: Vec<char> = text.chars().collect();
                let len = chars.len() / 5;
                if len > 0 {
                    let from = rng.below(chars.len() - len);
                    text = chars[..from].iter().chain(&chars[from + len..]).collect();
                    p.shortened = true;
                }
            }
            // What ingest does to every page: clean-up (ำ composed again, and so on).
            let text = clean::clean(&text).0;
            doc_clauses.push(Clause {
                number: (i + 1).to_string(),
                label: format!("{}.", to_thai(&(i + 1).to_string())),
                depth: 1,
                section: None,
                text,
                page: 1 + i / 6,
            });
            used.push(t);
            perturbations.push(p);
        }
        made += count;
        let text = doc_clauses
            .iter()
            .map(|c| format!("{} {}", c.label, c.text))
            .collect::<Vec<_>>()
            .join("\n");
        let document = Document {
            id: format!("synth-{seed}-{n}"),
            source: Source {
                path: format!("synthetic/{seed}/{n}.txt"),
                kind: SourceKind::Text,
                pages: 1 + count / 6,
                encoding: None,
            },
            issuer: Some(issuer),
            issuer_kind: Some(kind),
            province: Some(province.to_string()),
            subject: Some("มาตรการเปิดโอกาสให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม".into()),
            date: Some(date),
            date_text: None,
            signatories: Vec::new(),
            signing_office: None,
            clauses: doc_clauses,
            tables: Vec::new(),
            dates: Vec::new(),
            pages: Vec::new(),
            text,
            warnings: Vec::new(),
        };
        Some(Generated {
            document,
            templates: used,
            perturbations,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_has_the_asked_size_and_is_deterministic() {
        let templates = vec![
            "ให้มีการจัดทำแผน ๑ ฉบับ ตามมาตรา ๖๕".to_string(),
            "กำหนดให้ประชาชนเข้าถึงข้อมูล".to_string(),
        ];
        let a: Vec<Generated> = corpus(&templates, 500, 7).collect();
        let total: usize = a.iter().map(|g| g.document.clauses.len()).sum();
        assert_eq!(total, 500);
        assert!(a
            .iter()
            .all(|g| g.templates.len() == g.document.clauses.len()));
        let b: Vec<Generated> = corpus(&templates, 500, 7).collect();
        assert_eq!(a[3].document.clauses, b[3].document.clauses);
        // Perturbations happened, and clean-up undid the ํา split.
        assert!(a
            .iter()
            .flat_map(|g| &g.perturbations)
            .any(|p| p.digits_swapped));
        assert!(a
            .iter()
            .flat_map(|g| &g.document.clauses)
            .all(|c| !c.text.contains("\u{0E4D}\u{0E32}")));
    }
}
