-- De bedragkolommen van de indicatoren (lagen, totaal en functies; ingevuld uit begrippen.py): één lijst voor alle marts,
-- die ze kiezen met COLUMNS(lambda c: list_contains(werk.bedragen(), c)).
CREATE OR REPLACE MACRO werk.bedragen() AS [{{bedragen}}];
-- De volumes van behoefte (volume_<naam>, inwoners_<naam>; werk.grootheden), ook uit begrippen.py.
CREATE OR REPLACE MACRO werk.volumes() AS [{{volume_namen}}];
-- De kolommen in euro's die in constante prijzen meeschalen (marts/trend): bedragen, per inwoner, per persoon.
CREATE OR REPLACE MACRO werk.in_euro() AS [{{in_euro}}];
-- De taakvelden naast het gemeentefondscluster Sociale basisvoorzieningen (begrippen.py).
CREATE OR REPLACE MACRO werk.gemeentefonds_sociale_basis() AS [{{gemeentefonds_sociale_basis}}];

-- De kernverhouding: € acute zorg per € collectieve preventie. Leeg als preventie ≤ 0 of acute
-- zorg < 0 (netto kan negatief zijn als baten de lasten overtreffen; dan zegt ze niets).
-- De enige plek waar deze regel staat; elke mart gebruikt dit macro.
CREATE OR REPLACE MACRO werk.acuut_per_preventie(acuut, preventie) AS
    CASE WHEN preventie > 0 AND acuut >= 0 THEN acuut / preventie END;

-- Wie een rang krijgt (de enige plek van deze regels; de delen staan in begrippen.DREMPEL_ACUUT en
-- begrippen.DREMPEL_PREVENTIE).
-- Geen eigen acute zorg van betekenis: € 0 of minder, of minder dan dat deel van wat Nederland per
-- inwoner aan acute zorg uitgeeft (landelijk = Σ acute zorg / Σ inwoners in dezelfde keuze). Een
-- verhouding bij nul zegt dan waar de zorg geboekt wordt, niet dat de gemeente het beter doet.
CREATE OR REPLACE MACRO werk.acuut_drempel(landelijk_acuut, landelijk_inwoners) AS
    {{drempel_acuut}} * landelijk_acuut / landelijk_inwoners;
-- Zonder inwoners is de drempel niet te toetsen; dan telt alleen € 0 of minder (nooit leeg).
CREATE OR REPLACE MACRO werk.geen_eigen_acuut(acuut, inwoners, drempel_per_inwoner) AS
    acuut <= 0 OR coalesce(acuut / inwoners < drempel_per_inwoner, false);
-- De verhouding zoals elke mart haar toont: leeg zonder eigen acute zorg van betekenis. Een € 0,00
-- of € 0,11 naast ‘geen rang’ (kaart, ranglijst, CSV) werd anders alsnog als ‘beste’ geciteerd.
CREATE OR REPLACE MACRO werk.verhouding(acuut, preventie, geen_eigen_acuut) AS
    CASE WHEN NOT geen_eigen_acuut THEN werk.acuut_per_preventie(acuut, preventie) END;
-- Andersom (het deel staat in begrippen.DREMPEL_PREVENTIE): bijna geen collectieve preventie, meer dan € 0
-- maar minder dan dat deel van wat Nederland per inwoner aan preventie uitgeeft. Een noemer van bijna nul rekt
-- de verhouding op (€ 28 acute zorg per € preventie) als ‘slechtste’; het bedrag zegt waar preventie geboekt
-- wordt. De verhouding blijft staan (ze is wat de begroting zegt), maar zonder rang. € 0 of minder valt er
-- niet onder: dan is er al geen verhouding (werk.acuut_per_preventie).
CREATE OR REPLACE MACRO werk.preventie_drempel(landelijk_preventie, landelijk_inwoners) AS
    {{drempel_preventie}} * landelijk_preventie / landelijk_inwoners;
-- Zonder inwoners is de drempel niet te toetsen: dan niet (nooit leeg).
CREATE OR REPLACE MACRO werk.weinig_preventie(preventie, inwoners, drempel_per_inwoner) AS
    preventie > 0 AND coalesce(preventie / inwoners < drempel_per_inwoner, false);
-- Vertekend (werk.vertekend, 060_afwijking.sql): een incidentele stroom met een bekende oorzaak op een
-- taakveld van preventie of acute zorg. Zo'n verhouding wordt wel getoond, maar niet gerangschikt.
CREATE OR REPLACE MACRO werk.rangbaar(verhouding, geen_eigen_acuut, weinig_preventie, vertekend) AS
    verhouding IS NOT NULL AND NOT geen_eigen_acuut AND NOT weinig_preventie AND NOT coalesce(vertekend, false);
