#!/usr/bin/env python3
"""Renders the training glyphs of prakat's Thai-digit model (src/ocr/digit_classifier.rs):
the digits ๐–๙ and, as an eleventh class "not a Thai digit", the other characters a digit's
place on a page may hold (Thai letters and vowels, Latin letters, Arabic digits, brackets,
dashes, punctuation) — each in many faces, sizes and scanner degradations.

Writes target/digit-training/sheet-NNN.png (96×96 cells, 40 to a row) and labels.txt (one
line per cell: "class<TAB>family<TAB>face<TAB>variant", class a Thai digit or "x"). The
trainer, `cargo run --release --example train-digit-model`, reads them and writes
dictionaries/digit_model.bin. Nothing this writes is committed, only the model: the sheets are
made again from the fonts in a minute, the same each time (fixed seed).

Faces: fonts-thai-tlwg (Laksaman — TH Sarabun's metrics — Norasi, Garuda, Loma, Kinnari,
Waree, Purisa), fonts-arundina (Arundina Sans, Serif, Sans Mono), fonts-noto-core/-extra
(Noto Sans Thai, Noto Serif Thai in several weights and widths) and, committed in
fixtures/fonts/training (subsets: the characters below), eight Google Fonts faces in several
weights — Anuphan, Kanit, Prompt, Mitr (loopless), Itim, Sriracha, Chonburi, Pattaya (hands
and display faces) — whose digits are drawn otherwise again: a ๕ whose tail is a small flick,
a ๔ with a curl. (Adding them took the digit pages' errors from 123 to 106 in session 14;
the script faces Charm, Charmonman and Srisakdi were tried too: Umpush's page lost 7
digits, the rest gained as many.) Kept out, for the held-out test pages of
fixtures/make_digit_pages.py: Umpush, Sawasdee, Noto Looped Thai and the
typewriter faces (TlwgTypist, TlwgTypo, TlwgTypewriter, TlwgMono), GNU FreeSerif, and the
faces of fixtures/fonts (Cadson Demak's Sarabun, Trirong, Pridi, Taviraj, Maitree, Niramit,
Kodchasan, K2D, Mali, Chakra Petch, Bai Jamjuree, KoHo, Fahkwang and Athiti; IBM Plex Sans
Thai Looped and IBM Plex Sans Thai; Noto Sans Thai Looped; Krub).

A ๗ of the typewriter faces' height (its ascender pressed down) and glyphs whose round body is
pushed toward a square (Chakra Petch's ๐ and ๑; session 18: the digit pages' errors 226 → 210
over two training seeds' 226 and 227 without, 210 and 213 with) are drawn from generators of
their own, so that adding them leaves every other draw as it was.

Needs: apt-get install fonts-thai-tlwg fonts-arundina fonts-noto-core fonts-noto-extra
python3-pil. Run from the repository root:
    /usr/bin/python3 scripts/render-digit-training.py
(Debian 12's Pillow 9.4 draws the sheets the committed model was trained on, byte for byte;
another Pillow draws them a little otherwise, and so gives another model.)
"""
import io
import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

TLWG = "/usr/share/fonts/truetype/tlwg/"
ARUNDINA = "/usr/share/fonts/truetype/arundina/"
NOTO = "/usr/share/fonts/truetype/noto/"
TRAINING = "fixtures/fonts/training/"
# Each face's glyphs are drawn in turn from one seeded generator: a face added at the end
# leaves every earlier glyph as it was.
FACES = (
    [TLWG + f + ".ttf" for f in [
        "Laksaman", "Laksaman-Bold", "Laksaman-Italic", "Laksaman-BoldItalic",
        "Norasi", "Norasi-Bold", "Norasi-Italic", "Norasi-BoldItalic",
        "Garuda", "Garuda-Bold", "Garuda-Oblique", "Garuda-BoldOblique",
        "Loma", "Loma-Bold", "Loma-Oblique", "Loma-BoldOblique",
        "Kinnari", "Kinnari-Bold", "Kinnari-Italic", "Kinnari-BoldItalic",
        "Waree", "Waree-Bold", "Waree-Oblique", "Waree-BoldOblique",
        "Purisa", "Purisa-Bold", "Purisa-Oblique", "Purisa-BoldOblique"]]
    + [ARUNDINA + f + ".ttf" for f in [
        "ArundinaSans", "ArundinaSans-Bold", "ArundinaSans-Oblique", "ArundinaSerif",
        "ArundinaSerif-Bold", "ArundinaSansMono", "ArundinaSansMono-Bold"]]
    + [NOTO + f"Noto{kind}Thai-{w}.ttf" for kind in ["Sans", "Serif"] for w in [
        "Regular", "Light", "Medium", "Bold", "Black", "Condensed", "SemiCondensedBold",
        "ExtraCondensedSemiBold"]]
    # (Session 14: fourteen faces, then eight more weights; see fixtures/fonts/README.md.)
    + [TRAINING + f + ".ttf" for f in [
        "Anuphan_400Regular", "Anuphan_700Bold", "Kanit_300Light", "Kanit_400Regular",
        "Kanit_600SemiBold", "Kanit_400Regular_Italic", "Prompt_400Regular", "Prompt_700Bold",
        "Mitr_300Light", "Mitr_500Medium", "Itim_400Regular", "Sriracha_400Regular",
        "Chonburi_400Regular", "Pattaya_400Regular", "Kanit_200ExtraLight", "Kanit_800ExtraBold",
        "Prompt_300Light_Italic", "Prompt_500Medium", "Mitr_700Bold", "Anuphan_300Light",
        "Anuphan_600SemiBold", "Prompt_600SemiBold_Italic"]]
)
DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# What else sits where Tesseract put a digit: Thai letters and vowels (a run's neighbours),
# Latin letters and Arabic digits (the English model's guesses are sometimes right),
# brackets, dashes and punctuation caught in a run's area.
OTHERS = ("กขคฆงจฉชซญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ" "ะาำเแโใไๆฯ"
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" "0123456789"
          "()[]-–—.,/:;'\"%+*&#")
DIGIT_SAMPLES = 24   # per digit and face
OTHER_SAMPLES = 3    # per other character and face
CELL = 96
COLS = 40
PER_SHEET = COLS * COLS


def family(path):
    name = Path(path).stem
    return name.split("-")[0].split("_")[0]


def has_glyph(font, ch):
    """Whether the face draws `ch` (not the missing-glyph box it draws for U+E000)."""
    return bytes(font.getmask(ch)) != bytes(font.getmask("\ue000"))


def grain_sheet(rnd, side=1024):
    """Gaussian grain from the seeded generator (PIL's own effect_noise is not seeded), cut
    into windows for each cell."""
    return Image.frombytes("L", (side, side), bytes(
        max(0, min(255, int(rnd.gauss(128, 40)))) for _ in range(side * side)))


GRAIN = None


ASCENDERS = random.Random(11)
ASCENDER_SHARE = 0.5


def press_ascender(big, top, f):
    """`big` with the rows above `top` pressed to `f` of their height, down onto `top`."""
    h = max(1, round(top * f))
    upper = big.crop((0, 0, big.width, top)).resize((big.width, h), Image.BILINEAR)
    out = Image.new("L", big.size, 255)
    out.paste(big.crop((0, top, big.width, big.height)), (0, top))
    out.paste(upper, (0, top - h))
    return out


# Square digits (session 18): Chakra Petch, a national face, draws its ๐ and ๑ as rounded
# squares, which no training face does — the model took its ๑ for no digit or for ๘. A share
# of all glyphs, digits and the others alike, is drawn with its round body pushed toward a
# square, from a generator of its own (the rest of the sheets stay as they were).
SQUARES = random.Random(13)
SQUARE_SHARE = 0.3


def squared(big, cx, cy, hw, hh, t, n=16):
    """`big` with the glyph's round body drawn toward a square: the square around the body
    (centre cx, cy; half sides hw, hh) takes what the inscribed disc held (the elliptical grid
    mapping), by strength t in [0, 1]."""
    def src(X, Y):
        u, v = (X - cx) / hw, (Y - cy) / hh
        uu, vv = min(u * u, 1.0), min(v * v, 1.0)
        x, y = u * math.sqrt(1 - vv / 2), v * math.sqrt(1 - uu / 2)
        # Outside the body (an ascender, a tail) the mapping fades out.
        s = t * max(0.0, 1 - max(abs(u) - 1, abs(v) - 1, 0) / 0.4)
        return cx + hw * ((1 - s) * u + s * x), cy + hh * ((1 - s) * v + s * y)
    W, H = big.size
    mesh = []
    for i in range(n):
        for j in range(n):
            x0, x1 = W * i // n, W * (i + 1) // n
            y0, y1 = H * j // n, H * (j + 1) // n
            quad = src(x0, y0) + src(x0, y1) + src(x1, y1) + src(x1, y0)
            mesh.append(((x0, y0, x1, y1), quad))
    return big.transform(big.size, Image.MESH, mesh, resample=Image.BILINEAR, fillcolor=255)


def degrade(rnd, d, font_path):
    """One rendering of character `d`, degraded as a scan might be."""
    size = rnd.randint(30, 80)
    font = ImageFont.truetype(font_path, size)
    big = Image.new("L", (CELL * 2, CELL * 2), 255)
    draw = ImageDraw.Draw(big)
    x0, y0, x1, y1 = draw.textbbox((0, 0), d, font=font)
    dy = CELL - (y1 - y0) / 2 - y0
    draw.text((CELL - (x1 - x0) / 2 - x0, dy), d, font=font, fill=0)
    # A ๗ without its ascender: the typewriter faces (TlwgMono, TlwgTypewriter) draw ๗ at
    # ๓'s height, where every other face raises its tail above the digits' common top (the
    # top of ๐). A share of the ๗s get what rises above that line pressed down onto it
    # (drawn from a generator of its own: the other draws, and so the rest of the sheets,
    # stay as they were). Only ๗: pressing ๙ too made Umpush's ๙ read as ๗.
    if d == "๗" and ASCENDERS.random() < ASCENDER_SHARE:
        top = int(dy + font.getbbox("๐")[1])
        if 0 < top < 2 * CELL:
            big = press_ascender(big, top, ASCENDERS.uniform(0.05, 0.8))
    if SQUARES.random() < SQUARE_SHARE:
        body = font.getbbox("๐")
        top, bottom = dy + body[1], dy + body[3]
        big = squared(big, CELL, (top + bottom) / 2, max(1.0, (x1 - x0) / 2 * 1.02),
                      max(1.0, (bottom - top) / 2 * 1.02), SQUARES.uniform(0.4, 1.0))
    # Stroke weight: a heavier or lighter toner.
    r = rnd.random()
    if r < 0.2:
        big = big.filter(ImageFilter.MinFilter(3))
    elif r < 0.35 and size >= 50:
        big = big.filter(ImageFilter.MaxFilter(3))
    # Width, slant and rotation of the scan.
    sx = rnd.uniform(0.85, 1.15)
    shear = rnd.uniform(-0.12, 0.12)
    big = big.transform(big.size, Image.AFFINE,
                        (1 / sx, shear, CELL * (1 - 1 / sx) - shear * CELL, 0, 1, 0),
                        resample=Image.BILINEAR, fillcolor=255)
    big = big.rotate(rnd.uniform(-3, 3), resample=Image.BILINEAR, fillcolor=255)
    cell = big.crop((CELL // 2, CELL // 2, CELL // 2 + CELL, CELL // 2 + CELL))
    cell = cell.filter(ImageFilter.GaussianBlur(rnd.uniform(0.2, 1.4)))
    # Paper and ink levels, grain, JPEG.
    paper, ink = rnd.randint(190, 255), rnd.randint(0, 90)
    cell = cell.point(lambda v: ink + (paper - ink) * v // 255)
    if rnd.random() < 0.6:
        x, y = rnd.randrange(1024 - CELL), rnd.randrange(1024 - CELL)
        noise = GRAIN.crop((x, y, x + CELL, y + CELL))
        cell = Image.blend(cell, noise, rnd.uniform(0.03, 0.15))
    buf = io.BytesIO()
    cell.save(buf, "JPEG", quality=rnd.randint(35, 90))
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def main():
    global GRAIN
    rnd = random.Random(4)
    GRAIN = grain_sheet(rnd)
    out = Path("target/digit-training")
    out.mkdir(parents=True, exist_ok=True)
    cells, labels = [], []
    for path in FACES:
        if not Path(path).exists():
            raise SystemExit(f"missing font {path} (see the packages this script needs)")
        face = Path(path).stem
        for d in DIGITS:
            for _ in range(DIGIT_SAMPLES):
                cells.append(degrade(rnd, d, path))
                labels.append(f"{d}\t{family(path)}\t{face}")
        probe = ImageFont.truetype(path, 40)
        for d in OTHERS:
            if not has_glyph(probe, d):
                continue
            for _ in range(OTHER_SAMPLES):
                cells.append(degrade(rnd, d, path))
                labels.append(f"x\t{family(path)}\t{face}")
    for old in out.glob("sheet-*.png"):
        old.unlink()
    for s in range(0, len(cells), PER_SHEET):
        part = cells[s:s + PER_SHEET]
        rows = -(-len(part) // COLS)
        sheet = Image.new("L", (COLS * CELL, rows * CELL), 255)
        for i, c in enumerate(part):
            sheet.paste(c, ((i % COLS) * CELL, (i // COLS) * CELL))
        sheet.save(out / f"sheet-{s // PER_SHEET:03}.png")
    (out / "labels.txt").write_text("\n".join(labels) + "\n", encoding="utf-8")
    print(f"{len(cells)} cells from {len(FACES)} faces in {out}")


if __name__ == "__main__":
    main()
