"""Editors' input: what the ward writes and the rules it must pass.

The shared tables, the ward's identity, pages and articles, units' reports,
an infographic's content schema, and the checks that read them (front matter,
chronology, sourced figures, active content). Modules here import only the
foundation (`wardpub.problems`, `cache`, `text`, `language`, `fonts`) and each
other; nothing here draws or builds a page.
"""
