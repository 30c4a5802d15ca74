"""Links die vergeven: de regels (zuiver) en wat het dashboard met zo'n link doet (AppTest)."""

from __future__ import annotations

import pytest
from test_paginas import app, db  # noqa: F401 (fixture)

from sociale_basis import links

NAMEN = {"GM0014": "Groningen", "GM0363": "Amsterdam", "GM1900": "Súdwest-Fryslân",
         "GM0373": "Bergen (NH.)", "GM1969": "Westerkwartier"}


@pytest.mark.parametrize("ruw, code", [
    ("GM0014", "GM0014"), ("gm0014", "GM0014"), ("GM14", "GM0014"), ("0363", "GM0363"),
    ("Groningen", "GM0014"), ("groningen", "GM0014"), ("GRONINGEN", "GM0014"),
    ("Groningen (gemeente)", "GM0014"), ("sudwest fryslan", "GM1900"), ("Súdwest Fryslân", "GM1900"),
    ("bergen (nh.)", "GM0373"), ("Zuidhorn", "GM1969"),
    ("Nergenshuizen", None), ("GM9999", None), ("", None), ("Bergen", None),
])
def test_gemeente_uit_link(ruw, code):
    oud = [("Zuidhorn", "GM1969"), ("Maarssen", "GM0344")]  # GM0344 bestaat niet in NAMEN
    assert links.gemeente(ruw, NAMEN, oud) == code


@pytest.mark.parametrize("ruw, opties, goed", [
    ("jaarrekening", ["Begroting", "Jaarrekening"], "Jaarrekening"),
    ("BRUTO", ["Netto", "Bruto"], "Bruto"),
    ("per_inwoner", ["Per inwoner", "Totaal"], "Per inwoner"),
    ("per inwoner", ["Per inwoner", "Totaal"], "Per inwoner"),
    ("winst", ["Netto", "Bruto"], None),
])
def test_keuze_uit_link(ruw, opties, goed):
    assert links.keuze(ruw, opties) == goed


def _meldingen(at) -> list[str]:
    return [w.value for w in at.warning if "De link noemt" in w.value]


def test_link_met_gm_code_en_kleine_letters(db):  # noqa: F811
    at = app(db, "gemeente", gemeente="GM0014", document="jaarrekening", maat="bruto")
    assert not at.exception, at.exception
    k = at.session_state["_keuze"]
    assert (k.gemeente, k.document, k.gevraagde_maat) == ("GM0014", "jaarrekening", "bruto")
    # De URL krijgt de vorm die de widgets zelf schrijven; jaarrekening is er niet voor 2025.
    assert at.query_params["gemeente"] == "Groningen"
    assert at.query_params["document"] == "Jaarrekening"
    assert int(at.query_params["jaar"]) == k.jaar < 2025
    assert not _meldingen(at)


def test_link_met_onbekende_gemeente_geeft_melding(db):  # noqa: F811
    at = app(db, gemeente="Nergenshuizen", jaar="2025", weergave="TOTAAL")
    assert not at.exception, at.exception
    assert _meldingen(at) == ["De link noemt gemeente ‘Nergenshuizen’; die kennen we niet voor 2025. "
                              "Je ziet Amsterdam."]
    k = at.session_state["_keuze"]
    assert k.gemeente == "GM0363" and not k.per_inwoner


def test_elke_pagina_heeft_kopieer_link(db):  # noqa: F811
    at = app(db, "trends")
    assert any("Kopieer link" in h.proto.body for h in at.get("html"))
