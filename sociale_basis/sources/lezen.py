"""Bestanden veilig inlezen: bytes met een grens aan de grootte (ook .gz), tekst als UTF-8 en
CSV met kopregelcontrole, zonder typegissing.

Alles wordt als tekst gelezen: taakveldcodes als `6.60` en `0.10` mogen nooit getallen worden.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import re
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from .. import fmt
from .controle import Problemen, regelnummer

MAX_REGEL = 100_000  # tekens per regel: de echte bronnen hebben regels van < 1.000 tekens
MAX_BESTAND = 512 * 2**20  # bytes na uitpakken; het grootste echte bestand is ± 30 MB


def sha256(pad: Path) -> str:
    h = hashlib.sha256()
    with open(pad, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


# -- bestanden lezen -----------------------------------------------------------------------
def lees_bytes(pad: Path, fouten: Problemen | None = None) -> bytes:
    """De inhoud van een bestand (.gz uitgepakt), met een grens aan de grootte."""
    fouten = fouten or Problemen(pad)
    try:
        with open(pad, "rb") as f:
            begin = f.read(4)
    except OSError as e:
        raise fouten.fout(f"het bestand kan niet worden geopend ({e.strerror}).") from None
    if begin.startswith(b"PK\x03\x04"):
        # Een zip kan meer bestanden bevatten en zelf weer zips; uitpakken laten we aan de gebruiker.
        raise fouten.fout(
            "dit is een zip-archief; zip-bestanden worden niet gelezen. Pak het archief "
            "uit en importeer de bestanden die erin staan."
        )
    gz = begin.startswith(b"\x1f\x8b")
    if pad.suffix.lower() == ".gz" and not gz:
        raise fouten.fout("de naam eindigt op .gz, maar het is geen gzip-bestand.")
    try:
        with gzip.open(pad, "rb") if gz else open(pad, "rb") as f:
            data = f.read(MAX_BESTAND + 1)
    except (OSError, EOFError, zlib.error):
        raise fouten.fout("het gzip-bestand is beschadigd of onvolledig; download of comprimeer het opnieuw.") from None
    if len(data) > MAX_BESTAND:
        # Ook een kleine .gz kan uitpakken tot gigabytes; zo'n bestand is geen bron van ons.
        raise fouten.fout(
            f"het bestand is groter dan {MAX_BESTAND // 2**20} MB (na uitpakken); "
            "dat is geen bronbestand van dit dashboard."
        )
    return data


# Een upload in het dashboard (een bezoeker, niet de beheerder op de opdrachtregel): kleiner, en gecontroleerd
# vóór er iets wordt gelezen. Het grootste echte bronbestand in ../shared/data is 23 MB uitgepakt (Iv3 lasten per
# taakveld) en het langste 389.000 regels (Iv3 hoofdtaakveld × hoofdcategorie): ruim onder deze grenzen.
MAX_UPLOAD = 64 * 2**20  # bytes na uitpakken
MAX_UPLOAD_REGELS = 1_000_000
MAX_UPLOAD_BESTANDEN = 20  # per controle


def controleer_upload(naam: str, data: bytes) -> None:
    """Weiger een upload die na uitpakken te groot is of te veel regels heeft, vóór het lezen: stuksgewijs
    uitgepakt en geteld, dus een kleine .gz die tot gigabytes uitpakt kost hier hoogstens MAX_UPLOAD aan werk
    en een paar MB geheugen (issue 33). Een beschadigde gzip meldt lees_bytes later zelf."""
    fouten = Problemen(Path(naam))
    grootte = regels = 0
    try:
        for blok in _stukken(data):
            grootte += len(blok)
            regels += blok.count(b"\n")
            if grootte > MAX_UPLOAD:
                raise fouten.fout(
                    f"het bestand is groter dan {MAX_UPLOAD // 2**20} MB (na uitpakken); zo groot is geen bronbestand "
                    "van dit dashboard. Importeer het op de opdrachtregel als het echt zo groot is."
                )
            if regels > MAX_UPLOAD_REGELS:
                raise fouten.fout(
                    f"het bestand heeft meer dan {fmt.getal(MAX_UPLOAD_REGELS)} regels; zo lang is geen bronbestand "
                    "van dit dashboard. Importeer het op de opdrachtregel als het echt zo lang is."
                )
    except (OSError, EOFError, zlib.error):
        return  # beschadigd: lees_bytes zegt wat er mis is, met dezelfde melding als op de opdrachtregel


def _stukken(data: bytes, blok: int = 1 << 20):
    if not data.startswith(b"\x1f\x8b"):
        for i in range(0, len(data), blok):
            yield data[i : i + blok]
        return
    uitpakker = zlib.decompressobj(zlib.MAX_WBITS | 16)
    rest = data
    while rest:
        # max_length: nooit meer dan één blok tegelijk uitgepakt in het geheugen.
        stuk = uitpakker.decompress(rest, blok)
        rest = uitpakker.unconsumed_tail
        yield stuk
        if uitpakker.eof:
            # Meer gzip-leden achter elkaar (gzip.open leest ze alle): verder met het volgende lid.
            rest = uitpakker.unused_data
            if not rest:
                return
            uitpakker = zlib.decompressobj(zlib.MAX_WBITS | 16)


def lees_tekst(
    pad: Path, fouten: Problemen | None = None, *, max_regel: int | None = MAX_REGEL, data: bytes | None = None
) -> str:
    """Het bestand als UTF-8-tekst (een BOM wordt weggelaten), of een fout met het regelnummer.
    `data`: de inhoud is er al (een upload, een modelvariant); `pad` geeft dan alleen de naam."""
    fouten = fouten or Problemen(pad)
    data = lees_bytes(pad, fouten) if data is None else data
    if not data.strip():
        raise fouten.fout("het bestand is leeg.")
    if (nul := data.find(b"\x00")) >= 0:
        raise fouten.fout(
            "het bestand bevat binaire gegevens (NUL-tekens); het is geen tekstbestand.",
            rij=data.count(b"\n", 0, nul) + 1,
        )
    try:
        # Ook een dubbele BOM (een bestand dat twee keer door een editor ging) weglaten.
        tekst = data.decode("utf-8-sig").lstrip("\ufeff")
    except UnicodeDecodeError as e:
        try:
            data.decode("cp1252")
            hint = (
                " Waarschijnlijk is het opgeslagen als Windows-1252/Latin-1: sla het op als UTF-8 "
                "(in Excel: 'CSV UTF-8')."
            )
        except UnicodeDecodeError:
            hint = " Is het wel een tekstbestand?"
        raise fouten.fout(
            f"het bestand is geen UTF-8-tekst (ongeldige byte 0x{data[e.start]:02x}).{hint}",
            rij=data.count(b"\n", 0, e.start) + 1,
        ) from None
    if max_regel and len(tekst) > max_regel:
        # Zoeken zonder de tekst in regels te knippen (een kopie van het hele bestand, issue 33).
        if lang := re.search(rf"[^\n]{{{max_regel + 1}}}", tekst):
            begin = tekst.rfind("\n", 0, lang.start()) + 1
            einde = tekst.find("\n", lang.start())
            lengte = (len(tekst) if einde < 0 else einde) - begin
            raise fouten.fout(
                f"de regel is {fmt.getal(lengte)} tekens lang; meer dan {fmt.getal(max_regel)} kan "
                "in deze bestanden niet (een veld loopt door of het bestand is beschadigd).",
                rij=tekst.count("\n", 0, begin) + 1,
            )
    return tekst


def _regels(tekst: str) -> int:
    """Aantal regels zoals de CSV-lezer ze telt (\\n, \\r\\n en losse \\r)."""
    einden = tekst.count("\n") + tekst.count("\r") - tekst.count("\r\n")
    return einden + (0 if tekst.endswith(("\n", "\r")) else 1)


def scheidingsteken(kopregel: str) -> str:
    return max([",", ";", "\t"], key=kopregel.count)


def lees_tekst_csv(
    pad: Path,
    sep: str | None,
    kolommen: list[str] | None = None,
    *,
    skiprows: int = 0,
    fouten: Problemen | None = None,
    data: bytes | None = None,
    dubbel_mag: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Lees een CSV volledig als tekst (sep None: het meest voorkomende van , ; TAB in de
    kopregel). Controleert de kopregel en dat de verwachte kolommen er zijn. `dubbel_mag`: kolommen
    die twee keer mogen voorkomen (pandas noemt de tweede 'X.1'); de lezer controleert ze zelf."""
    fouten = fouten or Problemen(pad)
    tekst = lees_tekst(fouten.pad, fouten, data=data)
    kop_rij = skiprows + 1
    regels = io.StringIO(tekst)
    for _ in range(skiprows):
        regels.readline()
    kopregel = regels.readline().rstrip("\r\n")  # zonder alle regels als lijst (een kopie van het bestand)
    sep = sep or scheidingsteken(kopregel)
    _controleer_kop(fouten, kopregel, sep, kop_rij, dubbel_mag)
    try:
        # index_col=False: een regel met te veel velden is een fout, geen stille index.
        # skip_blank_lines=False: lege regels tellen mee, anders kloppen de regelnummers niet.
        df = pd.read_csv(
            io.StringIO(tekst),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            skiprows=skiprows,
            index_col=False,
            skip_blank_lines=False,
        )
    except pd.errors.ParserError as e:
        m = re.search(r"(?:line|row) (\d+)", str(e))
        if "EOF inside string" in str(e):
            raise fouten.fout(
                'een aanhalingsteken (") wordt niet gesloten.', rij=int(m.group(1)) + 1 + skiprows if m else None
            ) from None
        raise fouten.fout(
            f"de regel heeft een ander aantal velden dan de kopregel (scheidingsteken '{sep}').",
            rij=int(m.group(1)) + skiprows if m else None,
        ) from None
    except pd.errors.EmptyDataError:
        raise fouten.fout("het bestand is leeg.") from None
    # Het regelnummer in het bestand reist mee, ook als rijen worden weggefilterd.
    df["_regel"] = np.arange(len(df)) + 2 + skiprows
    if _regels(tekst) != len(df) + kop_rij:
        _veld_over_regels(fouten, df)
    leeg = (df.drop(columns="_regel") == "").all(axis=1)
    df = df[~leeg]
    if df.empty:
        raise fouten.fout("het bestand bevat alleen een kopregel, geen gegevens.", rij=kop_rij + 1)
    if kolommen:
        ontbreekt = [k for k in kolommen if k not in df.columns]
        if ontbreekt:
            raise fouten.fout(
                f"kolom(men) ontbreken: {', '.join(ontbreekt)}; gevonden: {', '.join(map(str, df.columns[:-1]))}.",
                rij=kop_rij,
            )
    return df


def _controleer_kop(
    fouten: Problemen, kopregel: str, sep: str, rij: int, dubbel_mag: frozenset[str] = frozenset()
) -> None:
    # pandas noemt een tweede kolom 'Lasten' stilletjes 'Lasten.1'; welke bedoeld is, weet niemand.
    namen = [n.strip() for n in next(csv.reader([kopregel], delimiter=sep), [])]
    gezien: dict[str, int] = {}
    for nummer, naam in enumerate(namen, start=1):
        if naam and naam in gezien and naam not in dubbel_mag:
            raise fouten.fout(
                f"de kolom '{naam}' staat twee keer in de kopregel (kolom {gezien[naam]} en "
                f"{nummer}); welke bedoeld is, is niet te zeggen.",
                rij=rij,
                kolom=naam,
            )
        gezien[naam] = nummer


def _veld_over_regels(fouten: Problemen, df: pd.DataFrame) -> None:
    """Een veld met een regeleinde (tussen aanhalingstekens) komt in geen enkele bron voor en
    verschuift alle regelnummers erna: weigeren, met de plaats."""
    eerste = None
    for kolom in df.columns.drop("_regel"):
        fout = df[kolom].str.contains(r"[\r\n]", regex=True).to_numpy().nonzero()[0]
        if len(fout) and (eerste is None or fout[0] < eerste[0]):
            eerste = (int(fout[0]), kolom)
    if eerste is not None:
        raise fouten.fout(
            "het veld bevat een regeleinde (tussen aanhalingstekens); dat hoort niet in deze bestanden.",
            rij=regelnummer(df, eerste[0]),
            kolom=str(eerste[1]),
        )
