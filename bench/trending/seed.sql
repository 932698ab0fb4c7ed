-- Trending at volume (issue 12, F18): on top of bench/cases' people and cases, one complaint per case (up to :complaints),
-- each coded with one IMDRF problem code, spread over :models catalog models, 40 annex A codes and 36 months with a
-- skew (the first model and code take the most), and the units in use per model and month. PostgreSQL only; psql -v.
--   psql -v complaints=1000000 -v models=20 -f bench/trending/seed.sql "$connection"
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE bench_models AS
  SELECT "Id" AS id, row_number() OVER (ORDER BY "Id") - 1 AS n FROM product_models ORDER BY "Id" LIMIT :models;
CREATE TEMP TABLE bench_codes (n int, code text);
INSERT INTO bench_codes
  SELECT row_number() OVER () - 1, c FROM unnest(ARRAY[
    'A0601','A0701','A0702','A0703','A0801','A0901','A1001','A1101','A1201','A1301',
    'A0101','A0201','A0301','A0401','A0501','A1401','A1501','A1601','A1701','A1801',
    'A050101','A050102','A060101','A070101','A070201','A080101','A090101','A100101','A110101','A120101',
    'A02','A03','A04','A05','A06','A07','A08','A09','A10','A11']) AS c;

-- One complaint per case, aware at the case's opening spread over 36 months ending with the current one.
CREATE TEMP TABLE bench_complaints AS
  SELECT gen_random_uuid() AS id, c."Id" AS case_id, c."PersonId" AS person_id,
         date_trunc('month', now()) - make_interval(months => (i % 36)::int) + make_interval(days => (i % 27)::int, hours => (i % 23)::int) AS aware,
         i
  FROM (SELECT "Id", "PersonId", row_number() OVER (ORDER BY "Id") AS i FROM cases LIMIT :complaints) c;

INSERT INTO complaints ("Id", "CaseId", "PersonId", "AwarenessAt", "ReceivingTimeZone", "FlaggedBy", "FlaggedAt", "LegalHold", "Version")
  SELECT id, case_id, person_id, aware, 'Asia/Shanghai', 'bench', aware, true, gen_random_uuid() FROM bench_complaints
  ON CONFLICT DO NOTHING;

-- Skewed: model = (i*i) mod models favours small numbers less than a power law, code = i mod 40 with every 7th on code 0.
INSERT INTO complaint_codes ("Id", "ComplaintId", "Annex", "Code", "Release", "ModelId", "Month", "CodedBy", "CodedAt")
  SELECT gen_random_uuid(), b.id, 'A', co.code, '2022', m.id,
         (extract(year FROM b.aware AT TIME ZONE 'Asia/Shanghai')::int * 12) + extract(month FROM b.aware AT TIME ZONE 'Asia/Shanghai')::int - 1,
         'bench', b.aware
  FROM bench_complaints b
  JOIN bench_models m ON m.n = (b.i * b.i) % :models
  JOIN bench_codes co ON co.n = CASE WHEN b.i % 7 = 0 THEN 0 ELSE b.i % 40 END;

-- Units in use: 50,000 per model and month, growing 1 % a month.
INSERT INTO trend_denominators ("ModelId", "Month", "Units", "EnteredBy", "EnteredAt")
  SELECT m.id, mo, (50000 * power(1.01, mo - min(mo) OVER ()))::bigint, 'bench', now()
  FROM bench_models m,
       generate_series((extract(year FROM now())::int * 12) + extract(month FROM now())::int - 1 - 40,
                       (extract(year FROM now())::int * 12) + extract(month FROM now())::int - 1) AS mo
  ON CONFLICT DO NOTHING;

COMMIT;
ANALYZE complaints;
ANALYZE complaint_codes;
ANALYZE trend_denominators;
SELECT count(*) AS complaints_coded FROM complaint_codes;
SELECT "ModelId", "Code", count(*) AS largest_series FROM complaint_codes GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1;
