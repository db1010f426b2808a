"""Where the cleaning runs: `local` (worker processes on this machine) or `dask` (a cluster). Both
take records and yield one Outcome per record in input order; the batch runner writes them."""
