"""Een kleine nagebootste CBS/PDOK-server op 127.0.0.1 voor de ophaaltests: antwoorden in de echte
OData v3-vorm (`odata.metadata`, `value`, `odata.nextLink` met `$skiptoken`, sleutels met spaties
opgevuld) en PDOK's OGC API (`features`, `links` rel=next), met storingen op bestelling."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlencode, urlsplit

GEMEENTEN = {"GM0363": ("Amsterdam", "PV27", "Noord-Holland"),
             "GM0014": ("Groningen", "PV20", "Groningen"),
             "GM0599": ("Rotterdam", "PV28", "Zuid-Holland")}
INWONERS = {"GM0363": 931_298, "GM0014": 238_147, "GM0599": 670_610}

# (taakveld, categorie, waarde in € 1.000) per gemeente; 6.1 heeft lasten en baten.
IV3_REGELS = [("0.1", "L1.1", 5000), ("0.10", "L7.5", 100), ("6.1", "L1.1", 120), ("6.1", "L4.2", 300),
              ("6.1", "L3.4.1", 80), ("6.1", "B4.3.1", 150), ("7.1", "L3.4.1", 200),
              ("6.73a", "L3.4.1", 400), ("6.81a", "L4.3.3", 250), ("A1", "Primo", 9999)]


def _pad(code: str, breedte: int) -> str:
    return code.ljust(breedte)  # CBS vult sleutels op met spaties


class NepCBS:
    """`storingen[(route, skiptoken)]` is een lijst storingen die op opeenvolgende verzoeken worden
    toegepast: '500', '429', 'timeout', 'afgekapt', 'schema', '404'."""

    def __init__(self, paginagrootte: int = 7, timeout_seconden: float = 1.5):
        self.paginagrootte = paginagrootte
        self.timeout_seconden = timeout_seconden
        self.storingen: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.altijd: dict[str, str] = {}           # route → storing bij elk verzoek
        self.log: list[tuple[str, str, int]] = []  # (route, filter, skiptoken) per verzoek
        self.iv3_jaren = {2023: "45063NED"}
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
    def _iv3(self, tabel: str, filter_: str) -> list[dict]:
        jaar = next(j for j, t in self.iv3_jaren.items() if t == tabel)
        rijen = []
        for code, document in (("000", "begroting"), ("005", "jaarrekening")):
            soort = f"{jaar}X{code}"
            if soort not in filter_:
                continue
            for gm in GEMEENTEN:
                for taakveld, categorie, waarde in IV3_REGELS:
                    factor = 2 if document == "jaarrekening" else 1
                    rijen.append({"ID": len(rijen), "Gemeenten": _pad(gm, 9), "TaakveldBalanspost": _pad(taakveld, 6),
                                  "Categorie": _pad(categorie, 8), "Verslagsoort": soort,
                                  "k_1ePlaatsing_1": waarde * factor, "k_2ePlaatsing_2": waarde * factor})
        return rijen

    def _gebieden(self) -> list[dict]:
        return [{"ID": i, "RegioS": gm, "Code_1": _pad(gm, 10), "Naam_2": _pad(naam, 40),
                 "Code_28": _pad(pv, 10), "Naam_29": _pad(prov, 40)}
                for i, (gm, (naam, pv, prov)) in enumerate(GEMEENTEN.items())]

    def _inwoners(self, filter_: str) -> list[dict]:
        jaar = int(filter_.split("Perioden eq '")[1][:4])
        return [{"ID": i, "Geslacht": "T001038", "Leeftijd": "10000", "BurgerlijkeStaat": "T001019",
                 "RegioS": gm, "Perioden": f"{jaar}JJ00", "BevolkingOp1Januari_1": n}
                for i, (gm, n) in enumerate(INWONERS.items())] + [
                {"ID": 9, "RegioS": "NL01  ", "Perioden": f"{jaar}JJ00", "BevolkingOp1Januari_1": 17_000_000}]

    def _cpi(self) -> list[dict]:
        return [{"ID": i, "Bestedingscategorieen": "T001112  ", "Perioden": p, "CPI_1": c}
                for i, (p, c) in enumerate([("2023JJ00", 128.2), ("2024JJ00", 132.7), ("2024MM01", 131.0)])]

    def _grenzen(self) -> list[dict]:
        return [{"type": "Feature", "id": i, "properties": {"statcode": gm, "statnaam": naam, "jaarcode": 2023},
                 "geometry": {"type": "Polygon", "coordinates": [[[4.8 + i, 52.3], [4.9 + i, 52.3], [4.9 + i, 52.4],
                                                                   [4.8 + i, 52.3]]]}}
                for i, (gm, (naam, _, _)) in enumerate(GEMEENTEN.items())]

    # -- HTTP -------------------------------------------------------------------------------
    def _handler(self):
        nep = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # stil in de testuitvoer
                pass

            def _stuur(self, status: int, lichaam: bytes, kop: dict | None = None, afkappen: bool = False):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(lichaam)))
                for k, v in (kop or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(lichaam[: len(lichaam) // 2] if afkappen else lichaam)
                if afkappen:
                    self.wfile.flush()
                    self.close_connection = True

            def do_GET(self):  # noqa: N802 (naam van http.server)
                deel = urlsplit(self.path)
                q = {k: v[0] for k, v in parse_qs(deel.query).items()}
                skip = int(q.get("$skiptoken", 0))
                route = deel.path.split("/")[2] if deel.path.startswith(("/dd/", "/od/")) else deel.path
                if route == "/pdok/items":
                    route = f"pdok{q.get('jaarcode')}"
                nep.log.append((route, q.get("$filter", ""), skip))
                storing = nep.altijd.get(route) or (nep.storingen[(route, skip)].pop(0)
                                                    if nep.storingen[(route, skip)] else None)
                if storing == "500":
                    return self._stuur(500, b'{"odata.error": {"message": {"value": "Interne fout"}}}')
                if storing == "429":
                    return self._stuur(429, b"{}", {"Retry-After": "2"})
                if storing == "429raar":
                    return self._stuur(429, b"{}", {"Retry-After": "over een tijdje"})
                if storing == "404":
                    return self._stuur(404, b"{}")
                if storing == "timeout":
                    time.sleep(nep.timeout_seconden)
                filter_ = q.get("$filter", "")
                if route.startswith("pdok"):
                    alles = nep._grenzen()
                elif route in nep.iv3_jaren.values():
                    alles = nep._iv3(route, filter_)
                elif route == "03759ned":
                    alles = nep._inwoners(filter_)
                elif route == "83131NED":
                    alles = nep._cpi()
                elif route.endswith("NED"):
                    alles = nep._gebieden()
                else:
                    return self._stuur(404, b"{}")
                pagina = alles[skip: skip + nep.paginagrootte]
                if storing == "schema":
                    pagina = [{("Gemeente" if k == "Gemeenten" else k): v for k, v in r.items()} for r in pagina]
                volgende = None
                if skip + nep.paginagrootte < len(alles):
                    volgende = (f"{nep.basis}{deel.path}?"
                                + urlencode({**q, "$skiptoken": skip + nep.paginagrootte}, quote_via=quote))
                if route.startswith("pdok"):
                    data = {"type": "FeatureCollection", "features": pagina,
                            "links": [{"rel": "next", "href": volgende}] if volgende else []}
                else:
                    data = {"odata.metadata": f"{nep.basis}/{route}/$metadata#Cbs.OData.WebAPI.TypedDataSet",
                            "value": pagina}
                    if volgende:
                        data["odata.nextLink"] = volgende
                self._stuur(200, json.dumps(data).encode(), afkappen=storing == "afgekapt")

        return Handler

    def bronnen_toml(self, iv3_jaren: dict[int, str] | None = None) -> str:
        iv3_jaren = iv3_jaren or self.iv3_jaren
        iv3 = "\n".join(f'{j} = "{t}"' for j, t in iv3_jaren.items())
        return f"""
[iv3]
basis = "{self.basis}/dd"
filter = "Verslagsoort eq '{{verslagsoort}}'"
[iv3.tabellen]
{iv3}
[gebieden]
basis = "{self.basis}/od"
[gebieden.tabellen]
2023 = "85385NED"
[inwoners]
basis = "{self.basis}/od"
tabel = "03759ned"
filter = "Perioden eq '{{jaar}}JJ00' and Geslacht eq 'T001038'"
kolom = "BevolkingOp1Januari_1"
jaren = [2023]
[cpi]
basis = "{self.basis}/od"
tabel = "83131NED"
filter = "Bestedingscategorieen eq 'T001112  '"
kolom = "CPI_1"
[grenzen]
url = "{self.basis}/pdok/items?f=json&limit=2&jaarcode={{jaar}}"
jaren = [2023]
"""
