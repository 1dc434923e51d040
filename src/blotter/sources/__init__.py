"""Where documents come from besides files: web pages (``fetch``: ``Fetcher``, ``page_document``)
and feeds (``watch``: ``watch_once``), fetched politely (``politeness``) and stored through
``blotter.ingest.ingest_documents`` like files. Nothing is imported here, so that using the
fetcher alone does not load the language models."""
