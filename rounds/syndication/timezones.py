"""The VTIMEZONE for the calendars, written out by hand for Europe/Stockholm.

icalendar 7 derives a VTIMEZONE from the zone database, but dates the spring change at 03:00
(the wall clock after it) where RFC 5545 wants the local time before it, 02:00. Apps that trust
the file then move every summer event on that night by an hour. The rules are EU law since 1996
(last Sunday of March 02:00 CET, last Sunday of October 03:00 CEST), so two RRULEs say it all
and the same block serves every year. Another zone falls back to the library's.
"""

from datetime import date

from icalendar import Timezone

STOCKHOLM = """BEGIN:VTIMEZONE
TZID:Europe/Stockholm
X-LIC-LOCATION:Europe/Stockholm
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19960331T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""

WRITTEN_OUT = {"Europe/Stockholm": STOCKHOLM}


def add_timezone(calendar, name, first_year, last_year):
    """Add the VTIMEZONE of `name`, valid at least from `first_year` to `last_year`."""
    if name in WRITTEN_OUT:
        calendar.add_component(Timezone.from_ical(WRITTEN_OUT[name].replace("\n", "\r\n")))
    else:
        calendar.add_missing_timezones(date(first_year, 1, 1), date(last_year + 1, 1, 1))
