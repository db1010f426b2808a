/* cleaner._mlpforward: a line model stage's whole forward pass, one call a page.
 *
 * numpy runs a stage (cleaner/model.py, Mlp.proba) as a cast, a matrix product per layer, a bias
 * and ReLU per layer, a dot product and a logistic: ten calls a page, each writing a page-sized
 * array that trafilatura's work has pushed out of the caches by the next page. Here a tile of
 * thirty-two lines at a time goes through every layer while its activations stay in the
 * first-level cache, each column of the tile two vectors of sixteen lines (so any layer width
 * works, and each weight read serves two vector multiply-adds): the input cast to float32 and clipped as
 * `_mlpinput.clip_rows` does, each layer's product with its bias and ReLU, the output's dot
 * product and the logistic.
 *
 * The products sum in another order than OpenBLAS's (bias first, then the inputs in order, with
 * fused multiply-adds where the processor has them), so probabilities differ from numpy's in the
 * last bits of float32 (2e-6 at most over both benchmarks' pages); the pages' bodies are the same
 * (train/README.md). NaN stays NaN and a ReLU keeps it, as numpy's maximum does.
 *
 * A layer is a stack of diagonal blocks (model._diagonal_blocks; a full matrix is one block).
 * Memory safety: every buffer's type code, item size and length are checked (buffers.h), and each
 * layer must read the width the one before gives. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include "buffers.h"

#define LANES 16            /* lines a vector */
#define TILE_VECS 2         /* vectors a column of the tile */
#define TILE (LANES * TILE_VECS)

typedef float vec __attribute__((vector_size(LANES * sizeof(float))));
typedef int ivec __attribute__((vector_size(LANES * sizeof(int))));

/* Compiled for three instruction sets where the compiler can (GCC on x86-64) and picked when the
 * module loads; elsewhere for the target's own. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"   /* vectors pass between inlined helpers, never a call */
#endif
#define INLINE static inline __attribute__((always_inline))

typedef struct {
    const float *w, *b;
    Py_ssize_t blocks, k, m;
} Layer;

#define K(name) name##_generic
#define GROUP 1
#include "mlpkernel.h"
#undef K
#undef GROUP

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define DISPATCH 1
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#define K(name) name##_avx2
#define GROUP 2
#include "mlpkernel.h"
#undef K
#undef GROUP
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f")
#define K(name) name##_avx512
#define GROUP 8
#include "mlpkernel.h"
#undef K
#undef GROUP
#pragma GCC pop_options
#endif

typedef void (*forward_fn)(const double *rows, Py_ssize_t k0, Py_ssize_t n, const float *lo, const float *hi,
                           const Layer *layers, int depth, const float *out, float out_b, double *p, vec *buf,
                           Py_ssize_t widest);

/* The builds this processor runs, best first: the first is the one used. */
typedef struct {
    const char *name;
    forward_fn run;
} Kernel;

static Kernel kernels_here[3];
static int n_kernels;

static void
find_kernels(void)
{
#ifdef DISPATCH
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) {
        kernels_here[n_kernels++] = (Kernel){"avx512", forward_avx512};
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        kernels_here[n_kernels++] = (Kernel){"avx2", forward_avx2};
    }
#endif
    kernels_here[n_kernels++] = (Kernel){"generic", forward_generic};
}

/* kernels() -> the names of the builds this processor runs, the one used first (for the tests,
 * which run each). */
static PyObject *
kernels(PyObject *self, PyObject *args)
{
    PyObject *names = PyTuple_New(n_kernels);
    for (int i = 0; names != NULL && i < n_kernels; i++) {
        PyObject *name = PyUnicode_FromString(kernels_here[i].name);
        if (name == NULL) {
            Py_CLEAR(names);
            break;
        }
        PyTuple_SET_ITEM(names, i, name);
    }
    return names;
}

/* proba(rows, lo, hi, layers, out, out_bias, p[, kernel]): p[i] = the stage's probability for
 * line i, where rows is (k, n) float64 (features as rows), lo and hi hold k float32 bounds, layers
 * is a tuple of (weights, biases) with weights a C-contiguous float32 (blocks, k, m) stack and
 * biases blocks * m float32 values, out the output layer's float32 weights and p n float64 values;
 * `kernel` names one of kernels() (the best by default). */
static PyObject *
proba(PyObject *self, PyObject *args)
{
    PyObject *rows_obj, *lo_obj, *hi_obj, *layers_obj, *out_obj, *p_obj;
    float out_b;
    const char *kernel = NULL;
    if (!PyArg_ParseTuple(args, "OOOO!OfO|s", &rows_obj, &lo_obj, &hi_obj, &PyTuple_Type, &layers_obj,
                          &out_obj, &out_b, &p_obj, &kernel)) {
        return NULL;
    }
    forward_fn forward = kernels_here[0].run;
    if (kernel != NULL) {
        int i = 0;
        while (i < n_kernels && strcmp(kernels_here[i].name, kernel) != 0) {
            i++;
        }
        if (i == n_kernels) {
            PyErr_Format(PyExc_ValueError, "kernel: %s is not built or not run by this processor", kernel);
            return NULL;
        }
        forward = kernels_here[i].run;
    }
    Py_ssize_t depth = PyTuple_GET_SIZE(layers_obj);
    if (depth < 1 || depth > INT_MAX / 4) {
        PyErr_Format(PyExc_ValueError, "layers: expected at least one layer, got %zd", depth);
        return NULL;
    }
    /* the buffers held (rows, lo, hi, each layer's two, out and p) and the layers read */
    Py_buffer *views = PyMem_Malloc(sizeof(Py_buffer) * (size_t)(2 * depth + 5));
    Layer *layers = PyMem_Malloc(sizeof(Layer) * (size_t)depth);
    int held = 0;
    PyObject *result = NULL;
    void *raw = NULL;
    if (views == NULL || layers == NULL) {
        PyErr_NoMemory();
        goto done;
    }
#define GET(obj, codes, size, min, exact, writable, what) \
    if (get_array(obj, &views[held], codes, size, min, exact, writable, what) < 0) goto done; \
    held++;
    GET(rows_obj, F64, 8, 0, -1, 0, "rows");
    Py_buffer *rows = &views[held - 1];
    if (rows->ndim != 2) {
        PyErr_SetString(PyExc_ValueError, "rows: expected features as rows of lines");
        goto done;
    }
    Py_ssize_t k0 = rows->shape[0], n = rows->shape[1], width = k0, widest = 0;
    GET(lo_obj, "f", 4, k0, k0, 0, "lo");
    GET(hi_obj, "f", 4, k0, k0, 0, "hi");
    for (Py_ssize_t d = 0; d < depth; d++) {
        PyObject *pair = PyTuple_GET_ITEM(layers_obj, d);
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_SetString(PyExc_TypeError, "layers: expected (weights, biases) pairs");
            goto done;
        }
        GET(PyTuple_GET_ITEM(pair, 0), "f", 4, 1, -1, 0, "weights");
        Py_buffer *w = &views[held - 1];
        if (w->ndim != 3 || w->shape[0] * w->shape[1] != width || w->shape[2] < 1) {
            PyErr_Format(PyExc_ValueError, "weights: expected (blocks, k, m) with blocks * k == %zd", width);
            goto done;
        }
        Layer *L = &layers[d];
        L->blocks = w->shape[0], L->k = w->shape[1], L->m = w->shape[2], L->w = w->buf;
        width = L->blocks * L->m;
        widest = width > widest ? width : widest;
        GET(PyTuple_GET_ITEM(pair, 1), "f", 4, width, width, 0, "biases");
        L->b = views[held - 1].buf;
    }
    GET(out_obj, "f", 4, width, width, 0, "out");
    const float *out = views[held - 1].buf;
    GET(p_obj, F64, 8, n, n, 1, "p");
    raw = PyMem_Malloc(sizeof(vec) * TILE_VECS * (k0 + 2 * widest) + sizeof(vec));
    if (raw == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* vectors aligned to their size, as the compiler assumes */
    vec *buf = (vec *)(((uintptr_t)raw + sizeof(vec) - 1) & ~(uintptr_t)(sizeof(vec) - 1));
    forward(rows->buf, k0, n, views[1].buf, views[2].buf, layers, (int)depth, out, out_b,
            views[held - 1].buf, buf, widest);
    result = Py_None;
    Py_INCREF(result);
done:
#undef GET
    PyMem_Free(raw);
    while (held > 0) {
        PyBuffer_Release(&views[--held]);
    }
    PyMem_Free(views);
    PyMem_Free(layers);
    return result;
}

static PyMethodDef methods[] = {
    {"proba", proba, METH_VARARGS,
     "proba(rows, lo, hi, layers, out, out_bias, p[, kernel]): a stage's probabilities, "
     "thirty-two lines at a time through every layer (model.Mlp.proba)."},
    {"kernels", kernels, METH_NOARGS, "kernels(): the builds of proba this processor runs, the one used first."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_mlpforward",
    "A line model stage's forward pass in one call a page (see cleaner/model.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__mlpforward(void)
{
    find_kernels();
    return PyModule_Create(&module);
}
