"""Mensen: de zorg die mensen krijgen naast wat die kost. Per gemeente het gebruik van jeugdzorg en Wmo door
de jaren (CBS, met breuken en voorlopige cijfers) naast de groep en Nederland, de bedragen per persoon uit de
maatlaag, en de wijken van de gemeente op een kaart naar een maat van behoefte."""

import pandas as pd
import streamlit as st

from sociale_basis import charts, cijfers, fmt, mensen, teksten
from sociale_basis.begrippen import BEHOEFTEN, INDICATOREN, STANDAARD_WIJKMAAT, WIJKMATEN, ZORGMATEN
from sociale_basis.dashboard import uitvoer, vragen, zijbalk

store, sleutel, k = zijbalk.deze_rerun()
st.title("Mensen")
st.caption(
    "De zorg die mensen krijgen, naast wat die kost: jongeren in jeugdhulp (met verblijf), onder "
    "jeugdbescherming, Wmo-cliënten — per gemeente door de jaren, naast de vergelijkingsgroep en Nederland, "
    "en per wijk. Bron: CBS, Gemeentelijke Monitor Sociaal Domein en Kerncijfers wijken en buurten (CC BY 4.0)."
)
naam = k.gemeente_naam or "de gemeente"
jaren = vragen.zorg_jaren(store)
overzicht = vragen.wijk_overzicht(store)
if jaren.empty and not overzicht["wijken"]:
    st.info(
        "De opslag heeft nog geen cijfers over gebruik van zorg of over wijken: die staan niet in de "
        "meegeleverde momentopname (alleen een ophaling bij CBS brengt ze). Haal ze op met\n\n"
        f"`{mensen.OPHAAL_OPDRACHT}`\n\n"
        "of, als beheerder, met de knop op de pagina **Gegevens**. De andere pagina's werken zonder."
    )
    st.stop()

# -- gebruik door de jaren ------------------------------------------------------------------------
st.subheader(f"Gebruik van zorg in {naam}, door de jaren")
if jaren.empty:
    st.info(f"Nog geen cijfers over gebruik van zorg per gemeente. Haal ze op met `{mensen.OPHAAL_OPDRACHT}`.")
else:
    beschikbaar = [m for m in ZORGMATEN if m in set(jaren["maat"])]
    zorgmaat = st.selectbox(
        "Gebruik",
        beschikbaar,
        format_func=lambda m: (
            f"{ZORGMATEN[m].label} ({'%' if ZORGMATEN[m].eenheid == 'procent' else 'per 1.000 inwoners'})"
        ),
        key="gebruik",
        bind="query-params",
    )
    z = ZORGMATEN[zorgmaat]
    leden, groepnaam = vragen.groepsleden(store, k)
    reeks = vragen.zorg_reeks(store, k.gemeente or "", tuple(leden))
    reeks = reeks[reeks["maat"] == zorgmaat]
    procent = z.eenheid == "procent"
    as_titel = "%" if procent else "per 1.000 inwoners"
    waarde = (lambda v: fmt.getal(v, 1) + "%") if procent else (lambda v: fmt.getal(v, 1))
    namen = {
        "gemeente": naam,
        "groep": f"{groepnaam} ({'mediaan' if procent else 'Σ ÷ Σ'})",
        "nederland": "Nederland" + (" (CBS)" if procent else ""),
    }
    bereik = (int(jaren["jaar"].min()), int(jaren["jaar"].max()))
    tabellen = ", ".join(sorted(set(reeks["tabel"].str.split(", ").explode())))
    bron = (
        f"Bron: CBS, Gemeentelijke Monitor Sociaal Domein ({tabellen}), CC BY 4.0. {z.label}: {z.toelichting}. "
        "Open stip: voorlopig cijfer. Alleen jaarcijfers (halfjaren tellen niet op tot een jaar)."
    )
    if reeks.empty:
        st.info(f"Geen cijfers voor {z.label.lower()} in de opslag.")
    else:
        uitvoer.grafiek(
            "gebruik",
            charts.gebruik(reeks, namen, as_titel, waarde, f"{z.label}: {naam}, groep en Nederland", bron, bereik),
            cijfers.gebruik(reeks, namen, as_titel, waarde),
            wie=naam,
            config=charts.PLOTLY_CONFIG,
            key="gebruik_grafiek",
            keuze=k,
        )
        if leden and reeks[reeks["wie"] == "groep"].empty:
            st.caption(f"De vergelijkingsgroep ({groepnaam}) heeft voor deze maat geen cijfers in de opslag.")
        eigen = reeks[reeks["wie"] == "gemeente"]
        if not eigen.empty and eigen["waarde"].isna().all():
            st.info(
                f"{naam} heeft voor {z.label.lower()} geen gepubliceerd cijfer (CBS: ‘.’). Dat is geen 0: gemeenten "
                "doen vrijwillig mee aan de Wmo-monitor, en kleine aantallen houdt CBS geheim."
            )
        breuken = sorted({b for b in reeks["breuk"] if b})
        st.caption(
            f"{'Percentages zijn CBS-aandelen en tellen niet op: de groep is de mediane gemeente, Nederland het cijfer van CBS. ' if procent else 'Per 1.000 inwoners (CBS-bevolking op 1 januari); groep en Nederland: Σ aantal ÷ Σ inwoners van de gemeenten die publiceerden. '}"
            + (f"Breuken: {'; '.join(breuken)}. " if breuken else "")
            + "Voorlopige cijfers worden later herzien (meestal iets hoger)."
        )

        # Meer preventie, minder escalatie? Alle gemeenten naast elkaar: beschrijving, geen oorzaak.
        zorgjaar = int(jaren.loc[jaren["maat"] == zorgmaat, "jaar"].max())
        gebruik = vragen.zorg_per_jaar(store, zorgjaar)
        gebruik = gebruik[gebruik["maat"] == zorgmaat]
        uitgaven = vragen.per_gemeente(store, sleutel, k.jaar, k.document, k.maat, k.zonder_regio)
        naast = (
            uitgaven[["gm_code", "gemeente", "collectieve_preventie_per_inwoner"]]
            .merge(gebruik[["gm_code", "waarde" if procent else "per_1000_inwoners"]], on="gm_code")
            .set_axis(["gm_code", "gemeente", "preventie", "gebruik"], axis=1)
            .dropna()
        )
        if len(naast) >= 2:
            st.markdown(f"##### Meer preventie, minder escalatie? {z.label.lower()} {zorgjaar} naast preventie")
            as_x = f"collectieve preventie, € per inwoner ({k.maat}, {k.document} {k.jaar})"
            as_y = f"{as_titel} ({zorgjaar})"
            uitvoer.grafiek(
                "preventie_gebruik",
                charts.preventie_gebruik(
                    naast,
                    k.gemeente,
                    leden,
                    as_x,
                    as_y,
                    waarde,
                    f"Preventie per inwoner en {z.label.lower()}, per gemeente",
                    bron,
                ),
                cijfers.preventie_gebruik(naast, as_x, as_y, waarde, k.gemeente, leden),
                wie=naam,
                config=charts.PLOTLY_CONFIG,
                key="preventie_gebruik_grafiek",
                keuze=k,
            )
            st.caption(
                f"Elke stip is een gemeente ({len(naast)} met beide cijfers). Dit is een beschrijving, geen oorzaak: "
                "brede preventie kan op korte termijn juist méér gebruik laten zien, doordat problemen eerder "
                "gevonden worden (AEF 2020; CPB), en een gemeente met veel jeugdhulp kan daarom meer aan preventie "
                f"doen. De uitgaven zijn van {k.document} {k.jaar} (zijbalk), het gebruik van {zorgjaar}. Zie Methode."
            )

# -- bedragen per persoon (de maatlaag) ---------------------------------------------------------
st.subheader(f"Uitgaven per persoon, {k.document} {k.jaar}")
PER_PERSOON = [
    INDICATOREN[n] for n in ("acute_zorg_per_jeugd_verblijf", "collectieve_preventie_per_wmo", "wmo_per_1000")
]
rij = vragen.per_gemeente(store, sleutel, k.jaar, k.document, k.maat, k.zonder_regio)
rij = rij[rij["gm_code"] == k.gemeente]
nl = vragen.groep(store, sleutel, k.jaar, k.document, k.maat, None, k.zonder_regio)
cijfer_rij = []
for ind in PER_PERSOON:
    eigen_waarde = rij[ind.kolom].iloc[0] if not rij.empty else None
    landelijk = nl.get(ind.kolom)
    cijfer_rij.append(
        uitvoer.Kerncijfer(
            ind.naam,
            ind.label,
            ind.opmaak(True)(eigen_waarde) if pd.notna(eigen_waarde) else fmt.LEEG,
            f"Nederland {ind.opmaak(True)(landelijk)}" if pd.notna(landelijk) else None,
            ind.leeg,
        )
    )
uitvoer.kerncijfers(cijfer_rij)
# Naast het getal, niet alleen op Methode: crisisgeld (opvang, corona) in de uitgaven van dit jaar vertekent elk
# bedrag per persoon, net als op Gemeente en de factsheet.
if not rij.empty and bool(rij["vertekend"].iloc[0]):
    st.warning(
        f"De uitgaven van {naam} in de {k.document} {k.jaar} bevatten incidenteel crisisgeld (opvang, corona): deze "
        "bedragen per persoon zijn daardoor vertekend. Zie Begroting en werkelijkheid."
    )
elif k.crisis:
    st.caption(k.crisis)
bronnen = {b: vragen.behoefte_bron(store, k.jaar, b) for b in ("jeugd_verblijf", "wmo")}
st.caption(
    "Alle uitgaven van de gemeente (netto of bruto, zie de zijbalk) gedeeld door het aantal personen: dat geld "
    "gaat niet alleen naar hen, en het getal zegt niet wat één persoon krijgt. Personen uit: "
    + "; ".join(
        f"{BEHOEFTEN[b].kort}: {teksten.behoefte_bron(*bron) if bron else 'niet in de opslag'}"
        for b, bron in bronnen.items()
    )
    + " (het dichtstbijzijnde jaar met cijfers). Jeugdhulp met verblijf betaalt een gemeente soms regionaal; "
    "zie de kanttekening over regionale taken."
)

# -- wijken -------------------------------------------------------------------------------------
st.subheader(f"De wijken van {naam}")
if not overzicht["wijken"] or not k.gemeente:
    st.info(f"Nog geen cijfers per wijk. Haal ze op met `{mensen.OPHAAL_OPDRACHT}`.")
    st.stop()
wijken = vragen.wijken(store, k.gemeente)
if wijken.empty:
    st.info(f"Geen wijkcijfers voor {naam} in de opslag.")
    st.stop()
beschikbaar = [m for m in WIJKMATEN if m in wijken.columns and wijken[m].notna().any()]
maat = st.selectbox(
    "Wijken naar",
    beschikbaar,
    index=beschikbaar.index(STANDAARD_WIJKMAAT) if STANDAARD_WIJKMAAT in beschikbaar else 0,
    format_func=lambda m: f"{WIJKMATEN[m].label} ({WIJKMATEN[m].eenheid})",
    key="wijkmaat",
    bind="query-params",
)
w = WIJKMATEN[maat]
jaren_maat = sorted(wijken[f"{maat}_jaar"].dropna().astype(int).unique())
gekoppeld, los = vragen.focusgebieden(store, k.gemeente, dict(zip(wijken["wk_code"], wijken["wijk"], strict=True)))
geojson, geojaar = vragen.geo_wijken(store, k.gemeente)
bron = (
    f"Bron: CBS, Kerncijfers wijken en buurten {fmt.jaarreeks(jaren_maat)} (CC BY 4.0); wijkgrenzen: CBS/PDOK "
    f"{geojaar or '–'}. Dikke rand: NPLV-focusgebied (naam gelijk aan een wijk)."
)
tekst = [
    f"{r.wijk}: {fmt.getal(getattr(r, maat), 1) if pd.notna(getattr(r, maat)) else 'geen cijfer (geheim of nog niet gepubliceerd)'}"
    f" {w.eenheid if pd.notna(getattr(r, maat)) else ''}"
    for r in wijken.itertuples(index=False)
]
if geojson is None:
    st.info(
        f"Geen wijkgrenzen in de opslag: de kaart ontbreekt, de tabel staat eronder. Haal ze op met "
        f"`{mensen.OPHAAL_OPDRACHT}`."
    )
    uitvoer.tabel(cijfers.wijken(wijken, WIJKMATEN).leesbaar(), alt="De wijken met elk cijfer en zijn jaar")
else:
    uitvoer.grafiek(
        "wijken",
        charts.wijkkaart(
            geojson,
            wijken,
            maat,
            f"{w.label}<br>{w.eenheid}",
            tekst,
            list(gekoppeld.values()),
            f"{w.label} per wijk, {naam}",
            bron,
        ),
        cijfers.wijken(wijken, WIJKMATEN),
        wie=naam,
        config=charts.PLOTLY_KAART_CONFIG,
        key="wijkkaart",
        keuze=k,
    )
hoogste = vragen.hoogste_wijken(store, k.gemeente, maat)
if hoogste:
    st.markdown(
        f"**Wijken met de meeste {w.label.lower()}** ({w.eenheid}): "
        + "; ".join(f"{h.wijk} {fmt.getal(h.waarde, 1)} ({h.jaar})" for h in hoogste)
        + ". Wijken met minder dan 100 inwoners tellen niet mee."
    )
if gekoppeld or los:
    st.caption(
        "NPLV-focusgebieden: "
        + "; ".join(
            [f"{g} (wijk {c})" for g, c in gekoppeld.items()]
            + [f"{g}: geen wijk met die naam — een focusgebied omvat vaak meer wijken; niet op de kaart" for g in los]
        )
        + "."
    )
