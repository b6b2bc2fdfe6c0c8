"""Benchmarks and the load test: ``python -m benchmarks.callbacks``, ``python -m benchmarks.load``."""
