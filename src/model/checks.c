/*
 * checks.c: CHECK constraints of a table and of its columns' domains
 * (nested domains too) turned into providers where within reach, for
 * columns without a spec: a list (col IN (...), col = ANY (ARRAY[...]))
 * becomes the column's "values"; comparisons with constants (<, <=, >,
 * >=, =, BETWEEN) become its "require" (ordered generators are narrowed
 * to the range).  Only conjuncts at the top of a constraint are read; the
 * rest is left to PostgreSQL.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_type.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/typcache.h"
#include "access/genam.h"
#include "catalog/indexing.h"

#include "model/model.h"
#include "model/checks.h"

/* Strip casts that keep the value (varchar::text, relabels). */
static Node *
strip(Node *n)
{
	for (;;)
	{
		if (n && IsA(n, RelabelType))
			n = (Node *) ((RelabelType *) n)->arg;
		else if (n && IsA(n, CoerceViaIO))
			n = (Node *) ((CoerceViaIO *) n)->arg;
		else if (n && IsA(n, FuncExpr) && ((FuncExpr *) n)->funcformat == COERCE_IMPLICIT_CAST &&
				 list_length(((FuncExpr *) n)->args) == 1)
			n = linitial(((FuncExpr *) n)->args);
		else
			return n;
	}
}

/* The column a node is (a Var, or the domain's value), or -1. */
static int
node_column(Aggregate *agg, Node *n, int domcol)
{
	n = strip(n);
	if (n && IsA(n, CoerceToDomainValue))
		return domcol;
	if (n && IsA(n, Var) && domcol < 0)
	{
		for (int i = 0; i < agg->ncols; i++)
			if (agg->cols[i].attnum == ((Var *) n)->varattno)
				return i;
	}
	return -1;
}

static bool
numeric_type(Oid t)
{
	return t == INT2OID || t == INT4OID || t == INT8OID || t == NUMERICOID || t == FLOAT4OID || t == FLOAT8OID;
}

static void
json_value(StringInfo s, Oid t, const char *text)
{
	if (numeric_type(t) && strcmp(text, "NaN") != 0 && strstr(text, "nfinity") == NULL)
		appendStringInfoString(s, text);
	else
		escape_json(s, text);
}

static char *
const_text(Const *k)
{
	Oid			out;
	bool		varlena;

	getTypeOutputInfo(k->consttype, &out, &varlena);
	return OidOutputFunctionCall(out, k->constvalue);
}

typedef struct ColChecks
{
	List	   *values;			/* of char *, or NIL */
	Oid			valtype;
	bool		has_values;
	StringInfoData req;			/* "$gte": "...", ... */
	int			nreq;
} ColChecks;

static void
add_req(ColChecks *cc, const char *op, Const *k)
{
	if (cc->nreq++ > 0)
		appendStringInfoString(&cc->req, ", ");
	appendStringInfo(&cc->req, "{\"%s\": ", op);
	json_value(&cc->req, k->consttype, const_text(k));
	appendStringInfoChar(&cc->req, '}');
}

static const char *
flip(const char *op)
{
	if (strcmp(op, "<") == 0)
		return ">";
	if (strcmp(op, "<=") == 0)
		return ">=";
	if (strcmp(op, ">") == 0)
		return "<";
	if (strcmp(op, ">=") == 0)
		return "<=";
	return op;
}

static void
read_conjunct(Aggregate *agg, Node *n, int domcol, ColChecks *cc)
{
	if (n == NULL)
		return;
	if (IsA(n, BoolExpr) && ((BoolExpr *) n)->boolop == AND_EXPR)
	{
		ListCell   *lc;

		foreach(lc, ((BoolExpr *) n)->args)
			read_conjunct(agg, lfirst(lc), domcol, cc);
		return;
	}
	if (IsA(n, ScalarArrayOpExpr) && ((ScalarArrayOpExpr *) n)->useOr)
	{
		ScalarArrayOpExpr *sa = (ScalarArrayOpExpr *) n;
		char	   *op = get_opname(sa->opno);
		int			col = node_column(agg, linitial(sa->args), domcol);
		Node	   *arr = strip(lsecond(sa->args));
		List	   *vals = NIL;

		if (op == NULL || strcmp(op, "=") != 0 || col < 0)
			return;
		if (IsA(arr, Const) && !((Const *) arr)->constisnull)
		{
			ArrayType  *a = DatumGetArrayTypeP(((Const *) arr)->constvalue);
			Datum	   *elems;
			bool	   *nulls;
			int			ne;
			int16		len;
			bool		byval;
			char		align;
			Oid			out;
			bool		varlena;

			get_typlenbyvalalign(ARR_ELEMTYPE(a), &len, &byval, &align);
			deconstruct_array(a, ARR_ELEMTYPE(a), len, byval, align, &elems, &nulls, &ne);
			getTypeOutputInfo(ARR_ELEMTYPE(a), &out, &varlena);
			for (int i = 0; i < ne; i++)
				if (!nulls[i])
					vals = lappend(vals, OidOutputFunctionCall(out, elems[i]));
			cc[col].valtype = ARR_ELEMTYPE(a);
		}
		else if (IsA(arr, ArrayExpr))
		{
			ListCell   *lc;

			foreach(lc, ((ArrayExpr *) arr)->elements)
			{
				Node	   *e = strip(lfirst(lc));

				if (!IsA(e, Const))
					return;
				if (!((Const *) e)->constisnull)
					vals = lappend(vals, const_text((Const *) e));
				cc[col].valtype = ((Const *) e)->consttype;
			}
		}
		else
			return;
		if (vals != NIL)
		{
			cc[col].values = vals;
			cc[col].has_values = true;
		}
		return;
	}
	if (IsA(n, OpExpr) && list_length(((OpExpr *) n)->args) == 2)
	{
		OpExpr	   *o = (OpExpr *) n;
		char	   *op = get_opname(o->opno);
		Node	   *l = linitial(o->args),
				   *r = lsecond(o->args);
		int			col;
		const char *j = NULL;

		if (op == NULL)
			return;
		if ((col = node_column(agg, l, domcol)) >= 0 && IsA(strip(r), Const) && !((Const *) strip(r))->constisnull)
			r = strip(r);
		else if ((col = node_column(agg, r, domcol)) >= 0 && IsA(strip(l), Const) && !((Const *) strip(l))->constisnull)
		{
			r = strip(l);
			op = (char *) flip(op);
		}
		else
			return;
		if (strcmp(op, "<") == 0)
			j = "$lt";
		else if (strcmp(op, "<=") == 0)
			j = "$lte";
		else if (strcmp(op, ">") == 0)
			j = "$gt";
		else if (strcmp(op, ">=") == 0)
			j = "$gte";
		else if (strcmp(op, "=") == 0)
		{
			cc[col].values = list_make1(const_text((Const *) r));
			cc[col].valtype = ((Const *) r)->consttype;
			cc[col].has_values = true;
			return;
		}
		if (j)
			add_req(&cc[col], j, (Const *) r);
	}
}

static Oid domain_base(Oid typid);

/* The CHECK constraints of domain TYPID and its base domains, for column COL. */
static void
read_domain(Aggregate *agg, Oid typid, int col, ColChecks *cc)
{
	while (OidIsValid(typid) && get_typtype(typid) == TYPTYPE_DOMAIN)
	{
		Relation	conrel = table_open(ConstraintRelationId, AccessShareLock);
		ScanKeyData key;
		SysScanDesc scan;
		HeapTuple	tup;

		ScanKeyInit(&key, Anum_pg_constraint_contypid, BTEqualStrategyNumber, F_OIDEQ,
					ObjectIdGetDatum(typid));
		scan = systable_beginscan(conrel, ConstraintTypidIndexId, true, NULL, 1, &key);
		while (HeapTupleIsValid(tup = systable_getnext(scan)))
		{
			Form_pg_constraint con = (Form_pg_constraint) GETSTRUCT(tup);
			bool		isnull;
			Datum		bin;

			if (con->contype != CONSTRAINT_CHECK)
				continue;
			bin = heap_getattr(tup, Anum_pg_constraint_conbin, RelationGetDescr(conrel), &isnull);
			if (!isnull)
				read_conjunct(agg, eval_const_expressions(NULL, stringToNode(TextDatumGetCString(bin))), col, cc);
		}
		systable_endscan(scan);
		table_close(conrel, AccessShareLock);
		typid = domain_base(typid);
	}
}

static Oid
domain_base(Oid typid)
{
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	Oid			base;

	if (!HeapTupleIsValid(tup))
		return InvalidOid;
	base = ((Form_pg_type) GETSTRUCT(tup))->typbasetype;
	ReleaseSysCache(tup);
	return base;
}

/*
 * Columns without a spec, still to get a generator by type: what the
 * table's and the domains' CHECK constraints say of them.  Returns, per
 * column, a spec to apply ({"values": [...]}) or a "require" (jsonb
 * text), NULL when nothing applies.
 */
void
ChecksRead(Aggregate *agg, char **values_spec, char **require_spec)
{
	ColChecks  *cc = palloc0(sizeof(ColChecks) * Max(agg->ncols, 1));
	Relation	rel = table_open(agg->relid, AccessShareLock);
	TupleConstr *constr = RelationGetDescr(rel)->constr;

	for (int i = 0; i < agg->ncols; i++)
		initStringInfo(&cc[i].req);
	for (int k = 0; constr && k < constr->num_check; k++)
		read_conjunct(agg, eval_const_expressions(NULL, stringToNode(constr->check[k].ccbin)), -1, cc);
	table_close(rel, AccessShareLock);
	for (int i = 0; i < agg->ncols; i++)
		if (get_typtype(agg->cols[i].typid) == TYPTYPE_DOMAIN)
			read_domain(agg, agg->cols[i].typid, i, cc);
	for (int i = 0; i < agg->ncols; i++)
	{
		values_spec[i] = require_spec[i] = NULL;
		if (cc[i].has_values)
		{
			StringInfoData s;
			ListCell   *lc;

			initStringInfo(&s);
			appendStringInfoString(&s, "{\"values\": [");
			foreach(lc, cc[i].values)
			{
				if (lc != list_head(cc[i].values))
					appendStringInfoString(&s, ", ");
				json_value(&s, cc[i].valtype, lfirst(lc));
			}
			appendStringInfoString(&s, "]}");
			values_spec[i] = s.data;
		}
		else if (cc[i].nreq > 0)
			require_spec[i] = psprintf("{\"$and\": [%s]}", cc[i].req.data);
	}
}
