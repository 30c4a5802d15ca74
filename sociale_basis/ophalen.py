"""`sociale-basis ophalen`: de nieuwste gegevens rechtstreeks bij CBS (OData) en PDOK.

Drie fasen, zodat een mislukte ophaling de opslag nooit half bijwerkt:
1. **downloaden** — elke tabel pagina voor pagina (`odata.nextLink`), met herhalen bij tijdelijke
   fouten (exponentieel wachten met jitter, `Retry-After` bij 429); elke volledige pagina komt
   in een cachemap, zodat een onderbroken ophaling verdergaat waar hij stopte;
2. **omzetten** — naar de bestandsvormen die de importer al kent (CBS-ruw, gemeentelijst,
   inwoners, CPI, GeoJSON), met controle op de vorm van elke tabel;
3. **importeren** — alles in één transactie via `importer.voer_in`, pas als alles binnen is.

Tabel-id's en adressen staan in `data/cbs_bronnen.toml`.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import random
import re
import shutil
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pandas as pd

from . import fmt, importer
from .importer import Melder, Stap, Verslag
from .sources import geo, gemeenten, iv3, prijzen
from .sources.lezen import GM_CODE, InvoerFout, Lading, NaamZoeker, sha256
from .store import ROOT, Store

# Een andere bronnenlijst of cachemap (bv. een spiegel van CBS, of de nagebootste server in de
# tests) gaat via de omgeving, zodat ook de knop in het dashboard ze gebruikt.
STANDAARD_BRONNEN = ROOT / "data" / "cbs_bronnen.toml"
STANDAARD_CACHE = ROOT / ".cache" / "ophalen"


def bronnenlijst() -> Path:
    return Path(os.environ.get("SOCIALE_BASIS_CBS_BRONNEN") or STANDAARD_BRONNEN)


def cachemap() -> Path:
    return Path(os.environ.get("SOCIALE_BASIS_CACHE") or STANDAARD_CACHE)
CACHE_GELDIG_DAGEN = 7  # oudere halve downloads beginnen opnieuw: CBS kan intussen herzien hebben


class OphaalFout(Exception):
    """Ophalen mislukt; de opslag is niet veranderd."""


# -- instellingen ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Bronnen:
    iv3_basis: str
    iv3_filter: str
    iv3_tabellen: dict[int, str]
    gebieden_basis: str
    gebieden_tabellen: dict[int, str]
    inwoners_basis: str
    inwoners_tabel: str
    inwoners_filter: str
    inwoners_kolom: str
    inwoners_jaren: list[int]
    cpi_basis: str
    cpi_tabel: str
    cpi_filter: str
    cpi_kolom: str
    grenzen_url: str
    grenzen_jaren: list[int]


def laad_bronnen(pad: Path | None = None) -> Bronnen:
    pad = pad or bronnenlijst()
    try:
        c = tomllib.loads(Path(pad).read_text(encoding="utf-8"))
        return Bronnen(
            iv3_basis=c["iv3"]["basis"], iv3_filter=c["iv3"]["filter"],
            iv3_tabellen={int(j): t for j, t in c["iv3"]["tabellen"].items()},
            gebieden_basis=c["gebieden"]["basis"],
            gebieden_tabellen={int(j): t for j, t in c["gebieden"]["tabellen"].items()},
            inwoners_basis=c["inwoners"]["basis"], inwoners_tabel=c["inwoners"]["tabel"],
            inwoners_filter=c["inwoners"]["filter"], inwoners_kolom=c["inwoners"]["kolom"],
            inwoners_jaren=[int(j) for j in c["inwoners"]["jaren"]],
            cpi_basis=c["cpi"]["basis"], cpi_tabel=c["cpi"]["tabel"], cpi_filter=c["cpi"]["filter"],
            cpi_kolom=c["cpi"]["kolom"],
            grenzen_url=c["grenzen"]["url"], grenzen_jaren=[int(j) for j in c["grenzen"]["jaren"]],
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValueError) as e:
        raise OphaalFout(f"De bronnenlijst {pad} is onleesbaar of onvolledig ({type(e).__name__}: {e}).") from e


# -- HTTP met herhalen en hervatten ------------------------------------------------------------
@dataclass
class Client:
    """Haalt JSON-pagina's op met herhalen, en bewaart volledige pagina's in `cache` om te hervatten."""

    cache: Path
    pogingen: int = 6
    basis_wacht: float = 1.0      # seconden; verdubbelt per poging
    max_wacht: float = 60.0
    timeout: float = 60.0
    slaap: Callable[[float], None] = time.sleep
    meld: Callable[[str], None] = lambda _t: None
    verzoeken: int = 0            # aantal HTTP-verzoeken (voor het verslag en de tests)
    _http: httpx.Client | None = field(default=None, repr=False)

    def __post_init__(self):
        self._http = httpx.Client(timeout=httpx.Timeout(self.timeout), follow_redirects=True,
                                  headers={"Accept": "application/json",
                                           "User-Agent": "sociale-basis (ophalen; +https://github.com)"})

    def sluit(self) -> None:
        self._http.close()

    def _wacht(self, poging: int, antwoord: httpx.Response | None) -> float:
        if antwoord is not None and (na := antwoord.headers.get("Retry-After")):
            seconden = _retry_after(na)
            if seconden is not None:
                return min(max(seconden, 0.0), self.max_wacht)
        # Exponentieel met "full jitter": gelijktijdige clients lopen elkaar niet in de pas.
        return random.uniform(0.5, 1.0) * min(self.max_wacht, self.basis_wacht * 2 ** poging)

    def json(self, url: str, wat: str) -> dict:
        laatste = ""
        for poging in range(self.pogingen):
            antwoord = None
            try:
                self.verzoeken += 1
                antwoord = self._http.get(url)
                if antwoord.status_code == 200:
                    return antwoord.json()
                if antwoord.status_code != 429 and antwoord.status_code < 500:
                    raise OphaalFout(f"{wat}: de server antwoordt {antwoord.status_code} "
                                     f"({antwoord.reason_phrase}) op {url}. Klopt het tabel-id in "
                                     "data/cbs_bronnen.toml?")
                laatste = f"HTTP {antwoord.status_code}"
            except httpx.TimeoutException:
                laatste = f"geen antwoord binnen {self.timeout:g} s"
            except (httpx.TransportError, httpx.DecodingError) as e:
                laatste = f"verbinding verbroken of onvolledig antwoord ({type(e).__name__})"
            except json.JSONDecodeError:
                laatste = "onvolledig of ongeldig JSON-antwoord"
            except httpx.HTTPError as e:  # bv. te veel doorverwijzingen: herhalen helpt niet
                raise OphaalFout(f"{wat}: {type(e).__name__} bij {url} ({e}).") from e
            if poging + 1 < self.pogingen:
                wacht = self._wacht(poging, antwoord)
                self.meld(f"{wat}: {laatste}; opnieuw over {wacht:.1f} s (poging {poging + 2} van {self.pogingen})")
                self.slaap(wacht)
        raise OphaalFout(f"{wat}: {laatste}, ook na {self.pogingen} pogingen. Controleer de internetverbinding "
                         "en probeer het later opnieuw; wat al binnen is, wordt dan niet opnieuw gehaald.")

    def alle_paginas(self, sleutel: str, url: str, wat: str, volgende: Callable[[dict], str | None],
                     rijen: Callable[[dict], list],
                     controle: Callable[[list], None] = lambda _r: None) -> list[dict]:
        """Alle rijen van een gepagineerde bron. Elke volledige én gecontroleerde pagina staat in de
        cache; een herstart leest die en vraagt alleen wat nog ontbreekt. Een cachepagina die bij
        een ander adres hoort (andere bronnenlijst of filter), telt niet: dan begint de reeks opnieuw."""
        map_ = self.cache / "paginas" / re.sub(r"[^A-Za-z0-9_.-]", "_", sleutel)
        map_.mkdir(parents=True, exist_ok=True)
        uit: list[dict] = []
        volgnummer = 0
        while url:
            volgnummer += 1
            bestand = map_ / f"{volgnummer:05d}.json"
            pagina = json.loads(bestand.read_text(encoding="utf-8")) if bestand.is_file() else None
            if pagina is not None and pagina.get("url") != url:
                for oud in map_.glob("*.json"):
                    oud.unlink()
                pagina = None
            if pagina is None:
                data = self.json(url, f"{wat} (pagina {volgnummer})")
                if not isinstance(data, dict) or not isinstance(rijen(data), list):
                    raise OphaalFout(f"{wat}: het antwoord heeft niet de verwachte vorm (geen lijst 'value' "
                                     "of 'features'); de bron is mogelijk veranderd.")
                controle(rijen(data))  # een pagina van de verkeerde vorm komt nooit in de cache
                pagina = {"url": url, "rijen": rijen(data), "volgende": volgende(data)}
                tijdelijk = bestand.with_suffix(".tmp")
                tijdelijk.write_text(json.dumps(pagina), encoding="utf-8")
                tijdelijk.replace(bestand)  # nooit een halve pagina in de cache
            uit.extend(pagina["rijen"])
            url = pagina["volgende"]
        return uit


def _retry_after(waarde: str) -> float | None:
    """Seconden uit een Retry-After-kop (getal of HTTP-datum); None als hij onleesbaar is."""
    try:
        return float(waarde)
    except ValueError:
        pass
    try:
        datum = email.utils.parsedate_to_datetime(waarde)
    except (TypeError, ValueError):
        return None
    if datum.tzinfo is None:
        datum = datum.replace(tzinfo=UTC)
    return (datum - datetime.now(UTC)).total_seconds()


def _odata_volgende(data: dict) -> str | None:
    link = data.get("odata.nextLink")
    if link and "$format=" not in link:
        link += ("&" if "?" in link else "?") + "$format=json"
    return link


def _odata_rijen(data: dict):
    return data.get("value")


def _geo_volgende(data: dict) -> str | None:
    return next((lnk.get("href") for lnk in data.get("links", []) if lnk.get("rel") == "next"), None)


def _geo_rijen(data: dict):
    return data.get("features")


def _odata_url(basis: str, tabel: str, filter_: str | None = None) -> str:
    params = {"$format": "json"}
    if filter_:
        params["$filter"] = filter_
    return str(httpx.URL(f"{basis.rstrip('/')}/{tabel}/TypedDataSet", params=params))


def _vereist(rijen: list[dict], kolommen: list[str], wat: str) -> None:
    if rijen:
        ontbreekt = [k for k in kolommen if k not in rijen[0]]
        if ontbreekt:
            raise OphaalFout(f"{wat}: kolom(men) {', '.join(ontbreekt)} ontbreken; gevonden: "
                             f"{', '.join(rijen[0])}. De tabel is van vorm veranderd; pas "
                             "data/cbs_bronnen.toml aan of meld het.")


def _strip(w) -> str:
    return "" if w is None else str(w).strip()


# -- per bron: downloaden en omzetten naar een bekend bestandsformaat ------------------------------
@dataclass
class Opgehaald:
    """Wat binnen is: importstappen over bestanden in de cachemap `map_`, en opmerkingen."""

    map_: Path
    stappen: list[Stap] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    verzoeken: int = 0


def _stap(bestand: Path, soort: str, omschrijving: str, lees: Callable[[Path, NaamZoeker], Lading]) -> Stap:
    # De sleutel in import_log is de vaste bestandsnaam in de cache: dezelfde inhoud = overslaan.
    # De lezers krijgen wat ze ook bij een gewone import krijgen: de namenzoeker uit de context.
    return Stap(f"ophalen/{bestand.name}", bestand.name, soort, omschrijving, sha256(bestand),
                lambda context, p=bestand: lees(p, context.namen))


IV3_KOLOMMEN = ["Gemeenten", "TaakveldBalanspost", "Categorie", "Verslagsoort"]


def _iv3(client: Client, b: Bronnen, map_: Path, uit: Opgehaald, meld: Callable[[str], None]) -> None:
    for jaar, tabel in sorted(b.iv3_tabellen.items()):
        for code, document in iv3.VERSLAGSOORT.items():
            verslagsoort = f"{jaar}X{code}"
            wat = f"Iv3 {document} {jaar} (CBS {tabel})"
            meld(f"{wat} ophalen…")
            rijen = client.alle_paginas(f"iv3_{tabel}_{verslagsoort}",
                                        _odata_url(b.iv3_basis, tabel, b.iv3_filter.format(verslagsoort=verslagsoort)),
                                        wat, _odata_volgende, _odata_rijen,
                                        lambda r, w=wat: _vereist(r, IV3_KOLOMMEN, w))
            if not rijen:
                uit.opmerkingen.append(f"{wat}: nog niet gepubliceerd (0 rijen).")
                continue
            _vereist(rijen, IV3_KOLOMMEN, wat)
            waarde = [k for k in ("k_2ePlaatsing_2", "k_1ePlaatsing_1") if k in rijen[0]]
            if not waarde:
                _vereist(rijen, ["k_2ePlaatsing_2"], wat)
            df = pd.DataFrame(rijen, columns=["Gemeenten", "TaakveldBalanspost", "Categorie", "Verslagsoort",
                                              *waarde]).map(_strip)
            vreemd = df.loc[df["Verslagsoort"] != verslagsoort, "Verslagsoort"]
            if not vreemd.empty:
                raise OphaalFout(f"{wat}: de server gaf ook regels van verslagsoort '{vreemd.iloc[0]}'; "
                                 "het filter in data/cbs_bronnen.toml werkt niet zoals verwacht.")
            df = df[df["Gemeenten"].str.match(GM_CODE.pattern)]
            bestand = map_ / f"iv3_cbs_{verslagsoort}.csv"
            df.to_csv(bestand, index=False)
            uit.stappen.append(_stap(bestand, "cbs_iv3", wat, _lees_iv3_vervangend))
            meld(f"{wat}: {fmt.getal(len(df))} regels, {df['Gemeenten'].nunique()} gemeenten")


def _lees_iv3_vervangend(pad: Path, namen: NaamZoeker) -> Lading:
    """De volledige CBS-tabel vervangt per gemeente, jaar en document de afgeleide bronnen (bv. de
    lastenreeks van een eerdere extractie): CBS kan intussen hebben herzien, en twee bronnen die
    elkaar tegenspreken zouden de import terecht weigeren."""
    lading = iv3.lees_cbs_ruw(pad, namen)
    bedragen = lading.tabellen["iv3_bedrag"]
    sleutels = bedragen[["bron", "jaar", "document", "gm_code"]].drop_duplicates()
    lading.tabellen = {"iv3_vervang": sleutels, **lading.tabellen}
    return lading


def _gebieden(client: Client, b: Bronnen, map_: Path, uit: Opgehaald, meld: Callable[[str], None]) -> None:
    regels = []
    for jaar, tabel in sorted(b.gebieden_tabellen.items()):
        wat = f"gemeentelijst {jaar} (CBS {tabel})"
        meld(f"{wat} ophalen…")
        rijen = client.alle_paginas(f"gebieden_{tabel}", _odata_url(b.gebieden_basis, tabel), wat,
                                    _odata_volgende, _odata_rijen)
        if not rijen:
            raise OphaalFout(f"{wat}: de tabel is leeg.")
        df = pd.DataFrame(rijen).map(_strip)
        code = next((k for k in df.columns if k.startswith("Code_") and df[k].str.match(GM_CODE.pattern).all()), None)
        if code is None:
            raise OphaalFout(f"{wat}: geen kolom Code_… met GM-codes gevonden; de tabel is van vorm veranderd.")
        naam = f"Naam_{int(code.split('_')[1]) + 1}"
        _vereist(rijen, [naam], wat)
        pv = next((k for k in df.columns if k.startswith("Code_") and df[k].str.match(r"^PV\d\d$").all()), None)
        pv_naam = f"Naam_{int(pv.split('_')[1]) + 1}" if pv else None
        for r in df.itertuples(index=False):
            rij = r._asdict()
            regels.append({"jaar": jaar, "gm_code": rij[code], "gm_naam": rij[naam],
                           "prv_code": rij[pv][2:] if pv else "", "provincie": rij.get(pv_naam, "") if pv else ""})
    bestand = map_ / "gemeenten_per_jaar_cbs.csv"
    pd.DataFrame(regels, columns=gemeenten.KOLOMMEN_LIJST).to_csv(bestand, index=False)
    uit.stappen.append(_stap(bestand, "cbs_gebieden", "gemeentelijsten per jaar (CBS)",
                             gemeenten.lees_lijst))


def _inwoners(client: Client, b: Bronnen, map_: Path, uit: Opgehaald, meld: Callable[[str], None]) -> None:
    regels = []
    for jaar in b.inwoners_jaren:
        wat = f"inwoners 1 januari {jaar} (CBS {b.inwoners_tabel})"
        meld(f"{wat} ophalen…")
        rijen = client.alle_paginas(f"inwoners_{b.inwoners_tabel}_{jaar}",
                                    _odata_url(b.inwoners_basis, b.inwoners_tabel, b.inwoners_filter.format(jaar=jaar)),
                                    wat, _odata_volgende, _odata_rijen,
                                    lambda r, w=wat: _vereist(r, ["RegioS", b.inwoners_kolom], w))
        if not rijen:
            uit.opmerkingen.append(f"{wat}: nog niet gepubliceerd (0 rijen).")
            continue
        _vereist(rijen, ["RegioS", b.inwoners_kolom], wat)
        for r in rijen:
            if GM_CODE.match(_strip(r["RegioS"])) and r[b.inwoners_kolom] is not None:
                regels.append({"jaar": jaar, "gm_code": _strip(r["RegioS"]),
                               "aantal_inwoners": int(r[b.inwoners_kolom])})
    if regels:
        bestand = map_ / "inwoners_cbs.csv"
        pd.DataFrame(regels).to_csv(bestand, index=False)
        uit.stappen.append(_stap(bestand, "cbs_inwoners", "inwoners op 1 januari (CBS)",
                                 gemeenten.lees_inwoners))


def _cpi(client: Client, b: Bronnen, map_: Path, uit: Opgehaald, meld: Callable[[str], None]) -> None:
    wat = f"consumentenprijsindex (CBS {b.cpi_tabel})"
    meld(f"{wat} ophalen…")
    rijen = client.alle_paginas(f"cpi_{b.cpi_tabel}", _odata_url(b.cpi_basis, b.cpi_tabel, b.cpi_filter), wat,
                                _odata_volgende, _odata_rijen, lambda r: _vereist(r, ["Perioden", b.cpi_kolom], wat))
    _vereist(rijen, ["Perioden", b.cpi_kolom], wat)
    # In de StatLine-exportvorm die prijzen.lees_statline al leest (en controleert).
    regels = ['"Consumentenprijzen; prijsindex 2015=100"', '"Perioden";"CPI"']
    for r in rijen:
        if (m := re.fullmatch(r"(\d{4})JJ00", _strip(r["Perioden"]))) and r[b.cpi_kolom] is not None:
            regels.append(f'"{m.group(1)}";"{str(r[b.cpi_kolom]).replace(".", ",")}"')
    if len(regels) == 2:
        raise OphaalFout(f"{wat}: geen jaarcijfers (Perioden als 2024JJ00) in het antwoord.")
    bestand = map_ / "cpi_83131NED.csv"
    bestand.write_text("\n".join(regels) + "\n", encoding="utf-8")
    uit.stappen.append(_stap(bestand, "cbs_cpi", wat, prijzen.lees_statline))


def _grenzen(client: Client, b: Bronnen, map_: Path, uit: Opgehaald, meld: Callable[[str], None]) -> None:
    """Grenzen zijn niet verplicht: een onbereikbare PDOK laat de bestaande grenzen staan."""
    for jaar in b.grenzen_jaren:
        wat = f"gemeentegrenzen {jaar} (PDOK)"
        meld(f"{wat} ophalen…")
        try:
            features = client.alle_paginas(f"grenzen_{jaar}", b.grenzen_url.format(jaar=jaar), wat,
                                           _geo_volgende, _geo_rijen)
        except OphaalFout as e:
            uit.opmerkingen.append(f"{wat} niet bijgewerkt: {e}")
            continue
        if not features:
            uit.opmerkingen.append(f"{wat}: geen grenzen voor dit jaar.")
            continue
        bestand = map_ / f"gemeenten_{jaar}_pdok.geojson"
        bestand.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
        uit.stappen.append(_stap(bestand, "pdok_grenzen", wat, geo.lees))


ONDERDELEN = {"gemeenten": _gebieden, "inwoners": _inwoners, "cpi": _cpi, "iv3": _iv3, "grenzen": _grenzen}


def _cache_map(cache: Path, b: Bronnen, onderdelen: list[str]) -> Path:
    """Eén cachemap per vraag (bronnenlijst + onderdelen); te oud = opnieuw beginnen."""
    vingerafdruk = hashlib.sha256(json.dumps([repr(b), onderdelen]).encode()).hexdigest()[:12]
    map_ = cache / vingerafdruk
    begonnen = map_ / "begonnen"
    if begonnen.is_file():
        leeftijd = time.time() - float(begonnen.read_text())
        if leeftijd > CACHE_GELDIG_DAGEN * 86400:
            shutil.rmtree(map_)
    map_.mkdir(parents=True, exist_ok=True)
    if not begonnen.is_file():
        begonnen.write_text(str(time.time()))
    return map_


@dataclass
class Ophaalverslag:
    verslag: Verslag
    opmerkingen: list[str]
    verzoeken: int
    seconden: float


def download(bronnen: Bronnen | None = None, *, cache: Path | None = None,
             onderdelen: list[str] | None = None, meld: Melder = importer._stil,
             client_opties: dict | None = None) -> Opgehaald:
    """Fase 1 en 2: alles downloaden (met hervatten) en omzetten; raakt de opslag niet aan."""
    bronnen = bronnen or laad_bronnen()
    onderdelen = onderdelen or list(ONDERDELEN)
    onbekend = set(onderdelen) - set(ONDERDELEN)
    if onbekend:
        raise OphaalFout(f"Onbekend onderdeel {', '.join(sorted(onbekend))}; kies uit {', '.join(ONDERDELEN)}.")
    map_ = _cache_map(Path(cache or cachemap()), bronnen, onderdelen)
    bestanden = map_ / "bestanden"
    bestanden.mkdir(exist_ok=True)
    opgehaald = Opgehaald(map_=map_)
    klaar = 0

    def tekst(t: str) -> None:
        meld(t, klaar / len(onderdelen))

    client = Client(map_, meld=tekst, **(client_opties or {}))
    try:
        for naam in onderdelen:
            ONDERDELEN[naam](client, bronnen, bestanden, opgehaald, tekst)
            klaar += 1
    finally:
        client.sluit()
        opgehaald.verzoeken = client.verzoeken
    if not opgehaald.stappen:
        raise OphaalFout("Er is niets opgehaald: " + " ".join(opgehaald.opmerkingen))
    return opgehaald


def importeer(store: Store, opgehaald: Opgehaald, meld: Melder = importer._stil) -> Verslag:
    """Fase 3: alles in één transactie; daarna is de cache niet meer nodig."""
    try:
        verslag = importer.voer_in(store, opgehaald.stappen, meld)
    except InvoerFout:
        # De inhoud zelf is ongeldig: opnieuw proberen met dezelfde pagina's helpt niet, dus de
        # volgende ophaling begint vers (de opslag is door de rollback niet veranderd).
        shutil.rmtree(opgehaald.map_, ignore_errors=True)
        raise
    shutil.rmtree(opgehaald.map_, ignore_errors=True)
    return verslag


def ophaal(store: Store, bronnen: Bronnen | None = None, *, cache: Path | None = None,
           onderdelen: list[str] | None = None, meld: Melder = importer._stil,
           client_opties: dict | None = None) -> Ophaalverslag:
    """Haal alles op en importeer het in één transactie. Faalt met OphaalFout (of InvoerFout
    voor ongeldige inhoud) zonder de opslag te veranderen; de cache blijft dan staan om te hervatten."""
    start = time.perf_counter()
    # Downloaden telt als de eerste helft van de voortgang, importeren als de tweede.
    opgehaald = download(bronnen, cache=cache, onderdelen=onderdelen, meld=lambda t, f: meld(t, 0.5 * f),
                         client_opties=client_opties)
    verslag = importeer(store, opgehaald, lambda t, f: meld(t, 0.5 + 0.5 * f))
    return Ophaalverslag(verslag, opgehaald.opmerkingen, opgehaald.verzoeken, time.perf_counter() - start)
