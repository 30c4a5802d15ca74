"""Model: een eigen variant van het model voor deze sessie (6.1 anders verdelen, taakvelden
verplaatsen, of een modelbestand uploaden), met de kernverhouding meteen naast die van het
standaardmodel, de variant als modelbestand, en de gevoeligheid voor 6.1 en 6.74a."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from sociale_basis import charts, cijfers, fmt, indicators, varianten
from sociale_basis.begrippen import LAGEN
from sociale_basis.dashboard import modelkeuze, uitvoer, vragen, zijbalk
from sociale_basis.dashboard.keuze import BRON_CBS

store, sleutel, k = zijbalk.deze_rerun()
# Deze pagina rekent met alle taakvelden, ook met ‘Zonder regionale taken’ aan; zo heten en
# beschrijven ook haar bestanden het.
k_model = replace(k, zonder_regio=False)
standaard = modelkeuze.standaard()
actief = modelkeuze.variant() or standaard

st.title("Model aanpassen")
st.markdown("""
Het model zet elk taakveld in een laag. Een deel daarvan is een keuze (zie **Methode**): hoe 6.1
over informeel en institutioneel verdeeld is, of jeugd-GGZ zonder verblijf (6.74a) maatwerk of acute
zorg is, of inkomensregelingen (6.3) tot de persoonlijke basis horen, en of sport, cultuur,
bibliotheek en onderwijsbeleid tot een *brede* sociale basis horen. Probeer het hier: de variant
geldt **alleen in deze browsersessie**, op elke pagina, en de link neemt hem mee.
""")

# -- kiezen ---------------------------------------------------------------------------------------
procenten = modelkeuze.aandelen_61_procent()
w = modelkeuze.wijzigingen()
st.subheader("Taakveld 6.1 Samenkracht en burgerparticipatie")
kolommen = st.columns(4)
namen_61 = {
    "persoonlijk": "Persoonlijk (mantelzorg)",
    "informeel": "Informeel",
    "institutioneel": "Institutioneel",
    "overig": "Buiten de sociale basis",
}
for kolom, (laag, key) in zip(kolommen, modelkeuze.AFK_61.items(), strict=True):
    kolom.number_input(
        f"{namen_61[laag]} (%)",
        0,
        100,
        procenten[laag],
        step=5,
        key=key,
        on_change=modelkeuze.bij_invoer,
        help="Buiten de sociale basis: bv. de opvang van Oekraïners en inburgering, die "
        "ook op 6.1 staan (laag overig, telt niet als preventie)."
        if laag == "overig"
        else None,
    )
st.toggle(
    "Gemeten verdeling gebruiken waar de bron categorieën heeft",
    value=w.gemeten_61,
    key="m61_gemeten",
    on_change=modelkeuze.bij_invoer,
    help="Met CBS-ruwe data rekent het dashboard per gemeente uit welk deel van 6.1 informeel is "
    "(zie Methode); de percentages hierboven gelden dan alleen waar dat niet kan. Alleen bij "
    "een verdeling over informeel en institutioneel.",
)
st.caption(
    "De delen van 6.1 moeten samen 100% zijn. Informeel en institutioneel zijn allebei collectieve "
    "preventie: hun verdeling verandert de verhouding acuut/preventie niet, wel wat de wijk bereikt. "
    "Wat buiten de sociale basis valt, telt niet als preventie."
)

st.subheader("Taakvelden verplaatsen")
namen_tv = {
    "6.74a": "6.74a Jeugd-GGZ zonder verblijf (alleen 2023–2024)",
    "6.3": "6.3 Inkomensregelingen",
    "4.3": "4.3 Onderwijsbeleid en leerlingzaken",
    "5.1": "5.1 Sportbeleid en activering",
    "5.3": "5.3 Cultuurparticipatie",
    "5.6": "5.6 Media (bibliotheek)",
}
huidig = dict(w.lagen)
kolommen = st.columns(2)
for i, (taakveld, lagen) in enumerate(varianten.VERPLAATSBAAR.items()):
    laag = huidig.get(taakveld, modelkeuze.standaardlaag(taakveld))
    kolommen[i % 2].pills(
        namen_tv[taakveld],
        list(lagen),
        default=laag,
        key=modelkeuze.key_verplaatsing(taakveld),
        format_func=lambda x, t=taakveld: LAGEN[x][0] + (" (standaard)" if x == modelkeuze.standaardlaag(t) else ""),
        required=True,
        on_change=modelkeuze.bij_invoer,
    )
st.caption(
    "Een verplaatst taakveld krijgt de functie van zijn nieuwe laag (acuut → acute zorg, informeel of "
    "institutioneel → collectieve preventie, overig → buiten het sociaal domein). Het opgetelde 6.74 "
    "(jaarrekening 2024) volgt 6.74a–c als die samen in één laag vallen."
)

if fout := st.session_state.get(modelkeuze.FOUT):
    st.error(f"Deze variant is geweigerd; het model blijft **{modelkeuze.label()}**. {fout}", icon=":material/block:")

# -- tonen: de kop, standaard tegenover variant --------------------------------------------------
st.subheader(f"De kop, {k.document} {k.jaar} ({k.maat})")
st.markdown(
    f"Actief model: **{actief.label}**"
    + (f" — {varianten.lees_code(actief.wijzigingen).omschrijving()}" if actief.wijzigingen else "")
)
nl_standaard = vragen.groep(store, standaard.sleutel, k.jaar, k.document, k.maat, None)
nl_variant = vragen.groep(store, sleutel, k.jaar, k.document, k.maat, None)
gm_standaard = vragen.per_gemeente(store, standaard.sleutel, k.jaar, k.document, k.maat).set_index("gm_code")
gm_variant = vragen.per_gemeente(store, sleutel, k.jaar, k.document, k.maat).set_index("gm_code")
rijen = [("Nederland", nl_standaard, nl_variant)]
if k.gemeente in gm_variant.index and k.gemeente in gm_standaard.index:
    rijen.append((gm_variant.loc[k.gemeente, "gemeente"], gm_standaard.loc[k.gemeente], gm_variant.loc[k.gemeente]))


def _verschil(a: float, b: float) -> str | None:
    if pd.isna(a) or pd.isna(b):
        return None
    return f"{'+' if b >= a else '−'}{fmt.factor(abs(b - a))} t.o.v. standaard ({fmt.factor(a)})"


uitvoer.kerncijfers(
    [
        uitvoer.Kerncijfer(
            f"kop_{i}",
            f"€ acuut per € preventie — {naam}",
            fmt.factor(na["acuut_per_euro_preventie"]),
            _verschil(voor["acuut_per_euro_preventie"], na["acuut_per_euro_preventie"]),
        )
        for i, (naam, voor, na) in enumerate(rijen)
    ]
)
# Het landelijke cijfer is gewogen; ook de mediane gemeente kan verschuiven met een variant.
med_standaard, med_variant = (indicators.spreiding(d)["mediaan"] for d in (gm_standaard, gm_variant))
st.caption(
    f"Nederland: gewogen (totaal acute zorg ÷ totaal preventie). De mediane gemeente: "
    f"{fmt.factor(med_variant)} met dit model, {fmt.factor(med_standaard)} met het standaardmodel."
)
kop = pd.DataFrame(
    [
        {
            "": naam,
            "Model": m,
            "€ acuut per € preventie": r["acuut_per_euro_preventie"],
            "Preventie per inwoner": r["collectieve_preventie"] / r["inwoners"],
            "Acute zorg per inwoner": r["acute_zorg"] / r["inwoners"],
            "Informeel per inwoner": r["informeel"] / r["inwoners"],
        }
        for naam, voor, na in rijen
        for m, r in [("standaard", voor), ("variant", na)]
    ]
)
uitvoer.tabel(
    kop.assign(
        **{
            "€ acuut per € preventie": kop["€ acuut per € preventie"].map(fmt.factor),
            **{c: kop[c].map(fmt.euro) for c in kop.columns if c.endswith("per inwoner")},
        }
    ),
    width="content",
    alt="De kop van het standaardmodel en de variant",
)
uitvoer.csv_knop(
    kop.rename(columns={"": "Wie", "Model": "Berekend met"}),
    k_model.bestandsnaam("kop", "nederland"),
    "Download de kop (CSV)",
    key="kop",
    keuze=k_model,
)

# -- meenemen -------------------------------------------------------------------------------------
st.subheader("Meenemen en terugzetten")
links, midden, rechts = st.columns(3)
with links:
    uitvoer.model_knop(actief, f"Download als modelbestand ({actief.naam}.csv)")
    st.caption(
        "Zelfde vorm als `data/model/standaard.csv`; op de opdrachtregel: "
        f"`sociale-basis indicatoren --jaar {k.jaar} --document {k.document} --maat {k.maat} "
        f"--model {actief.naam}.csv`."
    )
with midden:
    st.file_uploader(
        "Upload een modelbestand (CSV)",
        type="csv",
        key="m_upload",
        on_change=modelkeuze.bij_upload,
        help="Een eigen model of een eerder gedownloade variant; dezelfde controle als `--model`.",
    )
with rechts:
    st.button(
        "Terug naar het standaardmodel",
        on_click=modelkeuze.terug,
        disabled=actief is standaard,
        icon=":material/restart_alt:",
    )
if actief is not standaard and not actief.wijzigingen:
    st.caption(
        f"Het eigen model ‘{actief.naam}’ past niet in een link: wie de link opent, ziet het "
        "standaardmodel. Deel daarom het modelbestand."
    )
elif actief.wijzigingen:
    st.caption(f"De link van deze pagina bevat `model={actief.wijzigingen}` en opent dezelfde variant.")

# -- gevoeligheid ---------------------------------------------------------------------------------
st.subheader("Hoe gevoelig is de kop voor 6.1 en 6.74a?")
# Alleen de overige wijzigingen bepalen de reeks (6.1 en 6.74a worden erin gevarieerd): zo hoeft
# een andere keuze voor 6.1 of 6.74a niet opnieuw 22 modellen te laden.
basis = varianten.maak(lagen={t: laag for t, laag in w.lagen if t != "6.74a"})
# Op verzoek voor een variant (issue 33): 22 modellen laden kost enkele seconden onder een slot voor het hele
# proces; het standaardmodel rekent de opwarming vooraf, een variant pas als iemand erom vraagt.
GEVRAAGD = "_gevoeligheid_gevraagd"


def _gevoeligheid(basis: varianten.Wijzigingen) -> None:
    """De grafiek en haar uitkomst: 22 echt doorgerekende modellen op `basis` (uit de cache als ze er al zijn)."""
    with st.spinner("22 modellen doorrekenen (eenmalig enkele seconden)…"):
        gv = vragen.gevoeligheid(store, standaard.sleutel, basis.code(), k.jaar, k.document, k.maat)
    naam_gm = rijen[1][0] if len(rijen) > 1 else None
    reeksen = []
    for wie, kleur, deel in [
        ("Nederland", charts.GROEP, gv[gv["gm_code"].isna()]),
        (naam_gm, charts.ACCENT, gv[gv["gm_code"] == k.gemeente]),
    ]:
        if wie is None or deel.empty:
            continue
        for acuut, stijl in [(False, "solid"), (True, "dash")]:
            reeksen.append(
                (f"{wie}, 6.74a {'acuut' if acuut else 'maatwerk'}", kleur, stijl, deel[deel["acuut_674a"] == acuut])
            )
    bron = (
        f"Bron: {BRON_CBS}, {k.document} {k.jaar}, {k.maat}. Bewerking: Sociale Basis-dashboard, model "
        f"‘{'standaard' if basis.is_standaard else 'standaard + ' + basis.code()}’ met 6.1 vast verdeeld en 6.74a "
        "zoals in de legenda."
    )
    # De uitkomst in één zin boven de grafiek: wat een adviseur in de raad wil kunnen zeggen.
    landelijk = gv[gv["gm_code"].isna()]
    laag_r, hoog_r = landelijk["acuut_per_euro_preventie"].min(), landelijk["acuut_per_euro_preventie"].max()
    per_674a = landelijk.groupby("acuut_674a")["acuut_per_euro_preventie"].mean()
    zin = (
        f"**Uitkomst, {k.document} {k.jaar} ({k.maat}):** landelijk gaat er bij elke verdeling van 6.1 en met 6.74a "
        f"in maatwerk of acuut tussen {fmt.factor(laag_r)} en {fmt.factor(hoog_r)} naar acute zorg per euro collectieve "
        "preventie. De verdeling van 6.1 verandert de verhouding niet (heel 6.1 is collectieve preventie, in welke "
        "laag het ook valt); ze verandert alleen hoe de preventie over informeel en institutioneel valt."
    )
    if per_674a.nunique() == 1:
        zin += f" 6.74a bestaat in {k.jaar} niet als apart taakveld (alleen 2023–2024): kies 2023 of 2024 om zijn effect te zien."
    st.info(zin, icon=":material/balance:")
    uitvoer.grafiek(
        "gevoeligheid",
        charts.gevoeligheid(reeksen, "€ acuut per € preventie bij een andere verdeling van 6.1", bron),
        cijfers.gevoeligheid(reeksen),
        wie="nederland",
        config=charts.PLOTLY_CONFIG,
        key="gevoeligheid",
        keuze=k_model,
    )
    st.caption(
        "Elk punt is een echt doorgerekend model: 6.1 vast verdeeld over informeel en institutioneel (de rest "
        "informeel), 6.74a in maatwerk of acuut"
        + ("" if basis.is_standaard else f", verder {basis.omschrijving()}")
        + ". Omdat heel 6.1 collectieve preventie is, in welke laag het ook valt, blijft de verhouding over "
        "de hele breedte gelijk; alleen de plaats van 6.74a (en wat buiten de sociale basis valt) verschuift haar."
    )


gevraagd = st.session_state.setdefault(GEVRAAGD, set())
if basis.is_standaard or basis.code() in gevraagd:
    _gevoeligheid(basis)
else:
    st.caption(
        f"Voor deze variant ({basis.omschrijving()}) is de gevoeligheid nog niet berekend: dat laadt 22 modellen "
        "(enkele seconden)."
    )
    if st.button("Bereken de gevoeligheid voor deze variant", icon=":material/calculate:", key="gevoeligheid_knop"):
        gevraagd.add(basis.code())
        st.rerun()
