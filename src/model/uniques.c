/*
 * uniques.c: unique constraints and unique indexes honoured by the rows
 * faker makes.
 *
 * Every valid unique index of a table is read (primary key, UNIQUE
 * constraints, CREATE UNIQUE INDEX, partial indexes, expression indexes).
 * A key faker checks has its tuples tracked by hash in a set seeded from
 * the rows already in the table (the index's own expressions and
 * predicate, by SQL) and from the rows of the call (the same expressions
 * evaluated with the executor).  A row that repeats a tuple is made again:
 * references drawn again and the other columns regenerated, then, after a
 * few attempts, the references in the key create new parents; past a
 * bound it is an error naming the constraint.
 *
 * Keys that are unique by construction are not checked: a column filled
 * by a sequence or an identity (a volatile DEFAULT; unless the sequence
 * is behind the table's values), an integer key faker
 * numbers itself, a single generated column with its own unique check.
 * A key column with a constant DEFAULT is evaluated by faker, so the
 * tuple is known.  A reference whose columns form a key on their own is
 * one-to-one: it reuses only parents no row references yet.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/dependency.h"
#include "catalog/pg_class.h"
#include "catalog/pg_index.h"
#include "catalog/pg_inherits.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "rewrite/rewriteHandler.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/partcache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/ruleutils.h"
#include "utils/syscache.h"

#include "faker.h"
#include "model/engine.h"
#include "model/uniques.h"

#define UNIQUE_ATTEMPTS		100 /* rows made again before an error */
#define UNIQUE_REUSE		10	/* attempts that may reuse parents */

/* The column index of ATTNUM in AGG, or -1 (a generated column). */
static int
column_of(Aggregate *agg, AttrNumber attnum)
{
	for (int i = 0; i < agg->ncols; i++)
		if (agg->cols[i].attnum == attnum)
			return i;
	return -1;
}

/* Add the attnums of the Vars in NODE to *ATTRS (expression_tree_walker). */
static bool
collect_vars(Node *node, Bitmapset **attrs)
{
	if (node == NULL)
		return false;
	if (IsA(node, Var))
	{
		*attrs = bms_add_member(*attrs, ((Var *) node)->varattno);
		return false;
	}
	return expression_tree_walker(node, collect_vars, (void *) attrs);
}

/*
 * The DEFAULTs unique keys read: volatile (a sequence, an identity) or
 * constant, which decides whether faker evaluates them (UniquesDefaults).
 */
static void
defaults_volatility(Aggregate *agg, Relation rel)
{
	for (int i = 0; i < agg->ncols; i++)
	{
		ModelColumn *c = &agg->cols[i];
		bool		used = false;

		for (int u = 0; u < agg->nukeys; u++)
			used |= bms_is_member(c->attnum, agg->ukeys[u].attrs);
		if (!used || !(c->hasdef || c->identity))
			continue;
		if (c->identity)
			c->defvolatile = true;
		else
		{
			Node	   *def = build_column_default(rel, c->attnum);

			c->defvolatile = def == NULL || contain_volatile_functions(def);
		}
	}
}

/*
 * Index IREL (of the table or of one of its partitions, whose rows also
 * satisfy EXTRA, an implicit-AND list, NIL for the table's own) as the
 * next key of AGG, if faker can check it: a valid, immediate unique index
 * over columns faker makes.
 */
static void
key_from_index(Aggregate *agg, Relation irel, List *extra)
{
	Form_pg_index idx = irel->rd_index;
	UniqueKey  *u = &agg->ukeys[agg->nukeys];
	ListCell   *ec;
	bool		ok = true;
	int			a = -1;

	if (!idx->indisunique || !idx->indisvalid || !idx->indimmediate ||
		idx->indnkeyatts > MODEL_MAX_KEYS)
		return;
	memset(u, 0, sizeof(UniqueKey));
	u->indexoid = RelationGetRelid(irel);
	u->name = pstrdup(RelationGetRelationName(irel));
	u->nkeys = idx->indnkeyatts;
	u->nulls_not_distinct = idx->indnullsnotdistinct;
	u->exprs = RelationGetIndexExpressions(irel);
	u->pred = list_concat(RelationGetIndexPredicate(irel), extra);
	u->simple = u->exprs == NIL && u->pred == NIL;
	ec = list_head(u->exprs);
	for (int k = 0; k < u->nkeys; k++)
	{
		AttrNumber	att = idx->indkey.values[k];

		if (att != 0)
		{
			u->col[k] = column_of(agg, att);
			ok &= u->col[k] >= 0;	/* not a generated column */
			if (u->col[k] >= 0)
			{
				u->typlen[k] = agg->cols[u->col[k]].typlen;
				u->typbyval[k] = agg->cols[u->col[k]].typbyval;
			}
			u->attrs = bms_add_member(u->attrs, att);
		}
		else
		{
			Node	   *e = lfirst(ec);

			u->col[k] = -1;
			get_typlenbyval(exprType(e), &u->typlen[k], &u->typbyval[k]);
			ec = lnext(u->exprs, ec);
		}
	}
	collect_vars((Node *) u->exprs, &u->attrs);
	collect_vars((Node *) u->pred, &u->attrs);
	while ((a = bms_next_member(u->attrs, a)) >= 0)
		ok &= a > 0 && column_of(agg, a) >= 0;
	if (ok)
		agg->nukeys++;
}

/* Do partition PART and table REL number their columns alike (by name)? */
static bool
same_columns(Relation part, Relation rel)
{
	TupleDesc	pd = RelationGetDescr(part),
				td = RelationGetDescr(rel);

	if (pd->natts != td->natts)
		return false;
	for (int i = 0; i < td->natts; i++)
		if (TupleDescAttr(pd, i)->attisdropped != TupleDescAttr(td, i)->attisdropped ||
			strcmp(NameStr(TupleDescAttr(pd, i)->attname), NameStr(TupleDescAttr(td, i)->attname)) != 0)
			return false;
	return true;
}

/*
 * The unique indexes a partition of partitioned table REL has of its own
 * (not attached to an index of REL): keys over the rows that land in that
 * partition, its partition constraint joining the index's predicate.
 * Only partitions that number their columns as REL does are read.
 */
static List *
partition_indexes(Relation rel)
{
	List	   *parts = find_all_inheritors(RelationGetRelid(rel), AccessShareLock, NULL);
	List	   *out = NIL;
	ListCell   *lc;

	foreach(lc, parts)
	{
		Relation	part;
		ListCell   *ic;

		if (lfirst_oid(lc) == RelationGetRelid(rel))
			continue;
		part = relation_open(lfirst_oid(lc), AccessShareLock);
		if (same_columns(part, rel))
			foreach(ic, RelationGetIndexList(part))
				if (!get_rel_relispartition(lfirst_oid(ic)))
					out = lappend(out, list_make2_oid(lfirst_oid(ic), lfirst_oid(lc)));
		relation_close(part, AccessShareLock);
	}
	return out;
}

/*
 * Catalog: every valid unique index of REL and of its partitions, and
 * which DEFAULTs are volatile.
 */
void
UniquesLoad(Aggregate *agg, Relation rel)
{
	List	   *indexes = RelationGetIndexList(rel);
	List	   *partidx = rel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE ? partition_indexes(rel) : NIL;
	ListCell   *lc;

	agg->ukeys = palloc0(sizeof(UniqueKey) * Max(list_length(indexes) + list_length(partidx), 1));
	agg->nukeys = 0;
	foreach(lc, indexes)
	{
		Relation	irel = index_open(lfirst_oid(lc), AccessShareLock);

		key_from_index(agg, irel, NIL);
		index_close(irel, AccessShareLock);
	}
	foreach(lc, partidx)
	{
		Relation	irel = index_open(linitial_oid(lfirst(lc)), AccessShareLock);
		Relation	part = relation_open(lsecond_oid(lfirst(lc)), AccessShareLock);

		key_from_index(agg, irel, copyObject(RelationGetPartitionQual(part)));
		relation_close(part, AccessShareLock);
		index_close(irel, AccessShareLock);
	}
	defaults_volatility(agg, rel);
}

/* Does key U read a column left to a volatile DEFAULT (unique by its sequence)? */
static bool
key_has_sequence(Aggregate *agg, UniqueKey *u)
{
	for (int i = 0; i < agg->ncols; i++)
		if (agg->cols[i].kind == COL_DEFAULT && agg->cols[i].defvolatile &&
			bms_is_member(agg->cols[i].attnum, u->attrs))
			return true;
	return false;
}

/*
 * Before type generators are chosen: a unique column left to a constant
 * DEFAULT gets a generated value instead (every row would repeat it), and
 * a constant DEFAULT another key reads is evaluated by faker.
 */
void
UniquesDefaults(Aggregate *agg)
{
	for (int k = 0; k < agg->nukeys; k++)
	{
		UniqueKey  *u = &agg->ukeys[k];

		if (key_has_sequence(agg, u))
			continue;
		if (u->nkeys == 1 && u->col[0] >= 0 && u->pred == NIL)
		{
			ModelColumn *c = &agg->cols[u->col[0]];

			if (c->kind == COL_DEFAULT)
			{
				c->kind = COL_GEN;
				c->unique = true;
				continue;
			}
		}
		for (int i = 0; i < agg->ncols; i++)
			if (agg->cols[i].kind == COL_DEFAULT && bms_is_member(agg->cols[i].attnum, u->attrs))
				agg->cols[i].evaldefault = true;
	}
}

/* Are reference R's columns exactly key U's (plain) columns? */
static bool
ref_is_key(ModelRef *r, UniqueKey *u)
{
	if (!u->simple || u->nkeys != r->nkeys)
		return false;
	for (int k = 0; k < u->nkeys; k++)
	{
		bool		found = false;

		for (int j = 0; j < r->nkeys; j++)
			found |= r->col[j] == u->col[k];
		if (!found)
			return false;
	}
	return true;
}

/* After the spec: which keys faker checks, and one-to-one references. */
void
UniquesPrepare(Aggregate *agg)
{
	agg->nuactive = 0;
	for (int k = 0; k < agg->nukeys; k++)
	{
		UniqueKey  *u = &agg->ukeys[k];

		u->active = !key_has_sequence(agg, u);
		for (int j = 0; j < u->nkeys && u->active; j++)
			if (u->col[j] >= 0)
			{
				ModelColumn *c = &agg->cols[u->col[j]];

				/* numbered by faker: unique whatever the other columns */
				if (c->kind == COL_SERIAL_INT)
					u->active = false;
				/* a single generated column with its own check */
				if (u->simple && u->nkeys == 1 && c->unique && c->kind == COL_GEN && !c->reuse)
					u->active = false;
			}
		if (u->active)
			agg->nuactive++;
	}
	for (int i = 0; i < agg->nrefs; i++)
	{
		ModelRef   *r = &agg->refs[i];

		r->one_to_one = false;
		for (int k = 0; k < agg->nukeys; k++)
			if (agg->ukeys[k].active && ref_is_key(r, &agg->ukeys[k]))
			{
				r->one_to_one = true;
				r->o2o_key = k;
				if (!r->has_spec)
					r->spec.mean = 1;
				break;
			}
	}
}

/* A hash of datum D by its storage (by value, fixed length, varlena). */
static uint64
datum_hash(bool byval, int16 len, Datum d)
{
	if (byval)
		return FakerHash64(&d, sizeof(Datum), 11);
	if (len > 0)
		return FakerHash64(DatumGetPointer(d), len, 11);
	if (len == -2)
		return FakerHash64(DatumGetPointer(d), strlen(DatumGetCString(d)), 11);
	{
		struct varlena *v = pg_detoast_datum_packed((struct varlena *) DatumGetPointer(d));

		return FakerHash64(VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), 11);
	}
}

/* The hash of a key tuple; false when a NULL makes it distinct from all. */
static bool
tuple_hash(UniqueKey *u, const Datum *vals, const bool *nulls, uint64 *h)
{
	uint64		acc = 0x9e3779b97f4a7c15ULL;

	for (int k = 0; k < u->nkeys; k++)
	{
		uint64		x;

		if (nulls[k])
		{
			if (!u->nulls_not_distinct)
				return false;
			x = 0x5bd1e995;
		}
		else
			x = datum_hash(u->typbyval[k], u->typlen[k], vals[k]);
		acc = (acc ^ x) * 0x100000001b3ULL + (acc >> 29);
	}
	*h = acc;
	return true;
}

/* Seed key U's set with the tuples already in the table. */
static void
seed_key(Aggregate *agg, UniqueKey *u)
{
	StringInfoData sql;
	Portal		p;

	initStringInfo(&sql);
	appendStringInfo(&sql, "SELECT %s FROM %s", pg_get_indexdef_columns(u->indexoid, false), agg->qualname);
	if (u->pred != NIL)
	{
		Node	   *pred = (Node *) make_ands_explicit(u->pred);
		List	   *ctx = deparse_context_for(get_rel_name(agg->relid), agg->relid);

		appendStringInfo(&sql, " WHERE %s", deparse_expression(pred, ctx, false, false));
	}
	p = FakerSPICursorOpen(sql.data, 0, NULL, NULL, NULL, false);
	for (;;)
	{
		FakerSPIFetch(p, true, 10000);
		if (SPI_processed == 0)
			break;
		for (uint64 t = 0; t < SPI_processed; t++)
		{
			Datum		vals[MODEL_MAX_KEYS];
			bool		nulls[MODEL_MAX_KEYS];
			uint64		h;

			for (int k = 0; k < u->nkeys; k++)
				vals[k] = SPI_getbinval(SPI_tuptable->vals[t], SPI_tuptable->tupdesc, k + 1, &nulls[k]);
			if (tuple_hash(u, vals, nulls, &h))
				HashSetAdd(u->seen, h);
		}
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
	}
	SPI_cursor_close(p);
}

/*
 * The sequence key U's one column takes its values from (its DEFAULT's
 * nextval, or its identity), or InvalidOid.
 */
static Oid
key_sequence(Aggregate *agg, UniqueKey *u)
{
	ModelColumn *c;
	Relation	rel;
	Node	   *def;
	Oid			seq = InvalidOid;

	if (!u->simple || u->nkeys != 1 || u->col[0] < 0)
		return InvalidOid;
	c = &agg->cols[u->col[0]];
	if (c->identity)
		return getIdentitySequence(agg->relid, c->attnum, true);
	rel = relation_open(agg->relid, AccessShareLock);
	def = c->hasdef ? build_column_default(rel, c->attnum) : NULL;
	relation_close(rel, AccessShareLock);
	def = strip_implicit_coercions(def);
	if (def && IsA(def, FuncExpr) && ((FuncExpr *) def)->funcid == F_NEXTVAL &&
		IsA(linitial(((FuncExpr *) def)->args), Const))
		seq = DatumGetObjectId(((Const *) linitial(((FuncExpr *) def)->args))->constvalue);
	return seq;
}

/* Unique indexes whose sequence was found ahead of the table (session). */
static List *seq_ahead = NIL;

/*
 * A key numbered by an ascending sequence is unique by construction, as
 * long as the sequence is ahead of the table: rows restored or inserted
 * with explicit values may have left it behind, and the next values
 * would repeat keys.  Such a key, when faker evaluates its DEFAULT
 * (a table's key), is checked like the others: a row whose value is
 * taken is made again with the next value.  A key found ahead is not
 * looked at again in the session (one indexed max() per key, once).
 */
static bool
key_sequence_behind(Aggregate *agg, UniqueKey *u)
{
	ModelColumn *c;
	Oid			seq;
	Datum		arg;
	Oid			type = OIDOID;
	bool		isnull;
	bool		behind;

	if (!u->simple || u->nkeys != 1 || u->col[0] < 0 || agg->cols[u->col[0]].kind != COL_KEYDEFAULT)
		return false;
	/* found ahead once in this session: faker's own rows keep it so */
	if (list_member_oid(seq_ahead, u->indexoid))
		return false;
	seq = key_sequence(agg, u);
	if (!OidIsValid(seq))
		return false;
	c = &agg->cols[u->col[0]];
	arg = ObjectIdGetDatum(seq);
	if (FakerSPIExecute(psprintf("SELECT (SELECT pg_catalog.max(%s::pg_catalog.int8) FROM %s) OPERATOR(pg_catalog.>=) "
								 "COALESCE(pg_catalog.pg_sequence_last_value($1) OPERATOR(pg_catalog.+) s.seqincrement, s.seqstart) "
								 "FROM pg_catalog.pg_sequence s "
								 "WHERE s.seqrelid OPERATOR(pg_catalog.=) $1 AND s.seqincrement OPERATOR(pg_catalog.>) 0",
								 quote_identifier(c->name), agg->qualname),
						1, &type, &arg, NULL, true, 1) < 0 || SPI_processed != 1)
		return false;
	behind = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	if (!isnull && behind)
		return true;
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		seq_ahead = lappend_oid(seq_ahead, u->indexoid);
		MemoryContextSwitchTo(old);
	}
	return false;
}

/* Call: expression states, the references in each key, the tuples in the table. */
void
UniquesOpen(FakerPlan *plan, Aggregate *agg)
{
	bool		need_slot = false;

	agg->uslot = NULL;
	for (int i = 0; i < agg->nrefs; i++)
		agg->refs[i].o2o_next = 0;
	for (int k = 0; k < agg->nukeys; k++)
		if (!agg->ukeys[k].active && key_sequence_behind(agg, &agg->ukeys[k]))
		{
			agg->ukeys[k].active = true;
			agg->nuactive++;
		}
	if (agg->nuactive == 0)
		return;
	for (int k = 0; k < agg->nukeys; k++)
	{
		UniqueKey  *u = &agg->ukeys[k];
		ListCell   *lc;

		if (!u->active)
			continue;
		u->seen = HashSetCreate(CurrentMemoryContext);
		u->exprstates = NIL;
		foreach(lc, u->exprs)
			u->exprstates = lappend(u->exprstates, ExecPrepareExpr((Expr *) lfirst(lc), plan->estate));
		u->predstate = u->pred ? ExecPrepareQual(u->pred, plan->estate) : NULL;
		need_slot |= !u->simple;
		u->refs = palloc0(sizeof(bool) * Max(agg->nrefs, 1));
		for (int i = 0; i < agg->nrefs; i++)
			for (int j = 0; j < agg->refs[i].nkeys; j++)
				u->refs[i] |= bms_is_member(agg->cols[agg->refs[i].col[j]].attnum, u->attrs);
		seed_key(agg, u);
	}
	if (need_slot)
	{
		Relation	rel = relation_open(agg->relid, AccessShareLock);
		TupleDesc	desc = CreateTupleDescCopy(RelationGetDescr(rel));

		relation_close(rel, AccessShareLock);
		agg->uslot = MakeSingleTupleTableSlot(desc, &TTSOpsVirtual);
	}
}

/* The tuple of key U in the row VALS/NULLS; false if it is not checked. */
static bool
row_tuple(FakerPlan *plan, Aggregate *agg, UniqueKey *u, const Datum *vals, const bool *nulls, uint64 *h)
{
	Datum		kv[MODEL_MAX_KEYS];
	bool		kn[MODEL_MAX_KEYS];

	if (u->simple)
	{
		for (int k = 0; k < u->nkeys; k++)
		{
			kv[k] = vals[u->col[k]];
			kn[k] = nulls[u->col[k]];
		}
		return tuple_hash(u, kv, kn, h);
	}
	else
	{
		ExprContext *econtext = GetPerTupleExprContext(plan->estate);
		TupleTableSlot *slot = agg->uslot;
		ListCell   *ec = list_head(u->exprstates);

		AggregateFillSlot(agg, slot, vals, nulls);
		econtext->ecxt_scantuple = slot;
		if (u->predstate && !ExecQual(u->predstate, econtext))
			return false;
		for (int k = 0; k < u->nkeys; k++)
		{
			if (u->col[k] >= 0)
			{
				kv[k] = vals[u->col[k]];
				kn[k] = nulls[u->col[k]];
			}
			else
			{
				kv[k] = ExecEvalExprSwitchContext(lfirst(ec), econtext, &kn[k]);
				ec = lnext(u->exprstates, ec);
			}
		}
		return tuple_hash(u, kv, kn, h);
	}
}

/*
 * The first unique key whose tuple the row VALS repeats, or -1: then the
 * row's tuples are taken (uniques.h).
 */
int
UniquesConflict(FakerPlan *plan, Aggregate *agg, const Datum *vals, const bool *nulls)
{
	uint64		h[64];
	bool		has[64];
	int			n = 0;

	for (int k = 0; k < agg->nukeys && n < 64; k++)
	{
		UniqueKey  *u = &agg->ukeys[k];

		if (!u->active)
			continue;
		has[n] = row_tuple(plan, agg, u, vals, nulls, &h[n]);
		if (has[n] && HashSetHas(u->seen, h[n]))
			return k;
		n++;
	}
	n = 0;
	for (int k = 0; k < agg->nukeys && n < 64; k++)
	{
		if (!agg->ukeys[k].active)
			continue;
		if (has[n])
			HashSetAdd(agg->ukeys[k].seen, h[n]);
		n++;
	}
	return -1;
}

/*
 * After ATTEMPT conflicts on KEY: set FORCE for the references to create a
 * new parent; an error when the attempts are exhausted.
 */
void
UniquesRedraw(Aggregate *agg, int key, int attempt, bool *force)
{
	UniqueKey  *u = &agg->ukeys[key];

	if (attempt + 1 >= UNIQUE_ATTEMPTS)
	{
		StringInfoData cols;
		Oid			seq = key_sequence(agg, u);
		char	   *seqname = OidIsValid(seq) ?
			quote_qualified_identifier(get_namespace_name(get_rel_namespace(seq)), get_rel_name(seq)) : NULL;

		initStringInfo(&cols);
		appendStringInfoString(&cols, pg_get_indexdef_columns(u->indexoid, false));
		if (OidIsValid(seq) && agg->cols[u->col[0]].kind == COL_KEYDEFAULT)
			ereport(ERROR,
					(errcode(ERRCODE_UNIQUE_VIOLATION),
					 errmsg("aggregate \"%s\": could not make a row with a new key for unique constraint \"%s\" (%s)",
							agg->name, u->name, cols.data),
					 errdetail("Sequence %s is behind the values in the table: its next %d values are taken.",
							   seqname, UNIQUE_ATTEMPTS),
					 errhint("Move the sequence past them: SELECT setval('%s', max(%s)) FROM %s.",
							 seqname, cols.data, agg->qualname),
					 err_generic_string(PG_DIAG_CONSTRAINT_NAME, u->name)));
		ereport(ERROR,
				(errcode(ERRCODE_UNIQUE_VIOLATION),
				 errmsg("aggregate \"%s\": could not make a row with a new key for unique constraint \"%s\" (%s)",
						agg->name, u->name, cols.data),
				 errdetail("%d rows in a row repeated a key already used%s.", UNIQUE_ATTEMPTS,
						   u->pred ? " (among the rows the index's predicate covers)" : ""),
				 errhint("Give the key's columns a wider source (a generator, more \"values\"), "
						 "or let its references create parents."),
				 err_generic_string(PG_DIAG_CONSTRAINT_NAME, u->name)));
	}
	/* a repeated seed walks the same path as an earlier call: leave it */
	for (int i = 0; i < agg->ncols; i++)
	{
		ModelColumn *c = &agg->cols[i];

		if (c->kind == COL_GEN && bms_is_member(c->attnum, u->attrs))
			FakerRngInitStream(&c->rng, FakerRngNext(&c->rng), "unique", c->name);
	}
	if (attempt + 1 >= UNIQUE_REUSE)
		for (int i = 0; i < agg->nrefs; i++)
			force[i] |= u->refs[i];
}

/*
 * Whether the parent at pool position POS is not referenced yet through
 * one-to-one reference R.
 */
bool
UniquesParentFree(Aggregate *agg, ModelRef *r, int64 pos)
{
	UniqueKey  *u = &agg->ukeys[r->o2o_key];
	Aggregate  *parent = r->parent;
	Datum		kv[MODEL_MAX_KEYS];
	bool		kn[MODEL_MAX_KEYS];
	uint64		h;

	for (int k = 0; k < u->nkeys; k++)
		for (int j = 0; j < r->nkeys; j++)
			if (r->col[j] == u->col[k])
			{
				int64		at = pos * parent->nkeys + r->pkey[j];

				kv[k] = parent->pool.keys[at];
				kn[k] = parent->pool.nulls[at];
			}
	if (!tuple_hash(u, kv, kn, &h))
		return true;
	return !HashSetHas(u->seen, h);
}
