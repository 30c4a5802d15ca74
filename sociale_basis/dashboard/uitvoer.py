"""Wat een gebruiker meeneemt: downloads van tabellen en van het model."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import model
from . import modelkeuze, zijbalk


def csv_knop(df: pd.DataFrame, naam: str, label: str = "Download als CSV") -> None:
    """CSV met ';' en decimale komma, zoals Nederlandse spreadsheets die verwachten. Het bestand
    wordt pas gemaakt als iemand klikt (niet bij elke rerun). Een kolom `model` zegt met welk
    model de cijfers zijn berekend; bij een variant zegt ook de bestandsnaam het."""
    m = modelkeuze.variant()
    if m is not None:
        naam = naam.removesuffix(".csv") + f"_{m.naam}.csv"
    model_naam = modelkeuze.label()
    uit = df.assign(model=model_naam)
    # Eigen cijfers van een gemeente zijn geen CBS-cijfers: dat reist mee in het bestand.
    eigen = dict(zijbalk.keuze().eigen) if "_keuze" in st.session_state else {}
    if eigen and "gm_code" in uit.columns:
        uit["herkomst"] = uit["gm_code"].map(lambda c: "eigen cijfers gemeente (geen CBS)" if c in eigen else "CBS")
    st.download_button(label, lambda: uit.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig"),
                       file_name=naam, mime="text/csv", icon=":material/download:", on_click="ignore")


def model_knop(m: model.Model, label: str) -> None:
    """Het model als modelbestand (zelfde vorm als data/model/standaard.csv), bruikbaar met
    `sociale-basis indicatoren --model BESTAND` en weer te uploaden op de pagina Model."""
    st.download_button(label, lambda: model.naar_csv(m), file_name=f"{m.naam}.csv", mime="text/csv",
                       icon=":material/download:", on_click="ignore")
