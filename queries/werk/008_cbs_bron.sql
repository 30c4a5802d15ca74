-- Per gemeente, jaar en document de fijnste CBS-bron: wat de momentopname meeneemt. Eigen cijfers
-- van een gemeente (bron 'eigen') gaan in het dashboard voor, maar horen nooit in de meegeleverde
-- CBS-gegevens; zie queries/snapshot/.
CREATE OR REPLACE MACRO werk.beste_cbs_bron() AS TABLE
    SELECT b.jaar, b.document, b.gm_code, arg_max(b.bron, r.rang) AS bron
    FROM main.iv3_bedrag b
    JOIN main.iv3_bron r USING (bron)
    WHERE b.bron <> 'eigen'
    GROUP BY ALL;
