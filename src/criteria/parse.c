/*
 * parse.c: criteria jsonb -> tree, and back (README, "Criteria").
 *
 * A scalar (or an array, for array columns) is an equality; an object holds
 * either operators ("$gt": ...) or fields ("col": ...), never both; several
 * operators at one level are ANDed.  {"$eq": q} with an object q is q
 * itself (normalisation).  Errors carry the JSON path of the culprit.
 */
#include "postgres.h"

#include "miscadmin.h"

#include "utils/builtins.h"

#include "criteria/criteriapriv.h"

static FakerCriteria *parse_value(JsonbValue *v, const char *path);

/* A new node OP at PATH (for messages), zeroed. */
FakerCriteria *
CriteriaNew(QOp op, const char *path)
{
	FakerCriteria *q = palloc0(sizeof(FakerCriteria));

	q->op = op;
	q->path = pstrdup(path);
	return q;
}

static const struct
{
	const char *name;
	QOp			op;
}			ops[] =
{
	{"$eq", Q_EQ}, {"$ne", Q_NE}, {"$gt", Q_GT}, {"$gte", Q_GTE}, {"$lt", Q_LT},
	{"$lte", Q_LTE}, {"$in", Q_IN}, {"$is_null", Q_ISNULL}, {"$not", Q_NOT},
	{"$or", Q_OR}, {"$and", Q_AND}, {"$rel", Q_REL}, {"$any", Q_ANY},
	{"$all", Q_ALL}, {"$len", Q_LEN}
};

/* The JSON name of operator OP ("$eq" ...), for messages. */
const char *
CriteriaOpName(QOp op)
{
	for (int i = 0; i < lengthof(ops); i++)
		if (ops[i].op == op)
			return ops[i].name;
	return "";
}

/* Raise error CODE "PATH: MSG" for a malformed criteria document. */
static void
parse_error(const char *path, int code, const char *msg)
{
	ereport(ERROR, (errcode(code), errmsg("%s: %s", path, msg)));
}

/* Whether V is a JSON object. */
static bool
is_object(JsonbValue *v)
{
	return v->type == jbvBinary && JsonContainerIsObject(v->val.binary.data);
}

/* Whether V is a JSON array. */
static bool
is_array(JsonbValue *v)
{
	return v->type == jbvBinary && JsonContainerIsArray(v->val.binary.data);
}

/* Keys and values of object V, in storage order. */
static int
object_items(JsonbValue *v, char ***keys, JsonbValue **vals)
{
	JsonbIterator *it = JsonbIteratorInit(v->val.binary.data);
	JsonbValue	e;
	JsonbIteratorToken tok;
	int			n = 0,
				cap = JsonContainerSize(v->val.binary.data) + 1;

	*keys = palloc(sizeof(char *) * cap);
	*vals = palloc(sizeof(JsonbValue) * cap);
	while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
			(*keys)[n] = pnstrdup(e.val.string.val, e.val.string.len);
		else if (tok == WJB_VALUE)
			(*vals)[n++] = e;
	}
	return n;
}

/* Elements of array V. */
static int
array_items(JsonbValue *v, JsonbValue **vals)
{
	int			n = JsonContainerSize(v->val.binary.data);

	*vals = palloc(sizeof(JsonbValue) * Max(n, 1));
	for (int i = 0; i < n; i++)
		(*vals)[i] = *getIthJsonbValueFromContainer(v->val.binary.data, i);
	return n;
}

/* Whether V is a string, number, boolean or null. */
static bool
is_scalar(JsonbValue *v)
{
	return v->type == jbvString || v->type == jbvNumeric || v->type == jbvBool || v->type == jbvNull;
}

/* A literal operand: a scalar, or an array of scalars. */
static void
literal(Operand *o, JsonbValue *v, const char *path)
{
	o->kind = OPD_LITERAL;
	if (is_array(v))
	{
		JsonbValue *elems;
		int			n = array_items(v, &elems);

		for (int i = 0; i < n; i++)
			if (!is_scalar(&elems[i]))
				parse_error(psprintf("%s[%d]", path, i), ERRCODE_DATATYPE_MISMATCH,
							"an array value must hold scalars");
	}
	o->jnull = v->type == jbvNull;
	o->json = JsonbValueToJsonb(v);
}

/* {"$field": "..."} or {"$step": "..."}: true if V is one. */
static bool
reference_operand(Operand *o, JsonbValue *v, const char *path)
{
	char	  **keys;
	JsonbValue *vals;
	int			n;

	if (!is_object(v))
		return false;
	n = object_items(v, &keys, &vals);
	if (n != 1 || (strcmp(keys[0], "$field") != 0 && strcmp(keys[0], "$step") != 0))
		return false;
	o->kind = strcmp(keys[0], "$field") == 0 ? OPD_FIELD : OPD_STEP;
	if (vals[0].type != jbvString || vals[0].val.string.len == 0)
		parse_error(psprintf("%s.%s", path, keys[0]), ERRCODE_DATATYPE_MISMATCH,
					o->kind == OPD_FIELD ? "must be a string: \"col\" or \"fk_col.parent_col\"" :
					"must be a string: \"step.col\"");
	o->ref = pnstrdup(vals[0].val.string.val, vals[0].val.string.len);
	if (o->kind == OPD_STEP && strchr(o->ref, '.') == NULL)
		parse_error(psprintf("%s.$step", path), ERRCODE_INVALID_PARAMETER_VALUE,
					psprintf("\"%s\" must be \"step.col\"", o->ref));
	return true;
}

/* The operand of a comparison: a value or a $field/$step reference. */
static void
operand(Operand *o, JsonbValue *v, const char *path)
{
	if (reference_operand(o, v, path))
		return;
	if (is_object(v))
		parse_error(path, ERRCODE_DATATYPE_MISMATCH,
					"must be a value, {\"$field\": ...} or {\"$step\": ...}");
	literal(o, v, path);
}

/* $in: a non-empty array of operands, none of them JSON null. */
static FakerCriteria *
parse_in(JsonbValue *v, const char *path)
{
	FakerCriteria *q;
	JsonbValue *elems;
	int			n;

	if (!is_array(v) || (n = array_items(v, &elems)) == 0)
		parse_error(path, ERRCODE_DATATYPE_MISMATCH, "must be a non-empty array of values");
	q = CriteriaNew(Q_IN, path);
	q->nargs = n;
	q->args = palloc0(sizeof(Operand) * n);
	for (int i = 0; i < n; i++)
	{
		char	   *p = psprintf("%s[%d]", path, i);

		operand(&q->args[i], &elems[i], p);
		if (q->args[i].kind == OPD_LITERAL && q->args[i].jnull)
			parse_error(p, ERRCODE_DATATYPE_MISMATCH, "null in $in: use {\"$or\": [..., {\"$is_null\": true}]}");
	}
	return q;
}

/* $or, $and: a non-empty array of criteria; one branch is that branch. */
static FakerCriteria *
parse_logic(QOp op, JsonbValue *v, const char *path)
{
	FakerCriteria *q;
	JsonbValue *elems;
	int			n;

	if (!is_array(v) || (n = array_items(v, &elems)) == 0)
		parse_error(path, ERRCODE_DATATYPE_MISMATCH, "must be a non-empty array of criteria");
	q = CriteriaNew(op, path);
	q->nsubs = n;
	q->subs = palloc(sizeof(FakerCriteria *) * n);
	for (int i = 0; i < n; i++)
		q->subs[i] = parse_value(&elems[i], psprintf("%s[%d]", path, i));
	if (n == 1)
		return q->subs[0];
	return q;
}

/*
 * The operator NAME with its argument V (at PATH): a syntax error for an
 * unknown one, else a dispatch on it.
 */
static FakerCriteria *
parse_operator(const char *name, JsonbValue *v, const char *path)
{
	FakerCriteria *q = NULL;
	QOp			op = Q_EQ;
	bool		found = false;

	for (int i = 0; i < lengthof(ops) && !found; i++)
		if (strcmp(ops[i].name, name) == 0)
		{
			op = ops[i].op;
			found = true;
		}
	if (!found)
		parse_error(path, ERRCODE_SYNTAX_ERROR,
					psprintf("unknown operator \"%s\" (known: $eq, $ne, $gt, $gte, $lt, $lte, $in, $is_null, "
							 "$not, $or, $and, $rel, $any, $all, $len; operands $field, $step)", name));
	switch (op)
	{
		case Q_EQ:
			{
				Operand		o = {0};

				/* normalisation: {"$eq": {...query...}} is the query */
				if (is_object(v) && !reference_operand(&o, v, path))
					return parse_value(v, path);
			}
			/* FALLTHROUGH */
		case Q_NE:
		case Q_GT:
		case Q_GTE:
		case Q_LT:
		case Q_LTE:
			q = CriteriaNew(op, path);
			operand(&q->arg, v, path);
			if (q->arg.kind == OPD_LITERAL && q->arg.jnull && op != Q_EQ && op != Q_NE)
				parse_error(path, ERRCODE_DATATYPE_MISMATCH,
							"cannot compare with null: use {\"$is_null\": true}");
			return q;
		case Q_IN:
			return parse_in(v, path);
		case Q_ISNULL:
			if (v->type != jbvBool)
				parse_error(path, ERRCODE_DATATYPE_MISMATCH, "must be true or false");
			q = CriteriaNew(op, path);
			q->flag = v->val.boolean;
			return q;
		case Q_OR:
		case Q_AND:
			return parse_logic(op, v, path);
		case Q_REL:
			if (!is_object(v))
				parse_error(path, ERRCODE_DATATYPE_MISMATCH, "must be an object of the parent's columns");
			q = CriteriaNew(op, path);
			q->sub = parse_value(v, path);
			if (q->sub->op != Q_ROW && q->sub->op != Q_OR && q->sub->op != Q_AND &&
				q->sub->op != Q_NOT && q->sub->op != Q_REL)
				parse_error(path, ERRCODE_DATATYPE_MISMATCH, "must be an object of the parent's columns");
			return q;
		case Q_NOT:
		case Q_ANY:
		case Q_ALL:
		case Q_LEN:
			q = CriteriaNew(op, path);
			q->sub = parse_value(v, path);
			return q;
		default:
			break;
	}
	return q;
}

/*
 * The criteria V at PATH says of a value: a literal or a reference ($field,
 * $step) is $eq; an object of operators is their AND, one of fields a
 * row-level condition.
 */
static FakerCriteria *
parse_value(JsonbValue *v, const char *path)
{
	char	  **keys;
	JsonbValue *vals;
	int			n,
				nops = 0,
				depth = 0;
	FakerCriteria *q;
	Operand		o = {0};

	/* each level adds a path segment: bound the nesting before recursing */
	for (const char *c = path; *c; c++)
		depth += (*c == '.' || *c == '[');
	if (depth > FAKER_CRITERIA_MAX_DEPTH)
		parse_error(path, ERRCODE_STATEMENT_TOO_COMPLEX,
					psprintf("criteria nest deeper than %d levels", FAKER_CRITERIA_MAX_DEPTH));
	check_stack_depth();

	if (!is_object(v))
	{
		q = CriteriaNew(Q_EQ, path);
		literal(&q->arg, v, path);
		return q;
	}
	if (reference_operand(&o, v, path))
	{
		q = CriteriaNew(Q_EQ, path);
		q->arg = o;
		return q;
	}
	n = object_items(v, &keys, &vals);
	if (n == 0)
		parse_error(path, ERRCODE_INVALID_PARAMETER_VALUE, "empty criteria object");
	for (int i = 0; i < n; i++)
		nops += keys[i][0] == '$' ? 1 : 0;
	if (nops > 0 && nops < n)
		parse_error(path, ERRCODE_SYNTAX_ERROR,
					"operators ($...) and fields mixed at one level: use {\"$and\": [...]} or nest them");
	if (nops == 0)
	{
		q = CriteriaNew(Q_ROW, path);
		q->nsubs = n;
		q->fields = keys;
		q->subs = palloc(sizeof(FakerCriteria *) * n);
		for (int i = 0; i < n; i++)
			q->subs[i] = parse_value(&vals[i], psprintf("%s.%s", path, keys[i]));
		return q;
	}
	if (n == 1)
		return parse_operator(keys[0], &vals[0], psprintf("%s.%s", path, keys[0]));
	q = CriteriaNew(Q_AND, path);
	q->nsubs = n;
	q->subs = palloc(sizeof(FakerCriteria *) * n);
	for (int i = 0; i < n; i++)
		q->subs[i] = parse_operator(keys[i], &vals[i], psprintf("%s.%s", path, keys[i]));
	return q;
}

/* Parse the criteria document CRITERIA (unbound: types come with binding). */
FakerCriteria *
FakerCriteriaParse(Jsonb *criteria, const char *path)
{
	JsonbValue	v;

	if (JB_ROOT_IS_SCALAR(criteria))
		JsonbExtractScalar(&criteria->root, &v);
	else
	{
		v.type = jbvBinary;
		v.val.binary.data = &criteria->root;
		v.val.binary.len = VARSIZE(criteria) - VARHDRSZ;
	}
	return parse_value(&v, path);
}

/* ---- back to jsonb ---- */

/* The scalar of a literal operand O, or NULL if it is an array or object. */
JsonbValue *
OperandScalar(Operand *o)
{
	JsonbValue *v = palloc(sizeof(JsonbValue));

	if (!JsonbExtractScalar(&o->json->root, v))
		return NULL;
	return v;
}

/* Push the object key K into *ST. */
static void
push_key(JsonbParseState **st, const char *k)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) k;
	v.val.string.len = strlen(k);
	pushJsonbValue(st, WJB_KEY, &v);
}

/* Push a whole Jsonb as one value (TOK is WJB_VALUE or WJB_ELEM). */
static void
push_jsonb(JsonbParseState **st, Jsonb *jb, JsonbIteratorToken tok)
{
	JsonbValue	v;
	JsonbIterator *it;
	JsonbIteratorToken t;

	if (JsonbExtractScalar(&jb->root, &v))
	{
		pushJsonbValue(st, tok, &v);
		return;
	}
	it = JsonbIteratorInit(&jb->root);
	while ((t = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
		pushJsonbValue(st, t, t < WJB_BEGIN_ARRAY ? &v : NULL);
}

/*
 * Push operand O as TOK: a literal as is, $field and $step as their objects.
 */
static void
push_operand(JsonbParseState **st, Operand *o, JsonbIteratorToken tok)
{
	if (o->kind == OPD_LITERAL)
	{
		push_jsonb(st, o->json, tok);
		return;
	}
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	push_key(st, o->kind == OPD_FIELD ? "$field" : "$step");
	{
		JsonbValue	v;

		v.type = jbvString;
		v.val.string.val = o->ref;
		v.val.string.len = strlen(o->ref);
		pushJsonbValue(st, WJB_VALUE, &v);
	}
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

/* The operators of Q as key/value pairs of an open object. */
static void
push_ops(JsonbParseState **st, FakerCriteria *q)
{
	switch (CriteriaShape(q->op))
	{
		case Q_COMPARE:
			push_key(st, CriteriaOpName(q->op));
			push_operand(st, &q->arg, WJB_VALUE);
			break;
		case Q_IN:
			push_key(st, "$in");
			pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
			for (int i = 0; i < q->nargs; i++)
				push_operand(st, &q->args[i], WJB_ELEM);
			pushJsonbValue(st, WJB_END_ARRAY, NULL);
			break;
		case Q_ISNULL:
			{
				JsonbValue	b = {.type = jbvBool};

				b.val.boolean = q->flag;
				push_key(st, "$is_null");
				pushJsonbValue(st, WJB_VALUE, &b);
			}
			break;
		case Q_NOT:
		case Q_ANY:
		case Q_ALL:
		case Q_LEN:
		case Q_REL:
			push_key(st, CriteriaOpName(q->op));
			CriteriaPushJsonb(st, q->sub, true);
			break;
		case Q_OR:
		case Q_AND:
			push_key(st, CriteriaOpName(q->op));
			pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
			for (int i = 0; i < q->nsubs; i++)
				CriteriaPushJsonb(st, q->subs[i], false);
			pushJsonbValue(st, WJB_END_ARRAY, NULL);
			break;
		case Q_ROW:
			for (int i = 0; i < q->nsubs; i++)
			{
				push_key(st, q->fields[i]);
				CriteriaPushJsonb(st, q->subs[i], true);
			}
			break;
	}
}

/* Can the subs of AND node Q be written as one object of distinct keys? */
static bool
and_flat(FakerCriteria *q)
{
	for (int i = 0; i < q->nsubs; i++)
	{
		if (q->subs[i]->op == Q_AND || q->subs[i]->op == Q_ROW || q->subs[i]->op == Q_EQ)
			return false;
		for (int j = 0; j < i; j++)
			if (q->subs[j]->op == q->subs[i]->op)
				return false;
	}
	return true;
}

/* Push Q as a value (VALUE_POS) or an array element. */
void
CriteriaPushJsonb(JsonbParseState **st, FakerCriteria *q, bool value_pos)
{
	JsonbIteratorToken tok = value_pos ? WJB_VALUE : WJB_ELEM;

	if (q->op == Q_EQ && !(q->arg.kind == OPD_LITERAL && !JB_ROOT_IS_SCALAR(q->arg.json)))
	{
		/* a bare value is an equality (but a bare array would be too: keep $eq) */
		push_operand(st, &q->arg, tok);
		return;
	}
	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	if (q->op == Q_AND && and_flat(q))
		for (int i = 0; i < q->nsubs; i++)
			push_ops(st, q->subs[i]);
	else
		push_ops(st, q);
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

/* Q as a criteria document again: the inverse of FakerCriteriaParse. */
Jsonb *
FakerCriteriaToJsonb(FakerCriteria *q)
{
	JsonbParseState *st = NULL;

	if (q->op == Q_EQ && q->arg.kind == OPD_LITERAL && JB_ROOT_IS_SCALAR(q->arg.json))
		return q->arg.json;		/* a bare scalar at the root */
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	if (q->op == Q_AND && and_flat(q))
		for (int i = 0; i < q->nsubs; i++)
			push_ops(&st, q->subs[i]);
	else
		push_ops(&st, q);
	return JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
}

/*
 * Q as the text of its criteria document (keys of filtered pools, messages).
 */
char *
FakerCriteriaText(FakerCriteria *q)
{
	Jsonb	   *jb = FakerCriteriaToJsonb(q);

	return JsonbToCString(NULL, &jb->root, VARSIZE(jb));
}
