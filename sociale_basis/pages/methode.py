"""Methode: het model als tabel, netto tegenover bruto met echte cijfers, de breuken in het
Iv3-schema, de bronnen en wat het dashboard níet beweert."""

import pandas as pd
import streamlit as st

from sociale_basis import fmt, indicators, teksten
from sociale_basis.begrippen import (
    DREMPEL_ACUUT,
    DREMPEL_PREVENTIE,
    FUNCTIES,
    GEMEENTEFONDS_SOCIALE_BASIS_TEKST,
    LAGEN,
    PREVENTIE_DEFINITIE,
    VERTEKEND_GROEP_DEEL,
)
from sociale_basis.dashboard import modelkeuze, uitvoer, vragen, zijbalk
from sociale_basis.dashboard.keuze import BRON_CBS
from sociale_basis.indicators import IndicatorFout

store, sleutel, k = zijbalk.deze_rerun()
VERDELING_61, KORT_61 = modelkeuze.standaard_61_tekst()  # uit het modelbestand

st.title("Methode")
st.markdown("""
Dit dashboard zet elke euro uit de gemeentebegroting en -jaarrekening (CBS Iv3, per taakveld) op
het model van de **sociale basis**: het netwerk van steun dat mensen helpt samen te leven en mee
te doen. Drie lagen vormen de sociale basis; daarna komt zorg voor wie al in de knel zit.

- **Persoonlijk: bestaanszekerheid** — de persoon en het eigen netwerk. De gemeente financiert
  dat netwerk niet; wat zij wél betaalt en wat hier staat, is de basis eronder: inkomen en werk
  (taakvelden 6.3–6.5: bijstand, minimabeleid, schuldhulp, WSW en re-integratie). Daarom heet de
  laag overal *Persoonlijk: bestaanszekerheid* en is haar staaf gearceerd: op de meeste pagina's is
  zij de grootste (Amsterdam ± € 500 per inwoner netto), en dat is geld voor bestaanszekerheid, niet
  voor mantelzorg of burenhulp. Het *Gespreksmodel Sociale Basis* van Movisie en Verwey-Jonker
  (persoonlijk · gemeenschappelijk · institutioneel) rekent bestaanszekerheid tot de voorwaarden
  voor de persoonlijke basis; wij volgen dat, maar tellen de laag **niet** mee als collectieve
  preventie, zodat de kernverhouding er niet door verandert. Wie 6.3 liever apart zet, kan dat op de
  pagina Model (6.3 naar ‘overig’).
- **Informeel** (in het *Gespreksmodel Sociale Basis* van Movisie en Verwey-Jonker:
  **gemeenschappelijk**) — mensen die zich samen organiseren: bewonersinitiatieven,
  vrijwilligers, verenigingen.
- **Institutioneel** — voorzieningen open voor iedereen: sociaal werk, welzijn, buurthuizen,
  wijkteams en algemene toegang, GGD en jeugdgezondheidszorg.
- **Maatwerk** — individuele voorzieningen onder Wmo en Jeugdwet.
- **Acuut / geëscaleerd** — jeugdhulp met verblijf, crisis, gesloten plaatsing,
  jeugdbescherming en -reclassering, beschermd wonen, maatschappelijke en vrouwenopvang.
- **Overig** — de rest van de begroting, zodat geen euro verdwijnt.
""")
st.markdown(PREVENTIE_DEFINITIE + " **Acute zorg** = alles wat in de laag acuut valt.")

st.header("Het model per taakveld")
regels = vragen.model_regels(store, sleutel)
schemas = list(dict.fromkeys(regels["schema"]))
schema = st.segmented_control(
    "Iv3-schema", schemas, default=schemas[-1], key="schema", bind="query-params", required=True
)
alleen_sociaal = st.toggle("Alleen sociaal domein en volksgezondheid", value=True, key="sociaal", bind="query-params")
deel = regels[regels["schema"] == schema]
if alleen_sociaal:
    deel = deel[~deel["functie"].isin(["buiten_sociaal_domein", "geen_uitgave"])]
# Een gewone tabel: de toelichting (tot ±340 tekens) loopt door over regels in plaats van afgekapt.
st.table(
    pd.DataFrame(
        [
            {
                "Code": r.taakveld,
                "Taakveld": r.omschrijving,
                "Laag": LAGEN.get(r.laag, ("Niet meegeteld",))[0],
                "Deel": fmt.procent(float(r.aandeel), 0),
                "Functie": FUNCTIES[r.functie],
                "Toelichting": r.toelichting,
                "Categorieën (gemeten verdeling)": r.categorieen or "",
            }
            for r in deel.itertuples(index=False)
        ]
    ),
    hide_index=True,
    height=600,
    alt=f"Het model per taakveld, Iv3-schema {schema}",
)
uitvoer.csv_knop(
    deel,
    f"model_{k.model}_{schema}.csv",
    "Download deze tabel (CSV)",
    key="modeltabel",
    keuzes={"model": k.model, "iv3_schema": schema},
)
st.caption(
    f"Getoond: model **{k.model}**. Per taakveld tellen de delen op tot 100%; de controle daarop (en "
    "op ontbrekende taakvelden) draait bij elke berekening. Het standaardmodel staat in "
    "`data/model/standaard.csv` en is met `--model` te vervangen door een eigen verdeling."
)
st.page_link("sociale_basis/pages/model.py", label="Een variant proberen: pagina Model", icon=":material/tune:")
uitvoer.model_knop(modelkeuze.variant() or modelkeuze.standaard(), "Download het model (CSV)")

st.header("Netto of bruto")
tv23 = vragen.taakveld_landelijk(store, 2023, "jaarrekening") if vragen.heeft(store, 2023, "jaarrekening") else None
if tv23 is not None and "6.1" in set(tv23["taakveld"]):
    zes = tv23.set_index("taakveld").loc["6.1"]
    bruto = vragen.groep(store, sleutel, 2023, "jaarrekening", "bruto", None)
    netto = vragen.groep(store, sleutel, 2023, "jaarrekening", "netto", None)
    mediaan_bruto, mediaan_netto = (
        fmt.factor(indicators.spreiding(vragen.per_gemeente(store, sleutel, 2023, "jaarrekening", m))["mediaan"])
        for m in ("bruto", "netto")
    )
    st.markdown(f"""
Elk taakveld heeft **lasten** (uitgaven) en **baten** (inkomsten op hetzelfde taakveld, vaak
geoormerkt rijksgeld). *Bruto* laat zien wat er door de gemeente heen gaat; **netto (lasten − baten)**
laat zien wat de gemeente uit eigen en algemene middelen betaalt: de politieke keuze waar dit
dashboard over gaat. Daarom is netto de standaard.

Taakveld 6.1 laat zien waarom — en waar netto tekortschiet. In de jaarrekening 2023 waren de lasten op 6.1
landelijk **{fmt.mld(zes["lasten"])}** en de baten **{fmt.mld(zes["baten"])}**. Op 6.1 staat ook de opvang
van ontheemden uit Oekraïne, met het normbedrag van het Rijk als baten. Netto haalt dat geld er niet
netjes uit: in 2023 waren de extra baten groter dan de extra lasten, zodat netto 6.1 de preventie
*onder*schat, en bruto (zonder baten) *over*schat hij haar. Het dashboard benoemt dat geld daarom
apart als **incidenteel crisisgeld** (hieronder). Bruto zou de jaarrekening 2023 landelijk
{fmt.mld(bruto["collectieve_preventie"])} aan collectieve preventie tonen tegen
{fmt.mld(bruto["acute_zorg"])} acute zorg; netto is dat {fmt.mld(netto["collectieve_preventie"])}
tegen {fmt.mld(netto["acute_zorg"])} — {fmt.factor(netto["acuut_per_euro_preventie"])} acute zorg
per euro preventie in plaats van {fmt.factor(bruto["acuut_per_euro_preventie"])} (Nederland als geheel,
gewogen: totaal ÷ totaal). De mediane gemeente: netto {mediaan_netto}, bruto {mediaan_bruto}.
""")
st.markdown("""
Netto over de **hele** begroting is ongeveer nul: de algemene uitkering uit het gemeentefonds en de
belastingen zijn baten op hoofdtaakveld 0 en vallen in *overig*, dat netto daardoor negatief is.

""")
st.markdown(f"""
In deze opslag zijn er baten per taakveld, en dus netto, voor **{vragen.netto_jaren(store)}**.
Voor de andere jaren toont het dashboard **bruto** en zegt dat erbij; het toont nooit bruto als
netto. Haal de CBS-tabellen op (pagina Gegevens) voor lasten én baten in elk jaar sinds 2017.
""")

st.header("Informeel of institutioneel: gemeten waar het kan")
st.markdown(f"""
Taakveld 6.1 (samenkracht en burgerparticipatie) valt in twee lagen. Waar de bron de lasten per
**economische categorie** geeft (de onbewerkte CBS-tabellen, via *ophalen* of een eigen CBS-export),
rekent het dashboard de verdeling per gemeente uit: **subsidies** (L4.2) en overdrachten aan
**overige instellingen en personen** (L4.3.8, L4.4.8) tellen als informeel; **eigen personeel**
(L1), **goederen en diensten** inclusief inhuur en inkoop (L3) en overdrachten aan **overheden en
gemeenschappelijke regelingen** (L4.3.1–L4.3.7) als institutioneel. Rente, afschrijvingen en
andere verrekeningen volgen de verdeling van de rest. Subsidies gaan ook naar welzijnsinstellingen:
lees de gemeten verdeling daarom als een **bovengrens voor informeel**. Zonder categorieën (de
meegeleverde gegevens) geldt de vaste verdeling uit het model, {VERDELING_61}.
De regels staan in de kolom `categorieen` van het modelbestand.
""")
gemeten = vragen.gemeten_verdeling(store, sleutel)
if gemeten.empty:
    st.info(
        "In deze opslag heeft geen enkele gemeente categorieën op 6.1: overal geldt de vaste "
        f"verdeling {KORT_61}. Haal de CBS-tabellen op (pagina Gegevens) voor de gemeten verdeling."
    )
else:
    inf = gemeten[gemeten["laag"] == "informeel"]
    uitvoer.tabel(
        [
            {
                "Jaar": str(r.jaar),
                "Document": r.document.capitalize(),
                "Taakveld": r.taakveld,
                "Gemeenten met gemeten verdeling": r.gemeenten,
                "Informeel (gewogen)": fmt.procent(float(r.gewogen)),
                "Informeel (laagste–hoogste)": f"{fmt.procent(float(r.laagste), 0)}–{fmt.procent(float(r.hoogste), 0)}",
                "Gemeenten": r.namen,
            }
            for r in inf.itertuples(index=False)
        ],
        alt="De gemeten verdeling van 6.1 per jaar en document",
    )
    uitvoer.csv_knop(
        inf,
        "gemeten_verdeling_6.1.csv",
        key="gemeten",
        keuzes={"bron": f"{BRON_CBS}; Sociale Basis-dashboard, gemeten verdeling van 6.1"},
    )
    st.caption(
        "‘Gewogen’ = het aandeel informeel van alle 6.1-lasten van deze gemeenten samen. "
        f"Gemeenten die niet in de lijst staan, hebben de vaste verdeling {KORT_61}."
    )

st.header("Incidenteel crisisgeld: opvang, corona en de jaarrekening")
st.markdown(teksten.INCIDENTEEL_METHODE)
st.markdown(
    "Waar zo'n stroom in **collectieve preventie of acute zorg** zit, is de verhouding van die gemeente in "
    "dat jaar **vertekend**: ze staat er, met de kanttekening, maar krijgt **geen rang** en kleurt niet mee op "
    "de kaart — zoals bij gemeenten zonder eigen acute zorg. Een som over gemeenten (Nederland, een "
    f"vergelijkingsgroep) heet vertekend als het crisisgeld minstens {fmt.procent(VERTEKEND_GROEP_DEEL, 0)} "
    "van haar preventie of acute zorg is; de kopzin zegt het dan. De pagina **Begroting en werkelijkheid** "
    "toont per jaar wat er begroot en uitgegeven is, met en zonder dit geld, en `sociale-basis realisatie` "
    "geeft dezelfde cijfers als CSV; `sociale-basis indicatoren` heeft een kolom `kanttekening`."
)
uitvoer.oorzaken_tabel(store)
st.markdown(teksten.VERDRINGING_METHODE)

st.header("Regionale taken: centrumgemeenten")
rollen = vragen.regiotaken(store, k.jaar)
st.markdown(f"""
Beschermd wonen, maatschappelijke opvang en vrouwenopvang (taakveld **6.81**; vanaf 2023 6.81a–b,
vanaf 2025 6.811–6.812) betaalt een **centrumgemeente** voor haar hele regio. Welke dat zijn, staat in
de brondata van de gemeentefondscirculaires: wie de decentralisatie-uitkering ontvangt
({len(rollen)} gemeenten in de circulaire die het dichtst bij {k.jaar} ligt). Hun acute zorg per
inwoner is daardoor hoog, die van hun buurgemeenten laag, zonder dat een van beide meer of minder
voor de eigen inwoners doet.

**Zonder regionale taken** (schakelaar in de zijbalk, voor alle pagina's) laat 6.81 voor *elke*
gemeente weg uit acute zorg, ook voor Nederland, de vergelijkingsgroep, de trends (elk jaar) en de
kaart; op Gemeentefonds alleen uit ‘Maatwerk en acuut’. Bronregels en kopzinnen zeggen het dan ook.
We kozen dit boven het verrekenen van de uitkering: die uitkering dekt niet precies wat een centrumgemeente uitgeeft, en weglaten is voor
iedereen dezelfde, controleerbare regel. Jeugdhulp met verblijf en jeugdbescherming blijven meetellen:
die zijn geen centrumgemeentetaak, al kopen gemeenten ze vaak regionaal in.

Een gemeente **zonder eigen lasten voor acute zorg** (€ 0 of minder) krijgt geen rang en het dashboard
toont voor haar ook geen verhouding (een streepje, in elke tabel, kaart en download): een € 0 betekent
meestal dat een gemeenschappelijke regeling of centrumgemeente die zorg betaalt, niet dat ze het beter doet.

**Drempel voor een rang:** wie minder dan {fmt.procent(DREMPEL_ACUUT, 0)} van het landelijke bedrag per
inwoner aan acute zorg uitgeeft (zelfde jaar, document, maat en schakelaar), krijgt ook geen rang: zo'n
bedrag zegt waar de zorg geboekt wordt, niet dat er weinig nodig is.

**En andersom, voor preventie:** wie wel iets, maar minder dan {fmt.procent(DREMPEL_PREVENTIE, 0)} van het
landelijke bedrag per inwoner aan collectieve preventie uitgeeft, krijgt ook geen rang. Een noemer van bijna nul
rekt de verhouding op: Bodegraven-Reeuwijk begroot in 2025 netto € 3,87 preventie per inwoner, dus € 28,35 acute
zorg per € preventie, de ‘slechtste’ van het land, met acute zorg rond de mediane gemeente. Zo'n bedrag zegt
waar preventie geboekt wordt (elders, of netto: baten op 6.1 die de lasten bijna opheffen), niet wat de gemeente
kiest. De verhouding staat er wel, met de reden; op de kaart is zo'n gemeente wit, buiten de klassen. Waarom
{fmt.procent(DREMPEL_PREVENTIE, 0)}: in 2017–2026 ligt per keuze hooguit één gemeente daaronder (buiten de
jaarrekening 2023 netto, met de opvang van Oekraïners op 6.1) en de volgende boven 14%; bij 5% hield Woudenberg
(€ 9,61 in de begroting 2023 netto) de op één na hoogste verhouding. Ranglijst, kaartklassen en de mediane
gemeente tellen alleen gemeenten met een rang.
""")
try:
    met = vragen.groep(store, sleutel, k.jaar, k.document, k.maat, None)
    zonder = vragen.groep(store, sleutel, k.jaar, k.document, k.maat, None, True)
    med_met, med_zonder = (
        fmt.factor(indicators.spreiding(vragen.per_gemeente(store, sleutel, k.jaar, k.document, k.maat, z))["mediaan"])
        for z in (False, True)
    )
    st.caption(
        f"Nederland, {k.document} {k.jaar} ({k.maat}), gewogen: {fmt.factor(met['acuut_per_euro_preventie'])} "
        f"acute zorg per € preventie, zonder regionale taken "
        f"{fmt.factor(zonder['acuut_per_euro_preventie'])} ({fmt.bedrag(met['acute_zorg'] - zonder['acute_zorg'])} "
        f"op 6.81 weggelaten). De mediane gemeente: {med_met}, zonder regionale taken {med_zonder}."
    )
    st.caption(
        teksten.drempel_nu(
            vragen.per_gemeente(store, sleutel, k.jaar, k.document, k.maat, k.zonder_regio),
            f"de {k.document} {k.jaar} ({k.maat_tekst})",
        )
    )
except IndicatorFout as e:
    st.caption(str(e))

st.header("Breuken in het Iv3-schema")
st.markdown("""
- **2017–2022**: grove indeling. Alle individuele jeugdhulp staat op 6.72, jeugdhulp met verblijf
  en jeugdbescherming samen op 6.82. De grens tussen maatwerk en acuut is minder scherp.
- **2023–2024**: sub-taakvelden (6.71a–d, 6.72a–d, 6.73a–c, 6.74a–c, 6.81a–b, 6.82a–b). Tegelijk
  veranderden de boekingsregels (o.a. het CJG ging naar een ander taakveld). Een sprong tussen
  2022 en 2023 is dus deels een definitiekwestie: landelijk gaan de ‘acute’ taakvelden van
  € 3,2 naar € 5,1 mld tussen begroting 2022 en 2023.
- **2025 en later**: driecijferige codes (6.21–6.23 toegang, 6.60, 6.711–6.714, 6.751–6.763,
  6.791/6.792, 6.811/6.812, 6.821/6.822, 6.91/6.92).
- Waar een bron alleen het totaal van een groep sub-taakvelden geeft (bv. **6.74** in de
  jaarrekening 2024), gebruikt het model een eigen regel: 6.74 wordt verdeeld naar het landelijke
  aandeel van 6.74a (GGZ zonder verblijf, maatwerk) in jaarrekening 2023 en begroting 2024:
  62% maatwerk, 38% acuut.
- **Coördinatie en beleid** (6.91, 6.92, vanaf 2025) staat apart onder overig en wordt niet over
  de lagen verdeeld.
""")

st.header("Tijdreeksen, herindelingen en prijzen")
st.markdown(f"""
- **Herindelingen.** Iv3 geeft elk jaar in de gemeentelijke indeling van dat jaar (388 gemeenten in
  2017, 342 vanaf 2023). Voor reeksen herrekent het dashboard alle jaren naar de meest recente
  indeling waarin de gekozen gemeente nog bestaat, en voor kaarten van jaren zonder eigen grenzen
  naar de eerstvolgende indeling mét grenzen: een opgeheven gemeente telt mee
  naar het aandeel van haar adressen dat naar elke nieuwe gemeente ging (de jaarlijkse
  grenswijzigingsmatrices van VNG, *reidhin/grenswijzigen*). De geschiedenis van een fusiegemeente
  is zo de gewogen som van haar voorgangers; landelijke totalen veranderen er niet door (getest
  voor elk jaar). Inwoners worden op dezelfde manier herrekend. **Licentie van die matrices:
  CC BY-NC-SA 4.0** (niet-commercieel, gelijk delen): vrij voor analyse, maar wie herrekende
  cijfers verder verspreidt, moet die licentie volgen.
- Een fusie laat zich niet eerlijk terugsplitsen: de reeks van een opgeheven gemeente eindigt in
  haar laatste jaar; kies de nieuwe gemeente om verder te kijken.
- **Constante prijzen** rekenen met de consumentenprijsindex van CBS (83131NED, alle
  bestedingen): bedrag × CPI(basisjaar) / CPI(jaar). Tot 2019 de officiële indexcijfers, 2020–2025
  geschakeld met de jaarmutaties (afgerond op 0,1%; 2024 en 2025: 3,3% elk, uit de persberichten van
  CBS). Voor 2026 en later staat in de meegeleverde data geen index: die jaren ontbreken in constante
  prijzen tot een nieuwere CPI-export is geïmporteerd (`sociale-basis ophalen --alleen cpi`; een
  officieel indexcijfer vervangt dan het geschakelde). De CPI meet de prijzen van huishoudens, niet die van zorg en welzijn (daarvoor
  bestaat geen openbare reeks in deze data); lees constante prijzen als koopkracht.
- **Gemeenten zonder cijfers.** Sommige gemeenten staan in een bronbestand met alleen nullen
  (niet ingediend, vaak in een fusiejaar). Ze tellen niet mee als € 0: ze staan niet in
  ranglijsten en gemiddelden, en hun inwoners tellen niet mee in ‘per inwoner’.
- **Vergelijkbare gemeenten** zijn de *k* gemeenten die het dichtst bij liggen op inwoners
  (logaritmisch), stedelijkheid en sociale structuur, elk gestandaardiseerd. Klassen komen uit
  2023–2025; voor andere jaren geldt het dichtstbijzijnde jaar. Groepscijfers zijn altijd gewogen:
  totaal bedrag gedeeld door totaal inwoners. Naast elke gewogen verhouding (Nederland, Vergelijken,
  Gemeente, factsheet en per jaar op Trends) staan de **mediane gemeente** en de middelste helft
  (eerste tot derde kwartiel), over de gemeenten met een rang: het gewogen cijfer zegt wat het land
  als geheel uitgeeft, de mediaan wat een gewone gemeente doet.
- **Gemeentefonds.** De pagina Gemeentefonds zet netto uitgaven op {GEMEENTEFONDS_SOCIALE_BASIS_TEKST}
  naast het cluster *Sociale basisvoorzieningen*, en netto maatwerk + acuut naast de clusters
  *Individuele voorzieningen Wmo* en *Jeugd*. De clusterbedragen zijn een schatting van de
  behoefte (door de begrotingsanalysetool berekend uit de circulaire), geen oormerk.
- **Behoefte.** De pagina Behoefte zet preventie en acute zorg per inwoner naast een maat voor
  behoefte: een volume waarmee het Rijk het gemeentefonds verdeelt (bijstandsontvangers, huishoudens
  met een laag inkomen, …), uit de laatste circulaire voor het dichtstbijzijnde uitkeringsjaar, per
  1.000 inwoners van die circulaire. Kwintielen zijn vijf groepen van zo gelijk mogelijk aantal
  gemeenten (gelijke waarden samen); de samenhang is Spearmans rangcorrelatie. Drie maatstaven tellen
  ‘met drempel’ (alleen het deel boven een landelijk drempelaandeel) en zijn dus geen zuiver aandeel.
  Samenhang is geen oorzaak, en centrumgemeenten hebben meer acute zorg omdat ze voor hun regio betalen.
""")

st.header("Mensen naast geld: gebruik van zorg en wijken")
st.markdown("""
De pagina **Mensen** zet de zorg die mensen krijgen naast wat die kost. Bronnen (CBS, Gemeentelijke Monitor
Sociaal Domein, CC BY 4.0; tabel-id's in `data/cbs_bronnen.toml`):
- *Indicatoren jeugdzorg in natura* (82972NED tot 2019, 85098NED vanaf 2022): het aandeel jongeren met jeugdhulp,
  met jeugdbescherming, en binnen de jeugdhulp het aandeel mét verblijf. Het zijn aandelen van CBS zelf: ze tellen
  niet op, dus een groep krijgt de **mediane gemeente** en Nederland het landelijke cijfer van CBS.
- Jongeren per vorm van jeugdzorg (84134NED tot 2020, 85099NED vanaf 2021) en Wmo-cliënten (83262NED, 85043NED):
  aantallen, getoond per 1.000 inwoners; groep en Nederland als Σ aantal ÷ Σ inwoners van de gemeenten die een
  cijfer hebben. **Trendbreuk 2020 → 2021**: CBS telt vanaf 2021 meer jeugdhulpaanbieders.
- Alleen **jaarcijfers**: de tabellen hebben ook halfjaren, en twee halfjaren tellen niet op tot een jaar (wie in
  beide halfjaren hulp had, telt één keer). Een **voorlopig** cijfer (CBS ‘2024*’) staat met een open stip en wordt
  vervangen als CBS het definitieve publiceert.
- **Niet gepubliceerd is geen nul**: gemeenten doen vrijwillig mee aan de Wmo-monitor (± 320 van ± 345) en CBS
  houdt kleine aantallen geheim; zo'n gemeente ontbreekt in elk gemiddelde en heeft geen bedrag per persoon.
- *Acute zorg per jongere met jeugdhulp met verblijf* en *collectieve preventie per Wmo-cliënt* zijn gewone
  indicatoren van de maatlaag (Σ uitgaven ÷ Σ personen, de personen uit het dichtstbijzijnde jaar met cijfers):
  alle uitgaven gedeeld door het aantal, niet wat één persoon krijgt.
- **Wijken**: CBS Kerncijfers wijken en buurten (bijstand, laag inkomen, jeugdzorg, Wmo per wijk) met de
  wijkgrenzen van CBS/PDOK. Per maat het nieuwste jaar met een cijfer (het nieuwste jaar is voorlopig en nog
  leeg); wijken met minder dan 100 inwoners tellen niet mee bij ‘de hoogste’. NPLV-focusgebieden staan op de kaart
  als hun naam een wijknaam is; een focusgebied van meer wijken (zoals Heerlen Noord) wordt genoemd, niet geraden.

**Meer preventie, minder escalatie?** Wat de pagina toont, is beschrijving, geen oorzaak. Brede preventie kan op
korte termijn juist méér gebruik van zorg laten zien, doordat problemen eerder worden gevonden (AEF, *Stelsel in
groei*, 2020; CPB over de decentralisaties); en een gemeente met veel jeugdhulp kan daarom meer aan preventie
doen, niet andersom.
""")

st.header("Bronnen")
st.markdown("""
| gegevens | uitgever | versie |
|---|---|---|
| Iv3 per taakveld met lasten en baten, begroting 2023–2025, jaarrekening 2023 | CBS, *Gemeenten onbewerkte Iv3-data* (CC BY 4.0), gedraaid door michielsd/begrotingsanalysetool | commit 28-04-2025 |
| Iv3 lasten per taakveld (2 posities), begroting 2017–2026, jaarrekening 2017–2024 | CBS Iv3, één extractie (JoeyKurtosis/GemeenteFinancienTest) | commit 17-07-2026 |
| Iv3-codelijsten taakvelden 2017–2026 | CBS (statistiekcbs/iv3_definities) | |
| Gemeentelijst, inwoners op 1 januari | CBS | 2017–2026 |
| Grootteklasse en stedelijkheid 2023–2025; sociale structuur, centrumfunctie | CBS-klassen, via begrotingsanalysetool | commit 28-04-2025 |
| Gemeentefonds: verdeling over clusters per circulaire (schatting) | Ministerie van BZK, berekend door begrotingsanalysetool | mei/sept 2023–2024 |
| Gemeentegrenzen 2022, 2023, 2025 | CBS/PDOK gebiedsindelingen (CC BY 4.0) | |
| Consumentenprijsindex | CBS 83131NED; jaarmutaties CBS (persberichten) | tot 2025 |
| Herindelingen en grenscorrecties 2016–2023 | VNG / reidhin/grenswijzigen, **licentie CC BY-NC-SA 4.0** (niet-commercieel, gelijk delen) | |

Wat er nu in de opslag staat en wanneer het is geïmporteerd:
""")
st.markdown(vragen.snapshot_zin(store))
log = vragen.import_log(store).rename(
    columns={"tijdstip": "Geïmporteerd", "soort": "Soort", "rijen": "Rijen", "bestand": "Bestand"}
)
uitvoer.tabel(log, alt="Laatste imports")
uitvoer.csv_knop(log, "imports.csv", key="imports", keuzes={"wat": "De imports in de opslag van dit dashboard"})

st.header("Wat dit dashboard níet beweert")
st.markdown(f"""
- Het zegt niets over de **kwaliteit** van sociaal werk of zorg; het maakt begrotingskeuzes zichtbaar.
- Iv3-taakvelden zijn geen beleidsprogramma's. 6.1 bevat ook opvang en inburgering, 7.1 ook
  milieu-gezondheid. De verdeling van 6.1 over informeel en institutioneel is gemeten waar CBS-ruwe
  data de categorieën geven (zie hierboven), en anders een vaste aanname ({KORT_61}).
- Een hoge verhouding acuut/preventie betekent niet dat een gemeente slecht beleid voert: zij kan
  regionaal inkopen voor andere gemeenten, of veel inwoners hebben die zware zorg nodig hebben.
- Begroting en jaarrekening verschillen veel; vergelijk ze niet zonder dat te zeggen. Het incidentele
  crisisgeld is een schatting uit de cijfers zelf (lasten en baten per taakveld), geen boeking die CBS zo noemt.
- Dat een overschrijding op acute zorg in deze cijfers niet samengaat met minder preventie, bewijst niet dat
  er nergens verdrongen wordt.
- De gemeentefondsverdeling is een **schatting van de behoefte**, geen oormerk.
""")
