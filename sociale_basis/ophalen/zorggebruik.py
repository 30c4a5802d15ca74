"""Gebruik van zorg per gemeente (CBS, Gemeentelijke Monitor Sociaal Domein): jeugdzorg in natura (aandelen),
jongeren per vorm van jeugdzorg (aantallen) en Wmo-cliënten, één generieke weg voor elke tabel in
`[zorggebruik]` van data/cbs_bronnen.toml.

Wat deze tabellen lelijk maakt (docs/cbs-bronnen, "Use of care"): halfjaren staan naast jaren in dezelfde
tabel (nooit optellen: alleen `…JJ00` wordt bewaard); `.` is null in de API en betekent ‘niet gepubliceerd’
(Wmo: deelname is vrijwillig), nooit 0; voorlopige cijfers staan als Status in de dimensie Perioden en
worden later herzien; regiocodes zijn opgevuld met spaties; de kolomnamen dragen een nummer."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .. import fmt
from ..sources import gebruik
from ..sources.controle import GM_CODE
from .client import Client
from .instellingen import Bronnen, OphaalFout, ZorgTabel
from .iv3 import tabelinfo
from .opgehaald import Opgehaald, Vorige, ongewijzigd, stap
from .paginas import (
    dimensie_url,
    eigenschappen,
    kolom_met_nummer,
    lees_kop,
    lees_pagina,
    odata_rijen,
    odata_url,
    odata_volgende,
    strip,
    vereist,
)

NEDERLAND = "NL01"
JAARPERIODE = re.compile(r"^(\d{4})JJ00$")
SLEUTEL = "zorggebruik"  # de sleutel in cbs_herkomst: één ophaling per tabel


def eigen_jaren(tabellen: list[ZorgTabel]) -> dict[str, list[int]]:
    """Per tabel de jaren die ze levert: bij overlap wint de latere tabel in de lijst (de nieuwere
    reeks). Zo kan een tabel die opnieuw komt nooit de jaren van een andere overschrijven."""
    return {z.tabel: [j for j in z.jaren if not _bezet(tabellen, z, j)] for z in tabellen}


def _bezet(tabellen: list[ZorgTabel], z: ZorgTabel, jaar: int) -> bool:
    """Levert een latere tabel met (een van) dezelfde maten dit jaar al?"""
    later = tabellen[tabellen.index(z) + 1 :]
    return any(jaar in t.jaren and set(t.maten) & set(z.maten) for t in later)


def _kolommen(client: Client, b: Bronnen, z: ZorgTabel, wat: str) -> tuple[dict[str, str], list[str]]:
    """Per maat de kolom van deze tabel (`<naam>_<nummer>` uit DataProperties), en de dimensies."""
    sleutels = eigenschappen(client, b.zorg_basis, z.tabel, wat)
    dimensies = ["RegioS", "Perioden", *([z.dimensie] if z.dimensie else [])]
    ontbreekt = [d for d in dimensies if d not in sleutels]
    if ontbreekt:
        raise OphaalFout(
            f"{wat}: dimensie(s) {', '.join(ontbreekt)} niet in DataProperties; pas data/cbs_bronnen.toml aan."
        )
    if z.dimensie:
        return dict.fromkeys(z.maten, kolom_met_nummer(sleutels, z.kolom or "", wat)), dimensies
    return {maat: kolom_met_nummer(sleutels, naam, wat) for maat, naam in z.maten.items()}, dimensies


def _perioden(client: Client, b: Bronnen, z: ZorgTabel, wat: str) -> dict[str, bool]:
    """Per periode of ze voorlopig is (dimensie Perioden: Status, of een `*` in de titel zoals StatLine)."""
    rijen = client.alle_rijen(
        f"zorg_{z.tabel}_perioden",
        dimensie_url(b.zorg_basis, z.tabel, "Perioden"),
        wat,
        odata_volgende,
        odata_rijen,
    )
    return {
        strip(r.get("Key")): strip(r.get("Status")).lower() not in ("", "definitief")
        or strip(r.get("Title")).endswith("*")
        for r in rijen
    }


def haal_zorggebruik(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    vorige: Vorige,
    _documenten: list[str],
) -> None:
    jaren = eigen_jaren(b.zorg_tabellen)
    for z in b.zorg_tabellen:
        if not jaren[z.tabel]:
            continue
        wat = f"zorggebruik {fmt.jaarreeks(jaren[z.tabel])} (CBS {z.tabel})"
        info = tabelinfo(client, b.zorg_basis, z.tabel, wat)
        if ongewijzigd(vorige, z.tabel, SLEUTEL, info, wat, uit, meld):
            continue
        meld(f"{wat} ophalen…")
        kolommen, dimensies = _kolommen(client, b, z, wat)
        voorlopig = _perioden(client, b, z, wat)
        filter_ = b.zorg_filter
        if z.dimensie:
            codes = " or ".join(f"{z.dimensie} eq '{c}'" for c in z.maten.values())
            filter_ = f"({filter_}) and ({codes})"
        nodig = [*dimensies, *dict.fromkeys(kolommen.values())]
        cachenaam = f"zorg_{z.tabel}_{re.sub(r'[^0-9]', '', info['Modified'])}"
        paginas = client.paginas(
            cachenaam,
            odata_url(b.zorg_basis, z.tabel, filter_, nodig),
            wat,
            odata_volgende,
            odata_rijen,
            lambda r, w=wat, k=tuple(nodig): vereist(r, list(k), w),
        )
        regels, halfjaren, overig = _regels(z, paginas, kolommen, voorlopig, set(jaren[z.tabel]))
        if halfjaren:
            uit.opmerkingen.append(
                f"{wat}: {fmt.getal(halfjaren)} halfjaarcijfers overgeslagen (alleen jaarcijfers; halfjaren "
                "tellen niet op tot een jaar)."
            )
        if overig:
            uit.opmerkingen.append(f"{wat}: {overig}")
        if not regels:
            uit.opmerkingen.append(f"{wat}: nog geen jaarcijfers.")
            continue
        df = pd.DataFrame(regels)
        ontbreekt = sorted(set(jaren[z.tabel]) - set(df["jaar"]))
        if ontbreekt:
            uit.opmerkingen.append(f"{wat}: nog geen jaarcijfer voor {fmt.jaarreeks(ontbreekt)}.")
        leeg = df[df["gebied"].str.startswith("GM") & df["waarde"].isna()]
        if not leeg.empty:
            uit.opmerkingen.append(
                f"{wat}: {leeg['gebied'].nunique()} gemeente(n) zonder gepubliceerd cijfer voor een of meer jaren "
                "(bewaard als ‘niet gepubliceerd’, niet als 0)."
            )
        bestand = map_ / f"zorggebruik_{z.tabel}.csv"
        df.to_csv(bestand, index=False)
        uit.stappen.append(stap(bestand, gebruik.SOORT, wat, gebruik.lees))
        gemeenten = int(df.loc[df["gebied"].str.startswith("GM") & df["waarde"].notna(), "gebied"].nunique())
        uit.herkomst.append(
            {
                "tabel": z.tabel,
                "sleutel": SLEUTEL,
                "onderdeel": SLEUTEL,
                "jaar": int(df["jaar"].max()),
                "document": None,
                "titel": info.get("Title", ""),
                "gewijzigd": info["Modified"],
                "rijen": int(sum(lees_kop(p)["rijen"] for p in paginas)),
                "gemeenten": gemeenten,
            }
        )
        meld(f"{wat}: {fmt.getal(len(df))} cijfers, {gemeenten} gemeenten")


def _regels(
    z: ZorgTabel, paginas: list[Path], kolommen: dict[str, str], voorlopig: dict[str, bool], jaren: set[int]
) -> tuple[list[dict], int, str]:
    """De jaarcijfers van gemeenten en Nederland, per maat; halfjaren geteld en weggelaten."""
    code_naar_maat = {c: m for m, c in z.maten.items()} if z.dimensie else None
    regels, halfjaren = [], 0
    vreemd: set[str] = set()
    for pad in paginas:
        for r in lees_pagina(pad):
            gebied, periode = strip(r["RegioS"]), strip(r["Perioden"])
            if not (GM_CODE.match(gebied) or gebied == NEDERLAND):
                vreemd.add(gebied[:2])
                continue
            m = JAARPERIODE.match(periode)
            if not m:
                halfjaren += 1
                continue
            jaar = int(m.group(1))
            if jaar not in jaren:
                continue
            if code_naar_maat is not None:
                maat = code_naar_maat.get(strip(r[z.dimensie]))
                paren = [(maat, kolommen[maat])] if maat else []
            else:
                paren = list(kolommen.items())
            for maat, kolom in paren:
                waarde = r.get(kolom)
                regels.append(
                    {
                        "jaar": jaar,
                        "gebied": gebied,
                        "maat": maat,
                        "waarde": None if waarde is None else float(waarde),
                        "tabel": z.tabel,
                        "voorlopig": voorlopig.get(periode, False),
                    }
                )
    overig = f"andere regio's ({', '.join(sorted(vreemd))}…) weggelaten." if vreemd else ""
    return regels, halfjaren, overig
