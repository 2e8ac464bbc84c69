"""The case officers' workbench for proposals in the Wagtail admin (wagtail-modeladmin).

Registered from `rounds.wagtail_hooks`; nothing is imported here so that Django's admin
autodiscovery of `rounds.admin` has no side effects.
"""
