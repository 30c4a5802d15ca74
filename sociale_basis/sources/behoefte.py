"""Behoefte: de volumes uit de gemeentefondsbrondata (`GF_<circulaire>_<jaar>_Volumina.tsv`) —
per gemeente het aantal bijstandsontvangers, huishoudens met een laag inkomen, … waarmee het Rijk
het gemeentefonds verdeelt — en de focusgebieden van het Nationaal Programma Leefbaarheid en
Veiligheid (NPLV, 2022). Welke maatstaven worden bewaard, zegt begrippen.BEHOEFTEN (plus `inwo`,
de inwoners van de circulaire, voor ‘per 1.000 inwoners’ van hetzelfde jaar).

De bestanden zijn rommelig (data/README): TAB-gescheiden, soms CRLF, Nederlandse getallen
(`45576,55642`, `5.124,19`), `-` of ` - ` voor nul, de GM-code als geheel getal in `CBS`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import begrippen, fmt
from .controle import GM_CODE, Problemen, gehele_getallen, getallen, tekst, uniek
from .gemeentefonds import circulaire_uit_naam
from .lading import Lading
from .lezen import lees_tekst_csv
from .namen import NaamZoeker

SOORT = "gemeentefonds_volumes"
SOORT_NPLV = "nplv_focusgebieden"
INWONERS = "inwo"  # de inwoners van de circulaire: de noemer van ‘per 1.000 inwoners’
MAX_VOLUME = 1e8  # meer dan 100 miljoen van iets in één gemeente is een fout in het bestand


def maatstaven() -> list[str]:
    return [INWONERS, *dict.fromkeys(b.maatstaf for b in begrippen.BEHOEFTEN.values() if b.bron == "gemeentefonds")]


# De kolommen die lees() nodig heeft; het bestand heeft er veel meer (alle maatstaven van de circulaire).
KOLOMMEN = ["CBS", "Naam", *maatstaven()]


def herken(pad: Path, kop: str) -> bool:
    velden = (kop.splitlines()[0] if kop else "").split("\t")
    return "_Volumina" in pad.name and {"CBS", "Naam", INWONERS} <= {v.strip() for v in velden}


def lees(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    circulaire, jaar = circulaire_uit_naam(fouten)
    kolommen = maatstaven()
    df = lees_tekst_csv(pad, "\t", KOLOMMEN, fouten=fouten, dubbel_mag=frozenset({"CBS"}))
    # De GM-code staat als getal in CBS (1979 = GM1979); de naam moet erbij passen.
    cbs = df["CBS"].str.strip()
    fouten.per_rij(df, "CBS", ~cbs.str.fullmatch(r"\d{1,4}"), lambda w: f"'{w}' is geen gemeentecode (getal).")
    gm = namen.codes(fouten, df, "Naam", jaar)
    # Een naam die alleen in andere jaren bestond, is in dit uitkeringsjaar geen gemeente.
    namen.onbekende_gemeenten(fouten, df, "Naam", gm, jaar, namen=df["Naam"])
    codes = "GM" + cbs.str.zfill(4)
    fouten.per_rij(
        df,
        "CBS",
        gm.notna() & cbs.str.fullmatch(r"\d{1,4}") & (codes != gm),
        lambda w: f"code {w} hoort niet bij de gemeentenaam in kolom 'Naam'; corrigeer een van beide.",
        waarden=codes + " (naam: " + gm.fillna("?") + ")",
    )
    uniek(fouten, df.assign(gm_code=gm), ["gm_code"], "Naam")
    schoon = df.assign(**{k: df[k].str.strip().replace({"-": "0", "": "0"}) for k in kolommen})
    delen = []
    for kolom in kolommen:
        waarde = getallen(fouten, schoon, kolom, decimaal=",", minimum=0, maximum=MAX_VOLUME)
        delen.append(
            pd.DataFrame(
                {"circulaire": circulaire, "uitkeringsjaar": jaar, "gm_code": gm, "maatstaf": kolom, "waarde": waarde}
            )
        )
    uit = pd.concat(delen, ignore_index=True)
    inwoners = uit[uit["maatstaf"] == INWONERS]
    fouten.per_rij(
        df,
        INWONERS,
        (inwoners["waarde"] <= 0).to_numpy(),
        lambda w: f"{w} inwoners: zonder inwoners is ‘per 1.000 inwoners’ niet te geven.",
    )
    fouten.klaar()
    return Lading(
        SOORT,
        {"gf_volume": uit},
        f"{circulaire} voor {jaar}: {len(kolommen) - 1} maatstaven van behoefte voor {len(df)} gemeenten "
        f"({fmt.getal(inwoners['waarde'].sum())} inwoners)",
    )


KOLOMMEN_NPLV = ["gm_code", "gemeente", "focusgebied"]


def herken_nplv(pad: Path, kop: str) -> bool:
    return (kop.splitlines()[0] if kop else "").strip().lstrip("\ufeff") == ",".join(KOLOMMEN_NPLV)


def lees_nplv(pad: Path, namen: NaamZoeker) -> Lading:
    """De focusgebieden (kwetsbare wijken) van het NPLV; het jaar staat in de bestandsnaam."""
    fouten = Problemen(pad)
    jaren = [int(j) for j in pd.Series([pad.stem]).str.extract(r"((?:19|20)\d\d)", expand=False).dropna()]
    if not jaren:
        raise fouten.fout(
            "het jaar van de focusgebieden staat niet in de bestandsnaam (bv. nplv_focusgebieden_2022.csv)."
        )
    df = lees_tekst_csv(pad, ",", KOLOMMEN_NPLV, fouten=fouten)
    code = df["gm_code"].str.strip()
    fouten.per_rij(df, "gm_code", ~code.str.fullmatch(GM_CODE), lambda w: f"'{w}' is geen GM-code.")
    # De gemeente moet in het jaar van het programma bestaan (later opgeheven mag), en de naam erbij passen.
    namen.onbekende_gemeenten(fouten, df, "gm_code", code, jaren[0])
    namen.namen_bij_codes(fouten, df, "gemeente", code, jaren[0])
    gebied = tekst(fouten, df, "focusgebied", verplicht=True)
    uniek(fouten, df.assign(gm_code=code, focusgebied=gebied), ["gm_code", "focusgebied"], "focusgebied")
    fouten.klaar()
    uit = pd.DataFrame({"jaar": jaren[0], "gm_code": code, "focusgebied": gebied})
    return Lading(
        SOORT_NPLV,
        {"nplv_focusgebied": uit},
        f"NPLV {jaren[0]}: {len(uit)} focusgebieden in {uit['gm_code'].nunique()} gemeenten",
    )


SOORT_KWB = "cbs_kerncijfers"
KOLOMMEN_KWB = ["jaar", "gm_code", "maat", "waarde"]


def herken_kerncijfers(pad: Path, kop: str) -> bool:
    return (kop.splitlines()[0] if kop else "").strip().lstrip("\ufeff") == ",".join(KOLOMMEN_KWB)


def lees_kerncijfers(pad: Path, namen: NaamZoeker, *, controleer_gemeenten: bool = False) -> Lading:
    """CBS Kerncijfers wijken en buurten per gemeente (zoals `ophalen` ze schrijft): jaar, GM-code,
    de kolomnaam zonder jaarnummer (bv. PersonenPerSoortUitkeringBijstand) en de waarde.
    `controleer_gemeenten`: elke GM-code moet de opslag kennen (een aangeboden bestand); wat `ophalen`
    bij CBS haalt, komt samen met CBS' eigen gemeentelijst en wordt daar niet aan getoetst."""
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN_KWB, fouten=fouten)
    jaar = gehele_getallen(fouten, df, "jaar", minimum=2000, maximum=2100)
    code = df["gm_code"].str.strip()
    fouten.per_rij(df, "gm_code", ~code.str.fullmatch(GM_CODE), lambda w: f"'{w}' is geen GM-code.")
    if controleer_gemeenten:
        # Elke regel op de indeling van zijn eigen jaar, zoals CBS de kerncijfers per jaar publiceert.
        namen.onbekende_gemeenten(fouten, df, "gm_code", code, jaar)
    maat = tekst(fouten, df, "maat", verplicht=True)
    waarde = getallen(fouten, df, "waarde", minimum=0, maximum=MAX_VOLUME)
    uniek(fouten, df.assign(gm_code=code, maat=maat), ["jaar", "gm_code", "maat"], "gm_code")
    fouten.klaar()
    uit = pd.DataFrame({"jaar": jaar, "gm_code": code, "maat": maat, "waarde": waarde})
    return Lading(
        SOORT_KWB,
        {"cbs_kerncijfer": uit},
        f"CBS kerncijfers {fmt.jaarreeks(sorted(uit['jaar'].unique()))}: {uit['maat'].nunique()} maten voor "
        f"{uit['gm_code'].nunique()} gemeenten",
    )
