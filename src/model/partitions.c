/*
 * partitions.c: the partition bounds of a partitioned table (every level)
 * as criteria on its key columns, for columns without a spec, so that
 * every row lands in an existing partition: a range partition is a branch
 * {"$gte": from, "$lt": to} of an $or (one branch drawn per row, the
 * generator narrowed to it), the lists of list partitions are the
 * column's "values".  A default partition adds a branch no other
 * partition takes (above the highest range, a text value in no list).
 * Hash partitions need nothing when their remainders cover every modulus.
 * Only single-column keys on a plain column are read; a sub-level's
 * bounds are the union over its partitioned children.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/partition.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "nodes/parsenodes.h"
#include "partitioning/partbounds.h"
#include "partitioning/partdesc.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/partcache.h"
#include "utils/rel.h"
#include "utils/syscache.h"

#include "model/model.h"
#include "model/checks.h"

/* Append constant K as a JSON value (a criteria operand). */
static void
json_const(StringInfo s, Const *k)
{
	ChecksAppendJsonValue(s, k->consttype, ChecksConstText(k));
}

/* The index of AGG's column NAME, -1 if it is not one faker fills. */
static int
agg_column(Aggregate *agg, const char *name)
{
	for (int i = 0; i < agg->ncols; i++)
		if (strcmp(agg->cols[i].name, name) == 0)
			return i;
	return -1;
}

/*
 * The partition bound of partition RELID (its pg_class.relpartbound),
 * NULL if it has none.
 */
static PartitionBoundSpec *
bound_of(Oid relid)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	Datum		d;
	bool		isnull;
	PartitionBoundSpec *spec = NULL;

	if (!HeapTupleIsValid(tup))
		return NULL;
	d = SysCacheGetAttr(RELOID, tup, Anum_pg_class_relpartbound, &isnull);
	if (!isnull)
		spec = (PartitionBoundSpec *) stringToNode(TextDatumGetCString(d));
	ReleaseSysCache(tup);
	return spec;
}

/* What read_level gathers over the bounds of one level's partitions. */
typedef struct LevelBounds
{
	PartitionCriteria *p;		/* the partition key column's criteria */
	PartitionKey key;
	Const	   *maxhi;			/* the highest upper bound of a range */
	bool		open_hi;		/* a range without an upper bound */
	double		hashsum;		/* the hash partitions' share of the values */
} LevelBounds;

/* A list partition's bound B: its values (not NULL) join the column's. */
static void
list_bound(LevelBounds *lb, PartitionBoundSpec *b)
{
	ListCell   *lc;

	foreach(lc, b->listdatums)
	{
		Const	   *k = lfirst(lc);

		if (k->constisnull)
			continue;
		lb->p->values = lappend(lb->p->values, ChecksConstText(k));
		lb->p->valtype = k->consttype;
	}
}

/*
 * A range partition's bound B: a branch {"$and": [{"$gte": lo}, {"$lt":
 * hi}]} (a missing side left out; no side at all: the column is free);
 * the highest upper bound is kept for the default partition.
 */
static void
range_bound(LevelBounds *lb, PartitionBoundSpec *b)
{
	PartitionCriteria *p = lb->p;
	PartitionRangeDatum *lo = linitial(b->lowerdatums);
	PartitionRangeDatum *hi = linitial(b->upperdatums);
	int			n = 0;

	if (p->nbranches++ > 0)
		appendStringInfoString(&p->branches, ", ");
	appendStringInfoString(&p->branches, "{\"$and\": [");
	if (lo->kind == PARTITION_RANGE_DATUM_VALUE)
	{
		appendStringInfoString(&p->branches, "{\"$gte\": ");
		json_const(&p->branches, (Const *) lo->value);
		appendStringInfoChar(&p->branches, '}');
		n++;
	}
	if (hi->kind == PARTITION_RANGE_DATUM_VALUE)
	{
		appendStringInfoString(&p->branches, n ? ", {\"$lt\": " : "{\"$lt\": ");
		json_const(&p->branches, (Const *) hi->value);
		appendStringInfoChar(&p->branches, '}');
		n++;
		if (lb->maxhi == NULL ||
			DatumGetInt32(FunctionCall2Coll(&lb->key->partsupfunc[0], lb->key->partcollation[0],
											((Const *) hi->value)->constvalue,
											lb->maxhi->constvalue)) > 0)
			lb->maxhi = (Const *) hi->value;
	}
	else
		lb->open_hi = true;
	appendStringInfoChar(&p->branches, ']');
	appendStringInfoChar(&p->branches, '}');
	if (n == 0)
		p->free = true;
}

/*
 * Values for a default partition: for ranges, a branch at or above the
 * highest upper bound (when every range has one); for text lists, a value
 * in no list ("other", with "_" added until it is new).
 */
static void
default_values(LevelBounds *lb)
{
	PartitionCriteria *p = lb->p;

	if (!p->has_default)
		return;
	if (lb->key->strategy == PARTITION_STRATEGY_RANGE && lb->maxhi && !lb->open_hi)
	{
		if (p->nbranches++ > 0)
			appendStringInfoString(&p->branches, ", ");
		appendStringInfoString(&p->branches, "{\"$gte\": ");
		json_const(&p->branches, lb->maxhi);
		appendStringInfoChar(&p->branches, '}');
	}
	if (lb->key->strategy == PARTITION_STRATEGY_LIST && p->values &&
		(p->valtype == TEXTOID || p->valtype == VARCHAROID || p->valtype == BPCHAROID))
	{
		char	   *other = pstrdup("other");
		bool		taken;

		do
		{
			ListCell   *lc;

			taken = false;
			foreach(lc, p->values)
				if (strcmp(lfirst(lc), other) == 0)
					taken = true;
			if (taken)
				other = psprintf("%s_", other);
		} while (taken);
		p->values = lappend(p->values, other);
	}
}

/*
 * Read the partitions of REL (at DEPTH below the table) into the criteria
 * PC of the partition key's column: the sub-partitioned ones first,
 * recursively, then this level's bounds, one named step per strategy.
 */
static void
read_level(Aggregate *agg, Relation rel, PartitionCriteria *pc, int depth)
{
	PartitionKey key = RelationGetPartitionKey(rel);
	PartitionDesc pd = RelationGetPartitionDesc(rel, true);
	int			col;
	LevelBounds lb = {0};

	if (key == NULL || depth > 32)
		return;
	for (int i = 0; i < pd->nparts; i++)
		if (!pd->is_leaf[i])
		{
			Relation	child = table_open(pd->oids[i], AccessShareLock);

			read_level(agg, child, pc, depth + 1);
			table_close(child, AccessShareLock);
		}
	if (key->partnatts != 1 || key->partattrs[0] == 0)
		return;
	col = agg_column(agg, get_attname(RelationGetRelid(rel), key->partattrs[0], false));
	if (col < 0)
		return;
	lb.p = &pc[col];
	lb.key = key;
	for (int i = 0; i < pd->nparts; i++)
	{
		PartitionBoundSpec *b = bound_of(pd->oids[i]);

		if (b == NULL)
			continue;
		if (b->is_default)
			lb.p->has_default = true;
		else if (b->strategy == PARTITION_STRATEGY_LIST)
			list_bound(&lb, b);
		else if (b->strategy == PARTITION_STRATEGY_RANGE)
			range_bound(&lb, b);
		else if (b->strategy == PARTITION_STRATEGY_HASH && b->modulus > 0)
			lb.hashsum += 1.0 / b->modulus;
	}
	default_values(&lb);
	if (key->strategy == PARTITION_STRATEGY_HASH && !lb.p->has_default && lb.hashsum < 0.999999)
		lb.p->hash_incomplete = true;
}

/*
 * The bounds of partitioned table AGG (all levels) per column: PC has
 * agg->ncols entries, zeroed by the caller.
 */
void
PartitionsRead(Aggregate *agg, PartitionCriteria *pc)
{
	Relation	rel;

	for (int i = 0; i < agg->ncols; i++)
		initStringInfo(&pc[i].branches);
	if (get_rel_relkind(agg->relid) != RELKIND_PARTITIONED_TABLE)
		return;
	rel = table_open(agg->relid, AccessShareLock);
	read_level(agg, rel, pc, 0);
	table_close(rel, AccessShareLock);
}
