"""Demo content modelled on Kalmar kommun's development dialogues (`manage.py seed_demo`)."""
