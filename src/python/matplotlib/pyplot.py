"""The `matplotlib.pyplot` subset the course uses, drawn as interactive Plotly figures in the cell's output.

Figures behave as in Jupyter's inline backend: whatever a cell draws is shown when the cell ends (or at `show()`),
then closed. Each figure becomes a MIME bundle with `application/vnd.plotly.v1+json` (the notebook renders it with
Plotly) and a `text/plain` line like matplotlib's `<Figure size 350x250 with 1 Axes>`.
"""
import builtins
import json

import _divelab_hooks

from . import rcParams
from ._convert import finite, flat, ndim, to_list

_COLORS = {"b": "#1f77b4", "g": "#2ca02c", "r": "#d62728", "c": "#17becf", "m": "#e377c2", "y": "#bcbd22", "k": "#000000", "w": "#ffffff"}
_CYCLE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
_DASH = {"-": "solid", "--": "dash", "-.": "dashdot", ":": "dot"}
_MARKERS = {"o": "circle", ".": "circle", "x": "x", "+": "cross", "*": "star", "s": "square", "^": "triangle-up", "v": "triangle-down", "d": "diamond", "D": "diamond"}


def _parse_fmt(fmt):
    """matplotlib's format string (`'m--'`, `'g-.'`, `'ro'`) → (color, dash, marker)."""
    color = dash = marker = None
    rest = fmt or ""
    for style in ("--", "-.", "-", ":"):
        if style in rest:
            dash = _DASH[style]
            rest = rest.replace(style, "", 1)
            break
    for ch in rest:
        if ch in _COLORS and color is None:
            color = _COLORS[ch]
        elif ch in _MARKERS and marker is None:
            marker = _MARKERS[ch]
        else:
            raise ValueError(f"Unrecognized character {ch} in format string '{fmt}'")
    return color, dash, marker


def _columns(value):
    """A 2-D array plots one line per column, as in matplotlib."""
    rows = to_list(value)
    return [[row[j] for row in rows] for j in range(len(rows[0]) if rows else 0)]


class Axes:
    def __init__(self, figure, index):
        self.figure = figure
        self.index = index
        self.traces = []
        self.props = {"xlabel": None, "ylabel": None, "title": None, "xlim": None, "ylim": None, "xscale": "linear", "yscale": "linear", "grid": False, "legend": None}
        self._color_index = 0

    def _next_color(self):
        color = _CYCLE[self._color_index % len(_CYCLE)]
        self._color_index += 1
        return color

    def _line(self, x, y, fmt, kwargs):
        color, dash, marker = _parse_fmt(fmt)
        color = kwargs.get("color", kwargs.get("c", color)) or self._next_color()
        color = _COLORS.get(color, color)
        mode = "lines" if marker is None else ("markers" if dash is None else "lines+markers")
        if kwargs.get("linestyle") or kwargs.get("ls"):
            dash = _DASH.get(kwargs.get("linestyle") or kwargs.get("ls"), dash)
        trace = {"type": "scatter", "mode": mode, "x": finite(x), "y": finite(y), "line": {"color": color, "dash": dash or "solid"}}
        if "linewidth" in kwargs or "lw" in kwargs:
            trace["line"]["width"] = float(kwargs.get("linewidth", kwargs.get("lw")))
        if marker is not None:
            trace["marker"] = {"symbol": marker, "color": color}
        label = kwargs.get("label")
        trace["name"] = str(label) if label is not None else f"line {len(self.traces)}"
        trace["showlegend"] = label is not None and not str(label).startswith("_")
        self.traces.append(trace)
        return trace

    def plot(self, *args, **kwargs):
        """plot([x], y, [fmt], [x2], y2, [fmt2], ..., **kwargs)"""
        args = list(args)
        added = []
        while args:
            if len(args) >= 2 and not isinstance(args[1], str):
                x, y = args[0], args[1]
                args = args[2:]
            else:
                y = args.pop(0)
                x = None
            fmt = args.pop(0) if args and isinstance(args[0], str) else ""
            ys = _columns(y) if ndim(y) == 2 else [flat(y)]
            if x is None:
                xs = [list(range(len(ys[0]) if ys else 0))] * len(ys)
            else:
                xs = _columns(x) if ndim(x) == 2 else [flat(x)] * len(ys)
            for xi, yi in zip(xs, ys):
                if len(xi) != len(yi):
                    raise ValueError(f"x and y must have same first dimension, but have shapes ({len(xi)},) and ({len(yi)},)")
                added.append(self._line(xi, yi, fmt, kwargs))
        return added

    def scatter(self, x, y, s=None, c=None, marker="o", label=None, **kwargs):
        color = _COLORS.get(c, c) if isinstance(c, str) or c is None else None
        trace = {"type": "scatter", "mode": "markers", "x": finite(flat(x)), "y": finite(flat(y)), "marker": {"symbol": _MARKERS.get(marker, "circle"), "color": color or self._next_color()}}
        if s is not None and not hasattr(s, "__len__"):
            trace["marker"]["size"] = max(2.0, float(s) ** 0.5 * 1.5)
        if c is not None and not isinstance(c, str):
            trace["marker"].update({"color": finite(flat(c)), "colorscale": "Viridis", "showscale": True})
        trace["name"] = str(label) if label is not None else f"scatter {len(self.traces)}"
        trace["showlegend"] = label is not None
        self.traces.append(trace)
        return trace

    def _grid(self, X, Y, Z):
        z = [finite(row) for row in to_list(Z)]
        x = to_list(X)[0] if ndim(X) == 2 else flat(X)
        y = [row[0] for row in to_list(Y)] if ndim(Y) == 2 else flat(Y)
        return x, y, z

    def _contour(self, args, kwargs, filled):
        if len(args) == 1:
            Z = args[0]
            rows = to_list(Z)
            X, Y = list(range(len(rows[0]))), list(range(len(rows)))
        else:
            X, Y, Z = args[:3]
        x, y, z = self._grid(X, Y, Z)
        trace = {"type": "contour", "x": x, "y": y, "z": z, "colorscale": kwargs.get("cmap", "Viridis") if isinstance(kwargs.get("cmap"), str) else "Viridis",
                 "contours": {"coloring": "fill" if filled else "lines"}, "showscale": filled, "name": kwargs.get("label", "contour")}
        levels = kwargs.get("levels", args[3] if len(args) > 3 else None)
        if isinstance(levels, int):
            trace["ncontours"] = levels
            trace["autocontour"] = True
        elif levels is not None:
            lv = flat(levels)
            if len(lv) > 1:
                trace["contours"].update({"start": lv[0], "end": lv[-1], "size": (lv[-1] - lv[0]) / (len(lv) - 1)})
                trace["autocontour"] = False
        if kwargs.get("colors") is not None and not filled:
            col = _COLORS.get(kwargs["colors"], kwargs["colors"]) if isinstance(kwargs["colors"], str) else "#444"
            trace["colorscale"] = [[0, col], [1, col]]
        self.traces.append(trace)
        return trace

    def contour(self, *args, **kwargs):
        return self._contour(args, kwargs, filled=False)

    def contourf(self, *args, **kwargs):
        return self._contour(args, kwargs, filled=True)

    def quiver(self, X, Y, U, V, *args, scale=None, scale_units=None, color=None, angles=None, **kwargs):  # noqa: ARG002
        from pyodide.ffi import to_js
        from _divelab_js import plot as _plot

        xs, ys, us, vs = flat(X), flat(Y), flat(U), flat(V)
        # matplotlib: with scale_units='xy' an arrow is (u, v)/scale data units long; otherwise autoscale.
        opts = {"scale": float(scale)} if scale is not None and scale_units == "xy" else {}
        seg = _plot.quiverSegments(to_js(xs), to_js(ys), to_js(us), to_js(vs), to_js(opts, dict_converter=_js_object))
        trace = {"type": "scatter", "mode": "lines", "x": seg.x.to_py(), "y": seg.y.to_py(), "hoverinfo": "skip",
                 "line": {"color": _COLORS.get(color, color) if isinstance(color, str) else "#222", "width": 1}, "name": kwargs.get("label", "quiver"), "showlegend": False}
        self.traces.append(trace)
        return trace

    def set_xlabel(self, text, **_):
        self.props["xlabel"] = str(text)

    def set_ylabel(self, text, **_):
        self.props["ylabel"] = str(text)

    def set_title(self, text, **_):
        self.props["title"] = str(text)

    def set_xlim(self, left=None, right=None):
        if isinstance(left, (tuple, list)):
            left, right = left
        self.props["xlim"] = [left, right]

    def set_ylim(self, bottom=None, top=None):
        if isinstance(bottom, (tuple, list)):
            bottom, top = bottom
        self.props["ylim"] = [bottom, top]

    def set_xscale(self, value):
        self.props["xscale"] = value

    def set_yscale(self, value):
        self.props["yscale"] = value

    def grid(self, visible=True, **_):
        self.props["grid"] = bool(visible) if visible is not None else True

    def legend(self, labels=None, **_):
        lines = [t for t in self.traces if t["type"] == "scatter"]
        if labels is not None:
            for trace, label in zip(lines, labels):
                trace["name"] = str(label)
                trace["showlegend"] = True
        self.props["legend"] = True

    def cla(self):
        self.__init__(self.figure, self.index)


def _js_object(entries):
    from js import Object

    return Object.fromEntries(entries)


class _AxesGrid:
    """What `subplots(n, m)` returns for several axes: indexable like NumPy's object array (`axes[0, 1]`)."""

    def __init__(self, rows):
        self._rows = rows
        self.shape = (len(rows), len(rows[0])) if len(rows) > 1 and len(rows[0]) > 1 else (len(rows) * len(rows[0]),)

    @property
    def flat(self):
        return [a for row in self._rows for a in row]

    def __getitem__(self, key):
        if isinstance(key, tuple):
            return self._rows[key[0]][key[1]]
        if len(self.shape) == 1:
            return self.flat[key]
        return self._rows[key]

    def __iter__(self):
        return iter(self.flat if len(self.shape) == 1 else self._rows)

    def __len__(self):
        return self.shape[0]


class Figure:
    def __init__(self, figsize=None, nrows=1, ncols=1):
        self.figsize = tuple(figsize or rcParams["figure.figsize"])
        self.nrows, self.ncols = nrows, ncols
        self.axes = [Axes(self, i) for i in range(nrows * ncols)]
        self._shown = False

    def gca(self):
        return self.axes[0]

    def _layout(self):
        dpi = rcParams.get("figure.dpi", 100.0)
        layout = {"width": max(260, int(self.figsize[0] * dpi)), "height": max(200, int(self.figsize[1] * dpi)),
                  "margin": {"l": 55, "r": 15, "t": 30, "b": 45}, "showlegend": False, "template": "plotly_white"}
        gap = 0.08
        for i, ax in enumerate(self.axes):
            r, c = divmod(i, self.ncols)
            suffix = "" if i == 0 else str(i + 1)
            x0 = c / self.ncols + (gap / 2 if self.ncols > 1 else 0)
            x1 = (c + 1) / self.ncols - (gap / 2 if self.ncols > 1 else 0)
            y1 = 1 - r / self.nrows - (gap / 2 if self.nrows > 1 else 0)
            y0 = 1 - (r + 1) / self.nrows + (gap / 2 if self.nrows > 1 else 0)
            p = ax.props
            xaxis = {"domain": [x0, x1], "type": "log" if p["xscale"] == "log" else "linear", "showgrid": p["grid"], "anchor": "y" + suffix, "zeroline": False}
            yaxis = {"domain": [y0, y1], "type": "log" if p["yscale"] == "log" else "linear", "showgrid": p["grid"], "anchor": "x" + suffix, "zeroline": False}
            if p["xlabel"]:
                xaxis["title"] = {"text": p["xlabel"]}
            if p["ylabel"]:
                yaxis["title"] = {"text": p["ylabel"]}
            if p["xlim"] and None not in p["xlim"]:
                xaxis["range"] = list(p["xlim"])
            if p["ylim"] and None not in p["ylim"]:
                yaxis["range"] = list(p["ylim"])
            layout["xaxis" + suffix] = xaxis
            layout["yaxis" + suffix] = yaxis
            if p["title"]:
                layout.setdefault("annotations", []).append({"text": p["title"], "xref": "paper", "yref": "paper", "x": (x0 + x1) / 2, "y": min(1.0, y1 + 0.02), "xanchor": "center", "yanchor": "bottom", "showarrow": False})
            if p["legend"]:
                # Inside the axes, as matplotlib draws it, so a small figure keeps its plotting area.
                layout["showlegend"] = True
                layout["legend"] = {"x": x0 + 0.01, "y": y1 - 0.01, "xanchor": "left", "yanchor": "top",
                                    "bgcolor": "rgba(255,255,255,0.7)", "bordercolor": "#ccc", "borderwidth": 1}
        return layout

    def to_plotly(self):
        data = []
        for i, ax in enumerate(self.axes):
            for trace in ax.traces:
                t = dict(trace)
                if i:
                    t["xaxis"], t["yaxis"] = f"x{i + 1}", f"y{i + 1}"
                data.append(t)
        return {"data": data, "layout": self._layout(), "config": {"displaylogo": False, "responsive": True}}

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ARG002
        return {"application/vnd.plotly.v1+json": json.loads(json.dumps(self.to_plotly())), "text/plain": repr(self)}

    def __repr__(self):
        dpi = rcParams.get("figure.dpi", 100.0)
        n = len(self.axes)
        return f"<Figure size {int(self.figsize[0] * dpi)}x{int(self.figsize[1] * dpi)} with {n} Axes>"


_open = []


def figure(figsize=None, **_):
    fig = Figure(figsize)
    _open.append(fig)
    return fig


def gcf():
    return _open[-1] if _open else figure()


def gca():
    return gcf().gca()


def subplots(nrows=1, ncols=1, figsize=None, **_):
    fig = Figure(figsize, nrows, ncols)
    _open.append(fig)
    if nrows * ncols == 1:
        return fig, fig.axes[0]
    rows = [fig.axes[r * ncols:(r + 1) * ncols] for r in range(nrows)]
    return fig, _AxesGrid(rows)


def _on_gca(name):
    def call(*args, **kwargs):
        return getattr(gca(), name)(*args, **kwargs)

    call.__name__ = name
    return call


plot = _on_gca("plot")
scatter = _on_gca("scatter")
contour = _on_gca("contour")
contourf = _on_gca("contourf")
quiver = _on_gca("quiver")
xlabel = _on_gca("set_xlabel")
ylabel = _on_gca("set_ylabel")
title = _on_gca("set_title")
xlim = _on_gca("set_xlim")
ylim = _on_gca("set_ylim")
xscale = _on_gca("set_xscale")
yscale = _on_gca("set_yscale")
legend = _on_gca("legend")
grid = _on_gca("grid")


def _display(fig):
    show_fn = getattr(builtins, "display", None)
    if show_fn is not None:
        show_fn(fig)


def show(*_, **__):
    """Shows every open figure, then closes them (Jupyter's inline backend)."""
    while _open:
        fig = _open.pop(0)
        if any(ax.traces for ax in fig.axes) or fig.axes:
            _display(fig)


def close(fig=None):
    if fig is None or fig == "all":
        _open.clear()
    elif fig in _open:
        _open.remove(fig)


def clf():
    if _open:
        fig = _open[-1]
        fig.axes = [Axes(fig, 0)]


if show not in _divelab_hooks.post_execute:
    _divelab_hooks.post_execute.append(show)
