"""DiveLab's `torch`: PyTorch 1.13's tensor API for chapter 1 of Dive into Deep Learning, over a TypeScript core.

The package holds no tensor semantics of its own (see [Note: Python scalar kinds] in _core.py and the design notes):
it turns Python calls, operators, slices and keyword arguments into calls of `_divelab_js.tensor`.
What is supported and what differs from PyTorch: docs/FEATURES.md.
"""
from ._core import C as _C
from ._dtype import dtype, float32, float64, int64, int32, uint8, bool  # noqa: A004 - torch.bool is public
from ._size import Size
from ._tensor import Tensor
from ._creation import (tensor, as_tensor, from_numpy, arange, zeros, ones, empty, full, zeros_like, ones_like,
                        empty_like, full_like, eye, linspace, rand, randn, randint, normal, randperm, manual_seed,
                        seed, initial_seed, Generator)
from ._functions import *  # noqa: F403 - the torch.* functions, listed in _functions.__all__
from ._functions import max, min, round, pow  # noqa: A004 - shadowing builtins is PyTorch's API
from . import return_types
from ._device import device

__version__ = "1.13.0"

float = float32  # noqa: A001 - PyTorch's aliases
double = float64
long = int64
int = int32  # noqa: A001


class _Cuda:
    """torch.cuda: one device, the WebGPU adapter, where the engine has one the backend setting allows; none elsewhere, so
    d2l's try_gpu falls back to the CPU."""

    @staticmethod
    def is_available():
        from ._device import cuda_adapter

        return cuda_adapter() is not None

    @staticmethod
    def device_count():
        from ._device import cuda_adapter

        return 0 if cuda_adapter() is None else 1

    @staticmethod
    def _need():
        from ._device import cuda_adapter

        a = cuda_adapter()
        if a is None:
            raise AssertionError("Torch not compiled with CUDA enabled")
        return a

    def current_device(self):
        self._need()
        return 0

    def get_device_name(self, device=None):
        return self._need()

    def synchronize(self, device=None):
        """Waits for every queued GPU kernel, as CUDA's does (a read-back of one value orders after them)."""
        self._need()
        from _divelab_js import device as _api

        _api.synchronize()

    @staticmethod
    def memory_allocated(device=None):
        """Bytes of GPU memory held by live cuda tensors (0 where there is no cuda, as in PyTorch)."""
        import builtins

        from _divelab_js import device as _api

        return builtins.int(_api.memoryAllocated())  # `int` here is torch.int


cuda = _Cuda()


def get_default_dtype():
    """The dtype of floating tensors made from Python floats (torch.float32 unless changed)."""
    from ._dtype import from_core

    return from_core(_C.getDefaultDtype())


def set_default_dtype(d):
    _C.setDefaultDtype(d._name)


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None):
    """PyTorch's print options (precision, threshold, edgeitems, linewidth, profile, sci_mode)."""
    _C.setPrintOptions(precision, threshold, edgeitems, linewidth, profile, sci_mode)


# Autograd (torch.autograd, torch.no_grad, ...) is its own module (torch/autograd.py, written with the autograd
# layer); torch works without it.
import importlib.util as _util

if _util.find_spec("torch.autograd") is not None:
    from . import autograd
    from .autograd import no_grad, enable_grad, set_grad_enabled, is_grad_enabled  # noqa: F401
del _util
