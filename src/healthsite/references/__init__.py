"""Check bibliography entries against Crossref and PubMed, and write entries from their records.

Pure functions: `records` turns registry answers into `Record`s, `normalize` and `compare` turn an
entry and its records into findings, `bibtex_writer` writes a new entry. Only `client` talks to
the network, and `cache` keeps its answers on disk.
"""
