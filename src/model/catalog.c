/*
 * catalog.c: what faker reads about a table: columns (types, defaults,
 * identity, NOT NULL), primary key, unique indexes, foreign keys, and the
 * columns other tables reference (the pool key); plus faker.aggregate.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/index.h"
#include "catalog/namespace.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

#include "model/model.h"

char *
CatalogQualifiedName(Oid relid)
{
	char	   *rel = get_rel_name(relid);

	if (rel == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	return quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), rel);
}

static int
column_index(Aggregate *agg, AttrNumber attnum)
{
	for (int i = 0; i < agg->ncols; i++)
		if (agg->cols[i].attnum == attnum)
			return i;
	elog(ERROR, "column %d of %s not found", attnum, agg->qualname);
	return -1;
}

/* Columns of one unique index, as column indexes, -1 terminated; NULL if
 * the index has expressions or a predicate (faker cannot check those). */
static int *
index_columns(Aggregate *agg, Oid indexoid, bool *primary)
{
	HeapTuple	tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexoid));
	Form_pg_index idx;
	int		   *cols = NULL;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for index %u", indexoid);
	idx = (Form_pg_index) GETSTRUCT(tup);
	*primary = idx->indisprimary;
	if (idx->indisunique && idx->indisvalid &&
		heap_attisnull(tup, Anum_pg_index_indexprs, NULL) &&
		heap_attisnull(tup, Anum_pg_index_indpred, NULL))
	{
		int			n = idx->indnkeyatts;

		cols = palloc(sizeof(int) * (n + 1));
		for (int i = 0; i < n; i++)
			cols[i] = column_index(agg, idx->indkey.values[i]);
		cols[n] = -1;
	}
	ReleaseSysCache(tup);
	return cols;
}

void
CatalogLoadTable(Aggregate *agg, Oid relid)
{
	Relation	rel;
	TupleDesc	desc;
	List	   *fks,
			   *indexes;
	ListCell   *lc;

	if (get_rel_relkind(relid) != RELKIND_RELATION &&
		get_rel_relkind(relid) != RELKIND_PARTITIONED_TABLE)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a table", get_rel_name(relid))));
	rel = table_open(relid, AccessShareLock);
	desc = RelationGetDescr(rel);
	agg->relid = relid;
	agg->qualname = CatalogQualifiedName(relid);
	agg->natts = desc->natts;
	agg->cols = palloc0(sizeof(ModelColumn) * desc->natts);
	agg->ncols = 0;
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		ModelColumn *c;

		if (att->attisdropped || att->attgenerated)
			continue;
		c = &agg->cols[agg->ncols++];
		c->attnum = att->attnum;
		c->name = pstrdup(NameStr(att->attname));
		c->typid = att->atttypid;
		c->typmod = att->atttypmod;
		c->collid = att->attcollation;
		c->notnull = att->attnotnull;
		c->hasdef = att->atthasdef;
		c->identity = att->attidentity;
		c->kind = (c->hasdef || c->identity) ? COL_DEFAULT : COL_GEN;
		c->inspos = -1;
		get_typlenbyvalalign(c->typid, &c->typlen, &c->typbyval, &c->typalign);
	}

	/* foreign keys of this table */
	fks = RelationGetFKeyList(rel);
	agg->refs = palloc0(sizeof(ModelRef) * Max(list_length(fks), 1));
	agg->nrefs = 0;
	foreach(lc, fks)
	{
		ForeignKeyCacheInfo *fk = lfirst(lc);
		ModelRef   *r = &agg->refs[agg->nrefs++];

		r->conoid = fk->conoid;
		r->name = get_constraint_name(fk->conoid);
		r->nkeys = fk->nkeys;
		for (int k = 0; k < fk->nkeys; k++)
		{
			r->col[k] = column_index(agg, fk->conkey[k]);
			r->pkey[k] = fk->confkey[k];	/* an attnum until the parent is known */
			agg->cols[r->col[k]].kind = COL_REF;
		}
		r->parent = (Aggregate *) (uintptr_t) fk->confrelid;	/* resolved by graph.c */
	}

	/* primary key and unique indexes */
	indexes = RelationGetIndexList(rel);
	agg->uniq = palloc0(sizeof(int *) * (list_length(indexes) + 1));
	foreach(lc, indexes)
	{
		bool		primary;
		int		   *cols = index_columns(agg, lfirst_oid(lc), &primary);

		if (cols == NULL)
			continue;
		if (primary)
			for (agg->npk = 0; cols[agg->npk] >= 0; agg->npk++)
				agg->pk[agg->npk] = cols[agg->npk];
		agg->uniq[agg->nuniq++] = cols;
	}
	table_close(rel, AccessShareLock);
}

/*
 * The pool key: the columns that foreign keys anywhere in the database
 * reference (usually the primary key), in attribute order; the primary key
 * when nothing references the table.  Needs an SPI connection.
 */
void
CatalogKeyColumns(Aggregate *agg)
{
	Oid			argtypes[1] = {OIDOID};
	Datum		args[1] = {ObjectIdGetDatum(agg->relid)};
	bool		used[MaxTupleAttributeNumber + 1] = {false};

	if (SPI_execute_with_args("SELECT DISTINCT unnest(confkey) FROM pg_catalog.pg_constraint "
							  "WHERE contype = 'f' AND confrelid = $1",
							  1, argtypes, args, NULL, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read the foreign keys referencing %s", agg->qualname);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		int16		att = DatumGetInt16(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull));

		used[att] = true;
	}
	if (SPI_processed == 0)
		for (int k = 0; k < agg->npk; k++)
			used[agg->cols[agg->pk[k]].attnum] = true;
	agg->nkeys = 0;
	for (int i = 0; i < agg->ncols; i++)
		if (used[agg->cols[i].attnum] && agg->nkeys < MODEL_MAX_KEYS)
			agg->keycol[agg->nkeys++] = i;
}

/* Look up a defined aggregate.  Needs an SPI connection. */
bool
CatalogDefinition(const char *name, Oid *relid, Jsonb **spec)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1] = {CStringGetTextDatum(name)};
	bool		isnull;

	if (SPI_execute_with_args("SELECT relation, spec FROM faker.aggregate WHERE name = $1",
							  1, argtypes, args, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read faker.aggregate");
	if (SPI_processed == 0)
		return false;
	*relid = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	*spec = DatumGetJsonbPCopy(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	return true;
}

/* The aggregate that makes rows of RELID: the first defined one by name,
 * else the implicit one named after the table.  Needs SPI. */
char *
CatalogAggregateForTable(Oid relid)
{
	Oid			argtypes[1] = {OIDOID};
	Datum		args[1] = {ObjectIdGetDatum(relid)};
	bool		isnull;

	if (SPI_execute_with_args("SELECT name FROM faker.aggregate WHERE relation = $1 ORDER BY name LIMIT 1",
							  1, argtypes, args, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read faker.aggregate");
	if (SPI_processed == 1)
		return TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	/* implicit: the table's name, schema-qualified when not on the search path */
	if (RelationIsVisible(relid))
		return get_rel_name(relid);
	return psprintf("%s.%s", get_namespace_name(get_rel_namespace(relid)), get_rel_name(relid));
}
