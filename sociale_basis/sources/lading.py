"""Wat een bronlezer oplevert: per importquery een tabel met rijen (`Lading`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class Lading:
    """Wat één bronbestand oplevert: per importquery een tabel met rijen, plus een samenvatting."""

    soort: str
    tabellen: dict[str, pd.DataFrame] = field(default_factory=dict)
    samenvatting: str = ""
    parameters: dict = field(default_factory=dict)

    @property
    def rijen(self) -> int:
        return sum(len(df) for df in self.tabellen.values())
