"""Mensen naast geld: het gebruik van zorg (CBS, per gemeente en jaar) en de wijken van een gemeente, als
maten die pagina's, factsheet en CLI lezen. De bedragen per persoon (acute zorg per jongere met verblijf,
preventie per Wmo-cliënt) zijn gewone indicatoren van de maatlaag (begrippen.INDICATOREN, werk.meting);
hier staat wat alleen over mensen gaat: reeksen van gebruik met hun breuken, en cijfers per wijk."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd
from shapely.geometry import shape

from .begrippen import STANDAARD_WIJKMAAT, WIJKMATEN, ZORG_TRENDBREUK, ZORGMATEN
from .store import Store

PROCENT = [m for m, z in ZORGMATEN.items() if z.eenheid == "procent"]
WIE = {"gemeente": "Gemeente", "groep": "Groep", "nederland": "Nederland"}
# De ene regel om zorggebruik en wijken te halen, op de pagina en in elke melding.
OPHAAL_OPDRACHT = "sociale-basis ophalen --alleen zorggebruik kerncijfers wijkgrenzen"


def jaren(store: Store) -> pd.DataFrame:
    """Per zorgmaat de jaren met cijfers (maat, jaar, tabel, voorlopig, gemeenten); leeg zonder ophaling."""
    return store.query("marts/zorggebruik_jaren")


def reeks(store: Store, gm_code: str, groep: list[str]) -> pd.DataFrame:
    """Zorggebruik door de jaren voor de gemeente, haar groep (zonder haarzelf) en Nederland: jaar, maat, wie,
    waarde (procent zoals CBS, of per 1.000 inwoners), gemeenten, voorlopig, tabel, en `breuk`: waarom het
    jaar niet zonder meer met het vorige te vergelijken is (andere CBS-tabel, bekende trendbreuk), anders leeg."""
    df = store.query(
        "marts/zorggebruik_reeks", gm_code=gm_code, groep=[c for c in groep if c != gm_code], procent=PROCENT
    )
    return df.assign(breuk=breuken(df))


def breuken(df: pd.DataFrame) -> pd.Series:
    """Per rij de breuk met het vorige jaar van dezelfde maat en wie: een andere tabel, een gat in de jaren,
    of een bekende trendbreuk (begrippen.ZORG_TRENDBREUK)."""
    uit = pd.Series("", index=df.index, dtype=object)
    for _, g in df.sort_values("jaar").groupby(["maat", "wie"]):
        vorige = None
        for i, r in g.iterrows():
            redenen = []
            for voorvoegsel, (jaar, wat) in ZORG_TRENDBREUK.items():
                if r["maat"].startswith(voorvoegsel) and r["jaar"] == jaar:
                    redenen.append(wat)
            if vorige is not None and r["tabel"] != vorige["tabel"]:
                redenen.append(f"andere CBS-tabel ({vorige['tabel']} → {r['tabel']})")
            if vorige is not None and r["jaar"] - vorige["jaar"] > 1:
                redenen.append(f"geen cijfers {vorige['jaar'] + 1}–{r['jaar'] - 1}")
            uit[i] = "; ".join(redenen)
            vorige = r
    return uit


def per_jaar(store: Store, jaar: int) -> pd.DataFrame:
    """Het zorggebruik van één jaar per gemeente (lang: gm_code, gemeente, maat, waarde, per_1000_inwoners,
    inwoners, tabel, voorlopig); niet gepubliceerd blijft leeg."""
    return store.query("marts/zorggebruik_jaar", jaar=jaar, procent=PROCENT)


# -- wijken -------------------------------------------------------------------------------------
def overzicht(store: Store) -> dict:
    """Wat de opslag over wijken weet: wijken (met kerncijfers), grenzen, laatste_jaar, laatste_grenzen."""
    return store.query("marts/wijken_overzicht").iloc[0].to_dict()


def wijken(store: Store, gm_code: str | None, jaar: int | None = None) -> pd.DataFrame:
    """Per wijk van de gemeente (None: alle gemeenten; `jaar`: alleen dat jaar) elke maat van begrippen.WIJKMATEN in haar eenheid, uit het nieuwste jaar waarin
    die maat (en haar noemer, hetzelfde jaar) een cijfer heeft; de kolom `<maat>_jaar` zegt welk jaar. Een aantal
    wordt per 1.000 inwoners of % van de huishoudens met de noemer uit hetzelfde jaar en dezelfde tabel."""
    lang = store.query("marts/wijken", gm_code=gm_code)
    if jaar is not None:
        lang = lang[lang["jaar"] == jaar]
    if lang.empty:
        return pd.DataFrame(columns=["wk_code", "wijk", "gm_code"])
    breed = lang.pivot_table(index=["wk_code", "jaar"], columns="maat", values="waarde", aggfunc="first")
    namen = lang.sort_values("jaar").groupby("wk_code")[["wijk", "gm_code"]].last()
    uit = namen.copy()
    for maat, m in WIJKMATEN.items():
        if maat not in breed.columns or (m.noemer and m.noemer not in breed.columns):
            uit[maat], uit[f"{maat}_jaar"] = float("nan"), pd.NA
            continue
        waarde = breed[maat]
        if m.noemer:
            waarde = waarde / breed[m.noemer].where(breed[m.noemer] > 0) * m.factor
        laatste = waarde.dropna().reset_index(name="w").sort_values("jaar").groupby("wk_code").last()
        uit[maat] = laatste["w"]
        uit[f"{maat}_jaar"] = laatste["jaar"].astype("Int64")
    if "AantalInwoners" in breed.columns:
        inwoners = breed["AantalInwoners"].dropna().reset_index(name="w").sort_values("jaar").groupby("wk_code").last()
        uit["inwoners"] = inwoners["w"]
    return uit.reset_index()


def geo_wijken(store: Store, gm_code: str) -> tuple[dict | None, int | None]:
    """De wijkgrenzen van de gemeente als GeoJSON (id = WK-code) en hun jaar; (None, None) zonder grenzen."""
    df = store.query("marts/geo_wijk", gm_code=gm_code)
    if df.empty:
        return None, None
    features = []
    for r in df.itertuples(index=False):
        vorm = json.loads(r.geometrie)
        # Een punt binnen de wijk (niet het zwaartepunt: dat kan buiten een hoefijzervormige wijk liggen) voor de naam.
        punt = shape(vorm).representative_point()
        features.append(
            {
                "type": "Feature",
                "id": r.wk_code,
                "properties": {"naam": r.naam, "punt": [round(punt.x, 4), round(punt.y, 4)]},
                "geometry": vorm,
            }
        )
    return {"type": "FeatureCollection", "features": features}, int(df["jaar"].iloc[0])


@dataclass(frozen=True)
class Wijkrang:
    wijk: str
    waarde: float
    jaar: int


def hoogste(store: Store, gm_code: str, maat: str = STANDAARD_WIJKMAAT, n: int = 3) -> list[Wijkrang]:
    """De n wijken met de hoogste waarde van `maat` (standaard bijstand per 1.000 inwoners); leeg zonder
    wijkcijfers. Wijken met minder dan 100 inwoners tellen niet: daar maakt één huishouden het getal."""
    df = wijken(store, gm_code)
    if maat not in df.columns:
        return []
    if "inwoners" in df.columns:
        df = df[df["inwoners"].fillna(0) >= 100]
    df = df.dropna(subset=[maat]).sort_values([maat, "wijk"], ascending=[False, True]).head(n)
    return [Wijkrang(r["wijk"], float(r[maat]), int(r[f"{maat}_jaar"])) for _, r in df.iterrows()]


def _sleutel(naam: str) -> str:
    """Een naam om te vergelijken: zonder accenten, hoofdletters, streepjes en spaties."""
    zonder = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", zonder.lower())


def focusgebieden(store: Store, gm_code: str, wijknamen: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """De NPLV-focusgebieden van de gemeente, gekoppeld aan een wijk als de naam gelijk is (zonder streepjes,
    spaties, hoofdletters): ({focusgebied: wk_code}, [focusgebieden zonder wijk met die naam]). Een focusgebied
    is vaak een stadsdeel van meer wijken (‘Heerlen Noord’); dat wordt gezegd, niet geraden."""
    df = store.query("marts/nplv_gebieden", gm_code=gm_code)
    per_naam = {_sleutel(naam): code for code, naam in wijknamen.items()}
    gekoppeld, los = {}, []
    for gebied in df["focusgebied"]:
        code = per_naam.get(_sleutel(gebied))
        if code:
            gekoppeld[gebied] = code
        else:
            los.append(gebied)
    return gekoppeld, los
