"""De opdrachtregel `sociale-basis`: importeren, ophalen bij CBS, de momentopname, indicatoren, realisatie en
behoefte als CSV, factsheets, eigen cijfers verwijderen, status en opwarmen (`sociale-basis --help`).

Dun over dezelfde functies als het dashboard; fouten komen als Nederlandse melding op stderr
met exitcode ≠ 0, nooit als traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import begrippen, fmt, importer, indicators, links, model, ophalen, snapshot, vergelijkingsgroep
from .begrippen import BEHOEFTEN, INDICATOREN, STANDAARD_BEHOEFTE
from .sources.lezen import InvoerFout
from .store import OpslagFout, Store, nieuwe_versie, standaard_pad

EXIT_FOUT = 1


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sociale-basis",
        description="Gemeentebegrotingen (CBS Iv3) op het model van de sociale basis.",
        epilog=f"De opslag staat in --db, anders in $SOCIALE_BASIS_DB, anders in {standaard_pad()}.",
    )
    p.add_argument("--db", metavar="PAD", help="pad van de DuckDB-opslag")
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")

    imp = sub.add_parser(
        "import",
        help="bestanden of mappen importeren",
        description="Importeer bronbestanden (of alle bekende bestanden in een map) "
        "in één transactie. Bij een fout verandert er niets.",
    )
    imp.add_argument("paden", nargs="*", metavar="PAD", help="bestand of map")
    imp.add_argument(
        "--snapshot",
        nargs="?",
        const=str(snapshot.STANDAARD_MAP),
        metavar="MAP",
        help="laad de meegeleverde momentopname (standaard data/snapshot) of een andere",
    )
    imp.add_argument(
        "--als-leeg",
        action="store_true",
        help="met --snapshot: alleen laden als de opslag nog geen Iv3-gegevens heeft "
        "(zo overschrijft een herstart nooit nieuwere gegevens)",
    )
    imp.add_argument(
        "--uitgebreid", action="store_true", help="toon ook welke bestanden in een map zijn overgeslagen en waarom"
    )

    ind = sub.add_parser(
        "indicatoren",
        help="indicatoren per gemeente als CSV",
        description="Schrijf per gemeente de bedragen per laag (hele euro's), het "
        "totaal, collectieve preventie, acute zorg en hun verhouding "
        "als CSV naar stdout.",
    )
    ind.add_argument("--jaar", type=int, required=True, help="begrotings- of verslagjaar, bv. 2023")
    ind.add_argument("--document", choices=indicators.DOCUMENTEN, required=True, help="begroting of jaarrekening")
    ind.add_argument(
        "--maat", choices=indicators.MATEN, default="netto", help="netto (lasten − baten, standaard) of bruto (lasten)"
    )
    ind.add_argument(
        "--model",
        metavar="BESTAND",
        default=str(model.STANDAARD),
        help="modelbestand (CSV); standaard data/model/standaard.csv",
    )
    ind.add_argument(
        "--indicator",
        action="append",
        default=[],
        choices=list(INDICATOREN),
        metavar="NAAM",
        help="voeg de kolom van deze indicator toe (meer keer mag): per inwoner als `NAAM_per_inwoner`, met een "
        "eigen noemer onder haar eigen naam. Namen: "
        + "; ".join(f"{n} ({i.label}{'' if i.eigen_noemer else ', per inwoner'})" for n, i in INDICATOREN.items()),
    )

    real = sub.add_parser(
        "realisatie",
        help="begroting tegen jaarrekening per gemeente (of voor Nederland) als CSV",
        description="Schrijf per gemeente en bedrag (collectieve preventie, acute zorg en elke laag) de "
        "begroting, de jaarrekening, het verschil en de realisatie (jaarrekening ÷ begroting, %) van één jaar "
        "als CSV naar stdout, met een kanttekening waar een incidentele stroom (opvang Oekraïne, corona, …) "
        "in het bedrag zit. Met --landelijk: Nederland als geheel, per jaar.",
    )
    real.add_argument(
        "--jaar", type=int, help="jaar met begroting én jaarrekening, bv. 2023 (met --landelijk: leeg = alle)"
    )
    real.add_argument(
        "--maat",
        choices=indicators.MATEN,
        help="netto of bruto; standaard netto waar beide documenten baten hebben, anders bruto",
    )
    real.add_argument("--landelijk", action="store_true", help="Nederland als geheel in plaats van per gemeente")
    real.add_argument("--model", metavar="BESTAND", default=str(model.STANDAARD), help="modelbestand (CSV)")

    beh = sub.add_parser(
        "behoefte",
        help="preventie naast behoefte per gemeente (of per kwintiel) als CSV",
        description="Schrijf per gemeente een maat voor behoefte (uit de gemeentefondscirculaire, per 1.000 "
        "inwoners) met haar kwintiel (1 = minste behoefte … 5 = meeste), collectieve preventie en acute zorg per "
        "inwoner en preventie per persoon als CSV naar stdout; met --per kwintiel één rij per kwintiel.",
    )
    beh.add_argument("--jaar", type=int, required=True, help="begrotings- of verslagjaar, bv. 2025")
    beh.add_argument("--document", choices=indicators.DOCUMENTEN, required=True, help="begroting of jaarrekening")
    beh.add_argument("--maat", choices=indicators.MATEN, default="netto", help="netto (standaard) of bruto")
    beh.add_argument(
        "--indicator",
        choices=list(BEHOEFTEN),
        default=STANDAARD_BEHOEFTE,
        help=f"de maat voor behoefte (standaard {STANDAARD_BEHOEFTE})",
    )
    beh.add_argument(
        "--per", choices=["gemeente", "kwintiel"], default="gemeente", help="één rij per gemeente of per kwintiel"
    )
    beh.add_argument("--model", metavar="BESTAND", default=str(model.STANDAARD), help="modelbestand (CSV)")

    oph = sub.add_parser(
        "ophalen",
        help="de nieuwste gegevens ophalen bij CBS en PDOK (internet nodig)",
        description="Haal Iv3 (begroting en jaarrekening, lasten en baten, alle jaren), "
        "gemeentelijsten, inwoners, de CPI en gemeentegrenzen op bij CBS "
        "(OData) en PDOK, en importeer alles in één transactie. Mislukt er "
        "iets, dan verandert de opslag niet; een herhaling gaat verder waar "
        "de vorige stopte.",
    )
    oph.add_argument(
        "--bronnen",
        metavar="TOML",
        default=None,
        help="tabel-id's en adressen (standaard $SOCIALE_BASIS_CBS_BRONNEN of data/cbs_bronnen.toml)",
    )
    oph.add_argument(
        "--cache",
        metavar="MAP",
        default=None,
        help="map voor halve downloads (standaard $SOCIALE_BASIS_CACHE of .cache/ophalen)",
    )
    oph.add_argument(
        "--alleen",
        nargs="+",
        choices=list(ophalen.ONDERDELEN),
        metavar="ONDERDEEL",
        help=f"alleen deze onderdelen: {', '.join(ophalen.ONDERDELEN)}",
    )
    oph.add_argument(
        "--jaar",
        type=int,
        nargs="+",
        metavar="JAAR",
        help="alleen deze jaren (Iv3, gemeentelijsten, inwoners, grenzen; de CPI altijd heel)",
    )
    oph.add_argument(
        "--document",
        nargs="+",
        choices=indicators.DOCUMENTEN,
        metavar="DOCUMENT",
        help="alleen begroting en/of jaarrekening (Iv3)",
    )
    oph.add_argument(
        "--altijd",
        action="store_true",
        help="ook Iv3-tabellen die bij CBS niet veranderd zijn sinds de vorige ophaling",
    )
    oph.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDEN",
        help="wachttijd per pagina (standaard 300: diepe CBS-pagina's zijn soms traag)",
    )
    oph.add_argument("--pogingen", type=int, default=6, help="pogingen per verzoek (standaard 6)")
    oph.add_argument(
        "--wacht",
        type=float,
        default=1.0,
        metavar="SECONDEN",
        help="eerste wachttijd bij een tijdelijke fout; verdubbelt per poging (standaard 1)",
    )

    snap = sub.add_parser(
        "snapshot",
        help="de meegeleverde momentopname maken of bekijken",
        description="Een momentopname is een compacte kopie van de opslag (Parquet "
        "met zstd en een manifest met bronnen, licenties, rijen en sha256), "
        "die een verse clone meteen laadt.",
    )
    snap_sub = snap.add_subparsers(dest="snapshot_opdracht", required=True, metavar="OPDRACHT")
    maak = snap_sub.add_parser(
        "maak",
        help="schrijf een momentopname uit de opslag",
        description="Schrijf een momentopname van de opslag naar een map (vervangt de inhoud van die map).",
    )
    maak.add_argument(
        "--uit", metavar="MAP", default=str(snapshot.STANDAARD_MAP), help="doelmap (standaard data/snapshot)"
    )
    maak.add_argument("--naam", help="naam van de momentopname (standaard sociale-basis-JJJJ-MM-DD)")
    toon = snap_sub.add_parser(
        "toon",
        help="toon en controleer een momentopname",
        description="Toon het manifest van een momentopname en controleer de sha256.",
    )
    toon.add_argument("map", nargs="?", default=str(snapshot.STANDAARD_MAP), metavar="MAP")

    weg = sub.add_parser(
        "verwijder-eigen",
        help="eigen cijfers van een gemeente weer verwijderen",
        description="Verwijder de eigen cijfers (geen CBS) van één gemeente, jaar en "
        "document; daarna tellen de CBS-cijfers weer. `status` toont welke er zijn.",
    )
    weg.add_argument("--gemeente", required=True, metavar="GMxxxx", help="GM-code, bv. GM0344")
    weg.add_argument("--jaar", type=int, required=True)
    weg.add_argument("--document", choices=indicators.DOCUMENTEN, required=True)

    fs = sub.add_parser(
        "factsheet",
        help="factsheet (PDF, één A4) per gemeente",
        description="Maak de factsheet van de Gemeente-pagina als PDF: kopzin, lagen naast "
        "groep en Nederland, trend, gemeentefondsmaatstaf, wat als, keuzes, bronnen "
        "en de link naar dezelfde weergave. Eén gemeente naar een bestand, of "
        "meer (of 'alle') naar een map, met voortgang.",
    )
    fs.add_argument(
        "--gemeente", nargs="+", required=True, metavar="GEMEENTE", help="GM-code of naam (meer mogelijk), of 'alle'"
    )
    fs.add_argument("--jaar", type=int, required=True)
    fs.add_argument("--document", choices=indicators.DOCUMENTEN, required=True)
    fs.add_argument(
        "--maat",
        choices=indicators.MATEN,
        default="netto",
        help="netto (standaard) of bruto; netto kan alleen in jaren met baten",
    )
    fs.add_argument(
        "--zonder-regio", action="store_true", help="zonder regionale taken (6.81 voor elke gemeente uit acute zorg)"
    )
    fs.add_argument(
        "--groep-grootte",
        type=int,
        default=10,
        metavar="K",
        help="vergelijkingsgroep: de K meest vergelijkbare gemeenten (standaard 10)",
    )
    fs.add_argument(
        "--model",
        metavar="BESTAND",
        default=str(model.STANDAARD),
        help="modelbestand (CSV); standaard data/model/standaard.csv",
    )
    fs.add_argument(
        "--url",
        default=os.environ.get("SOCIALE_BASIS_URL"),
        help="adres van het dashboard voor de link naar dezelfde weergave (standaard "
        "$SOCIALE_BASIS_URL); zonder adres geen link",
    )
    fs.add_argument("--uit", required=True, metavar="PAD", help="PDF-bestand (één gemeente) of map (meer gemeenten)")

    sub.add_parser(
        "status",
        help="wat staat er in de opslag",
        description="Toon jaren en documenten, gemeenten en de laatste imports.",
    )

    warm = sub.add_parser(
        "opwarmen",
        help="een draaiend dashboard warm maken (voordat het bezoekers krijgt)",
        description="Open elke pagina één keer via Streamlits websocket, zodat de eerste bezoekers niet "
        "op imports en gedeelde caches wachten. deploy/start.sh doet dit per replica vóór nginx.",
    )
    warm.add_argument("--adres", required=True, nargs="+", metavar="URL", help="bv. http://127.0.0.1:8601")
    warm.add_argument("--timeout", type=float, default=60.0, metavar="S", help="per pagina (standaard 60 s)")

    mod = sub.add_parser(
        "model",
        help="een modelbestand controleren",
        description="Controleer een modelbestand en toon per schema de lagen.",
    )
    mod.add_argument("bestand", nargs="?", default=str(model.STANDAARD), metavar="BESTAND")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.opdracht == "model":
            return _model(args)
        if args.opdracht == "opwarmen":
            return _opwarmen(args)
        if args.opdracht == "import":
            if not args.paden and not args.snapshot:
                raise InvoerFout("opdrachtregel", "noem een bestand of map, of gebruik --snapshot.")
            # Een nieuwe versie naast de huidige: een draaiend dashboard leest door en neemt hem
            # over zodra hij klaar is (store.nieuwe_versie).
            with nieuwe_versie(args.db) as store:
                return _import(store, args)
        if args.opdracht == "verwijder-eigen":
            return _verwijder_eigen(args)
        if args.opdracht == "ophalen":
            with nieuwe_versie(args.db) as store:
                return _ophalen(store, args)
        if args.opdracht == "snapshot" and args.snapshot_opdracht == "toon":
            return _snapshot_toon(args)
        if args.opdracht == "snapshot":
            with Store(args.db, alleen_lezen=True) as store:
                return _snapshot_maak(store, args)
        if not (Path(args.db) if args.db else standaard_pad()).exists():
            raise OpslagFout(
                "Er is nog geen opslag. Laad de meegeleverde gegevens met "
                "`sociale-basis import --snapshot`, of importeer bestanden."
            )
        with Store(args.db, alleen_lezen=True) as store:
            if args.opdracht == "factsheet":
                return _factsheet(store, args)
            if args.opdracht == "behoefte":
                return _behoefte(store, args)
            if args.opdracht == "realisatie":
                return _realisatie(store, args)
            return _indicatoren(store, args) if args.opdracht == "indicatoren" else _status(store)
    except ophalen.OphaalFout as e:
        print(f"sociale-basis: {e}\nDe opslag is niet veranderd.", file=sys.stderr)
        return EXIT_FOUT
    except InvoerFout as e:
        print(invoerfout_tekst(e), file=sys.stderr)
        return EXIT_FOUT
    except (OpslagFout, indicators.IndicatorFout) as e:
        print(f"sociale-basis: {e}", file=sys.stderr)
        return EXIT_FOUT
    except BrokenPipeError:
        # Uitvoer naar bv. `head` die eerder stopt: geen fout voor de gebruiker.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0


def invoerfout_tekst(e: InvoerFout) -> str:
    """Eén probleem op één regel; meer problemen als lijst, zodat iemand ze in één keer herstelt."""
    if e.aantal == 1:
        return f"sociale-basis: {e}"
    regels = [f"sociale-basis: {fmt.getal(e.aantal)} problemen in bestand {e.bestand}; er is niets geïmporteerd."]
    regels += [
        f"  {p.plaats().removeprefix(f'bestand {e.bestand}, ') if p.bestand == e.bestand else p.plaats()}: {p.melding}"
        for p in e.problemen
    ]
    if e.weggelaten:
        regels.append(f"  … en nog {fmt.getal(e.weggelaten)} niet getoond.")
    return "\n".join(regels)


def _import(store: Store, args) -> int:
    def meld(regel: str, fractie: float) -> None:
        if fractie < 1:  # de slotregel hieronder zegt het al
            print(regel, file=sys.stderr)

    voor = []
    if args.snapshot and args.als_leeg and not indicators.beschikbaarheid(store).empty:
        print("De opslag heeft al gegevens; de momentopname wordt niet opnieuw geladen.", file=sys.stderr)
    elif args.snapshot:
        voor = snapshot.stappen(Path(args.snapshot))
    verslag = importer.importeer(store, args.paden, meld, voor=voor)
    if args.uitgebreid:
        for pad, reden in verslag.overgeslagen:
            print(f"overgeslagen: {pad} ({reden})", file=sys.stderr)
    print(
        f"Klaar in {fmt.getal(verslag.seconden, 1)} s: {len(verslag.geladen)} bestand(en) geladen, "
        f"{len(verslag.ongewijzigd)} ongewijzigd, {len(verslag.overgeslagen)} overgeslagen"
        f"{'' if args.uitgebreid or not verslag.overgeslagen else ' (zie --uitgebreid)'}.",
        file=sys.stderr,
    )
    return 0


BEHOEFTE_KOLOMMEN = {
    "gm_code": "gm_code",
    "gemeente": "gemeente",
    "waarde_per_1000": "waarde_per_1000",
    "kwintiel": "kwintiel",
    "collectieve_preventie_per_inwoner": "collectieve_preventie_per_inwoner",
    "acute_zorg_per_inwoner": "acute_zorg_per_inwoner",
    "preventie_per_persoon": "preventie_per_persoon",
}


def _behoefte(store: Store, args) -> int:
    """Dezelfde getallen als de pagina Behoefte (indicators.behoefte en per_kwintiel)."""
    from . import teksten

    sleutel = store.laad_model(model.laad(args.model))
    b = BEHOEFTEN[args.indicator]
    df = indicators.behoefte(store, sleutel, args.jaar, args.document, args.maat, b.naam)
    bron, bronjaar = indicators.behoefte_bron(store, args.jaar, b.naam)
    if args.per == "kwintiel":
        uit = indicators.per_kwintiel(df).round(4)
        uit.insert(0, "indicator", b.naam)
    else:
        uit = df[list(BEHOEFTE_KOLOMMEN)].round(
            {
                "waarde_per_1000": 4,
                "collectieve_preventie_per_inwoner": 2,
                "acute_zorg_per_inwoner": 2,
                "preventie_per_persoon": 2,
            }
        )
        uit.insert(2, "indicator", b.naam)
        uit.insert(3, "bron", f"{bron} voor {bronjaar}: {b.maatstaf}")
    uit.to_csv(sys.stdout, index=False, lineterminator="\n")
    print(
        f"Behoefte: {b.label}, {teksten.behoefte_bron(bron, bronjaar)}, per 1.000 inwoners van die bron; "
        f"{len(df)} gemeenten met cijfers en volumes ({args.maat}, {args.document} {args.jaar}).",
        file=sys.stderr,
    )
    return 0


REALISATIE_FUNCTIES = ["collectieve_preventie", "acute_zorg", *begrippen.LAGEN]
REALISATIE_KOLOMMEN = [
    "gm_code",
    "gemeente",
    "jaar",
    "maat",
    "functie",
    "begroting",
    "jaarrekening",
    "verschil",
    "realisatie_pct",
    "kanttekening",
    "crisisgeld",  # de incidentele stromen in dit bedrag, t.o.v. de begroting (hele euro's)
    "verschil_zonder_crisisgeld",  # verschil − crisisgeld: een schatting (zie Methode)
]


def _realisatie(store: Store, args) -> int:
    """Dezelfde getallen als de pagina Begroting en werkelijkheid (indicators.realisatie*)."""
    from . import teksten

    sleutel = store.laad_model(model.laad(args.model))
    if args.landelijk:
        # Zonder --maat elk jaar de maat die in beide documenten kan; met --maat die maat waar ze kan.
        df = indicators.realisatie_landelijk(store, sleutel, maat=args.maat)
        if args.jaar is not None:
            df = df[df["jaar"] == args.jaar]
            if df.empty:
                raise indicators.IndicatorFout(
                    f"Voor {args.jaar} zijn niet zowel begroting als jaarrekening in de opslag"
                    + (f" in {args.maat} (netto vraagt baten in beide documenten)." if args.maat else ".")
                )
        df = df.assign(gm_code="NL", gemeente="Nederland")
        df["kanttekening"] = [
            f"incidentele stromen {teksten.met_teken(r.incidenteel_bedrag)} in {r.gemeenten_incidenteel} gemeenten"
            if r.gemeenten_incidenteel
            else ""
            for r in df.itertuples(index=False)
        ]
    else:
        if args.jaar is None:
            raise indicators.IndicatorFout("Noem een jaar (--jaar), of gebruik --landelijk voor alle jaren.")
        maat = args.maat or indicators.realisatie_maat(store, args.jaar)
        df = indicators.realisatie(store, sleutel, args.jaar, maat)
        inc = indicators.incidenteel(store, sleutel, args.jaar, "jaarrekening", maat).set_index(["gm_code", "taakveld"])
        df["kanttekening"] = [
            teksten.kanttekening(inc.loc[[(r.gm_code, t) for t in r.incidenteel]].reset_index(), "jaarrekening", r.jaar)
            if len(r.incidenteel)
            else ""
            for r in df.itertuples(index=False)
        ]
    uit = df[df["functie"].isin(REALISATIE_FUNCTIES)].rename(columns={"incidenteel_bedrag": "crisisgeld"})
    uit["verschil_zonder_crisisgeld"] = uit["verschil"] - uit["crisisgeld"]
    uit["volgorde"] = uit["functie"].map({f: i for i, f in enumerate(REALISATIE_FUNCTIES)})
    uit = uit.sort_values(["jaar", "gm_code", "volgorde"])[REALISATIE_KOLOMMEN]
    for kolom in ("begroting", "jaarrekening", "verschil", "crisisgeld", "verschil_zonder_crisisgeld"):
        uit[kolom] = uit[kolom].round().astype("int64")
    uit["realisatie_pct"] = uit["realisatie_pct"].round(2)
    uit.to_csv(sys.stdout, index=False, lineterminator="\n")
    print(
        "Bedragen in hele euro's; realisatie_pct = jaarrekening ÷ begroting × 100. Alleen gemeenten met beide "
        "documenten in deze maat. Kanttekening en crisisgeld: incidentele stromen (zie Methode) in dat bedrag; "
        "verschil_zonder_crisisgeld is een schatting.",
        file=sys.stderr,
    )
    return 0


def _indicatoren(store: Store, args) -> int:
    from . import teksten

    sleutel = store.laad_model(model.laad(args.model))
    df = indicators.per_gemeente(store, sleutel, args.jaar, args.document, args.maat)
    uit = df[indicators.CLI_KOLOMMEN].copy()
    # Hele euro's: met Iv3-bedragen in hele € 1.000 en aandelen met ≤ 3 decimalen is dit exact.
    for kolom in [*begrippen.LAGEN, "totaal", "collectieve_preventie", "acute_zorg"]:
        uit[kolom] = uit[kolom].round().astype("int64")
    uit["inwoners"] = uit["inwoners"].astype("Int64")
    uit["acuut_per_euro_preventie"] = uit["acuut_per_euro_preventie"].round(4)
    # Incidentele stromen (opvang Oekraïne, corona, …) die in deze cijfers zitten; leeg = geen.
    inc = indicators.incidenteel(store, sleutel, args.jaar, args.document, args.maat)
    kant = teksten.kanttekeningen(inc, args.document, args.jaar)
    # vertekend: crisisgeld in preventie of acute zorg, dus geen rang (de kanttekening noemt ook ander crisisgeld).
    uit["vertekend"] = df["vertekend"].astype(bool).to_numpy()
    uit["kanttekening"] = [kant.get(c, "") for c in uit["gm_code"]]
    for naam in dict.fromkeys(args.indicator):
        i = INDICATOREN[naam]
        # Euro's per persoon in hele euro's (zoals de pagina's), een verhouding op 4 decimalen.
        kolom = naam if i.eigen_noemer else f"{naam}_per_inwoner"
        uit[kolom] = i.waarden(df, True).round(0 if i.in_euro else 4 if i.eigen_noemer else 2).to_numpy()
    uit.to_csv(sys.stdout, index=False, lineterminator="\n")
    if args.maat == "netto" and not indicators.netto_volledig(store, args.jaar, args.document):
        print(
            f"Let op: netto alleen voor de {len(uit)} gemeenten met baten in de bron; de andere "
            "hebben alleen lasten en staan niet in de uitvoer (gebruik --maat bruto).",
            file=sys.stderr,
        )
    leeg = indicators.zonder_cijfers(store, args.jaar, args.document)
    if not leeg.empty:
        print(
            f"Let op: geen cijfers in de bron (alles 0) voor {len(leeg)} gemeente(n), niet opgenomen: "
            f"{', '.join(leeg['gemeente'])}.",
            file=sys.stderr,
        )
    return 0


def _factsheet(store: Store, args) -> int:
    # Pas hier: de factsheet trekt plotly en Typst mee, en elke start van het dashboard roept de
    # opdrachtregel aan (import --als-leeg); dat scheelt daar ~0,5 s.
    from . import factsheet

    try:
        return _factsheet_maken(store, args, factsheet)
    except factsheet.FactsheetFout as e:
        print(f"sociale-basis: {e}", file=sys.stderr)
        return EXIT_FOUT


def _factsheet_maken(store: Store, args, factsheet) -> int:
    m = model.laad(args.model)
    sleutel = store.laad_model(m)
    lijst = indicators.gemeenten(store, args.jaar)
    namen = dict(zip(lijst["gm_code"], lijst["naam"]))
    if [g.lower() for g in args.gemeente] == ["alle"]:
        codes = list(namen)
    else:
        alle = indicators.gemeentenamen(store, args.jaar)
        codes = []
        for ruw in args.gemeente:
            code = links.gemeente(ruw, namen, zip(alle["naam"], alle["gm_code"]))
            if code is None:
                raise OpslagFout(f"Gemeente ‘{ruw}’ staat niet in de gemeentelijst van {args.jaar}.")
            codes.append(code)
    if args.maat == "netto" and not indicators.netto_volledig(store, args.jaar, args.document):
        raise OpslagFout(
            f"Netto kan niet voor de {args.document} {args.jaar} (niet alle gemeenten hebben baten); "
            "gebruik --maat bruto."
        )
    zonder = set(indicators.zonder_cijfers(store, args.jaar, args.document)["gm_code"])
    if len(codes) > 1 and zonder & set(codes):
        print(
            f"Let op: geen cijfers in de bron voor {', '.join(namen[c] for c in codes if c in zonder)}; "
            "daarvoor geen factsheet.",
            file=sys.stderr,
        )
        codes = [c for c in codes if c not in zonder]
    verzoeken = [
        factsheet.Verzoek(
            c,
            args.jaar,
            args.document,
            args.maat,
            vergelijkingsgroep.Groep(k=args.groep_grootte),
            args.zonder_regio,
            m.label,
            None,
            args.url,
        )
        for c in codes
    ]
    if not args.url:
        print(
            "Let op: geen --url (of $SOCIALE_BASIS_URL): de factsheet krijgt geen link naar het dashboard.",
            file=sys.stderr,
        )
    elif m.label != "standaard":
        print(
            "Let op: met een model uit een bestand krijgt de factsheet geen link (die zou het standaardmodel openen).",
            file=sys.stderr,
        )
    uit = Path(args.uit)
    start = time.perf_counter()
    if len(verzoeken) == 1 and uit.suffix.lower() == ".pdf":
        naam, pdf = factsheet.pdf(store, sleutel, verzoeken[0])
        uit.parent.mkdir(parents=True, exist_ok=True)
        uit.write_bytes(pdf)
        print(
            f"Factsheet {naam} geschreven naar {uit} ({fmt.getal(time.perf_counter() - start, 1)} s).", file=sys.stderr
        )
        return 0
    if uit.suffix.lower() == ".pdf":
        raise OpslagFout("Voor meer gemeenten is --uit een map, geen .pdf-bestand.")

    def meld(klaar: int, totaal: int, naam: str) -> None:
        vol = round(30 * klaar / totaal)
        print(
            f"\r[{'#' * vol}{'.' * (30 - vol)}] {klaar}/{totaal} {naam[:30]:<30}", end="", file=sys.stderr, flush=True
        )

    paden = factsheet.alle(store, sleutel, verzoeken, uit, meld)
    print(
        f"\n{len(paden)} factsheets geschreven naar {uit} in {fmt.getal(time.perf_counter() - start, 1)} s.",
        file=sys.stderr,
    )
    return 0


def _verwijder_eigen(args) -> int:
    with Store(args.db, alleen_lezen=True) as store:
        eigen = indicators.eigen_cijfers(store)
    gevonden = eigen[
        (eigen["gm_code"] == args.gemeente.upper())
        & (eigen["jaar"] == args.jaar)
        & (eigen["document"] == args.document)
    ]
    if gevonden.empty:
        raise OpslagFout(
            f"Er zijn geen eigen cijfers van {args.gemeente} voor de {args.document} {args.jaar}"
            + (
                f"; wel van: {', '.join(f'{r.gm_code} {r.document} {r.jaar}' for r in eigen.itertuples())}."
                if not eigen.empty
                else "."
            )
        )
    with nieuwe_versie(args.db) as store:
        importer.verwijder_eigen(store, args.gemeente.upper(), args.jaar, args.document)
    r = gevonden.iloc[0]
    print(
        f"Eigen cijfers van {r['gemeente']} ({r['gm_code']}), {r['document']} {r['jaar']} verwijderd; de "
        "CBS-cijfers tellen weer.",
        file=sys.stderr,
    )
    return 0


def _ophalen(store: Store, args) -> int:
    def meld(regel: str, fractie: float) -> None:
        if fractie < 1:
            print(f"[{fractie:4.0%}] {regel}", file=sys.stderr)

    uit = ophalen.ophaal(
        store,
        ophalen.laad_bronnen(Path(args.bronnen) if args.bronnen else None),
        cache=Path(args.cache) if args.cache else None,
        onderdelen=args.alleen,
        meld=meld,
        jaren=args.jaar,
        documenten=args.document,
        altijd=args.altijd,
        client_opties={"pogingen": args.pogingen, "basis_wacht": args.wacht, "timeout": args.timeout},
    )
    for regel in uit.overgeslagen:
        print(f"Overgeslagen: {regel}", file=sys.stderr)
    for opmerking in uit.opmerkingen:
        print(f"Let op: {opmerking}", file=sys.stderr)
    for regel in uit.nieuw:
        print(f"Nieuw: {regel}", file=sys.stderr)
    print(
        f"Opgehaald in {fmt.getal(uit.seconden, 1)} s ({uit.verzoeken} verzoeken): "
        f"{len(uit.verslag.geladen)} tabel(len) geïmporteerd, {len(uit.verslag.ongewijzigd)} ongewijzigd.",
        file=sys.stderr,
    )
    return 0


def _snapshot_maak(store: Store, args) -> int:
    m = snapshot.maak(store, Path(args.uit), args.naam)
    for tabel, info in m.inhoud["tabellen"].items():
        print(
            f"  {tabel:<18}{fmt.getal(info['rijen']):>10} rijen {fmt.getal(info['bytes'] / 1024, 0):>8} kB",
            file=sys.stderr,
        )
    print(f"Momentopname {m.naam} geschreven naar {m.pad}: {fmt.getal(m.bytes / 1e6, 2)} MB.", file=sys.stderr)
    return 0


def _snapshot_toon(args) -> int:
    m = snapshot.lees_manifest(Path(args.map))
    snapshot.controleer(m)
    print(
        f"Momentopname {m.naam}, gemaakt {m.gemaakt:%Y-%m-%d %H:%M} UTC, {fmt.getal(m.bytes / 1e6, 2)} MB; "
        "alle sha256 kloppen."
    )
    for tabel, info in m.inhoud["tabellen"].items():
        licenties = "; ".join(dict.fromkeys(b["licentie"] for b in info["bronnen"])) or "—"
        print(f"  {tabel:<18}{fmt.getal(info['rijen']):>10} rijen  {licenties}")
    return 0


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


def _opwarmen(args) -> int:
    import asyncio

    from . import opwarmen

    async def alle():  # replica's tegelijk: elk is een eigen proces
        return await asyncio.gather(
            *(opwarmen.warm(a, timeout=args.timeout) for a in args.adres), return_exceptions=True
        )

    start = time.perf_counter()
    fout = False
    for adres, runs in zip(args.adres, asyncio.run(alle())):
        if isinstance(runs, BaseException):
            fout = True
            if isinstance(runs, ConnectionRefusedError):
                reden = "geen verbinding (draait het dashboard daar?)"
            elif isinstance(runs, TimeoutError):
                reden = f"geen antwoord binnen {fmt.getal(args.timeout)} s"
            elif isinstance(runs, (OSError, opwarmen.websockets.WebSocketException)):
                reden = f"{type(runs).__name__}: {runs}"
            else:
                raise runs
            print(f"sociale-basis: opwarmen van {adres}: {reden}", file=sys.stderr)
            continue
        traagst = max(runs, key=lambda r: r.seconden)
        print(
            f"{adres}: {len(runs)} pagina's warm in {fmt.getal(time.perf_counter() - start, 1)} s "
            f"(traagst {traagst.pagina or 'nederland'}, {fmt.getal(traagst.seconden, 1)} s)"
        )
        for r in runs:
            if r.fouten:
                fout = True
                print(f"sociale-basis: {adres}: {r.pagina or 'nederland'}: {'; '.join(r.fouten)}", file=sys.stderr)
    return EXIT_FOUT if fout else 0


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
