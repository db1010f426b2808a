"""HTML input: parse once with lxml, extract the main blocks with trafilatura's engine."""
