"""Plaatsen voor privékopieën (issue 33): één per bezoeker, wie wijkt als het vol is, en het slot over
processen heen (twee processen die tegelijk ruimte maken, gaan samen niet over de grens)."""

from __future__ import annotations

import os
import threading
import time

import pytest

from sociale_basis.dashboard import kopieen
from sociale_basis.store import OpslagFout


def _zet_gebruikt(map_, seconden_geleden: float) -> None:
    t = time.time() - seconden_geleden
    os.utime(map_, (t, t))


def test_een_kopie_per_bezoeker(tmp_path):
    a1 = kopieen.nieuwe_plaats(tmp_path, "anna")
    b = kopieen.nieuwe_plaats(tmp_path, "bert")
    a2 = kopieen.nieuwe_plaats(tmp_path, "anna")  # een tweede tabblad van anna vervangt haar eerste
    assert not a1.exists() and a2.exists() and b.exists()


def test_vol_dan_wijkt_de_stilste_of_de_oudste(tmp_path):
    plaatsen = [kopieen.nieuwe_plaats(tmp_path, f"bezoeker{i}") for i in range(kopieen.MAX_KOPIEEN)]
    # Allemaal net gebruikt en net begonnen: vol, met een melding die zegt wanneer er plaats is.
    with pytest.raises(OpslagFout, match="Over hoogstens 30 minuten is er plaats"):
        kopieen.nieuwe_plaats(tmp_path, "nieuw")
    # Eén ligt 11 minuten stil: die wijkt.
    _zet_gebruikt(plaatsen[3], 11 * 60)
    nieuw = kopieen.nieuwe_plaats(tmp_path, "nieuw")
    assert not plaatsen[3].exists() and nieuw.exists()
    # Acht sessies die elke paar minuten klikken (issue 33) sluiten niet langer iedereen buiten: na
    # MAX_LEEFTIJD_MINUTEN wijkt de oudste, ook al wordt ze nog gebruikt.
    later = time.time() + (kopieen.MAX_LEEFTIJD_MINUTEN + 1) * 60
    for p in tmp_path.iterdir():
        if p.is_dir():
            os.utime(p, (later, later))  # net gebruikt, gezien vanaf `later`
    derde = kopieen.nieuwe_plaats(tmp_path, "derde", nu=later)
    assert derde.exists() and not plaatsen[0].exists()
    assert sum(p.is_dir() for p in tmp_path.iterdir()) == kopieen.MAX_KOPIEEN


def test_vergeten_kopie_wordt_opgeruimd(tmp_path):
    oud = kopieen.nieuwe_plaats(tmp_path, "anna")
    _zet_gebruikt(oud, kopieen.ONGEBRUIKT_UUR * 3600 + 60)
    kopieen.nieuwe_plaats(tmp_path, "bert")
    assert not oud.exists()


def test_slot_tegelijk_gevraagd(tmp_path):
    """Twaalf vragers tegelijk (zoals sessies op meer replica's): nooit meer dan MAX_KOPIEEN mappen. Elke vrager
    opent het slotbestand zelf; flock sluit dan elkaar uit, precies zoals tussen processen (het slot hoort bij de
    open file description, niet bij het proces). Draden in plaats van fork: een fork van het pytest-proces met al
    zijn draden (Streamlit, DuckDB) kan in het kind vastlopen en liet de testrun na afloop hangen."""
    start = threading.Barrier(12)
    uitkomsten: list[str] = []

    def vraag(i):
        start.wait(10)
        try:
            kopieen.nieuwe_plaats(tmp_path, f"p{i}")
            uitkomsten.append("plaats")
        except OpslagFout:
            uitkomsten.append("vol")

    draden = [threading.Thread(target=vraag, args=(i,)) for i in range(12)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(30)
    assert uitkomsten.count("plaats") == kopieen.MAX_KOPIEEN and uitkomsten.count("vol") == 12 - kopieen.MAX_KOPIEEN
    assert sum(p.is_dir() for p in tmp_path.iterdir()) == kopieen.MAX_KOPIEEN


def test_bezoeker_achter_nginx():
    # Achter nginx is de verbinding 127.0.0.1: dan telt X-Real-IP; rechtstreeks telt het adres zelf.
    assert kopieen.bezoeker("127.0.0.1", "203.0.113.5") == kopieen.bezoeker("203.0.113.5")
    assert kopieen.bezoeker("127.0.0.1", "203.0.113.5") != kopieen.bezoeker("127.0.0.1", "203.0.113.6")
    assert kopieen.bezoeker("198.51.100.7", "203.0.113.5") == kopieen.bezoeker("198.51.100.7")  # niet te vervalsen
    assert "203" not in kopieen.bezoeker("203.0.113.5")


def test_een_controle_tegelijk():
    bezig = threading.Event()
    klaar = threading.Event()

    def eerste():
        with kopieen.een_controle_tegelijk():
            bezig.set()
            klaar.wait(10)

    t = threading.Thread(target=eerste)
    t.start()
    bezig.wait(10)
    with pytest.raises(OpslagFout, match="al een ander bestand gecontroleerd"):
        with kopieen.een_controle_tegelijk(wacht=0.1):
            pass
    klaar.set()
    t.join()
    with kopieen.een_controle_tegelijk(wacht=0.1):
        pass
