"""Gedeelde hulpmiddelen voor de bronlezers: tekst inlezen zonder typegissing, waarden
controleren en fouten melden met bestand, rij en kolom.

Alles wordt als tekst gelezen: taakveldcodes als `6.60` en `0.10` mogen nooit getallen worden.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

GM_CODE = re.compile(r"^GM\d{4}$")
TAAKVELD = re.compile(r"^\d\.\d{1,3}[a-z]?$")


class InvoerFout(Exception):
    """Onbruikbare invoer. `rij` is het regelnummer in het bestand (de kopregel is regel 1)."""

    def __init__(self, bestand: str | Path, melding: str, rij: int | None = None,
                 kolom: str | None = None):
        self.bestand = str(bestand)
        self.rij = rij
        self.kolom = kolom
        self.melding = melding
        plaats = [f"bestand {self.bestand}"]
        if rij is not None:
            plaats.append(f"rij {rij}")
        if kolom is not None:
            plaats.append(f"kolom '{kolom}'")
        super().__init__(f"Fout in {', '.join(plaats)}: {melding}")


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


def lees_tekst_csv(pad: Path, sep: str, kolommen: list[str] | None = None, *,
                   skiprows: int = 0, encoding: str = "utf-8") -> pd.DataFrame:
    """Lees een CSV volledig als tekst. Controleert dat de verwachte kolommen er zijn."""
    try:
        # index_col=False: een regel met te veel velden is een fout, geen stille index.
        df = pd.read_csv(pad, sep=sep, dtype=str, keep_default_na=False, skiprows=skiprows,
                         encoding=encoding, index_col=False)
    except pd.errors.ParserError as e:
        m = re.search(r"line (\d+)", str(e))
        raise InvoerFout(pad, f"de regel heeft een ander aantal velden dan de kopregel "
                              f"(scheidingsteken '{sep}').", rij=int(m.group(1)) + skiprows if m else None) from e
    except pd.errors.EmptyDataError as e:
        raise InvoerFout(pad, "het bestand is leeg.") from e
    except UnicodeDecodeError as e:
        raise InvoerFout(pad, f"het bestand is geen UTF-8-tekst ({e.reason}).") from e
    if df.empty:
        raise InvoerFout(pad, "het bestand bevat alleen een kopregel, geen gegevens.", rij=2 + skiprows)
    # Het regelnummer in het bestand reist mee, ook als rijen worden weggefilterd.
    df["_regel"] = df.index + 2 + skiprows
    if kolommen:
        ontbreekt = [k for k in kolommen if k not in df.columns]
        if ontbreekt:
            raise InvoerFout(pad, f"kolom(men) ontbreken: {', '.join(ontbreekt)}; "
                                  f"gevonden: {', '.join(map(str, df.columns))}.", rij=1 + skiprows)
    return df


def regelnummer(df: pd.DataFrame, positie: int) -> int:
    """Regelnummer in het bestand van de rij op `positie` (0-gebaseerd) in `df`."""
    return int(df["_regel"].iloc[positie]) if "_regel" in df.columns else positie + 2


def _eerste_fout(pad: Path, df: pd.DataFrame, kolom: str, fout: pd.Series, melding: Callable) -> None:
    if fout.any():
        positie = int(fout.to_numpy().nonzero()[0][0])
        waarde = df[kolom].iloc[positie]
        raise InvoerFout(pad, melding(waarde), rij=regelnummer(df, positie), kolom=kolom)


def getallen(pad: Path, df: pd.DataFrame, kolom: str, *, leeg: float | None = None,
             decimaal: str = ".") -> pd.Series:
    """Zet een tekstkolom om in getallen. Leeg wordt `leeg` (None = leeg is een fout)."""
    tekst = df[kolom].str.strip()
    if decimaal == ",":
        tekst = tekst.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    waarden = pd.to_numeric(tekst, errors="coerce")
    is_leeg = tekst.eq("")
    if leeg is not None:
        waarden = waarden.mask(is_leeg, leeg)
    _eerste_fout(pad, df, kolom, waarden.isna() & ~(is_leeg & (leeg is not None)),
                 lambda w: f"'{w}' is geen getal." if w.strip() else "waarde ontbreekt.")
    return waarden.astype(float)


def _als_getal(tekst: str) -> float:
    try:
        return float(tekst.strip())
    except ValueError:
        return float("nan")


def gehele_getallen(pad: Path, df: pd.DataFrame, kolom: str) -> pd.Series:
    # Jaar- en codekolommen hebben weinig verschillende waarden: per unieke waarde omzetten.
    waarden = per_unieke_waarde(df[kolom], _als_getal).astype(float)
    if waarden.isna().any():
        getallen(pad, df, kolom)  # meldt de eerste fout met regel en kolom
    _eerste_fout(pad, df, kolom, waarden.mod(1).ne(0), lambda w: f"'{w}' is geen geheel getal.")
    return waarden.astype("int64")


def per_unieke_waarde(reeks: pd.Series, functie: Callable) -> pd.Series:
    """Pas `functie` toe op elke unieke waarde: codekolommen hebben weinig verschillende waarden."""
    posities, uniek = pd.factorize(reeks, use_na_sentinel=False)
    uitkomsten = [functie(w) for w in uniek]
    soort = bool if uitkomsten and all(isinstance(u, bool) for u in uitkomsten) else object
    return pd.Series(np.asarray(uitkomsten, dtype=soort)[posities], index=reeks.index)


def gm_codes(pad: Path, df: pd.DataFrame, kolom: str) -> pd.Series:
    codes = per_unieke_waarde(df[kolom], str.strip)
    _eerste_fout(pad, df, kolom, ~per_unieke_waarde(codes, lambda c: bool(GM_CODE.match(c))),
                 lambda w: f"'{w}' is geen gemeentecode (verwacht GM gevolgd door 4 cijfers).")
    return codes


def taakveld_codes(pad: Path, df: pd.DataFrame, kolom: str) -> pd.Series:
    """De taakveldcode: het eerste woord van de kolom ('6.71d Overige …' → '6.71d')."""
    codes = per_unieke_waarde(df[kolom], lambda w: w.strip().split(" ", 1)[0])
    _eerste_fout(pad, df, kolom, ~per_unieke_waarde(codes, lambda c: bool(TAAKVELD.match(c))),
                 lambda w: f"'{w}' begint niet met een taakveldcode zoals 6.1 of 6.71a.")
    return codes


def keuze(pad: Path, df: pd.DataFrame, kolom: str, toegestaan: set[str]) -> pd.Series:
    waarden = per_unieke_waarde(df[kolom], str.strip)
    _eerste_fout(pad, df, kolom, ~waarden.isin(toegestaan),
                 lambda w: f"'{w}' is geen geldige waarde; verwacht een van: "
                           f"{', '.join(sorted(toegestaan))}.")
    return waarden


def uniek(pad: Path, df: pd.DataFrame, sleutel: list[str], kolom: str | None = None) -> None:
    """Meld de eerste dubbele sleutel; `kolom` is de bestandskolom die de gebruiker moet nakijken."""
    dubbel = df.duplicated(subset=sleutel, keep="first")
    if dubbel.any():
        positie = int(dubbel.to_numpy().nonzero()[0][0])
        waarden = ", ".join(f"{k}={df[k].iloc[positie]}" for k in sleutel)
        raise InvoerFout(pad, f"deze combinatie komt twee keer voor ({waarden}).",
                         rij=regelnummer(df, positie), kolom=kolom or sleutel[-1])


class NaamZoeker:
    """Zet gemeentenamen om in GM-codes met de namentabel uit de opslag."""

    def __init__(self, laad: Callable[[], pd.DataFrame]):
        # laad() geeft kolommen jaar, naam, gm_code; pas lezen als een bestand namen gebruikt.
        self._laad = laad
        self._tabellen: tuple[dict, dict] | None = None

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

    def codes(self, pad: Path, df: pd.DataFrame, kolom: str, jaar: int | None) -> pd.Series:
        if not self:
            raise InvoerFout(pad, "de opslag kent nog geen gemeentenamen. Laad eerst de meegeleverde "
                                  "gegevens (`sociale-basis import --snapshot`), haal de gemeentelijsten op "
                                  "bij CBS (`sociale-basis ophalen --alleen gemeenten`), of importeer een "
                                  "gemeentelijst (jaar,gm_code,gm_naam,prv_code,provincie); of gebruik "
                                  "GM-codes in plaats van namen.")
        namen = df[kolom].str.strip()
        uniek_namen = namen.unique()
        kaart = {}
        for n in uniek_namen:
            kaart[n] = self._per_jaar.get((jaar, n)) if jaar is not None else None
            if kaart[n] is None:
                kaart[n] = self._elk_jaar.get(n)
        codes = namen.map(kaart)
        _eerste_fout(pad, df, kolom, codes.isna(),
                     lambda w: f"onbekende gemeentenaam '{w}'"
                               + (f" voor {jaar}" if jaar else "")
                               + ". Voeg de naam toe aan de namenlijst of corrigeer het bestand.")
        return codes

    def jaren_van(self, codes: pd.Series) -> pd.DataFrame:
        """De jaren waarin elk van deze gemeentecodes een naam heeft (kolommen gm_code, jaar)."""
        paren = {(c, j) for (j, _), c in self._per_jaar.items() if c in set(codes)}
        return pd.DataFrame(sorted(paren), columns=["gm_code", "jaar"])
