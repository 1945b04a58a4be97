/*
 * shard.c: faker_populate(aggregate, n, seed, shard => k, shards => m), one
 * part of a fill that m sessions make at the same time (docs/scale.md).
 *
 * Shard k makes rows n*k/m up to n*(k+1)/m of the target, with streams of
 * its own seed (a hash of seed, k and m: deterministic for (seed, k, m)),
 * and:
 *   - takes no faker.lock rows (calls serialise on them; shards must not);
 *   - reads and writes no pool tables (every shard would wait on their
 *     registry row): it adopts the tables' rows in memory, as a pool is
 *     built, so every shard starts from the same parents, whatever the
 *     others have committed meanwhile; the parents it creates are its own;
 *   - counts integer keys without a default in the class k + 1 (mod m) and
 *     faker sequences in a row of faker.sequence of its own (start + k,
 *     step m): no two shards make the same key.  serial and identity keys
 *     come from their sequence, as always.
 * So the parents each shard creates are referenced by its rows only (whole
 * tenants per shard in a multi-tenant schema), parents that exist before the
 * fill (lookup tables) are shared by all shards, and the union of the
 * shards is m samples of the same spec: the shape of one.
 * After a sharded fill the pools do not know the shards' rows: the next
 * call that is not a shard rebuilds them (faker_reset, or automatically
 * where the pool no longer matches).
 */
#include "postgres.h"

#include "model/modelpriv.h"
#include "prng.h"

/*
 * Shard SHARD of SHARDS of a fill of N rows of AGGREGATE: its share of the
 * rows (N split in contiguous slices), from a seed mixed with the shard so
 * that shards draw different values; CallSetShard tells the call it is a
 * shard (docs/scale.md).
 */
List *
PopulateShard(const char *aggregate, int64 n, uint64 seed, int shard, int shards)
{
	int64		from = (int64) ((__int128) n * shard / shards),
				to = (int64) ((__int128) n * (shard + 1) / shards);
	uint64		mix[3] = {seed, (uint64) shard, (uint64) shards};

	if (shards <= 1)
		return Populate(aggregate, n, seed);
	seed = FakerHash64(mix, sizeof(mix), UINT64CONST(0x5eed5a4d));
	/* consumed by the CallBegin of this Populate */
	CallSetShard(shard, shards);
	return Populate(aggregate, to - from, seed);
}
