/*
 * partfkeys.c: foreign keys a partitioned table's partitions declare on
 * their own, read as foreign keys of the partitioned table.
 *
 * A schema may put a foreign key on the partitions instead of on the
 * partitioned table (pagila's payment_p2022_01 ... reference customer).
 * faker fills the partitioned table, so without them such a column would
 * get values by type and the partitions' checks would reject the rows.
 * Every foreign key of a leaf partition that is not the partitioned
 * table's (a partition's copy of one) is a reference of the partitioned
 * table, once for all the leaves that declare it (the same columns, by
 * name, to the same table and columns), named as the first one's
 * constraint: a value that satisfies it is right in every partition,
 * those that do not declare it too.
 */
#include "postgres.h"

#include "access/table.h"
#include "catalog/pg_class.h"
#include "catalog/pg_inherits.h"
#include "nodes/pg_list.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"

#include "model/modelpriv.h"

/*
 * Foreign key FK of partition PART in the attnums of partitioned table
 * PARENT (columns matched by name), or NULL when a column is missing.
 */
static ForeignKeyCacheInfo *
in_parent(ForeignKeyCacheInfo *fk, Oid part, Oid parent)
{
	ForeignKeyCacheInfo *out = makeNode(ForeignKeyCacheInfo);

	*out = *fk;
	out->conrelid = parent;
	for (int k = 0; k < fk->nkeys; k++)
	{
		out->conkey[k] = get_attnum(parent, get_attname(part, fk->conkey[k], false));
		if (out->conkey[k] == InvalidAttrNumber)
			return NULL;
	}
	return out;
}

/* Do foreign keys A and B (both in the parent's attnums) say the same? */
static bool
same_fkey(ForeignKeyCacheInfo *a, ForeignKeyCacheInfo *b)
{
	if (a->nkeys != b->nkeys || a->confrelid != b->confrelid)
		return false;
	for (int k = 0; k < a->nkeys; k++)
		if (a->conkey[k] != b->conkey[k] || a->confkey[k] != b->confkey[k])
			return false;
	return true;
}

/* The foreign keys of partition PART, in the attnums of PARENT. */
static List *
leaf_fkeys(Oid part, Oid parent)
{
	Relation	rel = table_open(part, AccessShareLock);
	List	   *out = NIL;
	ListCell   *lc;

	foreach(lc, RelationGetFKeyList(rel))
	{
		ForeignKeyCacheInfo *fk = lfirst(lc);
		ForeignKeyCacheInfo *p;

		if ((p = in_parent(fk, part, parent)) != NULL)
			out = lappend(out, p);
	}
	table_close(rel, AccessShareLock);
	return out;
}

/*
 * The foreign keys leaf partitions of REL declare on their own, once each
 * (the same columns to the same table count once), as ForeignKeyCacheInfo
 * in REL's attnums: catalog.c adds them to REL's.  NIL for a table that
 * is not partitioned.
 */
List *
PartitionForeignKeys(Relation rel)
{
	Oid			relid = RelationGetRelid(rel);
	List	   *own = RelationGetFKeyList(rel);
	List	   *all = NIL;
	ListCell   *lc;

	if (rel->rd_rel->relkind != RELKIND_PARTITIONED_TABLE)
		return NIL;
	foreach(lc, find_all_inheritors(relid, AccessShareLock, NULL))
	{
		ListCell   *m;

		if (get_rel_relkind(lfirst_oid(lc)) == RELKIND_PARTITIONED_TABLE)
			continue;
		foreach(m, leaf_fkeys(lfirst_oid(lc), relid))
		{
			ListCell   *c;
			bool		found = false;

			/* one of REL's own (a partition's copy of it), or one seen */
			foreach(c, own)
				found |= same_fkey(lfirst(c), lfirst(m));
			foreach(c, all)
				found |= same_fkey(lfirst(c), lfirst(m));
			if (!found)
				all = lappend(all, lfirst(m));
		}
	}
	return all;
}

/*
 * The first reason WHY gives for one of the tables of partitioned table
 * REL (itself, its sub-partitioned tables and its leaves, each opened),
 * or NULL when it has none for any: what keeps a writer or a batch check
 * off a partitioned table (multiinsert.c, fkcheck.c).
 */
const char *
PartitionsReason(Relation rel, const char *(*why) (Relation part))
{
	List	   *parts = find_all_inheritors(RelationGetRelid(rel), AccessShareLock, NULL);
	ListCell   *lc;
	const char *reason = NULL;

	foreach(lc, parts)
	{
		Relation	part = table_open(lfirst_oid(lc), NoLock);

		reason = why(part);
		table_close(part, NoLock);
		if (reason)
			break;
	}
	return reason;
}
