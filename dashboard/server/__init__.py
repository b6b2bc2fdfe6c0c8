"""The web server around the pages: security headers, request limits, error pages, compression,
shared state (sessions and limits), the answer cache and the start-up check of the store."""
