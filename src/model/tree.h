/*
 * tree.h: a self-reference filled as a forest of bounded depth (README,
 * "Trees"): "references": {"parent_id": {"mean": 3, "depth": {"max": 6},
 * "fanout": [5, 3]}}.  Rows are made breadth-first: each row's parent is
 * the oldest open row (a row above the bound that has not had its children
 * yet), which gets its whole count of children before the next one; with
 * no open row left the row is a new root (tree.c).
 */
#ifndef FAKER_TREE_H
#define FAKER_TREE_H

#include "model/engine.h"

typedef struct TreeRef TreeRef;

/* spec.c: read "depth" and "fanout" of reference R's spec RS (at PATH) */
extern void TreeParse(Aggregate *agg, ModelRef *r, Jsonb *rs, const char *path, bool nullable);

/*
 * row.c: before a row's references, choose the parent of every tree
 * reference of AGG whose columns are still undecided, and set them (NULL
 * for a root).  Returns the depth of the row per reference (0: not placed
 * in the tree, another path decided its parent), or NULL when AGG has no
 * tree; TreeRowMade then makes the row an open parent if it is above the
 * bound.
 */
extern int *TreeRowBegin(RowCtx *rc, Aggregate *agg, bool *known, Datum *vals, bool *nulls);
extern void TreeRowMade(Aggregate *agg, const int *depth, int64 pos);

#endif							/* FAKER_TREE_H */
