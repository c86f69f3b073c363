"""The few IPython line magics and shell escapes that course notebooks contain (`%matplotlib inline`, `!pip install`).

A cell is first parsed as plain Python; only when that fails are lines that start with `%` or `!` rewritten into
calls of `run_magic`, so valid Python (a `%` inside a string, say) is never touched. DiveLab has no shell and no
package installer: `!pip install …` says what is built in, other magics that make no sense here do nothing, and an
unknown one fails as IPython's does.
"""
import re
import sys

_MAGIC_LINE = re.compile(r"^(\s*)([%!])(.*)$")
BUILTIN_PACKAGES = "torch, numpy, pandas, matplotlib and d2l"


def rewrite(code):
    """The cell with its magic lines turned into calls; None when it has none."""
    lines = code.split("\n")
    changed = False
    for i, line in enumerate(lines):
        m = _MAGIC_LINE.match(line)
        if m:
            indent, kind, rest = m.groups()
            lines[i] = f"{indent}__import__('_divelab_magics').run_magic({kind + rest.rstrip()!r})"
            changed = True
    return "\n".join(lines) if changed else None


class UsageError(Exception):
    """IPython's error for a magic it does not know."""


def run_magic(line):
    if line.startswith("!"):
        command = line[1:].strip()
        if re.match(r"^(pip|pip3|conda)\b|^python3? -m pip\b", command):
            print(f"DiveLab runs offline and cannot install packages; {BUILTIN_PACKAGES} are built in.")
            return
        raise UsageError(f"DiveLab has no shell to run `{command}`")
    name, _, arg = line[1:].partition(" ")
    if name in ("matplotlib", "config", "load_ext", "reload_ext", "autoreload"):
        return  # plots show inline already; the rest configure IPython itself
    if name in ("pip", "conda"):
        print(f"DiveLab runs offline and cannot install packages; {BUILTIN_PACKAGES} are built in.")
        return
    if name == "pwd":
        import os
        return os.getcwd()
    if name == "who":
        main = sys.modules["__main__"].__dict__
        names = sorted(k for k, v in main.items() if not k.startswith("_") and not isinstance(v, type(sys)))
        print("\t".join(names) if names else "Interactive namespace is empty.")
        return
    raise UsageError(f"Line magic function `%{name}` not found.")
