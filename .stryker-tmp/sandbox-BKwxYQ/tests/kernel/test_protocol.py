"""The litml kernel against jupyter_kernel_test, for every feature it claims.

Features litml does not claim are listed in UNCLAIMED with the reason, and their
tests are removed from this class (set to None) rather than skipped.
"""
import unittest

import jupyter_kernel_test

UNCLAIMED = {
    "test_pager": "litml sends help as display output (%help NAME), never as a pager payload.",
    "test_history": "litml keeps no input history; it answers history_request with an empty list (tested in test_resilience).",
    "test_clear_output": "litml offers no clear_output API to cells; progress displays update in place instead.",
}


class LitmlKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "litml"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("oops")'
    code_generate_error = 'throw new Error("planned failure")'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"lit" + "ml"', "result": "litml"},
        {"code": "%profile penguins", "mime": "application/vnd.litml.result+json"},
        {"code": "%profile penguins", "mime": "text/html"},
    ]
    code_display_data = [
        {"code": 'import * as tslab from "tslab"; tslab.display.html("<b>bold</b>")', "mime": "text/html"},
        {"code": "%lsmagic", "mime": "text/plain"},
    ]

    complete_code_samples = ["1 + 1", "const xs = [1, 2];", "function f() { return 1; }", "%profile penguins"]
    incomplete_code_samples = ["function f() {", "const xs = [1,", "if (true) {"]

    completion_samples = [{"text": "const zebraCount = 3; zebraC", "matches": {"zebraCount"}}]
    code_inspect_sample = "Math.max"


for name, reason in UNCLAIMED.items():
    setattr(LitmlKernelTests, name, None)


if __name__ == "__main__":
    unittest.main()
