"""pandas.errors: the exception classes read_csv and astype raise (pandas 1.5 makes them ValueError subclasses)."""


class ParserError(ValueError):
    """Raised when a CSV cannot be tokenized (e.g. a row with too many fields)."""


class EmptyDataError(ValueError):
    """Raised by read_csv for a file with no columns."""


class IntCastingNaNError(ValueError):
    """Raised when NaN or inf is cast to an integer dtype."""


class DtypeWarning(Warning):
    """Warning for columns of mixed types (not raised by DiveLab: columns are inferred over the whole file)."""


class SettingWithCopyWarning(Warning):
    """pandas warns with this when assigning into a copy of a slice (not raised by DiveLab: slices never alias)."""


for _cls in (ParserError, EmptyDataError, IntCastingNaNError, DtypeWarning, SettingWithCopyWarning):
    _cls.__module__ = "pandas.errors"
