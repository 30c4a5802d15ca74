"""De zijbalk en de keuzes van deze rerun. Elke keuze is aan de URL gebonden
(`bind="query-params"`), zodat een gekopieerde link dezelfde weergave opent."""

from __future__ import annotations

import html
import json

import pandas as pd
import streamlit as st

from .. import fmt, indicators, klassen, links, teksten, vergelijkingsgroep
from ..store import Store
from . import eigen, modelkeuze, vragen
from .keuze import Keuze
from .vragen import beschikbaarheid, eigen_cijfers, gemeenten, gemeentenamen


# -- zijbalk ---------------------------------------------------------------------------------
def zijbalk(store: Store, sleutel: str) -> Keuze:
    b = beschikbaarheid(store)
    jaren = sorted(b["jaar"].unique().tolist(), reverse=True)
    versie = vragen.gegevensversie(store)
    _link_versie(versie)
    eigen.bewaak_markering()  # een privékopie die na het herladen weg is: melden
    with st.sidebar:
        st.markdown("### Keuzes")
        _jaar_bij_document(b)
        _vergeef(
            "jaar",
            map(str, jaren),
            "jaar",
            str(_standaardjaar(b)),
            None,
            melding=lambda ruw: f"Jaar {ruw} staat niet in de opslag; getoond: {_standaardjaar(b)}.",
        )
        jaar = st.selectbox("Jaar", jaren, index=_index(jaren, _standaardjaar(b)), key="jaar", bind="query-params")
        documenten = [d for d in indicators.DOCUMENTEN if d in set(b.loc[b["jaar"] == jaar, "document"])]
        _vergeef("document", [d.capitalize() for d in documenten], "document", documenten[0].capitalize(), jaar)
        document = (
            st.segmented_control(
                "Document",
                documenten,
                default=documenten[0],
                key="document",
                format_func=str.capitalize,
                bind="query-params",
                required=True,
            )
            or documenten[0]
        )
        if document not in documenten:
            document = documenten[0]
        _vergeef("maat", MAAT_LABELS.values(), "maat", "Netto", jaar)
        uitleg = "Netto = lasten − baten: wat de gemeente uit eigen en algemene middelen betaalt. Bruto = alle lasten."
        if vragen.netto_volledig(store, jaar, document):
            gevraagd = (
                st.segmented_control(
                    "Maat",
                    list(indicators.MATEN),
                    default="netto",
                    key="maat",
                    format_func=MAAT_LABELS.get,
                    bind="query-params",
                    required=True,
                    help=uitleg,
                )
                or "netto"
            )
            maat = gevraagd
        else:
            # Eén maat per weergave: kan netto niet, dan staat de knop zichtbaar op bruto (en niet op
            # een Netto die stil bruto toont). Terug in een jaar met netto geldt weer de eigen keuze.
            uit_link = {v: k for k, v in MAAT_LABELS.items()}.get(st.query_params.get("maat", ""))
            gevraagd = st.session_state.get("maat") or uit_link or "netto"
            maat = "bruto"
            st.segmented_control(
                "Maat",
                ["bruto"],
                default="bruto",
                key="maat_alleen_bruto",
                format_func=MAAT_LABELS.get,
                disabled=True,
                help=uitleg,
            )
            st.warning(
                f"Voor de {document} {jaar} {vragen.netto_reden(store, jaar, document)}: netto is niet (voor heel Nederland) te "
                "berekenen. Alle cijfers hieronder zijn **bruto**."
            )
        _vergeef("weergave", WEERGAVE_LABELS.values(), "weergave", "Per inwoner", jaar)
        weergave = (
            st.segmented_control(
                "Weergave",
                ["per_inwoner", "totaal"],
                default="per_inwoner",
                key="weergave",
                bind="query-params",
                required=True,
                format_func=WEERGAVE_LABELS.get,
            )
            or "per_inwoner"
        )
        zonder_regio = st.toggle(
            "Zonder regionale taken", key="zonder_regio", bind="query-params", help=teksten.ZONDER_REGIO
        )
        lijst = gemeenten(store, int(jaar))
        namen = dict(zip(lijst["gm_code"], lijst["naam"]))
        codes = list(namen)
        _vergeef(
            "gemeente",
            namen.values(),
            "gemeente",
            namen.get("GM0363", "de eerste gemeente"),
            jaar,
            lambda ruw: _gemeente_uit_link(store, sleutel, int(jaar), namen, ruw),
        )
        gemeente = st.selectbox(
            "Gemeente",
            codes,
            index=_index(codes, "GM0363"),
            key="gemeente",
            format_func=lambda c: namen.get(c, c),
            bind="query-params",
            placeholder="Typ een naam…",
            help="Typ om te zoeken. De gekozen gemeente staat centraal op de pagina's Gemeente, Vergelijken en Kaart.",
        )
        groep = _groep_keuze(lijst, namen, lambda ruw: _gemeente_uit_link(store, sleutel, int(jaar), namen, ruw))
        naam = modelkeuze.label()
        st.caption(
            f"Model: **{naam}** · {document} {jaar} · {maat}"
            + (f" · {teksten.ZONDER_REGIO_KORT}" if zonder_regio else "")
        )
        if modelkeuze.variant() is not None:
            st.page_link("sociale_basis/pages/model.py", label="Model aanpassen of terugzetten", icon=":material/tune:")
        kopieer_link(
            {
                "jaar": str(jaar),
                "document": document.capitalize(),
                "maat": MAAT_LABELS[gevraagd],
                "weergave": WEERGAVE_LABELS[weergave],
                "gemeente": namen.get(gemeente, ""),
                links.GEGEVENS: links.versie_tekst(versie) or "",
            }
        )
    e = eigen_cijfers(store)
    e = e[(e["jaar"] == int(jaar)) & (e["document"] == document)]
    try:
        nl = vragen.groep(store, sleutel, int(jaar), document, maat, None, bool(zonder_regio))
        if bool(nl["vertekend"]):
            inc = vragen.incidenteel(store, sleutel, int(jaar), document, maat)
            crisis = teksten.crisis_bron(nl, sorted(set(inc.loc[inc["vertekent"], "oorzaak_naam"])))
        else:
            crisis = ""
    except indicators.IndicatorFout:
        crisis = ""  # geen landelijk cijfer (netto voor een deel van de gemeenten): dan ook geen som
    return Keuze(
        int(jaar),
        document,
        maat,
        gevraagd,
        weergave == "per_inwoner",
        gemeente,
        groep,
        naam,
        tuple(zip(e["gm_code"], e["gemeente"])),
        namen.get(gemeente, ""),
        bool(zonder_regio),
        crisis,
        st.query_params.get(modelkeuze.URL),
        versie,
    )


# Zoals de zijbalk ze toont en in de URL zet; in links.py, want ook de factsheet bouwt links.
MAAT_LABELS, WEERGAVE_LABELS = links.MAAT_LABELS, links.WEERGAVE_LABELS


MAX_WAARDEN = 400  # waarden van één lijst in een link (een vergelijkingsgroep): meer dan er gemeenten zijn (± 342)
MAX_GETOOND = 60  # tekens van een onbekende waarde in een melding


def vergeef(param: str, labels, wat: str, standaard: str, jaar=None, oplosser=None, melding=None) -> str | None:
    """Een link met een andere schrijfwijze (GM-code, kleine letters, CBS-naam) opent toch de
    bedoelde keuze: vóór de widget zetten we de URL op de vorm die de widget zelf schrijft en
    draaien opnieuw. Een widget leest de URL alleen bij de eerste keer; daarna niet meer nodig.
    Een onbekende waarde geeft de melding terug (None als alles klopt) in plaats van stil de
    standaardkeuze; `melding(ruw)` als een algemene zin niet past, zoals bij het jaar zelf."""
    ruw = st.query_params.get(param)
    labels = list(labels)
    if ruw is None or param in st.session_state or ruw in labels:
        return None
    goed = oplosser(ruw) if oplosser else links.keuze(ruw, labels)
    if goed is not None:
        st.query_params[param] = goed
        st.rerun()
    # Wat de link meebrengt, komt letterlijk en kort in de melding: nooit als markdown (een link, een plaatje).
    getoond = fmt.letterlijk(ruw[:MAX_GETOOND])
    return (
        melding(getoond)
        if melding
        else f"De link noemt {wat} ‘{getoond}’; die kennen we niet{f' voor {jaar}' if jaar else ''}. Je ziet {standaard}."
    )


def vergeef_lijst(param: str, labels, wat: str, oplosser=None) -> str | None:
    """Als `vergeef`, voor een keuze met meer waarden (`?selectie=GM0193&selectie=amsterdam`): elke
    waarde die we herkennen blijft staan in de vorm van de widget; de onbekende noemt de melding."""
    ruw = st.query_params.get_all(param)
    labels = list(labels)
    if not ruw or param in st.session_state or all(r in labels for r in ruw):
        return None
    # Hoogstens MAX_WAARDEN waarden: een link met 100.000 zou elk tegen alle namen zoeken (issue 33).
    te_veel = len(ruw) > MAX_WAARDEN
    ruw = ruw[:MAX_WAARDEN]
    los = oplosser or (lambda r: links.keuze(r, labels))
    goed, onbekend = [], []
    for r in ruw:
        g = r if r in labels else los(r)
        if g is None:
            onbekend.append(r)
        elif g not in goed:
            goed.append(g)
    tekst = (
        (
            f"De link noemt {wat} {', '.join(f'‘{fmt.letterlijk(r[:MAX_GETOOND])}’' for r in onbekend[:10])}"
            + (f" en nog {len(onbekend) - 10}" if len(onbekend) > 10 else "")
            + "; die kennen we niet"
            + (f". Wel gekozen: {', '.join(goed)}." if goed else ".")
        )
        if onbekend
        else None
    )
    if te_veel:
        tekst = (tekst + " " if tekst else "") + f"Alleen de eerste {MAX_WAARDEN} waarden van de link tellen."
    if goed != ruw:
        if tekst:  # de melding overleeft de rerun in de sessie; linkmeldingen toont haar
            st.session_state.setdefault("_linkmeldingen", {})[param] = tekst
        st.query_params[param] = goed
        st.rerun()
    return tekst


def _vergeef(param: str, *args, lijst: bool = False, **kwargs) -> None:
    """vergeef/vergeef_lijst voor de zijbalk: de melding komt boven de pagina (linkmeldingen)."""
    tekst = (vergeef_lijst if lijst else vergeef)(param, *args, **kwargs)
    if tekst:
        st.session_state.setdefault("_linkmeldingen", {})[param] = tekst


def melding_hier(tekst: str | None) -> None:
    """Een linkmelding van een widget op de pagina zelf (na linkmeldingen; zie vergeef)."""
    if tekst:
        st.warning(tekst, icon=":material/link_off:")


def _jaar_bij_document(b: pd.DataFrame) -> None:
    """Een link met wel een document maar geen jaar (`?document=jaarrekening`) opent het laatste
    jaar waarvoor dat document er is, niet het standaardjaar waarin het ontbreekt."""
    ruw = st.query_params.get("document")
    if ruw is None or "jaar" in st.query_params or "jaar" in st.session_state:
        return
    document = links.keuze(ruw, indicators.DOCUMENTEN)
    if document is None or document in set(b.loc[b["jaar"] == _standaardjaar(b), "document"]):
        return
    jaren = b.loc[b["document"] == document, "jaar"]
    if not jaren.empty:
        st.query_params["jaar"] = str(int(jaren.max()))
        st.rerun()


def _gemeente_uit_link(store: Store, sleutel: str, jaar: int, namen: dict[str, str], ruw: str) -> str | None:
    alle = gemeentenamen(store, jaar)
    code = links.gemeente(ruw, namen, zip(alle["naam"], alle["gm_code"]))
    return namen[code] if code else None


# Streamlit kent de actuele URL niet aan de serverkant (die verandert in de browser bij elke keuze)
# en heeft geen klembord-API. Daarom een knopje dat in de browser zelf location.href kopieert; waar
# het klembord geweigerd wordt (http buiten localhost) staat de link eronder om zelf te kopiëren.
# Vaste tekst zonder invoer van buiten, dus JavaScript hier is veilig. Het icoon is een SVG (Material
# 'link'; als achtergrond, want st.html laat geen <svg> door), geen emoji: zonder emojifont (Debian-
# server, sommige werkplekken) werd dat een leeg vakje.
_KOPIEER = """
<div class="sb-link">
  <button type="button" class="sb-kopieer" title="Kopieer de link naar deze weergave" data-pin="{pin}"
    style="font:inherit;font-size:0.875rem;padding:0.25rem 0.75rem;border:1px solid rgba(49,51,63,.2);
           border-radius:0.5rem;background:white;cursor:pointer;display:inline-flex;align-items:center;gap:0.35rem"
    ><span aria-hidden="true" style="width:18px;height:18px;background:no-repeat center/18px url(&quot;data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Cpath d='M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4c2.76 0 5-2.24 5-5s-2.24-5-5-5z'/%3E%3C/svg%3E&quot;)"></span>Kopieer link</button>
  <div class="sb-link-uitslag" role="status" style="font-size:0.8rem;color:#555;margin-top:0.25rem;
       word-break:break-all"></div>
</div>
<script>
for (const knop of document.querySelectorAll(".sb-kopieer:not([data-klaar])")) {{
  knop.dataset.klaar = "1";
  knop.addEventListener("click", async () => {{
    // Ook de keuzes die de URL weglaat omdat ze de standaard zijn, en de versie van de gegevens: zo
    // opent de link na een update dezelfde weergave (en zegt het dashboard dat de cijfers nieuwer zijn).
    const url = new URL(window.location.href);
    url.searchParams.delete("{prive}");  // de markering van een privékopie hoort bij deze bezoeker
    for (const [k, v] of Object.entries(JSON.parse(knop.dataset.pin || "{{}}"))) {{
      if (v) url.searchParams.set(k, v);
    }}
    const link = url.toString();
    const uitslag = knop.parentElement.querySelector(".sb-link-uitslag");
    try {{
      await navigator.clipboard.writeText(link);
      uitslag.textContent = "Gekopieerd: " + link;
    }} catch (e) {{
      uitslag.textContent = "Kopieer deze link: " + link;
    }}
    uitslag.dataset.link = link;
  }});
}}
</script>
"""


def kopieer_link(vast: dict[str, str]) -> None:
    """`vast`: de keuzes (zoals de widgets ze in de URL zetten) en de gegevensversie die elke gekopieerde
    link meekrijgt. Ze komen uit de opslag en de widgets, en gaan als ontsnapte JSON in een attribuut."""
    pin = html.escape(json.dumps(vast, ensure_ascii=False), quote=True)
    st.html(_KOPIEER.format(pin=pin, prive=links.PRIVE), unsafe_allow_javascript=True)


def _link_versie(versie) -> None:
    """Een link die een gegevensversie noemt (`?gegevens=…`, zie kopieer_link): is die ouder dan de cijfers
    nu, dan zegt een melding boven de pagina het, één keer. Daarna noemt de URL de huidige versie, zodat
    wie haar uit de adresbalk kopieert niet een valse melding doorgeeft."""
    ruw = st.query_params.get(links.GEGEVENS)
    if ruw is None or st.session_state.get("_gegevens_gelezen") == ruw:
        return
    ouder = links.link_ouder(ruw, versie)
    nu = links.versie_tekst(versie)
    tekst = None
    if ouder is None and versie is not None:
        tekst = (
            f"De link noemt de gegevensversie ‘{fmt.letterlijk(ruw[:MAX_GETOOND])}’; die kunnen we niet lezen. "
            f"Je ziet de gegevens van {_wanneer(versie)}."
        )
    elif ouder:
        tekst = (
            f"Deze link is gemaakt met de gegevens van {_wanneer(links.lees_versie(ruw))}; de opslag is sindsdien "
            f"bijgewerkt ({_wanneer(versie)}). Jaar, document, maat en gemeente zijn dezelfde, maar de "
            "cijfers kunnen afwijken van wat de maker van de link zag."
        )
    if tekst:
        st.session_state.setdefault("_linkmeldingen", {})[links.GEGEVENS] = tekst
    if nu:
        st.query_params[links.GEGEVENS] = nu
    st.session_state["_gegevens_gelezen"] = nu or ruw


def _wanneer(moment) -> str:
    return f"{fmt.datum(moment)} {moment:%H:%M:%S} (UTC)"


def linkmeldingen() -> None:
    """Meldingen over een link die we niet helemaal begrepen: één keer, boven de pagina."""
    for tekst in st.session_state.pop("_linkmeldingen", {}).values():
        st.warning(tekst, icon=":material/link_off:")


def _groep_keuze(lijst: pd.DataFrame, namen: dict[str, str], gemeente_van) -> vergelijkingsgroep.Groep:
    """`gemeente_van(ruw)`: de naam die een link bedoelt (GM-code, oude CBS-naam), of None."""
    _vergeef(
        "groep", vergelijkingsgroep.WIJZEN.values(), "de vergelijkingsgroep", vergelijkingsgroep.WIJZEN["vergelijkbaar"]
    )
    with st.expander("Vergelijkingsgroep", expanded=False):
        wijze = st.radio(
            "Groep",
            list(vergelijkingsgroep.WIJZEN),
            format_func=vergelijkingsgroep.WIJZEN.get,
            key="groep",
            bind="query-params",
            label_visibility="collapsed",
        )
        # Elke parameter alleen vergeven waar zijn widget ook verschijnt: anders blijft hij in de URL
        # staan en komt de melding bij elke klik terug.
        if wijze == "vergelijkbaar":
            _vergeef(
                "k",
                map(str, range(5, 51)),
                "",
                "",
                melding=lambda ruw: (
                    f"De link noemt ‘{ruw}’ vergelijkbare gemeenten; dat kan van 5 tot 50. Je ziet er 10."
                ),
            )
            k = st.slider(
                "Aantal gemeenten",
                5,
                50,
                10,
                key="k",
                bind="query-params",
                help="De gemeenten die het meest lijken op de gekozen gemeente in "
                "inwoners, stedelijkheid en sociale structuur.",
            )
            return vergelijkingsgroep.Groep("vergelijkbaar", k=k)
        if wijze == "zelf":
            _vergeef("selectie", namen.values(), "voor de groep de gemeente(n)", lijst=True, oplosser=gemeente_van)
            zelf = st.multiselect(
                "Gemeenten",
                list(namen),
                format_func=lambda c: namen.get(c, c),
                key="selectie",
                bind="query-params",
                placeholder="Kies gemeenten…",
            )
            return vergelijkingsgroep.Groep("zelf", zelf=tuple(zelf))
        gekozen = {}
        for kenmerk, (label, opties) in klassen.KENMERKEN.items():
            aanwezig = [o for o in opties if o in set(lijst[kenmerk].dropna())]
            _vergeef(kenmerk, aanwezig, label.lower(), lijst=True)
            gekozen[kenmerk] = tuple(
                st.multiselect(label, aanwezig, key=kenmerk, bind="query-params", placeholder="alle")
            )
        return vergelijkingsgroep.Groep("kenmerken", kenmerken=gekozen)


def _standaardjaar(b: pd.DataFrame) -> int:
    """Het laatste jaar waarvoor netto kan (marts/beschikbaarheid: netto_volledig); anders het laatste jaar."""
    netto = b[b["netto_volledig"]]
    return int((netto if not netto.empty else b)["jaar"].max())


def _index(opties: list, waarde) -> int:
    return opties.index(waarde) if waarde in opties else 0


# Wat app.py deze rerun opende en koos, voor de pagina die hij daarna draait. app.py zet het aan het
# begin van elke rerun, vóór elke pagina: een pagina opent de opslag dus nooit opnieuw en leest nooit
# een keuze van een vorige rerun. (Een echt argument zou van elke pagina een functie maken;
# st.navigation en de AppTests werken met paginabestanden.)
DEZE_RERUN = "_deze_rerun"


def begin_rerun(store: Store, sleutel: str) -> Keuze:
    """app.py: teken de zijbalk en geef opslag, modelsleutel en keuzes door aan de pagina."""
    k = zijbalk(store, sleutel)
    st.session_state[DEZE_RERUN] = (store, sleutel, k)
    return k


def deze_rerun() -> tuple[Store, str, Keuze]:
    """De pagina: opslag, modelsleutel en keuzes van deze rerun (gezet door app.py)."""
    return st.session_state[DEZE_RERUN]
