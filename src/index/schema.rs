//! The index schema: one entry per Document and one per clause. The Document's own fields
//! (issuer, province, kind, date, years, signatories) are copied onto each clause entry so
//! that filters select clauses directly.

use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, STORED, STRING,
};

use super::tokenizer::{BIGRAMS, SKELETON, WORDS};

/// Entry kinds.
pub const DOC: &str = "doc";
pub const CLAUSE: &str = "clause";

#[derive(Clone, Copy)]
pub struct Fields {
    pub entry: Field,
    pub doc_id: Field,
    pub path: Field,
    pub issuer: Field,
    pub kind: Field,
    pub province: Field,
    pub subject: Field,
    pub date: Field,
    pub date_num: Field,
    pub year_ce: Field,
    pub year_be: Field,
    pub section: Field,
    pub number: Field,
    pub label: Field,
    pub page: Field,
    /// A clause's text.
    pub text: Field,
    /// A Document's text outside its clauses (document entries only).
    pub body: Field,
    pub signatories: Field,
    /// Thai character bigrams of issuer, subject, section, text and signatories.
    pub grams: Field,
    /// The same bigrams without tone marks and above/below vowels (OCR-tolerant search).
    pub skel: Field,
    pub facets: Field,
}

fn thai_text(tokenizer: &str, stored: bool) -> TextOptions {
    let o = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        o.set_stored()
    } else {
        o
    }
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let num = NumericOptions::default()
        .set_indexed()
        .set_fast()
        .set_stored();
    let fields = Fields {
        entry: b.add_text_field("entry", STRING | STORED),
        doc_id: b.add_text_field("doc_id", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED),
        issuer: b.add_text_field("issuer", thai_text(WORDS, true)),
        kind: b.add_text_field("kind", STRING | STORED),
        province: b.add_text_field("province", STRING | STORED),
        subject: b.add_text_field("subject", thai_text(WORDS, true)),
        date: b.add_text_field("date", STRING | STORED),
        date_num: b.add_u64_field("date_num", num.clone()),
        year_ce: b.add_u64_field("year_ce", num.clone()),
        year_be: b.add_u64_field("year_be", num.clone()),
        section: b.add_text_field("section", thai_text(WORDS, true)),
        number: b.add_text_field("number", STRING | STORED),
        label: b.add_text_field("label", STORED),
        page: b.add_u64_field("page", NumericOptions::default().set_stored()),
        text: b.add_text_field("text", thai_text(WORDS, true)),
        body: b.add_text_field("body", thai_text(WORDS, true)),
        signatories: b.add_text_field("signatories", thai_text(WORDS, true)),
        grams: b.add_text_field("grams", thai_text(BIGRAMS, false)),
        skel: b.add_text_field("skel", thai_text(SKELETON, false)),
        facets: b.add_facet_field("facets", FacetOptions::default()),
    };
    (b.build(), fields)
}

/// Facet paths for counting by province, kind and year.
pub fn facets(province: Option<&str>, kind: Option<&str>, year_be: Option<u64>) -> Vec<Facet> {
    let mut v = Vec::new();
    if let Some(p) = province {
        v.push(Facet::from_path(["province", p]));
    }
    if let Some(k) = kind {
        v.push(Facet::from_path(["kind", k]));
    }
    if let Some(y) = year_be {
        v.push(Facet::from_path(["year".to_string(), y.to_string()]));
    }
    v
}
