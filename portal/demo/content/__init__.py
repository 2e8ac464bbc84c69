"""The demo's texts and facts, kept apart from the code that saves them."""
