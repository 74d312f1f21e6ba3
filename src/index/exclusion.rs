//! An excluded clause (`-"ประชาชน"`) that tantivy may ask about any entry.
//!
//! Why: tantivy 0.27's `Exclude` asks each excluded scorer with `seek_danger` about every
//! candidate, also one below where that scorer already stands — a phrase scorer made in a
//! segment where its words occur but the phrase does not stands at the end from the start.
//! tantivy's phrase scorer asserts (in debug builds) that it is never asked below its place,
//! so `การ -"ประชาชน"` panicked whenever one segment lacked the phrase: it did on CI, where the
//! writer's two threads had split the test index differently. Release builds answer right —
//! the assertion, not the answer, is what is too strict — but a panic reachable from a query
//! is one too many. This wrapper answers `seek_danger` with plain forward `seek`s: the scorer
//! inside is never asked below its place and never left in `seek_danger`'s half-valid state.
//! An exclusion is read once, forwards, per segment, so its cost is its matches.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, Term, TERMINATED};

/// A query that matches what its inner query matches, safe to stand as a `MustNot` clause.
pub struct Excluded(Box<dyn Query>);

impl Excluded {
    pub fn new(inner: Box<dyn Query>) -> Excluded {
        Excluded(inner)
    }
}

impl Clone for Excluded {
    fn clone(&self) -> Self {
        Excluded(self.0.box_clone())
    }
}

impl fmt::Debug for Excluded {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Excluded({:?})", self.0)
    }
}

impl Query for Excluded {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ExcludedWeight(Box<dyn Weight>);

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ForwardOnly(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.0.count(reader)
    }
}

/// A scorer that is only ever moved forwards, and by `seek` or `advance`.
struct ForwardOnly(Box<dyn Scorer>);

impl DocSet for ForwardOnly {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    /// Stays where it stands when asked for an entry at or below it: that is where a `seek`
    /// would land, and the scorer inside may not be asked.
    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.0.doc();
        if doc >= target {
            doc
        } else {
            self.0.seek(target)
        }
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        let doc = self.seek(target);
        if doc == target && doc != TERMINATED {
            SeekDangerResult::Found
        } else {
            SeekDangerResult::SeekLowerBound(doc)
        }
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }

    fn cost(&self) -> u64 {
        self.0.cost()
    }
}

impl Scorer for ForwardOnly {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use tantivy::collector::DocSetCollector;
    use tantivy::indexer::NoMergePolicy;
    use tantivy::query::{BooleanQuery, Occur, PhraseQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, STORED, TEXT};
    use tantivy::{doc, Index, IndexWriter, TantivyDocument};

    use super::*;

    /// Entries in three segments: one has the phrase, one has its words apart, one has only
    /// the included word — the second is where tantivy's phrase scorer starts at the end.
    fn index() -> (Index, tantivy::schema::Field, tantivy::schema::Field) {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let id = schema.add_u64_field("id", STORED);
        let index = Index::create_in_ram(schema.build());
        let mut w: IndexWriter<TantivyDocument> = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        w.set_merge_policy(Box::new(NoMergePolicy));
        let segments: [&[&str]; 3] = [
            &["rules for red cars", "rules for blue cars", "red tape"],
            &["cars rules blue red", "rules red blue cars", "red rules"],
            &["rules alone", "more rules", "rules again"],
        ];
        let mut n = 0u64;
        for texts in segments {
            for t in texts {
                w.add_document(doc!(body => *t, id => n)).expect("add");
                n += 1;
            }
            w.commit().expect("commit");
        }
        (index, body, id)
    }

    fn ids(index: &Index, id: tantivy::schema::Field, q: &dyn Query) -> BTreeSet<u64> {
        let searcher = index.reader().expect("reader").searcher();
        let found = searcher.search(q, &DocSetCollector).expect("search");
        found
            .into_iter()
            .map(|a| {
                let d: TantivyDocument = searcher.doc(a).expect("doc");
                d.get_first(id)
                    .and_then(|v| tantivy::schema::Value::as_u64(&v))
                    .expect("id")
            })
            .collect()
    }

    #[test]
    fn a_phrase_absent_from_a_segment_can_be_excluded() {
        let (index, body, id) = index();
        assert_eq!(index.searchable_segment_ids().expect("ids").len(), 3);
        let term = |w: &str| Term::from_field_text(body, w);
        let phrase = PhraseQuery::new(vec![term("red"), term("cars")]);
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(term("rules"), IndexRecordOption::Basic)),
            ),
            (
                Occur::MustNot,
                Box::new(Excluded::new(Box::new(phrase.clone()))),
            ),
        ]);
        // Every entry with "rules" but entry 0, the one "red cars" stands in.
        let want: BTreeSet<u64> = [1, 3, 4, 5, 6, 7, 8].into_iter().collect();
        assert_eq!(ids(&index, id, &q), want);
        // The phrase alone, wrapped, matches what it matches bare.
        assert_eq!(
            ids(&index, id, &Excluded::new(Box::new(phrase.clone()))),
            ids(&index, id, &phrase)
        );
    }

    #[test]
    fn it_answers_as_a_forward_seek_would_from_wherever_it_stands() {
        let (index, body, _) = index();
        let searcher = index.reader().expect("reader").searcher();
        let term = |w: &str| Term::from_field_text(body, w);
        let phrase = PhraseQuery::new(vec![term("rules"), term("red")]);
        let scoring = EnableScoring::disabled_from_searcher(&searcher);
        let bare = phrase.weight(scoring).expect("weight");
        let wrapped = Excluded::new(Box::new(phrase))
            .weight(scoring)
            .expect("weight");
        let mut seen = 0;
        for reader in searcher.segment_readers() {
            let mut s = bare.scorer(reader, 1.0).expect("scorer");
            let mut docs = Vec::new();
            while s.doc() != TERMINATED {
                docs.push(s.doc());
                s.advance();
            }
            seen += docs.len();
            let next = |t: DocId| docs.iter().copied().find(|&d| d >= t).unwrap_or(TERMINATED);
            let mut w = wrapped.scorer(reader, 1.0).expect("scorer");
            // Asked first about an entry below where it stands, then about every entry.
            for t in [0]
                .into_iter()
                .chain(0..reader.max_doc())
                .chain([TERMINATED])
            {
                let want = match next(t) {
                    d if d == t && d != TERMINATED => SeekDangerResult::Found,
                    d => SeekDangerResult::SeekLowerBound(d),
                };
                assert_eq!(w.seek_danger(t), want, "entry {t}");
            }
        }
        assert!(seen > 0, "the phrase must match somewhere to test");
    }
}
