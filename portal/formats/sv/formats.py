"""How Swedish staff type dates and times, for every date field in the admin.

Django's own Swedish formats read "5/4/2027" as 4 May (the American order); here it is 5 April,
as a Swede means it. Times take a colon or a point ("17:30", "17.30"). What none of these match
is refused with a message; the admin's date picker no longer replaces it (portal.web.admin_dates).
Display formats stay Django's Swedish ones.
"""

DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2027-04-20, first: what the date picker writes
    "%d/%m %Y",  # 20/4 2027
    "%d/%m/%Y",  # 20/4/2027
    "%d.%m.%Y",  # 20.4.2027
]
_TIMES = ["%H:%M", "%H.%M", "%H:%M:%S"]
DATETIME_INPUT_FORMATS = [f"{date} {time}" for date in DATE_INPUT_FORMATS for time in _TIMES]
