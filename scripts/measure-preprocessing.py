#!/usr/bin/env python3
"""Measures what page preprocessing would win before Tesseract: the character error (whitespace
ignored, ำ folded) of `tesseract -l tha+eng --psm 4` on scanned fixture pages as they are,
deskewed (angle found by the projection-profile search scanners' software uses), and
binarised with a global threshold. Only a step that lowers the error belongs in prakat.

Needs: tesseract-ocr-tha, poppler-utils (pdftoppm), pip install pillow. Run from the
repository root:  python3 scripts/measure-preprocessing.py
"""
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

PAGES = [  # (file, page, dpi, truth, page index in the truth)
    ("fixtures/scans/000_phuket.pdf", 1, 300, "fixtures/scans/000_phuket.truth", 0),
    ("fixtures/scans/000_phuket.pdf", 2, 300, "fixtures/scans/000_phuket.truth", 1),
    ("fixtures/scans/003_sideways.pdf", 0, 250, "fixtures/scans/003_sideways.truth", 0),
    ("fixtures/scans/002_opdc_flate.pdf", 1, 200, "fixtures/scans/002_opdc_flate.truth", 0),
    ("fixtures/scans/000_phuket_p1.jpg", 0, 300, "fixtures/scans/000_phuket_p1.truth", 0),
]


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a):
        cur = [i + 1] + [0] * len(b)
        for j, cb in enumerate(b):
            cur[j + 1] = min(prev[j + 1] + 1, cur[j] + 1, prev[j] + (ca != cb))
        prev = cur
    return prev[-1]


def norm(s):
    return "".join(s.replace("\u0e4d\u0e32", "\u0e33").split())


def ocr(img, dpi, tmp):
    img.save(tmp / "p.png")
    return subprocess.run(["tesseract", str(tmp / "p.png"), "-", "-l", "tha+eng", "--psm", "4",
                           "--dpi", str(dpi)], capture_output=True, text=True,
                          env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}).stdout


def row_ink_variance(img):
    w, h = img.size
    rows = [img.crop((0, y, w, y + 1)).histogram()[0] for y in range(h)]
    mean = sum(rows) / h
    return sum((r - mean) ** 2 for r in rows) / h


def skew(img):
    """The angle (degrees, ±2 in 0.1 steps) whose rotation makes text rows sharpest."""
    small = img.resize((img.width // 4, img.height // 4)).point(lambda v: 0 if v < 128 else 255)
    best = max((row_ink_variance(small.rotate(a / 10, fillcolor=255)), a / 10)
               for a in range(-20, 21))
    return best[1]


def main():
    tmp = Path(tempfile.mkdtemp())
    totals = {"as scanned": [0, 0], "deskewed": [0, 0], "binarised": [0, 0]}
    for path, page, dpi, truth_path, index in PAGES:
        if path.endswith(".pdf"):
            subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray",
                            path, str(tmp / "r")], check=True)
            img = Image.open(next(tmp.glob("r*.pgm"))).convert("L")
            for f in tmp.glob("r*.pgm"):
                f.unlink()
        else:
            img = Image.open(path).convert("L")
        if img.width > img.height:  # the sideways fixture: set it upright first
            img = img.rotate(-90, expand=True)
        truth = norm(Path(truth_path).read_text(encoding="utf-8").split("\f")[index])
        angle = skew(img)
        variants = {
            "as scanned": img,
            "deskewed": img.rotate(angle, resample=Image.BICUBIC, fillcolor=255),
            "binarised": img.point(lambda v: 255 if v > 160 else 0),
        }
        row = []
        for name, v in variants.items():
            edits = lev(norm(ocr(v, dpi, tmp)), truth)
            totals[name][0] += edits
            totals[name][1] += len(truth)
            row.append(f"{name} {100 * edits / len(truth):.2f}%")
        print(f"{path} p{page or 1} (skew {angle:+.1f}°): " + ", ".join(row))
    print("all pages: " + ", ".join(f"{k} {100 * e / n:.2f}%" for k, (e, n) in totals.items()))


if __name__ == "__main__":
    main()
