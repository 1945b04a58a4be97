/*
 * sql/gen_sql.c: SQL entry points of the value generators.
 *
 * Every faker_<gen>(...) SQL function is bound to the one C function
 * faker_gen_sql: the generator is named by the SQL function's name and its
 * options are the SQL arguments, keyed by their declared names.  The
 * compiled generator is cached in fn_extra and rebuilt only when the
 * arguments change, so constant arguments cost nothing per row.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

#include "compat.h"
#include "gen/gen.h"
#include "prng.h"

PG_FUNCTION_INFO_V1(faker_gen_sql);
PG_FUNCTION_INFO_V1(faker_generate);

typedef struct GenCache
{
	char	   *genname;
	int			nargs;
	char	  **argnames;
	Oid		   *argtypes;
	Datum	   *args;			/* copies of the arguments compiled */
	bool	   *nulls;
	FakerGen   *gen;
	MemoryContext cxt;			/* the compiled generator; reset on recompile */
} GenCache;

/* Append SQL value D of type TYP to a jsonb being built. */
static void
push_datum(JsonbParseState **st, JsonbIteratorToken tok, Datum d, Oid typ)
{
	JsonbValue	v;
	Oid			elemtype = get_element_type(typ);

	if (OidIsValid(elemtype))
	{
		ArrayType  *arr = DatumGetArrayTypeP(d);
		Datum	   *elems;
		bool	   *enulls;
		int			n;
		int16		len;
		bool		byval;
		char		align;

		get_typlenbyvalalign(elemtype, &len, &byval, &align);
		deconstruct_array(arr, elemtype, len, byval, align, &elems, &enulls, &n);
		pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
		for (int i = 0; i < n; i++)
		{
			if (enulls[i])
			{
				v.type = jbvNull;
				pushJsonbValue(st, WJB_ELEM, &v);
			}
			else
				push_datum(st, WJB_ELEM, elems[i], elemtype);
		}
		pushJsonbValue(st, WJB_END_ARRAY, NULL);
		return;
	}
	switch (typ)
	{
		case INT4OID:
			v.type = jbvNumeric;
			v.val.numeric = DatumGetNumeric(DirectFunctionCall1(int4_numeric, d));
			break;
		case INT8OID:
			v.type = jbvNumeric;
			v.val.numeric = DatumGetNumeric(DirectFunctionCall1(int8_numeric, d));
			break;
		case FLOAT8OID:
			v.type = jbvNumeric;
			v.val.numeric = DatumGetNumeric(DirectFunctionCall1(float8_numeric, d));
			break;
		case NUMERICOID:
			v.type = jbvNumeric;
			v.val.numeric = DatumGetNumeric(d);
			break;
		case BOOLOID:
			v.type = jbvBool;
			v.val.boolean = DatumGetBool(d);
			break;
		default:
			{
				Oid			out;
				bool		isvarlena;
				char	   *s;

				getTypeOutputInfo(typ, &out, &isvarlena);
				s = OidOutputFunctionCall(out, d);
				v.type = jbvString;
				v.val.string.val = s;
				v.val.string.len = strlen(s);
			}
	}
	pushJsonbValue(st, tok, &v);
}

/* The options jsonb {argname: value, ...} of one call (NULL args skipped). */
static Jsonb *
args_to_jsonb(GenCache *c, FunctionCallInfo fcinfo)
{
	JsonbParseState *st = NULL;
	JsonbValue *res;

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < c->nargs; i++)
	{
		JsonbValue	k;

		if (PG_ARGISNULL(i))
			continue;
		k.type = jbvString;
		k.val.string.val = c->argnames[i];
		k.val.string.len = strlen(c->argnames[i]);
		pushJsonbValue(&st, WJB_KEY, &k);
		push_datum(&st, WJB_VALUE, PG_GETARG_DATUM(i), c->argtypes[i]);
	}
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return JsonbValueToJsonb(res);
}

/*
 * The per-call-site cache of a faker_<gen>() function, in fn_mcxt: the
 * generator's name from the function's own (pg_proc), its argument names and
 * types (each argument is an option), and a context for the compiled
 * generator.
 */
static GenCache *
gen_cache_init(FunctionCallInfo fcinfo)
{
	MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	GenCache   *c = palloc0(sizeof(GenCache));
	HeapTuple	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(fcinfo->flinfo->fn_oid));
	Form_pg_proc proc;
	char	   *modes;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for function %u", fcinfo->flinfo->fn_oid);
	proc = (Form_pg_proc) GETSTRUCT(tup);
	if (strncmp(NameStr(proc->proname), "faker_", 6) != 0)
		elog(ERROR, "faker_gen_sql bound to function \"%s\"", NameStr(proc->proname));
	c->genname = pstrdup(NameStr(proc->proname) + 6);
	c->nargs = get_func_arg_info(tup, &c->argtypes, &c->argnames, &modes);
	ReleaseSysCache(tup);
	c->args = palloc0(sizeof(Datum) * Max(c->nargs, 1));
	c->nulls = palloc0(sizeof(bool) * Max(c->nargs, 1));
	c->cxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "faker generator", ALLOCSET_SMALL_SIZES);
	MemoryContextSwitchTo(old);
	return c;
}

/* True if this call's arguments are the ones the cached generator has. */
static bool
gen_cache_matches(GenCache *c, FunctionCallInfo fcinfo)
{
	if (c->gen == NULL)
		return false;
	for (int i = 0; i < c->nargs; i++)
	{
		int16		len;
		bool		byval;

		if (PG_ARGISNULL(i) != c->nulls[i])
			return false;
		if (PG_ARGISNULL(i))
			continue;
		get_typlenbyval(c->argtypes[i], &len, &byval);
		if (!datumIsEqual(PG_GETARG_DATUM(i), c->args[i], byval, len))
			return false;
	}
	return true;
}

/*
 * Compile the generator from this call's arguments, kept (copied) so that
 * gen_cache_matches can tell whether the next call's are the same: the
 * context is reset first, so arguments that change per row do not pile up
 * compiled generators.
 */
static void
gen_cache_compile(GenCache *c, FunctionCallInfo fcinfo)
{
	MemoryContext old;

	/* arguments that change per row must not pile up compiled generators */
	c->gen = NULL;
	MemoryContextReset(c->cxt);
	old = MemoryContextSwitchTo(c->cxt);

	for (int i = 0; i < c->nargs; i++)
	{
		int16		len;
		bool		byval;

		c->nulls[i] = PG_ARGISNULL(i);
		if (!c->nulls[i])
		{
			get_typlenbyval(c->argtypes[i], &len, &byval);
			c->args[i] = datumCopy(PG_GETARG_DATUM(i), byval, len);
		}
	}
	c->gen = FakerGenCompile(c->genname, args_to_jsonb(c, fcinfo), c->genname);
	MemoryContextSwitchTo(old);
}

/* faker_<gen>(options...): one value from the session stream. */
Datum
faker_gen_sql(PG_FUNCTION_ARGS)
{
	GenCache   *c = fcinfo->flinfo->fn_extra;

	if (c == NULL)
		fcinfo->flinfo->fn_extra = c = gen_cache_init(fcinfo);
	if (!gen_cache_matches(c, fcinfo))
		gen_cache_compile(c, fcinfo);
	PG_RETURN_DATUM(FakerGenNext(c->gen, FakerSessionRng()));
}

/* faker_generate(name, options): any generator by name, as text. */
Datum
faker_generate(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	Jsonb	   *opts = PG_GETARG_JSONB_P(1);
	FakerGen   *gen;

	if (!JB_ROOT_IS_OBJECT(opts))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("options: must be a jsonb object")));
	gen = FakerGenCompile(name, opts, name);
	PG_RETURN_TEXT_P(cstring_to_text(FakerGenNextCString(gen, FakerSessionRng())));
}
