"""Writing minutes: the editor, its forms and limits, and the services that save a meeting's content."""
