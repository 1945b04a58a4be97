-- zc_partuniques: a unique index a partition has of its own (not
-- attached to an index of the partitioned table) is a key over the rows
-- that land in that partition, honoured by faker_populate on the
-- partitioned table
\set SHOW_CONTEXT never
CREATE TABLE zcp_artist (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zcp_release (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zcp_artist_release (is_track boolean NOT NULL,
  artist int NOT NULL REFERENCES zcp_artist, release int NOT NULL REFERENCES zcp_release,
  name text NOT NULL) PARTITION BY LIST (is_track);
CREATE TABLE zcp_artist_release_track PARTITION OF zcp_artist_release FOR VALUES IN (true);
CREATE TABLE zcp_artist_release_other PARTITION OF zcp_artist_release FOR VALUES IN (false);
CREATE UNIQUE INDEX zcp_track_uniq ON zcp_artist_release_track (release, artist);
CREATE UNIQUE INDEX zcp_other_uniq ON zcp_artist_release_other (release, artist);
-- few parents, many rows: without the keys, pairs repeat within a partition
SELECT faker_define('zcp_ar', 'zcp_artist_release',
  '{"references": {"zcp_artist_release_artist_fkey": {"mean": 40}, "zcp_artist_release_release_fkey": {"mean": 40}}}');
SELECT aggregate, created FROM faker_populate('zcp_ar', 2000, 1) ORDER BY aggregate;
SELECT count(*) AS rows_made,
       count(*) - count(DISTINCT (release, artist)) AS repeats_track
  FROM zcp_artist_release_track;
SELECT count(*) AS rows_made,
       count(*) - count(DISTINCT (release, artist)) AS repeats_other
  FROM zcp_artist_release_other;
-- a pair may repeat across partitions (the keys are per partition)
SELECT count(*) > 0 AS some_pair_in_both
  FROM zcp_artist_release_track t JOIN zcp_artist_release_other o USING (release, artist);
-- a second call sees the tuples already in each partition
SELECT aggregate, created FROM faker_populate('zcp_ar', 500, 2) WHERE aggregate = 'zcp_ar';
SELECT count(*) - count(DISTINCT (is_track, release, artist)) AS repeats FROM zcp_artist_release;
