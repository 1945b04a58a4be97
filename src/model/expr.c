/*
 * expr.c: expression columns and SQL-function generators (expr.h).
 *
 * {"expr": "price * quantity"} is parsed once per call (at faker_define
 * too, to report errors early) as the one target of "SELECT (<expr>)",
 * with every column reference turned into a parameter: "col" a column of
 * the same row (made before this one: spec.c orders the columns), "fk.col"
 * a column of the parent row through a foreign key (a constraint name or a
 * column of exactly one foreign key, as $field).  The expression is
 * coerced to the column's type by assignment rules, planned once, and
 * evaluated per row in-process (an ExprState over a ParamListInfo, no SPI
 * per row); a parent's column is read by one prepared indexed lookup per
 * distinct parent key.
 *
 * Names resolve with a search_path of pg_catalog, pg_temp (as faker's own
 * statements): built-in functions and types need no schema, anything else
 * must be schema-qualified, so no object another role puts on the caller's
 * search_path is chosen.  The expression runs with the caller's rights
 * (EXECUTE on the functions it calls is checked when the call starts).
 * Subqueries, aggregates, window and set-returning functions are errors.
 *
 * {"gen": "sql", "function": "schema.fn"} resolves the function once, as
 * regproc does ("schema.fn(jsonb)" as regprocedure), and calls it per row
 * with the spec's other options as a jsonb argument when it takes one.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/params.h"
#include "optimizer/optimizer.h"
#include "parser/parse_coerce.h"
#include "parser/parse_collate.h"
#include "parser/parse_expr.h"
#include "parser/parse_node.h"
#include "parser/parser.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/regproc.h"
#include "utils/syscache.h"

#include "faker.h"
#include "model/expr.h"
#include "options.h"
#include "security.h"

#define EXPR_PREFIX "SELECT ("

/*
 * Re-throw the error being handled with LABEL before its message; a
 * position in our "SELECT (...)" text becomes a position in TEXT.
 */
void
ProviderRethrow(MemoryContext cxt, const char *label, const char *text, int skip)
{
	ErrorData  *ed;

	MemoryContextSwitchTo(cxt);
	ed = CopyErrorData();
	if (ed->sqlerrcode == ERRCODE_QUERY_CANCELED)
		PG_RE_THROW();
	FlushErrorState();
	ed->message = psprintf("%s: %s", label, ed->message);
	if (text && ed->cursorpos > skip)
	{
		ed->internalquery = pstrdup(text);
		ed->internalpos = ed->cursorpos - skip;
		ed->cursorpos = 0;
	}
	if (ed->sqlerrcode == ERRCODE_UNDEFINED_FUNCTION)
		ed->hint = psprintf("%s%sfaker resolves names in pg_catalog only: qualify other functions, operators and types with their schema.",
							ed->hint ? ed->hint : "", ed->hint ? " " : "");
	ReThrowError(ed);
}

/* search_path pg_catalog, pg_temp for name resolution (see above). */
static int
safe_path_enter(void)
{
	int			nest = NewGUCNestLevel();

	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	return nest;
}

/* Restore the search_path safe_path_enter replaced. */
static void
safe_path_exit(int nest)
{
	AtEOXact_GUC(true, nest);
}

/* Whether CS is a user provider: "expr", "from" or "gen": "sql" (expr.h). */
bool
ProviderIsSpec(Jsonb *cs, const char *gen)
{
	FakerOptions o;

	FakerOptionsInit(&o, cs, "", false);
	return FakerOptHas(&o, "expr", NULL) || FakerOptHas(&o, "from", NULL) || (gen && strcmp(gen, "sql") == 0);
}

/* Whether key K may appear in the spec CS of a user provider (expr.h). */
bool
ProviderAllowsKey(Jsonb *cs, const char *gen, const char *k)
{
	JsonbValue	v;

	if (strcmp(k, "expr") == 0 || strcmp(k, "from") == 0)
		return true;
	if (gen && strcmp(gen, "sql") == 0)
		return true;			/* "function", and options for it */
	(void) cs;
	(void) v;
	return false;
}

/* ---- parsing ---- */

typedef struct ParseCtx
{
	Aggregate  *agg;
	ModelColumn *self;
	ColProvider *p;
} ParseCtx;

/*
 * The index of the value NAME ("col" or "fk.col") among P's parameters,
 * added if new.
 */
static int
add_param(ColProvider *p, const char *name)
{
	for (int i = 0; i < p->nparams; i++)
		if (strcmp(p->params[i].name, name) == 0)
			return i;
	p->params = p->params ? repalloc(p->params, sizeof(ProvParam) * (p->nparams + 1)) :
		palloc(sizeof(ProvParam));
	memset(&p->params[p->nparams], 0, sizeof(ProvParam));
	p->params[p->nparams].name = pstrdup(name);
	p->params[p->nparams].col = -1;
	p->params[p->nparams].ref = -1;
	return p->nparams++;
}

/* A column reference of the expression: a parameter. */
static Node *
expr_columnref(ParseState *pstate, ColumnRef *cref)
{
	ParseCtx   *ctx = pstate->p_ref_hook_state;
	Aggregate  *agg = ctx->agg;
	ColProvider *p = ctx->p;
	int			nf = list_length(cref->fields);
	ListCell   *lc;
	ProvParam  *prm;
	Param	   *node;
	int			idx;

	foreach(lc, cref->fields)
		if (!IsA(lfirst(lc), String))
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("\"*\" is not supported: name the columns"),
					 parser_errposition(pstate, cref->location)));
	if (nf == 1)
	{
		char	   *name = strVal(linitial(cref->fields));
		int			i;

		for (i = 0; i < agg->ncols && strcmp(agg->cols[i].name, name) != 0; i++)
			;
		if (i == agg->ncols)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of %s does not exist", name, agg->qualname),
					 errhint("An expression reads columns of its row, or \"fk_col.parent_col\" through a foreign key."),
					 parser_errposition(pstate, cref->location)));
		if (&agg->cols[i] == ctx->self)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_RECURSION),
					 errmsg("column \"%s\" reads itself", name),
					 parser_errposition(pstate, cref->location)));
		idx = add_param(p, name);
		prm = &p->params[idx];
		prm->col = i;
		prm->type = agg->cols[i].typid;
		prm->typmod = agg->cols[i].typmod;
		prm->collid = agg->cols[i].collid;
	}
	else if (nf == 2)
	{
		char	   *fk = strVal(linitial(cref->fields));
		char	   *col = strVal(lsecond(cref->fields));
		char	   *name = psprintf("%s.%s", fk, col);
		int			r = SpecFindReference(agg, fk, p->label);
		AttrNumber	att = get_attnum(agg->refs[r].parent_relid, col);

		if (att <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of %s (through \"%s\") does not exist", col,
							CatalogQualifiedName(agg->refs[r].parent_relid), fk),
					 parser_errposition(pstate, cref->location)));
		idx = add_param(p, name);
		prm = &p->params[idx];
		prm->ref = r;
		prm->patt = att;
		get_atttypetypmodcoll(agg->refs[r].parent_relid, att, &prm->type, &prm->typmod, &prm->collid);
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("\"%s\" is neither a column nor \"fk_col.parent_col\"", NameListToString(cref->fields)),
				 parser_errposition(pstate, cref->location)));
	node = makeNode(Param);
	node->paramkind = PARAM_EXTERN;
	node->paramid = idx + 1;
	node->paramtype = prm->type;
	node->paramtypmod = prm->typmod;
	node->paramcollid = prm->collid;
	node->location = cref->location;
	return (Node *) node;
}

/* Raise a syntax error for P's expression, with the expression's text. */
static void
bad_expr(ColProvider *p, const char *msg)
{
	ereport(ERROR,
			(errcode(ERRCODE_SYNTAX_ERROR),
			 errmsg("%s: %s", p->label, msg),
			 errdetail("Expression: %s", p->text)));
}

/* The expression coerced to column C's type, or an error. */
static Node *
coerce_result(ParseState *pstate, ColProvider *p, ModelColumn *c, Node *e)
{
	Oid			t = exprType(e);
	Node	   *r = coerce_to_target_type(pstate, e, t, c->typid, c->typmod,
										  COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);

	if (r == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("%s: is of type %s, which cannot be assigned to column \"%s\" of type %s",
						p->label, format_type_be(t), c->name, format_type_with_typemod(c->typid, c->typmod)),
				 errhint("Cast the expression to the column's type.")));
	assign_expr_collations(pstate, r);
	return r;
}

/*
 * Parse P's expression: one SQL expression without FROM, subqueries or
 * clauses; names resolve to the row's columns and parents' (parameters).
 */
static void
expr_parse(Aggregate *agg, ModelColumn *c, ColProvider *p)
{
	char	   *sql = psprintf(EXPR_PREFIX "%s\n)", p->text);
	List	   *raw;
	RawStmt    *rs;
	SelectStmt *ss;
	ParseState *pstate;
	Node	   *e;
	ParseCtx	ctx = {agg, c, p};

	raw = raw_parser(sql, RAW_PARSE_DEFAULT);
	if (list_length(raw) != 1)
		bad_expr(p, "must be one SQL expression");
	rs = linitial(raw);
	if (!IsA(rs->stmt, SelectStmt))
		bad_expr(p, "must be one SQL expression");
	ss = (SelectStmt *) rs->stmt;
	if (ss->op != SETOP_NONE || ss->fromClause || ss->whereClause || ss->groupClause ||
		ss->havingClause || ss->windowClause || ss->valuesLists || ss->sortClause ||
		ss->limitCount || ss->limitOffset || ss->lockingClause || ss->withClause ||
		ss->distinctClause || ss->intoClause || list_length(ss->targetList) != 1)
		bad_expr(p, "must be one SQL expression");
	pstate = make_parsestate(NULL);
	pstate->p_sourcetext = sql;
	pstate->p_pre_columnref_hook = expr_columnref;
	pstate->p_ref_hook_state = &ctx;
	e = transformExpr(pstate, ((ResTarget *) linitial(ss->targetList))->val, EXPR_KIND_SELECT_TARGET);
	if (pstate->p_hasAggs || pstate->p_hasWindowFuncs)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s: aggregate and window functions are not allowed", p->label)));
	if (pstate->p_hasTargetSRFs || expression_returns_set(e))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s: set-returning functions are not allowed", p->label)));
	if (pstate->p_hasSubLinks)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s: subqueries are not supported", p->label),
				 errhint("Read other tables with \"from\", parents with \"fk_col.parent_col\", or call a function.")));
	p->expr = coerce_result(pstate, p, c, e);
}

/* Options of a "gen": "sql" spec passed to the function. */
static Jsonb *
function_options(Jsonb *cs)
{
	static const char *const own[] = {"gen", "function", "mean", "skew", "weights", "null_weight",
	"unique", "require", NULL};
	JsonbIterator *it = JsonbIteratorInit(&cs->root);
	JsonbParseState *st = NULL;
	JsonbValue	v,
			   *res = NULL;
	JsonbIteratorToken tok;
	bool		skip = false;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			skip = false;
			for (int i = 0; own[i]; i++)
				skip |= (strlen(own[i]) == (size_t) v.val.string.len &&
						 strncmp(own[i], v.val.string.val, v.val.string.len) == 0);
		}
		if ((tok == WJB_KEY || tok == WJB_VALUE) && skip)
			continue;
		res = pushJsonbValue(&st, tok, (tok == WJB_KEY || tok == WJB_VALUE) ? &v : NULL);
	}
	return JsonbValueToJsonb(res);
}

/*
 * "gen": "sql": resolve "function" under a safe search_path, with the
 * arguments it takes from the spec, and check its result type.
 */
static void
function_resolve(Aggregate *agg, ModelColumn *c, ColProvider *p, Jsonb *cs)
{
	JsonbValue	v;
	char	   *name;
	char	   *fpath = psprintf("%s.function", p->path);
	MemoryContext cxt = CurrentMemoryContext;
	volatile Oid fnoid = InvalidOid;
	HeapTuple	tup;
	Form_pg_proc proc;
	List	   *args = NIL;
	ParseState *pstate;
	int			nest;
	FakerOptions o;

	FakerOptionsInit(&o, cs, p->path, false);
	if (!FakerOptHas(&o, "function", &v) || v.type != jbvString)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: must name a function, e.g. \"myschema.next_code\"", fpath)));
	name = pnstrdup(v.val.string.val, v.val.string.len);
	nest = safe_path_enter();
	PG_TRY();
	{
		fnoid = DatumGetObjectId(DirectFunctionCall1(strchr(name, '(') ? regprocedurein : regprocin,
													 CStringGetDatum(name)));
	}
	PG_CATCH();
	{
		ProviderRethrow(cxt, fpath, NULL, 0);
	}
	PG_END_TRY();
	safe_path_exit(nest);
	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(fnoid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for function %u", fnoid);
	proc = (Form_pg_proc) GETSTRUCT(tup);
	p->fnoid = fnoid;
	p->text = format_procedure(fnoid);
	if (proc->prokind != PROKIND_FUNCTION)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("%s: %s is not a plain function", fpath, p->text)));
	if (proc->proretset)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s: %s returns a set; it must return one value", fpath, p->text)));
	if (proc->pronargs > 1 || (proc->pronargs == 1 && proc->proargtypes.values[0] != JSONBOID))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("%s: %s must take no argument or one jsonb argument (the spec's other options)",
						fpath, p->text)));
	if (proc->pronargs == 1)
		args = list_make1(makeConst(JSONBOID, -1, InvalidOid, -1,
									JsonbPGetDatum(function_options(cs)), false, false));
	pstate = make_parsestate(NULL);
	p->expr = coerce_result(pstate, p,
							c, (Node *) makeFuncExpr(fnoid, proc->prorettype, args, InvalidOid, InvalidOid,
													 COERCE_EXPLICIT_CALL));
	ReleaseSysCache(tup);
	(void) agg;
}

/* Set column C up from its user provider spec CS, kind COL_EXPR (expr.h). */
void
ProviderSpec(Aggregate *agg, ModelColumn *c, Jsonb *cs, const char *path)
{
	ColProvider *p = palloc0(sizeof(ColProvider));
	JsonbValue	v;
	MemoryContext cxt = CurrentMemoryContext;
	FakerOptions o;

	FakerOptionsInit(&o, cs, path, false);
	p->path = pstrdup(path);
	c->prov = p;
	c->kind = COL_EXPR;
	if (FakerOptHas(&o, "from", &v))
	{
		p->kind = PROV_FROM;
		p->label = psprintf("aggregate \"%s\": column \"%s\": from", agg->name, c->name);
		LookupSpec(agg, c, p, &v, path);
		return;
	}
	if (!FakerOptHas(&o, "expr", &v))
	{
		p->kind = PROV_FUNC;
		p->label = psprintf("aggregate \"%s\": column \"%s\": function", agg->name, c->name);
		function_resolve(agg, c, p, cs);
		return;
	}
	p->kind = PROV_EXPR;
	p->label = psprintf("aggregate \"%s\": column \"%s\": expr", agg->name, c->name);
	if (v.type != jbvString || v.val.string.len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s.expr: must be a SQL expression (a non-empty string)", path)));
	p->text = pnstrdup(v.val.string.val, v.val.string.len);
	{
		int			nest = safe_path_enter();

		PG_TRY();
		{
			expr_parse(agg, c, p);
		}
		PG_CATCH();
		{
			ErrorData  *ed;

			/* our own messages already carry the label */
			MemoryContextSwitchTo(cxt);
			ed = CopyErrorData();
			if (strncmp(ed->message, p->label, strlen(p->label)) == 0)
				PG_RE_THROW();
			ProviderRethrow(cxt, p->label, p->text, strlen(EXPR_PREFIX));
		}
		PG_END_TRY();
		safe_path_exit(nest);
	}
}

/* The attnums of the row's columns C's provider reads (made before it). */
List *
ProviderDeps(ModelColumn *c)
{
	List	   *deps = NIL;
	ColProvider *p = c->prov;

	if (p == NULL)
		return NIL;
	for (int i = 0; i < p->nparams; i++)
		if (p->params[i].col >= 0)
			deps = lappend_int(deps, p->params[i].col);
	for (int i = 0; i < p->nscope; i++)
		deps = lappend_int(deps, p->scopecol[i]);
	return deps;
}

/*
 * Whether a provider of A reads column J (whose DEFAULT faker must then
 * evaluate rather than leave to PostgreSQL).
 */
bool
ProviderNeedsColumn(Aggregate *a, int j)
{
	for (int i = 0; i < a->ncols; i++)
	{
		ColProvider *p = a->cols[i].prov;

		for (int k = 0; p && k < p->nparams; k++)
			if (p->params[k].col == j)
				return true;
		for (int k = 0; p && k < p->nscope; k++)
			if (p->scopecol[k] == j)
				return true;
	}
	return false;
}

/* ---- a call ---- */

/* The prepared lookup of parent column PRM->patt by the key of its reference. */
static void
param_lookup(FakerPlan *plan, Aggregate *a, ProvParam *prm)
{
	ModelRef   *r = &a->refs[prm->ref];
	Aggregate  *parent = r->parent;
	StringInfoData sql;
	Oid			types[MODEL_MAX_KEYS];

	initStringInfo(&sql);
	appendStringInfo(&sql, "SELECT t.%s FROM %s t WHERE ",
					 quote_identifier(get_attname(parent->relid, prm->patt, false)), parent->qualname);
	for (int k = 0; k < r->nkeys; k++)
	{
		ModelColumn *pc = &parent->cols[parent->keycol[r->pkey[k]]];

		types[k] = a->cols[r->col[k]].typid;
		appendStringInfo(&sql, "%st.%s %s $%d", k ? " AND " : "", quote_identifier(pc->name),
						 FakerSqlOperator(pc->typid, types[k], BTEqualStrategyNumber), k + 1);
	}
	prm->lookup = FakerSPIPrepare(sql.data, r->nkeys, types);
	if (prm->lookup == NULL)
		elog(ERROR, "faker: could not prepare \"%s\"", sql.data);
	CallKeepPlan(plan, prm->lookup);	/* a paused call (faker_rows) reuses it */
}

/*
 * A call's state for C's provider: the prepared plan, a lookup's values or
 * a scoped sequence's counters.
 */
void
ProviderOpen(FakerPlan *plan, Aggregate *a, ModelColumn *c)
{
	ColProvider *p = c->prov;
	MemoryContext cxt = CurrentMemoryContext;

	if (p == NULL)
		return;
	if (p->kind == PROV_FROM)
	{
		LookupOpen(plan, a, c, p);
		return;
	}
	if (p->kind == PROV_SEQSCOPE)
	{
		SeqScopeOpen(plan, a, c, p);
		return;
	}
	PG_TRY();
	{
		/* planned, and EXECUTE checked, as the caller */
		p->state = ExecPrepareExpr((Expr *) copyObject(p->expr), plan->estate);
	}
	PG_CATCH();
	{
		ProviderRethrow(cxt, p->label, NULL, 0);
	}
	PG_END_TRY();
	p->econtext = CreateExprContext(plan->estate);
	p->pli = makeParamList(Max(p->nparams, 1));
	p->pli->numParams = p->nparams;
	for (int i = 0; i < p->nparams; i++)
	{
		ProvParam  *prm = &p->params[i];

		p->pli->params[i].ptype = prm->type;
		p->pli->params[i].pflags = PARAM_FLAG_CONST;
		p->pli->params[i].isnull = true;
		prm->have_last = false;
		prm->lookup = NULL;
		if (prm->ref >= 0)
			param_lookup(plan, a, prm);
	}
	p->econtext->ecxt_param_list_info = p->pli;
}

/* The value of parent column PRM for the row being made (by SPI, cached by key). */
static Datum
param_parent(RowCtx *rc, Aggregate *agg, ProvParam *prm, bool *isnull)
{
	ModelRef   *r = &agg->refs[prm->ref];
	Datum		keys[MODEL_MAX_KEYS];
	bool		same = prm->have_last;
	MemoryContext old;

	for (int k = 0; k < r->nkeys; k++)
	{
		ModelColumn *kc = &agg->cols[r->col[k]];

		if (rc->rownulls[r->col[k]])
		{
			*isnull = true;
			return (Datum) 0;
		}
		keys[k] = rc->rowvals[r->col[k]];
		same = same && datumIsEqual(keys[k], prm->lastkeys[k], kc->typbyval, kc->typlen);
	}
	if (same)
	{
		*isnull = prm->lastnull;
		return prm->lastval;
	}
	/* the parent may still be in its writer's batch */
	if (r->parent->writer)
		WriterFlush(rc->plan, r->parent);
	old = CurrentMemoryContext;
	if (FakerSPIExecutePlan(prm->lookup, keys, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "faker: the lookup of \"%s\" failed", prm->name);
	MemoryContextSwitchTo(rc->plan->cxt);
	for (int k = 0; k < r->nkeys; k++)
	{
		ModelColumn *kc = &agg->cols[r->col[k]];

		if (prm->have_last && !kc->typbyval)
			pfree(DatumGetPointer(prm->lastkeys[k]));
		prm->lastkeys[k] = datumCopy(keys[k], kc->typbyval, kc->typlen);
	}
	if (prm->have_last && !prm->lastnull)
	{
		int16		len;
		bool		byval;

		get_typlenbyval(prm->type, &len, &byval);
		if (!byval)
			pfree(DatumGetPointer(prm->lastval));
	}
	prm->lastnull = true;
	prm->lastval = (Datum) 0;
	if (SPI_processed == 1)
	{
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &prm->lastnull);
		int16		len;
		bool		byval;

		get_typlenbyval(prm->type, &len, &byval);
		prm->lastval = prm->lastnull ? (Datum) 0 : datumCopy(d, byval, len);
	}
	prm->have_last = true;
	SPI_freetuptable(SPI_tuptable);
	MemoryContextSwitchTo(old);
	*isnull = prm->lastnull;
	return prm->lastval;
}

/*
 * The next value of column C for the row in RC, in the column's type: the
 * expression or function evaluated with the row's values, or a lookup.
 */
Datum
ProviderNext(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull)
{
	ColProvider *p = c->prov;
	MemoryContext cxt = CurrentMemoryContext;
	volatile Datum d = (Datum) 0;
	bool		null = false;

	if (p->kind == PROV_FROM)
		return LookupNext(c, p, isnull);
	for (int i = 0; i < p->nparams; i++)
	{
		ProvParam  *prm = &p->params[i];
		ParamExternData *x = &p->pli->params[i];

		if (prm->col >= 0)
		{
			x->value = rc->rowvals[prm->col];
			x->isnull = rc->rownulls[prm->col];
		}
		else
			x->value = param_parent(rc, agg, prm, &x->isnull);
	}
	PG_TRY();
	{
		d = ExecEvalExprSwitchContext(p->state, p->econtext, &null);
		if (!null)
			d = datumCopy(d, c->typbyval, c->typlen);
	}
	PG_CATCH();
	{
		ProviderRethrow(cxt, p->label, NULL, 0);
	}
	PG_END_TRY();
	ResetExprContext(p->econtext);
	if (null && c->notnull)
		ereport(ERROR,
				(errcode(ERRCODE_NOT_NULL_VIOLATION),
				 errmsg("%s: gave NULL for NOT NULL column \"%s\"", p->label, c->name),
				 p->kind == PROV_EXPR ? errdetail("Expression: %s", p->text) : 0,
				 errhint("COALESCE the expression, or make sure what it reads is not NULL.")));
	*isnull = null;
	return d;
}

/*
 * A sequence's "scope" as an array of columns (a counter per value of
 * them, seqscope.c); spec.c reads its other options.
 */
void
ProviderSequenceSpec(Aggregate *agg, ModelColumn *c, Jsonb *cs, const char *path)
{
	JsonbValue	v;
	FakerOptions o;

	FakerOptionsInit(&o, cs, path, false);
	if (FakerOptHas(&o, "scope", &v) && v.type == jbvBinary && JsonContainerIsArray(v.val.binary.data))
	{
		ColProvider *p = palloc0(sizeof(ColProvider));
		JsonbIterator *it = JsonbIteratorInit(v.val.binary.data);
		JsonbValue	e;
		JsonbIteratorToken tok;
		int			n = JsonContainerSize(v.val.binary.data);

		p->kind = PROV_SEQSCOPE;
		p->path = pstrdup(path);
		p->label = psprintf("aggregate \"%s\": column \"%s\": sequence", agg->name, c->name);
		p->scopecol = palloc(sizeof(int) * Max(n, 1));
		p->scopebase = psprintf("%s.%s", agg->name, c->name);
		if (n == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s.scope: must name at least one column (or be a string: the counter's name)", path)));
		while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
		{
			char	   *name;
			int			i;

			if (tok != WJB_ELEM)
				continue;
			if (e.type != jbvString)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s.scope: must be an array of column names", path)));
			name = pnstrdup(e.val.string.val, e.val.string.len);
			for (i = 0; i < agg->ncols && strcmp(agg->cols[i].name, name) != 0; i++)
				;
			if (i == agg->ncols)
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_COLUMN),
						 errmsg("%s.scope: column \"%s\" of %s does not exist", path, name, agg->qualname)));
			if (&agg->cols[i] == c)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_RECURSION),
						 errmsg("%s.scope: the sequence cannot be scoped by itself", path)));
			p->scopecol[p->nscope++] = i;
		}
		c->prov = p;
		c->seq_scope = p->scopebase;
	}
}

/* The next number of C's scoped sequence for the row in RC (seqscope.c). */
int64
ProviderSequenceNext(RowCtx *rc, Aggregate *agg, ModelColumn *c)
{
	return SeqScopeNext(rc, agg, c, c->prov);
}

/* At the end of a call: save the counters of a scoped sequence. */
void
ProviderFinish(FakerPlan *plan, Aggregate *a, ModelColumn *c)
{
	if (c->prov && c->prov->kind == PROV_SEQSCOPE)
		SeqScopeFinish(plan, a, c, c->prov);
}
