/* cleaner._dumptext: a text dump's lines, split and stripped in one pass, and the checks made on
 * the whole page before it is split.
 *
 * In Python, `[raw.strip() for raw in text.splitlines()]`, the blocks and gaps picked from those
 * lines, and the page's encodability test (`"\x00" in text`, then `text.encode("utf-8")`) each
 * walk the page or its few hundred lines once more, and together they cost about as much as three
 * pattern cleaners. Here each is one loop; the answers are exactly Python's: line breaks are
 * str.splitlines()'s (Py_UNICODE_ISLINEBREAK, "\r\n" as one), whitespace is str.strip()'s
 * (Py_UNICODE_ISSPACE), and the lines are made by PyUnicode_Substring, as str methods make them.
 * The pure-Python path (cleaner/document.py, cleaner/api.py) is the reference; the tests compare
 * the two on real pages and on every line break and space character. An HTML page's markup is
 * checked here too, for characters XML cannot hold (cleaner/html/parse.py). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "pylist.h"

/* Is c a line break? The common case (printable ASCII and most of Unicode) is decided without
 * the Unicode database. */
static inline int
line_break(Py_UCS4 c)
{
    if (c >= 0x20 && c != 0x85 && c != 0x2028 && c != 0x2029) {
        return 0;
    }
    return Py_UNICODE_ISLINEBREAK(c);
}

static inline int
space(Py_UCS4 c)
{
    if (c > ' ' && c < 0x80) {
        return 0;
    }
    return Py_UNICODE_ISSPACE(c);
}

/* 0 when arg is a str ready to read, else -1 with TypeError naming the function `what`. */
static int
check_str(PyObject *arg, const char *what)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s: expected a str", what);
        return -1;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(arg) < 0) {  /* legacy strings (gone in 3.12) must be made ready first */
        return -1;
    }
#endif
    return 0;
}

/* split(text) -> [line.strip() for line in text.splitlines()] */
static PyObject *
split(PyObject *self, PyObject *arg)
{
    if (check_str(arg, "split") < 0) {
        return NULL;
    }
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        Py_ssize_t start = i;
        /* to the next line break, in a loop per string kind (PyUnicode_READ's switch on the kind
         * for every character cost a third of the split) */
#define TO_BREAK(T) do { \
            const T *s = (const T *)data; \
            while (i < n && !line_break(s[i])) { \
                i++; \
            } \
        } while (0)
        if (kind == PyUnicode_1BYTE_KIND) {
            TO_BREAK(Py_UCS1);
        } else if (kind == PyUnicode_2BYTE_KIND) {
            TO_BREAK(Py_UCS2);
        } else {
            TO_BREAK(Py_UCS4);
        }
#undef TO_BREAK
        Py_ssize_t end = i;  /* the line is text[start:end] */
        if (i < n) {          /* skip its break, "\r\n" as one */
            i += (PyUnicode_READ(kind, data, i) == '\r' && i + 1 < n
                  && PyUnicode_READ(kind, data, i + 1) == '\n') ? 2 : 1;
        }
        while (start < end && space(PyUnicode_READ(kind, data, start))) {
            start++;
        }
        while (end > start && space(PyUnicode_READ(kind, data, end - 1))) {
            end--;
        }
        PyObject *line = PyUnicode_Substring(arg, start, end);
        if (line == NULL || PyList_Append(out, line) < 0) {
            Py_XDECREF(line);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(line);
    }
    return out;
}

/* blocks(lines) -> (texts, gaps, chars): the non-empty lines, for each whether the line before
 * it was empty (or it opens the page), as Document.from_lines picks them, and their characters
 * in all (the Document's kept count, which a sum over the lines in Python cost 5 µs a page). */
static PyObject *
blocks(PyObject *self, PyObject *arg)
{
    if (!PyList_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "blocks: expected a list of str");
        return NULL;
    }
    /* the non-empty lines counted first, so both lists are made at their size (appending grew
     * each some fifteen times a page) */
    Py_ssize_t n = PyList_GET_SIZE(arg), blocks_n = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *line = PyList_GET_ITEM(arg, i);
        if (!PyUnicode_Check(line)) {
            PyErr_SetString(PyExc_TypeError, "blocks: expected a list of str");
            return NULL;
        }
        blocks_n += PyUnicode_GET_LENGTH(line) != 0;
    }
    PyObject *texts = PyList_New(blocks_n), *gaps = PyList_New(blocks_n);
    if (texts == NULL || gaps == NULL) {
        goto fail;
    }
    int blank_before = 1;
    Py_ssize_t chars = 0, k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *line = PyList_GET_ITEM(arg, i);
        if (PyUnicode_GET_LENGTH(line) == 0) {
            blank_before = 1;
            continue;
        }
        PyObject *gap = blank_before ? Py_True : Py_False;
        Py_INCREF(line);
        Py_INCREF(gap);
        PyList_SET_ITEM(texts, k, line);
        PyList_SET_ITEM(gaps, k, gap);
        k++;
        chars += PyUnicode_GET_LENGTH(line);
        blank_before = 0;
    }
    return Py_BuildValue("(NNn)", texts, gaps, chars);

fail:
    Py_XDECREF(texts);
    Py_XDECREF(gaps);
    return NULL;
}

/* Does the line open with a list or heading mark and a space: reflow._LEADING_MARK.match, that
 * is (?:\d{1,3}[.)]|[*+|-]|#+)\s, where \d is a decimal digit of any script and \s whitespace
 * as Python's re reads them in a str (Py_UNICODE_ISDECIMAL, Py_UNICODE_ISSPACE)? A digit run
 * must be followed by "." or ")", and a run of "#" by the space, so only the whole run can
 * match: no backtracking changes the answer. */
static int
leading_mark(int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t k = 0;
    if (n == 0) {
        return 0;
    }
    Py_UCS4 c = PyUnicode_READ(kind, data, 0);
    if (c == '*' || c == '+' || c == '|' || c == '-') {
        k = 1;
    } else if (c == '#') {
        while (k < n && PyUnicode_READ(kind, data, k) == '#') {
            k++;
        }
    } else {
        while (k < n && k < 4 && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, k))) {
            k++;
        }
        if (k == 0 || k > 3 || k >= n) {
            return 0;
        }
        c = PyUnicode_READ(kind, data, k);
        if (c != '.' && c != ')') {
            return 0;
        }
        k++;
    }
    return k < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k));
}

/* Does the line hold "://" (a URL)? */
static int
holds_url(int kind, const void *data, Py_ssize_t n)
{
    for (Py_ssize_t k = 1; k + 1 < n; k++) {
        if (PyUnicode_READ(kind, data, k) == '/' && PyUnicode_READ(kind, data, k - 1) == ':'
                && PyUnicode_READ(kind, data, k + 1) == '/') {
            return 1;
        }
    }
    return 0;
}

/* What a picker asks of each line (a str, index i): its arguments beyond the lines. */
typedef struct {
    Py_ssize_t chars;   /* the least length (long lines) */
    PyObject *marks;    /* the opening marks (mark openers) */
} PickArgs;

/* The lines of `lines` for which pick(line, i, args) holds, or with `as_index` their indices;
 * `what` names the caller in a TypeError. */
static PyObject *
pick_lines(PyObject *lines, int (*pick)(PyObject *, Py_ssize_t, const PickArgs *), const PickArgs *args,
           int as_index, const char *what)
{
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lines); i++) {
        PyObject *line = PyList_GET_ITEM(lines, i);
        if (check_str(line, what) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        if (pick(line, i, args)
                && (as_index ? append_index(out, i) : PyList_Append(out, line)) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static int
is_long(PyObject *line, Py_ssize_t i, const PickArgs *args)
{
    return PyUnicode_GET_LENGTH(line) >= args->chars;
}

/* Long, and possibly evidence of a wrap width: no URL, no list or heading mark
 * (reflow._not_evidence). */
static int
is_evidence(PyObject *line, Py_ssize_t i, const PickArgs *args)
{
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    return n >= args->chars && !holds_url(kind, data, n) && !leading_mark(kind, data, n);
}

/* Not the first line, and opening with one of the marks, then a space. */
static int
opens_with_mark(PyObject *line, Py_ssize_t i, const PickArgs *args)
{
    return i > 0 && PyUnicode_GET_LENGTH(line) > 1 && PyUnicode_READ_CHAR(line, 1) == ' '
           && PyUnicode_FindChar(args->marks, PyUnicode_READ_CHAR(line, 0), 0,
                                 PyUnicode_GET_LENGTH(args->marks), 1) >= 0;
}

/* The lines of the list in args (with a length, `chars`) at least that long, and when
 * `evidence_only` only those that may be evidence of a wrap width. */
static PyObject *
long_lines(PyObject *args, int evidence_only, const char *what)
{
    PyObject *lines;
    PickArgs pick = {0, NULL};
    if (!PyArg_ParseTuple(args, "O!n", &PyList_Type, &lines, &pick.chars)) {
        return NULL;
    }
    return pick_lines(lines, evidence_only ? is_evidence : is_long, &pick, 0, what);
}

/* at_least(lines, chars) -> [line for line in lines if len(line) >= chars]: the lines that may
 * be evidence of hard wrapping (cleaner/reflow.py), picked without a Python test per line. */
static PyObject *
at_least(PyObject *self, PyObject *args)
{
    return long_lines(args, 0, "at_least");
}

/* evidence(lines, chars) -> the lines at least this many characters long that may be evidence
 * of a wrap width (reflow._evidence), picked without a Python call and a pattern match a line. */
static PyObject *
evidence(PyObject *self, PyObject *args)
{
    return long_lines(args, 1, "evidence");
}

/* mark_openers(lines, marks) -> the indices i >= 1 of the lines opening with a character of the
 * str `marks` and then a space: the only lines that can be evidence of a node-per-line dump
 * (cleaner/reflow_nodes.py), which tests each of them in full. Most dumps have none, so the test
 * costs no Python a line. */
static PyObject *
mark_openers(PyObject *self, PyObject *args)
{
    PyObject *lines;
    PickArgs pick = {0, NULL};
    if (!PyArg_ParseTuple(args, "O!U", &PyList_Type, &lines, &pick.marks)) {
        return NULL;
    }
    return pick_lines(lines, opens_with_mark, &pick, 1, "mark_openers");
}

/* A function `name(s)`: does any character c of the str s make PRED(c) true? One loop for each
 * width of string, with no early exit, so that each vectorises. */
#define ANY_CHAR(name, PRED)                                                  \
static int                                                                    \
name(PyObject *s)                                                             \
{                                                                             \
    int kind = PyUnicode_KIND(s);                                             \
    const void *data = PyUnicode_DATA(s);                                     \
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);                                   \
    int found = 0;                                                            \
    if (kind == PyUnicode_1BYTE_KIND) {                                       \
        const Py_UCS1 *p = data;                                              \
        for (Py_ssize_t k = 0; k < n; k++) {                                  \
            found |= PRED((Py_UCS4)p[k]);                                     \
        }                                                                     \
    } else if (kind == PyUnicode_2BYTE_KIND) {                                \
        const Py_UCS2 *p = data;                                              \
        for (Py_ssize_t k = 0; k < n; k++) {                                  \
            found |= PRED((Py_UCS4)p[k]);                                     \
        }                                                                     \
    } else {                                                                  \
        const Py_UCS4 *p = data;                                              \
        for (Py_ssize_t k = 0; k < n; k++) {                                  \
            found |= PRED(p[k]);                                              \
        }                                                                     \
    }                                                                         \
    return found;                                                             \
}

/* What api.sanitize removes or replaces: a NUL, a lone surrogate. */
#define NEEDS_SANITIZING(c) (((c) == 0) | (((c) & ~(Py_UCS4)0x7FF) == 0xD800))
/* Characters XML cannot hold (html/parse.py's _NOT_XML): the C0 controls but tab, line feed and
 * carriage return, and U+FFFE and U+FFFF. Comparisons only, so the loops vectorise. */
#define NOT_XML(c) ((((c) < 0x20) & ((c) != 0x09) & ((c) != 0x0A) & ((c) != 0x0D)) \
                    | (((c) | 1) == 0xFFFF))

ANY_CHAR(any_needs_sanitizing, NEEDS_SANITIZING)

/* needs_sanitizing(text) -> bool: does the text hold a NUL or a lone surrogate (what
 * api.sanitize removes or replaces)? */
static PyObject *
needs_sanitizing(PyObject *self, PyObject *arg)
{
    if (check_str(arg, "needs_sanitizing") < 0) {
        return NULL;
    }
    return PyBool_FromLong(any_needs_sanitizing(arg));
}

/* What html/parse.py asks of a page's markup before parsing it, in one pass over its characters:
 * whether it holds a character XML cannot (NOT_XML), and where "</ht" or "</bo" (any case: an
 * </html> or </body> end tag's opening) first starts, or -1. Chunk by chunk, each chunk's tests
 * with no early exit so that they vectorise; a chunk holding one (a page holds two or three) is
 * read again for where. */
#define MARKUP_CHUNK 512
#define PAGE_END_AT(p, k) (((p)[k] == '<') & ((p)[(k) + 1] == '/')                            \
                           & (((((p)[(k) + 2] | 0x20) == 'h') & (((p)[(k) + 3] | 0x20) == 't'))  \
                              | ((((p)[(k) + 2] | 0x20) == 'b') & (((p)[(k) + 3] | 0x20) == 'o'))))
#define MARKUP_FACTS(T)                                                       \
static int                                                                    \
markup_facts_##T(const T *p, Py_ssize_t n, Py_ssize_t *first)                 \
{                                                                             \
    int bad = 0;                                                              \
    *first = -1;                                                              \
    for (Py_ssize_t k = 0; k < n; k += MARKUP_CHUNK) {                        \
        Py_ssize_t stop = k + MARKUP_CHUNK < n ? k + MARKUP_CHUNK : n;        \
        Py_ssize_t tags = stop < n - 3 ? stop : n - 3;   /* "</ht" fits */    \
        int hit = 0;                                                          \
        for (Py_ssize_t i = k; i < stop; i++) {                               \
            bad |= NOT_XML((Py_UCS4)p[i]);                                    \
        }                                                                     \
        if (*first >= 0) {                                                    \
            continue;                                                         \
        }                                                                     \
        for (Py_ssize_t i = k; i < tags; i++) {                               \
            hit |= PAGE_END_AT(p, i);                                         \
        }                                                                     \
        for (Py_ssize_t i = k; hit && i < tags; i++) {                        \
            if (PAGE_END_AT(p, i)) {                                          \
                *first = i;                                                   \
                break;                                                        \
            }                                                                 \
        }                                                                     \
    }                                                                         \
    return bad;                                                               \
}

MARKUP_FACTS(Py_UCS1)
MARKUP_FACTS(Py_UCS2)
MARKUP_FACTS(Py_UCS4)

/* markup_facts(text) -> (holds_not_xml, first_page_end): does the text hold a character XML
 * cannot, and where does "</ht" or "</bo" (any case) first start, -1 if nowhere. The end tags'
 * search took 0.13 ms a page warm as a regular expression over wcxb-dev's pages, a second pass. */
static PyObject *
markup_facts(PyObject *self, PyObject *arg)
{
    if (check_str(arg, "markup_facts") < 0) {
        return NULL;
    }
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg), first;
    int bad = kind == PyUnicode_1BYTE_KIND ? markup_facts_Py_UCS1(data, n, &first)
            : kind == PyUnicode_2BYTE_KIND ? markup_facts_Py_UCS2(data, n, &first)
            : markup_facts_Py_UCS4(data, n, &first);
    return Py_BuildValue("(Nn)", PyBool_FromLong(bad), first);
}

static PyMethodDef methods[] = {
    {"split", split, METH_O, "split(text) -> [line.strip() for line in text.splitlines()]."},
    {"blocks", blocks, METH_O,
     "blocks(lines) -> (texts, gaps, chars): the non-empty lines, whether a blank line came before each, their length in all."},
    {"at_least", at_least, METH_VARARGS,
     "at_least(lines, chars) -> the lines at least this many characters long."},
    {"evidence", evidence, METH_VARARGS,
     "evidence(lines, chars) -> the lines at least this many characters long holding no URL and opening with no list or heading mark."},
    {"mark_openers", mark_openers, METH_VARARGS,
     "mark_openers(lines, marks) -> the indices i >= 1 of the lines opening with one of the marks, then a space."},
    {"needs_sanitizing", needs_sanitizing, METH_O,
     "needs_sanitizing(text) -> bool: does the text hold a NUL or a lone surrogate?"},
    {"markup_facts", markup_facts, METH_O,
     "markup_facts(text) -> (holds_not_xml, first_page_end): does the text hold a character XML cannot, and where \"</ht\" or \"</bo\" (any case) first starts, -1 if nowhere."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_dumptext",
    "A text dump's lines split and stripped in one pass (see cleaner/document.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__dumptext(void)
{
    return PyModule_Create(&module);
}
