/* cleaner._pagecontext: the line classifier's context and stacked features in one call each.
 *
 * Both are a handful of sums over windows of lines, neighbour shifts and a best-run search, which
 * numpy does as some fifty small array operations a page (each a few microseconds whatever its
 * size). Here each is one pass or two over the page. The arithmetic is the same as
 * cleaner/features.py's, in the same order where it matters: window means are differences of
 * sequential running sums divided by the window's clipped width, exactly as _padded_cumsum and
 * _window_mean_into compute them, so the features agree to the last bit save the page mean of
 * the stacked features (numpy's dot product sums in another order: float64 rounding apart).
 *
 * Memory safety: every buffer's item size and length are checked (buffers.h), and every row
 * index read from the caller's tuples is checked against the buffer it indexes. */
#include "buffers.h"
#include "pylist.h"
#include "intlog.h"

#include <math.h>
#include <stdlib.h>

/* Read a tuple of small ints into out (at most max of them), each in [lo, hi); -1 with an
 * exception otherwise. */
static int
int_tuple(PyObject *tuple, Py_ssize_t *out, Py_ssize_t max, Py_ssize_t lo, Py_ssize_t hi,
          const char *what)
{
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) > max || PyTuple_GET_SIZE(tuple) == 0) {
        PyErr_Format(PyExc_ValueError, "%s: expected a tuple of 1 to %zd ints", what, max);
        return -1;
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(tuple); k++) {
        Py_ssize_t v = PyLong_AsSsize_t(PyTuple_GET_ITEM(tuple, k));
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (v < lo || v >= hi) {
            PyErr_Format(PyExc_ValueError, "%s: %zd is out of range", what, v);
            return -1;
        }
        out[k] = v;
    }
    return 0;
}

/* The features as rows of lines (float64, two dimensions); -1 with an exception otherwise. */
static int
get_line_rows(PyObject *obj, Py_buffer *base)
{
    if (get_array(obj, base, F64, 8, 0, -1, 0, "base") < 0) {
        return -1;
    }
    if (base->ndim != 2) {
        PyErr_SetString(PyExc_ValueError, "base: expected rows of lines");
        PyBuffer_Release(base);
        return -1;
    }
    return 0;
}

/* x moved k lines down (k > 0: line i gets line i-k's value), zero-padded (features._shift_into). */
static void
shift_into(double *out, const double *x, Py_ssize_t n, Py_ssize_t k)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t j = i - k;
        out[i] = (j >= 0 && j < n) ? x[j] : 0.0;
    }
}

/* sums[i] = x[0] + ... + x[i-1], added in order (numpy's cumsum), sums[0] = 0. */
static void
running_sums(double *sums, const double *x, Py_ssize_t n)
{
    sums[0] = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        sums[i + 1] = sums[i] + x[i];
    }
}

/* The mean of x over lines i-half..i+half, clipped at the page's edges, from running_sums
 * (features._window_mean_into). */
static void
window_mean_into(double *out, const double *sums, Py_ssize_t n, Py_ssize_t half)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t hi = i + half + 1 < n ? i + half + 1 : n;
        Py_ssize_t lo = i - half > 0 ? i - half : 0;
        out[i] = (sums[hi] - sums[lo]) / (double)(hi - lo);
    }
}

#define MAX_ROWS 64
#define MAX_SHIFTS 8
#define MAX_WINDOWS 8

/* context_rows(base, out, of, prose, shifts, windows)
 *
 * features._context_rows: `base` holds the base features a row (float64, C order, n lines a
 * row), `of` the rows whose neighbours and windows are wanted (CONTEXT_OF), `prose` the prose
 * row. Writes into `out`: for each shift, the shifted `of` rows; for each window half-width, the
 * window means of the `of` rows; then the log distances to the nearest prose line before and
 * after each line. */
static PyObject *
context_rows(PyObject *self, PyObject *args)
{
    PyObject *base_obj, *out_obj, *of_obj, *shifts_obj, *windows_obj;
    Py_ssize_t prose_row;
    if (!PyArg_ParseTuple(args, "OOO!nO!O!", &base_obj, &out_obj, &PyTuple_Type, &of_obj, &prose_row,
                          &PyTuple_Type, &shifts_obj, &PyTuple_Type, &windows_obj)) {
        return NULL;
    }
    Py_buffer base, out;
    if (get_line_rows(base_obj, &base) < 0) {
        return NULL;
    }
    Py_ssize_t base_rows = base.shape[0], n = base.shape[1];
    Py_ssize_t of[MAX_ROWS], shifts[MAX_SHIFTS], windows[MAX_WINDOWS];
    Py_ssize_t k = PyTuple_GET_SIZE(of_obj), n_shifts = PyTuple_GET_SIZE(shifts_obj);
    Py_ssize_t n_windows = PyTuple_GET_SIZE(windows_obj);
    if (int_tuple(of_obj, of, MAX_ROWS, 0, base_rows, "of") < 0 ||
        int_tuple(shifts_obj, shifts, MAX_SHIFTS, -PY_SSIZE_T_MAX, PY_SSIZE_T_MAX, "shifts") < 0 ||
        int_tuple(windows_obj, windows, MAX_WINDOWS, 0, PY_SSIZE_T_MAX / 4, "windows") < 0) {
        PyBuffer_Release(&base);
        return NULL;
    }
    if (prose_row < 0 || prose_row >= base_rows) {
        PyErr_SetString(PyExc_ValueError, "prose: row out of range");
        PyBuffer_Release(&base);
        return NULL;
    }
    Py_ssize_t rows = (n_shifts + n_windows) * k + 2;
    if (get_array(out_obj, &out, F64, 8, rows * n, rows * n, 1, "out") < 0) {
        PyBuffer_Release(&base);
        return NULL;
    }
    const double *x = base.buf;
    double *o = out.buf;
    double *sums = PyMem_Malloc(sizeof(double) * (size_t)(n + 1));
    if (sums == NULL) {
        PyBuffer_Release(&base);
        PyBuffer_Release(&out);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t j = 0; j < n_shifts; j++) {
        for (Py_ssize_t r = 0; r < k; r++) {
            shift_into(o + (j * k + r) * n, x + of[r] * n, n, shifts[j]);
        }
    }
    for (Py_ssize_t r = 0; r < k; r++) {
        running_sums(sums, x + of[r] * n, n);
        for (Py_ssize_t j = 0; j < n_windows; j++) {
            window_mean_into(o + ((n_shifts + j) * k + r) * n, sums, n, windows[j]);
        }
    }
    /* features._distance_to: lines to the nearest prose line strictly before and after, or the
     * page's length when there is none. */
    const double *prose = x + prose_row * n;
    double *before = o + (rows - 2) * n, *after = o + (rows - 1) * n;
    Py_ssize_t last = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        before[i] = log1p_int(last >= 0 ? i - last : n);
        if (prose[i] > 0) {
            last = i;
        }
    }
    Py_ssize_t next = -1;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        after[i] = log1p_int(next >= 0 ? next - i : n);
        if (prose[i] > 0) {
            next = i;
        }
    }
    PyMem_Free(sums);
    PyBuffer_Release(&base);
    PyBuffer_Release(&out);
    Py_RETURN_NONE;
}

/* rhythm_rows(base, out, rows, periods, windows, length_window, date_window, slack,
 *             date_digit_share, date_max_words, prose_min_words)
 *
 * features._rhythm_rows: `base` holds the base features a row, `rows` the rows of (dropped,
 * prose, digit_share, log_words, ends_stop, log_chars). Each line gets a shape (features.line_shapes,
 * decided in the same order); a line is rhythmic for a period k when the line k further on has
 * its shape and the next line has another. Writes into `out`: for each window half-width, the
 * highest window mean of that indicator over the periods; the same with the two lines' log
 * lengths within `slack` too, over `length_window`; the share of date-like lines over
 * `date_window`. The indicators are 0 or 1, so their running sums and means are exactly numpy's. */
enum { SHAPE_DROPPED, SHAPE_PROSE, SHAPE_DATE, SHAPE_SENTENCE, SHAPE_LONG, SHAPE_SHORT };

static void
max_window_means(double *out, const double *sums, Py_ssize_t n_periods, Py_ssize_t n,
                 Py_ssize_t half, double *mean)
{
    for (Py_ssize_t j = 0; j < n_periods; j++) {
        window_mean_into(j ? mean : out, sums + j * (n + 1), n, half);
        if (j) {
            for (Py_ssize_t i = 0; i < n; i++) {
                if (mean[i] > out[i]) {
                    out[i] = mean[i];
                }
            }
        }
    }
}

/* Each line's shape (features.line_shapes, decided in the same order). */
static void
line_shapes_into(unsigned char *shape, Py_ssize_t n, const double *dropped, const double *prose,
                 const double *digits, const double *log_words, const double *ends_stop,
                 double date_share, Py_ssize_t date_max_words, Py_ssize_t prose_min_words)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        double words = rint(expm1(log_words[i]));
        unsigned char s = SHAPE_SHORT;
        if (words >= (double)prose_min_words) {
            s = SHAPE_LONG;
        }
        if (ends_stop[i] > 0) {
            s = SHAPE_SENTENCE;
        }
        if (digits[i] >= date_share && words <= (double)date_max_words) {
            s = SHAPE_DATE;
        }
        if (prose[i] > 0) {
            s = SHAPE_PROSE;
        }
        if (dropped[i] > 0) {
            s = SHAPE_DROPPED;
        }
        shape[i] = s;
    }
}

/* For period k, the running sums (n + 1 values each) of the rhythm indicator into `alike` and
 * of the same with the lengths within `slack` into `length`. */
static void
rhythm_sums(double *alike, double *length, const unsigned char *shape, const double *log_chars,
            Py_ssize_t n, Py_ssize_t k, double slack)
{
    alike[0] = length[0] = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int same = i + k < n && shape[i] == shape[i + k] && shape[i] != shape[i + 1];
        int close = same && fabs(log_chars[i] - log_chars[i + k]) < slack;
        alike[i + 1] = alike[i] + (double)same;
        length[i + 1] = length[i] + (double)close;
    }
}

static PyObject *
rhythm_rows(PyObject *self, PyObject *args)
{
    PyObject *base_obj, *out_obj, *rows_obj, *periods_obj, *windows_obj;
    Py_ssize_t length_window, date_window, date_max_words, prose_min_words;
    double slack, date_share;
    if (!PyArg_ParseTuple(args, "OOO!O!O!nnddnn", &base_obj, &out_obj, &PyTuple_Type, &rows_obj,
                          &PyTuple_Type, &periods_obj, &PyTuple_Type, &windows_obj, &length_window,
                          &date_window, &slack, &date_share, &date_max_words, &prose_min_words)) {
        return NULL;
    }
    if (length_window < 0 || length_window > PY_SSIZE_T_MAX / 4 || date_window < 0 ||
        date_window > PY_SSIZE_T_MAX / 4) {
        PyErr_SetString(PyExc_ValueError, "window: out of range");
        return NULL;
    }
    Py_buffer base, out;
    if (get_line_rows(base_obj, &base) < 0) {
        return NULL;
    }
    Py_ssize_t base_rows = base.shape[0], n = base.shape[1];
    Py_ssize_t row[6], periods[MAX_SHIFTS], windows[MAX_WINDOWS];
    Py_ssize_t n_periods = PyTuple_GET_SIZE(periods_obj), n_windows = PyTuple_GET_SIZE(windows_obj);
    if (PyTuple_GET_SIZE(rows_obj) != 6) {
        PyErr_SetString(PyExc_ValueError, "rows: expected 6 row indices");
        PyBuffer_Release(&base);
        return NULL;
    }
    if (int_tuple(rows_obj, row, 6, 0, base_rows, "rows") < 0 ||
        int_tuple(periods_obj, periods, MAX_SHIFTS, 1, PY_SSIZE_T_MAX, "periods") < 0 ||
        int_tuple(windows_obj, windows, MAX_WINDOWS, 0, PY_SSIZE_T_MAX / 4, "windows") < 0) {
        PyBuffer_Release(&base);
        return NULL;
    }
    Py_ssize_t rows = n_windows + 2;
    if (get_array(out_obj, &out, F64, 8, rows * n, rows * n, 1, "out") < 0) {
        PyBuffer_Release(&base);
        return NULL;
    }
    const double *x = base.buf;
    double *o = out.buf;
    const double *dropped = x + row[0] * n, *prose = x + row[1] * n, *digits = x + row[2] * n;
    const double *log_words = x + row[3] * n, *ends_stop = x + row[4] * n, *log_chars = x + row[5] * n;
    unsigned char *shape = PyMem_Malloc((size_t)n + 1);
    /* running sums of the shape indicator and of the length indicator, a period each, then the
     * date indicator's; one row of window means */
    double *sums = PyMem_Malloc(sizeof(double) * (size_t)((2 * n_periods + 1) * (n + 1) + n));
    if (shape == NULL || sums == NULL) {
        PyMem_Free(shape);
        PyMem_Free(sums);
        PyBuffer_Release(&base);
        PyBuffer_Release(&out);
        return PyErr_NoMemory();
    }
    line_shapes_into(shape, n, dropped, prose, digits, log_words, ends_stop, date_share, date_max_words,
                     prose_min_words);
    double *alike_sums = sums, *length_sums = sums + n_periods * (n + 1);
    double *date_sums = sums + 2 * n_periods * (n + 1), *mean = date_sums + n + 1;
    for (Py_ssize_t j = 0; j < n_periods; j++) {
        rhythm_sums(alike_sums + j * (n + 1), length_sums + j * (n + 1), shape, log_chars, n, periods[j],
                    slack);
    }
    date_sums[0] = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        date_sums[i + 1] = date_sums[i] + (double)(shape[i] == SHAPE_DATE);
    }
    for (Py_ssize_t r = 0; r < n_windows; r++) {
        max_window_means(o + r * n, alike_sums, n_periods, n, windows[r], mean);
    }
    max_window_means(o + n_windows * n, length_sums, n_periods, n, length_window, mean);
    window_mean_into(o + (n_windows + 1) * n, date_sums, n, date_window);
    PyMem_Free(shape);
    PyMem_Free(sums);
    PyBuffer_Release(&base);
    PyBuffer_Release(&out);
    Py_RETURN_NONE;
}

/* The run of lines with the largest sum of gain (features._max_subarrays for one row): its
 * first and last line. `sums` has room for n + 1 values. The best end is where the running sum
 * most exceeds the lowest running sum before it (the last such position when several are equal);
 * the first best end wins. */
static void
best_run(const double *gain, double *sums, Py_ssize_t n, Py_ssize_t *first, Py_ssize_t *last)
{
    running_sums(sums, gain, n);
    double low = sums[0];
    Py_ssize_t low_at = 0;
    double best = 0.0;
    *first = 0;
    *last = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        /* low, low_at: the minimum of sums[0..i] and its last position */
        double here = sums[i + 1] - sums[low_at];
        if (i == 0 || here > best) {
            best = here;
            *first = low_at;
            *last = i;
        }
        if (sums[i + 1] <= low) {
            low = sums[i + 1];
            low_at = i + 1;
        }
    }
}

/* One row holding, for every line, the page's mean of p weighted by the lines' characters
 * (at least 1 a line). */
static void
weighted_mean_row(double *out, const double *p, const int64_t *lens, Py_ssize_t n)
{
    double weighted = 0.0;
    int64_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int64_t chars = lens[i] > 1 ? lens[i] : 1;
        weighted += p[i] * (double)chars;
        total += chars;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = weighted / (double)total;
    }
}

/* Two rows for `threshold`: whether each line lies in the best run of sum((p - threshold) *
 * chars), and its log distance to that run. `sums` and `gain` are scratch of n + 1 and n. */
static void
best_run_rows(double *inside, double *distance, const double *p, const int64_t *lens, Py_ssize_t n,
              double threshold, double *sums, double *gain)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        gain[i] = (p[i] - threshold) * (double)(lens[i] > 1 ? lens[i] : 1);
    }
    Py_ssize_t first = 0, last = 0;
    if (n) {
        best_run(gain, sums, n, &first, &last);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t before = first - i > 0 ? first - i : 0, past = i - last > 0 ? i - last : 0;
        inside[i] = i >= first && i <= last;
        distance[i] = log1p_int(before + past);
    }
}

/* stacked_rows(p, lens, out, shifts, windows, thresholds)
 *
 * features.stacked_rows_into: writes the first stage's probabilities `p` of each line, their
 * shifts, window means, the page's length-weighted mean, and for each threshold whether each
 * line lies in the best run of sum((p - threshold) * chars) and its log distance to it. */
static PyObject *
stacked_rows(PyObject *self, PyObject *args)
{
    PyObject *p_obj, *lens_obj, *out_obj, *shifts_obj, *windows_obj, *thresholds_obj;
    if (!PyArg_ParseTuple(args, "OOOO!O!O!", &p_obj, &lens_obj, &out_obj, &PyTuple_Type, &shifts_obj,
                          &PyTuple_Type, &windows_obj, &PyTuple_Type, &thresholds_obj)) {
        return NULL;
    }
    Py_ssize_t shifts[MAX_SHIFTS], windows[MAX_WINDOWS];
    Py_ssize_t n_shifts = PyTuple_GET_SIZE(shifts_obj), n_windows = PyTuple_GET_SIZE(windows_obj);
    Py_ssize_t n_thresholds = PyTuple_GET_SIZE(thresholds_obj);
    if (int_tuple(shifts_obj, shifts, MAX_SHIFTS, -PY_SSIZE_T_MAX, PY_SSIZE_T_MAX, "shifts") < 0 ||
        int_tuple(windows_obj, windows, MAX_WINDOWS, 0, PY_SSIZE_T_MAX / 4, "windows") < 0) {
        return NULL;
    }
    if (n_thresholds == 0 || n_thresholds > MAX_WINDOWS) {
        PyErr_SetString(PyExc_ValueError, "thresholds: expected 1 to 8 of them");
        return NULL;
    }
    Py_buffer pb, lb, ob;
    if (get_array(p_obj, &pb, F64, 8, 0, -1, 0, "p") < 0) {
        return NULL;
    }
    Py_ssize_t n = pb.len / 8;
    Py_ssize_t rows = 1 + n_shifts + n_windows + 1 + 2 * n_thresholds;
    if (get_array(lens_obj, &lb, I64, 8, n, n, 0, "lens") < 0) {
        PyBuffer_Release(&pb);
        return NULL;
    }
    if (get_array(out_obj, &ob, F64, 8, rows * n, rows * n, 1, "out") < 0) {
        PyBuffer_Release(&pb);
        PyBuffer_Release(&lb);
        return NULL;
    }
    double thresholds[MAX_WINDOWS];
    for (Py_ssize_t t = 0; t < n_thresholds; t++) {
        thresholds[t] = PyFloat_AsDouble(PyTuple_GET_ITEM(thresholds_obj, t));
        if (thresholds[t] == -1.0 && PyErr_Occurred()) {
            goto fail;
        }
    }
    const double *p = pb.buf;
    const int64_t *lens = lb.buf;
    double *o = ob.buf;
    /* scratch: running sums (n + 1), then each line's gain (n) */
    double *sums = PyMem_Malloc(sizeof(double) * (size_t)(2 * n + 1));
    if (sums == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    double *gain = sums + n + 1;
    Py_ssize_t row = 0;
    memcpy(o, p, sizeof(double) * (size_t)n);
    row++;
    for (Py_ssize_t j = 0; j < n_shifts; j++, row++) {
        shift_into(o + row * n, p, n, shifts[j]);
    }
    running_sums(sums, p, n);
    for (Py_ssize_t j = 0; j < n_windows; j++, row++) {
        window_mean_into(o + row * n, sums, n, windows[j]);
    }
    weighted_mean_row(o + row * n, p, lens, n);
    row++;
    for (Py_ssize_t t = 0; t < n_thresholds; t++, row += 2) {
        best_run_rows(o + row * n, o + (row + 1) * n, p, lens, n, thresholds[t], sums, gain);
    }
    PyMem_Free(sums);
    PyBuffer_Release(&pb);
    PyBuffer_Release(&lb);
    PyBuffer_Release(&ob);
    Py_RETURN_NONE;

fail:
    PyBuffer_Release(&pb);
    PyBuffer_Release(&lb);
    PyBuffer_Release(&ob);
    return NULL;
}

/* main_region(p, lens, threshold[, kept, doubt_below, min_chars]) -> (first, last)
 *
 * features.main_region: the run of lines maximising sum((p - threshold) * max(len, 1)). With
 * `kept` (a bool per line), a kept line whose p is below `doubt_below` counts at least
 * `min_chars` characters (the classifier's region lengths, cleaners/classifier.py), in the same
 * pass instead of four numpy calls. */
static PyObject *
main_region(PyObject *self, PyObject *args)
{
    PyObject *p_obj, *lens_obj, *kept_obj = NULL;
    double threshold, doubt_below = 0.0;
    long long min_chars = 0;
    if (!PyArg_ParseTuple(args, "OOd|OdL", &p_obj, &lens_obj, &threshold, &kept_obj, &doubt_below,
                          &min_chars)) {
        return NULL;
    }
    Py_buffer pb, lb, kb = {0};
    if (get_array(p_obj, &pb, F64, 8, 1, -1, 0, "p") < 0) {
        return NULL;
    }
    Py_ssize_t n = pb.len / 8;
    if (get_array(lens_obj, &lb, I64, 8, n, n, 0, "lens") < 0) {
        PyBuffer_Release(&pb);
        return NULL;
    }
    if (kept_obj != NULL && get_array(kept_obj, &kb, U8, 1, n, n, 0, "kept") < 0) {
        PyBuffer_Release(&pb);
        PyBuffer_Release(&lb);
        return NULL;
    }
    double *sums = PyMem_Malloc(sizeof(double) * (size_t)(2 * n + 1));
    if (sums == NULL) {
        PyBuffer_Release(&pb);
        PyBuffer_Release(&lb);
        if (kept_obj != NULL) {
            PyBuffer_Release(&kb);
        }
        return PyErr_NoMemory();
    }
    double *gain = sums + n + 1;
    const double *p = pb.buf;
    const int64_t *lens = lb.buf;
    const unsigned char *kept = kept_obj != NULL ? kb.buf : NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        int64_t len = lens[i];
        if (kept != NULL && kept[i] && p[i] < doubt_below && len < min_chars) {
            len = min_chars;
        }
        gain[i] = (p[i] - threshold) * (double)(len > 1 ? len : 1);
    }
    Py_ssize_t first, last;
    best_run(gain, sums, n, &first, &last);
    PyMem_Free(sums);
    PyBuffer_Release(&pb);
    PyBuffer_Release(&lb);
    if (kept_obj != NULL) {
        PyBuffer_Release(&kb);
    }
    return Py_BuildValue("(nn)", first, last);
}


/* verdict_lines(p, either, kept, lo, hi, threshold) -> (before, inside, after)
 *
 * The kept lines the classifier judges not body, as three lists of indices in page order: those
 * before line lo and after line hi (the main region) where p < threshold, and those inside it
 * where p and either are both below threshold. p and either are float64, kept bool (uint8), all
 * of one length, and 0 <= lo <= hi < that length. What classifier._verdict_groups did in a dozen
 * numpy calls, each costing more than its arithmetic at a page's size. */
static PyObject *
verdict_lines(PyObject *self, PyObject *args)
{
    PyObject *p_obj, *either_obj, *kept_obj;
    Py_ssize_t lo, hi;
    double threshold;
    if (!PyArg_ParseTuple(args, "OOOnnd", &p_obj, &either_obj, &kept_obj, &lo, &hi, &threshold)) {
        return NULL;
    }
    Py_buffer pb, eb, kb;
    if (get_array(p_obj, &pb, F64, 8, 1, -1, 0, "p") < 0) {
        return NULL;
    }
    Py_ssize_t n = pb.len / 8;
    if (get_array(either_obj, &eb, F64, 8, n, n, 0, "either") < 0) {
        PyBuffer_Release(&pb);
        return NULL;
    }
    if (get_array(kept_obj, &kb, U8, 1, n, n, 0, "kept") < 0) {
        PyBuffer_Release(&pb);
        PyBuffer_Release(&eb);
        return NULL;
    }
    PyObject *lists[3] = {NULL, NULL, NULL}, *result = NULL;
    if (lo < 0 || hi < lo || hi >= n) {
        PyErr_SetString(PyExc_ValueError, "verdict_lines: expected 0 <= lo <= hi < len(p)");
        goto done;
    }
    for (int k = 0; k < 3; k++) {
        if ((lists[k] = PyList_New(0)) == NULL) {
            goto done;
        }
    }
    const double *p = pb.buf, *either = eb.buf;
    const unsigned char *kept = kb.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!kept[i] || !(p[i] < threshold)) {
            continue;
        }
        int group = i < lo ? 0 : i > hi ? 2 : 1;
        if (group == 1 && !(either[i] < threshold)) {
            continue;
        }
        if (append_index(lists[group], i) < 0) {
            goto done;
        }
    }
    result = PyTuple_Pack(3, lists[0], lists[1], lists[2]);
done:
    for (int k = 0; k < 3; k++) {
        Py_XDECREF(lists[k]);
    }
    PyBuffer_Release(&pb);
    PyBuffer_Release(&eb);
    PyBuffer_Release(&kb);
    return result;
}

/* maximum_into(a, b, out): out[i] = the larger of a[i] and b[i], as numpy's maximum gives it (a
 * NaN in either gives NaN; b on a tie, so of two zeros the second), for float64 arrays of one length: the classifier's
 * `either`, without numpy's ufunc machinery, whose first call after another program's work cost
 * about 15 microseconds a page in the speed bench (classifier._verdict_groups). */
static PyObject *
maximum_into(PyObject *self, PyObject *args)
{
    PyObject *a_obj, *b_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "OOO", &a_obj, &b_obj, &out_obj)) {
        return NULL;
    }
    Py_buffer ab, bb, ob;
    if (get_array(a_obj, &ab, F64, 8, 0, -1, 0, "a") < 0) {
        return NULL;
    }
    Py_ssize_t n = ab.len / 8;
    if (get_array(b_obj, &bb, F64, 8, n, n, 0, "b") < 0) {
        PyBuffer_Release(&ab);
        return NULL;
    }
    if (get_array(out_obj, &ob, F64, 8, n, n, 1, "out") < 0) {
        PyBuffer_Release(&ab);
        PyBuffer_Release(&bb);
        return NULL;
    }
    const double *a = ab.buf, *b = bb.buf;
    double *out = ob.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = (a[i] > b[i] || a[i] != a[i]) ? a[i] : b[i];
    }
    PyBuffer_Release(&ab);
    PyBuffer_Release(&bb);
    PyBuffer_Release(&ob);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"maximum_into", maximum_into, METH_VARARGS,
     "maximum_into(a, b, out): out = numpy.maximum(a, b) for float64 arrays (classifier._verdict_groups)."},
    {"verdict_lines", verdict_lines, METH_VARARGS,
     "verdict_lines(p, either, kept, lo, hi, threshold) -> (before, inside, after): the kept lines "
     "judged not body (classifier._verdict_groups)."},
    {"main_region", main_region, METH_VARARGS,
     "main_region(p, lens, threshold[, kept, doubt_below, min_chars]) -> (first, last): the best run "
     "of lines (features.main_region)."},
    {"context_rows", context_rows, METH_VARARGS,
     "context_rows(base, out, of, prose, shifts, windows): the context features (features._context_rows)."},
    {"rhythm_rows", rhythm_rows, METH_VARARGS,
     "rhythm_rows(base, out, rows, periods, windows, length_window, date_window, slack, "
     "date_digit_share, date_max_words, prose_min_words): the card-rhythm features (features._rhythm_rows)."},
    {"stacked_rows", stacked_rows, METH_VARARGS,
     "stacked_rows(p, lens, out, shifts, windows, thresholds): the stacked features (features.stacked_rows_into)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_pagecontext",
    "The line classifier's context and stacked features (see cleaner/features.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__pagecontext(void)
{
    intlog_init();
    return PyModule_Create(&module);
}
