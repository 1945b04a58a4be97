-- zc_uniques: every unique constraint and unique index is honoured with no
-- spec: keys over foreign keys (junction tables), a foreign key with a
-- defaulted column, a unique column with a constant DEFAULT, expression
-- and partial unique indexes, one-to-one references; against rows already
-- in the table and within the call; an impossible key is an error naming
-- the constraint
\set SHOW_CONTEXT never
CREATE TABLE zu_author (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zu_tag (id serial PRIMARY KEY, label text NOT NULL);
CREATE TABLE zu_kind (id serial PRIMARY KEY, name text NOT NULL);
-- a junction table: the primary key is the pair of references
CREATE TABLE zu_author_tag (author_id int NOT NULL REFERENCES zu_author,
                            tag_id int NOT NULL REFERENCES zu_tag,
                            PRIMARY KEY (author_id, tag_id));
-- favourites: UNIQUE over references, and a surrogate key
CREATE TABLE zu_fav (id bigserial PRIMARY KEY, author_id int NOT NULL REFERENCES zu_author,
                     tag_id int NOT NULL REFERENCES zu_tag, UNIQUE (tag_id, author_id));
-- three references and a column left to its constant DEFAULT
CREATE TABLE zu_link (id serial PRIMARY KEY, a int NOT NULL REFERENCES zu_author,
                      t int NOT NULL REFERENCES zu_tag, k int NOT NULL REFERENCES zu_kind,
                      link_order int NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX zu_link_uniq ON zu_link (a, t, k, link_order);
-- a reference and an enum-like column
CREATE TABLE zu_conn (id serial PRIMARY KEY, author_id int NOT NULL REFERENCES zu_author,
                      category varchar(10) NOT NULL, UNIQUE (author_id, category));
SELECT faker_define('zu_conn', 'zu_conn', '{"columns": {"category": {"values": ["a", "b", "c"]}}}');

SELECT created FROM faker_populate('zu_author_tag', 3000, 1) WHERE aggregate = 'zu_author_tag';
-- a second call with the same seed: the rows already there count
SELECT created FROM faker_populate('zu_author_tag', 2000, 1) WHERE aggregate = 'zu_author_tag';
SELECT count(*) - count(DISTINCT (author_id, tag_id)) AS violations FROM zu_author_tag;
SELECT created FROM faker_populate('zu_fav', 3000, 2) WHERE aggregate = 'zu_fav';
SELECT count(*) - count(DISTINCT (tag_id, author_id)) AS violations FROM zu_fav;
SELECT created FROM faker_populate('zu_link', 3000, 3) WHERE aggregate = 'zu_link';
SELECT count(*) - count(DISTINCT (a, t, k, link_order)) AS violations, min(link_order), max(link_order) FROM zu_link;
-- three categories per author at most: new authors are created
SELECT created FROM faker_populate('zu_conn', 2000, 4) WHERE aggregate = 'zu_conn';
SELECT count(*) - count(DISTINCT (author_id, category)) AS violations,
       max(n) <= 3 AS at_most_three FROM zu_conn, LATERAL (SELECT count(*) n FROM zu_conn c2 WHERE c2.author_id = zu_conn.author_id) s;

-- a unique column with a constant DEFAULT gets values; an expression index
CREATE TABLE zu_user (id serial PRIMARY KEY, name text NOT NULL,
                      display_name text NOT NULL DEFAULT '' UNIQUE,
                      rank int NOT NULL DEFAULT 0 UNIQUE);
CREATE UNIQUE INDEX zu_user_lower_name ON zu_user (lower(name));
INSERT INTO zu_user (name, display_name, rank) VALUES ('Ann Lee', 'ann', 1);
SELECT created FROM faker_populate('zu_user', 2000, 1) WHERE aggregate = 'zu_user';
SELECT created FROM faker_populate('zu_user', 2000, 1) WHERE aggregate = 'zu_user';
SELECT count(*) - count(DISTINCT display_name) AS violations_display,
       count(*) - count(DISTINCT lower(name)) AS violations_lower,
       count(*) - count(DISTINCT rank) AS violations_rank FROM zu_user;

-- a partial unique index: unique among the rows its predicate covers
CREATE TABLE zu_vote (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES zu_user,
                      tag_id int NOT NULL REFERENCES zu_tag, is_deleted boolean NOT NULL DEFAULT false);
CREATE UNIQUE INDEX zu_vote_live ON zu_vote (user_id, tag_id) WHERE is_deleted = false;
SELECT created FROM faker_populate('zu_vote', 3000, 5) WHERE aggregate = 'zu_vote';
SELECT count(*) - count(DISTINCT (user_id, tag_id)) AS violations FROM zu_vote WHERE NOT is_deleted;

-- one-to-one: a unique foreign key column, a primary key that is a foreign key
CREATE TABLE zu_profile (user_id int PRIMARY KEY REFERENCES zu_user, bio text);
CREATE TABLE zu_avatar (id serial PRIMARY KEY, user_id int UNIQUE REFERENCES zu_user, url text);
SELECT via, distributor FROM faker_explain('zu_profile') WHERE via IS NOT NULL;
SELECT via, distributor FROM faker_explain('zu_avatar') WHERE via IS NOT NULL;
-- 4001 users exist: they are used first, each once, then new ones are created
SELECT aggregate, created, reused FROM faker_populate('zu_profile', 5000, 6) ORDER BY aggregate;
SELECT count(*) - count(DISTINCT user_id) AS violations FROM zu_profile;
SELECT created FROM faker_populate('zu_avatar', 1000, 7) WHERE aggregate = 'zu_avatar';
SELECT count(user_id) - count(DISTINCT user_id) AS violations FROM zu_avatar;

-- a self-referencing table whose integer key has no DEFAULT
CREATE TABLE zu_emp (id smallint PRIMARY KEY, name text, boss smallint REFERENCES zu_emp);
SELECT created FROM faker_populate('zu_emp', 1000, 1) WHERE aggregate = 'zu_emp';
SELECT count(*) - count(DISTINCT id) AS violations, count(*) FILTER (WHERE boss IS NOT NULL) > 900 AS bosses FROM zu_emp;

-- an impossible key: an error naming the constraint
CREATE TABLE zu_code (id serial PRIMARY KEY, a text NOT NULL, b int NOT NULL,
                      CONSTRAINT zu_code_once UNIQUE (a, b));
SELECT faker_define('zu_code', 'zu_code', '{"columns": {"a": {"values": ["x", "y"]}, "b": {"values": [1, 2]}}}');
SELECT created FROM faker_populate('zu_code', 5, 1);
SELECT count(*) FROM zu_code;
