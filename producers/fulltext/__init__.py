"""Full text: fetch the article behind a feed item and make its body the dispatch's text.

decide.py    which dispatches want their article (the feed's `fulltext` mode, the teaser's length)
robots.py    robots.txt, fetched and cached per site
fetcher.py   ArticleFetcher.enrich: fetch (address guard, politeness, conditional GET) → extract
pool.py      embedded mode: a bounded pool between the poller and the processing queue
service.py   distributed mode: `wirewatch fetcher`, dispatches.fetch → dispatches.raw
"""
