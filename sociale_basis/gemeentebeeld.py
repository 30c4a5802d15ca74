"""Eén gemeente in één weergave: wat de Gemeente-pagina en de factsheet tonen, één keer
uitgerekend. Beide tekenen dit beeld (de pagina met Streamlit, de factsheet met Typst), zodat elk
getal en elke zin op de PDF per constructie die van de pagina is. Zuiver (geen Streamlit); het
dashboard bewaart het beeld per keuze in zijn cache (dashboard/vragen.gemeentebeeld)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import fmt, indicators, teksten, vergelijkingsgroep
from .begrippen import BEHOEFTEN, INDICATOREN, STANDAARD_BEHOEFTE, VERHOUDING
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
            uit.append(Kerncijfer(ind.label, teksten.bedrag(self.rij, naam, per_inwoner), naast, bedrag=True))
        kolom = VERHOUDING.kolom_verhouding
        uit.append(
            Kerncijfer(
                VERHOUDING.kop_verhouding,
                fmt.factor(self.rij[kolom]),  # leeg zonder eigen acute zorg
                [("Nederland", fmt.factor(self.nl[kolom])), ("mediaan", fmt.factor(self.spreiding["mediaan"]))],
                uitleg="Nederland: gewogen (totaal acute zorg ÷ totaal preventie); mediaan: de middelste "
                "gemeente met een rang.",
            )
        )
        uit.append(
            Kerncijfer(
                f"Rang {VERHOUDING.kop_verhouding.removeprefix('€ ')}",
                str(self.rang) if self.rang else "geen rang",
                [("van", f"{self.gerangschikt} gemeenten")],
                voetnoot="1 = minste acute zorg per euro preventie",
                uitleg=f"{self.gerangschikt} gemeenten gerangschikt op {VERHOUDING.label}; 1 = de minste "
                f"acute zorg per euro preventie. Zonder rang ({len(self.alle) - self.gerangschikt}): "
                "gemeenten zonder verhouding of met (bijna) geen eigen lasten voor acute zorg.",
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
        if self.focusgebied:
            zin += f" NPLV-focusgebied: {self.focusgebied}."
        return zin

    @property
    def negatief(self) -> str | None:
        """Uitleg als een netto bedrag in de kopzin negatief is."""
        return teksten.negatief(self.rij, self.verzoek.maat)

    @property
    def zonder_rang(self) -> str | None:
        """Waarom er geen verhouding of rang is, voluit."""
        return teksten.zonder_rang(self.rij, self.verzoek.maat)

    @property
    def gewogen_en_mediaan(self) -> str:
        """Het gewogen Nederland naast de mediane gemeente, en wat het verschil betekent."""
        return teksten.gewogen_en_mediaan(self.nl[VERHOUDING.kolom_verhouding], self.alle)


def bouw(store: Store, sleutel: str, v: Verzoek) -> Gemeentebeeld | None:
    """Het beeld van `v`, of None als de gemeente voor deze keuze geen cijfers heeft."""
    alle = indicators.per_gemeente(store, sleutel, v.jaar, v.document, v.maat, v.zonder_regio)
    if v.gm_code not in set(alle["gm_code"]):
        return None
    rij = alle.set_index("gm_code").loc[v.gm_code]
    naam = str(rij["gemeente"])
    lijst = indicators.gemeenten(store, v.jaar)
    leden = vergelijkingsgroep.leden(v.groep, lijst, v.gm_code)
    groepnaam = vergelijkingsgroep.omschrijving(v.groep, lijst, v.gm_code, len(leden))
    nl = indicators.groep(store, sleutel, v.jaar, v.document, v.maat, None, v.zonder_regio)
    groep = indicators.groep(store, sleutel, v.jaar, v.document, v.maat, leden, v.zonder_regio) if leden else None
    rang, gerangschikt = indicators.rang(alle, v.gm_code)

    rollen = indicators.regiotaken(store, v.jaar).set_index("gm_code")
    regiotaken = None
    if v.gm_code in rollen.index:
        r = rollen.loc[v.gm_code]
        regiotaken = (list(r["taken"]), int(r["uitkeringsjaar"]))

    # Rekenvoorbeelden, geen voorspelling: naar de mediaan van de groep en naar de gemeentefondsmaatstaf
    # (die is netto, dus alleen bij netto).
    circulaire = indicators.laatste_circulaire(indicators.circulaires(store), v.jaar) if v.maat == "netto" else None
    fonds = None
    if circulaire:
        m = indicators.maatstaf(store, sleutel, v.jaar, v.document, circulaire, v.zonder_regio).set_index("gm_code")
        fonds = m.loc[v.gm_code] if v.gm_code in m.index else None
    wat_als, niets = teksten.wat_als_blokken(
        naam, rij, alle, leden, groepnaam, fonds, circulaire, v.maat, v.document, v.jaar
    )

    behoefte, focusgebied = _behoefte(store, sleutel, v)
    eigen = indicators.eigen_cijfers(store)
    eigen = eigen[(eigen["gm_code"] == v.gm_code) & (eigen["jaar"] == v.jaar) & (eigen["document"] == v.document)]
    return Gemeentebeeld(
        verzoek=v,
        naam=naam,
        rij=rij,
        alle=alle,
        kenmerken=lijst.set_index("gm_code").loc[v.gm_code],
        nl=nl,
        groep=groep,
        leden=leden,
        groepnaam=groepnaam,
        rang=rang,
        gerangschikt=gerangschikt,
        spreiding=indicators.spreiding(alle),
        regiotaken=regiotaken,
        circulaire=circulaire,
        fonds=fonds,
        wat_als=wat_als,
        wat_als_niets=niets,
        eigen_bestand=None if eigen.empty else str(eigen["bestand"].iloc[0]),
        behoefte=behoefte,
        focusgebied=focusgebied,
    )


def _behoefte(store: Store, sleutel: str, v: Verzoek) -> tuple[dict | None, str | None]:
    """De standaardmaat voor behoefte van deze gemeente (zoals de pagina Behoefte), en haar NPLV-focusgebied."""
    nplv = indicators.nplv(store).set_index("gm_code")
    focusgebied = str(nplv.loc[v.gm_code, "focusgebieden"]) if v.gm_code in nplv.index else None
    try:
        df = indicators.behoefte(store, sleutel, v.jaar, v.document, v.maat, STANDAARD_BEHOEFTE, v.zonder_regio)
    except indicators.IndicatorFout:
        return None, focusgebied  # geen volumes in de opslag
    rij = df[df["gm_code"] == v.gm_code]
    if rij.empty:
        return None, focusgebied
    bron, bronjaar = indicators.behoefte_bron(store, v.jaar, STANDAARD_BEHOEFTE)
    r = rij.iloc[0]
    return {
        "waarde_per_1000": float(r["waarde_per_1000"]),
        "kwintiel": int(r["kwintiel"]),
        "preventie_kwintiel": int(r["preventie_kwintiel"]),
        "eenheid": BEHOEFTEN[STANDAARD_BEHOEFTE].eenheid(),
        "bron": bron,
        "bronjaar": bronjaar,
    }, focusgebied
