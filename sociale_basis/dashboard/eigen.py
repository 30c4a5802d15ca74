"""Eigen bestanden in het dashboard: eerst privé (alleen deze bezoeker ziet ze, in een eigen kopie
van de opslag), dan desgewenst publiceren in de gedeelde opslag; en eigen cijfers markeren waar ze
meetellen.

Waarom een kopie per bezoeker: zo werkt elke pagina (vergelijkingsgroepen, rangorde, kaart) meteen met de eigen
cijfers, precies zoals na publiceren, terwijl de gedeelde opslag en alle andere bezoekers niets
merken. De kopie verdwijnt bij verwerpen, publiceren of als ze ONGEBRUIKT_UUR niet gebruikt is.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import fmt, importer
from ..sources import eigen as eigen_formaat
from ..sources.controle import InvoerFout
from ..store import OpslagFout, Store, huidige_versie
from . import opslag, vragen

MAX_MB = 50  # per bestand; ook server.maxUploadSize in .streamlit/config.toml
ONGEBRUIKT_UUR = 2  # een privékopie die zo lang niet gebruikt is, wordt opgeruimd
MAX_KOPIEEN = 8  # privékopieën tegelijk (elk zo groot als de opslag, ±150 MB)
VRIJ_NA_MINUTEN = 10  # is het maximum bereikt, dan wijkt de langst ongebruikte kopie


def _privemap() -> Path:
    return opslag.db_pad().parent / "prive"


def prive() -> dict | None:
    """De privékopie van deze bezoeker, als die er (nog) is."""
    info = st.session_state.get(opslag.PRIVE)
    if info and Path(info["opslag"]).is_file():
        return info
    st.session_state.pop(opslag.PRIVE, None)
    return None


def _veilige_naam(naam: str) -> str:
    # Alleen de naam, zonder mappen of vreemde tekens: hij komt in een pad op de server.
    schoon = re.sub(r"[^\w.\- ]", "_", Path(naam).name).strip(". ") or "bestand"
    return schoon[:120]


def sjabloon_knop(store: Store, sleutel: str, k) -> None:
    """De downloadknop voor het sjabloon van de gemeente, het jaar en het document uit de zijbalk."""
    naam = vragen.gemeenten(store, k.jaar).set_index("gm_code")["naam"].get(k.gemeente, k.gemeente)
    taakvelden = vragen.sjabloon_taakvelden(store, k.jaar, k.document)
    st.download_button(
        f"Sjabloon voor {naam}, {k.document} {k.jaar} ({len(taakvelden)} taakvelden)",
        lambda: eigen_formaat.sjabloon(k.gemeente, naam, k.jaar, k.document, taakvelden),
        file_name=f"sjabloon_{_veilige_naam(naam.lower()).replace(' ', '-')}_{k.document}-{k.jaar}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )


def te_groot(bestanden) -> list[str]:
    return [
        f"{b.name}: {fmt.getal(b.size / 1e6, 1)} MB; het maximum is {MAX_MB} MB per bestand."
        for b in bestanden
        if b.size > MAX_MB * 1e6
    ]


def _maak_ruimte() -> None:
    """Ruim vergeten privékopieën op (elke rerun die er een gebruikt, zet haar tijdstip; zie
    opslag.eigen_gebruikt). Zijn er dan nog te veel, dan wijkt de langst ongebruikte als die al even
    stil ligt; anders is het echt druk en volgt een melding."""
    nu = time.time()
    kopieen = sorted((m.stat().st_mtime, m) for m in _privemap().iterdir() if m.is_dir())
    for gebruikt, map_ in kopieen:
        if nu - gebruikt > ONGEBRUIKT_UUR * 3600:
            shutil.rmtree(map_, ignore_errors=True)
    kopieen = [(g, m) for g, m in kopieen if m.exists()]
    while len(kopieen) >= MAX_KOPIEEN:
        gebruikt, map_ = kopieen.pop(0)
        if nu - gebruikt < VRIJ_NA_MINUTEN * 60:
            raise OpslagFout(
                f"Er bekijken nu al {MAX_KOPIEEN} bezoekers eigen bestanden; elke controle maakt een "
                "kopie van de opslag en de schijf is niet onbeperkt. Probeer het over een paar "
                "minuten opnieuw, of importeer op de opdrachtregel."
            )
        shutil.rmtree(map_, ignore_errors=True)


def controleer(bestanden, meld) -> importer.Verslag:
    """Lees de bestanden in een privékopie van de huidige opslag. Een fout: de kopie verdwijnt en
    de fout (met álle problemen) gaat naar de aanroeper; de gedeelde opslag verandert nooit."""
    verwerp()
    namen = [_veilige_naam(b.name) for b in bestanden]
    if dubbel := sorted({n for n in namen if namen.count(n) > 1}):
        raise InvoerFout(
            dubbel[0],
            "twee bestanden met dezelfde naam in één upload; geef ze verschillende "
            "namen, anders zou het ene het andere vervangen.",
        )
    try:
        _privemap().mkdir(parents=True, exist_ok=True)
        _maak_ruimte()
        map_ = Path(tempfile.mkdtemp(prefix="upload-", dir=_privemap()))
    except OSError as e:
        raise OpslagFout(f"Er kan geen eigen kopie worden gemaakt ({e.strerror}).") from None
    try:
        (map_ / "bestanden").mkdir()
        paden = []
        for naam, b in zip(namen, bestanden):
            pad = map_ / "bestanden" / naam
            pad.write_bytes(b.getvalue())
            paden.append(pad)
        kopie = map_ / "opslag.duckdb"
        meld("Een eigen kopie van de opslag maken…", 0.05)
        shutil.copyfile(huidige_versie(opslag.db_pad()), kopie)
        with Store(kopie) as store:
            verslag = importer.importeer(store, paden, lambda t, f: meld(t, 0.1 + 0.9 * f), op_naam=True)
    except OSError as e:
        shutil.rmtree(map_, ignore_errors=True)
        raise OpslagFout(f"De eigen kopie kon niet worden gemaakt ({e.strerror}); er is niets veranderd.") from None
    except BaseException:
        shutil.rmtree(map_, ignore_errors=True)
        raise
    st.session_state[opslag.PRIVE] = {
        "map": str(map_),
        "opslag": str(kopie),
        "bestanden": [str(p) for p in paden],
        "samenvatting": [(p.name, soort, rijen, samenvatting) for p, soort, rijen, samenvatting in verslag.geladen],
    }
    return verslag


def verwerp() -> None:
    info = st.session_state.pop(opslag.PRIVE, None)
    if info:
        opslag.vergeet(info["opslag"])
        shutil.rmtree(info["map"], ignore_errors=True)


def publiceer() -> None:
    """De gecontroleerde bestanden in de gedeelde opslag (een nieuwe versie; zie store.nieuwe_versie)."""
    info = prive()
    if info is None:
        raise InvoerFout("upload", "er is niets om te publiceren; controleer eerst een bestand.")
    paden = [Path(p) for p in info["bestanden"]]
    opslag.schrijf(
        lambda store, meld: importer.importeer(store, paden, meld, op_naam=True),
        "Publiceren…",
        "gepubliceerd: " + ", ".join(Path(p).name for p in paden),
    )
    verwerp()


def verwijder(gm_code: str, jaar: int, document: str) -> None:
    """Eigen cijfers uit de gedeelde opslag (een nieuwe versie); daarna tellen de CBS-cijfers weer."""
    opslag.schrijf(
        lambda store, meld: importer.verwijder_eigen(store, gm_code, jaar, document),
        "Verwijderen…",
        f"eigen cijfers verwijderd: {gm_code} {document} {jaar}",
    )


def problemen(fout: InvoerFout) -> pd.DataFrame:
    """Alle problemen van een mislukte controle als tabel (bestand, rij, kolom, probleem)."""
    lijst = fout.problemen
    return pd.DataFrame(
        [{"Bestand": Path(p.bestand).name, "Rij": p.rij, "Kolom": p.kolom or "", "Probleem": p.melding} for p in lijst]
    ).astype({"Rij": "Int64"})


# -- markeren ----------------------------------------------------------------------------------
def markeer(
    store: Store, sleutel: str, jaar: int | None = None, document: str | None = None, gm_code: str | None = None
) -> None:
    """Een zichtbare melding waar eigen cijfers (geen CBS) meetellen: op de gemeente zelf, of in
    een landelijk of vergelijkend cijfer."""
    if prive():
        st.warning(
            "Je bekijkt je **eigen, nog niet gepubliceerde gegevens** (alleen jij ziet ze). "
            "Publiceren of verwerpen doe je op de pagina Gegevens.",
            icon=":material/visibility_lock:",
        )
    eigen = vragen.eigen_cijfers(store)
    if jaar is not None:
        eigen = eigen[(eigen["jaar"] == jaar) & (eigen["document"] == document)]
    if eigen.empty:
        return
    if gm_code is not None:
        eigen_hier = eigen[eigen["gm_code"] == gm_code]
        if not eigen_hier.empty:
            r = eigen_hier.iloc[0]
            st.warning(
                f"**Eigen cijfers, geen CBS**: de {r['document']} {r['jaar']} van {r['gemeente']} komt "
                f"uit het bestand ‘{r['bestand']}’ dat de gemeente zelf aanleverde.",
                icon=":material/edit_document:",
            )
        # De cijfers van Nederland en de groep op deze pagina tellen de andere gemeenten mee.
        eigen = eigen[eigen["gm_code"] != gm_code]
        if eigen.empty:
            return
    namen = ", ".join(f"{r.gemeente} ({r.document} {r.jaar})" for r in eigen.itertuples())
    st.caption(
        f"✎ {'Nederland en de groepen tellen' if gm_code else 'Inclusief'} **eigen cijfers (geen CBS)** "
        f"{'mee ' if gm_code else ''}van: {namen}."
    )
