"""What happened to a proposal, announced by the services inside their transaction.

Other apps listen: `notifications` emails the resident and the village's followers. rounds
never imports them, so a listener that fails to queue its email is its own affair (it keeps the
work, see `notifications.mail.keeps_the_work`), and a rollback takes the email with it.
"""

from django.dispatch import Signal

# A proposal was saved with its reference. Sent with `proposal`, its private `token` (it exists
# only now) and `receipt`: whether the resident asked for the receipt by email (online form).
# A receiver returns True when it queued that receipt, so the receipt page can say whether one
# went (the per-address limit may refuse it).
proposal_received = Signal()

# A moderator made a proposal public. Sent with `proposal`.
proposal_published = Signal()

# A proposal got a public, dated update (a new status, an answer). Sent with `update`.
proposal_updated = Signal()
