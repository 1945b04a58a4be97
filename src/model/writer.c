/*
 * writer.c: rows go to the table in batches.  Where the table allows it
 * (multiinsert.c, faker.multi_insert), a batch is written the way COPY
 * FROM writes, straight from the Datums; elsewhere one statement per batch:
 *
 *   INSERT INTO t (c1, c2, ...) [OVERRIDING SYSTEM VALUE]
 *   SELECT * FROM ROWS FROM (pg_catalog.unnest($1::t1[]), pg_catalog.unnest($2::t2[]), ...)
 *
 * with typed array parameters, through one plan prepared per call.  So
 * triggers, constraints, row-level security and privileges apply exactly as
 * for an INSERT the user writes, with one executor start per batch instead
 * of a round trip per row.  Parents are flushed before children (a foreign
 * key is checked at the end of each statement).
 *
 * Where the caller owns the table (or is a superuser), the batch's foreign
 * keys are checked in one statement per key instead of one trigger call
 * per row (fkcheck.c): the INSERT then returns the key columns, runs
 * without the RI check triggers, and the check follows it.
 *
 * Where the database sets the keys others reference (returning.c), the
 * INSERT returns the pool key instead, the RI triggers check, and RowMake
 * flushes each row as it is made (a batch of one).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/datum.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "faker.h"
#include "model/fkcheck.h"
#include "model/modelpriv.h"
#include "model/multiinsert.h"

typedef struct Writer
{
	int			nins;			/* columns in the INSERT */
	int		   *colidx;
	Datum	  **vals;			/* [nins][MODEL_BATCH] */
	bool	  **nulls;
	int			count;
	SPIPlanPtr	plan;
	MemoryContext batch;		/* values of pending rows */
	int			building;		/* rows of this aggregate under construction */
	bool	   *astext;			/* array columns travel as text (no array of arrays) */
	FmgrInfo   *outfn;
	FkCheck    *fk;				/* batch foreign-key checks, or NULL */
	MultiInsert *mi;			/* the COPY-style writer, or NULL: the INSERT */
	int64		returned;		/* rows whose keys the INSERT returned */
	Datum		retkeys[MODEL_MAX_KEYS];	/* keys the INSERT returned (returning.c) */
	bool		retnulls[MODEL_MAX_KEYS];
} Writer;

/* Error context of a batch INSERT: which aggregate, and what to do about it. */
static void
writer_error_context(void *arg)
{
	Aggregate  *agg = arg;

	if (geterrcode() == ERRCODE_CHECK_VIOLATION)
		errcontext("faker: writing rows of aggregate \"%s\" into %s: a CHECK constraint faker cannot "
				   "know needs an explicit spec for its columns", agg->name, agg->qualname);
	else
		errcontext("faker: writing rows of aggregate \"%s\" into %s", agg->name, agg->qualname);
}

/*
 * The batch writer of AGG: column arrays for the inserted columns and the
 * INSERT ... SELECT FROM unnest($1, ...) statement, RETURNING what pools
 * and foreign-key checks need.
 */
void
WriterInit(Aggregate *agg)
{
	Writer	   *w = palloc0(sizeof(Writer));
	StringInfoData sql,
				cols,
				args,
				sel,
				alias;
	Oid		   *types;
	bool		identity_always = false,
				multi;

	w->colidx = palloc(sizeof(int) * agg->ncols);
	for (int i = 0; i < agg->ncols; i++)
		if (agg->cols[i].kind != COL_DEFAULT)
		{
			agg->cols[i].inspos = w->nins;
			w->colidx[w->nins++] = i;
			identity_always |= agg->cols[i].identity == ATTRIBUTE_IDENTITY_ALWAYS;
		}
	types = palloc(sizeof(Oid) * Max(w->nins, 1));
	w->astext = palloc0(sizeof(bool) * Max(w->nins, 1));
	w->outfn = palloc0(sizeof(FmgrInfo) * Max(w->nins, 1));
	w->vals = palloc(sizeof(Datum *) * Max(w->nins, 1));
	w->nulls = palloc(sizeof(bool *) * Max(w->nins, 1));
	initStringInfo(&cols);
	initStringInfo(&args);
	initStringInfo(&sel);
	initStringInfo(&alias);
	for (int j = 0; j < w->nins; j++)
	{
		ModelColumn *c = &agg->cols[w->colidx[j]];

		types[j] = get_array_type(c->typid);
		if (!OidIsValid(types[j]) || OidIsValid(get_element_type(getBaseType(c->typid))) ||
			type_is_rowtype(c->typid))
		{
			/* arrays, composites (unnest would expand them) and types without an array type travel as text */
			Oid			out;
			bool		isvarlena;

			w->astext[j] = true;
			types[j] = TEXTARRAYOID;
			getTypeOutputInfo(c->typid, &out, &isvarlena);
			fmgr_info(out, &w->outfn[j]);
		}
		w->vals[j] = palloc(sizeof(Datum) * MODEL_BATCH);
		w->nulls[j] = palloc(sizeof(bool) * MODEL_BATCH);
		appendStringInfo(&cols, "%s%s", j ? ", " : "", quote_identifier(c->name));
		appendStringInfo(&args, "%spg_catalog.unnest($%d)", j ? ", " : "", j + 1);
		appendStringInfo(&sel, "%su.c%d%s", j ? ", " : "", j + 1,
						 w->astext[j] ? psprintf("::%s", format_type_with_typemod(c->typid, c->typmod)) : "");
		appendStringInfo(&alias, "%sc%d", j ? ", " : "", j + 1);
	}
	multi = agg->keys_returned == NULL && MultiInsertReason(agg->relid) == NULL;
	w->fk = agg->keys_returned ? NULL : FkCheckPlan(agg->relid, multi);
	w->batch = AllocSetContextCreate(CurrentMemoryContext, "faker batch", ALLOCSET_DEFAULT_SIZES);
	agg->writer = w;
	if (multi)
	{
		/* decided once per call: no statement to prepare */
		w->mi = MultiInsertOpen(agg, w->colidx, w->nins, w->astext, w->fk);
		return;
	}
	initStringInfo(&sql);
	if (w->nins > 0)
		appendStringInfo(&sql, "INSERT INTO %s (%s)%s SELECT %s FROM ROWS FROM (%s) AS u(%s)", agg->qualname, cols.data,
						 identity_always ? " OVERRIDING SYSTEM VALUE" : "", sel.data, args.data, alias.data);
	else
	{
		/* every column has a default */
		types[0] = INT4OID;
		appendStringInfo(&sql, "INSERT INTO %s SELECT FROM pg_catalog.generate_series(1, $1)", agg->qualname);
	}
	if (w->fk)
		appendStringInfoString(&sql, FkCheckReturning(w->fk));
	for (int k = 0; agg->keys_returned && k < agg->nkeys; k++)
		appendStringInfo(&sql, "%s%s", k ? ", " : " RETURNING ",
						 quote_identifier(agg->cols[agg->keycol[k]].name));
	w->plan = FakerSPIPrepare(sql.data, Max(w->nins, 1), types);
	if (w->plan == NULL)
		elog(ERROR, "faker: could not prepare \"%s\": %s", sql.data, SPI_result_code_string(SPI_result));
	KeepPlanIn(GetMemoryChunkContext(w), w->plan);	/* survives a paused call's SPI_finish */
}

/* The memory of the batch being built (reset after each flush). */
MemoryContext
WriterContext(Aggregate *agg)
{
	return agg->writer->batch;
}

/*
 * DELTA more (or fewer) of AGG's rows under construction: a batch is not
 * flushed while a row of it is being made.  Where each row is flushed as
 * it is made (keys read back, returning.c) the flush happens during
 * construction and keeps the memory; it is reset when the last row under
 * construction is done and nothing is pending.
 */
void
WriterBuilding(Aggregate *agg, int delta)
{
	Writer	   *w = agg->writer;

	w->building += delta;
	if (agg->keys_returned && w->building == 0 && w->count == 0)
		MemoryContextReset(w->batch);
}

/* Add a row (VALUES, NULLS by column index) to AGG's batch. */
void
WriterAdd(Aggregate *agg, Datum *values, bool *nulls)
{
	Writer	   *w = agg->writer;

	for (int j = 0; j < w->nins; j++)
	{
		w->nulls[j][w->count] = nulls[w->colidx[j]];
		w->vals[j][w->count] = values[w->colidx[j]];
		if (w->astext[j] && !nulls[w->colidx[j]])
		{
			MemoryContext old = MemoryContextSwitchTo(w->batch);

			w->vals[j][w->count] = CStringGetTextDatum(OutputFunctionCall(&w->outfn[j], values[w->colidx[j]]));
			MemoryContextSwitchTo(old);
		}
	}
	w->count++;
}

/*
 * Keep the key of the one row (of AGG, written by W) that the INSERT
 * returned in TT, copied into the batch's memory, for WriterReturnedKeys.
 */
static void
returned_keys(Aggregate *agg, Writer *w, SPITupleTable *tt, uint64 n)
{
	MemoryContext old = MemoryContextSwitchTo(w->batch);

	if (n != 1)					/* a BEFORE trigger returned NULL: no key */
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("aggregate \"%s\": a BEFORE INSERT trigger of %s skipped a row whose key other rows need",
						agg->name, agg->qualname),
				 errdetail("faker reads the keys of %s back from the INSERT (%s).", agg->qualname,
						   agg->keys_returned)));
	for (int k = 0; k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];
		Datum		d = SPI_getbinval(tt->vals[0], tt->tupdesc, k + 1, &w->retnulls[k]);

		w->retkeys[k] = w->retnulls[k] ? (Datum) 0 : datumCopy(d, c->typbyval, c->typlen);
	}
	SPI_freetuptable(tt);
	MemoryContextSwitchTo(old);
}

/*
 * Write W's pending rows (of AGG) with the prepared INSERT, then check the
 * foreign keys it returned (fkcheck.c).
 */
static void
flush_insert(Aggregate *agg, Writer *w)
{
	Datum	   *args = palloc(sizeof(Datum) * Max(w->nins, 1));
	volatile int rc = 0;

	if (w->nins == 0)
		args[0] = Int32GetDatum(w->count);
	for (int j = 0; j < w->nins; j++)
	{
		ModelColumn *c = &agg->cols[w->colidx[j]];
		int			dims[1] = {w->count},
					lbs[1] = {1};

		args[j] = PointerGetDatum(w->astext[j] ?
								  construct_md_array(w->vals[j], w->nulls[j], 1, dims, lbs, TEXTOID,
													 -1, false, TYPALIGN_INT) :
								  construct_md_array(w->vals[j], w->nulls[j], 1, dims, lbs, c->typid,
													 c->typlen, c->typbyval, c->typalign));
	}
	if (w->fk)
		FkCheckArm(w->fk, w->plan);
	PG_TRY();
	{
		rc = FakerSPIExecutePlan(w->plan, args, NULL, false, 0);
	}
	PG_FINALLY();
	{
		FkCheckDisarm();
	}
	PG_END_TRY();
	if (rc != (w->fk || agg->keys_returned ? SPI_OK_INSERT_RETURNING : SPI_OK_INSERT))
		elog(ERROR, "faker: insert into %s failed: %s", agg->qualname, SPI_result_code_string(rc));
	if (agg->keys_returned)
		returned_keys(agg, w, SPI_tuptable, SPI_processed);
	if (w->fk)
	{
		SPITupleTable *tt = SPI_tuptable;

		MemoryContextSwitchTo(w->batch);
		FkCheckBatch(w->fk, tt, SPI_processed);
		SPI_freetuptable(tt);
	}
}

/* Flush AGG's pending rows, after those of the aggregates it references. */
void
WriterFlush(FakerPlan *plan, Aggregate *agg)
{
	Writer	   *w = agg->writer;

	if (agg->flushing)
		return;
	agg->flushing = true;
	for (int r = 0; r < agg->nrefs; r++)
		if (!agg->refs[r].back_edge && agg->refs[r].parent->writer->count > 0)
			WriterFlush(plan, agg->refs[r].parent);
	if (w->count > 0)
	{
		MemoryContext old = MemoryContextSwitchTo(w->batch);
		ErrorContextCallback cb = {error_context_stack, writer_error_context, agg};

		error_context_stack = &cb;
		if (w->mi)
			MultiInsertWrite(w->mi, w->vals, w->nulls, w->count);
		else
			flush_insert(agg, w);
		error_context_stack = cb.previous;
		MemoryContextSwitchTo(old);
		w->count = 0;
		/* rows flushed one by one (returning.c) write their pool entries per batch */
		if (agg->keys_returned == NULL || ++w->returned % MODEL_BATCH == 0)
			PoolFlush(agg);
		/* values of a row still being built may live there: keep them */
		if (w->building == 0)
			MemoryContextReset(w->batch);
	}
	agg->flushing = false;
}

/* Flush every aggregate's batch and pool, parents first. */
void
WriterFlushAll(FakerPlan *plan)
{
	for (int i = 0; i < plan->n; i++)
	{
		WriterFlush(plan, plan->aggs[i]);
		PoolFlush(plan->aggs[i]);
		if (plan->aggs[i]->writer && plan->aggs[i]->writer->fk)
			FkCheckReport(plan->aggs[i]->writer->fk);
	}
}

/*
 * The key the database gave AGG's row just written (returning.c): into
 * KEYS/NULLS, living in the batch's memory.
 */
void
WriterReturnedKeys(Aggregate *agg, Datum *keys, bool *nulls)
{
	memcpy(keys, agg->writer->retkeys, sizeof(Datum) * agg->nkeys);
	memcpy(nulls, agg->writer->retnulls, sizeof(bool) * agg->nkeys);
}

/* Whether AGG's batch holds MODEL_BATCH rows. */
bool
WriterFull(Aggregate *agg)
{
	return agg->writer->count >= MODEL_BATCH;
}

