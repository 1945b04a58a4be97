-- model_atomic: a call that fails leaves no rows and no pool entries
-- (the failing spec counts legs up from -2500: faker redraws rows a CHECK
-- rejects, but not a sequence, so the call fails at its 2506th pet, after
-- a batch of owners and pets was written)
CREATE TABLE owner (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE pet (id serial PRIMARY KEY, owner_id int NOT NULL REFERENCES owner,
                  legs int NOT NULL CHECK (legs <= 4));
SELECT faker_define('pet', 'pet', '{"columns": {"legs": {"gen": "sequence", "start": -2500}}}');
SELECT * FROM faker_populate('pet', 5000, 1);
SELECT (SELECT count(*) FROM pet) AS pets, (SELECT count(*) FROM owner) AS owners,
       (SELECT count(*) FROM faker_pools WHERE aggregate = 'owner') AS pools;
-- a working spec, then a failing call after it: the first call's rows and
-- pool stay exactly as they were
SELECT faker_define('pet', 'pet', '{"columns": {"legs": {"gen": "int", "min": 2, "max": 4}}}');
SELECT * FROM faker_populate('pet', 1000, 1);
SELECT faker_define('pet', 'pet', '{"columns": {"legs": {"gen": "sequence", "start": -2500}}}');
SELECT * FROM faker_populate('pet', 5000, 2);
SELECT (SELECT count(*) FROM pet) AS pets, (SELECT count(*) FROM owner) AS owners,
       (SELECT size FROM faker_pools WHERE aggregate = 'owner') = (SELECT count(*) FROM owner) AS pool_consistent;
-- faker_reset forgets pools, not rows; the next call adopts existing rows
SELECT faker_define('pet', 'pet', '{"columns": {"legs": {"gen": "int", "min": 2, "max": 4}}}');
SELECT faker_reset('owner');
SELECT count(*) AS pools FROM faker_pools WHERE aggregate = 'owner';
SELECT aggregate, reused > 0 AS reused_adopted FROM faker_populate('pet', 100, 3) ORDER BY 1;
SELECT (SELECT size FROM faker_pools WHERE aggregate = 'owner') = (SELECT count(*) FROM owner) AS adopted;
SELECT faker_reset();
SELECT count(*) AS pools FROM faker_pools;
SELECT faker_undefine('pet');
SELECT count(*) FROM faker.aggregate WHERE name = 'pet';
