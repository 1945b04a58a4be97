-- the tenant/author/publisher/book/review schema and its definitions
-- (included by model_diamond.sql, twice: the second time in another database)
CREATE TABLE tenant (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE author (tenant_id int NOT NULL REFERENCES tenant, id serial, name text NOT NULL,
                     born date NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE publisher (tenant_id int NOT NULL REFERENCES tenant, id serial, name text NOT NULL,
                        active boolean NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE book (tenant_id int NOT NULL REFERENCES tenant, id serial, author_id int NOT NULL,
                   publisher_id int, title varchar(30) NOT NULL, isbn char(13) NOT NULL UNIQUE,
                   status text NOT NULL, issued date NOT NULL, PRIMARY KEY (tenant_id, id),
                   FOREIGN KEY (tenant_id, author_id) REFERENCES author,
                   FOREIGN KEY (tenant_id, publisher_id) REFERENCES publisher);
CREATE TABLE review (id bigserial PRIMARY KEY, tenant_id int NOT NULL, book_id int NOT NULL,
                     stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5), body text,
                     FOREIGN KEY (tenant_id, book_id) REFERENCES book);
SELECT faker_define('tenant', 'tenant', '{"columns": {"name": {"gen": "sequence", "format": "Tenant %s"}}}');
SELECT faker_define('review', 'review', '{"columns": {"stars": {"gen": "int", "min": 1, "max": 5}}}');
SELECT faker_define('book', 'book', '{
  "columns": {"title": {"gen": "sentence", "words": 4}, "isbn": {"gen": "digits", "length": 13},
              "status": {"values": ["draft", "published", "retired"], "weights": [0.2, 0.7, 0.1]}},
  "references": {"book_tenant_id_fkey": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 500},
                 "book_tenant_id_author_id_fkey": {"skew": 2.0, "mean": 20},
                 "book_tenant_id_publisher_id_fkey": {"mean": 100, "null_weight": 0.1}},
  "children": {"review": {"via": "review_tenant_id_book_id_fkey", "mean": 3, "skew": 2.0}}}');
