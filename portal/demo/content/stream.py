"""Small helpers that write StreamField content in Wagtail's raw JSON form."""


def heading(text):
    return {"type": "heading", "value": text}


def text(html):
    return {"type": "text", "value": html}


def paragraphs(*texts):
    return text("".join(f"<p>{t}</p>" for t in texts))


def bullets(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def facts(pairs, title="Fakta"):
    return {
        "type": "facts",
        "value": {"heading": title, "facts": [{"label": k, "value": v} for k, v in pairs]},
    }


MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def swedish_date(day):
    """A date as Swedes write it in running text, e.g. ”3 mars 2026”."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
