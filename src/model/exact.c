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

/* Read a counter of faker.sequence for update, made with INITIAL if new. */
static int64
exact_counter(const char *scope, int64 initial)
{
	Oid			types[2] = {TEXTOID, INT8OID};
	Datum		args[2] = {CStringGetTextDatum(scope), Int64GetDatum(initial)};

	FakerSPIExecute("INSERT INTO faker.sequence (scope, next) VALUES ($1, $2) ON CONFLICT DO NOTHING",
					2, types, args, NULL, false, 0);
	return ModelSPIInt8("SELECT next FROM faker.sequence WHERE scope OPERATOR(pg_catalog.=) $1 FOR UPDATE",
						1, types, args);
}

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
	FakerOwnerScope owner;
	int64		seed,
				drawn;

	if (plan->shards > 1)
		base = psprintf("%s/%d:%d", base, plan->shard, plan->shards);
	FakerOwnerEnter(&owner);
	seed = exact_counter(psprintf("%s/seed", base), (int64) FakerHash64(base, strlen(base), plan->seed));
	drawn = exact_counter(base, 0);
	FakerOwnerExit(&owner);
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
	FakerStrata *streams[2] = {c->null_strata, c->pick_strata};
	char	   *scopes[2] = {c->null_scope, c->pick_scope};
	FakerOwnerScope owner;

	FakerOwnerEnter(&owner);
	for (int i = 0; i < 2; i++)
		if (streams[i])
		{
			Oid			types[2] = {TEXTOID, INT8OID};
			Datum		args[2] = {CStringGetTextDatum(scopes[i]), Int64GetDatum(FakerStrataDrawn(streams[i]))};

			FakerSPIExecute("UPDATE faker.sequence SET next = $2 WHERE scope OPERATOR(pg_catalog.=) $1",
							2, types, args, NULL, false, 0);
		}
	FakerOwnerExit(&owner);
}
