"""The book's `d2l.torch` helpers for chapter 1, drawn with DiveLab's Plotly-backed matplotlib."""
import time

import numpy
import torch
from matplotlib import pyplot as plt
from matplotlib import rcParams

__all__ = ["plt", "torch", "numpy", "use_svg_display", "set_figsize", "set_axes", "plot", "Timer", "try_gpu", "try_all_gpus", "show_graph"]


def use_svg_display():
    """The book switches matplotlib to SVG for sharp plots; DiveLab's plots are vector graphics already."""


def set_figsize(figsize=(3.5, 2.5)):
    """Sets the size (inches) of the figures drawn next."""
    use_svg_display()
    rcParams["figure.figsize"] = list(figsize)


def set_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend):
    """Labels, limits, scales and legend of one matplotlib Axes."""
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_xscale(xscale)
    axes.set_yscale(yscale)
    axes.set_xlim(xlim)
    axes.set_ylim(ylim)
    if legend:
        axes.legend(legend)
    axes.grid()


def _has_one_axis(X):
    return (hasattr(X, "ndim") and X.ndim == 1) or (isinstance(X, list) and not hasattr(X[0], "__len__"))


def plot(X, Y=None, xlabel=None, ylabel=None, legend=None, xlim=None, ylim=None, xscale="linear", yscale="linear",
         fmts=("-", "m--", "g-.", "r:"), figsize=(3.5, 2.5), axes=None):
    """Plots data points: X and Y as one series or a list of series, each with the next format of fmts."""
    if legend is None:
        legend = []
    set_figsize(figsize)
    axes = axes if axes else plt.gca()
    if _has_one_axis(X):
        X = [X]
    if Y is None:
        X, Y = [[]] * len(X), X
    elif _has_one_axis(Y):
        Y = [Y]
    if len(X) != len(Y):
        X = X * len(Y)
    axes.cla()
    for x, y, fmt in zip(X, Y, fmts):
        if len(x):
            axes.plot(x, y, fmt)
        else:
            axes.plot(y, fmt)
    set_axes(axes, xlabel, ylabel, xlim, ylim, xscale, yscale, legend)


class Timer:
    """Records running times."""

    def __init__(self):
        self.times = []
        self.start()

    def start(self):
        self.tik = time.time()

    def stop(self):
        self.times.append(time.time() - self.tik)
        return self.times[-1]

    def avg(self):
        return sum(self.times) / len(self.times)

    def sum(self):
        return sum(self.times)

    def cumsum(self):
        out, total = [], 0.0
        for t in self.times:
            total += t
            out.append(total)
        return out


def try_gpu(i=0):
    """The i-th GPU if there is one (DiveLab: WebGPU as 'cuda'), else the CPU."""
    if torch.cuda.device_count() >= i + 1:
        return torch.device(f"cuda:{i}")
    return torch.device("cpu")


def try_all_gpus():
    devices = [torch.device(f"cuda:{i}") for i in range(torch.cuda.device_count())]
    return devices if devices else [torch.device("cpu")]


def show_graph(tensor):
    """Shows the computation graph behind a tensor with a grad_fn (DiveLab's graph view)."""
    from torch import _graph  # written with autograd

    return _graph.show_graph(tensor)
