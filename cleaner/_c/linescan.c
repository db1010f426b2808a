/* cleaner._linescan: the kept lines a pattern cleaner's patterns could match, picked in one pass.
 *
 * Each pattern cleaner used to test every line of the page in Python (a length test, a first
 * letter, a regex), and nine such loops over a few hundred lines cost more than the line model.
 * A cleaner now states cues its patterns need (cleaner/cleaners/cues.py: "starts with one of these
 * words", "ends in one of these characters", ...) and this pass returns the kept lines showing
 * any of them; the cleaner runs its own tests, unchanged, on those alone.
 *
 * The selection must never miss a line a pattern matches, so whenever a cue cannot be decided
 * cheaply the line is selected: where letters are compared, a non-ASCII character that Python's
 * case folding may turn into an ASCII letter (U+212A KELVIN SIGN lower-cases to "k", and a
 * case-insensitive "s" matches U+017F LONG S) or that \d and str.isdigit() read as a digit
 * selects the line. Any other non-ASCII character can be no part of an ASCII word. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <string.h>

#include "pylist.h"

/* The longest label label_cue() compares (a longer stripped line is no label). */
#define LABEL_BUF 64

/* The cues, as cues.LineCues.as_tuple() packs them. */
typedef struct {
    Py_ssize_t max_chars;     /* a line longer than this is never selected (-1: no limit) */
    Py_ssize_t max_spaces;    /* ...nor one with this many spaces or more (-1: no limit) */
    Py_ssize_t short_chars;   /* cue: a line this short (-1: none) */
    PyObject *starts;         /* cue: a tuple of lower-case ASCII words one of which opens the line */
    Py_ssize_t skip;          /* ...after at most this many ASCII non-alphanumerics (-1: any number) */
    PyObject *ends;           /* cue: a str of characters, one of which ends the line */
    PyObject *has;            /* cue: a str of characters, one of which is in the line */
    PyObject *tail_words;     /* cue: a tuple of lower-case ASCII words, one in the line's tail */
    Py_ssize_t tail_chars;    /* ...its last this many characters */
    int repeats_previous;     /* cue: the line repeats the kept line before it */
    int repeats_earlier;      /* cue: the line repeats any line before it, kept or dropped */
    int halves;               /* cue: the line is two halves around a space (odd length, a space
                               * in the middle) */
    PyObject *labels;         /* cue: a set of lower-case labels the line is, once stripped... */
    PyObject *label_strip;    /* ...of these characters at both ends and lower-cased */
    Py_ssize_t label_chars;   /* ...the longest ASCII label's length */
    PyObject *label_firsts;   /* ...the first characters of the labels that open with ASCII */
    int no_word;              /* cue: the line holds no letter or digit of any script */
    PyObject *tail_unless_ends; /* the tail_words cue counts only for a line not ending in one of
                               * these characters (optional: NULL when not given) */
    Py_ssize_t repeats_min_chars; /* the repeats_earlier cue counts only for a line at least this
                               * long (optional: 0 when not given) */
    PyObject *digit_words;    /* cue: the line opens with a digit and holds one of this tuple of
                               * lower-case ASCII words, ignoring case (optional: NULL or () for
                               * none)... */
    Py_ssize_t digit_words_max_chars; /* ...being at most this long (-1: any length) */
    int starts_whole;         /* a word of `starts` counts only when no ASCII letter or digit follows
                               * it (optional: 0 when not given) */
    PyObject *paren_words;    /* cue: the line ends in ")" and holds a "(" directly followed by one
                               * of this tuple of lower-case ASCII words, ignoring case (optional:
                               * NULL or () for none) */
    PyObject *ends_with;      /* cue: a tuple of strings, one of which ends the line (optional: NULL
                               * or () for none) */
    /* Built from the above for one call: the words of `starts` (sorted) opening with each ASCII
     * character are starts[starts_lo[c]:starts_hi[c]], and tail_first[c] says whether a word of
     * `tail_words` opens with c; most lines are then turned down with one lookup. */
    Py_ssize_t starts_lo[128], starts_hi[128];
    /* starts_pairs[a][b / 8] has bit b % 8 set when a word of `starts` opens with a, b, and
     * starts_single[a] says a word is the letter a alone: a line opening with a pair no word
     * opens with is turned down without reading the words */
    uint8_t starts_pairs[128][16];
    char starts_single[128];
    char tail_first[128];
    /* tail_pairs[a][b / 8] has bit b % 8 set when a word of tail_words opens with the letters
     * a, b (tail words are at least two letters long): most places fail this one test */
    uint8_t tail_pairs[128][16];
    /* label_first[c]: a label opens with the ASCII character c; label_strip_ascii[c]: c is one
     * of label_strip's characters (most lines are turned down by the first, without a lookup) */
    char label_first[128], label_strip_ascii[128];
    /* label_len[k]: an ASCII label is k characters long (k <= LABEL_BUF): a stripped line of
     * another length is no label, and needs no key made and looked up */
    char label_len[LABEL_BUF + 1];
} Cues;

/* Every non-ASCII character whose lower- or upper-case form holds an ASCII letter, or that
 * re.IGNORECASE matches to one (computed over all of Unicode with Python 3.11's str and re). */
static const Py_UCS4 FOLDS_TO_ASCII[] = {
    0xDF, 0x130, 0x131, 0x149, 0x17F, 0x1F0, 0x1E96, 0x1E97, 0x1E98, 0x1E99, 0x1E9A, 0x212A,
    0xFB00, 0xFB01, 0xFB02, 0xFB03, 0xFB04, 0xFB05, 0xFB06,
};

/* May this non-ASCII character stand for an ASCII letter or digit in a comparison? */
static int
maybe_ascii_slow(Py_UCS4 c)
{
    if (Py_UNICODE_ISDIGIT(c)) {
        return 1;
    }
    if ((c > 0x1F0 && c < 0x1E96) || (c > 0x212A && c < 0xFB00) || c > 0xFB06) {
        return 0;  /* between and past the entries below */
    }
    for (size_t k = 0; k < sizeof(FOLDS_TO_ASCII) / sizeof(FOLDS_TO_ASCII[0]); k++) {
        if (c == FOLDS_TO_ASCII[k]) {
            return 1;
        }
    }
    return 0;
}

/* maybe_ascii_slow() of every character below 0x10000, a bit each, filled when the module is
 * loaded: the scans ask it of every non-ASCII character they meet, and Py_UNICODE_ISDIGIT's
 * look-up in the Unicode database was a twentieth of their time. */
static unsigned char maybe_ascii_bmp[0x10000 / 8];

static void
maybe_ascii_init(void)
{
    for (Py_UCS4 c = 0; c < 0x10000; c++) {
        if (maybe_ascii_slow(c)) {
            maybe_ascii_bmp[c / 8] |= (unsigned char)(1 << (c % 8));
        }
    }
}

static inline int
maybe_ascii(Py_UCS4 c)
{
    return c < 0x10000 ? (maybe_ascii_bmp[c / 8] >> (c % 8)) & 1 : maybe_ascii_slow(c);
}

static inline int
ascii_alnum(Py_UCS4 c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline Py_UCS4
ascii_lower(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* str.isdigit(), str.isalnum() and str.isupper() of one character, ASCII answered in place: most
 * characters are ASCII, and Python's tests (a call through the Unicode database each, several
 * for isalnum) cost more than the rest of a scan's work on a line. Outside ASCII the same calls
 * answer as before, and within it the answers are those calls' (only 0-9 are ASCII digits, only
 * A-Z upper-case). */
static inline int
is_digit(Py_UCS4 c)
{
    return c < 128 ? (c >= '0' && c <= '9') : Py_UNICODE_ISDIGIT(c);
}

static inline int
is_alnum(Py_UCS4 c)
{
    return c < 128 ? ascii_alnum(c) : Py_UNICODE_ISALNUM(c);
}

static inline int
is_upper(Py_UCS4 c)
{
    return c < 128 ? (c >= 'A' && c <= 'Z') : Py_UNICODE_ISUPPER(c);
}

/* Does text[at:] start with the ASCII word w, ignoring case? 1 yes, 0 no, -1 undecided (a
 * non-ASCII character that may fold to ASCII where a letter of w is compared). */
static int
word_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t at, PyObject *w)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(w);
    if (at + len > n) {
        return 0;
    }
    const Py_UCS1 *p = PyUnicode_1BYTE_DATA(w);
    int undecided = 0;
    for (Py_ssize_t j = 0; j < len; j++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, at + j);
        if (c >= 128) {
            if (!maybe_ascii(c)) {
                return 0;
            }
            undecided = 1;
        } else if (ascii_lower(c) != p[j]) {
            return 0;
        }
    }
    return undecided ? -1 : 1;
}

static int
starts_cue(const Cues *q, int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t k = 0;
    for (; k < n; k++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        if (c >= 128 && maybe_ascii(c)) {
            return 1;  /* may be the first letter or digit of a word: cannot tell */
        }
        if (c < 128 && ascii_alnum(c)) {
            break;
        }
        /* anything else (a bullet, a mark, a letter of another script) is skipped: a pattern
         * can only match after it, and it counts against the skip limit */
        if (q->skip >= 0 && k >= q->skip) {
            return 0;
        }
    }
    if (k == n) {
        return 0;
    }
    Py_UCS4 c = ascii_lower(PyUnicode_READ(kind, data, k));
    /* The words of the range all open with c; most differ from the line at their second
     * character, which is compared here without a call (0 past the line's end: no word fits). */
    Py_UCS4 second = k + 1 < n ? PyUnicode_READ(kind, data, k + 1) : 0;
    Py_UCS4 second_lower = ascii_lower(second);
    if (second < 128 && !q->starts_single[c] && !(q->starts_pairs[c][second_lower / 8] & (1 << (second_lower % 8)))) {
        return 0;  /* no word opens with these two characters */
    }
    for (Py_ssize_t w = q->starts_lo[c]; w < q->starts_hi[c]; w++) {
        PyObject *word = PyTuple_GET_ITEM(q->starts, w);
        if (second < 128 && PyUnicode_GET_LENGTH(word) >= 2 && PyUnicode_1BYTE_DATA(word)[1] != second_lower) {
            continue;
        }
        if (!word_at(kind, data, n, k, word)) {
            continue;
        }
        /* A whole word: what follows it is no ASCII letter or digit ("Pamela" does not open with
         * the word "pa"). A non-ASCII character after it counts as a boundary: lower-cased it
         * might be anything, so the cleaner decides. */
        Py_ssize_t after = k + PyUnicode_GET_LENGTH(word);
        if (!q->starts_whole || after >= n || !ascii_alnum(PyUnicode_READ(kind, data, after))) {
            return 1;
        }
    }
    return 0;
}

static int
tail_cue(const Cues *q, int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t from = n > q->tail_chars ? n - q->tail_chars : 0;
    Py_ssize_t words = PyTuple_GET_SIZE(q->tail_words);
    for (Py_ssize_t k = from; k < n; k++) {
        /* Most characters are ASCII that opens no tail word: skipped in a loop per string kind,
         * without PyUnicode_READ's switch on the kind for each. */
#define SKIP_NON_OPENERS(T) do { \
            const T *s = (const T *)data; \
            while (k < n && s[k] < 128 && !q->tail_first[ascii_lower(s[k])]) { \
                k++; \
            } \
        } while (0)
        if (kind == PyUnicode_1BYTE_KIND) {
            SKIP_NON_OPENERS(Py_UCS1);
        } else if (kind == PyUnicode_2BYTE_KIND) {
            SKIP_NON_OPENERS(Py_UCS2);
        } else {
            SKIP_NON_OPENERS(Py_UCS4);
        }
#undef SKIP_NON_OPENERS
        if (k == n) {
            break;
        }
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        if (c >= 128) {
            if (maybe_ascii(c)) {
                return 1;  /* lower-casing it may give ASCII letters */
            }
            continue;
        }
        Py_UCS4 a = ascii_lower(c), b = k + 1 < n ? PyUnicode_READ(kind, data, k + 1) : 0;
        if (!q->tail_first[a] || b >= 128 || !(q->tail_pairs[a][ascii_lower(b) / 8] & (1 << (ascii_lower(b) % 8)))) {
            continue;  /* (a non-ASCII second character is caught by the loop when it gets there) */
        }
        for (Py_ssize_t w = 0; w < words; w++) {
            if (word_at(kind, data, n, k, PyTuple_GET_ITEM(q->tail_words, w))) {
                return 1;
            }
        }
    }
    return 0;
}

/* Is c one of the (few) characters of `chars`? Read in place: a call to PyUnicode_FindChar, made
 * for a line's last character in every scan, cost more than comparing a dozen characters. */
static inline int
has_char(PyObject *chars, Py_UCS4 c)
{
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    Py_ssize_t m = PyUnicode_GET_LENGTH(chars);
    for (Py_ssize_t j = 0; j < m; j++) {
        if (PyUnicode_READ(kind, data, j) == c) {
            return 1;
        }
    }
    return 0;
}

/* Does the line (n characters of kind and data) end with one of the strings in `suffixes`?
 * (Compared from the last character back: most lines differ there.) */
static int
ends_with_any(int kind, const void *data, Py_ssize_t n, PyObject *suffixes)
{
    for (Py_ssize_t w = 0; w < PyTuple_GET_SIZE(suffixes); w++) {
        PyObject *suffix = PyTuple_GET_ITEM(suffixes, w);
        int skind = PyUnicode_KIND(suffix);
        const void *sdata = PyUnicode_DATA(suffix);
        Py_ssize_t m = PyUnicode_GET_LENGTH(suffix), j = 1;
        if (m > n) {
            continue;
        }
        while (j <= m && PyUnicode_READ(kind, data, n - j) == PyUnicode_READ(skind, sdata, m - j)) {
            j++;
        }
        if (j > m) {
            return 1;
        }
    }
    return 0;
}

static int
any_char_in(PyObject *text, PyObject *chars)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(chars);
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t j = 0; j < m; j++) {
        if (PyUnicode_FindChar(text, PyUnicode_READ(kind, data, j), 0, n, 1) >= 0) {
            return 1;
        }
    }
    return 0;
}

static inline int
strip_char(const Cues *q, Py_UCS4 c)
{
    return c < 128 ? q->label_strip_ascii[c] : has_char(q->label_strip, c);
}

/* Is the line, stripped of q->label_strip at both ends and lower-cased, one of q->labels? A
 * stripped line that is not all ASCII passes (Python lower-cases it), and so does one the check
 * could not be made for (no memory): the cleaner's own test decides. */
static int
label_cue(const Cues *q, int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t a = 0, b = n;
    while (a < b && strip_char(q, PyUnicode_READ(kind, data, a))) {
        a++;
    }
    while (b > a && strip_char(q, PyUnicode_READ(kind, data, b - 1))) {
        b--;
    }
    if (a == b) {
        return 1;  /* nothing but stripped characters: let the cleaner look */
    }
    Py_UCS4 first = PyUnicode_READ(kind, data, a);
    if (first < 128 && !q->label_first[ascii_lower(first)]) {
        return 0;  /* lower-cased, it opens with a character no label opens with */
    }
    char buf[LABEL_BUF];
    for (Py_ssize_t k = a; k < b; k++) {
        if (PyUnicode_READ(kind, data, k) >= 128) {
            return 1;
        }
    }
    /* ASCII lower-casing keeps the length: a line no ASCII label is as long as is no label */
    if (b - a > q->label_chars || b - a > LABEL_BUF || !q->label_len[b - a]) {
        return 0;
    }
    for (Py_ssize_t k = a; k < b; k++) {
        buf[k - a] = (char)ascii_lower(PyUnicode_READ(kind, data, k));
    }
    PyObject *key = PyUnicode_FromStringAndSize(buf, b - a);
    int found = key == NULL ? -1 : PySet_Contains(q->labels, key);
    Py_XDECREF(key);
    if (found < 0) {
        PyErr_Clear();
        return 1;
    }
    return found;
}

/* Does the line hold no letter or digit of any script (what ^[\W_]+$ matches in a str pattern:
 * _sre's word characters are Py_UNICODE_ISALNUM's and the underscore)? */
static int
no_word_cue(int kind, const void *data, Py_ssize_t n)
{
    for (Py_ssize_t k = 0; k < n; k++) {
        if (is_alnum(PyUnicode_READ(kind, data, k))) {
            return 0;
        }
    }
    return n > 0;
}

static Py_ssize_t
spaces(int kind, const void *data, Py_ssize_t n)
{
    /* One loop per string kind: PyUnicode_READ's switch inside the loop would keep the compiler
     * from vectorising it. */
    Py_ssize_t count = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = data;
        for (Py_ssize_t k = 0; k < n; k++) {
            count += s[k] == ' ';
        }
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *s = data;
        for (Py_ssize_t k = 0; k < n; k++) {
            count += s[k] == ' ';
        }
    } else {
        const Py_UCS4 *s = data;
        for (Py_ssize_t k = 0; k < n; k++) {
            count += s[k] == ' ';
        }
    }
    return count;
}

/* Is the line two equal halves around a space ("X X": odd length, a space in the middle, the
 * characters before it those after it)? */
static int
halves_cue(int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t half = n / 2;
    if (n % 2 == 0 || PyUnicode_READ(kind, data, half) != ' ') {
        return 0;
    }
    /* one string, so both halves are stored in the same kind: equal characters, equal bytes */
    const char *bytes = data;
    return memcmp(bytes, bytes + (half + 1) * kind, (size_t)half * kind) == 0;
}

/* Does the line hold one of the ASCII words anywhere, ignoring case? (Undecided places, where a
 * non-ASCII character may fold to a letter of a word, count as yes.) */
static int
holds_word(int kind, const void *data, Py_ssize_t n, PyObject *words)
{
    Py_ssize_t m = PyTuple_GET_SIZE(words);
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        for (Py_ssize_t w = 0; w < m; w++) {
            PyObject *word = PyTuple_GET_ITEM(words, w);
            /* (an ASCII character that opens no word needs no comparison) */
            if ((c >= 128 || ascii_lower(c) == PyUnicode_1BYTE_DATA(word)[0]) && word_at(kind, data, n, k, word)) {
                return 1;
            }
        }
    }
    return 0;
}

/* The line ends with ")" and an opening "(" in it is followed by one of the cue's words. */
static int
paren_cue(const Cues *q, int kind, const void *data, Py_ssize_t n)
{
    if (!n || PyUnicode_READ(kind, data, n - 1) != ')') {
        return 0;
    }
    Py_ssize_t m = PyTuple_GET_SIZE(q->paren_words);
    for (Py_ssize_t k = 0; k + 1 < n; k++) {
        if (PyUnicode_READ(kind, data, k) != '(') {
            continue;
        }
        for (Py_ssize_t w = 0; w < m; w++) {
            if (word_at(kind, data, n, k + 1, PyTuple_GET_ITEM(q->paren_words, w))) {
                return 1;
            }
        }
    }
    return 0;
}

/* Does a line of q->max_chars or fewer characters show one of the cues (see selected())? */
static int
shows_cue(const Cues *q, PyObject *text, int kind, const void *data, Py_ssize_t n, PyObject *previous,
          int earlier)
{
    int any_cue = 0;
    if (q->short_chars >= 0) {
        any_cue = 1;
        if (n <= q->short_chars) {
            return 1;
        }
    }
    if (PyTuple_GET_SIZE(q->starts)) {
        any_cue = 1;
        if (starts_cue(q, kind, data, n)) {
            return 1;
        }
    }
    if (PyUnicode_GET_LENGTH(q->ends)) {
        any_cue = 1;
        if (n && has_char(q->ends, PyUnicode_READ(kind, data, n - 1))) {
            return 1;
        }
    }
    if (q->ends_with != NULL) {
        any_cue = 1;
        if (ends_with_any(kind, data, n, q->ends_with)) {
            return 1;
        }
    }
    if (PyUnicode_GET_LENGTH(q->has)) {
        any_cue = 1;
        if (any_char_in(text, q->has)) {
            return 1;
        }
    }
    if (PyTuple_GET_SIZE(q->tail_words)) {
        any_cue = 1;
        /* (the cheap test first: most lines end as prose, and their tails need no scan) */
        if (!(n && q->tail_unless_ends != NULL && has_char(q->tail_unless_ends, PyUnicode_READ(kind, data, n - 1)))
                && tail_cue(q, kind, data, n)) {
            return 1;
        }
    }
    if (q->repeats_earlier) {
        any_cue = 1;
        if (earlier) {
            return 1;
        }
    }
    if (q->halves) {
        any_cue = 1;
        if (halves_cue(kind, data, n)) {
            return 1;
        }
    }
    if (q->no_word) {
        any_cue = 1;
        if (no_word_cue(kind, data, n)) {
            return 1;
        }
    }
    if (q->labels != Py_None) {
        any_cue = 1;
        if (label_cue(q, kind, data, n)) {
            return 1;
        }
    }
    if (q->digit_words != NULL) {
        any_cue = 1;
        if (n && (q->digit_words_max_chars < 0 || n <= q->digit_words_max_chars)
                && is_digit(PyUnicode_READ(kind, data, 0)) && holds_word(kind, data, n, q->digit_words)) {
            return 1;
        }
    }
    if (q->paren_words != NULL) {
        any_cue = 1;
        if (paren_cue(q, kind, data, n)) {
            return 1;
        }
    }
    if (q->repeats_previous) {
        any_cue = 1;
        if (previous != NULL && PyUnicode_GET_LENGTH(previous) == n) {  /* (lengths first: cheap) */
            int same = PyUnicode_Compare(text, previous) == 0;
            if (same) {
                return 1;
            }
        }
    }
    return !any_cue;
}

/* The texts a scan has met, for the repeats_earlier cue: an open-addressing table of the texts
 * (borrowed from the page's list, which outlives the scan) by their str hash, which the strings
 * cache, equal hashes compared as strings. What a set of the texts answered, without a set's
 * allocation, growth and lookups through the object protocol (a twentieth of the scans). */
typedef struct {
    PyObject **slot;   /* a text, or NULL */
    Py_hash_t *hash;
    Py_ssize_t mask;   /* slots - 1: a power of two, at least twice the page's lines */
} Seen;

static int
seen_open(Seen *s, Py_ssize_t lines)
{
    Py_ssize_t size = 8;
    while (size < 2 * lines) {
        size *= 2;
    }
    s->slot = PyMem_Calloc(size, sizeof(PyObject *));
    s->hash = PyMem_Malloc(size * sizeof(Py_hash_t));
    s->mask = size - 1;
    if (s->slot == NULL || s->hash == NULL) {
        PyMem_Free(s->slot);
        PyMem_Free(s->hash);
        s->slot = NULL;
        s->hash = NULL;
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void
seen_close(Seen *s)
{
    PyMem_Free(s->slot);
    PyMem_Free(s->hash);
}

/* 1 when an equal text was met before, else 0 (and the text is now met); -1 with an exception. */
static int
seen_add(Seen *s, PyObject *text)
{
    Py_hash_t h = PyObject_Hash(text);
    if (h == -1) {
        return -1;
    }
    for (Py_ssize_t k = (size_t)h & s->mask;; k = (k + 1) & s->mask) {
        PyObject *other = s->slot[k];
        if (other == NULL) {
            s->slot[k] = text;
            s->hash[k] = h;
            return 0;
        }
        if (s->hash[k] == h) {
            if (other == text) {
                return 1;
            }
            int order = PyUnicode_Compare(text, other);
            if (order == -1 && PyErr_Occurred()) {
                return -1;
            }
            if (order == 0) {
                return 1;
            }
        }
    }
}

/* Is a kept line with text `text` (after the kept line `previous`, or NULL; `earlier` says
 * whether it repeats any line before it) selected? Its spaces are counted only when it shows a
 * cue: the count reads the whole line, the cues mostly its first or last characters, and most
 * lines show none. */
static int
selected(const Cues *q, PyObject *text, PyObject *previous, int earlier)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (q->max_chars >= 0 && n > q->max_chars) {
        return 0;
    }
    int shown = shows_cue(q, text, kind, data, n, previous, earlier);
    if (shown && q->max_spaces >= 0 && spaces(kind, data, n) >= q->max_spaces) {
        return 0;
    }
    return shown;
}

/* The text of kept line i, ready to read, in *text: 1; 0 when the line is dropped; -1 with
 * TypeError when it is no str. */
static int
kept_text(PyObject *texts, PyObject *dropped, Py_ssize_t i, PyObject **text)
{
    if (PyList_GET_ITEM(dropped, i) != Py_None) {
        return 0;
    }
    *text = PyList_GET_ITEM(texts, i);
    if (!PyUnicode_Check(*text)) {
        PyErr_SetString(PyExc_TypeError, "texts must be str");
        return -1;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(*text) < 0) {  /* legacy strings (gone in 3.12) must be made ready first */
        return -1;
    }
#endif
    return 1;
}

/* list.append(i) for a line index: 0, or -1 with an exception. */

/* The number of lines of a page given as parallel lists, or -1 with ValueError when they differ:
 * every loop below reads both lists at each index. */
static Py_ssize_t
page_length(PyObject *texts, PyObject *dropped)
{
    Py_ssize_t n = PyList_GET_SIZE(texts);
    if (PyList_GET_SIZE(dropped) != n) {
        PyErr_SetString(PyExc_ValueError, "texts and dropped differ in length");
        return -1;
    }
    return n;
}

static int
check_words(PyObject *words, const char *what)
{
    Py_ssize_t m = PyTuple_GET_SIZE(words);
    for (Py_ssize_t w = 0; w < m; w++) {
        PyObject *word = PyTuple_GET_ITEM(words, w);
        if (!PyUnicode_Check(word) || !PyUnicode_IS_ASCII(word) || PyUnicode_GET_LENGTH(word) == 0) {
            PyErr_Format(PyExc_ValueError, "%s: words must be non-empty ASCII str", what);
            return -1;
        }
        const Py_UCS1 *p = PyUnicode_1BYTE_DATA(word);
        for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(word); j++) {
            if (p[j] >= 'A' && p[j] <= 'Z') {
                PyErr_Format(PyExc_ValueError, "%s: words must be lower-case", what);
                return -1;
            }
        }
    }
    return 0;
}

/* Fill the lookup tables of q from its words (checked by check_words: ASCII, non-empty); -1
 * with an exception when `starts` is not sorted by first character. */
static int
prepare(Cues *q)
{
    memset(q->starts_lo, 0, sizeof(q->starts_lo));
    memset(q->starts_hi, 0, sizeof(q->starts_hi));
    memset(q->starts_pairs, 0, sizeof(q->starts_pairs));
    memset(q->starts_single, 0, sizeof(q->starts_single));
    memset(q->tail_first, 0, sizeof(q->tail_first));
    memset(q->tail_pairs, 0, sizeof(q->tail_pairs));
    Py_ssize_t words = PyTuple_GET_SIZE(q->starts);
    for (Py_ssize_t w = 0; w < words; w++) {
        PyObject *word = PyTuple_GET_ITEM(q->starts, w);
        const Py_UCS1 *p = PyUnicode_1BYTE_DATA(word);
        Py_UCS1 c = p[0];
        if (PyUnicode_GET_LENGTH(word) == 1) {
            q->starts_single[c] = 1;
        } else {
            q->starts_pairs[c][p[1] / 8] |= (uint8_t)(1 << (p[1] % 8));
        }
        if (q->starts_hi[c] == 0) {
            q->starts_lo[c] = w;
        } else if (q->starts_hi[c] != w) {
            PyErr_SetString(PyExc_ValueError, "starts: words must be sorted");
            return -1;
        }
        q->starts_hi[c] = w + 1;
    }
    memset(q->label_first, 0, sizeof(q->label_first));
    memset(q->label_strip_ascii, 0, sizeof(q->label_strip_ascii));
    PyObject *sets[2] = {q->label_firsts, q->label_strip};
    char *tables[2] = {q->label_first, q->label_strip_ascii};
    for (int t = 0; t < 2; t++) {
        int kind = PyUnicode_KIND(sets[t]);
        const void *data = PyUnicode_DATA(sets[t]);
        for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(sets[t]); k++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, k);
            if (c < 128) {
                tables[t][c] = 1;
            }
        }
    }
    memset(q->label_len, 0, sizeof(q->label_len));
    if (q->labels != Py_None) {
        PyObject *it = PyObject_GetIter(q->labels), *label;
        if (it == NULL) {
            return -1;
        }
        while ((label = PyIter_Next(it)) != NULL) {
            if (PyUnicode_Check(label) && PyUnicode_IS_ASCII(label) && PyUnicode_GET_LENGTH(label) <= LABEL_BUF) {
                q->label_len[PyUnicode_GET_LENGTH(label)] = 1;
            }
            Py_DECREF(label);
        }
        Py_DECREF(it);
        if (PyErr_Occurred()) {
            return -1;
        }
    }
    words = PyTuple_GET_SIZE(q->tail_words);
    for (Py_ssize_t w = 0; w < words; w++) {
        PyObject *word = PyTuple_GET_ITEM(q->tail_words, w);
        const Py_UCS1 *p = PyUnicode_1BYTE_DATA(word);
        if (PyUnicode_GET_LENGTH(word) < 2) {
            PyErr_SetString(PyExc_ValueError, "tail_words: words must be two letters or longer");
            return -1;
        }
        q->tail_first[p[0]] = 1;
        q->tail_pairs[p[0]][p[1] / 8] |= (uint8_t)(1 << (p[1] % 8));
    }
    return 0;
}

/* Read the cues `packed` (as cues.LineCues packs them) into q, checked and with its lookup
 * tables filled; -1 with an exception when they are malformed. q borrows packed's objects. */
static int
read_cues(PyObject *packed, Cues *q)
{
    q->tail_unless_ends = NULL;
    q->repeats_min_chars = 0;
    q->digit_words = NULL;
    q->digit_words_max_chars = -1;
    q->paren_words = NULL;
    q->starts_whole = 0;
    q->ends_with = NULL;
    if (!PyArg_ParseTuple(packed, "nnnO!nUUO!npppOUnUp|UnO!nO!pO!", &q->max_chars, &q->max_spaces, &q->short_chars,
                          &PyTuple_Type, &q->starts, &q->skip, &q->ends, &q->has, &PyTuple_Type,
                          &q->tail_words, &q->tail_chars, &q->repeats_previous, &q->repeats_earlier,
                          &q->halves, &q->labels, &q->label_strip, &q->label_chars, &q->label_firsts,
                          &q->no_word, &q->tail_unless_ends, &q->repeats_min_chars, &PyTuple_Type,
                          &q->digit_words, &q->digit_words_max_chars, &PyTuple_Type, &q->paren_words,
                          &q->starts_whole, &PyTuple_Type, &q->ends_with)) {
        return -1;
    }
    if (q->ends_with != NULL && PyTuple_GET_SIZE(q->ends_with) == 0) {
        q->ends_with = NULL;
    }
    for (Py_ssize_t w = 0; q->ends_with != NULL && w < PyTuple_GET_SIZE(q->ends_with); w++) {
        PyObject *suffix = PyTuple_GET_ITEM(q->ends_with, w);
        if (!PyUnicode_Check(suffix) || PyUnicode_GET_LENGTH(suffix) == 0) {
            PyErr_SetString(PyExc_ValueError, "ends_with: strings must be non-empty str");
            return -1;
        }
    }
    if (q->paren_words != NULL && PyTuple_GET_SIZE(q->paren_words) == 0) {
        q->paren_words = NULL;
    }
    if (q->paren_words != NULL && check_words(q->paren_words, "paren_words") < 0) {
        return -1;
    }
    if (q->digit_words != NULL && PyTuple_GET_SIZE(q->digit_words) == 0) {
        q->digit_words = NULL;
    }
    if (q->digit_words != NULL && check_words(q->digit_words, "digit_words") < 0) {
        return -1;
    }

    if (q->labels != Py_None && !PyAnySet_Check(q->labels)) {
        PyErr_SetString(PyExc_TypeError, "labels must be a set or None");
        return -1;
    }
    if (check_words(q->starts, "starts") < 0 || check_words(q->tail_words, "tail_words") < 0) {
        return -1;
    }
    return prepare(q);
}

/* Cues read once (compile()), for every page: reading and checking them cost each select() call
 * more than a page's short lines did. The capsule owns the packed tuple its Cues borrow from. */
static const char COMPILED_CUES[] = "cleaner._linescan.cues";

typedef struct {
    Cues q;
    PyObject *packed;
} CompiledCues;

static void
free_compiled(PyObject *capsule)
{
    CompiledCues *c = PyCapsule_GetPointer(capsule, COMPILED_CUES);
    if (c != NULL) {
        Py_XDECREF(c->packed);
        PyMem_Free(c);
    }
}

/* compile(cues) -> the packed cues read once, for select(). */
static PyObject *
compile_cues(PyObject *self, PyObject *args)
{
    PyObject *packed;
    if (!PyArg_ParseTuple(args, "O!", &PyTuple_Type, &packed)) {
        return NULL;
    }
    CompiledCues *c = PyMem_Malloc(sizeof(*c));
    if (c == NULL) {
        return PyErr_NoMemory();
    }
    if (read_cues(packed, &c->q) < 0) {
        PyMem_Free(c);
        return NULL;
    }
    Py_INCREF(packed);
    c->packed = packed;
    PyObject *capsule = PyCapsule_New(c, COMPILED_CUES, free_compiled);
    if (capsule == NULL) {
        Py_DECREF(packed);
        PyMem_Free(c);
    }
    return capsule;
}

/* select(texts, dropped, cues) -> list of the indices of kept lines that pass the cues, given
 * packed (a tuple) or compiled (compile()). */
static PyObject *
select_lines(PyObject *self, PyObject *args)
{
    PyObject *texts, *dropped, *cues;
    if (!PyArg_ParseTuple(args, "O!O!O", &PyList_Type, &texts, &PyList_Type, &dropped, &cues)) {
        return NULL;
    }
    Cues packed_now;
    const Cues *q = &packed_now;
    if (PyCapsule_CheckExact(cues)) {
        CompiledCues *c = PyCapsule_GetPointer(cues, COMPILED_CUES);
        if (c == NULL) {
            return NULL;
        }
        q = &c->q;
    } else if (!PyTuple_Check(cues)) {
        PyErr_SetString(PyExc_TypeError, "cues must be a tuple or compile()'s result");
        return NULL;
    } else if (read_cues(cues, &packed_now) < 0) {
        return NULL;
    }
    Py_ssize_t n = page_length(texts, dropped);
    if (n < 0) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    /* the texts met so far, kept or dropped, when a cue asks whether a line repeats one */
    Seen seen = {NULL, NULL, 0};
    if (out == NULL || (q->repeats_earlier && seen_open(&seen, n) < 0)) {
        Py_XDECREF(out);
        return NULL;
    }
    PyObject *previous = NULL;  /* the last kept line's text, borrowed from texts */
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "texts must be str");
            goto fail;
        }
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(text) < 0) {  /* legacy strings (gone in 3.12) must be made ready first */
            goto fail;
        }
#endif
        int earlier = 0;
        /* (a line shorter than the cue's least is no repeat it counts, nor equal to one) */
        if (seen.slot != NULL && PyUnicode_GET_LENGTH(text) >= q->repeats_min_chars) {
            earlier = seen_add(&seen, text);
            if (earlier < 0) {
                goto fail;
            }
        }
        if (PyList_GET_ITEM(dropped, i) != Py_None) {
            continue;
        }
        if (selected(q, text, previous, earlier) && append_index(out, i) < 0) {
            goto fail;
        }
        previous = text;
    }
    seen_close(&seen);
    return out;

fail:
    seen_close(&seen);
    Py_DECREF(out);
    return NULL;
}

/* Is text a short label: at most max_chars long, fewer than max_spaces spaces, not ending in a
 * character of bad_ends, and (when no_digits) without a decimal digit of any script (what \d
 * matches in a str pattern: Py_UNICODE_ISDECIMAL, as Python's re reads it)? */
static int
is_label(PyObject *text, Py_ssize_t max_chars, Py_ssize_t max_spaces, PyObject *bad_ends, int no_digits)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n == 0 || n > max_chars || has_char(bad_ends, PyUnicode_READ(kind, data, n - 1))) {
        return 0;
    }
    Py_ssize_t count = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, k);
        count += c == ' ';
        if (no_digits && (c < 128 ? (c >= '0' && c <= '9') : Py_UNICODE_ISDECIMAL(c))) {
            return 0;
        }
    }
    return count < max_spaces;
}

/* label_runs(texts, dropped, (max_chars, max_spaces, bad_ends, no_digits), min_run)
 *     -> [[line, ...], ...]
 *
 * The runs of at least min_run kept lines in a row (dropped lines between them do not break a
 * run) that are all short labels (is_label): the navigation cleaner's menus, found without a
 * Python test per line. */
static PyObject *
label_runs(PyObject *self, PyObject *args)
{
    PyObject *texts, *dropped, *bad_ends;
    Py_ssize_t max_chars, max_spaces, min_run;
    int no_digits;
    if (!PyArg_ParseTuple(args, "O!O!(nnUp)n", &PyList_Type, &texts, &PyList_Type, &dropped,
                          &max_chars, &max_spaces, &bad_ends, &no_digits, &min_run)) {
        return NULL;
    }
    Py_ssize_t n = page_length(texts, dropped);
    if (n < 0) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    PyObject *run = out ? PyList_New(0) : NULL;
    if (run == NULL) {
        Py_XDECREF(out);
        return NULL;
    }
    for (Py_ssize_t i = 0; i <= n; i++) {
        int label = 0;
        if (i < n) {
            PyObject *text;
            int kept = kept_text(texts, dropped, i, &text);
            if (kept < 0) {
                goto fail;
            }
            if (!kept) {
                continue;
            }
            label = is_label(text, max_chars, max_spaces, bad_ends, no_digits);
        }
        if (label) {
            if (append_index(run, i) < 0) {
                goto fail;
            }
        } else if (PyList_GET_SIZE(run)) {  /* a kept line that is no label (or the page's end) */
            if (PyList_GET_SIZE(run) >= min_run) {
                if (PyList_Append(out, run) < 0) {
                    goto fail;
                }
            }
            Py_DECREF(run);
            run = PyList_New(0);
            if (run == NULL) {
                Py_DECREF(out);
                return NULL;
            }
        }
    }
    Py_DECREF(run);
    return out;

fail:
    Py_DECREF(run);
    Py_DECREF(out);
    return NULL;
}

/* Shape flags, as cleaner/cleaners/shape.py names them. */
enum { SENTENCE = 1, PARAGRAPH = 2, HEADLINE = 4 };

/* shapes(texts, (terminal, replacement, paragraph_words, headline_min, headline_max, bad_ends,
 *                openers)) -> bytes
 *
 * Each line's shape flags, as shape.shape_of() gives them: SENTENCE when its last character
 * other than `replacement` is one of `terminal`; PARAGRAPH when it is also at least
 * `paragraph_words` words (spaces + 1); HEADLINE when it has headline_min to headline_max words,
 * does not end in one of `bad_ends`, and opens with an upper-case letter or a digit (what
 * str.isupper() and str.isdigit() say of one character) or one of `openers`. An empty line has
 * none. The cleaners ask these of a few hundred lines a page, a Python call each. */
static PyObject *
shapes(PyObject *self, PyObject *args)
{
    PyObject *texts, *terminal, *replacement, *bad_ends, *openers;
    Py_ssize_t paragraph_words, headline_min, headline_max;
    if (!PyArg_ParseTuple(args, "O!(UUnnnUU)", &PyList_Type, &texts, &terminal, &replacement,
                          &paragraph_words, &headline_min, &headline_max, &bad_ends, &openers)) {
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(replacement) != 1) {
        PyErr_SetString(PyExc_ValueError, "shapes: replacement must be one character");
        return NULL;
    }
    Py_UCS4 repl = PyUnicode_READ_CHAR(replacement, 0);
    Py_ssize_t n = PyList_GET_SIZE(texts);
    PyObject *out = PyBytes_FromStringAndSize(NULL, n);
    if (out == NULL) {
        return NULL;
    }
    char *flags = PyBytes_AS_STRING(out);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "texts must be str");
            Py_DECREF(out);
            return NULL;
        }
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(text) < 0) {
            Py_DECREF(out);
            return NULL;
        }
#endif
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        char f = 0;
        if (len > 0) {
            Py_ssize_t words = spaces(kind, data, len) + 1;
            Py_ssize_t end = len;
            while (end > 0 && PyUnicode_READ(kind, data, end - 1) == repl) {
                end--;
            }
            if (end > 0 && has_char(terminal, PyUnicode_READ(kind, data, end - 1))) {
                f |= SENTENCE;
                if (words >= paragraph_words) {
                    f |= PARAGRAPH;
                }
            }
            Py_UCS4 first = PyUnicode_READ(kind, data, 0);
            if (words >= headline_min && words <= headline_max
                    && !has_char(bad_ends, PyUnicode_READ(kind, data, len - 1))
                    && (is_upper(first) || is_digit(first) || has_char(openers, first))) {
                f |= HEADLINE;
            }
        }
        flags[i] = f;
    }
    return out;
}

/* opening_with(texts, dropped, prefix) -> list of the kept lines' indices whose text opens with
 * `prefix` (str.startswith). The title finder looks for the headline's copies among these: a
 * Python call a line cost more than the rest of its work on most pages. */
static PyObject *
opening_with(PyObject *self, PyObject *args)
{
    PyObject *texts, *dropped, *prefix;
    if (!PyArg_ParseTuple(args, "O!O!U", &PyList_Type, &texts, &PyList_Type, &dropped, &prefix)) {
        return NULL;
    }
    Py_ssize_t n = page_length(texts, dropped);
    if (n < 0) {
        return NULL;
    }
    Py_ssize_t m = PyUnicode_GET_LENGTH(prefix);
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text;
        int kept = kept_text(texts, dropped, i, &text);
        if (kept < 0) {
            goto fail;
        }
        if (!kept || PyUnicode_GET_LENGTH(text) < m) {
            continue;  /* (shorter than the prefix: no call) */
        }
        Py_ssize_t match = PyUnicode_Tailmatch(text, prefix, 0, PY_SSIZE_T_MAX, -1);
        if (match < 0 || (match && append_index(out, i) < 0)) {
            goto fail;
        }
    }
    return out;

fail:
    Py_DECREF(out);
    return NULL;
}

/* count(texts, text) -> how many of texts equal text (list.count, for a list of str): lengths
 * compared first, and only equal lengths read. The title finder counts each of its few
 * candidates over the whole page; list.count's rich comparison cost more than the rest of its
 * work. */
static PyObject *
count_equal(PyObject *self, PyObject *args)
{
    PyObject *texts, *text;
    if (!PyArg_ParseTuple(args, "O!U", &PyList_Type, &texts, &text)) {
        return NULL;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0) {
        return NULL;
    }
#endif
    Py_ssize_t n = PyList_GET_SIZE(texts), len = PyUnicode_GET_LENGTH(text), count = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(texts, i);
        if (item == text) {
            count++;
            continue;
        }
        if (!PyUnicode_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "texts must be str");
            return NULL;
        }
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(item) < 0) {
            return NULL;
        }
#endif
        /* (equal strings are stored in the same kind: equal characters, equal bytes) */
        if (PyUnicode_GET_LENGTH(item) == len && PyUnicode_KIND(item) == kind
                && memcmp(PyUnicode_DATA(item), data, (size_t)len * kind) == 0) {
            count++;
        }
    }
    return PyLong_FromSsize_t(count);
}

static PyMethodDef methods[] = {
    {"select", select_lines, METH_VARARGS,
     "select(texts, dropped, cues) -> the kept lines showing one of the cues (cleaner/cleaners/cues.py)."},
    {"compile", compile_cues, METH_VARARGS,
     "compile(cues) -> the packed cues read and checked once, for select()."},
    {"label_runs", label_runs, METH_VARARGS,
     "label_runs(texts, dropped, shape, min_run) -> runs of kept short labels (cleaner/cleaners/navigation.py)."},
    {"shapes", shapes, METH_VARARGS,
     "shapes(texts, shape) -> bytes: each line's shape flags (cleaner/cleaners/shape.py)."},
    {"opening_with", opening_with, METH_VARARGS,
     "opening_with(texts, dropped, prefix) -> the kept lines opening with prefix (cleaner/cleaners/title.py)."},
    {"count", count_equal, METH_VARARGS,
     "count(texts, text) -> how many of texts equal text: list.count for str (cleaner/cleaners/title.py)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_linescan",
    "The kept lines a pattern cleaner's patterns could match, picked in one pass.", -1, methods,
};

PyMODINIT_FUNC
PyInit__linescan(void)
{
    maybe_ascii_init();
    return PyModule_Create(&module);
}
