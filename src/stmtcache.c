/*
 * stmtcache.c: the SQL faker runs through SPI, parsed and planned once per
 * session.
 *
 * A call runs a few dozen small statements over faker's own tables and
 * the catalog (registry lookups, key columns, pool reads, use counts).
 * Parsing and planning them again at every call cost most of a one-row
 * call's time, so each statement text (with its argument types) is
 * prepared once and kept (SPI_keepplan) in a table of the session.  The
 * plan cache revalidates kept plans as PostgreSQL's own do: a table
 * dropped and made again, a changed search_path or role (row security)
 * replans; privileges are checked at every execution.  The table is
 * bounded (MAX_STATEMENTS); statements beyond it run unprepared.
 * Statements are planned generically after a few executions, as prepared
 * statements are, except those a cursor reads (CURSOR_OPT_CUSTOM_PLAN):
 * reading a pool's entries from position $1 on must use its index
 * whatever a generic estimate of "pos >= $1" says.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "executor/spi.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "faker.h"

#define MAX_STATEMENTS	512

typedef struct StatementKey
{
	uint32		hash;			/* of the text and the argument types */
	int			nargs;
	int			options;		/* cursor options */
} StatementKey;

typedef struct Statement
{
	StatementKey key;			/* hash key, then a chain of equal keys */
	struct StatementEntry *first;
} Statement;

typedef struct StatementEntry
{
	struct StatementEntry *next;
	char	   *src;
	Oid		   *argtypes;
	SPIPlanPtr	plan;
} StatementEntry;

static HTAB *statements = NULL;
static int	nstatements = 0;
static MemoryContext statements_cxt = NULL;

/*
 * The kept plan of SRC with ARGTYPES and cursor OPTIONS, prepared now if
 * new; NULL if the table is full.
 */
SPIPlanPtr
FakerStatement(const char *src, int nargs, Oid *argtypes, int options)
{
	StatementKey key;
	Statement  *s;
	StatementEntry *e;
	bool		found;
	SPIPlanPtr	plan;
	MemoryContext cxt = CurrentMemoryContext;

	if (statements == NULL)
	{
		statements_cxt = AllocSetContextCreate(TopMemoryContext, "faker statements", ALLOCSET_SMALL_SIZES);
		statements = FakerHashCreate("faker statements", 64, sizeof(StatementKey),
									 sizeof(Statement), statements_cxt);
	}
	memset(&key, 0, sizeof(key));
	key.nargs = nargs;
	key.options = options;
	key.hash = hash_bytes((const unsigned char *) src, strlen(src));
	if (nargs > 0)
		key.hash ^= hash_bytes((const unsigned char *) argtypes, sizeof(Oid) * nargs);
	s = hash_search(statements, &key, HASH_ENTER, &found);
	if (!found)
		s->first = NULL;
	for (e = s->first; e; e = e->next)
		if (strcmp(e->src, src) == 0 &&
			(nargs == 0 || memcmp(e->argtypes, argtypes, sizeof(Oid) * nargs) == 0))
			return e->plan;
	if (nstatements >= MAX_STATEMENTS)
		return NULL;
	plan = SPI_prepare_cursor(src, nargs, argtypes, options);
	MemoryContextSwitchTo(cxt);
	if (plan == NULL)
		return NULL;				/* run unprepared: SPI reports the error there */
	if (SPI_keepplan(plan) != 0)
		return NULL;
	e = MemoryContextAlloc(statements_cxt, sizeof(StatementEntry));
	e->src = MemoryContextStrdup(statements_cxt, src);
	e->argtypes = MemoryContextAlloc(statements_cxt, sizeof(Oid) * Max(nargs, 1));
	if (nargs > 0)
		memcpy(e->argtypes, argtypes, sizeof(Oid) * nargs);
	e->plan = plan;
	e->next = s->first;
	s->first = e;
	nstatements++;
	return plan;
}
