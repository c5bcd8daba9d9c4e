"""Semantic history (contract section 9): `mopsdocs diff` and the changes page.

    git.Repo            revisions, trees and blobs through one `git cat-file --batch`; the log
    snapshot            a revision's files -> the normal pipeline (`pipeline.build_project`)
    entities            a Project -> its entities by (kind, id), as `export` dumps them
    compare             two entity tables -> Changes, field by field (every kind, generically)
    follows             what follows: duties gained and lost, exported names that flip
    changeset           `diff` in one function: revisions in, a ChangeSet out
    phrases / output    the form of each change's sentence; diff's text, markdown and json
    changelog           every commit compared with its parent, cached per commit (the page)

Nothing here imports the site; the changes page family (`site/families/changes.py`) reads
`changelog` and words the phrases in its templates.
"""
