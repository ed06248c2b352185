"""Corpus mode: lint big scraped corpora on every core, summarise, gate, fix, report, shard.

Modules, in the order data flows: `sources` (shards and work units), `work` (what a worker
does to a chunk), `run` (the ordered process pool), `summary` (mergeable counts), `gate`
(thresholds, baseline, verdict), `output` (fix -o and audit), `crossdoc` (repeated site
lines), `report` (the HTML report), `shards` (--shard I/N parts and merge), `cli` (the
options the CLI adds for all of it).
"""
