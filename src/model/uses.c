/*
 * uses.c: how many times each pool value has been used (README,
 * "Distributors": planning toward the end state).
 *
 * A distributor plans each call toward the end state of the whole pool;
 * for that it needs every old value's uses so far.  They are persisted:
 *
 *   - key pools: faker."uses_<oid>" (via text, pos bigint, uses bigint),
 *     next to the pool table faker."pool_<oid>" and made and dropped with
 *     it (store.c).  One pool serves every foreign key that references the
 *     table, each with its own spec, so uses are kept per reader: via =
 *     'c<constraint oid>' for a reference, 'p<step>' for a pipe step.  A
 *     row (via, -1) says the reader's uses are known: when a reader first
 *     meets a pool (a pool adopted from its table, or one made before this
 *     reader existed) its uses are measured from the referencing table
 *     (children per parent, GROUP BY the foreign key, as the caller), so
 *     adopted values start with the uses their table gives them.
 *   - reuse pools of plain columns ({"gen": "city", "mean": 2000}):
 *     faker."vals_<relid>_<attnum>_<relfilenode>" (pos, v, uses): the
 *     values (of the column's base type) in creation order and their uses.
 *     The relfilenode in the name makes a TRUNCATE start a new pool; a
 *     missing pool adopts the column's values with their counts (most used
 *     first).
 *
 * Uses are counted in memory as rows are made and written at the end of
 * the call (CallEnd, after the writers' last flush; pipe steps' uses at
 * the end of the pipe), one upsert per reader from arrays, as the
 * extension's owner.  Not per batch: the rows of the most used values
 * would gain a version each batch of the same transaction, and every
 * upsert walks those chains (+60% CPU for a call of 50k rows).  Everything faker writes
 * there runs as the owner and names its functions and operators with
 * their schema; the measures of the user's tables run as the caller.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "faker.h"
#include "model/engine.h"
#include "security.h"

struct PoolUses
{
	char	   *table;			/* quoted faker.uses_<oid> or faker.vals_..., NULL for a shard's */
	char	   *via;			/* key pools: the reader; NULL for a reuse pool */
	MemoryContext cxt;
	int64		n,
				cap;
	int64	   *uses;			/* per position */
	int64	   *delta;			/* not yet written */
	int64	   *dirty;			/* positions whose delta is not 0 */
	int64		ndirty,
				dcap;
	/* reuse pools */
	ModelColumn *col;
	Oid			basetype;
	int64		written;		/* values 0..written-1 are in the table */
	double		total;			/* sum of uses[] */
	UsesCacheEntry *cache;		/* uses and delta are its arrays, or NULL */
};

/*
 * Run SQL on a uses table (as faker's owner); an error unless it returns EXPECT.
 */
static void
uses_exec(const char *sql, int nargs, Oid *types, Datum *args, int expect)
{
	MemoryContext cxt = CurrentMemoryContext;
	int			rc = FakerSPIExecute(sql, nargs, types, args, NULL, false, 0);

	MemoryContextSwitchTo(cxt);
	if (rc != expect)
		elog(ERROR, "faker: \"%s\" failed: %s", sql, SPI_result_code_string(rc));
}

/*
 * Empty uses for the pool table TABLE through VIA (NULL: a column's reuse).
 */
static PoolUses *
uses_new(FakerPlan *plan, char *table, const char *via)
{
	PoolUses   *u = MemoryContextAllocZero(plan->cxt, sizeof(PoolUses));

	u->cxt = plan->cxt;
	u->table = table;
	u->via = via ? MemoryContextStrdup(plan->cxt, via) : NULL;
	return u;
}

static void uses_sync(PoolUses *u);

/* Room for the uses of NEED pool values. */
static void
uses_grow(PoolUses *u, int64 need)
{
	int64		cap;

	if (need <= u->cap)
		return;
	cap = Max(need, Max(1024, u->cap * 2));
	if (u->uses == NULL)
	{
		u->uses = MemoryContextAllocExtended(u->cxt, sizeof(int64) * cap, MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
		u->delta = MemoryContextAllocExtended(u->cxt, sizeof(int64) * cap, MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	}
	else
	{
		u->uses = repalloc_huge(u->uses, sizeof(int64) * cap);
		u->delta = repalloc_huge(u->delta, sizeof(int64) * cap);
		memset(u->uses + u->cap, 0, sizeof(int64) * (cap - u->cap));
		memset(u->delta + u->cap, 0, sizeof(int64) * (cap - u->cap));
	}
	u->cap = cap;
	uses_sync(u);
}

/* Keep U's cache entry (cache.c) in step with U: arrays, counts, total. */
static void
uses_sync(PoolUses *u)
{
	if (u->cache == NULL)
		return;
	u->cache->uses = u->uses;
	u->cache->delta = u->delta;
	u->cache->cap = u->cap;
	u->cache->n = u->n;
	u->cache->total = u->total;
}

/* Add COUNT uses to value POS: counted now, written at the next flush. */
static void
uses_add(PoolUses *u, int64 pos, int64 count)
{
	uses_grow(u, pos + 1);
	u->n = Max(u->n, pos + 1);
	u->uses[pos] += count;
	u->total += count;
	if (u->cache)
		u->cache->dirty = true;
	if (u->delta[pos] == 0)
	{
		if (u->ndirty == u->dcap)
		{
			u->dcap = Max(1024, u->dcap * 2);
			u->dirty = u->dirty ? repalloc_huge(u->dirty, sizeof(int64) * u->dcap) :
				MemoryContextAllocExtended(u->cxt, sizeof(int64) * u->dcap, MCXT_ALLOC_HUGE);
		}
		u->dirty[u->ndirty++] = pos;
	}
	u->delta[pos] += count;
}

/* The value at pool position POS was used once more. */
void
UsesNote(PoolUses *u, int64 pos)
{
	if (u != NULL && pos >= 0)
		uses_add(u, pos, 1);
}

/* The uses of each pool value (*N of them), or NULL. */
const int64 *
UsesCounts(PoolUses *u, int64 *n)
{
	*n = u ? u->n : 0;
	return u ? u->uses : NULL;
}

/* May the caller read columns ATTS of RELID? */
static bool
may_select(Oid relid, const AttrNumber *atts, int n)
{
	if (pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) == ACLCHECK_OK)
		return true;
	for (int k = 0; k < n; k++)
		if (pg_attribute_aclcheck(relid, atts[k], GetUserId(), ACL_SELECT) != ACLCHECK_OK)
			return false;
	return true;
}

/* One row of a scan (uses_each_row), with what the scan fills. */
typedef void (*UsesRowFn) (void *arg, HeapTuple tup, TupleDesc desc);

/*
 * Fetch the rows of the open cursor PORTAL 10000 at a time and pass each to
 * ROW in memory context ROWCXT, then close the cursor and return to the
 * caller's context CXT.  The three readers of counts (a reference's, a
 * column's, a reuse table's) are this loop with their own row.
 */
static void
uses_each_row(Portal portal, MemoryContext cxt, MemoryContext rowcxt,
			  UsesRowFn row, void *arg)
{
	for (;;)
	{
		FakerSPIFetch(portal, true, 10000);
		if (SPI_processed == 0)
			break;
		MemoryContextSwitchTo(rowcxt);
		for (uint64 i = 0; i < SPI_processed; i++)
			row(arg, SPI_tuptable->vals[i], SPI_tuptable->tupdesc);
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
	}
	SPI_cursor_close(portal);
	MemoryContextSwitchTo(cxt);
}

/*
 * What the rows of a scan fill: the uses U; for a reference's (measure_row)
 * the parent's pool and the reference, for a column's (adopt_row,
 * read_row) the plan and the column whose reuse pool it is.
 */
typedef struct UsesScan
{
	PoolUses   *u;
	Aggregate  *parent;
	ModelRef   *ref;
	FakerPlan  *plan;
	ModelColumn *c;
} UsesScan;

/*
 * A row of uses_measure's query (the reference's key columns, a count):
 * the count goes to the parent's pool value with that key, if there is one.
 */
static void
measure_row(void *arg, HeapTuple tup, TupleDesc desc)
{
	UsesScan   *m = arg;
	ModelRef   *ref = m->ref;
	bool		known[MODEL_MAX_KEYS] = {false};
	Datum		vals[MODEL_MAX_KEYS];
	bool		isnull;
	int64	   *members;
	int64		count;

	for (int k = 0; k < ref->nkeys; k++)
	{
		known[ref->pkey[k]] = true;
		vals[ref->pkey[k]] = SPI_getbinval(tup, desc, k + 1, &isnull);
	}
	count = DatumGetInt64(SPI_getbinval(tup, desc, ref->nkeys + 1, &isnull));
	if (PoolSubpool(m->parent, known, vals, &members) > 0)
		uses_add(m->u, members[0], count);
}

/*
 * The uses of PARENT's values by reference REF of CHILD, measured from
 * CHILD's table (as the caller): children per parent.
 */
static void
uses_measure(PoolUses *u, Aggregate *parent, Aggregate *child, ModelRef *ref)
{
	StringInfoData sql,
				cols;
	AttrNumber	atts[MODEL_MAX_KEYS];
	Portal		portal;
	UsesScan	m = {0};
	MemoryContext cxt = CurrentMemoryContext;

	for (int k = 0; k < ref->nkeys; k++)
		atts[k] = child->cols[ref->col[k]].attnum;
	if (!may_select(child->relid, atts, ref->nkeys))
		return;					/* README: uses then start at 0 */
	initStringInfo(&sql);
	initStringInfo(&cols);
	for (int k = 0; k < ref->nkeys; k++)
	{
		ModelColumn *cc = &child->cols[ref->col[k]];
		ModelColumn *pc = &parent->cols[parent->keycol[ref->pkey[k]]];

		appendStringInfo(&cols, "%sc.%s", k ? ", " : "", quote_identifier(cc->name));
		appendStringInfo(&sql, "%sc.%s", k ? ", " : "", quote_identifier(cc->name));
		if (cc->typid != pc->typid)
			appendStringInfo(&sql, "::%s", format_type_be_qualified(pc->typid));
	}
	portal = SPI_cursor_open_with_args(NULL,
									   psprintf("SELECT %s, pg_catalog.count(*) FROM %s c WHERE (%s) IS NOT NULL GROUP BY %s",
												sql.data, child->qualname, cols.data, cols.data),
									   0, NULL, NULL, NULL, false, 0);
	m.u = u;
	m.parent = parent;
	m.ref = ref;
	uses_each_row(portal, cxt, cxt, measure_row, &m);
}

/*
 * The uses of PARENT's pool values by reader VIA (a reference REF of CHILD,
 * or a pipe step: REF NULL), read from the uses table; measured from
 * CHILD's table the first time this reader meets the pool.
 */
PoolUses *
UsesOpen(FakerPlan *plan, Aggregate *parent, const char *via, Aggregate *child, ModelRef *ref)
{
	PoolUses   *u;
	Oid			types[1] = {TEXTOID};
	Datum		args[1];
	FakerOwnerScope owner;
	bool		marked = false;
	MemoryContext cxt = CurrentMemoryContext;
	UsesCacheEntry *e;

	if (plan->shards > 1 && parent->nkeys > 0 && parent->pool.loaded)
	{
		/*
		 * A shard (shard.c) has no uses table to wait on: its uses live in
		 * memory, measured from the child's table as the shard starts
		 */
		u = uses_new(plan, NULL, via);
		if (ref != NULL && child != NULL && parent->pool.n > 0)
			uses_measure(u, parent, child, ref);
		return u;
	}
	if (parent->nkeys == 0 || !parent->pool.exists || !parent->pool.loaded)
		return NULL;
	u = uses_new(plan, PoolUsesTable(parent), via);
	e = UsesCacheLookup(PoolUsesRel(parent), via, plan->cxt);
	if (e != NULL)
	{
		/* the session's copy (cache.c): read only when it has none */
		u->cache = e;
		u->cxt = UsesCacheContext();
		u->uses = e->uses;
		u->delta = e->delta;
		u->cap = e->cap;
		u->n = e->n;
		u->total = e->total;
		if (e->loaded)
			return u;
	}
	args[0] = CStringGetTextDatum(via);
	FakerOwnerEnter(&owner);
	uses_exec(psprintf("SELECT pos, uses FROM %s WHERE via OPERATOR(pg_catalog.=) $1", u->table),
			  1, types, args, SPI_OK_SELECT);
	MemoryContextSwitchTo(cxt);
	{
		SPITupleTable *tt = SPI_tuptable;
		uint64		n = SPI_processed;

		for (uint64 i = 0; i < n; i++)
		{
			bool		isnull;
			int64		pos = DatumGetInt64(SPI_getbinval(tt->vals[i], tt->tupdesc, 1, &isnull));
			int64		cnt = DatumGetInt64(SPI_getbinval(tt->vals[i], tt->tupdesc, 2, &isnull));

			if (pos < 0)
				marked = true;
			else if (pos < parent->pool.n)
			{
				uses_grow(u, pos + 1);
				u->n = Max(u->n, pos + 1);
				u->uses[pos] = cnt;
				u->total += cnt;
			}
		}
		SPI_freetuptable(tt);
	}
	/* a reader's first meeting with the pool writes (measures) its uses */
	if (!marked)
		CallLock(plan);
	if (!marked)
		uses_exec(psprintf("INSERT INTO %s (via, pos, uses) VALUES ($1, -1, 0) ON CONFLICT DO NOTHING", u->table),
				  1, types, args, SPI_OK_INSERT);
	FakerOwnerExit(&owner);
	uses_sync(u);
	if (e != NULL)
		e->loaded = true;
	if (!marked && ref != NULL && child != NULL && parent->pool.n > 0)
		uses_measure(u, parent, child, ref);
	return u;
}

/*
 * The distributor of a call's draws through U (NULL: no persisted uses)
 * over POOL_SIZE values, for DRAWS planned draws (dist.h).
 */
FakerM2O *
UsesReader(PoolUses *u, const FakerM2OSpec *spec, int64 pool_size, double draws)
{
	FakerM2O   *m;

	if (u == NULL)
		return FakerM2OCreateWithUses(spec, pool_size, draws, NULL, 0);
	m = FakerM2OCreateLive(spec, pool_size, draws, &u->uses, &u->n, u->total);
	UsesAttach(u, m);
	return m;
}

/*
 * Let reader M read U's live uses (its sub-pool draws plan from them;
 * dist.h); nothing when there are none (U NULL).
 */
void
UsesAttach(PoolUses *u, FakerM2O *m)
{
	if (u != NULL)
		FakerM2OSetLive(m, &u->uses, &u->n, &u->total);
}

/* qsort comparator of int64 positions. */
static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a,
				y = *(const int64 *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

/* The bigint[] of the N values V. */
static Datum
int8_array(Datum *v, int64 n)
{
	return PointerGetDatum(construct_array(v, (int) n, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

/*
 * A reader's uses: the positions POSV and added uses DV upserted into its
 * rows (via, pos) of the uses table.
 */
static void
flush_reader(PoolUses *u, Datum *posv, Datum *dv)
{
	Oid			types[3] = {TEXTOID, INT8ARRAYOID, INT8ARRAYOID};
	Datum		args[3];

	args[0] = CStringGetTextDatum(u->via);
	args[1] = int8_array(posv, u->ndirty);
	args[2] = int8_array(dv, u->ndirty);
	uses_exec(psprintf("INSERT INTO %s AS t (via, pos, uses) SELECT $1, d.p, d.n "
					   "FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3)) AS d(p, n) "
					   "ON CONFLICT (via, pos) DO UPDATE SET uses = t.uses OPERATOR(pg_catalog.+) EXCLUDED.uses",
					   u->table), 3, types, args, SPI_OK_INSERT);
}

/*
 * A reuse pool's uses: the positions POSV and added uses DV upserted into
 * its table, with the values of positions the table does not hold yet (a
 * NULL value for the others: only their uses change).
 */
static void
flush_reuse(PoolUses *u, Datum *posv, Datum *dv)
{
	ModelColumn *c = u->col;
	Datum	   *vv = palloc(sizeof(Datum) * u->ndirty);
	bool	   *vn = palloc(sizeof(bool) * u->ndirty);
	int			dims[1] = {(int) u->ndirty},
				lbs[1] = {1};
	Oid			types[3] = {INT8ARRAYOID, get_array_type(u->basetype), INT8ARRAYOID};
	Datum		args[3];

	for (int64 i = 0; i < u->ndirty; i++)
	{
		int64		pos = u->dirty[i];

		vn[i] = pos < u->written;	/* known to the table: only its uses change */
		vv[i] = vn[i] ? (Datum) 0 : c->reuse_vals[pos];
	}
	args[0] = int8_array(posv, u->ndirty);
	args[1] = PointerGetDatum(construct_md_array(vv, vn, 1, dims, lbs, u->basetype,
												 c->typlen, c->typbyval, c->typalign));
	args[2] = int8_array(dv, u->ndirty);
	uses_exec(psprintf("INSERT INTO %s AS t (pos, v, uses) SELECT * "
					   "FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2), pg_catalog.unnest($3)) "
					   "ON CONFLICT (pos) DO UPDATE SET uses = t.uses OPERATOR(pg_catalog.+) EXCLUDED.uses",
					   u->table), 3, types, args, SPI_OK_INSERT);
	u->written = Max(u->written, c->reuse_n);
}

/*
 * After a flush: the deltas are written (the session's cache counts them as
 * drawn), nothing is dirty, and the cache entry notes the transaction that
 * wrote them.
 */
static void
flush_done(PoolUses *u)
{
	for (int64 i = 0; i < u->ndirty; i++)
	{
		if (u->cache)
			u->cache->drawn += u->delta[u->dirty[i]];
		u->delta[u->dirty[i]] = 0;
	}
	u->ndirty = 0;
	uses_sync(u);
	if (u->cache)
	{
		u->cache->dirty = false;
		u->cache->xid = GetCurrentTransactionIdIfAny();
	}
}

/*
 * Write U's uses counted since the last flush (as the owner), in position
 * order: concurrent calls lock the rows in the same order, so they cannot
 * deadlock.
 */
void
UsesFlushOne(PoolUses *u)
{
	FakerOwnerScope owner;
	Datum	   *posv,
			   *dv;
	MemoryContext tmp,
				old;

	if (u == NULL)
		return;
	if (u->ndirty == 0 || u->table == NULL)
	{
		if (u->table == NULL)
			flush_done(u);		/* a shard's: in memory only */
		if (u->cache)
			u->cache->dirty = false;
		return;
	}
	if (u->ndirty > MaxAllocSize / sizeof(Datum))
		elog(ERROR, "faker: too many uses to flush at once");
	tmp = AllocSetContextCreate(CurrentMemoryContext, "faker uses flush", ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(tmp);
	qsort(u->dirty, u->ndirty, sizeof(int64), cmp_int64);
	posv = palloc(sizeof(Datum) * u->ndirty);
	dv = palloc(sizeof(Datum) * u->ndirty);
	for (int64 i = 0; i < u->ndirty; i++)
	{
		posv[i] = Int64GetDatum(u->dirty[i]);
		dv[i] = Int64GetDatum(u->delta[u->dirty[i]]);
	}
	FakerOwnerEnter(&owner);
	if (u->via)
		flush_reader(u, posv, dv);
	else
		flush_reuse(u, posv, dv);
	FakerOwnerExit(&owner);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(tmp);
	flush_done(u);
}

/* Write the uses AGG's rows made: of their parents, of AGG's reuse pools. */
void
UsesFlush(Aggregate *agg)
{
	for (int r = 0; r < agg->nrefs; r++)
		UsesFlushOne(agg->refs[r].uses);
	for (int j = 0; j < agg->ncols; j++)
		if (agg->cols[j].reuse)
			UsesFlushOne(agg->cols[j].reuse_uses);
}

/* Room for one more value in C's reuse pool (in the plan's memory). */
void
ReuseGrow(FakerPlan *plan, ModelColumn *c)
{
	if (c->reuse_n < c->reuse_cap)
		return;
	c->reuse_cap = Max(1024, c->reuse_cap * 2);
	c->reuse_vals = c->reuse_vals ? repalloc_huge(c->reuse_vals, sizeof(Datum) * c->reuse_cap) :
		MemoryContextAllocHuge(plan->cxt, sizeof(Datum) * c->reuse_cap);
}

/* A row of reuse_adopt's query (a value, its count): a value of the pool. */
static void
adopt_row(void *arg, HeapTuple tup, TupleDesc desc)
{
	UsesScan   *r = arg;
	ModelColumn *c = r->c;
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, 1, &isnull);
	int64		cnt = DatumGetInt64(SPI_getbinval(tup, desc, 2, &isnull));

	ReuseGrow(r->plan, c);
	c->reuse_vals[c->reuse_n] = datumCopy(d, c->typbyval, c->typlen);
	uses_add(r->u, c->reuse_n++, cnt);
}

/* A row of a reuse pool table (v, uses): the next value and its uses. */
static void
read_row(void *arg, HeapTuple tup, TupleDesc desc)
{
	UsesScan   *r = arg;
	ModelColumn *c = r->c;
	PoolUses   *u = r->u;
	bool		isnull,
				cnull;
	Datum		d = SPI_getbinval(tup, desc, 1, &isnull);
	int64		cnt = DatumGetInt64(SPI_getbinval(tup, desc, 2, &cnull));

	ReuseGrow(r->plan, c);
	c->reuse_vals[c->reuse_n] = isnull ? (Datum) 0 : datumCopy(d, c->typbyval, c->typlen);
	uses_grow(u, c->reuse_n + 1);
	u->uses[c->reuse_n++] = cnt;
	u->n = c->reuse_n;
}

/* The column's values with their counts, most used first (as the caller). */
static void
reuse_adopt(FakerPlan *plan, Aggregate *agg, ModelColumn *c, PoolUses *u)
{
	AttrNumber	att = c->attnum;
	TypeCacheEntry *tc = lookup_type_cache(c->typid, TYPECACHE_EQ_OPR | TYPECACHE_HASH_PROC);
	Portal		portal;
	UsesScan	r = {0};
	MemoryContext cxt = CurrentMemoryContext;

	if (!may_select(agg->relid, &att, 1) || !OidIsValid(tc->eq_opr))
		return;
	portal = SPI_cursor_open_with_args(NULL,
									   psprintf("SELECT t.%s, pg_catalog.count(*) FROM %s t WHERE t.%s IS NOT NULL "
												"GROUP BY 1 ORDER BY 2 DESC",
												quote_identifier(c->name), agg->qualname, quote_identifier(c->name)),
									   0, NULL, NULL, NULL, false, 0);
	r.plan = plan;
	r.c = c;
	r.u = u;
	uses_each_row(portal, cxt, cxt, adopt_row, &r);
}

/* Read a reuse pool table (as the owner): values and uses in creation order. */
static void
reuse_read(FakerPlan *plan, ModelColumn *c, PoolUses *u)
{
	MemoryContext cxt = CurrentMemoryContext;
	Portal		portal = FakerSPICursorOpen(psprintf("SELECT v, uses FROM %s ORDER BY pos", u->table),
											0, NULL, NULL, NULL, false);
	UsesScan	r = {.u = u, .plan = plan, .c = c};

	uses_each_row(portal, cxt, plan->cxt, read_row, &r);
	u->written = c->reuse_n;
}

/*
 * The reuse pool of plain column C of AGG for a call: read (or set up and
 * adopted from the column), and its distributor planned toward the end
 * state over every call.  A column whose type cannot go in an array keeps
 * a pool for the call only, and so does a shard (read from the table, but
 * never written).
 */
void
ReuseOpen(FakerPlan *plan, Aggregate *agg, ModelColumn *c)
{
	FakerM2OSpec spec = c->reuse_spec;
	double		draws = agg->expected * (1 - c->null_weight);
	int32		basetypmod = c->typmod;
	Oid			basetype = getBaseTypeAndTypmod(c->typid, &basetypmod);
	PoolUses   *u = NULL;

	/* the column's NULLs are drawn before (values.c): the pool sees non-null draws */
	spec.null_weight = 0;
	c->reuse_n = 0;
	c->reuse_cap = 0;
	c->reuse_vals = NULL;
	c->reuse_uses = NULL;
	if (OidIsValid(get_array_type(basetype)) && !OidIsValid(get_element_type(basetype)))
	{
		char	   *name = psprintf("vals_%u_%d_%u", agg->relid, c->attnum, PoolRelFilenode(agg->relid));
		FakerOwnerScope owner;
		Oid			rel;
		bool		sound;

		u = uses_new(plan, psprintf("faker.%s", quote_identifier(name)), NULL);
		u->col = c;
		u->basetype = basetype;
		FakerOwnerEnter(&owner);
		rel = PoolOwnedTableOid(name);
		sound = PoolOwnedTableSound(rel);
		if (sound)
		{
			Oid			typid;
			int32		typmod;
			Oid			collid;

			get_atttypetypmodcoll(rel, 2, &typid, &typmod, &collid);
			sound = get_attnum(rel, "v") == 2 && typid == basetype && typmod == basetypmod;
		}
		if (sound)
			reuse_read(plan, c, u);
		else if (plan->shards <= 1)
		{
			Oid			types[3] = {TEXTOID};
			Datum		args[3] = {CStringGetTextDatum(psprintf("vals\\_%u\\_%d\\_%%", agg->relid, c->attnum))};
			SPITupleTable *tt;
			uint64		n;

			/* pools of this column made before a TRUNCATE */
			uses_exec("SELECT relname::pg_catalog.text FROM pg_catalog.pg_class WHERE relnamespace OPERATOR(pg_catalog.=) "
					  "'faker'::pg_catalog.regnamespace AND relkind OPERATOR(pg_catalog.=) 'r' AND "
					  "relname::pg_catalog.text OPERATOR(pg_catalog.~~) $1 ORDER BY 1", 1, types, args, SPI_OK_SELECT);
			tt = SPI_tuptable;
			n = SPI_processed;
			for (uint64 i = 0; i < n; i++)
				PoolOwnedTableDrop(SPI_getvalue(tt->vals[i], tt->tupdesc, 1));
			PoolOwnedTableCreate(name, psprintf("pos bigint PRIMARY KEY, v %s, uses bigint NOT NULL",
												format_type_with_typemod(basetype, basetypmod)));
		}
		FakerOwnerExit(&owner);
		if (!sound)
			reuse_adopt(plan, agg, c, u);
		/* a shard's pool stays in memory: no table for shards to wait on (shard.c) */
		if (plan->shards > 1)
			u->table = NULL;
		/* values already made are not new */
		for (int64 i = 0; i < c->reuse_n; i++)
			HashSetAdd(agg->seen, ColumnHash(c, c->reuse_vals[i]) ^ ((uint64) c->attnum << 32));
	}
	c->reuse_uses = u;
	c->reuse_m2o = FakerM2OCreateWithUses(&spec, c->reuse_n, draws, u ? u->uses : NULL, u ? u->n : 0);
}
