//! Running a query: ranked clause and document hits with snippets, and facet counts.

use std::ops::Bound;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, IndexReader, ReloadPolicy, TantivyDocument, Term};

use super::query::{self, Filter, Part};
use super::schema::{self, Fields};
use super::snippet::{self, Snippet};
use super::tokenizer::{bigram_tokens, normalize_query, skeleton_tokens, word_tokens};
use super::{IndexError, PrakatIndex};

/// How widely a query's words are matched, from cheapest to widest. A search tries them in
/// order and stops at the first that fills the page: matches in the words fields carry the
/// most score, so a page they fill is the page the wider matching would rank first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    /// The segmented words, as a phrase, in clauses and in the Documents' headers.
    Words,
    /// Also anywhere in a Document's text (preambles, closing paragraphs), and the Thai
    /// character bigrams as a phrase: found however the segmenter splits the words in the
    /// query or in the text.
    Bigrams,
    /// Also the bigrams without marks (a lost or invented tone mark or above vowel), and the
    /// spellings one OCR confusion away (`dictionaries/ocr_confusions.tsv`: พ/ฟ, ซ/ช, ใ/ไ …).
    Variants,
    /// Also words within one edit, and most runs of the word's letters (any OCR slip).
    Fuzzy,
}

#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    pub limit: usize,
    /// OCR-tolerant: words within one edit, and most runs of a word's letters, match.
    pub fuzzy: bool,
    pub facets: bool,
    pub snippet_chars: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            fuzzy: false,
            facets: false,
            snippet_chars: 160,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub id: String,
    pub path: String,
    pub issuer: Option<String>,
    pub province: Option<String>,
    pub kind: Option<String>,
    pub date: Option<String>,
    pub section: Option<String>,
    /// Clause number; `None` for a document-level hit.
    pub number: Option<String>,
    pub label: Option<String>,
    pub page: Option<u64>,
    pub score: f32,
    pub snippet: Snippet,
}

#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub province: Vec<(String, u64)>,
    pub kind: Vec<(String, u64)>,
    pub year: Vec<(String, u64)>,
}

#[derive(Debug, Clone)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Matching index entries (documents and clauses), counted when facets are asked for.
    pub total: Option<usize>,
    /// Counts of matching entries — clauses, and documents matched outside their clauses —
    /// by province, kind and year, when asked for.
    pub facets: Option<Facets>,
}

/// A reader kept open for many searches.
pub struct Searcher {
    reader: IndexReader,
    fields: Fields,
}

fn boxed(q: impl Query) -> Box<dyn Query> {
    Box::new(q)
}

fn term_q(field: Field, text: &str) -> Box<dyn Query> {
    boxed(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// A term, or a phrase of the tokens in order.
fn sequence(field: Field, tokens: &[String]) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [one] => Some(term_q(field, one)),
        many => Some(boxed(PhraseQuery::new(
            many.iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        ))),
    }
}

/// A phrase over every other bigram (and the last): the bigrams at even offsets already cover
/// every character, so the phrase is as exact with half the terms to intersect.
fn strided(field: Field, grams: &[String]) -> Option<Box<dyn Query>> {
    if grams.len() <= 2 {
        return sequence(field, grams);
    }
    let mut terms: Vec<(usize, Term)> = grams
        .iter()
        .enumerate()
        .step_by(2)
        .map(|(i, g)| (i, Term::from_field_text(field, g)))
        .collect();
    if grams.len().is_multiple_of(2) {
        let last = grams.len() - 1;
        terms.push((last, Term::from_field_text(field, &grams[last])));
    }
    Some(boxed(PhraseQuery::new_with_offset(terms)))
}

/// The spellings of a text one OCR confusion away, at most 48.
fn confusion_variants(text: &str) -> Vec<String> {
    let confusions = &crate::dictionaries::get().ocr_confusions;
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if let Some((_, alts)) = confusions.iter().find(|(from, _)| from == c) {
            for a in alts {
                let mut v = chars.clone();
                v[i] = *a;
                out.push(v.into_iter().collect());
                if out.len() == 48 {
                    return out;
                }
            }
        }
    }
    out
}

fn words(text: &str) -> Vec<String> {
    word_tokens(text).into_iter().map(|t| t.text).collect()
}

fn bigrams(text: &str) -> Vec<String> {
    bigram_tokens(text).into_iter().map(|t| t.text).collect()
}

/// Words to find anywhere a Document or clause holds text.
fn text_query(f: &Fields, text: &str, reach: Reach) -> Option<Box<dyn Query>> {
    let text = normalize_query(text);
    let w = words(&text);
    let g = if reach >= Reach::Bigrams {
        bigrams(&text)
    } else {
        Vec::new()
    };
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for field in [f.text, f.subject, f.issuer, f.section, f.signatories] {
        if let Some(q) = sequence(field, &w) {
            any.push((Occur::Should, q));
        }
    }
    if reach >= Reach::Bigrams {
        if let Some(q) = sequence(f.body, &w) {
            any.push((Occur::Should, q));
        }
        if let Some(q) = strided(f.grams, &g) {
            any.push((Occur::Should, q));
        }
    }
    if reach >= Reach::Variants {
        for v in std::iter::once(text.clone()).chain(confusion_variants(&text)) {
            let sk: Vec<String> = skeleton_tokens(&v).into_iter().map(|t| t.text).collect();
            if let Some(q) = strided(f.skel, &sk) {
                any.push((Occur::Should, q));
            }
        }
    }
    if reach == Reach::Fuzzy {
        // Each word within one edit (words of four characters or more) …
        let fuzzy_words: Vec<(Occur, Box<dyn Query>)> = w
            .iter()
            .map(|t| {
                let term = Term::from_field_text(f.text, t);
                let q: Box<dyn Query> = if t.chars().count() >= 4 {
                    boxed(FuzzyTermQuery::new(term, 1, true))
                } else {
                    boxed(TermQuery::new(term, IndexRecordOption::WithFreqs))
                };
                (Occur::Must, q)
            })
            .collect();
        if !fuzzy_words.is_empty() {
            any.push((Occur::Should, boxed(BooleanQuery::new(fuzzy_words))));
        }
        // … or most runs of the word's letters: the bigrams cut into at most four runs (of four
        // bigrams or more), each run an exact phrase; one OCR slip spoils at most two runs, so
        // all but two must match.
        let size = g.len().div_ceil(4).max(4);
        let runs: Vec<Box<dyn Query>> = g
            .chunks(size)
            .filter_map(|run| strided(f.grams, run))
            .collect();
        if runs.len() >= 3 {
            let need = runs.len() - 2;
            any.push((
                Occur::Should,
                boxed(BooleanQuery::union_with_minimum_required_clauses(
                    runs, need,
                )),
            ));
        }
    }
    (!any.is_empty()).then(|| boxed(BooleanQuery::new(any)))
}

fn u64_range(field: Field, lo: u64, hi: u64) -> Box<dyn Query> {
    boxed(RangeQuery::new(
        Bound::Included(Term::from_field_u64(field, lo)),
        Bound::Included(Term::from_field_u64(field, hi)),
    ))
}

fn filter_query(f: &Fields, filter: &Filter) -> Option<Box<dyn Query>> {
    Some(match filter {
        Filter::Province(p) => term_q(f.province, p),
        Filter::Kind(k) => term_q(f.kind, k.as_str()),
        Filter::YearBe(a, b) => u64_range(f.year_be, *a, *b),
        Filter::Date(a, b) => u64_range(f.date_num, *a, *b),
        Filter::Issuer(s) => sequence(f.issuer, &words(&normalize_query(s)))?,
        Filter::Section(s) => sequence(f.section, &words(&normalize_query(s)))?,
        Filter::Clause(n) => term_q(f.number, n),
        Filter::Id(id) => term_q(f.doc_id, id),
    })
}

/// The tantivy query for a query string, and the words to highlight.
pub fn build_query(
    f: &Fields,
    q: &str,
    reach: Reach,
) -> Result<(Box<dyn Query>, Vec<String>), IndexError> {
    let items = query::parse(q).map_err(IndexError::Query)?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut needles = Vec::new();
    for item in &items {
        let sub = match &item.part {
            Part::Text(t) => {
                if !item.negated {
                    let n = normalize_query(t);
                    needles.extend(n.split_whitespace().map(str::to_string));
                }
                // An exclusion is matched as widely as exact matching goes.
                let r = if item.negated { Reach::Bigrams } else { reach };
                text_query(f, t, r)
            }
            Part::Filter(fl) => filter_query(f, fl),
        };
        match sub {
            Some(s) => clauses.push((
                if item.negated {
                    Occur::MustNot
                } else {
                    Occur::Must
                },
                s,
            )),
            None if !item.negated => {
                return Err(IndexError::Query(
                    "a query word has no letters or digits to search for".into(),
                ))
            }
            None => {}
        }
    }
    if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
        clauses.push((Occur::Must, boxed(AllQuery)));
    }
    Ok((boxed(BooleanQuery::new(clauses)), needles))
}

fn text_of(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .filter(|s| !s.is_empty())
}

/// A clause entry as a clause to compare.
fn clause_ref(f: &Fields, doc: &TantivyDocument) -> crate::compare::ClauseRef {
    crate::compare::ClauseRef {
        doc_id: text_of(doc, f.doc_id).unwrap_or_default(),
        issuer: text_of(doc, f.issuer),
        province: text_of(doc, f.province),
        section: text_of(doc, f.section),
        number: text_of(doc, f.number).unwrap_or_default(),
        text: text_of(doc, f.text).unwrap_or_default(),
    }
}

/// A query restricted to clause entries.
fn only_clauses(f: &Fields, query: Box<dyn Query>) -> BooleanQuery {
    BooleanQuery::new(vec![
        (Occur::Must, query),
        (Occur::Must, term_q(f.entry, schema::CLAUSE)),
    ])
}

fn facet_values(counts: &tantivy::collector::FacetCounts, root: &str) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = counts
        .get(root)
        .map(|(facet, n)| {
            (
                facet
                    .to_path()
                    .last()
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                n,
            )
        })
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

impl PrakatIndex {
    pub fn searcher(&self) -> Result<Searcher, IndexError> {
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Searcher {
            reader,
            fields: self.fields,
        })
    }
}

impl Searcher {
    pub fn search(&self, q: &str, opts: &SearchOptions) -> Result<Results, IndexError> {
        let f = &self.fields;
        let searcher = self.reader.searcher();
        let fetch = (opts.limit.max(1)) * 3;
        let widest = if opts.fuzzy {
            Reach::Fuzzy
        } else {
            Reach::Bigrams
        };
        let mut reach = Reach::Words;
        let (query, needles, top) = loop {
            let (query, needles) = build_query(f, q, reach)?;
            let top = searcher.search(&query, &TopDocs::with_limit(fetch).order_by_score())?;
            if top.len() >= fetch || reach == widest {
                break (query, needles, top);
            }
            reach = match reach {
                Reach::Words => Reach::Bigrams,
                Reach::Bigrams => Reach::Variants,
                _ => Reach::Fuzzy,
            };
        };
        // The total and the facets count every match of the widest matching, which visits every
        // match: only when asked for.
        let query = if opts.facets && reach != widest {
            build_query(f, q, widest)?.0
        } else {
            query
        };
        let mut hits: Vec<Hit> = Vec::new();
        let mut clause_docs = std::collections::HashSet::new();
        let mut docs: Vec<(f32, TantivyDocument)> = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc::<TantivyDocument>(addr)?;
            if text_of(&doc, f.entry).as_deref() == Some(schema::CLAUSE) {
                clause_docs.insert(text_of(&doc, f.doc_id).unwrap_or_default());
            }
            docs.push((score, doc));
        }
        for (score, doc) in docs {
            let is_clause = text_of(&doc, f.entry).as_deref() == Some(schema::CLAUSE);
            let id = text_of(&doc, f.doc_id).unwrap_or_default();
            if !is_clause && clause_docs.contains(&id) {
                continue; // the document is already there through its clauses
            }
            let body = text_of(&doc, if is_clause { f.text } else { f.body }).unwrap_or_default();
            let snippet_source = if is_clause {
                body
            } else {
                match text_of(&doc, f.subject) {
                    Some(s) if needles.iter().any(|n| s.contains(n.as_str())) => s,
                    _ => body,
                }
            };
            hits.push(Hit {
                id,
                path: text_of(&doc, f.path).unwrap_or_default(),
                issuer: text_of(&doc, f.issuer),
                province: text_of(&doc, f.province),
                kind: text_of(&doc, f.kind),
                date: text_of(&doc, f.date),
                section: text_of(&doc, f.section),
                number: if is_clause {
                    text_of(&doc, f.number)
                } else {
                    None
                },
                label: if is_clause {
                    text_of(&doc, f.label)
                } else {
                    None
                },
                page: doc.get_first(f.page).and_then(|v| v.as_u64()),
                score,
                snippet: snippet::make(&snippet_source, &needles, opts.snippet_chars),
            });
            if hits.len() == opts.limit {
                break;
            }
        }
        let total = if opts.facets {
            Some(searcher.search(&query, &Count)?)
        } else {
            None
        };
        let facets = if opts.facets {
            let mut fc = FacetCollector::for_field("facets");
            for root in ["/province", "/kind", "/year"] {
                fc.add_facet(root);
            }
            let counts = searcher.search(&query, &fc)?;
            Some(Facets {
                province: facet_values(&counts, "/province"),
                kind: facet_values(&counts, "/kind"),
                year: facet_values(&counts, "/year"),
            })
        } else {
            None
        };
        Ok(Results {
            hits,
            total,
            facets,
        })
    }

    /// How many clause entries match a query (no ranking, no snippets).
    pub fn count_clauses(&self, q: &str) -> Result<usize, IndexError> {
        let (query, _) = build_query(&self.fields, q, Reach::Bigrams)?;
        Ok(self
            .reader
            .searcher()
            .search(&only_clauses(&self.fields, query), &Count)?)
    }

    /// Every clause entry matching a query (filters alone select whole Documents' clauses),
    /// in index order, at most `max`.
    pub fn clauses(
        &self,
        q: &str,
        max: usize,
    ) -> Result<Vec<crate::compare::ClauseRef>, IndexError> {
        let (query, _) = build_query(&self.fields, q, Reach::Bigrams)?;
        self.clause_entries(only_clauses(&self.fields, query), max)
    }

    /// Every clause in the index, in index order, with its Document's issuer and province.
    pub fn all_clauses(&self) -> Result<Vec<crate::compare::ClauseRef>, IndexError> {
        self.clause_entries(only_clauses(&self.fields, boxed(AllQuery)), usize::MAX)
    }

    fn clause_entries(
        &self,
        query: BooleanQuery,
        max: usize,
    ) -> Result<Vec<crate::compare::ClauseRef>, IndexError> {
        let searcher = self.reader.searcher();
        let mut addrs: Vec<DocAddress> = searcher
            .search(&query, &tantivy::collector::DocSetCollector)?
            .into_iter()
            .collect();
        addrs.sort();
        addrs.truncate(max);
        addrs
            .into_iter()
            .map(|addr| Ok(clause_ref(&self.fields, &searcher.doc(addr)?)))
            .collect()
    }

    /// The clauses most similar to a text: candidates by BM25 over the text's words (a
    /// disjunction, which tantivy prunes), re-ranked by the similarity `compare` aligns with.
    /// Returns each clause with its similarity and its Document's signing date.
    pub fn similar(
        &self,
        text: &str,
        limit: usize,
    ) -> Result<Vec<(crate::compare::ClauseRef, f64, Option<String>)>, IndexError> {
        let f = &self.fields;
        let mut terms = words(&normalize_query(text));
        terms.retain(|t| t.chars().count() >= 2);
        terms.sort();
        terms.dedup();
        if terms.is_empty() {
            return Err(IndexError::Query("the text has no words to compare".into()));
        }
        let query = BooleanQuery::new(
            terms
                .iter()
                .take(256)
                .map(|t| (Occur::Should, term_q(f.text, t)))
                .collect(),
        );
        let searcher = self.reader.searcher();
        let top = searcher.search(
            &query,
            &TopDocs::with_limit(200.max(limit * 10)).order_by_score(),
        )?;
        let target = crate::compare::trigrams(&crate::compare::skeleton(text));
        let mut out = Vec::with_capacity(top.len());
        for (_, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let clause = clause_ref(f, &doc);
            let score = crate::compare::profile_similarity(
                &target,
                &crate::compare::trigrams(&crate::compare::skeleton(&clause.text)),
            );
            out.push((clause, score, text_of(&doc, f.date)));
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        out.truncate(limit);
        Ok(out)
    }
}
