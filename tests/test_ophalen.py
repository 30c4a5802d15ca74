"""`ophalen` tegen een nagebootste CBS/PDOK-server op 127.0.0.1 (tests/cbs_nep.py: een volledige
kubus met null-cellen, -99998, een gemeente die niets aanleverde, opgevulde sleutels, `$skip`-
pagina's, een echte $filter/$select), gestuurd door de productielijst data/cbs_bronnen.toml met
alleen de adressen vervangen: paginering, herhalen bij 500, 429 met Retry-After, timeout en afgekapt
antwoord, hervatten uit de cache, overslaan wat bij CBS niet veranderde, de CPI-opvolger — en bij
elke blijvende fout een ongewijzigde opslag met een Nederlandse melding."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from cbs_nep import CATEGORIEEN, GEMEENTEN, INWONERS, NepCBS, filter_functie, kubus_uit
from conftest import momentopname

from sociale_basis import indicators, model
from sociale_basis.cli import main
from sociale_basis.ophalen import OphaalFout, laad_bronnen, ophaal
from sociale_basis.store import Store

# Kleine pagina's, zodat de paar gevulde cellen van de nagebootste kubus over meerdere pagina's
# lopen; de echte feed geeft er 10.000 (tools/meet_ophalen.py meet met die grootte).
PAGINA = 10


@pytest.fixture
def nep():
    with NepCBS(paginagrootte=PAGINA) as server:
        yield server


def _omgeving(nep, tmp_path, toml: str | None = None):
    pad = tmp_path / "bronnen.toml"
    pad.write_text(toml or nep.bronnen_toml(), encoding="utf-8")
    return laad_bronnen(pad), tmp_path / "cache", Store(tmp_path / "s.duckdb"), []


@pytest.fixture
def omgeving(nep, tmp_path):
    """(bronnen, cache, opslag, wachttijden): de productielijst, wijzend naar de nepserver."""
    uit = _omgeving(nep, tmp_path)
    yield uit
    uit[2].sluit()


def _haal(omgeving, timeout: float = 0.5, **kw):
    bronnen, cache, store, gewacht = omgeving
    opties = {"pogingen": 4, "basis_wacht": 0.01, "timeout": timeout, "slaap": gewacht.append}
    return ophaal(store, bronnen, cache=cache, client_opties=opties, **kw)


# De storingstests gaan over Iv3 (45063NED) en de onderdelen ervóór: de zorg- en wijktabellen, kerncijfers en
# grenzen erna kosten per test seconden en zeggen daar niets over (test_alles_ophalen… haalt alles).
TOT_IV3 = ["gemeenten", "inwoners", "cpi", "iv3"]


def _haal_iv3(omgeving, **kw):
    return _haal(omgeving, onderdelen=TOT_IV3, **kw)


def _telling(store: Store, tabel: str) -> int:
    with store.cursor() as cur:
        return cur.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]  # noqa: S608 (vaste naam)


def _iv3_paginas(nep, verslagsoort="2023X000") -> list[int]:
    return [s for r, f, s in nep.log if r == "45063NED" and verslagsoort in f]


def test_alles_ophalen_met_de_productielijst(nep, omgeving):
    _, _, store, gewacht = omgeving
    uit = _haal(omgeving)
    assert not gewacht
    # De server kreeg de filter en de kolomkeuze uit de productielijst, en gaf alleen gevulde cellen:
    # 3 aanleverende gemeenten × 11 cellen (ook -99998 is "ne null") = 33 rijen, 4 pagina's via $skip.
    assert _iv3_paginas(nep) == [0, 10, 20, 30]
    filter_ = next(f for r, f, _s in nep.log if r == "45063NED")
    assert "k_2ePlaatsing_2 ne null" in filter_
    assert "Gemeenten,TaakveldBalanspost,Categorie,Verslagsoort,k_1ePlaatsing_1,k_2ePlaatsing_2" in nep.select_log
    assert "45063NED/TableInfos" in [r for r, _f, _s in nep.log]

    sleutel = store.laad_model(model.laad())
    b = indicators.beschikbaarheid(store)
    assert set(zip(b["jaar"], b["document"], b["gemeenten_met_baten"], strict=True)) == {
        (2023, "begroting", 3),
        (2023, "jaarrekening", 3),
    }
    netto = indicators.per_gemeente(store, sleutel, 2023, "begroting", "netto").set_index("gm_code")
    # 6.1: lasten 120 + 300 + 80, baten 150 (€ 1.000); 7.1: 200. Balansregels (A1) tellen niet.
    assert netto.loc["GM0363", "collectieve_preventie"] == (120 + 300 + 80 - 150 + 200) * 1000
    assert netto.loc["GM0363", "gemeente"] == "Amsterdam"
    assert netto.loc["GM0363", "inwoners"] == 931_298
    nl = indicators.groep(store, sleutel, 2023, "jaarrekening", "netto")
    assert nl["acute_zorg"] == 3 * 2 * (400 + 250) * 1000
    with store.cursor() as cur:
        # -99998 is "geen cijfer": geen regel voor 8.1, geen bedrag van -99,998 mln.
        assert cur.execute("SELECT count(*) FROM iv3_bedrag WHERE taakveld = '8.1'").fetchone()[0] == 0
        # Utrecht leverde niets aan: geen nullen in de opslag.
        assert cur.execute("SELECT count(*) FROM iv3_bedrag WHERE gm_code = 'GM0344'").fetchone()[0] == 0
    assert (
        "1 gemeente leverde voor begroting 2023 niets aan: GM0344 Utrecht. De cijfers die de opslag van "
        "deze gemeente al had, blijven staan."
    ) in uit.opmerkingen
    assert "begroting 2023: nieuw (3 gemeenten)" in uit.nieuw
    assert _telling(store, "geo_gemeente") == 5 * len(GEMEENTEN)  # 2022–2026
    assert not omgeving[1].exists() or not any(omgeving[1].iterdir())  # cache opgeruimd


def test_cpi_loopt_door_met_de_opvolger(nep, omgeving):
    """83131NED (2015 = 100) tot en met 2025, 86141NED (2025 = 100) erna: één reeks 2015 = 100,
    op 2025 geschakeld, met de herkomst per jaar."""
    _, _, store, _ = omgeving
    _haal(omgeving, onderdelen=["cpi"])
    cpi = indicators.prijsindex(store).set_index("jaar")
    assert cpi.loc[2024, "cpi"] == 132.7 and cpi.loc[2025, "cpi"] == 136.5
    assert cpi.loc[2026, "cpi"] == pytest.approx(102.6 * 136.5 / 100, abs=1e-4)
    assert set(cpi["basisjaar"]) == {2015}
    assert cpi.loc[2025, "bron"] == "CBS 83131NED (2015 = 100)"
    assert cpi.loc[2026, "bron"] == "CBS 86141NED (2025 = 100), op 2025 geschakeld naar 2015 = 100"
    from sociale_basis import teksten

    assert teksten.cpi_herkomst(indicators.prijsindex(store)) == (
        "CPI 2015 = 100: CBS 83131NED, 86141NED (geschakeld: 2026)"
    )


def test_cpi_met_een_andere_basis_dan_opgegeven_wordt_geweigerd(nep, omgeving):
    """Staat 86141NED als 2025 = 100 in de lijst maar geeft de tabel 2025 = 136,5 (nog de oude
    basis), dan slaat ophalen niets van de CPI op."""
    _, _, store, _ = omgeving
    nep.cpi["86141NED"] = [("2025JJ00", 136.5), ("2026JJ00", 140.0)]
    with pytest.raises(OphaalFout, match=r"86141NED, 2025 = 100\): het basisjaar 2025 is 136,5, niet 100"):
        _haal(omgeving, onderdelen=["cpi"])
    assert _telling(store, "prijsindex") == 0


def test_filter_aan_de_serverkant_verandert_de_totalen_niet(nep, tmp_path):
    """Dezelfde kubus zonder `ne null` en zonder `$select` (alle lege cellen en kolommen komen mee):
    dezelfde cijfers, maar tientallen keren zoveel rijen over de lijn."""
    productie = nep.bronnen_toml()
    ruim = re.sub(
        r'filter = "Verslagsoort eq \'\{verslagsoort\}\' and [^"]*"',
        "filter = \"Verslagsoort eq '{verslagsoort}'\"",
        productie,
    )
    ruim = re.sub(r"kolommen = \[[^\]]*\]", "kolommen = []", ruim)
    assert ruim != productie
    uitkomst = []
    for naam, toml in (("smal", productie), ("ruim", ruim)):
        (tmp_path / naam).mkdir()
        omgeving = _omgeving(nep, tmp_path / naam, toml)
        nep.log.clear()
        _haal(omgeving, onderdelen=["gemeenten", "inwoners", "iv3"])
        store = omgeving[2]
        sleutel = store.laad_model(model.laad())
        uitkomst.append((len(_iv3_paginas(nep)), indicators.per_gemeente(store, sleutel, 2023, "begroting", "netto")))
        store.sluit()
    (smal_paginas, smal), (ruim_paginas, ruim_df) = uitkomst
    assert ruim_paginas > 10 * smal_paginas
    assert smal.equals(ruim_df)


def test_nepserver_voert_odata_filters_echt_uit():
    rij = {"Gemeenten": "GM0363   ", "k_2ePlaatsing_2": None, "RegioS": "GM0363", "Perioden": "2024JJ00"}
    assert not filter_functie("Gemeenten eq 'GM0363'")(rij)  # opvulling telt mee
    assert filter_functie("Gemeenten eq 'GM0363   '")(rij)
    assert not filter_functie("k_2ePlaatsing_2 ne null")(rij)
    assert filter_functie("substringof('GM',RegioS) and not (Perioden eq '2023JJ00')")(rij)


def test_onbekende_kolom_in_het_filter_geeft_de_fout_van_de_server(nep, omgeving):
    _, _, store, gewacht = omgeving
    bronnen = omgeving[0]
    from dataclasses import replace

    fout = replace(bronnen, iv3_filter="Verslagsoort eq '{verslagsoort}' and Bedrag ne null")
    with pytest.raises(OphaalFout, match="400.*No property 'Bedrag'.*filter"):
        ophaal(
            store,
            fout,
            cache=omgeving[1],
            onderdelen=["iv3"],
            client_opties={"pogingen": 2, "basis_wacht": 0.01, "slaap": gewacht.append},
        )
    assert not gewacht and _telling(store, "iv3_bedrag") == 0


@pytest.mark.parametrize("storing", ["500", "429", "timeout", "afgekapt"])
def test_tijdelijke_storing_wordt_herhaald(nep, omgeving, storing):
    nep.storingen[("45063NED", 10)] = [storing, storing]
    _, _, store, gewacht = omgeving
    _haal_iv3(omgeving)
    assert _iv3_paginas(nep).count(10) == 3
    assert len(gewacht) == 2
    if storing == "429":
        assert gewacht == [2.0, 2.0]  # Retry-After van de server, niet de eigen backoff
    else:
        # Exponentieel met jitter: poging 1 wacht ½–1 × 0,01 s, poging 2 ½–1 × 0,02 s.
        assert 0.005 <= gewacht[0] <= 0.01 <= gewacht[1] <= 0.02
    assert _telling(store, "iv3_bedrag") > 0


@pytest.mark.parametrize(
    "storing, melding",
    [
        ("500", "HTTP 500"),
        ("429", "HTTP 429"),
        ("timeout", "geen antwoord binnen 0.5 s"),
        ("afgekapt", "onvolledig"),
    ],
)
def test_aanhoudende_fout_laat_opslag_ongewijzigd(nep, omgeving, storing, melding):
    """Na een gedeeltelijk geslaagde ophaling (gemeenten, inwoners en CPI zijn al binnen) blijft
    een blijvende fout in de Iv3-tabel: de opslag verandert niet, de melding zegt wat en waar."""
    _, _, store, gewacht = omgeving
    voor = momentopname(store)
    nep.altijd["45063NED"] = storing
    with pytest.raises(OphaalFout, match=rf"Iv3 begroting 2023 \(CBS 45063NED\).*{melding}.*4 pogingen"):
        _haal_iv3(omgeving)
    assert len(gewacht) == 3
    assert momentopname(store) == voor


def test_gewijzigde_vorm_wordt_gemeld_zonder_te_herhalen(nep, omgeving):
    _, _, store, gewacht = omgeving
    voor = momentopname(store)
    nep.storingen[("45063NED", 0)] = ["schema"]
    with pytest.raises(OphaalFout, match="Gemeenten ontbreken.*van vorm veranderd"):
        _haal_iv3(omgeving)
    assert not gewacht
    assert momentopname(store) == voor


def test_onbekende_tabel_meteen_gemeld(nep, omgeving):
    _, _, store, gewacht = omgeving
    nep.altijd["45063NED"] = "404"
    with pytest.raises(OphaalFout, match="404.*tabel-id"):
        _haal_iv3(omgeving)
    assert [r for r, _f, _s in nep.log].count("45063NED") == 1 and not gewacht
    assert _telling(store, "iv3_bedrag") == 0


def test_onderbroken_ophaling_kost_alleen_de_mislukte_pagina(nep, omgeving):
    _, _, store, _ = omgeving
    # Eerste poging: begroting-pagina's 0 en 10 komen binnen, dan blijft 20 falen.
    nep.storingen[("45063NED", 20)] = ["500"] * 4
    with pytest.raises(OphaalFout):
        _haal_iv3(omgeving)
    assert _iv3_paginas(nep) == [0, 10, 20, 20, 20, 20]
    nep.log.clear()
    _haal_iv3(omgeving)
    # Alleen wat ontbrak: gemeentelijsten, inwoners, CPI en begroting-pagina's 0 en 10 niet opnieuw.
    assert not [x for x in nep.log if x[0] in ("85385NED", "03759ned", "83131NED", "86141NED")]
    assert _iv3_paginas(nep) == [20, 30]
    assert _telling(store, "iv3_bedrag") > 0


def test_herhaling_slaat_over_wat_bij_cbs_niet_veranderde(nep, omgeving):
    """Een tweede ophaling vraagt bij Iv3 alleen de metadata (TableInfos); pas als CBS de tabel
    wijzigt (Modified), komt de tabel opnieuw."""
    _, _, store, _ = omgeving
    _haal(omgeving)
    voor = momentopname(store)
    nep.log.clear()
    uit = _haal(omgeving)
    assert not uit.verslag.geladen and momentopname(store) == voor
    assert _iv3_paginas(nep) == [] and _iv3_paginas(nep, "2023X005") == []
    assert any("Iv3 begroting 2023 (CBS 45063NED): ongewijzigd bij CBS" in r for r in uit.overgeslagen)

    nep.gewijzigd["45063NED"] = "2025-01-10T02:00:00"
    nep.log.clear()
    uit = _haal(omgeving, onderdelen=["iv3"])
    assert _iv3_paginas(nep) == [0, 10, 20, 30] and not uit.overgeslagen
    herkomst = indicators.cbs_herkomst(store)
    assert set(herkomst[herkomst["onderdeel"] == "iv3"]["gewijzigd"]) == {"2025-01-10T02:00:00"}
    from sociale_basis.cli.status import status_regels

    assert any("Iv3 begroting 2023: CBS 45063NED, gewijzigd 10-01-2025" in r for r in status_regels(store))


def test_pdok_onbereikbaar_laat_grenzen_staan(nep, omgeving):
    _, _, store, _ = omgeving
    nep.altijd["pdok2023"] = "500"
    uit = _haal(omgeving)
    assert any("gemeentegrenzen 2023" in o and "niet bijgewerkt" in o for o in uit.opmerkingen)
    with store.cursor() as cur:
        jaren = {r[0] for r in cur.execute("SELECT DISTINCT jaar FROM geo_gemeente").fetchall()}
    assert jaren == {2022, 2024, 2025, 2026} and _telling(store, "iv3_bedrag") > 0


def test_niet_aanleveraar_houdt_zijn_cijfers_en_cbs_vervangt_de_rest(nep, omgeving):
    """Over de meegeleverde gegevens heen: voor de gemeenten met bedragen telt CBS zelf (met de
    categorieën en baten); Utrecht, dat niets aanleverde, houdt zijn cijfers uit de momentopname."""
    from sociale_basis import snapshot
    from sociale_basis.importer import voer_in

    _, _, store, _ = omgeving
    voer_in(store, snapshot.stappen())
    vraag = (
        "SELECT taakveld, lasten, baten, bron FROM iv3_bedrag WHERE gm_code = 'GM0344' AND jaar = 2023 "
        "AND document = 'begroting' ORDER BY taakveld"
    )
    with store.cursor() as cur:
        utrecht = cur.execute(vraag).fetchall()
    assert utrecht
    uit = _haal(omgeving, onderdelen=["iv3"])
    # Alleen de 3 gemeenten van de nagebootste kubus leverden: de rest van de lijst van 2023 niet.
    assert any(
        re.match(
            r"3\d\d gemeenten leverden voor begroting 2023 niets aan: GM0034 Almere, .* en nog "
            r"3\d\d\. De cijfers die de opslag van deze gemeenten al had, blijven staan\.",
            o,
        )
        for o in uit.opmerkingen
    )
    with store.cursor() as cur:
        assert cur.execute(vraag).fetchall() == utrecht
        bronnen = dict(
            cur.execute(
                "SELECT gm_code, any_value(bron) FROM iv3_gekozen WHERE jaar = 2023 "
                "AND document = 'begroting' AND gm_code IN ('GM0363', 'GM0344') "
                "GROUP BY 1"
            ).fetchall()
        )
        assert bronnen == {"GM0363": "cbs_ruw", "GM0344": "taakveld_lasten_baten"}
        assert (
            cur.execute(
                "SELECT count(*) FROM iv3_bedrag WHERE gm_code = 'GM0363' AND jaar = 2023 AND bron <> 'cbs_ruw'"
            ).fetchone()[0]
            == 0
        )
    assert any(r.startswith("begroting 2023: gemeten verdeling van 6.1 nu voor") for r in uit.nieuw)


def test_cli_ophalen(nep, tmp_path, capsys):
    pad = tmp_path / "bronnen.toml"
    pad.write_text(nep.bronnen_toml(), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["--db", str(db), "ophalen", "--bronnen", str(pad), "--cache", str(tmp_path / "c")]) == 0
    fout = capsys.readouterr().err
    assert "Iv3 begroting 2023" in fout and "Opgehaald" in fout
    assert re.search(r"Iv3 begroting 2023 \(CBS 45063NED\): pagina 4, 33 regels", fout)
    assert "leverde voor begroting 2023 niets aan: GM0344 Utrecht" in fout
    nep.altijd["83131NED"] = "500"
    assert (
        main(
            [
                "--db",
                str(db),
                "ophalen",
                "--bronnen",
                str(pad),
                "--cache",
                str(tmp_path / "c"),
                "--pogingen",
                "2",
                "--wacht",
                "0.01",
            ]
        )
        == 1
    )
    assert "niet veranderd" in capsys.readouterr().err


def test_cli_alleen_een_jaar_en_document(nep, tmp_path, capsys):
    pad = tmp_path / "bronnen.toml"
    pad.write_text(nep.bronnen_toml(), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert (
        main(
            [
                "--db",
                str(db),
                "ophalen",
                "--bronnen",
                str(pad),
                "--cache",
                str(tmp_path / "c"),
                "--jaar",
                "2023",
                "--document",
                "jaarrekening",
            ]
        )
        == 0
    )
    assert _iv3_paginas(nep) == [] and _iv3_paginas(nep, "2023X005") == [0, 10, 20, 30]
    # Gemeentelijst, inwoners en grenzen alleen van 2023; de CPI heel.
    gevraagd = {r for r, _f, _s in nep.log}
    assert "85385NED" in gevraagd and "85755NED" not in gevraagd and "pdok2024" not in gevraagd
    assert {"83131NED", "86141NED"} <= gevraagd
    assert "Nieuw: jaarrekening 2023: nieuw (3 gemeenten)" in capsys.readouterr().err
    assert main(["--db", str(db), "ophalen", "--bronnen", str(pad), "--jaar", "2019"]) == 1
    assert "Geen Iv3-tabel voor 2019 in de bronnenlijst" in capsys.readouterr().err


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
            indicators.per_gemeente(store, sleutel, 2023, "begroting", "netto")
        )
        assert indicators.prijsindex(kopie).equals(indicators.prijsindex(store))


def test_vorm_fout_komt_niet_in_de_cache(nep, omgeving):
    """Een eenmalig verkeerd antwoord blokkeert de volgende ophaling niet: de pagina is niet bewaard."""
    nep.storingen[("45063NED", 10)] = ["schema"]
    with pytest.raises(OphaalFout, match="van vorm veranderd"):
        _haal_iv3(omgeving)
    uit = _haal_iv3(omgeving)
    assert uit.verslag.geladen


def test_onleesbare_retry_after_valt_terug_op_backoff(nep, omgeving):
    _, _, store, gewacht = omgeving
    nep.storingen[("45063NED", 0)] = ["429raar"]
    _haal_iv3(omgeving)
    assert len(gewacht) == 1 and 0.005 <= gewacht[0] <= 0.01
    assert _telling(store, "iv3_bedrag") > 0


def test_retry_after_als_getal_of_datum():
    from sociale_basis.ophalen.client import _retry_after

    assert _retry_after("3") == 3.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") < 0  # in het verleden: meteen opnieuw
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 -0000") < 0  # zonder tijdzone: als UTC gelezen
    assert _retry_after("onzin") is None


# -- een heel jaar echte cijfers, via de nagebootste kubus -------------------------------------------
BASIS = [
    "gemeenten/gemeenten_per_jaar_2010_2026.csv",
    "gemeenten/inwoners_1jan_2017_2026.csv",
    "gemeenten/gemeenten_naam_gmcode_2023_2025.csv",
    "gemeenten/gemeentenamen_iv3_vs_gemeentefonds.tsv",
]
IV3_2023 = ["iv3/iv3_taakveld_2023_begroting.csv", "iv3/iv3_taakveld_2023_jaarrekening.csv"]


def test_een_heel_jaar_via_ophalen_geeft_dezelfde_cijfers_als_de_bestandsimport(shared, tmp_path):
    """Begroting en jaarrekening 2023 van alle gemeenten, als volle kubus (± 800.000 rijen, 93 %
    null) met pagina's van 10.000 door de productielijst opgehaald, geven per gemeente dezelfde
    indicatoren als de import van de bestanden zelf. (De verdeling informeel/institutioneel mag
    verschillen: de kubus heeft categorieën, de bestanden niet; hun som niet.)"""
    from sociale_basis.importer import importeer

    with Store(tmp_path / "bestand.duckdb") as bestand, Store(tmp_path / "opgehaald.duckdb") as opgehaald:
        importeer(bestand, [shared / p for p in BASIS + IV3_2023])
        importeer(opgehaald, [shared / p for p in BASIS])
        # Een ingekorte kubus (3 balansposten, 12 categorieën); tools/meet_ophalen.py meet de volle.
        kubus, omvang = kubus_uit(bestand, 2023, ["A1", "A2", "P1"], CATEGORIEEN[:12])
        with NepCBS() as nep:
            nep.kubus["45063NED"] = kubus
            omgeving = (laad_bronnen(_toml(nep, tmp_path)), tmp_path / "cache", opgehaald, [])
            # Geen storingstest: een pagina van 10.000 gevulde cellen kost de nepserver op een drukke
            # machine (CI naast een tweede testrun) meer dan de 0,5 s van de storingstests.
            uit = _haal(omgeving, timeout=60, onderdelen=["iv3"])
            paginas = len(_iv3_paginas(nep)) + len(_iv3_paginas(nep, "2023X005"))
        assert omvang > 700_000 and paginas >= 4
        a, b = bestand.laad_model(model.laad()), opgehaald.laad_model(model.laad())
        for document in ("begroting", "jaarrekening"):
            for maat in ("bruto", "netto"):
                links = indicators.per_gemeente(bestand, a, 2023, document, maat).set_index("gm_code")
                rechts = indicators.per_gemeente(opgehaald, b, 2023, document, maat).set_index("gm_code")
                met_cijfers = links[links["totaal"].fillna(0) != 0].index
                assert len(met_cijfers) > 330
                assert set(met_cijfers) <= set(rechts.index)
                for kolom in (
                    "totaal",
                    "collectieve_preventie",
                    "acute_zorg",
                    "acuut_per_euro_preventie",
                    "collectieve_preventie_per_inwoner",
                    "acute_zorg_per_inwoner",
                ):
                    pd.testing.assert_series_equal(
                        links.loc[met_cijfers, kolom],
                        rechts.loc[met_cijfers, kolom],
                        check_exact=False,
                        rtol=1e-9,
                        obj=f"{document} {maat} {kolom}",
                    )
                lagen = ["informeel", "institutioneel"]
                pd.testing.assert_series_equal(
                    links.loc[met_cijfers, lagen].sum(axis=1), rechts.loc[met_cijfers, lagen].sum(axis=1), rtol=1e-9
                )
        assert uit.verslag.geladen


def _toml(nep, tmp_path):
    pad = tmp_path / "bronnen.toml"
    pad.write_text(nep.bronnen_toml(), encoding="utf-8")
    return pad


def test_nachtelijke_verversing_met_slot(nep, tmp_path):
    """deploy/ophalen.sh (cron/systemd): eerst alles, de tweede nacht alleen de metadata van de
    ongewijzigde Iv3-tabel; loopt er nog een, dan slaat hij over in plaats van te botsen."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    omgeving = {
        **os.environ,
        "VENV": str(Path(sys.executable).parent.parent),
        "SOCIALE_BASIS_DB": str(tmp_path / "s.duckdb"),
        "SOCIALE_BASIS_CBS_BRONNEN": str(_toml(nep, tmp_path)),
        "SOCIALE_BASIS_CACHE": str(tmp_path / "cache"),
        "SOCIALE_BASIS_DEPLOY": str(tmp_path / "deploy"),
    }

    def draai():
        return subprocess.run(
            ["bash", "deploy/ophalen.sh"], cwd=root, env=omgeving, capture_output=True, text=True, timeout=300
        ).returncode

    assert draai() == 0
    assert draai() == 0
    log = (tmp_path / "deploy" / "ophalen.log").read_text(encoding="utf-8")
    assert log.count("Opgehaald in") == 2
    assert "Overgeslagen: Iv3 begroting 2023 (CBS 45063NED): ongewijzigd bij CBS" in log
    with open(tmp_path / "deploy" / "ophalen.lock", "w") as slot:
        import fcntl

        fcntl.flock(slot, fcntl.LOCK_EX)
        assert draai() == 75
    assert "overgeslagen: een vorige ophaling loopt nog" in (tmp_path / "deploy" / "ophalen.log").read_text()


def test_statline_export_met_meer_kolommen_houdt_de_standaardbron(shared):
    """De StatLine-export van 83131NED heeft na de CPI nog kolommen (afgeleid, jaarmutaties): die
    zijn geen bron; alleen een kolom met de kop 'Bron' (zoals ophalen schrijft) is dat."""
    from sociale_basis.sources import prijzen
    from sociale_basis.sources.namen import NaamZoeker

    pad = shared / "prijzen" / "cbs_cpi_2015is100_1996_2019.csv"
    df = prijzen.lees_statline(pad, NaamZoeker(lambda: None)).tabellen["prijsindex"]
    assert set(df["bron"]) == {f"CBS 83131NED ({pad.name})"} and set(df["basisjaar"]) == {2015}
    assert df.set_index("jaar").loc[2015, "cpi"] == pytest.approx(100, abs=0.01)


def test_statline_met_een_andere_basis_dan_de_kop_wordt_geweigerd(tmp_path):
    from sociale_basis.sources import prijzen
    from sociale_basis.sources.controle import InvoerFout
    from sociale_basis.sources.namen import NaamZoeker

    pad = tmp_path / "cpi.csv"
    pad.write_text(
        '"Consumentenprijzen; prijsindex 2015=100"\n"Perioden";"CPI"\n"2015";"73,6"\n"2025";"100"\n', encoding="utf-8"
    )
    with pytest.raises(InvoerFout, match=r"cpi.csv, rij 3, kolom .CPI.: het indexcijfer van 2015 is 73,6, niet 100"):
        prijzen.lees_statline(pad, NaamZoeker(lambda: None))


def test_kerncijfers_wijken_en_buurten_met_wisselende_kolomnummers(nep, omgeving):
    """Per jaar de kolom PersonenPerSoortUitkeringBijstand_<nummer> die de tabel zelf noemt
    (DataProperties), alleen gemeenten (opgevulde codes, geen wijken of buurten), het voorlopige
    nieuwste jaar zonder cijfers gemeld; daarna staat de CBS-bijstand naast preventie."""
    _, _, store, _ = omgeving
    uit = _haal(omgeving)
    with store.cursor() as cur:
        rijen = cur.execute("SELECT jaar, gm_code, maat, waarde FROM cbs_kerncijfer ORDER BY ALL").fetchall()
    bijstand = sorted({j for j, _, m, _ in rijen if m == "PersonenPerSoortUitkeringBijstand"})
    assert bijstand == list(range(2017, 2025))  # 2025 is voorlopig: alleen de inwoners zijn er al
    assert sorted({j for j, *_ in rijen}) == list(range(2017, 2026))
    # Geen NL00, WK…, BU…; codes zonder spaties. Heerlen (GM0917) staat alleen in de nagebootste KWB.
    assert {g for _, g, _, _ in rijen} == set(INWONERS) | {"GM0917"}
    assert {m for _, _, m, _ in rijen} == set(omgeving[0].kerncijfers_kolommen)
    assert dict(((j, g, m), w) for j, g, m, w in rijen)[(2023, "GM0363", "PersonenPerSoortUitkeringBijstand")] == round(
        931_298 * 0.026
    )
    # De server kreeg per jaar het eigen kolomnummer; in 2024 is _87 een andere kolom (echte DataProperties).
    gevraagd = [s for s in nep.select_log if s.startswith("WijkenEnBuurten,AantalInwoners_5,")]
    assert any(s.startswith("WijkenEnBuurten,AantalInwoners_5,PersonenPerSoortUitkeringBijstand_78,") for s in gevraagd)
    assert any(s.startswith("WijkenEnBuurten,AantalInwoners_5,PersonenPerSoortUitkeringBijstand_94,") for s in gevraagd)
    assert not any("PersonenPerSoortUitkeringBijstand_87" in s for s in gevraagd)
    al_gevuld = ("AantalInwoners", "HuishoudensTotaal", "Eenpersoonshuishoudens")  # ook in het voorlopige jaar
    leeg = [k for k in omgeving[0].kerncijfers_kolommen if k not in al_gevuld]
    assert (
        f"kerncijfers wijken en buurten 2025 (CBS 86165NED): nog geen cijfers voor {', '.join(leeg)} (voorlopige tabel)."
    ) in uit.opmerkingen
    sleutel = store.laad_model(model.laad())
    assert indicators.behoefte_bron(store, 2023, "bijstand_cbs") == ("KWB", 2023)
    assert indicators.behoefte_bron(store, 2026, "bijstand_cbs") == ("KWB", 2024)  # dichtstbijzijnde met cijfers
    df = indicators.behoefte(store, sleutel, 2023, "begroting", "netto", "bijstand_cbs").set_index("gm_code")
    assert df.loc["GM0363", "waarde_per_1000"] == pytest.approx(1000 * round(931_298 * 0.026) / (931_298 + 6))


def test_kerncijfers_zonder_de_kolom_noemt_tabel_en_kolom(nep, omgeving):
    """Verandert CBS een kolomnaam (of staan er twee met hetzelfde begin), dan weigert ophalen met
    tabel en kolom, en blijft de opslag zoals hij was."""
    bronnen, cache, store, gewacht = omgeving
    kolommen = nep._kwb_kolommen
    nep._kwb_kolommen = lambda jaar: [k.replace("PersonenPerSoort", "Personen") for k in kolommen(jaar)]
    with pytest.raises(OphaalFout, match=r"83765NED.*PersonenPerSoortUitkeringBijstand_<nummer>.*gevonden: geen"):
        _haal(omgeving, onderdelen=["kerncijfers"])
    assert _telling(store, "cbs_kerncijfer") == 0
