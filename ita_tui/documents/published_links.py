"""Whether each address an agency publishes still opens as an assessor would open it: the
assessors follow every link of the OIT, and a dead one, a placeholder or a page behind a login
scores nothing.

Only http and https addresses are fetched, each with a time limit, a bound on redirects and on
how much of the page is read, and a bound on how many are open at once."""

import http.client
import re
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from ita_tui.core.model import LinkToCheck as Link
from ita_tui.core.thai_calendar import to_arabic_digits

# What a verdict means to the agency: these score nothing when the assessor opens them.
OK = "ok"
DEAD = "dead"
UNREACHABLE = "unreachable"
PLACEHOLDER = "placeholder"
LOGIN = "login"
# The page opens but names other years and not the one it should: worth a look, not dead.
OTHER_YEAR = "other_year"
FAILING = frozenset({DEAD, UNREACHABLE, PLACEHOLDER, LOGIN})

# Words officers leave where the address will go once the page is up.
_PLACEHOLDER_WORDS = {
    "",
    "#",
    "-",
    "–",
    "—",
    "/",
    "tba",
    "tbd",
    "todo",
    "n/a",
    "รอ",
    "รอใส่ลิงก์",
    "รอใส่ลิ้งค์",
    "รอลิงก์",
    "ลิงก์",
    "ลิ้งค์",
    "link",
    "url",
    "http://",
    "https://",
}
# Where a link that needs an account ends up once its redirects are followed.
_LOGIN_PAGES = (
    ("accounts.google.com", ""),
    ("login.microsoftonline.com", ""),
    ("login.live.com", ""),
    ("www.facebook.com", "/login"),
    ("m.facebook.com", "/login"),
    ("line.me", "/login"),
)
_BE_YEAR = re.compile(r"(?<!\d)25[4-9]\d(?!\d)")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class LinkCheck:
    link: Link
    verdict: str
    status: int | None = None
    final_url: str | None = None
    # The reason in a word or two (an HTTP reason, the network's error): never shown as markup.
    detail: str = ""

    @property
    def failing(self) -> bool:
        return self.verdict in FAILING


@dataclass(frozen=True)
class CheckLimits:
    timeout: float = 10.0
    concurrent: int = 8
    redirects: int = 5
    read_bytes: int = 512 * 1024


def is_placeholder(url: str) -> bool:
    text = url.strip()
    if text.casefold() in _PLACEHOLDER_WORDS:
        return True
    parts = urlsplit(text)
    return parts.scheme.lower() not in ("http", "https") or not parts.hostname


def check_links(
    links: Iterable[Link],
    limits: CheckLimits = CheckLimits(),
    done: Callable[[LinkCheck], None] | None = None,
) -> list[LinkCheck]:
    """Each link checked, in the order given; `done` hears of each as it is finished (for a
    progress bar)."""
    links = list(links)

    def one(link: Link) -> LinkCheck:
        result = _check(link, limits)
        if done is not None:
            done(result)
        return result

    with ThreadPoolExecutor(max_workers=max(1, limits.concurrent)) as pool:
        return list(pool.map(one, links))


def _opener(limits: CheckLimits) -> urllib.request.OpenerDirector:
    bounded = type(
        "BoundedRedirects",
        (urllib.request.HTTPRedirectHandler,),
        {"max_redirections": limits.redirects, "max_repeats": limits.redirects},
    )
    # No proxy from the environment and no cookies kept: each check is what a stranger sees.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), bounded())


def _check(link: Link, limits: CheckLimits) -> LinkCheck:
    url = link.url.strip()
    if is_placeholder(url):
        return LinkCheck(link, PLACEHOLDER)
    request = urllib.request.Request(
        url, headers={"User-Agent": "ita-tui link check", "Accept": "text/html,*/*"}
    )
    try:
        with _opener(limits).open(request, timeout=limits.timeout) as response:
            final = response.geturl()
            status = response.status
            if _is_login_page(final):
                return LinkCheck(link, LOGIN, status, final)
            body = response.read(limits.read_bytes)
            verdict = _year_verdict(body, response.headers, link.year)
            return LinkCheck(link, verdict, status, final)
    except urllib.error.HTTPError as error:
        final = error.geturl() or url
        if _is_login_page(final):
            return LinkCheck(link, LOGIN, error.code, final)
        return LinkCheck(link, DEAD, error.code, final, str(error.reason or ""))
    except urllib.error.URLError as error:
        return LinkCheck(link, UNREACHABLE, detail=_network_reason(error.reason))
    except TimeoutError:
        return LinkCheck(link, UNREACHABLE, detail="timeout")
    except (OSError, ValueError, http.client.HTTPException) as error:
        return LinkCheck(link, UNREACHABLE, detail=type(error).__name__)


def _network_reason(reason: object) -> str:
    if isinstance(reason, TimeoutError | socket.timeout):
        return "timeout"
    if isinstance(reason, socket.gaierror):
        return "no such host"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return "certificate"
    return type(reason).__name__ if isinstance(reason, BaseException) else str(reason)


def _is_login_page(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return any(host == h and parts.path.startswith(p) for h, p in _LOGIN_PAGES) or (
        "servicelogin" in parts.path.lower()
    )


def _year_verdict(body: bytes, headers: Message, year: int | None) -> str:
    """A page that names Buddhist-era years but not the one expected is probably last year's;
    a page that names none (a PDF, a picture) cannot tell, and passes."""
    if year is None or headers.get_content_maintype() != "text":
        return OK
    text = body.decode(headers.get_content_charset() or "utf-8", errors="replace")
    years = {int(y) for y in _BE_YEAR.findall(to_arabic_digits(_TAG.sub(" ", text)))}
    return OTHER_YEAR if years and year not in years else OK
