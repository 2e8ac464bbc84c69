"""Demo proposals: what residents asked for, in which village, and what came of it."""

from .completed import COMPLETED
from .current import CURRENT

__all__ = ["COMPLETED", "CURRENT"]
