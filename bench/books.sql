-- bench/books.sql: the tenant -> author -> book schema of bench/populate.sh
-- and bench/big.sh (composite keys, three generated text columns, a
-- weighted and a skewed reference), made anew.
SET client_min_messages = warning;
DROP TABLE IF EXISTS book, author, tenant;
CREATE EXTENSION IF NOT EXISTS faker;
SELECT faker_reset();
CREATE TABLE tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE author (tenant_id int NOT NULL REFERENCES tenant, id serial, name text NOT NULL,
                     PRIMARY KEY (tenant_id, id));
CREATE TABLE book (tenant_id int NOT NULL REFERENCES tenant, id serial, author_id int NOT NULL,
                   title text NOT NULL, isbn text NOT NULL, blurb text NOT NULL,
                   PRIMARY KEY (tenant_id, id),
                   FOREIGN KEY (tenant_id, author_id) REFERENCES author);
SELECT faker_define('book', 'book', '{
  "columns": {"title": {"gen": "sentence", "words": 4}, "isbn": {"gen": "digits", "length": 13},
              "blurb": {"gen": "words", "n": 8}},
  "references": {"book_tenant_id_fkey": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 2000},
                 "book_tenant_id_author_id_fkey": {"skew": 2.0, "mean": 20}}}');
