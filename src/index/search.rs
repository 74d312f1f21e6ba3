//! Running a query: ranked clause and document hits with snippets, and facet counts.

use std::ops::Bound;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, IndexReader, ReloadPolicy, TantivyDocument, Term};

use super::node::{Checker, Node, Weights};
use super::query::{self, Filter, Part};
use super::schema::{self, Fields};
use super::snippet::{self, Snippet};
use super::tokenizer::{bigram_tokens, normalize_query, skeleton_tokens, word_tokens};
use super::{IndexError, PrakatIndex};

/// How widely a query's words are matched. A search climbs a ladder of them, cheapest first,
/// and stops at the first that fills the page: matches in the words fields carry the most
/// score, so a page they fill is the page the wider matching would rank first. The plain
/// ladder is `Words`, `Bigrams`; the OCR-tolerant one (`--fuzzy`) is `Words`, `Spellings`,
/// `Variants`, `Fuzzy`. Each rung holds everything the rungs below it on its ladder hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    /// The segmented words, as a phrase, in clauses and in the Documents' headers.
    Words,
    /// Also anywhere in a Document's text (preambles, closing paragraphs), and the Thai
    /// character bigrams as a phrase: found however the segmenter splits the words in the
    /// query or in the text.
    Bigrams,
    /// `Words`, and the words of the spellings one OCR confusion away
    /// (`dictionaries/ocr_confusions.tsv`: พ/ฟ, ซ/ช, ใ/ไ …) that the index holds most of. Cheap
    /// (word postings are short next to bigram postings), and it is where most misspelt
    /// queries end: `จัดชื้อจัดจ้าง` finds จัดซื้อจัดจ้าง here.
    Spellings,
    /// `Bigrams` and `Spellings`, and the bigrams without marks (a lost or invented tone mark
    /// or above vowel) of the text and of those spellings.
    Variants,
    /// Also words within one edit, and most runs of the word's letters (any OCR slip).
    Fuzzy,
}

impl Reach {
    fn bigrams(self) -> bool {
        matches!(self, Reach::Bigrams | Reach::Variants | Reach::Fuzzy)
    }

    fn spellings(self) -> bool {
        self >= Reach::Spellings
    }

    fn skeleton(self) -> bool {
        self >= Reach::Variants
    }
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

fn term_q(field: Field, text: &str) -> Node {
    Node::leaf(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// How a sequence of tokens is matched.
///
/// A phrase reads the positions of every term in every Document that holds all of them: at a
/// million clauses a common phrase (`รับฟังความคิดเห็น`, 53,000 matches) costs 10 ms that way.
/// All of the tokens anywhere in the field is a superset that needs no positions, and tantivy
/// prunes a conjunction of terms (block-max) for a top-k search: a search ranks with the loose
/// form and then checks only the candidates it keeps against the exact one (`ranked`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    /// Sequences are phrases: what a query means.
    Exact,
    /// Sequences are all their tokens, anywhere: a superset of `Exact`, to rank candidates.
    Loose,
}

/// All of the terms, in any order (each once).
fn conjunction(field: Field, tokens: &[String]) -> Node {
    let mut unique: Vec<&String> = tokens.iter().collect();
    unique.sort();
    unique.dedup();
    if let [one] = unique.as_slice() {
        return term_q(field, one);
    }
    Node::Bool(
        unique
            .into_iter()
            .map(|t| (Occur::Must, term_q(field, t)))
            .collect(),
    )
}

/// A term, or a phrase of the tokens in order.
fn sequence(field: Field, tokens: &[String], m: Matching) -> Option<Node> {
    match tokens {
        [] => None,
        [one] => Some(term_q(field, one)),
        many if m == Matching::Loose => Some(conjunction(field, many)),
        many => Some(Node::leaf(PhraseQuery::new(
            many.iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        ))),
    }
}

/// The bigrams at even offsets, and the last: they already cover every character, so a
/// phrase over them is as exact with half the terms to intersect.
fn stride(grams: &[String]) -> Vec<(usize, &String)> {
    let mut picked: Vec<(usize, &String)> = grams.iter().enumerate().step_by(2).collect();
    if grams.len() > 1 && grams.len().is_multiple_of(2) {
        picked.push((grams.len() - 1, &grams[grams.len() - 1]));
    }
    picked
}

/// A phrase over the strided bigrams; loosely, all the bigrams anywhere (all of them, not the
/// strided ones: the superset is then much tighter — 75 entries against 40,000 for a misspelt
/// query on the benchmark corpus — and no slower).
fn strided(field: Field, grams: &[String], m: Matching) -> Option<Node> {
    if grams.len() <= 2 || m == Matching::Loose {
        return sequence(field, grams, m);
    }
    let picked = stride(grams);
    Some(Node::leaf(PhraseQuery::new_with_offset(
        picked
            .into_iter()
            .map(|(i, g)| (i, Term::from_field_text(field, g)))
            .collect(),
    )))
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

/// The most conjunctions a loose query is split into (`Node::alternatives`).
const MAX_ALTERNATIVES: usize = 16;

/// How many spellings one confusion away a tolerant search tries, besides the text's own.
const SPELLINGS: usize = 4;

/// Chooses, for a tolerant search, the spellings of a text one OCR confusion away worth
/// trying, and remembers them: a search builds each stage's query twice (loose and exact) and
/// its widest stage again for the counts, and each must see the same spellings.
pub struct Speller<'a> {
    searcher: &'a tantivy::Searcher,
    /// The words field, whose document frequencies rank the spellings.
    field: Field,
    chosen: std::cell::RefCell<std::collections::HashMap<String, Vec<String>>>,
}

impl<'a> Speller<'a> {
    pub fn new(searcher: &'a tantivy::Searcher, fields: &Fields) -> Self {
        Speller {
            searcher,
            field: fields.text,
            chosen: Default::default(),
        }
    }

    /// The likeliest spellings of `text` (see `likeliest_spellings`), worked out once.
    fn spellings(&self, text: &str) -> Vec<String> {
        if let Some(known) = self.chosen.borrow().get(text) {
            return known.clone();
        }
        let chosen = likeliest_spellings(self.searcher, self.field, text);
        self.chosen
            .borrow_mut()
            .insert(text.to_string(), chosen.clone());
        chosen
    }
}

/// The `SPELLINGS` spellings of a text one OCR confusion away that the index holds most of,
/// judged by the document frequency of each one's rarest word (an upper bound on its
/// matches); a spelling with a word found nowhere is dropped, as is one whose words are the
/// text's own. As a spelling suggester prefers the commonest correction: trying all 48 as
/// bigrams cost 50 ms a query at a million clauses.
fn likeliest_spellings(searcher: &tantivy::Searcher, field: Field, text: &str) -> Vec<String> {
    let own = words(text);
    let mut freq: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    let mut ranked: Vec<(u64, String)> = Vec::new();
    for sp in confusion_variants(text) {
        let w = words(&sp);
        if w == own || w.is_empty() {
            continue;
        }
        let bound = w
            .iter()
            .map(|t| {
                *freq.entry(t.clone()).or_insert_with(|| {
                    searcher
                        .doc_freq(&Term::from_field_text(field, t))
                        .unwrap_or(0)
                })
            })
            .min()
            .unwrap_or(0);
        if bound > 0 {
            ranked.push((bound, sp));
        }
    }
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    ranked.truncate(SPELLINGS);
    ranked.into_iter().map(|(_, sp)| sp).collect()
}

fn words(text: &str) -> Vec<String> {
    word_tokens(text).into_iter().map(|t| t.text).collect()
}

fn bigrams(text: &str) -> Vec<String> {
    bigram_tokens(text).into_iter().map(|t| t.text).collect()
}

/// Words to find anywhere a Document or clause holds text.
fn text_query(
    f: &Fields,
    text: &str,
    reach: Reach,
    m: Matching,
    speller: Option<&Speller>,
) -> Option<Node> {
    let text = normalize_query(text);
    let w = words(&text);
    let g = if reach.bigrams() {
        bigrams(&text)
    } else {
        Vec::new()
    };
    let mut any: Vec<(Occur, Node)> = Vec::new();
    for field in [f.text, f.subject, f.issuer, f.section, f.signatories] {
        if let Some(q) = sequence(field, &w, m) {
            any.push((Occur::Should, q));
        }
    }
    if reach.bigrams() {
        if let Some(q) = sequence(f.body, &w, m) {
            any.push((Occur::Should, q));
        }
        if let Some(q) = strided(f.grams, &g, m) {
            any.push((Occur::Should, q));
        }
    }
    if reach.spellings() {
        let spellings = speller.map(|s| s.spellings(&text)).unwrap_or_default();
        for sp in &spellings {
            let sw = words(sp);
            for field in [f.text, f.subject, f.issuer, f.section, f.signatories] {
                if let Some(q) = sequence(field, &sw, m) {
                    any.push((Occur::Should, q));
                }
            }
        }
        if reach.skeleton() {
            for sp in std::iter::once(&text).chain(&spellings) {
                let sk: Vec<String> = skeleton_tokens(sp).into_iter().map(|t| t.text).collect();
                if let Some(q) = strided(f.skel, &sk, m) {
                    any.push((Occur::Should, q));
                }
            }
        }
    }
    if reach == Reach::Fuzzy {
        // Each word within one edit (words of four characters or more) …
        let fuzzy_words: Vec<(Occur, Node)> = w
            .iter()
            .map(|t| {
                let term = Term::from_field_text(f.text, t);
                let q = if t.chars().count() >= 4 {
                    Node::leaf(FuzzyTermQuery::new(term, 1, true))
                } else {
                    Node::leaf(TermQuery::new(term, IndexRecordOption::WithFreqs))
                };
                (Occur::Must, q)
            })
            .collect();
        if !fuzzy_words.is_empty() {
            any.push((Occur::Should, Node::Bool(fuzzy_words)));
        }
        // … or most runs of the word's letters: the bigrams cut into at most four runs (of four
        // bigrams or more), each run an exact phrase; one OCR slip spoils at most two runs, so
        // all but two must match.
        let size = g.len().div_ceil(4).max(4);
        let runs: Vec<Node> = g
            .chunks(size)
            .filter_map(|run| strided(f.grams, run, m))
            .collect();
        if runs.len() >= 3 {
            let need = runs.len() - 2;
            any.push((Occur::Should, Node::AtLeast(need, runs)));
        }
    }
    (!any.is_empty()).then_some(Node::Bool(any))
}

fn u64_range(field: Field, lo: u64, hi: u64) -> Node {
    Node::leaf(RangeQuery::new(
        Bound::Included(Term::from_field_u64(field, lo)),
        Bound::Included(Term::from_field_u64(field, hi)),
    ))
}

fn filter_query(f: &Fields, filter: &Filter, m: Matching) -> Option<Node> {
    Some(match filter {
        Filter::Province(p) => term_q(f.province, p),
        Filter::Kind(k) => term_q(f.kind, k.as_str()),
        Filter::YearBe(a, b) => u64_range(f.year_be, *a, *b),
        Filter::Date(a, b) => u64_range(f.date_num, *a, *b),
        Filter::Issuer(s) => sequence(f.issuer, &words(&normalize_query(s)), m)?,
        Filter::Section(s) => sequence(f.section, &words(&normalize_query(s)), m)?,
        Filter::Clause(n) => term_q(f.number, n),
        Filter::Id(id) => term_q(f.doc_id, id),
    })
}

/// The query tree for a query string, and the words to highlight.
pub fn build_query(
    f: &Fields,
    q: &str,
    reach: Reach,
    matching: Matching,
    speller: Option<&Speller>,
) -> Result<(Node, Vec<String>), IndexError> {
    let items = query::parse(q).map_err(IndexError::Query)?;
    let mut clauses: Vec<(Occur, Node)> = Vec::new();
    let mut needles = Vec::new();
    for item in &items {
        // An exclusion is always exact: excluding a superset would drop true matches.
        let m = if item.negated {
            Matching::Exact
        } else {
            matching
        };
        let sub = match &item.part {
            Part::Text(t) => {
                if !item.negated {
                    let n = normalize_query(t);
                    needles.extend(n.split_whitespace().map(str::to_string));
                }
                // An exclusion is matched as widely as exact matching goes.
                let r = if item.negated { Reach::Bigrams } else { reach };
                text_query(f, t, r, m, speller)
            }
            Part::Filter(fl) => filter_query(f, fl, m),
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
        clauses.push((Occur::Must, Node::leaf(AllQuery)));
    }
    Ok((Node::Bool(clauses), needles))
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
fn only_clauses(f: &Fields, query: Node) -> Box<dyn Query> {
    Node::Bool(vec![
        (Occur::Must, query),
        (Occur::Must, term_q(f.entry, schema::CLAUSE)),
    ])
    .query()
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

/// The best `fetch` entries matching `exact`, ranked by `loose` (a superset of it, see
/// `Matching`): the loose query's top candidates, pruned and read without positions, each
/// checked against the exact query; when too few pass, more candidates are taken. Every exact
/// match is a loose match, so nothing the exact query finds is lost: at worst every loose
/// match is checked.
fn ranked(
    searcher: &tantivy::Searcher,
    loose: &Node,
    exact: &Node,
    fetch: usize,
) -> Result<Vec<(f32, DocAddress)>, IndexError> {
    // A union of conjunctions is searched one conjunction at a time, see `Node::alternatives`.
    let parts: Vec<Box<dyn Query>> = match loose.alternatives(MAX_ALTERNATIVES) {
        Some(alts) => alts.iter().map(Node::query).collect(),
        None => vec![loose.query()],
    };
    let weights = exact.weights(searcher)?;
    let mut k = fetch.max(1) * 2;
    loop {
        let mut candidates: Vec<(f32, DocAddress)> = Vec::new();
        let mut exhausted = true;
        for part in &parts {
            let top = searcher.search(part.as_ref(), &TopDocs::with_limit(k).order_by_score())?;
            exhausted &= top.len() < k;
            candidates.extend(top);
        }
        // An entry found by several parts once, with its best score.
        candidates.sort_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)));
        candidates.dedup_by(|a, b| a.1 == b.1);
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let kept = matching_exactly(searcher, &weights, candidates)?;
        if kept.len() >= fetch || exhausted {
            return Ok(kept.into_iter().take(fetch).collect());
        }
        k = k.saturating_mul(8);
    }
}

/// The candidates the exact query matches, in their order.
fn matching_exactly(
    searcher: &tantivy::Searcher,
    weights: &Weights,
    candidates: Vec<(f32, DocAddress)>,
) -> Result<Vec<(f32, DocAddress)>, IndexError> {
    // A checker per segment, asked about that segment's candidates in entry order.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| candidates[i].1);
    let mut keep = vec![false; candidates.len()];
    let mut current: Option<(u32, Checker)> = None;
    for i in order {
        let DocAddress {
            segment_ord,
            doc_id,
        } = candidates[i].1;
        let checker = match &mut current {
            Some((s, c)) if *s == segment_ord => c,
            _ => {
                let c = weights.checker(searcher.segment_reader(segment_ord));
                &mut current.insert((segment_ord, c)).1
            }
        };
        keep[i] = checker.matches(doc_id)?;
    }
    Ok(candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect())
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
        let speller = Speller::new(&searcher, f);
        let fetch = (opts.limit.max(1)) * 3;
        let ladder: &[Reach] = if opts.fuzzy {
            &[
                Reach::Words,
                Reach::Spellings,
                Reach::Variants,
                Reach::Fuzzy,
            ]
        } else {
            &[Reach::Words, Reach::Bigrams]
        };
        let widest = ladder[ladder.len() - 1];
        let mut rungs = ladder.iter().copied();
        let mut reach = Reach::Words;
        let (needles, top) = loop {
            let (loose, needles) = build_query(f, q, reach, Matching::Loose, Some(&speller))?;
            let (exact, _) = build_query(f, q, reach, Matching::Exact, Some(&speller))?;
            let top = ranked(&searcher, &loose, &exact, fetch)?;
            if top.len() >= fetch || reach == widest {
                break (needles, top);
            }
            reach = rungs.find(|r| *r > reach).unwrap_or(widest);
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
        // The total and the facets count every exact match of the widest matching, which
        // visits every match: only when asked for, in one pass.
        let (total, facets) = if opts.facets {
            let query = build_query(f, q, widest, Matching::Exact, Some(&speller))?
                .0
                .query();
            let mut fc = FacetCollector::for_field("facets");
            for root in ["/province", "/kind", "/year"] {
                fc.add_facet(root);
            }
            let (total, counts) = searcher.search(query.as_ref(), &(Count, fc))?;
            let facets = Facets {
                province: facet_values(&counts, "/province"),
                kind: facet_values(&counts, "/kind"),
                year: facet_values(&counts, "/year"),
            };
            (Some(total), Some(facets))
        } else {
            (None, None)
        };
        Ok(Results {
            hits,
            total,
            facets,
        })
    }

    /// How many clause entries match a query (no ranking, no snippets).
    pub fn count_clauses(&self, q: &str) -> Result<usize, IndexError> {
        let (query, _) = build_query(&self.fields, q, Reach::Bigrams, Matching::Exact, None)?;
        Ok(self
            .reader
            .searcher()
            .search(only_clauses(&self.fields, query).as_ref(), &Count)?)
    }

    /// Every clause entry matching a query (filters alone select whole Documents' clauses),
    /// in index order, at most `max`.
    pub fn clauses(
        &self,
        q: &str,
        max: usize,
    ) -> Result<Vec<crate::compare::ClauseRef>, IndexError> {
        let (query, _) = build_query(&self.fields, q, Reach::Bigrams, Matching::Exact, None)?;
        self.clause_entries(only_clauses(&self.fields, query), max)
    }

    /// Every clause in the index, in index order, with its Document's issuer and province.
    pub fn all_clauses(&self) -> Result<Vec<crate::compare::ClauseRef>, IndexError> {
        self.clause_entries(only_clauses(&self.fields, Node::leaf(AllQuery)), usize::MAX)
    }

    fn clause_entries(
        &self,
        query: Box<dyn Query>,
        max: usize,
    ) -> Result<Vec<crate::compare::ClauseRef>, IndexError> {
        let searcher = self.reader.searcher();
        let mut addrs: Vec<DocAddress> = searcher
            .search(query.as_ref(), &tantivy::collector::DocSetCollector)?
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
        let query = Node::Bool(
            terms
                .iter()
                .take(256)
                .map(|t| (Occur::Should, term_q(f.text, t)))
                .collect(),
        )
        .query();
        let searcher = self.reader.searcher();
        let top = searcher.search(
            query.as_ref(),
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use tantivy::collector::DocSetCollector;

    use super::*;

    /// An index of the bundled text fixtures.
    fn fixture_index(dir: &Path) -> PrakatIndex {
        let ix = PrakatIndex::open_or_create(dir).expect("index");
        let mut w = ix.steady_writer().expect("writer");
        let texts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text");
        let mut paths: Vec<_> = std::fs::read_dir(texts)
            .expect("fixtures")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        // A segment per file, kept apart: the same segments on every machine (a writer with a
        // thread per core split them by chance, and one split once broke an exclusion — see
        // `exclusion`), and several of them, as a grown index has.
        for path in paths {
            let doc = crate::ingest::ingest_file(&path).expect("ingests").document;
            w.add(&doc).expect("adds");
            w.commit().expect("commit");
        }
        ix
    }

    /// Common and rare words, phrases, digit forms, filters, exclusions and misspellings.
    const QUERIES: &[&str] = &[
        "ความคิดเห็น",
        "กล่องรับฟังความคิดเห็น",
        "ให้ความร่วมมือ",
        "มาตรา 65",
        "\"ข้อมูลข่าวสาร\"",
        "ประชาชน -kind:province",
        "จังหวัด kind:pao",
        "ให้ year:2560..2570",
        "การ -\"ประชาชน\"",
        "จัดชื้อจัดจ้าง",
        "หน้ากากอนามย",
        "กล่องรับพังความคิดเห็น",
        "ความพึงพอไจ",
    ];

    const REACHES: [Reach; 5] = [
        Reach::Words,
        Reach::Bigrams,
        Reach::Spellings,
        Reach::Variants,
        Reach::Fuzzy,
    ];

    fn matches(searcher: &tantivy::Searcher, node: &Node) -> BTreeSet<DocAddress> {
        searcher
            .search(node.query().as_ref(), &DocSetCollector)
            .expect("search")
            .into_iter()
            .collect()
    }

    #[test]
    fn the_checker_agrees_with_tantivy_on_every_entry() {
        let dir = tempfile::tempdir().expect("tmp");
        let ix = fixture_index(dir.path());
        let searcher = ix.searcher().expect("searcher").reader.searcher();
        let speller = Speller::new(&searcher, &ix.fields);
        let mut matched = 0;
        for q in QUERIES {
            for reach in REACHES {
                let (exact, _) = build_query(&ix.fields, q, reach, Matching::Exact, Some(&speller))
                    .expect("query");
                let want = matches(&searcher, &exact);
                matched += want.len();
                let weights = exact.weights(&searcher).expect("weights");
                for (ord, reader) in searcher.segment_readers().iter().enumerate() {
                    let mut checker = weights.checker(reader);
                    for doc in 0..reader.max_doc() {
                        let addr = DocAddress::new(ord as u32, doc);
                        assert_eq!(
                            checker.matches(doc).expect("check"),
                            want.contains(&addr),
                            "{q} at {reach:?}, entry {addr:?}"
                        );
                    }
                }
            }
        }
        assert!(
            matched > 1000,
            "the queries match too little to test: {matched}"
        );
    }

    #[test]
    fn ranking_by_the_loose_query_keeps_exactly_the_exact_matches() {
        let dir = tempfile::tempdir().expect("tmp");
        let ix = fixture_index(dir.path());
        let searcher = ix.searcher().expect("searcher").reader.searcher();
        let speller = Speller::new(&searcher, &ix.fields);
        for q in QUERIES {
            for reach in REACHES {
                let build = |m| {
                    build_query(&ix.fields, q, reach, m, Some(&speller))
                        .expect("query")
                        .0
                };
                let (loose, exact) = (build(Matching::Loose), build(Matching::Exact));
                let want = matches(&searcher, &exact);
                assert!(
                    want.is_subset(&matches(&searcher, &loose)),
                    "{q} at {reach:?}: the loose query must hold every exact match"
                );
                // Room for all: exactly the exact matches.
                let all = ranked(&searcher, &loose, &exact, want.len() + 1).expect("ranked");
                let got: BTreeSet<DocAddress> = all.iter().map(|(_, a)| *a).collect();
                assert_eq!(got, want, "{q} at {reach:?}");
                assert_eq!(got.len(), all.len(), "{q} at {reach:?}: an entry twice");
                // A short page: full, best first, all exact matches.
                let page = ranked(&searcher, &loose, &exact, 3).expect("ranked");
                assert_eq!(page.len(), want.len().min(3), "{q} at {reach:?}");
                assert!(page.iter().all(|(_, a)| want.contains(a)));
                assert!(page.windows(2).all(|w| w[0].0 >= w[1].0));
            }
        }
    }
}
