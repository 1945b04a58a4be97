/*
 * multiinsert.h: the COPY-style writer of a batch (multiinsert.c).
 */
#ifndef FAKER_MULTIINSERT_H
#define FAKER_MULTIINSERT_H

#include "postgres.h"

#include "model/fkcheck.h"

struct Aggregate;

typedef struct MultiInsert MultiInsert;

/* faker.multi_insert */
extern bool faker_multi_insert;

/* Why RELID's rows must go through INSERT statements, or NULL. */
extern const char *MultiInsertReason(Oid relid);

/*
 * The multi-insert writer of AGG: the NINS inserted columns COLIDX (column
 * indexes of AGG; ASTEXT: the value is the column's text), FK the batch
 * foreign-key checks or NULL.
 */
extern MultiInsert *MultiInsertOpen(struct Aggregate *agg, const int *colidx, int nins, const bool *astext,
									FkCheck *fk);

/* Write COUNT rows given by column: VALS[j][r], NULLS[j][r]. */
extern void MultiInsertWrite(MultiInsert *mi, Datum **vals, bool **nulls, int count);

#endif							/* FAKER_MULTIINSERT_H */
