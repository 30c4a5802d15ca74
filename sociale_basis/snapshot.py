"""De meegeleverde momentopname (`data/snapshot/`): alles wat de pagina's nodig hebben, compact
als Parquet (zstd) met een manifest (bron en licentie per tabel, datum, rijen, sha256).

`maak` schrijft hem uit een opslag; `stappen` levert hem als importstappen, zodat hij net als
een bronbestand in één transactie wordt geladen (zelfde importqueries, zelfde controles) en een
tweede keer laden niets verandert. Een verse clone ziet zo meteen echte cijfers.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from . import indicators, licenties
from .importer import Stap
from .sources.controle import InvoerFout
from .sources.lading import Lading
from .sources.lezen import sha256
from .store import ROOT, Store

STANDAARD_MAP = ROOT / "data" / "snapshot"
FORMAAT = 1
BUDGET_BYTES = 10 * 1024 * 1024  # wat de repo hoogstens aan momentopname draagt

# Opslagtabel → omschrijving. De volgorde is die van het laden (namen vóór bedragen is niet
# nodig: de bedragen dragen al GM-codes).
TABELLEN = {
    "taakveld": "Iv3-taakvelden per jaar (codelijst)",
    "gemeente_jaar": "gemeenten per jaar met provincie",
    "gemeente_naam": "schrijfwijzen van gemeentenamen per jaar → GM-code",
    "inwoners": "inwoners op 1 januari per gemeente",
    "gemeente_klasse": "grootteklasse en stedelijkheid",
    "gemeente_profiel": "sociale structuur en centrumfunctie",
    "grenswijziging": "herindelingen en grenscorrecties (adressen)",
    "iv3_bedrag": "Iv3 per gemeente × jaar × document × taakveld: lasten en, waar bekend, baten (€ 1.000)",
    "iv3_categorie": "Iv3-lasten per economische categorie op 6.1, waar CBS-ruwe data het geven (€ 1.000)",
    "gf_cluster": "gemeentefonds: verdeling over clusters per circulaire (€)",
    "gf_regiotaak": "centrumgemeenten: regionale uitkeringen beschermd wonen en opvang per circulaire (€)",
    "gf_volume": "behoefte: volumes per gemeente uit de gemeentefondscirculaires (bijstandsontvangers, …)",
    "cbs_kerncijfer": "behoefte: CBS Kerncijfers wijken en buurten per gemeente (na `ophalen`)",
    "zorggebruik": "gebruik van zorg per gemeente: jeugdzorg en Wmo (CBS, na `ophalen`)",
    "wijk": "wijken per gemeente (CBS Kerncijfers wijken en buurten, na `ophalen`)",
    "wijk_cijfer": "kerncijfers per wijk (CBS, na `ophalen`); de wijkgrenzen reizen niet mee (te groot)",
    "nplv_focusgebied": "focusgebieden (kwetsbare wijken) van het Nationaal Programma Leefbaarheid en Veiligheid",
    "geo_gemeente": "vereenvoudigde gemeentegrenzen (GeoJSON, WGS84)",
    "prijsindex": "consumentenprijsindex (2015 = 100)",
}


@dataclass(frozen=True)
class Manifest:
    pad: Path
    inhoud: dict

    @property
    def naam(self) -> str:
        return self.inhoud["naam"]

    @property
    def gemaakt(self) -> datetime:
        return datetime.fromisoformat(self.inhoud["gemaakt"])

    @property
    def bytes(self) -> int:
        return sum(t["bytes"] for t in self.inhoud["tabellen"].values())


def _bronbestanden(store: Store) -> pd.DataFrame:
    """De bestanden achter de opslag: eigen imports, plus die van een eerder geladen momentopname."""
    eigen = store.query("snapshot/herkomst")
    eigen = eigen.assign(
        bestand=eigen["bestand"].map(lambda b: Path(b).name),
        tijdstip=eigen["tijdstip"].map(lambda t: t.isoformat(timespec="seconds")),
    )
    vorige = geladen(store)
    if vorige is not None:
        oud = vorige["manifest"]
        rijen = [b for t in oud["tabellen"].values() for b in t.get("bronbestanden", [])]
        eigen = pd.concat([pd.DataFrame(rijen, columns=eigen.columns), eigen])
    return eigen.drop_duplicates(subset=["soort", "bestand"], keep="last")


def maak(store: Store, map_: Path = STANDAARD_MAP, naam: str | None = None) -> Manifest:
    """Schrijf de momentopname van `store` naar `map_` (vervangt wat er stond, in één keer)."""
    nu = datetime.now(UTC).replace(microsecond=0)
    naam = naam or f"sociale-basis-{nu:%Y-%m-%d}"
    herkomst = _bronbestanden(store)
    dekking = indicators.beschikbaarheid(store)
    if dekking.empty:
        raise InvoerFout(store.pad.name, "de opslag bevat geen Iv3-gegevens; er is niets om vast te leggen.")
    map_ = Path(map_)
    map_.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=".snapshot-", dir=map_.parent))
    try:
        tabellen = {}
        for tabel, omschrijving in TABELLEN.items():
            df = store.query(f"snapshot/{tabel}")
            bestand = tijdelijk / f"{tabel}.parquet"
            df.to_parquet(bestand, compression="zstd", index=False)
            soorten = {s for s, _ in licenties.voor_tabel(tabel)}
            eigen = herkomst[herkomst["soort"].isin(soorten)]
            tabellen[tabel] = {
                "bestand": bestand.name,
                "omschrijving": omschrijving,
                "rijen": len(df),
                "bytes": bestand.stat().st_size,
                "sha256": sha256(bestand),
                "bronnen": [
                    {"soort": s, "uitgever": licenties.bron(s).uitgever, "licentie": licenties.bron(s).licentie}
                    for s in dict.fromkeys(eigen["soort"])
                ],
                "bronbestanden": eigen.to_dict("records"),
            }
        totaal = sum(t["bytes"] for t in tabellen.values())
        if totaal > BUDGET_BYTES:
            raise InvoerFout(
                map_,
                f"de momentopname is {totaal / 1e6:.1f} MB, meer dan het budget van "
                f"{BUDGET_BYTES / 1e6:.0f} MB voor de repo.",
            )
        inhoud = {
            "formaat": FORMAAT,
            "naam": naam,
            "gemaakt": nu.isoformat(),
            "gemaakt_door": "sociale-basis snapshot maak",
            "licentie": "Cijfers van CBS: CC BY 4.0, noem CBS als bron. Herindelingen (VNG/grenswijzigen): "
            "CC BY-NC-SA 4.0. Zie per tabel.",
            "dekking": [
                {
                    "jaar": int(r.jaar),
                    "document": r.document,
                    "gemeenten": int(r.gemeenten),
                    "gemeenten_met_baten": int(r.gemeenten_met_baten),
                    "bronnen": r.bronnen,
                }
                for r in dekking.itertuples(index=False)
            ],
            "tabellen": tabellen,
        }
        (tijdelijk / "manifest.json").write_text(
            json.dumps(inhoud, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        if map_.exists():
            shutil.rmtree(map_)
        tijdelijk.rename(map_)
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    return Manifest(map_, inhoud)


def lees_manifest(map_: Path = STANDAARD_MAP) -> Manifest:
    pad = Path(map_) / "manifest.json"
    if not pad.is_file():
        raise InvoerFout(
            pad,
            "geen manifest.json: dit is geen momentopname van sociale-basis "
            "(maak er een met `sociale-basis snapshot maak`).",
        )
    try:
        inhoud = json.loads(pad.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise InvoerFout(pad, f"het manifest is geen geldige JSON ({e.msg}).", rij=e.lineno) from e
    if inhoud.get("formaat") != FORMAAT:
        raise InvoerFout(pad, f"formaat {inhoud.get('formaat')!r} wordt niet ondersteund (verwacht {FORMAAT}).")
    onbekend = set(inhoud.get("tabellen", {})) - set(TABELLEN)
    if onbekend:
        raise InvoerFout(pad, f"onbekende tabel(len) {', '.join(sorted(onbekend))}.")
    return Manifest(Path(map_), inhoud)


def controleer(manifest: Manifest) -> None:
    """Elk bestand moet bestaan en precies de sha256 uit het manifest hebben, vóór er iets wordt
    geladen: een beschadigde of half bijgewerkte momentopname laadt niet."""
    for tabel, info in manifest.inhoud["tabellen"].items():
        bestand = manifest.pad / info["bestand"]
        if not bestand.is_file():
            raise InvoerFout(bestand, f"bestand van tabel {tabel} ontbreekt in de momentopname.")
        if sha256(bestand) != info["sha256"]:
            raise InvoerFout(
                bestand,
                "de inhoud wijkt af van het manifest (sha256); de momentopname is "
                "beschadigd of half bijgewerkt. Maak hem opnieuw.",
            )


# Tabellen die samen in één stap laden: iv3_bedrag wist bij het schrijven de categorieën van zijn
# gemeenten, dus de categorieën moeten altijd mee (anders wist een nieuwe bedragtabel ze stil).
SAMEN = {"iv3_categorie": "iv3_bedrag"}


def _lees_tabellen(manifest: Manifest, tabellen: list[str]) -> Lading:
    uit = {}
    for tabel in tabellen:
        info = manifest.inhoud["tabellen"][tabel]
        bestand = manifest.pad / info["bestand"]
        df = pd.read_parquet(bestand)
        if len(df) != info["rijen"]:
            raise InvoerFout(bestand, f"{len(df)} rijen, het manifest zegt {info['rijen']}.")
        if tabel == "prijsindex" and "basisjaar" not in df.columns:
            # Momentopnamen van voor schema 7 noemen hun basis niet; hun CPI was altijd 2015 = 100
            # (de lezer aanvaardde niets anders).
            df = df.assign(basisjaar=2015)
        uit[tabel] = df
    return Lading(f"snapshot_{tabellen[0]}", uit, " + ".join(f"{len(df)} rijen" for df in uit.values()))


def stappen(map_: Path = STANDAARD_MAP) -> list[Stap]:
    """De momentopname als importstappen (voor importer.voer_in): één per tabel (bedragen en hun
    categorieën samen), dan de herkomst."""
    manifest = lees_manifest(map_)
    controleer(manifest)
    groepen: dict[str, list[str]] = {}
    for tabel in manifest.inhoud["tabellen"]:
        groepen.setdefault(SAMEN.get(tabel, tabel), []).append(tabel)
    uit = []
    for hoofd, tabellen in groepen.items():
        infos = [manifest.inhoud["tabellen"][t] for t in tabellen]
        if not any(i["rijen"] for i in infos):
            continue  # een lege tabel (bv. alleen CBS-gegevens opgehaald) heeft niets te laden
        bestanden = "+".join(i["bestand"] for i in infos)
        vingerafdruk = (
            infos[0]["sha256"]
            if len(infos) == 1
            else hashlib.sha256("".join(i["sha256"] for i in infos).encode()).hexdigest()
        )
        uit.append(
            Stap(
                f"snapshot/{bestanden}",
                f"{manifest.naam}/{bestanden}",
                f"snapshot_{hoofd}",
                infos[0]["omschrijving"],
                vingerafdruk,
                lambda _c, t=tabellen: _lees_tabellen(manifest, t),
            )
        )
    tekst = (manifest.pad / "manifest.json").read_text(encoding="utf-8")
    herkomst = pd.DataFrame([{"naam": manifest.naam, "gemaakt": manifest.inhoud["gemaakt"], "manifest": tekst}])
    uit.append(
        Stap(
            "snapshot/manifest.json",
            f"{manifest.naam}/manifest.json",
            "snapshot",
            "momentopname",
            sha256(manifest.pad / "manifest.json"),
            lambda _c: Lading("snapshot", {"snapshot_geladen": herkomst}, manifest.naam),
        )
    )
    return uit


def geladen(store: Store) -> dict | None:
    """De momentopname in deze opslag (naam, gemaakt, geladen, manifest als dict) of None."""
    r = indicators.snapshot_geladen(store)
    if r is None:
        return None
    return {"naam": r["naam"], "gemaakt": r["gemaakt"], "geladen": r["geladen"], "manifest": json.loads(r["manifest"])}
