"""Varianten van het standaardmodel: een andere verdeling van 6.1 of een taakveld in een andere
laag, in korte vorm te schrijven (`6.1:inf0.3,inst0.7;6.74a:acuut`) voor een link en een naam.

Een variant wordt een gewoon modelbestand (CSV-bytes) en gaat door `model.lees`: dezelfde
regels als elk ander model, dus een ongeldige variant wordt net zo geweigerd, met rij en kolom.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pandas as pd

from . import begrippen, indicators, model
from .store import Store

TAAKVELD_61 = "6.1"

# Korte namen van de lagen in de link; de volle namen worden ook begrepen.
AFKORTINGEN = {
    "pers": "persoonlijk",
    "inf": "informeel",
    "inst": "institutioneel",
    "maat": "maatwerk",
    "acuut": "acuut",
    "ov": "overig",
}
_KORT = {laag: afk for afk, laag in AFKORTINGEN.items()}

# De lagen waarover 6.1 verdeeld kan worden, met de functie van dat deel: wat buiten de
# sociale basis valt (opvang, inburgering) telt niet als preventie.
LAGEN_61 = {
    "persoonlijk": "collectieve_preventie",
    "informeel": "collectieve_preventie",
    "institutioneel": "collectieve_preventie",
    "overig": "buiten_sociaal_domein",
}

# Wat de pagina aanbiedt om te verplaatsen (de open vragen uit het domeinmodel), met de lagen
# die daar zin hebben. Een link (lees_code) kan niet meer: elke nieuwe variant laadt een model en
# rekent, dus een bezoeker met een link mag alleen kiezen wat de pagina ook biedt (issue 33). Een
# ander model kan met een modelbestand (pagina Model of --model).
VERPLAATSBAAR = {
    "6.74a": ("maatwerk", "acuut"),
    "6.3": ("persoonlijk", "overig"),
    "4.3": ("overig", "informeel", "institutioneel"),
    "5.1": ("overig", "informeel", "institutioneel"),
    "5.3": ("overig", "informeel", "institutioneel"),
    "5.6": ("overig", "informeel", "institutioneel"),
}

# De hoofdfunctie van een laag: een verplaatst taakveld krijgt die, tenzij het standaardmodel
# zijn eigen functie al in die laag gebruikt (6.2 blijft 'toegang' als het institutioneel blijft).
FUNCTIE_VAN_LAAG = {
    "persoonlijk": "bestaanszekerheid",
    "informeel": "collectieve_preventie",
    "institutioneel": "collectieve_preventie",
    "maatwerk": "individuele_ondersteuning",
    "acuut": "acute_zorg",
    "overig": "buiten_sociaal_domein",
}


class VariantFout(ValueError):
    """Een onleesbare korte vorm (bv. uit een link), in woorden voor een gebruiker."""


@dataclass(frozen=True)
class Wijzigingen:
    """Wat een variant anders doet dan het standaardmodel.

    aandelen_61: de verdeling van 6.1 over lagen (laag → aandeel), of leeg voor de standaard.
    gemeten_61: de gemeten verdeling (CBS-categorieën) gebruiken waar die er is; kan alleen bij
        een verdeling over informeel en institutioneel.
    lagen: taakveld → laag voor verplaatste taakvelden (het hele taakveld, in elk schema).
    """

    aandelen_61: tuple[tuple[str, Decimal], ...] = ()
    gemeten_61: bool = True
    lagen: tuple[tuple[str, str], ...] = field(default=())

    @property
    def is_standaard(self) -> bool:
        return not self.aandelen_61 and self.gemeten_61 and not self.lagen

    def code(self) -> str:
        """De korte vorm, bv. '6.1:inf0.3,inst0.7;6.74a:acuut' ('standaard' zonder wijzigingen)."""
        delen = []
        if self.aandelen_61 or not self.gemeten_61:
            stukken = [f"{_KORT.get(laag, laag)}{model._aandeel_tekst(a)}" for laag, a in self.aandelen_61]
            if not self.gemeten_61:
                stukken.append("vast")
            delen.append(f"{TAAKVELD_61}:{','.join(stukken)}")
        delen += [f"{tv}:{_KORT.get(laag, laag)}" for tv, laag in self.lagen]
        return ";".join(delen) or "standaard"

    def bestandsnaam(self) -> str:
        """Een bestandsnaam die zegt wat erin zit: variant_6.1-inf0.3-inst0.7_6.74a-acuut.csv."""
        if self.is_standaard:
            return "standaard.csv"
        return "variant_" + re.sub(r"[^0-9A-Za-z._]+", "-", self.code().replace(";", "_")) + ".csv"

    def omschrijving(self) -> str:
        """In woorden: '6.1: 30% informeel, 70% institutioneel (vast); 6.74a → acuut'."""
        delen = []
        if self.aandelen_61 or not self.gemeten_61:
            tekst = ", ".join(f"{_procent(a)} {laag}" for laag, a in self.aandelen_61) or "standaardverdeling"
            delen.append(f"6.1: {tekst}" + ("" if self.gemeten_61 else " (vast, ook waar gemeten kan)"))
        delen += [f"{tv} → {begrippen.LAGEN.get(laag, (laag,))[0].lower()}" for tv, laag in self.lagen]
        return "; ".join(delen) or "standaardmodel"


def _procent(a: Decimal) -> str:
    return f"{model._aandeel_tekst(a * 100).replace('.', ',')}%"


def maak(
    aandelen_61: dict[str, Decimal | float | str] | None = None,
    gemeten_61: bool = True,
    lagen: dict[str, str] | None = None,
) -> Wijzigingen:
    """Wijzigingen in vaste volgorde (dezelfde variant geeft altijd dezelfde code en sleutel).
    Aandelen van 0 vallen weg; lagen van 6.1 in de volgorde van het model."""
    delen = [(laag, _decimaal(a)) for laag, a in (aandelen_61 or {}).items()]
    if any(a != 0 for _, a in delen):
        delen = [(laag, a) for laag, a in delen if a != 0]  # alles 0 blijft staan: lees weigert het
    volgorde = list(begrippen.LAGEN)
    delen.sort(key=lambda d: volgorde.index(d[0]) if d[0] in volgorde else len(volgorde))
    verplaatst = sorted((lagen or {}).items(), key=lambda t: model._codevolgorde(t[0]))
    return Wijzigingen(tuple(delen), gemeten_61, tuple(verplaatst))


def _decimaal(a) -> Decimal:
    try:
        d = Decimal(str(a).replace(",", "."))
    except InvalidOperation:
        raise VariantFout(f"'{a}' is geen aandeel.") from None
    if not d.is_finite():
        raise VariantFout(f"'{a}' is geen aandeel.")
    return d  # meer dan drie decimalen weigert model.lees, met rij en kolom


def lees_code(code: str) -> Wijzigingen:
    """De korte vorm terug naar Wijzigingen; VariantFout met uitleg als ze niet te lezen is."""
    code = code.strip()
    if code in ("", "standaard"):
        return Wijzigingen()
    aandelen: dict[str, str] = {}
    gemeten = True
    lagen: dict[str, str] = {}
    for deel in code.split(";"):
        taakveld, dubbelepunt, inhoud = deel.strip().partition(":")
        if not dubbelepunt or not model.TAAKVELD.match(taakveld):
            raise VariantFout(f"‘{deel}’ is geen wijziging; schrijf bv. 6.1:inst0.7 of 6.74a:acuut.")
        if taakveld in lagen or (taakveld == TAAKVELD_61 and (aandelen or not gemeten)):
            raise VariantFout(f"taakveld {taakveld} staat twee keer in ‘{code}’.")
        if taakveld == TAAKVELD_61 and inhoud not in AFKORTINGEN and inhoud not in begrippen.LAGEN:
            for stuk in inhoud.split(","):
                if stuk == "vast":
                    gemeten = False
                    continue
                m = re.fullmatch(r"([a-z]+)([0-9.,]+)", stuk)
                laag = AFKORTINGEN.get(m.group(1), m.group(1)) if m else None
                if laag not in LAGEN_61:
                    raise VariantFout(
                        f"‘{stuk}’ in ‘{deel}’: schrijf een laag ({', '.join(_KORT[k] for k in LAGEN_61)}) "
                        "met een aandeel, bv. inst0.7, of ‘vast’."
                    )
                aandelen[laag] = m.group(2)
            if aandelen and len(aandelen) == 1 and "informeel" not in aandelen:
                # 6.1:inst0.7 = 70% institutioneel, de rest informeel (de standaard heeft die twee).
                rest = 1 - _decimaal(next(iter(aandelen.values())))
                aandelen["informeel"] = str(rest)
            continue
        laag = AFKORTINGEN.get(inhoud, inhoud)
        if laag not in begrippen.LAGEN:
            raise VariantFout(
                f"onbekende laag ‘{inhoud}’ bij taakveld {taakveld}; kies uit "
                f"{', '.join(_KORT[k] for k in begrippen.LAGEN)}."
            )
        toegestaan = LAGEN_61 if taakveld == TAAKVELD_61 else VERPLAATSBAAR.get(taakveld, ())
        if laag not in toegestaan:
            raise VariantFout(
                f"taakveld {taakveld} kan in een link niet naar {laag}"
                + (
                    f" (wel: {', '.join(_KORT[k] for k in toegestaan)})."
                    if toegestaan
                    else f"; in een link kunnen alleen 6.1 en {', '.join(VERPLAATSBAAR)} anders."
                )
                + " Een ander model kan met een modelbestand (pagina Model)."
            )
        lagen[taakveld] = laag
    return maak(aandelen, gemeten, lagen)


def bouw(standaard: model.Model, w: Wijzigingen, bestandsnaam: str | None = None) -> model.Model:
    """De variant als gecontroleerd model: de regels van het standaardmodel met de wijzigingen,
    als CSV-bytes door model.lees (InvoerFout met rij en kolom als de variant niet klopt)."""
    if w.is_standaard:
        return standaard
    regels = standaard.regels
    bekend = set(regels["taakveld"])
    for taakveld, _ in w.lagen:
        if taakveld not in bekend:
            raise VariantFout(f"taakveld {taakveld} staat niet in het standaardmodel.")
    # Als gewone dicts: pandas per rij kost hier tienden van seconden, dit een paar milliseconden.
    records = regels[[*model.KOLOMMEN, model.CATEGORIEEN]].to_dict("records")
    per_laag = {(r["laag"], r["functie"]) for r in records}
    per_schema: dict[str, dict[str, list[dict]]] = {}
    for r in records:
        per_schema.setdefault(r["schema"], {}).setdefault(r["taakveld"], []).append(r)
    nieuw = []
    for taakvelden in per_schema.values():
        verplaatst = _volgt_onderdelen(taakvelden, dict(w.lagen))
        for taakveld, rijen in taakvelden.items():
            eerste = rijen[0]
            if taakveld in verplaatst:
                laag = verplaatst[taakveld]
                functie = eerste["functie"] if (laag, eerste["functie"]) in per_laag else FUNCTIE_VAN_LAAG[laag]
                nieuw.append(
                    {
                        **eerste,
                        "laag": laag,
                        "aandeel": Decimal(1),
                        "functie": functie,
                        "toelichting": f"Variant: {taakveld} in laag {laag}. {eerste['toelichting']}",
                        "categorieen": "",
                    }
                )
            elif taakveld == TAAKVELD_61 and (w.aandelen_61 or not w.gemeten_61):
                nieuw += _regels_61(rijen, w)
            else:
                nieuw += rijen
    df = pd.DataFrame(nieuw, columns=[*model.KOLOMMEN, model.CATEGORIEEN])
    tekst = df.assign(aandeel=[model._aandeel_tekst(a) for a in df["aandeel"]]).to_csv(index=False, lineterminator="\n")
    return model.lees(tekst, bestandsnaam or w.bestandsnaam(), wijzigingen=w.code())


def _volgt_onderdelen(taakvelden: dict[str, list[dict]], eigen: dict[str, str]) -> dict[str, str]:
    """Verplaatste taakvelden plus een opgeteld taakveld (zoals 6.74, in de jaarrekening 2024
    alleen als som van 6.74a–c) dat zijn onderdelen volgt als die nu allemaal in één laag vallen;
    anders telt de som anders dan haar onderdelen."""
    uit = {tv: laag for tv, laag in eigen.items() if tv in taakvelden}
    for ouder in set(taakvelden) - set(uit):
        kinderen = [
            c for c in taakvelden if c != ouder and c.startswith(ouder) and len(c) == len(ouder) + 1 and c[-1].isalpha()
        ]
        if not kinderen or not any(k in uit for k in kinderen):
            continue
        nu = set()
        for kind in kinderen:
            lagen = {r["laag"] for r in taakvelden[kind]}
            nu.add(uit[kind] if kind in uit else next(iter(lagen)) if len(lagen) == 1 else None)
        if len(nu) == 1 and None not in nu:
            uit[ouder] = nu.pop()
    return uit


def _regels_61(rijen: list[dict], w: Wijzigingen) -> list[dict]:
    """De regels van 6.1 in één schema volgens de variant; de categorieën (gemeten verdeling)
    blijven alleen als 6.1 over informeel én institutioneel gaat en de variant ze wil."""
    standaard = {r["laag"]: r for r in rijen}
    aandelen = list(w.aandelen_61) or [(laag, r["aandeel"]) for laag, r in standaard.items()]
    gemeten = w.gemeten_61 and {laag for laag, _ in aandelen} == {"informeel", "institutioneel"}
    eerste = rijen[0]
    uit = []
    for laag, aandeel in aandelen:
        bron = standaard.get(laag, eerste)
        uit.append(
            {
                **eerste,
                "laag": laag,
                "aandeel": aandeel,
                "functie": LAGEN_61.get(laag, FUNCTIE_VAN_LAAG.get(laag, eerste["functie"])),
                "toelichting": f"Variant: {w.omschrijving().split('; ')[0]}. {eerste['toelichting']}",
                "categorieen": bron["categorieen"] if gemeten and laag in standaard else "",
            }
        )
    return uit


def herken(standaard: model.Model, m: model.Model) -> model.Model:
    """Is een geüpload model een variant zoals deze module hem maakt (bv. een eerder gedownloade)?
    Dan krijgt het zijn wijzigingen terug, zodat naam en link weer kloppen; anders ongewijzigd."""
    # Een browser maakt van een tweede download 'naam (1).csv'.
    stam = re.sub(r" \(\d+\)$", "", m.naam).removeprefix("variant_")
    if m.naam == "standaard" and m.vingerafdruk == standaard.vingerafdruk:
        return standaard
    if not m.naam.startswith("variant_"):
        return m
    # De bestandsnaam is de korte vorm met '-' en '_'; probeer hem terug te lezen.
    code = ";".join(re.sub(r"^([0-9.a-z]+?)-", r"\1:", d).replace("-", ",") for d in stam.split("_"))
    try:
        kandidaat = bouw(standaard, lees_code(code), f"{m.naam}.csv")
    except (VariantFout, model.InvoerFout):
        return m
    return kandidaat if kandidaat.vingerafdruk == m.vingerafdruk else m


# -- vergeten ------------------------------------------------------------------------------------
def vergeet(store: Store, sleutel: str) -> None:
    """Haal een geladen model weg uit `werk` (regels, gemeten verdeling, caches) en vergeet wat de
    opslag over dat model onthield, zodat opnieuw laden weer helemaal opnieuw rekent."""
    store.vergeet_model(sleutel)


# -- gevoeligheid -----------------------------------------------------------------------------------
STAPPEN_61 = tuple(Decimal(i) / 10 for i in range(11))  # 0%, 10%, …, 100% institutioneel
_GEVOELIGHEID = threading.Lock()  # de tijdelijke modellen hebben vaste sleutels: één tegelijk


def punt(basis: Wijzigingen, institutioneel: Decimal, acuut_674a: bool) -> Wijzigingen:
    """De basis met 6.1 vast verdeeld (institutioneel, de rest informeel) en 6.74a in maatwerk of acuut."""
    lagen = dict(basis.lagen)
    lagen["6.74a"] = "acuut" if acuut_674a else "maatwerk"
    return maak({"informeel": 1 - institutioneel, "institutioneel": institutioneel}, False, lagen)


def gevoeligheid(
    store: Store, standaard: model.Model, basis: Wijzigingen, jaar: int, document: str, maat: str
) -> pd.DataFrame:
    """Hoe de kernverhouding beweegt als 6.1 van 0 tot 100% institutioneel gaat, met 6.74a in
    maatwerk of in acuut: elk punt is een echt geladen model (zelfde rekenweg als elke pagina).

    Eén rij per punt en gemeente (gm_code None = Nederland): institutioneel, acuut_674a,
    acuut_per_euro_preventie, informeel en institutioneel per inwoner."""
    uit = []
    with _GEVOELIGHEID:
        for acuut in (False, True):
            for inst in STAPPEN_61:
                m = bouw(standaard, punt(basis, inst, acuut), "gevoeligheid.csv")
                sleutel = store.laad_model(m)
                try:
                    nl = indicators.groep(store, sleutel, jaar, document, maat).to_frame().T.assign(gm_code=None)
                    per = indicators.per_gemeente(store, sleutel, jaar, document, maat)
                finally:
                    vergeet(store, sleutel)
                for df in (nl, per):
                    uit.append(
                        df[
                            [
                                "gm_code",
                                "acuut_per_euro_preventie",
                                "informeel_per_inwoner",
                                "institutioneel_per_inwoner",
                            ]
                        ].assign(institutioneel=float(inst), acuut_674a=acuut)
                    )
    df = pd.concat(uit, ignore_index=True)
    return df.astype(
        {"acuut_per_euro_preventie": float, "informeel_per_inwoner": float, "institutioneel_per_inwoner": float}
    )
