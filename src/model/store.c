/*
 * store.c: pools, the write store every reader of an aggregate shares.
 *
 * A pool holds the key values of an aggregate's rows in creation order.  It
 * lives in a typed table faker."pool_<name>_<hash>" (pos identity primary
 * key, then the key columns with the table's own types), listed in
 * faker.pool.  It is set up the first time a call reads it, under a
 * transaction-level advisory lock so that sessions racing to set it up
 * queue instead of failing, and adopts the rows already in the table in
 * primary-key order.  A call reads it into memory once; index i is an array
 * access.  Draws restricted to the parents that agree with values already
 * chosen (authors of the chosen tenant) use a hash index from those values
 * to the list of matching positions, built on first use and kept up to
 * date as the call appends.  Everything happens in the caller's
 * transaction: a failed call leaves no pool entries behind.
 */
#include "postgres.h"

#include "access/stratnum.h"
#include "catalog/dependency.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "access/xact.h"
#include "utils/syscache.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "faker.h"
#include "model/modelpriv.h"
#include "security.h"

struct SubIndex
{
	uint32		mask;			/* key positions the index is on */
	HTAB	   *hash;
	SubIndex   *next;
};

typedef struct SubEntry
{
	uint64		hash;
	int64		n,
				cap;
	int64	   *members;
} SubEntry;

/* The pool table of a relation: faker."pool_<oid>". */
static char *
pool_table_name(Oid relid)
{
	return psprintf("pool_%u", relid);
}

/* Key columns, optionally with their types, as SQL. */
static char *
key_list(Aggregate *agg, bool with_types)
{
	StringInfoData s;

	initStringInfo(&s);
	for (int k = 0; k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];

		appendStringInfo(&s, "%s%s", k ? ", " : "", quote_identifier(c->name));
		if (with_types)
			appendStringInfo(&s, " %s", format_type_with_typemod(c->typid, c->typmod));
	}
	return s.data;
}

/* What the pool was built for: attnum and exact type of each key column. */
static char *
key_signature(Aggregate *agg)
{
	StringInfoData s;

	initStringInfo(&s);
	for (int k = 0; k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];

		appendStringInfo(&s, "%s%d:%u:%d", k ? "," : "", c->attnum, c->typid, c->typmod);
	}
	/* the layout: pools made before uses were kept are rebuilt */
	appendStringInfoString(&s, ";uses1");
	return s.data;
}

/* Run pool statement SQL, an internal error unless SPI says EXPECT. */
static void
spi_exec(const char *sql, int nargs, Oid *types, Datum *args, int expect)
{
	MemoryContext cxt = CurrentMemoryContext;
	int			rc = FakerSPIExecute(sql, nargs, types, args, NULL, false, 0);

	MemoryContextSwitchTo(cxt);	/* SPI leaves its own context current */
	if (rc != expect)
		elog(ERROR, "faker: \"%s\" failed: %s", sql, SPI_result_code_string(rc));
}

/* The table's storage: TRUNCATE (and VACUUM FULL, CLUSTER) give it a new one. */
static Oid
current_filenode(Oid relid)
{
	Oid			node = get_rel_relkind(relid) == RELKIND_PARTITIONED_TABLE ? relid : InvalidOid;
	HeapTuple	tup;

	if (OidIsValid(node))
		return node;
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	node = ((Form_pg_class) GETSTRUCT(tup))->relfilenode;
	ReleaseSysCache(tup);
	return node;
}

/*
 * Is RELID a table faker made: a plain table of the extension's owner, a
 * member of the extension, with no trigger, rule or policy that could run
 * code?
 */
bool
PoolOwnedTableSound(Oid relid)
{
	HeapTuple	tup;
	Form_pg_class cls;
	bool		ok;

	if (!OidIsValid(relid))
		return false;
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		return false;
	cls = (Form_pg_class) GETSTRUCT(tup);
	ok = cls->relkind == RELKIND_RELATION && cls->relowner == FakerExtensionOwner() &&
		!cls->relhastriggers && !cls->relhasrules && !cls->relrowsecurity &&
		getExtensionOfObject(RelationRelationId, relid) == FakerExtensionOid();
	ReleaseSysCache(tup);
	return ok;
}

/* The OID of faker.TABLE, or InvalidOid. */
Oid
PoolOwnedTableOid(const char *table)
{
	return get_relname_relid(table, get_namespace_oid("faker", false));
}

/* Drop a table of schema faker (it belongs to the extension: unlink it first). */
void
PoolOwnedTableDrop(const char *table)
{
	Oid			relid = PoolOwnedTableOid(table);

	if (!OidIsValid(relid))
		return;
	deleteDependencyRecordsForClass(RelationRelationId, relid, ExtensionRelationId, DEPENDENCY_EXTENSION);
	CommandCounterIncrement();
	spi_exec(psprintf("DROP TABLE faker.%s", quote_identifier(table)), 0, NULL, NULL, SPI_OK_UTILITY);
}

/* Create faker.TABLE (COLUMNS), a member of the extension (as the owner). */
void
PoolOwnedTableCreate(const char *table, const char *columns)
{
	ObjectAddress tbl,
				ext;

	PoolOwnedTableDrop(table);	/* anything left there is not trusted */
	spi_exec(psprintf("CREATE TABLE faker.%s (%s)", quote_identifier(table), columns),
			 0, NULL, NULL, SPI_OK_UTILITY);
	ObjectAddressSet(tbl, RelationRelationId, PoolOwnedTableOid(table));
	ObjectAddressSet(ext, ExtensionRelationId, FakerExtensionOid());
	recordDependencyOn(&tbl, &ext, DEPENDENCY_EXTENSION);
	CommandCounterIncrement();
}

/* The uses table of the pool table "pool_<oid>": "uses_<oid>". */
static char *
uses_table_of(const char *pool_table)
{
	return psprintf("uses_%s", pool_table + strlen("pool_"));
}

/* The uses table of AGG's pool, quoted with its schema (uses.c). */
char *
PoolUsesTable(Aggregate *agg)
{
	return psprintf("faker.%s", quote_identifier(uses_table_of(pool_table_name(agg->relid))));
}

/* The OID of AGG's uses table (cache.c keys the uses it keeps by it). */
Oid
PoolUsesRel(Aggregate *agg)
{
	return get_relname_relid(uses_table_of(pool_table_name(agg->relid)), get_namespace_oid("faker", false));
}

/* Drop a pool table and its uses table. */
static void
pool_drop(const char *table)
{
	PoolOwnedTableDrop(table);
	if (strncmp(table, "pool_", 5) == 0)
		PoolOwnedTableDrop(uses_table_of(table));
}

/*
 * Create the pool table of AGG and its uses table (uses per value, per
 * reference: src/model/uses.c), members of the extension.
 */
static void
pool_create(Aggregate *agg, const char *table)
{
	pool_drop(table);
	PoolOwnedTableCreate(table, psprintf("pos bigint PRIMARY KEY, %s", key_list(agg, true)));
	PoolOwnedTableCreate(uses_table_of(table),
						 "via text, pos bigint, uses bigint NOT NULL, PRIMARY KEY (via, pos)");
}

/* The storage of RELID now (uses.c names reuse pools by it). */
Oid
PoolRelFilenode(Oid relid)
{
	return current_filenode(relid);
}

/*
 * Is the pool table RELID faker's own, as faker made it: a plain table of
 * the extension's owner, a member of the extension, with no trigger, rule
 * or policy that could run code, and key columns of the expected types?
 */
static bool
pool_table_sound(Aggregate *agg, Oid poolrel)
{
	HeapTuple	tup;
	bool		ok;

	if (!PoolOwnedTableSound(poolrel) ||
		!PoolOwnedTableSound(PoolOwnedTableOid(uses_table_of(get_rel_name(poolrel)))))
		return false;
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(poolrel));
	if (!HeapTupleIsValid(tup))
		return false;
	ok = ((Form_pg_class) GETSTRUCT(tup))->relnatts == agg->nkeys + 1;
	ReleaseSysCache(tup);
	for (int k = 0; ok && k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];
		Oid			typid;
		int32		typmod;
		Oid			collid;

		get_atttypetypmodcoll(poolrel, k + 2, &typid, &typmod, &collid);
		ok = typid == c->typid && typmod == c->typmod;
	}
	return ok;
}

/*
 * Set up (or find) the pool of AGG, as the extension's owner; returns true
 * if it exists now, and *ADOPT if it was (re)built and must adopt the rows
 * of the table.  A registry entry that does not match the table any more
 * (another table under that OID, other key columns or types, a TRUNCATE),
 * or a pool table that is not as faker made it, is dropped and rebuilt:
 * a pool is a cache of its table, never trusted over it.
 */
static bool
pool_setup(FakerPlan *plan, Aggregate *agg, bool create, bool *adopt, bool *check, int64 *size)
{
	Oid			types[5] = {OIDOID, TEXTOID, TEXTOID, TEXTOID, OIDOID};
	Datum		args[5];
	char	   *table = pool_table_name(agg->relid);
	char	   *sig = key_signature(agg);
	Oid			node = current_filenode(agg->relid);

	*adopt = *check = false;
	*size = 0;
	args[0] = ObjectIdGetDatum(agg->relid);
	spi_exec("SELECT key_columns, relfilenode, size FROM faker.pool WHERE relation OPERATOR(pg_catalog.=) $1",
			 1, types, args, SPI_OK_SELECT);
	if (SPI_processed == 1)
	{
		bool		isnull;
		char	   *have = TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		Oid			have_node = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));

		*size = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));

		if (strcmp(have, sig) == 0 && have_node == node &&
			pool_table_sound(agg, get_relname_relid(table, get_namespace_oid("faker", false))))
		{
			*check = true;
			return true;
		}
		/* the table is not what the pool was made from any more: start again */
		CallLock(plan);
		pool_drop(table);
		spi_exec("DELETE FROM faker.pool WHERE relation OPERATOR(pg_catalog.=) $1", 1, types, args, SPI_OK_DELETE);
	}
	if (!create)
		return false;
	CallLock(plan);
	pool_create(agg, table);
	args[1] = CStringGetTextDatum(agg->name);
	args[2] = CStringGetTextDatum(table);
	args[3] = CStringGetTextDatum(sig);
	args[4] = ObjectIdGetDatum(node);
	spi_exec("INSERT INTO faker.pool (relation, aggregate, table_name, key_columns, relfilenode) "
			 "VALUES ($1, $2, $3, $4, $5)", 5, types, args, SPI_OK_INSERT);
	*adopt = true;
	return true;
}

/*
 * Room for NEED entries in AGG's pool: in the session cache's memory when
 * the pool's arrays are a cache entry's (cache.c), else in the call's.
 */
static void
pool_grow(Aggregate *agg, int64 need)
{
	Pool	   *p = &agg->pool;
	MemoryContext cxt = p->cache ? p->cache->cxt : CurrentMemoryContext;

	if (need <= p->cap)
		return;
	p->cap = Max(need, Max(1024, p->cap * 2));
	if (p->keys == NULL)
	{
		p->keys = MemoryContextAllocHuge(cxt, sizeof(Datum) * p->cap * agg->nkeys);
		p->nulls = MemoryContextAllocHuge(cxt, sizeof(bool) * p->cap * agg->nkeys);
	}
	else
	{
		p->keys = repalloc_huge(p->keys, sizeof(Datum) * p->cap * agg->nkeys);
		p->nulls = repalloc_huge(p->nulls, sizeof(bool) * p->cap * agg->nkeys);
	}
	if (p->cache)
	{
		p->cache->keys = p->keys;
		p->cache->nulls = p->nulls;
		p->cache->cap = p->cap;
	}
}

/* Hash of the key positions in MASK of one key tuple. */
static uint64
key_hash(Aggregate *agg, uint32 mask, const Datum *vals, const bool *nulls)
{
	uint64		h = 0;

	for (int k = 0; k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];

		if (!(mask & (1u << k)))
			continue;
		if (nulls[k])
			h = FakerHash64("", 0, h ^ 0x9e37);
		else if (c->typbyval)
			h = FakerHash64(&vals[k], sizeof(Datum), h);
		else if (c->typlen > 0)
			h = FakerHash64(DatumGetPointer(vals[k]), c->typlen, h);
		else
		{
			struct varlena *v = pg_detoast_datum_packed((struct varlena *) DatumGetPointer(vals[k]));

			h = FakerHash64(VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), h);
		}
	}
	return h;
}

/*
 * Add pool position POS to the sub-pool index S: to the list of positions
 * whose key columns in S's mask hash alike.
 */
static void
sub_add(Aggregate *agg, SubIndex *s, int64 pos)
{
	uint64		h = key_hash(agg, s->mask, &agg->pool.keys[pos * agg->nkeys], &agg->pool.nulls[pos * agg->nkeys]);
	bool		found;
	SubEntry   *e = hash_search(s->hash, &h, HASH_ENTER, &found);

	if (!found)
	{
		e->n = 0;
		e->cap = 4;
		e->members = MemoryContextAlloc(GetMemoryChunkContext(s), sizeof(int64) * e->cap);
	}
	else if (e->n == e->cap)
	{
		e->cap *= 2;
		e->members = repalloc_huge(e->members, sizeof(int64) * e->cap);
	}
	e->members[e->n++] = pos;
}

/* datumCopy into memory context TO. */
static Datum
datum_copy_in(Datum d, int16 typlen, MemoryContext to)
{
	MemoryContext old = MemoryContextSwitchTo(to);
	Datum		r = datumCopy(d, false, typlen);

	MemoryContextSwitchTo(old);
	return r;
}

/*
 * Read the rows of SQL (key columns of AGG, as the current user) into the
 * pool.  With KEEP (a cache entry whose arrays the pool has), SQL's rows
 * start with their pos and xmin, and the committed ones are kept there too
 * (cache.c); false if a position is not the next one (read again from 0).
 */
static bool
pool_read(Aggregate *agg, const char *sql, int nargs, Oid *types, Datum *args, PoolCacheEntry *keep)
{
	Pool	   *p = &agg->pool;
	MemoryContext cxt = CurrentMemoryContext;
	Portal		portal = FakerSPICursorOpen(sql, nargs, types, args, NULL, false);
	int			skip = keep ? 2 : 0;
	bool		ok = true;

	for (;;)
	{
		FakerSPIFetch(portal, true, 10000);
		if (SPI_processed == 0)
			break;
		MemoryContextSwitchTo(cxt);
		/* the key types are the ones the pool was checked against */
		for (int k = 0; k < agg->nkeys; k++)
			if (TupleDescAttr(SPI_tuptable->tupdesc, skip + k)->atttypid != agg->cols[agg->keycol[k]].typid)
				ereport(ERROR,
						(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
						 errmsg("table %s changed while faker read it", agg->qualname)));
		pool_grow(agg, p->n + SPI_processed);
		for (uint64 i = 0; i < SPI_processed && ok; i++, p->n++)
		{
			HeapTuple	tup = SPI_tuptable->vals[i];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			MemoryContext to = cxt;
			bool		isnull;

			if (keep)
			{
				TransactionId xmin = DatumGetTransactionId(SPI_getbinval(tup, desc, 2, &isnull));

				if (DatumGetInt64(SPI_getbinval(tup, desc, 1, &isnull)) != p->n)
				{
					ok = false;
					break;
				}
				/* committed (not this transaction's) and after committed ones: kept */
				if (keep->n == p->n && !TransactionIdIsCurrentTransactionId(xmin))
				{
					to = keep->cxt;
					keep->n++;
				}
			}
			for (int k = 0; k < agg->nkeys; k++)
			{
				ModelColumn *c = &agg->cols[agg->keycol[k]];
				bool	   *n = &p->nulls[p->n * agg->nkeys + k];
				Datum		d = SPI_getbinval(tup, desc, skip + k + 1, n);

				p->keys[p->n * agg->nkeys + k] = *n ? (Datum) 0 :
					(c->typbyval ? d : datum_copy_in(d, c->typlen, to));
			}
		}
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
		if (!ok)
			break;
	}
	SPI_cursor_close(portal);
	MemoryContextSwitchTo(cxt);
	return ok;
}

/*
 * Read AGG's pool table (as the owner) into the pool: through the session
 * cache (cache.c) only the entries not kept yet, else all of them.
 */
static void
pool_load(FakerPlan *plan, Aggregate *agg)
{
	Pool	   *p = &agg->pool;
	Oid			types[MODEL_MAX_KEYS];
	Oid			poolrel = get_relname_relid(pool_table_name(agg->relid), get_namespace_oid("faker", false));
	PoolCacheEntry *e;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];
	char	   *sql = psprintf("SELECT pos, xmin, %s FROM %s WHERE pos OPERATOR(pg_catalog.>=) $1 ORDER BY pos",
							   key_list(agg, false), p->table);

	for (int k = 0; k < agg->nkeys; k++)
		types[k] = agg->cols[agg->keycol[k]].typid;
	e = PoolCacheLookup(poolrel, agg->nkeys, types, plan->cxt);
	if (e == NULL)
	{
		pool_read(agg, psprintf("SELECT %s FROM %s ORDER BY pos", key_list(agg, false), p->table),
				  0, NULL, NULL, NULL);
		return;
	}
	p->cache = e;
	p->keys = e->keys;
	p->nulls = e->nulls;
	p->cap = e->cap;
	p->n = e->n;
	args[0] = Int64GetDatum(p->n);
	if (pool_read(agg, sql, 1, argtypes, args, e))
		return;
	/* positions out of step with what was kept: read it all again */
	e->n = p->n = 0;
	args[0] = Int64GetDatum(0);
	if (!pool_read(agg, sql, 1, argtypes, args, e))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("the pool of %s has gaps in its positions", agg->qualname),
				 errhint("Call faker_reset('%s') to rebuild it from the table.", agg->qualname)));
}

/*
 * After the call took its locks (CallLock): read the entries other calls
 * appended to AGG's pool since it was read, and where an append-only pool
 * now ends.
 */
void
PoolCatchUp(FakerPlan *plan, Aggregate *agg)
{
	Pool	   *p = &agg->pool;
	Oid			types[1] = {OIDOID};
	Datum		args[1] = {ObjectIdGetDatum(agg->relid)};
	FakerOwnerScope owner;
	bool		isnull;

	if (!p->exists || p->n > p->flushed)
		return;					/* no pool, or one this call appended to: it held the locks */
	FakerOwnerEnter(&owner);
	if (p->loaded)
	{
		Oid			argtypes[1] = {INT8OID};
		Datum		from[1] = {Int64GetDatum(p->n)};
		int64		before = p->n;

		if (p->cache)
			pool_read(agg, psprintf("SELECT pos, xmin, %s FROM %s WHERE pos OPERATOR(pg_catalog.>=) $1 ORDER BY pos",
									key_list(agg, false), p->table), 1, argtypes, from, p->cache);
		else
			pool_read(agg, psprintf("SELECT %s FROM %s WHERE pos OPERATOR(pg_catalog.>=) $1 ORDER BY pos",
									key_list(agg, false), p->table), 1, argtypes, from, NULL);
		p->flushed = p->n;
		/* new entries are drawn from, and belong in the sub-pool indexes */
		for (SubIndex *s = p->subs; s; s = s->next)
			for (int64 i = before; i < p->n; i++)
				sub_add(agg, s, i);
	}
	else
	{
		spi_exec("SELECT size FROM faker.pool WHERE relation OPERATOR(pg_catalog.=) $1", 1, types, args, SPI_OK_SELECT);
		if (SPI_processed == 1)
			p->base = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	}
	FakerOwnerExit(&owner);
}

/* Stop sharing the cache's arrays: the pool is rebuilt in the call's memory. */
static void
pool_detach(Aggregate *agg)
{
	Pool	   *p = &agg->pool;

	if (p->cache == NULL)
		return;
	p->cache->n = 0;
	p->cache = NULL;
	p->keys = NULL;
	p->nulls = NULL;
	p->cap = 0;
	p->n = 0;
}

/* Adopt the rows already in the table (as the caller), in primary-key order. */
static void
pool_adopt(Aggregate *agg)
{
	StringInfoData order;
	char	   *keys = key_list(agg, false);

	initStringInfo(&order);
	if (agg->npk > 0)
		for (int k = 0; k < agg->npk; k++)
			appendStringInfo(&order, "%s%s", k ? ", " : "", quote_identifier(agg->cols[agg->pk[k]].name));
	else
		appendStringInfoString(&order, keys);
	pool_detach(agg);
	agg->pool.n = 0;
	pool_read(agg, psprintf("SELECT %s FROM %s WHERE (%s) IS NOT NULL ORDER BY %s",
							keys, agg->qualname, keys, order.data), 0, NULL, NULL, NULL);
}

/*
 * The cheap check that the pool still matches its table: a few entries
 * spread over the pool (first, last, and evenly between) must still be
 * rows of the table.  A migration that deleted the rows, or most of them,
 * is caught; a single deleted row may not be (the INSERT's foreign key
 * check then reports it, with a hint to call faker_reset).
 */
static bool
pool_matches_table(Aggregate *agg)
{
	Pool	   *p = &agg->pool;
	int			nsample = (int) Min(p->n, 16);
	Oid			types[MODEL_MAX_KEYS];
	Datum		args[MODEL_MAX_KEYS];
	StringInfoData sql,
				cond;
	int			m = 0;
	int64	   *pos = palloc(sizeof(int64) * nsample);
	bool		isnull;

	for (int i = 0; i < nsample; i++)
	{
		int64		at = nsample == 1 ? 0 : (int64) ((double) i * (p->n - 1) / (nsample - 1));
		bool		anynull = false;

		for (int k = 0; k < agg->nkeys; k++)
			anynull |= p->nulls[at * agg->nkeys + k];
		if (!anynull)
			pos[m++] = at;
	}
	if (m == 0)
		return true;
	initStringInfo(&sql);
	initStringInfo(&cond);
	for (int k = 0; k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];
		Datum	   *vals = palloc(sizeof(Datum) * m);

		for (int i = 0; i < m; i++)
			vals[i] = p->keys[pos[i] * agg->nkeys + k];
		types[k] = get_array_type(c->typid);
		args[k] = PointerGetDatum(construct_array(vals, m, c->typid, c->typlen, c->typbyval, c->typalign));
		appendStringInfo(&cond, "%st.%s %s u.k%d", k ? " AND " : "", quote_identifier(c->name),
						 FakerSqlOperator(c->typid, c->typid, BTEqualStrategyNumber), k);
	}
	appendStringInfoString(&sql, "SELECT pg_catalog.count(*) FROM ROWS FROM (");
	for (int k = 0; k < agg->nkeys; k++)
		appendStringInfo(&sql, "%spg_catalog.unnest($%d)", k ? ", " : "", k + 1);
	appendStringInfoString(&sql, ") AS u(");
	for (int k = 0; k < agg->nkeys; k++)
		appendStringInfo(&sql, "%sk%d", k ? ", " : "", k);
	appendStringInfo(&sql, ") WHERE NOT EXISTS (SELECT 1 FROM %s t WHERE %s)", agg->qualname, cond.data);
	spi_exec(sql.data, agg->nkeys, types, args, SPI_OK_SELECT);
	return DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)) == 0;
}

/* Prepare the statement that appends to the pool table (run as the owner). */
static void
pool_prepare_append(Aggregate *agg)
{
	Pool	   *p = &agg->pool;
	StringInfoData sql;
	Oid		   *types = palloc(sizeof(Oid) * (agg->nkeys + 1));

	initStringInfo(&sql);
	appendStringInfo(&sql, "INSERT INTO %s (pos, %s) SELECT * FROM ROWS FROM (pg_catalog.unnest($1)", p->table, key_list(agg, false));
	types[0] = INT8ARRAYOID;
	for (int k = 0; k < agg->nkeys; k++)
	{
		types[k + 1] = get_array_type(agg->cols[agg->keycol[k]].typid);
		appendStringInfo(&sql, ", pg_catalog.unnest($%d)", k + 2);
	}
	appendStringInfoChar(&sql, ')');
	p->append_plan = FakerSPIPrepare(sql.data, agg->nkeys + 1, types);
	if (p->append_plan == NULL)
		elog(ERROR, "faker: could not prepare \"%s\"", sql.data);
	KeepPlanIn(GetMemoryChunkContext(agg), p->append_plan);	/* survives a paused call's SPI_finish */
}

/*
 * Open the pool of AGG for a call (the caller holds the aggregate's call
 * lock, see CallBegin): set it up if READ (a reference will draw from it),
 * and read it into memory.  Pools are read and written as the extension's
 * owner; the rows of the table are adopted as the caller, who must be
 * allowed to SELECT its key columns to reuse them.
 */
void
PoolOpen(FakerPlan *plan, Aggregate *agg, bool read)
{
	Pool	   *p = &agg->pool;
	FakerOwnerScope owner;
	bool		adopt,
				check;
	int64		size;

	memset(p, 0, sizeof(Pool));
	if (agg->nkeys == 0)
	{
		if (read)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
					 errmsg("table %s is referenced but faker finds no key to pool", agg->qualname)));
		return;
	}
	for (int k = 0; k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];

		if (!OidIsValid(get_array_type(c->typid)) || OidIsValid(get_element_type(getBaseType(c->typid))))
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("aggregate \"%s\": key column \"%s\" of %s has type %s, which faker cannot pool",
							agg->name, c->name, agg->qualname, format_type_be(c->typid)),
					 errdetail("Keys that other tables reference are pooled in arrays; arrays of arrays are not possible."),
					 errhint("Give the referencing foreign keys a spec with \"null_weight\": 1, or reference another key.")));
	}
	if (read)
	{
		int16		atts[MODEL_MAX_KEYS];

		for (int k = 0; k < agg->nkeys; k++)
			atts[k] = agg->cols[agg->keycol[k]].attnum;
		FakerCheckSelect(agg->relid, atts, agg->nkeys);
	}
	p->table = psprintf("faker.%s", quote_identifier(pool_table_name(agg->relid)));
	if (plan->shards > 1)
	{
		/*
		 * A shard (shard.c) neither reads nor writes pool tables, which all
		 * shards would wait on: it adopts the table's rows in memory, and
		 * the keys it makes stay in memory.
		 */
		p->loaded = read;
		if (read)
			pool_adopt(agg);
		p->exists = false;
		p->flushed = p->n;
		p->start_n = p->n;
		p->base = 0;
		return;
	}
	FakerOwnerEnter(&owner);
	p->exists = pool_setup(plan, agg, read, &adopt, &check, &size);
	if (p->exists)
		pool_prepare_append(agg);
	if (p->exists && read && !adopt)
		pool_load(plan, agg);
	FakerOwnerExit(&owner);
	p->loaded = read;
	if (check && read && !pool_matches_table(agg))
	{
		/* rows were deleted behind faker's back: rebuild from the table */
		CallLock(plan);
		FakerOwnerEnter(&owner);
		pool_create(agg, pool_table_name(agg->relid));
		pool_prepare_append(agg);
		FakerOwnerExit(&owner);
		adopt = true;
	}
	if (adopt)
		pool_adopt(agg);
	p->flushed = adopt ? 0 : p->n;
	p->start_n = p->n;
	/* a pool only appended to: its entries follow those already there */
	p->base = (p->exists && !read) ? size : 0;
}

/*
 * Append a created row's key (KEYS, NULLS) to AGG's pool in memory and to
 * every sub-pool index, unless the pool neither exists nor is loaded
 * (nothing reads it yet: it will adopt the row); the table gets the new
 * entries in batches.
 */
void
PoolAppend(Aggregate *agg, Datum *keys, bool *nulls)
{
	Pool	   *p = &agg->pool;
	MemoryContext old;

	if (!p->exists && !p->loaded)
		return;
	old = MemoryContextSwitchTo(GetMemoryChunkContext(agg));
	pool_grow(agg, p->n + 1);
	for (int k = 0; k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];

		p->nulls[p->n * agg->nkeys + k] = nulls[k];
		p->keys[p->n * agg->nkeys + k] = nulls[k] ? (Datum) 0 : datumCopy(keys[k], c->typbyval, c->typlen);
	}
	p->n++;
	for (SubIndex *s = p->subs; s; s = s->next)
		sub_add(agg, s, p->n - 1);
	MemoryContextSwitchTo(old);
}

/* Write the entries appended since the last flush to the pool table. */
void
PoolFlush(Aggregate *agg)
{
	Pool	   *p = &agg->pool;
	int64		count = p->n - p->flushed;
	Datum	   *args;
	Datum	   *posv;
	FakerOwnerScope owner;
	Oid			stypes[2] = {OIDOID, INT8OID};
	Datum		sargs[2];

	MemoryContext cxt,
				tmp;

	if (!p->exists || count <= 0)
		return;
	if (count > MaxAllocSize / sizeof(Datum))
		elog(ERROR, "faker: too many pool entries to flush at once");
	tmp = AllocSetContextCreate(CurrentMemoryContext, "faker pool flush", ALLOCSET_DEFAULT_SIZES);
	cxt = MemoryContextSwitchTo(tmp);
	args = palloc(sizeof(Datum) * (agg->nkeys + 1));
	posv = palloc(sizeof(Datum) * count);
	for (int64 i = 0; i < count; i++)
		posv[i] = Int64GetDatum(p->base + p->flushed + i);
	args[0] = PointerGetDatum(construct_array(posv, (int) count, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	for (int k = 0; k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];
		Datum	   *vals = palloc(sizeof(Datum) * count);
		bool	   *nulls = palloc(sizeof(bool) * count);
		int			dims[1] = {(int) count},
					lbs[1] = {1};

		for (int64 i = 0; i < count; i++)
		{
			vals[i] = p->keys[(p->flushed + i) * agg->nkeys + k];
			nulls[i] = p->nulls[(p->flushed + i) * agg->nkeys + k];
		}
		args[k + 1] = PointerGetDatum(construct_md_array(vals, nulls, 1, dims, lbs, c->typid,
														 c->typlen, c->typbyval, c->typalign));
	}
	sargs[0] = ObjectIdGetDatum(agg->relid);
	sargs[1] = Int64GetDatum(p->base + p->n);
	FakerOwnerEnter(&owner);
	if (FakerSPIExecutePlan(p->append_plan, args, NULL, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "faker: could not append to %s", p->table);
	spi_exec("UPDATE faker.pool SET size = $2 WHERE relation OPERATOR(pg_catalog.=) $1", 2, stypes, sargs, SPI_OK_UPDATE);
	FakerOwnerExit(&owner);
	MemoryContextSwitchTo(cxt);
	MemoryContextDelete(tmp);
	p->flushed = p->n;
}

/*
 * The pool positions whose key agrees with VALS at the positions where
 * KNOWN is true, in creation order.  O(1) after the first call per set of
 * positions.
 */
int64
PoolSubpool(Aggregate *agg, const bool *known, const Datum *vals, int64 **members)
{
	Pool	   *p = &agg->pool;
	uint32		mask = 0;
	SubIndex   *s;
	uint64		h;
	SubEntry   *e;
	bool		nulls[MODEL_MAX_KEYS] = {false};

	for (int k = 0; k < agg->nkeys; k++)
		if (known[k])
			mask |= 1u << k;
	for (s = p->subs; s && s->mask != mask; s = s->next)
		;
	if (s == NULL)
	{
		MemoryContext cxt = GetMemoryChunkContext(agg);

		s = MemoryContextAllocZero(cxt, sizeof(SubIndex));
		s->mask = mask;
		s->hash = FakerHashCreate("faker sub-pool", 1024, sizeof(uint64),
								  sizeof(SubEntry), cxt);
		for (int64 i = 0; i < p->n; i++)
			sub_add(agg, s, i);
		s->next = p->subs;
		p->subs = s;
	}
	h = key_hash(agg, mask, vals, nulls);
	e = hash_search(s->hash, &h, HASH_FIND, NULL);
	*members = e ? e->members : NULL;
	return e ? e->n : 0;
}

/*
 * faker_reset: forget the pools of RELID, or all when InvalidOid, and the
 * registry entries of tables that no longer exist.  Run as the owner.
 */
void
PoolReset(Oid relid)
{
	Oid			types[1] = {OIDOID};
	Datum		args[1] = {ObjectIdGetDatum(relid)};
	FakerOwnerScope owner;
	SPITupleTable *tt;
	uint64		n;

	FakerOwnerEnter(&owner);
	spi_exec("SELECT table_name FROM faker.pool WHERE $1 OPERATOR(pg_catalog.=) 0 OR relation OPERATOR(pg_catalog.=) $1 "
			 "OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) relation) ORDER BY 1",
			 1, types, args, SPI_OK_SELECT);
	tt = SPI_tuptable;
	n = SPI_processed;
	for (uint64 i = 0; i < n; i++)
		pool_drop(SPI_getvalue(tt->vals[i], tt->tupdesc, 1));
	/* the reuse pools of plain columns (uses.c): vals_<relid>_<attnum>_<filenode> */
	spi_exec(OidIsValid(relid) ?
			 "SELECT relname::pg_catalog.text FROM pg_catalog.pg_class WHERE relnamespace OPERATOR(pg_catalog.=) "
			 "'faker'::pg_catalog.regnamespace AND relkind OPERATOR(pg_catalog.=) 'r' AND "
			 "relname::pg_catalog.text OPERATOR(pg_catalog.~~) ('vals\\_' OPERATOR(pg_catalog.||) $1::pg_catalog.text OPERATOR(pg_catalog.||) '\\_%') ORDER BY 1" :
			 "SELECT relname::pg_catalog.text FROM pg_catalog.pg_class WHERE relnamespace OPERATOR(pg_catalog.=) "
			 "'faker'::pg_catalog.regnamespace AND relkind OPERATOR(pg_catalog.=) 'r' AND "
			 "relname::pg_catalog.text OPERATOR(pg_catalog.~~) 'vals\\_%' ORDER BY 1",
			 OidIsValid(relid) ? 1 : 0, types, args, SPI_OK_SELECT);
	tt = SPI_tuptable;
	n = SPI_processed;
	for (uint64 i = 0; i < n; i++)
		PoolOwnedTableDrop(SPI_getvalue(tt->vals[i], tt->tupdesc, 1));
	spi_exec("DELETE FROM faker.pool WHERE $1 OPERATOR(pg_catalog.=) 0 OR relation OPERATOR(pg_catalog.=) $1 "
			 "OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) relation)",
			 1, types, args, SPI_OK_DELETE);
	FakerOwnerExit(&owner);
	PoolCacheForget();
}


/*
 * Forget the sequence counters of AGGREGATE (its columns' default scopes
 * "<aggregate>.<column>", scoped ones included), or all when NULL.  As the
 * owner.
 */
void
CountersReset(const char *aggregate)
{
	Oid			types[1] = {TEXTOID};
	Datum		args[1];
	FakerOwnerScope owner;

	FakerOwnerEnter(&owner);
	if (aggregate == NULL)
		spi_exec("DELETE FROM faker.sequence", 0, NULL, NULL, SPI_OK_DELETE);
	else
	{
		args[0] = CStringGetTextDatum(aggregate);
		spi_exec("DELETE FROM faker.sequence WHERE pg_catalog.left(scope, pg_catalog.length($1) OPERATOR(pg_catalog.+) 1) "
				 "OPERATOR(pg_catalog.=) ($1 OPERATOR(pg_catalog.||) '.')", 1, types, args, SPI_OK_DELETE);
	}
	FakerOwnerExit(&owner);
}
