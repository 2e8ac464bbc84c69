"""Wagtail's database search backend, with every word of a query matched as a prefix.

Snowball's Swedish stemmer does not give all forms of a word one stem: "busshållplatsen" becomes
"busshållplats" but "busshållplats" becomes "busshållplat". Matching the stem of what a resident
typed as a prefix finds every form. Configure as ``"BACKEND": "search.backend"``.
"""

from functools import cache

from wagtail.search.backends.database import SearchBackend as database_backend


@cache
def _prefix_compiler(compiler_class):
    return type(
        f"Prefix{compiler_class.__name__}", (compiler_class,), {"LAST_TERM_IS_PREFIX": True}
    )


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    backend = database_backend(params)
    backend.query_compiler_class = _prefix_compiler(backend.query_compiler_class)
    return backend
