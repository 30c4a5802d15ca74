"""Waarden controleren en fouten melden met bestand, rij en kolom.

Twee soorten fouten: een bestand dat niet te lezen is (beschadigd, verkeerde codering, kolommen
ontbreken) stopt meteen; foute *waarden* worden per bestand verzameld (`Problemen`), zodat een
gebruiker in één keer alle fouten ziet. Aan het eind van het bestand volgt één `InvoerFout` met
de hele lijst (`InvoerFout.problemen`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from .. import fmt

GM_CODE = re.compile(r"^GM\d{4}$")
TAAKVELD = re.compile(r"^\d\.\d{1,3}[a-z]?$")

MAX_PROBLEMEN = 200  # per bestand; daarna alleen nog tellen
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
        # Alleen de rijen beschrijven die in de lijst komen (de rest wordt alleen geteld): een bestand met een
        # miljoen dezelfde regels kostte anders een miljoen teksten (issue 33).
        rijen = dubbel.to_numpy().nonzero()[0][: fouten.maximum + 1]
        beschrijving = pd.Series(
            [", ".join(f"{k}={df[k].iloc[i]}" for k in kolommen) for i in rijen], index=df.index[rijen]
        )
        waarden = beschrijving.reindex(df.index, fill_value="")
        fouten.per_rij(
            df, kolom or kolommen[-1], dubbel, lambda w: f"deze combinatie komt twee keer voor ({w}).", waarden=waarden
        )
