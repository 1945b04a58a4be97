/*
 * pipe.c: faker_pipe, a stream of related choices (README, "Pipes").
 *
 * Each iteration runs the steps in order; each step draws a row of its
 * aggregate through its own distributor over the aggregate's shared pool
 * (reusing, or creating the row and its parents as populate would), and
 * the iteration yields {"<step>": <key of the chosen row>, ...}.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "options.h"
#include "model/modelpriv.h"

typedef struct PipeStep
{
	char	   *name;
	char	   *aggregate;
	Aggregate  *agg;
	FakerM2OSpec spec;
	FakerM2O   *m2o;
	PoolUses   *uses;			/* uses per value by this step, persisted (uses.c) */
	FakerRng	rng;
	Jsonb	   *require;		/* criteria on the chosen row, may read earlier steps */
	FakerCriteria *crit;
} PipeStep;

/* The keys of a step besides its distributor's (FakerM2OParse checks them). */
static const char *const step_keys[] = {"name", "aggregate", "require", NULL};

/*
 * Step I of STEPS (OUT[I]): its name (not one of an earlier step), its
 * aggregate, its "require" (bound later, by bind_steps) and distributor.
 */
static void
parse_step(Jsonb *steps, int i, PipeStep *out)
{
	JsonbValue *e = getIthJsonbValueFromContainer(&steps->root, i);
	FakerOptions o;

	FakerOptionsInit(&o, JsonbValueToJsonb(e), psprintf("steps[%d]", i), true);
	out[i].name = FakerOptName(&o, "name");
	out[i].aggregate = FakerOptName(&o, "aggregate");
	for (int j = 0; j < i; j++)
		if (strcmp(out[j].name, out[i].name) == 0)
			FakerOptError(&o, "name", psprintf("step \"%s\" is named twice", out[i].name));
	out[i].require = FakerOptJsonb(&o, "require");
	FakerM2OParse(o.spec, o.path, step_keys, 10, &out[i].spec);
}

/* Parse and check the steps (names unique, distributors valid). */
static PipeStep *
parse_steps(Jsonb *steps, int *nsteps)
{
	PipeStep   *out;
	int			n;

	if (!JB_ROOT_IS_ARRAY(steps) || JB_ROOT_IS_SCALAR(steps) || JB_ROOT_COUNT(steps) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("steps: must be a non-empty jsonb array of step objects")));
	n = JB_ROOT_COUNT(steps);
	out = palloc0(sizeof(PipeStep) * n);
	for (int i = 0; i < n; i++)
		parse_step(steps, i, out);
	*nsteps = n;
	return out;
}

/* A key value as jsonb: numbers and booleans as such, the rest as text. */
static void
push_key_value(JsonbParseState **st, JsonbIteratorToken tok, ModelColumn *c, Datum d, bool isnull)
{
	JsonbValue	v;
	Oid			out;
	bool		isvarlena;
	char	   *s;

	if (isnull)
		v.type = jbvNull;
	else if (c->typid == BOOLOID)
	{
		v.type = jbvBool;
		v.val.boolean = DatumGetBool(d);
	}
	else
	{
		getTypeOutputInfo(c->typid, &out, &isvarlena);
		s = OidOutputFunctionCall(out, d);
		if (c->typid == INT2OID || c->typid == INT4OID || c->typid == INT8OID || c->typid == NUMERICOID)
		{
			v.type = jbvNumeric;
			v.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(s),
																ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
		}
		else
		{
			v.type = jbvString;
			v.val.string.val = s;
			v.val.string.len = strlen(s);
		}
	}
	pushJsonbValue(st, tok, &v);
}

/* The key of a row: a scalar for a one-column key, else {col: value}. */
static void
push_key(JsonbParseState **st, Aggregate *agg, Datum *keys, bool *knulls)
{
	if (agg->nkeys == 1)
	{
		push_key_value(st, WJB_VALUE, &agg->cols[agg->keycol[0]], keys[0], knulls[0]);
		return;
	}
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	for (int k = 0; k < agg->nkeys; k++)
	{
		JsonbValue	key;
		ModelColumn *c = &agg->cols[agg->keycol[k]];

		key.type = jbvString;
		key.val.string.val = c->name;
		key.val.string.len = strlen(c->name);
		pushJsonbValue(st, WJB_KEY, &key);
		push_key_value(st, WJB_VALUE, c, keys[k], knulls[k]);
	}
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

/* A pipe call in progress (value-per-call: an iteration per call). */
struct PipeState
{
	FakerPlan  *plan;
	PipeStep   *steps;
	int			nsteps;
	int64		n;				/* iterations asked for */
	int64		done;
	MemoryContext rowcxt;		/* one iteration's memory */
	bool		ended;
};

/* Bind the steps to the plan's aggregates, their distributors and criteria. */
static void
bind_steps(FakerPlan *plan, PipeStep *steps, int nsteps, int64 n, uint64 seed)
{
	FakerCriteriaStep *info = palloc0(sizeof(FakerCriteriaStep) * nsteps);

	plan->stepkeys = palloc0(sizeof(Datum *) * nsteps);
	plan->stepnulls = palloc0(sizeof(bool *) * nsteps);
	for (int i = 0; i < nsteps; i++)
	{
		for (int a = 0; a < plan->n; a++)
			if (strcmp(plan->aggs[a]->name, steps[i].aggregate) == 0)
				steps[i].agg = plan->aggs[a];
		if (steps[i].agg == NULL)	/* a table name resolved to its aggregate */
			steps[i].agg = plan->target;
		if (steps[i].agg->nkeys == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("steps[%d].aggregate: %s has no key to choose rows by", i, steps[i].agg->qualname)));
		{
			const int64 *prior;
			int64		nprior;

			steps[i].uses = UsesOpen(plan, steps[i].agg, psprintf("p%s", steps[i].name), NULL, NULL);
			prior = UsesCounts(steps[i].uses, &nprior);
			steps[i].m2o = FakerM2OCreateWithUses(&steps[i].spec, steps[i].agg->pool.n, (double) n,
												  prior, nprior);
			UsesAttach(steps[i].uses, steps[i].m2o);	/* for draws under $step */
		}
		FakerRngInitStream(&steps[i].rng, seed, "faker_pipe", steps[i].name);
	}
	/* criteria: bound to the step's table, $step to the steps before it */
	for (int i = 0; i < nsteps; i++)
	{
		Aggregate  *agg = steps[i].agg;

		info[i].name = steps[i].name;
		info[i].relid = agg->relid;
		info[i].nkeys = agg->nkeys;
		for (int k = 0; k < agg->nkeys; k++)
			info[i].keyatt[k] = agg->cols[agg->keycol[k]].attnum;
		plan->stepkeys[i] = palloc0(sizeof(Datum) * MODEL_MAX_KEYS);
		plan->stepnulls[i] = palloc0(sizeof(bool) * MODEL_MAX_KEYS);
		if (steps[i].require)
			steps[i].crit = FakerCriteriaBindRow(FakerCriteriaParse(steps[i].require,
															  psprintf("steps[%d].require", i)),
											  agg->relid, info, i);
	}
}

/* One step of an iteration: reuse, create or NULL; its key into the result. */
static void
run_step(FakerPlan *plan, PipeStep *s, int i, JsonbParseState **st)
{
	Aggregate  *agg = s->agg;
	FakerDraw	d;
	Datum	   *keys = plan->stepkeys[i];
	bool	   *knulls = plan->stepnulls[i];
	JsonbValue	key;
	int64	   *cands = NULL;

	if (s->crit)
	{
		/* among the rows that satisfy the criteria (this iteration's $step values) */
		FakerSubpool sp = {.share = -1};

		sp.n = CallFilter(plan, agg, s->crit, &cands);
		sp.members = cands;
		d = FakerM2ONextIn(s->m2o, &s->rng, &sp);
		if (d.kind == FAKER_DRAW_REUSE)
			d.index = cands[d.index];
	}
	else
		d = FakerM2ONext(s->m2o, &s->rng, agg->pool.n);
	key.type = jbvString;
	key.val.string.val = s->name;
	key.val.string.len = strlen(s->name);
	pushJsonbValue(st, WJB_KEY, &key);
	if (d.kind == FAKER_DRAW_NULL)
	{
		JsonbValue	null = {.type = jbvNull};

		agg->nulls++;
		for (int k = 0; k < agg->nkeys; k++)
			knulls[k] = true;
		pushJsonbValue(st, WJB_VALUE, &null);
		return;
	}
	if (d.kind == FAKER_DRAW_CREATE)
	{
		CallMakeRow(plan, agg, keys, knulls, s->crit);
		if (s->crit == NULL)
			FakerM2OCreated(s->m2o, agg->pool.n - 1);
		UsesNote(s->uses, agg->pool.n - 1);
	}
	else
	{
		agg->reused++;
		UsesNote(s->uses, d.index);
		for (int k = 0; k < agg->nkeys; k++)
		{
			keys[k] = agg->pool.keys[d.index * agg->nkeys + k];
			knulls[k] = agg->pool.nulls[d.index * agg->nkeys + k];
		}
	}
	push_key(st, agg, keys, knulls);
}

/*
 * Start a pipe of N iterations: parse the steps, plan the call (every
 * step's aggregate and what it reaches), bind.  The call is left paused;
 * PipeNext runs one iteration per call, so the caller streams the rows.
 */
PipeState *
PipeBegin(Jsonb *steps_jb, int64 n, uint64 seed)
{
	PipeState  *ps = palloc0(sizeof(PipeState));
	List	   *names = NIL;
	double	   *base;

	ps->steps = parse_steps(steps_jb, &ps->nsteps);
	ps->n = n;
	base = palloc(sizeof(double) * ps->nsteps);
	for (int i = 0; i < ps->nsteps; i++)
	{
		names = lappend(names, ps->steps[i].aggregate);
		base[i] = n * (1 - ps->steps[i].spec.null_weight) / ps->steps[i].spec.mean;
	}
	ps->plan = CallBegin(names, seed, base, "faker_pipe", n, NULL, true);
	bind_steps(ps->plan, ps->steps, ps->nsteps, n, seed);
	ps->rowcxt = AllocSetContextCreate(ps->plan->cxt, "faker pipe row", ALLOCSET_DEFAULT_SIZES);
	CallPause(ps->plan);
	return ps;
}

/*
 * The next iteration's {"<step>": key, ...}, in the caller's memory, or
 * NULL when N iterations were made (the call is then ended).
 */
Jsonb *
PipeNext(PipeState *ps)
{
	MemoryContext caller = CurrentMemoryContext;
	JsonbParseState *st = NULL;
	Jsonb	   *result;

	if (ps->done >= ps->n)
	{
		PipeEnd(ps);
		MemoryContextSwitchTo(caller);
		return NULL;
	}
	CHECK_FOR_INTERRUPTS();
	CallResume(ps->plan);
	MemoryContextSwitchTo(ps->rowcxt);
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < ps->nsteps; i++)
		run_step(ps->plan, &ps->steps[i], i, &st);
	result = JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
	MemoryContextSwitchTo(caller);
	result = (Jsonb *) pg_detoast_datum_copy((struct varlena *) result);
	MemoryContextReset(ps->rowcxt);
	MemoryContextSwitchTo(ps->plan->cxt);
	CallTick(ps->plan, ++ps->done);
	CallPause(ps->plan);
	MemoryContextSwitchTo(caller);
	return result;
}

/* End the call: write what is pending, save counters (also when stopped early). */
void
PipeEnd(PipeState *ps)
{
	if (ps->ended)
		return;
	ps->ended = true;
	CallResume(ps->plan);
	for (int i = 0; i < ps->nsteps; i++)
		UsesFlushOne(ps->steps[i].uses);
	CallEnd(ps->plan);
}
