"""Mensen naast geld: het gebruik van zorg per gemeente (CBS, zoals `ophalen` het schrijft) en de cijfers
per wijk (CBS Kerncijfers wijken en buurten, wijkrijen). Leeg is hier een betekenis, geen nul: ‘niet
gepubliceerd’ (zorggebruik) blijft leeg in de opslag."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .. import begrippen, fmt
from .controle import GM_CODE, Problemen, gehele_getallen, getallen, keuze, tekst, uniek
from .lading import Lading
from .lezen import lees_tekst_csv
from .namen import NaamZoeker

SOORT = "cbs_zorggebruik"
SOORT_WIJK = "cbs_kerncijfers_wijken"
KOLOMMEN = ["jaar", "gebied", "maat", "waarde", "tabel", "voorlopig"]
KOLOMMEN_WIJK = ["jaar", "wk_code", "gm_code", "wijk", "maat", "waarde"]
# WK + de vier cijfers van de gemeente + twee tekens; sinds 2023 heeft Amsterdam letters (WK0363AF).
WK_CODE = re.compile(r"^WK\d{4}[0-9A-Z]{2}$")
TABEL = re.compile(r"^\d{5}[A-Z]{3}$")
MAX_WAARDE = 1e8


def _kop(kop: str) -> str:
    return (kop.splitlines()[0] if kop else "").strip().lstrip("\ufeff")


def herken(pad: Path, kop: str) -> bool:
    return _kop(kop) == ",".join(KOLOMMEN)


def lees(pad: Path, namen: NaamZoeker, *, controleer_gemeenten: bool = False) -> Lading:
    """Zorggebruik per jaar, gemeente (of NL01) en maat (begrippen.ZORGMATEN), met CBS-tabel en voorlopig.
    `controleer_gemeenten`: elke GM-code moet de opslag kennen (een aangeboden bestand); wat `ophalen`
    bij CBS haalt, komt samen met CBS' eigen gemeentelijst en wordt daar niet aan getoetst."""
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN, fouten=fouten)
    jaar = gehele_getallen(fouten, df, "jaar", minimum=2000, maximum=2100)
    gebied = df["gebied"].str.strip()
    fouten.per_rij(
        df,
        "gebied",
        ~(gebied.str.fullmatch(GM_CODE) | gebied.eq("NL01")),
        lambda w: f"'{w}' is geen GM-code (of NL01 voor Nederland).",
    )
    if controleer_gemeenten:
        # NL01 is geen gemeentecode en blijft buiten deze controle. CBS geeft oudere jaren van een reeks
        # soms op een nieuwere indeling: een code uit de lijst van dat jaar of later is bekend.
        namen.onbekende_gemeenten(fouten, df, "gebied", gebied, jaar, of_later=True)
    maat = keuze(fouten, df, "maat", set(begrippen.ZORGMATEN))
    # Leeg = niet gepubliceerd (CBS '.'), nooit 0.
    waarde = getallen(fouten, df, "waarde", leeg=float("nan"), minimum=0, maximum=MAX_WAARDE)
    tabel = df["tabel"].str.strip()
    fouten.per_rij(df, "tabel", ~tabel.str.fullmatch(TABEL), lambda w: f"'{w}' is geen CBS-tabelnummer (bv. 85098NED).")
    voorlopig = keuze(fouten, df, "voorlopig", {"True", "False"})
    uniek(fouten, df.assign(gebied=gebied, maat=maat), ["jaar", "gebied", "maat"], "gebied")
    procent = maat.map(lambda m: begrippen.ZORGMATEN.get(m) and begrippen.ZORGMATEN[m].eenheid == "procent")
    fouten.per_rij(
        df, "waarde", procent.fillna(False) & (waarde > 100), lambda w: f"{w.strip()} is meer dan 100 procent."
    )
    fouten.klaar()
    uit = pd.DataFrame(
        {
            "jaar": jaar,
            "gebied": gebied,
            "maat": maat,
            "waarde": waarde,
            "tabel": tabel,
            "voorlopig": voorlopig.eq("True"),
        }
    )
    gm = uit[uit["gebied"].str.startswith("GM")]
    return Lading(
        SOORT,
        {"zorggebruik": uit},
        f"zorggebruik {fmt.jaarreeks(sorted(uit['jaar'].unique()))} ({', '.join(sorted(uit['tabel'].unique()))}): "
        f"{gm['gebied'].nunique()} gemeenten, {int(gm['waarde'].isna().sum())} cijfers niet gepubliceerd",
    )


def herken_wijken(pad: Path, kop: str) -> bool:
    return _kop(kop) == ",".join(KOLOMMEN_WIJK)


def lees_wijken(pad: Path, namen: NaamZoeker, *, controleer_gemeenten: bool = False) -> Lading:
    """Kerncijfers per wijk: jaar, WK-code, GM-code, wijknaam, de kolomnaam zonder jaarnummer en de waarde.
    `controleer_gemeenten`: zoals bij lees()."""
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN_WIJK, fouten=fouten)
    jaar = gehele_getallen(fouten, df, "jaar", minimum=2000, maximum=2100)
    wk = df["wk_code"].str.strip()
    fouten.per_rij(df, "wk_code", ~wk.str.fullmatch(WK_CODE), lambda w: f"'{w}' is geen wijkcode (WK + 6 tekens).")
    gm = df["gm_code"].str.strip()
    fouten.per_rij(df, "gm_code", ~gm.str.fullmatch(GM_CODE), lambda w: f"'{w}' is geen GM-code.")
    if controleer_gemeenten:
        # De kerncijfers van een jaar staan op de indeling van dat jaar.
        namen.onbekende_gemeenten(fouten, df, "gm_code", gm, jaar)
    fouten.per_rij(
        df,
        "gm_code",
        gm.str.fullmatch(GM_CODE) & wk.str.fullmatch(WK_CODE) & (gm.str[2:6] != wk.str[2:6]),
        lambda w: f"{w} past niet bij de wijkcode (de vier cijfers na WK zijn de gemeente).",
    )
    wijk = tekst(fouten, df, "wijk", verplicht=True)
    maat = tekst(fouten, df, "maat", verplicht=True)
    # Leeg: geheim of (nieuwste jaar) nog niet gevuld; de wijk telt wel, het cijfer wordt niet bewaard.
    waarde = getallen(fouten, df, "waarde", leeg=float("nan"), minimum=0, maximum=MAX_WAARDE)
    uniek(fouten, df.assign(wk_code=wk, maat=maat), ["jaar", "wk_code", "maat"], "wk_code")
    fouten.klaar()
    rijen = pd.DataFrame({"jaar": jaar, "wk_code": wk, "gm_code": gm, "naam": wijk, "maat": maat, "waarde": waarde})
    wijken = rijen[["jaar", "wk_code", "gm_code", "naam"]].drop_duplicates(["jaar", "wk_code"])
    return Lading(
        SOORT_WIJK,
        {"wijk": wijken, "wijk_cijfer": rijen.loc[rijen["waarde"].notna(), ["jaar", "wk_code", "maat", "waarde"]]},
        f"kerncijfers per wijk {fmt.jaarreeks(sorted(rijen['jaar'].unique()))}: {len(wijken)} wijken in "
        f"{wijken['gm_code'].nunique()} gemeenten, {rijen['maat'].nunique()} maten",
    )
