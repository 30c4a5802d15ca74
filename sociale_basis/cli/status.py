"""`sociale-basis status`: wat staat er in de opslag (jaren en documenten, bronnen, eigen cijfers, imports)."""

from __future__ import annotations

from .. import fmt, indicators
from ..store import Store
from .gedeeld import bestaande_opslag

NAAM = "status"


def voeg_toe(sub) -> None:
    sub.add_parser(
        NAAM,
        help="wat staat er in de opslag",
        description="Toon jaren en documenten, gemeenten en de laatste imports.",
    )


def voer_uit(args) -> int:
    with bestaande_opslag(args.db) as store:
        return _status(store)


def _status(store: Store) -> int:
    for regel in status_regels(store):
        print(regel)
    return 0


def status_regels(store: Store) -> list[str]:
    b = indicators.beschikbaarheid(store)
    regels = [
        f"Opslag: {store.pad}" + (f" (versie {store.bestand.name})" if store.bestand != store.pad.absolute() else ""),
        "",
    ]
    if b.empty:
        return [*regels, "Geen Iv3-gegevens. Laad de meegeleverde met: sociale-basis import --snapshot"]
    regels.append("Iv3-gegevens (jaar × document):")
    regels.append(f"  {'jaar':<6}{'begroting':<50}{'jaarrekening'}")
    for jaar, groep in b.groupby("jaar"):
        cellen = []
        for doc in indicators.DOCUMENTEN:
            rij = groep[groep["document"] == doc]
            if rij.empty:
                cellen.append("—")
                continue
            r = rij.iloc[0]
            maten = indicators.maten_tekst(int(r["gemeenten"]), int(r["gemeenten_met_baten"]))
            leeg = f", {r['zonder_cijfers']} zonder cijfers" if r["zonder_cijfers"] else ""
            cellen.append(f"{r['gemeenten']} gem.{leeg}, {maten}")
        regels.append(f"  {jaar:<6}{cellen[0]:<50}{cellen[1]}")
    overzicht = indicators.status_overzicht(store)
    regels += [
        "",
        f"Gemeentelijsten: {overzicht['gemeentelijst_jaren']}",
        f"Inwoners (1 januari): {overzicht['inwoner_jaren']}",
        f"Gemeenteklassen: {overzicht['klasse_jaren']}",
        f"Gemeentefonds: {overzicht['circulaires']}",
        f"Kaartgrenzen: {overzicht['geo_jaren']}",
        f"Prijsindex (CPI): {overzicht['cpi_jaren']}",
        f"Grenswijzigingen: {overzicht['grens_jaren']}",
    ]
    herkomst = indicators.cbs_herkomst(store)
    if not herkomst.empty:
        regels += ["", "Opgehaald bij CBS (datum van de CBS-tabel):"]
        regels += [
            f"  Iv3 {r.document} {r.jaar}: CBS {r.tabel}, gewijzigd {fmt.datum(r.gewijzigd)}, "
            f"opgehaald {r.opgehaald:%d-%m-%Y}, {r.gemeenten} gemeenten"
            for r in herkomst.itertuples(index=False)
        ]
    eigen = indicators.eigen_cijfers(store)
    if not eigen.empty:
        regels += ["", "Eigen cijfers (geen CBS; verwijderen met `sociale-basis verwijder-eigen`):"]
        regels += [
            f"  {r.gm_code} {r.gemeente}, {r.document} {r.jaar}: {r.taakvelden} taakvelden uit {r.bestand}"
            for r in eigen.itertuples(index=False)
        ]
    regels += ["", "Laatste imports:"]
    for r in indicators.import_log(store).itertuples(index=False):
        regels.append(f"  {r.tijdstip:%Y-%m-%d %H:%M}  {r.soort:<22} {fmt.getal(r.rijen):>9} rijen  {r.bestand}")
    return regels
