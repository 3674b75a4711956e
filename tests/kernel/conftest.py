import pytest
from jupyter_client.manager import start_new_kernel


class Kernel:
    """A live litml kernel and a client, with helpers that collect a cell's messages."""

    def __init__(self, **start_options):
        self.km, self.kc = start_new_kernel(kernel_name="litml", startup_timeout=120, **start_options)

    def run(self, code, timeout=60, **kwargs):
        """Execute and wait: returns (reply content, output messages)."""
        msg_id = self.kc.execute(code, **kwargs)
        return self.collect(msg_id, timeout)

    def collect(self, msg_id, timeout=60):
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return reply["content"], outputs
            if msg["msg_type"] != "status":
                outputs.append(msg)

    def shell_reply(self, msg_id, timeout=30):
        """The shell reply to one request (earlier replies still queued are skipped)."""
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        return reply

    def value(self, code):
        reply, outputs = self.run(code)
        assert reply["status"] == "ok", reply
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        assert results, outputs
        return results[-1]["content"]["data"]["text/plain"]

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel():
    k = Kernel()
    yield k
    k.close()
