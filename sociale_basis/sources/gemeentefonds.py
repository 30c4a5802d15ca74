"""Gemeentefonds: de verdeling per gemeente over de clusters, per circulaire (in euro's)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .lezen import InvoerFout, Lading, NaamZoeker, getallen, lees_tekst_csv, uniek

CLUSTERS = [
    "Sociale basisvoorzieningen", "Participatie", "Individuele voorzieningen Wmo",
    "Individuele voorzieningen Jeugd", "Bestuur en ondersteuning", "Orde en veiligheid",
    "Onderwijs", "Sport, cultuur en recreatie", "Infrastructuur, ruimte en milieu", "Overig",
    "Overige eigen middelen", "Onroerendezaakbelasting",
]


def herken(pad: Path, kop: str) -> bool:
    eerste = kop.splitlines()[0] if kop else ""
    return ";Gemeenten;Sociale basisvoorzieningen;" in eerste and "Totaal" in eerste


def circulaire_uit_naam(pad: Path) -> tuple[str, int]:
    if m := re.search(r"([MS]20\d\d)_(20\d\d)", pad.name):
        return m.group(1), int(m.group(2))
    raise InvoerFout(pad, "circulaire en uitkeringsjaar staan niet in de bestandsnaam; noem het "
                          "bestand bv. gf_clusters_S2024_2025.csv (septembercirculaire 2024 voor 2025).")


def lees(pad: Path, namen: NaamZoeker) -> Lading:
    circulaire, jaar = circulaire_uit_naam(pad)
    df = lees_tekst_csv(pad, ";", ["Gemeenten", *CLUSTERS, "Totaal"])
    df = df[df["Gemeenten"].str.strip() != "Nederland"]
    gm = namen.codes(pad, df, "Gemeenten", jaar)
    uniek(pad, df.assign(gm_code=gm), ["gm_code"], "Gemeenten")  # twee schrijfwijzen van één gemeente
    delen = []
    for cluster in CLUSTERS:
        delen.append(pd.DataFrame({"circulaire": circulaire, "uitkeringsjaar": jaar, "gm_code": gm,
                                   "cluster": cluster, "bedrag": getallen(pad, df, cluster)}))
    uit = pd.concat(delen, ignore_index=True)
    sb = uit.loc[uit["cluster"] == "Sociale basisvoorzieningen", "bedrag"].sum()
    return Lading("gemeentefonds", {"gf_cluster": uit},
                  f"{circulaire} voor {jaar}: {len(df)} gemeenten, sociale basisvoorzieningen "
                  f"€ {sb / 1e9:.2f} mld".replace(".", ","))
