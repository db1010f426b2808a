/* The line model's forward pass (mlpforward.c), included once for each instruction set it is
 * compiled for: K(name) gives this inclusion's names, GROUP how many output columns go through at a
 * time (as many as the vector registers hold). Compiling every helper for the instruction set of
 * the pass that inlines it keeps the compiler from lowering their vector operations for another. */

/* The larger of v and lo (v when NaN), then the smaller of that and hi: np.clip's order. */
INLINE vec K(clip)(vec v, float lo, float hi)
{
    ivec nan = v != v;
    ivec up = (v > lo) | nan, down = (v < hi) | nan;
    v = (vec)(((ivec)v & up) | ((ivec)((vec){0} + lo) & ~up));
    return (vec)(((ivec)v & down) | ((ivec)((vec){0} + hi) & ~down));
}

/* max(v, 0) as numpy's maximum gives it, NaN kept. */
INLINE vec K(relu)(vec v)
{
    ivec keep = (v > 0.0f) | (v != v);
    return (vec)((ivec)v & keep);
}

/* `group` output columns c.. of one block for the tile's lines, the activations stored a column
 * at a time (TILE_VECS vectors each, of which the first `vecs` are worked out): y[c + u] =
 * relu(b[c + u] + sum_j x[j] * w[j][c + u]), where x holds the block's k input columns and w's
 * rows are `ws` apart. Each line is one lane, its sum the same steps in any tile. */
INLINE void
K(columns)(const vec *x, Py_ssize_t k, const float *w, Py_ssize_t ws, const float *b, vec *y, const int group,
           const int vecs)
{
    vec acc[8][TILE_VECS];
    for (int u = 0; u < group; u++) {
        for (int h = 0; h < vecs; h++) {
            acc[u][h] = (vec){0} + b[u];
        }
    }
    for (Py_ssize_t j = 0; j < k; j++) {
        const float *wj = w + j * ws;
        for (int h = 0; h < vecs; h++) {
            vec xj = x[j * TILE_VECS + h];
            for (int u = 0; u < group; u++) {
                acc[u][h] += xj * wj[u];
            }
        }
    }
    for (int u = 0; u < group; u++) {
        for (int h = 0; h < vecs; h++) {
            y[u * TILE_VECS + h] = K(relu)(acc[u][h]);
        }
    }
}

/* A layer of L->blocks diagonal blocks, each k inputs by m outputs (w: blocks x k x m), over the
 * tile's first `vecs` vectors of lines: x holds blocks * k columns, y gets blocks * m. */
INLINE void
K(layer)(const vec *x, const Layer *L, vec *y, const int group, const int vecs)
{
    Py_ssize_t k = L->k, m = L->m;
    for (Py_ssize_t q = 0; q < L->blocks; q++) {
        const vec *xq = x + q * k * TILE_VECS;
        const float *wq = L->w + q * k * m, *bq = L->b + q * m;
        vec *yq = y + q * m * TILE_VECS;
        Py_ssize_t c = 0;
        for (; c + group <= m; c += group) {
            K(columns)(xq, k, wq + c, m, bq + c, yq + c * TILE_VECS, group, vecs);
        }
        for (; group > 4 && c + 4 <= m; c += 4) {
            K(columns)(xq, k, wq + c, m, bq + c, yq + c * TILE_VECS, 4, vecs);
        }
        for (; c < m; c++) {
            K(columns)(xq, k, wq + c, m, bq + c, yq + c * TILE_VECS, 1, vecs);
        }
    }
}

/* Every line of the page through the network: p[i] for each of the n lines of rows (k0 features a
 * row, n lines a column), TILE lines at a time. `buf` holds TILE_VECS * (k0 + 2 * widest) vectors. */
static void
K(forward)(const double *rows, Py_ssize_t k0, Py_ssize_t n, const float *lo, const float *hi,
          const Layer *layers, int depth, const float *out, float out_b, double *p, vec *buf,
          Py_ssize_t widest)
{
    vec *x = buf, *h[2] = {buf + k0 * TILE_VECS, buf + (k0 + widest) * TILE_VECS};
    for (Py_ssize_t i0 = 0; i0 < n; i0 += TILE) {
        Py_ssize_t lines = n - i0 < TILE ? n - i0 : TILE;
        /* the tile's input, cast and clipped as clip_rows does (lines past the page's end zero) */
        for (Py_ssize_t j = 0; j < k0; j++) {
            const double *row = rows + j * n + i0;
            for (int hv = 0; hv < TILE_VECS; hv++) {
                vec v = {0};
                Py_ssize_t t0 = hv * LANES;
                if (lines >= t0 + LANES) {
                    for (int t = 0; t < LANES; t++) {
                        v[t] = (float)row[t0 + t];
                    }
                } else {
                    for (Py_ssize_t t = 0; t0 + t < lines; t++) {
                        v[t] = (float)row[t0 + t];
                    }
                }
                x[j * TILE_VECS + hv] = K(clip)(v, lo[j], hi[j]);
            }
        }
        /* a page's last tile, when it holds no more lines than one vector, works out that one
         * alone: half a tile of lines past the page's end is a tenth of a page of 170 lines */
        const int vecs = lines > LANES ? TILE_VECS : 1;
        const vec *in = x;
        for (int d = 0; d < depth; d++) {
            if (vecs == TILE_VECS) {
                K(layer)(in, &layers[d], h[d & 1], GROUP, TILE_VECS);
            } else {
                K(layer)(in, &layers[d], h[d & 1], GROUP, 1);
            }
            in = h[d & 1];
        }
        Py_ssize_t m = layers[depth - 1].blocks * layers[depth - 1].m;
        for (int hv = 0; hv < vecs; hv++) {
            vec z = (vec){0} + out_b;
            for (Py_ssize_t c = 0; c < m; c++) {
                z += in[c * TILE_VECS + hv] * out[c];
            }
            for (Py_ssize_t t = 0; t < LANES && hv * LANES + t < lines; t++) {
                p[i0 + hv * LANES + t] = (double)(1.0f / (expf(-z[t]) + 1.0f));
            }
        }
    }
}
