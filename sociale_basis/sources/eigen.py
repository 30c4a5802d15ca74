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
from .lezen import GM_CODE, InvoerFout, Lading, getallen, gehele_getallen, keuze, lees_tekst_csv, sha256, uniek

KOLOMMEN = ["gemeente", "jaar", "document", "taakveld", "omschrijving", "lasten_duizend_euro",
            "baten_duizend_euro"]
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
    df = pd.DataFrame({"gemeente": gm_code, "jaar": jaar, "document": document,
                       "taakveld": taakvelden["taakveld"], "omschrijving": taakvelden["omschrijving"],
                       "lasten_duizend_euro": "", "baten_duizend_euro": ""})
    tekst = io.StringIO()
    df.to_csv(tekst, sep=";", index=False, lineterminator="\r\n")
    return ("\ufeff" + tekst.getvalue()).encode("utf-8")


def lees(pad: Path, context) -> Lading:
    with open(pad, encoding="utf-8-sig", errors="replace") as f:
        sep = ";" if f.readline().count(";") >= 6 else ","
    df = lees_tekst_csv(pad, sep, KOLOMMEN, encoding="utf-8-sig")
    naam = Path(pad).name

    jaren = gehele_getallen(pad, df, "jaar")
    if jaren.nunique() != 1:
        raise InvoerFout(naam, f"één jaar per bestand; dit bestand noemt {', '.join(map(str, sorted(jaren.unique())))}.",
                         rij=2, kolom="jaar")
    jaar = int(jaren.iloc[0])
    documenten = keuze(pad, df, "document", {"begroting", "jaarrekening"})
    if documenten.nunique() != 1:
        raise InvoerFout(naam, "één document per bestand (begroting of jaarrekening), niet beide.",
                         rij=2, kolom="document")
    document = documenten.iloc[0]

    beschikbaar = context.vraag("import/cbs_jaren")
    cbs = beschikbaar[beschikbaar["document"] == document]["jaar"].tolist()
    if jaar not in cbs:
        periode = f"{min(cbs)}–{max(cbs)}" if cbs else "geen enkel jaar"
        raise InvoerFout(naam, f"voor {document} {jaar} heeft de opslag geen CBS-cijfers van andere gemeenten "
                               f"om mee te vergelijken (wel {periode}). Eigen cijfers kunnen alleen naast een "
                               "jaar dat er al is; haal eerst nieuwere CBS-cijfers op.", rij=2, kolom="jaar")

    gemeente = df["gemeente"].str.strip()
    if gemeente.nunique() != 1:
        raise InvoerFout(naam, "één gemeente per bestand; dit bestand noemt er "
                               f"{gemeente.nunique()}.", rij=2, kolom="gemeente")
    gm = (gemeente if GM_CODE.match(gemeente.iloc[0]) else context.namen.codes(pad, df, "gemeente", jaar)).iloc[0]
    gemeenten = context.vraag("import/gemeenten_jaar", jaar=jaar)
    if gm not in set(gemeenten["gm_code"]):
        raise InvoerFout(naam, f"{gm} is geen gemeente in {jaar} (niet in de gemeentelijst van dat jaar).",
                         rij=2, kolom="gemeente")

    taakveld = df["taakveld"].str.strip()
    bekend = set(context.vraag("import/taakvelden_in_gebruik", jaar=jaar, document=document)["taakveld"])
    onbekend = ~taakveld.isin(bekend)
    if onbekend.any():
        rij = int(df["_regel"][onbekend].iloc[0])
        raise InvoerFout(naam, f"taakveld '{taakveld[onbekend].iloc[0]}' komt in {document} {jaar} niet voor "
                               f"({int(onbekend.sum())} regel(s) met een onbekend taakveld); gebruik het "
                               "sjabloon van de Gegevens-pagina.", rij=rij, kolom="taakveld")
    uniek(pad, df.assign(taakveld=taakveld), ["taakveld"])

    decimaal = "," if sep == ";" else "."
    bedragen = {}
    for kolom in ("lasten_duizend_euro", "baten_duizend_euro"):
        waarde = getallen(pad, df, kolom, leeg=0.0, decimaal=decimaal)
        absurd = ~waarde.abs().le(GRENS)  # ook inf en nan
        if absurd.any():
            rij = int(df["_regel"][absurd].iloc[0])
            raise InvoerFout(naam, f"'{df[kolom][absurd].iloc[0]}' is geen bruikbaar bedrag in € 1.000 (meer dan "
                                   "€ 100 mld of geen eindig getal).", rij=rij, kolom=kolom)
        bedragen[kolom] = waarde
    if not bedragen["lasten_duizend_euro"].ne(0).any():
        raise InvoerFout(naam, "alle lasten zijn leeg of 0; vul minstens één taakveld in.", kolom="lasten_duizend_euro")

    rijen = pd.DataFrame({"bron": BRON, "jaar": jaar, "document": document, "gm_code": gm, "taakveld": taakveld,
                          "lasten": bedragen["lasten_duizend_euro"], "baten": bedragen["baten_duizend_euro"]})
    herkomst = pd.DataFrame([{"jaar": jaar, "document": document, "gm_code": gm, "bestand": naam,
                              "sha256": sha256(Path(pad))}])
    return Lading(SOORT, {"iv3_bedrag": rijen, "eigen_herkomst": herkomst},
                  f"eigen cijfers {gm} {document} {jaar}: {len(rijen)} taakvelden, lasten "
                  f"€ {fmt.getal(rijen['lasten'].sum() / 1000, 1)} mln")
