/*
 * hashset.h: a set of 64-bit hashes (unique values, members of filtered
 * pools), PostgreSQL's simplehash with the hash as its own key.
 */
#ifndef FAKER_HASHSET_H
#define FAKER_HASHSET_H

#include "postgres.h"

#include "common/hashfn.h"

typedef struct HashSetEntry
{
	uint64		key;
	char		status;
} HashSetEntry;

#define SH_PREFIX		fhset
#define SH_ELEMENT_TYPE	HashSetEntry
#define SH_KEY_TYPE		uint64
#define SH_KEY			key
#define SH_HASH_KEY(tb, k)	((uint32) ((k) ^ ((k) >> 32)))
#define SH_EQUAL(tb, a, b)	((a) == (b))
#define SH_SCOPE		static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

typedef struct fhset_hash HashSet;

/* An empty set in memory context CXT, sized for a batch of keys. */
static inline HashSet *
HashSetCreate(MemoryContext cxt)
{
	return fhset_create(cxt, 1024, NULL);
}

/* Add H; false if it was there already. */
static inline bool
HashSetAdd(HashSet *s, uint64 h)
{
	bool		found;

	fhset_insert(s, h, &found);
	return !found;
}

/* Whether H is in the set. */
static inline bool
HashSetHas(HashSet *s, uint64 h)
{
	return fhset_lookup(s, h) != NULL;
}

#endif							/* FAKER_HASHSET_H */
