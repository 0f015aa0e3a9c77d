"""TOML text of the small records that tests write into their own data files."""

from __future__ import annotations


def actor(actor_id: str, name: str, kind: str = "group") -> str:
    """An ``[[actor]]`` record."""
    return f'\n[[actor]]\nid = "{actor_id}"\nname = "{name}"\nkind = "{kind}"\n'


def notes(published: str, source_id: str = "my-notes") -> str:
    """A primary ``[[source]]``, "My notes" by "Me", published on ``published``."""
    return (
        f'\n[[source]]\nid = "{source_id}"\ntitle = "My notes"\npublisher = "Me"\n'
        f'published = {published}\nkind = "primary"\n'
    )
