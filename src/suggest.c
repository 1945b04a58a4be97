/*
 * suggest.c: errors that stop short of the fix name it: the nearest of the
 * names that would have worked, and the list of them.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "lib/stringinfo.h"
#include "utils/rel.h"
#include "utils/varlena.h"

#include "faker.h"

/*
 * A hint for an unknown NAME among CANDIDATES (char *): "Did you mean "x"?"
 * when one is within a few edits, then "The WHAT are: a, b, c." (at most
 * 20 listed); NULL when there is no candidate.
 */
char *
FakerSuggest(const char *name, List *candidates, const char *what)
{
	StringInfoData s;
	ListCell   *lc;
	const char *best = NULL;
	int			bestd = Max(2, (int) strlen(name) / 3) + 1;
	int			i = 0;

	if (candidates == NIL)
		return NULL;
	foreach(lc, candidates)
	{
		const char *c = lfirst(lc);
		int			d = varstr_levenshtein(name, strlen(name), c, strlen(c), 1, 1, 1, true);

		if (d < bestd)
		{
			bestd = d;
			best = c;
		}
	}
	initStringInfo(&s);
	if (best)
		appendStringInfo(&s, "Did you mean \"%s\"? ", best);
	appendStringInfo(&s, "The %s are: ", what);
	foreach(lc, candidates)
	{
		if (i++ == 20)
		{
			appendStringInfoString(&s, ", ...");
			break;
		}
		appendStringInfo(&s, "%s%s", i > 1 ? ", " : "", (char *) lfirst(lc));
	}
	appendStringInfoChar(&s, '.');
	return s.data;
}

/* The names of the columns of RELID (not dropped), in order. */
List *
FakerColumnNames(Oid relid)
{
	Relation	rel = table_open(relid, AccessShareLock);
	TupleDesc	desc = RelationGetDescr(rel);
	List	   *names = NIL;

	for (int i = 0; i < desc->natts; i++)
		if (!TupleDescAttr(desc, i)->attisdropped)
			names = lappend(names, pstrdup(NameStr(TupleDescAttr(desc, i)->attname)));
	table_close(rel, AccessShareLock);
	return names;
}
