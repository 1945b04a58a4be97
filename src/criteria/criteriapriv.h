/*
 * criteriapriv.h: the criteria tree, shared by the files of src/criteria/.
 */
#ifndef FAKER_CRITERIAPRIV_H
#define FAKER_CRITERIAPRIV_H

#include "fmgr.h"

#include "criteria/criteria.h"

/* how deep criteria may nest ($rel in $rel..., $or in $not...) */
#define FAKER_CRITERIA_MAX_DEPTH 64

typedef enum QOp
{
	Q_EQ, Q_NE, Q_GT, Q_GTE, Q_LT, Q_LTE,	/* comparison with one operand */
	Q_IN,						/* operands */
	Q_ISNULL,					/* flag */
	Q_NOT, Q_ANY, Q_ALL, Q_LEN, Q_REL,	/* sub */
	Q_OR, Q_AND,				/* subs */
	Q_ROW						/* fields + subs */
} QOp;

/* the shape of the six comparisons (CriteriaShape) */
#define Q_COMPARE Q_EQ

/*
 * The shape of operator OP: the six comparisons, which most of the
 * criteria code treats alike (one operand, an operator of the type's
 * btree family), are one shape, Q_COMPARE; every other operator is its own.
 * A switch over the shape has one case for them instead of six labels.
 */
static inline int
CriteriaShape(QOp op)
{
	return op <= Q_LTE ? Q_COMPARE : (int) op;
}

typedef enum OpdKind
{
	OPD_LITERAL,				/* json: a scalar or an array of scalars */
	OPD_FIELD,					/* {"$field": "col" | "fk.col"} */
	OPD_STEP					/* {"$step": "name.col"} */
} OpdKind;

typedef struct Operand
{
	OpdKind		kind;
	Jsonb	   *json;			/* literal (a scalar is a raw-scalar array) */
	bool		jnull;			/* literal JSON null */
	char	   *ref;			/* field / step text */
	/* bound */
	Datum		value;			/* literal cast to the node's type */
	FakerCriteriaFK *fk;			/* field through a foreign key, else NULL */
	int			step;			/* step index */
	int			stepkey;		/* position in the step's key */
	AttrNumber	attnum;			/* own column, or parent column */
	Oid			srctype;		/* type of the field/step column */
	bool		cast;			/* srctype differs: convert by text I/O */
	FmgrInfo	srcout;
	FmgrInfo	dstin;
	Oid			dstioparam;
} Operand;

struct FakerCriteria
{
	QOp			op;
	char	   *path;			/* JSON path for messages */
	Operand		arg;			/* comparisons */
	int			nargs;			/* $in */
	Operand    *args;
	bool		flag;			/* $is_null */
	FakerCriteria *sub;			/* $not $any $all $len $rel */
	int			nsubs;			/* $or $and, row fields */
	FakerCriteria **subs;
	char	  **fields;			/* row: field names */
	/* bound */
	bool		bound;
	bool		rowlevel;		/* a condition on a row (row, or logic over rows) */
	Oid			relid;			/* row-level: the row's relation */
	AttrNumber *attnums;		/* row: column of each field (0 for a $rel field) */
	FakerCriteriaFK *fk;			/* $rel */
	Oid			typid;			/* value-level: the value's type */
	int32		typmod;
	Oid			collid;
	FmgrInfo   *cmp;			/* btree comparison of typid */
	int16		typlen;
	bool		typbyval;
	char		typalign;
};

/* parse.c */
extern FakerCriteria *CriteriaNew(QOp op, const char *path);
extern const char *CriteriaOpName(QOp op);
extern void CriteriaPushJsonb(JsonbParseState **st, FakerCriteria *q, bool value_pos);
extern JsonbValue *OperandScalar(Operand *o);

/* bind.c */
extern FakerCriteriaFK *CriteriaFindForeignKey(Oid relid, const char *name, const char *path, bool must);
extern FakerCriteriaFK *CriteriaForeignKeyByOid(Oid relid, Oid conoid);
extern Datum OperandValue(FakerCriteria *node, Operand *o, FakerCriteriaEnv *env, bool *isnull);

/* eval.c */
extern int	CriteriaCompare(FakerCriteria *node, Datum a, Datum b);
extern bool CriteriaEqual(FakerCriteria *a, FakerCriteria *b);

#endif
