"""Iv3 (CBS): per jaar en verslagsoort de bedragen per gemeente, taakveld/balanspost en categorie,
alleen de cellen met een bedrag; een tabel die bij CBS niet veranderde, wordt overgeslagen."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import httpx
import pandas as pd
import pyarrow.parquet as pq

from .. import fmt
from ..sources import iv3
from ..sources.controle import GM_CODE
from ..sources.lading import Lading
from ..sources.namen import NaamZoeker
from .client import Client
from .instellingen import Bronnen, OphaalFout
from .opgehaald import Opgehaald, Vorige, ongewijzigd, stap
from .paginas import lees_kop, odata_rijen, odata_url, odata_volgende, strip, vereist

IV3_DIMENSIES = ["Gemeenten", "TaakveldBalanspost", "Categorie", "Verslagsoort"]
IV3_WAARDEN = ["k_1ePlaatsing_1", "k_2ePlaatsing_2"]
CBS_GEEN_CIJFER = -99998.0  # CBS' code voor "geen cijfer" in een numerieke cel: geen bedrag, geen nul


def _iv3_zonder_lege_cellen(rijen: list[dict]) -> list[dict]:
    """Van een Iv3-pagina alleen de cellen met een bedrag, sleutels zonder opvulspaties. Null en
    -99998 zijn "niet gerapporteerd", geen € 0 (de filter aan de serverkant laat de meeste al weg;
    dit houdt het ook waar als een server de filter negeert)."""
    uit = []
    for r in rijen:
        waarden = {k: (None if r.get(k) == CBS_GEEN_CIJFER else r.get(k)) for k in IV3_WAARDEN}
        if all(w is None for w in waarden.values()):
            continue
        uit.append(
            {
                **{k: strip(r[k]) for k in IV3_DIMENSIES},
                **{k: (float(w) if w is not None else None) for k, w in waarden.items()},
            }
        )
    return uit


def tabelinfo(client: Client, basis: str, tabel: str, wat: str) -> dict:
    """De metadata van een CBS-tabel (`TableInfos`: Modified, Period, Title), zoals cbsodata die leest."""
    data = client.json(
        str(httpx.URL(f"{basis.rstrip('/')}/{tabel}/TableInfos", params={"$format": "json"})), f"{wat}, metadata"
    )
    waarden = data.get("value") if isinstance(data, dict) else None
    if not waarden or "Modified" not in waarden[0]:
        raise OphaalFout(f"{wat}: de metadata (TableInfos) heeft geen 'Modified'; de bron is mogelijk veranderd.")
    return waarden[0]


def haal_iv3(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    vorige: Vorige,
    documenten: list[str],
) -> None:
    for jaar, tabel in sorted(b.iv3_tabellen.items()):
        info = tabelinfo(client, b.iv3_basis, tabel, f"Iv3 {jaar} (CBS {tabel})")
        for code, document in iv3.VERSLAGSOORT.items():
            if document not in documenten:
                continue
            verslagsoort = f"{jaar}X{code}"
            wat = f"Iv3 {document} {jaar} (CBS {tabel})"
            if ongewijzigd(vorige, tabel, verslagsoort, info, wat, uit, meld):
                continue
            eerder = vorige.herkomst.get((tabel, verslagsoort))
            meld(f"{wat} ophalen…")
            # De vingerafdruk van de tabel hoort bij de cache: herziet CBS, dan een verse reeks.
            cachenaam = f"iv3_{tabel}_{verslagsoort}_{re.sub(r'[^0-9]', '', info['Modified'])}"
            paginas = client.paginas(
                cachenaam,
                odata_url(b.iv3_basis, tabel, b.iv3_filter.format(verslagsoort=verslagsoort), b.iv3_kolommen),
                wat,
                odata_volgende,
                odata_rijen,
                lambda r, w=wat: vereist(r, [*IV3_DIMENSIES, "k_2ePlaatsing_2"], w),
                omzet=_iv3_zonder_lege_cellen,
                verwacht=eerder and eerder["rijen"],
            )
            gevuld = [p for p in paginas if pq.read_metadata(p).num_rows]
            if not gevuld:
                uit.opmerkingen.append(f"{wat}: nog niet gepubliceerd (geen enkel bedrag).")
                continue
            df = pd.concat([pq.read_table(p).to_pandas() for p in gevuld], ignore_index=True)
            vreemd = df.loc[df["Verslagsoort"] != verslagsoort, "Verslagsoort"]
            if not vreemd.empty:
                raise OphaalFout(
                    f"{wat}: de server gaf ook regels van verslagsoort '{vreemd.iloc[0]}'; "
                    "het filter in data/cbs_bronnen.toml werkt niet zoals verwacht."
                )
            df = df[df["Gemeenten"].str.match(GM_CODE.pattern)]
            bestand = map_ / f"iv3_cbs_{verslagsoort}.csv"
            df[[*IV3_DIMENSIES, *IV3_WAARDEN]].to_csv(bestand, index=False)
            uit.stappen.append(stap(bestand, "cbs_iv3", wat, _lees_iv3_vervangend))
            geleverd = set(df["Gemeenten"])
            lijst = uit.gemeenten.get(jaar) or vorige.gemeenten.get(jaar) or {}
            niets = sorted(set(lijst) - geleverd)
            if niets:
                namen = ", ".join(f"{gm} {lijst[gm]}" for gm in niets[:12]) + (
                    f" en nog {len(niets) - 12}" if len(niets) > 12 else ""
                )
                uit.opmerkingen.append(
                    f"{len(niets)} gemeente{'n' if len(niets) > 1 else ''} leverde{'n' if len(niets) > 1 else ''} "
                    f"voor {document} {jaar} niets aan: {namen}. De cijfers die de opslag van "
                    f"{'deze gemeenten' if len(niets) > 1 else 'deze gemeente'} al had, blijven staan."
                )
            uit.herkomst.append(
                {
                    "tabel": tabel,
                    "sleutel": verslagsoort,
                    "onderdeel": "iv3",
                    "jaar": jaar,
                    "document": document,
                    "titel": info.get("Title", ""),
                    "gewijzigd": info["Modified"],
                    "rijen": int(sum(lees_kop(p)["rijen"] for p in paginas)),
                    "gemeenten": len(geleverd),
                }
            )
            meld(f"{wat}: {fmt.getal(len(df))} bedragen, {len(geleverd)} gemeenten")


def _lees_iv3_vervangend(pad: Path, namen: NaamZoeker) -> Lading:
    """De volledige CBS-tabel vervangt per gemeente, jaar en document de afgeleide bronnen (bv. de
    lastenreeks van een eerdere extractie): CBS kan intussen hebben herzien, en twee bronnen die
    elkaar tegenspreken zouden de import terecht weigeren. Alleen gemeenten met minstens één
    bedrag staan erin: wie niets aanleverde, houdt wat de opslag had."""
    lading = iv3.lees_cbs_ruw(pad, namen)
    bedragen = lading.tabellen["iv3_bedrag"]
    sleutels = bedragen[["bron", "jaar", "document", "gm_code"]].drop_duplicates()
    lading.tabellen = {"iv3_vervang": sleutels, **lading.tabellen}
    return lading
