"""Regionale taken uit de gemeentefondsbrondata (`*_SIUDU.tsv`): welke gemeenten als
centrumgemeente de decentralisatie-/integratie-uitkering krijgen voor beschermd wonen,
maatschappelijke opvang en vrouwenopvang. Zij betalen die zorg voor hun hele regio, wat hun
acute zorg per inwoner hoger maakt dan die van hun buurgemeenten."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import fmt
from .controle import MAX_EURO, Problemen, gehele_getallen, getallen, uniek
from .gemeentefonds import circulaire_uit_naam
from .lading import Lading
from .lezen import lees_tekst_csv
from .namen import NaamZoeker

SOORT = "gemeentefonds_regiotaken"

# Kolom in de brondata → taak in de opslag. Andere uitkeringen in het bestand (o.a. de
# suppletie-uitkering ingroeipad maatschappelijke opvang) tellen niet als centrumgemeentetaak.
TAKEN = {
    "Beschermd wonen": "beschermd_wonen",
    "maatschappelijke opvang": "maatschappelijke_opvang",
    "vrouwenopvang": "vrouwenopvang",
}
# Naam en Prov herkennen het bestand (de gemeentefondsbrondata); de andere uitkeringen doen niet mee.
KOLOMMEN = ["Naam", "Prov", *TAKEN]


def herken(pad: Path, kop: str) -> bool:
    velden = (kop.splitlines()[0] if kop else "").split("\t")
    return all(k in velden for k in KOLOMMEN)


def _controleer_cbs(fouten: Problemen, df: pd.DataFrame, gm: pd.Series) -> None:
    """De CBS-kolom (een GM-code als getal: 1979 = GM1979) moet bij de naam horen; sommige
    bestanden hebben hem twee keer (de tweede heet dan 'CBS.1') en dan moeten ze gelijk zijn."""
    if "CBS" not in df.columns:
        return  # niet elk bestand heeft hem; de naam volstaat
    cbs = gehele_getallen(fouten, df, "CBS", minimum=1, maximum=9999)
    codes = "GM" + cbs.astype(str).str.zfill(4)
    anders = gm.notna() & (cbs > 0) & (codes != gm)
    fouten.per_rij(
        df,
        "CBS",
        anders,
        lambda w: f"code {w} hoort niet bij de gemeentenaam in kolom 'Naam'; corrigeer een van beide.",
        waarden=codes + " (naam: " + gm.fillna("?") + ")",
    )
    if "CBS.1" in df.columns:
        fouten.per_rij(
            df,
            "CBS",
            df["CBS.1"].str.strip() != df["CBS"].str.strip(),
            lambda w: f"de tweede kolom 'CBS' ({w}) wijkt af van de eerste.",
            waarden=df["CBS.1"],
        )


def lees(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    circulaire, jaar = circulaire_uit_naam(fouten)
    df = lees_tekst_csv(pad, "\t", KOLOMMEN, fouten=fouten, dubbel_mag=frozenset({"CBS"}))
    gm = namen.codes(fouten, df, "Naam", jaar)
    # Een naam die alleen in andere jaren bestond, is in dit uitkeringsjaar geen gemeente.
    namen.onbekende_gemeenten(fouten, df, "Naam", gm, jaar, namen=df["Naam"])
    _controleer_cbs(fouten, df, gm)
    uniek(fouten, df.assign(gm_code=gm), ["gm_code"], "Naam")
    # De bestanden schrijven nul als '-' of ' - ' en bedragen soms als 17.696.027 (Nederlandse notatie).
    tekst = df.assign(**{k: df[k].str.strip().replace("-", "0") for k in TAKEN})
    delen = []
    for kolom, taak in TAKEN.items():
        bedrag = getallen(fouten, tekst, kolom, decimaal=",", maximum=MAX_EURO, eenheid=" euro")
        delen.append(
            pd.DataFrame(
                {"circulaire": circulaire, "uitkeringsjaar": jaar, "gm_code": gm, "taak": taak, "bedrag": bedrag}
            )
        )
    fouten.klaar()
    uit = pd.concat(delen, ignore_index=True)
    uit = uit[uit["bedrag"] > 0].reset_index(drop=True)
    telling = uit.groupby("taak").size()
    samen = ", ".join(f"{kolom.lower()} {telling.get(taak, 0)}" for kolom, taak in TAKEN.items())
    return Lading(
        SOORT,
        {"gf_regiotaak": uit},
        f"{circulaire} voor {jaar}: centrumgemeenten voor {samen} (samen {fmt.mln(uit['bedrag'].sum())})",
    )
