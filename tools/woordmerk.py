"""Maakt static/woordmerk.svg en static/merkteken.svg opnieuw (alleen nodig als de letter, de
kleuren of de vorm veranderen; het resultaat staat in de repo).

Het merkteken: drie lagen op elkaar, in de kleuren van de lagen uit begrippen.LAGEN — persoonlijk
boven, informeel, institutioneel onderop als de breedste: de basis waarop mensen staan, en een
staafgrafiek in het klein, zoals de lagen op elke pagina. De tekst staat als paden in het bestand
(uit de meegeleverde letter), zodat het woordmerk er overal hetzelfde uitziet, ook als <img>
zonder toegang tot webletters.

    .venv/bin/pip install fonttools brotli uharfbuzz     # alleen voor dit hulpmiddel
    .venv/bin/python tools/woordmerk.py
"""

from __future__ import annotations

import io

import uharfbuzz as hb
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

from sociale_basis import begrippen, huisstijl

HOOGTE = 48  # viewBox-hoogte; st.logo(size="large") toont het 32 px hoog
STAAF, TUSSEN, BOVEN = 12, 3, 1.5
BREEDTES = {"persoonlijk": 22, "informeel": 34, "institutioneel": 46}
TEKST_X = 60
BASISLIJN = BOVEN + 3 * STAAF + 2 * TUSSEN  # onderkant van de onderste laag
KAPHOOGTE = BASISLIJN - (BOVEN + STAAF + TUSSEN)  # hoofdletter reikt tot de bovenkant van de middelste laag
DELEN = [("Sociale ", "600", huisstijl.INKT), ("Basis", "800", huisstijl.MERK)]


def merkteken() -> list[str]:
    regels = []
    for i, (laag, breedte) in enumerate(BREEDTES.items()):
        y = BOVEN + i * (STAAF + TUSSEN)
        regels.append(
            f'<rect x="{(46 - breedte) / 2:g}" y="{y:g}" width="{breedte}" height="{STAAF}" rx="2.5" '
            f'fill="{begrippen.LAGEN[laag][1]}"/>'
        )
    return regels


def letter(gewicht: str) -> tuple[TTFont, bytes]:
    font = TTFont(huisstijl.STATIC / "fonts" / huisstijl.LETTERBESTANDEN[(gewicht, "normal")])
    font.flavor = None  # woff2 -> gewone sfnt voor HarfBuzz
    buf = io.BytesIO()
    font.save(buf)
    return TTFont(io.BytesIO(buf.getvalue())), buf.getvalue()


def tekstpaden() -> tuple[list[str], float]:
    x, regels = float(TEKST_X), []
    for tekst, gewicht, kleur in DELEN:
        font, ruw = letter(gewicht)
        schaal = KAPHOOGTE / font["OS/2"].sCapHeight
        hbfont = hb.Font(hb.Face(ruw))
        buf = hb.Buffer()
        buf.add_str(tekst)
        buf.guess_segment_properties()
        hb.shape(hbfont, buf, {"kern": True, "liga": True})
        glyphs, namen = font.getGlyphSet(), font.getGlyphOrder()
        pen = SVGPathPen(glyphs, ntos=lambda v: f"{v:.1f}".rstrip("0").rstrip("."))
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
            gx = x + pos.x_offset * schaal
            glyphs[namen[info.codepoint]].draw(TransformPen(pen, (schaal, 0, 0, -schaal, gx, BASISLIJN)))
            x += pos.x_advance * schaal
        regels.append(f'<path fill="{kleur}" d="{pen.getCommands()}"/>')
    return regels, x


def svg(breedte: float, inhoud: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte:.0f} {HOOGTE}" '
        f'width="{breedte:.0f}" height="{HOOGTE}" role="img" aria-label="Sociale Basis">\n'
        "<title>Sociale Basis</title>\n" + "\n".join(inhoud) + "\n</svg>\n"
    )


def main() -> None:
    tekst, eind = tekstpaden()
    huisstijl.WOORDMERK.write_text(svg(eind + 1, merkteken() + tekst))
    huisstijl.MERKTEKEN.write_text(svg(HOOGTE, merkteken()))
    for pad in (huisstijl.WOORDMERK, huisstijl.MERKTEKEN):
        print(pad, pad.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
