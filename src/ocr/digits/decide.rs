//! What the glyphs read in a run's area become: which are taken as digits (a token Tesseract
//! did not write as digits needs every glyph surely one), and which digit each is, weighed
//! with what Tesseract wrote for it.

use super::area::AreaReading;
use super::candidates::Candidate;
use crate::ocr::digit_agreement::{self, KNOWN_TO_TESSERACT};
use crate::ocr::digit_classifier::Reading;
use crate::thai::clean::is_combining_mark;
use crate::thai::digits::is_thai_digit;

/// A run's text as re-read, with where in it each digit read from a glyph stands.
#[derive(Debug, Default)]
pub(super) struct Reread {
    pub(super) text: String,
    /// Byte offset in `text` of each digit read from a glyph, the glyph's reading and what
    /// Tesseract wrote for it.
    pub(super) glyphs: Vec<(usize, Reading, Option<char>)>,
}

impl Reread {
    pub(super) fn push_digit(&mut self, r: &Reading, written: Option<char>) {
        self.glyphs.push((self.text.len(), *r, written));
        self.text.push(digit_given(r, written));
    }
}

/// A candidate re-read: accepted only if every glyph in it is surely a digit (a dash, a
/// bullet, a Latin letter or an Arabic digit is not). A clause label keeps or gains the
/// period after it; a word keeps what followed its letters.
pub(super) fn read_candidate(read: &AreaReading, original: &str, kind: Candidate) -> Reread {
    // The space before a word may take in the words on either side: a glyph at either end of
    // it that surely is no digit is theirs (the ก of `กรกฎาคม` beside the ๗ Tesseract left
    // out of `วันที่ ๗ กรกฎาคม`, Noto Sans Thai Looped Light in a copy of a copy).
    let (lo, hi) = if kind == Candidate::Gap {
        let theirs = |r: &Reading| r.p_other >= SURELY_NOT_A_DIGIT;
        let lo = read.glyphs.iter().take_while(|r| theirs(r)).count();
        let hi = read.glyphs.len()
            - read.glyphs[lo..]
                .iter()
                .rev()
                .take_while(|r| theirs(r))
                .count();
        (lo, hi)
    } else {
        (0, read.glyphs.len())
    };
    let glyphs = &read.glyphs[lo..hi];
    let periods = read.periods.get(lo..hi).unwrap_or_default();
    let most = match kind {
        Candidate::Label => 3,
        Candidate::Word | Candidate::Slot | Candidate::Gap => 8,
    };
    let placed = matches!(kind, Candidate::Slot | Candidate::Gap)
        && glyphs.len() <= 4
        && glyphs.iter().all(likely_a_digit);
    let mut out = Reread::default();
    // A number with a slash read as one Latin word, the slash read as a letter (`does` for
    // ๔๖๕/๖๘, a house number, Mali): one glyph that is a slash — surely no digit, one thin
    // stroke leaning right — between glyphs that surely are digits on both sides.
    let slashes = read.slashes.get(lo..hi).unwrap_or_default();
    if kind != Candidate::Label && slashes.iter().filter(|&&s| s).count() == 1 {
        let at = slashes.iter().position(|&s| s).unwrap_or(0);
        let (before, after) = (&glyphs[..at], &glyphs[(at + 1).min(glyphs.len())..]);
        let sure = |part: &[Reading]| !part.is_empty() && surely_digits(part);
        if glyphs.len() <= most + 1 && sure(before) && sure(after) {
            for g in before {
                out.push_digit(g, None);
            }
            out.text.push('/');
            for g in after {
                out.push_digit(g, None);
            }
            return out;
        }
    }
    if glyphs.is_empty() || glyphs.len() > most || !(placed || surely_digits(glyphs)) {
        // An Arabic clause number whose period Tesseract lost (`4 ให้มี…` for `4. ให้มี…`):
        // the period back, when the page shows one.
        let arabic = !original.is_empty() && original.chars().all(|c| c.is_ascii_digit());
        if kind == Candidate::Label && arabic && read.period {
            out.text = format!("{original}.");
        }
        return out;
    }
    // A word with a glyph for each of its letters and digits keeps its punctuation between
    // them (`99.69` for ๑๑.๔๑, a time); so does a label with a glyph for each of its
    // characters but the marks Tesseract put on them (`ฒ.ู๓.๓` for ๗.๙.๙: a typewriter's
    // period may be too big for the page to show as one), and the digits Tesseract wrote in
    // it weigh as a run's do.
    let label = kind == Candidate::Label;
    let marks = |c: &char| matches!(c, '.' | ',' | '/' | ':');
    let combining = |c: &char| is_combining_mark(*c);
    let base = |c: &char| !(marks(c) || label && combining(c));
    let written = |i: usize| {
        if label {
            read.written.get(i).copied().flatten()
        } else {
            None
        }
    };
    let inner = original.trim_end_matches('.');
    if inner.chars().any(|c| marks(&c)) && inner.chars().filter(base).count() == glyphs.len() {
        let mut digits = glyphs.iter().enumerate();
        let chars: Vec<char> = inner.chars().collect();
        for (k, c) in chars.iter().enumerate() {
            if marks(c) {
                out.text.push(*c);
            } else if base(c) {
                if let Some((i, g)) = digits.next() {
                    out.push_digit(g, written(i));
                    // (A label's period the page shows and Tesseract lost: `๖.๘ฆ` for
                    // ๖.๘.๗.)
                    let next = chars[k + 1..].iter().find(|c| !combining(c));
                    let shown = periods.get(i).copied().unwrap_or(false);
                    if label && shown && next.is_some_and(|n| !marks(n)) {
                        out.text.push('.');
                    }
                }
            }
        }
        out.text.push_str(&original[inner.len()..]);
        if label && read.period && !original.ends_with('.') {
            out.text.push('.');
        }
        return out;
    }
    // A label or a word keeps the periods the page shows between its numbers (`9.m` for
    // ๖.๓, `19.0.6` for ๒.๖.๘ where `19` is one glyph); a label gains the one after.
    let last = glyphs.len() - 1;
    let mut between = 0;
    for (i, (g, &period)) in glyphs.iter().zip(periods).enumerate() {
        out.push_digit(g, written(i));
        if period && i < last {
            out.text.push('.');
            between += 1;
        }
    }
    // A label's period after it: where the page shows one, or where Tesseract wrote more
    // periods than the page shows between its glyphs (`©.` for ๑.); else Tesseract's last
    // period was one of those (`a.` for ๗.๑, `d.d.` for ๗.๖.๒: no period after).
    let after = match kind {
        Candidate::Label => {
            read.period || (original.ends_with('.') && original.matches('.').count() > between)
        }
        _ => original.ends_with('.'),
    };
    if after {
        out.text.push('.');
    }
    out
}

/// How sure the model must be that a glyph is a Thai digit before a token Tesseract did not
/// write as digits (a clause label read `©.`, a number read as Latin letters) is taken for
/// one (see [`read_candidate`]).
pub(super) const SURELY_A_DIGIT: f32 = 0.9;
/// Within a run Tesseract took for digits, a glyph the model takes for something else this
/// surely (a bracket or a dash caught in the run's area) is left out.
pub(super) const SURELY_NOT_A_DIGIT: f32 = 0.95;

/// The digits in a run's area of the page, one per glyph found there. A glyph the model is
/// sure is no digit is left out (a bracket or a dash caught in the area) — unless Tesseract
/// wrote a Thai digit for it (a face the model never saw: the typewriter's ๙ and ๖).
/// (A glyph between two of the number's digits was once kept however sure the model was,
/// for Sawasdee's ๙, which it took for ต; the model now reads that ๙, and what the rule
/// still kept was an oblique slash or a broken digit's piece: dropped in session 8.)
pub(super) fn read_run(read: &AreaReading) -> Reread {
    let g = &read.glyphs;
    // Where Tesseract wrote as many characters (other than Arabic digits, which the model
    // knows for no Thai digit) as there are glyphs, none is a stray one.
    let none_stray = g.len() <= read.written_count;
    let written = |i: usize| read.written.get(i).copied().flatten();
    let slash = |i: usize| read.slashes.get(i).copied().unwrap_or(false);
    // An Arabic digit Tesseract wrote for a glyph beside one the model is sure is a Thai
    // digit is that glyph read by its English model, and the glyph is one of the number's
    // digits however little the model takes it for a Thai one (Playpen's ๑, an open hook,
    // read `9` by both: `9๐` for ๑๖). (Not beside a glyph the model is unsure of: `6๐8` for
    // the Latin `_GoB` of a web page's bookmark.)
    let arabic_in_thai = |i: usize| {
        let sure_beside = [i.wrapping_sub(1), i + 1]
            .iter()
            .any(|&j| g.get(j).is_some_and(surely_a_digit));
        written(i).is_some_and(|c| c.is_ascii_digit()) && digit_shaped(&g[i]) && sure_beside
    };
    // A sliver narrower than any digit is a broken stroke's piece, whatever the model makes of
    // it (IBM Plex Sans Thai ExtraLight, bilevel: a piece of ๙ three pixels wide read ๕ for
    // sure, `๙๕๑` for ๙๑) — unless Tesseract wrote a digit for each glyph, or it is a slash.
    let sliver = |i: usize| g[i].aspect < NARROWEST_DIGIT && !slash(i);
    let kept: Vec<usize> = (0..g.len())
        .filter(|&i| {
            (g[i].p_other < SURELY_NOT_A_DIGIT && !sliver(i))
                || none_stray
                || written(i).is_some_and(is_thai_digit)
                || arabic_in_thai(i)
        })
        .collect();
    let mut out = Reread::default();
    for (k, &i) in kept.iter().enumerate() {
        // A slash among the digits, whatever Tesseract wrote for it (`๕๐ต๓7๕๕` for
        // ๔๐๙/๔๙: as many characters as glyphs, the slash one of them): a slash.
        if slash(i) {
            if k > 0 && k + 1 < kept.len() {
                out.text.push('/');
            }
            continue;
        }
        out.push_digit(&g[i], written(i));
        // A period the page shows between two of the run's digits, which Tesseract lost
        // (`๓๕.๑` for ๙.๘.๑: a run holds no period of Tesseract's).
        if k + 1 < kept.len() && read.periods.get(i).copied().unwrap_or(false) {
            out.text.push('.');
        }
    }
    out
}

/// How often Tesseract writes one digit it knows for another it knows: 5 times in the 1,078
/// it read right on the digit pages of sets 1 and 2 (`๒` as `๓`, `๓` as `๐`), about one in
/// a thousand for each wrong digit.
const TESSERACT_SWAPS_KNOWN_DIGITS: f32 = 1e-3;

/// Where Tesseract wrote ๑, how much less likely ๘ is than the model alone says. Of the
/// 2,342 digits it wrote as ๑ on the digit pages of sets 1–24 (Charm's left out), 4 were
/// ๘ and 2,191 ๑ — it writes ๘ as ๕ — yet an italic or bold face's ๑, its tail curled
/// inside, reads ๘ to the model (Chakra Petch Italic, FreeSerif Bold Italic). The measured
/// odds are 1 in 550; 1 in 100 keeps a model that is all but sure in the right. (Session 15
/// weighed every digit by Tesseract's measured confusions and lost more than it gained:
/// this is the one pair both rare for Tesseract and common for the model.)
const TESSERACT_WRITES_EIGHT_AS_ONE: f32 = 1e-2;

/// A glyph's digit, given what Tesseract wrote for it. Tesseract tells the digits it knows
/// apart well; its errors are the digits it lacks, written as the nearest one it knows. So
/// where it wrote a digit it knows, the glyph is that digit or one it lacks (๓ is ๓ ๔ ๖ ๗ ๘
/// or ๙, seldom ๑): the model's reading is weighed by that. A bold face's ๓ whose loops
/// closed up reads to the model as ๑ (๓ a distant second), and Tesseract, reading the whole
/// line, knows better; where the model is all but certain, it still wins.
pub(super) fn digit_given(r: &Reading, written: Option<char>) -> char {
    char::from_u32('๐' as u32 + digit_agreement::argmax(&weighed(r, written)) as u32)
        .unwrap_or(r.digit)
}

/// How likely a glyph is each digit given what Tesseract wrote for it (see [`digit_given`]),
/// summing to one.
pub(super) fn weighed(r: &Reading, written: Option<char>) -> [f32; 10] {
    let w = written.filter(|&w| KNOWN_TO_TESSERACT.contains(w));
    let mut p = r.digits;
    for (d, v) in ('๐'..='๙').zip(p.iter_mut()) {
        if w.is_some_and(|w| d != w && KNOWN_TO_TESSERACT.contains(d)) {
            *v *= TESSERACT_SWAPS_KNOWN_DIGITS;
        }
        if w == Some('๑') && d == '๘' {
            *v *= TESSERACT_WRITES_EIGHT_AS_ONE;
        }
    }
    let sum: f32 = p.iter().sum();
    if sum > 0.0 {
        p.iter_mut().for_each(|v| *v /= sum);
    }
    p
}

/// Glyphs that together surely are a number: each more likely a digit than not, and on
/// average as sure as one glyph must be alone — or, three glyphs or more, all but one surely
/// digits (`wage` for ๗๖๕๑, a typewriter's ๖ half taken for a letter: no word's letters
/// read so). The model cannot tell ๐ from a Latin `o` by shape — it gives such a glyph
/// 0.1–0.7 of being no digit (a condensed face's oval) — so
/// a ๐ below 0.7 counts for its shape alone where the other glyphs surely are digits
/// (`coco` for ๔๑๙๐, `co` for ๔๐); a token of nothing but circles is judged as a whole.
pub(super) fn surely_digits(glyphs: &[Reading]) -> bool {
    let sure = |glyphs: &[&Reading]| {
        let shaped = glyphs.iter().all(|g| digit_shaped(g) && g.p_other < 0.5);
        let mean_other = glyphs.iter().map(|g| g.p_other).sum::<f32>() / glyphs.len().max(1) as f32;
        let unsure = glyphs.iter().filter(|g| !surely_a_digit(g)).count();
        !glyphs.is_empty()
            && shaped
            && (1.0 - mean_other >= SURELY_A_DIGIT || (glyphs.len() >= 3 && unsure <= 1))
    };
    let round = |g: &&Reading| g.digit == '๐' && g.p_other < 0.7 && digit_shaped(g);
    let all: Vec<&Reading> = glyphs.iter().collect();
    let others: Vec<&Reading> = all.iter().copied().filter(|g| !round(g)).collect();
    sure(if others.is_empty() { &all } else { &others })
}

/// Shaped like a digit and more likely one than not: enough for a glyph that touches a
/// number's digits (a ๐ after ๘, which alone the model half takes for an `o`).
pub(super) fn likely_a_digit(r: &Reading) -> bool {
    digit_shaped(r) && r.p_other < 0.5
}

/// Shaped like a digit and taken for one: what a glyph Tesseract did not call a digit must
/// be before it is read as one.
pub(super) fn surely_a_digit(r: &Reading) -> bool {
    digit_shaped(r) && 1.0 - r.p_other >= SURELY_A_DIGIT
}

/// A glyph as wide for its height as a digit may be: no dash, bracket or rule, nor two
/// glyphs run together.
pub(super) fn digit_shaped(r: &Reading) -> bool {
    (NARROWEST_DIGIT..=WIDEST_DIGIT).contains(&r.aspect)
}

/// No Thai digit is narrower than this, width over height.
const NARROWEST_DIGIT: f32 = 0.3;
/// ...nor wider than this: Taviraj ExtraBold's ๓, bilevel, is 1.63.
pub(super) const WIDEST_DIGIT: f32 = 1.7;
