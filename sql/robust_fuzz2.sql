-- robust_fuzz2: 50,000 more cases of sql/robust_fuzz.sql's generator
-- (sql/include/fuzz.sql), from another seed.
SET fuzz.seed = 0.17;
\i sql/include/fuzz.sql
