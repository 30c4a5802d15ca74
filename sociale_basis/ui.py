"""Gedeelde staat van het dashboard: de opslag, de zijbalk en gecachete vragen.

Elke keuze in de zijbalk is aan de URL gebonden (`bind="query-params"`), zodat een gekopieerde
link dezelfde weergave opent. Pagina's vragen alles via de functies hier; geen SQL in pagina's.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from . import fmt, importer, indicators, klassen, model, ophalen, peers, snapshot
from .sources.lezen import InvoerFout
from .store import ROOT, OpslagFout, Store, standaard_pad

BRON_CBS = "CBS, Iv3 (onbewerkte gemeentedata)"

# Gecachete vragen hangen af van de opslag (welk bestand) en het model (de sleutel): een Store
# telt voor de cache als zijn pad, zodat twee opslagen nooit elkaars uitkomsten krijgen.
_PER_OPSLAG = {Store: lambda store: str(store.pad.resolve())}
gecacht = st.cache_data(show_spinner=False, hash_funcs=_PER_OPSLAG)
bewaard = st.cache_resource(show_spinner=False, hash_funcs=_PER_OPSLAG)


# -- opslag ----------------------------------------------------------------------------------
def db_pad() -> Path:
    """`streamlit run app.py -- --db PAD`, anders SOCIALE_BASIS_DB of het standaardpad."""
    if "--db" in sys.argv[:-1]:
        return Path(sys.argv[sys.argv.index("--db") + 1])
    return standaard_pad()


# Fouten die een laad- of ophaalactie als melding toont (niet als traceback).
LAADFOUTEN = (InvoerFout, OpslagFout, ophalen.OphaalFout, duckdb.Error)
_GEOPEND: list[Store] = []  # alle alleen-lezen Stores van dit proces, om te sluiten vóór een schrijfactie


@st.cache_resource(show_spinner=False)
def _open(pad: str, model_pad: str, model_gewijzigd: float) -> tuple[Store, str]:
    store = Store(pad, alleen_lezen=True)
    _GEOPEND.append(store)
    return store, store.laad_model(model.laad(model_pad))


def schrijf(actie: Callable[[Store, Callable[[str, float], None]], object], bezig: str) -> object:
    """Voer een schrijfactie uit (momentopname laden, CBS-import) met een voortgangsbalk.

    DuckDB staat in één proces geen schrijver naast alleen-lezen-verbindingen toe: de gedeelde
    alleen-lezen-opslag wordt eerst gesloten en na afloop (bij de volgende rerun) opnieuw geopend.
    Een bezoeker die precies dan een pagina laadt, kan één keer een foutmelding zien."""
    balk = st.progress(0.0, text=bezig)

    def meld(tekst: str, fractie: float) -> None:
        balk.progress(min(max(fractie, 0.0), 1.0), text=tekst)

    _open.clear()
    st.cache_data.clear()
    while _GEOPEND:
        _GEOPEND.pop().sluit()
    with Store(db_pad()) as store:
        uitkomst = actie(store, meld)
    balk.progress(1.0, text="Klaar.")
    return uitkomst


def opslag() -> tuple[Store, str]:
    """De opslag en de modelsleutel; zonder gegevens een Nederlandse uitleg en stop."""
    pad = db_pad()
    try:
        if not pad.exists():
            raise OpslagFout(f"Er is nog geen opslag op {pad}.")
        store, sleutel = _open(str(pad), str(model.STANDAARD), model.STANDAARD.stat().st_mtime)
        if beschikbaarheid(store, sleutel).empty:
            raise OpslagFout(f"De opslag {pad} bevat nog geen begrotingsgegevens.")
    except (OpslagFout, InvoerFout, duckdb.Error) as e:
        lege_opslag(str(e))
        st.stop()
    return store, sleutel


def lege_opslag(reden: str) -> None:
    st.title("Nog geen gegevens")
    st.info(reden)
    try:
        m = snapshot.lees_manifest()
        meegeleverd = (f"de momentopname *{m.naam}* ({fmt.getal(m.bytes / 1e6, 1)} MB): Iv3 "
                       f"{min(d['jaar'] for d in m.inhoud['dekking'])}–{max(d['jaar'] for d in m.inhoud['dekking'])} "
                       "met inwoners, gemeentegrenzen, gemeentefonds en CPI")
    except InvoerFout:
        m, meegeleverd = None, None
    links, rechts = st.columns(2)
    with links:
        st.markdown("**Meteen beginnen**\n\n" + (f"Laad {meegeleverd}. Dat duurt een paar seconden."
                                                   if m else "Er is geen meegeleverde momentopname gevonden."))
        laad = st.button("Laad de meegeleverde gegevens", type="primary", disabled=m is None,
                         icon=":material/download_done:")
    with rechts:
        st.markdown("**Het nieuwste van CBS**\n\nHaal Iv3 (alle jaren, lasten en baten), gemeentelijsten, "
                    "inwoners, de CPI en kaartgrenzen rechtstreeks op bij CBS en PDOK. Dat vraagt internet "
                    "en duurt enkele minuten.")
        haal = st.button("Haal de nieuwste gegevens op bij CBS", icon=":material/cloud_download:")
    try:
        if laad:
            schrijf(lambda store, meld: importer.voer_in(store, snapshot.stappen(), meld),
                    "De meegeleverde gegevens laden…")
            st.rerun()
        if haal:
            haal_bij_cbs()
    except LAADFOUTEN as e:
        st.error(f"Laden is niet gelukt; de opslag is niet veranderd. {e}")
    st.caption(f"De opslag van deze installatie staat in `{db_pad().name}` (in te stellen met "
               "`SOCIALE_BASIS_DB`). Op de opdrachtregel: `sociale-basis import --snapshot` of "
               "`sociale-basis ophalen`.")


def haal_bij_cbs() -> None:
    """Eerst alles downloaden (raakt de opslag niet), dan kort sluiten en in één transactie importeren."""
    balk = st.progress(0.0, text="Verbinden met CBS…")
    opgehaald = ophalen.download(meld=lambda t, f: balk.progress(min(f, 1.0) * 0.8, text=t))
    for opmerking in opgehaald.opmerkingen:
        st.caption(f"Let op: {opmerking}")
    schrijf(lambda store, meld: ophalen.importeer(store, opgehaald, meld), "Importeren…")
    st.rerun()


# -- gecachete vragen ------------------------------------------------------------------------
@gecacht
def beschikbaarheid(store: Store, sleutel: str) -> pd.DataFrame:
    return indicators.beschikbaarheid(store)


def heeft(store: Store, sleutel: str, jaar: int, document: str) -> bool:
    b = beschikbaarheid(store, sleutel)
    return bool(((b["jaar"] == jaar) & (b["document"] == document)).any())


@gecacht
def per_gemeente(store: Store, sleutel: str, jaar: int, document: str, maat: str) -> pd.DataFrame:
    return indicators.per_gemeente(store, sleutel, jaar, document, maat)


@gecacht
def groep(store: Store, sleutel: str, jaar: int, document: str, maat: str,
          gm_codes: tuple[str, ...] | None) -> pd.Series:
    return indicators.groep(store, sleutel, jaar, document, maat,
                            list(gm_codes) if gm_codes is not None else None)


@gecacht
def per_gemeente_herrekend(store: Store, sleutel: str, jaar: int, document: str, maat: str,
                           doeljaar: int) -> pd.DataFrame:
    return indicators.per_gemeente_herrekend(store, sleutel, jaar, document, maat, doeljaar)


@gecacht
def trend(store: Store, sleutel: str, maat: str, doeljaar: int, gm_codes: tuple[str, ...] | None,
          prijsbasis: int | None) -> pd.DataFrame:
    return indicators.trend(store, sleutel, maat, doeljaar,
                            list(gm_codes) if gm_codes is not None else None, prijsbasis)


@gecacht
def maatstaf(store: Store, sleutel: str, jaar: int, document: str, circulaire: str) -> pd.DataFrame:
    return store.query("marts/maatstaf", model=sleutel, jaar=jaar, document=document, circulaire=circulaire)


@gecacht
def circulaires(store: Store, sleutel: str) -> pd.DataFrame:
    return store.query("marts/circulaires")


@gecacht
def zonder_cijfers(store: Store, sleutel: str, jaar: int, document: str) -> pd.DataFrame:
    return store.query("marts/zonder_cijfers", jaar=jaar, document=document)


@gecacht
def doeljaar(store: Store, sleutel: str, jaar: int, gm_code: str | None) -> int:
    """De meest recente indeling waarin de gemeente (of het land) nog te volgen is."""
    return int(store.waarde("marts/doeljaar", jaar=jaar, gm_code=gm_code) or jaar)


@gecacht
def prijsindex(store: Store, sleutel: str) -> pd.DataFrame:
    return store.query("marts/prijsindex")


@gecacht
def gemeenten(store: Store, sleutel: str, jaar: int) -> pd.DataFrame:
    return store.query("marts/gemeente_kenmerken", jaar=jaar)


@gecacht
def taakvelden(store: Store, sleutel: str, jaar: int, document: str, maat: str,
               gm_code: str) -> pd.DataFrame:
    return store.query("marts/taakvelden_gemeente", model=sleutel, jaar=jaar, document=document,
                        maat=maat, gm_code=gm_code)


@gecacht
def taakveld_landelijk(store: Store, sleutel: str, jaar: int, document: str) -> pd.DataFrame:
    return store.query("marts/taakveld_landelijk", jaar=jaar, document=document)


@gecacht
def import_log(store: Store, sleutel: str) -> pd.DataFrame:
    return store.query("marts/import_log")


@gecacht
def dekking(store: Store, sleutel: str) -> pd.DataFrame:
    """Wat er per jaar en document is, voor een tabel op een pagina (uit de opslag, niet vast)."""
    b = beschikbaarheid(store, sleutel)
    return pd.DataFrame({
        "Jaar": b["jaar"].astype(str), "Document": b["document"].str.capitalize(),
        "Gemeenten": b["gemeenten"], "Zonder cijfers": b["zonder_cijfers"],
        "Maten": [indicators.maten_tekst(int(g), int(m)) for g, m in zip(b["gemeenten"], b["gemeenten_met_baten"],
                                                                         strict=True)],
        "Bron": b["bron_omschrijving"],
    })


def netto_jaren(store: Store, sleutel: str) -> str:
    """'begroting 2023–2025 en jaarrekening 2023': waar netto voor heel Nederland kan."""
    b = beschikbaarheid(store, sleutel)
    b = b[(b["gemeenten_met_baten"] == b["gemeenten"]) & (b["gemeenten"] > 0)]
    delen = []
    for document in indicators.DOCUMENTEN:
        jaren = sorted(b.loc[b["document"] == document, "jaar"])
        if jaren:
            delen.append(f"de {document} " + fmt.jaarreeks(jaren))
    return " en ".join(delen) or "geen enkel jaar"


@gecacht
def snapshot_zin(store: Store, sleutel: str) -> str:
    """Welke momentopname geladen is en hoe oud die is, als zin."""
    info = snapshot.geladen(store)
    if info is None:
        return ("Deze opslag is niet uit de meegeleverde momentopname gevuld, maar uit eigen bestanden of "
                "rechtstreeks bij CBS (zie de imports).")
    dagen = (pd.Timestamp.now() - pd.Timestamp(info["gemaakt"])).days
    m = info["manifest"]
    return (f"Geladen: **{info['naam']}**, gemaakt op {pd.Timestamp(info['gemaakt']):%d-%m-%Y} "
            f"({'vandaag' if dagen == 0 else f'{dagen} dag' + ('en' if dagen != 1 else '') + ' oud'}), "
            f"{fmt.getal(sum(t['rijen'] for t in m['tabellen'].values()))} rijen in {len(m['tabellen'])} tabellen. "
            f"{m['licentie']} Nieuwere cijfers: de knop *Haal de nieuwste gegevens op bij CBS* op de pagina "
            "Gegevens, of `sociale-basis ophalen`.")


@gecacht
def gemeten_verdeling(store: Store, sleutel: str) -> pd.DataFrame:
    return indicators.gemeten_verdeling(store, sleutel)


@gecacht
def model_regels(store: Store, sleutel: str) -> pd.DataFrame:
    return store.query("marts/model_regels", model=sleutel)


@bewaard
def geojson(store: Store, sleutel: str, jaar: int) -> dict:
    """GeoJSON van één indeling; `id` = GM-code, zonder overbodige eigenschappen (kleine payload)."""
    rijen = store.query("marts/geo", jaar=jaar)
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": r.gm_code, "properties": {}, "geometry": json.loads(r.geometrie)}
        for r in rijen.itertuples(index=False)]}


KAARTMAP = ROOT / "static" / "kaart"


@bewaard
def geojson_bron(store: Store, sleutel: str, jaar: int) -> dict | str:
    """De grenzen voor plotly: bij voorkeur als URL van een bestand in static/kaart/ (afgeleid
    van de opslag, niet in git), zodat de browser de geometrie één keer ophaalt en elke klik
    alleen de cijfers verstuurt. Kan dat bestand niet geschreven worden, dan de GeoJSON zelf."""
    data = geojson(store, sleutel, jaar)
    tekst = json.dumps(data, separators=(",", ":"))
    naam = f"gemeenten_{jaar}_{hashlib.sha256(tekst.encode()).hexdigest()[:12]}.json"
    try:
        KAARTMAP.mkdir(parents=True, exist_ok=True)
        pad = KAARTMAP / naam
        if not pad.exists():
            tijdelijk = pad.with_suffix(".tmp")
            tijdelijk.write_text(tekst, encoding="utf-8")
            tijdelijk.replace(pad)
    except OSError:
        return data
    return f"app/static/kaart/{naam}"


@gecacht
def geo_jaren(store: Store, sleutel: str) -> list[int]:
    return store.query("marts/geo_jaren")["jaar"].tolist()


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

    @property
    def netto_ontbreekt(self) -> bool:
        return self.maat != self.gevraagde_maat

    def bron(self) -> str:
        return (f"Bron: {BRON_CBS}, {self.document} {self.jaar}, {self.maat}. "
                "Bewerking: Sociale Basis-dashboard, model ‘standaard’.")


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
        st.caption(f"Model: {sleutel.split(':')[0]} · {document} {jaar} · {maat}")
    return Keuze(int(jaar), document, maat, gevraagd, weergave == "per_inwoner", gemeente, groep)


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


def groepsleden(store: Store, sleutel: str, keuze: Keuze) -> tuple[list[str], str]:
    return _groepsleden(store, sleutel, keuze.jaar, keuze.groep, keuze.gemeente)


@gecacht
def _groepsleden(store: Store, sleutel: str, jaar: int, groep: peers.Groep,
                 gemeente: str | None) -> tuple[list[str], str]:
    lijst = gemeenten(store, sleutel, jaar)
    leden = peers.leden(groep, lijst, gemeente)
    return leden, peers.omschrijving(groep, lijst, gemeente, len(leden))


def csv_knop(df: pd.DataFrame, naam: str, label: str = "Download als CSV") -> None:
    """CSV met ';' en decimale komma, zoals Nederlandse spreadsheets die verwachten. Het bestand
    wordt pas gemaakt als iemand klikt (niet bij elke rerun)."""
    st.download_button(label, lambda: df.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig"),
                       file_name=naam, mime="text/csv", icon=":material/download:", on_click="ignore")


def keuze() -> Keuze:
    """De keuzes uit de zijbalk van deze rerun (gezet door app.py)."""
    return st.session_state["_keuze"]


def kaartjaar(store: Store, sleutel: str, jaar: int) -> tuple[int | None, bool]:
    """Welke kaartgrenzen bij de cijfers van `jaar` horen: (grensjaar, herrekenen).

    Eerst grenzen met precies de gemeenten van dat jaar (zo dicht mogelijk bij het jaar); anders
    de eerstvolgende latere grenzen, en dan moeten de cijfers naar die indeling worden herrekend.
    """
    codes = set(gemeenten(store, sleutel, jaar)["gm_code"])
    per_jaar = {j: {f["id"] for f in geojson(store, sleutel, j)["features"]} for j in geo_jaren(store, sleutel)}
    passend = [j for j, geo in per_jaar.items() if geo == codes]
    if passend:
        return min(passend, key=lambda j: (abs(j - jaar), -j)), False
    later = [j for j in per_jaar if j > jaar and per_jaar[j] == set(gemeenten(store, sleutel, j)["gm_code"])]
    return (min(later), True) if later else (None, False)
