"""Zinnen die op meer pagina's terugkomen, in gewone taal met Nederlandse getallen."""

from __future__ import annotations

import pandas as pd

from . import fmt


def bedrag(rij: pd.Series, kolom: str, per_inwoner: bool) -> str:
    return fmt.euro(rij[f"{kolom}_per_inwoner"]) if per_inwoner else fmt.bedrag(rij[kolom])


def kopzin(onderwerp: str, rij: pd.Series, jaar: int, document: str, maat: str,
           per_inwoner: bool) -> str:
    """'In 2025 begroten gemeenten € 212 per inwoner voor collectieve preventie en € 290 voor
    acute zorg: voor elke euro preventie gaat er € 1,37 naar acute zorg (netto).'"""
    p, a = bedrag(rij, "collectieve_preventie", per_inwoner), bedrag(rij, "acute_zorg", per_inwoner)
    per = " per inwoner" if per_inwoner else ""
    if document == "begroting":
        zin = f"In {jaar} {'begroten' if onderwerp == 'gemeenten' else 'begroot'} {onderwerp} {p}{per} " \
              f"voor collectieve preventie en {a} voor acute zorg"
    else:
        zin = f"In {jaar} {'besteedden' if onderwerp == 'gemeenten' else 'besteedde'} {onderwerp} " \
              f"{p}{per} aan collectieve preventie en {a} aan acute zorg"
    verhouding = rij["acuut_per_euro_preventie"]
    if pd.isna(verhouding):
        staart = f" (de {maat} bedragen zijn nul of negatief, dus geen verhouding)"
    else:
        staart = f": voor elke euro preventie gaat er {fmt.factor(verhouding)} naar acute zorg"
    return f"{zin}{staart} ({maat})."
