"""newslint: a text-quality and cleanup linter for scraped news."""

__version__ = "0.1.0"
