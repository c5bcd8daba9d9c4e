"""DOT -> finished inline SVG, cached on disk by content hash.

The key is a hash of the DOT source, the renderer (name and version: dot and graphviz-pure draw
differently) and the SVG post-processing version, so an unchanged spec re-renders nothing and
any change that would alter the picture misses the cache. Entries are written atomically;
a corrupt or unreadable entry is simply rendered again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..files import write_atomic
from . import svg as svg_mod
from .graphviz_render import Renderer, RenderError, find_renderer

CACHE_DIR = Path(".cache") / "mopsdocs" / "diagrams"  # where 0.1 kept it, inside the project: no longer read


def project_cache_dir(root: Path) -> Path:
    """Where the diagrams of the project at `root` are kept: the user's cache folder, never the project.

    A cached SVG is inlined into pages as it is, so it must not be something that can arrive with a
    pull request (a committed `.cache/` would have put its own `<svg onload=...>` into the site).
    """
    from ..cache import cache_dir

    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir() / "diagrams" / key


@dataclass
class DiagramService:
    """Renders DOT to inline SVG through a cache folder; counts renders and cache hits."""

    cache_dir: Path | None  # None: no disk cache (tests, `mopsdocs graph`)
    renderer: Renderer | None = None  # found on first use, so a site without diagrams needs no Graphviz
    renders: int = 0
    hits: int = 0
    memory: dict[str, str] = field(default_factory=dict)

    def get_renderer(self) -> Renderer:
        if self.renderer is None:
            self.renderer = find_renderer()
        return self.renderer

    def key(self, dot_source: str) -> str:
        renderer = self.get_renderer()
        h = hashlib.sha256()
        for part in (renderer.name, svg_mod.VERSION, _code_hash(), dot_source):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()

    def svg(self, dot_source: str) -> str:
        """Finished SVG for `dot_source`; raises RenderError (or RendererMissing)."""
        key = self.key(dot_source)
        cached = self.memory.get(key) or self._read(key)
        if cached is not None:
            self.hits += 1
            self.memory[key] = cached
            return cached
        renderer = self.get_renderer()
        try:
            finished = svg_mod.finish_svg(renderer.render(dot_source))
        except ValueError as exc:  # exit 0 but no drawing: as much a failure as a non-zero exit
            raise RenderError(f"Graphviz ({renderer.kind}) returned no usable SVG: {exc}") from None
        self.renders += 1
        self.memory[key] = finished
        self._write(key, finished)
        return finished

    def _path(self, key: str) -> Path | None:
        return self.cache_dir / f"{key}.svg" if self.cache_dir is not None else None

    def _read(self, key: str) -> str | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return text if text.startswith("<svg") and text.rstrip().endswith("</svg>") else None

    def _write(self, key: str, text: str) -> None:
        path = self._path(key)
        if path is None:
            return
        with contextlib.suppress(OSError):  # a read-only checkout still builds; it just renders every time
            write_atomic(path, text)


__all__ = ["CACHE_DIR", "DiagramService", "project_cache_dir"]


@functools.lru_cache(maxsize=1)
def _code_hash() -> str:
    """The source of the code that turns DOT into the page's SVG: any change there redraws."""
    from . import graphviz_render, svg

    h = hashlib.sha256()
    for module in (svg, graphviz_render):
        h.update(Path(module.__file__ or "").read_bytes())
    return h.hexdigest()[:16]
