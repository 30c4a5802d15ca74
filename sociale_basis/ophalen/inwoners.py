"""Inwoners op 1 januari per gemeente en jaar (CBS)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..sources import gemeenten
from ..sources.controle import GM_CODE
from .client import Client
from .instellingen import Bronnen
from .opgehaald import Opgehaald, Vorige, stap
from .paginas import odata_rijen, odata_url, odata_volgende, strip, vereist


def haal_inwoners(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    regels = []
    for jaar in b.inwoners_jaren:
        wat = f"inwoners 1 januari {jaar} (CBS {b.inwoners_tabel})"
        meld(f"{wat} ophalen…")
        rijen = client.alle_rijen(
            f"inwoners_{b.inwoners_tabel}_{jaar}",
            odata_url(b.inwoners_basis, b.inwoners_tabel, b.inwoners_filter.format(jaar=jaar)),
            wat,
            odata_volgende,
            odata_rijen,
            lambda r, w=wat: vereist(r, ["RegioS", b.inwoners_kolom], w),
        )
        if not rijen:
            uit.opmerkingen.append(f"{wat}: nog niet gepubliceerd (0 rijen).")
            continue
        vereist(rijen, ["RegioS", b.inwoners_kolom], wat)
        for r in rijen:
            if GM_CODE.match(strip(r["RegioS"])) and r[b.inwoners_kolom] is not None:
                regels.append(
                    {"jaar": jaar, "gm_code": strip(r["RegioS"]), "aantal_inwoners": int(r[b.inwoners_kolom])}
                )
    if regels:
        bestand = map_ / "inwoners_cbs.csv"
        pd.DataFrame(regels).to_csv(bestand, index=False)
        uit.stappen.append(stap(bestand, "cbs_inwoners", "inwoners op 1 januari (CBS)", gemeenten.lees_inwoners))
