/* Python lists of line indices, shared by the accelerators that return them a line at a time (the
 * line scan, the classifier's verdicts; the Document's kept lines are counted first and made at
 * their size). */
#ifndef CLEANER_PYLIST_H
#define CLEANER_PYLIST_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Append index i to list; -1 with an exception when that fails. */
static inline int
append_index(PyObject *list, Py_ssize_t i)
{
    PyObject *index = PyLong_FromSsize_t(i);
    if (index == NULL) {
        return -1;
    }
    int failed = PyList_Append(list, index);
    Py_DECREF(index);
    return failed;
}

#endif
