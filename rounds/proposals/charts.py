"""Bar charts as inline SVG, drawn on the server: no script, no third-party request.

Each chart is an image with a title and a description (`role="img"`, `<title>`, `<desc>`), and
each bar carries its label and number in text, so nothing is told by colour alone; the page puts
the same numbers in a table beside it. The bars are the site's green on white (7.8:1) and use
presentation attributes only, which the content security policy allows.
"""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

WIDTH = 600
ROW_HEIGHT = 56
LABEL_SIZE = 18
BAR_HEIGHT = 22
NUMBER_ROOM = 130  # room right of the longest bar for its number
BAR_COLOUR = "#0b5d3b"
TEXT_COLOUR = "#1b1f23"
TRACK_COLOUR = "#c9d1cc"


def bar_chart(chart_id, title, rows, unit=""):
    """An SVG of horizontal bars for `rows` (objects with `label` and `count`; a None count is
    a group too small to show, drawn without a bar and said in words)."""
    rows = list(rows)
    largest = max((row.count or 0 for row in rows), default=0)
    scale = (WIDTH - NUMBER_ROOM) / largest if largest else 0
    height = ROW_HEIGHT * len(rows) + 8
    bars = format_html_join("", "{}", ((_bar(i, row, scale, unit),) for i, row in enumerate(rows)))
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg" focusable="false">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{bars}</svg>',
        id=chart_id,
        width=WIDTH,
        height=height,
        title=title,
        desc=describe(rows, unit),
        bars=bars,
    )


def _number(row, unit):
    if row.count is None:
        return _("färre än 5")
    return f"{row.count} {unit}".strip()


def _bar(index, row, scale, unit):
    top = index * ROW_HEIGHT
    label_y = top + LABEL_SIZE
    bar_y = label_y + 8
    length = round((row.count or 0) * scale)
    return format_html(
        '<g><text x="0" y="{label_y}" font-size="{size}" fill="{ink}">{label}</text>'
        '<rect x="0" y="{track_y}" width="{width}" height="1" fill="{track}"/>'
        '<rect x="0" y="{bar_y}" width="{length}" height="{bar_height}" fill="{colour}"/>'
        '<text x="{number_x}" y="{number_y}" font-size="{size}" fill="{ink}">{number}</text></g>',
        label_y=label_y,
        size=LABEL_SIZE,
        ink=TEXT_COLOUR,
        label=row.label,
        track_y=bar_y + BAR_HEIGHT,
        width=WIDTH - NUMBER_ROOM,
        track=TRACK_COLOUR,
        bar_y=bar_y,
        length=length,
        bar_height=BAR_HEIGHT,
        colour=BAR_COLOUR,
        number_x=length + 8,
        number_y=bar_y + BAR_HEIGHT - 5,
        number=_number(row, unit),
    )


def describe(rows, unit=""):
    """The chart in one sentence: "Mottaget: 3 förslag, Behandlas: 1 förslag."."""
    return "; ".join(f"{row.label}: {_number(row, unit)}" for row in rows) + "."
