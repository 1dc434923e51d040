"""Where documents come from besides files: web pages (``fetch``) and feeds (``watch``),
fetched politely (``politeness``) and stored through the ingest path (``store``)."""

from .fetch import FetchFailed, Fetcher, FetchSettings, Response, page_document
from .store import StoreSummary, store_documents, stored_urls
from .watch import WatchState, fetch_documents, feed_links, watch_once

__all__ = ["FetchFailed", "FetchSettings", "Fetcher", "Response", "StoreSummary", "WatchState", "feed_links",
           "fetch_documents", "page_document", "store_documents", "stored_urls", "watch_once"]
