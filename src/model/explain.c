/*
 * explain.c: faker_explain(aggregate), the plan of a call in topological
 * order, parents first.  Per aggregate: a row with how its table's foreign
 * keys are checked (fkcheck.c); a row per reference (its distributor, and
 * whether it is implied by a wider key, closes a cycle or is one-to-one),
 * narrowest keys first; a row per child (its distributor and the foreign
 * key it goes through).  The SQL entry point (src/sql/model_sql.c) only
 * puts the rows it is given in its tuplestore.
 */
#include "postgres.h"

#include "executor/spi.h"
#include "utils/jsonb.h"

#include "model/fkcheck.h"
#include "model/modelpriv.h"

/* Push the text pair KEY: VALUE into the object being built in *STATE. */
static void
push_str(JsonbParseState **state, const char *key, const char *value)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) key;
	v.val.string.len = strlen(key);
	pushJsonbValue(state, WJB_KEY, &v);
	v.val.string.val = (char *) value;
	v.val.string.len = strlen(value);
	pushJsonbValue(state, WJB_VALUE, &v);
}

/* Push the pair KEY: true into the object being built in *STATE. */
static void
push_true(JsonbParseState **state, const char *key)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) key;
	v.val.string.len = strlen(key);
	pushJsonbValue(state, WJB_KEY, &v);
	v.type = jbvBool;
	v.val.boolean = true;
	pushJsonbValue(state, WJB_VALUE, &v);
}

/*
 * Open an object in *STATE holding the pairs of the jsonb object BASE (NULL:
 * none), so the caller can add its own before closing it.
 */
static void
open_with(JsonbParseState **state, Jsonb *base)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	pushJsonbValue(state, WJB_BEGIN_OBJECT, NULL);
	if (base == NULL)
		return;
	it = JsonbIteratorInit(&base->root);
	tok = JsonbIteratorNext(&it, &v, false);
	Assert(tok == WJB_BEGIN_OBJECT);
	while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		if (tok == WJB_END_OBJECT && it == NULL)
			break;
		pushJsonbValue(state, tok, tok < WJB_BEGIN_ARRAY ? &v : NULL);
	}
}

/* Close the object opened by open_with: the jsonb value. */
static Jsonb *
close_object(JsonbParseState **state)
{
	return JsonbValueToJsonb(pushJsonbValue(state, WJB_END_OBJECT, NULL));
}

/* The aggregate's own row: {"fk_check": mode[, "why": reason]}, or NULL. */
static Jsonb *
explain_fk_check(Aggregate *a)
{
	JsonbParseState *state = NULL;
	const char *why = NULL;
	const char *fk = FkCheckMode(a->relid, &why);

	if (fk == NULL)
		return NULL;
	open_with(&state, NULL);
	push_str(&state, "fk_check", fk);
	if (why)
		push_str(&state, "why", why);
	return close_object(&state);
}

/* A reference's row: its distributor with the parent and its flags. */
static Jsonb *
explain_ref(ModelRef *ref)
{
	JsonbParseState *state = NULL;

	open_with(&state, ref->implied ? NULL : FakerM2OSpecToJsonb(&ref->spec));
	push_str(&state, "parent", ref->parent->name);
	if (ref->implied)
		push_true(&state, "implied");
	if (ref->back_edge)
		push_true(&state, "cycle");
	if (ref->one_to_one)
		push_true(&state, "one_to_one");
	return close_object(&state);
}

/* A child's row: its distributor with the foreign key it goes through. */
static Jsonb *
explain_child(ModelChild *ch)
{
	JsonbParseState *state = NULL;

	open_with(&state, FakerO2MToJsonb(ch->o2m));
	push_str(&state, "via", ch->child->refs[ch->via].name);
	return close_object(&state);
}

/* The rows of one aggregate, step STEP of the plan. */
static void
explain_aggregate(Aggregate *a, int step, ExplainEmit emit, void *arg)
{
	emit(arg, step, a->name, a->relid, NULL, explain_fk_check(a));
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
		explain_aggregate(plan->aggs[i], i + 1, emit, arg);
	SPI_finish();
}
