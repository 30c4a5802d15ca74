"""De DuckDB-gateway: de enige plek die verbindingen opent, het schema bijwerkt en
benoemde queries (bestanden in `queries/`) met gebonden parameters uitvoert.

De opslag is één DuckDB-bestand met alleen tabellen (`queries/schema/`, genummerd en
geversioneerd). Afgeleide views en het model leven in een in-memory database `werk` die bij
elke verbinding opnieuw wordt opgebouwd (`queries/werk/`), zodat ze altijd bij de code en het
modelbestand van nu horen en ook op een alleen-lezen opslag werken.
"""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from . import begrippen

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"


class OpslagFout(Exception):
    """Een probleem met de opslag zelf, in woorden die een gebruiker kan oplossen."""


class NietUniekFout(OpslagFout):
    """Rijen die een sleutel van de opslag schenden (dubbel, of niet passend)."""


# Elke fout van de database zelf; wie een fout wil tonen in plaats van een traceback, vangt deze
# (zo hoeft alleen deze module DuckDB te kennen).
DatabaseFout = duckdb.Error


def standaard_pad() -> Path:
    """Het pad van de opslag: `SOCIALE_BASIS_DB`, anders in deze checkout (`.opslag/`), zodat
    twee clones nooit elkaars opslag lezen; een installatie buiten een checkout gebruikt
    XDG_DATA_HOME."""
    if env := os.environ.get("SOCIALE_BASIS_DB"):
        return Path(env).expanduser()
    if (ROOT / "pyproject.toml").is_file() and os.access(ROOT, os.W_OK):
        return ROOT / ".opslag" / "sociale_basis.duckdb"
    basis = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return basis / "sociale-basis" / "sociale_basis.duckdb"


@functools.cache
def sql(naam: str) -> str:
    """De tekst van een benoemde query, bv. 'marts/indicatoren'."""
    pad = QUERIES / f"{naam}.sql"
    if not pad.is_file():
        raise KeyError(f"Onbekende query: {naam} ({pad} bestaat niet)")
    return pad.read_text(encoding="utf-8")


@functools.cache
def _statements(tekst: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """De statements van een bestand met de namen van hun parameters, gesplitst door DuckDB's eigen
    parser (een ';' in een string of commentaar splitst dus niet, en `$jaar` is niet `$jaar_van`)."""
    return tuple((s.query, frozenset(s.named_parameters)) for s in duckdb.extract_statements(tekst))


# De rekenlaag `werk` (queries/werk/), in deze volgorde opgebouwd: DuckDB bindt een macro of tabel bij het
# aanmaken, dus wat iets gebruikt, staat erna. De tabellen erin (model, gemeten verdeling, indicator_cache,
# afwijking) vult Store.laad_model, ook in een vaste volgorde (queries/model/gegevens.sql, laad.sql, reken.sql).
WERK = [
    "005_bedragen",  # lijsten uit begrippen.py en de regels voor verhouding, drempel en rang
    "008_cbs_bron",  # de fijnste CBS-bron per gemeente (voor de momentopname)
    "010_model",  # werk.model_regel
    "020_gemeten",  # gemeten verdeling uit de categorieën (leest model_regel)
    "030_bedrag_laag",  # elk bedrag over de lagen (model_regel, gemeten)
    "040_gemeente_indicatoren",  # per gemeente opgeteld (bedrag_laag)
    "045_indicator_cache",  # bewaard per model en maat
    "047_regionaal",  # met of zonder regionale taken (indicator_cache, bedrag_laag)
    "048_behoefte",  # volumes van behoefte en de grootheden (indicatoren_gekozen)
    "050_herrekend",  # naar een latere indeling (grootheden)
    "060_afwijking",  # incidentele stromen en vertekend
    "065_realisatie",  # begroting tegen jaarrekening (bedrag_laag, afwijking)
    "070_meting",  # de maatlaag: Σ teller ÷ Σ noemer op elk niveau (grootheden, herrekend, vertekend)
]


def _migraties() -> list[tuple[int, Path]]:
    uit = []
    for pad in sorted((QUERIES / "schema").glob("*.sql")):
        uit.append((int(pad.name.split("_", 1)[0]), pad))
    return uit


SCHEMA_VERSIE = max(v for v, _ in _migraties())


def _werk_sql(tekst: str) -> str:
    """Vul de lagen, functies, de rangdrempel en de drempels van incidentele stromen uit begrippen.py in
    (vaste waarden uit de code, nooit invoer)."""
    return (
        tekst.replace("{{bedragen}}", begrippen.sql_bedragen())
        .replace("{{gemeentefonds_sociale_basis}}", begrippen.sql_lijst(begrippen.GEMEENTEFONDS_SOCIALE_BASIS))
        .replace("{{sommen}}", begrippen.sql_sommen())
        .replace("{{volume_namen}}", begrippen.sql_lijst(begrippen.VOLUMES))
        .replace("{{behoeften}}", begrippen.sql_behoeften())
        .replace("{{zorg_inwoners}}", begrippen.ZORG_INWONERS)
        .replace("{{volumes}}", begrippen.sql_volumes())
        .replace("{{volumes_herrekend}}", begrippen.sql_volumes_herrekend())
        .replace("{{delingen_sommen}}", begrippen.sql_delingen_sommen())
        .replace("{{delingen}}", begrippen.sql_delingen())
        .replace(
            "{{delingen_kolommen}}",
            begrippen.sql_lijst(i.kolom for i in begrippen.INDICATOREN.values() if i.eigen_noemer),
        )
        .replace("{{in_euro}}", begrippen.sql_in_euro())
        .replace("{{drempel_acuut}}", repr(float(begrippen.DREMPEL_ACUUT)))
        .replace("{{drempel_preventie}}", repr(float(begrippen.DREMPEL_PREVENTIE)))
        .replace("{{afwijking_deel}}", repr(float(begrippen.AFWIJKING_DEEL)))
        .replace("{{afwijking_keer}}", repr(float(begrippen.AFWIJKING_KEER)))
        .replace("{{afwijking_per_inwoner}}", repr(float(begrippen.AFWIJKING_PER_INWONER)))
        .replace("{{golf_deel}}", repr(float(begrippen.GOLF_DEEL)))
        .replace("{{golf_deel_bekend}}", repr(float(begrippen.GOLF_DEEL_BEKEND)))
        .replace("{{vertekend_groep_deel}}", repr(float(begrippen.VERTEKEND_GROEP_DEEL)))
    )


def _voer_uit(cur: duckdb.DuckDBPyConnection, naam: str, params: dict) -> None:
    onbekend = set(params) - {p for _, namen in _statements(sql(naam)) for p in namen}
    if onbekend:  # zoals DuckDB bij één statement: een parameter die niemand vraagt is een fout van de aanroeper
        raise OpslagFout(f"De query {naam} kent de parameter(s) {', '.join(sorted(onbekend))} niet.")
    for stmt, namen in _statements(sql(naam)):
        cur.execute(stmt, {k: params[k] for k in namen} or None)


def _enkel(naam: str, resultaat: duckdb.DuckDBPyConnection):
    rijen = resultaat.fetchmany(2)
    if len(rijen) > 1 or (rijen and len(rijen[0]) != 1):
        raise OpslagFout(f"De query {naam} geeft meer dan één waarde; verwacht precies één.")
    return rijen[0][0] if rijen else None


class Schrijfsessie:
    """Eén lopende schrijftransactie (Store.schrijven): benoemde queries en tabellen, zonder dat
    de aanroeper een cursor in handen krijgt."""

    def __init__(self, cur: duckdb.DuckDBPyConnection):
        self._cur = cur
        self.geschreven = False  # alleen voer_uit en schrijf schrijven; vraag en enkele_waarde lezen

    def vraag(self, naam: str, **params) -> pd.DataFrame:
        return self._cur.execute(sql(naam), params or None).df()

    def enkele_waarde(self, naam: str, **params):
        return _enkel(naam, self._cur.execute(sql(naam), params or None))

    def voer_uit(self, naam: str, **params) -> None:
        self.geschreven = True
        _voer_uit(self._cur, naam, params)

    def schrijf(self, naam: str, rijen: pd.DataFrame, **params) -> None:
        """Voer een benoemd bestand uit met `rijen` als tabel `invoer`."""
        self.geschreven = True
        self._cur.register("invoer", rijen)
        try:
            _voer_uit(self._cur, naam, params)
        except duckdb.ConstraintException as e:
            raise NietUniekFout(str(e)) from e
        finally:
            # Na een fout is de transactie afgebroken; de rollback ruimt de rest op.
            self._cur.unregister("invoer")


class Store:
    """Eén open opslag. Maak per query of per thread een cursor (`query`, `cursor`)."""

    def __init__(
        self, pad: str | os.PathLike | None = None, *, alleen_lezen: bool = False, geheugen: str | None = None
    ):
        """`geheugen`: DuckDB's eigen geheugengrens (bv. "1GB"), voor een begrensd kindproces (kindproces.py)."""
        self.pad = Path(pad) if pad else standaard_pad()
        self.alleen_lezen = alleen_lezen
        # Het echte bestand, één keer bij het openen bepaald: het opslagpad kan een verwijzing naar
        # de huidige versie zijn (zie nieuwe_versie), en deze Store blijft bij de versie die hij opende.
        self.bestand = self.pad.resolve()
        self.gemigreerd = False  # schema bijgewerkt bij het openen: afgeleide tabellen opnieuw
        self.veranderd = False  # is er iets geschreven (zie nieuwe_versie: anders geen nieuwe versie)
        if alleen_lezen and not self.bestand.exists():
            raise OpslagFout(f"De opslag {self.pad} bestaat nog niet; importeer eerst gegevens.")
        if not alleen_lezen:
            self.bestand.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(
                str(self.bestand), read_only=alleen_lezen, config={"memory_limit": geheugen} if geheugen else {}
            )
        except duckdb.IOException as e:
            if "lock" in str(e).lower():
                raise OpslagFout(
                    f"De opslag {self.pad} is in gebruik door een ander proces (draait het "
                    "dashboard nog?). Stop dat proces en probeer het opnieuw."
                ) from e
            raise OpslagFout(f"De opslag {self.pad} kan niet worden geopend: {e}") from e
        if alleen_lezen:
            versie = self.schema_versie()
            if versie != SCHEMA_VERSIE:
                self._con.close()
                raise OpslagFout(
                    f"De opslag {self.pad} heeft schemaversie {versie}, deze code verwacht "
                    f"{SCHEMA_VERSIE}. Voer `sociale-basis import` uit om hem bij te werken."
                )
        else:
            self._migreer()
        # DuckDB deelt binnen één proces de database-instantie per bestand, en daarmee ook
        # `werk`: een tweede Store op hetzelfde bestand hergebruikt die (modellen hebben een sleutel).
        self._con.execute("ATTACH IF NOT EXISTS ':memory:' AS werk (READ_ONLY false)")
        for naam in WERK:
            for stmt, _ in _statements(_werk_sql(sql(f"werk/{naam}"))):
                self._con.execute(stmt)

    # -- schema -------------------------------------------------------------------------
    def schema_versie(self) -> int:
        bestaat = self._con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_versie'"
        ).fetchone()[0]
        if not bestaat:
            return 0
        return self._con.execute("SELECT coalesce(max(versie), 0) FROM schema_versie").fetchone()[0]

    def _migreer(self) -> None:
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS schema_versie "
            "(versie INTEGER PRIMARY KEY, toegepast TIMESTAMP DEFAULT current_timestamp)"
        )
        huidig = self.schema_versie()
        for versie, pad in _migraties():
            if versie <= huidig:
                continue
            with self._transactie() as cur:
                for stmt, _ in _statements(pad.read_text(encoding="utf-8")):
                    cur.execute(stmt)
                cur.execute("INSERT INTO schema_versie (versie) VALUES (?)", [versie])
            self.gemigreerd = True
            self.veranderd = True

    # -- lezen ---------------------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """Een eigen cursor, alleen voor tests en controles; het programma zelf gebruikt de
        benoemde queries hieronder."""
        return self._con.cursor()

    def query(self, naam: str, **params) -> pd.DataFrame:
        """Voer de benoemde query uit met gebonden parameters en geef een DataFrame."""
        with self._con.cursor() as cur:
            return cur.execute(sql(naam), params or None).df()

    def enkele_waarde(self, naam: str, **params):
        """De ene waarde die een benoemde query geeft (None bij geen rij); meer dan één rij of
        kolom is een fout in de query, geen reden om stil de eerste te nemen."""
        with self._con.cursor() as cur:
            return _enkel(naam, cur.execute(sql(naam), params or None))

    def voer_uit(self, naam: str, **params) -> None:
        """Voer alle statements van een benoemd bestand uit (bv. een cache in `werk` vullen)."""
        with self._con.cursor() as cur:
            _voer_uit(cur, naam, params)

    # -- schrijven -------------------------------------------------------------------------
    @contextmanager
    def _transactie(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self._con.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        else:
            cur.execute("COMMIT")
        finally:
            cur.close()

    @contextmanager
    def schrijven(self) -> Iterator[Schrijfsessie]:
        """Alles in het blok slaagt samen of verandert niets; schrijven gaat via benoemde queries."""
        with self._transactie() as cur:
            sessie = Schrijfsessie(cur)
            yield sessie
        self.veranderd = self.veranderd or sessie.geschreven

    def laad_model(self, model) -> str:
        """Zet een gecontroleerd model (model.Model) klaar voor queries en reken de indicatoren
        per gemeente voor alle jaren één keer door (werk.indicator_cache); geeft zijn sleutel.

        Alles wat hiervan afgeleid is, staat in `werk` (in DuckDB gedeeld door alle Stores op dit bestand in
        dit proces, weg als de laatste sluit): de lijst van geladen modellen is werk.model_regel, en of het
        crisisgeld en de volumes al berekend zijn, zegt werk.gegevens_stand. Geen lijst in Python die een ander kan legen."""
        regels = model.regels.assign(aandeel=model.regels["aandeel"].astype(str))
        # Eerst wat alleen van de gegevens afhangt (crisisgeld, volumes van behoefte): één keer per inhoud, niet
        # per variant (≈ 1 s); de grootheden van het model lezen de volumes.
        if not self.enkele_waarde("model/gegevens_berekend"):
            self.voer_uit("model/gegevens")
        # In één transactie (alleen op `werk`): wie tegelijk leest, ziet het model helemaal of nog niet.
        with self._con.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                sessie = Schrijfsessie(cur)
                sessie.schrijf("model/laad", regels, model=model.sleutel)
                sessie.voer_uit("model/reken", model=model.sleutel)
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")
        return model.sleutel

    def geladen_modellen(self) -> list[str]:
        return self.query("model/geladen")["model"].tolist()

    def vergeet_model(self, sleutel: str) -> None:
        """Haal een geladen model weer weg (een variant uit het dashboard) met alles in `werk` dat ervan afhangt."""
        self.voer_uit("model/vergeet", model=sleutel)

    def na_import(self) -> None:
        """De opslag is veranderd: reken de afgeleide gegevens en elk geladen model opnieuw door (zonder geladen
        model pas bij het eerste laad_model)."""
        modellen = self.geladen_modellen()
        if not modellen:
            self.voer_uit("model/gegevens_vergeet")
            return
        self.voer_uit("model/gegevens")
        for sleutel in modellen:
            self.voer_uit("model/reken", model=sleutel)

    def sluit(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.sluit()


# -- versies: schrijven terwijl het dashboard leest ------------------------------------------
# Een schrijver werkt nooit in het bestand dat lezers open hebben. Hij kopieert de huidige versie,
# schrijft in de kopie en zet die na succes in één keer neer: het opslagpad is een symbolische
# verwijzing naar de huidige versie, en `os.replace` van een verwijzing is atomisch. Lezers (ook
# in andere processen en replica's) houden hun versie open tot ze opnieuw openen; niemand ziet ooit
# een half geïmporteerde opslag of een slotfout. Zie README, "Bijwerken terwijl het dashboard draait".
BEWAARDE_VERSIES = 3  # de huidige en twee vorige: een lezer die net opende, vindt zijn bestand nog


def versiemap(pad: Path) -> Path:
    return pad.parent / f"{pad.name}.versies"


def huidige_versie(pad: str | os.PathLike | None = None) -> Path:
    """Het bestand dat nu de opslag is (dezelfde waarde tot een schrijver een nieuwe versie neerzet)."""
    return Path(pad or standaard_pad()).resolve()


@contextmanager
def _schrijfslot(pad: Path) -> Iterator[None]:
    """Eén schrijver tegelijk, over processen heen (dashboard, replica's, opdrachtregel)."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    with open(pad.parent / f"{pad.name}.schrijver", "a+") as slot:
        try:
            fcntl.flock(slot, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OpslagFout(
                "De opslag wordt al bijgewerkt (door een ander proces of een andere bezoeker); "
                "probeer het over een paar minuten opnieuw."
            ) from None
        try:
            yield
        finally:
            fcntl.flock(slot, fcntl.LOCK_UN)


def _volgnummer(map_: Path) -> int:
    nummers = [int(p.stem) for p in map_.glob("*.duckdb") if p.stem.isdigit()]
    return max(nummers, default=0) + 1


@contextmanager
def nieuwe_versie(pad: str | os.PathLike | None = None) -> Iterator[Store]:
    """Schrijf een nieuwe versie van de opslag: een kopie van de huidige, geopend om te schrijven.
    Slaagt het blok en is er iets veranderd, dan wordt de kopie atomisch de opslag; anders blijft
    alles zoals het was en verdwijnt de kopie."""
    pad = Path(pad or standaard_pad())
    with _schrijfslot(pad):
        map_ = versiemap(pad)
        map_.mkdir(parents=True, exist_ok=True)
        nieuw = map_ / f"{_volgnummer(map_):05d}.duckdb"
        huidig = huidige_versie(pad)
        if huidig.is_file():
            shutil.copyfile(huidig, nieuw)
            wal = huidig.with_name(huidig.name + ".wal")
            if wal.is_file():  # een eerder afgebroken schrijver: zijn log hoort bij de inhoud
                shutil.copyfile(wal, nieuw.with_name(nieuw.name + ".wal"))
        store = Store(nieuw)
        try:
            yield store
            veranderd = store.veranderd
            store._con.execute("CHECKPOINT")
        except BaseException:
            store.sluit()
            _verwijder(nieuw)
            raise
        store.sluit()
        if not veranderd:
            _verwijder(nieuw)
            return
        tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}.nieuw")
        tijdelijk.unlink(missing_ok=True)
        tijdelijk.symlink_to(os.path.relpath(nieuw, pad.parent))
        os.replace(tijdelijk, pad)
        _ruim_op(map_, nieuw)


def _verwijder(bestand: Path) -> None:
    bestand.unlink(missing_ok=True)
    bestand.with_name(bestand.name + ".wal").unlink(missing_ok=True)


def _ruim_op(map_: Path, huidig: Path) -> None:
    """Oude versies weg. Een lezer die er een open heeft, leest gewoon door (het bestand verdwijnt
    pas als hij sluit); een lezer die hem nog moet openen, neemt de nieuwe."""
    versies = sorted(p for p in map_.glob("*.duckdb") if p.stem.isdigit())
    for oud in versies[:-BEWAARDE_VERSIES]:
        if oud != huidig:
            _verwijder(oud)
