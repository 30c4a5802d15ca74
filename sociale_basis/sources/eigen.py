"""Eigen cijfers van één gemeente: haar (ontwerp)begroting of jaarrekening per taakveld, in het
sjabloon dat de Gegevens-pagina aanbiedt. Het is géén CBS-data: het gaat voor op CBS voor die
gemeente, dat jaar en document, en wordt overal als 'eigen cijfers' gemarkeerd.

Sjabloon (puntkomma en decimale komma, zoals Excel in het Nederlands opslaat; of komma's en een
decimale punt), bedragen in € 1.000 zoals CBS:

    gemeente;jaar;document;taakveld;omschrijving;lasten_duizend_euro;baten_duizend_euro
    GM0363;2025;begroting;6.1;Samenkracht en burgerparticipatie;12345,6;789

Het sjabloon staat al ingevuld met de CBS-cijfers van die gemeente: aanpassen, niet overtypen. Leeg is
géén 0 (een 0 moet er staan): een bestand waarin de meeste taakvelden met CBS-cijfers leeg zijn of
ontbreken, wordt geweigerd, en een paar lege noemt de samenvatting. Wijken de totale lasten meer dan
MARGE af van CBS, dan is het bestand alleen welkom met de bevestiging ‘ja, dit is volledig’
(`Context.volledig`). Alleen jaren en documenten waarvoor de opslag CBS-cijfers heeft: anders is er
niets om mee te vergelijken.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from .. import fmt
from .controle import GM_CODE, IV3_EERSTE_JAAR, Problemen, getallen, jaren, keuze, regelnummer, taakveld_codes, uniek
from .lading import Lading
from .lezen import lees_tekst_csv, sha256

KOLOMMEN = ["gemeente", "jaar", "document", "taakveld", "omschrijving", "lasten_duizend_euro", "baten_duizend_euro"]
SOORT = "eigen_begroting"
BRON = "eigen"
# Eén Iv3-bedrag boven € 100 mld (in € 1.000) bestaat niet; Amsterdam begroot in totaal ± € 8 mld.
GRENS = 1e8
# Zoveel mogen de totale lasten (zonder 0.10 en 0.11, zoals `totaal` in de indicatoren) afwijken van CBS
# zonder bevestiging. Gemeten op de echte data (lasten op 2 posities, 2017–2024, 2.834 gemeenten × jaren): de
# jaarrekening wijkt van de begroting van hetzelfde jaar af met mediaan 9,1%, bij 95% minder dan 25,2% en bij 99%
# minder dan 37,5%; 22 keer (0,8%) meer dan 40%. Een eigen bestand voor hetzelfde jaar en document hoort
# dichter bij CBS te liggen dan dat; wat verder weg ligt (een half bestand, euro's in plaats van € 1.000) moet
# de gebruiker dus eerst zelf bevestigen.
MARGE = 0.40
ZONDER = ("0.10", "0.11")  # mutaties reserves en het resultaat: geen uitgaven, niet in het totaal


def herken(pad: Path, kop: str) -> bool:
    eerste = (kop.splitlines()[0] if kop else "").strip().lower()
    return eerste in {";".join(KOLOMMEN), ",".join(KOLOMMEN)}


def _bedrag(x) -> str:
    """Een bedrag in € 1.000 zoals Excel in het Nederlands het leest: decimale komma, geen duizendtallen
    (die leest Excel als tekst), hoogstens drie decimalen; leeg waar de bron niets heeft."""
    if x is None or pd.isna(x):
        return ""
    tekst = f"{round(float(x), 3) + 0.0:.3f}".rstrip("0").rstrip(".")  # + 0.0: geen '-0'
    return tekst.replace(".", ",")


def sjabloon(
    gm_code: str, naam: str, jaar: int, document: str, taakvelden: pd.DataFrame, cijfers: pd.DataFrame | None = None
) -> bytes:
    """Het sjabloon voor één gemeente (UTF-8 met BOM, zodat Excel de ë's goed leest). Met `cijfers`
    (import/cbs_cijfers_gemeente, niet leeg): de taakvelden van haar CBS-bron met de CBS-bedragen erin, om
    aan te passen in plaats van over te typen. Zonder: elk taakveld dat CBS voor dit jaar en document
    gebruikt (`taakvelden`), met lege bedragen."""
    ingevuld = cijfers is not None and not cijfers.empty
    regels = cijfers if ingevuld else taakvelden
    df = pd.DataFrame(
        {
            "gemeente": gm_code,
            "jaar": jaar,
            "document": document,
            "taakveld": regels["taakveld"],
            "omschrijving": regels["omschrijving"],
            "lasten_duizend_euro": regels["lasten"].map(_bedrag) if ingevuld else "",
            "baten_duizend_euro": regels["baten"].map(_bedrag) if ingevuld else "",
        }
    )
    tekst = io.StringIO()
    df.to_csv(tekst, sep=";", index=False, lineterminator="\r\n")
    return ("\ufeff" + tekst.getvalue()).encode("utf-8")


def _mln(duizenden: float) -> str:
    return f"€ {fmt.getal(duizenden / 1000, 1)} mln"


def _regels(df: pd.DataFrame, rijen: pd.Series, n: int = 5) -> str:
    """'regel 3, 5, 8, …': waar in het bestand (de kopregel is regel 1)."""
    posities = rijen.to_numpy().nonzero()[0]
    nummers = [str(regelnummer(df, int(p))) for p in posities[:n]]
    return ("regel " if len(nummers) == 1 else "regels ") + ", ".join(nummers) + (", …" if len(posities) > n else "")


def _leeg_of_ontbrekend(
    fouten: Problemen, df: pd.DataFrame, taakveld: pd.Series, cbs: pd.DataFrame, wie: str
) -> tuple[bool, str]:
    """Taakvelden met CBS-cijfers die het bestand leeg laat of weglaat. Leeg is geen 0: zijn het de
    meeste, dan wordt het bestand geweigerd (zonder uitweg: met de helft van de begroting zou de gemeente
    in elke vergelijking verkeerd staan); een paar komt in de samenvatting. Geeft (geweigerd, zin)."""
    if cbs.empty:
        return False, ""
    leeg_cel = df["lasten_duizend_euro"].str.strip().eq("")
    ingevuld = set(taakveld[~leeg_cel])
    met_cijfers = cbs[cbs["lasten"].ne(0) | cbs["baten"].fillna(0).ne(0)]
    leeg = cbs[~cbs["taakveld"].isin(ingevuld)]
    leeg_met = leeg[leeg["taakveld"].isin(met_cijfers["taakveld"])]
    if leeg_met.empty:
        return False, ""
    ontbreekt = leeg[~leeg["taakveld"].isin(set(taakveld))]
    # Zonder 0.10 en 0.11, zoals het totaal: reserves zijn geen uitgaven.
    som = leeg_met.loc[~leeg_met["taakveld"].isin(ZONDER), "lasten"].sum()
    totaal = cbs.loc[~cbs["taakveld"].isin(ZONDER), "lasten"].sum()
    wat = f"{len(leeg)} van de {len(cbs)} taakvelden zijn leeg of ontbreken" + (
        f" ({len(ontbreekt)} ontbreken)" if len(ontbreekt) and len(ontbreekt) < len(leeg) else ""
    )
    if len(leeg_met) * 2 > len(met_cijfers):
        grootste = [
            f"{r.taakveld} {r.omschrijving.strip()} ({_mln(r.lasten)})"
            for r in leeg_met.nlargest(3, "lasten").itertuples()
        ]
        ingevuld_rijen = _regels(df, ~leeg_cel) if (~leeg_cel).any() else "geen enkele regel"
        fouten.meld(
            f"{wat}. Bij CBS heeft {wie} op {len(leeg_met)} daarvan cijfers: samen {_mln(som)} van de "
            f"{_mln(totaal)} lasten, het meest op {', '.join(grootste[:-1])} en {grootste[-1]}. Ingevuld zijn "
            f"alleen {ingevuld_rijen}. Leeg is geen 0: met een half ingevulde begroting zou de gemeente in elke "
            "vergelijking verkeerd staan. Download het sjabloon op de pagina Gegevens (het staat al ingevuld met "
            "de CBS-cijfers), pas aan wat anders is, en vul 0 in waar echt niets is.",
            kolom="lasten_duizend_euro",
        )
        return True, ""
    lijst = ", ".join(leeg_met.nlargest(5, "lasten")["taakveld"]) + (", …" if len(leeg_met) > 5 else "")
    return False, f"{wat}; als 0 gelezen, bij CBS samen {_mln(som)} lasten ({lijst})"


def _vergelijk(fouten: Problemen, rijen: pd.DataFrame, cbs: pd.DataFrame, wie: str, volledig: bool) -> str:
    """De totale lasten naast die van CBS. Meer dan MARGE verschil: geweigerd, tenzij bevestigd. Geeft de
    zin voor de samenvatting."""
    eigen = rijen.loc[~rijen["taakveld"].isin(ZONDER), "lasten"].sum()
    totaal = cbs.loc[~cbs["taakveld"].isin(ZONDER), "lasten"].sum()
    if cbs.empty or totaal <= 0:
        return f"CBS heeft geen cijfers van {wie} om mee te vergelijken"
    afwijking = eigen / totaal - 1
    zin = f"CBS {_mln(totaal)}, {'+' if afwijking > 0 else ''}{fmt.procent(afwijking)}"
    if abs(afwijking) <= MARGE:
        return zin
    if volledig:
        return f"{zin}, bevestigd als volledig"
    fouten.meld(
        f"de lasten in dit bestand zijn samen {_mln(eigen)} (zonder 0.10 en 0.11), bij CBS heeft {wie} "
        f"{_mln(totaal)}: {fmt.procent(abs(afwijking))} {'meer' if afwijking > 0 else 'minder'}. Meer dan "
        f"{fmt.procent(MARGE, 0)} verschil is ongebruikelijk (bij 99% van de gemeenten scheelt zelfs de "
        "jaarrekening minder met de begroting); vaak is het een deel van de begroting, of euro's in plaats van "
        "€ 1.000. Klopt het toch, bevestig dan ‘ja, dit is volledig’ (het vinkje naast de upload op de pagina "
        "Gegevens; op de opdrachtregel `sociale-basis import --volledig`).",
        kolom="lasten_duizend_euro",
    )
    return zin


def lees(pad: Path, context) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, None, KOLOMMEN, fouten=fouten)
    with open(pad, encoding="utf-8", errors="replace") as f:
        # Puntkomma: Nederlandse Excel, dus decimale komma; komma's: decimale punt.
        sep = ";" if ";" in f.readline() else ","

    # Eén gemeente, één jaar, één document per bestand: daarop rust het vervangen en verwijderen.
    jaar_kolom = jaren(fouten, df, "jaar", eerste=IV3_EERSTE_JAAR)
    document_kolom = keuze(fouten, df, "document", {"begroting", "jaarrekening"})
    for kolom, waarden, wat in [
        ("jaar", jaar_kolom, "jaar"),
        ("document", document_kolom, "document"),
        ("gemeente", df["gemeente"].str.strip(), "gemeente"),
    ]:
        if waarden.nunique() > 1:
            anders = waarden.ne(waarden.iloc[0])
            fouten.per_rij(
                df,
                kolom,
                anders,
                lambda w, k=wat, e=waarden.iloc[0]: (
                    f"één {k} per bestand: deze regel noemt '{w}', de eerste regel '{e}'."
                ),
            )
    if fouten:
        fouten.klaar()
    jaar, document = int(jaar_kolom.iloc[0]), document_kolom.iloc[0]

    beschikbaar = context.vraag("import/cbs_jaren")
    cbs_jaren = beschikbaar[beschikbaar["document"] == document]["jaar"].tolist()
    if jaar not in cbs_jaren:
        periode = f"{min(cbs_jaren)}–{max(cbs_jaren)}" if cbs_jaren else "geen enkel jaar"
        raise fouten.fout(
            f"voor {document} {jaar} heeft de opslag geen CBS-cijfers van andere gemeenten om mee "
            f"te vergelijken (wel {periode}). Eigen cijfers kunnen alleen naast een jaar dat er al "
            "is; haal eerst nieuwere CBS-cijfers op.",
            rij=2,
            kolom="jaar",
        )

    eerste = df["gemeente"].str.strip().iloc[0]
    gm = (
        df["gemeente"].str.strip()
        if GM_CODE.match(eerste)
        else context.namen.codes(fouten, df.iloc[:1], "gemeente", jaar)
    ).iloc[0]
    context.namen.onbekende_gemeenten(fouten, df.iloc[:1], "gemeente", pd.Series([gm], index=df.index[:1]), jaar)

    # Alleen de taakvelden die CBS dat jaar gebruikt: die deelt het model zeker in (geen geld kwijt).
    taakveld = taakveld_codes(fouten, df, "taakveld")
    bekend = set(context.vraag("import/taakvelden_in_gebruik", jaar=jaar, document=document)["taakveld"])
    fouten.per_rij(
        df,
        "taakveld",
        ~taakveld.isin(bekend) & taakveld.str.match(r"^\d"),
        lambda w: f"taakveld '{w}' komt in {document} {jaar} niet voor; gebruik het sjabloon van de pagina Gegevens.",
    )
    uniek(fouten, df.assign(taakveld=taakveld), ["taakveld"], "taakveld")

    # Waarmee het bestand zich moet meten: de CBS-cijfers van deze gemeente (leeg: niets om mee te vergelijken).
    namen = context.vraag("import/gemeente_jaar_namen")
    naam = namen.loc[(namen["jaar"] == jaar) & (namen["gm_code"] == gm), "naam"]
    wie = f"{naam.iloc[0] if len(naam) else gm} ({document} {jaar})"
    cbs = context.vraag("import/cbs_cijfers_gemeente", gm_code=gm, jaar=jaar, document=document)
    half_leeg, lege_zin = _leeg_of_ontbrekend(fouten, df, taakveld, cbs, wie)

    decimaal = "," if sep == ";" else "."
    lasten, baten = (
        getallen(fouten, df, kolom, leeg=0.0, decimaal=decimaal, minimum=-GRENS, maximum=GRENS, eenheid=" × € 1.000")
        for kolom in ("lasten_duizend_euro", "baten_duizend_euro")
    )
    alles_nul = not lasten.ne(0).any()
    if not fouten and alles_nul:
        fouten.meld("alle lasten zijn leeg of 0; vul minstens één taakveld in.", kolom="lasten_duizend_euro")
    met_baten = bool(
        beschikbaar[(beschikbaar["document"] == document) & (beschikbaar["jaar"] == jaar)]["met_baten"].any()
    )
    baten_leeg = df["baten_duizend_euro"].str.strip().eq("").all()
    if met_baten and baten_leeg:
        # Zonder baten zou netto hier gelijk zijn aan bruto en het landelijke netto scheeftrekken.
        fouten.meld(
            f"de baten zijn helemaal leeg, maar voor {document} {jaar} rekent het dashboard ook netto "
            "(lasten − baten); vul de baten in (0 waar er geen zijn).",
            kolom="baten_duizend_euro",
        )
    elif baten_leeg:
        # Geen baten in dit jaar (en in dit bestand): leeg blijft 'geen baten', zoals bij CBS, geen € 0.
        baten = pd.Series(float("nan"), index=df.index)

    rijen = pd.DataFrame(
        {
            "bron": BRON,
            "jaar": jaar,
            "document": document,
            "gm_code": gm,
            "taakveld": taakveld,
            "lasten": lasten,
            "baten": baten,
        }
    )
    vergelijking = ""
    if not fouten and not half_leeg and not alles_nul:
        vergelijking = _vergelijk(fouten, rijen, cbs, wie, context.volledig)
    fouten.klaar()

    herkomst = pd.DataFrame(
        [{"jaar": jaar, "document": document, "gm_code": gm, "bestand": fouten.naam, "sha256": sha256(Path(pad))}]
    )
    return Lading(
        SOORT,
        {"iv3_bedrag": rijen, "eigen_herkomst": herkomst},
        f"eigen cijfers {gm} {document} {jaar}: {len(rijen)} taakvelden, lasten "
        f"{_mln(rijen.loc[~rijen['taakveld'].isin(ZONDER), 'lasten'].sum())} zonder reserves; {vergelijking}"
        + (f"; {lege_zin}" if lege_zin else ""),
    )
