"""The minutes document: its context, the HTML and PDF printed from one template, stored issued versions."""
