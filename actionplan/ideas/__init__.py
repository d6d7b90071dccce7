"""The innovation bank (উদ্ভাবন ব্যাংক): its sheets (columns.py, sheet.py, export.py), writes
(services.py), reads (selectors.py) and pages (forms.py, views.py, urls.py). See docs/innovation-bank.md."""
