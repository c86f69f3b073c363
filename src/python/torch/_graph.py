"""The computation graph behind a tensor, for DiveLab's graph view (`d2l.show_graph(y)`, the Graph panel).

`show_graph(y)` returns an object that a notebook displays as the graph (MIME `application/vnd.divelab.graph+json`,
drawn by src/renderer/panels/graph) and that prints, anywhere else, as a text tree of the same graph. The graph
itself is exported by the core (src/shared/autograd/graph-export.ts); leaves are labelled with the names of the
notebook variables that hold them.
"""
import json

from ._core import C, JsException, translate

__all__ = ["show_graph", "graph_data", "MIME"]

MIME = "application/vnd.divelab.graph+json"


def _variable_names(namespace):
    """[[handle, name], ...] for the tensors bound to public names of a namespace (the notebook's globals)."""
    from ._tensor import Tensor

    return [[v._t, k] for k, v in namespace.items() if isinstance(v, Tensor) and not k.startswith("_")]


def _main_namespace():
    import __main__

    return vars(__main__)


def graph_data(tensor, names=None):
    """The exported graph of `tensor` as a dict (see GraphJson in graph-export.ts)."""
    from ._tensor import Tensor

    if not isinstance(tensor, Tensor):
        raise TypeError(f"show_graph() expects a tensor, got {type(tensor).__name__}")
    namespace = _main_namespace() if names is None else names
    try:
        return json.loads(C.graph(tensor._t, _variable_names(namespace)))
    except JsException as e:
        raise translate(e) from None


class Graph:
    """A displayable graph: rich in the notebook, a text tree in plain output."""

    def __init__(self, data):
        self.data = data

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {MIME: self.data, "text/plain": repr(self)}

    def __repr__(self):
        return _text_tree(self.data)


def show_graph(tensor, names=None):
    """Shows the computation graph behind `tensor`: inputs at the bottom, ops above, and after backward() the
    gradients flowing back along each edge. `names` maps variable names to tensors (default: the notebook's)."""
    return Graph(graph_data(tensor, names))


def panel_graph(name):
    """The Graph panel's request: the graph of the notebook variable `name`."""
    namespace = _main_namespace()
    if name not in namespace:
        raise NameError(f"name '{name}' is not defined")
    return graph_data(namespace[name])


def _text_tree(data):
    """The graph as an indented tree from the output down to the leaves (shared nodes are shown once)."""
    nodes = {n["id"]: n for n in data["nodes"]}
    inputs = {}
    for e in data["edges"]:
        inputs.setdefault(e["to"], []).append(e["from"])
    lines = []
    seen = set()

    def label(n):
        shape = str(tuple(n["shape"]))
        if n["kind"] == "leaf":
            text = f"{n['label']} {shape} leaf"
        elif n["kind"] == "output":
            text = f"{n['label']} {shape}"
        else:
            text = f"{n['label']} {shape}"
        if n.get("grad") is not None and n["kind"] == "leaf":
            text += " grad=" + " ".join(n["grad"].split())
        return text

    def walk(node_id, prefix, last, top):
        n = nodes[node_id]
        branch = "" if top else ("└─ " if last else "├─ ")
        again = node_id in seen and n["kind"] == "op"
        lines.append(prefix + branch + label(n) + (" (see above)" if again else ""))
        if again:
            return
        seen.add(node_id)
        kids = inputs.get(node_id, [])
        child_prefix = prefix if top else prefix + ("   " if last else "│  ")
        for i, k in enumerate(kids):
            walk(k, child_prefix, i == len(kids) - 1, False)

    walk(data["root"], "", True, True)
    if data.get("truncated"):
        lines.append("... (graph cut at 500 nodes)")
    return "\n".join(lines)
