"""Execute one notebook with the litml kernel and write the executed copy.

Usage: python execute.py SOURCE.ipynb EXECUTED.ipynb WORKDIR TIMEOUT_SECONDS [--allow-errors]

The source is only read. Events go to file descriptor 3 as JSON lines (to stderr when it is
not open), so that `litml run` can show progress and put every problem into one sentence of
its own; this script never lets a traceback out. Events:
  {"event": "start", "cells": N}                      N code cells to run
  {"event": "cell", "cell": K, "of": N, "seconds": S, "error": {ename, evalue} | null}
  {"event": "end", "status": STATUS, ...}             then the exit status
STATUS is "ok"; "interrupted" (Ctrl-C; the kernel is shut down first, and an
{"event": "interrupting"} comes as soon as the interrupt is seen); "cell-error" (a cell raised and the run stopped there, as Jupyter's "run
all" does; with --allow-errors the run goes on and errors only appear in "cell" events);
"kernel-died", "timeout" or "lost-output" with the cell K and its first line; or, before
any cell ran, "no-jupyter" (module), "not-a-notebook" (reason), "no-kernel", "kernel-start"
(reason). The executed copy is written whenever the notebook could be read, holding every
cell that ran, so that its report shows the error or the cell where the run stopped.
"""
import functools
import json
import math
import os
import signal
import sys
import time

try:
    EVENTS = os.fdopen(3, "w", buffering=1)
except OSError:
    EVENTS = sys.stderr

# Cell output that arrives after the execute reply may lag behind it when a cell prints a
# lot; nbclient's 4 s default would call a slow stream lost. A shorter --timeout caps it.
IOPUB_SECONDS = 30


def emit(**event) -> None:
    try:
        EVENTS.write(json.dumps(event) + "\n")
        EVENTS.flush()
    except (BrokenPipeError, ValueError):  # litml run is gone (a second Ctrl-C); finish quietly
        pass


def interrupted() -> None:
    """First thing on Ctrl-C: a second one must not cut the kernel's shutdown short."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    emit(event="interrupting")


def first_line(source: str) -> str:
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    return lines[0][:80] if lines else ""


def stopped(cell, ename: str, evalue: str) -> None:
    """Marks the cell where the run stopped, so the report shows where and why."""
    from nbformat.v4 import new_output

    cell.outputs.append(new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"]))


def main() -> int:
    source, target, workdir = sys.argv[1], sys.argv[2], sys.argv[3]
    # nbclient takes whole seconds and reads 0 as "no limit": round a fraction up.
    timeout = max(1, math.ceil(float(sys.argv[4])))
    allow_errors = "--allow-errors" in sys.argv[5:]
    output_wait = min(IOPUB_SECONDS, timeout)
    try:
        import nbformat
        import zmq
        import zmq.asyncio
        from jupyter_client.kernelspec import NoSuchKernel
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    except ImportError as error:
        emit(event="end", status="no-jupyter", module=error.name or str(error))
        return 3
    try:
        notebook = nbformat.read(source, as_version=4)
    except Exception as error:  # nbformat raises JSON, validation and Unicode errors alike
        reason = str(error).strip().splitlines()
        emit(event="end", status="not-a-notebook", reason=reason[0] if reason else type(error).__name__)
        return 3

    # The kernel keys its .litml store by notebook path, as Jupyter Server does.
    os.environ["JPY_SESSION_NAME"] = os.path.abspath(source)
    client = NotebookClient(
        notebook,
        kernel_name="litml",
        timeout=timeout,
        startup_timeout=120,
        allow_errors=allow_errors,
        raise_on_iopub_timeout=True,
        iopub_timeout=output_wait,
        resources={"metadata": {"path": workdir}},
    )
    # A PUB socket drops messages once a subscriber's queue is full (1000 by default), so a
    # cell that prints fast lost lines, and sometimes its final "idle". With no limit on our
    # side the receiving half of that queue never fills; the kernel's own send queue can
    # still overflow under a flood (measured: 16,000 of 20,000 lines instead of 8,500), which
    # only the kernel can prevent, and which this script cannot see: the protocol numbers
    # no messages.
    context = zmq.asyncio.Context()
    context.setsockopt(zmq.RCVHWM, 0)
    client.km = client.create_kernel_manager()
    client.km.client = functools.partial(client.km.client, context=context)
    code = [(index, cell) for index, cell in enumerate(notebook.cells) if cell.cell_type == "code" and cell.source.strip()]
    emit(event="start", cells=len(code))
    started = time.monotonic()
    end = {"status": "ok"}
    phase = "starting"

    def write() -> None:
        notebook.metadata.setdefault("litml", {})["executed"] = {
            "seconds": round(time.monotonic() - started, 2),
            "kernel": "litml",
        }
        nbformat.write(notebook, target)

    try:
        with client.setup_kernel():
            reply = client.wait_for_reply(client.kc.kernel_info())
            if reply and "language_info" in reply["content"]:
                notebook.metadata["language_info"] = reply["content"]["language_info"]
            phase = "running"
            for number, (index, cell) in enumerate(code, start=1):
                where = {"cell": number, "line": first_line(cell.source)}
                began = time.monotonic()
                try:
                    client.execute_cell(cell, index, execution_count=number)
                except CellExecutionError as error:
                    emit(event="cell", cell=number, of=len(code), seconds=round(time.monotonic() - began, 2),
                         error={"ename": error.ename, "evalue": error.evalue})
                    end = {"status": "cell-error", **where, "ename": error.ename, "evalue": error.evalue}
                    break
                except KeyboardInterrupt:
                    interrupted()
                    stopped(cell, "Interrupted", "The run was interrupted during this cell; the cells after it did not run.")
                    end = {"status": "interrupted", **where}
                    break
                except DeadKernelError:
                    stopped(cell, "KernelDied", "The kernel ended while this cell ran (process.exit() or a crash); the cells after it did not run.")
                    end = {"status": "kernel-died", **where}
                    break
                except CellTimeoutError as error:
                    if "IOPub" in str(error):
                        stopped(cell, "OutputLost", f"The kernel stopped sending this cell's output for {output_wait} s; what is shown may be incomplete, and the cells after it did not run.")
                        end = {"status": "lost-output", **where, "seconds": output_wait}
                    else:
                        stopped(cell, "Timeout", f"This cell did not finish within {timeout} s; the cells after it did not run.")
                        end = {"status": "timeout", **where, "seconds": timeout}
                    break
                errors = [o for o in cell.outputs if o.get("output_type") == "error"]
                emit(event="cell", cell=number, of=len(code), seconds=round(time.monotonic() - began, 2),
                     error={"ename": errors[0].get("ename", ""), "evalue": errors[0].get("evalue", "")} if errors else None)
            phase = "stopping"
    except NoSuchKernel:
        emit(event="end", status="no-kernel")
        return 3
    except Exception as error:
        reason = str(error).strip().splitlines()
        reason = reason[0] if reason else type(error).__name__
        if phase == "starting":
            emit(event="end", status="kernel-start", reason=reason)
            return 3
        if phase == "running" and end["status"] == "ok":
            end = {"status": "internal", "reason": reason}
        # else the cells ran (or the run already stopped for a reason of its own) and only
        # shutting the kernel down failed: the outputs are complete.
    write()
    emit(event="end", **end)
    return 0 if end["status"] == "ok" else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # while the kernel started or stopped: nothing to report
        interrupted()
        emit(event="end", status="interrupted")
        sys.exit(130)
    except Exception as error:  # a bug here must still read as one line, not a traceback
        emit(event="end", status="internal", reason=f"{type(error).__name__}: {error}")
        sys.exit(3)
