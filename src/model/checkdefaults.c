/*
 * checkdefaults.c: table CHECK constraints as the rows faker writes see
 * them, with every column left to a constant DEFAULT replaced by that
 * constant.
 *
 * Such a column holds its DEFAULT in every row, so a CHECK that reads it
 * says something of the other columns only: with ended DEFAULT false,
 * CHECK ((end_year IS NOT NULL AND ended) OR end_year IS NULL) is
 * end_year IS NULL, which checks.c reads into the providers (and
 * checkeval.c evaluates, where it is not read).  Left as written, the
 * rule would read a column PostgreSQL fills and be left to the INSERT,
 * which would reject most rows.  A constant that fails a CHECK on its own
 * (DEFAULT 0 with CHECK (x > 0)) cannot be what the column holds: the
 * column is generated instead, under the CHECK as written.  A DEFAULT
 * of stable functions (now()) is the transaction's value, the same in
 * every row; a volatile one (a sequence, clock_timestamp()) is left as it
 * is, and so are the CHECKs that read it (to the INSERT).
 */
#include "postgres.h"

#include "access/sysattr.h"
#include "nodes/bitmapset.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "rewrite/rewriteHandler.h"
#include "utils/rel.h"

#include "model/checks.h"

/* The constants of the columns left to a constant DEFAULT, by attnum. */
typedef struct DefaultConsts
{
	int			natts;
	Const	  **consts;			/* [attnum], NULL: not such a column */
} DefaultConsts;

/* Replace the Vars of constant-DEFAULT columns by their constants. */
static Node *
substitute(Node *node, DefaultConsts *dc)
{
	if (node == NULL)
		return NULL;
	if (IsA(node, Var))
	{
		Var		   *v = (Var *) node;

		if (v->varlevelsup == 0 && v->varattno > 0 && v->varattno <= dc->natts &&
			dc->consts[v->varattno] != NULL)
			return (Node *) copyObject(dc->consts[v->varattno]);
		return node;
	}
	return expression_tree_mutator(node, substitute, (void *) dc);
}

/*
 * The DEFAULT of column C of REL as a constant, or NULL: folded, or, when
 * it calls stable functions only (now(), current_date), evaluated once --
 * the value every INSERT of this transaction gives it.
 */
static Const *
constant_default(Relation rel, ModelColumn *c)
{
	Node	   *def;

	if (c->kind != COL_DEFAULT || !c->hasdef || c->identity)
		return NULL;
	def = build_column_default(rel, c->attnum);
	if (def == NULL || contain_volatile_functions(def))
		return NULL;
	def = eval_const_expressions(NULL, def);
	if (!IsA(def, Const))
		def = (Node *) evaluate_expr((Expr *) def, exprType(def), exprTypmod(def), exprCollation(def));
	return IsA(def, Const) ? (Const *) def : NULL;
}

/* EXPR with the constants DC in place of their columns, folded. */
static Node *
with_defaults(Node *expr, DefaultConsts *dc)
{
	return eval_const_expressions(NULL, substitute(copyObject(expr), dc));
}

/* Is N the constant false (a CHECK no row passes)? */
static bool
const_false(Node *n)
{
	return IsA(n, Const) && !((Const *) n)->constisnull && !DatumGetBool(((Const *) n)->constvalue);
}

/*
 * The columns of AGG left to a constant DEFAULT, less those whose DEFAULT
 * makes one of the table's CHECK expressions EXPRS (conbin nodes) false
 * whatever the other columns: those become generated columns (COL_GEN,
 * given a generator by type later).  Repeated until nothing changes, as a
 * column generated leaves the others' rules reading it.
 */
static void
defaults_read(Aggregate *agg, Relation rel, List *exprs, DefaultConsts *dc)
{
	bool		changed = true;

	dc->natts = RelationGetDescr(rel)->natts;
	dc->consts = palloc0(sizeof(Const *) * (dc->natts + 1));
	for (int i = 0; i < agg->ncols; i++)
		dc->consts[agg->cols[i].attnum] = constant_default(rel, &agg->cols[i]);
	while (changed)
	{
		ListCell   *lc;

		changed = false;
		foreach(lc, exprs)
		{
			Bitmapset  *attrs = NULL;

			if (!const_false(with_defaults(lfirst(lc), dc)))
				continue;
			pull_varattnos(lfirst(lc), 1, &attrs);
			for (int i = 0; i < agg->ncols; i++)
			{
				ModelColumn *c = &agg->cols[i];

				if (dc->consts[c->attnum] == NULL ||
					!bms_is_member(c->attnum - FirstLowInvalidHeapAttributeNumber, attrs))
					continue;
				dc->consts[c->attnum] = NULL;
				c->kind = COL_GEN;
				changed = true;
			}
		}
	}
}

/*
 * The table CHECK expressions EXPRS of AGG (conbin nodes, in order) as
 * the rows see them: each with the constant DEFAULTs in place of their
 * columns, folded.  Columns whose DEFAULT fails a CHECK are turned into
 * generated columns first (defaults_read).  Called by ChecksRead before
 * the columns get their providers.
 */
List *
ChecksWithDefaults(Aggregate *agg, Relation rel, List *exprs)
{
	DefaultConsts dc;
	List	   *out = NIL;
	ListCell   *lc;

	defaults_read(agg, rel, exprs, &dc);
	foreach(lc, exprs)
		out = lappend(out, with_defaults(lfirst(lc), &dc));
	return out;
}
