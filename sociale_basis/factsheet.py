"""Factsheet: één A4-pagina per gemeente als PDF, om ongewijzigd aan een wethouder te geven.

De cijfers en zinnen komen uit dezelfde functies als de Gemeente-pagina (teksten, indicators,
charts), zodat de factsheet zegt wat de pagina zegt. De opmaak staat in een Typst-sjabloon
(data/factsheet/factsheet.typ): Typst zit als compiler in het Python-pakket (`typst`), werkt
offline, zet een pagina in ~0,1 s en neemt SVG-grafieken op als vectoren. Een vormgever kan het
sjabloon aanpassen zonder Python te lezen. Ook de twee grafieken tekent het sjabloon zelf uit de
gegevens (Typst kent lijnen, vlakken en arcering): zo wacht een PDF nooit op een browser en werkt
hij op elke machine, ook zonder Chromium (gemeten: tools/resultaten/factsheet.md). Zuiver (geen Streamlit)."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from . import (
    charts,
    cijfers,
    export,
    fmt,
    gemeentebeeld,
    huisstijl,
    indicators,
    licenties,
    links,
    teksten,
    vergelijkingsgroep,
)
from .begrippen import GEMEENTEFONDS_SOCIALE_BASIS_KORT, LAGEN
from .gemeentebeeld import Gemeentebeeld, Verzoek
from .store import Store

MAP = Path(__file__).resolve().parent.parent / "data" / "factsheet"
MERKTEKEN = Path(__file__).resolve().parent.parent / "static" / "merkteken.svg"


class FactsheetFout(RuntimeError):
    """De factsheet kan niet gemaakt worden; de tekst is voor de gebruiker."""


def link(v: Verzoek, gemeentenamen: dict[str, str] | None = None, versie: datetime | None = None) -> str | None:
    """De link die de Gemeente-pagina met dezelfde keuzes opent (de vorm die de zijbalk zelf in de
    URL zet; de gemeente als GM-code, die links.gemeente ook begrijpt), met de versie van de gegevens:
    opent iemand hem na een update, dan zegt het dashboard dat de cijfers nieuwer zijn dan de factsheet.
    None zonder adres, en bij een model uit een bestand dat geen ?model=-code heeft (de link zou het
    standaardmodel openen)."""
    if not v.basis_url or (v.model_naam != "standaard" and not v.model_code):
        return None
    params: dict[str, str] = {
        "gemeente": v.gm_code,
        "jaar": str(v.jaar),
        "document": v.document.capitalize(),
        "maat": links.MAAT_LABELS[v.maat],
        "weergave": links.WEERGAVE_LABELS["per_inwoner"],
    }
    g = v.groep
    if g.wijze == "vergelijkbaar":
        if g.k != vergelijkingsgroep.Groep().k:
            params["k"] = str(g.k)
    else:
        params["groep"] = vergelijkingsgroep.WIJZEN[g.wijze]
    if g.wijze == "zelf" and gemeentenamen:
        params["selectie"] = [gemeentenamen.get(c, c) for c in g.zelf]  # type: ignore[assignment]
    if g.wijze == "kenmerken":
        params.update({kenmerk: list(w) for kenmerk, w in g.kenmerken.items() if w})  # type: ignore[misc]
    if v.zonder_regio:
        params["zonder_regio"] = "true"
    if v.model_code:
        params["model"] = v.model_code
    if tekst := links.versie_tekst(versie):
        params[links.GEGEVENS] = tekst
    return f"{v.basis_url.rstrip('/')}/gemeente?{urlencode(params, doseq=True)}"


def _vet(tekst: str) -> list[dict]:
    """'a **b** c' → stukken met en zonder vet, zodat het sjabloon geen markdown hoeft te lezen
    (tekst uit de gegevens wordt zo nooit als Typst-opmaak uitgevoerd)."""
    return [{"t": stuk, "b": i % 2 == 1} for i, stuk in enumerate(tekst.split("**")) if stuk]


def inhoud(
    store: Store, sleutel: str, v: Verzoek, beeld: Gemeentebeeld | None = None, land: gemeentebeeld.Land | None = None
) -> dict:
    """Alle teksten en getallen van de factsheet, ook die van de grafieken (als JSON voor het sjabloon).
    `beeld`: het beeld dat de Gemeente-pagina al toont (uit de cache); zonder wordt het gebouwd
    (met `land`, als dat er al is voor deze keuze)."""
    beeld = beeld or gemeentebeeld.bouw(store, sleutel, v, land)
    if beeld is None:
        raise FactsheetFout(f"Geen cijfers voor {v.gm_code} in de {v.document} {v.jaar} ({v.maat}).")
    naam, rij, maat_tekst = beeld.naam, beeld.rij, beeld.maat_tekst
    trend, geen_verhouding = _trend(store, sleutel, v, beeld.leden, naam)

    kern = [
        {"label": k.label + (" per inwoner" if k.bedrag else ""), "waarde": k.waarde, "onder": k.onder()}
        for k in beeld.kerncijfers(per_inwoner=True)
    ]

    kanttekeningen = []
    if beeld.eigen_bestand:
        kanttekeningen.append(
            f"**Eigen cijfers, geen CBS:** de {v.document} {v.jaar} van {naam} komt uit het bestand "
            f"‘{beeld.eigen_bestand}’ dat de gemeente zelf aanleverde. De link toont de gedeelde "
            "opslag: zijn deze cijfers daar (nog) niet gepubliceerd, dan toont hij de CBS-cijfers."
        )
    if (crisis := beeld.incidenteel_zin(pagina=False)) is not None:  # vooraan: het verandert wat de cijfers zeggen
        kanttekeningen.append(crisis)
    if (rol := beeld.regiorol_zin(zijbalk=False)) is not None:
        kanttekeningen.append(rol)
    if beeld.behoefte_zin is not None:
        kanttekeningen.append(beeld.behoefte_zin)
    if beeld.wijken_zin is not None:
        kanttekeningen.append(beeld.wijken_zin)
    kanttekeningen += [r for r in (beeld.negatief, beeld.zonder_rang) if r] + [beeld.gewogen_en_mediaan]
    kanttekeningen.append(
        "Netto = lasten − baten: wat de gemeente uit eigen en algemene middelen betaalt."
        if v.maat == "netto"
        else "Bruto = alle lasten, ook wat met baten (bv. rijksbijdragen) wordt gedekt."
    )

    fonds, fr = None, beeld.fonds
    if fr is not None:
        fonds = {
            "circulaire": teksten.circulaire_naam(beeld.circulaire),
            "rijen": [
                [
                    titel,
                    fmt.euro(fr[f"{s_}_uitgaven_per_inwoner"]),
                    fmt.euro(fr[f"{s_}_fonds_per_inwoner"]),
                    fmt.euro(fr[f"{s_}_verschil_per_inwoner"]),
                ]
                for s_, titel in (
                    ("sociale_basis", f"Sociale basis ({GEMEENTEFONDS_SOCIALE_BASIS_KORT})"),
                    ("individueel", "Maatwerk en acuut"),
                )
            ],
        }
    wat_als = [
        {"kop": b["kop"], "tekst": _vet(b["tekst"]), "gevolgen": [_vet(g) for g in b["gevolgen"]]}
        for b in beeld.wat_als
    ]
    groep, groepnaam, niets = beeld.groep, beeld.groepnaam, beeld.wat_als_niets
    lijst = indicators.gemeenten(store, v.jaar)
    namen = dict(zip(lijst["gm_code"], lijst["naam"]))
    bijgewerkt = indicators.gegevensversie(store)
    de_link = link(v, namen, bijgewerkt)
    gegevens = {
        "kleuren": {"inkt": huisstijl.INKT, "merk": huisstijl.MERK, "zacht": huisstijl.ZACHT, "vlak": huisstijl.PAPIER},
        "gemeente": naam,
        "ondertitel": " · ".join([v.gm_code, *beeld.ondertitel()]),
        "document": f"{v.document.capitalize()} {v.jaar}, {maat_tekst}",
        "kop": beeld.kopzin(per_inwoner=True),
        "kern": kern,
        "kanttekeningen": [_vet(k) for k in kanttekeningen],
        "lagen": _lagen(rij, groep, beeld.nl, naam),
        "trend": trend,
        "lagen_titel": f"De lagen, € per inwoner ({maat_tekst})",
        "lagen_uitleg": (
            "Staaf: "
            + naam
            + (f". ◆ vergelijkingsgroep: {groepnaam} (gewogen)" if groep is not None else "")
            + ". | Nederland (gewogen). Gearceerd: persoonlijk (inkomen en werk), geen collectieve preventie."
        ),
        "trend_titel": f"€ acute zorg per € collectieve preventie door de jaren ({maat_tekst})",
        "trend_uitleg": (
            "Doorgetrokken: begroting, gestippeld: jaarrekening. Dun met ruiten: de mediane gemeente "
            "van Nederland; groep en Nederland verder gewogen. Grijze streepjeslijnen: breuken in de "
            "Iv3-reeks ("
            + "; ".join(tekst for _, tekst in charts.BREUKEN)
            + ")."
            + (
                " Netto bestaat alleen voor jaren met baten per taakveld; andere jaren ontbreken."
                if v.maat == "netto"
                else ""
            )
            + "".join(f" {m}" for m in geen_verhouding)
        ),
        "wat_als": wat_als,
        "wat_als_niets": niets or "Er is geen vergelijkingsgroep of maatstaf om mee te rekenen.",
        "wat_als_voorbehoud": teksten.WAT_ALS_VOORBEHOUD,
        "fonds": fonds,
        "keuzes": [
            ["Jaar en document", f"{v.document.capitalize()} {v.jaar}"],
            ["Maat", maat_tekst + (" (lasten − baten)" if v.maat == "netto" else " (alle lasten)")],
            ["Model", v.model_naam],
            ["Vergelijkingsgroep", groepnaam],
            ["Regionale taken", "weggelaten (6.81, voor alle gemeenten)" if v.zonder_regio else "meegeteld"],
        ],
        "bronnen": _bronnen(fonds is not None),
        "link": de_link,
        "gemaakt": f"Gemaakt op {datetime.now():%d-%m-%Y}"
        + (f"; gegevens bijgewerkt {pd.Timestamp(bijgewerkt):%d-%m-%Y}" if not pd.isna(bijgewerkt) else ""),
    }

    return gegevens


def _bronnen(met_fonds: bool) -> list[str]:
    soorten = ["cbs_iv3", "inwoners", "gemeentefonds_regiotaken", "grenswijzigingen"] + (
        ["gemeentefonds"] if met_fonds else []
    )
    regels = [
        f"{licenties.bron(s).uitgever.replace('Gemeenten <jaar> onbewerkte', 'onbewerkte')}, licentie "
        f"{licenties.bron(s).licentie}"
        for s in soorten
    ]
    return [*regels, "Bewerking: Sociale Basis-dashboard (model, taakvelden per laag: zie de pagina Methode)."]


def _lagen(rij, groep, nl, naam: str) -> dict:
    """De lagengrafiek als gegevens voor het sjabloon (Typst tekent haar zelf, zonder browser): per
    laag de staaf van de gemeente, ◆ de groep en | Nederland, per inwoner. De getallen komen uit
    dezelfde tabel als ‘Cijfers achter deze grafiek’ op de Gemeente-pagina (cijfers.lagen)."""
    tabel = cijfers.lagen_vergelijking(rij, groep, nl, naam, True).ruw
    tabel = tabel[tabel["Soort"] == "laag"]  # de staven; de functies eronder staan in de kerncijfers
    eigen, *anderen = tabel.columns[2:]  # '<wie> (€ per inwoner)': gemeente, [groep,] Nederland
    groep_k = next((k for k in anderen if k.startswith("Vergelijkingsgroep")), None)
    nl_k = next(k for k in anderen if k.startswith("Nederland"))
    ticks = charts.stappen(float(tabel[[eigen, *anderen]].min().min()), float(tabel[[eigen, *anderen]].max().max()))
    return {
        "min": ticks[0],
        "max": ticks[-1],
        "ticks": [{"v": t, "t": fmt.euro(t)} for t in ticks],
        "rijen": [
            {
                "label": r["Laag"],
                "kleur": LAGEN[laag][1],
                "gearceerd": laag == "persoonlijk",
                "waarde": float(r[eigen]),
                "tekst": fmt.euro(r[eigen]),
                "groep": float(r[groep_k]) if groep_k else None,
                "nl": float(r[nl_k]),
            }
            for laag, (_, r) in zip(charts.VIJF_LAGEN, tabel.iterrows())
        ],
    }


def _trend(store: Store, sleutel: str, v: Verzoek, leden: list[str], naam: str) -> tuple[dict, list[str]]:
    """De trendgrafiek als gegevens voor het sjabloon (€ acuut per € preventie per jaar en document)
    en, per reeks zonder verhouding in sommige jaren, de zin die zegt waarom."""
    doel = indicators.doeljaar(store, v.jaar, v.gm_code)
    bestaand = set(indicators.gemeenten(store, doel)["gm_code"])
    reeksen = []
    if v.gm_code in bestaand:
        reeksen.append(
            (
                naam,
                charts.ACCENT,
                indicators.trend(store, sleutel, v.maat, doel, [v.gm_code], zonder_regio=v.zonder_regio),
            )
        )
    groep = [c for c in leden if c in bestaand]
    if groep:
        reeksen.append(
            ("Groep", charts.GROEP, indicators.trend(store, sleutel, v.maat, doel, groep, zonder_regio=v.zonder_regio))
        )
    reeksen.append(
        (
            "Nederland",
            charts.NEDERLAND,
            indicators.trend(store, sleutel, v.maat, doel, None, zonder_regio=v.zonder_regio),
        )
    )
    # Naast het gewogen Nederland de mediane gemeente (zoals op Trends); de groep alleen gewogen,
    # anders wordt de kleine grafiek onleesbaar.
    mediaan = indicators.trend_spreiding(store, sleutel, v.maat, doel, None, v.zonder_regio)
    kolom = "acuut_per_euro_preventie"
    lijnen = [(n, k, df, False) for n, k, df in reeksen]
    lijnen.append(("NL mediaan", charts.NEDERLAND, mediaan.rename(columns={"mediaan": kolom}), True))
    uit, jaren = [], set()
    for n, kleur, df, is_mediaan in lijnen:
        for document, deel in df.groupby("document", sort=False):
            deel = deel.dropna(subset=[kolom]).sort_values("jaar")
            if deel.empty:
                continue
            jaren |= set(int(j) for j in deel["jaar"])
            uit.append(
                {
                    "naam": n,
                    "kleur": kleur,
                    "document": document,
                    "mediaan": is_mediaan,
                    "punten": [[int(j), float(w)] for j, w in zip(deel["jaar"], deel[kolom])],
                }
            )
    hoogste = max([p[1] for r in uit for p in r["punten"]] + [0.0])
    ticks = charts.stappen(0.0, hoogste)
    gegevens = {
        "jaren": sorted(jaren),
        "max": ticks[-1],
        "ticks": [{"v": t, "t": fmt.factor(t)} for t in ticks],
        "reeksen": uit,
        "breuken": [
            {"x": x, "t": "breuk " + tekst.split(":")[0]}
            for x, tekst in charts.BREUKEN
            if jaren and min(jaren) < x < max(jaren)
        ],
        "legenda": [{"naam": n, "kleur": k, "mediaan": m} for n, k, _, m in lijnen if any(r["naam"] == n for r in uit)],
    }
    geen = [m for n, _, df in reeksen if (m := teksten.geen_verhouding_in_reeks(n, df))]
    return gegevens, geen


def pdf(store: Store, sleutel: str, v: Verzoek, land: gemeentebeeld.Land | None = None) -> tuple[str, bytes]:
    """De factsheet als PDF (één A4), met de naam van de gemeente. Zonder browser: de grafieken
    tekent het sjabloon zelf uit de gegevens."""
    gegevens = inhoud(store, sleutel, v, land=land)
    return gegevens["gemeente"], zet(gegevens)


def zet(gegevens: dict) -> bytes:
    """Typst zet het sjabloon met deze gegevens (teksten, getallen en de grafieken als reeksen)."""
    import typst

    with tempfile.TemporaryDirectory(prefix="factsheet-") as tmp:
        map_ = Path(tmp)
        shutil.copy(MAP / "factsheet.typ", map_ / "factsheet.typ")
        shutil.copy(MERKTEKEN, map_ / "merkteken.svg")
        (map_ / "gegevens.json").write_text(json.dumps(gegevens, ensure_ascii=False), encoding="utf-8")
        try:
            return typst.compile(str(map_ / "factsheet.typ"), root=str(map_))
        except RuntimeError as e:  # typst meldt sjabloonfouten als RuntimeError
            raise FactsheetFout(f"Het factsheet-sjabloon gaf een fout: {e}") from e


def bestandsnaam(naam: str, v: Verzoek) -> str:
    return export.bestandsnaam(
        naam, f"{v.document}-{v.jaar}", v.maat, "zonder-regio" if v.zonder_regio else "", "factsheet", ext="pdf"
    )


def alle(
    store: Store,
    sleutel: str,
    verzoeken: Iterable[Verzoek],
    uitmap: Path,
    meld: Callable[[int, int, str], None] | None = None,
) -> list[Path]:
    """Een factsheet per verzoek in `uitmap`; `meld(klaar, totaal, naam)` na elke."""
    verzoeken = list(verzoeken)
    uitmap.mkdir(parents=True, exist_ok=True)
    geschreven = []
    landen: dict[tuple, gemeentebeeld.Land] = {}  # wat alle gemeenten van één keuze delen, één keer
    for i, v in enumerate(verzoeken, 1):
        keuze = (v.jaar, v.document, v.maat, v.zonder_regio)
        if keuze not in landen:
            landen[keuze] = gemeentebeeld.land(store, sleutel, *keuze)
        naam, inhoud_pdf = pdf(store, sleutel, v, landen[keuze])
        pad = uitmap / bestandsnaam(naam, v)
        pad.write_bytes(inhoud_pdf)
        geschreven.append(pad)
        if meld:
            meld(i, len(verzoeken), naam)
    return geschreven
