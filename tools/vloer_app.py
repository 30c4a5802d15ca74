"""De vloer van Streamlit zelf, voor tools/bench_browser.py --vloer: een kale pagina met dezelfde
soorten elementen als de Gemeente-pagina, stap voor stap erbij (?v=tekst, kerncijfers, plotly,
tabel). Geen opslag, geen zijbalk, geen huisstijl: wat hier een lezer laat wachten, is de
frontend van deze Streamlit-versie (lazy geladen chunks; PlotlyChart is 4,7 MB), niet het dashboard."""

import plotly.graph_objects as go
import streamlit as st

STAPPEN = ["tekst", "kerncijfers", "plotly", "tabel"]
v = st.query_params.get("v", "tabel")
tot = STAPPEN.index(v) if v in STAPPEN else len(STAPPEN) - 1
st.title("Amsterdam")
st.markdown("#### In 2025 begroot Amsterdam € 212 per inwoner voor collectieve preventie.")
if tot >= 1:
    for kolom, label in zip(st.columns(4), ["Preventie", "Acute zorg", "Verhouding", "Rang"]):
        kolom.metric(label, "€ 212", delta="NL € 190", delta_color="off", delta_arrow="off")
if tot >= 2:
    st.plotly_chart(go.Figure(go.Bar(y=["Amsterdam", "Groep", "Nederland"], x=[212, 180, 190], orientation="h")))
if tot >= 3:
    st.dataframe([{"Code": f"6.{i}", "Taakveld": f"Taakveld {i}", "Bedrag": f"€ {i * 1000}"} for i in range(12)])
