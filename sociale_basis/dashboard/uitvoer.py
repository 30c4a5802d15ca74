"""Wat een gebruiker meeneemt: downloads van tabellen."""

from __future__ import annotations

import pandas as pd
import streamlit as st


def csv_knop(df: pd.DataFrame, naam: str, label: str = "Download als CSV") -> None:
    """CSV met ';' en decimale komma, zoals Nederlandse spreadsheets die verwachten. Het bestand
    wordt pas gemaakt als iemand klikt (niet bij elke rerun)."""
    st.download_button(label, lambda: df.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig"),
                       file_name=naam, mime="text/csv", icon=":material/download:", on_click="ignore")
