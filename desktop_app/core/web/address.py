"""Web addresses: which strings are addresses, their canonical form, the site they belong to."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only say how a reader arrived (campaigns, click ids, share buttons):
# the same article with or without them is one article.
_TRACKING = re.compile(
    r"^(utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid"
    r"|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|at_medium"
    r"|at_campaign|at_custom\d*|ocid|cmpid|ito|ns_source|ns_mchannel|ns_campaign"
    r"|rss|from_rss|feature|share|s_cid|spm|xtor)$",
    re.IGNORECASE,
)


def is_address(text: str) -> bool:
    """True for an http or https address with a host (what `hamish import` fetches)."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in SCHEMES and bool(parts.hostname)


def canonical(url: str, base: str = "") -> str:
    """The address as a key: scheme and host in lower case, no default port, no fragment,
    no tracking parameters, an empty path as "/". "" for what is not an http(s) address."""
    try:
        parts = urlsplit(urljoin(base, url.strip()) if base else url.strip())
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not host:
        return ""
    netloc = host.lower().rstrip(".")
    if ":" in netloc:  # IPv6
        netloc = f"[{netloc}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    kept = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(kept), ""))


def site_name(url: str) -> str:
    """The host of an address without "www." (the source of a page that names no site); an
    internationalised name in its own letters (xn--mgbh0fb... is مثال)."""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    host = host[4:] if host.startswith("www.") else host
    if "xn--" in host:
        try:
            return host.encode("ascii").decode("idna")
        except UnicodeError:
            pass
    return host


def file_name(url: str, suffix: str) -> str:
    """A file name for the page's kept original: the address's last path part, with suffix."""
    try:
        last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    except ValueError:
        last = ""
    stem = re.sub(r"[^\w.-]+", "-", last).strip(".-")[:80]
    if stem.lower().endswith(suffix):
        return stem
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return f"{stem or site_name(url) or 'page'}{suffix}"
