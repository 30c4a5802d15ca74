"""Bestanden en mappen importeren in de opslag: herkennen, in de goede volgorde lezen en
alles in één transactie wegschrijven. Eén fout bestand betekent: niets veranderd."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from . import herindeling, sources
from .sources.lezen import InvoerFout, NaamZoeker, sha256
from .store import Store, sql


@dataclass
class Verslag:
    geladen: list[tuple[Path, str, int, str]] = field(default_factory=list)  # pad, soort, rijen, samenvatting
    ongewijzigd: list[Path] = field(default_factory=list)
    overgeslagen: list[tuple[Path, str]] = field(default_factory=list)
    seconden: float = 0.0


def verzamel(paden: Iterable[str | Path]) -> tuple[list[tuple[sources.Formaat, Path]], list[tuple[Path, str]]]:
    """Herken elk bestand. Een los genoemd onbekend bestand is een fout; in een map wordt
    het overgeslagen met de reden."""
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
                else:
                    overgeslagen.append((bestand, sources.reden_niet_gebruikt(bestand)
                                         or "onbekend formaat"))
        else:
            formaat = sources.herken(pad)
            if formaat is None:
                raise InvoerFout(pad, "onbekend formaat. Bekende formaten: "
                                 + "; ".join(f.omschrijving for f in sources.FORMATEN) + ".")
            herkend.append((formaat, pad))
    volgorde = {f.soort: i for i, f in enumerate(sources.FORMATEN)}
    herkend.sort(key=lambda fp: (volgorde[fp[0].soort], str(fp[1])))
    return herkend, overgeslagen


def _schrijf(store: Store, cur, tabel: str, rijen) -> None:
    cur.register("invoer", rijen)
    store.voer_uit(cur, f"import/{tabel}")
    # Na een fout is de transactie afgebroken en ruimt de rollback alles op; niet hier.
    cur.unregister("invoer")


def _leid_af(store: Store, cur, bestanden: list[Path]) -> None:
    """Afgeleide tabellen opnieuw opbouwen, in dezelfde transactie als de import, en
    controleren dat bronnen voor hetzelfde jaar elkaar niet tegenspreken."""
    strijd = cur.execute(sql("controle/bronnen_in_strijd")).df()
    if not strijd.empty:
        r = strijd.iloc[0]
        raise InvoerFout(
            ", ".join(str(b) for b in bestanden) or "opslag",
            f"{r['gemeente']} ({r['gm_code']}), {r['document']} {r['jaar']}: de bron ‘{r['fijn']}’ geeft op "
            f"taakveld {r['taakveld']} (2 posities) € {r['lasten_fijn']:,.0f} duizend aan lasten, de al "
            f"geladen bron ‘{r['grof']}’ € {r['lasten_grof']:,.0f} duizend ({len(strijd)} afwijking(en) in "
            "totaal). Een bron met meer detail vervangt een andere alleen als de lasten per taakveld gelijk "
            "zijn; een gedeeltelijk of afwijkend bestand zou anders een hele begroting vervangen.".replace(",", "."))
    store.voer_uit(cur, "import/afgeleid")
    bron = cur.execute(sql("import/herindeling_bron")).df()
    gemeenten = bron[bron["soort"] == "gemeente"].rename(columns={"jaar_van": "jaar", "gm_code_van": "gm_code"})
    _schrijf(store, cur, "herindeling", herindeling.factoren(gemeenten, bron[bron["soort"] == "grens"]))


def importeer(store: Store, paden: Iterable[str | Path],
              meld: Callable[[str], None] = lambda _: None) -> Verslag:
    start = time.perf_counter()
    herkend, overgeslagen = verzamel(paden)
    verslag = Verslag(overgeslagen=overgeslagen)
    with store.transactie() as cur:
        for i, (formaat, pad) in enumerate(herkend, start=1):
            vingerafdruk = sha256(pad)
            if cur.execute(sql("import/al_geimporteerd"), {"bestand": str(pad.resolve()),
                           "sha256": vingerafdruk, "soort": formaat.soort}).fetchone()[0]:
                verslag.ongewijzigd.append(pad)
                meld(f"[{i}/{len(herkend)}] {pad.name}: al geïmporteerd, ongewijzigd")
                continue
            context = sources.Context(namen=NaamZoeker(lambda: cur.execute(sql("import/namen")).df()),
                                      cpi=cur.execute(sql("import/cpi")).df())
            lading = formaat.lees(pad, context)
            try:
                for tabel, rijen in lading.tabellen.items():
                    _schrijf(store, cur, tabel, rijen)
            except duckdb.ConstraintException as e:
                raise InvoerFout(pad, f"de rijen zijn niet uniek of passen niet in de opslag ({e}).") from e
            cur.execute(sql("import/log"), {"bestand": str(pad.resolve()), "sha256": vingerafdruk,
                                            "soort": formaat.soort, "rijen": lading.rijen})
            verslag.geladen.append((pad, formaat.soort, lading.rijen, lading.samenvatting))
            meld(f"[{i}/{len(herkend)}] {pad.name}: {formaat.omschrijving} — {lading.samenvatting}")
        if verslag.geladen or store.gemigreerd:
            _leid_af(store, cur, [p for p, *_ in verslag.geladen])
    store.na_import()
    verslag.seconden = time.perf_counter() - start
    return verslag
