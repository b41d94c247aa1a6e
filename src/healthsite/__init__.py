"""The libraries behind the site's MkDocs hooks, contributor checks, tests and benchmarks.

Plain Python: nothing here imports MkDocs or Material. The adapters in `hooks/` hand MkDocs'
objects' data to these modules and report what they return.

- `citations`: pandoc citation syntax, the BibTeX store and the Vancouver style (pybtex).
- `content`: the content rules (front matter, bibliography lint, translations, articles).
- `articles`: what an article page shows about itself (dates, cite this page, JSON-LD).
- `glossary`: abbreviation tooltips. `embedded_latin`: `lang="en"` inside Chinese text.
- `search`: the Pagefind index.
"""
