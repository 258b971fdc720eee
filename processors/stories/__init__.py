"""Stories: one story however many feeds carry it (issue 16).

    fingerprint.py  the text a near-duplicate is judged on (boilerplate, datelines and bylines off) and its
                    MinHash (rensa), banded for LSH
    features.py     what a dispatch is about, language-neutral where it can be: countries, officials,
                    agencies, events (from the tagger), plus the title's content words
    index.py        StoryIndex: near-duplicates first, then the open story whose subject matches best within
                    the time window; stories close after the horizon

Pure and in-memory: the pipeline (embedded or the processor workers) feeds it tagged documents in order.
"""
