"""Zinnen die op meer pagina's terugkomen, in gewone taal met Nederlandse getallen."""

from __future__ import annotations

import re

import pandas as pd

from . import fmt, indicators, rekenvoorbeeld
from .begrippen import (
    AFWIJKING_DEEL,
    AFWIJKING_KEER,
    AFWIJKING_PER_INWONER,
    BEHOEFTEN,
    DREMPEL_ACUUT,
    DREMPEL_PREVENTIE,
    GEMEENTEFONDS_SOCIALE_BASIS_TEKST,
    GOLF_DEEL,
    GOLF_DEEL_BEKEND,
    VERTEKEND_GROEP_DEEL,
)

GEEN_EIGEN_ACUUT = "geen eigen lasten voor acute zorg: waarschijnlijk via een regeling of centrumgemeente"
WEINIG_EIGEN_ACUUT = (
    f"bijna geen eigen lasten voor acute zorg (minder dan {fmt.procent(DREMPEL_ACUUT, 0)} van "
    "Nederland per inwoner): waarschijnlijk via een regeling of centrumgemeente"
)
# Het spiegelbeeld (werk.weinig_preventie): wel preventie, maar zo weinig dat de verhouding opgerekt wordt.
WEINIG_PREVENTIE = (
    f"bijna geen collectieve preventie (minder dan {fmt.procent(DREMPEL_PREVENTIE, 0)} van Nederland per "
    "inwoner): die wordt waarschijnlijk elders geboekt, of netto heffen baten op 6.1 de lasten bijna op"
)
# Waarom een gemeente geen rang heeft, in één opsomming voor elke uitleg bij een rang of ranglijst.
REDENEN_ZONDER_RANG = (
    "geen verhouding, (bijna) geen eigen lasten voor acute zorg (die betaalt dan meestal een regeling of "
    f"centrumgemeente), bijna geen collectieve preventie (minder dan {fmt.procent(DREMPEL_PREVENTIE, 0)} van "
    "Nederland per inwoner), of incidenteel crisisgeld in preventie of acute zorg (zoals opvang of corona)"
)
NEGATIEF_NETTO = (
    "de baten op die taakvelden zijn hoger dan de lasten, bijvoorbeeld door een rijksbijdrage "
    "of een doorbetaling die hier binnenkomt"
)
ZONDER_REGIO = (
    "Laat beschermd wonen, maatschappelijke opvang en vrouwenopvang (taakveld 6.81) voor elke "
    "gemeente weg uit acute zorg, op elke pagina. Centrumgemeenten betalen die zorg voor hun hele "
    "regio; zo vergelijk je wat gemeenten voor hun eigen inwoners uitgeven. Zie Methode."
)
ZONDER_REGIO_KORT = "zonder regionale taken"
ZONDER_REGIO_AAN = (
    "Zonder regionale taken: beschermd wonen en opvang (6.81) tellen voor geen enkele gemeente "
    "mee, ook niet voor Nederland en de vergelijkingsgroep."
)
VERTEKEND = (
    "preventie of acute zorg bevat incidenteel geld voor een landelijke crisis, dus de verhouding zegt weinig "
    "over de keuze tussen preventie en zorg"
)
TAKEN = {
    "beschermd_wonen": "beschermd wonen",
    "maatschappelijke_opvang": "maatschappelijke opvang",
    "vrouwenopvang": "vrouwenopvang",
}


def bedrag(rij: pd.Series, kolom: str, per_inwoner: bool) -> str:
    return fmt.euro(rij[f"{kolom}_per_inwoner"]) if per_inwoner else fmt.bedrag(rij[kolom])


def opsomming(delen: list[str]) -> str:
    """['a', 'b', 'c'] → 'a, b en c'."""
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def geen_verhouding(rij: pd.Series, maat: str) -> str | None:
    """Waarom er geen (zinvolle) verhouding is, of None als die er wel is."""
    weinig = eigen_acuut(rij) == WEINIG_EIGEN_ACUUT  # wel acute zorg, maar onder de rangdrempel
    weinig_p = _vlag(rij, "weinig_preventie")  # wel preventie, maar onder haar rangdrempel
    if not pd.isna(rij["acuut_per_euro_preventie"]) and rij["acute_zorg"] > 0 and not weinig and not weinig_p:
        return None
    if rij["collectieve_preventie"] <= 0:
        return "geen verhouding, want collectieve preventie is nul of negatief"
    if rij["acute_zorg"] < 0:
        return "geen verhouding, want acute zorg is negatief"
    if weinig:
        # Een verhouding als € 0,11 zou in de krant de 'beste' gemeente lijken; het is een boekingsvraag.
        return f"geen verhouding van betekenis, want {WEINIG_EIGEN_ACUUT}"
    if weinig_p:
        # En € 28 per € preventie de 'slechtste': ook een boekingsvraag, dus de kopzin citeert het getal niet.
        return f"geen verhouding van betekenis, want {WEINIG_PREVENTIE}"
    return f"geen verhouding, want {GEEN_EIGEN_ACUUT}"


def kopzin(
    onderwerp: str, rij: pd.Series, jaar: int, document: str, maat: str, per_inwoner: bool, zonder_regio: bool = False
) -> str:
    """'In 2025 begroten gemeenten € 212 per inwoner voor collectieve preventie en € 290 voor
    acute zorg: voor elke euro preventie gaat er € 1,37 naar acute zorg (netto).'
    Alleen de maat staat tussen haakjes; een reden zonder verhouding volgt na een puntkomma, zodat
    er nooit twee haakjesgroepen naast of in elkaar staan (een gemeentenaam heeft ze soms al).
    `zonder_regio`: de haakjes zeggen het ook, zodat een schermafdruk het meeneemt."""
    p, a = bedrag(rij, "collectieve_preventie", per_inwoner), bedrag(rij, "acute_zorg", per_inwoner)
    per = " per inwoner" if per_inwoner else ""
    if document == "begroting":
        zin = (
            f"In {jaar} {'begroten' if onderwerp == 'gemeenten' else 'begroot'} {onderwerp} {p}{per} "
            f"voor collectieve preventie en {a} voor acute zorg"
        )
    else:
        zin = (
            f"In {jaar} {'besteedden' if onderwerp == 'gemeenten' else 'besteedde'} {onderwerp} "
            f"{p}{per} aan collectieve preventie en {a} aan acute zorg"
        )
    if (reden := geen_verhouding(rij, maat)) is not None:
        staart = f"; {reden}"
    else:
        staart = f": voor elke euro preventie gaat er {fmt.factor(rij['acuut_per_euro_preventie'])} naar acute zorg"
        if bool(rij.get("vertekend", False)):  # wie de zin citeert, citeert de kanttekening mee
            staart += ", vertekend door incidenteel crisisgeld"
    return f"{zin}{staart} ({maat}{', ' + ZONDER_REGIO_KORT if zonder_regio else ''})."


def negatief(rij: pd.Series, maat: str) -> str | None:
    """Eén regel uitleg als een netto bedrag in de kopzin negatief is, anders None."""
    if maat != "netto":
        return None
    min_ = [
        naam
        for kolom, naam in (("collectieve_preventie", "collectieve preventie"), ("acute_zorg", "acute zorg"))
        if rij[kolom] < 0
    ]
    if not min_:
        return None
    return f"{opsomming(min_).capitalize()} {'is' if len(min_) == 1 else 'zijn'} netto negatief: {NEGATIEF_NETTO}."


def eigen_acuut(rij: pd.Series) -> str | None:
    """De opmerking bij een gemeente zonder eigen acute zorg van betekenis (geen_eigen_acuut), of None."""
    geen = rij.get("geen_eigen_acuut")
    if geen is None or pd.isna(geen) or not geen:  # leeg: een gemeente zonder cijfers (kaart)
        return None
    return GEEN_EIGEN_ACUUT if rij["acute_zorg"] <= 0 else WEINIG_EIGEN_ACUUT


def _vlag(rij: pd.Series, kolom: str) -> bool:
    """Een vlag uit de marts; leeg (een gemeente zonder cijfers op de kaart) of afwezig telt als nee."""
    v = rij.get(kolom)
    return v is not None and not pd.isna(v) and bool(v)


def weinig_preventie(rij: pd.Series) -> str | None:
    """De opmerking bij een gemeente met bijna geen collectieve preventie (weinig_preventie), met het bedrag en
    de drempel (hover, ranglijst, tabel onder de kaart), of None."""
    if not _vlag(rij, "weinig_preventie"):
        return None
    return (
        f"geen rang: bijna geen collectieve preventie ({fmt.euro(rij['collectieve_preventie_per_inwoner'], 2)} per "
        f"inwoner, minder dan {fmt.euro(rij['preventie_drempel_per_inwoner'], 2)}: "
        f"{fmt.procent(DREMPEL_PREVENTIE, 0)} van Nederland)"
    )


def opmerkingen(df: pd.DataFrame, kanttekeningen: dict[str, str] | None = None) -> list[str]:
    """Per rij de opmerking van eigen_acuut en weinig_preventie en het crisisgeld in de cijfers
    (`kanttekeningen`, per gm_code: kanttekeningen()), of '' (voor tabellen en hovers van alle gemeenten)."""
    kanttekeningen = kanttekeningen or {}
    uit = []
    for _, r in df.iterrows():
        delen = [eigen_acuut(r), weinig_preventie(r)]
        if kant := kanttekeningen.get(r["gm_code"]):
            vertekend = r.get("vertekend")  # leeg op de kaart bij een gemeente zonder cijfers
            delen.append(("geen rang, crisisgeld: " if pd.notna(vertekend) and vertekend else "crisisgeld: ") + kant)
        uit.append("; ".join(d for d in delen if d))
    return uit


def geen_verhouding_in_reeks(naam: str, reeks: pd.DataFrame) -> str | None:
    """Bij een trend van de verhouding: in welke jaren `naam` geen verhouding heeft omdat er (bijna)
    geen eigen acute zorg is (marts/trend: geen_eigen_acuut), en in welke de verhouding er staat maar
    zonder betekenis is omdat er bijna geen collectieve preventie is (weinig_preventie), of None."""

    def jaren(vlag: str) -> pd.DataFrame:
        if vlag not in reeks:
            return reeks.iloc[0:0]
        return reeks[reeks[vlag].fillna(False).astype(bool)].sort_values(["jaar", "document"])

    def lijst(rijen: pd.DataFrame) -> str:
        return opsomming([f"{r.document} {int(r.jaar)}" for r in rijen.itertuples()])

    zinnen = []
    if not (geen := jaren("geen_eigen_acuut")).empty:
        reden = GEEN_EIGEN_ACUUT if (geen["acute_zorg"] <= 0).all() else "geen of " + WEINIG_EIGEN_ACUUT
        zinnen.append(f"{naam}: geen verhouding in {lijst(geen)}, want {reden}.")
    if not (weinig := jaren("weinig_preventie")).empty:
        zinnen.append(f"{naam}: de verhouding in {lijst(weinig)} zegt weinig (geen rang), want {WEINIG_PREVENTIE}.")
    return " ".join(zinnen) or None


def zonder_rang(rij: pd.Series, maat: str, kanttekening: str | None = None) -> str | None:
    """Waarom een gemeente geen rang krijgt, of None als ze er een heeft. `kanttekening`: de
    incidentele stromen van die gemeente (kanttekeningen()), voor een vertekende verhouding."""
    if bool(rij.get("rangbaar", True)):
        return None
    vertekend = f"{VERTEKEND}" + (f" — {kanttekening}." if kanttekening else ".")
    if bool(rij.get("vertekend", False)) and geen_verhouding(rij, maat) is None:
        return f"Geen rang: {vertekend}"
    if eigen_acuut(rij) == WEINIG_EIGEN_ACUUT and rij["collectieve_preventie"] > 0:
        # Wel een verhouding, maar (bijna) geen eigen acute zorg: het bedrag en de drempel voluit.
        drempel = rij["acuut_drempel_per_inwoner"]
        return (
            f"Geen rang: acute zorg is {fmt.euro(rij['acute_zorg_per_inwoner'])} per inwoner, minder dan "
            f"{fmt.euro(drempel)} ({fmt.procent(DREMPEL_ACUUT, 0)} van het landelijke bedrag per inwoner, "
            f"{fmt.euro(drempel / DREMPEL_ACUUT)}). Zo weinig eigen lasten wijzen op een regeling of "
            "centrumgemeente die de zorg betaalt, niet op een ‘beste’ verhouding."
        )
    if _vlag(rij, "weinig_preventie"):
        # Het spiegelbeeld: een noemer van bijna nul maakt de verhouding de ‘slechtste’. Bedrag en drempel voluit,
        # in centen: onder de € 10 zegt een heel bedrag te weinig.
        drempel = rij["preventie_drempel_per_inwoner"]
        zin = (
            f"Geen rang: collectieve preventie is {fmt.euro(rij['collectieve_preventie_per_inwoner'], 2)} per "
            f"inwoner, minder dan {fmt.euro(drempel, 2)} ({fmt.procent(DREMPEL_PREVENTIE, 0)} van het landelijke "
            f"bedrag per inwoner, {fmt.euro(drempel / DREMPEL_PREVENTIE)}). Bij zo weinig preventie zegt de "
            f"verhouding ({fmt.factor(rij['acuut_per_euro_preventie'])} acute zorg per € preventie) vooral waar "
            "preventie geboekt wordt ("
            + ("elders, of baten op 6.1 die de lasten bijna opheffen" if maat == "netto" else "elders in de begroting")
            + "), niet dat de gemeente het slechtst doet."
        )
        return zin + (f" Bovendien: {vertekend}" if bool(rij.get("vertekend", False)) else "")
    return f"Geen rang: {geen_verhouding(rij, maat) or GEEN_EIGEN_ACUUT}."


def kaart_zonder_rang(df: pd.DataFrame, keuze: str) -> str:
    """Onder de kaart: welke gemeenten wit zijn (wel een verhouding, geen rang) en waarom, elk één keer geteld
    (bijna geen preventie gaat voor crisisgeld, zoals in zonder_rang). `df`: alleen die gemeenten."""
    weinig = df["weinig_preventie"].fillna(False).astype(bool)
    namen = [
        f"{r.gemeente} ({fmt.euro(r.collectieve_preventie_per_inwoner, 2)})"
        for r in df[weinig].sort_values("collectieve_preventie_per_inwoner").itertuples(index=False)
    ]
    crisis = int((~weinig).sum())
    delen = []
    if namen:
        delen.append(
            f"bijna geen collectieve preventie (minder dan {fmt.procent(DREMPEL_PREVENTIE, 0)} van Nederland per "
            f"inwoner): {opsomming(namen)}"
        )
    if crisis:
        delen.append(
            f"{crisis} {'gemeente' if crisis == 1 else 'gemeenten'} met incidenteel crisisgeld in preventie of "
            f"acute zorg in de {keuze} (zoals opvang of corona), zodat de verhouding niet met de andere te "
            "vergelijken is"
        )
    return (
        f"Wit ({len(df)}): wel een verhouding, maar geen rang, dus niet ingekleurd (buiten de kleurklassen). "
        + "; ".join(d[:1].upper() + d[1:] if i == 0 else d for i, d in enumerate(delen))
        + ". De waarde en de reden staan in de hover en de tabel; zie Methode"
        + (" en Begroting en werkelijkheid." if crisis else ".")
    )


def drempel_nu(df: pd.DataFrame, keuze: str) -> str:
    """De rangdrempels in euro's voor deze keuze (acute zorg en collectieve preventie) en wie er (boven € 0)
    onder valt, met naam en bedrag."""
    onder = df[df["geen_eigen_acuut"] & (df["acute_zorg"] > 0)].sort_values("acute_zorg_per_inwoner")
    namen = [f"{r.gemeente} ({fmt.euro(r.acute_zorg_per_inwoner)})" for r in onder.itertuples(index=False)]
    weinig = df[df["weinig_preventie"].fillna(False).astype(bool)].sort_values("collectieve_preventie_per_inwoner")
    preventie = [
        f"{r.gemeente} ({fmt.euro(r.collectieve_preventie_per_inwoner, 2)})" for r in weinig.itertuples(index=False)
    ]
    return (
        f"In {keuze} ligt de drempel op {fmt.euro(df['acuut_drempel_per_inwoner'].iloc[0])} acute zorg per "
        f"inwoner. Daaronder, maar boven € 0: {opsomming(namen) if namen else 'geen enkele gemeente'}. "
        f"Voor collectieve preventie ligt de drempel op {fmt.euro(df['preventie_drempel_per_inwoner'].iloc[0], 2)} "
        f"per inwoner. Daaronder, maar boven € 0: {opsomming(preventie) if preventie else 'geen enkele gemeente'}."
    )


def regio_gemeentefonds(zonder_regio: bool) -> str:
    """Of ‘Zonder regionale taken’ op de pagina Gemeentefonds geldt, en waarvoor."""
    if zonder_regio:
        return (
            "Zonder regionale taken (zijbalk) geldt hier voor ‘Maatwerk en acuut’: beschermd wonen en opvang "
            "(6.81) zijn weggelaten, net als hun decentralisatie-uitkeringen, die niet in deze clusters zitten. "
            "‘Sociale basis’ verandert niet: 6.81 hoort daar niet bij."
        )
    return (
        "‘Maatwerk en acuut’ bevat beschermd wonen en opvang (6.81), maar hun decentralisatie-uitkeringen "
        "zitten niet in deze clusters: centrumgemeenten kunnen zo ver boven de maatstaf lijken uit te geven. Zet "
        "‘Zonder regionale taken’ in de zijbalk aan om 6.81 weg te laten. ‘Sociale basis’ verandert daar niet door."
    )


def centrumtaken(rollen: pd.DataFrame, gm_codes: pd.Series) -> list[str]:
    """Per gemeente de regionale taken waarvoor ze centrumgemeente is ('beschermd wonen,
    maatschappelijke opvang'), of '' (rollen: marts/regiotaken met gm_code als index)."""
    return [", ".join(TAKEN.get(t, t) for t in rollen.loc[c, "taken"]) if c in rollen.index else "" for c in gm_codes]


def regiorol(taken: list[str], uitkeringsjaar: int) -> str:
    """'Centrumgemeente voor beschermd wonen en maatschappelijke opvang (ontvangt de
    decentralisatie-uitkering, 2024)'."""
    namen = [TAKEN.get(t, t) for t in taken]
    return (
        f"Centrumgemeente voor {opsomming(namen)} (ontvangt de "
        f"{'decentralisatie-uitkering' if len(namen) == 1 else 'decentralisatie-uitkeringen'}, "
        f"{uitkeringsjaar})"
    )


def regiorol_zin(taken: list[str], uitkeringsjaar: int, zonder_regio: bool, zijbalk: bool = True) -> str:
    """De rol als centrumgemeente met wat dat voor de getoonde cijfers betekent (markdown-vet).
    `zijbalk`: verwijs naar de schakelaar (niet in een PDF, die heeft geen zijbalk)."""
    if zonder_regio:
        staart = "Beschermd wonen en opvang zijn hier weggelaten, net als bij alle andere gemeenten."
    else:
        staart = "Die zorg betaalt zij voor de hele regio" + (
            "; vergelijk ook ‘Zonder regionale taken’ in de zijbalk."
            if zijbalk
            else " (een vergelijking zonder regionale taken staat in het dashboard)."
        )
    return f"**{regiorol(taken, uitkeringsjaar)}.** {staart}"


def preventie_naast_lagen(rij: pd.Series, per_inwoner: bool) -> str:
    """Onder een lagengrafiek: hoe het kopcijfer collectieve preventie zich tot de lagen verhoudt, met de
    getallen van deze rij, zodat niemand informeel + institutioneel als ‘de preventie’ citeert."""

    def b(kolom: str) -> str:
        return bedrag(rij, kolom, per_inwoner)

    return (
        f"Collectieve preventie ({b('collectieve_preventie')}, het kopcijfer) is geen laag maar een functie: "
        f"taakvelden 6.1 en 7.1. Die vallen in informeel ({b('informeel')}) en institutioneel "
        f"({b('institutioneel')}); institutioneel bevat ook de toegang en wijkteams ({b('toegang')}), die geen "
        "collectieve preventie zijn. Beide staan in de tabel achter de grafiek."
    )


def gewogen_en_mediaan(gewogen: float, df: pd.DataFrame, wie: str = "Nederland") -> str:
    """Eén regel die zegt welk getal wat is: het gewogen cijfer (totaal ÷ totaal, grote gemeenten
    tellen zwaar) naast de mediane gemeente en de middelste helft."""
    s = indicators.spreiding(df)
    if s["n"] == 0:
        return (
            f"{wie} als geheel (gewogen: totaal acute zorg ÷ totaal preventie): {fmt.factor(gewogen)}. "
            "Geen van deze gemeenten heeft een rang, dus er is geen mediane gemeente."
        )
    return (
        f"{wie} als geheel (gewogen: totaal acute zorg ÷ totaal preventie): {fmt.factor(gewogen)}. "
        f"De **mediane gemeente**: {fmt.factor(s['mediaan'])}; de middelste helft van de {s['n']} gemeenten "
        f"met een rang ligt tussen {fmt.factor(s['q1'])} en {fmt.factor(s['q3'])}, en "
        # Het getal met zijn basis: naast ‘… van 338 gemeenten met meer acuut’ (alle gemeenten) telt dit alleen
        # de gemeenten met een rang.
        + f"{s['onder_1']} van die {s['n']} {'zit' if s['onder_1'] == 1 else 'zitten'} onder € 1 "
        "(meer preventie dan acute zorg)." + _trekt(gewogen, s["mediaan"])
    )


def gewogen_en_mediaan_trend(nederland: pd.DataFrame, jaar: int, document: str) -> str:
    """De regel onder de trend van de verhouding: welke lijn wat is, en de middelste helft van
    Nederland in het gekozen jaar en document (anders het laatste jaar). `nederland`:
    indicators.trend_spreiding (mediaan, q1, q3, gemeenten)."""
    tekst = (
        "Dikke lijnen: de gemeente zelf, en groep en Nederland gewogen (totaal acute zorg ÷ totaal "
        "preventie; grote gemeenten tellen zwaar). "
        "Dunne lijnen met ruiten: de **mediane gemeente** (de middelste van de gemeenten met een rang; "
        "de hover geeft de middelste helft)."
    )
    gekozen = nederland[(nederland["jaar"] == jaar) & (nederland["document"] == document)]
    if gekozen.empty:
        gekozen = nederland.sort_values("jaar").tail(1)
    if gekozen.empty:
        return tekst
    r = gekozen.iloc[0]
    return (
        tekst + f" In {r['document']} {int(r['jaar'])} ligt de middelste helft van de "
        f"{int(r['gemeenten'])} gemeenten met een rang in Nederland tussen {fmt.factor(r['q1'])} en "
        f"{fmt.factor(r['q3'])}; mediaan {fmt.factor(r['mediaan'])}."
    )


def _trekt(gewogen: float, mediaan: float) -> str:
    """Welke kant grote gemeenten het gewogen cijfer op trekken (in een kleine groep soms omlaag)."""
    if gewogen > mediaan:
        return " Grote steden met veel acute zorg trekken het gewogen cijfer omhoog."
    if gewogen < mediaan:
        return " Grote gemeenten met relatief weinig acute zorg trekken het gewogen cijfer omlaag."
    return ""


def wat_als_gevolgen(w: dict, rij: pd.Series) -> list[str]:
    """De twee uitkomsten van een rekenvoorbeeld, als opsommingsregels (markdown-vet). Zonder
    verhouding van betekenis (te weinig eigen acute zorg) zou elke verhouding misleiden."""
    if geen_verhouding(rij, "") is not None:
        return [
            "Een verhouding acuut/preventie is hier niet zinvol: "
            + geen_verhouding(rij, "")
            .removeprefix("geen verhouding van betekenis, want ")
            .removeprefix("geen verhouding, want ")
            + "."
        ]
    nu = rij["acuut_per_euro_preventie"]
    return [
        f"Komt dat geld **erbij**, dan gaat er per euro preventie {fmt.factor(w['verhouding_toevoegen'])} "
        f"naar acute zorg (nu {fmt.factor(nu)}).",
        f"Wordt het **verschoven** van acute zorg naar preventie, dan {fmt.factor(w['verhouding_verschuiven'])}."
        if w["verhouding_verschuiven"] is not None
        else "Verschuiven van acute zorg kan niet: er gaat minder naar acute zorg dan dit bedrag.",
    ]


def wat_als_blokken(
    naam: str,
    rij: pd.Series,
    df: pd.DataFrame,
    leden: list[str],
    groepnaam: str,
    fonds: pd.Series | None,
    circulaire: str | None,
    maat: str,
    document: str,
    jaar: int,
) -> tuple[list[dict], str | None]:
    """De rekenvoorbeelden voor pagina en factsheet: [{kop, tekst, gevolgen}], en anders één zin die
    zegt waarom er niets te rekenen valt (of None als er geen groep en geen maatstaf is)."""
    if bool(rij.get("vertekend", False)):
        # Een bedrag ‘om de mediaan te halen’ uit een preventiecijfer met opvanggeld erin is een verkeerde zin.
        return [], (
            f"Geen rekenvoorbeeld: de {document} {jaar} van {naam} bevat incidenteel crisisgeld in preventie of "
            "acute zorg, dus een bedrag om de groep of de maatstaf te halen zou daarop rekenen. Kies een begroting "
            "of een jaar zonder crisisgeld (zie Begroting en werkelijkheid)."
        )
    blokken = []
    if leden and (w := rekenvoorbeeld.naar_groep(rij, df, leden)) is not None:
        blokken.append(
            {
                "kop": "Naar de mediaan van de vergelijkingsgroep",
                "tekst": wat_als_groep(naam, rij, w, groepnaam, maat, document, jaar),
                "gevolgen": wat_als_gevolgen(w, rij),
            }
        )
    if fonds is not None and circulaire and (w := rekenvoorbeeld.naar_maatstaf(rij, fonds)) is not None:
        blokken.append(
            {
                "kop": "Naar de gemeentefondsmaatstaf",
                "tekst": wat_als_fonds(naam, w, circulaire_naam(circulaire).lower(), document, jaar)
                + " Gaat dat bedrag naar collectieve preventie:",
                "gevolgen": wat_als_gevolgen(w, rij),
            }
        )
    if blokken:
        return blokken, None
    lat = ([f"de mediaan van de vergelijkingsgroep ({groepnaam})"] if leden else []) + (
        ["de gemeentefondsmaatstaf voor sociale basisvoorzieningen"] if fonds is not None else []
    )
    if not lat:
        return [], None
    return [], f"{naam} haalt {opsomming(lat)} al; er valt niets bij te rekenen."


def wat_als_groep(naam: str, rij: pd.Series, w: dict, groepnaam: str, maat: str, document: str, jaar: int) -> str:
    return (
        f"De mediane gemeente in de vergelijkingsgroep ({groepnaam}) besteedt "
        f"**{fmt.euro(w['doel_per_inwoner'])}** per inwoner aan collectieve preventie, {naam} "
        f"{fmt.euro(rij['collectieve_preventie_per_inwoner'])}. Om daar te komen is er "
        f"**{fmt.euro_verschil(w['doel_per_inwoner'], rij['collectieve_preventie_per_inwoner'])} per inwoner** meer nodig, samen **{fmt.bedrag(w['tekort'])}** "
        f"({maat}, {document} {jaar})."
    )


def wat_als_fonds(naam: str, w: dict, circulaire: str, document: str, jaar: int) -> str:
    return (
        f"Het gemeentefonds ({circulaire}) rekent voor {naam} **{fmt.euro(w['doel_per_inwoner'])}** per "
        f"inwoner voor sociale basisvoorzieningen; de gemeente geeft er netto {fmt.euro(w['uitgaven_per_inwoner'])} "
        f"aan uit (taakvelden {GEMEENTEFONDS_SOCIALE_BASIS_TEKST}, {document} {jaar}). Het verschil is "
        f"**{fmt.euro_verschil(w['doel_per_inwoner'], w['uitgaven_per_inwoner'])} per inwoner**, samen **{fmt.bedrag(w['tekort'])}**."
    )


WAT_ALS_VOORBEHOUD = (
    "Dit is een rekenvoorbeeld, geen voorspelling: het zegt niet wat er met zorg of kosten zou "
    "gebeuren. Mediaan: de middelste gemeente van de groep (niet gewogen); de gemeente zelf telt "
    "niet mee. De fondsmaatstaf is een schatting van de behoefte, geen oormerk."
)


def behoefte_bron(bron: str, jaar: int) -> str:
    """Waar een maat voor behoefte vandaan komt, in woorden: 'septembercirculaire 2024 voor 2025' of
    'CBS Kerncijfers wijken en buurten 2023'."""
    if bron == "KWB":
        return f"CBS Kerncijfers wijken en buurten {jaar}"
    if re.fullmatch(r"\d{5}[A-Z]{3}", bron):  # zorggebruik: de CBS-tabel zelf
        return f"CBS {bron} ({jaar})"
    return f"{circulaire_naam(bron).lower()} voor {jaar}"


def noemer_herkomst(bronnen: dict[int, tuple[str, int] | None]) -> str:
    """Waar de personen van een bedrag per persoon vandaan komen, per jaar (werk.behoefte_bron kiest per jaar
    de dichtstbijzijnde bron): ‘septembercirculaire 2024 voor 2025’, of per groep jaren als dat verschilt."""
    groepen: dict[str, list[int]] = {}
    for jaar, bron in sorted(bronnen.items()):
        groepen.setdefault(behoefte_bron(*bron) if bron else "geen bron in de opslag", []).append(jaar)
    if len(groepen) == 1:
        return next(iter(groepen))
    return "; ".join(f"{fmt.jaarreeks(jaren)}: {tekst}" for tekst, jaren in groepen.items())


def per_persoon_bron(ind, bronnen: dict[int, tuple[str, int] | None]) -> str:
    """Naast een bedrag per persoon (Indicator.behoefte): wie de personen zijn en waar ze vandaan komen. Het
    bedrag is Σ uitgaven ÷ Σ personen van gemeenten met beide; de personen zijn geen doelgroep van dat geld."""
    b = BEHOEFTEN[ind.behoefte]
    return (
        f"{ind.label}: de uitgaven van de hele gemeente gedeeld door het aantal {b.kort.lower()} "
        f"({noemer_herkomst(bronnen)}). Dat geld gaat niet alleen naar hen; het getal zet de uitgaven naast de "
        f"behoefte, het zegt niet wat één {b.persoon} krijgt. Een groep of Nederland: Σ uitgaven ÷ Σ "
        f"{b.kort.lower()}; geen rang." + (f" {b.kanttekening}" if b.kanttekening else "")
    )


def noemer_bronregel(ind, bronnen: dict[int, tuple[str, int] | None]) -> str:
    """Het stukje bronregel (grafiek, PNG, CSV) voor de noemer van een bedrag per persoon."""
    return f" {BEHOEFTEN[ind.behoefte].kort}: gemeentefonds/CBS, {noemer_herkomst(bronnen)}."


def circulaire_naam(code: str) -> str:
    """'S2025' → 'Septembercirculaire 2025'."""
    return f"{'Mei' if code[0] == 'M' else 'September'}circulaire {code[1:]}"


def cpi_herkomst(cpi: pd.DataFrame) -> str:
    """De korte bronregel van de CPI-reeks: basisjaar, CBS-tabellen en de geschakelde jaren, bv.
    'CPI 2015 = 100: CBS 83131NED, 86141NED (geschakeld: 2026)'. De herkomst per jaar staat in de opslag."""
    if cpi.empty:
        return "geen CPI"
    basis = ", ".join(str(int(b)) for b in dict.fromkeys(cpi["basisjaar"]))
    tabellen = list(dict.fromkeys(t for bron in cpi["bron"] for t in re.findall(r"\d{5}NED", bron)))
    geschakeld = cpi.loc[cpi["bron"].str.contains("geschakeld"), "jaar"]
    return f"CPI {basis} = 100: CBS {', '.join(tabellen) or 'consumentenprijsindex'}" + (
        f" (geschakeld: {fmt.jaarreeks(geschakeld)})" if len(geschakeld) else ""
    )


def behoefte_kop(per_kwintiel: pd.DataFrame, behoefte, maat_tekst: str, document: str, jaar: int) -> str:
    """De kop van Behoefte (ook op Nederland): de mediane gemeente van het kwintiel met de meeste
    behoefte naast die met de minste, voor preventie en acute zorg. `per_kwintiel`: indicators.per_kwintiel."""
    laag, hoog = per_kwintiel.iloc[0], per_kwintiel.iloc[-1]
    return (
        f"In de vijfde van de gemeenten met de meeste {behoefte.kort.lower()} per inwoner geeft de mediane gemeente "
        f"{fmt.euro(hoog['preventie_per_inwoner_mediaan'])} per inwoner uit aan collectieve preventie, in de vijfde "
        f"met de minste {fmt.euro(laag['preventie_per_inwoner_mediaan'])}; aan acute zorg "
        f"{fmt.euro(hoog['acute_zorg_per_inwoner_mediaan'])} tegen {fmt.euro(laag['acute_zorg_per_inwoner_mediaan'])} "
        f"({maat_tekst}, {document} {jaar})."
    )


# -- begroting en werkelijkheid -------------------------------------------------------------------
def _ten_opzichte_van(document: str, jaar: int) -> str:
    return f"t.o.v. de begroting {jaar}" if document == "jaarrekening" else "t.o.v. eerdere begrotingen"


def met_teken(x: float) -> str:
    """+€ 1,47 mld of € −756,6 mln: een verschil met zijn teken."""
    return f"{'+' if x > 0 else ''}{fmt.bedrag(x)}"


def kanttekening(rijen: pd.DataFrame, document: str, jaar: int) -> str:
    """De incidentele stromen van één gemeente (indicators.incidenteel) in één regel, zonder haakjes
    (hij staat vaak zelf tussen haakjes): '6.1: opvang ontheemden uit Oekraïne, +€ 19,0 mln t.o.v. de
    begroting 2023'. Leeg zonder stromen."""
    delen = [
        f"{r.taakveld}: {r.oorzaak_naam}, {met_teken(r.afwijking)} {_ten_opzichte_van(document, jaar)}"
        for r in rijen.sort_values("taakveld").itertuples(index=False)
    ]
    return "; ".join(delen)


def kanttekeningen(
    incidenteel: pd.DataFrame, document: str, jaar: int, alleen_vertekenend: bool = False
) -> dict[str, str]:
    """Per gemeente (gm_code) de kanttekening van kanttekening(); gemeenten zonder stroom ontbreken.
    `alleen_vertekenend`: alleen de stromen in preventie of acute zorg (de reden zonder rang)."""
    if alleen_vertekenend:
        incidenteel = incidenteel[incidenteel["vertekent"]]
    return {gm: kanttekening(deel, document, jaar) for gm, deel in incidenteel.groupby("gm_code", sort=False)}


def incidenteel_bij_cijfers(
    rijen: pd.DataFrame, document: str, jaar: int, maat: str, verwijzing: bool = True
) -> str | None:
    """De waarschuwing naast de cijfers van één gemeente, of None zonder stromen. `verwijzing`: met de
    pagina waar het verschil wordt uitgelegd (op de PDF niet)."""
    if rijen.empty:
        return None
    vertekent = bool(rijen["vertekent"].any())
    return (
        f"Let op: deze {document} {jaar} ({maat}) bevat incidenteel geld voor een landelijke crisis — "
        f"{kanttekening(rijen, document, jaar)}. "
        + (
            "Dat zit in collectieve preventie of acute zorg: een verhouding daarop is vertekend en krijgt geen rang."
            if vertekent
            else "Dat raakt preventie en acute zorg niet, wel het totaal en de laag waarin het taakveld valt."
        )
        + (" Zie de pagina Begroting en werkelijkheid." if verwijzing else "")
    )


def incidenteel_landelijk(incidenteel: pd.DataFrame, document: str, jaar: int, maat: str) -> str | None:
    """Voor Nederland: welke stromen in hoeveel gemeenten, met het totaal, of None."""
    if incidenteel.empty:
        return None
    per = incidenteel.groupby(["taakveld", "oorzaak_naam"], as_index=False).agg(
        gemeenten=("gm_code", "nunique"), afwijking=("afwijking", "sum"), vertekent=("vertekent", "any")
    )
    delen = [
        f"{r.taakveld} {r.oorzaak_naam} in {fmt.aantal(int(r.gemeenten), 'gemeente', 'gemeenten')} "
        f"(samen {met_teken(r.afwijking)} {_ten_opzichte_van(document, jaar)})"
        for r in per.itertuples(index=False)
    ]
    vertekend = int(incidenteel.loc[incidenteel["vertekent"], "gm_code"].nunique())
    return f"Let op: de {document} {jaar} ({maat}) bevat incidenteel crisisgeld: {opsomming(delen)}. " + (
        f"Bij {fmt.aantal(vertekend, 'gemeente', 'gemeenten')} zit het in preventie of acute zorg: "
        "die verhouding staat er, maar zonder rang."
        if vertekend
        else ""
    )


def realisatie_pct(verschil: float, begroting: float) -> str | None:
    """Het verschil als deel van de begroting ('12,2%'), of None als er niets (of minder dan niets) begroot
    was: een percentage van € 0 of van een negatief netto bedrag zegt niets."""
    return fmt.procent(abs(verschil) / begroting) if begroting > 0 else None


def _hoeveel(verschil: float, begroting: float, meer: str, minder: str) -> str:
    """'€ 569,3 mln (12,2%) meer dan begroot', '€ 81,3 mln (2,8%) minder dan begroot' (zonder percentage bij
    een begroting ≤ 0), of 'gelijk aan de begroting'."""
    if round(verschil) == 0:
        return "gelijk aan de begroting"
    pct = realisatie_pct(verschil, begroting)
    return f"{fmt.bedrag(abs(verschil))}{f' ({pct})' if pct else ''} {meer if verschil > 0 else minder} dan begroot"


def realisatie_kop(landelijk: pd.DataFrame, jaar: int, wie: str = "gemeenten") -> str:
    """De kopzin van ‘Begroting en werkelijkheid’: 'In 2024 besteedden gemeenten aan acute zorg € 569,3 mln
    (12,2%) meer dan begroot, en aan collectieve preventie € 1,63 mld (38,1%) meer dan begroot. Zonder het
    incidentele crisisgeld in preventie (+€ 1,47 mld t.o.v. de begroting) was preventie € 162,6 mln (3,8%) meer
    dan begroot (bruto).' Netto gaat het over netto lasten
    (lasten − baten): die daalden in 2023 op 6.1 omdat het normbedrag als baten binnenkwam, niet omdat er
    minder werd uitgegeven."""
    rij = landelijk[landelijk["jaar"] == jaar].set_index("functie")
    a, p = rij.loc["acute_zorg"], rij.loc["collectieve_preventie"]
    maat = rij["maat"].iloc[0]
    meervoud = wie == "gemeenten"
    if maat == "netto":
        woorden = ("hoger", "lager")
        zin = (
            f"In {jaar} waren de netto lasten (lasten − baten) van {wie} voor acute zorg "
            f"{_hoeveel(a['verschil'], a['begroting'], *woorden)}, en voor collectieve preventie "
            f"{_hoeveel(p['verschil'], p['begroting'], *woorden)}."
        )
    else:
        woorden = ("meer", "minder")
        zin = (
            f"In {jaar} {'besteedden' if meervoud else 'besteedde'} {wie} aan acute zorg "
            f"{_hoeveel(a['verschil'], a['begroting'], *woorden)}, en aan collectieve preventie "
            f"{_hoeveel(p['verschil'], p['begroting'], *woorden)}."
        )
    if p["incidenteel_bedrag"] != 0:
        # Met het teken erbij klopt de zin ook als het crisisgeld de andere kant op gaat dan het verschil.
        zin += (
            f" Zonder het incidentele crisisgeld in preventie ({met_teken(p['incidenteel_bedrag'])} t.o.v. de "
            f"begroting) was preventie {_hoeveel(p['verschil_zonder_incidenteel'], p['begroting'], *woorden)}."
        )
    return f"{zin[:-1]} ({maat})."


# Eén tekst voor de pagina Begroting en werkelijkheid en Methode: de regel van queries/werk/060_afwijking.sql.
INCIDENTEEL_METHODE = (
    "Per gemeente, jaar en taakveld vergelijken we de jaarrekening met de begroting van hetzelfde jaar, en een "
    "begroting met het aandeel van dat taakveld in de eigen begrotingen van de vijf jaren ervoor. Een taakveld "
    f"**wijkt af** als het verschil minstens {fmt.procent(AFWIJKING_DEEL, 0)} is, minstens {AFWIJKING_KEER} keer "
    "de gewone afwijking van die gemeente op dat taakveld (in de jaren waarin het taakveld landelijk minder dan "
    f"{fmt.procent(GOLF_DEEL, 0)} afweek) en minstens {fmt.euro(AFWIJKING_PER_INWONER)} per inwoner. Het is "
    "**incidenteel crisisgeld** als taakveld en jaar bij een bekende landelijke oorzaak horen (tabel) en het "
    f"taakveld dat jaar ook landelijk minstens {fmt.procent(GOLF_DEEL_BEKEND, 0)} afwijkt, in dezelfde richting. "
    "Een golf zonder bekende oorzaak — zoals de overschrijdingen op jeugdhulp "
    "in 2017–2019 — is géén crisisgeld: die hoort juist in beeld. Netto telt ook een taakveld mee waarvan de "
    "lasten het geld dragen en waar na de baten nog zo'n afwijking overblijft (Groningen 2023: het normbedrag "
    "was hoger dan de kosten, netto 6.1 halveerde). Wat de regel níet kan: het normbedrag (baten van het Rijk) "
    "apart zetten van gewone baten; daarvoor zijn de baten per economische categorie nodig, die deze opslag "
    "niet bewaart. ‘Zonder crisisgeld’ is daarom een schatting."
)
VERDRINGING_METHODE = (
    "**Hoe gemeten.** Per gemeente en jaar *t* zetten we de overschrijding op acute zorg (jaarrekening ÷ "
    "begroting − 1, bruto) naast de groei van de begrote collectieve preventie per inwoner van begroting *t* "
    "naar *t* + 2. Beide tellen we ten opzichte van heel Nederland in dat jaar (de mediaan), en de groei ook "
    "ten opzichte van het gemiddelde van de gemeente zelf, zodat alleen overblijft wat afwijkt van haar eigen "
    "trend; daarna delen we de gemeente-jaren in vijf even grote groepen naar overschrijding. Alleen jaren "
    "tot en met begroting 2022: daarna vertekenen de opvang van ontheemden (6.1) en het nieuwe Iv3-schema de "
    "vergelijking. Een samenhang is geen oorzaak; en vindt de meting geen samenhang, dan bewijst dat niet dat er "
    "nergens verdrongen wordt, alleen dat het in deze cijfers, over alle gemeenten samen, niet zichtbaar is."
)


def verdringing_kop(per_kwintiel: pd.DataFrame, rho: float, stap: int, van: int, tot: int) -> str:
    """De uitkomst in één zin, zoals de cijfers hem geven (ook als er geen verband is)."""
    hoog, laag = per_kwintiel.iloc[-1], per_kwintiel.iloc[0]
    verschil = (hoog["mediaan"] - laag["mediaan"]) * 100
    oordeel = (
        "Er is geen duidelijk verband"
        if abs(rho) < 0.1
        else (
            "Meer overschrijding gaat samen met minder groei van preventie"
            if rho < 0
            else "Meer overschrijding gaat samen met méér groei van preventie"
        )
    )
    return (
        f"{oordeel}: bij de vijfde van de gemeente-jaren met de grootste overschrijding op acute zorg groeide de "
        f"begrote preventie {stap} jaar later mediaan {fmt.getal(abs(verschil), 1)} procentpunt "
        f"{'minder' if verschil < 0 else 'meer'} dan bij de vijfde met de kleinste, terwijl de middelste helft "
        f"binnen elke groep minstens {fmt.getal((per_kwintiel['q3'] - per_kwintiel['q1']).min() * 100, 0)} "
        "procentpunt breed is "
        f"(rangcorrelatie {fmt.getal(rho, 2)}; {fmt.getal(int(per_kwintiel['gemeentejaren'].sum()))} gemeente-jaren, "
        f"{van}–{tot})."
    )


def crisis_in_reeks(naam: str, jaren: pd.DataFrame, maat: str) -> str | None:
    """Bij een reeks (Trends): welke punten vertekend zijn door crisisgeld in preventie of acute zorg
    (indicators.incidenteel_jaren van die gemeente of Nederland, met de regel van een som), of None."""
    if jaren.empty:
        return None
    delen = [
        f"de {document} {opsomming([f'{int(r.jaar)} ({met_teken(r.afwijking)})' for r in deel.itertuples()])}"
        for document, deel in jaren.groupby("document", sort=True)
    ]
    oorzaken = sorted({o for lijst in jaren["oorzaken"] for o in lijst})
    return (
        f"{naam} ({maat}): {opsomming(delen)} bevatten incidenteel crisisgeld in preventie of acute zorg "
        f"({opsomming(oorzaken)}; de afwijking van de eigen begroting of van eerdere begrotingen). Een sprong "
        "daar is geen beleidskeuze; zie Begroting en werkelijkheid."
    )


def groep_vertekend(groepen: list[tuple[str, pd.Series]], document: str, jaar: int) -> str | None:
    """Bij gewogen cijfers van groepen (marts/groep): welke crisisgeld bevatten, of None."""
    wie = [
        f"{naam if naam == 'Nederland' else naam[0].lower() + naam[1:]} "
        f"({fmt.aantal(int(r['gemeenten_vertekend']), 'gemeente', 'gemeenten')})"
        for naam, r in groepen
        if r["vertekend"]
    ]
    if not wie:
        return None
    return (
        f"Let op: de gewogen verhouding van {opsomming(wie)} bevat incidenteel crisisgeld (zoals opvang of corona) "
        f"in de {document} {jaar}: minstens {fmt.procent(VERTEKEND_GROEP_DEEL, 0)} van preventie of acute zorg. "
        "De mediane gemeente telt alleen gemeenten met een rang, dus zonder die gemeenten. Zie Begroting en werkelijkheid."
    )


def crisis_bron(nl: pd.Series, oorzaken: list[str]) -> str:
    """Achter de bronregel en in elk bestand als de landelijke cijfers vertekend zijn (marts/groep);
    `oorzaken`: de namen van de stromen die preventie of acute zorg raken (indicators.incidenteel)."""
    wie = fmt.aantal(int(nl["gemeenten_vertekend"]), "gemeente", "gemeenten")
    return f"Let op: bevat incidenteel crisisgeld ({opsomming(oorzaken)}) bij {wie}; zie Begroting en werkelijkheid."
