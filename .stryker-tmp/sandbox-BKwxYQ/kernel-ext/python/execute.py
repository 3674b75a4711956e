"""Execute one notebook with the litml kernel and write the executed copy.

Usage: python execute.py SOURCE.ipynb EXECUTED.ipynb WORKDIR TIMEOUT_SECONDS

The source is only read. The executed copy is written even when a cell fails (so its
report shows the error), and the exit status is 1 exactly when a cell failed.
"""
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main() -> int:
    source, target, workdir, timeout = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    notebook = nbformat.read(source, as_version=4)
    # The kernel keys its .litml store by notebook path, as Jupyter Server does.
    os.environ["JPY_SESSION_NAME"] = os.path.abspath(source)
    client = NotebookClient(
        notebook,
        kernel_name="litml",
        timeout=timeout,
        startup_timeout=120,
        resources={"metadata": {"path": workdir}},
    )
    started = time.monotonic()
    status = 0
    try:
        client.execute()
    except CellExecutionError as error:
        print(str(error).splitlines()[0] if str(error) else "a cell failed", file=sys.stderr)
        status = 1
    notebook.metadata.setdefault("litml", {})["executed"] = {
        "seconds": round(time.monotonic() - started, 2),
        "kernel": "litml",
    }
    nbformat.write(notebook, target)
    return status


if __name__ == "__main__":
    sys.exit(main())
