/*
 * sql/model_sql.c: SQL entry points of the population engine: faker_define,
 * faker_undefine, faker_populate, faker_explain, faker_reset.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/snapmgr.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "parser/parse_type.h"
#include "utils/typcache.h"

#include "compat.h"
#include "model/model.h"
#include "prng.h"

PG_FUNCTION_INFO_V1(faker_define);
PG_FUNCTION_INFO_V1(faker_undefine);
PG_FUNCTION_INFO_V1(faker_populate);
PG_FUNCTION_INFO_V1(faker_explain);
PG_FUNCTION_INFO_V1(faker_reset);
PG_FUNCTION_INFO_V1(faker_rows);
PG_FUNCTION_INFO_V1(faker_pipe);

/* Argument ARGNO, a row count: not NULL, not negative. */
static inline int64
CheckCount(FunctionCallInfo fcinfo, int argno)
{
	int64		n;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("n must not be NULL")));
	n = PG_GETARG_INT64(argno);
	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("n must not be negative")));
	return n;
}

/* An aggregate's name must not be empty. */
static inline void
CheckAggregateName(const char *name)
{
	if (name[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aggregate name must not be empty")));
}

/* faker_define(aggregate, relation, spec): store, then validate by planning. */
Datum
faker_define(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	MemoryContext outer = CurrentMemoryContext;

	CheckAggregateName(name);
	SPI_connect();
	CatalogStoreDefinition(name, PG_GETARG_OID(1), PG_GETARG_JSONB_P(2));
	/* an error here aborts the statement, and the definition with it */
	MemoryContextSwitchTo(outer);
	PlanWarnSpaces(PlanBuild(name, false));
	SPI_finish();
	PG_RETURN_VOID();
}

/*
 * faker_undefine(name, forget): drop the definition NAME; with forget, its
 * pools and counters too.  An error if there is no such definition.
 */
Datum
faker_undefine(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	bool		forget = PG_NARGS() > 1 && PG_GETARG_BOOL(1);
	bool		found;
	Oid			relid = InvalidOid;

	SPI_connect();
	if (forget)
		relid = CatalogAggregateRelation(name);
	found = CatalogDropDefinition(name);
	if (found && forget)
	{
		/* forget => true: what the aggregate left in faker goes too */
		PoolReset(relid);
		CountersReset(name);
	}
	SPI_finish();
	if (!found)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("aggregate \"%s\" is not defined", name)));
	PG_RETURN_VOID();
}

/* faker_populate(aggregate, n, seed) */
Datum
faker_populate(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *name;
	int64		n;
	List	   *result;
	ListCell   *lc;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("aggregate must not be NULL")));
	name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	n = CheckCount(fcinfo, 1);
	CheckAggregateName(name);
	InitMaterializedSRF(fcinfo, 0);
	if (PG_NARGS() >= 5 && (!PG_ARGISNULL(3) || !PG_ARGISNULL(4)))
	{
		/* shard => k, shards => m (shard.c) */
		int32		k = PG_ARGISNULL(3) ? -1 : PG_GETARG_INT32(3);
		int32		m = PG_ARGISNULL(4) ? 0 : PG_GETARG_INT32(4);

		if (m < 1 || k < 0 || k >= m)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("shard and shards must be given together, with 0 <= shard < shards"),
					 errdetail("Got shard %d, shards %d.", k, m)));
		result = PopulateShard(name, n, FakerCallSeed(!PG_ARGISNULL(2), PG_ARGISNULL(2) ? 0 : PG_GETARG_INT64(2)),
							   k, m);
	}
	else
		result = Populate(name, n, FakerCallSeed(!PG_ARGISNULL(2), PG_ARGISNULL(2) ? 0 : PG_GETARG_INT64(2)));
	foreach(lc, result)
	{
		PopulateResult *r = lfirst(lc);
		Datum		values[5] = {CStringGetTextDatum(r->name), ObjectIdGetDatum(r->relid),
		Int64GetDatum(r->created), Int64GetDatum(r->reused), Int64GetDatum(r->nulls)};
		bool		nulls[5] = {false};

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* A row of faker_explain, put in the tuplestore of ARG (the ReturnSetInfo). */
static void
explain_row(void *arg, int step, const char *aggregate, Oid relid, const char *via, Jsonb *distributor)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) arg;
	Datum		values[5];
	bool		nulls[5] = {false, false, false, via == NULL, distributor == NULL};

	values[0] = Int32GetDatum(step);
	values[1] = CStringGetTextDatum(aggregate);
	values[2] = ObjectIdGetDatum(relid);
	values[3] = via ? CStringGetTextDatum(via) : (Datum) 0;
	values[4] = distributor ? JsonbPGetDatum(distributor) : (Datum) 0;
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/* faker_explain(aggregate): the plan in topological order (explain.c). */
Datum
faker_explain(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));

	InitMaterializedSRF(fcinfo, 0);
	ExplainPlan(name, explain_row, rsinfo);
	return (Datum) 0;
}

/*
 * faker_reset(aggregate): forget the pools and counters of AGGREGATE (NULL:
 * of every aggregate), so the next fill starts afresh.
 */
Datum
faker_reset(PG_FUNCTION_ARGS)
{
	char	   *name = PG_ARGISNULL(0) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(0));

	SPI_connect();
	PoolReset(name ? CatalogAggregateRelation(name) : InvalidOid);
	CountersReset(name);
	SPI_finish();
	PG_RETURN_VOID();
}

/* At the end of the query, a set-returning call stopped early (LIMIT, a
 * closed cursor) still writes what it made and saves its counters. */
static void
rows_shutdown(Datum arg)
{
	FakerPlan  *plan = (FakerPlan *) DatumGetPointer(arg);

	/* the executor is shutting down: the writes need a snapshot of their own */
	PushActiveSnapshot(GetTransactionSnapshot());
	CallResume(plan);
	CallEnd(plan);
	PopActiveSnapshot();
}

/* At the end of the query, a faker_pipe stopped early still ends its call. */
static void
pipe_shutdown(Datum arg)
{
	PushActiveSnapshot(GetTransactionSnapshot());
	PipeEnd((PipeState *) DatumGetPointer(arg));
	PopActiveSnapshot();
}

/*
 * faker_rows(rowtype, n, seed): rows built as populate would, returned one
 * per call (value-per-call: in a select list, or through a cursor, rows
 * stream as they are made; in FROM, PostgreSQL collects them first).
 */
Datum
faker_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	FuncCallContext *fctx;
	FakerPlan  *plan;
	Datum	   *values;
	bool	   *nulls;

	if (SRF_IS_FIRSTCALL())
	{
		Oid			rowtype = get_fn_expr_argtype(fcinfo->flinfo, 0);
		Oid			relid = OidIsValid(rowtype) ? typeidTypeRelid(rowtype) : InvalidOid;
		int64		n;
		char	   *name;
		MemoryContext old;
		TupleDesc	desc;

		if (!OidIsValid(relid) ||
			(get_rel_relkind(relid) != RELKIND_RELATION && get_rel_relkind(relid) != RELKIND_PARTITIONED_TABLE))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("rowtype must be the row type of a table, e.g. NULL::book"),
					 errdetail("Got type %s.", format_type_be(rowtype))));
		n = CheckCount(fcinfo, 1);
		if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo))
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("faker_rows must be called in a context that accepts a set")));
		fctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(fctx->multi_call_memory_ctx);
		desc = BlessTupleDesc(lookup_rowtype_tupdesc_copy(rowtype, -1));
		SPI_connect();
		name = MemoryContextStrdup(fctx->multi_call_memory_ctx, CatalogAggregateForTable(relid));
		SPI_finish();
		MemoryContextSwitchTo(fctx->multi_call_memory_ctx);
		plan = RowsBegin(name, n, FakerCallSeed(!PG_ARGISNULL(2), PG_ARGISNULL(2) ? 0 : PG_GETARG_INT64(2)), desc);
		fctx->user_fctx = plan;
		fctx->tuple_desc = desc;
		RegisterExprContextCallback(rsinfo->econtext, rows_shutdown, PointerGetDatum(plan));
		MemoryContextSwitchTo(old);
	}
	fctx = SRF_PERCALL_SETUP();
	plan = fctx->user_fctx;
	{
		MemoryContext caller = CurrentMemoryContext;
		bool		more = RowsNext(plan, fctx->call_cntr, &values, &nulls);

		MemoryContextSwitchTo(caller);
		if (!more)
		{
			UnregisterExprContextCallback(rsinfo->econtext, rows_shutdown, PointerGetDatum(plan));
			SRF_RETURN_DONE(fctx);
		}
	}
	SRF_RETURN_NEXT(fctx, HeapTupleGetDatum(heap_form_tuple(fctx->tuple_desc, values, nulls)));
}

/* faker_pipe(steps, n, seed): n iterations of a pipe, one per call (streams). */
Datum
faker_pipe(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	FuncCallContext *fctx;
	PipeState  *ps;
	Jsonb	   *row;

	if (SRF_IS_FIRSTCALL())
	{
		int64		n;
		MemoryContext old;

		if (PG_ARGISNULL(0))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("steps must not be NULL")));
		n = CheckCount(fcinfo, 1);
		if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo))
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("faker_pipe must be called in a context that accepts a set")));
		fctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(fctx->multi_call_memory_ctx);
		ps = PipeBegin(PG_GETARG_JSONB_P_COPY(0), n,
					   FakerCallSeed(!PG_ARGISNULL(2), PG_ARGISNULL(2) ? 0 : PG_GETARG_INT64(2)));
		fctx->user_fctx = ps;
		RegisterExprContextCallback(rsinfo->econtext, pipe_shutdown, PointerGetDatum(ps));
		MemoryContextSwitchTo(old);
	}
	fctx = SRF_PERCALL_SETUP();
	ps = fctx->user_fctx;
	row = PipeNext(ps);
	if (row == NULL)
	{
		UnregisterExprContextCallback(rsinfo->econtext, pipe_shutdown, PointerGetDatum(ps));
		SRF_RETURN_DONE(fctx);
	}
	SRF_RETURN_NEXT(fctx, JsonbPGetDatum(row));
}
