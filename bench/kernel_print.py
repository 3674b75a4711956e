"""Printing benchmark (issue 18): 200,000 printed lines, litml against IPython (ipykernel
from the project's venv), in one run.

The time runs from sending the cell to its `idle` status, with every line received by
the client: a kernel that drops output or never reports idle fails instead of looking fast.

Usage: python bench/kernel_print.py [--lines N] [--runs N]
"""
import argparse
import statistics
import time

from jupyter_client import KernelManager

CELLS = {
    "litml": 'for (let i = 0; i < {n}; i++) console.log("line " + i)',
    "python3": 'for i in range({n}): print("line " + str(i))',
}


def start(kernel_name):
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc


def print_lines(kc, code, n):
    """Seconds from execute to idle, and the number of stream messages that carried the lines."""
    began = time.perf_counter()
    msg_id = kc.execute(code.format(n=n))
    text, messages = [], 0
    while True:
        msg = kc.get_iopub_msg(timeout=600)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            text.append(msg["content"]["text"])
            messages += 1
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    seconds = time.perf_counter() - began
    lines = "".join(text).splitlines()
    assert len(lines) == n and lines[-1] == f"line {n - 1}", f"{len(lines)} of {n} lines arrived"
    return seconds, messages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    kernels = {name: start(name) for name in CELLS}
    try:
        for name, (_, kc) in kernels.items():
            print_lines(kc, CELLS[name], 100)
        # Alternate the two kernels so that machine noise falls on both alike.
        times = {name: [] for name in CELLS}
        messages = {}
        for _ in range(args.runs):
            for name, (_, kc) in kernels.items():
                seconds, messages[name] = print_lines(kc, CELLS[name], args.lines)
                times[name].append(seconds)
        litml, reference = statistics.median(times["litml"]), statistics.median(times["python3"])
        label = f"print-{args.lines // 1000}k-lines" if args.lines % 1000 == 0 else f"print-{args.lines}-lines"
        print(
            f"BENCH {label} litml={litml:.4f} reference={reference:.4f} ratio={litml / reference:.3f}"
            f"  # median of {args.runs}; stream messages {messages['litml']} vs {messages['python3']}",
            flush=True,
        )
    finally:
        for km, kc in kernels.values():
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
