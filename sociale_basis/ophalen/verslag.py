"""Het verslag van een ophaling: `Ophaalverslag`, en wat een import nieuw bracht (`stand` voor en
na, `wat_is_nieuw`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import fmt, indicators, mensen
from ..begrippen import ZORGMATEN
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


def stand(store: Store) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Om te zeggen wat nieuw is: per jaar × document gemeenten, met baten en met categorieën; en per
    zorgmaat × jaar de CBS-tabel, of het voorlopig is en hoeveel gemeenten een cijfer hebben."""
    b = indicators.beschikbaarheid(store)[["jaar", "document", "gemeenten", "gemeenten_met_baten"]]
    c = indicators.categorie_beschikbaar(store)
    uit = b.merge(c, on=["jaar", "document"], how="left")
    iv3 = uit.assign(gemeenten_met_categorie=uit["gemeenten_met_categorie"].fillna(0).astype(int))
    return iv3, mensen.jaren(store)


def wat_is_nieuw(voor: tuple[pd.DataFrame, pd.DataFrame], na: tuple[pd.DataFrame, pd.DataFrame]) -> list[str]:
    """Wat een import toevoegde: per jaar × document een nieuw document, netto (baten) voor meer gemeenten,
    de gemeten verdeling van 6.1 voor meer gemeenten; en per zorgmaat nieuwe jaren en voorlopige cijfers
    die definitief werden."""
    return _nieuw_iv3(voor[0], na[0]) + _nieuw_gebruik(voor[1], na[1])


def _nieuw_gebruik(voor: pd.DataFrame, na: pd.DataFrame) -> list[str]:
    oud = {(r.maat, r.jaar): r for r in voor.itertuples(index=False)}
    regels = []
    for maat, g in na.groupby("maat", sort=False):
        nieuw = [int(r.jaar) for r in g.itertuples(index=False) if (maat, r.jaar) not in oud]
        definitief = [
            int(r.jaar)
            for r in g.itertuples(index=False)
            if (maat, r.jaar) in oud and oud[(maat, r.jaar)].voorlopig and not r.voorlopig
        ]
        stukken = [f"nieuw {fmt.jaarreeks(nieuw)}"] if nieuw else []
        stukken += [f"{fmt.jaarreeks(definitief)} nu definitief"] if definitief else []
        if stukken:
            regels.append(f"{ZORGMATEN[maat].label} ({maat}): " + "; ".join(stukken))
    return regels


def _nieuw_iv3(voor: pd.DataFrame, na: pd.DataFrame) -> list[str]:
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
