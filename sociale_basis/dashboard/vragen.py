"""Gecachete vragen van de pagina's: dun over indicators.py, gesleuteld op de opslag (pad) en
het model (sleutel), zodat een klik geen werk herhaalt en twee opslagen elkaar nooit voeden."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from .. import fmt, indicators, licenties, mensen, snapshot, teksten, varianten, vergelijkingsgroep
from .. import gemeentebeeld as gemeentebeeld_
from ..store import Store

if TYPE_CHECKING:
    from .keuze import Keuze


# Gecachete vragen hangen af van de opslag (welk bestand) en, als het model hun uitkomst verandert, van
# de modelsleutel (`sleutel`); vragen die het model niet raakt, nemen hem niet, zodat elke modelvariant
# dezelfde cache-ingang deelt. Een Store telt voor de cache als zijn bestand (de versie die hij
# opende), zodat twee opslagen of twee versies nooit elkaars uitkomsten krijgen.
_PER_OPSLAG = {Store: lambda store: str(store.bestand)}


# Begrensd (issue 33): een bezoeker kiest de sleutels (gemeente, jaar, groep, een modelvariant), dus zonder grens
# groeit het geheugen van een replica met elke nieuwe combinatie. Per functie hoogstens CACHE_MAX ingangen (ruim
# elke gemeente × document × maat van één jaar), en na CACHE_TTL seconden opnieuw: daarna rekent een vraag gewoon.
CACHE_MAX = 2_000
CACHE_TTL = 6 * 3600
gecacht = st.cache_data(show_spinner=False, hash_funcs=_PER_OPSLAG, max_entries=CACHE_MAX, ttl=CACHE_TTL)


bewaard = st.cache_resource(show_spinner=False, hash_funcs=_PER_OPSLAG, max_entries=64, ttl=CACHE_TTL)


# -- gecachete vragen ------------------------------------------------------------------------
# Eén cachelaag voor vragen: st.cache_data hier, rond de functies van indicators.py zelf (geen tweede API
# die ze naspiegelt). Waarom hier: Streamlit deelt deze cache tussen sessies en weet wanneer een rerun hem mag
# hergebruiken; de opslag zelf onthoudt alleen afgeleide tabellen in `werk` (store.py), die bij de gegevens horen.
beschikbaarheid = gecacht(indicators.beschikbaarheid)
per_gemeente = gecacht(indicators.per_gemeente)
groep = gecacht(indicators.groep)
regiotaken = gecacht(indicators.regiotaken)
per_gemeente_herrekend = gecacht(indicators.per_gemeente_herrekend)
trend = gecacht(indicators.trend)
trend_spreiding = gecacht(indicators.trend_spreiding)
maatstaf = gecacht(indicators.maatstaf)
circulaires = gecacht(indicators.circulaires)
zonder_cijfers = gecacht(indicators.zonder_cijfers)
doeljaar = gecacht(indicators.doeljaar)
prijsindex = gecacht(indicators.prijsindex)
cbs_herkomst = gecacht(indicators.cbs_herkomst)
gemeenten = gecacht(indicators.gemeenten)
gemeentenamen = gecacht(indicators.gemeentenamen)
taakvelden = gecacht(indicators.taakvelden_gemeente)
taakveld_landelijk = gecacht(indicators.taakveld_landelijk)
incidenteel = gecacht(indicators.incidenteel)
realisatie_jaren = gecacht(indicators.realisatie_jaren)
incidenteel_jaren = gecacht(indicators.incidenteel_jaren)
bekende_oorzaken = gecacht(indicators.bekende_oorzaken)
realisatie_landelijk = gecacht(indicators.realisatie_landelijk)
realisatie_taakvelden = gecacht(indicators.realisatie_taakvelden)
eigen_cijfers = gecacht(indicators.eigen_cijfers)
sjabloon_taakvelden = gecacht(indicators.sjabloon_taakvelden)
gemeten_verdeling = gecacht(indicators.gemeten_verdeling)
model_regels = gecacht(indicators.model_regels)
behoefte = gecacht(indicators.behoefte)
kwintielen = gecacht(indicators.kwintielen)
# ‘Kan netto?’ vraagt de zijbalk bij elke klik: gecachet, zodat een rerun geen query kost.
netto_volledig = gecacht(indicators.netto_volledig)
netto_reden = gecacht(indicators.netto_reden)
realisatie_maat = gecacht(indicators.realisatie_maat)
behoefte_bron = gecacht(indicators.behoefte_bron)
nplv = gecacht(indicators.nplv)
schrijflog = gecacht(indicators.schrijflog)
gegevensversie = gecacht(indicators.gegevensversie)
zorg_jaren = gecacht(mensen.jaren)
zorg_reeks = gecacht(mensen.reeks)
zorg_per_jaar = gecacht(mensen.per_jaar)
wijk_overzicht = gecacht(mensen.overzicht)
wijken = gecacht(mensen.wijken)
hoogste_wijken = gecacht(mensen.hoogste)
focusgebieden = gecacht(mensen.focusgebieden)
geo_wijken = gecacht(mensen.geo_wijken)


def heeft(store: Store, jaar: int, document: str) -> bool:
    b = beschikbaarheid(store)
    return bool(((b["jaar"] == jaar) & (b["document"] == document)).any())


# -- begroting en werkelijkheid --------------------------------------------------------------------


@gecacht
def kanttekeningen(store: Store, sleutel: str, jaar: int, document: str, maat: str) -> dict[str, str]:
    """Per gemeente het crisisgeld in één regel (teksten.kanttekeningen), één keer per keuze."""
    return teksten.kanttekeningen(indicators.incidenteel(store, sleutel, jaar, document, maat), document, jaar)


@gecacht
def verdringing(store: Store, sleutel: str, stap: int) -> tuple[pd.DataFrame, pd.DataFrame, float]:
    df = indicators.verdringing(store, sleutel, stap)
    per, rho = indicators.verdringing_samenvatting(df)
    return df, per, rho


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
