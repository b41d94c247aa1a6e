"""Glossary files and the Markdown extension that turns their terms into tooltips."""
