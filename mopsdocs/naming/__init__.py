"""Naming conventions as code: templates compiled to one matcher, explanations, a name builder.

The package is a pipeline of small, pure modules:
- `grammar`: the template language (`{field}`, `[optional]`, literals) parsed to a tree;
- `regex`, `userpattern`, `dates`: the pieces every matcher is made of, emitted for Python and
  for JavaScript from the same description, so the page's builder and `names check` agree;
- `fields`, `compiler`: a `Convention` spec compiled once into a `CompiledConvention` whose
  fast path is a single regular expression;
- `explain`: for names that fail only, the reasons per field and a suggested fix;
- `build`: values to a name (`names build` and the page's builder);
- `sources`, `output`, `checking`: reading names from lines or CSV exports and reporting on them;
- `jsdata`: the compiled convention as JSON for the page's JavaScript engine.
Nothing here imports jinja2 or mkdocs, so `mopsdocs check` can use the compiler.
"""
