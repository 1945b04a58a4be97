/*
 * checkeval.c: the executor fallback for CHECK constraints the providers
 * do not honour by construction (checks.c leaves them in CHECK_REDRAW
 * mode): each rule's own expression is prepared once per call
 * (ExecPrepareExpr, as the executor prepares a relation's checks) and
 * evaluated on every row before it is written -- a table CHECK over the
 * row in a slot, a domain CHECK with the column's value as VALUE.  A row
 * that fails is made again (row.c redraws its generated columns) a
 * bounded number of times, then the call fails with check_violation
 * naming the constraint.  Tables with no such rule pay nothing: row.c
 * calls in only when agg->checks has a rule to evaluate.
 */
#include "postgres.h"

#include "access/relation.h"
#include "access/sysattr.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "lib/stringinfo.h"
#include "nodes/bitmapset.h"
#include "optimizer/optimizer.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "model/checks.h"

/* The name faker_explain shows for MODE. */
const char *
ChecksModeName(CheckMode mode)
{
	switch (mode)
	{
		case CHECK_TRANSLATED:
			return "translated";
		case CHECK_REDRAW:
			return "redraw";
		case CHECK_POSTGRES:
			return "postgres";
	}
	return "postgres";
}

/*
 * Is column C made again when a row fails a CHECK?  Generated, constant
 * and expression columns are; references, keys faker numbers or takes
 * from a DEFAULT and sequences keep their value (drawing them again would
 * create parents or spend counters).
 */
bool
ChecksRedrawable(const ModelColumn *c)
{
	return c->kind == COL_GEN || c->kind == COL_CONST || c->kind == COL_EXPR;
}

/*
 * The columns drawn again when a row fails rule R: the ones it reads that
 * can be (a domain's: its column; references: from their pools), so the
 * rules a row already satisfies keep their values, and every expression
 * column (it may read them).
 * A rule that reads an expression column, or nothing that can be drawn
 * again, redraws every column that can be.
 */
void
ChecksRedrawSet(Aggregate *agg, CheckRule *r)
{
	Bitmapset  *attrs = NULL;
	bool		any = false;
	bool		all = false;

	r->redraw = palloc0(sizeof(bool) * Max(agg->ncols, 1));
	if (r->domain == InvalidOid)
		pull_varattnos(r->expr, 1, &attrs);
	for (int i = 0; i < agg->ncols; i++)
	{
		ModelColumn *c = &agg->cols[i];
		bool		reads = r->domain != InvalidOid ? i == r->col :
			bms_is_member(c->attnum - FirstLowInvalidHeapAttributeNumber, attrs);

		/* a reference is drawn again from its pool (row.c) */
		if (c->kind == COL_REF && reads)
		{
			r->redraw[i] = true;
			any = true;
			continue;
		}
		if (!ChecksRedrawable(c))
			continue;
		r->redraw[i] = reads || c->kind == COL_EXPR;
		any |= reads;
		all |= reads && c->kind == COL_EXPR;
	}
	for (int i = 0; i < agg->ncols && (all || !any); i++)
		r->redraw[i] = ChecksRedrawable(&agg->cols[i]);
}

/*
 * A domain column whose domain has a CHECK evaluated by the fallback: its
 * generated values are converted to the domain's base type, not through
 * the domain's input function, which would raise the CHECK's error before
 * the row could be made again.  When the generator makes the base type
 * itself no conversion is needed at all.
 */
void
ChecksPrepareColumns(Aggregate *agg)
{
	CheckSet   *cs = agg->checks;

	for (int k = 0; k < cs->n; k++)
	{
		CheckRule  *r = &cs->rules[k];
		ModelColumn *c;
		int32		basemod = -1;
		Oid			base;
		Oid			fn;

		if (r->mode != CHECK_REDRAW || r->domain == InvalidOid)
			continue;
		c = &agg->cols[r->col];
		if (c->kind != COL_GEN || c->gen == NULL || !c->need_io)
			continue;
		base = getBaseTypeAndTypmod(c->typid, &basemod);
		if (FakerGenResultType(c->gen) == base ||
			(base == VARCHAROID && FakerGenResultType(c->gen) == TEXTOID))
		{
			c->need_io = false;
			continue;
		}
		getTypeInputInfo(base, &fn, &c->ioparam);
		fmgr_info(fn, &c->infn);
	}
}

/* Call: the rules' expression states and a slot for the table's rows. */
static void
checks_open(FakerPlan *plan, Aggregate *agg)
{
	CheckSet   *cs = agg->checks;
	MemoryContext old = MemoryContextSwitchTo(plan->cxt);
	bool		table_rule = false;

	for (int k = 0; k < cs->n; k++)
	{
		CheckRule  *r = &cs->rules[k];

		if (r->mode != CHECK_REDRAW)
			continue;
		r->state = ExecPrepareExpr((Expr *) copyObject(r->expr), plan->estate);
		table_rule |= r->domain == InvalidOid;
	}
	if (table_rule)
	{
		Relation	rel = relation_open(agg->relid, AccessShareLock);

		cs->slot = MakeSingleTupleTableSlot(CreateTupleDescCopy(RelationGetDescr(rel)), &TTSOpsVirtual);
		relation_close(rel, AccessShareLock);
	}
	cs->open = true;
	MemoryContextSwitchTo(old);
}

/* The row VALS/NULLS of AGG in the slot, attributes faker does not make NULL. */
void
AggregateFillSlot(Aggregate *agg, TupleTableSlot *slot, const Datum *vals, const bool *nulls)
{
	ExecClearTuple(slot);
	for (int a = 0; a < slot->tts_tupleDescriptor->natts; a++)
	{
		slot->tts_values[a] = (Datum) 0;
		slot->tts_isnull[a] = true;
	}
	for (int i = 0; i < agg->ncols; i++)
	{
		slot->tts_values[agg->cols[i].attnum - 1] = vals[i];
		slot->tts_isnull[agg->cols[i].attnum - 1] = nulls[i];
	}
	ExecStoreVirtualTuple(slot);
}

/*
 * The first rule in CHECK_REDRAW mode that the row VALS/NULLS of AGG
 * fails, or -1.  As the executor: a CHECK holds when its expression is
 * true or NULL.
 */
int
ChecksFailing(FakerPlan *plan, Aggregate *agg, const Datum *vals, const bool *nulls)
{
	CheckSet   *cs = agg->checks;
	ExprContext *econtext = GetPerTupleExprContext(plan->estate);
	Datum		save_val = econtext->domainValue_datum;
	bool		save_null = econtext->domainValue_isNull;
	int			failing = -1;

	if (!cs->open)
		checks_open(plan, agg);
	if (cs->slot)
	{
		AggregateFillSlot(agg, cs->slot, vals, nulls);
		econtext->ecxt_scantuple = cs->slot;
	}
	for (int k = 0; k < cs->n && failing < 0; k++)
	{
		CheckRule  *r = &cs->rules[k];

		if (r->mode != CHECK_REDRAW)
			continue;
		if (r->domain != InvalidOid)
		{
			econtext->domainValue_datum = vals[r->col];
			econtext->domainValue_isNull = nulls[r->col];
		}
		if (!ExecCheck(r->state, econtext))
			failing = k;
	}
	econtext->domainValue_datum = save_val;
	econtext->domainValue_isNull = save_null;
	return failing;
}

/* The columns of AGG rule R reads, quoted and comma-separated. */
static char *
rule_columns(Aggregate *agg, CheckRule *r)
{
	StringInfoData s;
	Bitmapset  *attrs = NULL;

	initStringInfo(&s);
	if (r->domain != InvalidOid)
	{
		appendStringInfo(&s, "\"%s\"", agg->cols[r->col].name);
		return s.data;
	}
	pull_varattnos(r->expr, 1, &attrs);
	for (int i = 0; i < agg->ncols; i++)
		if (bms_is_member(agg->cols[i].attnum - FirstLowInvalidHeapAttributeNumber, attrs))
			appendStringInfo(&s, "%s\"%s\"", s.len > 0 ? ", " : "", agg->cols[i].name);
	return s.data;
}

/*
 * CHECK_ATTEMPTS rows in a row failed rule RULE of AGG: the call fails
 * (nothing of the failing batch is written), naming the constraint, its
 * definition and the columns a spec should be given to.
 */
void
ChecksError(Aggregate *agg, int rule)
{
	CheckRule  *r = &agg->checks->rules[rule];
	char	   *def = TextDatumGetCString(DirectFunctionCall1(pg_get_constraintdef, ObjectIdGetDatum(r->conoid)));
	char	   *cols = rule_columns(agg, r);

	if (r->domain != InvalidOid)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("aggregate \"%s\": %d values in a row of column \"%s\" violate check constraint \"%s\" of domain %s",
						agg->name, CHECK_ATTEMPTS, agg->cols[r->col].name, r->name, format_type_be(r->domain)),
				 errdetail("%s is not translated into the column's provider (it has a spec, or faker does not read its form), so faker checks each value and draws it again.", def),
				 errhint("Give column %s a spec under \"columns\" whose values satisfy it (\"values\", \"expr\", a generator's options).", cols),
				 errdomainconstraint(r->domain, r->name)));
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 errmsg("aggregate \"%s\": %d rows in a row violate check constraint \"%s\" of %s",
					agg->name, CHECK_ATTEMPTS, r->name, agg->qualname),
			 errdetail("%s is not translated into the providers of its columns (they have a spec, or faker does not read its form), so faker checks each row and draws the row again.", def),
			 errhint("Give %s %s a spec under \"columns\" whose values satisfy it (\"values\", \"expr\", a generator's options).",
					 strchr(cols, ',') ? "columns" : "column", cols[0] ? cols : "its columns"),
			 err_generic_string(PG_DIAG_SCHEMA_NAME, get_namespace_name(get_rel_namespace(agg->relid))),
			 err_generic_string(PG_DIAG_TABLE_NAME, get_rel_name(agg->relid)),
			 err_generic_string(PG_DIAG_CONSTRAINT_NAME, r->name)));
	pg_unreachable();
}
