/* cleaner._mlpinput: the line model's input, cast to float32 and clipped, in one pass.
 *
 * The features are built a feature a row (float64); the perceptron reads a line a row (float32),
 * each value clipped to its feature's bounds (cleaner/model.py, Mlp.proba). numpy does this as a
 * transposing cast and a clip against per-column bounds, which together cost more than the
 * matrix product after them. Here one pass writes each value cast, then clipped in float32:
 * the same operations in the same order, so the very same float32 values.
 *
 * Memory safety: every buffer's type code, item size and length are checked (buffers.h). */
#include "buffers.h"

/* clip_rows(rows, lo, hi, out): out[i, j] = min(max(float32(rows[j, i]), lo[j]), hi[j]), where
 * rows is (k, n) float64, lo and hi hold k float32 values and out is (n, k) float32. */
static PyObject *
clip_rows(PyObject *self, PyObject *args)
{
    PyObject *rows_obj, *lo_obj, *hi_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "OOOO", &rows_obj, &lo_obj, &hi_obj, &out_obj)) {
        return NULL;
    }
    Py_buffer rows, lo, hi, out;
    if (get_array(rows_obj, &rows, "d", 8, 0, -1, 0, "rows") < 0) {
        return NULL;
    }
    if (rows.ndim != 2) {
        PyErr_SetString(PyExc_ValueError, "rows: expected features as rows of lines");
        PyBuffer_Release(&rows);
        return NULL;
    }
    Py_ssize_t k = rows.shape[0], n = rows.shape[1];
    if (get_array(lo_obj, &lo, "f", 4, k, k, 0, "lo") < 0) {
        PyBuffer_Release(&rows);
        return NULL;
    }
    if (get_array(hi_obj, &hi, "f", 4, k, k, 0, "hi") < 0) {
        PyBuffer_Release(&rows);
        PyBuffer_Release(&lo);
        return NULL;
    }
    if (get_array(out_obj, &out, "f", 4, n * k, n * k, 1, "out") < 0) {
        PyBuffer_Release(&rows);
        PyBuffer_Release(&lo);
        PyBuffer_Release(&hi);
        return NULL;
    }
    const double *x = rows.buf;
    const float *low = lo.buf, *high = hi.buf;
    float *o = out.buf;
    for (Py_ssize_t j = 0; j < k; j++) {
        const double *row = x + j * n;
        float a = low[j], b = high[j];
        for (Py_ssize_t i = 0; i < n; i++) {
            float v = (float)row[i];
            /* np.clip's own order and ties: the larger of v and lo (v when NaN, lo on a tie,
             * as in signed zeros), then the smaller of that and hi */
            v = (v > a || v != v) ? v : a;
            v = (v < b || v != v) ? v : b;
            o[i * k + j] = v;
        }
    }
    PyBuffer_Release(&rows);
    PyBuffer_Release(&lo);
    PyBuffer_Release(&hi);
    PyBuffer_Release(&out);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"clip_rows", clip_rows, METH_VARARGS,
     "clip_rows(rows, lo, hi, out): the model's float32 input, a line a row, clipped (model.Mlp.proba)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_mlpinput",
    "The line model's input cast to float32 and clipped in one pass (see cleaner/model.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__mlpinput(void)
{
    return PyModule_Create(&module);
}
