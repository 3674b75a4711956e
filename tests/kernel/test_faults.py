"""Faults a hostile user provokes (issue 18): floods of output, interrupts at awkward
moments, errors that escape the cell. The kernel must answer each, and keep its variables."""
import random
import time
from cells import error_of, stdout_of


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


def interrupt_and_time(kernel, msg_id, timeout=10):
    """Interrupts a cell that has been busy for a second; returns (seconds to its reply, outputs)."""
    time.sleep(1.0)
    began = time.monotonic()
    kernel.km.interrupt_kernel()
    reply, outputs = kernel.collect(msg_id, timeout=timeout)
    return time.monotonic() - began, reply, outputs


def assert_usable(kernel):
    # A later cell still awaits, prints and sees the variables of earlier cells.
    reply, outputs = kernel.run('await new Promise((r) => setTimeout(r, 20)); console.log("still printing"); keptValue', timeout=10)
    assert reply["status"] == "ok", outputs
    assert stdout_of(outputs) == "still printing\n"
    assert [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"] == "kept"


def test_interrupt_stops_a_busy_loop_after_an_await_at_the_top_of_a_cell(kernel):
    kernel.run("const keptValue = 'kept';")
    msg_id = kernel.kc.execute("await null;\nwhile (true) {}")
    seconds, reply, outputs = interrupt_and_time(kernel, msg_id)
    assert reply["status"] == "error" and error_of(outputs)["ename"] == "Interrupted"
    assert seconds < 2, seconds
    assert_usable(kernel)


def test_interrupt_stops_a_busy_loop_inside_an_async_function(kernel):
    kernel.run("const keptValue = 'kept';")
    msg_id = kernel.kc.execute("async function spin() { await new Promise((r) => setTimeout(r, 10)); let n = 0; while (true) n++; }\nawait spin();")
    seconds, reply, outputs = interrupt_and_time(kernel, msg_id)
    assert reply["status"] == "error" and error_of(outputs)["ename"] == "Interrupted"
    assert seconds < 2, seconds
    assert_usable(kernel)


def test_interrupt_stops_an_analysis_fitting_boosted_trees_within_two_seconds(kernel):
    # Issue 18 measured 25 s and 156 s to stop %baseline with gbdt: WebAssembly tree loops and all.
    kernel.run("const keptValue = 'kept';")
    for cell in ["%baseline flights-3m --target delay --model gbdt", "%slices flights-3m --target delay --by weekday --model gbdt"]:
        msg_id = kernel.kc.execute(cell)
        time.sleep(4)
        seconds, reply, outputs = interrupt_and_time(kernel, msg_id)
        assert reply["status"] == "error", (cell, reply)
        assert seconds < 2, (cell, seconds)
    assert_usable(kernel)


def test_interrupt_stops_a_busy_timer_callback_after_its_cell_ended(kernel):
    kernel.run("const keptValue = 'kept';")
    for schedule in [
        "setTimeout(() => { while (true) {} }, 100)",
        "setImmediate(() => { while (true) {} })",
        "const spinner = setInterval(() => { clearInterval(spinner); while (true) {} }, 100)",
        "setTimeout((function () { while (true) {} }).bind(null), 100)",
        "setTimeout(async () => { await null; while (true) {} }, 100)",
    ]:
        reply, _ = kernel.run(schedule + ";\n'scheduled'")
        assert reply["status"] == "ok"
        time.sleep(1.0)
        began = time.monotonic()
        kernel.km.interrupt_kernel()
        # The next cell can only run once the callback has stopped.
        assert kernel.value("keptValue") == "kept", schedule
        assert time.monotonic() - began < 2, schedule
    assert_usable(kernel)


def test_interrupts_while_idle_or_waiting_harm_nothing(kernel):
    kernel.run("const keptValue = 'kept';")
    for _ in range(3):
        kernel.km.interrupt_kernel()
        time.sleep(0.4)
    msg_id = kernel.kc.execute("await new Promise((r) => setTimeout(r, 5000))")
    seconds, reply, outputs = interrupt_and_time(kernel, msg_id)
    assert error_of(outputs)["ename"] == "Interrupted" and seconds < 2
    assert_usable(kernel)


def test_a_cell_may_start_with_await_and_a_parenthesis(kernel):
    # Without locals a cell compiled as a script, where `await (` parses as a call of a function named await.
    assert kernel.value("await (async () => 6 * 7)()") == "42"
    assert kernel.value("await (Promise.resolve('parenthesised'))") == "parenthesised"
    assert kernel.value("await (new Promise((r) => setTimeout(() => r(7), 10)))") == "7"


def test_awaited_async_throws_are_error_messages(kernel):
    reply, outputs = kernel.run("await (async () => { throw new RangeError('deep inside') })()")
    error = error_of(outputs)
    assert reply["status"] == "error" and (error["ename"], error["evalue"]) == ("RangeError", "deep inside")
    reply, outputs = kernel.run("async function later() { await null; throw new TypeError('after a tick') }\nawait later();")
    error = error_of(outputs)
    assert (error["ename"], error["evalue"]) == ("TypeError", "after a tick")
    assert any("later" in line for line in error["traceback"]), error["traceback"]
    reply, outputs = kernel.run("await Promise.reject('a bare string')")
    assert reply["status"] == "error" and "a bare string" in error_of(outputs)["evalue"]


def escaped_errors(outputs):
    return [m["content"] for m in outputs if m["msg_type"] == "error"]


def test_an_exception_in_a_timer_shows_in_the_running_cell(kernel):
    reply, outputs = kernel.run("setTimeout(() => { throw new RangeError('from a timer') }, 50);\nawait new Promise((r) => setTimeout(r, 500));\n'cell done'")
    # The cell itself succeeded; what escaped it is shown, not swallowed into the kernel's stderr.
    assert reply["status"] == "ok"
    errors = escaped_errors(outputs)
    assert [(e["ename"], e["evalue"]) for e in errors] == [("RangeError", "from a timer")]
    assert "callback" in " ".join(errors[0]["traceback"])


def test_an_exception_after_the_cell_ended_shows_in_the_next_cell(kernel):
    kernel.run("setTimeout(() => { throw new Error('after the cell') }, 100);")
    time.sleep(0.6)
    reply, outputs = kernel.run("'next cell'")
    assert reply["status"] == "ok"
    assert [e["evalue"] for e in escaped_errors(outputs)] == ["after the cell"]
    # Shown once: the cell after that one is clean.
    assert escaped_errors(kernel.run("'and the one after'")[1]) == []


def test_an_unawaited_rejected_promise_shows_in_the_notebook(kernel):
    _, first = kernel.run("Promise.reject(new TypeError('nobody waits'));\nconst afterReject = 1;")
    time.sleep(0.3)
    _, second = kernel.run("afterReject")
    errors = escaped_errors(first) + escaped_errors(second)
    assert [(e["ename"], e["evalue"]) for e in errors] == [("TypeError", "nobody waits")]
    assert "promise" in " ".join(errors[0]["traceback"])
    assert kernel.value("afterReject") == "1"


# Cells that never end by themselves, so every interrupt has something to stop.
ENDLESS = [
    "while (true) {}",
    "await null;\nwhile (true) {}",
    "await new Promise((r) => setTimeout(r, 60000))",
    'const endless = new litml.Progress("endless", 1e12);\nwhile (true) await endless.step();',
    "setTimeout(() => { while (true) {} }, 50);\nawait new Promise((r) => setTimeout(r, 60000))",
    "async function deep() { await new Promise((r) => setImmediate(r)); for (;;) {} }\nawait deep();",
]


def test_twenty_interrupts_at_random_moments_are_each_answered_within_two_seconds(kernel):
    kernel.run("const keptValue = 'kept';")
    rng = random.Random(18)
    for round in range(20):
        code = rng.choice(ENDLESS)
        msg_id = kernel.kc.execute(code)
        time.sleep(rng.uniform(0.2, 1.2))
        began = time.monotonic()
        kernel.km.interrupt_kernel()
        reply, outputs = kernel.collect(msg_id, timeout=10)
        seconds = time.monotonic() - began
        assert reply["status"] == "error", (round, code, reply)
        assert any(m["msg_type"] == "error" and m["content"]["ename"] == "Interrupted" for m in outputs), (round, code)
        assert seconds < 2, (round, code, seconds)
    assert kernel.km.is_alive()
    assert_usable(kernel)
