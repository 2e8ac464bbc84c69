"""`make bench`: the site under gunicorn with production settings, driven over HTTP (not a test).

See docs/operations.md, "Measuring speed". Modules: `site` starts the database and the servers,
`load` is the load generator, `stats` the statistics, `pages`, `submit` and `search` the modes,
`minimal` the minimal Django view every page is compared with.
"""
