"""De opdrachtregel `sociale-basis`: importeren, indicatoren als CSV, status van de opslag.

Dun over dezelfde functies als het dashboard; fouten komen als Nederlandse melding op stderr
met exitcode ≠ 0, nooit als traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import fmt, importer, indicators, model
from .sources.lezen import InvoerFout
from .store import OpslagFout, Store, standaard_pad

EXIT_FOUT = 1
EXIT_GEBRUIK = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sociale-basis",
        description="Gemeentebegrotingen (CBS Iv3) op het model van de sociale basis.",
        epilog="De opslag staat in --db, anders in $SOCIALE_BASIS_DB, anders in "
               f"{standaard_pad()}.")
    p.add_argument("--db", metavar="PAD", help="pad van de DuckDB-opslag")
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")

    imp = sub.add_parser("import", help="bestanden of mappen importeren",
                         description="Importeer bronbestanden (of alle bekende bestanden in een map) "
                                     "in één transactie. Bij een fout verandert er niets.")
    imp.add_argument("paden", nargs="+", metavar="PAD", help="bestand of map")
    imp.add_argument("--uitgebreid", action="store_true",
                     help="toon ook welke bestanden in een map zijn overgeslagen en waarom")

    ind = sub.add_parser("indicatoren", help="indicatoren per gemeente als CSV",
                         description="Schrijf per gemeente de bedragen per laag (hele euro's), het "
                                     "totaal, collectieve preventie, acute zorg en hun verhouding "
                                     "als CSV naar stdout.")
    ind.add_argument("--jaar", type=int, required=True, help="begrotings- of verslagjaar, bv. 2023")
    ind.add_argument("--document", choices=indicators.DOCUMENTEN, required=True,
                     help="begroting of jaarrekening")
    ind.add_argument("--maat", choices=indicators.MATEN, default="netto",
                     help="netto (lasten − baten, standaard) of bruto (lasten)")
    ind.add_argument("--model", metavar="BESTAND", default=str(model.STANDAARD),
                     help="modelbestand (CSV); standaard data/model/standaard.csv")

    sub.add_parser("status", help="wat staat er in de opslag",
                   description="Toon jaren en documenten, gemeenten en de laatste imports.")

    mod = sub.add_parser("model", help="een modelbestand controleren",
                         description="Controleer een modelbestand en toon per schema de lagen.")
    mod.add_argument("bestand", nargs="?", default=str(model.STANDAARD), metavar="BESTAND")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.opdracht == "model":
            return _model(args)
        if args.opdracht == "import":
            with Store(args.db) as store:
                return _import(store, args)
        if not (Path(args.db) if args.db else standaard_pad()).exists():
            raise OpslagFout("Er is nog geen opslag. Importeer eerst gegevens, bv.: "
                             "sociale-basis import ../shared/data")
        with Store(args.db, alleen_lezen=True) as store:
            return _indicatoren(store, args) if args.opdracht == "indicatoren" else _status(store)
    except (InvoerFout, OpslagFout, indicators.IndicatorFout) as e:
        print(f"sociale-basis: {e}", file=sys.stderr)
        return EXIT_FOUT
    except BrokenPipeError:
        # Uitvoer naar bv. `head` die eerder stopt: geen fout voor de gebruiker.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0


def _import(store: Store, args) -> int:
    verslag = importer.importeer(store, args.paden, meld=lambda regel: print(regel, file=sys.stderr))
    if args.uitgebreid:
        for pad, reden in verslag.overgeslagen:
            print(f"overgeslagen: {pad} ({reden})", file=sys.stderr)
    print(f"Klaar in {fmt.getal(verslag.seconden, 1)} s: {len(verslag.geladen)} bestand(en) geladen, "
          f"{len(verslag.ongewijzigd)} ongewijzigd, {len(verslag.overgeslagen)} overgeslagen"
          f"{'' if args.uitgebreid or not verslag.overgeslagen else ' (zie --uitgebreid)'}.",
          file=sys.stderr)
    return 0


def _indicatoren(store: Store, args) -> int:
    sleutel = store.laad_model(model.laad(args.model))
    df = indicators.per_gemeente(store, sleutel, args.jaar, args.document, args.maat)
    uit = df[indicators.CLI_KOLOMMEN].copy()
    # Hele euro's: met Iv3-bedragen in hele € 1.000 en aandelen met ≤ 3 decimalen is dit exact.
    for kolom in [*model.LAGEN, "totaal", "collectieve_preventie", "acute_zorg"]:
        uit[kolom] = uit[kolom].round().astype("int64")
    uit["inwoners"] = uit["inwoners"].astype("Int64")
    uit["acuut_per_euro_preventie"] = uit["acuut_per_euro_preventie"].round(4)
    uit.to_csv(sys.stdout, index=False, lineterminator="\n")
    if args.maat == "netto" and not indicators.netto_volledig(store, args.jaar, args.document):
        print(f"Let op: netto alleen voor de {len(uit)} gemeenten met baten in de bron; de andere "
              "hebben alleen lasten en staan niet in de uitvoer (gebruik --maat bruto).", file=sys.stderr)
    leeg = indicators.zonder_cijfers(store, args.jaar, args.document)
    if not leeg.empty:
        print(f"Let op: geen cijfers in de bron (alles 0) voor {len(leeg)} gemeente(n), niet opgenomen: "
              f"{', '.join(leeg['gemeente'])}.", file=sys.stderr)
    return 0


def _status(store: Store) -> int:
    for regel in status_regels(store):
        print(regel)
    return 0


def status_regels(store: Store) -> list[str]:
    b = indicators.beschikbaarheid(store)
    regels = [f"Opslag: {store.pad}", ""]
    if b.empty:
        return [*regels, "Geen Iv3-gegevens. Importeer bv.: sociale-basis import ../shared/data"]
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
            maten = "bruto + netto" if r["gemeenten_met_baten"] == r["gemeenten"] else (
                "alleen bruto (geen baten)" if r["gemeenten_met_baten"] == 0
                else f"netto voor {r['gemeenten_met_baten']}")
            leeg = f", {r['zonder_cijfers']} zonder cijfers" if r["zonder_cijfers"] else ""
            cellen.append(f"{r['gemeenten']} gem.{leeg}, {maten}")
        regels.append(f"  {jaar:<6}{cellen[0]:<50}{cellen[1]}")
    overzicht = store.query("marts/status_overzicht").iloc[0]
    regels += ["", f"Gemeentelijsten: {overzicht['gemeentelijst_jaren']}",
               f"Inwoners (1 januari): {overzicht['inwoner_jaren']}",
               f"Gemeenteklassen: {overzicht['klasse_jaren']}",
               f"Gemeentefonds: {overzicht['circulaires']}",
               f"Kaartgrenzen: {overzicht['geo_jaren']}",
               f"Prijsindex (CPI): {overzicht['cpi_jaren']}",
               f"Grenswijzigingen: {overzicht['grens_jaren']}", "", "Laatste imports:"]
    for r in store.query("marts/import_log").itertuples(index=False):
        regels.append(f"  {r.tijdstip:%Y-%m-%d %H:%M}  {r.soort:<22} {fmt.getal(r.rijen):>9} rijen  "
                      f"{Path(r.bestand).name}")
    return regels


def _model(args) -> int:
    m = model.laad(args.bestand)
    print(f"Model {m.naam} ({m.pad}) is geldig.")
    for schema, _van, _tot in m.schemas():
        regels = m.regels[m.regels["schema"] == schema]
        print(f"  schema {schema}: {regels['taakveld'].nunique()} taakvelden")
        for laag, groep in regels.groupby("laag", sort=False):
            print(f"    {laag:<15} {', '.join(dict.fromkeys(groep['taakveld']))}"[:150])
    return 0


if __name__ == "__main__":
    sys.exit(main())
