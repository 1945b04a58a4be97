/*
 * spaces.c: columns that ask for more distinct values than their generator
 * makes (README, "Value generators": the distinct values of each).
 *
 * A column asks for distinct values with "unique" (one per row, also
 * against the rows in the table) or a "mean" (one per MEAN rows; "mean": 1
 * is one per row).  faker_define cannot know the row counts to come, so it
 * warns when a fill of FAKER_SPACE_ROWS rows would need more values than
 * the generator has (gen/genspace.c).  A call knows: the rows it makes of
 * the aggregates it is asked for are exact, so a unique or "mean": 1
 * column that cannot be filled is an error before anything is written;
 * what it plans for the aggregates it reaches are expectations, which get
 * a warning.
 */
#include "postgres.h"

#include "faker.h"
#include "model/engine.h"
#include "model/model.h"

/* the fill size faker_define checks a column against */
#define FAKER_SPACE_ROWS 1e6

/* "generator \"city\"", or what a column without "gen" has */
static const char *
gen_label(const ModelColumn *c)
{
	return c->genname ? psprintf("generator \"%s\"", c->genname) : "its default generator";
}

/* what the column's spec asks: "unique" or "mean": M */
static const char *
ask_label(const ModelColumn *c)
{
	return c->unique ? "\"unique\"" : psprintf("\"mean\": %g", c->ask_mean);
}

/*
 * faker_define: warn for each column of the plan's target whose "unique"
 * or "mean" asks, over a fill of FAKER_SPACE_ROWS rows, for more distinct
 * values than its generator makes.
 */
void
PlanWarnSpaces(FakerPlan *plan)
{
	Aggregate  *a = plan->target;

	for (int j = 0; j < a->ncols; j++)
	{
		ModelColumn *c = &a->cols[j];
		double		space;

		if (c->kind != COL_GEN || c->ask_mean <= 0)
			continue;
		space = FakerGenSpace(c->gen);
		if (space * c->ask_mean >= FAKER_SPACE_ROWS)
			continue;
		ereport(WARNING,
				(errcode(ERRCODE_WARNING),
				 errmsg("aggregate \"%s\": column \"%s\": %s makes at most %.0f distinct values",
						a->name, c->name, gen_label(c), space),
				 errdetail("%s asks for one value per %s: a fill of more than %.0f rows %s.",
						   ask_label(c), c->ask_mean == 1 ? "row" : psprintf("%g rows", c->ask_mean),
						   space * c->ask_mean, c->unique ? "fails" : "repeats them more often")));
	}
}

/*
 * The distinct values column C of A needs in a call making ROWS rows of A:
 * a unique column's values in the table and one per non-NULL row; a pool
 * the values it has and one per MEAN non-NULL rows; a "mean": 1 column one
 * per non-NULL row.  0 when it asks for none.
 */
static double
column_needs(const ModelColumn *c, double rows)
{
	double		nonnull = rows * (1 - c->null_weight);

	if (c->unique)
		return (double) c->nexisting + nonnull;
	if (c->reuse)
		return (double) c->reuse_n + nonnull / c->reuse_spec.mean;
	return c->ask_mean > 0 ? nonnull / c->ask_mean : 0;
}

/* Raise (LEVEL ERROR) or warn that column C of A needs NEED values of SPACE. */
static void
report_space(int level, const Aggregate *a, const ModelColumn *c, double need,
			 double space, double rows)
{
	ereport(level,
			(errcode(level < ERROR ? ERRCODE_WARNING :
					 c->unique ? ERRCODE_UNIQUE_VIOLATION : ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("aggregate \"%s\": column \"%s\" needs %.0f distinct values, but %s makes at most %.0f",
					a->name, c->name, need, gen_label(c), space),
			 c->unique ?
			 errdetail("\"unique\": %lld values are in the table and the call makes %s%.0f %s.",
					   (long long) c->nexisting, level < ERROR ? "about " : "", rows,
					   rows == 1 ? "row" : "rows") :
			 errdetail("%s over %s%.0f %s.", ask_label(c), level < ERROR ? "about " : "", rows,
					   rows == 1 ? "row" : "rows"),
			 level >= ERROR ? errhint("Widen the generator (a longer range, more values) or make fewer rows.") : 0));
}

/*
 * A call about to make BASE[i] rows of the aggregates it was asked for
 * (0 for the others, which make what the plan expects): an error for a
 * unique or "mean": 1 column of the former that needs more distinct
 * values than its generator makes, a warning for the other cases.
 */
void
SpacesCheckCall(FakerPlan *plan, const double *base)
{
	for (int i = 0; i < plan->n; i++)
	{
		Aggregate  *a = plan->aggs[i];
		bool		exact = base[i] > 0;
		double		rows = exact ? base[i] : a->expected;

		for (int j = 0; j < a->ncols; j++)
		{
			ModelColumn *c = &a->cols[j];
			double		need,
						space;

			if (c->kind != COL_GEN)
				continue;
			need = column_needs(c, rows);
			if (need < 1 || need <= (space = FakerGenSpace(c->gen)))
				continue;
			report_space(exact && (c->unique || !c->reuse) ? ERROR : WARNING,
						 a, c, need, space, rows);
		}
	}
}
