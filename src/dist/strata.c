/*
 * strata.c: stratified draws of weighted categories (dist.h; README,
 * "exact").
 *
 * Drawing each row's category independently gives a binomial count: 20
 * rows at weights 0.6/0.3/0.1 end 12/6/2 only now and then, and a profile
 * of a small table cannot be reproduced within a couple of points.  Here
 * the stream of rows is cut into blocks of B, the least number of rows in
 * which the rarest category has one place:
 *
 *   - how many places each category has in the first j blocks is
 *     systematic, the integers in an interval of length j * B * w_i, all
 *     intervals shifted by one random phase: after every block each count
 *     is within one row of its share, any prefix's expected count is its
 *     share exactly (a one-row call is a NULL with probability
 *     null_weight), and since B * w_i >= 1 no block takes places back;
 *   - which row of a block gets which place is a keyed random permutation
 *     of the block (a Feistel network over the next power of 4, walked
 *     until it lands inside the block), so the order looks random and row
 *     r of any block is found without drawing the rows before it.
 *
 * So the stream is a function of its seed and the row's position alone: a
 * table filled over several calls, each starting where the last one
 * stopped (the position is persisted with faker's sequence counters,
 * src/model/exact.c), gets the same rows as one call.
 */
#include "postgres.h"

#include <math.h>

#include "dist/dist.h"

struct FakerStrata
{
	int			k;				/* categories */
	double	   *cum;			/* their cumulative shares, the last 1 */
	int64	   *ends;			/* the current block: places below each end */
	int64		block;			/* rows per block */
	int64		cur;			/* the block ENDS describes, or -1 */
	int64		drawn;			/* rows drawn: the next row's position */
	uint64		key;			/* the permutations' key */
	double		phase;			/* in [0, 1) */
	int			halfbits;		/* the Feistel network's half width */
};

/*
 * Stratified draws over K categories of relative WEIGHTS (non-negative,
 * not all zero), the stream of SEED, starting at row DRAWN; in the
 * current memory context.
 */
FakerStrata *
FakerStrataCreate(const double *weights, int k, uint64 seed, int64 drawn)
{
	FakerStrata *s = palloc0(sizeof(FakerStrata));
	double		sum = 0,
				least = 1,
				acc = 0;
	FakerRng	rng;

	Assert(k > 0);
	for (int i = 0; i < k; i++)
		sum += weights[i];
	Assert(sum > 0);
	s->k = k;
	s->cum = palloc(sizeof(double) * k);
	s->ends = palloc0(sizeof(int64) * k);
	for (int i = 0; i < k; i++)
	{
		double		w = weights[i] / sum;

		if (w > 0 && w < least)
			least = w;
		acc += w;
		s->cum[i] = i == k - 1 ? 1.0 : Min(acc, 1.0);
	}
	/* weights under 2^-40 are not worth a block of 10^12 rows */
	s->block = (int64) Min(ceil(1 / least - 1e-9), (double) (INT64CONST(1) << 40));
	s->block = Max(s->block, 1);
	while ((INT64CONST(1) << (2 * s->halfbits)) < s->block)
		s->halfbits++;
	FakerRngInit(&rng, seed);
	s->phase = FakerRngDouble(&rng);
	s->key = FakerRngNext(&rng);
	s->cur = -1;
	s->drawn = Max(drawn, 0);
	return s;
}

/* Rows of the first J blocks whose systematic point falls below share CUM. */
static int64
strata_below(const FakerStrata *s, int64 j, double cum)
{
	return (int64) floor((double) j * (double) s->block * cum + s->phase);
}

/*
 * Block J's places: category i's are its count after the block less its
 * count before (both systematic), laid end to end in ENDS.
 */
static void
strata_block(FakerStrata *s, int64 j)
{
	int64		end = 0,
				next_prev = 0,
				cur_prev = 0;

	for (int i = 0; i < s->k; i++)
	{
		int64		next = strata_below(s, j + 1, s->cum[i]);
		int64		cur = strata_below(s, j, s->cum[i]);

		end += (next - next_prev) - (cur - cur_prev);
		s->ends[i] = end;
		next_prev = next;
		cur_prev = cur;
	}
	Assert(end == s->block);
	s->cur = j;
}

/* A round of the Feistel network: a hash of the right half, its round and block. */
static uint64
strata_round(uint64 x, uint64 key)
{
	uint64		z = x + key;

	z = (z ^ (z >> 30)) * UINT64CONST(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64CONST(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* The place of row R in block J: a keyed permutation of [0, block). */
static int64
strata_place(const FakerStrata *s, int64 j, int64 r)
{
	uint64		mask = (UINT64CONST(1) << s->halfbits) - 1;
	uint64		key = s->key ^ ((uint64) j * UINT64CONST(0x9e3779b97f4a7c15));
	uint64		x = (uint64) r;

	do
	{
		uint64		left = x >> s->halfbits,
					right = x & mask;

		for (int round = 0; round < 4; round++)
		{
			uint64		t = right;

			right = left ^ (strata_round(right, key + round) & mask);
			left = t;
		}
		x = (left << s->halfbits) | right;
	} while (x >= (uint64) s->block);
	return (int64) x;
}

/* The category of the next row. */
int
FakerStrataNext(FakerStrata *s)
{
	int64		j = s->drawn / s->block;
	int64		p;
	int			i;

	if (j != s->cur)
		strata_block(s, j);
	p = strata_place(s, j, s->drawn % s->block);
	for (i = 0; i < s->k - 1 && p >= s->ends[i]; i++)
		;
	s->drawn++;
	return i;
}

/* Rows drawn so far, counting the start: where the next call starts. */
int64
FakerStrataDrawn(const FakerStrata *s)
{
	return s->drawn;
}
