"""The case officers' workbench for proposals in the Wagtail admin.

`modeladmin` wires it into the admin (the only module importing wagtail-modeladmin); the list
is `listing`, the views of one proposal `actions`, with their forms, filters, exports, queries
and the dashboard panels. Registered from `rounds.wagtail_hooks`.
"""
