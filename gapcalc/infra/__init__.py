"""Infrastructure, below the domain: where files are (paths), how text is read (textio), the content-addressed
cache, atomic and exclusive writes (atomic), and worker processes (pool). Nothing here imports a plan, an actuals
file, the engine or a renderer."""
