"""DiveLab's matplotlib: the `pyplot` subset the course uses, drawn as interactive Plotly figures."""
__version__ = "3.6.3-divelab"

rcParams = {"figure.figsize": [6.4, 4.8], "figure.dpi": 100.0}


def use(backend, force=True):  # noqa: ARG001 - there is one backend: inline Plotly
    return None
