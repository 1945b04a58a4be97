/*
 * progress.c: NOTICEs about once per second on long calls (faker.progress).
 *
 * Nothing is said during the first few seconds, so short calls (and the
 * regression tests) stay quiet.
 */
#include "postgres.h"

#include "utils/timestamp.h"

#include "faker.h"

#define PROGRESS_FIRST_US	(3 * USECS_PER_SEC)
#define PROGRESS_EVERY_US	USECS_PER_SEC

/*
 * Start reporting the progress of WHAT, a long call making TOTAL rows (0:
 * unknown): the first NOTICE only after a few seconds, so that short calls
 * stay quiet.
 */
void
FakerProgressStart(FakerProgress *p, const char *what, int64 total)
{
	p->what = what;
	p->total = total;
	p->start_us = GetCurrentTimestamp();
	p->next_us = p->start_us + PROGRESS_FIRST_US;
}

/*
 * DONE of the total are made: at most one NOTICE a second (with the rate
 * and, when the total is known, an estimate of the time left), checking the
 * clock only every 1024 rows.
 */
void
FakerProgressTick(FakerProgress *p, int64 done)
{
	TimestampTz now;
	double		secs,
				rate;

	if (!faker_progress || (done & 1023) != 0)
		return;
	now = GetCurrentTimestamp();
	if (now < p->next_us)
		return;
	p->next_us = now + PROGRESS_EVERY_US;
	secs = (now - p->start_us) / (double) USECS_PER_SEC;
	rate = secs > 0 ? done / secs : 0;
	if (p->total > 0 && rate > 0)
		ereport(NOTICE,
				(errmsg("%s: " INT64_FORMAT " of " INT64_FORMAT " rows (%.0f%%), %.0f rows/s, about %.0f s left",
						p->what, done, p->total, 100.0 * done / p->total, rate,
						(p->total - done) / rate)));
	else
		ereport(NOTICE,
				(errmsg("%s: " INT64_FORMAT " rows, %.0f rows/s", p->what, done, rate)));
}
