"""Readers that turn files into texts to check: plain text files and JSONL records."""
