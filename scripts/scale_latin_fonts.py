"""Write static/fonts/NotoSerif-*-Scaled.ttf: Noto Serif drawn at the size of the Bangla around it.

At the same font size Noto Serif's capitals and digits (0.714–0.724 em) stand well above Noto
Serif Bengali's headline (মাত্রা, 0.622 em, where its digits end too), so "Zoom", "e-mail" or
"2024" in a Bangla sentence look a size larger. The minutes document sets its Latin words in
these copies, drawn at SCALE of the original: capitals at 0.628 em, level with the headline.
WeasyPrint 70 has no @font-face `size-adjust`, hence copies.

Only unitsPerEm changes (every outline, advance, kerning value and metric stays in its font
units, so the whole face shrinks evenly and its hinting still fits), and the family is renamed:
the SIL Open Font License (static/fonts/OFL.txt) asks modified versions to carry another name.

    .venv/bin/python scripts/scale_latin_fonts.py   # then commit the written files
"""

from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"
SCALE = 0.88
SOURCES = ("NotoSerif-Regular", "NotoSerif-Bold")
FAMILY = "Sobha Noto Serif Scaled"


def x_metrics(font: TTFont) -> dict[str, float]:
    """Cap height, x-height and the digits' top as fractions of the em."""
    upem, os2 = font["head"].unitsPerEm, font["OS/2"]
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    from fontTools.pens.boundsPen import BoundsPen

    def top(character: str) -> float:
        pen = BoundsPen(glyphs)
        glyphs[cmap[ord(character)]].draw(pen)
        return pen.bounds[3] / upem

    return {"cap": os2.sCapHeight / upem, "x": os2.sxHeight / upem, "digits": max(map(top, "0123456789"))}


def scaled(source: Path, scale: float = SCALE) -> TTFont:
    font = TTFont(source)
    upem = font["head"].unitsPerEm
    font["head"].unitsPerEm = round(upem / scale)
    style = font["name"].getDebugName(2) or "Regular"
    names = {
        1: FAMILY,
        3: f"{FAMILY} {style}; scaled {scale:g} from {font['name'].getDebugName(3)}",
        4: f"{FAMILY} {style}",
        6: f"SobhaNotoSerifScaled-{style.replace(' ', '')}",
        16: FAMILY,
        17: style,
    }
    for record in list(font["name"].names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
            font["name"].removeNames(nameID=record.nameID)
    for name_id, value in names.items():
        font["name"].setName(value, name_id, 3, 1, 0x409)
    return font


def main():
    for name in SOURCES:
        font = scaled(FONTS / f"{name}.ttf")
        target = FONTS / f"{name}-Scaled.ttf"
        font.save(target)
        print(f"{target.name}: {x_metrics(font)}")


if __name__ == "__main__":
    main()
