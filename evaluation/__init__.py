"""Evaluations on real public data in ../shared/data: `make eval-dates`, `make eval-entities`."""
