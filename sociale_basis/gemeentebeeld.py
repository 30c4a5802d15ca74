"""Eén gemeente in één weergave: wat de Gemeente-pagina en de factsheet tonen, één keer
uitgerekend. Beide tekenen dit beeld (de pagina met Streamlit, de factsheet met Typst), zodat elk
getal en elke zin op de PDF per constructie die van de pagina is. Zuiver (geen Streamlit); het
dashboard bewaart het beeld per keuze in zijn cache (dashboard/vragen.gemeentebeeld)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import fmt, indicators, mensen, teksten, vergelijkingsgroep
from .begrippen import (
    ACUUT_KORT,
    BEHOEFTEN,
    INDICATOREN,
    PREVENTIE_KORT,
    STANDAARD_BEHOEFTE,
    STANDAARD_WIJKMAAT,
    VERHOUDING,
    WIJKMATEN,
)
from .store import Store


@dataclass(frozen=True)
class Verzoek:
    """Welke weergave: dezelfde keuzes als de zijbalk (en de opties van `sociale-basis factsheet`)."""

    gm_code: str
    jaar: int
    document: str
    maat: str = "netto"
    groep: vergelijkingsgroep.Groep = field(default_factory=vergelijkingsgroep.Groep)
    zonder_regio: bool = False
    model_naam: str = "standaard"
    model_code: str | None = None  # de ?model=-waarde van een variant, None voor het standaardmodel
    basis_url: str | None = None  # adres van het dashboard; zonder: geen link (nooit een gok als localhost)


@dataclass(frozen=True)
class Kerncijfer:
    """Eén kerncijfer: label, waarde en waarmee te vergelijken [(wie, waarde)]; `bedrag`: per inwoner
    of totaal naar de keuze; `voetnoot` en `uitleg`: korte en lange toelichting."""

    label: str
    waarde: str
    naast: list[tuple[str, str]]
    bedrag: bool = False
    voetnoot: str = ""
    uitleg: str = ""

    def onder(self) -> str:
        """‘Nederland € 212 · groep € 190’: de regel onder het cijfer (factsheet)."""
        return " · ".join([f"{wie} {w}" for wie, w in self.naast] + ([self.voetnoot] if self.voetnoot else []))


@dataclass(frozen=True)
class Gemeentebeeld:
    verzoek: Verzoek
    naam: str
    rij: pd.Series  # marts/indicatoren van deze gemeente
    alle: pd.DataFrame  # alle gemeenten van deze keuze (rang, mediaan, rekenvoorbeelden)
    kenmerken: pd.Series  # provincie en klassen (marts/gemeente_kenmerken)
    nl: pd.Series  # Nederland als geheel (marts/groep)
    groep: pd.Series | None  # de vergelijkingsgroep als geheel, of None zonder leden
    leden: list[str]
    groepnaam: str
    rang: int | None
    gerangschikt: int
    spreiding: dict  # teksten.spreiding van alle gemeenten
    regiotaken: tuple[list[str], int] | None  # (taken, uitkeringsjaar) als centrumgemeente
    circulaire: str | None  # alleen netto: de maatstaf is netto
    fonds: pd.Series | None  # marts/maatstaf van deze gemeente
    wat_als: list[dict]
    wat_als_niets: str | None
    eigen_bestand: str | None  # eigen cijfers (geen CBS): het bestand
    behoefte: dict | None = None  # de standaardmaat voor behoefte: waarde, kwintielen, bron (of None)
    focusgebied: str | None = None  # NPLV-focusgebied(en) in deze gemeente
    hoogste_wijken: list = field(default_factory=list)  # mensen.Wijkrang: de wijken met de meeste bijstand
    # De incidentele stromen in deze cijfers (indicators.incidenteel van deze gemeente): crisisgeld.
    incidenteel: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def maat_tekst(self) -> str:
        return self.verzoek.maat + (f", {teksten.ZONDER_REGIO_KORT}" if self.verzoek.zonder_regio else "")

    def kopzin(self, per_inwoner: bool) -> str:
        v = self.verzoek
        return teksten.kopzin(self.naam, self.rij, v.jaar, v.document, v.maat, per_inwoner, v.zonder_regio)

    def ondertitel(self) -> list[str]:
        """Provincie, inwoners, grootteklasse, stedelijkheid, sociale structuur (wat er is)."""
        k = self.kenmerken
        delen = [
            k["provincie"],
            f"{fmt.getal(self.rij['inwoners'])} inwoners (1 januari {self.verzoek.jaar})",
            k["grootteklasse"],
            k["stedelijkheid"],
            None if pd.isna(k["sociale_structuur"]) else f"sociale structuur {str(k['sociale_structuur']).lower()}",
        ]
        return [str(x) for x in delen if x is not None and not pd.isna(x)]

    def kerncijfers(self, per_inwoner: bool) -> list[Kerncijfer]:
        """Preventie, acute zorg, de verhouding en de rang: dezelfde waarden op pagina en PDF."""
        uit = []
        for naam in ("collectieve_preventie", "acute_zorg"):
            ind = INDICATOREN[naam]
            naast = [("Nederland", teksten.bedrag(self.nl, naam, per_inwoner))]
            if self.groep is not None:
                naast.append(("groep", teksten.bedrag(self.groep, naam, per_inwoner)))
            uitleg = PREVENTIE_KORT if naam == "collectieve_preventie" else ACUUT_KORT
            uit.append(
                Kerncijfer(ind.label, teksten.bedrag(self.rij, naam, per_inwoner), naast, bedrag=True, uitleg=uitleg)
            )
        kolom = VERHOUDING.kolom
        uit.append(
            Kerncijfer(
                VERHOUDING.kop_deling,
                fmt.factor(self.rij[kolom]),  # leeg zonder eigen acute zorg
                [("Nederland", fmt.factor(self.nl[kolom])), ("mediaan", fmt.factor(self.spreiding["mediaan"]))],
                uitleg="Nederland: gewogen (totaal acute zorg ÷ totaal preventie); mediaan: de middelste "
                "gemeente met een rang.",
            )
        )
        uit.append(
            Kerncijfer(
                f"Rang {VERHOUDING.kop_deling.removeprefix('€ ')}",
                str(self.rang) if self.rang else "geen rang",
                [("van", f"{self.gerangschikt} gemeenten")],
                voetnoot="1 = minste acute zorg per euro preventie",
                uitleg=f"{self.gerangschikt} gemeenten gerangschikt op {VERHOUDING.label}; 1 = de minste "
                f"acute zorg per euro preventie. Zonder rang ({len(self.alle) - self.gerangschikt}): "
                f"{teksten.REDENEN_ZONDER_RANG}.",
            )
        )
        return uit

    def regiorol_zin(self, zijbalk: bool) -> str | None:
        if self.regiotaken is None:
            return None
        taken, jaar = self.regiotaken
        return teksten.regiorol_zin(taken, jaar, self.verzoek.zonder_regio, zijbalk=zijbalk)

    @property
    def behoefte_zin(self) -> str | None:
        """‘Behoefte: 43,3 bijstandsontvangers per 1.000 inwoners (kwintiel 5 van 5); preventie per
        inwoner: kwintiel 1 van 5.’ met de bron, en het NPLV-focusgebied als de gemeente er een heeft."""
        if self.behoefte is None:
            return None
        b = self.behoefte
        zin = (
            f"Behoefte: {fmt.getal(b['waarde_per_1000'], 1)} {b['eenheid']} (kwintiel {b['kwintiel']} van 5); "
            f"preventie per inwoner: kwintiel {b['preventie_kwintiel']} van 5 (1 = minste; "
            f"{teksten.behoefte_bron(b['bron'], b['bronjaar'])})."
        )
        # De indicatoren per persoon van deze maat uit het register (Σ ÷ Σ, naast Nederland; geen rang).
        per_persoon = [
            f"{i.kop(True).lower()} {fmt.euro(self.rij[i.kolom])} (Nederland {fmt.euro(self.nl[i.kolom])})"
            for i in INDICATOREN.values()
            if i.behoefte == STANDAARD_BEHOEFTE and not pd.isna(self.rij.get(i.kolom))
        ]
        if per_persoon:
            # Naast het getal wat het is (de uitgaven van de hele gemeente, niet wat één persoon krijgt) en, bij
            # crisisgeld in preventie of acute zorg, dat het getal daardoor vertekend is.
            zin += (
                " Uitgaven per persoon (alle uitgaven ÷ het aantal, niet wat één persoon krijgt): "
                + "; ".join(per_persoon)
                + (", vertekend door incidenteel crisisgeld" if bool(self.rij.get("vertekend")) else "")
                + "."
            )
        if self.focusgebied:
            zin += f" NPLV-focusgebied: {self.focusgebied}."
        return zin

    @property
    def wijken_zin(self) -> str | None:
        """‘Wijken met de meeste bijstand: Heerlerheide (95,2 per 1.000 inwoners, 2023), …’ (CBS, per wijk)."""
        if not self.hoogste_wijken:
            return None
        m = WIJKMATEN[STANDAARD_WIJKMAAT]
        return (
            f"Wijken met de meeste {m.label.lower()} ({m.eenheid}; CBS Kerncijfers wijken en buurten): "
            + "; ".join(f"{w.wijk} {fmt.getal(w.waarde, 1)} ({w.jaar})" for w in self.hoogste_wijken)
            + "."
        )

    @property
    def negatief(self) -> str | None:
        """Uitleg als een netto bedrag in de kopzin negatief is."""
        return teksten.negatief(self.rij, self.verzoek.maat)

    @property
    def zonder_rang(self) -> str | None:
        """Waarom er geen verhouding of rang is, voluit."""
        v = self.verzoek
        vertekenend = self.incidenteel[self.incidenteel["vertekent"]] if not self.incidenteel.empty else None
        kant = teksten.kanttekening(vertekenend, v.document, v.jaar) if vertekenend is not None else None
        return teksten.zonder_rang(self.rij, v.maat, kant or None)

    def incidenteel_zin(self, pagina: bool) -> str | None:
        """‘Let op: deze jaarrekening 2023 (netto) bevat incidenteel geld …’, of None zonder crisisgeld.
        `pagina`: met de verwijzing naar de pagina Begroting en werkelijkheid (niet op de PDF)."""
        v = self.verzoek
        return teksten.incidenteel_bij_cijfers(self.incidenteel, v.document, v.jaar, v.maat, verwijzing=pagina)

    @property
    def gewogen_en_mediaan(self) -> str:
        """Het gewogen Nederland naast de mediane gemeente, en wat het verschil betekent."""
        return teksten.gewogen_en_mediaan(self.nl[VERHOUDING.kolom], self.alle)


@dataclass(frozen=True)
class Land:
    """Wat voor elke gemeente van één keuze (jaar, document, maat, regio) hetzelfde is: alle
    gemeenten, Nederland, de rollen, de maatstaf, de behoefte. Eén keer gevraagd, zodat een andere
    gemeente (een wissel op de pagina, de volgende factsheet) alleen haar eigen rij en groep kost."""

    alle: pd.DataFrame
    lijst: pd.DataFrame
    nl: pd.Series
    rollen: pd.DataFrame
    circulaire: str | None
    maatstaf: pd.DataFrame | None
    behoefte: pd.DataFrame | None  # None: geen volumes in de opslag
    behoefte_bron: tuple[str, int] | None
    nplv: pd.DataFrame
    eigen: pd.DataFrame
    spreiding: dict
    incidenteel: pd.DataFrame  # de incidentele stromen van alle gemeenten in deze keuze


def land(store: Store, sleutel: str, jaar: int, document: str, maat: str, zonder_regio: bool) -> Land:
    alle = indicators.per_gemeente(store, sleutel, jaar, document, maat, zonder_regio)
    # De maatstaf is netto, dus alleen bij netto; de laatste circulaire voor dit jaar.
    circulaire = indicators.laatste_circulaire(indicators.circulaires(store), jaar) if maat == "netto" else None
    maatstaf = None
    if circulaire:
        maatstaf = indicators.maatstaf(store, sleutel, jaar, document, circulaire, zonder_regio).set_index("gm_code")
    try:
        behoefte = indicators.behoefte(store, sleutel, jaar, document, maat, STANDAARD_BEHOEFTE, zonder_regio)
        bron = indicators.behoefte_bron(store, jaar, STANDAARD_BEHOEFTE)
    except indicators.IndicatorFout:
        behoefte, bron = None, None
    eigen = indicators.eigen_cijfers(store)
    return Land(
        alle=alle,
        lijst=indicators.gemeenten(store, jaar),
        nl=indicators.groep(store, sleutel, jaar, document, maat, None, zonder_regio),
        rollen=indicators.regiotaken(store, jaar).set_index("gm_code"),
        circulaire=circulaire,
        maatstaf=maatstaf,
        behoefte=behoefte,
        behoefte_bron=bron,
        nplv=indicators.nplv(store).set_index("gm_code"),
        eigen=eigen[(eigen["jaar"] == jaar) & (eigen["document"] == document)],
        spreiding=indicators.spreiding(alle),
        incidenteel=indicators.incidenteel(store, sleutel, jaar, document, maat),
    )


def bouw(store: Store, sleutel: str, v: Verzoek, land_: Land | None = None) -> Gemeentebeeld | None:
    """Het beeld van `v`, of None als de gemeente voor deze keuze geen cijfers heeft. `land_`: wat
    voor alle gemeenten van deze keuze hetzelfde is (uit een cache of van de vorige gemeente)."""
    ld = land_ or land(store, sleutel, v.jaar, v.document, v.maat, v.zonder_regio)
    alle = ld.alle
    if v.gm_code not in set(alle["gm_code"]):
        return None
    rij = alle.set_index("gm_code").loc[v.gm_code]
    naam = str(rij["gemeente"])
    leden = vergelijkingsgroep.leden(v.groep, ld.lijst, v.gm_code)
    groepnaam = vergelijkingsgroep.omschrijving(v.groep, ld.lijst, v.gm_code, len(leden))
    groep = indicators.groep(store, sleutel, v.jaar, v.document, v.maat, leden, v.zonder_regio) if leden else None
    rang, gerangschikt = indicators.rang(alle, v.gm_code)

    regiotaken = None
    if v.gm_code in ld.rollen.index:
        r = ld.rollen.loc[v.gm_code]
        regiotaken = (list(r["taken"]), int(r["uitkeringsjaar"]))

    # Rekenvoorbeelden, geen voorspelling: naar de mediaan van de groep en naar de gemeentefondsmaatstaf.
    fonds = None
    if ld.maatstaf is not None and v.gm_code in ld.maatstaf.index:
        fonds = ld.maatstaf.loc[v.gm_code]
    wat_als, niets = teksten.wat_als_blokken(
        naam, rij, alle, leden, groepnaam, fonds, ld.circulaire, v.maat, v.document, v.jaar
    )

    behoefte, focusgebied = _behoefte(ld, v.gm_code)
    eigen = ld.eigen[ld.eigen["gm_code"] == v.gm_code]
    return Gemeentebeeld(
        verzoek=v,
        naam=naam,
        rij=rij,
        alle=alle,
        kenmerken=ld.lijst.set_index("gm_code").loc[v.gm_code],
        nl=ld.nl,
        groep=groep,
        leden=leden,
        groepnaam=groepnaam,
        rang=rang,
        gerangschikt=gerangschikt,
        spreiding=ld.spreiding,
        regiotaken=regiotaken,
        circulaire=ld.circulaire,
        fonds=fonds,
        wat_als=wat_als,
        wat_als_niets=niets,
        eigen_bestand=None if eigen.empty else str(eigen["bestand"].iloc[0]),
        behoefte=behoefte,
        focusgebied=focusgebied,
        hoogste_wijken=mensen.hoogste(store, v.gm_code),
        incidenteel=ld.incidenteel[ld.incidenteel["gm_code"] == v.gm_code],
    )


def _behoefte(ld: Land, gm_code: str) -> tuple[dict | None, str | None]:
    """De standaardmaat voor behoefte van deze gemeente (zoals de pagina Behoefte), en haar NPLV-focusgebied."""
    focusgebied = str(ld.nplv.loc[gm_code, "focusgebieden"]) if gm_code in ld.nplv.index else None
    if ld.behoefte is None:
        return None, focusgebied  # geen volumes in de opslag
    rij = ld.behoefte[ld.behoefte["gm_code"] == gm_code]
    if rij.empty:
        return None, focusgebied
    bron, bronjaar = ld.behoefte_bron
    r = rij.iloc[0]
    return {
        "waarde_per_1000": float(r["waarde_per_1000"]),
        "kwintiel": int(r["kwintiel"]),
        "preventie_kwintiel": int(r["preventie_kwintiel"]),
        "eenheid": BEHOEFTEN[STANDAARD_BEHOEFTE].eenheid(),
        "bron": bron,
        "bronjaar": bronjaar,
    }, focusgebied
