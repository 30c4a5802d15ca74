"""Namen opzoeken in de opslag: gemeentenamen → GM-codes, en welke GM- en taakveldcodes per
jaar bestaan (`NaamZoeker`)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from .controle import GM_CODE, TAAKVELD, Problemen, per_unieke_waarde


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

    def onbekende_gemeenten(
        self,
        fouten: Problemen,
        df: pd.DataFrame,
        kolom: str,
        codes: pd.Series,
        jaar,
        *,
        namen: pd.Series | None = None,
        of_later: bool = False,
    ) -> None:
        """Meld GM-codes die de opslag niet kent: niet in de gemeentelijst van dat jaar, of (voor een
        jaar zonder lijst) in geen enkele lijst. Zonder gemeentelijsten is er niets te vergelijken.
        Een code die in dat jaar bestond en later opging in een andere gemeente, is dus bekend.
        `namen`: de namen zoals het bestand ze noemt, voor de melding (bestanden met namen).
        `of_later`: ook goed als de code in de lijst van een later jaar staat (CBS-reeksen die oudere
        jaren op een nieuwere indeling geven)."""
        self._onbekend(fouten, df, kolom, codes, jaar, "gemeenten", "gemeentecode", "gemeentelijst", namen, of_later)

    def _spellingen(self) -> tuple[dict[str, set[str]], dict[tuple[str, int | None], str], dict[str, str]]:
        """Per GM-code haar schrijfwijzen (alle jaren, zonder hoofdletters), haar naam per jaar (en onder
        jaar None de nieuwste), en per schrijfwijze een code."""
        per_code: dict[str, set[str]] = {}
        naam_van: dict[tuple[str, int | None], str] = {}
        for (j, naam), code in self._per_jaar.items():  # op jaar gesorteerd: de nieuwste naam wint
            per_code.setdefault(code, set()).add(str(naam).strip().casefold())
            naam_van.setdefault((code, j), naam)
            naam_van[(code, None)] = naam
        naar_code = {str(n).strip().casefold(): c for n, c in self._elk_jaar.items()}
        return per_code, naam_van, naar_code

    def namen_bij_codes(
        self, fouten: Problemen, df: pd.DataFrame, kolom: str, codes: pd.Series, jaar: int | None
    ) -> None:
        """Een bestand met GM-code én naam: de naam moet een schrijfwijze van die gemeente zijn (in welk
        jaar ook; hoofdletters tellen niet). Zonder namen in de opslag is er niets te vergelijken."""
        if not self:
            return
        per_code, naam_van, naar_code = self._spellingen()
        namen = df[kolom].str.strip()

        def past(sleutel: str) -> bool:
            code, naam = sleutel.split("|", 1)
            # Een onbekende code meldt onbekende_gemeenten al; dan niet ook de naam.
            return code not in per_code or naam.casefold() in per_code[code]

        def melding(sleutel: str) -> str:
            code, naam = sleutel.split("|", 1)
            ander = naar_code.get(naam.casefold())
            in_jaar = jaar is not None and (code, jaar) in naam_van
            heet = (
                f"{code} heet in {jaar} '{naam_van[(code, jaar)]}'"
                if in_jaar
                else f"{code} heet '{naam_van[(code, None)]}'"
            )
            return (
                f"gemeentenaam '{naam}' hoort niet bij {code}"
                + (f" maar bij {ander}" if ander else "")
                + f"; {heet}. Corrigeer de naam of de code."
            )

        sleutel = codes.fillna("").astype(str) + "|" + namen.fillna("")
        fouten.per_rij(df, kolom, ~per_unieke_waarde(sleutel, past), melding, waarden=sleutel)

    def onbekende_taakvelden(self, fouten: Problemen, df: pd.DataFrame, kolom: str, codes: pd.Series, jaar) -> None:
        """Meld taakveldcodes die niet in de CBS-codelijst van dat jaar staan (als de opslag die heeft)."""
        self._onbekend(fouten, df, kolom, codes, jaar, "taakvelden", "taakveldcode", "CBS-codelijst")

    def _onbekend(self, fouten, df, kolom, codes, jaar, soort, wat, lijstnaam, namen=None, of_later=False) -> None:
        lijsten = self._lijst(soort)
        if not lijsten:
            return
        alle = set().union(*lijsten.values())
        jaar = pd.Series(jaar, index=codes.index) if not isinstance(jaar, pd.Series) else jaar
        sleutel = jaar.astype(str) + "|" + codes.fillna("").astype(str)  # NaN: naam al als onbekend gemeld

        vorm = GM_CODE if soort == "gemeenten" else TAAKVELD

        def bekend(s: str) -> bool:
            j, c = s.split("|", 1)
            if not vorm.match(c):
                return True  # al gemeld als geen geldige code
            if of_later and int(j) in lijsten:
                return any(c in lijst for y, lijst in lijsten.items() if y >= int(j))
            lijst = lijsten.get(int(j)) if soort == "taakvelden" or int(j) in lijsten else None
            return c in lijst if lijst is not None else (soort == "taakvelden" or c in alle)

        def melding(s: str) -> str:
            j, c, *naam = s.split("|", 2)
            later = " of later" if of_later else ""
            waar = f"de {lijstnaam} van {j}{later}" if int(j) in lijsten else f"geen enkele {lijstnaam} in de opslag"
            onderwerp = f"gemeente '{naam[0]}' ({c})" if naam else f"{wat} {c}"
            return f"{onderwerp} staat niet in {waar}."

        # De naam gaat alleen mee in de melding; bekend of niet hangt van jaar en code af.
        waarden = sleutel if namen is None else sleutel + "|" + namen.astype(str).str.strip()
        fouten.per_rij(df, kolom, ~per_unieke_waarde(sleutel, bekend), melding, waarden=waarden)
