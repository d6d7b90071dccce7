"""E-mailing issued minutes to the distribution list, each e-mail recorded before it is sent."""
