/*
 * modelpriv.h: the population engine's private structures, shared by the
 * files of src/model only (src/sql sees model.h).  An aggregate with its
 * columns, references and children, its pool, and the plan of a call; and
 * the functions of the engine's files over them.
 *
 *   catalog.c   read a table: columns, keys, foreign keys, defaults
 *   spec.c      a jsonb spec -> providers per column, references, children
 *   graph.c     the plan: reachable aggregates, topological order, cycles
 *   store.c     pools: typed tables in schema faker + in-memory copies
 *   uses.c      uses per pool value, persisted
 *   writer.c    batched INSERT ... SELECT FROM unnest($1, $2, ...)
 *   call.c, row.c, values.c, filter.c   the engine (engine.h)
 */
#ifndef FAKER_MODELPRIV_H
#define FAKER_MODELPRIV_H

#include "postgres.h"

#include "access/attnum.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "nodes/execnodes.h"
#include "utils/jsonb.h"

#include "dist/dist.h"
#include "criteria/criteria.h"
#include "gen/gen.h"
#include "model/model.h"
#include "prng.h"

#define MODEL_MAX_KEYS	32		/* INDEX_MAX_KEYS */
#define MODEL_BATCH		2000	/* rows per INSERT */

typedef enum ColKind
{
	COL_DEFAULT,				/* left to PostgreSQL: omitted from the INSERT */
	COL_KEYDEFAULT,				/* a key with a DEFAULT: evaluated by faker */
	COL_REF,					/* set by references */
	COL_GEN,					/* a generator */
	COL_CONST,					/* a constant */
	COL_SEQ,					/* {"gen": "sequence"} */
	COL_SERIAL_INT,				/* integer key without default: max + 1, ... */
	COL_EXPR,					/* "expr", "gen": "sql", "from" (expr.h) */
	COL_TUPLE					/* a member of a correlated tuple (tuples.h) */
} ColKind;

typedef struct ModelColumn
{
	AttrNumber	attnum;
	char	   *name;
	Oid			typid;
	int32		typmod;
	Oid			collid;
	bool		notnull;
	bool		hasdef;
	char		identity;
	ColKind		kind;
	/* providers */
	FakerGen   *gen;
	Datum		constval;
	bool		constnull;
	char	   *seq_format;		/* sequence: format with %s, or NULL */
	char	   *seq_scope;
	int64		seq_start;
	int64		seq_next;		/* sequence and serial int: next value */
	double		null_weight;
	bool		exact;			/* "exact": stratified NULLs and choices */
	FakerStrata *null_strata;	/* call: NULL or not, stratified (exact.c) */
	FakerStrata *pick_strata;	/* call: the choice's value, stratified */
	char	   *null_scope;		/* their counters in faker.sequence */
	char	   *pick_scope;
	bool		reuse;			/* a pool of reused generated values */
	FakerM2OSpec reuse_spec;
	FakerM2O   *reuse_m2o;
	struct PoolUses *reuse_uses;	/* call: uses per value, persisted (uses.c) */
	Datum	   *reuse_vals;
	int64		reuse_n,
				reuse_cap;
	bool		unique;			/* single-column UNIQUE/PK or "unique": true */
	const char *genname;		/* COL_GEN: the generator's name ("gen"), or NULL */
	double		ask_mean;		/* the spec's "mean" (1 for "unique"): uses per
								 * distinct value asked; 0: nothing asked */
	int64		nexisting;		/* call: non-NULL values a unique column has */
	/* conversion of generator output to the column type */
	bool		need_io;
	FmgrInfo	outfn;
	FmgrInfo	infn;
	Oid			ioparam;
	FmgrInfo	coloutfn;		/* and back (a require's bounds to the generator) */
	FmgrInfo	geninfn;
	Oid			genioparam;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	ExprState  *defexpr;		/* COL_KEYDEFAULT */
	FakerRng	rng;
	int			inspos;			/* position in the INSERT, -1 if omitted */
	FakerCriteria *require;		/* value-level criteria ("require"), or NULL */
	struct ColProvider *prov;	/* COL_EXPR, scoped COL_SEQ (expr.h), or NULL */
	int64		seq_step;		/* sequence: increment (0 is 1) */
	bool		defvolatile;	/* its DEFAULT is volatile (a sequence, identity) */
	bool		evaldefault;	/* a unique key reads it: faker evaluates the DEFAULT */
	struct TupleGroup *tuple;	/* COL_TUPLE: its tuple (tuples.h) */
	int			tuple_member;	/* COL_TUPLE: its position in the tuple */
	struct PersonLink *person;	/* a default login made of the row's names, or NULL */
	int			code_len;		/* a short unique code of this length (codes.c), or 0 */
	uint64		code_key;		/* call: its permutation's key */
	int64		code_next;		/* call: the next position in it */
	int			code_step;		/* call: positions between two draws (shards) */
} ModelColumn;

struct Aggregate;

typedef struct ModelRef
{
	Oid			conoid;
	char	   *name;
	int			nkeys;
	int			col[MODEL_MAX_KEYS];	/* column index in the child */
	int			pkey[MODEL_MAX_KEYS];	/* position in the parent's pool key */
	struct Aggregate *parent;
	Oid			parent_relid;	/* the referenced table */
	bool		has_spec;
	bool		implied;		/* inside a wider FK, no spec entry */
	bool		back_edge;		/* closes a cycle: never creates */
	bool		self_root;		/* NOT NULL self-reference: a root row references itself */
	FakerM2OSpec spec;
	FakerM2O   *m2o;
	struct PoolUses *uses;		/* call: uses per parent by this FK (uses.c) */
	FakerRng	rng;
	double		planned;
	FakerCriteria *require;		/* row-level criteria on the parent, or NULL */
	struct FilterPool *filter;	/* call: the parents that satisfy them */
	FakerCriteriaFK *lookup;		/* call: the parent row by this key (SPI) */
	bool		one_to_one;		/* its columns are unique: reuses unreferenced parents only */
	int			o2o_key;		/* the unique key (index in ukeys) */
	int64		o2o_next;		/* call: the next pool position to try */
	struct TreeRef *tree;		/* "depth"/"fanout": a bounded tree (tree.h), or NULL */
} ModelRef;

typedef struct ModelChild
{
	char	   *name;
	struct Aggregate *child;
	int			via;			/* index of the FK in child->refs */
	FakerO2M   *o2m;
	FakerRng	rng;
	Jsonb	   *spec;
	char	   *via_name;
} ModelChild;

/* An in-memory pool: key tuples in creation order, plus sub-pool indexes. */
typedef struct SubIndex SubIndex;

/* A pool's committed keys kept in the session between calls (cache.c). */
typedef struct PoolCacheEntry
{
	Oid			poolrel;		/* hash key: the pool table */
	Oid			node;			/* its storage when read */
	int			nkeys;
	Oid			types[MODEL_MAX_KEYS];
	MemoryContext cxt;			/* the keys and their values */
	int64		n;				/* committed entries kept: positions 0..n-1 */
	int64		cap;
	Datum	   *keys;			/* cap * nkeys; beyond n: the current call's */
	bool	   *nulls;
	int			pins;			/* calls using it now */
	uint64		used;			/* last lookup, for trimming */
} PoolCacheEntry;

/* A reader's uses of a pool kept in the session (cache.c, uses.c). */
typedef struct UsesCacheEntry
{
	char		key[sizeof(Oid) + NAMEDATALEN];	/* uses table OID, reader */
	Oid			node;
	bool		loaded;			/* uses[] holds the counts */
	bool		dirty;			/* a call counted uses it has not written */
	int64		n,
				cap;
	int64	   *uses;
	int64	   *delta;			/* not yet written (zero between calls) */
	double		total;			/* sum of uses[] */
	int64		drawn;			/* uses this session wrote since reading */
	TransactionId xid;			/* the (sub)transaction that wrote them last */
	int			pins;
	uint64		used;
} UsesCacheEntry;

typedef struct Pool
{
	bool		exists;			/* the pool table exists (append to it) */
	bool		loaded;			/* read into memory for this call */
	char	   *table;			/* quoted faker.pool_... */
	int64		n;
	int64		cap;
	Datum	   *keys;			/* n * nkeys */
	bool	   *nulls;
	int64		flushed;		/* appended entries written to the table */
	int64		base;			/* position of entry 0 (pools not read: size before) */
	int64		start_n;
	SubIndex   *subs;			/* list of sub-pool indexes */
	SPIPlanPtr	append_plan;
	PoolCacheEntry *cache;		/* keys and nulls are its arrays, or NULL */
} Pool;

typedef struct Aggregate
{
	char	   *name;
	Oid			relid;
	char	   *qualname;		/* quoted schema.table */
	bool		defined;
	Jsonb	   *spec;
	int			ncols;
	ModelColumn *cols;
	int			nrefs;
	ModelRef   *refs;
	int			nchildren;
	ModelChild *children;
	int			nkeys;			/* pool key: columns other tables reference */
	int			keycol[MODEL_MAX_KEYS];
	int			npk;
	int			pk[MODEL_MAX_KEYS];
	int			nuniq;			/* composite unique constraints checked by hash */
	int		  **uniq;			/* column indexes, -1 terminated */
	int			nukeys;			/* every unique index (uniques.c) */
	struct UniqueKey *ukeys;
	int			nuactive;		/* those faker checks */
	TupleTableSlot *uslot;		/* call: a row for index expressions */
	struct CheckSet *checks;		/* CHECK constraints (checks.h), or NULL */
	/* plan */
	int			order;			/* topological position, parents first */
	double		expected;		/* rows expected in this call */
	bool		in_plan;
	bool		force_read;		/* load the pool even if nothing references it */
	int			mark;
	/* call state */
	Pool		pool;
	struct Writer *writer;
	struct fhset_hash *seen;		/* hashes of unique values */
	int64		created,
				reused,
				nulls;
	bool		flushing;
	const char *keys_returned;	/* call: why the database sets the keys (returning.c), or NULL */
	int		   *colorder;		/* columns in generation order ($field first) */
	int			natts;			/* highest attnum */
	List	   *filters;		/* call: FilterPools over this pool */
	FakerRng	crit_rng;		/* call: $or branches of pushed-down criteria */
} Aggregate;

/* A plan: every aggregate reachable from the target, parents first. */
struct FakerPlan
{
	int			n;
	Aggregate **aggs;
	Aggregate  *target;
	MemoryContext cxt;
	EState	   *estate;
	uint64		seed;
	/* faker_rows: the target's row goes here instead of into the table */
	TupleDesc	sinkdesc;		/* NULL: rows are inserted */
	Datum	   *sinkvals;		/* the last row made, by attnum - 1 */
	bool	   *sinknulls;
	/* a call paused between rows of a value-per-call function */
	int64		nrows;			/* faker_rows: rows asked for */
	MemoryContext rowcxt;		/* the returned row's memory, reset per row */
	MemoryContext outer;		/* the caller's context */
	struct RowCtx *rc;
	/* a sharded call (shard.c): shard k of m, else 0 of 1 */
	int			shard;
	int			shards;
	bool		locked;			/* holds its call locks (call.c, CallLock) */
	/* faker_pipe: keys of the steps chosen so far in this iteration ($step) */
	Datum	  **stepkeys;
	bool	  **stepnulls;
};

/* catalog.c */
extern void CatalogCheckTable(Oid relid);
extern void CatalogLoadTable(Aggregate *agg, Oid relid);
extern char *CatalogQualifiedName(Oid relid);
extern bool CatalogDefinition(const char *name, Oid relid_hint, Oid *relid, Jsonb **spec);
extern Oid	CatalogTableForName(const char *name);
extern void CatalogKeyColumns(Aggregate *agg);

/* spec.c */
extern void SpecApply(Aggregate *agg, Jsonb *spec);
extern void SpecValidate(const char *name, Oid relid, Jsonb *spec);
extern int	SpecFindReference(Aggregate *agg, const char *key, const char *path);

/* graph.c */
extern FakerPlan *PlanBuildMany(List *names);

/* store.c */
extern void PoolOpen(FakerPlan *plan, Aggregate *agg, bool read);
extern void PoolAppend(Aggregate *agg, Datum *keys, bool *nulls);
extern void PoolFlush(Aggregate *agg);
extern int64 PoolSubpool(Aggregate *agg, const bool *known, const Datum *vals, int64 **members);
extern bool PoolOwnedTableSound(Oid relid);
extern Oid	PoolOwnedTableOid(const char *table);
extern void PoolOwnedTableDrop(const char *table);
extern void PoolOwnedTableCreate(const char *table, const char *columns);
extern char *PoolUsesTable(Aggregate *agg);
extern Oid	PoolUsesRel(Aggregate *agg);
extern void PoolCatchUp(FakerPlan *plan, Aggregate *agg);
extern void CallLock(FakerPlan *plan);
extern Oid	PoolRelFilenode(Oid relid);

/*
 * uses.c: how many times each pool value has been used, per reference (and
 * per plain column reuse pool), persisted so each call plans toward the
 * end state of the whole pool.
 */
typedef struct PoolUses PoolUses;
/* checkeval.c: a row of AGG (values by column index) in SLOT, the rest NULL */
extern void AggregateFillSlot(Aggregate *agg, TupleTableSlot *slot, const Datum *vals, const bool *nulls);

/* cache.c */
extern PoolCacheEntry *PoolCacheLookup(Oid poolrel, int nkeys, const Oid *types, MemoryContext callcxt);
extern UsesCacheEntry *UsesCacheLookup(Oid usesrel, const char *via, MemoryContext callcxt);
extern MemoryContext UsesCacheContext(void);
extern void PoolCacheForget(void);

extern PoolUses *UsesOpen(FakerPlan *plan, Aggregate *parent, const char *via, Aggregate *child,
						  struct ModelRef *ref);
extern void UsesNote(PoolUses *u, int64 pos);
extern FakerM2O *UsesReader(PoolUses *u, const FakerM2OSpec *spec, int64 pool_size, double draws);
extern void UsesAttach(PoolUses *u, FakerM2O *m);
extern const int64 *UsesCounts(PoolUses *u, int64 *n);
extern void UsesFlush(Aggregate *agg);
extern void UsesFlushOne(PoolUses *u);
extern void ReuseOpen(FakerPlan *plan, Aggregate *agg, ModelColumn *c);

/* exact.c: the stratified draws of an "exact" column, call to call */
extern void ExactOpen(FakerPlan *plan, Aggregate *a, ModelColumn *c);
extern void ExactFinish(ModelColumn *c);

/* call.c: a scalar bigint read with SPI (an error when not one row) */
extern int64 ModelSPIInt8(const char *sql, int nargs, Oid *types, Datum *args);
/* call.c: counters of faker.sequence (sequences, exact columns' streams) */
extern int64 ModelCounterOpen(const char *scope, int64 initial);
extern void ModelCounterSave(const char *scope, int64 value);
extern void ReuseGrow(FakerPlan *plan, ModelColumn *c);

/* catalog.c: a foreign key PostgreSQL derives per partition of a referenced partitioned table */
extern bool CatalogFkDerived(Oid conoid);

/* partfkeys.c: foreign keys every partition declares on its own */
extern List *PartitionForeignKeys(Relation rel);
/* partfkeys.c: the first reason WHY gives for a table of partitioned REL */
extern const char *PartitionsReason(Relation rel, const char *(*why) (Relation part));

/* codes.c: short unique codes drawn without replacement */
extern void CodesChoose(ModelColumn *c);
extern void CodesOpen(FakerPlan *plan, Aggregate *agg, ModelColumn *c, int64 existing);
extern Datum CodesNext(Aggregate *agg, ModelColumn *c);

/* writer.c */
extern void WriterInit(Aggregate *agg);
extern void WriterAdd(Aggregate *agg, Datum *values, bool *nulls);
extern void WriterFlush(FakerPlan *plan, Aggregate *agg);
extern void WriterFlushAll(FakerPlan *plan);
extern MemoryContext WriterContext(Aggregate *agg);
extern void WriterBuilding(Aggregate *agg, int delta);
extern bool WriterFull(Aggregate *agg);
extern void WriterReturnedKeys(Aggregate *agg, Datum *keys, bool *nulls);

/* returning.c */
extern const char *ReturningReason(Aggregate *agg);

/* call.c */
extern bool PlanReadsPool(FakerPlan *plan, Aggregate *agg);

/* call.c */
extern void CallPause(FakerPlan *plan);
extern void *CallKeepPlan(FakerPlan *plan, void *spiplan);
extern void *KeepPlanIn(MemoryContext cxt, void *spiplan);
/* shard.c */
extern void CallSetShard(int shard, int shards);

/* A call in steps, for callers other than Populate (faker_pipe). */
extern FakerPlan *CallBegin(List *names, uint64 seed, const double *base, const char *what,
							int64 total, TupleDesc sinkdesc, bool read_named);
extern void CallMakeRow(FakerPlan *plan, Aggregate *agg, Datum *keys, bool *knulls, FakerCriteria *crit);
extern int64 CallFilter(FakerPlan *plan, Aggregate *agg, FakerCriteria *crit, int64 **positions);
extern void CallTick(FakerPlan *plan, int64 done);

extern bool ModelGenWithin(ModelColumn *c, FakerRng *rng, Datum lo, bool has_lo, bool lo_incl,
						   Datum hi, bool has_hi, bool hi_incl, Datum *out);


#endif							/* FAKER_MODELPRIV_H */
