/*
 * seqscope.c: {"gen": "sequence", "scope": ["tenant_id"]} (expr.h): one
 * counter per value of the scope columns, each starting at "start" and
 * moving by "step".  The counters persist in faker.sequence, one row per
 * scope value, keyed "<aggregate>.<column>:<JSON array of the values as
 * text>" (e.g. invoice.number:["3"], NULL as null).  A call reads the
 * aggregate's counters once (as the extension's owner, FOR UPDATE; calls
 * on the table already serialise on faker.lock), keeps them in a hash, and
 * writes those it moved in one statement at the end.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "faker.h"
#include "model/expr.h"
#include "security.h"

typedef struct ScopeCounter
{
	struct ScopeCounter *chain;
	char	   *key;
	int64		next;
	bool		dirty;
} ScopeCounter;

typedef struct ScopeEntry
{
	uint64		hash;
	ScopeCounter *first;
} ScopeEntry;

/*
 * The counter of scope value KEY (a hash of it), created at NEXT if CREATE.
 */
static ScopeCounter *
counter_find(ColProvider *p, const char *key, bool create, int64 next)
{
	uint64		h = FakerHash64(key, strlen(key), 11);
	bool		found;
	ScopeEntry *e = hash_search(p->counters, &h, create ? HASH_ENTER : HASH_FIND, &found);
	ScopeCounter *sc;

	if (e == NULL)
		return NULL;
	if (!found)
		e->first = NULL;
	for (sc = e->first; sc; sc = sc->chain)
		if (strcmp(sc->key, key) == 0)
			return sc;
	if (!create)
		return NULL;
	sc = MemoryContextAlloc(GetMemoryChunkContext(p), sizeof(ScopeCounter));
	sc->key = MemoryContextStrdup(GetMemoryChunkContext(p), key);
	sc->next = next;
	sc->dirty = false;
	sc->chain = e->first;
	e->first = sc;
	return sc;
}

/* A call's counters of a scoped sequence, read from faker.sequence. */
void
SeqScopeOpen(FakerPlan *plan, Aggregate *a, ModelColumn *c, ColProvider *p)
{
	Oid			types[1] = {TEXTOID};
	Datum		args[1];
	FakerOwnerScope owner;
	MemoryContext old = CurrentMemoryContext;

	p->counters = FakerHashCreate("faker scoped sequence", 256, sizeof(uint64),
								  sizeof(ScopeEntry), plan->cxt);
	p->scopeout = MemoryContextAlloc(plan->cxt, sizeof(FmgrInfo) * p->nscope);
	for (int i = 0; i < p->nscope; i++)
	{
		Oid			fn;
		bool		isvarlena;

		getTypeOutputInfo(a->cols[p->scopecol[i]].typid, &fn, &isvarlena);
		fmgr_info_cxt(fn, &p->scopeout[i], plan->cxt);
	}
	args[0] = CStringGetTextDatum(psprintf("%s:", p->scopebase));
	FakerOwnerEnter(&owner);
	if (FakerSPIExecute("SELECT scope, next FROM faker.sequence "
							  "WHERE pg_catalog.starts_with(scope, $1) FOR UPDATE",
							  1, types, args, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "faker: could not read the counters of %s", p->scopebase);
	FakerOwnerExit(&owner);
	MemoryContextSwitchTo(plan->cxt);
	for (uint64 t = 0; t < SPI_processed; t++)
	{
		char	   *key = SPI_getvalue(SPI_tuptable->vals[t], SPI_tuptable->tupdesc, 1);
		bool		isnull;
		int64		next = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[t], SPI_tuptable->tupdesc, 2, &isnull));

		counter_find(p, key, true, next);
	}
	SPI_freetuptable(SPI_tuptable);
	MemoryContextSwitchTo(old);
}

/* The next number of the counter of the row's scope columns' values. */
int64
SeqScopeNext(RowCtx *rc, Aggregate *agg, ModelColumn *c, ColProvider *p)
{
	StringInfoData key;
	ScopeCounter *sc;
	int64		v;

	initStringInfo(&key);
	appendStringInfo(&key, "%s:[", p->scopebase);
	for (int i = 0; i < p->nscope; i++)
	{
		int			j = p->scopecol[i];

		if (i > 0)
			appendStringInfoString(&key, ", ");
		if (rc->rownulls[j])
			appendStringInfoString(&key, "null");
		else
			escape_json(&key, OutputFunctionCall(&p->scopeout[i], rc->rowvals[j]));
	}
	appendStringInfoChar(&key, ']');
	sc = counter_find(p, key.data, true, c->seq_start);
	pfree(key.data);
	v = sc->next;
	if (pg_add_s64_overflow(sc->next, c->seq_step ? c->seq_step : 1, &sc->next))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("aggregate \"%s\": column \"%s\" has no values left in scope %s", agg->name, c->name, sc->key),
				 errhint("Give the sequence another \"start\" or \"step\".")));
	sc->dirty = true;
	return v;
}

/* Save the counters the call moved to faker.sequence. */
void
SeqScopeFinish(FakerPlan *plan, Aggregate *a, ModelColumn *c, ColProvider *p)
{
	HASH_SEQ_STATUS st;
	ScopeEntry *e;
	int			n = 0,
				cap = 64;
	Datum	   *keys = palloc(sizeof(Datum) * cap);
	Datum	   *nexts = palloc(sizeof(Datum) * cap);
	Oid			types[2] = {TEXTARRAYOID, INT8ARRAYOID};
	Datum		args[2];
	FakerOwnerScope owner;

	hash_seq_init(&st, p->counters);
	while ((e = hash_seq_search(&st)) != NULL)
		for (ScopeCounter *sc = e->first; sc; sc = sc->chain)
		{
			if (!sc->dirty)
				continue;
			if (n == cap)
			{
				cap *= 2;
				keys = repalloc_huge(keys, sizeof(Datum) * cap);
				nexts = repalloc_huge(nexts, sizeof(Datum) * cap);
			}
			keys[n] = CStringGetTextDatum(sc->key);
			nexts[n] = Int64GetDatum(sc->next);
			n++;
		}
	if (n == 0)
		return;
	args[0] = PointerGetDatum(construct_array(keys, n, TEXTOID, -1, false, TYPALIGN_INT));
	args[1] = PointerGetDatum(construct_array(nexts, n, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	FakerOwnerEnter(&owner);
	if (FakerSPIExecute("INSERT INTO faker.sequence AS s (scope, next) "
							  "SELECT * FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2)) "
							  "ON CONFLICT (scope) DO UPDATE SET next = excluded.next",
							  2, types, args, NULL, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "faker: could not save the counters of %s", p->scopebase);
	FakerOwnerExit(&owner);
	(void) plan;
	(void) a;
	(void) c;
}
