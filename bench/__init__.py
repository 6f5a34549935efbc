"""Benchmarks: `make bench` runs every bench/bench_*.py in one run and writes BENCHMARKS.md."""
