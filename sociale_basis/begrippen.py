"""De vaste begrippen van het model: lagen (volgorde, naam, kleur) en functies. Eén bron voor
Python (pagina's, exports, CLI) én SQL: de opslag vult er de bedragkolommen en de som per laag
en functie in `queries/werk/` mee in (store.py), zodat een laag nergens anders wordt opgesomd."""

from __future__ import annotations

# Lagen in vaste volgorde, met naam en kleur (Okabe-Ito, kleurenblind-veilig): de sociale basis
# in koele kleuren, zorg na escalatie in warme.
LAGEN = {
    # Wat erin zit, staat in de naam: 6.3–6.5 (bijstand, minimabeleid, schuldhulp, WSW, re-integratie)
    # is inkomen en werk, geen geld voor het eigen netwerk van mensen (zie Methode).
    "persoonlijk": ("Persoonlijk: bestaanszekerheid", "#CC79A7"),
    "informeel": ("Informeel (gemeenschappelijk)", "#56B4E9"),
    "institutioneel": ("Institutioneel", "#009E73"),
    "maatwerk": ("Maatwerk", "#E69F00"),
    "acuut": ("Acuut / geëscaleerd", "#D55E00"),
    "overig": ("Overig", "#BBBBBB"),
}
NIET_MEEGETELD = "niet_meegeteld"  # reservemutaties en resultaat: geen uitgave voor een taak

FUNCTIES = {
    "collectieve_preventie": "Collectieve preventie",
    "toegang": "Toegang en vroegsignalering",
    "bestaanszekerheid": "Bestaanszekerheid en participatie",
    "individuele_ondersteuning": "Individuele ondersteuning (maatwerk)",
    "acute_zorg": "Acute en geëscaleerde zorg",
    "beleid": "Coördinatie en beleid sociaal domein",
    "buiten_sociaal_domein": "Buiten het sociaal domein",
    "geen_uitgave": "Geen uitgave (reserves, resultaat)",
}
# Functies die als eigen bedrag per gemeente worden opgeteld (de andere vallen alleen in 'overig').
GESOMDE_FUNCTIES = [f for f in FUNCTIES if f not in ("buiten_sociaal_domein", "geen_uitgave")]
# Alle bedragkolommen van de indicatoren, in deze volgorde.
BEDRAGEN = [*LAGEN, "totaal", *GESOMDE_FUNCTIES]


# Rang: wie minder dan dit deel uitgeeft van wat Nederland per inwoner aan acute zorg uitgeeft (zelfde
# jaar, document, maat en keuze over regionale taken), krijgt geen rang. Zo'n bedrag zegt waar de zorg
# geboekt wordt (een gemeenschappelijke regeling, een centrumgemeente), niet dat er weinig nodig is.
# Gemeten (tests/test_regio.py): in 2023–2026 vallen er per keuze 0 tot 9 gemeenten onder, elk met
# minder dan € 15 per inwoner (de mediane gemeente: rond € 100), zoals Schiermonnikoog met € 4 in 2025.
DREMPEL_ACUUT = 0.05


def sql_bedragen() -> str:
    """De lijst als SQL-lijst van namen (vaste namen uit deze module, geen invoer)."""
    return ", ".join(f"'{b}'" for b in BEDRAGEN)


def sql_sommen() -> str:
    """Per laag en functie een som (0 als er niets is), plus het totaal."""
    regels = [f"coalesce(sum(bedrag) FILTER (laag = '{laag}'), 0) AS {laag}" for laag in LAGEN]
    regels.append("sum(bedrag) AS totaal")
    regels += [f"coalesce(sum(bedrag) FILTER (functie = '{f}'), 0) AS {f}" for f in GESOMDE_FUNCTIES]
    return ",\n        ".join(regels)
