/*
 * faker.c: module magic, _PG_init, the faker.* settings, shared helpers.
 */
#include "postgres.h"

#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/hsearch.h"

#include "faker.h"
#include "model/fkcheck.h"
#include "model/model.h"
#include "model/multiinsert.h"
#include "prng.h"

PG_MODULE_MAGIC;

/* exported: the library is built with -fvisibility=hidden (src/compat.h) */
extern PGDLLEXPORT void _PG_init(void);

bool		faker_seed_is_set = false;
int64		faker_seed_value = 0;
int			faker_locale = 0;
bool		faker_progress = true;

static char *faker_seed_string = NULL;

static const struct config_enum_entry locale_options[] = {
	{"en", 0, false},
	{"de", 1, false},			/* src/gen/locale.h */
	{"fr", 2, false},
	{NULL, 0, false}
};

/* faker.seed is a bigint; PostgreSQL has no int8 setting, so parse a string. */
static bool
check_seed(char **newval, void **extra, GucSource source)
{
	int64	   *parsed;
	char	   *end;
	long long	v;

	if (*newval == NULL || (*newval)[0] == '\0')
		return true;
	errno = 0;
	v = strtoll(*newval, &end, 10);
	if (errno != 0 || *end != '\0')
	{
		GUC_check_errdetail("faker.seed must be a bigint, or empty to use fresh randomness.");
		return false;
	}
	parsed = malloc(sizeof(int64));
	if (!parsed)
		return false;
	*parsed = (int64) v;
	*extra = parsed;
	return true;
}

/*
 * faker.seed was set or reset: remember the value check_seed parsed, and
 * reseed the session stream on its next use.
 */
static void
assign_seed(const char *newval, void *extra)
{
	faker_seed_is_set = (extra != NULL);
	faker_seed_value = extra ? *(int64 *) extra : 0;
	FakerSessionRngReset();
}

/* Module load: define the faker.* settings and reserve the prefix. */
void
_PG_init(void)
{
	DefineCustomStringVariable("faker.seed",
							   "Seed of faker's random streams (a bigint); empty means fresh randomness on each call.",
							   "A seed argument given to a function overrides it.",
							   &faker_seed_string,
							   "",
							   PGC_USERSET,
							   0,
							   check_seed, assign_seed, NULL);
	DefineCustomEnumVariable("faker.locale",
							 "Locale of the word lists used by the value generators.",
							 NULL,
							 &faker_locale,
							 0,
							 locale_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
	DefineCustomBoolVariable("faker.progress",
							 "Report progress of long calls with a NOTICE about once per second.",
							 "Reports start once a call has run for a few seconds.",
							 &faker_progress,
							 true,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
	DefineCustomIntVariable("faker.pool_cache",
							"Memory each session may keep pools and their uses in between calls.",
							"Calls then read only what is new in a pool; 0 reads whole pools at every call.",
							&faker_pool_cache_mb,
							256,
							0,
							MAX_KILOBYTES / 1024,
							PGC_USERSET,
							GUC_UNIT_MB,
							NULL, NULL, NULL);
	DefineCustomBoolVariable("faker.multi_insert",
							 "Write batches the way COPY FROM does, where an INSERT would do nothing more.",
							 "Tables with rules, row-level security, BEFORE or statement triggers, partitions "
							 "keep INSERT statements; see faker_explain.",
							 &faker_multi_insert,
							 true,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
	FkCheckInit();
	MarkGUCPrefixReserved("faker");
}

/*
 * The text of a jsonb scalar (string, number, boolean) as the values of a
 * "choice" or a "const" hold it; NULL for anything else.
 */
char *
FakerJsonbScalarText(JsonbValue *v)
{
	switch (v->type)
	{
		case jbvString:
			return pnstrdup(v->val.string.val, v->val.string.len);
		case jbvNumeric:
			return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
		case jbvBool:
			return pstrdup(v->val.boolean ? "true" : "false");
		default:
			return NULL;
	}
}

/* SPI_execute_with_args, back in the caller's memory context. */
int
FakerSPIExecute(const char *src, int nargs, Oid *argtypes, Datum *values,
				const char *nulls, bool read_only, long tcount)
{
	MemoryContext cxt = CurrentMemoryContext;
	SPIPlanPtr	plan = FakerStatement(src, nargs, argtypes, 0);
	int			rc = plan ? SPI_execute_plan(plan, values, nulls, read_only, tcount) :
		SPI_execute_with_args(src, nargs, argtypes, values, nulls, read_only, tcount);

	MemoryContextSwitchTo(cxt);
	return rc;
}

/* SPI_execute_plan, back in the caller's memory context. */
int
FakerSPIExecutePlan(void *plan, Datum *values, const char *nulls, bool read_only, long tcount)
{
	MemoryContext cxt = CurrentMemoryContext;
	int			rc = SPI_execute_plan((SPIPlanPtr) plan, values, nulls, read_only, tcount);

	MemoryContextSwitchTo(cxt);
	return rc;
}

/* SPI_cursor_fetch, back in the caller's memory context. */
void
FakerSPIFetch(void *portal, bool forward, long count)
{
	MemoryContext cxt = CurrentMemoryContext;

	SPI_cursor_fetch((Portal) portal, forward, count);
	MemoryContextSwitchTo(cxt);
}

/* SPI_cursor_open_with_args, back in the caller's memory context. */
void *
FakerSPICursorOpen(const char *src, int nargs, Oid *argtypes, Datum *values,
				   const char *nulls, bool read_only)
{
	MemoryContext cxt = CurrentMemoryContext;
	SPIPlanPtr	plan = FakerStatement(src, nargs, argtypes, CURSOR_OPT_CUSTOM_PLAN);
	Portal		portal = plan ? SPI_cursor_open(NULL, plan, values, nulls, read_only) :
		SPI_cursor_open_with_args(NULL, src, nargs, argtypes, values, nulls, read_only, 0);

	MemoryContextSwitchTo(cxt);
	return portal;
}

/* SPI_prepare, back in the caller's memory context. */
void *
FakerSPIPrepare(const char *src, int nargs, Oid *argtypes)
{
	MemoryContext cxt = CurrentMemoryContext;
	SPIPlanPtr	plan = SPI_prepare(src, nargs, argtypes);

	MemoryContextSwitchTo(cxt);
	return plan;
}

/*
 * A hash table of NELEM expected entries whose keys are KEYSIZE bytes
 * compared as bytes (HASH_BLOBS) and whose entries are ENTRYSIZE bytes,
 * allocated in CXT, so that it goes when CXT does.  The session caches
 * (stmtcache.c, cache.c) and the per-call indexes (seqscope.c, store.c)
 * all want this kind; one place sets the HASHCTL up.
 */
HTAB *
FakerHashCreate(const char *name, long nelem, Size keysize, Size entrysize,
				MemoryContext cxt)
{
	HASHCTL		ctl;

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = keysize;
	ctl.entrysize = entrysize;
	ctl.hcxt = cxt;
	return hash_create(name, nelem, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
}
