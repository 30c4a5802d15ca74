"""`ophalen` tegen een nagebootste CBS/PDOK-server op 127.0.0.1: paginering, herhalen bij 500,
429 met Retry-After, timeout en afgekapt antwoord, hervatten uit de cache, een gewijzigde vorm —
en bij elke blijvende fout een ongewijzigde opslag met een Nederlandse melding."""

from __future__ import annotations

import pytest
from cbs_nep import NepCBS
from conftest import momentopname

from sociale_basis import indicators, model
from sociale_basis.cli import main
from sociale_basis.ophalen import OphaalFout, laad_bronnen, ophaal
from sociale_basis.store import Store


@pytest.fixture
def nep():
    with NepCBS() as server:
        yield server


@pytest.fixture
def omgeving(nep, tmp_path):
    """(bronnen, cache, opslag, wachttijden): de bronnenlijst wijst naar de nepserver."""
    pad = tmp_path / "bronnen.toml"
    pad.write_text(nep.bronnen_toml(), encoding="utf-8")
    gewacht: list[float] = []
    store = Store(tmp_path / "s.duckdb")
    yield laad_bronnen(pad), tmp_path / "cache", store, gewacht
    store.sluit()


def _haal(omgeving, **kw):
    bronnen, cache, store, gewacht = omgeving
    opties = {"pogingen": 4, "basis_wacht": 0.01, "timeout": 0.5, "slaap": gewacht.append}
    return ophaal(store, bronnen, cache=cache, client_opties=opties, **kw)


def _telling(store: Store, tabel: str) -> int:
    with store.cursor() as cur:
        return cur.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]  # noqa: S608 (vaste naam)


def test_alles_ophalen_met_paginering(nep, omgeving):
    _, _, store, gewacht = omgeving
    uit = _haal(omgeving)
    assert not gewacht
    # 3 gemeenten × 10 regels per verslagsoort, 7 per pagina: 5 pagina's via odata.nextLink.
    iv3 = [s for r, f, s in nep.log if r == "45063NED" and "2023X000" in f]
    assert iv3 == [0, 7, 14, 21, 28]
    assert len(uit.verslag.geladen) == 6  # gemeenten, inwoners, cpi, 2× Iv3, grenzen
    sleutel = store.laad_model(model.laad())
    b = indicators.beschikbaarheid(store)
    assert set(zip(b["jaar"], b["document"], b["gemeenten_met_baten"], strict=True)) == {
        (2023, "begroting", 3), (2023, "jaarrekening", 3)}
    netto = indicators.per_gemeente(store, sleutel, 2023, "begroting", "netto").set_index("gm_code")
    # 6.1: lasten 120 + 300 + 80, baten 150 (€ 1.000); 7.1: 200. Balansregels (A1) tellen niet.
    assert netto.loc["GM0363", "collectieve_preventie"] == (120 + 300 + 80 - 150 + 200) * 1000
    assert netto.loc["GM0363", "gemeente"] == "Amsterdam"
    assert netto.loc["GM0363", "inwoners"] == 931_298
    nl = indicators.groep(store, sleutel, 2023, "jaarrekening", "netto")
    assert nl["acute_zorg"] == 3 * 2 * (400 + 250) * 1000
    with store.cursor() as cur:
        assert cur.execute("SELECT cpi FROM prijsindex WHERE jaar = 2024").fetchone()[0] == 132.7
    assert _telling(store, "geo_gemeente") == 3
    assert not (omgeving[1]).exists() or not any((omgeving[1]).iterdir())  # cache opgeruimd


@pytest.mark.parametrize("storing", ["500", "429", "timeout", "afgekapt"])
def test_tijdelijke_storing_wordt_herhaald(nep, omgeving, storing):
    nep.storingen[("45063NED", 7)] = [storing, storing]
    _, _, store, gewacht = omgeving
    _haal(omgeving)
    pogingen = [s for r, f, s in nep.log if r == "45063NED" and "2023X000" in f]
    assert pogingen.count(7) == 3
    assert len(gewacht) == 2
    if storing == "429":
        assert gewacht == [2.0, 2.0]  # Retry-After van de server, niet de eigen backoff
    else:
        # Exponentieel met jitter: poging 1 wacht ½–1 × 0,01 s, poging 2 ½–1 × 0,02 s.
        assert 0.005 <= gewacht[0] <= 0.01 <= gewacht[1] <= 0.02
    assert _telling(store, "iv3_bedrag") > 0


@pytest.mark.parametrize("storing, melding", [
    ("500", "HTTP 500"), ("429", "HTTP 429"), ("timeout", "geen antwoord binnen 0.5 s"),
    ("afgekapt", "onvolledig"),
])
def test_aanhoudende_fout_laat_opslag_ongewijzigd(nep, omgeving, storing, melding):
    """Na een gedeeltelijk geslaagde ophaling (gemeenten, inwoners en CPI zijn al binnen) blijft
    een blijvende fout in de Iv3-tabel: de opslag verandert niet, de melding zegt wat en waar."""
    _, _, store, gewacht = omgeving
    voor = momentopname(store)
    nep.altijd["45063NED"] = storing
    with pytest.raises(OphaalFout, match=rf"Iv3 begroting 2023 \(CBS 45063NED\).*{melding}.*4 pogingen"):
        _haal(omgeving)
    assert len(gewacht) == 3
    assert momentopname(store) == voor


def test_gewijzigde_vorm_wordt_gemeld_zonder_te_herhalen(nep, omgeving):
    _, _, store, gewacht = omgeving
    voor = momentopname(store)
    nep.storingen[("45063NED", 0)] = ["schema"]
    with pytest.raises(OphaalFout, match="Gemeenten ontbreken.*van vorm veranderd"):
        _haal(omgeving)
    assert not gewacht
    assert momentopname(store) == voor


def test_onbekende_tabel_meteen_gemeld(nep, omgeving):
    _, _, store, gewacht = omgeving
    nep.altijd["45063NED"] = "404"
    with pytest.raises(OphaalFout, match="404.*tabel-id"):
        _haal(omgeving)
    assert [r for r, _f, _s in nep.log].count("45063NED") == 1 and not gewacht
    assert _telling(store, "iv3_bedrag") == 0


def test_onderbroken_ophaling_hervat_uit_de_cache(nep, omgeving):
    _, _, store, _ = omgeving
    # Eerste poging: begroting-pagina's 0 en 7 komen binnen, dan blijft 14 falen.
    nep.storingen[("45063NED", 14)] = ["500"] * 4
    with pytest.raises(OphaalFout):
        _haal(omgeving)
    eerste = list(nep.log)
    assert ("45063NED", "Verslagsoort eq '2023X000'", 7) in eerste
    nep.log.clear()
    _haal(omgeving)
    # Alleen wat ontbrak: gemeentelijst, inwoners, CPI en begroting-pagina's 0 en 7 niet opnieuw.
    assert not [x for x in nep.log if x[0] in ("85385NED", "03759ned", "83131NED")]
    begroting = [s for r, f, s in nep.log if r == "45063NED" and "2023X000" in f]
    assert begroting == [14, 21, 28]
    assert _telling(store, "iv3_bedrag") > 0


def test_pdok_onbereikbaar_laat_grenzen_staan(nep, omgeving):
    _, _, store, _ = omgeving
    nep.altijd["pdok2023"] = "500"
    uit = _haal(omgeving)
    assert any("gemeentegrenzen 2023" in o and "niet bijgewerkt" in o for o in uit.opmerkingen)
    assert _telling(store, "geo_gemeente") == 0 and _telling(store, "iv3_bedrag") > 0


def test_tweede_ophaling_verandert_niets(nep, omgeving):
    _, _, store, _ = omgeving
    _haal(omgeving)
    voor = momentopname(store)
    uit = _haal(omgeving)
    assert not uit.verslag.geladen and momentopname(store) == voor


def test_opgehaalde_cbs_tabel_vervangt_afgeleide_bron(nep, omgeving):
    """Over de meegeleverde gegevens heen: voor de opgehaalde gemeenten telt CBS zelf (met de
    categorieën en baten), de rest blijft uit de momentopname."""
    from sociale_basis import snapshot
    from sociale_basis.importer import voer_in

    _, _, store, _ = omgeving
    voer_in(store, snapshot.stappen())
    _haal(omgeving, onderdelen=["iv3"])
    with store.cursor() as cur:
        bronnen = dict(cur.execute("SELECT gm_code, any_value(bron) FROM iv3_gekozen WHERE jaar = 2023 "
                                   "AND document = 'begroting' AND gm_code IN ('GM0363', 'GM0344') "
                                   "GROUP BY 1").fetchall())
        assert bronnen == {"GM0363": "cbs_ruw", "GM0344": "taakveld_lasten_baten"}
        assert cur.execute("SELECT count(*) FROM iv3_bedrag WHERE gm_code = 'GM0363' AND jaar = 2023 "
                           "AND bron <> 'cbs_ruw'").fetchone()[0] == 0


def test_cli_ophalen(nep, tmp_path, capsys):
    pad = tmp_path / "bronnen.toml"
    pad.write_text(nep.bronnen_toml(), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["--db", str(db), "ophalen", "--bronnen", str(pad), "--cache", str(tmp_path / "c")]) == 0
    fout = capsys.readouterr().err
    assert "Iv3 begroting 2023" in fout and "Opgehaald" in fout
    nep.altijd["83131NED"] = "500"
    assert main(["--db", str(db), "ophalen", "--bronnen", str(pad), "--cache", str(tmp_path / "c"),
                 "--pogingen", "2", "--wacht", "0.01"]) == 1
    assert "niet veranderd" in capsys.readouterr().err


def test_gemeten_verdeling_na_ophalen_en_in_de_momentopname(nep, omgeving, tmp_path):
    """Opgehaalde CBS-tabellen geven de categorieën van 6.1: de verdeling is gemeten (subsidies 300
    tegen personeel 120 + inkoop 80 → 60% informeel), en reist mee in een momentopname."""
    from sociale_basis import snapshot
    from sociale_basis.importer import voer_in

    _, _, store, _ = omgeving
    _haal(omgeving)
    sleutel = store.laad_model(model.laad())
    g = indicators.gemeten_verdeling(store, sleutel)
    informeel = g[(g["laag"] == "informeel") & (g["document"] == "begroting")].iloc[0]
    assert informeel["gemeenten"] == 3 and float(informeel["gewogen"]) == 0.6
    snapshot.maak(store, tmp_path / "snap", "test")
    with Store(tmp_path / "kopie.duckdb") as kopie:
        voer_in(kopie, snapshot.stappen(tmp_path / "snap"))
        k = kopie.laad_model(model.laad())
        assert indicators.gemeten_verdeling(kopie, k).equals(g)
        assert indicators.per_gemeente(kopie, k, 2023, "begroting", "netto").equals(
            indicators.per_gemeente(store, sleutel, 2023, "begroting", "netto"))


def test_vorm_fout_komt_niet_in_de_cache(nep, omgeving):
    """Een eenmalig verkeerd antwoord blokkeert de volgende ophaling niet: de pagina is niet bewaard."""
    nep.storingen[("45063NED", 7)] = ["schema"]
    with pytest.raises(OphaalFout, match="van vorm veranderd"):
        _haal(omgeving)
    uit = _haal(omgeving)
    assert uit.verslag.geladen


def test_onleesbare_retry_after_valt_terug_op_backoff(nep, omgeving):
    _, _, store, gewacht = omgeving
    nep.storingen[("45063NED", 0)] = ["429raar"]
    _haal(omgeving)
    assert len(gewacht) == 1 and 0.005 <= gewacht[0] <= 0.01
    assert _telling(store, "iv3_bedrag") > 0


def test_retry_after_als_getal_of_datum():
    from sociale_basis.ophalen import _retry_after

    assert _retry_after("3") == 3.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") < 0  # in het verleden: meteen opnieuw
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 -0000") < 0  # zonder tijdzone: als UTC gelezen
    assert _retry_after("onzin") is None
