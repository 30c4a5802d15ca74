"""Het model van de sociale basis: welk taakveld in welke laag valt, met welk aandeel en welke
functie. Het model is een CSV-bestand in `data/model/`, leesbaar voor beleidsadviseurs; hier
wordt het gelezen en gecontroleerd.

Regels: per Iv3-schema (jaren) en taakveld tellen de aandelen op tot precies 1, met hoogstens
drie decimalen (Iv3-bedragen zijn hele € 1.000, dus elke laag blijft in hele euro's).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from .begrippen import FUNCTIES, LAGEN, NIET_MEEGETELD  # één thuis: begrippen.py
from .sources.controle import TAAKVELD, InvoerFout
from .sources.lezen import lees_tekst_csv
from .store import ROOT

STANDAARD = ROOT / "data" / "model" / "standaard.csv"


KOLOMMEN = ["schema", "taakveld", "omschrijving", "laag", "aandeel", "functie", "toelichting"]
# Optioneel: economische categorieën (voorvoegsels, bv. "L1 L3 L4.3.3") die bij deze laag horen.
# Heeft de bron categorieën voor het taakveld (CBS-ruwe data), dan telt de gemeten verdeling in
# plaats van `aandeel`; anders blijft `aandeel` gelden.
CATEGORIEEN = "categorieen"
CATEGORIE = re.compile(r"^L\d+(\.\d+)*$")


@dataclass(frozen=True)
class Model:
    naam: str  # bestandsnaam zonder extensie, bv. 'standaard'
    pad: Path
    vingerafdruk: str  # sha256 van de inhoud: een gewijzigd model is een ander model
    regels: pd.DataFrame  # schema, jaar_van, jaar_tot, taakveld, omschrijving, laag, aandeel, functie, toelichting
    # Een variant van het standaardmodel (varianten.py) kent zijn wijzigingen in korte vorm, zoals
    # '6.1:inst0.7;6.74a:acuut': zo heet hij in zijbalk, bronregels en link. Leeg voor een bestand.
    wijzigingen: str = ""

    @property
    def sleutel(self) -> str:
        return f"{self.naam}:{self.vingerafdruk[:12]}"

    @property
    def label(self) -> str:
        """De naam voor een lezer: 'standaard', 'standaard + 6.1:inst0.7' of de bestandsnaam."""
        return f"standaard + {self.wijzigingen}" if self.wijzigingen else self.naam

    def schemas(self) -> list[tuple[str, int, int]]:
        s = self.regels[["schema", "jaar_van", "jaar_tot"]].drop_duplicates()
        return [tuple(r) for r in s.sort_values("jaar_van").itertuples(index=False)]

    def schema_voor(self, jaar: int) -> str | None:
        return next((s for s, van, tot in self.schemas() if van <= jaar <= tot), None)


def _jaren(schema: str) -> tuple[int, int] | None:
    if m := re.fullmatch(r"(\d{4})-(\d{4})", schema):
        return int(m.group(1)), int(m.group(2))
    if m := re.fullmatch(r"(\d{4})\+", schema):
        return int(m.group(1)), 9999
    return None


def _controleer_categorieen(df: pd.DataFrame, fout) -> None:
    """Een gemeten verdeling moet elke laag van het taakveld dekken (anders gaat geld verloren)
    en mag geen categorie aan twee lagen geven, en alleen taakvelden met categoriedata gebruiken."""
    from .sources.iv3 import CATEGORIE_TAAKVELDEN

    # Alleen taakvelden met ergens categorieën (een paar van de ±200): per groep vergelijken kost anders
    # een tiende seconde, en elke variant op de pagina Model gaat hierdoor.
    met = df[CATEGORIEEN] != ""
    sleutels = set(zip(df.loc[met, "schema"], df.loc[met, "taakveld"], strict=True))
    binnen = [(s, t) in sleutels for s, t in zip(df["schema"], df["taakveld"], strict=True)]
    for (schema, taakveld), groep in df[binnen].groupby(["schema", "taakveld"], sort=False):
        gevuld = groep[CATEGORIEEN] != ""
        eerste = int(groep.index[0])
        if taakveld not in CATEGORIE_TAAKVELDEN:
            raise fout(
                eerste,
                CATEGORIEEN,
                f"voor taakveld {taakveld} zijn geen categorieën beschikbaar "
                f"(alleen {', '.join(CATEGORIE_TAAKVELDEN)}).",
            )
        if not gevuld.all():
            i = int(groep.index[~gevuld.to_numpy()][0])
            raise fout(
                i,
                CATEGORIEEN,
                f"taakveld {taakveld} (schema {schema}) heeft bij een andere laag "
                "categorieën; geef ze dan bij elke laag, anders gaat geld verloren.",
            )
        gezien: dict[str, str] = {}
        for i, rij in groep.iterrows():
            for code in rij[CATEGORIEEN].split():
                if not CATEGORIE.match(code):
                    raise fout(int(i), CATEGORIEEN, f"'{code}' is geen lastencategorie (zoals L1 of L4.3.3).")
                if code in gezien:
                    raise fout(
                        int(i), CATEGORIEEN, f"categorie {code} staat bij twee lagen ({gezien[code]} en {rij['laag']})."
                    )
                gezien[code] = rij["laag"]


def laad(pad: str | Path = STANDAARD) -> Model:
    """Lees en controleer een modelbestand."""
    pad = Path(pad)
    if not pad.is_file():
        raise InvoerFout(pad, "modelbestand bestaat niet.")
    return lees(pad.read_bytes(), str(pad), pad)


def lees(inhoud: bytes | str, bestandsnaam: str, pad: Path | None = None, *, wijzigingen: str = "") -> Model:
    """Lees en controleer een model uit de inhoud van een CSV-bestand (bv. een upload of een
    variant uit varianten.py), met dezelfde regels als een bestand op schijf. `bestandsnaam`
    staat in elke foutmelding en geeft het model zijn naam (zonder extensie)."""
    data = inhoud.encode("utf-8") if isinstance(inhoud, str) else bytes(inhoud)
    try:
        _controleer_velden(data)
        df = lees_tekst_csv(Path(Path(bestandsnaam).name), ",", KOLOMMEN, data=data)
    except InvoerFout as e:
        # De lezer kent alleen een buffer; de gebruiker herkent de bestandsnaam.
        raise InvoerFout(bestandsnaam, e.melding, rij=e.rij, kolom=e.kolom) from None
    df = _controleer(df, bestandsnaam)
    naam = Path(bestandsnaam).stem
    vingerafdruk = hashlib.sha256(data).hexdigest()
    return Model(naam, pad or Path(bestandsnaam), vingerafdruk, df, wijzigingen)


def _controleer_velden(data: bytes) -> None:
    """Een regel met meer velden dan de kopregel (bv. een komma in een toelichting zonder
    aanhalingstekens) zou pandas stil afkappen; hier wordt hij met zijn regelnummer geweigerd."""
    try:
        regels = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error):
        return  # de lezer hieronder meldt dit met uitleg
    if not regels:
        return
    for nummer, velden in enumerate(regels[1:], start=2):
        if len(velden) > len(regels[0]):
            raise InvoerFout(
                "",
                f"de regel heeft {len(velden)} velden, de kopregel {len(regels[0])}; "
                "zet een tekst met komma's tussen aanhalingstekens.",
                rij=nummer,
            )


def _controleer(df: pd.DataFrame, pad: str) -> pd.DataFrame:
    """Alle regels van het model; geeft de regels met jaren en Decimal-aandelen."""
    if CATEGORIEEN not in df.columns:
        df[CATEGORIEEN] = ""
    for kolom in [*KOLOMMEN, CATEGORIEEN]:
        df[kolom] = df[kolom].str.strip()

    def fout(i: int, kolom: str, melding: str) -> InvoerFout:
        return InvoerFout(pad, melding, rij=int(df["_regel"].iloc[i]), kolom=kolom)

    jaren, aandelen = [], []
    for i, rij in enumerate(df.itertuples(index=False)):
        if (j := _jaren(rij.schema)) is None:
            raise fout(i, "schema", f"'{rij.schema}' is geen schema; schrijf bv. 2017-2022 of 2025+.")
        jaren.append(j)
        if not TAAKVELD.match(rij.taakveld):
            raise fout(i, "taakveld", f"'{rij.taakveld}' is geen taakveldcode (zoals 6.1 of 6.71a).")
        if rij.laag not in LAGEN and rij.laag != NIET_MEEGETELD:
            raise fout(i, "laag", f"onbekende laag '{rij.laag}'; kies uit {', '.join([*LAGEN, NIET_MEEGETELD])}.")
        if rij.functie not in FUNCTIES:
            raise fout(i, "functie", f"onbekende functie '{rij.functie}'; kies uit {', '.join(FUNCTIES)}.")
        try:
            aandeel = Decimal(rij.aandeel.replace(",", "."))
        except InvalidOperation:
            raise fout(i, "aandeel", f"'{rij.aandeel}' is geen getal.") from None
        if not aandeel.is_finite():
            raise fout(i, "aandeel", f"'{rij.aandeel}' is geen getal.")
        if not (0 < aandeel <= 1):
            raise fout(i, "aandeel", f"aandeel {rij.aandeel} ligt niet tussen 0 en 1.")
        if aandeel.as_tuple().exponent < -3:
            raise fout(i, "aandeel", f"aandeel {rij.aandeel} heeft meer dan drie decimalen.")
        aandelen.append(aandeel)
    df["jaar_van"] = [j[0] for j in jaren]
    df["jaar_tot"] = [j[1] for j in jaren]
    df["aandeel"] = aandelen

    dubbel = df.duplicated(["schema", "taakveld", "laag"])
    if dubbel.any():
        i = int(dubbel.to_numpy().nonzero()[0][0])
        raise fout(
            i,
            "laag",
            f"taakveld {df['taakveld'].iloc[i]} staat twee keer in laag "
            f"{df['laag'].iloc[i]} (schema {df['schema'].iloc[i]}).",
        )
    som = df.groupby(["schema", "taakveld"], sort=False)["aandeel"].agg(lambda a: sum(a, Decimal(0)))
    for (schema, taakveld), totaal in som.items():
        if totaal != 1:
            i = int(((df["schema"] == schema) & (df["taakveld"] == taakveld)).to_numpy().nonzero()[0][-1])
            raise fout(
                i,
                "aandeel",
                f"de aandelen van taakveld {taakveld} (schema {schema}) tellen op tot {totaal}, niet tot 1.",
            )
    gedeeltelijk = (df["laag"] == NIET_MEEGETELD) & (df["aandeel"] != 1)
    if gedeeltelijk.any():
        i = int(gedeeltelijk.to_numpy().nonzero()[0][0])
        raise fout(i, "aandeel", "een taakveld telt helemaal wel of helemaal niet mee (aandeel 1).")

    _controleer_categorieen(df, fout)

    schemas = df[["schema", "jaar_van", "jaar_tot"]].drop_duplicates().sort_values("jaar_van")
    for a, b in zip(schemas.itertuples(index=False), list(schemas.itertuples(index=False))[1:]):
        if b.jaar_van <= a.jaar_tot:
            raise InvoerFout(pad, f"de schema's {a.schema} en {b.schema} overlappen.", kolom="schema")

    _controleer_volledig(df, fout)
    return df.drop(columns="_regel").reset_index(drop=True)


@functools.cache
def _standaard_taakvelden() -> dict[str, frozenset[str]]:
    """Per schema de taakvelden van het standaardmodel (zelf zonder deze vergelijking gelezen)."""
    df = lees_tekst_csv(STANDAARD, ",", KOLOMMEN)
    return {s: frozenset(g["taakveld"].str.strip()) for s, g in df.groupby(df["schema"].str.strip())}


def _controleer_volledig(df: pd.DataFrame, fout) -> None:
    """Een model mag geen taakveld missen dat het standaardmodel in hetzelfde schema heeft: dan
    zou het geld van dat taakveld uit elk totaal verdwijnen. (Als laatste regel gecontroleerd,
    zodat een fout in een rij eerst met die rij wordt gemeld.)"""
    for schema, standaard in _standaard_taakvelden().items():
        eigen = df["schema"] == schema
        if not eigen.any():
            continue
        ontbreekt = sorted(standaard - set(df.loc[eigen, "taakveld"]), key=_codevolgorde)
        if ontbreekt:
            i = int(eigen.to_numpy().nonzero()[0][-1])
            lijst = ", ".join(ontbreekt[:8]) + (f" en {len(ontbreekt) - 8} andere" if len(ontbreekt) > 8 else "")
            raise fout(
                i,
                "taakveld",
                f"schema {schema} mist taakveld(en) {lijst} die het "
                "standaardmodel wel heeft; voeg ze toe (desnoods in laag overig), "
                "anders gaat hun geld verloren.",
            )


def _codevolgorde(code: str) -> tuple:
    """6.2 vóór 6.71a vóór 6.711: op de cijfers, dan de letter."""
    hoofd, _, rest = code.partition(".")
    cijfers = rest.rstrip("abcdefghijklmnopqrstuvwxyz")
    return int(hoofd), cijfers, rest[len(cijfers) :]


def naar_csv(m: Model) -> bytes:
    """Het model als CSV in dezelfde vorm als data/model/standaard.csv; `lees` van deze bytes
    geeft hetzelfde model (met dezelfde vingerafdruk)."""
    uit = m.regels[[*KOLOMMEN, CATEGORIEEN]].copy()
    uit["aandeel"] = [_aandeel_tekst(a) for a in uit["aandeel"]]
    return uit.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _aandeel_tekst(a: Decimal) -> str:
    """0.400 → 0.4 en 1.0 → 1, zoals in het standaardmodel."""
    return format(Decimal(a).normalize(), "f")
