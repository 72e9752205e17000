from wirewatch.cli.main import main

# Guarded: worker processes (spawned by Dask or a process pool) import this module again.
if __name__ == "__main__":
    main()
