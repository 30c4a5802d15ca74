-- De afgeleide gegevens horen niet meer bij de inhoud: het volgende laad_model rekent ze opnieuw.
DELETE FROM werk.gegevens_stand;
