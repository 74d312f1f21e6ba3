//! The Document: one JSON object per input file, the contract every stage and every test
//! reads (see DESIGN.md). Fields may be added; existing ones keep their names and meaning.

use serde::{Deserialize, Serialize};

/// What the input file was, as sniffed from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    ScannedPdf,
    TextPdf,
    Image,
    Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub kind: SourceKind,
    pub pages: usize,
    /// The character encoding the text was decoded from (`UTF-8`, `windows-874`, …);
    /// absent for images.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// The kind of agency that issued the announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssuerKind {
    Province,
    Pao,
    Sao,
    Municipality,
    Office,
    Ministry,
    Other,
}

impl IssuerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IssuerKind::Province => "province",
            IssuerKind::Pao => "pao",
            IssuerKind::Sao => "sao",
            IssuerKind::Municipality => "municipality",
            IssuerKind::Office => "office",
            IssuerKind::Ministry => "ministry",
            IssuerKind::Other => "other",
        }
    }

    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s {
            "province" => IssuerKind::Province,
            "pao" => IssuerKind::Pao,
            "sao" => IssuerKind::Sao,
            "municipality" => IssuerKind::Municipality,
            "office" => IssuerKind::Office,
            "ministry" => IssuerKind::Ministry,
            "other" => IssuerKind::Other,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    /// The name as written, honorific included (`นายณรงค์ รุ่งชัย`).
    pub name: String,
    /// The honorific or rank the name begins with, when one is known (`นาย`, `ว่าที่ร้อยตรี`).
    pub honorific: Option<String>,
    /// The position line(s) under the name, joined with a space.
    pub position: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clause {
    /// Dotted path in Arabic digits: `๑.๒.๓` → `1.2.3`, `(ก)` under `8.2` → `8.2.1`.
    pub number: String,
    /// The label as the page writes it (`๑.๒.๓`, `ข้อ ๓`, `(ก)`).
    pub label: String,
    pub depth: usize,
    /// The heading of the part the clause belongs to; numbering restarts in every section.
    pub section: Option<String>,
    /// The clause's own text, label excluded, wrapped lines joined.
    pub text: String,
    pub page: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub section: Option<String>,
    /// The line just above the table when it reads as a caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// How precise a found date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    YearRange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// As written.
    pub text: String,
    /// ISO 8601, Gregorian: `2023-03-13`, `2023-03`, `2017`, or a range `2017/2021`.
    pub iso: String,
    /// Character offsets (not bytes) into the Document's `text`.
    pub start: usize,
    pub end: usize,
    pub precision: DatePrecision,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub number: usize,
    pub text: String,
    /// Mean OCR confidence (0–100); absent for pages that were already text.
    pub confidence: Option<f32>,
    /// Every word Tesseract read on the page, with its confidence in it: a reviewer's way to
    /// the doubtful words. The words are Tesseract's own, before prakat's digit pass and
    /// clean-up, so they need not match `text` letter for letter. Absent on pages that were
    /// already text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Word>,
}

/// One OCR'd word and the engine's confidence in it (0–100).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    pub text: String,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub source: Source,
    pub issuer: Option<String>,
    pub issuer_kind: Option<IssuerKind>,
    pub province: Option<String>,
    pub subject: Option<String>,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub signatories: Vec<Signatory>,
    /// A signature block that names only an office, with no person (`สำนักนายกรัฐมนตรี`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_office: Option<String>,
    pub clauses: Vec<Clause>,
    pub tables: Vec<Table>,
    pub dates: Vec<DateMention>,
    pub pages: Vec<Page>,
    pub text: String,
    pub warnings: Vec<String>,
}
