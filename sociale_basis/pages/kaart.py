"""Kaart: een indicator per gemeente op de kaart; klik een gemeente om haar pagina te openen."""

import streamlit as st

from sociale_basis import charts, cijfers, teksten
from sociale_basis.begrippen import INDICATOREN
from sociale_basis.dashboard import eigen, kaartbron, uitvoer, vragen, zijbalk

GEMEENTEPAGINA = "sociale_basis/pages/gemeente.py"

store, sleutel, k = zijbalk.deze_rerun()
if st.session_state.pop("_naar_gemeente", False):
    # Lege query_params: gebonden zijbalkkeuzes zetten zichzelf daarna weer in de URL.
    st.switch_page(GEMEENTEPAGINA, query_params={})

df = vragen.per_gemeente(store, sleutel, k.jaar, k.document, k.maat, k.zonder_regio)
LABELS = {naam: i.label for naam, i in INDICATOREN.items()}

st.title("Kaart")
eigen.markeer(store, sleutel, k.jaar, k.document)
if k.zonder_regio:
    st.caption(teksten.ZONDER_REGIO_AAN)
zijbalk.melding_hier(zijbalk.vergeef("indicator", LABELS.values(), "de indicator", LABELS["verhouding"]))
ind = INDICATOREN[st.selectbox("Indicator", list(LABELS), format_func=LABELS.get, key="indicator", bind="query-params")]
jaar_kaart, herrekenen = kaartbron.kaartjaar(store, k.jaar)
if herrekenen:
    df = vragen.per_gemeente_herrekend(store, sleutel, k.jaar, k.document, k.maat, jaar_kaart, k.zonder_regio)
if jaar_kaart is None or df.empty:
    st.warning(
        f"Er zijn geen kaartgrenzen voor de gemeentelijke indeling van {k.jaar}, en de cijfers "
        "zijn niet naar een latere indeling te herrekenen. Importeer grenzen van dat jaar "
        "(GeoJSON met GM-codes in ‘statcode’) of kies een ander jaar."
    )
    st.stop()
if herrekenen:
    st.info(
        f"Voor {k.jaar} zijn er geen eigen kaartgrenzen: de cijfers zijn herrekend naar de "
        f"{len(df)} gemeenten van {jaar_kaart} (gewogen naar adressen bij herindelingen)."
    )
# Elke gemeente van de kaart, ook zonder cijfers (die wordt lichtgrijs).
alle = vragen.gemeenten(store, jaar_kaart)[["gm_code", "naam"]]
df = alle.merge(df, on="gm_code", how="left").assign(gemeente=lambda d: d["gemeente"].fillna(d["naam"]))
rollen = vragen.regiotaken(store, k.jaar).set_index("gm_code")
kanttekeningen = vragen.kanttekeningen(store, sleutel, k.jaar, k.document, k.maat)
# In de hover: centrumgemeente (welke taken), gemeenten zonder eigen lasten voor acute zorg of met bijna geen
# preventie, crisisgeld.
extra = [
    # Elke opmerking op een eigen regel: op één regel liep de hover buiten de kaart.
    (f"<br>Centrumgemeente: {t}" if t else "") + (f"<br>{o.replace('; ', '<br>')}" if o else "")
    for t, o in zip(teksten.centrumtaken(rollen, df["gm_code"]), teksten.opmerkingen(df, kanttekeningen), strict=True)
]

# Zonder eigen acute zorg is de verhouding leeg (werk.verhouding): grijs, met de reden in de hover.
waarden = df.assign(_w=ind.waarden(df, k.per_inwoner))
tekst = [f"{n}<br>{ind.zin(v, k.per_inwoner)}{e}" for n, v, e in zip(df["gemeente"], waarden["_w"], extra)]
# Een rangbare indicator (de verhouding) kleurt alleen gemeenten met een rang (werk.rangbaar): de kleurklassen
# zijn een rangorde, en een vertekend cijfer of een verhouding op bijna geen preventie (€ 28 per € preventie)
# zou de hoogste klasse oprekken. Zij worden wit, met de waarde en de reden in de hover en de tabel.
rang = df["rangbaar"].fillna(False).astype(bool) if ind.rangbaar and "rangbaar" in df else None
getoond = waarden["_w"].where(rang) if rang is not None else waarden["_w"]
zonder_rang = (waarden["_w"].notna() & getoond.isna()) if rang is not None else None
waarden = waarden.assign(_getoond=getoond)


def _klik(punten: list[dict]) -> None:
    if punten and punten[0].get("location"):
        st.session_state["gemeente"] = punten[0]["location"]
        if herrekenen:
            # Op een herrekende kaart staan gemeenten van {jaar_kaart}; die bestonden in het gekozen
            # jaar soms nog niet. Hun pagina opent daarom in het jaar van de kaart.
            st.session_state["jaar"] = jaar_kaart
        st.session_state["_naar_gemeente"] = True


# Bij een bedrag per persoon: waar de personen vandaan komen (naast het getal en in de bronregel).
noemer_bronnen = {k.jaar: vragen.behoefte_bron(store, k.jaar, ind.behoefte)} if ind.behoefte else {}
fig = charts.kaart(
    kaartbron.geojson_bron(store, jaar_kaart),
    waarden,
    "_getoond",
    ind.eenheid(k.per_inwoner),
    tekst,
    k.gemeente,
    f"{ind.label} ({k.maat}, {k.document} {k.jaar})",
    k.bron()
    + f" Grenzen: CBS/PDOK {jaar_kaart}."
    + (" Herindelingen: VNG/grenswijzigen (CC BY-NC-SA 4.0)." if herrekenen else "")
    + (teksten.noemer_bronregel(ind, noemer_bronnen) if ind.behoefte else ""),
    zonder_rang=zonder_rang,
)
uitvoer.grafiek(
    "kaart",
    fig,
    cijfers.kaart(waarden, "_w", ind, k.per_inwoner, rollen, kanttekeningen, waarden["_getoond"]),
    config=charts.PLOTLY_KAART_CONFIG,
    key="kaart",
    bij_klik=_klik,
    keuze=k,
)
namen = dict(zip(df["gm_code"], df["gemeente"]))
if k.gemeente in namen:
    st.page_link(GEMEENTEPAGINA, label=f"Open de pagina van {namen[k.gemeente]}", icon=":material/arrow_forward:")
st.caption(
    "Klik op een gemeente om haar pagina te openen, of kies een gemeente in de zijbalk. "
    f"Vijf kleurklassen met elk ongeveer even veel gemeenten{' met een rang' if rang is not None else ''} "
    "(donker = laag); de grenzen staan in de legenda. De laagste en hoogste klasse zijn open (‘minder dan’, ‘of "
    f"meer’), zodat één uitschieter ze niet oprekt. Lichtgrijs: geen waarde ({ind.leeg}). De getallen en "
    "klassen staan onder ‘Cijfers achter deze grafiek’."
)
if ind.behoefte:
    st.caption(teksten.per_persoon_bron(ind, noemer_bronnen))
if zonder_rang is not None and zonder_rang.any():
    st.caption(teksten.kaart_zonder_rang(df[zonder_rang], f"{k.document} {k.jaar}"))
