/* cleaner._forest: the logits of gradient-boosted trees (cleaner/forest.py) for a page's blocks.
 *
 * numpy walks every block down every tree one level at a time, as many levels as the deepest
 * tree has, gathering from arrays at each step: for a page of 400 blocks and 300 trees that is
 * tens of milliseconds. Here each block walks each tree only as deep as its own leaf, a tree at a
 * time over all blocks (so the tree's nodes stay in the first-level cache). The logit of a block
 * is the base plus each tree's leaf value added in tree order, as the numpy path adds them: the
 * very same float64 values.
 *
 * Memory safety: every buffer's type code, item size and length are checked (buffers.h), and every
 * node's feature and children are checked to lie inside their arrays before any walk, so a wrong
 * model can raise a ValueError but never read past a buffer. A walk stops after `depth` steps
 * whatever the children say, so a model with a cycle cannot hang. */
#include "buffers.h"

/* Rows walked side by side (see logits). */
#define LANES 8
/* Rows that walk every tree before the next rows start: their features (141 float64 values a
 * block) stay in the second-level cache while all trees read them. */
#define BLOCK 64

/* logits(x, feature, threshold, left, right, value, roots, depth, base, out): out[i] = base +
 * sum over trees t of value[leaf(i, t)], where x is (n, k) float64, the node arrays hold m items
 * (feature, left, right int32; threshold, value float64), roots the trees' first nodes (int32),
 * and out n float64. A row goes to left[node] when x[i, feature[node]] <= threshold[node], else to
 * right[node]; a node whose left child is itself is a leaf. */
static PyObject *
logits(PyObject *self, PyObject *args)
{
    PyObject *objs[8];
    Py_ssize_t depth;
    double base;
    if (!PyArg_ParseTuple(args, "OOOOOOOndO", &objs[0], &objs[1], &objs[2], &objs[3], &objs[4],
                          &objs[5], &objs[6], &depth, &base, &objs[7])) {
        return NULL;
    }
    Py_buffer x, feature, threshold, left, right, value, roots, out;
    Py_buffer *views[8] = {&x, &feature, &threshold, &left, &right, &value, &roots, &out};
    int got = 0;
    PyObject *result = NULL;

    if (get_array(objs[0], &x, F64, 8, 0, -1, 0, "x") < 0) {
        goto done;
    }
    got = 1;
    if (x.ndim != 2) {
        PyErr_SetString(PyExc_ValueError, "x: expected a feature row a block");
        goto done;
    }
    Py_ssize_t n = x.shape[0], k = x.shape[1];
    if (get_array(objs[1], &feature, I32, 4, 0, -1, 0, "feature") < 0) {
        goto done;
    }
    got = 2;
    Py_ssize_t m = feature.len / 4;
    const char *names[8] = {"x", "feature", "threshold", "left", "right", "value", "roots", "out"};
    const char *codes[8] = {F64, I32, F64, I32, I32, F64, I32, F64};
    Py_ssize_t sizes[8] = {8, 4, 8, 4, 4, 8, 4, 8};
    for (int a = 2; a < 8; a++) {
        Py_ssize_t exact = a == 6 ? -1 : (a == 7 ? n : m);
        if (get_array(objs[a], views[a], codes[a], sizes[a], 0, exact, a == 7, names[a]) < 0) {
            goto done;
        }
        got = a + 1;
    }
    const int *f = feature.buf, *l = left.buf, *r = right.buf, *root = roots.buf;
    const double *thr = threshold.buf, *val = value.buf, *rows = x.buf;
    double *z = out.buf;
    Py_ssize_t trees = roots.len / 4;
    for (Py_ssize_t j = 0; j < m; j++) {
        if (f[j] < 0 || f[j] >= k || l[j] < 0 || l[j] >= m || r[j] < 0 || r[j] >= m) {
            PyErr_Format(PyExc_ValueError, "node %zd: a feature or child out of range", j);
            goto done;
        }
    }
    for (Py_ssize_t t = 0; t < trees; t++) {
        if (root[t] < 0 || root[t] >= m) {
            PyErr_Format(PyExc_ValueError, "tree %zd: its root is out of range", t);
            goto done;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        z[i] = base;
    }
    /* BLOCK rows at a time walk every tree; within them, LANES rows walk a tree side by side, a
     * step each in turn: one row's walk is a chain of dependent loads (node, feature, value,
     * child), and interleaving several chains lets the processor overlap them. A row at its leaf
     * steps to itself (threshold +inf, both children the leaf), so the lanes step together until
     * all are at a leaf or `depth` steps are done. Each row still adds its leaves in tree order. */
    for (Py_ssize_t b0 = 0; b0 < n; b0 += BLOCK) {
        const Py_ssize_t b1 = b0 + BLOCK < n ? b0 + BLOCK : n;
        for (Py_ssize_t t = 0; t < trees; t++) {
            for (Py_ssize_t i0 = b0; i0 < b1; i0 += LANES) {
                const int lanes = b1 - i0 < LANES ? (int)(b1 - i0) : LANES;
                int node[LANES];
                const double *row[LANES];
                for (int j = 0; j < lanes; j++) {
                    node[j] = root[t];
                    row[j] = rows + (i0 + j) * k;
                }
                for (Py_ssize_t step = 0; step < depth; step++) {
                    int walking = 0;
                    for (int j = 0; j < lanes; j++) {
                        const int nd = node[j];
                        walking |= l[nd] != nd;
                        node[j] = row[j][f[nd]] <= thr[nd] ? l[nd] : r[nd];
                    }
                    if (!walking) {
                        break;
                    }
                }
                for (int j = 0; j < lanes; j++) {
                    z[i0 + j] += val[node[j]];
                }
            }
        }
    }
    Py_INCREF(Py_None);
    result = Py_None;
done:
    for (int a = 0; a < got; a++) {
        PyBuffer_Release(views[a]);
    }
    return result;
}

static PyMethodDef methods[] = {
    {"logits", logits, METH_VARARGS, "Each block's logit under gradient-boosted trees."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_forest", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__forest(void)
{
    return PyModule_Create(&module);
}
