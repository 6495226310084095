"""指挥调度台 Dispatch Desktop: a police command-and-dispatch workstation (see README.md)."""

import os

# OpenBLAS starts a thread per core for every matrix product; on a shared two-core desk machine those threads
# turned a 0.26 s fit of the analytics' normal values into 10 s and starved the GUI thread. Set before numpy
# is first imported (any entry point imports this package first); a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
