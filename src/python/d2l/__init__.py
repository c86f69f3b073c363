"""DiveLab's `d2l`: the helpers of the book's first chapter (plotting, timing, devices), written for DiveLab.

`from d2l import torch as d2l` works as in the book; so does `import d2l`.
"""
from . import torch  # noqa: F401 - the book imports `d2l.torch`
from .torch import *  # noqa: F401,F403
