"""Pure stages of the pipeline: frames in, frames out (extract alone reads files)."""
