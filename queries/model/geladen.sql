-- De modellen die in deze verbinding geladen zijn (werk.model_regel is de lijst).
SELECT DISTINCT model FROM werk.model_regel ORDER BY model;
