"""Gemeenteklassen: de leesbare namen en hun volgorde, één keer gedefinieerd.

Bronbestanden schrijven klassen zonder spaties ('20000tot50000inwoners', 'Zeersterkstedelijk')
en soms met een andere hoofdletter; de opslag bewaart de leesbare vorm hieronder.
"""

from __future__ import annotations

import re

GROOTTEKLASSEN = [
    "minder dan 5.000 inwoners",
    "5.000 tot 10.000 inwoners",
    "10.000 tot 20.000 inwoners",
    "20.000 tot 50.000 inwoners",
    "50.000 tot 100.000 inwoners",
    "100.000 tot 150.000 inwoners",
    "150.000 tot 250.000 inwoners",
    "250.000 inwoners of meer",
]
STEDELIJKHEID = ["Zeer sterk stedelijk", "Sterk stedelijk", "Matig stedelijk", "Weinig stedelijk", "Niet stedelijk"]
SOCIALE_STRUCTUUR = ["Goed", "Redelijk", "Matig", "Zwak"]
CENTRUMFUNCTIE = ["Zonder", "Weinig", "Redelijk", "Sterk", "G4 (geen klasse)"]
PROVINCIES = [
    "Groningen",
    "Fryslân",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
]

# De kenmerken waarop een peer group gekozen kan worden: kolom in de opslag → (label, klassen).
KENMERKEN = {
    "grootteklasse": ("Grootteklasse", GROOTTEKLASSEN),
    "stedelijkheid": ("Stedelijkheid", STEDELIJKHEID),
    "sociale_structuur": ("Sociale structuur", SOCIALE_STRUCTUUR),
    "centrumfunctie": ("Centrumfunctie", CENTRUMFUNCTIE),
    "provincie": ("Provincie", PROVINCIES),
}


def _getal(tekst: str) -> str:
    return f"{int(tekst):,}".replace(",", ".")


def grootteklasse(ruw: str) -> str | None:
    t = ruw.strip().lower().replace(" ", "").replace(".", "")
    if m := re.fullmatch(r"minderdan(\d+)inwoners", t):
        uit = f"minder dan {_getal(m.group(1))} inwoners"
    elif m := re.fullmatch(r"(\d+)tot(\d+)inwoners", t):
        uit = f"{_getal(m.group(1))} tot {_getal(m.group(2))} inwoners"
    elif m := re.fullmatch(r"(\d+)inwonersofmeer", t):
        uit = f"{_getal(m.group(1))} inwoners of meer"
    else:
        return None
    return uit if uit in GROOTTEKLASSEN else None


def stedelijkheid(ruw: str) -> str | None:
    t = ruw.strip().lower().replace(" ", "")
    return next((k for k in STEDELIJKHEID if k.lower().replace(" ", "") == t), None)


def sociale_structuur(ruw: str) -> str | None:
    t = ruw.strip().capitalize()
    return t if t in SOCIALE_STRUCTUUR else None


def centrumfunctie(ruw: str) -> str | None:
    # Het bronbestand laat de klasse leeg voor de vier grote steden.
    t = ruw.strip().capitalize()
    if t == "":
        return "G4 (geen klasse)"
    return t if t in CENTRUMFUNCTIE else None


def provincie(ruw: str) -> str:
    return "Fryslân" if ruw.strip() == "Friesland" else ruw.strip()
