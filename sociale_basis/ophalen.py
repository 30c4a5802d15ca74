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
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import fmt, importer, indicators
from .importer import Melder, Stap, Verslag
from .sources import behoefte, gemeenten, geo, iv3, prijzen
from .sources.lezen import GM_CODE, Lading, NaamZoeker, sha256
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
class CpiTabel:
    tabel: str
    basisjaar: int  # het jaar waarin deze tabel 100 is; gecontroleerd tegen de cijfers zelf


@dataclass(frozen=True)
class Bronnen:
    iv3_basis: str
    iv3_filter: str
    iv3_kolommen: list[str]
    iv3_tabellen: dict[int, str]
    gebieden_basis: str
    gebieden_tabellen: dict[int, str]
    inwoners_basis: str
    inwoners_tabel: str
    inwoners_filter: str
    inwoners_kolom: str
    inwoners_jaren: list[int]
    cpi_basis: str
    cpi_tabellen: list[CpiTabel]
    cpi_filter: str
    cpi_kolom: str
    grenzen_url: str
    grenzen_jaren: list[int]
    kerncijfers_basis: str
    kerncijfers_filter: str
    kerncijfers_kolommen: list[str]
    kerncijfers_tabellen: dict[int, str]

    def beperk(self, jaren: list[int] | None) -> Bronnen:
        """Alleen deze jaren (Iv3, gemeentelijsten, inwoners, grenzen); de CPI blijft een hele reeks."""
        if not jaren:
            return self
        onbekend = sorted(set(jaren) - set(self.iv3_tabellen))
        if onbekend:
            raise OphaalFout(
                f"Geen Iv3-tabel voor {', '.join(map(str, onbekend))} in de bronnenlijst; bekend: "
                f"{', '.join(map(str, sorted(self.iv3_tabellen)))}."
            )
        return replace(
            self,
            iv3_tabellen={j: t for j, t in self.iv3_tabellen.items() if j in jaren},
            gebieden_tabellen={j: t for j, t in self.gebieden_tabellen.items() if j in jaren},
            inwoners_jaren=[j for j in self.inwoners_jaren if j in jaren],
            grenzen_jaren=[j for j in self.grenzen_jaren if j in jaren],
            kerncijfers_tabellen={j: t for j, t in self.kerncijfers_tabellen.items() if j in jaren},
        )


def laad_bronnen(pad: Path | None = None) -> Bronnen:
    pad = pad or bronnenlijst()
    try:
        c = tomllib.loads(Path(pad).read_text(encoding="utf-8"))
        return Bronnen(
            iv3_basis=c["iv3"]["basis"],
            iv3_filter=c["iv3"]["filter"],
            iv3_kolommen=list(c["iv3"]["kolommen"]),
            iv3_tabellen={int(j): t for j, t in c["iv3"]["tabellen"].items()},
            gebieden_basis=c["gebieden"]["basis"],
            gebieden_tabellen={int(j): t for j, t in c["gebieden"]["tabellen"].items()},
            inwoners_basis=c["inwoners"]["basis"],
            inwoners_tabel=c["inwoners"]["tabel"],
            inwoners_filter=c["inwoners"]["filter"],
            inwoners_kolom=c["inwoners"]["kolom"],
            inwoners_jaren=[int(j) for j in c["inwoners"]["jaren"]],
            cpi_basis=c["cpi"]["basis"],
            cpi_tabellen=[CpiTabel(t["tabel"], int(t["basisjaar"])) for t in c["cpi"]["tabellen"]],
            cpi_filter=c["cpi"]["filter"],
            cpi_kolom=c["cpi"]["kolom"],
            grenzen_url=c["grenzen"]["url"],
            grenzen_jaren=[int(j) for j in c["grenzen"]["jaren"]],
            kerncijfers_basis=c["kerncijfers"]["basis"],
            kerncijfers_filter=c["kerncijfers"]["filter"],
            kerncijfers_kolommen=list(c["kerncijfers"]["kolommen"]),
            kerncijfers_tabellen={int(j): t for j, t in c["kerncijfers"]["tabellen"].items()},
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValueError, TypeError) as e:
        raise OphaalFout(f"De bronnenlijst {pad} is onleesbaar of onvolledig ({type(e).__name__}: {e}).") from e


# -- HTTP met herhalen en hervatten ------------------------------------------------------------
@dataclass
class Voortgang:
    """Wat er van één reeks pagina's binnen is, voor de voortgangsregel."""

    wat: str
    paginas: int = 0
    rijen: int = 0
    verwacht: int | None = None  # rijen bij de vorige geslaagde ophaling, als die bekend is
    start: float = field(default_factory=time.perf_counter)

    def tekst(self) -> str:
        verstreken = time.perf_counter() - self.start
        regel = f"{self.wat}: pagina {self.paginas}, {fmt.getal(self.rijen)} regels, {_duur(verstreken)}"
        if self.verwacht and self.rijen and self.rijen < self.verwacht:
            over = verstreken * (self.verwacht - self.rijen) / self.rijen
            regel += f", nog ongeveer {_duur(over)}"
        return regel


def _duur(seconden: float) -> str:
    if seconden < 60:
        return f"{seconden:.0f} s"
    return f"{int(seconden // 60)} min {int(seconden % 60):02d} s"


@dataclass
class Client:
    """Haalt JSON-pagina's op met herhalen, en bewaart elke volledige pagina als eigen bestand in
    `cache`: een herstart gaat verder bij de eerste ontbrekende pagina."""

    cache: Path
    pogingen: int = 6
    basis_wacht: float = 1.0  # seconden; verdubbelt per poging
    max_wacht: float = 60.0
    # Diepe $skip-pagina's van de CBS-feed doen er soms minuten over (cbsodata-issues: "premature
    # EOF", trage pagina's); een ruime leestijd kost niets als de server snel is.
    timeout: float = 300.0
    slaap: Callable[[float], None] = time.sleep
    meld: Callable[[str], None] = lambda _t: None
    verzoeken: int = 0  # aantal HTTP-verzoeken (voor het verslag en de tests)
    _http: httpx.Client | None = field(default=None, repr=False)

    def __post_init__(self):
        self._http = httpx.Client(
            timeout=httpx.Timeout(self.timeout, connect=min(self.timeout, 30.0)),
            follow_redirects=True,
            headers={"Accept": "application/json", "User-Agent": "sociale-basis (ophalen; +https://github.com)"},
        )

    def sluit(self) -> None:
        self._http.close()

    def _wacht(self, poging: int, antwoord: httpx.Response | None) -> float:
        if antwoord is not None and (na := antwoord.headers.get("Retry-After")):
            seconden = _retry_after(na)
            if seconden is not None:
                return min(max(seconden, 0.0), self.max_wacht)
        # Exponentieel met "full jitter": gelijktijdige clients lopen elkaar niet in de pas.
        return random.uniform(0.5, 1.0) * min(self.max_wacht, self.basis_wacht * 2**poging)

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
                    raise OphaalFout(
                        f"{wat}: de server antwoordt {antwoord.status_code} "
                        f"({antwoord.reason_phrase}{_odata_fout(antwoord)}) op {url}. Klopt het "
                        "tabel-id (en het filter) in data/cbs_bronnen.toml?"
                    )
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
        raise OphaalFout(
            f"{wat}: {laatste}, ook na {self.pogingen} pogingen. Controleer de internetverbinding "
            "en probeer het later opnieuw; wat al binnen is, wordt dan niet opnieuw gehaald."
        )

    def paginas(
        self,
        sleutel: str,
        url: str,
        wat: str,
        volgende: Callable[[dict], str | None],
        rijen: Callable[[dict], list],
        controle: Callable[[list], None] = lambda _r: None,
        omzet: Callable[[list[dict]], list[dict]] | None = None,
        verwacht: int | None = None,
    ) -> list[Path]:
        """Alle pagina's van een gepagineerde bron, elk als Parquet-bestand (met `omzet`: alleen wat
        de importer leest, bv. zonder lege cellen) of, zonder `omzet`, als JSON. Elke volledige én
        gecontroleerde pagina staat in de cache; een herstart leest die en vraagt alleen wat nog
        ontbreekt. Een cachepagina die bij een ander adres hoort (andere bronnenlijst of filter),
        telt niet: dan begint de reeks opnieuw. Er staat nooit meer dan één pagina in het geheugen."""
        map_ = self.cache / "paginas" / re.sub(r"[^A-Za-z0-9_.-]", "_", sleutel)
        map_.mkdir(parents=True, exist_ok=True)
        achtervoegsel = ".parquet" if omzet else ".json"
        uit: list[Path] = []
        voortgang = Voortgang(wat, verwacht=verwacht)
        while url:
            bestand = map_ / f"{len(uit) + 1:05d}{achtervoegsel}"
            kop = _lees_kop(bestand)
            if kop is not None and kop["url"] != url:
                for oud in map_.iterdir():
                    oud.unlink()
                kop = None
            if kop is None:
                data = self.json(url, f"{wat} (pagina {len(uit) + 1})")
                if not isinstance(data, dict) or not isinstance(rijen(data), list):
                    raise OphaalFout(
                        f"{wat}: het antwoord heeft niet de verwachte vorm (geen lijst 'value' "
                        "of 'features'); de bron is mogelijk veranderd."
                    )
                controle(rijen(data))  # een pagina van de verkeerde vorm komt nooit in de cache
                kop = {"url": url, "volgende": volgende(data), "rijen": len(rijen(data))}
                _schrijf_pagina(bestand, kop, omzet(rijen(data)) if omzet else rijen(data))
            uit.append(bestand)
            voortgang.paginas += 1
            voortgang.rijen += kop["rijen"]
            self.meld(voortgang.tekst())
            url = kop["volgende"]
        return uit

    def alle_rijen(self, *args, **kw) -> list[dict]:
        """Alle rijen van een kleine bron (gemeentelijst, inwoners, CPI, grenzen) in één lijst."""
        return [r for pad in self.paginas(*args, **kw) for r in lees_pagina(pad)]


def _schrijf_pagina(bestand: Path, kop: dict, rijen: list[dict]) -> None:
    tijdelijk = bestand.with_name(bestand.name + ".tmp")
    if bestand.suffix == ".parquet":
        tabel = pa.Table.from_pylist(rijen) if rijen else pa.table({})
        pq.write_table(tabel.replace_schema_metadata({"pagina": json.dumps(kop)}), tijdelijk, compression="zstd")
    else:
        tijdelijk.write_text(json.dumps({**kop, "waarden": rijen}), encoding="utf-8")
    tijdelijk.replace(bestand)  # nooit een halve pagina in de cache


def _lees_kop(bestand: Path) -> dict | None:
    if not bestand.is_file():
        return None
    if bestand.suffix == ".parquet":
        return json.loads(pq.read_schema(bestand).metadata[b"pagina"])
    pagina = json.loads(bestand.read_text(encoding="utf-8"))
    return {k: pagina[k] for k in ("url", "volgende", "rijen")}


def lees_pagina(bestand: Path) -> list[dict]:
    if bestand.suffix == ".parquet":
        return pq.read_table(bestand).to_pylist()
    return json.loads(bestand.read_text(encoding="utf-8"))["waarden"]


def _odata_fout(antwoord: httpx.Response) -> str:
    """De tekst van een OData-foutmelding (`odata.error.message.value`), als die er is."""
    try:
        return ": " + antwoord.json()["odata.error"]["message"]["value"]
    except (ValueError, KeyError, TypeError):
        return ""


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


def _odata_url(basis: str, tabel: str, filter_: str | None = None, kolommen: list[str] | None = None) -> str:
    params = {"$format": "json"}
    if filter_:
        params["$filter"] = filter_
    if kolommen:
        params["$select"] = ",".join(kolommen)
    return str(httpx.URL(f"{basis.rstrip('/')}/{tabel}/TypedDataSet", params=params))


def _vereist(rijen: list[dict], kolommen: list[str], wat: str) -> None:
    if rijen:
        ontbreekt = [k for k in kolommen if k not in rijen[0]]
        if ontbreekt:
            raise OphaalFout(
                f"{wat}: kolom(men) {', '.join(ontbreekt)} ontbreken; gevonden: "
                f"{', '.join(rijen[0])}. De tabel is van vorm veranderd; pas "
                "data/cbs_bronnen.toml aan of meld het."
            )


def _strip(w) -> str:
    return "" if w is None else str(w).strip()


# -- per bron: downloaden en omzetten naar een bekend bestandsformaat ------------------------------
@dataclass
class Opgehaald:
    """Wat binnen is: importstappen over bestanden in de cachemap `map_`, opmerkingen, en per
    opgehaalde CBS-tabel haar metadata (`herkomst`, komt in de opslag)."""

    map_: Path
    stappen: list[Stap] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    verzoeken: int = 0
    herkomst: list[dict] = field(default_factory=list)
    overgeslagen: list[str] = field(default_factory=list)  # ongewijzigd bij CBS sinds de vorige keer
    gemeenten: dict[int, dict[str, str]] = field(default_factory=dict)  # jaar → {gm_code: naam}


@dataclass(frozen=True)
class Vorige:
    """Wat de opslag weet van eerdere ophalingen: CBS-metadata per (tabel, sleutel), en de
    gemeentelijst per jaar (om niet-aanleveraars te herkennen als de lijst niet mee opgehaald wordt)."""

    herkomst: dict[tuple[str, str], dict] = field(default_factory=dict)
    gemeenten: dict[int, dict[str, str]] = field(default_factory=dict)


def _stap(bestand: Path, soort: str, omschrijving: str, lees: Callable[[Path, NaamZoeker], Lading]) -> Stap:
    # In import_log staat de vaste bestandsnaam in de cache: dezelfde inhoud = overslaan.
    # De lezers krijgen wat ze ook bij een gewone import krijgen: de namenzoeker uit de context.
    return Stap(
        f"ophalen/{bestand.name}",
        bestand.name,
        soort,
        omschrijving,
        sha256(bestand),
        lambda context, p=bestand: lees(p, context.namen),
    )


IV3_DIMENSIES = ["Gemeenten", "TaakveldBalanspost", "Categorie", "Verslagsoort"]
IV3_WAARDEN = ["k_1ePlaatsing_1", "k_2ePlaatsing_2"]
CBS_GEEN_CIJFER = -99998.0  # CBS' code voor "geen cijfer" in een numerieke cel: geen bedrag, geen nul


def _iv3_zonder_lege_cellen(rijen: list[dict]) -> list[dict]:
    """Van een Iv3-pagina alleen de cellen met een bedrag, sleutels zonder opvulspaties. Null en
    -99998 zijn "niet gerapporteerd", geen € 0 (de filter aan de serverkant laat de meeste al weg;
    dit houdt het ook waar als een server de filter negeert)."""
    uit = []
    for r in rijen:
        waarden = {k: (None if r.get(k) == CBS_GEEN_CIJFER else r.get(k)) for k in IV3_WAARDEN}
        if all(w is None for w in waarden.values()):
            continue
        uit.append(
            {
                **{k: _strip(r[k]) for k in IV3_DIMENSIES},
                **{k: (float(w) if w is not None else None) for k, w in waarden.items()},
            }
        )
    return uit


def tabelinfo(client: Client, basis: str, tabel: str, wat: str) -> dict:
    """De metadata van een CBS-tabel (`TableInfos`: Modified, Period, Title), zoals cbsodata die leest."""
    data = client.json(
        str(httpx.URL(f"{basis.rstrip('/')}/{tabel}/TableInfos", params={"$format": "json"})), f"{wat}, metadata"
    )
    waarden = data.get("value") if isinstance(data, dict) else None
    if not waarden or "Modified" not in waarden[0]:
        raise OphaalFout(f"{wat}: de metadata (TableInfos) heeft geen 'Modified'; de bron is mogelijk veranderd.")
    return waarden[0]


def _iv3(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    vorige: Vorige,
    documenten: list[str],
) -> None:
    for jaar, tabel in sorted(b.iv3_tabellen.items()):
        info = tabelinfo(client, b.iv3_basis, tabel, f"Iv3 {jaar} (CBS {tabel})")
        for code, document in iv3.VERSLAGSOORT.items():
            if document not in documenten:
                continue
            verslagsoort = f"{jaar}X{code}"
            wat = f"Iv3 {document} {jaar} (CBS {tabel})"
            eerder = vorige.herkomst.get((tabel, verslagsoort))
            if eerder and eerder["gewijzigd"] == info["Modified"]:
                uit.overgeslagen.append(
                    f"{wat}: ongewijzigd bij CBS sinds {eerder['opgehaald']:%d-%m-%Y} "
                    f"(tabel gewijzigd {fmt.datum(info['Modified'])})."
                )
                meld(f"{wat}: ongewijzigd sinds de vorige ophaling, overgeslagen")
                continue
            meld(f"{wat} ophalen…")
            # De vingerafdruk van de tabel hoort bij de cache: herziet CBS, dan een verse reeks.
            cachenaam = f"iv3_{tabel}_{verslagsoort}_{re.sub(r'[^0-9]', '', info['Modified'])}"
            paginas = client.paginas(
                cachenaam,
                _odata_url(b.iv3_basis, tabel, b.iv3_filter.format(verslagsoort=verslagsoort), b.iv3_kolommen),
                wat,
                _odata_volgende,
                _odata_rijen,
                lambda r, w=wat: _vereist(r, [*IV3_DIMENSIES, "k_2ePlaatsing_2"], w),
                omzet=_iv3_zonder_lege_cellen,
                verwacht=eerder and eerder["rijen"],
            )
            gevuld = [p for p in paginas if pq.read_metadata(p).num_rows]
            if not gevuld:
                uit.opmerkingen.append(f"{wat}: nog niet gepubliceerd (geen enkel bedrag).")
                continue
            df = pd.concat([pq.read_table(p).to_pandas() for p in gevuld], ignore_index=True)
            vreemd = df.loc[df["Verslagsoort"] != verslagsoort, "Verslagsoort"]
            if not vreemd.empty:
                raise OphaalFout(
                    f"{wat}: de server gaf ook regels van verslagsoort '{vreemd.iloc[0]}'; "
                    "het filter in data/cbs_bronnen.toml werkt niet zoals verwacht."
                )
            df = df[df["Gemeenten"].str.match(GM_CODE.pattern)]
            bestand = map_ / f"iv3_cbs_{verslagsoort}.csv"
            df[[*IV3_DIMENSIES, *IV3_WAARDEN]].to_csv(bestand, index=False)
            uit.stappen.append(_stap(bestand, "cbs_iv3", wat, _lees_iv3_vervangend))
            geleverd = set(df["Gemeenten"])
            lijst = uit.gemeenten.get(jaar) or vorige.gemeenten.get(jaar) or {}
            niets = sorted(set(lijst) - geleverd)
            if niets:
                namen = ", ".join(f"{gm} {lijst[gm]}" for gm in niets[:12]) + (
                    f" en nog {len(niets) - 12}" if len(niets) > 12 else ""
                )
                uit.opmerkingen.append(
                    f"{len(niets)} gemeente{'n' if len(niets) > 1 else ''} leverde{'n' if len(niets) > 1 else ''} "
                    f"voor {document} {jaar} niets aan: {namen}. De cijfers die de opslag van "
                    f"{'deze gemeenten' if len(niets) > 1 else 'deze gemeente'} al had, blijven staan."
                )
            uit.herkomst.append(
                {
                    "tabel": tabel,
                    "sleutel": verslagsoort,
                    "onderdeel": "iv3",
                    "jaar": jaar,
                    "document": document,
                    "titel": info.get("Title", ""),
                    "gewijzigd": info["Modified"],
                    "rijen": int(sum(_lees_kop(p)["rijen"] for p in paginas)),
                    "gemeenten": len(geleverd),
                }
            )
            meld(f"{wat}: {fmt.getal(len(df))} bedragen, {len(geleverd)} gemeenten")


def _lees_iv3_vervangend(pad: Path, namen: NaamZoeker) -> Lading:
    """De volledige CBS-tabel vervangt per gemeente, jaar en document de afgeleide bronnen (bv. de
    lastenreeks van een eerdere extractie): CBS kan intussen hebben herzien, en twee bronnen die
    elkaar tegenspreken zouden de import terecht weigeren. Alleen gemeenten met minstens één
    bedrag staan erin: wie niets aanleverde, houdt wat de opslag had."""
    lading = iv3.lees_cbs_ruw(pad, namen)
    bedragen = lading.tabellen["iv3_bedrag"]
    sleutels = bedragen[["bron", "jaar", "document", "gm_code"]].drop_duplicates()
    lading.tabellen = {"iv3_vervang": sleutels, **lading.tabellen}
    return lading


def _gebieden(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    regels = []
    for jaar, tabel in sorted(b.gebieden_tabellen.items()):
        wat = f"gemeentelijst {jaar} (CBS {tabel})"
        meld(f"{wat} ophalen…")
        rijen = client.alle_rijen(
            f"gebieden_{tabel}", _odata_url(b.gebieden_basis, tabel), wat, _odata_volgende, _odata_rijen
        )
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
        uit.gemeenten[jaar] = dict(zip(df[code], df[naam], strict=True))
        for r in df.itertuples(index=False):
            rij = r._asdict()
            regels.append(
                {
                    "jaar": jaar,
                    "gm_code": rij[code],
                    "gm_naam": rij[naam],
                    "prv_code": rij[pv][2:] if pv else "",
                    "provincie": rij.get(pv_naam, "") if pv else "",
                }
            )
    bestand = map_ / "gemeenten_per_jaar_cbs.csv"
    pd.DataFrame(regels, columns=gemeenten.KOLOMMEN_LIJST).to_csv(bestand, index=False)
    uit.stappen.append(_stap(bestand, "cbs_gebieden", "gemeentelijsten per jaar (CBS)", gemeenten.lees_lijst))


def _inwoners(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    regels = []
    for jaar in b.inwoners_jaren:
        wat = f"inwoners 1 januari {jaar} (CBS {b.inwoners_tabel})"
        meld(f"{wat} ophalen…")
        rijen = client.alle_rijen(
            f"inwoners_{b.inwoners_tabel}_{jaar}",
            _odata_url(b.inwoners_basis, b.inwoners_tabel, b.inwoners_filter.format(jaar=jaar)),
            wat,
            _odata_volgende,
            _odata_rijen,
            lambda r, w=wat: _vereist(r, ["RegioS", b.inwoners_kolom], w),
        )
        if not rijen:
            uit.opmerkingen.append(f"{wat}: nog niet gepubliceerd (0 rijen).")
            continue
        _vereist(rijen, ["RegioS", b.inwoners_kolom], wat)
        for r in rijen:
            if GM_CODE.match(_strip(r["RegioS"])) and r[b.inwoners_kolom] is not None:
                regels.append(
                    {"jaar": jaar, "gm_code": _strip(r["RegioS"]), "aantal_inwoners": int(r[b.inwoners_kolom])}
                )
    if regels:
        bestand = map_ / "inwoners_cbs.csv"
        pd.DataFrame(regels).to_csv(bestand, index=False)
        uit.stappen.append(_stap(bestand, "cbs_inwoners", "inwoners op 1 januari (CBS)", gemeenten.lees_inwoners))


def _cpi(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    """De CPI als één reeks met basisjaar `prijzen.BASISJAAR` (2015 = 100): de eerste tabel in de
    bronnenlijst heeft dat basisjaar, elke volgende (een opvolger met een nieuwe basis, zoals
    86141NED met 2025 = 100) wordt op het laatste overlappende jaar aan de reeks geschakeld."""
    reeks: dict[int, tuple[float, str]] = {}
    for i, t in enumerate(b.cpi_tabellen):
        wat = f"consumentenprijsindex (CBS {t.tabel}, {t.basisjaar} = 100)"
        meld(f"{wat} ophalen…")
        rijen = client.alle_rijen(
            f"cpi_{t.tabel}",
            _odata_url(b.cpi_basis, t.tabel, b.cpi_filter),
            wat,
            _odata_volgende,
            _odata_rijen,
            lambda r, w=wat: _vereist(r, ["Perioden", b.cpi_kolom], w),
        )
        _vereist(rijen, ["Perioden", b.cpi_kolom], wat)
        cijfers = {
            int(m.group(1)): float(r[b.cpi_kolom])
            for r in rijen
            if (m := re.fullmatch(r"(\d{4})JJ00", _strip(r["Perioden"]))) and r[b.cpi_kolom] is not None
        }
        if not cijfers:
            raise OphaalFout(f"{wat}: geen jaarcijfers (Perioden als 2024JJ00) in het antwoord.")
        basis = cijfers.get(t.basisjaar)
        if basis is None or abs(basis - 100) > 0.5:
            gevonden = "ontbreekt" if basis is None else f"is {fmt.getal(basis, 1)}"
            raise OphaalFout(
                f"{wat}: het basisjaar {t.basisjaar} {gevonden}, niet 100. Klopt het basisjaar bij "
                "deze tabel in data/cbs_bronnen.toml? Niets van de CPI is opgeslagen."
            )
        if i == 0:
            if t.basisjaar != prijzen.BASISJAAR:
                raise OphaalFout(
                    f"{wat}: de eerste CPI-tabel moet basisjaar {prijzen.BASISJAAR} hebben "
                    "(de basis van de opslag); zet de oudste tabel voorop in data/cbs_bronnen.toml."
                )
            reeks = {j: (v, f"CBS {t.tabel} ({t.basisjaar} = 100)") for j, v in cijfers.items()}
            continue
        overlap = max(set(cijfers) & set(reeks), default=None)
        if overlap is None:
            raise OphaalFout(
                f"{wat}: geen jaar gemeen met de reeks tot nu toe (t/m {max(reeks)}); schakelen "
                "kan alleen op een overlappend jaar."
            )
        factor = reeks[overlap][0] / cijfers[overlap]
        for j, v in sorted(cijfers.items()):
            if j > max(reeks):
                reeks[j] = (
                    v * factor,
                    f"CBS {t.tabel} ({t.basisjaar} = 100), op {overlap} geschakeld naar {prijzen.BASISJAAR} = 100",
                )
    # In de StatLine-exportvorm die prijzen.lees_statline al leest (en controleert), met de herkomst per jaar.
    regels = [f'"Consumentenprijzen; prijsindex {prijzen.BASISJAAR}=100"', '"Perioden";"CPI";"Bron"']
    regels += [f'"{j}";"{f"{v:.4f}".replace(".", ",")}";"{bron}"' for j, (v, bron) in sorted(reeks.items())]
    bestand = map_ / "cpi_cbs.csv"
    bestand.write_text("\n".join(regels) + "\n", encoding="utf-8")
    tabellen = " + ".join(t.tabel for t in b.cpi_tabellen)
    uit.stappen.append(
        _stap(
            bestand,
            "cbs_cpi",
            f"consumentenprijsindex (CBS {tabellen}), {prijzen.BASISJAAR} = 100",
            prijzen.lees_statline,
        )
    )


def _grenzen(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    """Grenzen zijn niet verplicht: een onbereikbare PDOK laat de bestaande grenzen staan."""
    for jaar in b.grenzen_jaren:
        wat = f"gemeentegrenzen {jaar} (PDOK)"
        meld(f"{wat} ophalen…")
        try:
            features = client.alle_rijen(
                f"grenzen_{jaar}", b.grenzen_url.format(jaar=jaar), wat, _geo_volgende, _geo_rijen
            )
        except OphaalFout as e:
            uit.opmerkingen.append(f"{wat} niet bijgewerkt: {e}")
            continue
        if not features:
            uit.opmerkingen.append(f"{wat}: geen grenzen voor dit jaar.")
            continue
        bestand = map_ / f"gemeenten_{jaar}_pdok.geojson"
        bestand.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
        uit.stappen.append(_stap(bestand, "pdok_grenzen", wat, geo.lees))


def _kerncijfers(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    """Kerncijfers wijken en buurten per jaar, alleen gemeenten: de kolommen uit de bronnenlijst, elk
    met het nummer dat deze tabel eraan gaf (uit DataProperties). Lege cellen (voorlopig, of
    geheim) zijn niet gemeten en worden niet bewaard."""
    regels = []
    for jaar, tabel in sorted(b.kerncijfers_tabellen.items()):
        wat = f"kerncijfers wijken en buurten {jaar} (CBS {tabel})"
        meld(f"{wat} ophalen…")
        eigenschappen = client.alle_rijen(
            f"kwb_{tabel}_eigenschappen",
            str(httpx.URL(f"{b.kerncijfers_basis.rstrip('/')}/{tabel}/DataProperties", params={"$format": "json"})),
            wat,
            _odata_volgende,
            _odata_rijen,
        )
        namen = [str(e.get("Key", "")) for e in eigenschappen]
        kolommen = {}
        for naam in b.kerncijfers_kolommen:
            passend = [k for k in namen if re.fullmatch(rf"{re.escape(naam)}_\d+", k)]
            if len(passend) != 1:
                raise OphaalFout(
                    f"{wat}: verwacht precies één kolom {naam}_<nummer> in DataProperties, gevonden: "
                    f"{', '.join(passend) or 'geen'}. De tabel is van vorm veranderd; pas data/cbs_bronnen.toml aan."
                )
            kolommen[naam] = passend[0]
        nodig = ["WijkenEnBuurten", *kolommen.values()]
        rijen = client.alle_rijen(
            f"kwb_{tabel}",
            _odata_url(b.kerncijfers_basis, tabel, b.kerncijfers_filter, nodig),
            wat,
            _odata_volgende,
            _odata_rijen,
            lambda r, w=wat, k=tuple(nodig): _vereist(r, list(k), w),
        )
        gevuld = dict.fromkeys(kolommen, 0)
        for r in rijen:
            code = _strip(r["WijkenEnBuurten"])
            if not GM_CODE.match(code):
                continue  # wijken en buurten (de filter vraagt alleen gemeenten, maar zeker is zeker)
            for naam, kolom in kolommen.items():
                if r[kolom] is not None:
                    regels.append({"jaar": jaar, "gm_code": code, "maat": naam, "waarde": r[kolom]})
                    gevuld[naam] += 1
        leeg = [naam for naam, n in gevuld.items() if not n]
        if leeg:
            uit.opmerkingen.append(f"{wat}: nog geen cijfers voor {', '.join(leeg)} (voorlopige tabel).")
    if regels:
        bestand = map_ / "kerncijfers_cbs.csv"
        pd.DataFrame(regels).to_csv(bestand, index=False)
        uit.stappen.append(
            _stap(bestand, behoefte.SOORT_KWB, "kerncijfers wijken en buurten (CBS)", behoefte.lees_kerncijfers)
        )


ONDERDELEN = {
    "gemeenten": _gebieden,
    "inwoners": _inwoners,
    "cpi": _cpi,
    "iv3": _iv3,
    "grenzen": _grenzen,
    "kerncijfers": _kerncijfers,
}


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
    overgeslagen: list[str] = field(default_factory=list)
    nieuw: list[str] = field(default_factory=list)  # per jaar × document: wat er nu wél is


def vorige(store: Store) -> Vorige:
    """Wat de opslag weet van eerdere ophalingen (voor overslaan en niet-aanleveraars)."""
    herkomst = store.query("import/cbs_herkomst_bekend")
    lijst = store.query("import/gemeente_jaar_namen")
    gemeenten: dict[int, dict[str, str]] = {}
    for r in lijst.itertuples(index=False):
        gemeenten.setdefault(int(r.jaar), {})[r.gm_code] = r.naam
    return Vorige({(r.tabel, r.sleutel): r._asdict() for r in herkomst.itertuples(index=False)}, gemeenten)


def download(
    bronnen: Bronnen | None = None,
    *,
    cache: Path | None = None,
    onderdelen: list[str] | None = None,
    meld: Melder = importer._stil,
    client_opties: dict | None = None,
    jaren: list[int] | None = None,
    documenten: list[str] | None = None,
    eerder: Vorige | None = None,
) -> Opgehaald:
    """Fase 1 en 2: alles downloaden (met hervatten) en omzetten; raakt de opslag niet aan.
    `jaren`/`documenten` beperken de vraag; `eerder` (zie `vorige`) laat ongewijzigde CBS-tabellen
    overslaan."""
    bronnen = (bronnen or laad_bronnen()).beperk(jaren)
    onderdelen = onderdelen or list(ONDERDELEN)
    documenten = documenten or list(iv3.VERSLAGSOORT.values())
    onbekend = set(onderdelen) - set(ONDERDELEN)
    if onbekend:
        raise OphaalFout(f"Onbekend onderdeel {', '.join(sorted(onbekend))}; kies uit {', '.join(ONDERDELEN)}.")
    map_ = _cache_map(Path(cache or cachemap()), bronnen, [*onderdelen, *documenten])
    bestanden = map_ / "bestanden"
    bestanden.mkdir(exist_ok=True)
    opgehaald = Opgehaald(map_=map_)
    klaar = 0

    def tekst(t: str) -> None:
        meld(t, klaar / len(onderdelen))

    client = Client(map_, meld=tekst, **(client_opties or {}))
    try:
        for naam in onderdelen:
            ONDERDELEN[naam](client, bronnen, bestanden, opgehaald, tekst, eerder or Vorige(), documenten)
            klaar += 1
    finally:
        client.sluit()
        opgehaald.verzoeken = client.verzoeken
    if opgehaald.herkomst:
        opgehaald.stappen.append(_herkomst_stap(bestanden, opgehaald.herkomst))
    if not opgehaald.stappen and not opgehaald.overgeslagen:
        raise OphaalFout("Er is niets opgehaald: " + " ".join(opgehaald.opmerkingen))
    return opgehaald


def _herkomst_stap(map_: Path, herkomst: list[dict]) -> Stap:
    """De CBS-metadata van wat is opgehaald, in dezelfde transactie als de cijfers zelf: pas als
    die geslaagd is, slaat een volgende ophaling een ongewijzigde tabel over."""
    bestand = map_ / "cbs_herkomst.json"
    bestand.write_text(json.dumps(herkomst, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tabel = pd.DataFrame(herkomst).assign(opgehaald=datetime.now(UTC).replace(tzinfo=None))
    return Stap(
        f"ophalen/{bestand.name}",
        bestand.name,
        "cbs_herkomst",
        "metadata van de CBS-tabellen",
        sha256(bestand),
        lambda _c: Lading("cbs_herkomst", {"cbs_herkomst": tabel}, f"{len(tabel)} tabel(len)"),
    )


def importeer(store: Store, opgehaald: Opgehaald, meld: Melder = importer._stil) -> Verslag:
    """Fase 3: alles in één transactie; daarna is de cache niet meer nodig. Mislukt de import, dan
    blijft de cache staan: een nieuwe poging (bv. na een bijgewerkte gemeentelijst) hoeft niets
    opnieuw te downloaden, en herziet CBS de tabel, dan hoort daar een verse cache bij."""
    verslag = importer.voer_in(store, opgehaald.stappen, meld)
    shutil.rmtree(opgehaald.map_, ignore_errors=True)
    return verslag


def ophaal(
    store: Store,
    bronnen: Bronnen | None = None,
    *,
    cache: Path | None = None,
    onderdelen: list[str] | None = None,
    meld: Melder = importer._stil,
    client_opties: dict | None = None,
    jaren: list[int] | None = None,
    documenten: list[str] | None = None,
    altijd: bool = False,
) -> Ophaalverslag:
    """Haal alles op en importeer het in één transactie. Faalt met OphaalFout (of InvoerFout
    voor ongeldige inhoud) zonder de opslag te veranderen; de cache blijft dan staan om te hervatten.
    `altijd`: ook tabellen die bij CBS niet veranderd zijn sinds de vorige ophaling."""
    start = time.perf_counter()
    voor = stand(store)
    # Downloaden telt als de eerste helft van de voortgang, importeren als de tweede.
    opgehaald = download(
        bronnen,
        cache=cache,
        onderdelen=onderdelen,
        meld=lambda t, f: meld(t, 0.5 * f),
        client_opties=client_opties,
        jaren=jaren,
        documenten=documenten,
        eerder=None if altijd else vorige(store),
    )
    verslag = importeer(store, opgehaald, lambda t, f: meld(t, 0.5 + 0.5 * f))
    return Ophaalverslag(
        verslag,
        opgehaald.opmerkingen,
        opgehaald.verzoeken,
        time.perf_counter() - start,
        opgehaald.overgeslagen,
        wat_is_nieuw(voor, stand(store)),
    )


def stand(store: Store) -> pd.DataFrame:
    """Per jaar × document: gemeenten, met baten en met categorieën (om te zeggen wat nieuw is)."""
    b = indicators.beschikbaarheid(store)[["jaar", "document", "gemeenten", "gemeenten_met_baten"]]
    c = indicators.categorie_beschikbaar(store)
    uit = b.merge(c, on=["jaar", "document"], how="left")
    return uit.assign(gemeenten_met_categorie=uit["gemeenten_met_categorie"].fillna(0).astype(int))


def wat_is_nieuw(voor: pd.DataFrame, na: pd.DataFrame) -> list[str]:
    """Per jaar × document wat een import toevoegde: een nieuw document, netto (baten) voor meer
    gemeenten, de gemeten verdeling van 6.1 (economische categorieën) voor meer gemeenten."""
    per = ["jaar", "document"]
    oud = voor.set_index(per) if not voor.empty else pd.DataFrame()
    regels = []
    for (jaar, document), r in na.set_index(per).iterrows():
        if (jaar, document) not in oud.index:
            regels.append(f"{document} {jaar}: nieuw ({r['gemeenten']} gemeenten)")
            continue
        o = oud.loc[(jaar, document)]
        stukken = []
        if r["gemeenten_met_baten"] > o["gemeenten_met_baten"]:
            stukken.append(
                "netto nu beschikbaar"
                if o["gemeenten_met_baten"] == 0
                else f"netto voor {r['gemeenten_met_baten']} gemeenten (was {o['gemeenten_met_baten']})"
            )
        if r["gemeenten_met_categorie"] > o["gemeenten_met_categorie"]:
            stukken.append(
                f"gemeten verdeling van 6.1 nu voor {r['gemeenten_met_categorie']} gemeenten "
                f"(was {o['gemeenten_met_categorie']})"
            )
        if stukken:
            regels.append(f"{document} {jaar}: " + "; ".join(stukken))
    return regels
