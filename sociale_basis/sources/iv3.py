"""Iv3-bedragen per gemeente, taakveld, jaar en document, uit drie soorten bestanden.

- `taakveld_lasten_baten`: per taakveld (met sub-taakvelden) lasten en baten, één jaar en
  document per bestand, gemeenten op naam (bv. `iv3_taakveld_2023_begroting.csv`);
- `lasten_2posities`: lasten per taakveld op 2 posities, alle jaren in één lang bestand;
- `cbs_ruw`: de onbewerkte CBS-tabel (Gemeenten, TaakveldBalanspost, Categorie, waarde).

Alle bedragen blijven in € 1.000, zoals CBS ze publiceert.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .controle import (
    IV3_EERSTE_JAAR,
    MAX_IV3,
    Problemen,
    controleer_jaar,
    getallen,
    gm_codes,
    jaren,
    keuze,
    laatste_jaar,
    taakveld_codes,
    uniek,
)
from .lading import Lading
from .lezen import lees_tekst_csv
from .namen import NaamZoeker

DOCUMENTEN = {"begroting", "jaarrekening"}
VERSLAGSOORT = {"000": "begroting", "005": "jaarrekening"}
CBS_GEEN_WAARDE = -99998  # CBS' teken voor "geen cijfer"; echte negatieve bedragen bestaan wel
NEDERLAND = "Nederland"  # somregel in afgeleide bestanden, geen gemeente
# Taakvelden waarvan de lasten per economische categorie bewaard worden: het model kan daar de
# verdeling over de lagen uit de categorieën halen (kolom `categorieen` in het modelbestand).
CATEGORIE_TAAKVELDEN = ("6.1",)


def jaar_document_uit_naam(pad: Path) -> tuple[int, str] | None:
    naam = pad.name.lower()
    # Ook 19xx herkennen: dan zegt de melding dat het jaar niet kan, niet dat het ontbreekt.
    if m := re.search(r"((?:19|20)\d\d)[_ -]?(begroting|jaarrekening)", naam):
        return int(m.group(1)), m.group(2)
    if m := re.search(r"((?:19|20)\d\d)x?(000|005)", naam):
        return int(m.group(1)), VERSLAGSOORT[m.group(2)]
    return None


def _bedrag_tabel(bron: str, jaar, document, gm_code, taakveld, lasten, baten) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "bron": bron,
            "jaar": jaar,
            "document": document,
            "gm_code": gm_code,
            "taakveld": taakveld,
            "lasten": lasten,
            "baten": baten,
        }
    )


def _samenvatting(df: pd.DataFrame) -> str:
    delen = []
    for doc, groep in df.groupby("document", sort=True):
        jaren = sorted(groep["jaar"].unique())
        periode = f"{jaren[0]}–{jaren[-1]}" if len(jaren) > 1 else f"{jaren[0]}"
        delen.append(f"{doc} {periode}")
    per_jaar = df.groupby(["jaar", "document"])["gm_code"].nunique()
    gemeenten = f"{per_jaar.min()}–{per_jaar.max()}" if per_jaar.min() != per_jaar.max() else f"{per_jaar.min()}"
    return f"{' en '.join(delen)}; {gemeenten} gemeenten, {df['taakveld'].nunique()} taakvelden"


# -- taakveld_lasten_baten -------------------------------------------------------------------
KOLOMMEN_TAAKVELD = ["Gemeenten", "Taakveld", "Lasten", "Baten"]


def herken_taakveld(pad: Path, kop: str) -> bool:
    eerste = kop.splitlines()[0] if kop else ""
    return eerste.startswith("Gemeenten;Taakveld;") and "Lasten" in eerste and "Baten" in eerste


def _bedragen(fouten: Problemen, df: pd.DataFrame, kolom: str, **opties) -> pd.Series:
    return getallen(fouten, df, kolom, maximum=MAX_IV3, eenheid=" × € 1.000, dus € 100 mld", **opties)


def lees_taakveld(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    jd = jaar_document_uit_naam(pad)
    if jd is None:
        raise fouten.fout(
            "jaar en document staan niet in de bestandsnaam; noem het bestand bv. iv3_taakveld_2023_begroting.csv."
        )
    jaar, document = jd
    controleer_jaar(fouten, jaar, IV3_EERSTE_JAAR, "Iv3-taakveldgegevens")
    df = lees_tekst_csv(pad, ";", KOLOMMEN_TAAKVELD, fouten=fouten)
    df = df[df["Gemeenten"].str.strip() != NEDERLAND]
    if df.empty:  # geladen zou het niets vervangen, maar wel 'geladen' heten
        raise fouten.fout(
            f"bevat geen gemeenten: elke regel is '{NEDERLAND}' (het landelijke totaal) "
            "of er zijn geen regels. Er is niets geladen.",
            kolom="Gemeenten",
        )
    taakveld = taakveld_codes(fouten, df, "Taakveld")
    namen.onbekende_taakvelden(fouten, df, "Taakveld", taakveld, jaar)
    lasten = _bedragen(fouten, df, "Lasten")
    baten = _bedragen(fouten, df, "Baten")
    gm = namen.codes(fouten, df, "Gemeenten", jaar)
    uit = _bedrag_tabel("taakveld_lasten_baten", jaar, document, gm, taakveld, lasten, baten)
    # Uniek na het herkennen: 'Groningen' en 'Groningen (gemeente)' zijn dezelfde gemeente.
    uniek(fouten, df.assign(gemeente=gm, taakveld=taakveld), ["gemeente", "taakveld"], "Taakveld")
    fouten.klaar()
    return Lading("iv3_taakveld", {"iv3_bedrag": uit}, _samenvatting(uit))


# -- lasten_2posities ------------------------------------------------------------------------
KOLOMMEN_2POS = ["jaar", "verslagsoort", "document", "gm_code", "taakveld", "taakveld_label", "lasten"]


def herken_2posities(pad: Path, kop: str) -> bool:
    return kop.splitlines()[0].strip() == ",".join(KOLOMMEN_2POS) if kop else False


def lees_2posities(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN_2POS, fouten=fouten)
    jaar = jaren(fouten, df, "jaar", IV3_EERSTE_JAAR)
    document = keuze(fouten, df, "document", DOCUMENTEN)
    _verslagsoort_klopt(fouten, df, jaar, document)
    gm = gm_codes(fouten, df, "gm_code")
    namen.onbekende_gemeenten(fouten, df, "gm_code", gm, jaar)
    taakveld = taakveld_codes(fouten, df, "taakveld")
    namen.onbekende_taakvelden(fouten, df, "taakveld", taakveld, jaar)
    lasten = _bedragen(fouten, df, "lasten")
    uit = _bedrag_tabel("lasten_2posities", jaar, document, gm, taakveld, lasten, None)
    uit["baten"] = uit["baten"].astype("float64")
    uniek(fouten, uit.assign(_regel=df["_regel"]), ["jaar", "document", "gm_code", "taakveld"])
    fouten.klaar()
    return Lading("iv3_lasten_2posities", {"iv3_bedrag": uit}, _samenvatting(uit))


def _verslagsoort_klopt(fouten: Problemen, df: pd.DataFrame, jaar: pd.Series, document: pd.Series) -> None:
    """De kolom verslagsoort (2023X000) moet bij jaar en document van dezelfde regel passen."""
    code = document.map({d: c for c, d in VERSLAGSOORT.items()})
    verwacht = jaar.astype(str) + "X" + code.fillna("???")
    # Een jaar dat al fout was (0) niet nog eens als tegenstrijdig melden.
    fouten.per_rij(
        df,
        "verslagsoort",
        df["verslagsoort"].str.strip().ne(verwacht) & code.notna() & (jaar > 0),
        lambda w: f"de verslagsoort {w} past niet bij jaar en document van deze regel.",
    )


# -- cbs_ruw ---------------------------------------------------------------------------------
KOLOMMEN_CBS_RUW = ["Gemeenten", "TaakveldBalanspost", "Categorie"]  # plus een van de waardekolommen
WAARDEKOLOMMEN = ["k_2ePlaatsing_2", "k_1ePlaatsing_1", "Value", "value", "Waarde", "waarde"]


def herken_cbs_ruw(pad: Path, kop: str) -> bool:
    eerste = kop.splitlines()[0] if kop else ""
    return "TaakveldBalanspost" in eerste and "Categorie" in eerste and "Gemeenten" in eerste


def lees_cbs_ruw(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, None, KOLOMMEN_CBS_RUW, fouten=fouten)
    aanwezig = [k for k in WAARDEKOLOMMEN if k in df.columns]
    if not aanwezig:
        raise fouten.fout("geen waardekolom gevonden; verwacht k_2ePlaatsing_2, k_1ePlaatsing_1 of Value.", rij=1)
    # Waarde: de 2e plaatsing waar die er is, anders de 1e (zoals CBS zelf telt).
    waarde = None
    for kolom in aanwezig:
        if kolom not in ("k_2ePlaatsing_2", "k_1ePlaatsing_1") and waarde is not None:
            break
        w = _bedragen(fouten, df, kolom, leeg=float("nan"))
        w = w.mask(w == CBS_GEEN_WAARDE)
        waarde = w if waarde is None else waarde.fillna(w)
        if kolom not in ("k_2ePlaatsing_2", "k_1ePlaatsing_1"):
            break
    df["_waarde"] = waarde.fillna(0.0)
    df["jaar"], df["document"] = _jaar_document_ruw(fouten, df)

    # Balansposten (A…/P…) en balanscategorieën (Primo, Ultimo) zijn geen lasten of baten.
    categorie = df["Categorie"].str.strip().str.split(" ", n=1).str[0].str[0]
    df = df[~df["TaakveldBalanspost"].str.strip().str.match(r"^[AP]") & categorie.isin(["L", "B"])]
    if df.empty:
        fouten.klaar()  # eerst de waardefouten, als die er zijn
        raise fouten.fout("geen lasten- of batenregels (categorie L… of B…) op taakvelden.")
    soort = df["Categorie"].str.strip().str[0]
    df = df.assign(
        Gemeenten=df["Gemeenten"].str.strip(),
        taakveld=taakveld_codes(fouten, df, "TaakveldBalanspost"),
        categorie=df["Categorie"].str.strip().str.split(" ", n=1).str[0],
        lasten=df["_waarde"].where(soort == "L", 0.0),
        baten=df["_waarde"].where(soort == "B", 0.0),
    )
    namen.onbekende_taakvelden(fouten, df, "TaakveldBalanspost", df["taakveld"], df["jaar"])
    if df["Gemeenten"].str.match(r"^GM\d{4}$").all():
        df["gm_code"] = df["Gemeenten"]
        namen.onbekende_gemeenten(fouten, df, "Gemeenten", df["gm_code"], df["jaar"])
    else:
        jaren_ = df["jaar"].unique()
        df["gm_code"] = namen.codes(fouten, df, "Gemeenten", int(jaren_[0]) if len(jaren_) == 1 else None)
    # Een dubbele regel zou bij het optellen stilletjes verdubbelen.
    uniek(fouten, df, ["jaar", "document", "gm_code", "taakveld", "categorie"], "Categorie")
    fouten.klaar()
    uit = df.groupby(["jaar", "document", "gm_code", "taakveld"], as_index=False)[["lasten", "baten"]].sum()
    uit.insert(0, "bron", "cbs_ruw")
    categorie = df[df["taakveld"].isin(CATEGORIE_TAAKVELDEN) & (soort == "L")]
    categorie = categorie.groupby(["jaar", "document", "gm_code", "taakveld", "categorie"], as_index=False)[
        "lasten"
    ].sum()
    categorie.insert(0, "bron", "cbs_ruw")
    return Lading("iv3_cbs_ruw", {"iv3_bedrag": uit, "iv3_categorie": categorie}, _samenvatting(uit))


def _jaar_document_ruw(fouten: Problemen, df: pd.DataFrame):
    """Jaar en document uit een kolom Verslagsoort, anders uit de bestandsnaam. Noemen beide een
    jaar en document, dan moeten ze overeenkomen."""
    naam = jaar_document_uit_naam(fouten.pad)
    if naam is not None:
        controleer_jaar(fouten, naam[0], IV3_EERSTE_JAAR, "Iv3-gegevens")
    for kolom in ("Verslagsoort", "Documentsoort"):
        if kolom in df.columns:
            m = df[kolom].str.strip().str.extract(r"^((?:19|20)\d\d)X?(000|005)$")
            fouten.per_rij(df, kolom, m[0].isna(), lambda w: f"'{w}' is geen verslagsoort zoals 2023X005.")
            jaar = m[0].fillna("0").astype(int)
            document = m[1].map(VERSLAGSOORT)
            geldig = m[0].notna()
            buiten = geldig & ((jaar < IV3_EERSTE_JAAR) | (jaar > laatste_jaar()))
            fouten.per_rij(
                df,
                kolom,
                buiten,
                lambda w: (
                    f"de verslagsoort {w.strip()} kan niet: Iv3-gegevens "
                    f"bestaan van {IV3_EERSTE_JAAR} tot en met {laatste_jaar()}."
                ),
            )
            if naam is not None:
                anders = geldig & ((jaar != naam[0]) | (document != naam[1]))
                fouten.per_rij(
                    df,
                    kolom,
                    anders,
                    lambda w: f"de verslagsoort {w.strip()} spreekt de bestandsnaam tegen ({naam[1]} {naam[0]}).",
                )
            return jaar, document
    if naam is None:
        raise fouten.fout(
            "jaar en document zijn niet te bepalen: het bestand heeft geen kolom "
            "Verslagsoort en de naam bevat geen code zoals 2023X005 "
            "(jaarrekening) of 2023X000 (begroting)."
        )
    return naam
