-- robust_identifiers: names that need quoting work everywhere
CREATE SCHEMA "Sales Dept";
CREATE TABLE "Sales Dept"."Customer" ("Id" serial PRIMARY KEY, "select" text NOT NULL, "Full ""Name""" text);
CREATE TABLE "Sales Dept"."Order Items" (
    "order" serial PRIMARY KEY,
    "Customer Id" int NOT NULL,
    "Qty" int NOT NULL,
    CONSTRAINT "the ""customer"" key" FOREIGN KEY ("Customer Id") REFERENCES "Sales Dept"."Customer");
SELECT faker_define('Order Items', '"Sales Dept"."Order Items"', '{
  "columns": {"Qty": {"gen": "int", "min": 1, "max": 9}},
  "references": {"the \"customer\" key": {"mean": 5, "skew": 2}}}');
SELECT step, aggregate, relation, via FROM faker_explain('Order Items');
SELECT * FROM faker_populate('Order Items', 1000, 1);
SELECT count(*) AS items, count(DISTINCT "Customer Id") BETWEEN 150 AND 250 AS customers_ok
FROM "Sales Dept"."Order Items";
SELECT faker_fit('"Sales Dept"."Order Items"', '{Customer Id}')->>'mean' IS NOT NULL AS fit_ok;
SELECT aggregate, size FROM faker_pools WHERE aggregate LIKE '%Customer%';
SELECT faker_reset('Sales Dept.Customer');
