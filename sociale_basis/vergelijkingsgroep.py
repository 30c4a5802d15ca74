"""Vergelijkingsgroepen (peer groups): welke gemeenten horen bij een gemeente.

Drie manieren, overal bruikbaar:
- `vergelijkbaar`: de k gemeenten die het meest lijken op inwoners (logaritmisch), stedelijkheid
  en sociale structuur — elk kenmerk gestandaardiseerd, euclidische afstand;
- `kenmerken`: alle gemeenten met de gekozen klassen (leeg kenmerk = geen beperking);
- `zelf`: een eigen lijst.
Groepscijfers worden altijd gewogen berekend (Σ bedrag / Σ inwoners), in `indicators.groep`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import klassen

WIJZEN = {
    "vergelijkbaar": "Vergelijkbare gemeenten",
    "kenmerken": "Op kenmerken",
    "zelf": "Zelf kiezen",
}


@dataclass(frozen=True)
class Groep:
    wijze: str = "vergelijkbaar"
    k: int = 10
    kenmerken: dict[str, tuple[str, ...]] = field(default_factory=dict)
    zelf: tuple[str, ...] = ()


def vergelijkbaar(gemeenten: pd.DataFrame, gm_code: str, k: int) -> list[str]:
    """De k gemeenten die het meest lijken op `gm_code` (zonder de gemeente zelf)."""
    kenmerken = np.column_stack(
        [
            np.log10(gemeenten["inwoners"].to_numpy(dtype=float, na_value=np.nan)),
            gemeenten["stedelijkheid"]
            .map({s: i for i, s in enumerate(klassen.STEDELIJKHEID)})
            .to_numpy(dtype=float, na_value=np.nan),
            gemeenten["sociale_structuur"]
            .map({s: i for i, s in enumerate(klassen.SOCIALE_STRUCTUUR)})
            .to_numpy(dtype=float, na_value=np.nan),
        ]
    )
    bruikbaar = ~np.isnan(kenmerken).any(axis=1)
    codes = gemeenten["gm_code"].to_numpy()[bruikbaar]
    kenmerken = kenmerken[bruikbaar]
    if gm_code not in set(codes):
        return []
    z = (kenmerken - kenmerken.mean(axis=0)) / kenmerken.std(axis=0)
    afstand = np.sqrt(((z - z[codes == gm_code][0]) ** 2).sum(axis=1))
    # Bij gelijke afstand beslist de code, zodat de groep reproduceerbaar is.
    volgorde = np.lexsort((codes, afstand))
    return [c for c in codes[volgorde] if c != gm_code][:k]


def leden(groep: Groep, gemeenten: pd.DataFrame, gm_code: str | None) -> list[str]:
    """De GM-codes van de groep in dit jaar (de gemeente zelf hoort er bij kenmerken bij)."""
    if groep.wijze == "vergelijkbaar":
        return vergelijkbaar(gemeenten, gm_code, groep.k) if gm_code else []
    if groep.wijze == "zelf":
        bestaand = set(gemeenten["gm_code"])
        return [c for c in groep.zelf if c in bestaand]
    selectie = pd.Series(True, index=gemeenten.index)
    for kenmerk, waarden in groep.kenmerken.items():
        if waarden:
            selectie &= gemeenten[kenmerk].isin(waarden)
    return gemeenten.loc[selectie, "gm_code"].tolist()


def omschrijving(groep: Groep, gemeenten: pd.DataFrame, gm_code: str | None, aantal: int) -> str:
    """Korte Nederlandse naam van de groep, voor titels en legenda's."""
    if groep.wijze == "vergelijkbaar":
        naam = gemeenten.set_index("gm_code")["naam"].get(gm_code, "de gemeente")
        return f"{aantal} gemeenten die lijken op {naam}"
    if groep.wijze == "zelf":
        return f"eigen selectie ({aantal} gemeenten)"
    delen = [", ".join(w) for w in groep.kenmerken.values() if w]
    return f"{'; '.join(delen)} ({aantal} gemeenten)" if delen else f"alle gemeenten ({aantal})"
