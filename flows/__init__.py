"""Prefect flows: wiring of the stages, nothing a test would want to reach."""
