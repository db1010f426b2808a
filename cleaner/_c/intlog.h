/* log1p(k) and log(k) of small whole numbers (line lengths, word counts, distances in lines)
 * from tables filled once with the C library's own functions, so the values are the very same
 * doubles at a fraction of the cost: a page asks for some thousand of them, and each call of
 * log1p costs tens of nanoseconds. */
#ifndef CLEANER_INTLOG_H
#define CLEANER_INTLOG_H

#include <math.h>

#define INTLOG_SIZE 4096

static double log1p_table[INTLOG_SIZE];
static double log_table[INTLOG_SIZE];

/* Fill the tables; call once when the module is loaded. */
static void
intlog_init(void)
{
    for (int k = 0; k < INTLOG_SIZE; k++) {
        log1p_table[k] = log1p((double)k);
        log_table[k] = log((double)k);
    }
}

static inline double
log1p_int(long long k)
{
    return (k >= 0 && k < INTLOG_SIZE) ? log1p_table[k] : log1p((double)k);
}

static inline double
log_int(long long k)
{
    return (k >= 1 && k < INTLOG_SIZE) ? log_table[k] : log((double)k);
}

#endif
