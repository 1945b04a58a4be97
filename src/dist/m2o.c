/*
 * m2o.c: many-to-one distributors (README, "Distributors"; the end state
 * they must reach: "Performance and fidelity").
 *
 * A draw over a pool of n values gives NULL, CREATE or REUSE(i), i = 0 the
 * oldest value.  Two things are decided per draw:
 *
 * 1. NULL / CREATE / REUSE.  NULL with probability null_weight.  Otherwise
 *    CREATE at rate 1/mean, on a jittered schedule rather than by a coin: an
 *    accumulator gains 1/mean per non-null draw and a value is created when
 *    it passes a threshold drawn uniformly from [0.5, 1.5), which takes one
 *    (not the threshold) off it: the k-th creation comes when the draws
 *    have made k - 1 + U of a value's worth, U in [0.5, 1.5), a jitter
 *    around a fixed grid.  Each draw still creates with probability
 *    (1-null_weight)/mean, but the number created by N draws is
 *    N(1-null_weight)/mean within about one, so the mean the user asked
 *    for is the mean the table gets (a coin would miss +-3% one time in six
 *    at mean 50 over 200k rows; thresholds taken off whole, a random walk,
 *    missed 4% in one call of 10,000 draws at mean 50).  mean = 1 always
 *    creates.
 *
 * 2. Which value to reuse.  The requested weights/skew describe the *end
 *    state*: parents ranked by use.  Drawing each reuse independently from
 *    the shape over the current pool overshoots (old values are exposed
 *    longer) and ranking Poisson-noisy counts skews the groups further.  So
 *    the reader plans the call: with n0 values at the start and N planned
 *    draws, the final pool is P = n0 + N(1-nw)/mean values and the call
 *    makes U = N(1-nw) uses.  Value j (creation order) gets a target of
 *    U * share(j) uses, share(j) from the shape over j/P (weights: group
 *    p = floor(jk/P) gets w_p/sum(w) of the uses, evenly; skew s:
 *    F((j+1)/P) - F(j/P) with F(x) = x^(1/s); uniform: 1/P), rounded with a
 *    carried remainder so the totals are exact.  Its reuse quota (target
 *    minus the creation use) goes into a ticket array when the value
 *    exists; a REUSE draw takes a uniformly random remaining ticket
 *    (swap-remove, O(1) whatever the pool size).  Every ticket is used by the
 *    end of the call, so each value ends at its target and the ranked groups
 *    hold the requested shares.
 *
 *    The plan is toward the end state of the whole pool, not of the call:
 *    the reader is given each old value's prior uses (by this reference,
 *    persisted with the pool) and the end state has U_all = prior + U uses
 *    over P values.  Value j's target is U_all * share(j) (rounded with the
 *    carry), and its quota is the target minus the uses it has (never
 *    negative), so after any sequence of calls the values hold the shape
 *    as if the pool had been filled at once.  Every call is planned this
 *    way (O(pool) set-up: one share per value).  Draws beyond the plan
 *    and unknown plans use the static formulas (weights: group by age,
 *    uniform inside; skew: min(floor(n(1-U)^s), n-1); uniform).  Draws in
 *    a sub-pool (the authors of the tenant already chosen, the parents
 *    that satisfy criteria) are planned too, sub-pool by sub-pool, from
 *    the live uses of its members: subpool.c.
 *
 * 3. Small calls over large pools (a load test's one row per transaction
 *    over a million parents) are sampled instead of planned, so a call
 *    costs O(draws), not O(pool): a value j is drawn from the static
 *    formula and taken if its uses so far are below its end-state target
 *    U_all * share(j) (with probability target - uses when that is below
 *    one), else another is drawn, up to SAMPLE_TRIES times, then the most
 *    short of its target among them is taken.  Over many calls each value
 *    is pulled toward its target as the planned calls pull it.
 *
 * 4. A call planned to create less than one value (a one-row call, mean
 *    10) starts the creation schedule at a phase drawn from the reader's
 *    state (a hash, not a draw, so the stream is unchanged): the fixed
 *    phase of 0.5 would never create in such calls, a random one creates
 *    with probability N(1-null_weight)/mean, so the mean holds over calls.
 */
#include "postgres.h"

#include <math.h>

#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "dist/dist.h"
#include "dist/distpriv.h"

/* Tickets are uint32 value indexes; larger plans fall back to the formulas. */
#define MAX_PLANNED_VALUES	((int64) PG_UINT32_MAX)
#define MAX_TICKETS			((int64) 256 * 1024 * 1024)

/* Sampled rather than planned: at least this many values, ... */
#define SAMPLE_MIN_POOL		4096
/* ... and fewer than 1/SAMPLE_RATIO reuses per value in the call. */
#define SAMPLE_RATIO		64
#define SAMPLE_TRIES		16
/*
 * Fewer planned creations than this: the creation schedule's phase is
 * random (a fixed phase is exact to half a value in one call, but a call
 * planned to create less than one value would never create).
 */
#define PHASE_RANDOM_BELOW	1


static FakerM2O *m2o_new(const FakerM2OSpec *spec, int64 pool_size);
static void m2o_plan(FakerM2O *m, int64 pool_size, double planned_draws, double before);

/*
 * Read a many-to-one spec (mean, skew, weights, null_weight) at PATH into
 * OUT; OTHER_KEYS are the caller's own keys, DEFAULT_MEAN the mean if none.
 */
void
FakerM2OParse(Jsonb *spec, const char *path, const char *const *other_keys,
			  double default_mean, FakerM2OSpec *out)
{
	FakerOptions o;

	FakerOptionsInit(&o, spec, path, true);
	memset(out, 0, sizeof(*out));
	out->mean = FakerOptNumber(&o, "mean", default_mean);
	if (!(out->mean >= 1))
		FakerOptError(&o, "mean", "must be at least 1");
	out->null_weight = FakerOptNumber(&o, "null_weight", 0);
	if (out->null_weight < 0 || out->null_weight > 1)
		FakerOptError(&o, "null_weight", "must be between 0 and 1");
	out->skew = FakerOptNumber(&o, "skew", 0);
	if (FakerOptPresent(&o, "skew") && !(out->skew >= 1))
		FakerOptError(&o, "skew", "must be at least 1");
	out->weights = FakerOptWeights(&o, "weights", &out->nweights, -1);
	if (out->nweights > 0 && FakerOptPresent(&o, "skew"))
		FakerOptError(&o, "skew", "cannot be combined with weights");
	FakerOptionsCheckKeys(&o, other_keys);
}

/* SPEC as jsonb, for faker_explain: mean and what is not the default. */
Jsonb *
FakerM2OSpecToJsonb(const FakerM2OSpec *spec)
{
	JsonOut	j;

	JsonOutBegin(&j);
	JsonOutFloat(&j, "mean", spec->mean);
	if (spec->skew > 0)
		JsonOutFloat(&j, "skew", spec->skew);
	if (spec->nweights > 0)
		JsonOutFloats(&j, "weights", spec->weights, spec->nweights);
	if (spec->null_weight > 0)
		JsonOutFloat(&j, "null_weight", spec->null_weight);
	return JsonOutEnd(&j);
}

/*
 * Share of the uses that the ranks [A, B) (fractions of the pool, in
 * creation order) get under SPEC's shape; WSUM is the sum of its weights.
 */
static double
shape_share(const FakerM2OSpec *spec, double wsum, double a, double b)
{
	if (b > 1)
		b = 1;
	if (a >= 1)
		return 0;
	if (spec->nweights > 0)
	{
		int			k = spec->nweights;
		int			p = (int) floor(a * k);

		if (p >= k)
			p = k - 1;
		return (spec->weights[p] / wsum) * k * (b - a);
	}
	if (spec->skew > 0)
		return pow(b, 1.0 / spec->skew) - pow(a, 1.0 / spec->skew);
	return b - a;
}

/* Share of the uses value J of a pool of P values gets under M's shape. */
double
FakerM2OShareOf(const FakerM2O *m, int64 j, double P)
{
	return shape_share(&m->spec, m->wsum, j / P, (j + 1) / P);
}

/* The same for SPEC's shape, over the ranks [A, B) (dist.h). */
double
FakerM2OShare(const FakerM2OSpec *spec, double a, double b)
{
	double		wsum = 0;

	for (int i = 0; i < spec->nweights; i++)
		wsum += spec->weights[i];
	return shape_share(spec, wsum, a, b);
}

/* Share of the uses the value at relative rank x = j/P .. (j+1)/P gets. */
static double
plan_share(FakerM2O *m, int64 j)
{
	return FakerM2OShareOf(m, j, m->P);
}

/*
 * Put value J's reuse quota into the ticket array: its target over the end
 * state (rounded with the carry) minus the uses it already has.
 */
static void
plan_add_value(FakerM2O *m, int64 j, bool created_now)
{
	double		q = m->U * plan_share(m, j) + m->carry;
	int64		target = q > 0 ? (int64) floor(q) : 0;
	int64		have = (created_now ? 1 : 0) + (m->prior && j < m->nprior ? m->prior[j] : 0);
	int64		t;

	m->carry = q - target;
	t = target - have;
	if (created_now && t < 0)
		m->carry += t;			/* the creation use was over target: take it from the next */
	if (m->carry < -1)
		m->carry = -1;			/* an infeasible value does not starve the rest */
	if (t <= 0)
		return;
	if (m->nt + t > m->cap)
	{
		int64		newcap = Max(m->cap * 2, m->nt + t);

		if (newcap > MAX_TICKETS)
		{
			m->planned = false; /* plan too large: formulas from here on */
			return;
		}
		m->tickets = repalloc_huge(m->tickets, sizeof(uint32) * newcap);
		m->cap = newcap;
	}
	for (int64 i = 0; i < t; i++)
		m->tickets[m->nt++] = (uint32) j;
}

/* A distributor over a pool of POOL_SIZE values for PLANNED_DRAWS draws. */
FakerM2O *
FakerM2OCreate(const FakerM2OSpec *spec, int64 pool_size, double planned_draws)
{
	return FakerM2OCreateWithUses(spec, pool_size, planned_draws, NULL, 0);
}

/*
 * A distributor that plans toward the end state of the whole pool: PRIOR
 * holds the uses each of the first NPRIOR values already has.
 */
FakerM2O *
FakerM2OCreateWithUses(const FakerM2OSpec *spec, int64 pool_size, double planned_draws,
					   const int64 *prior, int64 nprior)
{
	FakerM2O   *m = m2o_new(spec, pool_size);

	m->prior = prior;
	m->nprior = Min(nprior, pool_size);
	if (planned_draws > 0 && spec->mean > 1)
	{
		double		before = 0;

		for (int64 j = 0; j < m->nprior; j++)
			before += prior[j];
		m2o_plan(m, pool_size, planned_draws, before);
	}
	m->prior = NULL;			/* the caller's array is not kept */
	return m;
}

/*
 * A reader over live uses (see dist.h): sampled when the call is small
 * next to the pool, else planned as FakerM2OCreateWithUses.
 */
FakerM2O *
FakerM2OCreateLive(const FakerM2OSpec *spec, int64 pool_size, double planned_draws,
				   int64 *const *uses, const int64 *nuses, double uses_total)
{
	double		nonnull = planned_draws * (1 - spec->null_weight);
	FakerM2O   *m;

	if (uses == NULL || *uses == NULL || spec->mean <= 1 || planned_draws <= 0 ||
		pool_size < SAMPLE_MIN_POOL || nonnull * SAMPLE_RATIO >= (double) pool_size)
	{
		m = FakerM2OCreateWithUses(spec, pool_size, planned_draws,
								   uses ? *uses : NULL, nuses ? *nuses : 0);
		if (uses != NULL)
			FakerM2OSetLive(m, uses, nuses, NULL);
		return m;
	}
	m = m2o_new(spec, pool_size);
	m->sampled = true;
	FakerM2OSetLive(m, uses, nuses, NULL);
	m->P = pool_size + nonnull / spec->mean;
	m->U = uses_total + nonnull;
	m->phase_random = nonnull / spec->mean < PHASE_RANDOM_BELOW;
	return m;
}

/* A reader with SPEC's shape over POOL_SIZE values, not planned yet. */
static FakerM2O *
m2o_new(const FakerM2OSpec *spec, int64 pool_size)
{
	FakerM2O   *m = palloc0(sizeof(FakerM2O));

	m->spec = *spec;
	if (spec->nweights > 0)
	{
		m->spec.weights = palloc(sizeof(double) * spec->nweights);
		memcpy(m->spec.weights, spec->weights, sizeof(double) * spec->nweights);
		for (int i = 0; i < spec->nweights; i++)
			m->wsum += spec->weights[i];
	}
	m->threshold = 1.0;
	m->acc = 0.5;				/* deterministic phase; jitter comes per creation */
	m->n0 = pool_size;
	m->unused = -1;
	return m;
}

/*
 * Plan M's call of PLANNED_DRAWS draws over POOL_SIZE values that had
 * BEFORE uses: a quota per value in the ticket array (O(pool)).
 */
static void
m2o_plan(FakerM2O *m, int64 pool_size, double planned_draws, double before)
{
	double		mean = m->spec.mean;
	double		nonnull = planned_draws * (1 - m->spec.null_weight);

	m->P = pool_size + nonnull / mean;
	m->U = before + nonnull;
	m->phase_random = nonnull / mean < PHASE_RANDOM_BELOW;
	if (m->P >= 1 && m->P < MAX_PLANNED_VALUES && nonnull - nonnull / mean < MAX_TICKETS)
	{
		m->planned = true;
		m->cap = Max((int64) (nonnull - nonnull / mean) + 1024, 1024);
		m->tickets = palloc_extended(sizeof(uint32) * m->cap, MCXT_ALLOC_HUGE);
		for (int64 j = 0; j < pool_size && m->planned; j++)
			plan_add_value(m, j, false);
		m->next_planned = pool_size;
	}
}

/* Static formula: an index in [0, n) drawn from the shape. */
int64
FakerM2OStaticIndex(FakerM2O *m, FakerRng *rng, int64 n)
{
	if (m->spec.nweights > 0)
	{
		int			k = m->spec.nweights;
		double		u = FakerRngDouble(rng) * m->wsum;
		int			p = 0;
		int64		lo,
					hi;

		while (p < k - 1 && u >= m->spec.weights[p])
			u -= m->spec.weights[p++];
		lo = (int64) floor((double) p * n / k);
		hi = (int64) floor((double) (p + 1) * n / k);
		if (hi <= lo)
			hi = lo + 1;
		if (hi > n)
			hi = n;
		if (lo >= hi)
			lo = hi - 1;
		return lo + (int64) FakerRngBelow(rng, hi - lo);
	}
	if (m->spec.skew > 0)
	{
		int64		i = (int64) floor(n * pow(1 - FakerRngDouble(rng), m->spec.skew));

		return Min(i, n - 1);
	}
	return (int64) FakerRngBelow(rng, n);
}

/* The whole pool's share of value J of P (FakerM2OShareFn; N unused). */
static double
pool_share(FakerM2O *m, int64 j, int64 n, double P)
{
	return FakerM2OShareOf(m, j, P);
}

/*
 * A sampled reuse (see the head comment, 3.): an index in [0, N) drawn
 * from the shape until its value is short of its end-state target, U uses
 * times SHARE(j) (over P values).  MEMBERS maps the index to a pool
 * position (NULL: the index is the position).
 */
int64
FakerM2OSampledPick(FakerM2O *m, FakerRng *rng, int64 n, double P, double U,
					const int64 *members, FakerM2OShareFn share)
{
	const int64 *uses = *m->live;
	int64		nuses = *m->nlive;
	int64		best = -1;
	double		best_gap = 0;

	for (int t = 0; t < SAMPLE_TRIES; t++)
	{
		int64		j = FakerM2OStaticIndex(m, rng, n);
		int64		pos = members ? members[j] : j;
		double		gap = U * share(m, j, n, P) - (pos < nuses ? uses[pos] : 0);

		if (gap >= 1 || (gap > 0 && FakerRngDouble(rng) < gap))
		{
			best = j;
			break;
		}
		if (best < 0 || gap > best_gap)
		{
			best = j;
			best_gap = gap;
		}
	}
	return best;
}

/* NULL or CREATE or "reuse something": the common first step of a draw. */
FakerDrawKind
FakerM2ODrawKind(FakerM2O *m, FakerRng *rng, int64 n)
{
	if (m->spec.null_weight > 0 && FakerRngDouble(rng) < m->spec.null_weight)
		return FAKER_DRAW_NULL;
	if (n <= 0 || m->spec.mean <= 1)
		return FAKER_DRAW_CREATE;
	if (m->phase_random)
	{
		/* from the stream's state, not a draw: the stream stays as it was */
		m->acc = (FakerHash64(rng, sizeof(FakerRng), UINT64CONST(0x9a5e)) >> 11) * (1.0 / 9007199254740992.0);
		m->phase_random = false;
	}
	m->acc += 1.0 / m->spec.mean;
	if (m->acc >= m->threshold)
	{
		/*
		 * one value's worth off, not the threshold's: the thresholds jitter
		 * around a grid of one value, so the error does not add up
		 */
		m->acc -= 1.0;
		m->threshold = 0.5 + FakerRngDouble(rng);
		return FAKER_DRAW_CREATE;
	}
	return FAKER_DRAW_REUSE;
}

/* The next draw: a new value, a reuse (its index in the pool) or NULL. */
FakerDraw
FakerM2ONext(FakerM2O *m, FakerRng *rng, int64 pool_size)
{
	FakerDraw	d;

	d.kind = FakerM2ODrawKind(m, rng, pool_size);
	d.index = -1;
	if (d.kind != FAKER_DRAW_REUSE)
		return d;
	if (m->sampled)
	{
		if (pool_size > m->P)
			m->P = pool_size;	/* others appended beyond the plan */
		d.index = FakerM2OSampledPick(m, rng, pool_size, m->P, m->U, NULL, pool_share);
		return d;
	}
	if (m->planned)
	{
		/* values appended by others (not through FakerM2OCreated) join the plan */
		while (m->next_planned < pool_size && m->planned)
			plan_add_value(m, m->next_planned++, false);
		if (m->nt > 0)
		{
			int64		t = (int64) FakerRngBelow(rng, m->nt);

			d.index = m->tickets[t];
			m->tickets[t] = m->tickets[--m->nt];
			if (d.index < pool_size)
				return d;
		}
	}
	d.index = FakerM2OStaticIndex(m, rng, pool_size);
	return d;
}

/* The caller created the value at INDEX: it joins the values to plan. */
void
FakerM2OCreated(FakerM2O *m, int64 index)
{
	if (m->planned && index >= m->next_planned)
	{
		while (m->next_planned < index && m->planned)
			plan_add_value(m, m->next_planned++, false);
		if (m->planned)
			plan_add_value(m, index, true);
		m->next_planned = index + 1;
	}
}

/*
 * Give M the caller's live uses (dist.h): sub-pool draws read them
 * (subpool.c); a sampled reader already has them.
 */
void
FakerM2OSetLive(FakerM2O *m, int64 *const *uses, const int64 *nuses, const double *total)
{
	m->live = uses;
	m->nlive = nuses;
	m->ltotal = total;
}

/* The pool size M plans toward (0: not planned). */
double
FakerM2OPlannedPool(const FakerM2O *m)
{
	return (m->planned || m->sampled) ? m->P : 0;
}
