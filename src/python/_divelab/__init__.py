"""Helpers shared by DiveLab's Python packages (torch, numpy, pandas, d2l): error translation and display."""
