"""Herkomst en licentie per soort bron: één plek, gelezen door de momentopname (manifest), de
Methode-pagina en `ophalen`. Een soort is wat `import_log.soort` noemt."""

from __future__ import annotations

from dataclasses import dataclass

CC_BY = "CC BY 4.0"
CBS = "CBS (Centraal Bureau voor de Statistiek), open data"


@dataclass(frozen=True)
class Bron:
    uitgever: str
    licentie: str
    tabellen: tuple[str, ...]  # opslagtabellen die deze soort vult
    toelichting: str = ""


BRONNEN: dict[str, Bron] = {
    "taakvelden": Bron(CBS + ", Iv3-codelijsten (statistiekcbs/iv3_definities)", CC_BY, ("taakveld",)),
    "gemeenten_per_jaar": Bron(CBS + ", gemeentelijst per jaar", CC_BY, ("gemeente_jaar", "gemeente_naam")),
    "gemeentenamen": Bron(CBS + ", gemeentenamen; koppeling aan GM-codes door dit project", CC_BY, ("gemeente_naam",)),
    "gemeentenamen_gf": Bron(
        "michielsd/begrotingsanalysetool (afwijkende gemeentefondsnamen)", "Apache-2.0", ("gemeente_naam",)
    ),
    "inwoners": Bron(CBS + ", bevolking op 1 januari", CC_BY, ("inwoners",)),
    "gemeenteklassen": Bron(
        CBS + ", grootteklasse en stedelijkheid (via begrotingsanalysetool)", CC_BY, ("gemeente_klasse",)
    ),
    "sociale_structuur": Bron(
        "michielsd/begrotingsanalysetool, sociale structuur en centrumfunctie",
        "Apache-2.0 (bron van de klassen niet vermeld)",
        ("gemeente_profiel",),
    ),
    "grenswijzigingen": Bron(
        "VNG / reidhin/grenswijzigen, grenswijzigingsmatrices",
        "CC BY-NC-SA 4.0",
        ("grenswijziging",),
        "niet-commercieel, gelijk delen: wie herrekende cijfers verspreidt volgt deze licentie",
    ),
    "iv3_lasten_2posities": Bron(
        CBS + ", Gemeenten <jaar> onbewerkte Iv3-data (extractie JoeyKurtosis/GemeenteFinancienTest)",
        CC_BY,
        ("iv3_bedrag",),
    ),
    "iv3_taakveld": Bron(
        CBS + ", Gemeenten <jaar> onbewerkte Iv3-data (gedraaid door michielsd/begrotingsanalysetool)",
        CC_BY,
        ("iv3_bedrag",),
    ),
    "iv3_cbs_ruw": Bron(CBS + ", Gemeenten <jaar> onbewerkte Iv3-data", CC_BY, ("iv3_bedrag", "iv3_categorie")),
    "gemeentefonds": Bron(
        "Ministerie van BZK, gemeentefondscirculaires; clusterverdeling berekend door "
        "michielsd/begrotingsanalysetool (schatting)",
        "Apache-2.0 (berekening)",
        ("gf_cluster",),
    ),
    "gemeentefonds_regiotaken": Bron(
        "Ministerie van BZK, gemeentefondscirculaires (decentralisatie- en "
        "integratie-uitkeringen, via michielsd/begrotingsanalysetool)",
        "Apache-2.0 (verzameling)",
        ("gf_regiotaak",),
    ),
    "gemeentefonds_volumes": Bron(
        "Ministerie van BZK, gemeentefondscirculaires (volumes van de maatstaven, via michielsd/begrotingsanalysetool)",
        "Apache-2.0 (verzameling)",
        ("gf_volume",),
    ),
    "cbs_kerncijfers": Bron(CBS + ", Kerncijfers wijken en buurten", CC_BY, ("cbs_kerncijfer",)),
    "cbs_kerncijfers_wijken": Bron(CBS + ", Kerncijfers wijken en buurten (wijken)", CC_BY, ("wijk", "wijk_cijfer")),
    "cbs_zorggebruik": Bron(CBS + ", Gemeentelijke Monitor Sociaal Domein (jeugdzorg, Wmo)", CC_BY, ("zorggebruik",)),
    "geo_wijken": Bron(CBS + " / PDOK, wijkgrenzen (vereenvoudigd)", CC_BY, ("geo_wijk",)),
    "nplv_focusgebieden": Bron(
        "Nationaal Programma Leefbaarheid en Veiligheid, focusgebieden 2022 (lijst overgenomen door dit project)",
        "openbare overheidsinformatie",
        ("nplv_focusgebied",),
    ),
    "geo": Bron(CBS + " / PDOK, gebiedsindelingen (vereenvoudigd)", CC_BY, ("geo_gemeente",)),
    "cpi": Bron(CBS + ", consumentenprijsindex 83131NED", CC_BY, ("prijsindex",)),
    "cpi_mutaties": Bron(CBS + ", CPI-jaarmutaties (geschakeld)", CC_BY, ("prijsindex",)),
    "cpi_mutaties_procent": Bron(CBS + ", CPI-jaarmutaties uit persberichten (geschakeld)", CC_BY, ("prijsindex",)),
    # Rechtstreeks opgehaald bij CBS en PDOK (sociale_basis/ophalen/, één module per bron).
    "cbs_iv3": Bron(
        CBS + ", Gemeenten <jaar> onbewerkte Iv3-data (dataderden.cbs.nl)", CC_BY, ("iv3_bedrag", "iv3_categorie")
    ),
    "cbs_gebieden": Bron(CBS + ", Gebieden in Nederland", CC_BY, ("gemeente_jaar", "gemeente_naam")),
    "cbs_inwoners": Bron(CBS + ", bevolking op 1 januari (StatLine)", CC_BY, ("inwoners",)),
    "cbs_cpi": Bron(
        CBS + ", consumentenprijsindex 83131NED (2015 = 100) en opvolger 86141NED (2025 = 100), "
        "geschakeld tot 2015 = 100",
        CC_BY,
        ("prijsindex",),
    ),
    "cbs_herkomst": Bron(CBS + ", metadata van de opgehaalde tabellen (TableInfos)", CC_BY, ("cbs_herkomst",)),
    "pdok_grenzen": Bron(CBS + " / PDOK, gebiedsindelingen gemeente_gegeneraliseerd", CC_BY, ("geo_gemeente",)),
}

ONBEKEND = Bron("onbekend (eigen bestand)", "onbekend", ())


def bron(soort: str) -> Bron:
    return BRONNEN.get(soort, ONBEKEND)


def voor_tabel(tabel: str) -> list[tuple[str, Bron]]:
    """Alle soorten die een tabel kunnen vullen, in vaste volgorde."""
    return [(soort, b) for soort, b in BRONNEN.items() if tabel in b.tabellen]


_LABELS_OPHALEN = {
    "cbs_iv3": "Iv3 van CBS (opgehaald)",
    "cbs_gebieden": "gemeentelijsten van CBS (opgehaald)",
    "cbs_inwoners": "inwoners van CBS (opgehaald)",
    "cbs_cpi": "CPI van CBS (opgehaald)",
    "cbs_herkomst": "metadata van CBS (opgehaald)",
    "pdok_grenzen": "gemeentegrenzen van PDOK (opgehaald)",
    "snapshot": "momentopname (manifest)",
}


def label(soort: str) -> str:
    """Een soort uit import_log in woorden voor een gebruiker."""
    from .sources import FORMATEN

    if soort in _LABELS_OPHALEN:
        return _LABELS_OPHALEN[soort]
    if soort.startswith("snapshot_"):
        return f"momentopname: {soort.removeprefix('snapshot_').replace('_', ' ')}"
    return next((f.omschrijving for f in FORMATEN if f.soort == soort), soort)
