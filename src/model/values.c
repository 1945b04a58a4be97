/*
 * values.c: the value of one column of a row being built: its provider
 * (generator, list, constant, sequence, reused pool), uniqueness, the
 * conversion to the column's type, and "require" criteria (an equality is
 * taken, an ordered generator narrowed to the range, anything else drawn
 * again a bounded number of times).
 */
#include "postgres.h"

#include <math.h>

#include "common/int.h"

#include "access/table.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "optimizer/optimizer.h"
#include "rewrite/rewriteHandler.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "faker.h"
#include "model/engine.h"
#include "model/expr.h"
#include "model/tuples.h"
#include "security.h"

/* A hash of value D of column C (unique values). */
uint64
ColumnHash(ModelColumn *c, Datum d)
{
	if (c->typbyval)
		return FakerHash64(&d, sizeof(Datum), 7);
	if (c->typlen > 0)
		return FakerHash64(DatumGetPointer(d), c->typlen, 7);
	{
		struct varlena *v = pg_detoast_datum_packed((struct varlena *) DatumGetPointer(d));

		return FakerHash64(VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), 7);
	}
}

/* Convert a generator's value to the column type, when they differ. */
static Datum
to_column(ModelColumn *c, Datum d)
{
	if (!c->need_io)
		return d;
	return InputFunctionCall(&c->infn, OutputFunctionCall(&c->outfn, d), c->ioparam, c->typmod);
}

/* V as a Datum of integer type TYPID (int2, int4, else int8). */
static Datum
int_datum(Oid typid, int64 v)
{
	if (typid == INT2OID)
		return Int16GetDatum((int16) v);
	if (typid == INT4OID)
		return Int32GetDatum((int32) v);
	return Int64GetDatum(v);
}

/* The next value of a counter column (sequence, integer key): never a wrap. */
static int64
next_ordinal(Aggregate *agg, ModelColumn *c)
{
	int64		max = c->kind == COL_SEQ ? PG_INT64_MAX :
		c->typid == INT2OID ? PG_INT16_MAX : c->typid == INT4OID ? PG_INT32_MAX : PG_INT64_MAX;

	int64		step = c->seq_step ? c->seq_step : 1;
	int64		v = c->seq_next;

	if (c->seq_next > max || c->seq_next == PG_INT64_MAX || c->seq_next < -max)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("aggregate \"%s\": column \"%s\" has no values left", agg->name, c->name),
				 errdetail("The next value, " INT64_FORMAT ", is beyond the largest value of %s.",
						   c->seq_next, c->kind == COL_SEQ ? "a sequence" : format_type_be(c->typid)),
				 errhint("Give the column a wider type, or a spec of its own.")));
	if (pg_add_s64_overflow(c->seq_next, step, &c->seq_next))
		c->seq_next = step > 0 ? PG_INT64_MAX : -PG_INT64_MAX;	/* the next call fails */
	return v;
}

typedef struct ColumnErrorArg
{
	Aggregate  *agg;
	ModelColumn *col;
} ColumnErrorArg;

/* Error context of a column's value (a domain's CHECK, a type's input). */
static void
column_error_context(void *arg)
{
	ColumnErrorArg *a = arg;

	errcontext("faker: making column \"%s\" of aggregate \"%s\" (%s)", a->col->name, a->agg->name, a->agg->qualname);
}

static Datum column_value_raw(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull);

/* Whether the next value of column C is a NULL of its null_weight. */
static bool
column_draws_null(ModelColumn *c)
{
	if (c->null_strata)
		return FakerStrataNext(c->null_strata) == 0;
	return c->null_weight > 0 && FakerRngDouble(&c->rng) < c->null_weight;
}

/* A new value of a generated or user-provided column, in the column's type. */
static Datum
next_value(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull)
{
	Datum		d;

	if (c->kind == COL_EXPR)
		return ProviderNext(rc, agg, c, isnull);
	*isnull = false;
	/* a default email or username made of the row's names (tuples.c) */
	if (c->person && PersonLogin(rc, c, &d))
		return to_column(c, d);
	if (c->pick_strata)
		return to_column(c, FakerGenNextInStratum(c->gen, FakerStrataNext(c->pick_strata), &c->rng));
	return to_column(c, FakerGenNext(c->gen, &c->rng));
}

/* One generated value of column C, with an error context naming it. */
static Datum
column_value(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull)
{
	ColumnErrorArg arg = {agg, c};
	ErrorContextCallback cb = {error_context_stack, column_error_context, &arg};
	Datum		d;

	error_context_stack = &cb;
	d = column_value_raw(rc, agg, c, isnull);
	error_context_stack = cb.previous;
	return d;
}

/*
 * A column with a reuse pool (mean, skew, weights): a value used before,
 * drawn by the pool's distributor, or a new one, kept in the pool.
 */
static Datum
reused_value(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull)
{
	Datum		d;

	FakerDraw	dr = FakerM2ONext(c->reuse_m2o, &c->rng, c->reuse_n);

	if (dr.kind == FAKER_DRAW_REUSE)
	{
		UsesNote(c->reuse_uses, dr.index);
		return c->reuse_vals[dr.index];
	}
	/* a new value must be new, or the column's distinct count drifts */
	for (int attempt = 0;; attempt++)
	{
		d = next_value(rc, agg, c, isnull);
		if (*isnull)
			return d;		/* a NULL is not a value to reuse */
		if (HashSetAdd(agg->seen, ColumnHash(c, d) ^ ((uint64) c->attnum << 32)) || attempt >= 100)
			break;
	}
	ReuseGrow(rc->plan, c);
	c->reuse_vals[c->reuse_n] = (Datum) 0;
	{
		MemoryContext old = MemoryContextSwitchTo(rc->plan->cxt);

		c->reuse_vals[c->reuse_n] = datumCopy(d, c->typbyval, c->typlen);
		MemoryContextSwitchTo(old);
	}
	UsesNote(c->reuse_uses, c->reuse_n);
	FakerM2OCreated(c->reuse_m2o, c->reuse_n++);
	return d;
}

/* One generated value of column C (reuse pool, uniqueness, conversion). */
static Datum
column_value_raw(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull)
{
	Datum		d;

	*isnull = false;
	switch (c->kind)
	{
		case COL_CONST:
			*isnull = c->constnull;
			return c->constval;
		case COL_SERIAL_INT:
			return int_datum(c->typid, next_ordinal(agg, c));
		case COL_TUPLE:
			return TupleValue(rc, agg, c, isnull);
		case COL_KEYDEFAULT:
			d = ExecEvalExprSwitchContext(c->defexpr, GetPerTupleExprContext(rc->plan->estate), isnull);
			return *isnull ? d : datumCopy(d, c->typbyval, c->typlen);
		case COL_SEQ:
			{
				int64		v = c->prov ? ProviderSequenceNext(rc, agg, c) : next_ordinal(agg, c);
				char	   *s = c->seq_format ?
					psprintf("%.*s" INT64_FORMAT "%s", (int) (strstr(c->seq_format, "%s") - c->seq_format),
							 c->seq_format, v, strstr(c->seq_format, "%s") + 2) :
					psprintf(INT64_FORMAT, v);

				d = CStringGetTextDatum(s);
				return to_column(c, d);
			}
		default:
			break;
	}
	if (column_draws_null(c))
	{
		*isnull = true;
		return (Datum) 0;
	}
	if (c->reuse)
		return reused_value(rc, agg, c, isnull);
	for (int attempt = 0;; attempt++)
	{
		/* a short code: the next of its space (codes.c), which ends the loop */
		d = c->code_len > 0 ? to_column(c, CodesNext(agg, c)) : next_value(rc, agg, c, isnull);
		if (*isnull || !c->unique || HashSetAdd(agg->seen, ColumnHash(c, d) ^ (uint64) c->attnum))
			return d;
		/* taken (e.g. a repeated seed): leave this stream's path for a new one */
		FakerRngInitStream(&c->rng, FakerRngNext(&c->rng), "unique", c->name);
		if (attempt >= 1000 && c->code_len == 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNIQUE_VIOLATION),
					 errmsg("aggregate \"%s\": could not generate a new unique value for column \"%s\"",
							agg->name, c->name),
					 errdetail("1000 attempts in a row gave values already used."),
					 errhint("Widen the generator's range or length.")));
	}
}

/* A bound of the column's type as a Datum of the generator's type. */
static Datum
to_gen(ModelColumn *c, Datum d)
{
	if (!c->need_io)
		return d;
	return InputFunctionCall(&c->geninfn, OutputFunctionCall(&c->coloutfn, d), c->genioparam, -1);
}

/* A value of column C's generator within [LO, HI] (of the column's type). */
bool
ModelGenWithin(ModelColumn *c, FakerRng *rng, Datum lo, bool has_lo, bool lo_incl,
			   Datum hi, bool has_hi, bool hi_incl, Datum *out)
{
	Datum		g;

	if (!FakerGenNextWithin(c->gen, rng, has_lo ? to_gen(c, lo) : 0, has_lo, lo_incl,
							has_hi ? to_gen(c, hi) : 0, has_hi, hi_incl, &g))
		return false;
	*out = to_column(c, g);
	return true;
}

#define REQUIRE_ATTEMPTS 100

/*
 * A uniform index in [0, N) from the column's stream ARG: how
 * FakerCriteriaValueBranch chooses the $or branch a value is made for.
 */
static int
value_pick(void *arg, int n)
{
	return (int) (FakerRngDouble((FakerRng *) arg) * n) % n;
}

/*
 * Member C of a tuple under criteria REQ: a tuple is not drawn again for
 * one of its columns (the others may have taken their parts), so its value
 * satisfies REQ or is an error.
 */
static Datum
tuple_member_value(RowCtx *rc, Aggregate *agg, ModelColumn *c, FakerCriteria *req,
				   FakerCriteriaEnv *env, bool *isnull)
{
	Datum		d = column_value(rc, agg, c, isnull);

	if (!FakerCriteriaEvalValue(req, d, *isnull, env))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("aggregate \"%s\": column \"%s\" of a tuple does not satisfy criteria pushed down to it",
						agg->name, c->name),
				 errdetail("Criteria: %s", FakerCriteriaText(req)),
				 errhint("A tuple is drawn as a whole; criteria on its columns are not met by drawing again.")));
	return d;
}

/*
 * A value of column C that satisfies REQ (its own "require", merged with
 * criteria pushed down to this row): an equality is taken as is, an ordered
 * generator is narrowed to the range REQ implies, anything else is drawn
 * again until REQ holds, a bounded number of times.  A NULL from
 * null_weight is kept, as a CHECK constraint would.
 */
Datum
ColumnValue(RowCtx *rc, Aggregate *agg, ModelColumn *c, FakerCriteria *req,
				 Datum *vals, bool *nulls, bool *known, bool *isnull)
{
	FakerCriteriaEnv env;
	Datum		d;
	bool		ranged = c->kind == COL_GEN && !c->reuse && FakerGenOrdered(c->gen);

	rc->rowvals = vals;
	rc->rownulls = nulls;
	if (req == NULL)
		return column_value(rc, agg, c, isnull);
	RowEnv(rc->plan, agg, vals, nulls, known, &env);
	if (c->kind == COL_TUPLE)
		return tuple_member_value(rc, agg, c, req, &env, isnull);
	if (FakerCriteriaEquality(req, &env, &d, isnull))
	{
		if (*isnull && c->notnull)
			ereport(ERROR,
					(errcode(ERRCODE_NOT_NULL_VIOLATION),
					 errmsg("aggregate \"%s\": criteria require NULL in NOT NULL column \"%s\"",
							agg->name, c->name),
					 errdetail("Criteria: %s", FakerCriteriaText(req))));
		if (!FakerCriteriaEvalValue(req, d, *isnull, &env))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("aggregate \"%s\": criteria on column \"%s\" cannot all hold", agg->name, c->name),
					 errdetail("Criteria: %s", FakerCriteriaText(req))));
		return *isnull ? d : datumCopy(d, c->typbyval, c->typlen);
	}
	for (int attempt = 0; attempt < REQUIRE_ATTEMPTS; attempt++)
	{
		Datum		lo = 0,
					hi = 0;
		bool		has_lo = false,
					has_hi = false,
					lo_incl = true,
					hi_incl = true;

		if (ranged && FakerCriteriaBounds(FakerCriteriaValueBranch(req, value_pick, &c->rng), &env,
										  &lo, &has_lo, &lo_incl, &hi, &has_hi, &hi_incl))
		{
			if (column_draws_null(c))
			{
				*isnull = true;
				return (Datum) 0;
			}
			*isnull = false;
			if (!ModelGenWithin(c, &c->rng, lo, has_lo, lo_incl, hi, has_hi, hi_incl, &d))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("aggregate \"%s\": no value of column \"%s\" in the generator's range satisfies its criteria",
								agg->name, c->name),
						 errdetail("Criteria: %s", FakerCriteriaText(req)),
						 errhint("Widen the generator's min/max or relax the criteria.")));
		}
		else
		{
			d = column_value(rc, agg, c, isnull);
			if (*isnull && c->null_weight > 0)
				return d;
		}
		if (FakerCriteriaEvalValue(req, d, *isnull, &env))
			return d;
		if (c->kind == COL_CONST)
			break;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("aggregate \"%s\": could not generate a value of column \"%s\" that satisfies its criteria",
					agg->name, c->name),
			 errdetail("%d values in a row failed %s%s.", REQUIRE_ATTEMPTS, FakerCriteriaText(req),
					   FakerCriteriaHasOperandRefs(req) ? " (a comparison with a NULL $field is never true)" : ""),
			 errhint("Give the column a source that fits, e.g. \"values\" or a generator range.")));
	return (Datum) 0;
}

