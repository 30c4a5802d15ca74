"""Gedeelde hulpmiddelen voor de bronlezers: tekst inlezen zonder typegissing, waarden
controleren en fouten melden met bestand, rij en kolom.

Alles wordt als tekst gelezen: taakveldcodes als `6.60` en `0.10` mogen nooit getallen worden.

Twee soorten fouten: een bestand dat niet te lezen is (beschadigd, verkeerde codering, kolommen
ontbreken) stopt meteen; foute *waarden* worden per bestand verzameld (`Problemen`), zodat een
gebruiker in één keer alle fouten ziet. Aan het eind van het bestand volgt één `InvoerFout` met
de hele lijst (`InvoerFout.problemen`).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from .. import fmt

GM_CODE = re.compile(r"^GM\d{4}$")
TAAKVELD = re.compile(r"^\d\.\d{1,3}[a-z]?$")

MAX_PROBLEMEN = 200  # per bestand; daarna alleen nog tellen
MAX_REGEL = 100_000  # tekens per regel: de echte bronnen hebben regels van < 1.000 tekens
MAX_BESTAND = 512 * 2**20  # bytes na uitpakken; het grootste echte bestand is ± 30 MB
# Eén bedrag in Iv3 (€ 1.000) boven 100 mld euro is geen begroting maar een tik- of eenheidsfout.
MAX_IV3 = 1e8
MAX_EURO = 1e11  # hetzelfde in hele euro's (gemeentefonds)
IV3_EERSTE_JAAR = 2017  # het taakveldenschema van Iv3 begint in 2017
FORMULE = fmt.FORMULE_BEGIN  # tekst die een spreadsheet als formule zou uitvoeren (zie tekst())


def laatste_jaar() -> int:
    """Het laatste jaar waarover een bestand kan gaan: begrotingen verschijnen een jaar vooruit."""
    return date.today().year + 1


def bestandsnaam(bestand: str | Path) -> str:
    """Wat een gebruiker van een bestand ziet: alleen de naam, nooit een pad op de server."""
    return bestand.name if isinstance(bestand, Path) else str(bestand)


@dataclass(frozen=True)
class Probleem:
    """Eén probleem in een invoerbestand. `rij` is het regelnummer (de kopregel is regel 1)."""

    bestand: str
    rij: int | None
    kolom: str | None
    melding: str

    def plaats(self) -> str:
        delen = [f"bestand {self.bestand}"]
        if self.rij is not None:
            delen.append(f"rij {self.rij}")
        if self.kolom is not None:
            delen.append(f"kolom '{self.kolom}'")
        return ", ".join(delen)

    def __str__(self) -> str:
        return f"Fout in {self.plaats()}: {self.melding}"


class InvoerFout(Exception):
    """Onbruikbare invoer, met alle gevonden problemen van één bestand in `problemen` (nooit
    leeg). `bestand`, `rij`, `kolom` en `melding` zijn die van het eerste probleem; `weggelaten`
    telt de problemen na de eerste MAX_PROBLEMEN, die niet in de lijst staan."""

    def __init__(
        self,
        bestand: str | Path,
        melding: str = "",
        rij: int | None = None,
        kolom: str | None = None,
        *,
        problemen: list[Probleem] | None = None,
        weggelaten: int = 0,
    ):
        self.problemen = list(problemen) if problemen else [Probleem(bestandsnaam(bestand), rij, kolom, melding)]
        self.weggelaten = weggelaten
        eerste = self.problemen[0]
        self.bestand, self.rij, self.kolom, self.melding = eerste.bestand, eerste.rij, eerste.kolom, eerste.melding
        tekst = str(eerste)
        if (andere := self.aantal - 1) > 0:
            tekst += f" En nog {andere} {'ander probleem' if andere == 1 else 'andere problemen'} in dit bestand."
        super().__init__(tekst)

    @property
    def aantal(self) -> int:
        """Alle gevonden problemen, ook de weggelaten."""
        return len(self.problemen) + self.weggelaten


class Problemen:
    """Verzamelt de problemen van één bestand terwijl het gelezen wordt. Waardefouten worden
    genoteerd (`meld`, `per_rij`) en het lezen gaat door; `klaar()` aan het eind van het bestand
    gooit één InvoerFout met alles. `fout()` is voor wat het lezen onmogelijk maakt."""

    def __init__(self, pad: str | Path, maximum: int = MAX_PROBLEMEN):
        self.pad = Path(pad)
        self.naam = bestandsnaam(pad if isinstance(pad, Path) else Path(pad))
        self.maximum = maximum
        self.lijst: list[Probleem] = []
        self.weggelaten = 0

    def __bool__(self) -> bool:
        return bool(self.lijst) or self.weggelaten > 0

    def meld(self, melding: str, rij: int | None = None, kolom: str | None = None) -> None:
        if len(self.lijst) < self.maximum:
            self.lijst.append(Probleem(self.naam, rij, kolom, melding))
        else:
            self.weggelaten += 1

    def per_rij(
        self,
        df: pd.DataFrame,
        kolom: str,
        fout: pd.Series | np.ndarray,
        melding: Callable[[str], str],
        waarden: pd.Series | None = None,
    ) -> None:
        """Noteer elke rij waar `fout` waar is, met de (ruwe) waarde uit `waarden` of df[kolom]."""
        posities = np.asarray(fout, dtype=bool).nonzero()[0]
        ruimte = max(self.maximum - len(self.lijst), 0)
        bron = df[kolom] if waarden is None else waarden
        for positie in posities[:ruimte]:
            self.meld(melding(str(bron.iloc[positie])), regelnummer(df, int(positie)), kolom)
        self.weggelaten += max(len(posities) - ruimte, 0)

    def fout(self, melding: str, rij: int | None = None, kolom: str | None = None) -> InvoerFout:
        """Een fout die het lezen stopt; eerder genoteerde problemen gaan mee."""
        self.meld(melding, rij, kolom)
        return self._als_fout()

    def klaar(self) -> None:
        """Aan het eind van het bestand: alles wat genoteerd is als één fout."""
        if self:
            raise self._als_fout()

    def _als_fout(self) -> InvoerFout:
        # Op volgorde van het bestand; meldingen zonder rij (over het hele bestand) eerst.
        lijst = sorted(self.lijst, key=lambda p: -1 if p.rij is None else p.rij)
        return InvoerFout(self.naam, problemen=lijst, weggelaten=self.weggelaten)


@dataclass
class Lading:
    """Wat één bronbestand oplevert: per importquery een tabel met rijen, plus een samenvatting."""

    soort: str
    tabellen: dict[str, pd.DataFrame] = field(default_factory=dict)
    samenvatting: str = ""
    parameters: dict = field(default_factory=dict)

    @property
    def rijen(self) -> int:
        return sum(len(df) for df in self.tabellen.values())


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
        for nummer, regel in enumerate(tekst.split("\n"), start=1):
            if len(regel) > max_regel:
                raise fouten.fout(
                    f"de regel is {fmt.getal(len(regel))} tekens lang; meer dan {fmt.getal(max_regel)} kan "
                    "in deze bestanden niet (een veld loopt door of het bestand is beschadigd).",
                    rij=nummer,
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
    kopregel = next(iter(io.StringIO(tekst).readlines()[skiprows:kop_rij]), "").rstrip("\r\n")
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


def regelnummer(df: pd.DataFrame, positie: int) -> int | None:
    """Regelnummer in het bestand van de rij op `positie` (0-gebaseerd) in `df`."""
    if "_regel" not in df.columns:
        return positie + 2
    regel = df["_regel"].iloc[positie]
    return None if pd.isna(regel) else int(regel)  # None: geen regel (bv. een GeoJSON-feature)


# -- waarden controleren: elke fout wordt genoteerd, het lezen gaat door ---------------------
def _grens(x: float) -> str:
    return str(int(x)) if abs(x) < 10_000 and float(x).is_integer() else fmt.getal(x)


def _buiten(
    fouten: Problemen,
    df: pd.DataFrame,
    kolom: str,
    waarden: pd.Series,
    minimum: float | None,
    maximum: float | None,
    eenheid: str,
) -> pd.Series:
    """Meld waarden buiten [minimum, maximum]; geeft het masker terug."""
    buiten = pd.Series(False, index=waarden.index)
    if minimum is not None:
        buiten |= waarden < minimum
    if maximum is not None:
        buiten |= waarden > maximum
    if buiten.any():
        bereik = (
            f"van {_grens(minimum)} tot en met {_grens(maximum)}"
            if minimum is not None and maximum is not None
            else f"hoogstens {_grens(maximum)}"
            if maximum is not None
            else f"minstens {_grens(minimum)}"
        )
        fouten.per_rij(df, kolom, buiten, lambda w: f"'{w.strip()}' kan niet: verwacht {bereik}{eenheid}.")
    return buiten


def getallen(
    fouten: Problemen,
    df: pd.DataFrame,
    kolom: str,
    *,
    leeg: float | None = None,
    decimaal: str = ".",
    maximum: float | None = None,
    minimum: float | None = None,
    eenheid: str = "",
) -> pd.Series:
    """Zet een tekstkolom om in getallen. Leeg wordt `leeg` (None = leeg is een fout). Niet-eindige
    waarden (inf, nan, 1e309) zijn altijd fout; `maximum` geldt voor de absolute waarde."""
    tekst = df[kolom].str.strip()
    dubbelzinnig = pd.Series(False, index=df.index)
    if decimaal == ",":
        # Een punt mag hier alleen duizendtallen scheiden (1.234,5): '1.5' als 15 lezen zou een
        # bedrag stil tien keer te groot maken.
        dubbelzinnig = tekst.str.contains(".", regex=False) & ~tekst.str.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d*)?")
        fouten.per_rij(
            df,
            kolom,
            dubbelzinnig,
            lambda w: (
                f"'{w.strip()}' is dubbelzinnig: hier is de komma het decimaalteken (1,5) en "
                "scheidt een punt alleen duizendtallen (1.234,5)."
            ),
        )
        tekst = tekst.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    waarden = pd.to_numeric(tekst, errors="coerce").mask(dubbelzinnig)
    is_leeg = tekst.eq("")
    mag_leeg = is_leeg & (leeg is not None)
    if leeg is not None:
        waarden = waarden.mask(is_leeg, leeg)
    geen_getal = waarden.isna() & ~mag_leeg & ~dubbelzinnig
    fouten.per_rij(df, kolom, geen_getal, lambda w: f"'{w}' is geen getal." if w.strip() else "waarde ontbreekt.")
    oneindig = np.isinf(waarden.astype(float))
    fouten.per_rij(df, kolom, oneindig, lambda w: f"'{w.strip()}' is geen eindig getal.")
    eindig = waarden.astype(float).where(~oneindig)
    if maximum is not None:
        te_groot = eindig.abs() > maximum
        fouten.per_rij(
            df,
            kolom,
            te_groot,
            lambda w: (
                f"'{w.strip()}' is onwaarschijnlijk groot (meer dan {fmt.getal(maximum)}"
                f"{eenheid}); controleer de eenheid of zoek een tikfout."
            ),
        )
    if minimum is not None:
        _buiten(fouten, df, kolom, eindig, minimum, None, eenheid)
    return eindig


def _als_getal(tekst: str) -> float:
    try:
        return float(tekst.strip())
    except ValueError:
        return float("nan")


def gehele_getallen(
    fouten: Problemen,
    df: pd.DataFrame,
    kolom: str,
    *,
    minimum: float | None = None,
    maximum: float | None = 1e15,
    eenheid: str = "",
) -> pd.Series:
    """Gehele getallen; een foute waarde wordt gemeld en telt verder als 0."""
    # Jaar- en codekolommen hebben weinig verschillende waarden: per unieke waarde omzetten.
    waarden = per_unieke_waarde(df[kolom], _als_getal).astype(float)
    geen = waarden.isna()
    fouten.per_rij(df, kolom, geen, lambda w: f"'{w}' is geen getal." if w.strip() else "waarde ontbreekt.")
    niet_geheel = ~geen & (np.isinf(waarden) | waarden.mod(1).ne(0))
    fouten.per_rij(df, kolom, niet_geheel, lambda w: f"'{w.strip()}' is geen geheel getal.")
    goed = ~geen & ~niet_geheel
    goed &= ~_buiten(fouten, df, kolom, waarden.where(goed), minimum, maximum, eenheid)
    return waarden.where(goed, 0).astype("int64")


def jaren(fouten: Problemen, df: pd.DataFrame, kolom: str, eerste: int = 1900, laatste: int | None = None) -> pd.Series:
    """Een jaarkolom: een geheel getal in een jaar dat deze gegevens kunnen hebben."""
    return gehele_getallen(fouten, df, kolom, minimum=eerste, maximum=laatste or laatste_jaar())


def controleer_jaar(fouten: Problemen, jaar: int, eerste: int, wat: str) -> None:
    """Een jaar uit de bestandsnaam: buiten [eerste, volgend jaar] is het een tikfout."""
    if not eerste <= jaar <= laatste_jaar():
        fouten.meld(
            f"het jaar {jaar} in de bestandsnaam kan niet: {wat} bestaan van {eerste} tot en met {laatste_jaar()}."
        )


def per_unieke_waarde(reeks: pd.Series, functie: Callable) -> pd.Series:
    """Pas `functie` toe op elke unieke waarde: codekolommen hebben weinig verschillende waarden."""
    posities, uniek = pd.factorize(reeks, use_na_sentinel=False)
    uitkomsten = [functie(w) for w in uniek]
    soort = bool if uitkomsten and all(isinstance(u, bool) for u in uitkomsten) else object
    return pd.Series(np.asarray(uitkomsten, dtype=soort)[posities], index=reeks.index)


def gm_codes(fouten: Problemen, df: pd.DataFrame, kolom: str) -> pd.Series:
    codes = per_unieke_waarde(df[kolom], str.strip)
    fouten.per_rij(
        df,
        kolom,
        ~per_unieke_waarde(codes, lambda c: bool(GM_CODE.match(c))),
        lambda w: f"'{w}' is geen gemeentecode (verwacht GM gevolgd door 4 cijfers).",
    )
    return codes


def taakveld_codes(fouten: Problemen, df: pd.DataFrame, kolom: str) -> pd.Series:
    """De taakveldcode: het eerste woord van de kolom ('6.71d Overige …' → '6.71d')."""
    codes = per_unieke_waarde(df[kolom], lambda w: w.strip().split(" ", 1)[0])
    fouten.per_rij(
        df,
        kolom,
        ~per_unieke_waarde(codes, lambda c: bool(TAAKVELD.match(c))),
        lambda w: f"'{w}' begint niet met een taakveldcode zoals 6.1 of 6.71a.",
    )
    return codes


def keuze(fouten: Problemen, df: pd.DataFrame, kolom: str, toegestaan: set[str]) -> pd.Series:
    waarden = per_unieke_waarde(df[kolom], str.strip)
    fouten.per_rij(
        df,
        kolom,
        ~waarden.isin(toegestaan),
        lambda w: f"'{w}' is geen geldige waarde; verwacht een van: {', '.join(sorted(toegestaan))}.",
    )
    return waarden


def tekst(fouten: Problemen, df: pd.DataFrame, kolom: str, *, verplicht: bool = False) -> pd.Series:
    """Een tekstkolom die bewaard wordt (namen, omschrijvingen). Tekst die met = + - @ begint, zou
    een spreadsheet als formule uitvoeren zodra iemand een export opent: die weigeren we (we
    voeren zelf nooit iets uit, maar bewaren zulke tekst ook niet)."""
    waarden = df[kolom].str.strip()
    fouten.per_rij(
        df,
        kolom,
        waarden.str.startswith(FORMULE),
        lambda w: (
            f"'{w.strip()[:60]}' begint met '{w.strip()[:1]}' en lijkt een spreadsheetformule; "
            "zulke tekst wordt niet bewaard. Haal het teken weg."
        ),
    )
    if verplicht:
        fouten.per_rij(df, kolom, waarden.eq(""), lambda _w: "waarde ontbreekt.")
    return waarden


def uniek(fouten: Problemen, df: pd.DataFrame, kolommen: list[str], kolom: str | None = None) -> None:
    """Meld elke rij die op `kolommen` een eerdere herhaalt; `kolom` is de bestandskolom die de gebruiker moet nakijken."""
    dubbel = df.duplicated(subset=kolommen, keep="first")
    if dubbel.any():
        beschrijving = pd.Series(
            [", ".join(f"{k}={df[k].iloc[i]}" for k in kolommen) for i in dubbel.to_numpy().nonzero()[0]],
            index=df.index[dubbel],
        )
        waarden = beschrijving.reindex(df.index, fill_value="")
        fouten.per_rij(
            df, kolom or kolommen[-1], dubbel, lambda w: f"deze combinatie komt twee keer voor ({w}).", waarden=waarden
        )


class NaamZoeker:
    """Wat de opslag weet over gemeenten en taakvelden: namen → GM-codes, en welke GM- en
    taakveldcodes per jaar bestaan (om onbekende codes te melden)."""

    def __init__(
        self,
        laad: Callable[[], pd.DataFrame],
        laad_codes: Callable[[], pd.DataFrame] | None = None,
        laad_taakvelden: Callable[[], pd.DataFrame] | None = None,
    ):
        # laad() geeft kolommen jaar, naam, gm_code; laad_codes() jaar, gm_code; laad_taakvelden()
        # jaar, code. Pas lezen als een bestand ze nodig heeft.
        self._laad = laad
        self._laad_codes = laad_codes
        self._laad_taakvelden = laad_taakvelden
        self._tabellen: tuple[dict, dict] | None = None
        self._lijsten: dict[str, dict[int, set[str]]] = {}

    @property
    def _per_jaar(self) -> dict:
        return self._bouw()[0]

    @property
    def _elk_jaar(self) -> dict:
        return self._bouw()[1]

    def _bouw(self) -> tuple[dict, dict]:
        if self._tabellen is None:
            namen = self._laad().sort_values("jaar")
            jaren, naam, code = (namen[k].tolist() for k in ("jaar", "naam", "gm_code"))
            self._tabellen = (dict(zip(zip(jaren, naam), code)), dict(zip(naam, code)))
        return self._tabellen

    def __bool__(self) -> bool:
        return bool(self._elk_jaar)

    def codes(self, fouten: Problemen, df: pd.DataFrame, kolom: str, jaar: int | None) -> pd.Series:
        if not self:
            raise fouten.fout(
                "de opslag kent nog geen gemeentenamen. Laad eerst de meegeleverde "
                "gegevens (`sociale-basis import --snapshot`), haal de gemeentelijsten op "
                "bij CBS (`sociale-basis ophalen --alleen gemeenten`), of importeer een "
                "gemeentelijst (jaar,gm_code,gm_naam,prv_code,provincie); of gebruik "
                "GM-codes in plaats van namen."
            )
        namen = df[kolom].str.strip()
        kaart = {}
        for n in namen.unique():
            kaart[n] = self._per_jaar.get((jaar, n)) if jaar is not None else None
            if kaart[n] is None:
                kaart[n] = self._elk_jaar.get(n)
        codes = namen.map(kaart)
        fouten.per_rij(
            df,
            kolom,
            codes.isna(),
            lambda w: (
                f"onbekende gemeentenaam '{w.strip()}'"
                + (f" voor {jaar}" if jaar else "")
                + ". Voeg de naam toe aan de namenlijst of corrigeer het bestand."
            ),
        )
        return codes

    def jaren_van(self, codes: pd.Series) -> pd.DataFrame:
        """De jaren waarin elk van deze gemeentecodes een naam heeft (kolommen gm_code, jaar)."""
        paren = {(c, j) for (j, _), c in self._per_jaar.items() if c in set(codes)}
        return pd.DataFrame(sorted(paren), columns=["gm_code", "jaar"])

    def _lijst(self, soort: str) -> dict[int, set[str]]:
        if soort not in self._lijsten:
            laad = self._laad_codes if soort == "gemeenten" else self._laad_taakvelden
            df = laad() if laad else pd.DataFrame(columns=["jaar", "code"])
            df.columns = ["jaar", "code"]
            self._lijsten[soort] = {int(j): set(g["code"]) for j, g in df.groupby("jaar")}
        return self._lijsten[soort]

    def onbekende_gemeenten(self, fouten: Problemen, df: pd.DataFrame, kolom: str, codes: pd.Series, jaar) -> None:
        """Meld GM-codes die de opslag niet kent: niet in de gemeentelijst van dat jaar, of (voor een
        jaar zonder lijst) in geen enkele lijst. Zonder gemeentelijsten is er niets te vergelijken."""
        self._onbekend(fouten, df, kolom, codes, jaar, "gemeenten", "gemeentecode", "gemeentelijst")

    def onbekende_taakvelden(self, fouten: Problemen, df: pd.DataFrame, kolom: str, codes: pd.Series, jaar) -> None:
        """Meld taakveldcodes die niet in de CBS-codelijst van dat jaar staan (als de opslag die heeft)."""
        self._onbekend(fouten, df, kolom, codes, jaar, "taakvelden", "taakveldcode", "CBS-codelijst")

    def _onbekend(self, fouten, df, kolom, codes, jaar, soort, wat, lijstnaam) -> None:
        lijsten = self._lijst(soort)
        if not lijsten:
            return
        alle = set().union(*lijsten.values())
        jaar = pd.Series(jaar, index=codes.index) if not isinstance(jaar, pd.Series) else jaar
        sleutel = jaar.astype(str) + "|" + codes.astype(str)

        vorm = GM_CODE if soort == "gemeenten" else TAAKVELD

        def bekend(s: str) -> bool:
            j, c = s.split("|", 1)
            if not vorm.match(c):
                return True  # al gemeld als geen geldige code
            lijst = lijsten.get(int(j)) if soort == "taakvelden" or int(j) in lijsten else None
            return c in lijst if lijst is not None else (soort == "taakvelden" or c in alle)

        def melding(s: str) -> str:
            j, c = s.split("|", 1)
            waar = f"de {lijstnaam} van {j}" if int(j) in lijsten else f"geen enkele {lijstnaam} in de opslag"
            return f"{wat} {c} staat niet in {waar}."

        fouten.per_rij(df, kolom, ~per_unieke_waarde(sleutel, bekend), melding, waarden=sleutel)
