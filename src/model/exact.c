/*
 * exact.c: "exact" columns (README, "exact"): a column's NULLs, and the
 * values of its "values" list or the segments of its "quantiles", drawn
 * stratified (src/dist/strata.c), each stream continued from call to call.
 *
 * A stream is a function of its seed and the row's position, so a call
 * needs only where the last one stopped.  Both live in faker.sequence,
 * beside the sequence counters: the position under the scope
 * "<aggregate>.<column>#<what>:<hash of the weights>" and the seed of the
 * call that began the stream under the same scope with "/seed" appended,
 * so later calls continue that stream whatever their own seeds.
 * faker_reset(aggregate) forgets them with the aggregate's counters (the
 * prefix "<aggregate>."), a spec with other weights starts a stream of its
 * own, and shard k of m keeps its own ("/k:m" appended, as sequences do).
 * The counters are read FOR UPDATE, so calls with exact columns lock at
 * their start (call.c) as calls with sequences do.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/builtins.h"

#include "faker.h"
#include "model/engine.h"
#include "security.h"

/*
 * A stream of column C of A over K categories of WEIGHTS, named WHAT,
 * positioned where the last call left it; its scope in *SCOPE.
 */
static FakerStrata *
exact_stream(FakerPlan *plan, Aggregate *a, ModelColumn *c, const char *what,
			 const double *weights, int k, char **scope)
{
	uint64		h = FakerHash64(weights, sizeof(double) * k, 0);
	char	   *base = psprintf("%s.%s#%s:%016" INT64_MODIFIER "x", a->name, c->name, what, h);
	int64		seed,
				drawn;

	if (plan->shards > 1)
		base = psprintf("%s/%d:%d", base, plan->shard, plan->shards);
	seed = ModelCounterOpen(psprintf("%s/seed", base), (int64) FakerHash64(base, strlen(base), plan->seed));
	drawn = ModelCounterOpen(base, 0);
	*scope = base;
	return FakerStrataCreate(weights, k, (uint64) seed, drawn);
}

/*
 * The per-call streams of column C of A when its spec says "exact": its
 * NULLs, and the strata of its generator (the values of a "values" list,
 * the segments of "quantiles": gen.h); with a reuse pool, the strata of
 * the new values it makes.
 */
void
ExactOpen(FakerPlan *plan, Aggregate *a, ModelColumn *c)
{
	c->null_strata = NULL;
	c->pick_strata = NULL;
	if (!c->exact)
		return;
	if (c->null_weight > 0)
	{
		double		w[2] = {c->null_weight, 1 - c->null_weight};

		c->null_strata = exact_stream(plan, a, c, "nulls", w, 2, &c->null_scope);
	}
	if (c->kind == COL_GEN && FakerGenStrata(c->gen, NULL) > 0)
	{
		int			n = FakerGenStrata(c->gen, NULL);
		double	   *w = palloc(sizeof(double) * n);

		FakerGenStrata(c->gen, w);
		c->pick_strata = exact_stream(plan, a, c, "values", w, n, &c->pick_scope);
	}
}

/* Save where column C's streams stopped, for the next call. */
void
ExactFinish(ModelColumn *c)
{
	if (c->null_strata)
		ModelCounterSave(c->null_scope, FakerStrataDrawn(c->null_strata));
	if (c->pick_strata)
		ModelCounterSave(c->pick_scope, FakerStrataDrawn(c->pick_strata));
}
