"""E-mail alerts: a reader follows a search or an office's minutes by e-mail (docs/feeds.md)."""
