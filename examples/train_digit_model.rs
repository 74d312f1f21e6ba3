//! Trains the Thai-digit model (`dictionaries/digit_model.bin`) on the glyphs that
//! `scripts/render-digit-training.py` renders into `target/digit-training/`.
//!
//! ```sh
//! python3 scripts/render-digit-training.py
//! cargo run --release --example train_digit_model                      # writes the model
//! cargo run --release --example train_digit_model -- --hold-out Loma   # a face family left out:
//!                                                                       # accuracy on it, nothing written
//! # the held-out face as another rendering (an augmentation tried) shows it: compares
//! # augmentations on the same test glyphs
//! cargo run --release --example train_digit_model -- --dir target/try --hold-out Loma --test-dir target/digit-training
//! # a model as it is, on glyphs rendered from faces it was not trained on: accuracy per family
//! cargo run --release --example train_digit_model -- --model dictionaries/digit_model.bin --test-dir target/eval-glyphs
//! ```
//!
//! Five networks (`--members`), each one hidden layer, Adam, softmax cross-entropy, member k
//! from the fixed seed + k: the same sheets give the same model. Why five: see
//! [`prakat::ocr::digit_model::Ensemble`]. The features are the library's own
//! ([`prakat::ocr::digit_classifier::features`]), so training and recognition cannot drift
//! apart.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use image::GrayImage;
use rayon::prelude::*;

use prakat::ocr::digit_classifier::{features, FEATURES};
use prakat::ocr::digit_model::{softmax, Ensemble, Mlp, CLASSES, NOT_A_DIGIT};

const CELL: u32 = 96;
const COLS: u32 = 40;

struct Sample {
    x: Vec<f32>,
    class: usize,
    family: String,
}

struct Args {
    dir: PathBuf,
    out: PathBuf,
    hold_out: Vec<String>,
    test_dir: Option<PathBuf>,
    model: Option<PathBuf>,
    seed: u64,
    epochs: usize,
    hidden: usize,
    members: usize,
}

fn args() -> Result<Args> {
    let mut a = Args {
        dir: PathBuf::from("target/digit-training"),
        out: PathBuf::from("dictionaries/digit_model.bin"),
        hold_out: Vec::new(),
        test_dir: None,
        model: None,
        seed: 0x5eed_d161_7500_0001,
        epochs: 15,
        hidden: 128,
        members: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().with_context(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--dir" => a.dir = value()?.into(),
            "--out" => a.out = value()?.into(),
            "--hold-out" => a.hold_out.push(value()?),
            "--test-dir" => a.test_dir = Some(value()?.into()),
            "--model" => a.model = Some(value()?.into()),
            "--seed" => a.seed = value()?.parse()?,
            "--epochs" => a.epochs = value()?.parse()?,
            "--hidden" => a.hidden = value()?.parse()?,
            "--members" => a.members = value()?.parse()?,
            _ => bail!("unknown argument {flag}"),
        }
    }
    Ok(a)
}

fn load(dir: &Path) -> Result<Vec<Sample>> {
    let labels = std::fs::read_to_string(dir.join("labels.txt")).with_context(|| {
        format!(
            "reading {}/labels.txt (run scripts/render-digit-training.py)",
            dir.display()
        )
    })?;
    let labels: Vec<(usize, String)> = labels
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let c = f.next().unwrap_or("");
            let class = c
                .chars()
                .next()
                .filter(|c| ('๐'..='๙').contains(c))
                .map(|c| c as usize - '๐' as usize)
                .unwrap_or(NOT_A_DIGIT);
            (class, f.next().unwrap_or("").to_string())
        })
        .collect();
    let per_sheet = (COLS * COLS) as usize;
    let sheets = labels.len().div_ceil(per_sheet);
    let mut samples = Vec::with_capacity(labels.len());
    for s in 0..sheets {
        let path = dir.join(format!("sheet-{s:03}.png"));
        let sheet: GrayImage = image::open(&path)
            .with_context(|| format!("reading {}", path.display()))?
            .to_luma8();
        let part = &labels[s * per_sheet..((s + 1) * per_sheet).min(labels.len())];
        let found: Vec<Sample> = part
            .par_iter()
            .enumerate()
            .filter_map(|(i, (class, family))| {
                let (cx, cy) = ((i as u32 % COLS) * CELL, (i as u32 / COLS) * CELL);
                let cell = image::imageops::crop_imm(&sheet, cx, cy, CELL, CELL).to_image();
                Some(Sample {
                    x: features(&cell)?.0,
                    class: *class,
                    family: family.clone(),
                })
            })
            .collect();
        samples.extend(found);
    }
    Ok(samples)
}

/// A small deterministic generator (xorshift64*): shuffles and initial weights.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn uniform(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
    fn normal(&mut self) -> f32 {
        let (u, v) = (self.uniform().max(1e-7), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f32::consts::TAU * v).cos()
    }
}

/// Adam's moments for one tensor.
struct Adam {
    m: Vec<f32>,
    v: Vec<f32>,
}

impl Adam {
    fn new(n: usize) -> Adam {
        Adam {
            m: vec![0.0; n],
            v: vec![0.0; n],
        }
    }
    fn step(&mut self, w: &mut [f32], g: &[f32], lr: f32, t: i32, decay: f32) {
        let (b1, b2) = (0.9f32, 0.999f32);
        let (c1, c2) = (1.0 - b1.powi(t), 1.0 - b2.powi(t));
        for i in 0..w.len() {
            self.m[i] = b1 * self.m[i] + (1.0 - b1) * g[i];
            self.v[i] = b2 * self.v[i] + (1.0 - b2) * g[i] * g[i];
            w[i] -= lr * ((self.m[i] / c1) / ((self.v[i] / c2).sqrt() + 1e-8) + decay * w[i]);
        }
    }
}

fn accuracy(
    probabilities: impl Fn(&[f32]) -> [f32; CLASSES],
    samples: &[&Sample],
) -> (f64, f64, usize, usize, f64) {
    let (mut digits, mut digits_right, mut others, mut others_right) = (0, 0, 0, 0);
    let mut digits_kept = 0;
    for s in samples {
        let p = probabilities(&s.x);
        let best = (0..CLASSES)
            .max_by(|&a, &b| p[a].total_cmp(&p[b]))
            .unwrap_or(0);
        if s.class == NOT_A_DIGIT {
            others += 1;
            others_right += usize::from(best == NOT_A_DIGIT);
        } else {
            // Among the digits: what a run Tesseract called digits is read as.
            let digit = (0..NOT_A_DIGIT)
                .max_by(|&a, &b| p[a].total_cmp(&p[b]))
                .unwrap_or(0);
            digits += 1;
            digits_right += usize::from(digit == s.class);
            digits_kept += usize::from(best == s.class);
        }
    }
    (
        digits_right as f64 / digits.max(1) as f64,
        others_right as f64 / others.max(1) as f64,
        digits,
        others,
        digits_kept as f64 / digits.max(1) as f64,
    )
}

fn name(class: usize) -> char {
    char::from_u32('๐' as u32 + class as u32)
        .filter(|_| class < NOT_A_DIGIT)
        .unwrap_or('x')
}

fn main() -> Result<()> {
    let args = args()?;
    if let Some(path) = &args.model {
        return evaluate(path, args.test_dir.as_deref().unwrap_or(&args.dir));
    }
    let samples = load(&args.dir)?;
    let (train, mut test): (Vec<&Sample>, Vec<&Sample>) = samples
        .iter()
        .partition(|s| !args.hold_out.contains(&s.family));
    // The held-out faces as another rendering shows them: augmentations compared on the same
    // test glyphs.
    let other = match &args.test_dir {
        Some(dir) => load(dir)?,
        None => Vec::new(),
    };
    if args.test_dir.is_some() {
        test = other
            .iter()
            .filter(|s| args.hold_out.contains(&s.family))
            .collect();
    }
    if train.is_empty() {
        bail!("no training samples");
    }
    eprintln!(
        "{} samples to train on, {} held out ({})",
        train.len(),
        test.len(),
        args.hold_out.join(", ")
    );
    // Member k starts from seed + k: its own first weights and sample order.
    let mut members = Vec::new();
    for k in 0..args.members.max(1) {
        eprintln!("member {}:", k + 1);
        members.push(train_one(
            &args,
            &train,
            &test,
            args.seed.wrapping_add(k as u64),
        ));
    }
    let model = Ensemble::new(members).context("no members")?;
    let (d, o, _, _, _) = accuracy(|x| model.probabilities(x), &train);
    eprintln!("all members: train digits {d:.4} others {o:.4}");
    if !test.is_empty() {
        eprintln!("held out, mistaken: {}", mistaken(&model, &test, 12));
    }
    if args.hold_out.is_empty() {
        std::fs::write(&args.out, model.to_bytes())
            .with_context(|| format!("writing {}", args.out.display()))?;
        eprintln!("wrote {}", args.out.display());
    }
    Ok(())
}

/// A model as it is, on the glyphs of `dir`: per family, the digits read right among the
/// digits (what a run Tesseract called digits is read as), the other characters taken for
/// no digit, and the digits read right among all eleven classes ("as digits": a digit taken
/// for no digit is lost where Tesseract did not write one: Playpen Sans Thai's digits are
/// all right among the digits but 89% as digits, its ๑ mostly no digit to the model), and
/// the commonest confusions over all. Nothing is trained or written.
fn evaluate(path: &Path, dir: &Path) -> Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let model = Ensemble::from_bytes(&bytes)
        .with_context(|| format!("{} is not a digit model", path.display()))?;
    let samples = load(dir)?;
    let mut families: Vec<&str> = samples.iter().map(|s| s.family.as_str()).collect();
    families.sort_unstable();
    families.dedup();
    let (mut wrong, mut lost, mut digits) = (0, 0, 0);
    for family in families {
        let of: Vec<&Sample> = samples.iter().filter(|s| s.family == family).collect();
        let (d, o, nd, no, k) = accuracy(|x| model.probabilities(x), &of);
        wrong += nd - (d * nd as f64).round() as usize;
        lost += nd - (k * nd as f64).round() as usize;
        digits += nd;
        println!("{family:<24} digits {d:.4} ({nd})  others {o:.4} ({no})  as digits {k:.4}");
    }
    println!(
        "all: digits {:.4} ({digits}, {wrong} wrong), as digits {:.4} ({lost} wrong or no digit)",
        1.0 - wrong as f64 / digits.max(1) as f64,
        1.0 - lost as f64 / digits.max(1) as f64
    );
    let all: Vec<&Sample> = samples.iter().collect();
    println!("mistaken: {}", mistaken(&model, &all, 16));
    Ok(())
}

/// The `top` commonest confusions of `model` over `samples` (`๑→x 44`: a ๑ taken for no
/// digit 44 times), over all eleven classes.
fn mistaken(model: &Ensemble, samples: &[&Sample], top: usize) -> String {
    let mut confusions = std::collections::BTreeMap::new();
    for s in samples {
        let p = model.probabilities(&s.x);
        let best = (0..CLASSES)
            .max_by(|&a, &b| p[a].total_cmp(&p[b]))
            .unwrap_or(0);
        if best != s.class {
            *confusions.entry((name(s.class), name(best))).or_insert(0) += 1;
        }
    }
    let mut v: Vec<_> = confusions.into_iter().collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.1));
    v.iter()
        .take(top)
        .map(|((a, b), n)| format!("{a}→{b} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One network: He-initialised from `seed`, Adam over shuffled mini-batches.
fn train_one(args: &Args, train: &[&Sample], test: &[&Sample], seed: u64) -> Mlp {
    let (n, h) = (FEATURES, args.hidden);
    let mut rng = Rng(seed.max(1));
    let mut model = Mlp {
        inputs: n,
        hidden: h,
        w1: (0..h * n)
            .map(|_| rng.normal() * (2.0 / n as f32).sqrt())
            .collect(),
        b1: vec![0.0; h],
        w2: (0..CLASSES * h)
            .map(|_| rng.normal() * (2.0 / h as f32).sqrt())
            .collect(),
        b2: vec![0.0; CLASSES],
    };
    let mut opt = [
        Adam::new(h * n),
        Adam::new(h),
        Adam::new(CLASSES * h),
        Adam::new(CLASSES),
    ];
    let batch = 32;
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut t = 0;
    let (mut gw1, mut gb1, mut gw2, mut gb2) = (
        vec![0f32; h * n],
        vec![0f32; h],
        vec![0f32; CLASSES * h],
        vec![0f32; CLASSES],
    );
    let mut hid = Vec::with_capacity(h);
    let mut dh = vec![0f32; h];
    for epoch in 0..args.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        // Learning rate halved for the last third, then again for the last sixth.
        let lr = 1e-3
            * if epoch * 6 >= args.epochs * 5 {
                0.25
            } else if epoch * 3 >= args.epochs * 2 {
                0.5
            } else {
                1.0
            };
        let mut loss = 0f64;
        for chunk in order.chunks(batch) {
            for g in [&mut gw1, &mut gb1, &mut gw2, &mut gb2] {
                g.iter_mut().for_each(|v| *v = 0.0);
            }
            for &k in chunk {
                let s = train[k];
                model.hidden_layer(&s.x, &mut hid);
                let p = softmax(model.logits(&hid));
                loss -= f64::from(p[s.class].max(1e-12).ln());
                let mut dz = p;
                dz[s.class] -= 1.0;
                dh.iter_mut().for_each(|v| *v = 0.0);
                for c in 0..CLASSES {
                    gb2[c] += dz[c];
                    let row = &model.w2[c * h..(c + 1) * h];
                    let grow = &mut gw2[c * h..(c + 1) * h];
                    for j in 0..h {
                        grow[j] += dz[c] * hid[j];
                        dh[j] += dz[c] * row[j];
                    }
                }
                for j in 0..h {
                    if hid[j] <= 0.0 {
                        continue;
                    }
                    gb1[j] += dh[j];
                    let grow = &mut gw1[j * n..(j + 1) * n];
                    for (g, x) in grow.iter_mut().zip(&s.x) {
                        *g += dh[j] * x;
                    }
                }
            }
            let scale = 1.0 / chunk.len() as f32;
            for g in [&mut gw1, &mut gb1, &mut gw2, &mut gb2] {
                g.iter_mut().for_each(|v| *v *= scale);
            }
            t += 1;
            opt[0].step(&mut model.w1, &gw1, lr, t, 1e-4);
            opt[1].step(&mut model.b1, &gb1, lr, t, 0.0);
            opt[2].step(&mut model.w2, &gw2, lr, t, 1e-4);
            opt[3].step(&mut model.b2, &gb2, lr, t, 0.0);
        }
        let (d, o, _, _, _) = accuracy(|x| model.probabilities(x), train);
        let report = if test.is_empty() {
            String::new()
        } else {
            let (td, to, nd, no, _) = accuracy(|x| model.probabilities(x), test);
            format!("  held out: digits {td:.4} ({nd}), others {to:.4} ({no})")
        };
        eprintln!(
            "epoch {:>2}: loss {:.4}, train digits {d:.4} others {o:.4}{report}",
            epoch + 1,
            loss / train.len() as f64
        );
    }
    model
}
