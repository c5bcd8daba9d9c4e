"""`mopsdocs audit`: the specs held against the platforms' exports (contract section 8).

`rules` holds DRIFT001-006 and AUDIT001-008 (declared in the rule catalogue, so the rules
reference lists them, but never run by `check`); `context.Audit` is what they read (the project,
the exports and their indexes); `run.run_audit` runs them. The readers (`mopsdocs.exports`) are
imported only when an audit runs.
"""
