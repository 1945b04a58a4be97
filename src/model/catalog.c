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
#include "utils/varlena.h"

#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "utils/acl.h"

#include "compat.h"
#include "faker.h"
#include "model/model.h"
#include "model/uniques.h"
#include "security.h"

/*
 * The schema-qualified, quoted name of relation RELID, for SQL text and
 * messages; an error if it no longer exists.
 */
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

/* The index in AGG's columns of attribute ATTNUM (internal error if none). */
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

/* An error unless RELID is a table faker can fill (views and foreign tables are not). */
void
CatalogCheckTable(Oid relid)
{
	char		kind = get_rel_relkind(relid);
	char	   *name = get_rel_name(relid);

	if (name == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	if (kind == RELKIND_VIEW || kind == RELKIND_MATVIEW || kind == RELKIND_FOREIGN_TABLE)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is a %s; faker fills tables", name,
						kind == RELKIND_VIEW ? "view" : kind == RELKIND_MATVIEW ? "materialized view" : "foreign table"),
				 errhint("Name the table it is based on.")));
	if (kind != RELKIND_RELATION && kind != RELKIND_PARTITIONED_TABLE)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a table", name)));
}

/*
 * Whether foreign key CONOID is one PostgreSQL derives for each partition
 * of a partitioned referenced table from a foreign key of the same table
 * (its parent constraint is on the table it is on: RELID's own, or, for a
 * foreign key a partition declares (partfkeys.c), that partition's): the
 * same columns and rows, not another reference.
 */
bool
CatalogFkDerived(Oid conoid)
{
	HeapTuple	tup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(conoid));
	Oid			parent,
				conrelid;
	bool		derived = false;

	if (!HeapTupleIsValid(tup))
		return false;
	parent = ((Form_pg_constraint) GETSTRUCT(tup))->conparentid;
	conrelid = ((Form_pg_constraint) GETSTRUCT(tup))->conrelid;
	ReleaseSysCache(tup);
	if (OidIsValid(parent) && HeapTupleIsValid(tup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(parent))))
	{
		derived = ((Form_pg_constraint) GETSTRUCT(tup))->conrelid == conrelid;
		ReleaseSysCache(tup);
	}
	return derived;
}

/*
 * Read table RELID into AGG: its columns (not dropped or generated, with
 * their types and whether PostgreSQL fills them), its foreign keys (the
 * parents resolved later by graph.c), primary key and unique indexes, and
 * uniques.c's constraints.  The table must be one faker can fill.
 */
void
CatalogLoadTable(Aggregate *agg, Oid relid)
{
	Relation	rel;
	TupleDesc	desc;
	List	   *fks,
			   *indexes;
	ListCell   *lc;

	CatalogCheckTable(relid);
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
	/* and those every partition declares on its own (partfkeys.c) */
	fks = list_concat_copy(RelationGetFKeyList(rel), PartitionForeignKeys(rel));
	agg->refs = palloc0(sizeof(ModelRef) * Max(list_length(fks), 1));
	agg->nrefs = 0;
	foreach(lc, fks)
	{
		ForeignKeyCacheInfo *fk = lfirst(lc);
		ModelRef   *r;

		if (CatalogFkDerived(fk->conoid))
			continue;
		r = &agg->refs[agg->nrefs++];

		r->conoid = fk->conoid;
		r->name = get_constraint_name(fk->conoid);
		r->nkeys = fk->nkeys;
		for (int k = 0; k < fk->nkeys; k++)
		{
			r->col[k] = column_index(agg, fk->conkey[k]);
			r->pkey[k] = fk->confkey[k];	/* an attnum until the parent is known */
			agg->cols[r->col[k]].kind = COL_REF;
		}
		r->parent_relid = fk->confrelid;
		r->parent = NULL;		/* resolved by graph.c */
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
	UniquesLoad(agg, rel);
	table_close(rel, AccessShareLock);
}

/*
 * Run the catalog query SQL with its one parameter (ARGTYPES[0], ARGS[0]),
 * keeping at most TCOUNT rows (0: all) in SPI_tuptable; an internal error
 * naming WHAT if it fails.  Needs an SPI connection.
 */
static void
catalog_select(const char *sql, Oid *argtypes, Datum *args, long tcount, const char *what)
{
	if (FakerSPIExecute(sql, 1, argtypes, args, NULL, false, tcount) != SPI_OK_SELECT)
		elog(ERROR, "could not read %s", what);
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

	catalog_select("SELECT DISTINCT pg_catalog.unnest(confkey) FROM pg_catalog.pg_constraint "
				   "WHERE contype OPERATOR(pg_catalog.=) 'f' AND confrelid OPERATOR(pg_catalog.=) $1",
				   argtypes, args, 0, psprintf("the foreign keys referencing %s", agg->qualname));
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

/*
 * Read the row of definition NAME in faker.aggregate: its table into
 * *RELID, the role that stored it into *OWNER and, unless SPEC is NULL,
 * its spec into *SPEC (copied out of SPI's memory); false if there is no
 * such definition.  Needs an SPI connection.
 */
static bool
definition_read(const char *name, Oid *relid, char **owner, Jsonb **spec)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1] = {CStringGetTextDatum(name)};
	HeapTuple	tup;
	TupleDesc	desc;
	bool		isnull;

	catalog_select("SELECT relation::pg_catalog.oid, spec, owner::pg_catalog.text FROM faker.aggregate "
				   "WHERE name OPERATOR(pg_catalog.=) $1",
				   argtypes, args, 1, "faker.aggregate");
	if (SPI_processed == 0)
		return false;
	tup = SPI_tuptable->vals[0];
	desc = SPI_tuptable->tupdesc;
	*relid = DatumGetObjectId(SPI_getbinval(tup, desc, 1, &isnull));
	if (spec)
		*spec = DatumGetJsonbPCopy(SPI_getbinval(tup, desc, 2, &isnull));
	*owner = TextDatumGetCString(SPI_getbinval(tup, desc, 3, &isnull));
	return true;
}

/*
 * Look up a defined aggregate (reached through table RELID_HINT, or by name
 * when InvalidOid).  Needs an SPI connection.  A definition is used only if
 * the table still exists and the role that stored it is one the caller
 * trusts (FakerTrustsRole): another role's definition must not steer a
 * superuser's call.
 */
bool
CatalogDefinition(const char *name, Oid relid_hint, Oid *relid, Jsonb **spec)
{
	char	   *owner;
	Oid			ownerid;

	if (!definition_read(name, relid, &owner, spec))
		return false;
	if (get_rel_name(*relid) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("aggregate \"%s\" is defined on a table that no longer exists (OID %u)", name, *relid),
				 errhint("Remove the definition with faker_undefine('%s'), or define it again.", name)));
	ownerid = get_role_oid(owner, true);
	/* a table's owner is trusted for that table only where the caller chose
	 * the table: reached by OID, or the table the name means to the caller */
	if (!OidIsValid(ownerid) ||
		!FakerTrustsRole(ownerid, (relid_hint == *relid || CatalogTableForName(name) == *relid) ? *relid : InvalidOid))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("aggregate \"%s\" was defined by role \"%s\", which this call does not trust", name, owner),
				 errdetail("faker uses definitions made by the caller, by a role with all of the caller's privileges, or by the table's owner."),
				 errhint("Define it again as %s, or have the owner of %s define it.",
						 GetUserNameFromId(GetUserId(), false), get_rel_name(*relid))));
	return true;
}

/* The relation a definition names, or InvalidOid.  Needs SPI. */
static Oid
definition_relation(const char *name)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1] = {CStringGetTextDatum(name)};
	bool		isnull;

	catalog_select("SELECT relation::pg_catalog.oid FROM faker.aggregate WHERE name OPERATOR(pg_catalog.=) $1",
				   argtypes, args, 1, "faker.aggregate");
	if (SPI_processed == 0)
		return InvalidOid;
	return DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/*
 * The implicit aggregate name of a table, whatever the search_path: the
 * table's name when no other table in the database has it, else
 * schema.table.  A name that a definition uses for another table is
 * skipped, so a definition never captures references to a table it is
 * not about.
 */
static char *
implicit_name(Oid relid)
{
	char	   *rel = get_rel_name(relid);
	char	   *cands[2];
	Oid			argtypes[1] = {NAMEOID};
	Datum		args[1] = {DirectFunctionCall1(namein, CStringGetDatum(rel))};
	bool		isnull;
	bool		unique;

	catalog_select("SELECT pg_catalog.count(*) FROM pg_catalog.pg_class WHERE relname OPERATOR(pg_catalog.=) $1 "
				   "AND relkind OPERATOR(pg_catalog.=) ANY ('{r,p}'::pg_catalog.\"char\"[])",
				   argtypes, args, 1, "pg_class");
	unique = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)) <= 1;
	cands[0] = unique ? rel : NULL;
	cands[1] = psprintf("%s.%s", get_namespace_name(get_rel_namespace(relid)), rel);
	for (int i = 0; i < 2; i++)
	{
		Oid			other;

		if (cands[i] == NULL)
			continue;
		other = definition_relation(cands[i]);
		if (!OidIsValid(other) || other == relid)
			return cands[i];
	}
	ereport(ERROR,
			(errcode(ERRCODE_DUPLICATE_OBJECT),
			 errmsg("the implicit aggregate name of table %s, \"%s\", is defined for another table",
					CatalogQualifiedName(relid), cands[1]),
			 errhint("Define an aggregate for %s, or rename the other definition.", CatalogQualifiedName(relid))));
	return NULL;
}

/*
 * The aggregate that makes rows of RELID, by the table's OID: a definition
 * for that table (the one named like the table first, then by name), else
 * the implicit one.  Needs SPI.
 */
char *
CatalogAggregateForTable(Oid relid)
{
	Oid			argtypes[1] = {OIDOID};
	Datum		args[1] = {ObjectIdGetDatum(relid)};
	bool		isnull;
	char	   *rel = get_rel_name(relid);

	catalog_select("SELECT name FROM faker.aggregate WHERE relation::pg_catalog.oid OPERATOR(pg_catalog.=) $1 ORDER BY name",
				   argtypes, args, 0, "faker.aggregate");
	if (SPI_processed > 0)
	{
		char	   *first = TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));

		for (uint64 i = 0; i < SPI_processed; i++)
		{
			char	   *n = TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull));

			if (strcmp(n, rel) == 0)
				return n;
		}
		return first;
	}
	return implicit_name(relid);
}

/*
 * The table an aggregate name stands for when it is not defined: a table
 * name as the caller writes it (search_path applies), or, for a bare name
 * not on the search_path, the one table of that name in the database.
 */
Oid
CatalogTableForName(const char *name)
{
	List	   *parts = NIL;
	Oid			relid = InvalidOid;
	Oid			argtypes[1] = {NAMEOID};
	Datum		args[1];
	bool		isnull;

	/* schema.table as implicit names spell it, unquoted */
	for (const char *dot = strchr(name, '.'); dot && !OidIsValid(relid); dot = strchr(dot + 1, '.'))
	{
		Oid			nsp = get_namespace_oid(pnstrdup(name, dot - name), true);

		if (OidIsValid(nsp))
			relid = get_relname_relid(dot + 1, nsp);
	}
	if (OidIsValid(relid))
		return relid;
	/* an identifier as SQL writes it ("Sales"."Orders", public.book) */
	if (!SplitIdentifierString(pstrdup(name), '.', &parts) || parts == NIL || list_length(parts) > 3)
		return InvalidOid;
	if (list_length(parts) > 1)
	{
		RangeVar   *rv = makeRangeVar(list_length(parts) == 3 ? lsecond(parts) : linitial(parts),
									  llast(parts), -1);

		return RangeVarGetRelid(rv, NoLock, true);
	}
	relid = RangeVarGetRelid(makeRangeVar(NULL, linitial(parts), -1), NoLock, true);
	if (OidIsValid(relid))
		return relid;
	args[0] = DirectFunctionCall1(namein, CStringGetDatum((char *) linitial(parts)));
	catalog_select("SELECT oid FROM pg_catalog.pg_class WHERE relname OPERATOR(pg_catalog.=) $1 "
				   "AND relkind OPERATOR(pg_catalog.=) ANY ('{r,p}'::pg_catalog.\"char\"[])",
				   argtypes, args, 2, "pg_class");
	if (SPI_processed != 1)
		return InvalidOid;
	return DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}

/* The relation of aggregate NAME (defined, or a table), or an error. */
Oid
CatalogAggregateRelation(const char *name)
{
	Oid			relid = definition_relation(name);

	if (!OidIsValid(relid))
		relid = CatalogTableForName(name);
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("aggregate \"%s\" does not exist", name),
				 errhint("Define it with faker_define, or name a table.")));
	return relid;
}

/*
 * May the caller replace or remove the definition stored by role OWNER for
 * table RELID?  Its owner, a role with the owner's privileges, or the
 * table's owner.
 */
static void
check_definition_owner(const char *name, const char *owner, Oid relid)
{
	Oid			ownerid = get_role_oid(owner, true);
	Oid			user = GetUserId();

	if (!OidIsValid(ownerid) || ownerid == user || has_privs_of_role(user, ownerid))
		return;
	if (get_rel_name(relid) != NULL && FakerRelationOwnerCheck(relid, user))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("aggregate \"%s\" belongs to role \"%s\"", name, owner),
			 errhint("Only that role, a role with its privileges, or the table's owner can change it.")));
}

/* The owner of definition NAME, or NULL if there is none.  Needs SPI. */
static char *
definition_owner(const char *name, Oid *relid)
{
	char	   *owner;

	return definition_read(name, relid, &owner, NULL) ? owner : NULL;
}

/*
 * faker_define's store: the caller needs INSERT on the table, and may
 * replace only a definition it could have made.  Written as the
 * extension's owner, with the caller as the definition's owner.
 */
void
CatalogStoreDefinition(const char *name, Oid relid, Jsonb *spec)
{
	Oid			types[4] = {TEXTOID, OIDOID, JSONBOID, NAMEOID};
	Datum		args[4];
	Oid			oldrel;
	char	   *owner = definition_owner(name, &oldrel);
	FakerOwnerScope scope;

	CatalogCheckTable(relid);
	if (pg_class_aclcheck(relid, GetUserId(), ACL_INSERT) != ACLCHECK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for table %s", get_rel_name(relid)),
				 errdetail("faker_define needs INSERT on the table it defines.")));
	if (owner)
		check_definition_owner(name, owner, oldrel);
	args[0] = CStringGetTextDatum(name);
	args[1] = ObjectIdGetDatum(relid);
	args[2] = JsonbPGetDatum(spec);
	args[3] = DirectFunctionCall1(namein, CStringGetDatum(GetUserNameFromId(GetUserId(), false)));
	FakerOwnerEnter(&scope);
	if (FakerSPIExecute("INSERT INTO faker.aggregate (name, relation, spec, owner) VALUES ($1, $2, $3, $4) "
							  "ON CONFLICT (name) DO UPDATE SET relation = EXCLUDED.relation, spec = EXCLUDED.spec, "
							  "owner = EXCLUDED.owner", 4, types, args, NULL, false, 0) != SPI_OK_INSERT)
		elog(ERROR, "faker: could not store the definition of \"%s\"", name);
	FakerOwnerExit(&scope);
	CommandCounterIncrement();
}

/* faker_undefine's delete; false if there was no such definition. */
bool
CatalogDropDefinition(const char *name)
{
	Oid			types[1] = {TEXTOID};
	Datum		args[1] = {CStringGetTextDatum(name)};
	Oid			relid;
	char	   *owner = definition_owner(name, &relid);
	FakerOwnerScope scope;

	if (owner == NULL)
		return false;
	check_definition_owner(name, owner, relid);
	FakerOwnerEnter(&scope);
	if (FakerSPIExecute("DELETE FROM faker.aggregate WHERE name OPERATOR(pg_catalog.=) $1",
							  1, types, args, NULL, false, 0) != SPI_OK_DELETE)
		elog(ERROR, "faker: could not delete a definition");
	FakerOwnerExit(&scope);
	CommandCounterIncrement();
	return true;
}
