/*
 * returning.c: keys the database sets itself, read back with RETURNING.
 *
 * faker normally knows a row's key before the row is written: it makes the
 * value, or evaluates the key column's DEFAULT itself (call.c,
 * column_open), so children can reference a parent still in its batch.
 * That fails where the database decides the key when the row goes in:
 *
 *   - a BEFORE INSERT row trigger of the table may set it (faker cannot
 *     tell which columns a trigger assigns, so any such trigger counts);
 *   - the key column's DEFAULT calls a volatile function that is not
 *     built in (such as one returning max(id) + 1): evaluated before the
 *     rows are written, it would give the whole batch one value.
 *
 * The rows of such a table, when something in the plan references it,
 * are written one at a time as they are made, by the INSERT writer with
 * RETURNING its key columns (writer.c), key DEFAULTs left to PostgreSQL;
 * the returned key is what the pool, the children and the referencing
 * rows get (row.c).  The trigger or function is the user's and runs with
 * the caller's rights, as in any INSERT the caller writes.
 */
#include "postgres.h"

#include "access/table.h"
#include "access/transam.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_trigger.h"
#include "commands/trigger.h"
#include "nodes/nodeFuncs.h"
#include "rewrite/rewriteHandler.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/rel.h"

#include "model/fkcheck.h"
#include "model/modelpriv.h"

/* check_functions_in_node callback: a volatile function users can create? */
static bool
user_volatile(Oid funcid, void *context)
{
	if (funcid >= FirstNormalObjectId && func_volatile(funcid) == PROVOLATILE_VOLATILE)
	{
		*(Oid *) context = funcid;
		return true;
	}
	return false;
}

/* Walk EXPR for a call of a user volatile function, its OID into *CONTEXT. */
static bool
calls_user_volatile(Node *expr, void *context)
{
	if (expr == NULL)
		return false;
	if (check_functions_in_node(expr, user_volatile, context))
		return true;
	return expression_tree_walker(expr, calls_user_volatile, context);
}

/*
 * Why the database, not faker, sets the key of AGG's rows (REL, open), or
 * NULL: the first BEFORE INSERT row trigger that fires, else the first key
 * column whose DEFAULT calls a user volatile function.
 */
static const char *
returning_reason(Aggregate *agg, Relation rel)
{
	TriggerDesc *td = rel->trigdesc;

	if (agg->nkeys == 0)
		return NULL;
	for (int i = 0; td && i < td->numtriggers; i++)
	{
		Trigger    *t = &td->triggers[i];

		if (TRIGGER_FOR_ROW(t->tgtype) && TRIGGER_FOR_BEFORE(t->tgtype) &&
			TRIGGER_FOR_INSERT(t->tgtype) && FkCheckTriggerFires(t))
			return psprintf("BEFORE INSERT trigger \"%s\"", t->tgname);
	}
	for (int k = 0; k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];
		Oid			funcid = InvalidOid;

		if (c->hasdef &&
			calls_user_volatile(build_column_default(rel, c->attnum), &funcid))
			return psprintf("the DEFAULT of column \"%s\" calls %s", c->name,
							format_procedure(funcid));
	}
	return NULL;
}

/* Why AGG's keys are read back with RETURNING (see above), or NULL. */
const char *
ReturningReason(Aggregate *agg)
{
	Relation	rel = table_open(agg->relid, AccessShareLock);
	const char *why = returning_reason(agg, rel);

	table_close(rel, AccessShareLock);
	return why;
}
