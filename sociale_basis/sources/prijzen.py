"""Consumentenprijsindex (CPI, 2015 = 100) per jaar.

Drie vormen: de StatLine-export van CBS-tabel 83131NED (indexcijfers; `ophalen` schrijft zijn
geschakelde reeks 83131NED + 86141NED in dezelfde vorm, met een derde kolom Bron), een reeks
jaarmutaties als fractie (`Date,yoy inflatie`) en de jaarmutaties die CBS per jaar in een persbericht noemt,
in procenten (`jaar,jaarmutatie_cpi_pct,bron,gepubliceerd`: 2024 en 2025, 3,3% elk). Jaarmutaties worden
alleen gebruikt voor jaren zonder indexcijfer, geschakeld vanaf het laatste bekende indexcijfer in de opslag.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from .. import fmt
from .controle import Problemen, getallen, jaren, laatste_jaar
from .lading import Lading
from .lezen import lees_tekst, lees_tekst_csv
from .namen import NaamZoeker

EERSTE_JAAR = 1900  # CBS-reeksen beginnen later; eerder is een tikfout
MAX_CPI = 10_000  # 2015 = 100; honderd keer zo duur is geen prijsindex meer
BASISJAAR = 2015  # het jaar dat 100 is in de opslag; een andere basis wordt geschakeld of geweigerd
MAX_MUTATIE = 0.5  # een fractie; 3.8 is vrijwel zeker een percentage (3,8%) in plaats van 0.038


def herken_statline(pad: Path, kop: str) -> bool:
    return "Consumentenprijzen" in kop and "2015=100" in kop.replace(" ", "")


def lees_statline(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    tekst = lees_tekst(pad, fouten)
    rijen = []
    bron_kolom = None  # een kolom 'Bron' (zoals ophalen schrijft) geeft de herkomst per jaar
    for regelnr, velden in enumerate(csv.reader(io.StringIO(tekst), delimiter=";"), start=1):
        if not velden:
            continue
        if velden[0].strip() == "Perioden" and "Bron" in (v.strip() for v in velden):
            bron_kolom = [v.strip() for v in velden].index("Bron")
        periode = velden[0].strip().rstrip("*")  # '*' = voorlopig cijfer
        # Alleen jaarcijfers; maanden ('2024 januari') en kop-/voetregels slaan we over.
        if not re.fullmatch(r"(19|20)\d\d", periode):
            continue
        if not EERSTE_JAAR <= int(periode) <= laatste_jaar():
            fouten.meld(f"het jaar {periode} kan niet.", rij=regelnr, kolom="Perioden")
            continue
        waarde = velden[1].strip() if len(velden) > 1 else ""
        try:
            cpi = float(waarde.replace(".", "").replace(",", "."))
        except ValueError:
            fouten.meld(f"'{waarde}' is geen indexcijfer.", rij=regelnr, kolom="CPI")
            continue
        if not 0 < cpi <= MAX_CPI:  # ook inf en nan vallen hierbuiten
            fouten.meld(f"'{waarde}' kan geen indexcijfer zijn (2015 = 100).", rij=regelnr, kolom="CPI")
            continue
        bron = (
            velden[bron_kolom].strip()
            if bron_kolom is not None and len(velden) > bron_kolom and velden[bron_kolom].strip()
            else f"CBS 83131NED ({pad.name})"
        )
        rijen.append({"jaar": int(periode), "cpi": cpi, "bron": bron, "basisjaar": BASISJAAR, "_rij": regelnr})
    basis = next((r for r in rijen if r["jaar"] == BASISJAAR), None)
    if basis is not None and abs(basis["cpi"] - 100) > 0.5:
        # De kop zegt 2015 = 100; zegt de reeks zelf iets anders, dan is het een andere tabel.
        fouten.meld(
            f"het indexcijfer van {BASISJAAR} is {fmt.getal(basis['cpi'], 1)}, niet 100: dit is geen "
            f"reeks met {BASISJAAR} = 100 (een opvolger als 86141NED heeft 2025 = 100).",
            rij=basis["_rij"],
            kolom="CPI",
        )
    fouten.klaar()
    if not rijen:
        raise fouten.fout('geen jaarcijfers gevonden (verwacht regels als "2019";"106,16").')
    uit = pd.DataFrame(rijen).drop(columns="_rij").drop_duplicates("jaar", keep="last")
    return Lading("cpi", {"prijsindex": uit}, f"CPI {uit['jaar'].min()}–{uit['jaar'].max()}")


KOLOMMEN_MUTATIE = ["Date", "yoy inflatie"]


def herken_mutaties(pad: Path, kop: str) -> bool:
    eerste = kop.splitlines()[0] if kop else ""
    return eerste.startswith("Date,") and "yoy inflatie" in eerste


def lees_mutaties(pad: Path, namen: NaamZoeker, bekend: pd.DataFrame) -> Lading:
    """`bekend`: de CPI-reeks die al in de opslag staat (kolommen jaar, cpi)."""
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN_MUTATIE, fouten=fouten)
    jaar = df["Date"].str.extract(r"^((?:19|20)\d\d)")[0]
    fouten.per_rij(df, "Date", jaar.isna(), lambda w: f"'{w}' is geen datum.")
    jaar = jaar.fillna("0").astype(int)
    fouten.per_rij(
        df,
        "Date",
        (jaar > 0) & ((jaar < EERSTE_JAAR) | (jaar > laatste_jaar())),
        lambda w: f"het jaar in '{w}' kan niet.",
    )
    mutaties = getallen(
        fouten, df, "yoy inflatie", maximum=MAX_MUTATIE, eenheid=" als fractie; schrijf 0.038 voor 3,8%"
    )
    fouten.klaar()
    mutatie = dict(zip(jaar, mutaties))
    bron = {j: f"geschakeld met jaarmutatie CBS ({pad.name})" for j in mutatie}
    return _schakel(fouten, "cpi_mutaties", mutatie, bron, bekend)


def _schakel(
    fouten: Problemen, soort: str, mutatie: dict[int, float], bron: dict[int, str], bekend: pd.DataFrame
) -> Lading:
    """Jaarmutaties (fracties) aan de bestaande reeks schakelen, vanaf het laatste indexcijfer in de opslag:
    een jaar met een indexcijfer blijft altijd dat cijfer (een officieel indexcijfer gaat voor)."""
    index = dict(zip(bekend["jaar"], bekend["cpi"]))
    if not index:
        raise fouten.fout(
            "jaarmutaties zijn alleen te schakelen aan een bestaande CPI-reeks; "
            "importeer eerst de CBS-indexcijfers (83131NED)."
        )
    rijen = []
    jaar = max(index)
    while jaar + 1 in mutatie:
        jaar += 1
        index[jaar] = index[jaar - 1] * (1 + mutatie[jaar])
        rijen.append({"jaar": jaar, "cpi": index[jaar], "bron": bron[jaar], "basisjaar": BASISJAAR})
    uit = pd.DataFrame(rijen, columns=["jaar", "cpi", "bron", "basisjaar"])
    samenvatting = f"CPI {uit['jaar'].min()}–{uit['jaar'].max()} geschakeld" if len(uit) else "geen nieuwe jaren"
    return Lading(soort, {"prijsindex": uit}, samenvatting)


KOLOMMEN_PROCENT = ["jaar", "jaarmutatie_cpi_pct", "bron", "gepubliceerd"]
MAX_MUTATIE_PROCENT = MAX_MUTATIE * 100


def herken_mutaties_procent(pad: Path, kop: str) -> bool:
    eerste = kop.splitlines()[0] if kop else ""
    return [k.strip() for k in eerste.split(",")][:2] == KOLOMMEN_PROCENT[:2]


def lees_mutaties_procent(pad: Path, namen: NaamZoeker, bekend: pd.DataFrame) -> Lading:
    """De jaarmutaties zoals CBS ze in een persbericht noemt (procent, `.` als decimaalteken), met per jaar de
    bron en de publicatiedatum; geschakeld zoals lees_mutaties. `bekend`: de CPI-reeks in de opslag."""
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN_PROCENT, fouten=fouten)
    jaarkolom = jaren(fouten, df, "jaar", eerste=EERSTE_JAAR)
    procenten = getallen(
        fouten, df, "jaarmutatie_cpi_pct", maximum=MAX_MUTATIE_PROCENT, eenheid=" in procenten; schrijf 3.3 voor 3,3%"
    )
    fouten.klaar()
    mutatie = {int(j): p / 100 for j, p in zip(jaarkolom, procenten)}
    bron = {
        int(j): f"geschakeld met jaarmutatie {fmt.procent(p / 100)} ({b.strip() or 'CBS'}, {g.strip()}; {pad.name})"
        for j, p, b, g in zip(jaarkolom, procenten, df["bron"], df["gepubliceerd"])
    }
    return _schakel(fouten, "cpi_mutaties_procent", mutatie, bron, bekend)
