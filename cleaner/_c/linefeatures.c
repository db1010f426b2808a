/* cleaner._linefeatures: the line classifier's base features of a whole page in one call.
 *
 * The pure-Python path (cleaner/features.py, _base_rows) builds these from some forty numpy
 * operations over the page's code points: each costs a few microseconds whatever its size, and
 * together they were half of the classifier's time. Here one pass over each line's characters
 * gives its class counts, its words (hashed exactly as cleaner/words.py hashes them, and looked
 * up among the lexicon's hashes), and the 34 feature rows, written straight into the caller's
 * float64 buffer. Every formula and row is the one in features.py, in the same order
 * (BASE_NAMES); the tests run both paths on real pages and compare them.
 *
 * Memory safety: every table is checked for item size and length before use (buffers.h), every
 * index read from a table (a character class, a word id) is checked against the array it indexes,
 * and characters past the tables are clamped to their last entry, as the Python path does. */
#include "buffers.h"
#include "intlog.h"

#include <math.h>
#include <stdint.h>

/* Character classes, as in cleaner/lines.py. */
enum { SPACE, LOWER, UPPER, DIGIT, LETTER, STOP_PUNCT, PAUSE_PUNCT, QUOTE, SYMBOL, N_CLASSES };
/* Base feature rows, as BASE_NAMES in cleaner/features.py. */
#define N_ROWS 34
/* The folded code of a character that is no part of a word (words.GAP). */
#define GAP 32
/* A line this long that ends like a sentence is prose (features.PROSE_MIN_WORDS). */
#define PROSE_MIN_WORDS 10
/* The word hash of cleaner/words.py: a polynomial over the folded codes modulo 2**64, mixed with
 * the word's length and finished with MurmurHash3's mix. */
#define MULT UINT64_C(0x9E3779B97F4A7C15)
#define LEN_MULT UINT64_C(0xC2B2AE3D27D4EB4F)
#define MIX_MULT UINT64_C(0xFF51AFD7ED558CCD)
#define MIX_SHIFT 33

/* The tables one call reads: the code-point tables of cleaner/lines.py, the lexicon's words as an
 * open-addressing table of (hash, id) pairs (features.word_table: a word's hash is looked up in
 * one cache line, where HashIndex's three arrays, four times the size, took three cache misses a
 * word once other work had flushed the caches), and the per-word arrays. */
typedef struct {
    Py_buffer classes, folded, words, weight, known, is_stop;
    Py_ssize_t table_size;   /* code points at or past this use the table's last entry */
    int slot_shift;          /* a hash's first slot is its top bits: hash >> slot_shift */
    Py_ssize_t slot_mask;    /* slots - 1 (a power of two) */
    Py_ssize_t vocab;        /* length of weight, known and is_stop: ids must be below it */
} Tables;

#define N_TABLES 6

static void
release_tables(Tables *t, int n)
{
    Py_buffer *views[N_TABLES] = {&t->classes, &t->folded, &t->words, &t->weight, &t->known, &t->is_stop};
    for (int k = 0; k < n; k++) {
        PyBuffer_Release(views[k]);
    }
}

/* Check and open the tables tuple; on failure nothing is left open. */
static int
open_tables(PyObject *tuple, Tables *t)
{
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) != N_TABLES) {
        PyErr_SetString(PyExc_TypeError, "tables: expected a tuple of 6 arrays");
        return -1;
    }
    Py_buffer *views[N_TABLES] = {&t->classes, &t->folded, &t->words, &t->weight, &t->known, &t->is_stop};
    static const Py_ssize_t sizes[N_TABLES] = {1, 2, 8, 8, 1, 1};
    static const char *codes[N_TABLES] = {U8, U16, U64, F64, U8, U8};
    static const char *names[N_TABLES] = {"classes", "folded", "words", "weight", "known", "is_stop"};
    for (int k = 0; k < N_TABLES; k++) {
        if (get_array(PyTuple_GET_ITEM(tuple, k), views[k], codes[k], sizes[k], 1, -1, 0, names[k]) < 0) {
            release_tables(t, k);
            return -1;
        }
    }
    t->table_size = t->classes.len - 1;
    Py_ssize_t slots = t->words.len / 16;  /* a slot is a (hash, id) pair */
    int bits = 0;
    while (((Py_ssize_t)1 << bits) < slots) {
        bits++;
    }
    t->slot_shift = 64 - bits;
    t->slot_mask = slots - 1;
    t->vocab = t->weight.len / 8;
    if (t->folded.len / 2 != t->table_size + 1 || ((Py_ssize_t)1 << bits) != slots || bits == 0 ||
        t->words.len != slots * 16 || t->known.len != t->vocab || t->is_stop.len != t->vocab) {
        PyErr_SetString(PyExc_ValueError, "tables: sizes do not fit together");
        release_tables(t, N_TABLES);
        return -1;
    }
    return 0;
}

/* The id of a word's hash, or 0 for an unknown word (what HashIndex.ids answers): probe from
 * the slot its top bits pick until its hash or an empty slot (hash 0, which no lexicon word has)
 * turns up. The table is at most half full, so a probe ends; -1 when it holds an id out of range
 * or has no empty slot at all. */
static Py_ssize_t
word_id(const Tables *t, uint64_t h)
{
    const uint64_t *slots = t->words.buf;
    Py_ssize_t k = (Py_ssize_t)(h >> t->slot_shift);
    for (Py_ssize_t probes = 0; probes <= t->slot_mask; probes++, k = (k + 1) & t->slot_mask) {
        uint64_t here = slots[2 * k];
        if (here == h || here == 0) {
            uint64_t id = here ? slots[2 * k + 1] : 0;
            return id < (uint64_t)t->vocab ? (Py_ssize_t)id : -1;
        }
    }
    return -1;
}

/* What one line is made of. */
typedef struct {
    Py_ssize_t len, words, stops, capitals, known;
    Py_ssize_t counts[N_CLASSES];
    int first, last, before_last;  /* classes of the first, last and second-to-last character */
    double lex;                    /* sum of the lexicon weights of its words, in word order */
} LineStats;

static inline int
class_of(const Tables *t, Py_UCS4 cp)
{
    Py_ssize_t k = cp < (Py_UCS4)t->table_size ? (Py_ssize_t)cp : t->table_size;
    return ((const uint8_t *)t->classes.buf)[k];
}

static inline uint16_t
fold_of(const Tables *t, Py_UCS4 cp)
{
    Py_ssize_t k = cp < (Py_UCS4)t->table_size ? (Py_ssize_t)cp : t->table_size;
    return ((const uint16_t *)t->folded.buf)[k];
}

/* The page's words wait here between being hashed and being looked up, so that the lookups of
 * a batch are started together: once other work has flushed the caches, a word's slot and its
 * weights are each a cache miss, and a lookup started right after its word was hashed waited for
 * them one word at a time. A batch runs across lines (a line holds a few words: batches of one
 * line's words waited for their misses about twice a line); each word's counts are still added
 * to its own line in word order (the lexicon sum is a floating-point sum: its order is part of
 * its value). */
#define BATCH 64
/* The queue is counted and emptied after a line once it holds this many words, so a page of
 * millions of characters needs room for this many plus its longest line's, not for all its
 * words (16 bytes a word); a line's words are never split between two counts. */
#define QUEUE_WORDS 4096
/* A hint to start loading an address (nothing where the compiler has no such hint). */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

typedef struct {
    uint64_t *hash;     /* each word's hash, in page order */
    Py_ssize_t *line;   /* ...and the line it belongs to */
    Py_ssize_t n;
} Words;

/* Look up words [from, to) and add their counts to their lines' stats; -1 on a bad table. */
static int
count_batch(const Tables *t, const Words *w, Py_ssize_t from, Py_ssize_t to, LineStats *stats)
{
    const uint64_t *slots = t->words.buf;
    Py_ssize_t id[BATCH];
    for (Py_ssize_t k = from; k < to; k++) {
        PREFETCH(slots + 2 * (Py_ssize_t)(w->hash[k] >> t->slot_shift));
    }
    const uint8_t *is_stop = t->is_stop.buf, *known = t->known.buf;
    const double *weight = t->weight.buf;
    for (Py_ssize_t k = from; k < to; k++) {
        Py_ssize_t found = word_id(t, w->hash[k]);
        if (found < 0) {
            PyErr_SetString(PyExc_ValueError, "tables: a word id is out of range");
            return -1;
        }
        id[k - from] = found;
        PREFETCH(weight + found);
        PREFETCH(known + found);
        PREFETCH(is_stop + found);
    }
    /* each line's run of words added up in registers (its sum goes on from where the batch
     * before left it: the same additions in the same order) */
    for (Py_ssize_t k = from; k < to;) {
        Py_ssize_t line = w->line[k];
        LineStats *s = stats + line;
        Py_ssize_t stops = s->stops, known_words = s->known;
        double lex = s->lex;
        for (; k < to && w->line[k] == line; k++) {
            Py_ssize_t found = id[k - from];
            stops += is_stop[found] != 0;
            known_words += known[found] != 0;
            lex += weight[found];
        }
        s->stops = stops;
        s->known = known_words;
        s->lex = lex;
    }
    return 0;
}

/* count_batch over every waiting word, BATCH at a time. */
static int
count_words(const Tables *t, const Words *w, LineStats *stats)
{
    for (Py_ssize_t from = 0; from < w->n; from += BATCH) {
        Py_ssize_t to = w->n - from > BATCH ? from + BATCH : w->n;
        if (count_batch(t, w, from, to, stats) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A finished word's hash, from the hash h of its `len` folded codes. */
static inline uint64_t
word_hash(uint64_t h, Py_ssize_t len)
{
    h ^= (uint64_t)len * LEN_MULT;
    h ^= h >> MIX_SHIFT;
    h *= MIX_MULT;
    h ^= h >> MIX_SHIFT;
    return h;
}

/* A line's class counts are added up in one integer, PACK_BITS bits a class, for PACK_MAX
 * characters at a time, then added to the counts: a count kept in memory waited for the store of
 * the character before whenever two characters in a row were of one class (most of a word). */
#define PACK_BITS 7
#define PACK_MAX 127   /* the most one field holds */
_Static_assert(PACK_BITS * N_CLASSES <= 64, "every class's count must fit in one 64-bit integer");

static inline void
unpack_counts(uint64_t packed, Py_ssize_t *counts)
{
    for (int c = 0; c < N_CLASSES; c++) {
        counts[c] += (Py_ssize_t)((packed >> (PACK_BITS * c)) & PACK_MAX);
    }
}

/* One line's stats but the ones its words' lookups give (stops, known, lex: count_words), its
 * words queued in w. `line` 0 matters for one-character lines: the Python path reads the
 * character before the last from the joined page, where a line's predecessor is the newline
 * before it (a SPACE), except for the page's first line, which has none and reads itself. w
 * has room for every word: a line of n characters holds at most (n + 1) / 2. The characters are
 * read in a loop per string kind (PyUnicode_READ's switch on the kind for every character was
 * a third of the loop), and one-byte characters, all inside the tables, without clamping. */
static int
line_stats(const Tables *t, PyObject *text, Py_ssize_t line, LineStats *s, Words *w)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    memset(s, 0, sizeof(*s));
    s->len = n;
    const uint8_t *classes = t->classes.buf;
    const uint16_t *folded = t->folded.buf;
    const Py_UCS4 table_size = (Py_UCS4)t->table_size;
    uint64_t h = 0, power = 1;
    Py_ssize_t word_len = 0;
    int word_cls = SPACE;
    /* (the words' counts and the queue's length in locals: written through memory a word at a
     * time, each waited for the store before it) */
    Py_ssize_t words = 0, capitals = 0, queued = w->n;
#define END_WORD() do { \
        w->hash[queued] = word_hash(h, word_len); \
        w->line[queued] = line; \
        queued++; \
        words++; \
        capitals += word_cls == UPPER; \
    } while (0)
    /* Index the tables at AT(cp), for characters of type T. */
#define LINE_CHARS(T, AT) do { \
        const T *chars = (const T *)data; \
        for (Py_ssize_t from = 0; from < n; from += PACK_MAX) { \
            Py_ssize_t to = n - from > PACK_MAX ? from + PACK_MAX : n; \
            uint64_t packed = 0; \
            for (Py_ssize_t k = from; k < to; k++) { \
                Py_UCS4 cp = chars[k]; \
                Py_ssize_t at = (AT); \
                int cls = classes[at]; \
                if (cls >= N_CLASSES) { \
                    PyErr_SetString(PyExc_ValueError, "tables: a character class is out of range"); \
                    return -1; \
                } \
                packed += (uint64_t)1 << (PACK_BITS * cls); \
                uint16_t f = folded[at]; \
                if (f == GAP) { \
                    if (word_len) { \
                        END_WORD(); \
                        word_len = 0; \
                    } \
                    continue; \
                } \
                if (!word_len) { \
                    h = 0; \
                    power = 1; \
                    word_cls = cls; \
                } \
                h += (uint64_t)f * power; \
                power *= MULT; \
                word_len++; \
            } \
            unpack_counts(packed, s->counts); \
        } \
    } while (0)
#define CLAMPED (cp < table_size ? (Py_ssize_t)cp : (Py_ssize_t)table_size)
    if (kind == PyUnicode_1BYTE_KIND && table_size > 0xFF) {
        LINE_CHARS(Py_UCS1, (Py_ssize_t)cp);
    } else if (kind == PyUnicode_1BYTE_KIND) {
        LINE_CHARS(Py_UCS1, CLAMPED);
    } else if (kind == PyUnicode_2BYTE_KIND) {
        LINE_CHARS(Py_UCS2, CLAMPED);
    } else {
        LINE_CHARS(Py_UCS4, CLAMPED);
    }
#undef CLAMPED
#undef LINE_CHARS
    if (word_len) {
        END_WORD();
    }
#undef END_WORD
    w->n = queued;
    s->words = words;
    s->capitals = capitals;
    s->first = class_of(t, PyUnicode_READ(kind, data, 0));
    s->last = class_of(t, PyUnicode_READ(kind, data, n - 1));
    s->before_last = n >= 2 ? class_of(t, PyUnicode_READ(kind, data, n - 2))
                            : (line == 0 ? s->first : SPACE);
    return 0;
}

static inline int
ends_stop(const LineStats *s)
{
    return s->last == STOP_PUNCT || (s->last == QUOTE && s->before_last == STOP_PUNCT);
}

/* How many lines of the page hold each line's text: counts[i] = texts.count(texts[i]). Lines are
 * hashed with Python's own (seeded) string hash, which the page's strings have mostly cached by
 * now (the duplicates cleaner's scan hashes them), into an open-addressing table of first
 * occurrences; equal hashes are compared as strings. The same counts as a Counter of the page,
 * without building its dict (which cost as much as a pattern cleaner). 0, or -1 with an exception. */
static int
repeat_counts(PyObject *texts, Py_ssize_t n, long long *counts)
{
    Py_ssize_t size = 8;
    while (size < 2 * n) {
        size *= 2;
    }
    Py_ssize_t *slots = PyMem_Malloc(size * sizeof(Py_ssize_t));  /* a first occurrence, or -1 */
    Py_hash_t *hashes = PyMem_Malloc((n ? n : 1) * sizeof(Py_hash_t));
    Py_ssize_t *first = PyMem_Malloc((n ? n : 1) * sizeof(Py_ssize_t));
    int status = -1;
    if (slots == NULL || hashes == NULL || first == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < size; k++) {
        slots[k] = -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PyList_GET_ITEM(texts, i);
        Py_hash_t h = PyObject_Hash(text);
        if (h == -1) {
            goto done;
        }
        hashes[i] = h;
        counts[i] = 0;
        for (Py_ssize_t k = (size_t)h & (size - 1);; k = (k + 1) & (size - 1)) {
            Py_ssize_t j = slots[k];
            if (j < 0) {
                slots[k] = i;
                first[i] = i;
                break;
            }
            if (hashes[j] == h) {
                PyObject *other = PyList_GET_ITEM(texts, j);
                int same = other == text ? 1 : PyUnicode_Compare(text, other) == 0;
                if (PyErr_Occurred()) {
                    goto done;
                }
                if (same) {
                    first[i] = j;
                    break;
                }
            }
        }
        counts[first[i]] += 1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        counts[i] = counts[first[i]];
    }
    status = 0;
done:
    PyMem_Free(slots);
    PyMem_Free(hashes);
    PyMem_Free(first);
    return status;
}

/* Memory the caller reads right after this pass (the line model's weights), asked for a few
 * cache lines a page line while the features are worked out: once another program's work has
 * pushed it out of the caches, its transfers then overlap this pass's arithmetic instead of
 * stalling the forward pass that reads it. A hint only: a prefetch never faults, and no result
 * depends on it. `spans` is a tuple of (address, bytes) pairs (model.Mlp.spans). */
typedef struct {
    PyObject *spans;
    Py_ssize_t next, count;   /* the next span to start, and how many there are */
    Py_ssize_t step;          /* cache lines asked for a page line */
    const char *at, *end;     /* the span under way */
} Ahead;

static int
ahead_open(Ahead *a, PyObject *spans, Py_ssize_t lines)
{
    a->spans = spans;
    a->next = a->step = 0;
    a->count = spans ? PyTuple_GET_SIZE(spans) / 2 : 0;
    a->at = a->end = NULL;
    if (spans && PyTuple_GET_SIZE(spans) % 2) {
        PyErr_SetString(PyExc_ValueError, "ahead: expected (address, bytes) pairs");
        return -1;
    }
    Py_ssize_t total = 0;
    for (Py_ssize_t s = 0; s < a->count; s++) {
        PyLong_AsVoidPtr(PyTuple_GET_ITEM(spans, 2 * s));
        Py_ssize_t bytes = PyLong_AsSsize_t(PyTuple_GET_ITEM(spans, 2 * s + 1));
        if (PyErr_Occurred()) {
            return -1;
        }
        if (bytes < 0) {
            PyErr_SetString(PyExc_ValueError, "ahead: a span's bytes must not be negative");
            return -1;
        }
        total += bytes;
    }
    a->step = lines > 0 ? (total / 64 + lines) / lines : 0;
    return 0;
}

/* The next `step` cache lines of the spans (their items were checked by ahead_open). */
static void
ahead_step(Ahead *a)
{
    for (Py_ssize_t k = 0; k < a->step; k++) {
        while (a->at >= a->end) {
            if (a->next >= a->count) {
                return;
            }
            a->at = PyLong_AsVoidPtr(PyTuple_GET_ITEM(a->spans, 2 * a->next));
            a->end = a->at + PyLong_AsSsize_t(PyTuple_GET_ITEM(a->spans, 2 * a->next + 1));
            a->next++;
        }
        __builtin_prefetch(a->at, 0, 2);
        a->at += 64;
    }
}

/* How much room the words queued at once need (see line_stats), in `*most_words`. Returns 1 when
 * every text is a non-empty str, 0 when one is empty (the caller then leaves the page to the
 * Python path), -1 with an exception set. */
static int
check_texts(PyObject *texts, Py_ssize_t n, Py_ssize_t *most_words)
{
    *most_words = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "texts must be str");
            return -1;
        }
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(text) < 0) {  /* legacy strings (gone in 3.12) must be made ready first */
            return -1;
        }
#endif
        if (PyUnicode_GET_LENGTH(text) == 0) {
            return 0;
        }
        Py_ssize_t line_words = (PyUnicode_GET_LENGTH(text) + 1) / 2;
        if (line_words > *most_words) {
            *most_words = line_words;
        }
    }
    *most_words += QUEUE_WORDS;
    return 1;
}

/* Pass 1's statistics: each line on its own, its words looked up a few thousand at a time. */
static int
gather_stats(const Tables *t, PyObject *texts, Py_ssize_t n, LineStats *stats, Words *w, Ahead *ahead)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        ahead_step(ahead);
        if (line_stats(t, PyList_GET_ITEM(texts, i), i, stats + i, w) < 0) {
            return -1;
        }
        if (w->n >= QUEUE_WORDS) {
            if (count_words(t, w, stats) < 0) {
                return -1;
            }
            w->n = 0;
        }
    }
    return count_words(t, w, stats);
}

/* The page's totals that pass 2 places each line against. */
typedef struct {
    int64_t chars, prose;
    double log_len_sum;
} PageTotals;

/* Line i's own rows (everything but its place in the page); rows 24 and 25 hold the line's
 * masses until position_rows turns them into shares. */
static void
own_rows(double *x, Py_ssize_t n, Py_ssize_t i, const LineStats *s, long long repeat, int dropped,
         int gap, PageTotals *totals)
{
#define ROW(r) (x + (Py_ssize_t)(r) * n)
    double chars = (double)(s->len > 1 ? s->len : 1);
    double words = (double)(s->words > 1 ? s->words : 1);
    int stop_end = ends_stop(s);
    int prose = stop_end && s->words >= PROSE_MIN_WORDS;
    double log_len = log1p_int(s->len);
    ROW(0)[i] = log_len;
    ROW(1)[i] = log1p_int(s->words);
    ROW(2)[i] = (double)(s->counts[LOWER] + s->counts[UPPER] + s->counts[LETTER]) / words;
    ROW(3)[i] = (double)s->counts[LOWER] / chars;
    ROW(4)[i] = (double)s->counts[UPPER] / chars;
    ROW(5)[i] = (double)s->counts[DIGIT] / chars;
    ROW(6)[i] = (double)s->counts[SYMBOL] / chars;
    ROW(7)[i] = (double)s->counts[QUOTE] / chars;
    ROW(8)[i] = (double)s->counts[STOP_PUNCT] / words;
    ROW(9)[i] = (double)s->counts[PAUSE_PUNCT] / words;
    ROW(10)[i] = (double)s->stops / words;
    ROW(11)[i] = log1p_int(s->stops);
    ROW(12)[i] = (double)s->capitals / words;
    ROW(13)[i] = stop_end;
    ROW(14)[i] = s->last == PAUSE_PUNCT;
    ROW(15)[i] = s->last == LOWER || s->last == LETTER || s->last == DIGIT;
    ROW(16)[i] = s->first == UPPER;
    ROW(17)[i] = s->first == LOWER;
    ROW(18)[i] = s->first == DIGIT;
    ROW(19)[i] = s->first == SYMBOL || s->first == QUOTE || s->first == STOP_PUNCT;
    ROW(20)[i] = log_int(repeat);
    ROW(21)[i] = dropped;
    ROW(22)[i] = gap;
    ROW(24)[i] = (double)s->len;
    ROW(25)[i] = prose ? (double)s->len : 0.0;
    ROW(30)[i] = prose;
    ROW(31)[i] = s->lex / (double)(s->known > 1 ? s->known : 1);
    ROW(32)[i] = (double)s->known / words;
    ROW(33)[i] = s->lex / sqrt(words);
    totals->chars += s->len;
    totals->prose += prose ? s->len : 0;
    totals->log_len_sum += log_len;
#undef ROW
}

/* Pass 2: where each line sits in the page. */
static void
position_rows(double *x, Py_ssize_t n, const PageTotals *totals)
{
#define ROW(r) (x + (Py_ssize_t)(r) * n)
    double all = (double)(totals->chars > 1 ? totals->chars : 1);
    double in_prose = (double)(totals->prose > 1 ? totals->prose : 1);
    double mean_log_len = n ? totals->log_len_sum / (double)n : 0.0;
    double last = (double)(n - 1 > 1 ? n - 1 : 1);
    double log_lines = log1p_int(n);
    int64_t chars_before = 0, prose_before = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int64_t len = (int64_t)ROW(24)[i], prose_len = (int64_t)ROW(25)[i];
        ROW(23)[i] = (double)i / last;
        ROW(24)[i] = (double)chars_before / all;
        ROW(25)[i] = (double)prose_before / in_prose;
        chars_before += len;
        prose_before += prose_len;
        ROW(26)[i] = (in_prose - (double)prose_before) / in_prose;
        ROW(27)[i] = ROW(0)[i] - mean_log_len;
        ROW(28)[i] = log_lines;
        ROW(29)[i] = in_prose / all;
    }
#undef ROW
}

/* Line i's count on the page: from `counted` when the page's counts were made here, else
 * looked up in the caller's `repeats`. -1 with an exception set when it is missing. */
static long long
repeat_of(const long long *counted, PyObject *repeats, PyObject *text, Py_ssize_t i)
{
    long long repeat = counted ? counted[i] : -1;
    if (counted == NULL) {
        PyObject *count = PyDict_GetItemWithError(repeats, text);
        repeat = count ? PyLong_AsLongLong(count) : -1;
    }
    if (repeat < 1) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "repeats: every text must be counted");
        }
        return -1;
    }
    return repeat;
}

/* base_rows(texts, repeats, dropped, gaps, tables, out[, ahead]) -> bool
 *
 * Write features.base_features of the page (one row per feature, one column per line) into
 * `out`, a C-contiguous float64 array of at least 34 rows of len(texts) columns. `repeats` maps
 * each text to its count on the page (None: counted here, see repeat_counts), `dropped` holds
 * None for a kept line, `gaps` whether a blank line preceded each line, `ahead` the memory to
 * bring near while working (see Ahead). Returns False, writing nothing, when a line is empty: the
 * Python path reads such a line's neighbours' characters, so it stays with that path. */
static PyObject *
base_rows(PyObject *self, PyObject *args)
{
    PyObject *texts, *repeats, *dropped, *gaps, *tables;
    PyObject *out_obj, *ahead_obj = NULL;
    if (!PyArg_ParseTuple(args, "O!OO!O!O!O|O!", &PyList_Type, &texts, &repeats,
                          &PyList_Type, &dropped, &PyList_Type, &gaps, &PyTuple_Type, &tables, &out_obj,
                          &PyTuple_Type, &ahead_obj)) {
        return NULL;
    }
    Ahead ahead;
    if (ahead_open(&ahead, ahead_obj, PyList_GET_SIZE(texts)) < 0) {
        return NULL;
    }
    if (repeats != Py_None && !PyDict_Check(repeats)) {
        PyErr_SetString(PyExc_TypeError, "repeats must be a dict or None");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(texts);
    if (PyList_GET_SIZE(dropped) != n || PyList_GET_SIZE(gaps) != n) {
        PyErr_SetString(PyExc_ValueError, "texts, dropped and gaps differ in length");
        return NULL;
    }
    Py_ssize_t most_words;
    int usable = check_texts(texts, n, &most_words);
    if (usable <= 0) {
        if (usable < 0) {
            return NULL;
        }
        Py_RETURN_FALSE;
    }
    Py_buffer out;
    if (get_array(out_obj, &out, F64, 8, N_ROWS * n, -1, 1, "out") < 0) {
        return NULL;
    }
    if (out.ndim != 2 || out.shape[1] != n || out.shape[0] < N_ROWS) {
        PyErr_SetString(PyExc_ValueError, "out: expected (34 or more, len(texts)) rows");
        PyBuffer_Release(&out);
        return NULL;
    }
    Tables t;
    if (open_tables(tables, &t) < 0) {
        PyBuffer_Release(&out);
        return NULL;
    }
    PyObject *result = NULL;
    long long *counted = NULL;  /* the repeat counts, when no `repeats` was given */
    LineStats *stats = PyMem_Malloc((n ? n : 1) * sizeof(LineStats));
    Words w = {PyMem_Malloc((most_words ? most_words : 1) * sizeof(uint64_t)),
               PyMem_Malloc((most_words ? most_words : 1) * sizeof(Py_ssize_t)), 0};
    if (stats == NULL || w.hash == NULL || w.line == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (repeats == Py_None) {
        counted = PyMem_Malloc((n ? n : 1) * sizeof(long long));
        if (counted == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        if (repeat_counts(texts, n, counted) < 0) {
            goto done;
        }
    }
    if (gather_stats(&t, texts, n, stats, &w, &ahead) < 0) {
        goto done;
    }
    PageTotals totals = {0, 0, 0.0};
    for (Py_ssize_t i = 0; i < n; i++) {
        long long repeat = repeat_of(counted, repeats, PyList_GET_ITEM(texts, i), i);
        if (repeat < 0) {
            goto done;
        }
        int gap = PyObject_IsTrue(PyList_GET_ITEM(gaps, i));
        if (gap < 0) {
            goto done;
        }
        own_rows(out.buf, n, i, stats + i, repeat, PyList_GET_ITEM(dropped, i) != Py_None, gap, &totals);
    }
    position_rows(out.buf, n, &totals);
    result = Py_True;
    Py_INCREF(result);
done:
    PyMem_Free(counted);
    PyMem_Free(stats);
    PyMem_Free(w.hash);
    PyMem_Free(w.line);
    release_tables(&t, N_TABLES);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"base_rows", base_rows, METH_VARARGS,
     "base_rows(texts, repeats, dropped, gaps, tables, out[, ahead]) -> bool: the base feature rows of a page."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_linefeatures",
    "The line classifier's base features of a page in one call (see cleaner/features.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__linefeatures(void)
{
    intlog_init();
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddIntConstant(m, "N_ROWS", N_ROWS) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
