"""Reading and writing documents on disk: one module per format (JSONL now; folders and WARC later)."""
