#!/usr/bin/env python3
"""Renders the digit templates prakat's digit re-recogniser compares glyphs with
(src/ocr/digits.rs): the Thai digits ๐–๙ in the fonts Thai documents are set in, at the sizes
a 16-pt line has at 300 and 200 dpi, clean and degraded as scans are. Writes one sheet of
96×96 cells (dictionaries/digit_templates.png) and its labels (digit_templates.txt: one
line per cell, "digit<TAB>font<TAB>variant").

Fonts used to build it (fonts-thai-tlwg): Laksaman (TH Sarabun's metrics), Norasi, Garuda,
Loma, Kinnari, Waree, Purisa — regular, bold and slanted where they exist. Umpush, Sawasdee,
Noto Looped Thai and the typewriter faces (TlwgTypist, and its kin TlwgTypo, TlwgTypewriter,
TlwgMono) are kept out: fixtures/make_digit_pages.py renders the held-out test pages in them.

Needs: apt-get install fonts-thai-tlwg; pip install pillow. Run from the repository root:
    python3 scripts/make-digit-templates.py
"""
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

TLWG = "/usr/share/fonts/truetype/tlwg/"
FACES = ["Laksaman", "Laksaman-Bold", "Laksaman-Italic", "Laksaman-BoldItalic",
         "Norasi", "Norasi-Bold", "Norasi-Italic", "Garuda", "Garuda-Bold", "Garuda-Oblique",
         "Loma", "Loma-Bold", "Loma-Oblique", "Kinnari", "Kinnari-Bold", "Kinnari-Italic",
         "Waree", "Waree-Bold", "Waree-Oblique", "Purisa", "Purisa-Bold"]
DIGITS = "๐๑๒๓๔๕๖๗๘๙"
CELL = 96
# 16 pt at 300 and at 200 dpi.
SIZES = [round(16 / 72 * 300), round(16 / 72 * 200)]


def degrade(cell, variant):
    if variant == "clean":
        return cell.filter(ImageFilter.GaussianBlur(0.5))
    blurred = cell.filter(ImageFilter.GaussianBlur(1.0))
    buf = io.BytesIO()
    blurred.save(buf, "JPEG", quality=60)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def main():
    cells, labels = [], []
    for face in FACES:
        for size in SIZES:
            font = ImageFont.truetype(f"{TLWG}{face}.ttf", size)
            for variant in ["clean", "scan"]:
                for d in DIGITS:
                    cell = Image.new("L", (CELL, CELL), 255)
                    draw = ImageDraw.Draw(cell)
                    x0, y0, x1, y1 = draw.textbbox((0, 0), d, font=font)
                    draw.text(((CELL - (x1 - x0)) / 2 - x0, (CELL - (y1 - y0)) / 2 - y0), d,
                              font=font, fill=0)
                    cells.append(degrade(cell, variant))
                    labels.append(f"{d}\t{face}\t{size}px-{variant}")
    cols = 40
    rows = -(-len(cells) // cols)
    sheet = Image.new("L", (cols * CELL, rows * CELL), 255)
    for i, c in enumerate(cells):
        sheet.paste(c, ((i % cols) * CELL, (i // cols) * CELL))
    out = Path("dictionaries")
    sheet.save(out / "digit_templates.png", optimize=True)
    header = ("# Labels of dictionaries/digit_templates.png, one per 96x96 cell, row by row.\n"
              "# Made by scripts/make-digit-templates.py from fonts-thai-tlwg (GPL-2 with font\n"
              "# exception / public domain): rendered glyph images, not font data.\n")
    (out / "digit_templates.txt").write_text(header + "\n".join(labels) + "\n", encoding="utf-8")
    print(f"{len(cells)} templates, {rows}x{cols} cells")


if __name__ == "__main__":
    main()
