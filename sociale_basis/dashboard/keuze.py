"""De keuze van de lezer als één waarde: jaar, document, maat, gemeente, groep, model en de schakelaars.
De zijbalk (zijbalk.py) leest de link en de opslag één keer en bouwt haar; pagina's en vragen krijgen haar
als waarde. Hier geen widgets en geen Streamlit: zo hangt niets in een kring terug naar de zijbalk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .. import export, teksten, vergelijkingsgroep

BRON_CBS = "CBS, Iv3 (onbewerkte gemeentedata)"


@dataclass(frozen=True)
class Keuze:
    jaar: int
    document: str
    maat: str  # wat getoond wordt (bruto als netto niet kan)
    gevraagde_maat: str
    per_inwoner: bool
    gemeente: str | None  # GM-code
    groep: vergelijkingsgroep.Groep
    model: str = "standaard"  # naam van het actieve model (modelkeuze.label)
    # Gemeenten met eigen cijfers (geen CBS) in dit jaar en document: GM-code → naam.
    eigen: tuple[tuple[str, str], ...] = ()
    gemeente_naam: str = ""
    zonder_regio: bool = False  # taakveld 6.81 voor elke gemeente weg uit acute zorg (alle pagina's)
    # Bevatten de landelijke cijfers van deze keuze crisisgeld (marts/groep: vertekend)? Dan de zin die het
    # zegt (teksten.crisis_bron), in elke bronregel en elk bestand; anders leeg.
    crisis: str = ""
    model_code: str | None = None  # een modelvariant zoals de link hem noemt (modelkeuze.URL), voor links in exports
    versie: datetime | None = None  # van de gegevens (indicators.gegevensversie): reist mee in links en exports

    @property
    def netto_ontbreekt(self) -> bool:
        return self.maat != self.gevraagde_maat

    @property
    def maat_tekst(self) -> str:
        """'netto' of 'netto, zonder regionale taken': zo reist de schakelaar mee in elke bronregel."""
        return self.maat + (f", {teksten.ZONDER_REGIO_KORT}" if self.zonder_regio else "")

    def bestandsdelen(self, wat: str, wie: str | None = None) -> list[str]:
        """De delen van een exportnaam (export.bestandsnaam): wie, document-jaar, maat, en of de
        regionale taken weg zijn — die schakelaar verandert de cijfers, dus ook de naam."""
        return [
            wie or self.gemeente_naam,
            f"{self.document}-{self.jaar}",
            self.maat,
            "zonder-regio" if self.zonder_regio else "",
            wat,
        ]

    def bestandsnaam(self, wat: str, wie: str | None = None, ext: str = "csv") -> str:
        """amsterdam_begroting-2025_netto_taakvelden.csv: elke download heet zo (één regel)."""
        return export.bestandsnaam(*self.bestandsdelen(wat, wie), ext=ext)

    def bron(self) -> str:
        eigen = f" Met eigen cijfers (geen CBS) van {', '.join(n for _, n in self.eigen)}." if self.eigen else ""
        return (
            f"Bron: {BRON_CBS}, {self.document} {self.jaar}, {self.maat_tekst}.{eigen} "
            f"Bewerking: Sociale Basis-dashboard, model ‘{self.model}’." + (f" {self.crisis}" if self.crisis else "")
        )
