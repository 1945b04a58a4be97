/*
 * regex.c: the "regex" generator: random strings that match a pattern.
 *
 * The pattern (PostgreSQL ARE syntax, as CHECK constraints use it) is parsed
 * once, at generator-compile time, into a small tree of character sets,
 * concatenations, alternations and repetitions, each knowing the shortest
 * and longest string it can produce.  A value is one walk of that tree with
 * a length budget (the column's varchar(n), else RX_MAX_CHARS): every choice
 * (an alternative, a repetition count, a character) is drawn from the
 * generator's stream and restricted to what still fits.
 *
 * What is generated is exactly a match of the whole pattern, so it also
 * matches with ~ (which searches) whether or not the pattern is anchored.
 * Anchors inside the pattern (a^b) are checked as the value is built; a
 * value that breaks one is drawn again.  Backreferences, lookaround and
 * word-boundary constraints are refused: matching them is not a local
 * choice.  The pattern is also compiled by PostgreSQL's own regex engine,
 * so anything ~ would reject is rejected here too.
 *
 * Characters: "." and negated classes draw printable ASCII (falling back to
 * other printable code points, then anything, when ASCII is excluded); an
 * explicit class draws its printable members.  A subset of the matching
 * characters is always a correct choice.
 */
#include "postgres.h"

#include <limits.h>

#include "catalog/pg_collation.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "regex/regex.h"
#include "utils/builtins.h"

#include "gen/genpriv.h"

#define RX_MAX_CHARS	10000	/* longest value without a column limit */
#define RX_UNBOUNDED_EXTRA 8	/* x* is x{0,8}, x{3,} is x{3,11} */
#define RX_DUP_MAX		255		/* PostgreSQL's bound limit */
#define RX_ATTEMPTS		100		/* draws of a value that must meet anchors */
#define RX_MAXCHAR		0x10FFFF

typedef struct RxRange
{
	pg_wchar	lo,
				hi;
} RxRange;

/* A set of characters: sorted, disjoint, non-adjacent ranges. */
typedef struct RxSet
{
	int			n;
	RxRange    *r;
	uint64		total;			/* characters in the set */
} RxSet;

typedef enum RxKind
{
	RX_SET, RX_CAT, RX_ALT, RX_REP, RX_BOL, RX_EOL
} RxKind;

typedef struct RxNode
{
	RxKind		kind;
	int			nkids;
	struct RxNode **kids;		/* CAT, ALT; REP: kids[0] */
	int			min,
				max;			/* REP: repetitions (max already capped) */
	RxSet		set;			/* SET: the characters drawn from */
	int64		minlen,
				maxlen;			/* shortest/longest string, saturated */
} RxNode;

struct FakerRegex
{
	char	   *pattern;
	char	   *path;
	bool		icase;
	RxNode	   *root;
};

/* ---- character sets ---- */

typedef struct RxBuild
{
	int			n,
				cap;
	RxRange    *r;
} RxBuild;

/*
 * Add the range [LO, HI] to the set being built (unsorted; build_set merges).
 */
static void
build_add(RxBuild *b, pg_wchar lo, pg_wchar hi)
{
	if (b->n == b->cap)
	{
		b->cap = b->cap ? b->cap * 2 : 8;
		b->r = b->r ? repalloc(b->r, sizeof(RxRange) * b->cap) : palloc(sizeof(RxRange) * b->cap);
	}
	b->r[b->n].lo = lo;
	b->r[b->n].hi = hi;
	b->n++;
}

/* qsort comparator of ranges by their first character. */
static int
rxrange_cmp(const void *a, const void *b)
{
	const RxRange *x = a,
			   *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo ? 1 : 0;
}

/* Sort and merge the ranges added so far into a set. */
static RxSet
build_set(RxBuild *b)
{
	RxSet		s = {0, NULL, 0};

	if (b->n == 0)
		return s;
	qsort(b->r, b->n, sizeof(RxRange), rxrange_cmp);
	s.r = palloc(sizeof(RxRange) * b->n);
	for (int i = 0; i < b->n; i++)
	{
		if (s.n > 0 && b->r[i].lo <= s.r[s.n - 1].hi + 1)
		{
			if (b->r[i].hi > s.r[s.n - 1].hi)
				s.r[s.n - 1].hi = b->r[i].hi;
		}
		else
			s.r[s.n++] = b->r[i];
	}
	for (int i = 0; i < s.n; i++)
		s.total += s.r[i].hi - s.r[i].lo + 1;
	return s;
}

/* The characters in both A and B (pairwise overlaps of their ranges). */
static RxSet
set_intersect(const RxSet *a, const RxSet *b)
{
	RxBuild		out = {0};

	for (int i = 0; i < a->n; i++)
		for (int j = 0; j < b->n; j++)
		{
			pg_wchar	lo = Max(a->r[i].lo, b->r[j].lo);
			pg_wchar	hi = Min(a->r[i].hi, b->r[j].hi);

			if (lo <= hi)
				build_add(&out, lo, hi);
		}
	return build_set(&out);
}

/* The characters of [1, RX_MAXCHAR] not in A. */
static RxSet
set_complement(const RxSet *a)
{
	RxBuild		out = {0};
	pg_wchar	next = 1;

	for (int i = 0; i < a->n; i++)
	{
		if (a->r[i].lo > next)
			build_add(&out, next, a->r[i].lo - 1);
		next = Max(next, a->r[i].hi + 1);
	}
	if (next <= RX_MAXCHAR)
		build_add(&out, next, RX_MAXCHAR);
	return build_set(&out);
}

/* The set of the NPAIRS ranges given as (lo, hi) pairs in PAIRS. */
static RxSet
set_of_ranges(const pg_wchar *pairs, int npairs)
{
	RxBuild		b = {0};

	for (int i = 0; i < npairs; i++)
		build_add(&b, pairs[2 * i], pairs[2 * i + 1]);
	return build_set(&b);
}

/* Printable ASCII, and printable code points in general (UTF8 only). */
static RxSet
ascii_printable(void)
{
	static const pg_wchar p[] = {0x20, 0x7E};

	return set_of_ranges(p, 1);
}

/*
 * The printable code points: beyond ASCII only in a UTF8 database, where
 * they can be stored; any other encoding keeps to printable ASCII.
 */
static RxSet
printable(void)
{
	static const pg_wchar p[] = {0x20, 0x7E, 0xA0, 0xD7FF, 0xE000, 0xFFFD, 0x10000, RX_MAXCHAR};

	return set_of_ranges(p, GetDatabaseEncoding() == PG_UTF8 ? 4 : 1);
}

/*
 * What a set actually draws: its printable members if any (so \s gives a
 * space, not a tab).  A negated set (or ".") prefers printable ASCII.
 */
static RxSet
drawable(RxSet s, bool negated)
{
	RxSet		p;
	RxSet		pr;

	if (negated)
	{
		pr = ascii_printable();
		p = set_intersect(&s, &pr);
		if (p.total > 0)
			return p;
	}
	pr = printable();
	p = set_intersect(&s, &pr);
	return p.total > 0 ? p : s;
}

/* With icase: add the other case of each ASCII letter. */
static void
build_fold_case(RxBuild *b)
{
	int			n = b->n;

	for (int i = 0; i < n; i++)
	{
		pg_wchar	lo = b->r[i].lo,
					hi = b->r[i].hi;

		if (lo <= 'z' && hi >= 'a')
			build_add(b, Max(lo, 'a') - 32, Min(hi, 'z') - 32);
		if (lo <= 'Z' && hi >= 'A')
			build_add(b, Max(lo, 'A') + 32, Min(hi, 'Z') + 32);
	}
}

/* ---- parser ---- */

typedef struct RxParser
{
	const pg_wchar *s;
	int			len;
	int			pos;
	bool		icase;
	const char *pattern;
	const char *path;
	int			depth;
} RxParser;

/* Raise 2201B for PATH's pattern at character POS (1-based in the message). */
static void
rx_error(RxParser *p, int pos, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
			 errmsg("%s: regular expression \"%s\" at character %d: %s",
					p->path, p->pattern, pos + 1, what)));
}

/* Whether the pattern character OFF places after the current one is C. */
static inline bool
at(RxParser *p, int off, pg_wchar c)
{
	return p->pos + off < p->len && p->s[p->pos + off] == c;
}

/* An ASCII digit (the pattern's syntax: bounds, backreferences). */
static inline bool
is_digit(pg_wchar c)
{
	return c >= '0' && c <= '9';
}

/* An ASCII letter or digit (an escape of one is not a plain character). */
static inline bool
is_alnum(pg_wchar c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A new tree node of KIND, everything else zero. */
static RxNode *
new_node(RxKind kind)
{
	RxNode	   *n = palloc0(sizeof(RxNode));

	n->kind = kind;
	return n;
}

/* Add the POSIX class NAME (length LEN); false if there is no such class. */
static bool
build_add_class(RxBuild *b, const pg_wchar *name, int len)
{
	static const struct
	{
		const char *name;
		const char *ranges;		/* pairs of characters */
	}			classes[] = {
		{"alnum", "09AZaz"}, {"alpha", "AZaz"}, {"blank", "  \t\t"},
		{"cntrl", "\001\037\177\177"}, {"digit", "09"}, {"graph", "!~"},
		{"lower", "az"}, {"print", " ~"}, {"punct", "!/:@[`{~"},
		{"space", "\t\r  "}, {"upper", "AZ"}, {"xdigit", "09AFaf"},
		{"word", "09AZaz__"},
	};

	for (int i = 0; i < lengthof(classes); i++)
	{
		const char *cn = classes[i].name;
		int			j;

		for (j = 0; j < len && cn[j] && cn[j] == (char) name[j]; j++)
			;
		if (j != len || cn[j] != '\0')
			continue;
		for (const char *r = classes[i].ranges; *r; r += 2)
			build_add(b, (unsigned char) r[0], (unsigned char) r[1]);
		return true;
	}
	return false;
}

/* The class of a \d \s \w escape (lower case letter). */
static void
build_add_escape_class(RxBuild *b, pg_wchar c)
{
	static const pg_wchar digit[] = {'d', 'i', 'g', 'i', 't'};
	static const pg_wchar space[] = {'s', 'p', 'a', 'c', 'e'};
	static const pg_wchar word[] = {'w', 'o', 'r', 'd'};

	if (c == 'd')
		build_add_class(b, digit, 5);
	else if (c == 's')
		build_add_class(b, space, 5);
	else
		build_add_class(b, word, 4);
}

/* The value of hexadecimal digit C, or -1 if it is not one. */
static int
hex_value(pg_wchar c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * A character escape; p->pos is on the letter after the backslash (START is
 * the backslash, for messages).  Advances past it.
 */
static pg_wchar
parse_char_escape(RxParser *p, int start)
{
	pg_wchar	c = p->s[p->pos++];
	pg_wchar	v = 0;
	int			ndig = 0,
				maxdig = 0;

	switch (c)
	{
		case 'a':
			return 7;
		case 'b':
			return 8;
		case 'B':
			return '\\';
		case 'e':
			return 27;
		case 'f':
			return 12;
		case 'n':
			return 10;
		case 'r':
			return 13;
		case 't':
			return 9;
		case 'v':
			return 11;
		case 'c':
			if (p->pos >= p->len)
				rx_error(p, start, "\\c needs a character after it");
			v = p->s[p->pos++] & 0x1F;
			if (v == 0)
				rx_error(p, start, "\\c gives a NUL character");
			return v;
		case 'x':
			maxdig = 8;
			break;
		case 'u':
			maxdig = 4;
			break;
		case 'U':
			maxdig = 8;
			break;
		default:
			if (is_digit(c))
				rx_error(p, start, c == '0' ? "octal escapes are not supported" :
						 "backreferences are not supported");
			if (is_alnum(c))
				rx_error(p, start, psprintf("invalid escape \\%c", (char) c));
			return c;
	}
	while (ndig < maxdig && p->pos < p->len && hex_value(p->s[p->pos]) >= 0)
	{
		v = v * 16 + hex_value(p->s[p->pos++]);
		ndig++;
	}
	if (ndig == 0 || (c != 'x' && ndig != maxdig))
		rx_error(p, start, psprintf("\\%c needs %s hexadecimal digits", (char) c,
									c == 'x' ? "one or more" : c == 'u' ? "4" : "8"));
	if (v == 0 || v > RX_MAXCHAR)
		rx_error(p, start, "invalid character code");
	return v;
}

/* A [. .] or [= =] element: a single character.  p->pos is on the '['. */
static pg_wchar
parse_collating(RxParser *p)
{
	int			start = p->pos;
	pg_wchar	delim = p->s[p->pos + 1];
	pg_wchar	c;

	p->pos += 2;
	if (p->pos + 2 < p->len && p->s[p->pos + 1] == delim && p->s[p->pos + 2] == ']')
	{
		c = p->s[p->pos];
		p->pos += 3;
		return c;
	}
	rx_error(p, start, "multi-character collating elements are not supported");
	return 0;
}

/* One endpoint of a bracket item, or -1 if it was a class (added to B). */
static int64
parse_bracket_char(RxParser *p, RxBuild *b, bool class_ok)
{
	pg_wchar	c = p->s[p->pos];
	int			start = p->pos;

	if (c == '[' && p->pos + 1 < p->len &&
		(p->s[p->pos + 1] == ':' || p->s[p->pos + 1] == '.' || p->s[p->pos + 1] == '='))
	{
		if (p->s[p->pos + 1] == ':')
		{
			int			name = p->pos + 2,
						end = name;

			while (end + 1 < p->len && !(p->s[end] == ':' && p->s[end + 1] == ']'))
				end++;
			if (end + 1 >= p->len)
				rx_error(p, start, "unterminated character class name");
			if (!class_ok)
				rx_error(p, start, "a character class cannot end a range");
			if (!build_add_class(b, p->s + name, end - name))
				rx_error(p, start, "unknown character class");
			p->pos = end + 2;
			return -1;
		}
		return parse_collating(p);
	}
	if (c == '\\')
	{
		pg_wchar	e;

		if (p->pos + 1 >= p->len)
			rx_error(p, start, "trailing backslash");
		e = p->s[p->pos + 1];
		if (e == 'd' || e == 's' || e == 'w' || e == 'D' || e == 'S' || e == 'W')
		{
			if (!class_ok)
				rx_error(p, start, "a character class cannot end a range");
			p->pos += 2;
			if (e == 'd' || e == 's' || e == 'w')
				build_add_escape_class(b, e);
			else
			{
				RxBuild		cb = {0};
				RxSet		cs,
							comp;

				build_add_escape_class(&cb, e + 32);
				cs = build_set(&cb);
				comp = set_complement(&cs);
				for (int i = 0; i < comp.n; i++)
					build_add(b, comp.r[i].lo, comp.r[i].hi);
			}
			return -1;
		}
		p->pos++;
		return parse_char_escape(p, start);
	}
	p->pos++;
	return c;
}

/*
 * Parse a bracket expression [...] at the current position: characters,
 * ranges, classes and escapes (parse_bracket_char), ']' first taken
 * literally, '^' negating; case folded with icase.  The node draws from
 * what the set allows (drawable); a set that matches nothing is an error.
 */
static RxNode *
parse_bracket(RxParser *p)
{
	int			start = p->pos;
	bool		negated = false;
	bool		first = true;
	RxBuild		b = {0};
	RxSet		s;
	RxNode	   *n;

	p->pos++;					/* '[' */
	if (at(p, 0, '^'))
	{
		negated = true;
		p->pos++;
	}
	for (;;)
	{
		int64		lo,
					hi;

		if (p->pos >= p->len)
			rx_error(p, start, "unterminated bracket expression");
		if (at(p, 0, ']') && !first)
		{
			p->pos++;
			break;
		}
		if (first && at(p, 0, ']'))
		{
			p->pos++;
			lo = ']';
		}
		else
			lo = parse_bracket_char(p, &b, true);
		first = false;
		if (lo < 0)
			continue;
		if (at(p, 0, '-') && p->pos + 1 < p->len && p->s[p->pos + 1] != ']')
		{
			int			rstart = p->pos;

			p->pos++;
			hi = parse_bracket_char(p, &b, false);
			if (hi < lo)
				rx_error(p, rstart, "invalid character range");
		}
		else
			hi = lo;
		build_add(&b, (pg_wchar) lo, (pg_wchar) hi);
	}
	if (p->icase)
		build_fold_case(&b);
	s = build_set(&b);
	if (negated)
		s = set_complement(&s);
	n = new_node(RX_SET);
	n->set = drawable(s, negated);
	if (n->set.total == 0)
		rx_error(p, start, "the bracket expression matches no character");
	return n;
}

/* A set node of one class escape (\d \D ...) or of one character. */
static RxNode *
class_node(RxParser *p, pg_wchar esc)
{
	RxBuild		b = {0};
	RxNode	   *n = new_node(RX_SET);
	bool		negated = esc >= 'A' && esc <= 'Z';
	RxSet		s;

	build_add_escape_class(&b, negated ? esc + 32 : esc);
	s = build_set(&b);
	if (negated)
		s = set_complement(&s);
	n->set = drawable(s, negated);
	return n;
}

/* A set node of the one character C (both cases with icase). */
static RxNode *
char_node(RxParser *p, pg_wchar c)
{
	RxBuild		b = {0};
	RxNode	   *n = new_node(RX_SET);

	build_add(&b, c, c);
	if (p->icase)
		build_fold_case(&b);
	n->set = build_set(&b);
	return n;
}

static RxNode *parse_alt(RxParser *p);

/* A group "(...)" or "(?:...)"; lookaround and embedded options are errors. */
static RxNode *
parse_group(RxParser *p)
{
	int			start = p->pos;
	RxNode	   *n;

	p->pos++;
	if (at(p, 0, '?'))
	{
		if (at(p, 1, ':'))
			p->pos += 2;
		else if (at(p, 1, '=') || at(p, 1, '!') || at(p, 1, '<'))
			rx_error(p, start, "lookahead and lookbehind constraints are not supported");
		else
			rx_error(p, start, "invalid (? construct (embedded options must start the pattern)");
	}
	n = parse_alt(p);
	if (!at(p, 0, ')'))
		rx_error(p, start, "unmatched parenthesis");
	p->pos++;
	return n;
}

/*
 * A backslash escape outside brackets: a class (\d \s \w and negations), \A
 * and \Z, or an escaped character; word boundaries are errors.
 */
static RxNode *
parse_escape(RxParser *p)
{
	int			start = p->pos;
	pg_wchar	e;

	if (p->pos + 1 >= p->len)
		rx_error(p, start, "trailing backslash");
	e = p->s[p->pos + 1];
	if (e == 'd' || e == 's' || e == 'w' || e == 'D' || e == 'S' || e == 'W')
	{
		p->pos += 2;
		return class_node(p, e);
	}
	if (e == 'A' || e == 'Z')
	{
		p->pos += 2;
		return new_node(e == 'A' ? RX_BOL : RX_EOL);
	}
	if (e == 'm' || e == 'M' || e == 'y' || e == 'Y')
		rx_error(p, start, "word-boundary constraints are not supported");
	p->pos++;
	return char_node(p, parse_char_escape(p, start));
}

/*
 * Parse one atom: a group, '.', a bracket expression, an escape, an anchor
 * or a plain character.  A quantifier with nothing to repeat, and the
 * constructs that are not a local choice (backreferences, lookaround,
 * word boundaries), are errors.
 */
static RxNode *
parse_atom(RxParser *p)
{
	int			start = p->pos;
	pg_wchar	c = p->s[p->pos];

	switch (c)
	{
		case '(':
			return parse_group(p);
		case ')':
			rx_error(p, start, "unmatched parenthesis");
			break;
		case '.':
			{
				RxNode	   *n = new_node(RX_SET);

				p->pos++;
				n->set = ascii_printable();
				return n;
			}
		case '[':
			return parse_bracket(p);
		case '^':
			p->pos++;
			return new_node(RX_BOL);
		case '$':
			p->pos++;
			return new_node(RX_EOL);
		case '*':
		case '+':
		case '?':
			rx_error(p, start, "quantifier without an operand");
			break;
		case '{':
			if (p->pos + 1 < p->len && is_digit(p->s[p->pos + 1]))
				rx_error(p, start, "quantifier without an operand");
			break;
		case '\\':
			return parse_escape(p);
		default:
			break;
	}
	p->pos++;
	return char_node(p, c);
}

/* A bound {m}, {m,}, {m,n}; p->pos is on the '{'. */
static void
parse_bound(RxParser *p, int *min, int *max)
{
	int			start = p->pos;
	int64		m = 0,
				n;

	p->pos++;
	while (p->pos < p->len && is_digit(p->s[p->pos]) && m <= RX_DUP_MAX)
		m = m * 10 + (p->s[p->pos++] - '0');
	n = m;
	if (at(p, 0, ','))
	{
		p->pos++;
		if (p->pos < p->len && is_digit(p->s[p->pos]))
		{
			n = 0;
			while (p->pos < p->len && is_digit(p->s[p->pos]) && n <= RX_DUP_MAX)
				n = n * 10 + (p->s[p->pos++] - '0');
		}
		else
			n = -1;
	}
	if (!at(p, 0, '}'))
		rx_error(p, start, "invalid repetition bound (expected {m}, {m,} or {m,n})");
	p->pos++;
	if (m > RX_DUP_MAX || n > RX_DUP_MAX)
		rx_error(p, start, "repetition count greater than 255");
	if (n >= 0 && m > n)
		rx_error(p, start, "repetition bound {m,n} with m greater than n");
	*min = (int) m;
	*max = (int) n;
}

/* Whether a quantifier (*, +, ?, {n...}) starts at the current position. */
static bool
at_quantifier(RxParser *p)
{
	return at(p, 0, '*') || at(p, 0, '+') || at(p, 0, '?') ||
		(at(p, 0, '{') && p->pos + 1 < p->len && is_digit(p->s[p->pos + 1]));
}

/*
 * Parse an atom and the quantifier after it, if any, into a repetition
 * node: unbounded repetitions get RX_UNBOUNDED_EXTRA more than their
 * minimum, and bounds over RX_DUP_MAX are refused as PostgreSQL does.
 */
static RxNode *
parse_piece(RxParser *p)
{
	RxNode	   *atom = parse_atom(p);
	RxNode	   *rep;
	int			start = p->pos;
	int			min,
				max;

	if (!at_quantifier(p))
		return atom;
	switch (p->s[p->pos])
	{
		case '*':
			min = 0, max = -1;
			p->pos++;
			break;
		case '+':
			min = 1, max = -1;
			p->pos++;
			break;
		case '?':
			min = 0, max = 1;
			p->pos++;
			break;
		default:
			parse_bound(p, &min, &max);
			break;
	}
	if (at(p, 0, '?'))			/* non-greedy: the same strings */
		p->pos++;
	if (atom->kind == RX_BOL || atom->kind == RX_EOL)
		rx_error(p, start, "a quantifier cannot follow an anchor");
	if (at_quantifier(p))
		rx_error(p, p->pos, "a quantifier cannot follow a quantifier");
	rep = new_node(RX_REP);
	rep->nkids = 1;
	rep->kids = palloc(sizeof(RxNode *));
	rep->kids[0] = atom;
	rep->min = min;
	rep->max = max < 0 ? min + RX_UNBOUNDED_EXTRA : max;
	return rep;
}

/* Parse a branch: the pieces up to the next '|' or ')', concatenated. */
static RxNode *
parse_branch(RxParser *p)
{
	RxNode	   *cat = new_node(RX_CAT);
	int			cap = 0;

	while (p->pos < p->len && !at(p, 0, '|') && !at(p, 0, ')'))
	{
		if (cat->nkids == cap)
		{
			cap = cap ? cap * 2 : 4;
			cat->kids = cat->kids ? repalloc(cat->kids, sizeof(RxNode *) * cap) :
				palloc(sizeof(RxNode *) * cap);
		}
		cat->kids[cat->nkids++] = parse_piece(p);
	}
	return cat->nkids == 1 ? cat->kids[0] : cat;
}

/*
 * Parse alternatives (branches separated by '|') up to a ')' or the end,
 * guarding the recursion depth: a deeply nested pattern must not overrun
 * the stack.
 */
static RxNode *
parse_alt(RxParser *p)
{
	RxNode	   *alt;
	int			cap = 4;

	check_stack_depth();
	if (++p->depth > 100)
		rx_error(p, p->pos, "parentheses nested too deeply");
	alt = new_node(RX_ALT);
	alt->kids = palloc(sizeof(RxNode *) * cap);
	for (;;)
	{
		if (alt->nkids == cap)
			alt->kids = repalloc(alt->kids, sizeof(RxNode *) * (cap *= 2));
		alt->kids[alt->nkids++] = parse_branch(p);
		if (!at(p, 0, '|'))
			break;
		p->pos++;
	}
	p->depth--;
	return alt->nkids == 1 ? alt->kids[0] : alt;
}

/* ---- lengths ---- */

#define RX_LEN_INF ((int64) 1 << 40)

/*
 * Compute each node's shortest and longest string, children first
 * (saturating: a long repetition must not overflow), so that generation
 * knows which choices still fit the length budget.
 */
static void
compute_lengths(RxNode *n)
{
	check_stack_depth();
	for (int i = 0; i < n->nkids; i++)
		compute_lengths(n->kids[i]);
	switch (n->kind)
	{
		case RX_SET:
			n->minlen = n->maxlen = 1;
			break;
		case RX_BOL:
		case RX_EOL:
			n->minlen = n->maxlen = 0;
			break;
		case RX_CAT:
			for (int i = 0; i < n->nkids; i++)
			{
				n->minlen = Min(n->minlen + n->kids[i]->minlen, RX_LEN_INF);
				n->maxlen = Min(n->maxlen + n->kids[i]->maxlen, RX_LEN_INF);
			}
			break;
		case RX_ALT:
			n->minlen = RX_LEN_INF;
			for (int i = 0; i < n->nkids; i++)
			{
				n->minlen = Min(n->minlen, n->kids[i]->minlen);
				n->maxlen = Max(n->maxlen, n->kids[i]->maxlen);
			}
			break;
		case RX_REP:
			n->minlen = Min(n->min * n->kids[0]->minlen, RX_LEN_INF);
			n->maxlen = Min(n->max * n->kids[0]->maxlen, RX_LEN_INF);
			break;
	}
}

/* ---- compile ---- */

/* PostgreSQL's own engine must accept the pattern too. */
static void
check_with_postgres(const pg_wchar *w, int wlen, bool icase, const char *pattern, const char *path)
{
	regex_t		re;
	int			rc = pg_regcomp(&re, w, wlen, REG_ADVANCED | (icase ? REG_ICASE : 0),
								DEFAULT_COLLATION_OID);

	if (rc != REG_OKAY)
	{
		char		msg[256];

		if (rc == REG_CANCEL)
			CHECK_FOR_INTERRUPTS();	/* a cancel is a cancel, not a bad pattern */
		pg_regerror(rc, &re, msg, sizeof(msg));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
				 errmsg("%s: invalid regular expression \"%s\": %s", path, pattern, msg)));
	}
	pg_regfree(&re);
}

/*
 * Compile PATTERN (ICASE: case-insensitive, as ~* is) for generator PATH:
 * the ***: and ***= directors and (?i)/(?c) options first, then the tree;
 * its lengths are computed and the pattern is also compiled by
 * PostgreSQL's own engine, so that what ~ would reject is rejected here.
 */
FakerRegex *
GenRegexCompile(const char *pattern, bool icase, const char *path)
{
	FakerRegex *rx = palloc0(sizeof(FakerRegex));
	int			blen = strlen(pattern);
	pg_wchar   *w = palloc(sizeof(pg_wchar) * (blen + 1));
	int			wlen = pg_mb2wchar_with_len(pattern, w, blen);
	RxParser	p = {w, wlen, 0, icase, pattern, path, 0};

	rx->pattern = pstrdup(pattern);
	rx->path = pstrdup(path);
	rx->icase = icase;

	/* directors and embedded options */
	if (wlen >= 4 && w[0] == '*' && w[1] == '*' && w[2] == '*' && (w[3] == ':' || w[3] == '='))
	{
		bool		literal = w[3] == '=';

		p.pos = 4;
		if (literal)
		{
			RxNode	   *cat = new_node(RX_CAT);

			cat->kids = palloc(sizeof(RxNode *) * Max(wlen - 4, 1));
			for (; p.pos < wlen; p.pos++)
				cat->kids[cat->nkids++] = char_node(&p, w[p.pos]);
			rx->root = cat;
		}
	}
	if (rx->root == NULL && at(&p, 0, '(') && at(&p, 1, '?') && p.pos + 2 < wlen && !is_digit(w[p.pos + 2]) &&
		w[p.pos + 2] != ':' && w[p.pos + 2] != '=' && w[p.pos + 2] != '!' && w[p.pos + 2] != '<')
	{
		int			start = p.pos;

		for (p.pos += 2; p.pos < wlen && w[p.pos] != ')'; p.pos++)
		{
			if (w[p.pos] == 'i')
				p.icase = true;
			else if (w[p.pos] == 'c')
				p.icase = false;
			else
				rx_error(&p, p.pos, psprintf("embedded option \"%c\" is not supported (only i and c)",
											 (char) w[p.pos]));
		}
		if (p.pos >= wlen)
			rx_error(&p, start, "unterminated embedded options");
		p.pos++;
		rx->icase = p.icase;
	}
	if (rx->root == NULL)
	{
		rx->root = parse_alt(&p);
		if (p.pos < p.len)
			rx_error(&p, p.pos, "unmatched parenthesis");
	}
	compute_lengths(rx->root);
	if (rx->root->minlen > RX_MAX_CHARS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
				 errmsg("%s: regular expression \"%s\": its shortest match is longer than %d characters",
						path, pattern, RX_MAX_CHARS)));
	check_with_postgres(w, wlen, icase, pattern, path);
	pfree(w);
	return rx;
}

/*
 * Refuse a regex generator whose shortest match does not fit its column
 * (G's cap, set by FakerGenSetMaxLength): every value would fail.
 */
void
GenRegexCheckLength(FakerGen *g)
{
	FakerRegex *rx = g->regex;

	if (g->maxchars >= 0 && rx->root->minlen > g->maxchars)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("%s: regular expression \"%s\" needs at least " INT64_FORMAT
						" characters, the column allows %d",
						rx->path, rx->pattern, rx->root->minlen, g->maxchars)));
}

/* ---- generation ---- */

typedef struct RxOut
{
	pg_wchar   *buf;
	int			len,
				cap;
	bool		ended;			/* passed a $ */
	bool		failed;			/* broke an anchor */
} RxOut;

/*
 * A uniform character of set S: the K-th of its total, found range by range.
 */
static pg_wchar
set_pick(const RxSet *s, FakerRng *rng)
{
	uint64		k = FakerRngBelow(rng, s->total);

	for (int i = 0; i < s->n; i++)
	{
		uint64		w = s->r[i].hi - s->r[i].lo + 1;

		if (k < w)
			return s->r[i].lo + (pg_wchar) k;
		k -= w;
	}
	return s->r[s->n - 1].hi;	/* not reached */
}

/* Append one string of N, at most BUDGET (>= n->minlen) characters long. */
static void
rx_gen(const RxNode *n, FakerRng *rng, int64 budget, RxOut *o)
{
	switch (n->kind)
	{
		case RX_SET:
			if (o->ended)
				o->failed = true;
			if (o->len == o->cap)
			{
				o->cap *= 2;
				o->buf = repalloc(o->buf, sizeof(pg_wchar) * o->cap);
			}
			o->buf[o->len++] = set_pick(&n->set, rng);
			break;
		case RX_BOL:
			if (o->len > 0)
				o->failed = true;
			break;
		case RX_EOL:
			o->ended = true;
			break;
		case RX_CAT:
			{
				int64		rest = n->minlen;
				int			base = o->len;

				for (int i = 0; i < n->nkids; i++)
				{
					const RxNode *k = n->kids[i];

					rest -= k->minlen;
					rx_gen(k, rng, budget - (o->len - base) - rest, o);
				}
			}
			break;
		case RX_ALT:
			{
				int			nfit = 0,
							pick;

				for (int i = 0; i < n->nkids; i++)
					nfit += n->kids[i]->minlen <= budget;
				pick = (int) FakerRngBelow(rng, nfit);
				for (int i = 0; i < n->nkids; i++)
					if (n->kids[i]->minlen <= budget && pick-- == 0)
					{
						rx_gen(n->kids[i], rng, budget, o);
						break;
					}
			}
			break;
		case RX_REP:
			{
				const RxNode *k = n->kids[0];
				int64		hi = n->max;
				int			count;
				int			base = o->len;

				if (k->minlen > 0)
					hi = Min(hi, budget / k->minlen);
				count = (int) FakerRngRange(rng, n->min, hi);
				for (int i = 0; i < count; i++)
				{
					CHECK_FOR_INTERRUPTS();
					rx_gen(k, rng, budget - (o->len - base) - (int64) (count - i - 1) * k->minlen, o);
				}
			}
			break;
	}
}

/*
 * A value of regex generator G: one walk of the tree within the length
 * budget (the column's cap, at most RX_MAX_CHARS), drawn again when an
 * anchor inside the pattern is not met, up to RX_ATTEMPTS times; the
 * characters are converted to the database encoding.
 */
Datum
GenRegexNext(FakerGen *g, FakerRng *rng)
{
	FakerRegex *rx = g->regex;
	int64		budget = g->maxchars >= 0 ? Min(g->maxchars, RX_MAX_CHARS) : RX_MAX_CHARS;
	RxOut		o;
	char	   *mb;
	int			mblen;
	text	   *t;

	o.cap = 32;
	o.buf = palloc(sizeof(pg_wchar) * o.cap);
	for (int attempt = 0;; attempt++)
	{
		if (attempt == RX_ATTEMPTS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
					 errmsg("%s: regular expression \"%s\": no string meeting its anchors (^, $) was found in %d attempts",
							rx->path, rx->pattern, RX_ATTEMPTS)));
		o.len = 0;
		o.ended = o.failed = false;
		rx_gen(rx->root, rng, budget, &o);
		if (!o.failed)
			break;
	}
	mb = palloc(o.len * MAX_MULTIBYTE_CHAR_LEN + 1);
	mblen = pg_wchar2mb_with_len(o.buf, mb, o.len);
	t = cstring_to_text_with_len(mb, mblen);
	pfree(mb);
	pfree(o.buf);
	return PointerGetDatum(t);
}
