"""Bestanden en mappen importeren in de opslag: herkennen, in de goede volgorde lezen en
alles in één transactie wegschrijven. Eén fout bestand betekent: niets veranderd."""

from __future__ import annotations

import csv
import gzip
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import fmt, herindeling, sources
from .sources.controle import InvoerFout, Probleem
from .sources.lading import Lading
from .sources.lezen import sha256
from .sources.namen import NaamZoeker
from .store import DatabaseFout, NietUniekFout, Schrijfsessie, Store


@dataclass
class Verslag:
    geladen: list[tuple[Path, str, int, str]] = field(default_factory=list)  # pad, soort, rijen, samenvatting
    ongewijzigd: list[Path] = field(default_factory=list)
    overgeslagen: list[tuple[Path, str]] = field(default_factory=list)
    seconden: float = 0.0


def verzamel(paden: Iterable[str | Path]) -> tuple[list[tuple[sources.Formaat, Path]], list[tuple[Path, str]]]:
    """Herken elk bestand. Een los genoemd onbekend bestand is een fout; in een map wordt
    het overgeslagen met de reden. Een beschadigd gzip-bestand is altijd een fout: het was
    bijna zeker bedoeld om te importeren."""
    herkend, overgeslagen = [], []
    for invoer in paden:
        pad = Path(invoer)
        if not pad.exists():
            raise InvoerFout(pad, "bestand of map bestaat niet.")
        if pad.is_dir():
            for bestand in sorted(p for p in pad.rglob("*") if p.is_file()):
                formaat = sources.herken(bestand)
                if formaat:
                    herkend.append((formaat, bestand))
                    continue
                if (reden := _onleesbaar(bestand)) and reden.startswith("het gzip"):
                    raise InvoerFout(bestand, reden)
                overgeslagen.append(
                    (
                        bestand,
                        sources.reden_niet_gebruikt(bestand) or (reden and reden.split(";")[0]) or "onbekend formaat",
                    )
                )
        else:
            formaat = sources.herken(pad)
            if formaat is None:
                if reden := _onleesbaar(pad):
                    raise InvoerFout(pad, reden)
                raise sources.niet_herkend(pad)  # welke kolom ontbreekt of verkeerd gespeld is
            herkend.append((formaat, pad))
    volgorde = {f.soort: i for i, f in enumerate(sources.FORMATEN)}
    herkend.sort(key=lambda fp: (volgorde[fp[0].soort], str(fp[1])))
    return herkend, overgeslagen


def _onleesbaar(pad: Path) -> str | None:
    """Waarom een niet-herkend bestand niet te lezen is (leeg, zip, kapotte gzip, binair), of None."""
    try:
        with open(pad, "rb") as f:
            begin = f.read(4096)
    except OSError as e:
        return f"het bestand kan niet worden geopend ({e.strerror})."
    if not begin.strip():
        return "het bestand is leeg."
    if begin.startswith(b"PK\x03\x04"):
        return (
            "dit is een zip-archief; zip-bestanden worden niet gelezen. Pak het archief uit en "
            "importeer de bestanden die erin staan."
        )
    if pad.suffix.lower() == ".gz":
        try:
            with gzip.open(pad, "rb") as f:
                begin = f.read(4096)
        except (OSError, EOFError, zlib.error):
            return "het gzip-bestand is beschadigd of onvolledig; download of comprimeer het opnieuw."
    if b"\x00" in begin:
        return "dit is geen tekstbestand (binaire gegevens); verwacht CSV, TSV of GeoJSON."
    return None


def _leid_af(sessie: Schrijfsessie, bestanden: list[Path]) -> None:
    """Afgeleide tabellen opnieuw opbouwen, in dezelfde transactie als de import, en
    controleren dat bronnen voor hetzelfde jaar elkaar niet tegenspreken."""
    strijd = sessie.vraag("controle/bronnen_in_strijd")
    if not strijd.empty:
        r = strijd.iloc[0]
        raise InvoerFout(
            # Namen met '; ' ertussen: een bestandsnaam kan zelf een komma bevatten.
            "; ".join(str(b) for b in bestanden) or "opslag",
            f"{r['gemeente']} ({r['gm_code']}), {r['document']} {r['jaar']}: de bron ‘{r['fijn']}’ geeft op "
            f"taakveld {r['taakveld']} (2 posities) € {fmt.getal(r['lasten_fijn'])} duizend aan lasten, de al "
            f"geladen bron ‘{r['grof']}’ € {fmt.getal(r['lasten_grof'])} duizend ({len(strijd)} afwijking(en) "
            "in totaal). Een bron met meer detail vervangt een andere alleen als de lasten per taakveld gelijk "
            "zijn; een gedeeltelijk of afwijkend bestand zou anders een hele begroting vervangen.",
        )
    sessie.voer_uit("import/afgeleid")
    bron = sessie.vraag("import/herindeling_bron")
    gemeenten = bron[bron["soort"] == "gemeente"].rename(columns={"jaar_van": "jaar", "gm_code_van": "gm_code"})
    sessie.schrijf("import/herindeling", herindeling.factoren(gemeenten, bron[bron["soort"] == "grens"]))


@dataclass(frozen=True)
class Volledig:
    """Een opslagtabel die per `deel` (bv. een jaar) helemaal wordt vervangen. Een bestand moet
    dan voor elk deel dat het noemt alles bevatten wat de opslag daar al heeft en, met
    `lijst_jaar`, elke gemeente van de gemeentelijst van dat jaar: anders zou één rij de rest
    van het jaar stilletjes wissen. Zie README, "Gedeeltelijke bestanden"."""

    deel: tuple[str, ...]
    uniek_op: tuple[str, ...]
    wat: str  # meervoud, voor de melding: 'gemeenten', 'taakveldcodes'
    lijst_jaar: str | None = None


VOLLEDIG = {
    "inwoners": Volledig(("jaar",), ("gm_code",), "gemeenten", "jaar"),
    "geo_gemeente": Volledig(("jaar",), ("gm_code",), "gemeenten", "jaar"),
    "gemeente_klasse": Volledig(("jaar",), ("gm_code",), "gemeenten", "jaar"),
    "gf_cluster": Volledig(("circulaire", "uitkeringsjaar"), ("gm_code",), "gemeenten", "uitkeringsjaar"),
    # Geen gemeentelijst: CBS laat geheime of voorlopige cellen leeg, maar nooit minder dan er al was.
    "cbs_kerncijfer": Volledig(("jaar", "maat"), ("gm_code",), "gemeenten"),
    # Zorggebruik: een lege cel (niet gepubliceerd) staat er als NULL, dus elke gemeente die er was, komt terug.
    "zorggebruik": Volledig(("jaar", "maat"), ("gebied",), "gemeenten"),
    "wijk_cijfer": Volledig(("jaar", "maat"), ("wk_code",), "wijken"),
    "geo_wijk": Volledig(("jaar",), ("wk_code",), "wijken"),
    "gf_volume": Volledig(("circulaire", "uitkeringsjaar", "maatstaf"), ("gm_code",), "gemeenten", "uitkeringsjaar"),
    "gemeente_jaar": Volledig(("jaar",), ("gm_code",), "gemeenten"),
    "taakveld": Volledig(("jaar",), ("code",), "taakveldcodes"),
    "grenswijziging": Volledig(("jaar_van",), ("gm_code_van", "gm_code_naar"), "overgangen"),
}


def _controleer_volledig(sessie: Schrijfsessie, stap: Stap, lading: Lading) -> None:
    """Weiger een bestand dat een deel van een tabel zou vervangen door minder dan er is."""
    problemen = []
    lijst = None
    for tabel, rijen in lading.tabellen.items():
        regel = VOLLEDIG.get(tabel)
        if regel is None or rijen.empty:
            continue
        bestaand = sessie.vraag(f"import/bestaand_{tabel}")
        if regel.lijst_jaar:
            if lijst is None:
                lijst = sessie.vraag("import/gemeentecodes")
            verwacht_lijst = lijst.rename(columns={"jaar": regel.lijst_jaar})
        for deel, groep in rijen.groupby(list(regel.deel)):
            deel = deel if isinstance(deel, tuple) else (deel,)
            filter_ = dict(zip(regel.deel, deel))
            heeft = set(groep[list(regel.uniek_op)].itertuples(index=False, name=None))
            opgeslagen = bestaand.loc[(bestaand[list(regel.deel)] == pd.Series(filter_)).all(axis=1)]
            ontbreekt = set(opgeslagen[list(regel.uniek_op)].itertuples(index=False, name=None)) - heeft
            bronnen = ["de opslag al heeft"] if ontbreekt else []
            if regel.lijst_jaar:
                jaar = filter_[regel.lijst_jaar]
                uit_lijst = (
                    set(
                        verwacht_lijst.loc[verwacht_lijst[regel.lijst_jaar] == jaar, ["gm_code"]].itertuples(
                            index=False, name=None
                        )
                    )
                    - heeft
                )
                if uit_lijst:
                    bronnen.insert(0, f"in de gemeentelijst van {jaar} staan")
                ontbreekt |= uit_lijst
            bron = " of ".join(bronnen)
            if ontbreekt:
                voorbeelden = ", ".join(" → ".join(map(str, k)) for k in sorted(ontbreekt)[:5])
                problemen.append(
                    Probleem(
                        stap.naam,
                        None,
                        None,
                        f"het bestand is onvolledig voor {' '.join(map(str, deel))}: er ontbreken "
                        f"{len(ontbreekt)} {regel.wat} die {bron} ({voorbeelden}"
                        f"{', …' if len(ontbreekt) > 5 else ''}). Een bestand vervangt alles van "
                        f"{' '.join(map(str, deel))}; een gedeeltelijk bestand zou de andere {regel.wat} wissen. "
                        "Lever een volledig bestand aan.",
                    )
                )
    if problemen:
        raise InvoerFout(stap.naam, problemen=problemen)


Melder = Callable[[str, float], None]  # (tekst, fractie van het werk klaar)


def _stil(_tekst: str, _fractie: float) -> None:
    pass


@dataclass(frozen=True)
class Stap:
    """Eén invoer in een import: een bestand, een tabel uit de momentopname of een CBS-tabel.
    `bestand` + `sha256` bepalen of hij al eerder zo is ingelezen (dan overgeslagen)."""

    bestand: str  # sleutel in import_log (pad of naam), nooit in de UI als serverpad
    naam: str  # wat een gebruiker ziet
    soort: str
    omschrijving: str
    sha256: str
    lees: Callable[[sources.Context], Lading]


# Wat een kapot of vijandig bestand in een lezer kan laten ontsporen, buiten de controles om.
LEESFOUTEN = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    OSError,
    EOFError,
    zlib.error,
    csv.Error,
    UnicodeError,
    RecursionError,
    MemoryError,
    OverflowError,
)


def _eerste_regel(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0][:200]


def _lees(stap: Stap, context: sources.Context) -> Lading:
    """Lees één stap; een onverwachte fout in een lezer wordt een melding met de bestandsnaam."""
    try:
        lading = stap.lees(context)
    except InvoerFout:
        raise
    except LEESFOUTEN as e:
        raise InvoerFout(
            stap.naam,
            "het bestand kan niet worden gelezen; het is beschadigd of heeft een "
            f"onverwachte vorm ({type(e).__name__}: {_eerste_regel(e)}).",
        ) from e
    if lading.rijen == 0:  # anders 'geladen' met een lege samenvatting, en er verandert niets
        raise InvoerFout(
            stap.naam, "bevat geen gegevens voor de opslag (geen enkele bruikbare regel). Er is niets geladen."
        )
    return lading


def importeer(
    store: Store,
    paden: Iterable[str | Path],
    meld: Melder = _stil,
    voor: Iterable[Stap] = (),
    op_naam: bool = False,
    volledig: bool = False,
) -> Verslag:
    """Importeer bestanden en mappen (na de stappen `voor`, bv. een momentopname) in één transactie.
    `op_naam`: een upload staat elke keer in een andere tijdelijke map; het logboek kent hem dan bij
    zijn naam (en inhoud), zodat dezelfde upload nog eens niets verandert, en nooit bij een serverpad.
    `volledig`: de gebruiker bevestigde ‘ja, dit is volledig’ voor eigen cijfers (sources.Context)."""
    herkend, overgeslagen = verzamel(paden)
    bestanden = [
        Stap(
            f"upload/{pad.name}" if op_naam else str(pad.resolve()),
            pad.name,
            formaat.soort,
            formaat.omschrijving,
            sha256(pad),
            lambda context, f=formaat, p=pad: f.lees(p, context),
        )
        for formaat, pad in herkend
    ]
    stappen = [*voor, *bestanden]
    return voer_in(store, stappen, meld, Verslag(overgeslagen=overgeslagen), volledig=volledig)


def voer_in(
    store: Store, stappen: list[Stap], meld: Melder = _stil, verslag: Verslag | None = None, volledig: bool = False
) -> Verslag:
    """Lees en schrijf alle stappen in één transactie; de afgeleide tabellen worden in dezelfde
    transactie opnieuw opgebouwd. Eén fout: er verandert niets."""
    start = time.perf_counter()
    verslag = verslag or Verslag()
    n = len(stappen)
    with store.schrijven() as sessie:
        for i, stap in enumerate(stappen, start=1):
            if sessie.enkele_waarde(
                "import/al_geimporteerd", bestand=stap.bestand, sha256=stap.sha256, soort=stap.soort
            ):
                verslag.ongewijzigd.append(Path(stap.naam))
                meld(f"[{i}/{n}] {stap.naam}: al geïmporteerd, ongewijzigd", i / (n + 1))
                continue
            context = sources.Context(
                namen=NaamZoeker(
                    lambda: sessie.vraag("import/namen"),
                    lambda: sessie.vraag("import/gemeentecodes"),
                    lambda: sessie.vraag("import/taakveldcodes"),
                ),
                cpi=sessie.vraag("import/cpi"),
                vraag=sessie.vraag,
                volledig=volledig,
            )
            lading = _lees(stap, context)
            _controleer_volledig(sessie, stap, lading)
            try:
                for tabel, rijen in lading.tabellen.items():
                    sessie.schrijf(f"import/{tabel}", rijen)
            except NietUniekFout as e:
                raise InvoerFout(stap.naam, f"de rijen zijn niet uniek of passen niet in de opslag ({e}).") from e
            except DatabaseFout as e:
                # Wat de lezers doorlaten maar de opslag weigert (bv. een bedrag dat niet in het
                # decimale type past): een melding met het bestand, geen traceback.
                raise InvoerFout(stap.naam, f"de gegevens passen niet in de opslag ({_eerste_regel(e)}).") from e
            sessie.voer_uit(
                "import/log", bestand=stap.bestand, sha256=stap.sha256, soort=stap.soort, rijen=lading.rijen
            )
            verslag.geladen.append((Path(stap.naam), stap.soort, lading.rijen, lading.samenvatting))
            meld(f"[{i}/{n}] {stap.naam}: {stap.omschrijving} — {lading.samenvatting}", i / (n + 1))
        if verslag.geladen or store.gemigreerd:
            meld("Afgeleide tabellen en herindelingen opnieuw opbouwen…", n / (n + 1))
            _leid_af(sessie, [p for p, *_ in verslag.geladen])
    if verslag.geladen or store.gemigreerd:  # niets nieuws: niets opnieuw te rekenen
        store.na_import()
    verslag.seconden = time.perf_counter() - start
    meld("Klaar.", 1.0)
    return verslag


def verwijder_eigen(store: Store, gm_code: str, jaar: int, document: str) -> None:
    """Eigen cijfers van één gemeente, jaar en document weer weg (daarna tellen de CBS-cijfers)."""
    with store.schrijven() as sessie:
        sessie.voer_uit("import/eigen_verwijder", gm_code=gm_code, jaar=jaar, document=document)
        _leid_af(sessie, [])
    store.na_import()
