"""Trends: wordt het beter of slechter? Reeksen 2017–2026 voor de gemeente, haar
vergelijkingsgroep en Nederland, herrekend naar één gemeentelijke indeling, nominaal of in
constante prijzen, met de breuken in het Iv3-schema erbij."""

import streamlit as st

from sociale_basis import charts, cijfers, teksten
from sociale_basis.begrippen import INDICATOREN
from sociale_basis.dashboard import eigen, uitvoer, vragen, zijbalk
from sociale_basis.dashboard.keuze import BRON_CBS

store, sleutel, k = zijbalk.deze_rerun()
LABELS = {naam: i.label for naam, i in INDICATOREN.items()}
STANDAARD = "collectieve_preventie"  # een reeks begint bij wat de sociale basis doet

# De reeks staat in de meest recente indeling waarin de gekozen gemeente nog bestaat: zo loopt hij
# zo ver mogelijk door, en tellen fusies eerder in de reeks als de som van hun voorgangers.
doel = vragen.doeljaar(store, k.jaar, k.gemeente)
st.title("Trends")
eigen.markeer(store, sleutel)
st.caption(
    f"Wordt het beter of slechter? Alle jaren staan in de gemeentelijke indeling van {doel}: "
    "cijfers van gemeenten die sindsdien zijn samengevoegd of gesplitst, zijn herrekend naar "
    "die gemeenten (gewogen naar adressen)."
    + (f" {teksten.ZONDER_REGIO_AAN} Dat geldt voor elk jaar." if k.zonder_regio else "")
)
zijbalk.melding_hier(zijbalk.vergeef("reeks", LABELS.values(), "de indicator", LABELS[STANDAARD]))
zijbalk.melding_hier(zijbalk.vergeef("prijzen", ["Nominaal", "Constant"], "de prijzen", "Nominaal"))
links, midden, rechts = st.columns([3, 2, 2])
ind = INDICATOREN[
    links.selectbox(
        "Indicator",
        list(LABELS),
        index=list(LABELS).index(STANDAARD),
        format_func=LABELS.get,
        key="reeks",
        bind="query-params",
    )
]
prijzen = midden.segmented_control(
    "Prijzen",
    ["nominaal", "constant"],
    default="nominaal",
    key="prijzen",
    format_func=str.capitalize,
    bind="query-params",
    required=True,
)
cpi = vragen.prijsindex(store)
basisjaar = None
if prijzen == "constant":
    if cpi.empty:
        st.warning(
            "Er is geen prijsindex in de opslag. Importeer de CBS-consumentenprijsindex "
            "(StatLine 83131NED) om in constante prijzen te rekenen."
        )
    else:
        jaren_cpi = cpi["jaar"].tolist()
        basisjaar = rechts.selectbox(
            "Prijzen van",
            jaren_cpi[::-1],
            key="basisjaar",
            bind="query-params",
            help="Bedragen in euro's van dit jaar (CBS-consumentenprijsindex).",
        )

namen = vragen.gemeenten(store, doel).set_index("gm_code")["naam"]
leden, groepnaam = vragen.groepsleden(store, k)
leden = [c for c in leden if c in namen.index]  # groepsleden die in de doelindeling bestaan
reeksen = []
if k.gemeente in namen.index:
    reeksen.append(
        (
            namen[k.gemeente],
            charts.ACCENT,
            vragen.trend(store, sleutel, k.maat, doel, (k.gemeente,), basisjaar, k.zonder_regio),
        )
    )
if leden:
    reeksen.append(
        (
            "Vergelijkingsgroep",
            charts.GROEP,
            vragen.trend(store, sleutel, k.maat, doel, tuple(leden), basisjaar, k.zonder_regio),
        )
    )
nederland = vragen.trend(store, sleutel, k.maat, doel, None, basisjaar, k.zonder_regio)
reeksen.append(("Nederland", charts.NEDERLAND, nederland))

# Elke reeks in de eenheid van de as (ind.waarden: totalen in miljoenen, verhoudingen zoals ze zijn).
kolom, as_titel, waarde = "_w", ind.eenheid(k.per_inwoner), ind.opmaak(k.per_inwoner)
reeksen = [(n, c, d.assign(_w=ind.waarden(d, k.per_inwoner))) for n, c, d in reeksen]
spreiding = []  # bij de verhouding: de mediane gemeente en de middelste helft naast het gewogen cijfer
if ind.eigen_noemer:
    wie = ([("Vergelijkingsgroep", charts.GROEP, tuple(leden))] if leden else []) + [
        ("Nederland", charts.NEDERLAND, None)
    ]
    for naam, kleur, codes in wie:
        verdeling = vragen.trend_spreiding(store, sleutel, k.maat, doel, codes, k.zonder_regio, ind.naam)
        spreiding.append((f"{naam}: mediane gemeente", kleur, verdeling.assign(**{kolom: verdeling["mediaan"]})))
prijstekst = f", prijzen van {basisjaar}" if basisjaar else ", nominaal"
# Bij een bedrag per persoon: per jaar de bron van de personen (werk.behoefte_bron kiest per jaar).
noemer_bronnen = (
    {int(j): vragen.behoefte_bron(store, int(j), ind.behoefte) for j in nederland["jaar"].unique()}
    if ind.behoefte
    else {}
)
bron = (
    f"Bron: {BRON_CBS}; herindelingen: VNG/grenswijzigen (CC BY-NC-SA 4.0)"
    + (f"; {teksten.cpi_herkomst(cpi)}" if basisjaar else "")
    + f". {k.maat_tekst.capitalize()}{prijstekst}. "
    f"Bewerking: Sociale Basis-dashboard, model ‘{k.model}’."
    + (teksten.noemer_bronregel(ind, noemer_bronnen) if ind.behoefte else "")
)
uitvoer.grafiek(
    "trend",
    charts.trend(reeksen, kolom, as_titel, waarde, f"{ind.label} ({k.maat}{prijstekst})", bron, spreiding),
    cijfers.trend(reeksen, kolom, as_titel, waarde, spreiding),
    config=charts.PLOTLY_CONFIG,
    key="trend",
    keuze=k,
    bron=bron,  # met de prijzen (nominaal of van welk jaar) en de CPI: dat zegt de zijbalk niet
)
if spreiding and ind.rangbaar:
    st.caption(teksten.gewogen_en_mediaan_trend(spreiding[-1][2], k.jaar, k.document))  # Nederland
if ind.behoefte:
    st.caption(teksten.per_persoon_bron(ind, noemer_bronnen))

meldingen = []
# Crisisgeld (opvang Oekraïne, corona, …) in de punten van de gemeente en van Nederland.
for naam_reeks, codes in ([(namen[k.gemeente], (k.gemeente,))] if k.gemeente in namen.index else []) + [
    ("Nederland", None)
]:
    jaren_crisis = vragen.incidenteel_jaren(store, sleutel, k.maat, codes)
    if (crisis := teksten.crisis_in_reeks(naam_reeks, jaren_crisis, k.maat)) is not None:
        meldingen.append(crisis)
if ind.regel == "verhouding":
    meldingen += [m for naam, _, df in reeksen if (m := teksten.geen_verhouding_in_reeks(naam, df))]
if k.maat == "netto":
    meldingen.append(
        "Netto (lasten − baten) bestaat alleen voor jaren met baten per taakveld: "
        f"{vragen.netto_jaren(store)}. Kies **bruto** voor de hele reeks."
    )
if basisjaar:
    zonder = sorted(set(nederland["jaar"]) - set(cpi["jaar"]))
    if zonder:
        meldingen.append(
            f"Geen prijsindex voor {', '.join(map(str, zonder))}: die jaren ontbreken in "
            "constante prijzen. Haal een nieuwere CPI op (`sociale-basis ophalen --alleen cpi`: "
            "83131NED en opvolger 86141NED)."
        )
if not k.per_inwoner and not ind.eigen_noemer:
    for naam, _, df in reeksen[-2:] if leden else reeksen[-1:]:
        deels = df[df["dekking"] < 0.995]
        if not deels.empty:
            meldingen.append(
                f"{naam}: in {', '.join(f'{r.document} {r.jaar}' for r in deels.itertuples())} hebben "
                "niet alle gemeenten cijfers ingediend; het totaal is daar te laag. Per inwoner is wel "
                "vergelijkbaar (hun inwoners tellen dan ook niet mee)."
            )
if k.gemeente in namen.index:
    eigen_reeks = reeksen[0][2]
    onvolledig = eigen_reeks[eigen_reeks["dekking"] < 0.995]
    if not onvolledig.empty:
        meldingen.append(
            f"Voor {namen[k.gemeente]} ontbreken in de bron (deels) cijfers voor: "
            + ", ".join(f"{r.document} {r.jaar}" for r in onvolledig.itertuples())
            + ". Die punten gaan over het deel met cijfers; per inwoner blijft vergelijkbaar."
        )
    ontbreekt = sorted(
        set(map(tuple, nederland[["jaar", "document"]].to_numpy()))
        - set(map(tuple, eigen_reeks[["jaar", "document"]].to_numpy()))
    )
    if ontbreekt:
        meldingen.append(
            f"Geen cijfers voor {namen[k.gemeente]} in: "
            + ", ".join(f"{d} {j}" for j, d in ontbreekt)
            + " (niet ingediend bij CBS)."
        )
vroegst = int(nederland["jaar"].min()) if not nederland.empty else k.jaar
eerste = int(vragen.beschikbaarheid(store)["jaar"].min())
if vroegst > eerste and k.maat == "bruto":  # netto: zie de melding over baten hierboven
    meldingen.append(
        f"De reeks begint in {vroegst}: eerdere jaren zijn niet naar de indeling van {doel} te herrekenen."
    )
if doel < int(vragen.beschikbaarheid(store)["jaar"].max()):
    meldingen.append(
        f"De reeks eindigt in {doel}: daarna is {namen.get(k.gemeente, 'de gemeente')} "
        "opgegaan in een andere gemeente (een fusie laat zich niet terugsplitsen). Kies die "
        "nieuwe gemeente om verder te kijken."
    )
for melding in meldingen:
    st.info(melding)
st.caption(
    "Stippellijnen: breuken in de Iv3-reeks. Vanaf 2023 zijn taakvelden fijner ingedeeld en "
    "veranderden boekingsregels (o.a. het CJG verhuisde), en 2017–2022 rekent met een eigen "
    "modelversie met een grovere grens tussen maatwerk en acuut; vanaf 2025 geldt weer een nieuw "
    "schema. Een sprong op zo'n breuk is dus deels een definitiekwestie. Doorgetrokken = "
    "begroting, gestippeld = jaarrekening."
)
