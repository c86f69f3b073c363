"""Runs a golden case file cell by cell, as a Jupyter notebook would, and prints what a student sees.

The same file runs under Debian's PyTorch 1.13 / pandas 1.5 (`/usr/bin/python3 harness.py case.py`, which makes
the goldens) and under DiveLab (`divelab run harness.py case.py`, which the tests compare byte for byte).

A case file is Python split into cells by lines that start with `# %%`. For each cell the harness prints a header
line `--- [n]`, then the cell's output, then, as Jupyter does, the repr of the value of a final expression
statement unless it is None. An exception ends the cell (not the file) and prints `ExceptionName: message`, the
last line of the traceback Jupyter would show. Warnings print to stdout as `CategoryName: message` so that their
order against prints is fixed.
"""
import ast
import sys
import warnings


def _show_warning(message, category, filename, lineno, file=None, line=None):
    sys.stdout.write(f"{category.__name__}: {message}\n")


def _split_cells(source):
    cells, current = [], []
    for line in source.splitlines(keepends=True):
        if line.startswith("# %%"):
            cells.append("".join(current))
            current = []
        else:
            current.append(line)
    cells.append("".join(current))
    return [c for c in cells if c.strip()]


def _run_cell(code, env, filename):
    tree = ast.parse(code, filename)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, filename, "exec"), env)
    if last is not None:
        value = eval(compile(last, filename, "eval"), env)
        if value is not None:
            print(repr(value))


def main(path):
    warnings.simplefilter("always")
    warnings.showwarning = _show_warning
    with open(path, encoding="utf-8") as f:
        source = f.read()
    env = {"__name__": "__main__"}
    for n, cell in enumerate(_split_cells(source), 1):
        print(f"--- [{n}]")
        try:
            _run_cell(cell, env, path)
        except Exception as e:  # noqa: BLE001 - every error is part of the expected output
            name = type(e).__name__
            text = str(e)
            print(f"{name}: {text}" if text else name)
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
