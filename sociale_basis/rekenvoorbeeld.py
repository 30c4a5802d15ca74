"""Rekenvoorbeelden, geen voorspelling: wat een gemeente meer aan collectieve preventie zou moeten
uitgeven om een lat te halen (de mediaan van haar vergelijkingsgroep, of de gemeentefondsmaatstaf),
en wat de verhouding acuut/preventie dan is. Alleen rekenwerk; de zinnen staan in teksten.py."""

from __future__ import annotations

import pandas as pd

from .begrippen import acuut_per_preventie


def naar_groep(rij: pd.Series, df: pd.DataFrame, leden: list[str]) -> dict | None:
    """Rekenvoorbeeld: hoeveel euro deze gemeente zou moeten toevoegen (of van acute zorg naar
    preventie verschuiven) om de mediane collectieve preventie per inwoner van haar
    vergelijkingsgroep te halen, en wat de verhouding dan is. None als er niets te rekenen valt
    (geen groep, geen inwoners, of ze zit er al op of boven)."""
    groep = df[df["gm_code"].isin(leden) & (df["gm_code"] != rij.name)]["collectieve_preventie_per_inwoner"].dropna()
    if groep.empty:
        return None
    doel = float(groep.median())
    w = _reken(rij, doel - float(rij["collectieve_preventie_per_inwoner"]))
    return None if w is None else {**w, "doel_per_inwoner": doel, "groep": len(groep)}


def naar_maatstaf(rij: pd.Series, maatstaf: pd.Series) -> dict | None:
    """Hetzelfde rekenvoorbeeld met de gemeentefondsmaatstaf als lat: het verschil tussen de uitkering
    voor sociale basisvoorzieningen en wat de gemeente er netto aan uitgeeft (zie marts/maatstaf), per
    inwoner, als dat bedrag naar collectieve preventie zou gaan. None als ze de maatstaf al haalt."""
    doel, nu = maatstaf.get("sociale_basis_fonds_per_inwoner"), maatstaf.get("sociale_basis_uitgaven_per_inwoner")
    if pd.isna(doel) or pd.isna(nu):
        return None
    w = _reken(rij, float(doel) - float(nu))
    return None if w is None else {**w, "doel_per_inwoner": float(doel), "uitgaven_per_inwoner": float(nu)}


def _reken(rij: pd.Series, tekort_pi: float) -> dict | None:
    """Wat `tekort_pi` euro per inwoner meer collectieve preventie doet met de verhouding: erbij,
    of verschoven van acute zorg (alleen als er zoveel acute zorg is)."""
    inwoners = rij.get("inwoners")
    if pd.isna(inwoners) or not inwoners or tekort_pi <= 0:
        return None
    tekort = tekort_pi * float(inwoners)
    preventie, acuut = float(rij["collectieve_preventie"]), float(rij["acute_zorg"])
    verschuifbaar = acuut >= tekort
    toevoegen = acuut_per_preventie(acuut, preventie + tekort)
    if toevoegen is None:  # ook met het extra geld geen preventie > 0 (netto negatief): geen voorbeeld
        return None
    return {
        "tekort_per_inwoner": tekort_pi,
        "tekort": tekort,
        "verhouding_toevoegen": toevoegen,
        "verhouding_verschuiven": acuut_per_preventie(acuut - tekort, preventie + tekort) if verschuifbaar else None,
    }
