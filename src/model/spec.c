/*
 * spec.c: a jsonb spec (README, "The spec") turned into providers: one per column,
 * a distributor per reference, a count distributor per child.  Everything
 * a user can get wrong is an error naming the aggregate and the JSON path.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "parser/parse_coerce.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "faker.h"
#include "options.h"
#include "model/modelpriv.h"
#include "model/expr.h"
#include "model/uniques.h"
#include "model/checks.h"
#include "model/tuples.h"
#include "model/tree.h"

/*
 * Entry KEY of section SEC (a column's, a reference's, a child's spec) into
 * *E: an object, never null.
 */
static void
section_entry(FakerOptions *sec, const char *key, FakerOptions *e)
{
	if (!FakerOptObject(sec, key, e))
		FakerOptError(sec, key, "must be a jsonb object");
}

/* AGG's column NAME, or NULL. */
static ModelColumn *
find_column(Aggregate *agg, const char *name)
{
	for (int i = 0; i < agg->ncols; i++)
		if (strcmp(agg->cols[i].name, name) == 0)
			return &agg->cols[i];
	return NULL;
}

/* Prepare the text I/O conversion from RESTYPE to the column type. */
static void
column_io(ModelColumn *c, Oid restype)
{
	Oid			fn;
	bool		isvarlena;

	c->need_io = !(restype == c->typid ||
				   (c->typid == VARCHAROID && restype == TEXTOID));
	if (!c->need_io)
		return;
	getTypeOutputInfo(restype, &fn, &isvarlena);
	fmgr_info(fn, &c->outfn);
	getTypeInputInfo(c->typid, &fn, &c->ioparam);
	fmgr_info(fn, &c->infn);
	getTypeOutputInfo(c->typid, &fn, &isvarlena);
	fmgr_info(fn, &c->coloutfn);
	getTypeInputInfo(restype, &fn, &c->genioparam);
	fmgr_info(fn, &c->geninfn);
}

static void require_check(Aggregate *agg, ModelColumn *c, FakerOptions *o);

/* The keys any column's spec may have; a sequence's; the reuse options. */
static const char *const column_keys[] = {"gen", "values", "const", "unique", "mean", "skew", "weights",
"null_weight", "require", "exact", NULL};
static const char *const sequence_keys[] = {"format", "start", "step", "scope", NULL};
static const char *const reuse_keys[] = {"mean", "skew", "weights", "null_weight", NULL};
static const char *const reuse_keys_no_weights[] = {"mean", "skew", "null_weight", NULL};

/*
 * The generator a column's spec names (NULL: "const", "expr" or "from"),
 * "choice" for "values" (*CHOICE set); exactly one source must be given.
 * A source counts when its key is there, even as JSON null ("const": null
 * is NULL), except "gen": null, which names no generator.
 */
static char *
column_source(FakerOptions *o, bool *choice)
{
	char	   *gen = FakerOptString(o, "gen", NULL);
	int			nsources = (gen != NULL);

	*choice = FakerOptHas(o, "values", NULL);
	if (*choice)
		gen = "choice";
	nsources += *choice + FakerOptHas(o, "const", NULL) + FakerOptHas(o, "expr", NULL) +
		FakerOptHas(o, "from", NULL);
	if (nsources != 1)
		FakerOptError(o, NULL, "needs exactly one of \"gen\", \"values\", \"const\", \"expr\" or \"from\"");
	return gen;
}

/* What a column's options may hold besides column_keys (column_check_keys). */
typedef struct ColumnKeys
{
	Jsonb	   *cs;
	const char *gen;
} ColumnKeys;

/* Whether KEY is an option of the column's generator or provider. */
static bool
column_key_rule(const char *key, void *arg)
{
	ColumnKeys *ck = arg;

	if (ck->gen && strcmp(ck->gen, "sequence") == 0)
		for (int i = 0; sequence_keys[i]; i++)
			if (strcmp(sequence_keys[i], key) == 0)
				return true;
	if (ck->gen && FakerGenHasOption(ck->gen, key))
		return true;
	return ProviderAllowsKey(ck->cs, ck->gen, key);
}

/* Reject the keys of a column's spec that neither it nor GEN knows. */
static void
column_check_keys(FakerOptions *o, const char *gen)
{
	ColumnKeys	ck = {o->spec, gen};

	FakerOptionsCheckKeysBy(o, column_keys, column_key_rule, &ck);
}

/* "const": the constant V, read with the column type's input function. */
static void
column_const(ModelColumn *c, JsonbValue *v, FakerOptions *o)
{
	char	   *s = FakerJsonbScalarText(v);
	Oid			fn;

	c->kind = COL_CONST;
	c->constnull = (v->type == jbvNull);
	if (!c->constnull && s == NULL)
		FakerOptError(o, "const", "must be a string, number, boolean or null");
	if (c->constnull && c->notnull)
		FakerOptError(o, "const", "is null but the column is NOT NULL");
	if (!c->constnull)
	{
		getTypeInputInfo(c->typid, &fn, &c->ioparam);
		c->constval = OidInputFunctionCall(fn, s, c->ioparam, c->typmod);
	}
}

/*
 * {"gen": "sequence"}: start, step, format and the counter's scope (a name
 * here; an array of columns is expr.c's, ProviderSequenceSpec).
 */
static void
column_sequence(Aggregate *agg, ModelColumn *c, FakerOptions *o)
{
	JsonbValue	v;

	c->kind = COL_SEQ;
	/* the values a counter gives: PG_INT64_MAX marks it spent (values.c) */
	c->seq_start = FakerOptInt(o, "start", 1, -PG_INT64_MAX, PG_INT64_MAX - 1);
	/* not PG_INT64_MIN, which has no negation */
	c->seq_step = FakerOptInt(o, "step", 1, -PG_INT64_MAX, PG_INT64_MAX);
	if (c->seq_step == 0)
		FakerOptError(o, "step", "must not be 0");
	c->seq_format = FakerOptString(o, "format", NULL);
	if (c->seq_format && strstr(c->seq_format, "%s") == NULL)
		FakerOptError(o, "format", "must be a string containing %s");
	c->seq_scope = psprintf("%s.%s", agg->name, c->name);
	if (FakerOptValue(o, "scope", &v) && !(v.type == jbvBinary && JsonContainerIsArray(v.val.binary.data)))
	{
		if (v.type != jbvString)
			FakerOptError(o, "scope", "must be a string (the counter's name) or an array of columns");
		c->seq_scope = pnstrdup(v.val.string.val, v.val.string.len);
	}
	ProviderSequenceSpec(agg, c, o->spec, o->path);
	column_io(c, TEXTOID);
}

/* A generator GEN with its options; varchar(n) and char(n) cap its length. */
static void
column_generator(ModelColumn *c, const char *gen, FakerOptions *o)
{
	if (!FakerGenExists(gen))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("%s: unknown generator \"%s\"", FakerOptPath(o, "gen"), gen)));
	c->kind = COL_GEN;
	c->genname = pstrdup(gen);
	c->gen = FakerGenCompile(gen, o->spec, o->path);
	if ((c->typid == VARCHAROID || c->typid == BPCHAROID) && c->typmod >= (int32) VARHDRSZ)
		FakerGenSetMaxLength(c->gen, c->typmod - VARHDRSZ);
	column_io(c, FakerGenResultType(c->gen));
}

/*
 * Reuse of generated values (mean, skew, weights), null_weight and
 * "unique", and what they exclude.  A "choice" has weights of its own.
 */
static void
column_reuse(ModelColumn *c, FakerOptions *o, bool choice)
{
	Jsonb	   *reuse = FakerOptSubset(o, choice ? reuse_keys_no_weights : reuse_keys);

	FakerM2OParse(reuse, o->path, NULL, 1, &c->reuse_spec);
	c->null_weight = c->reuse_spec.null_weight;
	c->reuse = c->reuse_spec.mean > 1 || c->reuse_spec.skew > 0 || c->reuse_spec.nweights > 0;
	if (c->null_weight > 0 && c->notnull)
		FakerOptError(o, "null_weight", "the column is NOT NULL");
	c->unique = FakerOptBool(o, "unique", false) || c->unique;
	if (c->unique && c->reuse)
		FakerOptError(o, NULL, "a unique column cannot reuse values (mean, skew, weights)");
	c->ask_mean = c->unique ? 1 : FakerOptHas(o, "mean", NULL) ? c->reuse_spec.mean : 0;
	if (c->kind != COL_GEN && c->kind != COL_EXPR && c->reuse)
		FakerOptError(o, NULL, "only generated columns can reuse values");
	c->exact = FakerOptBool(o, "exact", false);
	if (c->exact && c->null_weight == 0 && (c->kind != COL_GEN || FakerGenStrata(c->gen, NULL) == 0))
		FakerOptError(o, "exact", "applies to a null_weight, \"values\" and \"quantiles\"");
}

/*
 * A column's spec, read by O: its provider (const, a provider of expr.h,
 * sequence or generator), its "require", reuse and nulls.
 */
static void
column_spec(Aggregate *agg, ModelColumn *c, FakerOptions *o)
{
	JsonbValue	v;
	Jsonb	   *req;
	char	   *gen;
	bool		choice;

	if (c->kind == COL_REF)
		FakerOptError(o, NULL, "is a foreign key column: describe it under \"references\"");
	if (c->kind == COL_TUPLE)
		FakerOptError(o, NULL, "is a column of a tuple \"(...)\": described twice");
	gen = column_source(o, &choice);
	req = FakerOptJsonb(o, "require");
	if (req)
		c->require = FakerCriteriaBindValue(FakerCriteriaParse(req, FakerOptPath(o, "require")),
											 c->typid, c->typmod, c->collid, agg->relid);
	column_check_keys(o, gen);

	if (FakerOptHas(o, "const", &v))
		column_const(c, &v, o);
	else if (ProviderIsSpec(o->spec, gen))
		ProviderSpec(agg, c, o->spec, o->path);
	else if (strcmp(gen, "sequence") == 0)
		column_sequence(agg, c, o);
	else
		column_generator(c, gen, o);

	column_reuse(c, o, choice || (gen && strcmp(gen, "choice") == 0));
	if (c->require)
		require_check(agg, c, o);
}

/* What can be decided of a column's "require" now: a constant must satisfy
 * it, a choice list is filtered to the values that do, a range must leave
 * some value. */
static void
require_check(Aggregate *agg, ModelColumn *c, FakerOptions *o)
{
	Oid			infn,
				ioparam;

	if (FakerCriteriaHasOperandRefs(c->require))
		return;					/* depends on the row: decided row by row */
	getTypeInputInfo(c->typid, &infn, &ioparam);
	if (c->kind == COL_CONST)
	{
		if (!FakerCriteriaEvalValue(c->require, c->constval, c->constnull, NULL))
			FakerOptError(o, "require", "the constant does not satisfy it");
		return;
	}
	if (c->kind != COL_GEN)
		return;
	if (FakerGenChoiceCount(c->gen) > 0)
	{
		int			n = FakerGenChoiceCount(c->gen);
		bool	   *keep = palloc(sizeof(bool) * n);

		for (int i = 0; i < n; i++)
			keep[i] = FakerCriteriaEvalValue(c->require,
										  OidInputFunctionCall(infn, (char *) FakerGenChoiceText(c->gen, i),
															   ioparam, c->typmod),
										  false, NULL);
		if (FakerGenChoiceKeep(c->gen, keep) == 0)
			FakerOptError(o, "require", "no value of \"values\" satisfies it");
		return;
	}
	if (FakerGenOrdered(c->gen))
	{
		Datum		lo = 0,
					hi = 0,
					out;
		bool		has_lo = false,
					has_hi = false,
					lo_incl = true,
					hi_incl = true;
		FakerRng	rng;

		if (!FakerCriteriaBounds(c->require, NULL, &lo, &has_lo, &lo_incl, &hi, &has_hi, &hi_incl))
			return;
		FakerRngInitStream(&rng, 0, "require_check", NULL);
		if (!ModelGenWithin(c, &rng, lo, has_lo, lo_incl, hi, has_hi, hi_incl, &out))
			FakerOptError(o, "require", "it leaves no value in the generator's range (min, max)");
	}
}

/*
 * The reference a "references" key names: a foreign key constraint, or a
 * column of exactly one foreign key.
 */
int
SpecFindReference(Aggregate *agg, const char *key, const char *path)
{
	int			found = -1;

	for (int i = 0; i < agg->nrefs; i++)
		if (strcmp(agg->refs[i].name, key) == 0)
			return i;
	for (int i = 0; i < agg->nrefs; i++)
		for (int k = 0; k < agg->refs[i].nkeys; k++)
			if (strcmp(agg->cols[agg->refs[i].col[k]].name, key) == 0)
			{
				if (found >= 0 && found != i)
					ereport(ERROR,
							(errcode(ERRCODE_AMBIGUOUS_PARAMETER),
							 errmsg("%s: column \"%s\" belongs to several foreign keys", path, key),
							 errhint("Name the foreign key constraint instead, e.g. \"%s\".", agg->refs[i].name)));
				found = i;
			}
	if (found < 0)
	{
		List	   *names = NIL;

		for (int i = 0; i < agg->nrefs; i++)
			names = lappend(names, agg->refs[i].name);
		for (int i = 0; i < agg->nrefs; i++)
			for (int k = 0; k < agg->refs[i].nkeys; k++)
				names = list_append_unique_ptr(names, agg->cols[agg->refs[i].col[k]].name);
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("%s: \"%s\" is neither a foreign key of %s nor a column of one", path, key, agg->qualname),
				 names ? errhint("%s", FakerSuggest(key, names, "foreign keys and their columns")) :
				 errhint("%s has no foreign key.", agg->qualname)));
	}
	return found;
}

static const char *const ref_other_keys[] = {"require", "depth", "fanout", NULL};
static const char *const child_other_keys[] = {"via", NULL};

/* True if every column of A is a column of B. */
static bool
ref_inside(ModelRef *a, ModelRef *b)
{
	for (int i = 0; i < a->nkeys; i++)
	{
		bool		in = false;

		for (int j = 0; j < b->nkeys && !in; j++)
			in = a->col[i] == b->col[j];
		if (!in)
			return false;
	}
	return true;
}

/*
 * Diamonds: criteria a wide reference sets on columns it shares with a
 * narrower one (the tenant of the author) are merged into the narrower
 * one's, which decides them first; criteria of two paths that cannot hold
 * together are an error here, before anything is chosen.
 */
static void
merge_diamonds(Aggregate *agg)
{
	for (int w = 0; w < agg->nrefs; w++)
	{
		ModelRef   *wide = &agg->refs[w];

		if (wide->require == NULL)
			continue;
		for (int n = 0; n < agg->nrefs; n++)
		{
			ModelRef   *narrow = &agg->refs[n];
			FakerCriteria *h;

			if (n == w || narrow->implied || narrow->nkeys >= wide->nkeys || !ref_inside(narrow, wide))
				continue;
			h = FakerCriteriaHoist(wide->require, agg->relid, wide->conoid, narrow->conoid);
			if (h)
				narrow->require = FakerCriteriaMerge(narrow->require, h, agg->name);
		}
	}
}

/* Generation order: a column whose require reads another ($field) after it. */
static void
column_order(Aggregate *agg, const char *root)
{
	int		   *state = palloc0(sizeof(int) * agg->ncols);	/* 0 new, 1 visiting, 2 done */
	int			n = 0;

	agg->colorder = palloc(sizeof(int) * agg->ncols);
	for (int start = 0; start < agg->ncols; start++)
	{
		/* iterative DFS would be longer than this bounded recursion */
		int			stack[MaxHeapAttributeNumber];
		int			depth = 0;

		if (state[start])
			continue;
		stack[depth++] = start;
		while (depth > 0)
		{
			int			i = stack[depth - 1];
			ListCell   *lc;
			bool		pushed = false;
			List	   *deps = NIL;
			List	   *pdeps = ProviderDeps(&agg->cols[i]);	/* column indexes */

			state[i] = 1;
			if (agg->cols[i].require)
				deps = FakerCriteriaFieldDeps(agg->cols[i].require);
			foreach(lc, pdeps)
				deps = lappend_int(deps, agg->cols[lfirst_int(lc)].attnum);
			foreach(lc, deps)
			{
				int			j;

				for (j = 0; j < agg->ncols && agg->cols[j].attnum != lfirst_int(lc); j++)
					;
				if (j == agg->ncols || state[j] == 2)
					continue;
				if (state[j] == 1 && (list_member_int(pdeps, j) ||
									  (agg->cols[j].prov && list_member_int(ProviderDeps(&agg->cols[j]), i))))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_RECURSION),
							 errmsg("%s: columns \"%s\" and \"%s\" depend on each other (expr, sequence scope or $field)",
									root, agg->cols[i].name, agg->cols[j].name)));
				if (state[j] == 1)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_RECURSION),
							 errmsg("%s: columns \"%s\" and \"%s\" require each other through $field",
									root, agg->cols[i].name, agg->cols[j].name)));
				stack[depth++] = j;
				pushed = true;
				break;
			}
			if (!pushed)
			{
				state[i] = 2;
				agg->colorder[n++] = i;
				depth--;
			}
		}
	}
}

/* The spec's "columns": each named column's provider (column_spec). */
static void
spec_columns(Aggregate *agg, FakerOptions *spec)
{
	FakerOptions cols;
	ListCell   *lc;

	if (!FakerOptObject(spec, "columns", &cols))
		return;
	foreach(lc, FakerOptKeys(&cols))
	{
		char	   *name = lfirst(lc);
		ModelColumn *c = find_column(agg, name);
		FakerOptions cs;

		if (c == NULL && name[0] == '(')
		{
			/* "(a, b, c)": several columns drawn as one tuple (tuples.c) */
			section_entry(&cols, name, &cs);
			TupleSpec(agg, name, cs.spec, FakerOptPath(&cols, name));
			continue;
		}
		if (c == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("%s: column \"%s\" of %s does not exist", FakerOptPath(&cols, name), name,
							agg->qualname),
					 errhint("%s", FakerSuggest(name, FakerColumnNames(agg->relid), "columns"))));
		section_entry(&cols, name, &cs);
		column_spec(agg, c, &cs);
	}
}

/*
 * CHECK constraints of columns without a spec (checks.c): a spec of their
 * own (a list of values, bounds), else criteria on the generated value.
 */
static void
spec_checks(Aggregate *agg, const char *root)
{
	char	  **vspec = palloc0(sizeof(char *) * Max(agg->ncols, 1));
	char	  **rspec = palloc0(sizeof(char *) * Max(agg->ncols, 1));

	ChecksRead(agg, vspec, rspec);
	for (int i = 0; i < agg->ncols; i++)
	{
		ModelColumn *c = &agg->cols[i];
		char	   *path = psprintf("%s: CHECK constraints of column %s", root, c->name);

		if (c->kind != COL_GEN || c->gen != NULL)
			continue;
		if (vspec[i])
		{
			FakerOptions cs;

			FakerOptionsInit(&cs, DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(vspec[i]))),
							 path, false);
			column_spec(agg, c, &cs);
		}
		else if (rspec[i])	/* checks.c gives one only where it applies */
		{
			/* a domain's bounds are values of its base type (0 in VALUE > 0) */
			int32		basemod = c->typmod;
			Oid			base = getBaseTypeAndTypmod(c->typid, &basemod);

			c->require = FakerCriteriaBindValue(FakerCriteriaParse(DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(rspec[i]))), path),
											 base, basemod, c->collid, agg->relid);
		}
	}
}

/*
 * Columns without a spec: left to their DEFAULT, counted (a unique integer
 * key without one), or a generator by type.
 */
static void
spec_default_columns(Aggregate *agg, const char *root)
{
	for (int i = 0; i < agg->ncols; i++)
	{
		ModelColumn *c = &agg->cols[i];
		bool		intkey = c->unique && (c->typid == INT2OID || c->typid == INT4OID || c->typid == INT8OID);

		if (c->kind != COL_GEN || c->gen != NULL)
			continue;
		if (intkey)
		{
			c->kind = COL_SERIAL_INT;
			continue;
		}
		c->gen = FakerGenForType(c->typid, c->typmod, c->name);
		if (c->gen == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("%s: column \"%s\" of type %s has no default generator", root, c->name,
							format_type_with_typemod(c->typid, c->typmod)),
					 errhint("Give it a spec under \"columns\", e.g. {\"const\": ...} or {\"values\": [...]}.")));
		column_io(c, FakerGenResultType(c->gen));
		CodesChoose(c);
	}
}

/*
 * The spec of reference KEY of section REFS: its "require" (criteria on
 * the parent row) and its distributor.
 */
static void
reference_spec(Aggregate *agg, FakerOptions *refs, const char *key)
{
	ModelRef   *r = &agg->refs[SpecFindReference(agg, key, FakerOptPath(refs, key))];
	FakerOptions rs;
	Jsonb	   *req;
	bool		nullable = false;

	section_entry(refs, key, &rs);
	if (r->has_spec)
		FakerOptError(refs, key, psprintf("foreign key \"%s\" is described twice", r->name));
	req = FakerOptJsonb(&rs, "require");
	if (req)
		r->require = FakerCriteriaBindReference(FakerCriteriaParse(req, FakerOptPath(&rs, "require")),
												agg->relid, r->conoid, NULL, 0);
	FakerM2OParse(rs.spec, rs.path, ref_other_keys, 10, &r->spec);
	r->has_spec = true;
	for (int k = 0; k < r->nkeys; k++)
		nullable |= !agg->cols[r->col[k]].notnull;
	if (r->spec.null_weight > 0 && !nullable)
		FakerOptError(&rs, "null_weight", "every column of the foreign key is NOT NULL");
	TreeParse(agg, r, rs.spec, rs.path, nullable);
}

/*
 * The spec's "references": every FK gets {"mean": 10} unless specified;
 * a foreign key inside a wider one without a spec of its own is implied.
 */
static void
spec_references(Aggregate *agg, FakerOptions *spec)
{
	FakerOptions refs;
	ListCell   *lc;

	for (int i = 0; i < agg->nrefs; i++)
	{
		memset(&agg->refs[i].spec, 0, sizeof(FakerM2OSpec));
		agg->refs[i].spec.mean = 10;
	}
	if (FakerOptObject(spec, "references", &refs))
		foreach(lc, FakerOptKeys(&refs))
			reference_spec(agg, &refs, lfirst(lc));
	for (int i = 0; i < agg->nrefs; i++)
		for (int j = 0; j < agg->nrefs; j++)
			if (i != j && !agg->refs[i].has_spec && agg->refs[j].nkeys > agg->refs[i].nkeys &&
				ref_inside(&agg->refs[i], &agg->refs[j]))
				agg->refs[i].implied = true;
}

/* The spec's "children": each child's table, foreign key and distributor. */
static void
spec_children(Aggregate *agg, FakerOptions *spec)
{
	FakerOptions children;
	List	   *keys;
	ListCell   *lc;

	agg->nchildren = 0;
	if (!FakerOptObject(spec, "children", &children))
		return;
	keys = FakerOptKeys(&children);
	agg->children = palloc0(sizeof(ModelChild) * list_length(keys));
	foreach(lc, keys)
	{
		char	   *name = lfirst(lc);
		ModelChild *ch = &agg->children[agg->nchildren++];
		FakerOptions cs;

		section_entry(&children, name, &cs);
		/* graph.c resolves it: an unknown name, "" too, gets the list */
		ch->via_name = FakerOptString(&cs, "via", NULL);
		if (ch->via_name == NULL)
			FakerOptError(&cs, "via", "is required: the child's foreign key to this table");
		ch->name = name;
		ch->o2m = FakerO2MParse(cs.spec, cs.path, child_other_keys);
		ch->spec = cs.spec;
	}
}

static const char *const spec_keys[] = {"columns", "references", "children", NULL};

/*
 * Apply the jsonb SPEC to AGG, a table read from the catalog: providers of
 * its columns, distributors of its references and children, and the order
 * in which a row's columns are made.
 */
void
SpecApply(Aggregate *agg, Jsonb *spec)
{
	FakerOptions o;

	FakerOptionsInitSpec(&o, spec, psprintf("aggregate \"%s\"", agg->name));
	FakerOptionsCheckKeys(&o, spec_keys);

	/* unique single columns, from the catalog */
	for (int u = 0; u < agg->nuniq; u++)
		if (agg->uniq[u][1] < 0)
			agg->cols[agg->uniq[u][0]].unique = true;

	spec_columns(agg, &o);
	UniquesDefaults(agg);
	spec_checks(agg, o.path);
	spec_default_columns(agg, o.path);
	spec_references(agg, &o);
	ChecksFinish(agg);
	merge_diamonds(agg);
	UniquesPrepare(agg);
	column_order(agg, o.path);
	TuplesLinkPersons(agg, spec);
	spec_children(agg, &o);
}
