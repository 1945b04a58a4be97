/*
 * subpool.c: many-to-one draws inside a sub-pool, planned toward the
 * sub-pool's end state (README, "Distributors"; docs/design.md, "Sub-pool
 * planning").
 *
 * A sub-pool is what a row already decided leaves to choose from: the
 * authors of the tenant chosen for the book, the parents that satisfy a
 * reference's criteria, the rows a pipe step's $step allows.  The whole
 * pool's plan (m2o.c) cannot serve it: which sub-pool a draw lands in is
 * decided by another reference, draw by draw, so no quota per value can be
 * set up in advance.  Instead each draw looks at the sub-pool's state as
 * the end state it must already be, from the live uses of its members
 * (this reader's, persisted across calls, this call's included):
 *
 * 1. CREATE or REUSE.  With D uses in the sub-pool after this draw and n
 *    values, the sub-pool should hold about D/mean values.  Its value k
 *    (k = 0 the first) is created by the draw that brings D to
 *    mean * (k + phi_k): phi_0 = 0, so an empty sub-pool always creates,
 *    and phi_k (k >= 1) is a phase in [0, 1) hashed from the sub-pool's
 *    first member and k (not a draw, and the same in every call).  Then a
 *    sub-pool with D uses has max(1, D/mean) values on average, whatever
 *    the calls were: the creation forced by an empty sub-pool is counted
 *    like any other, and 200 calls of 1000 rows create what one of 200k
 *    creates.  Or the sub-pool is given its share of all the reader's
 *    values (FakerSubpool's share: row.c spreads the authors over the
 *    tenants by the shape of the authors' own reference to the tenant),
 *    and holds that share of the values the pool is to have at the end of
 *    the call (subpool_values_planned), phased the same way: the target is
 *    fixed for the call, so no sub-pool is pushed past it by the ups and
 *    downs of a call's progress; and no sub-pool but an empty one creates
 *    once the pool holds what is planned (sub-pools already over their
 *    share, made by other calls, are not made up for by the others).
 *
 * 2. Which member.  The target of member j (creation order within the
 *    sub-pool) is D * share(j) over the sub-pool's n values (the shape as
 *    faker_fit reads it in small groups: see subpool_shares); the draw
 *    takes a member with
 *    probability proportional to how far it is short of its target.  The
 *    shortfalls sum to one use (the draw's), so the sub-pool stays in
 *    shape after every draw, and the rank groups hold what the spec asks
 *    inside each sub-pool.  A sub-pool given its share is placed in the
 *    groups of the size it is to reach, so that its first members do not
 *    take what the members still to come are due.  O(n) a draw up to
 *    SUBPOOL_SCAN_MAX members; larger sub-pools are sampled as m2o.c
 *    samples a large pool (up to 16 members drawn from the shape, the
 *    first short of its target taken, else the most short) and keep their
 *    sum of uses in a hash by first member instead of adding it up, so a
 *    draw costs O(1) whatever the sub-pool's size.
 *
 * A reader without live uses (a pool with no persisted uses) draws from
 * the static formulas, as before.
 */
#include "postgres.h"

#include <math.h>

#include "miscadmin.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "dist/dist.h"
#include "dist/distpriv.h"

/*
 * Sub-pools given a share stop creating (but when empty) once the pool
 * holds this much more than planned: room for the targets' rounding.
 */
#define SUBPOOL_SLACK		1.01
/*
 * Up to this many members a draw scans them all (exact); beyond, samples
 * (bench/populate.sh, tenants of 280 authors: scanned, 21% slower).
 */
#define SUBPOOL_SCAN_MAX	64

/* A large sub-pool's uses, kept across its draws (by first member). */
typedef struct SubUses
{
	int64		first;			/* hash key: the first member's pool position */
	int64		n;				/* members when counted */
	int64		uses;
} SubUses;

/* This reader's uses of the value at pool position POS so far. */
static inline int64
live_uses(const FakerM2O *m, int64 pos)
{
	const int64 *uses = *m->live;

	return (uses != NULL && pos < *m->nlive) ? uses[pos] : 0;
}

/*
 * The uses of SP's members by this reader: added up for a small sub-pool,
 * kept in M's hash (*ENTRY) for a large one, counted once per call.
 */
static int64
subpool_uses(FakerM2O *m, const FakerSubpool *sp, SubUses **entry)
{
	SubUses    *e;
	bool		found;
	int64		sum = 0;

	*entry = NULL;
	if (sp->n > SUBPOOL_SCAN_MAX)
	{
		if (m->subs == NULL)
		{
			HASHCTL		ctl;

			ctl.keysize = sizeof(int64);
			ctl.entrysize = sizeof(SubUses);
			ctl.hcxt = GetMemoryChunkContext(m);
			m->subs = hash_create("faker sub-pool uses", 64, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		}
		e = hash_search(m->subs, &sp->members[0], HASH_ENTER, &found);
		*entry = e;
		/* another sub-pool with the same first member, smaller: count again */
		if (found && e->n <= sp->n)
			return e->uses;
	}
	for (int64 j = 0; j < sp->n; j++)
		sum += live_uses(m, sp->members[j]);
	if (*entry)
	{
		(*entry)->n = sp->n;
		(*entry)->uses = sum;
	}
	return sum;
}

/*
 * How many values M's pool is to hold at the end of the call, for sub-pools
 * given their share: the uses planned by then over the mean, plus the
 * values no draw of this reader has used (made by other calls, adopted),
 * which hold none of those uses.  Not the whole pool's planned size: the
 * sub-pools' creations follow their targets, not the schedule, and a pool
 * that a call left over its target would carry it into every later plan.
 * The unused values are counted once a call (O(pool), as planning is; a
 * sampled reader, whose calls are small next to the pool, skips them).
 */
static double
subpool_values_planned(FakerM2O *m)
{
	if (m->unused < 0)
	{
		m->unused = 0;
		for (int64 j = 0; j < m->n0 && !m->sampled; j++)
		{
			m->unused += live_uses(m, j) == 0 ? 1 : 0;
			if ((j & 0xFFFF) == 0xFFFF)
				CHECK_FOR_INTERRUPTS();
		}
	}
	return Max(m->U, *m->ltotal + 1) / m->spec.mean + m->unused;
}

/* The creation phase phi_k of value K of the sub-pool starting at FIRST. */
static double
subpool_phase(int64 first, int64 k)
{
	int64		key[2] = {first, k};

	return (FakerHash64(key, sizeof(key), UINT64CONST(0x5b9f)) >> 11) * (1.0 / 9007199254740992.0);
}

/* The first index of rank group P of K over N members: ceil(P * N / K). */
static inline int64
group_start(int p, int k, int64 n)
{
	return (p * n + k - 1) / k;
}

/* Skew: keep the powers (j+1)^(1/s - 1) and their running sums for N members. */
static void
skew_powers(FakerM2O *m, int64 n)
{
	MemoryContext cxt = GetMemoryChunkContext(m);
	int64		cap = Max(n, 2 * m->ninc);

	if (n <= m->ninc)
		return;
	m->inc = m->inc ? repalloc_huge(m->inc, sizeof(double) * cap) :
		MemoryContextAllocExtended(cxt, sizeof(double) * cap, MCXT_ALLOC_HUGE);
	m->cum = m->cum ? repalloc_huge(m->cum, sizeof(double) * (cap + 1)) :
		MemoryContextAllocExtended(cxt, sizeof(double) * (cap + 1), MCXT_ALLOC_HUGE);
	m->cum[0] = 0;
	for (int64 j = m->ninc; j < cap; j++)
	{
		m->inc[j] = pow((double) (j + 1), 1.0 / m->spec.skew - 1);
		m->cum[j + 1] = m->cum[j] + m->inc[j];
	}
	m->ninc = cap;
}

/* Weights: the sum of w_p / |group p| over the first N of SIZE values. */
static double
weights_norm(FakerM2O *m, int64 n, int64 size)
{
	int			k = m->spec.nweights;
	double		sum = 0;

	for (int p = 0; p < k; p++)
	{
		int64		lo = group_start(p, k, size),
					hi = group_start(p + 1, k, size);

		if (Min(hi, n) > lo)
			sum += m->spec.weights[p] * (Min(hi, n) - lo) / (hi - lo);
	}
	return sum;
}

/* The share of member J alone (FakerM2OShareFn), as subpool_shares. */
static double
subpool_share_one(FakerM2O *m, int64 j, int64 n, double P)
{
	int64		size = (int64) P;

	if (m->spec.skew > 0)
	{
		skew_powers(m, n);
		return m->inc[j] / m->cum[n];
	}
	if (m->spec.nweights > 0)
	{
		int			k = m->spec.nweights;
		int			p = (int) Min(j * k / size, k - 1);
		double		norm = weights_norm(m, n, size);

		return norm > 0 ? m->spec.weights[p] / (group_start(p + 1, k, size) - group_start(p, k, size)) / norm :
			1.0 / n;
	}
	return 1.0 / n;
}

/*
 * The share of each of N members under M's shape, into OUT, as faker_fit
 * measures the shape inside small groups (fit.c), so that what a sub-pool
 * gets is what the fit reads back; SIZE >= N is the size the sub-pool is
 * planned to reach, the shares are those of its first N values, scaled to
 * sum to 1.  Weights: rank group p (values floor(j k / SIZE) = p) holds
 * w_p of the uses, split evenly among its values.  Skew s: the
 * count falls as the rank's power (j+1)^(1/s - 1), the line the fit draws
 * in log-log; over a large pool it is the whole pool's
 * F((j+1)/n) - F(j/n) again.
 */
static void
subpool_shares(FakerM2O *m, int64 n, int64 size, double *out)
{
	if (m->spec.skew > 0)
	{
		skew_powers(m, n);
		for (int64 j = 0; j < n; j++)
			out[j] = m->inc[j] / m->cum[n];
	}
	else if (m->spec.nweights > 0)
	{
		int			k = m->spec.nweights;
		double		norm = weights_norm(m, n, size);

		/* the groups of the SIZE values to be, over the N there are */
		for (int p = 0; p < k; p++)
		{
			int64		lo = group_start(p, k, size),
						hi = group_start(p + 1, k, size);

			for (int64 j = lo; j < Min(hi, n); j++)
				out[j] = norm > 0 ? m->spec.weights[p] / (hi - lo) / norm : 1.0 / n;
		}
	}
	else
		for (int64 j = 0; j < n; j++)
			out[j] = 1.0 / n;
}

/*
 * The member to reuse when SP will have D uses and is to reach SIZE
 * values: drawn in proportion to how far each member is short of its
 * target D * share (see the head comment, 2.).
 */
static int64
subpool_pick(FakerM2O *m, FakerRng *rng, const FakerSubpool *sp, double D, int64 size)
{
	int64		n = sp->n;
	double		total = 0,
				u;
	int64		last = -1;

	if (n > SUBPOOL_SCAN_MAX)
		return FakerM2OSampledPick(m, rng, n, (double) size, D, sp->members, subpool_share_one);
	if (n > m->gapcap)
	{
		m->gapcap = Max(n, Max(64, m->gapcap * 2));
		m->gaps = m->gaps ? repalloc(m->gaps, sizeof(double) * m->gapcap) :
			MemoryContextAlloc(GetMemoryChunkContext(m), sizeof(double) * m->gapcap);
	}
	subpool_shares(m, n, size, m->gaps);
	for (int64 j = 0; j < n; j++)
	{
		double		g = D * m->gaps[j] - live_uses(m, sp->members[j]);

		m->gaps[j] = g > 0 ? g : 0;
		total += m->gaps[j];
	}
	if (!(total > 0))
		return FakerM2OStaticIndex(m, rng, n);
	u = FakerRngDouble(rng) * total;
	for (int64 j = 0; j < n; j++)
	{
		if (m->gaps[j] <= 0)
			continue;
		if (u < m->gaps[j])
			return j;
		u -= m->gaps[j];
		last = j;
	}
	return last;				/* rounding left u at the end */
}

/*
 * One draw in sub-pool SP (dist.h): NULL by null_weight, else CREATE when
 * the sub-pool is empty or its uses call for another value, else REUSE of
 * a member short of its share (see the head comment).
 */
FakerDraw
FakerM2ONextIn(FakerM2O *m, FakerRng *rng, const FakerSubpool *sp)
{
	FakerDraw	d;
	SubUses    *e;
	double		D,
				mean,
				wanted;

	d.index = -1;
	if (m->live == NULL)
	{
		/* no uses to plan from: the static formulas */
		d.kind = FakerM2ODrawKind(m, rng, sp->n);
		if (d.kind == FAKER_DRAW_REUSE)
			d.index = FakerM2OStaticIndex(m, rng, sp->n);
		return d;
	}
	if (m->spec.null_weight > 0 && FakerRngDouble(rng) < m->spec.null_weight)
	{
		d.kind = FAKER_DRAW_NULL;
		return d;
	}
	d.kind = FAKER_DRAW_CREATE;
	if (sp->n <= 0 || m->spec.mean <= 1)
		return d;
	D = (double) subpool_uses(m, sp, &e) + 1;
	mean = m->spec.mean;
	if (sp->share >= 0 && m->ltotal != NULL)
	{
		double		planned = subpool_values_planned(m);

		wanted = planned * sp->share;
		/* the pool as a whole never passes what is planned */
		if (m->n0 + m->subcreated + 1 > planned * SUBPOOL_SLACK + 0.5)
			wanted = 0;
	}
	else
		wanted = D / mean;		/* what its own uses call for */
	if (wanted < sp->n + subpool_phase(sp->members[0], sp->n))
	{
		d.kind = FAKER_DRAW_REUSE;
		d.index = subpool_pick(m, rng, sp, D,
							   sp->share >= 0 ? Max(sp->n, (int64) ceil(wanted)) : sp->n);
	}
	else
		m->subcreated++;
	if (e)
	{
		e->uses++;
		e->n = sp->n + (d.kind == FAKER_DRAW_CREATE ? 1 : 0);
	}
	return d;
}
