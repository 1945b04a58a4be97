/*
 * model.h: the population engine's public API, what src/sql calls
 * (README, "Concepts" and "The spec").  Aggregates, plans and pools stay
 * private to src/model (modelpriv.h); here they are opaque.
 */
#ifndef FAKER_MODEL_H
#define FAKER_MODEL_H

#include "postgres.h"

#include "access/tupdesc.h"
#include "nodes/pg_list.h"
#include "utils/jsonb.h"

typedef struct FakerPlan FakerPlan;	/* a call's plan (modelpriv.h) */
typedef struct PipeState PipeState; /* a faker_pipe in progress (pipe.c) */

/* One aggregate's counters after a call (call.c). */
typedef struct PopulateResult
{
	char	   *name;			/* the aggregate */
	Oid			relid;			/* its table */
	int64		created,
				reused,
				nulls;
} PopulateResult;

/* catalog.c: definitions in faker.aggregate */
extern void CatalogStoreDefinition(const char *name, Oid relid, Jsonb *spec);
extern bool CatalogDropDefinition(const char *name);
extern char *CatalogAggregateForTable(Oid relid);
extern Oid	CatalogAggregateRelation(const char *name);

/* graph.c: the plan of an aggregate (faker_define validates by planning) */
extern FakerPlan *PlanBuild(const char *aggregate, bool for_call);
/* spaces.c: faker_define's warnings of columns asking more values than their generator makes */
extern void PlanWarnSpaces(FakerPlan *plan);

/* store.c: forget the pools of one table (InvalidOid: of every table) */
extern void PoolReset(Oid relid);
extern void CountersReset(const char *aggregate);

/* call.c: a fill of N rows; a List of PopulateResult */
extern List *Populate(const char *aggregate, int64 n, uint64 seed);
/* shard.c: shard K of M of a fill of N rows */
extern List *PopulateShard(const char *aggregate, int64 n, uint64 seed, int shard, int shards);

/* faker_rows, a row at a time: Begin, Next until false, (End if stopped early). */
extern FakerPlan *RowsBegin(const char *aggregate, int64 n, uint64 seed, TupleDesc desc);
extern bool RowsNext(FakerPlan *plan, int64 done, Datum **values, bool **nulls);
extern void CallResume(FakerPlan *plan);
extern List *CallEnd(FakerPlan *plan);

/* pipe.c: faker_pipe, an iteration at a time: Begin, Next until NULL, End if stopped early. */
extern PipeState *PipeBegin(Jsonb *steps, int64 n, uint64 seed);
extern Jsonb *PipeNext(PipeState *ps);
extern void PipeEnd(PipeState *ps);

/*
 * explain.c: faker_explain's rows, in plan order: EMIT is called once per
 * aggregate (VIA NULL) and once per reference and child (VIA its name),
 * with the distributor as jsonb (NULL: none).
 */
typedef void (*ExplainEmit) (void *arg, int step, const char *aggregate, Oid relid,
							 const char *via, Jsonb *distributor);
extern void ExplainPlan(const char *aggregate, ExplainEmit emit, void *arg);

/* faker.pool_cache: MB a session keeps pools in between calls (cache.c) */
extern int	faker_pool_cache_mb;

#endif							/* FAKER_MODEL_H */
