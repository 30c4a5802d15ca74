"""Herindelingen: cijfers van een eerder jaar herrekenen naar de gemeentegrenzen van een later
jaar, via de keten van jaarlijkse grenswijzigingen.

Per overgang (jaar → jaar + 1) verdeelt een gemeente zich naar het aandeel van haar adressen
dat naar elke nieuwe gemeente gaat (VNG/grenswijzigen). Gemeenten die niet in de lijst staan,
blijven zichzelf. Een overgang zonder wijzigingen maar met een andere gemeentelijst is
onbekend: daar stopt de keten (liever geen herrekening dan een verkeerde).
Een geschiedenis van een fusiegemeente is zo de gewogen som van haar voorgangers, en per
gemeente van het bronjaar tellen de aandelen op tot 1: landelijk verandert er niets.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

Verdeling = dict[str, dict[str, float]]  # gm_code_van → {gm_code_naar: aandeel}


def _overgang(jaar: int, codes: dict[int, set[str]], grenzen: pd.DataFrame) -> Verdeling | None:
    """De verdeling van jaar naar jaar + 1, of None als die onbekend is."""
    van, naar = codes.get(jaar), codes.get(jaar + 1)
    if van is None or naar is None:
        return None
    rijen = grenzen[grenzen["jaar_van"] == jaar]
    if rijen.empty and van != naar:
        return None
    verdeling: Verdeling = {}
    for code, groep in rijen.groupby("gm_code_van"):
        totaal = groep["adressen"].sum()
        if totaal <= 0:
            return None
        verdeling[code] = {n: a / totaal for n, a in zip(groep["gm_code_naar"], groep["adressen"])}
    for code in van - set(verdeling):
        verdeling[code] = {code: 1.0}
    if any(n not in naar for delen in verdeling.values() for n in delen):
        return None
    return verdeling


def _samenstellen(eerst: Verdeling, dan: Verdeling) -> Verdeling:
    uit: Verdeling = {}
    for van, tussen in eerst.items():
        samen: dict[str, float] = defaultdict(float)
        for t, a in tussen.items():
            for n, b in dan[t].items():
                samen[n] += a * b
        uit[van] = dict(samen)
    return uit


def factoren(gemeenten: pd.DataFrame, grenzen: pd.DataFrame) -> pd.DataFrame:
    """Alle herrekeningen (jaar_van, jaar_naar, gm_code_van, gm_code_naar, aandeel).

    `gemeenten`: kolommen jaar, gm_code; `grenzen`: jaar_van, gm_code_van, gm_code_naar, adressen.
    Vooruit langs de keten zolang die bekend is; terug alleen waar de indeling gelijk bleef
    (een fusie laat zich niet eerlijk terug splitsen).
    """
    codes = {int(j): set(g) for j, g in gemeenten.groupby("jaar")["gm_code"]}
    jaren = sorted(codes)
    rijen: list[tuple[int, int, str, str, float]] = []
    gelijk_tot: dict[int, int] = {}  # jaar → laatste latere jaar met precies dezelfde indeling
    for start in jaren:
        huidig: Verdeling = {c: {c: 1.0} for c in codes[start]}
        rijen += [(start, start, c, c, 1.0) for c in codes[start]]
        gelijk_tot[start] = start
        jaar = start
        while (stap := _overgang(jaar, codes, grenzen)) is not None:
            huidig = _samenstellen(huidig, stap)
            jaar += 1
            rijen += [(start, jaar, v, n, a) for v, delen in huidig.items() for n, a in delen.items()]
            if (
                gelijk_tot[start] == jaar - 1
                and all(d == {v: 1.0} for v, d in huidig.items())
                and codes[jaar] == codes[start]
            ):
                gelijk_tot[start] = jaar
    for start, eind in gelijk_tot.items():
        for later in range(start + 1, eind + 1):
            rijen += [(later, start, c, c, 1.0) for c in codes[later]]
    return pd.DataFrame(rijen, columns=["jaar_van", "jaar_naar", "gm_code_van", "gm_code_naar", "aandeel"])
