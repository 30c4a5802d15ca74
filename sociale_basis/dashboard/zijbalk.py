"""De zijbalk en de keuzes van deze rerun. Elke keuze is aan de URL gebonden
(`bind="query-params"`), zodat een gekopieerde link dezelfde weergave opent."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from .. import indicators, klassen, peers
from ..store import Store
from . import modelkeuze
from .vragen import beschikbaarheid, eigen_cijfers, gemeenten

BRON_CBS = "CBS, Iv3 (onbewerkte gemeentedata)"


# -- zijbalk ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Keuze:
    jaar: int
    document: str
    maat: str               # wat getoond wordt (bruto als netto niet kan)
    gevraagde_maat: str
    per_inwoner: bool
    gemeente: str | None    # GM-code
    groep: peers.Groep
    model: str = "standaard"  # naam van het actieve model (modelkeuze.label)
    # Gemeenten met eigen cijfers (geen CBS) in dit jaar en document: GM-code → naam.
    eigen: tuple[tuple[str, str], ...] = ()

    @property
    def netto_ontbreekt(self) -> bool:
        return self.maat != self.gevraagde_maat

    def bron(self) -> str:
        eigen = (f" Met eigen cijfers (geen CBS) van {', '.join(n for _, n in self.eigen)}." if self.eigen else "")
        return (f"Bron: {BRON_CBS}, {self.document} {self.jaar}, {self.maat}.{eigen} "
                f"Bewerking: Sociale Basis-dashboard, model ‘{self.model}’.")


def zijbalk(store: Store, sleutel: str) -> Keuze:
    b = beschikbaarheid(store, sleutel)
    jaren = sorted(b["jaar"].unique().tolist(), reverse=True)
    with st.sidebar:
        st.markdown("### Keuzes")
        jaar = st.selectbox("Jaar", jaren, index=_index(jaren, _standaardjaar(b)), key="jaar",
                            bind="query-params")
        documenten = [d for d in indicators.DOCUMENTEN if d in set(b.loc[b["jaar"] == jaar, "document"])]
        document = st.segmented_control("Document", documenten, default=documenten[0], key="document",
                                        format_func=str.capitalize, bind="query-params",
                                        required=True) or documenten[0]
        if document not in documenten:
            document = documenten[0]
        gevraagd = st.segmented_control("Maat", list(indicators.MATEN), default="netto", key="maat",
                                        format_func=lambda m: {"netto": "Netto", "bruto": "Bruto"}[m],
                                        bind="query-params", required=True,
                                        help="Netto = lasten − baten: wat de gemeente uit eigen en "
                                             "algemene middelen betaalt. Bruto = alle lasten.") or "netto"
        rij = b[(b["jaar"] == jaar) & (b["document"] == document)].iloc[0]
        maat = gevraagd
        if gevraagd == "netto" and rij["gemeenten_met_baten"] < rij["gemeenten"]:
            maat = "bruto"
            reden = ("zijn alleen lasten beschikbaar" if rij["gemeenten_met_baten"] == 0 else
                     f"hebben maar {rij['gemeenten_met_baten']} van de {rij['gemeenten']} gemeenten baten")
            st.warning(f"Voor de {document} {jaar} {reden}: netto is niet (voor heel Nederland) te "
                       "berekenen. Alle cijfers hieronder zijn **bruto**.")
        weergave = st.segmented_control("Weergave", ["per_inwoner", "totaal"], default="per_inwoner",
                                        key="weergave", bind="query-params", required=True,
                                        format_func=lambda w: {"per_inwoner": "Per inwoner",
                                                               "totaal": "Totaal"}[w]) or "per_inwoner"
        lijst = gemeenten(store, sleutel, int(jaar))
        namen = dict(zip(lijst["gm_code"], lijst["naam"]))
        codes = list(namen)
        gemeente = st.selectbox("Gemeente", codes, index=_index(codes, "GM0363"), key="gemeente",
                                format_func=lambda c: namen.get(c, c), bind="query-params",
                                placeholder="Typ een naam…",
                                help="Typ om te zoeken. De gekozen gemeente staat centraal op "
                                     "de pagina's Gemeente, Vergelijken en Kaart.")
        groep = _groep_keuze(lijst, namen)
        naam = modelkeuze.label()
        st.caption(f"Model: **{naam}** · {document} {jaar} · {maat}")
        if modelkeuze.variant() is not None:
            st.page_link("sociale_basis/pages/model.py", label="Model aanpassen of terugzetten",
                         icon=":material/tune:")
    e = eigen_cijfers(store, sleutel)
    e = e[(e["jaar"] == int(jaar)) & (e["document"] == document)]
    return Keuze(int(jaar), document, maat, gevraagd, weergave == "per_inwoner", gemeente, groep, naam,
                 tuple(zip(e["gm_code"], e["gemeente"])))


def _groep_keuze(lijst: pd.DataFrame, namen: dict[str, str]) -> peers.Groep:
    with st.expander("Vergelijkingsgroep", expanded=False):
        wijze = st.radio("Groep", list(peers.WIJZEN), format_func=peers.WIJZEN.get, key="groep",
                         bind="query-params", label_visibility="collapsed")
        if wijze == "vergelijkbaar":
            k = st.slider("Aantal gemeenten", 5, 50, 10, key="k", bind="query-params",
                          help="De gemeenten die het meest lijken op de gekozen gemeente in "
                               "inwoners, stedelijkheid en sociale structuur.")
            return peers.Groep("vergelijkbaar", k=k)
        if wijze == "zelf":
            zelf = st.multiselect("Gemeenten", list(namen), format_func=lambda c: namen.get(c, c),
                                  key="selectie", bind="query-params", placeholder="Kies gemeenten…")
            return peers.Groep("zelf", zelf=tuple(zelf))
        gekozen = {}
        for kenmerk, (label, opties) in klassen.KENMERKEN.items():
            aanwezig = [o for o in opties if o in set(lijst[kenmerk].dropna())]
            gekozen[kenmerk] = tuple(st.multiselect(label, aanwezig, key=kenmerk, bind="query-params",
                                                    placeholder="alle"))
        return peers.Groep("kenmerken", kenmerken=gekozen)


def _standaardjaar(b: pd.DataFrame) -> int:
    """Het laatste jaar waarvoor netto kan; anders het laatste jaar."""
    netto = b[b["gemeenten_met_baten"] > 0]
    return int((netto if not netto.empty else b)["jaar"].max())


def _index(opties: list, waarde) -> int:
    return opties.index(waarde) if waarde in opties else 0


def keuze() -> Keuze:
    """De keuzes uit de zijbalk van deze rerun (gezet door app.py)."""
    return st.session_state["_keuze"]
