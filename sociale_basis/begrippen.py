"""De vaste begrippen van het model: lagen (volgorde, naam, kleur) en functies. Eén bron voor
Python (pagina's, exports, CLI) én SQL: de opslag vult er de bedragkolommen en de som per laag
en functie in `queries/werk/` mee in (store.py), zodat een laag nergens anders wordt opgesomd."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import fmt

# Lagen in vaste volgorde, met naam en kleur (Okabe-Ito, kleurenblind-veilig): de sociale basis
# in koele kleuren, zorg na escalatie in warme.
LAGEN = {
    # Wat erin zit, staat in de naam: 6.3–6.5 (bijstand, minimabeleid, schuldhulp, WSW, re-integratie)
    # is inkomen en werk, geen geld voor het eigen netwerk van mensen (zie Methode).
    "persoonlijk": ("Persoonlijk: bestaanszekerheid", "#CC79A7"),
    "informeel": ("Informeel (gemeenschappelijk)", "#56B4E9"),
    "institutioneel": ("Institutioneel", "#009E73"),
    "maatwerk": ("Maatwerk", "#E69F00"),
    "acuut": ("Acuut / geëscaleerd", "#D55E00"),
    "overig": ("Overig", "#BBBBBB"),
}
NIET_MEEGETELD = "niet_meegeteld"  # reservemutaties en resultaat: geen uitgave voor een taak

FUNCTIES = {
    "collectieve_preventie": "Collectieve preventie",
    "toegang": "Toegang en vroegsignalering",
    "bestaanszekerheid": "Bestaanszekerheid en participatie",
    "individuele_ondersteuning": "Individuele ondersteuning (maatwerk)",
    "acute_zorg": "Acute en geëscaleerde zorg",
    "beleid": "Coördinatie en beleid sociaal domein",
    "buiten_sociaal_domein": "Buiten het sociaal domein",
    "geen_uitgave": "Geen uitgave (reserves, resultaat)",
}
# Collectieve preventie, één definitie voor elke pagina, de factsheet en Methode: een functie van het model,
# geen laag. Wie informeel + institutioneel optelt, telt ook de toegang en wijkteams mee (6.2), die een andere
# functie hebben; daarom staat dit naast elke lagengrafiek en niet alleen op Methode.
PREVENTIE_KORT = "Taakvelden 6.1 (samenkracht en burgerparticipatie: sociaal werk, vrijwilligers) en 7.1 (volksgezondheid: GGD, JGZ)."
ACUUT_KORT = "Jeugdhulp met verblijf, crisis, jeugdbescherming, beschermd wonen, opvang (de laag acuut)."
PREVENTIE_DEFINITIE = (
    "**Collectieve preventie** = de taakvelden 6.1 (samenkracht en burgerparticipatie: sociaal werk, "
    "vrijwilligers, buurthuizen) en 7.1 (volksgezondheid: GGD, jeugdgezondheidszorg), in het standaardmodel. Het "
    "is een functie, geen laag: 6.1 valt deels in informeel en deels in institutioneel, 7.1 in institutioneel, "
    "en institutioneel bevat ook de toegang en wijkteams (6.2, vanaf 2025 6.21–6.23). Informeel + institutioneel "
    "is dus meer dan collectieve preventie."
)

# Functies die als eigen bedrag per gemeente worden opgeteld (de andere vallen alleen in 'overig').
GESOMDE_FUNCTIES = [f for f in FUNCTIES if f not in ("buiten_sociaal_domein", "geen_uitgave")]
# Alle bedragkolommen van de indicatoren, in deze volgorde.
BEDRAGEN = [*LAGEN, "totaal", *GESOMDE_FUNCTIES]


# Rang: wie minder dan dit deel uitgeeft van wat Nederland per inwoner aan acute zorg uitgeeft (zelfde
# jaar, document, maat en keuze over regionale taken), krijgt geen rang. Zo'n bedrag zegt waar de zorg
# geboekt wordt (een gemeenschappelijke regeling, een centrumgemeente), niet dat er weinig nodig is.
# Gemeten (tests/test_regio.py): in 2023–2026 vallen er per keuze 0 tot 9 gemeenten onder, elk met
# minder dan € 15 per inwoner (de mediane gemeente: rond € 100), zoals Schiermonnikoog met € 4 in 2025.
DREMPEL_ACUUT = 0.05
# En andersom: wie meer dan € 0 maar minder dan dit deel van het landelijke bedrag per inwoner aan collectieve
# preventie uitgeeft (zelfde keuze), krijgt ook geen rang. Een noemer van bijna nul rekt de verhouding op, en
# dat bedrag zegt waar preventie geboekt wordt (elders, of netto: baten op 6.1 die de lasten bijna opheffen).
# Gemeten (tests/test_regio.py, 2017–2026, begroting en jaarrekening, netto en bruto): buiten jaarrekening
# 2023 netto (opvang Oekraïne op 6.1) valt per keuze hooguit één gemeente onder 10%, en de volgende ligt
# boven 14%: Woudenberg (begroting netto 2023 € 9,61 = 5,9%, 2024 € 7,58 = 4,1%), Bodegraven-Reeuwijk (2025
# netto € 3,87 = 2,0%) en Renswoude (2026 bruto € 26,91 = 9,6%). Elk heeft acute zorg rond of onder de
# mediane gemeente en toch een verhouding in de hoogste vijf (Woudenberg 2024: € 15,58, 317 van 317).
# Bij 5% hield Woudenberg 2023 (€ 9,67 per € preventie) plaats 325 van 326. In jaarrekening 2023 netto: Voorne
# aan Zee (€ 2,31, € 42,61 per € preventie) en Assen, Hattem, Heusden, Rhenen (die al crisisgeld hebben).
DREMPEL_PREVENTIE = 0.10

# Incidentele stromen (queries/werk/060_afwijking.sql, uitgelegd op Methode). Een taakveld wijkt af als
# het verschil met de referentie minstens AFWIJKING_DEEL daarvan is, AFWIJKING_KEER keer de gewone
# afwijking van die gemeente (in jaren met landelijk minder dan GOLF_DEEL afwijking) en AFWIJKING_PER_INWONER
# euro per inwoner; het is incidenteel als taakveld en jaar bij een bekende oorzaak horen en het taakveld dat
# jaar landelijk minstens GOLF_DEEL_BEKEND afwijkt, in dezelfde richting. Gemeten (tests/test_realisatie.py):
# jaarrekening 2019 (een rustig jaar) geeft geen enkele golf op 6.1, 7.1 of 6.3, 2023 wel op 6.1.
AFWIJKING_DEEL = 0.25
AFWIJKING_KEER = 3
AFWIJKING_PER_INWONER = 10
GOLF_DEEL = 0.15
GOLF_DEEL_BEKEND = 0.10  # in de jaren van een bekende oorzaak op dat taakveld (werk.bekende_oorzaken)
# Een som over gemeenten (Nederland, een groep) heet vertekend als het crisisgeld van haar leden minstens dit
# deel van haar preventie of acute zorg is. Gemeten: jaarrekening 2023 netto 26% (vertekend), begroting 2025
# netto 0,5% (39 gemeenten, samen € −17 mln: niet).
VERTEKEND_GROEP_DEEL = 0.05


# De taakvelden die naast het gemeentefondscluster Sociale basisvoorzieningen staan (marts/maatstaf):
# 6.1, 6.2 en 7.1; vanaf het Iv3-schema 2025 is 6.2 gesplitst in 6.21–6.23. Elke tekst erover leest
# GEMEENTEFONDS_SOCIALE_BASIS_TEKST, de SQL het macro werk.gemeentefonds_sociale_basis().
GEMEENTEFONDS_SOCIALE_BASIS = ("6.1", "6.2", "6.21", "6.22", "6.23", "7.1")
GEMEENTEFONDS_SOCIALE_BASIS_TEKST = "6.1, 6.2 (vanaf 2025 6.21–6.23) en 7.1"
GEMEENTEFONDS_SOCIALE_BASIS_KORT = "6.1, 6.2 of 6.21–6.23, 7.1"  # in een smalle tabelcel


def sql_lijst(waarden) -> str:
    """Vaste namen uit deze module als SQL-lijst (nooit invoer)."""
    return ", ".join(f"'{w}'" for w in waarden)


def sql_bedragen() -> str:
    """De lijst als SQL-lijst van namen (vaste namen uit deze module, geen invoer)."""
    return sql_lijst(BEDRAGEN)


def sql_sommen() -> str:
    """Per laag en functie een som (0 als er niets is), plus het totaal."""
    regels = [f"coalesce(sum(bedrag) FILTER (laag = '{laag}'), 0) AS {laag}" for laag in LAGEN]
    regels.append("sum(bedrag) AS totaal")
    regels += [f"coalesce(sum(bedrag) FILTER (functie = '{f}'), 0) AS {f}" for f in GESOMDE_FUNCTIES]
    return ",\n        ".join(regels)


# -- eenheden ---------------------------------------------------------------------------------
# De regel voor bedragen: per inwoner in euro's, totalen in miljoenen euro's (as, legenda, tabel).
def eenheid(per_inwoner: bool) -> str:
    return "€ per inwoner" if per_inwoner else "€ mln"


def schaal(waarden, per_inwoner: bool):
    """Per inwoner in euro's; totalen in miljoenen euro's."""
    return waarden if per_inwoner else waarden / 1e6


def waarde_tekst(x: float, per_inwoner: bool) -> str:
    """Een waarde in de eenheid van de as (dus na schaal()) in Nederlandse notatie."""
    return fmt.euro(x) if per_inwoner else fmt.mln(x * 1e6)


def acuut_per_preventie(acuut: float, preventie: float) -> float | None:
    """De kernverhouding in Python (rekenvoorbeelden); dezelfde regel als het SQL-macro
    werk.acuut_per_preventie (tests/test_indicatoren.py toetst ze tegen elkaar): leeg als preventie
    ≤ 0 of acute zorg < 0 (netto kan negatief zijn; dan zegt de verhouding niets)."""
    return acuut / preventie if preventie > 0 and acuut >= 0 else None


# -- behoefte ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Behoefte:
    """Een maat voor behoefte per gemeente: een volume uit de gemeentefondscirculaire (de maatstaf,
    zoals `GF_<circulaire>_<jaar>_Volumina.tsv` hem noemt), getoond per 1.000 inwoners van dezelfde
    circulaire. `persoon`: wie er één van is, voor ‘preventie per …’. `kanttekening`: wat een lezer
    moet weten voor hij het getal citeert."""

    naam: str
    label: str
    kort: str
    maatstaf: str
    persoon: str
    kanttekening: str = ""
    bron: str = "gemeentefonds"  # of "cbs_kwb": CBS Kerncijfers wijken en buurten; "cbs_zorg": zorggebruik
    noemer: str = "inwo"  # de inwoners van dezelfde bron (gemeentefonds: inwo; CBS: AantalInwoners)
    gebruik: bool = False  # gebruik van zorg (pagina Mensen), geen maat van behoefte (pagina Behoefte)

    def eenheid(self) -> str:
        return f"{self.kort.lower()} per 1.000 inwoners"


_DREMPEL = (
    "Het gemeentefonds telt deze maatstaf ‘met drempel’: alleen het deel boven een landelijk drempelaandeel, "
    "dus geen zuiver aandeel van alle inwoners; gemeenten onder de drempel staan op 0."
)
# De inwoners naast zorggebruik: CBS-bevolking op 1 januari van hetzelfde jaar (werk.volume_bron).
ZORG_INWONERS = "inwoners_1_januari"


@dataclass(frozen=True)
class Zorgmaat:
    """Eén cijfer over gebruik van zorg zoals CBS het publiceert (tabel zorggebruik): `eenheid` 'procent'
    (CBS' eigen aandeel, niet op te tellen: een groep krijgt de mediaan) of 'aantal' (per 1.000 inwoners)."""

    label: str
    eenheid: str
    toelichting: str


# Elke maat van zorggebruik één keer; de namen zijn de sleutels in data/cbs_bronnen.toml [zorggebruik].
ZORGMATEN: dict[str, Zorgmaat] = {
    "jeugdhulp_pct": Zorgmaat(
        "Jongeren met jeugdhulp", "procent", "% van alle jongeren (afbakening en leeftijd: toelichting CBS 85098NED)"
    ),
    "verblijf_pct": Zorgmaat(
        "Jeugdhulp met verblijf", "procent", "% van de jongeren mét jeugdhulp (niet van alle jongeren)"
    ),
    "jeugdbescherming_pct": Zorgmaat("Jongeren met jeugdbescherming", "procent", "% van alle jongeren"),
    "jongeren_jeugdhulp": Zorgmaat("Jongeren met jeugdhulp", "aantal", "aantal jongeren, per 1.000 inwoners"),
    "jongeren_verblijf": Zorgmaat(
        "Jongeren met jeugdhulp met verblijf", "aantal", "aantal jongeren, per 1.000 inwoners"
    ),
    "jongeren_jeugdbescherming": Zorgmaat(
        "Jongeren met jeugdbescherming", "aantal", "aantal jongeren, per 1.000 inwoners"
    ),
    "wmo_clienten": Zorgmaat("Wmo-cliënten", "aantal", "cliënten met een Wmo-maatwerkvoorziening, per 1.000 inwoners"),
}
# Bekende breuken in een reeks: (maat-voorvoegsel, eerste jaar na de breuk) → wat er veranderde. Verder is elke
# overgang naar een andere CBS-tabel een breuk (de pagina markeert die).
ZORG_TRENDBREUK = {"jongeren_": (2021, "CBS telt vanaf 2021 meer jeugdhulpaanbieders")}


# De maten per wijk (CBS Kerncijfers wijken en buurten, de kolom zonder jaarnummer) voor de wijkkaart:
# label, eenheid, en de noemer en factor als CBS een aantal geeft (None: CBS geeft zelf % of per 1.000).
@dataclass(frozen=True)
class Wijkmaat:
    label: str
    eenheid: str
    noemer: str | None = None
    factor: int = 1


WIJKMATEN: dict[str, Wijkmaat] = {
    "PersonenPerSoortUitkeringBijstand": Wijkmaat(
        "Personen met bijstand", "per 1.000 inwoners", "AantalInwoners", 1000
    ),
    "HuishoudensMetEenLaagInkomen": Wijkmaat("Huishoudens met een laag inkomen", "% van de huishoudens"),
    "HuishOnderOfRondSociaalMinimum": Wijkmaat("Huishoudens rond het sociaal minimum", "% van de huishoudens"),
    "PercentageJongerenMetJeugdzorg": Wijkmaat("Jongeren met jeugdzorg", "% van de jongeren"),
    "WmoClientenRelatief": Wijkmaat("Wmo-cliënten", "per 1.000 inwoners"),
    "Eenpersoonshuishoudens": Wijkmaat("Eenpersoonshuishoudens", "% van de huishoudens", "HuishoudensTotaal", 100),
}
STANDAARD_WIJKMAAT = "PersonenPerSoortUitkeringBijstand"

# De maat die Nederland, Gemeente, factsheet en `sociale-basis behoefte` tonen als niemand kiest.
STANDAARD_BEHOEFTE = "bijstand"
# Elke maat voor behoefte één keer: de pagina Behoefte, de regel op Gemeente en factsheet en
# `sociale-basis behoefte` lezen dit; sources/behoefte.py bewaart precies deze maatstaven.
BEHOEFTEN: dict[str, Behoefte] = {
    b.naam: b
    for b in [
        Behoefte("bijstand", "Bijstandsontvangers", "Bijstandsontvangers", "bo3_nw", "bijstandsontvanger"),
        Behoefte(
            "laag_inkomen",
            "Huishoudens met een laag inkomen (met drempel)",
            "Huishoudens laag inkomen",
            "lidr_w_nw",
            "huishouden met een laag inkomen",
            _DREMPEL,
        ),
        Behoefte(
            "laag_opleiding",
            "Inwoners met een laag opleidingsniveau (met drempel)",
            "Laag opgeleiden",
            "LOdr",
            "inwoner met een laag opleidingsniveau",
            _DREMPEL,
        ),
        Behoefte("eenpersoons", "Eenpersoonshuishoudens", "Eenpersoonshuishoudens", "ephh", "eenpersoonshuishouden"),
        Behoefte("jongeren", "Jongeren (maatstaf gemeentefonds)", "Jongeren", "jong", "jongere"),
        Behoefte(
            "75plus", "Inwoners van 75 jaar en ouder (met drempel)", "75-plussers", "inw75+dr", "75-plusser", _DREMPEL
        ),
        # CBS telt per jaar zelf (de circulaire schat vooruit); de kolom heet per jaar anders
        # (PersonenPerSoortUitkeringBijstand_<nummer>, zie data/cbs_bronnen.toml).
        Behoefte(
            "bijstand_cbs",
            "Personen met een bijstandsuitkering (CBS)",
            "Bijstandsontvangers CBS",
            "PersonenPerSoortUitkeringBijstand",
            "persoon met bijstand",
            "CBS Kerncijfers wijken en buurten van het jaar zelf (of het dichtstbijzijnde met cijfers), per 1.000 "
            "inwoners uit dezelfde tabel; het nieuwste jaar is voorlopig en nog leeg.",
            bron="cbs_kwb",
            noemer="AantalInwoners",
        ),
        # Gebruik van zorg (CBS, Gemeentelijke Monitor Sociaal Domein; data/cbs_bronnen.toml [zorggebruik]):
        # dezelfde maatlaag, maar getoond als gebruik naast geld, nooit als behoefte.
        Behoefte(
            "wmo",
            "Wmo-cliënten (CBS)",
            "Wmo-cliënten",
            "wmo_clienten",
            "Wmo-cliënt",
            "Gemeenten publiceren vrijwillig: wie niet publiceert, ontbreekt (niet 0). CBS rondt af op vijftallen.",
            bron="cbs_zorg",
            noemer=ZORG_INWONERS,
            gebruik=True,
        ),
        Behoefte(
            "jeugd_verblijf",
            "Jongeren met jeugdhulp met verblijf (CBS)",
            "Jongeren met verblijf",
            "jongeren_verblijf",
            "jongere met jeugdhulp met verblijf",
            "Jeugdhulp met verblijf (pleegzorg, gezinshuis, residentieel); trendbreuk 2020 → 2021: CBS telt vanaf "
            "2021 meer aanbieders.",
            bron="cbs_zorg",
            noemer=ZORG_INWONERS,
            gebruik=True,
        ),
    ]
}
# De maten van behoefte in de zin van de pagina Behoefte (zonder gebruik van zorg).
NOOD = [n for n, b in BEHOEFTEN.items() if not b.gebruik]


# -- grootheden ------------------------------------------------------------------------------
# Alles wat een indicator kan tellen of delen, per gemeente × jaar × document (werk.grootheden): de bedragen,
# de inwoners en per maat van behoefte het volume en de inwoners van dezelfde bron.
VOLUMES = [k for b in BEHOEFTEN for k in (f"volume_{b}", f"inwoners_{b}")]
GROOTHEDEN = [*BEDRAGEN, "inwoners", *VOLUMES]


# -- indicatoren ------------------------------------------------------------------------------
_KORT = {"collectieve_preventie": "Preventie", "acute_zorg": "Acute zorg"}  # smalle tabelkoppen


@dataclass(frozen=True)
class Indicator:
    """Eén indicator: Σ teller ÷ Σ noemer, op elk niveau (gemeente, herrekend, groep, Nederland, reeks)
    door één regel berekend (werk.meting), en zoals elke pagina, tabel, legenda en export haar noemt en toont.

    `teller`: een of meer grootheden (GROOTHEDEN) die samen tellen. `noemer`: 'inwoners' (de pagina toont dan
    per inwoner of het totaal, naar de zijbalk) of een andere grootheid: dan staat de uitkomst als kolom
    `kolom` in elke mart, met de lege gevallen van `regel` ('deel': leeg bij een noemer ≤ 0; 'verhouding':
    die van werk.verhouding), en wordt ze nooit geschaald."""

    naam: str
    label: str  # volle naam: keuzelijsten, titels, legenda's
    kort: str  # smalle tabelkop (‘Preventie’)
    teller: tuple[str, ...]
    noemer: str = "inwoners"
    regel: str = "deel"  # of "verhouding" (werk.verhouding: ook leeg zonder eigen acute zorg van betekenis)
    kolom_naam: str | None = None  # de kolom in de marts; standaard de naam
    eenheid_deling: str | None = None  # as en legenda als de noemer geen inwoners zijn
    kop_deling: str | None = None  # tabelkop, CSV- en Excelkolom idem
    na_getal: str | None = None  # in een zin na het getal: ‘€ 1,35 acute zorg per € preventie’
    in_euro: bool = False  # een bedrag per persoon: als euro's zonder centen, en mee in constante prijzen
    rangbaar: bool = False  # krijgt een gemeente er een rang op (werk.rangbaar)?
    in_ranglijst: int = 0  # plaats als kolom van de ranglijst op Vergelijken (1, 2, …); 0 = niet
    leeg: str = "geen cijfers"  # waarom de waarde leeg kan zijn (legenda, hover, tabel)
    factor: int = 1  # Σ teller ÷ Σ noemer × factor (1.000: ‘per 1.000 inwoners’)

    @classmethod
    def per_persoon(cls, teller: str, behoefte: str, **extra) -> Indicator:
        """Een bedrag (functie) per persoon van een maat van behoefte, in één regel van het register:
        ‘Collectieve preventie per bijstandsontvanger’."""
        b, label = BEHOEFTEN[behoefte], FUNCTIES[teller]
        kort = _KORT.get(teller, label)
        return cls(
            f"{teller}_per_{behoefte}",
            f"{label} per {b.persoon}",
            f"{kort} per {b.persoon}",
            teller=(teller,),
            noemer=f"volume_{behoefte}",
            eenheid_deling=f"€ per {b.persoon}",
            kop_deling=f"{kort} per {b.persoon}",
            na_getal=f"{label.lower()} per {b.persoon}",
            in_euro=True,
            leeg=f"geen {b.kort.lower()} in de bron voor deze gemeente",
            **extra,
        )

    @property
    def behoefte(self) -> str | None:
        """De maat van behoefte (BEHOEFTEN) waarvan de noemer het volume is, of None."""
        naam = self.noemer.removeprefix("volume_")
        return naam if naam != self.noemer and naam in BEHOEFTEN else None

    @property
    def kolom(self) -> str | None:
        return (self.kolom_naam or self.naam) if self.eigen_noemer else None

    @property
    def eigen_noemer(self) -> bool:
        """Deelt door iets anders dan inwoners: dan geen keuze per inwoner of totaal."""
        return self.noemer != "inwoners"

    def kolommen(self, per_inwoner: bool) -> list[str]:
        """De kolommen van de marts waaruit de waarde komt."""
        if self.eigen_noemer:
            return [self.kolom]
        return [f"{t}_per_inwoner" if per_inwoner else t for t in self.teller]

    def waarden(self, df: pd.DataFrame, per_inwoner: bool) -> pd.Series:
        """De waarden in de eenheid van de as: per inwoner in euro's, totalen in miljoenen,
        een eigen noemer zoals ze is. Leeg als één deel van de som leeg is."""
        if self.eigen_noemer:
            return df[self.kolom]
        kol = self.kolommen(per_inwoner)
        return schaal(df[kol].sum(axis=1, min_count=len(kol)), per_inwoner)

    def eenheid(self, per_inwoner: bool) -> str:
        return self.eenheid_deling if self.eigen_noemer else eenheid(per_inwoner)

    def kop(self, per_inwoner: bool) -> str:
        """Tabelkop, CSV- en Excelkolom: ‘Preventie per inwoner’, ‘€ acuut per € preventie’."""
        if self.eigen_noemer:
            return self.kop_deling
        return f"{self.kort} per inwoner" if per_inwoner else f"{self.kort} ({eenheid(False)})"

    def opmaak(self, per_inwoner: bool):
        """Nederlandse notatie van een waarde in de eenheid van de as (uit waarden())."""
        if self.eigen_noemer:
            if self.factor != 1:  # een aantal per 1.000: geen euro's
                return lambda v: fmt.getal(v, 1)
            return fmt.euro if self.in_euro else fmt.factor
        return lambda v: waarde_tekst(v, per_inwoner)

    def zin(self, v, per_inwoner: bool) -> str:
        """De waarde in een hover of zin (`v` in de eenheid van de as): ‘€ 1,35 acute zorg per €
        preventie’, ‘Collectieve preventie: € 160 per inwoner’."""
        if self.eigen_noemer:
            return f"{self.opmaak(per_inwoner)(v)} {self.na_getal}"
        return f"{self.label}: {waarde_tekst(v, per_inwoner)}" + (" per inwoner" if per_inwoner else "")


VERHOUDING = Indicator(
    "verhouding",
    "€ acute zorg per € collectieve preventie",
    "Acuut/preventie",
    teller=("acute_zorg",),
    noemer="collectieve_preventie",
    regel="verhouding",
    kolom_naam="acuut_per_euro_preventie",
    eenheid_deling="€ acute zorg per € preventie",
    kop_deling="€ acuut per € preventie",
    na_getal="acute zorg per € preventie",
    rangbaar=True,
    in_ranglijst=3,
    leeg="preventie nul of negatief, of (bijna) geen eigen lasten voor acute zorg",
)

# Elke indicator één keer. De keuzelijsten van Kaart en Trends, de ranglijst, de koppen van tabellen, CSV en
# Excel, legenda's, factsheetregels, `sociale-basis indicatoren --indicator` en de kolommen van de marts
# (store.py vult ze in werk.meting in) komen hieruit. De laag ‘acuut’ is geen eigen keuze: die is precies de
# functie acute zorg (data/model/standaard.csv).
INDICATOREN: dict[str, Indicator] = {
    i.naam: i
    for i in [
        VERHOUDING,
        Indicator(
            "collectieve_preventie", "Collectieve preventie", "Preventie", ("collectieve_preventie",), in_ranglijst=1
        ),
        Indicator("acute_zorg", "Acute zorg", "Acute zorg", teller=("acute_zorg",), in_ranglijst=2),
        Indicator("toegang", FUNCTIES["toegang"], "Toegang", teller=("toegang",)),
        Indicator("persoonlijk", f"Laag: {LAGEN['persoonlijk'][0]}", "Persoonlijk", teller=("persoonlijk",)),
        Indicator("informeel", f"Laag: {LAGEN['informeel'][0]}", "Informeel", teller=("informeel",)),
        Indicator(
            "institutioneel", f"Laag: {LAGEN['institutioneel'][0]}", "Institutioneel", teller=("institutioneel",)
        ),
        Indicator("maatwerk", f"Laag: {LAGEN['maatwerk'][0]}", "Maatwerk", teller=("maatwerk",), in_ranglijst=5),
        Indicator(
            "sociale_basis",
            "Sociale basis (persoonlijk, informeel en institutioneel)",
            "Sociale basis",
            teller=("persoonlijk", "informeel", "institutioneel"),
            in_ranglijst=4,
        ),
        Indicator("overig", f"Laag: {LAGEN['overig'][0]}", "Overig", teller=("overig",)),
        Indicator("totaal", "Totaal (alle taakvelden)", "Totaal", teller=("totaal",)),
        Indicator.per_persoon("collectieve_preventie", "bijstand", in_ranglijst=6),
        Indicator.per_persoon("acute_zorg", "bijstand", in_ranglijst=7),
        # Mensen naast geld (CBS zorggebruik, na `ophalen --alleen zorggebruik`).
        Indicator.per_persoon("acute_zorg", "jeugd_verblijf"),
        Indicator.per_persoon("collectieve_preventie", "wmo"),
        Indicator(
            "wmo_per_1000",
            "Wmo-cliënten per 1.000 inwoners",
            "Wmo per 1.000",
            teller=("volume_wmo",),
            noemer="inwoners_wmo",
            factor=1000,
            eenheid_deling="Wmo-cliënten per 1.000 inwoners",
            kop_deling="Wmo-cliënten per 1.000 inwoners",
            na_getal="Wmo-cliënten per 1.000 inwoners",
            leeg="niet gepubliceerd (gemeenten doen vrijwillig mee) of niet opgehaald",
        ),
    ]
}


# -- de indicatoren in SQL (store.py vult ze in; vaste namen uit deze module, nooit invoer) ---------------
def sql_behoeften() -> str:
    return ", ".join(f"('{b.naam}', '{b.maatstaf}', '{b.noemer}')" for b in BEHOEFTEN.values())


def sql_volumes() -> str:
    """Lang naar breed: per maat van behoefte het volume en de inwoners van dezelfde bron."""
    return ", ".join(
        f"max(volume) FILTER (naam = '{b}') AS volume_{b}, max(inwoners) FILTER (naam = '{b}') AS inwoners_{b}"
        for b in BEHOEFTEN
    )


def sql_volumes_herrekend() -> str:
    """Een volume herrekend (werk.herrekend): alleen als elke voorganger met cijfers het heeft."""
    return ",\n       ".join(
        f"CASE WHEN count(p.{v}) = count(p.gm_code) THEN sum(p.{v} * k.aandeel) END AS {v}" for v in VOLUMES
    )


def _som(kolommen) -> str:
    return " + ".join(f'"{k}"' for k in kolommen)


def sql_delingen_sommen() -> str:
    """Per indicator met een eigen noemer: Σ teller en Σ noemer over de leden die beide hebben."""
    regels = []
    for i in INDICATOREN.values():
        if i.eigen_noemer:
            t, n = _som(i.teller), f'"{i.noemer}"'
            regels.append(f'sum({t}) FILTER (telt AND {n} IS NOT NULL) AS "_teller_{i.naam}"')
            regels.append(f'sum({n}) FILTER (telt AND ({t}) IS NOT NULL) AS "_noemer_{i.naam}"')
    return ",\n           ".join(regels)


def sql_delingen() -> str:
    """Per indicator met een eigen noemer haar kolom, met de lege gevallen van haar regel."""
    regels = []
    for i in INDICATOREN.values():
        if i.eigen_noemer:
            args = f'"_teller_{i.naam}", "_noemer_{i.naam}"'
            regel = f"werk.verhouding({args}, geen_eigen_acuut)" if i.regel == "verhouding" else f"werk.deel({args})"
            regels.append(f'{regel}{f" * {i.factor}" if i.factor != 1 else ""} AS "{i.kolom}"')
    return ",\n    ".join(regels)


def sql_in_euro() -> str:
    """De kolommen in euro's (voor constante prijzen): bedragen, per inwoner, en bedragen per persoon."""
    namen = [*BEDRAGEN, *(f"{b}_per_inwoner" for b in BEDRAGEN)]
    namen += [i.kolom for i in INDICATOREN.values() if i.eigen_noemer and i.in_euro]
    return sql_lijst(namen)
