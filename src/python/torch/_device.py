"""torch.device and the device checks: DiveLab computes on the CPU only, and says so in PyTorch's words."""

import re

__all__ = ["device", "check_device"]

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
    """Accepts the CPU (as a string, an int-free device or None); raises what PyTorch without CUDA raises else."""
    if d is None:
        return
    dev = d if isinstance(d, device) else device(d) if isinstance(d, str) else None
    if dev is None:
        raise TypeError(f"to() received an invalid combination of arguments - got ({type(d).__name__}), "
                        "but expected a device")
    if dev.type == "cuda":
        raise AssertionError("Torch not compiled with CUDA enabled")
    if dev.type != "cpu":
        raise RuntimeError(f"DiveLab computes on the CPU only; '{dev}' is not available")
