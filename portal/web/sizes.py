"""File sizes as residents read them: "10 MB", not Django's "10,0 MB".

Django's `filesizeformat` always shows one decimal; a limit of exactly ten megabytes then reads
as a measurement, not a round number. Binary units, as browsers and file managers count.
"""

from django.utils.formats import number_format

UNITS = ["byte", "kB", "MB", "GB"]
NBSP = "\u00a0"  # the number and its unit stay on one line


def file_size(size):
    """`size` bytes in the largest unit that keeps it at least 1: "10 MB", "1,5 MB", "512 byte"."""
    value = float(max(size, 0))
    unit = 0
    while value >= 1024 and unit < len(UNITS) - 1:
        value /= 1024
        unit += 1
    rounded = round(value, 1)
    decimals = 0 if rounded == int(rounded) else 1
    return f"{number_format(rounded, decimals)}{NBSP}{UNITS[unit]}"
