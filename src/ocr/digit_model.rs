//! The small network that tells which Thai digit a glyph is — or that it is none: one hidden
//! layer of rectified units over a glyph's shape features, a softmax over eleven classes
//! (๐–๙, and "not a Thai digit"). Its weights are data of this repository
//! (`dictionaries/digit_model.bin`), trained by `examples/train_digit_model.rs` on glyphs
//! that `scripts/render-digit-training.py` renders.
//!
//! Why a network and not nearest templates: the templates matched the faces they were cut
//! from, but a face never seen (Noto Looped's ๕, Sawasdee's ๒) fell far from every template,
//! and so did Latin letters — distance could not tell "an unfamiliar ๕" from "not a digit".
//! The eleventh class says that directly, learnt from letters and punctuation.
//!
//! The file holds several such networks, trained alike from different starting weights and
//! sample orders ([`Ensemble`]); their probabilities are averaged.
//!
//! File layout (little-endian), once per network: `PKDM`, version 1 (u32), inputs, hidden,
//! classes (u32 each), then f32 weights: hidden×inputs, hidden biases, classes×hidden, class
//! biases.

/// The classes: the ten Thai digits, then "not a Thai digit".
pub const CLASSES: usize = 11;
/// The class index of "not a Thai digit".
pub const NOT_A_DIGIT: usize = 10;

const MAGIC: &[u8; 4] = b"PKDM";
const VERSION: u32 = 1;

/// A one-hidden-layer perceptron.
#[derive(Debug, Clone, PartialEq)]
pub struct Mlp {
    pub inputs: usize,
    pub hidden: usize,
    /// hidden × inputs, row by row.
    pub w1: Vec<f32>,
    pub b1: Vec<f32>,
    /// CLASSES × hidden, row by row.
    pub w2: Vec<f32>,
    pub b2: Vec<f32>,
}

impl Mlp {
    /// Reads a file of one network; `None` when it is not one (wrong magic, version or size).
    pub fn from_bytes(bytes: &[u8]) -> Option<Mlp> {
        let (model, rest) = Mlp::read(bytes)?;
        rest.is_empty().then_some(model)
    }

    /// Reads the network at the start of `bytes`; the bytes after it.
    fn read(bytes: &[u8]) -> Option<(Mlp, &[u8])> {
        let (head, mut rest) = bytes.split_at_checked(20)?;
        if &head[..4] != MAGIC {
            return None;
        }
        let word = |i: usize| -> Option<usize> {
            let b: [u8; 4] = head.get(i..i + 4)?.try_into().ok()?;
            usize::try_from(u32::from_le_bytes(b)).ok()
        };
        if word(4)? != VERSION as usize || word(16)? != CLASSES {
            return None;
        }
        let (inputs, hidden) = (word(8)?, word(12)?);
        let mut take = |n: usize| -> Option<Vec<f32>> {
            let (part, tail) = rest.split_at_checked(n.checked_mul(4)?)?;
            rest = tail;
            Some(
                part.chunks_exact(4)
                    .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect(),
            )
        };
        let model = Mlp {
            inputs,
            hidden,
            w1: take(hidden.checked_mul(inputs)?)?,
            b1: take(hidden)?,
            w2: take(CLASSES.checked_mul(hidden)?)?,
            b2: take(CLASSES)?,
        };
        Some((model, rest))
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(20 + 4 * (self.w1.len() + self.w2.len() + 160));
        out.extend_from_slice(MAGIC);
        for n in [VERSION as usize, self.inputs, self.hidden, CLASSES] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        for w in [&self.w1, &self.b1, &self.w2, &self.b2] {
            for v in w.iter() {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// The hidden layer's activations for one input (`x.len()` must be `inputs`).
    pub fn hidden_layer(&self, x: &[f32], out: &mut Vec<f32>) {
        out.clear();
        out.extend(
            self.w1
                .chunks_exact(self.inputs.max(1))
                .zip(&self.b1)
                .map(|(row, b)| (dot(row, x) + b).max(0.0)),
        );
    }

    /// The class scores before the softmax, from the hidden activations.
    pub fn logits(&self, h: &[f32]) -> [f32; CLASSES] {
        let mut z = [0f32; CLASSES];
        for ((zi, row), b) in z
            .iter_mut()
            .zip(self.w2.chunks_exact(self.hidden.max(1)))
            .zip(&self.b2)
        {
            *zi = dot(row, h) + b;
        }
        z
    }

    /// The probability of each class for one input.
    pub fn probabilities(&self, x: &[f32]) -> [f32; CLASSES] {
        let mut h = Vec::with_capacity(self.hidden);
        self.hidden_layer(x, &mut h);
        softmax(self.logits(&h))
    }
}

/// Networks trained alike, from different starting weights and sample orders, whose
/// probabilities are averaged. Why: on a face it never saw, one network's reading of a
/// look-alike pair turns on where its training happened to stop — four trainings of one
/// recipe made 67 to 78 digit errors over the digit pages, one of them reading Pridi's ๕ as
/// ๔ where another did not (17 and 2 errors on that set); five together made 63.
#[derive(Debug, Clone, PartialEq)]
pub struct Ensemble {
    members: Vec<Mlp>,
    /// Every member's first layer side by side, input by input: row `i` holds what input
    /// `i` adds to each hidden unit of every member.
    by_input: Vec<f32>,
    /// Every member's hidden biases, side by side.
    biases: Vec<f32>,
}

impl Ensemble {
    /// The members as one model; `None` when there are none, they read inputs of different
    /// sizes, or one's weights are not as many as its sizes say.
    pub fn new(members: Vec<Mlp>) -> Option<Ensemble> {
        let inputs = members.first()?.inputs;
        let whole = |m: &Mlp| {
            m.inputs == inputs
                && m.w1.len() == m.hidden * inputs
                && m.b1.len() == m.hidden
                && m.w2.len() == CLASSES * m.hidden
                && m.b2.len() == CLASSES
        };
        if !members.iter().all(whole) {
            return None;
        }
        let biases: Vec<f32> = members.iter().flat_map(|m| m.b1.iter().copied()).collect();
        let mut by_input = vec![0f32; inputs * biases.len()];
        let mut offset = 0;
        for m in &members {
            for (j, row) in m.w1.chunks_exact(inputs.max(1)).enumerate() {
                for (i, w) in row.iter().enumerate() {
                    by_input[i * biases.len() + offset + j] = *w;
                }
            }
            offset += m.hidden;
        }
        Some(Ensemble {
            members,
            by_input,
            biases,
        })
    }

    /// Reads a model file: one network or more, back to back, all of one input size; `None`
    /// when it is not one.
    pub fn from_bytes(mut bytes: &[u8]) -> Option<Ensemble> {
        let mut members = Vec::new();
        while !bytes.is_empty() {
            let (model, rest) = Mlp::read(bytes)?;
            members.push(model);
            bytes = rest;
        }
        Ensemble::new(members)
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.members.iter().flat_map(Mlp::to_bytes).collect()
    }

    /// The networks, in the file's order.
    pub fn members(&self) -> &[Mlp] {
        &self.members
    }

    /// The length of the feature vector every member reads.
    pub fn inputs(&self) -> usize {
        self.members.first().map_or(0, |m| m.inputs)
    }

    /// The members' average probability of each class for one input.
    ///
    /// The first layers of all members are summed at once, input by input, and an input of
    /// 0 is skipped: most of a glyph's ink grid and direction histograms are empty, so five
    /// members cost what one did with a dot product per hidden unit (the pass over scans
    /// and digit pages 4.66 s against 5.07 s).
    pub fn probabilities(&self, x: &[f32]) -> [f32; CLASSES] {
        let mut h = self.biases.clone();
        first_layer(&mut h, x, &self.by_input);
        h.iter_mut().for_each(|v| *v = v.max(0.0));
        let mut sum = [0f32; CLASSES];
        let mut rest = h.as_slice();
        for m in &self.members {
            let (mine, tail) = rest.split_at(m.hidden.min(rest.len()));
            rest = tail;
            for (s, p) in sum.iter_mut().zip(softmax(m.logits(mine))) {
                *s += p;
            }
        }
        let n = self.members.len().max(1) as f32;
        sum.map(|s| s / n)
    }
}

/// Adds each input's row of first-layer weights, times the input, to `h` (the hidden units
/// of every member, started at their biases); an input of 0 adds nothing and is skipped.
///
/// On a processor with AVX2 the same loop is compiled for it as well and that copy runs:
/// each unit's sum is the same sequence of multiplications and additions either way (eight
/// units at a time instead of four; no fused multiply-add, which would round differently),
/// so the readings do not depend on the machine — and the network was half the cost of
/// classifying a glyph.
fn first_layer(h: &mut [f32], x: &[f32], by_input: &[f32]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, checked just above.
        unsafe { first_layer_avx2(h, x, by_input) };
        return;
    }
    first_layer_portable(h, x, by_input);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn first_layer_avx2(h: &mut [f32], x: &[f32], by_input: &[f32]) {
    first_layer_portable(h, x, by_input);
}

#[inline(always)]
fn first_layer_portable(h: &mut [f32], x: &[f32], by_input: &[f32]) {
    for (xi, row) in x.iter().zip(by_input.chunks_exact(h.len().max(1))) {
        if *xi != 0.0 {
            for (hj, w) in h.iter_mut().zip(row) {
                *hj += xi * w;
            }
        }
    }
}

/// Eight running sums, not one: a single sum is a chain of dependent additions the compiler
/// may not reorder (floating point), so it neither vectorises nor pipelines; eight
/// independent lanes do both. The forward pass was the digit pass's largest cost (a third of
/// it on digit-dense pages); this makes it several times cheaper. The sums differ from one
/// sum's only in rounding (below 1e-6 here).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    const LANES: usize = 8;
    let mut lanes = [0f32; LANES];
    let (a8, b8) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let tail: f32 = a8
        .remainder()
        .iter()
        .zip(b8.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in a8.zip(b8) {
        for ((lane, x), y) in lanes.iter_mut().zip(x).zip(y) {
            *lane += x * y;
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// Turns scores into probabilities.
pub fn softmax(z: [f32; CLASSES]) -> [f32; CLASSES] {
    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut p = z.map(|v| (v - max).exp());
    let sum: f32 = p.iter().sum();
    if sum > 0.0 {
        p.iter_mut().for_each(|v| *v /= sum);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Mlp {
        Mlp {
            inputs: 2,
            hidden: 3,
            w1: vec![1.0, 0.0, 0.0, 1.0, -1.0, -1.0],
            b1: vec![0.0, 0.5, 0.0],
            w2: (0..CLASSES * 3).map(|i| i as f32 / 10.0).collect(),
            b2: vec![0.0; CLASSES],
        }
    }

    #[test]
    fn the_first_layer_sums_alike_on_every_processor() {
        // Weights and inputs of many magnitudes, some inputs 0: the sums of the copy this
        // processor runs are those of the portable loop to the last bit.
        let (inputs, width) = (37, 29);
        let value =
            |i: usize| ((i * 7919 % 1000) as f32 / 37.0 - 13.0) * 10f32.powi((i % 7) as i32 - 3);
        let x: Vec<f32> = (0..inputs)
            .map(|i| if i % 5 == 0 { 0.0 } else { value(i) })
            .collect();
        let w: Vec<f32> = (0..inputs * width).map(|i| value(i + 11)).collect();
        let start: Vec<f32> = (0..width).map(|i| value(i + 3)).collect();
        let (mut fast, mut plain) = (start.clone(), start.clone());
        first_layer(&mut fast, &x, &w);
        first_layer_portable(&mut plain, &x, &w);
        assert_eq!(
            fast.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            plain.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
        // And they are the sums: the unit's bias plus each input times its weight.
        let unit = 4;
        let sum = (0..inputs).fold(start[unit], |s, i| s + x[i] * w[i * width + unit]);
        assert_eq!(plain[unit], sum);
    }

    #[test]
    fn a_model_survives_its_file() {
        let m = tiny();
        assert_eq!(Mlp::from_bytes(&m.to_bytes()), Some(m.clone()));
        // Cut short, a byte too many, another magic: not a model.
        let bytes = m.to_bytes();
        assert!(Mlp::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        assert!(Mlp::from_bytes(&[bytes.as_slice(), &[0]].concat()).is_none());
        assert!(Mlp::from_bytes(&[b"XXXX", &bytes[4..]].concat()).is_none());
        assert!(Mlp::from_bytes(&[]).is_none());
    }

    #[test]
    fn an_ensemble_averages_its_members() {
        let a = tiny();
        let mut b = tiny();
        b.w2.reverse();
        let both = Ensemble::new(vec![a.clone(), b.clone()]).expect("two of one input size");
        let read = Ensemble::from_bytes(&both.to_bytes()).expect("two networks back to back");
        assert_eq!(read, both);
        let x = [2.0, -1.0];
        let (pa, pb, p) = (
            a.probabilities(&x),
            b.probabilities(&x),
            read.probabilities(&x),
        );
        for c in 0..CLASSES {
            assert!((p[c] - (pa[c] + pb[c]) / 2.0).abs() < 1e-6);
        }
        // An input of 0 adds nothing, whichever way it is summed.
        let (pa, p) = (a.probabilities(&[0.0, 3.0]), Ensemble::new(vec![a.clone()]));
        let p = p.expect("one network").probabilities(&[0.0, 3.0]);
        for c in 0..CLASSES {
            assert!((p[c] - pa[c]).abs() < 1e-6);
        }
        // One network is an ensemble of one; a torn second member, members of different
        // input sizes, or no bytes at all are no model.
        assert_eq!(
            Ensemble::from_bytes(&a.to_bytes()).map(|e| e.members().len()),
            Some(1)
        );
        let bytes = both.to_bytes();
        assert!(Ensemble::from_bytes(&bytes[..bytes.len() - 4]).is_none());
        let mut wider = tiny();
        wider.inputs = 3;
        wider.w1 = vec![0.5; 9];
        let mixed = [a.to_bytes(), wider.to_bytes()].concat();
        assert!(Mlp::from_bytes(&wider.to_bytes()).is_some());
        assert!(Ensemble::from_bytes(&mixed).is_none());
        assert!(Ensemble::from_bytes(&[]).is_none());
        assert!(Ensemble::new(Vec::new()).is_none());
        // Weights fewer than the sizes say: no model (not a panic).
        let mut short = tiny();
        short.w1.pop();
        assert!(Ensemble::new(vec![short]).is_none());
        let mut long = tiny();
        long.w1.extend([1.0, 1.0]);
        assert!(Ensemble::new(vec![a.clone(), long]).is_none());
    }

    #[test]
    fn the_lanes_sum_what_one_sum_does() {
        // 8 lanes, then a tail of 3: every product counted once, whatever the length.
        let a: Vec<f32> = (0..19).map(|i| i as f32 - 9.0).collect();
        let b: Vec<f32> = (0..19).map(|i| 1.0 / (i as f32 + 1.0)).collect();
        let one_sum: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((dot(&a, &b) - one_sum).abs() < 1e-5);
        assert_eq!(dot(&[2.0; 16], &[0.5; 16]), 16.0);
        assert_eq!(dot(&[], &[]), 0.0);
    }

    #[test]
    fn the_forward_pass_is_relu_then_softmax() {
        let m = tiny();
        let mut h = Vec::new();
        m.hidden_layer(&[2.0, -1.0], &mut h);
        // Row 2 is y + 0.5 = -0.5 and row 3 is -x-y = -1: both cut to 0 by the rectifier.
        assert_eq!(h, vec![2.0, 0.0, 0.0]);
        let p = m.probabilities(&[2.0, -1.0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        // Later classes have larger weights on the first hidden unit: likelier.
        assert!(p.windows(2).all(|w| w[1] > w[0]));
    }
}
