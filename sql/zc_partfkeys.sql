-- zc_partfkeys: foreign keys declared on partitions (not on the
-- partitioned table) are references of the partitioned table, once for
-- all the partitions that declare them; rows land in every partition
-- with keys that exist
\set SHOW_CONTEXT never
CREATE TABLE zcf_customer (customer_id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zcf_staff (staff_id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zcf_payment (payment_id serial, customer_id int NOT NULL, staff_id int NOT NULL,
  amount numeric(5,2) NOT NULL, paid date NOT NULL) PARTITION BY RANGE (paid);
CREATE TABLE zcf_payment_q1 PARTITION OF zcf_payment FOR VALUES FROM ('2022-01-01') TO ('2022-04-01');
CREATE TABLE zcf_payment_q2 PARTITION OF zcf_payment FOR VALUES FROM ('2022-04-01') TO ('2022-07-01');
CREATE TABLE zcf_payment_q3 PARTITION OF zcf_payment FOR VALUES FROM ('2022-07-01') TO ('2022-10-01');
ALTER TABLE zcf_payment_q1 ADD FOREIGN KEY (customer_id) REFERENCES zcf_customer,
  ADD FOREIGN KEY (staff_id) REFERENCES zcf_staff;
ALTER TABLE zcf_payment_q2 ADD FOREIGN KEY (customer_id) REFERENCES zcf_customer;
-- q3 declares none: its rows take existing customers and staff too
SELECT step, aggregate, via, distributor->>'parent' AS parent FROM faker_explain('zcf_payment')
 WHERE via IS NOT NULL AND via NOT LIKE 'check.%' ORDER BY step, via;
-- the partitions' own triggers check those keys (the writer routes the rows)
SELECT distributor FROM faker_explain('zcf_payment') WHERE via IS NULL AND aggregate = 'zcf_payment';
SELECT aggregate, created FROM faker_populate('zcf_payment', 600, 1) ORDER BY aggregate;
SELECT tableoid::regclass AS part, count(*) > 100 AS filled,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM zcf_customer c WHERE c.customer_id = p.customer_id)) AS orphan_customers,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM zcf_staff s WHERE s.staff_id = p.staff_id)) AS orphan_staff
  FROM zcf_payment p GROUP BY 1 ORDER BY 1;
