"""DiveLab's `d2l`: the helpers of the book's first chapter (plotting, timing, devices), written for DiveLab.

Import it as the book does: `from d2l import torch as d2l`.
"""
