/*
 * fkcheck.h: set-based foreign-key checks of a batch (fkcheck.c).
 */
#ifndef FAKER_FKCHECK_H
#define FAKER_FKCHECK_H

#include "postgres.h"

#include "access/attnum.h"
#include "executor/spi.h"
#include "executor/execdesc.h"
#include "nodes/execnodes.h"

typedef struct FkCheck FkCheck;

extern bool faker_batch_fk_checks;

/*
 * "batch", "row" or "mixed" for RELID's foreign keys (NULL: none), with why
 * not; ROUTED: a partitioned table's rows go through the multi-insert
 * writer, which can strip its partitions' triggers.
 */
extern const char *FkCheckMode(Oid relid, bool routed, const char **reason);
/* The batch checks of RELID's foreign keys, or NULL (row triggers). */
extern FkCheck *FkCheckPlan(Oid relid, bool routed);
/* " RETURNING fk columns" for the INSERT of a batch. */
extern const char *FkCheckReturning(FkCheck *f);
/* Around the INSERT of PLAN: its RI check triggers removed. */
extern void FkCheckArm(FkCheck *f, SPIPlanPtr plan);
extern void FkCheckDisarm(void);
/* Check the N rows the INSERT returned; 23503 if a key is missing. */
extern void FkCheckBatch(FkCheck *f, SPITupleTable *tt, uint64 n);
/* The same over the rows' key columns (the multi-insert writer, multiinsert.c). */
extern int	FkCheckKeyAtts(FkCheck *f, const AttrNumber **atts);
extern void FkCheckColumns(FkCheck *f, Datum **cols, bool **nulls, uint64 n);
/* DEBUG1: how many keys were checked, how many known (end of a call). */
extern void FkCheckReport(FkCheck *f);
extern void FkCheckStrip(FkCheck *f, ResultRelInfo *rri);
/* Whether a row a batch just wrote is gone (its AFTER ROW triggers removed it). */
extern bool FkCheckRowGone(Relation rel, ItemPointer tid, TupleTableSlot **live);
extern void FkCheckInit(void);
/* The keys a call has checked already (fkknown.c). */
typedef struct FkKnown FkKnown;
extern FkKnown *FkKnownCreate(Oid pkrelid, int nkeys, const Oid *types, const int16 *pkatts, MemoryContext cxt);
extern uint64 FkKnownGeneration(void);
extern void FkKnownWritten(Oid relid, TupleTableSlot **slots, int count, uint64 gen);
extern void FkKnownValidate(FkKnown *k);
extern bool FkKnownAdd(FkKnown *k, const Datum *vals);
extern void FkKnownNoteQuery(QueryDesc *qd);
extern void FkKnownInit(void);

/* Would trigger T fire in this session (returning.c asks too)? */
extern bool FkCheckTriggerFires(Trigger *t);

#endif
