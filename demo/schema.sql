-- demo/schema.sql: a small multi-tenant library, the shape faker is built for.
CREATE TABLE tenant (
    id      serial PRIMARY KEY,
    name    text NOT NULL UNIQUE
);
CREATE TABLE author (
    tenant_id  int NOT NULL REFERENCES tenant,
    id         serial,
    name       text NOT NULL,
    email      text,
    born       date NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE TABLE publisher (
    tenant_id  int NOT NULL REFERENCES tenant,
    id         serial,
    name       text NOT NULL,
    active     boolean NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE TABLE book (
    tenant_id     int NOT NULL REFERENCES tenant,
    id            serial,
    author_id     int NOT NULL,
    publisher_id  int,
    title         varchar(80) NOT NULL,
    isbn          char(13) NOT NULL UNIQUE,
    status        text NOT NULL,
    issued        date NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, author_id) REFERENCES author,
    FOREIGN KEY (tenant_id, publisher_id) REFERENCES publisher
);
CREATE TABLE review (
    id         bigserial PRIMARY KEY,
    tenant_id  int NOT NULL,
    book_id    int NOT NULL,
    stars      smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
    body       text,
    FOREIGN KEY (tenant_id, book_id) REFERENCES book
);
