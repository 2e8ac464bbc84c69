"""Following the dialogues from outside the site: Atom feeds (`feeds`, built from `queries`) and
iCalendar (`calendars`, served by `views`), with the site-wide URLs in `urls`."""
