"""Following feeds: new articles are fetched once, unchanged feeds cost one 304."""

from __future__ import annotations

import pytest

from blotter.cli import main
from blotter.errors import InputError
from blotter.sources.fetch import Fetcher
from blotter.sources.watch import FeedState, WatchState, feed_links, parse_duration, state_path_for, watch_once
from blotter.store import open_database

from .test_fetch import Reply, Site, quick, redirect, site  # noqa: F401  (site is a fixture)

SECOND_ARTICLE = """<html><head><title>Car bomb hits checkpoint near Mosul</title></head><body><article>
<h1>Car bomb hits checkpoint near Mosul</h1>
<p>A car bomb exploded at an army checkpoint near Mosul, Iraq, on Sunday, killing four soldiers and
wounding six, security officials said. No group has claimed the attack.</p>
</article></body></html>"""


def rss(*links: str) -> bytes:
    items = "".join(f"<item><title>Story {n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>{items}</channel></rss>'.encode()


def serve_feed(site: Site, path: str, *links: str, etag: str = '"1"') -> None:
    """A feed that answers 304 to a request carrying its current ETag."""
    def feed(headers: dict[str, str]) -> Reply:
        if headers.get("If-None-Match") == etag:
            return Reply(status=304, headers={"ETag": etag})
        return Reply(body=rss(*links), headers={"ETag": etag, "Content-Type": "application/rss+xml"})
    site.routes[path] = feed


def test_feed_links_reads_rss_and_atom_and_makes_links_absolute() -> None:
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
            b'<entry><title>A</title><link href="/news/a.html"/></entry></feed>')
    assert feed_links(atom, "http://127.0.0.1/feed.atom") == ["http://127.0.0.1/news/a.html"]
    assert feed_links(rss("http://127.0.0.1/b.html", "http://127.0.0.1/b.html"), "http://127.0.0.1/rss") == [
        "http://127.0.0.1/b.html"]


@pytest.mark.parametrize("content", [b"<rss><channel><item><title>oops", b"\x89PNG\r\n\x1a\n" + bytes(64)])
def test_a_broken_feed_is_an_input_error(content: bytes) -> None:
    with pytest.raises(InputError, match="not a readable RSS or Atom feed"):
        feed_links(content, "http://127.0.0.1/feed.xml")


def test_durations() -> None:
    assert [parse_duration(text) for text in ("90", "30s", "10m", "2h")] == [90, 30, 600, 7200]
    with pytest.raises(ValueError):
        parse_duration("soon")


def test_the_state_file_sits_beside_a_sqlite_database(tmp_path) -> None:
    assert state_path_for(f"sqlite:///{tmp_path}/news.db") == tmp_path / "news.db.watch.json"


def test_a_second_round_fetches_nothing_new_and_a_changed_feed_only_its_new_article(site: Site, tmp_path) -> None:
    site.page("/news/kano.html")
    site.page("/private/hidden.html")
    site.page("/news/mosul.html", SECOND_ARTICLE)
    serve_feed(site, "/feed.xml", site.url("/news/kano.html"), site.url("/private/hidden.html"))
    state_file = tmp_path / "state.json"
    warnings: list[str] = []
    with open_database(f"sqlite:///{tmp_path / 'news.db'}") as db, Fetcher(quick()) as fetcher:
        state = WatchState.load(state_file)
        first = watch_once([site.url("/feed.xml")], fetcher, db, state, warn=warnings.append)
        state.save(state_file)
        assert (first.articles_new, first.store.stored, first.store.failed) == (2, 1, 1)
        assert any("robots.txt" in warning for warning in warnings)

        state = WatchState.load(state_file)
        second = watch_once([site.url("/feed.xml")], fetcher, db, state, warn=warnings.append)
        assert (second.feeds_unchanged, second.articles_new) == (1, 0)

        serve_feed(site, "/feed.xml", site.url("/news/mosul.html"), site.url("/news/kano.html"), etag='"2"')
        third = watch_once([site.url("/feed.xml")], fetcher, db, state, warn=warnings.append)
        assert (third.articles_new, third.store.stored) == (1, 1)
        assert db.counts().documents == 2
    assert site.hits["/news/kano.html"] == 1 and site.hits["/private/hidden.html"] == 0


def test_a_page_already_in_the_database_is_not_fetched_again_even_without_state(site: Site, tmp_path) -> None:
    site.page("/news/kano.html")
    serve_feed(site, "/feed.xml", site.url("/news/kano.html"))
    with open_database(f"sqlite:///{tmp_path / 'news.db'}") as db, Fetcher(quick()) as fetcher:
        watch_once([site.url("/feed.xml")], fetcher, db, WatchState(), warn=print)
        again = watch_once([site.url("/feed.xml")], fetcher, db, WatchState(), warn=print)
    assert again.articles_new == 0 and site.hits["/news/kano.html"] == 1


def test_a_failing_feed_does_not_stop_the_others(site: Site, tmp_path) -> None:
    site.page("/news/kano.html")
    serve_feed(site, "/good.xml", site.url("/news/kano.html"))
    site.routes["/broken.xml"] = lambda headers: Reply(body=b"<rss><channel><item>",
                                                       headers={"Content-Type": "text/xml"})
    with open_database(f"sqlite:///{tmp_path / 'news.db'}") as db, Fetcher(quick()) as fetcher:
        summary = watch_once([site.url("/broken.xml"), site.url("/good.xml")], fetcher, db, WatchState(),
                             warn=lambda message: None)
    assert (summary.feeds_failed, summary.store.stored) == (1, 1)


def test_watch_once_command_twice(site: Site, tmp_path, capsys) -> None:
    site.page("/news/kano.html")
    serve_feed(site, "/feed.xml", site.url("/news/kano.html"))
    db = f"sqlite:///{tmp_path / 'news.db'}"
    assert main(["watch", site.url("/feed.xml"), "--db", db, "--once", "--delay", "0"]) == 0
    assert "new articles 1" in capsys.readouterr().err
    assert (tmp_path / "news.db.watch.json").exists()
    assert main(["watch", site.url("/feed.xml"), "--db", db, "--once", "--delay", "0"]) == 0
    assert "feeds unchanged 1" in capsys.readouterr().err
    assert site.hits["/news/kano.html"] == 1 and site.hits["/feed.xml"] == 2


def test_a_page_stored_under_the_url_it_redirected_to_is_known_by_the_url_asked_for(site: Site, tmp_path) -> None:
    site.page("/news/kano.html")
    site.routes["/r/kano"] = redirect("/news/kano.html")
    serve_feed(site, "/feed.xml", site.url("/r/kano"))
    serve_feed(site, "/other.xml", site.url("/r/kano"))
    db_url = f"sqlite:///{tmp_path / 'news.db'}"
    with open_database(db_url) as db, Fetcher(quick()) as fetcher:
        state = WatchState()
        first = watch_once([site.url("/feed.xml")], fetcher, db, state, warn=print)
        assert first.store.stored == 1
        assert state.redirects == {site.url("/r/kano"): site.url("/news/kano.html")}
        assert (db.counts().documents, site.hits["/news/kano.html"]) == (1, 1)
        # Even when no feed's list has it any more, the state's redirect says the page is stored.
        second = watch_once([site.url("/other.xml")], fetcher, db, WatchState(redirects=state.redirects), warn=print)
        assert (second.articles_new, second.store.skipped) == (0, 1)
        assert site.hits["/r/kano"] == 1
        # Without the state, the link is fetched once more but the page is not stored twice.
        site.page("/news/kano.html", html=SECOND_ARTICLE.replace("Mosul", "Kano"))
        third = watch_once([site.url("/other.xml")], fetcher, db, WatchState(), warn=print)
        assert (third.articles_new, third.store.stored, third.store.skipped) == (1, 0, 1)
        assert db.counts().documents == 1
    # `fetch` learns the redirect into the state file beside the database, then never fetches it again.
    assert main(["fetch", site.url("/r/kano"), "--db", db_url, "--delay", "0"]) == 0
    assert main(["fetch", site.url("/r/kano"), "--db", db_url, "--delay", "0"]) == 0
    assert site.hits["/r/kano"] == 3 and site.hits["/news/kano.html"] == 3


def test_a_feed_remembers_what_it_still_lists_and_its_last_few_other_urls(site: Site, tmp_path) -> None:
    for n in range(5):
        site.page(f"/news/{n}.html", SECOND_ARTICLE.replace("four", str(n + 10)))
    feed = site.url("/feed.xml")
    with open_database(f"sqlite:///{tmp_path / 'news.db'}") as db, Fetcher(quick()) as fetcher:
        state = WatchState()
        for round_number, listed in enumerate([(0, 1, 2), (2, 3), (3, 4)]):
            serve_feed(site, "/feed.xml", *(site.url(f"/news/{n}.html") for n in listed), etag=f'"{round_number}"')
            watch_once([feed], fetcher, db, state, warn=print, keep=1)
        assert state.feeds[feed].handled == [site.url("/news/2.html"), site.url("/news/3.html"),
                                             site.url("/news/4.html")]
    assert all(site.hits[f"/news/{n}.html"] == 1 for n in range(5))


def test_a_state_file_with_one_list_for_all_feeds_still_loads(tmp_path) -> None:
    path = tmp_path / "old.watch.json"
    path.write_text('{"feeds": {"http://a/feed": {"etag": "1", "last_modified": null}}, "seen_urls": ["http://a/1"]}')
    state = WatchState.load(path)
    assert state.feeds == {"http://a/feed": FeedState(etag="1", handled=["http://a/1"])}
    state.save(path)
    assert WatchState.load(path) == state


def test_an_article_that_failed_for_a_passing_reason_is_tried_again_while_its_feed_is_unchanged(
        site: Site, tmp_path) -> None:
    answers = iter([Reply(status=503), Reply(body=SECOND_ARTICLE.encode())])
    site.routes["/news/mosul.html"] = lambda headers: next(answers)
    serve_feed(site, "/feed.xml", site.url("/news/mosul.html"))
    with open_database(f"sqlite:///{tmp_path / 'news.db'}") as db, Fetcher(quick(retries=0)) as fetcher:
        state = WatchState()
        first = watch_once([site.url("/feed.xml")], fetcher, db, state, warn=lambda message: None)
        second = watch_once([site.url("/feed.xml")], fetcher, db, state, warn=print)
        third = watch_once([site.url("/feed.xml")], fetcher, db, state, warn=print)
    assert (first.store.failed, second.feeds_unchanged, second.store.stored) == (1, 1, 1)
    assert third.articles_new == 0 and state.feeds[site.url("/feed.xml")].pending == []
    assert site.hits["/news/mosul.html"] == 2
