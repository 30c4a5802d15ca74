"""De bronformaten die het dashboard kan importeren, en hoe ze herkend worden.

Elk formaat leest een bestand, controleert het en geeft rijen per opslagtabel terug (een
`Lading`); wegschrijven doet `importer.py`. De volgorde bepaalt wat eerst moet: namen en
gemeentelijsten vóór bestanden die gemeenten op naam noemen.
"""

from __future__ import annotations

import csv
import difflib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import behoefte, eigen, gebruik, gemeentefonds, gemeenten, geo, iv3, prijzen, referentie, regiotaken
from .controle import InvoerFout, Probleem, bestandsnaam
from .lading import Lading
from .lezen import scheidingsteken
from .namen import NaamZoeker


@dataclass
class Context:
    """Wat een lezer uit de opslag mag weten: gemeentenamen, de bestaande CPI-reeks en (alleen
    lezend, benoemde queries in queries/import/) wat verder nodig is om invoer te controleren."""

    namen: NaamZoeker
    cpi: pd.DataFrame
    vraag: Callable[..., pd.DataFrame] | None = None
    # De gebruiker bevestigde ‘ja, dit is volledig’: eigen cijfers die veel van CBS afwijken (eigen.MARGE).
    volledig: bool = False


@dataclass(frozen=True)
class Formaat:
    """Een bronformaat. `kolommen`: de kolommen die de lezer nodig heeft (zijn eigen lijst, niet
    overgetypt), om bij een bestand dat net niet herkend wordt te zeggen welke kolom ontbreekt of
    verkeerd gespeld is; None voor formaten zonder vaste kopregel (GeoJSON, StatLine-export).
    `kenmerk`: wat het formaat naast de kolommen herkent (bv. de bestandsnaam), voor dezelfde melding."""

    soort: str
    omschrijving: str
    herken: Callable[[Path, str], bool]
    lees: Callable[[Path, Context], Lading]
    kolommen: Sequence[str] | None = None
    kenmerk: str | None = None


# Een aangeboden bestand wordt aan de gemeentelijsten van de opslag getoetst; `ophalen` roept de lezers
# van CBS-exports zelf aan, zonder die toets (CBS levert daar zijn eigen gemeentelijst bij).
FORMATEN: list[Formaat] = [
    Formaat(
        "taakvelden",
        "CBS-codelijst Iv3-taakvelden",
        referentie.herken,
        lambda p, c: referentie.lees(p, c.namen),
        referentie.KOLOMMEN,
    ),
    Formaat(
        "gemeenten_per_jaar",
        "gemeentelijst per jaar",
        gemeenten.herken_lijst,
        lambda p, c: gemeenten.lees_lijst(p, c.namen),
        gemeenten.KOLOMMEN_LIJST,
    ),
    Formaat(
        "gemeentenamen",
        "gemeentenamen ↔ GM-codes",
        gemeenten.herken_namen,
        lambda p, c: gemeenten.lees_namen(p, c.namen),
        gemeenten.KOLOMMEN_NAMEN,
    ),
    Formaat(
        "gemeentenamen_gf",
        "afwijkende gemeentefondsnamen",
        gemeenten.herken_namen_gf,
        lambda p, c: gemeenten.lees_namen_gf(p, c.namen),
        gemeenten.KOLOMMEN_NAMEN_GF,
    ),
    Formaat(
        "inwoners",
        "inwoners op 1 januari",
        gemeenten.herken_inwoners,
        lambda p, c: gemeenten.lees_inwoners(p, c.namen),
        gemeenten.KOLOMMEN_INWONERS,
    ),
    Formaat(
        "gemeenteklassen",
        "grootteklasse en stedelijkheid",
        gemeenten.herken_klassen,
        lambda p, c: gemeenten.lees_klassen(p, c.namen),
        gemeenten.KOLOMMEN_KLASSEN,
    ),
    Formaat(
        "sociale_structuur",
        "sociale structuur en centrumfunctie",
        gemeenten.herken_profiel,
        lambda p, c: gemeenten.lees_profiel(p, c.namen),
        gemeenten.KOLOMMEN_PROFIEL,
    ),
    Formaat(
        "grenswijzigingen",
        "herindelingen en grenscorrecties",
        gemeenten.herken_grenzen,
        lambda p, c: gemeenten.lees_grenzen(p, c.namen),
        gemeenten.KOLOMMEN_GRENS,
    ),
    Formaat(
        "iv3_lasten_2posities",
        "Iv3 lasten per taakveld (2 posities), alle jaren",
        iv3.herken_2posities,
        lambda p, c: iv3.lees_2posities(p, c.namen),
        iv3.KOLOMMEN_2POS,
    ),
    Formaat(
        "iv3_taakveld",
        "Iv3 per taakveld met lasten en baten",
        iv3.herken_taakveld,
        lambda p, c: iv3.lees_taakveld(p, c.namen),
        iv3.KOLOMMEN_TAAKVELD,
    ),
    Formaat(
        "iv3_cbs_ruw",
        "CBS onbewerkte Iv3-data",
        iv3.herken_cbs_ruw,
        lambda p, c: iv3.lees_cbs_ruw(p, c.namen),
        iv3.KOLOMMEN_CBS_RUW,
    ),
    Formaat(eigen.SOORT, "eigen cijfers van één gemeente (sjabloon)", eigen.herken, eigen.lees, eigen.KOLOMMEN),
    Formaat(
        "gemeentefonds",
        "gemeentefonds: verdeling over clusters",
        gemeentefonds.herken,
        lambda p, c: gemeentefonds.lees(p, c.namen),
        gemeentefonds.KOLOMMEN,
    ),
    Formaat(
        regiotaken.SOORT,
        "gemeentefonds: centrumgemeenten (regionale uitkeringen)",
        regiotaken.herken,
        lambda p, c: regiotaken.lees(p, c.namen),
        regiotaken.KOLOMMEN,
    ),
    Formaat(
        behoefte.SOORT,
        "gemeentefonds: volumes van de maatstaven (behoefte)",
        behoefte.herken,
        lambda p, c: behoefte.lees(p, c.namen),
        behoefte.KOLOMMEN,
        "‘_Volumina’ in de bestandsnaam (bv. GF_S2024_2025_Volumina.tsv)",
    ),
    Formaat(
        behoefte.SOORT_KWB,
        "CBS Kerncijfers wijken en buurten per gemeente",
        behoefte.herken_kerncijfers,
        lambda p, c: behoefte.lees_kerncijfers(p, c.namen, controleer_gemeenten=True),
        behoefte.KOLOMMEN_KWB,
    ),
    Formaat(
        gebruik.SOORT,
        "CBS gebruik van zorg per gemeente (jeugdzorg, Wmo)",
        gebruik.herken,
        lambda p, c: gebruik.lees(p, c.namen, controleer_gemeenten=True),
        gebruik.KOLOMMEN,
    ),
    Formaat(
        gebruik.SOORT_WIJK,
        "CBS Kerncijfers wijken en buurten per wijk",
        gebruik.herken_wijken,
        lambda p, c: gebruik.lees_wijken(p, c.namen, controleer_gemeenten=True),
        gebruik.KOLOMMEN_WIJK,
    ),
    Formaat(
        behoefte.SOORT_NPLV,
        "focusgebieden Nationaal Programma Leefbaarheid en Veiligheid",
        behoefte.herken_nplv,
        lambda p, c: behoefte.lees_nplv(p, c.namen),
        behoefte.KOLOMMEN_NPLV,
    ),
    # Geen vaste kopregel: GeoJSON en de StatLine-export worden aan hun inhoud herkend.
    # Vóór de gemeentegrenzen: een bestand met wijkgrenzen is ook een FeatureCollection.
    Formaat(geo.SOORT_WIJK, "wijkgrenzen (GeoJSON)", geo.herken_wijken, lambda p, c: geo.lees_wijken(p, c.namen)),
    Formaat("geo", "gemeentegrenzen (GeoJSON)", geo.herken, lambda p, c: geo.lees(p, c.namen)),
    Formaat(
        "cpi",
        "CBS consumentenprijsindex (StatLine)",
        prijzen.herken_statline,
        lambda p, c: prijzen.lees_statline(p, c.namen),
    ),
    Formaat(
        "cpi_mutaties",
        "CPI-jaarmutaties",
        prijzen.herken_mutaties,
        lambda p, c: prijzen.lees_mutaties(p, c.namen, c.cpi),
        prijzen.KOLOMMEN_MUTATIE,
    ),
    # Na de fracties: die schakelen 2018–2023, deze daarna 2024–2025 (elk vanaf het laatste bekende jaar).
    Formaat(
        "cpi_mutaties_procent",
        "CPI-jaarmutaties in procenten (persberichten CBS)",
        prijzen.herken_mutaties_procent,
        lambda p, c: prijzen.lees_mutaties_procent(p, c.namen, c.cpi),
        prijzen.KOLOMMEN_PROCENT,
    ),
]

# Bestanden in de gedeelde datamap die het dashboard bewust niet gebruikt, met de reden.
NIET_GEBRUIKT = {
    "iv3_gemeente_totalen": "totalen per gemeente; het dashboard rekent per taakveld",
    "iv3_lasten_hoofdtaakveld_x_hoofdcategorie": "alleen per hoofdtaakveld, niet per taakveld",
    "iv3_per_hoofdtaakveld": "alleen per hoofdtaakveld, niet per taakveld",
    "uitkeringsfactor": "de clusterbestanden zijn al met de uitkeringsfactor berekend",
    "_Gewichten": "invoer van de clusterberekening; de clusterbestanden volstaan",
    "iv3_categorieen": "codelijst van categorieën; niet nodig zonder categoriedata",
    "MANIFEST": "herkomst van de bestanden",
}


def kop_van(pad: Path, tekens: int = 4096) -> str:
    """Het begin van een bestand als tekst, ook voor .gz."""
    import gzip

    opener = gzip.open if pad.suffix == ".gz" else open
    try:
        with opener(pad, "rt", encoding="utf-8-sig", errors="replace") as f:
            return f.read(tekens)
    except (OSError, EOFError):
        return ""


def herken(pad: Path) -> Formaat | None:
    kop = kop_van(pad)
    for formaat in FORMATEN:
        if formaat.herken(pad, kop):
            return formaat
    return None


def reden_niet_gebruikt(pad: Path) -> str | None:
    if pad.suffix.lower() in {".md", ".txt"}:
        return "documentatie"
    return next((reden for deel, reden in NIET_GEBRUIKT.items() if deel in pad.name), None)


# -- een bestand dat geen formaat herkent: waarom niet? -----------------------------------------
# Vanaf deze difflib-verhouding heet een kolomnaam een verschrijving ('baten_duizend_eur').
VERSCHRIJVING = 0.8
SCHEIDING = {",": "komma's", ";": "puntkomma's", "\t": "tabs"}


def _gewoon(naam: str) -> str:
    """Een kolomnaam zonder verschil in hoofdletters, spaties en liggende streepjes."""
    return re.sub(r"[\s_]+", "_", naam.strip().casefold()).strip("_")


@dataclass
class _Vergelijking:
    """Hoe een kopregel op de kolommen van één formaat lijkt."""

    formaat: Formaat
    goed: int  # precies zo geschreven
    anders: list[tuple[str, str]]  # (in het bestand, verwacht): alleen hoofdletters of spaties anders
    verschreven: list[tuple[str, str]]  # (in het bestand, verwacht)
    ontbreekt: list[str]
    over: list[str]  # kolommen in het bestand die het formaat niet kent

    @property
    def sterk(self) -> int:
        return self.goed + len(self.anders)

    @property
    def aandeel(self) -> float:
        return (self.sterk + len(self.verschreven)) / len(self.formaat.kolommen)

    @property
    def duidelijk(self) -> bool:
        # Minstens één kolom echt goed en minstens de helft gevonden (twee bij kleine formaten): twee
        # gedeelde kolommen als 'jaar' en 'gm_code' maken van een vreemd bestand nog geen bekend formaat.
        nodig = max(2, math.ceil(len(self.formaat.kolommen) / 2))
        return self.sterk >= 1 and self.sterk + len(self.verschreven) >= nodig


def _vergelijk(formaat: Formaat, kop: list[str]) -> _Vergelijking:
    vrij = list(kop)
    goed, anders, verschreven, ontbreekt = 0, [], [], []
    # Eerst wat precies klopt, dan wat alleen anders geschreven is, dan verschrijvingen: zo pakt een
    # verschrijving nooit een kolom die er precies staat.
    rest = []
    for kolom in formaat.kolommen:
        if kolom in vrij:
            vrij.remove(kolom)
            goed += 1
        else:
            rest.append(kolom)
    nog = []
    for kolom in rest:
        if (gevonden := next((k for k in vrij if _gewoon(k) == _gewoon(kolom)), None)) is not None:
            vrij.remove(gevonden)
            anders.append((gevonden, kolom))
        else:
            nog.append(kolom)
    for kolom in nog:
        kandidaten = {_gewoon(k): k for k in vrij if _gewoon(k)}
        if beste := difflib.get_close_matches(_gewoon(kolom), list(kandidaten), n=1, cutoff=VERSCHRIJVING):
            vrij.remove(kandidaten[beste[0]])
            verschreven.append((kandidaten[beste[0]], kolom))
        else:
            ontbreekt.append(kolom)
    return _Vergelijking(formaat, goed, anders, verschreven, ontbreekt, [k for k in vrij if k.strip()])


def _toon(kop: str) -> str:
    return kop.replace("\t", " [TAB] ")


def _meldingen(v: _Vergelijking, pad: Path, regel: str, sep: str) -> list[Probleem]:
    """Per kolom die ontbreekt of anders heet een probleem op rij 1; klopt elke kolom, dan wat er
    verder aan de kopregel schort (scheidingsteken, extra kolommen, volgorde, bestandsnaam)."""
    naam, verwacht = bestandsnaam(pad), list(v.formaat.kolommen)
    lijkt = f"Het bestand lijkt op ‘{v.formaat.omschrijving}’"
    plek = {k: i for i, k in enumerate(verwacht)}
    problemen: list[tuple[int, Probleem]] = []
    for gevonden, kolom in v.anders:
        melding = f"kolom '{gevonden}' moet precies '{kolom}' heten (hoofdletters en spaties tellen mee). {lijkt}."
        problemen.append((plek[kolom], Probleem(naam, 1, gevonden, melding)))
    for gevonden, kolom in v.verschreven:
        melding = f"kolom '{gevonden}' onbekend — bedoel je '{kolom}'? {lijkt}."
        problemen.append((plek[kolom], Probleem(naam, 1, gevonden, melding)))
    for kolom in v.ontbreekt:
        # Eén ontbrekende en één vreemde kolom: waarschijnlijk hernoemd (Excel maakt er 'Kolom1' van).
        hint = f"; is '{v.over[0]}' die kolom? Geef hem dan die naam" if len(v.ontbreekt) == len(v.over) == 1 else ""
        melding = f"kolom '{kolom}' ontbreekt{hint}. {lijkt}, met de kolommen {', '.join(verwacht)}."
        problemen.append((plek[kolom], Probleem(naam, 1, kolom, melding)))
    if problemen:
        return [p for _, p in sorted(problemen, key=lambda x: x[0])]

    # Alle kolommen staan er. Het formaat zelf zegt met welk scheidingsteken het ze herkent.
    passend = [s for s in dict.fromkeys([sep, ",", ";", "\t"]) if v.formaat.herken(pad, s.join(verwacht) + "\n")]
    lijkt = f"de kolommen van ‘{v.formaat.omschrijving}’ staan er"
    if passend and passend[0] != sep:
        goed = " of ".join(SCHEIDING[s] for s in passend)
        melding = (
            f"{lijkt}, maar gescheiden door {SCHEIDING.get(sep, repr(sep))}; dat formaat verwacht "
            f"{goed}. Sla het bestand op met {goed} als scheidingsteken."
        )
        return [Probleem(naam, 1, None, melding)]
    if passend:
        precies = f"dat formaat verwacht precies de kopregel ‘{_toon(sep.join(verwacht))}’"
        if v.over:
            return [
                Probleem(naam, 1, k, f"kolom '{k}' hoort niet bij ‘{v.formaat.omschrijving}’; {precies}.")
                for k in v.over
            ]
        waarom = "zonder aanhalingstekens en " if '"' in regel else ""
        return [Probleem(naam, 1, None, f"{lijkt}, maar niet zoals verwacht: {precies}, {waarom}in deze volgorde.")]
    if v.formaat.kenmerk:
        return [
            Probleem(naam, 1, None, f"{lijkt}, maar dat formaat herkent het dashboard ook aan {v.formaat.kenmerk}.")
        ]
    return [Probleem(naam, 1, None, f"{lijkt}, maar de kopregel is niet zoals dat formaat hem verwacht.")]


def lijkt_op(pad: Path, kop: str | None = None) -> list[Probleem]:
    """Op welk formaat de kopregel van een niet-herkend bestand duidelijk lijkt, als problemen met
    bestand, rij 1 en de kolom die ontbreekt of anders heet; leeg als hij op niets duidelijk lijkt."""
    kop = kop_van(pad) if kop is None else kop
    regel = kop.splitlines()[0].lstrip("\ufeff") if kop and kop.strip() else ""
    if not regel.strip():
        return []
    sep = scheidingsteken(regel)
    namen = next(csv.reader([regel], delimiter=sep), [])
    vergelijkingen = [_vergelijk(f, namen) for f in FORMATEN if f.kolommen]
    # Het meest gevonden aandeel wint; bij gelijkspel de meeste precies goede kolommen, dan de lijstvolgorde.
    kandidaten = [(v.aandeel, v.sterk, -i, v) for i, v in enumerate(vergelijkingen) if v.duidelijk]
    if not kandidaten:
        return []
    beste = max(kandidaten, key=lambda k: k[:3])[3]
    return _meldingen(beste, pad, regel, sep)


def niet_herkend(pad: Path) -> InvoerFout:
    """De fout voor een los genoemd bestand dat geen formaat herkent: bewust niet gebruikt, lijkt op
    een formaat (met de kolom die ontbreekt of verkeerd gespeld is), of echt onbekend."""
    if reden := reden_niet_gebruikt(pad):
        return InvoerFout(pad, f"dit bestand leest het dashboard bewust niet ({reden}).")
    if problemen := lijkt_op(pad):
        return InvoerFout(pad, problemen=problemen)
    return InvoerFout(
        pad,
        "onbekend formaat: de kopregel lijkt op geen formaat dat het dashboard kent. Bekende formaten: "
        + "; ".join(f.omschrijving for f in FORMATEN)
        + ".",
    )


__all__ = [
    "FORMATEN",
    "Context",
    "Formaat",
    "InvoerFout",
    "Lading",
    "herken",
    "lijkt_op",
    "niet_herkend",
    "reden_niet_gebruikt",
]
