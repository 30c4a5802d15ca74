"""Gecachete vragen van de pagina's: dun over indicators.py, gesleuteld op de opslag (pad) en
het model (sleutel), zodat een klik geen werk herhaalt en twee opslagen elkaar nooit voeden."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from .. import fmt, indicators, licenties, snapshot, teksten, varianten, vergelijkingsgroep
from .. import gemeentebeeld as gemeentebeeld_
from ..indicators import (  # noqa: F401 — zuivere regels, voor de pagina's
    laatste_circulaire,
    per_kwintiel,
    rang,
    rangen,
    samenhang,
    spreiding,
)
from ..store import Store

if TYPE_CHECKING:
    from .keuze import Keuze


# Gecachete vragen hangen af van de opslag (welk bestand) en, als het model hun uitkomst verandert, van
# de modelsleutel (`sleutel`); vragen die het model niet raakt, nemen hem niet, zodat elke modelvariant
# dezelfde cache-ingang deelt. Een Store telt voor de cache als zijn bestand (de versie die hij
# opende), zodat twee opslagen of twee versies nooit elkaars uitkomsten krijgen.
_PER_OPSLAG = {Store: lambda store: str(store.bestand)}


gecacht = st.cache_data(show_spinner=False, hash_funcs=_PER_OPSLAG)


bewaard = st.cache_resource(show_spinner=False, hash_funcs=_PER_OPSLAG)


# -- gecachete vragen ------------------------------------------------------------------------
@gecacht
def beschikbaarheid(store: Store) -> pd.DataFrame:
    return indicators.beschikbaarheid(store)


def heeft(store: Store, jaar: int, document: str) -> bool:
    b = beschikbaarheid(store)
    return bool(((b["jaar"] == jaar) & (b["document"] == document)).any())


@gecacht
def per_gemeente(
    store: Store, sleutel: str, jaar: int, document: str, maat: str, zonder_regio: bool = False
) -> pd.DataFrame:
    return indicators.per_gemeente(store, sleutel, jaar, document, maat, zonder_regio)


@gecacht
def groep(
    store: Store,
    sleutel: str,
    jaar: int,
    document: str,
    maat: str,
    gm_codes: tuple[str, ...] | None,
    zonder_regio: bool = False,
) -> pd.Series:
    return indicators.groep(
        store, sleutel, jaar, document, maat, list(gm_codes) if gm_codes is not None else None, zonder_regio
    )


@gecacht
def regiotaken(store: Store, jaar: int) -> pd.DataFrame:
    return indicators.regiotaken(store, jaar)


@gecacht
def per_gemeente_herrekend(
    store: Store, sleutel: str, jaar: int, document: str, maat: str, doeljaar: int, zonder_regio: bool = False
) -> pd.DataFrame:
    return indicators.per_gemeente_herrekend(store, sleutel, jaar, document, maat, doeljaar, zonder_regio)


@gecacht
def trend(
    store: Store,
    sleutel: str,
    maat: str,
    doeljaar: int,
    gm_codes: tuple[str, ...] | None,
    prijsbasis: int | None,
    zonder_regio: bool = False,
) -> pd.DataFrame:
    return indicators.trend(
        store, sleutel, maat, doeljaar, list(gm_codes) if gm_codes is not None else None, prijsbasis, zonder_regio
    )


@gecacht
def trend_spreiding(
    store: Store,
    sleutel: str,
    maat: str,
    doeljaar: int,
    gm_codes: tuple[str, ...] | None,
    zonder_regio: bool = False,
    indicator: str = "verhouding",
) -> pd.DataFrame:
    return indicators.trend_spreiding(
        store, sleutel, maat, doeljaar, list(gm_codes) if gm_codes is not None else None, zonder_regio, indicator
    )


@gecacht
def maatstaf(
    store: Store, sleutel: str, jaar: int, document: str, circulaire: str, zonder_regio: bool = False
) -> pd.DataFrame:
    return indicators.maatstaf(store, sleutel, jaar, document, circulaire, zonder_regio)


@gecacht
def circulaires(store: Store) -> pd.DataFrame:
    return indicators.circulaires(store)


@gecacht
def zonder_cijfers(store: Store, jaar: int, document: str) -> pd.DataFrame:
    return indicators.zonder_cijfers(store, jaar, document)


@gecacht
def doeljaar(store: Store, jaar: int, gm_code: str | None) -> int:
    """De meest recente indeling waarin de gemeente (of het land) nog te volgen is."""
    return indicators.doeljaar(store, jaar, gm_code)


@gecacht
def prijsindex(store: Store) -> pd.DataFrame:
    return indicators.prijsindex(store)


@gecacht
def cbs_herkomst(store: Store) -> pd.DataFrame:
    return indicators.cbs_herkomst(store)


@gecacht
def gemeenten(store: Store, jaar: int) -> pd.DataFrame:
    return indicators.gemeenten(store, jaar)


@gecacht
def gemeentenamen(store: Store, jaar: int) -> pd.DataFrame:
    return indicators.gemeentenamen(store, jaar)


@gecacht
def taakvelden(store: Store, sleutel: str, jaar: int, document: str, maat: str, gm_code: str) -> pd.DataFrame:
    return indicators.taakvelden_gemeente(store, sleutel, jaar, document, maat, gm_code)


@gecacht
def taakveld_landelijk(store: Store, jaar: int, document: str) -> pd.DataFrame:
    return indicators.taakveld_landelijk(store, jaar, document)


# -- begroting en werkelijkheid --------------------------------------------------------------------
@gecacht
def incidenteel(store: Store, sleutel: str, jaar: int, document: str, maat: str) -> pd.DataFrame:
    return indicators.incidenteel(store, sleutel, jaar, document, maat)


@gecacht
def realisatie_jaren(store: Store) -> list[int]:
    return indicators.realisatie_jaren(store)


def realisatie_maat(store: Store, jaar: int) -> str:
    return indicators.realisatie_maat(store, jaar)


@gecacht
def kanttekeningen(store: Store, sleutel: str, jaar: int, document: str, maat: str) -> dict[str, str]:
    """Per gemeente het crisisgeld in één regel (teksten.kanttekeningen), één keer per keuze."""
    return teksten.kanttekeningen(indicators.incidenteel(store, sleutel, jaar, document, maat), document, jaar)


@gecacht
def incidenteel_jaren(store: Store, sleutel: str, maat: str, gm_codes: tuple[str, ...] | None) -> pd.DataFrame:
    return indicators.incidenteel_jaren(store, sleutel, maat, list(gm_codes) if gm_codes is not None else None)


@gecacht
def bekende_oorzaken(store: Store) -> pd.DataFrame:
    return indicators.bekende_oorzaken(store)


@gecacht
def realisatie_landelijk(
    store: Store, sleutel: str, gm_codes: tuple[str, ...] | None = None, maat: str | None = None
) -> pd.DataFrame:
    return indicators.realisatie_landelijk(store, sleutel, list(gm_codes) if gm_codes is not None else None, maat)


@gecacht
def realisatie_taakvelden(store: Store, sleutel: str, jaar: int, maat: str, gm_code: str | None) -> pd.DataFrame:
    return indicators.realisatie_taakvelden(store, sleutel, jaar, maat, gm_code)


@gecacht
def verdringing(store: Store, sleutel: str, stap: int) -> tuple[pd.DataFrame, pd.DataFrame, float]:
    df = indicators.verdringing(store, sleutel, stap)
    per, rho = indicators.verdringing_samenvatting(df)
    return df, per, rho


@gecacht
def eigen_cijfers(store: Store) -> pd.DataFrame:
    return indicators.eigen_cijfers(store)


@gecacht
def sjabloon_taakvelden(store: Store, jaar: int, document: str) -> pd.DataFrame:
    return indicators.sjabloon_taakvelden(store, jaar, document)


@gecacht
def import_log(store: Store) -> pd.DataFrame:
    log = indicators.import_log(store)
    return log.assign(soort=log["soort"].map(licenties.label))


@gecacht
def dekking(store: Store) -> pd.DataFrame:
    """Wat er per jaar en document is, voor een tabel op een pagina (uit de opslag, niet vast)."""
    b = beschikbaarheid(store)
    return pd.DataFrame(
        {
            "Jaar": b["jaar"].astype(str),
            "Document": b["document"].str.capitalize(),
            "Gemeenten": b["gemeenten"],
            "Zonder cijfers": b["zonder_cijfers"],
            "Maten": [
                indicators.maten_tekst(int(g), int(m))
                for g, m in zip(b["gemeenten"], b["gemeenten_met_baten"], strict=True)
            ],
            "Bron": b["bron_omschrijving"],
        }
    )


def netto_jaren(store: Store) -> str:
    """'begroting 2023–2025 en jaarrekening 2023': waar netto voor heel Nederland kan."""
    b = beschikbaarheid(store)
    b = b[b["netto_volledig"]]
    delen = []
    for document in indicators.DOCUMENTEN:
        jaren = sorted(b.loc[b["document"] == document, "jaar"])
        if jaren:
            delen.append(f"de {document} " + fmt.jaarreeks(jaren))
    return " en ".join(delen) or "geen enkel jaar"


@gecacht
def _snapshot(store: Store) -> dict | None:
    return snapshot.geladen(store)


def snapshot_zin(store: Store) -> str:
    """Welke momentopname geladen is en hoe oud die is, als zin. De leeftijd wordt per rerun
    berekend (niet gecachet): een server die dagen draait, noemt anders een verouderde leeftijd."""
    info = _snapshot(store)
    if info is None:
        return (
            "Deze opslag is niet uit de meegeleverde momentopname gevuld, maar uit eigen bestanden of "
            "rechtstreeks bij CBS (zie de imports)."
        )
    dagen = (pd.Timestamp.now() - pd.Timestamp(info["gemaakt"])).days
    m = info["manifest"]
    return (
        f"Geladen: **{info['naam']}**, gemaakt op {pd.Timestamp(info['gemaakt']):%d-%m-%Y} "
        f"({'vandaag' if dagen == 0 else f'{dagen} dag' + ('en' if dagen != 1 else '') + ' oud'}), "
        f"{fmt.getal(sum(t['rijen'] for t in m['tabellen'].values()))} rijen in {len(m['tabellen'])} tabellen. "
        f"{m['licentie']} Nieuwere cijfers: *Haal de nieuwste gegevens op bij CBS* (pagina Gegevens) "
        "of `sociale-basis ophalen`."
    )


@gecacht
def gemeten_verdeling(store: Store, sleutel: str) -> pd.DataFrame:
    return indicators.gemeten_verdeling(store, sleutel)


@gecacht
def model_regels(store: Store, sleutel: str) -> pd.DataFrame:
    return indicators.model_regels(store, sleutel)


def groepsleden(store: Store, keuze: Keuze) -> tuple[list[str], str]:
    return _groepsleden(store, keuze.jaar, keuze.groep, keuze.gemeente)


@gecacht
def _groepsleden(
    store: Store, jaar: int, groep: vergelijkingsgroep.Groep, gemeente: str | None
) -> tuple[list[str], str]:
    lijst = gemeenten(store, jaar)
    leden = vergelijkingsgroep.leden(groep, lijst, gemeente)
    return leden, vergelijkingsgroep.omschrijving(groep, lijst, gemeente, len(leden))


@gecacht
def land(store: Store, sleutel: str, jaar: int, document: str, maat: str, zonder_regio: bool) -> gemeentebeeld_.Land:
    """Wat elke gemeente van deze keuze deelt: een gemeentewissel vraagt het niet opnieuw."""
    return gemeentebeeld_.land(store, sleutel, jaar, document, maat, zonder_regio)


@gecacht
def gemeentebeeld(store: Store, sleutel: str, v: gemeentebeeld_.Verzoek) -> gemeentebeeld_.Gemeentebeeld | None:
    """Het beeld van één gemeente dat de Gemeente-pagina toont en de factsheet zet (één keer per keuze)."""
    return gemeentebeeld_.bouw(store, sleutel, v, land(store, sleutel, v.jaar, v.document, v.maat, v.zonder_regio))


@gecacht
def gevoeligheid(store: Store, standaard_sleutel: str, basis: str, jaar: int, document: str, maat: str) -> pd.DataFrame:
    """De kernverhouding bij 6.1 van 0 tot 100% institutioneel en 6.74a in maatwerk of acuut, op
    `basis` (korte vorm van de overige wijzigingen) en het standaardmodel; zijn sleutel staat in de
    cache-ingang, zodat een gewijzigd modelbestand opnieuw rekent. 22 echt geladen modellen: enkele seconden
    (tools/meet_gevoeligheid.py), daarna uit de cache voor elke sessie met dezelfde keuzes."""
    from .modelkeuze import standaard

    return varianten.gevoeligheid(store, standaard(), varianten.lees_code(basis), jaar, document, maat)


@gecacht
def behoefte(
    store: Store, sleutel: str, jaar: int, document: str, maat: str, naam: str, zonder_regio: bool = False
) -> pd.DataFrame:
    return indicators.behoefte(store, sleutel, jaar, document, maat, naam, zonder_regio)


@gecacht
def behoefte_bron(store: Store, jaar: int, naam: str) -> tuple[str, int] | None:
    return indicators.behoefte_bron(store, jaar, naam)


@gecacht
def nplv(store: Store) -> pd.DataFrame:
    return indicators.nplv(store)
