/*
 * sql/query_sql.c: SQL entry points over criteria, for checking criteria
 * before putting them in a spec: faker_query_parse, faker_query_merge,
 * faker_query_match (evaluation in C), faker_query_sql and
 * faker_query_rows (the SQL translation).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "compat.h"
#include "faker.h"
#include "criteria/criteria.h"

PG_FUNCTION_INFO_V1(faker_query_parse);
PG_FUNCTION_INFO_V1(faker_query_merge);
PG_FUNCTION_INFO_V1(faker_query_match);
PG_FUNCTION_INFO_V1(faker_query_sql);
PG_FUNCTION_INFO_V1(faker_query_rows);

/* faker_query_parse(criteria): the normalised criteria (syntax only). */
Datum
faker_query_parse(PG_FUNCTION_ARGS)
{
	PG_RETURN_JSONB_P(FakerCriteriaToJsonb(FakerCriteriaParse(PG_GETARG_JSONB_P(0), "criteria")));
}

/* faker_query_merge(a, b, relation): both as conditions on a row of relation, ANDed. */
Datum
faker_query_merge(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(2);
	FakerCriteria *a = FakerCriteriaBindRow(FakerCriteriaParse(PG_GETARG_JSONB_P(0), "a"), relid, NULL, 0);
	FakerCriteria *b = FakerCriteriaBindRow(FakerCriteriaParse(PG_GETARG_JSONB_P(1), "b"), relid, NULL, 0);

	PG_RETURN_JSONB_P(FakerCriteriaToJsonb(FakerCriteriaMerge(a, b, get_rel_name(relid))));
}

typedef struct MatchCache
{
	Jsonb	   *criteria;
	Oid			typid;
	FakerCriteria *q;
	bool		row;
	bool		local;
} MatchCache;

/*
 * faker_query_match(criteria, value): evaluate in C.  A row of a table is
 * matched by row criteria ({"col": ...}, $rel through its foreign keys); any
 * other value by value criteria ($gt, $in, ...).
 */
Datum
faker_query_match(PG_FUNCTION_ARGS)
{
	Jsonb	   *criteria;
	Oid			typid = get_fn_expr_argtype(fcinfo->flinfo, 1);
	MatchCache *mc = fcinfo->flinfo->fn_extra;
	FakerCriteriaEnv env = {0};
	bool		result;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("criteria must not be NULL")));
	criteria = PG_GETARG_JSONB_P(0);
	if (mc == NULL || mc->typid != typid || VARSIZE(mc->criteria) != VARSIZE(criteria) ||
		memcmp(mc->criteria, criteria, VARSIZE(criteria)) != 0)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		Oid			relid = get_typ_typrelid(typid);

		mc = palloc0(sizeof(MatchCache));
		mc->criteria = (Jsonb *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
		mc->typid = typid;
		mc->row = OidIsValid(relid) && get_rel_relkind(relid) != RELKIND_COMPOSITE_TYPE;
		mc->q = FakerCriteriaParse(mc->criteria, "criteria");
		if (mc->row)
			mc->q = FakerCriteriaBindRow(mc->q, relid, NULL, 0);
		else
			mc->q = FakerCriteriaBindValue(mc->q, typid, -1, get_typcollation(typid), InvalidOid);
		mc->local = FakerCriteriaIsLocal(mc->q);
		fcinfo->flinfo->fn_extra = mc;
		MemoryContextSwitchTo(old);
	}
	if (!mc->row)
		PG_RETURN_BOOL(FakerCriteriaEvalValue(mc->q, PG_GETARG_DATUM(1), PG_ARGISNULL(1), NULL));
	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	{
		HeapTupleHeader th = PG_GETARG_HEAPTUPLEHEADER(1);
		TupleDesc	desc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(th), HeapTupleHeaderGetTypMod(th));
		HeapTupleData tup;

		tup.t_len = HeapTupleHeaderGetDatumLength(th);
		tup.t_data = th;
		env.values = palloc(sizeof(Datum) * desc->natts);
		env.nulls = palloc(sizeof(bool) * desc->natts);
		heap_deform_tuple(&tup, desc, env.values, env.nulls);
		ReleaseTupleDesc(desc);
	}
	env.fetch = FakerCriteriaFetchSPI;
	if (!mc->local)
		SPI_connect();
	result = FakerCriteriaEvalRow(mc->q, &env);
	if (!mc->local)
		SPI_finish();
	PG_RETURN_BOOL(result);
}

/* faker_query_sql(criteria, relation, alias): the predicate and its parameters. */
Datum
faker_query_sql(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(1);
	char	   *alias = text_to_cstring(PG_GETARG_TEXT_PP(2));
	FakerCriteria *q = FakerCriteriaBindRow(FakerCriteriaParse(PG_GETARG_JSONB_P(0), "criteria"), relid, NULL, 0);
	FakerCriteriaParams params = {0};
	char	   *pred = FakerCriteriaToSQL(q, quote_identifier(alias), &params);
	TupleDesc	desc;
	Datum		out[2];
	bool		nulls[2] = {false, false};
	Datum	   *texts = palloc(sizeof(Datum) * Max(params.n, 1));

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "faker_query_sql: a record type is expected");
	for (int i = 0; i < params.n; i++)
	{
		Oid			fn;
		bool		isvarlena;

		getTypeOutputInfo(params.types[i], &fn, &isvarlena);
		texts[i] = CStringGetTextDatum(psprintf("$%d = %s::%s", i + 1,
												quote_literal_cstr(OidOutputFunctionCall(fn, params.values[i])),
												format_type_be(params.types[i])));
	}
	out[0] = CStringGetTextDatum(pred);
	out[1] = PointerGetDatum(construct_array(texts, params.n, TEXTOID, -1, false, TYPALIGN_INT));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), out, nulls)));
}

/* faker_query_rows(relation, criteria): ctids of the rows the SQL translation selects. */
Datum
faker_query_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Oid			relid = PG_GETARG_OID(0);
	FakerCriteria *q = FakerCriteriaBindRow(FakerCriteriaParse(PG_GETARG_JSONB_P(1), "criteria"), relid, NULL, 0);
	FakerCriteriaParams params = {0};
	char	   *sql;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	sql = psprintf("SELECT t.ctid FROM %s t WHERE %s",
				   quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), get_rel_name(relid)),
				   FakerCriteriaToSQL(q, "t", &params));
	SPI_connect();
	if (FakerSPIExecute(sql, params.n, params.types, params.values, params.nulls, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "faker_query_rows: \"%s\" failed", sql);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);

		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &d, &isnull);
	}
	SPI_finish();
	return (Datum) 0;
}
