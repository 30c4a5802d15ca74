"""De gemeentelijsten per jaar (CBS Gebieden in Nederland): GM-code, naam en provincie."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..sources import gemeenten
from ..sources.controle import GM_CODE
from .client import Client
from .instellingen import Bronnen, OphaalFout
from .opgehaald import Opgehaald, Vorige, stap
from .paginas import odata_rijen, odata_url, odata_volgende, strip, vereist


def haal_gebieden(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    regels = []
    for jaar, tabel in sorted(b.gebieden_tabellen.items()):
        wat = f"gemeentelijst {jaar} (CBS {tabel})"
        meld(f"{wat} ophalen…")
        rijen = client.alle_rijen(
            f"gebieden_{tabel}", odata_url(b.gebieden_basis, tabel), wat, odata_volgende, odata_rijen
        )
        if not rijen:
            raise OphaalFout(f"{wat}: de tabel is leeg.")
        df = pd.DataFrame(rijen).map(strip)
        code = next((k for k in df.columns if k.startswith("Code_") and df[k].str.match(GM_CODE.pattern).all()), None)
        if code is None:
            raise OphaalFout(f"{wat}: geen kolom Code_… met GM-codes gevonden; de tabel is van vorm veranderd.")
        naam = f"Naam_{int(code.split('_')[1]) + 1}"
        vereist(rijen, [naam], wat)
        pv = next((k for k in df.columns if k.startswith("Code_") and df[k].str.match(r"^PV\d\d$").all()), None)
        pv_naam = f"Naam_{int(pv.split('_')[1]) + 1}" if pv else None
        uit.gemeenten[jaar] = dict(zip(df[code], df[naam], strict=True))
        for r in df.itertuples(index=False):
            rij = r._asdict()
            regels.append(
                {
                    "jaar": jaar,
                    "gm_code": rij[code],
                    "gm_naam": rij[naam],
                    "prv_code": rij[pv][2:] if pv else "",
                    "provincie": rij.get(pv_naam, "") if pv else "",
                }
            )
    bestand = map_ / "gemeenten_per_jaar_cbs.csv"
    pd.DataFrame(regels, columns=gemeenten.KOLOMMEN_LIJST).to_csv(bestand, index=False)
    uit.stappen.append(stap(bestand, "cbs_gebieden", "gemeentelijsten per jaar (CBS)", gemeenten.lees_lijst))
