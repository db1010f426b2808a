/* cleaner._document: the Document's per-line bookkeeping (cleaner/document.py) in one C loop
 * each: the lines' lengths and which are kept, as numpy arrays, and dropping many lines for one
 * rule; the kept lines' indices, and their texts joined (the body).
 *
 * A page drops most of its lines (the line model alone a hundred or so), and each drop made in
 * Python (the test, the Removal tuple, the log, the lengths) cost about a quarter of a microsecond;
 * filling an array from a Python iterator costs some sixty nanoseconds a line. Together that was
 * several percent of cleaning a page. The results are exactly the Python path's: the same Removal
 * tuples (allocated as tuple.__new__ allocates a tuple subclass), the same log, the same counts.
 * Arrays are read through the buffer protocol with their sizes checked (buffers.h). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "buffers.h"

/* lengths_into(texts, out): out[i] = len(texts[i]) (out: int64, one item a line). */
static PyObject *
lengths_into(PyObject *self, PyObject *args)
{
    PyObject *texts, *out;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &texts, &out)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(texts);
    Py_buffer view;
    if (get_array(out, &view, I64, 8, n, n, 1, "lengths_into: out") < 0) {
        return NULL;
    }
    int64_t *lens = view.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_TypeError, "lengths_into: texts must be str");
            return NULL;
        }
        lens[i] = PyUnicode_GET_LENGTH(text);
    }
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

/* kept_into(dropped, out): out[i] = dropped[i] is None (out: bool, one item a line). */
static PyObject *
kept_into(PyObject *self, PyObject *args)
{
    PyObject *dropped, *out;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &dropped, &out)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(dropped);
    Py_buffer view;
    if (get_array(out, &view, U8, 1, n, n, 1, "kept_into: out") < 0) {
        return NULL;
    }
    unsigned char *kept = view.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        kept[i] = PyList_GET_ITEM(dropped, i) == Py_None;
    }
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

/* kept(dropped) -> [i for i, d in enumerate(dropped) if d is None]. After the line model most of
 * a page is dropped, and the steps after it (and the result) walk the few kept lines: a Python
 * test a line cost more than their own work. */
static PyObject *
kept(PyObject *self, PyObject *args)
{
    PyObject *dropped;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &dropped)) {
        return NULL;
    }
    /* counted first and the list made at its size: appending grew it a dozen times a page, and
     * a page asks for its kept lines some six times */
    Py_ssize_t n = PyList_GET_SIZE(dropped), count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        count += PyList_GET_ITEM(dropped, i) == Py_None;
    }
    PyObject *out = PyList_New(count);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0, k = 0; i < n; i++) {
        if (PyList_GET_ITEM(dropped, i) != Py_None) {
            continue;
        }
        PyObject *index = PyLong_FromSsize_t(i);
        if (index == NULL) {
            Py_DECREF(out);   /* (the slots not filled yet are NULL, which a list's dealloc skips) */
            return NULL;
        }
        PyList_SET_ITEM(out, k++, index);
    }
    return out;
}

/* join_kept(texts, dropped, sep) -> sep.join(the texts whose line is kept, in order). */
static PyObject *
join_kept(PyObject *self, PyObject *args)
{
    PyObject *texts, *dropped, *sep;
    if (!PyArg_ParseTuple(args, "O!O!U", &PyList_Type, &texts, &PyList_Type, &dropped, &sep)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(texts);
    if (PyList_GET_SIZE(dropped) != n) {
        PyErr_SetString(PyExc_ValueError, "join_kept: texts and dropped differ in length");
        return NULL;
    }
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyList_GET_ITEM(dropped, i) == Py_None && PyList_Append(parts, PyList_GET_ITEM(texts, i)) < 0) {
            Py_DECREF(parts);
            return NULL;
        }
    }
    PyObject *joined = PyUnicode_Join(sep, parts);  /* (raises TypeError for a text that is no str) */
    Py_DECREF(parts);
    return joined;
}

/* A new `type` (a tuple subclass) holding (text, cleaner, rule, index), made as tuple.__new__
 * makes a subclass's instance: allocated by the type, then filled. */
static PyObject *
new_removal(PyTypeObject *type, PyObject *text, PyObject *cleaner, PyObject *rule, Py_ssize_t index)
{
    PyObject *number = PyLong_FromSsize_t(index);
    if (number == NULL) {
        return NULL;
    }
    PyObject *removal = type->tp_alloc(type, 4);
    if (removal == NULL) {
        Py_DECREF(number);
        return NULL;
    }
    Py_INCREF(text);
    Py_INCREF(cleaner);
    Py_INCREF(rule);
    PyTuple_SET_ITEM(removal, 0, text);
    PyTuple_SET_ITEM(removal, 1, cleaner);
    PyTuple_SET_ITEM(removal, 2, rule);
    PyTuple_SET_ITEM(removal, 3, number);
    return removal;
}

/* drop_all(dropped, texts, indices, removal_type, cleaner, rule, log) -> characters dropped.
 * For each index whose line is still kept: dropped[i] = removal_type((texts[i], cleaner, rule,
 * i)) and i appended to log; the lengths of the texts dropped are summed. */
static PyObject *
drop_all(PyObject *self, PyObject *args)
{
    PyObject *dropped, *texts, *indices, *type, *cleaner, *rule, *log;
    if (!PyArg_ParseTuple(args, "O!O!OO!UUO!", &PyList_Type, &dropped, &PyList_Type, &texts, &indices,
                          &PyType_Type, &type, &cleaner, &rule, &PyList_Type, &log)) {
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "drop_all: removal_type must be a tuple subclass");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(dropped);
    if (PyList_GET_SIZE(texts) != n) {
        PyErr_SetString(PyExc_ValueError, "drop_all: texts and dropped differ in length");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(indices, "drop_all: indices must be a sequence of ints");
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t m = PySequence_Fast_GET_SIZE(seq);
    long long lost = 0;
    for (Py_ssize_t k = 0; k < m; k++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, k);
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);  /* (any integer: numpy's too) */
        if (i == -1 && PyErr_Occurred()) {
            goto fail;
        }
        if (i < 0 || i >= n) {
            PyErr_Format(PyExc_IndexError, "drop_all: line %zd is not on a page of %zd lines", i, n);
            goto fail;
        }
        if (PyList_GET_ITEM(dropped, i) != Py_None) {
            continue;
        }
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "drop_all: texts must be str");
            goto fail;
        }
        PyObject *removal = new_removal((PyTypeObject *)type, text, cleaner, rule, i);
        if (removal == NULL) {
            goto fail;
        }
        PyList_SetItem(dropped, i, removal);  /* (steals the removal, releases the None) */
        PyObject *number = PyTuple_GET_ITEM(removal, 3);
        if (PyList_Append(log, number) < 0) {
            goto fail;
        }
        lost += PyUnicode_GET_LENGTH(text);
    }
    Py_DECREF(seq);
    return PyLong_FromLongLong(lost);

fail:
    Py_DECREF(seq);
    return NULL;
}

static PyMethodDef methods[] = {
    {"lengths_into", lengths_into, METH_VARARGS, "lengths_into(texts, out): out[i] = len(texts[i])."},
    {"kept_into", kept_into, METH_VARARGS, "kept_into(dropped, out): out[i] = dropped[i] is None."},
    {"kept", kept, METH_VARARGS, "kept(dropped) -> the indices of the lines whose dropped[i] is None."},
    {"join_kept", join_kept, METH_VARARGS, "join_kept(texts, dropped, sep) -> sep.join(the kept lines' texts)."},
    {"drop_all", drop_all, METH_VARARGS,
     "drop_all(dropped, texts, indices, removal_type, cleaner, rule, log) -> characters dropped."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_document",
    "The Document's per-line bookkeeping in one C loop each (see cleaner/document.py).", -1, methods,
};

PyMODINIT_FUNC
PyInit__document(void)
{
    return PyModule_Create(&module);
}
