"""Eigen cijfers van één gemeente: haar (ontwerp)begroting of jaarrekening per taakveld, in het
sjabloon dat de Gegevens-pagina aanbiedt. Het is géén CBS-data: het gaat voor op CBS voor die
gemeente, dat jaar en document, en wordt overal als 'eigen cijfers' gemarkeerd.

Sjabloon (puntkomma en decimale komma, zoals Excel in het Nederlands opslaat; of komma's en een
decimale punt), bedragen in € 1.000 zoals CBS:

    gemeente;jaar;document;taakveld;omschrijving;lasten_duizend_euro;baten_duizend_euro
    GM0363;2025;begroting;6.1;Samenkracht en burgerparticipatie;12345,6;789

Een leeg bedrag is 0; een taakveld dat ontbreekt ook. Alleen jaren en documenten waarvoor de
opslag CBS-cijfers heeft: anders is er niets om mee te vergelijken.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from .. import fmt
from .controle import GM_CODE, IV3_EERSTE_JAAR, Problemen, getallen, jaren, keuze, taakveld_codes, uniek
from .lading import Lading
from .lezen import lees_tekst_csv, sha256

KOLOMMEN = ["gemeente", "jaar", "document", "taakveld", "omschrijving", "lasten_duizend_euro", "baten_duizend_euro"]
SOORT = "eigen_begroting"
BRON = "eigen"
# Eén Iv3-bedrag boven € 100 mld (in € 1.000) bestaat niet; Amsterdam begroot in totaal ± € 8 mld.
GRENS = 1e8


def herken(pad: Path, kop: str) -> bool:
    eerste = (kop.splitlines()[0] if kop else "").strip().lower()
    return eerste in {";".join(KOLOMMEN), ",".join(KOLOMMEN)}


def sjabloon(gm_code: str, naam: str, jaar: int, document: str, taakvelden: pd.DataFrame) -> bytes:
    """Het sjabloon voor één gemeente: elk taakveld dat CBS voor dit jaar en document gebruikt, met
    lege bedragen (UTF-8 met BOM, zodat Excel de ë's goed leest)."""
    df = pd.DataFrame(
        {
            "gemeente": gm_code,
            "jaar": jaar,
            "document": document,
            "taakveld": taakvelden["taakveld"],
            "omschrijving": taakvelden["omschrijving"],
            "lasten_duizend_euro": "",
            "baten_duizend_euro": "",
        }
    )
    tekst = io.StringIO()
    df.to_csv(tekst, sep=";", index=False, lineterminator="\r\n")
    return ("\ufeff" + tekst.getvalue()).encode("utf-8")


def lees(pad: Path, context) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, None, KOLOMMEN, fouten=fouten)
    with open(pad, encoding="utf-8", errors="replace") as f:
        # Puntkomma: Nederlandse Excel, dus decimale komma; komma's: decimale punt.
        sep = ";" if ";" in f.readline() else ","

    # Eén gemeente, één jaar, één document per bestand: daarop rust het vervangen en verwijderen.
    jaar_kolom = jaren(fouten, df, "jaar", eerste=IV3_EERSTE_JAAR)
    document_kolom = keuze(fouten, df, "document", {"begroting", "jaarrekening"})
    for kolom, waarden, wat in [
        ("jaar", jaar_kolom, "jaar"),
        ("document", document_kolom, "document"),
        ("gemeente", df["gemeente"].str.strip(), "gemeente"),
    ]:
        if waarden.nunique() > 1:
            anders = waarden.ne(waarden.iloc[0])
            fouten.per_rij(
                df,
                kolom,
                anders,
                lambda w, k=wat, e=waarden.iloc[0]: (
                    f"één {k} per bestand: deze regel noemt '{w}', de eerste regel '{e}'."
                ),
            )
    if fouten:
        fouten.klaar()
    jaar, document = int(jaar_kolom.iloc[0]), document_kolom.iloc[0]

    beschikbaar = context.vraag("import/cbs_jaren")
    cbs = beschikbaar[beschikbaar["document"] == document]["jaar"].tolist()
    if jaar not in cbs:
        periode = f"{min(cbs)}–{max(cbs)}" if cbs else "geen enkel jaar"
        raise fouten.fout(
            f"voor {document} {jaar} heeft de opslag geen CBS-cijfers van andere gemeenten om mee "
            f"te vergelijken (wel {periode}). Eigen cijfers kunnen alleen naast een jaar dat er al "
            "is; haal eerst nieuwere CBS-cijfers op.",
            rij=2,
            kolom="jaar",
        )

    eerste = df["gemeente"].str.strip().iloc[0]
    gm = (
        df["gemeente"].str.strip()
        if GM_CODE.match(eerste)
        else context.namen.codes(fouten, df.iloc[:1], "gemeente", jaar)
    ).iloc[0]
    context.namen.onbekende_gemeenten(fouten, df.iloc[:1], "gemeente", pd.Series([gm], index=df.index[:1]), jaar)

    # Alleen de taakvelden die CBS dat jaar gebruikt: die deelt het model zeker in (geen geld kwijt).
    taakveld = taakveld_codes(fouten, df, "taakveld")
    bekend = set(context.vraag("import/taakvelden_in_gebruik", jaar=jaar, document=document)["taakveld"])
    fouten.per_rij(
        df,
        "taakveld",
        ~taakveld.isin(bekend) & taakveld.str.match(r"^\d"),
        lambda w: f"taakveld '{w}' komt in {document} {jaar} niet voor; gebruik het sjabloon van de pagina Gegevens.",
    )
    uniek(fouten, df.assign(taakveld=taakveld), ["taakveld"], "taakveld")

    decimaal = "," if sep == ";" else "."
    lasten, baten = (
        getallen(fouten, df, kolom, leeg=0.0, decimaal=decimaal, minimum=-GRENS, maximum=GRENS, eenheid=" × € 1.000")
        for kolom in ("lasten_duizend_euro", "baten_duizend_euro")
    )
    if not fouten and not lasten.ne(0).any():
        fouten.meld("alle lasten zijn leeg of 0; vul minstens één taakveld in.", kolom="lasten_duizend_euro")
    met_baten = bool(
        beschikbaar[(beschikbaar["document"] == document) & (beschikbaar["jaar"] == jaar)]["met_baten"].any()
    )
    if met_baten and df["baten_duizend_euro"].str.strip().eq("").all():
        # Zonder baten zou netto hier gelijk zijn aan bruto en het landelijke netto scheeftrekken.
        fouten.meld(
            f"de baten zijn helemaal leeg, maar voor {document} {jaar} rekent het dashboard ook netto "
            "(lasten − baten); vul de baten in (0 waar er geen zijn).",
            kolom="baten_duizend_euro",
        )
    fouten.klaar()

    rijen = pd.DataFrame(
        {
            "bron": BRON,
            "jaar": jaar,
            "document": document,
            "gm_code": gm,
            "taakveld": taakveld,
            "lasten": lasten,
            "baten": baten,
        }
    )
    herkomst = pd.DataFrame(
        [{"jaar": jaar, "document": document, "gm_code": gm, "bestand": fouten.naam, "sha256": sha256(Path(pad))}]
    )
    return Lading(
        SOORT,
        {"iv3_bedrag": rijen, "eigen_herkomst": herkomst},
        f"eigen cijfers {gm} {document} {jaar}: {len(rijen)} taakvelden, lasten "
        f"€ {fmt.getal(rijen['lasten'].sum() / 1000, 1)} mln",
    )
