/*
 * cache.c: pools and uses kept in the session between calls (README,
 * "Performance": small calls).
 *
 * A call draws from pools that earlier calls made, and plans from their
 * uses (uses.c).  Reading them whole at every call makes a one-row call
 * over a million parents cost a million rows read.  So each backend keeps
 * what it read, and the next call reads only what is new:
 *
 *   - a pool's keys, by the pool table's OID: entries 0..n-1 in position
 *     order.  A call reads the entries at positions n and beyond (the
 *     primary key on pos makes it an index range scan) and keeps those
 *     that are committed: an entry this transaction wrote (its xmin is the
 *     current transaction or one of its subtransactions) is used by the
 *     call but not kept, since the transaction may still roll back.  The
 *     committed entries always form a prefix of positions: appends are
 *     serialised by the call lock (call.c) until their transaction ends.
 *     An entry is valid while the pool table has the same OID and storage
 *     (a rebuild makes a new table, a TRUNCATE new storage).
 *   - the uses of a pool by one reader (uses table OID and reader): the
 *     counts as read, plus the uses this session made since, counted when
 *     its calls write them.  If the (sub)transaction that wrote them last
 *     did not commit, the counts are read again (a rolled-back call leaves
 *     the state as it was: same seed, same rows).  Uses written by other
 *     sessions are not seen until the counts are read again: after this
 *     session has drawn as many as 1% of the uses read (at least
 *     USES_REREAD_MIN), so the drift of the plans stays within about 1%
 *     per concurrent session.
 *
 * A call pins the entries it uses until its memory goes (its end, or the
 * error that ends it): a call that finds an entry pinned by another call
 * still running in the session (a paused faker_rows) reads for itself, so
 * the two never write the same arrays; uses that a call counted but did
 * not write (it failed) make their entry read again.
 *
 * Memory: entries live in one context under TopMemoryContext; when what
 * they keep exceeds faker.pool_cache (MB), the least recently used entries
 * not pinned are dropped at the next lookup (0 keeps nothing).
 */
#include "postgres.h"

#include "access/transam.h"
#include "access/xact.h"
#include "storage/lwlock.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "faker.h"
#include "model/engine.h"

#define USES_REREAD_MIN		1024

int			faker_pool_cache_mb = 256;

static MemoryContext cache_cxt = NULL;
static HTAB *pool_entries = NULL;
static HTAB *uses_entries = NULL;
static uint64 cache_clock = 0;

typedef struct UsesKey
{
	Oid			usesrel;
	char		via[NAMEDATALEN];
} UsesKey;

/* Create the cache's context and tables on first use. */
static void
cache_init(void)
{
	if (cache_cxt != NULL)
		return;
	cache_cxt = AllocSetContextCreate(TopMemoryContext, "faker pool cache", ALLOCSET_DEFAULT_SIZES);
	pool_entries = FakerHashCreate("faker pool cache", 16, sizeof(Oid),
								   sizeof(PoolCacheEntry), cache_cxt);
	uses_entries = FakerHashCreate("faker uses cache", 16, sizeof(UsesKey),
								   sizeof(UsesCacheEntry), cache_cxt);
}

/* Bytes an entry keeps (keys, their nulls; uses and deltas). */
static Size
pool_bytes(PoolCacheEntry *e)
{
	return e->cxt ? MemoryContextMemAllocated(e->cxt, true) : 0;
}

/* Bytes an entry's uses and deltas take (two int64 arrays of its capacity). */
static Size
uses_bytes(UsesCacheEntry *e)
{
	return (Size) e->cap * 2 * sizeof(int64);
}

/* Forget the kept keys of E (it stays, empty). */
static void
pool_entry_clear(PoolCacheEntry *e)
{
	if (e->cxt)
		MemoryContextDelete(e->cxt);
	e->cxt = NULL;
	e->keys = NULL;
	e->nulls = NULL;
	e->n = e->cap = 0;
}

/*
 * Empty entry E (its arrays freed): counts that may be wrong (uses drawn
 * but not written, another node's, too old) are read again from the uses
 * table by the next call.
 */
static void
uses_entry_clear(UsesCacheEntry *e)
{
	if (e->uses)
		pfree(e->uses);
	if (e->delta)
		pfree(e->delta);
	e->uses = e->delta = NULL;
	e->n = e->cap = 0;
	e->loaded = false;
	e->dirty = false;
	e->xid = InvalidTransactionId;
}

/*
 * Did the uses E counted last come from a transaction that rolled back (or
 * one too old to tell)?  Those of the current transaction and its live
 * subtransactions count; committed ones are checked once.
 */
static bool
uses_rolled_back(UsesCacheEntry *e)
{
	bool		old;

	if (!TransactionIdIsValid(e->xid) || TransactionIdIsCurrentTransactionId(e->xid))
		return false;
	LWLockAcquire(XactTruncationLock, LW_SHARED);
	old = TransactionIdPrecedes(e->xid, ShmemVariableCache->oldestClogXid);
	LWLockRelease(XactTruncationLock);
	if (old || !TransactionIdDidCommit(e->xid))
		return true;
	e->xid = InvalidTransactionId;
	return false;
}

/* Memory context callback: the call that pinned a pool entry is over. */
static void
pool_unpin(void *arg)
{
	((PoolCacheEntry *) arg)->pins--;
}

/* The same for a uses entry; uses counted and never written are forgotten. */
static void
uses_unpin(void *arg)
{
	UsesCacheEntry *e = arg;

	e->pins--;
	if (e->dirty)
		uses_entry_clear(e);
}

/* Pin an entry for the call whose memory is CALLCXT. */
static void
pin(int *pins, MemoryContextCallbackFunction fn, void *arg, MemoryContext callcxt)
{
	MemoryContextCallback *cb = MemoryContextAlloc(callcxt, sizeof(MemoryContextCallback));

	cb->func = fn;
	cb->arg = arg;
	MemoryContextRegisterResetCallback(callcxt, cb);
	(*pins)++;
}

/*
 * Drop least recently used entries not pinned until the cache holds less
 * than faker.pool_cache.
 */
static void
cache_trim(void)
{
	Size		budget = (Size) faker_pool_cache_mb * 1024 * 1024;

	for (;;)
	{
		HASH_SEQ_STATUS seq;
		PoolCacheEntry *pe,
				   *oldp = NULL;
		UsesCacheEntry *ue,
				   *oldu = NULL;
		Size		total = 0;

		hash_seq_init(&seq, pool_entries);
		while ((pe = hash_seq_search(&seq)) != NULL)
		{
			total += pool_bytes(pe);
			if (pe->pins == 0 && pe->cxt && (oldp == NULL || pe->used < oldp->used))
				oldp = pe;
		}
		hash_seq_init(&seq, uses_entries);
		while ((ue = hash_seq_search(&seq)) != NULL)
		{
			total += uses_bytes(ue);
			if (ue->pins == 0 && ue->cap > 0 && (oldu == NULL || ue->used < oldu->used))
				oldu = ue;
		}
		if (total <= budget || (oldp == NULL && oldu == NULL))
			return;
		if (oldp && (oldu == NULL || oldp->used <= oldu->used))
			pool_entry_clear(oldp);
		else
			uses_entry_clear(oldu);
	}
}

/*
 * The kept keys of the pool table POOLREL (of NKEYS keys of TYPES), valid
 * for its storage now (an empty entry when nothing valid is kept), pinned
 * for the call whose memory is CALLCXT.  NULL when faker.pool_cache is 0
 * or another call of the session has the entry.
 */
PoolCacheEntry *
PoolCacheLookup(Oid poolrel, int nkeys, const Oid *types, MemoryContext callcxt)
{
	PoolCacheEntry *e;
	bool		found;
	Oid			node = PoolRelFilenode(poolrel);

	if (faker_pool_cache_mb <= 0)
		return NULL;
	cache_init();
	e = hash_search(pool_entries, &poolrel, HASH_ENTER, &found);
	if (!found)
	{
		e->cxt = NULL;
		e->keys = NULL;
		e->nulls = NULL;
		e->n = e->cap = 0;
		e->pins = 0;
	}
	if (e->pins > 0)
		return NULL;
	if (!found || e->node != node || e->nkeys != nkeys ||
		memcmp(e->types, types, sizeof(Oid) * nkeys) != 0)
	{
		pool_entry_clear(e);
		e->node = node;
		e->nkeys = nkeys;
		memcpy(e->types, types, sizeof(Oid) * nkeys);
	}
	if (e->cxt == NULL)
		e->cxt = AllocSetContextCreate(cache_cxt, "faker pool cache entry", ALLOCSET_DEFAULT_SIZES);
	e->used = ++cache_clock;
	pin(&e->pins, pool_unpin, e, callcxt);
	cache_trim();
	return e;
}

/*
 * Forget every kept pool and uses (faker_reset).  Entries a paused call
 * still uses stay: their tables are gone, so no lookup finds them again.
 */
void
PoolCacheForget(void)
{
	HASH_SEQ_STATUS seq;
	PoolCacheEntry *pe;
	UsesCacheEntry *ue;

	if (cache_cxt == NULL)
		return;
	hash_seq_init(&seq, pool_entries);
	while ((pe = hash_seq_search(&seq)) != NULL)
		if (pe->pins == 0)
			pool_entry_clear(pe);
	hash_seq_init(&seq, uses_entries);
	while ((ue = hash_seq_search(&seq)) != NULL)
		if (ue->pins == 0)
			uses_entry_clear(ue);
}

/*
 * The kept uses of the uses table USESREL by reader VIA, pinned for the
 * call whose memory is CALLCXT; e->loaded is false when they must be read
 * (new, or stale: see the head comment).  NULL when faker.pool_cache is 0,
 * VIA is too long, or another call of the session has the entry.
 */
UsesCacheEntry *
UsesCacheLookup(Oid usesrel, const char *via, MemoryContext callcxt)
{
	UsesKey		key;
	UsesCacheEntry *e;
	bool		found;
	Oid			node = PoolRelFilenode(usesrel);

	if (faker_pool_cache_mb <= 0 || strlen(via) >= NAMEDATALEN)
		return NULL;
	cache_init();
	memset(&key, 0, sizeof(key));
	key.usesrel = usesrel;
	strlcpy(key.via, via, NAMEDATALEN);
	e = hash_search(uses_entries, &key, HASH_ENTER, &found);
	if (!found)
	{
		e->uses = e->delta = NULL;
		e->n = e->cap = 0;
		e->loaded = false;
		e->pins = 0;
		e->dirty = false;
		e->xid = InvalidTransactionId;
	}
	if (e->pins > 0)
		return NULL;
	if (!found || e->node != node || e->drawn >= Max(USES_REREAD_MIN, e->total / 100) ||
		uses_rolled_back(e))
		uses_entry_clear(e);
	e->node = node;
	if (!e->loaded)
	{
		e->total = 0;
		e->drawn = 0;
	}
	e->used = ++cache_clock;
	pin(&e->pins, uses_unpin, e, callcxt);
	cache_trim();
	return e;
}

/* Memory for the arrays of uses entries. */
MemoryContext
UsesCacheContext(void)
{
	cache_init();
	return cache_cxt;
}
