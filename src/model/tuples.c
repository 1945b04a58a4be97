/*
 * tuples.c: correlated tuples and person-like columns (tuples.h; README,
 * "Correlated tuples").
 *
 * A spec key naming several columns in parentheses, "(city, postcode,
 * country)", makes those columns ONE value: each row takes a whole tuple
 * from the "address" generator (src/gen/address.c: one country, its
 * formats) or from one row of a table ("from" with "columns", lookup.c).
 * Reuse (mean, skew, weights) and null_weight apply to the tuple: a pool
 * of the tuples made in the call with one many-to-one distributor, so
 * "mean": 5 means each tuple is used by about 5 rows.
 *
 * The members are COL_TUPLE columns.  The first member the row asks for
 * draws the tuple (values.c, column_value_raw -> TupleValue); the others
 * take their part of it.  A row is recognised by the aggregate's count of
 * rows made so far; a member asked for twice in one row (the row made again
 * for a unique key) draws a new tuple.
 *
 * Persons: an email or username column left to its default generator is
 * made of the row's generated first and last name (or full name) when the
 * row has them: TuplesLinkPersons links it and moves it after the names in
 * the generation order; PersonLogin makes the value.
 */
#include "postgres.h"

#include <ctype.h>

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "faker.h"
#include "options.h"
#include "model/expr.h"
#include "model/tuples.h"

typedef struct TupleGroup
{
	char	   *key;			/* the spec's key, "(city, postcode, country)" */
	char	   *path;			/* aggregate "x": columns.(city, ...) */
	int			n;
	int		   *cols;			/* member column indexes, in the key's order */
	int		   *fields;			/* "address": the field of each member (ADDR_*) */
	FakerAddress *addr;			/* or NULL: "from" */
	TupleFrom	from;
	FakerM2OSpec spec;
	bool		reuse;
	/* call */
	bool		opened;
	FakerRng	rng;
	FakerM2O   *m2o;
	int64		pool_n,
				pool_cap;
	Datum	   *pool_vals;		/* pool_n * n, in the plan's memory */
	bool	   *pool_nulls;
	/* the row being made */
	int64		row;			/* agg->created of the row whose tuple is CUR */
	bool	   *served;			/* members that took their part of CUR */
	Datum	   *cur;
	bool	   *curnull;
} TupleGroup;

typedef struct PersonLink
{
	int			first,			/* column indexes, or -1 */
				last,
				full;
	FmgrInfo	out[3];			/* their output functions */
} PersonLink;

static const char *const tuple_keys[] = {"gen", "from", "fields", "countries", NULL};

/* Raise "PATH: MSG" (22023) for a tuple's spec. */
static void
tuple_error(const char *path, const char *msg)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: %s", path, msg)));
}

/*
 * The column names of a tuple key "(a, b, c)": split at commas, blanks
 * around a name dropped; names are exact, as in any other spec key.
 */
static List *
tuple_key_names(const char *key, const char *path)
{
	size_t		len = strlen(key);
	List	   *names = NIL;
	char	   *inner;
	char	   *p;

	if (len < 2 || key[0] != '(' || key[len - 1] != ')')
		tuple_error(path, "a key of several columns is written \"(column, column, ...)\"");
	inner = pnstrdup(key + 1, len - 2);
	p = inner;
	for (;;)
	{
		char	   *comma = strchr(p, ',');
		char	   *end = comma ? comma : p + strlen(p);

		while (p < end && isspace((unsigned char) *p))
			p++;
		while (end > p && isspace((unsigned char) end[-1]))
			end--;
		if (end == p)
			tuple_error(path, "a column name of the tuple is empty");
		names = lappend(names, pnstrdup(p, end - p));
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	if (list_length(names) < 2)
		tuple_error(path, "a tuple names two columns or more (one column is an ordinary entry)");
	return names;
}

/*
 * Member NAME of the tuple at PATH: a column of AGG that no other entry
 * describes, not a foreign key column, not unique on its own.
 */
static int
tuple_member(Aggregate *agg, TupleGroup *g, const char *name, const char *path)
{
	int			i;
	ModelColumn *c;

	for (i = 0; i < agg->ncols && strcmp(agg->cols[i].name, name) != 0; i++)
		;
	if (i == agg->ncols)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("%s: column \"%s\" of %s does not exist", path, name, agg->qualname),
				 errhint("%s", FakerSuggest(name, FakerColumnNames(agg->relid), "columns"))));
	c = &agg->cols[i];
	for (int k = 0; k < g->n; k++)
		if (g->cols[k] == i)
			ereport(ERROR,
					(errcode(ERRCODE_DUPLICATE_COLUMN),
					 errmsg("%s: column \"%s\" is named twice", path, name)));
	if (c->kind == COL_REF)
		tuple_error(path, psprintf("column \"%s\" is a foreign key column: describe it under \"references\"", name));
	if (c->kind == COL_TUPLE || (c->kind != COL_DEFAULT && (c->gen != NULL || c->kind != COL_GEN)))
		tuple_error(path, psprintf("column \"%s\" is described twice (in this tuple and another entry)", name));
	if (c->unique)
		tuple_error(path, psprintf("column \"%s\" is unique on its own: a tuple's values are reused or repeat", name));
	return i;
}

/*
 * The "address" generator of G at PATH: each member is a field of an
 * address, named by "fields" (one per member) or by the member's name.
 */
static void
tuple_address(Aggregate *agg, TupleGroup *g, Jsonb *spec, const char *path)
{
	JsonbValue	v;
	FakerOptions o;
	bool		fields;

	FakerOptionsInit(&o, spec, path, false);
	fields = FakerOptHas(&o, "fields", &v);

	if (fields && (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data) ||
				   (int) JsonContainerSize(v.val.binary.data) != g->n))
		tuple_error(psprintf("%s.fields", path), psprintf("must be an array of %d field names, one per column", g->n));
	g->addr = FakerAddressCompile(spec, path);
	g->fields = palloc(sizeof(int) * g->n);
	for (int i = 0; i < g->n; i++)
	{
		JsonbValue *e = fields ? getIthJsonbValueFromContainer(v.val.binary.data, i) : NULL;
		const char *name = agg->cols[g->cols[i]].name;

		if (e && e->type != jbvString)
			tuple_error(psprintf("%s.fields[%d]", path, i), "must be a field name");
		if (e)
			name = pnstrdup(e->val.string.val, e->val.string.len);
		g->fields[i] = FakerAddressField(name);
		if (g->fields[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: generator \"address\" cannot make column \"%s\"%s",
							path, agg->cols[g->cols[i]].name,
							e ? psprintf(" (field \"%s\")", name) : ""),
					 errhint("Its fields are %s; \"fields\": [...] names the field of each column.",
							 FakerAddressFieldList())));
	}
}

/* The tuple's source: "gen": "address", or "from" with "columns". */
static void
tuple_source(Aggregate *agg, TupleGroup *g, Jsonb *spec, const char *path)
{
	JsonbValue	gen,
				from;
	FakerOptions o;
	bool		has_gen,
				has_from;

	FakerOptionsInit(&o, spec, path, false);
	has_gen = FakerOptHas(&o, "gen", &gen);
	has_from = FakerOptHas(&o, "from", &from);

	if (has_gen == has_from)
		tuple_error(path, "a tuple needs exactly one of \"gen\" (\"address\") or \"from\"");
	if (has_from)
	{
		if (FakerOptHas(&o, "fields", NULL) || FakerOptHas(&o, "countries", NULL))
			tuple_error(path, "\"fields\" and \"countries\" are options of \"gen\": \"address\"");
		LookupTupleSpec(&g->from, &from, g->n, path);
		return;
	}
	if (gen.type != jbvString)
		tuple_error(psprintf("%s.gen", path), "must be a generator name");
	if (strncmp(gen.val.string.val, "address", gen.val.string.len) != 0 || gen.val.string.len != 7)
	{
		char	   *name = pnstrdup(gen.val.string.val, gen.val.string.len);

		ereport(ERROR,
				(errcode(FakerGenExists(name) ? ERRCODE_INVALID_PARAMETER_VALUE : ERRCODE_UNDEFINED_OBJECT),
				 errmsg("%s.gen: generator \"%s\" cannot make a tuple of %d columns", path, name, g->n),
				 errhint("Tuples come from \"gen\": \"address\" or from a table (\"from\" with \"columns\").")));
	}
	tuple_address(agg, g, spec, path);
}

/*
 * A spec entry KEY "(a, b, c)" of AGG (at PATH) with its spec SPEC: the
 * columns become members of one tuple with its source, reuse and nulls.
 */
void
TupleSpec(Aggregate *agg, const char *key, Jsonb *spec, const char *path)
{
	List	   *names = tuple_key_names(key, path);
	TupleGroup *g = palloc0(sizeof(TupleGroup));
	ListCell   *lc;

	g->key = pstrdup(key);
	g->path = pstrdup(path);
	g->cols = palloc(sizeof(int) * list_length(names));
	foreach(lc, names)
	{
		int			i = tuple_member(agg, g, lfirst(lc), path);

		g->cols[g->n++] = i;
	}
	tuple_source(agg, g, spec, path);
	FakerM2OParse(spec, path, tuple_keys, 1, &g->spec);
	g->reuse = g->spec.mean > 1 || g->spec.skew > 0 || g->spec.nweights > 0;
	for (int i = 0; i < g->n; i++)
	{
		ModelColumn *c = &agg->cols[g->cols[i]];

		if (g->spec.null_weight > 0 && c->notnull)
			tuple_error(psprintf("%s.null_weight", path),
						psprintf("column \"%s\" of the tuple is NOT NULL", c->name));
		c->kind = COL_TUPLE;
		c->tuple = g;
		c->tuple_member = i;
		c->null_weight = 0;		/* the tuple's, drawn by TupleValue */
	}
	g->served = palloc0(sizeof(bool) * g->n);
	g->cur = palloc0(sizeof(Datum) * g->n);
	g->curnull = palloc0(sizeof(bool) * g->n);
	g->row = -1;
}

/*
 * Per-call state of tuple G of AGG, set up when a row first asks: its
 * stream, the rows of its "from", its reuse distributor (planned over the
 * call's rows; the pool lives for the call).
 */
static void
tuple_open(FakerPlan *plan, Aggregate *agg, TupleGroup *g)
{
	MemoryContext old = MemoryContextSwitchTo(plan->cxt);	/* not the row's */

	FakerRngInitStream(&g->rng, plan->seed, agg->name, g->key);
	if (g->addr == NULL)
		LookupTupleOpen(plan, agg, &g->from, g->cols, g->path);
	if (g->reuse)
	{
		FakerM2OSpec spec = g->spec;

		spec.null_weight = 0;	/* drawn before: the pool sees non-null draws */
		g->m2o = FakerM2OCreateWithUses(&spec, 0, agg->expected * (1 - g->spec.null_weight), NULL, 0);
	}
	g->opened = true;
	MemoryContextSwitchTo(old);
}

/*
 * Member I's value of an address: the string S in the member's type
 * (varchar(n) and char(n) cut to their length, as generators are).
 */
static Datum
address_datum(ModelColumn *c, char *s)
{
	Oid			in,
				ioparam;
	int32		typmod = c->typmod;
	Oid			base = getBaseTypeAndTypmod(c->typid, &typmod);
	int			len = strlen(s);

	if ((base == VARCHAROID || base == BPCHAROID) && typmod >= (int32) VARHDRSZ &&
		len > typmod - (int32) VARHDRSZ)
		s[pg_mbcharcliplen(s, len, typmod - VARHDRSZ)] = '\0';
	if (c->typid == TEXTOID || c->typid == VARCHAROID)
		return CStringGetTextDatum(s);
	getTypeInputInfo(c->typid, &in, &ioparam);
	return OidInputFunctionCall(in, s, ioparam, c->typmod);
}

/* A new tuple of G into CUR (allocated in the current memory context). */
static void
tuple_fresh(Aggregate *agg, TupleGroup *g)
{
	if (g->addr)
	{
		char	  **s = palloc(sizeof(char *) * g->n);

		FakerAddressNext(g->addr, &g->rng, g->fields, g->n, s);
		for (int i = 0; i < g->n; i++)
		{
			g->cur[i] = address_datum(&agg->cols[g->cols[i]], s[i]);
			g->curnull[i] = false;
		}
		return;
	}
	{
		int64		row = LookupTupleNext(&g->from, &g->rng);

		for (int i = 0; i < g->n; i++)
		{
			g->cur[i] = g->from.vals[row * g->n + i];
			g->curnull[i] = g->from.nulls[row * g->n + i];
		}
	}
}

/* A hash of the tuple in CUR (a new pooled tuple must be new). */
static uint64
tuple_hash(Aggregate *agg, TupleGroup *g)
{
	uint64		h = 0x7475706c65ULL ^ ((uint64) agg->cols[g->cols[0]].attnum << 40);

	for (int i = 0; i < g->n; i++)
		h = h * 0x9E3779B97F4A7C15ULL ^
			(g->curnull[i] ? 0x6e756c6cULL : ColumnHash(&agg->cols[g->cols[i]], g->cur[i]));
	return h;
}

/*
 * A pooled tuple: one made before, drawn by the distributor, or a new one
 * (new indeed, 100 attempts at most, or the distinct count drifts), kept
 * in the pool in the plan's memory.
 */
static void
tuple_reused(FakerPlan *plan, Aggregate *agg, TupleGroup *g)
{
	FakerDraw	dr = FakerM2ONext(g->m2o, &g->rng, g->pool_n);
	MemoryContext old;

	if (dr.kind == FAKER_DRAW_REUSE)
	{
		memcpy(g->cur, g->pool_vals + dr.index * g->n, sizeof(Datum) * g->n);
		memcpy(g->curnull, g->pool_nulls + dr.index * g->n, sizeof(bool) * g->n);
		return;
	}
	for (int attempt = 0; attempt < 100; attempt++)
	{
		tuple_fresh(agg, g);
		if (HashSetAdd(agg->seen, tuple_hash(agg, g)))
			break;
	}
	old = MemoryContextSwitchTo(plan->cxt);
	if (g->pool_n == g->pool_cap)
	{
		g->pool_cap = Max(1024, g->pool_cap * 2);
		g->pool_vals = g->pool_vals ? repalloc_huge(g->pool_vals, sizeof(Datum) * g->pool_cap * g->n) :
			MemoryContextAllocHuge(plan->cxt, sizeof(Datum) * g->pool_cap * g->n);
		g->pool_nulls = g->pool_nulls ? repalloc_huge(g->pool_nulls, sizeof(bool) * g->pool_cap * g->n) :
			MemoryContextAllocHuge(plan->cxt, sizeof(bool) * g->pool_cap * g->n);
	}
	for (int i = 0; i < g->n; i++)
	{
		ModelColumn *c = &agg->cols[g->cols[i]];
		int64		at = g->pool_n * g->n + i;

		g->pool_nulls[at] = g->curnull[i];
		g->pool_vals[at] = g->curnull[i] ? (Datum) 0 : datumCopy(g->cur[i], c->typbyval, c->typlen);
		g->cur[i] = g->pool_vals[at];
	}
	MemoryContextSwitchTo(old);
	FakerM2OCreated(g->m2o, g->pool_n++);
}

/*
 * The value of tuple member C in the row being made: its part of the
 * row's tuple, drawn when the row's first member asks (NULL as a whole
 * with the tuple's null_weight).
 */
Datum
TupleValue(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull)
{
	TupleGroup *g = c->tuple;
	int			m = c->tuple_member;

	if (!g->opened)
		tuple_open(rc->plan, agg, g);
	if (g->row != agg->created || g->served[m])
	{
		memset(g->served, 0, sizeof(bool) * g->n);
		g->row = agg->created;
		if (g->spec.null_weight > 0 && FakerRngDouble(&g->rng) < g->spec.null_weight)
		{
			memset(g->curnull, true, sizeof(bool) * g->n);
			memset(g->cur, 0, sizeof(Datum) * g->n);
		}
		else if (g->reuse)
			tuple_reused(rc->plan, agg, g);
		else
			tuple_fresh(agg, g);
	}
	g->served[m] = true;
	*isnull = g->curnull[m];
	return g->cur[m];
}

/* ---- persons ---- */

/* The first column of AGG whose generator makes PART of a person, or -1. */
static int
person_column(Aggregate *agg, FakerPersonPart part)
{
	for (int i = 0; i < agg->ncols; i++)
	{
		ModelColumn *c = &agg->cols[i];

		if (c->kind == COL_GEN && c->gen && FakerGenPersonPart(c->gen) == part)
			return i;
	}
	return -1;
}

/* Does any column of AGG read column I (an expr, a scope, a $field)? */
static bool
column_read_by_others(Aggregate *agg, int i)
{
	for (int j = 0; j < agg->ncols; j++)
	{
		if (list_member_int(ProviderDeps(&agg->cols[j]), i))
			return true;
		if (agg->cols[j].require &&
			list_member_int(FakerCriteriaFieldDeps(agg->cols[j].require), agg->cols[i].attnum))
			return true;
	}
	return false;
}

/*
 * Move column LOGIN after the columns of P in AGG's generation order (no
 * column reads it, so nothing must come after it).
 */
static void
person_order(Aggregate *agg, int login, PersonLink *p)
{
	int			at = -1,
				after = -1;

	for (int o = 0; o < agg->ncols; o++)
	{
		int			i = agg->colorder[o];

		if (i == login)
			at = o;
		if (i == p->first || i == p->last || i == p->full)
			after = o;
	}
	if (at < 0 || after < at)
		return;
	memmove(agg->colorder + at, agg->colorder + at + 1, sizeof(int) * (after - at));
	agg->colorder[after] = login;
}

/* Is column NAME an entry of the spec's "columns" (explicitly described)? */
static bool
spec_names_column(Jsonb *spec, const char *name)
{
	FakerOptions o;
	JsonbValue	cols;
	FakerOptions sub;

	FakerOptionsInit(&o, spec, "columns", false);
	if (!FakerOptHas(&o, "columns", &cols) ||
		cols.type != jbvBinary || !JsonContainerIsObject(cols.val.binary.data))
		return false;
	FakerOptionsInit(&sub, JsonbValueToJsonb(&cols), "columns", false);
	return FakerOptHas(&sub, name, NULL);
}

/*
 * Link every email or username column of AGG that its spec leaves to the
 * default generator to the row's generated names (first and last, else a
 * full name), made before it.  A login another column reads keeps its
 * place and its independent values.
 */
void
TuplesLinkPersons(Aggregate *agg, Jsonb *spec)
{
	PersonLink	names;

	names.first = person_column(agg, FAKER_PERSON_FIRST);
	names.last = person_column(agg, FAKER_PERSON_LAST);
	names.full = person_column(agg, FAKER_PERSON_FULL);
	if (names.first < 0 || names.last < 0)
		names.first = names.last = -1;
	if (names.first < 0 && names.full < 0)
		return;
	if (names.first >= 0)
		names.full = -1;
	for (int i = 0; i < agg->ncols; i++)
	{
		ModelColumn *c = &agg->cols[i];
		int			idx[3] = {names.first, names.last, names.full};

		if (c->kind != COL_GEN || c->gen == NULL || FakerGenPersonPart(c->gen) != FAKER_PERSON_LOGIN ||
			spec_names_column(spec, c->name) || column_read_by_others(agg, i))
			continue;
		c->person = palloc(sizeof(PersonLink));
		*c->person = names;
		for (int k = 0; k < 3; k++)
			if (idx[k] >= 0)
			{
				Oid			fn;
				bool		isvarlena;

				getTypeOutputInfo(agg->cols[idx[k]].typid, &fn, &isvarlena);
				fmgr_info(fn, &c->person->out[k]);
			}
		person_order(agg, i, c->person);
	}
}

/* Column K (slot K of P: first, last, full) of the row as UTF-8, or NULL. */
static char *
person_text(RowCtx *rc, PersonLink *p, int k)
{
	int			i = k == 0 ? p->first : k == 1 ? p->last : p->full;
	char	   *s;

	if (i < 0 || rc->rownulls[i])
		return NULL;
	s = OutputFunctionCall(&p->out[k], rc->rowvals[i]);
	return pg_server_to_any(s, strlen(s), PG_UTF8);
}

/*
 * The login of column C made of the row's names (first and last, or the
 * first and last words of the full name); false when the row has none
 * (NULLs, a single word, no letter), and C gets an ordinary value.
 */
bool
PersonLogin(RowCtx *rc, ModelColumn *c, Datum *out)
{
	PersonLink *p = c->person;
	char	   *first,
			   *last;

	if (p->first >= 0)
	{
		first = person_text(rc, p, 0);
		last = person_text(rc, p, 1);
	}
	else
	{
		char	   *full = person_text(rc, p, 2);
		char	   *sp = full ? strchr(full, ' ') : NULL;

		if (sp == NULL)
			return false;
		first = pnstrdup(full, sp - full);
		last = strrchr(full, ' ') + 1;
	}
	if (first == NULL || last == NULL)
		return false;
	return FakerGenLoginFrom(c->gen, &c->rng, first, last, out);
}
