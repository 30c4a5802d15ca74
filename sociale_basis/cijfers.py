"""De cijfers achter elke grafiek van charts.py, als tabel: het tekstalternatief onder de grafiek
(‘Cijfers achter deze grafiek’) en wat CSV en Excel meekrijgen. Eén functie per grafiek, uit
dezelfde invoer en met dezelfde rekenhulpen als de figuur, zodat tabel en grafiek niet uiteenlopen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from . import begrippen, charts, fmt, teksten
from .begrippen import LAGEN


@dataclass(frozen=True)
class Tabel:
    """`ruw`: de getallen zoals de grafiek ze toont, met Nederlandse kolomkoppen (voor CSV en Excel).
    `opmaak`: per kolom de Nederlandse notatie op het scherm. Een kolom `gm_code` reist alleen mee in
    de bestanden (daar markeert csv_knop eigen cijfers mee)."""

    ruw: pd.DataFrame
    opmaak: dict[str, Callable[[object], str]] = field(default_factory=dict)

    def leesbaar(self) -> pd.DataFrame:
        uit = self.ruw.drop(columns=["gm_code"], errors="ignore")
        return uit.assign(**{k: [f(None if pd.isna(v) else v) for v in uit[k]] for k, f in self.opmaak.items()})


def _bedrag(per_inwoner: bool) -> Callable[[object], str]:
    return lambda v: begrippen.waarde_tekst(v, per_inwoner) if v is not None else fmt.LEEG


def lagen(reeksen: list[tuple[str, pd.Series]], per_inwoner: bool) -> Tabel:
    """charts.lagen_staaf en lagen_vergelijking: een rij per laag, een kolom per reeks (gemeente,
    groep, Nederland) in de eenheid van de as."""
    eenheid = begrippen.eenheid(per_inwoner)
    # Onder de vijf lagen de functies van de kop (begrippen.PREVENTIE_DEFINITIE): geen optelsom van lagen,
    # maar wie ‘collectieve preventie € 76’ citeert, vindt dat getal zo ook in het bestand.
    kolommen = {
        f"{naam} ({eenheid})": charts.laagwaarden(rij, per_inwoner)
        + [float(begrippen.schaal(rij[f"{f}_per_inwoner" if per_inwoner else f], per_inwoner)) for f in KOPFUNCTIES]
        for naam, rij in reeksen
    }
    ruw = pd.DataFrame(
        {
            "Laag": [LAGEN[laag][0] for laag in charts.VIJF_LAGEN]
            + [f"{begrippen.FUNCTIES[f]} (functie, geen laag)" for f in KOPFUNCTIES],
            "Soort": ["laag"] * len(charts.VIJF_LAGEN) + ["functie"] * len(KOPFUNCTIES),
            **kolommen,
        }
    )
    return Tabel(ruw, {k: _bedrag(per_inwoner) for k in kolommen})


# De functies onder de lagen in lagen(): de twee van de kop en de toegang, het verschil tussen
# informeel + institutioneel en collectieve preventie.
KOPFUNCTIES = ("collectieve_preventie", "toegang", "acute_zorg")


def lagen_vergelijking(
    gemeente: pd.Series, groep: pd.Series | None, nl: pd.Series, naam: str, per_inwoner: bool
) -> Tabel:
    """Zoals de grafiek: groep en Nederland alleen per inwoner (totalen zijn niet vergelijkbaar)."""
    reeksen = [(naam, gemeente)]
    if per_inwoner:
        reeksen += [(wie, rij) for wie, rij in (("Vergelijkingsgroep", groep), ("Nederland", nl)) if rij is not None]
    return lagen(reeksen, per_inwoner)


def verhouding_verdeling(df: pd.DataFrame) -> Tabel:
    """Het histogram: per klasse hoeveel gemeenten (dezelfde klassen als de grafiek)."""
    _, _, aantallen, etiketten = charts.verdeling_klassen(df["acuut_per_euro_preventie"])
    return Tabel(
        pd.DataFrame({"€ acute zorg per € preventie": etiketten, "Aantal gemeenten": aantallen}),
        {"Aantal gemeenten": fmt.getal},
    )


def _sorteernaam(namen: pd.Series) -> pd.Series:
    """’s-Gravenhage bij de G, zoals in een Nederlandse lijst."""
    return namen.str.replace(r"^'s-", "", regex=True).str.lower()


def _per_gemeente(
    d: pd.DataFrame,
    gekozen: str | None,
    groep: list[str],
    kolommen: dict[str, str],
    opmaak: dict[str, Callable[[object], str]],
) -> Tabel:
    """Eén rij per stip: de gekozen gemeente, dan de groep, dan de rest, elk op naam."""
    rol = [
        "gekozen gemeente" if c == gekozen else "vergelijkingsgroep" if c in set(groep) else "overige gemeenten"
        for c in d["gm_code"]
    ]
    volgorde = {"gekozen gemeente": 0, "vergelijkingsgroep": 1, "overige gemeenten": 2}
    ruw = (
        d.assign(_rol=rol, _volgorde=[volgorde[r] for r in rol], _naam=_sorteernaam(d["gemeente"]))
        .sort_values(["_volgorde", "_naam"])[["gm_code", "gemeente", "_rol", *kolommen]]
        .rename(columns={"gemeente": "Gemeente", "_rol": "In de grafiek", **kolommen})
    )
    return Tabel(ruw.reset_index(drop=True), opmaak)


def spreiding(df: pd.DataFrame, gekozen: str | None, groep: list[str], per_inwoner: bool) -> Tabel:
    """charts.spreiding: preventie (x) en acute zorg (y) per gemeente, plus hun verhouding."""
    eenheid = begrippen.eenheid(per_inwoner)
    x = "collectieve_preventie_per_inwoner" if per_inwoner else "collectieve_preventie"
    y = "acute_zorg_per_inwoner" if per_inwoner else "acute_zorg"
    d = df.assign(**{x: begrippen.schaal(df[x], per_inwoner), y: begrippen.schaal(df[y], per_inwoner)})
    kolommen = {
        x: f"Collectieve preventie ({eenheid})",
        y: f"Acute zorg ({eenheid})",
        "acuut_per_euro_preventie": "€ acuut per € preventie",
    }
    return _per_gemeente(
        d,
        gekozen,
        groep,
        kolommen,
        {kolommen[x]: _bedrag(per_inwoner), kolommen[y]: _bedrag(per_inwoner), "€ acuut per € preventie": fmt.factor},
    )


# De indicatoren van de ranglijst, per inwoner, in de volgorde die het register zegt (Indicator.in_ranglijst).
RANGLIJST_INDICATOREN = [
    i.naam for i in sorted(begrippen.INDICATOREN.values(), key=lambda i: i.in_ranglijst) if i.in_ranglijst
]


def ranglijst(
    df: pd.DataFrame,
    rang: pd.Series,
    rollen: pd.DataFrame,
    eigen: set[str],
    rang_kop: str = "Rang",
    kanttekeningen: dict[str, str] | None = None,
) -> Tabel:
    """De ranglijst van Vergelijken, voor scherm, CSV en Excel gelijk. `rang`: per rij van `df` de
    rang (indicators.rangen; leeg zonder rang, en dan is ook de verhouding leeg: werk.verhouding),
    met de reden in ‘Opmerking’ en de rol als centrumgemeente erbij. `rang_kop` zegt waarbinnen
    (‘Rang in deze groep’ is geen landelijke rang). `eigen`: gm-codes met eigen cijfers, herkenbaar aan ✎.
    `kanttekeningen`: het crisisgeld per gemeente (teksten.kanttekeningen), in ‘Opmerking’."""
    t = df.assign(_rang=rang.astype("Int64"))
    # Als Series met tekst-dtype: ook een lege lijst (een groep zonder cijfers) blijft sorteerbaar op naam.
    t["gemeente"] = pd.Series(
        [f"{n} ✎ eigen cijfers" if c in eigen else str(n) for c, n in zip(t["gm_code"], t["gemeente"])],
        index=t.index,
        dtype="object",
    )
    t["_naam"] = _sorteernaam(t["gemeente"])
    t = t.sort_values(["_rang", "_naam"], na_position="last")
    ruw = pd.DataFrame(
        {rang_kop: t["_rang"], "gm_code": t["gm_code"], "Gemeente": t["gemeente"], "Inwoners": t["inwoners"]}
    )
    opmaak = {"Inwoners": fmt.getal}
    for naam in RANGLIJST_INDICATOREN:
        ind = begrippen.INDICATOREN[naam]
        ruw[ind.kop(True)] = ind.waarden(t, True)
        opmaak[ind.kop(True)] = ind.opmaak(True)
    ruw["Centrumgemeente voor"] = teksten.centrumtaken(rollen, t["gm_code"])
    ruw["Opmerking"] = teksten.opmerkingen(t, kanttekeningen)
    return Tabel(ruw.reset_index(drop=True), opmaak)


def maatstaf(
    df: pd.DataFrame, x_kol: str, y_kol: str, gekozen: str | None, groep: list[str], as_x: str, as_y: str
) -> Tabel:
    """charts.maatstaf: uitkering (x) en uitgaven (y) per inwoner, plus het verschil."""
    d = df.assign(_verschil=df[y_kol] - df[x_kol])
    kolommen = {
        x_kol: as_x[:1].upper() + as_x[1:],
        y_kol: as_y[:1].upper() + as_y[1:],
        "_verschil": "Verschil (uitgaven − uitkering), € per inwoner",
    }
    return _per_gemeente(d, gekozen, groep, kolommen, {k: fmt.euro for k in kolommen.values()})


def kaart(
    df: pd.DataFrame,
    kolom: str,
    indicator: begrippen.Indicator,
    per_inwoner: bool,
    rollen: pd.DataFrame | None = None,
    kanttekeningen: dict[str, str] | None = None,
    getoond: pd.Series | None = None,
) -> Tabel:
    """charts.kaart: per gemeente de waarde (`kolom`, in de eenheid van de legenda) en haar
    kleurklasse (dezelfde klassen als de legenda); zonder waarde: grijs. Met `rollen`
    (marts/regiotaken op gm_code) ook de rol als centrumgemeente en waarom een gemeente geen eigen
    acute zorg heeft, zoals in de hover van de kaart. `getoond`: de waarden die een kleur krijgen als dat
    er minder zijn dan in `kolom` (een vertekende verhouding staat in de tabel, maar kleurt niet mee)."""
    kop = indicator.label if indicator.eigen_noemer else f"{indicator.label} ({indicator.eenheid(per_inwoner)})"
    getoond = df[kolom] if getoond is None else getoond
    met = df[getoond.notna()]
    nummer, _, etiketten = charts.klassen(met[kolom])
    klasse = pd.Series([etiketten[n] for n in nummer], index=met.index, dtype="object")
    ruw = pd.DataFrame(
        {
            "gm_code": df["gm_code"],
            "Gemeente": df["gemeente"],
            kop: df[kolom],
            # Wel een waarde maar geen kleur: geen rang (wit op de kaart, charts.GEEN_RANG).
            "Klasse op de kaart": klasse.reindex(df.index)
            .where(lambda k: k.notna() | df[kolom].isna(), "geen rang (wit)")
            .fillna("geen waarde (grijs)"),
            "_naam": _sorteernaam(df["gemeente"]),
        }
    )
    if rollen is not None:
        ruw["Centrumgemeente voor"] = teksten.centrumtaken(rollen, df["gm_code"])
        ruw["Opmerking"] = teksten.opmerkingen(df, kanttekeningen)
    opmaak = indicator.opmaak(per_inwoner)
    return Tabel(
        ruw.sort_values("_naam").drop(columns="_naam").reset_index(drop=True),
        {kop: lambda v: fmt.LEEG if v is None else opmaak(v)},
    )


def trend(
    reeksen: list[tuple[str, str, pd.DataFrame]],
    kolom: str,
    as_titel: str,
    waarde: Callable[[object], str],
    medianen: list[tuple[str, str, pd.DataFrame]] = (),
) -> Tabel:
    """charts.trend: een rij per jaar en document, een kolom per reeks (in de eenheid van de as);
    bij `medianen` ook het eerste en derde kwartiel (de middelste helft van de gemeenten)."""
    alle = list(reeksen) + list(medianen)
    ruw = pd.concat(
        [pd.DataFrame(columns=["jaar", "document"])] + [df[["jaar", "document"]] for _, _, df in alle]
    ).drop_duplicates()
    namen = []
    for naam, _, df in reeksen:
        naam = f"{naam} ({as_titel})"
        namen.append(naam)
        ruw = ruw.merge(
            df[["jaar", "document", kolom]].rename(columns={kolom: naam}), on=["jaar", "document"], how="left"
        )
    for naam, _, df in medianen:
        wie = naam.split(":")[0]
        kolommen = {kolom: f"{naam} ({as_titel})", "q1": f"{wie}: 1e kwartiel", "q3": f"{wie}: 3e kwartiel"}
        namen += list(kolommen.values())
        ruw = ruw.merge(
            df[["jaar", "document", *kolommen]].rename(columns=kolommen), on=["jaar", "document"], how="left"
        )
    ruw = ruw.sort_values(["jaar", "document"]).rename(columns={"jaar": "Jaar", "document": "Document"})
    return Tabel(ruw.reset_index(drop=True), {"Jaar": lambda j: str(int(j)), **{n: waarde for n in namen}})


def gevoeligheid(reeksen: list[tuple[str, str, str, pd.DataFrame]]) -> Tabel:
    """charts.gevoeligheid: per deel van 6.1 dat institutioneel telt, de verhouding per reeks."""
    ruw = pd.concat(
        [pd.DataFrame(columns=["institutioneel"])] + [df[["institutioneel"]] for _, _, _, df in reeksen]
    ).drop_duplicates()
    for naam, _, _, df in reeksen:
        ruw = ruw.merge(
            df[["institutioneel", "acuut_per_euro_preventie"]].rename(columns={"acuut_per_euro_preventie": naam}),
            on="institutioneel",
            how="left",
        )
    ruw = ruw.sort_values("institutioneel").assign(institutioneel=lambda d: d["institutioneel"] * 100)
    ruw = ruw.rename(columns={"institutioneel": "6.1 institutioneel (%)"})
    return Tabel(
        ruw.reset_index(drop=True),
        {"6.1 institutioneel (%)": lambda v: f"{fmt.getal(v)}%", **{naam: fmt.factor for naam, _, _, _ in reeksen}},
    )


def behoefte(
    df: pd.DataFrame, y_kol: str, as_x: str, as_y: str, y_opmaak, gekozen: str | None, groep: list[str]
) -> Tabel:
    """charts.behoefte: per gemeente de behoefte, haar kwintiel en de waarde op de y-as."""
    kolommen = {"waarde_per_1000": as_x[:1].upper() + as_x[1:], "kwintiel": "Kwintiel behoefte", y_kol: as_y}
    t = _per_gemeente(df, gekozen, groep, kolommen, {kolommen["waarde_per_1000"]: lambda v: fmt.getal(v, 1)})
    return Tabel(
        t.ruw, {**t.opmaak, as_y: y_opmaak, "Kwintiel behoefte": lambda v: fmt.LEEG if v is None else str(int(v))}
    )


KWINTIELEN = {
    "kwintiel": "Kwintiel (1 = minste behoefte)",
    "gemeenten": "Gemeenten",
    "inwoners": "Inwoners",
    "laagste_per_1000": "Behoefte van",
    "hoogste_per_1000": "Behoefte tot",
    "preventie_per_inwoner_gewogen": "Preventie per inwoner (gewogen)",
    "preventie_per_inwoner_mediaan": "Preventie per inwoner (mediane gemeente)",
    "acute_zorg_per_inwoner_gewogen": "Acute zorg per inwoner (gewogen)",
    "acute_zorg_per_inwoner_mediaan": "Acute zorg per inwoner (mediane gemeente)",
    "acuut_per_euro_preventie_gewogen": "€ acuut per € preventie (gewogen)",
    "preventie_per_persoon_gewogen": "Preventie per persoon (gewogen)",
}


def behoefte_kwintielen(per_kwintiel: pd.DataFrame, persoon: str) -> Tabel:
    """indicators.per_kwintiel voor scherm en bestand; `persoon` noemt wie ‘per persoon’ is."""
    koppen = {**KWINTIELEN, "preventie_per_persoon_gewogen": f"Preventie per {persoon} (gewogen)"}
    ruw = per_kwintiel[list(koppen)].rename(columns=koppen)
    opmaak = {k: fmt.euro for k in ruw.columns if "per inwoner" in k or "per " + persoon in k}
    return Tabel(
        ruw,
        {
            **opmaak,
            koppen["kwintiel"]: lambda v: str(int(v)),
            "Gemeenten": fmt.getal,
            "Inwoners": fmt.getal,
            "Behoefte van": lambda v: fmt.getal(v, 1),
            "Behoefte tot": lambda v: fmt.getal(v, 1),
            koppen["acuut_per_euro_preventie_gewogen"]: fmt.factor,
        },
    )


def veel_behoefte_weinig_preventie(
    df: pd.DataFrame, mediaan: float, rollen: pd.DataFrame, nplv: pd.DataFrame, as_x: str, persoon: str
) -> Tabel:
    """De gemeenten in het kwintiel met de meeste behoefte die minder aan collectieve preventie per
    inwoner uitgeven dan de mediane gemeente van Nederland (`mediaan`), met hun rol als
    centrumgemeente en hun NPLV-focusgebied. Een gemeente met crisisgeld in preventie of acute zorg
    (`vertekend`) staat er wel, maar onderaan en met de reden: haar preventie is geen keuze van dat jaar."""
    d = df[(df["kwintiel"] == 5) & (df["collectieve_preventie_per_inwoner"] < mediaan)]
    vertekend = d["vertekend"] if "vertekend" in d else pd.Series(False, index=d.index)
    d = d.assign(_vertekend=vertekend.astype(bool)).sort_values(["_vertekend", "collectieve_preventie_per_inwoner"])
    gebieden = nplv.set_index("gm_code")["focusgebieden"] if not nplv.empty else pd.Series(dtype="object")
    ruw = pd.DataFrame(
        {
            "gm_code": d["gm_code"],
            "Gemeente": d["gemeente"],
            as_x[:1].upper() + as_x[1:]: d["waarde_per_1000"],
            "Preventie per inwoner": d["collectieve_preventie_per_inwoner"],
            f"Preventie per {persoon}": d["preventie_per_persoon"],
            "Acute zorg per inwoner": d["acute_zorg_per_inwoner"],
            "Centrumgemeente voor": teksten.centrumtaken(rollen, d["gm_code"]),
            "NPLV-focusgebied": [str(gebieden.get(c, "")) for c in d["gm_code"]],
            "Opmerking": [
                "crisisgeld in preventie of acute zorg (opvang, corona): niet gerangschikt" if v else ""
                for v in d["_vertekend"]
            ],
        }
    )
    return Tabel(
        ruw.reset_index(drop=True),
        {
            as_x[:1].upper() + as_x[1:]: lambda v: fmt.getal(v, 1),
            "Preventie per inwoner": fmt.euro,
            f"Preventie per {persoon}": fmt.euro,
            "Acute zorg per inwoner": fmt.euro,
        },
    )


# -- begroting en werkelijkheid ---------------------------------------------------------------------
def realisatie_reeks(df: pd.DataFrame) -> Tabel:
    """charts.realisatie_reeks: per jaar en bedrag begroting, jaarrekening, verschil (€ en %), de maat en
    het deel dat incidenteel is."""
    d = df[df["functie"].isin([f for f, *_ in charts.REALISATIE_REEKSEN])]
    ruw = pd.DataFrame(
        {
            "Jaar": d["jaar"].astype(int),
            "Maat": d["maat"],
            "Bedrag": d["functie"].map(begrippen.FUNCTIES),
            "Begroting (€)": d["begroting"],
            "Jaarrekening (€)": d["jaarrekening"],
            "Verschil (€)": d["verschil"],
            "Verschil (%)": d["verschil"] / d["begroting"] * 100,
            "Waarvan incidenteel (€)": d["incidenteel_bedrag"],
            "Verschil zonder incidenteel (%)": d["verschil_zonder_incidenteel"] / d["begroting"] * 100,
        }
    ).sort_values(["Jaar", "Bedrag"])
    euro = {k: fmt.bedrag for k in ruw.columns if "(€)" in k}
    pct = {k: (lambda v: fmt.LEEG if v is None else f"{fmt.getal(v, 1)}%") for k in ruw.columns if "(%)" in k}
    return Tabel(ruw.reset_index(drop=True), {"Jaar": lambda j: str(int(j)), **euro, **pct})


def realisatie_staaf(df: pd.DataFrame, per_inwoner: bool) -> Tabel:
    """charts.realisatie_staaf: per bedrag begroting, jaarrekening, verschil en realisatie."""
    rijen = charts.realisatie_rijen(df)
    eenheid = begrippen.eenheid(per_inwoner)
    deel = 1 if not per_inwoner else None
    ruw = pd.DataFrame(
        [
            {
                "Bedrag": naam,
                f"Begroting ({eenheid})": begrippen.schaal(r["begroting"] / (deel or r["inwoners"]), per_inwoner),
                f"Jaarrekening ({eenheid})": begrippen.schaal(r["jaarrekening"] / (deel or r["inwoners"]), per_inwoner),
                "Realisatie (%)": r["realisatie_pct"],
            }
            for naam, r in rijen
        ]
    )
    bedrag = _bedrag(per_inwoner)
    return Tabel(
        ruw,
        {
            f"Begroting ({eenheid})": bedrag,
            f"Jaarrekening ({eenheid})": bedrag,
            "Realisatie (%)": lambda v: fmt.LEEG if v is None else f"{fmt.getal(v, 1)}%",
        },
    )


def verdringing(per_kwintiel: pd.DataFrame) -> Tabel:
    """charts.verdringing: per kwintiel aantal, overschrijding en de extra groei (procentpunt)."""
    ruw = pd.DataFrame(
        {
            "Kwintiel overschrijding": per_kwintiel["kwintiel"].astype(int),
            "Gemeente-jaren": per_kwintiel["gemeentejaren"].astype(int),
            "Mediane overschrijding t.o.v. het jaar (procentpunt)": per_kwintiel["overschrijding"] * 100,
            "Mediane extra groei preventie (procentpunt)": per_kwintiel["mediaan"] * 100,
            "1e kwartiel": per_kwintiel["q1"] * 100,
            "3e kwartiel": per_kwintiel["q3"] * 100,
        }
    )
    een = lambda v: fmt.getal(v, 1)  # noqa: E731
    return Tabel(ruw, {k: een for k in ruw.columns[2:]} | {"Gemeente-jaren": fmt.getal})


def gebruik(reeks: pd.DataFrame, namen: dict[str, str], as_titel: str, waarde) -> Tabel:
    """charts.gebruik: een rij per jaar, een kolom per wie, met voorlopig en de breuk erbij."""
    breed = reeks.pivot_table(index="jaar", columns="wie", values="waarde", aggfunc="first")
    ruw = pd.DataFrame({"Jaar": breed.index})
    kolommen = []
    for wie, naam in namen.items():
        if wie in breed.columns:
            kolom = f"{naam} ({as_titel})"
            kolommen.append(kolom)
            ruw[kolom] = breed[wie].to_numpy()
    per_jaar = reeks.sort_values("wie").groupby("jaar")
    ruw["Voorlopig"] = per_jaar["voorlopig"].any().map({True: "ja", False: ""}).to_numpy()
    ruw["CBS-tabel"] = per_jaar["tabel"].first().to_numpy()
    ruw["Breuk met het jaar ervoor"] = per_jaar["breuk"].agg(lambda b: next((x for x in b if x), "")).to_numpy()
    return Tabel(ruw, {"Jaar": lambda j: str(int(j)), **dict.fromkeys(kolommen, waarde)})


def wijken(df: pd.DataFrame, maten: dict) -> Tabel:
    """De wijkkaart (mensen.wijken): een rij per wijk, per maat de waarde en haar jaar."""
    ruw = df[["wk_code", "wijk"]].rename(columns={"wk_code": "Wijkcode", "wijk": "Wijk"})
    opmaak = {}
    for maat, m in maten.items():
        if maat in df.columns:
            kolom = f"{m.label} ({m.eenheid})"
            ruw[kolom] = df[maat].to_numpy()
            ruw[f"{m.label}: jaar"] = df[f"{maat}_jaar"].to_numpy()
            opmaak[kolom] = lambda v: fmt.getal(v, 1) if v is not None else fmt.LEEG
            opmaak[f"{m.label}: jaar"] = lambda j: str(int(j)) if j is not None else fmt.LEEG
    return Tabel(ruw.reset_index(drop=True), opmaak)


def preventie_gebruik(df: pd.DataFrame, as_x: str, as_y: str, y_opmaak, gekozen: str | None, groep: list[str]) -> Tabel:
    """charts.preventie_gebruik: per gemeente preventie per inwoner en het gebruik van zorg."""
    kolommen = {"preventie": as_x[:1].upper() + as_x[1:], "gebruik": as_y[:1].upper() + as_y[1:]}
    return _per_gemeente(df, gekozen, groep, kolommen, {kolommen["preventie"]: fmt.euro, kolommen["gebruik"]: y_opmaak})
