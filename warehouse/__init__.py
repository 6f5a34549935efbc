"""The only code that touches the warehouse: Parquet files, the manifest and the DuckDB views."""
