"""The Pagefind search index, one per language."""
