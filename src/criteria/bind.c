/*
 * bind.c: a parsed tree meets a relation.
 *
 * Row fields become columns (their type, ordering, collation) or foreign
 * keys ($rel, bound to the parent relation, recursively); literals are cast
 * to the column's type with its input function (errors name the JSON path);
 * $field and $step operands are resolved to a column of this row, of the
 * row a foreign key points to, or of an earlier pipe step.
 */
#include "postgres.h"

#include "access/table.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/typcache.h"

#include "criteria/criteriapriv.h"
#include "faker.h"

typedef struct BindCtx
{
	Oid			relid;			/* the row $field reads (InvalidOid: none) */
	FakerCriteriaFK *fk;			/* the foreign key a $rel here goes through */
	const FakerCriteriaStep *steps;
	int			nsteps;
} BindCtx;

static void bind_row(FakerCriteria *q, Oid relid, BindCtx *outer);
static void bind_value(FakerCriteria *q, Oid typid, int32 typmod, Oid collid, BindCtx *ctx);

/* Raise error CODE "PATH: MSG" for criteria that do not fit the table. */
static void
bind_error(const char *path, int code, const char *msg)
{
	ereport(ERROR, (errcode(code), errmsg("%s: %s", path, msg)));
}

/* A foreign key of the relcache's list as the criteria's FakerCriteriaFK. */
static FakerCriteriaFK *
fk_from_cache(ForeignKeyCacheInfo *fki)
{
	FakerCriteriaFK *fk = palloc0(sizeof(FakerCriteriaFK));

	fk->conoid = fki->conoid;
	fk->conname = get_constraint_name(fki->conoid);
	fk->child = fki->conrelid;
	fk->parent = fki->confrelid;
	fk->parent_qualname = quote_qualified_identifier(get_namespace_name(get_rel_namespace(fki->confrelid)),
													 get_rel_name(fki->confrelid));
	fk->nkeys = fki->nkeys;
	for (int k = 0; k < fki->nkeys; k++)
	{
		fk->child_att[k] = fki->conkey[k];
		fk->parent_att[k] = fki->confkey[k];
	}
	return fk;
}

/*
 * The foreign key of RELID called NAME: a constraint name, or a column that
 * belongs to exactly one foreign key.  NULL if none (an error if MUST).
 */
FakerCriteriaFK *
CriteriaFindForeignKey(Oid relid, const char *name, const char *path, bool must)
{
	Relation	rel = table_open(relid, AccessShareLock);
	List	   *fks = RelationGetFKeyList(rel);
	ListCell   *lc;
	AttrNumber	att = get_attnum(relid, name);
	ForeignKeyCacheInfo *found = NULL;
	int			nfound = 0;

	foreach(lc, fks)
	{
		ForeignKeyCacheInfo *fki = lfirst(lc);
		char	   *conname = get_constraint_name(fki->conoid);

		if (conname && strcmp(conname, name) == 0)
		{
			found = fki;
			nfound = 1;
			break;
		}
		for (int k = 0; k < fki->nkeys; k++)
			if (att > 0 && fki->conkey[k] == att)
			{
				found = fki;
				nfound++;
				break;
			}
	}
	table_close(rel, AccessShareLock);
	if (nfound == 1)
		return fk_from_cache(found);
	if (must && nfound > 1)
		ereport(ERROR,
				(errcode(ERRCODE_AMBIGUOUS_PARAMETER),
				 errmsg("%s: column \"%s\" belongs to several foreign keys", path, name),
				 errhint("Name the foreign key constraint instead.")));
	if (must)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("%s: \"%s\" is neither a foreign key of %s nor a column of exactly one",
						path, name, get_rel_name(relid))));
	return NULL;
}

/* Foreign key CONOID of table RELID, or NULL. */
FakerCriteriaFK *
CriteriaForeignKeyByOid(Oid relid, Oid conoid)
{
	Relation	rel = table_open(relid, AccessShareLock);
	ListCell   *lc;
	FakerCriteriaFK *fk = NULL;

	foreach(lc, RelationGetFKeyList(rel))
	{
		ForeignKeyCacheInfo *fki = lfirst(lc);

		if (fki->conoid == conoid)
			fk = fk_from_cache(fki);
	}
	table_close(rel, AccessShareLock);
	if (fk == NULL)
		elog(ERROR, "faker: foreign key %u not found", conoid);
	return fk;
}

typedef struct CastErrorCtx
{
	const char *path;
	Oid			typid;
} CastErrorCtx;

/* Error context of a literal's cast: where in the criteria, to what type. */
static void
cast_error_context(void *arg)
{
	CastErrorCtx *c = arg;

	errcontext("criteria at %s, cast to %s", c->path, format_type_be(c->typid));
}

/* A literal operand as a Datum of TYPID. */
static void
bind_literal(Operand *o, Oid typid, int32 typmod, const char *path)
{
	Oid			infn,
				ioparam;
	char	   *text;
	JsonbValue *sv;
	CastErrorCtx cc = {path, typid};
	ErrorContextCallback cb = {error_context_stack, cast_error_context, &cc};

	if (o->jnull)
		return;
	sv = OperandScalar(o);
	if (sv)
		text = FakerJsonbScalarText(sv);
	else
	{
		/* a JSON array -> an array literal '{"a","b"}' */
		StringInfoData buf;
		int			n = JsonContainerSize(&o->json->root);

		if (get_element_type(getBaseType(typid)) == InvalidOid)
			bind_error(path, ERRCODE_DATATYPE_MISMATCH,
					   psprintf("an array value for a column of type %s", format_type_be(typid)));
		initStringInfo(&buf);
		appendStringInfoChar(&buf, '{');
		for (int i = 0; i < n; i++)
		{
			JsonbValue *e = getIthJsonbValueFromContainer(&o->json->root, i);
			char	   *s = FakerJsonbScalarText(e);

			if (i > 0)
				appendStringInfoChar(&buf, ',');
			if (s == NULL)
				appendStringInfoString(&buf, "NULL");
			else
			{
				appendStringInfoChar(&buf, '"');
				for (char *p = s; *p; p++)
				{
					if (*p == '"' || *p == '\\')
						appendStringInfoChar(&buf, '\\');
					appendStringInfoChar(&buf, *p);
				}
				appendStringInfoChar(&buf, '"');
			}
		}
		appendStringInfoChar(&buf, '}');
		text = buf.data;
	}
	getTypeInputInfo(typid, &infn, &ioparam);
	error_context_stack = &cb;
	o->value = OidInputFunctionCall(infn, text, ioparam, typmod);
	error_context_stack = cb.previous;
}

/* Resolve "col" or "fk.col" of RELID. */
static void
bind_field(Operand *o, BindCtx *ctx, const char *path)
{
	char	   *ref = o->ref;

	if (!OidIsValid(ctx->relid))
		bind_error(path, ERRCODE_INVALID_PARAMETER_VALUE, "$field has no row here");
	o->attnum = get_attnum(ctx->relid, ref);
	if (o->attnum > 0)
	{
		o->srctype = get_atttype(ctx->relid, o->attnum);
		return;
	}
	for (char *dot = strchr(ref, '.'); dot; dot = strchr(dot + 1, '.'))
	{
		char	   *fkname = pnstrdup(ref, dot - ref);
		FakerCriteriaFK *fk = CriteriaFindForeignKey(ctx->relid, fkname, path, false);

		if (fk)
		{
			o->fk = fk;
			o->attnum = get_attnum(fk->parent, dot + 1);
			if (o->attnum <= 0)
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_COLUMN),
						 errmsg("%s: column \"%s\" of %s (through \"%s\") does not exist",
								path, dot + 1, get_rel_name(fk->parent), fkname),
						 errhint("%s", FakerSuggest(dot + 1, FakerColumnNames(fk->parent), "columns"))));
			o->srctype = get_atttype(fk->parent, o->attnum);
			return;
		}
	}
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_COLUMN),
			 errmsg("%s: $field \"%s\" is neither a column of %s nor \"fk_col.parent_col\"",
					path, ref, get_rel_name(ctx->relid))));
}

/* A $step operand "step.column": the step and the column of its relation. */
static void
bind_step(Operand *o, BindCtx *ctx, const char *path)
{
	for (int s = 0; s < ctx->nsteps; s++)
	{
		size_t		len = strlen(ctx->steps[s].name);
		AttrNumber	att;

		if (strncmp(o->ref, ctx->steps[s].name, len) != 0 || o->ref[len] != '.')
			continue;
		att = get_attnum(ctx->steps[s].relid, o->ref + len + 1);
		for (int k = 0; k < ctx->steps[s].nkeys; k++)
			if (att > 0 && ctx->steps[s].keyatt[k] == att)
			{
				o->step = s;
				o->stepkey = k;
				o->attnum = att;
				o->srctype = get_atttype(ctx->steps[s].relid, att);
				return;
			}
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("%s: $step \"%s\": \"%s\" is not a key column of step \"%s\" (%s)",
						path, o->ref, o->ref + len + 1, ctx->steps[s].name, get_rel_name(ctx->steps[s].relid))));
	}
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_OBJECT),
			 errmsg("%s: $step \"%s\" names no earlier step", path, o->ref)));
}

/*
 * Bind operand O of Q: a literal cast to Q's type, a $field to a column
 * (of the row or through a foreign key), a $step to an earlier step.
 */
static void
bind_operand(FakerCriteria *q, Operand *o, BindCtx *ctx, const char *path)
{
	if (o->kind == OPD_LITERAL)
	{
		bind_literal(o, q->typid, q->typmod, path);
		return;
	}
	if (o->kind == OPD_FIELD)
		bind_field(o, ctx, path);
	else
		bind_step(o, ctx, path);
	if (getBaseType(o->srctype) != getBaseType(q->typid))
	{
		Oid			fn;
		bool		isvarlena;

		o->cast = true;
		getTypeOutputInfo(o->srctype, &fn, &isvarlena);
		fmgr_info(fn, &o->srcout);
		getTypeInputInfo(q->typid, &fn, &o->dstioparam);
		fmgr_info(fn, &o->dstin);
	}
}

/* Q compares values of type TYPID: its type, storage and ordering. */
static void
set_type(FakerCriteria *q, Oid typid, int32 typmod, Oid collid)
{
	TypeCacheEntry *tc = lookup_type_cache(getBaseType(typid), TYPECACHE_CMP_PROC_FINFO);

	q->typid = typid;
	q->typmod = typmod;
	q->collid = collid;
	q->typlen = tc->typlen;
	q->typbyval = tc->typbyval;
	q->typalign = tc->typalign;
	q->cmp = OidIsValid(tc->cmp_proc_finfo.fn_oid) ? &tc->cmp_proc_finfo : NULL;
}

/*
 * A comparison ($eq ... $lte, $in) of a column of type TYPID with its
 * operand(s): the type needs an ordering; {"$eq": null} becomes IS NULL.
 */
static void
bind_compare(FakerCriteria *q, Oid typid, int32 typmod, Oid collid, BindCtx *ctx)
{
	if (!OidIsValid(typid))
		bind_error(q->path, ERRCODE_DATATYPE_MISMATCH,
				   psprintf("%s compares a column's value: put it under a column name", CriteriaOpName(q->op)));
	set_type(q, typid, typmod, collid);
	if (q->cmp == NULL)
		bind_error(q->path, ERRCODE_UNDEFINED_FUNCTION,
				   psprintf("type %s has no ordering to compare with", format_type_be(typid)));
	if (q->op == Q_IN)
	{
		for (int i = 0; i < q->nargs; i++)
			bind_operand(q, &q->args[i], ctx, psprintf("%s[%d]", q->path, i));
	}
	else if (q->arg.kind == OPD_LITERAL && q->arg.jnull)
	{
		/* {"$eq": null} is IS NULL, {"$ne": null} IS NOT NULL */
		bool		neg = q->op == Q_NE;

		q->op = Q_ISNULL;
		q->flag = !neg;
	}
	else
		bind_operand(q, &q->arg, ctx, q->path);
}

/*
 * $any, $all (of the elements) and $len (the length) of an array column:
 * the condition inside is bound to the element type, or to integer.
 */
static void
bind_array(FakerCriteria *q, Oid typid, int32 typmod, Oid collid, BindCtx *ctx)
{
	Oid			elem = OidIsValid(typid) ? get_element_type(getBaseType(typid)) : InvalidOid;
	BindCtx		sub = *ctx;

	if (!OidIsValid(elem))
		bind_error(q->path, ERRCODE_DATATYPE_MISMATCH,
				   psprintf("%s needs an array column%s", CriteriaOpName(q->op),
							OidIsValid(typid) ? psprintf(", not %s", format_type_be(typid)) : ""));
	set_type(q, typid, typmod, collid);
	sub.fk = NULL;
	if (q->op == Q_LEN)
		bind_value(q->sub, INT4OID, -1, InvalidOid, &sub);
	else
		bind_value(q->sub, elem, -1, collid, &sub);
}

/* Bind the value-level criteria Q to a value of type TYPID. */
static void
bind_value(FakerCriteria *q, Oid typid, int32 typmod, Oid collid, BindCtx *ctx)
{
	q->bound = true;
	q->rowlevel = false;
	switch (CriteriaShape(q->op))
	{
		case Q_COMPARE:
		case Q_IN:
			bind_compare(q, typid, typmod, collid, ctx);
			break;
		case Q_ISNULL:
			set_type(q, typid, typmod, collid);
			break;
		case Q_NOT:
			bind_value(q->sub, typid, typmod, collid, ctx);
			break;
		case Q_OR:
		case Q_AND:
			for (int i = 0; i < q->nsubs; i++)
				bind_value(q->subs[i], typid, typmod, collid, ctx);
			break;
		case Q_ANY:
		case Q_ALL:
		case Q_LEN:
			bind_array(q, typid, typmod, collid, ctx);
			break;
		case Q_ROW:
			if (ctx->fk == NULL)
				bind_error(q->path, ERRCODE_DATATYPE_MISMATCH,
						   "a row condition here needs a foreign key: {\"fk_col\": {\"$rel\": {...}}}");
			{
				/* {"fk_col": {"col": ...}} reads as {"fk_col": {"$rel": {"col": ...}}} */
				FakerCriteria *row = palloc(sizeof(FakerCriteria));

				*row = *q;
				memset(q, 0, sizeof(FakerCriteria));
				q->op = Q_REL;
				q->path = row->path;
				q->sub = row;
			}
			/* FALLTHROUGH */
		case Q_REL:
			if (ctx->fk == NULL)
				bind_error(q->path, ERRCODE_DATATYPE_MISMATCH,
						   "$rel needs a foreign key: {\"fk_col\": {\"$rel\": {...}}}");
			q->bound = true;
			q->fk = ctx->fk;
			bind_row(q->sub, ctx->fk->parent, ctx);
			break;
	}
}

/*
 * Bind the row-level criteria Q to the rows of RELID: fields to columns,
 * foreign keys to $rel on their parent.
 */
static void
bind_row(FakerCriteria *q, Oid relid, BindCtx *outer)
{
	BindCtx		ctx = {relid, NULL, outer ? outer->steps : NULL, outer ? outer->nsteps : 0};

	q->bound = true;
	q->rowlevel = true;
	q->relid = relid;
	switch (q->op)
	{
		case Q_ROW:
			{
				Relation	rel = table_open(relid, AccessShareLock);
				TupleDesc	desc = RelationGetDescr(rel);

				q->attnums = palloc0(sizeof(AttrNumber) * q->nsubs);
				for (int i = 0; i < q->nsubs; i++)
				{
					char	   *f = q->fields[i];
					FakerCriteria *sub = q->subs[i];
					AttrNumber	att = get_attnum(relid, f);
					bool		wants_rel = sub->op == Q_REL || sub->op == Q_ROW;

					if (att < 0)
						att = 0;	/* system columns are not fields */
					ctx.fk = CriteriaFindForeignKey(relid, f, sub->path, false);
					if (att == 0 && ctx.fk == NULL)
						ereport(ERROR,
								(errcode(ERRCODE_UNDEFINED_COLUMN),
								 errmsg("%s: column \"%s\" of %s does not exist", sub->path, f,
										get_rel_name(relid)),
								 errhint("%s", FakerSuggest(f, FakerColumnNames(relid), "columns"))));
					if (wants_rel && ctx.fk == NULL)
						ctx.fk = CriteriaFindForeignKey(relid, f, sub->path, true);
					if (att == 0)
					{
						/* a constraint name takes only $rel (possibly under $not/$or) */
						bind_value(sub, InvalidOid, -1, InvalidOid, &ctx);
					}
					else
					{
						Form_pg_attribute a = TupleDescAttr(desc, att - 1);

						bind_value(sub, a->atttypid, a->atttypmod, a->attcollation, &ctx);
					}
					q->attnums[i] = att;
				}
				table_close(rel, AccessShareLock);
			}
			break;
		case Q_OR:
		case Q_AND:
			for (int i = 0; i < q->nsubs; i++)
				bind_row(q->subs[i], relid, outer);
			break;
		case Q_NOT:
			bind_row(q->sub, relid, outer);
			break;
		case Q_REL:
			bind_error(q->path, ERRCODE_DATATYPE_MISMATCH,
					   "$rel needs a foreign key: {\"fk_col\": {\"$rel\": {...}}}");
			break;
		default:
			bind_error(q->path, ERRCODE_DATATYPE_MISMATCH,
					   psprintf("%s here needs a column: {\"col\": {\"%s\": ...}}", CriteriaOpName(q->op),
								CriteriaOpName(q->op)));
	}
}

/* Bind Q as criteria on the rows of RELID, $step operands over STEPS. */
FakerCriteria *
FakerCriteriaBindRow(FakerCriteria *q, Oid relid, const FakerCriteriaStep *steps, int nsteps)
{
	BindCtx		ctx = {relid, NULL, steps, nsteps};

	bind_row(q, relid, &ctx);
	return q;
}

/* A reference's criteria: {"$rel": q} and q are the same condition on the parent. */
static FakerCriteria *
strip_rel(FakerCriteria *q)
{
	switch (q->op)
	{
		case Q_REL:
			return q->sub;
		case Q_ROW:
			return q;
		case Q_OR:
		case Q_AND:
			for (int i = 0; i < q->nsubs; i++)
				q->subs[i] = strip_rel(q->subs[i]);
			return q;
		case Q_NOT:
			q->sub = strip_rel(q->sub);
			return q;
		default:
			bind_error(q->path, ERRCODE_DATATYPE_MISMATCH,
					   "a reference's require is a condition on the parent row: {\"$rel\": {\"col\": ...}}");
	}
	return q;
}

/*
 * Bind Q, a reference's "require", to the parent of CHILD's foreign key CONOID.
 */
FakerCriteria *
FakerCriteriaBindReference(FakerCriteria *q, Oid child, Oid conoid, const FakerCriteriaStep *steps, int nsteps)
{
	FakerCriteriaFK *fk = CriteriaForeignKeyByOid(child, conoid);
	BindCtx		ctx = {fk->parent, NULL, steps, nsteps};

	q = strip_rel(q);
	bind_row(q, fk->parent, &ctx);
	return q;
}

/* Bind Q, a column's "require", to a value of type TYPID of table RELID. */
FakerCriteria *
FakerCriteriaBindValue(FakerCriteria *q, Oid typid, int32 typmod, Oid collid, Oid relid)
{
	BindCtx		ctx = {relid, NULL, NULL, 0};

	if (q->op == Q_REL || q->op == Q_ROW)
		bind_error(q->path, ERRCODE_DATATYPE_MISMATCH,
				   "a column's require is a condition on its value; a foreign key's belongs under \"references\"");
	bind_value(q, typid, typmod, collid, &ctx);
	return q;
}

/* The current value of operand O of NODE (a Datum of NODE's type). */
Datum
OperandValue(FakerCriteria *node, Operand *o, FakerCriteriaEnv *env, bool *isnull)
{
	Datum		d;

	*isnull = false;
	switch (o->kind)
	{
		case OPD_LITERAL:
			*isnull = o->jnull;
			return o->value;
		case OPD_FIELD:
			if (env == NULL || env->values == NULL)
				elog(ERROR, "faker: $field %s evaluated without a row", o->ref);
			if (o->fk == NULL)
			{
				*isnull = env->nulls[o->attnum - 1];
				d = env->values[o->attnum - 1];
			}
			else
			{
				Datum		keys[32];
				Datum	   *pv;
				bool	   *pn;

				for (int k = 0; k < o->fk->nkeys; k++)
				{
					if (env->nulls[o->fk->child_att[k] - 1])
					{
						*isnull = true;
						return (Datum) 0;
					}
					keys[k] = env->values[o->fk->child_att[k] - 1];
				}
				if (!env->fetch(env->arg, o->fk, keys, &pv, &pn))
				{
					*isnull = true;
					return (Datum) 0;
				}
				*isnull = pn[o->attnum - 1];
				d = pv[o->attnum - 1];
			}
			break;
		case OPD_STEP:
			if (env == NULL || env->stepkeys == NULL)
				elog(ERROR, "faker: $step %s evaluated outside a pipe", o->ref);
			*isnull = env->stepnulls[o->step][o->stepkey];
			d = env->stepkeys[o->step][o->stepkey];
			break;
		default:
			d = (Datum) 0;
	}
	if (*isnull || !o->cast)
		return d;
	return InputFunctionCall(&o->dstin, OutputFunctionCall(&o->srcout, d), o->dstioparam, node->typmod);
}
