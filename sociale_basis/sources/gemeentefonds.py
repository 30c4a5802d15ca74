"""Gemeentefonds: de verdeling per gemeente over de clusters, per circulaire (in euro's)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .. import fmt
from .controle import MAX_EURO, Problemen, controleer_jaar, getallen, uniek
from .lading import Lading
from .lezen import lees_tekst_csv
from .namen import NaamZoeker

EERSTE_JAAR = 2000  # ruim vóór de oudste circulaire die het dashboard kent

CLUSTERS = [
    "Sociale basisvoorzieningen",
    "Participatie",
    "Individuele voorzieningen Wmo",
    "Individuele voorzieningen Jeugd",
    "Bestuur en ondersteuning",
    "Orde en veiligheid",
    "Onderwijs",
    "Sport, cultuur en recreatie",
    "Infrastructuur, ruimte en milieu",
    "Overig",
    "Overige eigen middelen",
    "Onroerendezaakbelasting",
]
KOLOMMEN = ["Gemeenten", *CLUSTERS, "Totaal"]


def herken(pad: Path, kop: str) -> bool:
    eerste = kop.splitlines()[0] if kop else ""
    return ";Gemeenten;Sociale basisvoorzieningen;" in eerste and "Totaal" in eerste


def circulaire_uit_naam(fouten: Problemen) -> tuple[str, int]:
    if m := re.search(r"([MS](?:19|20)\d\d)_((?:19|20)\d\d)", fouten.pad.name):
        circulaire, jaar = m.group(1), int(m.group(2))
        controleer_jaar(fouten, jaar, EERSTE_JAAR, "gemeentefondsverdelingen")
        # Een circulaire verschijnt in het jaar zelf of het jaar ervoor (meicirculaire voor volgend jaar).
        if not jaar - 1 <= int(circulaire[1:]) <= jaar:
            fouten.meld(
                f"circulaire {circulaire} kan niet over uitkeringsjaar {jaar} gaan; verwacht {jaar - 1} of {jaar}."
            )
        return circulaire, jaar
    raise fouten.fout(
        "circulaire en uitkeringsjaar staan niet in de bestandsnaam; noem het "
        "bestand bv. gf_clusters_S2024_2025.csv (septembercirculaire 2024 voor 2025)."
    )


def lees(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    circulaire, jaar = circulaire_uit_naam(fouten)
    df = lees_tekst_csv(pad, ";", KOLOMMEN, fouten=fouten)
    df = df[df["Gemeenten"].str.strip() != "Nederland"]
    gm = namen.codes(fouten, df, "Gemeenten", jaar)
    # Een naam die alleen in andere jaren bestond, is in dit uitkeringsjaar geen gemeente.
    namen.onbekende_gemeenten(fouten, df, "Gemeenten", gm, jaar, namen=df["Gemeenten"])
    uniek(fouten, df.assign(gm_code=gm), ["gm_code"], "Gemeenten")  # twee schrijfwijzen van één gemeente
    delen = []
    for cluster in CLUSTERS:
        bedrag = getallen(fouten, df, cluster, maximum=MAX_EURO, eenheid=" euro")
        delen.append(
            pd.DataFrame(
                {"circulaire": circulaire, "uitkeringsjaar": jaar, "gm_code": gm, "cluster": cluster, "bedrag": bedrag}
            )
        )
    getallen(fouten, df, "Totaal", maximum=MAX_EURO, eenheid=" euro")
    fouten.klaar()
    uit = pd.concat(delen, ignore_index=True)
    sb = uit.loc[uit["cluster"] == "Sociale basisvoorzieningen", "bedrag"].sum()
    return Lading(
        "gemeentefonds",
        {"gf_cluster": uit},
        f"{circulaire} voor {jaar}: {len(df)} gemeenten, sociale basisvoorzieningen {fmt.mld(sb)}",
    )
