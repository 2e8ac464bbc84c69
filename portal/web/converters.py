"""A path converter for database ids: `<id:name>`, a whole number that fits a 64-bit integer.

Django's `<int:...>` takes any number of digits; one larger than the database can hold raises
OverflowError on SQLite (a 500) and is an error on PostgreSQL. With `<id:...>` such an address
simply does not match, so it is a 404. Registered once, in HomeConfig.ready() (the lowest app).
"""

MAX_ID = 2**63 - 1  # the largest bigint in PostgreSQL and integer in SQLite


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > MAX_ID:
            raise ValueError("out of range")  # Django treats this as "no match": a 404
        return number

    def to_url(self, value):
        return str(value)
