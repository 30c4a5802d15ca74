"""Kerncijfers wijken en buurten (CBS) per jaar: per gemeente de maten voor behoefte, per wijk de cijfers
van de wijkkaart (met de wijknaam uit de dimensie WijkenEnBuurten)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..sources import behoefte, gebruik
from ..sources.controle import GM_CODE
from .client import Client
from .instellingen import Bronnen
from .opgehaald import Opgehaald, Vorige, stap
from .paginas import (
    dimensie_url,
    eigenschappen,
    kolom_met_nummer,
    odata_rijen,
    odata_url,
    odata_volgende,
    strip,
    vereist,
)


def haal_kerncijfers(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    """Kerncijfers wijken en buurten per jaar, alleen gemeenten: de kolommen uit de bronnenlijst, elk
    met het nummer dat deze tabel eraan gaf (uit DataProperties). Lege cellen (voorlopig, of
    geheim) zijn niet gemeten en worden niet bewaard."""
    regels, wijkregels = [], []
    for jaar, tabel in sorted(b.kerncijfers_tabellen.items()):
        wat = f"kerncijfers wijken en buurten {jaar} (CBS {tabel})"
        meld(f"{wat} ophalen…")
        sleutels = eigenschappen(client, b.kerncijfers_basis, tabel, wat)
        kolommen = {naam: kolom_met_nummer(sleutels, naam, wat) for naam in b.kerncijfers_kolommen}
        nodig = ["WijkenEnBuurten", *kolommen.values()]
        rijen = client.alle_rijen(
            f"kwb_{tabel}",
            odata_url(b.kerncijfers_basis, tabel, b.kerncijfers_filter, nodig),
            wat,
            odata_volgende,
            odata_rijen,
            lambda r, w=wat, k=tuple(nodig): vereist(r, list(k), w),
        )
        gevuld = dict.fromkeys(kolommen, 0)
        wijkrijen = []
        for r in rijen:
            code = strip(r["WijkenEnBuurten"])
            if gebruik.WK_CODE.match(code):
                wijkrijen.append(r)
                continue
            if not GM_CODE.match(code):
                continue  # buurten (de filter vraagt ze niet, maar zeker is zeker)
            for naam, kolom in kolommen.items():
                if r[kolom] is not None:
                    regels.append({"jaar": jaar, "gm_code": code, "maat": naam, "waarde": r[kolom]})
                    gevuld[naam] += 1
        if wijkrijen:
            wijkregels += _wijken(client, b, tabel, jaar, wat, wijkrijen, kolommen)
        leeg = [naam for naam, n in gevuld.items() if not n]
        if leeg:
            uit.opmerkingen.append(f"{wat}: nog geen cijfers voor {', '.join(leeg)} (voorlopige tabel).")
    if regels:
        bestand = map_ / "kerncijfers_cbs.csv"
        pd.DataFrame(regels).to_csv(bestand, index=False)
        uit.stappen.append(
            stap(bestand, behoefte.SOORT_KWB, "kerncijfers wijken en buurten (CBS)", behoefte.lees_kerncijfers)
        )
    if wijkregels:
        bestand = map_ / "kerncijfers_wijken_cbs.csv"
        pd.DataFrame(wijkregels, columns=gebruik.KOLOMMEN_WIJK).to_csv(bestand, index=False)
        uit.stappen.append(stap(bestand, gebruik.SOORT_WIJK, "kerncijfers per wijk (CBS)", gebruik.lees_wijken))


def _wijken(
    client: Client, b: Bronnen, tabel: str, jaar: int, wat: str, rijen: list[dict], kolommen: dict[str, str]
) -> list[dict]:
    """De wijkrijen met hun naam (dimensie WijkenEnBuurten: Title). Lege cellen (geheim, of het nieuwste jaar)
    blijven leeg: de wijk telt, het cijfer niet."""
    dimensie = client.alle_rijen(
        f"kwb_{tabel}_wijknamen",
        dimensie_url(
            b.kerncijfers_basis, tabel, "WijkenEnBuurten", **{"$filter": "startswith(Key,'WK')", "$select": "Key,Title"}
        ),
        f"{wat}, wijknamen",
        odata_volgende,
        odata_rijen,
    )
    namen = {strip(d.get("Key")): strip(d.get("Title")) for d in dimensie}
    uit = []
    for r in rijen:
        code = strip(r["WijkenEnBuurten"])
        for naam, kolom in kolommen.items():
            uit.append(
                {
                    "jaar": jaar,
                    "wk_code": code,
                    "gm_code": f"GM{code[2:6]}",
                    "wijk": namen.get(code) or code,
                    "maat": naam,
                    "waarde": r[kolom],
                }
            )
    return uit
