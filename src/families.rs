//! Families of near-duplicate clauses — the same template clause as written by different
//! agencies — found in sub-quadratic time with MinHash and locality-sensitive hashing.
//!
//! - Each clause's skeleton (`compare::skeleton`: digits Arabic, marks, spaces and punctuation
//!   dropped, so OCR slips and digit scripts do not matter) is cut into character 5-grams.
//! - A 64-value MinHash signature by one-permutation hashing (each shingle hashed once into
//!   one of 64 bins; empty bins filled from the next filled bin), so signing costs one hash a
//!   shingle instead of 64.
//! - 32 bands of 2 rows: a clause whose signature agrees with a family leader's on a whole
//!   band is a candidate member (likely from Jaccard 0.3 up); it joins the leader it fits best
//!   — estimated Jaccard ≥ 0.5, or one text holding ≥ 70% of the other's shingles (an agency
//!   that added to or cut the template) with Jaccard ≥ 0.2 — else it leads a new family.
//!   Only leaders are bucketed, so a template shared by 10,000 agencies costs 10,000 look-ups,
//!   not 50 million pair checks.
//!
//! Memory: 256 bytes of signature per clause, and buckets for the leaders only.

use std::collections::HashMap;

use crate::compare::skeleton;

pub const SIGNATURE: usize = 64;
pub const BANDS: usize = 32;
pub const ROWS: usize = SIGNATURE / BANDS;
/// Estimated Jaccard similarity at which a clause joins a family leader …
pub const JOIN: f64 = 0.5;
/// … or, for a clause that adds to (or omits from) the leader's text, the share of the shorter
/// one's shingles found in the longer, with at least `MIN_JACCARD` overall.
pub const CONTAINED: f64 = 0.7;
pub const MIN_JACCARD: f64 = 0.2;
/// A clause this close (estimated Jaccard) to two leaders joins their families.
pub const BRIDGE: f64 = 0.6;
const SHINGLE: usize = 5;

fn mix(mut x: u64) -> u64 {
    // SplitMix64's finaliser: a good 64-bit mixer.
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A text's MinHash signature and shingle count, from one skeleton.
pub fn profile(text: &str) -> ([u32; SIGNATURE], u32) {
    let sk = skeleton(text);
    (signature_of_skeleton(&sk), shingle_count(&sk))
}

/// How many shingles a skeleton has (its size for containment estimates).
pub fn shingle_count(sk: &[char]) -> u32 {
    (sk.len()
        .saturating_sub(SHINGLE - 1)
        .max(usize::from(!sk.is_empty()))) as u32
}

/// How well a clause fits a leader: Jaccard when they are near-duplicates, else the overlap
/// coefficient when one holds most of the other; `None` when neither.
pub fn fit(jaccard: f64, size_a: u32, size_b: u32) -> Option<f64> {
    if jaccard >= JOIN {
        return Some(1.0 + jaccard);
    }
    if jaccard < MIN_JACCARD {
        return None;
    }
    let (a, b) = (f64::from(size_a), f64::from(size_b));
    let common = jaccard / (1.0 + jaccard) * (a + b);
    let overlap = common / a.min(b).max(1.0);
    (overlap >= CONTAINED).then_some(overlap)
}

/// The MinHash signature of a skeleton.
pub fn signature_of_skeleton(sk: &[char]) -> [u32; SIGNATURE] {
    let mut sig = [u32::MAX; SIGNATURE];
    let mut filled = [false; SIGNATURE];
    let windows: Box<dyn Iterator<Item = &[char]>> = if sk.len() >= SHINGLE {
        Box::new(sk.windows(SHINGLE))
    } else if sk.is_empty() {
        Box::new(std::iter::empty())
    } else {
        Box::new(std::iter::once(sk))
    };
    for w in windows {
        let mut h: u64 = 0x243F_6A88_85A3_08D3;
        for c in w {
            h = mix(h ^ u64::from(*c));
        }
        let bin = (h % SIGNATURE as u64) as usize;
        let value = (h >> 32) as u32;
        if value < sig[bin] {
            sig[bin] = value;
        }
        filled[bin] = true;
    }
    // Densification: an empty bin borrows from the next filled one, shifted by the distance so
    // that borrowed values do not collide by accident.
    if filled.iter().any(|f| *f) {
        let orig = sig;
        for i in 0..SIGNATURE {
            if !filled[i] {
                let mut d = 1;
                while !filled[(i + d) % SIGNATURE] {
                    d += 1;
                }
                sig[i] =
                    orig[(i + d) % SIGNATURE].wrapping_add((d as u32).wrapping_mul(0x9E37_79B9));
            }
        }
    }
    sig
}

/// The share of equal values: an estimate of the shingles' Jaccard similarity.
pub fn estimate(a: &[u32], b: &[u32]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len().max(1) as f64
}

/// Groups clauses into families from their signatures (`SIGNATURE` values each, flat).
/// Returns a family number per clause; numbers are dense, from 0, in order of first member.
///
/// Leader clustering: a clause joins the most similar family *leader* among those sharing a
/// band with it, or leads a family of its own. Only leaders go into the band buckets, so the
/// buckets stay small, and no chain of pairwise-similar clauses can merge two templates
/// (single linkage would: a clause that is half one template and half another bridges them).
pub fn cluster(signatures: &[u32], sizes: &[u32]) -> Vec<u32> {
    let n = (signatures.len() / SIGNATURE).min(sizes.len());
    let sig = |i: usize| &signatures[i * SIGNATURE..(i + 1) * SIGNATURE];
    let band_key = |i: usize, band: usize| {
        sig(i)[band * ROWS..(band + 1) * ROWS]
            .iter()
            .fold(band as u64, |h, v| mix(h ^ u64::from(*v)))
    };
    let mut buckets: Vec<HashMap<u64, Vec<u32>>> = vec![HashMap::new(); BANDS];
    let mut leader_family: HashMap<u32, u32> = HashMap::new();
    let mut family = vec![0u32; n];
    let mut candidates: Vec<u32> = Vec::new();
    // Union–find over families.
    let mut parent: Vec<u32> = Vec::new();
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    // Shortest first: a template's plain wording then leads its family before the versions an
    // agency lengthened, which join it by containment.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|i| (sizes[*i], *i));
    for i in order {
        candidates.clear();
        for (band, b) in buckets.iter().enumerate() {
            if let Some(leaders) = b.get(&band_key(i, band)) {
                candidates.extend_from_slice(leaders);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let fitting: Vec<(u32, f64)> = candidates
            .iter()
            .filter_map(|l| {
                let j = estimate(sig(*l as usize), sig(i));
                fit(j, sizes[*l as usize], sizes[i]).map(|f| (*l, f))
            })
            .collect();
        let best = fitting
            .iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        family[i] = match best {
            Some((leader, _)) => {
                // A clause that fits several leaders joins their families: two cuts of one
                // template lead families of their own until its full wording arrives.
                let f = leader_family[&leader];
                for (other, _) in fitting.iter().filter(|(_, f)| *f >= 1.0 + BRIDGE) {
                    let (a, b) = (
                        root(&mut parent, f),
                        root(&mut parent, leader_family[other]),
                    );
                    if a != b {
                        parent[a.max(b) as usize] = a.min(b);
                    }
                }
                f
            }
            None => {
                let f = leader_family.len() as u32;
                leader_family.insert(i as u32, f);
                parent.push(f);
                for (band, b) in buckets.iter_mut().enumerate() {
                    b.entry(band_key(i, band)).or_default().push(i as u32);
                }
                f
            }
        };
    }
    let mut dense: HashMap<u32, u32> = HashMap::new();
    family
        .into_iter()
        .map(|f| {
            let r = root(&mut parent, f);
            let next = dense.len() as u32;
            *dense.entry(r).or_insert(next)
        })
        .collect()
}

/// Pair precision and recall of predicted families against true labels: of the clause pairs
/// put in one family, the share that truly belong together, and of the pairs that belong
/// together, the share put in one family.
pub fn pair_scores(predicted: &[u32], truth: &[u32]) -> (f64, f64) {
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut both: HashMap<(u32, u32), u64> = HashMap::new();
    let mut pred: HashMap<u32, u64> = HashMap::new();
    let mut tru: HashMap<u32, u64> = HashMap::new();
    for (p, t) in predicted.iter().zip(truth) {
        *both.entry((*p, *t)).or_default() += 1;
        *pred.entry(*p).or_default() += 1;
        *tru.entry(*t).or_default() += 1;
    }
    let same: u64 = both.values().map(|n| pairs(*n)).sum();
    let p_pairs: u64 = pred.values().map(|n| pairs(*n)).sum();
    let t_pairs: u64 = tru.values().map(|n| pairs(*n)).sum();
    let precision = if p_pairs == 0 {
        1.0
    } else {
        same as f64 / p_pairs as f64
    };
    let recall = if t_pairs == 0 {
        1.0
    } else {
        same as f64 / t_pairs as f64
    };
    (precision, recall)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_duplicates_share_a_family_and_others_do_not() {
        let texts = [
            "ให้มีการเผยแพร่ข้อมูลการดำเนินงานตามอำนาจหน้าที่ของหน่วยงานผ่านทางเว็บไซต์ของหน่วยงาน",
            "ให้มีการเผยแพร่ข้อมูลการดําเนินงานตามอํานาจหน้าที่ของหน่วยงานผ่านทางเว็บไซต์ของหน่วยงาน",
            "ให้มีการเผยแพร่ข้อมูลการดำเนินงานตามอำนาจหน้าที่ของหน่วยงานผ่านทางเว็บไซต์ของหนวยงาน",
            "ห้ามจำหน่ายสุราในวันเลือกตั้งตั้งแต่เวลาหกนาฬิกาถึงเวลาหกโมงเย็น",
            "ห้ามจำหน่ายสุราในวันเลือกตั้งตั้งแต่เวลา ๖ นาฬิกาถึงเวลาหกโมงเย็น",
            "กำหนดให้ความพึงพอใจของผู้รับบริการเป็นตัวชี้วัดหนึ่งของการดำเนินงาน",
        ];
        let profiles: Vec<_> = texts.iter().map(|t| profile(t)).collect();
        let flat: Vec<u32> = profiles.iter().flat_map(|p| p.0).collect();
        let sizes: Vec<u32> = profiles.iter().map(|p| p.1).collect();
        let fam = cluster(&flat, &sizes);
        assert_eq!(fam[0], fam[1]);
        assert_eq!(fam[0], fam[2]);
        assert_eq!(fam[3], fam[4]);
        assert_ne!(fam[0], fam[3]);
        assert_ne!(fam[5], fam[0]);
        assert_ne!(fam[5], fam[3]);
        assert_eq!(pair_scores(&fam, &[0, 0, 0, 1, 1, 2]), (1.0, 1.0));
    }

    #[test]
    fn pair_scores_count_pairs() {
        // Predicted {0,1,2} {3}; truth {0,1} {2,3}: 3 predicted pairs, 1 right; 2 true pairs.
        let (p, r) = pair_scores(&[0, 0, 0, 1], &[0, 0, 1, 1]);
        assert!((p - 1.0 / 3.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9);
    }
}
