"""Staff views of email and followers in the Wagtail admin: the "E-post" report, followers per
village, a dashboard panel for email that could not be sent, and forgetting a follower.

Registered from `notifications.wagtail_hooks`.
"""
