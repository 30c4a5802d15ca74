"""HTTP met herhalen en hervatten: `Client` haalt JSON-pagina's op met exponentieel wachten
(met jitter, `Retry-After` bij 429) en bewaart elke volledige pagina in de cache (`paginas`)."""

from __future__ import annotations

import email.utils
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from .. import fmt
from .instellingen import OphaalFout
from .paginas import lees_kop, lees_pagina, schrijf_pagina


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
            kop = lees_kop(bestand)
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
                schrijf_pagina(bestand, kop, omzet(rijen(data)) if omzet else rijen(data))
            uit.append(bestand)
            voortgang.paginas += 1
            voortgang.rijen += kop["rijen"]
            self.meld(voortgang.tekst())
            url = kop["volgende"]
        return uit

    def alle_rijen(self, *args, **kw) -> list[dict]:
        """Alle rijen van een kleine bron (gemeentelijst, inwoners, CPI, grenzen) in één lijst."""
        return [r for pad in self.paginas(*args, **kw) for r in lees_pagina(pad)]


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
