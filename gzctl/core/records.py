"""Dataclasses without compiling three methods per class at import.

``@dataclass`` writes ``__init__``, ``__repr__`` and ``__eq__`` (and for a frozen class
``__hash__``, ``__setattr__``, ``__delattr__``) as source text and compiles each for every
class, every run: for the sixty-odd classes a command imports that was a large part of its
start-up. :func:`record` and :func:`frozen_record` are ``@dataclass`` and
``@dataclass(frozen=True)`` whose equality, hash and repr come from the base classes here,
written once, with the same behaviour: equal when of the same class with equal compared
fields, ``Name(field=value, ...)``, a frozen record's hash that of its compared fields.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:  # the decorator only speaks to type checkers

    def dataclass_transform(**_: Any) -> Any:
        """typing_extensions.dataclass_transform, which changes nothing at run time."""
        return lambda f: f


T = TypeVar("T")

_getters: dict[type, Any] = {}


def _values(cls: type) -> Any:
    """A function giving the tuple of a record's compared fields (one C call)."""
    get = _getters.get(cls)
    if get is None:
        from operator import attrgetter

        names = [f.name for f in dataclasses.fields(cls) if f.compare]
        if len(names) > 1:
            get = attrgetter(*names)
        else:
            get = lambda obj, names=names: tuple(getattr(obj, n) for n in names)  # noqa: E731
        _getters[cls] = get
    return get


class Record:
    """Base of a mutable :func:`record`: ``__eq__`` and ``__repr__`` as @dataclass has them,
    unhashable as @dataclass(eq=True) makes it."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            # the getter straight from its table (a save compares 50,000 organisations)
            get = _getters.get(self.__class__) or _values(self.__class__)
            return bool(get(self) == get(other))
        return NotImplemented

    def __repr__(self) -> str:
        fields = dataclasses.fields(self)  # type: ignore[arg-type]
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields if f.repr)
        return f"{self.__class__.__qualname__}({shown})"


class FrozenRecord(Record):
    """Base of a :func:`frozen_record`: hashable by its compared fields."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(_values(self.__class__)(self))


@dataclass_transform(eq_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    """``@dataclass`` for a subclass of :class:`Record`."""
    return dataclasses.dataclass(eq=False, repr=False)(cls)


@dataclass_transform(eq_default=True, frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen_record(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True)`` for a subclass of :class:`FrozenRecord`."""
    return dataclasses.dataclass(frozen=True, eq=False, repr=False)(cls)
