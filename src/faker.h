/*
 * faker.h: settings and small helpers shared by every subsystem.
 */
#ifndef FAKER_H
#define FAKER_H

#include "postgres.h"

#include "nodes/pg_list.h"
#include "utils/jsonb.h"

/* faker.seed: set when faker_seed_is_set */
extern bool faker_seed_is_set;
extern int64 faker_seed_value;

/* faker.locale: en, de, fr (src/gen/locale.h) */
extern int	faker_locale;

/* faker.progress */
extern bool faker_progress;

/* progress reporting for long calls (progress.c) */
typedef struct FakerProgress
{
	const char *what;			/* e.g. "faker_populate(book)" */
	int64		total;			/* planned units, 0 if unknown */
	int64		start_us;		/* GetCurrentTimestamp() at start */
	int64		next_us;		/* next time a NOTICE is due */
} FakerProgress;

extern void FakerProgressStart(FakerProgress *p, const char *what, int64 total);

/* Cheap enough to call per row: only looks at the clock every 1024 calls. */
extern void FakerProgressTick(FakerProgress *p, int64 done);

/* The text of a jsonb string, number or boolean (strings unquoted), as the
 * input function of a column's type takes it; NULL for anything else. */
extern char *FakerJsonbScalarText(JsonbValue *v);

/*
 * SPI calls that leave the caller's memory context current (SPI's own
 * calls leave SPI's procedure context current, so that whatever the
 * caller allocates next would live until SPI_finish).
 */
extern int	FakerSPIExecute(const char *src, int nargs, Oid *argtypes, Datum *values,
							const char *nulls, bool read_only, long tcount);
extern int	FakerSPIExecutePlan(void *plan, Datum *values, const char *nulls, bool read_only, long tcount);
extern void FakerSPIFetch(void *portal, bool forward, long count);
extern void *FakerSPICursorOpen(const char *src, int nargs, Oid *argtypes, Datum *values,
								const char *nulls, bool read_only);
extern void *FakerSPIPrepare(const char *src, int nargs, Oid *argtypes);
/*
 * A dynahash table of fixed-size (blob) keys in memory context CXT: the one
 * way faker's caches and per-call indexes make theirs.
 */
extern struct HTAB *FakerHashCreate(const char *name, long nelem, Size keysize,
									Size entrysize, MemoryContext cxt);

/* stmtcache.c: SRC's plan, prepared once per session (NULL: run it unprepared) */
extern struct _SPI_plan *FakerStatement(const char *src, int nargs, Oid *argtypes, int options);

/* suggest.c: hints for unknown names (the nearest one, the list) */
extern char *FakerSuggest(const char *name, List *candidates, const char *what);
extern List *FakerColumnNames(Oid relid);

#endif							/* FAKER_H */
