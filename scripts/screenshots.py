"""Build the site, serve it on localhost and photograph its key pages in headless Chromium.

    python scripts/screenshots.py [--out screenshots] [--site DIR]

Needs Debian's ``chromium`` (``apt-get install chromium``). Writes one PNG per page to
``--out`` and prints each file with its size; exits 1 if Chromium is missing or a
screenshot is not written. Chromium runs with no network beyond localhost: the site
must render with nothing fetched from elsewhere.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = {
    "home": ("index.html", 1280, 1400),
    "stance-grid": ("stances.html", 1280, 1100),
    "timeline": ("timeline.html", 1280, 2600),
    "topic-third-party-mediation": ("topics/third-party-mediation.html", 1280, 2000),
    "topic-indus-waters-treaty": ("topics/indus-waters-treaty.html", 1280, 2000),
    "topic-loc-ceasefire": ("topics/loc-ceasefire.html", 1280, 2400),
    "instrument-simla-1972": ("instruments/simla-1972.html", 1280, 1800),
    "actor-pakistan": ("actors/pakistan.html", 1280, 1800),
    "terms": ("terms.html", 1280, 1400),
    "instrument-indus-waters-1960": ("instruments/indus-waters-1960.html", 1280, 1600),
    "phone-stance-grid": ("stances.html", 390, 1600),
    "phone-topic-third-party-mediation": ("topics/third-party-mediation.html", 390, 1400),
    "phone-topic-self-determination": ("topics/self-determination.html", 390, 1400),
    "phone-instrument-simla-1972": ("instruments/simla-1972.html", 390, 1600),
    "phone-timeline": ("timeline.html", 390, 1400),
}
"""Screenshot name → (page, window width, window height): desktop 1280 px, phone 390 px."""

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def build(site: Path) -> None:
    """Build the site strictly into ``site``."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    banner_off = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    command = [str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(site)]
    subprocess.run(command, cwd=ROOT, check=True, env=banner_off)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Log nothing: the report is the list of screenshots."""


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    """Serve ``site`` on a free localhost port, in a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def shoot(chromium: str, url: str, out: Path, width: int, height: int) -> None:
    """Take one screenshot of ``url``."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={out}",
                url,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> int:
    """Build, serve, photograph; report each file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium not found: apt-get install chromium", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as built:
        site = args.site or Path(built)
        if args.site is None:
            build(site)
        server = serve(site)
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            failed = 0
            for name, (page, width, height) in PAGES.items():
                out = args.out / f"{name}.png"
                out.unlink(missing_ok=True)
                shoot(chromium, base + page, out, width, height)
                size = out.stat().st_size if out.exists() else 0
                failed += size == 0
                print(f"{out}  {size:>9,} bytes  {base}{page}")
        finally:
            server.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
