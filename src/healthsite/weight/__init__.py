"""Page weight: fewer requests and fewer bytes for readers, with the same rendered page."""
