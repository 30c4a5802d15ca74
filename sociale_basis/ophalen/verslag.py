"""Het verslag van een ophaling: `Ophaalverslag`, en wat een import nieuw bracht (`stand` voor en
na, `wat_is_nieuw`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import indicators
from ..importer import Verslag
from ..store import Store


@dataclass
class Ophaalverslag:
    verslag: Verslag
    opmerkingen: list[str]
    verzoeken: int
    seconden: float
    overgeslagen: list[str] = field(default_factory=list)
    nieuw: list[str] = field(default_factory=list)  # per jaar × document: wat er nu wél is


def stand(store: Store) -> pd.DataFrame:
    """Per jaar × document: gemeenten, met baten en met categorieën (om te zeggen wat nieuw is)."""
    b = indicators.beschikbaarheid(store)[["jaar", "document", "gemeenten", "gemeenten_met_baten"]]
    c = indicators.categorie_beschikbaar(store)
    uit = b.merge(c, on=["jaar", "document"], how="left")
    return uit.assign(gemeenten_met_categorie=uit["gemeenten_met_categorie"].fillna(0).astype(int))


def wat_is_nieuw(voor: pd.DataFrame, na: pd.DataFrame) -> list[str]:
    """Per jaar × document wat een import toevoegde: een nieuw document, netto (baten) voor meer
    gemeenten, de gemeten verdeling van 6.1 (economische categorieën) voor meer gemeenten."""
    per = ["jaar", "document"]
    oud = voor.set_index(per) if not voor.empty else pd.DataFrame()
    regels = []
    for (jaar, document), r in na.set_index(per).iterrows():
        if (jaar, document) not in oud.index:
            regels.append(f"{document} {jaar}: nieuw ({r['gemeenten']} gemeenten)")
            continue
        o = oud.loc[(jaar, document)]
        stukken = []
        if r["gemeenten_met_baten"] > o["gemeenten_met_baten"]:
            stukken.append(
                "netto nu beschikbaar"
                if o["gemeenten_met_baten"] == 0
                else f"netto voor {r['gemeenten_met_baten']} gemeenten (was {o['gemeenten_met_baten']})"
            )
        if r["gemeenten_met_categorie"] > o["gemeenten_met_categorie"]:
            stukken.append(
                f"gemeten verdeling van 6.1 nu voor {r['gemeenten_met_categorie']} gemeenten "
                f"(was {o['gemeenten_met_categorie']})"
            )
        if stukken:
            regels.append(f"{document} {jaar}: " + "; ".join(stukken))
    return regels
