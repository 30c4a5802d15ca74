"""De instellingen van het ophalen: de bronnenlijst `data/cbs_bronnen.toml` (tabel-id's en
adressen), de cachemap, en de fout die elke ophaling geeft als er iets misgaat."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from ..store import ROOT

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


@dataclass(frozen=True)
class CpiTabel:
    tabel: str
    basisjaar: int  # het jaar waarin deze tabel 100 is; gecontroleerd tegen de cijfers zelf


@dataclass(frozen=True)
class ZorgTabel:
    """Een CBS-tabel met gebruik van zorg (data/cbs_bronnen.toml, [[zorggebruik.tabellen]]): de jaren die ze
    dekt en per maat de kolomnaam zonder nummer, of met `dimensie` de code in die dimensie en één `kolom`."""

    tabel: str
    jaren: list[int]
    maten: dict[str, str]
    dimensie: str | None = None
    kolom: str | None = None
    trendbreuk: str = ""


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
    wijkgrenzen_url: str
    wijkgrenzen_jaren: list[int]
    zorg_basis: str
    zorg_filter: str
    zorg_tabellen: list[ZorgTabel]

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
            wijkgrenzen_jaren=[j for j in self.wijkgrenzen_jaren if j in jaren],
            zorg_tabellen=[
                replace(z, jaren=[j for j in z.jaren if j in jaren])
                for z in self.zorg_tabellen
                if set(z.jaren) & set(jaren)
            ],
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
            wijkgrenzen_url=c["wijkgrenzen"]["url"],
            wijkgrenzen_jaren=[int(j) for j in c["wijkgrenzen"]["jaren"]],
            zorg_basis=c["zorggebruik"]["basis"],
            zorg_filter=c["zorggebruik"]["filter"],
            zorg_tabellen=[
                ZorgTabel(
                    z["tabel"],
                    [int(j) for j in z["jaren"]],
                    {str(m): str(k) for m, k in z["maten"].items()},
                    z.get("dimensie"),
                    z.get("kolom"),
                    z.get("trendbreuk", ""),
                )
                for z in c["zorggebruik"]["tabellen"]
            ],
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValueError, TypeError) as e:
        raise OphaalFout(f"De bronnenlijst {pad} is onleesbaar of onvolledig ({type(e).__name__}: {e}).") from e
