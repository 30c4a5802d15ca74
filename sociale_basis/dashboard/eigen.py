"""Eigen bestanden in het dashboard: eerst privé (alleen deze bezoeker ziet ze, in een eigen kopie
van de opslag), dan desgewenst publiceren in de gedeelde opslag; en eigen cijfers markeren waar ze
meetellen.

Waarom een kopie per bezoeker: zo werkt elke pagina (vergelijkingsgroepen, rangorde, kaart) meteen met de eigen
cijfers, precies zoals na publiceren, terwijl de gedeelde opslag en alle andere bezoekers niets
merken. De kopie verdwijnt bij verwerpen of publiceren, of als ze moet wijken (kopieen.py: lang ongebruikt,
vol, of een nieuwe controle van dezelfde bezoeker).

Een kopie hoort bij de sessie, en die is na het herladen van de pagina weg. Daarom staat er zolang ze er is
een willekeurige markering in de URL (links.PRIVE; nooit een pad, en nooit de weg terug naar de kopie: wie
een link met de markering krijgt, ziet andermans cijfers niet). Ziet een sessie de markering zonder kopie,
dan zegt ze dat de eigen bestanden weg zijn, in plaats van stil de gedeelde cijfers te tonen.
"""

from __future__ import annotations

import re
import secrets
import shutil
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import fmt, importer, indicators, kindproces, links
from ..sources import eigen as eigen_formaat
from ..sources import lezen
from ..sources.controle import InvoerFout
from ..store import OpslagFout, Store, huidige_versie
from . import kopieen, opslag, vragen

MAX_MB = 50  # per bestand; ook server.maxUploadSize in .streamlit/config.toml
# Hoeveel privékopieën, van wie en wie wijkt: dashboard/kopieen.py (over replica's heen).


def _privemap() -> Path:
    return opslag.db_pad().parent / "prive"


def prive() -> dict | None:
    """De privékopie van deze bezoeker, als die er (nog) is."""
    info = st.session_state.get(opslag.PRIVE)
    if info and Path(info["opslag"]).is_file():
        return info
    if st.session_state.pop(opslag.PRIVE, None):
        st.session_state[_OPGERUIMD] = True  # in deze sessie opgeruimd (_maak_ruimte), niet herladen
    return None


_OPGERUIMD = "_prive_opgeruimd"
HERLADEN = (
    "Je eigen, nog niet gepubliceerde bestanden zijn na het herladen niet meer te zien; controleer ze "
    "opnieuw op Gegevens."
)
OPGERUIMD = (
    "Je eigen, nog niet gepubliceerde bestanden zijn niet meer te zien: je kopie is opgeruimd (na "
    f"{kopieen.ONGEBRUIKT_UUR} uur zonder gebruik, na {kopieen.MAX_LEEFTIJD_MINUTEN} minuten omdat anderen wachtten, "
    "of omdat je in een ander tabblad opnieuw controleerde); controleer ze opnieuw op Gegevens."
)


def bewaak_markering() -> None:
    """Elke rerun (zijbalk): met een privékopie staat haar markering in de URL (ook na een paginawissel die
    de URL leegde); zonder kopie maar mét markering is de kopie verloren gegaan, en dat zegt een melding
    boven de pagina, één keer. De markering wijst nergens heen: een andere sessie krijgt er niets mee terug."""
    info = prive()
    merk = st.query_params.get(links.PRIVE)
    if info is not None:
        if merk != info["merk"]:
            st.query_params[links.PRIVE] = info["merk"]
        return
    if merk is None:
        st.session_state.pop(_OPGERUIMD, None)
        return
    del st.query_params[links.PRIVE]
    # Via de linkmeldingen (zijbalk): die overleven een st.rerun() in dezelfde klik.
    tekst = OPGERUIMD if st.session_state.pop(_OPGERUIMD, False) else HERLADEN
    st.session_state.setdefault("_linkmeldingen", {})[links.PRIVE] = tekst


def _veilige_naam(naam: str) -> str:
    # Alleen de naam, zonder mappen of vreemde tekens: hij komt in een pad op de server.
    schoon = re.sub(r"[^\w.\- ]", "_", Path(naam).name).strip(". ") or "bestand"
    return schoon[:120]


_cbs_cijfers = vragen.gecacht(indicators.sjabloon_cijfers)


def sjabloon_knop(store: Store, sleutel: str, k) -> None:
    """De downloadknop voor het sjabloon van de gemeente, het jaar en het document uit de zijbalk, al
    ingevuld met haar CBS-cijfers (aanpassen, niet overtypen); leeg alleen als CBS ze niet heeft."""
    naam = vragen.gemeenten(store, k.jaar).set_index("gm_code")["naam"].get(k.gemeente, k.gemeente)
    taakvelden = vragen.sjabloon_taakvelden(store, k.jaar, k.document)
    cijfers = _cbs_cijfers(store, k.gemeente, k.jaar, k.document)
    if cijfers.empty:
        label = f"Leeg sjabloon voor {naam}, {k.document} {k.jaar} ({len(taakvelden)} taakvelden)"
        uitleg = (
            f"CBS heeft geen cijfers van {naam} voor de {k.document} {k.jaar}: het sjabloon is leeg. Vul elk "
            "taakveld in (0 waar niets is); er is dan ook niets om je bestand mee te vergelijken."
        )
    else:
        totaal = cijfers.loc[~cijfers["taakveld"].isin(eigen_formaat.ZONDER), "lasten"].sum()
        label = f"Sjabloon voor {naam}, {k.document} {k.jaar}, ingevuld met de CBS-cijfers ({len(cijfers)} taakvelden)"
        uitleg = (
            f"Het sjabloon bevat al de CBS-cijfers van {naam} voor de {k.document} {k.jaar} (lasten en baten per "
            f"taakveld in € 1.000; samen {fmt.mln(totaal * 1000)} lasten zonder reserves): pas aan wat in jouw "
            "begroting anders is, en laat de rest staan. Leeg is geen 0: vul 0 in waar echt niets is."
        )
    st.download_button(
        label,
        lambda: eigen_formaat.sjabloon(k.gemeente, naam, k.jaar, k.document, taakvelden, cijfers),
        file_name=f"sjabloon_{_veilige_naam(naam.lower()).replace(' ', '-')}_{k.document}-{k.jaar}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        help=uitleg,
    )
    st.caption(uitleg)


def te_groot(bestanden) -> list[str]:
    return [
        f"{b.name}: {fmt.getal(b.size / 1e6, 1)} MB; het maximum is {MAX_MB} MB per bestand."
        for b in bestanden
        if b.size > MAX_MB * 1e6
    ]


def _bezoeker() -> str:
    """Wie deze sessie is, voor één privékopie per bezoeker (kopieen.bezoeker; achter nginx uit X-Real-IP)."""
    return kopieen.bezoeker(st.context.ip_address, st.context.headers.get("X-Real-IP"))


def controleer(bestanden, meld, volledig: bool = False) -> importer.Verslag:
    """Lees de bestanden in een privékopie van de huidige opslag. Een fout: de kopie verdwijnt en
    de fout (met álle problemen) gaat naar de aanroeper; de gedeelde opslag verandert nooit.
    `volledig`: ‘ja, dit is volledig’ (eigen cijfers die veel van CBS afwijken); publiceren neemt het over."""
    verwerp()
    if len(bestanden) > lezen.MAX_UPLOAD_BESTANDEN:
        raise InvoerFout(
            "upload",
            f"{len(bestanden)} bestanden in één controle; het maximum is {lezen.MAX_UPLOAD_BESTANDEN}. "
            "Controleer ze in delen, of importeer op de opdrachtregel.",
        )
    namen = [_veilige_naam(b.name) for b in bestanden]
    if dubbel := sorted({n for n in namen if namen.count(n) > 1}):
        raise InvoerFout(
            dubbel[0],
            "twee bestanden met dezelfde naam in één upload; geef ze verschillende "
            "namen, anders zou het ene het andere vervangen.",
        )
    # Vóór er een kopie of een lezer aan te pas komt: wat uitgepakt te groot of te lang is (een .gz-bom).
    for naam, b in zip(namen, bestanden):
        lezen.controleer_upload(naam, b.getvalue())
    with kopieen.een_controle_tegelijk():
        return _controleer(bestanden, namen, meld, volledig)


def _controleer(bestanden, namen: list[str], meld, volledig: bool) -> importer.Verslag:
    try:
        map_ = kopieen.nieuwe_plaats(_privemap(), _bezoeker())
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
        # In een eigen proces met grenzen aan geheugen en rekentijd: een vreemd bestand treft dan alleen
        # deze controle, niet de replica met elke sessie erop (kindproces.py).
        verslag = kindproces.importeer(kopie, paden, lambda t, f: meld(t, 0.1 + 0.9 * f), volledig=volledig)
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
        # Publiceren leest dezelfde bestanden opnieuw: met dezelfde bevestiging, anders weigert het wat hier mocht.
        "volledig": volledig,
        "merk": secrets.token_urlsafe(12),  # willekeurig, geen pad: zie bewaak_markering
    }
    st.session_state.pop(_OPGERUIMD, None)
    st.query_params[links.PRIVE] = st.session_state[opslag.PRIVE]["merk"]
    return verslag


def verwerp() -> None:
    info = st.session_state.pop(opslag.PRIVE, None)
    if info:
        opslag.vergeet(info["opslag"])
        shutil.rmtree(info["map"], ignore_errors=True)
        # Bewust weg (verworpen of gepubliceerd): de markering mee, zonder melding.
        if st.query_params.get(links.PRIVE) == info.get("merk"):
            del st.query_params[links.PRIVE]


def publiceer() -> None:
    """De gecontroleerde bestanden in de gedeelde opslag (een nieuwe versie; zie store.nieuwe_versie)."""
    info = prive()
    if info is None:
        raise InvoerFout("upload", "er is niets om te publiceren; controleer eerst een bestand.")
    paden = [Path(p) for p in info["bestanden"]]
    opslag.schrijf(
        lambda store, meld: importer.importeer(store, paden, meld, op_naam=True, volledig=info.get("volledig", False)),
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
