"""Hooks the engine runs around each cell, like IPython's events.

`post_execute` callables run after every cell (even one that raised), in order; matplotlib's inline mode uses it to
show the figures a cell drew. A failing hook is reported on stderr and does not stop the others.
"""
post_execute = []


def run_post_execute():
    import sys
    import traceback

    for hook in list(post_execute):
        try:
            hook()
        except Exception:  # noqa: BLE001 - a broken hook must not break the kernel
            traceback.print_exc(file=sys.stderr)
