"""Benchmarks for the staff reports, run against a throwaway database (see README.md)."""
