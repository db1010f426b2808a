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

/* Lines cast and clipped together (see clip_rows): eight float64 values are one cache line. */
#define TILE 8

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
    /* A tile of TILE lines at a time: each feature's values for them are one cache line read,
     * and the TILE output rows they go to stay in the first-level cache while every feature is
     * written into them (a feature at a time over all lines wrote each value to another line of
     * memory, which cost as much again once the page was larger than that cache). */
    for (Py_ssize_t i0 = 0; i0 < n; i0 += TILE) {
        Py_ssize_t i1 = i0 + TILE < n ? i0 + TILE : n;
        for (Py_ssize_t j = 0; j < k; j++) {
            const double *row = x + j * n;
            float a = low[j], b = high[j];
            for (Py_ssize_t i = i0; i < i1; i++) {
                float v = (float)row[i];
                /* np.clip's own order and ties: the larger of v and lo (v when NaN, lo on a tie,
                 * as in signed zeros), then the smaller of that and hi */
                v = (v > a || v != v) ? v : a;
                v = (v < b || v != v) ? v : b;
                o[i * k + j] = v;
            }
        }
    }
    PyBuffer_Release(&rows);
    PyBuffer_Release(&lo);
    PyBuffer_Release(&hi);
    PyBuffer_Release(&out);
    Py_RETURN_NONE;
}

/* bias_relu(h, bias): h[i, j] = max(h[i, j] + bias[j], 0) in place, for h (n, m) float32 and m
 * float32 biases: a layer's bias and ReLU in one pass, where numpy takes two calls (each costing
 * more than its arithmetic at a page's size). The same float32 additions, and numpy's maximum
 * (NaN kept, and the value itself on a tie, so -0.0 stays -0.0), so the same values. */
static PyObject *
bias_relu(PyObject *self, PyObject *args)
{
    PyObject *h_obj, *bias_obj;
    if (!PyArg_ParseTuple(args, "OO", &h_obj, &bias_obj)) {
        return NULL;
    }
    Py_buffer h, bias;
    if (get_array(bias_obj, &bias, "f", 4, 1, -1, 0, "bias") < 0) {
        return NULL;
    }
    Py_ssize_t m = bias.len / 4;
    if (get_array(h_obj, &h, "f", 4, 0, -1, 1, "h") < 0) {
        PyBuffer_Release(&bias);
        return NULL;
    }
    if (h.ndim != 2 || h.shape[1] != m) {
        PyErr_SetString(PyExc_ValueError, "h: expected a row of len(bias) values a line");
        PyBuffer_Release(&h);
        PyBuffer_Release(&bias);
        return NULL;
    }
    Py_ssize_t n = h.shape[0];
    float *v = h.buf;
    const float *b = bias.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        float *row = v + i * m;
        for (Py_ssize_t j = 0; j < m; j++) {
            float z = row[j] + b[j];
            row[j] = (z >= 0.0f || z != z) ? z : 0.0f;
        }
    }
    PyBuffer_Release(&h);
    PyBuffer_Release(&bias);
    Py_RETURN_NONE;
}

/* negated_sum(z, bias): z[i] = -(z[i] + bias) in place, float32: the output layer's bias and
 * the logistic's negation in one pass, where numpy takes two calls; the same float32 addition and
 * a sign flip, so the same values. */
static PyObject *
negated_sum(PyObject *self, PyObject *args)
{
    PyObject *z_obj;
    float bias;
    if (!PyArg_ParseTuple(args, "Of", &z_obj, &bias)) {
        return NULL;
    }
    Py_buffer z;
    if (get_array(z_obj, &z, "f", 4, 0, -1, 1, "z") < 0) {
        return NULL;
    }
    float *v = z.buf;
    Py_ssize_t n = z.len / 4;
    for (Py_ssize_t i = 0; i < n; i++) {
        v[i] = -(v[i] + bias);
    }
    PyBuffer_Release(&z);
    Py_RETURN_NONE;
}

/* logistic_from_exp(e, out): out[i] = float64(1 / (e[i] + 1)) for e = exp(-z) in float32 and out
 * float64 of the same length: the logistic's last steps and the cast for the caller in one pass
 * (numpy: three calls). The same float32 addition and division, so the same values. */
static PyObject *
logistic_from_exp(PyObject *self, PyObject *args)
{
    PyObject *e_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "OO", &e_obj, &out_obj)) {
        return NULL;
    }
    Py_buffer e, out;
    if (get_array(e_obj, &e, "f", 4, 0, -1, 0, "e") < 0) {
        return NULL;
    }
    Py_ssize_t n = e.len / 4;
    if (get_array(out_obj, &out, "d", 8, n, n, 1, "out") < 0) {
        PyBuffer_Release(&e);
        return NULL;
    }
    const float *x = e.buf;
    double *o = out.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        float d = x[i] + 1.0f;
        o[i] = (double)(1.0f / d);
    }
    PyBuffer_Release(&e);
    PyBuffer_Release(&out);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"negated_sum", negated_sum, METH_VARARGS,
     "negated_sum(z, bias): z = -(z + bias) in place, float32 (model.Mlp.proba)."},
    {"logistic_from_exp", logistic_from_exp, METH_VARARGS,
     "logistic_from_exp(e, out): out = float64(1 / (e + 1)) from float32 e (model.Mlp.proba)."},
    {"clip_rows", clip_rows, METH_VARARGS,
     "clip_rows(rows, lo, hi, out): the model's float32 input, a line a row, clipped (model.Mlp.proba)."},
    {"bias_relu", bias_relu, METH_VARARGS,
     "bias_relu(h, bias): h = max(h + bias, 0) in place, float32 (model.Mlp.proba)."},
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
