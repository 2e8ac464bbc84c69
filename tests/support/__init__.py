"""Helpers shared by the tests; none of these modules holds a test.

Each module is imported under one name everywhere: `from tests.support import pages as
factories` (the site tree's pages), `from tests.support import proposals as make` (proposals
and their answers); from the others the functions themselves, e.g.
`from tests.support.html import soup, text_of`. `proposal_form` and `following` also hold
fixtures (`dialogue`, `no_wait`, `place`, `village`): tests/conftest.py registers them as plugins.
"""
