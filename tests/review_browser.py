"""Debian's headless Chromium driven by Selenium, for the review report: the browser test's driver
(tests/test_review_browser.py) and the README's screenshot:

    python -m tests.review_browser OUT_DIR/report.html docs/review.png [--article ID] [--width 1280 --height 800]

Chromium and ChromeDriver are Debian's packages `chromium` and `chromium-driver` (/usr/bin/chromium,
/usr/bin/chromedriver; the environment variables CHROMIUM and CHROMEDRIVER point elsewhere). Selenium is
given both paths, so it never looks for or downloads a browser or driver of its own (Selenium Manager).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = Path(os.environ.get("CHROMIUM") or "/usr/bin/chromium")
CHROMEDRIVER = Path(os.environ.get("CHROMEDRIVER") or "/usr/bin/chromedriver")
INSTALL = "apt-get update && apt-get install -y chromium chromium-driver"

# As root (CI is) Chromium needs --no-sandbox; the network is closed, so everything Chromium does on its own
# at start (component updates, sync, background requests, QUIC) is turned off, or it fills the log with
# refused connections. A fresh --user-data-dir is added per start.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--force-device-scale-factor=1",
    "--hide-scrollbars",
)


def missing() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    for what, path in (("Chromium", CHROMIUM), ("ChromeDriver", CHROMEDRIVER)):
        if not (path.is_file() and os.access(path, os.X_OK)):
            return (f"{what} not found at {path}: install Debian's chromium and chromium-driver "
                    f"(as root: {INSTALL}; .ci/run does)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        return 'selenium is not installed: pip install -e ".[test]"'
    return None


@contextmanager
def chromium(profile: Path | None = None, width: int = 1280, height: int = 900) -> Iterator:
    """A Selenium WebDriver on headless Chromium with a fresh profile (a new folder unless `profile` is given),
    its browser console log kept (driver.get_log("browser")); quit on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    own = profile is None
    if own:
        profile = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
    profile.mkdir(parents=True, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=str(CHROMEDRIVER), log_output=str(profile.with_name(profile.name + ".log")))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()
        if own:
            shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, html: Path) -> None:
    """Load a local file and wait until the document (with its inline scripts) is complete."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(Path(html).resolve().as_uri())
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def screenshot(html: Path, png: Path, article: str | None = None, width: int = 1280, height: int = 800) -> Path:
    """A PNG of the report's window: at the top, or at `article` (an article id) with its first result row
    clicked, so its evidence is highlighted."""
    from selenium.webdriver.common.by import By

    with chromium(width=width, height=height) as driver:
        open_page(driver, html)
        if article is not None:
            section = next(s for s in driver.find_elements(By.CSS_SELECTOR, "section.article")
                           if s.get_attribute("data-article-id") == article)
            rows = section.find_elements(By.CSS_SELECTOR, "tr.result")
            if rows:
                driver.execute_script("arguments[0].click()", rows[0])
            # the section's top just below the filter bar (sticky at the top of the window)
            driver.execute_script("""
                arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});
                const bar = document.getElementById('filters');
                window.scrollBy({top: -(bar ? bar.getBoundingClientRect().height + 8 : 0), behavior: 'instant'});
            """, section)
        driver.execute_script("return new Promise(r => requestAnimationFrame(() => setTimeout(r, 300)))")
        png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(png))
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.review_browser", description=screenshot.__doc__)
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--article", help="scroll to this article id and click its first result row")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args(argv)
    why = missing()
    if why:
        print(why, file=sys.stderr)
        return 3
    png = screenshot(args.html, args.png, args.article, args.width, args.height)
    print(f"{png}: {png.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
