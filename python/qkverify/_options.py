"""Python arguments to command-line options: the only place that spells an option."""

from __future__ import annotations

import numbers
import os
from typing import Iterable, List, Mapping, Optional, Sequence, Union

#: A number, a string or path, or a list of them (joined with commas); True is a flag; None and
#: False leave the option out.
Scalar = Union[int, float, str, "os.PathLike[str]"]
OptionValue = Union[None, bool, Scalar, Sequence[Union[int, float, str]]]


def format_value(value: object) -> str:
    """One value as the tool reads it: whole floats without '.0' (``1e5`` -> ``100000``), others exact."""
    if isinstance(value, bool):
        raise TypeError(f"{value!r} inside a list: a flag cannot be a list element")
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        return str(int(number)) if number.is_integer() and abs(number) < 2.0**63 else repr(number)
    if isinstance(value, (str, os.PathLike)):
        return os.fspath(value)
    raise TypeError(f"{value!r} is not a number, a string or a path")


def to_argv(named: Mapping[str, OptionValue], options: Optional[Mapping[str, OptionValue]] = None,
            reserved: Iterable[str] = ()) -> List[str]:
    """``{"block_size": 1000, "dims": [1, 4], "sequential": True}`` -> ``["--block-size=1000", "--dims=1,4", "--sequential"]``.

    ``named`` are a function's own parameters, ``options`` its ``**options``; the names in
    ``reserved`` are chosen by the function (e.g. ``out``) and refused in ``options``. Values are
    attached with ``=`` so that a negative number (``means=[-1, 0]``) is never read as an option.
    """
    options = options or {}
    refused = sorted(set(options) & set(reserved))
    if refused:
        raise TypeError(f"{', '.join(refused)}: chosen by this function, not an option to pass")
    argv: List[str] = []
    for name, value in {**named, **options}.items():
        flag = "--" + name.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            argv.append(flag)
        elif isinstance(value, (str, os.PathLike, int, float, numbers.Number)):
            argv.append(f"{flag}={format_value(value)}")
        else:
            argv.append(f"{flag}={','.join(format_value(item) for item in value)}")
    return argv
