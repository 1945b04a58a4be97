/*
 * codes.c: short unique codes -- a char(n) or varchar(n) column of at most
 * CODE_MAX_LEN characters that is unique on its own and has no spec
 * (a country's char(2), a currency's char(3), an airport's code).
 *
 * A text generator cut to n characters makes few distinct values (the
 * first letters of words), so such a column would soon repeat itself.
 * Its values are drawn instead from the whole space of n-character codes
 * over A-Z and 0-9, without replacement: a call walks a random
 * permutation of the space (a Feistel network keyed by the call's seed,
 * cycle-walking into range), codes of letters only first (they look like
 * real codes), then the codes with a digit.  A sharded call takes every
 * m-th position of the same permutation, so shards never meet.  Values
 * already in the table are skipped (values.c finds them taken); when the
 * call asks the target for more rows than the space has left, it fails
 * before writing, naming the column and the size of the space.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "prng.h"
#include "model/modelpriv.h"

#define CODE_MAX_LEN	4		/* 36^4 codes at most */
#define CODE_ROUNDS		4

static const char code_symbols[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/* base^n */
static int64
ipow(int base, int n)
{
	int64		v = 1;

	for (int i = 0; i < n; i++)
		v *= base;
	return v;
}

/*
 * Spec time (spec.c, a column getting its generator by type): is column C
 * a short unique code?  Then c->code_len is its length.
 */
void
CodesChoose(ModelColumn *c)
{
	int32		typmod = c->typmod;
	Oid			base = getBaseTypeAndTypmod(c->typid, &typmod);
	int			n = typmod >= (int32) VARHDRSZ ? typmod - VARHDRSZ : -1;

	c->code_len = 0;
	if (c->unique && c->kind == COL_GEN && c->require == NULL && (base == BPCHAROID || base == VARCHAROID) &&
		n >= 1 && n <= CODE_MAX_LEN)
		c->code_len = n;
}

/* The Feistel round function: HALF bits of X, keyed by KEY and ROUND. */
static uint64
code_round(uint64 key, int round, uint64 x, int half)
{
	uint64		in[2] = {x, (uint64) round};

	return FakerHash64(in, sizeof(in), key) & ((UINT64CONST(1) << half) - 1);
}

/*
 * Position I of a random permutation of [0, N) keyed by KEY: a balanced
 * Feistel network over the smallest even power of two that holds N,
 * applied again until the value falls below N (cycle walking: the
 * network is a bijection, so the walk ends and stays one-to-one).
 */
static int64
code_permute(uint64 key, int64 i, int64 n)
{
	int			bits = 2;
	int			half;
	uint64		x = (uint64) i;

	while ((UINT64CONST(1) << bits) < (uint64) n)
		bits += 2;
	half = bits / 2;
	do
	{
		uint64		l = x >> half,
					r = x & ((UINT64CONST(1) << half) - 1);

		for (int round = 0; round < CODE_ROUNDS; round++)
		{
			uint64		t = r;

			r = l ^ code_round(key, round, r, half);
			l = t;
		}
		x = (l << half) | r;
	} while (x >= (uint64) n);
	return (int64) x;
}

/* The code of index V over the first BASE symbols, LEN characters. */
static char *
code_text(int64 v, int base, int len)
{
	char	   *s = palloc(len + 1);

	for (int i = len - 1; i >= 0; i--)
	{
		s[i] = code_symbols[v % base];
		v /= base;
	}
	s[len] = '\0';
	return s;
}

/* Does code S have a digit (not among the letter codes)? */
static bool
code_has_digit(const char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			return true;
	return false;
}

/* The size of column C's space: codes of letters or digits. */
static int64
code_space(ModelColumn *c)
{
	return ipow(36, c->code_len);
}

/*
 * Call: column C's permutation (from the call's seed; a shard's share of
 * it).  EXISTING values are in the table already; when the target is to
 * get more rows than the space has left, an error before anything is
 * written.
 */
void
CodesOpen(FakerPlan *plan, Aggregate *agg, ModelColumn *c, int64 existing)
{
	int64		space = code_space(c);

	c->code_key = FakerHash64(c->name, strlen(c->name), plan->seed ^ FakerHash64(agg->name, strlen(agg->name), 17));
	c->code_next = plan->shard;
	c->code_step = Max(plan->shards, 1);
	if (agg == plan->target && existing + (int64) agg->expected > space)
		ereport(ERROR,
				(errcode(ERRCODE_UNIQUE_VIOLATION),
				 errmsg("aggregate \"%s\": unique column \"%s\" (%s) has " INT64_FORMAT " possible values, "
						"the call asks for " INT64_FORMAT " rows",
						agg->name, c->name, format_type_with_typemod(c->typid, c->typmod), space,
						(int64) agg->expected),
				 errdetail("Its values are codes of %d letters or digits; the table has " INT64_FORMAT " of them already.",
						   c->code_len, existing),
				 errhint("Ask for at most " INT64_FORMAT " rows, or give column \"%s\" a spec under \"columns\" "
						 "(e.g. {\"values\": [...]}) or a longer type.",
						 Max(space - existing, 0), c->name)));
}

/*
 * Values: the next code of column C not drawn yet in this call (a text
 * Datum; letter codes first).  An error once the space is exhausted.
 */
Datum
CodesNext(Aggregate *agg, ModelColumn *c)
{
	int64		letters = ipow(26, c->code_len);
	int64		space = code_space(c);
	for (;;)
	{
		int64		at = c->code_next;
		char	   *s;

		CHECK_FOR_INTERRUPTS();
		if (at >= letters + space)
			ereport(ERROR,
					(errcode(ERRCODE_UNIQUE_VIOLATION),
					 errmsg("aggregate \"%s\": every one of the " INT64_FORMAT " values of unique column \"%s\" (%s) is taken",
							agg->name, space, c->name, format_type_with_typemod(c->typid, c->typmod)),
					 errhint("Give column \"%s\" a spec under \"columns\" (e.g. {\"values\": [...]}) or a longer type.",
							 c->name)));
		c->code_next += c->code_step;
		if (at < letters)
			return CStringGetTextDatum(code_text(code_permute(c->code_key, at, letters), 26, c->code_len));
		s = code_text(code_permute(c->code_key ^ 1, at - letters, space), 36, c->code_len);
		if (code_has_digit(s))
			return CStringGetTextDatum(s);
	}
}
