"""A frontend cache (WAGTAILFRONTENDCACHE) that writes down what it is asked to purge."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

purged = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        purged.append(url)


SETTINGS = {"recording": {"BACKEND": "tests.support.frontend_cache.RecordingBackend"}}
