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
- **Kerncijfers wijken en buurten** (`cbs-bronnen.md`): één tabel per jaar, rijen per
  `WijkenEnBuurten` (GM…, WK…, BU…, opgevuld tot 10 tekens), de kolomnamen met een nummer dat per jaar
  verandert (bijstand `_74` in 2017, `_83` in 2022/2023, `_87` in 2024/2025; voor 2018–2021 kent het
  document het nummer niet, hier `_78`–`_81`, zodat de zoekstap via `DataProperties` getoetst wordt;
  het nummer van AantalInwoners, hier `_5`, is niet gedocumenteerd en om dezelfde reden per jaar gelijk
  gelaten). Het nieuwste jaar (2025) is voorlopig: bijstand `null`. Buurtaantallen afgerond op vijftallen.
- **Storingen op bestelling** (500, 429 met Retry-After, timeout, afgekapt antwoord, 404, een
  andere vorm): wat clients in de issues van cbsodata melden ("premature EOF", trage pagina's).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlencode, urlsplit

PAGINA = 10_000  # rijen per pagina op de ODataFeed
PRODUCTIE = Path(__file__).resolve().parents[1] / "data" / "cbs_bronnen.toml"

# Kerncijfers wijken en buurten: het nummer van de bijstandskolom per jaar (zie de kop).
KWB_BIJSTAND = {2017: 74, 2018: 78, 2019: 79, 2020: 80, 2021: 81, 2022: 83, 2023: 83, 2024: 87, 2025: 87}
KWB_VOORLOPIG = 2025

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


class NepCBS:
    """`storingen[(route, skip)]`: storingen voor opeenvolgende verzoeken op die pagina: '500',
    '429', '429raar', 'timeout', 'afgekapt', 'schema', '404'. `altijd[route]`: bij elk verzoek.
    `kubus[tabel]`: een functie die de rijen van die Iv3-tabel geeft (zie `kubus_uit`: echte
    cijfers, in de tests en in tools/meet_ophalen.py op ware grootte)."""

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

        tabellen = tomllib.loads(PRODUCTIE.read_text(encoding="utf-8"))["kerncijfers"]["tabellen"]
        self.kwb = {t: int(j) for j, t in tabellen.items()}  # tabel → jaar, uit de productielijst
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

    def _kwb_kolommen(self, jaar: int) -> list[str]:
        return ["ID", "WijkenEnBuurten", "Gemeentenaam_1", "SoortRegio_2", "AantalInwoners_5",
                "Mannen_6", f"PersonenPerSoortUitkeringBijstand_{KWB_BIJSTAND[jaar]}",
                f"HuishoudensMetEenLaagInkomen_{KWB_BIJSTAND[jaar] - 10}"]  # fmt: skip

    def _kwb(self, tabel: str):
        jaar = self.kwb[tabel]
        bijstand = f"PersonenPerSoortUitkeringBijstand_{KWB_BIJSTAND[jaar]}"
        i = 0
        regio = [("NL00", "Nederland", "Land   ", 17_942_942)]
        for gm, n in INWONERS.items():
            regio += [(gm, GEMEENTEN[gm][0], "Gemeente", n), (f"WK{gm[2:]}01", GEMEENTEN[gm][0], "Wijk   ", n // 10)]
            regio.append((f"BU{gm[2:]}0101", GEMEENTEN[gm][0], "Buurt  ", n // 100))
        for code, naam, soort, n in regio:
            aantal = round(n * (0.02 + 0.001 * (jaar - 2017)))
            if soort.startswith("Buurt"):
                aantal = 5 * round(aantal / 5)
            yield {
                "ID": i,
                "WijkenEnBuurten": code.ljust(10),
                "Gemeentenaam_1": naam.ljust(40),
                "SoortRegio_2": soort,
                "AantalInwoners_5": n + jaar - 2017,
                "Mannen_6": n // 2,
                bijstand: None if jaar == KWB_VOORLOPIG else aantal,
                f"HuishoudensMetEenLaagInkomen_{KWB_BIJSTAND[jaar] - 10}": None if jaar == KWB_VOORLOPIG else 8.1,
            }
            i += 1

    def _rijen(self, route: str):
        if route in self.iv3_jaren.values():
            return self._iv3_kubus(route)
        if route in self.kwb:
            return self._kwb(route)
        if route == "03759ned":
            return self._inwoners()
        if route in CPI:
            return self._cpi(route)
        if route.endswith("NED"):
            return self._gebieden()
        return None

    def _tabelinfo(self, route: str) -> dict:
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
                route = stukken[2] if deel.path.startswith(("/dd/", "/od/")) else deel.path
                eind = stukken[3] if len(stukken) > 3 and deel.path.startswith(("/dd/", "/od/")) else ""
                if route == "/pdok/items":
                    route = f"pdok{q.get('jaarcode')}"
                    skip = int(q.get("offset", 0))
                nep.log.append((route if eind != "TableInfos" else f"{route}/TableInfos", q.get("$filter", ""), skip))
                nep.select_log.append(q.get("$select", ""))
                if eind == "DataProperties" and route in nep.kwb:  # de kolommen met hun nummer van dit jaar
                    data = {
                        "odata.metadata": f"{nep.basis}/{route}/$metadata#Cbs.OData.WebAPI.DataProperties",
                        "value": [
                            {"ID": n, "Position": n, "ParentID": None, "Type": "Topic", "Key": k, "Title": k}
                            for n, k in enumerate(nep._kwb_kolommen(nep.kwb[route])[1:])
                        ],
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
                storing = nep.altijd.get(route) or (
                    nep.storingen[(route, skip)].pop(0) if nep.storingen[(route, skip)] else None
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
                    return self._pdok(q, deel, skip, storing)
                try:
                    pagina, meer = nep._pagina(route, q.get("$filter", ""), q.get("$select", ""), skip)
                except FilterFout as e:
                    fout = {"odata.error": {"code": "", "message": {"lang": "en-US", "value": str(e)}}}
                    return self._stuur(400, json.dumps(fout).encode())
                if pagina is None:
                    return self._stuur(404, b"{}")
                if storing == "schema":
                    pagina = [{("Gemeente" if k == "Gemeenten" else k): v for k, v in r.items()} for r in pagina]
                metadata = f"{nep.basis}/{route}/$metadata#Cbs.OData.WebAPI.TypedDataSet"
                if q.get("$select"):
                    metadata += f"&$select={q['$select']}"
                data = {"odata.metadata": metadata, "value": pagina}
                if meer:
                    data["odata.nextLink"] = f"{nep.basis}{deel.path}?" + urlencode(
                        {**q, "$skip": skip + nep.paginagrootte}, quote_via=quote
                    )
                self._stuur(200, json.dumps(data).encode(), afkappen=storing == "afgekapt")

            def _pdok(self, q, deel, offset, storing):
                limiet = int(q.get("limit", 10))
                alles = list(nep._grenzen())
                pagina = alles[offset : offset + limiet]
                kop = {"Content-Crs": "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>"}
                if q.get("crs"):  # RD New: meters, geen graden
                    kop = {"Content-Crs": f"<{q['crs']}>"}
                    pagina = [
                        {
                            **f,
                            "geometry": {
                                "type": "Polygon",
                                "coordinates": [
                                    [
                                        [121_000 + 1000 * x, 487_000 + 1000 * y]
                                        for x, y in f["geometry"]["coordinates"][0]
                                    ]
                                ],
                            },
                        }
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
