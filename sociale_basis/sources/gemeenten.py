"""Gemeentelijsten, namen, inwoners, klassen en grenswijzigingen."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .. import klassen
from .lezen import (InvoerFout, Lading, NaamZoeker, gehele_getallen, getallen, gm_codes,
                    lees_tekst_csv, uniek)


def _eerste_regel(kop: str) -> str:
    return kop.splitlines()[0].strip().lstrip("\ufeff") if kop else ""


def _jaar_uit_naam(pad: Path) -> int:
    if m := re.search(r"(20\d\d)", pad.name):
        return int(m.group(1))
    raise InvoerFout(pad, "het jaar staat niet in de bestandsnaam; noem het bestand bv. "
                          "gemeenteklassen_2025.tsv.")


# -- gemeenten per jaar ------------------------------------------------------------------------
KOLOMMEN_LIJST = ["jaar", "gm_code", "gm_naam", "prv_code", "provincie"]


def herken_lijst(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop) == ",".join(KOLOMMEN_LIJST)


def lees_lijst(pad: Path, namen: NaamZoeker) -> Lading:
    df = lees_tekst_csv(pad, ",", KOLOMMEN_LIJST)
    df["jaar"] = gehele_getallen(pad, df, "jaar")
    df["gm_code"] = gm_codes(pad, df, "gm_code")
    uniek(pad, df, ["jaar", "gm_code"])
    leeg = df["gm_naam"].str.strip() == ""
    if leeg.any():
        positie = int(leeg.to_numpy().nonzero()[0][0])
        raise InvoerFout(pad, "naam ontbreekt.", rij=int(df["_regel"].iloc[positie]), kolom="gm_naam")
    jaren = df.assign(naam=df["gm_naam"].str.strip(),
                      provincie=df["provincie"].str.strip().map(klassen.provincie).replace("", None))
    lading = Lading("gemeenten_per_jaar", {
        "gemeente_jaar": jaren[["jaar", "gm_code", "naam", "provincie"]],
        "gemeente_naam": jaren[["jaar", "naam", "gm_code"]],
    })
    lading.samenvatting = (f"{df['jaar'].min()}–{df['jaar'].max()}: "
                           f"{df.groupby('jaar').size().iloc[-1]} gemeenten in {df['jaar'].max()}")
    return lading


# -- namen-crosswalk -------------------------------------------------------------------------
NAAMKOLOMMEN = ["naam_cbs_gemeentelijst", "naam_iv3_en_gemeenteklassen",
                "naam_begrotingsanalysetool_en_gf"]


def herken_namen(pad: Path, kop: str) -> bool:
    eerste = _eerste_regel(kop).split(",")
    return eerste[:2] == ["jaar", "gm_code"] and all(k in eerste for k in NAAMKOLOMMEN)


def lees_namen(pad: Path, namen: NaamZoeker) -> Lading:
    df = lees_tekst_csv(pad, ",", ["jaar", "gm_code", *NAAMKOLOMMEN])
    df["jaar"] = gehele_getallen(pad, df, "jaar")
    df["gm_code"] = gm_codes(pad, df, "gm_code")
    lang = pd.concat([df[["jaar", k, "gm_code"]].rename(columns={k: "naam"}) for k in NAAMKOLOMMEN])
    lang["naam"] = lang["naam"].str.strip()
    lang = lang[lang["naam"] != ""].drop_duplicates(["jaar", "naam", "gm_code"])
    _geen_dubbele_namen(pad, lang)
    return Lading("gemeentenamen", {"gemeente_naam": lang},
                  f"{len(lang)} schrijfwijzen voor {df['gm_code'].nunique()} gemeenten")


def _geen_dubbele_namen(pad: Path, lang: pd.DataFrame) -> None:
    dubbel = lang.groupby(["jaar", "naam"])["gm_code"].nunique()
    if (dubbel > 1).any():
        jaar, naam = dubbel[dubbel > 1].index[0]
        raise InvoerFout(pad, f"de naam '{naam}' hoort in {jaar} bij meer dan één gemeentecode.")


# -- afwijkende namen Iv3 ↔ gemeentefonds ----------------------------------------------------
def herken_namen_gf(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop).split("\t") == ["Iv3naam", "GFnaam"]


def lees_namen_gf(pad: Path, namen: NaamZoeker) -> Lading:
    df = lees_tekst_csv(pad, "\t", ["Iv3naam", "GFnaam"])
    df["gm_code"] = namen.codes(pad, df, "Iv3naam", None)
    # De gemeentefondsspelling geldt in alle jaren waarin de gemeente bestaat.
    jaren = namen.jaren_van(df["gm_code"])
    lang = df.merge(jaren, on="gm_code")[["jaar", "GFnaam", "gm_code"]].rename(columns={"GFnaam": "naam"})
    lang["naam"] = lang["naam"].str.strip()
    return Lading("gemeentenamen_gf", {"gemeente_naam": lang},
                  f"{len(df)} gemeentefondsnamen")


# -- inwoners ---------------------------------------------------------------------------------
def herken_inwoners(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop) == "jaar,gm_code,aantal_inwoners"


def lees_inwoners(pad: Path, namen: NaamZoeker) -> Lading:
    df = lees_tekst_csv(pad, ",", ["jaar", "gm_code", "aantal_inwoners"])
    uit = pd.DataFrame({
        "jaar": gehele_getallen(pad, df, "jaar"),
        "gm_code": gm_codes(pad, df, "gm_code"),
        "inwoners": gehele_getallen(pad, df, "aantal_inwoners"),
    })
    uniek(pad, df, ["jaar", "gm_code"])
    totaal = uit.groupby("jaar")["inwoners"].sum()
    return Lading("inwoners", {"inwoners": uit},
                  f"{uit['jaar'].min()}–{uit['jaar'].max()}, Nederland {uit['jaar'].max()}: "
                  f"{totaal.iloc[-1]:,}".replace(",", "."))


# -- gemeenteklassen --------------------------------------------------------------------------
KOLOMMEN_KLASSEN = ["Gemeenten", "Provincie", "Gemeentegrootte", "Stedelijkheid"]


def herken_klassen(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop).split("\t")[:4] == KOLOMMEN_KLASSEN


def lees_klassen(pad: Path, namen: NaamZoeker) -> Lading:
    jaar = _jaar_uit_naam(pad)
    df = lees_tekst_csv(pad, "\t", KOLOMMEN_KLASSEN)
    uit = pd.DataFrame({
        "jaar": jaar,
        "gm_code": namen.codes(pad, df, "Gemeenten", jaar),
        "grootteklasse": _klasse(pad, df, "Gemeentegrootte", klassen.grootteklasse),
        "stedelijkheid": _klasse(pad, df, "Stedelijkheid", klassen.stedelijkheid),
    })
    uniek(pad, df.assign(gm_code=uit["gm_code"]), ["gm_code"], "Gemeenten")
    return Lading("gemeenteklassen", {"gemeente_klasse": uit}, f"{jaar}: {len(uit)} gemeenten")


def _klasse(pad: Path, df: pd.DataFrame, kolom: str, omzetten) -> pd.Series:
    uit = df[kolom].map(omzetten)
    if uit.isna().any():
        positie = int(uit.isna().to_numpy().nonzero()[0][0])
        raise InvoerFout(pad, f"onbekende klasse '{df[kolom].iloc[positie]}'.",
                         rij=int(df["_regel"].iloc[positie]), kolom=kolom)
    return uit


# -- sociale structuur en centrumfunctie ------------------------------------------------------
def herken_profiel(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop).split("\t") == ["Gemeenten", "Centrumfunctie", "Sociale structuur"]


def lees_profiel(pad: Path, namen: NaamZoeker) -> Lading:
    df = lees_tekst_csv(pad, "\t", ["Gemeenten", "Centrumfunctie", "Sociale structuur"])
    uit = pd.DataFrame({
        "gm_code": namen.codes(pad, df, "Gemeenten", None),
        "sociale_structuur": _klasse(pad, df, "Sociale structuur", klassen.sociale_structuur),
        "centrumfunctie": _klasse(pad, df, "Centrumfunctie", klassen.centrumfunctie),
    })
    uniek(pad, df.assign(gm_code=uit["gm_code"]), ["gm_code"], "Gemeenten")
    return Lading("sociale_structuur", {"gemeente_profiel": uit}, f"{len(uit)} gemeenten")


# -- grenswijzigingen ------------------------------------------------------------------------
KOLOMMEN_GRENS = ["jaar_van", "jaar_naar", "gm_code_van", "naam_van", "gm_code_naar", "naam_naar",
                  "adressen", "aandeel_van_gemeente_van", "soort"]


def herken_grenzen(pad: Path, kop: str) -> bool:
    return _eerste_regel(kop) == ",".join(KOLOMMEN_GRENS)


def lees_grenzen(pad: Path, namen: NaamZoeker) -> Lading:
    df = lees_tekst_csv(pad, ",", KOLOMMEN_GRENS)
    uit = pd.DataFrame({
        "jaar_van": gehele_getallen(pad, df, "jaar_van"),
        "jaar_naar": gehele_getallen(pad, df, "jaar_naar"),
        "gm_code_van": gm_codes(pad, df, "gm_code_van"),
        "gm_code_naar": gm_codes(pad, df, "gm_code_naar"),
        "adressen": gehele_getallen(pad, df, "adressen"),
        "soort": df["soort"].str.strip(),
    })
    volgend = uit["jaar_naar"] != uit["jaar_van"] + 1
    if volgend.any():
        positie = int(volgend.to_numpy().nonzero()[0][0])
        raise InvoerFout(pad, "jaar_naar moet het jaar na jaar_van zijn.",
                         rij=int(df["_regel"].iloc[positie]), kolom="jaar_naar")
    uniek(pad, df, ["jaar_van", "gm_code_van", "gm_code_naar"])
    getallen(pad, df, "aandeel_van_gemeente_van")  # controle; het aandeel volgt uit de adressen
    return Lading("grenswijzigingen", {"grenswijziging": uit},
                  f"{uit['jaar_van'].min()}→{uit['jaar_naar'].max()}: {len(uit)} overgangen")
