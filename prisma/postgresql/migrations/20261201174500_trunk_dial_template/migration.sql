-- A line's dial string becomes a template with {number}: an endpoint "gw_mts" (or "PJSIP/gw_mts") was dialled as
-- PJSIP/<number>@gw_mts, so that is its template.
ALTER TABLE "Trunk" RENAME COLUMN "dialTarget" TO "dial";
UPDATE "Trunk"
SET "dial" = 'PJSIP/{number}@' || CASE WHEN lower(substr("dial", 1, 6)) = 'pjsip/' THEN substr("dial", 7) ELSE "dial" END
WHERE "dial" NOT LIKE '%{number}%';
