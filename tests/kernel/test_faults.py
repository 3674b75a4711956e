"""Faults a hostile user provokes (issue 18): floods of output, interrupts at awkward
moments, errors that escape the cell. The kernel must answer each, and keep its variables."""
import time


def error_of(outputs):
    errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
    assert len(errors) == 1, outputs
    return errors[0]


def stdout_of(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def test_a_flood_of_printed_lines_arrives_whole_and_batched(kernel):
    # collect() only returns once the cell's idle status has arrived.
    reply, outputs = kernel.run('for (let i = 0; i < 20000; i++) console.log("line " + i)', timeout=60)
    assert reply["status"] == "ok"
    lines = stdout_of(outputs).splitlines()
    assert lines == [f"line {i}" for i in range(20000)]
    streams = [m for m in outputs if m["msg_type"] == "stream"]
    # A message per line is what overflowed the iopub socket and lost lines and the idle status.
    assert len(streams) <= 20, len(streams)


def test_output_keeps_its_order_around_other_messages(kernel):
    reply, outputs = kernel.run('console.log("before"); console.error("warned"); console.log("after"); 42')
    kinds = [(m["msg_type"], m["content"].get("name"), m["content"].get("text")) for m in outputs if m["msg_type"] != "execute_input"]
    assert kinds[:3] == [("stream", "stdout", "before\n"), ("stream", "stderr", "warned\n"), ("stream", "stdout", "after\n")]
    assert kinds[-1][0] == "execute_result"


def test_output_of_a_slow_cell_arrives_while_it_runs(kernel):
    msg_id = kernel.kc.execute('console.log("early"); await new Promise((r) => setTimeout(r, 3000)); console.log("late")')
    began = time.monotonic()
    while True:
        msg = kernel.kc.get_iopub_msg(timeout=10)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            break
    # Batching must not hold output back until the cell ends.
    assert msg["content"]["text"] == "early\n" and time.monotonic() - began < 1.5
    kernel.collect(msg_id)
