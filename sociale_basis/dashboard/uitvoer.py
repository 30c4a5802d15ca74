"""Wat een gebruiker ziet en meeneemt: kerncijfers, grafieken met hun cijfers, downloads van
tabellen en van het model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from .. import cijfers, export, factsheet, gemeentebeeld, links, model
from ..fmt import letterlijk
from ..store import Store
from . import grafiekelement, modelkeuze, vragen
from .keuze import Keuze

KERNCIJFER = "kerncijfer_"  # containerkey: CSS-klasse st-key-kerncijfer_<naam>, en zo vinden tests ze
NAAST = "_naast"


@dataclass(frozen=True)
class Kerncijfer:
    """Eén kerncijfer: `naam` (uniek op de pagina), label, het getal, wat ernaast staat (in grijs) en
    een uitleg (het vraagteken bij het label)."""

    naam: str
    label: str
    waarde: str
    naast: str | None = None
    uitleg: str | None = None


def kerncijfers(rij: list[Kerncijfer]) -> None:
    """Een rij kerncijfers zoals st.metric ze toont, maar uit bijschrift, kop en markdown. Waarom niet
    st.metric: dat is een lui geladen onderdeel van de frontend, en React toont het pas samen met de
    grafiek op de pagina — na de 4,7 MB aan plotly-code (0,6 s rekenen in de browser) — zodat de kop
    2–3 s op zich liet wachten. Bijschrift, kop en markdown zitten in de hoofdbundel en staan er
    meteen, met de titel (tools/resultaten/analyse.md). Label en getal onderaan uitgelijnd (een
    label van twee regels duwt zijn getal niet lager dan de andere), wat ernaast staat op een eigen rij."""
    for kolom, c in zip(st.columns(len(rij), vertical_alignment="bottom"), rij, strict=True):
        with kolom.container(key=KERNCIJFER + c.naam, gap=None):
            st.caption(letterlijk(c.label), help=c.uitleg)
            st.header(letterlijk(c.waarde), anchor=False)
    if any(c.naast for c in rij):
        for kolom, c in zip(st.columns(len(rij)), rij, strict=True):
            if c.naast:
                kolom.container(key=KERNCIJFER + c.naam + NAAST).markdown(f":small[:gray-badge[{letterlijk(c.naast)}]]")


def csv_knop(
    df: pd.DataFrame,
    naam: str,
    label: str = "Download als CSV",
    *,
    key: str | None = None,
    keuzes: dict[str, object] | None = None,
    keuze: Keuze | None = None,
    bron: str | None = None,
) -> None:
    """CSV met ';' en decimale komma, zoals Nederlandse spreadsheets die verwachten, en Excel. Het
    bestand wordt pas gemaakt als iemand klikt (niet bij elke rerun). Een kolom `model` zegt met welk
    model de cijfers zijn berekend; bij een variant zegt ook de bestandsnaam het. `key` houdt
    meerdere knoppen op één pagina uit elkaar; `keuzes` vervangt de keuzes van de zijbalk voor
    tabellen waar die niets over zeggen (de inhoud van de opslag, de importlog) — dan ook geen model.
    `keuze`: de keuzes waarmee de pagina rekende (de Keuze van de zijbalk, of een afwijkende: Gemeentefonds
    is altijd netto); een pagina geeft haar mee als waarde, deze module leest geen toestand van de zijbalk.
    `bron`: de bronregel van de grafiek als die meer zegt dan de keuzes (Trends: prijzen van 2025, CPI)."""
    if keuzes is None:
        m = modelkeuze.variant()
        if m is not None:
            naam = naam.removesuffix(".csv") + f"_{m.naam}.csv"
        uit = df.assign(model=modelkeuze.label())
        keuzes = _keuzes(keuze) | ({"bron": bron} if bron else {})
    else:
        uit = df.copy()
    # Eigen cijfers van een gemeente zijn geen CBS-cijfers: dat reist mee in het bestand.
    eigen = dict(keuze.eigen) if keuze is not None and keuzes is None else {}
    if eigen and "gm_code" in uit.columns:
        uit["herkomst"] = uit["gm_code"].map(lambda c: "eigen cijfers gemeente (geen CBS)" if c in eigen else "CBS")
    k1, k2 = st.columns(2)
    with k1:
        st.download_button(
            label,
            lambda: export.csv(uit, keuzes),
            file_name=naam,
            mime="text/csv",
            icon=":material/download:",
            on_click="ignore",
            key=f"{key}_csv" if key else None,
        )
    with k2:
        st.download_button(
            "Excel (.xlsx)",
            lambda: export.xlsx(uit, keuzes),
            file_name=naam.removesuffix(".csv") + ".xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            icon=":material/table_view:",
            on_click="ignore",
            key=f"{key}_xlsx" if key else None,
        )


def _keuzes(k: Keuze | None = None) -> dict[str, object]:
    """Wat in elk bestand meereist: de keuzes van de zijbalk (of van de pagina) en de bron."""
    if k is None:
        return {"model": modelkeuze.label()}
    return {
        "jaar": k.jaar,
        "document": k.document,
        "maat": k.maat_tekst,
        "model": k.model,
        "gemeente": k.gemeente_naam,
        "bron": k.bron(),
        # Een kolom per rij (een per-gemeente-kanttekening in de tabel zelf gaat voor: export._met_keuzes).
        **({"kanttekening": k.crisis} if k.crisis else {}),
        # Welke gegevens (zoals ?gegevens= in een link): een bestand van vóór een update is zo te herkennen.
        **({"gegevensversie": links.versie_tekst(k.versie)} if k.versie else {}),
    }


LABEL_CIJFERS = "Cijfers achter deze grafiek"


def grafiek(
    wat: str,
    fig,
    tabel: cijfers.Tabel,
    wie: str | None = None,
    *,
    keuze: Keuze,
    config: dict,
    key: str,
    bron=None,
    bij_klik=None,
) -> None:
    """De grafiek (grafiekelement: de lichte plotly-bundel; `bij_klik(punten)` bij een klik) plus knoppen voor
    PNG en SVG (offline getekend, pas bij een klik), met een bestandsnaam die zegt wat het is:
    amsterdam_begroting-2025_netto_lagen.svg. Eronder, ingeklapt,
    de cijfers achter de grafiek als tabel (het tekstalternatief) met CSV en Excel. `wat` is per
    pagina uniek: de knoppen heten ernaar. `keuze`, `bron`: de keuzes van de pagina en, als die meer zegt,
    de bronregel van de grafiek (zie csv_knop)."""
    grafiekelement.toon(fig, config=config, key=key, bij_klik=bij_klik)
    k = keuze
    m = modelkeuze.variant()
    stam = k.bestandsdelen(wat, wie)
    # Zonder browser geen PNG/SVG: de knoppen uit met de reden, in plaats van een download die mislukt.
    fout = export.afbeelding_fout()
    k1, k2, k3 = st.columns([1, 1, 4])
    for kolom, formaat, mime in ((k1, "png", "image/png"), (k2, "svg", "image/svg+xml")):
        with kolom:
            st.download_button(
                formaat.upper(),
                lambda f=formaat: export.afbeelding(fig, f),
                file_name=export.bestandsnaam(*stam, *([m.naam] if m else []), ext=formaat),
                mime=mime,
                icon=":material/image:",
                on_click="ignore",
                key=f"{wat}_{formaat}",
                disabled=fout is not None,
                help=fout or f"Deze grafiek als {formaat.upper()}, met titel en bronregel",
            )
    if fout is not None:
        k3.caption(fout)
    # Pas getekend als de lezer de uitklap opent (een rerun): dicht kost een tabel van alle gemeenten duizenden
    # DOM-elementen en ± 1 s in de browser vóór de pagina af is (issue 30), en niemand ziet haar.
    uitklap = st.expander(LABEL_CIJFERS, key=f"cijfers_{wat}", on_change="rerun")
    with uitklap:
        if uitklap.open:
            leesbaar = tabel.leesbaar()
            titel = grafiekelement.platte_tekst(fig.layout.title.text or "")
            # Altijd een gewone tabel, ook lang (alle gemeenten): dit is het tekstalternatief van de grafiek.
            gewone_tabel(leesbaar, alt=f"De cijfers achter de grafiek ‘{titel}’")
            csv_knop(tabel.ruw, export.bestandsnaam(*stam, ext="csv"), key=wat, keuze=k, bron=bron)


# Tot zoveel rijen is een tabel om te lezen (kerncijfers, kwintielen, lagen): een gewone HTML-tabel, zonder het
# lazy geladen raster van st.dataframe (± 0,45 s extra tot de pagina af is, issue 30). Langer (ranglijsten, alle
# gemeenten): het raster, want daar helpen sorteren en scrollen.
KLEINE_TABEL = 50


def _rijen(gegevens) -> int:
    return len(gegevens.data if isinstance(gegevens, Styler) else gegevens)


def gewone_tabel(gegevens, *, alt: str | None = None, width: Literal["stretch", "content"] = "stretch") -> None:
    """Een HTML-tabel zonder index (geen canvas): te lezen, te kopiëren en voor schermlezers; vanaf 13 rijen
    scrolt ze binnen 420 px."""
    st.table(gegevens, hide_index=True, width=width, height=420 if _rijen(gegevens) > 12 else "content", alt=alt)


def tabel(gegevens, *, alt: str | None = None, width: Literal["stretch", "content"] = "stretch") -> None:
    """Een tabel zonder index: tot KLEINE_TABEL rijen als gewone tabel, daarboven als raster (sorteren,
    scrollen)."""
    if _rijen(gegevens) <= KLEINE_TABEL:
        gewone_tabel(gegevens, alt=alt, width=width)
    else:
        st.dataframe(gegevens, hide_index=True, width="stretch")


def model_knop(m: model.Model, label: str) -> None:
    """Het model als modelbestand (zelfde vorm als data/model/standaard.csv), bruikbaar met
    `sociale-basis indicatoren --model BESTAND` en weer te uploaden op de pagina Model."""
    st.download_button(
        label,
        lambda: model.naar_csv(m),
        file_name=f"{m.naam}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )


# De paginanamen in de URL (app.py); de rest van het pad is het adres van het dashboard.
PAGINAS = {"nederland", "gemeente", "vergelijken", "trends", "kaart", "gemeentefonds", "methode", "model", "gegevens"}


def verzoek(k: Keuze) -> gemeentebeeld.Verzoek:
    """De keuzes van de zijbalk als verzoek voor het gemeentebeeld en de factsheet."""
    return gemeentebeeld.Verzoek(
        k.gemeente,
        k.jaar,
        k.document,
        k.maat,
        k.groep,
        k.zonder_regio,
        k.model,
        k.model_code,
        _basis_url(),
    )


def factsheet_knop(store: Store, sleutel: str, beeld: gemeentebeeld.Gemeentebeeld, per_inwoner: bool) -> None:
    """De factsheet (PDF, één A4) van het beeld dat de pagina toont; pas gemaakt bij een klik (~0,2 s).
    Geen browser nodig: het sjabloon tekent de grafieken zelf, dus de knop werkt op elke server."""
    v = beeld.verzoek

    def maak() -> bytes:
        return factsheet.zet(factsheet.inhoud(store, sleutel, v, beeld))

    st.download_button(
        "Factsheet (PDF)",
        maak,
        file_name=factsheet.bestandsnaam(beeld.naam, v),
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        help="Eén A4 met de kopzin, de lagen naast groep en Nederland, de trend, de "
        "gemeentefondsmaatstaf, ‘wat als’, de keuzes, bronnen en de link naar deze weergave."
        + (
            " Bedragen per inwoner, ook nu de pagina totalen toont: zo is de gemeente te "
            "vergelijken met groep en Nederland."
            if not per_inwoner
            else ""
        ),
    )


def _basis_url() -> str | None:
    """Het adres van dit dashboard zoals de bezoeker het ziet (ook achter een proxy met een pad),
    voor de link in de factsheet; zonder browser (AppTest) geen."""
    url = st.context.url
    if not url:
        return None
    p = urlsplit(url)
    pad = p.path.rstrip("/")
    if pad.rsplit("/", 1)[-1] in PAGINAS:
        pad = pad.rsplit("/", 1)[0]
    return f"{p.scheme}://{p.netloc}{pad}"


def oorzaken_tabel(store) -> None:
    """De landelijke oorzaken die de regel voor incidentele stromen bij naam noemt (met uitleg en bron),
    met CSV en Excel: op Begroting en werkelijkheid en op Methode dezelfde tabel."""
    oorzaken = (
        vragen.bekende_oorzaken(store)
        .rename(
            columns={
                "taakveld": "Taakveld",
                "jaar_van": "Van",
                "jaar_tot": "Tot",
                "naam": "Oorzaak",
                "uitleg": "Waarom",
                "bron": "Bron",
            }
        )
        .drop(columns="oorzaak")
        .assign(Tot=lambda d: d["Tot"].map(lambda j: "" if j >= 9999 else str(j)))  # 9999 = nog niet afgelopen
        .assign(Van=lambda d: d["Van"].astype(str))
    )
    tabel(oorzaken, alt="Bekende landelijke oorzaken van incidentele stromen")
    csv_knop(
        oorzaken,
        "incidentele-stromen-oorzaken.csv",
        key="oorzaken",
        keuzes={"wat": "De landelijke oorzaken die de regel voor incidentele stromen bij naam noemt"},
    )
