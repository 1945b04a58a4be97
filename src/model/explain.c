/*
 * explain.c: faker_explain(aggregate), the plan of a call in topological
 * order, parents first.  Per aggregate: a row with how its rows are
 * written (multiinsert.c) and its foreign keys checked (fkcheck.c); a row
 * per reference (its distributor, and whether it is implied by a wider
 * key, closes a cycle or is one-to-one), narrowest keys first; a row per
 * child (its distributor and the foreign key it goes through); a row per
 * CHECK constraint (translated into the providers, checked on each row by
 * redraw, or left to PostgreSQL).  The SQL entry point
 * (src/sql/model_sql.c) only puts the rows it is given in its tuplestore.
 */
#include "postgres.h"

#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "jsonout.h"
#include "model/checks.h"
#include "model/fkcheck.h"
#include "model/modelpriv.h"
#include "model/multiinsert.h"

/*
 * The aggregate's own row: how its rows are written, {"writer":
 * "multi_insert"} or {"writer": "insert", "writer_why": reason}
 * (multiinsert.c), and how its foreign keys are checked, "fk_check": mode
 * [, "why": reason] (fkcheck.c) if it has any; where the database sets
 * the keys PLAN needs, "keys": "returning" and "keys_why" (returning.c).
 */
static Jsonb *
explain_writer(FakerPlan *plan, Aggregate *a)
{
	JsonOut		j;
	const char *why = NULL;
	const char *mi_why = MultiInsertReason(a->relid);
	const char *fk = FkCheckMode(a->relid, mi_why == NULL, &why);
	const char *keys_why = PlanReadsPool(plan, a) ? ReturningReason(a) : NULL;

	if (keys_why)
	{
		mi_why = "keys the database sets are read back, row by row";
		if (fk)
		{
			fk = "row";
			why = "each row is written as it is made";
		}
	}
	JsonOutBegin(&j);
	JsonOutString(&j, "writer", mi_why ? "insert" : "multi_insert");
	if (mi_why)
		JsonOutString(&j, "writer_why", mi_why);
	if (fk)
	{
		JsonOutString(&j, "fk_check", fk);
		if (why)
			JsonOutString(&j, "why", why);
	}
	if (keys_why)
	{
		JsonOutString(&j, "keys", "returning");
		JsonOutString(&j, "keys_why", keys_why);
	}
	return JsonOutEnd(&j);
}

/* A reference's row: its distributor with the parent and its flags. */
static Jsonb *
explain_ref(ModelRef *ref)
{
	JsonOut		j;

	JsonOutBeginWith(&j, ref->implied ? NULL : FakerM2OSpecToJsonb(&ref->spec));
	JsonOutString(&j, "parent", ref->parent->name);
	if (ref->implied)
		JsonOutBool(&j, "implied", true);
	if (ref->back_edge)
		JsonOutBool(&j, "cycle", true);
	if (ref->one_to_one)
		JsonOutBool(&j, "one_to_one", true);
	return JsonOutEnd(&j);
}

/* A child's row: its distributor with the foreign key it goes through. */
static Jsonb *
explain_child(ModelChild *ch)
{
	JsonOut		j;

	JsonOutBeginWith(&j, FakerO2MToJsonb(ch->o2m));
	JsonOutString(&j, "via", ch->child->refs[ch->via].name);
	return JsonOutEnd(&j);
}

/*
 * A CHECK constraint's row: {"check": "translated" | "redraw" | "postgres"}
 * (honoured by the providers, evaluated on each row and drawn again, or
 * left to the INSERT), with the domain and column of a domain's.
 */
static Jsonb *
explain_check(Aggregate *a, CheckRule *r)
{
	JsonOut		j;

	JsonOutBegin(&j);
	JsonOutString(&j, "check", ChecksModeName(r->mode));
	if (r->domain != InvalidOid)
	{
		JsonOutString(&j, "domain", format_type_be(r->domain));
		JsonOutString(&j, "column", a->cols[r->col].name);
	}
	return JsonOutEnd(&j);
}

/* The rows of one aggregate, step STEP of the plan. */
static void
explain_aggregate(FakerPlan *plan, Aggregate *a, int step, ExplainEmit emit, void *arg)
{
	emit(arg, step, a->name, a->relid, NULL, explain_writer(plan, a));
	/* references by width of key, then in the table's order */
	for (int w = 1; w <= MODEL_MAX_KEYS; w++)
		for (int r = 0; r < a->nrefs; r++)
		{
			ModelRef   *ref = &a->refs[r];

			if (ref->nkeys == w)
				emit(arg, step, a->name, a->relid, ref->name, explain_ref(ref));
		}
	for (int c = 0; c < a->nchildren; c++)
	{
		ModelChild *ch = &a->children[c];

		emit(arg, step, a->name, a->relid, psprintf("children.%s", ch->name), explain_child(ch));
	}
	for (int k = 0; a->checks && k < a->checks->n; k++)
		emit(arg, step, a->name, a->relid, psprintf("check.%s", a->checks->rules[k].name),
			 explain_check(a, &a->checks->rules[k]));
}

/* faker_explain: plan AGGREGATE (no call) and EMIT its rows in order. */
void
ExplainPlan(const char *aggregate, ExplainEmit emit, void *arg)
{
	MemoryContext outer = CurrentMemoryContext;
	FakerPlan  *plan;

	SPI_connect();
	MemoryContextSwitchTo(outer);
	plan = PlanBuild(aggregate, false);
	for (int i = 0; i < plan->n; i++)
		explain_aggregate(plan, plan->aggs[i], i + 1, emit, arg);
	SPI_finish();
}
