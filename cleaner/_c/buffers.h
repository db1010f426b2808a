/* Reading numpy arrays through the buffer protocol, with their sizes checked.
 *
 * The accelerators take numpy arrays without including numpy's headers (so they build with no
 * numpy at build time, and across numpy versions): every array is a C-contiguous buffer whose
 * item size and element count are checked before any read or write, so a wrong table can raise a
 * ValueError but never reach past the end of a buffer. */
#ifndef CLEANER_BUFFERS_H
#define CLEANER_BUFFERS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The struct-module type codes numpy gives its arrays' buffers, by the C type read. */
#define F64 "d"
#define I64 "lq"
#define U64 "LQ"
#define I32 "i"
#define U16 "H"
#define U8 "B?"

/* Get a C-contiguous buffer of `obj` of at least `min_items` items of `itemsize` bytes (exactly
 * `exact_items` when that is >= 0) whose type code is one of `codes`; `writable` asks for a
 * buffer we may write. On failure an exception is set and -1 returned; on success the caller
 * must PyBuffer_Release(view). */
static int
get_array(PyObject *obj, Py_buffer *view, const char *codes, Py_ssize_t itemsize, Py_ssize_t min_items,
          Py_ssize_t exact_items, int writable, const char *what)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0) {
        return -1;
    }
    /* a type code may carry a byte-order prefix ("<d"): the code is its last character */
    const char *format = view->format ? view->format : "B";
    size_t flen = strlen(format);
    if (flen == 0 || strchr(codes, format[flen - 1]) == NULL) {
        PyErr_Format(PyExc_TypeError, "%s: expected an array of type %s, got %s", what, codes, format);
        PyBuffer_Release(view);
        return -1;
    }
    Py_ssize_t items = view->itemsize ? view->len / view->itemsize : 0;
    if (view->itemsize != itemsize || items < min_items || (exact_items >= 0 && items != exact_items)) {
        PyErr_Format(PyExc_ValueError, "%s: expected %zd-byte items (%zd of them), got %zd-byte items (%zd)",
                     what, itemsize, exact_items >= 0 ? exact_items : min_items, view->itemsize, items);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

#endif
