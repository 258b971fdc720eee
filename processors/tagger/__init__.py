"""The tagger: which countries, officials and agencies a dispatch mentions, and whether it reports a coup."""

from wirewatch.processors.tagger.engine import Tagger
from wirewatch.processors.tagger.kb import KnowledgeBase, KnowledgeBaseError

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "Tagger"]
