"""Subsets the carried fonts. Called by make-subsets.sh with fonttools pinned.

Each role font (Fandol) keeps: every ideograph it has (all of GB 2312 and ~1200
more), the rest of GB 2312 (punctuation, symbols, Greek, Cyrillic, kana), ASCII,
Latin-1, general punctuation, CJK symbols and full-width forms. The fallback (Noto
Serif CJK SC) keeps exactly the ideographs of U+4E00–U+9FFF that no role font has,
so that together they cover the whole block.
"""
import argparse
import os

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROLES = {
    # output name: source file
    "nianbao-song.otf": "FandolSong-Regular.otf",
    "nianbao-song-bold.otf": "FandolSong-Bold.otf",
    "nianbao-fang.otf": "FandolFang-Regular.otf",
    "nianbao-hei.otf": "FandolHei-Regular.otf",
    "nianbao-kai.otf": "FandolKai-Regular.otf",
}
FALLBACK = "nianbao-fallback-serif.otf"
CJK = range(0x4E00, 0xA000)


def gb2312():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def base_set():
    keep = gb2312()
    for lo, hi in [(0x20, 0x7F), (0xA0, 0x100), (0x2000, 0x2070), (0x2100, 0x2200),
                   (0x2460, 0x24A0), (0x3000, 0x3040), (0xFF00, 0xFFF0)]:
        keep.update(range(lo, hi))
    return keep


def options():
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.layout_features = ["*"]
    opts.hinting = False
    opts.drop_tables += ["vhea", "vmtx", "VORG"]
    return opts


def write(font, unicodes, path):
    # Keep the source's head.modified: a rebuild gives the same bytes.
    font.recalcTimestamp = False
    subsetter = subset.Subsetter(options())
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)
    font.save(path, reorderTables=True)
    print(f"{os.path.basename(path)}: {len(font.getBestCmap())} characters, "
          f"{os.path.getsize(path) / 1e6:.1f} MB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fandol", required=True)
    ap.add_argument("--noto", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    base = base_set()
    covered = None
    for out, src in ROLES.items():
        font = TTFont(os.path.join(args.fandol, src))
        cmap = set(font.getBestCmap())
        ideographs = {c for c in cmap if c in CJK}
        covered = ideographs if covered is None else covered & ideographs
        write(font, (base | ideographs) & cmap, os.path.join(args.out, out))

    collection = TTCollection(args.noto)
    sc = next(f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Serif CJK SC")
    missing = set(CJK) - covered
    write(sc, missing, os.path.join(args.out, FALLBACK))


if __name__ == "__main__":
    main()
