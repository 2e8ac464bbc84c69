"""Page speed and queries per request on the demo content: `make bench` (not a test)."""
