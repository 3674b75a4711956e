"""Jupyter comms in the litml kernel, at the protocol level: comms opened by kernel code and
by the client, messages both ways, close, comm_info, handler errors, and the labeller's comm."""
import json

import pytest

from conftest import Kernel


def send(kernel, msg_type, content):
    msg = kernel.kc.session.msg(msg_type, content)
    kernel.kc.shell_channel.send(msg)
    return msg["header"]["msg_id"]


def iopub_for(kernel, msg_id, timeout=30):
    """Every iopub message in reply to one request, through its idle status (which must follow a busy one)."""
    seen = []
    while True:
        msg = kernel.kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            assert seen[0]["msg_type"] == "status" and seen[0]["content"]["execution_state"] == "busy", seen
            return [m for m in seen if m["msg_type"] != "status"]


def comm_info(kernel, target=None):
    msg_id = kernel.kc.comm_info(target)
    return kernel.shell_reply(msg_id)["content"]


def comm_messages(outputs, msg_type="comm_msg"):
    return [m["content"] for m in outputs if m["msg_type"] == msg_type]


def test_a_comm_opened_by_kernel_code_arrives_on_iopub_and_answers_messages(kernel):
    reply, outputs = kernel.run(
        'const probe = litml.comms().open("probe", { hello: 1 });\n'
        "probe.onMessage((data, comm) => comm.send({ echo: data }));\n"
        "probe.onClose(() => console.error('probe closed'));\n"
        "probe.id"
    )
    assert reply["status"] == "ok", reply
    [opened] = comm_messages(outputs, "comm_open")
    assert opened["target_name"] == "probe" and opened["data"] == {"hello": 1}
    comm_id = opened["comm_id"]
    assert comm_info(kernel)["comms"][comm_id] == {"target_name": "probe"}
    assert comm_id in comm_info(kernel, "probe")["comms"]
    assert comm_id not in comm_info(kernel, "other")["comms"]

    outputs = iopub_for(kernel, send(kernel, "comm_msg", {"comm_id": comm_id, "data": {"n": 1}}))
    assert comm_messages(outputs) == [{"comm_id": comm_id, "data": {"echo": {"n": 1}}}]

    iopub_for(kernel, send(kernel, "comm_close", {"comm_id": comm_id, "data": {}}))
    assert comm_id not in comm_info(kernel)["comms"]
    # A message for a comm the kernel does not know (closed, or from before a restart) closes it in the front end too.
    outputs = iopub_for(kernel, send(kernel, "comm_msg", {"comm_id": comm_id, "data": {}}))
    assert comm_messages(outputs, "comm_close") == [{"comm_id": comm_id, "data": {}}]
    assert kernel.value("1 + 1") == "2"


def test_the_client_opens_a_comm_to_a_target_kernel_code_registered(kernel):
    reply, _ = kernel.run(
        'litml.comms().registerTarget("echo", (comm, data) => {\n'
        "  comm.send({ opened: data });\n"
        "  comm.onMessage((d) => (d.close ? comm.close({ bye: true }) : comm.send({ got: d })));\n"
        "});"
    )
    assert reply["status"] == "ok", reply
    outputs = iopub_for(kernel, send(kernel, "comm_open", {"comm_id": "c1", "target_name": "echo", "data": {"x": 1}}))
    assert comm_messages(outputs) == [{"comm_id": "c1", "data": {"opened": {"x": 1}}}]
    assert comm_info(kernel, "echo")["comms"] == {"c1": {"target_name": "echo"}}
    outputs = iopub_for(kernel, send(kernel, "comm_msg", {"comm_id": "c1", "data": {"y": 2}}))
    assert comm_messages(outputs) == [{"comm_id": "c1", "data": {"got": {"y": 2}}}]
    outputs = iopub_for(kernel, send(kernel, "comm_msg", {"comm_id": "c1", "data": {"close": True}}))
    assert comm_messages(outputs, "comm_close") == [{"comm_id": "c1", "data": {"bye": True}}]
    assert comm_info(kernel, "echo")["comms"] == {}


def test_a_comm_to_an_unknown_target_is_closed_at_once(kernel):
    outputs = iopub_for(kernel, send(kernel, "comm_open", {"comm_id": "nobody", "target_name": "no-such-target", "data": {}}))
    assert comm_messages(outputs, "comm_close") == [{"comm_id": "nobody", "data": {}}]


def test_a_failing_handler_is_reported_to_the_widget_and_the_kernel_lives_on(kernel):
    reply, outputs = kernel.run(
        'const fragile = litml.comms().open("fragile");\n'
        'fragile.onMessage(async () => { throw new Error("handler broke"); });'
    )
    assert reply["status"] == "ok", reply
    comm_id = comm_messages(outputs, "comm_open")[0]["comm_id"]
    outputs = iopub_for(kernel, send(kernel, "comm_msg", {"comm_id": comm_id, "data": {}}))
    assert comm_messages(outputs) == [{"comm_id": comm_id, "data": {"type": "error", "text": "handler broke"}}]
    assert kernel.value("2 * 21") == "42"


def test_a_message_sent_while_a_cell_runs_is_handled_after_it_in_order(kernel):
    _, outputs = kernel.run('const later = litml.comms().open("later"); later.onMessage((d, c) => c.send({ at: Date.now(), d }));')
    comm_id = comm_messages(outputs, "comm_open")[0]["comm_id"]
    cell = kernel.kc.execute("await new Promise((r) => setTimeout(r, 500)); Date.now()")
    first = send(kernel, "comm_msg", {"comm_id": comm_id, "data": {"i": 1}})
    second = send(kernel, "comm_msg", {"comm_id": comm_id, "data": {"i": 2}})
    _, cell_outputs = kernel.collect(cell)
    ended = int([m for m in cell_outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"])
    a = comm_messages(iopub_for(kernel, first))[0]["data"]
    b = comm_messages(iopub_for(kernel, second))[0]["data"]
    assert (a["d"], b["d"]) == ({"i": 1}, {"i": 2})
    assert ended <= a["at"] <= b["at"]


LABELER = 'const session = await litml.labeler("penguins", { target: "Species", classes: ["Adelie", "Chinstrap", "Gentoo"], batch: 2 });'


def test_the_labeler_opens_its_comm_saves_each_click_and_its_labels_survive_a_restart(tmp_path, monkeypatch):
    monkeypatch.setenv("LITML_STATE_DIR", str(tmp_path / "state"))
    kernel = Kernel()
    try:
        reply, outputs = kernel.run(LABELER, timeout=120)
        assert reply["status"] == "ok", reply
        [opened] = comm_messages(outputs, "comm_open")
        assert opened["target_name"] == "litml-labeler"
        state = opened["data"]["state"]
        assert state["pool"] == "penguins" and len(state["batch"]) == 2 and state["round"] == 1
        [shown] = [m["content"]["data"] for m in outputs if m["msg_type"] == "display_data"]
        assert shown["application/vnd.litml.labeler+json"]["comm_id"] == opened["comm_id"]
        assert "session.label(" in shown["text/plain"] and "session.label(" in shown["text/html"]

        comm_id = opened["comm_id"]
        rows = [r["row"] for r in state["batch"]]
        species = json.loads(kernel.value(f'JSON.stringify({json.dumps(rows)}.map((r) => session.pool.get(r, "Species")))'))
        first = comm_messages(iopub_for(kernel, send(kernel, "comm_msg", {"comm_id": comm_id, "data": {"action": "label", "row": rows[0], "label": species[0]}})))
        assert [m["data"]["type"] for m in first] == ["saved"]
        wrong = comm_messages(iopub_for(kernel, send(kernel, "comm_msg", {"comm_id": comm_id, "data": {"action": "label", "row": rows[1], "label": "Emperor"}})))
        assert wrong[0]["data"]["type"] == "error" and "Emperor" in wrong[0]["data"]["text"]
        second = comm_messages(iopub_for(kernel, send(kernel, "comm_msg", {"comm_id": comm_id, "data": {"action": "label", "row": rows[1], "label": species[1]}})))
        assert [m["data"]["type"] for m in second] == ["saved", "state"]
        assert second[1]["data"]["state"]["round"] == 2 and second[1]["data"]["state"]["labelled"] == 2

        kernel.km.restart_kernel(now=True)
        kernel.kc.wait_for_ready(timeout=120)
        saved = json.loads(kernel.value('JSON.stringify(litml.savedLabels("penguins").map((s) => s.label))'))
        assert saved == species
    finally:
        kernel.close()
