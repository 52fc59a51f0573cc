"""Documents → records: ``readers`` turn a file into blocks, ``extract`` turns blocks into records."""
