"""Links die vergeven: een waarde uit de URL (`?gemeente=GM0014`, `groningen`,
`document=jaarrekening`) terugbrengen tot de vorm die het dashboard zelf in de URL zet.
Zuiver (geen Streamlit), zodat de regels los te testen zijn."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime

# De labels van de zijbalkknoppen: zo staan maat en weergave in de URL.
MAAT_LABELS = {"netto": "Netto", "bruto": "Bruto"}
WEERGAVE_LABELS = {"per_inwoner": "Per inwoner", "totaal": "Totaal"}

_GM = re.compile(r"^\s*(?:gm)?\s*0*(\d{1,4})\s*$", re.IGNORECASE)
_ACHTERVOEGSEL = re.compile(r"\s*\(\s*gemeente\s*\)\s*$", re.IGNORECASE)


def zoekvorm(tekst: str) -> str:
    """Vergelijkingsvorm: kleine letters, zonder accenten, zonder '(gemeente)' en met alleen
    letters en cijfers gescheiden door één spatie ('Súdwest-Fryslân' = 'sudwest fryslan')."""
    t = _ACHTERVOEGSEL.sub("", tekst.replace("+", " "))
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.findall(r"[a-z0-9]+", t))


def keuze(ruw: str, opties: Iterable[str]) -> str | None:
    """De optie (zoals de URL haar schrijft) die `ruw` bedoelt, ongeacht hoofdletters,
    accenten of '_' in plaats van een spatie; None als er geen is."""
    lijst = list(opties)
    if ruw in lijst:
        return ruw
    gezocht = zoekvorm(ruw.replace("_", " "))
    return next((o for o in lijst if zoekvorm(o.replace("_", " ")) == gezocht), None)


def gemeente(ruw: str, namen: dict[str, str], alle_namen: Iterable[tuple[str, str]] = ()) -> str | None:
    """De GM-code die `ruw` bedoelt, of None.

    `namen`: GM-code → weergavenaam van de gemeenten van dit jaar. `alle_namen`: (naam, GM-code)
    uit de namentabel van de opslag (ook oude namen en afwijkende CBS-schrijfwijzen), met de
    GM-code zoals die in dit jaar geldt, nieuwste eerst. Volgorde: GM-code (ook 'gm14' of '0014'),
    exacte naam, naam los van hoofdletters/accenten/'(gemeente)', dan de namentabel."""
    if m := _GM.match(ruw):
        code = f"GM{int(m.group(1)):04d}"
        return code if code in namen else None
    for code, naam in namen.items():
        if naam == ruw:
            return code
    gezocht = zoekvorm(ruw)
    if not gezocht:
        return None
    for code, naam in namen.items():
        if zoekvorm(naam) == gezocht:
            return code
    for naam, code in alle_namen:
        if code in namen and zoekvorm(naam) == gezocht:
            return code
    return None


# Zolang een bezoeker een privékopie met eigen bestanden heeft, staat er een willekeurige markering in de URL
# (`?prive=…`, dashboard/eigen.py): na het herladen is de kopie weg, en dan zegt het dashboard dat. De
# markering opent niets; ‘Kopieer link’ laat haar weg.
PRIVE = "prive"


# -- gegevensversie ------------------------------------------------------------------------------
# Een gedeelde link en elke export dragen de versie van de gegevens mee (`?gegevens=2026-12-06T09:53:41`, UTC,
# op de seconde): zo zegt het dashboard wanneer een link ouder is dan de cijfers die hij nu opent.
GEGEVENS = "gegevens"
_VERSIE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?\s*$")


def versie_tekst(versie: datetime | None) -> str | None:
    """De versie zoals de link haar schrijft, of None zonder gegevens."""
    return None if versie is None or versie != versie else f"{versie:%Y-%m-%dT%H:%M:%S}"


def lees_versie(ruw: str) -> datetime | None:
    """De versie uit een link (ook alleen een datum), of None als het er geen is."""
    m = _VERSIE.match(ruw or "")
    if not m:
        return None
    try:
        return datetime.fromisoformat(f"{m.group(1)}T{m.group(2) or '00:00'}")
    except ValueError:
        return None


def link_ouder(ruw: str, versie: datetime | None) -> bool | None:
    """Is de link gemaakt vóór de huidige gegevens? None als de link geen leesbare versie noemt."""
    gelezen = lees_versie(ruw)
    if gelezen is None or versie is None:
        return None
    # Vergelijk op de seconde, zoals de link haar schrijft.
    return gelezen < versie.replace(microsecond=0)
