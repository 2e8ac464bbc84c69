"""A resident's "anmälan" to an event: the form, its service and signal, the retention."""
