"""What happened to an anmälan, announced inside the service's transaction.

`notifications` listens: it emails the contact person and, with an address, the resident.
"""

from django.dispatch import Signal

# A resident registered for an event. Sent with `registration`.
registration_received = Signal()
