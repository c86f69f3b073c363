"""torch.device and the device checks. `cuda` exists where the engine has a WebGPU adapter that the backend
setting allows: float32 work on cuda tensors runs on the GPU ([Note: cuda on WebGPU] in
src/engine/core/cuda-devices.ts). Elsewhere DiveLab computes on the CPU only, and says so in PyTorch's words."""

import re
import sys

from _divelab_js import device as _api

from pyodide.ffi import jsnull

__all__ = ["device", "check_device", "cuda_adapter", "is_cuda", "copy_to", "mark_cuda"]

_noticed = False


def cuda_adapter():
    """The WebGPU adapter's name when cuda is available, else None."""
    a = _api.adapter()
    return None if a is None or a is jsnull else a


def is_cuda(handle):
    return cuda_adapter() is not None and bool(_api.isCuda(handle))


def mark_cuda(handle):
    """Puts a freshly made core tensor on cuda (creation ops with device='cuda')."""
    _api.markCuda(handle)


def copy_to(handle, kind):
    return _api.copyTo(handle, kind)


def _use_cuda(dev):
    """Checks a cuda device against the one WebGPU device; the first use prints DiveLab's one-line notice."""
    global _noticed
    adapter = cuda_adapter()
    if adapter is None:
        raise AssertionError("Torch not compiled with CUDA enabled")
    if dev.index not in (None, 0):
        raise RuntimeError("CUDA error: invalid device ordinal")
    if not _noticed:
        _noticed = True
        print(_api.notice(), file=sys.stderr)

_DEVICE_STRING = re.compile(r"([a-zA-Z_]+)(?::([1-9][0-9]*|0))?")

_TYPES = ("cpu cuda ipu xpu mkldnn opengl opencl ideep hip ve fpga ort xla lazy vulkan mps meta hpu "
          "privateuseone").split()


def _bad_string(s):
    return RuntimeError(f"Expected one of {', '.join(_TYPES)} device type at start of device string: {s}")


class device:  # noqa: N801 - PyTorch's name
    """Where a tensor lives: `torch.device('cpu')`, `torch.device('cuda', 0)`."""

    __module__ = "torch"

    def __init__(self, type="cpu", index=None):  # noqa: A002 - PyTorch's parameter names
        if isinstance(type, device):
            type, index = type.type, type.index
        s = str(type)
        # PyTorch's parser: the whole string must be `name` or `name:index` (no sign, no leading zero), and only
        # then is the name looked up, so 'cuda:x' and 'gpu:0' fail with different messages
        m = _DEVICE_STRING.fullmatch(s)
        if m is None:
            raise RuntimeError(f"Invalid device string: '{s}'")
        kind, idx = m.group(1), m.group(2)
        if kind not in _TYPES:
            raise _bad_string(kind)
        self.type = kind
        self.index = int(idx) if idx else index

    def __repr__(self):
        return f"device(type='{self.type}')" if self.index is None else f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))


def check_device(d):
    """True for cuda (when available), False for the CPU or None; raises what PyTorch raises for the rest."""
    if d is None:
        return False
    dev = d if isinstance(d, device) else device(d) if isinstance(d, str) else None
    if dev is None:
        raise TypeError(f"to() received an invalid combination of arguments - got ({type(d).__name__}), "
                        "but expected a device")
    if dev.type == "cuda":
        _use_cuda(dev)
        return True
    if dev.type != "cpu":
        raise RuntimeError(f"DiveLab computes on the CPU only; '{dev}' is not available")
    return False
