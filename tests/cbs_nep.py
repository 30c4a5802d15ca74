"""Een nagebootste CBS/PDOK-server op 127.0.0.1 voor de ophaaltests, zo lelijk als de echte.

Waar elk gedrag vandaan komt (niets hier is verzonnen om de code te laten slagen):
- **Iv3 als volledige kubus** (`../shared/docs/cbs-bronnen.md`; CBS' dataderden-catalogus, tabellen
  450xxNED): elke gemeente × TaakveldBalanspost × Categorie × Verslagsoort is een rij, de meeste
  cellen JSON `null`; ook kwartaalcijfers (`<jaar>X1..`) staan in dezelfde tabel; `-99998` = "geen
  cijfer"; een gemeente die niets aanleverde staat er met alleen `null`.
- **Sleutels opgevuld met spaties** tot de breedte van de dimensie (`'GM0363   '`, `'6.1   '`;
  cbsodata/cbsodataR en hun issues: "strip when reading, pad when filtering"). `eq` vergelijkt
  dus exact, mét spaties.
- **Paginering van de ODataFeed**: pagina's van 10.000 rijen, `odata.nextLink` op basis van
  `$skip` die `$format`, `$filter` en `$select` behoudt (publieke clients van dezelfde feed); de
  laatste pagina heeft geen nextLink. Diepe pagina's zijn trager (`traag_per_10000`).
- **`$filter` en `$select` worden echt uitgevoerd** (OData v3: eq, ne, and, or, not, haakjes,
  `null`, substringof, startswith); `odata.metadata` zoals de feed hem geeft, met `&$select=`.
  Een filter dat de server niet begrijpt: 400 met `odata.error` (zoals WCF Data Services).
- **TableInfos** per tabel met `Modified` en `Period` (de metadata die cbsodata leest).
- **CPI**: 83131NED (2015 = 100) stopt na 2025; opvolger 86141NED heeft 2025 = 100
  (`cbs-bronnen.md`). Bedragen en indexcijfers zijn JSON-getallen (Double → 132.7).
- **PDOK OGC API Features**: `features`, `links` met `rel=next`, `numberReturned`; standaard WGS84
  (CRS84) tenzij `crs` gevraagd wordt, dan RD (EPSG:28992) met de kop `Content-Crs`.
- **Kerncijfers wijken en buurten** (`cbs-bronnen.md`, en de echte metadata van KWB 2024 in
  `../shared/docs/cbs/85984NED_*.json`): één tabel per jaar (de jaren uit de productielijst), rijen per
  `WijkenEnBuurten` (NL00, GM…, WK…, BU…, opgevuld tot 10 tekens; `SoortRegio_2` ook, zoals publieke code
  op `"Buurt     "` filtert). De kolomnamen dragen een nummer dat per jaar verandert: in 2024 precies die van
  de echte DataProperties (bijstand `_94`, en `_87` is daar `k_40HuishoudensMetLaagsteInkomen`: een gegokt
  nummer raakt stil een andere kolom); voor 85984NED geeft de server die echte DataProperties en TableInfos
  zelf (Modified uit `gewijzigd`). Bijstand `_74` in 2017 en `_83` in 2022/2023 komen uit het document;
  de andere jaren en nummers zijn verzonnen, per jaar anders verschoven, zodat alleen de zoekstap via
  `DataProperties` de juiste kolom vindt. Het nieuwste jaar is voorlopig: inkomen, uitkering, jeugdzorg en
  Wmo `null`. Buurtaantallen afgerond op vijftallen. Een piepkleine wijk is geheim (`.` → `null`).
  Amsterdam heeft vanaf 2023 letters in de wijkcodes (`WK0363AF`; de toelichting in de echte TableInfos).
  Heerlen (GM0917) staat alleen hier en bij PDOK; zijn wijknamen bestaan, de aandelen, cijfers en de andere
  wijknamen en -codes zijn verzonnen (aannemelijk, per wijk anders; de gemeente is de som van haar wijken).
- **Dimensies naast de tabel** (`cbs-bronnen.md`: "dimension endpoints beside it"): `<tabel>/<dimensie>`
  met `$filter`, `$select` en paginering zoals de gegevens. `WijkenEnBuurten` geeft Key, Title, Description,
  DetailRegionCode en Municipality (de velden van een GeoDetail-categorie in publieke OData-clients van CBS;
  wat er in DetailRegionCode staat, is niet bevestigd: hier de code zonder spaties).
- **Gebruik van zorg** (`cbs-bronnen.md`, "Use of care"): 82972NED/85098NED (jeugdzorg in natura, de vijf
  kolommen van de CBS-pagina, Nederland 2023 = 13,9 / 8,3 / 1,1 / 48,4 / 0,3), 84134NED/85099NED (jongeren
  per `VormenVanJeugdzorg`, codes uit publieke code) en 83262NED/85043NED (Wmo-cliënten, afgerond op
  vijftallen); de jaren per tabel uit de productielijst. De kolomnamen van de laatste twee soorten zijn in de
  vorm van CBS verzonnen, met een lokaas (`JongerenMetJeugdzorgRelatief_2`, een percentage) naast het aantal.
  `RegioS` opgevuld tot 10 tekens (NL01, LD01, PV27, CR17 — corop: elke cel `null` —, GM…). Halfjaren
  (`HJ01`, `HJ02`) staan naast het jaar en tellen er niet toe op (NL 2023: 11,7 per half, 13,9 voor het
  jaar). Voorlopig staat in de dimensie Perioden (`Status`, `*` in de titel); 85098NED: het nieuwste jaar
  heeft alleen een eerste halfjaar, het jaar ervoor is voorlopig; voorlopige cijfers komen later hoger uit
  (2023* 13,5 → 13,9; `maak_definitief`). Utrecht publiceert geen Wmo-cijfers (deelname is vrijwillig):
  `null`, nooit 0. Trendbreuk 2020 → 2021 bij de aantallen (meer aanbieders). De cijfers per gemeente zijn
  verzonnen maar sluiten op elkaar aan (verblijf < jeugdhulp < totaal; de KWB-gemeenterij heeft de
  Wmo-cijfers van de Wmo-tabellen; 85043NED herziet 2019/2020 van 83262NED een beetje). DataProperties met `Dimension`/`GeoDimension`/`TimeDimension`/`Topic` (zoals de
  `GeoDetail`- en `Topic`-regels van de echte KWB); TableInfos met de titel uit het document. Dat een
  opgevolgde tabel de Status "Gediscontinueerd" heeft, is niet bevestigd.
- **PDOK-wijkgrenzen** (`cbs-bronnen.md`: collectie `wijk_gegeneraliseerd`, als bij de gemeenten): dezelfde
  vorm als de gemeenteroute, properties `statcode`, `statnaam`, `jaarcode`. De vormen zijn verzonnen:
  Heerlen betegelt lon 5,93–6,02 × lat 50,85–50,93 met aangrenzende rechthoeken (Meezenbroek als
  MultiPolygon, Nieuw Lotbroek als gat in Hoensbroek), de andere wijken zijn kleine vierkanten.
- **Storingen op bestelling** (500, 429 met Retry-After, timeout, afgekapt antwoord, 404, een
  andere vorm): wat clients in de issues van cbsodata melden ("premature EOF", trage pagina's).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import defaultdict
from datetime import datetime, timedelta
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs, quote, urlencode, urlsplit

PAGINA = 10_000  # rijen per pagina op de ODataFeed
PRODUCTIE = Path(__file__).resolve().parents[1] / "data" / "cbs_bronnen.toml"

GEMEENTEN = {
    "GM0363": ("Amsterdam", "PV27", "Noord-Holland"),
    "GM0014": ("Groningen", "PV20", "Groningen"),
    "GM0599": ("Rotterdam", "PV28", "Zuid-Holland"),
    "GM0344": ("Utrecht", "PV26", "Utrecht"),
}
NIET_AANGELEVERD = {"GM0344"}  # staat in de kubus, maar elke cel is null
INWONERS = {"GM0363": 931_298, "GM0014": 238_147, "GM0599": 670_610, "GM0344": 374_238}

# (taakveld, categorie, waarde in € 1.000) per gemeente die aanleverde; 6.1 heeft lasten en baten.
IV3_REGELS = [
    ("0.1", "L1.1", 5000),
    ("0.10", "L7.5", 100),
    ("6.1", "L1.1", 120),
    ("6.1", "L4.2", 300),
    ("6.1", "L3.4.1", 80),
    ("6.1", "B4.3.1", 150),
    ("7.1", "L3.4.1", 200),
    ("6.73a", "L3.4.1", 400),
    ("6.81a", "L4.3.3", 250),
    ("A1", "Primo", 9999),
    ("8.1", "L3.4.1", -99998),
]  # CBS' "geen cijfer": geen bedrag, geen nul
# De rest van de kubus: taakvelden en categorieën zonder cijfers (zoals het gros van de echte kubus).
LEGE_TAAKVELDEN = [
    "0.2",
    "0.3",
    "0.4",
    "0.5",
    "0.61",
    "0.62",
    "0.63",
    "0.64",
    "0.7",
    "0.8",
    "0.9",
    "1.1",
    "1.2",
    "2.1",
    "2.2",
    "2.3",
    "2.4",
    "2.5",
    "3.1",
    "3.2",
    "3.3",
    "3.4",
    "4.1",
    "4.2",
    "4.3",
    "5.1",
    "5.2",
    "5.3",
    "5.4",
    "5.5",
    "5.6",
    "5.7",
    "6.2",
    "6.3",
    "6.4",
    "6.71",
    "6.72",
    "6.74",
    "6.81",
    "6.82",
    "7.2",
    "7.3",
    "7.4",
    "7.5",
    "8.2",
    "8.3",
    "P1",
    "P2",
    "A2",
]
LEGE_CATEGORIEEN = [
    "L1.2",
    "L2.1",
    "L3.1",
    "L3.2",
    "L3.3",
    "L3.4.2",
    "L3.4.3",
    "L3.5",
    "L4.1",
    "L4.3.1",
    "L4.3.2",
    "L5.1",
    "L6.1",
    "L7.1",
    "L7.2",
    "B1.1",
    "B2.1",
    "B3.1",
    "B4.1",
    "B4.2",
    "B4.3.2",
    "B4.3.3",
    "B5.1",
    "B7.1",
    "Ultimo",
]
BREEDTE = {"Gemeenten": 9, "TaakveldBalanspost": 6, "Categorie": 8}
# Kwartaalcijfers staan in dezelfde tabel; alleen het filter houdt ze buiten de jaarcijfers.
KWARTAAL = "X101"

# CPI per tabel: 83131NED (2015 = 100) tot en met 2025; 86141NED (2025 = 100) vanaf 2025.
CPI = {
    "83131NED": [
        ("2015JJ00", 100.0),
        ("2023JJ00", 128.2),
        ("2024JJ00", 132.7),
        ("2025JJ00", 136.5),
        ("2025MM01", 135.1),
    ],
    "86141NED": [("2025JJ00", 100.0), ("2026JJ00", 102.6), ("2026MM01", 101.9)],
}
TITELS = {
    "83131NED": "Consumentenprijzen; prijsindex 2015=100",
    "86141NED": "Consumentenprijzen; prijsindex 2025=100",
    "03759ned": "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio",
}


# -- Kerncijfers wijken en buurten (KWB) -------------------------------------------------------------------
# De echte metadata van KWB 2024, een openbare kopie van wat de API geeft (../shared/docs/cbs, cbs-bronnen.md).
GEDEELD = Path(__file__).resolve().parents[2] / "shared" / "docs" / "cbs"
KWB_ECHT = "85984NED"
# Het nummer van elke kolom die de ophaling kent, in KWB 2024: precies zoals in de echte DataProperties
# (bij het starten gecontroleerd, als het bestand er is). `_87` is daar een ándere kolom dan bijstand.
KWB_2024 = {
    "Gemeentenaam": 1,
    "SoortRegio": 2,
    "Codering": 3,
    "AantalInwoners": 5,
    "Mannen": 6,
    "HuishoudensTotaal": 29,
    "Eenpersoonshuishoudens": 30,
    "k_40HuishoudensMetLaagsteInkomen": 87,
    "HuishoudensMetEenLaagInkomen": 89,
    "HuishOnderOfRondSociaalMinimum": 90,
    "PersonenPerSoortUitkeringBijstand": 94,
    "JongerenMetJeugdzorgInNatura": 98,
    "PercentageJongerenMetJeugdzorg": 99,
    "WmoClienten": 100,
    "WmoClientenRelatief": 101,
}
# Per jaar de verschuiving ten opzichte van 2024: (huishoudens, inkomen tot en met Wmo). Daaruit volgt bijstand
# _74 in 2017 en _83 in 2022/2023 (cbs-bronnen.md); de andere jaren en kolommen zijn verzonnen, per jaar anders,
# zodat alleen de zoekstap via DataProperties de juiste kolom vindt (een gegokt nummer raakt een andere kolom).
KWB_VERSCHUIVING = {
    2017: (-2, -20),
    2018: (-1, -16),
    2019: (-1, -15),
    2020: (-1, -14),
    2021: (-1, -13),
    2022: (-1, -11),
    2023: (-1, -11),
    2024: (0, 0),
    2025: (1, 2),
}
# Leeg in het nieuwste (voorlopige) jaar, en geheim in een piepkleine wijk (cbs-bronnen.md).
KWB_LEGE_VELDEN = (
    "k_40HuishoudensMetLaagsteInkomen",
    "HuishoudensMetEenLaagInkomen",
    "HuishOnderOfRondSociaalMinimum",
    "PersonenPerSoortUitkeringBijstand",
    "JongerenMetJeugdzorgInNatura",
    "PercentageJongerenMetJeugdzorg",
    "WmoClienten",
    "WmoClientenRelatief",
)
# Aantallen: in buurten afgerond op vijftallen.
KWB_AANTALLEN = (
    "AantalInwoners",
    "Mannen",
    "HuishoudensTotaal",
    "Eenpersoonshuishoudens",
    "PersonenPerSoortUitkeringBijstand",
    "JongerenMetJeugdzorgInNatura",
    "WmoClienten",
)
# Titel, eenheid, type en groep per kolom, zoals in de echte DataProperties van 2024.
KWB_ONDERWERPEN = {
    "Gemeentenaam": ("Gemeentenaam", "naam", "String", "Regioaanduiding"),
    "SoortRegio": ("Soort regio", "omschrijving", "String", "Regioaanduiding"),
    "Codering": ("Codering", "code", "String", "Regioaanduiding"),
    "AantalInwoners": ("Aantal inwoners", "aantal", "Long", "Bevolking"),
    "Mannen": ("Mannen", "aantal", "Long", "Bevolking"),
    "HuishoudensTotaal": ("Huishoudens totaal", "aantal", "Long", "Particuliere huishoudens"),
    "Eenpersoonshuishoudens": ("Eenpersoonshuishoudens", "aantal", "Long", "Particuliere huishoudens"),
    "k_40HuishoudensMetLaagsteInkomen": ("40% huishoudens met laagste inkomen", "%", "Double", "Inkomen"),
    "HuishoudensMetEenLaagInkomen": ("Huishoudens met een laag inkomen", "%", "Double", "Inkomen"),
    "HuishOnderOfRondSociaalMinimum": ("Huish. onder of rond sociaal minimum", "%", "Double", "Inkomen"),
    "PersonenPerSoortUitkeringBijstand": (
        "Personen per soort uitkering; Bijstand",
        "aantal",
        "Long",
        "Sociale zekerheid",
    ),
    "JongerenMetJeugdzorgInNatura": ("Jongeren met jeugdzorg in natura", "aantal", "Long", "Zorg"),
    "PercentageJongerenMetJeugdzorg": ("Percentage jongeren met jeugdzorg", "%", "Double", "Zorg"),
    "WmoClienten": ("Wmo-cliënten", "aantal", "Long", "Zorg"),
    "WmoClientenRelatief": ("Wmo-cliënten relatief", "per 1 000 inwoners", "Long", "Zorg"),
}


def kwb_nummers(jaar: int) -> dict[str, int]:
    """Het nummer van elke kolom in de KWB-tabel van dit jaar (naam zonder nummer → nummer)."""
    huishoudens, inkomen = KWB_VERSCHUIVING.get(jaar, KWB_VERSCHUIVING[max(KWB_VERSCHUIVING)])
    uit = {}
    for naam, nummer in KWB_2024.items():
        if naam in ("HuishoudensTotaal", "Eenpersoonshuishoudens"):
            nummer += huishoudens
        elif nummer >= KWB_2024["k_40HuishoudensMetLaagsteInkomen"]:
            nummer += inkomen
        uit[naam] = nummer
    return uit


# Het nummer van de bijstandskolom per jaar (74 in 2017, 83 in 2022/2023, 94 in 2024).
KWB_BIJSTAND = {j: kwb_nummers(j)["PersonenPerSoortUitkeringBijstand"] for j in KWB_VERSCHUIVING}


class Wijk(NamedTuple):
    """Een wijk in de KWB en bij PDOK. Kenmerken in 2020; elk jaar schuiven ze een beetje."""

    code: str  # de twee tekens na de gemeentecode
    naam: str
    aandeel: float | None  # van de inwoners van de gemeente; None: de rest (Heerlen-Centrum)
    grootte: float  # personen per huishouden
    alleen: float  # % eenpersoonshuishoudens
    laag: float  # % huishoudens met een laag inkomen
    jeugd: float  # % jongeren met jeugdzorg
    wmo: float | None  # Wmo-cliënten per 1.000 inwoners; None: de gemeente publiceert niet (Utrecht)
    bijstand: float  # personen in de bijstand per inwoner
    code_2023: str = ""  # Amsterdam: wijkcodes met letters vanaf 2023 (cbs-bronnen.md)


# Heerlen staat alleen in de KWB en bij PDOK (niet in GEMEENTEN: de kubus en de andere tests blijven gelijk).
# De wijknamen bestaan in Heerlen; de aandelen, kenmerken en (bij de andere gemeenten) de wijkcodes zijn
# verzonnen. Het NPLV-gebied "Heerlen Noord" is géén wijknaam: zo hoort het.
KWB_GEMEENTEN = {**{gm: (naam, INWONERS[gm]) for gm, (naam, *_) in GEMEENTEN.items()}, "GM0917": ("Heerlen", 86_900)}
WIJKEN = {
    "GM0014": [
        Wijk("01", "Binnenstad", 0.09, 1.4, 72, 12.4, 7.8, 58, 0.031),
        Wijk("02", "Vinkhuizen", 0.05, 2.0, 48, 16.1, 15.3, 101, 0.074),
    ],
    "GM0344": [
        Wijk("01", "Overvecht", 0.09, 2.2, 45, 17.3, 15.0, None, 0.083),
        Wijk("02", "Binnenstad", 0.05, 1.6, 66, 7.9, 6.8, None, 0.021),
    ],
    "GM0363": [
        Wijk("01", "Bijlmer-Centrum", 0.025, 2.1, 50, 18.2, 14.4, 96, 0.081, "AF"),
        Wijk("02", "Grachtengordel-Zuid", 0.01, 1.5, 68, 5.2, 6.9, 52, 0.011, "AK"),
    ],
    "GM0599": [
        Wijk("01", "Feijenoord", 0.012, 2.3, 44, 19.0, 16.1, 110, 0.092),
        Wijk("02", "Hillegersberg-Schiebroek", 0.06, 2.1, 38, 6.0, 7.4, 64, 0.019),
    ],
    "GM0917": [
        Wijk("00", "Heerlen-Centrum", None, 1.7, 58, 17.4, 15.1, 111, 0.071),
        Wijk("01", "Heerlerbaan", 0.12, 2.1, 36, 11.0, 11.9, 94, 0.039),
        Wijk("02", "Heerlerheide", 0.14, 2.0, 40, 15.7, 15.9, 106, 0.060),
        Wijk("03", "Hoensbroek", 0.20, 2.0, 42, 14.1, 13.9, 103, 0.054),
        Wijk("04", "Meezenbroek", 0.08, 1.9, 47, 19.4, 16.8, 113, 0.084),
        Wijk("05", "Molenberg", 0.07, 2.0, 44, 16.3, 13.0, 98, 0.065),
        Wijk("06", "Schandelen", 0.05, 2.3, 30, 6.1, 8.3, 61, 0.018),
        Wijk("07", "Welten", 0.06, 2.3, 28, 4.9, 6.9, 47, 0.012),
        Wijk("08", "Zeswegen", 0.06, 2.2, 33, 8.2, 9.8, 73, 0.025),
        Wijk("09", "Nieuw Lotbroek", 0.0005, 2.0, 40, 9.0, 10.0, 80, 0.030),
    ],
}
GEHEIM = {"WK091709"}  # een piepkleine wijk (± 45 inwoners): inkomen, uitkering en zorg geheim
# (personen per huishouden, % eenpersoons, % laag inkomen) van Nederland en de gemeenten (verzonnen).
KWB_KENMERK = {
    "NL00": (2.1, 39, 7.6),
    "GM0014": (1.7, 56, 12.7),
    "GM0344": (2.0, 47, 8.8),
    "GM0363": (1.8, 55, 11.9),
    "GM0599": (2.0, 46, 12.9),
}
JONG = 0.19  # aandeel jongeren tot 18 jaar (noemer van het KWB-percentage jeugdzorg)

# -- Gebruik van zorg per gemeente (cbs-bronnen.md, "Use of care") -----------------------------------------
ZORG_SOORT = {
    "82972NED": "natura",
    "85098NED": "natura",
    "84134NED": "vormen",
    "85099NED": "vormen",
    "83262NED": "wmo",
    "85043NED": "wmo",
}
# Alleen als de productielijst een tabel niet (meer) noemt; anders gelden de jaren uit [zorggebruik].
ZORG_JAREN = {
    "82972NED": list(range(2015, 2020)),
    "85098NED": list(range(2022, 2026)),
    "84134NED": list(range(2015, 2021)),
    "85099NED": list(range(2021, 2025)),
    "83262NED": list(range(2015, 2021)),
    "85043NED": list(range(2019, 2024)),
}
ZORG_TITELS = {
    "natura": "Indicatoren jeugdzorg in natura; gemeenten",
    "vormen": "Kerncijfers over jeugdzorg",
    "wmo": "Wmo-cliënten; gemeenten",
}
GEDISCONTINUEERD = {"82972NED", "84134NED", "83262NED"}  # opgevolgd (cbs-bronnen.md)
# (sleutel, titel, eenheid, type) per soort tabel; de kolomnamen van de jeugdzorg in natura staan op de
# CBS-pagina, de andere zijn uit publieke code of verzonnen in dezelfde vorm (zie de kop).
ZORG_KOLOMMEN = {
    "natura": [
        ("JongerenMetJeugdhulpInNatura_1", "Jongeren met jeugdhulp in natura", "% (zie toelichting)", "Double"),
        ("JongerenMetJeugdhMetVerblInNat_2", "Jongeren met jeugdhulp met verblijf", "% (zie toelichting)", "Double"),
        ("JongerenMetJeugdbescherming_3", "Jongeren met jeugdbescherming", "% (zie toelichting)", "Double"),
        (
            "JeugdbeschEnJeugdhMetVerblInNat_4",
            "Jeugdbescherming en jeugdhulp met verblijf",
            "% (zie toelichting)",
            "Double",
        ),
        ("JongerenMetJeugdreclassering_5", "Jongeren met jeugdreclassering", "% (zie toelichting)", "Double"),
    ],
    "vormen": [
        ("TotaalJongerenMetJeugdzorg_1", "Totaal jongeren met jeugdzorg", "aantal", "Long"),
        ("JongerenMetJeugdzorgRelatief_2", "Jongeren met jeugdzorg, relatief", "% van alle jongeren", "Double"),
    ],
    "wmo": [
        ("WmoClienten_1", "Wmo-cliënten", "aantal", "Long"),
        ("WmoClientenPer1000Inwoners_2", "Wmo-cliënten per 1 000 inwoners", "per 1 000 inwoners", "Long"),
    ],
}
VORMEN = {
    "A045561": "Totaal jeugdzorg",
    "A045560": "Totaal jeugdhulp",
    "A027918": "Jeugdhulp met verblijf",
    "A027919": "Jeugdbescherming",
    "A027920": "Jeugdreclassering",
}
ZORG_REGIO = {
    "NL01": "Nederland",
    "LD01": "Noord-Nederland (LD)",
    "PV27": "Noord-Holland (PV)",
    "CR17": "Utrecht (CR)",  # corop: elke cel `.` (null)
    **{gm: naam for gm, (naam, *_) in sorted(GEMEENTEN.items())},
    "GM0917": "Heerlen",  # ook in de KWB (de wijkkaart op Mensen); niet in GEMEENTEN (de Iv3-kubus)
}
REGIO_INWONERS = {"NL01": 17_942_942, "LD01": 1_768_000, "PV27": 2_952_622, **INWONERS, "GM0917": 86_900}
JEUGD_AANDEEL = {
    "NL01": 0.255,
    "LD01": 0.25,
    "PV27": 0.25,
    "GM0014": 0.30,
    "GM0344": 0.28,
    "GM0363": 0.25,
    "GM0599": 0.26,
    "GM0917": 0.17,
}
# Jeugdhulp in natura, Nederland, % van de jongeren; 2023 = 13,9 (CBS-pagina), de andere jaren verzonnen.
NL_JEUGDHULP = {
    2015: 9.6,
    2016: 10.2,
    2017: 10.9,
    2018: 11.5,
    2019: 12.1,
    2020: 12.4,
    2021: 13.2,
    2022: 13.6,
    2023: 13.9,
    2024: 14.1,
    2025: 14.3,
}
# Per regio een factor op de vijf kolommen van Nederland (verzonnen).
NATURA_FACTOR = {
    "NL01": (1, 1, 1, 1, 1),
    "LD01": (1.06, 1.04, 1.1, 0.98, 1.0),
    "PV27": (0.96, 0.97, 0.95, 1.02, 1.0),
    "GM0014": (1.08, 0.95, 1.1, 0.96, 1.0),
    "GM0344": (0.88, 0.9, 0.85, 1.03, 1.0),
    "GM0363": (0.92, 1.12, 1.3, 1.05, 1.4),
    "GM0599": (1.05, 1.08, 1.45, 1.01, 1.7),
    "GM0917": (1.22, 1.15, 1.6, 1.04, 1.3),
}
# Halfjaren zijn kleiner dan het jaar en tellen er niet toe op (NL 2023: 11,7 per half, 13,9 voor het jaar);
# bij gemeenten is het jaar ook geen gemiddelde van de halfjaren.
HALFJAAR = {False: {"HJ01": 0.84, "HJ02": 0.84}, True: {"HJ01": 0.83, "HJ02": 0.86}}
WMO_PER_1000 = {
    "NL01": 70, "LD01": 76, "PV27": 66, "GM0014": 84, "GM0344": None, "GM0363": 78, "GM0599": 96, "GM0917": 118,
}  # fmt: skip
VOORLOPIG = 0.97  # voorlopige cijfers komen later hoger uit (NL 2023*: 13,5, definitief 13,9)


def natura(regio: str, jaar: int) -> tuple[float, ...]:
    """De vijf kolommen van de jeugdzorg in natura (definitief, jaarcijfer) voor een regio."""
    nl = (
        NL_JEUGDHULP[jaar],
        8.3 + 0.15 * (2023 - jaar),
        1.1 if jaar >= 2020 else 1.2,
        48.4 - 0.3 * (2023 - jaar),
        0.3 if jaar >= 2020 else 0.4,
    )
    return tuple(round(w * f, 1) for w, f in zip(nl, NATURA_FACTOR[regio], strict=True))


def _inwoners(regio: str, jaar: int) -> int:
    return REGIO_INWONERS[regio] + jaar - 2017  # zoals AantalInwoners in de KWB


def jongeren(regio: str, jaar: int) -> int:
    return round(_inwoners(regio, jaar) * JEUGD_AANDEEL[regio])


def jeugdzorg_aantallen(regio: str, jaar: int) -> dict[str, int]:
    """Jongeren per vorm van jeugdzorg, in lijn met de percentages in natura (verblijf < jeugdhulp <
    totaal, jeugdreclassering het kleinst); vanaf 2021 hoger door de trendbreuk (meer aanbieders)."""
    j, p = jongeren(regio, jaar), natura(regio, jaar)
    extra = 1.04 * (1.06 if jaar >= 2021 else 1.0)
    hulp = round(j * p[0] / 100 * extra)
    bescherming = round(j * p[2] / 100 * extra)
    reclassering = round(j * p[4] / 100 * extra)
    return {
        "A045561": hulp + round(0.35 * bescherming) + round(0.5 * reclassering),
        "A045560": hulp,
        "A027918": round(hulp * p[1] / 100),
        "A027919": bescherming,
        "A027920": reclassering,
    }


def wmo(regio: str, jaar: int, tabel: str = "", factor: float = 1.0) -> tuple[int | None, int | None]:
    """(Wmo-cliënten afgerond op vijftallen, per 1.000 inwoners); (None, None) als de gemeente niet
    publiceert. 85043NED herziet de jaren die ze met 83262NED deelt een beetje (verzonnen)."""
    basis = WMO_PER_1000[regio]
    if basis is None:
        return None, None
    per_1000 = basis + 0.8 * (jaar - 2019) + (0.6 if tabel == "85043NED" and jaar <= 2020 else 0)
    inwoners = _inwoners(regio, jaar)
    aantal = 5 * round(inwoners * per_1000 / 1000 * factor / 5)
    return aantal, round(1000 * aantal / inwoners)


# -- PDOK-wijkgrenzen: verzonnen vormen ---------------------------------------------------------------------
# Heerlen: een raster van 5 × 2 aangrenzende rechthoeken over lon 5,93–6,02 en lat 50,85–50,93; Meezenbroek
# heeft twee losse vakken (MultiPolygon), Nieuw Lotbroek is een gat in Hoensbroek. (kolom, rij) per wijk.
HEERLEN_LON = [round(5.93 + 0.018 * i, 3) for i in range(6)]
HEERLEN_LAT = [50.85, 50.89, 50.93]
HEERLEN_VAKKEN = {
    "00": [(2, 0)],
    "01": [(3, 0)],
    "02": [(1, 1)],
    "03": [(0, 1)],
    "04": [(4, 0), (2, 1)],
    "05": [(4, 1)],
    "06": [(3, 1)],
    "07": [(1, 0)],
    "08": [(0, 0)],
}
LOTBROEK = (5.935, 50.905, 5.941, 50.911)  # binnen het vak van Hoensbroek
MIDDEN = {"GM0014": (6.55, 53.23), "GM0344": (5.11, 52.11), "GM0363": (4.95, 52.31), "GM0599": (4.50, 51.90)}


def _rechthoek(x0: float, y0: float, x1: float, y1: float, gat: bool = False) -> list[list[float]]:
    """Een gesloten ring; buitenring tegen de klok in, een gat met de klok mee (RFC 7946)."""
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    return ring[::-1] if gat else ring


def wijkvorm(gm: str, wijk: Wijk, index: int) -> dict:
    """De (verzonnen) geometrie van een wijk in WGS84."""
    if gm != "GM0917":
        x, y = MIDDEN[gm]
        x += 0.012 * index
        return {"type": "Polygon", "coordinates": [_rechthoek(x, y, round(x + 0.01, 3), round(y + 0.01, 3))]}
    if wijk.code == "09":
        return {"type": "Polygon", "coordinates": [_rechthoek(*LOTBROEK)]}
    vlakken = []
    for k, r in HEERLEN_VAKKEN[wijk.code]:
        vlak = [_rechthoek(HEERLEN_LON[k], HEERLEN_LAT[r], HEERLEN_LON[k + 1], HEERLEN_LAT[r + 1])]
        if wijk.code == "03":
            vlak.append(_rechthoek(*LOTBROEK, gat=True))
        vlakken.append(vlak)
    if len(vlakken) == 1:
        return {"type": "Polygon", "coordinates": vlakken[0]}
    return {"type": "MultiPolygon", "coordinates": vlakken}


def wijkcode(gm: str, wijk: Wijk, jaar: int) -> str:
    return f"WK{gm[2:]}{wijk.code_2023 if wijk.code_2023 and jaar >= 2023 else wijk.code}"


@cache
def _echt(soort: str) -> list[dict] | None:
    """De echte `DataProperties` of `TableInfos` van KWB 2024 (een JSON-lijst), of None als het gedeelde
    bestand er niet is. Elke kolom die de nagebootste tabel van 2024 heeft, moet erin staan."""
    pad = GEDEELD / f"{KWB_ECHT}_{soort}.json"
    if not pad.exists():
        return None
    echt = json.loads(pad.read_text(encoding="utf-8"))
    if soort == "DataProperties":
        sleutels = {e["Key"] for e in echt}
        ontbreekt = [f"{k}_{n}" for k, n in kwb_nummers(2024).items() if f"{k}_{n}" not in sleutels]
        assert not ontbreekt, f"de nagebootste KWB 2024 wijkt af van {pad}: {ontbreekt}"
    return echt


def _pad(code: str, breedte: int) -> str:
    return code.ljust(breedte)


# -- OData v3 $filter: een kleine maar echte uitvoerder ----------------------------------------
class FilterFout(ValueError):
    pass


_TOKEN = re.compile(r"\s*(?:(\()|(\))|(,)|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*))")


def _tokens(tekst: str) -> list[tuple[str, object]]:
    uit, i = [], 0
    while i < len(tekst):
        if tekst[i:].strip() == "":
            break
        m = _TOKEN.match(tekst, i)
        if not m:
            raise FilterFout(f"Syntax error at position {i}.")
        i = m.end()
        if m.group(1):
            uit.append(("(", None))
        elif m.group(2):
            uit.append((")", None))
        elif m.group(3):
            uit.append((",", None))
        elif m.group(4) is not None:
            uit.append(("tekst", m.group(4).replace("''", "'")))
        elif m.group(5):
            uit.append(("getal", float(m.group(5))))
        else:
            uit.append(("naam", m.group(6)))
    return uit


def filter_functie(tekst: str):
    """Zet een OData-filter om in een functie rij → bool. Onbekende constructies: FilterFout."""
    tokens = _tokens(tekst)
    pos = 0

    def kijk():
        return tokens[pos] if pos < len(tokens) else (None, None)

    def neem(soort=None, waarde=None):
        nonlocal pos
        t = kijk()
        if t[0] is None or (soort and t[0] != soort) or (waarde and t[1] != waarde):
            raise FilterFout(f"Syntax error near token {pos}.")
        pos += 1
        return t

    def operand():
        s, w = kijk()
        if s == "tekst" or s == "getal":
            neem()
            return lambda r, w=w: w
        if s == "naam" and w == "null":
            neem()
            return lambda r: None
        if s == "naam" and w in ("substringof", "startswith"):
            neem()
            neem("(")
            a = operand()
            neem(",")
            b = operand()
            neem(")")
            if w == "substringof":  # substringof('GM', RegioS): staat 'GM' in RegioS?
                return lambda r: a(r) is not None and b(r) is not None and str(a(r)) in str(b(r))
            return lambda r: a(r) is not None and str(a(r)).startswith(str(b(r)))
        if s == "naam":
            neem()
            return lambda r, w=w: (
                r[w]
                if w in r
                else (_ for _ in ()).throw(
                    FilterFout(f"No property '{w}' exists in type 'Cbs.OData.WebAPI.TypedDataSet'.")
                )
            )
        raise FilterFout(f"Syntax error near token {pos}.")

    def vergelijking():
        s, w = kijk()
        if s == "naam" and w == "not":
            neem()
            f = vergelijking()
            return lambda r: not f(r)
        if s == "(":
            neem("(")
            f = of()
            neem(")")
            return f
        links = operand()
        s, w = kijk()
        if s == "naam" and w in ("eq", "ne"):
            neem()
            rechts = operand()
            if w == "eq":
                return lambda r: links(r) == rechts(r)
            return lambda r: links(r) != rechts(r)
        return lambda r: bool(links(r))

    def en():
        f = vergelijking()
        while kijk() == ("naam", "and"):
            neem()
            g = vergelijking()
            f = (lambda a, b: lambda r: a(r) and b(r))(f, g)
        return f

    def of():
        f = en()
        while kijk() == ("naam", "or"):
            neem()
            g = en()
            f = (lambda a, b: lambda r: a(r) or b(r))(f, g)
        return f

    f = of()
    if pos != len(tokens):
        raise FilterFout(f"Syntax error near token {pos}.")
    return f


def _rd(coordinaten: list) -> list:
    """Nagebootst RD New (meters): elk punt, in elke ring en elk vlak."""
    if coordinaten and isinstance(coordinaten[0], list):
        return [_rd(c) for c in coordinaten]
    x, y = coordinaten
    return [121_000 + 1000 * x, 487_000 + 1000 * y]


class NepCBS:
    """`storingen[(route, skip)]`: storingen voor opeenvolgende verzoeken op die pagina: '500',
    '429', '429raar', 'timeout', 'afgekapt', 'schema', '404'. `altijd[route]`: bij elk verzoek.
    Een route is een tabel ('85098NED'), een dimensie ('85098NED/Perioden') of PDOK ('pdok2023',
    'pdokwijk2023'); in `log` staan ook '<tabel>/TableInfos' en '<tabel>/DataProperties'.
    `kubus[tabel]`: een functie die de rijen van die Iv3-tabel geeft (zie `kubus_uit`: echte
    cijfers, in de tests en in tools/meet_ophalen.py op ware grootte).
    Voorlopig: `voorlopig` ((tabel, jaar) van de zorgtabellen), `alleen_eerste_halfjaar` en
    `kwb_voorlopig` (jaren); `maak_definitief(tabel, jaar)` maakt er één definitief."""

    def __init__(self, paginagrootte: int = PAGINA, timeout_seconden: float = 1.5, traag_per_10000: float = 0.0):
        self.paginagrootte = paginagrootte
        self.timeout_seconden = timeout_seconden
        self.traag_per_10000 = traag_per_10000  # extra seconden per 10.000 overgeslagen rijen
        self.storingen: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.altijd: dict[str, str] = {}
        self.log: list[tuple[str, str, int]] = []  # (route, filter, skip) per verzoek
        self.select_log: list[str] = []
        self.iv3_jaren = {2023: "45063NED"}
        self.gewijzigd = defaultdict(lambda: "2024-06-14T02:00:00")  # TableInfos.Modified per tabel
        self.cpi = {t: list(r) for t, r in CPI.items()}  # per test aan te passen (bv. een verkeerde basis)
        self.kubus: dict[str, object] = {}  # tabel → functie die de kubusrijen geeft (echte data, in de tests)
        import tomllib

        productie = tomllib.loads(PRODUCTIE.read_text(encoding="utf-8"))
        tabellen = productie["kerncijfers"]["tabellen"]
        self.kwb = {t: int(j) for j, t in tabellen.items()}  # tabel → jaar, uit de productielijst
        self.kwb_voorlopig = {max(self.kwb.values())}  # het nieuwste jaar: velden nog leeg
        _echt("DataProperties")  # controleert de nagebootste KWB 2024 tegen de echte metadata
        if _echt("TableInfos"):
            self.gewijzigd[KWB_ECHT] = _echt("TableInfos")[0]["Modified"]
        # Gebruik van zorg: de jaren per tabel uit de productielijst ([zorggebruik]).
        lijst = {z["tabel"]: [int(j) for j in z["jaren"]] for z in productie.get("zorggebruik", {}).get("tabellen", [])}
        self.zorg = {t: lijst.get(t, j) for t, j in ZORG_JAREN.items()}
        # 85098NED: het voorlaatste jaar is voorlopig, van het nieuwste is er alleen een voorlopig eerste halfjaar.
        nieuwste = max(self.zorg["85098NED"])
        self.voorlopig: set[tuple[str, int]] = {("85098NED", nieuwste - 1), ("85098NED", nieuwste)}
        self.alleen_eerste_halfjaar: set[tuple[str, int]] = {("85098NED", nieuwste)}
        self.wijkgrens_jaren = [int(j) for j in productie.get("wijkgrenzen", {}).get("jaren", [2022, 2023, 2024, 2025])]
        self._gefilterd: dict[tuple, list[dict]] = {}
        self._slot = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.basis = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._draad = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> NepCBS:
        self._draad.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- gegevens ---------------------------------------------------------------------------
    def _iv3_kubus(self, tabel: str):
        """Alle rijen van de kubus, in de volgorde van de echte tabel (gemeente, taakveld,
        categorie, verslagsoort), als generator: een kubus van miljoenen rijen past zo in het geheugen."""
        jaar = next(j for j, t in self.iv3_jaren.items() if t == tabel)
        soorten = [f"{jaar}X000", f"{jaar}X005", f"{jaar}{KWARTAAL}"]
        if tabel in self.kubus:
            yield from self.kubus[tabel]()
            return
        waarden = {(tv, cat): w for tv, cat, w in IV3_REGELS}
        taakvelden = list(dict.fromkeys([tv for tv, _, _ in IV3_REGELS] + LEGE_TAAKVELDEN))
        categorieen = list(dict.fromkeys([c for _, c, _ in IV3_REGELS] + LEGE_CATEGORIEEN))
        i = 0
        for gm in GEMEENTEN:
            for tv in taakvelden:
                for cat in categorieen:
                    for soort in soorten:
                        w = None if gm in NIET_AANGELEVERD else waarden.get((tv, cat))
                        if w is not None and w != -99998:
                            w = float(w * (2 if soort.endswith("X005") else 1))
                        yield {
                            "ID": i,
                            "Gemeenten": _pad(gm, 9),
                            "TaakveldBalanspost": _pad(tv, 6),
                            "Categorie": _pad(cat, 8),
                            "Verslagsoort": soort,
                            "k_1ePlaatsing_1": w,
                            "k_2ePlaatsing_2": w,
                        }
                        i += 1

    def _gebieden(self):
        for i, (gm, (naam, pv, prov)) in enumerate(GEMEENTEN.items()):
            yield {
                "ID": i,
                "RegioS": gm,
                "Code_1": _pad(gm, 10),
                "Naam_2": _pad(naam, 40),
                "Code_28": _pad(pv, 10),
                "Naam_29": _pad(prov, 40),
            }

    def _inwoners(self):
        # 03759ned: GM-codes zonder opvulling, NL01 met (publieke clients filteren 'GM' met substringof).
        # De regio-dimensie houdt opgeheven gemeenten: die staan er met null in de jaren na hun
        # opheffing (hier GM0370 Beemster, per 2022 bij Purmerend).
        i = 0
        for jaar in (2023, 2024, 2025, 2026):
            for regio, n in [*INWONERS.items(), ("GM0370", None), ("NL01  ", 17_942_942), ("PV27  ", 2_952_622)]:
                for geslacht in ("T001038", "3000   "):
                    yield {
                        "ID": i,
                        "Geslacht": geslacht,
                        "Leeftijd": "10000",
                        "BurgerlijkeStaat": "T001019",
                        "RegioS": regio,
                        "Perioden": f"{jaar}JJ00",
                        "BevolkingOp1Januari_1": None if n is None else n if geslacht == "T001038" else n // 2,
                        "GemiddeldeBevolking_2": None,
                    }
                    i += 1

    def _cpi(self, tabel: str):
        for i, (p, c) in enumerate(self.cpi[tabel]):
            yield {
                "ID": i,
                "Bestedingscategorieen": "T001112  ",
                "Perioden": p,
                "CPI_1": c,
                "CPIAfgeleid_2": None,
                "MaandmutatieCPI_3": None,
            }

    def _grenzen(self):
        for i, (gm, (naam, _, _)) in enumerate(GEMEENTEN.items()):
            yield {
                "type": "Feature",
                "id": f"gemeente_gegeneraliseerd.{i}",
                "properties": {"statcode": gm, "statnaam": naam, "jaarcode": 2023, "rubriek": "gemeente"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[4.8 + i, 52.3], [4.9 + i, 52.3], [4.9 + i, 52.4], [4.8 + i, 52.3]]],
                },
            }

    # -- kerncijfers wijken en buurten ---------------------------------------------------------
    def _kwb_kolommen(self, jaar: int) -> list[str]:
        """De kolommen van de KWB-tabel van dit jaar, met hun nummer (een test kan ze vervangen)."""
        nummers = sorted(kwb_nummers(jaar).items(), key=lambda x: x[1])
        return ["ID", "WijkenEnBuurten", *(f"{naam}_{n}" for naam, n in nummers)]

    def _kwb_gebieden(self, jaar: int) -> list[tuple[str, str, str, str, dict, bool]]:
        """(code, naam, soort, gemeente, waarden, geheim) voor Nederland, de gemeenten, hun wijken en
        één buurt per wijk, in de volgorde van de echte tabel."""
        trend = jaar - 2020

        def maten(inw, grootte, alleen, laag, jeugd, wmo_, bijstand):
            hh = round(inw / grootte)
            laag = laag - 0.15 * trend
            return {
                "AantalInwoners": inw,
                "Mannen": round(inw * 0.49),
                "HuishoudensTotaal": hh,
                "Eenpersoonshuishoudens": round(hh * alleen / 100),
                "k_40HuishoudensMetLaagsteInkomen": round(min(75.0, 22 + 2.2 * laag), 1),
                "HuishoudensMetEenLaagInkomen": round(laag, 1),
                "HuishOnderOfRondSociaalMinimum": round(0.8 * laag, 1),
                "PersonenPerSoortUitkeringBijstand": bijstand,
                "JongerenMetJeugdzorgInNatura": round(inw * JONG * jeugd / 100),
                "PercentageJongerenMetJeugdzorg": round(jeugd, 1),
                "WmoClienten": None if wmo_ is None else round(inw * wmo_ / 1000),
                "WmoClientenRelatief": None if wmo_ is None else round(wmo_),
            }

        def met_zorg(waarden, regio):
            # Gemeente en land: jeugdzorg en Wmo zoals in de tabellen over zorggebruik.
            p = natura(regio, jaar)
            pct = round(p[0] + 0.5 * p[2], 1)
            aantal, per_1000 = wmo(regio, jaar)
            return {
                **waarden,
                "PercentageJongerenMetJeugdzorg": pct,
                "JongerenMetJeugdzorgInNatura": round(waarden["AantalInwoners"] * JONG * pct / 100),
                "WmoClienten": aantal,
                "WmoClientenRelatief": per_1000,
            }

        def buurt(w):
            return {k: (5 * round(0.4 * v / 5) if k in KWB_AANTALLEN and v is not None else v) for k, v in w.items()}

        n = REGIO_INWONERS["NL01"] + jaar - 2017
        nl = maten(n, *KWB_KENMERK["NL00"], 1, None, round(n * (0.02 + 0.001 * (jaar - 2017))))
        uit = [("NL00", "Nederland", "Land", "", met_zorg(nl, "NL01"), False)]
        for gm, (naam, inwoners) in sorted(KWB_GEMEENTEN.items()):
            heerlen = gm == "GM0917"
            totaal = inwoners - 60 * (jaar - 2017) if heerlen else inwoners + jaar - 2017
            wijken, rest = [], totaal
            for wijk in WIJKEN[gm]:
                inw = round(wijk.aandeel * totaal) if wijk.aandeel else None
                rest -= inw or 0
                wijken.append((wijk, inw))
            wijken = [(w, rest if inw is None else inw) for w, inw in wijken]
            wijkwaarden = [
                (
                    w,
                    maten(
                        inw,
                        w.grootte,
                        w.alleen,
                        w.laag,
                        w.jeugd + 0.2 * trend,
                        None if w.wmo is None else w.wmo + trend,
                        round(inw * w.bijstand * (1 - 0.01 * trend)),
                    ),
                )
                for w, inw in wijken
            ]
            if heerlen:  # de gemeente is de som van haar wijken (ook de geheime)
                alle = [v for _, v in wijkwaarden]
                som = {k: sum(v[k] for v in alle) for k in KWB_AANTALLEN}
                hh = som["HuishoudensTotaal"]
                gewogen = {
                    k: round(sum(v[k] * v["HuishoudensTotaal"] for v in alle) / hh, 1)
                    for k in ("k_40HuishoudensMetLaagsteInkomen", "HuishoudensMetEenLaagInkomen")
                }
                gemeente = {
                    **som,
                    **gewogen,
                    "HuishOnderOfRondSociaalMinimum": round(
                        sum(v["HuishOnderOfRondSociaalMinimum"] * v["HuishoudensTotaal"] for v in alle) / hh, 1
                    ),
                    "PercentageJongerenMetJeugdzorg": round(
                        100 * som["JongerenMetJeugdzorgInNatura"] / (JONG * som["AantalInwoners"]), 1
                    ),
                    "WmoClientenRelatief": round(1000 * som["WmoClienten"] / som["AantalInwoners"]),
                }
            else:
                grootte, alleen, laag = KWB_KENMERK[gm]
                bijstand = round(totaal * (0.02 + 0.001 * (jaar - 2017)))
                gemeente = met_zorg(maten(totaal, grootte, alleen, laag, 1, None, bijstand), gm)
            uit.append((gm, naam, "Gemeente", gm, gemeente, False))
            for w, waarden in wijkwaarden:
                wk = wijkcode(gm, w, jaar)
                uit.append((wk, w.naam, "Wijk", gm, waarden, wk in GEHEIM))
                uit.append((f"BU{wk[2:]}01", f"{w.naam}-Noord", "Buurt", gm, buurt(waarden), wk in GEHEIM))
        return uit

    def _kwb(self, tabel: str):
        jaar = self.kwb[tabel]
        kolommen = self._kwb_kolommen(jaar)[2:]
        for i, (code, naam, soort, gm, waarden, geheim) in enumerate(self._kwb_gebieden(jaar)):
            leeg = geheim or jaar in self.kwb_voorlopig
            vast = {
                "Gemeentenaam": (KWB_GEMEENTEN[gm][0] if gm else naam).ljust(40),
                "SoortRegio": soort.ljust(10),
                "Codering": code.ljust(10),
            }
            rij = {"ID": i, "WijkenEnBuurten": code.ljust(10)}
            for kolom in kolommen:
                naam_ = re.sub(r"_\d+$", "", kolom)
                rij[kolom] = vast.get(naam_, None if leeg and naam_ in KWB_LEGE_VELDEN else waarden.get(naam_))
            yield rij

    def _kwb_eigenschappen(self, tabel: str) -> list[dict]:
        """DataProperties: van 85984NED de echte (als het bestand er is), anders in dezelfde vorm: de
        GeoDetail-dimensie, TopicGroups met Key "" en de Topics met hun nummer van dat jaar."""
        if tabel == KWB_ECHT and (echt := _echt("DataProperties")) is not None:
            return echt
        jaar = self.kwb[tabel]
        uit = [
            {
                "odata.type": "Cbs.OData.GeoDetail",
                "ID": 0,
                "Position": 0,
                "ParentID": None,
                "Type": "GeoDetail",
                "Key": "WijkenEnBuurten",
                "Title": "Wijken en buurten",
                "Description": "",
                "MapYear": jaar,
            }
        ]
        groepen: dict[str, int] = {}
        for positie, kolom in enumerate(self._kwb_kolommen(jaar)[2:], start=1):
            titel, eenheid, soort, groep = KWB_ONDERWERPEN.get(
                re.sub(r"_\d+$", "", kolom), (kolom, "", "Long", "Overig")
            )
            if groep not in groepen:
                groepen[groep] = len(uit)
                uit.append(
                    {
                        "odata.type": "Cbs.OData.TopicGroup",
                        "ID": len(uit),
                        "Position": None,
                        "ParentID": None,
                        "Type": "TopicGroup",
                        "Key": "",
                        "Title": groep,
                        "Description": "",
                    }
                )
            uit.append(
                {
                    "odata.type": "Cbs.OData.Topic",
                    "ID": len(uit),
                    "Position": positie,
                    "ParentID": groepen[groep],
                    "Type": "Topic",
                    "Key": kolom,
                    "Title": titel,
                    "Description": "",
                    "Datatype": soort,
                    "Unit": eenheid,
                    "Decimals": 1 if soort == "Double" else 0,
                    "Default": "Impossible" if soort == "String" else "Missing",
                    "PresentationType": "",
                }
            )
        return uit

    def _wijken_en_buurten(self, tabel: str):
        """De dimensie WijkenEnBuurten: sleutel opgevuld tot 10 tekens, de naam als Title."""
        for code, naam, _soort, gm, _w, _g in self._kwb_gebieden(self.kwb[tabel]):
            yield {
                "Key": code.ljust(10),
                "Title": naam,
                "Description": "",
                "DetailRegionCode": code,
                "Municipality": gm.ljust(10) if gm else None,
            }

    # -- gebruik van zorg ----------------------------------------------------------------------
    def _perioden(self, tabel: str) -> list[tuple[str, int]]:
        """(sleutel, jaar): jaren, en bij de jeugdzorg in natura ook halfjaren; een jaar waarvan pas het
        eerste halfjaar er is, heeft nog geen jaarcijfer."""
        uit = []
        for jaar in self.zorg[tabel]:
            delen = ["JJ00", "HJ01", "HJ02"] if ZORG_SOORT[tabel] == "natura" else ["JJ00"]
            if (tabel, jaar) in self.alleen_eerste_halfjaar:
                delen = ["HJ01"]
            uit += [(f"{jaar}{d}", jaar) for d in delen]
        return uit

    def _perioden_dimensie(self, tabel: str):
        for sleutel, jaar in self._perioden(tabel):
            voorlopig = (tabel, jaar) in self.voorlopig
            titel = {"JJ00": str(jaar), "HJ01": f"{jaar} 1e halfjaar", "HJ02": f"{jaar} 2e halfjaar"}[sleutel[4:]]
            yield {
                "Key": sleutel,
                "Title": titel + ("*" if voorlopig else ""),
                "Description": "",
                "Status": "Voorlopig" if voorlopig else "Definitief",
            }

    def _zorgwaarden(self, tabel: str, regio: str, sleutel: str, jaar: int, vorm: str | None) -> dict:
        soort = ZORG_SOORT[tabel]
        kolommen = [k for k, *_ in ZORG_KOLOMMEN[soort]]
        if regio.startswith("CR"):  # corop: `.` in elke cel
            return dict.fromkeys(kolommen)
        factor = VOORLOPIG if (tabel, jaar) in self.voorlopig else 1.0
        if soort == "natura":
            waarden = [round(w * factor, 1) for w in natura(regio, jaar)]
            if sleutel[4:] != "JJ00":
                verhouding = HALFJAAR[regio.startswith("GM")][sleutel[4:]]
                waarden = [round(w * verhouding, 1) for w in waarden]
            return dict(zip(kolommen, waarden, strict=True))
        if soort == "vormen":
            aantal = round(jeugdzorg_aantallen(regio, jaar)[vorm] * factor)
            return {kolommen[0]: aantal, kolommen[1]: round(100 * aantal / jongeren(regio, jaar), 1)}
        return dict(zip(kolommen, wmo(regio, jaar, tabel, factor), strict=True))

    def _zorg(self, tabel: str):
        i = 0
        for vorm in VORMEN if ZORG_SOORT[tabel] == "vormen" else [None]:
            for regio in ZORG_REGIO:
                for sleutel, jaar in self._perioden(tabel):
                    rij = {"ID": i, **({"VormenVanJeugdzorg": vorm} if vorm else {})}
                    rij |= {"RegioS": regio.ljust(10), "Perioden": sleutel}
                    yield rij | self._zorgwaarden(tabel, regio, sleutel, jaar, vorm)
                    i += 1

    def _zorg_eigenschappen(self, tabel: str) -> list[dict]:
        soort = ZORG_SOORT[tabel]
        dimensies = [("Dimension", "VormenVanJeugdzorg", "Vormen van jeugdzorg")] if soort == "vormen" else []
        dimensies += [("GeoDimension", "RegioS", "Regio's"), ("TimeDimension", "Perioden", "Perioden")]
        uit = [
            {
                "odata.type": f"Cbs.OData.{t}",
                "ID": i,
                "Position": i,
                "ParentID": None,
                "Type": t,
                "Key": k,
                "Title": titel,
                "Description": "",
                **({"MapYear": max(self.zorg[tabel])} if t == "GeoDimension" else {}),
            }
            for i, (t, k, titel) in enumerate(dimensies)
        ]
        for sleutel, titel, eenheid, datatype in ZORG_KOLOMMEN[soort]:
            uit.append(
                {
                    "odata.type": "Cbs.OData.Topic",
                    "ID": len(uit),
                    "Position": len(uit),
                    "ParentID": None,
                    "Type": "Topic",
                    "Key": sleutel,
                    "Title": titel,
                    "Description": "",
                    "Datatype": datatype,
                    "Unit": eenheid,
                    "Decimals": 1 if datatype == "Double" else 0,
                    "Default": "Missing",
                    "PresentationType": "Relative" if datatype == "Double" else "Absolute",
                }
            )
        return uit

    def maak_definitief(self, tabel: str, jaar: int) -> str:
        """Maak een voorlopig jaar definitief, zoals CBS later doet: Status Definitief, Title zonder `*`,
        de cijfers iets hoger (in de KWB: de lege velden gevuld), en een nieuwe `Modified` in TableInfos
        (30 dagen later), zodat een nieuwe ophaling de wijziging ziet. Geeft de nieuwe `Modified`."""
        with self._slot:
            if tabel in self.kwb and self.kwb[tabel] == jaar and jaar in self.kwb_voorlopig:
                self.kwb_voorlopig.discard(jaar)
            elif (tabel, jaar) in self.voorlopig:
                self.voorlopig.discard((tabel, jaar))
            else:
                raise ValueError(f"{tabel} heeft geen voorlopig jaar {jaar}")
            nieuw = datetime.fromisoformat(self.gewijzigd[tabel]) + timedelta(days=30)
            self.gewijzigd[tabel] = nieuw.isoformat(timespec="seconds")
            self._gefilterd.clear()
            return self.gewijzigd[tabel]

    # -- wijkgrenzen ---------------------------------------------------------------------------
    def _wijkgrenzen(self, jaren: list[int]):
        i = 0
        for jaar in jaren:
            for gm in sorted(WIJKEN):
                for index, wijk in enumerate(WIJKEN[gm]):
                    yield {
                        "type": "Feature",
                        "id": f"wijk_gegeneraliseerd.{i}",
                        "properties": {
                            "statcode": wijkcode(gm, wijk, jaar),
                            "statnaam": wijk.naam,
                            "jaarcode": jaar,
                            "rubriek": "wijk",
                        },
                        "geometry": wijkvorm(gm, wijk, index),
                    }
                    i += 1

    # -- metadata en dimensies -----------------------------------------------------------------
    def _eigenschappen(self, route: str) -> list[dict] | None:
        if route in self.kwb:
            return self._kwb_eigenschappen(route)
        if route in self.zorg:
            return self._zorg_eigenschappen(route)
        return None

    def _dimensies(self, route: str) -> tuple[str, ...]:
        if route in self.kwb:
            return ("WijkenEnBuurten",)
        if route in self.zorg:
            return (
                ("VormenVanJeugdzorg", "RegioS", "Perioden")
                if ZORG_SOORT[route] == "vormen"
                else ("RegioS", "Perioden")
            )
        return ()

    def _dimensie(self, tabel: str, dimensie: str):
        if dimensie not in self._dimensies(tabel):
            return None
        if dimensie == "WijkenEnBuurten":
            return self._wijken_en_buurten(tabel)
        if dimensie == "Perioden":
            return self._perioden_dimensie(tabel)
        if dimensie == "RegioS":
            return ({"Key": r.ljust(10), "Title": t, "Description": ""} for r, t in ZORG_REGIO.items())
        return ({"Key": k, "Title": t, "Description": "", "CategoryGroupID": None} for k, t in VORMEN.items())

    def _rijen(self, route: str):
        if "/" in route:  # een dimensie: <tabel>/<dimensie>
            return self._dimensie(*route.split("/", 1))
        if route in self.iv3_jaren.values():
            return self._iv3_kubus(route)
        if route in self.kwb:
            return self._kwb(route)
        if route in self.zorg:
            return self._zorg(route)
        if route == "03759ned":
            return self._inwoners()
        if route in CPI:
            return self._cpi(route)
        if route.endswith("NED"):
            return self._gebieden()
        return None

    def _tabelinfo(self, route: str) -> dict:
        if route == KWB_ECHT and _echt("TableInfos"):  # de echte, met de Modified van deze server
            return {
                **_echt("TableInfos")[0],
                "Modified": self.gewijzigd[route],
                "MetaDataModified": self.gewijzigd[route],
            }
        if route in self.kwb or route in self.zorg:
            jaren = [self.kwb[route]] if route in self.kwb else self.zorg[route]
            titel = f"Kerncijfers wijken en buurten {jaren[0]}" if route in self.kwb else ZORG_TITELS[ZORG_SOORT[route]]
            return {
                "ID": 0,
                "Title": titel,
                "ShortTitle": titel[:40],
                "Identifier": route,
                "Modified": self.gewijzigd[route],
                "Period": f"{min(jaren)}-{max(jaren)}" if len(jaren) > 1 else str(jaren[0]),
                "Frequency": "Onregelmatig" if route in self.kwb else "Perjaar",
                "Status": "Gediscontinueerd" if route in GEDISCONTINUEERD else "Regulier",
                "MetaDataModified": self.gewijzigd[route],
            }
        jaar = next((j for j, t in self.iv3_jaren.items() if t == route), None)
        titel = TITELS.get(route) or (f"Gemeenten {jaar} onbewerkte Iv3-data" if jaar else "Gebieden in Nederland")
        return {
            "ID": 0,
            "Title": titel,
            "ShortTitle": titel[:40],
            "Identifier": route,
            "Modified": self.gewijzigd[route],
            "Period": str(jaar or ""),
            "Frequency": "Perjaar",
            "Status": "Regulier",
            "MetaDataModified": self.gewijzigd[route],
        }

    def _pagina(self, route: str, filter_: str, select: str, skip: int) -> tuple[list[dict], bool]:
        """Gefilterde rijen van de tabel; het gefilterde resultaat blijft bewaard, zodat een
        volgende pagina niet opnieuw door de hele kubus hoeft (de echte server indexeert ook)."""
        sleutel = (route, filter_, select)
        with self._slot:
            if sleutel not in self._gefilterd:
                bron = self._rijen(route)
                if bron is None:
                    return None, False
                f = filter_functie(filter_) if filter_ else (lambda r: True)
                kolommen = [k.strip() for k in select.split(",")] if select else None
                uit = []
                for r in bron:
                    if f(r):
                        if kolommen:
                            onbekend = [k for k in kolommen if k not in r]
                            if onbekend:
                                raise FilterFout(f"Could not find a property named '{onbekend[0]}'.")
                            r = {k: r[k] for k in kolommen}
                        uit.append(r)
                self._gefilterd[sleutel] = uit
            alles = self._gefilterd[sleutel]
        return alles[skip : skip + self.paginagrootte], skip + self.paginagrootte < len(alles)

    # -- HTTP -------------------------------------------------------------------------------
    def _handler(self):
        nep = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # stil in de testuitvoer
                pass

            def _stuur(self, status: int, lichaam: bytes, kop: dict | None = None, afkappen: bool = False):
                self.send_response(status)
                self.send_header("Content-Type", "application/json;odata=minimalmetadata;charset=utf-8")
                self.send_header("Content-Length", str(len(lichaam)))
                for k, v in (kop or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(lichaam[: len(lichaam) // 2] if afkappen else lichaam)
                if afkappen:
                    self.wfile.flush()
                    self.close_connection = True

            def do_GET(self):
                deel = urlsplit(self.path)
                q = {k: v[0] for k, v in parse_qs(deel.query).items()}
                skip = int(q.get("$skip", 0))
                stukken = deel.path.split("/")
                odata = deel.path.startswith(("/dd/", "/od/"))
                route = stukken[2] if odata else deel.path
                eind = stukken[3] if len(stukken) > 3 and odata else ""
                if route in ("/pdok/items", "/pdok/wijk/items"):  # pdok<jaar>, pdokwijk<jaar>
                    route = f"pdok{'wijk' if 'wijk' in route else ''}{q.get('jaarcode')}"
                    skip = int(q.get("offset", 0))
                eigenschappen = nep._eigenschappen(route) if eind == "DataProperties" else None
                dimensie = eind in nep._dimensies(route)
                # In het log (en voor storingen): de tabel, of <tabel>/TableInfos, /DataProperties, /<dimensie>.
                sleutel = f"{route}/{eind}" if eind == "TableInfos" or eigenschappen is not None or dimensie else route
                nep.log.append((sleutel, q.get("$filter", ""), skip))
                nep.select_log.append(q.get("$select", ""))
                if eigenschappen is not None:  # de kolommen met hun nummer van deze tabel
                    data = {
                        "odata.metadata": f"{nep.basis}/{route}/$metadata#Cbs.OData.WebAPI.DataProperties",
                        "value": eigenschappen,
                    }
                    return self._stuur(200, json.dumps(data).encode())
                if eind == "TableInfos":  # metadata: eigen route, storingen gelden voor de gegevens
                    if nep._rijen(route) is None:
                        return self._stuur(404, b"{}")
                    data = {
                        "odata.metadata": f"{nep.basis}/{route}/$metadata#Cbs.OData.WebAPI.TableInfos",
                        "value": [nep._tabelinfo(route)],
                    }
                    return self._stuur(200, json.dumps(data).encode())
                storing = nep.altijd.get(sleutel) or (
                    nep.storingen[(sleutel, skip)].pop(0) if nep.storingen[(sleutel, skip)] else None
                )
                if storing == "500":
                    return self._stuur(
                        500,
                        b'{"odata.error": {"code": "", "message": {"lang": "en-US", '
                        b'"value": "An error occurred while processing this request."}}}',
                    )
                if storing == "429":
                    return self._stuur(429, b"{}", {"Retry-After": "2"})
                if storing == "429raar":
                    return self._stuur(429, b"{}", {"Retry-After": "over een tijdje"})
                if storing == "404":
                    return self._stuur(404, b"{}")
                if storing == "timeout":
                    time.sleep(nep.timeout_seconden)
                if nep.traag_per_10000:
                    time.sleep(nep.traag_per_10000 * skip / 10_000)
                if route.startswith("pdok"):
                    return self._pdok(route, q, deel, skip, storing)
                try:
                    pagina, meer = nep._pagina(sleutel, q.get("$filter", ""), q.get("$select", ""), skip)
                except FilterFout as e:
                    fout = {"odata.error": {"code": "", "message": {"lang": "en-US", "value": str(e)}}}
                    return self._stuur(400, json.dumps(fout).encode())
                if pagina is None:
                    return self._stuur(404, b"{}")
                if storing == "schema":
                    pagina = [{("Gemeente" if k == "Gemeenten" else k): v for k, v in r.items()} for r in pagina]
                metadata = f"{nep.basis}/{route}/$metadata#Cbs.OData.WebAPI.{eind if dimensie else 'TypedDataSet'}"
                if q.get("$select"):
                    metadata += f"&$select={q['$select']}"
                data = {"odata.metadata": metadata, "value": pagina}
                if meer:
                    data["odata.nextLink"] = f"{nep.basis}{deel.path}?" + urlencode(
                        {**q, "$skip": skip + nep.paginagrootte}, quote_via=quote
                    )
                self._stuur(200, json.dumps(data).encode(), afkappen=storing == "afgekapt")

            def _pdok(self, route, q, deel, offset, storing):
                limiet = int(q.get("limit", 10))
                if route.startswith("pdokwijk"):  # zonder jaarcode: alle jaren
                    jaar = route.removeprefix("pdokwijk")
                    alles = list(nep._wijkgrenzen([int(jaar)] if jaar.isdigit() else nep.wijkgrens_jaren))
                else:
                    alles = list(nep._grenzen())
                pagina = alles[offset : offset + limiet]
                kop = {"Content-Crs": "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>"}
                if q.get("crs"):  # RD New: meters, geen graden
                    kop = {"Content-Crs": f"<{q['crs']}>"}
                    pagina = [
                        {**f, "geometry": {**f["geometry"], "coordinates": _rd(f["geometry"]["coordinates"])}}
                        for f in pagina
                    ]
                links = [{"rel": "self", "type": "application/geo+json", "href": f"{nep.basis}{self.path}"}]
                if offset + limiet < len(alles):
                    links.append(
                        {
                            "rel": "next",
                            "type": "application/geo+json",
                            "href": f"{nep.basis}{deel.path}?" + urlencode({**q, "offset": offset + limiet}),
                        }
                    )
                data = {
                    "type": "FeatureCollection",
                    "timeStamp": "2024-06-14T02:00:00Z",
                    "links": links,
                    "numberReturned": len(pagina),
                    "features": pagina,
                }
                self._stuur(200, json.dumps(data).encode(), kop, afkappen=storing == "afgekapt")

        return Handler

    def bronnen_toml(self, iv3_jaren: dict[int, str] | None = None) -> str:
        """De productielijst `data/cbs_bronnen.toml` zelf (filters, kolommen, tabel-id's), met alleen
        de basisadressen vervangen en de Iv3-tabellen beperkt tot de jaren die deze server kent."""
        tekst = PRODUCTIE.read_text(encoding="utf-8").replace(
            "https://dataderden.cbs.nl/ODataFeed/OData", f"{self.basis}/dd"
        )
        tekst = tekst.replace("https://opendata.cbs.nl/ODataFeed/odata", f"{self.basis}/od")
        tekst = tekst.replace(
            "https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1/collections/gemeente_gegeneraliseerd/items",
            f"{self.basis}/pdok/items",
        )
        tekst = tekst.replace(
            "https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1/collections/wijk_gegeneraliseerd/items",
            f"{self.basis}/pdok/wijk/items",
        )
        jaren = iv3_jaren or self.iv3_jaren
        tekst = re.sub(
            r"(\[iv3\.tabellen\]\n)(?:\d{4} = \"\w+\"\n)+",
            lambda m: m.group(1) + "".join(f'{j} = "{t}"\n' for j, t in jaren.items()),
            tekst,
        )
        return tekst


# Balansposten en categorieën zoals in een echte Iv3-kubus: ± 120 TaakveldBalanspost × ± 66 categorieën
# (cbs-bronnen.md); per gemeente zijn er maar enkele honderden gevuld.
BALANSPOSTEN = [f"A{i}" for i in range(1, 26)] + [f"P{i}" for i in range(1, 21)]
CATEGORIEEN = (
    ["L1.1", "L1.2", "L2.1", "L2.2"]
    + [f"L3.{i}" for i in range(1, 6)]
    + [
        "L3.4.2",
        "L3.4.3",
        "L4.1",
        "L4.2",
        "L4.3.2",
        "L4.3.3",
        "L4.4",
        "L5.1",
        "L5.2",
        "L6.1",
        "L6.2",
        "L7.1",
        "L7.2",
        "L7.3",
        "L7.4",
        "L7.5",
        "L8",
        "B1.1",
        "B1.2",
        "B2.1",
        "B2.2",
    ]
    + [f"B3.{i}" for i in range(1, 6)]
    + [
        "B3.4.2",
        "B3.4.3",
        "B4.1",
        "B4.2",
        "B4.3.2",
        "B4.3.3",
        "B4.4",
        "B5.1",
        "B5.2",
        "B6.1",
        "B7.1",
        "B7.2",
        "B7.3",
        "B7.4",
        "B7.5",
        "B8",
        "B9",
        "Primo",
        "Ultimo",
        "Mutatie",
        "Afschrijving",
        "Herwaardering",
        "Overig",
    ]
)


def kubus_uit(store, jaar: int, balansposten: list[str] = BALANSPOSTEN, categorieen: list[str] = CATEGORIEEN):
    """De Iv3-kubus van één jaar zoals CBS hem zou geven, uit de cijfers van een opslag (bv. na de
    import van de bestanden van dat jaar): lasten als categorie L3.4.1, baten als B4.3.1 (€ 1.000),
    elke andere cel null, ook kwartaalcijfers (X101) en balansposten; een gemeente zonder enig
    bedrag staat er met alleen nulls (niet aangeleverd). Geeft (functie die de rijen geeft, aantal rijen)."""
    with store.cursor() as cur:
        rijen = cur.execute(
            "SELECT gm_code, taakveld, document, lasten::DOUBLE, baten::DOUBLE FROM iv3_gekozen WHERE jaar = ?", [jaar]
        ).fetchall()
        gemeenten = [
            r[0] for r in cur.execute("SELECT gm_code FROM gemeente_jaar WHERE jaar = ? ORDER BY 1", [jaar]).fetchall()
        ]
    cel = {}
    for gm, tv, doc, lasten, baten in rijen:
        code = "X000" if doc == "begroting" else "X005"
        if lasten:
            cel[(gm, tv, "L3.4.1", code)] = lasten
        if baten:
            cel[(gm, tv, "B4.3.1", code)] = baten
    taakvelden = sorted({tv for _gm, tv, *_ in rijen}) + list(balansposten)
    categorie = ["L3.4.1", "B4.3.1", *[c for c in categorieen if c not in ("L3.4.1", "B4.3.1")]]

    def kubus():
        i = 0
        for gm in gemeenten:
            for tv in taakvelden:
                for cat in categorie:
                    for code in ("X000", "X005", KWARTAAL):
                        w = cel.get((gm, tv, cat, code))
                        yield {
                            "ID": i,
                            "Gemeenten": _pad(gm, 9),
                            "TaakveldBalanspost": _pad(tv, 6),
                            "Categorie": _pad(cat, 8),
                            "Verslagsoort": f"{jaar}{code}",
                            "k_1ePlaatsing_1": w,
                            "k_2ePlaatsing_2": w,
                        }
                        i += 1

    return kubus, len(gemeenten) * len(taakvelden) * len(categorie) * 3
