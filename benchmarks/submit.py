"""BENCH=submit: residents sending proposals at the same time, on PostgreSQL.

Each simulated resident is a process with its own address (X-Real-IP, read through
PROPOSALS_CLIENT_IP_HEADER as behind the reverse proxy) that goes through the form as a person
does: opens it (CSRF cookie and token, the signed start time), waits the minimum fill time,
reviews ("Granska") and sends ("Skicka"), several times. Timed: the review and the send, the
send being the submission. Afterwards the database must hold exactly one proposal per
submission that was answered with its receipt, each under its own reference.
"""

import http.client
import json
import multiprocessing
import secrets
import subprocess
import sys
import time
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from .load import HEADERS
from .site import ROOT, log, servers
from .stats import percentile

FILL_SECONDS = 1  # PROPOSALS_MIN_FILL_SECONDS of the server: the check stays, a little shorter
TITLE_PREFIX = "Bänkprov"


class Inputs(HTMLParser):
    """The name and value of every <input> of a page."""

    def __init__(self, html):
        super().__init__()
        self.values = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("name"):
            self.values[attributes["name"]] = attributes.get("value") or ""


class Resident:
    """One resident's browser: its address, its cookies and one connection."""

    def __init__(self, port, address):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.headers = {**HEADERS, "X-Real-IP": address}
        self.cookies = SimpleCookie()

    def request(self, method, path, fields=None):
        headers = dict(self.headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers.pop("Accept-Encoding")  # the pages are parsed here
        began = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        elapsed = time.perf_counter() - began
        for header in response.headers.get_all("Set-Cookie") or ():
            self.cookies.load(header)
        return response.status, content, elapsed


def proposal_fields(title):
    return {
        "title": title,
        "body": "Det är mörkt vid hållplatsen på vintermorgnarna; en lampa till behövs.",
        "location": "Vid affären",
        "name": "Bänk Provsson",
        "email": f"{secrets.token_hex(6)}@example.org",
        "display_name": "",
        "age_group": "",
    }


def resident(arguments):
    """Send `count` proposals; per submission (title, review s, send s, status of the send)."""
    port, path, number, count, start_at = arguments
    person = Resident(port, f"10.20.{number // 250}.{number % 250 + 1}")
    time.sleep(max(0.0, start_at - time.time()))
    results = []
    for item in range(count):
        title = f"{TITLE_PREFIX} {number}-{item}"
        status, page, _ = person.request("GET", path)
        form = Inputs(page).values
        time.sleep(FILL_SECONDS + 0.1)
        fields = {
            "csrfmiddlewaretoken": form.get("csrfmiddlewaretoken", ""),
            "started": form.get("started", ""),
            **proposal_fields(title),
            "action": "review",
        }
        status, page, review_seconds = person.request("POST", path, fields)
        review = Inputs(page).values
        if status != 200 or "review" not in review:
            results.append((title, review_seconds, None, status))
            continue
        fields = {
            "csrfmiddlewaretoken": review.get("csrfmiddlewaretoken", ""),
            "review": review["review"],
            "action": "send",
        }
        status, _, send_seconds = person.request("POST", path, fields)
        results.append((title, review_seconds, send_seconds, status))
    return results


def stored_proposals(environment):
    """{title: reference} of the benchmark's proposals, read from the database afterwards."""
    script = (
        "import django, json; django.setup(); from rounds.models import Proposal; "
        f"print(json.dumps(list(Proposal.objects.filter(title__startswith={TITLE_PREFIX!r})"
        ".values_list('title', 'reference'))))"
    )
    output = subprocess.run(  # noqa: S603 - this interpreter, our own script
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def run(environment, paths, residents=20, each=5):
    path = paths["form"]
    if not path:
        sys.exit("BENCH=submit: no dialogue of the demo takes proposals today.")
    extra = {
        "PROPOSALS_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        "PROPOSALS_MIN_FILL_SECONDS": str(FILL_SECONDS),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",  # the receipt is queued, as live
    }
    log(f"{residents} residents send {each} proposals each to {path}…")
    with servers(environment, [("site", "portal.wsgi", extra)]) as started:
        port = started["site"].port
        start_at = time.time() + 3
        jobs = [(port, path, number, each, start_at) for number in range(residents)]
        with multiprocessing.get_context("spawn").Pool(residents) as pool:
            results = [row for rows in pool.map(resident, jobs, chunksize=1) for row in rows]
    print(report(results, stored_proposals(environment), residents), flush=True)


def report(results, stored, residents):
    """The printed result, with what the database holds checked against what was sent."""
    sent = {title for title, _, _, status in results if status == 303}
    titles = [title for title, _ in stored]
    references = [reference for _, reference in stored]
    reviews = [seconds for _, seconds, _, _ in results]
    sends = [seconds for _, _, seconds, status in results if seconds is not None]
    lines = [
        f"Proposal submission, {residents} residents at once, {len(results)} submissions "
        "(PostgreSQL):",
        f"  review ('Granska')  p50 {percentile(reviews, 50) * 1000:7.1f} ms  "
        f"p99 {percentile(reviews, 99) * 1000:7.1f} ms",
    ]
    if sends:
        lines.append(
            f"  send ('Skicka')    p50 {percentile(sends, 50) * 1000:7.1f} ms  "
            f"p99 {percentile(sends, 99) * 1000:7.1f} ms"
        )
    lines += [
        f"  answered with a receipt (303): {len(sent)} of {len(results)}",
        f"  proposals in the database: {len(stored)}; each submission once: "
        f"{'yes' if sorted(titles) == sorted(sent) else 'NO'}; references unique: "
        f"{'yes' if len(set(references)) == len(references) else 'NO'}",
    ]
    return "\n".join(lines)
