/*
 * fkknown.c: the foreign keys a call has already checked (fkcheck.c).
 *
 * A batch check locks every referenced row it finds FOR KEY SHARE, and the
 * lock holds until the transaction ends: no other transaction can delete
 * the row or change its key before then.  So a key checked once in a call
 * need not be checked again in that call, unless this transaction itself
 * removed the row since.  The set of such keys is kept per foreign key, as
 * the keys' exact binary images (16 bytes at most: one or two integers, a
 * uuid, a short text; longer keys are always checked).  The keys of rows
 * the multi-insert writer has just written join the sets of the foreign
 * keys into their table (FkKnownWritten): until this transaction ends no
 * other can see, lock or delete them, so the parents a call makes are
 * never checked by a statement.  The sets are emptied when
 * anything in this transaction could have removed a referenced row:
 *
 *   - an UPDATE, DELETE or MERGE, an INSERT ... ON CONFLICT DO UPDATE or a
 *     statement with a data-modifying WITH, writing to a table a set
 *     watches, both when it starts (the ExecutorStart hook of fkcheck.c
 *     calls FkKnownNoteQuery) and when it has finished (the ExecutorFinish
 *     hook below): a paused call (a cursor over faker_rows or faker_pipe)
 *     can check keys while such a statement runs, before it removes their
 *     rows (a data-modifying WITH runs last, cascades at its end); a
 *     cascading delete reaches the table through such a statement too;
 *   - a TRUNCATE, ALTER TABLE or DROP of anything (the ProcessUtility hook
 *     below: DETACH PARTITION takes rows out of a partitioned parent);
 *   - the abort of a subtransaction (its row locks and rows are gone).
 *
 * Binary equality implies the constraint's equality, so a key found in the
 * set is one whose row was seen and locked, or written by this
 * transaction; a value equal by the operator but stored differently is
 * merely checked again.  A partitioned parent's
 * rows live in its partitions: all of them are watched.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_inherits.h"
#include "common/hashfn.h"
#include "executor/execdesc.h"
#include "executor/executor.h"
#include "executor/tuptable.h"
#include "nodes/plannodes.h"
#include "parser/parsetree.h"
#include "tcop/utility.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "model/fkcheck.h"

/* A key's binary image: its columns' bytes, each varlena led by its length. */
typedef struct FkImage
{
	uint64		w[2];
} FkImage;

typedef struct FkKnownEntry
{
	FkImage		key;
	uint32		hash;
	char		status;
} FkKnownEntry;

#define SH_PREFIX		fkknown
#define SH_ELEMENT_TYPE	FkKnownEntry
#define SH_KEY_TYPE		FkImage
#define SH_KEY			key
#define SH_HASH_KEY(tb, k)	((uint32) hash_bytes_uint32_extended((uint32) ((k).w[0] ^ ((k).w[0] >> 32)), (k).w[1]))
#define SH_EQUAL(tb, a, b)	((a).w[0] == (b).w[0] && (a).w[1] == (b).w[1])
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a)	((a)->hash)
#define SH_SCOPE		static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* Keys a set holds at most: past that it starts again (about 64 MB). */
#define FK_KNOWN_MAX	(2 * 1024 * 1024)
/* Parent tables watched at once (sets beyond that stay empty). */
#define FK_WATCH_MAX	64

struct FkKnown
{
	Oid			pkrelid;
	List	   *rels;			/* the tables watched: the parent, its partitions */
	AttrNumber	pkatts[INDEX_MAX_KEYS]; /* the parent's referenced columns */
	Oid			types[INDEX_MAX_KEYS];	/* the foreign key columns' types */
	int			nkeys;
	int16		typlen[INDEX_MAX_KEYS];
	bool		typbyval[INDEX_MAX_KEYS];
	uint64		generation;		/* fk_generation when last emptied */
	fkknown_hash *set;
};

/* Bumped by whatever may remove a referenced row in this transaction. */
static uint64 fk_generation = 1;
static Oid	watched[FK_WATCH_MAX];
static int	nwatched[FK_WATCH_MAX];
/* The sets of the calls running (FkKnownWritten adds the rows they write). */
static FkKnown *sets[FK_WATCH_MAX];
static ProcessUtility_hook_type prev_process_utility = NULL;
static ExecutorFinish_hook_type prev_executor_finish = NULL;

/* Stop watching RELID once (the last stop frees its slot). */
static void
unwatch_one(Oid relid)
{
	for (int i = 0; i < FK_WATCH_MAX; i++)
		if (watched[i] == relid && nwatched[i] > 0)
		{
			if (--nwatched[i] == 0)
				watched[i] = InvalidOid;
			return;
		}
}

/* Stop watching the tables of the set being freed (a reset callback). */
static void
unwatch(void *arg)
{
	FkKnown    *k = arg;
	ListCell   *lc;

	foreach(lc, k->rels)
		unwatch_one(lfirst_oid(lc));
	for (int i = 0; i < FK_WATCH_MAX; i++)
		if (sets[i] == k)
			sets[i] = NULL;
}

/* Watch RELID for writes; false if too many tables are watched already. */
static bool
watch(Oid relid)
{
	int			free_slot = -1;

	for (int i = 0; i < FK_WATCH_MAX; i++)
	{
		if (watched[i] == relid && nwatched[i] > 0)
		{
			nwatched[i]++;
			return true;
		}
		if (nwatched[i] == 0 && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0)
		return false;
	watched[free_slot] = relid;
	nwatched[free_slot] = 1;
	return true;
}

static bool
is_watched(Oid relid)
{
	for (int i = 0; i < FK_WATCH_MAX; i++)
		if (nwatched[i] > 0 && watched[i] == relid)
			return true;
	return false;
}

/*
 * Watch the tables whose rows are those of PKRELID: itself, and on a
 * partitioned table all its partitions (a DELETE names the partitions it
 * removes rows from among its result relations).  False when there are
 * too many to watch (nothing is watched then).
 */
static bool
watch_parent(FkKnown *k, Oid pkrelid, MemoryContext cxt)
{
	MemoryContext old = MemoryContextSwitchTo(cxt);
	ListCell   *lc;
	int			n = 0;

	if (get_rel_relkind(pkrelid) == RELKIND_PARTITIONED_TABLE)
		k->rels = find_all_inheritors(pkrelid, AccessShareLock, NULL);
	else
		k->rels = list_make1_oid(pkrelid);
	MemoryContextSwitchTo(old);
	foreach(lc, k->rels)
	{
		if (list_length(k->rels) > FK_WATCH_MAX / 2 || !watch(lfirst_oid(lc)))
		{
			for (int i = 0; i < n; i++)
				unwatch_one(list_nth_oid(k->rels, i));
			return false;
		}
		n++;
	}
	return true;
}

/*
 * The set of checked keys of a foreign key into PKRELID whose NKEYS
 * columns have types TYPES, in memory context CXT; NULL where the keys
 * cannot be kept (a parent that is not a table, key columns of variable
 * length that cannot fit, too many watched tables).
 */
FkKnown *
FkKnownCreate(Oid pkrelid, int nkeys, const Oid *types, const int16 *pkatts, MemoryContext cxt)
{
	FkKnown    *k;
	int			fixed = 0;
	char		kind = get_rel_relkind(pkrelid);
	MemoryContextCallback *cb;

	if (kind != RELKIND_RELATION && kind != RELKIND_PARTITIONED_TABLE)
		return NULL;
	k = MemoryContextAllocZero(cxt, sizeof(FkKnown));
	k->pkrelid = pkrelid;
	k->nkeys = nkeys;
	for (int i = 0; i < nkeys; i++)
	{
		k->pkatts[i] = pkatts[i];
		k->types[i] = types[i];
		get_typlenbyval(types[i], &k->typlen[i], &k->typbyval[i]);
		if (k->typlen[i] == -2)
			return NULL;
		fixed += k->typlen[i] > 0 ? k->typlen[i] : 1;
	}
	if (fixed > (int) sizeof(FkImage) || !watch_parent(k, pkrelid, cxt))
		return NULL;
	cb = MemoryContextAlloc(cxt, sizeof(MemoryContextCallback));
	cb->func = unwatch;
	cb->arg = k;
	MemoryContextRegisterResetCallback(cxt, cb);
	k->set = fkknown_create(AllocSetContextCreate(cxt, "faker checked keys", ALLOCSET_DEFAULT_SIZES), 1024, NULL);
	k->generation = fk_generation;
	for (int i = 0; i < FK_WATCH_MAX; i++)
		if (sets[i] == NULL)
		{
			sets[i] = k;
			break;
		}
	return k;
}

/* The counter FkKnownWritten compares (before a write). */
uint64
FkKnownGeneration(void)
{
	return fk_generation;
}

/*
 * COUNT rows of table RELID this transaction has just written (SLOTS, in
 * the table's layout) hold keys that need no check: until this
 * transaction ends no other can see, lock or delete them, and whatever
 * this transaction does to them empties the sets.  Their keys join every
 * set of a foreign key into RELID whose key columns have the same types,
 * unless something emptied the sets while they were written (GEN: the
 * counter before the write).
 */
void
FkKnownWritten(Oid relid, TupleTableSlot **slots, int count, uint64 gen)
{
	if (gen != fk_generation)
		return;
	for (int i = 0; i < FK_WATCH_MAX; i++)
	{
		FkKnown    *k = sets[i];
		bool		same_types = true;

		if (k == NULL || k->pkrelid != relid || count == 0)
			continue;
		for (int c = 0; c < k->nkeys; c++)
			same_types &= TupleDescAttr(slots[0]->tts_tupleDescriptor, k->pkatts[c] - 1)->atttypid == k->types[c];
		if (!same_types)
			continue;
		FkKnownValidate(k);
		for (int r = 0; r < count; r++)
		{
			Datum		key[INDEX_MAX_KEYS];
			bool		isnull = false;

			for (int c = 0; c < k->nkeys && !isnull; c++)
				key[c] = slot_getattr(slots[r], k->pkatts[c], &isnull);
			if (!isnull)
				(void) FkKnownAdd(k, key);
		}
	}
}

/* Empty K if something may have removed a referenced row since it was filled. */
void
FkKnownValidate(FkKnown *k)
{
	if (k->generation == fk_generation && k->set->members < FK_KNOWN_MAX)
		return;
	fkknown_reset(k->set);
	k->generation = fk_generation;
}

/* The image of the key VALS (no NULLs); false if it does not fit. */
static bool
key_image(FkKnown *k, const Datum *vals, FkImage *img)
{
	char	   *p = (char *) img->w;
	int			used = 0;

	img->w[0] = img->w[1] = 0;
	for (int i = 0; i < k->nkeys; i++)
	{
		int			len = k->typlen[i];

		if (k->typbyval[i])
		{
			/* the value itself, as store_att_byval keeps it: the same bytes for equal values */
			union
			{
				int64		i8;
				int32		i4;
				int16		i2;
				char		c;
			}			u;

			switch (len)
			{
				case 1:
					u.c = DatumGetChar(vals[i]);
					break;
				case 2:
					u.i2 = DatumGetInt16(vals[i]);
					break;
				case 4:
					u.i4 = DatumGetInt32(vals[i]);
					break;
				default:
					u.i8 = DatumGetInt64(vals[i]);
					break;
			}
			memcpy(p + used, &u, len);
		}
		else if (len > 0)
			memcpy(p + used, DatumGetPointer(vals[i]), len);
		else
		{
			struct varlena *v = (struct varlena *) DatumGetPointer(vals[i]);
			int			n;

			if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
				return false;	/* compressed or out of line: checked, not kept */
			n = VARSIZE_ANY_EXHDR(v);
			if (used + 1 + n > (int) sizeof(FkImage))
				return false;
			p[used] = (char) n;
			memcpy(p + used + 1, VARDATA_ANY(v), n);
			len = 1 + n;
		}
		used += len;
	}
	return true;
}

/*
 * Whether the key VALS (no NULLs) was checked already; if not, it is
 * added, as the check about to run will have checked it (or failed).
 */
bool
FkKnownAdd(FkKnown *k, const Datum *vals)
{
	FkImage		img;
	bool		found;

	if (!key_image(k, vals, &img))
		return false;
	fkknown_insert(k->set, img, &found);
	return found;
}

/*
 * From the ExecutorStart hook: a statement that may delete a watched
 * table's rows or change their keys empties every set.
 */
void
FkKnownNoteQuery(QueryDesc *qd)
{
	PlannedStmt *ps = qd->plannedstmt;
	ListCell   *lc;

	/* a SELECT writes only through a data-modifying WITH */
	if (ps == NULL || ps->resultRelations == NIL || (qd->operation == CMD_SELECT && !ps->hasModifyingCTE))
		return;
	if (qd->operation == CMD_INSERT && !ps->hasModifyingCTE && IsA(ps->planTree, ModifyTable) &&
		((ModifyTable *) ps->planTree)->onConflictAction != ONCONFLICT_UPDATE)
		return;
	foreach(lc, ps->resultRelations)
	{
		RangeTblEntry *rte = rt_fetch(lfirst_int(lc), ps->rtable);

		if (is_watched(rte->relid))
		{
			fk_generation++;
			return;
		}
	}
	if (ps->hasModifyingCTE)
		fk_generation++;
}

/*
 * ProcessUtility hook: a TRUNCATE empties every set, and so do ALTER TABLE
 * and DROP (DETACH PARTITION or dropping a partition takes rows out of a
 * partitioned parent).
 */
static void
fk_process_utility(PlannedStmt *pstmt, const char *queryString, bool readOnlyTree,
				   ProcessUtilityContext context, ParamListInfo params,
				   QueryEnvironment *queryEnv, DestReceiver *dest, QueryCompletion *qc)
{
	if (IsA(pstmt->utilityStmt, TruncateStmt) || IsA(pstmt->utilityStmt, AlterTableStmt) ||
		IsA(pstmt->utilityStmt, DropStmt))
		fk_generation++;
	if (prev_process_utility)
		prev_process_utility(pstmt, queryString, readOnlyTree, context, params, queryEnv, dest, qc);
	else
		standard_ProcessUtility(pstmt, queryString, readOnlyTree, context, params, queryEnv, dest, qc);
}

/*
 * ExecutorFinish hook: a statement that may have removed a watched table's
 * rows empties the sets again once it is done (its AFTER triggers, its
 * cascades and its data-modifying WITH have run), since keys may have been
 * checked while it ran.
 */
static void
fk_executor_finish(QueryDesc *qd)
{
	if (prev_executor_finish)
		prev_executor_finish(qd);
	else
		standard_ExecutorFinish(qd);
	FkKnownNoteQuery(qd);
}

/* A subtransaction's abort releases its row locks and removes its rows. */
static void
fk_subxact(SubXactEvent event, SubTransactionId mySubid, SubTransactionId parentSubid, void *arg)
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		fk_generation++;
}

/* _PG_init (through FkCheckInit): the hooks that empty the sets. */
void
FkKnownInit(void)
{
	prev_process_utility = ProcessUtility_hook;
	ProcessUtility_hook = fk_process_utility;
	prev_executor_finish = ExecutorFinish_hook;
	ExecutorFinish_hook = fk_executor_finish;
	RegisterSubXactCallback(fk_subxact, NULL);
}
