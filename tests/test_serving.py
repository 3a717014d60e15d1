"""wardpub.site.serving: the production nginx configuration, tried on Debian's nginx."""

import gzip
import re
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest

from wardpub.site.publish import nginx_config_path
from wardpub.site.serving import content_security_policy, inline_script_hashes, run_nginx
from wardpub.media.shortlinks import read_links

SITE_URL = "https://example.gov.vn/nq71/"
ALLOWED = "http://127.0.0.1:9"


@pytest.fixture(scope="module")
def nginx(site):
    with run_nginx(site, SITE_URL, [ALLOWED]) as base:
        yield base


def fetch(url, gzip_ok=True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        response = urllib.request.urlopen(request)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers, response.read()


SECURITY = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"}


def assert_security_headers(headers, frame_ancestors="'self'"):
    for name, value in SECURITY.items():
        assert headers[name] == value, name
    csp = headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert csp.endswith(f"frame-ancestors {frame_ancestors}")


def test_page_headers(nginx):
    status, headers, body = fetch(nginx)
    assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Cache-Control"] == "no-cache"
    assert_security_headers(headers)
    assert b"<!doctype html>" in gzip.decompress(body).lower()


def test_fingerprinted_asset_is_cached_for_a_year_and_keeps_every_header(nginx, site):
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js")).name
    status, headers, _ = fetch(nginx + "assets/javascripts/" + bundle)
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert_security_headers(headers)  # a location's add_header would have dropped these
    font = next((site / "assets/fonts").glob("*.woff2")).name
    assert fetch(nginx + "assets/fonts/" + font)[1]["Cache-Control"].endswith("immutable")


def test_missing_page_is_the_sites_own_404_in_the_readers_language(nginx):
    status, headers, body = fetch(nginx + "khong-co-trang-nay/", gzip_ok=False)
    assert status == 404
    assert '<html lang="vi"' in body.decode("utf-8") and "Không tìm thấy trang" in body.decode("utf-8")
    assert_security_headers(headers)
    status, headers, body = fetch(nginx + "en/no-such-page/", gzip_ok=False)
    assert status == 404
    assert '<html lang="en"' in body.decode("utf-8") and "Page not found" in body.decode("utf-8")
    assert_security_headers(headers)
    assert fetch(nginx + "en/")[0] == 200  # the English folder is still served


def test_only_embed_pages_may_be_framed_by_the_ward(nginx):
    assert_security_headers(fetch(nginx + "embed/news/")[1], f"'self' {ALLOWED}")
    assert_security_headers(fetch(nginx + "en/embed/chart/ngan-sach-giao-duc/")[1], f"'self' {ALLOWED}")
    assert_security_headers(fetch(nginx + "tin-tuc/")[1])


def test_policy_lists_the_hash_of_every_inline_script(site):
    hashes = inline_script_hashes(site)
    assert 1 <= len(hashes) <= 5  # Material's few inline scripts, one hash each (extra.scope is fixed)
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", h) for h in hashes)
    assert all(h in content_security_policy(site) for h in hashes)


def test_build_writes_the_configuration_beside_the_site(site):
    config = nginx_config_path(site).read_text()
    assert "Content-Security-Policy" in config and str(site) in config
    assert "location /nq71/" in config and "error_page 404 /nq71/404.html" in config


def test_web_editor_has_its_own_policy_and_is_never_indexed(nginx):
    status, headers, _ = fetch(nginx + "admin/")
    assert status == 200 and headers["X-Robots-Tag"] == "noindex, nofollow"
    csp = headers["Content-Security-Policy"]
    assert "'unsafe-eval'" in csp and "https://api.github.com" in csp and csp.endswith("frame-ancestors 'self'")
    status, headers, _ = fetch(nginx)
    assert "X-Robots-Tag" not in headers and "'unsafe-eval'" not in headers["Content-Security-Policy"]


def test_short_links_are_real_redirects_to_the_item(nginx, site):
    links = read_links(site)
    assert links, "the build lists the short links its QR codes carry"
    code, target = sorted(links.items())[0]
    for address in (f"q/{code}/", f"q/{code}"):
        request = urllib.request.Request(nginx + address)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            opener.open(request)
            raise AssertionError("no redirect")
        except urllib.error.HTTPError as response:
            assert response.status == 301
            assert response.headers["Location"] == urlsplit(nginx).path + target
            assert_security_headers(response.headers)
    assert fetch(nginx + target.split("#")[0])[0] == 200


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
