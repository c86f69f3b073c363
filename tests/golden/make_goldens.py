"""Makes the golden outputs: runs every case under Debian's PyTorch 1.13 and pandas 1.5.3.

Run with Debian's interpreter (`npm run goldens`, i.e. `/usr/bin/python3 tests/golden/make_goldens.py [case ...]`).
Each case runs in a fresh empty working directory, with the same harness that the tests run under DiveLab.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
EXPECTED = os.path.join(HERE, "expected")


def main(names):
    import torch, pandas  # noqa: F401 - fail early when run with the wrong interpreter
    assert torch.__version__.startswith("1.13"), torch.__version__
    assert pandas.__version__.startswith("1.5"), pandas.__version__
    names = names or sorted(n[:-3] for n in os.listdir(CASES) if n.endswith(".py"))
    os.makedirs(EXPECTED, exist_ok=True)
    for name in names:
        name = os.path.basename(name).removesuffix(".py")
        with tempfile.TemporaryDirectory() as cwd:
            out = subprocess.run(
                [sys.executable, os.path.join(HERE, "harness.py"), os.path.join(CASES, name + ".py")],
                cwd=cwd, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0", "COLUMNS": "80"},
            )
        if out.returncode != 0 or out.stderr:
            sys.stderr.write(f"{name}: harness failed\n{out.stderr.decode()}\n")
            sys.exit(1)
        with open(os.path.join(EXPECTED, name + ".out"), "wb") as f:
            f.write(out.stdout)
        print(f"{name}: {len(out.stdout)} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
