"""De consumentenprijsindex (CBS) als één reeks, over tabellen met een ander basisjaar heen geschakeld."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from .. import fmt
from ..sources import prijzen
from .client import Client
from .instellingen import Bronnen, OphaalFout
from .opgehaald import Opgehaald, Vorige, stap
from .paginas import odata_rijen, odata_url, odata_volgende, strip, vereist


def haal_cpi(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    """De CPI als één reeks met basisjaar `prijzen.BASISJAAR` (2015 = 100): de eerste tabel in de
    bronnenlijst heeft dat basisjaar, elke volgende (een opvolger met een nieuwe basis, zoals
    86141NED met 2025 = 100) wordt op het laatste overlappende jaar aan de reeks geschakeld."""
    reeks: dict[int, tuple[float, str]] = {}
    for i, t in enumerate(b.cpi_tabellen):
        wat = f"consumentenprijsindex (CBS {t.tabel}, {t.basisjaar} = 100)"
        meld(f"{wat} ophalen…")
        rijen = client.alle_rijen(
            f"cpi_{t.tabel}",
            odata_url(b.cpi_basis, t.tabel, b.cpi_filter),
            wat,
            odata_volgende,
            odata_rijen,
            lambda r, w=wat: vereist(r, ["Perioden", b.cpi_kolom], w),
        )
        vereist(rijen, ["Perioden", b.cpi_kolom], wat)
        cijfers = {
            int(m.group(1)): float(r[b.cpi_kolom])
            for r in rijen
            if (m := re.fullmatch(r"(\d{4})JJ00", strip(r["Perioden"]))) and r[b.cpi_kolom] is not None
        }
        if not cijfers:
            raise OphaalFout(f"{wat}: geen jaarcijfers (Perioden als 2024JJ00) in het antwoord.")
        basis = cijfers.get(t.basisjaar)
        if basis is None or abs(basis - 100) > 0.5:
            gevonden = "ontbreekt" if basis is None else f"is {fmt.getal(basis, 1)}"
            raise OphaalFout(
                f"{wat}: het basisjaar {t.basisjaar} {gevonden}, niet 100. Klopt het basisjaar bij "
                "deze tabel in data/cbs_bronnen.toml? Niets van de CPI is opgeslagen."
            )
        if i == 0:
            if t.basisjaar != prijzen.BASISJAAR:
                raise OphaalFout(
                    f"{wat}: de eerste CPI-tabel moet basisjaar {prijzen.BASISJAAR} hebben "
                    "(de basis van de opslag); zet de oudste tabel voorop in data/cbs_bronnen.toml."
                )
            reeks = {j: (v, f"CBS {t.tabel} ({t.basisjaar} = 100)") for j, v in cijfers.items()}
            continue
        overlap = max(set(cijfers) & set(reeks), default=None)
        if overlap is None:
            raise OphaalFout(
                f"{wat}: geen jaar gemeen met de reeks tot nu toe (t/m {max(reeks)}); schakelen "
                "kan alleen op een overlappend jaar."
            )
        factor = reeks[overlap][0] / cijfers[overlap]
        for j, v in sorted(cijfers.items()):
            if j > max(reeks):
                reeks[j] = (
                    v * factor,
                    f"CBS {t.tabel} ({t.basisjaar} = 100), op {overlap} geschakeld naar {prijzen.BASISJAAR} = 100",
                )
    # In de StatLine-exportvorm die prijzen.lees_statline al leest (en controleert), met de herkomst per jaar.
    regels = [f'"Consumentenprijzen; prijsindex {prijzen.BASISJAAR}=100"', '"Perioden";"CPI";"Bron"']
    regels += [f'"{j}";"{f"{v:.4f}".replace(".", ",")}";"{bron}"' for j, (v, bron) in sorted(reeks.items())]
    bestand = map_ / "cpi_cbs.csv"
    bestand.write_text("\n".join(regels) + "\n", encoding="utf-8")
    tabellen = " + ".join(t.tabel for t in b.cpi_tabellen)
    uit.stappen.append(
        stap(
            bestand,
            "cbs_cpi",
            f"consumentenprijsindex (CBS {tabellen}), {prijzen.BASISJAAR} = 100",
            prijzen.lees_statline,
        )
    )
