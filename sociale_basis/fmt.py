"""Getallen en bedragen in Nederlandse notatie: € 1.234,5 mln; 12,3%.

Eén plek voor de notatie, zodat pagina's, exports en de opdrachtregel hetzelfde schrijven.
"""

from __future__ import annotations

import math
import re

LEEG = "–"  # voor ontbrekende waarden
# Tekst die een spreadsheet als formule leest (CSV-injectie): de enige lijst. Invoer met zo'n begin
# wordt geweigerd (sources/controle.py), uitvoer krijgt een ' ervoor (export.py); '-' en '+' alleen bij
# tekst, een negatief getal blijft een getal.
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
MIN = "\u2212"  # het minteken (−), niet het koppelteken: "€ −34", zoals in Nederlandse tabellen


def _ontbreekt(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def getal(x, decimalen: int = 0) -> str:
    """1234567.8 → '1.234.568' (0 decimalen) of '1.234.567,8'; −34 met een minteken. Alle andere
    notaties bouwen hierop, zodat het teken altijd na '€ ' en vóór het getal staat."""
    if _ontbreekt(x):
        return LEEG
    tekst = f"{abs(float(x)):,.{decimalen}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    # Wat op nul afrondt, krijgt geen teken: "€ −0" zou een verschil suggereren dat er niet is.
    negatief = float(x) < 0 and any(c not in "0,." for c in tekst)
    return f"{MIN}{tekst}" if negatief else tekst


def euro(x, decimalen: int = 0) -> str:
    """€ 1.234 — bedragen in hele euro's (of met decimalen)."""
    if _ontbreekt(x):
        return LEEG
    return f"€ {getal(x, decimalen)}"


def afgerond(x, decimalen: int = 0) -> float:
    """x zoals `getal` het afdrukt (dezelfde afronding), als getal."""
    return float(f"{float(x):.{decimalen}f}")


def euro_verschil(a, b, decimalen: int = 0) -> str:
    """Het verschil a − b zoals het naast € a en € b gedrukt moet staan: uit de afgedrukte (afgeronde)
    bedragen, zodat een lezer die narekent op hetzelfde uitkomt (€ 193 − € 97 = € 96, nooit € 95)."""
    if _ontbreekt(a) or _ontbreekt(b):
        return LEEG
    return euro(afgerond(a, decimalen) - afgerond(b, decimalen), decimalen)


def bedrag_verschil(a, b) -> str:
    """Als euro_verschil, voor bedragen die `bedrag` afdrukt: het verschil in de eenheid van het grootste
    van de twee (€ 45,3 mln − € 44,1 mln = € 1,2 mln), uit de afgedrukte bedragen."""
    if _ontbreekt(a) or _ontbreekt(b):
        return LEEG
    groot = max(abs(a), abs(b))
    for grens, eenheid, decimalen in ((1e9, "mld", 2), (1e6, "mln", 1)):
        if groot >= grens:
            verschil = afgerond(a / grens, decimalen) - afgerond(b / grens, decimalen)
            return f"€ {getal(verschil, decimalen)} {eenheid}"
    return euro_verschil(a, b)


def mln(x, decimalen: int = 1) -> str:
    """Euro's als miljoenen: 1234500000 → '€ 1.234,5 mln'."""
    return LEEG if _ontbreekt(x) else f"€ {getal(x / 1e6, decimalen)} mln"


def mld(x, decimalen: int = 2) -> str:
    """Euro's als miljarden: 4130872000 → '€ 4,13 mld'."""
    return LEEG if _ontbreekt(x) else f"€ {getal(x / 1e9, decimalen)} mld"


def bedrag(x) -> str:
    """Kies de leesbare eenheid: mld vanaf 1 miljard, mln vanaf 1 miljoen, anders hele euro's."""
    if _ontbreekt(x):
        return LEEG
    if abs(x) >= 1e9:
        return mld(x)
    if abs(x) >= 1e6:
        return mln(x)
    return euro(x)


def procent(fractie, decimalen: int = 1) -> str:
    """0.123 → '12,3%'."""
    return LEEG if _ontbreekt(fractie) else f"{getal(fractie * 100, decimalen)}%"


def factor(x, decimalen: int = 2) -> str:
    """Een verhouding in euro's: 1.35 → '€ 1,35'."""
    return LEEG if _ontbreekt(x) else f"€ {getal(x, decimalen)}"


# Plotly: decimaalteken ',' en duizendtal '.'.
PLOTLY_SEPARATORS = ",."


def jaarreeks(jaren) -> str:
    """[2017, 2018, 2019, 2023] → '2017–2019 en 2023': aaneengesloten jaren als bereik."""
    jaren = sorted(set(int(j) for j in jaren))
    blokken: list[list[int]] = []
    for j in jaren:
        if blokken and j == blokken[-1][-1] + 1:
            blokken[-1].append(j)
        else:
            blokken.append([j])
    delen = [f"{b[0]}–{b[-1]}" if len(b) > 2 else ", ".join(map(str, b)) for b in blokken]
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """1 probleem, 3 problemen (met Nederlandse duizendtallen)."""
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"


def datum(x) -> str:
    """Een datum als 14-06-2024, uit een datetime of een ISO-tekst (zoals CBS' `Modified`)."""
    from datetime import datetime

    if isinstance(x, str):
        try:
            x = datetime.fromisoformat(x)
        except ValueError:
            return x
    return f"{x:%d-%m-%Y}"


def letterlijk(tekst: str) -> str:
    """Tekst die markdown niet mag lezen (haken, sterretjes, $ voor LaTeX, :icoon:) letterlijk laten staan: ook
    wat een link meebrengt, zodat `?jaar=[Log in](https://…)` geen link op onze pagina wordt."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|$<>~:])", r"\\\1", str(tekst))
