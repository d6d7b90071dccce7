"""The office administrator's area (/offices/<id>/manage/): an office's users and their roles,
officials and posts, branches, teams and committees, files (নথি), policies and audit log, kept by
its administrators and by those of the offices above it (offices/access.py), without Django's admin.

Each page is one section (sections.py); other apps add theirs (minutes: distribution groups).
Views fetch through offices/selectors.py, validate a form and call offices/services.py.
"""
