"""The public pages of rounds and dialogues: where a dialogue sits in the page tree, the listings
the pages show (also those of the home and village pages, through Wagtail hooks), and the routes
under a dialogue or a village."""
