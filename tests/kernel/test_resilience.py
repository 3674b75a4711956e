"""The kernel survives every kind of failure with earlier variables intact, including
when the next request arrives the moment the failure is reported."""
import time
from cells import error_of


def test_message_order_and_execute_input(kernel):
    msg_id = kernel.kc.execute("const ordered = 1; ordered")
    types = []
    while True:
        msg = kernel.kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        types.append(msg["msg_type"] if msg["msg_type"] != "status" else msg["content"]["execution_state"])
        if types[-1] == "idle":
            break
    assert types == ["busy", "execute_input", "execute_result", "idle"]


def test_bad_magic_leaves_kernel_and_variables(kernel):
    kernel.run("const kept = 41 + 1;")
    for bad in ["%profil penguins", '%profile "penguins', "%profile penguins --folds", "%profile"]:
        reply, outputs = kernel.run(bad)
        assert reply["status"] == "error"
        error = error_of(outputs)
        assert error["ename"] == "LitmlError"
        assert "%profil" in error["evalue"]
        assert kernel.value("kept") == "42"


def test_thrown_exception_has_name_value_and_traceback(kernel):
    kernel.run("const before = 'still here';")
    reply, outputs = kernel.run("function boom() { throw new RangeError('out of range') }\nboom()")
    assert reply["status"] == "error" and reply["ename"] == "RangeError"
    error = error_of(outputs)
    assert error["evalue"] == "out of range"
    assert any("boom" in line for line in error["traceback"]), error["traceback"]
    assert not any("tslab" in line or "node:vm" in line for line in error["traceback"])
    assert kernel.value("before") == "still here"


def test_type_error_is_reported_and_nothing_runs(kernel):
    kernel.run("let counter = 1;")
    reply, outputs = kernel.run("counter = 2;\nconst n: number = 'text';")
    assert reply["status"] == "error"
    error = error_of(outputs)
    assert error["ename"] == "TypeScriptError"
    assert "not assignable to type 'number'" in error["evalue"]
    assert kernel.value("counter") == "1"


def test_litml_error_in_a_call(kernel):
    reply, outputs = kernel.run("%profile pengiuns")
    error = error_of(outputs)
    assert error["ename"] == "LitmlError" and 'Did you mean "penguins"?' in error["evalue"]
    assert error["traceback"][0].endswith(error["evalue"])


def test_next_request_right_after_a_failure_runs(kernel):
    kernel.run("const survivor = 7;")
    for failing in ["throw new Error('x')", "%nosuchmagic", "const bad: string = 1;"]:
        fail_id = kernel.kc.execute(failing)
        reply = kernel.kc.get_shell_msg(timeout=30)
        assert reply["parent_header"]["msg_id"] == fail_id and reply["content"]["status"] == "error"
        # No pause: tslab refused requests for 200 ms after an error; litml must not.
        assert kernel.value("survivor") == "7"


def test_stop_on_error_aborts_only_requests_sent_before_the_failure(kernel):
    first = kernel.kc.execute("await new Promise((r) => setTimeout(r, 300)); throw new Error('first')")
    queued = kernel.kc.execute("const ranAfterFailure = true;")
    assert kernel.collect(first)[0]["status"] == "error"
    assert kernel.collect(queued)[0]["status"] == "aborted"
    # Had the aborted cell run, its declaration would exist; it does not.
    reply, outputs = kernel.run("ranAfterFailure")
    assert "Cannot find name 'ranAfterFailure'" in error_of(outputs)["evalue"]


def test_stop_on_error_false_keeps_the_queue(kernel):
    first = kernel.kc.execute("throw new Error('first')", stop_on_error=False)
    queued = kernel.kc.execute("const ranAnyway = true; ranAnyway", stop_on_error=False)
    assert kernel.collect(first)[0]["status"] == "error"
    reply, outputs = kernel.collect(queued)
    assert reply["status"] == "ok"


def test_interrupt_infinite_loop_keeps_variables(kernel):
    kernel.run("const precious = 'safe';")
    msg_id = kernel.kc.execute("while (true) {}")
    time.sleep(1.0)
    kernel.km.interrupt_kernel()
    reply, outputs = kernel.collect(msg_id, timeout=30)
    assert reply["status"] == "error"
    assert error_of(outputs)["ename"] == "Interrupted", error_of(outputs)
    assert kernel.value("precious") == "safe"


def test_interrupt_stops_long_work_through_the_cancellation_signal(kernel):
    kernel.run("let steps = 0;")
    msg_id = kernel.kc.execute(
        'const work = new litml.Progress("spinning", 1e9);\n'
        "for (let i = 0; i < 1e9; i++) { steps++; await work.step(); }"
    )
    time.sleep(1.0)
    kernel.km.interrupt_kernel()
    reply, outputs = kernel.collect(msg_id, timeout=30)
    assert reply["status"] == "error"
    first = int(kernel.value("steps"))
    time.sleep(0.5)
    # The loop checks the signal at each step, so it has stopped, not just been orphaned.
    assert int(kernel.value("steps")) == first
    assert first > 10


def test_progress_updates_one_display_in_place(kernel):
    reply, outputs = kernel.run(
        'const job = new litml.Progress("counting", 5);\n'
        "for (let i = 0; i < 5; i++) { await new Promise((r) => setTimeout(r, 300)); await job.step(); }\n"
        "job.finish();"
    )
    assert reply["status"] == "ok"
    displays = [m for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]
    assert displays[0]["msg_type"] == "display_data"
    ids = {m["content"]["transient"]["display_id"] for m in displays}
    assert len(ids) == 1
    assert all(m["msg_type"] == "update_display_data" for m in displays[1:])
    assert "counting: done: 5 of 5" in displays[-1]["content"]["data"]["text/plain"]


def test_progress_stays_quiet_for_quick_work(kernel):
    reply, outputs = kernel.run('const quick = new litml.Progress("quick", 3);\nfor (let i = 0; i < 3; i++) await quick.step();\nquick.finish();')
    assert reply["status"] == "ok"
    assert [m for m in outputs if m["msg_type"] in ("display_data", "update_display_data")] == []


def test_a_promise_as_last_value_shows_what_it_resolves_to(kernel):
    assert kernel.value('Promise.resolve(6).then((x) => x * 7)') == "42"
    reply, outputs = kernel.run('litml.load("pengiuns")')
    error = error_of(outputs)
    assert error["ename"] == "LitmlError" and 'Did you mean "penguins"?' in error["evalue"]
    assert "Dataset \"penguins\": 344 rows" in kernel.value('litml.load("penguins")')


def test_interrupt_stops_waiting_for_a_pending_last_value(kernel):
    msg_id = kernel.kc.execute("new Promise(() => {})")
    time.sleep(1.0)
    kernel.km.interrupt_kernel()
    reply, outputs = kernel.collect(msg_id, timeout=30)
    assert error_of(outputs)["ename"] == "Interrupted"


def test_comm_info_and_history_replies(kernel):
    msg_id = kernel.kc.comm_info()
    reply = kernel.kc.get_shell_msg(timeout=30)
    assert reply["msg_type"] == "comm_info_reply" and reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"] == {"status": "ok", "comms": {}}
    kernel.kc.history()
    reply = kernel.kc.get_shell_msg(timeout=30)
    assert reply["msg_type"] == "history_reply" and reply["content"]["history"] == []


def test_completion_and_inspection_see_through_magics(kernel):
    code = "%profile penguins\nconst magicNeighbour = 1;\nmagicNeigh"
    reply = kernel.shell_reply(kernel.kc.complete(code, len(code)))
    assert "magicNeighbour" in reply["content"]["matches"]


def test_tab_completes_magics_and_the_columns_of_the_data_they_name(kernel):
    kernel.run('const birds = await litml.load("penguins");')
    def complete(code):
        return kernel.shell_reply(kernel.kc.complete(code, len(code)))["content"]
    assert complete("%basel")["matches"] == ["baseline"]
    assert "--target" in complete("%slices birds --")["matches"]
    reply = complete("%slices birds --target Spe")
    assert reply["matches"] == ["Species"] and reply["cursor_start"] == len("%slices birds --target ")
    assert "gbdt" in complete("%baseline birds --model g")["matches"]
    code = "%slices birds --by Island"
    help_reply = kernel.shell_reply(kernel.kc.inspect(code, 3))["content"]
    assert help_reply["found"] and help_reply["data"]["text/plain"].startswith("%slices DATA")


def test_bad_input_is_a_litml_error_in_the_cell(kernel, tmp_path):
    broken_json = tmp_path / "broken.json"
    broken_json.write_text('[{"a": 1},\n {"a": }]')
    broken_csv = tmp_path / "broken.csv"
    broken_csv.write_text('a,b\n1,"open\n')
    kernel.run("const alive = 'yes';")
    cases = {
        f'litml.load("{tmp_path}/missing.csv")': "File not found",
        f'litml.load("{broken_json}")': "broken.json:2:8",
        f'litml.load("{broken_csv}")': "broken.csv:2:3",
        "%profile pengiuns": 'Did you mean "penguins"?',
        "%profile {[]}": "has no rows",
        '%profile penguins --target "Species': "never closed",
        # Option values are judged by the analysis's options schema, never by TypeScript's type checker.
        "%thresholds penguins --target Sex --costs 5": "invalid costs",
        "%backtest seattle-weather --target temp_max --window rolling": "--window must be one of expanding, sliding",
        "%slices penguins --target Species --by Island --split random": "unknown option --split",
        "%simpson penguins": "outcome",
    }
    for code, expected in cases.items():
        reply, outputs = kernel.run(code)
        error = error_of(outputs)
        assert error["ename"] == "LitmlError", (code, error)
        assert expected in error["evalue"], (code, error["evalue"])
        assert kernel.value("alive") == "yes"
