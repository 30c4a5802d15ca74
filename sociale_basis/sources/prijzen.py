"""Consumentenprijsindex (CPI, 2015 = 100) per jaar.

Twee vormen: de StatLine-export van CBS-tabel 83131NED (indexcijfers) en een reeks
jaarmutaties (fractie per jaar). Jaarmutaties worden alleen gebruikt voor jaren zonder
indexcijfer, geschakeld vanaf het laatste bekende indexcijfer in de opslag.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from .lezen import InvoerFout, Lading, NaamZoeker, getallen, lees_tekst_csv


def herken_statline(pad: Path, kop: str) -> bool:
    return "Consumentenprijzen" in kop and "2015=100" in kop.replace(" ", "")


def lees_statline(pad: Path, namen: NaamZoeker) -> Lading:
    tekst = pad.read_text(encoding="utf-8-sig")
    rijen = []
    for regelnr, velden in enumerate(csv.reader(io.StringIO(tekst), delimiter=";"), start=1):
        if not velden:
            continue
        periode = velden[0].strip().rstrip("*")  # '*' = voorlopig cijfer
        # Alleen jaarcijfers; maanden ('2024 januari') en kop-/voetregels slaan we over.
        if not re.fullmatch(r"(19|20)\d\d", periode):
            continue
        waarde = velden[1].strip() if len(velden) > 1 else ""
        try:
            cpi = float(waarde.replace(".", "").replace(",", "."))
        except ValueError:
            raise InvoerFout(pad, f"'{waarde}' is geen indexcijfer.", rij=regelnr, kolom="CPI") from None
        rijen.append({"jaar": int(periode), "cpi": cpi, "bron": f"CBS 83131NED ({pad.name})"})
    if not rijen:
        raise InvoerFout(pad, "geen jaarcijfers gevonden (verwacht regels als \"2019\";\"106,16\").")
    uit = pd.DataFrame(rijen).drop_duplicates("jaar", keep="last")
    return Lading("cpi", {"prijsindex": uit}, f"CPI {uit['jaar'].min()}–{uit['jaar'].max()}")


KOLOMMEN_MUTATIE = ["Date", "yoy inflatie"]


def herken_mutaties(pad: Path, kop: str) -> bool:
    eerste = kop.splitlines()[0] if kop else ""
    return eerste.startswith("Date,") and "yoy inflatie" in eerste


def lees_mutaties(pad: Path, namen: NaamZoeker, bekend: pd.DataFrame) -> Lading:
    """`bekend`: de CPI-reeks die al in de opslag staat (kolommen jaar, cpi)."""
    df = lees_tekst_csv(pad, ",", KOLOMMEN_MUTATIE)
    jaar = df["Date"].str.extract(r"^((?:19|20)\d\d)")[0]
    if jaar.isna().any():
        positie = int(jaar.isna().to_numpy().nonzero()[0][0])
        raise InvoerFout(pad, f"'{df['Date'].iloc[positie]}' is geen datum.",
                         rij=int(df["_regel"].iloc[positie]), kolom="Date")
    mutatie = dict(zip(jaar.astype(int), getallen(pad, df, "yoy inflatie")))
    index = dict(zip(bekend["jaar"], bekend["cpi"]))
    if not index:
        raise InvoerFout(pad, "jaarmutaties zijn alleen te schakelen aan een bestaande CPI-reeks; "
                              "importeer eerst de CBS-indexcijfers (83131NED).")
    rijen = []
    jaar = max(index)
    while jaar + 1 in mutatie:
        jaar += 1
        index[jaar] = index[jaar - 1] * (1 + mutatie[jaar])
        rijen.append({"jaar": jaar, "cpi": index[jaar],
                      "bron": f"geschakeld met jaarmutatie CBS ({pad.name})"})
    uit = pd.DataFrame(rijen, columns=["jaar", "cpi", "bron"])
    samenvatting = (f"CPI {uit['jaar'].min()}–{uit['jaar'].max()} geschakeld" if len(uit)
                    else "geen nieuwe jaren")
    return Lading("cpi_mutaties", {"prijsindex": uit}, samenvatting)
