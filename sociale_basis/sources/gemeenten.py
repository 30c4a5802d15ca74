"""Gemeentelijsten, namen, inwoners, klassen en grenswijzigingen."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .. import fmt, klassen
from .controle import Problemen, controleer_jaar, gehele_getallen, getallen, gm_codes, jaren, tekst, uniek
from .lading import Lading
from .lezen import lees_tekst_csv
from .namen import NaamZoeker

EERSTE_JAAR = 1900  # de CBS-gemeentelijsten beginnen ruim later; eerder is een tikfout
MAX_INWONERS = 20_000_000  # meer dan heel Nederland


def _eerste_regel(kop: str) -> str:
    return kop.splitlines()[0].strip().lstrip("\ufeff") if kop else ""


def _jaar_uit_naam(fouten: Problemen, eerste: int, wat: str) -> int:
    if m := re.search(r"((?:19|20)\d\d)", fouten.pad.name):
        controleer_jaar(fouten, int(m.group(1)), eerste, wat)
        return int(m.group(1))
    raise fouten.fout("het jaar staat niet in de bestandsnaam; noem het bestand bv. gemeenteklassen_2025.tsv.")


# -- gemeenten per jaar ------------------------------------------------------------------------
KOLOMMEN_LIJST = ["jaar", "gm_code", "gm_naam", "prv_code", "provincie"]


def herken_lijst(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop) == ",".join(KOLOMMEN_LIJST)


def lees_lijst(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN_LIJST, fouten=fouten)
    df["jaar"] = jaren(fouten, df, "jaar", EERSTE_JAAR)
    df["gm_code"] = gm_codes(fouten, df, "gm_code")
    uniek(fouten, df, ["jaar", "gm_code"])
    naam = tekst(fouten, df, "gm_naam", verplicht=True)
    tekst(fouten, df, "provincie")
    fouten.klaar()
    jaren_ = df.assign(naam=naam, provincie=df["provincie"].str.strip().map(klassen.provincie).replace("", None))
    lading = Lading(
        "gemeenten_per_jaar",
        {
            "gemeente_jaar": jaren_[["jaar", "gm_code", "naam", "provincie"]],
            "gemeente_naam": jaren_[["jaar", "naam", "gm_code"]],
        },
    )
    lading.samenvatting = (
        f"{df['jaar'].min()}–{df['jaar'].max()}: {df.groupby('jaar').size().iloc[-1]} gemeenten in {df['jaar'].max()}"
    )
    return lading


# -- namen-crosswalk -------------------------------------------------------------------------
NAAMKOLOMMEN = ["naam_cbs_gemeentelijst", "naam_iv3_en_gemeenteklassen", "naam_begrotingsanalysetool_en_gf"]
KOLOMMEN_NAMEN = ["jaar", "gm_code", *NAAMKOLOMMEN]


def herken_namen(pad: Path, kop: str) -> bool:
    eerste = _eerste_regel(kop).split(",")
    return eerste[:2] == ["jaar", "gm_code"] and all(k in eerste for k in NAAMKOLOMMEN)


def lees_namen(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN_NAMEN, fouten=fouten)
    df["jaar"] = jaren(fouten, df, "jaar", EERSTE_JAAR)
    df["gm_code"] = gm_codes(fouten, df, "gm_code")
    namen.onbekende_gemeenten(fouten, df, "gm_code", df["gm_code"], df["jaar"])
    for kolom in NAAMKOLOMMEN:
        tekst(fouten, df, kolom)
    lang = pd.concat([df[["jaar", k, "gm_code", "_regel"]].rename(columns={k: "naam"}) for k in NAAMKOLOMMEN])
    lang["naam"] = lang["naam"].str.strip()
    lang = lang[lang["naam"] != ""].drop_duplicates(["jaar", "naam", "gm_code"])
    _geen_dubbele_namen(fouten, lang)
    fouten.klaar()
    lang = lang.drop(columns="_regel")
    return Lading(
        "gemeentenamen", {"gemeente_naam": lang}, f"{len(lang)} schrijfwijzen voor {df['gm_code'].nunique()} gemeenten"
    )


def _geen_dubbele_namen(fouten: Problemen, lang: pd.DataFrame) -> None:
    dubbel = lang.groupby(["jaar", "naam"])["gm_code"].nunique()
    for jaar, naam in dubbel[dubbel > 1].index:
        regels = lang.loc[(lang["jaar"] == jaar) & (lang["naam"] == naam), "_regel"]
        fouten.meld(f"de naam '{naam}' hoort in {jaar} bij meer dan één gemeentecode.", rij=int(regels.max()))


# -- afwijkende namen Iv3 ↔ gemeentefonds ----------------------------------------------------
KOLOMMEN_NAMEN_GF = ["Iv3naam", "GFnaam"]


def herken_namen_gf(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop).split("\t") == KOLOMMEN_NAMEN_GF


def lees_namen_gf(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, "\t", KOLOMMEN_NAMEN_GF, fouten=fouten)
    df["gm_code"] = namen.codes(fouten, df, "Iv3naam", None)
    tekst(fouten, df, "GFnaam", verplicht=True)
    fouten.klaar()
    # De gemeentefondsspelling geldt in alle jaren waarin de gemeente bestaat.
    jaren = namen.jaren_van(df["gm_code"])
    lang = df.merge(jaren, on="gm_code")[["jaar", "GFnaam", "gm_code"]].rename(columns={"GFnaam": "naam"})
    lang["naam"] = lang["naam"].str.strip()
    return Lading("gemeentenamen_gf", {"gemeente_naam": lang}, f"{len(df)} gemeentefondsnamen")


# -- inwoners ---------------------------------------------------------------------------------
KOLOMMEN_INWONERS = ["jaar", "gm_code", "aantal_inwoners"]


def herken_inwoners(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop) == ",".join(KOLOMMEN_INWONERS)


def lees_inwoners(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN_INWONERS, fouten=fouten)
    uit = pd.DataFrame(
        {
            "jaar": jaren(fouten, df, "jaar", EERSTE_JAAR),
            "gm_code": gm_codes(fouten, df, "gm_code"),
            "inwoners": gehele_getallen(fouten, df, "aantal_inwoners", minimum=0, maximum=MAX_INWONERS),
        }
    )
    namen.onbekende_gemeenten(fouten, df, "gm_code", uit["gm_code"], uit["jaar"])
    uniek(fouten, df, ["jaar", "gm_code"])
    fouten.klaar()
    totaal = uit.groupby("jaar")["inwoners"].sum()
    # Alleen het getal krijgt Nederlandse punten; een komma in de rest van de tekst blijft staan.
    return Lading(
        "inwoners",
        {"inwoners": uit},
        f"{uit['jaar'].min()}–{uit['jaar'].max()}, Nederland {uit['jaar'].max()}: {fmt.getal(totaal.iloc[-1])}",
    )


# -- gemeenteklassen --------------------------------------------------------------------------
KOLOMMEN_KLASSEN = ["Gemeenten", "Provincie", "Gemeentegrootte", "Stedelijkheid"]


def herken_klassen(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop).split("\t")[:4] == KOLOMMEN_KLASSEN


def lees_klassen(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    jaar = _jaar_uit_naam(fouten, EERSTE_JAAR, "gemeenteklassen")
    df = lees_tekst_csv(pad, "\t", KOLOMMEN_KLASSEN, fouten=fouten)
    gm = namen.codes(fouten, df, "Gemeenten", jaar)
    # Een naam uit een ander jaar (een opgeheven gemeente) hoort niet in de klassen van dit jaar.
    namen.onbekende_gemeenten(fouten, df, "Gemeenten", gm, jaar, namen=df["Gemeenten"])
    uit = pd.DataFrame(
        {
            "jaar": jaar,
            "gm_code": gm,
            "grootteklasse": _klasse(fouten, df, "Gemeentegrootte", klassen.grootteklasse),
            "stedelijkheid": _klasse(fouten, df, "Stedelijkheid", klassen.stedelijkheid),
        }
    )
    uniek(fouten, df.assign(gm_code=uit["gm_code"]), ["gm_code"], "Gemeenten")
    fouten.klaar()
    return Lading("gemeenteklassen", {"gemeente_klasse": uit}, f"{jaar}: {len(uit)} gemeenten")


def _klasse(fouten: Problemen, df: pd.DataFrame, kolom: str, omzetten) -> pd.Series:
    uit = df[kolom].map(omzetten)
    fouten.per_rij(df, kolom, uit.isna(), lambda w: f"onbekende klasse '{w}'.")
    return uit


# -- sociale structuur en centrumfunctie ------------------------------------------------------
KOLOMMEN_PROFIEL = ["Gemeenten", "Centrumfunctie", "Sociale structuur"]


def herken_profiel(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop).split("\t") == KOLOMMEN_PROFIEL


def lees_profiel(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, "\t", KOLOMMEN_PROFIEL, fouten=fouten)
    uit = pd.DataFrame(
        {
            "gm_code": namen.codes(fouten, df, "Gemeenten", None),
            "sociale_structuur": _klasse(fouten, df, "Sociale structuur", klassen.sociale_structuur),
            "centrumfunctie": _klasse(fouten, df, "Centrumfunctie", klassen.centrumfunctie),
        }
    )
    uniek(fouten, df.assign(gm_code=uit["gm_code"]), ["gm_code"], "Gemeenten")
    fouten.klaar()
    return Lading("sociale_structuur", {"gemeente_profiel": uit}, f"{len(uit)} gemeenten")


# -- grenswijzigingen ------------------------------------------------------------------------
KOLOMMEN_GRENS = [
    "jaar_van",
    "jaar_naar",
    "gm_code_van",
    "naam_van",
    "gm_code_naar",
    "naam_naar",
    "adressen",
    "aandeel_van_gemeente_van",
    "soort",
]


def herken_grenzen(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop) == ",".join(KOLOMMEN_GRENS)


def lees_grenzen(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN_GRENS, fouten=fouten)
    uit = pd.DataFrame(
        {
            "jaar_van": jaren(fouten, df, "jaar_van", EERSTE_JAAR),
            "jaar_naar": jaren(fouten, df, "jaar_naar", EERSTE_JAAR),
            "gm_code_van": gm_codes(fouten, df, "gm_code_van"),
            "gm_code_naar": gm_codes(fouten, df, "gm_code_naar"),
            "adressen": gehele_getallen(fouten, df, "adressen", minimum=0, maximum=1e8),
            "soort": tekst(fouten, df, "soort", verplicht=True),
        }
    )
    namen.onbekende_gemeenten(fouten, df, "gm_code_van", uit["gm_code_van"], uit["jaar_van"])
    namen.onbekende_gemeenten(fouten, df, "gm_code_naar", uit["gm_code_naar"], uit["jaar_naar"])
    fouten.per_rij(
        df, "jaar_naar", uit["jaar_naar"] != uit["jaar_van"] + 1, lambda _w: "jaar_naar moet het jaar na jaar_van zijn."
    )
    uniek(fouten, df, ["jaar_van", "gm_code_van", "gm_code_naar"])
    # Controle; het aandeel zelf volgt uit de adressen.
    getallen(fouten, df, "aandeel_van_gemeente_van", minimum=0, maximum=1)
    fouten.klaar()
    return Lading(
        "grenswijzigingen",
        {"grenswijziging": uit},
        f"{uit['jaar_van'].min()}→{uit['jaar_naar'].max()}: {len(uit)} overgangen",
    )
