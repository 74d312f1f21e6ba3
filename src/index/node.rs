//! A query as a tree that tantivy can run whole and that can also decide, one candidate at a
//! time, whether a given entry matches.
//!
//! Why: a search ranks with a cheap superset of the query (phrases loosened to all of their
//! words, see `search::Matching`) and then keeps only the candidates the exact query matches.
//! Asking tantivy's own boolean scorer about one entry does not work for that: a union of
//! phrases asked to `seek` to an entry it does not match reads on to its next match — to the
//! end of the segment when there is none, which is the whole cost we set out to avoid. Each
//! leaf here is asked with `seek_danger`, which answers for that one entry and reads no further.

use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Searcher, SeekDangerResult, SegmentReader};

use super::exclusion::Excluded;
use super::IndexError;

/// A query tree. Leaves are single tantivy queries whose scorers seek well (terms, phrases,
/// ranges, fuzzy terms, all entries); the inner nodes are the boolean structure.
pub enum Node {
    Leaf(Box<dyn Query>),
    /// tantivy's boolean semantics: every `Must`, no `MustNot`, and when there is no `Must`, at
    /// least one `Should`.
    Bool(Vec<(Occur, Node)>),
    /// At least `n` of the children.
    AtLeast(usize, Vec<Node>),
}

impl Node {
    pub fn leaf(q: impl Query) -> Node {
        Node::Leaf(Box::new(q))
    }

    /// The tantivy query for the whole tree.
    pub fn query(&self) -> Box<dyn Query> {
        match self {
            Node::Leaf(q) => q.box_clone(),
            Node::Bool(clauses) => Box::new(BooleanQuery::new(
                clauses
                    .iter()
                    .map(|(o, n)| match o {
                        // tantivy's exclusion may ask a phrase below its place: see `exclusion`.
                        Occur::MustNot => {
                            (*o, Box::new(Excluded::new(n.query())) as Box<dyn Query>)
                        }
                        _ => (*o, n.query()),
                    })
                    .collect(),
            )),
            Node::AtLeast(n, children) => {
                Box::new(BooleanQuery::union_with_minimum_required_clauses(
                    children.iter().map(Node::query).collect(),
                    *n,
                ))
            }
        }
    }

    /// The query as a union of simpler ones, when it has that shape: each `Must` clause that
    /// is itself a union (only `Should` clauses) is split into its clauses, and every
    /// combination becomes a conjunction of its own, with conjunctions inside it flattened —
    /// `None` when there is nothing to split or more than `max` combinations.
    ///
    /// Why: tantivy prunes a top-k search over a conjunction of terms (block-max), but scores
    /// every match of a union of conjunctions. Searched one by one and merged, the union costs
    /// what its parts cost pruned: 20 ms → 3 ms for a misspelt query at a million clauses.
    pub fn alternatives(&self, max: usize) -> Option<Vec<Node>> {
        let Node::Bool(clauses) = self else {
            return None;
        };
        let mut combos: Vec<Vec<(Occur, Node)>> = vec![Vec::new()];
        let mut split = false;
        for (occur, node) in clauses {
            match node {
                Node::Bool(inner)
                    if *occur == Occur::Must
                        && !inner.is_empty()
                        && inner.iter().all(|(o, _)| *o == Occur::Should) =>
                {
                    split = true;
                    if combos.len() * inner.len() > max {
                        return None;
                    }
                    combos = combos
                        .iter()
                        .flat_map(|c| {
                            inner.iter().map(move |(_, alt)| {
                                let mut c = c.clone();
                                c.push((Occur::Must, alt.clone()));
                                c
                            })
                        })
                        .collect();
                }
                _ => {
                    for c in &mut combos {
                        c.push((*occur, node.clone()));
                    }
                }
            }
        }
        split.then(|| combos.into_iter().map(flatten).collect())
    }

    /// The leaves' weights, made once per search and reused for every segment.
    pub fn weights(&self, searcher: &Searcher) -> Result<Weights, IndexError> {
        Ok(match self {
            Node::Leaf(q) => {
                Weights::Leaf(q.weight(EnableScoring::disabled_from_searcher(searcher))?)
            }
            Node::Bool(clauses) => Weights::Bool(
                clauses
                    .iter()
                    .map(|(o, n)| Ok((*o, n.weights(searcher)?)))
                    .collect::<Result<_, IndexError>>()?,
            ),
            Node::AtLeast(n, children) => Weights::AtLeast(
                *n,
                children
                    .iter()
                    .map(|c| c.weights(searcher))
                    .collect::<Result<_, _>>()?,
            ),
        })
    }
}

/// A conjunction with the `Must`-only conjunctions among its clauses lifted into it, so that
/// tantivy sees one conjunction of terms (the shape it prunes).
fn flatten(clauses: Vec<(Occur, Node)>) -> Node {
    let mut out = Vec::with_capacity(clauses.len());
    for (occur, node) in clauses {
        match node {
            Node::Bool(inner)
                if occur == Occur::Must && inner.iter().all(|(o, _)| *o == Occur::Must) =>
            {
                out.extend(inner);
            }
            other => out.push((occur, other)),
        }
    }
    match <[(Occur, Node); 1]>::try_from(out) {
        Ok([(Occur::Must, node)]) => node,
        Ok([one]) => Node::Bool(vec![one]),
        Err(out) => Node::Bool(out),
    }
}

impl Clone for Node {
    fn clone(&self) -> Self {
        match self {
            Node::Leaf(q) => Node::Leaf(q.box_clone()),
            Node::Bool(clauses) => Node::Bool(clauses.clone()),
            Node::AtLeast(n, children) => Node::AtLeast(*n, children.clone()),
        }
    }
}

/// A tree's leaf weights.
pub enum Weights {
    Leaf(Box<dyn Weight>),
    Bool(Vec<(Occur, Weights)>),
    AtLeast(usize, Vec<Weights>),
}

impl Weights {
    /// A checker for one segment's entries, asked in increasing entry order.
    pub fn checker<'a>(&'a self, reader: &'a SegmentReader) -> Checker<'a> {
        match self {
            Weights::Leaf(weight) => Checker::Leaf {
                weight: weight.as_ref(),
                reader,
                scorer: None,
                below: 0,
            },
            Weights::Bool(clauses) => Checker::Bool(
                clauses
                    .iter()
                    .map(|(o, w)| (*o, w.checker(reader)))
                    .collect(),
            ),
            Weights::AtLeast(n, children) => {
                Checker::AtLeast(*n, children.iter().map(|c| c.checker(reader)).collect())
            }
        }
    }
}

/// Answers "does this entry match?" for increasing entries of one segment.
pub enum Checker<'a> {
    Leaf {
        weight: &'a dyn Weight,
        reader: &'a SegmentReader,
        /// Made at the first entry asked about: a phrase scorer made up front would read on to
        /// its first match, to the end of the segment when there is none.
        scorer: Option<Box<dyn Scorer>>,
        /// No entry below this one matches (what the scorer has ruled out so far).
        below: DocId,
    },
    Bool(Vec<(Occur, Checker<'a>)>),
    AtLeast(usize, Vec<Checker<'a>>),
}

impl Checker<'_> {
    /// Whether `doc` matches. Entries must be asked in strictly increasing order: a leaf's
    /// `seek_danger` only moves forward.
    pub fn matches(&mut self, doc: DocId) -> Result<bool, IndexError> {
        Ok(match self {
            Checker::Leaf {
                weight,
                reader,
                scorer,
                below,
            } => {
                if doc < *below {
                    return Ok(false);
                }
                let result = match scorer {
                    Some(s) => s.seek_danger(doc),
                    None => {
                        let (result, s) = weight.scorer_danger(reader, doc, 1.0)?;
                        *scorer = Some(s);
                        result
                    }
                };
                match result {
                    SeekDangerResult::Found => {
                        *below = doc.saturating_add(1);
                        true
                    }
                    SeekDangerResult::SeekLowerBound(next) => {
                        *below = next;
                        false
                    }
                }
            }
            Checker::Bool(clauses) => {
                let mut any_must = false;
                for (occur, c) in clauses.iter_mut() {
                    match occur {
                        Occur::Must => {
                            any_must = true;
                            if !c.matches(doc)? {
                                return Ok(false);
                            }
                        }
                        Occur::MustNot => {
                            if c.matches(doc)? {
                                return Ok(false);
                            }
                        }
                        Occur::Should => {}
                    }
                }
                if any_must {
                    return Ok(true);
                }
                for (occur, c) in clauses.iter_mut() {
                    if *occur == Occur::Should && c.matches(doc)? {
                        return Ok(true);
                    }
                }
                false
            }
            Checker::AtLeast(n, children) => {
                let mut found = 0;
                for c in children.iter_mut() {
                    if c.matches(doc)? {
                        found += 1;
                        if found >= *n {
                            return Ok(true);
                        }
                    }
                }
                false
            }
        })
    }
}
