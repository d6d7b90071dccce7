"""What citizens see: published minutes only, exactly as issued. Reads; never prints or writes."""
