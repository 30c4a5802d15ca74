"""Indicatoren als kleine functies: (opslag, model, jaar, document, maat, …) → DataFrame.

Het rekenwerk staat in SQL (`queries/marts/`, `queries/werk/`); hier alleen het kiezen van de
query, het controleren van de voorwaarden en het geven van begrijpelijke fouten.
"""

from __future__ import annotations

import pandas as pd

from .model import LAGEN
from .store import Store

MATEN = ("netto", "bruto")
DOCUMENTEN = ("begroting", "jaarrekening")
BEDRAGEN = [*LAGEN, "totaal", "collectieve_preventie", "toegang", "bestaanszekerheid",
            "individuele_ondersteuning", "acute_zorg", "beleid"]
CLI_KOLOMMEN = ["gm_code", "gemeente", "jaar", "document", "maat", "inwoners", *LAGEN, "totaal",
                "collectieve_preventie", "acute_zorg", "acuut_per_euro_preventie"]


class IndicatorFout(Exception):
    """Een vraag die met deze opslag of dit model niet eerlijk te beantwoorden is."""


def beschikbaarheid(store: Store) -> pd.DataFrame:
    """Per jaar en document: bronnen, aantal gemeenten en hoeveel daarvan baten hebben."""
    return store.query("marts/beschikbaarheid")


def controleer(store: Store, model: str, jaar: int, document: str, maat: str) -> None:
    """Faalt met een Nederlandse uitleg als de vraag niet te beantwoorden is."""
    sleutel = ("controleer", model, jaar, document, maat)
    if sleutel in store.onthouden:
        return
    if maat not in MATEN:
        raise IndicatorFout(f"Onbekende maat '{maat}'; kies netto of bruto.")
    if document not in DOCUMENTEN:
        raise IndicatorFout(f"Onbekend document '{document}'; kies begroting of jaarrekening.")
    b = beschikbaarheid(store)
    rij = b[(b["jaar"] == jaar) & (b["document"] == document)]
    if rij.empty:
        aanwezig = ", ".join(f"{d} {j}" for j, d in b[["jaar", "document"]].itertuples(index=False))
        raise IndicatorFout(f"Er zijn geen Iv3-gegevens voor de {document} {jaar}. "
                            f"Beschikbaar: {aanwezig or 'niets — importeer eerst gegevens'}.")
    if maat == "netto" and int(rij["gemeenten_met_baten"].iloc[0]) == 0:
        raise IndicatorFout(
            f"Voor de {document} {jaar} zijn alleen lasten beschikbaar (bron: "
            f"{rij['bron_omschrijving'].iloc[0]}); netto (lasten − baten) is niet te berekenen. "
            "Kies bruto, of importeer de CBS-data met baten voor dit jaar.")
    ongemapt = store.query("controle/ongemapte_taakvelden", model=model, jaar=jaar, document=document)
    if not ongemapt.empty:
        raise IndicatorFout(
            f"Het model {model.split(':')[0]} heeft geen regel voor taakveld(en) "
            f"{', '.join(ongemapt['taakveld'])} in de {document} {jaar}. Voeg ze toe aan het "
            "modelbestand, zodat geen euro verloren gaat.")
    store.onthouden[sleutel] = True


def per_gemeente(store: Store, model: str, jaar: int, document: str, maat: str) -> pd.DataFrame:
    """Eén rij per gemeente: euro's per laag en functie, per inwoner en de verhouding."""
    controleer(store, model, jaar, document, maat)
    return store.query("marts/indicatoren", model=model, jaar=jaar, document=document, maat=maat)


def groep(store: Store, model: str, jaar: int, document: str, maat: str,
          gm_codes: list[str] | None = None) -> pd.Series:
    """Een groep gemeenten (None = heel Nederland) als geheel: Σ bedrag / Σ inwoners."""
    controleer(store, model, jaar, document, maat)
    df = store.query("marts/groep", model=model, jaar=jaar, document=document, maat=maat,
                     gm_codes=list(gm_codes) if gm_codes is not None else None)
    return df.iloc[0]
