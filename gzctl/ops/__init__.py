"""Use cases: one function per user action, between the commands and the domain.

Each op opens the project (or takes one already opened), runs the transaction and returns a
report, a small dataclass holding what a command prints or puts in its JSON. Ops never
print, prompt or read the clock or the environment: who acts and when come in as arguments,
so every op is a plain test (tests/test_ops.py). The commands (gzctl/cli), the wizard and
advisors' scripts (gzctl/api.py) call them.

This package file imports nothing: an everyday command loads only the op module it calls.
"""
