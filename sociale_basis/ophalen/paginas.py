"""De pagina's in de cache op schijf (elke volledige pagina een eigen bestand, Parquet of JSON, met
een kop: adres, volgende pagina, aantal rijen), en wat bij het bladeren hoort: de volgende pagina
en de rijen van een OData- of GeoJSON-antwoord, het OData-adres van een tabel, de controle op
verplichte kolommen."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pyarrow as pa
import pyarrow.parquet as pq

from .instellingen import OphaalFout


def schrijf_pagina(bestand: Path, kop: dict, rijen: list[dict]) -> None:
    tijdelijk = bestand.with_name(bestand.name + ".tmp")
    if bestand.suffix == ".parquet":
        tabel = pa.Table.from_pylist(rijen) if rijen else pa.table({})
        pq.write_table(tabel.replace_schema_metadata({"pagina": json.dumps(kop)}), tijdelijk, compression="zstd")
    else:
        tijdelijk.write_text(json.dumps({**kop, "waarden": rijen}), encoding="utf-8")
    tijdelijk.replace(bestand)  # nooit een halve pagina in de cache


def lees_kop(bestand: Path) -> dict | None:
    if not bestand.is_file():
        return None
    if bestand.suffix == ".parquet":
        return json.loads(pq.read_schema(bestand).metadata[b"pagina"])
    pagina = json.loads(bestand.read_text(encoding="utf-8"))
    return {k: pagina[k] for k in ("url", "volgende", "rijen")}


def lees_pagina(bestand: Path) -> list[dict]:
    if bestand.suffix == ".parquet":
        return pq.read_table(bestand).to_pylist()
    return json.loads(bestand.read_text(encoding="utf-8"))["waarden"]


def odata_volgende(data: dict) -> str | None:
    link = data.get("odata.nextLink")
    if link and "$format=" not in link:
        link += ("&" if "?" in link else "?") + "$format=json"
    return link


def odata_rijen(data: dict):
    return data.get("value")


def geo_volgende(data: dict) -> str | None:
    return next((lnk.get("href") for lnk in data.get("links", []) if lnk.get("rel") == "next"), None)


def geo_rijen(data: dict):
    return data.get("features")


def odata_url(basis: str, tabel: str, filter_: str | None = None, kolommen: list[str] | None = None) -> str:
    params = {"$format": "json"}
    if filter_:
        params["$filter"] = filter_
    if kolommen:
        params["$select"] = ",".join(kolommen)
    return str(httpx.URL(f"{basis.rstrip('/')}/{tabel}/TypedDataSet", params=params))


def vereist(rijen: list[dict], kolommen: list[str], wat: str) -> None:
    if rijen:
        ontbreekt = [k for k in kolommen if k not in rijen[0]]
        if ontbreekt:
            raise OphaalFout(
                f"{wat}: kolom(men) {', '.join(ontbreekt)} ontbreken; gevonden: "
                f"{', '.join(rijen[0])}. De tabel is van vorm veranderd; pas "
                "data/cbs_bronnen.toml aan of meld het."
            )


def strip(w) -> str:
    return "" if w is None else str(w).strip()


def dimensie_url(basis: str, tabel: str, naam: str, **params) -> str:
    """Het adres van de metadata of een dimensie van een tabel (DataProperties, Perioden, WijkenEnBuurten)."""
    return str(httpx.URL(f"{basis.rstrip('/')}/{tabel}/{naam}", params={"$format": "json", **params}))


def eigenschappen(client, basis: str, tabel: str, wat: str) -> list[str]:
    """De sleutels (kolom- en dimensienamen) in DataProperties van een CBS-tabel, via `client` (met zijn cache)."""
    rijen = client.alle_rijen(
        f"{tabel}_eigenschappen", dimensie_url(basis, tabel, "DataProperties"), wat, odata_volgende, odata_rijen
    )
    return [str(e.get("Key", "")) for e in rijen]


def kolom_met_nummer(sleutels: list[str], naam: str, wat: str) -> str:
    """De ene kolom `<naam>_<nummer>` in DataProperties: CBS nummert de kolommen per tabel anders (bijstand is
    _74 in KWB 2017, _94 in 2024, waar _87 een andere kolom is). Geen of twee: de tabel is van vorm veranderd."""
    passend = [k for k in sleutels if re.fullmatch(rf"{re.escape(naam)}_\d+", k)]
    if len(passend) != 1:
        raise OphaalFout(
            f"{wat}: verwacht precies één kolom {naam}_<nummer> in DataProperties, gevonden: "
            f"{', '.join(passend) or 'geen'}. De tabel is van vorm veranderd; pas data/cbs_bronnen.toml aan."
        )
    return passend[0]
