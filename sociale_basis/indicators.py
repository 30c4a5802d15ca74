"""Indicatoren als kleine functies: (opslag, model, jaar, document, maat, …) → DataFrame.

Het rekenwerk staat in SQL (`queries/marts/`, `queries/werk/`); hier alleen het kiezen van de
query, het controleren van de voorwaarden en het geven van begrijpelijke fouten.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from . import fmt
from .begrippen import BEHOEFTEN, INDICATOREN, LAGEN, STANDAARD_BEHOEFTE, VERHOUDING, Indicator
from .store import Store

MATEN = ("netto", "bruto")
DOCUMENTEN = ("begroting", "jaarrekening")
CLI_KOLOMMEN = [
    "gm_code",
    "gemeente",
    "jaar",
    "document",
    "maat",
    "inwoners",
    *LAGEN,
    "totaal",
    "collectieve_preventie",
    "acute_zorg",
    "acuut_per_euro_preventie",
]


class IndicatorFout(Exception):
    """Een vraag die met deze opslag of dit model niet eerlijk te beantwoorden is."""


def beschikbaarheid(store: Store) -> pd.DataFrame:
    """Per jaar en document: bronnen, aantal gemeenten en hoeveel daarvan baten hebben."""
    return store.query("marts/beschikbaarheid")  # ≈ 2 ms; het dashboard cachet zijn vragen zelf (vragen.py)


def maten_tekst(gemeenten: int, met_baten: int) -> str:
    """In woorden welke maten een jaar en document hebben (één formulering voor CLI en pagina's)."""
    if met_baten == gemeenten:
        return "bruto + netto"
    if met_baten == 0:
        return "alleen bruto (geen baten)"
    return f"netto voor {met_baten} van de {gemeenten} gemeenten"


def snapshot_geladen(store: Store) -> pd.Series | None:
    """De laatst geladen meegeleverde momentopname (naam, gemaakt, geladen, manifest) of None."""
    df = store.query("marts/snapshot")
    return None if df.empty else df.iloc[0]


def gegevensversie(store: Store) -> datetime | None:
    """Wanneer de cijfers in deze opslag voor het laatst veranderden (UTC; marts/gegevensversie), of None."""
    v = store.query("marts/gegevensversie")["versie"].iloc[0]
    return None if pd.isna(v) else pd.Timestamp(v).to_pydatetime()


def gemeten_verdeling(store: Store, model: str) -> pd.DataFrame:
    """Waar het model de verdeling over de lagen uit de categorieën haalt (per jaar, document,
    taakveld en laag: gemeenten, namen, laagste/hoogste/gewogen aandeel)."""
    return store.query("marts/gemeten_verdeling", model=model)


def _beschikbaar(store: Store, jaar: int, document: str) -> pd.Series | None:
    """De rij van beschikbaarheid voor dit jaar en document, of None."""
    b = beschikbaarheid(store)
    rij = b[(b["jaar"] == jaar) & (b["document"] == document)]
    return None if rij.empty else rij.iloc[0]


def netto_volledig(store: Store, jaar: int, document: str) -> bool:
    """Kan netto? Alleen als alle gemeenten met cijfers ook baten hebben (de regel staat één keer, in
    marts/beschikbaarheid); anders zou 'Nederland' een handvol gemeenten zijn. Zijbalk, groepen, Trends,
    realisatie en CLI vragen het hier."""
    rij = _beschikbaar(store, jaar, document)
    return rij is not None and bool(rij["netto_volledig"])


def netto_reden(store: Store, jaar: int, document: str) -> str:
    """Waarom netto niet kan, als zinsdeel na ‘Voor de begroting 2026 …’."""
    rij = _beschikbaar(store, jaar, document)
    if rij is None or int(rij["gemeenten_met_baten"]) == 0:
        return "zijn alleen lasten beschikbaar"
    return f"hebben maar {rij['gemeenten_met_baten']} van de {rij['gemeenten']} gemeenten baten"


def controleer(store: Store, model: str, jaar: int, document: str, maat: str) -> None:
    """Faalt met een Nederlandse uitleg als de vraag niet te beantwoorden is."""
    if maat not in MATEN:
        raise IndicatorFout(f"Onbekende maat '{maat}'; kies netto of bruto.")
    if document not in DOCUMENTEN:
        raise IndicatorFout(f"Onbekend document '{document}'; kies begroting of jaarrekening.")
    rij = _beschikbaar(store, jaar, document)
    if rij is None:
        b = beschikbaarheid(store)
        aanwezig = ", ".join(f"{d} {j}" for j, d in b[["jaar", "document"]].itertuples(index=False))
        raise IndicatorFout(
            f"Er zijn geen Iv3-gegevens voor de {document} {jaar}. "
            f"Beschikbaar: {aanwezig or 'niets — importeer eerst gegevens'}."
        )
    if maat == "netto" and int(rij["gemeenten_met_baten"]) == 0:
        raise IndicatorFout(
            f"Voor de {document} {jaar} zijn alleen lasten beschikbaar (bron: "
            f"{rij['bron_omschrijving']}); netto (lasten − baten) is niet te berekenen. "
            "Kies bruto, of importeer de CBS-data met baten voor dit jaar."
        )
    ongemapt = store.query("controle/ongemapte_taakvelden", model=model, jaar=jaar, document=document)
    if not ongemapt.empty:
        raise IndicatorFout(
            f"Het model {model.split(':')[0]} heeft geen regel voor taakveld(en) "
            f"{', '.join(ongemapt['taakveld'])} in de {document} {jaar}. Voeg ze toe aan het "
            "modelbestand, zodat geen euro verloren gaat."
        )


def zonder_cijfers(store: Store, jaar: int, document: str) -> pd.DataFrame:
    """Gemeenten die in de bron staan maar geen cijfers hebben (alles 0): niet als € 0 tellen."""
    return store.query("marts/zonder_cijfers", jaar=jaar, document=document)


def per_gemeente(
    store: Store, model: str, jaar: int, document: str, maat: str, zonder_regio: bool = False
) -> pd.DataFrame:
    """Eén rij per gemeente met cijfers: euro's per laag en functie, per inwoner en de verhouding.
    `zonder_regio`: zonder de regionale taakvelden (beschermd wonen en opvang), voor elke gemeente."""
    controleer(store, model, jaar, document, maat)
    return store.query(
        "marts/indicatoren", model=model, jaar=jaar, document=document, maat=maat, zonder_regio=zonder_regio
    )


def groep(
    store: Store,
    model: str,
    jaar: int,
    document: str,
    maat: str,
    gm_codes: list[str] | None = None,
    zonder_regio: bool = False,
) -> pd.Series:
    """Een groep gemeenten (None = heel Nederland) als geheel: Σ bedrag / Σ inwoners."""
    controleer(store, model, jaar, document, maat)
    if maat == "netto" and not netto_volledig(store, jaar, document):
        b = _beschikbaar(store, jaar, document)
        raise IndicatorFout(
            f"Netto is er voor de {document} {jaar} maar voor {b['gemeenten_met_baten']} van de "
            f"{b['gemeenten']} gemeenten (de andere hebben alleen lasten); een landelijk of groepscijfer "
            "zou niet kloppen. Kies bruto."
        )
    df = store.query(
        "marts/groep",
        model=model,
        jaar=jaar,
        document=document,
        maat=maat,
        gm_codes=list(gm_codes) if gm_codes is not None else None,
        zonder_regio=zonder_regio,
    )
    return df.iloc[0]


def trend(
    store: Store,
    model: str,
    maat: str,
    doeljaar: int,
    gm_codes: list[str] | None = None,
    prijsbasis: int | None = None,
    zonder_regio: bool = False,
) -> pd.DataFrame:
    """Alle jaren en documenten voor een gemeente, groep of Nederland (None), herrekend naar de
    indeling van `doeljaar`; met `prijsbasis` in constante prijzen van dat jaar. `zonder_regio`:
    zoals bij per_gemeente."""
    if maat not in MATEN:
        raise IndicatorFout(f"Onbekende maat '{maat}'; kies netto of bruto.")
    return store.query(
        "marts/trend",
        model=model,
        maat=maat,
        doeljaar=doeljaar,
        gm_codes=list(gm_codes) if gm_codes is not None else None,
        prijsbasis=prijsbasis,
        zonder_regio=zonder_regio,
    )


def trend_spreiding(
    store: Store,
    model: str,
    maat: str,
    doeljaar: int,
    gm_codes: list[str] | None = None,
    zonder_regio: bool = False,
    indicator: str = VERHOUDING.naam,
) -> pd.DataFrame:
    """Naast het gewogen cijfer van trend() voor een indicator met een eigen noemer: per jaar en document de
    mediane gemeente, de kwartielen en het aantal gemeenten (met een rang, als de indicator rangen kent),
    voor Nederland of `gm_codes`."""
    ind = INDICATOREN[indicator]
    if maat not in MATEN:
        raise IndicatorFout(f"Onbekende maat '{maat}'; kies netto of bruto.")
    per_gemeente = store.query(
        "marts/verhouding_reeks",
        model=model,
        maat=maat,
        doeljaar=doeljaar,
        gm_codes=list(gm_codes) if gm_codes is not None else None,
        zonder_regio=zonder_regio,
    )
    rijen = []
    for (jaar, document), deel in per_gemeente.groupby(["jaar", "document"], sort=True):
        s = spreiding(deel, ind)
        if s["n"]:
            rijen.append(
                {
                    "jaar": jaar,
                    "document": document,
                    "mediaan": s["mediaan"],
                    "q1": s["q1"],
                    "q3": s["q3"],
                    "gemeenten": s["n"],
                }
            )
    return pd.DataFrame(rijen, columns=["jaar", "document", "mediaan", "q1", "q3", "gemeenten"])


def per_gemeente_herrekend(
    store: Store, model: str, jaar: int, document: str, maat: str, doeljaar: int, zonder_regio: bool = False
) -> pd.DataFrame:
    """Zoals per_gemeente, maar herrekend naar de gemeenten van `doeljaar` (bv. voor een kaart)."""
    controleer(store, model, jaar, document, maat)
    return store.query(
        "marts/indicatoren_herrekend",
        model=model,
        jaar=jaar,
        document=document,
        maat=maat,
        doeljaar=doeljaar,
        zonder_regio=zonder_regio,
    )


# -- overige marts: één functie per vraag, zodat alleen deze module marts bij naam kent -------------
def maatstaf(
    store: Store, model: str, jaar: int, document: str, circulaire: str, zonder_regio: bool = False
) -> pd.DataFrame:
    """Netto uitgaven naast de gemeentefondsmaatstaf van een circulaire, per gemeente. `zonder_regio`:
    maatwerk en acuut zonder de regionale taakvelden (zoals bij per_gemeente)."""
    return store.query(
        "marts/maatstaf", model=model, jaar=jaar, document=document, circulaire=circulaire, zonder_regio=zonder_regio
    )


def laatste_circulaire(circulaires: pd.DataFrame, jaar: int) -> str | None:
    """De nieuwste circulaire voor uitkeringsjaar `jaar` (marts/circulaires: naar datum, werk.circulaire_datum),
    of None."""
    c = circulaires[(circulaires["uitkeringsjaar"] == jaar) & circulaires["nieuwste"]]["circulaire"]
    return str(c.iloc[0]) if not c.empty else None


def rangen(df: pd.DataFrame) -> pd.Series:
    """De rang van elke rij op € acuut per € preventie (1 = minst acute zorg per euro preventie),
    alleen onder de rijen met een rang (rangbaar); gelijke waarden delen een rang. Leeg zonder rang."""
    return df["acuut_per_euro_preventie"].where(df["rangbaar"]).rank(method="min").astype("Int64")


def rang(df: pd.DataFrame, gm_code: str | None) -> tuple[int | None, int]:
    """De rang van één gemeente onder alle gemeenten in `df`, en hoeveel er een rang hebben."""
    r = rangen(df)
    bij = dict(zip(df["gm_code"], r))
    return (int(bij[gm_code]) if gm_code in bij and not pd.isna(bij[gm_code]) else None), int(r.notna().sum())


def spreiding(df: pd.DataFrame, ind: Indicator = VERHOUDING) -> dict:
    """De verdeling van een indicator met een eigen noemer (standaard de verhouding) over gemeenten: mediaan,
    kwartielen en aantal. Bij een indicator met rangen alleen de gemeenten met een rang (een € 0 voor acute
    zorg is geen ‘beste’ waarde)."""
    r = df.loc[df["rangbaar"] if ind.rangbaar and "rangbaar" in df else df.index, ind.kolom].dropna()
    return {
        "mediaan": r.median(),
        "q1": r.quantile(0.25),
        "q3": r.quantile(0.75),
        "n": len(r),
        "onder_1": int((r < 1).sum()),
    }


def circulaires(store: Store) -> pd.DataFrame:
    return store.query("marts/circulaires")


def doeljaar(store: Store, jaar: int, gm_code: str | None) -> int:
    """De meest recente indeling waarin de gemeente (of het land) nog te volgen is."""
    return int(store.enkele_waarde("marts/doeljaar", jaar=jaar, gm_code=gm_code) or jaar)


def cbs_herkomst(store: Store) -> pd.DataFrame:
    """Per opgehaalde CBS-tabel de datum van de tabel bij CBS en van de ophaling."""
    return store.query("marts/cbs_herkomst")


def categorie_beschikbaar(store: Store) -> pd.DataFrame:
    """Per jaar en document: gemeenten met economische categorieën (de gemeten verdeling van 6.1)."""
    return store.query("marts/categorie_beschikbaar")


def prijsindex(store: Store) -> pd.DataFrame:
    return store.query("marts/prijsindex")


def regiotaken(store: Store, jaar: int) -> pd.DataFrame:
    """Centrumgemeenten: per gemeente de regionale taken (lijst), het uitkeringsjaar van de bron
    (het dichtstbijzijnde bij `jaar`), de circulaire en het bedrag van de uitkeringen."""
    return store.query("marts/regiotaken", jaar=jaar)


def gemeenten(store: Store, jaar: int) -> pd.DataFrame:
    """De gemeenten van een jaar met naam, provincie en klassen (voor keuzes en vergelijkingsgroepen)."""
    return store.query("marts/gemeente_kenmerken", jaar=jaar)


def taakvelden_gemeente(store: Store, model: str, jaar: int, document: str, maat: str, gm_code: str) -> pd.DataFrame:
    return store.query(
        "marts/taakvelden_gemeente", model=model, jaar=jaar, document=document, maat=maat, gm_code=gm_code
    )


def taakveld_landelijk(store: Store, jaar: int, document: str) -> pd.DataFrame:
    return store.query("marts/taakveld_landelijk", jaar=jaar, document=document)


def import_log(store: Store) -> pd.DataFrame:
    """De laatste imports, met bestandsnamen (geen paden)."""
    return store.query("marts/import_log")


def status_overzicht(store: Store) -> pd.Series:
    """Welke jaren de niet-Iv3-tabellen dekken, in woorden (voor `sociale-basis status`)."""
    return store.query("marts/status_overzicht").iloc[0]


def model_regels(store: Store, model: str) -> pd.DataFrame:
    return store.query("marts/model_regels", model=model)


def grenzen(store: Store, jaar: int) -> pd.DataFrame:
    """Gemeentegrenzen van één indeling: gm_code en geometrie (GeoJSON-tekst)."""
    return store.query("marts/geo", jaar=jaar)


def grensjaren(store: Store) -> list[int]:
    return store.query("marts/geo_jaren")["jaar"].tolist()


def eigen_cijfers(store: Store) -> pd.DataFrame:
    """Eigen cijfers (geen CBS) in de opslag: gemeente, jaar, document, bestand, tijdstip."""
    return store.query("marts/eigen_cijfers")


def sjabloon_taakvelden(store: Store, jaar: int, document: str) -> pd.DataFrame:
    """De taakvelden (code, omschrijving) die CBS voor dit jaar en document gebruikt: de regels van
    het sjabloon voor eigen cijfers."""
    return store.query("import/taakvelden_in_gebruik", jaar=jaar, document=document)


def sjabloon_cijfers(store: Store, gm_code: str, jaar: int, document: str) -> pd.DataFrame:
    """De CBS-cijfers (taakveld, omschrijving, lasten, baten in € 1.000) van één gemeente, jaar en document
    uit haar fijnste CBS-bron, nooit eigen cijfers: waarmee het sjabloon vooraf ingevuld wordt. Leeg als
    CBS er niets of alleen nullen (niet aangeleverd) voor heeft."""
    return store.query("import/cbs_cijfers_gemeente", gm_code=gm_code, jaar=jaar, document=document)


def gemeentenamen(store: Store, jaar: int) -> pd.DataFrame:
    """Elke bekende naam (ook oude) met de GM-code die er in `jaar` bij hoort, nieuwste eerst."""
    return store.query("marts/gemeente_namen", jaar=jaar)


# -- behoefte ---------------------------------------------------------------------------------
def behoefte_bron(store: Store, jaar: int, naam: str = STANDAARD_BEHOEFTE) -> tuple[str, int] | None:
    """Waaruit behoefte `naam` voor `jaar` komt: (bron, jaar), met als bron een gemeentefondscirculaire
    ('S2024', jaar = uitkeringsjaar) of 'KWB' (CBS Kerncijfers wijken en buurten); None zonder cijfers."""
    df = store.query("marts/behoefte_bron", jaar=jaar, behoefte=naam)
    return None if df.empty else (str(df["bron"].iloc[0]), int(df["jaar"].iloc[0]))


def behoefte(
    store: Store, model: str, jaar: int, document: str, maat: str, naam: str, zonder_regio: bool = False
) -> pd.DataFrame:
    """Per gemeente de behoefte `naam` (begrippen.BEHOEFTEN) per 1.000 inwoners en haar kwintiel,
    naast preventie en acute zorg per inwoner (marts/behoefte). Leeg zonder volumes in de opslag."""
    if naam not in BEHOEFTEN:
        raise IndicatorFout(f"Onbekende maat voor behoefte '{naam}'; kies uit {', '.join(BEHOEFTEN)}.")
    controleer(store, model, jaar, document, maat)
    b = BEHOEFTEN[naam]
    bron = behoefte_bron(store, jaar, naam)
    if bron is None and b.bron == "cbs_kwb":
        raise IndicatorFout(
            f"Er zijn geen CBS Kerncijfers wijken en buurten voor {b.label.lower()} in de opslag; haal ze op met "
            "`sociale-basis ophalen --alleen kerncijfers` (of de knop op de pagina Gegevens)."
        )
    if bron is None:
        raise IndicatorFout(
            "Er zijn geen volumes uit de gemeentefondscirculaires in de opslag (GF_<circulaire>_<jaar>_Volumina.tsv); "
            "importeer die om preventie naast behoefte te zetten."
        )
    return store.query(
        "marts/behoefte",
        model=model,
        jaar=jaar,
        document=document,
        maat=maat,
        zonder_regio=zonder_regio,
        behoefte=naam,
    )


def kwintielen(
    store: Store, model: str, jaar: int, document: str, maat: str, naam: str, zonder_regio: bool = False
) -> pd.DataFrame:
    """behoefte() per kwintiel van behoefte (marts/behoefte_kwintiel): gemeenten, inwoners, de laagste en hoogste
    behoefte, preventie en acute zorg per inwoner gewogen (elk kwintiel als geheel door werk.meting) en van de
    mediane gemeente, de gewogen verhouding acuut/preventie en preventie per persoon (Σ preventie ÷ Σ personen)."""
    behoefte(store, model, jaar, document, maat, naam, zonder_regio)  # dezelfde controles en fouten
    return store.query(
        "marts/behoefte_kwintiel",
        model=model,
        jaar=jaar,
        document=document,
        maat=maat,
        zonder_regio=zonder_regio,
        behoefte=naam,
    )


def samenhang(df: pd.DataFrame) -> dict[str, float]:
    """Spearmans rangcorrelatie van behoefte met preventie en met acute zorg per inwoner: de gewone
    correlatie van de rangen (gelijke waarden delen hun gemiddelde rang), zonder scipy."""
    rang = df["waarde_per_1000"].rank()
    return {
        kolom: float(rang.corr(df[f"{kolom}_per_inwoner"].rank())) for kolom in ("collectieve_preventie", "acute_zorg")
    }


def schrijflog(store: Store) -> pd.DataFrame:
    """Wie wat bijwerkte via het dashboard (tijdstip UTC, door, wat), nieuwste eerst."""
    return store.query("marts/schrijflog")


def nplv(store: Store) -> pd.DataFrame:
    """De NPLV-focusgebieden per gemeente (gm_code, jaar, focusgebieden) uit de nieuwste lijst."""
    return store.query("marts/nplv")


# -- begroting en werkelijkheid (queries/werk/060_afwijking.sql, 065_realisatie.sql) ----------------
# De jaren waarin verdringing gemeten wordt: tot en met begroting 2022, vóór de opvang van ontheemden
# op 6.1 (vanaf begroting 2023) en vóór de schemabreuk van 2023 in acute zorg.
VERDRINGING_TOT_JAAR = 2022


def incidenteel(
    store: Store, model: str, jaar: int, document: str, maat: str, gm_code: str | None = None
) -> pd.DataFrame:
    """De incidentele stromen (opvang Oekraïne op 6.1, corona op 7.1, …) in dit jaar, document en deze
    maat: per gemeente en taakveld bedrag, referentie, afwijking, oorzaak en of ze de verhouding
    vertekenen. Eén gemeente (`gm_code`) of alle."""
    return store.query("marts/incidenteel", model=model, jaar=jaar, document=document, maat=maat, gm_code=gm_code)


def incidenteel_jaren(store: Store, model: str, maat: str, gm_codes: list[str] | None = None) -> pd.DataFrame:
    """Per jaar en document waar crisisgeld de som van deze gemeenten (of Nederland) vertekent: gemeenten,
    bedrag en oorzaken (dezelfde regel als marts/groep)."""
    if maat not in MATEN:
        raise IndicatorFout(f"Onbekende maat '{maat}'; kies netto of bruto.")
    return store.query("marts/incidenteel_jaren", model=model, maat=maat, gm_codes=gm_codes)


def bekende_oorzaken(store: Store) -> pd.DataFrame:
    """De landelijke oorzaken die de regel bij naam kan noemen, met uitleg en bron."""
    return store.query("marts/bekende_oorzaken")


def realisatie_jaren(store: Store) -> list[int]:
    """De jaren met zowel een begroting als een jaarrekening."""
    b = beschikbaarheid(store)
    per_jaar = b.groupby("jaar")["document"].nunique()
    return sorted(int(j) for j in per_jaar[per_jaar == len(DOCUMENTEN)].index)


def realisatie_maat(store: Store, jaar: int) -> str:
    """Netto waar beide documenten van dit jaar voor elke gemeente baten hebben, anders bruto."""
    return "netto" if all(netto_volledig(store, jaar, d) for d in DOCUMENTEN) else "bruto"


def _realisatie_controle(store: Store, jaar: int, maat: str) -> None:
    if maat not in MATEN:
        raise IndicatorFout(f"Onbekende maat '{maat}'; kies netto of bruto.")
    if jaar not in realisatie_jaren(store):
        jaren = realisatie_jaren(store)
        raise IndicatorFout(
            f"Voor {jaar} zijn niet zowel begroting als jaarrekening in de opslag. Jaren met beide: "
            f"{fmt.jaarreeks(jaren) if jaren else 'geen'}."
        )
    if maat == "netto" and realisatie_maat(store, jaar) != "netto":
        raise IndicatorFout(
            f"Netto is voor {jaar} niet in beide documenten te berekenen (de jaarrekening of begroting "
            "heeft geen baten). Kies bruto."
        )


def realisatie(store: Store, model: str, jaar: int, maat: str, gm_codes: list[str] | None = None) -> pd.DataFrame:
    """Per gemeente en bedrag (elke laag, totaal, elke functie): begroting, jaarrekening, verschil,
    realisatie (%) en de incidentele stromen die erin zitten."""
    _realisatie_controle(store, jaar, maat)
    return store.query(
        "marts/realisatie",
        model=model,
        jaar=jaar,
        maat=maat,
        gm_codes=list(gm_codes) if gm_codes is not None else None,
    )


def realisatie_landelijk(
    store: Store, model: str, gm_codes: list[str] | None = None, maat: str | None = None
) -> pd.DataFrame:
    """Nederland (of een groep) per jaar met beide documenten en per bedrag. Met `maat`: die maat in elk jaar
    waarin ze voor heel Nederland kan (bruto: elk jaar); zonder: elk jaar in de maat van realisatie_maat
    (netto waar beide documenten baten hebben, anders bruto; kolom `maat`)."""
    if maat is None:
        maten = {j: realisatie_maat(store, j) for j in realisatie_jaren(store)}  # één keer per jaar
        delen = [
            d[d["jaar"].map(maten) == m]
            for m in MATEN
            if not (d := realisatie_landelijk(store, model, gm_codes, m)).empty
        ]
        return pd.concat(delen, ignore_index=True).sort_values(["jaar", "functie"], ignore_index=True)
    if maat not in MATEN:
        raise IndicatorFout(f"Onbekende maat '{maat}'; kies netto of bruto.")
    df = store.query(
        "marts/realisatie_landelijk", model=model, maat=maat, gm_codes=list(gm_codes) if gm_codes is not None else None
    )
    # Netto alleen in jaren waarin elke gemeente baten heeft: anders is ‘Nederland’ een deel van het land.
    if maat == "bruto":
        return df
    netto = [j for j in df["jaar"].unique() if realisatie_maat(store, j) == "netto"]
    return df[df["jaar"].isin(netto)].reset_index(drop=True)


def realisatie_taakvelden(store: Store, model: str, jaar: int, maat: str, gm_code: str | None = None) -> pd.DataFrame:
    """Welke taakvelden het verschil maken (één gemeente of Nederland), grootste verschil eerst."""
    _realisatie_controle(store, jaar, maat)
    return store.query("marts/realisatie_taakvelden", model=model, jaar=jaar, maat=maat, gm_code=gm_code)


def verdringing(store: Store, model: str, stap: int = 2) -> pd.DataFrame:
    """Per gemeente en jaar de overschrijding op acute zorg en de groei van de begrote preventie `stap`
    jaar later, beide t.o.v. het landelijke jaar en de groei t.o.v. de eigen trend (marts/verdringing)."""
    return store.query("marts/verdringing", model=model, stap=stap, tot_jaar=VERDRINGING_TOT_JAAR)


def verdringing_samenvatting(df: pd.DataFrame) -> tuple[pd.DataFrame, float]:
    """Per kwintiel van overschrijding: aantal, mediane overschrijding en mediaan en kwartielen van de
    extra groei van preventie; en de rangcorrelatie (Spearman) over alle gemeente-jaren."""
    per = df.groupby("kwintiel").agg(
        gemeentejaren=("groei_rel", "size"),
        overschrijding=("overschrijding_rel", "median"),
        mediaan=("groei_rel", "median"),
        q1=("groei_rel", lambda x: x.quantile(0.25)),
        q3=("groei_rel", lambda x: x.quantile(0.75)),
    )
    # Spearman = Pearson op de rangen (zonder scipy).
    rho = float(df["overschrijding_rel"].rank().corr(df["groei_rel"].rank())) if len(df) > 2 else float("nan")
    return per.reset_index(), rho
