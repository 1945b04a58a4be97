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
#include "model/modelpriv.h"
#include "model/expr.h"
#include "model/uniques.h"
#include "model/checks.h"

/* Raise "PATH: MSG" for a spec that does not fit its table. */
static void
spec_error(const char *path, const char *msg)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: %s", path, msg)));
}

/* Whether JB has KEY: its value in *V. */
static bool
jb_get(Jsonb *jb, const char *key, JsonbValue *v)
{
	return getKeyJsonValueFromContainer(&jb->root, key, strlen(key), v) != NULL;
}

/* The object under KEY of JB as a Jsonb of its own, or NULL if absent. */
static Jsonb *
jb_object(Jsonb *jb, const char *key, const char *path)
{
	JsonbValue	v;

	if (!jb_get(jb, key, &v) || v.type == jbvNull)
		return NULL;
	if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data))
		spec_error(path, "must be a jsonb object");
	return JsonbValueToJsonb(&v);
}

/* The entry under KEY of a section (a column's, a reference's spec): an object, never null. */
static Jsonb *
jb_entry(Jsonb *jb, const char *key, const char *path)
{
	Jsonb	   *e = jb_object(jb, key, path);

	if (e == NULL)
		spec_error(path, "must be a jsonb object");
	return e;
}

/* Keys of a jsonb object, in storage order. */
static List *
jb_keys(Jsonb *jb)
{
	JsonbIterator *it = JsonbIteratorInit(&jb->root);
	JsonbValue	v;
	JsonbIteratorToken tok;
	List	   *keys = NIL;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (tok == WJB_KEY)
			keys = lappend(keys, pnstrdup(v.val.string.val, v.val.string.len));
	return keys;
}

/* A copy of object JB with only the keys in KEEP (NULL-terminated). */
static Jsonb *
jb_filter(Jsonb *jb, const char *const *keep)
{
	JsonbParseState *st = NULL;
	JsonbValue *res;

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; keep[i]; i++)
	{
		JsonbValue	k,
					v;

		if (!jb_get(jb, keep[i], &v))
			continue;
		k.type = jbvString;
		k.val.string.val = (char *) keep[i];
		k.val.string.len = strlen(keep[i]);
		pushJsonbValue(&st, WJB_KEY, &k);
		if (v.type == jbvBinary)
		{
			/* re-push a container value as a whole */
			JsonbIterator *it = JsonbIteratorInit(v.val.binary.data);
			JsonbValue	e;
			JsonbIteratorToken tok;

			while ((tok = JsonbIteratorNext(&it, &e, false)) != WJB_DONE)
				pushJsonbValue(&st, tok, tok < WJB_BEGIN_ARRAY ? &e : NULL);
		}
		else
			pushJsonbValue(&st, WJB_VALUE, &v);
	}
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return JsonbValueToJsonb(res);
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

static void require_check(Aggregate *agg, ModelColumn *c, const char *path);

static const char *const reuse_keys[] = {"mean", "skew", "weights", "null_weight", NULL};
static const char *const reuse_keys_no_weights[] = {"mean", "skew", "null_weight", NULL};

/*
 * The generator a column's spec CS names (NULL: "const", "expr" or "from"),
 * "choice" for "values" (*CHOICE set); exactly one source must be given.
 */
static char *
column_source(Jsonb *cs, const char *path, bool *choice)
{
	JsonbValue	v;
	char	   *gen = NULL;
	int			nsources = 0;

	*choice = false;
	if (jb_get(cs, "gen", &v))
	{
		if (v.type != jbvString)
			spec_error(psprintf("%s.gen", path), "must be a generator name");
		gen = pnstrdup(v.val.string.val, v.val.string.len);
		nsources++;
	}
	if (jb_get(cs, "values", &v))
	{
		gen = "choice";
		*choice = true;
		nsources++;
	}
	if (jb_get(cs, "const", &v))
		nsources++;
	if (jb_get(cs, "expr", &v))
		nsources++;
	if (jb_get(cs, "from", &v))
		nsources++;
	if (nsources != 1)
		spec_error(path, "needs exactly one of \"gen\", \"values\", \"const\", \"expr\" or \"from\"");
	return gen;
}

/* Reject the keys of a column's spec CS that neither it nor GEN knows. */
static void
column_check_keys(Jsonb *cs, const char *gen, const char *path)
{
	ListCell   *lc;

	foreach(lc, jb_keys(cs))
	{
		char	   *k = lfirst(lc);

		if (strcmp(k, "gen") == 0 || strcmp(k, "values") == 0 || strcmp(k, "const") == 0 ||
			strcmp(k, "unique") == 0 || strcmp(k, "mean") == 0 || strcmp(k, "skew") == 0 ||
			strcmp(k, "weights") == 0 || strcmp(k, "null_weight") == 0 || strcmp(k, "require") == 0)
			continue;
		if (gen && strcmp(gen, "sequence") == 0 &&
			(strcmp(k, "format") == 0 || strcmp(k, "start") == 0 || strcmp(k, "scope") == 0))
			continue;
		if (gen && FakerGenHasOption(gen, k))
			continue;
		if (ProviderAllowsKey(cs, gen, k))
			continue;
		spec_error(psprintf("%s.%s", path, k), "unknown option");
	}
}

/* "const": the constant V, read with the column type's input function. */
static void
column_const(ModelColumn *c, JsonbValue *v, const char *path)
{
	char	   *s = FakerJsonbScalarText(v);
	Oid			fn;

	c->kind = COL_CONST;
	c->constnull = (v->type == jbvNull);
	if (!c->constnull && s == NULL)
		spec_error(psprintf("%s.const", path), "must be a string, number, boolean or null");
	if (c->constnull && c->notnull)
		spec_error(psprintf("%s.const", path), "is null but the column is NOT NULL");
	if (!c->constnull)
	{
		getTypeInputInfo(c->typid, &fn, &c->ioparam);
		c->constval = OidInputFunctionCall(fn, s, c->ioparam, c->typmod);
	}
}

/* {"gen": "sequence"}: start, format and the counter's scope. */
static void
column_sequence(Aggregate *agg, ModelColumn *c, Jsonb *cs, const char *path)
{
	JsonbValue	v;

	c->kind = COL_SEQ;
	c->seq_start = 1;
	if (jb_get(cs, "start", &v))
	{
		if (v.type != jbvNumeric)
			spec_error(psprintf("%s.start", path), "must be an integer");
		c->seq_start = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(v.val.numeric)));
	}
	if (jb_get(cs, "format", &v))
	{
		if (v.type != jbvString || strstr(pnstrdup(v.val.string.val, v.val.string.len), "%s") == NULL)
			spec_error(psprintf("%s.format", path), "must be a string containing %s");
		c->seq_format = pnstrdup(v.val.string.val, v.val.string.len);
	}
	c->seq_scope = psprintf("%s.%s", agg->name, c->name);
	if (jb_get(cs, "scope", &v) && !(v.type == jbvBinary && JsonContainerIsArray(v.val.binary.data)))
	{
		if (v.type != jbvString)
			spec_error(psprintf("%s.scope", path), "must be a string (the counter's name) or an array of columns");
		c->seq_scope = pnstrdup(v.val.string.val, v.val.string.len);
	}
	ProviderSequenceSpec(agg, c, cs, path);
	column_io(c, TEXTOID);
}

/* A generator GEN with its options CS; varchar(n) and char(n) cap its length. */
static void
column_generator(ModelColumn *c, const char *gen, Jsonb *cs, const char *path)
{
	if (!FakerGenExists(gen))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("%s.gen: unknown generator \"%s\"", path, gen)));
	c->kind = COL_GEN;
	c->gen = FakerGenCompile(gen, cs, path);
	if ((c->typid == VARCHAROID || c->typid == BPCHAROID) && c->typmod >= (int32) VARHDRSZ)
		FakerGenSetMaxLength(c->gen, c->typmod - VARHDRSZ);
	column_io(c, FakerGenResultType(c->gen));
}

/*
 * Reuse of generated values (mean, skew, weights), null_weight and
 * "unique", and what they exclude.  A "choice" has weights of its own.
 */
static void
column_reuse(ModelColumn *c, Jsonb *cs, bool choice, const char *path)
{
	JsonbValue	v;
	Jsonb	   *reuse;

	reuse = jb_filter(cs, choice ? reuse_keys_no_weights : reuse_keys);
	FakerM2OParse(reuse, path, NULL, 1, &c->reuse_spec);
	c->null_weight = c->reuse_spec.null_weight;
	c->reuse = c->reuse_spec.mean > 1 || c->reuse_spec.skew > 0 || c->reuse_spec.nweights > 0;
	if (c->null_weight > 0 && c->notnull)
		spec_error(psprintf("%s.null_weight", path), "the column is NOT NULL");
	if (jb_get(cs, "unique", &v))
	{
		if (v.type != jbvBool)
			spec_error(psprintf("%s.unique", path), "must be true or false");
		c->unique = c->unique || v.val.boolean;
	}
	if (c->unique && c->reuse)
		spec_error(path, "a unique column cannot reuse values (mean, skew, weights)");
	if (c->kind != COL_GEN && c->kind != COL_EXPR && c->reuse)
		spec_error(path, "only generated columns can reuse values");
}

/*
 * A column's spec CS (at PATH): its provider (const, a provider of expr.h,
 * sequence or generator), its "require", reuse and nulls.
 */
static void
column_spec(Aggregate *agg, ModelColumn *c, Jsonb *cs, const char *path)
{
	JsonbValue	v;
	char	   *gen;
	bool		choice;

	if (c->kind == COL_REF)
		spec_error(path, "is a foreign key column: describe it under \"references\"");
	gen = column_source(cs, path, &choice);
	if (jb_get(cs, "require", &v))
	{
		Jsonb	   *req = JsonbValueToJsonb(&v);

		c->require = FakerCriteriaBindValue(FakerCriteriaParse(req, psprintf("%s.require", path)),
										 c->typid, c->typmod, c->collid, agg->relid);
	}
	column_check_keys(cs, gen, path);

	if (jb_get(cs, "const", &v))
		column_const(c, &v, path);
	else if (ProviderIsSpec(cs, gen))
		ProviderSpec(agg, c, cs, path);
	else if (strcmp(gen, "sequence") == 0)
		column_sequence(agg, c, cs, path);
	else
		column_generator(c, gen, cs, path);

	column_reuse(c, cs, choice || (gen && strcmp(gen, "choice") == 0), path);
	if (c->require)
		require_check(agg, c, path);
}

/* What can be decided of a column's "require" now: a constant must satisfy
 * it, a choice list is filtered to the values that do, a range must leave
 * some value. */
static void
require_check(Aggregate *agg, ModelColumn *c, const char *path)
{
	char	   *rpath = psprintf("%s.require", path);
	Oid			infn,
				ioparam;

	if (FakerCriteriaHasOperandRefs(c->require))
		return;					/* depends on the row: decided row by row */
	getTypeInputInfo(c->typid, &infn, &ioparam);
	if (c->kind == COL_CONST)
	{
		if (!FakerCriteriaEvalValue(c->require, c->constval, c->constnull, NULL))
			spec_error(rpath, "the constant does not satisfy it");
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
			spec_error(rpath, "no value of \"values\" satisfies it");
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
			spec_error(rpath, "it leaves no value in the generator's range (min, max)");
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

static const char *const ref_other_keys[] = {"require", NULL};
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
spec_columns(Aggregate *agg, Jsonb *spec, const char *root)
{
	Jsonb	   *cols = jb_object(spec, "columns", psprintf("%s: columns", root));
	ListCell   *lc;

	if (cols == NULL)
		return;
	foreach(lc, jb_keys(cols))
	{
		char	   *name = lfirst(lc);
		char	   *path = psprintf("%s: columns.%s", root, name);
		ModelColumn *c = find_column(agg, name);

		if (c == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("%s: column \"%s\" of %s does not exist", path, name, agg->qualname),
					 errhint("%s", FakerSuggest(name, FakerColumnNames(agg->relid), "columns"))));
		column_spec(agg, c, jb_entry(cols, name, path), path);
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
			column_spec(agg, c, DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(vspec[i]))), path);
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
	}
}

/*
 * The spec's "references": every FK gets {"mean": 10} unless specified;
 * a foreign key inside a wider one without a spec of its own is implied.
 */
static void
spec_references(Aggregate *agg, Jsonb *spec, const char *root)
{
	Jsonb	   *refs;
	ListCell   *lc;

	for (int i = 0; i < agg->nrefs; i++)
	{
		memset(&agg->refs[i].spec, 0, sizeof(FakerM2OSpec));
		agg->refs[i].spec.mean = 10;
	}
	refs = jb_object(spec, "references", psprintf("%s: references", root));
	if (refs)
		foreach(lc, jb_keys(refs))
		{
			char	   *key = lfirst(lc);
			char	   *path = psprintf("%s: references.%s", root, key);
			ModelRef   *r = &agg->refs[SpecFindReference(agg, key, path)];
			Jsonb	   *rs = jb_entry(refs, key, path);
			JsonbValue	v;
			bool		nullable = false;

			if (r->has_spec)
				spec_error(path, psprintf("foreign key \"%s\" is described twice", r->name));
			if (jb_get(rs, "require", &v))
				r->require = FakerCriteriaBindReference(FakerCriteriaParse(JsonbValueToJsonb(&v), psprintf("%s.require", path)),
													 agg->relid, r->conoid, NULL, 0);
			FakerM2OParse(rs, path, ref_other_keys, 10, &r->spec);
			r->has_spec = true;
			for (int k = 0; k < r->nkeys; k++)
				nullable |= !agg->cols[r->col[k]].notnull;
			if (r->spec.null_weight > 0 && !nullable)
				spec_error(psprintf("%s.null_weight", path), "every column of the foreign key is NOT NULL");
		}
	for (int i = 0; i < agg->nrefs; i++)
		for (int j = 0; j < agg->nrefs; j++)
			if (i != j && !agg->refs[i].has_spec && agg->refs[j].nkeys > agg->refs[i].nkeys &&
				ref_inside(&agg->refs[i], &agg->refs[j]))
				agg->refs[i].implied = true;
}

/* The spec's "children": each child's table, foreign key and distributor. */
static void
spec_children(Aggregate *agg, Jsonb *spec, const char *root)
{
	Jsonb	   *children = jb_object(spec, "children", psprintf("%s: children", root));
	List	   *keys;
	ListCell   *lc;

	agg->nchildren = 0;
	if (children == NULL)
		return;
	keys = jb_keys(children);
	agg->children = palloc0(sizeof(ModelChild) * list_length(keys));
	foreach(lc, keys)
	{
		char	   *name = lfirst(lc);
		char	   *path = psprintf("%s: children.%s", root, name);
		ModelChild *ch = &agg->children[agg->nchildren++];
		Jsonb	   *cs = jb_entry(children, name, path);
		JsonbValue	v;

		if (!jb_get(cs, "via", &v) || v.type != jbvString)
			spec_error(psprintf("%s.via", path), "must name the child's foreign key to this table");
		ch->name = name;
		ch->via_name = pnstrdup(v.val.string.val, v.val.string.len);
		ch->o2m = FakerO2MParse(cs, path, child_other_keys);
		ch->spec = cs;
	}
}

/*
 * Apply the jsonb SPEC to AGG, a table read from the catalog: providers of
 * its columns, distributors of its references and children, and the order
 * in which a row's columns are made.
 */
void
SpecApply(Aggregate *agg, Jsonb *spec)
{
	ListCell   *lc;
	char	   *root = psprintf("aggregate \"%s\"", agg->name);

	if (spec == NULL || !JB_ROOT_IS_OBJECT(spec) || JB_ROOT_IS_SCALAR(spec))
		spec_error(root, "the spec must be a jsonb object");
	foreach(lc, jb_keys(spec))
	{
		char	   *k = lfirst(lc);

		if (strcmp(k, "columns") != 0 && strcmp(k, "references") != 0 && strcmp(k, "children") != 0)
			spec_error(psprintf("%s: %s", root, k), "unknown key (columns, references, children)");
	}

	/* unique single columns, from the catalog */
	for (int u = 0; u < agg->nuniq; u++)
		if (agg->uniq[u][1] < 0)
			agg->cols[agg->uniq[u][0]].unique = true;

	spec_columns(agg, spec, root);
	UniquesDefaults(agg);
	spec_checks(agg, root);
	spec_default_columns(agg, root);
	spec_references(agg, spec, root);
	ChecksFinish(agg);
	merge_diamonds(agg);
	UniquesPrepare(agg);
	column_order(agg, root);
	spec_children(agg, spec, root);
}
