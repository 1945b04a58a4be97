/*
 * fkcheck.h: set-based foreign-key checks of a batch (fkcheck.c).
 */
#ifndef FAKER_FKCHECK_H
#define FAKER_FKCHECK_H

#include "postgres.h"

#include "access/attnum.h"
#include "executor/spi.h"
#include "nodes/execnodes.h"

typedef struct FkCheck FkCheck;

extern bool faker_batch_fk_checks;

/* "batch", "row" or "mixed" for RELID's foreign keys (NULL: none), with why not. */
extern const char *FkCheckMode(Oid relid, const char **reason);
/* The batch checks of RELID's foreign keys, or NULL (row triggers). */
extern FkCheck *FkCheckPlan(Oid relid);
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
extern void FkCheckStrip(FkCheck *f, ResultRelInfo *rri);
extern void FkCheckInit(void);
/* Would trigger T fire in this session (returning.c asks too)? */
extern bool FkCheckTriggerFires(Trigger *t);

#endif
