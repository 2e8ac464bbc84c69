"""The resident's proposal and its workflow: the form (`forms`, `drafts`, `photos`, `abuse`), the
services that are the only writers of its state (`services`, announcing with `signals`), what the
public may read (`queries`, `summary`, `filters`) and the views and private link (`views`, `urls`).
"""
